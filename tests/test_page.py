"""The page set-up every chapter calls first."""

from __future__ import annotations

from helpers.display.page import STYLE, start_page


def test_start_page_returns_the_page_styles():
    html = start_page("00_index").data
    assert html == STYLE
    for selector in (
        "table.tp-table td.num",
        "table.tp-table td.text",
        ".tp-figcaption",
        ".tp-chapter-nav",
    ):
        assert selector in html


def test_finish_page_releases_memory_and_links(monkeypatch):
    from helpers.display import page
    from helpers.display.navigation import chapter_links

    collected = []
    monkeypatch.setattr(page.gc, "collect", lambda: collected.append(True))
    assert page.finish_page("03_park_survey").data == chapter_links("03_park_survey").data
    assert collected == [True]
