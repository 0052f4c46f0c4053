"""Each chapter drawn once and sent to every reader, instead of a kernel per reader.

A page of the site never talks to its kernel: its widgets are embedded and every filter
runs in the browser (app/voila.py), and a preheated kernel draws its page before any
request arrives, so the page cannot depend on who asks for it either (the browser reads
its own address). Voila still gives every reader a kernel and starts another to refill its
pool: under a crowd those replacements took most of the server's two cores while the
readers' browsers were drawing (benchmarks/README.md). So the site keeps each chapter's
page once it has been drawn in full and sends that copy to every later reader.

* The first reader of a chapter gets the page Voila draws (from a preheated kernel, so at
  once), sent whole; readers arriving while it is drawn wait for it rather than each
  taking a kernel.
* Only a complete page without an error is kept: one whose render failed or was cut
  short is drawn again for the next reader.
* No page names a kernel (:func:`shareable`): the one that drew it is released 20 s
  later (app/budget.py), and no visitor should be handed a handle to it. Nor does a page
  carry Voila's progress calls, one script per cell, which report a drawing no later
  reader waits for: in a crowd of browsers on two cores they made every reader wait
  longer (benchmarks/README.md).
* Pages are kept for the server's lifetime, as Voila's preheated kernels keep theirs:
  restart the app after changing a chapter, its helpers or data.

``--ReaderSite.share_pages=False`` gives every reader a kernel of their own, as plain
Voila does (tests of what a visitor can send to a kernel use it).
"""

from __future__ import annotations

import asyncio
import re

# Where the lab template names the page's kernel (in its page config).
_KERNEL_ID = re.compile(r'"kernelId": "[0-9a-f-]{36}"')
# The lab template's progress call before each cell (voila/templates/lab/index.html.j2).
_PROGRESS = re.compile(r"<script>\s*voila_process\(\d+, \d+\)\s*</script>")
# What Voila writes into a page when a cell failed or the kernel stopped (voila/execute.py,
# nbclient); such a page is not kept.
_FAILURE_MARKS = (
    "There was an error when executing cell",
    "Cell execution timed out",
    "DeadKernelError",
    "Kernel died",
)


def shareable(html: str) -> str:
    """``html`` (a page or a part of one) as it may be sent to every reader: the kernel's id
    in its page config replaced by ``null``, and without the per-cell progress calls."""
    return _PROGRESS.sub("", _KERNEL_ID.sub('"kernelId": null', html))


def is_complete_page(html: str) -> bool:
    """Whether ``html`` is a whole page drawn without an error (so it may be kept)."""
    return html.rstrip().endswith("</html>") and not any(mark in html for mark in _FAILURE_MARKS)


class SharedPages:
    """Each chapter's drawn page, and the drawing in progress, by notebook path."""

    def __init__(self) -> None:
        self._pages: dict[str, str] = {}
        self._drawing: dict[str, asyncio.Future[str | None]] = {}

    def __len__(self) -> int:
        return len(self._pages)

    def page(self, path: str) -> str | None:
        """The kept page of ``path``, if there is one."""
        return self._pages.get(path)

    def drawing(self, path: str) -> asyncio.Future[str | None] | None:
        """The page of ``path`` being drawn now for another reader (``None`` if the
        drawing fails), or ``None`` if no one is drawing it."""
        return self._drawing.get(path)

    def start(self, path: str) -> None:
        """A reader's request is drawing ``path``: later readers wait for it."""
        if path in self._drawing:
            raise RuntimeError(f"{path} is already being drawn")
        self._drawing[path] = asyncio.get_running_loop().create_future()

    def finish(self, path: str, html: str | None) -> bool:
        """The drawing of ``path`` ended with ``html`` (``None`` if it was cut short). Keep
        it if it is a complete page; tell the waiting readers. Returns whether it was kept."""
        kept = html is not None and is_complete_page(html)
        if kept:
            self._pages[path] = html
        waiting = self._drawing.pop(path, None)
        if waiting is not None and not waiting.done():
            waiting.set_result(html if kept else None)
        return kept
