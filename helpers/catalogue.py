"""Table 14 and Figure 7: how few public R&D results are ready for the market, and why.

Table 14 counts the developments of the Ministry of Education and Science's 2003
'Catalogue of innovation developments recommended for introduction' by stage.  The paper
prints the most advanced stage first (``stage_order`` 1); the funnel here runs the other
way, from the earliest stage at the top to 'ready for introduction' at the bottom.

Figure 7 is a diagram.  Its words are stored in ``data/figure-07.csv`` (resource
``figure-07``); :mod:`helpers.display.diagrams` lays it out and draws it like Figures 1-3, and
:func:`figure_07_caption` tells the drawing in words.  The layout is ours, since the
flattened text of the paper keeps the words but not the drawing.

Every function takes the loaded resource (``load("table-14")``, ``load("figure-07")``) or
what an earlier function computed from it.
"""

from __future__ import annotations

import textwrap

import pandas as pd
from matplotlib.figure import Figure

from .data.recompute import agrees, cell, rows, share
from .display.theme import OKABE_ITO, new_figure

READY = "ready_for_introduction"
TOTAL = "total"


# --- Table 14 ------------------------------------------------------------------------------


def _stages(table_14: pd.DataFrame) -> pd.DataFrame:
    """Table 14 wide: one row per stage (total included), in the paper's order."""
    counts = rows(table_14, measure="n_developments").set_index("stage")
    shares = rows(table_14, measure="share_of_developments").set_index("stage")
    frame = counts[["stage_order", "stage_label"]].copy()
    frame["n_developments"] = counts["value"].astype(int)
    frame["share"] = shares["value"]
    frame["share_printed"] = shares["printed"]
    return frame.sort_values("stage_order").reset_index()


def table_14_view(table_14: pd.DataFrame) -> pd.DataFrame:
    """Table 14 as printed, for readers: stage, number and share, total last.

    Parameters
    ----------
    table_14 : pandas.DataFrame
        The resource ``table-14`` as loaded.

    Returns
    -------
    pandas.DataFrame
        Columns "Stage of development", "Number of developments" and
        "Share of developments (%)", in the paper's row order (most advanced first).
    """
    frame = _stages(table_14)
    return pd.DataFrame(
        {
            "Stage of development": frame["stage_label"],
            "Number of developments": frame["n_developments"],
            "Share of developments (%)": frame["share"],
        }
    )


def stage_funnel_data(table_14: pd.DataFrame) -> pd.DataFrame:
    """The stages of Table 14 as drawn in the funnel, earliest stage first (top).

    Parameters
    ----------
    table_14 : pandas.DataFrame
        The resource ``table-14`` as loaded.

    Returns
    -------
    pandas.DataFrame
        One row per stage (the total left out), ordered from the technical documentation or
        patent stage (top of the funnel) to 'ready for introduction' (bottom): ``stage``,
        ``stage_label`` (as printed), ``n_developments``, ``share`` (the printed share, %),
        ``share_printed`` (the cell verbatim), ``recomputed_share`` (count / printed
        total, %) and ``label`` (count and printed share, the text written on the bar).
    """
    frame = _stages(table_14)
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


def catalogue_values(table_14: pd.DataFrame) -> dict[str, int | str]:
    """The numbers the chapter's paragraph under the funnel states, by name (see
    :mod:`helpers.display.prose`): counts as ints, shares as printed or formatted strings.

    ``ready`` of the ``total`` developments (``ready_share`` as printed) are ready for
    introduction; the printed share ``share_check`` ('agrees' or 'disagrees') with the counts
    (``ready_recomputed``); the ``earlier`` others include ``earliest`` (``earliest_share``)
    at the earliest stage, the technical documentation or patent stage; the four stages
    ``stages_add_up`` ('add up to', or 'add up to <sum>, not') the printed total.
    """
    stages = stage_funnel_data(table_14)
    total = int(cell(_stages(table_14), stage=TOTAL)["n_developments"])
    summed = int(stages["n_developments"].sum())
    ready = cell(stages, stage=READY)
    earliest = stages.iloc[0]
    return {
        "ready": int(ready["n_developments"]),
        "total": total,
        "ready_share": ready["share_printed"],
        "share_check": (
            "agrees" if agrees(ready["share_printed"], ready["recomputed_share"]) else "disagrees"
        ),
        "ready_recomputed": f"{ready['recomputed_share']:.1f}%",
        "earlier": total - int(ready["n_developments"]),
        "earliest": int(earliest["n_developments"]),
        "earliest_share": earliest["share_printed"],
        "stages_add_up": "add up to" if summed == total else f"add up to {summed}, not",
    }


