"""Tables 2-4: the parks' identity card, the entrepreneurs, employment and firm age."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
from matplotlib.figure import Figure

from ..data.parks import park_codes, park_label
from ..data.recompute import rows
from ..display import charts
from ..display.theme import firms_colors, park_colors
from .common import (
    ATTRIBUTE_LABELS,
    FIRMS_LABELS,
    INSIDE_LABEL,
    OUTSIDE_LABEL,
    STATISTIC_LABELS,
    VARIABLE_LABELS,
    group_order,
    in_out_caption,
    park_tags,
    pivot_shown,
    select_parks,
    shown,
    with_groups,
)


def identity_card(table_02: pd.DataFrame, parks: Sequence[str] = ()) -> pd.DataFrame:
    """Table 2 with one column per (selected) park, cells as printed."""
    t = table_02
    t = t.assign(shown=shown(t))
    chosen = [p for p in park_codes() if not parks or p in parks]
    table = t.pivot(index="attribute", columns="park", values="shown")
    table = table.reindex(index=list(ATTRIBUTE_LABELS), columns=chosen)
    table.index = [ATTRIBUTE_LABELS[a] for a in table.index]
    table.columns = [park_label(p) for p in table.columns]
    return table.rename_axis("").reset_index()


def tenants_data(table_02: pd.DataFrame) -> pd.DataFrame:
    """Tenants at establishment and in 2004 per park (Table 2)."""
    t = rows(table_02, unit="count")
    when = {"tenants_at_establishment": "At establishment", "tenants_2004": "In 2004"}
    out = pd.DataFrame(
        {
            "Park": [park_label(p) for p in t["park"]],
            "When": t["attribute"].map(when),
            "Tenants": t["value"],
        }
    )
    return out.reset_index(drop=True)


def tenants_chart(data: pd.DataFrame) -> Figure:
    return charts.grouped_bars(
        data,
        "Park",
        "Tenants",
        group="When",
        colors={"At establishment": "#56B4E9", "In 2004": "#0072B2"},
        value_label="Tenant firms (count)",
        tags=park_tags(),
        height=4.4,
        horizontal=True,
    )


def tenants_caption(data: pd.DataFrame) -> str:
    most = data[data["When"] == "In 2004"].sort_values("Tenants", ascending=False).iloc[0]
    return (
        f"Bars: tenant firms at establishment and in 2004 for each park; {most['Park']} "
        f"has the most tenants in 2004 ({most['Tenants']:.0f})."
    )


def entrepreneurs_view(table_03: pd.DataFrame) -> pd.DataFrame:
    """Table 3: statistics in rows; age and experience, inside and outside, in columns."""
    t = table_03
    t = t.assign(
        shown=shown(t),
        column=[
            f"{VARIABLE_LABELS[v]}, {'inside' if f == 'in_tp' else 'outside'} TP (years)"
            for v, f in zip(t["variable"], t["firms"], strict=True)
        ],
    )
    table = t.pivot(index="measure", columns="column", values="shown")
    table = table.reindex(
        index=["average", "median", "max", "min"], columns=list(dict.fromkeys(t["column"]))
    )
    table.index = [STATISTIC_LABELS[s] for s in table.index]
    return table.rename_axis("Statistic").reset_index()


def entrepreneurs_data(table_03: pd.DataFrame) -> pd.DataFrame:
    """Each statistic of age and experience, inside and outside technoparks (Table 3)."""
    t = table_03
    return pd.DataFrame(
        {
            "Statistic": t["measure"]
            .map(STATISTIC_LABELS)
            .str.cat(
                t["variable"].map(
                    {"entrepreneur_age": "age", "experience_in_venture_area": "experience"}
                ),
                sep=" ",
            ),
            "Firms": t["firms"].map(FIRMS_LABELS),
            "Years": t["value"],
        }
    )


def entrepreneurs_chart(data: pd.DataFrame) -> Figure:
    return charts.grouped_bars(
        data,
        "Statistic",
        "Years",
        group="Firms",
        colors={FIRMS_LABELS[k]: v for k, v in firms_colors().items()},
        value_label="Years",
        horizontal=True,
        width=9.5,
        height=6.0,
    )


def entrepreneurs_caption(data: pd.DataFrame) -> str:
    return in_out_caption(data, "Statistic", "Years", "years")


EMPLOYMENT_COLUMNS = {
    ("employment", "total"): "Employment (persons)",
    ("employment", "median"): "Median employment per firm",
    ("employment", "average"): "Average employment per firm",
    ("employment", "max"): "Max employment per firm",
    ("firm_age", "average"): "Average age of firms (years)",
    ("firm_age", "median"): "Median age of firms (years)",
}


def employment_view(table_04: pd.DataFrame, parks: Sequence[str] = ()) -> pd.DataFrame:
    """Table 4: parks, all technoparks and outside firms in rows."""
    t = with_groups(select_parks(table_04, parks))
    t = t.assign(
        column=[
            EMPLOYMENT_COLUMNS[(v, m)] for v, m in zip(t["variable"], t["measure"], strict=True)
        ]
    )
    table = pivot_shown(
        t,
        "group",
        "column",
        {c: c for c in EMPLOYMENT_COLUMNS.values()},
        index_order=group_order(parks),
    )
    return table.rename_axis("Firms").reset_index()


def employment_data(table_04: pd.DataFrame) -> pd.DataFrame:
    """Average employment per firm for each park, all technoparks and outside (Table 4)."""
    t = with_groups(rows(table_04, variable="employment", measure="average"))
    order = group_order()
    t = t.set_index("group").reindex([g for g in order if g in set(t["group"])])
    return pd.DataFrame({"Firms": t.index, "Average employment": t["value"].to_numpy()})


def employment_chart(data: pd.DataFrame) -> Figure:
    colors = {park_label(p): c for p, c in park_colors().items()}
    colors |= {INSIDE_LABEL: firms_colors()["in_tp"], OUTSIDE_LABEL: firms_colors()["out_tp"]}
    return charts.grouped_bars(
        data,
        "Firms",
        "Average employment",
        colors=colors,
        horizontal=True,
        value_label="Average employment per firm (persons)",
        tags=park_tags(),
        height=3.8,
    )


def employment_caption(data: pd.DataFrame) -> str:
    pairs = ", ".join(f"{r['Firms']} {r['Average employment']:g}" for _, r in data.iterrows())
    return f"Horizontal bars: average employment per firm. {pairs}."
