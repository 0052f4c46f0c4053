"""Tables 5 and 6: what the firms do (manufacturing or services, and which activities)."""

from __future__ import annotations

import itertools

from ...data import recompute as rc
from ...data.parks import park_codes
from ..model import QUOTES, Audit, quoted
from .common import (
    by_park,
    fmt,
    numbers_in,
    parks_reported,
    printed_of,
    table_05_by_park,
    table_05_total,
    tenants_2004,
)

# --------------------------------------------------------------------------------------
# Table 5


def table_05(audit: Audit) -> None:
    _row_totals(audit)
    _sums_of_parks(audit)
    _shares(audit)
    _text_services(audit)
    _firms_vs_tenants(audit)
    _outside_vs_surveyed(audit)
    _balance_driven_by_biggest_park(audit)


def _row_totals(audit: Audit) -> None:
    """Each column's Total = manufacturing + services."""
    t = audit.table("table-05")
    columns = [("in_tp", p) for p in [*park_codes(), None]] + [("out_tp", None)]
    for firms, park in columns:
        rows = rc.rows(t, firms=firms, park=park, measure="n_firms")
        if rows.empty:
            continue
        by = rows.set_index("activity")["value"]
        label = park or ("in technoparks" if firms == "in_tp" else "outside technoparks")
        audit.verify(
            by["total"] == by["manufacturing"] + by["services"],
            f"table-05-{(park or firms).lower().replace('_', '-')}-row-total",
            ["table-05"],
            f"Table 5, Total row, {label}",
            f"Total firms {label} = manufacturing + services",
            float(by["total"]),
            float(by["manufacturing"] + by["services"]),
        )


def _sums_of_parks(audit: Audit) -> None:
    """Each row's Total column = the sum of the parks."""
    t = audit.table("table-05")
    for activity in ["manufacturing", "services", "total"]:
        total = rc.cell(t, firms="in_tp", park=None, activity=activity, measure="n_firms")
        parks = rc.rows(t, firms="in_tp", activity=activity, measure="n_firms").dropna(
            subset=["park"]
        )
        audit.verify(
            rc.compare(activity, total, parks["value"].sum()).agrees,
            f"table-05-{activity}-sum-of-parks",
            ["table-05"],
            f"Table 5, {activity.capitalize()} row, Total column",
            f"{activity.capitalize()} firms in technoparks = sum of the {len(parks)} parks",
            printed_of(total),
            parks["value"].sum(),
        )


def _shares(audit: Audit) -> None:
    """The Shares columns = the counts over the Total, inside and outside."""
    t = audit.table("table-05")
    for firms in ["in_tp", "out_tp"]:
        sub = rc.rows(t, firms=firms, park=None)
        whole = float(rc.cell(sub, activity="total", measure="n_firms")["value"])
        for activity in ["manufacturing", "services", "total"]:
            count = float(rc.cell(sub, activity=activity, measure="n_firms")["value"])
            printed = rc.cell(sub, activity=activity, measure="share_of_firms")
            audit.verify(
                rc.compare(activity, printed, rc.share(count, whole)).agrees,
                f"table-05-{firms.replace('_', '-')}-{activity}-share",
                ["table-05"],
                f"Table 5, {activity.capitalize()} row, Shares "
                f"({'inside' if firms == 'in_tp' else 'outside'} technoparks)",
                f"Share of {activity} = {fmt(count)} / {fmt(whole)}",
                printed_of(printed),
                round(rc.share(count, whole), 1),
                category="percentage",
            )


def _text_services(audit: Audit) -> None:
    """'Almost half ... (45%) are service oriented', and manufacturing outside."""
    t = audit.table("table-05")
    services_share = rc.cell(
        t, firms="in_tp", park=None, activity="services", measure="share_of_firms"
    )
    out_manuf = rc.cell(
        t, firms="out_tp", park=None, activity="manufacturing", measure="share_of_firms"
    )
    audit.verify(
        numbers_in(QUOTES["services-45"])[0] == services_share["value"] and out_manuf["value"] > 50,
        "table-05-text-services",
        ["table-05"],
        "Section 4, paragraph after Table 5",
        "Text's share of technopark firms in services = Table 5; firms outside mainly in "
        "manufacturing",
        numbers_in(QUOTES["services-45"])[0],
        {
            "services inside": printed_of(services_share),
            "manufacturing outside": printed_of(out_manuf),
        },
        category="text",
    )


def _firms_vs_tenants(audit: Audit) -> None:
    """A park with more firms in Table 5 than tenants in Table 2."""
    t5 = table_05_by_park(audit)
    tenants = tenants_2004(audit)
    for park in [p for p, v in t5.items() if v > tenants[p]]:
        others = ", ".join(f"{p} {fmt(t5[p])} vs {fmt(tenants[p])}" for p in t5 if p != park)
        audit.find(
            f"table-05-{park.lower()}-firms-exceed-tenants",
            ["table-05", "table-02"],
            "inconsistency",
            "cross-table",
            printed={"Table 5 firms": t5, "Table 2 tenants 2004": {p: tenants[p] for p in t5}},
            recomputed=None,
            where=f"Table 5, {park} column, against Table 2 (Tenants as of 2004)",
            message=f"Table 5 counts {fmt(t5[park])} firms in {park}, "
            f"{fmt(t5[park] / tenants[park], 1)} times the "
            f"{fmt(tenants[park])} tenants Table 2 gives for {park} in 2004, while for the other "
            f"parks Table 5 counts fewer firms than Table 2's tenants ({others}).",
        )


