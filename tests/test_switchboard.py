"""The chooser and its switched views: tables computed in Python, values bent by visitors."""

from __future__ import annotations

import json
import re

import pytest

from helpers.display.switchboard import (
    Chooser,
    Control,
    Shown,
    SwitchedView,
    choices,
    compact,
    expand,
    plain_query,
    state_string,
)

COLOUR = Control("colour", "Colour", (("Any", "any"), ("Red", "red"), ("Blue", "blue")), "any")
SIZES = Control(
    "size", "Sizes", (("Small", "S"), ("Large", "L")), default=(), multiple=True, clear_label="X"
)


def test_control_rejects_values_that_cannot_travel_and_unknown_defaults():
    with pytest.raises(ValueError, match="plain text"):
        Control("x", "X", (("Bad", 'a"b'),), 'a"b')
    with pytest.raises(ValueError, match="plain text"):
        Control("x", "X", (("Comma", "a,b"),), "a,b")
    with pytest.raises(ValueError, match="not an option"):
        Control("x", "X", (("A", "a"),), "b")
    with pytest.raises(ValueError, match="not an option"):
        Control("x", "X", (("A", "a"),), ("b",), multiple=True)


def test_states_cover_every_option_and_every_subset():
    assert COLOUR.states() == ["any", "red", "blue"]
    assert sorted(SIZES.states()) == sorted([(), ("S",), ("L",), ("S", "L")])
    assert len(list(choices([COLOUR, SIZES]))) == 3 * 4


def test_state_string_is_what_json_stringify_writes():
    # chooser.js looks keys up with JSON.stringify(values): compact, lists, no ASCII escapes.
    assert state_string(("red", ("S", "L"))) == '["red",["S","L"]]'
    assert state_string(("Région",)) == '["Région"]'


def test_plain_query_names_only_what_differs_from_the_default():
    assert plain_query([COLOUR, SIZES], ("any", ())) == ""
    assert plain_query([COLOUR, SIZES], ("red", ("S", "L"))) == "?colour=red&size=S,L"
    kind = Control("kind", "Kind", (("All", "ALL"), ("Science park", "science park")), "ALL")
    assert plain_query([kind], ("science park",)) == "?kind=science+park"


def test_chooser_table_maps_every_combination_to_a_key_with_canonical_values():
    chooser = Chooser("demo", [COLOUR, SIZES], plain_query)
    assert len(chooser.table) == 12 and set(chooser.table.values()) == set(chooser.canonical)
    assert chooser.selection == ""
    assert chooser.table['["blue",["L"]]'] == "?colour=blue&size=L"
    assert chooser.canonical["?colour=blue&size=L"] == ["blue", ["L"]]
    assert chooser.values_for("?size=S") == {"colour": "any", "size": ("S",)}
    views = chooser.views(lambda colour, size: f"<p>{colour} {'+'.join(size)}</p>")
    assert views["?colour=red&size=S,L"] == "<p>red S+L</p>"


def test_canonical_values_prefer_the_fewest_and_earliest_changes():
    # Two controls that both reach the key "?pick=a": the first control's value is shown.
    first = Control("pick", "Pick", (("None", "-"), ("A", "a")), "-")
    second = Control("also", "Also", (("None", "-"), ("A", "a")), "-")

    def either(controls, values):
        return "?pick=a" if "a" in values else ""

    chooser = Chooser("demo", [first, second], either)
    assert chooser.canonical["?pick=a"] == ["a", "-"]


def test_chooser_rejects_an_unknown_initial_selection():
    with pytest.raises(ValueError, match="no choice has the key"):
        Chooser("demo", [COLOUR], plain_query, selection="?colour=green")


def test_compact_shares_lines_and_expands_back_exactly():
    table = "<table>\n<tr><td>1</td></tr>\n<tr><td>2</td></tr>\n</table>\n"
    link = '<a href="data:text/csv,a%2Cb%0A1%2C2%0A">csv</a>'
    views = {"": table + link, "?x=1": table.replace("2", "3") + link}
    fragments, index = compact(views)
    for key, html in views.items():
        assert expand(fragments, index, key) == html
    assert len(fragments) < sum(len(v) for v in index.values())  # something was shared
    assert fragments.count("<table>\n") == 1


