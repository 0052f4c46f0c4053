"""Selections by park: parsing hostile input, views, downloads and chart highlighting."""

from __future__ import annotations

import io
import re
from urllib.parse import unquote_to_bytes

import pandas as pd
import pytest

from helpers import survey
from helpers.data.datapackage import load
from helpers.data.parks import park_codes, park_label
from helpers.display import park_filter as pf

PARKS = park_codes()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (None, pf.EVERY_PARK),
        ("", pf.EVERY_PARK),
        ("?park=KGP", pf.Selection(focus="KGP")),
        ("park=kgp", pf.Selection(focus="KGP")),
        ("?compare=KGP,ABI", pf.Selection(compare=("ABI", "KGP"))),
        ("?compare=ABI,KGP&park=PPV", pf.Selection(compare=("ABI", "KGP"))),
        ("?compare=ABI&park=PPV", pf.Selection(focus="PPV")),
        ("?compare=ABI", pf.Selection(focus="ABI")),
        ("?park=XYZ", pf.EVERY_PARK),
        ("?park=<script>alert(1)</script>", pf.EVERY_PARK),
        ("?park=KGP%22%3E%3Cscript%3E", pf.EVERY_PARK),
        ("?compare=ABI,../../etc,KGP", pf.Selection(compare=("ABI", "KGP"))),
        ("?park=" + "A" * 500, pf.EVERY_PARK),
        ("?%%%=&&", pf.EVERY_PARK),
    ],
)
def test_selection_from_query_accepts_only_park_codes(query, expected):
    assert pf.selection_from_query(query) == expected


@pytest.mark.parametrize(
    ("focus", "compare", "expected"),
    [
        ("ALL", [], pf.EVERY_PARK),
        ("KGP", [], pf.Selection(focus="KGP")),
        ("KGP", ["ABI", "PPV"], pf.Selection(compare=("ABI", "PPV"))),
        ("KGP", ["ABI"], pf.Selection(focus="KGP")),
        (42, None, pf.EVERY_PARK),
        ({"x": 1}, "ABI,KGP", pf.EVERY_PARK),
        ("<b>", ["<i>", "KST"], pf.Selection(focus="KST")),
    ],
)
def test_selection_from_widget_values_validates(focus, compare, expected):
    assert pf.selection_from_values(focus, compare) == expected


def test_selection_properties():
    compare = pf.Selection(focus="KST", compare=("ABI", "KGP"))
    assert compare.parks == ("ABI", "KGP") and compare.is_comparison
    assert compare.query() == "?compare=ABI,KGP" and compare.slug() == "ABI-KGP"
    focus = pf.Selection(focus="KGP", compare=("ABI",))
    assert focus.parks == ("KGP",) and focus.query() == "?park=KGP"
    assert pf.EVERY_PARK.query() == "" and pf.EVERY_PARK.slug() == "all-parks"
    assert "Karaganda Technopark (KGP)" in focus.describe()


# The survey's tables whose rows (or, for Table 2, columns) are parks, and their views.
PARK_TABLES = {
    "table-02": survey.identity_card,
    "table-04": survey.employment_view,
    "table-05": survey.activity_view,
    "table-07": survey.sales_view,
    "table-08": survey.motives_view,
    "table-09": survey.barriers_view,
    "table-12": survey.services_view,
}


def section(name: str, selection: pf.Selection) -> str:
    """A park table's HTML for a selection, as the survey chapter builds it."""
    return pf.section_html(
        name, load(name), PARK_TABLES[name], selection, parks_as_columns=name == "table-02"
    )


@pytest.mark.parametrize("park", PARKS)
def test_every_park_focus_shows_its_figures_or_says_none(park):
    selection = pf.Selection(focus=park)
    for name in PARK_TABLES:
        html = section(name, selection)
        reported = park in pf.view_rows(load(name), selection)["park"].tolist()
        if reported:
            assert "tp-highlight" in html or name == "table-02", name
            assert "reports no data" not in html
        else:
            assert f"reports no data for {park_label(park)}" in html


