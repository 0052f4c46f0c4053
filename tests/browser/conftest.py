"""Browser tests: the running Voila site, driven in Debian's Chromium by Playwright.

A session-wide Voila server is started on a free loopback port with the site's own
configuration (app/voila.py), exactly as `make app` starts it.  Every page a test opens
is watched: a JavaScript error, a failed request or a request to a non-local host fails
the test.  Chromium must be installed (`make test` installs it); these tests are never
skipped.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from tools.voila_server import CHROMIUM, CHROMIUM_ARGS, static_server, voila

SITE = Path(__file__).resolve().parents[2] / "notebooks" / "_site"

LOCAL_HOSTS = ("http://127.0.0.1:", "data:", "blob:", "about:")
# Where a chapter is served: by the app, and in the static edition.
PAGES = {"app": "voila/render/{}.ipynb", "static": "{}.html"}


@pytest.fixture(scope="session", autouse=True)
def server_logs(tmp_path_factory):
    """Every server the tests start logs, with times, to a file here (tools/voila_server),
    so that a failing test can show what its server was doing."""
    folder = os.environ.get("TECHNOPARKS_SERVER_LOG")
    if folder:
        yield Path(folder)
        return
    folder = tmp_path_factory.mktemp("server-logs")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TECHNOPARKS_SERVER_LOG", str(folder))
        yield folder


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """A failed test's report ends with the last lines of the servers' logs."""
    report = (yield).get_result()
    folder = os.environ.get("TECHNOPARKS_SERVER_LOG")
    if not report.failed or not folder:
        return
    logs = sorted(Path(folder).glob("server-*.log"), key=lambda path: path.stat().st_mtime)
    for log in logs[-3:]:  # the servers written to last
        lines = log.read_text(errors="replace").splitlines()
        report.sections.append((f"server log {log.name}, last lines", "\n".join(lines[-40:])))


@pytest.fixture(scope="session")
def app_url():
    # The test suite is one client opening hundreds of pages: lift the per-client window
    # (tests/browser/test_hostile.py checks it on a server of its own).
    with voila("--ReaderSite.pages_per_client=100000") as server:
        yield server.url


@pytest.fixture(scope="session")
def kernel_app_url():
    """The site giving every reader a kernel of their own, as plain Voila does
    (``share_pages=False``): for tests of what a visitor can send to a page's kernel,
    which the site as served sends to no one (app/shared_pages.py)."""
    with voila("--ReaderSite.pages_per_client=100000", "--ReaderSite.share_pages=False") as server:
        yield server.url


@pytest.fixture(scope="session")
def static_url():
    """The static edition (`make site`) served by a plain file server: no kernel, no app."""
    if not (SITE / "index.html").is_file():
        pytest.fail(f"{SITE} is missing: run `make site`")
    with static_server(SITE) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make browser` (apt-get install chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class WatchedPage:
    """A page that records JavaScript errors, failed requests, non-local requests and
    websockets."""

    def __init__(self, page):
        self.page = page
        self.errors: list[str] = []
        self.foreign: list[str] = []
        self.websockets: list[str] = []
        page.on("pageerror", lambda error: self.errors.append(f"page error: {error}"))
        page.on("console", self._console)
        page.on("request", self._request)
        page.on("requestfailed", self._failed)
        page.on("response", self._response)
        # Nothing a reader does goes back to Python: a page of the site opens no websocket.
        page.on("websocket", lambda socket: self.websockets.append(socket.url))

    def _console(self, message) -> None:
        if message.type == "error":
            where = message.location.get("url", "")
            self.errors.append(f"console error: {message.text} ({where})")

    def _request(self, request) -> None:
        if not request.url.startswith(LOCAL_HOSTS):
            self.foreign.append(request.url)

    def _response(self, response) -> None:
        # The console only says "404"; name the address.
        if response.status >= 400:
            self.errors.append(f"HTTP {response.status}: {response.url}")

    def _failed(self, request) -> None:
        self.errors.append(f"request failed: {request.url} ({request.failure})")


@pytest.fixture
def watched(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = WatchedPage(context.new_page())
    yield page
    context.close()
    assert page.errors == [], page.errors
    assert page.foreign == [], page.foreign
    assert page.websockets == [], page.websockets


@pytest.fixture(params=["app", "static"])
def edition(request, app_url, static_url):
    """(base URL, page path pattern) of the app or of the static edition: a test that
    takes it runs against both."""
    base = app_url if request.param == "app" else static_url
    return base, PAGES[request.param]


# A chapter is drawn when its links are there and its controls are drawn (the page's
# embedded_widgets.js marks <html> when every one is). A function, not an expression:
# Playwright evaluates an expression with eval(), which the site's policy forbids.
DRAWN = (
    "() => document.querySelectorAll('.tp-chapter-nav').length > 0 "
    "&& document.documentElement.dataset.tpWidgets === 'drawn'"
)


def wait_until_drawn(page) -> None:
    """The chapter is drawn: its links are there and every control is drawn."""
    page.wait_for_function(DRAWN, timeout=90_000)


def open_chapter(page, edition, stem: str, query: str = ""):
    """Open a chapter of ``edition`` (see the fixture) and wait until it is drawn."""
    base, pattern = edition
    page.goto(f"{base}{pattern.format(stem)}{query}")
    wait_until_drawn(page)
    return page
