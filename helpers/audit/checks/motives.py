"""Tables 8, 9 and 10: why firms move to a park, and what holds them back.

Both tables print an importance per park with an Average row, a number of firms citing each
factor and their share of the respondents; Table 10 sets the firms outside beside Table 9.
"""

from __future__ import annotations

import itertools
import math

import pandas as pd

from ...data import recompute as rc
from ..model import QUOTES, Audit, quoted, trim
from .common import (
    fmt,
    middle_split,
    numbers_in,
    parks_reported,
    printed_of,
    verify_granularity,
)

# --------------------------------------------------------------------------------------
# Tables 8 and 9: importance, frequency and shares


def _importance_columns(frame, column, parks) -> dict[str, tuple[list[float], str]]:
    means = rc.rows(frame, measure="mean_importance")
    out = {}
    for key in means[column].dropna().unique():
        group = means[means[column] == key]
        values = [float(rc.cell(group, park=p)["value"]) for p in parks]
        out[key] = (values, printed_of(rc.cell(group, park=None)))
    return out


def _share_denominator(audit: Audit, name: str, column: str, number: int) -> int | None:
    t = audit.table(name)
    sample = rc.cell(t, measure="sample_size")
    counts = rc.rows(t, measure="n_firms")
    shares = rc.rows(t, measure="share_of_respondents")
    keys = list(shares[column])
    per_key = {
        k: (
            float(rc.cell(counts, **{column: k})["value"]),
            printed_of(rc.cell(shares, **{column: k})),
        )
        for k in keys
    }
    stated = float(sample["value"])
    for k, (count, _) in per_key.items():
        audit.verify(
            count <= stated,
            f"{name}-{k.replace('_', '-')}-count-within-sample",
            [name],
            f"Table {number}, No of firms row, {k}",
            f"Firms citing {k.replace('_', ' ')} do not exceed the stated sample",
            count,
            f"{fmt(count)} of {fmt(stated)}",
        )
    common = set.intersection(*(set(rc.denominators(p, count=c)) for c, p in per_key.values()))
    reproduce_stated = all(rc.agrees(p, rc.share(c, stated)) for c, p in per_key.values())
    if reproduce_stated:
        audit.confirm(
            f"{name}-shares",
            [name],
            f"Table {number}, Share of respondents row",
            f"Every share = number of firms / {fmt(stated)}",
            {k: p for k, (_, p) in per_key.items()},
            {k: round(rc.share(c, stated), 1) for k, (c, _) in per_key.items()},
        )
        return None
    implied = min(common) if common else None
    first = keys[0]
    c0, p0 = per_key[first]
    audit.find(
        f"{name}-share-denominator",
        [name],
        "inconsistency",
        "percentage",
        printed={"sample": stated, "shares": {k: p for k, (_, p) in per_key.items()}},
        recomputed={
            f"shares of {fmt(stated)}": {
                k: round(rc.share(c, stated), 1) for k, (c, _) in per_key.items()
            },
            "denominator reproducing every share": implied,
        },
        where=f"Table {number}, Share of respondents row, against the heading 'No of firms = "
        f"{fmt(stated)}'",
        message=f"The heading says {fmt(stated)} firms, but every share of respondents is the "
        f"number of firms divided by {implied}, not {fmt(stated)} ({first.replace('_', ' ')} "
        f"{fmt(c0)}/{implied} = {fmt(rc.share(c0, implied), 1)}%, printed {p0}, against "
        f"{fmt(c0)}/{fmt(stated)} = {fmt(rc.share(c0, stated), 1)}%); {implied} is the only "
        "sample size up to 200 that reproduces all of them."
        if len(common) == 1
        else f"The heading says {fmt(stated)} firms, but the shares of respondents are not the "
        f"numbers of firms divided by {fmt(stated)}.",
    )
    return implied


