"""Reproducibility audit: recompute what the paper's printed numbers determine, and compare.

Every total, share and average of the tables is recomputed from the rows in data/ with the
rounding-aware comparisons of :mod:`helpers.recompute`; tables are set against each other;
and the paper's prose is set against its tables.  What does not reproduce is a *finding*;
what does is a *confirmed check*.  Nothing in data/ is corrected: the audit only reports.

Severity
--------
error
    A number or reference that is wrong on its face: 7 of 24 firms printed as 36%, a
    cross-reference to the wrong table, a misnumbered section or figure.
inconsistency
    Two printed numbers that cannot both hold: within a table, across tables, or the text
    against a table.
ambiguity
    The flattened text allows more than one reading: which bar a label belongs to, which
    cells a short row fills, which park a name means.
note
    Worth knowing but not a contradiction: sector shares that do not reach 100 because some
    sectors are not printed, an Average row that is not the unweighted mean of the rows
    shown, a claim the published numbers cannot test.

Categories: ``arithmetic`` (sums, means, medians within a table), ``percentage`` (shares and
their denominators), ``cross-table`` (one table against another), ``text`` (the prose
against the tables) and ``structure`` (numbering, legends, layout).

Quotes are verbatim fragments of the paper's text (line breaks as spaces).  Numbers that
the prose prints but data/ does not hold (e.g. '7 out of the 24 firms') are read from the
quote itself; the recomputed side always comes from data/.

Run ``python -m helpers.audit`` for a report grouped by table, ``--json`` for the findings
as a JSON list.  The exit status is 0 whenever the audit ran, whatever it found.
"""

from __future__ import annotations

import argparse
import html
import itertools
import json
import math
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pandas as pd
from matplotlib.figure import Figure

from . import recompute as rc
from .datapackage import load, package, paper_number
from .parks import park_codes
from .theme import OKABE_ITO, new_figure, show_chart

SEVERITIES = {
    "error": "A number or reference that is wrong on its face.",
    "inconsistency": "Two printed numbers that cannot both hold.",
    "ambiguity": "The flattened text allows more than one reading.",
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
ALL = "ALL"
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
]
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_NUMBER_WORDS = {"four": 4, "five": 5, "seven": 7}
# Table 13's row groups, as readers see them.
PARTNERS = {
    "other_tp_firms": "other technopark firms",
    "higher_education": "higher education",
    "external_firms": "external firms",
}
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

    @property
    def group(self) -> str:
        return self.scope or self.resources[0]

    def to_dict(self) -> dict:
        """The finding as plain JSON-ready values, keys in :data:`FIELDS` order."""
        return {
            "id": self.id,
            "resources": list(self.resources),
            "severity": self.severity,
            "category": self.category,
            "printed": _plain(self.printed),
            "recomputed": _plain(self.recomputed),
            "where": self.where,
            "message": self.message,
            "quote": list(self.quote),
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
            "printed": _plain(self.printed),
            "recomputed": _plain(self.recomputed),
        }


def _plain(value: object) -> object:
    """JSON-ready copy: numpy scalars to Python numbers, whole floats kept as floats."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, str | bool):
        return value
    if isinstance(value, int):
        return value
    number = float(value)
    if math.isnan(number):
        return None
    return round(number, 2)


@dataclass
class _Audit:
    """Collects findings and confirmed checks while the finders run."""

    data_dir: Path | str | None = None
    findings: list[Finding] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)

    def t(self, name: str) -> pd.DataFrame:
        return load(name, self.data_dir)

    def find(self, id: str, resources: Sequence[str], severity: str, category: str, **kw):
        self.findings.append(Finding(id, tuple(resources), severity, category, **kw))

    def confirm(self, id, resources, where, description, printed, recomputed):
        self.checks.append(Check(id, tuple(resources), where, description, printed, recomputed))

    def verify(self, ok: bool, id, resources, where, description, printed, recomputed, **kw):
        """Confirm a check, or report it as a finding when the data do not reproduce it."""
        if ok:
            self.confirm(id, resources, where, description, printed, recomputed)
            return
        self.find(
            id,
            resources,
            kw.get("severity", "inconsistency"),
            kw.get("category", "arithmetic"),
            printed=printed,
            recomputed=recomputed,
            where=where,
            message=f"Does not reproduce: {description} (printed {_text(printed)}, "
            f"recomputed {_text(recomputed)}).",
            quote=tuple(kw.get("quote", ())),
        )


def _verify_granularity(a: _Audit, id: str, resources, where: str, printed: str, n: int):
    """Check that a printed 1-5 mean is possible from ``n`` whole-number answers."""
    nearest = min(range(n, 5 * n + 1), key=lambda k: abs(k / n - float(printed)))
    a.verify(
        rc.mean_is_possible(printed, n),
        id,
        resources,
        where,
        f"A mean of {printed} on the 1-5 scale is possible from {n} whole-number answers",
        printed,
        f"{nearest}/{n} = {nearest / n:.2f}",
    )


def _example(splits: Sequence[tuple[int, ...]]) -> tuple[int, ...]:
    """A representative split to quote: the middle one of the list (deterministic)."""
    return splits[len(splits) // 2]


# --------------------------------------------------------------------------------------
# Small formatting helpers


def _numbers(text: str) -> list[float]:
    """The numbers printed in a fragment of prose, in order."""
    return [float(m) for m in _NUMBER.findall(text)]


def _fmt(value: float, places: int = 1) -> str:
    """A number for a sentence: whole numbers without decimals, others to ``places``."""
    value = float(value)
    if value.is_integer():
        return str(int(value))
    return f"{value:.{places}f}"


def _span(values: Sequence[int]) -> str:
    return f"{values[0]}-{values[-1]}" if len(values) > 1 else str(values[0])


def _text(value: object) -> str:
    """A printed or recomputed value as short readable text."""
    value = _plain(value)
    if value is None:
        return "-"
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_text(v)}" for k, v in value.items())
    if isinstance(value, list):
        return ", ".join(_text(v) for v in value) if value else "none"
    if isinstance(value, float):
        return _trim(value)
    return str(value)


def _trim(value: float) -> str:
    """Up to two decimals, without trailing zeros: 18.6, 2.93, 100."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _by_park(frame: pd.DataFrame, parks: Sequence[str] | None = None) -> dict[str, float]:
    """``{park: value}`` for the rows of one measure, parks in the paper's order."""
    rows = frame.dropna(subset=["park"]).set_index("park")["value"]
    order = parks or [p for p in park_codes() if p in rows.index]
    return {p: float(rows[p]) for p in order}


def _printed(row: pd.Series) -> str:
    return str(row["printed"])


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
# Figure numbers printed in the paper's captions (Figures 1-3 and 7 are diagrams without data).
PRINTED_FIGURE_NUMBERS = [1, 2, 3, 4, 7]


def _q(*keys: str) -> tuple[str, ...]:
    return tuple(QUOTES[k] for k in keys)


# --------------------------------------------------------------------------------------
# Table 1


def _table_01(a: _Audit) -> None:
    t = a.t("table-01")
    total = rc.cell(t, region="Kazakhstan", sector="business_enterprise")
    parts = rc.rows(t, region="Kazakhstan", parent_sector="business_enterprise")["value"]
    a.verify(
        rc.compare("KZ business", total, parts.sum()).agrees,
        "table-01-kz-business-sum",
        ["table-01"],
        "Table 1, Kazakhstan, Business Enterprise Sector",
        "Business enterprise share = in-house R&D + design bureaus",
        _printed(total),
        round(parts.sum(), 1),
    )

    main = rc.rows(t, parent_sector=None)
    regions = list(dict.fromkeys(main["region"]))
    printed = {r: rc.rows(main, region=r)["value"].tolist() for r in regions}
    sums = {r: round(sum(v), 1) for r, v in printed.items()}
    if any(not rc.is_close(s, 100.0) for s in sums.values()):
        listed = ", ".join(f"{s:.1f}% for {r}" for r, s in sums.items())
        a.find(
            "table-01-sectors-not-100",
            ["table-01"],
            "note",
            "arithmetic",
            printed=printed,
            recomputed=sums,
            where="Table 1, the three sector rows of each column",
            message=f"The three printed sectors add up to {listed}, not 100%: the table does "
            "not print the other performers of R&D (possibly private non-profit bodies and "
            "abroad), so the shares are not a complete split of GERD.",
        )

    kz_year = int(rc.cell(t, region="Kazakhstan", sector="business_enterprise")["year"])
    text_year, text_share = _numbers(QUOTES["year-2000"])
    if int(text_year) != kz_year:
        a.find(
            "text-table-01-year",
            ["table-01"],
            "inconsistency",
            "text",
            printed={"text": int(text_year), "Table 1 heading": kz_year},
            recomputed=None,
            where="Section 3, paragraph after Table 1",
            message=f"The text dates Kazakhstan's {_fmt(text_share)}% business share to "
            f"{int(text_year)}, while Table 1 heads the same figure 'Kazakhstan, {kz_year}'.",
            quote=_q("year-2000"),
        )

    kz = float(total["value"])
    ratios = {
        r: round(float(rc.cell(t, region=r, sector="business_enterprise")["value"]) / kz, 2)
        for r in regions
        if r != "Kazakhstan"
    }
    others = {r: int(rc.cell(t, region=r, sector="business_enterprise")["year"]) for r in ratios}
    phrases = [
        f"{r}'s{' business share' if i == 0 else ''} "
        f"({_printed(rc.cell(t, region=r, sector='business_enterprise'))}%) is {_fmt(v, 1)} "
        f"times{f' Kazakhstan{chr(39)}s {_fmt(kz)}%' if i == 0 else ''}"
        for i, (r, v) in enumerate(ratios.items())
    ]
    described = " and ".join(phrases)
    a.find(
        "text-table-01-three-times-lower",
        ["table-01"],
        "note",
        "text",
        printed="three times lower",
        recomputed=ratios,
        where="Section 3, paragraph after Table 1",
        message=f"In Table 1, {described}, so "
        "'three times lower' holds as a round figure; the comparison sets Kazakhstan in "
        f"{kz_year} against {', '.join(str(y) for y in sorted(set(others.values())))} for the "
        "others.",
        quote=_q("three-times"),
    )


# --------------------------------------------------------------------------------------
# Table 2 (and the text about the parks that cites it)


def _table_02(a: _Audit) -> None:
    t = a.t("table-02")
    tenants = _by_park(rc.rows(t, attribute="tenants_2004"))
    low, high = _numbers(QUOTES["tenants"])[:2]
    a.verify(
        (min(tenants.values()), max(tenants.values())) == (low, high),
        "table-02-tenant-range",
        ["table-02"],
        "Section 4, paragraph after Table 2",
        "Text's range of tenants = smallest and largest tenants as of 2004",
        [int(low), int(high)],
        [min(tenants.values()), max(tenants.values())],
        category="text",
        quote=_q("tenants"),
    )
    active = _by_park(rc.rows(t, attribute="commercially_active_tenants").dropna(subset=["value"]))
    a.verify(
        any(v < 100 for v in active.values()),
        "table-02-not-all-active",
        ["table-02"],
        "Section 4, paragraph after Table 2",
        "'not all of which are commercially active': some parks print less than all tenants active",
        "not all",
        active,
        category="text",
    )
    n_parks = t["park"].nunique()
    stated = next(_NUMBER_WORDS[w] for w in QUOTES["five-parks"].split() if w in _NUMBER_WORDS)
    a.verify(
        n_parks == stated,
        "table-02-five-parks",
        ["table-02"],
        "Section 4, Methodology",
        "'five major technoparks (see Table 2)' = parks in Table 2",
        "five",
        n_parks,
        category="text",
    )

    survival = rc.rows(t, attribute="survival_rate")
    shown = [p for p in survival["printed"] if isinstance(p, str) and p]
    if len(shown) < survival["park"].nunique():
        a.find(
            "table-02-survival-rate-row",
            ["table-02"],
            "ambiguity",
            "structure",
            printed=shown,
            recomputed=None,
            where="Table 2, Rate of survival row",
            message=f"The Rate of survival row prints {len(shown)} values "
            f"({', '.join(shown)}) for {survival['park'].nunique()} parks; the data read them "
            "as ABI, ATP and PPV by the spacing of the text, but ABI, ATP and KGP is also "
            "possible, so the last value may be PPV's or KGP's.",
        )

    turnover = rc.rows(t, attribute="tenant_turnover").dropna(subset=["value"])
    per_firm = {}
    for _, row in turnover.iterrows():
        per_firm[row["park"]] = round(float(row["value"]) / tenants[row["park"]], 2)
    pooled = turnover["value"].sum() / sum(tenants[p] for p in turnover["park"])
    claimed = _numbers(QUOTES["turnover"])[-1] / 1000
    near = [p for p, v in per_firm.items() if rc.agrees(_fmt(claimed), v)]
    parts = ", ".join(
        f"${_fmt(per_firm[p], 1)} thousand at {p} (${_fmt(v)}K / {_fmt(tenants[p])} tenants, "
        f"{int(y)})"
        for p, v, y in zip(
            turnover["park"], turnover["value"], turnover["reference_year"], strict=True
        )
    )
    a.find(
        "text-turnover-per-enterprise",
        ["table-02"],
        "note",
        "text",
        printed="around $5000",
        recomputed={**{p: v for p, v in per_firm.items()}, "pooled": round(pooled, 2)},
        where="Section 4, paragraph after Table 2",
        message=f"Table 2's turnover divided by the 2004 tenants gives {parts}, "
        f"${_fmt(pooled, 1)} thousand pooled; 'around $5000' is "
        + (f"reproduced by {' and '.join(near)} alone" if near else "not reproduced")
        + ", possibly the basis of the estimate (the two figures refer to different years).",
        quote=_q("turnover"),
    )


