"""Every colour pair of the page style sheet reaches WCAG 2.1 AA contrast, light and dark."""

from __future__ import annotations

import re

import pytest

from helpers.display import colors
from helpers.display.page import STYLESHEET


def test_contrast_ratio_matches_wcag_reference_values():
    assert colors.contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert colors.contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)
    assert colors.contrast_ratio("#fff", "#000") == pytest.approx(21.0)
    # WebAIM's checker: #767676 on white is the lightest grey that passes AA (4.54:1).
    assert colors.contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert colors.contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)  # fails AA
    # symmetric
    assert colors.contrast_ratio("#ffffff", "#444444") == colors.contrast_ratio("#444444", "#fff")


def test_a_malformed_colour_is_refused():
    with pytest.raises(ValueError, match="not a #rrggbb colour"):
        colors.relative_luminance("#12345")


@pytest.mark.parametrize(
    ("theme", "what", "fg", "bg", "ratio", "minimum"),
    colors.contrast_table(),
    ids=[f"{row[0]}: {row[1]}" for row in colors.contrast_table()],
)
def test_every_pair_reaches_its_minimum(theme, what, fg, bg, ratio, minimum):
    assert ratio >= minimum, f"{theme} {what}: {fg} on {bg} is {ratio:.2f}:1, under {minimum}:1"


def _declared(block: str) -> dict[str, str]:
    return {
        name: value.lower()
        for name, value in re.findall(r"--tp-([\w-]+):\s*(#[0-9a-fA-F]+);", block)
    }


def test_the_style_sheet_declares_the_tested_palettes():
    css = STYLESHEET.read_text(encoding="utf-8")
    light = css[css.index(":root {") : css.index("}", css.index(":root {"))]
    dark_start = css.index("@media screen and (prefers-color-scheme: dark)")
    dark = css[dark_start : css.index("}", dark_start)]
    assert _declared(light) == {k: v.lower() for k, v in colors.LIGHT.items()}
    assert _declared(dark) == {k: v.lower() for k, v in colors.DARK.items()}


def test_every_pair_names_colours_of_both_palettes():
    for pair in colors.PAIRS:
        for palette in (colors.LIGHT, colors.DARK):
            assert pair.fg in palette and pair.bg in palette, pair


def test_the_loading_notice_and_skip_link_colours_are_those_tested():
    from pathlib import Path

    folder = Path(__file__).resolve().parent.parent / "app/jupyter/voila/templates/technoparks"
    loading = (folder / "loading.html").read_text(encoding="utf-8")
    assert "background: #fdf6e9; color: #1a1a1a;" in loading
    chrome = (folder / "chrome.html").read_text(encoding="utf-8")
    assert "background: #ffffff; color: #005a8c; border: 2px solid #005a8c;" in chrome
    fixed = {what: (fg, bg) for what, fg, bg, _ in colors.FIXED_PAIRS}
    assert fixed["loading notice text"] == ("#1a1a1a", "#fdf6e9")
    assert fixed["skip link"] == ("#005a8c", "#ffffff")