def _average_vs_parks(audit: Audit, name: str, column: str, number: int) -> None:
    t = audit.table(name)
    parks = parks_reported(audit, name)
    columns = _importance_columns(t, column, parks)
    stated = int(rc.cell(t, measure="sample_size")["value"])
    unweighted = {k: rc.mean_of(v) for k, (v, _) in columns.items()}
    agree = {k: rc.agrees(p, unweighted[k]) for k, (_, p) in columns.items()}
    for key in [k for k, ok in agree.items() if ok]:
        audit.confirm(
            f"{name}-{key.replace('_', '-')}-average",
            [name],
            f"Table {number}, Average row, {key.replace('_', ' ')}",
            f"Average = unweighted mean of {', '.join(parks)} ({key.replace('_', ' ')})",
            columns[key][1],
            round(unweighted[key], 2),
        )
    off = [k for k, ok in agree.items() if not ok]
    if not off:
        return
    splits = rc.weights_reproducing(columns, stated)
    listed = ", ".join(
        f"{k.replace('_', ' ')} ({columns[k][1]} vs {trim(unweighted[k])})" for k in off
    )
    recomputed = {
        "unweighted mean of parks": {k: round(unweighted[k], 2) for k in off},
        f"splits of {stated} firms reproducing every average": len(splits),
        "example split": list(middle_split(splits)) if splits else None,
    }
    if splits:
        split_text = (
            f"{len(splits)} whole-number splits of the {stated} firms among "
            f"{', '.join(parks)} reproduce every average (e.g. "
            + ", ".join(f"{p} {w}" for p, w in zip(parks, middle_split(splits), strict=True))
            + "), so the Average is possibly a mean over firms"
        )
    else:
        loose = rc.weights_reproducing(columns, stated, row_half_unit=0.05)
        recomputed["splits allowing rounding of the park means"] = len(loose)
        recomputed["example split allowing rounding"] = list(middle_split(loose)) if loose else None
        split_text = (
            f"taking the park means as printed, no whole-number split of the {stated} firms "
            f"among {', '.join(parks)} reproduces every average"
            + (
                f", but allowing for the rounding of the park means {len(loose)} do (e.g. "
                + ", ".join(f"{p} {w}" for p, w in zip(parks, middle_split(loose), strict=True))
                + "), so the gaps are possibly weighting and rounding rather than error"
                if loose
                else ", even allowing for the rounding of the park means"
            )
        )
    audit.find(
        f"{name}-average-vs-park-means",
        [name],
        "note",
        "arithmetic",
        printed={k: columns[k][1] for k in off},
        recomputed=recomputed,
        where=f"Table {number}, Average row",
        message=f"The Average row is not the unweighted mean of {', '.join(parks)} for "
        f"{listed}; {split_text}. Weighted by the firm counts the paper gives, with the "
        f"rounding of the park means allowed for: see check {name}-average-row-weightings.",
    )


def table_08(audit: Audit) -> None:
    _share_denominator(audit, "table-08", "factor", 8)
    _average_vs_parks(audit, "table-08", "factor", 8)
    _text_rent_image(audit)
    _text_finance_2_9(audit)
    _abstract_finance_motive(audit)


def _ranked_motives(t) -> pd.Series:
    """Table 8's Average row, most important motive first."""
    avg = rc.rows(t, park=None, measure="mean_importance").set_index("factor")
    return avg["value"].sort_values(ascending=False)


def _text_rent_image(audit: Audit) -> None:
    """'Lower rent and better image rank highest' and 'Rent is relevant for only 50%'."""
    t = audit.table("table-08")
    avg = rc.rows(t, park=None, measure="mean_importance").set_index("factor")
    ranked = avg["value"].sort_values(ascending=False)
    rent, image = numbers_in(QUOTES["rent-image"])[:2]
    audit.verify(
        list(ranked.index[:2]) == ["rent", "image"]
        and (avg.at["rent", "value"], avg.at["image", "value"]) == (rent, image),
        "table-08-text-rent-image",
        ["table-08"],
        "Section 4, paragraph before Table 8",
        "Rent and image rank highest, with the text's averages",
        [rent, image],
        {k: float(v) for k, v in ranked.items()},
        category="text",
    )
    rent_share = rc.cell(t, factor="rent", measure="share_of_respondents")
    audit.verify(
        numbers_in(QUOTES["rent-50"])[0] == rent_share["value"],
        "table-08-text-rent-50",
        ["table-08"],
        "Section 4, paragraph before Table 8",
        "Text's share of firms for which rent is relevant = Table 8's share",
        numbers_in(QUOTES["rent-50"])[0],
        printed_of(rent_share),
        category="text",
    )


