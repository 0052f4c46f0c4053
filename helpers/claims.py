"""The claims ledger: each main claim of the paper beside what its tables show.

``data/claims.csv`` (resource ``claims``) lists the claims of the abstract, of the summary
that ends the survey section and of the conclusions, with the reasoning on each.  It holds no
evidence numbers: for each testable claim an *evidence function* computes the comparisons
from the data package and writes them as a sentence (:mod:`helpers.claims_survey` for the
survey's claims, :mod:`helpers.claims_evidence` for the others).  :data:`EVIDENCE` maps
claim ids to those functions; :func:`ledger_view` puts claims, evidence and verdicts side by
side.  The ledger's functions take the loaded resource (``load("claims")``).

Verdicts are derived, not typed in: :func:`verdict` applies the written rule of
:func:`helpers.claims_evidence.verdict_from_evidence` to the claim's comparisons.

- **supported**: at least one comparison, and every comparison agrees with the claim;
- **partly supported**: some comparisons agree, others disagree or cannot be tested (a
  comparison that rests on an assumption counts as untestable);
- **not supported**: no comparison agrees, at least one disagrees;
- **not testable from the published numbers**: no comparison can be decided (claims without
  an evidence function: policy recommendations, judgements, claims resting on interviews).

The ``verdict`` column of ``data/claims.csv`` is kept as the stored expectation; the tests
check that it equals the derived verdict for every claim.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
from matplotlib.figure import Figure

from .claims_evidence import (
    AGREES,
    DISAGREES,
    NOT_SUPPORTED,
    NOT_TESTABLE,
    PARTLY,
    SUPPORTED,
    UNTESTABLE,
    Comparison,
    Evidence,
    compare,
    evidence_catalogue_ready,
    evidence_no_demand_for_rd,
    evidence_public_rd_driven,
    verdict_from_evidence,
)
from .claims_survey import (
    LINK_TYPES,
    TECHNOLOGY_BASED,
    UNNAMED,
    activity_groups,
    evidence_business_incubators_summary,
    evidence_cash_flow_rent,
    evidence_commercialisation_ready,
    evidence_external_links,
    evidence_higher_education_links,
    evidence_local_market,
    evidence_no_more_innovative,
    evidence_production_services_balance,
    evidence_relocation_motives,
    evidence_services_differ,
    evidence_traditional_sectors,
    evidence_younger,
    innovator_shares,
    motive_ranks,
    service_use_rates,
)
from .data.datapackage import paper_number, resource
from .display.theme import NEUTRAL_COLOR, OKABE_ITO, PAPER, new_figure

CLAIMS = "claims"
VERDICTS = [SUPPORTED, PARTLY, NOT_TESTABLE]
VERDICT_COLORS = {
    SUPPORTED: OKABE_ITO[2],
    PARTLY: OKABE_ITO[1],
    NOT_SUPPORTED: OKABE_ITO[5],
    NOT_TESTABLE: NEUTRAL_COLOR,
}

EVIDENCE: dict[str, Callable[[], Evidence]] = {
    "commercialisation-ready": evidence_commercialisation_ready,
    "no-more-innovative": evidence_no_more_innovative,
    "local-market": evidence_local_market,
    "traditional-sectors": evidence_traditional_sectors,
    "external-links": evidence_external_links,
    "relocation-motives": evidence_relocation_motives,
    "no-demand-for-rd": evidence_no_demand_for_rd,
    "production-services-balance": evidence_production_services_balance,
    "younger": evidence_younger,
    "higher-education-links": evidence_higher_education_links,
    "cash-flow-rent": evidence_cash_flow_rent,
    "services-differ": evidence_services_differ,
    "business-incubators-summary": evidence_business_incubators_summary,
    "public-rd-driven": evidence_public_rd_driven,
    "catalogue-ready": evidence_catalogue_ready,
}


# --- The ledger ------------------------------------------------------------------------------


def comparisons(claim_id: str) -> tuple[Comparison, ...]:
    """The comparisons computed for a claim; none for a claim without an evidence function."""
    return EVIDENCE[claim_id]().comparisons if claim_id in EVIDENCE else ()


def verdict(claim_id: str) -> str:
    """The claim's verdict, derived by :func:`verdict_from_evidence` from its comparisons."""
    return verdict_from_evidence(comparisons(claim_id))


