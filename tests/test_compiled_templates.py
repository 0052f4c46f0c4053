"""Page templates are compiled once per server (app/compiled_templates.py)."""

from __future__ import annotations

import jinja2
import pytest
import voila.notebook_renderer

from app import compiled_templates
from app.compiled_templates import CompiledOnceExporter, MemoryBytecodeCache
from tools.visitor import in_thread


@pytest.fixture
def compilations(monkeypatch) -> list[str]:
    """Names of the templates Jinja parses (that is, compiles) from now on."""
    parsed = []
    original = jinja2.Environment._parse

    def counting_parse(self, source, name, filename):
        parsed.append(name)
        return original(self, source, name, filename)

    monkeypatch.setattr(jinja2.Environment, "_parse", counting_parse)
    return parsed


def environment(templates: dict[str, str], cache, is_async: bool = False) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.DictLoader(templates), bytecode_cache=cache, enable_async=is_async
    )


def test_a_template_is_compiled_once_across_environments(compilations):
    cache = MemoryBytecodeCache()
    templates = {"page.html": "{% for x in items %}<p>{{ x }}</p>{% endfor %}"}
    pages = [environment(templates, cache).get_template("page.html") for _ in range(3)]
    assert [page.render(items=[1, 2]) for page in pages] == ["<p>1</p><p>2</p>"] * 3
    assert compilations == ["page.html"]


def test_an_edited_template_is_compiled_again(compilations):
    cache = MemoryBytecodeCache()
    first = environment({"page.html": "old {{ x }}"}, cache).get_template("page.html")
    second = environment({"page.html": "new {{ x }}"}, cache).get_template("page.html")
    assert (first.render(x=1), second.render(x=1)) == ("old 1", "new 1")
    assert compilations == ["page.html", "page.html"]


def test_async_and_sync_rendering_keep_their_own_code(compilations):
    cache = MemoryBytecodeCache()
    templates = {"page.html": "{{ x }}"}
    sync = environment(templates, cache).get_template("page.html")
    asynchronous = environment(templates, cache, is_async=True).get_template("page.html")
    assert sync.render(x=1) == "1"
    assert in_thread(asynchronous.render_async(x=2)) == "2"
    assert compilations == ["page.html", "page.html"]


def test_the_site_renders_pages_with_the_shared_cache(monkeypatch):
    # Set to itself so that monkeypatch puts Voila's own class back after the test.
    monkeypatch.setattr(
        voila.notebook_renderer, "VoilaExporter", voila.notebook_renderer.VoilaExporter
    )
    compiled_templates.install()
    assert voila.notebook_renderer.VoilaExporter is CompiledOnceExporter
    exporter = CompiledOnceExporter(template_name="lab")
    assert exporter.environment.bytecode_cache is compiled_templates.SHARED_BYTECODE
    assert exporter.environment.is_async  # Voila renders pages asynchronously
