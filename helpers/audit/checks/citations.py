"""Citations: every author-year citation in the prose against the literature resource.

The paper has no reference list, so the literature resource (``literature.csv``: authors,
year, and the a/b suffix in its ``key``) is the only bibliography to compare with.
:data:`CITATIONS` holds every author-year citation of the paper's text as printed (line
breaks as spaces), in reading order; ``tests/test_audit_citations.py`` checks that
:func:`citations_in` finds exactly these in the paper's text.

Parsing (:func:`citations_in`, :func:`parse_citation`): an author part (capitalised words,
joined by 'and' or, for bodies, by 'of'; an optional 'et al' with or without its comma and
full stop; a possessive 's dropped) followed by a year (1900-2099, optional a/b suffix),
either after a comma inside parentheses ('(Xue, 1997)', '(see Dosi, 1988', 'Source: OECD,
2000') or in parentheses after the name ('Massey et al. (1992)'), or after 'et al.' with a
space ('Kembaev et al. 2001').  Further years or bare suffixes after commas ('2001, 2001b',
'1986a, b') are further works of the same authors; page numbers (': 18', ', p.177') are
dropped.  Known limits: 'ibid' and citations by name only ('For Markusen et al. public
funding') are not counted; a name hyphenated across a line break would be read as printed.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from typing import NamedTuple

import pandas as pd

from ..model import Audit

# Every author-year citation of the text, as printed, with where it stands.
CITATIONS = (
    ("Section 2", "Markusen et al. (1986, p.177)"),
    ("Section 2, footnote 4", "(US Department of Commerce, 2003"),
    ("Section 2", "(see Dosi, 1988"),
    ("Section 2", "(Quintas et al., 1992"),
    ("Section 2", "(Quintas, 1986a"),
    ("Section 2", "Massey et al. (1992)"),
    ("Section 2", "(Quintas, 1986a, b"),
    ("Section 2", "(see Westhead and Storey, 1995"),
    ("Section 2", "; Vedovello, 1997"),
    ("Section 2", "(Koenraad, 1991"),
    ("Section 2", "(Storey and Tether, 1998"),
    ("Section 2", "(Lofsten and Lindelof, 2001, 2001b"),
    ("Section 2", "Westhead and Storey (1995)"),
    ("Section 2", "Philimore (1999)"),
    ("Section 2", "(see also Sarfraz, 1996"),
    ("Section 2", "Chorda (1996)"),
    ("Section 2", "(Staudt, et al, 1999"),
    ("Section 2", "(EU, 2002"),
    ("Section 2", "(Ramasamy et al, 2003"),
    ("Section 2", "(Xue, 1997"),
    ("Section 2", "(EU, 2003"),
    ("Section 2", "(Kihlgren, 2003"),
    ("Section 2", "(Shelton and Margenbhalter, 2002"),
    ("Section 3, Table 1 source", "Source: OECD, 2000"),
    ("Section 3, Figure 2", "(Pavitt, 1984"),
    ("Section 3", "(see Dyker, 2005"),
    ("Section 3, footnote 7", "Pavitt's (1984)"),
    ("Section 4 (Policy issues and conclusions)", "(Kembaev et al. 2001"),
    ("Section 4 (Policy issues and conclusions)", "Ministry of Education and Science (2003)"),
    ("Section 4 (Policy issues and conclusions), footnote 8", "Arnold et al (2000)"),
    ("Section 4 (Policy issues and conclusions)", "As Quintas et al. (1992: 18)"),
)

# The paper's name for a body, and the name the literature resource records.
ALIASES = {"EU": "European Commission"}

_NAME = r"[A-Z][A-Za-z'\-]*[A-Za-z]"
_AUTHORS = rf"{_NAME}(?:\s+(?:(?:of|and)\s+)?{_NAME})*?(?:'s)?"
_ET_AL = r"(?:,?\s+et\s+al\b\.?)"
_YEAR = r"(?:19|20)\d\d[ab]?\b"
_MORE = r"(?:,\s*(?:(?:19|20)\d\d)?[ab]?\b(?<=[\dab]))*"
_PAGE = r"(?::\s*\d+|,\s*p\.\s*\d+)?"
# Parenthetical ('(Xue, 1997)', 'Source: OECD, 2000'), narrative ('Chorda (1996)') and
# 'et al.' followed by a bare year ('Kembaev et al. 2001').
_CITATION = re.compile(
    rf"(?:(?P<open>\((?:see\s+(?:also\s+)?)?|;\s+|Source:\s+)"
    rf"(?P<authors>{_AUTHORS}{_ET_AL}?)(?:,\s*|(?<=al\.)\s+|(?<=al)\s+)(?P<year>{_YEAR}){_MORE}{_PAGE}"
    rf"|(?P<nauthors>{_AUTHORS}{_ET_AL}?)\s*\((?P<nyear>{_YEAR}){_MORE}{_PAGE}\)?)"
)
_YEARS = re.compile(r"((?:19|20)\d\d)?([ab]?)\b")
# Sentence openers that a narrative citation's name run may start with.
_OPENERS = {"As", "See", "In", "For", "By"}


class Cited(NamedTuple):
    """One cited work as the text gives it: family names, year, a/b suffix."""

    names: tuple[str, ...]
    year: int
    suffix: str


def fold(text: str) -> str:
    """Lowercase ASCII: 'Löfsten' and 'Lofsten' compare equal."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def family_names(authors: str) -> tuple[str, ...]:
    """'Westhead and Storey' -> ('Westhead', 'Storey'); 'Quintas, P., Wield, D.' ->
    ('Quintas', 'Wield'); bodies ('Ministry of Education and Science') stay whole."""
    text = " ".join(authors.split())
    text = re.sub(r",?\s+et\s+al\b\.?,?", "", text).strip(" ,")
    text = re.sub(r"'s$", "", text)
    words = text.split()
    while len(words) > 1 and words[0] in _OPENERS:
        words = words[1:]
    text = " ".join(words)
    if " of " in text:
        return (text,)
    parts = [p.strip() for p in re.split(r",|\band\b", text) if p.strip()]
    names = [p for p in parts if not re.fullmatch(r"(?:[A-Z]\.\s*)+", p)]
    return tuple(names)


