"""Views that follow widgets by setting a value, never by displaying into an output area.

An ``interactive_output`` renders into an Output widget, which under nbval (no widget
front end) prints into the cell instead; a view whose HTML is a widget *value* shows the
same under Voila, in JupyterLab and in the committed notebook.
"""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as widgets


def linked_html(render: Callable[..., str], **controls: widgets.ValueWidget) -> widgets.HTML:
    """An HTML widget showing ``render(**values)``, re-rendered whenever a control changes.

    Parameters
    ----------
    render : callable
        Takes one keyword argument per control (its current value, which a visitor can
        set to anything: ``render`` validates it) and returns HTML.
    **controls : ipywidgets value widgets
        The controls, by the name ``render`` knows them.
    """
    view = widgets.HTML()

    def update(_change: dict | None = None) -> None:
        view.value = render(**{name: control.value for name, control in controls.items()})

    for control in controls.values():
        control.observe(update, names="value")
    update()
    return view
