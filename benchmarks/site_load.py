"""Load and memory: 20 readers open chapters at once; kernels' memory; release afterwards.

Run with ``.venv/bin/python -m benchmarks.site_load`` (``make bench`` runs all).

A bounded run over loopback only: ``--readers`` browser contexts in one Chromium open the
chapters round-robin, all at once, against the site as ``make app`` serves it.  It stops by
itself: every page has ``--timeout`` seconds to settle, and the run ends when all have
settled or failed.  Reported: pages served, p50/p95 settle time, errors; resident memory
of each reader's kernel and of the whole server (Voila and its kernels) with every reader
connected; and the kernels left once the readers have gone.  The baseline, measured in
the same run, is one reader alone on the same server.
"""

from __future__ import annotations

import argparse
import asyncio
import time

from playwright.async_api import async_playwright

from helpers.navigation import CHAPTERS
from tools.voila_server import CHROMIUM, CHROMIUM_ARGS, voila

from .pages import QUIET_MS, TRACK_CHANGES, children, median_p95, rss_mb
from .report import publish

SETTLED = f"""() => document.querySelector('.tp-chapter-nav')
    && !document.body.innerText.includes('Loading widget')
    && performance.now() - window.__tpLastChange > {QUIET_MS}"""


async def leave(context) -> None:
    """A reader leaves as a browser does: the page unloads (Voila then shuts its kernel down)."""
    for page in context.pages:
        await page.goto("about:blank")
    await context.close()


async def read(browser, url: str, timeout_s: float) -> tuple[float | None, list[str], object]:
    """One reader: open ``url``, wait until it settles; return (ms, errors, context)."""
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    await context.add_init_script(TRACK_CHANGES)
    page = await context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        await page.goto(url, wait_until="commit", timeout=timeout_s * 1000)
        await page.wait_for_function(SETTLED, timeout=timeout_s * 1000, polling=200)
        return await page.evaluate("window.__tpLastChange"), errors, context
    except Exception as error:  # a timeout or a failed load counts as an error
        errors.append(f"{type(error).__name__}: {str(error).splitlines()[0]}")
        return None, errors, context


def memory(pid: int) -> tuple[list[float], float]:
    """Resident MB of each kernel of the server ``pid``, and of the server with its kernels."""
    kernels = [rss_mb(child) for child in children(pid)]
    return kernels, rss_mb(pid) + sum(kernels)


async def kernel_of_each_chapter(browser, site, timeout_s: float) -> dict[str, float]:
    """Resident MB of a kernel that has run each chapter, one chapter at a time.

    A reader is given the chapter's preheated kernel and Voila starts a new one that runs
    the same notebook to refill the pool: once it has run (after a pause), its memory is
    the memory of a reader's kernel for that chapter.
    """
    sizes: dict[str, float] = {}
    for chapter in CHAPTERS:
        before = set(children(site.pid))
        _, _, context = await read(browser, f"{site.url}voila/render/{chapter.filename}", timeout_s)
        await asyncio.sleep(10)  # the refill kernel runs the notebook
        refill = set(children(site.pid)) - before
        sizes[chapter.title] = max((rss_mb(k) for k in refill), default=float("nan"))
        await leave(context)
    return sizes


async def run(readers: int, timeout_s: float) -> dict:
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        # Idle kernels are culled after 20 s here (10 minutes on the site), so that the
        # release of the readers' kernels is seen within this bounded run.
        cull = [
            "--MappingKernelManager.cull_idle_timeout=90",
            "--MappingKernelManager.cull_interval=5",
        ]
        with voila(*cull) as site:
            await asyncio.sleep(20)  # preheated pools fill
            idle_kernels = len(children(site.pid))
            _, idle_total = memory(site.pid)
            per_chapter = await kernel_of_each_chapter(browser, site, timeout_s)

            # Baseline: one reader alone.
            alone, _, context = await read(
                browser, f"{site.url}voila/render/03_park_survey.ipynb", timeout_s
            )
            await leave(context)
            await asyncio.sleep(10)

            urls = [
                f"{site.url}voila/render/{CHAPTERS[i % len(CHAPTERS)].filename}"
                for i in range(readers)
            ]
            started = time.monotonic()
            results = await asyncio.gather(*(read(browser, url, timeout_s) for url in urls))
            elapsed = time.monotonic() - started
            kernels, total = memory(site.pid)
            for _, _, context in results:
                await leave(context)
            deadline = time.monotonic() + 180
            while len(children(site.pid)) > idle_kernels and time.monotonic() < deadline:
                await asyncio.sleep(1)
            left = len(children(site.pid))
        await browser.close()
    return {
        "alone": alone,
        "per_chapter": per_chapter,
        "settle": [ms for ms, _, _ in results if ms is not None],
        "errors": [e for _, errs, _ in results for e in errs],
        "elapsed": elapsed,
        "kernels": kernels,
        "total": total,
        "idle_total": idle_total,
        "idle_kernels": idle_kernels,
        "left": left,
    }


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--readers", type=int, default=20)
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per page")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    result = asyncio.run(run(args.readers, args.timeout))

    served = len(result["settle"])
    p50, p95 = median_p95(result["settle"]) if served else (float("nan"), float("nan"))
    kernels = sorted(result["kernels"])
    k50, kmax = median_p95(kernels)[0], kernels[-1]
    alone = result["alone"] or float("nan")
    text = "\n".join(
        [
            f"{args.readers} readers open the chapters round-robin, all at once, over loopback "
            f"(one Chromium, {args.readers} contexts); each page has {args.timeout:g} s to settle.",
            "Baseline: one reader alone on the same server, same run. Targets: every page "
            "served, zero errors, each reader's kernel at most 150 MB.",
            "",
            "| Measure | Value |",
            "| --- | --- |",
            f"| Pages served | {served} of {args.readers} |",
            f"| Errors | {len(result['errors'])} |",
            f"| Settle time p50 / p95 (s) | {p50 / 1000:.2f} / {p95 / 1000:.2f} |",
            f"| One reader alone, survey chapter (s) | {alone / 1000:.2f} |",
            f"| p50 under load / alone | {p50 / alone:.1f} |",
            f"| Whole run (s) | {result['elapsed']:.1f} |",
            f"| Kernel resident memory, median / max (MB) | {k50:.0f} / {kmax:.0f} |",
            f"| Whole server with {len(kernels)} kernels (MB) | {result['total']:.0f} |",
            f"| Whole server idle, {result['idle_kernels']} preheated kernels (MB) "
            f"| {result['idle_total']:.0f} |",
            f"| Kernels left once the readers had gone (idle culling) | {result['left']} "
            f"(preheated pool: {result['idle_kernels']}) |",
        ]
    )
    text += (
        "\n\nResident memory of a kernel that has run the chapter, one chapter at a time (MB):\n\n"
    )
    text += "| Chapter | Kernel (MB) |\n| --- | --- |\n"
    text += "\n".join(f"| {title} | {mb:.0f} |" for title, mb in result["per_chapter"].items())
    if result["errors"]:
        text += "\n\nErrors:\n" + "\n".join(f"- {e}" for e in result["errors"][:10])
    publish("Load and memory", text, write=not args.no_write)
    return result


if __name__ == "__main__":
    main()
