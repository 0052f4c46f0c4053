"""Security headers on every response of the readers' site.

jupyter_server's handlers add ``settings["headers"]``, but Voila serves its templates,
static files and the static edition with plain tornado file handlers that add nothing.
:class:`SecurityHeaders` is a tornado output transform, so it reaches every response,
error pages included.

The policy fits what the pages load, all from the site itself: inline scripts (the page's
own, and embedded_widgets.js), each widget's module (imported from a ``blob:`` URL),
inline styles, images as ``data:`` URLs, and same-origin connections.  No ``eval``
(the widget manager that needed it is not loaded), nothing from another origin, and no
page may be framed elsewhere.
"""

from __future__ import annotations

import tornado.web

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline' blob:",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)

HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


class SecurityHeaders(tornado.web.OutputTransform):
    """Set :data:`HEADERS` on every response (replacing jupyter_server's own CSP)."""

    def transform_first_chunk(self, status_code, headers, chunk, finishing):
        for name, value in HEADERS.items():
            headers[name] = value
        return status_code, headers, chunk
