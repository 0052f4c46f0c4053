"""Tables for readers: plain HTML, no index column, missing shown as 'n.a.'.

HTML is built here rather than with a pandas Styler, whose element ids are random and
would break the comparison of committed outputs.  Text is left-aligned; numbers, and
strings that are printed numbers such as "85%", are right-aligned; numeric columns show
as many decimals as they need.
"""

from __future__ import annotations

import re
from collections.abc import Collection

import pandas as pd
from IPython.display import HTML

from .html import escape

MISSING = "n.a."
# A printed number such as "85%", "4.1", "1,117" or "$88K (2002)".
_PRINTED_NUMBER = re.compile(r"\$?-?\d[\d,]*(\.\d+)?K?%?( \(\d{4}\))?")


def html_table(
    frame: pd.DataFrame,
    caption: str | None = None,
    source: str | None = None,
    highlight: Collection[str] = (),
    highlight_column: str | None = None,
    name: str | None = None,
    download: bool = True,
) -> HTML:
    """Render ``frame`` as a reader-facing HTML table.

    Parameters
    ----------
    frame : pandas.DataFrame
        Columns as they should be headed; the index is not shown.
    caption : str, optional
        Shown above the table (e.g. "Table 8: ...").
    source : str, optional
        Shown under the table.
    highlight : collection of str, optional
        Rows whose first cell is one of these (or starts with one and a colon, as in
        "Karaganda Technopark (KGP): mean importance") are highlighted.
    highlight_column : str, optional
        Match ``highlight`` against this column instead of the first.
    name : str, optional
        Names the table: its id on the page (``tp-table-<name>``, which a chart showing
        the same numbers links to, see :func:`helpers.display.theme.chart_html`) and its
        CSV file (``<name>.csv``; without a name, the caption's words).
    download : bool
        Add a "Data (CSV)" link to exactly the frame shown (its values as stored).
    """
    return HTML(table_html(frame, caption, source, highlight, highlight_column, name, download))


def table_html(
    frame: pd.DataFrame,
    caption: str | None = None,
    source: str | None = None,
    highlight: Collection[str] = (),
    highlight_column: str | None = None,
    name: str | None = None,
    download: bool = True,
) -> str:
    """The HTML that :func:`html_table` displays, as a string (for widgets)."""
    from .downloads import csv_link_html, file_stem

    anchor = f' id="{escape(f"tp-table-{name}")}"' if name else ""
    parts = []
    if caption:
        parts.append(f'<p class="tp-caption"{anchor}><strong>{escape(caption)}</strong></p>')
        anchor = ""
    key = frame.columns.get_loc(highlight_column) if highlight_column else 0
    parts.append(scrollable(_table_html(frame, set(highlight), key), table_label(frame, caption)))
    if source:
        parts.append(f'<p class="tp-source">{escape(source)}</p>')
    if download:
        link = csv_link_html(frame, name or file_stem(caption or "", "table"))
        parts.append(f'<p class="tp-table-downloads"{anchor}>Download this table: {link}</p>')
    return "\n".join(parts)


def table_label(frame: pd.DataFrame, caption: str | None = None) -> str:
    """What a table's scroll region is called for screen readers: its caption, or its columns."""
    if caption:
        return caption
    return "Table of " + ", ".join(str(name) for name in frame.columns)


def scrollable(table: str, label: str) -> str:
    """Wrap a table in a region that scrolls sideways when the table is wider than the page.

    A phone 390 px wide scrolls a wide table inside this box instead of the whole page; the
    box takes keyboard focus (``tabindex="0"``) so it can be scrolled with the arrow keys,
    and is a named region so a screen reader says which table it holds.
    """
    return (
        f'<div class="tp-table-scroll" role="region" tabindex="0" '
        f'aria-label="{escape(label)}">\n{table}\n</div>'
    )


def _is_missing(value: object) -> bool:
    return value is None or (not isinstance(value, str) and bool(pd.isna(value)))


