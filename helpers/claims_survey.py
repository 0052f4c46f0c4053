"""The claims ledger's evidence from the survey of five technoparks (Figure 4, Tables 4-13).

One evidence function per claim of the paper about technopark firms (see
:mod:`helpers.claims_evidence` for what an evidence is), with the small computed tables
they rest on (innovator shares, activity groups, motive ranks, service use rates), and the
synthesis of the survey section's summary.
"""

from __future__ import annotations

import pandas as pd

from .claims_evidence import Evidence, _listing, _lower_first, _pct, _printed, compare
from .data.datapackage import load
from .data.recompute import agrees, cell, mean_of, rows, share

# Table 6 activities the text sets apart from the traditional ones ('excluding
# pharmaceuticals/medical services and IT services, traditional products and services
# dominate'), and the residual rows that name no activity.
TECHNOLOGY_BASED = ("Pharmaceuticals and medical services", "IT services")
UNNAMED = ("Other products", "Other services", "Not classified")

LINK_TYPES = {"joint_production": "joint production", "joint_development": "joint development"}

# 'No more innovative' and 'roughly equal' as comparisons: a gap in innovator shares of at most
# NEARLY_EQUAL_POINTS percentage points; a split in which neither kind of firm exceeds
# ROUGHLY_EQUAL_SHARE % of the firms (at most 3 to 2).
NEARLY_EQUAL_POINTS = 5.0
ROUGHLY_EQUAL_SHARE = 60.0
# The audit finding on Table 5's PPV count, on which the pooled balance rests.
PPV_FINDING = "table-05-ppv-firms-exceed-tenants"


# --- Figure 4: innovativeness -------------------------------------------------------------


def innovator_shares() -> pd.DataFrame:
    """Shares of innovators (Figure 4) inside and outside technoparks, on both readings.

    Returns
    -------
    pandas.DataFrame
        One row per market: ``in_tp`` and ``out_tp`` as stored (bars read in the axis
        order), ``in_tp_text`` and ``out_tp_text`` as the text reads them (the first bar of
        each local and national pair attributed to technopark firms; the international pair
        agrees with both readings), and the printed cells.
    """
    figure = rows(load("figure-04"), innovator="yes")
    records = []
    for market in ("local", "national", "international"):
        inside, inside_printed = _printed(figure, market=market, firms="in_tp")
        outside, outside_printed = _printed(figure, market=market, firms="out_tp")
        swapped = market != "international"
        records.append(
            {
                "market": market,
                "in_tp": inside,
                "out_tp": outside,
                "in_tp_printed": inside_printed,
                "out_tp_printed": outside_printed,
                "in_tp_text": outside if swapped else inside,
                "out_tp_text": inside if swapped else outside,
            }
        )
    return pd.DataFrame.from_records(records)


def evidence_no_more_innovative() -> Evidence:
    """Figure 4: innovators inside vs outside technoparks, per market, on both readings."""
    shares = innovator_shares()
    domestic = shares[shares["market"] != "international"]
    gap_axis = (domestic["in_tp"] - domestic["out_tp"]).abs().max()
    gap_text = (domestic["in_tp_text"] - domestic["out_tp_text"]).abs().max()
    largest = max(gap_axis, gap_text)
    axis = _listing(
        [f"{r.market} {r.in_tp_printed} vs {r.out_tp_printed}" for r in shares.itertuples()]
    )
    text = _listing(
        [f"{r.market} {_pct(r.in_tp_text)} vs {_pct(r.out_tp_text)}" for r in domestic.itertuples()]
    )
    international = cell(shares, market="international")
    sentence = (
        "Share of firms with a product new to the market, inside vs outside technoparks "
        f"(Figure 4, bars read in the axis order): {axis}. Read as the text does (local and "
        f"national bars swapped): {text}. On the local and national markets the two groups "
        f"differ by at most {largest:.1f} percentage points on either reading; on the "
        f"international market technopark firms are ahead ({international['in_tp_printed']} "
        f"vs {international['out_tp_printed']})."
    )
    values = {"largest_domestic_gap": float(largest)}
    for r in shares.itertuples():
        values[f"{r.market}_in_tp"] = r.in_tp
        values[f"{r.market}_out_tp"] = r.out_tp
    comparisons = tuple(
        compare(
            f"{r.market} market: technopark firms not ahead by more than "
            f"{NEARLY_EQUAL_POINTS:.0f} points, on either reading",
            max(r.in_tp - r.out_tp, r.in_tp_text - r.out_tp_text) <= NEARLY_EQUAL_POINTS,
        )
        for r in shares.itertuples()
    )
    return Evidence(sentence, values, comparisons)