# --------------------------------------------------------------------------------------
# Table 3


def _table_03(a: _Audit) -> None:
    t = a.t("table-03")

    def value(firms, variable, measure="average"):
        return float(rc.cell(t, firms=firms, variable=variable, measure=measure)["value"])

    experience = [value(f, "experience_in_venture_area") for f in ("in_tp", "out_tp")]
    ages = [value(f, "entrepreneur_age") for f in ("in_tp", "out_tp")]
    a.verify(
        experience == _numbers(QUOTES["experience"]),
        "table-03-text-experience",
        ["table-03"],
        "Section 4, paragraph after Table 3",
        "Text's years of experience inside and outside technoparks = Table 3 averages",
        _numbers(QUOTES["experience"]),
        experience,
        category="text",
    )
    a.verify(
        experience + ages == _numbers(QUOTES["similar-ages"]),
        "table-03-text-ages",
        ["table-03"],
        "Section 4, paragraph after Table 4",
        "Text's experience and entrepreneurs' ages inside vs outside = Table 3 averages",
        _numbers(QUOTES["similar-ages"]),
        experience + ages,
        category="text",
    )
    a.find(
        "table-03-significance-untestable",
        ["table-03"],
        "note",
        "text",
        printed="no significant difference",
        recomputed={
            "age gap (years)": ages[1] - ages[0],
            "experience gap": experience[1] - experience[0],
        },
        where="Section 4, paragraph after Table 3",
        message="Table 3 prints averages, medians and ranges but no sample sizes or standard "
        "deviations, so the claim of no significant difference cannot be tested from the "
        f"published numbers; the averages differ by {_fmt(ages[1] - ages[0])} years of age and "
        f"{_fmt(experience[1] - experience[0])} years of experience.",
        quote=_q("no-difference"),
    )


# --------------------------------------------------------------------------------------
# Table 4


def _implied_firms(t4: pd.DataFrame) -> dict[str, list[int]]:
    """Firms per park implied by Table 4: employment total over the printed average."""
    out = {}
    for park in rc.rows(t4, firms="in_tp", variable="employment", measure="total")["park"]:
        if pd.isna(park):
            continue
        total = rc.cell(t4, firms="in_tp", park=park, variable="employment", measure="total")
        mean = rc.cell(t4, firms="in_tp", park=park, variable="employment", measure="average")
        out[park] = rc.counts_reproducing_mean(float(total["value"]), _printed(mean))
    return out


def _table_04(a: _Audit) -> None:
    t = a.t("table-04")
    emp = rc.rows(t, firms="in_tp", variable="employment")
    totals = _by_park(rc.rows(emp, measure="total"))
    pooled_total = rc.cell(emp, park=None, measure="total")
    a.verify(
        rc.compare("employment", pooled_total, sum(totals.values())).agrees,
        "table-04-employment-total",
        ["table-04"],
        "Table 4, Employment row, in technoparks column",
        f"Employment in technoparks = sum of the {len(totals)} parks",
        _printed(pooled_total),
        sum(totals.values()),
    )
    maxima = _by_park(rc.rows(emp, measure="max"))
    pooled_max = rc.cell(emp, park=None, measure="max")
    a.verify(
        float(pooled_max["value"]) == max(maxima.values()),
        "table-04-max",
        ["table-04"],
        "Table 4, Max row, in technoparks column",
        "Pooled maximum employment = largest park maximum",
        _printed(pooled_max),
        max(maxima.values()),
    )
    age_medians = _by_park(
        rc.rows(t, firms="in_tp", variable="firm_age", measure="median").dropna(subset=["value"])
    )
    pooled_age_median = rc.cell(t, firms="in_tp", park=None, variable="firm_age", measure="median")
    a.verify(
        min(age_medians.values()) <= pooled_age_median["value"] <= max(age_medians.values()),
        "table-04-age-median-within-parks",
        ["table-04"],
        "Table 4, Age - median row, in technoparks column",
        "Pooled median firm age lies between the parks' medians",
        _printed(pooled_age_median),
        [min(age_medians.values()), max(age_medians.values())],
    )

    medians = _by_park(rc.rows(emp, measure="median"))
    pooled_median = rc.cell(emp, park=None, measure="median")
    if pooled_median["value"] > max(medians.values()) + rc.half_unit(_printed(pooled_median)):
        listed = ", ".join(f"{p} {_fmt(v)}" for p, v in medians.items())
        a.find(
            "table-04-pooled-median-above-park-medians",
            ["table-04"],
            "inconsistency",
            "arithmetic",
            printed={"pooled median": float(pooled_median["value"]), **medians},
            recomputed={"largest possible pooled median": max(medians.values())},
            where="Table 4, Median row, in technoparks column",
            message=f"The pooled median employment is printed as {_printed(pooled_median)}, "
            f"above every park's median ({listed}); the median of the pooled firms cannot "
            f"exceed the largest park median ({_fmt(max(medians.values()))}, at most "
            f"{_fmt(max(medians.values()) + 0.5)} before rounding).",
        )

    implied = _implied_firms(t)
    low = sum(v[0] for v in implied.values())
    high = sum(v[-1] for v in implied.values())
    pooled_mean = rc.cell(emp, park=None, measure="average")
    whole = float(pooled_total["value"])
    needed = rc.counts_reproducing_mean(whole, _printed(pooled_mean))
    t5_total = float(
        rc.cell(a.t("table-05"), firms="in_tp", park=None, activity="total", measure="n_firms")[
            "value"
        ]
    )
    if not set(needed) & set(range(low, high + 1)):
        per_park = ", ".join(
            f"{_span(v)}{' firms' if i == 0 else ''} at {p}"
            for i, (p, v) in enumerate(implied.items())
        )
        a.find(
            "table-04-pooled-average-vs-parks",
            ["table-04", "table-05"],
            "inconsistency",
            "arithmetic",
            printed={"pooled average": float(pooled_mean["value"]), "employment": whole},
            recomputed={
                "firms implied by the parks": [low, high],
                "pooled average from them": [round(whole / high, 2), round(whole / low, 2)],
                "firms the printed average needs": [needed[0], needed[-1]],
                "pooled average over Table 5's firms": round(whole / t5_total, 2),
            },
            where="Table 4, Average row, in technoparks column",
            message=f"Each park's employment over its printed average implies {per_park}, "
            f"{low} to {high} in all, so the pooled average should be "
            f"{_fmt(whole)} / {low}-{high} = {_fmt(whole / high, 1)} to "
            f"{_fmt(whole / low, 1)}, not the printed {_printed(pooled_mean)} (which would need "
            f"{needed[0]}-{needed[-1]} firms); over Table 5's {_fmt(t5_total)} firms it would be "
            f"{_fmt(whole / t5_total, 1)}, which rounds to {_fmt(round(whole / t5_total))}, the "
            "figure printed in the Median row.",
        )

    t2 = a.t("table-02")
    tenants = _by_park(rc.rows(t2, attribute="tenants_2004"))
    t5 = _by_park(rc.rows(a.t("table-05"), firms="in_tp", activity="total", measure="n_firms"))
    t12 = _by_park(rc.rows(a.t("table-12"), measure="n_firms_in_park"))
    over = [p for p, v in implied.items() if v[0] > tenants[p]]
    for park in over:
        others = ", ".join(
            f"{p} {_span(v)} vs {_fmt(tenants[p])}" for p, v in implied.items() if p != park
        )
        extra = f" and the {_fmt(t12[park])} of Table 12" if park in t12 else ""
        a.find(
            f"table-04-{park.lower()}-implied-firms-exceed-tenants",
            ["table-04", "table-02", "table-05", "table-12"],
            "inconsistency",
            "cross-table",
            printed={
                "employment": totals[park],
                "average employment": float(rc.cell(emp, park=park, measure="average")["value"]),
                "Table 2 tenants 2004": tenants[park],
                "Table 5 firms": t5.get(park),
                "Table 12 firms": t12.get(park),
            },
            recomputed={"implied firms": [implied[park][0], implied[park][-1]]},
            where=f"Table 4, {park} column, against Table 2 (Tenants as of 2004)",
            message=f"{park}'s {_fmt(totals[park])} employees at a printed average of "
            f"{_fmt(rc.cell(emp, park=park, measure='average')['value'])} per firm imply "
            f"{_span(implied[park])} firms, about "
            f"{_fmt(sum(implied[park]) / len(implied[park]) / tenants[park], 1)} times the "
            f"{_fmt(tenants[park])} tenants Table 2 "
            f"gives for 2004 (and more than the {_fmt(t5[park])} firms of Table 5{extra}); for the "
            f"other parks the implied counts do not exceed Table 2's tenants ({others}).",
        )

    age = rc.rows(t, variable="firm_age", measure="average")
    in_age = float(rc.cell(age, firms="in_tp", park=None)["value"])
    out_age = float(rc.cell(age, firms="out_tp", park=None)["value"])
    text_out, text_in = _numbers(QUOTES["age-14-3"])
    if (text_out, text_in) != (out_age, in_age):
        parks_at = [
            p
            for p, v in _by_park(age[age["firms"] == "in_tp"].dropna(subset=["value"])).items()
            if v == text_in
        ]
        a.find(
            "text-firm-age-14-vs-3",
            ["table-04"],
            "inconsistency",
            "text",
            printed={"text": [text_out, text_in], "Table 4": [out_age, in_age]},
            recomputed=None,
            where="Section 4, paragraph after Table 4",
            message=f"The text gives the average firm age as {_fmt(text_out)} years outside "
            f"against {_fmt(text_in)} inside technoparks; Table 4 prints {_fmt(out_age)} and "
            f"{_fmt(in_age)}"
            + (f" ({_fmt(text_in)} is {' and '.join(parks_at)}'s average)" if parks_at else "")
            + ".",
            quote=_q("age-14-3"),
        )

    text_in_emp, text_out_emp = _numbers(QUOTES["employment-12-61"])[:2]
    out_mean = float(rc.cell(t, firms="out_tp", variable="employment", measure="average")["value"])
    a.verify(
        (text_in_emp, text_out_emp) == (float(pooled_mean["value"]), out_mean),
        "table-04-text-employment",
        ["table-04"],
        "Section 4, paragraph after Table 4",
        "Text's average employment inside and outside technoparks = Table 4",
        [text_in_emp, text_out_emp],
        [float(pooled_mean["value"]), out_mean],
        category="text",
    )

    in_age_avg = float(
        rc.cell(t, firms="in_tp", park=None, variable="firm_age", measure="average")["value"]
    )
    out_age_avg = float(rc.cell(t, firms="out_tp", variable="firm_age", measure="average")["value"])
    a.verify(
        float(pooled_mean["value"]) < out_mean and in_age_avg < out_age_avg,
        "table-04-text-smaller-younger",
        ["table-04"],
        "Section 4, paragraph after Table 4",
        "Firms inside parks are on average smaller and younger than firms outside",
        "much smaller and younger",
        {
            "average employment inside, outside": [float(pooled_mean["value"]), out_mean],
            "average age inside, outside": [in_age_avg, out_age_avg],
        },
        category="text",
        quote=_q("smaller-younger"),
    )

    # 'They employ some 200 to over 300 people (Table 3)'
    a.find(
        "text-employment-wrong-table",
        ["table-04", "table-03"],
        "error",
        "text",
        printed="Table 3",
        recomputed="Table 4",
        where="Section 4, paragraph after Table 2",
        message="The text cites Table 3 for the parks' employment, but Table 3 is about "
        "entrepreneurs' age and experience; employment per park is in Table 4.",
        quote=_q("employ"),
    )
    low_claim, high_claim = _numbers(QUOTES["employ"])[:2]
    below = {p: v for p, v in totals.items() if v < low_claim}
    if below:
        a.find(
            "text-employment-range",
            ["table-04"],
            "note",
            "text",
            printed="some 200 to over 300 people",
            recomputed={"smallest": min(totals.values()), "largest": max(totals.values())},
            where="Section 4, paragraph after Table 2",
            message=f"Table 4's park employment runs from {_fmt(min(totals.values()))} "
            f"({', '.join(below)}) to {_fmt(max(totals.values()))}; 'some {_fmt(low_claim)}' "
            f"covers {', '.join(below)} only as an approximation, and Kostanai (KST), one of "
            "the five parks, has no employment figure.",
            quote=_q("employ"),
        )


