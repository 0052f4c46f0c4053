"""The Kazakh incubation scene around 2002: the incubation-2002 resource and its views."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers import incubation as inc
from helpers import timeline as tl
from helpers.data.datapackage import load


@pytest.fixture
def incubation_2002() -> pd.DataFrame:
    return load("incubation-2002")


# --- the 2002 incubation scene --------------------------------------------------------


def test_incubation_resource_holds_the_report_facts(incubation_2002):
    data = incubation_2002
    assert set(data["kind"]) == {"programme", "outcome", "to_do", "statistic"}
    assert data["source"].notna().all()
    values = data.set_index("item_id")["value"]
    assert values["prog-training-seminar"] == 23
    assert values["prog-kabic-conference"] == 100
    assert values["stat-incubators-2004-04"] == 43
    assert len(inc.incubation_items(data, "to_do")) == 5
    with pytest.raises(ValueError, match="unknown kind"):
        inc.incubation_items(data, "gossip")


def test_incubator_count_agrees_with_the_timeline(incubation_2002):
    event = load("timeline").set_index("event_id").loc["kz-43-incubators-2004"]
    row = inc.incubators_2004(incubation_2002)
    assert f"{row['value']} business incubators" in event["event"]
    assert row["date"] == event["start"]


def test_programme_table_and_caption(incubation_2002):
    table = inc.programme_table(incubation_2002)
    assert len(table) == len(inc.incubation_items(incubation_2002, "programme"))
    participants = table.dropna()
    assert participants["Participants (count)"].tolist() == [23, 100]
    caption = inc.programme_caption(incubation_2002, load("timeline"))
    assert caption == "The 57th SPICE meeting, 10–15 Sep 2002: the work programme"


def test_incubation_values_are_read_from_the_data(incubation_2002):
    values = inc.incubation_values(incubation_2002)
    assert values["seminar_participants"] == 23 and values["conference_participants"] == 100
    assert values["incubators_2004_month"] == "April 2004" and values["incubators_2004"] == 43
    row = inc.incubators_2004(incubation_2002)
    assert values["incubators_2004_source"] == row["source"]
    assert values["incubators_2004_source"].startswith("spice-group.de event chronicle")
    caveat = values["incubators_2004_caveat"]
    assert caveat.startswith("Not comparable") and "timeline row" not in caveat
    assert caveat in row["note"]
    assert not any(isinstance(v, float) for v in values.values())  # prose() refuses floats


def test_milestones_come_from_the_timeline():
    milestones = inc.incubation_milestones(load("timeline"))
    dates = [d.replace(tl.NBSP, " ").replace(tl.WORD_JOINER, "") for d in milestones["Date"]]
    assert dates == ["24–27 Feb 2000", "24–27 Apr 2001", "10–15 Sep 2002"]
    assert "First National Conference on Business Incubation" in milestones["Event"].iloc[0]
    assert "national programme" in milestones["Event"].iloc[1]


def test_incubation_lists_are_escaped_html_strings(incubation_2002):
    to_do = inc.incubation_list_html(incubation_2002, "to_do")
    assert isinstance(to_do, str)
    assert to_do.count("<li>") == 5 and "Diversification of business incubator" in to_do
    outcome = inc.incubation_list_html(incubation_2002, "outcome")
    assert "&#x27;incubation people&#x27;" in outcome and "'" not in outcome
