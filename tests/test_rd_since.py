"""Chapter 2, "Since the paper": later figures on Kazakh R&D beside Table 1."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.patches import Rectangle  # noqa: E402

from helpers import load  # noqa: E402
from helpers import rd_since as rs  # noqa: E402
from helpers.display.theme import show_chart  # noqa: E402


@pytest.fixture
def table() -> pd.DataFrame:
    return load("table-01")


@pytest.fixture
def since() -> pd.DataFrame:
    return load("rd-since")


def _bars(ax) -> dict[str, Rectangle]:
    return {p.get_gid(): p for p in ax.patches if isinstance(p, Rectangle) and p.get_gid()}


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
    data = rs.business_then_and_now_data(since, table)
    assert data["from_paper"].tolist() == [True] + [False] * 5
    kazakh = table[(table["region"] == "Kazakhstan") & (table["sector"] == "business_enterprise")]
    assert data.iloc[0]["value"] == kazakh["value"].item() == 18.6
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
    data = rs.business_then_and_now_data(since, table)
    fig = rs.business_then_and_now_chart(data)
    ax = fig.axes[0]
    bars = _bars(ax)
    for row in data.itertuples():
        assert bars[f"{row.region}|{row.year}"].get_width() == pytest.approx(row.value)
    ticks = [t.get_text() for t in ax.get_yticklabels()]
    assert "Kazakhstan, 2002\n(the paper, Table 1)" in ticks
    assert "Russia, 2020\n(OECD MSTI)" in ticks
    assert bars["Kazakhstan|2002"].get_facecolor() != bars["Korea|2023"].get_facecolor()
    assert "(%)" in ax.get_xlabel()


def test_business_then_and_now_caption_reads_the_range(table, since):
    caption = rs.business_then_and_now_caption(rs.business_then_and_now_data(since, table))
    assert caption.startswith("Horizontal bars of the share of GERD performed by business")
    assert "18.6% of Kazakh GERD in 2002 (Table 1)" in caption
    assert "In the later OECD figures (2020 and 2023)" in caption
    assert "from 56.6% (Russia, 2020) to 79.2% (Korea, 2023)" in caption
    assert caption.endswith("not as a trend.")


def test_shares_view(since):
    view = rs.shares_view(since)
    assert view["Region"].tolist() == ["OECD total", "EU27", "United States", "Korea", "Russia"]
    korea = view.set_index("Region").loc["Korea"]
    assert korea["Business enterprise (% of GERD)"] == 79.2
    assert korea["Sum of the four (%)"] == pytest.approx(100.0)
    assert view.set_index("Region").loc["Russia", "Sum of the four (%)"] == pytest.approx(99.9)
    assert view["Source"].str.startswith("OECD Main Science").all()


def test_gerd_gdp_data_and_chart(since):
    data = rs.gerd_gdp_data(since)
    gerd = data[data["indicator"] == "gerd_percent_of_gdp"]
    assert gerd["year"].tolist() == [2005, 2009, 2013]
    assert gerd["value"].tolist() == [0.28, 0.23, 0.18]
    fig = rs.gerd_gdp_chart(data)
    ax = fig.axes[0]
    lines = {line.get_gid(): line for line in ax.get_lines()}
    assert list(lines["gerd_percent_of_gdp"].get_ydata()) == [0.28, 0.23, 0.18]
    assert list(lines["business_rd_percent_of_gdp"].get_xdata()) == [2013]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2005", "2009", "2013"]
    assert ax.get_ylabel() == "Per cent of GDP"
    assert sorted(t.get_text() for t in ax.texts) == ["0.05", "0.18", "0.23", "0.28"]


def test_gerd_gdp_caption_gives_the_trend_and_cites_the_source(since):
    sentence = rs.gerd_gdp_caption(rs.gerd_gdp_data(since))
    assert sentence.startswith("Kazakhstan's gross domestic expenditure on R&D fell from 0.28%")
    assert (
        "between 2005 and 2013 (0.28% in 2005, then 0.23% in 2009, then 0.18% in 2013)" in sentence
    )
    assert "Business R&D was 0.05% of GDP in 2013." in sentence
    assert sentence.endswith("Source: UNESCO Science Report 2015, Kazakhstan chapter.")


def test_source_line_and_sourced_chart(monkeypatch, since):
    shown = []
    monkeypatch.setattr("IPython.display.display", lambda obj: shown.append(obj))
    data = rs.gerd_gdp_data(since)
    line = rs.source_line(data, "data/rd-since.csv")
    assert line == (
        "Sources: UNESCO Science Report 2015, Kazakhstan chapter. Data: data/rd-since.csv"
    )
    fig = rs.gerd_gdp_chart(data)
    show_chart(fig, "GERD <falls>", source=line)
    (figure,) = shown  # the chart (SVG), its caption and downloads: one figure
    assert figure.data.startswith('<figure class="tp-chart"') and "<svg" in figure.data
    assert fig.texts[-1].get_text() == line
    assert "GERD &lt;falls&gt;" in figure.data


def test_sourced_chart_wraps_a_long_source_line(monkeypatch, since, table):
    monkeypatch.setattr("IPython.display.display", lambda obj: None)
    data = rs.business_then_and_now_data(since, table)
    line = rs.source_line(data, "data/table-01.csv", "data/rd-since.csv")
    fig = rs.business_then_and_now_chart(data)
    width = int(fig.get_figwidth() * 16)
    assert len(line) > width
    show_chart(fig, "caption", source=line)
    shown = fig.texts[-1].get_text()
    assert " ".join(shown.split()) == line
    assert all(len(part) <= width for part in shown.split("\n"))
