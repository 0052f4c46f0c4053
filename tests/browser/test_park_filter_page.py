"""Filters in a real browser: the app (Voila + Chromium) and the static edition alike.

Every filter runs in the reader's browser once the page is drawn, so the same checks run
against the app and against the static edition served by a plain file server.  The app
is also checked with its reader's kernel killed, and culled.
"""

from __future__ import annotations

import io
import os
import re
import signal
from pathlib import Path
from urllib.parse import urlsplit

import pandas as pd
import pytest

from helpers.data.datapackage import load
from helpers.data.parks import park_codes, park_label
from helpers.data.recompute import cell
from helpers.display import park_filter as pf
from tools.voila_server import kernel_pids, voila

from .conftest import PAGES, wait_until_drawn
from .conftest import open_chapter as open_any_chapter


def settle(page) -> None:
    """The chapter is drawn, its park chooser included."""
    page.wait_for_selector(".tp-chooser select", timeout=90_000)
    wait_until_drawn(page)


def open_chapter(page, edition, stem: str, query: str = ""):
    settle(open_any_chapter(page, edition, stem, query))
    return page


def view(page, number: int) -> str:
    """Text of the view holding Table <number> (notes, table, download link)."""
    return page.locator(".tp-switched-view", has_text=f"Table {number}: ").first.inner_text()


def status(page) -> str:
    return page.locator(".tp-switched-view[aria-live=polite]").first.inner_text()


def choose_park(page, code: str) -> None:
    page.get_by_label("Park", exact=True).select_option(code)
    label = "All parks" if code == "ALL" else park_label(code)
    page.wait_for_function(
        "text => document.body.innerText.includes(text)", arg=f"Showing: {label}", timeout=5_000
    )


def tick(page, code: str, checked: bool = True) -> None:
    page.get_by_role("checkbox", name=park_label(code)).set_checked(checked)


def tenants_2004(code: str) -> int:
    return int(cell(load("table-02"), park=code, attribute="tenants_2004")["value"])


def check_every_park(page) -> None:
    employment = load("table-04")
    for code in park_codes():
        choose_park(page, code)
        card = view(page, 2)
        assert park_label(code) in card
        assert re.search(rf"Tenants as of 2004\s+{tenants_2004(code)}\b", card), card
        rows = employment[(employment["park"] == code) & (employment["measure"] == "total")]
        table_4 = page.locator(".tp-switched-view", has_text="Table 4: ").first
        if rows.empty:
            assert f"Table 4 reports no data for {park_label(code)}." in table_4.inner_text()
        else:
            highlighted = table_4.locator("tr.tp-highlight").inner_text()
            assert f"{rows['value'].item():.0f}" in highlighted
    choose_park(page, "ALL")
    assert "Almaty Technopark (ATP)" in view(page, 2)


def test_every_park_shows_its_own_numbers(watched, edition):
    check_every_park(open_chapter(watched.page, edition, "03_park_survey"))


def test_karaganda_shows_16_tenants_and_337_employees(watched, edition):
    page = open_chapter(watched.page, edition, "03_park_survey")
    choose_park(page, "KGP")
    assert re.search(r"Tenants as of 2004\s+16\b", view(page, 2))
    highlighted = page.locator(".tp-switched-view", has_text="Table 4: ").first.locator(
        "tr.tp-highlight"
    )
    assert "Karaganda Technopark (KGP)" in highlighted.inner_text()
    assert "337" in highlighted.inner_text()
    # The chart fades the other parks' bars and greys their labels through the page's
    # style sheet; the chosen park keeps its colours.
    style = (
        "([id, kind, property]) => getComputedStyle(document.querySelector("
        '`#tp-chart-table-04 [id^="${id}"] > ${kind}`))[property]'
    )
    assert float(page.evaluate(style, ["tp--abi--", "path", "opacity"])) == pf.FADED_OPACITY
    assert page.evaluate(style, ["tp--abi--", "text", "fill"]) == "rgb(118, 118, 118)"
    assert float(page.evaluate(style, ["tp--kgp--", "path", "opacity"])) == 1.0
    assert page.evaluate(style, ["tp--kgp--", "text", "fill"]) == "rgb(38, 38, 38)"


