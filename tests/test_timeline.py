"""The timeline: partial dates, plotting positions, the chart and the table."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.colors import to_hex  # noqa: E402

from helpers import timeline as tl  # noqa: E402
from helpers.data.datapackage import load  # noqa: E402
from helpers.data.parks import park_codes  # noqa: E402
from helpers.display.theme import OKABE_ITO, source_text  # noqa: E402


@pytest.fixture
def timeline() -> pd.DataFrame:
    return load("timeline")


@pytest.fixture
def data(timeline) -> pd.DataFrame:
    return tl.timeline_data(timeline)


# --- timeline: partial dates ----------------------------------------------------------


def test_partial_dates_cover_their_whole_period():
    assert tl.date_interval("2004") == (2004.0, 2005.0)
    assert tl.plot_position("2004") == 2004.5  # a year-only date is drawn mid-year
    start, end = tl.date_interval("2004-04")  # 2004 is a leap year: April = days 91-120
    assert start == pytest.approx(2004 + 91 / 366) and end == pytest.approx(2004 + 121 / 366)
    assert tl.plot_position("2004-04") == pytest.approx(2004 + 106 / 366)
    start, end = tl.date_interval("2003-08-18")  # day 230 of 365
    assert (start, end) == (pytest.approx(2003 + 229 / 365), pytest.approx(2003 + 230 / 365))
    assert tl.date_interval("2003-09", "2003-10") == (
        pytest.approx(2003 + 243 / 365),
        pytest.approx(2003 + 304 / 365),
    )
    assert tl.date_interval("2002-09-10", "") == tl.date_interval("2002-09-10")
    with pytest.raises(ValueError, match="not a date"):
        tl.date_interval("Sept 2003")


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("1999", None, "1999"),
        ("2004-04", None, "Apr 2004"),
        ("2003-08-18", None, "18 Aug 2003"),
        ("2000-02-24", "2000-02-27", "24–27 Feb 2000"),
        ("2003-09", "2003-10", "Sep–Oct 2003"),
        ("2003-12", "2004-01", "Dec 2003 – Jan 2004"),
    ],
)
def test_format_date_is_no_more_precise_than_the_source(start, end, expected):
    assert tl.format_date(start, end) == expected


def test_unbreakable_dates_read_the_same():
    assert tl.unbreakable("24–27 Feb 2000") == "24\u2060–\u206027\u00a0Feb\u00a02000"
    assert " " not in tl.unbreakable("Dec 2003 – Jan 2004")


def test_short_labels():
    assert tl.short_label(
        "Almaty Technopark (ATP) established (founder: Akimat Almaty)", "ATP"
    ) == ("ATP: Almaty Technopark established")
    assert tl.short_label("Law No. 207-V on the innovation cluster (later x) adopted") == (
        "Law No. 207-V on the innovation cluster adopted"
    )
    long = tl.short_label("word " * 40)
    assert len(long) <= 60 and long.endswith("…")


def test_timeline_data_positions_every_event(timeline, data):
    assert set(data["event_id"]) == set(timeline["event_id"])
    assert data["x_start"].is_monotonic_increasing
    assert data["row"].tolist() == list(range(len(data)))
    row = data.set_index("event_id")
    assert row.at["park-abi-founded", "x"] == 1999.5
    assert (row.at["park-abi-founded", "x_start"], row.at["park-abi-founded", "x_end"]) == (
        1999.0,
        2000.0,
    )
    assert row.at["data-collection-2004", "x"] == 2004.5
    assert row.at["park-kgp-founded", "label"].startswith("KGP: ")
    meeting = row.loc["spice-57th-meeting"]
    assert meeting["x_start"] < meeting["x"] < meeting["x_end"] < 2003
    events = timeline.set_index("event_id").loc[row.index]
    for column in ("event", "start", "end", "note"):  # the event's own fields ride along
        assert row[column].fillna("").tolist() == events[column].fillna("").tolist()


def test_axis_is_broken_only_across_long_empty_gaps(data):
    assert tl.axis_segments(data) == [(1997, 2005), (2008, 2009), (2014, 2015)]
    crowded = data[data["x_end"] < 2006]
    assert tl.axis_segments(crowded) == [(1997, 2005)]


def test_timeline_chart_draws_each_event_where_the_data_says(data):
    fig = tl.timeline_chart(data)
    axes = fig.axes
    assert len(axes) == len(tl.axis_segments(data))
    main = axes[0]
    assert [t.get_text() for t in main.get_yticklabels()] == data["label"].tolist()
    markers = [line for line in main.lines if line.get_marker() in tl.PRECISION_MARKERS.values()]
    assert len(markers) == len(data)
    for line, event in zip(markers, data.itertuples(), strict=True):
        assert line.get_xdata()[0] == pytest.approx(event.x)
        assert line.get_ydata()[0] == event.row
        assert line.get_marker() == tl.PRECISION_MARKERS[event.precision]
        assert to_hex(line.get_color()) == tl.kind_colors()[event.kind].lower()
    bars = [p for p in main.patches if p.get_height() == 0.5]
    assert [(round(b.get_x(), 6), round(b.get_x() + b.get_width(), 6)) for b in bars] == [
        (round(a, 6), round(b, 6)) for a, b in zip(data["x_start"], data["x_end"], strict=True)
    ]
    codes = sorted(t.get_text() for t in main.texts)
    assert codes == sorted(data["park"].dropna())
    legend = [t.get_text() for t in fig.legends[0].get_texts()]
    assert "Fieldwork for the paper, Sep–Oct 2003" in legend
    assert "Data collection for the paper, 2004" in legend
    assert "57th SPICE meeting, 10–15 Sep 2002" in legend
    assert set(tl.KIND_LABELS.values()) <= set(legend)


def test_kind_colours_are_distinct_palette_colours():
    colors = tl.kind_colors()
    assert list(colors) == ["park", "meeting", "research", "policy", "statistic"]
    assert len(set(colors.values())) == len(colors)
    assert set(colors.values()) <= set(OKABE_ITO)


def test_timeline_table_shows_dates_as_given(timeline):
    table = tl.timeline_table(timeline)
    data = timeline
    assert len(table) == len(data)
    assert list(table.columns) == ["Date", "Event", "Kind", "Park", "Place", "Source", "Note"]
    assert table["Date"].iloc[0] == "18\u00a0Sep\u00a01997"  # no line break inside a date
    row = table[table["Park"] == "Almaty Technopark (ATP)"].iloc[0]
    assert row["Date"] == "2003" and row["Kind"] == "Park or incubator"
    assert table["Event"].tolist() == data["event"].tolist()
    assert table["Source"].tolist() == data["source"].tolist()


def test_spice_meeting_name_reads_the_timeline(timeline, data):
    assert tl.spice_meeting_name(timeline) == "57th SPICE meeting"
    assert tl.spice_meeting_name(data) == tl.spice_meeting_name(timeline)


def test_timeline_source_line_names_its_own_sources():
    text = source_text("timeline")
    assert "SPICE 57th meeting report" in text and text.endswith("Data: data/timeline.csv")


def test_timeline_caption_is_counted_from_the_data(data):
    timeline = tl.timeline_caption(data)
    assert "(22 events, 1997 to 2014)" in timeline
    assert "The 5 surveyed parks were founded between 1999 and 2003" in timeline
    assert "fieldwork (Sep–Oct 2003)" in timeline and "(10–15 Sep 2002)" in timeline
    assert "The axis is cut" in timeline
    assert "The 4 events of that meeting whose day the report does not give" in timeline
    assert tl.years_covered(data) == [1997, 2014]


def test_timeline_follows_a_park_and_ignores_anything_else():
    from helpers import timeline as tl

    plain = tl.timeline_table_html()
    assert "tp-highlight" not in plain
    assert tl.timeline_table_html("<script>") == plain == tl.timeline_table_html(None)
    kgp = tl.timeline_table_html("KGP")
    assert kgp.count('class="tp-highlight"') == 1  # its founding year
    assert "Karaganda Technopark (KGP): 1 dated event in the timeline" in kgp


def test_timeline_explorer_prepares_a_view_for_each_park():
    from helpers import timeline as tl

    chooser, view = tl.timeline_explorer()
    assert set(chooser.canonical) == {"", *(f"?park={code}" for code in park_codes())}
    assert view.html() == tl.timeline_table_html()
    assert view.html("?park=PPV") == tl.timeline_table_html("PPV")
    assert chooser.table['["KGP"]'] == "?park=KGP"
