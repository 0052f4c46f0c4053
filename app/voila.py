# Voila configuration for the readers' site (`make app`). The Makefile points Voila here with
# --Voila.config_file_paths=app (a voila.py at the top level would shadow the voila package).
import os
from pathlib import Path

c = get_config()  # noqa: F821 - provided by traitlets when this file is loaded
here = Path(__file__).resolve().parent

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

# Preheated kernels: each chapter keeps one kernel that has already run the notebook, so a
# reader's page is ready when it is asked for; Voila starts the next one in the background.
# Chapters read the URL's query string last (helpers.park_panel.query_string), so preheating
# covers everything before it.
c.VoilaConfiguration.preheat_kernel = True
c.VoilaConfiguration.default_pool_size = 1

# A reader who leaves frees memory: kernels idle for 10 minutes are shut down (checked every
# minute), including those whose browser tab is still open.
c.MappingKernelManager.cull_idle_timeout = 600
c.MappingKernelManager.cull_interval = 60
c.MappingKernelManager.cull_connected = True  # Voila counts no kernel as connected anyway

# The static copy of the site (`make site`, notebooks/_site/) is served as plain files; the
# notebooks and any Python file stay unserved (Voila's default deny list).
c.VoilaConfiguration.file_allowlist = [r"_site/[\w./-]+\.(html|js|css|svg|png|woff2?|ttf|eot)"]

# Readers never see code or tracebacks.
c.VoilaConfiguration.strip_sources = True
c.VoilaConfiguration.show_tracebacks = False
