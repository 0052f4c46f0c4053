"""Redraw the paper's conceptual diagrams (Figures 1-3) from their content stored as data.

The paper's Figures 1-3 are boxes of words joined by lines or arrows.  The flattened text of
the PDF keeps the words but not the drawing, so ``data/figure-0N.csv`` holds one row per box,
frame, footnote, line or arrow, and this module lays them out (the layout is ours) and draws
them with matplotlib patches.  Status is shown twice, by words and by colour and line style,
so that it reads without colour.

Pairs as elsewhere: :func:`diagram_data` returns exactly what is drawn (every element with its
position and wrapped text) and :func:`diagram_chart` draws it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from functools import cache

import pandas as pd
from IPython.display import HTML
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch
from matplotlib.textpath import TextPath

from .datapackage import load, resource
from .theme import new_figure

DIAGRAMS = ("figure-01", "figure-02", "figure-03")
BOX_ROLES = ("heading", "leg", "support", "firm_sector", "route", "sector")
LINE_ROLES = ("link", "arrow")

CANVAS_WIDTH = 9.5  # inches: readable on a 1280 px page at 100 dpi
PAD = 0.14  # inches between a box's edge and its text
LINE_SPACING = 1.25
LABEL_SIZE = 11.0
HEADING_SIZE = 12.5
STATUS_SIZE = 10.0
NOTE_SIZE = 9.0
STATUS_GAP = 0.08  # inches between a box's label and its status line

# Tone of each status: how the text judges it.  Colour (Okabe-Ito) and edge style both carry
# the tone, and the status words are printed in the box, so no reading depends on colour.
STATUS_TONES = {
    "ESTABLISHED": "favourable",
    "EMERGING": "partial",
    "NON-EXISTENT": "unfavourable",
    "lower entry barriers, demand mainly domestic": "favourable",
    "barriers quite substantial": "unfavourable",
    "only source of effective demand": "favourable",
    "not yet recovered (capital goods)": "unfavourable",
    "not a source of effective demand (implied)": "unfavourable",
}
TONE_STYLES = {
    "favourable": {"color": "#009E73", "linestyle": "solid"},
    "partial": {"color": "#E69F00", "linestyle": "dashed"},
    "unfavourable": {"color": "#D55E00", "linestyle": "dotted"},
    "neutral": {"color": "#555555", "linestyle": "solid"},
    "ntbf": {"color": "#0072B2", "linestyle": "solid"},
}
NTBF_GROUP = "new-technology-based firms"
KEY_TEXT = {
    "figure-01": "Layout and lines are ours; the words and statuses are the figure's.",
    "figure-02": (
        "Layout and arrows are ours. Italic lines summarise the paper's text after the figure; "
        "they are not printed in it."
    ),
    "figure-03": (
        "Layout, frame and arrows (potential demand for NTBF services and products) are ours. "
        "Italic lines summarise the paper's text before the figure; they are not printed in it."
    ),
}


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


def _text_height(n_lines: int, size: float) -> float:
    """Height in inches of ``n_lines`` lines of text at ``size`` points."""
    return n_lines * size * LINE_SPACING / 72.0 if n_lines else 0.0


# --- status ---------------------------------------------------------------------------------


def status_text(status: object, status_source: object, figure_source: str) -> str:
    """The status line shown in a box: as printed in the figure, or flagged as from the text.

    >>> status_text("EMERGING", "Figure 1", "Figure 1")
    '- EMERGING -'
    >>> status_text("only source of effective demand", "Section 3, text", "Figure 3")
    'In the text: only source of effective demand'
    """
    if pd.isna(status) or not status:
        return ""
    if status_source == figure_source:
        return f"- {status} -"  # the figure's own typography
    return f"In the text: {status}"


def tone(status: object, group: object = None) -> str:
    """Tone of an element: from its status, else 'ntbf' for NTBF boxes, else 'neutral'."""
    if not pd.isna(status) and status:
        return STATUS_TONES[status]  # KeyError: a new status needs a tone chosen here
    return "ntbf" if not pd.isna(group) and group == NTBF_GROUP else "neutral"


def _tint(color: str, amount: float = 0.85) -> tuple[float, float, float]:
    """``color`` mixed with white: a light fill that keeps black text readable."""
    return tuple(c + (1.0 - c) * amount for c in to_rgb(color))


# --- layout ---------------------------------------------------------------------------------


def _box(
    row: pd.Series, x: float, width: float, size: float = LABEL_SIZE, weight: str = "normal"
) -> dict:
    """A box of ``width`` at ``x`` sized to its wrapped label and status line (y set later)."""
    inner = width - 2 * PAD
    lines = wrap_to_width(row["label"], inner, size, weight)
    status = status_text(row["status"], row["status_source"], row["source"])
    status_style = "normal" if status.startswith("- ") else "italic"
    status_weight = "bold" if status.startswith("- ") else "normal"
    status_lines = (
        wrap_to_width(status, inner, STATUS_SIZE, status_weight, status_style) if status else []
    )
    gap = STATUS_GAP if status_lines else 0.0
    height = 2 * PAD + _text_height(len(lines), size) + gap
    height += _text_height(len(status_lines), STATUS_SIZE)
    return {
        "element_id": row["element_id"],
        "x": x,
        "width": width,
        "height": height,
        "fontsize": size,
        "fontweight": weight,
        "text": "\n".join(lines),
        "status_text": "\n".join(status_lines),
        "status_style": status_style,
        "status_weight": status_weight,
    }


def _stack(boxes: list[dict], top: float, gap: float) -> float:
    """Place boxes top to bottom from ``top``; return the bottom of the last one."""
    for box in boxes:
        box["y"] = top - box["height"]
        top = box["y"] - gap
    return top + gap


def _by_role(frame: pd.DataFrame, *roles: str) -> list[pd.Series]:
    chosen = frame[frame["role"].isin(roles)].sort_values("order")
    return [row for _, row in chosen.iterrows()]


def _layout_figure_1(frame: pd.DataFrame) -> list[dict]:
    """Heading on top, the legs side by side below it, like the legs of a stool."""
    (heading,) = _by_role(frame, "heading")
    legs = _by_role(frame, "leg")
    gap, margin = 0.3, 0.15
    leg_width = (CANVAS_WIDTH - 2 * margin - gap * (len(legs) - 1)) / len(legs)
    head = _box(heading, 0, 5.2, HEADING_SIZE, "bold")
    head["x"] = (CANVAS_WIDTH - head["width"]) / 2
    leg_boxes = [_box(row, margin + i * (leg_width + gap), leg_width) for i, row in enumerate(legs)]
    tallest = max(b["height"] for b in leg_boxes)
    for box in leg_boxes:
        box["height"] = tallest
        box["y"] = 0.0
    head["y"] = tallest + 1.0  # room for the legs' lines
    return [head, *leg_boxes]


def _layout_figure_2(frame: pd.DataFrame) -> list[dict]:
    """Technoparks -> NTBF sector -> the two routes, left to right."""
    (support,) = _by_role(frame, "support")
    (sector,) = _by_role(frame, "firm_sector")
    routes = [_box(row, 5.85, 3.5) for row in _by_role(frame, "route")]
    bottom = _stack(routes, top=10.0, gap=0.6)
    middle = (10.0 + bottom) / 2
    boxes = [_box(support, 0.15, 1.7, weight="bold"), _box(sector, 2.55, 2.6)]
    for box in boxes:
        box["y"] = middle - box["height"] / 2
    return [*boxes, *routes]


def _layout_figure_3(frame: pd.DataFrame) -> list[dict]:
    """The two NTBF sectors framed on the left; the other sectors stacked on the right."""
    ntbf_rows = [r for r in _by_role(frame, "sector") if r["group"] == NTBF_GROUP]
    other_rows = [r for r in _by_role(frame, "sector") if r["group"] != NTBF_GROUP]
    (frame_row,) = _by_role(frame, "frame")
    frame_pad = 0.22
    others = [_box(row, 5.7, 3.65) for row in other_rows]
    bottom = _stack(others, top=10.0, gap=0.35)
    # The frame spans the column of other sectors, so every demand arrow runs straight.
    ntbf = [_box(row, 0.15 + frame_pad, 3.1) for row in ntbf_rows]
    spare = (10.0 - bottom) - 2 * frame_pad - sum(b["height"] for b in ntbf)
    _stack(ntbf, top=10.0 - frame_pad - spare / (len(ntbf) + 1), gap=spare / (len(ntbf) + 1))
    enclosure = {
        "element_id": frame_row["element_id"],
        "x": 0.15,
        "y": bottom,
        "width": 3.1 + 2 * frame_pad,
        "height": 10.0 - bottom,
        "fontsize": LABEL_SIZE,
        "text": "",
        "status_text": "",
    }
    return [enclosure, *ntbf, *others]


LAYOUTS: dict[str, Callable[[pd.DataFrame], list[dict]]] = {
    "figure-01": _layout_figure_1,
    "figure-02": _layout_figure_2,
    "figure-03": _layout_figure_3,
}


def _connection(source: pd.Series, target: pd.Series) -> tuple[float, float, float, float]:
    """Start and end of a line between two boxes, on their facing edges.

    Boxes side by side are joined edge to edge from the source's middle height, straight
    across where the target spans that height; boxes one above the other at the target's
    middle (held within the source), so lines stay short and legible.
    """

    def clamp(value: float, low: float, high: float, inset: float) -> float:
        inset = min(inset, (high - low) / 2)
        return min(max(value, low + inset), high - inset)

    sx0, sx1 = source["x"], source["x"] + source["width"]
    tx0, tx1 = target["x"], target["x"] + target["width"]
    sy0, sy1 = source["y"], source["y"] + source["height"]
    ty0, ty1 = target["y"], target["y"] + target["height"]
    if sx1 <= tx0 or tx1 <= sx0:  # side by side
        x0, x1 = (sx1, tx0) if sx1 <= tx0 else (sx0, tx1)
        y0 = (sy0 + sy1) / 2
        y1 = y0 if ty0 < y0 < ty1 else clamp(y0, ty0, ty1, 0.4)
        return x0, y0, x1, y1
    y0, y1 = (sy0, ty1) if ty1 <= sy0 else (sy1, ty0)
    x1 = (tx0 + tx1) / 2
    x0 = clamp(x1, sx0, sx1, 0.4)
    x1 = clamp(x0, tx0, tx1, 0.4)
    return x0, y0, x1, y1


def diagram_data(name: str) -> pd.DataFrame:
    """Every element of a diagram with what is drawn for it.

    Parameters
    ----------
    name : str
        ``"figure-01"``, ``"figure-02"`` or ``"figure-03"``.

    Returns
    -------
    pandas.DataFrame
        The resource's rows in ``order``, plus ``kind`` ('box', 'frame', 'footnote',
        'line'), ``tone``, and for boxes and frames ``x``, ``y``, ``width``, ``height``
        (inches on a canvas of width :data:`CANVAS_WIDTH`), the wrapped ``text`` and
        ``status_text``; for lines and arrows ``x0``, ``y0``, ``x1``, ``y1``.
    """
    if name not in LAYOUTS:
        raise KeyError(f"no diagram named {name!r}; known: {', '.join(DIAGRAMS)}")
    frame = load(name).sort_values("order").reset_index(drop=True)
    placed = pd.DataFrame(LAYOUTS[name](frame))
    data = frame.merge(placed, on="element_id", how="left", validate="one_to_one")
    data["kind"] = data["role"].map(
        lambda role: (
            "box"
            if role in BOX_ROLES
            else "line"
            if role in LINE_ROLES
            else "frame"
            if role == "frame"
            else "footnote"
        )
    )
    data["tone"] = [tone(s, g) for s, g in zip(data["status"], data["group"], strict=True)]
    ends = {c: [float("nan")] * len(data) for c in ("x0", "y0", "x1", "y1")}
    by_id = data.set_index("element_id")
    for i, row in data.iterrows():
        if row["kind"] == "line":
            source, target = by_id.loc[row["from_id"]], by_id.loc[row["to_id"]]
            for column, value in zip(ends, _connection(source, target), strict=True):
                ends[column][i] = value
            data.loc[i, "tone"] = data.loc[data["element_id"] == row["from_id"], "tone"].iloc[0]
    for column, values in ends.items():
        data[column] = values
    return data


# --- drawing --------------------------------------------------------------------------------


def _draw_box(ax, row: pd.Series) -> None:
    style = TONE_STYLES[row["tone"]]
    ax.add_patch(
        FancyBboxPatch(
            (row["x"], row["y"]),
            row["width"],
            row["height"],
            boxstyle="round,pad=0,rounding_size=0.08",
            facecolor=_tint(style["color"]),
            edgecolor=style["color"],
            linestyle=style["linestyle"],
            linewidth=2.2,
            gid=f"box:{row['element_id']}",
        )
    )
    # Content = label, a small gap, the status line(s); centred in the box as a block.
    label_height = _text_height(row["text"].count("\n") + 1, row["fontsize"])
    status_lines = row["status_text"].count("\n") + 1 if row["status_text"] else 0
    gap = STATUS_GAP if status_lines else 0.0
    status_height = _text_height(status_lines, STATUS_SIZE)
    centre_x = row["x"] + row["width"] / 2
    centre_y = row["y"] + row["height"] / 2
    label_centre = centre_y + (gap + status_height) / 2
    ax.text(
        centre_x,
        label_centre,
        row["text"],
        ha="center",
        va="center",
        fontsize=row["fontsize"],
        fontweight=row["fontweight"],
        linespacing=LINE_SPACING,
        gid=f"label:{row['element_id']}",
    )
    if status_lines:
        ax.text(
            centre_x,
            centre_y - (label_height + gap) / 2,
            row["status_text"],
            ha="center",
            va="center",
            fontsize=STATUS_SIZE,
            fontweight=row["status_weight"],
            fontstyle=row["status_style"],
            color="#222222",
            linespacing=LINE_SPACING,
            gid=f"status:{row['element_id']}",
        )


def _draw_frame(ax, row: pd.Series) -> None:
    ax.add_patch(
        FancyBboxPatch(
            (row["x"], row["y"]),
            row["width"],
            row["height"],
            boxstyle="round,pad=0,rounding_size=0.12",
            facecolor="none",
            edgecolor=TONE_STYLES["ntbf"]["color"],
            linestyle="dashed",
            linewidth=1.5,
            gid=f"frame:{row['element_id']}",
        )
    )


def _draw_line(ax, row: pd.Series) -> None:
    style = TONE_STYLES[row["tone"]]
    arrow = row["role"] == "arrow"
    ax.add_patch(
        FancyArrowPatch(
            (row["x0"], row["y0"]),
            (row["x1"], row["y1"]),
            arrowstyle="-|>" if arrow else "-",
            mutation_scale=20,
            color=style["color"] if row["tone"] != "neutral" else "#333333",
            linestyle=style["linestyle"] if arrow else "solid",
            linewidth=2.0 if arrow else 3.0,
            shrinkA=2,
            shrinkB=2,
            gid=f"{row['role']}:{row['from_id']}->{row['to_id']}",
        )
    )


def _footnote_number(printed: str) -> str:
    """The footnote's number as printed before its text ('7 This classification ...')."""
    match = re.match(r"(\d+)\s", printed)
    if match is None:
        raise ValueError(f"no footnote number at the start of {printed!r}")
    return match.group(1)


