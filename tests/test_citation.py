"""Cite this chapter: APA, BibTeX and RIS from CITATION.cff, with nothing made up."""

from __future__ import annotations

import html
import re
from urllib.parse import unquote

import pytest

from helpers.display import citation
from helpers.display.citation import Author, Reference, chapter_reference, paper_reference

COMPANION = "Between vision and reality: technoparks in Kazakhstan, an interactive companion"


def parse_bibtex(text: str) -> tuple[str, str, dict[str, str]]:
    """(type, key, fields) of one entry, checking its structure on the way."""
    match = re.fullmatch(r"@(\w+)\{([\w:-]+),\n((?:  \w+ *= \{.*\},\n)+)\}\n", text)
    assert match, text
    fields = {}
    for line in match[3].splitlines():
        name, value = re.fullmatch(r"  (\w+) *= \{(.*)\},", line).groups()
        depth = 0
        for position, char in enumerate(value):
            if char in "{}" and position and value[position - 1] == "\\":
                continue
            depth += {"{": 1, "}": -1}.get(char, 0)
            assert depth >= 0, line
        assert depth == 0, line
        assert re.search(r"(?<!\\)[&%#$_]", value) is None or name == "url", line
        fields[name] = value
    return match[1], match[2], fields


def parse_ris(text: str) -> list[tuple[str, str]]:
    lines = text.split("\n")
    assert lines[-1] == "" and lines[-2] == "ER  - "
    tags = [re.fullmatch(r"([A-Z][A-Z0-9])  - (.*)", line).groups() for line in lines[:-1]]
    assert tags[0][0] == "TY"
    return tags


def test_the_chapter_in_apa():
    assert chapter_reference("03_park_survey").apa() == (
        "Technoparks-KZ companion contributors. (n.d.). The survey of five technoparks. "
        "In Between vision and reality: Technoparks in Kazakhstan, an interactive companion "
        "(Version 0.1.0) [Computer software]."
    )


def test_the_paper_in_apa():
    assert paper_reference().apa() == (
        "Radosevic, S., & Myrzakhmet, M. (n.d.). Between vision and reality: Promoting "
        "innovation through technoparks in Kazakhstan (Economics and Business Working Paper "
        "No. 66). UCL School of Slavonic and East European Studies (SSEES). "
        "https://ideas.repec.org/p/see/wpaper/66.html"
    )


def test_the_chapter_in_bibtex_escapes_and_protects_its_title():
    kind, key, fields = parse_bibtex(chapter_reference("02_rd_structure").bibtex())
    assert (kind, key) == ("incollection", "technoparks_kz_02_rd_structure")
    assert fields == {
        "author": "{Technoparks-KZ companion contributors}",
        "title": r"{The institutional structure of Kazakh R\&D}",
        "booktitle": "{" + COMPANION + "}",
        "note": "Version 0.1.0",
    }


def test_the_paper_in_bibtex():
    kind, key, fields = parse_bibtex(paper_reference().bibtex())
    assert (kind, key) == ("techreport", "radosevic_myrzakhmet_66")
    assert fields["author"] == "Radosevic, Slavo and Myrzakhmet, Marat"
    assert fields["number"] == "66" and fields["type"] == "Economics and Business Working Paper"
    assert fields["url"] == "https://ideas.repec.org/p/see/wpaper/66.html"
    assert "year" not in fields  # CITATION.cff gives none: none is invented


def test_ris_records_have_type_tags_and_end():
    chapter = parse_ris(chapter_reference("03_park_survey").ris())
    assert chapter == [
        ("TY", "CHAP"),
        ("AU", "Technoparks-KZ companion contributors"),
        ("TI", "The survey of five technoparks"),
        ("T2", COMPANION),
        ("ET", "Version 0.1.0"),
        ("ER", ""),
    ]
    paper = dict(parse_ris(paper_reference().ris()))
    assert paper["TY"] == "RPRT" and paper["SN"] == "66" and "PY" not in paper
    assert [v for t, v in parse_ris(paper_reference().ris()) if t == "AU"] == [
        "Radosevic, Slavo",
        "Myrzakhmet, Marat",
    ]


def test_a_date_and_url_are_used_when_citation_cff_has_them(monkeypatch, tmp_path):
    cff = tmp_path / "CITATION.cff"
    cff.write_text(
        citation.CITATION_FILE.read_text(encoding="utf-8")
        + 'date-released: "2026-05-01"\nrepository-code: "https://example.org/repo"\n',
        encoding="utf-8",
    )
    loaded = citation.citation_file(cff)
    monkeypatch.setattr(citation, "citation_file", lambda: loaded)
    reference = chapter_reference("03_park_survey")
    assert reference.apa().startswith("Technoparks-KZ companion contributors. (2026). ")
    assert reference.apa().endswith("[Computer software]. https://example.org/repo")
    assert parse_bibtex(reference.bibtex())[2]["year"] == "2026"
    assert ("PY", "2026") in parse_ris(reference.ris())


@pytest.mark.parametrize(
    ("author", "apa", "inverted"),
    [
        (Author(family="Radosevic", given="Slavo"), "Radosevic, S.", "Radosevic, Slavo"),
        (Author(family="Sartre", given="Jean-Paul Charles"), "Sartre, J.-P. C.", None),
        (Author(family="Beethoven", given="Ludwig", particle="van"), "van Beethoven, L.", None),
        (Author(entity="A group"), "A group", "A group"),
    ],
)
def test_author_names(author, apa, inverted):
    assert author.apa() == apa
    if inverted:
        assert author.inverted() == inverted


def test_apa_lists_three_authors_with_an_ampersand():
    people = tuple(Author(family=f, given="A") for f in ("One", "Two", "Three"))
    reference = Reference(kind="report", key="k", title="T", authors=people)
    assert reference.apa().startswith("One, A., Two, A., & Three, A. (n.d.). T.")


def test_the_cite_block_folds_every_format_escaped_with_downloads():
    block = citation.cite_html("02_rd_structure")
    assert block.startswith('<details class="tp-cite"><summary>Cite this chapter</summary>')
    assert block.endswith("</details>")
    assert block.count("<pre>") == 4  # BibTeX and RIS, of the chapter and of the paper
    assert "Kazakh R&amp;D" in block and "Kazakh R&D" not in block
    downloads = dict(re.findall(r'download="([^"]+)" href="([^"]+)"', block))
    assert set(downloads) == {
        "02_rd_structure-citation.bib",
        "02_rd_structure-citation.ris",
        "paper-citation.bib",
        "paper-citation.ris",
    }
    bib = html.unescape(downloads["02_rd_structure-citation.bib"])
    assert bib.startswith("data:application/x-bibtex;charset=utf-8,")
    assert unquote(bib.split(",", 1)[1]) == chapter_reference("02_rd_structure").bibtex()
    ris = html.unescape(downloads["paper-citation.ris"])
    assert unquote(ris.split(",", 1)[1]) == paper_reference().ris()


def test_finish_page_shows_the_cite_block_before_the_chapter_links():
    from helpers.display.navigation import chapter_links
    from helpers.display.page import finish_page

    shown = finish_page("03_park_survey").data
    assert shown.startswith(citation.cite_html("03_park_survey"))
    assert shown.endswith(chapter_links("03_park_survey").data)