# --- Table 7: markets ------------------------------------------------------------------------


def evidence_local_market() -> Evidence:
    """Table 7: the local market's share of technopark firms' sales, pooled and by park."""
    table = load("table-07")
    local, local_printed = _printed(table, park=None, market="local")
    national, national_printed = _printed(table, park=None, market="national")
    foreign, foreign_printed = _printed(table, park=None, market="foreign")
    parks = rows(table, market="local").dropna(subset=["park"]).sort_values("value")
    low, high = parks.iloc[0], parks.iloc[-1]
    unweighted = mean_of(parks["value"])
    relation = "equals" if agrees(local_printed, unweighted) else "is not"
    sentence = (
        f"On average {local_printed}% of technopark firms' sales go to the local market, "
        f"{national_printed}% to the national market and {foreign_printed}% abroad (Table 7); "
        f"by park the local share runs from {low['printed']}% ({low['park']}) to "
        f"{high['printed']}% ({high['park']}). The printed average {relation} the unweighted "
        f"mean of the {len(parks)} parks ({_pct(unweighted)})."
    )
    values = {
        "local": local,
        "national": national,
        "foreign": foreign,
        "lowest_park_local": float(low["value"]),
        "highest_park_local": float(high["value"]),
        "unweighted_park_mean": unweighted,
    }
    comparisons = (
        compare("most sales local on average", local > 50),
        compare("most sales local in every park reported", bool((parks["value"] > 50).all())),
        compare("exports negligible", foreign < 5),
    )
    return Evidence(sentence, values, comparisons)


# --- Table 6: activities ---------------------------------------------------------------------


def activity_groups() -> pd.DataFrame:
    """Table 6 grouped: traditional, technology-based and unnamed activities.

    Returns
    -------
    pandas.DataFrame
        One row per group with ``n_firms``, ``share`` (% of the printed total) and the
        activities it holds; the groups add up to the printed total (checked).
    """
    table = load("table-06")
    activities = table[~table["is_summary"]]
    total = float(cell(table, activity="Total")["value"])
    groups = {
        "traditional": activities[~activities["activity"].isin(TECHNOLOGY_BASED + UNNAMED)],
        "technology_based": activities[activities["activity"].isin(TECHNOLOGY_BASED)],
        "other_or_not_classified": activities[activities["activity"].isin(UNNAMED)],
    }
    frame = pd.DataFrame(
        {
            "group": list(groups),
            "n_firms": [float(g["value"].sum()) for g in groups.values()],
            "activities": ["; ".join(g["activity"]) for g in groups.values()],
        }
    )
    if frame["n_firms"].sum() != total:
        raise ValueError("Table 6 activities do not add up to its printed total")
    frame["share"] = [share(n, total) for n in frame["n_firms"]]
    frame.attrs["total"] = total
    return frame


