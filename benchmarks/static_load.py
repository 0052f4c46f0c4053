"""The static edition under a crowd: 100 readers within a minute, from a plain file server.

Run with ``.venv/bin/python -m benchmarks.static_load`` (``make bench`` runs all).

The static edition (``make site``) needs no kernel: any static host or CDN can serve it,
which is the path for an audience larger than one machine.  Python's own file server on
loopback stands in for the host.  ``--readers`` readers arrive at random moments within
``--window`` seconds (fixed seed), each opening a chapter (round-robin).  Two views:

* the host: each reader fetches every file of the page (HTTP only, as a browser would on
  an empty cache), timed to the last byte;
* the reader: each opens the page in its own context of one Chromium, uses a filter and
  leaves.  Every page then renders on this machine's two cores at once, which a crowd of
  real readers (each on a device of their own) would not: this is the browser's load.

Baseline, same run: one reader alone.
"""

from __future__ import annotations

import argparse
import asyncio
import re
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

from playwright.async_api import async_playwright

from helpers.display.navigation import CHAPTERS
from tools.voila_server import CHROMIUM, CHROMIUM_ARGS, ROOT, static_server

from .pages import arrivals, crowd_rows, median_p95, read
from .report import publish

SITE = ROOT / "notebooks" / "_site"
# The files a page loads: scripts and styles it names (the rest is inline).
_ASSET = re.compile(r'(?:src|href)="(static/[^"]+\.(?:js|css))"')


async def use_a_filter(page) -> None:
    select = page.locator(".tp-chooser select").first
    if await select.count():
        options = await select.locator("option").evaluate_all("os => os.map(o => o.value)")
        await select.select_option(options[-1])


def fetch_page(base: str, name: str, delay: float = 0.0) -> float:
    """Seconds to fetch a page and every script and style it names, as a browser would."""
    time.sleep(delay)
    started = time.monotonic()
    with urllib.request.urlopen(f"{base}{name}", timeout=60) as response:
        html = response.read().decode("utf-8")
    for asset in dict.fromkeys(_ASSET.findall(html)):
        with urllib.request.urlopen(f"{base}{asset}", timeout=60) as response:
            response.read()
    return time.monotonic() - started


def host(base: str, readers: int, window_s: float, seed: int) -> tuple[float, list[float]]:
    """One reader's fetch alone, then every reader's in the crowd (seconds)."""
    alone = fetch_page(base, "03_park_survey.html")
    pages = [f"{CHAPTERS[i % len(CHAPTERS)].stem}.html" for i in range(readers)]
    with ThreadPoolExecutor(readers) as pool:
        crowd = list(
            pool.map(fetch_page, [base] * readers, pages, arrivals(readers, window_s, seed))
        )
    return alone, crowd


async def browsers(base: str, readers: int, window_s: float, seed: int, timeout_s: float):
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for chapter in CHAPTERS:  # warm-up
            *_, context = await read(browser, f"{base}{chapter.stem}.html", timeout_s)
            await context.close()
        alone, _, context = await read(browser, f"{base}03_park_survey.html", timeout_s)
        await context.close()

        async def reader(url: str, delay: float):
            result = await read(browser, url, timeout_s, delay, then=use_a_filter)
            await result[2].close()  # the reader leaves
            return result

        urls = [f"{base}{CHAPTERS[i % len(CHAPTERS)].stem}.html" for i in range(readers)]
        moments = arrivals(readers, window_s, seed)
        results = await asyncio.gather(
            *(reader(url, delay) for url, delay in zip(urls, moments, strict=True))
        )
        await browser.close()
    return alone, results


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--readers", type=int, default=100)
    parser.add_argument("--window", type=float, default=60.0, help="seconds they arrive in")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per page")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    with static_server(SITE) as base:
        fetch_alone, fetches = host(base, args.readers, args.window, args.seed)
        alone, results = asyncio.run(
            browsers(base, args.readers, args.window, args.seed, args.timeout)
        )
    f50, f95 = median_p95(fetches)
    settle = [ms for ms, _, _ in results if ms is not None]
    errors = [e for _, errs, _ in results for e in errs]
    text = "\n".join(
        [
            f"{args.readers} readers arrive at random moments within {args.window:g} s (seed "
            f"{args.seed}) at the static edition, served by Python's file server on loopback "
            "(standing in for a static host); each opens a chapter (round-robin). No kernel "
            "is involved. Baseline: one reader alone, same run.",
            "",
            "The host: every file of the page fetched over HTTP (an empty cache).",
            "",
            "| Measure | Value |",
            "| --- | --- |",
            f"| Pages fetched | {len(fetches)} of {args.readers} |",
            f"| Time to the last byte p50 / p95 (s) | {f50:.3f} / {f95:.3f} |",
            f"| One reader alone (s) | {fetch_alone:.3f} |",
            f"| p95 in the crowd / alone | {f95 / fetch_alone:.1f} |",
            "",
            "The readers: each page drawn in its own context of one Chromium, a filter used, "
            "then left. All of them draw on this machine's two cores at once (real readers "
            "each have a device of their own), so this measures the browser's load.",
            "",
            *crowd_rows(settle, errors, args.readers, alone or 1),
        ]
    )
    if errors:
        text += "\n\nErrors:\n" + "\n".join(f"- {e}" for e in errors[:10])
    publish("The static edition: 100 readers within a minute", text, write=not args.no_write)
    return {"fetches": fetches, "settle": settle, "errors": errors}


if __name__ == "__main__":
    main()
