"""Table 14 and Figure 7: how few public R&D results are ready for the market, and why.

Table 14 counts the developments of the Ministry of Education and Science's 2003
'Catalogue of innovation developments recommended for introduction' by stage.  The paper
prints the most advanced stage first (``stage_order`` 1); the funnel here runs the other
way, from the earliest stage at the top to 'ready for introduction' at the bottom.

Figure 7 is a diagram.  Its words are stored in ``data/figure-07.csv`` (resource
``figure-07``) and :func:`figure_07_chart` redraws it from those rows; the layout is ours,
since the flattened text of the paper keeps the words but not the drawing.
"""

from __future__ import annotations

import textwrap

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch, Rectangle

from .datapackage import load
from .recompute import agrees, cell, rows, share
from .theme import NEUTRAL_COLOR, OKABE_ITO, new_figure

TABLE_14 = "table-14"
FIGURE_07 = "figure-07"
READY = "ready_for_introduction"
TOTAL = "total"


# --- Table 14 ------------------------------------------------------------------------------


def _stages() -> pd.DataFrame:
    """Table 14 wide: one row per stage (total included), in the paper's order."""
    table = load(TABLE_14)
    counts = rows(table, measure="n_developments").set_index("stage")
    shares = rows(table, measure="share_of_developments").set_index("stage")
    frame = counts[["stage_order", "stage_label"]].copy()
    frame["n_developments"] = counts["value"].astype(int)
    frame["share"] = shares["value"]
    frame["share_printed"] = shares["printed"]
    return frame.sort_values("stage_order").reset_index()


def table_14_view() -> pd.DataFrame:
    """Table 14 as printed, for readers: stage, number and share, total last.

    Returns
    -------
    pandas.DataFrame
        Columns "Stage of development", "Number of developments" and
        "Share of developments (%)", in the paper's row order (most advanced first).
    """
    frame = _stages()
    return pd.DataFrame(
        {
            "Stage of development": frame["stage_label"],
            "Number of developments": frame["n_developments"],
            "Share of developments (%)": frame["share"],
        }
    )


def stage_funnel_data() -> pd.DataFrame:
    """The stages of Table 14 as drawn in the funnel, earliest stage first (top).

    Returns
    -------
    pandas.DataFrame
        One row per stage (the total left out), ordered from the technical documentation or
        patent stage (top of the funnel) to 'ready for introduction' (bottom): ``stage``,
        ``stage_label`` (as printed), ``n_developments``, ``share`` (the printed share, %),
        ``share_printed`` (the cell verbatim), ``recomputed_share`` (count / printed
        total, %) and ``label`` (count and printed share, the text written on the bar).
    """
    frame = _stages()
    total = int(cell(frame, stage=TOTAL)["n_developments"])
    stages = frame[frame["stage"] != TOTAL].sort_values("stage_order", ascending=False)
    stages = stages.reset_index(drop=True)
    stages["recomputed_share"] = [share(n, total) for n in stages["n_developments"]]
    stages["label"] = [
        f"{n} ({printed})"
        for n, printed in zip(stages["n_developments"], stages["share_printed"], strict=True)
    ]
    columns = ["stage", "stage_label", "n_developments", "share", "share_printed"]
    return stages[[*columns, "recomputed_share", "label"]]