def _text_finance_2_9(audit: Audit) -> None:
    """The text's average importance of finance against Table 8's Average row."""
    t = audit.table("table-08")
    parks = parks_reported(audit, "table-08")
    finance_parks = [
        float(rc.cell(t, park=p, factor="finance", measure="mean_importance")["value"])
        for p in parks
    ]
    unweighted = rc.mean_of(finance_parks)
    finance = rc.cell(t, park=None, factor="finance", measure="mean_importance")
    text_value = numbers_in(QUOTES["finance-2.9"])[0]
    if text_value != finance["value"]:
        audit.find(
            "text-table-08-finance-2-9",
            ["table-08"],
            "inconsistency",
            "text",
            printed={"text": text_value, "Table 8": printed_of(finance)},
            recomputed={"unweighted mean of parks": round(unweighted, 2)},
            where="Section 4, paragraph before Table 8",
            message=f"The text gives the average importance of finance as {fmt(text_value)} "
            f"while Table 8 prints {printed_of(finance)}; the unweighted mean of "
            f"{', '.join(parks)} ({fmt(unweighted, 2)}) "
            + (
                f"would print as {fmt(text_value)}, possibly the source of the text's figure."
                if rc.agrees(fmt(text_value), unweighted)
                else "does not explain it either."
            ),
            quote=quoted("finance-2.9"),
        )


def _abstract_finance_motive(audit: Audit) -> None:
    """The abstract's 'possibility of accessing finance' as a key motive."""
    t = audit.table("table-08")
    ranked = _ranked_motives(t)
    finance = rc.cell(t, park=None, factor="finance", measure="mean_importance")
    counts = rc.rows(t, measure="n_firms").set_index("factor")["value"]
    shares = rc.rows(t, measure="share_of_respondents").set_index("factor")["printed"]
    importance_rank = list(ranked.index).index("finance") + 1
    by_count = counts.sort_values(ascending=False)
    count_rank = 1 + int((by_count > counts["finance"]).sum())
    tied = [k for k in counts.index if k != "finance" and counts[k] == counts["finance"]]
    audit.find(
        "text-abstract-finance-motive",
        ["table-08"],
        "ambiguity",
        "text",
        printed="key motivations: lower rents and the possibility of accessing finance",
        recomputed={
            "finance rank by average importance": f"{importance_rank} of {len(ranked)}",
            "finance rank by firms citing it": f"{count_rank} of {len(counts)}",
            "finance share of respondents": shares["finance"],
        },
        where="Abstract, against Table 8 and Section 4, paragraph before Table 8",
        message=f"The abstract names access to finance as a key motive, while Table 8 ranks "
        f"finance {importance_rank} of {len(ranked)} motives by average importance "
        f"({printed_of(finance)}) and Section 4 says firms do not expect a technopark to improve "
        f"their access to finance; finance is, however, cited by {fmt(counts['finance'])} firms "
        f"({shares['finance']}), rank {count_rank} by frequency"
        + (f" (tied with {', '.join(tied)})" if tied else "")
        + ", so the abstract possibly refers to how often it is cited.",
        quote=quoted("abstract-finance", "finance-2.9"),
    )


def table_09(audit: Audit) -> None:
    implied = _share_denominator(audit, "table-09", "barrier", 9)
    _average_vs_parks(audit, "table-09", "barrier", 9)
    _text_barriers(audit)
    _all_firms_shares(audit, implied)
    _kgp_row_reading(audit)