# --------------------------------------------------------------------------------------
# Table 5


def _table_05(a: _Audit) -> None:
    t = a.t("table-05")
    columns = [("in_tp", p) for p in [*park_codes(), None]] + [("out_tp", None)]
    for firms, park in columns:
        rows = rc.rows(t, firms=firms, park=park, measure="n_firms")
        if rows.empty:
            continue
        by = rows.set_index("activity")["value"]
        label = park or ("in technoparks" if firms == "in_tp" else "outside technoparks")
        a.verify(
            by["total"] == by["manufacturing"] + by["services"],
            f"table-05-{(park or firms).lower().replace('_', '-')}-row-total",
            ["table-05"],
            f"Table 5, Total row, {label}",
            f"Total firms {label} = manufacturing + services",
            float(by["total"]),
            float(by["manufacturing"] + by["services"]),
        )
    for activity in ["manufacturing", "services", "total"]:
        total = rc.cell(t, firms="in_tp", park=None, activity=activity, measure="n_firms")
        parks = rc.rows(t, firms="in_tp", activity=activity, measure="n_firms").dropna(
            subset=["park"]
        )
        a.verify(
            rc.compare(activity, total, parks["value"].sum()).agrees,
            f"table-05-{activity}-sum-of-parks",
            ["table-05"],
            f"Table 5, {activity.capitalize()} row, Total column",
            f"{activity.capitalize()} firms in technoparks = sum of the {len(parks)} parks",
            _printed(total),
            parks["value"].sum(),
        )
    for firms in ["in_tp", "out_tp"]:
        sub = rc.rows(t, firms=firms, park=None)
        whole = float(rc.cell(sub, activity="total", measure="n_firms")["value"])
        for activity in ["manufacturing", "services", "total"]:
            count = float(rc.cell(sub, activity=activity, measure="n_firms")["value"])
            printed = rc.cell(sub, activity=activity, measure="share_of_firms")
            a.verify(
                rc.compare(activity, printed, rc.share(count, whole)).agrees,
                f"table-05-{firms.replace('_', '-')}-{activity}-share",
                ["table-05"],
                f"Table 5, {activity.capitalize()} row, Shares "
                f"({'inside' if firms == 'in_tp' else 'outside'} technoparks)",
                f"Share of {activity} = {_fmt(count)} / {_fmt(whole)}",
                _printed(printed),
                round(rc.share(count, whole), 1),
                category="percentage",
            )
    services_share = rc.cell(
        t, firms="in_tp", park=None, activity="services", measure="share_of_firms"
    )
    out_manuf = rc.cell(
        t, firms="out_tp", park=None, activity="manufacturing", measure="share_of_firms"
    )
    a.verify(
        _numbers(QUOTES["services-45"])[0] == services_share["value"] and out_manuf["value"] > 50,
        "table-05-text-services",
        ["table-05"],
        "Section 4, paragraph after Table 5",
        "Text's share of technopark firms in services = Table 5; firms outside mainly in "
        "manufacturing",
        _numbers(QUOTES["services-45"])[0],
        {"services inside": _printed(services_share), "manufacturing outside": _printed(out_manuf)},
        category="text",
    )

    # PPV counts more firms than Table 2 gives it tenants.
    t5 = _by_park(rc.rows(t, firms="in_tp", activity="total", measure="n_firms"))
    tenants = _by_park(rc.rows(a.t("table-02"), attribute="tenants_2004"))
    for park in [p for p, v in t5.items() if v > tenants[p]]:
        others = ", ".join(f"{p} {_fmt(t5[p])} vs {_fmt(tenants[p])}" for p in t5 if p != park)
        a.find(
            f"table-05-{park.lower()}-firms-exceed-tenants",
            ["table-05", "table-02"],
            "inconsistency",
            "cross-table",
            printed={"Table 5 firms": t5, "Table 2 tenants 2004": {p: tenants[p] for p in t5}},
            recomputed=None,
            where=f"Table 5, {park} column, against Table 2 (Tenants as of 2004)",
            message=f"Table 5 counts {_fmt(t5[park])} firms in {park}, "
            f"{_fmt(t5[park] / tenants[park], 1)} times the "
            f"{_fmt(tenants[park])} tenants Table 2 gives for {park} in 2004, while for the other "
            f"parks Table 5 counts fewer firms than Table 2's tenants ({others}).",
        )

    out_total = float(
        rc.cell(t, firms="out_tp", park=None, activity="total", measure="n_firms")["value"]
    )
    surveyed = _numbers(QUOTES["outside-24"])[0]
    if out_total > surveyed:
        a.find(
            "table-05-outside-firms-exceed-surveyed",
            ["table-05"],
            "inconsistency",
            "cross-table",
            printed={"Table 5 firms outside": out_total, "methodology": surveyed},
            recomputed=None,
            where="Table 5, Firms outside technoparks column, against Section 4, Methodology",
            message=f"Table 5 counts {_fmt(out_total)} firms outside technoparks, more than the "
            f"{_fmt(surveyed)} off-technopark firms the methodology says were surveyed.",
            quote=_q("outside-24"),
        )

    by_activity = {
        act: _by_park(rc.rows(t, firms="in_tp", activity=act, measure="n_firms"))
        for act in ["manufacturing", "services"]
    }
    biggest = max(t5, key=t5.get)
    rest = {act: sum(v for p, v in d.items() if p != biggest) for act, d in by_activity.items()}
    pooled = {act: sum(d.values()) for act, d in by_activity.items()}
    if rest["manufacturing"] >= 1.5 * rest["services"]:
        a.find(
            "text-table-05-balance-driven-by-ppv",
            ["table-05"],
            "note",
            "text",
            printed={"manufacturing": pooled["manufacturing"], "services": pooled["services"]},
            recomputed={
                f"without {biggest}": rest,
                f"manufacturing share without {biggest} (%)": round(
                    rc.share(rest["manufacturing"], sum(rest.values())), 1
                ),
            },
            where="Section 4, summary after Table 13 (on Table 5)",
            message=f"The pooled split ({_fmt(pooled['manufacturing'])} manufacturing, "
            f"{_fmt(pooled['services'])} services) is roughly equal because {biggest}, with "
            f"{_fmt(t5[biggest])} of the {_fmt(sum(t5.values()))} firms, has "
            f"{_fmt(by_activity['manufacturing'][biggest])} of each kind; in the other three "
            f"parks manufacturing firms outnumber services firms {_fmt(rest['manufacturing'])} "
            f"to {_fmt(rest['services'])}.",
            quote=_q("roughly-equal"),
        )


# --------------------------------------------------------------------------------------
# Table 6


def _parks_reported(a: _Audit, name: str) -> list[str]:
    frame = a.t(name)
    present = set(frame["park"].dropna())
    return [p for p in park_codes() if p in present]


def _table_06(a: _Audit) -> None:
    t = a.t("table-06")
    total = rc.cell(t, is_summary=True)
    parts = t[~t["is_summary"]]["value"].sum()
    a.verify(
        rc.compare("total", total, parts).agrees,
        "table-06-total",
        ["table-06"],
        "Table 6, Total",
        f"Total = sum of the {int((~t['is_summary']).sum())} activities",
        _printed(total),
        parts,
    )
    t5_total = float(
        rc.cell(a.t("table-05"), firms="in_tp", park=None, activity="total", measure="n_firms")[
            "value"
        ]
    )
    tenants = _by_park(rc.rows(a.t("table-02"), attribute="tenants_2004"))
    four_sums = sorted({int(sum(c)) for c in itertools.combinations(tenants.values(), 4)})
    if float(total["value"]) != t5_total:
        a.find(
            "table-06-total-vs-table-05",
            ["table-06", "table-05", "table-02"],
            "inconsistency",
            "cross-table",
            printed={"Table 6 total": float(total["value"]), "Table 5 total": t5_total},
            recomputed={"Table 2 tenants of any four parks": four_sums},
            where="Table 6, Total, against Table 5, Total",
            message=f"Table 6 counts {_printed(total)} tenant firms 'in four technoparks' and "
            f"Table 5 {_fmt(t5_total)} firms in its four "
            f"({', '.join(_parks_reported(a, 'table-05'))}); no four parks' 2004 tenants in "
            f"Table 2 add up to {_printed(total)} (the sums run "
            f"from {four_sums[0]} to {four_sums[-1]}), so the two tables cannot count the same "
            "firms unless Table 6 covers a sub-sample it does not name.",
        )
    sets = {
        name: _parks_reported(a, name)
        for name in ["table-04", "table-05", "table-07", "table-08", "table-09", "table-12"]
    }
    described = "; ".join(f"Table {int(n[-2:])}: {', '.join(p)}" for n, p in sets.items())
    a.find(
        "table-06-which-four-parks",
        ["table-06"],
        "ambiguity",
        "structure",
        printed="Activities of tenant-firms in four technoparks",
        recomputed=None,
        where="Table 6, title",
        message="Table 6 does not say which four of the five parks it covers, and the firm-level "
        f"tables name different sets ({described}).",
        quote=_q("table-6-title"),
    )


# --------------------------------------------------------------------------------------
# Table 7


