"""Tables 11 and 12: the value the parks add, as the firms and the directors see it, and
the use of the parks' services."""

from __future__ import annotations

from ...data import recompute as rc
from ..model import QUOTES, Audit, quoted
from .common import by_park, fmt, numbers_in, printed_of, verify_granularity

# --------------------------------------------------------------------------------------
# Table 11 and the directors' scores of Table 2


def table_11(audit: Audit) -> None:
    t = audit.table("table-11")
    means = {f: rc.cell(t, firms=f, measure="mean_value_added") for f in ("in_tp", "out_tp")}
    counts = {f: int(rc.cell(t, firms=f, measure="n_firms")["value"]) for f in means}
    for firms, row in means.items():
        verify_granularity(
            audit,
            f"table-11-{firms.replace('_', '-')}-granularity",
            ["table-11"],
            f"Table 11, {'In TP' if firms == 'in_tp' else 'Out TP'} column",
            printed_of(row),
            counts[firms],
        )
    text_in, _, text_out = numbers_in(QUOTES["value-added"])
    audit.verify(
        (text_in, text_out) == (means["in_tp"]["value"], means["out_tp"]["value"]),
        "table-11-text-ratings",
        ["table-11"],
        "Section 4, paragraph before Table 11",
        "Text's average ratings inside and outside technoparks = Table 11",
        [text_in, text_out],
        [float(means["in_tp"]["value"]), float(means["out_tp"]["value"])],
        category="text",
    )

    scores = by_park(rc.rows(audit.table("table-02"), attribute="value_added_score"))
    audit.find(
        "text-directors-wrong-table",
        ["table-11", "table-02", "table-01"],
        "error",
        "text",
        printed="see Table 1",
        recomputed="Table 2",
        where="Section 4, paragraph before Table 11",
        message="The text cites Table 1 for the technopark directors' perception of value added, "
        "but Table 1 is about R&D expenditure; the directors' scores are Table 2's 'Estimated "
        "value added of TP' row.",
        quote=quoted("directors"),
    )
    low, high = numbers_in(QUOTES["directors"])[:2]
    lo, hi = min(scores.values()), max(scores.values())
    if (lo, hi) != (low, high):
        at_or_above = [p for p, v in scores.items() if v >= means["in_tp"]["value"]]
        audit.find(
            "text-directors-range",
            ["table-11", "table-02"],
            "inconsistency",
            "text",
            printed=[low, high],
            recomputed={"range": [lo, hi], "mean": round(rc.mean_of(scores.values()), 2)},
            where="Section 4, paragraph before Table 11, against Table 2",
            message="Table 2 gives the directors' scores as "
            + ", ".join(f"{fmt(v)} ({p})" for p, v in scores.items())
            + f": a range of {fmt(lo)} to {fmt(hi)}, not {fmt(low)} to {fmt(high)}"
            + (
                f"; {' and '.join(at_or_above)}'s is not lower than the tenants' "
                f"{printed_of(means['in_tp'])}."
                if at_or_above
                else "."
            ),
            quote=quoted("directors"),
        )


# --------------------------------------------------------------------------------------
# Table 12


def table_12(audit: Audit) -> None:
    t = audit.table("table-12")
    tenants = by_park(rc.rows(audit.table("table-02"), attribute="tenants_2004"))
    in_park = by_park(rc.rows(t, measure="n_firms_in_park"))
    audit.verify(
        all(tenants[p] == v for p, v in in_park.items()),
        "table-12-firms-equal-table-02-tenants",
        ["table-12", "table-02"],
        "Table 12, row labels",
        "Firms per park in the row labels = Table 2's tenants as of 2004",
        in_park,
        {p: tenants[p] for p in in_park},
        category="cross-table",
    )
    use = rc.rows(t, measure="n_firms_using")

    def used(park):
        return rc.rows(use, park=park).set_index("service")["value"]

    kgp = used("KGP")
    kgp_n = in_park["KGP"]
    stated_kgp = numbers_in(QUOTES["services-use"])[0]
    most = [s for s, v in kgp.items() if v >= kgp_n - 1]
    audit.verify(
        kgp_n == stated_kgp and len(most) >= 3,
        "table-12-text-karaganda",
        ["table-12"],
        "Section 4, paragraph before Table 12",
        "'Almost all' of KGP's firms used the services: "
        + ", ".join(f"{s.replace('_', ' ')} {fmt(v)}" for s, v in kgp.items())
        + f" of {fmt(kgp_n)}",
        stated_kgp,
        {s: float(v) for s, v in kgp.items()},
        category="text",
    )
    abi = used("ABI")
    abi_n = in_park["ABI"]
    stated_share = numbers_in(QUOTES["services-use"])[1]
    matching = [s for s, v in abi.items() if rc.agrees(fmt(stated_share), rc.share(v, abi_n))]
    audit.find(
        "text-table-12-almaty-naming",
        ["table-12", "table-02"],
        "ambiguity",
        "text",
        printed="only 20% of Almaty technopark firms",
        recomputed={
            f"ABI {s.replace('_', ' ')} (%)": round(rc.share(v, abi_n), 1) for s, v in abi.items()
        },
        where="Section 4, paragraph before Table 12",
        message=f"The {fmt(stated_share)}% is ABI's share (the Almaty Business Incubator, "
        "the only Almaty park in Table 12; the paper uses 'technopark' generically) for "
        + " and ".join(f"{s.replace('_', ' ')} {fmt(abi[s])}/{fmt(abi_n)}" for s in matching)
        + ", its most used services; for ABI's other services the share is lower ("
        + ", ".join(
            f"{s.replace('_', ' ')} {fmt(rc.share(v, abi_n), 1)}%"
            for s, v in abi.items()
            if s not in matching
        )
        + "), so 'only 20% ... have done so' holds for the most used services, not for each of "
        "the various services.",
        quote=quoted("services-use"),
    )
