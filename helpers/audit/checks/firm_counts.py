"""Every number of firms the paper states or implies, against every other counting the same firms.

``data/audit-firm-counts.csv`` holds each count with its place in the paper: tenants (Table 2,
Table 12's row labels, the text), surveyed firms (Tables 5 and 6, and the firms each
employment total over its average implies in Table 4), respondents to one question (the
headings of Tables 8, 9 and 13, Table 7's replies, the denominators the shares imply) and
the counts the text names.  Two relations are checked (:func:`comparisons`):

* **same**: counts of the same population, firms, park and question must overlap (an
  implied count is a range of whole numbers);
* **part of**: a park's surveyed firms and its commercially active tenants are among its
  tenants as of 2004, and the respondents to one question are among the surveyed firms of
  their group, so the part's smallest count cannot exceed the whole's largest.

Disagreements that an existing finding already reports (:data:`REPORTED`) are not reported
again.  The others are grouped by what is counted (one finding per group, citing the
existing findings on the same counts); a group whose every pair agrees is a confirmed
check.  A finding that rests on a count's ``reading`` (what it is taken to count, where the
paper does not say) is graded an ambiguity.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable
from typing import NamedTuple

import pandas as pd

from ..model import Audit, quoted

RESOURCE = "audit-firm-counts"
# What a count is part of: (part population, whole population, compared park by park?).
PARTS = [
    ("surveyed_firms", "tenants_2004", True),
    ("commercially_active_tenants", "tenants_2004", True),
    ("respondents", "surveyed_firms", False),
]
# Pairs of counts whose disagreement an existing finding reports: that finding is counted.
REPORTED = {
    frozenset(pair): finding
    for finding, pairs in {
        "table-05-ppv-firms-exceed-tenants": [("table-05-firms-ppv", "table-02-tenants-2004-ppv")],
        "table-04-kgp-implied-firms-exceed-tenants": [
            ("table-04-implied-firms-kgp", "table-02-tenants-2004-kgp"),
            ("table-04-implied-firms-kgp", "table-12-firms-kgp"),
            ("table-04-implied-firms-kgp", "text-karaganda-16"),
        ],
        "table-06-total-vs-table-05": [
            ("table-06-total", "table-05-firms-in-tp"),
            ("table-06-total", "table-04-implied-firms-in-tp"),
        ],
        "table-05-outside-firms-exceed-surveyed": [
            ("table-05-firms-out-tp", "text-outside-24"),
            ("table-05-firms-out-tp", "text-rent-of-24"),
        ],
        "table-08-share-denominator": [("table-08-heading", "table-08-shares-imply")],
        "table-09-share-denominator": [("table-09-heading", "table-09-shares-imply")],
        "table-13-link-counts-exceed-sample": [("table-13-n-in-tp", "text-links-46")],
        "table-13-outside-sample-vs-methodology": [
            ("table-13-n-out-tp", "text-outside-24"),
            ("table-13-n-out-tp", "text-rent-of-24"),
        ],
    }.items()
    for pair in pairs
}
# Sentences quoted for counts the text states, by count id.
QUOTED = {
    "text-outside-24": "outside-24",
    "text-rent-of-24": "rent-7-24",
    "text-karaganda-16": "services-use",
    "text-links-46": "links-46",
}
GROUP_LABELS = {"in_tp": "inside technoparks", "out_tp": "outside technoparks"}
POPULATION_LABELS = {
    "tenants_2004": "tenants as of 2004",
    "tenants_at_establishment": "tenants at establishment",
    "commercially_active_tenants": "commercially active tenants",
    "surveyed_firms": "surveyed firms",
    "respondents": "respondents",
}


class FirmCount(NamedTuple):
    """One count of firms: a whole number, or a range of them (``high`` may be infinite)."""

    count_id: str
    firms: str
    park: str
    population: str
    question: str
    low: int
    high: float
    how: str
    source: str
    where: str
    derivation: str
    reading: str

    @property
    def label(self) -> str:
        """'Table 5 (15)', 'Table 4 (30-32)', 'Section 4 (Analysis), Methodology (24)'."""
        if math.isinf(self.high):
            value = f"at least {self.low}"
        elif self.high == self.low:
            value = str(self.low)
        else:
            value = f"{self.low}-{int(self.high)}"
        place = self.where if self.source.startswith("Text") else self.source
        return f"{place} ({'implies ' if self.how == 'implied' else ''}{value})"


class Comparison(NamedTuple):
    relation: str  # 'same' or 'part of'
    first: FirmCount
    second: FirmCount  # for 'part of', the whole

    @property
    def agrees(self) -> bool:
        if self.relation == "same":
            return max(self.first.low, self.second.low) <= min(self.first.high, self.second.high)
        return self.first.low <= self.second.high

    @property
    def reported_by(self) -> str | None:
        return REPORTED.get(frozenset((self.first.count_id, self.second.count_id)))

    @property
    def group(self) -> tuple[str, ...]:
        """What is compared, park aside: relation, firms, population(s), question, level."""
        level = "by park" if self.first.park else "all parks"
        return (self.relation, self.first.firms, self.first.population, self.second.population,
                self.first.question, level)  # fmt: skip


def _text(value: object) -> str:
    return "" if pd.isna(value) else str(value)


def firm_counts(frame: pd.DataFrame) -> list[FirmCount]:
    """The rows of ``audit-firm-counts`` as :class:`FirmCount` (no upper bound = infinity)."""
    return [
        FirmCount(
            r["count_id"],
            r["firms"],
            _text(r["park"]),
            r["population"],
            _text(r["question"]),
            int(r["low"]),
            math.inf if pd.isna(r["high"]) else int(r["high"]),
            r["how"],
            r["source"],
            r["where"],
            _text(r["derivation"]),
            _text(r["reading"]),
        )
        for r in frame.to_dict("records")
    ]


def comparisons(counts: Iterable[FirmCount]) -> list[Comparison]:
    """Every pair of counts of the same firms, and every count against the whole it is part of."""
    counts = list(counts)
    out = []
    same = {}
    for c in counts:
        same.setdefault((c.firms, c.park, c.population, c.question), []).append(c)
    for members in same.values():
        out += [Comparison("same", a, b) for a, b in itertools.combinations(members, 2)]
    for part, whole, by_park in PARTS:
        for a in (c for c in counts if c.population == part and bool(c.park) == by_park):
            out += [
                Comparison("part of", a, b)
                for b in counts
                if b.population == whole and b.firms == a.firms and b.park == a.park
            ]
    return out


def comparison_frame(counts: Iterable[FirmCount]) -> pd.DataFrame:
    """Reader's table: one row per comparison, with the finding that reports a disagreement."""
    return pd.DataFrame.from_records(
        [
            {
                "Firms": GROUP_LABELS[c.first.firms],
                "Park": c.first.park or "all parks",
                "Counted": _counted(c),
                "Relation": c.relation,
                "Count": c.first.label,
                "Against": c.second.label,
                "Agree": "yes" if c.agrees else "no",
                "Reported as": "" if c.agrees else (c.reported_by or _group_id(c.group)),
            }
            for c in comparisons(counts)
        ],
        columns=[
            "Firms",
            "Park",
            "Counted",
            "Relation",
            "Count",
            "Against",
            "Agree",
            "Reported as",
        ],  # fmt: skip
    )


