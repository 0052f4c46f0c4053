"""Park filter latency: from choosing a park to the settled page, in Chromium.

Run with ``.venv/bin/python -m benchmarks.park_filter_latency`` (or ``make bench``).

For each park (and back to "All parks") the selection is made inside the page and timed
with ``performance.now()`` until the page says "Showing: <park>" and two animation frames
have painted.  The survey chapter is measured in the app and in the static edition (the
choice is answered in the browser in both); the baseline, same run, is the smallest
round trip through a kernel: one ipywidgets drop-down whose Python callback echoes the
choice (benchmarks/baseline/widget_echo.ipynb).
"""

from __future__ import annotations

import argparse
import statistics

from playwright.sync_api import sync_playwright

from tools.voila_server import CHROMIUM, CHROMIUM_ARGS, ROOT, voila

from .pages import median_p95
from .report import publish

SELECT_AND_SETTLE = """
async ([selector, label]) => {
  const select = document.querySelector(selector);
  const option = [...select.options].find(o => o.text.replace(/\\u00a0/g, ' ') === label);
  const target = 'Showing: ' + label;
  const shown = () => document.body.innerText.replace(/\\u00a0/g, ' ').includes(target);
  const start = performance.now();
  select.value = option.value;
  select.dispatchEvent(new Event('change', {bubbles: true}));
  await new Promise(resolve => {
    if (shown()) return resolve();
    const observer = new MutationObserver(() => {
      if (shown()) { observer.disconnect(); resolve(); }
    });
    observer.observe(document.body, {childList: true, subtree: true, characterData: true});
  });
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  return performance.now() - start;
}
"""


OURS = ".tp-chooser select"
IPYWIDGETS = ".widget-dropdown select"


def measure(browser, url: str, selector: str, labels: list[str], rounds: int) -> list[float]:
    """Milliseconds from selection to settled page, for every label, ``rounds`` times."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(url)
    page.wait_for_selector(selector, timeout=120_000)
    page.wait_for_function(
        "() => !document.body.innerText.includes('Loading widget')", timeout=120_000
    )
    page.wait_for_timeout(500)
    timings = []
    for _ in range(rounds):
        for label in labels:
            timings.append(page.evaluate(SELECT_AND_SETTLE, [selector, label]))
    page.close()
    return timings


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="passes over all parks")
    parser.add_argument("--no-write", action="store_true", help="do not update README.md")
    args = parser.parse_args(argv)

    from helpers.data.parks import park_codes, park_label

    labels = [park_label(code) for code in park_codes()] + ["All parks"]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        with voila(site_config=False, root=ROOT / "benchmarks" / "baseline") as base:
            baseline = measure(
                browser,
                f"{base.url}voila/render/widget_echo.ipynb",
                IPYWIDGETS,
                labels,
                args.rounds,
            )
        with voila() as site:
            survey = measure(
                browser,
                f"{site.url}voila/render/03_park_survey.ipynb",
                OURS,
                labels,
                args.rounds,
            )
            static = measure(
                browser,
                f"{site.url}voila/files/_site/03_park_survey.html",
                OURS,
                labels,
                args.rounds,
            )
        browser.close()

    (base_median, base_p95), (median, p95) = median_p95(baseline), median_p95(survey)
    static_median, static_p95 = median_p95(static)
    first_pass = statistics.median(survey[: len(labels)])
    rows = [
        "| Page | Selections | Median (ms) | p95 (ms) | Median / baseline |",
        "| --- | --- | --- | --- | --- |",
        f"| Baseline: one widget echo | {len(baseline)} | {base_median:.0f} | {base_p95:.0f} "
        "| 1.00 |",
        f"| Survey chapter in the app, every park table and chart | {len(survey)} "
        f"| {median:.0f} | {p95:.0f} | {median / base_median:.2f} |",
        f"| Survey chapter in the static edition | {len(static)} | {static_median:.0f} "
        f"| {static_p95:.0f} | {static_median / base_median:.2f} |",
    ]
    text = "\n".join(
        [
            "Selection to settled page (the page says which park it shows, every table and",
            "the chart style are updated, and two frames have painted), measured inside",
            "Chromium; every view was prepared in Python and the browser switches between",
            f"them, without a kernel. First pass in the app: median {first_pass:.0f} ms.",
            "Target: at most 50 ms.",
            "",
            *rows,
        ]
    )
    publish("Park filter latency", text, write=not args.no_write)
    return {"baseline": baseline, "survey": survey, "static": static}


if __name__ == "__main__":
    main()
