"""Environment defaults that must be in place before Prefect or GX is imported.

Prefect reads its settings at import time, so the CLI calls `prepare()` first. Values already set
by the operator always win.
"""

from __future__ import annotations

import os
from pathlib import Path

DEFAULTS = {
    # a 2-core box needs more than the default 20 s for the ephemeral API server to start
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "DO_NOT_TRACK": "1",
    "GX_ANALYTICS_ENABLED": "false",
}


def prepare(data_dir: Path | str | None = None) -> None:
    for key, value in DEFAULTS.items():
        os.environ.setdefault(key, value)
    if "PREFECT_HOME" not in os.environ:
        base = Path(data_dir or os.environ.get("CHITIEU_DATA_DIR", "data"))
        home = (base / "prefect").resolve()
        home.mkdir(parents=True, exist_ok=True)
        os.environ["PREFECT_HOME"] = str(home)
