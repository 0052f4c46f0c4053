"""The chapters in reading order, and the links between them.

Links are relative (``01_literature.ipynb``) so they work in JupyterLab and under Voila,
where a chapter is served at ``voila/render/<name>.ipynb``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from IPython.display import HTML

from .html import escape

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"

# One line per chapter for the overview's contents. The titles are not here: each chapter's
# title is its notebook's own first heading (the tab title is derived from it).
SUMMARIES = {
    "00_index": "What the paper asks, the chapters, the data, how to cite.",
    "01_literature": "The studies the literature review cites, their verdicts, and the Kazakh "
    "incubation scene of 2002.",
    "02_rd_structure": "Table 1 and Figures 1-3: who performs R&D, and why technoparks lack "
    "local demand.",
    "03_park_survey": "Tables 2-13 and Figure 4: the parks, their firms, motives, barriers and "
    "links.",
    "04_innovation_catalogue": "Table 14 and Figure 7: how few public R&D results are ready "
    "for the market.",
    "05_conclusions": "Each main claim of the paper beside the tables that bear on it.",
    "06_audit": "Every derived number recomputed, and where the paper disagrees with itself.",
    "99_accessibility": "The accessibility standard the companion meets, how it is tested, "
    "its known limits, and how to report a barrier.",
}
# The accessibility statement, linked from the foot of every chapter.
ACCESSIBILITY = "99_accessibility"


@dataclass(frozen=True)
class Chapter:
    stem: str
    title: str
    summary: str

    @property
    def filename(self) -> str:
        return f"{self.stem}.ipynb"


def notebook_title(path: Path) -> str:
    """A notebook's own title: the ``# `` heading that opens its first Markdown cell."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    for cell in cells:
        if cell["cell_type"] == "markdown":
            first_line = "".join(cell["source"]).lstrip().split("\n", 1)[0]
            if first_line.startswith("# "):
                return first_line[2:].strip()
            break
    raise ValueError(f"{path.name}: the first Markdown cell must open with a '# ' title")


@cache
def chapters() -> tuple[Chapter, ...]:
    """The chapters in reading order: the numbered notebooks (``NN_name.ipynb``)."""
    paths = sorted(p for p in NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
    missing = [p.stem for p in paths if p.stem not in SUMMARIES]
    if missing:
        raise KeyError(f"add a one-line summary to navigation.SUMMARIES for {missing}")
    return tuple(Chapter(p.stem, notebook_title(p), SUMMARIES[p.stem]) for p in paths)


def __getattr__(name: str):
    if name == "CHAPTERS":  # read the notebooks on first use, not on import
        return list(chapters())
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def page_title(stem: str) -> str:
    """The browser tab's title for a chapter (``make notebooks`` writes it into the
    notebook's metadata, where Voila reads it)."""
    site_title = chapters()[0].title  # the overview's title names the whole site
    return site_title if stem == chapters()[0].stem else f"{chapter(stem).title} | {site_title}"


def chapter(stem: str) -> Chapter:
    """The chapter with this file stem (e.g. ``"03_park_survey"``)."""
    for entry in chapters():
        if entry.stem == stem:
            return entry
    raise KeyError(f"unknown chapter {stem!r}; known: {', '.join(c.stem for c in chapters())}")


def neighbours(stem: str) -> tuple[Chapter | None, Chapter | None]:
    """The previous and next chapter (None at either end)."""
    index = chapters().index(chapter(stem))
    previous = chapters()[index - 1] if index > 0 else None
    following = chapters()[index + 1] if index + 1 < len(chapters()) else None
    return previous, following


def _label(entry: Chapter) -> str:
    return "Overview" if entry == chapters()[0] else escape(entry.title)


def chapter_links(stem: str) -> HTML:
    """Previous / overview / next links for the foot of a chapter, and the accessibility
    statement (once: not again where it is already the previous or next chapter)."""
    previous, following = neighbours(stem)
    parts = []
    if previous is not None:
        parts.append(f'<a href="{previous.filename}">&larr; {_label(previous)}</a>')
    if chapters()[0] not in (chapter(stem), previous):  # no second link to the overview
        parts.append(f'<a href="{chapters()[0].filename}">Overview</a>')
    if following is not None:
        parts.append(f'<a href="{following.filename}">{_label(following)} &rarr;</a>')
    neighbourhood = {stem} | {c.stem for c in (previous, following) if c is not None}
    if ACCESSIBILITY not in neighbourhood and any(c.stem == ACCESSIBILITY for c in chapters()):
        parts.append(f'<a href="{ACCESSIBILITY}.ipynb">Accessibility</a>')
    return HTML(f'<nav class="tp-chapter-nav">{" &middot; ".join(parts)}</nav>')


def contents() -> HTML:
    """The list of chapters with links, for the landing page."""
    items = "\n".join(
        f'<li><a href="{c.filename}">{escape(c.title)}</a>: {escape(c.summary)}</li>'
        for c in chapters()[1:]
    )
    return HTML(f'<ol class="tp-contents">\n{items}\n</ol>')
