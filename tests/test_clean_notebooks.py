"""Committed notebooks hold nothing random: no widget model ids."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from tools.clean_notebooks import WIDGET_VIEW, clean, set_page_title

NOTEBOOKS = sorted((Path(__file__).resolve().parent.parent / "notebooks").glob("*.ipynb"))


def test_clean_removes_widget_views_and_state():
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["widgets"] = {"state": {}}
    cell = nbformat.v4.new_code_cell("w")
    cell.outputs = [
        nbformat.v4.new_output(
            "display_data", data={"text/plain": "Dropdown()", WIDGET_VIEW: {"model_id": "abc"}}
        )
    ]
    notebook.cells.append(cell)
    assert clean(notebook)
    assert "widgets" not in notebook.metadata
    assert notebook.cells[0].outputs[0]["data"] == {"text/plain": "Dropdown()"}
    assert not clean(notebook)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_notebooks_hold_no_random_ids(path):
    text = path.read_text(encoding="utf-8")
    assert "model_id" not in text and "IPY_MODEL_" not in text
    assert not re.search(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}", text)


def test_the_tab_title_follows_the_chapters_heading():
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["title"] = "An old title"
    assert set_page_title(notebook, "06_audit")
    assert notebook.metadata["title"] == "Reproducibility audit | " + (
        "Between vision and reality: technoparks in Kazakhstan"
    )
    assert not set_page_title(notebook, "06_audit")
