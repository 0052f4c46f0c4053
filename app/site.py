"""The readers' site: standalone Voila with a kernel budget and security headers.

``python -m app`` (what ``make app`` runs) starts :class:`ReaderSite`, which is Voila
itself (configured by ``app/voila.py``) plus five things Voila's configuration cannot
express:

* each chapter is drawn once and that page sent to every reader, rather than a kernel
  started for each (:mod:`app.shared_pages`);
* page requests pass :class:`~app.budget.Admission` first (a budget of kernels, a
  per-client window), and a refused one gets a plain busy page at once;
* every response carries the security headers of :mod:`app.headers`;
* page templates are compiled once, not for every page (:mod:`app.compiled_templates`);
* the HTTP server trusts ``X-Real-IP`` only when told it runs behind a proxy
  (``--ReaderSite.behind_proxy=True``, as in the nginx recipe), so per-client limits
  see readers' addresses rather than the proxy's.
"""

from __future__ import annotations

import functools
from pathlib import Path

import tornado.web
from tornado.web import HTTPError
from traitlets import Bool, Float, Integer, default
from voila.app import Voila
from voila.tornado.handler import TornadoVoilaHandler

from . import compiled_templates
from .budget import Admission, busy_page, is_chapter, kernels_for_memory, static_page
from .headers import SecurityHeaders
from .shared_pages import SharedPages, shareable

HERE = Path(__file__).resolve().parent


class AdmittingVoilaHandler(TornadoVoilaHandler):
    """Voila's page handler, behind the site's admission check, sending each chapter's
    kept page when there is one (:mod:`app.shared_pages`)."""

    @tornado.web.authenticated
    async def get(self, path=None):
        if not (path and path.endswith(".ipynb")):
            await super().get(path)
            return
        if not is_chapter(path):
            raise HTTPError(404)  # before any kernel is started for it
        site: ReaderSite = self.settings["reader_site"]
        shared = site.shared_pages if site.share_pages else None
        kept = shared.page(path) if shared is not None else None
        # A kept page costs no kernel: only the per-client window applies to it.
        kernels = 0 if kept is not None else self.kernel_manager.kernel_count()
        refusal = site.admission.admit(self.request.remote_ip or "?", kernels)
        if refusal is not None:
            site.log.warning("Refused a page to %s: %s", self.request.remote_ip, refusal.reason)
            self.set_status(refusal.status)
            self.set_header("Retry-After", str(refusal.retry_after))
            self.set_header("Content-Type", "text/html; charset=utf-8")
            self.set_header("Cache-Control", "no-store")
            static = f"{self.base_url}voila/files/_site/{static_page(path, site.site_dir)}"
            self.finish(busy_page(refusal, static))
            return
        if shared is None:
            await super().get(path)
            return
        while kept is None and (drawing := shared.drawing(path)) is not None:
            await drawing  # another reader's request is drawing it: wait, then look again
            kept = shared.page(path)
        if kept is not None:
            self.set_page_headers()
            self.finish(kept)
        else:
            await self.draw_and_share(path, shared)

    def set_page_headers(self) -> None:
        """The headers Voila sends with a page (voila/handler.py)."""
        self.set_header("Content-Type", "text/html")
        self.set_header("Cache-Control", "no-cache, no-store, must-revalidate")
        self.set_header("Pragma", "no-cache")
        self.set_header("Expires", "0")

    async def draw_and_share(self, path: str, shared: SharedPages) -> None:
        """Voila draws the page; send it to this reader and keep it for the next. It is sent
        whole, the same as to every later reader: drawn by a preheated kernel, it is ready
        at once anyway, and :func:`shareable` needs the whole page (Voila's parts may split
        a script)."""
        shared.start(path)
        chunks: list[str] = []
        try:
            async for chunk in self.get_generator(path=path):
                chunks.append(chunk)
        except BaseException:
            shared.finish(path, None)
            raise
        page = shareable("".join(chunks))
        if not shared.finish(path, page):
            self.log.warning("The page of %s was not complete: it is not kept", path)
        self.finish(page)


class ReaderSite(Voila):
    """Voila for readers: see the module text; settings in ``app/voila.py``."""

    name = "voila"  # reads app/voila.py like Voila does
    kernel_memory_mb = Float(
        4096, config=True, help="Memory the site's kernels may use together (MB)."
    )
    kernel_size_mb = Float(64, config=True, help="Memory of one reader's kernel, measured (MB).")
    pages_per_client = Integer(20, config=True, help="Pages one address may open per window.")
    client_window = Float(60, config=True, help="The per-client window (seconds).")
    share_pages = Bool(
        True,
        config=True,
        help="Send each chapter's page, once drawn, to every reader (app/shared_pages.py) "
        "instead of giving every reader a kernel.",
    )
    behind_proxy = Bool(
        False, config=True, help="Trust X-Real-IP/X-Forwarded-For (only behind a proxy)."
    )

    @default("config_file_paths")
    def _config_file_paths_default(self):
        return [str(HERE)]

    @property
    def max_kernels(self) -> int:
        return kernels_for_memory(self.kernel_memory_mb, self.kernel_size_mb)

    @property
    def site_dir(self) -> Path:
        return Path(self.root_dir) / "_site"

    def init_settings(self) -> dict:
        compiled_templates.install()  # each template compiled once, not for every page
        settings = super().init_settings()
        self.admission = Admission(self.max_kernels, self.pages_per_client, self.client_window)
        self.shared_pages = SharedPages()
        settings["reader_site"] = self
        return settings

    def init_handlers(self) -> list:
        return [
            (pattern, AdmittingVoilaHandler, *rest)
            if handler is TornadoVoilaHandler
            else (pattern, handler, *rest)
            for pattern, handler, *rest in super().init_handlers()
        ]

    def start(self) -> None:
        # Voila builds its tornado application in start() and then serves; add the header
        # transform and the proxy setting between the two.
        original_listen = self.listen

        def listen() -> None:
            self.app.add_transform(SecurityHeaders)
            self.app.listen = functools.partial(self.app.listen, xheaders=self.behind_proxy)
            self.log.info(
                "Kernel budget: %d kernels (%.0f MB at %.0f MB each); %d pages per %.0f s "
                "per client",
                self.max_kernels,
                self.kernel_memory_mb,
                self.kernel_size_mb,
                self.pages_per_client,
                self.client_window,
            )
            original_listen()

        self.listen = listen
        super().start()


main = ReaderSite.launch_instance
