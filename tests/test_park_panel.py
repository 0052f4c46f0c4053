"""The park chooser of the survey chapter: every view prepared, keyed by its query string."""

from __future__ import annotations

import itertools

import pytest

from helpers import survey
from helpers.data.datapackage import load
from helpers.data.parks import park_codes
from helpers.display import park_filter as pf
from helpers.display.park_panel import ParkPanel, park_controls, selection_key
from helpers.display.switchboard import SwitchedView


@pytest.fixture(scope="module")
def panel():
    return ParkPanel()


def every_selection() -> list[pf.Selection]:
    codes = park_codes()
    compared = [
        pf.Selection(compare=combo)
        for size in range(2, len(codes) + 1)
        for combo in itertools.combinations(codes, size)
    ]
    return [pf.EVERY_PARK, *(pf.Selection(focus=code) for code in codes), *compared]


def test_the_chooser_reaches_every_view_a_reader_can_reach(panel):
    keys = set(panel.chooser.canonical)
    assert keys == {selection.query() for selection in every_selection()}
    assert len(keys) == 1 + 5 + 26
    # Every combination of the controls has a key: 6 park choices x 32 sets of boxes.
    assert len(panel.chooser.table) == 6 * 2**5


@pytest.mark.parametrize(
    ("park", "compare", "key"),
    [
        ("ALL", (), ""),
        ("KGP", (), "?park=KGP"),
        ("ALL", ("KST",), "?park=KST"),  # one park to compare: that park in focus
        ("KGP", ("ABI",), "?park=KGP"),
        ("KGP", ("ABI", "PPV"), "?compare=ABI,PPV"),  # two or more: compared
    ],
)
def test_control_values_resolve_as_the_url_does(park, compare, key):
    assert selection_key(park_controls(), (park, compare)) == key
    assert pf.selection_from_query(key) == pf.selection_from_values(park, list(compare))


def test_canonical_controls_of_a_key(panel):
    assert panel.chooser.canonical["?park=KGP"] == ["KGP", []]
    assert panel.chooser.canonical["?compare=ABI,KGP"] == ["ALL", ["ABI", "KGP"]]
    assert panel.chooser.canonical[""] == ["ALL", []]


def test_each_park_table_holds_the_view_of_every_key(panel):
    table_07 = load("table-07")
    table = panel.park_table("table-07", table_07, survey.sales_view)
    assert isinstance(table, SwitchedView) and table.group == panel.chooser.group
    for selection in every_selection():
        expected = pf.section_html("table-07", table_07, survey.sales_view, selection)
        assert table.html(selection.query()) == expected
    assert table.html() == pf.section_html(  # shown first
        "table-07", table_07, survey.sales_view, pf.EVERY_PARK
    )
    assert "Table 7 reports no data for Kostanai Technopark (KST)." in table.html("?park=KST")


def test_selector_says_what_is_shown_and_fades_the_other_parks(panel):
    chooser, status, style = panel.selector()
    assert chooser is panel.chooser and status.live and not style.live
    assert "Showing: Karaganda Technopark (KGP)" in status.html("?park=KGP")
    assert 'href="?park=KGP"' in status.html("?park=KGP")
    assert style.html("") == "" and "tp--kgp--" in style.html("?park=KGP")
