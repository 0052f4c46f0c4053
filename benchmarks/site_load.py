"""A crowd: 20 readers arriving within 10 s; kernels' memory; release afterwards.

Run with ``.venv/bin/python -m benchmarks.site_load`` (``make bench`` runs all).

A bounded run over loopback only, against the site as ``make app`` serves it.  After a
warm-up, ``--readers`` readers arrive at random moments within ``--window`` seconds (a
burst, drawn with a fixed seed; not a spacing chosen to let pools refill), each opening
a chapter (round-robin) in its own browser context, and are timed to the full page
(settled: see :mod:`benchmarks.pages`).  Baseline, same server, same run: one reader
alone.  Also reported: resident memory of a reader's kernel (each chapter) and of the
whole server with the crowd connected; the kernels left once the readers have gone and
the idle timeout has passed; the server's memory then, against its idle level before.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import time

from playwright.async_api import async_playwright

from helpers.navigation import CHAPTERS
from tools.voila_server import CHROMIUM, CHROMIUM_ARGS, children, rss_mb, voila

from .pages import QUIET_MS, TRACK_CHANGES, median_p95
from .report import publish

SETTLED = f"""() => document.querySelector('.tp-chapter-nav')
    && !document.body.innerText.includes('Loading widget')
    && performance.now() - window.__tpLastChange > {QUIET_MS}"""
IDLE_TIMEOUT_S = 20  # the site's is 120 s; shortened so release is seen within the run


def arrivals(readers: int, window_s: float, seed: int) -> list[float]:
    """Arrival moments (seconds from the start) of a burst of readers."""
    draw = random.Random(seed)
    return sorted(draw.uniform(0, window_s) for _ in range(readers))


async def read(browser, url: str, timeout_s: float, delay: float = 0.0):
    """One reader arriving after ``delay``: (ms to settled page or None, errors, context)."""
    await asyncio.sleep(delay)
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    await context.add_init_script(TRACK_CHANGES)
    page = await context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        await page.goto(url, wait_until="commit", timeout=timeout_s * 1000)
        await page.wait_for_function(SETTLED, timeout=timeout_s * 1000, polling=100)
        return await page.evaluate("window.__tpLastChange"), errors, context
    except Exception as error:  # a timeout or a failed load counts as an error
        errors.append(f"{type(error).__name__}: {str(error).splitlines()[0]}")
        return None, errors, context


async def leave(context) -> None:
    """A reader leaves as a browser does: the page unloads, its websocket closes."""
    for page in context.pages:
        await page.goto("about:blank")
    await context.close()


def server_memory(pid: int) -> tuple[list[float], float]:
    """Resident MB of each kernel of the server ``pid``, and of the server with them."""
    kernels = [rss_mb(child) for child in children(pid)]
    return kernels, rss_mb(pid) + sum(kernels)


async def kernel_of_each_chapter(browser, site, timeout_s: float) -> dict[str, float]:
    """Resident MB of a reader's kernel for each chapter (the kernel the page was given)."""
    sizes: dict[str, float] = {}
    for chapter in CHAPTERS:
        before = set(children(site.pid))
        _, _, context = await read(browser, f"{site.url}voila/render/{chapter.filename}", timeout_s)
        page = context.pages[0]
        kernel_id = await page.evaluate(
            "() => document.documentElement.innerHTML.match(/kernelId.{0,4}([0-9a-f-]{36})/)[1]"
        )
        pid = next(
            (p for p in set(children(site.pid)) | before if _runs_kernel(p, kernel_id)), None
        )
        sizes[chapter.title] = rss_mb(pid) if pid else float("nan")
        await leave(context)
    return sizes


def _runs_kernel(pid: int, kernel_id: str) -> bool:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as handle:
            return f"kernel-{kernel_id}.json".encode() in handle.read()
    except OSError:
        return False


