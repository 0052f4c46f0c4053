"""The park selector and the park-dependent parts of the survey chapter, as widgets.

The panel owns one widget per park table (its HTML) and one per chart (its SVG, set
once), plus a style widget.  A selection sets widget values only: the tables' HTML and
the charts' style sheet (see :mod:`helpers.park_filter`); nothing is re-drawn.
"""

from __future__ import annotations

import os

import ipywidgets as widgets

from . import park_filter as pf
from .parks import ALL_PARKS, park_codes, park_label, park_options
from .survey import SECTIONS, alt_text, notes_html


class ParkPanel:
    """Widgets of the survey chapter that follow the reader's choice of park."""

    def __init__(self) -> None:
        self.focus = widgets.Dropdown(
            options=park_options(),
            value=ALL_PARKS,
            description="Park",
            layout=widgets.Layout(width="28em"),
        )
        self.compare = widgets.SelectMultiple(
            options=[(park_label(code), code) for code in park_codes()],
            value=(),
            rows=5,
            description="Compare",
            layout=widgets.Layout(width="28em"),
        )
        self.clear = widgets.Button(description="Clear comparison", icon="")
        self.clear.on_click(lambda _: setattr(self.compare, "value", ()))
        self.link = widgets.HTML()
        self.style = widgets.HTML()
        self.tables = {name: widgets.HTML() for name in pf.park_sections()}
        self.selection = pf.ALL_PARKS
        self._quiet = False
        self.focus.observe(self._changed, names="value")
        self.compare.observe(self._changed, names="value")
        self.apply(pf.ALL_PARKS)
        pf.warm_cache()

    # --- layout ------------------------------------------------------------------------

    def selector(self) -> widgets.Widget:
        """The controls shown at the top of the chapter."""
        help_text = widgets.HTML(
            "<p>Choose a park to highlight its figures in every table and chart below, or "
            "choose two or more parks under <em>Compare</em> to see them side by side. "
            "The link keeps your choice.</p>"
        )
        controls = widgets.HBox(
            [self.focus, widgets.VBox([self.compare, self.clear])],
            layout=widgets.Layout(flex_flow="row wrap", gap="1em"),
        )
        return widgets.VBox([help_text, controls, self.link, self.style])

    def section(self, name: str) -> widgets.Widget:
        """A park table's block: table and download link, chart, caption, transcription notes."""
        section = SECTIONS[name]
        chart = widgets.HTML(pf.chart_html(name))
        caption = widgets.HTML(
            f'<p class="tp-figcaption" role="note">{alt_text(name, section.chart_data())}</p>'
        )
        return widgets.VBox([self.tables[name], chart, caption, widgets.HTML(notes_html(name))])

    # --- behaviour ---------------------------------------------------------------------

    def _changed(self, _change: dict) -> None:
        if self._quiet:
            return
        # Widget values arrive from the browser and may be anything: validate them.
        self.apply(pf.selection_from_values(self.focus.value, list(self.compare.value)))

    def apply(self, selection: pf.Selection) -> None:
        """Show ``selection``: set every park table, the chart style, then the link.

        The link ("Showing: ...") is set last: the browser applies updates in order, so
        once it shows the new selection the whole page does (tests and benchmarks wait
        for it).
        """
        self.selection = selection
        state = pf.page_state(selection)
        for name, table in self.tables.items():
            table.value = state[name]
        self.style.value = state["style"]
        self.link.value = state["link"]

    def apply_query(self, query: str | None) -> pf.Selection:
        """Preselect from a URL query string (e.g. '?park=KGP'); unknown values are ignored."""
        selection = pf.selection_from_query(query)
        self._quiet = True  # one update for both controls, not one per control
        try:
            self.focus.value = selection.focus or ALL_PARKS
            self.compare.value = selection.compare
        finally:
            self._quiet = False
        self.apply(selection)
        return selection


def query_string() -> str | None:
    """The page's URL query string under Voila (None in JupyterLab or under nbval).

    With preheated kernels the notebook runs before any visitor arrives, so this waits for
    the visitor's request (call it last).  Without preheating Voila puts the query string
    in the environment at once.
    """
    if os.environ.get("VOILA_PREHEAT", "False") != "False":
        _wait_for_request()
    return os.environ.get("QUERY_STRING")


def _wait_for_request(timeout: float | None = None) -> None:
    """Wait for Voila to send a preheated kernel its visitor's request (query string...).

    Does what ``voila.utils.wait_for_request`` does (same environment variables, same
    /voila/query/<kernel> websocket) without importing voila.utils, which would add about
    55 MB of server code to every reader's kernel.  The browser tests check it end to end
    against the running site.
    """
    import asyncio
    import json
    import threading

    import websockets

    base = os.environ.get("VOILA_WS_BASE_URL", os.environ.get("VOILA_SERVER_URL", "/"))
    url = (
        f"{os.environ.get('VOILA_WS_PROTOCOL', 'ws')}://"
        f"{os.environ.get('VOILA_APP_IP', '127.0.0.1')}:{os.environ.get('VOILA_APP_PORT', '8866')}"
        f"{base}voila/query/{os.environ.get('VOILA_KERNEL_ID', '')}"
    )
    received: list[str] = []

    async def receive() -> None:
        async with websockets.connect(url, open_timeout=5) as socket:
            received.append(await asyncio.wait_for(socket.recv(), timeout))

    def run() -> None:
        try:
            asyncio.run(receive())
        except (OSError, TimeoutError, websockets.WebSocketException):
            pass  # no request info: the page shows all parks

    # The kernel's own event loop runs in this thread: wait in another one.
    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    for key, value in (json.loads(received[0]) if received else {}).items():
        os.environ[key] = str(value)
