"""The chapters in reading order, and the links between them.

Links are relative (``01_literature.ipynb``) so they work in JupyterLab and under Voila,
where a chapter is served at ``voila/render/<name>.ipynb``.
"""

from __future__ import annotations

from dataclasses import dataclass

from IPython.display import HTML


@dataclass(frozen=True)
class Chapter:
    stem: str
    title: str
    summary: str

    @property
    def filename(self) -> str:
        return f"{self.stem}.ipynb"


CHAPTERS = [
    Chapter("00_index", "Overview", "What the paper asks, the chapters, the data, how to cite."),
    Chapter(
        "01_literature",
        "Technoparks in international perspective",
        "The studies the literature review cites, their verdicts, and the Kazakh incubation "
        "scene of 2002.",
    ),
    Chapter(
        "02_rd_structure",
        "The institutional structure of Kazakh R&D",
        "Table 1 and Figures 1-3: who performs R&D, and why technoparks lack local demand.",
    ),
    Chapter(
        "03_park_survey",
        "The survey of five technoparks",
        "Tables 2-13 and Figure 4: the parks, their firms, motives, barriers and links.",
    ),
    Chapter(
        "04_innovation_catalogue",
        "The catalogue of innovations",
        "Table 14 and Figure 7: how few public R&D results are ready for the market.",
    ),
    Chapter(
        "05_conclusions",
        "Conclusions: a claims ledger",
        "Each main claim of the paper beside the tables that bear on it.",
    ),
    Chapter(
        "06_audit",
        "Reproducibility audit",
        "Every derived number recomputed, and where the paper disagrees with itself.",
    ),
]


SITE_TITLE = "Between vision and reality: technoparks in Kazakhstan"


def page_title(stem: str) -> str:
    """The browser tab's title for a chapter (kept in the notebook's metadata)."""
    return SITE_TITLE if stem == CHAPTERS[0].stem else f"{chapter(stem).title} | {SITE_TITLE}"


def chapter(stem: str) -> Chapter:
    """The chapter with this file stem (e.g. ``"03_park_survey"``)."""
    for entry in CHAPTERS:
        if entry.stem == stem:
            return entry
    raise KeyError(f"unknown chapter {stem!r}; known: {', '.join(c.stem for c in CHAPTERS)}")


def neighbours(stem: str) -> tuple[Chapter | None, Chapter | None]:
    """The previous and next chapter (None at either end)."""
    index = CHAPTERS.index(chapter(stem))
    previous = CHAPTERS[index - 1] if index > 0 else None
    following = CHAPTERS[index + 1] if index + 1 < len(CHAPTERS) else None
    return previous, following


def chapter_links(stem: str) -> HTML:
    """Previous / overview / next links for the foot of a chapter."""
    previous, following = neighbours(stem)
    parts = []
    if previous is not None:
        parts.append(f'<a href="{previous.filename}">&larr; {previous.title}</a>')
    if CHAPTERS[0] not in (chapter(stem), previous):  # no second link to the overview
        parts.append(f'<a href="{CHAPTERS[0].filename}">Overview</a>')
    if following is not None:
        parts.append(f'<a href="{following.filename}">{following.title} &rarr;</a>')
    return HTML(f'<nav class="tp-chapter-nav">{" &middot; ".join(parts)}</nav>')


def contents() -> HTML:
    """The list of chapters with links, for the landing page."""
    items = "\n".join(
        f'<li><a href="{c.filename}">{c.title}</a>: {c.summary}</li>' for c in CHAPTERS[1:]
    )
    return HTML(f'<ol class="tp-contents">\n{items}\n</ol>')
