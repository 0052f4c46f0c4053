"""Table 13: the firms' links with other firms and with higher education.

:func:`table_13` reads the table once (:class:`Links`) and runs the checks in the order the
audit reports them: the printed totals, the counts against the sample, the intensities, the
prose about the totals, and the prose about the intensities.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ...data import recompute as rc
from ..model import QUOTES, Audit, quoted
from .common import fmt, numbers_in, printed_of, verify_granularity

# Table 13's row groups, as readers see them.
PARTNERS = {
    "other_tp_firms": "other technopark firms",
    "higher_education": "higher education",
    "external_firms": "external firms",
}
_FIRMS = ["in_tp", "out_tp"]


def _side(firms: str) -> str:
    return "inside" if firms == "in_tp" else "outside"


@dataclass(frozen=True)
class Links:
    """Table 13 as the checks use it."""

    counts: pd.DataFrame  # the No of firms rows
    intensity: pd.DataFrame  # the mean-intensity rows that print a value
    sample: dict[str, float]  # the n of each column: firms -> n
    totals: dict[tuple[str, str], float]  # printed Totals: (firms, partner) -> value

    def intensities(self, firms: str, partner: str) -> dict[str, float]:
        """Mean intensity by link type for one column and partner."""
        rows = rc.rows(self.intensity, firms=firms, partner=partner)
        return {lt: float(v) for lt, v in zip(rows["link_type"], rows["value"], strict=True)}


def _read(audit: Audit) -> Links:
    t = audit.table("table-13")
    counts = rc.rows(t, measure="n_firms")
    totals = {}
    for firms in _FIRMS:
        for partner in PARTNERS:
            total = rc.cell(counts, firms=firms, partner=partner, link_type="total")
            if not pd.isna(total["value"]):
                totals[(firms, partner)] = float(total["value"])
    return Links(
        counts=counts,
        intensity=rc.rows(t, measure="mean_intensity").dropna(subset=["value"]),
        sample={f: float(rc.cell(t, firms=f, measure="sample_size")["value"]) for f in _FIRMS},
        totals=totals,
    )


def table_13(audit: Audit) -> None:
    links = _read(audit)
    _totals_are_sums(audit, links)
    _counts_within_sample(audit, links)
    _intensity_granularity(audit, links)
    _text_totals(audit, links)
    _totals_exceed_sample(audit, links)
    _outside_sample_vs_methodology(audit, links)
    inside = {p: links.intensities("in_tp", p) for p in PARTNERS}
    _text_greatest_intensity(audit, inside)
    _text_external_above_internal(audit, links, inside)
    _text_outside_links_stronger(audit, links, inside)
    _text_higher_education(audit, links, inside)
    _text_purchase(audit, links)


# --------------------------------------------------------------------------------------
# The printed numbers


def _totals_are_sums(audit: Audit, links: Links) -> None:
    """Each printed Total = the sum of its link types (a blank cell counted as zero)."""
    for firms, partner in links.totals:
        sub = rc.rows(links.counts, firms=firms, partner=partner)
        total = rc.cell(sub, link_type="total")
        parts = sub[sub["link_type"] != "total"]
        blanks = parts[parts["value"].isna()]["link_type"].tolist()
        recomputed = parts["value"].sum()  # pandas skips blanks: a blank counts as zero
        audit.verify(
            rc.compare(partner, total, recomputed).agrees,
            f"table-13-{firms.replace('_', '-')}-{partner.replace('_', '-')}-total",
            ["table-13"],
            f"Table 13, {PARTNERS[partner]}, Total, firms {_side(firms)} TP",
            "Total = sum of the link types"
            + (
                f" (the blank {', '.join(b.replace('_', ' ') for b in blanks)} cell counted "
                "as zero)"
                if blanks
                else ""
            ),
            printed_of(total),
            recomputed,
        )


def _counts_within_sample(audit: Audit, links: Links) -> None:
    counts = links.counts
    singles = counts[(counts["link_type"] != "total")].dropna(subset=["value"])
    audit.verify(
        all(v <= links.sample[f] for f, v in zip(singles["firms"], singles["value"], strict=True)),
        "table-13-link-counts-within-sample",
        ["table-13"],
        "Table 13, No of firms columns",
        "Each single link-type count is within the column's n",
        links.sample,
        f"largest single count {fmt(singles['value'].max())}",
    )


def _intensity_granularity(audit: Audit, links: Links) -> None:
    """Each mean intensity is possible from the number of firms reporting that link."""
    for _, row in links.intensity.iterrows():
        if row["link_type"] == "total":
            continue
        n = rc.cell(
            links.counts, firms=row["firms"], partner=row["partner"], link_type=row["link_type"]
        )
        verify_granularity(
            audit,
            f"table-13-{row['firms'].replace('_', '-')}-{row['partner'].replace('_', '-')}-"
            f"{row['link_type'].replace('_', '-')}-granularity",
            ["table-13"],
            f"Table 13, {PARTNERS[row['partner']]}, {row['link_type'].replace('_', ' ')}, "
            f"firms {_side(row['firms'])} TP",
            printed_of(row),
            int(n["value"]),
        )


# --------------------------------------------------------------------------------------
# The totals: the prose, and the sample they are counted in


def _text_totals(audit: Audit, links: Links) -> None:
    text_numbers = numbers_in(QUOTES["links-46"])
    inside_totals = [
        links.totals[("in_tp", p)] for p in ("external_firms", "other_tp_firms", "higher_education")
    ]
    audit.verify(
        text_numbers == inside_totals,
        "table-13-text-totals",
        ["table-13"],
        "Section 4, paragraph before Table 13",
        "The text's three link counts = Table 13's Totals for firms inside technoparks",
        text_numbers,
        inside_totals,
        category="text",
    )


def _totals_exceed_sample(audit: Audit, links: Links) -> None:
    """Totals above the column's n count link mentions, not firms."""
    over = {
        f"{PARTNERS[p]} ({_side(f)})": v
        for (f, p), v in links.totals.items()
        if v > links.sample[f]
    }
    if not over:
        return
    ext = rc.rows(links.counts, firms="in_tp", partner="external_firms")
    ext_parts = ext[ext["link_type"] != "total"]["value"].tolist()
    audit.find(
        "table-13-link-counts-exceed-sample",
        ["table-13"],
        "inconsistency",
        "arithmetic",
        printed={"n": links.sample, "totals above n": over},
        recomputed={"external firms, inside: sum of link types": ext_parts},
        where="Table 13, Total rows, and Section 4, paragraph before Table 13",
        message=f"Each Total is the sum of the {len(ext_parts)} link types (e.g. "
        + " + ".join(fmt(v) for v in ext_parts)
        + f" = {fmt(sum(ext_parts))} for external firms), and the Totals for "
        + ", ".join(f"{k} {fmt(v)}" for k, v in over.items())
        + f" exceed the n = {fmt(links.sample['in_tp'])} firms of each column, so the Totals "
        "count link mentions, not firms; the text reads them as firms ('46 firms claimed ...').",
        quote=quoted("links-46"),
    )


