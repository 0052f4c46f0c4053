"""Numbers inside a chapter's Markdown prose: computed in code, written into the text.

Reader prose sits in Markdown cells.  Where a sentence states a number (or a word that
depends on the data), the Markdown cell writes it inside a named span::

    The paper cites <span data-value="works">29</span> distinct works.

and a code cell before it computes the value under that name and calls :func:`prose`::

    prose(works=len(studies))

``prose`` shows nothing.  It checks every span of those names in the chapter's Markdown
cells against the computed values and raises :class:`StaleProse`, naming the cell, if one
differs: running the notebook (nbval included) fails until the text says what the data
says.  ``make notebooks`` runs the chapters with ``TECHNOPARKS_PROSE=update``: ``prose``
then records the values, and :func:`fill` writes them into the spans.  Values are shown as
given: format numbers in the code (``f"{share:.0f}%"``); they are HTML-escaped, since the
span is HTML inside Markdown.  Run ``python -m helpers.display.prose notebooks/*.ipynb``
after an update run to fill the recorded values in (``make notebooks`` does).
"""

from __future__ import annotations

import html
import json
import os
import re
import sys
from pathlib import Path

MODE_VARIABLE = "TECHNOPARKS_PROSE"  # "check" (default) or "update"
ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
UPDATES = ROOT / ".cache" / "prose"  # values recorded in "update" mode, one file a chapter
_SPAN = re.compile(r'(<span data-value="(?P<name>[\w-]+)">)(?P<text>.*?)(</span>)', re.DOTALL)

_chapter: str | None = None


class StaleProse(AssertionError):
    """A Markdown cell states a value that the data no longer gives."""


def set_chapter(stem: str | None) -> None:
    """Name the chapter whose Markdown the following :func:`prose` calls check."""
    global _chapter
    _chapter = stem


def spans(markdown: str) -> dict[str, list[str]]:
    """Every named value a Markdown text states: name -> the texts written for it."""
    found: dict[str, list[str]] = {}
    for match in _SPAN.finditer(markdown):
        found.setdefault(match["name"], []).append(match["text"])
    return found


def _markdown_cells(stem: str) -> list[tuple[int, str]]:
    notebook = json.loads((NOTEBOOKS / f"{stem}.ipynb").read_text(encoding="utf-8"))
    return [
        (number, "".join(cell["source"]))
        for number, cell in enumerate(notebook["cells"], start=1)
        if cell["cell_type"] == "markdown"
    ]


def _text(value: object) -> str:
    if isinstance(value, float):
        raise TypeError("format a float yourself (e.g. f'{x:.1f}'): prose shows values as given")
    return html.escape(str(value), quote=False)


def prose(**values: object) -> None:
    """Check (or, in update mode, record) the values the chapter's prose states."""
    if _chapter is None:
        raise RuntimeError("call start_page('<chapter>') before prose()")
    texts = {name: _text(value) for name, value in values.items()}
    if os.environ.get(MODE_VARIABLE, "check") == "update":
        UPDATES.mkdir(parents=True, exist_ok=True)
        path = UPDATES / f"{_chapter}.json"
        recorded = json.loads(path.read_text()) if path.is_file() else {}
        path.write_text(json.dumps(recorded | texts, indent=1, ensure_ascii=False))
        return
    stated = {}
    for number, markdown in _markdown_cells(_chapter):
        for name, written in spans(markdown).items():
            stated.setdefault(name, []).extend((number, text) for text in written)
    unused = [name for name in texts if name not in stated]
    if unused:
        raise StaleProse(f"{_chapter}: no Markdown cell states {', '.join(unused)}")
    for name, text in texts.items():
        for number, written in stated[name]:
            if written != text:
                raise StaleProse(
                    f"{_chapter}, Markdown cell {number}: '{name}' reads {written!r}, the data "
                    f"give {text!r}. Run `make notebooks` to update the text."
                )


def fill(notebook_path: Path, values: dict[str, str]) -> int:
    """Write ``values`` into the named spans of a notebook's Markdown cells; return how many
    spans changed.  Outputs and code are left as they are."""
    import nbformat

    notebook = nbformat.read(notebook_path, as_version=4)
    changed = 0

    def replace(match: re.Match) -> str:
        nonlocal changed
        name = match["name"]
        if name not in values or values[name] == match["text"]:
            return match.group(0)
        changed += 1
        return f"{match.group(1)}{values[name]}{match.group(4)}"

    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            cell.source = _SPAN.sub(replace, cell.source)
    if changed:
        nbformat.write(notebook, notebook_path)
    return changed


def fill_recorded(notebooks: list[Path]) -> dict[str, int]:
    """After an update run: write each chapter's recorded values into its Markdown."""
    done = {}
    for path in notebooks:
        recorded = UPDATES / f"{path.stem}.json"
        if recorded.is_file():
            done[path.stem] = fill(path, json.loads(recorded.read_text()))
            recorded.unlink()
    return done


if __name__ == "__main__":
    for stem, changed in fill_recorded([Path(arg) for arg in sys.argv[1:]]).items():
        print(f"{stem}: {changed} value(s) rewritten in the prose")
