"""Tables 1 and 2: R&D by sector, and the five parks with the prose that cites them."""

from __future__ import annotations

from ...data import recompute as rc
from ..model import QUOTES, Audit, quoted
from .common import NUMBER_WORDS, by_park, fmt, numbers_in, printed_of, tenants_2004

# --------------------------------------------------------------------------------------
# Table 1


def table_01(audit: Audit) -> None:
    t = audit.table("table-01")
    total = rc.cell(t, region="Kazakhstan", sector="business_enterprise")
    parts = rc.rows(t, region="Kazakhstan", parent_sector="business_enterprise")["value"]
    audit.verify(
        rc.compare("KZ business", total, parts.sum()).agrees,
        "table-01-kz-business-sum",
        ["table-01"],
        "Table 1, Kazakhstan, Business Enterprise Sector",
        "Business enterprise share = in-house R&D + design bureaus",
        printed_of(total),
        round(parts.sum(), 1),
    )

    main = rc.rows(t, parent_sector=None)
    regions = list(dict.fromkeys(main["region"]))
    printed = {r: rc.rows(main, region=r)["value"].tolist() for r in regions}
    sums = {r: round(sum(v), 1) for r, v in printed.items()}
    if any(not rc.is_close(s, 100.0) for s in sums.values()):
        listed = ", ".join(f"{s:.1f}% for {r}" for r, s in sums.items())
        audit.find(
            "table-01-sectors-not-100",
            ["table-01"],
            "note",
            "arithmetic",
            printed=printed,
            recomputed=sums,
            where="Table 1, the three sector rows of each column",
            message=f"The three printed sectors add up to {listed}, not 100%: the table does "
            "not print the other performers of R&D (possibly private non-profit bodies and "
            "abroad), so the shares are not a complete split of GERD.",
        )

    kz_year = int(rc.cell(t, region="Kazakhstan", sector="business_enterprise")["year"])
    text_year, text_share = numbers_in(QUOTES["year-2000"])
    if int(text_year) != kz_year:
        audit.find(
            "text-table-01-year",
            ["table-01"],
            "inconsistency",
            "text",
            printed={"text": int(text_year), "Table 1 heading": kz_year},
            recomputed=None,
            where="Section 3, paragraph after Table 1",
            message=f"The text dates Kazakhstan's {fmt(text_share)}% business share to "
            f"{int(text_year)}, while Table 1 heads the same figure 'Kazakhstan, {kz_year}'.",
            quote=quoted("year-2000"),
        )

    kz = float(total["value"])
    ratios = {
        r: round(float(rc.cell(t, region=r, sector="business_enterprise")["value"]) / kz, 2)
        for r in regions
        if r != "Kazakhstan"
    }
    others = {r: int(rc.cell(t, region=r, sector="business_enterprise")["year"]) for r in ratios}
    phrases = [
        f"{r}'s{' business share' if i == 0 else ''} "
        f"({printed_of(rc.cell(t, region=r, sector='business_enterprise'))}%) is {fmt(v, 1)} "
        f"times{f' Kazakhstan{chr(39)}s {fmt(kz)}%' if i == 0 else ''}"
        for i, (r, v) in enumerate(ratios.items())
    ]
    described = " and ".join(phrases)
    audit.find(
        "text-table-01-three-times-lower",
        ["table-01"],
        "note",
        "text",
        printed="three times lower",
        recomputed=ratios,
        where="Section 3, paragraph after Table 1",
        message=f"In Table 1, {described}, so "
        "'three times lower' holds as a round figure; the comparison sets Kazakhstan in "
        f"{kz_year} against {', '.join(str(y) for y in sorted(set(others.values())))} for the "
        "others.",
        quote=quoted("three-times"),
    )


# --------------------------------------------------------------------------------------
# Table 2 (and the text about the parks that cites it)


def table_02(audit: Audit) -> None:
    _tenant_claims(audit)
    _survival_row(audit)
    _turnover_per_enterprise(audit)


