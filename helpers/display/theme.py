"""One look for every chart: colour-blind safe colours, readable fonts, a source line.

The palette is Okabe and Ito's (2008) eight colours, distinguishable under the common
forms of colour blindness.  Fonts are matplotlib's bundled DejaVu Sans, so nothing is
fetched at run time.
"""

from __future__ import annotations

import re
import textwrap

import pandas as pd
import seaborn as sns
from matplotlib.figure import Figure

from ..data.datapackage import paper_number, resource
from ..data.parks import park_codes
from .html import escape

# Okabe-Ito, without black (kept for text) and yellow (too light on white).
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442"]
IN_TECHNOPARKS_COLOR = "#0072B2"
OUTSIDE_TECHNOPARKS_COLOR = "#E69F00"
NEUTRAL_COLOR = "#999999"
PAPER = "Radosevic & Myrzakhmet"


def apply_theme() -> None:
    """Set the project's seaborn/matplotlib theme for all later charts."""
    sns.set_theme(
        context="notebook",
        style="whitegrid",
        palette=OKABE_ITO,
        font="DejaVu Sans",
        font_scale=1.05,
        rc={
            "figure.figsize": (9.0, 4.8),
            "figure.dpi": 100,
            "axes.titlesize": 13,
            "axes.titleweight": "bold",
            "axes.titlelocation": "left",
            "axes.spines.top": False,
            "axes.spines.right": False,
            "svg.hashsalt": "technoparks",  # deterministic SVG ids
        },
    )


# Park colours avoid the two colours reserved for "inside" and "outside" technoparks.
PARK_PALETTE = ["#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#555555"]


def park_colors() -> dict[str, str]:
    """A fixed colour for each park code, the same in every chart."""
    return dict(zip(park_codes(), PARK_PALETTE, strict=False))


def firms_colors() -> dict[str, str]:
    """Colours for the two populations compared throughout the survey."""
    return {"in_tp": IN_TECHNOPARKS_COLOR, "out_tp": OUTSIDE_TECHNOPARKS_COLOR}


def source_text(*resource_names: str) -> str:
    """Source line naming where the data was printed and the data files used.

    The paper's tables and figures are cited as "Radosevic & Myrzakhmet, Table 8"; other
    resources (timeline, R&D since the paper...) by the sources their descriptor lists.

    >>> source_text("table-08")  # doctest: +SKIP
    'Source: Radosevic & Myrzakhmet, Table 8. Data: data/table-08.csv'
    """
    paper, others, files = [], [], []
    for name in resource_names:
        spec = resource(name)
        number = paper_number(name)
        if number:
            paper.append(number)
        else:
            others += [s["title"] for s in spec["sources"] if s["title"] not in others]
        files.append(f"data/{spec['path']}")
    cited = ([f"{PAPER}, {'; '.join(paper)}"] if paper else []) + others
    return f"Source: {'; '.join(cited)}. Data: {', '.join(files)}"


def add_source(fig: Figure, *resource_names: str, source: str | None = None) -> Figure:
    """Write the source line under a figure and return the figure.

    The line is :func:`source_text` of the resources, or ``source`` when given (for
    charts whose sources are not the data package's).  It is wrapped to the figure's
    width (about 16 characters per inch at this size), so a long source never widens
    the saved image.
    """
    width = max(40, int(fig.get_figwidth() * 16))
    line = source if source is not None else source_text(*resource_names)
    text = textwrap.fill(line, width=width, break_long_words=False)
    fig.text(0.01, 0.0, text, ha="left", va="top", fontsize=8.5, color="#444444")
    return fig


def new_figure(width: float = 9.0, height: float = 4.8, **subplots) -> tuple[Figure, object]:
    """A figure and axes with the theme applied and a constrained layout.

    The figure is not registered with pyplot, so a notebook shows it exactly once (when
    it is displayed) and it is freed with its last reference.  ``subplots`` is passed to
    :meth:`Figure.subplots` (``nrows``, ``ncols``, ``sharey`` ...).
    """
    apply_theme()
    fig = Figure(figsize=(width, height), layout="constrained")
    return fig, fig.subplots(**subplots)


def show_chart(
    fig: Figure,
    caption: str,
    *resource_names: str,
    source: str | None = None,
    park_chart: bool = False,
    data: pd.DataFrame | None = None,
    table: str | None = None,
) -> None:
    """Display a chart as one figure: the chart, its caption, and its downloads.

    See :func:`chart_html` for the arguments; this displays its HTML as one output.
    """
    from IPython.display import HTML, display

    display(
        HTML(
            chart_html(
                fig,
                caption,
                *resource_names,
                source=source,
                park_chart=park_chart,
                data=data,
                table=table,
            )
        )
    )


