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
        printed_value = float(_NUMBER_IN_PRINTED.search(printed).group(0))
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
    value = float(_NUMBER_IN_PRINTED.search(printed).group(0))
    found = []
    for n in range(1, largest + 1):
        counts = [count] if count is not None else range(0, n + 1)
        if any(agrees(printed, share(k, n), value) for k in counts):
            found.append(n)
    return found


def weights_reproducing(
    columns: dict[str, tuple[list[float], str]], total: int, minimum: int = 1
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

    Returns
    -------
    list of tuple
        Every weighting that reproduces all printed means at their printed precision.
    """
    n_rows = len(next(iter(columns.values()))[0])
    found = []
    for weights in _compositions(total, n_rows, minimum):
        ok = True
        for values, printed in columns.values():
            pairs = [(w, v) for w, v in zip(weights, values, strict=True) if not pd.isna(v)]
            mean = sum(w * v for w, v in pairs) / sum(w for w, _ in pairs)
            if not agrees(printed, mean):
                ok = False
                break
        if ok:
            found.append(weights)
    return found


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