def stage_funnel_chart(data: pd.DataFrame) -> Figure:
    """Horizontal bars centred on one axis, earliest stage at the top, width = count.

    Parameters
    ----------
    data : pandas.DataFrame
        The output of :func:`stage_funnel_data` (rows drawn top to bottom).
    """
    fig, ax = new_figure(9.5, 4.2)
    positions = range(len(data))
    colors = [OKABE_ITO[0] if stage == READY else OKABE_ITO[4] for stage in data["stage"]]
    widths = data["n_developments"].astype(float)
    bars = ax.barh(
        list(positions), widths, left=-widths / 2, height=0.7, color=colors, edgecolor="white"
    )
    texts = ax.bar_label(bars, labels=list(data["label"]), label_type="center", fontsize=11)
    for text, stage in zip(texts, data["stage"], strict=True):
        text.set_color("white" if stage == READY else "black")  # contrast on the dark bar
    ax.set_yticks(list(positions), [textwrap.fill(t, 34) for t in data["stage_label"]])
    ax.invert_yaxis()  # first row (earliest stage) at the top
    half = widths.max() / 2
    ax.set_xlim(-half * 1.08, half * 1.08)
    ax.set_xticks([])
    ax.set_xlabel("Number of developments (bar width; label: number and share as printed)")
    ax.grid(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_visible(False)
    ax.tick_params(axis="y", length=0)
    ax.set_title("Developments in the Ministry's catalogue, by stage")
    return fig


def stage_funnel_caption(data: pd.DataFrame) -> str:
    """The funnel's caption (its text alternative), written from the plotted data."""

    def stage(row: pd.Series) -> str:
        text = row["stage_label"]
        return f"{text[0].lower()}{text[1:]} ({row['n_developments']}, {row['share_printed']})"

    counts = data["n_developments"].tolist()
    shrinking = all(a >= b for a, b in zip(counts, counts[1:], strict=False))
    trend = (
        "The counts shrink at every step."
        if shrinking
        else "The counts do not shrink at every step: the stages are a snapshot of the "
        "catalogue, not one cohort moving through them."
    )
    return (
        "Developments in the Ministry of Education and Science's catalogue by stage, from "
        f"{stage(data.iloc[0])} at the top to {stage(data.iloc[-1])} at the bottom. Bar width "
        f"is the number of developments. {trend}"
    )


def catalogue_sentence() -> str:
    """How many developments are ready for introduction, built from Table 14.

    Checks on the way that the four stages add up to the printed total and that the
    printed share of ready developments agrees with the counts.
    """
    stages = stage_funnel_data()
    total = int(cell(_stages(), stage=TOTAL)["n_developments"])
    summed = int(stages["n_developments"].sum())
    ready = cell(stages, stage=READY)
    earliest = stages.iloc[0]
    check = "agrees" if agrees(ready["share_printed"], ready["recomputed_share"]) else "disagrees"
    adds_up = "add up to" if summed == total else f"add up to {summed}, not"
    return (
        f"{ready['n_developments']} of the {total} developments in the catalogue "
        f"({ready['share_printed']}) are ready for introduction; the printed share {check} "
        f"with the counts ({ready['recomputed_share']:.1f}%). The other "
        f"{total - ready['n_developments']} are at earlier stages, the largest group "
        f"({earliest['n_developments']}, {earliest['share_printed']}) still at the technical "
        f"documentation or patent stage. The four stages {adds_up} the printed total."
    )


# --- Figure 7 ------------------------------------------------------------------------------

# Layout in axis units (x 0-100, y 0-60).  Ours: the flattened text keeps no drawing.
_RD_X, _RD_W = 1.0, 21.0
_GAP_X, _GAP_W = 25.0, 25.0
_LADDER_X, _LADDER_W = 53.0, 46.0
_RUNG_BOTTOM, _RUNG_STEP, _RUNG_H = 2.5, 10.2, 9.4
_STAGE_TOP, _STAGE_STEP, _STAGE_H = 52.5, 9.0, 6.0

_STAGE_COLOR = OKABE_ITO[2]  # bluish green
_RUNG_COLOR = OKABE_ITO[0]  # blue
_TECHNOPARK_COLOR = OKABE_ITO[3]  # reddish purple
_POLICY_COLOR = OKABE_ITO[1]  # orange


def figure_07_data() -> pd.DataFrame:
    """The elements of Figure 7 (resource ``figure-07``), one row each, as stored."""
    return load(FIGURE_07)


def figure_07_view(data: pd.DataFrame) -> pd.DataFrame:
    """Figure 7's words for readers: part, label, the flattened text and our reading.

    Rows run as the redrawn figure does: the R&D institutes from the top, the gap, the
    ladder from the top rung down, then the policy marker.
    """
    parts = {
        "rd_institutes": "R&D institutes",
        "gap": "Implementation gap",
        "competence_ladder": "Competence ladder",
        "policy": "Policy focus",
    }
    frame = data.assign(
        _part=data["group"].map(list(parts).index),
        _order=data["order"].fillna(99).astype(int),
    ).sort_values(["_part", "_order"], ascending=[True, False], kind="stable")
    return pd.DataFrame(
        {
            "Part": frame["group"].map(parts),
            "Label": frame["label"],
            "Description": frame["description"].fillna(""),
            "As printed in the flattened text": frame["printed"],
            "Our reading": frame["note"].fillna(""),
        }
    ).reset_index(drop=True)


def _box(ax, x, y, w, h, color, alpha, gid, **kwargs) -> FancyBboxPatch:
    patch = FancyBboxPatch(
        (x, y),
        w,
        h,
        boxstyle="round,pad=0,rounding_size=0.8",
        facecolor=color,
        edgecolor=kwargs.pop("edgecolor", color),
        alpha=alpha,
        linewidth=kwargs.pop("linewidth", 1.2),
        **kwargs,
    )
    patch.set_gid(gid)
    ax.add_patch(patch)
    return patch


def _arrow(ax, start, end, color="#333333", style="-|>", **kwargs) -> None:
    ax.add_patch(
        FancyArrowPatch(
            start, end, arrowstyle=style, mutation_scale=14, color=color, linewidth=1.4, **kwargs
        )
    )


def _text(ax, x, y, text, gid, **kwargs):
    artist = ax.text(x, y, text, **kwargs)
    artist.set_gid(gid)
    return artist


def figure_07_chart(data: pd.DataFrame) -> Figure:
    """Redraw Figure 7 from its rows: R&D institutes, the gap with the technopark, the ladder.

    Every element's ``label`` is drawn as a text artist whose gid is its ``element_id``;
    rung descriptions have the gid ``<element_id>:description``.

    Parameters
    ----------
    data : pandas.DataFrame
        The output of :func:`figure_07_data`.
    """
    fig, ax = new_figure(10.0, 6.4)
    ax.set_xlim(0, 100)
    ax.set_ylim(0, 60)
    ax.set_axis_off()
    # R&D institutes: a column of stages, the first printed at the top.
    heading = rows(data, group="rd_institutes", role="heading").iloc[0]
    _text(
        ax,
        _RD_X + _RD_W / 2,
        57.5,
        heading["label"],
        heading["element_id"],
        ha="center",
        va="center",
        fontsize=12,
        fontweight="bold",
    )
    stages = rows(data, group="rd_institutes", role="stage").sort_values("order", ascending=False)
    centres = []
    for index, stage in enumerate(stages.itertuples(index=False)):
        top = _STAGE_TOP - index * _STAGE_STEP
        _box(ax, _RD_X, top - _STAGE_H, _RD_W, _STAGE_H, _STAGE_COLOR, 0.22, stage.element_id)
        _text(
            ax,
            _RD_X + _RD_W / 2,
            top - _STAGE_H / 2,
            stage.label,
            stage.element_id,
            ha="center",
            va="center",
            fontsize=11,
        )
        centres.append(top - _STAGE_H / 2)
        if index:
            _arrow(ax, (_RD_X + _RD_W / 2, top + _STAGE_STEP - _STAGE_H), (_RD_X + _RD_W / 2, top))
    development_bottom = centres[-1] - _STAGE_H / 2

    # The implementation gap, with the technopark placed in it.
    gap = rows(data, role="gap").iloc[0]
    band = Rectangle(
        (_GAP_X, 2.5),
        _GAP_W,
        40.0,
        facecolor="#F2F2F2",
        edgecolor=NEUTRAL_COLOR,
        linestyle="--",
        linewidth=1.2,
    )
    band.set_gid("implementation_gap_band")
    ax.add_patch(band)
    _text(
        ax,
        _GAP_X + _GAP_W / 2,
        6.5,
        gap["label"],
        gap["element_id"],
        ha="center",
        va="center",
        fontsize=11,
        fontweight="bold",
        color="#444444",
    )
    technopark = rows(data, role="technopark").iloc[0]
    tp_y, tp_h = 16.0, 6.0
    _box(
        ax,
        _GAP_X + 3,
        tp_y,
        _GAP_W - 6,
        tp_h,
        _TECHNOPARK_COLOR,
        0.30,
        technopark["element_id"],
        edgecolor=_TECHNOPARK_COLOR,
    )
    _text(
        ax,
        _GAP_X + _GAP_W / 2,
        tp_y + tp_h / 2,
        technopark["label"],
        technopark["element_id"],
        ha="center",
        va="center",
        fontsize=11,
        fontweight="bold",
    )

    # Commercialisation of R&D results: from the institutes into the gap.
    flow = rows(data, role="flow").iloc[0]
    flow_x = _RD_X + _RD_W - 4
    _arrow(
        ax,
        (flow_x, development_bottom),
        (_GAP_X + 3, tp_y + tp_h / 2),
        connectionstyle="angle,angleA=-90,angleB=180,rad=0",
    )
    _text(
        ax,
        _RD_X,
        (development_bottom + tp_y + tp_h / 2) / 2 - 1.5,
        textwrap.fill(flow["label"], 18),
        flow["element_id"],
        ha="left",
        va="center",
        fontsize=10,
        fontstyle="italic",
    )
    # From the technopark on towards the enterprises: the bridge the text doubts.
    _arrow(
        ax,
        (_GAP_X + _GAP_W - 3, tp_y + tp_h / 2),
        (_LADDER_X - 0.5, tp_y + tp_h / 2),
        linestyle=(0, (2, 2)),
    )

    # Policy focus: a marker over the R&D institutes and the technopark (our placement).
    marker = rows(data, role="marker").iloc[0]
    marker_y = 50.0
    _box(
        ax,
        _GAP_X + 2,
        marker_y - 2.8,
        _GAP_W - 4,
        5.6,
        _POLICY_COLOR,
        0.35,
        marker["element_id"],
        edgecolor=_POLICY_COLOR,
    )
    _text(
        ax,
        _GAP_X + _GAP_W / 2,
        marker_y,
        marker["label"],
        marker["element_id"],
        ha="center",
        va="center",
        fontsize=11,
        fontweight="bold",
    )
    _arrow(ax, (_GAP_X + 2, marker_y), (_RD_X + _RD_W + 0.5, centres[0]), color=_POLICY_COLOR)
    _arrow(
        ax,
        (_GAP_X + _GAP_W / 2, marker_y - 2.8),
        (_GAP_X + _GAP_W / 2, tp_y + tp_h + 0.3),
        color=_POLICY_COLOR,
    )

    # The competence ladder: rungs stacked from the lowest (order 1) up.
    ladder = rows(data, group="competence_ladder", role="heading").iloc[0]
    _text(
        ax,
        _LADDER_X + _LADDER_W / 2,
        57.5,
        ladder["label"],
        ladder["element_id"],
        ha="center",
        va="center",
        fontsize=12,
        fontweight="bold",
    )
    rungs = rows(data, role="rung").sort_values("order")
    for rung in rungs.itertuples(index=False):
        bottom = _RUNG_BOTTOM + (int(rung.order) - 1) * _RUNG_STEP
        alpha = 0.10 + 0.07 * int(rung.order)
        _box(ax, _LADDER_X, bottom, _LADDER_W, _RUNG_H, _RUNG_COLOR, alpha, rung.element_id)
        name = textwrap.fill(rung.label, 48)
        top = bottom + _RUNG_H - 1.0
        _text(
            ax,
            _LADDER_X + 1.2,
            top,
            name,
            rung.element_id,
            ha="left",
            va="top",
            fontsize=10,
            fontweight="bold",
        )
        # The description starts under the name, whose height depends on its line count.
        below_name = top - 2.0 * (name.count("\n") + 1) - 0.4
        _text(
            ax,
            _LADDER_X + 1.2,
            below_name,
            textwrap.fill(rung.description, 68),
            f"{rung.element_id}:description",
            ha="left",
            va="top",
            fontsize=9,
            color="#222222",
        )
    return fig
