"""Start the site's Voila server on a free loopback port, for browser tests and benchmarks."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
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
        Use the site's configuration (app/voila.py), as `make app` does; False runs plain
        Voila with its defaults (the benchmarks' baseline).
    root : path, optional
        Folder to serve when ``site_config`` is False (default: notebooks/).
    """
    port = free_port()
    command = [str(Path(sys.executable).with_name("voila")), f"--port={port}", "--no-browser"]
    if site_config:
        command.append("--Voila.config_file_paths=app")
    else:
        command += [str(root or ROOT / "notebooks"), "--Voila.port_retries=0"]
    process = subprocess.Popen(
        [*command, *args],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
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
