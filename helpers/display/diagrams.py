"""Redraw the paper's diagrams (Figures 1-3 and 7) from their content stored as data.

The paper's Figures 1-3 and 7 are boxes of words joined by lines or arrows.  The flattened
text of the PDF keeps the words but not the drawing, so ``data/figure-0N.csv`` holds one row
per box, frame, footnote, line or arrow, and this module lays them out (the layout is ours)
and draws them with matplotlib patches.  Status is shown twice, by words and by colour and
line style, so that it reads without colour.  Figure 7's rows name their role but no arrows:
:func:`diagram_data` derives its kinds, tones and arrows from the roles (see
:data:`FIGURE_7_KINDS`).

Pairs as elsewhere: :func:`diagram_data` returns exactly what is drawn (every element with its
position and wrapped text) and :func:`diagram_chart` draws it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pandas as pd
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from ..data.datapackage import load
from .diagram_words import LINE_SPACING, describe, reading_notes, text_width, wrap_to_width
from .diagram_words import text_height as _text_height
from .theme import new_figure

DIAGRAMS = ("figure-01", "figure-02", "figure-03", "figure-07")
BOX_ROLES = ("heading", "leg", "support", "firm_sector", "route", "sector")
LINE_ROLES = ("link", "arrow")

CANVAS_WIDTH = 9.5  # inches: readable on a 1280 px page at 100 dpi
PAD = 0.14  # inches between a box's edge and its text
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
    # Figure 7's parts (no statuses there): supply, demand, the technopark, policy, the gap.
    "supply": {"color": "#009E73", "linestyle": "solid"},
    "demand": {"color": "#0072B2", "linestyle": "solid"},
    "technopark": {"color": "#CC79A7", "linestyle": "solid"},
    "policy": {"color": "#E69F00", "linestyle": "solid"},
    "gap": {"color": "#999999", "linestyle": "dashed"},
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
    "figure-07": (
        "Layout, frames and arrows, and the placement of the 'Policy focus' marker, are ours; "
        "the words are the figure's. The dashed arrow is the bridge the paper doubts."
    ),
}
# Figure 7: the kind and tone of each role (tones by group where the role does not set one).
FIGURE_7_KINDS = {"heading": "frame", "gap": "frame", "flow": "text"}  # other roles: 'box'
FIGURE_7_TONES = {
    "technopark": "technopark",
    "rd_institutes": "supply",
    "competence_ladder": "demand",
    "gap": "gap",
    "policy": "policy",
}


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
    row: pd.Series,
    x: float,
    width: float,
    size: float = LABEL_SIZE,
    weight: str = "normal",
    style: str = "normal",
    second: str | None = None,
) -> dict:
    """A box of ``width`` at ``x`` sized to its wrapped label and status line (y set later).

    ``second`` replaces the status line by a description in plain type (Figure 7's rungs).
    """
    inner = width - 2 * PAD
    lines = wrap_to_width(row["label"], inner, size, weight, style)
    if second is None:
        status = status_text(row["status"], row["status_source"], row["source"])
        status_style = "normal" if status.startswith("- ") else "italic"
        status_weight = "bold" if status.startswith("- ") else "normal"
    else:
        status, status_style, status_weight = second, "normal", "normal"
    status_lines = (
        wrap_to_width(status, inner, STATUS_SIZE, status_weight, status_style) if status else []
    )
    gap = STATUS_GAP if status_lines else 0.0
    height = 2 * PAD + _text_height(len(lines), size) + gap
    height += _text_height(len(status_lines), STATUS_SIZE)
    box = {
        "element_id": row["element_id"],
        "x": x,
        "width": width,
        "height": height,
        "fontsize": size,
        "fontweight": weight,
        "fontstyle": style,
        "text": "\n".join(lines),
        "status_text": "\n".join(status_lines),
        "status_style": status_style,
        "status_weight": status_weight,
    }
    return box if second is None else box | {"second": "description"}


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


def _layout_figure_7(frame: pd.DataFrame) -> list[dict]:
    """Three framed columns: the R&D institutes' stages, the implementation gap, the ladder.

    The stages run down to the commercialisation flow; the technopark sits in the gap level
    with the flow, the 'Policy focus' marker above the gap level with the first stage; the
    ladder's rungs are stacked from the highest (top), darker as they rise.
    """

    def one(role: str, group: str | None = None) -> pd.Series:
        (row,) = [r for r in _by_role(frame, role) if group is None or r["group"] == group]
        return row

    pad, gap, top = 0.15, 0.35, 10.0  # frame edge to content; between stacked boxes; top
    (x0, w0), (x1, w1), (x2, w2) = (0.15, 2.2), (2.65, 2.5), (5.45, 3.9)
    institutes = _box(one("heading", "rd_institutes"), x0, w0, HEADING_SIZE, "bold")
    ladder = _box(one("heading", "competence_ladder"), x2, w2, HEADING_SIZE, "bold")
    stages = [_box(r, x0 + pad, w0 - 2 * pad) for r in reversed(_by_role(frame, "stage"))]
    end = _stack(stages, top=top - institutes["height"], gap=gap)
    flow = _box(one("flow"), x0 + pad, w0 - 2 * pad, NOTE_SIZE + 1, style="italic")
    _stack([flow], top=end - gap, gap=0)
    rungs = [
        _box(r, x2 + pad, w2 - 2 * pad, weight="bold", second=r["description"])
        for r in reversed(_by_role(frame, "rung"))
    ]
    for step, rung in enumerate(rungs):
        rung["tint"] = 0.66 + 0.06 * step  # the highest rung darkest
    ladder_end = _stack(rungs, top=top - ladder["height"], gap=0.1)
    marker = _box(one("marker"), x1 + pad, w1 - 2 * pad, weight="bold")
    marker["y"] = stages[0]["y"] + (stages[0]["height"] - marker["height"]) / 2
    technopark = _box(one("technopark"), x1 + 0.3, w1 - 0.6, weight="bold")
    technopark["y"] = flow["y"] + (flow["height"] - technopark["height"]) / 2
    space = _box(one("gap"), x1, w1, weight="bold") | {"text_at": "bottom"}
    bottom = min(ladder_end, flow["y"], technopark["y"] - gap - space["height"]) - pad
    for column, column_top in ((institutes, top), (ladder, top), (space, marker["y"] - gap)):
        column["y"], column["height"] = bottom, column_top - bottom
    institutes["text_at"] = ladder["text_at"] = "top"
    return [institutes, *stages, flow, space, marker, technopark, ladder, *rungs]


def _elements_figure_7(frame: pd.DataFrame) -> pd.DataFrame:
    """Figure 7's rows in the engine's terms, with the arrows the flattened text does not keep.

    Each role gives its row a kind (:data:`FIGURE_7_KINDS`) and a tone; the arrows are ours,
    derived from the roles: down the stages to the commercialisation flow and on into the
    technopark; from the technopark to the ladder (dashed: the bridge the text doubts); from
    the 'Policy focus' marker to the R&D institutes and to the technopark.
    """
    elements = frame.assign(
        kind=[FIGURE_7_KINDS.get(role, "box") for role in frame["role"]],
        tone=[
            FIGURE_7_TONES.get(r, FIGURE_7_TONES[g])
            for r, g in zip(frame["role"], frame["group"], strict=True)
        ],
        status=pd.NA,
        status_source=pd.NA,
    )

    def ids(role: str, group: str | None = None) -> list[str]:
        chosen = elements[
            (elements["role"] == role) & (group is None or elements["group"] == group)
        ]
        return chosen.sort_values("order", ascending=False)["element_id"].tolist()

    (technopark,), (marker,) = ids("technopark"), ids("marker")
    chain = [*ids("stage"), *ids("flow"), technopark]
    arrows = [(a, b, "neutral") for a, b in zip(chain, chain[1:], strict=False)]
    arrows += [(technopark, ids("heading", "competence_ladder")[0], "gap")]
    arrows += [
        (marker, ids("heading", "rd_institutes")[0], "policy"),
        (marker, technopark, "policy"),
    ]
    lines = pd.DataFrame(
        [
            {
                "element_id": f"arrow:{a}->{b}",
                "role": "arrow",
                "kind": "line",
                "tone": tone,
                "from_id": a,
                "to_id": b,
                "source": elements["source"].iloc[0],
            }
            for a, b, tone in arrows
        ]
    )
    return pd.concat([elements, lines], ignore_index=True)


LAYOUTS: dict[str, Callable[[pd.DataFrame], list[dict]]] = {
    "figure-01": _layout_figure_1,
    "figure-02": _layout_figure_2,
    "figure-03": _layout_figure_3,
    "figure-07": _layout_figure_7,
}
# Diagrams whose rows need kinds, tones and arrows derived before the layout.
ELEMENTS: dict[str, Callable[[pd.DataFrame], pd.DataFrame]] = {"figure-07": _elements_figure_7}


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


def diagram_data(name: str, frame: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every element of a diagram with what is drawn for it.

    Parameters
    ----------
    name : str
        ``"figure-01"``, ``"figure-02"``, ``"figure-03"`` or ``"figure-07"``.
    frame : pandas.DataFrame, optional
        The resource as loaded (``load(name)``); loaded here when not given.

    Returns
    -------
    pandas.DataFrame
        The resource's rows in ``order`` (Figure 7's with its derived arrows), plus ``kind``
        ('box', 'frame', 'footnote', 'line', 'text'), ``tone``, and for boxes, frames and
        texts ``x``, ``y``, ``width``, ``height`` (inches on a canvas of width
        :data:`CANVAS_WIDTH`), the wrapped ``text`` and ``status_text``; for lines and
        arrows ``x0``, ``y0``, ``x1``, ``y1``.
    """
    if name not in LAYOUTS:
        raise KeyError(f"no diagram named {name!r}; known: {', '.join(DIAGRAMS)}")
    frame = load(name) if frame is None else frame
    frame = ELEMENTS.get(name, lambda f: f)(frame)
    frame = frame.sort_values("order", kind="stable").reset_index(drop=True)
    placed = pd.DataFrame(LAYOUTS[name](frame))
    data = frame.merge(placed, on="element_id", how="left", validate="one_to_one")
    toned = "tone" in data  # tones chosen with the kinds (Figure 7): lines keep theirs
    if "kind" not in data:
        kinds = {**dict.fromkeys(BOX_ROLES, "box"), **dict.fromkeys(LINE_ROLES, "line")}
        data["kind"] = [
            kinds.get(role, role if role == "frame" else "footnote") for role in data["role"]
        ]
    if not toned:
        data["tone"] = [tone(s, g) for s, g in zip(data["status"], data["group"], strict=True)]
    ends = {c: [float("nan")] * len(data) for c in ("x0", "y0", "x1", "y1")}
    by_id = data.set_index("element_id")
    for i, row in data.iterrows():
        if row["kind"] == "line":
            source, target = by_id.loc[row["from_id"]], by_id.loc[row["to_id"]]
            for column, value in zip(ends, _connection(source, target), strict=True):
                ends[column][i] = value
            if not toned:
                source_tone = data.loc[data["element_id"] == row["from_id"], "tone"].iloc[0]
                data.loc[i, "tone"] = source_tone
    for column, values in ends.items():
        data[column] = values
    return data


# --- drawing --------------------------------------------------------------------------------


def _draw_box(ax, row: pd.Series) -> None:
    """A box with its label and status (or description); a 'text' element has no box."""
    style = TONE_STYLES[row["tone"]]
    tint = row.get("tint")
    if row["kind"] == "box":
        ax.add_patch(
            FancyBboxPatch(
                (row["x"], row["y"]),
                row["width"],
                row["height"],
                boxstyle="round,pad=0,rounding_size=0.08",
                facecolor=_tint(style["color"], 0.85 if tint is None or pd.isna(tint) else tint),
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
        fontstyle=row["fontstyle"],
        linespacing=LINE_SPACING,
        gid=f"label:{row['element_id']}",
    )
    second = row.get("second")
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
            gid=f"{second if isinstance(second, str) else 'status'}:{row['element_id']}",
        )


def _draw_frame(ax, row: pd.Series) -> None:
    """A dashed frame in its tone's colour, with its label (if any) at its top or bottom."""
    ax.add_patch(
        FancyBboxPatch(
            (row["x"], row["y"]),
            row["width"],
            row["height"],
            boxstyle="round,pad=0,rounding_size=0.12",
            facecolor="none",
            edgecolor=TONE_STYLES[row["tone"]]["color"],
            linestyle="dashed",
            linewidth=1.5,
            gid=f"frame:{row['element_id']}",
        )
    )
    if row["text"]:
        at_top = row["text_at"] == "top"
        ax.text(
            row["x"] + row["width"] / 2,
            row["y"] + row["height"] - PAD if at_top else row["y"] + PAD,
            row["text"],
            ha="center",
            va="top" if at_top else "bottom",
            fontsize=row["fontsize"],
            fontweight=row["fontweight"],
            linespacing=LINE_SPACING,
            gid=f"label:{row['element_id']}",
        )


def _draw_line(ax, row: pd.Series) -> None:
    style = TONE_STYLES[row["tone"]]
    arrow = row["role"] != "link"
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
    placed = data[data["kind"].isin(["box", "frame", "text"])]
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
        if row["kind"] in ("box", "text"):
            _draw_box(ax, row)
        elif row["kind"] == "line":
            _draw_line(ax, row)
    _draw_notes(ax, name, data, low)
    return fig


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
