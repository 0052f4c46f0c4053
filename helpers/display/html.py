"""The one place that writes HTML around text: everything shown passes through ``escape``.

Convention for the whole package: a function named ``*_html`` returns a ``str`` fragment
whose text went through :func:`escape`; a chapter shows it with ``HTML(...)``.  The helpers
below return IPython ``HTML`` objects ready to display.
"""

from __future__ import annotations

from html import escape as _escape

from IPython.display import HTML


def escape(text: object) -> str:
    """Text (anything printable) made safe inside HTML elements and attributes."""
    return _escape(str(text), quote=True)


def paragraph(*sentences: str) -> HTML:
    """Sentences shown as one paragraph of the page (joined by spaces)."""
    return HTML(f"<p>{escape(' '.join(sentences))}</p>")


def note_box(text: str, title: str = "Note from the data") -> HTML:
    """A highlighted note (the page's ``tp-note`` style), announced as a note."""
    return HTML(
        f'<div class="tp-note" role="note"><strong>{escape(title)}:</strong> {escape(text)}</div>'
    )


def bullet_list(items: list[str]) -> str:
    """An unordered list of plain-text items."""
    return "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>"
