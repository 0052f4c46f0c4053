"""Helpers for the interactive companion to Radosevic & Myrzakhmet's technopark paper.

>>> from helpers import load
>>> load("table-08").head()  # doctest: +SKIP
"""

from .datapackage import (
    DataValidationError,
    UnknownResourceError,
    load,
    package,
    resource,
    resource_names,
)
from .parks import park_codes, park_label, park_name, park_options, park_registry
from .theme import add_source, apply_theme, park_colors, source_text

__all__ = [
    "DataValidationError",
    "UnknownResourceError",
    "add_source",
    "apply_theme",
    "load",
    "package",
    "park_codes",
    "park_colors",
    "park_label",
    "park_name",
    "park_options",
    "park_registry",
    "resource",
    "resource_names",
    "source_text",
]
