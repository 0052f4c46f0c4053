"""Tables 3 and 4: the entrepreneurs, and the size and age of the firms."""

from __future__ import annotations

import pandas as pd

from ...data import recompute as rc
from ..model import QUOTES, Audit, quoted
from .common import (
    by_park,
    fmt,
    numbers_in,
    printed_of,
    span,
    table_05_by_park,
    table_05_total,
    tenants_2004,
)

# --------------------------------------------------------------------------------------
# Table 3


def table_03(audit: Audit) -> None:
    t = audit.table("table-03")

    def value(firms, variable, measure="average"):
        return float(rc.cell(t, firms=firms, variable=variable, measure=measure)["value"])

    experience = [value(f, "experience_in_venture_area") for f in ("in_tp", "out_tp")]
    ages = [value(f, "entrepreneur_age") for f in ("in_tp", "out_tp")]
    audit.verify(
        experience == numbers_in(QUOTES["experience"]),
        "table-03-text-experience",
        ["table-03"],
        "Section 4, paragraph after Table 3",
        "Text's years of experience inside and outside technoparks = Table 3 averages",
        numbers_in(QUOTES["experience"]),
        experience,
        category="text",
    )
    audit.verify(
        experience + ages == numbers_in(QUOTES["similar-ages"]),
        "table-03-text-ages",
        ["table-03"],
        "Section 4, paragraph after Table 4",
        "Text's experience and entrepreneurs' ages inside vs outside = Table 3 averages",
        numbers_in(QUOTES["similar-ages"]),
        experience + ages,
        category="text",
    )
    audit.find(
        "table-03-significance-untestable",
        ["table-03"],
        "note",
        "text",
        printed="no significant difference",
        recomputed={
            "age gap (years)": ages[1] - ages[0],
            "experience gap": experience[1] - experience[0],
        },
        where="Section 4, paragraph after Table 3",
        message="Table 3 prints averages, medians and ranges but no sample sizes or standard "
        "deviations, so the claim of no significant difference cannot be tested from the "
        f"published numbers; the averages differ by {fmt(ages[1] - ages[0])} years of age and "
        f"{fmt(experience[1] - experience[0])} years of experience.",
        quote=quoted("no-difference"),
    )


# --------------------------------------------------------------------------------------
# Table 4


def implied_firms(t4: pd.DataFrame) -> dict[str, list[int]]:
    """Firms per park implied by Table 4: employment total over the printed average."""
    out = {}
    for park in rc.rows(t4, firms="in_tp", variable="employment", measure="total")["park"]:
        if pd.isna(park):
            continue
        total = rc.cell(t4, firms="in_tp", park=park, variable="employment", measure="total")
        mean = rc.cell(t4, firms="in_tp", park=park, variable="employment", measure="average")
        out[park] = rc.counts_reproducing_mean(float(total["value"]), printed_of(mean))
    return out


def table_04(audit: Audit) -> None:
    _pooled_column(audit)
    _pooled_average(audit)
    _implied_firms_vs_tenants(audit)
    _text_firm_age(audit)
    _text_inside_vs_outside(audit)
    _text_employment_citation(audit)


def _pooled_column(audit: Audit) -> None:
    """The in-technoparks column against the parks: total, maximum and medians."""
    t = audit.table("table-04")
    emp = rc.rows(t, firms="in_tp", variable="employment")
    totals = by_park(rc.rows(emp, measure="total"))
    pooled_total = rc.cell(emp, park=None, measure="total")
    audit.verify(
        rc.compare("employment", pooled_total, sum(totals.values())).agrees,
        "table-04-employment-total",
        ["table-04"],
        "Table 4, Employment row, in technoparks column",
        f"Employment in technoparks = sum of the {len(totals)} parks",
        printed_of(pooled_total),
        sum(totals.values()),
    )
    maxima = by_park(rc.rows(emp, measure="max"))
    pooled_max = rc.cell(emp, park=None, measure="max")
    audit.verify(
        float(pooled_max["value"]) == max(maxima.values()),
        "table-04-max",
        ["table-04"],
        "Table 4, Max row, in technoparks column",
        "Pooled maximum employment = largest park maximum",
        printed_of(pooled_max),
        max(maxima.values()),
    )
    age_medians = by_park(
        rc.rows(t, firms="in_tp", variable="firm_age", measure="median").dropna(subset=["value"])
    )
    pooled_age_median = rc.cell(t, firms="in_tp", park=None, variable="firm_age", measure="median")
    audit.verify(
        min(age_medians.values()) <= pooled_age_median["value"] <= max(age_medians.values()),
        "table-04-age-median-within-parks",
        ["table-04"],
        "Table 4, Age - median row, in technoparks column",
        "Pooled median firm age lies between the parks' medians",
        printed_of(pooled_age_median),
        [min(age_medians.values()), max(age_medians.values())],
    )

    medians = by_park(rc.rows(emp, measure="median"))
    pooled_median = rc.cell(emp, park=None, measure="median")
    if pooled_median["value"] > max(medians.values()) + rc.half_unit(printed_of(pooled_median)):
        listed = ", ".join(f"{p} {fmt(v)}" for p, v in medians.items())
        audit.find(
            "table-04-pooled-median-above-park-medians",
            ["table-04"],
            "inconsistency",
            "arithmetic",
            printed={"pooled median": float(pooled_median["value"]), **medians},
            recomputed={"largest possible pooled median": max(medians.values())},
            where="Table 4, Median row, in technoparks column",
            message=f"The pooled median employment is printed as {printed_of(pooled_median)}, "
            f"above every park's median ({listed}); the median of the pooled firms cannot "
            f"exceed the largest park median ({fmt(max(medians.values()))}, at most "
            f"{fmt(max(medians.values()) + 0.5)} before rounding).",
        )