def parse_citation(printed: str) -> list[Cited]:
    """The works one printed citation names: '(Quintas, 1986a, b)' -> two works."""
    found = citations_in(printed)
    if not found:
        raise ValueError(f"no author-year citation in {printed!r}")
    return [work for _, works in found for work in works]


def citations_in(text: str) -> list[tuple[str, list[Cited]]]:
    """Every author-year citation in ``text`` (whitespace folded): the printed match and
    the works it names."""
    text = " ".join(text.split()).replace("\u2019", "'")
    out = []
    for m in _CITATION.finditer(text):
        authors = m.group("authors") or m.group("nauthors")
        names = family_names(authors)
        first = m.group("year") or m.group("nyear")
        tail = m.group(0)[m.group(0).index(first) :]
        tail = re.split(r":|,\s*p\.", tail)[0]
        works, year = [], int(first[:4])
        for y, suffix in _YEARS.findall(tail):
            if not y and not suffix:
                continue
            year = int(y) if y else year
            works.append(Cited(names, year, suffix))
        out.append((m.group(0), works))
    return out


def _entries(lit: pd.DataFrame) -> list[tuple[str, Cited]]:
    """Each literature row as (key, Cited): authors' family names, year, the key's suffix."""
    out = []
    for row in lit.itertuples():
        suffix = re.search(r"\d{4}([ab]?)$", row.key).group(1)
        out.append((row.key, Cited(family_names(row.authors), int(row.year), suffix)))
    return out


def _same_name(printed: str, recorded: str) -> str | None:
    """'exact', 'spelling' (one or two letters apart) or None."""
    recorded = fold(recorded)
    if recorded in (fold(printed), fold(ALIASES.get(printed, printed))):
        return "exact"
    if difflib.SequenceMatcher(None, fold(printed), recorded).ratio() >= 0.85:
        return "spelling"
    return None


def _quote(printed: str) -> str:
    """The citation without what the parser reads before it: '(see ', '; ', 'Source: '."""
    return re.sub(r"^(?:\((?:see\s+(?:also\s+)?)?|;\s+|Source:\s+|As\s+)", "", printed)


def _slug(work: Cited) -> str:
    return f"{fold(work.names[0]).split()[0]}-{work.year}{work.suffix}"


def _label(work: Cited) -> str:
    names = " and ".join(work.names) if len(work.names) < 3 else f"{work.names[0]} et al."
    return f"{names} {work.year}{work.suffix}"


