"""Embedded widgets: on the readers' site a widget is HTML carrying its module and state."""

from __future__ import annotations

import json
import re

import pytest

from helpers.display import embedded
from helpers.display.switchboard import Chooser, Control, SwitchedView, plain_query
from tools import build_site

SPEC = re.compile(
    r'^<div class="tp-embedded-widget" data-widget="(\w+)">'
    r'<script type="application/vnd\.technoparks\.widget\+json">([^<]*)</script>(.*)</div>$',
    re.DOTALL,
)
PARK = Control("park", "Park", (("All parks", "ALL"), ("Karaganda", "KGP")), default="ALL")


def widgets() -> tuple[Chooser, SwitchedView]:
    chooser = Chooser("demo", [PARK], plain_query)
    view = SwitchedView("demo", chooser.views(lambda park: f"<p>Showing {park}</p>"))
    return chooser, view


def test_mode_comes_from_the_environment(monkeypatch):
    monkeypatch.delenv(embedded.MODE_VARIABLE, raising=False)
    assert embedded.mode() == "live"
    monkeypatch.setenv(embedded.MODE_VARIABLE, " Embedded ")
    assert embedded.mode() == "embedded"
    monkeypatch.setenv(embedded.MODE_VARIABLE, "static")
    with pytest.raises(ValueError, match="TECHNOPARKS_WIDGETS='static'"):
        embedded.mode()


def test_state_cannot_end_its_script_element():
    text = embedded.script_json({"html": "</script><script>alert(1)</script><!--", "x": "\u2028"})
    assert "<" not in text and "\u2028" not in text
    assert json.loads(text) == {"html": "</script><script>alert(1)</script><!--", "x": "\u2028"}


def test_live_widgets_are_anywidgets_with_their_fallback(monkeypatch):
    monkeypatch.delenv(embedded.MODE_VARIABLE, raising=False)
    chooser, view = widgets()
    data, _ = view._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in data
    assert data["text/html"] == "<p>Showing ALL</p>"
    data, _ = chooser._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in data and "text/html" not in data


def test_embedded_widgets_carry_module_state_and_fallback(monkeypatch):
    monkeypatch.setenv(embedded.MODE_VARIABLE, "embedded")
    chooser, view = widgets()
    for widget, fallback in ((chooser, ""), (view, "<p>Showing ALL</p>")):
        data, metadata = widget._repr_mimebundle_()
        assert set(data) == {"text/html", "text/plain"} and metadata == {}
        name, spec, shown = SPEC.match(data["text/html"]).groups()
        spec = json.loads(spec)
        assert name == type(widget).__name__ and shown == fallback
        assert spec["module"] == widget._esm and "export default" in spec["module"]
        assert spec["css"] == widget._css
        assert spec["state"] == json.loads(json.dumps(widget.cache_state()))
    assert json.loads(SPEC.match(view._repr_mimebundle_()[0]["text/html"])[2])["state"][
        "views"
    ] == {"": [0], "?park=KGP": [1]}


def test_the_static_pages_script_is_the_apps():
    template = build_site.TEMPLATE
    for name in ("embedded_widgets.js", "takeaway.js"):
        assert (template / name).read_text(encoding="utf-8") in build_site.SITE_SCRIPT_TEXT
        assert f"{{% include '{name}' %}}" in (template / "index.html.j2").read_text()
    # Nothing from another host, and no eval: the widget manager that needed it is gone.
    assert "'unsafe-eval'" not in build_site.CONTENT_SECURITY_POLICY
