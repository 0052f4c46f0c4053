"""The audit's systematic comparisons as reader's tables.

Three checks compare everything of a kind, not chosen numbers: every pooled cell under every
weighting (:mod:`.checks.pooled`), every firm count against every other counting the same
firms (:mod:`.checks.firm_counts`) and every claim's wordings (:mod:`.checks.wordings`).
Their findings and confirmed checks are in the stored results like any other; these tables
show the whole comparison behind them, computed from data/ now.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..data.datapackage import load, paper_number
from .checks.firm_counts import RESOURCE, comparison_frame, firm_counts
from .checks.pooled import EXACT, NO, ROUNDED, weighting_frame
from .model import Audit
from .results import findings

_MARKS = {EXACT: "{mean} (exact)", ROUNDED: "{mean} (rounding)", NO: "{mean}"}


def _mean_text(mean: float | None, result: str) -> str:
    if mean is None or pd.isna(mean):
        return "n/a"
    return _MARKS[result].format(mean=f"{mean:.2f}".rstrip("0").rstrip("."))


def weighting_view(data_dir: Path | str | None = None) -> pd.DataFrame:
    """One row per pooled cell, one column per weighting: the weighted mean of the parks,
    marked '(exact)' when it rounds to the printed cell and '(rounding)' when it does so only
    allowing for the rounding of the park rows; 'n/a' when a park has no such count."""
    frame = weighting_frame(Audit(data_dir))
    frame["value"] = [
        _mean_text(m, r) for m, r in zip(frame["mean"], frame["reproduces"], strict=True)
    ]
    order = list(dict.fromkeys(frame["weighting"]))
    rows = {}
    for r in frame.itertuples():
        key = (paper_number(r.table), r.row, r.cell, r.printed)
        rows.setdefault(key, {})[r.weighting] = r.value
    return pd.DataFrame.from_records(
        [
            dict(zip(["Table", "Row", "Cell", "Printed"], key, strict=True), **values)
            for key, values in rows.items()
        ],
        columns=["Table", "Row", "Cell", "Printed", *order],
    )


def firm_count_view(data_dir: Path | str | None = None) -> pd.DataFrame:
    """Every comparison of two firm counts, with the finding that reports a disagreement."""
    return comparison_frame(firm_counts(load(RESOURCE, data_dir)))


def wording_view(data_dir: Path | str | None = None) -> pd.DataFrame:
    """Every wording of every claim worded in more than one place, as the paper prints it,
    with the audit's result for the claim (the finding's severity and id, or 'alike')."""
    frame = load("claim-wordings", data_dir)
    several = frame.groupby("claim_id")["wording_id"].transform("count") > 1
    frame = frame[several]
    found = {f.id: f for f in findings(data_dir)}

    def result(claim_id: str) -> str:
        item = found.get(f"text-wording-{claim_id}")
        if item is None:
            return "alike"
        folded = f" (re-reports {', '.join(item.repeats)})" if item.repeats else ""
        return f"{item.severity}: {item.id}{folded}"

    return pd.DataFrame(
        {
            "Claim": frame["claim_id"],
            "Where": frame["where"],
            "Wording": frame["wording"],
            "Asserts (our reading)": frame["asserts"],
            "Audit": [result(c) for c in frame["claim_id"]],
        }
    ).reset_index(drop=True)
