"""Load the paper's data package (``data/datapackage.json``) as typed, validated DataFrames.

Every resource is checked against the Table Schema in the descriptor on load: the file
exists, the header matches the fields, each cell parses as its field's type, required,
enum, range and unique constraints hold, the primary key is unique, foreign keys (park
codes) resolve, and shares (unit ``percent``) lie within 0-100.  Nothing is coerced
silently: any failure raises one :class:`DataValidationError` that lists every problem
with its file, row and field.  Rows are numbered as in a spreadsheet: the header is
row 1, the first data row is row 2.
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pandas as pd

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
DESCRIPTOR = "datapackage.json"

# Plain decimal numbers only: no thousands separators, no 'nan' or 'inf', no signs like '%'.
_INTEGER = re.compile(r"-?\d+")
_NUMBER = re.compile(r"-?(\d+(\.\d*)?|\.\d+)")
_BOOLEAN = {"true": True, "false": False}
_DTYPES = {
    "string": "str",
    "integer": "Int64",
    "year": "Int64",
    "number": "float64",
    "boolean": "boolean",
}


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
    path = data_dir / spec["path"]
    shown = _display_path(path)
    if not path.is_file():
        raise DataValidationError([Problem(shown, None, None, "file not found")])
    schema = spec["schema"]
    fields = schema["fields"]
    names = [f["name"] for f in fields]
    missing_values = set(schema.get("missingValues", [""]))
    unsupported = [f["name"] for f in fields if f.get("type", "string") not in _DTYPES]
    if unsupported:
        raise DataValidationError(
            [Problem(shown, None, n, "unsupported field type in the schema") for n in unsupported]
        )

    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle, strict=True)
        try:
            header = next(reader, None)
            records = [(reader.line_num, row) for row in reader]
        except csv.Error as error:
            raise DataValidationError([Problem(shown, reader.line_num, None, str(error))]) from None
    if header is None:
        raise DataValidationError([Problem(shown, None, None, "file is empty (no header row)")])

    problems = _check_header(shown, header, names)
    if problems:
        raise DataValidationError(problems)

    columns: dict[str, list] = {n: [] for n in names}
    seen_unique: dict[str, dict] = {f["name"]: {} for f in fields if _constraint(f, "unique")}
    for row_number, cells in records:
        if len(cells) != len(names):
            problems.append(
                Problem(shown, row_number, None, f"has {len(cells)} cells, expected {len(names)}")
            )
            continue
        for field, cell in zip(fields, cells, strict=True):
            value, message = _parse_cell(field, cell, missing_values)
            if message:
                problems.append(Problem(shown, row_number, field["name"], message))
            elif value is not None and field["name"] in seen_unique:
                first = seen_unique[field["name"]].setdefault(value, row_number)
                if first != row_number:
                    problems.append(
                        Problem(shown, row_number, field["name"], f"{cell!r} repeats row {first}")
                    )
            columns[field["name"]].append(value)
    rows = [number for number, cells in records if len(cells) == len(names)]
    if not problems:
        problems += _check_keys(shown, spec, columns, rows, data_dir)
        problems += _check_shares(shown, fields, columns, rows)
    if problems:
        raise DataValidationError(problems)

    frame = pd.DataFrame({f["name"]: pd.array(columns[f["name"]], dtype=_dtype(f)) for f in fields})
    return frame


def _check_header(shown: str, header: list[str], names: list[str]) -> list[Problem]:
    problems = [
        Problem(shown, 1, n, "column missing from the header") for n in names if n not in header
    ]
    problems += [Problem(shown, 1, h, "column not in the schema") for h in header if h not in names]
    if not problems and header != names:
        problems.append(
            Problem(shown, 1, None, f"columns out of schema order: expected {', '.join(names)}")
        )
    return problems


def _constraint(field: dict, key: str):
    return field.get("constraints", {}).get(key)


def _dtype(field: dict):
    return _DTYPES[field.get("type", "string")]


def _parse_cell(field: dict, cell: str, missing_values: set[str]) -> tuple[object, str | None]:
    """Parse one cell; return (value, None) or (None, message)."""
    if cell in missing_values:
        if _constraint(field, "required"):
            return None, "required value is missing"
        return None, None
    kind = field.get("type", "string")
    if kind in ("integer", "year"):
        if not _INTEGER.fullmatch(cell):
            return None, f"{cell!r} is not an integer"
        value: object = int(cell)
    elif kind == "number":
        if not _NUMBER.fullmatch(cell):
            return None, f"{cell!r} is not a number"
        value = float(cell)
    elif kind == "boolean":
        if cell not in _BOOLEAN:
            return None, f"{cell!r} is not a boolean (true or false)"
        value = _BOOLEAN[cell]
    else:
        value = cell
    enum = _constraint(field, "enum")
    if enum is not None and value not in enum:
        return None, f"{cell!r} is not one of: {', '.join(map(str, enum))}"
    minimum, maximum = _constraint(field, "minimum"), _constraint(field, "maximum")
    if minimum is not None and value < minimum:
        return None, f"{cell} is below the minimum {minimum}"
    if maximum is not None and value > maximum:
        return None, f"{cell} is above the maximum {maximum}"
    return value, None


def _check_keys(
    shown: str, spec: dict, columns: dict[str, list], rows: list[int], data_dir: Path
) -> list[Problem]:
    schema = spec["schema"]
    problems = []
    key = schema.get("primaryKey")
    if key:
        key = [key] if isinstance(key, str) else key
        first_row: dict[tuple, int] = {}
        for i, row_number in enumerate(rows):
            value = tuple(columns[k][i] for k in key)
            first = first_row.setdefault(value, row_number)
            if first != row_number:
                shown_key = ", ".join(f"{k}={v!r}" for k, v in zip(key, value, strict=True))
                problems.append(
                    Problem(
                        shown,
                        row_number,
                        "+".join(key),
                        f"duplicate primary key ({shown_key}) first seen at row {first}",
                    )
                )
    for foreign in schema.get("foreignKeys", []):
        target = foreign["reference"]
        target_frame = _load_cached(target["resource"], data_dir)
        allowed = set(zip(*(target_frame[f].dropna() for f in target["fields"]), strict=True))
        for i, row_number in enumerate(rows):
            value = tuple(columns[f][i] for f in foreign["fields"])
            if any(v is None for v in value):
                continue  # an empty key means "no single park" (pooled rows)
            if value not in allowed:
                problems.append(
                    Problem(
                        shown,
                        row_number,
                        "+".join(foreign["fields"]),
                        f"unknown {target['resource']} code {', '.join(map(repr, value))}"
                        f" (not in {target['resource']}.{'+'.join(target['fields'])})",
                    )
                )
    return problems


def _check_shares(
    shown: str, fields: list[dict], columns: dict[str, list], rows: list[int]
) -> list[Problem]:
    """Percent values must lie in 0-100, whether the unit is on the field or in a unit column."""
    problems = []
    for field in fields:
        name = field["name"]
        per_row_unit = field.get("unit") == "see the 'unit' column" and "unit" in columns
        if field.get("unit") != "percent" and not per_row_unit:
            continue
        for i, row_number in enumerate(rows):
            value = columns[name][i]
            is_percent = columns["unit"][i] == "percent" if per_row_unit else True
            if is_percent and value is not None and not 0 <= value <= 100:
                problems.append(
                    Problem(shown, row_number, name, f"share {value:g} is outside 0-100 per cent")
                )
    return problems


def clear_cache() -> None:
    """Forget loaded resources (for tests that edit data files)."""
    _read_descriptor.cache_clear()
    _load_cached.cache_clear()


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