def test_switched_view_shows_its_default_as_html_for_nbval_and_static_readers():
    view = SwitchedView("demo", {"": "<p>all</p>\n", "?x=1": "<p>one</p>\n"}, live=True)
    data, _ = view._repr_mimebundle_()
    assert data["text/html"] == "<p>all</p>\n"
    assert view.html("?x=1") == "<p>one</p>\n"
    assert "SwitchedView(group='demo', views=2" in data["text/plain"]
    with pytest.raises(ValueError, match="no view"):
        SwitchedView("demo", {"": "x"}, selection="?missing")


def test_cache_state_rebuilds_an_equal_widget():
    chooser = Chooser("demo", [COLOUR, SIZES], plain_query, selection="?colour=red")
    again = Chooser.from_cache_state(json.loads(json.dumps(chooser.cache_state())))
    # Everything but the layout, a separate (default) widget of each DOM widget.
    assert {k: v for k, v in again.get_state().items() if k != "layout"} == {
        k: v for k, v in chooser.get_state().items() if k != "layout"
    }
    assert again.values_for("?colour=red") == chooser.values_for("?colour=red")
    view = SwitchedView("demo", {"": "a\n", "?x": "b\n"})
    copy = SwitchedView.from_cache_state(json.loads(json.dumps(view.cache_state())))
    assert copy.html("?x") == "b\n" and repr(copy) == repr(view)


def recording(widget):
    """Record what the kernel sends to the browser (no comm needed)."""
    widget.sent = []
    widget._send = lambda msg, buffers=None: widget.sent.append(msg)
    return widget


def update(widget, state):
    """A widget message as a visitor's browser would send it."""
    widget._handle_msg({"content": {"data": {"method": "update", "state": state}}})


@pytest.fixture
def chooser():
    return recording(Chooser("demo", [COLOUR, SIZES], plain_query))


@pytest.mark.parametrize("bent", [None, "?colour=green", 42, ["?colour=red"], "<script>x</script>"])
def test_bent_selections_are_refused_and_the_browser_told_the_truth(chooser, bent):
    update(chooser, {"selection": bent})
    assert chooser.selection == ""
    restored = [m for m in chooser.sent if m.get("method") == "update"]
    assert restored and restored[-1]["state"]["selection"] == ""


def test_a_known_selection_is_taken(chooser):
    update(chooser, {"selection": "?colour=blue"})
    assert chooser.selection == "?colour=blue"


@pytest.mark.parametrize("trait", ["_esm", "_css", "controls", "table", "canonical", "group"])
def test_traits_readers_have_no_reason_to_change_are_kept(chooser, trait):
    before = getattr(chooser, trait)
    update(chooser, {trait: "<script>alert(1)</script>"})
    assert getattr(chooser, trait) == before
    assert chooser.sent[-1]["state"] == {trait: chooser.get_state(trait)[trait]}


def test_views_take_nothing_from_the_browser():
    view = recording(SwitchedView("demo", {"": "a", "?x": "b"}))
    update(view, {"selection": "?x", "views": {}, "fragments": ["<img src=x onerror=1>"]})
    assert view.selection == "" and view.html("?x") == "b"


@pytest.mark.parametrize(
    "message",
    [
        {},
        {"content": {}},
        {"content": {"data": "update"}},
        {"content": {"data": {"method": "update"}}},
        {"content": {"data": {"method": "update", "state": ["selection"]}}},
        {"content": {"data": {"method": "custom", "content": {"x": 1}}}},
        {"content": {"data": {"method": "nonsense"}}},
    ],
)
def test_malformed_messages_are_dropped_silently(chooser, message):
    chooser._handle_msg(message)
    assert chooser.selection == "" and chooser.sent == []


def test_state_request_is_answered(chooser):
    chooser._handle_msg({"content": {"data": {"method": "request_state"}}})
    assert chooser.sent[-1]["state"]["selection"] == ""


def test_shown_displays_its_items_in_order(monkeypatch):
    import IPython.display

    shown = []
    monkeypatch.setattr(IPython.display, "display", lambda *items: shown.extend(items))
    Shown(("first", "second"))._ipython_display_()
    assert shown == ["first", "second"]


def test_chooser_script_reads_only_its_own_parameters_and_known_values():
    # The browser side has no logic beyond looking values up; pin the few rules it has.
    from helpers.display.switchboard import HERE

    script = (HERE / "chooser.js").read_text()
    assert "history.replaceState" in script and "pushState" not in script
    assert re.search(r"value\.toLowerCase\(\) === raw\.trim\(\)\.toLowerCase\(\)", script)
    assert "innerHTML" not in script  # controls are built from text, never from HTML
