"""The park registry and the shared chart theme."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from matplotlib.colors import to_rgb  # noqa: E402

from helpers.data import parks
from helpers.display import theme  # noqa: E402


def test_park_codes_in_paper_order():
    assert parks.park_codes() == ["ABI", "ATP", "KGP", "PPV", "KST"]


def test_park_label_and_unknown_code():
    assert parks.park_label("KGP") == "Karaganda Technopark (KGP)"
    with pytest.raises(KeyError, match="unknown park code 'XYZ'"):
        parks.park_name("XYZ")


def test_options_start_with_all_parks():
    options = parks.park_options()
    assert options[0] == ("All parks", "ALL")
    assert [value for _, value in options[1:]] == parks.park_codes()
    assert ("All parks", "ALL") not in parks.park_options(include_all=False)


def _relative_luminance(color: str) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in to_rgb(color))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def test_each_park_has_its_own_colour_from_the_colour_blind_safe_palette():
    colors = theme.park_colors()
    assert list(colors) == parks.park_codes()
    assert len(set(colors.values())) == len(colors)
    assert set(colors.values()) <= set(theme.OKABE_ITO) | {"#555555"}
    assert not set(colors.values()) & set(theme.firms_colors().values())


def test_in_and_out_colours_are_distinct_and_visible_on_white():
    colors = theme.firms_colors()
    assert colors["in_tp"] != colors["out_tp"]
    for color in colors.values():
        assert (1.05) / (_relative_luminance(color) + 0.05) >= 2.0  # visible against white


def test_source_text_names_table_and_file():
    text = theme.source_text("table-08", "figure-04")
    assert text == (
        "Source: Radosevic & Myrzakhmet, Table 8; Figure 4. "
        "Data: data/table-08.csv, data/figure-04.csv"
    )
    assert theme.source_text("survey-methodology") == (
        "Source: The paper, Section 4, Methodology paragraph. Data: data/survey-methodology.csv"
    )
    mixed = theme.source_text("table-01", "rd-since")
    assert mixed.startswith("Source: Radosevic & Myrzakhmet, Table 1; ")
    assert "OECD" in mixed and mixed.endswith("Data: data/table-01.csv, data/rd-since.csv")


def test_long_source_lines_wrap_to_the_figure():
    fig, _ = theme.new_figure(width=5)
    theme.add_source(fig, "table-08", "table-09", "table-10", "figure-04")
    lines = fig.texts[0].get_text().split("\n")
    assert len(lines) > 1 and max(map(len, lines)) <= 80
    assert " ".join(lines) == theme.source_text("table-08", "table-09", "table-10", "figure-04")


def test_add_source_writes_the_line_under_the_chart():
    fig, _ = theme.new_figure()
    theme.add_source(fig, "table-14")
    texts = [t.get_text() for t in fig.texts]
    assert texts == [theme.source_text("table-14")]  # short enough for one line
    assert fig.texts[0].get_position()[1] <= 0.0


def test_theme_uses_bundled_font_and_palette():
    theme.apply_theme()
    assert plt.rcParams["font.family"] == ["DejaVu Sans"]
    cycle = [c["color"] for c in plt.rcParams["axes.prop_cycle"]]
    assert [to_rgb(c) for c in cycle[:3]] == [to_rgb(c) for c in theme.OKABE_ITO[:3]]


def test_html_table_hides_index_and_shows_missing_as_na():
    import pandas as pd

    from helpers.display.tables import html_table

    frame = pd.DataFrame({"Park": ["ABI", "KST"], "Share (%)": [50.0, float("nan")]})
    html = html_table(frame, caption="Table X: <test>", source="Source: here").data
    assert '<th class="text">Park</th>' in html and "n.a." in html
    assert "&lt;test&gt;" in html and "Source: here" in html
    assert "<th></th>" not in html  # no index column


def test_resource_overview_lists_every_file():
    from helpers.data.datapackage import resource_names
    from helpers.display.tables import resource_overview

    overview = resource_overview()
    assert len(overview) == len(resource_names())
    assert overview["Rows"].min() > 0


def test_show_chart_displays_one_figure_with_its_caption(monkeypatch):
    shown = []
    monkeypatch.setattr("IPython.display.display", lambda obj: shown.append(obj))
    fig, ax = theme.new_figure()
    ax.bar(["a"], [1])
    theme.show_chart(fig, "Bars <of> things", "table-14")
    (figure,) = shown
    assert figure.data.startswith('<figure class="tp-chart" id="tp-chart-table-14"><svg')
    assert "<figcaption" in figure.data and "Bars &lt;of&gt; things" in figure.data
    assert fig.texts[0].get_text() == theme.source_text("table-14")


def test_html_table_formats_numbers_by_column():
    import pandas as pd

    from helpers.display.tables import html_table

    frame = pd.DataFrame(
        {"Count": [19.0, 1117.0], "Score": [4.1, 3.0], "Name": ["a", pd.NA], "Flag": [True, False]}
    )
    html = html_table(frame).data
    assert '<td class="num">19</td>' in html and '<td class="num">1,117</td>' in html
    assert '<td class="num">3.0</td>' in html
    assert '<td class="text missing">n.a.</td>' in html
    assert '<td class="text">True</td>' in html


def test_html_table_right_aligns_printed_numbers_and_highlights_selection():
    import pandas as pd

    from helpers.display.tables import html_table

    frame = pd.DataFrame(
        {"Park": ["ABI", "KGP"], "Rate": ["85%", None], "Turnover": ["n.a.", "$88K (2002)"]}
    )
    html = html_table(frame, highlight={"KGP"}).data
    assert '<td class="num">85%</td>' in html and '<td class="num missing">n.a.</td>' in html
    assert '<td class="text">n.a.</td>' in html  # a text column: not a printed number
    assert '<tr class="tp-highlight"><td class="text">KGP</td>' in html
    assert html.count("tp-highlight") == 1


def test_table_caption_is_number_and_title_from_the_descriptor():
    from helpers.display.tables import table_caption

    assert table_caption("table-07") == (
        "Table 7: Destination of sales of firms in technoparks across markets"
    )
    assert table_caption("figure-04").startswith("Figure 4: Novelty of products")
