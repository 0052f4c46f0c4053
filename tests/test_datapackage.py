"""Every resource loads and validates; its descriptor explains it to a newcomer."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest

from helpers.data import datapackage
from helpers.data.datapackage import load, package, resource, resource_names

TABLES = [f"table-{n:02d}" for n in range(1, 15)]
EXPECTED = ["parks", *TABLES, "figure-04", "literature", "timeline"]
UNITS = {"percent", "score_1_5", "count", "years", "thousand_usd", "calendar_year"}
MISSING_MARKERS = {"", "-", "n.a.", "n.a"}


def test_package_has_every_table_figure_and_registry():
    assert set(EXPECTED) <= set(resource_names())


@pytest.mark.parametrize("name", resource_names())
def test_resource_loads_with_schema_types(name):
    frame = load(name)
    fields = resource(name)["schema"]["fields"]
    assert list(frame.columns) == [f["name"] for f in fields]
    assert len(frame) > 0
    for field in fields:
        expected = datapackage._DTYPES[field["type"]]
        assert str(frame[field["name"]].dtype) == expected, field["name"]


@pytest.mark.parametrize("name", resource_names())
def test_descriptor_explains_resource(name):
    spec = resource(name)
    for key in ("title", "section", "description", "sources", "notes"):
        assert spec.get(key), f"{name} lacks {key}"
    for field in spec["schema"]["fields"]:
        assert field.get("title") and field.get("description"), (name, field["name"])
        if field["type"] in ("number", "integer"):
            assert field.get("unit"), (name, field["name"])
    assert spec["path"] == f"{name}.csv"


@pytest.mark.parametrize("name", [*TABLES, "figure-04"])
def test_every_row_names_its_table(name):
    label = "Figure 4" if name == "figure-04" else f"Table {int(name[-2:])}"
    assert set(load(name)["source"]) == {label}


@pytest.mark.parametrize("name", [*TABLES, "figure-04"])
def test_units_come_from_the_documented_set(name):
    frame = load(name)
    assert set(frame["unit"].dropna()) <= UNITS
    assert set(package()["units"]) == UNITS


def _number_in(printed: str) -> float | None:
    """The number a printed cell shows ('85%' -> 85, '$88K (2002)' -> 88)."""
    if printed in MISSING_MARKERS:
        return None
    match = re.fullmatch(r"\$?(\d+(?:\.\d+)?)K?%?(?: \(\d{4}\))?", printed)
    assert match, f"unexpected printed cell {printed!r}"
    return float(match.group(1))


@pytest.mark.parametrize("name", [*TABLES, "figure-04"])
def test_value_is_the_printed_number_and_missing_stays_missing(name):
    frame = load(name)
    printed = frame["printed"].fillna("")
    for row, (cell, value) in enumerate(zip(printed, frame["value"], strict=True), start=2):
        if name == "table-02" and pd.isna(frame.at[row - 2, "unit"]):
            assert pd.isna(value), f"{name} row {row}: text attribute with a value"
            continue
        expected = _number_in(cell)
        if expected is None:
            assert pd.isna(value), f"{name} row {row}: marker {cell!r} must stay missing"
        else:
            assert value == expected, f"{name} row {row}: {value} is not printed {cell!r}"


def test_missing_markers_are_the_papers_own():
    """The paper uses '-', 'n.a.', 'n.a' and blanks; each is kept verbatim, none is zero."""
    markers = set()
    for name in [*TABLES, "figure-04"]:
        frame = load(name)
        missing = frame[frame["value"].isna()]
        if "text" in frame:
            missing = missing[missing["text"].isna()]
        markers |= set(missing["printed"].fillna(""))
    assert markers == MISSING_MARKERS


def test_parks_registry_agrees_with_table_2():
    registry = load("parks").set_index("code")
    table = load("table-02")
    for attribute, column in [
        ("founders", "founders"),
        ("legal_status", "legal_status"),
        ("sources_of_finance", "sources_of_finance"),
    ]:
        rows = table[table["attribute"] == attribute].set_index("park")["text"]
        assert rows.to_dict() == registry[column].to_dict(), attribute
    years = table[table["attribute"] == "year_established"].set_index("park")["value"]
    assert years.astype(int).to_dict() == registry["year_established"].astype(int).to_dict()


def test_park_dimensioned_tables_reference_the_registry():
    for spec in package()["resources"]:
        names = [f["name"] for f in spec["schema"]["fields"]]
        keys = spec["schema"].get("foreignKeys", [])
        assert ("park" in names and spec["name"] != "parks") == bool(keys), spec["name"]


def test_descriptor_is_a_valid_frictionless_data_package():
    """Cross-check with the reference implementation of the standard."""
    frictionless = pytest.importorskip("frictionless")
    report = frictionless.Package(str(datapackage.DATA_DIR / "datapackage.json")).validate()
    errors = [e.message for task in report.tasks for e in task.errors]
    assert report.valid, errors[:5]


def test_descriptor_is_plain_json_with_one_entry_per_file():
    text = (datapackage.DATA_DIR / "datapackage.json").read_text(encoding="utf-8")
    paths = [r["path"] for r in json.loads(text)["resources"]]
    on_disk = sorted(p.name for p in datapackage.DATA_DIR.glob("*.csv"))
    assert sorted(paths) == on_disk


def test_data_readme_is_generated_from_the_descriptor():
    """data/README.md must be regenerated (make data-readme) whenever the descriptor changes."""
    from helpers.data.data_dictionary import render

    readme = (datapackage.DATA_DIR / "README.md").read_text(encoding="utf-8")
    assert readme == render(), "data/README.md is stale: run `make data-readme`"
    for name in resource_names():
        assert f'<a id="{name}"></a>' in readme


def test_paper_number_names_tables_and_figures_only():
    from helpers.data.datapackage import paper_number

    assert paper_number("table-08") == "Table 8"
    assert paper_number("figure-04") == "Figure 4"
    assert paper_number("timeline") is None and paper_number("rd-since") is None


V2 = "https://datapackage.org/profiles/2.0/datapackage.json"


def test_descriptor_is_data_package_v2():
    descriptor = package()
    assert descriptor["$schema"] == V2 and "profile" not in descriptor
    for spec in descriptor["resources"]:
        assert spec["type"] == "table" and "profile" not in spec, spec["name"]


def test_categories_agree_with_vocabularies_and_the_park_registry():
    """frictionless 5 does not check `categories`: the enum and the foreign key do, so the
    three must say the same."""
    registry = load("parks")
    parks = registry[["code", "name"]].rename(columns={"code": "value", "name": "label"})
    parks = parks.to_dict("records")
    seen = set()
    for spec in package()["resources"]:
        for field in spec["schema"]["fields"]:
            if "categories" not in field:
                continue
            seen.add(field["name"])
            values = [c["value"] for c in field["categories"]]
            assert all(c.get("label") for c in field["categories"]), (spec["name"], field)
            enum = field.get("constraints", {}).get("enum")
            assert enum is None or values == enum, (spec["name"], field["name"])
            if field["name"] in ("park", "code"):
                assert field["categories"] == parks, spec["name"]
            assert isinstance(field.get("categoriesOrdered", False), bool)
    assert {"firms", "park", "code", "market", "precision"} <= seen


@pytest.mark.parametrize("name", [*TABLES, "figure-04"])
def test_papers_missing_markers_are_declared_with_labels(name):
    schema = resource(name)["schema"]
    entries = schema["missingValues"]
    assert {e["value"] for e in entries} == MISSING_MARKERS
    assert all(e.get("label") for e in entries)
    printed = next(f for f in schema["fields"] if f["name"] == "printed")
    assert printed["missingValues"] == [""], "printed keeps the markers as text"
