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
  on the server's own two cores, where the browsers' work dominates.  Its baselines are
  the same crowd reading the static edition from a plain file server (no kernel at all),
  and the same crowd against the app giving every reader a kernel of its own, as Voila
  does (``--ReaderSite.share_pages=False``; the site sends every reader the page drawn
  once, app/shared_pages.py).

Baselines, same run: one reader alone.  Also reported: resident memory of the kernels
(one per chapter, each having drawn its chapter) and of the whole server with the crowd
connected; the kernels left once the readers have gone and the idle timeout has passed;
the server's memory then.
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
    rss_mb,
    static_server,
    voila,
)

from .pages import MANY_READERS, arrivals, median_p95, read
from .report import publish

IDLE_TIMEOUT_S = 20  # the site's is 120 s; shortened so release is seen within the run
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


async def each_chapter(browser, url: str, timeout_s: float) -> dict[str, list[str]]:
    """Each chapter read once, alone (a warm-up): the files its page loads, by chapter."""
    assets = {}
    for chapter in CHAPTERS:
        _, _, context = await read(browser, f"{url}voila/render/{chapter.filename}", timeout_s)
        assets[chapter.stem] = [
            asset
            for asset in await context.pages[0].evaluate(ASSETS)
            if "/api/" not in asset and "/voila/query/" not in asset
        ]
        await leave(context)
    return assets


async def browsers_crowd(browser, url: str, pattern: str, stems, moments, timeout_s: float):
    """The crowd in one Chromium: each reader's settle time (ms) or None, and errors."""
    results = await asyncio.gather(
        *(
            read(browser, url + pattern.format(stem), timeout_s, delay)
            for stem, delay in zip(stems, moments, strict=True)
        )
    )
    for _, _, context in results:
        await leave(context)
    settle = [ms for ms, _, _ in results if ms is not None]
    return settle, [e for _, errs, _ in results for e in errs]


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
            assets = await each_chapter(browser, site.url, timeout_s)  # also warms up
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
            # One kernel per chapter, each having drawn its chapter (no reader holds one).
            chapter_kernels = [rss_mb(child) for child in children(site.pid)]

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
            settle, errors = await browsers_crowd(
                browser, site.url, "voila/render/{}.ipynb", stems, moments, timeout_s
            )
            deadline = time.monotonic() + IDLE_TIMEOUT_S + 60
            while len(children(site.pid)) > idle_kernels and time.monotonic() < deadline:
                await asyncio.sleep(1)
            await asyncio.sleep(5)
            left = len(children(site.pid))
            _, after_total = server_memory(site.pid)

        # Baseline: the same crowd, each reader given a kernel of its own (plain Voila's way).
        with voila(*options, "--ReaderSite.share_pages=False") as site:
            await asyncio.sleep(30)
            await each_chapter(browser, site.url, timeout_s)
            await asyncio.sleep(IDLE_TIMEOUT_S + 10)
            kernel_each_settle, _ = await browsers_crowd(
                browser, site.url, "voila/render/{}.ipynb", stems, moments, timeout_s
            )

        # Baseline for the browsers: the same crowd on the static edition, no kernel.
        with static_server(ROOT / "notebooks" / "_site") as static:
            static_settle, _ = await browsers_crowd(
                browser, static, "{}.html", stems, moments, timeout_s
            )
        await browser.close()
    return {
        "alone_browser": alone_browser,
        "alone_server": alone_server,
        "own_devices": own_devices,
        "chapter_kernels": chapter_kernels,
        "settle": settle,
        "kernel_each_settle": kernel_each_settle,
        "static_settle": static_settle,
        "errors": errors,
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
    b50, b95 = median_p95(r["settle"])
    f50, f95 = median_p95(r["static_settle"])
    k50, k95 = median_p95(r["kernel_each_settle"])
    kernels = sorted(r["kernels"])
    sizes = r["chapter_kernels"]
    text = "\n".join(
        [
            f"{args.readers} readers arrive at random moments within {args.window:g} s (seed "
            f"{args.seed}), each opening a chapter (round-robin), after a warm-up, against "
            "`make app` on loopback. Idle kernels are released after "
            f"{IDLE_TIMEOUT_S} s here (120 s on the site), so the release is seen in the run.",
            "Targets: all served, p95 time to full page at most 5 s; a reader's kernel at "
            "most 100 MB (the site gives readers none: each chapter is drawn once, by one "
            "kernel, and that page sent to every reader); kernels released and the server "
            "back to its idle memory after.",
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
            "the server's two cores. Baselines: the app giving every reader a kernel of its "
            "own, as Voila does (`--ReaderSite.share_pages=False`: each page handed out "
            "starts a replacement kernel on the same cores), and the static edition from a "
            "plain file server (no kernel).",
            "",
            "| Measure | The app | A kernel per reader | Static edition |",
            "| --- | --- | --- | --- |",
            f"| Pages served | {len(r['settle'])} of {args.readers} "
            f"| {len(r['kernel_each_settle'])} of {args.readers} "
            f"| {len(r['static_settle'])} of {args.readers} |",
            f"| Time to full page p50 / p95 (s) | {b50 / 1000:.2f} / {b95 / 1000:.2f} "
            f"| {k50 / 1000:.2f} / {k95 / 1000:.2f} | {f50 / 1000:.2f} / {f95 / 1000:.2f} |",
            f"| p95 / static edition's | {b95 / f95:.2f} | {k95 / f95:.2f} | 1.00 |",
            f"| Errors (the app) | {len(r['errors'])} | | |",
            "",
            "**Memory and release.**",
            "",
            "| Measure | Value |",
            "| --- | --- |",
            "| Kernels given to readers | none: every reader is sent the page drawn once |",
            f"| A chapter's kernel, {len(sizes)} (one per chapter, each having drawn its "
            f"chapter): min / max (MB) | {min(sizes):.0f} / {max(sizes):.0f} |",
            f"| Whole server with the crowd connected, {len(kernels)} kernels (MB) "
            f"| {r['crowd_total']:.0f} |",
            f"| Whole server idle before, {r['idle_kernels']} preheated kernels (MB) "
            f"| {r['idle_total']:.0f} |",
            f"| Whole server after the readers left and kernels were released (MB) "
            f"| {r['after_total']:.0f} |",
            f"| Kernels left after release | {r['left']} (preheated: {r['idle_kernels']}) |",
        ]
    )
    if r["errors"]:
        text += "\n\nErrors:\n" + "\n".join(f"- {e}" for e in r["errors"][:10])
    publish("A crowd: 20 readers within 10 s", text, write=not args.no_write)
    return r


if __name__ == "__main__":
    main()
