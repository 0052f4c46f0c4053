"""What an evidence is, and the claims ledger's evidence outside the survey.

An evidence function computes, from the data package, the comparisons that bear on one
claim of the paper and returns them as an :class:`Evidence`: a sentence with the numbers,
the numbers by name, and each comparison (:class:`Comparison`) with its outcome.  The
ledger's verdict is not typed in: :func:`verdict_from_evidence` derives it from the
comparisons by the rule below.

The verdict rule
----------------
Each comparison *agrees* with the claim, *disagrees* with it, or is *untestable* (the
published numbers cannot decide it).  A comparison that rests on an assumption (a reading of
the claim's words the paper does not state, or a printed number the audit finds
inconsistent) counts as untestable, whatever its outcome.  Then:

- **supported**: at least one comparison, and every comparison agrees;
- **partly supported**: at least one comparison agrees, and at least one disagrees or is
  untestable;
- **not supported**: no comparison agrees and at least one disagrees;
- **not testable from the published numbers**: no comparison agrees or disagrees (a claim
  without an evidence function has no comparisons).

The survey's claims are tested in :mod:`helpers.claims_survey`; this module holds the
types, the rule, the shared formatting and the claims on the R&D system (Table 1) and the
catalogue of innovations (Table 14).  :mod:`helpers.claims` maps claims to functions.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from .data.datapackage import load
from .data.recompute import agrees, cell, rows, share

SUPPORTED = "supported"
PARTLY = "partly supported"
NOT_SUPPORTED = "not supported"
NOT_TESTABLE = "not testable from the published numbers"

AGREES = "agrees"
DISAGREES = "disagrees"
UNTESTABLE = "untestable"
OUTCOMES = (AGREES, DISAGREES, UNTESTABLE)


@dataclass(frozen=True)
class Comparison:
    """One comparison of a claim with the numbers, and its outcome.

    Attributes
    ----------
    what : str
        What is compared, in words ('ABI: manufacturing vs services roughly equal').
    outcome : str
        One of :data:`OUTCOMES`.
    rests_on : str, optional
        The assumption the comparison needs ('assumption: ...'); it then counts as untestable.
    """

    what: str
    outcome: str
    rests_on: str | None = None

    def __post_init__(self) -> None:
        if self.outcome not in OUTCOMES:
            raise ValueError(f"outcome must be one of {OUTCOMES}, got {self.outcome!r}")
        if self.rests_on is not None and not self.rests_on.startswith("assumption: "):
            raise ValueError(f"rests_on must start with 'assumption: ', got {self.rests_on!r}")

    @property
    def counts_as(self) -> str:
        """The outcome the verdict rule uses: untestable when it rests on an assumption."""
        return UNTESTABLE if self.rests_on else self.outcome


def compare(what: str, holds: bool | None, rests_on: str | None = None) -> Comparison:
    """A comparison from a test: True agrees, False disagrees, None cannot be tested."""
    outcome = UNTESTABLE if holds is None else AGREES if holds else DISAGREES
    return Comparison(what, outcome, rests_on)


def verdict_from_evidence(comparisons: object) -> str:
    """The ledger's verdict on a claim from its comparisons (the rule of the module docstring).

    ``comparisons`` is a sequence of :class:`Comparison` (or an :class:`Evidence`, whose
    comparisons are used).
    """
    if isinstance(comparisons, Evidence):
        comparisons = comparisons.comparisons
    outcomes = [c.counts_as for c in comparisons]
    if AGREES not in outcomes and DISAGREES not in outcomes:
        return NOT_TESTABLE
    if all(o == AGREES for o in outcomes):
        return SUPPORTED
    if AGREES in outcomes:
        return PARTLY
    return NOT_SUPPORTED


@dataclass(frozen=True)
class Evidence:
    """What the data show about one claim.

    Attributes
    ----------
    sentence : str
        The comparison in words, with the numbers (printed cells as printed).
    values : dict
        Every number the sentence rests on, by name, so that tests can check them.
    comparisons : tuple of Comparison
        Each comparison made, with its outcome computed from the numbers; the verdict
        follows from them (:attr:`verdict`).
    """

    sentence: str
    values: dict[str, float] = field(default_factory=dict)
    comparisons: tuple[Comparison, ...] = ()

    def __post_init__(self) -> None:
        # Plain floats (not numpy scalars), so the values print and compare simply.
        object.__setattr__(self, "values", {k: float(v) for k, v in self.values.items()})
        object.__setattr__(self, "comparisons", tuple(self.comparisons))

    @property
    def verdict(self) -> str:
        return verdict_from_evidence(self.comparisons)


def _pct(value: float) -> str:
    return f"{value:.1f}%"


def _printed(frame: pd.DataFrame, **where: object) -> tuple[float, str]:
    row = cell(frame, **where)
    return float(row["value"]), row["printed"]


def _lower_first(text: str) -> str:
    """'Metal parts' -> 'metal parts', but 'IT services' stays as printed."""
    return text if text[1:2].isupper() else text[:1].lower() + text[1:]


def _listing(parts: list[str]) -> str:
    return ", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else parts[0]


# --- Table 1: R&D performers -----------------------------------------------------------------


def _gerd(region: str, sector: str) -> tuple[float, int]:
    row = cell(load("table-01"), region=region, sector=sector)
    return float(row["value"]), int(row["year"])


def evidence_no_demand_for_rd() -> Evidence:
    """Table 1: the business sector's share of R&D performed, Kazakhstan vs NA and EU."""
    kz, kz_year = _gerd("Kazakhstan", "business_enterprise")
    na, na_year = _gerd("North America", "business_enterprise")
    eu, _ = _gerd("European Union", "business_enterprise")
    in_house, _ = _gerd("Kazakhstan", "business_in_house")
    bureaus, _ = _gerd("Kazakhstan", "business_design_bureaus")
    sentence = (
        f"The business enterprise sector performs {kz:.1f}% of Kazakhstan's GERD ({kz_year}) "
        f"against {na:.1f}% in North America and {eu:.1f}% in the EU ({na_year}); of "
        f"Kazakhstan's business share, in-house R&D of firms is {in_house:.1f}% of GERD and "
        f"design bureaus {bureaus:.1f}% (Table 1)."
    )
    values = {
        "kazakhstan_business": kz,
        "north_america_business": na,
        "eu_business": eu,
        "kazakhstan_in_house": in_house,
        "kazakhstan_design_bureaus": bureaus,
    }
    comparisons = (
        compare("business share of R&D performed lower than in North America", kz < na),
        compare("business share of R&D performed lower than in the EU", kz < eu),
        compare("demand for R&D and sources of competitiveness: no table measures them", None),
    )
    return Evidence(sentence, values, comparisons)


