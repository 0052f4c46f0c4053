"""Print pip requirements from environment.yml, so the pins live in one file.

Reads the simple list form used by environment.yml (no YAML library needed before
the virtual environment exists): conda entries ``- name==version`` and the entries
of the ``- pip:`` block.  ``python`` and ``pip`` themselves are skipped: the
Makefile's interpreter provides them.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

SKIPPED = {"python", "pip"}
ENTRY = re.compile(r"^(?P<indent>\s*)-\s+(?P<spec>[^#]+?)\s*(?:#.*)?$")


def requirements(text: str, source: str = "environment.yml") -> list[str]:
    """Return the pip requirement lines that ``text`` (an environment.yml) pins.

    Raises ``ValueError`` naming the line for a conda entry without an exact pin.
    """
    lines: list[str] = []
    in_dependencies = False
    pip_indent: int | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        if not raw.startswith((" ", "-")):
            in_dependencies = raw.startswith("dependencies:")
            continue
        match = ENTRY.match(raw)
        if not in_dependencies or not match:
            continue
        indent, spec = len(match["indent"]), match["spec"]
        if pip_indent is not None and indent > pip_indent:
            lines.append(spec)
            continue
        pip_indent = None
        if spec == "pip:":
            pip_indent = indent
            continue
        name = re.split(r"[=<>!\s]", spec, maxsplit=1)[0]
        if name in SKIPPED:
            continue
        if "==" not in spec:
            raise ValueError(f"{source}, line {number}: '{spec}' is not pinned with ==")
        lines.append(spec)
    return lines


def main(argv: list[str]) -> int:
    path = Path(argv[1] if len(argv) > 1 else "environment.yml")
    print("\n".join(requirements(path.read_text(encoding="utf-8"), str(path))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