def _outside_sample_vs_methodology(audit: Audit, links: Links) -> None:
    surveyed = numbers_in(QUOTES["outside-24"])[0]
    if not links.sample["out_tp"] > surveyed:
        return
    audit.find(
        "table-13-outside-sample-vs-methodology",
        ["table-13"],
        "inconsistency",
        "cross-table",
        printed={"Table 13 outside n": links.sample["out_tp"], "methodology": surveyed},
        recomputed=None,
        where="Table 13, Firms outside TP heading, against Section 4, Methodology",
        message=f"Table 13 heads the outside column n={fmt(links.sample['out_tp'])}, more than "
        f"the {fmt(surveyed)} off-technopark firms the methodology says were surveyed.",
        quote=quoted("outside-24"),
    )


# --------------------------------------------------------------------------------------
# The intensities: what the prose says about them

Intensities = dict[str, dict[str, float]]  # partner -> link type -> mean intensity


def _text_greatest_intensity(audit: Audit, inside: Intensities) -> None:
    strongest = max(PARTNERS, key=lambda p: max(inside[p].values()))
    audit.verify(
        strongest == "external_firms",
        "table-13-text-greatest-intensity",
        ["table-13"],
        "Section 4, paragraph before Table 13",
        "The greatest intensity of technopark firms' links is with external firms",
        "firms outside the technopark",
        {p: max(v.values()) for p, v in inside.items()},
        category="text",
    )


