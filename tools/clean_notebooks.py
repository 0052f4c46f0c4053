"""Strip what changes on every run from executed notebooks, so diffs show real changes.

Each chapter's browser-tab title is derived from its own first heading
(:func:`helpers.display.navigation.page_title`) and written into the metadata, where Voila reads it.

Widget views and saved widget state carry random model ids. Voila and JupyterLab rebuild
widgets when they run a notebook, and nbval does not compare widget views, so the committed
notebooks keep each widget's text form only. `make notebooks` runs this after executing.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def clean(notebook: nbformat.NotebookNode) -> bool:
    """Remove widget state and widget views in place; return whether anything changed."""
    changed = notebook.metadata.pop("widgets", None) is not None
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            if WIDGET_VIEW in output.get("data", {}):
                del output["data"][WIDGET_VIEW]
                changed = True
    return changed


def set_page_title(notebook: nbformat.NotebookNode, stem: str) -> bool:
    """Write the chapter's tab title into its metadata; return whether it changed."""
    from helpers.display.navigation import page_title

    title = page_title(stem)
    changed = notebook.metadata.get("title") != title
    notebook.metadata["title"] = title
    return changed


def main(paths: list[str]) -> int:
    for path in map(Path, paths):
        notebook = nbformat.read(path, as_version=4)
        titled = path.stem[:2].isdigit() and set_page_title(notebook, path.stem)
        if clean(notebook) | titled:
            nbformat.write(notebook, path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