def evidence_traditional_sectors() -> Evidence:
    """Table 6: how many tenant firms are in traditional activities."""
    groups = activity_groups().set_index("group")
    total = groups.attrs["total"]
    largest = load("table-06").query("~is_summary").sort_values("value").iloc[-1]
    trad, tech, other = (
        groups.loc[g] for g in ("traditional", "technology_based", "other_or_not_classified")
    )
    sentence = (
        f"Of the {total:.0f} tenant firms classified in Table 6, {trad['n_firms']:.0f} "
        f"({_pct(trad['share'])}) are in named traditional activities, {tech['n_firms']:.0f} "
        f"({_pct(tech['share'])}) in pharmaceuticals and medical services or IT services, and "
        f"{other['n_firms']:.0f} ({_pct(other['share'])}) in other or unclassified activities; "
        f"the largest single activity is {_lower_first(largest['activity'])} "
        f"({largest['printed']} firms)."
    )
    values = {
        "total": total,
        "traditional": trad["n_firms"],
        "technology_based": tech["n_firms"],
        "other_or_not_classified": other["n_firms"],
        "traditional_share": trad["share"],
        "largest_activity": float(largest["value"]),
    }
    comparisons = (
        compare("most classified tenants in traditional activities", trad["share"] > 50),
        compare(
            "technology-based activities a minority, smaller than the traditional ones",
            tech["n_firms"] < trad["n_firms"] and tech["share"] < 50,
        ),
    )
    return Evidence(sentence, values, comparisons)


def evidence_commercialisation_ready() -> Evidence:
    """Table 6: the few tenants in the activities the text treats as technology based."""
    table = load("table-06")
    groups = activity_groups().set_index("group")
    tech = groups.loc["technology_based"]
    parts = [f"{_lower_first(a)} ({cell(table, activity=a)['printed']})" for a in TECHNOLOGY_BASED]
    sentence = (
        f"{tech['n_firms']:.0f} of the {groups.attrs['total']:.0f} tenant firms in Table 6 "
        f"({_pct(tech['share'])}) are in {_listing(parts)}, the activities the text sets "
        "apart from the traditional ones; no table counts firms that commercialise innovations."
    )
    values = {
        "technology_based": tech["n_firms"],
        "technology_based_share": tech["share"],
        "total": groups.attrs["total"],
    }
    comparisons = (
        compare("technology-based activities a small minority of tenants", tech["share"] < 25),
        compare(
            "firms commercialising innovations ready for the market: no table counts them", None
        ),
    )
    return Evidence(sentence, values, comparisons)


# --- Table 13: links -------------------------------------------------------------------------


def _link_intensities(firms: str, partner: str) -> dict[str, float]:
    table = rows(load("table-13"), firms=firms, partner=partner, measure="mean_intensity")
    return {r.link_type: r.value for r in table.itertuples() if r.link_type != "total"}


def _link_total(firms: str, partner: str) -> float:
    return float(
        cell(load("table-13"), firms=firms, partner=partner, link_type="total", measure="n_firms")[
            "value"
        ]
    )


def evidence_external_links() -> Evidence:
    """Table 13: technopark firms' links with outside firms vs with fellow tenants."""
    external = _link_intensities("in_tp", "external_firms")
    internal = _link_intensities("in_tp", "other_tp_firms")
    n_external = _link_total("in_tp", "external_firms")
    n_internal = _link_total("in_tp", "other_tp_firms")
    higher = all(external[k] > internal[k] for k in external)
    pairs = _listing(
        [f"{LINK_TYPES.get(k, k)} {external[k]:.1f} vs {internal[k]:.1f}" for k in external]
    )
    every = "in every type" if higher else "not in every type"
    sentence = (
        f"Technopark firms report {n_external:.0f} links with firms outside the park against "
        f"{n_internal:.0f} with other tenants (Table 13, counted per type of link); the "
        f"average intensity (scale 1-5) is higher for external links {every}: {pairs}."
    )
    values = {"n_external": n_external, "n_internal": n_internal}
    values |= {f"external_{k}": v for k, v in external.items()}
    values |= {f"internal_{k}": v for k, v in internal.items()}
    comparisons = (
        compare("more links with outside firms than with other tenants", n_external > n_internal),
        *(
            compare(
                f"{LINK_TYPES.get(k, k)}: external links more intense", external[k] > internal[k]
            )
            for k in external
        ),
    )
    return Evidence(sentence, values, comparisons)


