"""The page set-up every chapter calls first."""

from __future__ import annotations

from helpers.display.page import STYLE, STYLESHEET, start_page


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


def test_the_styles_are_the_style_sheet_file():
    css = STYLESHEET.read_text(encoding="utf-8")
    assert STYLE == f"<style>\n{css}</style>"
    assert "</style" not in css


def test_the_styles_cover_readers_on_any_screen():
    """Column width, scrolling tables, underlined links, visible focus, dark mode, print."""
    css = STYLESHEET.read_text(encoding="utf-8")
    assert "--tp-measure: 64ch" in css and "max-width: var(--tp-measure)" in css
    assert ".tp-table-scroll { overflow-x: auto;" in css
    assert "text-decoration: underline" in css
    assert ":focus-visible {\n  outline: 3px solid var(--tp-focus) !important;" in css
    assert "@media screen and (prefers-color-scheme: dark)" in css
    # charts keep a light panel in the dark rather than being inverted
    assert "background: var(--tp-panel); padding: 8px" in css and "invert(" not in css
    printing = css[css.index("@media print") :]
    for hidden in (".tp-chooser", "a.tp-download", ".tp-skip-link"):
        assert hidden in printing
    assert 'content: " (" attr(href) ")"' in printing
    assert css.count("{") == css.count("}")


def test_finish_page_releases_memory_and_links(monkeypatch):
    from helpers.display import page
    from helpers.display.navigation import chapter_links

    collected = []
    monkeypatch.setattr(page.gc, "collect", lambda: collected.append(True))
    assert page.finish_page("03_park_survey").data.endswith(chapter_links("03_park_survey").data)
    assert collected == [True]
