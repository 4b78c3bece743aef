"""The bundled mini-web: a committed snapshot of four provincial papers and the server that serves it.

`site/` is night 1, `site_night2/` overlays what changed the next night; `site/manifest.json`
says what every article page holds (dates, bad pages, planted indicators) so tests and the demo
can check the pipeline against it.
"""

from __future__ import annotations

import json
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
SITE_DIR = PACKAGE_DIR / "site"
NIGHT2_DIR = PACKAGE_DIR / "site_night2"


def load_manifest(night: int = 1, root: Path | None = None) -> dict:
    """The manifest of night 1 or 2 (each lists every article URL as it stands that night)."""
    root = root or PACKAGE_DIR
    folder = "site" if night == 1 else "site_night2"
    return json.loads((root / folder / "manifest.json").read_text(encoding="utf-8"))


def __getattr__(name: str):
    # the server is imported lazily so `python -m tools.miniweb.generate` does not load http.server
    if name == "MiniWeb":
        from chitieu.miniweb.server import MiniWeb

        return MiniWeb
    raise AttributeError(name)


__all__ = ["MiniWeb", "NIGHT2_DIR", "PACKAGE_DIR", "SITE_DIR", "load_manifest"]
