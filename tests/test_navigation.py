"""Chapter order and links."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest

from helpers.display import navigation

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"


def test_chapters_are_numbered_in_reading_order():
    """00, 01, 02 ... without gaps, then the appendix pages numbered from 99 down."""
    stems = [c.stem for c in navigation.CHAPTERS]
    assert stems == sorted(stems)
    numbers = [int(s[:2]) for s in stems]
    main = [n for n in numbers if n < 90]
    assert main == list(range(len(main)))
    assert numbers[len(main) :] == list(range(99, 99 - (len(numbers) - len(main)), -1))[::-1]


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
        navigation.chapter("98_nothing")


def test_contents_links_every_chapter_but_the_landing_page():
    html = navigation.contents().data
    assert html.count("<li>") == len(navigation.CHAPTERS) - 1


def test_every_existing_notebook_is_a_chapter():
    stems = {c.stem for c in navigation.CHAPTERS}
    assert {p.stem for p in NOTEBOOKS.glob("*.ipynb") if p.stem != "_template"} == stems


def test_every_notebook_carries_its_page_title():
    """Voila uses the notebook's metadata title for the browser tab."""
    for path in sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")):
        metadata = json.loads(path.read_text(encoding="utf-8"))["metadata"]
        assert metadata.get("title") == navigation.page_title(path.stem), path.name


def test_titles_are_each_notebooks_own_heading():
    for entry in navigation.CHAPTERS:
        first_markdown = next(
            cell
            for cell in json.loads((NOTEBOOKS / entry.filename).read_text())["cells"]
            if cell["cell_type"] == "markdown"
        )
        assert "".join(first_markdown["source"]).startswith(f"# {entry.title}\n")
    assert navigation.page_title("00_index") == navigation.CHAPTERS[0].title
    assert navigation.page_title("06_audit").startswith("Reproducibility audit | ")


def test_a_notebook_without_a_title_is_refused(tmp_path):
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_markdown_cell("Some text\n# Late heading")]
    nbformat.write(notebook, tmp_path / "07_untitled.ipynb")
    with pytest.raises(ValueError, match="07_untitled.ipynb: the first Markdown cell"):
        navigation.notebook_title(tmp_path / "07_untitled.ipynb")


def test_a_new_chapter_needs_a_summary(tmp_path, monkeypatch):
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_markdown_cell("# A new chapter\n\nText.")]
    nbformat.write(notebook, tmp_path / "07_new.ipynb")
    monkeypatch.setattr(navigation, "NOTEBOOKS", tmp_path)
    navigation.chapters.cache_clear()
    try:
        with pytest.raises(KeyError, match="07_new"):
            navigation.chapters()
    finally:
        monkeypatch.undo()
        navigation.chapters.cache_clear()


def test_titles_are_escaped_in_links():
    assert "Kazakh R&amp;D" in navigation.chapter_links("03_park_survey").data
    assert "Kazakh R&amp;D</a>" in navigation.contents().data


def test_every_chapter_links_the_accessibility_statement_once():
    for entry in navigation.CHAPTERS:
        html = navigation.chapter_links(entry.stem).data
        expected = 0 if entry.stem == navigation.ACCESSIBILITY else 1
        assert html.count(f'href="{navigation.ACCESSIBILITY}.ipynb"') == expected, entry.stem
    assert '<a href="99_accessibility.ipynb">Accessibility</a>' in (
        navigation.chapter_links("03_park_survey").data
    )
    # where it is the next chapter, the "next" link is the one
    assert "Accessibility statement &rarr;" in navigation.chapter_links("06_audit").data
    assert navigation.chapter(navigation.ACCESSIBILITY).title == "Accessibility statement"
