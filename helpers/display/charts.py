"""Chart builders shared by the chapters: grouped bars, 100% stacked bars, annotated heat maps.

Each takes a tidy DataFrame (what is plotted, nothing else) and returns a matplotlib
Figure made with :func:`helpers.display.theme.new_figure`.

``tags`` maps category (or group, or heat-map row) labels to park codes.  Every artist
drawn for a tagged label gets an SVG id ``tp--<code>--<n>``, so the page can fade the
other parks with a CSS rule when a reader selects one (see :mod:`helpers.display.park_filter`):
the chart is drawn once, and a selection only changes a style sheet.
"""

from __future__ import annotations

import itertools
import textwrap
from collections.abc import Mapping

import numpy as np
import pandas as pd
from matplotlib.cm import ScalarMappable
from matplotlib.colors import LinearSegmentedColormap, Normalize
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from .theme import OKABE_ITO, new_figure

# Sequential blues, light to dark, readable for the common colour-vision deficiencies.
SCORE_COLORMAP = LinearSegmentedColormap.from_list("tp_scores", ["#f1f6fb", "#0072B2"])
MISSING_COLOR = "#dddddd"


class _Tagger:
    """Gives artists of tagged labels unique SVG ids that name their park."""

    def __init__(self, tags: Mapping[str, str] | None):
        self.tags = dict(tags or {})
        self.counter = itertools.count()

    def __call__(self, artists, *labels: object) -> None:
        codes = [self.tags[label] for label in labels if label in self.tags]
        if not codes:
            return
        for artist in np.atleast_1d(artists):
            artist.set_gid(f"tp--{codes[0].lower()}--{next(self.counter)}")


def _format(value: float, decimals: int) -> str:
    return f"{value:,.{decimals}f}"


def _wrap(text: str, width: int) -> str:
    return textwrap.fill(text, width=width, break_long_words=False)


def _tag_ticks(tag: _Tagger, labels) -> None:
    for label in labels:
        tag(label, label.get_text())


def grouped_bars(
    data: pd.DataFrame,
    category: str,
    value: str,
    group: str | None = None,
    colors: Mapping[str, str] | None = None,
    value_label: str = "",
    title: str = "",
    tags: Mapping[str, str] | None = None,
    decimals: int = 0,
    horizontal: bool = False,
    width: float = 9.5,
    height: float = 4.6,
    limits: tuple[float, float] | None = None,
) -> Figure:
    """Bars of ``value`` per ``category``, side by side per ``group`` (if given).

    Parameters
    ----------
    data : pandas.DataFrame
        Tidy rows; category (and group) order is the order of first appearance.
    category, value, group : str
        Column names.
    colors : mapping, optional
        Colour per group (or per category when there is no group).
    value_label : str
        Axis label of the values, with the unit.
    tags : mapping, optional
        Category or group label -> park code, for highlighting on the page.
    decimals : int
        Decimals of the value labels written on the bars.
    horizontal : bool
        Horizontal bars (categories read top to bottom).
    limits : (float, float), optional
        Value-axis limits (e.g. (0, 5) for a 1-5 score).
    """
    fig, ax = new_figure(width, height)
    tag = _Tagger(tags)
    categories = list(dict.fromkeys(data[category]))
    groups = list(dict.fromkeys(data[group])) if group else [None]
    slot = 0.8 / len(groups)
    positions = np.arange(len(categories))
    for index, name in enumerate(groups):
        subset = data if name is None else data[data[group] == name]
        heights = subset.set_index(category)[value].reindex(categories)
        offsets = positions - 0.4 + slot * (index + 0.5)
        for position, cat, height_value in zip(offsets, categories, heights, strict=True):
            if pd.isna(height_value):
                continue
            key = name if name is not None else cat
            color = (colors or {}).get(key, OKABE_ITO[index % len(OKABE_ITO)])
            bar = ax.barh if horizontal else ax.bar
            patch = bar(
                position,
                height_value,
                slot * 0.95,
                color=color,
                label=name if name is not None and cat == categories[0] else None,
            )
            texts = ax.bar_label(
                patch, labels=[_format(height_value, decimals)], padding=2, fontsize=9
            )
            tag([*patch, *texts], cat, name)
    if horizontal:
        ax.set_yticks(positions, categories)
        ax.invert_yaxis()
        ax.set_xlabel(value_label)
        if limits:
            ax.set_xlim(*limits)
        ax.grid(axis="y", visible=False)
        _tag_ticks(tag, ax.get_yticklabels())
    else:
        ax.set_xticks(positions, categories)
        ax.set_ylabel(value_label)
        if limits:
            ax.set_ylim(*limits)
        ax.grid(axis="x", visible=False)
        _tag_ticks(tag, ax.get_xticklabels())
    if group:
        ax.legend(frameon=False, ncols=len(groups), loc="lower center", bbox_to_anchor=(0.5, 1.0))
    if title:
        ax.set_title(title)
    return fig


