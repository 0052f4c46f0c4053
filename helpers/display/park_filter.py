"""Filtering the park survey by park: the selection, and everything it changes on the page.

Pure functions only (the widgets live in :mod:`helpers.display.park_panel`).  A selection is
either all parks, one park in focus (its figures highlighted against the other parks and
the in-technopark average), or two or more parks compared side by side.  It is read from
the page URL (``?park=KGP`` or ``?compare=ABI,KGP``) and from widget values, both of which
a visitor controls: anything that is not a known park code is ignored, never echoed.

Charts are drawn once, as SVG whose park artists carry ids (see :mod:`helpers.display.charts`);
a selection only changes a style sheet that fades the other parks.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import parse_qs, quote, urlencode

import pandas as pd

from ..data.parks import missing_notes, park_codes, park_label
from .colors import FIXED_COLORS
from .html import escape
from .tables import table_caption, table_html
from .theme import source_text

FADED_OPACITY = 0.25  # other parks' bars and cells
FADED_TEXT = FIXED_COLORS["faded chart label"]  # other parks' labels: still 4.5:1
MAX_QUERY_LENGTH = 200  # longer query strings are not parsed at all


@dataclass(frozen=True)
class Selection:
    """What the reader chose: a park in focus, or parks to compare (or neither: all parks)."""

    focus: str | None = None
    compare: tuple[str, ...] = ()

    @property
    def parks(self) -> tuple[str, ...]:
        """Parks the views are restricted to (empty = all parks)."""
        if len(self.compare) >= 2:
            return self.compare
        return (self.focus,) if self.focus else ()

    @property
    def is_comparison(self) -> bool:
        return len(self.compare) >= 2

    def query(self) -> str:
        """The URL query string that preselects this view ('' for all parks)."""
        if self.is_comparison:
            return "?" + urlencode({"compare": ",".join(self.compare)}, safe=",")
        if self.focus:
            return "?" + urlencode({"park": self.focus})
        return ""

    def slug(self) -> str:
        """Short name for files: 'KGP', 'ABI-KGP' or 'all-parks'."""
        return "-".join(self.parks) if self.parks else "all-parks"

    def describe(self) -> str:
        """The selection in words, for the page."""
        if self.is_comparison:
            return "Comparing " + ", ".join(park_label(p) for p in self.compare)
        if self.focus:
            return f"{park_label(self.focus)}, highlighted against the other parks"
        return "All parks"


EVERY_PARK = Selection()  # nothing chosen: every park's figures, none highlighted


def valid_parks(values: Iterable[object]) -> tuple[str, ...]:
    """Known park codes among ``values``, upper-cased, deduplicated, in the paper's order."""
    wanted = {v.strip().upper() for v in values if isinstance(v, str)}
    return tuple(code for code in park_codes() if code in wanted)


def selection_from_values(focus: object, compare: object) -> Selection:
    """The selection shown for control values (a park in focus, parks to compare).

    Two or more parks to compare win over the park in focus; a single park to compare
    is a park in focus if none is.  Values may come from anywhere (a URL, a visitor's
    widget message): anything that is not a park code is ignored.
    """
    chosen = valid_parks([focus])
    compared = valid_parks(compare) if isinstance(compare, list | tuple) else ()
    if len(compared) >= 2:
        return Selection(compare=compared)
    return Selection(focus=chosen[0] if chosen else (compared[0] if compared else None))


def selection_from_query(query: str | None) -> Selection:
    """A selection from a URL query string (with or without the leading '?').

    Read as :func:`selection_from_values` reads controls; unknown parks, other keys, and
    over-long or malformed strings are ignored.
    """
    if not query or len(query) > MAX_QUERY_LENGTH:
        return EVERY_PARK
    fields = parse_qs(query.lstrip("?"), keep_blank_values=False)
    compared = ",".join(fields.get("compare", [])).split(",")
    return selection_from_values(fields.get("park", [None])[0], compared)


# --- what a selection shows ---------------------------------------------------------------


def view_rows(frame: pd.DataFrame, selection: Selection) -> pd.DataFrame:
    """The data behind a table's current view: the selected parks' rows and pooled rows."""
    if selection.parks:
        frame = frame[frame["park"].isna() | frame["park"].isin(selection.parks)]
    return frame.reset_index(drop=True)


def download_name(name: str, selection: Selection) -> str:
    """File name of a view's CSV: 'table-07_KGP.csv'."""
    return f"{name}_{selection.slug()}.csv"


def csv_bytes(frame: pd.DataFrame, selection: Selection) -> bytes:
    """The rows behind the view as CSV, exactly as stored in data/ (printed cells included)."""
    buffer = io.StringIO()
    view_rows(frame, selection).to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue().encode("utf-8")


def download_link(name: str, frame: pd.DataFrame, selection: Selection) -> str:
    """An HTML download link for the view's CSV (a data: URL: no server round trip).

    The CSV is percent-encoded rather than base64-encoded, so the rows that views share
    are stored once in the page (see :func:`helpers.display.switchboard.compact`).
    """
    payload = quote(csv_bytes(frame, selection), safe="")
    filename = download_name(name, selection)
    return (
        f'<a class="tp-download" download="{escape(filename)}" '
        f'href="data:text/csv;charset=utf-8,{payload}">'
        f"Download the data of this view ({escape(filename)})</a>"
    )


ParkView = Callable[[pd.DataFrame, Sequence[str]], pd.DataFrame]


def section_html(
    name: str,
    frame: pd.DataFrame,
    view: ParkView,
    selection: Selection,
    parks_as_columns: bool = False,
) -> str:
    """Everything of a park table that depends on the selection, as one HTML fragment.

    ``view(frame, parks)`` gives the reader's table for some parks (all when empty).  A
    comparison shows only the compared parks; a park in focus is highlighted among all
    of them, or, where parks are the columns (Table 2), shown alone.
    """
    parts = [
        f'<p class="tp-note">{escape(note)}</p>'
        for note in missing_notes(name, frame, selection.parks)
    ]
    restrict = selection.is_comparison or parks_as_columns
    table = view(frame, selection.parks if restrict else ())
    if len(table):
        highlight = () if selection.is_comparison else highlighted_labels(selection)
        # Its id lets the park chart link to it; its download is the view's rows, below.
        caption, source = table_caption(name), source_text(name)
        parts.append(table_html(table, caption, source, highlight, name=name, download=False))
    parts.append(download_link(name, frame, selection))
    return "\n".join(parts)


def highlighted_labels(selection: Selection) -> tuple[str, ...]:
    return tuple(park_label(p) for p in selection.parks)


def chart_style(selection: Selection) -> str:
    """CSS that fades every park but the selected ones in the park charts ('' for all parks).

    Only this small style sheet changes with the selection; the charts stay as drawn
    (:func:`helpers.display.theme.show_chart` with ``park_chart=True``).
    """
    if not selection.parks:
        return ""
    # Other parks' marks fade; their labels turn grey but stay readable (contrast 4.5:1).
    others = '.tp-park-chart [id^="tp--"]' + "".join(
        f':not([id*="tp--{p.lower()}--"])' for p in selection.parks
    )
    return (
        f"<style>{others} > :not(text) {{ opacity: {FADED_OPACITY}; }} "
        f"{others} > text {{ fill: {FADED_TEXT} !important; }}</style>"
    )


def link_html(selection: Selection) -> str:
    """A link to the current view (its query string holds only validated park codes)."""
    query = selection.query()
    target = escape(query or "?")
    return (
        f'<p class="tp-viewlink">Showing: {escape(selection.describe())}. '
        f'<a href="{target}">Link to this view</a></p>'
    )