async def run(readers: int, window_s: float, seed: int, timeout_s: float) -> dict:
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        options = [
            f"--MappingKernelManager.cull_idle_timeout={IDLE_TIMEOUT_S}",
            "--MappingKernelManager.cull_interval=2",
        ]
        with voila(*options) as site:
            await asyncio.sleep(25)  # preheated pools fill
            idle_kernels = len(children(site.pid))
            _, idle_total = server_memory(site.pid)
            per_chapter = await kernel_of_each_chapter(browser, site, timeout_s)
            # Warm-up and baseline: one reader alone, each chapter, the survey timed.
            for chapter in CHAPTERS:
                _, _, context = await read(
                    browser, f"{site.url}voila/render/{chapter.filename}", timeout_s
                )
                await leave(context)
            await asyncio.sleep(15)
            alone, _, context = await read(
                browser, f"{site.url}voila/render/03_park_survey.ipynb", timeout_s
            )
            await leave(context)
            await asyncio.sleep(15)  # pools refill

            moments = arrivals(readers, window_s, seed)
            urls = [
                f"{site.url}voila/render/{CHAPTERS[i % len(CHAPTERS)].filename}"
                for i in range(readers)
            ]
            started = time.monotonic()
            results = await asyncio.gather(
                *(
                    read(browser, url, timeout_s, delay)
                    for url, delay in zip(urls, moments, strict=True)
                )
            )
            elapsed = time.monotonic() - started
            kernels, crowd_total = server_memory(site.pid)
            for _, _, context in results:
                await leave(context)
            deadline = time.monotonic() + IDLE_TIMEOUT_S + 60
            while len(children(site.pid)) > idle_kernels and time.monotonic() < deadline:
                await asyncio.sleep(1)
            await asyncio.sleep(5)
            left = len(children(site.pid))
            _, after_total = server_memory(site.pid)
        await browser.close()
    return {
        "alone": alone,
        "per_chapter": per_chapter,
        "settle": [ms for ms, _, _ in results if ms is not None],
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
    result = asyncio.run(run(args.readers, args.window, args.seed, args.timeout))

    served = len(result["settle"])
    p50, p95 = median_p95(result["settle"]) if served else (float("nan"), float("nan"))
    kernels = sorted(result["kernels"])
    k50, kmax = median_p95(kernels)[0], kernels[-1]
    alone = result["alone"] or float("nan")
    sizes = result["per_chapter"].values()
    text = "\n".join(
        [
            f"{args.readers} readers arrive at random moments within {args.window:g} s (seed "
            f"{args.seed}), each opening a chapter (round-robin) in its own context of one "
            "Chromium, over loopback, after a warm-up; time to the settled page. Baseline: "
            "one reader alone, same server, same run. Idle kernels are released after "
            f"{IDLE_TIMEOUT_S} s here (120 s on the site), so the release is seen in the run.",
            "Targets: all served, p95 at most 5 s; a reader's kernel at most 100 MB; kernels "
            "released and the server back to its idle memory after the crowd.",
            "",
            "| Measure | Value |",
            "| --- | --- |",
            f"| Pages served | {served} of {args.readers} |",
            f"| Errors | {len(result['errors'])} |",
            f"| Time to full page p50 / p95 (s) | {p50 / 1000:.2f} / {p95 / 1000:.2f} |",
            f"| One reader alone, survey chapter (s) | {alone / 1000:.2f} |",
            f"| p95 in the crowd / alone | {p95 / alone:.1f} |",
            f"| Whole crowd, first arrival to last page (s) | {result['elapsed']:.1f} |",
            f"| Reader's kernel, by chapter: min / max (MB) | {min(sizes):.0f} / "
            f"{max(sizes):.0f} |",
            f"| Kernels during the crowd: median / max (MB) | {k50:.0f} / {kmax:.0f} |",
            f"| Whole server with the crowd, {len(kernels)} kernels (MB) "
            f"| {result['crowd_total']:.0f} |",
            f"| Whole server idle before, {result['idle_kernels']} preheated kernels (MB) "
            f"| {result['idle_total']:.0f} |",
            f"| Whole server after the crowd left and kernels were released (MB) "
            f"| {result['after_total']:.0f} |",
            f"| Kernels left after release | {result['left']} (preheated: "
            f"{result['idle_kernels']}) |",
        ]
    )
    text += "\n\nResident memory of a reader's kernel, by chapter (MB):\n\n"
    text += "| Chapter | Kernel (MB) |\n| --- | --- |\n"
    text += "\n".join(f"| {title} | {mb:.0f} |" for title, mb in result["per_chapter"].items())
    if result["errors"]:
        text += "\n\nErrors:\n" + "\n".join(f"- {e}" for e in result["errors"][:10])
    publish("A crowd: 20 readers within 10 s", text, write=not args.no_write)
    return result


if __name__ == "__main__":
    main()
