"""``python -m helpers.audit``: the report grouped by table, or ``--json`` for the findings."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from . import __doc__ as PACKAGE_DOC
from .render import report
from .results import findings


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m helpers.audit", description=PACKAGE_DOC.splitlines()[0]
    )
    parser.add_argument("--json", action="store_true", help="print the findings as JSON")
    args = parser.parse_args(argv)
    if args.json:
        print(json.dumps([f.to_dict() for f in findings()], indent=2, ensure_ascii=False))
    else:
        print(report())
    return 0


if __name__ == "__main__":
    sys.exit(main())
