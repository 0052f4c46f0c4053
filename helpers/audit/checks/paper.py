"""The paper as a whole: prose figures in no table, numbering and legends, sample sizes."""

from __future__ import annotations

from ...data import recompute as rc
from ...data.datapackage import package
from ...data.parks import park_codes
from ..model import QUOTES, SEVERAL, Audit, quoted
from .common import fmt, numbers_in, parks_reported, printed_of, span
from .firms import implied_firms

# Figure numbers printed in the paper's captions (Figures 1-3 and 7 are diagrams without data).
PRINTED_FIGURE_NUMBERS = [1, 2, 3, 4, 7]

# --------------------------------------------------------------------------------------
# Text and structure across the paper


def text_rent_outside(audit: Audit) -> None:
    count, whole, printed = numbers_in(QUOTES["rent-7-24"])[:3]
    value = rc.share(count, whole)
    if rc.agrees(f"{fmt(printed)}%", value):
        return
    sizes = rc.denominators(f"{fmt(printed)}%", count=count)
    neighbours = [k for k in range(int(whole) + 1) if abs(rc.share(k, whole) - printed) < 5]
    audit.find(
        "text-rent-7-of-24",
        ["table-08"],
        "error",
        "percentage",
        printed={"firms": count, "of": whole, "share": f"{fmt(printed)}%"},
        recomputed={
            f"{fmt(count)}/{fmt(whole)} (%)": round(value, 1),
            f"samples in which {fmt(count)} firms are {fmt(printed)}%": sizes,
        },
        where="Section 4, paragraph before Table 8",
        message=f"{fmt(count)} of {fmt(whole)} firms is {fmt(value, 1)}%, not "
        f"{fmt(printed)}%; no whole number of firms out of {fmt(whole)} gives {fmt(printed)}% ("
        + ", ".join(f"{k}/{fmt(whole)} = {fmt(rc.share(k, whole), 1)}%" for k in neighbours)
        + f"), and {fmt(count)} firms are {fmt(printed)}% of "
        + ("no whole-number sample." if not sizes else f"{span(sizes)} firms.")
        + " The figure is not in any table.",
        quote=quoted("rent-7-24"),
    )


def structure(audit: Audit) -> None:
    _section_numbering(audit)
    _legends(audit)
    _figure_numbering(audit)
    _no_evaluation_claim(audit)


def _section_numbering(audit: Audit) -> None:
    sections = {
        spec["name"]: spec.get("section", "") for spec in package(audit.data_dir)["resources"]
    }
    audit.find(
        "structure-section-numbering",
        ["table-02", "table-14", "table-01"],
        "error",
        "structure",
        printed={
            "introduction": "Section 3 (conceptual); Section 3 (survey); Section 4 (policy)",
            "headings": "1, 2, 3, 4 (survey), 4 (policy and conclusions)",
        },
        recomputed={
            "Table 1": sections.get("table-01"),
            "Table 2": sections.get("table-02"),
            "Table 14": sections.get("table-14"),
        },
        where="Section 1 (Introduction), last paragraph, and the section headings",
        message="The introduction numbers both the conceptual and the survey section 'Section 3' "
        "and the policy section 'Section 4', while the headings number the survey section 4 and "
        "the policy section 4 as well: the last two sections should be 4 and 5.",
        quote=quoted("intro-sections", "heading-4a", "heading-4b"),
        scope=SEVERAL,
    )


def _legends(audit: Audit) -> None:
    """Legends that send the reader to a table without the park codes."""
    audit.find(
        "structure-legend-see-table-1",
        ["table-04", "table-05", "table-01", "table-02"],
        "error",
        "structure",
        printed="Legend: see Table 1",
        recomputed="Table 2",
        where="Tables 4 and 5, line under the table",
        message="Tables 4 and 5 print 'Legend: see Table 1', but Table 1 (R&D by sector) has no "
        "legend or park codes; the codes ABI, ATP, KGP and PPV are defined in Table 2.",
        quote=quoted("legend-1"),
    )
    audit.find(
        "structure-legend-see-table-3",
        ["table-07", "table-12", "table-03", "table-02"],
        "error",
        "structure",
        printed="Legend: see table 3",
        recomputed="Table 2",
        where="Tables 7 and 12, line under the table",
        message="Tables 7 and 12 print 'Legend: see table 3', but Table 3 (entrepreneurs' age "
        "and experience) has no park codes; they are defined in Table 2.",
        quote=quoted("legend-3"),
    )


