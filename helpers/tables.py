"""Tables for readers: plain HTML, no index column, missing shown as 'n.a.'.

HTML is built here rather than with a pandas Styler, whose element ids are random and
would break the comparison of committed outputs.  Text is left-aligned, numbers are
right-aligned and shown with as many decimals as the column needs.
"""

from __future__ import annotations

import html

import pandas as pd
from IPython.display import HTML

MISSING = "n.a."


def html_table(frame: pd.DataFrame, caption: str | None = None, source: str | None = None) -> HTML:
    """Render ``frame`` as a reader-facing HTML table.

    Parameters
    ----------
    frame : pandas.DataFrame
        Columns as they should be headed; the index is not shown.
    caption : str, optional
        Shown above the table (e.g. "Table 8: ...").
    source : str, optional
        Shown under the table.
    """
    body = _table_html(frame)
    parts = []
    if caption:
        parts.append(f'<p class="tp-caption"><strong>{html.escape(caption)}</strong></p>')
    parts.append(body)
    if source:
        parts.append(f'<p class="tp-source">{html.escape(source)}</p>')
    return HTML("\n".join(parts))


def _decimals(column: pd.Series) -> int:
    """Fewest decimals (0-2) that show every value of a numeric column exactly."""
    values = column.dropna().astype(float)
    for places in (0, 1, 2):
        if ((values * 10**places).round(6) % 1 == 0).all():
            return places
    return 2


def _table_html(frame: pd.DataFrame) -> str:
    numeric = {
        name: _decimals(frame[name])
        for name in frame.columns
        if pd.api.types.is_numeric_dtype(frame[name])
        and not pd.api.types.is_bool_dtype(frame[name])
    }
    head = "".join(
        f'<th class="{"num" if name in numeric else "text"}">{html.escape(str(name))}</th>'
        for name in frame.columns
    )
    body = []
    for row in frame.itertuples(index=False):
        cells = []
        for name, value in zip(frame.columns, row, strict=True):
            if pd.isna(value):
                text, kind = MISSING, "num missing" if name in numeric else "text missing"
            elif name in numeric:
                text, kind = f"{float(value):,.{numeric[name]}f}", "num"
            else:
                text, kind = str(value), "text"
            cells.append(f'<td class="{kind}">{html.escape(text)}</td>')
        body.append(f"<tr>{''.join(cells)}</tr>")
    rows = "\n".join(body)
    return (
        f'<table class="tp-table">\n<thead><tr>{head}</tr></thead>\n<tbody>\n{rows}\n</tbody>\n'
        "</table>"
    )


def resource_overview() -> pd.DataFrame:
    """One row per data resource: file, title as in the paper, section, number of rows."""
    from .datapackage import load, package

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
