"""The park filter of the survey chapter, in a real browser (Voila + Chromium)."""

from __future__ import annotations

import io
import re

import pandas as pd
import pytest

from helpers import park_filter as pf
from helpers.datapackage import load
from helpers.parks import park_codes, park_label
from helpers.recompute import cell

CHAPTER = "voila/render/03_park_survey.ipynb"


def open_survey(watched, app_url: str, query: str = ""):
    page = watched.page
    page.goto(f"{app_url}{CHAPTER}{query}")
    # Settled: the controls are drawn and the last cell (the URL preselection) has run.
    page.wait_for_selector(".widget-dropdown select", timeout=90_000)
    page.wait_for_function(
        "document.querySelectorAll('.tp-chapter-nav').length > 0 "
        "&& !document.body.innerText.includes('Loading widget')",
        timeout=90_000,
    )
    return page


def block(page, number: int) -> str:
    """Text of the widget holding Table <number> (its caption, table and notes)."""
    return page.locator(".widget-html-content", has_text=f"Table {number}: ").first.inner_text()


def select_park(page, code: str) -> None:
    label = "All parks" if code == "ALL" else park_label(code)
    page.select_option(".widget-dropdown select", label=label)
    page.wait_for_function(
        "text => document.body.innerText.includes(text)",
        arg=f"Showing: {label}",
        timeout=10_000,
    )


def chosen_park(page) -> str:
    # ipywidgets renders spaces in option labels as no-break spaces
    text = page.eval_on_selector(".widget-dropdown select", "s => s.selectedOptions[0].text")
    return text.replace("\xa0", " ")


def tenants_2004(code: str) -> int:
    return int(cell(load("table-02"), park=code, attribute="tenants_2004")["value"])


def test_every_park_shows_its_own_numbers(watched, app_url):
    page = open_survey(watched, app_url)
    employment = load("table-04")
    for code in park_codes():
        select_park(page, code)
        card = block(page, 2)
        assert park_label(code) in card
        assert re.search(rf"Tenants as of 2004\s+{tenants_2004(code)}\b", card), card
        table_4 = block(page, 4)
        rows = employment[(employment["park"] == code) & (employment["measure"] == "total")]
        if rows.empty:
            assert f"Table 4 reports no data for {park_label(code)}." in table_4
        else:
            highlighted = page.locator(".widget-html-content", has_text="Table 4: ").locator(
                "tr.tp-highlight"
            )
            assert f"{rows['value'].item():.0f}" in highlighted.inner_text()
    select_park(page, "ALL")
    assert "Almaty Technopark (ATP)" in block(page, 2)


def test_karaganda_shows_16_tenants_and_337_employees(watched, app_url):
    page = open_survey(watched, app_url)
    select_park(page, "KGP")
    assert re.search(r"Tenants as of 2004\s+16\b", block(page, 2))
    highlighted = page.locator(".widget-html-content", has_text="Table 4: ").locator(
        "tr.tp-highlight"
    )
    assert "Karaganda Technopark (KGP)" in highlighted.inner_text()
    assert "337" in highlighted.inner_text()
    # The chart fades the other parks through the page's style sheet.
    faded = page.evaluate(
        "() => getComputedStyle(document.querySelector('#tp-chart-table-04 [id^=\"tp--abi--\"]'))"
        ".opacity"
    )
    kept = page.evaluate(
        "() => getComputedStyle(document.querySelector('#tp-chart-table-04 [id^=\"tp--kgp--\"]'))"
        ".opacity"
    )
    assert (float(faded), float(kept)) == (pf.FADED_OPACITY, 1.0)


def test_missing_data_is_said_in_words(watched, app_url):
    page = open_survey(watched, app_url)
    select_park(page, "KST")
    assert "Table 7 reports no data for Kostanai Technopark (KST)." in block(page, 7)
    assert "Table 12 reports no data for Kostanai Technopark (KST)." in page.inner_text("body")


def test_url_preselects_a_park(watched, app_url):
    page = open_survey(watched, app_url, "?park=KGP")
    assert chosen_park(page) == "Karaganda Technopark (KGP)"
    assert "Showing: Karaganda Technopark (KGP)" in page.inner_text("body")
    card = block(page, 2)
    assert "Karaganda Technopark (KGP)" in card and "Almaty Technopark" not in card


def test_url_preselects_a_comparison(watched, app_url):
    page = open_survey(watched, app_url, "?compare=ABI,KGP")
    table_4 = block(page, 4)
    assert "Almaty Business Incubator (ABI)" in table_4 and "Karaganda Technopark (KGP)" in table_4
    assert "Almaty Technopark (ATP)" not in table_4
    selected = page.eval_on_selector(
        ".widget-select-multiple select", "s => [...s.selectedOptions].map(o => o.text)"
    )
    selected = [text.replace("\xa0", " ") for text in selected]
    assert selected == ["Almaty Business Incubator (ABI)", "Karaganda Technopark (KGP)"]


@pytest.mark.parametrize(
    "query",
    ['?park="><img src=x onerror=alert(1)>', "?park=ZZZ&compare=<script>evil()</script>"],
)
def test_hostile_query_is_ignored_and_not_echoed(watched, app_url, query):
    page = open_survey(watched, app_url, query)
    assert chosen_park(page) == "All parks"
    text = page.inner_text("body")
    assert "Showing: All parks" in text
    for fragment in ("onerror", "alert(1)", "evil()", "ZZZ"):
        assert fragment not in text
    assert page.locator("img[src=x]").count() == 0


def test_download_is_the_data_behind_the_view(watched, app_url):
    page = open_survey(watched, app_url)
    select_park(page, "KGP")
    link = page.locator("a.tp-download", has_text="table-07_KGP.csv")
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == "table-07_KGP.csv"
    frame = pd.read_csv(download.value.path())
    assert set(frame["park"].dropna()) == {"KGP"}
    assert frame.equals(pd.read_csv(io.BytesIO(pf.csv_bytes("table-07", pf.Selection("KGP")))))


def test_timeline_follows_the_park_in_the_url(watched, app_url):
    page = watched.page
    page.goto(f"{app_url}voila/render/01_literature.ipynb?park=KGP")
    page.wait_for_selector("tr.tp-highlight", timeout=90_000)
    rows = page.locator("tr.tp-highlight").all_inner_texts()
    assert len(rows) == 1 and "Karaganda Technopark (KGP)" in rows[0]
    assert "Karaganda Technopark (KGP): 1 dated event in the timeline" in page.inner_text("body")
