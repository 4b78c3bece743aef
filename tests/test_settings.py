"""Settings come from the environment and hand out absolute paths."""

from __future__ import annotations

from pathlib import Path

from chitieu.settings import Settings


def test_defaults_and_relative_data_dir_become_absolute(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CHITIEU_DATA_DIR", raising=False)
    monkeypatch.delenv("CHITIEU_DATABASE_URL", raising=False)
    settings = Settings()
    assert settings.database_url == "sqlite:///data/warehouse.db"
    assert settings.data_dir == tmp_path / "data"
    assert settings.docs_dir.is_absolute() and settings.reports_dir == tmp_path / "data" / "reports"


def test_environment_overrides(monkeypatch, tmp_path):
    monkeypatch.setenv("CHITIEU_DATA_DIR", str(tmp_path / "x"))
    monkeypatch.setenv("CHITIEU_BASE_URL_OVERRIDES", '{"baohatinh.vn": "http://127.0.0.1:9/baohatinh.vn"}')
    settings = Settings()
    assert settings.data_dir == Path(tmp_path / "x")
    assert settings.base_url_overrides == {"baohatinh.vn": "http://127.0.0.1:9/baohatinh.vn"}


def test_loopback_delay_is_unset_unless_asked_for(monkeypatch):
    """Off by default: outside the test suite a loopback host keeps the usual politeness."""
    monkeypatch.delenv("CHITIEU_LOOPBACK_POLITENESS_DELAY", raising=False)
    assert Settings().loopback_politeness_delay is None
    monkeypatch.setenv("CHITIEU_LOOPBACK_POLITENESS_DELAY", "0")
    assert Settings().loopback_politeness_delay == 0.0
