"""What every survey table shares: labels, park groups, cells as printed, the
inside/outside chart, and the survey's methodology."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
from matplotlib.figure import Figure

from ..data.parks import park_codes, park_label
from ..display import charts
from ..display.theme import firms_colors

MARKERS = {"", "-", "n.a.", "n.a"}


INSIDE_LABEL = "All technoparks"


OUTSIDE_LABEL = "Outside technoparks"


FIRMS_LABELS = {"in_tp": "Firms in technoparks", "out_tp": "Firms outside technoparks"}


# Row and column headings as the paper prints them.
ATTRIBUTE_LABELS = {
    "year_established": "Year of establishment",
    "founders": "Founders",
    "legal_status": "Legal status",
    "sources_of_finance": "Sources of finance",
    "tenants_at_establishment": "Tenants at establishment",
    "tenants_2004": "Tenants as of 2004",
    "survival_rate": "Rate of survival",
    "estate_utilisation": "Utilisation of estate (%)",
    "commercially_active_tenants": "% of commercially active tenants",
    "joint_services": "Joint services",
    "tenant_turnover": "Estimated turnover of tenant firms",
    "value_added_score": "Estimated value added of TP (scale 1-5)",
}


VARIABLE_LABELS = {
    "entrepreneur_age": "Age of entrepreneur",
    "experience_in_venture_area": "Years of working experience in area of venture",
}


STATISTIC_LABELS = {
    "total": "Total",
    "average": "Average",
    "median": "Median",
    "max": "Max",
    "min": "Min",
}


ACTIVITY_LABELS = {"manufacturing": "Manufacturing", "services": "Services", "total": "Total"}


MARKET_LABELS = {"local": "Local", "national": "National", "foreign": "Foreign", "total": "Total"}


FACTOR_LABELS = {
    "rent": "Rent",
    "finance": "Finance",
    "location": "Location",
    "infrastructure": "Infrastructure",
    "services": "Services",
    "image": "Image",
}


BARRIER_LABELS = {
    "finance": "Finance",
    "technology": "Technology",
    "infrastructure": "Infrastructure",
    "foreign_market_access": "Access to foreign market",
}


SERVICE_LABELS = {
    "consultation": "Consultation",
    "business_plan": "Business plan",
    "office_services": "Office services",
    "finance": "Finance",
    "other": "Other",
}


PARTNER_LABELS = {
    "other_tp_firms": "Other technopark firms",
    "higher_education": "Higher education institutions",
    "external_firms": "Firms outside the technopark",
}


LINK_LABELS = {
    "joint_production": "Joint production",
    "joint_development": "Joint development",
    "other": "Other",
    "total": "Total",
}


NOVELTY_MARKETS = {"local": "Local", "national": "Nat", "international": "Internat"}


# Tables whose rows are parks: the ones a park selection filters and highlights.
PARK_TABLES = ("table-02", "table-04", "table-05", "table-07", "table-08", "table-09", "table-12")


# Tables and the figure that compare firms inside and outside technoparks.
IN_OUT_TABLES = (
    "table-03",
    "table-04",
    "table-05",
    "table-10",
    "table-11",
    "table-13",
    "figure-04",
)


def shown(frame: pd.DataFrame) -> pd.Series:
    """The cell as printed, or NA where the paper printed a missing marker."""
    printed = frame["printed"].fillna("")
    return printed.where(~printed.isin(MARKERS))


def group_label(firms: str, park: object) -> str:
    """Row label for a population or a park: a park's full name, or the pooled group."""
    if isinstance(park, str):
        return park_label(park)
    return INSIDE_LABEL if firms == "in_tp" else OUTSIDE_LABEL


def with_groups(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.copy()
    firms = frame["firms"] if "firms" in frame else pd.Series("in_tp", index=frame.index)
    frame["group"] = [group_label(f, p) for f, p in zip(firms, frame["park"], strict=True)]
    return frame


def park_tags() -> dict[str, str]:
    """Park label -> code, so charts tag each park's artists for highlighting on the page."""
    return {park_label(code): code for code in park_codes()}


def group_order(parks: Sequence[str] = ()) -> list[str]:
    """Row order: the (selected) parks in the paper's order, then the pooled rows."""
    chosen = [p for p in park_codes() if not parks or p in parks]
    return [park_label(p) for p in chosen] + [INSIDE_LABEL, OUTSIDE_LABEL]


def pivot_shown(frame, index, columns, labels, values="shown", index_order=None):
    frame = frame.assign(shown=shown(frame))
    table = frame.pivot(index=index, columns=columns, values=values)
    table = table.reindex(columns=[c for c in labels if c in table.columns])
    table.columns = [labels[c] for c in table.columns]
    if index_order is not None:
        table = table.reindex([i for i in index_order if i in table.index])
    return table


def select_parks(frame: pd.DataFrame, parks: Sequence[str]) -> pd.DataFrame:
    """Keep pooled rows and the selected parks' rows (all parks when none selected)."""
    if not parks:
        return frame
    return frame[frame["park"].isna() | frame["park"].isin(parks)]


def in_out_chart(
    data: pd.DataFrame,
    category: str,
    value: str,
    value_label: str,
    limits: tuple[float, float] | None = (0, 5),
    decimals: int = 1,
) -> Figure:
    """Grouped bars comparing firms in and outside technoparks, in the survey's two colours."""
    return charts.grouped_bars(
        data,
        category,
        value,
        group="Firms",
        colors={FIRMS_LABELS[k]: v for k, v in firms_colors().items()},
        value_label=value_label,
        decimals=decimals,
        limits=limits,
        height=4.2,
    )


def in_out_caption(data: pd.DataFrame, category: str, value: str, unit: str) -> str:
    parts = []
    for name, group in data.groupby(category, sort=False):
        values = ", ".join(f"{r['Firms'].split()[1]} {r[value]:g}" for _, r in group.iterrows())
        parts.append(f"{name}: {values}")
    return f"Bars comparing firms in and outside technoparks ({unit}). " + "; ".join(parts) + "."


def methodology_values(methodology: pd.DataFrame) -> dict[str, str]:
    """The survey-methodology numbers the chapter's Methodology paragraph states."""
    facts = methodology.set_index("fact_id")["value"]
    return {name: str(facts[name]) for name in facts.index}
