"""Settings read from the environment, so the same code runs the demo, the tests and production.

Every component receives a `Settings` object (or the values it needs) as an argument; nothing reads
the environment at import time, so tests can build their own settings without touching globals.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CHITIEU_", extra="ignore")

    database_url: str = "sqlite:///data/warehouse.db"
    data_dir: Path = Path("data")
    # source name -> base URL that replaces the site's real base URL for transport only
    # (the mini-web, a fault proxy, a staging mirror). Canonical URLs keep the real host.
    base_url_overrides: dict[str, str] = Field(default_factory=dict)
    user_agent: str = "chitieu/0.1 (+https://github.com/chitieu/chitieu; data research crawler)"
    politeness_delay: float = 1.0  # seconds between requests to one host (robots crawl-delay wins if larger)
    # Seconds between requests to a test server on a loopback address (127.0.0.0/8, ::1, localhost),
    # replacing the delay above, the source's and robots.txt's. Unset (the default), a loopback host
    # is treated like any other. The test suite sets 0: politeness owed to a newspaper is not owed to
    # a server the test started, and its sleeps were most of the suite's time. No live site is on a
    # loopback address, so this cannot make a crawl of a real site faster.
    loopback_politeness_delay: float | None = None
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    max_page_bytes: int = 10 * 1024 * 1024
    webhook_url: str | None = None  # failure notices (run failed, gate blocked publishing)

    @field_validator("data_dir")
    @classmethod
    def _absolute(cls, value: Path) -> Path:
        """Absolute, so tools that refuse relative paths (GX Data Docs) and child processes agree."""
        return Path(value).expanduser().resolve()

    @property
    def raw_dir(self) -> Path:
        return self.data_dir / "raw"

    @property
    def reports_dir(self) -> Path:
        return self.data_dir / "reports"

    @property
    def docs_dir(self) -> Path:
        return self.data_dir / "docs"

    @property
    def prefect_storage_dir(self) -> Path:
        """Persisted Prefect task results (the per-flow-run crawl cache). The CLI sets PREFECT_HOME
        to `<data dir>/prefect`, so this is also where PREFECT_LOCAL_STORAGE_PATH points by default."""
        return self.data_dir / "prefect" / "storage"
