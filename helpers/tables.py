"""Tables for readers: plain HTML, no index column, missing shown as 'n.a.'.

HTML is built with ``DataFrame.to_html`` rather than a Styler, whose element ids are
random and would break the comparison of committed outputs.
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
    body = frame.to_html(index=False, na_rep=MISSING, border=0, classes="tp-table", escape=True)
    parts = []
    if caption:
        parts.append(f'<p class="tp-caption"><strong>{html.escape(caption)}</strong></p>')
    parts.append(body)
    if source:
        parts.append(f'<p class="tp-source">{html.escape(source)}</p>')
    return HTML("\n".join(parts))


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