def _counted(c: Comparison) -> str:
    what = POPULATION_LABELS[c.first.population]
    if c.first.question:
        what += f" ({c.first.question.replace('table-', 'Table ').replace(' 0', ' ')})"
    if c.relation == "part of":
        what += f" within {POPULATION_LABELS[c.second.population]}"
    return what


def _group_id(group: tuple[str, ...]) -> str:
    relation, firms, part, whole, question, level = group
    words = [part] if relation == "same" else [part, "within", whole]
    words += [question, firms] + (["by-park"] if level == "by park" else [])
    return "firm-counts-" + "-".join(w.replace("_", "-") for w in words if w)


def firm_counts_check(audit: Audit) -> None:
    """Compare every firm count with every other of the same firms; report new disagreements."""
    found = comparisons(firm_counts(audit.table(RESOURCE)))
    reported = [c for c in found if not c.agrees and c.reported_by]
    groups: dict[tuple[str, ...], list[Comparison]] = {}
    for c in found:
        groups.setdefault(c.group, []).append(c)
    for group, members in groups.items():
        new = [c for c in members if not c.agrees and not c.reported_by]
        if not new:
            if all(c.agrees for c in members):
                _confirm(audit, group, members)
            continue
        _report(audit, group, members, new, reported)


def _resources(members: Iterable[Comparison]) -> list[str]:
    tables = [f"table-{int(c.source.split()[1]):02d}" for m in members for c in m[1:]
              if c.source.startswith("Table")]  # fmt: skip
    return list(dict.fromkeys(tables)) or ["table-05"]


