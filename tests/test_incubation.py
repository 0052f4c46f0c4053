"""The Kazakh incubation scene around 2002: the incubation-2002 resource and its views."""

from __future__ import annotations

import pytest

from helpers import incubation as inc
from helpers import timeline as tl
from helpers.datapackage import load

# --- the 2002 incubation scene --------------------------------------------------------


def test_incubation_resource_holds_the_report_facts():
    data = load("incubation-2002")
    assert set(data["kind"]) == {"programme", "outcome", "to_do", "statistic"}
    assert data["source"].notna().all()
    values = data.set_index("item_id")["value"]
    assert values["prog-training-seminar"] == 23
    assert values["prog-kabic-conference"] == 100
    assert values["stat-incubators-2004-04"] == 43
    assert len(inc.incubation_items("to_do")) == 5
    with pytest.raises(ValueError, match="unknown kind"):
        inc.incubation_items("gossip")


def test_incubator_count_agrees_with_the_timeline():
    event = load("timeline").set_index("event_id").loc["kz-43-incubators-2004"]
    row = inc.incubators_2004()
    assert f"{row['value']} business incubators" in event["event"]
    assert row["date"] == event["start"]


def test_programme_table_and_sentences():
    table = inc.programme_table()
    assert len(table) == len(inc.incubation_items("programme"))
    participants = table.dropna()
    assert participants["Participants (count)"].tolist() == [23, 100]
    sentence = inc.incubation_sentence()
    assert "23 participants at the training seminar and 100 at the KABIC" in sentence
    assert (
        "In April 2004, Kazakhstan had 43 business incubators, according to the spice" in sentence
    )
    caveat = inc.incubators_2004_caveat()
    assert caveat.startswith("Not comparable") and "timeline row" not in caveat
    html = inc.programme_html().data
    assert "The 57th SPICE meeting, 10–15 Sep 2002: the work programme" in html
    assert "Source: SPICE network" in html and "data/incubation-2002.csv" in html


def test_milestones_come_from_the_timeline():
    milestones = inc.incubation_milestones()
    dates = [d.replace(tl.NBSP, " ").replace(tl.WORD_JOINER, "") for d in milestones["Date"]]
    assert dates == ["24–27 Feb 2000", "24–27 Apr 2001", "10–15 Sep 2002"]
    assert "First National Conference on Business Incubation" in milestones["Event"].iloc[0]
    assert "national programme" in milestones["Event"].iloc[1]


def test_incubation_lists():
    to_do = inc.incubation_list_html("to_do").data
    assert to_do.count("<li>") == 5 and "Diversification of business incubator" in to_do
