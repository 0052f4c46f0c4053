"""Take it away: what a page offers for download, as ``data:`` links built in Python.

A download needs no server: its bytes are in the link (a ``data:`` URL), so it works in
JupyterLab, under Voila and in the static edition alike.  CSV is percent-encoded (as the
park tables' downloads are, :func:`helpers.display.park_filter.download_link`); other
formats are base64.  A chart's PNG is the one exception: it is drawn in the reader's
browser from the chart's SVG by the site's script (``takeaway.js``), so a page does not
carry every chart twice.
"""

from __future__ import annotations

import base64
import io
import re
from typing import TYPE_CHECKING
from urllib.parse import quote

from .html import escape

if TYPE_CHECKING:  # pandas is imported where a frame is written, not with this module
    import pandas as pd

_NOT_A_NAME = re.compile(r"[^a-z0-9]+")


def file_stem(text: str, default: str = "data", length: int = 48) -> str:
    """A file name stem from text: lower-case words joined by hyphens ('table-04').

    >>> file_stem("Table 8: Motives <for> entry")
    'table-8-motives-for-entry'
    """
    stem = _NOT_A_NAME.sub("-", text.lower()).strip("-")[:length].strip("-")
    return stem or default


def tidy(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with a meaningful index (a named one, or labels) turned into a column."""
    import pandas as pd

    index = frame.index
    if isinstance(index, pd.RangeIndex) and index.name is None:
        return frame
    return frame.reset_index()


def csv_text(frame: pd.DataFrame) -> str:
    """A frame as CSV: a header, the values as stored (missing values empty), '\\n' lines."""
    buffer = io.StringIO()
    tidy(frame).to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue()


def csv_url(frame: pd.DataFrame) -> str:
    """The frame's CSV as a percent-encoded ``data:`` URL."""
    return "data:text/csv;charset=utf-8," + quote(csv_text(frame).encode("utf-8"), safe="")


def base64_url(content: bytes, media_type: str) -> str:
    """Bytes as a base64 ``data:`` URL."""
    return f"data:{media_type};base64,{base64.b64encode(content).decode('ascii')}"


def text_url(text: str, media_type: str) -> str:
    """Text as a percent-encoded UTF-8 ``data:`` URL (for small text files: .bib, .ris)."""
    return f"data:{media_type};charset=utf-8," + quote(text.encode("utf-8"), safe="")


def link_html(href: str, filename: str, label: str, described_by: str | None = None) -> str:
    """A download link (``<a class="tp-download" download=...>``) with escaped attributes."""
    described = f' aria-describedby="{escape(described_by)}"' if described_by else ""
    return (
        f'<a class="tp-download" download="{escape(filename)}" href="{escape(href)}"'
        f"{described}>{escape(label)}</a>"
    )


def csv_link_html(frame: pd.DataFrame, stem: str, described_by: str | None = None) -> str:
    """The "Data (CSV)" link of a frame, saved as ``<stem>.csv``."""
    return link_html(csv_url(frame), f"{stem}.csv", "Data (CSV)", described_by)
