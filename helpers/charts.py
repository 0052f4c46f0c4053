"""Chart builders shared by the chapters: grouped bars, 100% stacked bars, annotated heat maps.

Each takes a tidy DataFrame (what is plotted, nothing else) and returns a matplotlib
Figure made with :func:`helpers.theme.new_figure`.  ``highlight`` names categories the
reader selected: the others are drawn faded, so a selection stands out against the rest.
"""

from __future__ import annotations

import textwrap
from collections.abc import Collection, Mapping

import numpy as np
import pandas as pd
from matplotlib.colors import LinearSegmentedColormap
from matplotlib.figure import Figure

from .theme import OKABE_ITO, new_figure

FADED = 0.3
# Sequential blues, light to dark, readable for the common colour-vision deficiencies.
SCORE_COLORMAP = LinearSegmentedColormap.from_list("tp_scores", ["#f1f6fb", "#0072B2"])


def _alpha(highlight: Collection[str], *names: object) -> float:
    """Full colour when nothing is highlighted or any of ``names`` is, faded otherwise."""
    return 1.0 if not highlight or any(n in highlight for n in names) else FADED


def _format(value: float, decimals: int) -> str:
    return f"{value:,.{decimals}f}"


def grouped_bars(
    data: pd.DataFrame,
    category: str,
    value: str,
    group: str | None = None,
    colors: Mapping[str, str] | None = None,
    value_label: str = "",
    title: str = "",
    highlight: Collection[str] = (),
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
    highlight : collection of str
        Categories or groups to emphasise; the other bars are faded.
    decimals : int
        Decimals of the value labels written on the bars.
    horizontal : bool
        Horizontal bars (categories read top to bottom).
    limits : (float, float), optional
        Value-axis limits (e.g. (0, 5) for a 1-5 score).
    """
    fig, ax = new_figure(width, height)
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
                alpha=_alpha(highlight, cat, name),
                label=name if name is not None and cat == categories[0] else None,
            )
            ax.bar_label(patch, labels=[_format(height_value, decimals)], padding=2, fontsize=9)
    if horizontal:
        ax.set_yticks(positions, categories)
        ax.invert_yaxis()
        ax.set_xlabel(value_label)
        if limits:
            ax.set_xlim(*limits)
        ax.grid(axis="y", visible=False)
    else:
        ax.set_xticks(positions, categories)
        ax.set_ylabel(value_label)
        if limits:
            ax.set_ylim(*limits)
        ax.grid(axis="x", visible=False)
    if group:
        ax.legend(frameon=False, ncols=len(groups), loc="lower center", bbox_to_anchor=(0.5, 1.0))
    if title:
        ax.set_title(title)
    _bold_highlighted_ticks(ax, highlight, horizontal)
    return fig


def _bold_highlighted_ticks(ax, highlight: Collection[str], horizontal: bool) -> None:
    labels = ax.get_yticklabels() if horizontal else ax.get_xticklabels()
    for label in labels:
        if label.get_text() in highlight:
            label.set_fontweight("bold")


def stacked_shares(
    data: pd.DataFrame,
    category: str,
    part: str,
    value: str,
    colors: Mapping[str, str],
    value_label: str = "Share (%)",
    title: str = "",
    highlight: Collection[str] = (),
    decimals: int = 0,
    width: float = 9.5,
    height: float = 4.2,
) -> Figure:
    """Horizontal bars of 100%, one per ``category``, split into ``part`` segments.

    Segments are labelled with their value when wide enough to hold the label.
    """
    fig, ax = new_figure(width, height)
    categories = list(dict.fromkeys(data[category]))
    parts = list(dict.fromkeys(data[part]))
    left = np.zeros(len(categories))
    for name in parts:
        widths = data[data[part] == name].set_index(category)[value].reindex(categories)
        widths = widths.fillna(0.0).to_numpy(dtype=float)
        for row, (cat, segment) in enumerate(zip(categories, widths, strict=True)):
            ax.barh(
                row,
                segment,
                left=left[row],
                color=colors[name],
                alpha=_alpha(highlight, cat),
                edgecolor="white",
                label=name if row == 0 else None,
            )
            if segment >= 6:
                ax.text(
                    left[row] + segment / 2,
                    row,
                    _format(segment, decimals),
                    ha="center",
                    va="center",
                    fontsize=9,
                    color="white" if colors[name] in ("#0072B2", "#D55E00") else "black",
                )
        left += widths
    ax.set_yticks(range(len(categories)), categories)
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel(value_label)
    ax.grid(axis="y", visible=False)
    ax.legend(frameon=False, ncols=len(parts), loc="lower center", bbox_to_anchor=(0.5, 1.0))
    if title:
        ax.set_title(title, pad=28)
    _bold_highlighted_ticks(ax, highlight, horizontal=True)
    return fig


def _wrap(text: str, width: int) -> str:
    return textwrap.fill(text, width=width, break_long_words=False)


def annotated_heatmap(
    values: pd.DataFrame,
    labels: pd.DataFrame | None = None,
    colorbar_label: str = "Mean score (1-5)",
    limits: tuple[float, float] = (1.0, 5.0),
    title: str = "",
    highlight_rows: Collection[str] = (),
    width: float = 9.5,
    height: float = 4.0,
) -> Figure:
    """A heat map of ``values`` (rows x columns) with each cell's label written in it.

    Missing cells are drawn grey and labelled 'n.a.', never as a zero-coloured cell.
    """
    fig, ax = new_figure(width, height)
    matrix = values.to_numpy(dtype=float)
    masked = np.ma.masked_invalid(matrix)
    cmap = SCORE_COLORMAP.with_extremes(bad="#dddddd")
    image = ax.imshow(masked, cmap=cmap, vmin=limits[0], vmax=limits[1], aspect="auto")
    for (row, column), value in np.ndenumerate(matrix):
        if labels is not None:
            text = labels.iat[row, column]
        else:
            text = "n.a." if np.isnan(value) else f"{value:.1f}"
        dark = not np.isnan(value) and value > limits[0] + 0.6 * (limits[1] - limits[0])
        ax.text(
            column,
            row,
            text,
            ha="center",
            va="center",
            fontsize=9.5,
            color="white" if dark else "black",
        )
    ax.set_xticks(range(values.shape[1]), [_wrap(str(c), 14) for c in values.columns])
    ax.set_yticks(range(values.shape[0]), list(values.index))
    ax.tick_params(axis="x", labeltop=True, labelbottom=False, length=0)
    ax.tick_params(axis="y", length=0)
    ax.grid(False)
    for spine in ax.spines.values():
        spine.set_visible(False)
    colorbar = fig.colorbar(image, ax=ax, shrink=0.8)
    colorbar.set_label(colorbar_label)
    if title:
        ax.set_title(title)
    for label in ax.get_yticklabels():
        if label.get_text() in highlight_rows:
            label.set_fontweight("bold")
    return fig
