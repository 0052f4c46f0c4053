"""The page set-up every chapter calls first."""

from __future__ import annotations

import matplotlib.pyplot as plt

from helpers.page import STYLE, start_page


def test_start_page_applies_theme_and_returns_styles():
    plt.rcParams["axes.titlelocation"] = "center"
    html = start_page().data
    assert html == STYLE
    assert plt.rcParams["axes.titlelocation"] == "left"
    for selector in (
        "table.tp-table td.num",
        "table.tp-table td.text",
        ".tp-figcaption",
        ".tp-chapter-nav",
    ):
        assert selector in html