def _draw_notes(ax, name: str, data: pd.DataFrame, bottom: float) -> float:
    """Footnotes and the key under the drawing; return the new bottom."""
    width = CANVAS_WIDTH - 0.3
    y = bottom - 0.3
    for _, row in data[data["kind"] == "footnote"].iterrows():
        ax.text(
            0.15,
            y,
            f"Footnote {_footnote_number(row['printed'])} of the paper, to the caption:",
            fontsize=NOTE_SIZE,
            fontweight="bold",
            va="top",
            gid="footnote-heading",
        )
        y -= _text_height(1, NOTE_SIZE) + 0.02
        lines = wrap_to_width(row["label"], width, NOTE_SIZE)
        ax.text(
            0.15,
            y,
            "\n".join(lines),
            fontsize=NOTE_SIZE,
            va="top",
            linespacing=LINE_SPACING,
            gid=f"footnote:{row['element_id']}",
        )
        y -= _text_height(len(lines), NOTE_SIZE) + 0.12
    key = wrap_to_width(KEY_TEXT[name], width, NOTE_SIZE, style="italic")
    ax.text(
        0.15,
        y,
        "\n".join(key),
        fontsize=NOTE_SIZE,
        fontstyle="italic",
        color="#444444",
        va="top",
        linespacing=LINE_SPACING,
        gid="key",
    )
    return y - _text_height(len(key), NOTE_SIZE)


