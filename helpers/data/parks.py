"""The park registry: the five surveyed technoparks, read from the ``parks`` resource.

Widgets and charts take park codes, names and colours from here so that every chapter
labels a park the same way.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import pandas as pd

from .datapackage import load, paper_number

ALL_PARKS = "ALL"
ALL_PARKS_LABEL = "All parks"


def park_registry() -> pd.DataFrame:
    """The ``parks`` resource: one row per park, in the paper's column order."""
    return load("parks")


@cache
def _names() -> dict[str, str]:
    """Code -> full name, read once: labels are asked for on every view."""
    registry = park_registry()
    return dict(zip(registry["code"], registry["name"], strict=True))


def park_codes() -> list[str]:
    """Park codes in the paper's order (ABI, ATP, KGP, PPV, KST)."""
    return list(_names())


def park_name(code: str) -> str:
    """Full name of a park, e.g. ``park_name("KGP") == "Karaganda Technopark"``.

    Raises
    ------
    KeyError
        If ``code`` is not a park code.
    """
    names = _names()
    if code not in names:
        raise KeyError(f"unknown park code {code!r}; known: {', '.join(names)}")
    return names[code]


def park_label(code: str) -> str:
    """Name with code for menus and legends, e.g. ``"Karaganda Technopark (KGP)"``."""
    return f"{park_name(code)} ({code})"


def park_options(include_all: bool = True) -> list[tuple[str, str]]:
    """``(label, value)`` pairs for a park selector, "All parks" first."""
    options = [(park_label(code), code) for code in park_codes()]
    return [(ALL_PARKS_LABEL, ALL_PARKS), *options] if include_all else options


def reported_parks(frame: pd.DataFrame) -> list[str]:
    """Park codes with at least one row in a table, in the paper's order."""
    present = set(frame["park"].dropna()) if "park" in frame else set()
    return [p for p in park_codes() if p in present]


def missing_notes(name: str, frame: pd.DataFrame, parks: Sequence[str]) -> list[str]:
    """Sentences saying, for each selected park, that a table reports nothing for it."""
    reported = reported_parks(frame)
    return [
        f"{paper_number(name)} reports no data for {park_label(p)}."
        for p in parks
        if p not in reported
    ]
