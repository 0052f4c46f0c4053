# Configuration of the readers' site. `make app` runs `python -m app` (app/site.py: Voila
# plus a kernel budget and security headers), which reads this file; plain
# `voila --Voila.config_file_paths=app` reads it too, without the budget and headers.
# (A voila.py at the top level would shadow the voila package.)
import os
import sys
from pathlib import Path

c = get_config()  # noqa: F821 - provided by traitlets when this file is loaded
here = Path(__file__).resolve().parent
# The `app` package (frame validation, kernel counting) is importable from the repository.
sys.path.insert(0, str(here.parent))

# Serve the chapters in notebooks/; the landing chapter is 00_index.ipynb.
c.Voila.root_dir = str(here.parent / "notebooks")
c.Voila.ip = "127.0.0.1"
c.Voila.open_browser = False
# A busy port must fail loudly instead of silently moving to another one.
c.Voila.port_retries = 0

# Our template (app/jupyter/voila/templates/technoparks) is the lab template without its CDN
# stylesheets. Voila finds templates on the Jupyter data path, read after this file runs.
os.environ["JUPYTER_PATH"] = os.pathsep.join(
    p for p in (str(here / "jupyter"), os.environ.get("JUPYTER_PATH", "")) if p
)
c.VoilaConfiguration.template = "technoparks"
# Voila lets a request choose another template or theme (`?template=lab`, `?theme=dark`):
# the lab template loads fonts from a CDN, and the page drawn for one visitor is sent to
# every reader (app/shared_pages.py). Only this configuration chooses.
c.VoilaConfiguration.allow_template_override = "NO"
c.VoilaConfiguration.allow_theme_override = "NO"

# The site's kernels replay each chapter from the view cache that `make site` builds
# (helpers/display/view_cache.py): no pandas or matplotlib in such a kernel, unless
# the code or data changed since, in which case the kernel computes the page itself.
os.environ["TECHNOPARKS_VIEW_CACHE"] = "read"
# The site's widgets are embedded in the page and drawn there (helpers/display/embedded.py;
# the template loads neither Voila's JavaScript nor a widget manager): a page never
# connects to its kernel, so nothing a reader does reaches Python.
os.environ["TECHNOPARKS_WIDGETS"] = "embedded"

# Preheated kernels: each chapter keeps a kernel that has already run the notebook, so the
# chapter's first reader gets a page at once. Every later reader is sent that same page
# (app/shared_pages.py), so one kernel per chapter is enough; readers arriving while it is
# sent wait for it rather than take kernels. (Before pages were shared, three per chapter,
# 24 kernels and about 1.3 GB, absorbed a burst of 20 readers, but the 20 replacements then
# took the two cores from the readers' browsers: benchmarks/README.md.) A replacement
# starts at once: delayed by 5 s, a reader after a flood had to wait for a kernel to start
# and run the chapter (tests/browser/test_hostile.py).
c.VoilaConfiguration.preheat_kernel = True
c.VoilaConfiguration.default_pool_size = 1
c.VoilaKernelManager.fill_delay = 0
# Notebooks that are not chapters (notebooks/_template.ipynb) get no kernels: the site
# answers 404 for them (app/site.py). Voila matches the pattern against the notebook's
# absolute path, from its start.
c.VoilaKernelManager.preheat_denylist = [r".*/_[^/]*\.ipynb$"]

# A page never connects to its kernel (see above), so a kernel is only needed while Voila
# renders the page. Kernels no page holds are released after 20 s (every reader's, once the
# page is sent; a script's that never opens the page); connected kernels (a visitor's own
# websocket) after 2 minutes idle (checked every 5 s). A kernel that dies is not restarted.
c.VoilaConfiguration.multi_kernel_manager_class = "app.budget.CountingKernelManager"
c.CountingKernelManager.unclaimed_timeout = 20
c.MappingKernelManager.cull_idle_timeout = 120
c.MappingKernelManager.cull_interval = 5
c.MappingKernelManager.cull_connected = True  # an open tab does not need its kernel
c.KernelManager.autorestart = False
# Kernels talk to the server over Unix sockets in the server's private runtime folder, not
# TCP: with TCP the server picks five free ports per kernel and the kernel binds them a
# moment later, and under a burst another process took one in between ("Address already
# in use", seen in a kernel's heartbeat); a kernel that loses a port fails to start or
# cannot be reached. Unix sockets are named after the kernel, so they cannot collide, and
# no other local user can reach them.
c.KernelManager.transport = "ipc"

# The kernel budget (app/budget.py): kernels may use 4 GB together, at the size of a
# reader's kernel (53-58 MB measured, replaying the view cache; 64 with a margin): 64
# kernels, preheated ones included. Beyond it a reader gets a "busy" page linking the
# static edition.
# One address may open 20 pages a minute (a reader leafing through all seven chapters
# and back needs fewer).
c.ReaderSite.kernel_memory_mb = 4096
c.ReaderSite.kernel_size_mb = 64
c.ReaderSite.pages_per_client = 20
c.ReaderSite.client_window = 60

# Hostile input: every websocket frame from a browser is checked before jupyter_server
# decodes it (app/frames.py; jupyter_server 2.21.1 hangs on a malformed binary frame),
# and no message may exceed 1 MiB. Security headers: app/headers.py (on every response
# under `python -m app`; here for jupyter_server's own handlers).
c.Voila.kernel_websocket_connection_class = "app.frames.ValidatedConnection"
from app.headers import HEADERS  # noqa: E402 - importable once the path is set above

c.Voila.tornado_settings = {"websocket_max_message_size": 1024 * 1024, "headers": HEADERS}

# The static copy of the site (`make site`, notebooks/_site/) is served as plain files; the
# notebooks and any Python file stay unserved (Voila's default deny list).
c.VoilaConfiguration.file_allowlist = [r"_site/[\w./-]+\.(html|js|css|svg|png|woff2?|ttf|eot)"]

# Readers never see code or tracebacks.
c.VoilaConfiguration.strip_sources = True
c.VoilaConfiguration.show_tracebacks = False
