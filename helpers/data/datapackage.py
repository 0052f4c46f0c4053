"""Load the paper's data package (``data/datapackage.json``) as typed, validated DataFrames.

The descriptor is a Frictionless Data Package (v2).  Validation is the library's:
``frictionless`` checks each resource against its Table Schema (header, types, required,
enum, range and unique constraints, the primary key, foreign keys to the park registry),
plus one check the standard cannot state, run through frictionless's ``row_constraint``:
shares (unit ``percent``, on the field or in the row's ``unit`` column) lie within 0-100.
Its errors are translated into one :class:`DataValidationError` that lists every problem
with its file, row and field.  Rows are numbered as in a spreadsheet: the header is row 1,
the first data row is row 2.

Validation runs only when the data changed.  A resource that passed is remembered in
``.cache/validated.json`` under a SHA-256 of the descriptor, its CSV file, the files its
foreign keys point to, this module and the frictionless version; while those bytes stay
the same, :func:`load` only reads the CSV (frictionless, slow to import, is not loaded).
Content hashes rather than modification times: a copied or restored file with a new
mtime stays valid, and a corrupted copy never matches.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import re
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd

DATA_DIR = Path(__file__).resolve().parents[2] / "data"
DESCRIPTOR = "datapackage.json"
STAMP = DATA_DIR.parent / ".cache" / "validated.json"

_DTYPES = {
    "string": "str",
    "integer": "Int64",
    "year": "Int64",
    "number": "float64",
    "boolean": "boolean",
}
# Table Schema defaults, used where a boolean field does not declare its own.
_TRUE_VALUES = ["true", "True", "TRUE", "1"]
_FALSE_VALUES = ["false", "False", "FALSE", "0"]
_PER_ROW_UNIT = "see the 'unit' column"


@dataclass(frozen=True)
class Problem:
    """One validation failure: where it is and what is wrong."""

    file: str
    row: int | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.field is not None:
            where.append(f"field '{self.field}'")
        return f"{', '.join(where)}: {self.message}"


class DataValidationError(ValueError):
    """A data file does not match its schema; ``problems`` lists every failure found."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        first = self.problems[0]
        if len(self.problems) == 1:
            text = str(first)
        else:
            lines = "\n".join(f"  - {p}" for p in self.problems)
            text = f"{first.file}: {len(self.problems)} problems\n{lines}"
        super().__init__(text)


class UnknownResourceError(KeyError):
    """The name is not a resource of the data package."""

    def __str__(self) -> str:  # KeyError would print the repr of its argument
        return str(self.args[0])


def _display_path(path: Path) -> str:
    """Path relative to the repository when possible, so messages stay short."""
    try:
        return str(path.resolve().relative_to(DATA_DIR.parent))
    except ValueError:
        return str(path)


@cache
def _read_descriptor(data_dir: Path) -> dict:
    path = data_dir / DESCRIPTOR
    if not path.is_file():
        raise DataValidationError([Problem(_display_path(path), None, None, "file not found")])
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        message = f"not valid JSON ({error.msg})"
        raise DataValidationError(
            [Problem(_display_path(path), error.lineno, None, message)]
        ) from None


def package(data_dir: Path | str | None = None) -> dict:
    """Return the data package descriptor (``datapackage.json``) as a dict.

    Parameters
    ----------
    data_dir : path, optional
        Folder holding ``datapackage.json``; defaults to the repository's ``data/``.
    """
    return _read_descriptor(Path(data_dir or DATA_DIR).resolve())


def resource_names(data_dir: Path | str | None = None) -> list[str]:
    """Names of all resources in the data package, in descriptor order."""
    return [r["name"] for r in package(data_dir)["resources"]]


def resource(name: str, data_dir: Path | str | None = None) -> dict:
    """Return the descriptor of resource ``name`` (title, section, notes, schema...).

    Raises
    ------
    UnknownResourceError
        If the package has no resource of that name.
    """
    for entry in package(data_dir)["resources"]:
        if entry["name"] == name:
            return entry
    names = ", ".join(resource_names(data_dir))
    raise UnknownResourceError(f"no resource named {name!r} in the data package; known: {names}")


def paper_number(name: str) -> str | None:
    """The paper's number for a resource: 'table-08' -> 'Table 8', 'figure-04' -> 'Figure 4'.

    None for resources that are not one of the paper's tables or figures (parks, timeline...).
    """
    kind, _, number = name.partition("-")
    if kind in ("table", "figure") and number.isdigit():
        return f"{kind.capitalize()} {int(number)}"
    return None


def field_unit(name: str, field: str, data_dir: Path | str | None = None) -> str | None:
    """Unit of a field as the descriptor states it (None where it has none)."""
    for spec in resource(name, data_dir)["schema"]["fields"]:
        if spec["name"] == field:
            return spec.get("unit")
    raise UnknownResourceError(f"resource {name!r} has no field {field!r}")


