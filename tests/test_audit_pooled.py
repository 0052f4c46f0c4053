"""Pooled cells under every weighting (helpers/audit/checks/pooled.py)."""

from __future__ import annotations

import importlib
from pathlib import Path

from conftest import read_rows, write_rows

from helpers import audit
from helpers.audit.checks.pooled import (
    EXACT,
    NO,
    ROUNDED,
    UNAVAILABLE,
    Cell,
    Weighting,
    summary_coverage,
    verdict,
    weighting_frame,
)
from helpers.audit.model import Audit
from helpers.audit.results import computed_confirmed, computed_findings

# The package exports the finder under the module's name; the module itself is this.
pooled_module = importlib.import_module("helpers.audit.checks.pooled")


def _set_pooled(path: Path, column: str, key: str, value: str) -> None:
    rows = read_rows(path)
    header = rows[0]
    hits = [
        r
        for r in rows[1:]
        if r[header.index("park")] == ""
        and r[header.index(column)] == key
        and r[header.index("measure")] == "mean_importance"
    ]
    assert len(hits) == 1
    hits[0][header.index("value")] = hits[0][header.index("printed")] = value
    write_rows(path, rows)


def test_verdict_widens_by_the_rows_rounding_but_not_to_the_edge():
    cell = Cell("x", "5", {"A": 7.0, "B": 3.0, "C": 2.0}, 0.5)
    even = Weighting("unweighted", {"A": 1, "B": 1, "C": 1})
    assert verdict(cell, even) == (NO, 4.0)  # 4.0 is exactly 0.5 + 0.5 away: not reached
    assert verdict(cell, Weighting("w", {"A": 3, "B": 1, "C": 1}))[0] == EXACT  # 5.2
    assert verdict(cell, Weighting("w", {"A": 2, "B": 1, "C": 0}))[0] == ROUNDED  # 5.67
    assert verdict(cell, Weighting("w", {"A": 1, "B": 1}))[0] == UNAVAILABLE


def test_every_weighting_is_tried_on_every_cell():
    frame = weighting_frame(Audit())
    weightings = set(frame["weighting"])
    assert {
        "unweighted",
        "Table 2 tenants as of 2004",
        "Table 2 tenants at establishment",
        "Table 2 commercially active tenants (implied)",
        "Table 5 surveyed firms",
        "Table 4 surveyed firms (implied)",
    } == weightings
    local = frame[(frame["table"] == "table-07") & (frame["cell"] == "local")]
    pairs = zip(local["mean"], local["reproduces"], strict=True)
    got = dict(zip(local["weighting"], pairs, strict=True))
    assert got["unweighted"] == (88.33, NO)
    assert got["Table 4 surveyed firms (implied)"] == (89.53, EXACT)
    assert got["Table 5 surveyed firms"] == (89.08, ROUNDED)
    assert got["Table 2 commercially active tenants (implied)"][1] == UNAVAILABLE


def test_each_pooled_row_records_which_weighting_reproduces_it():
    checks = {c.id: c for c in computed_confirmed()}
    age = checks["table-04-average-age-weightings"]
    assert age.recomputed == {"Table 2 tenants as of 2004": [4.42]}
    assert "weighted by Table 2 tenants as of 2004" in age.description
    assert set(checks["table-07-average-row-weightings"].recomputed) == {
        "Table 5 surveyed firms",
        "Table 4 surveyed firms (implied)",
    }
    assert set(checks["table-09-average-row-weightings"].recomputed) == {"Table 5 surveyed firms"}


def test_a_row_an_existing_finding_reports_repeats_it():
    found = {f.id: f for f in computed_findings()}
    row = found["table-04-average-employment-weightings"]
    assert row.repeats == ("table-04-pooled-average-vs-parks",) and not row.counted
    assert "unweighted 9.75" in row.message and "Table 5 surveyed firms 6.3" in row.message


def test_a_pooled_cell_no_weighting_reproduces_is_a_finding(data_copy):
    # The parks' average ages are 7, 3 and 2: no mean of them can be 8.
    path = data_copy / "table-04.csv"
    rows = read_rows(path)
    header = rows[0]
    for r in rows[1:]:
        if (r[header.index("park")], r[header.index("variable")], r[header.index("measure")]) == (
            "",
            "firm_age",
            "average",
        ):
            r[header.index("value")] = r[header.index("printed")] = "8"
    write_rows(path, rows)
    found = {f.id: f for f in audit.findings(data_copy)}
    row = found["table-04-average-age-weightings"]
    assert (row.severity, row.counted, row.rests_on) == ("inconsistency", True, None)
    assert "printed 8" in row.message and "weighted by Table 5 surveyed firms 3.85" in row.message
    assert "table-04-average-age-weightings" not in {c.id for c in audit.confirmed(data_copy)}


def test_a_row_a_split_of_the_sample_reproduces_is_a_note_and_repeats_the_existing_one(
    data_copy,
):
    _set_pooled(data_copy / "table-09.csv", "barrier", "finance", "4.2")
    found = {f.id: f for f in audit.findings(data_copy)}
    row = found["table-09-average-row-weightings"]
    assert row.severity == "note" and row.rests_on.startswith("assumption: ")
    assert "split of the stated sample" in row.message and "printed 4.2, 3.3" in row.message
    assert row.repeats == ("table-09-average-vs-park-means",) and not row.counted


def test_every_summary_cell_of_every_table_is_checked_somewhere():
    coverage = summary_coverage()
    ids = {c.id for c in audit.confirmed()} | {f.id for f in audit.findings()}
    assert len(coverage) == 80
    for row in coverage.itertuples():
        assert row._3, (row.table, row.printed)  # covered by at least one
        assert set(row._3) <= ids, (row.table, row._3)


def test_a_summary_cell_left_unchecked_is_noticed(monkeypatch):
    monkeypatch.setattr(pooled_module, "CHECKED_ELSEWHERE", [])
    coverage = summary_coverage()
    uncovered = coverage[[not c for c in coverage["covered by"]]]
    assert "table-06" in set(uncovered["table"])


def test_the_chapter_shows_every_pooled_cell_under_every_weighting():
    view = audit.weighting_view()
    assert list(view.columns[:4]) == ["Table", "Row", "Cell", "Printed"]
    assert len(view) == 15 and len(view.columns) == 4 + 6
    local = view[(view["Table"] == "Table 7") & (view["Cell"] == "local")].iloc[0]
    assert (local["unweighted"], local["Table 4 surveyed firms (implied)"]) == (
        "88.33",
        "89.53 (exact)",
    )
    assert local["Table 2 commercially active tenants (implied)"] == "n/a"
