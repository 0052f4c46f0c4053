"""Chapter 1: the studies the literature review (Section 2) cites, and our reading of them.

One row per cited work comes from the ``literature`` resource.  This module derives a
coarse region from the place a work studied, flags borderline verdicts, and builds the
reader's views: a filterable table (behind the switchboard widgets), the verdict counts and
their chart, the bibliography, the footnote 4 panel, and the values the chapter's prose
states (see :mod:`helpers.display.prose`).

Verdicts are *our* reading of how the paper reports a work, not the work's own
conclusion; borderline readings are flagged from the row notes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd
from IPython.display import HTML
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure

from .data.datapackage import load
from .display.html import escape
from .display.switchboard import Chooser, Control, Shown, SwitchedView, plain_query
from .display.tables import table_html
from .display.theme import NEUTRAL_COLOR, OKABE_ITO, new_figure

# --------------------------------------------------------------------------------------
# Regions
# --------------------------------------------------------------------------------------

NORTH_AMERICA = "North America"
WESTERN_EUROPE = "Western Europe"
EU_WIDE = "European Union (EU-wide)"
CEE_FORMER_USSR = "Central and Eastern Europe and the former USSR"
ASIA = "Asia"
AUSTRALIA = "Australia"
PLACE_NOT_STATED = "Place not stated"
GENERAL = "General / conceptual"

REGIONS = [
    NORTH_AMERICA,
    WESTERN_EUROPE,
    EU_WIDE,
    CEE_FORMER_USSR,
    ASIA,
    AUSTRALIA,
    PLACE_NOT_STATED,
    GENERAL,
]

# The country or area a `place` starts with (before any bracket naming the park).
# An EU-wide study is kept apart: the sources do not say which member states it covered.
_REGION_OF_AREA = {
    "USA": NORTH_AMERICA,
    "UK": WESTERN_EUROPE,
    "France": WESTERN_EUROPE,
    "Germany": WESTERN_EUROPE,
    "EU": EU_WIDE,
    "Poland": CEE_FORMER_USSR,
    "Russia": CEE_FORMER_USSR,
    "Ukraine": CEE_FORMER_USSR,
    "Malaysia": ASIA,
    "Taiwan": ASIA,
    "Western Australia": AUSTRALIA,
}


def region_of(place: object, kind_of_work: str = "evaluation") -> str:
    """Coarse region of the place a cited work studied.

    Parameters
    ----------
    place : str or missing
        The ``place`` column of ``literature``: a country or area, optionally followed by
        the park in brackets, e.g. ``"Taiwan (Hsinchu)"``.
    kind_of_work : str
        ``"evaluation"`` or ``"conceptual"``: a work without a place is
        ``"General / conceptual"`` if conceptual, ``"Place not stated"`` if it is an
        evaluation whose place neither the paper nor context-facts.md gives.

    Returns
    -------
    str
        One of :data:`REGIONS`.

    Raises
    ------
    ValueError
        If the place names an area this mapping does not know (so a new row cannot fall
        silently into a wrong region).

    Examples
    --------
    >>> region_of("Russia (St. Petersburg)")
    'Central and Eastern Europe and the former USSR'
    >>> region_of(None, "conceptual")
    'General / conceptual'
    """
    if place is None or (not isinstance(place, str) and pd.isna(place)) or not str(place).strip():
        return GENERAL if kind_of_work == "conceptual" else PLACE_NOT_STATED
    area = str(place).split(" (")[0].strip()
    if area not in _REGION_OF_AREA:
        raise ValueError(f"no region known for place {place!r}; add {area!r} to the mapping")
    return _REGION_OF_AREA[area]


# --------------------------------------------------------------------------------------
# Verdicts and the reader's table of studies
# --------------------------------------------------------------------------------------

VERDICTS = ["positive", "mixed", "negative"]
VERDICT_LABELS = {"positive": "Positive", "mixed": "Mixed", "negative": "Negative"}
NO_VERDICT = "none"
NO_VERDICT_LABEL = "No verdict (conceptual work)"
EVERY_STUDY = "all"  # the filters' "do not filter" value
# Notes that explain a borderline *verdict* (not a borderline kind of park, for example).
_BORDERLINE_VERDICT = re.compile(r"borderline verdict|^borderline:", re.IGNORECASE)


def is_borderline_verdict(note: object) -> bool:
    """True when a row's note says its verdict is a borderline reading."""
    return isinstance(note, str) and bool(_BORDERLINE_VERDICT.search(note))


