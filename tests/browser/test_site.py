"""The published site: every chapter in the browser, navigation, 404, and hardening."""

from __future__ import annotations

import hashlib
import json
import re
import urllib.parse
from pathlib import Path

import pytest

from helpers.display.navigation import CHAPTERS, page_title
from tools import visitor

from .conftest import wait_until_drawn

ROOT = Path(__file__).resolve().parents[2]


def raw_get(app_url: str, path: str, method: str = "GET", body: bytes | None = None):
    """Send ``path`` exactly as written (no client-side normalisation of '..')."""
    status, payload, _ = visitor.raw_get(app_url, path, method, body)
    return status, payload


def settle(page) -> None:
    wait_until_drawn(page)
    # Leaving a page while it still fetches scripts would cut those requests short.
    page.wait_for_load_state("networkidle")


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.stem)
def test_every_chapter_loads_cleanly_with_title_and_links(watched, app_url, chapter):
    page = watched.page
    page.goto(f"{app_url}voila/render/{chapter.filename}")
    settle(page)
    assert page.title() == page_title(chapter.stem)
    assert page.locator("h1").first.inner_text().strip()
    nav = page.locator(".tp-chapter-nav").last
    hrefs = nav.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    if chapter.stem != "00_index":
        assert "00_index.ipynb" in hrefs  # a way back to the landing page
    # No code is shown to readers: sources are stripped, no editor is on the page.
    assert page.locator(".jp-CodeMirrorEditor, .cm-editor").count() == 0
    assert "from helpers" not in page.inner_text("body")
    # watched: no JavaScript error, no failed request, nothing from another host.


def test_root_opens_the_landing_chapter_with_links_to_every_chapter(watched, app_url):
    page = watched.page
    page.goto(app_url)
    page.wait_for_url("**/voila/render/00_index.ipynb", timeout=30_000, wait_until="commit")
    settle(page)
    links = page.locator(".tp-contents a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    assert links == [c.filename for c in CHAPTERS[1:]]
    # Chapter links stay in the same tab (JupyterLab's renderer would open a new one).
    # Leave only once the page has loaded everything, or the navigation cuts requests short.
    page.wait_for_load_state("networkidle")
    page.locator(".tp-contents a").first.click()
    page.wait_for_url(f"**/{CHAPTERS[1].filename}", wait_until="commit")
    settle(page)
    assert len(page.context.pages) == 1


@pytest.mark.parametrize("name", ["no_such_chapter", "_template"])
def test_missing_page_is_a_plain_404(app_url, name):
    """Also the chapter template: a notebook in the folder, but not a page for readers."""
    status, body = raw_get(app_url, f"/voila/render/{name}.ipynb")
    assert status == 404 and "404" in body
    assert "Traceback" not in body and name not in body


def test_no_page_echoes_a_hostile_query(app_url):
    payload = "<script>alert(1)</script>"
    quoted = urllib.parse.quote(payload)
    for path in (f"/?park={quoted}", f"/voila/render/03_park_survey.ipynb?park={quoted}"):
        status, body = raw_get(app_url, path)
        assert status == 200
        assert payload not in body and "alert(1)" not in body


async def send_execute_request(app_url: str, kernel: str, code: str) -> list[dict]:
    """Send an execute_request over the kernel's websocket; return what comes back."""
    request = visitor.message(
        "execute_request",
        {
            "code": code,
            "silent": False,
            "store_history": False,
            "user_expressions": {},
            "allow_stdin": False,
            "stop_on_error": True,
        },
    )
    async with visitor.channels(app_url, kernel) as socket:
        return await visitor.ask(socket, request)


def test_a_visitor_cannot_run_code(kernel_app_url, tmp_path):
    """Even where every reader has a kernel of their own, a visitor cannot run code in it."""
    marker = tmp_path / "visitor-was-here"
    code = f"open({str(marker)!r}, 'w').write('x'); print('ran')"
    kernel = visitor.reader_kernel(kernel_app_url, "00_index")
    replies = visitor.in_thread(send_execute_request(kernel_app_url, kernel, code))
    assert not marker.exists()
    assert [r for r in replies if r["header"]["msg_type"] in ("execute_reply", "stream")] == []


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("POST", "/api/kernels"),
        ("GET", "/api/kernels"),
        ("GET", "/api/contents"),
        ("GET", "/api/contents/03_park_survey.ipynb"),
        ("PUT", "/api/contents/new.ipynb"),
        ("POST", "/api/sessions"),
        ("GET", "/api/terminals"),
        ("PUT", "/voila/api/contents/03_park_survey.ipynb"),
        ("POST", "/voila/api/contents/"),
        ("DELETE", "/voila/api/contents/03_park_survey.ipynb"),
        ("PATCH", "/voila/api/contents/03_park_survey.ipynb"),
    ],
)
def test_kernel_and_contents_apis_are_refused(app_url, method, path):
    status, _ = raw_get(app_url, path, method, body=b"{}" if method != "GET" else None)
    assert status in (403, 404, 405), (method, path, status)