def test_kgp_identity_card_and_employment():
    selection = pf.Selection(focus="KGP")
    card = section("table-02", selection)
    assert "Karaganda Technopark (KGP)" in card and ">16<" in card  # tenants as of 2004
    assert "Almaty Technopark" not in card  # the card of the chosen park only
    employment = section("table-04", selection)
    row = re.search(r'<tr class="tp-highlight">(.*?)</tr>', employment).group(1)
    assert "Karaganda Technopark (KGP)" in row and ">337<" in row
    assert "All technoparks" in employment  # the average stays for comparison


def test_focus_highlights_rows_with_labelled_prefix():
    html = section("table-08", pf.Selection(focus="ATP"))
    rows = re.findall(r'<tr class="tp-highlight"><td class="text">(.*?)</td>', html)
    assert rows == ["Almaty Technopark (ATP): mean importance (1-5)"]


def test_compare_mode_shows_only_compared_parks_side_by_side():
    selection = pf.Selection(compare=("ABI", "KGP"))
    html = section("table-04", selection)
    assert "Almaty Business Incubator (ABI)" in html and "Karaganda Technopark (KGP)" in html
    assert "Almaty Technopark (ATP)" not in html and "tp-highlight" not in html
    card = section("table-02", selection)
    assert card.count("<th ") == 3  # attribute column + two parks


def test_all_parks_view_highlights_nothing_and_reports_nothing_missing():
    for name in PARK_TABLES:
        html = section(name, pf.EVERY_PARK)
        assert "tp-highlight" not in html and "reports no data" not in html


def test_download_holds_the_rows_behind_the_view():
    selection = pf.Selection(focus="KGP")
    assert pf.download_name("table-07", selection) == "table-07_KGP.csv"
    frame = pd.read_csv(
        io.BytesIO(pf.csv_bytes(load("table-07"), selection)), keep_default_na=False
    )
    assert set(frame["park"]) == {"KGP", ""}
    assert "printed" in frame.columns and "source" in frame.columns
    link = pf.download_link("table-07", load("table-07"), selection)
    payload = re.search(r'href="data:text/csv;charset=utf-8,([^"]+)"', link).group(1)
    assert unquote_to_bytes(payload) == pf.csv_bytes(load("table-07"), selection)
    assert "\n" not in payload and "%0A" in payload  # one line per row, encoded
    assert 'download="table-07_KGP.csv"' in link
    assert pf.download_name("table-05", pf.EVERY_PARK) == "table-05_all-parks.csv"
    assert len(pf.view_rows(load("table-05"), pf.EVERY_PARK)) == 24


def test_park_chart_svg_is_tagged_by_park_and_deterministic():
    from helpers.display.theme import add_source, figure_svg

    def draw() -> str:
        figure = survey.employment_chart(survey.employment_data(load("table-04")))
        return figure_svg(add_source(figure, "table-04"))

    svg = draw()
    assert svg.startswith("<svg")
    for code in ("abi", "atp", "kgp", "ppv"):
        assert f'id="tp--{code}--' in svg
    assert 'id="tp--kst--' not in svg  # Table 4 has no Kostanai
    assert draw() == svg
    assert "<dc:date>" not in svg


def test_chart_style_fades_other_parks_only_when_selected():
    assert pf.chart_style(pf.EVERY_PARK) == ""
    css = pf.chart_style(pf.Selection(compare=("ABI", "KGP")))
    others = '.tp-park-chart [id^="tp--"]:not([id*="tp--abi--"]):not([id*="tp--kgp--"])'
    assert f"{others} > :not(text) {{ opacity: 0.25; }}" in css
    assert f"{others} > text {{ fill: #767676 !important; }}" in css
    assert "atp" not in css


def test_link_never_echoes_raw_input():
    selection = pf.selection_from_query('?park=KGP"><script>alert(1)</script>')
    html = pf.link_html(selection)
    assert "script" not in html and 'href="?"' in html
    assert 'href="?park=KGP"' in pf.link_html(pf.Selection(focus="KGP"))
