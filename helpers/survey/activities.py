"""Tables 5-7 and Figure 4: what the firms do, whom they sell to, how new it is."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
from matplotlib.figure import Figure

from ..data.recompute import rows
from ..display import charts
from .common import (
    ACTIVITY_LABELS,
    FIRMS_LABELS,
    INSIDE_LABEL,
    MARKET_LABELS,
    NOVELTY_MARKETS,
    group_order,
    park_tags,
    pivot_shown,
    select_parks,
    shown,
    with_groups,
)


def activity_view(table_05: pd.DataFrame, parks: Sequence[str] = ()) -> pd.DataFrame:
    """Table 5: firms by activity, counts and printed shares."""
    t = with_groups(select_parks(table_05, parks))
    t = t.assign(
        column=[
            f"{ACTIVITY_LABELS[a]} ({'firms' if m == 'n_firms' else '%'})"
            for a, m in zip(t["activity"], t["measure"], strict=True)
        ]
    )
    labels = {f"{a} ({u})": f"{a} ({u})" for u in ("firms", "%") for a in ACTIVITY_LABELS.values()}
    table = pivot_shown(t, "group", "column", labels, index_order=group_order(parks))
    return table.rename_axis("Firms").reset_index()


def activity_data(table_05: pd.DataFrame) -> pd.DataFrame:
    """Share of manufacturing and service firms per group, computed from the counts."""
    t = with_groups(rows(table_05, measure="n_firms"))
    wide = t.pivot(index="group", columns="activity", values="value")
    wide = wide.reindex([g for g in group_order() if g in wide.index])
    records = []
    for group, counts in wide.iterrows():
        for activity in ("manufacturing", "services"):
            records.append(
                {
                    "Firms": group,
                    "Activity": ACTIVITY_LABELS[activity],
                    "Share (%)": 100 * counts[activity] / counts["total"],
                    "Firms (count)": counts[activity],
                }
            )
    return pd.DataFrame.from_records(records)


def activity_chart(data: pd.DataFrame) -> Figure:
    return charts.stacked_shares(
        data,
        "Firms",
        "Activity",
        "Share (%)",
        colors={"Manufacturing": "#0072B2", "Services": "#E69F00"},
        value_label="Share of firms (%), computed from the counts",
        tags=park_tags(),
    )


def activity_caption(data: pd.DataFrame) -> str:
    manufacturing = data[data["Activity"] == "Manufacturing"]
    pairs = ", ".join(f"{r['Firms']} {r['Share (%)']:.0f}%" for _, r in manufacturing.iterrows())
    return f"Stacked bars: share of manufacturing (rest: services). {pairs}."


def activities_view(table_06: pd.DataFrame) -> pd.DataFrame:
    """Table 6: tenant firms by activity, as printed."""
    t = table_06
    return pd.DataFrame({"Activity": t["activity"], "Firms": t["value"]})


def activities_data(table_06: pd.DataFrame) -> pd.DataFrame:
    """Activities other than the total, largest first (ties in the paper's order)."""
    t = table_06
    t = t[~t["is_summary"]]
    t = t.sort_values("value", ascending=False, kind="stable")
    return pd.DataFrame({"Activity": t["activity"].to_numpy(), "Firms": t["value"].to_numpy()})


def activities_chart(data: pd.DataFrame) -> Figure:
    return charts.grouped_bars(
        data,
        "Activity",
        "Firms",
        colors={a: "#0072B2" for a in data["Activity"]},
        horizontal=True,
        value_label="Tenant firms (count)",
        height=5.6,
    )


def activities_caption(data: pd.DataFrame) -> str:
    top = data.iloc[0]
    return (
        f"Horizontal bars: tenant firms by activity, largest first; {top['Activity']} "
        f"leads with {top['Firms']:.0f} firms."
    )


def sales_view(table_07: pd.DataFrame, parks: Sequence[str] = ()) -> pd.DataFrame:
    """Table 7: each group's sales by market, as printed."""
    t = with_groups(select_parks(table_07, parks))
    labels = {k: f"{v} (% of sales)" for k, v in MARKET_LABELS.items()}
    order = [INSIDE_LABEL] + group_order(parks)[:-2]
    table = pivot_shown(t, "group", "market", labels, index_order=order)
    return table.rename_axis("Firms").reset_index()


def sales_data(table_07: pd.DataFrame) -> pd.DataFrame:
    """Share of sales by market for all technoparks and each park (Table 7)."""
    t = with_groups(table_07)
    t = t[t["market"] != "total"]
    order = [INSIDE_LABEL] + group_order()[:-2]
    t = t.assign(order=t["group"].map({g: i for i, g in enumerate(order)})).sort_values(
        "order", kind="stable"
    )
    return pd.DataFrame(
        {
            "Firms": t["group"].to_numpy(),
            "Market": t["market"].map(MARKET_LABELS).to_numpy(),
            "Share of sales (%)": t["value"].to_numpy(),
        }
    )


def sales_chart(data: pd.DataFrame) -> Figure:
    return charts.stacked_shares(
        data,
        "Firms",
        "Market",
        "Share of sales (%)",
        colors={"Local": "#0072B2", "National": "#E69F00", "Foreign": "#009E73"},
        value_label="Share of sales (%)",
        tags=park_tags(),
        height=3.4,
    )


def sales_caption(data: pd.DataFrame) -> str:
    local = data[data["Market"] == "Local"]
    pairs = ", ".join(f"{r['Firms']} {r['Share of sales (%)']:g}%" for _, r in local.iterrows())
    return f"Stacked bars: destination of sales; local market share: {pairs}."


def novelty_data(figure_04: pd.DataFrame) -> pd.DataFrame:
    """Figure 4's six bars in the paper's axis order, with the innovator / not shares."""
    t = figure_04
    records = []
    for (market, firms), bar in t.groupby(["market", "firms"], sort=False):
        label = f"{NOVELTY_MARKETS[market]} - {'In' if firms == 'in_tp' else 'Out'}"
        for _, row in bar.iterrows():
            records.append(
                {
                    "Bar": label,
                    "Firms": FIRMS_LABELS[firms],
                    "Novel product": "Yes" if row["innovator"] == "yes" else "Not",
                    "Share of firms (%)": row["value"],
                }
            )
    return pd.DataFrame.from_records(records)


def novelty_view(figure_04: pd.DataFrame) -> pd.DataFrame:
    """Figure 4's data labels: one row per bar, in the paper's axis order."""
    t = figure_04
    t = t.assign(
        bar=[
            f"{NOVELTY_MARKETS[m]} - {'In' if f == 'in_tp' else 'Out'}"
            for m, f in zip(t["market"], t["firms"], strict=True)
        ],
        shown=shown(t),
    )
    table = t.pivot(index="bar", columns="innovator", values="shown")
    table = table.reindex(index=list(dict.fromkeys(t["bar"])), columns=["yes", "no"])
    table.columns = ["Novel product: Yes (% of firms)", "Not (% of firms)"]
    return table.rename_axis("Bar (market - firms)").reset_index()


def novelty_chart(data: pd.DataFrame) -> Figure:
    return charts.stacked_shares(
        data,
        "Bar",
        "Novel product",
        "Share of firms (%)",
        colors={"Yes": "#0072B2", "Not": "#dddddd"},
        value_label="Share of firms (%)",
        decimals=1,
        height=4.0,
    )


def novelty_caption(data: pd.DataFrame) -> str:
    yes = data[data["Novel product"] == "Yes"]
    pairs = ", ".join(f"{r['Bar']} {r['Share of firms (%)']:.1f}%" for _, r in yes.iterrows())
    return f"Stacked bars: share of firms with a novel product (Yes): {pairs}."
