"""The view cache: readers' kernels show a chapter's stored outputs instead of redrawing them.

What a cell shows depends only on its code, the code run before it, ``data/``, the helpers'
code and the libraries' versions; together they make the cell's *key*.  A chapter's first
cell (:func:`helpers.display.page.start_page`) installs the cache for every later cell, in the mode
the environment variable ``TECHNOPARKS_VIEW_CACHE`` names:

``off`` (the default: JupyterLab, nbval)
    Nothing is installed; every cell runs as written.
``write`` (``make site``)
    Every cell runs; its outputs are stored under its key, then shown from the stored
    form, so the site shows exactly what a reader's kernel will replay.
``read`` (the readers' app, ``app/voila.py``)
    A cell whose key is stored is not run: its outputs are shown from the store, so a
    reader's kernel needs neither pandas nor matplotlib.  At the first key that is missing
    (something changed), the cells skipped so far run silently, then the cell itself:
    the page is what running the notebook gives, only slower.

Outputs are stored as MIME bundles; widgets as their class and state (a widget class
opts in with ``cache_state()`` and ``from_cache_state()``), or, on the readers' site, as
the HTML that draws them (:mod:`helpers.display.embedded`).  A cell that prints or shows
any other widget cannot be stored, and says so.
"""

from __future__ import annotations

import base64
import hashlib
import importlib
import importlib.metadata
import json
import os
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from . import embedded

MODE_VARIABLE = "TECHNOPARKS_VIEW_CACHE"
DIR_VARIABLE = "TECHNOPARKS_VIEW_CACHE_DIR"  # another folder (tests)
MODES = ("off", "read", "write")
ROOT = Path(__file__).resolve().parents[2]
CACHE_DIR = ROOT / ".cache" / "views"
# What a chapter's outputs are computed from, besides its own code.
SOURCES = (ROOT / "data", ROOT / "helpers")
SOURCE_SUFFIXES = {".py", ".js", ".css", ".json", ".csv", ".md"}
LIBRARIES = ("pandas", "numpy", "matplotlib", "seaborn", "ipywidgets", "anywidget")
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
MAGIC = "technoparks_view_cache"


class ViewCacheError(RuntimeError):
    """A cell's outputs cannot be stored (and why)."""


def mode() -> str:
    """The cache mode from the environment; anything unknown is an error, not 'off'."""
    value = os.environ.get(MODE_VARIABLE, "off").strip().lower() or "off"
    if value not in MODES:
        raise ViewCacheError(f"{MODE_VARIABLE}={value!r}: expected one of {', '.join(MODES)}")
    return value


