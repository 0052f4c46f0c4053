"""Table 7 and Figure 4: where the firms sell, and how often they innovate for each market."""

from __future__ import annotations

import math

import pandas as pd

from ...data import recompute as rc
from ..model import QUOTES, Audit, quoted
from .common import (
    fmt,
    middle_split,
    numbers_in,
    parks_reported,
    printed_of,
    table_05_by_park,
    table_05_total,
    tenants_2004,
)

# Table 7's markets, in the order of its columns.
_MARKETS = ["local", "national", "foreign"]


# --------------------------------------------------------------------------------------
# Table 7


def table_07(audit: Audit) -> None:
    _rows_sum_to_100(audit)
    _text_sales(audit)
    _average_vs_park_means(audit)
    _text_fairly_similar(audit)


def _rows_sum_to_100(audit: Audit) -> None:
    t = audit.table("table-07")
    for park in [None, *parks_reported(audit, "table-07")]:
        sub = rc.rows(t, park=park)
        total = rc.cell(sub, market="total")
        audit.verify(
            rc.compare("row", total, sub[sub["market"] != "total"]["value"].sum()).agrees,
            f"table-07-{(park or 'average').lower()}-row-sums-to-100",
            ["table-07"],
            f"Table 7, {park or 'Average'} row",
            f"Local + national + foreign = 100 ({park or 'Average'})",
            printed_of(total),
            sub[sub["market"] != "total"]["value"].sum(),
            category="percentage",
        )


def _average_row(audit: Audit) -> dict[str, pd.Series]:
    t = audit.table("table-07")
    return {m: rc.cell(t, park=None, market=m) for m in _MARKETS}


def _text_sales(audit: Audit) -> None:
    """'90% of their sales are destined for the local market and only 9% for the national'."""
    avg = _average_row(audit)
    text_local, text_national = numbers_in(QUOTES["sales-90-9"])
    audit.verify(
        (text_local, text_national) == (avg["local"]["value"], avg["national"]["value"]),
        "table-07-text-sales",
        ["table-07"],
        "Section 4, paragraph before Table 7",
        "Text's local and national shares of sales = Table 7's Average row",
        [text_local, text_national],
        [float(avg["local"]["value"]), float(avg["national"]["value"])],
        category="text",
    )


def _average_vs_park_means(audit: Audit) -> None:
    """The Average row against the parks: unweighted, over the replies, or by firm counts."""
    t = audit.table("table-07")
    avg = _average_row(audit)
    parks = parks_reported(audit, "table-07")
    columns = {
        m: ([float(rc.cell(t, park=p, market=m)["value"]) for p in parks], printed_of(avg[m]))
        for m in _MARKETS
    }
    unweighted = {m: round(rc.mean_of(v), 2) for m, (v, _) in columns.items()}
    if all(rc.agrees(printed_of(avg[m]), unweighted[m]) for m in _MARKETS):
        return
    replies = int(numbers_in(QUOTES["table-7-source"])[0])
    splits = rc.weights_reproducing(columns, replies)
    by_weights = {
        label: {m: round(rc.weighted_mean(v, list(w.values())), 2) for m, (v, _) in columns.items()}
        for label, w in [
            ("Table 5 firms", table_05_by_park(audit, parks)),
            ("Table 2 tenants", tenants_2004(audit, parks)),
        ]
    }
    reproduced = [
        label
        for label, means in by_weights.items()
        if all(rc.agrees(printed_of(avg[m]), means[m]) for m in _MARKETS)
    ]

    def triple(d):
        return ", ".join(fmt(d[m], 1) for m in _MARKETS)

    weights_text = " or ".join(
        f"by {label} ({triple(means)})" for label, means in by_weights.items()
    )
    audit.find(
        "table-07-average-vs-park-means",
        ["table-07", "table-05", "table-02"],
        "note",
        "arithmetic",
        printed={m: float(avg[m]["value"]) for m in _MARKETS},
        recomputed={
            "unweighted mean of parks": unweighted,
            f"splits of {replies} replies reproducing": len(splits),
            "example split": list(middle_split(splits)) if splits else None,
            **by_weights,
        },
        where="Table 7, Average row",
        message=f"The Average row ({', '.join(printed_of(avg[m]) for m in _MARKETS)}) is not the "
        f"unweighted mean of {', '.join(parks)} ({triple(unweighted)}); taking the park "
        f"shares as printed, {_replies_text(splits, replies, parks)}; weighting {weights_text} "
        + ("reproduces it" if reproduced else "does not reproduce it")
        + " with the park shares as printed (allowing for their rounding: see check "
        "table-07-average-row-weightings).",
        quote=quoted("table-7-source"),
    )


