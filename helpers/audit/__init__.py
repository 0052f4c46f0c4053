"""Reproducibility audit: recompute what the paper's printed numbers determine, and compare.

Every total, share and average of the tables is recomputed from the rows in data/ with the
rounding-aware comparisons of :mod:`helpers.data.recompute`; tables are set against each other;
and the paper's prose is set against its tables.  What does not reproduce is a *finding*;
what does is a *confirmed check*.  Nothing in data/ is corrected: the audit only reports.

Severity
--------
error
    A number or reference that is wrong on its face: 7 of 24 firms printed as 36%, a
    cross-reference to the wrong table, a misnumbered section or figure.
inconsistency
    Two printed numbers that cannot both hold: within a table, across tables, or the text
    against a table.
ambiguity
    The flattened text allows more than one reading (which bar a label belongs to, which
    cells a short row fills), or the finding rests on an assumption the paper does not
    state (which denominator, which firms an average is over).
note
    Worth knowing but not a contradiction: sector shares that do not reach 100 because some
    sectors are not printed, an Average row that is not the unweighted mean of the rows
    shown, a claim the published numbers cannot test.

Categories: ``arithmetic`` (sums, means, medians within a table), ``percentage`` (shares and
their denominators), ``cross-table`` (one table against another), ``text`` (the prose
against the tables) and ``structure`` (numbering, legends, layout).

Quotes are verbatim fragments of the paper's text (line breaks as spaces).  Numbers that
the prose prints but data/ does not hold (e.g. '7 out of the 24 firms') are read from the
quote itself; the recomputed side always comes from data/.

Each finding is one defect: a finding that re-reports another names it in ``repeats`` and
is shown but not counted; findings that bear on the same numbers name each other in
``related``; a finding resting on a transcription reading or an assumption says so in
``rests_on`` and is graded ambiguity or note (see :mod:`.model`).  The counts
(:func:`count_values`, the chart, the report's first line) count independent findings only.

The findings and the confirmed checks are also data, so that each can be cited by its id:
``data/audit-findings.csv`` and ``data/audit-checks.csv`` (:mod:`.store`; values as the text
the chapter shows).  The chapter and the command line read them (:func:`findings`,
:func:`confirmed`); :func:`computed_findings` and :func:`computed_confirmed` run the checks
now, :func:`write_resources` (``make audit-data``) rewrites the files, and a test fails while
they differ from what the checks compute.

Run ``python -m helpers.audit`` for a report grouped by table, ``--json`` for the stored
findings as a JSON list, ``--write-data`` to rewrite the two files.  The exit status is 0
whenever the audit ran, whatever it found.

The package: :mod:`.model` (severities, categories, findings, checks and the collector),
:mod:`.checks` (one module per group of tables), :mod:`.store` (findings and checks as
rows of data/), :mod:`.results` (the stored and computed results and their selections),
:mod:`.render` (HTML, chart and report) and ``__main__`` (the command line).
"""

from __future__ import annotations

from .model import (
    CATEGORIES,
    EVERY_FINDING,
    FIELDS,
    QUOTES,
    SEVERAL,
    SEVERITIES,
    group_order,
)
from .render import (
    confirmed_html,
    filter_panel,
    filtered_view,
    findings_html,
    show_summary,
    summary_caption,
    summary_chart,
)
from .results import (
    category_scale,
    computed_confirmed,
    computed_findings,
    confirmed,
    confirmed_frame,
    count_values,
    filter_findings,
    finding,
    findings,
    group_options,
    severity_scale,
    summary_data,
    write_resources,
)

__all__ = [
    "CATEGORIES",
    "EVERY_FINDING",
    "FIELDS",
    "QUOTES",
    "SEVERAL",
    "SEVERITIES",
    "category_scale",
    "computed_confirmed",
    "computed_findings",
    "confirmed",
    "confirmed_frame",
    "confirmed_html",
    "count_values",
    "filter_findings",
    "filter_panel",
    "filtered_view",
    "finding",
    "findings",
    "findings_html",
    "group_options",
    "group_order",
    "severity_scale",
    "show_summary",
    "summary_caption",
    "summary_chart",
    "summary_data",
    "write_resources",
]
