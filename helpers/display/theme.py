"""One look for every chart: colour-blind safe colours, readable fonts, a source line.

The palette is Okabe and Ito's (2008) eight colours, distinguishable under the common
forms of colour blindness.  Fonts are matplotlib's bundled DejaVu Sans, so nothing is
fetched at run time.
"""

from __future__ import annotations

import textwrap

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
) -> None:
    """Display a chart with its source line and, under it, a caption describing it in words.

    The caption is the chart's text alternative: what it shows and the main reading.
    The source line names ``resource_names`` (see :func:`source_text`) unless ``source``
    gives it.  A ``park_chart`` (one whose artists carry park ids, see
    :mod:`helpers.display.charts`) is drawn as inline SVG in a container that the park chooser's
    style sheet reaches, so choosing a park fades the others without redrawing; other
    charts as PNG.
    """
    from IPython.display import HTML, Image, display

    add_source(fig, *resource_names, source=source)
    if park_chart:
        chart_id = escape(f"tp-chart-{resource_names[0]}")
        display(HTML(f'<div class="tp-park-chart" id="{chart_id}">{figure_svg(fig)}</div>'))
    else:
        display(Image(data=figure_png(fig), format="png", width=round(fig.get_figwidth() * 100)))
    display(HTML(f'<p class="tp-figcaption" role="note">{escape(caption)}</p>'))


def figure_png(fig: Figure, dpi: int = 150) -> bytes:
    """The figure as PNG bytes, cropped to its content (the source line included).

    Rendered explicitly rather than through the notebook's matplotlib backend, so a chart
    shows the same way in JupyterLab, under Voila and in widgets; 150 dpi shown at 100 dpi
    keeps it sharp on high-density screens.
    """
    from io import BytesIO

    buffer = BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight", pad_inches=0.15)
    return buffer.getvalue()


def figure_svg(fig: Figure) -> str:
    """The figure as an inline ``<svg>`` element (no XML prolog), cropped to its content."""
    from io import StringIO

    buffer = StringIO()
    fig.savefig(buffer, format="svg", bbox_inches="tight", pad_inches=0.15, metadata={"Date": None})
    svg = buffer.getvalue()
    return svg[svg.index("<svg") :]
