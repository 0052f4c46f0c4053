"""The view cache: what readers' kernels replay is what running the chapter shows."""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import pytest
from jupyter_core.utils import run_sync
from nbclient import NotebookClient

from helpers.display import embedded, view_cache

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
HEAVY = ("pandas", "matplotlib", "anywidget")

CELLS = [
    'from helpers.display.page import start_page\n\nstart_page("00_index")',
    "import sys\n\nfrom helpers.display.switchboard import Chooser, Control, SwitchedView"
    "\nfrom helpers.display.switchboard import plain_query\n\nanswer = 41",
    "from IPython.display import HTML, display\n\ndisplay(HTML('<b>shown</b>'))\nanswer + 1",
    "park = Control('park', 'Park', (('All', 'ALL'), ('K', 'KGP')), 'ALL')\n"
    "chooser = Chooser('demo', [park], plain_query)\n"
    "display(chooser)\nSwitchedView('demo', chooser.views(lambda park: f'<p>{park}</p>'))",
    "import pandas\n\nHTML(f'<i>{answer * 2}</i>')",
]


def notebook(cells=CELLS) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(source) for source in cells]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    return nb


def run(nb, mode: str, directory: Path, monkeypatch, widgets: str = "live") -> tuple[list, dict]:
    """Execute ``nb`` in a fresh kernel with the cache in ``mode`` and widgets ``widgets``;
    return its outputs (text and HTML of each) and which heavy libraries it imported."""
    monkeypatch.setenv(view_cache.MODE_VARIABLE, mode)
    monkeypatch.setenv(embedded.MODE_VARIABLE, widgets)
    monkeypatch.setenv(view_cache.DIR_VARIABLE, str(directory))
    client = NotebookClient(nb, timeout=120, resources={"metadata": {"path": str(NOTEBOOKS)}})
    with client.setup_kernel():
        for index, cell in enumerate(nb.cells):
            client.execute_cell(cell, index)
        # User expressions are evaluated without running a cell, so the probe itself
        # neither replays nor computes anything.
        probe = {name: f"{name!r} in __import__('sys').modules" for name in HEAVY}
        reply = run_sync(client.kc.execute_interactive)("", user_expressions=probe, timeout=30)
    imported = {
        name: value["data"]["text/plain"] == "True"
        for name, value in reply["content"]["user_expressions"].items()
    }
    return [shown(cell) for cell in nb.cells], imported


def shown(cell) -> list[dict]:
    """What a reader sees of a cell's outputs: their text and HTML (widget ids aside)."""
    return [
        {
            mime: output["data"][mime]
            for mime in ("text/plain", "text/html")
            if mime in output.get("data", {})
        }
        for output in cell.get("outputs", [])
    ]


def test_mode_comes_from_the_environment(monkeypatch):
    monkeypatch.delenv(view_cache.MODE_VARIABLE, raising=False)
    assert view_cache.mode() == "off"
    monkeypatch.setenv(view_cache.MODE_VARIABLE, " Read ")
    assert view_cache.mode() == "read"
    monkeypatch.setenv(view_cache.MODE_VARIABLE, "sometimes")
    with pytest.raises(view_cache.ViewCacheError, match="TECHNOPARKS_VIEW_CACHE='sometimes'"):
        view_cache.mode()


def test_fingerprint_follows_every_source_file(tmp_path, monkeypatch):
    monkeypatch.setattr(view_cache, "ROOT", tmp_path)
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "t.csv").write_text("a\n1\n")
    (tmp_path / "data" / "notes.txt").write_text("ignored suffix")
    sources = [tmp_path / "data"]
    before = view_cache.fingerprint(sources)
    assert view_cache.fingerprint(sources) == before
    (tmp_path / "data" / "notes.txt").write_text("still ignored")
    assert view_cache.fingerprint(sources) == before
    (tmp_path / "data" / "t.csv").write_text("a\n2\n")
    assert view_cache.fingerprint(sources) != before


def test_a_cell_key_chains_the_code_before_it():
    cache = view_cache.ViewCache.__new__(view_cache.ViewCache)
    other = view_cache.ViewCache.__new__(view_cache.ViewCache)
    import hashlib

    cache._chain = hashlib.sha256(b"env")
    other._chain = hashlib.sha256(b"env")
    assert cache.key("a = 1") == other.key("a = 1")
    assert cache.key("b = 2") != other.key("b = 3")
    assert cache.key("c") != other.key("c")  # same cell, different code before it


