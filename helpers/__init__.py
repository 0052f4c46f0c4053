"""Helpers for the interactive companion to Radosevic & Myrzakhmet's technopark paper.

Names are imported on first use, so that a reader's kernel replaying a chapter from the
view cache (:mod:`helpers.display.view_cache`) does not import pandas or matplotlib.

>>> from helpers import load
>>> load("table-08").head()  # doctest: +SKIP
"""

from __future__ import annotations

import importlib

_EXPORTS = {
    "DataValidationError": "datapackage",
    "UnknownResourceError": "datapackage",
    "load": "datapackage",
    "package": "datapackage",
    "resource": "datapackage",
    "resource_names": "datapackage",
    "park_codes": "parks",
    "park_label": "parks",
    "park_name": "parks",
    "park_options": "parks",
    "park_registry": "parks",
    "add_source": "theme",
    "apply_theme": "theme",
    "park_colors": "theme",
    "source_text": "theme",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))