def evidence_higher_education_links() -> Evidence:
    """Table 13: intensity and frequency of links with higher education, inside vs outside."""
    inside = _link_intensities("in_tp", "higher_education")
    outside = _link_intensities("out_tp", "higher_education")
    n_inside = _link_total("in_tp", "higher_education")
    n_outside = _link_total("out_tp", "higher_education")
    sample = cell(load("table-13"), firms="in_tp", measure="sample_size")["value"]

    def shown(value: float) -> str:
        return "n.a." if pd.isna(value) else f"{value:.1f}"

    pairs = _listing(
        [f"{LINK_TYPES.get(k, k)} {shown(inside[k])} vs {shown(outside[k])}" for k in inside]
    )
    sentence = (
        "Average intensity of links with higher education institutions (Table 13, scale 1-5), "
        f"inside vs outside technoparks: {pairs}. More firms inside report such links: "
        f"{n_inside:.0f} inside vs {n_outside:.0f} outside (counted per type of link), from "
        f"samples of {sample:.0f} firms each."
    )
    values = {"n_inside": n_inside, "n_outside": n_outside}
    values |= {f"inside_{k}": v for k, v in inside.items()}
    values |= {f"outside_{k}": v for k, v in outside.items() if not pd.isna(v)}
    # The paper calls links 'stronger' by frequency and intensity together ('The frequency
    # and intensity of linkages ... are stronger'): both are compared.
    comparisons = (
        *(
            compare(
                f"{LINK_TYPES.get(k, k)}: links outside more intense",
                None if pd.isna(outside[k]) or pd.isna(inside[k]) else outside[k] > inside[k],
            )
            for k in inside
        ),
        compare("links outside more frequent", n_outside > n_inside),
    )
    return Evidence(sentence, values, comparisons)


# --- Tables 8 and 9: motives and barriers ----------------------------------------------------


def motive_ranks() -> pd.DataFrame:
    """Table 8's motives ranked by mean importance and by share of respondents (ties shared).

    Returns
    -------
    pandas.DataFrame
        One row per motive: ``mean_importance``, ``share`` (% of respondents citing it),
        their printed cells and ranks (1 = highest; tied values share the best rank).
    """
    table = rows(load("table-08"), park=None)
    means = rows(table, measure="mean_importance").set_index("factor")
    shares = rows(table, measure="share_of_respondents").set_index("factor")
    frame = pd.DataFrame(
        {
            "mean_importance": means["value"],
            "mean_printed": means["printed"],
            "share": shares["value"],
            "share_printed": shares["printed"],
        }
    )
    frame["importance_rank"] = frame["mean_importance"].rank(ascending=False, method="min")
    frame["share_rank"] = frame["share"].rank(ascending=False, method="min")
    return frame.reset_index()


def _rank_words(rank: float, tied: bool, count: int) -> str:
    ordinal = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth"}
    word = "last" if rank == count and not tied else ordinal.get(int(rank), f"{int(rank)}th")
    return f"joint {word}" if tied else word


def _describe_rank(ranks: pd.DataFrame, factor: str, column: str) -> str:
    row = cell(ranks, factor=factor)
    tied = (ranks[column] == row[column]).sum() > 1
    return _rank_words(row[column], bool(tied), len(ranks))


def evidence_relocation_motives() -> Evidence:
    """Table 8: where rent and finance rank by importance and by frequency."""
    ranks = motive_ranks()
    rent, finance = cell(ranks, factor="rent"), cell(ranks, factor="finance")
    top_share = ranks.sort_values("share", ascending=False).iloc[0]
    swapped = (finance["share_rank"] < rent["share_rank"]) != (
        finance["importance_rank"] < rent["importance_rank"]
    )
    swap = "the two swap places" if swapped else "the order is the same"
    sentence = (
        f"Of the {len(ranks)} motives in Table 8 (average over parks, scale 1-5), rent ranks "
        f"{_describe_rank(ranks, 'rent', 'importance_rank')} in mean importance "
        f"({rent['mean_printed']}) and finance "
        f"{_describe_rank(ranks, 'finance', 'importance_rank')} ({finance['mean_printed']}). "
        f"By frequency {swap}: finance is cited by {finance['share_printed']} "
        f"of respondents ({_describe_rank(ranks, 'finance', 'share_rank')}, after "
        f"{top_share['factor']} at {top_share['share_printed']}), rent by "
        f"{rent['share_printed']} ({_describe_rank(ranks, 'rent', 'share_rank')})."
    )
    values = {
        "rent_mean": rent["mean_importance"],
        "finance_mean": finance["mean_importance"],
        "rent_share": rent["share"],
        "finance_share": finance["share"],
        "rent_importance_rank": rent["importance_rank"],
        "finance_importance_rank": finance["importance_rank"],
        "finance_share_rank": finance["share_rank"],
        "rent_share_rank": rent["share_rank"],
    }
    comparisons = (
        compare("rent among the two most important motives", rent["importance_rank"] <= 2),
        compare("finance among the two most important motives", finance["importance_rank"] <= 2),
        compare("finance among the two most cited motives", finance["share_rank"] <= 2),
    )
    return Evidence(sentence, values, comparisons)


