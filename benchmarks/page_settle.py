"""Page settle time of every chapter: this site against plain Voila, in the same run.

Run with ``.venv/bin/python -m benchmarks.page_settle`` (``make bench`` runs all).

Each chapter is opened ``--rounds`` times in a fresh browser context, in Chromium, on the
site as ``make app`` serves it (preheated kernels, its template) and on plain ``voila
notebooks/`` with Voila's defaults.  Settle time: from navigation to the page's last
change (see :func:`benchmarks.pages.settle_ms`).  Between loads the benchmark waits
``--pause`` seconds, so a preheated pool can refill as it would between readers.
"""

from __future__ import annotations

import argparse
import time

from playwright.sync_api import sync_playwright

from helpers.navigation import CHAPTERS
from tools.voila_server import CHROMIUM, CHROMIUM_ARGS, voila

from .pages import TRACK_CHANGES, median_p95, settle_ms
from .report import publish


def measure(browser, base_url: str, rounds: int, pause: float) -> dict[str, list[float]]:
    timings: dict[str, list[float]] = {c.stem: [] for c in CHAPTERS}
    for _ in range(rounds):
        for chapter in CHAPTERS:
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            context.add_init_script(TRACK_CHANGES)
            page = context.new_page()
            timings[chapter.stem].append(
                settle_ms(page, f"{base_url}voila/render/{chapter.filename}")
            )
            context.close()
            time.sleep(pause)
    return timings


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--pause", type=float, default=6.0, help="seconds between loads")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        with voila() as site:
            time.sleep(20)  # let the preheated pools fill
            ours = measure(browser, site.url, args.rounds, args.pause)
        with voila(site_config=False) as plain:
            theirs = measure(browser, plain.url, args.rounds, args.pause)
        browser.close()

    rows = [
        "| Chapter | This site: median (s) | p95 (s) | Plain Voila: median (s) | p95 (s) | Ratio |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    all_ours, all_theirs = [], []
    for chapter in CHAPTERS:
        (m, p), (pm, pp) = median_p95(ours[chapter.stem]), median_p95(theirs[chapter.stem])
        all_ours += ours[chapter.stem]
        all_theirs += theirs[chapter.stem]
        rows.append(
            f"| {chapter.title} | {m / 1000:.2f} | {p / 1000:.2f} | {pm / 1000:.2f} "
            f"| {pp / 1000:.2f} | {m / pm:.2f} |"
        )
    (m, p), (pm, pp) = median_p95(all_ours), median_p95(all_theirs)
    rows.append(
        f"| **All chapters** | **{m / 1000:.2f}** | {p / 1000:.2f} | **{pm / 1000:.2f}** "
        f"| {pp / 1000:.2f} | **{m / pm:.2f}** |"
    )
    text = "\n".join(
        [
            "Navigation until the page stops changing (its last change, once it has been",
            f"quiet for half a second), {args.rounds} loads of every chapter in Chromium, "
            f"{args.pause:g} s apart. This site: preheated kernels and its template. Plain "
            "Voila: `voila notebooks/` with its defaults, same notebooks, same run.",
            "Targets: median at most 1.2 s, and at most 0.5 x plain Voila.",
            "",
            *rows,
        ]
    )
    publish("Page settle time", text, write=not args.no_write)


if __name__ == "__main__":
    main()
