"""The static edition under a crowd: 100 readers within a minute, from a plain file server.

Run with ``.venv/bin/python -m benchmarks.static_load`` (``make bench`` runs all).

The static edition (``make site``) needs no kernel: any static host or CDN can serve it,
which is the path for an audience larger than one machine.  Here Python's own file
server on loopback stands in for the host.  ``--readers`` readers arrive at random moments
within ``--window`` seconds (fixed seed), each opening a chapter (round-robin) in its own
browser context and choosing a filter value once the page has settled, then leaving.
Baseline, same run: one reader alone.
"""

from __future__ import annotations

import argparse
import asyncio
import subprocess
import sys
import time

from playwright.async_api import async_playwright

from helpers.navigation import CHAPTERS
from tools.voila_server import CHROMIUM, CHROMIUM_ARGS, ROOT, free_port, wait_until_serving

from .pages import TRACK_CHANGES, median_p95
from .report import publish
from .site_load import SETTLED, arrivals

SITE = ROOT / "notebooks" / "_site"


async def read(browser, url: str, timeout_s: float, delay: float = 0.0):
    """One reader: (ms to the settled page or None, errors); then the reader leaves."""
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
        select = page.locator(".tp-chooser select").first
        if await select.count():  # a chapter with a filter: use it once
            options = await select.locator("option").evaluate_all("os => os.map(o => o.value)")
            await select.select_option(options[-1])
        return settled, errors
    except Exception as error:
        errors.append(f"{type(error).__name__}: {str(error).splitlines()[0]}")
        return None, errors
    finally:
        await context.close()


async def run(readers: int, window_s: float, seed: int, timeout_s: float) -> dict:
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "http.server",
            str(port),
            "--bind",
            "127.0.0.1",
            "--directory",
            str(SITE),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        wait_until_serving(f"{base}index.html", server)
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for chapter in CHAPTERS:  # warm-up
                await read(browser, f"{base}{chapter.stem}.html", timeout_s)
            alone, _ = await read(browser, f"{base}03_park_survey.html", timeout_s)
            urls = [f"{base}{CHAPTERS[i % len(CHAPTERS)].stem}.html" for i in range(readers)]
            started = time.monotonic()
            results = await asyncio.gather(
                *(
                    read(browser, url, timeout_s, delay)
                    for url, delay in zip(urls, arrivals(readers, window_s, seed), strict=True)
                )
            )
            elapsed = time.monotonic() - started
            await browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
    return {
        "alone": alone,
        "settle": [ms for ms, _ in results if ms is not None],
        "errors": [e for _, errs in results for e in errs],
        "elapsed": elapsed,
    }


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--readers", type=int, default=100)
    parser.add_argument("--window", type=float, default=60.0, help="seconds they arrive in")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per page")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    result = asyncio.run(run(args.readers, args.window, args.seed, args.timeout))

    served = len(result["settle"])
    p50, p95 = median_p95(result["settle"]) if served else (float("nan"), float("nan"))
    alone = result["alone"] or float("nan")
    text = "\n".join(
        [
            f"{args.readers} readers arrive at random moments within {args.window:g} s (seed "
            f"{args.seed}) at the static edition, served by Python's file server on loopback "
            "(standing in for a static host); each opens a chapter (round-robin) in its own "
            "context of one Chromium, uses a filter, and leaves. Baseline: one reader alone, "
            "same run. No kernel is involved.",
            "",
            "| Measure | Value |",
            "| --- | --- |",
            f"| Pages served | {served} of {args.readers} |",
            f"| Errors | {len(result['errors'])} |",
            f"| Time to full page p50 / p95 (s) | {p50 / 1000:.2f} / {p95 / 1000:.2f} |",
            f"| One reader alone, survey chapter (s) | {alone / 1000:.2f} |",
            f"| p95 in the crowd / alone | {p95 / alone:.1f} |",
            f"| Whole run (s) | {result['elapsed']:.1f} |",
        ]
    )
    if result["errors"]:
        text += "\n\nErrors:\n" + "\n".join(f"- {e}" for e in result["errors"][:10])
    publish("The static edition: 100 readers within a minute", text, write=not args.no_write)
    return result


if __name__ == "__main__":
    main()
