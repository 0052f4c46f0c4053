"""What the audit reports and how it collects it: severities, categories, findings, checks.

Severity
--------
error
    A number or reference that is wrong on its face: 7 of 24 firms printed as 36%, a
    cross-reference to the wrong table, a misnumbered section or figure.
inconsistency
    Two printed numbers that cannot both hold: within a table, across tables, or the text
    against a table.
ambiguity
    The flattened text allows more than one reading (which bar a label belongs to, which
    cells a short row fills), or the finding rests on an assumption the paper does not
    state (which denominator, which firms an average is over).
note
    Worth knowing but not a contradiction: sector shares that do not reach 100 because some
    sectors are not printed, an Average row that is not the unweighted mean of the rows
    shown, a claim the published numbers cannot test.

Categories: ``arithmetic`` (sums, means, medians within a table), ``percentage`` (shares and
their denominators), ``cross-table`` (one table against another), ``text`` (the prose
against the tables) and ``structure`` (numbering, legends, layout).

Independence
------------
Each finding is one defect.  A finding that re-reports the defect of another (the same
wrong denominator seen in one column, a roll-call of sample sizes reported table by table)
names it in ``repeats``: it is shown, but the headline counts leave it out
(``counted`` is false).  ``related`` lists findings that bear on the same numbers without
repeating them; cross-references are made mutual when the audit runs.  A finding that rests
on a transcription reading or on an assumption the paper does not state says which in
``rests_on`` ('transcription reading: ...' or 'assumption: ...') and is graded ``ambiguity``
or ``note``, never ``error`` or ``inconsistency``.

Quotes are verbatim fragments of the paper's text (line breaks as spaces), held with their
place in the paper in ``data/audit-quotes.csv`` (:data:`QUOTES`).  Numbers that
the prose prints but data/ does not hold (e.g. '7 out of the 24 firms') are read from the
quote itself; the recomputed side always comes from data/.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pandas as pd

from ..data.datapackage import load, paper_number

SEVERITIES = {
    "error": "A number or reference that is wrong on its face.",
    "inconsistency": "Two printed numbers that cannot both hold.",
    "ambiguity": "The text allows more than one reading, or the finding rests on an assumption.",
    "note": "Worth knowing, but not a contradiction.",
}
CATEGORIES = {
    "arithmetic": "Sums, means and medians within a table.",
    "percentage": "Shares and the sample sizes they imply.",
    "cross-table": "One table against another.",
    "text": "The paper's prose against its tables.",
    "structure": "Numbering, legends and layout.",
}
SEVERITY_COLORS = dict(zip(SEVERITIES, ["#D55E00", "#E69F00", "#0072B2", "#999999"], strict=True))
# The table filter's choice of every group (not :data:`helpers.literature.ALL`).
EVERY_FINDING = "ALL"
SEVERAL = "several"
# Findings on how the abstract, the survey's summary and the conclusions word a claim.
CLAIMS = "claims"
FIELDS = [
    "id",
    "resources",
    "severity",
    "category",
    "printed",
    "recomputed",
    "where",
    "message",
    "quote",
    "related",
    "repeats",
    "rests_on",
]
# What a finding's ``rests_on`` starts with, and the severities such a finding may have.
RESTS_ON_KINDS = ("transcription reading: ", "assumption: ")
TENTATIVE = ("ambiguity", "note")
PLURALS = {
    "error": "errors",
    "inconsistency": "inconsistencies",
    "ambiguity": "ambiguities",
    "note": "notes",
}


# --------------------------------------------------------------------------------------
# Findings and confirmed checks


@dataclass(frozen=True)
class Finding:
    """Something the published numbers do not reproduce, or allow to be read two ways.

    ``scope`` groups a finding about the paper as a whole (``"several"``) apart from the
    tables; by default a finding belongs with its first resource.
    """

    id: str
    resources: tuple[str, ...]
    severity: str
    category: str
    printed: object
    recomputed: object
    where: str
    message: str
    quote: tuple[str, ...] = ()
    scope: str | None = None
    related: tuple[str, ...] = ()
    repeats: tuple[str, ...] = ()
    rests_on: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "repeats", tuple(self.repeats))
        # What a finding repeats is also related to it.
        object.__setattr__(self, "related", tuple(dict.fromkeys((*self.repeats, *self.related))))
        if self.rests_on is not None:
            if not self.rests_on.startswith(RESTS_ON_KINDS):
                raise ValueError(
                    f"{self.id}: rests_on must start with one of {RESTS_ON_KINDS}, "
                    f"got {self.rests_on!r}"
                )
            if self.severity not in TENTATIVE:
                raise ValueError(
                    f"{self.id}: a finding resting on a reading or an assumption is graded "
                    f"{' or '.join(TENTATIVE)}, not {self.severity}"
                )
        if self.id in self.repeats or self.id in self.related:
            raise ValueError(f"{self.id}: a finding cannot refer to itself")

    @property
    def group(self) -> str:
        return self.scope or self.resources[0]

    @property
    def counted(self) -> bool:
        """True for an independent defect; False when it re-reports another finding."""
        return not self.repeats

    def to_dict(self) -> dict:
        """The finding as plain JSON-ready values, keys in :data:`FIELDS` order."""
        return {
            "id": self.id,
            "resources": list(self.resources),
            "severity": self.severity,
            "category": self.category,
            "printed": plain(self.printed),
            "recomputed": plain(self.recomputed),
            "where": self.where,
            "message": self.message,
            "quote": list(self.quote),
            "related": list(self.related),
            "repeats": list(self.repeats),
            "rests_on": self.rests_on,
        }


@dataclass(frozen=True)
class Check:
    """A printed number (or claim) that the data reproduce."""

    id: str
    resources: tuple[str, ...]
    where: str
    description: str
    printed: object
    recomputed: object

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "resources": list(self.resources),
            "where": self.where,
            "description": self.description,
            "printed": plain(self.printed),
            "recomputed": plain(self.recomputed),
        }


@dataclass
class Audit:
    """Collects findings and confirmed checks while the checks run."""

    data_dir: Path | str | None = None
    findings: list[Finding] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)

    def table(self, name: str) -> pd.DataFrame:
        return load(name, self.data_dir)

    def find(self, id: str, resources: Sequence[str], severity: str, category: str, **kw):
        self.findings.append(Finding(id, tuple(resources), severity, category, **kw))

    def confirm(self, id, resources, where, description, printed, recomputed):
        self.checks.append(Check(id, tuple(resources), where, description, printed, recomputed))

    def verify(
        self,
        ok: bool,
        id,
        resources,
        where,
        description,
        printed,
        recomputed,
        severity: str = "inconsistency",
        category: str = "arithmetic",
        quote: Sequence[str] = (),
    ):
        """Confirm a check, or report it as a finding when the data do not reproduce it."""
        if ok:
            self.confirm(id, resources, where, description, printed, recomputed)
            return
        self.find(
            id,
            resources,
            severity,
            category,
            printed=printed,
            recomputed=recomputed,
            where=where,
            message=f"Does not reproduce: {description} (printed {as_text(printed)}, "
            f"recomputed {as_text(recomputed)}).",
            quote=tuple(quote),
        )


# --------------------------------------------------------------------------------------
# Values as JSON and as short text


def plain(value: object) -> object:
    """JSON-ready copy: numpy scalars to Python numbers, whole floats kept as floats."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if value is None or isinstance(value, str | bool):
        return value
    if isinstance(value, int):
        return value
    number = float(value)
    if math.isnan(number):
        return None
    return round(number, 2)


