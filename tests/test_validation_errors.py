"""Corrupt copies of the data raise one clear error naming file, row and field."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import read_rows, set_cell, write_rows

from helpers.data import datapackage
from helpers.data.datapackage import DataValidationError, UnknownResourceError, load


def _error(name, data_dir) -> DataValidationError:
    with pytest.raises(DataValidationError) as caught:
        load(name, data_dir)
    return caught.value


def test_clean_copy_loads(data_copy):
    assert len(load("table-08", data_copy)) == len(load("table-08"))


def test_missing_file(data_copy):
    (data_copy / "table-05.csv").unlink()
    assert str(_error("table-05", data_copy)) == "data/table-05.csv: file not found" or str(
        _error("table-05", data_copy)
    ).endswith("table-05.csv: file not found")


def test_missing_column(data_copy):
    path = data_copy / "table-07.csv"
    write_rows(path, [row[:-1] for row in read_rows(path)])  # drop 'note'
    error = _error("table-07", data_copy)
    assert "table-07.csv, row 1, field 'note': column missing from the header" in str(error)


def test_extra_column(data_copy):
    path = data_copy / "table-07.csv"
    write_rows(path, [[*row, "x"] for row in read_rows(path)])
    message = str(_error("table-07", data_copy))
    assert "table-07.csv, row 1, field 'x': column not in the schema" in message


def test_non_number_where_number_belongs(data_copy):
    set_cell(data_copy / "table-08.csv", 5, "value", "3,9")
    error = _error("table-08", data_copy)
    assert str(error).endswith("table-08.csv, row 5, field 'value': '3,9' is not a number")
    assert [(p.row, p.field) for p in error.problems] == [(5, "value")]


def test_unknown_park_code(data_copy):
    set_cell(data_copy / "table-04.csv", 3, "park", "XYZ")
    message = str(_error("table-04", data_copy))
    assert "table-04.csv, row 3, field 'park': unknown parks code 'XYZ'" in message


def test_duplicate_key(data_copy):
    path = data_copy / "table-14.csv"
    rows = read_rows(path)
    write_rows(path, [*rows, rows[1]])
    message = str(_error("table-14", data_copy))
    assert (
        f"table-14.csv, row {len(rows) + 1}, field 'stage+measure': duplicate primary key"
        in message
    )
    assert "first seen at row 2" in message


def test_duplicate_park_code_in_registry_breaks_dependants(data_copy):
    set_cell(data_copy / "parks.csv", 3, "code", "ABI")
    message = str(_error("parks", data_copy))
    assert "parks.csv, row 3, field 'code': 'ABI' repeats row 2" in message


def test_share_outside_0_100(data_copy):
    path = data_copy / "table-14.csv"
    rows = read_rows(path)
    row = next(i for i, r in enumerate(rows, start=1) if "percent" in r)
    set_cell(path, row, "value", "120.0")
    message = str(_error("table-14", data_copy))
    assert f"table-14.csv, row {row}, field 'value': share 120 is outside 0-100 per cent" in message


def test_negative_share_in_percent_field(data_copy):
    set_cell(data_copy / "figure-04.csv", 2, "value", "-0.5")
    assert "outside 0-100" in str(_error("figure-04", data_copy))


def test_required_value_missing(data_copy):
    set_cell(data_copy / "table-03.csv", 4, "is_summary", "")
    message = str(_error("table-03", data_copy))
    assert "table-03.csv, row 4, field 'is_summary': required value is missing" in message


def test_value_outside_enum(data_copy):
    set_cell(data_copy / "table-10.csv", 2, "firms", "inside")
    assert "row 2, field 'firms': 'inside' is not one of: in_tp, out_tp" in str(
        _error("table-10", data_copy)
    )


def test_bad_boolean_is_not_guessed(data_copy):
    set_cell(data_copy / "table-11.csv", 2, "is_summary", "yes")
    assert "'yes' is not a boolean" in str(_error("table-11", data_copy))


def test_short_row(data_copy):
    path = data_copy / "table-11.csv"
    rows = read_rows(path)
    rows[2] = rows[2][:3]
    write_rows(path, rows)
    assert "table-11.csv, row 3: has 3 cells, expected 8" in str(_error("table-11", data_copy))


def test_every_problem_is_listed_in_one_error(data_copy):
    path = data_copy / "table-08.csv"
    set_cell(path, 5, "value", "abc")
    set_cell(path, 6, "unit", "furlongs")
    error = _error("table-08", data_copy)
    assert [(p.row, p.field) for p in error.problems] == [(5, "value"), (6, "unit")]
    assert str(error).startswith("data/table-08.csv: 2 problems") or ": 2 problems" in str(error)


def test_broken_descriptor(data_copy):
    (data_copy / "datapackage.json").write_text("{", encoding="utf-8")
    assert "datapackage.json, row 1: not valid JSON" in str(_error("table-01", data_copy))


def test_unknown_resource_name():
    with pytest.raises(UnknownResourceError, match="no resource named 'table-99'"):
        load("table-99")


def test_schema_with_unsupported_type_is_reported(data_copy):
    path = data_copy / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    table = next(r for r in descriptor["resources"] if r["name"] == "table-11")
    table["schema"]["fields"][-1]["type"] = "geopoint"
    path.write_text(json.dumps(descriptor), encoding="utf-8")
    message = str(_error("table-11", data_copy))
    assert message.endswith("table-11.csv, field 'note': unsupported field type in the schema")


def test_unchanged_data_is_not_validated_again(data_copy, tmp_path, monkeypatch):
    monkeypatch.setattr(datapackage, "STAMP", tmp_path / "validated.json")
    expected = load("table-08", data_copy)
    datapackage.clear_cache()

    def fail(name, data_dir):
        raise AssertionError(f"{name} validated again")

    monkeypatch.setattr(datapackage, "_validate", fail)
    assert load("table-08", data_copy).equals(expected)


def test_changed_data_is_validated_again(data_copy, tmp_path, monkeypatch):
    monkeypatch.setattr(datapackage, "STAMP", tmp_path / "validated.json")
    load("table-08", data_copy)
    datapackage.clear_cache()
    set_cell(data_copy / "table-08.csv", 5, "value", "abc")
    assert "table-08.csv, row 5, field 'value': 'abc' is not a number" in str(
        _error("table-08", data_copy)
    )


def test_loading_validated_data_does_not_import_frictionless():
    for name in datapackage.resource_names():
        load(name)  # validates here if needed, so that the child finds the stamp
    code = (
        "import sys; from helpers.data.datapackage import load, resource_names; "
        "[load(n) for n in resource_names()]; print('frictionless' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