def _table_07(a: _Audit) -> None:
    t = a.t("table-07")
    markets = ["local", "national", "foreign"]
    for park in [None, *_parks_reported(a, "table-07")]:
        sub = rc.rows(t, park=park)
        total = rc.cell(sub, market="total")
        a.verify(
            rc.compare("row", total, sub[sub["market"] != "total"]["value"].sum()).agrees,
            f"table-07-{(park or 'average').lower()}-row-sums-to-100",
            ["table-07"],
            f"Table 7, {park or 'Average'} row",
            f"Local + national + foreign = 100 ({park or 'Average'})",
            _printed(total),
            sub[sub["market"] != "total"]["value"].sum(),
            category="percentage",
        )
    avg = {m: rc.cell(t, park=None, market=m) for m in markets}
    text_local, text_national = _numbers(QUOTES["sales-90-9"])
    a.verify(
        (text_local, text_national) == (avg["local"]["value"], avg["national"]["value"]),
        "table-07-text-sales",
        ["table-07"],
        "Section 4, paragraph before Table 7",
        "Text's local and national shares of sales = Table 7's Average row",
        [text_local, text_national],
        [float(avg["local"]["value"]), float(avg["national"]["value"])],
        category="text",
    )

    parks = _parks_reported(a, "table-07")
    columns = {
        m: ([float(rc.cell(t, park=p, market=m)["value"]) for p in parks], _printed(avg[m]))
        for m in markets
    }
    unweighted = {m: round(rc.mean_of(v), 2) for m, (v, _) in columns.items()}
    if not all(rc.agrees(_printed(avg[m]), unweighted[m]) for m in markets):
        replies = int(_numbers(QUOTES["table-7-source"])[0])
        splits = rc.weights_reproducing(columns, replies)
        tenants = _by_park(rc.rows(a.t("table-02"), attribute="tenants_2004"), parks)
        t5 = _by_park(
            rc.rows(a.t("table-05"), firms="in_tp", activity="total", measure="n_firms"), parks
        )
        by_weights = {
            label: {
                m: round(rc.weighted_mean(v, list(w.values())), 2) for m, (v, _) in columns.items()
            }
            for label, w in [("Table 5 firms", t5), ("Table 2 tenants", tenants)]
        }
        reproduced = [
            label
            for label, means in by_weights.items()
            if all(rc.agrees(_printed(avg[m]), means[m]) for m in markets)
        ]

        def triple(d):
            return ", ".join(_fmt(d[m], 1) for m in markets)

        if splits:
            first = _example(splits)
            abi = sorted({s[0] for s in splits})
            split_text = (
                f"{len(splits)} whole-number splits of the {replies} replies reproduce it, all "
                f"with {abi[0]} to {abi[-1]} replies from {parks[0]} (e.g. "
                + ", ".join(f"{p} {w}" for p, w in zip(parks, first, strict=True))
                + "), so it is possibly a mean over replies"
            )
        else:
            split_text = f"no whole-number split of the {replies} replies reproduces it"
        weights_text = " or ".join(
            f"by {label} ({triple(means)})" for label, means in by_weights.items()
        )
        a.find(
            "table-07-average-vs-park-means",
            ["table-07", "table-05", "table-02"],
            "note",
            "arithmetic",
            printed={m: float(avg[m]["value"]) for m in markets},
            recomputed={
                "unweighted mean of parks": unweighted,
                f"splits of {replies} replies reproducing": len(splits),
                "example split": list(_example(splits)) if splits else None,
                **by_weights,
            },
            where="Table 7, Average row",
            message=f"The Average row ({', '.join(_printed(avg[m]) for m in markets)}) is not the "
            f"unweighted mean of {', '.join(parks)} ({triple(unweighted)}); taking the park "
            f"shares as printed, {split_text}; weighting {weights_text} "
            + ("reproduces it." if reproduced else "does not reproduce it."),
            quote=_q("table-7-source"),
        )

    local = {p: float(rc.cell(t, park=p, market="local")["value"]) for p in parks}
    national = {p: float(rc.cell(t, park=p, market="national")["value"]) for p in parks}
    spread = max(local.values()) - min(local.values())
    if spread > 20:
        low = min(local, key=local.get)
        others = [p for p in parks if p != low]
        a.find(
            "text-table-07-fairly-similar",
            ["table-07"],
            "note",
            "text",
            printed="fairly similar",
            recomputed={"local share gap (points)": spread},
            where="Section 4, paragraph before Table 7",
            message=f"{low} sells {_fmt(local[low])}% locally and {_fmt(national[low])}% "
            f"nationally, against {' and '.join(_fmt(local[p]) + '%' for p in others)} locally "
            f"at {' and '.join(others)}: the pattern is similar for {' and '.join(others)}, while "
            f"{low}'s local share is up to {_fmt(spread)} points lower.",
            quote=_q("fairly-similar"),
        )


# --------------------------------------------------------------------------------------
# Tables 8 and 9: importance, frequency and shares


def _importance_columns(frame, column, parks) -> dict[str, tuple[list[float], str]]:
    means = rc.rows(frame, measure="mean_importance")
    out = {}
    for key in means[column].dropna().unique():
        group = means[means[column] == key]
        values = [float(rc.cell(group, park=p)["value"]) for p in parks]
        out[key] = (values, _printed(rc.cell(group, park=None)))
    return out


def _share_denominator(a: _Audit, name: str, column: str, number: int) -> int | None:
    t = a.t(name)
    sample = rc.cell(t, measure="sample_size")
    counts = rc.rows(t, measure="n_firms")
    shares = rc.rows(t, measure="share_of_respondents")
    keys = list(shares[column])
    per_key = {
        k: (
            float(rc.cell(counts, **{column: k})["value"]),
            _printed(rc.cell(shares, **{column: k})),
        )
        for k in keys
    }
    stated = float(sample["value"])
    for k, (count, _) in per_key.items():
        a.verify(
            count <= stated,
            f"{name}-{k.replace('_', '-')}-count-within-sample",
            [name],
            f"Table {number}, No of firms row, {k}",
            f"Firms citing {k.replace('_', ' ')} do not exceed the stated sample",
            count,
            f"{_fmt(count)} of {_fmt(stated)}",
        )
    common = set.intersection(*(set(rc.denominators(p, count=c)) for c, p in per_key.values()))
    reproduce_stated = all(rc.agrees(p, rc.share(c, stated)) for c, p in per_key.values())
    if reproduce_stated:
        a.confirm(
            f"{name}-shares",
            [name],
            f"Table {number}, Share of respondents row",
            f"Every share = number of firms / {_fmt(stated)}",
            {k: p for k, (_, p) in per_key.items()},
            {k: round(rc.share(c, stated), 1) for k, (c, _) in per_key.items()},
        )
        return None
    implied = min(common) if common else None
    first = keys[0]
    c0, p0 = per_key[first]
    a.find(
        f"{name}-share-denominator",
        [name],
        "inconsistency",
        "percentage",
        printed={"sample": stated, "shares": {k: p for k, (_, p) in per_key.items()}},
        recomputed={
            f"shares of {_fmt(stated)}": {
                k: round(rc.share(c, stated), 1) for k, (c, _) in per_key.items()
            },
            "denominator reproducing every share": implied,
        },
        where=f"Table {number}, Share of respondents row, against the heading 'No of firms = "
        f"{_fmt(stated)}'",
        message=f"The heading says {_fmt(stated)} firms, but every share of respondents is the "
        f"number of firms divided by {implied}, not {_fmt(stated)} ({first.replace('_', ' ')} "
        f"{_fmt(c0)}/{implied} = {_fmt(rc.share(c0, implied), 1)}%, printed {p0}, against "
        f"{_fmt(c0)}/{_fmt(stated)} = {_fmt(rc.share(c0, stated), 1)}%); {implied} is the only "
        "sample size up to 200 that reproduces all of them."
        if len(common) == 1
        else f"The heading says {_fmt(stated)} firms, but the shares of respondents are not the "
        f"numbers of firms divided by {_fmt(stated)}.",
    )
    return implied


def _average_vs_parks(a: _Audit, name: str, column: str, number: int) -> None:
    t = a.t(name)
    parks = _parks_reported(a, name)
    columns = _importance_columns(t, column, parks)
    stated = int(rc.cell(t, measure="sample_size")["value"])
    unweighted = {k: rc.mean_of(v) for k, (v, _) in columns.items()}
    agree = {k: rc.agrees(p, unweighted[k]) for k, (_, p) in columns.items()}
    for key in [k for k, ok in agree.items() if ok]:
        a.confirm(
            f"{name}-{key.replace('_', '-')}-average",
            [name],
            f"Table {number}, Average row, {key.replace('_', ' ')}",
            f"Average = unweighted mean of {', '.join(parks)} ({key.replace('_', ' ')})",
            columns[key][1],
            round(unweighted[key], 2),
        )
    off = [k for k, ok in agree.items() if not ok]
    if not off:
        return
    splits = rc.weights_reproducing(columns, stated)
    listed = ", ".join(
        f"{k.replace('_', ' ')} ({columns[k][1]} vs {_trim(unweighted[k])})" for k in off
    )
    recomputed = {
        "unweighted mean of parks": {k: round(unweighted[k], 2) for k in off},
        f"splits of {stated} firms reproducing every average": len(splits),
        "example split": list(_example(splits)) if splits else None,
    }
    if splits:
        split_text = (
            f"{len(splits)} whole-number splits of the {stated} firms among "
            f"{', '.join(parks)} reproduce every average (e.g. "
            + ", ".join(f"{p} {w}" for p, w in zip(parks, _example(splits), strict=True))
            + "), so the Average is possibly a mean over firms"
        )
    else:
        loose = rc.weights_reproducing(columns, stated, row_half_unit=0.05)
        recomputed["splits allowing rounding of the park means"] = len(loose)
        recomputed["example split allowing rounding"] = list(_example(loose)) if loose else None
        split_text = (
            f"taking the park means as printed, no whole-number split of the {stated} firms "
            f"among {', '.join(parks)} reproduces every average"
            + (
                f", but allowing for the rounding of the park means {len(loose)} do (e.g. "
                + ", ".join(f"{p} {w}" for p, w in zip(parks, _example(loose), strict=True))
                + "), so the gaps are possibly weighting and rounding rather than error"
                if loose
                else ", even allowing for the rounding of the park means"
            )
        )
    a.find(
        f"{name}-average-vs-park-means",
        [name],
        "note",
        "arithmetic",
        printed={k: columns[k][1] for k in off},
        recomputed=recomputed,
        where=f"Table {number}, Average row",
        message=f"The Average row is not the unweighted mean of {', '.join(parks)} for "
        f"{listed}; {split_text}.",
    )


def _table_08(a: _Audit) -> None:
    t = a.t("table-08")
    _share_denominator(a, "table-08", "factor", 8)
    _average_vs_parks(a, "table-08", "factor", 8)
    avg = rc.rows(t, park=None, measure="mean_importance").set_index("factor")
    ranked = avg["value"].sort_values(ascending=False)
    rent, image = _numbers(QUOTES["rent-image"])[:2]
    a.verify(
        list(ranked.index[:2]) == ["rent", "image"]
        and (avg.at["rent", "value"], avg.at["image", "value"]) == (rent, image),
        "table-08-text-rent-image",
        ["table-08"],
        "Section 4, paragraph before Table 8",
        "Rent and image rank highest, with the text's averages",
        [rent, image],
        {k: float(v) for k, v in ranked.items()},
        category="text",
    )
    rent_share = rc.cell(t, factor="rent", measure="share_of_respondents")
    a.verify(
        _numbers(QUOTES["rent-50"])[0] == rent_share["value"],
        "table-08-text-rent-50",
        ["table-08"],
        "Section 4, paragraph before Table 8",
        "Text's share of firms for which rent is relevant = Table 8's share",
        _numbers(QUOTES["rent-50"])[0],
        _printed(rent_share),
        category="text",
    )

    parks = _parks_reported(a, "table-08")
    finance_parks = [
        float(rc.cell(t, park=p, factor="finance", measure="mean_importance")["value"])
        for p in parks
    ]
    unweighted = rc.mean_of(finance_parks)
    finance = rc.cell(t, park=None, factor="finance", measure="mean_importance")
    text_value = _numbers(QUOTES["finance-2.9"])[0]
    if text_value != finance["value"]:
        a.find(
            "text-table-08-finance-2-9",
            ["table-08"],
            "inconsistency",
            "text",
            printed={"text": text_value, "Table 8": _printed(finance)},
            recomputed={"unweighted mean of parks": round(unweighted, 2)},
            where="Section 4, paragraph before Table 8",
            message=f"The text gives the average importance of finance as {_fmt(text_value)} "
            f"while Table 8 prints {_printed(finance)}; the unweighted mean of "
            f"{', '.join(parks)} ({_fmt(unweighted, 2)}) "
            + (
                f"would print as {_fmt(text_value)}, possibly the source of the text's figure."
                if rc.agrees(_fmt(text_value), unweighted)
                else "does not explain it either."
            ),
            quote=_q("finance-2.9"),
        )

    counts = rc.rows(t, measure="n_firms").set_index("factor")["value"]
    shares = rc.rows(t, measure="share_of_respondents").set_index("factor")["printed"]
    importance_rank = list(ranked.index).index("finance") + 1
    by_count = counts.sort_values(ascending=False)
    count_rank = 1 + int((by_count > counts["finance"]).sum())
    tied = [k for k in counts.index if k != "finance" and counts[k] == counts["finance"]]
    a.find(
        "text-abstract-finance-motive",
        ["table-08"],
        "ambiguity",
        "text",
        printed="key motivations: lower rents and the possibility of accessing finance",
        recomputed={
            "finance rank by average importance": f"{importance_rank} of {len(ranked)}",
            "finance rank by firms citing it": f"{count_rank} of {len(counts)}",
            "finance share of respondents": shares["finance"],
        },
        where="Abstract, against Table 8 and Section 4, paragraph before Table 8",
        message=f"The abstract names access to finance as a key motive, while Table 8 ranks "
        f"finance {importance_rank} of {len(ranked)} motives by average importance "
        f"({_printed(finance)}) and Section 4 says firms do not expect a technopark to improve "
        f"their access to finance; finance is, however, cited by {_fmt(counts['finance'])} firms "
        f"({shares['finance']}), rank {count_rank} by frequency"
        + (f" (tied with {', '.join(tied)})" if tied else "")
        + ", so the abstract possibly refers to how often it is cited.",
        quote=_q("abstract-finance", "finance-2.9"),
    )


