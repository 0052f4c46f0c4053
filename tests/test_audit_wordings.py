"""Each claim's wordings across abstract, summary and conclusions (checks/wordings.py)."""

from __future__ import annotations

import pytest
from conftest import read_rows, write_rows

from helpers import audit
from helpers.audit.checks.wordings import INTENSIFIERS, LIMITERS, words_of
from helpers.data.datapackage import load

LEDGER_PLACES = {"Abstract": "abstract", "Section 4 summary": "survey_summary"}


def _fold(text: str) -> str:
    return " ".join(text.split()).replace("\u2019", "'")


def test_every_wording_is_verbatim_in_its_place(paper_text):
    abstract_end = paper_text.index("1. INTRODUCTION")
    summary = paper_text.index("In summary, the data, although based on a limited sample")
    conclusions = paper_text.index("4. POLICY ISSUES AND CONCLUSIONS")
    spans = {
        "abstract": (paper_text.index("Abstract"), abstract_end),
        "survey_summary": (summary, conclusions),
        "conclusions": (conclusions, len(paper_text)),
    }
    for row in load("claim-wordings").itertuples():
        at = paper_text.find(_fold(row.wording), *spans[row.place])
        assert at >= 0, row.wording_id


def test_every_claim_of_the_ledger_is_worded_where_the_ledger_says():
    wordings = load("claim-wordings")
    ledger = load("claims").set_index("claim_id")
    assert set(wordings["claim_id"]) == set(ledger.index)
    for claim_id, where in ledger["where"].items():
        places = set(wordings.loc[wordings["claim_id"] == claim_id, "place"])
        for part in where.split("; "):
            wanted = LEDGER_PLACES.get(part, "conclusions")
            assert wanted in places, (claim_id, part)


def test_limiting_and_intensity_words_are_read_from_the_words():
    assert words_of("They operate mainly in traditional activities", LIMITERS) == ("mainly",)
    assert words_of("except for a few pharmaceutical SMEs", LIMITERS) == ("except", "few")
    assert words_of("but much les so", INTENSIFIERS) == ("much",)
    assert words_of("Mainly, MOST", LIMITERS) == ("mainly", "most")
    assert not set(LIMITERS) & set(INTENSIFIERS)


def test_claims_worded_alike_are_confirmed_and_say_how_intensity_differs():
    checks = {c.id: c for c in audit.confirmed()}
    same = checks["text-wording-no-more-innovative"]
    assert same.printed == (
        "Technopark firms are no more innovative than other firms., Firms within technoparks "
        "are not more innovative than firms outside technoparks."
    )
    assert "intensity words differ (the abstract: 'much'" in checks[
        "text-wording-incubation-vs-innovation"
    ].description  # fmt: skip


@pytest.mark.parametrize(
    ("finding_id", "severity", "fragments"),
    [
        (
            "text-wording-commercialisation-ready",
            "note",
            ["the survey's summary: 'except', 'few'", "the abstract and the conclusions"],
        ),
        ("text-wording-traditional-sectors", "note", ["the survey's summary: 'mainly'"]),
        ("text-wording-local-market", "note", ["the abstract: 'largely'"]),
        (
            "text-wording-business-incubators-summary",
            "ambiguity",
            ["technoparks operate as business parks", "business parks, through to incubators"],
        ),
        ("text-wording-relocation-motives", "inconsistency", ["access to finance", "image"]),
    ],
)
def test_differing_wordings_are_findings_with_the_quotes(finding_id, severity, fragments):
    found = audit.finding(finding_id)
    assert found.severity == severity and found.category == "text" and found.group == "claims"
    for fragment in fragments:
        assert fragment in found.message, fragment
    wordings = load("claim-wordings")
    claim = finding_id.removeprefix("text-wording-")
    assert list(found.quote) == list(wordings.loc[wordings["claim_id"] == claim, "wording"])
    assert found.counted == (finding_id != "text-wording-relocation-motives")


def _edit(path, wording_id: str, **values: str) -> None:
    rows = read_rows(path)
    header = rows[0]
    for row in rows[1:]:
        if row[header.index("wording_id")] == wording_id:
            for field, value in values.items():
                row[header.index(field)] = value
    write_rows(path, rows)


def test_a_wording_that_asserts_something_else_is_an_inconsistency(data_copy):
    _edit(
        data_copy / "claim-wordings.csv",
        "no-more-innovative-survey-summary",
        asserts="technopark firms are more innovative than firms outside",
    )
    found = audit.finding("text-wording-no-more-innovative", data_copy)
    assert (found.severity, found.counted) == ("inconsistency", True)
    assert "text-wording-no-more-innovative" not in {c.id for c in audit.confirmed(data_copy)}


def test_a_wording_that_adds_a_limit_is_a_note(data_copy):
    _edit(
        data_copy / "claim-wordings.csv",
        "no-demand-for-rd-conclusions",
        wording="Currently, most of Kazakhstan industry does not have a demand for R&D",
    )
    found = audit.finding("text-wording-no-demand-for-rd", data_copy)
    assert found.severity == "note" and "the conclusions (paragraph 9): 'most'" in found.message


def test_the_chapter_shows_each_wording_with_the_audits_result():
    view = audit.wording_view()
    results = dict(zip(view["Claim"], view["Audit"], strict=False))
    assert results["no-more-innovative"] == "alike"
    assert results["traditional-sectors"] == "note: text-wording-traditional-sectors"
    assert results["relocation-motives"].endswith("(re-reports text-abstract-finance-motive)")
    assert "younger" not in results  # worded in one place only
