"""Tables 8-10: motives for joining a park and barriers, inside and outside parks."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
from matplotlib.figure import Figure

from ..data.parks import park_codes, park_label
from ..data.recompute import rows
from ..display import charts
from .common import (
    BARRIER_LABELS,
    FACTOR_LABELS,
    FIRMS_LABELS,
    INSIDE_LABEL,
    in_out_caption,
    in_out_chart,
    park_tags,
    pivot_shown,
    select_parks,
    with_groups,
)


def _importance_view(
    frame: pd.DataFrame, column: str, labels: dict, parks: Sequence[str]
) -> pd.DataFrame:
    t = with_groups(select_parks(frame, parks))
    t = t[t["measure"] != "sample_size"]
    row_names = {
        "mean_importance": None,
        "n_firms": "No of firms",
        "share_of_respondents": "Share of respondents (%)",
    }
    t = t.assign(
        row=[
            (f"{g}: mean importance (1-5)" if g != INSIDE_LABEL else "Average importance (1-5)")
            if m == "mean_importance"
            else row_names[m]
            for g, m in zip(t["group"], t["measure"], strict=True)
        ]
    )
    order = ["Average importance (1-5)"]
    order += [f"{park_label(p)}: mean importance (1-5)" for p in park_codes()]
    order += ["No of firms", "Share of respondents (%)"]
    table = pivot_shown(t, "row", column, labels, index_order=order)
    return table.rename_axis("").reset_index()


def motives_view(table_08: pd.DataFrame, parks: Sequence[str] = ()) -> pd.DataFrame:
    """Table 8: mean importance by park, then number and share of firms citing each motive."""
    return _importance_view(table_08, "factor", FACTOR_LABELS, parks)


def barriers_view(table_09: pd.DataFrame, parks: Sequence[str] = ()) -> pd.DataFrame:
    """Table 9: the same layout for barriers to growth."""
    return _importance_view(table_09, "barrier", BARRIER_LABELS, parks)


def _importance_matrix(frame: pd.DataFrame, column: str, labels: dict) -> pd.DataFrame:
    t = with_groups(rows(frame, measure="mean_importance"))
    table = t.pivot(index="group", columns=column, values="value")
    order = [INSIDE_LABEL] + [park_label(p) for p in park_codes()]
    table = table.reindex(index=[g for g in order if g in table.index], columns=list(labels))
    table.columns = [labels[c] for c in table.columns]
    return table


def motives_matrix(table_08: pd.DataFrame) -> pd.DataFrame:
    """Mean importance (1-5), rows = all technoparks then parks, columns = motives."""
    return _importance_matrix(table_08, "factor", FACTOR_LABELS)


def barriers_matrix(table_09: pd.DataFrame) -> pd.DataFrame:
    """Mean importance (1-5), rows = all technoparks then parks, columns = barriers."""
    return _importance_matrix(table_09, "barrier", BARRIER_LABELS)


def importance_chart(matrix: pd.DataFrame) -> Figure:
    return charts.annotated_heatmap(
        matrix,
        colorbar_label="Mean importance (scale 1-5)",
        tags=park_tags(),
        height=0.55 * len(matrix) + 1.6,
    )


def importance_caption(matrix: pd.DataFrame) -> str:
    average = matrix.iloc[0].dropna().sort_values(ascending=False)
    ranked = ", ".join(f"{k} {v:.1f}" for k, v in average.items())
    return f"Heat map of mean importance (1-5) by park; the average ranks: {ranked}."


def _shares(frame: pd.DataFrame, column: str, labels: dict) -> pd.DataFrame:
    t = rows(frame, measure="share_of_respondents")
    return pd.DataFrame(
        {
            "Item": t[column].map(labels).to_numpy(),
            "Share of respondents (%)": t["value"].to_numpy(),
        }
    )


def motive_shares_data(table_08: pd.DataFrame) -> pd.DataFrame:
    return _shares(table_08, "factor", FACTOR_LABELS)


def barrier_shares_data(table_09: pd.DataFrame) -> pd.DataFrame:
    return _shares(table_09, "barrier", BARRIER_LABELS)


def shares_chart(data: pd.DataFrame) -> Figure:
    return charts.grouped_bars(
        data,
        "Item",
        "Share of respondents (%)",
        colors={i: "#009E73" for i in data["Item"]},
        value_label="Share of respondents (%)",
        decimals=1,
        height=3.6,
        limits=(0, 100),
    )


def barriers_in_out_view(table_10: pd.DataFrame) -> pd.DataFrame:
    """Table 10: barriers inside and outside technoparks, as printed."""
    t = table_10
    t = t.assign(
        row=[
            FIRMS_LABELS[f]
            + (": mean importance (1-5)" if m == "mean_importance" else ": No of firms")
            for f, m in zip(t["firms"], t["measure"], strict=True)
        ]
    )
    table = pivot_shown(
        t, "row", "barrier", BARRIER_LABELS, index_order=list(dict.fromkeys(t["row"]))
    )
    return table.rename_axis("").reset_index()


def barriers_in_out_data(table_10: pd.DataFrame) -> pd.DataFrame:
    """Mean importance of each barrier, inside and outside technoparks (Table 10)."""
    t = rows(table_10, measure="mean_importance")
    return pd.DataFrame(
        {
            "Barrier": t["barrier"].map(BARRIER_LABELS).to_numpy(),
            "Firms": t["firms"].map(FIRMS_LABELS).to_numpy(),
            "Mean importance": t["value"].to_numpy(),
        }
    )


def barriers_in_out_chart(data: pd.DataFrame) -> Figure:
    return in_out_chart(data, "Barrier", "Mean importance", "Mean importance (scale 1-5)")


def barriers_in_out_caption(data: pd.DataFrame) -> str:
    return in_out_caption(data, "Barrier", "Mean importance", "mean importance, 1-5")
