"""What every chapter does first (page styles, the view cache) and last (links onward).

Kept light: a reader's kernel that replays a chapter from the view cache imports this
module and nothing heavier.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc

from IPython.display import HTML

from . import prose, view_cache
from .navigation import chapter_links

STYLE = """<style>
.tp-table { border-collapse: collapse; margin: 0.5em 0 0.25em 0; font-size: 0.95em; }
.tp-table th, .tp-table td { padding: 0.3em 0.7em; border-bottom: 1px solid #ddd; }
.tp-table th { border-bottom: 2px solid #888; font-weight: 600; }
/* table.tp-table td.x outranks JupyterLab's ":not(.jp-RenderedMarkdown) td" right alignment */
table.tp-table td.text, table.tp-table th.text { text-align: left; }
table.tp-table td.num, table.tp-table th.num {
  text-align: right; font-variant-numeric: tabular-nums;
}
table.tp-table td.missing { color: #666; font-style: italic; }
table.tp-table tr.tp-highlight td { background: #fff3cd; font-weight: 600; }
.tp-caption { margin-bottom: 0.2em; }
.tp-source, .tp-figcaption { color: #444; font-size: 0.9em; margin-top: 0.2em; }
.tp-figcaption { font-style: italic; max-width: 60em; }
.tp-chapter-nav { margin: 2em 0 1em 0; padding-top: 0.8em; border-top: 1px solid #ccc; }
table.tp-table td, table.tp-table th { line-height: 1.35; }
.widget-html-content { font-family: var(--jp-content-font-family, "DejaVu Sans", sans-serif); }
a.tp-download, .tp-viewlink a, .tp-chapter-nav a { color: #0072B2; text-decoration: underline; }
a.tp-download { display: inline-block; margin: 0.3em 0 0.8em 0; }
.tp-note { border-left: 4px solid #E69F00; padding: 0.3em 0.8em; background: #fdf6e9; }
</style>"""


def start_page(chapter: str) -> HTML:
    """Set a chapter up; return the page styles (display them as its first cell's output).

    ``chapter`` is the notebook's file stem ("03_park_survey"): the numbers its Markdown
    states are checked against it (:mod:`helpers.display.prose`).  Also installs the view
    cache for the cells that follow, when the environment asks for it
    (:mod:`helpers.display.view_cache`): in the readers' app, each later cell shows its
    stored outputs unless its code, the code before it, the data or the helpers changed.
    Charts apply the theme themselves (:func:`helpers.display.theme.new_figure`).
    """
    prose.set_chapter(chapter)
    view_cache.install()
    return HTML(STYLE)


def release_memory() -> None:
    """Give the memory freed after drawing a chapter back to the operating system.

    A reader's kernel lives as long as the reader stays; the charts' drawing buffers are
    garbage once shown, but the C allocator keeps freed memory unless asked to return it
    (glibc's malloc_trim).  Where there is no glibc this only collects garbage.
    """
    gc.collect()
    libc_name = ctypes.util.find_library("c")
    if libc_name:
        libc = ctypes.CDLL(libc_name)
        if hasattr(libc, "malloc_trim"):
            libc.malloc_trim(0)


def finish_page(stem: str) -> HTML:
    """What every chapter does last: release drawing memory, then link to its neighbours."""
    release_memory()
    return chapter_links(stem)
