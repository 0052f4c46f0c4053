"""What the site benchmarks share: timing a page until it settles, and reading memory."""

from __future__ import annotations

import statistics

# Installed before any page script runs: remembers when the page last changed.
TRACK_CHANGES = """
window.__tpLastChange = 0;
new MutationObserver(() => { window.__tpLastChange = performance.now(); })
  .observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
"""
QUIET_MS = 500  # a page is settled once it has not changed for this long


def settle_ms(page, url: str, timeout_ms: int = 120_000) -> float:
    """Open ``url`` and return the milliseconds from navigation to its last change.

    A chapter is settled when its last output (the chapter links) is on the page, no widget
    is still loading, and nothing has changed for ``QUIET_MS``; the time reported is that
    of the last change, measured from the start of the navigation.
    """
    page.goto(url, wait_until="commit")
    page.wait_for_function(
        f"""() => document.querySelector('.tp-chapter-nav')
               && !document.body.innerText.includes('Loading widget')
               && performance.now() - window.__tpLastChange > {QUIET_MS}""",
        timeout=timeout_ms,
        polling=100,
    )
    return page.evaluate("window.__tpLastChange")


def median_p95(values: list[float]) -> tuple[float, float]:
    ordered = sorted(values)
    return statistics.median(ordered), ordered[max(0, round(0.95 * len(ordered)) - 1)]
