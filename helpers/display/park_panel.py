"""The park chooser of the survey chapter and the park tables that follow it.

Every view a reader can reach (all parks, each park in focus, each comparison of two or
more parks: 32 in all) is prepared here once, from the pure functions of
:mod:`helpers.display.park_filter`; the browser switches between them (see
:mod:`helpers.display.switchboard`), so choosing a park needs no kernel.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from ..data.parks import ALL_PARKS, park_options
from . import park_filter as pf
from .switchboard import Chooser, Control, Shown, SwitchedView

GROUP = "park"


def park_controls() -> list[Control]:
    """A drop-down for the park in focus and check boxes for the parks to compare."""
    parks = tuple(park_options(include_all=False))
    return [
        Control("park", "Park", tuple(park_options()), default=ALL_PARKS),
        Control(
            "compare",
            "Compare parks side by side",
            parks,
            default=(),
            multiple=True,
            clear_label="Clear comparison",
        ),
    ]


def selection_key(controls, values) -> str:
    """The key of control values: the query string of the selection they make."""
    return pf.selection_from_values(*values).query()


class ParkPanel:
    """The survey chapter's park chooser and the views that follow it."""

    def __init__(self) -> None:
        self.chooser = Chooser(GROUP, park_controls(), selection_key)

    def selection(self, key: str | None = None) -> pf.Selection:
        """The selection of ``key`` (default: the chooser's current one)."""
        return pf.selection_from_query(self.chooser.selection if key is None else key)

    def view(self, render: Callable[[pf.Selection], str], live: bool = False) -> SwitchedView:
        """A view of the chooser's group showing ``render(selection)`` for every choice."""
        views = {key: render(pf.selection_from_query(key)) for key in self.chooser.canonical}
        return SwitchedView(GROUP, views, selection=self.chooser.selection, live=live)

    def selector(self) -> Shown:
        """The controls, the line saying what is shown (with its link), the charts' style."""
        return Shown((self.chooser, self.view(pf.link_html, live=True), self.view(pf.chart_style)))

    def park_table(
        self, name: str, frame: pd.DataFrame, view: pf.ParkView, parks_as_columns: bool = False
    ) -> SwitchedView:
        """A park table for every choice: missing-data notes, the table, its CSV download.

        ``view(frame, parks)`` makes the reader's table (see :func:`pf.section_html`).
        """
        return self.view(
            lambda selection: pf.section_html(name, frame, view, selection, parks_as_columns)
        )