def _text_barriers(audit: Audit) -> None:
    """The text's shares of the key barriers, and the two least important."""
    t = audit.table("table-09")
    shares = rc.rows(t, measure="share_of_respondents").set_index("barrier")["value"]
    finance_share, technology_share = numbers_in(QUOTES["barriers-87-79"])[:2]
    audit.verify(
        (finance_share, technology_share) == (shares["finance"], shares["technology"])
        and numbers_in(QUOTES["infrastructure-38"])[0] == shares["infrastructure"],
        "table-09-text-shares",
        ["table-09"],
        "Section 4, paragraph after Table 8",
        "Text's shares for finance, technology and infrastructure = Table 9's shares",
        [finance_share, technology_share, numbers_in(QUOTES["infrastructure-38"])[0]],
        [float(shares["finance"]), float(shares["technology"]), float(shares["infrastructure"])],
        category="text",
    )
    means = rc.rows(t, park=None, measure="mean_importance").set_index("barrier")["value"]
    lowest = list(means.sort_values().index[:2])
    audit.verify(
        set(lowest) == {"infrastructure", "foreign_market_access"},
        "table-09-text-least-important",
        ["table-09"],
        "Section 4, paragraph after Table 8",
        "Access to foreign markets and infrastructure have the two lowest average importances",
        "not seen as important",
        {k: float(v) for k, v in means.items()},
        category="text",
    )


def _all_firms_shares(audit: Audit, implied: int | None) -> None:
    """A barrier cited by every firm of the sample must be printed as 100%."""
    t = audit.table("table-09")
    sample = float(rc.cell(t, measure="sample_size")["value"])
    counts = rc.rows(t, measure="n_firms").set_index("barrier")["value"]
    for barrier in [b for b in counts.index if counts[b] == sample]:
        printed = rc.cell(t, barrier=barrier, measure="share_of_respondents")
        if rc.agrees(printed_of(printed), 100.0):
            continue
        audit.find(
            f"table-09-{barrier.replace('_', '-')}-all-firms-share",
            ["table-09"],
            "inconsistency",
            "percentage",
            printed={
                "No of firms": counts[barrier],
                "sample": sample,
                "share": printed_of(printed),
            },
            recomputed={
                f"{fmt(counts[barrier])} of {fmt(sample)} (%)": 100.0,
                **(
                    {
                        f"{fmt(counts[barrier])} of {implied} (%)": round(
                            rc.share(counts[barrier], implied), 1
                        )
                    }
                    if implied
                    else {}
                ),
            },
            where=f"Table 9, {barrier.replace('_', ' ').capitalize()} column",
            message=f"{barrier.replace('_', ' ').capitalize()}'s 'No of firms' is "
            f"{fmt(counts[barrier])}, the whole sample of the heading, which would be 100%, yet "
            f"its share is printed as {printed_of(printed)}"
            + (
                f" ({fmt(counts[barrier])}/{implied} = "
                f"{fmt(rc.share(counts[barrier], implied), 1)}%)"
                if implied
                else ""
            )
            + ": the wrong denominator of table-09-share-denominator seen in one column, "
            "not a separate defect.",
            repeats=("table-09-share-denominator",),
        )


