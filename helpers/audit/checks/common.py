"""Small tools the checks share: numbers in prose, numbers in sentences, rows by park."""

from __future__ import annotations

import re
from collections.abc import Sequence

import pandas as pd

from ...data import recompute as rc
from ...data.parks import park_codes
from ..model import Audit

_NUMBER = re.compile(r"\d+(?:\.\d+)?")
# Counts the prose spells out ('five major technoparks').
NUMBER_WORDS = {"four": 4, "five": 5, "seven": 7}


def numbers_in(text: str) -> list[float]:
    """The numbers printed in a fragment of prose, in order."""
    return [float(m) for m in _NUMBER.findall(text)]


def fmt(value: float, places: int = 1) -> str:
    """A number for a sentence: whole numbers without decimals, others to ``places``."""
    value = float(value)
    if value.is_integer():
        return str(int(value))
    return f"{value:.{places}f}"


def span(values: Sequence[int]) -> str:
    """'30-32' for a run of counts, '29' for a single one."""
    return f"{values[0]}-{values[-1]}" if len(values) > 1 else str(values[0])


def printed_of(row: pd.Series) -> str:
    """A cell as the paper prints it."""
    return str(row["printed"])


def by_park(frame: pd.DataFrame, parks: Sequence[str] | None = None) -> dict[str, float]:
    """``{park: value}`` for the rows of one measure, parks in the paper's order."""
    rows = frame.dropna(subset=["park"]).set_index("park")["value"]
    order = parks or [p for p in park_codes() if p in rows.index]
    return {p: float(rows[p]) for p in order}


def parks_reported(audit: Audit, name: str) -> list[str]:
    """The parks a table has rows for, in the paper's order."""
    frame = audit.table(name)
    present = set(frame["park"].dropna())
    return [p for p in park_codes() if p in present]


def tenants_2004(audit: Audit, parks: Sequence[str] | None = None) -> dict[str, float]:
    """Table 2's tenants as of 2004, by park: the yardstick for the firm counts of later tables."""
    return by_park(rc.rows(audit.table("table-02"), attribute="tenants_2004"), parks)


def table_05_by_park(audit: Audit, parks: Sequence[str] | None = None) -> dict[str, float]:
    """Table 5's count of firms in each park."""
    frame = audit.table("table-05")
    return by_park(rc.rows(frame, firms="in_tp", activity="total", measure="n_firms"), parks)


def table_05_total(audit: Audit, firms: str) -> float:
    """Table 5's count of all firms inside (``in_tp``) or outside (``out_tp``) technoparks."""
    total = rc.cell(
        audit.table("table-05"), firms=firms, park=None, activity="total", measure="n_firms"
    )
    return float(total["value"])


def verify_granularity(audit: Audit, id: str, resources, where: str, printed: str, n: int):
    """Check that a printed 1-5 mean is possible from ``n`` whole-number answers."""
    nearest = min(range(n, 5 * n + 1), key=lambda k: abs(k / n - float(printed)))
    audit.verify(
        rc.mean_is_possible(printed, n),
        id,
        resources,
        where,
        f"A mean of {printed} on the 1-5 scale is possible from {n} whole-number answers",
        printed,
        f"{nearest}/{n} = {nearest / n:.2f}",
    )


def middle_split(splits: Sequence[tuple[int, ...]]) -> tuple[int, ...]:
    """A representative split to quote: the middle one of the list (deterministic)."""
    return splits[len(splits) // 2]