def derived_verdicts(ledger: pd.DataFrame) -> pd.Series:
    """The derived verdict of every claim of ``ledger``, aligned with its rows."""
    return pd.Series([verdict(c) for c in ledger["claim_id"]], index=ledger.index, name="verdict")


_OUTCOME_WORDS = {AGREES: "agrees", DISAGREES: "disagrees", UNTESTABLE: "cannot be tested"}


def comparisons_text(items: tuple[Comparison, ...]) -> str:
    """The comparisons and their outcomes as one sentence for readers."""
    parts = []
    for c in items:
        part = f"{c.what} ({_OUTCOME_WORDS[c.outcome]}"
        if c.rests_on:
            part += f"; rests on an {c.rests_on}, so counted as untestable"
        parts.append(part + ")")
    return "Compared: " + "; ".join(parts) + "."


def resource_list(resources: object) -> list[str]:
    """Resource names in a ``resources`` cell ('figure-04; table-05' -> two names)."""
    if pd.isna(resources) or not str(resources).strip():
        return []
    return [name.strip() for name in str(resources).replace(";", " ").split()]


def resource_label(name: str) -> str:
    """'table-08' -> 'Table 8', 'figure-04' -> 'Figure 4'; other resources by title."""
    return paper_number(name) or resource(name)["title"]


def ledger_view(ledger: pd.DataFrame, testable: bool | None = None) -> pd.DataFrame:
    """The ledger for readers: claim, where, evidence, tables and verdict.

    Parameters
    ----------
    ledger : pandas.DataFrame
        The resource ``claims`` as loaded.
    testable : bool, optional
        True for the claims the numbers can test, False for the others, None for all.

    Returns
    -------
    pandas.DataFrame
        Columns Claim (quoted), Where, Evidence, Tables, Verdict.  Evidence is the generated
        sentence followed by the reasoning ('Reading: ...') for testable claims, and the
        reasoning alone for the others.  Asked for the untestable claims only, the
        Evidence column is headed "Why it cannot be tested" and Verdict, the same on every
        row, is left out.
    """
    claims = ledger
    verdicts = derived_verdicts(ledger)
    if testable is not None:
        keep = (verdicts != NOT_TESTABLE) == testable
        claims, verdicts = claims[keep], verdicts[keep]
    evidence = []
    for row in claims.itertuples(index=False):
        if row.claim_id in EVIDENCE:
            found = EVIDENCE[row.claim_id]()
            evidence.append(
                f"{found.sentence} {comparisons_text(found.comparisons)} Reading: {row.reasoning}"
            )
        else:
            evidence.append(row.reasoning)
    tables = [
        "; ".join(resource_label(n) for n in resource_list(r)) or "none"
        for r in claims["resources"]
    ]
    view = pd.DataFrame(
        {
            "Claim": [f"\u201c{c}\u201d" for c in claims["claim"]],
            "Where": claims["where"].tolist(),
            "Evidence": evidence,
            "Tables": tables,
            "Verdict": [v[0].upper() + v[1:] for v in verdicts],
        }
    )
    if testable is False:
        # One verdict for every row: the heading says it, the column would only repeat it.
        view = view.drop(columns="Verdict").rename(columns={"Evidence": "Why it cannot be tested"})
    return view


def notes_view(ledger: pd.DataFrame) -> pd.DataFrame:
    """Claims with a note (other wordings, the paper's inconsistencies, readings chosen).

    ``ledger`` is the resource ``claims`` as loaded.
    """
    claims = ledger.dropna(subset=["note"])
    return pd.DataFrame(
        {"Claim": [f"\u201c{c}\u201d" for c in claims["claim"]], "Note": claims["note"]}
    )