def _decimals(column: pd.Series) -> int:
    """Fewest decimals (0-2) that show every value of a numeric column exactly."""
    values = column.dropna().astype(float)
    for places in (0, 1, 2):
        if ((values * 10**places).round(6) % 1 == 0).all():
            return places
    return 2


def _is_printed_numbers(column: pd.Series) -> bool:
    values = [v for v in column if not _is_missing(v)]
    return bool(values) and all(isinstance(v, str) and _PRINTED_NUMBER.fullmatch(v) for v in values)


def _column_kinds(frame: pd.DataFrame) -> dict[str, int | None]:
    """For each column: decimals if numeric, -1 if printed numbers (strings), None if text."""
    kinds: dict[str, int | None] = {}
    for name in frame.columns:
        column = frame[name]
        if pd.api.types.is_numeric_dtype(column) and not pd.api.types.is_bool_dtype(column):
            kinds[name] = _decimals(column)
        elif _is_printed_numbers(column):
            kinds[name] = -1
        else:
            kinds[name] = None
    return kinds


def _is_highlighted(first_cell: str, highlight: set[str]) -> bool:
    """A row is highlighted when its first cell is a highlighted label or starts with one."""
    return any(first_cell == h or first_cell.startswith(f"{h}:") for h in highlight)


def _table_html(frame: pd.DataFrame, highlight: set[str], key: int = 0) -> str:
    kinds = _column_kinds(frame)
    head = "".join(
        f'<th class="{"text" if kinds[name] is None else "num"}">{escape(str(name))}</th>'
        for name in frame.columns
    )
    body = []
    for row in frame.itertuples(index=False):
        cells = []
        for name, value in zip(frame.columns, row, strict=True):
            kind = "text" if kinds[name] is None else "num"
            if _is_missing(value):
                text, kind = MISSING, f"{kind} missing"
            elif kinds[name] is not None and kinds[name] >= 0:
                text = f"{float(value):,.{kinds[name]}f}"
            else:
                text = str(value)
            cells.append(f'<td class="{kind}">{escape(text)}</td>')
        marked = ' class="tp-highlight"' if _is_highlighted(str(row[key]), highlight) else ""
        body.append(f"<tr{marked}>{''.join(cells)}</tr>")
    rows = "\n".join(body)
    return (
        f'<table class="tp-table">\n<thead><tr>{head}</tr></thead>\n'
        f"<tbody>\n{rows}\n</tbody>\n</table>"
    )


def table_caption(name: str) -> str:
    """A table's caption as the paper prints it: 'Table 8: <title>'."""
    from ..data.datapackage import paper_number, resource

    return f"{paper_number(name)}: {resource(name)['title']}"


def resource_overview() -> pd.DataFrame:
    """One row per data resource: file, title as in the paper, section, number of rows."""
    from ..data.datapackage import load, package

    records = []
    for spec in package()["resources"]:
        records.append(
            {
                "File": f"data/{spec['path']}",
                "Title": spec["title"],
                "Paper section": spec["section"],
                "Rows": len(load(spec["name"])),
            }
        )
    return pd.DataFrame.from_records(records)


def transcription_notes(name: str) -> HTML:
    """How a table was read from the flattened paper: the descriptor's notes, folded."""
    from ..data.datapackage import paper_number, resource

    items = "".join(f"<li>{escape(note)}</li>" for note in resource(name)["notes"])
    return HTML(
        f'<details class="tp-notes"><summary>How {escape(paper_number(name))} was read '
        f"from the paper (transcription notes)</summary><ul>{items}</ul></details>"
    )


def paper_table(frame: pd.DataFrame, name: str, highlight: Collection[str] = ()) -> HTML:
    """A table of the paper: ``frame`` under the paper's caption, with its source line.

    Its id on the page is ``tp-table-<name>`` and its CSV ``<name>.csv`` (see
    :func:`html_table`).
    """
    from .theme import source_text

    return html_table(frame, table_caption(name), source_text(name), highlight, name=name)
