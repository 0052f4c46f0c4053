"""Since the paper: later figures on Kazakh R&D and its comparators, beside Table 1.

Chapter 2's section "Since the paper".  Reads the loaded ``rd-since`` resource (later OECD
and UNESCO figures, each row with its source) and, for the Kazakh business share the paper
printed, ``table-01``.  Sources, years and regions differ from Table 1's, so the charts and
their captions say so.
"""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from .data.recompute import cell, rows
from .display.theme import OKABE_ITO, PAPER, new_figure
from .rd_structure import (
    HOME,
    REGION_COLORS,
    SECTOR_NAMES,
    join_words,
    legend_below,
    one_decimal,
    patch,
)

LATER_COLOR = "#777777"


def source_line(data: pd.DataFrame, *files: str) -> str:
    """Source line naming every source in ``data['source']`` and the data files read.

    >>> source_line(pd.DataFrame({"source": ["A", "B", "A"]}), "data/rd-since.csv")
    'Sources: A; B. Data: data/rd-since.csv'
    """
    sources = "; ".join(dict.fromkeys(data["source"]))
    return f"Sources: {sources}. Data: {', '.join(files)}"


def business_then_and_now_data(rd_since: pd.DataFrame, table_01: pd.DataFrame) -> pd.DataFrame:
    """Kazakhstan's business share in Table 1 beside the later business shares.

    ``rd_since`` and ``table_01`` are the loaded ``rd-since`` and ``table-01`` resources.

    Returns
    -------
    pandas.DataFrame
        Columns ``region``, ``year``, ``value`` (per cent of GERD performed by business
        enterprises), ``source`` and ``from_paper`` (True for the Table 1 row), Table 1 first.
    """
    home = cell(table_01, region=HOME, sector="business_enterprise")
    records = [
        {
            "region": HOME,
            "year": int(home["year"]),
            "value": home["value"],
            "source": f"{PAPER}, Table 1 (OECD, 2000, and Statistical Office of Kazakhstan)",
            "from_paper": True,
        }
    ]
    later = rows(rd_since, indicator="share_of_gerd_performed", sector="business_enterprise")
    for r in later.itertuples():
        records.append(
            {
                "region": r.region,
                "year": int(r.year),
                "value": r.value,
                "source": r.source,
                "from_paper": False,
            }
        )
    return pd.DataFrame.from_records(records)


def bar_label(region: str, year: int, from_paper: bool) -> str:
    """Axis label of a bar: region, year and which source it comes from."""
    return f"{region}, {year}\n({'the paper, Table 1' if from_paper else 'OECD MSTI'})"


def business_then_and_now_chart(data: pd.DataFrame) -> Figure:
    """Horizontal bars of business shares of GERD, the paper's bar set apart by colour and hatch."""
    fig, ax = new_figure(width=9.5, height=4.2)
    labels = [
        bar_label(r, y, p)
        for r, y, p in zip(data["region"], data["year"], data["from_paper"], strict=True)
    ]
    positions = list(range(len(data)))[::-1]  # first row on top
    for pos, (_, row) in zip(positions, data.iterrows(), strict=True):
        ax.barh(
            pos,
            row["value"],
            color=REGION_COLORS[HOME] if row["from_paper"] else LATER_COLOR,
            hatch=None if row["from_paper"] else "..",
            edgecolor="white",
            height=0.7,
            gid=f"{row['region']}|{row['year']}",
        )
        ax.text(row["value"] + 1, pos, one_decimal(row["value"]), va="center", fontsize=10)
    ax.set_yticks(positions, labels)
    ax.set_xlim(0, 100)
    ax.set_xlabel("Share of GERD performed by business enterprises (%)")
    legend_below(
        ax,
        [
            patch(REGION_COLORS[HOME], "The paper, Table 1"),
            patch(LATER_COLOR, "OECD Main Science and Technology Indicators (MSTI)", hatch=".."),
        ],
    )
    ax.grid(axis="y", visible=False)
    return fig


def business_then_and_now_caption(data: pd.DataFrame) -> str:
    """Caption (text alternative) of the then-and-now chart."""
    return (
        "Horizontal bars of the share of GERD performed by business enterprises: Kazakhstan "
        "from the paper's Table 1 (blue) and later OECD figures (grey, dotted). "
        + _then_and_now_reading(data)
    )


def _then_and_now_reading(data: pd.DataFrame) -> str:
    """The caption's reading: the Table 1 share against the range of the later shares."""
    paper = data[data["from_paper"]].iloc[0]
    later = data[~data["from_paper"]]
    low, high = later.loc[later["value"].idxmin()], later.loc[later["value"].idxmax()]
    years = join_words([str(y) for y in sorted(set(later["year"]))])
    return (
        f"Business enterprises performed {one_decimal(paper['value'])}% of Kazakh GERD in "
        f"{paper['year']} (Table 1). In the later OECD figures ({years})"
        f" the share runs from {one_decimal(low['value'])}% ({low['region']}, {low['year']}) "
        f"to {one_decimal(high['value'])}% ({high['region']}, {high['year']}). The sources, "
        "years and regions differ, so read the bars as orders of magnitude, not as a trend."
    )


