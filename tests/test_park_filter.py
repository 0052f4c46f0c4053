"""Selections by park: parsing hostile input, views, downloads and chart highlighting."""

from __future__ import annotations

import io
import re
from urllib.parse import unquote_to_bytes

import pandas as pd
import pytest

from helpers import park_filter as pf
from helpers.parks import park_codes, park_label
from helpers.survey import SECTIONS

PARKS = park_codes()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (None, pf.ALL_PARKS),
        ("", pf.ALL_PARKS),
        ("?park=KGP", pf.Selection(focus="KGP")),
        ("park=kgp", pf.Selection(focus="KGP")),
        ("?compare=KGP,ABI", pf.Selection(compare=("ABI", "KGP"))),
        ("?compare=ABI,KGP&park=PPV", pf.Selection(compare=("ABI", "KGP"))),
        ("?compare=ABI&park=PPV", pf.Selection(focus="PPV")),
        ("?compare=ABI", pf.Selection(focus="ABI")),
        ("?park=XYZ", pf.ALL_PARKS),
        ("?park=<script>alert(1)</script>", pf.ALL_PARKS),
        ("?park=KGP%22%3E%3Cscript%3E", pf.ALL_PARKS),
        ("?compare=ABI,../../etc,KGP", pf.Selection(compare=("ABI", "KGP"))),
        ("?park=" + "A" * 500, pf.ALL_PARKS),
        ("?%%%=&&", pf.ALL_PARKS),
    ],
)
def test_selection_from_query_accepts_only_park_codes(query, expected):
    assert pf.selection_from_query(query) == expected


@pytest.mark.parametrize(
    ("focus", "compare", "expected"),
    [
        ("ALL", [], pf.ALL_PARKS),
        ("KGP", [], pf.Selection(focus="KGP")),
        ("KGP", ["ABI", "PPV"], pf.Selection(compare=("ABI", "PPV"))),
        ("KGP", ["ABI"], pf.Selection(focus="KGP")),
        (42, None, pf.ALL_PARKS),
        ({"x": 1}, "ABI,KGP", pf.ALL_PARKS),
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
    assert pf.ALL_PARKS.query() == "" and pf.ALL_PARKS.slug() == "all-parks"
    assert "Karaganda Technopark (KGP)" in focus.describe()


@pytest.mark.parametrize("park", PARKS)
def test_every_park_focus_shows_its_figures_or_says_none(park):
    selection = pf.Selection(focus=park)
    for name in pf.park_sections():
        html = pf.section_html(name, selection)
        reported = SECTIONS[name] and park in pf.view_rows(name, selection)["park"].tolist()
        if reported:
            assert "tp-highlight" in html or name == "table-02", name
            assert "reports no data" not in html
        else:
            assert f"reports no data for {park_label(park)}" in html


def test_kgp_identity_card_and_employment():
    selection = pf.Selection(focus="KGP")
    card = pf.section_html("table-02", selection)
    assert "Karaganda Technopark (KGP)" in card and ">16<" in card  # tenants as of 2004
    assert "Almaty Technopark" not in card  # the card of the chosen park only
    employment = pf.section_html("table-04", selection)
    row = re.search(r'<tr class="tp-highlight">(.*?)</tr>', employment).group(1)
    assert "Karaganda Technopark (KGP)" in row and ">337<" in row
    assert "All technoparks" in employment  # the average stays for comparison


def test_focus_highlights_rows_with_labelled_prefix():
    html = pf.section_html("table-08", pf.Selection(focus="ATP"))
    rows = re.findall(r'<tr class="tp-highlight"><td class="text">(.*?)</td>', html)
    assert rows == ["Almaty Technopark (ATP): mean importance (1-5)"]


def test_compare_mode_shows_only_compared_parks_side_by_side():
    selection = pf.Selection(compare=("ABI", "KGP"))
    html = pf.section_html("table-04", selection)
    assert "Almaty Business Incubator (ABI)" in html and "Karaganda Technopark (KGP)" in html
    assert "Almaty Technopark (ATP)" not in html and "tp-highlight" not in html
    card = pf.section_html("table-02", selection)
    assert card.count("<th ") == 3  # attribute column + two parks


def test_all_parks_view_highlights_nothing_and_reports_nothing_missing():
    for name in pf.park_sections():
        html = pf.section_html(name, pf.ALL_PARKS)
        assert "tp-highlight" not in html and "reports no data" not in html


def test_download_holds_the_rows_behind_the_view():
    selection = pf.Selection(focus="KGP")
    assert pf.download_name("table-07", selection) == "table-07_KGP.csv"
    frame = pd.read_csv(io.BytesIO(pf.csv_bytes("table-07", selection)), keep_default_na=False)
    assert set(frame["park"]) == {"KGP", ""}
    assert "printed" in frame.columns and "source" in frame.columns
    link = pf.download_link("table-07", selection)
    payload = re.search(r'href="data:text/csv;charset=utf-8,([^"]+)"', link).group(1)
    assert unquote_to_bytes(payload) == pf.csv_bytes("table-07", selection)
    assert "\n" not in payload and "%0A" in payload  # one line per row, encoded
    assert 'download="table-07_KGP.csv"' in link
    assert pf.download_name("table-05", pf.ALL_PARKS) == "table-05_all-parks.csv"
    assert len(pf.view_rows("table-05", pf.ALL_PARKS)) == 24


def test_chart_svg_is_tagged_by_park_and_deterministic():
    svg = pf.chart_svg("table-04")
    assert svg.startswith("<svg")
    for code in ("abi", "atp", "kgp", "ppv"):
        assert f'id="tp--{code}--' in svg
    assert 'id="tp--kst--' not in svg  # Table 4 has no Kostanai
    pf.chart_svg.cache_clear()
    assert pf.chart_svg("table-04") == svg
    assert "<dc:date>" not in svg


def test_chart_style_fades_other_parks_only_when_selected():
    assert pf.chart_style(pf.ALL_PARKS) == ""
    css = pf.chart_style(pf.Selection(compare=("ABI", "KGP")))
    assert '[id^="tp--"] { opacity: 0.25; }' in css
    assert '[id*="tp--abi--"]' in css and '[id*="tp--kgp--"]' in css
    assert "atp" not in css


def test_link_never_echoes_raw_input():
    selection = pf.selection_from_query('?park=KGP"><script>alert(1)</script>')
    html = pf.link_html(selection)
    assert "script" not in html and 'href="?"' in html
    assert 'href="?park=KGP"' in pf.link_html(pf.Selection(focus="KGP"))