def test_contents_listing_never_returns_notebook_sources(app_url):
    status, body = raw_get(app_url, "/voila/api/contents/03_park_survey.ipynb?content=1")
    assert status == 200 and json.loads(body)["content"] is None


TRAVERSALS = [
    "/voila/files/../data/table-01.csv",
    "/voila/files/..%2fdata%2ftable-01.csv",
    "/voila/files/%2e%2e/%2e%2e/pyproject.toml",
    "/voila/files/....//....//data/parks.csv",
    "/voila/static/..%2f..%2f..%2f..%2fpyproject.toml",
    "/voila/static/../../../../../../etc/passwd",
    "/voila/templates/technoparks/..%2f..%2f..%2f..%2fvoila.py",
    "/voila/templates/technoparks/../../../../voila.py",
    "/voila/labextensions/..%2f..%2f..%2f..%2f..%2fetc%2fpasswd",
    "/voila/api/themes/..%2f..%2f..%2fpyproject.toml",
    "/voila/render/..%2fREADME.md",
    "/voila/render/../data/datapackage.json",
    "/voila/render/%2e%2e%2fdata%2fparks.csv",
    "/voila/tree/..%2f",
    "/voila/api/contents/..%2fdata",
    "/voila/api/contents/../data/parks.csv",
    "/..%2fdata/parks.csv",
    "/voila/files//etc/passwd",
]
SECRETS = (
    "[build-system]",
    "root:x:0:0",
    "get_config",
    '"resources"',
    "code,name,printed_name",
    "region,year,sector",
    "# Between vision",
)


@pytest.mark.parametrize("path", TRAVERSALS)
def test_no_file_outside_the_site_can_be_read(app_url, path):
    status, body = raw_get(app_url, path)
    if path.startswith("/voila/templates/"):
        # Voila's template-asset handler asserts on a path it cannot split and answers a
        # bare 500 (a refusal: nothing is read, no traceback is sent).
        assert status in (403, 404, 500), (path, status)
        assert "Traceback" not in body
    else:
        assert status in (301, 302, 400, 403, 404), (path, status)
    for secret in SECRETS:
        assert secret not in body, (path, secret)


def data_fingerprint() -> str:
    digest = hashlib.sha256()
    for file in sorted((ROOT / "data").iterdir()):
        digest.update(file.name.encode() + file.read_bytes())
    return digest.hexdigest()


def test_data_is_read_only_to_the_app(app_url):
    before = data_fingerprint()
    for method in ("PUT", "POST", "DELETE", "PATCH"):
        for path in (
            "/voila/files/../data/parks.csv",
            "/voila/api/contents/../data/parks.csv",
            "/voila/files/parks.csv",
            "/voila/api/contents/parks.csv",
        ):
            status, _ = raw_get(app_url, path, method, body=b'{"content": "x"}')
            assert status in (400, 403, 404, 405), (method, path, status)
    assert data_fingerprint() == before