def _table_09(a: _Audit) -> None:
    t = a.t("table-09")
    implied = _share_denominator(a, "table-09", "barrier", 9)
    _average_vs_parks(a, "table-09", "barrier", 9)
    shares = rc.rows(t, measure="share_of_respondents").set_index("barrier")["value"]
    finance_share, technology_share = _numbers(QUOTES["barriers-87-79"])[:2]
    a.verify(
        (finance_share, technology_share) == (shares["finance"], shares["technology"])
        and _numbers(QUOTES["infrastructure-38"])[0] == shares["infrastructure"],
        "table-09-text-shares",
        ["table-09"],
        "Section 4, paragraph after Table 8",
        "Text's shares for finance, technology and infrastructure = Table 9's shares",
        [finance_share, technology_share, _numbers(QUOTES["infrastructure-38"])[0]],
        [float(shares["finance"]), float(shares["technology"]), float(shares["infrastructure"])],
        category="text",
    )
    means = rc.rows(t, park=None, measure="mean_importance").set_index("barrier")["value"]
    lowest = list(means.sort_values().index[:2])
    a.verify(
        set(lowest) == {"infrastructure", "foreign_market_access"},
        "table-09-text-least-important",
        ["table-09"],
        "Section 4, paragraph after Table 8",
        "Access to foreign markets and infrastructure have the two lowest average importances",
        "not seen as important",
        {k: float(v) for k, v in means.items()},
        category="text",
    )

    sample = float(rc.cell(t, measure="sample_size")["value"])
    counts = rc.rows(t, measure="n_firms").set_index("barrier")["value"]
    for barrier in [b for b in counts.index if counts[b] == sample]:
        printed = rc.cell(t, barrier=barrier, measure="share_of_respondents")
        if rc.agrees(_printed(printed), 100.0):
            continue
        a.find(
            f"table-09-{barrier.replace('_', '-')}-all-firms-share",
            ["table-09"],
            "inconsistency",
            "percentage",
            printed={"No of firms": counts[barrier], "sample": sample, "share": _printed(printed)},
            recomputed={
                f"{_fmt(counts[barrier])} of {_fmt(sample)} (%)": 100.0,
                **(
                    {
                        f"{_fmt(counts[barrier])} of {implied} (%)": round(
                            rc.share(counts[barrier], implied), 1
                        )
                    }
                    if implied
                    else {}
                ),
            },
            where=f"Table 9, {barrier.replace('_', ' ').capitalize()} column",
            message=f"{barrier.replace('_', ' ').capitalize()}'s 'No of firms' is "
            f"{_fmt(counts[barrier])}, the whole sample of the heading, which would be 100%, yet "
            f"its share is printed as {_printed(printed)}"
            + (
                f" ({_fmt(counts[barrier])}/{implied} = "
                f"{_fmt(rc.share(counts[barrier], implied), 1)}%)."
                if implied
                else "."
            ),
        )

    # The KGP row: two numbers under four headings.
    kgp = rc.rows(t, park="KGP", measure="mean_importance")
    values = kgp.dropna(subset=["value"])["value"].tolist()
    if len(values) < len(kgp):
        barriers = list(kgp["barrier"])
        parks = _parks_reported(a, "table-09")
        base = _importance_columns(t, "barrier", [p for p in parks if p != "KGP"])
        results = {}
        for slots in itertools.combinations(range(len(barriers)), len(values)):
            placed = [math.nan] * len(barriers)
            for slot, v in zip(slots, values, strict=True):
                placed[slot] = v
            columns = {b: ([*base[b][0], placed[i]], base[b][1]) for i, b in enumerate(barriers)}
            label = " + ".join(barriers[s].replace("_", " ") for s in slots)
            results[label] = len(rc.weights_reproducing(columns, int(sample)))
        chosen = " + ".join(kgp.dropna(subset=["value"])["barrier"].str.replace("_", " "))
        working = [k for k, v in results.items() if v]
        a.find(
            "table-09-kgp-row-reading",
            ["table-09"],
            "ambiguity",
            "structure",
            printed=" ".join(kgp.dropna(subset=["value"])["printed"]),
            recomputed={"splits of the sample reproducing every average, by reading": results},
            where="Table 9, KGP row",
            message=f"The KGP row prints only {len(values)} numbers "
            f"({', '.join(_fmt(v) for v in values)}) under {len(barriers)} headings; the data read "
            f"them as {chosen}, and of the {len(results)} possible placements "
            + (
                f"only {' and '.join(working)} lets a split of the {_fmt(sample)} firms reproduce "
                f"every average ({results[working[0]]} splits), which possibly supports it."
                if len(working) == 1
                else f"{len(working)} let a split of the {_fmt(sample)} firms reproduce every "
                "average."
            ),
        )


# --------------------------------------------------------------------------------------
# Table 10


def _table_10(a: _Audit) -> None:
    t10 = a.t("table-10")
    t9 = rc.rows(a.t("table-09"), park=None, measure="mean_importance").set_index("barrier")
    inside = rc.rows(t10, firms="in_tp").set_index("barrier")
    a.verify(
        inside["value"].to_dict() == t9["value"].to_dict(),
        "table-10-in-tp-equals-table-09",
        ["table-10", "table-09"],
        "Table 10, in TP row",
        "In-technopark row = Table 9's Average row",
        inside["printed"].to_dict(),
        t9["printed"].to_dict(),
        category="cross-table",
    )
    outside = rc.rows(t10, firms="out_tp", measure="mean_importance").set_index("barrier")
    n = rc.rows(t10, firms="out_tp", measure="n_firms").set_index("barrier")["value"]
    for barrier in outside.index:
        printed = outside.at[barrier, "printed"]
        _verify_granularity(
            a,
            f"table-10-{barrier.replace('_', '-')}-granularity",
            ["table-10"],
            f"Table 10, out TP row, {barrier.replace('_', ' ')}",
            printed,
            int(n[barrier]),
        )
    top = list(outside["value"].sort_values(ascending=False).index[:2])
    a.verify(
        set(top) == {"finance", "foreign_market_access"},
        "table-10-text-outside-barriers",
        ["table-10"],
        "Section 4, paragraph before Table 10",
        "Finance and access to foreign markets are the two most important barriers outside",
        "finance and access to foreign markets",
        {k: float(v) for k, v in outside["value"].items()},
        category="text",
    )
    surveyed = _numbers(QUOTES["outside-24"])[0]
    a.find(
        "table-10-outside-counts",
        ["table-10"],
        "note",
        "arithmetic",
        printed={k: float(v) for k, v in n.items()},
        recomputed={"largest": float(n.max()), "smallest": float(n.min())},
        where="Table 10, No firms out TP row",
        message=f"The outside averages rest on {', '.join(_fmt(v) for v in n)} firms "
        f"({', '.join(b.replace('_', ' ') for b in n.index)}) of the {_fmt(surveyed)} "
        f"firms surveyed outside technoparks; the {outside.at[n.idxmin(), 'printed']} for "
        f"{n.idxmin().replace('_', ' ')} is the answer of "
        + ("a single firm." if n.min() == 1 else f"{_fmt(n.min())} firms."),
        quote=_q("outside-24"),
    )


# --------------------------------------------------------------------------------------
# Table 11 and the directors' scores of Table 2


def _table_11(a: _Audit) -> None:
    t = a.t("table-11")
    means = {f: rc.cell(t, firms=f, measure="mean_value_added") for f in ("in_tp", "out_tp")}
    counts = {f: int(rc.cell(t, firms=f, measure="n_firms")["value"]) for f in means}
    for firms, row in means.items():
        _verify_granularity(
            a,
            f"table-11-{firms.replace('_', '-')}-granularity",
            ["table-11"],
            f"Table 11, {'In TP' if firms == 'in_tp' else 'Out TP'} column",
            _printed(row),
            counts[firms],
        )
    text_in, _, text_out = _numbers(QUOTES["value-added"])
    a.verify(
        (text_in, text_out) == (means["in_tp"]["value"], means["out_tp"]["value"]),
        "table-11-text-ratings",
        ["table-11"],
        "Section 4, paragraph before Table 11",
        "Text's average ratings inside and outside technoparks = Table 11",
        [text_in, text_out],
        [float(means["in_tp"]["value"]), float(means["out_tp"]["value"])],
        category="text",
    )

    scores = _by_park(rc.rows(a.t("table-02"), attribute="value_added_score"))
    a.find(
        "text-directors-wrong-table",
        ["table-11", "table-02", "table-01"],
        "error",
        "text",
        printed="see Table 1",
        recomputed="Table 2",
        where="Section 4, paragraph before Table 11",
        message="The text cites Table 1 for the technopark directors' perception of value added, "
        "but Table 1 is about R&D expenditure; the directors' scores are Table 2's 'Estimated "
        "value added of TP' row.",
        quote=_q("directors"),
    )
    low, high = _numbers(QUOTES["directors"])[:2]
    lo, hi = min(scores.values()), max(scores.values())
    if (lo, hi) != (low, high):
        at_or_above = [p for p, v in scores.items() if v >= means["in_tp"]["value"]]
        a.find(
            "text-directors-range",
            ["table-11", "table-02"],
            "inconsistency",
            "text",
            printed=[low, high],
            recomputed={"range": [lo, hi], "mean": round(rc.mean_of(scores.values()), 2)},
            where="Section 4, paragraph before Table 11, against Table 2",
            message="Table 2 gives the directors' scores as "
            + ", ".join(f"{_fmt(v)} ({p})" for p, v in scores.items())
            + f": a range of {_fmt(lo)} to {_fmt(hi)}, not {_fmt(low)} to {_fmt(high)}"
            + (
                f"; {' and '.join(at_or_above)}'s is not lower than the tenants' "
                f"{_printed(means['in_tp'])}."
                if at_or_above
                else "."
            ),
            quote=_q("directors"),
        )


# --------------------------------------------------------------------------------------
# Table 12


def _table_12(a: _Audit) -> None:
    t = a.t("table-12")
    tenants = _by_park(rc.rows(a.t("table-02"), attribute="tenants_2004"))
    in_park = _by_park(rc.rows(t, measure="n_firms_in_park"))
    a.verify(
        all(tenants[p] == v for p, v in in_park.items()),
        "table-12-firms-equal-table-02-tenants",
        ["table-12", "table-02"],
        "Table 12, row labels",
        "Firms per park in the row labels = Table 2's tenants as of 2004",
        in_park,
        {p: tenants[p] for p in in_park},
        category="cross-table",
    )
    use = rc.rows(t, measure="n_firms_using")

    def used(park):
        return rc.rows(use, park=park).set_index("service")["value"]

    kgp = used("KGP")
    kgp_n = in_park["KGP"]
    stated_kgp = _numbers(QUOTES["services-use"])[0]
    most = [s for s, v in kgp.items() if v >= kgp_n - 1]
    a.verify(
        kgp_n == stated_kgp and len(most) >= 3,
        "table-12-text-karaganda",
        ["table-12"],
        "Section 4, paragraph before Table 12",
        "'Almost all' of KGP's firms used the services: "
        + ", ".join(f"{s.replace('_', ' ')} {_fmt(v)}" for s, v in kgp.items())
        + f" of {_fmt(kgp_n)}",
        stated_kgp,
        {s: float(v) for s, v in kgp.items()},
        category="text",
    )
    abi = used("ABI")
    abi_n = in_park["ABI"]
    stated_share = _numbers(QUOTES["services-use"])[1]
    matching = [s for s, v in abi.items() if rc.agrees(_fmt(stated_share), rc.share(v, abi_n))]
    a.find(
        "text-table-12-almaty-naming",
        ["table-12", "table-02"],
        "ambiguity",
        "text",
        printed="only 20% of Almaty technopark firms",
        recomputed={
            f"ABI {s.replace('_', ' ')} (%)": round(rc.share(v, abi_n), 1) for s, v in abi.items()
        },
        where="Section 4, paragraph before Table 12",
        message=f"The {_fmt(stated_share)}% matches ABI, the Almaty Business Incubator ("
        + " and ".join(f"{s.replace('_', ' ')} {_fmt(abi[s])}/{_fmt(abi_n)}" for s in matching)
        + "), but 'Almaty Technopark' is the name of ATP, which Table 12 does not report; for "
        "ABI's other services the share is lower ("
        + ", ".join(
            f"{s.replace('_', ' ')} {_fmt(rc.share(v, abi_n), 1)}%"
            for s, v in abi.items()
            if s not in matching
        )
        + ").",
        quote=_q("services-use"),
    )


# --------------------------------------------------------------------------------------
# Table 13