def evidence_cash_flow_rent() -> Evidence:
    """Table 9's finance barrier and Table 8's rent motive."""
    barriers = rows(load("table-09"), park=None)
    means = rows(barriers, measure="mean_importance").set_index("barrier")["value"]
    shares = rows(barriers, measure="share_of_respondents").set_index("barrier")
    finance_mean = float(means["finance"])
    finance_share = float(shares.at["finance", "value"])
    most_important = means.idxmax() == "finance" and (means == means.max()).sum() == 1
    most_cited = shares["value"].idxmax() == "finance"
    ranks = motive_ranks()
    rent = cell(ranks, factor="rent")
    cited = "the barrier cited most often" if most_cited else "a frequently cited barrier"
    rated = "rated most important" if most_important else "not rated most important"
    rent_rank = cell(ranks, factor="rent")["importance_rank"]
    rent_place = (
        "the most important motive"
        if rent_rank == 1
        else f"the {_describe_rank(ranks, 'rent', 'importance_rank')} motive"
    )
    sentence = (
        f"Finance is {cited} ({shares.at['finance', 'printed']} of respondents) and {rated} "
        f"({finance_mean:.1f} on the 1-5 scale) of the {len(means)} barriers to growth in "
        f"Table 9; in Table 8 lower rent is {rent_place} for relocation by mean importance "
        f"({rent['mean_printed']}), cited by {rent['share_printed']} of respondents."
    )
    values = {
        "finance_barrier_mean": finance_mean,
        "finance_barrier_share": finance_share,
        "rent_mean": rent["mean_importance"],
        "rent_share": rent["share"],
    }
    cash_flow = (
        "assumption: cash-flow problems read as Table 9's access-to-finance barrier; the "
        "survey asks about access to finance, not cash flow"
    )
    comparisons = (
        compare(
            "many hampered by cash-flow problems (finance barrier cited by most respondents)",
            finance_share > 50,
            rests_on=cash_flow,
        ),
        compare(
            "cash-flow problems the main barrier (finance rated most important)",
            bool(most_important),
            rests_on=cash_flow,
        ),
        compare("lower rent the most important motive for relocation", rent_rank == 1),
        compare("lower rent cited by many respondents (half or more)", rent["share"] >= 50),
    )
    return Evidence(sentence, values, comparisons)


# --- Tables 4 and 5: age and activity --------------------------------------------------------


