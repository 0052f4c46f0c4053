"""The page's colours, light and dark, and the WCAG contrast of every pair it uses.

``page.css`` declares each colour as a custom property (``--tp-text`` ...) once for the
light page and once for the dark page (``prefers-color-scheme: dark``).  The same values
are listed here, with the pairs of them the style sheet puts together, so a unit test can
check both that the style sheet declares these values and that every pair reaches its
WCAG 2.1 AA minimum: 4.5:1 for text, 3:1 for focus outlines and control borders
(non-text contrast, success criterion 1.4.11).
"""

from __future__ import annotations

from dataclasses import dataclass

TEXT = 4.5  # WCAG 2.1 AA, 1.4.3: normal-size text
NON_TEXT = 3.0  # WCAG 2.1 AA, 1.4.11: focus indicators, control borders

# The custom properties of page.css, by theme.  Names are the properties without "--tp-".
LIGHT = {
    "bg": "#ffffff",  # the page
    "text": "#1f1f1f",
    "muted": "#444444",  # .tp-source, .tp-figcaption
    "missing": "#595959",  # "n.a." in tables
    "link": "#005a8c",
    "focus": "#005a8c",
    "stripe": "#f5f5f5",  # every other table row (JupyterLab's rendermime tables)
    "row-hover": "#e6f2fa",
    "highlight-bg": "#fff3cd",  # tr.tp-highlight
    "note-bg": "#fdf6e9",  # .tp-note
    "note-border": "#b35900",
    "control-border": "#767676",
    "rule": "#d0d0d0",  # table row rules (decorative)
    "rule-strong": "#767676",  # table head rule
    "panel": "#ffffff",  # the panel behind charts (matplotlib draws on white)
    "code-bg": "#eeeeee",  # inline code in prose
    # The audit's severities: label text and left border of each finding.
    "sev-error": "#a64200",
    "sev-inconsistency": "#7a5300",
    "sev-ambiguity": "#005a8c",
    "sev-note": "#595959",
}
DARK = {
    "bg": "#161616",
    "text": "#e8e8e8",
    "muted": "#c2c2c2",
    "missing": "#adadad",
    "link": "#8ccaf7",
    "focus": "#8ccaf7",
    "stripe": "#202020",
    "row-hover": "#1d2f3d",
    "highlight-bg": "#4a3a00",
    "note-bg": "#2e2614",
    "note-border": "#e69f00",
    "control-border": "#9e9e9e",
    "rule": "#3a3a3a",
    "rule-strong": "#8a8a8a",
    "panel": "#ffffff",
    "code-bg": "#2a2a2a",
    "sev-error": "#ff9a66",
    "sev-inconsistency": "#f0b840",
    "sev-ambiguity": "#8ccaf7",
    "sev-note": "#adadad",
}
THEMES = {"light": LIGHT, "dark": DARK}

# Fixed colours outside the two palettes: the app's notice when the kernel has gone
# (app/jupyter/voila/templates/technoparks/index.html.j2), the chart's own source line on
# its white panel (helpers.display.theme.add_source), the loading notice and skip link.
FIXED_PAIRS = (
    ("chart source line", "#444444", "#ffffff", TEXT),
    # The app's loading notice and the skip link (templates/technoparks/loading.html and
    # chrome.html), drawn before the page styles arrive, so in fixed colours.
    ("loading notice text", "#1a1a1a", "#fdf6e9", TEXT),
    ("skip link", "#005a8c", "#ffffff", TEXT),
    ("skip link outline", "#005a8c", "#ffffff", NON_TEXT),
    # A park chart's labels of the parks not chosen (helpers.display.park_filter), on the
    # chart's white panel.
    ("faded chart label", "#767676", "#ffffff", TEXT),
)
FIXED_COLORS = {what: fg for what, fg, _, _ in FIXED_PAIRS}


@dataclass(frozen=True)
class Pair:
    """A foreground used on a background, by palette name, and the minimum contrast."""

    what: str
    fg: str
    bg: str
    minimum: float = TEXT


# Every foreground/background combination page.css draws, in each theme.
PAIRS = (
    Pair("body text", "text", "bg"),
    Pair("body text on a striped row", "text", "stripe"),
    Pair("body text on a hovered row", "text", "row-hover"),
    Pair("link", "link", "bg"),
    Pair("link on a striped row", "link", "stripe"),
    Pair("link in a note", "link", "note-bg"),
    Pair("link in a highlighted row", "link", "highlight-bg"),
    Pair("source line, figure caption", "muted", "bg"),
    Pair("source line on a striped row", "muted", "stripe"),
    Pair("missing value", "missing", "bg"),
    Pair("missing value on a striped row", "missing", "stripe"),
    Pair("missing value in a highlighted row", "missing", "highlight-bg"),
    Pair("highlighted row", "text", "highlight-bg"),
    Pair("note text", "text", "note-bg"),
    Pair("note's left border", "note-border", "bg", NON_TEXT),
    Pair("focus outline", "focus", "bg", NON_TEXT),
    Pair("focus outline on a note", "focus", "note-bg", NON_TEXT),
    Pair("control border", "control-border", "bg", NON_TEXT),
    Pair("table head rule", "rule-strong", "bg", NON_TEXT),
    Pair("inline code", "text", "code-bg"),
    Pair("audit: error", "sev-error", "bg"),
    Pair("audit: inconsistency", "sev-inconsistency", "bg"),
    Pair("audit: ambiguity", "sev-ambiguity", "bg"),
    Pair("audit: note", "sev-note", "bg"),
)


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(color: str) -> float:
    """WCAG 2.1 relative luminance of a ``#rrggbb`` or ``#rgb`` colour."""
    hex_digits = color.lstrip("#")
    if len(hex_digits) == 3:
        hex_digits = "".join(d * 2 for d in hex_digits)
    if len(hex_digits) != 6:
        raise ValueError(f"not a #rrggbb colour: {color!r}")
    r, g, b = (_channel(int(hex_digits[i : i + 2], 16)) for i in (0, 2, 4))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(fg: str, bg: str) -> float:
    """WCAG 2.1 contrast ratio of two colours, from 1 (same) to 21 (black on white)."""
    lighter, darker = sorted((relative_luminance(fg), relative_luminance(bg)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def contrast_table() -> list[tuple[str, str, str, str, float, float]]:
    """(theme, what, fg, bg, ratio, minimum) for every pair page.css uses, and the fixed ones."""
    rows = []
    for theme, palette in THEMES.items():
        for pair in PAIRS:
            fg, bg = palette[pair.fg], palette[pair.bg]
            rows.append((theme, pair.what, fg, bg, contrast_ratio(fg, bg), pair.minimum))
    for what, fg, bg, minimum in FIXED_PAIRS:
        rows.append(("fixed", what, fg, bg, contrast_ratio(fg, bg), minimum))
    return rows
