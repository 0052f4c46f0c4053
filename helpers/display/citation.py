"""Cite this chapter: APA, BibTeX and RIS, built from ``CITATION.cff`` and nothing else.

``CITATION.cff`` (Citation File Format 1.2) describes the companion (title, authors,
version, and, when it has them, ``date-released`` and ``url``/``repository-code``) and,
as its ``preferred-citation``, the paper.  A chapter is cited as a part of the companion,
under the chapter's own title (:func:`helpers.display.navigation.chapter`).  Nothing is
made up: without a date the year is APA's "n.d." (and BibTeX and RIS have none), without
a URL there is no URL.

>>> print(chapter_reference("03_park_survey").apa())  # doctest: +SKIP
Technoparks-KZ companion contributors. (n.d.). The survey of five technoparks. In ...
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from .downloads import text_url
from .html import escape

CITATION_FILE = Path(__file__).resolve().parents[2] / "CITATION.cff"
# BibTeX's special characters, and their escaped forms.
_BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_BIBTEX_ESCAPE = re.compile("|".join(re.escape(c) for c in _BIBTEX_SPECIAL))


@cache
def citation_file(path: Path = CITATION_FILE) -> dict[str, Any]:
    """``CITATION.cff`` as a dictionary (read once)."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Author:
    """A person (family and given names) or an entity (a name) of ``CITATION.cff``."""

    family: str = ""
    given: str = ""
    particle: str = ""
    entity: str = ""

    @classmethod
    def from_cff(cls, spec: dict[str, Any]) -> Author:
        if "family-names" in spec:
            return cls(
                family=str(spec["family-names"]),
                given=str(spec.get("given-names", "")),
                particle=str(spec.get("name-particle", "")),
            )
        return cls(entity=str(spec["name"]))

    @property
    def surname(self) -> str:
        return " ".join(part for part in (self.particle, self.family) if part)

    def apa(self) -> str:
        """'Radosevic, S.' (initials of each given name, 'J.-P.' for 'Jean-Paul')."""
        if self.entity:
            return self.entity
        initials = " ".join(
            "-".join(f"{part[0]}." for part in name.split("-") if part)
            for name in self.given.split()
        )
        return f"{self.surname}, {initials}" if initials else self.surname

    def inverted(self) -> str:
        """'Radosevic, Slavo' (BibTeX and RIS); an entity as its name."""
        if self.entity:
            return self.entity
        return f"{self.surname}, {self.given}" if self.given else self.surname


def _authors(specs: list[dict[str, Any]]) -> tuple[Author, ...]:
    return tuple(Author.from_cff(spec) for spec in specs)


def _apa_authors(authors: tuple[Author, ...]) -> str:
    """APA 7: 'A', 'A, & B', 'A, B, & C' (up to 20 authors)."""
    names = [author.apa() for author in authors]
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + ", & " + names[-1]


def _apa_title(title: str) -> str:
    """A title as written (sentence case), with the word after a colon capitalised."""
    return re.sub(r":\s+([a-z])", lambda m: f": {m[1].upper()}", title)


def _sentence(text: str) -> str:
    """Text ending with a full stop (not a second one)."""
    return text if text.endswith((".", "?", "!")) else f"{text}."


def _year(spec: dict[str, Any]) -> str | None:
    """The year of ``date-released``/``date-published`` or ``year``, if CITATION.cff has one."""
    for key in ("year", "date-published", "date-released"):
        if spec.get(key):
            return str(spec[key])[:4]
    return None


def _bibtex_text(text: str) -> str:
    return _BIBTEX_ESCAPE.sub(lambda m: _BIBTEX_SPECIAL[m[0]], text)


def _bibtex_entry(kind: str, key: str, fields: list[tuple[str, str]]) -> str:
    width = max(len(name) for name, _ in fields)
    lines = [f"@{kind}{{{key},"]
    lines += [f"  {name.ljust(width)} = {{{value}}}," for name, value in fields]
    return "\n".join([*lines, "}"]) + "\n"


def _ris_record(fields: list[tuple[str, str]]) -> str:
    return "".join(f"{tag}  - {value}\n" for tag, value in fields) + "ER  - \n"