def studies(literature: pd.DataFrame) -> pd.DataFrame:
    """The loaded ``literature`` resource with the derived columns the chapter uses.

    Adds ``region`` (see :func:`region_of`), ``verdict_key`` (the verdict, or ``"none"``
    for conceptual works), ``borderline`` and ``in_review`` (cited in Section 2, the
    literature review).  Rows stay in the file's order, which is the order of citation;
    ``literature`` itself is not changed.
    """
    return literature.assign(
        region=[
            region_of(place, kind)
            for place, kind in zip(literature["place"], literature["kind_of_work"], strict=True)
        ],
        verdict_key=literature["verdict"].fillna(NO_VERDICT),
        borderline=literature["note"].map(is_borderline_verdict).astype(bool),
        in_review=literature["cited_in"].str.contains("Section 2", regex=False),
    )


def _cited_studies() -> pd.DataFrame:
    """:func:`studies` of the ``literature`` resource (for the explorer and footnote 4)."""
    return studies(load("literature"))


def verdict_label(verdict: object, borderline: bool = False) -> str:
    """Reader's label of a verdict, e.g. ``"Negative (borderline)"``."""
    if not isinstance(verdict, str) or verdict == NO_VERDICT:
        return NO_VERDICT_LABEL
    label = VERDICT_LABELS[verdict]
    return f"{label} (borderline)" if borderline else label


def verdict_options() -> list[tuple[str, str]]:
    """``(label, value)`` pairs for the verdict filter, "All verdicts" first."""
    options = [(VERDICT_LABELS[v], v) for v in VERDICTS]
    return [("All verdicts", EVERY_STUDY), *options, (NO_VERDICT_LABEL, NO_VERDICT)]


def region_options() -> list[tuple[str, str]]:
    """``(label, value)`` pairs for the region filter: the regions present, in fixed order."""
    present = set(_cited_studies()["region"])
    return [("All regions", EVERY_STUDY)] + [(r, r) for r in REGIONS if r in present]


def kind_options() -> list[tuple[str, str]]:
    """``(label, value)`` pairs for the kind-of-park filter, as the data names the kinds."""
    kinds = sorted(set(_cited_studies()["kind_of_park"]), key=lambda k: (k == "general", k))
    return [("All kinds of park", EVERY_STUDY)] + [(_kind_label(k), k) for k in kinds]


def _kind_label(kind: str) -> str:
    return "General (not about parks)" if kind == "general" else kind.capitalize()


def _selection(value: object, allowed: Iterable[str]) -> set[str] | None:
    """Known values among what a widget sent; ``None`` means "do not filter".

    A visitor can send anything over the widget comms, so unknown values are dropped;
    "all", nothing known, or an unusable type means no filter on that column.
    """
    if isinstance(value, str):
        values = {value}
    elif isinstance(value, Iterable):
        values = {v for v in value if isinstance(v, str)}
    else:
        return None
    known = values & set(allowed)
    return known or None


def filter_studies(
    verdict: object = EVERY_STUDY, region: object = EVERY_STUDY, kind: object = EVERY_STUDY
) -> pd.DataFrame:
    """The reader-facing table of cited works, filtered by verdict, region and kind of park.

    Parameters
    ----------
    verdict : str or iterable of str
        ``"positive"``, ``"mixed"``, ``"negative"``, ``"none"`` (conceptual works) or
        ``"all"``.
    region : str or iterable of str
        Region names from :data:`REGIONS`, or ``"all"``.
    kind : str or iterable of str
        ``kind_of_park`` values as in the data (``"science park"``...), or ``"all"``.
        Unknown values in any argument are ignored.

    Returns
    -------
    pandas.DataFrame
        Columns "Study (as cited)", "Year", "Place studied", "Region", "Kind of park",
        "What the paper says it found", "Verdict (our reading)"; rows in the order the
        paper cites the works.
    """
    frame = _cited_studies()
    wanted = {
        "verdict_key": _selection(verdict, [*VERDICTS, NO_VERDICT]),
        "region": _selection(region, REGIONS),
        "kind_of_park": _selection(kind, set(frame["kind_of_park"])),
    }
    for column, values in wanted.items():
        if values is not None:
            frame = frame[frame[column].isin(values)]
    return pd.DataFrame(
        {
            "Study (as cited)": frame["cited_as"],
            # As text: a year is a label, not a quantity to format as "2,003".
            "Year": frame["year"].astype(str),
            "Place studied": [
                place if isinstance(place, str) else ("" if kind == "conceptual" else "not stated")
                for place, kind in zip(frame["place"], frame["kind_of_work"], strict=True)
            ],
            "Region": frame["region"],
            "Kind of park": frame["kind_of_park"].map(_kind_label),
            "What the paper says it found": frame["finding"],
            "Verdict (our reading)": [
                verdict_label(v, b)
                for v, b in zip(frame["verdict_key"], frame["borderline"], strict=True)
            ],
        }
    ).reset_index(drop=True)


