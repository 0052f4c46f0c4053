"""Each chapter drawn once and sent to every reader (app/shared_pages.py).

The site as served is tested in tests/browser/test_site.py; here, what decides which page
is kept and who waits for it.
"""

from __future__ import annotations

import asyncio

import pytest

from app.shared_pages import SharedPages, is_complete_page, shareable
from tools.visitor import in_thread

KERNEL = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"
CONFIG = f'{{"baseUrl": "/", "kernelId": "{KERNEL}", "x": 1}}'
HEAD = f'<html><head><script id="jupyter-config-data">{CONFIG}</script>'
PAGE = HEAD + "<body><p>Table 2</p></body>\n</html>\n"


def test_a_shared_page_names_no_kernel():
    assert KERNEL not in shareable(PAGE)
    assert '"kernelId": null, "x": 1' in shareable(PAGE)
    assert shareable("<p>kernelId</p>") == "<p>kernelId</p>"


def test_a_shared_page_carries_no_progress_calls_but_still_shows_its_cells():
    cell = '<div cell-index="3">\n<script>\n  voila_process(3, 36)\n</script>\n<p>Table 2</p></div>'
    end = "<script>\n  window.themeLoaded = true;\n  window.voila_finish();\n</script>"
    assert shareable(cell) == '<div cell-index="3">\n\n<p>Table 2</p></div>'
    assert shareable(end) == end


@pytest.mark.parametrize(
    ("html", "complete"),
    [
        (PAGE, True),
        (HEAD + "<body><p>Table 2</p>", False),  # cut short
        (PAGE.replace("Table 2", "There was an error when executing cell [3]. Please"), False),
        (PAGE.replace("Table 2", "Cell execution timed out, aborting"), False),
        (PAGE.replace("Table 2", "DeadKernelError: Kernel died"), False),
        ("", False),
    ],
)
def test_only_a_whole_page_drawn_without_error_may_be_kept(html, complete):
    assert is_complete_page(html) is complete


async def readers_arriving_while_drawn(outcome: str | None) -> tuple[list, str | None, bool]:
    """Three readers wait while a first one's request draws the page, which ends with
    ``outcome``: what they got, the page kept, and whether it was kept."""
    pages = SharedPages()
    pages.start("03.ipynb")
    waiting = [pages.drawing("03.ipynb") for _ in range(3)]
    assert all(future is waiting[0] for future in waiting)  # one drawing, shared
    kept = pages.finish("03.ipynb", outcome)
    got = await asyncio.gather(*waiting)
    assert pages.drawing("03.ipynb") is None  # the next reader draws again if need be
    return got, pages.page("03.ipynb"), kept


def test_readers_waiting_for_a_drawing_get_its_page():
    got, page, kept = in_thread(readers_arriving_while_drawn(PAGE))
    assert got == [PAGE] * 3 and page == PAGE and kept


@pytest.mark.parametrize("outcome", [None, HEAD + "<body>", PAGE.replace("</html>", "")])
def test_a_failed_drawing_is_not_kept_and_its_waiters_draw_their_own(outcome):
    got, page, kept = in_thread(readers_arriving_while_drawn(outcome))
    assert got == [None] * 3 and page is None and not kept


def test_a_chapter_is_drawn_by_one_request_at_a_time():
    async def start_twice():
        pages = SharedPages()
        pages.start("03.ipynb")
        pages.start("04.ipynb")  # another chapter may be drawn meanwhile
        with pytest.raises(RuntimeError, match="already being drawn"):
            pages.start("03.ipynb")
        pages.finish("03.ipynb", PAGE)
        return pages

    pages = in_thread(start_twice())
    assert len(pages) == 1 and pages.page("04.ipynb") is None
