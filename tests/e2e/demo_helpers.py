"""Running `chitieu` as an operator does: a child process with its own data dir and Prefect home."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class DemoRun:
    root: Path  # holds data/ (warehouse.db, raw/, reports/) and prefect/
    stdout: str

    @property
    def db(self) -> Path:
        return self.root / "data" / "warehouse.db"


def demo_env(root: Path, database_url: str | None = None, prefect_api: str | None = None) -> dict[str, str]:
    """The environment `chitieu demo` runs in under `root`: its own data dir, warehouse and Prefect home,
    and the given Prefect API (none: it starts its own ephemeral API, as from a fresh clone)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API") and k != "COLUMNS"}
    env.update(CHITIEU_DATA_DIR=str(root / "data"),
               CHITIEU_DATABASE_URL=database_url or f"sqlite:///{root}/data/warehouse.db",
               PREFECT_HOME=str(root / "prefect"))
    if prefect_api:
        env["PREFECT_API_URL"] = prefect_api
    return env


def run_cli(root: Path, *args: str, timeout: int = 900, database_url: str | None = None,
            prefect_api: str | None = None):
    return subprocess.run([sys.executable, "-m", "chitieu.cli", *args], env=demo_env(root, database_url, prefect_api),
                          cwd=root, capture_output=True, text=True, timeout=timeout)


TABLES = ("articles", "article_versions", "indicators", "quarantine", "sources")


def table_counts(db: Path) -> dict[str, int]:
    """Rows in each of the warehouse's main tables (a rerun must change none of them)."""
    with sqlite3.connect(db) as conn:
        return {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]  # noqa: S608 - fixed names
                for t in TABLES}
