"""Chapter 2: Table 1 and the business-share gap (the later figures: test_rd_since.py)."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.patches import Rectangle  # noqa: E402

from helpers import load  # noqa: E402
from helpers import rd_structure as rd  # noqa: E402
from helpers.display.tables import html_table  # noqa: E402


@pytest.fixture
def table() -> pd.DataFrame:
    return load("table-01")


def _value(table: pd.DataFrame, region: str, sector: str) -> float:
    found = table[(table["region"] == region) & (table["sector"] == sector)]
    assert len(found) == 1
    return found["value"].iloc[0]


def _bars(ax) -> dict[str, Rectangle]:
    return {p.get_gid(): p for p in ax.patches if isinstance(p, Rectangle) and p.get_gid()}


# --- Table 1 --------------------------------------------------------------------------------


def test_table1_view_has_the_papers_rows_and_columns(table):
    view = rd.table1_view(table)
    assert list(view.columns) == [
        "Performing sector",
        "Kazakhstan, 2002 (% of GERD)",
        "North America, 1995 (% of GERD)",
        "European Union, 1995 (% of GERD)",
    ]
    labels = view["Performing sector"].tolist()
    assert labels[0] == "Proportion of GERD performed by the Business Enterprise Sector"
    assert labels[1].strip().startswith("of which: in-house") and labels[1][0] == "\u2003"
    assert labels[2].strip().startswith("of which: construction and design bureaus (KTB)")
    assert labels[4] == "Proportion of GERD performed by the Government sector"
    for sector, row in zip(rd.TABLE_1_ROWS, view.itertuples(index=False), strict=True):
        for (region, _), shown in zip(rd.regions(table), row[1:], strict=True):
            expected = _value(table, region, sector)
            assert (pd.isna(shown) and pd.isna(expected)) or shown == expected


def test_table1_view_shows_the_papers_dash_as_na(table):
    view = rd.table1_view(table)
    assert view.iloc[1:3, 2:].isna().all().all()  # '-' for North America and the EU
    html = html_table(view).data
    assert html.count("n.a.") == 4
    assert "18.6" in html and "57.2" in html


def test_printed_sector_sums_are_computed_from_the_csv(table):
    sums = rd.printed_sector_sums(table).set_index("region")
    for region, _ in rd.regions(table):
        expected = sum(_value(table, region, s) for s in rd.MAIN_SECTORS)
        assert sums.loc[region, "printed_sum"] == pytest.approx(expected, abs=0.05)
        assert sums.loc[region, "not_printed"] == pytest.approx(100 - expected, abs=0.05)
    assert (sums["printed_sum"] < 100).all()
    assert sums.loc["Kazakhstan", "printed_sum"] == pytest.approx(98.0)


def test_printed_sums_values_name_each_region(table):
    values = rd.printed_sums_values(table)
    sums = rd.printed_sector_sums(table)
    assert len(values) == 3 * len(sums)
    for row in sums.itertuples():
        region = row.region.lower().replace(" ", "_")
        assert values[f"{region}_printed"] == f"{row.printed_sum:.1f}%"
        assert values[f"{region}_not_printed"] == f"{row.not_printed:.1f}"
        assert values[f"{region}_year"] == str(row.year)
    assert values["kazakhstan_printed"] == "98.0%" and values["kazakhstan_not_printed"] == "2.0"
    assert values["north_america_printed"] == "85.1%" and values["european_union_year"] == "1995"


def test_business_split_values_add_the_sub_rows(table):
    values = rd.business_split_values(table)
    assert values["in_house"] == "4.4%" and values["design_bureaus"] == "14.2%"
    assert values["business_split_verdict"] == "add up to"
    assert values["business_total"] == "18.6%"
    share = round(100 * _value(table, "Kazakhstan", "business_design_bureaus") / 18.6)
    assert values["design_bureaus_share_of_business"] == f"{share}%" == "76%"


def test_business_split_values_report_a_mismatch(table):
    broken = table.copy()
    broken.loc[broken["sector"] == "business_in_house", "value"] = 5.4
    values = rd.business_split_values(broken)
    assert values["business_split_verdict"] == "do not add up to"
    assert values["in_house"] == "5.4%"


def test_table1_chart_data_stacks_the_kazakh_business_split(table):
    data = rd.table1_chart_data(table)
    kz_business = data[(data["region"] == "Kazakhstan") & (data["sector"] == "business_enterprise")]
    assert kz_business["part"].tolist() == list(rd.BUSINESS_PARTS)
    assert kz_business["bottom"].tolist() == [0.0, _value(table, "Kazakhstan", "business_in_house")]
    assert kz_business["value"].sum() == pytest.approx(
        _value(table, "Kazakhstan", "business_enterprise")
    )
    others = data[(data["part"] == data["sector"])]
    assert len(others) == 3 * 3 - 1  # every region x sector but the split Kazakh business bar
    for row in others.itertuples():
        assert row.value == _value(table, row.region, row.sector) == row.total
        assert row.bottom == 0.0


def test_table1_chart_draws_the_data(table):
    data = rd.table1_chart_data(table)
    fig = rd.table1_chart(data)
    ax = fig.axes[0]
    bars = _bars(ax)
    assert len(bars) == len(data)
    for row in data.itertuples():
        bar = bars[f"{row.region}|{row.sector}|{row.part}"]
        assert bar.get_height() == pytest.approx(row.value)
        assert bar.get_y() == pytest.approx(row.bottom)
    assert bars["Kazakhstan|business_enterprise|business_design_bureaus"].get_hatch() == "//"
    ticks = [t.get_text() for t in ax.get_xticklabels()]
    assert ticks == ["Business enterprise", "Higher education", "Government"]
    assert "(%)" in ax.get_ylabel()
    totals = {t.get_gid(): t.get_text() for t in ax.texts if t.get_gid()}
    assert len(totals) == 9
    assert totals["total:Kazakhstan|business_enterprise"] == "18.6"
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert any("construction and design bureaus (KTB)" in t for t in legend)
    assert "North America, 1995" in legend


# --- the business-share gap -----------------------------------------------------------------


def test_business_gap_differences_and_ratios(table):
    gap = rd.business_gap(table).set_index("comparator")
    kz = _value(table, "Kazakhstan", "business_enterprise")
    for region in ("North America", "European Union"):
        other = _value(table, region, "business_enterprise")
        assert gap.loc[region, "difference_pp"] == pytest.approx(other - kz)
        assert gap.loc[region, "ratio"] == pytest.approx(other / kz)
    assert gap.loc["North America", "ratio"] == pytest.approx(59.3 / 18.6)
    assert gap.loc["European Union", "ratio"] == pytest.approx(52.5 / 18.6)
    view = rd.business_gap_view(gap.reset_index())
    assert view["Ratio (times Kazakhstan's share)"].tolist() == [3.19, 2.82]
    assert view["Difference (percentage points)"].tolist() == [40.7, 33.9]


def test_three_times_is_judged_from_the_ratios(table):
    gap = rd.business_gap(table)
    values = rd.three_times_values(gap)
    assert values["north_america_ratio"] == "3.19" and values["european_union_ratio"] == "2.82"
    assert values["north_america_share"] == "59.3%" and values["kazakhstan_share"] == "18.6%"
    assert values["north_america_difference"] == "40.7"
    assert values["european_union_difference"] == "33.9"
    assert values["three_times_verdict"].endswith("'three times lower' is a fair rounding")
    assert values["european_union_reading"] == "overstates"
    assert values["north_america_reading"] == "understates"
    stretched = rd.three_times_values(gap.assign(ratio=[3.6, 2.82]))
    assert stretched["three_times_verdict"].endswith("is not a fair rounding")
    assert stretched["north_america_ratio"] == "3.60"
    assert not any(isinstance(v, float) for v in values.values())  # prose() refuses floats


def test_year_note_shows_the_text_and_table_years():
    note = rd.year_note()
    assert "2000" in note and "2002" in note
    assert "'in Kazakhstan in 2000 of 18.6%'" in note


def test_table1_source_and_caption_come_from_the_data(table):
    source = rd.table1_source()
    assert source.startswith("Source: Radosevic & Myrzakhmet, Table 1. Data: data/table-01.csv")
    assert "OECD, 2000, and Statistical Office of Kazakhstan" in source
    caption = rd.table1_caption(rd.table1_chart_data(table))
    assert "Kazakhstan (2002), North America (1995) and the European Union (1995)" in caption
    assert "split into 4.4% for in-house business R&D" in caption
    assert "government in Kazakhstan (57.2%)" in caption
    assert "business enterprise in North America (59.3%)" in caption
