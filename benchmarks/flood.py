"""A flood of page requests: what the site answers, its memory, and the next reader's wait.

Run with ``.venv/bin/python -m benchmarks.flood`` (``make bench`` runs all).

Two floods of 50 page requests spread over 5 s, by a script (no browser: the pages are
never opened, so their kernels are never claimed): one from a single address, one from
50 addresses (127.0.0.10-59 on loopback, as a distributed flood would come).  Reported
for each: the answers (page, "too many from one address" 429, "busy" 503), the time to
the slowest answer, the server's peak memory, and then a reader from another address:
time to the full survey chapter.  Baseline, same run: that reader before any flood.
"""

from __future__ import annotations

import argparse
import time
from concurrent.futures import ThreadPoolExecutor

from playwright.sync_api import sync_playwright

from helpers.display.navigation import CHAPTERS
from tools.visitor import raw_get
from tools.voila_server import CHROMIUM, CHROMIUM_ARGS, children, rss_mb, voila

from .pages import SETTLED, TRACK_CHANGES
from .report import publish

REQUESTS, SPREAD_S = 50, 5.0


def flood(url: str, sources: list[str]) -> tuple[list[int], float, float]:
    """Send the requests; return their statuses, the slowest answer (s), peak memory (MB)."""

    def one(index: int) -> tuple[int, float]:
        time.sleep(index * SPREAD_S / REQUESTS)
        started = time.monotonic()
        path = f"/voila/render/{CHAPTERS[index % len(CHAPTERS)].filename}"
        status, _, _ = raw_get(url, path, source=sources[index % len(sources)], timeout=120)
        return status, time.monotonic() - started

    peak = 0.0
    with ThreadPoolExecutor(REQUESTS) as pool:
        futures = [pool.submit(one, i) for i in range(REQUESTS)]
        while not all(f.done() for f in futures):
            peak = max(peak, memory_mb(url))
            time.sleep(0.25)
        results = [f.result() for f in futures]
    return [s for s, _ in results], max(t for _, t in results), peak


_PIDS: dict[str, int] = {}


def memory_mb(url: str) -> float:
    pid = _PIDS[url]
    return rss_mb(pid) + sum(rss_mb(child) for child in children(pid))


def reader(browser, url: str) -> tuple[float, int]:
    """A reader opening the survey chapter, reloading every 5 s while the site says it is
    busy: (seconds to the full page from the first try, busy pages seen)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(TRACK_CHANGES)
    page = context.new_page()
    started, busy = time.monotonic(), 0
    try:
        while time.monotonic() - started < 180:
            response = page.goto(f"{url}voila/render/03_park_survey.ipynb", wait_until="commit")
            if response.status == 200:
                page.wait_for_function(SETTLED, timeout=120_000, polling=100)
                return time.monotonic() - started, busy
            busy += 1
            time.sleep(5)
        return float("nan"), busy
    finally:
        context.close()


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    scenarios = {
        "one address": ["127.0.0.2"],
        "50 addresses": [f"127.0.0.{10 + i}" for i in range(REQUESTS)],
    }
    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for name, sources in scenarios.items():
            with voila() as site:
                _PIDS[site.url] = site.pid
                time.sleep(25)  # preheated pools fill
                idle = memory_mb(site.url)
                baseline, _ = reader(browser, site.url)
                time.sleep(5)
                statuses, slowest, peak = flood(site.url, sources)
                after, busy = reader(browser, site.url)
            rows.append(
                f"| {name} | {statuses.count(200)} / {statuses.count(429)} / "
                f"{statuses.count(503)} | {slowest:.1f} | {idle:.0f} / {peak:.0f} "
                f"| {baseline:.2f} | {after:.2f} ({busy} busy page{'' if busy == 1 else 's'} "
                "first) |"
            )
        browser.close()
    text = "\n".join(
        [
            f"{REQUESTS} page requests over {SPREAD_S:g} s by a script that never opens the "
            "pages, against the site as `make app` serves it (kernel budget 64, 20 pages a "
            "minute per address, kernels no page holds released after 20 s). Then a reader "
            "from another address opens the survey chapter in Chromium, reloading every 5 s "
            'while the site answers "busy". Baseline: the same reader before the flood, '
            "same run.",
            "Targets: every request answered within 60 s, server memory at most 5 GB, the "
            "reader served in at most 5 s (a flood from one address).",
            "",
            "| Flood from | Pages / 429 / 503 | Slowest answer (s) | Server MB idle / peak "
            "| Reader before (s) | Reader after (s) |",
            "| --- | --- | --- | --- | --- | --- |",
            *rows,
        ]
    )
    publish("A flood of page requests", text, write=not args.no_write)
    return {"rows": rows}


if __name__ == "__main__":
    main()
