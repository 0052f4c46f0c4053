"""The reproducibility audit's checks: every finding pinned, every confirmed check kept.

Each finding is pinned (:data:`audit_expected.EXPECTED`) with its severity, category and exact
printed and recomputed values, so a transcription change in data/ that makes a finding
appear, vanish or change fails here on purpose.  Tests on a scratch copy of data/ show the
audit reacting to the data rather than repeating fixed text.  The pins test what the checks
compute now; the findings and checks stored in data/ (audit-findings.csv, audit-checks.csv),
which the chapter and the command line read, must equal it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from audit_expected import COUNTS, EXPECTED, REPEATS, RESTS_ON
from conftest import read_rows, write_rows

from helpers import audit
from helpers.audit import results
from helpers.audit.model import Finding
from helpers.audit.results import computed_confirmed, computed_finding, cross_referenced
from helpers.audit.store import check_row, finding_row
from helpers.data import recompute as rc
from helpers.data.datapackage import DATA_DIR, load, resource_names

# --------------------------------------------------------------------------------------
# Every finding, pinned


@pytest.mark.parametrize("finding_id", list(EXPECTED))
def test_finding_is_pinned(finding_id):
    severity, category, printed, recomputed = EXPECTED[finding_id]
    found = computed_finding(finding_id).to_dict()
    assert found["severity"] == severity
    assert found["category"] == category
    assert found["printed"] == printed
    assert found["recomputed"] == recomputed


def test_no_finding_appears_or_vanishes_unnoticed():
    assert [f.id for f in audit.findings()] == list(EXPECTED)


def test_finding_ids_are_unique_and_apart_from_the_confirmed_checks():
    finding_ids = [f.id for f in audit.findings()]
    check_ids = [c.id for c in audit.confirmed()]
    assert len(set(finding_ids)) == len(finding_ids)
    assert len(set(check_ids)) == len(check_ids)
    assert not set(finding_ids) & set(check_ids)


def test_stored_findings_and_checks_are_what_the_checks_compute_now():
    stale = results.stale_resources()
    assert not stale, f"data/{' and data/'.join(stale)} stale: run `make audit-data`"
    stored_findings, stored_checks = results.stored()
    assert [finding_row(f) for f in stored_findings] == [
        finding_row(f) for f in results.computed_findings()
    ]
    assert [check_row(c) for c in stored_checks] == [
        check_row(c) for c in results.computed_confirmed()
    ]


def test_the_chapter_reads_the_stored_findings():
    assert audit.findings() == results.stored()[0]
    assert audit.confirmed() == results.stored()[1]
    stored = audit.finding("text-rent-7-of-24")
    assert stored.printed == "firms: 7; of: 24; share: 36%"  # as the chapter shows it
    assert [f.group for f in audit.findings()] == [f.group for f in results.computed_findings()]


def test_writing_the_resources_is_deterministic(data_copy):
    first = [p.read_bytes() for p in results.write_resources(data_copy)]
    second = [p.read_bytes() for p in results.write_resources(data_copy)]
    assert first == second
    assert results.stale_resources(data_copy) == []
    stored = [
        (DATA_DIR / f"{name}.csv").read_bytes() for name in ("audit-findings", "audit-checks")
    ]
    assert first == stored


def test_stale_resources_are_detected(data_copy):
    _set(
        data_copy / "table-14.csv",
        {"stage": "total", "measure": "n_developments"},
        value="206",
        printed="206",
    )
    assert "audit-findings.csv" in results.stale_resources(data_copy)


def test_unknown_finding():
    with pytest.raises(KeyError, match="no finding"):
        audit.finding("table-99-nothing")


# --------------------------------------------------------------------------------------
# Messages say both numbers, and explanations only as possibilities


@pytest.mark.parametrize(
    ("finding_id", "fragments"),
    [
        ("text-rent-7-of-24", ["7 of 24 firms is 29.2%, not 36%", "8/24 = 33.3%", "9/24 = 37.5%"]),
        ("table-08-share-denominator", ["divided by 38, not 34", "19/38 = 50", "19/34 = 55.9%"]),
        ("table-09-share-denominator", ["divided by 39, not 34", "34/39 = 87.2%"]),
        ("table-04-pooled-median-above-park-medians", ["printed as 9", "ATP 8"]),
        ("table-04-pooled-average-vs-parks", ["121 to 136", "8.2 to 9.2", "printed 12"]),
        ("table-04-kgp-implied-firms-exceed-tenants", ["imply 30-32 firms", "16 tenants"]),
        ("text-table-08-finance-2-9", ["as 2.9", "prints 3.0", "(2.93)", "possibly"]),
        ("figure-04-bar-order-vs-text", ["is 33 firms", "need 32", "12.5% 8", "possibly"]),
        (
            "text-turnover-per-enterprise",
            [
                "depends on the denominator",
                "over all 2004 tenants $5.5 thousand at KGP",
                "$2.5 thousand at KST ($66K / 26)",
                "only KGP reproduces it",
                "over commercially active tenants",
                "$5.1 thousand at KST ($66K / 13)",
                "both parks reproduce it",
            ],
        ),
        (
            "table-10-outside-counts",
            ["does not say over which firms", "if each is over", "would be the answer"],
        ),
        (
            "text-table-12-almaty-naming",
            ["consultation 6/30 and office services 6/30", "business plan 10%", "generically"],
        ),
        ("table-09-finance-all-firms-share", ["table-09-share-denominator", "not a separate"]),
        ("text-directors-range", ["a range of 2 to 3.5, not 2 to 3"]),
        ("table-07-average-vs-park-means", ["(88.3, 10.3, 1.3)", "28 whole-number splits"]),
        ("table-13-link-counts-exceed-sample", ["19 + 23 + 4 = 46", "n = 25"]),
        ("text-citation-suffix-lofsten-2001", ["'2001' and '2001b'", "should read '2001a'"]),
        ("text-citation-spelling-phillimore1999", ["'Philimore'", "'Phillimore'"]),
    ],
)
def test_message_states_the_numbers(finding_id, fragments):
    message = audit.finding(finding_id).message
    for fragment in fragments:
        assert fragment in message, (fragment, message)


def test_explanations_are_offered_as_possibilities():
    for item in audit.findings():
        text = item.message.lower()
        if "because" in text and item.severity != "note":
            pytest.fail(f"{item.id} asserts a cause: {item.message}")
        if "explain" in text:
            assert "possibly" in text or "does not explain" in text, item.id


def test_almaty_finding_no_longer_makes_the_naming_point():
    message = audit.finding("text-table-12-almaty-naming").message
    assert "ATP" not in message and "Almaty Technopark" not in message
    assert "the only Almaty park in Table 12" in message


# --------------------------------------------------------------------------------------
# Independence: one finding per defect; readings and assumptions graded as such


def test_findings_that_rest_on_a_reading_or_assumption_are_not_contradictions():
    resting = {f.id: f for f in audit.findings() if f.rests_on}
    assert {k: v.rests_on.split(":")[0] for k, v in resting.items()} == RESTS_ON
    for item in resting.values():
        assert item.severity in ("ambiguity", "note"), item.id
        assert item.rests_on.startswith(("transcription reading: ", "assumption: ")), item.id


def test_repeating_findings_are_marked_and_not_counted():
    found = {f.id: f for f in audit.findings()}
    assert {f.id: list(f.repeats) for f in found.values() if f.repeats} == REPEATS
    for item in found.values():
        assert item.counted == (not item.repeats)
        for other in item.repeats:
            assert found[other].counted, (item.id, other)  # no chains of repeats
            # the finding repeated is about the same numbers and cross-references it back
            assert item.id in found[other].related


def test_cross_references_name_findings_and_are_mutual():
    found = {f.id: f for f in audit.findings()}
    for item in found.values():
        for other in item.related:
            assert other in found and other != item.id, (item.id, other)
            assert item.id in found[other].related, (item.id, other)
    assert (
        "text-table-05-balance-driven-by-ppv" in found["table-05-ppv-firms-exceed-tenants"].related
    )


def test_counts_are_of_independent_findings():
    counted = [f for f in audit.findings() if f.counted]
    by_severity = {s: sum(f.severity == s for f in counted) for s in audit.SEVERITIES}
    assert by_severity == COUNTS
    assert len(counted) == len(EXPECTED) - len(REPEATS) == 50


@pytest.mark.parametrize("severity", ["error", "inconsistency"])
def test_a_finding_resting_on_an_assumption_cannot_be_graded_a_contradiction(severity):
    with pytest.raises(ValueError, match="graded ambiguity or note"):
        Finding(
            "x",
            ("table-10",),
            severity,
            "arithmetic",
            1,
            1,
            "here",
            "m.",
            rests_on="assumption: something",
        )
    assert (
        Finding(
            "x",
            ("table-10",),
            "ambiguity",
            "arithmetic",
            1,
            1,
            "here",
            "m.",
            rests_on="assumption: something",
        ).rests_on
        == "assumption: something"
    )


def test_rests_on_says_which_kind():
    with pytest.raises(ValueError, match="must start with"):
        Finding("x", ("table-10",), "note", "arithmetic", 1, 1, "here", "m.", rests_on="a hunch")


def test_what_a_finding_repeats_is_related_and_chains_are_refused():
    a = Finding("a", ("table-09",), "inconsistency", "percentage", 1, 1, "h", "m.")
    b = Finding("b", ("table-09",), "inconsistency", "percentage", 1, 1, "h", "m.", repeats=("a",))
    assert b.related == ("a",) and not b.counted and a.counted
    linked = {f.id: f for f in cross_referenced([a, b])}
    assert linked["a"].related == ("b",)
    c = Finding("c", ("table-09",), "note", "percentage", 1, 1, "h", "m.", repeats=("b",))
    with pytest.raises(ValueError, match="itself repeats"):
        cross_referenced([a, b, c])
    # a reference to a finding the data no longer produce is dropped, not kept dangling
    assert cross_referenced([b])[0].repeats == ()


# --------------------------------------------------------------------------------------
# Confirmed checks


@pytest.mark.parametrize(
    "check_id",
    [
        "table-01-kz-business-sum",
        "table-04-employment-total",
        "table-04-max",
        "table-05-manufacturing-sum-of-parks",
        "table-05-services-sum-of-parks",
        "table-05-total-sum-of-parks",
        "table-05-in-tp-services-share",
        "table-05-out-tp-manufacturing-share",
        "table-06-total",
        "table-07-average-row-sums-to-100",
        "table-08-rent-average",
        "table-09-foreign-market-access-average",
        "table-10-in-tp-equals-table-09",
        "table-12-text-karaganda",
        "table-13-in-tp-external-firms-total",
        "table-13-out-tp-higher-education-total",
        "table-13-text-totals",
        "table-14-total",
        "table-14-ready-for-introduction-share",
        "table-14-text-20-percent",
        "figure-04-local-out-tp-bar-sums-to-100",
        "figure-04-text-very-similar",
    ],
)
def test_sums_and_claims_that_reproduce_are_confirmed(check_id):
    assert check_id in {c.id for c in audit.confirmed()}


def test_confirmed_checks_carry_their_numbers():
    checks = {c.id: c for c in computed_confirmed()}
    assert (checks["table-06-total"].printed, checks["table-06-total"].recomputed) == ("110", 110)
    assert checks["table-14-total"].recomputed == 205
    blank = checks["table-13-out-tp-higher-education-total"]
    assert "blank joint production cell counted as zero" in blank.description
    assert (blank.printed, blank.recomputed) == ("13", 13)
    assert len(checks) == 185
    grim = checks["table-13-in-tp-other-tp-firms-other-granularity"]
    assert (grim.printed, grim.recomputed) == ("1.7", "5/3 = 1.67")
    assert checks["table-10-finance-granularity"].recomputed == "67/14 = 4.79"


def test_confirmed_frame_is_one_row_per_check():
    frame = audit.confirmed_frame()
    assert list(frame.columns) == ["Table", "Where", "Check", "Printed", "Recomputed"]
    assert len(frame) == len(audit.confirmed())
    assert frame.iloc[0]["Table"] == "Table\u00a01"  # no break inside the label


# --------------------------------------------------------------------------------------
# Every finding is well-formed


def test_findings_have_every_field_and_valid_values():
    names = set(resource_names())
    for item in (f.to_dict() for f in audit.findings()):
        assert list(item) == audit.FIELDS
        assert item["severity"] in audit.SEVERITIES
        assert item["category"] in audit.CATEGORIES
        assert item["resources"] and set(item["resources"]) <= names, item["id"]
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", item["id"])
        assert item["where"] and item["message"].endswith("."), item["id"]
        assert all(isinstance(q, str) and q for q in item["quote"])


def test_text_findings_quote_the_paper():
    for item in audit.findings():
        if item.category == "text":
            assert item.quote, item.id


def test_quotes_are_verbatim(paper_text):
    quotes = load("audit-quotes")
    assert dict(zip(quotes["quote_id"], quotes["quote"], strict=True)) == dict(audit.QUOTES)
    for key, quote in audit.QUOTES.items():
        assert " ".join(quote.split()).replace("\u2019", "'") in paper_text, key


def test_quotes_stand_where_their_source_says(paper_text):
    # The abstract ends where Section 1 begins; a section's quotes follow its heading.
    headings = {
        "Text, abstract": paper_text.index("Abstract"),
        "Text, section 1": paper_text.index("1. INTRODUCTION"),
        "Text, section 2": paper_text.index("2. TECHNOPARKS IN INTERNATIONAL"),
        "Text, section 3": paper_text.index("3. TECHNOPARKS AS MECHANISMS"),
        "Text, section 4": paper_text.index("4. ANALYSIS OF CURRENTLY"),
    }
    for row in load("audit-quotes").itertuples():
        at = paper_text.index(" ".join(row.quote.split()).replace("\u2019", "'"))
        if row.source == "Text, abstract":
            assert at < headings["Text, section 1"], row.quote_id
        elif row.source in headings:
            later = [v for v in headings.values() if v > headings[row.source]]
            assert headings[row.source] <= at < min(later, default=len(paper_text)), row.quote_id
        else:
            assert re.fullmatch(r"(Table|Figure) \d+", row.source), row.quote_id


# --------------------------------------------------------------------------------------
# The audit follows the data (scratch copies of data/)


def _set(path: Path, where: dict[str, str], **values: str) -> None:
    rows = read_rows(path)
    header = rows[0]
    hits = [r for r in rows[1:] if all(r[header.index(k)] == v for k, v in where.items())]
    assert len(hits) == 1, where
    for field, value in values.items():
        hits[0][header.index(field)] = value
    write_rows(path, rows)


def test_shares_of_the_stated_sample_are_confirmed_not_reported(data_copy):
    path = data_copy / "table-08.csv"
    for factor, share in {
        "rent": "55.9",
        "finance": "76.5",
        "location": "61.8",
        "infrastructure": "61.8",
        "services": "88.2",
        "image": "76.5",
    }.items():
        _set(
            path,
            {"factor": factor, "measure": "share_of_respondents"},
            value=share,
            printed=f"{share}%",
        )
    ids = {f.id for f in audit.findings(data_copy)}
    assert "table-08-share-denominator" not in ids
    assert "table-08-shares" in {c.id for c in audit.confirmed(data_copy)}
    assert "table-08-share-denominator" in {f.id for f in audit.findings()}


def test_a_pooled_median_within_the_parks_is_not_reported(data_copy):
    _set(
        data_copy / "table-04.csv",
        {"firms": "in_tp", "park": "", "variable": "employment", "measure": "median"},
        value="7",
        printed="7",
    )
    assert "table-04-pooled-median-above-park-medians" not in {
        f.id for f in audit.findings(data_copy)
    }


def test_a_total_that_stops_reproducing_becomes_a_finding(data_copy):
    _set(
        data_copy / "table-14.csv",
        {"stage": "total", "measure": "n_developments"},
        value="206",
        printed="206",
    )
    found = {f.id: f for f in audit.findings(data_copy)}
    assert found["table-14-total"].severity == "inconsistency"
    assert found["table-14-total"].printed == "206"
    assert found["table-14-total"].recomputed == 205
    assert "table-14-total" not in {c.id for c in audit.confirmed(data_copy)}


def test_the_figure_4_reading_follows_the_stored_bars(data_copy):
    """Swap the local and national bars as the text reads them: the ambiguity vanishes."""
    path = data_copy / "figure-04.csv"
    rows = read_rows(path)
    header = rows[0]
    firms = header.index("firms")
    for row in rows[1:]:
        if row[header.index("market")] in ("local", "national"):
            row[firms] = {"in_tp": "out_tp", "out_tp": "in_tp"}[row[firms]]
    write_rows(path, rows)
    assert "figure-04-bar-order-vs-text" not in {f.id for f in audit.findings(data_copy)}


# --------------------------------------------------------------------------------------
# Generic helpers


def test_counts_reproducing_mean():
    assert rc.counts_reproducing_mean(254, "11") == [23, 24]
    assert rc.counts_reproducing_mean(1781, "61") == [29]


def test_mean_is_possible():
    assert rc.mean_is_possible("1.7", 3)  # 5 / 3
    assert not rc.mean_is_possible("1.5", 3)  # 4/3 and 5/3 only
    assert not rc.mean_is_possible("5.2", 4)  # above the scale


def test_weights_within_rounding_is_looser_than_exact():
    columns = {"a": ([4.0, 3.0], "3.6")}
    assert rc.weights_reproducing(columns, 2, row_half_unit=0.0) == []
    assert rc.weights_reproducing(columns, 2, row_half_unit=0.1) == [(1, 1)]


def test_weighted_mean_skips_missing():
    assert rc.weighted_mean([1.0, float("nan"), 4.0], [1, 5, 2]) == 3.0


def test_every_stored_row_names_its_source():
    pattern = r"(Table \d+|Figure \d+|Text, section \d+|Text, abstract)"
    frame = load("audit-findings")
    assert all(re.fullmatch(pattern, s) for s in frame["source"]), set(frame["source"])
    assert all(re.fullmatch(pattern, s) for s in load("audit-checks")["source"])
    row = frame.set_index("id").loc["text-rent-7-of-24"]
    assert (row["source"], row["group"]) == ("Text, section 4", "table-08")


def test_stored_references_name_stored_findings():
    frame = load("audit-findings")
    ids = set(frame["id"])
    for column in ("related", "repeats"):
        named = {i for cell in frame[column].dropna() for i in cell.split("; ")}
        assert named <= ids, column
