"""Reproducibility audit: recompute what the paper's printed numbers determine, and compare.

Every total, share and average of the tables is recomputed from the rows in data/ with the
rounding-aware comparisons of :mod:`helpers.data.recompute`; tables are set against each other;
and the paper's prose is set against its tables.  What does not reproduce is a *finding*;
what does is a *confirmed check*.  Nothing in data/ is corrected: the audit only reports.

Three checks are systematic: every pooled cell of the tables under every weighting the paper
allows (:mod:`.checks.pooled`), every number of firms the paper states or implies against every
other counting the same firms (:mod:`.checks.firm_counts`, from ``data/audit-firm-counts.csv``)
and every claim of the ledger as the abstract, the survey's summary and the conclusions word it
(:mod:`.checks.wordings`, from ``data/claim-wordings.csv``).  The paper's sentences the audit
quotes are data too (``data/audit-quotes.csv``).

Severities (error, inconsistency, ambiguity, note), categories and the rules for quotes
are defined once, in :mod:`.model`.

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
:mod:`.render` (HTML, chart and report), :mod:`.systematic` (the systematic comparisons as
reader's tables) and ``__main__`` (the command line).
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
from .systematic import firm_count_view, weighting_view, wording_view

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
    "firm_count_view",
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
    "weighting_view",
    "wording_view",
    "write_resources",
]
