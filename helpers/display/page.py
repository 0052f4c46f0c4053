"""What every chapter does first (page styles, the view cache) and last (links onward).

Kept light: a reader's kernel that replays a chapter from the view cache imports this
module and nothing heavier.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
from pathlib import Path

from IPython.display import HTML

from . import prose, view_cache
from .navigation import chapter_links

# The page styles live in page.css beside this module (colours: colors.py).
STYLESHEET = Path(__file__).with_name("page.css")
STYLE = f"<style>\n{STYLESHEET.read_text(encoding='utf-8')}</style>"


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
    """What every chapter does last: release drawing memory, then "Cite this chapter"
    (:mod:`helpers.display.citation`) and the links to its neighbours."""
    from .citation import cite_html

    release_memory()
    return HTML(cite_html(stem) + "\n" + chapter_links(stem).data)
