"""Readers' choices answered in the browser: a chooser and the views it switches.

Everything a reader can choose on this site is finite (five parks and their combinations, a
few filters), so each view is prepared here for every choice, once, and the browser only
switches between them.  Nothing goes back to Python.  The same JavaScript modules run in
JupyterLab (as anywidgets) and on the readers' site, the app and the static edition, where
each widget is embedded in the page with its module and state and needs no kernel at all
(:mod:`helpers.display.embedded`).

A :class:`Chooser` draws labelled native controls.  Their values are turned into a *key*,
the canonical query string of the choice (``""`` for the default, ``"?park=KGP"``), by a
table computed here with the chapter's own ``resolve`` function for every combination of
values, so the browser holds no logic of its own.  Every :class:`SwitchedView` of the same
``group`` then shows the HTML prepared for that key.  On the readers' site the address bar
follows the choice, and a link with a query string preselects it (unknown values ignored).

>>> park = Control("park", "Park", (("All parks", "ALL"), ("Karaganda", "KGP")), default="ALL")
>>> chooser = Chooser("demo", [park], plain_query)  # doctest: +SKIP
>>> SwitchedView("demo", chooser.views(lambda park: f"<p>{park}</p>"))  # doctest: +SKIP
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import anywidget
import traitlets

from . import embedded

HERE = Path(__file__).resolve().parent
Values = tuple[Any, ...]  # one value per control: a string, or a tuple of strings if multiple
# Option values travel in URLs and in JSON keys built in two languages: keep them plain.
_PLAIN_VALUE = re.compile(r"^[\w .:/()&+-]{1,80}$")


@dataclass(frozen=True)
class Control:
    """One control of a chooser: a drop-down, or (``multiple``) a group of check boxes.

    ``param`` names it in the URL (``?park=KGP``); ``options`` are ``(label, value)``
    pairs in display order; ``default`` is a value, or a tuple of values if ``multiple``;
    ``clear_label`` adds a button that clears every box of a multiple control.
    """

    param: str
    label: str
    options: tuple[tuple[str, str], ...]
    default: str | tuple[str, ...] = ()
    multiple: bool = False
    clear_label: str | None = None

    def __post_init__(self) -> None:
        values = [value for _, value in self.options]
        bad = [value for value in values if not _PLAIN_VALUE.match(value) or "," in value]
        if bad:
            raise ValueError(f"control {self.param!r}: option values must be plain text: {bad}")
        defaults = self.default if self.multiple else (self.default,)
        if not isinstance(defaults, tuple) or not set(defaults) <= set(values):
            raise ValueError(f"control {self.param!r}: default {self.default!r} is not an option")

    def states(self) -> list[str | tuple[str, ...]]:
        """Every value the control can take: each option, or each subset of options."""
        values = [value for _, value in self.options]
        if not self.multiple:
            return values
        return [
            tuple(v for v, keep in zip(values, mask, strict=True) if keep)
            for mask in itertools.product((False, True), repeat=len(values))
        ]

    def to_json(self) -> dict:
        return {
            "param": self.param,
            "label": self.label,
            "options": [list(option) for option in self.options],
            "default": list(self.default) if self.multiple else self.default,
            "multiple": self.multiple,
            "clear_label": self.clear_label,
        }


def state_string(values: Values) -> str:
    """The table key of a combination of values, as the browser writes it (JSON.stringify)."""
    return json.dumps(
        [list(v) if isinstance(v, tuple) else v for v in values],
        separators=(",", ":"),
        ensure_ascii=False,
    )


def plain_query(controls: Sequence[Control], values: Values) -> str:
    """A key for controls that are independent filters: each non-default value as a parameter.

    >>> kind = Control("kind", "Kind", (("All", "ALL"), ("Science park", "science park")), "ALL")
    >>> plain_query([kind], ("science park",))
    '?kind=science+park'
    """
    fields = {
        control.param: ",".join(value) if control.multiple else value
        for control, value in zip(controls, values, strict=True)
        if value != control.default
    }
    return "?" + urlencode(fields, safe=",") if fields else ""


def _non_default(controls: Sequence[Control], values: Values) -> tuple[int, tuple[bool, ...]]:
    """Sort key preferring the fewest changed controls, then changes in earlier controls."""
    is_default = tuple(v == c.default for c, v in zip(controls, values, strict=True))
    return sum(not d for d in is_default), is_default


class _ReaderProof(anywidget.AnyWidget):
    """Takes from the browser only the traits named in ``_reader_settable``, validated.

    A visitor's script can send any widget message over the kernel's websocket.  Anything else
    (layout, the prepared views, the widget's own JavaScript) is kept, and the browser
    that sent it is told the true value again.
    """

    _reader_settable: frozenset[str] = frozenset()

    def set_state(self, sync_data: dict) -> None:
        accepted = {
            name: value
            for name, value in sync_data.items()
            if name in self._reader_settable and self._acceptable(name, value)
        }
        refused = [name for name in sync_data if name not in accepted and name in self.keys]
        if accepted:
            super().set_state(accepted)
        if refused:
            self.send_state(refused)

    def _acceptable(self, name: str, value: object) -> bool:
        return False

    def fallback_html(self) -> str | None:
        """What the page shows where the widget is not drawn (None: nothing)."""
        return None

    def _repr_mimebundle_(self, **kwargs: object) -> tuple[dict, dict]:
        # On the readers' site the widget is HTML that draws itself (helpers.display.embedded);
        # elsewhere an anywidget, with its fallback HTML beside it.
        if embedded.mode() == "embedded":
            html = embedded.embedded_html(
                type(self).__name__,
                self._esm,
                self._css,
                self.cache_state(),
                self.fallback_html() or "",
            )
            return {"text/html": html, "text/plain": repr(self)}, {}
        data, metadata = super()._repr_mimebundle_(**kwargs)
        fallback = self.fallback_html()
        if fallback is not None:
            data["text/html"] = fallback
        return data, metadata

    def cache_state(self) -> dict:
        """The model values the widget's module reads (what the view cache stores)."""
        raise NotImplementedError

    def _handle_msg(self, msg: dict) -> None:
        # Only well-formed updates and state requests; anything else is dropped silently
        # (ipywidgets would answer a malformed message with a traceback).
        data = msg.get("content", {}).get("data")
        if not isinstance(data, dict):
            return
        if data.get("method") == "update" and isinstance(data.get("state"), dict):
            if not data.get("buffer_paths") and not msg.get("buffers"):
                self.set_state(data["state"])
        elif data.get("method") == "request_state":
            self.send_state()


class Chooser(_ReaderProof):
    """Labelled controls whose choice every :class:`SwitchedView` of ``group`` follows.

    Parameters
    ----------
    group : str
        Name shared with the views this chooser drives (unique on a page).
    controls : sequence of Control
    resolve : callable
        ``resolve(controls, values) -> key``: the canonical query string of a combination
        of values (see :func:`plain_query`).  It is called here for every combination.
    """

    _esm = HERE / "chooser.js"
    _css = HERE / "switchboard.css"
    _reader_settable = frozenset({"selection"})

    group = traitlets.Unicode().tag(sync=True)
    controls = traitlets.List().tag(sync=True)
    table = traitlets.Dict().tag(sync=True)  # state string -> key
    canonical = traitlets.Dict().tag(sync=True)  # key -> the values shown for it
    selection = traitlets.Unicode("").tag(sync=True)  # the key shown

    def __init__(
        self,
        group: str,
        controls: Sequence[Control],
        resolve: Callable[[Sequence[Control], Values], str],
        selection: str | None = None,
    ) -> None:
        self._controls = list(controls)
        by_state: dict[str, str] = {}
        best: dict[str, Values] = {}
        for values in choices(self._controls):
            key = resolve(self._controls, values)
            by_state[state_string(values)] = key
            rank = _non_default(self._controls, values)
            if key not in best or rank < _non_default(self._controls, best[key]):
                best[key] = values
        default_key = by_state[state_string(tuple(c.default for c in self._controls))]
        super().__init__(
            group=group,
            controls=[c.to_json() for c in self._controls],
            table=by_state,
            canonical={key: json.loads(state_string(values)) for key, values in best.items()},
            selection=default_key if selection is None else selection,
        )
        if self.selection not in self.canonical:
            raise ValueError(f"{group}: no choice has the key {selection!r}")

    def _acceptable(self, name: str, value: object) -> bool:
        return name == "selection" and isinstance(value, str) and value in self.canonical

    def values_for(self, key: str) -> dict[str, Any]:
        """The control values shown for ``key``, by parameter name (tuples if multiple)."""
        values = self.canonical[key]
        return {
            control.param: tuple(value) if control.multiple else value
            for control, value in zip(self._controls, values, strict=True)
        }

    def views(self, render: Callable[..., str]) -> dict[str, str]:
        """``render(**values)`` for the values of every key: what a view shows for each."""
        return {key: render(**self.values_for(key)) for key in self.canonical}

    def cache_state(self) -> dict:
        """What the view cache stores to rebuild this widget without recomputing it."""
        return {
            "group": self.group,
            "controls": self.controls,
            "table": self.table,
            "canonical": self.canonical,
            "selection": self.selection,
        }

    @classmethod
    def from_cache_state(cls, state: Mapping[str, Any]) -> Chooser:
        chooser = cls.__new__(cls)
        chooser._controls = [_control_from_json(c) for c in state["controls"]]
        _ReaderProof.__init__(chooser, **state)
        return chooser

    def __repr__(self) -> str:
        params = ", ".join(c["param"] for c in self.controls)
        return (
            f"Chooser(group={self.group!r}, controls=[{params}], choices={len(self.canonical)}, "
            f"selection={self.selection!r})"
        )


def _control_from_json(spec: Mapping[str, Any]) -> Control:
    multiple = spec["multiple"]
    return Control(
        param=spec["param"],
        label=spec["label"],
        options=tuple(tuple(option) for option in spec["options"]),
        default=tuple(spec["default"]) if multiple else spec["default"],
        multiple=multiple,
        clear_label=spec["clear_label"],
    )


# Views are stored as fragments: each view's HTML cut after every line break (and after
# every encoded line break inside a data: link), each distinct piece stored once.
_CUT = re.compile(r"(?<=\n)|(?<=%0A)")


def compact(views: Mapping[str, str]) -> tuple[list[str], dict[str, list[int]]]:
    """``(fragments, index)`` such that ``"".join(fragments[i] for i in index[key])`` is
    ``views[key]`` for every key; pieces shared between views are stored once."""
    fragments: list[str] = []
    numbers: dict[str, int] = {}
    index: dict[str, list[int]] = {}
    for key, html in views.items():
        index[key] = [
            numbers.setdefault(piece, len(numbers)) for piece in _CUT.split(html) if piece
        ]
    fragments = list(numbers)
    return fragments, index


def expand(fragments: Sequence[str], index: Mapping[str, Sequence[int]], key: str) -> str:
    """The HTML of one view (what the browser shows for ``key``)."""
    return "".join(fragments[i] for i in index[key])


class SwitchedView(_ReaderProof):
    """HTML prepared for every key of a chooser's ``group``; shows the current one.

    Parameters
    ----------
    group : str
        The chooser's group.
    views : mapping of key to HTML
        From :meth:`Chooser.views`.
    selection : str
        The key shown before the chooser is drawn (its default choice).
    live : bool
        Announce changes to screen readers (for a short status line, not a table).
    """

    _esm = HERE / "switched_view.js"
    _css = HERE / "switchboard.css"

    group = traitlets.Unicode().tag(sync=True)
    fragments = traitlets.List().tag(sync=True)
    views = traitlets.Dict().tag(sync=True)
    selection = traitlets.Unicode("").tag(sync=True)
    live = traitlets.Bool(False).tag(sync=True)

    def __init__(
        self, group: str, views: Mapping[str, str], selection: str = "", live: bool = False
    ) -> None:
        if selection not in views:
            raise ValueError(f"{group}: no view for the key {selection!r}")
        fragments, index = compact(views)
        super().__init__(
            group=group, fragments=fragments, views=index, selection=selection, live=live
        )

    def html(self, key: str | None = None) -> str:
        """The HTML shown for ``key`` (default: the current selection)."""
        return expand(self.fragments, self.views, self.selection if key is None else key)

    def fallback_html(self) -> str:
        # The default view: shown where widgets are not drawn (and before they are), and
        # compared by nbval, so committed outputs check the prepared views.
        return self.html()

    def cache_state(self) -> dict:
        return {
            "group": self.group,
            "fragments": self.fragments,
            "views": self.views,
            "selection": self.selection,
            "live": self.live,
        }

    @classmethod
    def from_cache_state(cls, state: Mapping[str, Any]) -> SwitchedView:
        view = cls.__new__(cls)
        _ReaderProof.__init__(view, **state)
        return view

    def __repr__(self) -> str:
        return (
            f"SwitchedView(group={self.group!r}, views={len(self.views)}, "
            f"fragments={len(self.fragments)}, selection={self.selection!r})"
        )


def choices(controls: Sequence[Control]) -> Iterator[Values]:
    """Every combination of control values (what a chooser's table covers)."""
    return itertools.product(*(c.states() for c in controls))


class Shown(tuple):
    """Outputs one cell shows in order: a chooser and its views, a table and its chart.

    Return one as a cell's last value (or ``display`` it); its items stay reachable, so
    tests and researchers can look at each widget.
    """

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(*self)
