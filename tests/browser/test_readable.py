"""Readable on any screen: a phone's width, the dark, print; a skip link; a loading notice.

Each check runs on the static edition (`make site`) and in the app.  Screenshots of what
was checked are written to the test's temporary folder, for a person to look at.
"""

from __future__ import annotations

import re

import pytest

from helpers.display.colors import contrast_ratio
from helpers.display.navigation import CHAPTERS

from .conftest import wait_until_drawn

STEMS = [c.stem for c in CHAPTERS]


def wait_drawn(page) -> None:
    wait_until_drawn(page)
    page.wait_for_load_state("networkidle")


def _hex(rgb: str) -> str:
    parts = [int(float(x)) for x in rgb[rgb.index("(") + 1 : rgb.index(")")].split(",")[:3]]
    return "#" + "".join(f"{x:02x}" for x in parts)


def _open(browser, url, width, scheme):
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    page.goto(url)
    wait_drawn(page)
    return context, page


@pytest.mark.parametrize("stem", STEMS)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_phone_reads_every_chapter_without_sideways_scrolling(
    browser, static_url, stem, scheme, tmp_path
):
    context, page = _open(browser, f"{static_url}{stem}.html", 390, scheme)
    try:
        page.screenshot(path=tmp_path / f"{stem}-390-{scheme}.png", full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        regions = page.locator(".tp-table-scroll").evaluate_all(
            "els => els.map(e => "
            "[e.getAttribute('role'), e.tabIndex, e.getAttribute('aria-label')])"
        )
        assert all(role == "region" and tab == 0 and label for role, tab, label in regions)
        body = page.evaluate(
            "[getComputedStyle(document.body).color, "
            "getComputedStyle(document.body).backgroundColor]"
        )
        text, background = (_hex(c) for c in body)
        assert contrast_ratio(text, background) >= 4.5
        dark = contrast_ratio(background, "#000000") < contrast_ratio(background, "#ffffff")
        assert dark == (scheme == "dark"), (scheme, background)
    finally:
        context.close()


@pytest.mark.parametrize("stem", ["00_index", "03_park_survey"])
def test_the_skip_link_comes_first_and_leads_to_the_content(browser, static_url, stem):
    context, page = _open(browser, f"{static_url}{stem}.html", 1280, "light")
    try:
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.textContent") == "Skip to content"
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "tp-main"
    finally:
        context.close()


def test_print_keeps_the_content_and_drops_the_controls(browser, static_url, tmp_path):
    context, page = _open(browser, f"{static_url}03_park_survey.html", 1280, "dark")
    try:
        page.emulate_media(media="print")
        page.pdf(path=tmp_path / "03_park_survey.pdf")
        hidden = page.evaluate(
            """() => ['.tp-chooser', 'a.tp-download', '.tp-skip-link'].map(s =>
                 Array.from(document.querySelectorAll(s)).every(
                   e => getComputedStyle(e).display === 'none'))"""
        )
        assert hidden == [True, True, True]
        assert page.locator("table.tp-table").first.is_visible()
        assert _hex(page.evaluate("getComputedStyle(document.body).backgroundColor")) == "#ffffff"
    finally:
        context.close()


def test_the_app_says_a_chapter_is_loading_until_it_is_there(browser, app_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        response = page.goto(f"{app_url}voila/render/03_park_survey.ipynb", wait_until="commit")
        # The notice is in the page as sent; it may be gone before a script could look.
        notice = re.search(r'<div class="tp-loading"[^>]*>', response.text())
        assert notice and 'role="status"' in notice[0] and 'aria-live="polite"' in notice[0]
        page.wait_for_selector("html[data-tp-ready]", timeout=90_000)
        assert page.locator("#tp-loading").count() == 0
        assert page.locator("#tp-main").get_attribute("aria-busy") is None
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.className") == "tp-skip-link"
    finally:
        context.close()