def load(name: str, data_dir: Path | str | None = None) -> pd.DataFrame:
    """Load resource ``name`` as a typed DataFrame, validated against its schema.

    Parameters
    ----------
    name : str
        Resource name from ``datapackage.json``, e.g. ``"table-08"`` or ``"parks"``.
    data_dir : path, optional
        Folder holding ``datapackage.json``; defaults to the repository's ``data/``.

    Returns
    -------
    pandas.DataFrame
        One column per schema field, in schema order, typed from the schema
        (string -> ``str``, integer/year -> ``Int64``, number -> ``float64``,
        boolean -> ``boolean``); missing values are NA, never zero.  A fresh copy.

    Raises
    ------
    UnknownResourceError
        If the package has no resource of that name.
    DataValidationError
        If the file is missing or any cell, row or key breaks the schema.
    """
    return _load_cached(name, Path(data_dir or DATA_DIR).resolve()).copy()


@cache
def _load_cached(name: str, data_dir: Path) -> pd.DataFrame:
    spec = resource(name, data_dir)
    fields = spec["schema"]["fields"]
    unsupported = [f["name"] for f in fields if f.get("type", "string") not in _DTYPES]
    if unsupported:
        shown = _display_path(data_dir / spec["path"])
        raise DataValidationError(
            [Problem(shown, None, n, "unsupported field type in the schema") for n in unsupported]
        )
    _ensure_valid(name, data_dir)
    return _read(spec, data_dir)


# Reading (the data are valid here: nothing can fail to parse)


def _missing_values(entries: list) -> set[str]:
    """Missing values as strings: v2 allows ``{"value": ..., "label": ...}`` entries."""
    return {e["value"] if isinstance(e, dict) else e for e in entries}


