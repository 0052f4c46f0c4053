"""The widgets of the survey chapter: values in, views out."""

from __future__ import annotations

from helpers import park_filter as pf
from helpers.park_panel import ParkPanel


def test_panel_starts_on_all_parks():
    panel = ParkPanel()
    assert panel.selection == pf.ALL_PARKS
    assert panel.focus.value == "ALL" and panel.compare.value == ()
    assert panel.tables["table-04"].value == pf.section_html("table-04", pf.ALL_PARKS)


def test_choosing_a_park_updates_every_park_table():
    panel = ParkPanel()
    panel.focus.value = "KGP"
    assert panel.selection == pf.Selection(focus="KGP")
    for name, widget in panel.tables.items():
        assert widget.value == pf.section_html(name, panel.selection), name
    assert 'href="?park=KGP"' in panel.link.value
    assert "tp--kgp--" in panel.style.value


def test_compare_mode_and_clear_button():
    panel = ParkPanel()
    panel.compare.value = ("ABI", "KGP")
    assert panel.selection.is_comparison
    assert "Almaty Technopark (ATP)" not in panel.tables["table-04"].value
    panel.clear.click()
    assert panel.compare.value == () and panel.selection == pf.ALL_PARKS


def test_query_preselects_controls_and_views():
    panel = ParkPanel()
    assert panel.apply_query("?park=KST") == pf.Selection(focus="KST")
    assert panel.focus.value == "KST"
    assert (
        "Table 7 reports no data for Kostanai Technopark (KST)." in panel.tables["table-07"].value
    )
    panel.apply_query("?compare=PPV,ABI")
    assert panel.compare.value == ("ABI", "PPV") and panel.focus.value == "ALL"
    panel.apply_query("?park=<img src=x>")
    assert panel.selection == pf.ALL_PARKS and "img" not in panel.link.value


def test_sections_hold_table_chart_caption_and_notes():
    panel = ParkPanel()
    box = panel.section("table-08")
    table, chart, caption, notes = box.children
    assert table is panel.tables["table-08"]
    assert 'class="tp-park-chart"' in chart.value and "<svg" in chart.value
    assert "Heat map of mean importance" in caption.value
    assert "<details" in notes.value


def test_query_string_outside_voila(monkeypatch):
    from helpers import park_panel

    monkeypatch.delenv("VOILA_PREHEAT", raising=False)
    monkeypatch.delenv("QUERY_STRING", raising=False)
    assert park_panel.query_string() is None
    monkeypatch.setenv("VOILA_PREHEAT", "False")
    monkeypatch.setenv("QUERY_STRING", "park=KGP")
    assert park_panel.query_string() == "park=KGP"


def test_query_string_waits_for_the_request_of_a_preheated_kernel(monkeypatch):
    """A stand-in for Voila's /voila/query/<kernel> socket sends the request's info."""
    import asyncio
    import json
    import socket
    import threading

    import websockets

    from helpers import park_panel

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    paths = []
    ready = threading.Event()

    async def serve() -> None:
        async def handler(connection) -> None:
            paths.append(connection.request.path)
            await connection.send(json.dumps({"QUERY_STRING": "compare=ABI,KGP"}))

        async with websockets.serve(handler, "127.0.0.1", port):
            ready.set()
            await asyncio.sleep(3)

    server = threading.Thread(target=lambda: asyncio.run(serve()))
    server.start()
    ready.wait(5)
    for key, value in {
        "VOILA_PREHEAT": "True",
        "VOILA_APP_IP": "127.0.0.1",
        "VOILA_APP_PORT": str(port),
        "VOILA_SERVER_URL": "/",
        "VOILA_KERNEL_ID": "k-123",
    }.items():
        monkeypatch.setenv(key, value)
    monkeypatch.delenv("VOILA_WS_BASE_URL", raising=False)
    monkeypatch.delenv("QUERY_STRING", raising=False)
    assert park_panel.query_string() == "compare=ABI,KGP"
    assert paths == ["/voila/query/k-123"]
    server.join()


def test_query_string_without_a_server_shows_all_parks(monkeypatch):
    from helpers import park_panel

    monkeypatch.setenv("VOILA_PREHEAT", "True")
    monkeypatch.setenv("VOILA_APP_PORT", "9")  # nothing listens there
    monkeypatch.delenv("QUERY_STRING", raising=False)
    assert park_panel.query_string() is None
