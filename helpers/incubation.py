"""The Kazakh business incubation scene around 2002, from the SPICE meeting report.

Reads the ``incubation-2002`` resource (the 57th SPICE meeting's programme, outcomes and
to-do list, and the April 2004 count of incubators) and the incubation milestones of the
``timeline`` resource; every number shown is read from them.
"""

from __future__ import annotations

import html
import re

import pandas as pd
from IPython.display import HTML

from .datapackage import load
from .tables import html_table
from .theme import source_text
from .timeline import format_date, spice_meeting_name, unbreakable

INCUBATION_MILESTONES = [
    "conf-business-incubation-2000",
    "conf-incubator-association-2001",
    "spice-57th-meeting",
]
INCUBATORS_2004 = "stat-incubators-2004-04"


def incubation_items(kind: str) -> pd.DataFrame:
    """Rows of ``incubation-2002`` of one kind (programme, outcome, to_do, statistic)."""
    frame = load("incubation-2002")
    known = set(frame["kind"])
    if kind not in known:
        raise ValueError(f"unknown kind {kind!r}; known: {', '.join(sorted(known))}")
    return frame[frame["kind"] == kind].reset_index(drop=True)


def programme_table() -> pd.DataFrame:
    """The meeting's work programme: item and participants (where the report counts them)."""
    items = incubation_items("programme")
    participants = items["value"].where(items["measure"] == "participants")
    return pd.DataFrame({"Programme item": items["text"], "Participants (count)": participants})


def incubation_list_html(kind: str) -> HTML:
    """Outcomes or to-do items of the report as a bulleted list."""
    items = incubation_items(kind)
    entries = "\n".join(f"<li>{html.escape(text)}</li>" for text in items["text"])
    return HTML(f"<ul>\n{entries}\n</ul>")


def incubation_milestones() -> pd.DataFrame:
    """The dated steps of Kazakh business incubation up to 2002, from ``timeline``."""
    timeline = load("timeline").set_index("event_id").loc[INCUBATION_MILESTONES]
    return pd.DataFrame(
        {
            "Date": [
                unbreakable(format_date(s, e, p))
                for s, e, p in zip(
                    timeline["start"], timeline["end"], timeline["precision"], strict=True
                )
            ],
            "Event": timeline["event"].to_numpy(),
            "Place": timeline["place"].to_numpy(),
            "Source": timeline["source"].to_numpy(),
        }
    )


def incubators_2004() -> pd.Series:
    """The April 2004 count of business incubators (row of ``incubation-2002``)."""
    frame = load("incubation-2002")
    return frame[frame["item_id"] == INCUBATORS_2004].iloc[0]


def incubation_sentence() -> str:
    """The meeting's participant counts and the later count of incubators, from the data."""
    programme = incubation_items("programme").set_index("item_id")
    seminar = programme.at["prog-training-seminar", "value"]
    conference = programme.at["prog-kabic-conference", "value"]
    later = incubators_2004()
    when = pd.Timestamp(later["date"] + "-01").strftime("%B %Y")
    return (
        f"The report counts {seminar} participants at the training seminar and {conference} at "
        f"the KABIC conference. In {when}, Kazakhstan had {later['value']} business incubators, "
        f"according to the {later['source']}."
    )


def incubators_2004_caveat() -> str:
    """What the 2004 count may not be compared with: the row note, minus cross-references."""
    sentences = re.split(r"(?<=\.)\s+", str(incubators_2004()["note"]))
    return " ".join(s for s in sentences if "timeline row" not in s)


def programme_html() -> HTML:
    """The programme table with the report as its source line."""
    dates = incubation_items("programme")["date"].iloc[0].split("/")
    return html_table(
        programme_table(),
        caption=f"The {spice_meeting_name()}, {format_date(*dates, 'day')}: the work programme",
        source=source_text("incubation-2002"),
    )
