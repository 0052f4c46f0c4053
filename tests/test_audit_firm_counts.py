"""Every firm count against every other (helpers/audit/checks/firm_counts.py)."""

from __future__ import annotations

import math

from conftest import read_rows, write_rows

from helpers import audit
from helpers.audit.checks.common import numbers_in
from helpers.audit.checks.firm_counts import (
    QUOTED,
    REPORTED,
    Comparison,
    comparison_frame,
    comparisons,
    firm_counts,
)
from helpers.audit.model import QUOTES
from helpers.data import recompute as rc
from helpers.data.datapackage import load


def _counts():
    return {c.count_id: c for c in firm_counts(load("audit-firm-counts"))}


def _range(values) -> tuple[int, float]:
    return (values[0], values[-1])


def test_every_stated_count_is_the_printed_number():
    counts = _counts()
    for park in ("ABI", "ATP", "KGP", "PPV", "KST"):
        t2 = rc.cell(load("table-02"), park=park, attribute="tenants_2004")["value"]
        assert counts[f"table-02-tenants-2004-{park.lower()}"].low == t2
    for park in ("ABI", "KGP"):
        t12 = rc.cell(load("table-12"), park=park, measure="n_firms_in_park")["value"]
        assert counts[f"table-12-firms-{park.lower()}"].low == t12
    t5 = load("table-05")
    for park in ("ABI", "ATP", "KGP", "PPV"):
        value = rc.cell(t5, firms="in_tp", park=park, activity="total", measure="n_firms")
        assert counts[f"table-05-firms-{park.lower()}"].low == value["value"]
    assert counts["table-06-total"].low == rc.cell(load("table-06"), is_summary=True)["value"]
    for name in ("table-08", "table-09"):
        heading = rc.cell(load(name), measure="sample_size")["value"]
        assert counts[f"{name}-heading"].low == heading
    assert counts["table-13-n-out-tp"].low == 25 and counts["table-11-firms-out-tp"].low == 23
    # counts the text names are read from the quoted sentence
    for count_id, key in QUOTED.items():
        assert counts[count_id].low in numbers_in(QUOTES[key]), count_id
    assert counts["table-07-replies"].low == numbers_in(QUOTES["table-7-source"])[0]


def test_every_implied_count_recomputes_from_the_tables():
    counts = _counts()
    t4 = load("table-04")
    total = 0
    for park in ("ABI", "ATP", "KGP", "PPV"):
        employment = rc.cell(t4, firms="in_tp", park=park, variable="employment", measure="total")
        mean = rc.cell(t4, firms="in_tp", park=park, variable="employment", measure="average")
        implied = rc.counts_reproducing_mean(float(employment["value"]), mean["printed"])
        c = counts[f"table-04-implied-firms-{park.lower()}"]
        assert (c.low, c.high) == _range(implied), park
        total += c.low
    assert counts["table-04-implied-firms-in-tp"].low == total == 121
    out = rc.counts_reproducing_mean(1781, "61")
    assert (counts["table-04-implied-firms-out-tp"].low,) == tuple(out) == (29,)
    assert counts["table-08-shares-imply"].low == min(rc.denominators("50.0%", count=19)) == 38
    assert 39 in rc.denominators("87%", count=34) and counts["table-09-shares-imply"].low == 39
    assert counts["table-02-commercially-active-atp"].low == 8 and rc.agrees("30%", rc.share(8, 27))
    assert not rc.agrees("30%", rc.share(9, 27)) and not rc.agrees("30%", rc.share(7, 27))
    assert math.isinf(counts["text-links-46"].high)


def test_comparisons_pair_the_same_firms_and_parts_with_their_whole():
    found = comparisons(_counts().values())
    same = {(c.first.count_id, c.second.count_id) for c in found if c.relation == "same"}
    assert ("table-05-firms-abi", "table-04-implied-firms-abi") in same
    part = {(c.first.count_id, c.second.count_id) for c in found if c.relation == "part of"}
    assert ("table-05-firms-ppv", "table-02-tenants-2004-ppv") in part
    assert ("table-13-n-out-tp", "text-outside-24") in part
    # counts of different populations or parks are never set against each other
    assert not any(c.relation == "same" and c.first.park != c.second.park for c in found)


def test_ranges_overlap_and_parts_fit():
    c = _counts()
    assert Comparison("same", c["table-05-firms-in-tp"], c["table-04-implied-firms-in-tp"]).agrees
    assert not Comparison("same", c["text-outside-24"], c["table-04-implied-firms-out-tp"]).agrees
    assert Comparison("part of", c["text-links-46"], c["table-06-total"]).agrees
    assert not Comparison("part of", c["text-links-46"], c["table-13-n-in-tp"]).agrees


def test_disagreements_are_reported_once():
    frame = comparison_frame(_counts().values())
    ids = {f.id for f in audit.findings()}
    disagree = frame[frame["Agree"] == "no"]
    assert set(disagree["Reported as"]) <= ids
    assert set(REPORTED.values()) <= ids
    new = {"firm-counts-surveyed-firms-out-tp", "firm-counts-surveyed-firms-in-tp-by-park"}
    assert set(disagree["Reported as"]) - set(REPORTED.values()) == new
    every_id = set(_counts())
    assert {i for pair in REPORTED for i in pair} <= every_id


def test_the_new_disagreements_say_what_they_rest_on():
    outside = audit.finding("firm-counts-surveyed-firms-out-tp")
    assert outside.severity == "inconsistency" and outside.rests_on is None
    assert "Methodology (24) against Table 4 (implies 29)" in outside.message
    assert "the employment of 1781 over the printed average of 61 per firm" in outside.message
    assert "sample-sizes-across-tables" in outside.related
    by_park = audit.finding("firm-counts-surveyed-firms-in-tp-by-park")
    assert by_park.severity == "ambiguity" and by_park.rests_on.startswith("assumption: ")
    assert "ABI: Table 5 (12) against Table 4 (implies 23-24)" in by_park.message
    assert {"table-05-ppv-firms-exceed-tenants", "table-04-kgp-implied-firms-exceed-tenants"} <= (
        set(by_park.related)
    )


def test_a_count_that_stops_agreeing_is_found(data_copy):
    path = data_copy / "audit-firm-counts.csv"
    rows = read_rows(path)
    header = rows[0]
    for row in rows[1:]:
        if row[header.index("count_id")] == "table-05-firms-abi":
            row[header.index("low")] = row[header.index("high")] = "40"
    write_rows(path, rows)
    found = {f.id: f for f in audit.findings(data_copy)}
    exceeding = found["firm-counts-surveyed-firms-within-tenants-2004-in-tp-by-park"]
    assert "ABI: Table 5 (40) against Table 2 (30)" in exceeding.message
    assert exceeding.severity == "ambiguity"  # Table 5 counting surveyed firms is a reading
    checks = {c.id for c in audit.confirmed(data_copy)}
    assert "firm-counts-surveyed-firms-within-tenants-2004-in-tp-by-park" not in checks
    assert "firm-counts-tenants-2004-in-tp-by-park" in checks


def test_the_chapter_shows_every_comparison():
    view = audit.firm_count_view()
    assert len(view) == len(comparisons(_counts().values()))
    assert list(view.columns) == [
        "Firms", "Park", "Counted", "Relation", "Count", "Against", "Agree", "Reported as"
    ]  # fmt: skip
    assert set(view.loc[view["Agree"] == "yes", "Reported as"]) == {""}
