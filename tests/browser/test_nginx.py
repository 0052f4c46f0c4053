"""The site behind nginx, as deployed: headers, websockets and rate limits through the proxy.

The module starts its own app (``--ReaderSite.behind_proxy=True``, as the recipe says) with
nginx in front (tools/nginx_proxy.py, app/nginx/technoparks.conf.template), so its rate
limits and kernels touch no other test. nginx must be installed (`make nginx`); these
tests are never skipped.
"""

from __future__ import annotations

import http.client
import os
import re
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import pytest
from playwright.sync_api import expect

from app.headers import HEADERS
from tools.nginx_proxy import NGINX, nginx
from tools.voila_server import voila

SURVEY = "voila/render/03_park_survey.ipynb"
INDEX = "voila/render/00_index.ipynb"
STATIC_EDITION = "voila/files/_site/00_index.html"
VOILA_ASSET = "voila/static/voila.js"
# What nginx's own 429 page says (app/nginx/technoparks.conf.template, location @too_many);
# the app's refusal page says "Please try again in a moment" instead.
NGINX_REFUSAL = "<h1>Too many requests</h1>"


@dataclass(frozen=True)
class Proxied:
    app_url: str
    url: str  # nginx's base URL, in front of app_url


def proxied_site(*options: str):
    if not os.access(NGINX, os.X_OK):
        pytest.fail(f"{NGINX} is missing: run `make nginx` (apt-get install nginx)")
    with voila("--ReaderSite.behind_proxy=True", *options) as app, nginx(app.url) as url:
        yield Proxied(app.url, url)


@pytest.fixture(scope="module")
def proxied():
    yield from proxied_site()


@pytest.fixture(scope="module")
def proxied_with_kernels():
    """The app giving every reader a kernel (``share_pages=False``), behind nginx."""
    yield from proxied_site("--ReaderSite.share_pages=False")


@dataclass(frozen=True)
class Answer:
    status: int
    headers: http.client.HTTPMessage
    body: str


def get(base_url: str, path: str, timeout: float = 60) -> Answer:
    parsed = urllib.parse.urlsplit(base_url)
    connection = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=timeout)
    try:
        connection.request("GET", f"/{path}")
        response = connection.getresponse()
        body = response.read().decode("utf-8", "replace")
        return Answer(response.status, response.headers, body)
    finally:
        connection.close()


def assert_security_headers(answer: Answer, what: str) -> None:
    for name, value in HEADERS.items():
        # Once: nginx hides the app's copy and adds its own.
        assert answer.headers.get_all(name) == [value], (what, name, answer.headers.get_all(name))
    assert answer.headers["Server"] == "nginx", what  # no version (server_tokens off)


@pytest.mark.parametrize(
    "path, status",
    [
        (SURVEY, 200),
        (STATIC_EDITION, 200),
        (VOILA_ASSET, 200),
        ("voila/render/no_such_chapter.ipynb", 404),
        ("no/such/page", 404),
    ],
    ids=["chapter", "static-edition", "voila-asset", "missing-chapter", "missing-page"],
)
def test_every_response_through_the_proxy_carries_the_security_headers(proxied, path, status):
    answer = get(proxied.url, path)
    assert answer.status == status, (path, answer.body[:500])
    assert_security_headers(answer, path)


def inner_text_once(locator, text: str, timeout: float = 10) -> str:
    """The rendered text of ``locator`` once it contains ``text`` (as a reader sees it)."""
    deadline = time.monotonic() + timeout
    while text not in (shown := locator.inner_text()) and time.monotonic() < deadline:
        time.sleep(0.1)
    return shown


def test_a_reader_chooses_a_park_through_the_proxy(proxied, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    requests: list[str] = []
    sockets: list[str] = []

    def on_console(message) -> None:
        if message.type == "error":
            errors.append(f"console error: {message.text} ({message.location.get('url', '')})")

    def on_response(response) -> None:
        if response.status >= 400:
            errors.append(f"HTTP {response.status}: {response.url}")

    page.on("pageerror", lambda error: errors.append(f"page error: {error}"))
    page.on("console", on_console)
    page.on("response", on_response)
    page.on("request", lambda request: requests.append(request.url))
    page.on("websocket", lambda socket: sockets.append(socket.url))
    try:
        page.goto(f"{proxied.url}{SURVEY}")
        page.wait_for_selector(".tp-chooser select", timeout=90_000)
        page.get_by_label("Park", exact=True).select_option("KGP")
        table_2 = page.locator(".tp-switched-view", has_text="Table 2: ").first
        # Karaganda's 16 tenants (the view switches in the browser, at once).
        assert re.search(r"Tenants as of 2004\s+16\b", inner_text_once(table_2, "Karaganda"))
        # The address bar follows the choice, so a copied link opens the same view.
        expect(page).to_have_url(re.compile(r"\?park=KGP$"), timeout=10_000)
        assert page.url.endswith("?park=KGP")
        assert errors == [], errors
        # Everything went through nginx: the page never talks to the app directly.
        elsewhere = [
            url for url in requests if not url.startswith((proxied.url, "data:", "blob:", "about:"))
        ]
        assert elsewhere == [], elsewhere
        assert sockets == []  # the page's widgets are embedded: it never opens a websocket
    finally:
        context.close()


def test_a_kernels_websocket_is_proxied(proxied_with_kernels):
    """The recipe forwards websocket upgrades, for an app that gives readers kernels (a
    visitor's script may open one; the app checks its frames, tests/browser/test_hostile.py)."""
    from tools.visitor import ask, channels, in_thread, message, reader_kernel

    url = proxied_with_kernels.url

    async def kernel_info() -> list[dict]:
        async with channels(url, reader_kernel(url)) as socket:
            return await ask(socket, message("kernel_info_request", {}), seconds=10)

    replies = in_thread(kernel_info())
    assert any(reply["header"]["msg_type"] == "kernel_info_reply" for reply in replies)


def test_a_flood_of_pages_is_throttled_but_assets_still_load(proxied):
    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=40) as pool:
        answers = list(pool.map(lambda _: get(proxied.url, INDEX, timeout=60), range(40)))
    elapsed = time.monotonic() - started
    statuses = sorted(answer.status for answer in answers)
    # Every request was answered: served, refused by nginx or the app (429), or busy (503).
    assert set(statuses) <= {200, 429, 503}, statuses
    assert elapsed < 60, (elapsed, statuses)
    refused_by_nginx = [a for a in answers if a.status == 429 and NGINX_REFUSAL in a.body]
    # nginx lets the burst (10) and one more through at once, and one more every 2 s; it
    # refuses the rest itself (the app may refuse some of those it passes, with its own page).
    assert len(refused_by_nginx) >= 20, statuses
    assert_security_headers(refused_by_nginx[0], "nginx's 429")
    assert "/voila/files/_site/index.html" in refused_by_nginx[0].body  # somewhere to go
    # Assets are not rate-limited: the static edition still loads at once.
    for path in (STATIC_EDITION, VOILA_ASSET):
        answer = get(proxied.url, path, timeout=10)
        assert answer.status == 200, (path, answer.status)