def filtered_studies_html(
    verdict: object = EVERY_STUDY, region: object = EVERY_STUDY, kind: object = EVERY_STUDY
) -> str:
    """The filtered table with a line saying how many works it shows (the explorer's view)."""
    table = filter_studies(verdict, region, kind)
    total = len(load("literature"))
    if table.empty:
        return f'<p class="tp-source">No cited work matches this selection (of {total}).</p>'
    shown = f"Showing {len(table)} of the {total} cited works, in the order the paper cites them."
    return table_html(table, caption=shown, source=_literature_source())


def studies_explorer() -> Shown:
    """Three drop-downs (verdict, region, kind of park) above the filtered table.

    Every combination is prepared here; the reader's browser switches between them
    (see :mod:`helpers.display.switchboard`), and the address bar keeps the choice.
    """
    controls = [
        Control("verdict", "Verdict", tuple(verdict_options()), default=EVERY_STUDY),
        Control("region", "Region", tuple(region_options()), default=EVERY_STUDY),
        Control("kind", "Kind of park", tuple(kind_options()), default=EVERY_STUDY),
    ]
    chooser = Chooser("studies", controls, plain_query)
    view = SwitchedView("studies", chooser.views(filtered_studies_html), chooser.selection)
    return Shown((chooser, view))


def _literature_source() -> str:
    return (
        "Source: Radosevic & Myrzakhmet, Section 2 and later citations; verdicts and regions "
        "are our reading. Data: data/literature.csv"
    )


# --------------------------------------------------------------------------------------
# Values the chapter's prose states
# --------------------------------------------------------------------------------------


def review_values(studies: pd.DataFrame) -> dict[str, int]:
    """How many works the paper cites, where, how many are evaluations, and their verdicts.

    ``studies`` is :func:`studies` of the ``literature`` resource.  Verdicts are our reading
    of how the paper reports each evaluation; ``borderline`` counts the borderline readings.
    """
    in_review = int(studies["in_review"].sum())
    evaluations = studies[studies["kind_of_work"] == "evaluation"]
    counts = evaluations["verdict"].value_counts()
    return {
        "works": len(studies),
        "in_review": in_review,
        "later_only": len(studies) - in_review,
        "evaluations": len(evaluations),
        "other_works": len(studies) - len(evaluations),
        "negative": int(counts.get("negative", 0)),
        "mixed": int(counts.get("mixed", 0)),
        "positive": int(counts.get("positive", 0)),
        "borderline": int(evaluations["borderline"].sum()),
    }


def region_values(studies: pd.DataFrame) -> dict[str, int | str]:
    """Where the cited evaluations come from: how many are placed, by region (largest
    first, as "Western Europe 4, ..."), and how many have no stated place."""
    evaluations = studies[studies["kind_of_work"] == "evaluation"]
    counts = evaluations["region"].value_counts()
    placed = counts.drop(PLACE_NOT_STATED, errors="ignore")
    placed = placed.sort_values(ascending=False, kind="stable")
    return {
        "evaluations": len(evaluations),
        "placed": int(placed.sum()),
        "placed_by_region": ", ".join(f"{region} {count}" for region, count in placed.items()),
        "place_not_stated": int(counts.get(PLACE_NOT_STATED, 0)),
    }


