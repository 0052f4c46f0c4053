"""Showing the paper's tables: caption and source, transcription notes, park charts as SVG."""

from __future__ import annotations

import pandas as pd

from helpers.data.datapackage import resource
from helpers.display.tables import html_table, paper_table, table_html, transcription_notes


def test_paper_table_has_the_papers_caption_and_source():
    html = paper_table(pd.DataFrame({"Firms": ["A"], "Count": [3]}), "table-04").data
    assert "Table 4: Employment and age of firms" in html
    assert "Source: Radosevic &amp; Myrzakhmet, Table 4. Data: data/table-04.csv" in html


def test_a_table_scrolls_sideways_in_a_named_focusable_region():
    html = paper_table(pd.DataFrame({"Firms": ["A"], "Count": [3]}), "table-04").data
    region = (
        '<div class="tp-table-scroll" role="region" tabindex="0" '
        'aria-label="Table 4: Employment and age of firms'
    )
    assert region in html
    # the caption and source stay outside the scrolling box, the table inside it
    assert html.index('class="tp-caption"') < html.index(region) < html.index("<table")
    assert html.index("</table>\n</div>") < html.index('class="tp-source"')


def test_a_table_without_caption_is_named_by_its_columns():
    html = table_html(pd.DataFrame({"Park": ["A"], 'Rank "x"': [1]}))
    assert 'aria-label="Table of Park, Rank &quot;x&quot;"' in html
    assert (
        html_table(pd.DataFrame({"Park": ["A"]}), caption="<b>").data.count(
            'aria-label="&lt;b&gt;"'
        )
        == 1
    )


def test_transcription_notes_list_the_descriptors_notes_escaped():
    html = transcription_notes("table-02").data
    assert html.startswith('<details class="tp-notes"><summary>How Table 2 was read')
    assert html.count("<li>") == len(resource("table-02")["notes"])
    assert "<script" not in html


def test_park_chart_is_inline_svg_in_the_choosers_container(monkeypatch):
    import IPython.display

    from helpers import survey
    from helpers.data.datapackage import load
    from helpers.display.theme import show_chart

    shown = []
    monkeypatch.setattr(IPython.display, "display", lambda item: shown.append(item))
    data = survey.employment_data(load("table-04"))
    show_chart(survey.employment_chart(data), "A caption's text.", "table-04", park_chart=True)
    (chart,) = (item.data for item in shown)
    assert chart.startswith('<figure class="tp-chart tp-park-chart" id="tp-chart-table-04"><svg')
    assert 'id="tp--kgp--' in chart
    assert (
        '<figcaption class="tp-figcaption"><span id="tp-chart-table-04-caption">'
        "A caption&#x27;s text.</span></figcaption>"
    ) in chart


def _csv_links(markup: str) -> dict[str, str]:
    """Download file name -> decoded CSV text, for every CSV link of the markup."""
    import html as html_module
    import re
    from urllib.parse import unquote

    return {
        html_module.unescape(name): unquote(html_module.unescape(payload))
        for name, payload in re.findall(
            r'download="([^"]+)" href="data:text/csv;charset=utf-8,([^"]*)"', markup
        )
    }


def test_a_tables_csv_is_exactly_the_frame_shown():
    import io

    frame = pd.DataFrame(
        {"Park": ["ABI", 'K&G, "x"'], "Share (%)": [50.25, float("nan")], "Rate": ["85%", None]}
    )
    markup = html_table(frame, caption="Table X: <shares>", source="Source: here").data
    (name, text), *others = _csv_links(markup).items()
    assert not others and name == "table-x-shares.csv"
    assert text == frame.to_csv(index=False, lineterminator="\n")
    pd.testing.assert_frame_equal(pd.read_csv(io.StringIO(text)), frame)
    assert '<p class="tp-table-downloads">Download this table: <a class="tp-download"' in markup
    assert markup.index('class="tp-source"') < markup.index("tp-table-downloads")


def test_a_paper_tables_csv_and_anchor_are_named_after_its_resource():
    frame = pd.DataFrame({"Firms": ["A"], "Count": [3]})
    markup = paper_table(frame, "table-04").data
    assert list(_csv_links(markup)) == ["table-04.csv"]
    assert '<p class="tp-caption" id="tp-table-table-04"><strong>Table 4:' in markup


def test_a_table_can_go_without_its_download():
    markup = table_html(pd.DataFrame({"A": [1]}), name="x", download=False)
    assert "tp-download" not in markup and "tp-table-x" not in markup


def test_a_park_table_offers_only_the_views_rows_and_has_its_anchor():
    from helpers import survey
    from helpers.data.datapackage import load
    from helpers.display import park_filter as pf

    markup = pf.section_html(
        "table-04", load("table-04"), survey.employment_view, pf.Selection(focus="KGP")
    )
    assert list(_csv_links(markup)) == ["table-04_KGP.csv"]
    assert 'id="tp-table-table-04"' in markup