def _pooled_average(audit: Audit) -> None:
    """The pooled average employment against the firms each park's total and average imply."""
    t = audit.table("table-04")
    emp = rc.rows(t, firms="in_tp", variable="employment")
    pooled_total = rc.cell(emp, park=None, measure="total")
    implied = implied_firms(t)
    low = sum(v[0] for v in implied.values())
    high = sum(v[-1] for v in implied.values())
    pooled_mean = rc.cell(emp, park=None, measure="average")
    whole = float(pooled_total["value"])
    needed = rc.counts_reproducing_mean(whole, printed_of(pooled_mean))
    t5_total = table_05_total(audit, "in_tp")
    if not set(needed) & set(range(low, high + 1)):
        per_park = ", ".join(
            f"{span(v)}{' firms' if i == 0 else ''} at {p}"
            for i, (p, v) in enumerate(implied.items())
        )
        audit.find(
            "table-04-pooled-average-vs-parks",
            ["table-04", "table-05"],
            "inconsistency",
            "arithmetic",
            printed={"pooled average": float(pooled_mean["value"]), "employment": whole},
            recomputed={
                "firms implied by the parks": [low, high],
                "pooled average from them": [round(whole / high, 2), round(whole / low, 2)],
                "firms the printed average needs": [needed[0], needed[-1]],
                "pooled average over Table 5's firms": round(whole / t5_total, 2),
            },
            where="Table 4, Average row, in technoparks column",
            message=f"Each park's employment over its printed average implies {per_park}, "
            f"{low} to {high} in all, so the pooled average should be "
            f"{fmt(whole)} / {low}-{high} = {fmt(whole / high, 1)} to "
            f"{fmt(whole / low, 1)}, not the printed {printed_of(pooled_mean)} (which would need "
            f"{needed[0]}-{needed[-1]} firms); over Table 5's {fmt(t5_total)} firms it would be "
            f"{fmt(whole / t5_total, 1)}, which rounds to {fmt(round(whole / t5_total))}, the "
            "figure printed in the Median row.",
        )


def _implied_firms_vs_tenants(audit: Audit) -> None:
    """A park whose employment over its average implies more firms than it has tenants."""
    t = audit.table("table-04")
    emp = rc.rows(t, firms="in_tp", variable="employment")
    totals = by_park(rc.rows(emp, measure="total"))
    implied = implied_firms(t)
    tenants = tenants_2004(audit)
    t5 = table_05_by_park(audit)
    t12 = by_park(rc.rows(audit.table("table-12"), measure="n_firms_in_park"))
    over = [p for p, v in implied.items() if v[0] > tenants[p]]
    for park in over:
        others = ", ".join(
            f"{p} {span(v)} vs {fmt(tenants[p])}" for p, v in implied.items() if p != park
        )
        extra = f" and the {fmt(t12[park])} of Table 12" if park in t12 else ""
        audit.find(
            f"table-04-{park.lower()}-implied-firms-exceed-tenants",
            ["table-04", "table-02", "table-05", "table-12"],
            "inconsistency",
            "cross-table",
            printed={
                "employment": totals[park],
                "average employment": float(rc.cell(emp, park=park, measure="average")["value"]),
                "Table 2 tenants 2004": tenants[park],
                "Table 5 firms": t5.get(park),
                "Table 12 firms": t12.get(park),
            },
            recomputed={"implied firms": [implied[park][0], implied[park][-1]]},
            where=f"Table 4, {park} column, against Table 2 (Tenants as of 2004)",
            message=f"{park}'s {fmt(totals[park])} employees at a printed average of "
            f"{fmt(rc.cell(emp, park=park, measure='average')['value'])} per firm imply "
            f"{span(implied[park])} firms, about "
            f"{fmt(sum(implied[park]) / len(implied[park]) / tenants[park], 1)} times the "
            f"{fmt(tenants[park])} tenants Table 2 "
            f"gives for 2004 (and more than the {fmt(t5[park])} firms of Table 5{extra}); for the "
            f"other parks the implied counts do not exceed Table 2's tenants ({others}).",
        )


