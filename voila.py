# Voila configuration for the readers' site (`make app`).  Voila reads `voila.py` from the
# folder it starts in; the Makefile starts it at the repository root.
c = get_config()  # noqa: F821 - provided by traitlets when this file is loaded

# Serve the chapters in notebooks/; the landing chapter is 00_index.ipynb.
c.Voila.root_dir = "notebooks"
c.Voila.ip = "127.0.0.1"
c.Voila.open_browser = False
# A busy port must fail loudly instead of silently moving to another one.
c.Voila.port_retries = 0

# Readers never see code or tracebacks.
c.VoilaConfiguration.strip_sources = True
c.VoilaConfiguration.show_tracebacks = False
