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

Quotes are verbatim fragments of the paper's text (line breaks as spaces).  Numbers that
the prose prints but data/ does not hold (e.g. '7 out of the 24 firms') are read from the
quote itself; the recomputed side always comes from data/.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
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
    """Groups in reading order: the paper's tables and Figure 4, the literature, then
    findings about several tables at once."""
    names = [f"table-{i:02d}" for i in range(1, 15)]
    names.insert(names.index("table-07") + 1, "figure-04")  # Figure 4 follows Table 7
    return [*names, "literature", SEVERAL]


def group_label(group: str) -> str:
    """Reader's heading for a group: 'Table 8', 'Figure 4', 'Literature', 'Several tables'."""
    if group == SEVERAL:
        return "Several tables"
    if group == "literature":
        return "Literature"
    return paper_number(group) or group


# --------------------------------------------------------------------------------------
# The paper's prose, quoted verbatim (line breaks as single spaces)

QUOTES = {
    "three-times": "The share of business R&D, which is three times lower in Kazakhstan compared"
    " to the developed countries",
    "year-2000": "The share of the business enterprise sector in Kazakhstan in 2000 of 18.6%",
    "tenants": "housing between 16 and 46 enterprises not all of which are commercially active"
    " (Table 2)",
    "employ": "They employ some 200 to over 300 people (Table 3).",
    "turnover": "Based on data for two technoparks we estimate that the average rate of turnover"
    " per enterprise is around $5000.",
    "five-parks": "Our sample consists of data from five major technoparks (see Table 2).",
    "outside-24": "We also collected data from 24 off-technopark firms",
    "experience": "their years of working experience in the area of venture (13 and 15"
    " respectively)",
    "no-difference": "There is no significant difference in the age and working experience in the"
    " area of venture between entrepreneurs inside technoparks and the sample of other firms"
    " (table 3).",
    "similar-ages": "very similar number of years of experience in business (13 vs 15 years) and"
    " similar average ages (43 vs 46 years)",
    "employment-12-61": "The average employment in firms inside technoparks is 12 and outside it"
    " is 61 (table 4).",
    "age-14-3": "firms outside technoparks are much older with on average of 14 vs. 3 years.",
    "services-45": "Almost half of firms inside technoparks (45%) are service oriented while our"
    " sample of firms outside technoparks mainly includes manufacturing or product oriented"
    " firms (Table 5).",
    "roughly-equal": "Technoparks have roughly equal numbers of firms involved in production or"
    " service provision.",
    "sales-90-9": "On average, 90% of their sales are destined for the local market and only 9%"
    " for the national market",
    "fairly-similar": "This pattern was fairly similarly for three technoparks for which we have"
    " data.",
    "figure-4": "Figure 4 shows that 39.4% technopark firms are local innovators, and 15.2% are"
    " national innovators.",
    "international": "among small number of firms oriented towards the foreign market 12.5% are"
    " international innovators.",
    "no-more-innovative": "technopark firms are no more frequent innovators than firms outside"
    " technoparks.",
    "rent-image": "Lower rent and better image rank highest (4.1. and 4.0 respectively).",
    "finance-2.9": "Although firms do not expect that location in a technopark will significantly"
    " improve their access to finance (average importance is 2.9)",
    "rent-50": "Rent is relevant for only 50% of firms (Table 8)",
    "abstract-finance": "The key motivations for relocating to a technopark seem to be lower rents"
    " and the possibility of accessing finance.",
    "rent-7-24": "Only 7 out of the 24 firms (36%) outside technoparks that we surveyed indicated"
    " rent to be an important cost.",
    "barriers-87-79": "Access to finance and access to technology were indicated by 87% and 79% of"
    " firms respectively as the key barriers to growth (Table 9).",
    "not-important": "Access to foreign markets and infrastructure were not seen as important.",
    "infrastructure-38": "The small share of firms reporting infrastructure services as a major"
    " barrier (38%)",
    "outside-barriers": "For firms outside technoparks finance and access to foreign markets are"
    " the most important factors affecting growth (Table 10).",
    "value-added": "Responses from technopark firms point to a favourable perception of the value"
    " added from location in a technopark (average rating 3.5) (see Table 11). The perception of"
    " value added from technoparks for firms outside technoparks is very similar (3.6).",
    "directors": "the perception of technopark directors is somewhat lower ranging between 2 and"
    " 3 (see Table 1).",
    "services-use": "Almost all of the 16 Karaganda technopark firms have used the various"
    " services available, while only 20% of Almaty technopark firms have done so (table 12).",
    "links-46": "In our sample 46 firms claimed to have links with firms outside the technopark,"
    " 31 with firms inside the technopark and 23 with higher education institutions.",
    "abstract-links": "the frequency and intensity of their external links are more developed"
    " than are their internal links.",
    "smaller-younger": "Firms inside parks are on average much smaller and younger than firms"
    " outside parks (Table 4).",
    "greatest-intensity": "The greatest intensity of linkages is with firms outside the"
    " technopark.",
    "purchase": "Links are very strong in terms of both joint development and production, most"
    " often materials purchase The frequency and intensity of linkages among firms outside the"
    " technopark with other firms, are stronger than the links among technopark firms.",
    "hei-surprising": "the intensity of linkages of firms outside technoparks with higher"
    " education institutions is surprisingly strong when compared to technopark firms (Table"
    " 13).",
    "hei-stronger": "Firms outside technoparks have stronger links with higher education"
    " institutions than firms inside technoparks.",
    "catalogue-20": "only 20% of developments (41 out of 205) are ready for introduction",
    "kembaev": "(Kembaev et al. 2001, Table 14, p. 30)",
    "intro-sections": "Section 2 reviews the literature on technoparks. Section 3 analyses"
    " technoparks in conceptual terms, as instruments to promote innovation and diversification"
    " in the Kazakhstan economy. Section 3 analyses Kazakh technoparks based on survey and"
    " interviews and Section 4 discusses policy options for innovation promotion and summarises"
    " the key points.",
    "heading-4a": "4. ANALYSIS OF CURRENTLY OPERATING TECHNOPARKS IN KAZAKHSTAN BASED ON"
    " QUESTIONNAIRES",
    "heading-4b": "4. POLICY ISSUES AND CONCLUSIONS",
    "legend-1": "Legend: see Table 1",
    "legend-3": "Legend: see table 3",
    "figure-7": "Figure 7: The linear innovation model logic that underpins the innovation policy"
    " of Kazakhstan and its problems",
    "no-evaluation": "No evaluation of technoparks in transition economies has yet been developed.",
    "table-6-title": "Table 6: Activities of tenant-firms in four technoparks",
    "table-7-source": "Source: Questionnaire, 36 replies",
}


def quoted(*keys: str) -> tuple[str, ...]:
    """The paper's sentences under these keys, for a finding's ``quote``."""
    return tuple(QUOTES[k] for k in keys)
