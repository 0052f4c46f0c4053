"""``python -m app``: serve the readers' site (see :mod:`app.site`)."""

from .site import main

main()