def verdict_counts_data(ledger: pd.DataFrame) -> pd.DataFrame:
    """Number of claims per derived verdict, in the order supported, partly, not testable.

    ``ledger`` is the resource ``claims`` as loaded.  'Not supported' gets a row only when
    some claim has that verdict.
    """
    counts = derived_verdicts(ledger).value_counts()
    shown = VERDICTS[:2] + ([NOT_SUPPORTED] if counts.get(NOT_SUPPORTED, 0) else []) + VERDICTS[2:]
    return pd.DataFrame(
        {
            "verdict": shown,
            "label": [v[0].upper() + v[1:] for v in shown],
            "n_claims": [int(counts.get(v, 0)) for v in shown],
        }
    )


def verdict_counts_chart(data: pd.DataFrame) -> Figure:
    """Horizontal bars: how many claims got each verdict.

    Parameters
    ----------
    data : pandas.DataFrame
        The output of :func:`verdict_counts_data`.
    """
    fig, ax = new_figure(9.0, 2.8)
    positions = list(range(len(data)))
    bars = ax.barh(
        positions,
        data["n_claims"],
        color=[VERDICT_COLORS[v] for v in data["verdict"]],
        height=0.6,
    )
    ax.bar_label(bars, labels=[str(n) for n in data["n_claims"]], padding=4, fontsize=11)
    ax.set_yticks(positions, data["label"].tolist())
    ax.invert_yaxis()
    ax.set_xlim(0, data["n_claims"].max() * 1.12)
    ax.set_xlabel("Number of claims")
    ax.grid(axis="y", visible=False)
    ax.set_title("Verdicts on the paper's main claims")
    return fig


def verdict_caption(data: pd.DataFrame) -> str:
    """The verdict chart's caption (its text alternative), written from the plotted data."""
    counts = data.set_index("verdict")["n_claims"]
    return (
        f"Of the {counts.sum()} main claims of the abstract, the survey summary and the "
        f"conclusions, {counts[SUPPORTED]} are supported by the published numbers, "
        f"{counts[PARTLY]} partly supported, "
        + (f"{counts[NOT_SUPPORTED]} not supported " if NOT_SUPPORTED in counts else "")
        + f"and {counts[NOT_TESTABLE]} cannot be tested from "
        "them: policy recommendations and judgements, and claims resting on interviews or on "
        "data the paper does not publish."
    )


LEDGER_SOURCE = (
    f"Source: claims of {PAPER} (abstract, Section 4 summary, conclusions) read against the "
    "paper's tables; verdicts derived from the computed comparisons by the ledger's rule. "
    "Data: data/claims.csv"
)

# The evidence functions and tables of helpers.claims_survey and helpers.claims_evidence stay
# importable from here, as they were before the split.
__all__ = [
    "AGREES",
    "CLAIMS",
    "DISAGREES",
    "NOT_SUPPORTED",
    "UNTESTABLE",
    "Comparison",
    "compare",
    "comparisons",
    "comparisons_text",
    "derived_verdicts",
    "verdict",
    "verdict_from_evidence",
    "EVIDENCE",
    "LEDGER_SOURCE",
    "LINK_TYPES",
    "NOT_TESTABLE",
    "PARTLY",
    "SUPPORTED",
    "TECHNOLOGY_BASED",
    "UNNAMED",
    "VERDICTS",
    "VERDICT_COLORS",
    "Evidence",
    "activity_groups",
    "evidence_business_incubators_summary",
    "evidence_cash_flow_rent",
    "evidence_catalogue_ready",
    "evidence_commercialisation_ready",
    "evidence_external_links",
    "evidence_higher_education_links",
    "evidence_local_market",
    "evidence_no_demand_for_rd",
    "evidence_no_more_innovative",
    "evidence_production_services_balance",
    "evidence_public_rd_driven",
    "evidence_relocation_motives",
    "evidence_services_differ",
    "evidence_traditional_sectors",
    "evidence_younger",
    "innovator_shares",
    "ledger_view",
    "motive_ranks",
    "notes_view",
    "resource_label",
    "resource_list",
    "service_use_rates",
    "verdict_caption",
    "verdict_counts_chart",
    "verdict_counts_data",
]
