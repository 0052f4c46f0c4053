"""The timeline: dated events with the precision of their source, as a chart and a table.

Dates in the ``timeline`` resource are partial ISO dates (``YYYY``, ``YYYY-MM`` or
``YYYY-MM-DD``).  A partial date stands for the whole period it names; an event is drawn
at the middle of that period (a year-only date at mid-year), with a bar over the period
and a marker whose shape gives the precision, so nothing looks more precise than it is.
Positions are decimal years (see :func:`date_interval` and :func:`plot_position`).
"""

from __future__ import annotations

import math
import re

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from .data.datapackage import load, resource
from .data.parks import ALL_PARKS, park_label, park_options
from .display.html import escape
from .display.switchboard import Chooser, Control, Shown, SwitchedView, plain_query
from .display.tables import table_html
from .display.theme import OKABE_ITO, new_figure, source_text

_MONTH = "%b"
NBSP = "\u00a0"
WORD_JOINER = "\u2060"


def unbreakable(date: str) -> str:
    """A date that a narrow table column does not wrap ("24–27 Feb 2000" on one line)."""
    return (
        date.replace(" – ", f"{NBSP}–{NBSP}")
        .replace(" ", NBSP)
        .replace("–", f"{WORD_JOINER}–{WORD_JOINER}")
    )


_PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
STUDY_PERIODS = ["fieldwork-2003", "data-collection-2004"]
SPICE_MEETING = "spice-57th-meeting"
KIND_LABELS = {
    "park": "Park or incubator",
    "meeting": "Meeting or conference",
    "research": "Research",
    "policy": "Policy",
    "statistic": "Statistic",
}
PRECISION_MARKERS = {"day": "o", "month": "s", "year": "D"}
PRECISION_LABELS = {
    "day": "Exact day",
    "month": "Month only (drawn mid-month)",
    "year": "Year only (drawn mid-year)",
}


