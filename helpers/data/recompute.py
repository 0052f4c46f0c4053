"""Recompute the paper's printed summaries and compare them at the precision printed.

The paper rounds: '55%' stands for anything in [54.5, 55.5), '3.0' for [2.95, 3.05).
A recomputed number *agrees* with a printed one when it rounds to it.  These functions
are shared by the tests of the data package and by :mod:`helpers.audit`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

_NUMBER_IN_PRINTED = re.compile(r"-?\d+(?:\.(\d+))?")


def decimals(printed: str) -> int:
    """Decimal places shown in a printed cell: ``decimals("68.4%") == 1``."""
    match = _NUMBER_IN_PRINTED.search(printed)
    if match is None:
        raise ValueError(f"no number in printed cell {printed!r}")
    return len(match.group(1) or "")


def half_unit(printed: str) -> float:
    """Half of the last printed digit: the rounding error a printed number may carry."""
    return 0.5 * 10 ** -decimals(printed)


def _printed_number(printed: str) -> float:
    return float(_NUMBER_IN_PRINTED.search(printed).group(0))


def agrees(printed: str, value: float, printed_value: float | None = None) -> bool:
    """True when ``value`` rounds to the number printed in ``printed``.

    Parameters
    ----------
    printed : str
        The cell as printed, e.g. ``"50.0%"``; fixes the precision.
    value : float
        The recomputed number.
    printed_value : float, optional
        The printed number; parsed from ``printed`` when omitted.
    """
    if printed_value is None:
        printed_value = _printed_number(printed)
    return abs(value - printed_value) <= half_unit(printed) + 1e-9


def rows(frame: pd.DataFrame, **where: object) -> pd.DataFrame:
    """Rows where each named column equals the value; ``None`` selects missing cells."""
    mask = pd.Series(True, index=frame.index)
    for column, wanted in where.items():
        if wanted is None:
            mask &= frame[column].isna()
        else:
            mask &= frame[column].eq(wanted).fillna(False).astype(bool)
    return frame[mask]


def cell(frame: pd.DataFrame, **where: object) -> pd.Series:
    """The one row matching ``where`` (raises ``LookupError`` unless exactly one)."""
    found = rows(frame, **where)
    if len(found) != 1:
        raise LookupError(f"{len(found)} rows match {where}, expected exactly one")
    return found.iloc[0]


@dataclass(frozen=True)
class Comparison:
    """A printed number beside its recomputation."""

    label: str
    printed: str
    printed_value: float
    recomputed: float

    @property
    def agrees(self) -> bool:
        return agrees(self.printed, self.recomputed, self.printed_value)

    @property
    def difference(self) -> float:
        return self.printed_value - self.recomputed


def compare(label: str, summary: pd.Series, recomputed: float) -> Comparison:
    """Compare one printed summary row (with ``printed`` and ``value``) to a recomputation."""
    return Comparison(label, summary["printed"], float(summary["value"]), float(recomputed))


def share(part: float, whole: float) -> float:
    """``part`` as a percentage of ``whole``."""
    return 100.0 * part / whole


def mean_of(values: Iterable[float]) -> float:
    """Unweighted mean of the non-missing values."""
    kept = [v for v in values if not pd.isna(v)]
    return sum(kept) / len(kept)


def denominators(printed: str, count: float | None = None, largest: int = 200) -> list[int]:
    """Sample sizes ``n <= largest`` that reproduce a printed percentage.

    With ``count``, those where ``count / n`` rounds to the printed share; without it,
    those where some whole number of firms ``k / n`` does.
    """
    value = _printed_number(printed)
    found = []
    for n in range(1, largest + 1):
        counts = [count] if count is not None else range(0, n + 1)
        if any(agrees(printed, share(k, n), value) for k in counts):
            found.append(n)
    return found


def weighted_mean(values: Iterable[float], weights: Iterable[float]) -> float:
    """Mean of ``values`` weighted by ``weights``, leaving out missing values."""
    pairs = [(w, v) for w, v in zip(weights, values, strict=True) if not pd.isna(v)]
    return sum(w * v for w, v in pairs) / sum(w for w, _ in pairs)


def weights_reproducing(
    columns: dict[str, tuple[list[float], str]],
    total: int,
    minimum: int = 1,
    row_half_unit: float = 0.0,
) -> list[tuple[int, ...]]:
    """Whole-number weights (one per row, summing to ``total``) that reproduce printed means.

    Parameters
    ----------
    columns : dict
        For each column, ``(row values, printed mean)``; a missing row value leaves that
        row out of that column's mean.
    total : int
        The number of respondents the weights must add up to.
    minimum : int
        Smallest weight a row may take.
    row_half_unit : float
        Rounding of the row values themselves (0.05 for rows printed as '4.3'): a weighted
        mean of rounded rows may lie that much from the mean of the unrounded ones, so it
        widens the tolerance.  0 takes the rows as exact.

    Returns
    -------
    list of tuple
        Every weighting that reproduces all printed means within the tolerance.
    """
    n_rows = len(next(iter(columns.values()))[0])
    found = []
    for weights in _compositions(total, n_rows, minimum):
        if all(
            abs(weighted_mean(values, weights) - _printed_number(printed))
            <= half_unit(printed) + row_half_unit + 1e-9
            for values, printed in columns.values()
        ):
            found.append(weights)
    return found


def counts_reproducing_mean(total: float, printed_mean: str, largest: int = 1000) -> list[int]:
    """Numbers of units ``n`` for which ``total / n`` rounds to the printed mean.

    ``counts_reproducing_mean(254, "11") == [23, 24]``: 254 employees at a printed average
    of 11 per firm mean 23 or 24 firms.
    """
    return [n for n in range(1, largest + 1) if agrees(printed_mean, total / n)]


def mean_is_possible(printed_mean: str, n: int, low: int = 1, high: int = 5) -> bool:
    """Whether ``n`` whole-number answers on a ``low``-``high`` scale can average to the
    printed mean (the granularity, or 'GRIM', test).

    ``mean_is_possible("1.7", 3)`` is true (5/3 = 1.67); ``mean_is_possible("1.5", 3)`` is
    false (only 4/3 and 5/3 lie near it).
    """
    return any(agrees(printed_mean, k / n) for k in range(n * low, n * high + 1))


def _compositions(total: int, parts: int, minimum: int):
    if parts == 1:
        if total >= minimum:
            yield (total,)
        return
    for first in range(minimum, total - minimum * (parts - 1) + 1):
        for rest in _compositions(total - first, parts - 1, minimum):
            yield (first, *rest)


def is_close(a: float, b: float) -> bool:
    """Equality for sums of printed numbers, immune to binary floating point."""
    return math.isclose(a, b, abs_tol=1e-9)