def _text_external_above_internal(audit: Audit, links: Links, inside: Intensities) -> None:
    own = inside["other_tp_firms"]
    external = inside["external_firms"]
    totals = links.totals
    audit.verify(
        totals[("in_tp", "external_firms")] > totals[("in_tp", "other_tp_firms")]
        and all(external[k] > own[k] for k in own if k in external),
        "table-13-text-external-above-internal",
        ["table-13"],
        "Abstract and Section 4, summary after Table 13",
        "Technopark firms' links with firms outside are more frequent and, link type by link "
        "type, more intense than their links with other technopark firms",
        "external links more developed than internal links",
        {
            "links with external firms": [totals[("in_tp", "external_firms")], external],
            "links with other technopark firms": [totals[("in_tp", "other_tp_firms")], own],
        },
        category="text",
        quote=quoted("abstract-links"),
    )


def _text_outside_links_stronger(audit: Audit, links: Links, inside: Intensities) -> None:
    out_ext = links.intensities("out_tp", "external_firms")
    totals = links.totals
    audit.verify(
        totals[("out_tp", "external_firms")] > totals[("in_tp", "other_tp_firms")]
        and min(out_ext.values()) > max(inside["other_tp_firms"].values()),
        "table-13-text-outside-links-stronger",
        ["table-13"],
        "Section 4, paragraph before Table 13",
        "Outside firms' links with other firms are more frequent and more intense than links "
        "among technopark firms",
        "stronger",
        {
            "outside firms with external firms": [totals[("out_tp", "external_firms")], out_ext],
            "technopark firms with each other": [
                totals[("in_tp", "other_tp_firms")],
                inside["other_tp_firms"],
            ],
        },
        category="text",
    )


def _text_higher_education(audit: Audit, links: Links, inside: Intensities) -> None:
    """Links with higher education: stronger outside by intensity, but by frequency?"""
    out_hei = links.intensities("out_tp", "higher_education")
    hei_stronger = min(out_hei.values()) > max(inside["higher_education"].values())
    audit.verify(
        hei_stronger,
        "table-13-text-hei-intensity",
        ["table-13"],
        "Section 4, paragraph before Table 13",
        "Outside firms' links with higher education are more intense than technopark firms'",
        "surprisingly strong",
        {"outside": out_hei, "inside": inside["higher_education"]},
        category="text",
    )
    hei_in = links.totals[("in_tp", "higher_education")]
    hei_out = links.totals[("out_tp", "higher_education")]
    if not (hei_stronger and hei_out < hei_in):
        return
    audit.find(
        "text-hei-links-stronger",
        ["table-13"],
        "note",
        "text",
        printed="stronger links with higher education institutions",
        recomputed={
            "intensity outside": out_hei,
            "intensity inside": inside["higher_education"],
            "links outside": hei_out,
            "links inside": hei_in,
        },
        where="Section 4, summary after Table 13",
        message="True of intensity ("
        + " and ".join(fmt(v, 1) for v in out_hei.values())
        + f" outside against at most {fmt(max(inside['higher_education'].values()), 1)} "
        f"inside) but not of frequency: technopark firms report {fmt(hei_in)} links with "
        f"higher education, firms outside {fmt(hei_out)}.",
        quote=quoted("hei-stronger"),
    )


def _text_purchase(audit: Audit, links: Links) -> None:
    """'most often materials purchase': purchase ('Other') among the external links."""

    def external(firms: str) -> pd.Series:
        rows = rc.rows(links.counts, firms=firms, partner="external_firms")
        return rows.set_index("link_type")["value"]

    ext_in, ext_out = external("in_tp"), external("out_tp")
    kinds = ["joint_production", "joint_development", "other"]
    rank_in = sorted(kinds, key=lambda k: -ext_in[k]).index("other") + 1
    if rank_in == 1:
        return
    audit.find(
        "text-table-13-purchase",
        ["table-13"],
        "ambiguity",
        "text",
        printed="most often materials purchase",
        recomputed={
            "inside": {k: float(ext_in[k]) for k in kinds},
            "outside": {k: float(ext_out[k]) for k in kinds},
        },
        where="Section 4, paragraph before Table 13",
        message="The sentence runs into the next without punctuation; read as saying purchase "
        "is the most frequent link, it disagrees with Table 13, where purchase ('Other "
        f"(purchase)') is the least frequent external link of technopark firms "
        f"({fmt(ext_in['other'])} firms, against {fmt(ext_in['joint_production'])} joint "
        f"production and {fmt(ext_in['joint_development'])} joint development) and for "
        f"firms outside comes after joint production ({fmt(ext_out['other'])} against "
        f"{fmt(ext_out['joint_production'])}).",
        quote=quoted("purchase"),
    )