def _outside_vs_surveyed(audit: Audit) -> None:
    """More firms outside technoparks than the methodology says were surveyed."""
    out_total = table_05_total(audit, "out_tp")
    surveyed = numbers_in(QUOTES["outside-24"])[0]
    if out_total > surveyed:
        audit.find(
            "table-05-outside-firms-exceed-surveyed",
            ["table-05"],
            "inconsistency",
            "cross-table",
            printed={"Table 5 firms outside": out_total, "methodology": surveyed},
            recomputed=None,
            where="Table 5, Firms outside technoparks column, against Section 4, Methodology",
            message=f"Table 5 counts {fmt(out_total)} firms outside technoparks, more than the "
            f"{fmt(surveyed)} off-technopark firms the methodology says were surveyed.",
            quote=quoted("outside-24"),
        )


def _balance_driven_by_biggest_park(audit: Audit) -> None:
    """'roughly equal numbers' of manufacturing and services firms: which park makes it so."""
    t = audit.table("table-05")
    t5 = by_park(rc.rows(t, firms="in_tp", activity="total", measure="n_firms"))
    by_activity = {
        act: by_park(rc.rows(t, firms="in_tp", activity=act, measure="n_firms"))
        for act in ["manufacturing", "services"]
    }
    biggest = max(t5, key=t5.get)
    rest = {act: sum(v for p, v in d.items() if p != biggest) for act, d in by_activity.items()}
    pooled = {act: sum(d.values()) for act, d in by_activity.items()}
    if rest["manufacturing"] >= 1.5 * rest["services"]:
        audit.find(
            "text-table-05-balance-driven-by-ppv",
            ["table-05"],
            "note",
            "text",
            printed={"manufacturing": pooled["manufacturing"], "services": pooled["services"]},
            recomputed={
                f"without {biggest}": rest,
                f"manufacturing share without {biggest} (%)": round(
                    rc.share(rest["manufacturing"], sum(rest.values())), 1
                ),
            },
            where="Section 4, summary after Table 13 (on Table 5)",
            message=f"The pooled split ({fmt(pooled['manufacturing'])} manufacturing, "
            f"{fmt(pooled['services'])} services) is roughly equal because {biggest}, with "
            f"{fmt(t5[biggest])} of the {fmt(sum(t5.values()))} firms, has "
            f"{fmt(by_activity['manufacturing'][biggest])} of each kind; in the other three "
            f"parks manufacturing firms outnumber services firms {fmt(rest['manufacturing'])} "
            f"to {fmt(rest['services'])}.",
            quote=quoted("roughly-equal"),
            related=("table-05-ppv-firms-exceed-tenants",),
        )


# --------------------------------------------------------------------------------------
# Table 6


def table_06(audit: Audit) -> None:
    t = audit.table("table-06")
    total = rc.cell(t, is_summary=True)
    parts = t[~t["is_summary"]]["value"].sum()
    audit.verify(
        rc.compare("total", total, parts).agrees,
        "table-06-total",
        ["table-06"],
        "Table 6, Total",
        f"Total = sum of the {int((~t['is_summary']).sum())} activities",
        printed_of(total),
        parts,
    )
    t5_total = table_05_total(audit, "in_tp")
    tenants = tenants_2004(audit)
    four_sums = sorted({int(sum(c)) for c in itertools.combinations(tenants.values(), 4)})
    if float(total["value"]) != t5_total:
        audit.find(
            "table-06-total-vs-table-05",
            ["table-06", "table-05", "table-02"],
            "inconsistency",
            "cross-table",
            printed={"Table 6 total": float(total["value"]), "Table 5 total": t5_total},
            recomputed={"Table 2 tenants of any four parks": four_sums},
            where="Table 6, Total, against Table 5, Total",
            message=f"Table 6 counts {printed_of(total)} tenant firms 'in four technoparks' and "
            f"Table 5 {fmt(t5_total)} firms in its four "
            f"({', '.join(parks_reported(audit, 'table-05'))}); no four parks' 2004 tenants in "
            f"Table 2 add up to {printed_of(total)} (the sums run "
            f"from {four_sums[0]} to {four_sums[-1]}), so the two tables cannot count the same "
            "firms unless Table 6 covers a sub-sample it does not name.",
        )
    sets = {
        name: parks_reported(audit, name)
        for name in ["table-04", "table-05", "table-07", "table-08", "table-09", "table-12"]
    }
    described = "; ".join(f"Table {int(n[-2:])}: {', '.join(p)}" for n, p in sets.items())
    audit.find(
        "table-06-which-four-parks",
        ["table-06"],
        "ambiguity",
        "structure",
        printed="Activities of tenant-firms in four technoparks",
        recomputed=None,
        where="Table 6, title",
        message="Table 6 does not say which four of the five parks it covers, and the firm-level "
        f"tables name different sets ({described}).",
        quote=quoted("table-6-title"),
    )
