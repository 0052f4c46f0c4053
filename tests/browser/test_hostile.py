"""A hostile visitor cannot stop the site: bad frames, bent widget values, floods, headers.

Each test acts as a visitor with a script would, against the site as `make app` serves it,
then checks that the site still serves and filters a page normally in Chromium.
"""

from __future__ import annotations

import asyncio
import re
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from tornado.websocket import WebSocketClosedError

from app.headers import HEADERS
from helpers.display.navigation import CHAPTERS
from tools.visitor import (
    V1,
    ask,
    channels,
    in_thread,
    message,
    raw_get,
    reader_kernel,
    update,
    widget_comms,
)
from tools.voila_server import children, rss_mb, voila

CHOOSER = "helpers.display.switchboard.Chooser"


def reader_filters_normally(page, app_url: str, seconds: float = 90) -> None:
    """A normal reader: the survey chapter loads, and choosing KGP shows its 16 tenants."""
    page.goto(f"{app_url}voila/render/03_park_survey.ipynb")
    page.wait_for_selector(".tp-chooser select", timeout=seconds * 1000)
    page.get_by_label("Park", exact=True).select_option("KGP")
    card = page.locator(".tp-switched-view", has_text="Table 2: ").first
    assert re.search(r"Tenants as of 2004\s+16\b", card.inner_text())


# --- malformed websocket frames -----------------------------------------------------------

HOSTILE_FRAMES = {
    "the reported 15-byte frame": (V1, (2**62).to_bytes(8, "little") + b"\0" * 7),
    "v1, largest offset count": (V1, (2**64 - 1).to_bytes(8, "little")),
    "v1, offsets past the end": (
        V1,
        (6).to_bytes(8, "little") + b"".join(n.to_bytes(8, "little") for n in [56] + [10**9] * 5),
    ),
    "v1, empty frame": (V1, b""),
    "legacy, negative part count": (None, (-1).to_bytes(4, "big", signed=True) + b"\0" * 8),
    "legacy, huge part count": (None, (2**31 - 1).to_bytes(4, "big") + b"\0" * 8),
    "legacy, text that is not JSON": (None, "{not json"),
}


async def send_and_wait_for_close(app_url: str, kernel: str, subprotocol, frame) -> int | None:
    async with channels(app_url, kernel, subprotocol) as socket:
        try:
            await socket.write_message(frame, binary=isinstance(frame, bytes))
        except WebSocketClosedError:
            pass  # closed by the server while the frame was still being sent
        # The server closes this socket at once; a hung server would leave it open.
        while await asyncio.wait_for(socket.read_message(), timeout=20) is not None:
            pass
    return socket.close_code


@pytest.mark.parametrize("name", HOSTILE_FRAMES)
def test_a_malformed_frame_closes_its_own_socket_only(kernel_app_url, name):
    subprotocol, frame = HOSTILE_FRAMES[name]
    kernel = reader_kernel(kernel_app_url)
    code = in_thread(send_and_wait_for_close(kernel_app_url, kernel, subprotocol, frame))
    assert code == 1007, code
    status, _, _ = raw_get(kernel_app_url, "/voila/render/00_index.ipynb", timeout=20)
    assert status == 200


async def padded_kernel_info(app_url: str, kernel: str, padding: int) -> list[dict]:
    """A valid request padded to about ``padding`` bytes: the kernel's replies to it."""
    async with channels(app_url, kernel) as socket:
        msg = message("kernel_info_request", {})
        msg["metadata"]["padding"] = "x" * padding
        return await ask(socket, msg, seconds=10)


def test_an_oversized_message_is_refused(kernel_app_url):
    """Over 1 MiB (websocket_max_message_size) the server drops the connection at the
    frame's header; under it the same message is answered."""
    url = kernel_app_url
    kernel = reader_kernel(url)
    assert in_thread(padded_kernel_info(url, kernel, 512 * 1024)) != []
    code = in_thread(send_and_wait_for_close(url, kernel, None, "x" * (2 * 1024 * 1024)))
    # Tornado sends "message too big" (1009) and aborts the stream at once: the close frame
    # reaches the client only if it is read before the rest of the frame is refused.
    assert code in (1009, None), code
    status, _, _ = raw_get(url, "/voila/render/00_index.ipynb", timeout=20)
    assert status == 200


def test_after_every_hostile_frame_a_reader_loads_and_filters_normally(watched, kernel_app_url):
    kernel = reader_kernel(kernel_app_url)
    for subprotocol, frame in HOSTILE_FRAMES.values():
        in_thread(send_and_wait_for_close(kernel_app_url, kernel, subprotocol, frame))
    reader_filters_normally(watched.page, kernel_app_url)


# --- widget values bent over a real websocket ---------------------------------------------


async def kernel_widgets(app_url: str) -> dict:
    async with channels(app_url, reader_kernel(app_url)) as socket:
        return await widget_comms(socket)


def test_a_readers_kernel_replaying_the_view_cache_holds_no_widget(kernel_app_url):
    """The page's widgets are embedded HTML replayed from the cache: there is no widget in
    the kernel for a visitor to bend."""
    assert in_thread(kernel_widgets(kernel_app_url)) == {}