def test_comparison_shows_only_the_compared_parks(watched, edition):
    page = open_chapter(watched.page, edition, "03_park_survey")
    tick(page, "ABI")
    tick(page, "KGP")
    page.wait_for_function(
        "() => document.body.innerText.includes('Showing: Comparing')", timeout=5_000
    )
    table_4 = view(page, 4)
    assert "Almaty Business Incubator (ABI)" in table_4 and "Karaganda Technopark (KGP)" in table_4
    assert "Almaty Technopark (ATP)" not in table_4
    page.get_by_role("button", name="Clear comparison").click()
    page.wait_for_function(
        "() => document.body.innerText.includes('Showing: All parks')", timeout=5_000
    )


def test_missing_data_is_said_in_words(watched, edition):
    page = open_chapter(watched.page, edition, "03_park_survey")
    choose_park(page, "KST")
    assert "Table 7 reports no data for Kostanai Technopark (KST)." in view(page, 7)
    assert "Table 12 reports no data for Kostanai Technopark (KST)." in page.inner_text("body")


def test_address_bar_follows_the_view_and_reopening_it_restores_it(watched, edition):
    page = open_chapter(watched.page, edition, "03_park_survey")
    choose_park(page, "KGP")
    assert urlsplit(page.url).query == "park=KGP"
    tick(page, "PPV")
    tick(page, "ABI")
    page.wait_for_function("() => location.search === '?compare=ABI,PPV'", timeout=5_000)
    shared = page.url
    other = page.context.new_page()
    other.goto(shared)
    settle(other)
    assert other.get_by_role("checkbox", name=park_label("ABI")).is_checked()
    assert other.get_by_role("checkbox", name=park_label("PPV")).is_checked()
    assert not other.get_by_role("checkbox", name=park_label("KGP")).is_checked()
    assert status(other).startswith("Showing: Comparing Almaty Business Incubator (ABI)")
    assert "Almaty Technopark (ATP)" not in view(other, 4)
    other.close()


def test_url_preselects_a_park(watched, edition):
    page = open_chapter(watched.page, edition, "03_park_survey", "?park=kgp")
    assert page.get_by_label("Park", exact=True).input_value() == "KGP"
    assert status(page).startswith("Showing: Karaganda Technopark (KGP)")
    card = view(page, 2)
    assert "Karaganda Technopark (KGP)" in card and "Almaty Technopark" not in card


@pytest.mark.parametrize(
    "query",
    ['?park="><img src=x onerror=alert(1)>', "?park=ZZZ&compare=<script>evil()</script>"],
)
def test_hostile_query_is_ignored_and_not_echoed(watched, edition, query):
    page = open_chapter(watched.page, edition, "03_park_survey", query)
    assert page.get_by_label("Park", exact=True).input_value() == "ALL"
    text = page.inner_text("body")
    assert "Showing: All parks" in text
    for fragment in ("onerror", "alert(1)", "evil()", "ZZZ"):
        assert fragment not in text
    assert page.locator("img[src=x]").count() == 0


def test_download_is_the_data_behind_the_view(watched, edition):
    page = open_chapter(watched.page, edition, "03_park_survey")
    choose_park(page, "KGP")
    link = page.locator("a.tp-download", has_text="table-07_KGP.csv")
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == "table-07_KGP.csv"
    downloaded = Path(download.value.path()).read_bytes()
    assert downloaded == pf.csv_bytes(load("table-07"), pf.Selection(focus="KGP"))
    assert set(pd.read_csv(io.BytesIO(downloaded))["park"].dropna()) == {"KGP"}


def test_timeline_follows_the_park_in_the_url(watched, edition):
    page = open_chapter(watched.page, edition, "01_literature", "?park=KGP")
    rows = page.locator("tr.tp-highlight").all_inner_texts()
    assert len(rows) == 1 and "Karaganda Technopark (KGP)" in rows[0]
    assert "Karaganda Technopark (KGP): 1 dated event in the timeline" in page.inner_text("body")
    page.get_by_label("Highlight", exact=True).select_option("ALL")
    page.wait_for_function("() => !location.search.includes('park=')", timeout=5_000)
    assert page.locator("tr.tp-highlight").count() == 0