def shares_view(rd_since: pd.DataFrame) -> pd.DataFrame:
    """Later shares of GERD by performing sector, one row per region, with their sum."""
    shares = rows(rd_since, indicator="share_of_gerd_performed")
    wide = shares.pivot(index=["region", "year", "source"], columns="sector", values="value")
    order = list(dict.fromkeys(shares["region"]))
    wide = wide.reset_index().set_index("region").loc[order].reset_index()
    sectors = ["business_enterprise", "higher_education", "government", "private_non_profit"]
    view = pd.DataFrame({"Region": wide["region"], "Year": wide["year"].astype(int).astype(str)})
    for sector in sectors:
        view[f"{SECTOR_NAMES[sector]} (% of GERD)"] = wide[sector].to_numpy()
    view["Sum of the four (%)"] = wide[sectors].sum(axis=1).round(1).to_numpy()
    view["Source"] = wide["source"].to_numpy()
    return view


def gerd_gdp_data(rd_since: pd.DataFrame) -> pd.DataFrame:
    """Kazakhstan's GERD and business R&D as per cent of GDP, by year (from ``rd-since``).

    Returns
    -------
    pandas.DataFrame
        Columns ``indicator``, ``year``, ``value`` (per cent of GDP) and ``source``.
    """
    wanted = ["gerd_percent_of_gdp", "business_rd_percent_of_gdp"]
    data = rd_since[rd_since["indicator"].isin(wanted) & (rd_since["region"] == HOME)]
    data = data[["indicator", "year", "value", "source"]].copy()
    data["year"] = data["year"].astype(int)
    return data.sort_values(["indicator", "year"], ascending=[False, True]).reset_index(drop=True)


GERD_LABELS = {
    "gerd_percent_of_gdp": "GERD (all sectors)",
    "business_rd_percent_of_gdp": "Business R&D",
}


def gerd_gdp_chart(data: pd.DataFrame) -> Figure:
    """Dots joined by a line for GERD/GDP; business R&D as separate diamonds."""
    fig, ax = new_figure(width=9.5, height=3.4)
    styles = {
        "gerd_percent_of_gdp": {"color": OKABE_ITO[0], "marker": "o", "linestyle": "solid"},
        "business_rd_percent_of_gdp": {"color": OKABE_ITO[5], "marker": "D", "linestyle": "none"},
    }
    for indicator, series in data.groupby("indicator", sort=False):
        ax.plot(
            series["year"],
            series["value"],
            markersize=8,
            linewidth=2,
            label=GERD_LABELS[indicator],
            gid=indicator,
            **styles[indicator],
        )
        for year, value in zip(series["year"], series["value"], strict=True):
            ax.annotate(
                f"{value:.2f}",
                (year, value),
                textcoords="offset points",
                xytext=(0, 9),
                ha="center",
                fontsize=10,
            )
    years = sorted(set(data["year"]))
    ax.set_xticks(years, [str(y) for y in years])
    ax.set_xlim(min(years) - 1, max(years) + 1)
    ax.set_ylim(0, data["value"].max() * 1.35)
    ax.set_xlabel("Year")
    ax.set_ylabel("Per cent of GDP")
    ax.legend(loc="upper right", frameon=False, fontsize=9.5)
    return fig


def gerd_gdp_caption(data: pd.DataFrame) -> str:
    """Caption (text alternative) of the GERD/GDP chart: the trend, business R&D, the source."""
    gerd = data[data["indicator"] == "gerd_percent_of_gdp"].sort_values("year")
    first, last = gerd.iloc[0], gerd.iloc[-1]
    direction = "fell" if last["value"] < first["value"] else "rose"
    steps = ", then ".join(
        f"{v:.2f}% in {y}" for y, v in zip(gerd["year"], gerd["value"], strict=True)
    )
    business = data[data["indicator"] == "business_rd_percent_of_gdp"]
    tail = "".join(
        f" Business R&D was {r.value:.2f}% of GDP in {r.year}." for r in business.itertuples()
    )
    sources = "; ".join(dict.fromkeys(data["source"]))
    return (
        f"Kazakhstan's gross domestic expenditure on R&D {direction} from "
        f"{first['value']:.2f}% to {last['value']:.2f}% of GDP between {first['year']} and "
        f"{last['year']} ({steps}).{tail} Source: {sources}."
    )