@pytest.fixture
def computing_app_url(tmp_path_factory):
    """The site with an empty view cache, as after a change `make site` has not seen:
    readers' kernels compute their chapters and hold the widgets they embed."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TECHNOPARKS_VIEW_CACHE_DIR", str(tmp_path_factory.mktemp("no-cache")))
        with voila("--ReaderSite.share_pages=False") as server:
            yield server.url


async def bend_the_chooser(app_url: str) -> dict:
    kernel = reader_kernel(app_url)
    async with channels(app_url, kernel) as socket:
        states = await widget_comms(socket)
        comm_id, state = next(
            (c, s) for c, s in states.items() if s.get("_anywidget_id") == CHOOSER
        )
        told = {}
        for name, bent in [
            ("selection", None),
            ("selection", "?park=NOPE"),
            ("selection", 42),
            ("selection", "<script>alert(1)</script>"),
            ("controls", [{"param": "park", "label": "<img src=x onerror=alert(1)>"}]),
            ("_esm", "export default { render() { alert(1) } }"),
            ("layout", None),
            ("description", "Bent"),
        ]:
            answers = await ask(socket, update(comm_id, {name: bent}), seconds=2)
            told[(name, repr(bent))] = [
                a["content"]["data"].get("state", {})
                for a in answers
                if a["header"]["msg_type"] == "comm_msg"
            ]
        accepted = await ask(socket, update(comm_id, {"selection": "?park=KGP"}), seconds=2)
        after = (await widget_comms(socket))[comm_id]
    return {"before": state, "told": told, "accepted": accepted, "after": after}


def test_bent_widget_values_are_refused_and_the_page_keeps_working(watched, computing_app_url):
    result = in_thread(bend_the_chooser(computing_app_url))
    before, after = result["before"], result["after"]
    # Nothing a reader has no reason to change was taken; a valid choice was.
    for name in ("controls", "table", "canonical", "group", "_esm", "layout"):
        assert after[name] == before[name], name
    assert after["selection"] == "?park=KGP"
    # Each refused value was answered with the true one (so the sender's page shows it).
    for (name, bent), answers in result["told"].items():
        if name == "description":
            assert answers == []  # not a trait of this widget: ignored, nothing echoed
            continue
        assert answers and name in answers[-1], (name, bent)
        assert answers[-1][name] == before[name], (name, bent)
    reader_filters_normally(watched.page, computing_app_url)


# --- a flood of page requests --------------------------------------------------------------


@pytest.fixture(scope="module")
def flooded_site():
    with voila() as server:
        time.sleep(10)  # preheated pools fill, as for any reader
        yield server


def server_memory_mb(pid: int) -> float:
    return rss_mb(pid) + sum(rss_mb(child) for child in children(pid))


def test_a_flood_is_answered_and_a_reader_still_gets_a_page(watched, flooded_site):
    """50 page requests in 5 s from one address: every one answered (a page, or "busy"
    at once), memory bounded, and a reader from another address then gets a full page."""
    paths = [f"/voila/render/{CHAPTERS[i % len(CHAPTERS)].filename}" for i in range(50)]

    def request(index: int):
        time.sleep(index * 0.1)  # 50 requests over 5 s
        # 127.0.0.2: the flood comes from another address than the reader below.
        return raw_get(flooded_site.url, paths[index], source="127.0.0.2", timeout=60)

    peak = 0.0
    with ThreadPoolExecutor(50) as pool:
        futures = [pool.submit(request, i) for i in range(50)]
        while not all(f.done() for f in futures):
            peak = max(peak, server_memory_mb(flooded_site.pid))
            time.sleep(0.5)
        answers = [f.result() for f in futures]  # a request unanswered in 60 s raises
    statuses = [status for status, _, _ in answers]
    assert set(statuses) <= {200, 429, 503}, statuses
    assert statuses.count(200) >= 1 and statuses.count(200) < 50  # the flood was limited
    for status, body, headers in answers:
        if status != 200:
            assert int(headers["Retry-After"]) > 0
            assert "static edition" in body and "_site/" in body
    assert peak < 5 * 1024, f"server used {peak:.0f} MB"

    page = watched.page
    page.set_default_timeout(5_000)
    page.goto(f"{flooded_site.url}voila/render/03_park_survey.ipynb")
    page.wait_for_selector(".tp-chooser select")
    page.wait_for_selector(".tp-chapter-nav")


def test_a_refused_page_names_no_request_input(flooded_site):
    """Pages asked for at once, beyond the per-client window (20 a minute): the refused
    ones say where to go instead and echo nothing of the request."""
    query = "?park=<script>x</script>"

    def request(_):
        return raw_get(
            flooded_site.url,
            f"/voila/render/03_park_survey.ipynb{query}",
            source="127.0.0.3",
            timeout=120,
        )

    with ThreadPoolExecutor(25) as pool:
        answers = list(pool.map(request, range(25)))
    refused = [body for status, body, _ in answers if status in (429, 503)]
    assert len(refused) >= 5, [status for status, _, _ in answers]
    for body in refused:
        assert "<script>x" not in body and "_site/03_park_survey.html" in body


# --- headers ------------------------------------------------------------------------------

PATHS = [
    "/voila/render/00_index.ipynb",
    "/voila/render/03_park_survey.ipynb",
    "/voila/files/_site/03_park_survey.html",
    "/voila/files/_site/static/site.js",
    "/voila/static/voila.js",
    "/voila/render/no_such_chapter.ipynb",
    "/api/kernels",
    "/",
]


@pytest.mark.parametrize("path", PATHS)
def test_every_response_carries_the_security_headers(app_url, path):
    _, _, headers = raw_get(app_url, path)
    for name, value in HEADERS.items():
        assert headers.get(name) == value, (path, name, headers.get(name))


def test_the_static_edition_carries_its_policy_in_a_meta_tag():
    from tools.build_site import CONTENT_SECURITY_POLICY, SITE

    for chapter in CHAPTERS:
        page = (SITE / f"{chapter.stem}.html").read_text(encoding="utf-8")
        assert (
            f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">'
            in page
        )
    assert "http" not in CONTENT_SECURITY_POLICY  # no other origin