def stacked_shares(
    data: pd.DataFrame,
    category: str,
    part: str,
    value: str,
    colors: Mapping[str, str],
    value_label: str = "Share (%)",
    title: str = "",
    tags: Mapping[str, str] | None = None,
    decimals: int = 0,
    width: float = 9.5,
    height: float = 4.2,
) -> Figure:
    """Horizontal bars of 100%, one per ``category``, split into ``part`` segments.

    Segments are labelled with their value when wide enough to hold the label.
    """
    fig, ax = new_figure(width, height)
    tag = _Tagger(tags)
    categories = list(dict.fromkeys(data[category]))
    parts = list(dict.fromkeys(data[part]))
    left = np.zeros(len(categories))
    for name in parts:
        widths = data[data[part] == name].set_index(category)[value].reindex(categories)
        widths = widths.fillna(0.0).to_numpy(dtype=float)
        for row, (cat, segment) in enumerate(zip(categories, widths, strict=True)):
            patches = ax.barh(
                row,
                segment,
                left=left[row],
                color=colors[name],
                edgecolor="white",
                label=name if row == 0 else None,
            )
            tag(patches, cat)
            if segment >= 6:
                text = ax.text(
                    left[row] + segment / 2,
                    row,
                    _format(segment, decimals),
                    ha="center",
                    va="center",
                    fontsize=9,
                    color="white" if colors[name] in ("#0072B2", "#D55E00") else "black",
                )
                tag(text, cat)
        left += widths
    ax.set_yticks(range(len(categories)), categories)
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel(value_label)
    ax.grid(axis="y", visible=False)
    ax.legend(frameon=False, ncols=len(parts), loc="lower center", bbox_to_anchor=(0.5, 1.0))
    if title:
        ax.set_title(title, pad=28)
    _tag_ticks(tag, ax.get_yticklabels())
    return fig


def annotated_heatmap(
    values: pd.DataFrame,
    labels: pd.DataFrame | None = None,
    colorbar_label: str = "Mean score (1-5)",
    limits: tuple[float, float] = (1.0, 5.0),
    title: str = "",
    tags: Mapping[str, str] | None = None,
    width: float = 9.5,
    height: float = 4.0,
) -> Figure:
    """A heat map of ``values`` (rows x columns) with each cell's label written in it.

    Cells are separate rectangles, so a row can be tagged and faded on the page.  Missing
    cells are drawn grey and labelled 'n.a.', never as a zero-coloured cell.
    """
    fig, ax = new_figure(width, height)
    tag = _Tagger(tags)
    norm = Normalize(*limits)
    matrix = values.to_numpy(dtype=float)
    for (row, column), value in np.ndenumerate(matrix):
        missing = np.isnan(value)
        cell = Rectangle(
            (column - 0.5, row - 0.5),
            1,
            1,
            facecolor=MISSING_COLOR if missing else SCORE_COLORMAP(norm(value)),
            edgecolor="white",
            linewidth=1.5,
        )
        ax.add_patch(cell)
        if labels is not None:
            text = labels.iat[row, column]
        else:
            text = "n.a." if missing else f"{value:.1f}"
        dark = not missing and norm(value) > 0.6
        written = ax.text(
            column,
            row,
            text,
            ha="center",
            va="center",
            fontsize=9.5,
            color="white" if dark else "black",
        )
        tag([cell, written], values.index[row])
    ax.set_xlim(-0.5, values.shape[1] - 0.5)
    ax.set_ylim(values.shape[0] - 0.5, -0.5)
    ax.set_xticks(range(values.shape[1]), [_wrap(str(c), 14) for c in values.columns])
    ax.set_yticks(range(values.shape[0]), list(values.index))
    ax.tick_params(axis="x", labeltop=True, labelbottom=False, length=0)
    ax.tick_params(axis="y", length=0)
    ax.grid(False)
    for spine in ax.spines.values():
        spine.set_visible(False)
    colorbar = fig.colorbar(ScalarMappable(norm=norm, cmap=SCORE_COLORMAP), ax=ax, shrink=0.8)
    colorbar.set_label(colorbar_label)
    if title:
        ax.set_title(title)
    _tag_ticks(tag, ax.get_yticklabels())
    return fig