def as_text(value: object) -> str:
    """A printed or recomputed value as short readable text."""
    value = plain(value)
    if value is None:
        return "-"
    if isinstance(value, dict):
        return "; ".join(f"{k}: {as_text(v)}" for k, v in value.items())
    if isinstance(value, list):
        return ", ".join(as_text(v) for v in value) if value else "none"
    if isinstance(value, float):
        return trim(value)
    return str(value)


def trim(value: float) -> str:
    """Up to two decimals, without trailing zeros: 18.6, 2.93, 100."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


# --------------------------------------------------------------------------------------
# Groups: where a finding is shown


def group_order() -> list[str]:
    """Groups in reading order: the paper's tables and Figure 4, the literature, the claims'
    wordings, then findings about several tables at once."""
    names = [f"table-{i:02d}" for i in range(1, 15)]
    names.insert(names.index("table-07") + 1, "figure-04")  # Figure 4 follows Table 7
    return [*names, "literature", CLAIMS, SEVERAL]


def group_label(group: str) -> str:
    """Reader's heading for a group: 'Table 8', 'Figure 4', 'Literature', 'Several tables'."""
    if group == SEVERAL:
        return "Several tables"
    if group == "literature":
        return "Literature"
    if group == CLAIMS:
        return "Claims across abstract, summary and conclusions"
    return paper_number(group) or group


# --------------------------------------------------------------------------------------
# The paper's prose, quoted verbatim (line breaks as single spaces)

QUOTES_RESOURCE = "audit-quotes"


class Quotes(Mapping[str, str]):
    """The paper's sentences by id, as ``data/audit-quotes.csv`` holds them (read once).

    Each row names where in the paper the sentence is (``source``, ``where``); a test checks
    that every one is verbatim in the paper's text.  The quotes are the paper's, not a
    transcription, so they are read from the repository's data/ whatever folder is audited.
    """

    @cached_property
    def _by_id(self) -> dict[str, str]:
        frame = load(QUOTES_RESOURCE)
        return dict(zip(frame["quote_id"], frame["quote"], strict=True))

    def __getitem__(self, key: str) -> str:
        return self._by_id[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_id)

    def __len__(self) -> int:
        return len(self._by_id)


QUOTES = Quotes()


def quoted(*keys: str) -> tuple[str, ...]:
    """The paper's sentences under these keys, for a finding's ``quote``."""
    return tuple(QUOTES[k] for k in keys)
