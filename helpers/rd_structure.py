"""Table 1 (who performs R&D in Kazakhstan, North America and the EU) and what came after.

Chapter 2 of the companion.  Table views and sentences are built here from
``data/table-01.csv`` and ``data/rd-since.csv`` so that the notebook states no number itself.
"""

from __future__ import annotations

import html

import pandas as pd
from IPython.display import HTML
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from .datapackage import load, resource
from .recompute import cell, is_close, rows
from .theme import OKABE_ITO, PAPER, new_figure, source_text

# Row labels of Table 1 as the paper prints them; sub-rows of business R&D marked "of which".
SUB_ROW_INDENT = "\u2003"  # an em space survives HTML whitespace collapsing
TABLE_1_ROWS = {
    "business_enterprise": "Proportion of GERD performed by the Business Enterprise Sector",
    "business_in_house": f"{SUB_ROW_INDENT}of which: in-house business R&D (zavodskaya nauka)",
    "business_design_bureaus": f"{SUB_ROW_INDENT}of which: construction and design bureaus (KTB)",
    "higher_education": "Proportion of GERD performed by the Higher Education Sector",
    "government": "Proportion of GERD performed by the Government sector",
}
MAIN_SECTORS = ("business_enterprise", "higher_education", "government")
BUSINESS_PARTS = ("business_in_house", "business_design_bureaus")
SECTOR_NAMES = {
    "business_enterprise": "Business enterprise",
    "higher_education": "Higher education",
    "government": "Government",
    "private_non_profit": "Private non-profit",
    "business_in_house": "in-house business R&D (zavodskaya nauka)",
    "business_design_bureaus": "construction and design bureaus (KTB)",
}
REGION_COLORS = {
    "Kazakhstan": OKABE_ITO[0],
    "North America": OKABE_ITO[1],
    "European Union": OKABE_ITO[2],
}
DESIGN_BUREAU_COLOR = OKABE_ITO[4]  # sky blue, hatched: a part of the Kazakh business bar
HOME = "Kazakhstan"
SINCE = "rd-since"
LATER_COLOR = "#777777"
THE_REGIONS = {"European Union", "OECD total", "EU27", "United States"}


def _one_decimal(value: float) -> str:
    return f"{value:.1f}"


# --- Table 1 --------------------------------------------------------------------------------


def regions(table: pd.DataFrame | None = None) -> list[tuple[str, int]]:
    """The regions of Table 1 with their years, in the order the table prints them."""
    table = load("table-01") if table is None else table
    pairs = table[["region", "year"]].drop_duplicates()
    return [(r, int(y)) for r, y in pairs.itertuples(index=False)]


def _column(region: str, year: int) -> str:
    return f"{region}, {year} (% of GERD)"


