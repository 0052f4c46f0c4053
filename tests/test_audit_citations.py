"""The citation and cross-reference checks: the parsers, and the stored enumerations
against the paper's text."""

from __future__ import annotations

import importlib

import pytest

from helpers.audit.checks.citations import CITATIONS, Cited, citations_in, parse_citation

crossrefs = importlib.import_module("helpers.audit.checks.crossrefs")


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("(Quintas, 1986a)", [Cited(("Quintas",), 1986, "a")]),
        ("(Quintas, 1986a, b)", [Cited(("Quintas",), 1986, "a"), Cited(("Quintas",), 1986, "b")]),
        ("(Massey et al., 1992)", [Cited(("Massey",), 1992, "")]),
        ("Westhead and Storey (1998)", [Cited(("Westhead", "Storey"), 1998, "")]),
        ("(see Dyker 2005, p. 3", []),  # no comma and no 'et al.': not an author-year form
        ("(Dyker, 2005)", [Cited(("Dyker",), 2005, "")]),
        (
            "(Lofsten and Lindelof, 2001, 2001b)",
            [Cited(("Lofsten", "Lindelof"), 2001, ""), Cited(("Lofsten", "Lindelof"), 2001, "b")],
        ),
        ("(Staudt, et al,\n1999)", [Cited(("Staudt",), 1999, "")]),
        ("(Kembaev et al. 2001, Table 14, p. 30)", [Cited(("Kembaev",), 2001, "")]),
        (
            "the Ministry of Education and Science\n(2003) illustrates",
            [Cited(("Ministry of Education and Science",), 2003, "")],
        ),
        ("As Quintas et al. (1992: 18) point out", [Cited(("Quintas",), 1992, "")]),
        ("Pavitt\u2019s (1984) taxonomy", [Cited(("Pavitt",), 1984, "")]),
        ("(see Westhead and Storey, 1995; Vedovello, 1997)", None),
        ("between September and October, 2003; the data", []),
        ("during the 1970s and 1980s", []),
    ],
)
def test_parser_normalises_citations(printed, expected):
    works = [w for _, ws in citations_in(printed) for w in ws]
    if expected is None:  # a list separated by ';'
        assert works == [
            Cited(("Westhead", "Storey"), 1995, ""),
            Cited(("Vedovello",), 1997, ""),
        ]
    else:
        assert works == expected


def test_parse_citation_refuses_text_without_one():
    with pytest.raises(ValueError, match="no author-year citation"):
        parse_citation("the linear innovation model (ibid)")


def test_every_citation_of_the_text_is_enumerated(paper_text):
    assert [p for p, _ in citations_in(paper_text)] == [p for _, p in CITATIONS]


def test_every_cross_reference_of_the_text_is_enumerated(paper_text):
    assert tuple(crossrefs.mentions_in(paper_text)) == crossrefs.MENTIONS


def test_mentions_skip_captions_and_mark_a_cited_works_table():
    text = "as shown (see Table 2). Table 10: Barriers to growth (Kembaev et al. 2001, Table 14)"
    found = crossrefs.mentions_in(text)
    assert [(m.kind, m.number, m.external) for m in found] == [
        ("table", 2, False),
        ("table", 14, True),
    ]
    both = crossrefs.mentions_in("(see Figures 2 and 3).")
    assert [(m.kind, m.number) for m in both] == [("figure", 2), ("figure", 3)]


def test_a_mention_of_a_missing_target_is_a_finding(monkeypatch):
    from helpers.audit.model import Audit

    missing = crossrefs.Mention("table", 15, "Table 15", "Sales by market (Table 15)", 4)
    monkeypatch.setattr(crossrefs, "MENTIONS", (missing,))
    audit = Audit()
    crossrefs.crossrefs(audit)
    assert [f.id for f in audit.findings] == ["text-xref-table-15"]
    assert audit.findings[0].severity == "error"


def test_mentions_already_reported_are_not_reported_twice():
    from helpers import audit

    ids = {f.id for f in audit.findings()}
    assert set(crossrefs.REPORTED.values()) <= ids
    assert not any(i.startswith("text-xref-") for i in ids)


def test_every_literature_entry_is_cited_and_every_citation_matched():
    from helpers import audit

    checks = {c.id for c in audit.confirmed() if c.id.startswith("citation-")}
    assert len(checks) == sum(len(parse_citation(p)) for _, p in CITATIONS) == 33
    assert not any(f.id.startswith("text-citation-uncited-") for f in audit.findings())
