"""Readers a few seconds apart: page settle time of every chapter, against plain Voila.

Run with ``.venv/bin/python -m benchmarks.page_settle`` (``make bench`` runs all).

After a warm-up (each chapter opened once, not counted), each chapter is opened
``--rounds`` times in a fresh browser context, in Chromium, readers arriving ``--pause``
seconds apart (2 s: close enough that a chapter's preheated pool is not always refilled
between them), on the site as ``make app`` serves it and on plain ``voila notebooks/``
with Voila's defaults, in the same run.  Settle time: from navigation to the page's last
change (see :func:`benchmarks.pages.settle_ms`).
"""

from __future__ import annotations

import argparse
import time

from playwright.sync_api import sync_playwright

from helpers.display.navigation import CHAPTERS
from tools.voila_server import CHROMIUM, CHROMIUM_ARGS, voila

from .pages import MANY_READERS, TRACK_CHANGES, median_p95, settle_ms
from .report import publish


def measure(browser, base_url: str, rounds: int, pause: float) -> dict[str, list[float]]:
    timings: dict[str, list[float]] = {c.stem: [] for c in CHAPTERS}
    for round_number in range(rounds + 1):  # round 0 warms up, it is not counted
        for chapter in CHAPTERS:
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            context.add_init_script(TRACK_CHANGES)
            page = context.new_page()
            settled = settle_ms(page, f"{base_url}voila/render/{chapter.filename}")
            if round_number:
                timings[chapter.stem].append(settled)
            context.close()
            time.sleep(pause)
    return timings


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--pause", type=float, default=2.0, help="seconds between readers")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        with voila(MANY_READERS) as site:
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
            f"quiet for half a second), {args.rounds} loads of every chapter in Chromium after "
            f"a warm-up, readers {args.pause:g} s apart. This site: `make app` (preheated "
            "kernels replaying the view cache). Plain Voila: `voila notebooks/` with its "
            "defaults, same notebooks, same run.",
            "Targets: median at most 1.0 s, and at most 0.4 x plain Voila.",
            "",
            *rows,
        ]
    )
    publish("Readers 2 s apart", text, write=not args.no_write)


if __name__ == "__main__":
    main()