def verdict_chart_caption(data: pd.DataFrame) -> str:
    """Caption (and text alternative) of the verdict chart, from :func:`verdict_counts_data`."""
    kinds = data[data["split"] == SPLITS["kind_of_park"]]
    negative = kinds[kinds["verdict"] == "Negative"].sort_values("count", ascending=False)
    top = negative.iloc[0]
    totals = kinds.groupby("verdict")["count"].sum()
    return (
        f"Horizontal stacked bars: the {int(totals.sum())} evaluations the paper cites, by our "
        f"reading of their verdict ({totals['Positive']} positive, {totals['Mixed']} mixed, "
        f"{totals['Negative']} negative), split by region (top) and by kind of park (bottom). "
        f"{top['group']}s account for {top['count']} of the {int(negative['count'].sum())} "
        "negative verdicts; grey segments are evaluations whose place neither the paper nor "
        "the public record states."
    )


# --------------------------------------------------------------------------------------
# Bibliography
# --------------------------------------------------------------------------------------


def full_reference(row: pd.Series) -> str:
    """Plain-text reference built only from the record fields that are filled.

    Parts that context-facts.md marks unconfirmed are never in these fields; where the
    ``reference_source`` says part of the record is unconfirmed, the reference says so.
    """
    suffix = re.search(r"\d([a-z]?)$", str(row["key"])).group(1)  # 1986a, 2001b
    parts = [f"{row['authors']} ({row['year']}{suffix})."]
    for field in ("title", "venue"):
        if isinstance(row[field], str):
            parts.append(row[field].rstrip(".") + ".")
    if isinstance(row["doi"], str):
        parts.append(f"doi:{row['doi']}")
    source = str(row["reference_source"])
    if "unconfirmed" in source:
        parts.append("Part of the record is unconfirmed: see the note.")
    elif not any(isinstance(row[f], str) for f in ("title", "venue", "doi")):
        parts.append("No full record found; cited as in the paper.")
    return " ".join(parts)


def bibliography(literature: pd.DataFrame) -> pd.DataFrame:
    """Every cited work, sorted by author then year: key, reference, cited_as, cited_in, note."""
    frame = literature.assign(reference=literature.apply(full_reference, axis=1))
    order = frame["authors"].str.casefold().str.replace(r"[^a-z0-9 ,.]", "", regex=True)
    frame = frame.assign(_order=order).sort_values(["_order", "year", "key"], kind="stable")
    return frame[["key", "reference", "doi", "cited_as", "cited_in", "note"]].reset_index(drop=True)


def bibliography_html(literature: pd.DataFrame) -> str:
    """The bibliography as a list: reference, DOI link, how and where the paper cites it.

    Each entry's reading note (ambiguities, unconfirmed candidates) opens on demand.
    """
    items = []
    for entry in bibliography(literature).itertuples(index=False):
        reference = escape(entry.reference)
        if isinstance(entry.doi, str):
            link = f'<a href="https://doi.org/{escape(entry.doi)}">doi:{escape(entry.doi)}</a>'
            reference = reference.replace(f"doi:{escape(entry.doi)}", link)
        cited = (
            f' <span class="tp-source">Cited as &lsquo;{escape(entry.cited_as)}&rsquo;; '
            f"{escape(entry.cited_in)}.</span>"
        )
        note = ""
        if isinstance(entry.note, str):
            note = f"<details><summary>Reading note</summary>{escape(entry.note)}</details>"
        items.append(f"<li>{reference}{cited}{note}</li>")
    return '<ul class="tp-bibliography">\n' + "\n".join(items) + "\n</ul>"


# --------------------------------------------------------------------------------------
# Chart: verdicts by region and by kind of park
# --------------------------------------------------------------------------------------

SPLITS = {"region": "By region", "kind_of_park": "By kind of park"}


def verdict_counts_data(studies: pd.DataFrame) -> pd.DataFrame:
    """Number of cited evaluations per verdict, split by region and by kind of park.

    ``studies`` is :func:`studies` of the ``literature`` resource.

    Returns
    -------
    pandas.DataFrame
        Columns ``split`` ("By region" / "By kind of park"), ``group`` (a region or kind of
        park), ``verdict`` ("Positive", "Mixed", "Negative") and ``count``; every group
        present among the evaluations with every verdict (zeros included), groups in the
        order of :data:`REGIONS` or by number of evaluations.
    """
    evaluations = studies[studies["kind_of_work"] == "evaluation"]
    records = []
    for column, split in SPLITS.items():
        groups = _group_order(evaluations[column], column)
        for group in groups:
            in_group = evaluations[evaluations[column] == group]
            for verdict in VERDICTS:
                count = int((in_group["verdict"] == verdict).sum())
                label = group if column == "region" else _kind_label(group)
                records.append((split, label, VERDICT_LABELS[verdict], count))
    frame = pd.DataFrame.from_records(records, columns=["split", "group", "verdict", "count"])
    return frame.astype({"count": "int64"})


