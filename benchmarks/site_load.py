"""A crowd: 20 readers arriving within 10 s; kernels' memory; release afterwards.

Run with ``.venv/bin/python -m benchmarks.site_load`` (``make bench`` runs all).

A bounded run over loopback only, against the site as ``make app`` serves it.  After a
warm-up, ``--readers`` readers arrive at random moments within ``--window`` seconds (a
burst, drawn with a fixed seed; never spaced to let pools refill), each opening a chapter
(round-robin).  Two views of the same crowd:

* **readers on their own devices**: each reader does over the network exactly what its
  browser does (the page and every file it loads; the page opens no websocket), timed
  until the server has delivered all of it; the time the browser then needs to draw the
  page is measured once, alone, and added;
* **every reader's browser on this machine**: the crowd in one Chromium (a context each)
  on the server's own two cores, where the browsers' work dominates.  Its baseline is the
  same crowd reading the static edition from a plain file server (no kernel at all).

Baselines, same run: one reader alone.  Also reported: resident memory of a reader's
kernel (each chapter) and of the whole server with the crowd connected; the kernels left
once the readers have gone and the idle timeout has passed; the server's memory then.
"""

from __future__ import annotations

import argparse
import asyncio
import time

from playwright.async_api import async_playwright
from tornado.httpclient import AsyncHTTPClient

from helpers.display.navigation import CHAPTERS
from tools.voila_server import (
    CHROMIUM,
    CHROMIUM_ARGS,
    ROOT,
    children,
    kernel_pids,
    rss_mb,
    static_server,
    voila,
)

from .pages import MANY_READERS, arrivals, median_p95, read
from .report import publish

IDLE_TIMEOUT_S = 20  # the site's is 120 s; shortened so release is seen within the run
KERNEL_ID = "() => document.documentElement.innerHTML.match(/kernelId.{0,4}([0-9a-f-]{36})/)[1]"
ASSETS = "() => performance.getEntriesByType('resource').map(r => r.name)"


async def leave(context) -> None:
    """A reader leaves as a browser does: the page unloads."""
    for page in context.pages:
        await page.goto("about:blank")
    await context.close()


def server_memory(pid: int) -> tuple[list[float], float]:
    """Resident MB of each kernel of the server ``pid``, and of the server with them."""
    kernels = [rss_mb(child) for child in children(pid)]
    return kernels, rss_mb(pid) + sum(kernels)


async def each_chapter(browser, site, timeout_s: float) -> tuple[dict, dict]:
    """For each chapter, alone: its reader's kernel (MB) and the files its page loads."""
    sizes, assets = {}, {}
    for chapter in CHAPTERS:
        _, _, context = await read(browser, f"{site.url}voila/render/{chapter.filename}", timeout_s)
        page = context.pages[0]
        pids = kernel_pids(await page.evaluate(KERNEL_ID))
        sizes[chapter.title] = rss_mb(pids[0]) if pids else float("nan")
        assets[chapter.stem] = [
            url
            for url in await page.evaluate(ASSETS)
            if "/api/" not in url and "/voila/query/" not in url
        ]
        await leave(context)
    return sizes, assets


async def fetch_like_a_browser(url: str, chapter: str, assets: list[str], delay: float = 0.0):
    """Seconds until the server has delivered a page and the files it loads."""
    await asyncio.sleep(delay)
    http = AsyncHTTPClient()
    started = time.monotonic()
    await http.fetch(f"{url}voila/render/{chapter}.ipynb", request_timeout=120)
    await asyncio.gather(*(http.fetch(asset, request_timeout=120) for asset in assets))
    return time.monotonic() - started


