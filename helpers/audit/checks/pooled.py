"""Every pooled cell of the tables against its park rows, under every weighting the paper allows.

An Average row (or a pooled column) summarises the park rows beside it, but the paper never
says how it weights them.  :data:`POOLED` lists each such row: the table, the cells it
holds, the stated sample it may be over, and the existing finding about it if there is one.
Every weighting is tried (:func:`weightings`): the unweighted mean of the parks, and the mean
weighted by each number of firms per park the paper gives (``data/audit-firm-counts.csv``:
tenants as of 2004 and at establishment, commercially active tenants, Table 12's firms,
Table 5's firms, the firms Table 4 implies).  A weighting *reproduces* a cell when its mean of
the printed park values lies within the cell's printed rounding, widened by the rows' own
rounding (a mean of rows each off by at most h is off by at most h); it reproduces it
*exactly* when it does so with the rows taken as printed.

Each row is one result.  A row that some weighting reproduces in every cell is a confirmed
check naming the weightings.  A row that none reproduces is a finding: an inconsistency, or
a note when some whole-number split of the stated sample would reproduce it (it then rests on
the assumption that the row is weighted by a count the paper gives); when an existing finding
already reports the row, the new one repeats it and is not counted.

The other summary cells (sums, shares, maxima, medians) do not depend on a weighting and are
checked where their table is: :data:`CHECKED_ELSEWHERE` names the check or finding for each,
and :func:`summary_coverage` shows that every summary cell of every table is covered.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import pandas as pd

from ...data import recompute as rc
from ...data.datapackage import load, resource_names
from ...data.parks import park_codes
from ..model import Audit, trim
from .common import numbers_in
from .firm_counts import POPULATION_LABELS, RESOURCE, firm_counts


class PooledRow(NamedTuple):
    """A row (or column) of pooled cells: one cell per value of ``column`` among ``cells``."""

    id: str  # of the check or finding the row gives
    table: str
    label: str  # where in the table, in the paper's words
    select: dict[str, object]  # the rows of the table holding the row's cells and its parks
    column: str | None = None  # the column naming each cell; None for a single cell
    cells: tuple[str, ...] | None = None  # which values of ``column``; None for all
    sample: str | None = None  # count id of the stated sample the row may be over
    reported: str | None = None  # an existing finding about this row


POOLED = [
    PooledRow(
        "table-04-average-employment-weightings",
        "table-04",
        "Average row, employment, in technoparks column",
        {"firms": "in_tp", "variable": "employment", "measure": "average"},
        reported="table-04-pooled-average-vs-parks",
    ),
    PooledRow(
        "table-04-average-age-weightings",
        "table-04",
        "Age - average row, in technoparks column",
        {"firms": "in_tp", "variable": "firm_age", "measure": "average"},
    ),
    PooledRow(
        "table-07-average-row-weightings",
        "table-07",
        "Average row",
        {"firms": "in_tp", "measure": "share_of_sales"},
        "market",
        ("local", "national", "foreign"),
        sample="table-07-replies",
        reported="table-07-average-vs-park-means",
    ),
    PooledRow(
        "table-08-average-row-weightings",
        "table-08",
        "Average row",
        {"firms": "in_tp", "measure": "mean_importance"},
        "factor",
        sample="table-08-heading",
        reported="table-08-average-vs-park-means",
    ),
    PooledRow(
        "table-09-average-row-weightings",
        "table-09",
        "Average row",
        {"firms": "in_tp", "measure": "mean_importance"},
        "barrier",
        sample="table-09-heading",
        reported="table-09-average-vs-park-means",
    ),
]

# Summary cells that do not depend on a weighting: (table, selection, check or finding id).
# Braces in an id are filled from the cell's row ('{park}' -> 'abi').
CHECKED_ELSEWHERE = [
    ("table-01", {"region": "Kazakhstan"}, "table-01-kz-business-sum"),
    ("table-01", {"region": "North America"}, "table-01-sectors-not-100"),
    ("table-01", {"region": "European Union"}, "table-01-sectors-not-100"),
    ("table-04", {"variable": "employment", "measure": "total"}, "table-04-employment-total"),
    ("table-04", {"variable": "employment", "measure": "max"}, "table-04-max"),
    (
        "table-04",
        {"variable": "employment", "measure": "median"},
        "table-04-pooled-median-above-park-medians",
    ),
    ("table-04", {"variable": "firm_age", "measure": "median"}, "table-04-age-median-within-parks"),
    ("table-05", {"park": None, "measure": "n_firms", "firms": "in_tp"},
     "table-05-{activity}-sum-of-parks"),
    ("table-05", {"park": None, "measure": "n_firms", "firms": "out_tp"},
     "table-05-out-tp-row-total"),
    ("table-05", {"measure": "share_of_firms"}, "table-05-{firms}-{activity}-share"),
    ("table-05", {"activity": "total", "firms": "in_tp"}, "table-05-{park}-row-total"),
    ("table-06", {}, "table-06-total"),
    ("table-07", {"market": "total", "park": None}, "table-07-average-row-sums-to-100"),
    ("table-07", {"market": "total"}, "table-07-{park}-row-sums-to-100"),
    ("table-08", {"measure": "sample_size"}, "table-08-share-denominator"),
    ("table-08", {"measure": "n_firms"}, "table-08-{factor}-count-within-sample"),
    ("table-08", {"measure": "share_of_respondents"}, "table-08-share-denominator"),
    ("table-09", {"measure": "sample_size"}, "table-09-share-denominator"),
    ("table-09", {"measure": "n_firms"}, "table-09-{barrier}-count-within-sample"),
    ("table-09", {"measure": "share_of_respondents"}, "table-09-share-denominator"),
    ("table-10", {}, "table-10-in-tp-equals-table-09"),
    ("table-13", {"measure": "sample_size"}, "table-13-link-counts-within-sample"),
    ("table-13", {"measure": "n_firms"}, "table-13-{firms}-{partner}-total"),
    ("table-14", {"stage": "total", "measure": "n_developments"}, "table-14-total"),
    ("table-14", {"measure": "share_of_developments"}, "table-14-{stage}-share"),
]  # fmt: skip

UNWEIGHTED = "unweighted"
EXACT, ROUNDED, NO, UNAVAILABLE = "exactly", "within the rows' rounding", "no", "not available"


class Weighting(NamedTuple):
    label: str
    weights: dict[str, float]  # park -> weight; an unweighted mean weighs every park 1


def weightings(audit: Audit) -> list[Weighting]:
    """Unweighted, then one weighting per source of a per-park firm count (midpoint of a range)."""
    found: dict[str, dict[str, float]] = {}
    for c in firm_counts(audit.table(RESOURCE)):
        if c.park and c.firms == "in_tp" and c.population != "respondents":
            label = f"{c.source} {POPULATION_LABELS[c.population]}"
            if c.how == "implied":
                label += " (implied)"
            found.setdefault(label, {})[c.park] = (c.low + c.high) / 2
    # A source that only repeats another's counts for fewer parks (Table 12, the text) adds
    # no weighting of its own.
    kept = {
        k: v
        for k, v in found.items()
        if not any(k != o and v.items() < other.items() for o, other in found.items())
    }
    every_park = dict.fromkeys(park_codes(), 1.0)
    return [Weighting(UNWEIGHTED, every_park), *(Weighting(k, v) for k, v in kept.items())]


class Cell(NamedTuple):
    name: str
    printed: str
    parks: dict[str, float]  # park -> printed value (parks with a value only)
    half_unit: float  # of the park rows


def cells_of(audit: Audit, row: PooledRow) -> list[Cell]:
    """The pooled cells of a row, each with the printed park values beside it."""
    frame = rc.rows(audit.table(row.table), **row.select)
    names = [None] if row.column is None else list(row.cells or frame[row.column].dropna().unique())
    out = []
    for name in names:
        part = frame if name is None else rc.rows(frame, **{row.column: name})
        pooled = rc.cell(part, park=None)
        parks = part.dropna(subset=["park", "value"])
        out.append(
            Cell(
                name or row.select.get("variable", ""),
                str(pooled["printed"]),
                {p: float(v) for p, v in zip(parks["park"], parks["value"], strict=True)},
                max(rc.half_unit(str(p)) for p in parks["printed"]),
            )
        )
    return out


def verdict(cell: Cell, weighting: Weighting) -> tuple[str, float | None]:
    """Whether the weighting reproduces the cell (exactly, within the rows' rounding, no)."""
    if any(p not in weighting.weights for p in cell.parks):
        return UNAVAILABLE, None
    mean = rc.weighted_mean(list(cell.parks.values()), [weighting.weights[p] for p in cell.parks])
    if rc.agrees(cell.printed, mean):
        return EXACT, mean
    # Strictly inside: at the very edge every park would sit on its own rounding boundary.
    if abs(mean - numbers_in(cell.printed)[0]) < rc.half_unit(cell.printed) + cell.half_unit:
        return ROUNDED, mean
    return NO, mean


def weighting_frame(audit: Audit) -> pd.DataFrame:
    """One row per pooled cell and weighting: the weighted mean and whether it reproduces."""
    records = []
    for row in POOLED:
        for cell in cells_of(audit, row):
            for weighting in weightings(audit):
                result, mean = verdict(cell, weighting)
                records.append(
                    {
                        "table": row.table,
                        "row": row.label,
                        "cell": cell.name.replace("_", " "),
                        "printed": cell.printed,
                        "weighting": weighting.label,
                        "mean": None if mean is None else round(mean, 2),
                        "reproduces": result,
                    }
                )
    return pd.DataFrame.from_records(records)


def _reproducing(cells: Sequence[Cell], ws: Sequence[Weighting]) -> dict[str, str]:
    """Weightings reproducing every cell: 'exactly' if every cell is exact, else rounded."""
    out = {}
    for w in ws:
        results = [verdict(c, w)[0] for c in cells]
        if all(r in (EXACT, ROUNDED) for r in results):
            out[w.label] = EXACT if all(r == EXACT for r in results) else ROUNDED
    return out


def pooled(audit: Audit) -> None:
    """Check every row of :data:`POOLED` under every weighting."""
    ws = weightings(audit)
    for row in POOLED:
        cells = cells_of(audit, row)
        number = int(row.table.split("-")[1])
        where = f"Table {number}, {row.label}"
        check_id = row.id
        printed = {c.name.replace("_", " "): c.printed for c in cells}
        found = _reproducing(cells, ws)
        if found:
            audit.confirm(
                check_id,
                [row.table, RESOURCE],
                where,
                f"The {row.label.split(',')[0]} is the mean of the parks "
                + " or ".join(f"{_weighted(k)} ({v})" for k, v in found.items())
                + f"; {len(ws) - len(found)} other weightings tried do not reproduce it",
                printed,
                {k: [round(_mean(c, ws, k), 2) for c in cells] for k in found},
            )
            continue
        _report(audit, row, cells, ws, check_id, where, printed)


def _weighted(label: str) -> str:
    return "unweighted" if label == UNWEIGHTED else f"weighted by {label}"


def _mean(cell: Cell, ws: Sequence[Weighting], label: str) -> float:
    return verdict(cell, next(w for w in ws if w.label == label))[1]


def _split_reproduces(audit: Audit, row: PooledRow, cells: list[Cell]) -> tuple[int, ...] | None:
    """A whole-number split of the stated sample over the parks that reproduces every cell."""
    if row.sample is None:
        return None
    counts = {c.count_id: c for c in firm_counts(audit.table(RESOURCE))}
    parks = [p for p in park_codes() if any(p in c.parks for c in cells)]
    columns = {c.name: ([c.parks.get(p, float("nan")) for p in parks], c.printed) for c in cells}
    splits = rc.weights_reproducing(
        columns, counts[row.sample].low, row_half_unit=max(c.half_unit for c in cells)
    )
    return splits[len(splits) // 2] if splits else None


def _report(audit, row: PooledRow, cells, ws, check_id, where, printed) -> None:
    means = {
        w.label: [None if (m := verdict(c, w)[1]) is None else round(m, 2) for c in cells]
        for w in ws
    }
    tried = "; ".join(
        f"{_weighted(k)} {', '.join('n/a' if v is None else trim(v) for v in vals)}"
        for k, vals in means.items()
    )
    split = _split_reproduces(audit, row, cells)
    message = (
        f"No weighting of the parks reproduces the {row.label.split(',')[0]} "
        f"(printed {', '.join(c.printed for c in cells)}): {tried}."
    )
    if split is not None:
        message += (
            f" A split of the stated sample over the parks ({', '.join(map(str, split))}) "
            "would reproduce it, so the row is possibly weighted by respondents per park, "
            "which the paper does not print."
        )
    if row.reported:
        message += f" It confirms {row.reported} under every weighting and is not counted."
    audit.find(
        check_id,
        [row.table, RESOURCE],
        "note" if split is not None else "inconsistency",
        "arithmetic",
        printed=printed,
        recomputed={k: v for k, v in means.items() if any(x is not None for x in v)},
        where=where,
        message=message,
        repeats=(row.reported,) if row.reported else (),
        rests_on=(
            "assumption: the row is weighted by one of the firm counts per park the paper gives"
            if split is not None
            else None
        ),
    )


# --------------------------------------------------------------------------------------
# Every summary cell is checked somewhere


def _fill(template: str, row: pd.Series) -> str | None:
    """The id with the row's values filled in; None when the row lacks one (no park)."""
    values = {k: str(v).lower().replace("_", "-") for k, v in row.items() if not pd.isna(v)}
    try:
        return template.format(**values)
    except KeyError:
        return None


def summary_coverage(data_dir=None) -> pd.DataFrame:
    """Every printed summary cell of every table, with the check or finding covering it."""
    records = []
    for name in (n for n in resource_names() if n.startswith("table-")):
        frame = load(name, data_dir)
        summary = frame[frame["is_summary"] & frame["value"].notna()]
        for _, cell in summary.iterrows():
            covered = [
                row.id
                for row in POOLED
                if row.table == name
                and len(rc.rows(summary.loc[[cell.name]], **row.select))
                and (row.column is None or row.cells is None or cell[row.column] in row.cells)
                and pd.isna(cell.get("park"))
            ]
            covered += [
                filled
                for table, select, template in CHECKED_ELSEWHERE
                if table == name
                and len(rc.rows(summary.loc[[cell.name]], **select))
                and (filled := _fill(template, cell))
            ]
            records.append({"table": name, "printed": cell["printed"], "covered by": covered})
    return pd.DataFrame.from_records(records)