def test_static_copy_is_linked_and_reads_without_a_kernel(watched, app_url):
    """make site's pages, served by the app: widgets drawn from their saved state, offline."""
    page = watched.page
    page.goto(f"{app_url}voila/render/00_index.ipynb")
    settle(page)
    link = page.locator("a", has_text="static copy of every chapter")
    assert link.get_attribute("href") == "../files/_site/00_index.html"
    page.goto(f"{app_url}voila/files/_site/03_park_survey.html")
    page.wait_for_selector(".tp-chooser select", timeout=30_000)
    assert "Table 2: Identity card of Kazakh technoparks" in page.inner_text("body")
    assert page.title() == page_title("03_park_survey")
    # Links between chapters stay inside the static copy.
    hrefs = page.locator(".tp-chapter-nav a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    assert "00_index.html" in hrefs and all(h.endswith(".html") for h in hrefs)


def test_kernels_listen_on_private_unix_sockets(kernel_app_url):
    """No TCP ports to race for under a burst (app/voila.py), none reachable by another
    local user: a reader's kernel is connected through Unix sockets in a folder only the
    server's user may open."""
    import os
    import stat

    from tools.voila_server import kernel_pids

    kernel = visitor.reader_kernel(kernel_app_url)
    arguments = Path(f"/proc/{kernel_pids(kernel)[0]}/cmdline").read_bytes().split(b"\0")
    connection_file = Path(arguments[arguments.index(b"-f") + 1].decode())
    connection = json.loads(connection_file.read_text())
    assert connection["transport"] == "ipc"
    channels = ("shell", "iopub", "stdin", "control", "hb")
    sockets = [Path(f"{connection['ip']}-{connection[f'{name}_port']}") for name in channels]
    assert all(stat.S_ISSOCK(path.stat().st_mode) for path in sockets)
    folder = connection_file.parent
    assert {path.parent for path in sockets} == {folder}
    assert folder.stat().st_mode & 0o077 == 0 and folder.stat().st_uid == os.getuid()


def test_a_pages_kernel_is_released_once_the_page_is_sent(watched, kernel_app_url):
    """Where every reader gets a kernel: the page never connects to it, so no page holds
    it, and the budget releases it after ``unclaimed_timeout`` (20 s), while the reader
    still reads and filters."""
    from tools.voila_server import kernel_pids

    page = watched.page
    page.goto(f"{kernel_app_url}voila/render/03_park_survey.ipynb")
    settle(page)
    kernel = page.evaluate(
        "() => document.documentElement.innerHTML.match(/kernelId.{0,4}([0-9a-f-]{36})/)[1]"
    )
    assert kernel_pids(kernel)
    for _ in range(60 * 4):
        if not kernel_pids(kernel):
            break
        page.wait_for_timeout(250)
    assert not kernel_pids(kernel), "the kernel outlived its page by a minute"
    page.get_by_label("Park", exact=True).select_option("KGP")
    page.wait_for_function(
        "() => document.body.innerText.includes('Showing: Karaganda Technopark (KGP)')"
    )


# --- one drawn page for every reader (app/shared_pages.py) ---------------------------------


@pytest.fixture(scope="module")
def fresh_site():
    """The site as `make app` serves it, before any reader has come."""
    from tools.voila_server import voila

    with voila("--ReaderSite.pages_per_client=1000") as server:
        yield server


def running_kernels(server_pid: int, expected: int, seconds: float = 90) -> set[int]:
    """The server's kernel processes, once there are ``expected`` (its pools filled)."""
    import time

    from tools.voila_server import children

    deadline = time.monotonic() + seconds
    while len(kernels := set(children(server_pid))) != expected:
        assert time.monotonic() < deadline, f"{len(kernels)} kernels, not {expected}"
        time.sleep(0.5)
    return kernels


def settled_kernels(server_pid: int, quiet_s: float = 2) -> set[int]:
    """The server's kernel processes, once they have not changed for ``quiet_s`` seconds
    (the replacements readers' requests started are all there)."""
    import time

    from tools.voila_server import children

    kernels, unchanged_since = set(children(server_pid)), time.monotonic()
    while time.monotonic() - unchanged_since < quiet_s:
        time.sleep(0.25)
        now = set(children(server_pid))
        if now != kernels:
            kernels, unchanged_since = now, time.monotonic()
    return kernels


def test_readers_share_one_drawn_page_and_take_no_kernel(fresh_site):
    """Readers asking together for a chapter no one has read yet get the page its preheated
    kernel drew, all the same and naming no kernel; neither they nor later readers are
    given kernels (with a kernel each, ten readers would start ten)."""
    from concurrent.futures import ThreadPoolExecutor

    from tools.voila_server import children

    pooled = running_kernels(fresh_site.pid, expected=len(CHAPTERS))
    path = "/voila/render/03_park_survey.ipynb"
    with ThreadPoolExecutor(10) as pool:
        answers = list(pool.map(lambda _: raw_get(fresh_site.url, path), range(10)))
    answers += [raw_get(fresh_site.url, path) for _ in range(5)]
    assert {status for status, _ in answers} == {200}
    pages = {body for _, body in answers}
    assert len(pages) == 1
    page = pages.pop()
    assert page.rstrip().endswith("</html>") and "Table 2: Identity card" in page
    assert '"kernelId": null' in page and not re.search(r'"kernelId": "', page)
    assert "voila_process(" not in page.replace("window.voila_process =", "")
    # The kernel that replaces in its pool the one that drew the page: no more.
    started = set(children(fresh_site.pid)) - pooled
    assert len(started) <= 1, f"{len(started)} kernels started for 15 readers"


def test_every_chapters_page_is_kept_after_its_first_reader(fresh_site):
    """No chapter's page carries anything that stops it being kept (app/shared_pages.py):
    once each has had a reader, more readers of every chapter start no kernel."""
    from tools.voila_server import children

    paths = [f"/voila/render/{chapter.filename}" for chapter in CHAPTERS]
    first = {path: raw_get(fresh_site.url, path) for path in paths}
    assert {status for status, _ in first.values()} == {200}
    kernels = settled_kernels(fresh_site.pid)
    for _ in range(2):
        for path in paths:
            assert raw_get(fresh_site.url, path) == first[path]
    # A chapter drawn again would have started a kernel before its page was sent.
    assert set(children(fresh_site.pid)) - kernels == set()


@pytest.mark.parametrize("query", ["?template=lab", "?theme=dark", "?template=reveal&theme=dark"])
def test_a_visitor_cannot_choose_the_template_or_theme(kernel_app_url, query):
    """The page drawn for one visitor may be the one every reader is sent: a request
    cannot choose how it is drawn (Voila allows it unless told not to)."""
    from app.shared_pages import shareable

    path = "/voila/render/00_index.ipynb"
    status, asked = raw_get(kernel_app_url, path + query)
    _, plain = raw_get(kernel_app_url, path)
    assert status == 200
    assert shareable(asked) == shareable(plain)
    assert '<meta name="technoparks-site"' in asked and "cdn.jsdelivr.net" not in asked