def evidence_public_rd_driven() -> Evidence:
    """Table 1: share of R&D performed by government and higher education."""
    public = {}
    for region in ("Kazakhstan", "North America", "European Union"):
        government, year = _gerd(region, "government")
        higher, _ = _gerd(region, "higher_education")
        public[region] = (government + higher, government, higher, year)
    kz = public["Kazakhstan"]
    sentence = (
        f"Government and higher education perform {kz[0]:.1f}% of Kazakhstan's GERD "
        f"({kz[1]:.1f}% + {kz[2]:.1f}%, {kz[3]}) against {public['North America'][0]:.1f}% in "
        f"North America and {public['European Union'][0]:.1f}% in the EU "
        f"({public['North America'][3]}; Table 1)."
    )
    values = {f"{region}_public": v[0] for region, v in public.items()}
    comparisons = (
        compare("government and higher education perform most of Kazakhstan's R&D", kz[0] > 50),
        compare(
            "their share above North America's and the EU's",
            kz[0] > max(public["North America"][0], public["European Union"][0]),
        ),
        compare("a transition under way: Table 1 gives a single year", None),
    )
    return Evidence(sentence, values, comparisons)


# --- Table 14: the catalogue -----------------------------------------------------------------


def evidence_catalogue_ready() -> Evidence:
    """Table 14: developments ready for introduction as a share of the catalogue."""
    table = rows(load("table-14"), measure="n_developments")
    ready = float(cell(table, stage="ready_for_introduction")["value"])
    total = float(cell(table, stage="total")["value"])
    stages = float(table[table["stage"] != "total"]["value"].sum())
    printed = cell(
        load("table-14"), stage="ready_for_introduction", measure="share_of_developments"
    )
    recomputed = share(ready, total)
    relation = "agrees" if agrees(printed["printed"], recomputed) else "disagrees"
    adds = "add up to" if stages == total else "do not add up to"
    sentence = (
        f"Table 14 counts {ready:.0f} developments ready for introduction out of {total:.0f}; "
        f"{ready:.0f}/{total:.0f} = {_pct(recomputed)}, which {relation} with the printed share "
        f"({printed['printed']}); the four stages {adds} the printed total."
    )
    values = {"ready": ready, "total": total, "recomputed_share": recomputed, "stages": stages}
    comparisons = (
        compare("ready developments over the total give the printed share", relation == "agrees"),
        compare("the stages add up to the printed total", stages == total),
    )
    return Evidence(sentence, values, comparisons)