def _group_order(values: pd.Series, column: str) -> list[str]:
    if column == "region":
        return [r for r in REGIONS if r in set(values)]
    counts = values.value_counts()
    return sorted(counts.index, key=lambda k: (-counts[k], k))


def _group_colors(groups: list[str]) -> dict[str, str]:
    """Palette colours in order; "Place not stated" is grey, so it reads as unknown."""
    colors, palette = {}, iter(OKABE_ITO)
    for group in groups:
        colors[group] = NEUTRAL_COLOR if group == PLACE_NOT_STATED else next(palette)
    return colors


def _text_color(background: str) -> str:
    """Black on light fills, white on dark ones."""
    r, g, b = to_rgb(background)
    return "black" if 0.299 * r + 0.587 * g + 0.114 * b > 0.55 else "white"


def verdict_counts_chart(data: pd.DataFrame) -> Figure:
    """Horizontal stacked bars: evaluations per verdict, one panel per split.

    Each segment is a group (region or kind of park) and is labelled with its count.
    """
    splits = list(dict.fromkeys(data["split"]))
    fig, axes = new_figure(width=10.0, height=2.6 * len(splits) + 0.6, nrows=len(splits))
    axes = list(axes) if len(splits) > 1 else [axes]
    verdicts = list(dict.fromkeys(data["verdict"]))
    for ax, split in zip(axes, splits, strict=True):
        part = data[data["split"] == split]
        groups = list(dict.fromkeys(part["group"]))
        colors = _group_colors(groups)
        left = pd.Series(0, index=verdicts, dtype="int64")
        for group in groups:
            counts = part[part["group"] == group].set_index("verdict")["count"].reindex(verdicts)
            bars = ax.barh(
                verdicts,
                counts.to_numpy(),
                left=left.to_numpy(),
                color=colors[group],
                label=group,
                height=0.6,
                edgecolor="white",
                linewidth=0.8,
            )
            for bar, count in zip(bars, counts, strict=True):
                if count > 0:
                    ax.text(
                        bar.get_x() + bar.get_width() / 2,
                        bar.get_y() + bar.get_height() / 2,
                        str(count),
                        ha="center",
                        va="center",
                        fontsize=10,
                        color=_text_color(colors[group]),
                    )
            left += counts
        ax.set_title(split)
        ax.invert_yaxis()  # Positive on top, as in the legend of verdicts
        ax.set_xlabel("Number of cited evaluations (count)")
        ax.set_xlim(0, int(left.max()) + 1)
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.grid(axis="y", visible=False)
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False, fontsize=9.5)
    return fig


# --------------------------------------------------------------------------------------
# Footnote 4: the US incubator benchmarking
# --------------------------------------------------------------------------------------

FOOTNOTE_4_KEY = "usdoc2003"
_INCUBATORS_BENCHMARKED = re.compile(r"(\d+) US business incubators")


def footnote_4_row() -> pd.Series:
    """The ``literature`` row of the work footnote 4 cites (US Department of Commerce, 2003)."""
    frame = _cited_studies()
    return frame[frame["key"] == FOOTNOTE_4_KEY].iloc[0]


def incubators_benchmarked() -> int:
    """Number of US business incubators in the benchmarking, read from its ``finding`` text."""
    match = _INCUBATORS_BENCHMARKED.search(footnote_4_row()["finding"])
    if match is None:
        raise ValueError(f"no incubator count in the finding of {FOOTNOTE_4_KEY!r}")
    return int(match.group(1))


def footnote_4_panel() -> HTML:
    """A short panel: the footnote's finding as the data gives it, and our reading of it."""
    row = footnote_4_row()
    verdict = verdict_label(row["verdict"], row["borderline"])
    return HTML(
        '<div class="tp-note">'
        f"<p><strong>{escape(row['cited_as'])}: benchmarking of "
        f"{incubators_benchmarked()} business incubators</strong> ({escape(row['cited_in'])})"
        "</p>"
        f"<p>{escape(row['finding'])}</p>"
        f"<p>Verdict (our reading): {escape(verdict)}. {escape(row['note'])}</p>"
        f'<p class="tp-source">{escape(full_reference(row))} Data: data/literature.csv'
        "</p></div>"
    )