def table1_view(table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Table 1 for readers: one row per performing sector, one column per region and year.

    Values are the printed shares (per cent of GERD); the paper's '-' is missing, shown as
    'n.a.' by :func:`helpers.tables.html_table`.
    """
    table = load("table-01") if table is None else table
    view = {"Performing sector": list(TABLE_1_ROWS.values())}
    for region, year in regions(table):
        view[_column(region, year)] = [
            cell(table, region=region, sector=sector)["value"] for sector in TABLE_1_ROWS
        ]
    return pd.DataFrame(view)


def table1_source(table_name: str = "table-01") -> str:
    """Source line for the Table 1 view: the paper, the paper's own sources and the file."""
    cited = "; ".join(s["title"] for s in resource(table_name)["sources"])
    return (
        f"{source_text(table_name)}. The paper's sources: {cited}. "
        "GERD = gross expenditure on R&D; the paper's '-' is shown as n.a."
    )


def table1_caption(data: pd.DataFrame) -> str:
    """Caption (text alternative) of the Table 1 chart, with its main reading, from the data."""
    totals = data.drop_duplicates(["region", "sector"])
    region_years = list(dict.fromkeys(zip(data["region"], data["year"], strict=True)))
    where = _join([f"{_the(r)} ({y})" for r, y in region_years])
    split = data[data["part"] != data["sector"]]
    pieces = _join(
        [f"{_one_decimal(p.value)}% for {SECTOR_NAMES[p.part]}" for p in split.itertuples()]
    )
    largest = []
    for region, _ in region_years:
        top = totals[totals["region"] == region].sort_values("total").iloc[-1]
        sector = SECTOR_NAMES[top["sector"]].lower()
        largest.append(f"{sector} in {_the(region)} ({_one_decimal(top['total'])}%)")
    text = (
        "Grouped bars of the share of GERD performed by business enterprises, higher education "
        f"and government in {where}."
    )
    if len(split):
        text += f" The Kazakh business bar is split into {pieces}."
    return f"{text} The largest performer is {_join(largest)}."


def paragraph(text: str) -> HTML:
    """A sentence built from the data, shown as a paragraph of the page."""
    return HTML(f"<p>{html.escape(text)}</p>")


def printed_sector_sums(table: pd.DataFrame | None = None) -> pd.DataFrame:
    """For each region, the sum of the three printed sectors and the share not printed.

    Returns
    -------
    pandas.DataFrame
        Columns ``region``, ``year``, ``printed_sum`` and ``not_printed`` (100 minus the sum),
        in per cent of GERD.
    """
    table = load("table-01") if table is None else table
    records = []
    for region, year in regions(table):
        total = sum(cell(table, region=region, sector=s)["value"] for s in MAIN_SECTORS)
        records.append(
            {
                "region": region,
                "year": year,
                "printed_sum": round(total, 1),
                "not_printed": round(100.0 - total, 1),
            }
        )
    return pd.DataFrame.from_records(records)


def unprinted_share_note(table: pd.DataFrame | None = None) -> str:
    """Sentence: the printed sectors do not add up to 100%, with the sums computed."""
    sums = printed_sector_sums(table)
    parts = [
        f"{_one_decimal(r.printed_sum)}% in {_the(r.region)} ({r.year})" for r in sums.itertuples()
    ]
    gaps = ", ".join(
        f"{_one_decimal(r.not_printed)} points for {_the(r.region)}" for r in sums.itertuples()
    )
    return (
        f"The three printed sectors add up to {_join(parts)}, not 100%: the rest of GERD "
        f"({gaps}) is performed by sectors the table does not print, such as private "
        "non-profit institutions."
    )


def business_split_check(table: pd.DataFrame | None = None) -> str:
    """Sentence: the two Kazakh business sub-rows against the printed business total."""
    table = load("table-01") if table is None else table
    total = cell(table, region=HOME, sector="business_enterprise")
    parts = [cell(table, region=HOME, sector=s)["value"] for s in BUSINESS_PARTS]
    verdict = "add up to" if is_close(sum(parts), total["value"]) else "do not add up to"
    named = [
        f"{_one_decimal(v)}% for {SECTOR_NAMES[s]}"
        for v, s in zip(parts, BUSINESS_PARTS, strict=True)
    ]
    return (
        f"In Kazakhstan the two business sub-rows, {_join(named)}, {verdict} the printed "
        f"business total of {total['printed']}%: design bureaus perform "
        f"{parts[1] / total['value'] * 100:.0f}% of Kazakh business R&D."
    )


def _the(region: str) -> str:
    """The region's name as it reads in a sentence ('the European Union', 'North America')."""
    return f"the {region}" if region in THE_REGIONS else region


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def table1_chart_data(table: pd.DataFrame | None = None) -> pd.DataFrame:
    """The bars of the Table 1 chart: one per region and main sector, Kazakh business split.

    Returns
    -------
    pandas.DataFrame
        Columns ``region``, ``year``, ``sector`` (x position), ``part`` (the sector itself,
        or a business sub-row stacked within the Kazakh business bar), ``bottom`` and
        ``value`` (per cent of GERD) and ``total`` (the sector's printed share).
    """
    table = load("table-01") if table is None else table
    records = []
    for region, year in regions(table):
        for sector in MAIN_SECTORS:
            total = cell(table, region=region, sector=sector)["value"]
            parts = rows(table, region=region, parent_sector=sector).dropna(subset=["value"])
            if sector == "business_enterprise" and len(parts):
                bottom = 0.0
                for part in BUSINESS_PARTS:
                    value = cell(parts, sector=part)["value"]
                    records.append((region, year, sector, part, bottom, value, total))
                    bottom += value
            else:
                records.append((region, year, sector, sector, 0.0, total, total))
    columns = ["region", "year", "sector", "part", "bottom", "value", "total"]
    return pd.DataFrame.from_records(records, columns=columns)


def table1_chart(data: pd.DataFrame) -> Figure:
    """Grouped bars of GERD shares by performing sector; the Kazakh business bar stacked."""
    fig, ax = new_figure(width=9.5, height=4.8)
    sectors = list(dict.fromkeys(data["sector"]))
    region_years = list(dict.fromkeys(zip(data["region"], data["year"], strict=True)))
    width = 0.8 / len(region_years)
    for i, (region, year) in enumerate(region_years):
        offset = (i - (len(region_years) - 1) / 2) * width
        color = REGION_COLORS[region]
        for _, bar in data[(data["region"] == region) & (data["year"] == year)].iterrows():
            x = sectors.index(bar["sector"]) + offset
            is_bureaus = bar["part"] == "business_design_bureaus"
            ax.bar(
                x,
                bar["value"],
                width=width * 0.92,
                bottom=bar["bottom"],
                color=DESIGN_BUREAU_COLOR if is_bureaus else color,
                hatch="//" if is_bureaus else None,
                edgecolor="white",
                linewidth=0.8,
                gid=f"{region}|{bar['sector']}|{bar['part']}",
            )
            if bar["part"] != bar["sector"]:  # a stacked part: label it inside the bar
                ax.text(
                    x,
                    bar["bottom"] + bar["value"] / 2,
                    _one_decimal(bar["value"]),
                    ha="center",
                    va="center",
                    fontsize=9,
                    color="black" if is_bureaus else "white",
                    fontweight="bold",
                    bbox={"facecolor": "white", "alpha": 0.75, "pad": 1, "linewidth": 0}
                    if is_bureaus
                    else None,
                )
            if bar["bottom"] + bar["value"] >= bar["total"] - 1e-9:  # top of the bar
                ax.text(
                    x,
                    bar["total"] + 1,
                    _one_decimal(bar["total"]),
                    ha="center",
                    va="bottom",
                    fontsize=10,
                    gid=f"total:{region}|{bar['sector']}",
                )
    ax.set_xticks(range(len(sectors)), [SECTOR_NAMES[s] for s in sectors])
    ax.set_xlabel("Sector performing R&D")
    ax.set_ylabel("Share of GERD performed (%)")
    ax.set_ylim(0, max(data["total"]) * 1.15)
    handles = []
    for region, year in region_years:
        label = f"{region}, {year}"
        if region == HOME and (data["part"] == BUSINESS_PARTS[1]).any():
            label += f"; in the business bar: {SECTOR_NAMES[BUSINESS_PARTS[0]]}"
            handles.append(_patch(REGION_COLORS[region], label))
            label = f"{region}, {year}: {SECTOR_NAMES[BUSINESS_PARTS[1]]}"
            handles.append(_patch(DESIGN_BUREAU_COLOR, label, hatch="//"))
        else:
            handles.append(_patch(REGION_COLORS[region], label))
    _legend_below(ax, handles)
    ax.grid(axis="x", visible=False)
    return fig


def _legend_below(ax, handles: list) -> None:
    """A legend under the axes, inside the figure's layout, clear of the source line."""
    ax.legend(
        handles=handles,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.2),
        ncol=2,
        frameon=False,
        fontsize=9.5,
    )


