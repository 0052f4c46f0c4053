"""How many kernels the readers' site may run, and what a reader beyond that sees.

Every page request to Voila starts a kernel (or takes a preheated one, which Voila then
replaces).  The site sends a chapter's page, once drawn, to every later reader instead
(:mod:`app.shared_pages`), so kernels are started only to draw a chapter, or for every
reader with ``share_pages=False``.  Unbounded, a script requesting pages in a loop would
exhaust memory and delay every reader.  Three limits keep the site up:

* a **budget** of kernel processes, set from the memory they may use
  (:func:`kernels_for_memory`); a request beyond it gets an immediate "the site is busy"
  page (HTTP 503, ``Retry-After``) that links to the same chapter in the static edition,
  which needs no kernel and offers every filter;
* a **per-client** window: at most ``pages_per_client`` pages per ``client_window``
  seconds from one address (HTTP 429 beyond it);
* **release**: a reader's kernel is only needed while the page loads its widgets (every
  filter then runs in the browser).  A kernel with no open page (never claimed by a
  browser, as with a script, or left) is shut down after ``unclaimed_timeout`` seconds;
  a connected one after the usual idle timeout.

The pure parts (:class:`Admission`, :func:`busy_page`) are tested on their own; the
kernel manager and the handler that use them are wired in :mod:`app.site`.
"""

from __future__ import annotations

import html
import re
import time
from collections import OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from jupyter_core.utils import ensure_async
from jupyter_server._tz import utcnow
from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from traitlets import Float, TraitError
from voila.request_info_handler import RequestInfoSocketHandler

from .frames import ValidatedConnection


