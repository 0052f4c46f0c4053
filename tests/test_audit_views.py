"""The reproducibility audit as readers see it: filters, HTML, chart, prose values, CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from audit_expected import COUNTS, EXPECTED, REPEATS
from conftest import read_rows, write_rows

from helpers import audit
from helpers.audit import results

ROOT = Path(__file__).resolve().parent.parent


# --------------------------------------------------------------------------------------
# Reader views


def test_filter_by_severity_and_table():
    errors = audit.filter_findings(["error"])
    assert set(errors["Severity"]) == {"error"}
    assert len(errors) == sum(v[0] == "error" for v in EXPECTED.values())
    table_8 = audit.filter_findings([], "table-08")
    assert "The heading says 34 firms" in " ".join(table_8["Finding"])
    assert len(audit.filter_findings((), audit.EVERY_FINDING)) == len(EXPECTED)
    # a finding about several tables is listed under each table it names
    assert "Several\u00a0tables" in set(
        audit.filter_findings(["inconsistency"], "table-13")["Table"]
    )


@pytest.mark.parametrize(
    ("severities", "table"),
    [
        (["fatal"], audit.EVERY_FINDING),
        (["error"], "table-99"),
        ([], None),
        ([3], audit.EVERY_FINDING),
    ],
)
def test_filter_rejects_unknown_values(severities, table):
    with pytest.raises(ValueError):
        audit.filter_findings(severities, table)


@pytest.mark.parametrize(
    ("severities", "table"),
    [
        (5, audit.EVERY_FINDING),
        ("error", audit.EVERY_FINDING),
        (["fatal"], audit.EVERY_FINDING),
        ([["error"]], audit.EVERY_FINDING),
        (("note",), "<script>"),
        (("note",), 7),
        ((), audit.EVERY_FINDING),
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
    assert values[0] == audit.EVERY_FINDING
    assert set(values[1:]) <= set(audit.group_order())
    assert "table-08" in values and audit.SEVERAL in values


def test_findings_html_lists_each_finding_of_the_group():
    page = audit.findings_html("table-08")
    for item in audit.findings():
        if item.group == "table-08":
            assert item.id in page
    assert "&ldquo;Only 7 out of the 24 firms (36%)" in page
    assert "text-kembaev-table-14" in audit.findings_html("table-14")


def test_findings_html_for_a_group_without_findings(data_copy, monkeypatch):
    """Class the transition-economy studies as conceptual and spell Philimore as the text
    does: the literature's data findings vanish; the text's own citation suffix stays."""
    assert "text-no-evaluation-transition" in audit.findings_html("literature")
    path = data_copy / "literature.csv"
    rows = read_rows(path)
    header = rows[0]
    for row in rows[1:]:
        if row[header.index("key")] in ("eu2003", "kihlgren2003", "shelton2002"):
            row[header.index("kind_of_work")] = "conceptual"
            row[header.index("verdict")] = ""
        if row[header.index("key")] == "phillimore1999":
            row[header.index("authors")] = "Philimore, J."
    write_rows(path, rows)
    left = audit.findings_html("literature", data_copy)
    assert "text-no-evaluation-transition" not in left
    assert "text-citation-spelling-phillimore1999" not in left
    assert "text-citation-suffix-lofsten-2001" in left
    from helpers.audit import render

    monkeypatch.setattr(render, "findings", lambda data_dir=None: [])
    empty = audit.findings_html("literature", data_copy)
    assert "No finding here: every check reproduces." in empty
    with pytest.raises(ValueError):
        audit.findings_html("table-99")


def test_summary_data_counts_independent_findings_only():
    data = audit.summary_data()
    assert list(data.index) == list(audit.CATEGORIES)
    assert list(data.columns) == list(audit.SEVERITIES)
    assert int(data.to_numpy().sum()) == len(EXPECTED) - len(REPEATS)
    assert data.sum(axis=0).to_dict() == COUNTS
    assert int(data.loc["structure", "error"]) == sum(
        v[:2] == ("error", "structure") for v in EXPECTED.values()
    )
    # the re-reports are shown but not plotted: each cell lacks exactly its re-reports
    frame = results.findings_frame()
    everything = pd.crosstab(frame["category"], frame["severity"])
    everything = everything.reindex_like(data).fillna(0).astype(int)
    folded = pd.crosstab(
        [EXPECTED[k][1] for k in REPEATS], [EXPECTED[k][0] for k in REPEATS]
    ).reindex_like(data)
    assert (everything - data).equals(folded.fillna(0).astype(int))
    assert int(folded.loc["percentage", "inconsistency"]) == 1


def test_summary_chart_plots_the_data():
    data = audit.summary_data()
    fig = audit.summary_chart(data)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == list(data.index)
    for container, severity in zip(ax.containers, data.columns, strict=True):
        assert [bar.get_width() for bar in container] == data[severity].tolist()
    assert [t.get_text() for t in ax.get_legend().get_texts()] == list(data.columns)
    assert ax.get_xlabel() == "Number of findings"


def test_summary_caption_counts_independent_findings_and_says_how_many_are_folded_in():
    data = audit.summary_data()
    caption = audit.summary_caption(data, len(REPEATS))
    assert caption.startswith(
        f"{len(EXPECTED) - len(REPEATS)} independent findings: 8 errors, 15 inconsistencies, "
        "10 ambiguities, 17 notes."
    )
    assert caption.endswith("Not plotted, as re-reports of these: 4 findings.")
    assert "Not plotted" not in audit.summary_caption(data)


def test_count_values_for_the_chapter_prose():
    assert audit.count_values() == {
        "checks": 185,
        "findings": 50,
        "errors": "8 errors",
        "inconsistencies": "15 inconsistencies",
        "ambiguities": "10 ambiguities",
        "notes": "17 notes",
        "repeating": "4 findings",
    }


def test_count_values_follow_the_findings():
    values = audit.count_values()
    assert values["checks"] == len(audit.confirmed())
    assert values["findings"] == len(EXPECTED) - len(REPEATS)
    assert values["repeating"] == f"{len(REPEATS)} findings"
    for severity, plural in [
        ("error", "errors"),
        ("inconsistency", "inconsistencies"),
        ("ambiguity", "ambiguities"),
        ("note", "notes"),
    ]:
        n = sum(v[0] == severity for k, v in EXPECTED.items() if k not in REPEATS)
        assert values[plural] == f"{n} {plural}"
    # prose() shows values as given and refuses floats: every value is an int or a string
    assert all(isinstance(v, int | str) and not isinstance(v, bool) for v in values.values())


def test_count_values_use_the_singular_for_one(monkeypatch):

    one_error = [f for f in audit.findings() if f.severity == "error"][:1]
    monkeypatch.setattr(results, "findings", lambda data_dir=None: one_error)
    monkeypatch.setattr(results, "confirmed", lambda data_dir=None: [])
    assert audit.count_values() == {
        "checks": 0,
        "findings": 1,
        "errors": "1 error",
        "inconsistencies": "0 inconsistencies",
        "ambiguities": "0 ambiguities",
        "notes": "0 notes",
        "repeating": "0 findings",
    }


def test_count_values_follow_the_data(data_copy):
    """A Table 14 total that stops reproducing: the total and its 5 shares become findings."""
    path = data_copy / "table-14.csv"
    rows = read_rows(path)
    header = rows[0]
    for row in rows[1:]:
        if row[header.index("stage")] == "total" and row[header.index("measure")] == (
            "n_developments"
        ):
            row[header.index("value")] = row[header.index("printed")] = "206"
    write_rows(path, rows)
    values = audit.count_values(data_copy)
    assert (values["checks"], values["findings"]) == (179, 56)
    assert values["inconsistencies"] == "21 inconsistencies"
    assert values["repeating"] == "4 findings"
    assert values["errors"] == "8 errors"
    assert audit.count_values()["inconsistencies"] == "15 inconsistencies"


def test_severity_scale_documents_each_level():
    scale = audit.severity_scale()
    assert list(scale["Severity"]) == ["error", "inconsistency", "ambiguity", "note"]
    from helpers.audit import model

    assert all(f"\n{level}\n    " in model.__doc__ for level in scale["Severity"])


def test_filter_panel_prepares_every_choice_of_severities_and_table():
    chooser, view = audit.filter_panel()
    tables = [value for _, value in audit.group_options()]
    assert len(chooser.table) == 2 ** len(audit.SEVERITIES) * len(tables)
    assert chooser.selection == "" and view.html() == audit.filtered_view(
        ("error",), audit.EVERY_FINDING
    )
    key = chooser.table['[["ambiguity"],"table-09"]']
    assert key == "?severity=ambiguity&table=table-09"
    assert view.html(key) == audit.filtered_view(("ambiguity",), "table-09")
    assert "Choose at least one severity" in view.html("?severity=")


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
    assert "Confirmed checks (185)" in out
    assert out.index("\nTable 4\n") < out.index("\nTable 8\n") < out.index("\nSeveral tables\n")
    assert "[error] text-rent-7-of-24" in out
    assert (
        "185 checks reproduce; 50 independent findings: 8 errors, 15 inconsistencies, "
        "10 ambiguities, 17 notes; not counted, as re-reports of these: 4 findings." in out
    )
    assert "  repeats table-09-share-denominator: not counted separately" in out
    assert "  rests on an assumption: each outside average" in out


def test_findings_html_names_what_a_finding_repeats_rests_on_and_relates_to():
    table_9 = audit.findings_html("table-09")
    assert "Repeats table-09-share-denominator: not counted separately" in table_9
    assert "See also table-09-finance-all-firms-share" in table_9
    assert "Rests on a transcription reading: the KGP row" in table_9
    table_10 = audit.findings_html("table-10")
    assert "Rests on an assumption: each outside average" in table_10
    several = audit.findings_html("several")
    assert "Repeats table-05-outside-firms-exceed-surveyed" in several


def test_write_data_cli_writes_both_resources(monkeypatch, capsys, tmp_path):
    from helpers.audit import __main__ as cli

    paths = [tmp_path / "audit-findings.csv", tmp_path / "audit-checks.csv"]
    monkeypatch.setattr(cli, "write_resources", lambda: paths)
    assert cli.main(["--write-data"]) == 0
    assert capsys.readouterr().out.splitlines() == [f"wrote {p}" for p in paths]
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "audit-data: venv\n\t$(BIN)/python -m helpers.audit --write-data\n" in makefile
