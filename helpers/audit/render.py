"""What readers see: the findings and checks as HTML, the filter, the chart, the report.

Every text shown passes through :func:`helpers.display.html.escape`; functions named
``*_html`` return ``str`` (the chapter shows them with ``HTML(...)``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import pandas as pd
from matplotlib.figure import Figure

from ..display.html import escape
from ..display.theme import OKABE_ITO, new_figure, show_chart
from .model import (
    EVERY_FINDING,
    PLURALS,
    SEVERITIES,
    SEVERITY_COLORS,
    Finding,
    as_text,
    group_label,
    group_order,
)
from .results import (
    confirmed,
    confirmed_frame,
    counts_line,
    filter_findings,
    findings,
    group_options,
    summary_data,
    summary_resources,
)


def _no_math(markup: str) -> str:
    """Wrap HTML so the notebook's MathJax leaves dollar amounts ('$88K ... $66K') alone."""
    return f'<div class="tex2jax_ignore mathjax_ignore">{markup}</div>'


# --------------------------------------------------------------------------------------
# Findings, one group at a time


def _quote_html(quote: str) -> str:
    return f'<blockquote class="tp-quote">&ldquo;{escape(quote)}&rdquo;</blockquote>'


def _finding_html(f: Finding) -> str:
    """One finding: severity, category, where and id; the message; the evidence; quotes."""
    recomputed = (
        "nothing (printed numbers compared)" if f.recomputed is None else as_text(f.recomputed)
    )
    return (
        # Colours live in the page styles (page.css), readable in light and dark.
        f'<div class="tp-finding tp-severity-{escape(f.severity)}">'
        f'<p class="tp-finding-head"><strong class="tp-severity">{escape(f.severity)}</strong>'
        f" &middot; {escape(f.category)} &middot; {escape(f.where)}"
        f' <code class="tp-finding-id">{escape(f.id)}</code></p>'
        f'<p class="tp-finding-message">{escape(f.message)}</p>'
        f'<p class="tp-source">Printed: {escape(as_text(f.printed))}'
        f"<br>Recomputed: {escape(recomputed)}"
        + "".join(f"<br>{escape(line)}" for line in _dependence_lines(f))
        + "</p>"
        + "".join(_quote_html(q) for q in f.quote)
        + "</div>"
    )


def _dependence_lines(f: Finding) -> list[str]:
    """What the finding rests on, what it repeats (not counted) and what it relates to."""
    lines = []
    if f.rests_on:
        article = "an" if f.rests_on.startswith("assumption") else "a"
        lines.append(f"Rests on {article} {f.rests_on}")
    if f.repeats:
        lines.append(f"Repeats {', '.join(f.repeats)}: not counted separately")
    others = [r for r in f.related if r not in f.repeats]
    if others:
        lines.append(f"See also {', '.join(others)}")
    return lines


def findings_html(group: str, data_dir: Path | str | None = None) -> str:
    """The findings of one group as reader-facing HTML: severity, where, message, evidence."""
    if group not in group_order():
        raise ValueError(f"unknown group {group!r}")
    items = [f for f in findings(data_dir) if f.group == group]
    if not items:
        return '<p class="tp-source">No finding here: every check reproduces.</p>'
    return _no_math("\n".join(_finding_html(f) for f in items))


def show_group(group: str) -> None:
    """Display the findings of one group (for the notebook)."""
    from IPython.display import HTML, display

    display(HTML(findings_html(group)))


# --------------------------------------------------------------------------------------
# The reader's filter


def filtered_view(severities: object = (), table: object = EVERY_FINDING) -> str:
    """What the notebook's filter shows: the filtered findings, or why the choice is invalid.

    Values come from widgets, i.e. possibly from any client: anything but a list of known
    severities and a known table is answered with a message, never an error.
    """
    from ..display.tables import table_html

    if isinstance(severities, str) or not isinstance(severities, Iterable):
        return '<p class="tp-note">Choose severities from the list.</p>'
    try:
        chosen = list(severities)
        if not chosen:
            return '<p class="tp-note">Choose at least one severity.</p>'
        frame = filter_findings(chosen, table)
    except (ValueError, TypeError):
        return '<p class="tp-note">That choice is not available.</p>'
    if frame.empty:
        return '<p class="tp-note">No finding matches this choice.</p>'
    count = f"{len(frame)} finding" + ("" if len(frame) == 1 else "s")
    return _no_math(table_html(frame.drop(columns=["Printed", "Recomputed"]), caption=count))