def _figure_numbering(audit: Audit) -> None:
    missing = sorted(set(range(1, max(PRINTED_FIGURE_NUMBERS) + 1)) - set(PRINTED_FIGURE_NUMBERS))
    audit.find(
        "structure-figures-5-6-missing",
        ["figure-04"],
        "error",
        "structure",
        printed=PRINTED_FIGURE_NUMBERS,
        recomputed={"missing": missing},
        where="Figure captions (Figure 4, then Figure 7)",
        message="The figures are numbered "
        + ", ".join(str(n) for n in PRINTED_FIGURE_NUMBERS)
        + f": no Figure {' or '.join(str(n) for n in missing)} is shown or cited, so the last "
        "figure should be Figure 5.",
        quote=quoted("figure-7"),
    )


def _no_evaluation_claim(audit: Audit) -> None:
    """'No evaluation ... in transition economies' against the studies the review cites."""
    lit = audit.table("literature")
    transition = {"Poland", "Russia", "Ukraine"}
    cited = lit[
        lit["place"].fillna("").map(lambda p: any(p.startswith(c) for c in transition))
        & (lit["kind_of_work"] == "evaluation")
    ]
    if not cited.empty:
        audit.find(
            "text-no-evaluation-transition",
            ["literature"],
            "note",
            "text",
            printed="No evaluation of technoparks in transition economies has yet been developed.",
            recomputed={k: p for k, p in zip(cited["key"], cited["place"], strict=True)},
            where="Section 2, paragraph on transition economies",
            message="The paragraph that says no evaluation exists goes on to cite "
            + ", ".join(
                f"{c} on {p}" for c, p in zip(cited["cited_as"], cited["place"], strict=True)
            )
            + ", which it presents as assessments; possibly 'evaluation' means a systematic one.",
            quote=quoted("no-evaluation"),
        )


def _headings(table_8: float, table_9: float) -> dict[str, float]:
    """The 'No of firms' headings of Tables 8 and 9, under one label when they agree."""
    if table_8 == table_9:
        return {"Tables 8 and 9 heading": table_8}
    return {"Table 8 heading": table_8, "Table 9 heading": table_9}


def _value(audit: Audit, name: str, **where) -> float:
    return float(rc.cell(audit.table(name), **where)["value"])


def _share_denominators(audit: Audit) -> dict[str, int | None]:
    """The smallest sample reproducing every share of Tables 8 and 9."""
    denominators = {}
    for name, column in [("table-08", "factor"), ("table-09", "barrier")]:
        t = audit.table(name)
        counts = rc.rows(t, measure="n_firms")
        shares = rc.rows(t, measure="share_of_respondents")
        common = set.intersection(
            *(
                set(rc.denominators(printed_of(rc.cell(shares, **{column: k})), count=c))
                for k, c in zip(counts[column], counts["value"], strict=True)
            )
        )
        denominators[name] = min(common) if common else None
    return denominators


def _samples_inside(audit: Audit) -> dict[str, float]:
    """The sizes of the technopark sample that the tables print or state."""
    return {
        **_headings(
            _value(audit, "table-08", measure="sample_size"),
            _value(audit, "table-09", measure="sample_size"),
        ),
        "Table 7 replies": numbers_in(QUOTES["table-7-source"])[0],
        "Table 11": _value(audit, "table-11", firms="in_tp", measure="n_firms"),
        "Table 13": _value(audit, "table-13", firms="in_tp", measure="sample_size"),
        "Table 6": _value(audit, "table-06", is_summary=True),
        "Table 5": _value(
            audit, "table-05", firms="in_tp", park=None, activity="total", measure="n_firms"
        ),
    }