def _pair_key(c: Comparison | FirmCount) -> str:
    count = c.first if isinstance(c, Comparison) else c
    return f"{count.park}: {count.label}" if count.park else count.label


def _whole(c: Comparison) -> FirmCount:
    return c.second


def _confirm(audit: Audit, group, members: list[Comparison]) -> None:
    relation, firms, *_ = group
    first = members[0]
    sources = list(dict.fromkeys(c.source for m in members for c in m[1:]))
    audit.confirm(
        _group_id(group),
        _resources(members),
        f"{', '.join(sources)}: {_counted(first)}, {GROUP_LABELS[firms]}",
        f"Every count of the {_counted(first)} {GROUP_LABELS[firms]} "
        + ("agrees with every other" if relation == "same" else "fits within the whole")
        + f" ({len(members)} comparisons)",
        list(dict.fromkeys(_pair_key(c) for m in members for c in (m, _whole(m)))),
        f"{len(members)} of {len(members)} comparisons agree",
    )


def _report(audit: Audit, group, members, new: list[Comparison], known: list[Comparison]) -> None:
    """One finding for a group's new disagreements, citing the findings on the same counts."""
    relation, firms, *_ = group
    first = new[0]
    involved = {c.count_id for m in new for c in m[1:]}
    readings = list(dict.fromkeys(c.reading for m in new for c in m[1:] if c.reading))
    derivations = list(
        dict.fromkeys(
            f"{_pair_key(c)} follows from {c.derivation}."
            for m in new
            for c in m[1:]
            if c.how == "implied"
        )
    )
    in_group = list(dict.fromkeys(c.reported_by for c in members if c.reported_by))
    reported = list(
        dict.fromkeys(
            c.reported_by for c in known if {c.first.count_id, c.second.count_id} & involved
        )
    )
    pairs = "; ".join(
        f"{c.first.park + ': ' if c.first.park else ''}{c.first.label} against {c.second.label}"
        for c in new
    )
    verb = "count different numbers of" if relation == "same" else "count more than the whole of"
    message = (
        f"Counts of the {_counted(first)} {GROUP_LABELS[firms]} disagree ({verb} firms): {pairs}."
    )
    if derivations:
        message += " " + " ".join(derivations)
    if readings:
        message += " This rests on reading " + "; and ".join(readings) + "."
    if in_group:
        message += " Other disagreements among these counts are reported as " + ", ".join(
            in_group
        ) + "."  # fmt: skip
    quotes = [QUOTED[c.count_id] for m in new for c in m[1:] if c.count_id in QUOTED]
    audit.find(
        _group_id(group),
        _resources(new),
        "ambiguity" if readings else "inconsistency",
        "cross-table",
        printed={_pair_key(c): c.second.label for c in new},
        recomputed=None,
        where="; ".join(dict.fromkeys(c.where for m in new for c in m[1:])),
        message=message,
        quote=quoted(*dict.fromkeys(quotes)),
        related=tuple(reported),
        rests_on=f"assumption: {'; '.join(readings)}" if readings else None,
    )
