"""Table 1: who performs R&D in Kazakhstan, North America and the EU, and the business gap.

Chapter 2 of the companion.  Each function takes the loaded ``table-01`` resource (or what
an earlier function computed from it); the table's view, its chart, the gap and the values
the chapter's prose states (see :mod:`helpers.display.prose`) are all computed here, so
the notebook states no number itself.  The later figures are in :mod:`helpers.rd_since`.
"""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from .data.datapackage import resource
from .data.recompute import cell, is_close, rows
from .display.theme import OKABE_ITO, new_figure, source_text

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
THE_REGIONS = {"European Union", "OECD total", "EU27", "United States"}


def one_decimal(value: float) -> str:
    """A share as the paper prints it: one decimal (``"18.6"``)."""
    return f"{value:.1f}"


# --- Table 1 --------------------------------------------------------------------------------


def regions(table: pd.DataFrame) -> list[tuple[str, int]]:
    """The regions of Table 1 (the loaded ``table-01``) with their years, in printed order."""
    pairs = table[["region", "year"]].drop_duplicates()
    return [(r, int(y)) for r, y in pairs.itertuples(index=False)]


def _column(region: str, year: int) -> str:
    return f"{region}, {year} (% of GERD)"


def table1_view(table: pd.DataFrame) -> pd.DataFrame:
    """Table 1 for readers: one row per performing sector, one column per region and year.

    Values are the printed shares (per cent of GERD); the paper's '-' is missing, shown as
    'n.a.' by :func:`helpers.display.tables.html_table`.
    """
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
    where = join_words([f"{_the(r)} ({y})" for r, y in region_years])
    split = data[data["part"] != data["sector"]]
    pieces = join_words(
        [f"{one_decimal(p.value)}% for {SECTOR_NAMES[p.part]}" for p in split.itertuples()]
    )
    largest = []
    for region, _ in region_years:
        top = totals[totals["region"] == region].sort_values("total").iloc[-1]
        sector = SECTOR_NAMES[top["sector"]].lower()
        largest.append(f"{sector} in {_the(region)} ({one_decimal(top['total'])}%)")
    text = (
        "Grouped bars of the share of GERD performed by business enterprises, higher education "
        f"and government in {where}."
    )
    if len(split):
        text += f" The Kazakh business bar is split into {pieces}."
    return f"{text} The largest performer is {join_words(largest)}."


def printed_sector_sums(table: pd.DataFrame) -> pd.DataFrame:
    """For each region, the sum of the three printed sectors and the share not printed.

    Returns
    -------
    pandas.DataFrame
        Columns ``region``, ``year``, ``printed_sum`` and ``not_printed`` (100 minus the sum),
        in per cent of GERD.
    """
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


def _slug(region: str) -> str:
    """A region as part of a value's name: "North America" -> "north_america"."""
    return region.lower().replace(" ", "_")


def printed_sums_values(table: pd.DataFrame) -> dict[str, str]:
    """What the chapter's note on the printed sectors states, for each region of Table 1.

    ``{region}_printed`` is the sum of the three printed sectors (``"98.0%"``),
    ``{region}_year`` the region's year and ``{region}_not_printed`` the rest of GERD in
    percentage points (``"2.0"``); ``{region}`` as in ``"north_america"``.
    """
    values = {}
    for r in printed_sector_sums(table).itertuples():
        values[f"{_slug(r.region)}_printed"] = f"{one_decimal(r.printed_sum)}%"
        values[f"{_slug(r.region)}_year"] = str(r.year)
        values[f"{_slug(r.region)}_not_printed"] = one_decimal(r.not_printed)
    return values


def business_split_values(table: pd.DataFrame) -> dict[str, str]:
    """The two Kazakh business sub-rows against the printed business total.

    ``business_split_verdict`` says whether the sub-rows ``"add up to"`` the total (within
    rounding) or ``"do not add up to"`` it; ``design_bureaus_share_of_business`` is the
    design bureaus' share of Kazakh business R&D (``"76%"``).
    """
    total = cell(table, region=HOME, sector="business_enterprise")
    in_house, bureaus = (cell(table, region=HOME, sector=s)["value"] for s in BUSINESS_PARTS)
    adds_up = is_close(in_house + bureaus, total["value"])
    return {
        "in_house": f"{one_decimal(in_house)}%",
        "design_bureaus": f"{one_decimal(bureaus)}%",
        "business_split_verdict": "add up to" if adds_up else "do not add up to",
        "business_total": f"{total['printed']}%",
        "design_bureaus_share_of_business": f"{bureaus / total['value'] * 100:.0f}%",
    }


