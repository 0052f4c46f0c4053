"""Numbers in Markdown prose: checked against computed values, filled in by `make notebooks`."""

import json

import nbformat
import pytest

from helpers.display import prose


@pytest.fixture
def chapter(tmp_path, monkeypatch):
    """A one-chapter notebooks folder whose Markdown states two values."""
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [
        nbformat.v4.new_code_cell("prose(...)"),
        nbformat.v4.new_markdown_cell(
            'There are <span data-value="parks">5</span> parks; '
            '<span data-value="share">40%</span> reported.'
        ),
        nbformat.v4.new_markdown_cell('Again: <span data-value="parks">5</span>.'),
    ]
    nbformat.write(notebook, tmp_path / "07_example.ipynb")
    monkeypatch.setattr(prose, "NOTEBOOKS", tmp_path)
    monkeypatch.setattr(prose, "UPDATES", tmp_path / "updates")
    monkeypatch.delenv(prose.MODE_VARIABLE, raising=False)
    prose.set_chapter("07_example")
    yield tmp_path / "07_example.ipynb"
    prose.set_chapter(None)


def test_spans_lists_every_named_value():
    text = 'a <span data-value="n">3</span> b <span data-value="n">3</span> <span>x</span>'
    assert prose.spans(text) == {"n": ["3", "3"]}


def test_prose_passes_when_the_text_says_what_the_data_say(chapter):
    assert prose.prose(parks=5, share="40%") is None


def test_stale_prose_names_the_cell_the_value_and_both_texts(chapter):
    with pytest.raises(prose.StaleProse, match=r"Markdown cell 2: 'share' reads '40%'.*'45%'"):
        prose.prose(share="45%")


def test_every_statement_of_a_value_is_checked(chapter):
    notebook = nbformat.read(chapter, as_version=4)
    notebook.cells[2].source = 'Again: <span data-value="parks">6</span>.'
    nbformat.write(notebook, chapter)
    with pytest.raises(prose.StaleProse, match="Markdown cell 3"):
        prose.prose(parks=5)


def test_a_value_no_markdown_states_is_an_error(chapter):
    with pytest.raises(prose.StaleProse, match="no Markdown cell states tenants"):
        prose.prose(parks=5, tenants=16)


def test_floats_must_be_formatted_by_the_chapter(chapter):
    with pytest.raises(TypeError, match="format a float"):
        prose.prose(share=0.4)


def test_prose_needs_a_chapter():
    prose.set_chapter(None)
    with pytest.raises(RuntimeError, match="start_page"):
        prose.prose(parks=5)


def test_update_mode_records_and_fill_writes_escaped_values(chapter, monkeypatch):
    monkeypatch.setenv(prose.MODE_VARIABLE, "update")
    prose.prose(parks=6)
    prose.prose(share="<50%")
    recorded = json.loads((prose.UPDATES / "07_example.json").read_text())
    assert recorded == {"parks": "6", "share": "&lt;50%"}

    assert prose.fill_recorded([chapter]) == {"07_example": 3}
    assert not (prose.UPDATES / "07_example.json").exists()
    monkeypatch.setenv(prose.MODE_VARIABLE, "check")
    prose.prose(parks=6, share="<50%")
    notebook = nbformat.read(chapter, as_version=4)
    assert notebook.cells[0].source == "prose(...)"
    assert '<span data-value="share">&lt;50%</span>' in notebook.cells[1].source


def test_fill_leaves_an_up_to_date_notebook_untouched(chapter):
    before = chapter.read_bytes()
    assert prose.fill(chapter, {"parks": "5", "share": "40%"}) == 0
    assert chapter.read_bytes() == before
