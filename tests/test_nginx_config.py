"""The nginx configuration of the deployment recipe (app/nginx/, tools/nginx_proxy.py).

Rendering is checked without nginx; `nginx -t` checks the result where nginx is installed
(`make nginx`; in CI it must be).
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from app.headers import HEADERS
from tools.nginx_proxy import NGINX, TEMPLATE, render_config


@pytest.fixture
def config(tmp_path) -> str:
    return render_config(18080, 18866, tmp_path)


def directives(config: str) -> list[str]:
    """The configuration without comments, one directive per line, spaces collapsed."""
    lines = (re.sub(r"#.*", "", line).strip() for line in config.splitlines())
    return [re.sub(r"\s+", " ", line) for line in lines if line]


def test_every_placeholder_is_filled(config, tmp_path):
    assert not re.findall(r"@[A-Z_]+@", config)
    assert re.findall(r"@[A-Z_]+@", TEMPLATE.read_text(encoding="utf-8"))  # there were some
    assert "listen 127.0.0.1:18080;" in directives(config)
    assert "server 127.0.0.1:18866;" in directives(config)
    assert f"pid {tmp_path}/nginx.pid;" in directives(config)


def test_listens_on_loopback_only(config):
    listens = [line for line in directives(config) if line.startswith("listen ")]
    assert listens == ["listen 127.0.0.1:18080;"]


def test_everything_nginx_writes_is_in_the_run_directory(config, tmp_path):
    lines = directives(config)
    for directive in (
        "pid",
        "error_log",
        "access_log",
        "client_body_temp_path",
        "proxy_temp_path",
        "fastcgi_temp_path",
        "uwsgi_temp_path",
        "scgi_temp_path",
    ):
        found = [line for line in lines if line.startswith(f"{directive} ")]
        assert found, directive
        assert all(line.split()[1].startswith(f"{tmp_path}/") for line in found), found
    assert not any(line.startswith("daemon ") for line in lines)  # the caller decides


def test_proxies_websockets_unbuffered_with_the_readers_address(config):
    lines = directives(config)
    for directive in (
        "proxy_http_version 1.1;",
        "proxy_buffering off;",
        "proxy_set_header Upgrade $http_upgrade;",
        "proxy_set_header Connection $connection_upgrade;",
        "proxy_set_header Host $http_host;",
        "proxy_set_header X-Real-IP $remote_addr;",
        "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;",
        "proxy_set_header X-Forwarded-Proto $scheme;",
        "server_tokens off;",
        "include /etc/nginx/mime.types;",
    ):
        assert directive in lines, directive
    assert "map $http_upgrade $connection_upgrade {" in lines


def test_pages_are_rate_limited_and_connections_capped(config):
    lines = directives(config)
    assert any(line.startswith("limit_req_zone $binary_remote_addr zone=pages:") for line in lines)
    assert any(
        line.startswith("limit_conn_zone $binary_remote_addr zone=perclient:") for line in lines
    )
    assert "limit_req_status 429;" in lines and "limit_conn_status 429;" in lines
    assert any(re.fullmatch(r"limit_conn perclient \d+;", line) for line in lines)
    # The limit on pages sits in the location of the chapter pages, and only there.
    page_location = lines.index("location ~ ^/voila/render/ {")
    limit = next(i for i, line in enumerate(lines) if line.startswith("limit_req zone=pages"))
    assert lines[page_location + 1] == lines[limit]
    assert sum(line.startswith("limit_req ") for line in lines) == 1
    assert "client_max_body_size 64k;" in lines
    for timeout in ("client_header_timeout", "client_body_timeout", "send_timeout"):
        assert any(line.startswith(f"{timeout} ") for line in lines), timeout


def test_sends_the_apps_security_headers_once_on_every_response(config):
    lines = directives(config)
    assert HEADERS
    for name, value in HEADERS.items():
        assert f'add_header {name} "{value}" always;' in lines, name
        assert f"proxy_hide_header {name};" in lines, name
    # add_header in a location would drop these there (nginx inherits all or nothing).
    assert sum(line.startswith("add_header ") for line in lines) == len(HEADERS)


@pytest.mark.parametrize(
    "port, app_port, rundir",
    [(0, 8866, "/tmp/x"), (8080, 70000, "/tmp/x"), (8080, 8866, "relative"), (8080, 8866, "/a b")],
)
def test_refuses_values_it_cannot_write_safely(port, app_port, rundir):
    with pytest.raises(ValueError):
        render_config(port, app_port, rundir)


def test_nginx_accepts_the_configuration(tmp_path):
    if not os.access(NGINX, os.X_OK):
        message = f"{NGINX} is missing: run `make nginx` (apt-get install nginx)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    conf = tmp_path / "nginx.conf"
    conf.write_text(render_config(18080, 18866, tmp_path), encoding="utf-8")
    error_log = Path(tmp_path, "error.log")
    result = subprocess.run(
        [NGINX, "-t", "-e", str(error_log), "-p", f"{tmp_path}/", "-c", str(conf)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "test is successful" in result.stderr