def _replies_text(splits: list[tuple[int, ...]], replies: int, parks: list[str]) -> str:
    """How many whole-number splits of the replies among the parks reproduce the Average row."""
    if not splits:
        return f"no whole-number split of the {replies} replies reproduces it"
    first_park = sorted({s[0] for s in splits})
    return (
        f"{len(splits)} whole-number splits of the {replies} replies reproduce it, all "
        f"with {first_park[0]} to {first_park[-1]} replies from {parks[0]} (e.g. "
        + ", ".join(f"{p} {w}" for p, w in zip(parks, middle_split(splits), strict=True))
        + "), so it is possibly a mean over replies"
    )


def _text_fairly_similar(audit: Audit) -> None:
    """'fairly similar for three technoparks': the spread of the parks' local shares."""
    t = audit.table("table-07")
    parks = parks_reported(audit, "table-07")
    local = {p: float(rc.cell(t, park=p, market="local")["value"]) for p in parks}
    national = {p: float(rc.cell(t, park=p, market="national")["value"]) for p in parks}
    spread = max(local.values()) - min(local.values())
    if spread > 20:
        low = min(local, key=local.get)
        others = [p for p in parks if p != low]
        audit.find(
            "text-table-07-fairly-similar",
            ["table-07"],
            "note",
            "text",
            printed="fairly similar",
            recomputed={"local share gap (points)": spread},
            where="Section 4, paragraph before Table 7",
            message=f"{low} sells {fmt(local[low])}% locally and {fmt(national[low])}% "
            f"nationally, against {' and '.join(fmt(local[p]) + '%' for p in others)} locally "
            f"at {' and '.join(others)}: the pattern is similar for {' and '.join(others)}, while "
            f"{low}'s local share is up to {fmt(spread)} points lower.",
            quote=quoted("fairly-similar"),
        )


# --------------------------------------------------------------------------------------
# Figure 4: each market has an '- Out' bar then an '- In' bar, each split Yes / Not


def figure_04(audit: Audit) -> None:
    _bars_sum_to_100(audit)
    _text_similar_and_international(audit)
    _bar_order_vs_text(audit)


def _markets(t: pd.DataFrame) -> list[str]:
    return list(dict.fromkeys(t["market"]))


def _innovators(t: pd.DataFrame, market: str, firms: str) -> pd.Series:
    """The 'Yes' part of a bar: the share of innovators."""
    return rc.cell(t, market=market, firms=firms, innovator="yes")


def _inside_outside_gaps(t: pd.DataFrame) -> list[float]:
    """Local and national innovators: the gap between the Out and the In bar, in points."""
    return [
        abs(
            float(_innovators(t, m, "out_tp")["value"]) - float(_innovators(t, m, "in_tp")["value"])
        )
        for m in _markets(t)[:2]
    ]


def _smallest_common_sample(labels: list[str]) -> int | None:
    """The smallest number of firms that gives every printed share in ``labels``."""
    common = set.intersection(*(set(rc.denominators(p, largest=100)) for p in labels))
    return min(common) if common else None


