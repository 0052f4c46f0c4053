"""Tables 11-13: value added by the parks, their services, and the firms' links."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
from matplotlib.figure import Figure

from ..data.parks import park_label
from ..data.recompute import rows
from ..display import charts
from ..display.theme import park_colors
from .common import (
    FIRMS_LABELS,
    LINK_LABELS,
    PARTNER_LABELS,
    SERVICE_LABELS,
    group_order,
    in_out_caption,
    in_out_chart,
    park_tags,
    pivot_shown,
    select_parks,
)


def value_added_view(table_11: pd.DataFrame) -> pd.DataFrame:
    """Table 11: the firms' assessment of the value technoparks add, as printed."""
    t = table_11
    t = t.assign(firms_label=t["firms"].map(FIRMS_LABELS))
    labels = {"n_firms": "No of firms", "mean_value_added": "Average assessment (1-5)"}
    table = pivot_shown(
        t, "firms_label", "measure", labels, index_order=list(FIRMS_LABELS.values())
    )
    return table.rename_axis("Firms").reset_index()


def value_added_data(table_11: pd.DataFrame) -> pd.DataFrame:
    """Mean assessment of value added, inside and outside technoparks (Table 11)."""
    t = rows(table_11, measure="mean_value_added")
    return pd.DataFrame(
        {
            "Assessment": "Value added by technoparks",
            "Firms": t["firms"].map(FIRMS_LABELS).to_numpy(),
            "Mean assessment": t["value"].to_numpy(),
        }
    )


def value_added_chart(data: pd.DataFrame) -> Figure:
    return in_out_chart(data, "Assessment", "Mean assessment", "Mean assessment (scale 1-5)")


def value_added_caption(data: pd.DataFrame) -> str:
    return in_out_caption(data, "Assessment", "Mean assessment", "mean assessment, 1-5")


def services_view(table_12: pd.DataFrame, parks: Sequence[str] = ()) -> pd.DataFrame:
    """Table 12: firms in each park and how many used each service, as printed."""
    t = select_parks(table_12, parks)
    t = t.assign(group=[park_label(p) for p in t["park"]])
    labels = {"": "Firms in park"} | SERVICE_LABELS
    t = t.assign(service=t["service"].fillna(""))
    table = pivot_shown(t, "group", "service", labels, index_order=group_order(parks))
    return table.rename_axis("Park").reset_index()


def services_data(table_12: pd.DataFrame) -> pd.DataFrame:
    """Share of each park's firms that used each service, computed from the counts."""
    t = table_12
    records = []
    for park, group in t.groupby("park", sort=False):
        firms = rows(group, measure="n_firms_in_park")["value"].item()
        for _, row in rows(group, measure="n_firms_using").iterrows():
            records.append(
                {
                    "Service": SERVICE_LABELS[row["service"]],
                    "Park": park_label(park),
                    "Share of park firms (%)": 100 * row["value"] / firms,
                    "Firms (count)": row["value"],
                }
            )
    return pd.DataFrame.from_records(records)


def services_chart(data: pd.DataFrame) -> Figure:
    colors = {park_label(p): c for p, c in park_colors().items()}
    return charts.grouped_bars(
        data,
        "Service",
        "Share of park firms (%)",
        group="Park",
        colors=colors,
        value_label="Share of the park's firms (%)",
        limits=(0, 105),
        height=4.2,
        tags=park_tags(),
    )


def services_caption(data: pd.DataFrame) -> str:
    consultation = data[data["Service"] == "Consultation"]
    shares = ", ".join(
        f"{r['Park']} {r['Service'].lower()} {r['Share of park firms (%)']:.0f}%"
        for _, r in consultation.iterrows()
    )
    return (
        "Bars: share of each park's firms that used each service, computed from the "
        f"counts; {shares}."
    )


def links_view(table_13: pd.DataFrame) -> pd.DataFrame:
    """Table 13: links with partners, inside and outside technoparks, as printed."""
    t = table_13
    t = t[t["measure"] != "sample_size"]
    t = t.assign(
        row=[
            f"{PARTNER_LABELS[p]}: {LINK_LABELS[k]}"
            for p, k in zip(t["partner"], t["link_type"], strict=True)
        ],
        column=[
            f"{'Inside' if f == 'in_tp' else 'Outside'} TP: "
            f"{'No of firms' if m == 'n_firms' else 'average intensity (1-5)'}"
            for f, m in zip(t["firms"], t["measure"], strict=True)
        ],
    )
    columns = list(dict.fromkeys(t["column"]))
    table = pivot_shown(
        t, "row", "column", {c: c for c in columns}, index_order=list(dict.fromkeys(t["row"]))
    )
    return table.rename_axis("Link").reset_index()


def links_matrix(table_13: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Average intensity (rows: partner and kind of link; columns: inside/outside) and labels."""
    t = table_13
    t = t[(t["measure"] != "sample_size") & (t["link_type"] != "total")]
    t = t.assign(
        row=[
            f"{PARTNER_LABELS[p]}: {LINK_LABELS[k].lower()}"
            for p, k in zip(t["partner"], t["link_type"], strict=True)
        ],
        column=t["firms"].map(FIRMS_LABELS),
    )
    order = list(dict.fromkeys(t["row"]))
    intensity = (
        t[t["measure"] == "mean_intensity"]
        .pivot(index="row", columns="column", values="value")
        .reindex(order)
    )
    firms = (
        t[t["measure"] == "n_firms"]
        .pivot(index="row", columns="column", values="value")
        .reindex(order)
    )
    columns = list(FIRMS_LABELS.values())
    intensity, firms = intensity[columns], firms[columns]
    labels = intensity.copy().astype(object)
    for r in order:
        for c in columns:
            score, count = intensity.at[r, c], firms.at[r, c]
            score_text = "n.a." if pd.isna(score) else f"{score:.1f}"
            count_text = "" if pd.isna(count) else f" ({count:.0f} firms)"
            labels.at[r, c] = score_text + count_text
    return intensity, labels


def links_chart(matrix: tuple[pd.DataFrame, pd.DataFrame]) -> Figure:
    intensity, labels = matrix
    return charts.annotated_heatmap(
        intensity, labels, colorbar_label="Average intensity (1-5)", height=4.6
    )


def links_caption(matrix: tuple[pd.DataFrame, pd.DataFrame]) -> str:
    intensity, _ = matrix
    strongest = intensity.stack().sort_values(ascending=False)
    (row, column), score = strongest.index[0], strongest.iloc[0]
    return (
        f"Heat map of average link intensity (1-5); the strongest is {row} for "
        f"{column.lower()} ({score:.1f}); grey cells are not printed."
    )
