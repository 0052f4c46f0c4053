"""Every claim of the ledger as the abstract, the survey's summary and the conclusions word it.

``data/claim-wordings.csv`` holds each wording of each claim of ``data/claims.csv``, verbatim,
with its place (abstract, the summary paragraph that ends the survey section, the
conclusions) and what it asserts (``asserts``, our reading, the same text when two wordings
assert the same thing).  For every claim worded in more than one place:

* the wordings must assert the same thing: otherwise an inconsistency, or an ambiguity when
  the difference rests on a ``reading`` of the words;
* they must limit the claim's extent alike: the *limiting words* (:data:`LIMITERS`: 'mainly',
  'except', 'few', 'many', ...) are read from the words themselves, and a wording that drops
  or adds one makes the claim wider or narrower than elsewhere (a note).

Intensity words (:data:`INTENSIFIERS`: 'much', 'far', 'significant', ...) do not change what a
claim covers; where they differ, the confirmed check says so.  A difference that an existing
finding already reports (:data:`REPORTED`) repeats it and is not counted.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import pandas as pd

from ..model import CLAIMS, Audit

RESOURCE = "claim-wordings"
LIMITERS = (
    "almost", "except", "few", "generally", "largely", "mainly", "majority", "many", "most",
    "partly", "roughly", "some",
)  # fmt: skip
INTENSIFIERS = ("far", "key", "much", "significant", "significantly", "very", "widely")
PLACES = {
    "abstract": "the abstract",
    "survey_summary": "the survey's summary",
    "conclusions": "the conclusions",
}
# Claims whose differing wordings an existing finding already reports.
REPORTED = {"relocation-motives": "text-abstract-finance-motive"}


def words_of(text: str, vocabulary: Sequence[str]) -> tuple[str, ...]:
    """The words of ``vocabulary`` the text uses, in vocabulary order."""
    found = set(re.findall(r"[a-z]+", text.lower()))
    return tuple(w for w in vocabulary if w in found)


def _cell(value: object) -> str:
    return "" if pd.isna(value) else str(value)


def _place(row: dict) -> str:
    return f"{PLACES[row['place']]} ({row['where'].split(', ')[-1]})" if row[
        "place"
    ] == "conclusions" else PLACES[row["place"]]  # fmt: skip


def _listed(words: Sequence[str]) -> str:
    return ", ".join(f"'{w}'" for w in words) or "none"


def wordings(audit: Audit) -> None:
    """Compare the wordings of every claim worded in more than one place."""
    frame = audit.table(RESOURCE)
    ledger = audit.table("claims").set_index("claim_id")
    for claim_id, group in frame.groupby("claim_id", sort=False):
        rows = group.to_dict("records")
        if len(rows) < 2:
            continue
        resources = [RESOURCE, "claims"] + [
            r for r in _cell(ledger.loc[claim_id, "resources"]).split("; ") if r
        ]
        where = "; ".join(dict.fromkeys(r["where"] for r in rows))
        asserts = list(dict.fromkeys(r["asserts"] for r in rows))
        limits = {r["wording_id"]: words_of(r["wording"], LIMITERS) for r in rows}
        if len(asserts) == 1 and len(set(limits.values())) == 1:
            _confirm(audit, claim_id, rows, resources, where, asserts[0])
            continue
        _report(audit, claim_id, rows, resources, where, asserts, limits)


def _confirm(audit, claim_id, rows, resources, where, asserted) -> None:
    strength = {r["wording_id"]: words_of(r["wording"], INTENSIFIERS) for r in rows}
    differ = len(set(strength.values())) > 1
    audit.confirm(
        f"text-wording-{claim_id}",
        resources,
        where,
        f"{' and '.join(dict.fromkeys(_place(r) for r in rows)).capitalize()} word the claim "
        f"alike: {asserted}"
        + (
            "; intensity words differ ("
            + "; ".join(f"{_place(r)}: {_listed(strength[r['wording_id']])}" for r in rows)
            + ")"
            if differ
            else ""
        ),
        [r["wording"] for r in rows],
        asserted,
    )


def _report(audit, claim_id, rows, resources, where, asserts, limits) -> None:
    readings = [_cell(r["reading"]) for r in rows if _cell(r["reading"])]
    if len(asserts) > 1:
        severity = "ambiguity" if readings else "inconsistency"
        message = "The places that state the claim assert different things: " + "; ".join(
            f"{_place(r)}: {r['asserts']}" for r in rows
        ) + "."  # fmt: skip
    else:
        severity, readings = "note", []
        widest = [_place(r) for r in rows if not limits[r["wording_id"]]]
        others = [_place(r) for r in rows if limits[r["wording_id"]]]
        message = (
            f"The places that state the claim ({rows[0]['asserts']}) limit it differently; "
            "limiting words: "
            + "; ".join(f"{_place(r)}: {_listed(limits[r['wording_id']])}" for r in rows)
            + "."
        )
        if widest:
            message += (
                f" Without a limiting word, {' and '.join(widest)} "
                f"{'state' if len(widest) > 1 else 'states'} the claim more widely than "
                f"{' and '.join(others)}."
            )
    if readings:
        message += " This rests on reading " + "; and ".join(readings) + "."
    reported = REPORTED.get(claim_id)
    if reported:
        message += f" It bears on {reported} and is not counted separately."
    audit.find(
        f"text-wording-{claim_id}",
        resources,
        severity,
        "text",
        printed={_place(r): r["wording"] for r in rows},
        recomputed={_place(r): r["asserts"] for r in rows}
        if len(asserts) > 1
        else {_place(r): list(limits[r["wording_id"]]) for r in rows},
        where=where,
        message=message,
        quote=tuple(r["wording"] for r in rows),
        scope=CLAIMS,
        repeats=(reported,) if reported else (),
        rests_on=f"assumption: {'; '.join(readings)}" if readings else None,
    )
