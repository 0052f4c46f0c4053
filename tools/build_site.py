"""`make site`: a static HTML copy of every chapter, served by any static host, no kernel.

Each chapter is executed and exported with nbconvert's lab template, code hidden.  Its
widgets are embedded (helpers/display/embedded.py): each carries its module and state in
the page, and one script (the app template's embedded_widgets.js, with takeaway.js) draws
them, so every filter works with no kernel and no widget manager, and the pages load
nothing from another host.  Links between chapters point to the .html pages.

The site is written to notebooks/_site/ so that the running app serves it too, at
/voila/files/_site/ (see app/voila.py), and links to it from the landing chapter.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import shutil
import sys
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter
from nbconvert.preprocessors import ExecutePreprocessor

from helpers.display import embedded, view_cache

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
SITE = NOTEBOOKS / "_site"
TEMPLATE = ROOT / "app" / "jupyter" / "voila" / "templates" / "technoparks"
# The pages' one script: the same files the app's template includes.
SITE_SCRIPT = "static/site.js"
SITE_SCRIPT_TEXT = "\n".join(
    (TEMPLATE / name).read_text(encoding="utf-8") for name in ("embedded_widgets.js", "takeaway.js")
)
# The static edition's own Content-Security-Policy (a static host may not send headers):
# nothing from another origin; inline scripts (the page's own bootstrap) and blob: modules
# (each widget's module, embedded_widgets.js). frame-ancestors cannot be set from a meta tag.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' blob:; "
    "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"
)
# What the app's template puts first in every page's body (the skip link), shared here.
# The app also shows a loading notice (loading.html); a static page needs none, its
# content is in the HTML on first paint.
PAGE_CHROME = (TEMPLATE / "chrome.html").read_text(encoding="utf-8")
# A resource the page would load from another host (links a reader may follow are fine).
EXTERNAL = re.compile(
    r"""(?:\bsrc\s*=\s*["'](?:https?:)?//|<link\b[^>]*\bhref\s*=\s*["'](?:https?:)?//"""
    r"""|\bimport\s*\(?\s*["'](?:https?:)?//|@import\s+(?:url\()?["']?(?:https?:)?//)""",
    re.IGNORECASE,
)


def chapters() -> list[Path]:
    return sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))


def exporter() -> HTMLExporter:
    return HTMLExporter(
        template_name="lab",
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        require_js_url=SITE_SCRIPT,  # the lab template's one script tag: ours, not require.js
        mathjax_url="",
    )


# How the app's pages link into the static copy (from /voila/render/<chapter>).
APP_LINK = "../files/_site/"


def link_chapters(html: str, stems: list[str]) -> str:
    """Point links between chapters, and the app's links to this copy, at the pages."""
    for stem in stems:
        html = html.replace(f'href="{stem}.ipynb"', f'href="{stem}.html"')
    return html.replace(f'href="{APP_LINK}', 'href="')


def strip_external(html: str) -> str:
    """Drop the template's optional scripts from other hosts (MathJax, Mermaid).

    No chapter uses LaTeX or Mermaid; with MathJax off nbconvert still writes Mermaid's
    loader, which only imports from its CDN when a page has a Mermaid diagram.
    """
    return re.sub(
        r'<script type="module">\s*document\.addEventListener\("DOMContentLoaded", async \(\)'
        r".*?</script>",
        "",
        html,
        flags=re.DOTALL,
    )


def add_chrome(html: str) -> str:
    """Put the skip link first in the body, leading to the page's main landmark."""
    html, found = re.subn(r"(<body\b[^>]*>)", lambda m: f"{m[1]}\n{PAGE_CHROME}", html, count=1)
    html, mains = re.subn(r"<main>", '<main id="tp-main" tabindex="-1">', html, count=1)
    if not (found and mains):
        raise RuntimeError("the exported page has no <body> or no <main> for the skip link")
    return drop_cell_tab_stops(html)


# nbconvert's lab template makes every cell's rendered Markdown and every output a tab
# stop (tabindex="0"), so JupyterLab's users can scroll a long output.  On a reader's page
# that is dozens of stops that do nothing; what does scroll (a wide table) is its own
# focusable region (helpers.display.tables.scrollable), as in the app.
_CELL_TAB_STOP = re.compile(
    r'(<div class="(?:jp-Cell-inputWrapper|[^"]*\bjp-OutputArea-output\b[^"]*)"[^>]*?)'
    r' tabindex="0"'
)


def drop_cell_tab_stops(html: str) -> str:
    """Remove the tab stops nbconvert puts on cells and outputs (not the tables' own)."""
    return _CELL_TAB_STOP.sub(r"\1", html)


def export(notebook: Path, site: Path, stems: list[str]) -> Path:
    """Execute ``notebook`` (its widgets embedded) and write its static page."""
    nb = nbformat.read(notebook, as_version=4)
    ExecutePreprocessor(timeout=600, store_widget_state=False, record_timing=False).preprocess(
        nb, {"metadata": {"path": str(notebook.parent)}}
    )
    html, _ = exporter().from_notebook_node(nb)
    html = strip_external(link_chapters(html, stems))
    # No favicon request that would 404 on a static host; the site's marker (its choosers
    # follow the address bar) and its security policy.
    html = html.replace(
        "<head>",
        "<head>\n"
        f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">\n'
        '<meta name="technoparks-site" content="static">\n'
        '<link rel="icon" href="data:;base64,=">',
        1,
    )
    html = add_chrome(html)
    target = site / f"{notebook.stem}.html"
    target.write_text(html, encoding="utf-8")
    return target


def build(site: Path = SITE, notebooks: list[Path] | None = None) -> list[Path]:
    """Build the static site, and the view cache the app replays; return the pages written.

    Chapters run with the view cache in "write" mode (see helpers.display.view_cache), so
    the pages show exactly what a reader's kernel in the app will replay.
    """
    os.environ[view_cache.MODE_VARIABLE] = "write"
    os.environ[embedded.MODE_VARIABLE] = "embedded"
    notebooks = notebooks or chapters()
    site.mkdir(parents=True, exist_ok=True)
    shutil.rmtree(site / "static", ignore_errors=True)  # nothing left of an older build
    (site / SITE_SCRIPT).parent.mkdir()
    (site / SITE_SCRIPT).write_text(SITE_SCRIPT_TEXT, encoding="utf-8")
    stems = [n.stem for n in chapters()]
    pages = [export(notebook, site, stems) for notebook in notebooks]
    (site / "index.html").write_text(
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta http-equiv="refresh" content="0; url=00_index.html">'
        '<link rel="icon" href="data:;base64,=">'
        "<title>Between vision and reality: technoparks in Kazakhstan</title></head>"
        '<body><a href="00_index.html">Open the companion</a></body></html>\n',
        encoding="utf-8",
    )
    for page in pages:
        found = EXTERNAL.findall(page.read_text(encoding="utf-8"))
        if found:
            raise RuntimeError(f"{page.name} still loads from another host: {found[:3]}")
    return pages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=SITE)
    parser.add_argument("--clean", action="store_true", help="remove the old site first")
    args = parser.parse_args(argv)
    if args.clean and args.out.exists():
        shutil.rmtree(args.out)
    pages = build(args.out)
    out = io.StringIO()
    for page in pages:
        print(f"{page.relative_to(ROOT) if page.is_relative_to(ROOT) else page}", file=out)
    sys.stdout.write(out.getvalue())
    return 0


if __name__ == "__main__":
    sys.exit(main())
