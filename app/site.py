"""The readers' site: standalone Voila with a kernel budget and security headers.

``python -m app`` (what ``make app`` runs) starts :class:`ReaderSite`, which is Voila
itself (configured by ``app/voila.py``) plus four things Voila's configuration cannot
express:

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

from tornado.web import HTTPError
from traitlets import Bool, Float, Integer, default
from voila.app import Voila
from voila.tornado.handler import TornadoVoilaHandler

from . import compiled_templates
from .budget import Admission, busy_page, is_chapter, kernels_for_memory, static_page
from .headers import SecurityHeaders

HERE = Path(__file__).resolve().parent


class AdmittingVoilaHandler(TornadoVoilaHandler):
    """Voila's page handler, behind the site's admission check."""

    async def get(self, path=None):
        if path and path.endswith(".ipynb"):
            if not is_chapter(path):
                raise HTTPError(404)  # before any kernel is started for it
            site: ReaderSite = self.settings["reader_site"]
            refusal = site.admission.admit(
                self.request.remote_ip or "?", self.kernel_manager.kernel_count()
            )
            if refusal is not None:
                site.log.warning("Refused a page to %s: %s", self.request.remote_ip, refusal.reason)
                self.set_status(refusal.status)
                self.set_header("Retry-After", str(refusal.retry_after))
                self.set_header("Content-Type", "text/html; charset=utf-8")
                self.set_header("Cache-Control", "no-store")
                static = f"{self.base_url}voila/files/_site/{static_page(path, site.site_dir)}"
                self.finish(busy_page(refusal, static))
                return
        await super().get(path)


class ReaderSite(Voila):
    """Voila for readers: see the module text; settings in ``app/voila.py``."""

    name = "voila"  # reads app/voila.py like Voila does
    kernel_memory_mb = Float(
        4096, config=True, help="Memory the site's kernels may use together (MB)."
    )
    kernel_size_mb = Float(64, config=True, help="Memory of one reader's kernel, measured (MB).")
    pages_per_client = Integer(20, config=True, help="Pages one address may open per window.")
    client_window = Float(60, config=True, help="The per-client window (seconds).")
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