def test_literature_explorer_filters(watched, edition):
    page = open_chapter(watched.page, edition, "01_literature")
    page.get_by_label("Verdict", exact=True).select_option("mixed")
    page.wait_for_function("() => location.search === '?verdict=mixed'", timeout=5_000)
    shown = page.locator(".tp-switched-view", has_text="cited works").first.inner_text()
    assert "Showing 3 of the 29 cited works" in shown


def test_audit_filter(watched, edition):
    page = open_chapter(watched.page, edition, "06_audit", "?severity=ambiguity&table=table-09")
    assert page.get_by_label("Table", exact=True).input_value() == "table-09"
    assert page.get_by_role("checkbox", name="ambiguity").is_checked()
    assert not page.get_by_role("checkbox", name="error").is_checked()
    shown = page.locator(".tp-switched-view", has_text="finding").first.inner_text()
    assert "1 finding" in shown and "KGP row prints only 2 numbers" in shown


# --- the app without its kernel ----------------------------------------------------------


def kernel_of(page) -> str:
    """The id of the kernel Voila gave this page."""
    return page.evaluate(
        "() => document.documentElement.innerHTML.match(/kernelId.{0,4}([0-9a-f-]{36})/)[1]"
    )


def kernel_running(kernel_id: str) -> bool:
    return bool(kernel_pids(kernel_id))


def kill_kernel(kernel_id: str) -> None:
    for pid in kernel_pids(kernel_id):
        os.kill(pid, signal.SIGKILL)


def wait_until_gone(page, kernel_id: str, seconds: float = 60) -> None:
    for _ in range(int(seconds * 4)):
        if not kernel_running(kernel_id):
            return
        page.wait_for_timeout(250)
    raise AssertionError(f"kernel {kernel_id} still runs after {seconds} s")


def test_filters_keep_working_after_the_kernel_is_killed(watched, kernel_app_url):
    """Where every reader gets a kernel (the site as served gives none: every reader is
    sent one drawn page, app/shared_pages.py)."""
    page = open_chapter(watched.page, (kernel_app_url, PAGES["app"]), "03_park_survey")
    kernel = kernel_of(page)
    assert kernel_running(kernel)
    kill_kernel(kernel)
    wait_until_gone(page, kernel)
    check_every_park(page)
    tick(page, "ABI")
    tick(page, "ATP")
    page.wait_for_function("() => location.search === '?compare=ABI,ATP'", timeout=5_000)
    # The page never connected to its kernel (the fixture also checks: no websocket).
    assert watched.websockets == []


@pytest.fixture(scope="module")
def culling_app_url():
    """The site giving every reader a kernel, culled after 3 s idle (2 minutes on the real
    site)."""
    with voila(
        "--ReaderSite.share_pages=False",
        "--MappingKernelManager.cull_idle_timeout=3",
        "--MappingKernelManager.cull_interval=1",
    ) as server:
        yield server.url


def test_filters_keep_working_after_the_kernel_is_culled(watched, culling_app_url):
    page = open_chapter(watched.page, (culling_app_url, PAGES["app"]), "03_park_survey")
    kernel = kernel_of(page)
    wait_until_gone(page, kernel, seconds=60)
    check_every_park(page)


NEEDS_KERNEL = {
    "cells": [
        {
            "cell_type": "code",
            "execution_count": None,
            "id": "slider",
            "metadata": {},
            "outputs": [],
            "source": ["import ipywidgets\n", "ipywidgets.IntSlider(description='Echo')"],
        }
    ],
    "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3"}},
    "nbformat": 4,
    "nbformat_minor": 5,
}


def test_a_widget_that_needs_a_kernel_is_named_in_words(browser, tmp_path):
    """A standard ipywidget would need Voila's JavaScript and a live kernel, which the
    readers' site does not load: the page says so instead of showing nothing."""
    import json

    (tmp_path / "01_echo.ipynb").write_text(json.dumps(NEEDS_KERNEL))
    with voila(f"--Voila.root_dir={tmp_path}") as server:
        context = browser.new_context()
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(f"{server.url}voila/render/01_echo.ipynb")
        note = page.locator(".tp-widget-broken")
        note.wait_for(timeout=60_000)
        assert "needs a live Python kernel" in note.inner_text()
        assert page.get_by_role("note").count() == 1
        assert page.locator(".widget-slider").count() == 0
        assert errors == []
        context.close()
