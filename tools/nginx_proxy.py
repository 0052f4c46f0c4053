"""nginx in front of the readers' site: the deployment recipe, runnable on loopback.

``app/nginx/technoparks.conf.template`` is the configuration (rate limits, websocket
upgrade, security headers, timeouts; its comments say why). This module fills it in
(:func:`render_config`, pure) and runs it (:func:`nginx`, for the browser tests and
:func:`main`).

Serve the site behind nginx in the foreground::

    python -m app --port=8866 --ReaderSite.behind_proxy=True &
    python -m tools.nginx_proxy --app-port 8866 --port 8080

Debian's nginx is needed (`make nginx`). Nothing runs as a system service: nginx keeps
its pid file, logs and temporary files in a run directory of its own.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import urllib.parse
from collections.abc import Iterator, Mapping
from pathlib import Path

from app.headers import HEADERS
from tools.voila_server import free_port, wait_until_serving

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "app" / "nginx" / "technoparks.conf.template"
NGINX = "/usr/sbin/nginx"
CONFIG_NAME = "nginx.conf"

# A path nginx reads unquoted: no spaces, quotes, semicolons, braces or variables.
_SAFE_PATH = re.compile(r"^/[A-Za-z0-9_./+-]*$")
# A header value nginx reads inside double quotes: no quote, backslash, variable or newline.
_UNSAFE_VALUE = re.compile(r'["\\$\r\n]')
_HEADER_NAME = re.compile(r"^[A-Za-z0-9-]+$")


def security_header_lines(headers: Mapping[str, str] = HEADERS) -> list[str]:
    """nginx directives sending each header once: hidden from the app, added by nginx."""
    lines = []
    for name, value in headers.items():
        if not _HEADER_NAME.match(name) or _UNSAFE_VALUE.search(value):
            raise ValueError(f"header {name!r} cannot be written into nginx's configuration")
        lines.append(f"proxy_hide_header {name};")
        lines.append(f'add_header {name} "{value}" always;')
    return lines


def _port(value: int, what: str) -> int:
    if not isinstance(value, int) or not 0 < value < 65536:
        raise ValueError(f"{what} must be a TCP port number, not {value!r}")
    return value


def render_config(port: int, app_port: int, rundir: str | Path, template: str | None = None) -> str:
    """The nginx configuration: listen on 127.0.0.1:``port``, proxy to ``app_port``.

    ``rundir`` (absolute) holds nginx's pid file, logs and temporary files. The security
    headers come from :data:`app.headers.HEADERS`. Raises ValueError on a value that
    cannot be written safely, or if a placeholder is left unfilled.
    """
    rundir = str(rundir).rstrip("/") or "/"
    if not _SAFE_PATH.match(rundir):
        raise ValueError(f"run directory {rundir!r} must be absolute, with no spaces or quotes")
    text = TEMPLATE.read_text(encoding="utf-8") if template is None else template
    # The headers placeholder sits on a line of its own; keep its indentation.
    text = re.sub(
        r"^([ \t]*)@SECURITY_HEADERS@[ \t]*$",
        lambda m: "\n".join(m[1] + line for line in security_header_lines()),
        text,
        flags=re.MULTILINE,
    )
    for name, value in {
        "@PORT@": str(_port(port, "port")),
        "@APP_PORT@": str(_port(app_port, "app_port")),
        "@RUNDIR@": rundir,
    }.items():
        text = text.replace(name, value)
    left = sorted(set(re.findall(r"@[A-Z_]+@", text)))
    if left:
        raise ValueError(f"placeholders left unfilled: {', '.join(left)}")
    return text


def _nginx_binary() -> str:
    if not os.access(NGINX, os.X_OK):
        raise RuntimeError(f"{NGINX} is missing: run `make nginx` (apt-get install nginx)")
    return NGINX


def _log_tail(rundir: Path, lines: int = 20) -> str:
    parts = []
    for name in ("nginx.out", "error.log"):
        path = rundir / name
        if path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace").strip()
            if text:
                parts.append(f"--- {name} ---\n" + "\n".join(text.splitlines()[-lines:]))
    return "\n".join(parts)


def _stop(process: subprocess.Popen) -> None:
    """Graceful shutdown (SIGQUIT: finish open requests), then a kill if it lingers."""
    if process.poll() is None:
        process.send_signal(signal.SIGQUIT)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextlib.contextmanager
def nginx(app_url: str, port: int | None = None) -> Iterator[str]:
    """Run nginx on 127.0.0.1 in front of the app at ``app_url``; yield nginx's base URL.

    The configuration is checked (``nginx -t``) before nginx starts; on exit nginx is
    stopped and its run directory removed. Raises RuntimeError if nginx is not installed
    or does not start (with its log).
    """
    binary = _nginx_binary()
    app = urllib.parse.urlsplit(app_url)
    if app.hostname not in ("127.0.0.1", "localhost") or app.port is None:
        raise ValueError(f"the app must listen on 127.0.0.1 with a port, not {app_url!r}")
    rundir = Path(tempfile.mkdtemp(prefix="technoparks-nginx-"))
    # Started by root, nginx's workers run unprivileged and must enter the run directory
    # (nginx creates the temporary directories in it for them).
    rundir.chmod(0o711)
    process = None
    try:
        port = port or free_port()
        config = rundir / CONFIG_NAME
        config.write_text(render_config(port, app.port, rundir), encoding="utf-8")
        # -e: nginx's log before it reads the configuration (a build's default may be a
        # file only root can write).
        base = [binary, "-e", str(rundir / "error.log"), "-p", f"{rundir}/", "-c", str(config)]
        check = subprocess.run([*base, "-t", "-q"], capture_output=True, text=True)
        if check.returncode != 0:
            raise RuntimeError(f"nginx rejects its configuration:\n{check.stderr.strip()}")
        with open(rundir / "nginx.out", "wb") as out:
            process = subprocess.Popen(
                [*base, "-g", "daemon off;"], stdout=out, stderr=subprocess.STDOUT
            )
        url = f"http://127.0.0.1:{port}/"
        try:
            wait_until_serving(url, process, timeout=30)
        except (RuntimeError, TimeoutError) as error:
            raise RuntimeError(f"nginx did not serve {url}: {error}\n{_log_tail(rundir)}") from None
        yield url
    finally:
        if process is not None:
            _stop(process)
        shutil.rmtree(rundir, ignore_errors=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description="Serve the readers' site behind nginx on 127.0.0.1 (in the foreground). "
        "Start the app first: python -m app --port=APP_PORT --ReaderSite.behind_proxy=True"
    )
    parser.add_argument("--app-port", type=int, default=8866, help="the app's port (8866)")
    parser.add_argument("--port", type=int, default=8080, help="nginx's port (8080)")
    parser.add_argument(
        "--print-config",
        action="store_true",
        help="print the configuration (run directory /run/technoparks-nginx) and exit",
    )
    args = parser.parse_args(argv)
    if args.print_config:
        print(render_config(args.port, args.app_port, "/run/technoparks-nginx"), end="")
        return
    # A supervisor's SIGTERM stops nginx too (the context manager's exit runs).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    with nginx(f"http://127.0.0.1:{args.app_port}/", port=args.port) as url:
        print(f"nginx serves the site at {url} (Ctrl-C stops it)", flush=True)
        try:
            signal.pause()
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