def evidence_younger() -> Evidence:
    """Table 4: firm age inside (pooled and by park) and outside technoparks."""
    table = rows(load("table-04"), variable="firm_age")
    inside_avg, _ = _printed(table, firms="in_tp", park=None, measure="average")
    inside_median, _ = _printed(table, firms="in_tp", park=None, measure="median")
    outside_avg, _ = _printed(table, firms="out_tp", measure="average")
    outside_median, _ = _printed(table, firms="out_tp", measure="median")
    parks = rows(table, firms="in_tp", measure="average").dropna(subset=["park"])
    known = parks.dropna(subset=["value"]).sort_values("value")
    missing = parks[parks["value"].isna()]["park"].tolist()
    every = (
        "every park with data is younger"
        if (known["value"] < outside_avg).all()
        else ("not every park is younger")
    )
    no_data = f"; no figure for {_listing(missing)}" if missing else ""
    sentence = (
        f"Technopark firms are on average {inside_avg:.0f} years old (median {inside_median:.0f})"
        f" against {outside_avg:.0f} (median {outside_median:.0f}) for firms outside (Table 4); "
        f"by park the average runs from {known.iloc[0]['value']:.0f} ({known.iloc[0]['park']}) "
        f"to {known.iloc[-1]['value']:.0f} ({known.iloc[-1]['park']}), so {every}{no_data}."
    )
    values = {
        "inside_average": inside_avg,
        "inside_median": inside_median,
        "outside_average": outside_avg,
        "outside_median": outside_median,
        "oldest_park_average": float(known.iloc[-1]["value"]),
    }
    comparisons = (
        compare("average age below firms outside", inside_avg < outside_avg),
        compare("median age below firms outside", inside_median < outside_median),
        compare(
            "every park with data below the outside average",
            bool((known["value"] < outside_avg).all()),
        ),
    )
    return Evidence(sentence, values, comparisons)


def evidence_production_services_balance() -> Evidence:
    """Table 5: manufacturing and service firms in technoparks, pooled and by park."""
    table = rows(load("table-05"), firms="in_tp", measure="n_firms")
    total = float(cell(table, park=None, activity="total")["value"])
    manufacturing = float(cell(table, park=None, activity="manufacturing")["value"])
    services = float(cell(table, park=None, activity="services")["value"])
    printed_shares = rows(load("table-05"), firms="in_tp", measure="share_of_firms")
    man_printed = cell(printed_shares, activity="manufacturing")["printed"]
    ser_printed = cell(printed_shares, activity="services")["printed"]
    parks = table.dropna(subset=["park"])
    sizes = parks[parks["activity"] == "total"].sort_values("value")
    largest = sizes.iloc[-1]["park"]

    def split(park: str) -> tuple[float, float]:
        return (
            float(cell(parks, park=park, activity="manufacturing")["value"]),
            float(cell(parks, park=park, activity="services")["value"]),
        )

    big_m, big_s = split(largest)
    others = [
        f"{p} {split(p)[0]:.0f} vs {split(p)[1]:.0f}"
        for p in parks["park"].unique()
        if p != largest
    ]
    tenants = rows(load("table-02"), attribute="tenants_2004").set_index("park")["value"]
    big_tenants = float(tenants[largest])
    sentence = (
        f"Of the {total:.0f} technopark firms in Table 5, {manufacturing:.0f} ({man_printed}) "
        f"are in manufacturing and {services:.0f} ({ser_printed}) in services (recomputed "
        f"{_pct(share(manufacturing, total))} and {_pct(share(services, total))}). "
        f"{largest} accounts for {big_m + big_s:.0f} of them, split {big_m:.0f} and "
        f"{big_s:.0f}; manufacturing vs services in the other parks: {_listing(others)}. "
        f"{largest}'s {big_m + big_s:.0f} firms are more than its {big_tenants:.0f} tenants in "
        f"Table 2 (audit finding {PPV_FINDING})."
    )
    values = {
        "total": total,
        "manufacturing": manufacturing,
        "services": services,
        "manufacturing_share": share(manufacturing, total),
        "largest_park_firms": big_m + big_s,
        "largest_park_tenants": big_tenants,
    }

    def balanced(m: float, s: float) -> bool:
        return max(m, s) <= ROUGHLY_EQUAL_SHARE / 100 * (m + s)

    # A count above the park's tenants is the audit's inconsistency: what rests on it
    # is an assumption (that Table 5's count is right).
    doubtful = (
        f"assumption: Table 5's {big_m + big_s:.0f} {largest} firms, more than its "
        f"{big_tenants:.0f} tenants in Table 2 (audit finding {PPV_FINDING})"
        if big_m + big_s > big_tenants
        else None
    )
    comparisons = (
        compare(
            f"pooled over the parks: neither kind above {ROUGHLY_EQUAL_SHARE:.0f}% of firms",
            balanced(manufacturing, services),
            rests_on=doubtful,
        ),
        *(
            compare(
                f"{p} ({split(p)[0]:.0f} manufacturing vs {split(p)[1]:.0f} services): neither "
                f"kind above {ROUGHLY_EQUAL_SHARE:.0f}% of firms",
                balanced(*split(p)),
                rests_on=doubtful if p == largest else None,
            )
            for p in parks["park"].unique()
        ),
    )
    return Evidence(sentence, values, comparisons)