def _text_firm_age(audit: Audit) -> None:
    """The prose's average firm ages (14 vs 3 years) against Table 4."""
    t = audit.table("table-04")
    age = rc.rows(t, variable="firm_age", measure="average")
    in_age = float(rc.cell(age, firms="in_tp", park=None)["value"])
    out_age = float(rc.cell(age, firms="out_tp", park=None)["value"])
    text_out, text_in = numbers_in(QUOTES["age-14-3"])
    if (text_out, text_in) != (out_age, in_age):
        parks_at = [
            p
            for p, v in by_park(age[age["firms"] == "in_tp"].dropna(subset=["value"])).items()
            if v == text_in
        ]
        audit.find(
            "text-firm-age-14-vs-3",
            ["table-04"],
            "inconsistency",
            "text",
            printed={"text": [text_out, text_in], "Table 4": [out_age, in_age]},
            recomputed=None,
            where="Section 4, paragraph after Table 4",
            message=f"The text gives the average firm age as {fmt(text_out)} years outside "
            f"against {fmt(text_in)} inside technoparks; Table 4 prints {fmt(out_age)} and "
            f"{fmt(in_age)}"
            + (f" ({fmt(text_in)} is {' and '.join(parks_at)}'s average)" if parks_at else "")
            + ".",
            quote=quoted("age-14-3"),
        )


def _text_inside_vs_outside(audit: Audit) -> None:
    """The prose's average employment, and 'smaller and younger' inside the parks."""
    t = audit.table("table-04")
    emp = rc.rows(t, firms="in_tp", variable="employment")
    pooled_mean = rc.cell(emp, park=None, measure="average")
    text_in_emp, text_out_emp = numbers_in(QUOTES["employment-12-61"])[:2]
    out_mean = float(rc.cell(t, firms="out_tp", variable="employment", measure="average")["value"])
    audit.verify(
        (text_in_emp, text_out_emp) == (float(pooled_mean["value"]), out_mean),
        "table-04-text-employment",
        ["table-04"],
        "Section 4, paragraph after Table 4",
        "Text's average employment inside and outside technoparks = Table 4",
        [text_in_emp, text_out_emp],
        [float(pooled_mean["value"]), out_mean],
        category="text",
    )

    in_age_avg = float(
        rc.cell(t, firms="in_tp", park=None, variable="firm_age", measure="average")["value"]
    )
    out_age_avg = float(rc.cell(t, firms="out_tp", variable="firm_age", measure="average")["value"])
    audit.verify(
        float(pooled_mean["value"]) < out_mean and in_age_avg < out_age_avg,
        "table-04-text-smaller-younger",
        ["table-04"],
        "Section 4, paragraph after Table 4",
        "Firms inside parks are on average smaller and younger than firms outside",
        "much smaller and younger",
        {
            "average employment inside, outside": [float(pooled_mean["value"]), out_mean],
            "average age inside, outside": [in_age_avg, out_age_avg],
        },
        category="text",
        quote=quoted("smaller-younger"),
    )


def _text_employment_citation(audit: Audit) -> None:
    """'They employ some 200 to over 300 people (Table 3)': the table cited and the range."""
    emp = rc.rows(audit.table("table-04"), firms="in_tp", variable="employment")
    totals = by_park(rc.rows(emp, measure="total"))
    audit.find(
        "text-employment-wrong-table",
        ["table-04", "table-03"],
        "error",
        "text",
        printed="Table 3",
        recomputed="Table 4",
        where="Section 4, paragraph after Table 2",
        message="The text cites Table 3 for the parks' employment, but Table 3 is about "
        "entrepreneurs' age and experience; employment per park is in Table 4.",
        quote=quoted("employ"),
    )
    low_claim, high_claim = numbers_in(QUOTES["employ"])[:2]
    below = {p: v for p, v in totals.items() if v < low_claim}
    if below:
        audit.find(
            "text-employment-range",
            ["table-04"],
            "note",
            "text",
            printed="some 200 to over 300 people",
            recomputed={"smallest": min(totals.values()), "largest": max(totals.values())},
            where="Section 4, paragraph after Table 2",
            message=f"Table 4's park employment runs from {fmt(min(totals.values()))} "
            f"({', '.join(below)}) to {fmt(max(totals.values()))}; 'some {fmt(low_claim)}' "
            f"covers {', '.join(below)} only as an approximation, and Kostanai (KST), one of "
            "the five parks, has no employment figure.",
            quote=quoted("employ"),
        )