def _samples_outside(audit: Audit) -> dict[str, float]:
    """The sizes of the sample outside technoparks: the methodology's, then the tables'."""
    return {
        "methodology": numbers_in(QUOTES["outside-24"])[0],
        "Table 5": _value(
            audit, "table-05", firms="out_tp", park=None, activity="total", measure="n_firms"
        ),
        "Table 11": _value(audit, "table-11", firms="out_tp", measure="n_firms"),
        "Table 13": _value(audit, "table-13", firms="out_tp", measure="sample_size"),
    }


def _absent_parks(audit: Audit) -> list[str]:
    """Surveyed parks that no firm-level table reports."""
    firm_level = ["table-04", "table-05", "table-07", "table-08", "table-09", "table-12"]
    reported = {p for name in firm_level for p in parks_reported(audit, name)}
    return [p for p in park_codes() if p not in reported]


def sample_sizes(audit: Audit) -> None:
    """Every sample size the paper prints or implies, inside and outside technoparks."""
    t4 = audit.table("table-04")
    implied_in = implied_firms(t4)
    out_total = _value(audit, "table-04", firms="out_tp", variable="employment", measure="total")
    out_mean = rc.cell(t4, firms="out_tp", variable="employment", measure="average")
    implied_out = rc.counts_reproducing_mean(out_total, printed_of(out_mean))
    denominators = _share_denominators(audit)
    surveyed = numbers_in(QUOTES["outside-24"])[0]
    inside = _samples_inside(audit)
    outside = _samples_outside(audit)
    implied = {
        "Table 8 shares": denominators["table-08"],
        "Table 9 shares": denominators["table-09"],
        "Table 4 employment, inside": [
            sum(v[0] for v in implied_in.values()),
            sum(v[-1] for v in implied_in.values()),
        ],
        "Table 4 employment, outside": implied_out,
    }
    larger = {k: v for k, v in outside.items() if k != "methodology" and v > surveyed}
    absent = _absent_parks(audit)
    audit.find(
        "sample-sizes-across-tables",
        [
            "table-05",
            "table-04",
            "table-06",
            "table-07",
            "table-08",
            "table-09",
            "table-11",
            "table-13",
            "figure-04",
        ],
        "inconsistency" if larger else "note",
        "cross-table",
        printed={"inside technoparks": inside, "outside technoparks": outside},
        recomputed=implied,
        where="Section 4, Methodology, and Tables 4-13",
        message="The paper gives no single sample size: for firms outside technoparks the "
        f"methodology says {fmt(surveyed)} were surveyed, yet "
        + ", ".join(f"{k} counts {fmt(v)}" for k, v in outside.items() if k != "methodology")
        + f" (and Table 4's employment over its average implies {span(implied_out)}); for "
        "technopark firms the samples are "
        + ", ".join(f"{fmt(v)} ({k})" for k, v in sorted(inside.items(), key=lambda kv: kv[1]))
        + f", with shares implying {denominators['table-08']} (Table 8) and "
        f"{denominators['table-09']} (Table 9)."
        + (
            f" No firm-level table reports {' or '.join(absent)}, one of the "
            f"{len(park_codes())} surveyed parks."
            if absent
            else ""
        )
        + " It gathers defects reported under their tables and is not counted separately.",
        quote=quoted("outside-24", "table-7-source"),
        scope=SEVERAL,
        repeats=(
            "table-05-outside-firms-exceed-surveyed",
            "table-13-outside-sample-vs-methodology",
            "table-08-share-denominator",
            "table-09-share-denominator",
            "firm-counts-surveyed-firms-out-tp",
        ),
        related=("table-06-total-vs-table-05", "table-04-pooled-average-vs-parks"),
    )
