"""Table 14: the catalogue of public R&D results and how many are ready for the market."""

from __future__ import annotations

from ...data import recompute as rc
from ..model import QUOTES, Audit, quoted
from .common import fmt, numbers_in, printed_of

# --------------------------------------------------------------------------------------
# Table 14


def table_14(audit: Audit) -> None:
    t = audit.table("table-14")
    counts = rc.rows(t, measure="n_developments")
    total = rc.cell(counts, stage="total")
    parts = counts[counts["stage"] != "total"]["value"].sum()
    audit.verify(
        rc.compare("total", total, parts).agrees,
        "table-14-total",
        ["table-14"],
        "Table 14, Total row, Number",
        f"Total = sum of the {int((counts['stage'] != 'total').sum())} stages",
        printed_of(total),
        parts,
    )
    for _, row in counts.iterrows():
        printed = rc.cell(t, stage=row["stage"], measure="share_of_developments")
        value = rc.share(row["value"], total["value"])
        audit.verify(
            rc.compare(row["stage"], printed, value).agrees,
            f"table-14-{row['stage'].replace('_', '-')}-share",
            ["table-14"],
            f"Table 14, {row['stage_label']}, Share",
            f"Share = {fmt(row['value'])} / {fmt(total['value'])}",
            printed_of(printed),
            round(value, 1),
            category="percentage",
        )
    share, count, whole = numbers_in(QUOTES["catalogue-20"])
    ready = rc.cell(counts, stage="ready_for_introduction")
    audit.verify(
        (count, whole) == (ready["value"], total["value"])
        and rc.agrees(f"{fmt(share)}%", rc.share(count, whole)),
        "table-14-text-20-percent",
        ["table-14"],
        "Section 4 (Policy issues and conclusions), paragraph after Table 14",
        "Text's share and count of developments ready for introduction = Table 14",
        [share, count, whole],
        [round(rc.share(ready["value"], total["value"]), 1), ready["value"], total["value"]],
        category="text",
    )
    audit.find(
        "text-kembaev-table-14",
        ["table-14", "literature"],
        "note",
        "structure",
        printed="Kembaev et al. 2001, Table 14, p. 30",
        recomputed=None,
        where="Section 4 (Policy issues and conclusions), paragraph after Figure 7's mention",
        message="'Table 14' here is a table in Kembaev et al. (2001), not the paper's own Table 14 "
        "(the catalogue of innovations) printed a few paragraphs later; the two are easily "
        "confused.",
        quote=quoted("kembaev"),
    )