def citations(audit: Audit) -> None:
    """Every citation against the literature resource; entries the text never cites."""
    entries = _entries(audit.table("literature"))
    cited: dict[str, list[str]] = {}
    spelling: dict[str, list[tuple[str, str, Cited]]] = {}
    text_works: list[Cited] = []
    for where, printed in CITATIONS:
        for work in parse_citation(printed):
            text_works.append(work)
            named = [(k, e, _same_name(work.names[0], e.names[0])) for k, e in entries]
            named = [(k, e, how) for k, e, how in named if how]
            match = [(k, e, how) for k, e, how in named if (e.year, e.suffix) == work[1:]]
            if match:
                key, entry, how = match[0]
                cited.setdefault(key, []).append(printed)
                n = len(cited[key])
                audit.confirm(
                    f"citation-{key}" + (f"-{n}" if n > 1 else ""),
                    ["literature"],
                    where,
                    f"Citation '{_quote(printed)}' = literature entry {key}",
                    _label(work),
                    _label(entry),
                )
                if how == "spelling":
                    spelling.setdefault(key, []).append((printed, where, work, entry))
                continue
            _unmatched(audit, where, printed, work, named)
    _misspelt(audit, spelling)
    _suffixes(audit, text_works)
    for key, entry in entries:
        if key not in cited:
            audit.find(
                f"text-citation-uncited-{key}",
                ["literature"],
                "error",
                "structure",
                printed=None,
                recomputed=_label(entry),
                where="Literature resource",
                message=f"The literature resource lists {_label(entry)} ({key}), but no "
                "author-year citation in the text names it.",
            )


def _unmatched(audit: Audit, where, printed, work: Cited, named) -> None:
    """A citation with no entry, or one whose year or suffix differs from the entry's."""
    other = [f"{k} ({e.year}{e.suffix})" for k, e, _ in named]
    audit.find(
        f"text-citation-{_slug(work)}",
        ["literature"],
        "error",
        "structure",
        printed=_label(work),
        recomputed={"entries by the same authors": other},
        where=where,
        message=f"The text cites {_label(work)}, but the literature resource has "
        + (
            f"no entry for these authors with that year and suffix, only {', '.join(other)}."
            if other
            else "no entry by these authors."
        ),
        quote=(_quote(printed),),
    )


def _misspelt(audit: Audit, spelling) -> None:
    """Family names printed one or two letters apart from the entry's."""
    for key, uses in spelling.items():
        printed, where, work, entry = uses[0]
        name = work.names[0]
        audit.find(
            f"text-citation-spelling-{key}",
            ["literature"],
            "note",
            "structure",
            printed=name,
            recomputed=entry.names[0],
            where=where,
            message=f"The text spells the author '{name}', the literature resource (from the "
            f"public record) '{entry.names[0]}': a misspelt name in the citation.",
            quote=(_quote(printed),),
        )


def _suffixes(audit: Audit, works: list[Cited]) -> None:
    """Works by the same authors in the same year must all carry a/b suffixes."""
    groups: dict[tuple, set[str]] = {}
    for w in works:
        groups.setdefault((tuple(fold(n) for n in w.names), w.year), set()).add(w.suffix)
    for (names, year), suffixes in groups.items():
        if "" in suffixes and suffixes & {"a", "b"}:
            work = next(
                w for w in works if (tuple(fold(n) for n in w.names), w.year) == (names, year)
            )
            where, printed = next(
                (w, p)
                for w, p in CITATIONS
                if any(c[:2] == work[:2] and c.suffix for c in parse_citation(p))
            )
            missing = next(letter for letter in "abcdefgh" if letter not in suffixes)
            lettered = sorted((suffixes - {""}) | {missing})
            audit.find(
                f"text-citation-suffix-{_slug(work)}",
                ["literature"],
                "error",
                "structure",
                printed=sorted(f"{year}{s}" for s in suffixes),
                recomputed=[f"{year}{s}" for s in lettered],
                where=where,
                message=f"The text cites {year} works of {_label(work)[:-5].strip()} as "
                + " and ".join(f"'{year}{s}'" for s in sorted(suffixes))
                + f": once works of the same authors and year carry letters each must, so the "
                f"unsuffixed one should read '{year}{missing}'.",
                quote=(_quote(printed),),
            )