def test_replayed_outputs_equal_computed_ones_without_heavy_imports(tmp_path, monkeypatch):
    computed, imported_off = run(notebook(), "off", tmp_path, monkeypatch)
    assert list(tmp_path.iterdir()) == []  # "off" stores nothing
    assert imported_off["pandas"]
    written, _ = run(notebook(), "write", tmp_path, monkeypatch)
    assert len(list(tmp_path.glob("*.json"))) == len(CELLS) - 1  # every cell but the first
    replayed, imported = run(notebook(), "read", tmp_path, monkeypatch)
    assert replayed == written
    assert [[o.get("text/html") for o in cell] for cell in replayed] == [
        [o.get("text/html") for o in cell] for cell in computed
    ]
    assert replayed[2] == [
        {"text/plain": "<IPython.core.display.HTML object>", "text/html": "<b>shown</b>"},
        {"text/plain": "42"},
    ]
    assert not imported["pandas"] and not imported["matplotlib"]


def test_a_missing_key_runs_the_skipped_cells_first(tmp_path, monkeypatch):
    run(notebook(), "write", tmp_path, monkeypatch)
    changed = [*CELLS[:-1], CELLS[-1].replace("answer * 2", "answer * 3")]
    replayed, imported = run(notebook(changed), "read", tmp_path, monkeypatch)
    # The last cell was not stored: the cells before it ran (silently) so `answer` exists.
    assert replayed[-1] == [
        {"text/plain": "<IPython.core.display.HTML object>", "text/html": "<i>123</i>"}
    ]
    assert replayed[2][1] == {"text/plain": "42"}  # earlier outputs shown once, replayed
    assert imported["pandas"]


def test_a_cell_that_prints_cannot_be_stored(tmp_path, monkeypatch):
    cells = [CELLS[0], "print('hello')"]
    with pytest.raises(Exception, match="printed text"):
        run(notebook(cells), "write", tmp_path, monkeypatch)


def test_only_widgets_that_can_be_rebuilt_are_stored(tmp_path, monkeypatch):
    cells = [CELLS[0], "import ipywidgets\n\nipywidgets.IntSlider()"]
    with pytest.raises(Exception, match="IntSlider cannot be stored"):
        run(notebook(cells), "write", tmp_path, monkeypatch)


def test_an_error_in_a_cell_is_raised_and_not_stored(tmp_path, monkeypatch):
    cells = [CELLS[0], "1 / 0"]
    with pytest.raises(Exception, match="ZeroDivisionError"):
        run(notebook(cells), "write", tmp_path, monkeypatch)
    assert list(tmp_path.glob("*.json")) == []


def committed_outputs(path: Path) -> list[list[dict]]:
    return [shown(cell) for cell in nbformat.read(path, as_version=4).cells]


# An embedded widget's HTML: its module and state, then what it shows before it is drawn.
EMBEDDED = re.compile(
    r'^<div class="tp-embedded-widget" data-widget="\w+"><script type="[^"]+">[^<]*</script>'
    r"(.*)</div>$",
    re.DOTALL,
)


def normalise(outputs: list[list[dict]]) -> list[list[dict]]:
    """Object addresses masked; an embedded widget reduced to what it shows undrawn, which
    is what the same widget shows as a fallback beside its anywidget view."""
    address = re.compile(r"0x[0-9a-f]{6,16}")
    outputs = json.loads(address.sub("0xADDRESS", json.dumps(outputs)))
    for cell in outputs:
        for output in cell:
            match = EMBEDDED.match(output.get("text/html", ""))
            if match:
                output["text/html"] = match[1]
            if output.get("text/html") == "":
                del output["text/html"]  # an empty fallback shows nothing, as no fallback
    return outputs


def test_the_survey_chapter_replays_what_it_computes(monkeypatch):
    """The park survey as the app's kernels show it, from the cache `make site` built: the
    committed outputs (widgets embedded), and no pandas, matplotlib or anywidget."""
    path = NOTEBOOKS / "03_park_survey.ipynb"
    if not any(view_cache.CACHE_DIR.glob("*.json")):
        pytest.fail("the view cache is empty: run `make site` first")
    replayed, imported = run(
        nbformat.read(path, as_version=4), "read", view_cache.CACHE_DIR, monkeypatch, "embedded"
    )
    widgets = [out for cell in replayed for out in cell if "tp-embedded-widget" in str(out)]
    assert len(widgets) >= 10  # the chooser, its status line and chart style, the tables
    assert normalise(replayed) == normalise(committed_outputs(path))
    assert not any(imported.values()), f"stale cache? run `make site` ({imported})"
