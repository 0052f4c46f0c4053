"""Helpers for the interactive companion to Radosevic & Myrzakhmet's technopark paper.

Names are imported on first use, so that a reader's kernel replaying a chapter from the
view cache (:mod:`helpers.display.view_cache`) does not import pandas or matplotlib.

>>> from helpers import load
>>> load("table-08").head()  # doctest: +SKIP
"""

from __future__ import annotations

import importlib

_EXPORTS = {
    "DataValidationError": "data.datapackage",
    "UnknownResourceError": "data.datapackage",
    "load": "data.datapackage",
    "package": "data.datapackage",
    "resource": "data.datapackage",
    "resource_names": "data.datapackage",
    "park_codes": "data.parks",
    "park_label": "data.parks",
    "park_name": "data.parks",
    "park_options": "data.parks",
    "park_registry": "data.parks",
    "add_source": "display.theme",
    "apply_theme": "display.theme",
    "park_colors": "display.theme",
    "source_text": "display.theme",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))
