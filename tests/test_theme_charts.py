"""Charts as one figure: inline SVG, its caption as text alternative, and its downloads."""

from __future__ import annotations

import base64
import html
import io
import re
import xml.etree.ElementTree as ET
from urllib.parse import unquote

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from helpers import survey  # noqa: E402
from helpers.data.datapackage import load  # noqa: E402
from helpers.display import theme  # noqa: E402
from helpers.display.downloads import csv_text, file_stem  # noqa: E402

SVG = "{http://www.w3.org/2000/svg}svg"


def links(markup: str) -> dict[str, str]:
    """Download file name -> the link's decoded content (bytes) for every data: link."""
    found = {}
    for name, href in re.findall(r'download="([^"]+)" href="([^"]+)"', markup):
        href = html.unescape(href)
        head, payload = href.split(",", 1)
        found[html.unescape(name)] = (
            base64.b64decode(payload) if head.endswith(";base64") else unquote(payload).encode()
        )
    return found


@pytest.fixture(scope="module")
def employment() -> pd.DataFrame:
    return survey.employment_data(load("table-04"))


def park_chart(data: pd.DataFrame, **options) -> str:
    return theme.chart_html(
        survey.employment_chart(data),
        "Average <employment> by park.",
        "table-04",
        park_chart=True,
        data=data,
        **options,
    )


def test_a_chart_is_one_figure_whose_caption_is_its_text_alternative(employment):
    markup = park_chart(employment, table="table-04")
    assert markup.startswith('<figure class="tp-chart tp-park-chart" id="tp-chart-table-04">')
    assert markup.endswith("</figure>") and markup.count("<figure") == 1
    svg_tag = re.search(r"<svg [^>]*>", markup)[0]
    assert 'role="img"' in svg_tag and 'aria-labelledby="tp-chart-table-04-caption"' in svg_tag
    assert (
        '<figcaption class="tp-figcaption"><span id="tp-chart-table-04-caption">'
        "Average &lt;employment&gt; by park.</span>"
        ' <a href="#tp-table-table-04">The same numbers as a table</a>.</figcaption>'
    ) in markup
    # the links are described by the caption, so "SVG" is not heard alone
    assert markup.count('aria-describedby="tp-chart-table-04-caption"') == 3


def test_the_table_link_is_there_only_when_a_table_is_named(employment):
    assert "tp-table-" not in park_chart(employment)


def test_downloads_decode_to_the_chart_svg_and_the_data_csv(employment):
    markup = park_chart(employment)
    files = links(markup)
    assert set(files) == {"table-04-chart.svg", "table-04-chart.csv"}
    svg = files["table-04-chart.svg"].decode("utf-8")
    assert svg.startswith('<?xml version="1.0" encoding="utf-8" standalone="no"?>\n<svg ')
    assert ET.fromstring(svg).tag == SVG
    shown = re.search(r"<svg .*</svg>", markup, re.DOTALL)[0]
    assert svg.split("\n", 1)[1].rstrip("\n") == shown.replace(
        ' role="img" aria-labelledby="tp-chart-table-04-caption"'
        ' style="max-width: 100%; height: auto"',
        "",
    )  # the file is the chart shown
    data = files["table-04-chart.csv"].decode("utf-8")
    assert data == csv_text(employment)
    pd.testing.assert_frame_equal(pd.read_csv(io.StringIO(data)), employment)


def test_the_png_link_is_made_by_the_sites_script_and_hidden_without_it(employment):
    markup = park_chart(employment)
    assert (
        '<span data-tp-png hidden> · <a class="tp-download" href="#tp-chart-table-04" '
        'data-tp-png="table-04-chart.png"'
    ) in markup


def test_without_data_there_is_no_csv_link(employment):
    markup = theme.chart_html(survey.employment_chart(employment), "c", "table-04")
    assert "Data (CSV)" not in markup and "SVG</a>" in markup


def test_a_matrix_keeps_its_row_labels_in_the_csv():
    importance = survey.motives_matrix(load("table-08"))
    markup = theme.chart_html(
        survey.importance_chart(importance), "c", "table-08", park_chart=True, data=importance
    )
    csv = links(markup)["table-08-chart.csv"].decode()
    back = pd.read_csv(io.StringIO(csv), index_col=0)
    assert csv.startswith("group,") and back.index.tolist() == importance.index.tolist()
    pd.testing.assert_frame_equal(back, importance, check_names=False)


def test_two_renders_are_byte_identical(employment):
    assert park_chart(employment) == park_chart(employment)
    heat = survey.motives_matrix(load("table-08"))
    first = theme.chart_html(survey.importance_chart(heat), "c", "table-08", data=heat)
    assert first == theme.chart_html(survey.importance_chart(heat), "c", "table-08", data=heat)
    assert "<dc:date>" not in first and "Matplotlib v" not in first


def test_text_stays_text_with_fallback_fonts(employment):
    svg = theme.figure_svg(theme.add_source(survey.employment_chart(employment), "table-04"))
    assert "<text " in svg and "Source: Radosevic &amp; Myrzakhmet, Table 4." in svg
    assert "<use " not in svg  # no glyph outlines
    assert "font-family: 'DejaVu Sans', 'Bitstream Vera Sans', Verdana, sans-serif" in svg


def test_charts_on_one_page_share_no_ids_but_the_park_ids(employment):
    first = park_chart(employment)
    second = theme.chart_html(
        survey.activity_chart(survey.activity_data(load("table-05"))), "c", "table-05"
    )
    ids = [i for i in re.findall(r' id="([^"]+)"', first + second) if not i.startswith("tp--")]
    assert len(ids) == len(set(ids))
    # every reference inside a chart points at an id of that chart
    for markup in (first, second):
        own = set(re.findall(r' id="([^"]+)"', markup))
        referenced = set(re.findall(r'(?:url\(#|xlink:href="#)([^)"]+)', markup))
        assert referenced <= own


def test_the_park_ids_stay_for_the_choosers_style_sheet(employment):
    markup = park_chart(employment)
    assert 'id="tp--kgp--' in markup and 'id="tp--abi--' in markup


def test_a_chart_without_resources_is_named_by_its_caption():
    fig, ax = theme.new_figure()
    ax.bar(["a"], [1])
    markup = theme.chart_html(fig, "GERD <falls> since 2005", source="Sources: here")
    assert markup.startswith('<figure class="tp-chart" id="tp-chart-gerd-falls-since-2005">')
    assert 'download="gerd-falls-since-2005-chart.svg"' in markup
    assert "<falls>" not in markup


def test_file_stem_is_plain():
    assert file_stem('Table 8: Motives <for> "entry"') == "table-8-motives-for-entry"
    assert file_stem("<>", "chart") == "chart"
