"""The audit's results: the findings and checks as stored in data/, selected and tabulated.

The chapter and the command line read the findings and confirmed checks from the data
package (``data/audit-findings.csv``, ``data/audit-checks.csv``; see :mod:`.store`), so a
finding can be cited by its id.  :func:`computed_findings` and :func:`computed_confirmed`
run every check on the data now; :func:`write_resources` (``python -m helpers.audit
--write-data``, ``make audit-data``) writes what they compute, and :func:`stale_resources`
names the files that no longer match it (a test fails on it).

Every selection takes an optional ``data_dir``: the default (None) reads the stored
resources of the repository's data/; any other folder (a scratch copy being edited) is
audited afresh, since its stored resources describe the data before the edit.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from functools import cache
from pathlib import Path

import pandas as pd

from ..data.datapackage import DATA_DIR, load
from .checks import FINDERS
from .model import (
    CATEGORIES,
    EVERY_FINDING,
    FIELDS,
    PLURALS,
    SEVERITIES,
    Audit,
    Check,
    Finding,
    as_text,
    group_label,
    group_order,
)
from .store import (
    CHECKS_RESOURCE,
    FINDINGS_RESOURCE,
    check_from_row,
    checks_csv,
    finding_from_row,
    findings_csv,
)


@cache
def _run(data_dir: str | None) -> tuple[tuple[Finding, ...], tuple[Check, ...]]:
    audit = Audit(data_dir)
    for finder in FINDERS:
        finder(audit)
    order = {name: i for i, name in enumerate(group_order())}
    severity = {name: i for i, name in enumerate(SEVERITIES)}
    findings = sorted(
        cross_referenced(audit.findings),
        key=lambda f: (order.get(f.group, len(order)), severity[f.severity]),
    )
    return tuple(findings), tuple(audit.checks)


def cross_referenced(items: Iterable[Finding]) -> list[Finding]:
    """The findings with mutual cross-references, after checking the independence rule.

    Every id a finding names in ``related`` or ``repeats`` must be a finding of the same run
    (a finding whose target vanished with the data is left without that reference), and a
    finding may only repeat a finding that is itself counted: the counts then count each
    independent defect once.  If A names B, B names A in its ``related``.
    """
    items = list(items)
    ids = {f.id for f in items}
    items = [
        replace(
            f,
            related=tuple(r for r in f.related if r in ids),
            repeats=tuple(r for r in f.repeats if r in ids),
        )
        for f in items
    ]
    by_id = {f.id: f for f in items}
    for f in items:
        chained = [r for r in f.repeats if not by_id[r].counted]
        if chained:
            raise ValueError(f"{f.id} repeats {chained[0]}, which itself repeats another finding")
    named_by: dict[str, list[str]] = {}
    for f in items:
        for r in f.related:
            named_by.setdefault(r, []).append(f.id)
    return [
        replace(f, related=tuple(dict.fromkeys((*f.related, *named_by.get(f.id, ())))))
        for f in items
    ]


def compute(data_dir: Path | str | None = None) -> tuple[list[Finding], list[Check]]:
    """Run every check on the data now; return the findings and the confirmed checks."""
    findings, checks = _run(None if data_dir is None else str(data_dir))
    return list(findings), list(checks)


def computed_findings(data_dir: Path | str | None = None) -> list[Finding]:
    """The findings the checks compute now (values typed, as the checks produce them)."""
    return compute(data_dir)[0]


def computed_confirmed(data_dir: Path | str | None = None) -> list[Check]:
    """The confirmed checks the checks compute now."""
    return compute(data_dir)[1]


def computed_finding(finding_id: str, data_dir: Path | str | None = None) -> Finding:
    """The computed finding with this id (``KeyError`` if there is none)."""
    return _by_id(computed_findings(data_dir), finding_id)


@cache
def _stored() -> tuple[tuple[Finding, ...], tuple[Check, ...]]:
    findings = tuple(finding_from_row(r) for r in load(FINDINGS_RESOURCE).to_dict("records"))
    checks = tuple(check_from_row(r) for r in load(CHECKS_RESOURCE).to_dict("records"))
    return findings, checks


def stored() -> tuple[list[Finding], list[Check]]:
    """The findings and confirmed checks as data/ stores them (values as text)."""
    findings, checks = _stored()
    return list(findings), list(checks)


def run(data_dir: Path | str | None = None) -> tuple[list[Finding], list[Check]]:
    """The findings and the confirmed checks: stored for data/, computed for another folder."""
    if data_dir is None or Path(data_dir).resolve() == DATA_DIR:
        return stored()
    return compute(data_dir)


def resource_texts(data_dir: Path | str | None = None) -> dict[str, str]:
    """File name -> CSV text of the two resources, as the checks compute them now."""
    findings, checks = compute(data_dir)
    return {
        f"{FINDINGS_RESOURCE}.csv": findings_csv(findings),
        f"{CHECKS_RESOURCE}.csv": checks_csv(checks),
    }


def stale_resources(data_dir: Path | str | None = None) -> list[str]:
    """The resource files whose content differs from what the checks compute now."""
    folder = Path(data_dir or DATA_DIR)
    stale = []
    for name, text in resource_texts(data_dir).items():
        path = folder / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            stale.append(name)
    return stale


def write_resources(data_dir: Path | str | None = None) -> list[Path]:
    """Recompute the audit and write ``audit-findings.csv`` and ``audit-checks.csv``.

    The output is deterministic (the audit's order, text cells, ``\n`` line ends): running
    it twice on the same data writes the same bytes.  Returns the paths written.
    """
    folder = Path(data_dir or DATA_DIR)
    written = []
    for name, text in resource_texts(data_dir).items():
        path = folder / name
        path.write_text(text, encoding="utf-8", newline="")
        written.append(path)
    _stored.cache_clear()
    return written


def findings(data_dir: Path | str | None = None) -> list[Finding]:
    """Everything the published numbers do not reproduce, by table then severity."""
    return run(data_dir)[0]


def confirmed(data_dir: Path | str | None = None) -> list[Check]:
    """Every check that reproduces (a printed total, share, mean or claim)."""
    return run(data_dir)[1]


def finding(finding_id: str, data_dir: Path | str | None = None) -> Finding:
    """The finding with this id (``KeyError`` if the audit has no such finding)."""
    return _by_id(findings(data_dir), finding_id)


def _by_id(items: Iterable[Finding], finding_id: str) -> Finding:
    for item in items:
        if item.id == finding_id:
            return item
    raise KeyError(f"no finding {finding_id!r}")


def group_options() -> list[tuple[str, str]]:
    """``(label, value)`` pairs for a table selector, 'All' first; only groups with findings."""
    present = {f.group for f in findings()} | {r for f in findings() for r in f.resources}
    return [("All tables", EVERY_FINDING)] + [
        (group_label(g), g) for g in group_order() if g in present
    ]


def findings_frame(data_dir: Path | str | None = None) -> pd.DataFrame:
    """One row per finding: the JSON fields plus ``group``."""
    records = []
    for item in findings(data_dir):
        record = item.to_dict()
        record["group"] = item.group
        records.append(record)
    return pd.DataFrame.from_records(records, columns=[*FIELDS, "group"])


def confirmed_frame(data_dir: Path | str | None = None) -> pd.DataFrame:
    """Reader's table of the checks that reproduce."""
    records = [
        {
            "Table": group_label(c.resources[0]).replace(" ", "\u00a0"),
            "Where": c.where,
            "Check": c.description,
            "Printed": as_text(c.printed),
            "Recomputed": as_text(c.recomputed),
        }
        for c in confirmed(data_dir)
    ]
    return pd.DataFrame.from_records(
        records, columns=["Table", "Where", "Check", "Printed", "Recomputed"]
    )


def filter_findings(severities: Iterable[str] = (), table: str = EVERY_FINDING) -> pd.DataFrame:
    """Reader's table of the findings of the chosen severities about the chosen table.

    Parameters
    ----------
    severities : iterable of str
        Any of :data:`SEVERITIES`; empty selects all.
    table : str
        A resource name ('table-08', 'figure-04', 'literature'), ``'several'`` or
        :data:`EVERY_FINDING`.

    Raises
    ------
    ValueError
        If a severity or the table is not one the audit knows.
    """
    if isinstance(severities, str):
        severities = [severities]
    chosen = list(severities)
    unknown = [s for s in chosen if not isinstance(s, str) or s not in SEVERITIES]
    if unknown:
        raise ValueError(f"unknown severity {unknown[0]!r}; known: {', '.join(SEVERITIES)}")
    if not isinstance(table, str) or table not in {EVERY_FINDING, *group_order()}:
        raise ValueError(f"unknown table {table!r}")
    selected = [
        f
        for f in findings()
        if (not chosen or f.severity in chosen)
        and (table == EVERY_FINDING or f.group == table or table in f.resources)
    ]
    return pd.DataFrame.from_records(
        [
            {
                "Table": group_label(f.group).replace(" ", "\u00a0"),
                "Severity": f.severity,
                "Category": f.category,
                "Where": f.where,
                "Finding": f.message,
                "Printed": as_text(f.printed),
                "Recomputed": as_text(f.recomputed),
            }
            for f in selected
        ],
        columns=["Table", "Severity", "Category", "Where", "Finding", "Printed", "Recomputed"],
    )


def severity_scale() -> pd.DataFrame:
    """The severity scale and the categories, for readers."""
    return pd.DataFrame({"Severity": list(SEVERITIES), "Meaning": list(SEVERITIES.values())})


def category_scale() -> pd.DataFrame:
    return pd.DataFrame({"Category": list(CATEGORIES), "Meaning": list(CATEGORIES.values())})


def counted(data_dir: Path | str | None = None) -> list[Finding]:
    """The independent findings: those that do not re-report another (what the counts count)."""
    return [f for f in findings(data_dir) if f.counted]


def summary_data(data_dir: Path | str | None = None) -> pd.DataFrame:
    """Number of independent findings by category (rows) and severity (columns)."""
    frame = findings_frame(data_dir)
    frame = frame[[not r for r in frame["repeats"]]]
    table = pd.crosstab(frame["category"], frame["severity"])
    return table.reindex(index=list(CATEGORIES), columns=list(SEVERITIES), fill_value=0)


def summary_resources() -> list[str]:
    """The resources the findings concern, in reading order (for the chart's source line)."""
    named = {r for f in findings() for r in f.resources}
    return [g for g in group_order() if g in named]


def count_values(data_dir: Path | str | None = None) -> dict[str, int | str]:
    """The counts the chapter's prose states, for :func:`helpers.display.prose.prose`.

    Only independent findings are counted (:attr:`Finding.counted`): ``checks`` and
    ``findings`` are whole numbers; each severity (``errors``, ``inconsistencies``,
    ``ambiguities``, ``notes``) is its count with the noun, singular for one ('1 error',
    '7 errors'); ``repeating`` is the number of findings shown that re-report one of these
    and are folded into it ('2 findings').
    """
    items = counted(data_dir)
    folded = len(findings(data_dir)) - len(items)
    values: dict[str, int | str] = {"checks": len(confirmed(data_dir)), "findings": len(items)}
    for severity, plural in PLURALS.items():
        n = sum(f.severity == severity for f in items)
        values[plural] = f"{n} {severity if n == 1 else plural}"
    values["repeating"] = f"{folded} finding" + ("" if folded == 1 else "s")
    return values


def counts_line(data_dir: Path | str | None = None) -> str:
    """The counts as one sentence (the report's first line)."""
    values = count_values(data_dir)
    by_severity = ", ".join(str(values[plural]) for plural in PLURALS.values())
    return (
        f"{values['checks']} checks reproduce; {values['findings']} independent findings: "
        f"{by_severity}; not counted, as re-reports of these: {values['repeating']}."
    )
