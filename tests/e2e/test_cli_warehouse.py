"""A warehouse that cannot be reached: every command that needs it says so in one line, naming the
URL it tried (password masked), before any flow or Prefect API starts; no traceback."""

from __future__ import annotations

import socket
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from chitieu.cli import app

runner = CliRunner()
WAREHOUSE_COMMANDS = [["db", "upgrade"], ["run"], ["backfill", "--since", "2025-01-01"], ["reparse"], ["validate"],
                      ["report", "--month", "2025-01"], ["serve"], ["demo"]]


def _closed_port() -> int:
    """A port nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def no_flows(monkeypatch):
    import flows.backfill
    import flows.deployments
    import flows.monthly
    import flows.nightly
    import flows.reparse

    def no_flow(*a, **k):
        raise AssertionError("a flow was started")

    for module, name in ((flows.nightly, "nightly"), (flows.backfill, "backfill"), (flows.reparse, "reparse"),
                         (flows.monthly, "monthly_publish"), (flows.deployments, "serve_all")):
        monkeypatch.setattr(module, name, no_flow)


@pytest.mark.parametrize("args", WAREHOUSE_COMMANDS, ids=lambda a: a[0])
def test_unreachable_postgresql_is_one_line_naming_the_url(args, tmp_path, monkeypatch, no_flows):
    url = f"postgresql+psycopg://chitieu:s3cret@127.0.0.1:{_closed_port()}/warehouse"
    monkeypatch.setenv("CHITIEU_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("CHITIEU_DATABASE_URL", url)
    result = runner.invoke(app, args)
    assert result.exit_code == 1, (result.output, result.exception)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert url.replace(":s3cret@", ":***@") in lines[0] and "cannot reach the warehouse" in lines[0]
    assert "s3cret" not in result.output and "refused" in lines[0].lower()


def test_unusable_sqlite_path_is_one_line(tmp_path, monkeypatch, no_flows):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the warehouse's directory should be")
    url = f"sqlite:///{blocker}/warehouse.db"
    monkeypatch.setenv("CHITIEU_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("CHITIEU_DATABASE_URL", url)
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [result.stderr.strip()] and url in result.stderr


def test_unknown_driver_is_one_line_with_the_password_masked(tmp_path, monkeypatch):
    monkeypatch.setenv("CHITIEU_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("CHITIEU_DATABASE_URL", "nosuchdb://me:hunter2@db.example/warehouse")
    result = runner.invoke(app, ["db", "upgrade"])
    assert result.exit_code == 1
    assert "nosuchdb://me:***@db.example/warehouse" in result.stderr and "hunter2" not in result.output


def test_the_installed_command_prints_no_traceback(tmp_path):
    """The console script as an operator runs it (no CliRunner catching exceptions for us)."""
    url = f"postgresql+psycopg://postgres:pw@127.0.0.1:{_closed_port()}/warehouse"
    env = {"PATH": "/usr/bin:/bin", "CHITIEU_DATABASE_URL": url, "CHITIEU_DATA_DIR": str(tmp_path),
           "PREFECT_HOME": str(tmp_path / "prefect")}
    done = subprocess.run([sys.executable, "-m", "chitieu.cli", "validate"], env=env, cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert "postgresql+psycopg://postgres:***@127.0.0.1" in done.stderr
