"""Files of a pinned npm package, fetched from the npm registry (no CDN at run time)."""

from __future__ import annotations

import re
import subprocess
import tarfile
import tempfile
from pathlib import Path


def npm_files(spec: str, wanted: re.Pattern[str]) -> dict[str, bytes]:
    """Files of an npm package (fetched with `npm pack`) whose path matches ``wanted``."""
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(
            ["npm", "pack", spec, "--silent", "--pack-destination", folder],
            check=True,
            capture_output=True,
        )
        (tarball,) = Path(folder).glob("*.tgz")
        with tarfile.open(tarball) as archive:
            return {
                member.name.removeprefix("package/"): archive.extractfile(member).read()
                for member in archive.getmembers()
                if member.isfile() and wanted.search(member.name)
            }
