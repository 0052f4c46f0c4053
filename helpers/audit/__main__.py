"""``python -m helpers.audit``: the report grouped by table, ``--json`` for the findings, or
``--write-data`` to recompute the audit and write data/audit-findings.csv and
data/audit-checks.csv (``make audit-data``).

The report and ``--json`` read the findings as data/ stores them (``printed`` and
``recomputed`` as the text the chapter shows)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from . import __doc__ as PACKAGE_DOC
from .render import report
from .results import findings, write_resources


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m helpers.audit", description=PACKAGE_DOC.splitlines()[0]
    )
    parser.add_argument("--json", action="store_true", help="print the findings as JSON")
    parser.add_argument(
        "--write-data",
        action="store_true",
        help="recompute the audit and write data/audit-findings.csv and data/audit-checks.csv",
    )
    args = parser.parse_args(argv)
    if args.write_data:
        for path in write_resources():
            print(f"wrote {path}")
    elif args.json:
        print(json.dumps([f.to_dict() for f in findings()], indent=2, ensure_ascii=False))
    else:
        print(report())
    return 0


if __name__ == "__main__":
    sys.exit(main())
