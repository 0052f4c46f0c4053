"""A widget view re-renders from control values."""

from __future__ import annotations

import ipywidgets as widgets

from helpers.widget_views import linked_html


def test_linked_html_renders_now_and_on_every_change():
    colour = widgets.Dropdown(options=["red", "blue"], value="red")
    size = widgets.IntSlider(value=3)
    view = linked_html(lambda colour, size: f"<p>{colour} {size}</p>", colour=colour, size=size)
    assert view.value == "<p>red 3</p>"
    colour.value = "blue"
    assert view.value == "<p>blue 3</p>"
    size.value = 7
    assert view.value == "<p>blue 7</p>"