def _patch(color: str, label: str, hatch: str | None = None) -> Patch:
    return Patch(facecolor=color, edgecolor="white", hatch=hatch, label=label)


# --- the business-share gap -----------------------------------------------------------------


def business_gap(table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Kazakhstan's business share of GERD against each other region of Table 1.

    Returns
    -------
    pandas.DataFrame
        One row per comparator: ``comparator``, ``comparator_year``, ``comparator_share``,
        ``kazakhstan_year``, ``kazakhstan_share`` (per cent of GERD), ``difference_pp``
        (percentage points) and ``ratio`` (comparator share / Kazakh share).
    """
    table = load("table-01") if table is None else table
    home = cell(table, region=HOME, sector="business_enterprise")
    records = []
    for region, year in regions(table):
        if region == HOME:
            continue
        other = cell(table, region=region, sector="business_enterprise")["value"]
        records.append(
            {
                "comparator": region,
                "comparator_year": year,
                "comparator_share": other,
                "kazakhstan_year": int(home["year"]),
                "kazakhstan_share": home["value"],
                "difference_pp": round(other - home["value"], 1),
                "ratio": other / home["value"],
            }
        )
    return pd.DataFrame.from_records(records)


def business_gap_view(gap: pd.DataFrame) -> pd.DataFrame:
    """The gap for readers, with units in the headers."""
    return pd.DataFrame(
        {
            "Compared with": [
                f"{r}, {y}" for r, y in zip(gap["comparator"], gap["comparator_year"], strict=True)
            ],
            "Its business share (% of GERD)": gap["comparator_share"],
            "Kazakhstan's business share (% of GERD)": gap["kazakhstan_share"],
            "Difference (percentage points)": gap["difference_pp"],
            "Ratio (times Kazakhstan's share)": gap["ratio"].round(2),
        }
    )


def three_times_verdict(gap: pd.DataFrame, claimed: int = 3) -> str:
    """Whether the paper's 'three times lower' is a fair rounding of the computed ratios.

    Fair means each ratio rounds to ``claimed`` (lies within half a unit of it).
    """
    pieces = []
    for r in gap.itertuples():
        pieces.append(
            f"{_the(r.comparator)}'s business share ({_one_decimal(r.comparator_share)}%) is "
            f"{r.ratio:.2f} times Kazakhstan's ({_one_decimal(r.kazakhstan_share)}%), "
            f"{_one_decimal(r.difference_pp)} percentage points more"
        )
    fair = [round(r) == claimed for r in gap["ratio"]]
    low, high = gap["ratio"].min(), gap["ratio"].max()
    if all(fair):
        verdict = (
            f"Both ratios round to {claimed}, so 'three times lower' is a fair rounding: "
            f"it overstates the gap with {_the(gap.loc[gap['ratio'].idxmin(), 'comparator'])} "
            f"({low:.2f}) and understates it with "
            f"{_the(gap.loc[gap['ratio'].idxmax(), 'comparator'])} ({high:.2f})."
            if low < claimed < high
            else f"Every ratio rounds to {claimed}, so 'three times lower' is a fair rounding."
        )
    else:
        off = [c for c, ok in zip(gap["comparator"], fair, strict=True) if not ok]
        verdict = (
            f"'Three times lower' is not a fair rounding for {_join(off)}: the ratios run "
            f"from {low:.2f} to {high:.2f}."
        )
    text = f"{'; '.join(pieces)}. {verdict}"
    return text[0].upper() + text[1:]


def year_note(table_name: str = "table-01") -> str:
    """The data's note on the year: the prose says 2000 where the table heading says 2002."""
    notes = [n for n in resource(table_name)["notes"] if "'in Kazakhstan in" in n]
    if len(notes) != 1:
        raise LookupError(f"expected one note on the year in {table_name}, found {len(notes)}")
    return notes[0]


def note_box(text: str, title: str = "Note from the data") -> HTML:
    """A highlighted note (the page's ``tp-note`` style)."""
    return HTML(
        f'<div class="tp-note" role="note"><strong>{html.escape(title)}:</strong> '
        f"{html.escape(text)}</div>"
    )


# --- since the paper ------------------------------------------------------------------------


def since_source_line(data: pd.DataFrame, *files: str) -> str:
    """Source line naming every source in ``data['source']`` and the data files read.

    >>> since_source_line(pd.DataFrame({"source": ["A", "B", "A"]}), "data/rd-since.csv")
    'Sources: A; B. Data: data/rd-since.csv'
    """
    sources = "; ".join(dict.fromkeys(data["source"]))
    return f"Sources: {sources}. Data: {', '.join(files)}"


def business_then_and_now_data(
    since: pd.DataFrame | None = None, table: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Kazakhstan's business share in Table 1 beside the later business shares.

    Returns
    -------
    pandas.DataFrame
        Columns ``region``, ``year``, ``value`` (per cent of GERD performed by business
        enterprises), ``source`` and ``from_paper`` (True for the Table 1 row), Table 1 first.
    """
    since = load(SINCE) if since is None else since
    table = load("table-01") if table is None else table
    home = cell(table, region=HOME, sector="business_enterprise")
    records = [
        {
            "region": HOME,
            "year": int(home["year"]),
            "value": home["value"],
            "source": f"{PAPER}, Table 1 (OECD, 2000, and Statistical Office of Kazakhstan)",
            "from_paper": True,
        }
    ]
    later = rows(since, indicator="share_of_gerd_performed", sector="business_enterprise")
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
        ax.text(row["value"] + 1, pos, _one_decimal(row["value"]), va="center", fontsize=10)
    ax.set_yticks(positions, labels)
    ax.set_xlim(0, 100)
    ax.set_xlabel("Share of GERD performed by business enterprises (%)")
    _legend_below(
        ax,
        [
            _patch(REGION_COLORS[HOME], "The paper, Table 1"),
            _patch(LATER_COLOR, "OECD Main Science and Technology Indicators (MSTI)", hatch=".."),
        ],
    )
    ax.grid(axis="y", visible=False)
    return fig


def business_then_and_now_caption(data: pd.DataFrame) -> str:
    """Caption (text alternative) of the then-and-now chart."""
    return (
        "Horizontal bars of the share of GERD performed by business enterprises: Kazakhstan "
        "from the paper's Table 1 (blue) and later OECD figures (grey, dotted). "
        + business_then_and_now_sentence(data)
    )


def business_then_and_now_sentence(data: pd.DataFrame) -> str:
    """Sentence comparing the Table 1 share with the range of the later shares."""
    paper = data[data["from_paper"]].iloc[0]
    later = data[~data["from_paper"]]
    low, high = later.loc[later["value"].idxmin()], later.loc[later["value"].idxmax()]
    years = sorted(set(later["year"]))
    return (
        f"Business enterprises performed {_one_decimal(paper['value'])}% of Kazakh GERD in "
        f"{paper['year']} (Table 1). In the later OECD figures ({_join([str(y) for y in years])})"
        f" the share runs from {_one_decimal(low['value'])}% ({low['region']}, {low['year']}) "
        f"to {_one_decimal(high['value'])}% ({high['region']}, {high['year']}). The sources, "
        "years and regions differ, so read the bars as orders of magnitude, not as a trend."
    )


def since_shares_view(since: pd.DataFrame | None = None) -> pd.DataFrame:
    """Later shares of GERD by performing sector, one row per region, with their sum."""
    since = load(SINCE) if since is None else since
    shares = rows(since, indicator="share_of_gerd_performed")
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


def gerd_gdp_data(since: pd.DataFrame | None = None) -> pd.DataFrame:
    """Kazakhstan's GERD and business R&D as per cent of GDP, by year.

    Returns
    -------
    pandas.DataFrame
        Columns ``indicator``, ``year``, ``value`` (per cent of GDP) and ``source``.
    """
    since = load(SINCE) if since is None else since
    wanted = ["gerd_percent_of_gdp", "business_rd_percent_of_gdp"]
    data = since[since["indicator"].isin(wanted) & (since["region"] == HOME)]
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


def gerd_trend_sentence(data: pd.DataFrame) -> str:
    """Sentence on the GERD/GDP series and business R&D, with the source."""
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


__all__ = [
    "business_then_and_now_caption",
    "paragraph",
    "table1_caption",
    "table1_source",
    "business_gap",
    "business_gap_view",
    "business_split_check",
    "business_then_and_now_chart",
    "business_then_and_now_data",
    "business_then_and_now_sentence",
    "gerd_gdp_chart",
    "gerd_gdp_data",
    "gerd_trend_sentence",
    "note_box",
    "printed_sector_sums",
    "regions",
    "since_shares_view",
    "since_source_line",
    "table1_chart",
    "table1_chart_data",
    "table1_view",
    "three_times_verdict",
    "unprinted_share_note",
    "year_note",
]
