"""Chapter order and links."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import navigation

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"


def test_chapters_are_numbered_in_reading_order():
    stems = [c.stem for c in navigation.CHAPTERS]
    assert stems == sorted(stems)
    assert [int(s[:2]) for s in stems] == list(range(len(stems)))


def test_links_at_the_ends_and_in_the_middle():
    first = navigation.chapter_links("00_index").data
    assert "01_literature.ipynb" in first and "&larr;" not in first
    middle = navigation.chapter_links("03_park_survey").data
    assert '<a href="02_rd_structure.ipynb">' in middle
    assert '<a href="04_innovation_catalogue.ipynb">' in middle
    assert '<a href="00_index.ipynb">Overview</a>' in middle
    last = navigation.chapter_links(navigation.CHAPTERS[-1].stem).data
    assert "&rarr;" not in last
    second = navigation.chapter_links("01_literature").data
    assert second.count("00_index.ipynb") == 1


def test_unknown_chapter():
    with pytest.raises(KeyError, match="unknown chapter"):
        navigation.chapter("99_nothing")


def test_contents_links_every_chapter_but_the_landing_page():
    html = navigation.contents().data
    assert html.count("<li>") == len(navigation.CHAPTERS) - 1


def test_every_existing_notebook_is_a_chapter():
    stems = {c.stem for c in navigation.CHAPTERS}
    assert {p.stem for p in NOTEBOOKS.glob("*.ipynb")} <= stems


def test_every_notebook_carries_its_page_title():
    """Voila uses the notebook's metadata title for the browser tab."""
    import json

    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        metadata = json.loads(path.read_text(encoding="utf-8"))["metadata"]
        assert metadata.get("title") == navigation.page_title(path.stem), path.name