def _bars_sum_to_100(audit: Audit) -> None:
    t = audit.table("figure-04")
    for market in _markets(t):
        for firms in ["out_tp", "in_tp"]:
            bar = rc.rows(t, market=market, firms=firms)
            audit.verify(
                rc.is_close(bar["value"].sum(), 100.0),
                f"figure-04-{market}-{firms.replace('_', '-')}-bar-sums-to-100",
                ["figure-04"],
                f"Figure 4, {market} - {'Out' if firms == 'out_tp' else 'In'} bar",
                "Yes + Not = 100%",
                100.0,
                round(float(bar["value"].sum()), 1),
                category="percentage",
            )


def _text_similar_and_international(audit: Audit) -> None:
    """'no more frequent innovators' and '12.5% are international innovators'."""
    t = audit.table("figure-04")
    international = _innovators(t, _markets(t)[-1], "in_tp")
    gaps = _inside_outside_gaps(t)
    audit.verify(
        max(gaps) < 2.0,
        "figure-04-text-very-similar",
        ["figure-04"],
        "Section 4, paragraph before Figure 4",
        "Inside and outside shares of local and national innovators differ by under two points "
        "(on either reading of the bars)",
        "very similar",
        [round(g, 1) for g in gaps],
        category="text",
    )
    audit.verify(
        numbers_in(QUOTES["international"])[0] == international["value"],
        "figure-04-text-international",
        ["figure-04"],
        "Section 4, paragraph before Figure 4",
        "Text's share of international innovators = the Internat - In bar (on either reading)",
        numbers_in(QUOTES["international"])[0],
        printed_of(international),
        category="text",
    )


def _bar_order_vs_text(audit: Audit) -> None:
    """The text's 'technopark firms' shares are the '- Out' bars by the axis order."""
    t = audit.table("figure-04")
    markets = _markets(t)
    first = [printed_of(_innovators(t, m, "out_tp")) for m in markets[:2]]
    second = [printed_of(_innovators(t, m, "in_tp")) for m in markets[:2]]
    intl = printed_of(_innovators(t, markets[-1], "in_tp"))
    n_first, n_second = _smallest_common_sample(first), _smallest_common_sample(second)
    n_intl = _smallest_common_sample([intl])
    gaps = _inside_outside_gaps(t)
    t5_out = table_05_total(audit, "out_tp")
    text_local, text_national = numbers_in(QUOTES["figure-4"])[1:3]
    outside_bars = [float(_innovators(t, m, "out_tp")["value"]) for m in markets[:2]]
    if [text_local, text_national] != outside_bars:
        return
    audit.find(
        "figure-04-bar-order-vs-text",
        ["figure-04", "table-05"],
        "ambiguity",
        "text",
        printed={
            "text (technopark firms)": [f"{fmt(text_local)}%", f"{fmt(text_national)}%"],
            "axis order": "Local - Out, Local - In, Nat - Out, Nat - In, Internat - Out, "
            "Internat - In",
        },
        recomputed={
            "smallest sample for " + " and ".join(first): n_first,
            "smallest sample for " + " and ".join(second): n_second,
            f"smallest sample for {intl}": n_intl,
            "Table 5 firms outside technoparks": t5_out,
        },
        where="Figure 4 and Section 4, paragraph before Figure 4",
        message=f"The text gives {' and '.join(first)} as technopark firms' shares, but by "
        "the axis order (each pair reads '- Out' then '- In') they label the bars of firms "
        f"outside technoparks; the smallest sample reproducing {' and '.join(first)} is "
        f"{n_first} firms"
        + (", the number of firms outside technoparks in Table 5" if n_first == t5_out else "")
        + f", while {' and '.join(second)} need {n_second} (and {intl} {n_intl}), which "
        "possibly supports the reading by position; on either reading the two groups differ "
        f"by under {fmt(math.ceil(max(gaps)))} points.",
        quote=quoted("figure-4"),
        rests_on="transcription reading: which bars the flattened text's shares belong to "
        "(data/figure-04.csv stores them by the axis order)",
    )