def fingerprint(sources: Iterable[Path] = SOURCES) -> str:
    """Hash of every source file (path and bytes), the libraries' versions, Python's, and
    the widget mode (:mod:`helpers.display.embedded`)."""
    digest = hashlib.sha256()
    for folder in sources:
        files = sorted(
            p
            for p in folder.rglob("*")
            if p.is_file() and p.suffix in SOURCE_SUFFIXES and "__pycache__" not in p.parts
        )
        for path in files:
            digest.update(str(path.relative_to(ROOT)).encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    for library in LIBRARIES:
        digest.update(f"{library}={importlib.metadata.version(library)}\0".encode())
    digest.update(sys.version.encode())
    # Embedded widgets are stored as their HTML, live ones as their state: never mix them.
    digest.update(f"widgets={embedded.mode()}".encode())
    return digest.hexdigest()


class ViewCache:
    """Runs, stores or replays each cell of one chapter, in order (see the module text)."""

    def __init__(self, shell, cache_mode: str, directory: Path = CACHE_DIR) -> None:
        self.shell = shell
        self.mode = cache_mode
        self.directory = directory
        self._chain = hashlib.sha256(fingerprint().encode())
        self._skipped: list[str] = []  # cells replayed, not run (run them before a miss)
        self._inside = False

    # --- wiring into IPython ----------------------------------------------------------

    def install(self) -> None:
        """Route every later cell through :meth:`run_cell` (once per kernel)."""
        self.shell.register_magic_function(self._magic, magic_kind="cell", magic_name=MAGIC)
        self.shell.input_transformers_post.append(self._transform)

    def _transform(self, lines: list[str]) -> list[str]:
        if self._inside or not "".join(lines).strip():
            return lines
        return [f"get_ipython().run_cell_magic({MAGIC!r}, '', {''.join(lines)!r})\n"]

    def _magic(self, line: str, cell: str) -> None:
        self.run_cell(cell)

    # --- one cell ---------------------------------------------------------------------

    def key(self, source: str) -> str:
        """Chain this cell's code onto everything before it; return the cell's key."""
        encoded = source.encode()
        self._chain.update(len(encoded).to_bytes(8, "little") + encoded)
        return self._chain.hexdigest()

    def path(self, key: str) -> Path:
        return self.directory / f"{key}.json"

    def run_cell(self, source: str) -> None:
        key = self.key(source)
        if self.mode == "read" and self.path(key).is_file():
            replay(json.loads(self.path(key).read_text(encoding="utf-8")))
            self._skipped.append(source)
            return
        self._catch_up()
        outputs = self._run_and_record(source)
        if self.mode == "write":
            self._store(key, outputs)
        replay(outputs)

    def _catch_up(self) -> None:
        """Run the cells replayed so far, showing nothing: later code may need their names."""
        skipped, self._skipped = self._skipped, []
        for source in skipped:
            self._run_and_record(source)

    def _run_and_record(self, source: str) -> list[dict]:
        from IPython.utils.capture import capture_output

        self._inside = True
        try:
            with capture_output() as captured:
                result = self.shell.run_cell(source, store_history=False)
        finally:
            self._inside = False
        result.raise_error()
        if captured.stdout or captured.stderr:
            raise ViewCacheError(
                "a chapter cell printed text; show it with display() instead:\n"
                + (captured.stdout + captured.stderr)[:500]
            )
        # An object that displays itself (_ipython_display_) leaves an empty result behind.
        return [record(out.data, out.metadata) for out in captured.outputs if out.data]

    def _store(self, key: str, outputs: list[dict]) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        payload = json.dumps(outputs, ensure_ascii=False, sort_keys=True)
        # Write then rename, so a reader's kernel never reads half a file.
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=self.directory, suffix=".tmp", delete=False
        ) as handle:
            handle.write(payload)
        os.replace(handle.name, self.path(key))


def record(data: dict, metadata: dict) -> dict:
    """One displayed output in storable form: a MIME bundle, or a widget's class and state."""
    if WIDGET_VIEW not in data:
        # Binary images travel base64-encoded, as a notebook file stores them.
        data = {
            mime: base64.b64encode(value).decode("ascii") if isinstance(value, bytes) else value
            for mime, value in data.items()
        }
        return {"data": data, "metadata": metadata or {}}
    from ipywidgets.widgets.widget import _instances

    widget = _instances.get(data[WIDGET_VIEW]["model_id"])
    if widget is None or not hasattr(widget, "cache_state"):
        name = type(widget).__name__ if widget is not None else "an unknown widget"
        raise ViewCacheError(f"{name} cannot be stored in the view cache (no cache_state())")
    kind = type(widget)
    return {"widget": f"{kind.__module__}:{kind.__qualname__}", "state": widget.cache_state()}


def replay(outputs: list[dict]) -> None:
    """Show stored outputs: bundles as they are, widgets rebuilt from their state."""
    from IPython.display import display, publish_display_data

    for output in outputs:
        if "widget" in output:
            module, name = output["widget"].split(":")
            widget_class = getattr(importlib.import_module(module), name)
            display(widget_class.from_cache_state(output["state"]))
        else:
            publish_display_data(output["data"], output["metadata"])


_installed: ViewCache | None = None


def install(shell=None) -> ViewCache | None:
    """Install the cache in this kernel for the cells that follow (no-op when 'off')."""
    global _installed
    cache_mode = mode()
    if cache_mode == "off" or _installed is not None:
        return _installed
    if shell is None:
        from IPython import get_ipython

        shell = get_ipython()
    if shell is None:
        return None
    _installed = ViewCache(shell, cache_mode, Path(os.environ.get(DIR_VARIABLE, CACHE_DIR)))
    _installed.install()
    return _installed
