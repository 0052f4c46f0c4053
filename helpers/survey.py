"""The park survey (paper section 4): reader views of Tables 2-13 and Figure 4.

Every function is pure: given a table as loaded from data/ (and, for tables whose rows
are parks, a selection of parks: empty = all parks) it returns the DataFrame a reader
sees, the tidy data a chart plots, the chart, or the chart's caption.  Table views show each cell as
the paper prints it ('85%', '4.3'), with the paper's missing markers shown as 'n.a.';
charts plot the numeric ``value``.  Row labels name parks in full (``park_label``) so a
selection can be highlighted by label.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
from matplotlib.figure import Figure

from . import charts
from .datapackage import paper_number
from .parks import park_codes, park_label
from .recompute import rows
from .theme import firms_colors, park_colors

MARKERS = {"", "-", "n.a.", "n.a"}
ALL_PARKS_LABEL = "All technoparks"
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
    return ALL_PARKS_LABEL if firms == "in_tp" else OUTSIDE_LABEL


def _with_groups(frame: pd.DataFrame) -> pd.DataFrame:
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
    return [park_label(p) for p in chosen] + [ALL_PARKS_LABEL, OUTSIDE_LABEL]


def _pivot(frame, index, columns, labels, values="shown", index_order=None):
    frame = frame.assign(shown=shown(frame))
    table = frame.pivot(index=index, columns=columns, values=values)
    table = table.reindex(columns=[c for c in labels if c in table.columns])
    table.columns = [labels[c] for c in table.columns]
    if index_order is not None:
        table = table.reindex([i for i in index_order if i in table.index])
    return table


def _select_parks(frame: pd.DataFrame, parks: Sequence[str]) -> pd.DataFrame:
    """Keep pooled rows and the selected parks' rows (all parks when none selected)."""
    if not parks:
        return frame
    return frame[frame["park"].isna() | frame["park"].isin(parks)]


# --- which parks a table reports ---------------------------------------------------------


def reported_parks(frame: pd.DataFrame) -> list[str]:
    """Park codes with at least one row in a table, in the paper's order."""
    present = set(frame["park"].dropna()) if "park" in frame else set()
    return [p for p in park_codes() if p in present]


def missing_notes(name: str, frame: pd.DataFrame, parks: Sequence[str]) -> list[str]:
    """Sentences saying, for each selected park, that a table reports nothing for it."""
    reported = reported_parks(frame)
    return [
        f"{paper_number(name)} reports no data for {park_label(p)}."
        for p in parks
        if p not in reported
    ]


# --- Table 2: identity card -------------------------------------------------------------


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


# --- Table 3: entrepreneurs -------------------------------------------------------------


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


# --- Table 4: employment and age --------------------------------------------------------

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
    t = _with_groups(_select_parks(table_04, parks))
    t = t.assign(
        column=[
            EMPLOYMENT_COLUMNS[(v, m)] for v, m in zip(t["variable"], t["measure"], strict=True)
        ]
    )
    table = _pivot(
        t,
        "group",
        "column",
        {c: c for c in EMPLOYMENT_COLUMNS.values()},
        index_order=group_order(parks),
    )
    return table.rename_axis("Firms").reset_index()


def employment_data(table_04: pd.DataFrame) -> pd.DataFrame:
    """Average employment per firm for each park, all technoparks and outside (Table 4)."""
    t = _with_groups(rows(table_04, variable="employment", measure="average"))
    order = group_order()
    t = t.set_index("group").reindex([g for g in order if g in set(t["group"])])
    return pd.DataFrame({"Firms": t.index, "Average employment": t["value"].to_numpy()})


def employment_chart(data: pd.DataFrame) -> Figure:
    colors = {park_label(p): c for p, c in park_colors().items()}
    colors |= {ALL_PARKS_LABEL: firms_colors()["in_tp"], OUTSIDE_LABEL: firms_colors()["out_tp"]}
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


# --- Table 5: type of activity ----------------------------------------------------------


def activity_view(table_05: pd.DataFrame, parks: Sequence[str] = ()) -> pd.DataFrame:
    """Table 5: firms by activity, counts and printed shares."""
    t = _with_groups(_select_parks(table_05, parks))
    t = t.assign(
        column=[
            f"{ACTIVITY_LABELS[a]} ({'firms' if m == 'n_firms' else '%'})"
            for a, m in zip(t["activity"], t["measure"], strict=True)
        ]
    )
    labels = {f"{a} ({u})": f"{a} ({u})" for u in ("firms", "%") for a in ACTIVITY_LABELS.values()}
    table = _pivot(t, "group", "column", labels, index_order=group_order(parks))
    return table.rename_axis("Firms").reset_index()