@dataclass(frozen=True)
class Reference:
    """One work to cite: a chapter of the companion, or the paper."""

    kind: str  # "chapter" or "report"
    key: str  # BibTeX key
    title: str
    authors: tuple[Author, ...]
    year: str | None = None
    url: str | None = None
    container: str | None = None  # the companion, for a chapter
    version: str | None = None
    institution: str | None = None
    series: str | None = None
    number: str | None = None

    def apa(self) -> str:
        """The APA 7 reference, as plain text (no italics)."""
        parts = [_sentence(_apa_authors(self.authors)), f"({self.year or 'n.d.'})."]
        if self.kind == "chapter":
            parts.append(_sentence(_apa_title(self.title)))
            version = f" (Version {self.version})" if self.version else ""
            parts.append(f"In {_apa_title(self.container or '')}{version} [Computer software].")
        else:
            series = " ".join(
                p for p in (self.series, f"No. {self.number}" if self.number else "") if p
            )
            parts.append(_apa_title(self.title) + (f" ({series})." if series else "."))
            if self.institution:
                parts.append(_sentence(self.institution))
        if self.url:
            parts.append(self.url)
        return " ".join(parts)

    def bibtex(self) -> str:
        """A BibTeX entry (@incollection for a chapter, @techreport for the paper)."""
        authors = " and ".join(
            f"{{{_bibtex_text(a.entity)}}}" if a.entity else _bibtex_text(a.inverted())
            for a in self.authors
        )
        fields = [("author", authors), ("title", f"{{{_bibtex_text(self.title)}}}")]
        if self.kind == "chapter":
            fields.append(("booktitle", f"{{{_bibtex_text(self.container or '')}}}"))
            if self.version:
                fields.append(("note", f"Version {_bibtex_text(self.version)}"))
            kind = "incollection"
        else:
            if self.institution:
                fields.append(("institution", f"{{{_bibtex_text(self.institution)}}}"))
            if self.series:
                fields.append(("type", _bibtex_text(self.series)))
            if self.number:
                fields.append(("number", _bibtex_text(self.number)))
            kind = "techreport"
        if self.year:
            fields.append(("year", self.year))
        if self.url:
            fields.append(("url", self.url))
        return _bibtex_entry(kind, self.key, fields)

    def ris(self) -> str:
        """An RIS record (CHAP for a chapter, RPRT for the paper; tags as Zotero maps them)."""
        fields = [("TY", "CHAP" if self.kind == "chapter" else "RPRT")]
        fields += [("AU", author.inverted()) for author in self.authors]
        fields.append(("TI", self.title))
        if self.kind == "chapter":
            fields.append(("T2", self.container or ""))
            if self.version:
                fields.append(("ET", f"Version {self.version}"))
        else:
            if self.series:
                fields.append(("T2", self.series))
            if self.number:
                fields.append(("SN", self.number))
            if self.institution:
                fields.append(("PB", self.institution))
        if self.year:
            fields.append(("PY", self.year))
        if self.url:
            fields.append(("UR", self.url))
        return _ris_record(fields)


def _url(spec: dict[str, Any]) -> str | None:
    return spec.get("url") or spec.get("repository-code") or None


def chapter_reference(stem: str) -> Reference:
    """The reference of a chapter: its title, in the companion ``CITATION.cff`` describes."""
    from .navigation import chapter

    cff = citation_file()
    return Reference(
        kind="chapter",
        key="technoparks_kz_" + re.sub(r"\W", "_", stem),
        title=chapter(stem).title,
        authors=_authors(cff["authors"]),
        year=_year(cff),
        url=_url(cff),
        container=cff["title"],
        version=str(cff["version"]) if cff.get("version") else None,
    )


def paper_reference() -> Reference:
    """The reference of the paper (``CITATION.cff``'s ``preferred-citation``)."""
    spec = citation_file()["preferred-citation"]
    authors = _authors(spec["authors"])
    number = str(spec["number"]) if spec.get("number") else None
    key = "_".join(a.family.lower() or "paper" for a in authors[:2])
    institution = spec.get("institution", {}).get("name")
    return Reference(
        kind="report",
        key=re.sub(r"\W", "_", f"{key}_{number}" if number else key),
        title=spec["title"],
        authors=authors,
        year=_year(spec),
        url=_url(spec),
        institution=institution,
        series=spec.get("collection-title"),
        number=number,
    )


def _formats_html(reference: Reference, stem: str, heading: str) -> str:
    bib = reference.bibtex()
    ris = reference.ris()
    links = (
        f'<a class="tp-download" download="{escape(stem)}.bib" '
        f'href="{escape(text_url(bib, "application/x-bibtex"))}">BibTeX (.bib)</a> · '
        f'<a class="tp-download" download="{escape(stem)}.ris" '
        f'href="{escape(text_url(ris, "application/x-research-info-systems"))}">RIS (.ris)</a>'
    )
    return (
        f'<p class="tp-cite-heading"><strong>{escape(heading)}</strong></p>\n'
        f'<p class="tp-cite-apa">{escape(reference.apa())}</p>\n'
        f"<p>BibTeX:</p>\n<pre>{escape(bib)}</pre>\n"
        f"<p>RIS:</p>\n<pre>{escape(ris)}</pre>\n"
        f"<p>Download: {links}</p>"
    )


def cite_html(stem: str) -> str:
    """The folded "Cite this chapter" block: the chapter, then the paper, in three formats."""
    chapter = chapter_reference(stem)
    paper = paper_reference()
    return (
        '<details class="tp-cite"><summary>Cite this chapter</summary>\n'
        + _formats_html(chapter, f"{stem}-citation", "This chapter (APA)")
        + "\n"
        + _formats_html(paper, "paper-citation", "The paper it accompanies (APA)")
        + "\n</details>"
    )
