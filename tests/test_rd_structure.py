"""Chapter 2: Table 1, the business-share gap and the 'since the paper' figures."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.patches import Rectangle  # noqa: E402

from helpers import load  # noqa: E402
from helpers import rd_structure as rd
from helpers.tables import html_table  # noqa: E402
from helpers.theme import show_chart  # noqa: E402


@pytest.fixture
def table() -> pd.DataFrame:
    return load("table-01")


@pytest.fixture
def since() -> pd.DataFrame:
    return load("rd-since")


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


def test_unprinted_share_note_names_each_sum(table):
    note = rd.unprinted_share_note(table)
    for row in rd.printed_sector_sums(table).itertuples():
        assert f"{row.printed_sum:.1f}% in" in note and f"{row.not_printed:.1f} points" in note
    assert "not 100%" in note and "the European Union (1995)" in note


def test_business_split_check_adds_the_sub_rows(table):
    sentence = rd.business_split_check(table)
    assert "4.4% for in-house" in sentence and "14.2% for construction" in sentence
    assert " add up to the printed business total of 18.6%" in sentence
    share = round(100 * _value(table, "Kazakhstan", "business_design_bureaus") / 18.6)
    assert f"design bureaus perform {share}%" in sentence


def test_business_split_check_reports_a_mismatch(table):
    broken = table.copy()
    broken.loc[broken["sector"] == "business_in_house", "value"] = 5.4
    assert "do not add up to" in rd.business_split_check(broken)


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
    verdict = rd.three_times_verdict(gap)
    assert "3.19 times" in verdict and "2.82 times" in verdict
    assert "is a fair rounding" in verdict
    assert "overstates the gap with the European Union (2.82)" in verdict
    stretched = gap.assign(ratio=[3.6, 2.82])
    unfair = rd.three_times_verdict(stretched)
    assert "not a fair rounding for North America" in unfair
    assert "is a fair rounding" not in unfair


def test_year_note_shows_the_text_and_table_years():
    note = rd.year_note()
    assert "2000" in note and "2002" in note
    html = rd.note_box(note).data
    assert 'class="tp-note"' in html and "&#x27;in Kazakhstan in 2000" in html


# --- since the paper ------------------------------------------------------------------------


def test_rd_since_rows_all_cite_a_source_and_leave_out_the_unconfirmed_split(since):
    assert since["source"].notna().all()
    kazakh_shares = since[
        (since["region"] == "Kazakhstan") & (since["indicator"] == "share_of_gerd_performed")
    ]
    assert kazakh_shares.empty  # the 2011 UNESCO split may be by funder: not stored
    shares = since[since["indicator"] == "share_of_gerd_performed"]
    for _, group in shares.groupby("region"):
        assert group["value"].sum() == pytest.approx(100, abs=0.15)  # rounding only


def test_business_then_and_now_data(table, since):
    data = rd.business_then_and_now_data(since, table)
    assert data["from_paper"].tolist() == [True] + [False] * 5
    assert data.iloc[0]["value"] == _value(table, "Kazakhstan", "business_enterprise")
    assert data.iloc[0]["year"] == 2002
    later = since[
        (since["indicator"] == "share_of_gerd_performed")
        & (since["sector"] == "business_enterprise")
    ]
    assert data.iloc[1:]["value"].tolist() == later["value"].tolist()
    assert data.iloc[1:]["region"].tolist() == [
        "OECD total",
        "EU27",
        "United States",
        "Korea",
        "Russia",
    ]
    assert data.set_index("region").loc["Russia", "year"] == 2020


def test_business_then_and_now_chart_labels_sources_and_years(table, since):
    data = rd.business_then_and_now_data(since, table)
    fig = rd.business_then_and_now_chart(data)
    ax = fig.axes[0]
    bars = _bars(ax)
    for row in data.itertuples():
        assert bars[f"{row.region}|{row.year}"].get_width() == pytest.approx(row.value)
    ticks = [t.get_text() for t in ax.get_yticklabels()]
    assert "Kazakhstan, 2002\n(the paper, Table 1)" in ticks
    assert "Russia, 2020\n(OECD MSTI)" in ticks
    assert bars["Kazakhstan|2002"].get_facecolor() != bars["Korea|2023"].get_facecolor()
    assert "(%)" in ax.get_xlabel()


def test_business_then_and_now_sentence(table, since):
    sentence = rd.business_then_and_now_sentence(rd.business_then_and_now_data(since, table))
    assert "18.6% of Kazakh GERD in 2002 (Table 1)" in sentence
    assert "from 56.6% (Russia, 2020) to 79.2% (Korea, 2023)" in sentence
    assert "not as a trend" in sentence


def test_since_shares_view(since):
    view = rd.since_shares_view(since)
    assert view["Region"].tolist() == ["OECD total", "EU27", "United States", "Korea", "Russia"]
    korea = view.set_index("Region").loc["Korea"]
    assert korea["Business enterprise (% of GERD)"] == 79.2
    assert korea["Sum of the four (%)"] == pytest.approx(100.0)
    assert view.set_index("Region").loc["Russia", "Sum of the four (%)"] == pytest.approx(99.9)
    assert view["Source"].str.startswith("OECD Main Science").all()


def test_gerd_gdp_data_and_chart(since):
    data = rd.gerd_gdp_data(since)
    gerd = data[data["indicator"] == "gerd_percent_of_gdp"]
    assert gerd["year"].tolist() == [2005, 2009, 2013]
    assert gerd["value"].tolist() == [0.28, 0.23, 0.18]
    fig = rd.gerd_gdp_chart(data)
    ax = fig.axes[0]
    lines = {line.get_gid(): line for line in ax.get_lines()}
    assert list(lines["gerd_percent_of_gdp"].get_ydata()) == [0.28, 0.23, 0.18]
    assert list(lines["business_rd_percent_of_gdp"].get_xdata()) == [2013]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2005", "2009", "2013"]
    assert ax.get_ylabel() == "Per cent of GDP"
    assert sorted(t.get_text() for t in ax.texts) == ["0.05", "0.18", "0.23", "0.28"]


def test_gerd_trend_sentence_cites_the_source(since):
    sentence = rd.gerd_trend_sentence(rd.gerd_gdp_data(since))
    assert sentence.startswith("Kazakhstan's gross domestic expenditure on R&D fell from 0.28%")
    assert "Business R&D was 0.05% of GDP in 2013." in sentence
    assert sentence.endswith("Source: UNESCO Science Report 2015, Kazakhstan chapter.")


def test_since_source_line_and_sourced_chart(monkeypatch, since):
    shown = []
    monkeypatch.setattr("IPython.display.display", lambda obj: shown.append(obj))
    data = rd.gerd_gdp_data(since)
    line = rd.since_source_line(data, "data/rd-since.csv")
    assert line == (
        "Sources: UNESCO Science Report 2015, Kazakhstan chapter. Data: data/rd-since.csv"
    )
    fig = rd.gerd_gdp_chart(data)
    show_chart(fig, "GERD <falls>", source=line)
    assert shown[0].data[:8] == b"\x89PNG\r\n\x1a\n"  # the chart, rendered as PNG
    assert fig.texts[-1].get_text() == line
    assert "GERD &lt;falls&gt;" in shown[1].data


def test_table1_source_and_caption_come_from_the_data(table):
    source = rd.table1_source()
    assert source.startswith("Source: Radosevic & Myrzakhmet, Table 1. Data: data/table-01.csv")
    assert "OECD, 2000, and Statistical Office of Kazakhstan" in source
    caption = rd.table1_caption(rd.table1_chart_data(table))
    assert "Kazakhstan (2002), North America (1995) and the European Union (1995)" in caption
    assert "split into 4.4% for in-house business R&D" in caption
    assert "government in Kazakhstan (57.2%)" in caption
    assert "business enterprise in North America (59.3%)" in caption


def test_then_and_now_caption_and_paragraph(table, since):
    data = rd.business_then_and_now_data(since, table)
    caption = rd.business_then_and_now_caption(data)
    assert (
        caption.startswith("Horizontal bars") and rd.business_then_and_now_sentence(data) in caption
    )
    assert rd.paragraph("a < b").data == "<p>a &lt; b</p>"


def test_sourced_chart_wraps_a_long_source_line(monkeypatch, since, table):
    monkeypatch.setattr("IPython.display.display", lambda obj: None)
    data = rd.business_then_and_now_data(since, table)
    line = rd.since_source_line(data, "data/table-01.csv", "data/rd-since.csv")
    fig = rd.business_then_and_now_chart(data)
    width = int(fig.get_figwidth() * 16)
    assert len(line) > width
    show_chart(fig, "caption", source=line)
    shown = fig.texts[-1].get_text()
    assert " ".join(shown.split()) == line
    assert all(len(part) <= width for part in shown.split("\n"))
