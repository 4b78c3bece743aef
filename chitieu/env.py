"""Environment defaults that must be in place before Prefect or GX is imported.

Prefect reads its settings at import time, so the CLI calls `prepare()` first. Values already set
by the operator always win.
"""

from __future__ import annotations

import ctypes
import os
import sys
from pathlib import Path

DEFAULTS = {
    # a 2-core box needs more than the default 20 s for the ephemeral API server to start
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "DO_NOT_TRACK": "1",
    "GX_ANALYTICS_ENABLED": "false",
}


_M_ARENA_MAX = -8  # glibc mallopt parameter (malloc.h)


def limit_malloc_arenas(arenas: int = 2) -> bool:
    """Cap glibc's malloc arenas for this process; True when the cap was set.

    glibc gives threads that contend for malloc arenas of their own (up to 8 per core). A night
    runs a thread per paper, so freed memory ends up scattered over ~20 arenas, each keeping its
    own high-water mark: RSS drifted ~60 MiB above live memory over a 5,000-article night
    (benchmarks/RESULTS.md, memory). Two arenas keep it flat at no measurable cost in speed. An
    operator's MALLOC_ARENA_MAX wins; elsewhere than glibc this does nothing.
    """
    if os.environ.get("MALLOC_ARENA_MAX") or not sys.platform.startswith("linux"):
        return False
    try:
        return bool(ctypes.CDLL("libc.so.6").mallopt(_M_ARENA_MAX, arenas))
    except (OSError, AttributeError):  # musl or another libc without mallopt
        return False


def prepare(data_dir: Path | str | None = None) -> None:
    limit_malloc_arenas()
    for key, value in DEFAULTS.items():
        os.environ.setdefault(key, value)
    if "PREFECT_HOME" not in os.environ:
        base = Path(data_dir or os.environ.get("CHITIEU_DATA_DIR", "data"))
        home = (base / "prefect").resolve()
        home.mkdir(parents=True, exist_ok=True)
        os.environ["PREFECT_HOME"] = str(home)