async def run(readers: int, window_s: float, seed: int, timeout_s: float) -> dict:
    AsyncHTTPClient.configure(None, max_clients=200)
    moments = arrivals(readers, window_s, seed)
    stems = [CHAPTERS[i % len(CHAPTERS)].stem for i in range(readers)]
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        options = [
            MANY_READERS,
            f"--MappingKernelManager.cull_idle_timeout={IDLE_TIMEOUT_S}",
            "--MappingKernelManager.cull_interval=2",
        ]
        with voila(*options) as site:
            await asyncio.sleep(30)  # preheated pools fill
            idle_kernels = len(children(site.pid))
            _, idle_total = server_memory(site.pid)
            per_chapter, assets = await each_chapter(browser, site, timeout_s)  # also warms up
            await asyncio.sleep(10)
            alone_browser, _, context = await read(
                browser, f"{site.url}voila/render/03_park_survey.ipynb", timeout_s
            )
            await leave(context)
            await asyncio.sleep(10)
            alone_server = await fetch_like_a_browser(
                site.url, "03_park_survey", assets["03_park_survey"]
            )
            await asyncio.sleep(IDLE_TIMEOUT_S + 10)  # pools refill, kernels released

            # Readers on their own devices: the server's part, the whole crowd.
            own_devices = await asyncio.gather(
                *(
                    fetch_like_a_browser(site.url, stem, assets[stem], delay)
                    for stem, delay in zip(stems, moments, strict=True)
                )
            )
            kernels, crowd_total = server_memory(site.pid)
            await asyncio.sleep(IDLE_TIMEOUT_S + 10)

            # Every reader's browser on this machine.
            started = time.monotonic()
            results = await asyncio.gather(
                *(
                    read(browser, f"{site.url}voila/render/{stem}.ipynb", timeout_s, delay)
                    for stem, delay in zip(stems, moments, strict=True)
                )
            )
            elapsed = time.monotonic() - started
            for _, _, context in results:
                await leave(context)
            deadline = time.monotonic() + IDLE_TIMEOUT_S + 60
            while len(children(site.pid)) > idle_kernels and time.monotonic() < deadline:
                await asyncio.sleep(1)
            await asyncio.sleep(5)
            left = len(children(site.pid))
            _, after_total = server_memory(site.pid)

        # Baseline for the browsers: the same crowd on the static edition, no kernel.
        with static_server(ROOT / "notebooks" / "_site") as static:
            static_results = await asyncio.gather(
                *(
                    read(browser, f"{static}{stem}.html", timeout_s, delay)
                    for stem, delay in zip(stems, moments, strict=True)
                )
            )
            for *_, context in static_results:
                await context.close()
        await browser.close()
    return {
        "alone_browser": alone_browser,
        "alone_server": alone_server,
        "own_devices": own_devices,
        "per_chapter": per_chapter,
        "settle": [ms for ms, _, _ in results if ms is not None],
        "static_settle": [ms for ms, _, _ in static_results if ms is not None],
        "errors": [e for _, errs, _ in results for e in errs],
        "elapsed": elapsed,
        "kernels": kernels,
        "crowd_total": crowd_total,
        "idle_total": idle_total,
        "after_total": after_total,
        "idle_kernels": idle_kernels,
        "left": left,
    }


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--readers", type=int, default=20)
    parser.add_argument("--window", type=float, default=10.0, help="seconds they arrive in")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per page")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    r = asyncio.run(run(args.readers, args.window, args.seed, args.timeout))

    draw_s = r["alone_browser"] / 1000 - r["alone_server"]  # the browser's own part, alone
    s50, s95 = median_p95(r["own_devices"])
    b50, b95 = median_p95(r["settle"]) if r["settle"] else (float("nan"),) * 2
    f50, f95 = median_p95(r["static_settle"]) if r["static_settle"] else (float("nan"),) * 2
    kernels = sorted(r["kernels"])
    sizes = r["per_chapter"].values()
    text = "\n".join(
        [
            f"{args.readers} readers arrive at random moments within {args.window:g} s (seed "
            f"{args.seed}), each opening a chapter (round-robin), after a warm-up, against "
            "`make app` on loopback. Idle kernels are released after "
            f"{IDLE_TIMEOUT_S} s here (120 s on the site), so the release is seen in the run.",
            "Targets: all served, p95 time to full page at most 5 s; a reader's kernel at "
            "most 100 MB; kernels released and the server back to its idle memory after.",
            "",
            "**Readers on their own devices.** Each reader fetches what its browser fetches "
            "(the page and its style sheets; the page opens no websocket); the time the "
            f"browser then needs to draw the page, measured alone ({draw_s:.2f} s), is added.",
            "",
            "| Measure | Value |",
            "| --- | --- |",
            f"| Pages served | {len(r['own_devices'])} of {args.readers} |",
            f"| Server's part p50 / p95 (s) | {s50:.2f} / {s95:.2f} |",
            f"| Server's part, one reader alone (s) | {r['alone_server']:.2f} |",
            f"| Time to full page p50 / p95 (s) | {s50 + draw_s:.2f} / {s95 + draw_s:.2f} |",
            f"| One reader alone, survey chapter, in Chromium (s) "
            f"| {r['alone_browser'] / 1000:.2f} |",
            "",
            "**Every reader's browser on this machine.** The same crowd in one Chromium on "
            "the server's two cores, which also start the kernels that replace those handed "
            "out. Baseline: the same crowd reading the static edition from a plain file "
            "server (no kernel).",
            "",
            "| Measure | The app | Static edition (baseline) |",
            "| --- | --- | --- |",
            f"| Pages served | {len(r['settle'])} of {args.readers} | "
            f"{len(r['static_settle'])} of {args.readers} |",
            f"| Time to full page p50 / p95 (s) | {b50 / 1000:.2f} / {b95 / 1000:.2f} "
            f"| {f50 / 1000:.2f} / {f95 / 1000:.2f} |",
            f"| p95, app / static edition | {b95 / f95:.2f} | 1.00 |",
            f"| Errors | {len(r['errors'])} | |",
            "",
            "**Memory and release.**",
            "",
            "| Measure | Value |",
            "| --- | --- |",
            f"| Reader's kernel, by chapter: min / max (MB) | {min(sizes):.0f} / "
            f"{max(sizes):.0f} |",
            f"| Whole server with the crowd connected, {len(kernels)} kernels (MB) "
            f"| {r['crowd_total']:.0f} |",
            f"| Whole server idle before, {r['idle_kernels']} preheated kernels (MB) "
            f"| {r['idle_total']:.0f} |",
            f"| Whole server after the readers left and kernels were released (MB) "
            f"| {r['after_total']:.0f} |",
            f"| Kernels left after release | {r['left']} (preheated: {r['idle_kernels']}) |",
        ]
    )
    text += "\n\nResident memory of a reader's kernel, by chapter (MB):\n\n"
    text += "| Chapter | Kernel (MB) |\n| --- | --- |\n"
    text += "\n".join(f"| {title} | {mb:.0f} |" for title, mb in r["per_chapter"].items())
    if r["errors"]:
        text += "\n\nErrors:\n" + "\n".join(f"- {e}" for e in r["errors"][:10])
    publish("A crowd: 20 readers within 10 s", text, write=not args.no_write)
    return r


if __name__ == "__main__":
    main()