def _table_13(a: _Audit) -> None:
    t = a.t("table-13")
    counts = rc.rows(t, measure="n_firms")
    partners = ["other_tp_firms", "higher_education", "external_firms"]
    sums = {}
    for firms in ["in_tp", "out_tp"]:
        for partner in partners:
            sub = rc.rows(counts, firms=firms, partner=partner)
            total = rc.cell(sub, link_type="total")
            parts = sub[sub["link_type"] != "total"]
            if pd.isna(total["value"]):
                continue
            blanks = parts[parts["value"].isna()]["link_type"].tolist()
            recomputed = parts["value"].sum()  # pandas skips blanks: a blank counts as zero
            sums[(firms, partner)] = float(recomputed)
            side = "inside" if firms == "in_tp" else "outside"
            a.verify(
                rc.compare(partner, total, recomputed).agrees,
                f"table-13-{firms.replace('_', '-')}-{partner.replace('_', '-')}-total",
                ["table-13"],
                f"Table 13, {PARTNERS[partner]}, Total, firms {side} TP",
                "Total = sum of the link types"
                + (
                    f" (the blank {', '.join(b.replace('_', ' ') for b in blanks)} cell counted "
                    "as zero)"
                    if blanks
                    else ""
                ),
                _printed(total),
                recomputed,
            )
    sample = {
        f: float(rc.cell(t, firms=f, measure="sample_size")["value"]) for f in ("in_tp", "out_tp")
    }
    singles = counts[(counts["link_type"] != "total")].dropna(subset=["value"])
    a.verify(
        all(v <= sample[f] for f, v in zip(singles["firms"], singles["value"], strict=True)),
        "table-13-link-counts-within-sample",
        ["table-13"],
        "Table 13, No of firms columns",
        "Each single link-type count is within the column's n",
        sample,
        f"largest single count {_fmt(singles['value'].max())}",
    )
    intensity = rc.rows(t, measure="mean_intensity").dropna(subset=["value"])
    for _, row in intensity.iterrows():
        if row["link_type"] == "total":
            continue
        n = rc.cell(counts, firms=row["firms"], partner=row["partner"], link_type=row["link_type"])
        _verify_granularity(
            a,
            f"table-13-{row['firms'].replace('_', '-')}-{row['partner'].replace('_', '-')}-"
            f"{row['link_type'].replace('_', '-')}-granularity",
            ["table-13"],
            f"Table 13, {PARTNERS[row['partner']]}, {row['link_type'].replace('_', ' ')}, "
            f"firms {'inside' if row['firms'] == 'in_tp' else 'outside'} TP",
            _printed(row),
            int(n["value"]),
        )

    printed_totals = {
        (f, p): float(rc.cell(counts, firms=f, partner=p, link_type="total")["value"])
        for (f, p) in sums
    }
    text_numbers = _numbers(QUOTES["links-46"])
    inside_totals = [
        printed_totals[("in_tp", p)]
        for p in ("external_firms", "other_tp_firms", "higher_education")
    ]
    a.verify(
        text_numbers == inside_totals,
        "table-13-text-totals",
        ["table-13"],
        "Section 4, paragraph before Table 13",
        "The text's three link counts = Table 13's Totals for firms inside technoparks",
        text_numbers,
        inside_totals,
        category="text",
    )
    over = {
        f"{PARTNERS[p]} ({'inside' if f == 'in_tp' else 'outside'})": v
        for (f, p), v in printed_totals.items()
        if v > sample[f]
    }
    if over:
        ext = rc.rows(counts, firms="in_tp", partner="external_firms")
        ext_parts = ext[ext["link_type"] != "total"]["value"].tolist()
        a.find(
            "table-13-link-counts-exceed-sample",
            ["table-13"],
            "inconsistency",
            "arithmetic",
            printed={"n": sample, "totals above n": over},
            recomputed={"external firms, inside: sum of link types": ext_parts},
            where="Table 13, Total rows, and Section 4, paragraph before Table 13",
            message=f"Each Total is the sum of the {len(ext_parts)} link types (e.g. "
            + " + ".join(_fmt(v) for v in ext_parts)
            + f" = {_fmt(sum(ext_parts))} for external firms), and the Totals for "
            + ", ".join(f"{k} {_fmt(v)}" for k, v in over.items())
            + f" exceed the n = {_fmt(sample['in_tp'])} firms of each column, so the Totals count "
            "link mentions, not firms; the text reads them as firms ('46 firms claimed ...').",
            quote=_q("links-46"),
        )
    surveyed = _numbers(QUOTES["outside-24"])[0]
    if sample["out_tp"] > surveyed:
        a.find(
            "table-13-outside-sample-vs-methodology",
            ["table-13"],
            "inconsistency",
            "cross-table",
            printed={"Table 13 outside n": sample["out_tp"], "methodology": surveyed},
            recomputed=None,
            where="Table 13, Firms outside TP heading, against Section 4, Methodology",
            message=f"Table 13 heads the outside column n={_fmt(sample['out_tp'])}, more than the "
            f"{_fmt(surveyed)} off-technopark firms the methodology says were surveyed.",
            quote=_q("outside-24"),
        )

    def intensities(firms, partner):
        rows = rc.rows(intensity, firms=firms, partner=partner)
        return {lt: float(v) for lt, v in zip(rows["link_type"], rows["value"], strict=True)}

    inside = {p: intensities("in_tp", p) for p in partners}
    strongest = max(partners, key=lambda p: max(inside[p].values()))
    a.verify(
        strongest == "external_firms",
        "table-13-text-greatest-intensity",
        ["table-13"],
        "Section 4, paragraph before Table 13",
        "The greatest intensity of technopark firms' links is with external firms",
        "firms outside the technopark",
        {p: max(v.values()) for p, v in inside.items()},
        category="text",
    )
    own = inside["other_tp_firms"]
    external = inside["external_firms"]
    a.verify(
        printed_totals[("in_tp", "external_firms")] > printed_totals[("in_tp", "other_tp_firms")]
        and all(external[k] > own[k] for k in own if k in external),
        "table-13-text-external-above-internal",
        ["table-13"],
        "Abstract and Section 4, summary after Table 13",
        "Technopark firms' links with firms outside are more frequent and, link type by link "
        "type, more intense than their links with other technopark firms",
        "external links more developed than internal links",
        {
            "links with external firms": [printed_totals[("in_tp", "external_firms")], external],
            "links with other technopark firms": [
                printed_totals[("in_tp", "other_tp_firms")],
                own,
            ],
        },
        category="text",
        quote=_q("abstract-links"),
    )
    out_ext = intensities("out_tp", "external_firms")
    a.verify(
        printed_totals[("out_tp", "external_firms")] > printed_totals[("in_tp", "other_tp_firms")]
        and min(out_ext.values()) > max(inside["other_tp_firms"].values()),
        "table-13-text-outside-links-stronger",
        ["table-13"],
        "Section 4, paragraph before Table 13",
        "Outside firms' links with other firms are more frequent and more intense than links "
        "among technopark firms",
        "stronger",
        {
            "outside firms with external firms": [
                printed_totals[("out_tp", "external_firms")],
                out_ext,
            ],
            "technopark firms with each other": [
                printed_totals[("in_tp", "other_tp_firms")],
                inside["other_tp_firms"],
            ],
        },
        category="text",
    )
    out_hei = intensities("out_tp", "higher_education")
    hei_stronger = min(out_hei.values()) > max(inside["higher_education"].values())
    a.verify(
        hei_stronger,
        "table-13-text-hei-intensity",
        ["table-13"],
        "Section 4, paragraph before Table 13",
        "Outside firms' links with higher education are more intense than technopark firms'",
        "surprisingly strong",
        {"outside": out_hei, "inside": inside["higher_education"]},
        category="text",
    )
    hei_in = printed_totals[("in_tp", "higher_education")]
    hei_out = printed_totals[("out_tp", "higher_education")]
    if hei_stronger and hei_out < hei_in:
        a.find(
            "text-hei-links-stronger",
            ["table-13"],
            "note",
            "text",
            printed="stronger links with higher education institutions",
            recomputed={
                "intensity outside": out_hei,
                "intensity inside": inside["higher_education"],
                "links outside": hei_out,
                "links inside": hei_in,
            },
            where="Section 4, summary after Table 13",
            message="True of intensity ("
            + " and ".join(_fmt(v, 1) for v in out_hei.values())
            + f" outside against at most {_fmt(max(inside['higher_education'].values()), 1)} "
            f"inside) but not of frequency: technopark firms report {_fmt(hei_in)} links with "
            f"higher education, firms outside {_fmt(hei_out)}.",
            quote=_q("hei-stronger"),
        )

    ext_in = rc.rows(counts, firms="in_tp", partner="external_firms").set_index("link_type")[
        "value"
    ]
    ext_out = rc.rows(counts, firms="out_tp", partner="external_firms").set_index("link_type")[
        "value"
    ]
    kinds = ["joint_production", "joint_development", "other"]
    rank_in = sorted(kinds, key=lambda k: -ext_in[k]).index("other") + 1
    if rank_in != 1:
        a.find(
            "text-table-13-purchase",
            ["table-13"],
            "ambiguity",
            "text",
            printed="most often materials purchase",
            recomputed={
                "inside": {k: float(ext_in[k]) for k in kinds},
                "outside": {k: float(ext_out[k]) for k in kinds},
            },
            where="Section 4, paragraph before Table 13",
            message="The sentence runs into the next without punctuation; read as saying purchase "
            "is the most frequent link, it disagrees with Table 13, where purchase ('Other "
            f"(purchase)') is the least frequent external link of technopark firms "
            f"({_fmt(ext_in['other'])} firms, against {_fmt(ext_in['joint_production'])} joint "
            f"production and {_fmt(ext_in['joint_development'])} joint development) and for "
            f"firms outside comes after joint production ({_fmt(ext_out['other'])} against "
            f"{_fmt(ext_out['joint_production'])}).",
            quote=_q("purchase"),
        )


# --------------------------------------------------------------------------------------
# Table 14


def _table_14(a: _Audit) -> None:
    t = a.t("table-14")
    counts = rc.rows(t, measure="n_developments")
    total = rc.cell(counts, stage="total")
    parts = counts[counts["stage"] != "total"]["value"].sum()
    a.verify(
        rc.compare("total", total, parts).agrees,
        "table-14-total",
        ["table-14"],
        "Table 14, Total row, Number",
        f"Total = sum of the {int((counts['stage'] != 'total').sum())} stages",
        _printed(total),
        parts,
    )
    for _, row in counts.iterrows():
        printed = rc.cell(t, stage=row["stage"], measure="share_of_developments")
        value = rc.share(row["value"], total["value"])
        a.verify(
            rc.compare(row["stage"], printed, value).agrees,
            f"table-14-{row['stage'].replace('_', '-')}-share",
            ["table-14"],
            f"Table 14, {row['stage_label']}, Share",
            f"Share = {_fmt(row['value'])} / {_fmt(total['value'])}",
            _printed(printed),
            round(value, 1),
            category="percentage",
        )
    share, count, whole = _numbers(QUOTES["catalogue-20"])
    ready = rc.cell(counts, stage="ready_for_introduction")
    a.verify(
        (count, whole) == (ready["value"], total["value"])
        and rc.agrees(f"{_fmt(share)}%", rc.share(count, whole)),
        "table-14-text-20-percent",
        ["table-14"],
        "Section 4 (Policy issues and conclusions), paragraph after Table 14",
        "Text's share and count of developments ready for introduction = Table 14",
        [share, count, whole],
        [round(rc.share(ready["value"], total["value"]), 1), ready["value"], total["value"]],
        category="text",
    )
    a.find(
        "text-kembaev-table-14",
        ["table-14", "literature"],
        "note",
        "structure",
        printed="Kembaev et al. 2001, Table 14, p. 30",
        recomputed=None,
        where="Section 4 (Policy issues and conclusions), paragraph after Figure 7's mention",
        message="'Table 14' here is a table in Kembaev et al. (2001), not the paper's own Table 14 "
        "(the catalogue of innovations) printed a few paragraphs later; the two are easily "
        "confused.",
        quote=_q("kembaev"),
    )


# --------------------------------------------------------------------------------------
# Figure 4


