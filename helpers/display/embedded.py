"""The site's widgets as HTML that draws itself: no kernel, no widget manager.

In JupyterLab a chooser or a switched view (:mod:`helpers.display.switchboard`) is an
anywidget: its JavaScript module runs in the notebook and talks to the kernel.  On the
readers' site (the Voila app and the static edition) nothing a reader does goes back to
Python, so a widget is shown as *embedded* HTML instead: the same JavaScript module and
the model state it reads, in a script element, beside what the widget shows before its
module has run (for a switched view, its default view).  A small script in every page
(``embedded_widgets.js`` in the site's template) runs each module against a model that
lives in the page, as anywidget would.  The environment variable ``TECHNOPARKS_WIDGETS``
chooses:

``live`` (the default: JupyterLab, nbval)
    Widgets are anywidgets, drawn by the notebook's widget manager.
``embedded`` (the app, ``app/voila.py``; the static edition, ``tools/build_site.py``)
    Widgets display as embedded HTML (:func:`embedded_html`).

Why not the Jupyter widget manager on the site: Voila's page must load JupyterLab's
renderers (about 5 MB of scripts) and the static edition the html-manager (3.6 MB) before
a chapter shows; a reader's browser spent 0.6-1.2 s on them for every page, while these
widgets need only a model that answers ``get``.
"""

from __future__ import annotations

import json
import os
from typing import Any

from .html import escape

MODE_VARIABLE = "TECHNOPARKS_WIDGETS"
MODES = ("live", "embedded")
# The script element holding a widget's module and state; embedded_widgets.js reads it.
SPEC_TYPE = "application/vnd.technoparks.widget+json"


def mode() -> str:
    """The widget mode from the environment; anything unknown is an error, not 'live'."""
    value = os.environ.get(MODE_VARIABLE, "live").strip().lower() or "live"
    if value not in MODES:
        raise ValueError(f"{MODE_VARIABLE}={value!r}: expected one of {', '.join(MODES)}")
    return value


def script_json(value: Any) -> str:
    """JSON safe inside a ``<script>`` element (no ``</script>`` or ``<!--`` can end it)."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def embedded_html(name: str, module: str, css: str, state: dict, fallback: str = "") -> str:
    """A widget as HTML that draws itself (see the module text).

    ``module`` is the widget's anywidget module (its ``_esm``), ``css`` its ``_css``,
    ``state`` the model values the module reads, ``fallback`` what the page shows
    before the module runs (and if scripts are off).
    """
    spec = script_json({"name": name, "module": module, "css": css, "state": state})
    return (
        f'<div class="tp-embedded-widget" data-widget="{escape(name)}">'
        f'<script type="{SPEC_TYPE}">{spec}</script>{fallback}</div>'
    )
