"""WCAG 2.1 A and AA in the browser: axe-core on every chapter, in every state a reader can
reach with its filters, in the app and the static edition; keyboard use and the names
screen readers announce, read from the accessibility tree.

axe-core is pinned here and fetched from npm once (kept in .cache/axe/).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers.display.navigation import CHAPTERS
from tools.npm import npm_files

from .conftest import PAGES, open_chapter

AXE = "axe-core@4.14.1"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
CACHE = Path(__file__).resolve().parents[2] / ".cache" / "axe"


@pytest.fixture(scope="session")
def axe_source() -> str:
    path = CACHE / f"{AXE}.min.js"
    if not path.is_file():
        files = npm_files(AXE, re.compile(r"^package/axe\.min\.js$"))
        CACHE.mkdir(parents=True, exist_ok=True)
        path.write_bytes(files["axe.min.js"])
    return path.read_text(encoding="utf-8")


def violations(page, axe_source: str) -> list[str]:
    """axe-core's WCAG 2.1 A/AA violations on the page as it is now, one line per element."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(axe_source)  # evaluated by the browser's debugger: no CSP applies
    found = page.evaluate(
        """async (tags) => {
          const result = await window.axe.run(document, {
            runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
          return result.violations.flatMap((v) => v.nodes.map((n) =>
            `${v.id} (${v.impact}): ${n.target.join(" ")}: ${n.failureSummary}`));
        }""",
        WCAG_21_AA,
    )
    return found


def reader_states(page):
    """Every state one control can put the page in: each value of each drop-down, and a
    comparison of two parks where the page offers one. Yields a description of each."""
    yield "as first shown"
    selects = page.locator(".tp-chooser select")
    for index in range(selects.count()):
        select = selects.nth(index)
        label = select.evaluate("s => s.labels[0].textContent")
        first = select.input_value()
        for value in select.locator("option").evaluate_all("os => os.map((o) => o.value)"):
            select.select_option(value)
            page.evaluate("() => new Promise((r) => requestAnimationFrame(() => r()))")
            yield f"{label} = {value}"
        select.select_option(first)
    boxes = page.locator(".tp-chooser input[type=checkbox]")
    if boxes.count() >= 2:
        boxes.nth(0).check()
        boxes.nth(1).check()
        yield "comparing two parks"
        boxes.nth(0).uncheck()
        boxes.nth(1).uncheck()


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.stem)
def test_no_wcag_violation_in_any_state(watched, edition, axe_source, chapter):
    page = watched.page
    open_chapter(page, edition, chapter.stem)
    problems = {}
    for state in reader_states(page):
        found = violations(page, axe_source)
        if found:
            problems[state] = found
    assert problems == {}, problems


@pytest.mark.parametrize("width", [390, 1280])
def test_no_wcag_violation_on_a_phone_or_in_dark_mode(browser, app_url, axe_source, width):
    """Reflow and the dark palette: the survey chapter, narrow and wide, light and dark."""
    for scheme in ("light", "dark"):
        context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
        page = context.new_page()
        open_chapter(page, (app_url, PAGES["app"]), "03_park_survey")
        assert violations(page, axe_source) == [], (width, scheme)
        context.close()


UNNAMED = re.compile(
    r"^\s*- (combobox|checkbox|button|link|textbox|radio|listbox|region)\s*(?:\[|:|$)"
)


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.stem)
def test_every_control_is_announced_with_a_name(watched, edition, chapter):
    """The accessibility tree a screen reader reads: no control, link or scrolling region
    without a name."""
    page = watched.page
    open_chapter(page, edition, chapter.stem)
    tree = page.locator("body").aria_snapshot()
    unnamed = [line for line in tree.splitlines() if UNNAMED.match(line)]
    assert unnamed == [], unnamed


def test_keyboard_skips_to_the_content_then_chooses_a_park_by_typing(watched, edition):
    page = watched.page
    open_chapter(page, edition, "03_park_survey")
    page.keyboard.press("Tab")
    skip = page.evaluate("() => document.activeElement.textContent.trim()")
    assert skip.startswith("Skip to"), skip
    assert page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "() => document.activeElement.labels ? document.activeElement.labels[0].textContent : ''"
    )
    assert focused == "Park"
    page.keyboard.type("Karaganda")
    page.wait_for_function(
        "() => document.body.innerText.includes('Showing: Karaganda Technopark (KGP)')",
        timeout=5_000,
    )
    assert "park=KGP" in page.url


def test_the_check_finds_what_it_looks_for(browser, axe_source):
    """The audit above can fail: a planted image without a text alternative and a link
    told apart from its sentence by colour alone are both reported."""
    context = browser.new_context()
    page = context.new_page()
    page.set_content(
        '<html lang="en"><head><title>t</title></head><body><main>'
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'
        '<p style="color:#000">Text <a href="#x" style="color:#111;text-decoration:none">'
        "link</a> text.</p></main></body></html>"
    )
    found = " ".join(violations(page, axe_source))
    assert "image-alt" in found and "link-in-text-block" in found
    context.close()
