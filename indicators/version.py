"""Which extractor produced a figure: the package version plus a hash of the extraction code and rules.

Every indicator row and every pipeline run records `extractor_version()`, so an analyst can tell which
extractor read a number, and `chitieu reextract` can find the article versions an older extractor read.
The hash covers the contents of every `*.py` and `*.yaml` file of this package, sorted by name, so any
change to the extractor or to its rules data gives a new version, even when nobody bumps the package
version; a change elsewhere in the project (a scraper, the warehouse) does not.
"""

from __future__ import annotations

import hashlib
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
HASHED_SUFFIXES = (".py", ".yaml")
HASH_CHARS = 12


def package_version() -> str:
    """The installed chitieu version (`0+unknown` when run from a tree that is not installed)."""
    try:
        return version("chitieu")
    except PackageNotFoundError:
        return "0+unknown"


def code_hash(directory: Path = PACKAGE_DIR) -> str:
    """sha256 over the name and contents of every extraction source and rules file, by name."""
    digest = hashlib.sha256()
    for path in sorted((p for p in directory.iterdir() if p.is_file() and p.suffix in HASHED_SUFFIXES),
                       key=lambda p: p.name):
        digest.update(path.name.encode("utf-8") + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:HASH_CHARS]


def extractor_version() -> str:
    """`<package version>+<12 hex of the code hash>`, e.g. `0.1.0+3f9a0c1d2e4b` (at most 64 characters)."""
    return f"{package_version()}+{code_hash()}"
