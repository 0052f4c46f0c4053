"""Shared fixtures: a scratch copy of data/ that tests may corrupt."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from helpers import datapackage


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of data/ in a temporary folder, safe to edit."""
    target = tmp_path / "data"
    shutil.copytree(datapackage.DATA_DIR, target)
    yield target
    datapackage.clear_cache()


def read_rows(path: Path) -> list[list[str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.reader(handle))


def write_rows(path: Path, rows: list[list[str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)


def set_cell(path: Path, row: int, field: str, value: str) -> None:
    """Set one cell; ``row`` is numbered as in the error messages (header = row 1)."""
    rows = read_rows(path)
    rows[row - 1][rows[0].index(field)] = value
    write_rows(path, rows)