def _parse_partial(text: str) -> tuple[pd.Timestamp, pd.Timestamp, str]:
    """First instant of a partial ISO date, first instant after it, and its precision."""
    match = _PARTIAL_DATE.fullmatch(str(text).strip())
    if match is None:
        raise ValueError(f"{text!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = match.groups()
    if day is not None:
        start = pd.Timestamp(int(year), int(month), int(day))
        return start, start + pd.Timedelta(days=1), "day"
    if month is not None:
        start = pd.Timestamp(int(year), int(month), 1)
        return start, start + pd.offsets.MonthBegin(1), "month"
    start = pd.Timestamp(int(year), 1, 1)
    return start, pd.Timestamp(int(year) + 1, 1, 1), "year"


def decimal_year(moment: pd.Timestamp) -> float:
    """A moment as a year with a fraction: 1 July 2004 00:00 -> 2004 + 182/366."""
    start = pd.Timestamp(moment.year, 1, 1)
    following = pd.Timestamp(moment.year + 1, 1, 1)
    return moment.year + (moment - start) / (following - start)


def date_interval(start: str, end: object = None) -> tuple[float, float]:
    """The period an event covers, in decimal years, from partial ISO dates.

    A partial date stands for the whole period it names: ``"2004"`` for the year 2004,
    ``"2004-04"`` for April, ``"2003-08-18"`` for that day.  The interval runs from the
    first instant of ``start`` to the end of ``end`` (or of ``start`` when there is no end).

    Examples
    --------
    >>> date_interval("2004")
    (2004.0, 2005.0)
    """
    first, after, _ = _parse_partial(start)
    if isinstance(end, str) and end:
        _, after, _ = _parse_partial(end)
    return decimal_year(first), decimal_year(after)


def plot_position(start: str, end: object = None) -> float:
    """Where an event is drawn: the middle of the period it covers.

    So a year-only date is drawn at mid-year, a month-only date mid-month, a day at noon,
    and a span (start and end) at its middle.
    """
    first, last = date_interval(start, end)
    return (first + last) / 2


def format_date(start: str, end: object = None, precision: str | None = None) -> str:
    """A date as a reader writes it, no more precise than the source.

    Examples
    --------
    >>> format_date("2000-02-24", "2000-02-27")
    '24–27 Feb 2000'
    >>> format_date("2003-09", "2003-10")
    'Sep–Oct 2003'
    """
    first, _, start_precision = _parse_partial(start)
    precision = precision or start_precision
    if not (isinstance(end, str) and end):
        return _format_one(first, precision)
    last, _, _ = _parse_partial(end)
    if precision == "day" and (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{last.day} {first.strftime(_MONTH)} {first.year}"
    if precision == "month" and first.year == last.year:
        return f"{first.strftime(_MONTH)}–{last.strftime(_MONTH)} {first.year}"
    return f"{_format_one(first, precision)} – {_format_one(last, precision)}"


def _format_one(moment: pd.Timestamp, precision: str) -> str:
    if precision == "year":
        return str(moment.year)
    if precision == "month":
        return f"{moment.strftime(_MONTH)} {moment.year}"
    return f"{moment.day} {moment.strftime(_MONTH)} {moment.year}"


def short_label(event: str, park: object = None, limit: int = 60) -> str:
    """A one-line label for the chart; the full text is in the table under it.

    Brackets are dropped, the text is cut at its first clause break, and a park event is
    prefixed with the park's code.
    """
    text = re.sub(r"\s*\([^)]*\)", "", event)
    text = re.split(r";|: |, (?!\d)", text)[0].strip()
    if len(text) > limit:
        text = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return f"{park}: {text}" if isinstance(park, str) and park else text


def timeline_data(timeline: pd.DataFrame) -> pd.DataFrame:
    """What the timeline chart draws: one row per event of ``timeline``, in date order.

    Parameters
    ----------
    timeline : pandas.DataFrame
        The loaded ``timeline`` resource.

    Returns
    -------
    pandas.DataFrame
        ``event_id``, ``label`` (see :func:`short_label`), ``kind``, ``park``,
        ``precision``, ``x`` (plotting position, decimal year, see :func:`plot_position`),
        ``x_start`` and ``x_end`` (the period covered, see :func:`date_interval`), ``row``
        (0 = top), and the event's own ``event``, ``start``, ``end`` and ``note``.
    """
    intervals = [
        date_interval(s, e) for s, e in zip(timeline["start"], timeline["end"], strict=True)
    ]
    frame = pd.DataFrame(
        {
            "event_id": timeline["event_id"],
            "label": [
                short_label(e, p) for e, p in zip(timeline["event"], timeline["park"], strict=True)
            ],
            "kind": timeline["kind"],
            "park": timeline["park"],
            "precision": timeline["precision"],
            "x": [(a + b) / 2 for a, b in intervals],
            "x_start": [a for a, _ in intervals],
            "x_end": [b for _, b in intervals],
            "event": timeline["event"],
            "start": timeline["start"],
            "end": timeline["end"],
            "note": timeline["note"],
        }
    )
    frame = frame.sort_values(["x_start", "x_end"], kind="stable").reset_index(drop=True)
    frame["row"] = range(len(frame))
    return frame


# Sky blue (OKABE_ITO[4]) is skipped: a pale blue reads as a faded park bar.
_KIND_PALETTE = [OKABE_ITO[i] for i in (0, 1, 2, 3, 5)]
# Periods further apart than this are drawn on two panels (a broken axis), so that the
# crowded years keep their width.
BREAK_AFTER_GAP_YEARS = 2.0
MIN_SEGMENT_YEARS = 1.8
_STUDY_SHADES = ("#D9D9D9", "#ECECEC")


def kind_colors() -> dict[str, str]:
    """A colour per kind of event, in the order the schema lists the kinds."""
    kinds = next(
        f["constraints"]["enum"]
        for f in resource("timeline")["schema"]["fields"]
        if f["name"] == "kind"
    )
    return dict(zip(kinds, _KIND_PALETTE, strict=True))


def axis_segments(data: pd.DataFrame) -> list[tuple[int, int]]:
    """Year ranges of the x axis: one, or two when the events leave a long empty gap.

    Each range runs from 1 January of the first year to 1 January after the last year of
    the events it holds.  The axis is broken at the first gap between consecutive periods
    longer than :data:`BREAK_AFTER_GAP_YEARS`.
    """
    ordered = data.sort_values("x_start")
    reach = ordered["x_end"].cummax().shift()
    gaps = ordered["x_start"] - reach
    segments, start = [], math.floor(ordered["x_start"].min())
    for position, gap in gaps.items():
        if gap > BREAK_AFTER_GAP_YEARS:
            segments.append((start, math.ceil(reach[position])))
            start = math.floor(ordered.at[position, "x_start"])
    segments.append((start, math.ceil(ordered["x_end"].max())))
    return segments


def timeline_chart(data: pd.DataFrame) -> Figure:
    """One row per event: a marker at its plotting position, a bar over the period covered.

    The marker's shape gives the date's precision; colours give the kind of event; park
    events are labelled with the park code; the study's fieldwork and data collection are
    shaded bands and the 57th SPICE meeting a dashed line, across all rows.  Long empty
    stretches of time are cut out (see :func:`axis_segments`), marked by a double slash.
    """
    colors = kind_colors()
    segments = axis_segments(data)
    # A short segment still gets room for its two year labels.
    widths = [max(end - start, MIN_SEGMENT_YEARS) for start, end in segments]
    fig, axes = new_figure(
        width=10.0,
        height=0.32 * len(data) + 2.6,
        ncols=len(segments),
        sharey=True,
        gridspec_kw={"width_ratios": widths, "wspace": 0.02},
    )
    axes = list(axes) if len(segments) > 1 else [axes]
    by_id = data.set_index("event_id")
    for ax, (start, end) in zip(axes, segments, strict=True):
        for event_id, shade in zip(STUDY_PERIODS, _STUDY_SHADES, strict=True):
            if event_id in by_id.index:
                ax.axvspan(
                    by_id.at[event_id, "x_start"],
                    by_id.at[event_id, "x_end"],
                    color=shade,
                    zorder=0,
                    lw=0,
                )
        if SPICE_MEETING in by_id.index:
            ax.axvline(by_id.at[SPICE_MEETING, "x"], color="#555555", ls="--", lw=1, zorder=1)
        for event in data.itertuples(index=False):
            _draw_event(ax, event, colors[event.kind])
        ax.set_xlim(start - 0.15, end + 0.15)
        ax.set_xticks(range(start, end + 1))
        ax.tick_params(axis="x", labelsize=9)
        ax.grid(axis="y", visible=False)
        ax.grid(axis="x", color="#E5E5E5")
    axes[0].set_yticks(data["row"].to_list(), data["label"].to_list(), fontsize=9.5)
    axes[0].set_ylim(len(data) - 0.4, -0.6)
    for left, right in zip(axes, axes[1:], strict=False):
        _mark_break(left, right)
    fig.supxlabel("Year (tick = 1 January)", fontsize=11)
    fig.legend(
        handles=_timeline_legend(data, colors),
        loc="outside upper center",
        ncol=3,
        frameon=False,
        fontsize=9,
    )
    return fig


def _draw_event(ax, event, color: str) -> None:
    ax.barh(
        event.row,
        event.x_end - event.x_start,
        left=event.x_start,
        height=0.5,
        color=color,
        alpha=0.3,
        lw=0,
        zorder=2,
    )
    filled = event.precision == "day"
    ax.plot(
        event.x,
        event.row,
        marker=PRECISION_MARKERS[event.precision],
        ms=7,
        color=color,
        mfc=color if filled else "white",
        mew=1.8,
        ls="none",
        zorder=3,
    )
    if isinstance(event.park, str) and event.park:
        ax.annotate(
            event.park,
            (event.x_end, event.row),
            xytext=(5, 0),
            textcoords="offset points",
            va="center",
            fontsize=9,
            fontweight="bold",
            color=color,
            annotation_clip=True,
        )


def _mark_break(left, right) -> None:
    """Hide the touching spines and draw a double slash where the axis is cut."""
    left.spines["right"].set_visible(False)
    right.spines["left"].set_visible(False)
    right.tick_params(axis="y", left=False)
    style = {
        "marker": [(-1, -1.5), (1, 1.5)],
        "markersize": 10,
        "linestyle": "none",
        "color": "#444444",
        "mec": "#444444",
        "mew": 1,
        "clip_on": False,
    }
    left.plot([1], [0], transform=left.transAxes, **style)
    right.plot([0], [0], transform=right.transAxes, **style)


def _timeline_legend(data: pd.DataFrame, colors: dict[str, str]) -> list:
    """Three legend columns: kinds of event, date precision, the study and the meeting."""
    blank = Patch(alpha=0, label=" ")
    kinds = [Patch(color=colors[k], label=KIND_LABELS[k]) for k in colors if k in set(data["kind"])]
    precisions = [
        Line2D(
            [],
            [],
            marker=PRECISION_MARKERS[p],
            color="#444444",
            mfc="#444444" if p == "day" else "white",
            ls="none",
            label=PRECISION_LABELS[p],
        )
        for p in ("day", "month", "year")
        if p in set(data["precision"])
    ]
    events = data.set_index("event_id")
    context = []
    for event_id, shade in zip(STUDY_PERIODS, _STUDY_SHADES, strict=True):
        if event_id in events.index:
            row = events.loc[event_id]
            label = f"{short_label(row['event'])}, {format_date(row['start'], row['end'])}"
            context.append(Patch(color=shade, label=label))
    if SPICE_MEETING in events.index:
        row = events.loc[SPICE_MEETING]
        label = f"{spice_meeting_name(data)}, {format_date(row['start'], row['end'])}"
        context.append(Line2D([], [], color="#555555", ls="--", lw=1, label=label))
    height = max(len(kinds), len(precisions), len(context))
    columns = [kinds, precisions, context]
    return [h for column in columns for h in column + [blank] * (height - len(column))]


def timeline_table(timeline: pd.DataFrame) -> pd.DataFrame:
    """The timeline for readers: date as the source gives it, event, kind, park, source, note."""
    return pd.DataFrame(
        {
            "Date": [
                unbreakable(format_date(s, e, p))
                for s, e, p in zip(
                    timeline["start"], timeline["end"], timeline["precision"], strict=True
                )
            ],
            "Event": timeline["event"],
            "Kind": timeline["kind"].map(KIND_LABELS),
            "Park": [park_label(p) if isinstance(p, str) else "" for p in timeline["park"]],
            "Place": timeline["place"].fillna("not stated"),
            "Source": timeline["source"],
            "Note": timeline["note"].fillna(""),
        }
    )


def timeline_caption(data: pd.DataFrame) -> str:
    """Caption (and text alternative) of the timeline chart, from :func:`timeline_data`."""
    timeline = data.set_index("event_id")
    parks = data[data["park"].notna()]
    founded = sorted({int(x) for x in parks["x_start"]})
    fieldwork = timeline.loc[STUDY_PERIODS[0]]
    meeting = timeline.loc[SPICE_MEETING]
    undated = int(timeline["note"].str.contains("gives no exact day", regex=False).sum())
    meeting_name = spice_meeting_name(data)
    return (
        f"One row per dated event ({len(data)} events, {min(years_covered(data))} to "
        f"{max(years_covered(data))}), coloured by kind; the marker shape shows how precise "
        f"the source's date is, and a year-only date is drawn at mid-year with a bar over the "
        f"whole year. The {len(parks)} surveyed parks were founded between {founded[0]} and "
        f"{founded[-1]}, before the fieldwork ({format_date(fieldwork['start'], fieldwork['end'])}"
        f"); the {meeting_name} ({format_date(meeting['start'], meeting['end'])}) is the "
        "dashed line."
        + (
            f" The {undated} events of that meeting whose day the report does not give are drawn"
            " at the meeting's dates."
            if undated
            else ""
        )
        + (
            " The axis is cut where nothing happens for years."
            if len(axis_segments(data)) > 1
            else ""
        )
    )


def years_covered(data: pd.DataFrame) -> list[int]:
    """First and last calendar year the timeline's events fall in."""
    return [math.floor(data["x_start"].min()), math.ceil(data["x_end"].max()) - 1]


def spice_meeting_name(timeline: pd.DataFrame) -> str:
    """The meeting's name as the timeline gives it, e.g. "57th SPICE meeting".

    ``timeline`` is the ``timeline`` resource or :func:`timeline_data` (any frame with
    ``event_id`` and ``event``).
    """
    event = timeline.set_index("event_id").at[SPICE_MEETING, "event"]
    return event.split(" / ")[0]


# --------------------------------------------------------------------------------------
# Following a park
# --------------------------------------------------------------------------------------

TIMELINE_CAPTION = "The timeline as a table: dates as the sources give them"


def timeline_table_html(park: object = ALL_PARKS) -> str:
    """The timeline table with one park's events highlighted (any other value: none).

    ``park`` comes from a widget or the URL, so anything but a park code is ignored.
    """
    from .display.park_filter import valid_parks

    chosen = valid_parks([park])
    table = timeline_table(load("timeline"))
    if not chosen:
        return table_html(table, TIMELINE_CAPTION, source_text("timeline"))
    label = park_label(chosen[0])
    events = int((table["Park"] == label).sum())
    note = (
        f'<p class="tp-note">{escape(label)}: {events} dated event'
        f"{'' if events == 1 else 's'} in the timeline, highlighted below.</p>"
    )
    return note + table_html(
        table, TIMELINE_CAPTION, source_text("timeline"), [label], highlight_column="Park"
    )


def timeline_explorer() -> Shown:
    """A park selector above the timeline table, highlighting that park's events.

    A link with ``?park=KGP`` (as on the survey chapter) preselects the park.
    """
    control = Control("park", "Highlight", tuple(park_options()), default=ALL_PARKS)
    chooser = Chooser("timeline", [control], plain_query)
    view = SwitchedView("timeline", chooser.views(timeline_table_html), chooser.selection)
    return Shown((chooser, view))