# --- Table 12: services ----------------------------------------------------------------------


def service_use_rates() -> pd.DataFrame:
    """Table 12 as rates: share of each park's tenants using each service (%)."""
    table = load("table-12")
    records = []
    for park in table["park"].unique():
        tenants = float(cell(table, park=park, measure="n_firms_in_park")["value"])
        used = rows(table, park=park, measure="n_firms_using")
        for r in used.itertuples():
            records.append(
                {
                    "park": park,
                    "service": r.service,
                    "n_tenants": tenants,
                    "n_using": r.value,
                    "rate": share(r.value, tenants),
                }
            )
    return pd.DataFrame.from_records(records)


def evidence_services_differ() -> Evidence:
    """Table 12: use rates of each service in the two parks reported."""
    rates = service_use_rates()
    first, second = rates["park"].unique()
    wide = rates.pivot(index="service", columns="park", values="rate")
    order = rates[rates["park"] == first]["service"].tolist()
    sizes = rates.groupby("park")["n_tenants"].first()
    pairs = _listing(
        [
            f"{s.replace('_', ' ')} {_pct(wide.at[s, first])} vs {_pct(wide.at[s, second])}"
            for s in order
        ]
    )
    sentence = (
        f"Share of tenants using each service (Table 12), {first} ({sizes[first]:.0f} firms) "
        f"vs {second} ({sizes[second]:.0f} firms): {pairs}."
    )
    values = {f"{p}_{s}": r for p, s, r in rates[["park", "service", "rate"]].itertuples(False)}
    values |= {f"{first}_max": float(wide[first].max()), f"{second}_max": wide[second].max()}
    joint = rows(load("table-02"), attribute="joint_services")["text"].dropna()
    comparisons = (
        compare(
            "use of the parks' services differs (most used service, by at least half the tenants)",
            abs(wide[first].max() - wide[second].max()) >= 50,
        ),
        compare("the joint services of Table 2 differ from park to park", joint.nunique() > 1),
    )
    return Evidence(sentence, values, comparisons)


# --- Section 4 summary: the synthesis --------------------------------------------------------


def evidence_business_incubators_summary() -> Evidence:
    """Tables 6 and 7 and Figure 4 together: local, traditional, no more innovative."""
    local = evidence_local_market().values
    traditional = evidence_traditional_sectors().values
    innovative = evidence_no_more_innovative().values
    sentence = (
        f"On average {local['local']:.0f}% of technopark firms' sales are local (Table 7); "
        f"{traditional['traditional']:.0f} of the {traditional['total']:.0f} classified "
        f"tenants ({_pct(traditional['traditional_share'])}) are in traditional activities "
        f"(Table 6); on the local and national markets their shares of innovators are within "
        f"{innovative['largest_domestic_gap']:.1f} percentage points of firms outside "
        "(Figure 4). No table measures incubation."
    )
    values = {
        "local": local["local"],
        "traditional_share": traditional["traditional_share"],
        "largest_domestic_gap": innovative["largest_domestic_gap"],
    }
    comparisons = (
        compare("sales mostly local", local["local"] > 50),
        compare("most tenants in traditional activities", traditional["traditional_share"] > 50),
        compare(
            "no more innovative than firms outside on the local and national markets",
            innovative["largest_domestic_gap"] <= NEARLY_EQUAL_POINTS,
        ),
        compare("the parks work as business incubators: no table measures incubation", None),
    )
    return Evidence(sentence, values, comparisons)
