"""The chapter template: the structure CONTRIBUTING.md describes (nbval runs it too)."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat

from helpers.display import navigation

TEMPLATE = Path(__file__).resolve().parent.parent / "notebooks" / "_template.ipynb"


def cells(kind: str) -> list[str]:
    notebook = nbformat.read(TEMPLATE, as_version=4)
    return [cell.source for cell in notebook.cells if cell.cell_type == kind]


def test_the_template_has_the_cookbook_sections_in_order():
    headings = [
        line
        for text in cells("markdown")
        for line in text.splitlines()
        if re.match(r"#{1,2} ", line)
    ]
    assert headings[0] == "# A new chapter"
    sections = [h for h in headings if h.startswith("## ")]
    assert sections[:3] == ["## Overview", "## Prerequisites", "## Imports"]
    assert sections[-1] == "## Summary"


def test_the_template_starts_the_page_then_imports_then_loads_computes_draws():
    code = cells("code")
    assert code[0] == 'from helpers.display.page import start_page\n\nstart_page("_template")'
    assert all(line.startswith(("from ", "import ", "")) for line in code[1].splitlines())
    table_cell = code[2]
    assert table_cell.startswith('table_03 = load("table-03")')
    assert "show_chart(" in table_cell


def test_the_templates_prose_states_computed_values():
    code = "\n".join(cells("code"))
    stated = re.findall(r'data-value="(\w+)"', "\n".join(cells("markdown")))
    assert stated and all(f"{name}=" in code for name in stated)


def test_the_template_is_not_a_chapter_of_the_site():
    assert "_template" not in {chapter.stem for chapter in navigation.CHAPTERS}