def filter_panel(initial: Sequence[str] = ("error",)):
    """The reader's filter: severities and a table, showing :func:`filtered_view`.

    Every combination is prepared here; the reader's browser switches between them.
    """
    from ..display.switchboard import Chooser, Control, Shown, SwitchedView, plain_query

    controls = [
        Control(
            "severity",
            "Severity",
            tuple((s, s) for s in SEVERITIES),
            default=tuple(s for s in SEVERITIES if s in initial),
            multiple=True,
        ),
        Control("table", "Table", tuple(group_options()), default=EVERY_FINDING),
    ]
    chooser = Chooser("findings", controls, plain_query)
    views = chooser.views(lambda severity, table: filtered_view(severity, table))
    return Shown((chooser, SwitchedView("findings", views, chooser.selection)))


# --------------------------------------------------------------------------------------
# The summary chart


def summary_chart(data: pd.DataFrame) -> Figure:
    """Horizontal stacked bars: findings per category, coloured by severity."""
    fig, ax = new_figure(9.0, 3.8)
    left = pd.Series(0, index=data.index)
    for severity in data.columns:
        ax.barh(
            data.index,
            data[severity],
            left=left,
            label=severity,
            color=SEVERITY_COLORS.get(severity, OKABE_ITO[0]),
        )
        left = left + data[severity]
    ax.invert_yaxis()
    ax.set_xlabel("Number of findings")  # independent findings (see summary_data)
    ax.set_ylabel("Category")
    ax.set_title("Findings by category and severity")
    ax.legend(title="Severity", loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
    ax.xaxis.get_major_locator().set_params(integer=True)
    return fig


def summary_caption(data: pd.DataFrame, repeating: int = 0) -> str:
    """The chart in words (its text alternative); ``repeating`` findings are not plotted."""
    by_severity = data.sum(axis=0)
    by_category = data.sum(axis=1)
    folded = (
        f" Not plotted, as re-reports of these: {repeating} finding{'' if repeating == 1 else 's'}."
        if repeating
        else ""
    )
    return (
        f"{int(by_severity.sum())} independent findings: "
        + ", ".join(f"{int(n)} {s if n == 1 else PLURALS[s]}" for s, n in by_severity.items())
        + ". By category: "
        + ", ".join(f"{int(n)} {c}" for c, n in by_category.items())
        + "."
        + folded
    )


def show_summary() -> None:
    """Display the chart of independent findings by category and severity, with its caption."""
    data = summary_data()
    repeating = sum(not f.counted for f in findings())
    show_chart(
        summary_chart(data), summary_caption(data, repeating), *summary_resources(), data=data
    )


# --------------------------------------------------------------------------------------
# The confirmed checks, and the plain-text report


def confirmed_html() -> str:
    """The confirmed checks as a table folded under a summary line."""
    from ..display.tables import html_table

    frame = confirmed_frame()
    table = html_table(frame.drop(columns=["Where"])).data
    return _no_math(
        f"<details><summary>Show the {len(frame)} checks that reproduce</summary>{table}</details>"
    )


def report() -> str:
    """The readable report: findings grouped by table, then the confirmed checks."""
    lines = ["Reproducibility audit", "=====================", counts_line(), ""]
    items = findings()
    for group in group_order():
        mine = [f for f in items if f.group == group]
        if not mine:
            continue
        lines += [group_label(group), "-" * len(group_label(group))]
        for f in mine:
            lines.append(f"[{f.severity}] {f.id} ({f.category}) - {f.where}")
            lines.append(f"  {f.message}")
            lines.append(f"  printed: {as_text(f.printed)}")
            lines.append(f"  recomputed: {as_text(f.recomputed)}")
            lines += [f"  {line[0].lower()}{line[1:]}" for line in _dependence_lines(f)]
            for q in f.quote:
                lines.append(f'  quote: "{q}"')
        lines.append("")
    checks = confirmed()
    lines += [f"Confirmed checks ({len(checks)})", "-" * 20]
    lines += [f"  ok  {c.id}: {c.description}" for c in checks]
    return "\n".join(lines)
