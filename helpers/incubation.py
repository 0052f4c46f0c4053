"""The Kazakh business incubation scene around 2002, from the SPICE meeting report.

Reads the ``incubation-2002`` resource (the 57th SPICE meeting's programme, outcomes and
to-do list, and the April 2004 count of incubators) and the incubation milestones of the
``timeline`` resource; every number shown is read from them.
"""

from __future__ import annotations

import re

import pandas as pd

from .display.html import bullet_list
from .timeline import format_date, spice_meeting_name, unbreakable

INCUBATION_MILESTONES = [
    "conf-business-incubation-2000",
    "conf-incubator-association-2001",
    "spice-57th-meeting",
]
INCUBATORS_2004 = "stat-incubators-2004-04"


def incubation_items(incubation_2002: pd.DataFrame, kind: str) -> pd.DataFrame:
    """Rows of the loaded ``incubation-2002`` resource of one kind (programme, outcome,
    to_do, statistic)."""
    known = set(incubation_2002["kind"])
    if kind not in known:
        raise ValueError(f"unknown kind {kind!r}; known: {', '.join(sorted(known))}")
    return incubation_2002[incubation_2002["kind"] == kind].reset_index(drop=True)


def programme_table(incubation_2002: pd.DataFrame) -> pd.DataFrame:
    """The meeting's work programme: item and participants (where the report counts them)."""
    items = incubation_items(incubation_2002, "programme")
    participants = items["value"].where(items["measure"] == "participants")
    return pd.DataFrame({"Programme item": items["text"], "Participants (count)": participants})


def programme_caption(incubation_2002: pd.DataFrame, timeline: pd.DataFrame) -> str:
    """Caption of the programme table: the meeting's name (from ``timeline``) and dates."""
    dates = incubation_items(incubation_2002, "programme")["date"].iloc[0].split("/")
    meeting = spice_meeting_name(timeline)
    return f"The {meeting}, {format_date(*dates, 'day')}: the work programme"


def incubation_list_html(incubation_2002: pd.DataFrame, kind: str) -> str:
    """Outcomes or to-do items of the report as a bulleted list."""
    return bullet_list(list(incubation_items(incubation_2002, kind)["text"]))


def incubation_milestones(timeline: pd.DataFrame) -> pd.DataFrame:
    """The dated steps of Kazakh business incubation up to 2002, from the loaded ``timeline``."""
    steps = timeline.set_index("event_id").loc[INCUBATION_MILESTONES]
    return pd.DataFrame(
        {
            "Date": [
                unbreakable(format_date(s, e, p))
                for s, e, p in zip(steps["start"], steps["end"], steps["precision"], strict=True)
            ],
            "Event": steps["event"].to_numpy(),
            "Place": steps["place"].to_numpy(),
            "Source": steps["source"].to_numpy(),
        }
    )


def incubators_2004(incubation_2002: pd.DataFrame) -> pd.Series:
    """The April 2004 count of business incubators (row of ``incubation-2002``)."""
    return incubation_2002[incubation_2002["item_id"] == INCUBATORS_2004].iloc[0]


def incubation_values(incubation_2002: pd.DataFrame) -> dict[str, int | str]:
    """What the chapter's paragraph on the meeting and the later count of incubators states.

    The meeting's participant counts, the month, number and source of the 2004 count of
    business incubators, and ``incubators_2004_caveat``: what that count may not be compared
    with (the row's note, without its cross-references to timeline rows).
    """
    programme = incubation_items(incubation_2002, "programme").set_index("item_id")
    later = incubators_2004(incubation_2002)
    sentences = re.split(r"(?<=\.)\s+", str(later["note"]))
    return {
        "seminar_participants": int(programme.at["prog-training-seminar", "value"]),
        "conference_participants": int(programme.at["prog-kabic-conference", "value"]),
        "incubators_2004_month": pd.Timestamp(later["date"] + "-01").strftime("%B %Y"),
        "incubators_2004": int(later["value"]),
        "incubators_2004_source": later["source"],
        "incubators_2004_caveat": " ".join(s for s in sentences if "timeline row" not in s),
    }
