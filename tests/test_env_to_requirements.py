"""The Makefile's pins come from environment.yml and nowhere else."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml  # installed with Jupyter (jupyter_events)

from tools.env_to_requirements import requirements

ROOT = Path(__file__).resolve().parent.parent


def test_reads_conda_pins_and_pip_block():
    text = """name: x
channels:
  - conda-forge
dependencies:
  - python=3.11
  - pip
  # a comment
  - pandas==3.1.1  # why
  - pip:
      - -e .
      - something==1.0
"""
    assert requirements(text) == ["pandas==3.1.1", "-e .", "something==1.0"]


def test_unpinned_conda_entry_is_an_error_naming_the_line():
    text = "dependencies:\n  - python=3.11\n  - seaborn>=0.13\n"
    with pytest.raises(ValueError, match=r"environment.yml, line 3: 'seaborn>=0.13' is not pinned"):
        requirements(text)


def test_project_environment_pins_every_required_tool():
    lines = requirements((ROOT / "environment.yml").read_text(encoding="utf-8"))
    names = {line.split("==")[0] for line in lines if "==" in line}
    for tool in ("jupyterlab", "pandas", "seaborn", "ipywidgets", "voila", "nbval", "pytest"):
        assert tool in names
    assert "-e ." in lines


def test_environment_file_is_valid_for_conda_and_binder():
    """conda and repo2docker read environment.yml as YAML: check its shape, not only our parser."""
    environment = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    assert environment["channels"] == ["conda-forge"]
    dependencies = environment["dependencies"]
    assert "python=3.11" in dependencies and "pip" in dependencies
    pip_block = next(d["pip"] for d in dependencies if isinstance(d, dict))
    assert pip_block == ["-e ."]
    conda_pins = [d for d in dependencies if isinstance(d, str) and d not in ("pip", "python=3.11")]
    assert all("==" in pin for pin in conda_pins)
    assert sorted(conda_pins + pip_block) == sorted(
        requirements((ROOT / "environment.yml").read_text())
    )