def _read(spec: dict, data_dir: Path) -> pd.DataFrame:
    schema = spec["schema"]
    fields = schema["fields"]
    default_missing = _missing_values(schema.get("missingValues", [""]))
    with (data_dir / spec["path"]).open(newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        next(reader)  # the header, checked against the schema by validation
        cells_by_column = list(zip(*reader, strict=True)) or [() for _ in fields]
    columns = {}
    for field, cells in zip(fields, cells_by_column, strict=True):
        missing = (
            _missing_values(field["missingValues"]) if "missingValues" in field else default_missing
        )
        parse = _parser(field)
        values = [None if cell in missing else parse(cell) for cell in cells]
        columns[field["name"]] = pd.array(values, dtype=_DTYPES[field.get("type", "string")])
    return pd.DataFrame(columns)


def _parser(field: dict):
    kind = field.get("type", "string")
    if kind in ("integer", "year"):
        return int
    if kind == "number":
        return float
    if kind == "boolean":
        values = dict.fromkeys(field.get("trueValues", _TRUE_VALUES), True)
        values.update(dict.fromkeys(field.get("falseValues", _FALSE_VALUES), False))
        return values.__getitem__
    return str


# When to validate: content hashes remembered in .cache/validated.json


def _spec(name: str, data_dir: Path) -> dict:
    return next(r for r in _read_descriptor(data_dir)["resources"] if r["name"] == name)


def _checked_with(name: str, data_dir: Path) -> list[str]:
    """Resources whose files a check of ``name`` reads: itself and its foreign-key targets."""
    names = [name]
    for foreign in _spec(name, data_dir)["schema"].get("foreignKeys", []):
        target = foreign["reference"].get("resource") or name
        if target not in names:
            names.append(target)
    return names


@cache
def _rules_digest() -> str:
    """What a remembered result depends on besides the data: this module and frictionless.

    The installed frictionless is named by its ``*.dist-info`` folder (name and version),
    found beside the package without importing it (``importlib.metadata`` costs ~25 ms).
    """
    from importlib.util import find_spec

    spec = find_spec("frictionless")
    installed = "absent"
    if spec is not None and spec.origin:
        site = Path(spec.origin).parent.parent
        installed = ",".join(sorted(p.name for p in site.glob("frictionless-*.dist-info")))
    digest = hashlib.sha256(Path(__file__).read_bytes())
    digest.update(installed.encode())
    return digest.hexdigest()


@cache
def _descriptor_digest(data_dir: Path) -> bytes:
    digest = hashlib.sha256(_rules_digest().encode())
    digest.update((data_dir / DESCRIPTOR).read_bytes())
    return digest.digest()


@cache
def _file_digest(path: Path) -> bytes:
    if not path.is_file():
        raise DataValidationError([Problem(_display_path(path), None, None, "file not found")])
    return hashlib.sha256(path.read_bytes()).digest()


def _fingerprint(name: str, data_dir: Path) -> str:
    digest = hashlib.sha256(_descriptor_digest(data_dir))
    for checked in _checked_with(name, data_dir):
        digest.update(checked.encode() + _file_digest(data_dir / _spec(checked, data_dir)["path"]))
    return digest.hexdigest()


_stamp: dict[str, str] | None = None  # the stamp file as last read or written
_valid: set[tuple[Path, str]] = set()  # resources found valid by this process


def _read_stamp(refresh: bool = False) -> dict[str, str]:
    global _stamp
    if _stamp is None or refresh:
        try:
            stamp = json.loads(STAMP.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            stamp = {}
        _stamp = stamp if isinstance(stamp, dict) else {}
    return _stamp


def _remember(name: str, fingerprint: str) -> None:
    """Record a passed validation; a read-only checkout simply validates again next time."""
    global _stamp
    stamp = dict(_read_stamp(refresh=True))
    stamp[name] = fingerprint
    try:
        STAMP.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=STAMP.parent, prefix=".validated-")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(stamp, out, indent=1, sort_keys=True)
        os.chmod(temporary, 0o644)  # mkstemp makes it private; other users may read it
        os.replace(temporary, STAMP)  # atomic: parallel kernels never read half a file
    except OSError:
        pass
    _stamp = stamp


def _ensure_valid(name: str, data_dir: Path) -> None:
    """Validate ``name`` (and what its foreign keys read) unless its bytes passed before."""
    if (data_dir, name) in _valid:
        return
    for target in _checked_with(name, data_dir)[1:]:
        _ensure_valid(target, data_dir)
    fingerprint = _fingerprint(name, data_dir)
    if _read_stamp().get(name) != fingerprint and _read_stamp(True).get(name) != fingerprint:
        problems = _validate(name, data_dir)
        if problems:
            raise DataValidationError(problems)
        _remember(name, fingerprint)
    _valid.add((data_dir, name))


# Validation: frictionless, its errors translated to file, row and field


def _share_checks(fields: list[dict], names: list[str]) -> dict[str, str]:
    """Row-constraint formulas (frictionless ``row_constraint``) keeping shares in 0-100."""
    formulas = {}
    for field in fields:
        name, unit = field["name"], field.get("unit")
        if not name.isidentifier() or field.get("type") not in ("number", "integer"):
            continue
        in_range = f"{name} is None or 0 <= {name} <= 100"
        if unit == "percent":
            formulas[in_range] = name
        elif unit == _PER_ROW_UNIT and "unit" in names:
            formulas[f"unit != 'percent' or {in_range}"] = name
    return formulas


def _validate(name: str, data_dir: Path) -> list[Problem]:
    """Validate one resource with frictionless (imported here: it is slow to import)."""
    from frictionless import Checklist, FrictionlessException, checks

    spec = resource(name, data_dir)
    shown = _display_path(data_dir / spec["path"])
    fields = spec["schema"]["fields"]
    names = [f["name"] for f in fields]
    formulas = _share_checks(fields, names)
    checklist = Checklist(checks=[checks.row_constraint(formula=f) for f in formulas])
    try:
        table = _frictionless_package(data_dir).get_resource(name)
        report = table.validate(checklist=checklist)
    except FrictionlessException as exception:
        descriptor = _display_path(data_dir / DESCRIPTOR)
        return [Problem(descriptor, None, None, exception.error.message)]
    errors = [*report.errors, *(e for task in report.tasks for e in task.errors)]
    return _translate(errors, spec, shown, formulas)


@cache
def _frictionless_package(data_dir: Path):
    """The descriptor read (and its metadata checked) by frictionless, once per folder."""
    from frictionless import Package

    return Package(str(data_dir / DESCRIPTOR))


_CONSTRAINT = re.compile(r'constraint "(\w+)"')
_SAME_AS_ROW = re.compile(r"row at position (\d+)")
_FORMULA = re.compile(r'conform is "(.*)"$')
_LABEL_ERRORS = {f"{k}-label" for k in ("missing", "extra", "incorrect", "duplicate", "blank")}
_ARTICLES = {"integer": "an integer", "number": "a number", "year": "a year"}


def _translate(errors: list, spec: dict, shown: str, formulas: dict[str, str]) -> list[Problem]:
    """frictionless errors -> problems naming file, row and field, in the file's order."""
    fields = {f["name"]: f for f in spec["schema"]["fields"]}
    key = spec["schema"].get("primaryKey") or []
    key = [key] if isinstance(key, str) else key

    header = [e for e in errors if e.type in _LABEL_ERRORS]
    if header:  # with a wrong header the rows mean nothing: report the header alone
        return [_label_problem(e, shown) for e in header]

    ragged = {e.row_number: e for e in errors if e.type in ("missing-cell", "extra-cell")}
    unique_rows = {(e.row_number, e.field_name) for e in errors if e.type == "unique-error"}
    problems = []
    for error in errors:
        row = getattr(error, "row_number", None)
        if row in ragged:
            if error is ragged[row]:
                count = len(error.cells)
                message = f"has {count} cells, expected {len(fields)}"
                problems.append(Problem(shown, row, None, message))
            continue
        if error.type == "primary-key" and any((row, k) in unique_rows for k in key):
            continue  # already reported as a repeated unique value
        problems.append(_problem(error, shown, fields, key, formulas))
    return problems


def _label_problem(error: Any, shown: str) -> Problem:
    if error.type == "missing-label":
        return Problem(shown, 1, error.field_name, "column missing from the header")
    if error.type == "extra-label":
        return Problem(shown, 1, error.label, "column not in the schema")
    if error.type == "incorrect-label":
        message = f"header has {error.label!r} where the schema puts this column"
        return Problem(shown, 1, error.field_name, message)
    return Problem(shown, 1, error.field_name or error.label or None, error.message)


def _problem(
    error: Any, shown: str, fields: dict[str, dict], key: list[str], formulas: dict[str, str]
) -> Problem:
    row = getattr(error, "row_number", None)
    field_name = getattr(error, "field_name", None) or None
    cell = getattr(error, "cell", None)
    note = getattr(error, "note", "") or ""
    field = fields.get(field_name or "", {})
    kind = error.type
    if kind == "type-error":
        expected = field.get("type", "string")
        if expected == "boolean":
            true = field.get("trueValues", _TRUE_VALUES)[0]
            false = field.get("falseValues", _FALSE_VALUES)[0]
            message = f"{cell!r} is not a boolean ({true} or {false})"
        else:
            message = f"{cell!r} is not {_ARTICLES.get(expected, f'a valid {expected}')}"
        return Problem(shown, row, field_name, message)
    if kind == "constraint-error":
        match = _CONSTRAINT.search(note)
        constraint = match.group(1) if match else ""
        limit = field.get("constraints", {}).get(constraint)
        if constraint == "required":
            message = "required value is missing"
        elif constraint == "enum":
            message = f"{cell!r} is not one of: {', '.join(map(str, limit))}"
        elif constraint == "minimum":
            message = f"{cell} is below the minimum {limit}"
        elif constraint == "maximum":
            message = f"{cell} is above the maximum {limit}"
        else:
            message = f"{cell!r} breaks the constraint {constraint} = {limit!r}"
        return Problem(shown, row, field_name, message)
    if kind == "unique-error":
        match = _SAME_AS_ROW.search(note)
        first = f"row {match.group(1)}" if match else "an earlier row"
        return Problem(shown, row, field_name, f"{cell!r} repeats {first}")
    if kind == "primary-key":
        match = _SAME_AS_ROW.search(note)
        names = list(fields)
        values = ", ".join(f"{k}={error.cells[names.index(k)]!r}" for k in key)
        first = f" first seen at row {match.group(1)}" if match else ""
        message = f"duplicate primary key ({values}){first}"
        return Problem(shown, row, "+".join(key), message)
    if kind == "foreign-key":
        target = error.reference_name or "this table"
        codes = ", ".join(map(repr, error.field_cells))
        where = f"{target}.{'+'.join(error.reference_field_names)}"
        message = f"unknown {target} code {codes} (not in {where})"
        return Problem(shown, row, "+".join(error.field_names), message)
    if kind == "row-constraint":
        match = _FORMULA.search(note)
        share_field = formulas.get(match.group(1)) if match else None
        if share_field is not None:
            value = error.cells[list(fields).index(share_field)]
            try:
                message = f"share {float(value):g} is outside 0-100 per cent"
            except ValueError:
                message = f"share {value!r} is outside 0-100 per cent"
            return Problem(shown, row, share_field, message)
    if kind == "blank-row":
        return Problem(shown, row, None, "blank row")
    return Problem(shown, row, field_name, note or error.message)


def clear_cache() -> None:
    """Forget loaded resources (for tests that edit data files)."""
    global _stamp
    _read_descriptor.cache_clear()
    _load_cached.cache_clear()
    _descriptor_digest.cache_clear()
    _file_digest.cache_clear()
    _frictionless_package.cache_clear()
    _valid.clear()
    _stamp = None


__all__ = [
    "DATA_DIR",
    "DataValidationError",
    "Problem",
    "UnknownResourceError",
    "clear_cache",
    "field_unit",
    "load",
    "package",
    "paper_number",
    "resource",
    "resource_names",
]
