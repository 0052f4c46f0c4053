"""What the site benchmarks share: timing a page until it settles, arrivals, statistics."""

from __future__ import annotations

import asyncio
import random
import statistics

# Installed before any page script runs: remembers when what a reader sees last changed.
# Changes inside <head> (scripts the page loads lazily once it is drawn) are not seen.
TRACK_CHANGES = """
window.__tpLastChange = 0;
new MutationObserver((changes) => {
  const head = document.head;
  if (changes.some((c) => !(head && (c.target === head || head.contains(c.target))))) {
    window.__tpLastChange = performance.now();
  }
}).observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
"""
QUIET_MS = 500  # a page is settled once it has not changed for this long
# A chapter is settled when its last output (the chapter links) is on the page, no widget
# is still loading (an anywidget on plain Voila; an embedded one on this site, whose module
# and state leave the page once drawn), and nothing has changed for QUIET_MS.
SETTLED = f"""() => document.querySelector('.tp-chapter-nav')
    && !document.body.innerText.includes('Loading widget')
    && !document.querySelector('script[type="application/vnd.technoparks.widget+json"]')
    && performance.now() - window.__tpLastChange > {QUIET_MS}"""
# The benchmarks play many readers from one address: lift the site's per-address window
# (its kernel budget still applies).
MANY_READERS = "--ReaderSite.pages_per_client=1000000"


def settle_ms(page, url: str, timeout_ms: int = 120_000) -> float:
    """Open ``url`` and return the milliseconds from navigation to its last change."""
    page.goto(url, wait_until="commit")
    page.wait_for_function(SETTLED, timeout=timeout_ms, polling=100)
    return page.evaluate("window.__tpLastChange")


async def read(browser, url: str, timeout_s: float, delay: float = 0.0, then=None):
    """One reader arriving after ``delay`` s in a context of its own.

    Returns (ms from navigation to the settled page, or None; errors; the open context).
    ``then(page)``, if given, runs once the page has settled (a reader using a filter).
    """
    await asyncio.sleep(delay)
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    await context.add_init_script(TRACK_CHANGES)
    page = await context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        await page.goto(url, wait_until="commit", timeout=timeout_s * 1000)
        await page.wait_for_function(SETTLED, timeout=timeout_s * 1000, polling=100)
        settled = await page.evaluate("window.__tpLastChange")
        if then is not None:
            await then(page)
        return settled, errors, context
    except Exception as error:  # a timeout or a failed load counts as an error
        errors.append(f"{type(error).__name__}: {str(error).splitlines()[0]}")
        return None, errors, context


def arrivals(readers: int, window_s: float, seed: int) -> list[float]:
    """Arrival moments (seconds from the start) of a burst of readers, drawn at random."""
    draw = random.Random(seed)
    return sorted(draw.uniform(0, window_s) for _ in range(readers))


def median_p95(values: list[float]) -> tuple[float, float]:
    """Median and 95th percentile; both NaN when nothing was measured (no page served)."""
    if not values:
        return float("nan"), float("nan")
    ordered = sorted(values)
    return statistics.median(ordered), ordered[max(0, round(0.95 * len(ordered)) - 1)]


def crowd_rows(settle: list[float], errors: list[str], readers: int, alone: float) -> list[str]:
    """The table rows every crowd benchmark reports, against one reader alone."""
    p50, p95 = median_p95(settle)
    return [
        "| Measure | Value |",
        "| --- | --- |",
        f"| Pages served | {len(settle)} of {readers} |",
        f"| Errors | {len(errors)} |",
        f"| Time to full page p50 / p95 (s) | {p50 / 1000:.2f} / {p95 / 1000:.2f} |",
        f"| One reader alone, survey chapter (s) | {alone / 1000:.2f} |",
        f"| p95 in the crowd / alone | {p95 / alone:.1f} |",
    ]
