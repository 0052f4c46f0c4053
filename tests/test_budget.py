"""The kernel budget's pure parts: admission, the busy page, the static page it links."""

from __future__ import annotations

import pytest

from app import budget
from app.budget import Admission, Refusal, busy_page, kernels_for_memory, static_page
from tools.visitor import in_thread


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_kernels_for_memory():
    assert kernels_for_memory(4096, 100) == 40
    assert kernels_for_memory(50, 100) == 1  # always room for one reader
    with pytest.raises(ValueError):
        kernels_for_memory(0, 100)


def test_a_client_gets_its_window_then_429_until_it_slides():
    clock = Clock()
    admission = Admission(max_kernels=100, pages_per_client=3, client_window=60, clock=clock)
    assert [admission.admit("1.2.3.4", 0) for _ in range(3)] == [None, None, None]
    refusal = admission.admit("1.2.3.4", 0)
    assert refusal.status == 429 and 0 < refusal.retry_after <= 61
    assert admission.admit("5.6.7.8", 0) is None  # another client is not affected
    clock.now += 60
    assert admission.admit("1.2.3.4", 0) is None


def test_the_budget_refuses_everyone_with_503_when_full():
    admission = Admission(max_kernels=10, pages_per_client=5, client_window=60, clock=Clock())
    refusal = admission.admit("1.2.3.4", kernels_now=10)
    assert refusal == Refusal(503, 30, "the site is busy")
    assert admission.admit("1.2.3.4", kernels_now=9) is None
    # A refused request does not use up the client's window.
    assert [admission.admit("1.2.3.4", 9) for _ in range(4)] == [None] * 4


def test_memory_of_clients_is_bounded(monkeypatch):
    monkeypatch.setattr(Admission, "MAX_CLIENTS_TRACKED", 5)
    admission = Admission(max_kernels=100, pages_per_client=1, client_window=60, clock=Clock())
    for number in range(20):
        admission.admit(f"10.0.0.{number}", 0)
    assert len(admission._recent) == 5


def test_static_page_repeats_only_a_known_chapter_name(tmp_path):
    (tmp_path / "03_park_survey.html").write_text("x")
    assert static_page("03_park_survey.ipynb", tmp_path) == "03_park_survey.html"
    for hostile in (
        "../secret.ipynb",
        "03_park_survey.ipynb/..",
        "<b>.ipynb",
        "99_none.ipynb",
        None,
        "",
    ):
        assert static_page(hostile, tmp_path) == "index.html"


@pytest.mark.parametrize("status", [429, 503])
def test_busy_page_says_what_to_do_and_links_the_static_edition(status):
    page = busy_page(Refusal(status, 30, "x"), '/voila/files/_site/03_park_survey.html"><b>')
    assert "reload this page in 30 seconds" in page
    assert 'href="/voila/files/_site/03_park_survey.html&quot;&gt;&lt;b&gt;"' in page
    assert "static edition" in page and '<html lang="en">' in page
    assert ("many pages" in page) == (status == 429)


class _Kernel:
    def __init__(self, last_activity):
        self.last_activity = last_activity

    async def is_alive(self):
        return True


async def _unclaimed(seconds_unheld: float, seconds_quiet: float) -> list[str]:
    """Ask a kernel manager whether a handed-out kernel with no page is released."""
    import time
    from datetime import timedelta

    from jupyter_server._tz import utcnow

    manager = budget.CountingKernelManager(unclaimed_timeout=20)
    kernel = _Kernel(utcnow() - timedelta(seconds=seconds_quiet))
    released = []
    manager.get_kernel = lambda kernel_id: kernel
    manager._handed_out = lambda kernel_id: True
    manager._readers.add("k")
    manager._unheld_since["k"] = time.monotonic() - seconds_unheld

    async def shutdown(kernel_id, *args, **kwargs):
        released.append(kernel_id)

    manager.shutdown_kernel = shutdown
    await manager.cull_kernel_if_idle("k")
    return released


@pytest.mark.parametrize(
    ("unheld", "quiet", "released"),
    [
        (25, 25, ["k"]),  # handed out, drawn, and no page came for it: released
        (25, 3, []),  # still drawing its page (busy until 3 s ago): kept
        (5, 60, []),  # unheld for only 5 s: kept
    ],
)
def test_a_kernel_no_page_holds_is_released_only_once_quiet(unheld, quiet, released, monkeypatch):
    from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager

    idle_checked = []

    async def idle_culler(self, kernel_id):  # jupyter_server's own idle check, not tested here
        idle_checked.append(kernel_id)

    monkeypatch.setattr(AsyncMappingKernelManager, "cull_kernel_if_idle", idle_culler)
    assert in_thread(_unclaimed(unheld, quiet)) == released
    assert idle_checked == ([] if released else ["k"])


def test_a_kernel_still_starting_is_left_alone(monkeypatch):
    """jupyter_server's idle check reads ``last_activity``, which a kernel gets only once
    started: asked about a starting kernel, the culler neither fails nor releases it."""
    from jupyter_server.services.kernels.kernelmanager import ServerKernelManager

    manager = budget.CountingKernelManager(unclaimed_timeout=20)
    starting = ServerKernelManager()  # never started: no last_activity yet
    manager.get_kernel = lambda kernel_id: starting
    manager._handed_out = lambda kernel_id: False
    released = []

    async def shutdown(kernel_id, *args, **kwargs):
        released.append(kernel_id)

    manager.shutdown_kernel = shutdown
    in_thread(manager.cull_kernel_if_idle("k"))
    assert released == []


def test_only_numbered_chapters_are_pages_for_readers():
    assert budget.is_chapter("03_park_survey.ipynb")
    for other in ("_template.ipynb", "notes.ipynb", "03_park_survey.py", "sub/03_x.ipynb", None):
        assert not budget.is_chapter(other)