def _the(region: str) -> str:
    """The region's name as it reads in a sentence ('the European Union', 'North America')."""
    return f"the {region}" if region in THE_REGIONS else region


def join_words(items: list[str]) -> str:
    """Items as a sentence lists them: "a, b and c"."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def table1_chart_data(table: pd.DataFrame) -> pd.DataFrame:
    """The bars of the Table 1 chart: one per region and main sector, Kazakh business split.

    Returns
    -------
    pandas.DataFrame
        Columns ``region``, ``year``, ``sector`` (x position), ``part`` (the sector itself,
        or a business sub-row stacked within the Kazakh business bar), ``bottom`` and
        ``value`` (per cent of GERD) and ``total`` (the sector's printed share).
    """
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
                    one_decimal(bar["value"]),
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
                    one_decimal(bar["total"]),
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
            handles.append(patch(REGION_COLORS[region], label))
            label = f"{region}, {year}: {SECTOR_NAMES[BUSINESS_PARTS[1]]}"
            handles.append(patch(DESIGN_BUREAU_COLOR, label, hatch="//"))
        else:
            handles.append(patch(REGION_COLORS[region], label))
    legend_below(ax, handles)
    ax.grid(axis="x", visible=False)
    return fig


def legend_below(ax, handles: list) -> None:
    """A legend under the axes, inside the figure's layout, clear of the source line."""
    ax.legend(
        handles=handles,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.2),
        ncol=2,
        frameon=False,
        fontsize=9.5,
    )


def patch(color: str, label: str, hatch: str | None = None) -> Patch:
    return Patch(facecolor=color, edgecolor="white", hatch=hatch, label=label)


# --- the business-share gap -----------------------------------------------------------------


def business_gap(table: pd.DataFrame) -> pd.DataFrame:
    """Kazakhstan's business share of GERD against each other region of Table 1.

    Returns
    -------
    pandas.DataFrame
        One row per comparator: ``comparator``, ``comparator_year``, ``comparator_share``,
        ``kazakhstan_year``, ``kazakhstan_share`` (per cent of GERD), ``difference_pp``
        (percentage points) and ``ratio`` (comparator share / Kazakh share).
    """
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


def three_times_values(gap: pd.DataFrame, claimed: int = 3) -> dict[str, str]:
    """Whether the paper's 'three times lower' is a fair rounding of the computed ratios.

    For each comparator of :func:`business_gap` (``{region}`` as in ``"north_america"``):
    ``{region}_share`` (``"59.3%"``), ``{region}_ratio`` (``"3.19"``), ``{region}_difference``
    (percentage points) and ``{region}_reading``: whether 'three times' ``"overstates"``,
    ``"understates"`` or ``"matches"`` the gap with it.  ``kazakhstan_share`` is the Kazakh
    business share, ``three_times_verdict`` the judgement: fair means every ratio rounds to
    ``claimed`` (lies within half a unit of it).
    """
    values = {"kazakhstan_share": f"{one_decimal(gap['kazakhstan_share'].iloc[0])}%"}
    for r in gap.itertuples():
        region = _slug(r.comparator)
        values[f"{region}_share"] = f"{one_decimal(r.comparator_share)}%"
        values[f"{region}_ratio"] = f"{r.ratio:.2f}"
        values[f"{region}_difference"] = one_decimal(r.difference_pp)
        values[f"{region}_reading"] = (
            "overstates" if r.ratio < claimed else "understates" if r.ratio > claimed else "matches"
        )
    every = "Both ratios round" if len(gap) == 2 else "Every ratio rounds"
    if all(round(ratio) == claimed for ratio in gap["ratio"]):
        verdict = f"{every} to {claimed}, so 'three times lower' is a fair rounding"
    else:
        verdict = (
            f"Not every ratio rounds to {claimed}, so 'three times lower' is not a fair rounding"
        )
    values["three_times_verdict"] = verdict
    return values


def year_note(table_name: str = "table-01") -> str:
    """The data's note on the year: the prose says 2000 where the table heading says 2002."""
    notes = [n for n in resource(table_name)["notes"] if "'in Kazakhstan in" in n]
    if len(notes) != 1:
        raise LookupError(f"expected one note on the year in {table_name}, found {len(notes)}")
    return notes[0]