def kernels_for_memory(memory_mb: float, kernel_mb: float) -> int:
    """How many kernels fit in ``memory_mb`` if each takes ``kernel_mb`` (at least one)."""
    if memory_mb <= 0 or kernel_mb <= 0:
        raise ValueError("memory and kernel size must be positive")
    return max(1, int(memory_mb // kernel_mb))


@dataclass(frozen=True)
class Refusal:
    """Why a page request is not served now: HTTP status, seconds to wait, the reason."""

    status: int
    retry_after: int
    reason: str


class Admission:
    """Decides, per page request, whether a kernel may be started for it.

    Parameters
    ----------
    max_kernels : int
        Kernel processes the site may run at once (preheated ones included).
    pages_per_client, client_window : int, float
        At most this many pages from one client address in this many seconds.
    clock : callable
        Seconds, monotonic (tests pass their own).
    """

    MAX_CLIENTS_TRACKED = 10_000  # bounded memory even if addresses are spoofed

    def __init__(
        self,
        max_kernels: int,
        pages_per_client: int,
        client_window: float,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.max_kernels = max_kernels
        self.pages_per_client = pages_per_client
        self.client_window = client_window
        self.clock = clock
        self._recent: OrderedDict[str, deque[float]] = OrderedDict()

    def admit(self, client: str, kernels_now: int) -> Refusal | None:
        """``None`` if a page may be rendered for ``client`` now (and count it), else why not."""
        now = self.clock()
        times = self._recent.pop(client, deque())
        while times and now - times[0] >= self.client_window:
            times.popleft()
        self._recent[client] = times  # most recent client last
        while len(self._recent) > self.MAX_CLIENTS_TRACKED:
            self._recent.popitem(last=False)
        if len(times) >= self.pages_per_client:
            wait = int(self.client_window - (now - times[0])) + 1
            return Refusal(429, wait, "too many pages from one address")
        if kernels_now >= self.max_kernels:
            return Refusal(503, 30, "the site is busy")
        times.append(now)
        return None


# A chapter's file name, the only part of a request the busy page may repeat.
_CHAPTER = re.compile(r"^(\d\d_[a-z0-9_]+)\.ipynb$")


def is_chapter(path: str | None) -> bool:
    """Whether a requested notebook is one of the site's chapters (``NN_name.ipynb``);
    other notebooks in the folder (the chapter template) are not pages for readers."""
    return bool(_CHAPTER.match(path or ""))


def static_page(path: str | None, site_dir: Path) -> str:
    """The static edition's page for a requested notebook path (its index otherwise)."""
    match = _CHAPTER.match(path or "")
    if match and (site_dir / f"{match[1]}.html").is_file():
        return f"{match[1]}.html"
    return "index.html"


def busy_page(refusal: Refusal, static_url: str) -> str:
    """A plain page saying the site cannot serve this now, linking the static edition."""
    if refusal.status == 429:
        lead = "You have opened many pages in a short time."
    else:
        lead = "The site is busy: too many readers are using it at once."
    url = html.escape(static_url, quote=True)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Busy | Between vision and reality: technoparks in Kazakhstan</title>
<link rel="icon" href="data:;base64,=">
<style>body {{ font-family: "DejaVu Sans", sans-serif; max-width: 40em; margin: 3em auto;
padding: 0 1em; line-height: 1.5; }} a {{ color: #0057a3; }}</style>
</head>
<body>
<main>
<h1>Please try again in a moment</h1>
<p>{lead} Please reload this page in {refusal.retry_after} seconds.</p>
<p>Meanwhile, <a href="{url}">read this chapter in the static edition</a>: the same
tables, charts and filters, served without waiting.</p>
</main>
</body>
</html>
"""


class CountingKernelManager(AsyncMappingKernelManager):
    """Knows how many kernels run or are starting, and releases those no page holds."""

    unclaimed_timeout = Float(
        20.0,
        config=True,
        help="Seconds a kernel may run with no open page before it is shut down.",
    )

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._starting = 0
        self._unheld_since: dict[str, float] = {}
        self._readers: set[str] = set()  # kernels seen handed to a reader

    def kernel_count(self) -> int:
        """Kernels running or starting now."""
        return len(self.list_kernel_ids()) + self._starting

    async def start_kernel(self, **kwargs) -> str:
        self._starting += 1
        try:
            return await super().start_kernel(**kwargs)
        finally:
            self._starting -= 1

    async def cull_kernel_if_idle(self, kernel_id: str) -> None:
        # Voila's preheating subclass returns before this for kernels still in its pool.
        if not self._started(kernel_id):
            return  # still starting: nothing to cull yet
        if not await ensure_async(self.get_kernel(kernel_id).is_alive()):
            # Died (kernels are not restarted here): clean up, and tell its page.
            self.log.warning("Kernel %s has died", kernel_id)
            await ensure_async(self.shutdown_kernel(kernel_id))
            return
        if self._handed_out(kernel_id) and kernel_id not in self._readers:
            # It may have waited in a pool for longer than the idle timeout: its reader's
            # time starts now, or the idle culler would take it from the page at once.
            self._readers.add(kernel_id)
            self.get_kernel(kernel_id).last_activity = utcnow()
            return
        if self._handed_out(kernel_id) and self._kernel_connections.get(kernel_id, 0) == 0:
            now = time.monotonic()
            unheld_for = now - self._unheld_since.setdefault(kernel_id, now)
            # A page still being drawn keeps its kernel busy (a chapter run in full, under
            # load, can take longer than the timeout): count from its last activity too.
            last_activity = self.get_kernel(kernel_id).last_activity
            quiet_for = (utcnow() - last_activity).total_seconds() if last_activity else unheld_for
            if min(unheld_for, quiet_for) > self.unclaimed_timeout:
                self.log.info(
                    "Releasing kernel %s: no page has held it for %ds", kernel_id, unheld_for
                )
                self._unheld_since.pop(kernel_id, None)
                await ensure_async(self.shutdown_kernel(kernel_id))
                return
        else:
            self._unheld_since.pop(kernel_id, None)
        await super().cull_kernel_if_idle(kernel_id)

    def _started(self, kernel_id: str) -> bool:
        """Whether the kernel has finished starting. jupyter_server sets ``last_activity``
        only then, and its idle check fails on a kernel without it (logging a traceback
        at every culling pass while kernels start, as under a burst of readers)."""
        try:
            self.get_kernel(kernel_id).last_activity  # noqa: B018 - the read is the test
        except TraitError:
            return False
        return True

    def _handed_out(self, kernel_id: str) -> bool:
        """Whether a reader was given this kernel (a preheated kernel still waiting in its
        pool, or still running its chapter, has no page yet and must not be released)."""
        if not getattr(self, "_pools", None):  # preheating off: every kernel is a reader's
            return True
        # Voila hands a preheated kernel over with its request's details, kept by kernel.
        return kernel_id in RequestInfoSocketHandler._cache

    async def shutdown_kernel(self, kernel_id: str, *args, **kwargs) -> None:
        self._unheld_since.pop(kernel_id, None)
        self._readers.discard(kernel_id)
        # Voila keeps each request's details until the kernel asks for them; this site's
        # kernels never do (the browser reads its own address), so drop them here.
        RequestInfoSocketHandler._cache.pop(kernel_id, None)
        # Close the websockets still open to it (a visitor's script: the site's pages open
        # none), so they end at once rather than when their peer notices.
        ValidatedConnection.close_all(kernel_id)
        return await super().shutdown_kernel(kernel_id, *args, **kwargs)
