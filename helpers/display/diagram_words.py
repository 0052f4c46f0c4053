"""The words of a diagram: text measured and wrapped to fit its boxes, and the diagram told
in words for readers (its caption) with the notes on how it was read from the paper.

Split off :mod:`helpers.display.diagrams`, which draws the diagrams and re-exports these names.
"""

from __future__ import annotations

from functools import cache

import pandas as pd
from IPython.display import HTML
from matplotlib.font_manager import FontProperties
from matplotlib.textpath import TextPath

from ..data.datapackage import resource
from .html import escape

LINE_SPACING = 1.25


# --- text measurement and wrapping -------------------------------------------------------


def _font(weight: str = "normal", style: str = "normal") -> FontProperties:
    return FontProperties(family="DejaVu Sans", weight=weight, style=style)


@cache
def text_width(text: str, size: float, weight: str = "normal", style: str = "normal") -> float:
    """Width of one line of text in inches, measured from the font's glyph outlines."""
    if not text:
        return 0.0
    path = TextPath((0, 0), text, size=size, prop=_font(weight, style))
    return path.get_extents().width / 72.0


def wrap_to_width(
    text: str, width: float, size: float, weight: str = "normal", style: str = "normal"
) -> list[str]:
    """Break ``text`` into lines no wider than ``width`` inches (greedy, at spaces).

    A single word wider than ``width`` stays on its own line; tests catch such overflow.
    """
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and text_width(candidate, size, weight, style) <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    return lines


def text_height(n_lines: int, size: float) -> float:
    """Height in inches of ``n_lines`` lines of text at ``size`` points."""
    return n_lines * size * LINE_SPACING / 72.0 if n_lines else 0.0


# --- words for readers ----------------------------------------------------------------------


def _short(label: str) -> str:
    """A box's label up to its first bracket, for naming it in a sentence."""
    return label.split(" (")[0].rstrip(".")


def _name(row) -> str:
    """How a sentence refers to an element: 'the heading', a short label or the frame."""
    if row.role == "heading":
        return "the heading"
    if pd.isna(row.label) or not row.label:
        return f"a frame around the {row.group}"
    return _short(row.label)


def describe(data: pd.DataFrame) -> str:
    """The diagram in words: its boxes with their statuses, then its lines or arrows.

    Used as the chart's caption, so the diagram can be read without seeing it.
    """
    parts = []
    for row in data[data["kind"] == "box"].itertuples():
        text = f"'{row.label}'"
        if not pd.isna(row.status) and row.status:
            origin = "as printed" if row.status_source == row.source else "from the paper's text"
            text += f", with status '{row.status}' ({origin})"
        parts.append(text)
    names = {row.element_id: _name(row) for row in data.itertuples()}
    lines = data[data["kind"] == "line"]
    kind = "arrows" if (lines["role"] == "arrow").all() else "lines"
    joins = []
    for start, group in lines.groupby("from_id", sort=False):
        ends = [names[e] for e in group["to_id"]]
        joins.append(f"from {names[start]} to {'; '.join(ends)}")
    if lines["to_id"].nunique() == 1 and len(lines) > 1:  # many into one: say it once
        starts = "; ".join(names[e] for e in lines["from_id"])
        joins = [f"to {names[lines['to_id'].iloc[0]]} from {starts}"]
    return (
        f"{data['source'].iloc[0]} redrawn from its words. Boxes: {'; '.join(parts)}. "
        f"{kind.capitalize()} run {', and '.join(joins)}. The layout and the {kind} are ours."
    )


def reading_notes(name: str) -> HTML:
    """The data's notes on how the figure was read from the text, as a folded list."""
    items = "".join(f"<li>{escape(note)}</li>" for note in resource(name)["notes"])
    return HTML(
        f"<details><summary>How Figure {int(name.split('-')[1])} was read from the paper's "
        f"text</summary><ul>{items}</ul></details>"
    )
