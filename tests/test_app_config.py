"""The site's Voila configuration (app/voila.py), read as Voila reads it."""

from __future__ import annotations

import re
from pathlib import Path

from traitlets.config.loader import PyFileConfigLoader

ROOT = Path(__file__).resolve().parents[1]


def site_config():
    return PyFileConfigLoader("voila.py", path=str(ROOT / "app")).load_config()


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
