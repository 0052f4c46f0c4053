"""Shared fixtures: a scratch copy of data/ that tests may corrupt, and the paper's text."""

from __future__ import annotations

import csv
import os
import shutil
from pathlib import Path

import pytest

from helpers.data import datapackage


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


# The paper's text lives beside the repository (../shared/sources), as in CI; it is not
# part of the repository.
PAPER_TEXT = (
    Path(__file__).resolve().parents[2]
    / "shared"
    / "sources"
    / "radosevic-myrzakhmet-technoparks-kazakhstan.txt"
)


@pytest.fixture(scope="session")
def paper_text() -> str:
    """The paper's text with whitespace folded and curly apostrophes made straight."""
    if not PAPER_TEXT.is_file():
        if os.environ.get("CI"):
            pytest.fail(f"{PAPER_TEXT} is missing: CI must run beside ../shared")
        pytest.skip(f"{PAPER_TEXT} is not beside this checkout")
    text = PAPER_TEXT.read_text(encoding="utf-8")
    return " ".join(text.split()).replace("\u2019", "'")
