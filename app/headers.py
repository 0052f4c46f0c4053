"""Security headers on every response of the readers' site.

jupyter_server's handlers add ``settings["headers"]``, but Voila serves its templates,
static files and the static edition with plain tornado file handlers that add nothing.
:class:`SecurityHeaders` is a tornado output transform, so it reaches every response,
error pages included.

The policy fits what the pages load, all from the site itself: Voila's and the widget
manager's scripts (inline bootstrap scripts; ``'unsafe-eval'`` because the widget manager
compiles its message schemas with ajv), anywidget's modules (imported from ``blob:``
URLs), inline styles, images as ``data:`` URLs, and the kernel's websocket on the same
origin.  Nothing from another origin, and no page may be framed elsewhere.
"""

from __future__ import annotations

import tornado.web

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline' 'unsafe-eval' blob:",
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