def activity_data(table_05: pd.DataFrame) -> pd.DataFrame:
    """Share of manufacturing and service firms per group, computed from the counts."""
    t = _with_groups(rows(table_05, measure="n_firms"))
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


# --- Table 6: activities ----------------------------------------------------------------


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


# --- Table 7: destination of sales ------------------------------------------------------


def sales_view(table_07: pd.DataFrame, parks: Sequence[str] = ()) -> pd.DataFrame:
    """Table 7: each group's sales by market, as printed."""
    t = _with_groups(_select_parks(table_07, parks))
    labels = {k: f"{v} (% of sales)" for k, v in MARKET_LABELS.items()}
    order = [ALL_PARKS_LABEL] + group_order(parks)[:-2]
    table = _pivot(t, "group", "market", labels, index_order=order)
    return table.rename_axis("Firms").reset_index()


def sales_data(table_07: pd.DataFrame) -> pd.DataFrame:
    """Share of sales by market for all technoparks and each park (Table 7)."""
    t = _with_groups(table_07)
    t = t[t["market"] != "total"]
    order = [ALL_PARKS_LABEL] + group_order()[:-2]
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


# --- Tables 8 and 9: motives and barriers -----------------------------------------------


def _importance_view(
    frame: pd.DataFrame, column: str, labels: dict, parks: Sequence[str]
) -> pd.DataFrame:
    t = _with_groups(_select_parks(frame, parks))
    t = t[t["measure"] != "sample_size"]
    row_names = {
        "mean_importance": None,
        "n_firms": "No of firms",
        "share_of_respondents": "Share of respondents (%)",
    }
    t = t.assign(
        row=[
            (f"{g}: mean importance (1-5)" if g != ALL_PARKS_LABEL else "Average importance (1-5)")
            if m == "mean_importance"
            else row_names[m]
            for g, m in zip(t["group"], t["measure"], strict=True)
        ]
    )
    order = ["Average importance (1-5)"]
    order += [f"{park_label(p)}: mean importance (1-5)" for p in park_codes()]
    order += ["No of firms", "Share of respondents (%)"]
    table = _pivot(t, "row", column, labels, index_order=order)
    return table.rename_axis("").reset_index()


def motives_view(table_08: pd.DataFrame, parks: Sequence[str] = ()) -> pd.DataFrame:
    """Table 8: mean importance by park, then number and share of firms citing each motive."""
    return _importance_view(table_08, "factor", FACTOR_LABELS, parks)


def barriers_view(table_09: pd.DataFrame, parks: Sequence[str] = ()) -> pd.DataFrame:
    """Table 9: the same layout for barriers to growth."""
    return _importance_view(table_09, "barrier", BARRIER_LABELS, parks)


def _importance_matrix(frame: pd.DataFrame, column: str, labels: dict) -> pd.DataFrame:
    t = _with_groups(rows(frame, measure="mean_importance"))
    table = t.pivot(index="group", columns=column, values="value")
    order = [ALL_PARKS_LABEL] + [park_label(p) for p in park_codes()]
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


# --- Table 10: barriers inside and outside ----------------------------------------------


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
    table = _pivot(t, "row", "barrier", BARRIER_LABELS, index_order=list(dict.fromkeys(t["row"])))
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


# --- Table 11: value added ----------------------------------------------------------------


def value_added_view(table_11: pd.DataFrame) -> pd.DataFrame:
    """Table 11: the firms' assessment of the value technoparks add, as printed."""
    t = table_11
    t = t.assign(firms_label=t["firms"].map(FIRMS_LABELS))
    labels = {"n_firms": "No of firms", "mean_value_added": "Average assessment (1-5)"}
    table = _pivot(t, "firms_label", "measure", labels, index_order=list(FIRMS_LABELS.values()))
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


# --- Table 12: use of services ------------------------------------------------------------


def services_view(table_12: pd.DataFrame, parks: Sequence[str] = ()) -> pd.DataFrame:
    """Table 12: firms in each park and how many used each service, as printed."""
    t = _select_parks(table_12, parks)
    t = t.assign(group=[park_label(p) for p in t["park"]])
    labels = {"": "Firms in park"} | SERVICE_LABELS
    t = t.assign(service=t["service"].fillna(""))
    table = _pivot(t, "group", "service", labels, index_order=group_order(parks))
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


