"""The site's Voila configuration (app/voila.py), read as Voila reads it."""

from __future__ import annotations

import os
import re
from pathlib import Path

from traitlets.config.loader import PyFileConfigLoader

ROOT = Path(__file__).resolve().parents[1]


def site_config():
    """The configuration; the environment it sets for the app's kernels is put back, or
    every later test (nbval included) would run as a reader's kernel."""
    saved = dict(os.environ)
    try:
        return PyFileConfigLoader("voila.py", path=str(ROOT / "app")).load_config()
    finally:
        os.environ.clear()
        os.environ.update(saved)


def test_loading_the_configuration_leaves_the_environment_as_it_was():
    before = dict(os.environ)
    assert site_config().CountingKernelManager.unclaimed_timeout == 20
    assert dict(os.environ) == before


def preheated(config, notebook: Path) -> bool:
    """Voila's own test (voila_kernel_manager._notebook_filter) on the path it passes."""
    name = str(notebook)
    return not any(
        pattern in name or re.match(pattern, name)
        for pattern in config.VoilaKernelManager.preheat_denylist
    )


def test_only_chapters_get_preheated_kernels():
    config = site_config()
    notebooks = sorted((ROOT / "notebooks").glob("*.ipynb"))  # absolute, as Voila's rglob
    kept = [n.name for n in notebooks if preheated(config, n)]
    assert "_template.ipynb" not in kept
    assert kept == [n.name for n in notebooks if re.match(r"\d\d_", n.name)]
