"""Process set-up the CLI does before anything else (chitieu.env)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from chitieu import env


def test_an_operators_malloc_arena_max_wins(monkeypatch):
    monkeypatch.setenv("MALLOC_ARENA_MAX", "4")
    assert env.limit_malloc_arenas() is False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc only")
def test_malloc_arenas_are_capped_on_glibc():
    # in a child: the cap is process-wide and must not leak into the test run
    code = "import os; os.environ.pop('MALLOC_ARENA_MAX', None); from chitieu.env import limit_malloc_arenas; " \
           "print(limit_malloc_arenas())"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    libc = subprocess.run(["ldd", "--version"], capture_output=True, text=True).stdout.lower()
    assert out == ("True" if "glibc" in libc or "gnu libc" in libc else "False")