def diagram_chart(data: pd.DataFrame, name: str) -> Figure:
    """Draw a diagram from :func:`diagram_data` on a figure from the project's theme.

    One axes unit is one inch, so text sizes in points and box sizes in inches agree and
    text wrapped by :func:`wrap_to_width` stays inside its box.
    """
    placed = data[data["kind"].isin(["box", "frame"])]
    top = float((placed["y"] + placed["height"]).max()) + 0.15
    low = float(placed["y"].min())
    footnotes = data[data["kind"] == "footnote"]
    note_lines = sum(
        1 + len(wrap_to_width(text, CANVAS_WIDTH - 0.3, NOTE_SIZE)) for text in footnotes["label"]
    )
    key_lines = len(wrap_to_width(KEY_TEXT[name], CANVAS_WIDTH - 0.3, NOTE_SIZE, style="italic"))
    notes_height = 0.3 + _text_height(note_lines + key_lines, NOTE_SIZE) + 0.15 * len(footnotes)
    bottom = low - notes_height - 0.1
    height = top - bottom
    fig, ax = new_figure(width=CANVAS_WIDTH, height=height)
    fig.set_layout_engine("none")
    ax.set_position((0, 0, 1, 1))
    ax.set_xlim(0, CANVAS_WIDTH)
    ax.set_ylim(bottom, top)
    ax.set_axis_off()
    for _, row in data.iterrows():
        if row["kind"] == "frame":
            _draw_frame(ax, row)
    for _, row in data.iterrows():
        if row["kind"] == "box":
            _draw_box(ax, row)
        elif row["kind"] == "line":
            _draw_line(ax, row)
    _draw_notes(ax, name, data, low)
    return fig


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
    items = "".join(f"<li>{html.escape(note)}</li>" for note in resource(name)["notes"])
    return HTML(
        f"<details><summary>How Figure {int(name.split('-')[1])} was read from the paper's "
        f"text</summary><ul>{items}</ul></details>"
    )


__all__ = [
    "BOX_ROLES",
    "DIAGRAMS",
    "LINE_ROLES",
    "STATUS_TONES",
    "TONE_STYLES",
    "describe",
    "diagram_chart",
    "diagram_data",
    "reading_notes",
    "status_text",
    "text_width",
    "tone",
    "wrap_to_width",
]