def _figure_04(a: _Audit) -> None:
    t = a.t("figure-04")
    markets = list(dict.fromkeys(t["market"]))
    for market in markets:
        for firms in ["out_tp", "in_tp"]:
            bar = rc.rows(t, market=market, firms=firms)
            a.verify(
                rc.is_close(bar["value"].sum(), 100.0),
                f"figure-04-{market}-{firms.replace('_', '-')}-bar-sums-to-100",
                ["figure-04"],
                f"Figure 4, {market} - {'Out' if firms == 'out_tp' else 'In'} bar",
                "Yes + Not = 100%",
                100.0,
                round(float(bar["value"].sum()), 1),
                category="percentage",
            )

    def yes(market, firms):
        return rc.cell(t, market=market, firms=firms, innovator="yes")

    def smallest_common(labels: list[str]) -> int | None:
        common = set.intersection(*(set(rc.denominators(p, largest=100)) for p in labels))
        return min(common) if common else None

    first = [_printed(yes(m, "out_tp")) for m in markets[:2]]
    second = [_printed(yes(m, "in_tp")) for m in markets[:2]]
    intl = _printed(yes(markets[-1], "in_tp"))
    n_first, n_second = smallest_common(first), smallest_common(second)
    n_intl = smallest_common([intl])
    gaps = [
        abs(float(yes(m, "out_tp")["value"]) - float(yes(m, "in_tp")["value"])) for m in markets[:2]
    ]
    a.verify(
        max(gaps) < 2.0,
        "figure-04-text-very-similar",
        ["figure-04"],
        "Section 4, paragraph before Figure 4",
        "Inside and outside shares of local and national innovators differ by under two points "
        "(on either reading of the bars)",
        "very similar",
        [round(g, 1) for g in gaps],
        category="text",
    )
    a.verify(
        _numbers(QUOTES["international"])[0] == yes(markets[-1], "in_tp")["value"],
        "figure-04-text-international",
        ["figure-04"],
        "Section 4, paragraph before Figure 4",
        "Text's share of international innovators = the Internat - In bar (on either reading)",
        _numbers(QUOTES["international"])[0],
        _printed(yes(markets[-1], "in_tp")),
        category="text",
    )
    t5_out = float(
        rc.cell(a.t("table-05"), firms="out_tp", park=None, activity="total", measure="n_firms")[
            "value"
        ]
    )
    text_local, text_national = _numbers(QUOTES["figure-4"])[1:3]
    if [text_local, text_national] == [float(yes(m, "out_tp")["value"]) for m in markets[:2]]:
        a.find(
            "figure-04-bar-order-vs-text",
            ["figure-04", "table-05"],
            "ambiguity",
            "text",
            printed={
                "text (technopark firms)": [f"{_fmt(text_local)}%", f"{_fmt(text_national)}%"],
                "axis order": "Local - Out, Local - In, Nat - Out, Nat - In, Internat - Out, "
                "Internat - In",
            },
            recomputed={
                "smallest sample for " + " and ".join(first): n_first,
                "smallest sample for " + " and ".join(second): n_second,
                f"smallest sample for {intl}": n_intl,
                "Table 5 firms outside technoparks": t5_out,
            },
            where="Figure 4 and Section 4, paragraph before Figure 4",
            message=f"The text gives {' and '.join(first)} as technopark firms' shares, but by "
            "the axis order (each pair reads '- Out' then '- In') they label the bars of firms "
            f"outside technoparks; the smallest sample reproducing {' and '.join(first)} is "
            f"{n_first} firms"
            + (", the number of firms outside technoparks in Table 5" if n_first == t5_out else "")
            + f", while {' and '.join(second)} need {n_second} (and {intl} {n_intl}), which "
            "possibly supports the reading by position; on either reading the two groups differ "
            f"by under {_fmt(math.ceil(max(gaps)))} points.",
            quote=_q("figure-4"),
        )


# --------------------------------------------------------------------------------------
# Text and structure across the paper


def _text_rent_outside(a: _Audit) -> None:
    count, whole, printed = _numbers(QUOTES["rent-7-24"])[:3]
    value = rc.share(count, whole)
    if rc.agrees(f"{_fmt(printed)}%", value):
        return
    sizes = rc.denominators(f"{_fmt(printed)}%", count=count)
    neighbours = [k for k in range(int(whole) + 1) if abs(rc.share(k, whole) - printed) < 5]
    a.find(
        "text-rent-7-of-24",
        ["table-08"],
        "error",
        "percentage",
        printed={"firms": count, "of": whole, "share": f"{_fmt(printed)}%"},
        recomputed={
            f"{_fmt(count)}/{_fmt(whole)} (%)": round(value, 1),
            f"samples in which {_fmt(count)} firms are {_fmt(printed)}%": sizes,
        },
        where="Section 4, paragraph before Table 8",
        message=f"{_fmt(count)} of {_fmt(whole)} firms is {_fmt(value, 1)}%, not "
        f"{_fmt(printed)}%; no whole number of firms out of {_fmt(whole)} gives {_fmt(printed)}% ("
        + ", ".join(f"{k}/{_fmt(whole)} = {_fmt(rc.share(k, whole), 1)}%" for k in neighbours)
        + f"), and {_fmt(count)} firms are {_fmt(printed)}% of "
        + ("no whole-number sample." if not sizes else f"{_span(sizes)} firms.")
        + " The figure is not in any table.",
        quote=_q("rent-7-24"),
    )


def _structure(a: _Audit) -> None:
    sections = {spec["name"]: spec.get("section", "") for spec in package(a.data_dir)["resources"]}
    a.find(
        "structure-section-numbering",
        ["table-02", "table-14", "table-01"],
        "error",
        "structure",
        printed={
            "introduction": "Section 3 (conceptual); Section 3 (survey); Section 4 (policy)",
            "headings": "1, 2, 3, 4 (survey), 4 (policy and conclusions)",
        },
        recomputed={
            "Table 1": sections.get("table-01"),
            "Table 2": sections.get("table-02"),
            "Table 14": sections.get("table-14"),
        },
        where="Section 1 (Introduction), last paragraph, and the section headings",
        message="The introduction numbers both the conceptual and the survey section 'Section 3' "
        "and the policy section 'Section 4', while the headings number the survey section 4 and "
        "the policy section 4 as well: the last two sections should be 4 and 5.",
        quote=_q("intro-sections", "heading-4a", "heading-4b"),
        scope=SEVERAL,
    )
    a.find(
        "structure-legend-see-table-1",
        ["table-04", "table-05", "table-01", "table-02"],
        "error",
        "structure",
        printed="Legend: see Table 1",
        recomputed="Table 2",
        where="Tables 4 and 5, line under the table",
        message="Tables 4 and 5 print 'Legend: see Table 1', but Table 1 (R&D by sector) has no "
        "legend or park codes; the codes ABI, ATP, KGP and PPV are defined in Table 2.",
        quote=_q("legend-1"),
    )
    a.find(
        "structure-legend-see-table-3",
        ["table-07", "table-12", "table-03", "table-02"],
        "error",
        "structure",
        printed="Legend: see table 3",
        recomputed="Table 2",
        where="Tables 7 and 12, line under the table",
        message="Tables 7 and 12 print 'Legend: see table 3', but Table 3 (entrepreneurs' age "
        "and experience) has no park codes; they are defined in Table 2.",
        quote=_q("legend-3"),
    )
    missing = sorted(set(range(1, max(PRINTED_FIGURE_NUMBERS) + 1)) - set(PRINTED_FIGURE_NUMBERS))
    a.find(
        "structure-figures-5-6-missing",
        ["figure-04"],
        "error",
        "structure",
        printed=PRINTED_FIGURE_NUMBERS,
        recomputed={"missing": missing},
        where="Figure captions (Figure 4, then Figure 7)",
        message="The figures are numbered "
        + ", ".join(str(n) for n in PRINTED_FIGURE_NUMBERS)
        + f": no Figure {' or '.join(str(n) for n in missing)} is shown or cited, so the last "
        "figure should be Figure 5.",
        quote=_q("figure-7"),
    )
    lit = a.t("literature")
    transition = {"Poland", "Russia", "Ukraine"}
    cited = lit[
        lit["place"].fillna("").map(lambda p: any(p.startswith(c) for c in transition))
        & (lit["kind_of_work"] == "evaluation")
    ]
    if not cited.empty:
        a.find(
            "text-no-evaluation-transition",
            ["literature"],
            "note",
            "text",
            printed="No evaluation of technoparks in transition economies has yet been developed.",
            recomputed={k: p for k, p in zip(cited["key"], cited["place"], strict=True)},
            where="Section 2, paragraph on transition economies",
            message="The paragraph that says no evaluation exists goes on to cite "
            + ", ".join(
                f"{c} on {p}" for c, p in zip(cited["cited_as"], cited["place"], strict=True)
            )
            + ", which it presents as assessments; possibly 'evaluation' means a systematic one.",
            quote=_q("no-evaluation"),
        )


def _headings(table_8: float, table_9: float) -> dict[str, float]:
    """The 'No of firms' headings of Tables 8 and 9, under one label when they agree."""
    if table_8 == table_9:
        return {"Tables 8 and 9 heading": table_8}
    return {"Table 8 heading": table_8, "Table 9 heading": table_9}


def _sample_sizes(a: _Audit) -> None:
    """Every sample size the paper prints or implies, inside and outside technoparks."""

    def value(name, **where):
        return float(rc.cell(a.t(name), **where)["value"])

    t4 = a.t("table-04")
    implied_in = _implied_firms(t4)
    out_total = value("table-04", firms="out_tp", variable="employment", measure="total")
    out_mean = rc.cell(t4, firms="out_tp", variable="employment", measure="average")
    implied_out = rc.counts_reproducing_mean(out_total, _printed(out_mean))
    denominators = {}
    for name, column in [("table-08", "factor"), ("table-09", "barrier")]:
        t = a.t(name)
        counts = rc.rows(t, measure="n_firms")
        shares = rc.rows(t, measure="share_of_respondents")
        common = set.intersection(
            *(
                set(rc.denominators(_printed(rc.cell(shares, **{column: k})), count=c))
                for k, c in zip(counts[column], counts["value"], strict=True)
            )
        )
        denominators[name] = min(common) if common else None
    t5 = a.t("table-05")
    replies = _numbers(QUOTES["table-7-source"])[0]
    surveyed = _numbers(QUOTES["outside-24"])[0]
    inside = {
        **_headings(
            value("table-08", measure="sample_size"), value("table-09", measure="sample_size")
        ),
        "Table 7 replies": replies,
        "Table 11": value("table-11", firms="in_tp", measure="n_firms"),
        "Table 13": value("table-13", firms="in_tp", measure="sample_size"),
        "Table 6": value("table-06", is_summary=True),
        "Table 5": value("table-05", firms="in_tp", park=None, activity="total", measure="n_firms"),
    }
    outside = {
        "methodology": surveyed,
        "Table 5": value(
            "table-05", firms="out_tp", park=None, activity="total", measure="n_firms"
        ),
        "Table 11": value("table-11", firms="out_tp", measure="n_firms"),
        "Table 13": value("table-13", firms="out_tp", measure="sample_size"),
    }
    implied = {
        "Table 8 shares": denominators["table-08"],
        "Table 9 shares": denominators["table-09"],
        "Table 4 employment, inside": [
            sum(v[0] for v in implied_in.values()),
            sum(v[-1] for v in implied_in.values()),
        ],
        "Table 4 employment, outside": implied_out,
    }
    larger = {k: v for k, v in outside.items() if k != "methodology" and v > surveyed}
    firm_level = ["table-04", "table-05", "table-07", "table-08", "table-09", "table-12"]
    reported = {p for name in firm_level for p in _parks_reported(a, name)}
    absent = [p for p in park_codes() if p not in reported]
    del t5
    a.find(
        "sample-sizes-across-tables",
        [
            "table-05",
            "table-04",
            "table-06",
            "table-07",
            "table-08",
            "table-09",
            "table-11",
            "table-13",
            "figure-04",
        ],
        "inconsistency" if larger else "note",
        "cross-table",
        printed={"inside technoparks": inside, "outside technoparks": outside},
        recomputed=implied,
        where="Section 4, Methodology, and Tables 4-13",
        message="The paper gives no single sample size: for firms outside technoparks the "
        f"methodology says {_fmt(surveyed)} were surveyed, yet "
        + ", ".join(f"{k} counts {_fmt(v)}" for k, v in outside.items() if k != "methodology")
        + f" (and Table 4's employment over its average implies {_span(implied_out)}); for "
        "technopark firms the samples are "
        + ", ".join(f"{_fmt(v)} ({k})" for k, v in sorted(inside.items(), key=lambda kv: kv[1]))
        + f", with shares implying {denominators['table-08']} (Table 8) and "
        f"{denominators['table-09']} (Table 9)."
        + (
            f" No firm-level table reports {' or '.join(absent)}, one of the "
            f"{len(park_codes())} surveyed parks."
            if absent
            else ""
        ),
        quote=_q("outside-24", "table-7-source"),
        scope=SEVERAL,
    )