# --- Table 13: links ------------------------------------------------------------------------


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
    table = _pivot(
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


# --- Figure 4: novelty ------------------------------------------------------------------------


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


# --- Captions: each chart's text alternative, from the data it plots ------------------------


def tenants_caption(data: pd.DataFrame) -> str:
    most = data[data["When"] == "In 2004"].sort_values("Tenants", ascending=False).iloc[0]
    return (
        f"Bars: tenant firms at establishment and in 2004 for each park; {most['Park']} "
        f"has the most tenants in 2004 ({most['Tenants']:.0f})."
    )


def _in_out_caption(data: pd.DataFrame, category: str, value: str, unit: str) -> str:
    parts = []
    for name, group in data.groupby(category, sort=False):
        values = ", ".join(f"{r['Firms'].split()[1]} {r[value]:g}" for _, r in group.iterrows())
        parts.append(f"{name}: {values}")
    return f"Bars comparing firms in and outside technoparks ({unit}). " + "; ".join(parts) + "."


def entrepreneurs_caption(data: pd.DataFrame) -> str:
    return _in_out_caption(data, "Statistic", "Years", "years")


def employment_caption(data: pd.DataFrame) -> str:
    pairs = ", ".join(f"{r['Firms']} {r['Average employment']:g}" for _, r in data.iterrows())
    return f"Horizontal bars: average employment per firm. {pairs}."


def activity_caption(data: pd.DataFrame) -> str:
    manufacturing = data[data["Activity"] == "Manufacturing"]
    pairs = ", ".join(f"{r['Firms']} {r['Share (%)']:.0f}%" for _, r in manufacturing.iterrows())
    return f"Stacked bars: share of manufacturing (rest: services). {pairs}."


def activities_caption(data: pd.DataFrame) -> str:
    top = data.iloc[0]
    return (
        f"Horizontal bars: tenant firms by activity, largest first; {top['Activity']} "
        f"leads with {top['Firms']:.0f} firms."
    )


def sales_caption(data: pd.DataFrame) -> str:
    local = data[data["Market"] == "Local"]
    pairs = ", ".join(f"{r['Firms']} {r['Share of sales (%)']:g}%" for _, r in local.iterrows())
    return f"Stacked bars: destination of sales; local market share: {pairs}."


def importance_caption(matrix: pd.DataFrame) -> str:
    average = matrix.iloc[0].dropna().sort_values(ascending=False)
    ranked = ", ".join(f"{k} {v:.1f}" for k, v in average.items())
    return f"Heat map of mean importance (1-5) by park; the average ranks: {ranked}."


def barriers_in_out_chart(data: pd.DataFrame) -> Figure:
    return in_out_chart(data, "Barrier", "Mean importance", "Mean importance (scale 1-5)")


def barriers_in_out_caption(data: pd.DataFrame) -> str:
    return _in_out_caption(data, "Barrier", "Mean importance", "mean importance, 1-5")


def value_added_chart(data: pd.DataFrame) -> Figure:
    return in_out_chart(data, "Assessment", "Mean assessment", "Mean assessment (scale 1-5)")


def value_added_caption(data: pd.DataFrame) -> str:
    return _in_out_caption(data, "Assessment", "Mean assessment", "mean assessment, 1-5")


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


def links_caption(matrix: tuple[pd.DataFrame, pd.DataFrame]) -> str:
    intensity, _ = matrix
    strongest = intensity.stack().sort_values(ascending=False)
    (row, column), score = strongest.index[0], strongest.iloc[0]
    return (
        f"Heat map of average link intensity (1-5); the strongest is {row} for "
        f"{column.lower()} ({score:.1f}); grey cells are not printed."
    )


def novelty_caption(data: pd.DataFrame) -> str:
    yes = data[data["Novel product"] == "Yes"]
    pairs = ", ".join(f"{r['Bar']} {r['Share of firms (%)']:.1f}%" for _, r in yes.iterrows())
    return f"Stacked bars: share of firms with a novel product (Yes): {pairs}."


def methodology_values(methodology: pd.DataFrame) -> dict[str, str]:
    """The survey-methodology numbers the chapter's Methodology paragraph states."""
    facts = methodology.set_index("fact_id")["value"]
    return {name: str(facts[name]) for name in facts.index}