def _tenant_claims(audit: Audit) -> None:
    """The prose's range of tenants, 'not all commercially active' and 'five parks'."""
    t = audit.table("table-02")
    tenants = tenants_2004(audit)
    low, high = numbers_in(QUOTES["tenants"])[:2]
    audit.verify(
        (min(tenants.values()), max(tenants.values())) == (low, high),
        "table-02-tenant-range",
        ["table-02"],
        "Section 4, paragraph after Table 2",
        "Text's range of tenants = smallest and largest tenants as of 2004",
        [int(low), int(high)],
        [min(tenants.values()), max(tenants.values())],
        category="text",
        quote=quoted("tenants"),
    )
    active = by_park(rc.rows(t, attribute="commercially_active_tenants").dropna(subset=["value"]))
    audit.verify(
        any(v < 100 for v in active.values()),
        "table-02-not-all-active",
        ["table-02"],
        "Section 4, paragraph after Table 2",
        "'not all of which are commercially active': some parks print less than all tenants active",
        "not all",
        active,
        category="text",
    )
    n_parks = t["park"].nunique()
    stated = next(NUMBER_WORDS[w] for w in QUOTES["five-parks"].split() if w in NUMBER_WORDS)
    audit.verify(
        n_parks == stated,
        "table-02-five-parks",
        ["table-02"],
        "Section 4, Methodology",
        "'five major technoparks (see Table 2)' = parks in Table 2",
        "five",
        n_parks,
        category="text",
    )


def _survival_row(audit: Audit) -> None:
    """A survival-rate row with fewer values than parks: which parks do they belong to?"""
    survival = rc.rows(audit.table("table-02"), attribute="survival_rate")
    shown = [p for p in survival["printed"] if isinstance(p, str) and p]
    if len(shown) < survival["park"].nunique():
        audit.find(
            "table-02-survival-rate-row",
            ["table-02"],
            "ambiguity",
            "structure",
            printed=shown,
            recomputed=None,
            where="Table 2, Rate of survival row",
            message=f"The Rate of survival row prints {len(shown)} values "
            f"({', '.join(shown)}) for {survival['park'].nunique()} parks; the data read them "
            "as ABI, ATP and PPV by the spacing of the text, but ABI, ATP and KGP is also "
            "possible, so the last value may be PPV's or KGP's.",
            rests_on="transcription reading: the row's values placed by the spacing of the "
            "flattened text",
        )


def _turnover_per_enterprise(audit: Audit) -> None:
    """'around $5000' per enterprise: turnover over all tenants or over the active ones.

    The result rests on the denominator, which the paper does not give: Table 2's 2004
    tenants, or those tenants times its share of commercially active tenants (where a park
    prints no share, all its tenants are counted).
    """
    t = audit.table("table-02")
    tenants = tenants_2004(audit)
    active_share = by_park(
        rc.rows(t, attribute="commercially_active_tenants").dropna(subset=["value"])
    )
    turnover = rc.rows(t, attribute="tenant_turnover").dropna(subset=["value"])
    parks = list(turnover["park"])
    value = dict(zip(parks, turnover["value"].astype(float), strict=True))
    year = dict(zip(parks, turnover["reference_year"], strict=True))
    bases = {
        "all 2004 tenants": {p: float(tenants[p]) for p in parks},
        "commercially active tenants": {
            p: tenants[p] * active_share.get(p, 100.0) / 100 for p in parks
        },
    }
    claimed = numbers_in(QUOTES["turnover"])[-1] / 1000
    recomputed = {}
    parts = []
    for basis, firms in bases.items():
        per_firm = {p: round(value[p] / firms[p], 2) for p in parks}
        pooled = round(sum(value.values()) / sum(firms.values()), 2)
        recomputed[basis] = {**per_firm, "pooled": pooled}
        near = [p for p in parks if rc.agrees(fmt(claimed), per_firm[p])]
        verdict = (
            "both parks reproduce it"
            if len(near) == len(parks)
            else f"only {' and '.join(near)} reproduces it"
            if near
            else "neither park reproduces it"
        )
        parts.append(
            f"over {basis} "
            + ", ".join(
                f"${fmt(per_firm[p], 1)} thousand at {p} (${fmt(value[p])}K / {fmt(firms[p])})"
                for p in parks
            )
            + f", ${fmt(pooled, 1)} thousand pooled: {verdict}"
        )
    no_share = [p for p in parks if p not in active_share]
    audit.find(
        "text-turnover-per-enterprise",
        ["table-02"],
        "note",
        "text",
        printed="around $5000",
        recomputed=recomputed,
        where="Section 4, paragraph after Table 2",
        message="Whether 'around $5000' per enterprise reproduces depends on the denominator, "
        "which the paper does not give: "
        + "; ".join(parts)
        + (
            f" ({' and '.join(no_share)} prints no share of active tenants, so all its "
            "tenants are counted)"
            if no_share
            else ""
        )
        + ". The two turnovers refer to different years ("
        + ", ".join(str(int(year[p])) for p in parks)
        + ").",
        rests_on="assumption: the denominator of turnover per enterprise (all 2004 tenants or "
        "the commercially active ones of Table 2), which the paper does not state",
        quote=quoted("turnover"),
    )
