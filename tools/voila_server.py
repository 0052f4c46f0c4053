"""Start the site's Voila server on a free loopback port, for browser tests and benchmarks."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
# Debian's Chromium, headless, with nothing that would reach for the network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


LOG_FORMAT = "%(asctime)s.%(msecs)03d [%(name)s]%(highlevel)s %(message)s"


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_serving(url: str, process: subprocess.Popen, timeout: float = 60) -> None:
    """Return once ``url`` answers 200; raise if the server dies or the time runs out."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except urllib.error.HTTPError as error:
            error.close()  # it holds the connection open until collected
            time.sleep(0.3)
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(f"no answer on {url} within {timeout} s")


@dataclass(frozen=True)
class Server:
    """A running Voila: its base URL and process id."""

    url: str
    pid: int


@contextlib.contextmanager
def voila(*args: str, site_config: bool = True, root: Path | None = None) -> Iterator[Server]:
    """Run Voila on a free port and yield it (URL and pid); stop it afterwards.

    Parameters
    ----------
    *args : str
        Extra command-line options.
    site_config : bool
        Run the site as `make app` does (``python -m app``: app/site.py with app/voila.py);
        False runs plain Voila with its defaults (the benchmarks' baseline).
    root : path, optional
        Folder to serve when ``site_config`` is False (default: notebooks/).
    """
    port = free_port()
    if site_config:
        command = [sys.executable, "-m", "app", f"--port={port}", "--no-browser"]
    else:
        command = [str(Path(sys.executable).with_name("voila")), f"--port={port}", "--no-browser"]
        command += [str(root or ROOT / "notebooks"), "--Voila.port_retries=0"]
    # The server's log, when asked for (TECHNOPARKS_SERVER_LOG=<folder>), else nowhere.
    log_dir = os.environ.get("TECHNOPARKS_SERVER_LOG")
    log = open(Path(log_dir) / f"server-{port}.log", "wb") if log_dir else subprocess.DEVNULL  # noqa: SIM115
    if log_dir:  # times in the log, to line it up with a test's
        args = (
            *args,
            f"--Application.log_format={LOG_FORMAT}",
            "--Application.log_datefmt=%H:%M:%S",
        )
    process = subprocess.Popen(
        [*command, *args],
        cwd=ROOT,
        stdout=log,
        stderr=log,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_until_serving(url, process)
        yield Server(url, process.pid)
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if log is not subprocess.DEVNULL:
            log.close()


@contextlib.contextmanager
def static_server(folder: Path) -> Iterator[str]:
    """Serve ``folder`` with Python's plain file server on a free loopback port; yield its URL.

    Stands in for any static host: no kernel, no app, no special headers.
    """
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "http.server",
            str(port),
            "--bind",
            "127.0.0.1",
            "--directory",
            str(folder),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_until_serving(f"{url}index.html", process)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def children(pid: int) -> list[int]:
    """Direct child processes of ``pid`` (Voila's kernels), from /proc."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def rss_mb(pid: int) -> float:
    """Resident memory of one process, in MB (0 if it has gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def kernel_pids(kernel_id: str) -> list[int]:
    """Processes of the kernel ``kernel_id`` (its connection file is in their arguments)."""
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            if f"kernel-{kernel_id}.json".encode() in cmdline.read_bytes():
                found.append(int(cmdline.parent.name))
        except OSError:
            continue
    return found