def _kgp_row_reading(audit: Audit) -> None:
    """The KGP row: fewer numbers than headings; which placements fit the Average row?"""
    t = audit.table("table-09")
    sample = float(rc.cell(t, measure="sample_size")["value"])
    # The KGP row: two numbers under four headings.
    kgp = rc.rows(t, park="KGP", measure="mean_importance")
    values = kgp.dropna(subset=["value"])["value"].tolist()
    if len(values) < len(kgp):
        barriers = list(kgp["barrier"])
        parks = parks_reported(audit, "table-09")
        base = _importance_columns(t, "barrier", [p for p in parks if p != "KGP"])
        results = {}
        for slots in itertools.combinations(range(len(barriers)), len(values)):
            placed = [math.nan] * len(barriers)
            for slot, v in zip(slots, values, strict=True):
                placed[slot] = v
            columns = {b: ([*base[b][0], placed[i]], base[b][1]) for i, b in enumerate(barriers)}
            label = " + ".join(barriers[s].replace("_", " ") for s in slots)
            results[label] = len(rc.weights_reproducing(columns, int(sample)))
        chosen = " + ".join(kgp.dropna(subset=["value"])["barrier"].str.replace("_", " "))
        working = [k for k, v in results.items() if v]
        audit.find(
            "table-09-kgp-row-reading",
            ["table-09"],
            "ambiguity",
            "structure",
            printed=" ".join(kgp.dropna(subset=["value"])["printed"]),
            recomputed={"splits of the sample reproducing every average, by reading": results},
            where="Table 9, KGP row",
            message=f"The KGP row prints only {len(values)} numbers "
            f"({', '.join(fmt(v) for v in values)}) under {len(barriers)} headings; the data read "
            f"them as {chosen}, and of the {len(results)} possible placements "
            + (
                f"only {' and '.join(working)} lets a split of the {fmt(sample)} firms reproduce "
                f"every average ({results[working[0]]} splits), which possibly supports it."
                if len(working) == 1
                else f"{len(working)} let a split of the {fmt(sample)} firms reproduce every "
                "average."
            ),
            rests_on=f"transcription reading: the KGP row's numbers placed under {chosen}",
        )


# --------------------------------------------------------------------------------------
# Table 10


def table_10(audit: Audit) -> None:
    t10 = audit.table("table-10")
    t9 = rc.rows(audit.table("table-09"), park=None, measure="mean_importance").set_index("barrier")
    inside = rc.rows(t10, firms="in_tp").set_index("barrier")
    audit.verify(
        inside["value"].to_dict() == t9["value"].to_dict(),
        "table-10-in-tp-equals-table-09",
        ["table-10", "table-09"],
        "Table 10, in TP row",
        "In-technopark row = Table 9's Average row",
        inside["printed"].to_dict(),
        t9["printed"].to_dict(),
        category="cross-table",
    )
    outside = rc.rows(t10, firms="out_tp", measure="mean_importance").set_index("barrier")
    n = rc.rows(t10, firms="out_tp", measure="n_firms").set_index("barrier")["value"]
    for barrier in outside.index:
        printed = outside.at[barrier, "printed"]
        verify_granularity(
            audit,
            f"table-10-{barrier.replace('_', '-')}-granularity",
            ["table-10"],
            f"Table 10, out TP row, {barrier.replace('_', ' ')}",
            printed,
            int(n[barrier]),
        )
    top = list(outside["value"].sort_values(ascending=False).index[:2])
    audit.verify(
        set(top) == {"finance", "foreign_market_access"},
        "table-10-text-outside-barriers",
        ["table-10"],
        "Section 4, paragraph before Table 10",
        "Finance and access to foreign markets are the two most important barriers outside",
        "finance and access to foreign markets",
        {k: float(v) for k, v in outside["value"].items()},
        category="text",
    )
    surveyed = numbers_in(QUOTES["outside-24"])[0]
    audit.find(
        "table-10-outside-counts",
        ["table-10"],
        "ambiguity",
        "arithmetic",
        printed={k: float(v) for k, v in n.items()},
        recomputed={"largest": float(n.max()), "smallest": float(n.min())},
        where="Table 10, No firms out TP row",
        message="The paper does not say over which firms the outside averages are taken; if "
        "each is over the firms of the 'No firms out TP' row, they rest on "
        f"{', '.join(fmt(v) for v in n)} firms "
        f"({', '.join(b.replace('_', ' ') for b in n.index)}) of the {fmt(surveyed)} "
        f"firms surveyed outside technoparks, and the {outside.at[n.idxmin(), 'printed']} for "
        f"{n.idxmin().replace('_', ' ')} would be the answer of "
        + ("a single firm" if n.min() == 1 else f"{fmt(n.min())} firms")
        + "; the row possibly counts only the firms naming each barrier, as in Table 9.",
        quote=quoted("outside-24"),
        rests_on="assumption: each outside average is over the firms counted in the "
        "'No firms out TP' row, which the paper does not state",
    )