# --- Figure 7 ------------------------------------------------------------------------------


def figure_07_view(figure_07: pd.DataFrame) -> pd.DataFrame:
    """Figure 7's words for readers: part, label, the flattened text and our reading.

    Rows run as the redrawn figure does: the R&D institutes from the top, the gap, the
    ladder from the top rung down, then the policy marker.

    Parameters
    ----------
    figure_07 : pandas.DataFrame
        The resource ``figure-07`` as loaded.
    """
    data = figure_07
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


# What the marker's arrows point at, named as the caption says them.
_PART_NAMES = {
    "rd_institutes": "the R&D institutes",
    "competence_ladder": "the competence ladder",
    "technopark": "the technopark",
}


def _lower_first(label: str) -> str:
    """'Applied R&D' -> 'applied R&D'; 'R&D active enterprises' stays as printed."""
    first = label.split()[0]
    return label if any(c.isupper() for c in first[1:]) else label[:1].lower() + label[1:]


def figure_07_caption(drawing: pd.DataFrame) -> str:
    """Figure 7's caption (its text alternative), written from what is drawn.

    Parameters
    ----------
    drawing : pandas.DataFrame
        ``diagrams.diagram_data("figure-07", figure_07)``: the elements with their kinds
        and the derived arrows.
    """

    def labels(role: str) -> list[str]:  # top to bottom
        chosen = drawing[drawing["role"] == role].sort_values("order", ascending=False)
        return [_lower_first(label) for label in chosen["label"]]

    def element(role: str) -> pd.Series:
        return drawing[drawing["role"] == role].iloc[0]

    def part(element_id: str) -> str:
        row = drawing[drawing["element_id"] == element_id].iloc[0]
        return _PART_NAMES.get(row["role"], _PART_NAMES.get(row["group"], row["label"]))

    stages, rungs = labels("stage"), labels("rung")
    marker, technopark = element("marker"), element("technopark")
    headings = drawing[drawing["role"] == "heading"]
    ladder = headings[headings["group"] == "competence_ladder"].iloc[0]
    arrows = drawing[drawing["kind"] == "line"]
    marked = [part(e) for e in arrows.loc[arrows["from_id"] == marker["element_id"], "to_id"]]
    bridge = arrows[arrows["from_id"] == technopark["element_id"]]
    bridge_text = (
        f", with a dashed arrow from the technopark towards {part(bridge['to_id'].iloc[0])}: "
        "the bridge the paper doubts"
        if len(bridge)
        else ""
    )
    return (
        "Figure 7 redrawn from its words. Left: the R&D institutes' linear sequence, from "
        f"{stages[0]} through {' and '.join(stages[1:-1])} to {stages[-1]}, with the "
        f"{_lower_first(element('flow')['label'])} leading into the implementation gap. Middle: "
        "the implementation gap, with the technopark placed in it and the "
        f"'{marker['label']}' marker pointing at {' and '.join(marked)}. Right: the "
        f"{_lower_first(ladder['label'])}, "
        f"from {rungs[-1]} (bottom rung) to {rungs[0]} (top rung){bridge_text}. Layout, "
        "frames, arrows and the marker's placement are ours."
    )
