"""Showing the paper's tables: caption and source, transcription notes, park charts as SVG."""

from __future__ import annotations

import pandas as pd

from helpers.data.datapackage import resource
from helpers.display.tables import paper_table, transcription_notes


def test_paper_table_has_the_papers_caption_and_source():
    html = paper_table(pd.DataFrame({"Firms": ["A"], "Count": [3]}), "table-04").data
    assert "Table 4: Employment and age of firms" in html
    assert "Source: Radosevic &amp; Myrzakhmet, Table 4. Data: data/table-04.csv" in html


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
    chart, caption = (item.data for item in shown)
    assert chart.startswith('<div class="tp-park-chart" id="tp-chart-table-04"><svg')
    assert 'id="tp--kgp--' in chart
    assert caption == '<p class="tp-figcaption" role="note">A caption&#x27;s text.</p>'
