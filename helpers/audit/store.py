"""The audit's results as data: ``data/audit-findings.csv`` and ``data/audit-checks.csv``.

One row per finding and one per confirmed check, in the audit's order (by table, then
severity; checks in the order they run).  Every cell is text:

* lists of ids (``resources``, ``related``, ``repeats``) are joined with ``'; '`` (ids never
  contain ``;``); an empty list is an empty cell;
* ``quote`` (verbatim sentences, which may contain any punctuation) is a JSON array of
  strings, ``[]`` when the finding quotes nothing;
* ``printed`` and ``recomputed`` are the values as :func:`.model.as_text` renders them
  (what the chapter and the report show); a value the audit does not have (None) is an
  empty cell;
* ``source`` names the place in the paper the row concerns: 'Text, section N' (or 'Text,
  abstract') when ``where`` starts in the prose, else the paper's table or figure of the
  first resource ('Table 8', 'Figure 4').

:func:`finding_from_row` and :func:`check_from_row` read the rows back; a finding read back
holds its values as this text, so it renders exactly as the computed one.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Mapping

import pandas as pd

from ..data.datapackage import paper_number
from .model import FIELDS, Check, Finding, as_text

FINDINGS_RESOURCE = "audit-findings"
CHECKS_RESOURCE = "audit-checks"
# Columns of the two files: every field of ``to_dict()``, plus ``group`` and ``source``.
FINDING_COLUMNS = [*FIELDS[:2], "group", *FIELDS[2:7], "source", *FIELDS[7:]]
CHECK_COLUMNS = ["id", "resources", "where", "source", "description", "printed", "recomputed"]
SEPARATOR = "; "
_SECTION = re.compile(r"Section (\d+)")


def source_of(where: str, resources: Iterable[str]) -> str:
    """The place in the paper a finding or check concerns (the row's ``source``)."""
    match = _SECTION.match(where)
    if match:
        return f"Text, section {match.group(1)}"
    if where.startswith("Abstract"):
        return "Text, abstract"
    first = next(iter(resources))
    return paper_number(first) or first


def _ids(values: Iterable[str]) -> str:
    values = list(values)
    if any(";" in v for v in values):
        raise ValueError(f"an id contains ';': {values}")
    return SEPARATOR.join(values)


def _value(value: object) -> str:
    return "" if value is None else as_text(value)


def finding_row(item: Finding) -> dict[str, str]:
    """The finding as the text cells of one row of ``audit-findings.csv``."""
    data = item.to_dict()
    row = {
        "id": item.id,
        "resources": _ids(item.resources),
        "group": item.group,
        "severity": item.severity,
        "category": item.category,
        "printed": _value(data["printed"]),
        "recomputed": _value(data["recomputed"]),
        "where": item.where,
        "source": source_of(item.where, item.resources),
        "message": item.message,
        "quote": json.dumps(list(item.quote), ensure_ascii=False),
        "related": _ids(item.related),
        "repeats": _ids(item.repeats),
        "rests_on": item.rests_on or "",
    }
    return {k: row[k] for k in FINDING_COLUMNS}


def check_row(item: Check) -> dict[str, str]:
    """The confirmed check as the text cells of one row of ``audit-checks.csv``."""
    data = item.to_dict()
    return {
        "id": item.id,
        "resources": _ids(item.resources),
        "where": item.where,
        "source": source_of(item.where, item.resources),
        "description": item.description,
        "printed": _value(data["printed"]),
        "recomputed": _value(data["recomputed"]),
    }


def _cell(value: object) -> str:
    """A loaded cell as text: missing values (NA, NaN, None) as ''."""
    return value if isinstance(value, str) else "" if pd.isna(value) else str(value)


def _split(text: str) -> tuple[str, ...]:
    return tuple(text.split(SEPARATOR)) if text else ()


def finding_from_row(row: Mapping[str, object]) -> Finding:
    """A :class:`Finding` read back from a row (values as text, None where empty)."""
    cells = {k: _cell(v) for k, v in row.items()}
    resources = _split(cells["resources"])
    return Finding(
        cells["id"],
        resources,
        cells["severity"],
        cells["category"],
        printed=cells["printed"] or None,
        recomputed=cells["recomputed"] or None,
        where=cells["where"],
        message=cells["message"],
        quote=tuple(json.loads(cells["quote"] or "[]")),
        scope=None if cells["group"] == resources[0] else cells["group"],
        related=_split(cells["related"]),
        repeats=_split(cells["repeats"]),
        rests_on=cells["rests_on"] or None,
    )


def check_from_row(row: Mapping[str, object]) -> Check:
    """A confirmed :class:`Check` read back from a row (values as text)."""
    cells = {k: _cell(v) for k, v in row.items()}
    return Check(
        cells["id"],
        _split(cells["resources"]),
        cells["where"],
        cells["description"],
        cells["printed"] or None,
        cells["recomputed"] or None,
    )


def csv_text(rows: Iterable[Mapping[str, str]], columns: list[str]) -> str:
    """The rows as CSV text (header first, ``\\n`` line ends, minimal quoting)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def findings_csv(items: Iterable[Finding]) -> str:
    return csv_text((finding_row(f) for f in items), FINDING_COLUMNS)


def checks_csv(items: Iterable[Check]) -> str:
    return csv_text((check_row(c) for c in items), CHECK_COLUMNS)
