"""The reproducibility audit: every finding pinned, the CLI, the reader views.

Each finding is pinned with its severity, category and exact printed and recomputed
values, so a transcription change in data/ that makes a finding appear, vanish or change
fails here on purpose.  Tests on a scratch copy of data/ show the audit reacting to the
data rather than repeating fixed text.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import read_rows, write_rows

from helpers import audit
from helpers import recompute as rc
from helpers.datapackage import resource_names

ROOT = Path(__file__).resolve().parent.parent

EXPECTED = {
    "text-table-01-year": ("inconsistency", "text", {"text": 2000, "Table 1 heading": 2002}, None),
    "table-01-sectors-not-100": (
        "note",
        "arithmetic",
        {
            "Kazakhstan": [18.6, 22.2, 57.2],
            "North America": [59.3, 15.6, 10.2],
            "European Union": [52.5, 20.8, 16.2],
        },
        {"Kazakhstan": 98.0, "North America": 85.1, "European Union": 89.5},
    ),
    "text-table-01-three-times-lower": (
        "note",
        "text",
        "three times lower",
        {"North America": 3.19, "European Union": 2.82},
    ),
    "table-02-survival-rate-row": ("ambiguity", "structure", ["100", "85%", "100%"], None),
    "text-turnover-per-enterprise": (
        "note",
        "text",
        "around $5000",
        {"KGP": 5.5, "KST": 2.54, "pooled": 3.67},
    ),
    "table-03-significance-untestable": (
        "note",
        "text",
        "no significant difference",
        {"age gap (years)": 3.0, "experience gap": 2.0},
    ),
    "text-employment-wrong-table": ("error", "text", "Table 3", "Table 4"),
    "structure-legend-see-table-1": ("error", "structure", "Legend: see Table 1", "Table 2"),
    "table-04-pooled-median-above-park-medians": (
        "inconsistency",
        "arithmetic",
        {"pooled median": 9.0, "ABI": 7.0, "ATP": 8.0, "KGP": 7.0, "PPV": 3.0},
        {"largest possible pooled median": 8.0},
    ),
    "table-04-pooled-average-vs-parks": (
        "inconsistency",
        "arithmetic",
        {"pooled average": 12.0, "employment": 1117.0},
        {
            "firms implied by the parks": [121, 136],
            "pooled average from them": [8.21, 9.23],
            "firms the printed average needs": [90, 97],
            "pooled average over Table 5's firms": 8.66,
        },
    ),
    "table-04-kgp-implied-firms-exceed-tenants": (
        "inconsistency",
        "cross-table",
        {
            "employment": 337.0,
            "average employment": 11.0,
            "Table 2 tenants 2004": 16.0,
            "Table 5 firms": 15.0,
            "Table 12 firms": 16.0,
        },
        {"implied firms": [30, 32]},
    ),
    "text-firm-age-14-vs-3": (
        "inconsistency",
        "text",
        {"text": [14.0, 3.0], "Table 4": [14.0, 5.0]},
        None,
    ),
    "text-employment-range": (
        "note",
        "text",
        "some 200 to over 300 people",
        {"smallest": 191.0, "largest": 337.0},
    ),
    "table-05-ppv-firms-exceed-tenants": (
        "inconsistency",
        "cross-table",
        {
            "Table 5 firms": {"ABI": 12.0, "ATP": 12.0, "KGP": 15.0, "PPV": 90.0},
            "Table 2 tenants 2004": {"ABI": 30.0, "ATP": 27.0, "KGP": 16.0, "PPV": 46.0},
        },
        None,
    ),
    "table-05-outside-firms-exceed-surveyed": (
        "inconsistency",
        "cross-table",
        {"Table 5 firms outside": 33.0, "methodology": 24.0},
        None,
    ),
    "text-table-05-balance-driven-by-ppv": (
        "note",
        "text",
        {"manufacturing": 71.0, "services": 58.0},
        {
            "without PPV": {"manufacturing": 26.0, "services": 13.0},
            "manufacturing share without PPV (%)": 66.7,
        },
    ),
    "table-06-total-vs-table-05": (
        "inconsistency",
        "cross-table",
        {"Table 6 total": 110.0, "Table 5 total": 129.0},
        {"Table 2 tenants of any four parks": [99, 115, 118, 119, 129]},
    ),
    "table-06-which-four-parks": (
        "ambiguity",
        "structure",
        "Activities of tenant-firms in four technoparks",
        None,
    ),
    "structure-legend-see-table-3": ("error", "structure", "Legend: see table 3", "Table 2"),
    "table-07-average-vs-park-means": (
        "note",
        "arithmetic",
        {"local": 90.0, "national": 9.0, "foreign": 1.0},
        {
            "unweighted mean of parks": {"local": 88.33, "national": 10.33, "foreign": 1.33},
            "splits of 36 replies reproducing": 28,
            "example split": [10, 12, 14],
            "Table 5 firms": {"local": 89.08, "national": 9.69, "foreign": 1.23},
            "Table 2 tenants": {"local": 86.0, "national": 12.36, "foreign": 1.64},
        },
    ),
    "text-table-07-fairly-similar": (
        "note",
        "text",
        "fairly similar",
        {"local share gap (points)": 33.0},
    ),
    "structure-figures-5-6-missing": ("error", "structure", [1, 2, 3, 4, 7], {"missing": [5, 6]}),
    "figure-04-bar-order-vs-text": (
        "ambiguity",
        "text",
        {
            "text (technopark firms)": ["39.4%", "15.2%"],
            "axis order": "Local - Out, Local - In, Nat - Out, Nat - In, Internat - Out, Internat "
            "- In",
        },
        {
            "smallest sample for 39.4% and 15.2%": 33,
            "smallest sample for 37.5% and 15.6%": 32,
            "smallest sample for 12.5%": 8,
            "Table 5 firms outside technoparks": 33.0,
        },
    ),
    "text-rent-7-of-24": (
        "error",
        "percentage",
        {"firms": 7.0, "of": 24.0, "share": "36%"},
        {"7/24 (%)": 29.2, "samples in which 7 firms are 36%": []},
    ),
    "table-08-share-denominator": (
        "inconsistency",
        "percentage",
        {
            "sample": 34.0,
            "shares": {
                "rent": "50.0%",
                "finance": "68.4%",
                "location": "55.3%",
                "infrastructure": "55.3%",
                "services": "78.9%",
                "image": "68.4%",
            },
        },
        {
            "shares of 34": {
                "rent": 55.9,
                "finance": 76.5,
                "location": 61.8,
                "infrastructure": 61.8,
                "services": 88.2,
                "image": 76.5,
            },
            "denominator reproducing every share": 38,
        },
    ),
    "text-table-08-finance-2-9": (
        "inconsistency",
        "text",
        {"text": 2.9, "Table 8": "3.0"},
        {"unweighted mean of parks": 2.93},
    ),
    "text-abstract-finance-motive": (
        "ambiguity",
        "text",
        "key motivations: lower rents and the possibility of accessing finance",
        {
            "finance rank by average importance": "6 of 6",
            "finance rank by firms citing it": "2 of 6",
            "finance share of respondents": "68.4%",
        },
    ),
    "table-08-average-vs-park-means": (
        "note",
        "arithmetic",
        {"finance": "3.0", "location": "3.7", "image": "4.0"},
        {
            "unweighted mean of parks": {"finance": 2.93, "location": 3.77, "image": 4.1},
            "splits of 34 firms reproducing every average": 0,
            "example split": None,
            "splits allowing rounding of the park means": 38,
            "example split allowing rounding": [13, 7, 14],
        },
    ),
    "table-09-share-denominator": (
        "inconsistency",
        "percentage",
        {
            "sample": 34.0,
            "shares": {
                "finance": "87%",
                "technology": "79%",
                "infrastructure": "38%",
                "foreign_market_access": "36%",
            },
        },
        {
            "shares of 34": {
                "finance": 100.0,
                "technology": 91.2,
                "infrastructure": 44.1,
                "foreign_market_access": 41.2,
            },
            "denominator reproducing every share": 39,
        },
    ),
    "table-09-finance-all-firms-share": (
        "inconsistency",
        "percentage",
        {"No of firms": 34.0, "sample": 34.0, "share": "87%"},
        {"34 of 34 (%)": 100.0, "34 of 39 (%)": 87.2},
    ),
    "table-09-kgp-row-reading": (
        "ambiguity",
        "structure",
        "3.5 3.6",
        {
            "splits of the sample reproducing every average, by reading": {
                "finance + technology": 11,
                "finance + infrastructure": 0,
                "finance + foreign market access": 0,
                "technology + infrastructure": 0,
                "technology + foreign market access": 0,
                "infrastructure + foreign market access": 0,
            }
        },
    ),
    "table-09-average-vs-park-means": (
        "note",
        "arithmetic",
        {"finance": "3.8", "technology": "3.3"},
        {
            "unweighted mean of parks": {"finance": 3.73, "technology": 3.2},
            "splits of 34 firms reproducing every average": 11,
            "example split": [12, 7, 15],
        },
    ),
    "table-10-outside-counts": (
        "note",
        "arithmetic",
        {"finance": 14.0, "technology": 5.0, "infrastructure": 1.0, "foreign_market_access": 5.0},
        {"largest": 14.0, "smallest": 1.0},
    ),
    "text-directors-wrong-table": ("error", "text", "see Table 1", "Table 2"),
    "text-directors-range": (
        "inconsistency",
        "text",
        [2.0, 3.0],
        {"range": [2.0, 3.5], "mean": 2.6},
    ),
    "text-table-12-almaty-naming": (
        "ambiguity",
        "text",
        "only 20% of Almaty technopark firms",
        {
            "ABI consultation (%)": 20.0,
            "ABI business plan (%)": 10.0,
            "ABI office services (%)": 20.0,
            "ABI finance (%)": 3.3,
            "ABI other (%)": 3.3,
        },
    ),
    "table-13-link-counts-exceed-sample": (
        "inconsistency",
        "arithmetic",
        {
            "n": {"in_tp": 25.0, "out_tp": 25.0},
            "totals above n": {
                "other technopark firms (inside)": 31.0,
                "external firms (inside)": 46.0,
                "external firms (outside)": 38.0,
            },
        },
        {"external firms, inside: sum of link types": [19.0, 23.0, 4.0]},
    ),
    "table-13-outside-sample-vs-methodology": (
        "inconsistency",
        "cross-table",
        {"Table 13 outside n": 25.0, "methodology": 24.0},
        None,
    ),
    "text-table-13-purchase": (
        "ambiguity",
        "text",
        "most often materials purchase",
        {
            "inside": {"joint_production": 19.0, "joint_development": 23.0, "other": 4.0},
            "outside": {"joint_production": 23.0, "joint_development": 4.0, "other": 11.0},
        },
    ),
    "text-hei-links-stronger": (
        "note",
        "text",
        "stronger links with higher education institutions",
        {
            "intensity outside": {"joint_development": 4.6, "other": 4.3},
            "intensity inside": {"joint_production": 2.7, "joint_development": 2.5, "other": 1.3},
            "links outside": 13.0,
            "links inside": 23.0,
        },
    ),
    "text-kembaev-table-14": ("note", "structure", "Kembaev et al. 2001, Table 14, p. 30", None),
    "text-no-evaluation-transition": (
        "note",
        "text",
        "No evaluation of technoparks in transition economies has yet been developed.",
        {"eu2003": "Poland", "kihlgren2003": "Russia (St. Petersburg)", "shelton2002": "Ukraine"},
    ),
    "structure-section-numbering": (
        "error",
        "structure",
        {
            "introduction": "Section 3 (conceptual); Section 3 (survey); Section 4 (policy)",
            "headings": "1, 2, 3, 4 (survey), 4 (policy and conclusions)",
        },
        {
            "Table 1": "3. Technoparks as mechanisms to promote innovation and diversify the "
            "Kazakhstan economy: a conceptual assessment",
            "Table 2": "4. Analysis of currently operating technoparks in Kazakhstan based on "
            "questionnaires",
            "Table 14": "4. Policy issues and conclusions (the paper's second section numbered 4)",
        },
    ),
    "sample-sizes-across-tables": (
        "inconsistency",
        "cross-table",
        {
            "inside technoparks": {
                "Tables 8 and 9 heading": 34.0,
                "Table 7 replies": 36.0,
                "Table 11": 24.0,
                "Table 13": 25.0,
                "Table 6": 110.0,
                "Table 5": 129.0,
            },
            "outside technoparks": {
                "methodology": 24.0,
                "Table 5": 33.0,
                "Table 11": 23.0,
                "Table 13": 25.0,
            },
        },
        {
            "Table 8 shares": 38,
            "Table 9 shares": 39,
            "Table 4 employment, inside": [121, 136],
            "Table 4 employment, outside": [29],
        },
    ),
}


# --------------------------------------------------------------------------------------
# Every finding, pinned


@pytest.mark.parametrize("finding_id", list(EXPECTED))
def test_finding_is_pinned(finding_id):
    severity, category, printed, recomputed = EXPECTED[finding_id]
    found = audit.finding(finding_id).to_dict()
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
        ("text-turnover-per-enterprise", ["$5.5 thousand at KGP", "$2.5 thousand at KST"]),
        ("text-directors-range", ["a range of 2 to 3.5, not 2 to 3"]),
        ("table-07-average-vs-park-means", ["(88.3, 10.3, 1.3)", "28 whole-number splits"]),
        ("table-13-link-counts-exceed-sample", ["19 + 23 + 4 = 46", "n = 25"]),
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
    checks = {c.id: c for c in audit.confirmed()}
    assert (checks["table-06-total"].printed, checks["table-06-total"].recomputed) == ("110", 110)
    assert checks["table-14-total"].recomputed == 205
    blank = checks["table-13-out-tp-higher-education-total"]
    assert "blank joint production cell counted as zero" in blank.description
    assert (blank.printed, blank.recomputed) == ("13", 13)
    assert len(checks) == 102
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
    for key, quote in audit.QUOTES.items():
        assert " ".join(quote.split()).replace("\u2019", "'") in paper_text, key


# --------------------------------------------------------------------------------------
# The command line


def _run(*args):
    return subprocess.run(
        [sys.executable, "-m", "helpers.audit", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def test_json_cli_prints_the_findings():
    result = _run("--json")
    assert result.returncode == 0, result.stderr
    parsed = json.loads(result.stdout)
    assert [f["id"] for f in parsed] == list(EXPECTED)
    assert all(set(f) == set(audit.FIELDS) for f in parsed)
    assert parsed == [f.to_dict() for f in audit.findings()]


def test_readable_cli_groups_by_table_and_counts_checks():
    result = _run()
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Confirmed checks (102)" in out
    assert out.index("\nTable 4\n") < out.index("\nTable 8\n") < out.index("\nSeveral tables\n")
    assert "[error] text-rent-7-of-24" in out
    assert "102 checks reproduce; 44 findings: 7 errors, 16 inconsistencies" in out


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


# --------------------------------------------------------------------------------------
# Reader views


def test_filter_by_severity_and_table():
    errors = audit.filter_findings(["error"])
    assert set(errors["Severity"]) == {"error"}
    assert len(errors) == sum(v[0] == "error" for v in EXPECTED.values())
    table_8 = audit.filter_findings([], "table-08")
    assert "The heading says 34 firms" in " ".join(table_8["Finding"])
    assert len(audit.filter_findings((), audit.ALL)) == len(EXPECTED)
    # a finding about several tables is listed under each table it names
    assert "Several\u00a0tables" in set(
        audit.filter_findings(["inconsistency"], "table-13")["Table"]
    )


@pytest.mark.parametrize(
    ("severities", "table"),
    [(["fatal"], audit.ALL), (["error"], "table-99"), ([], None), ([3], audit.ALL)],
)
def test_filter_rejects_unknown_values(severities, table):
    with pytest.raises(ValueError):
        audit.filter_findings(severities, table)


@pytest.mark.parametrize(
    ("severities", "table"),
    [
        (5, audit.ALL),
        ("error", audit.ALL),
        (["fatal"], audit.ALL),
        ([["error"]], audit.ALL),
        (("note",), "<script>"),
        (("note",), 7),
        ((), audit.ALL),
    ],
)
def test_filtered_view_answers_bad_values_with_a_message(severities, table):
    shown = audit.filtered_view(severities, table)
    assert "not available" in shown or "Choose" in shown
    assert "<table" not in shown
    assert "<script>" not in shown


def test_filtered_view_shows_the_table():
    shown = audit.filtered_view(("ambiguity",), "table-09")
    assert "1 finding" in shown and "KGP row prints only 2 numbers" in shown


def test_group_options_are_known_groups():
    values = [v for _, v in audit.group_options()]
    assert values[0] == audit.ALL
    assert set(values[1:]) <= set(audit.group_order())
    assert "table-08" in values and audit.SEVERAL in values


def test_findings_html_lists_each_finding_of_the_group():
    page = audit.findings_html("table-08")
    for item in audit.findings():
        if item.group == "table-08":
            assert item.id in page
    assert "&ldquo;Only 7 out of the 24 firms (36%)" in page
    assert "text-kembaev-table-14" in audit.findings_html("table-14")


def test_findings_html_for_a_group_without_findings(data_copy):
    """Class the transition-economy studies as conceptual: the literature note vanishes."""
    assert "text-no-evaluation-transition" in audit.findings_html("literature")
    path = data_copy / "literature.csv"
    rows = read_rows(path)
    header = rows[0]
    for row in rows[1:]:
        if row[header.index("key")] in ("eu2003", "kihlgren2003", "shelton2002"):
            row[header.index("kind_of_work")] = "conceptual"
            row[header.index("verdict")] = ""
    write_rows(path, rows)
    empty = audit.findings_html("literature", data_copy)
    assert "No finding here: every check reproduces." in empty
    with pytest.raises(ValueError):
        audit.findings_html("table-99")


def test_summary_data_counts_every_finding():
    data = audit.summary_data()
    assert list(data.index) == list(audit.CATEGORIES)
    assert list(data.columns) == list(audit.SEVERITIES)
    assert int(data.to_numpy().sum()) == len(EXPECTED)
    assert int(data.loc["structure", "error"]) == sum(
        v[:2] == ("error", "structure") for v in EXPECTED.values()
    )


def test_summary_chart_plots_the_data():
    data = audit.summary_data()
    fig = audit.summary_chart(data)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == list(data.index)
    for container, severity in zip(ax.containers, data.columns, strict=True):
        assert [bar.get_width() for bar in container] == data[severity].tolist()
    assert [t.get_text() for t in ax.get_legend().get_texts()] == list(data.columns)
    assert ax.get_xlabel() == "Number of findings"


def test_summary_caption_and_counts_sentence():
    data = audit.summary_data()
    assert audit.summary_caption(data).startswith(f"{len(EXPECTED)} findings: ")
    assert audit.counts_sentence() == (
        "102 checks reproduce; 44 findings: 7 errors, 16 inconsistencies, 7 ambiguities, 14 notes."
    )


def test_severity_scale_documents_each_level():
    scale = audit.severity_scale()
    assert list(scale["Severity"]) == ["error", "inconsistency", "ambiguity", "note"]
    assert all(level in audit.__doc__ for level in scale["Severity"])


def test_filter_panel_prepares_every_choice_of_severities_and_table():
    chooser, view = audit.filter_panel()
    tables = [value for _, value in audit.group_options()]
    assert len(chooser.table) == 2 ** len(audit.SEVERITIES) * len(tables)
    assert chooser.selection == "" and view.html() == audit.filtered_view(("error",), audit.ALL)
    key = chooser.table['[["ambiguity"],"table-09"]']
    assert key == "?severity=ambiguity&table=table-09"
    assert view.html(key) == audit.filtered_view(("ambiguity",), "table-09")
    assert "Choose at least one severity" in view.html("?severity=")