def chart_html(
    fig: Figure,
    caption: str,
    *resource_names: str,
    source: str | None = None,
    park_chart: bool = False,
    data: pd.DataFrame | None = None,
    table: str | None = None,
) -> str:
    """A chart as a ``<figure>``: inline SVG, caption, and links to take it away.

    The caption is the chart's text alternative (what it shows and the main reading): the
    ``<svg>`` is an image (``role="img"``) labelled by it, and, when ``table`` names a
    table shown on the page (``html_table(..., name=table)``), the caption links to that
    table, which holds the same numbers.  The source line under the chart names
    ``resource_names`` (see :func:`source_text`) unless ``source`` gives it.

    Under the caption: the chart as SVG (a ``data:`` link to the very SVG shown), as PNG
    (drawn from that SVG in the reader's browser by the site's ``takeaway.js``: the link
    is hidden where that script does not run, as in JupyterLab) and, when ``data`` is
    given, the tidy data the chart plots as CSV (a named index is kept as a column).

    Every chart is drawn once as SVG with its text kept as text (``svg.fonttype`` none):
    a fraction of a PNG's size, sharp at any zoom, and its words searchable.  A
    ``park_chart`` (its artists carry park ids, see :mod:`helpers.display.charts`) is
    also reached by the park chooser's style sheet, which fades the other parks without
    redrawing; its SVG and PNG downloads show the parks as faded on screen, its CSV
    holds every park (all are drawn).
    """
    from .downloads import base64_url, csv_link_html, file_stem, link_html

    if data is not None and not isinstance(data, pd.DataFrame):
        raise TypeError(f"data: the DataFrame the chart plots, not {type(data).__name__}")
    add_source(fig, *resource_names, source=source)
    stem = resource_names[0] if resource_names else file_stem(caption, "chart")
    chart_id = escape(f"tp-chart-{stem}")
    caption_id = f"{chart_id}-caption"
    svg = figure_svg(fig, prefix=chart_id)
    shown = svg.replace(
        "<svg ",
        f'<svg role="img" aria-labelledby="{caption_id}" style="max-width: 100%; height: auto" ',
        1,
    )
    link = (
        f' <a href="#{escape(f"tp-table-{table}")}">The same numbers as a table</a>.'
        if table
        else ""
    )
    name = f"{stem}-chart"
    svg_file = base64_url((SVG_PROLOG + svg).encode("utf-8"), "image/svg+xml")
    downloads = [link_html(svg_file, f"{name}.svg", "SVG", caption_id)]
    downloads.append(
        f'<span data-tp-png hidden> · <a class="tp-download" href="#{chart_id}" '
        f'data-tp-png="{escape(name)}.png" aria-describedby="{caption_id}">PNG</a></span>'
    )
    if data is not None:
        downloads.append(" · " + csv_link_html(data, name, caption_id))
    classes = "tp-chart tp-park-chart" if park_chart else "tp-chart"
    return (
        f'<figure class="{classes}" id="{chart_id}">{shown}'
        f'<figcaption class="tp-figcaption"><span id="{caption_id}">{escape(caption)}</span>'
        f"{link}</figcaption>"
        f'<p class="tp-chart-downloads">Download this chart: {"".join(downloads)}</p></figure>'
    )


def figure_png(fig: Figure, dpi: int = 150) -> bytes:
    """The figure as PNG bytes, cropped to its content (the source line included).

    Rendered explicitly rather than through the notebook's matplotlib backend; 150 dpi
    shown at 100 dpi keeps it sharp on high-density screens.  (Pages show charts as SVG,
    :func:`chart_html`; this is for other uses.)
    """
    from io import BytesIO

    buffer = BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight", pad_inches=0.15)
    return buffer.getvalue()


SVG_PROLOG = '<?xml version="1.0" encoding="utf-8" standalone="no"?>\n'
# Text stays text in the SVG; where DejaVu Sans is not installed, Verdana has the closest
# widths (DejaVu grew from Bitstream Vera, drawn to Verdana's metrics), then any sans-serif.
SVG_FONTS = "'DejaVu Sans', 'Bitstream Vera Sans', Verdana, sans-serif"
# No date, tool version or RDF block: the same chart gives the same bytes, run after run.
_SVG_METADATA = {"Date": None, "Creator": None, "Format": None, "Type": None}
_SVG_ID = re.compile(r' id="([^"]+)"')
_SVG_REFERENCE = re.compile(r'(url\(#|href="#)([^)"]+)')


def figure_svg(fig: Figure, prefix: str | None = None) -> str:
    """The figure as an inline ``<svg>`` element (no XML prolog), cropped to its content.

    Text is kept as text (in :data:`SVG_FONTS`), and the output is deterministic (no
    date, a fixed ``svg.hashsalt``).  With a ``prefix``, matplotlib's own element ids are
    dropped, except those the SVG refers to (clip paths), which get the prefix, so
    several charts can share a page without sharing ids; park ids (``tp--...``, see
    :mod:`helpers.display.charts`) are kept as they are.
    """
    from io import StringIO

    import matplotlib

    buffer = StringIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "technoparks"}):
        fig.savefig(
            buffer, format="svg", bbox_inches="tight", pad_inches=0.15, metadata=_SVG_METADATA
        )
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg") :].replace(
        "font-family: 'DejaVu Sans'", f"font-family: {SVG_FONTS}"
    )
    if prefix is None:
        return svg
    referenced = {match[1] for match in _SVG_REFERENCE.findall(svg)}

    def own(match: re.Match[str]) -> str:
        name = match[1]
        if name.startswith("tp--"):
            return match[0]
        return f' id="{prefix}-{name}"' if name in referenced else ""

    svg = _SVG_ID.sub(own, svg)
    return _SVG_REFERENCE.sub(lambda match: f"{match[1]}{prefix}-{match[2]}", svg)
