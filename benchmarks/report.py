"""Writing benchmark results into benchmarks/README.md, one section per benchmark."""

from __future__ import annotations

import os
import platform
import re
import subprocess
import sys
from datetime import date
from pathlib import Path


def machine_summary() -> str:
    """One line naming the machine a result was measured on."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        pages = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
        memory = f", {pages / 2**30:.0f} GiB"
    except (ValueError, OSError):
        pass
    chromium = subprocess.run(
        ["/usr/bin/chromium", "--version"], capture_output=True, text=True, check=False
    ).stdout.strip()
    return (
        f"*Measured on {date.today().isoformat()}: {cpu}, {os.cpu_count()} cores{memory}; "
        f"Python {sys.version.split()[0]}; {chromium or 'Chromium'}.*"
    )


def write_section(readme: Path, title: str, body: str) -> None:
    """Replace (or append) the section ``## title`` of ``readme`` with ``body``."""
    text = readme.read_text(encoding="utf-8") if readme.exists() else "# Benchmarks\n"
    section = f"## {title}\n\n{body.strip()}\n"
    pattern = re.compile(rf"^## {re.escape(title)}\n.*?(?=^## |\Z)", re.MULTILINE | re.DOTALL)
    if pattern.search(text):
        text = pattern.sub(lambda _: section + "\n", text).rstrip() + "\n"
    else:
        text = text.rstrip() + "\n\n" + section
    readme.write_text(text, encoding="utf-8")


def publish(title: str, text: str, write: bool = True) -> None:
    """Print a benchmark's result and, unless told not to, write it to benchmarks/README.md."""
    print(text)
    if write:
        write_section(
            Path(__file__).with_name("README.md"), title, f"{text}\n\n{machine_summary()}"
        )