_FINDERS = [
    _table_01,
    _table_02,
    _table_03,
    _table_04,
    _table_05,
    _table_06,
    _table_07,
    _table_08,
    _table_09,
    _table_10,
    _table_11,
    _table_12,
    _table_13,
    _table_14,
    _figure_04,
    _text_rent_outside,
    _structure,
    _sample_sizes,
]


# --------------------------------------------------------------------------------------
# Public interface


@cache
def _run(data_dir: str | None) -> tuple[tuple[Finding, ...], tuple[Check, ...]]:
    audit = _Audit(data_dir)
    for finder in _FINDERS:
        finder(audit)
    order = {name: i for i, name in enumerate(group_order())}
    severity = {name: i for i, name in enumerate(SEVERITIES)}
    findings = sorted(
        audit.findings, key=lambda f: (order.get(f.group, len(order)), severity[f.severity])
    )
    return tuple(findings), tuple(audit.checks)


def run(data_dir: Path | str | None = None) -> tuple[list[Finding], list[Check]]:
    """Run every check; return the findings and the confirmed checks."""
    findings, checks = _run(None if data_dir is None else str(data_dir))
    return list(findings), list(checks)


def findings(data_dir: Path | str | None = None) -> list[Finding]:
    """Everything the published numbers do not reproduce, by table then severity."""
    return run(data_dir)[0]


def confirmed(data_dir: Path | str | None = None) -> list[Check]:
    """Every check that reproduces (a printed total, share, mean or claim)."""
    return run(data_dir)[1]


def finding(finding_id: str, data_dir: Path | str | None = None) -> Finding:
    """The finding with this id (``KeyError`` if the audit has no such finding)."""
    for item in findings(data_dir):
        if item.id == finding_id:
            return item
    raise KeyError(f"no finding {finding_id!r}")


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


def group_options() -> list[tuple[str, str]]:
    """``(label, value)`` pairs for a table selector, 'All' first; only groups with findings."""
    present = {f.group for f in findings()} | {r for f in findings() for r in f.resources}
    return [("All tables", ALL)] + [(group_label(g), g) for g in group_order() if g in present]


def findings_frame(data_dir: Path | str | None = None) -> pd.DataFrame:
    """One row per finding: the JSON fields plus ``group``."""
    records = []
    for item in findings(data_dir):
        record = item.to_dict()
        record["group"] = item.group
        records.append(record)
    return pd.DataFrame.from_records(records, columns=[*FIELDS, "group"])


def confirmed_frame(data_dir: Path | str | None = None) -> pd.DataFrame:
    """Reader's table of the checks that reproduce."""
    records = [
        {
            "Table": group_label(c.resources[0]).replace(" ", "\u00a0"),
            "Where": c.where,
            "Check": c.description,
            "Printed": _text(c.printed),
            "Recomputed": _text(c.recomputed),
        }
        for c in confirmed(data_dir)
    ]
    return pd.DataFrame.from_records(
        records, columns=["Table", "Where", "Check", "Printed", "Recomputed"]
    )


def filter_findings(severities: Iterable[str] = (), table: str = ALL) -> pd.DataFrame:
    """Reader's table of the findings of the chosen severities about the chosen table.

    Parameters
    ----------
    severities : iterable of str
        Any of :data:`SEVERITIES`; empty selects all.
    table : str
        A resource name ('table-08', 'figure-04', 'literature'), ``'several'`` or ``'ALL'``.

    Raises
    ------
    ValueError
        If a severity or the table is not one the audit knows.
    """
    if isinstance(severities, str):
        severities = [severities]
    chosen = list(severities)
    unknown = [s for s in chosen if not isinstance(s, str) or s not in SEVERITIES]
    if unknown:
        raise ValueError(f"unknown severity {unknown[0]!r}; known: {', '.join(SEVERITIES)}")
    if not isinstance(table, str) or table not in {ALL, *group_order()}:
        raise ValueError(f"unknown table {table!r}")
    selected = [
        f
        for f in findings()
        if (not chosen or f.severity in chosen)
        and (table == ALL or f.group == table or table in f.resources)
    ]
    return pd.DataFrame.from_records(
        [
            {
                "Table": group_label(f.group).replace(" ", "\u00a0"),
                "Severity": f.severity,
                "Category": f.category,
                "Where": f.where,
                "Finding": f.message,
                "Printed": _text(f.printed),
                "Recomputed": _text(f.recomputed),
            }
            for f in selected
        ],
        columns=["Table", "Severity", "Category", "Where", "Finding", "Printed", "Recomputed"],
    )


def filtered_view(severities: object = (), table: object = ALL) -> str:
    """What the notebook's filter shows: the filtered findings, or why the choice is invalid.

    Values come from widgets, i.e. possibly from any client: anything but a list of known
    severities and a known table is answered with a message, never an error.
    """
    from .tables import table_html

    if isinstance(severities, str) or not isinstance(severities, Iterable):
        return '<p class="tp-note">Choose severities from the list.</p>'
    try:
        chosen = list(severities)
        if not chosen:
            return '<p class="tp-note">Choose at least one severity.</p>'
        frame = filter_findings(chosen, table)
    except (ValueError, TypeError):
        return '<p class="tp-note">That choice is not available.</p>'
    if frame.empty:
        return '<p class="tp-note">No finding matches this choice.</p>'
    count = f"{len(frame)} finding" + ("" if len(frame) == 1 else "s")
    return _no_math(table_html(frame.drop(columns=["Printed", "Recomputed"]), caption=count))


def severity_scale() -> pd.DataFrame:
    """The severity scale and the categories, for readers."""
    return pd.DataFrame({"Severity": list(SEVERITIES), "Meaning": list(SEVERITIES.values())})


def category_scale() -> pd.DataFrame:
    return pd.DataFrame({"Category": list(CATEGORIES), "Meaning": list(CATEGORIES.values())})


def summary_data(data_dir: Path | str | None = None) -> pd.DataFrame:
    """Number of findings by category (rows) and severity (columns), all combinations."""
    frame = findings_frame(data_dir)
    table = pd.crosstab(frame["category"], frame["severity"])
    return table.reindex(index=list(CATEGORIES), columns=list(SEVERITIES), fill_value=0)


def summary_chart(data: pd.DataFrame) -> Figure:
    """Horizontal stacked bars: findings per category, coloured by severity."""
    fig, ax = new_figure(9.0, 3.8)
    left = pd.Series(0, index=data.index)
    for severity in data.columns:
        ax.barh(
            data.index,
            data[severity],
            left=left,
            label=severity,
            color=SEVERITY_COLORS.get(severity, OKABE_ITO[0]),
        )
        left = left + data[severity]
    ax.invert_yaxis()
    ax.set_xlabel("Number of findings")
    ax.set_ylabel("Category")
    ax.set_title("Findings by category and severity")
    ax.legend(title="Severity", loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
    ax.xaxis.get_major_locator().set_params(integer=True)
    return fig


def summary_caption(data: pd.DataFrame) -> str:
    """The chart in words (its text alternative)."""
    by_severity = data.sum(axis=0)
    by_category = data.sum(axis=1)
    return (
        f"{int(by_severity.sum())} findings: "
        + ", ".join(f"{int(n)} {s if n == 1 else PLURALS[s]}" for s, n in by_severity.items())
        + ". By category: "
        + ", ".join(f"{int(n)} {c}" for c, n in by_category.items())
        + "."
    )


def counts_sentence(data_dir: Path | str | None = None) -> str:
    """One sentence: how many checks reproduce and how many findings, by severity."""
    items = findings(data_dir)
    by = {s: sum(f.severity == s for f in items) for s in SEVERITIES}
    return (
        f"{len(confirmed(data_dir))} checks reproduce; {len(items)} findings: "
        + ", ".join(f"{n} {s if n == 1 else PLURALS[s]}" for s, n in by.items())
        + "."
    )


def findings_html(group: str, data_dir: Path | str | None = None) -> str:
    """The findings of one group as reader-facing HTML: severity, where, message, evidence."""
    if group not in group_order():
        raise ValueError(f"unknown group {group!r}")
    items = [f for f in findings(data_dir) if f.group == group]
    if not items:
        return '<p class="tp-source">No finding here: every check reproduces.</p>'
    blocks = []
    for f in items:
        quote = "".join(
            f'<blockquote style="margin:0.3em 0 0.3em 1em;color:#333">&ldquo;{html.escape(q)}'
            "&rdquo;</blockquote>"
            for q in f.quote
        )
        color = SEVERITY_COLORS[f.severity]
        blocks.append(
            f'<div class="tp-finding" style="border-left:4px solid {color};'
            'padding:0.3em 0.8em;margin:0.6em 0;text-align:left">'
            f'<p style="margin:0"><strong style="color:{color}">{html.escape(f.severity)}</strong>'
            f" &middot; {html.escape(f.category)} &middot; {html.escape(f.where)}"
            f' <code style="color:#666">{html.escape(f.id)}</code></p>'
            f'<p style="margin:0.3em 0">{html.escape(f.message)}</p>'
            f'<p class="tp-source" style="margin:0.2em 0">Printed: {html.escape(_text(f.printed))}'
            "<br>Recomputed: "
            + html.escape(
                "nothing (printed numbers compared)"
                if f.recomputed is None
                else _text(f.recomputed)
            )
            + "</p>"
            f"{quote}</div>"
        )
    return _no_math("\n".join(blocks))


def _no_math(markup: str) -> str:
    """Wrap HTML so the notebook's MathJax leaves dollar amounts ('$88K ... $66K') alone."""
    return f'<div class="tex2jax_ignore mathjax_ignore">{markup}</div>'


def show_group(group: str) -> None:
    """Display the findings of one group (for the notebook)."""
    from IPython.display import HTML, display

    display(HTML(findings_html(group)))


def filter_panel(initial: Sequence[str] = ("error",)):
    """The reader's filter: severities and a table, showing :func:`filtered_view`.

    Every combination is prepared here; the reader's browser switches between them.
    """
    from .display.switchboard import Chooser, Control, Shown, SwitchedView, plain_query

    controls = [
        Control(
            "severity",
            "Severity",
            tuple((s, s) for s in SEVERITIES),
            default=tuple(s for s in SEVERITIES if s in initial),
            multiple=True,
        ),
        Control("table", "Table", tuple(group_options()), default=ALL),
    ]
    chooser = Chooser("findings", controls, plain_query)
    views = chooser.views(lambda severity, table: filtered_view(severity, table))
    return Shown((chooser, SwitchedView("findings", views, chooser.selection)))


def summary_resources() -> list[str]:
    """The resources the findings concern, in reading order (for the chart's source line)."""
    named = {r for f in findings() for r in f.resources}
    return [g for g in group_order() if g in named]


def show_summary() -> None:
    """Display the chart of findings by category and severity, with its source and caption."""
    data = summary_data()
    show_chart(summary_chart(data), summary_caption(data), *summary_resources())


def confirmed_html() -> str:
    """The confirmed checks as a table folded under a summary line."""
    from .tables import html_table

    frame = confirmed_frame()
    table = html_table(frame.drop(columns=["Where"])).data
    return _no_math(
        f"<details><summary>Show the {len(frame)} checks that reproduce</summary>{table}</details>"
    )


def report() -> str:
    """The readable report: findings grouped by table, then the confirmed checks."""
    lines = ["Reproducibility audit", "=====================", counts_sentence(), ""]
    items = findings()
    for group in group_order():
        mine = [f for f in items if f.group == group]
        if not mine:
            continue
        lines += [group_label(group), "-" * len(group_label(group))]
        for f in mine:
            lines.append(f"[{f.severity}] {f.id} ({f.category}) - {f.where}")
            lines.append(f"  {f.message}")
            lines.append(f"  printed: {_text(f.printed)}")
            lines.append(f"  recomputed: {_text(f.recomputed)}")
            for q in f.quote:
                lines.append(f'  quote: "{q}"')
        lines.append("")
    checks = confirmed()
    lines += [f"Confirmed checks ({len(checks)})", "-" * 20]
    lines += [f"  ok  {c.id}: {c.description}" for c in checks]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the findings as JSON")
    args = parser.parse_args(argv)
    if args.json:
        print(json.dumps([f.to_dict() for f in findings()], indent=2, ensure_ascii=False))
    else:
        print(report())
    return 0


if __name__ == "__main__":
    sys.exit(main())
