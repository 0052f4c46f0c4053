"""Page templates compiled once per server, not once per reader.

Voila renders each page with a new ``VoilaExporter``, and nbconvert gives each exporter a
Jinja environment of its own, so every page (every preheated kernel) parsed and compiled
the same templates again: about 40% of the server's CPU under a burst of readers
(profiled with py-spy), on the one event loop that answers every request. A bytecode
cache shared by all exporters keeps each template's compiled code; Jinja still reads the
template's source each time and recompiles it if the source changed.

:func:`install` makes Voila's page renderer use :class:`CompiledOnceExporter`;
``python -m app`` calls it (app/site.py).
"""

from __future__ import annotations

import jinja2
import voila.notebook_renderer
from voila.exporter import VoilaExporter


class MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates kept in memory, by template and by sync or async rendering
    (the two compile to different code)."""

    def __init__(self) -> None:
        self._code: dict[tuple[bool, str], bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._code.get((bucket.environment.is_async, bucket.key))
        if code is not None:
            bucket.bytecode_from_string(code)  # ignored by Jinja if the source changed

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[(bucket.environment.is_async, bucket.key)] = bucket.bytecode_to_string()


SHARED_BYTECODE = MemoryBytecodeCache()


class CompiledOnceExporter(VoilaExporter):
    """Voila's exporter, its Jinja environment sharing :data:`SHARED_BYTECODE`."""

    def _create_environment(self) -> jinja2.Environment:
        environment = super()._create_environment()
        environment.bytecode_cache = SHARED_BYTECODE
        return environment


def install() -> None:
    """Have Voila's page renderer build its exporters from :class:`CompiledOnceExporter`
    (it names the class in its own module, with no setting to change it)."""
    voila.notebook_renderer.VoilaExporter = CompiledOnceExporter
