"""Open summary.html in headless Chromium, offline, and check what a browser actually builds from it.

Skips where Debian's `chromium` is not installed. The browser runs with networking features off and
a throw-away profile; the report needs nothing from outside, so the DOM and the screenshot must
come out whole.
"""

from __future__ import annotations

import base64
import io
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from warehouse.report import publish_month

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--disable-dev-shm-usage", "--hide-scrollbars"]


def _chromium() -> str:
    found = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
    if not found:
        pytest.skip("chromium is not installed")
    return found


def _run(binary: str, profile: Path, *args: str) -> subprocess.CompletedProcess:
    try:
        return subprocess.run([binary, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
                              capture_output=True, timeout=120, check=False)
    except subprocess.TimeoutExpired:
        pytest.fail("chromium did not finish within 120 s")


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
def test_summary_renders_in_headless_chromium(engine, wh, at, tmp_path):
    binary = _chromium()
    a = wh.article("baogialai.com.vn", at("2025-03-04"), title="Đảng bộ tỉnh <script>document.title='x'</script>")
    wh.indicator(a, "org_good_rate", 96.2, subject="Đảng bộ xã Ia Pa")
    wh.indicator(a, "org_good_rate", 90.0, kind="target")
    wh.indicator(wh.article("baogialai.com.vn", at("2025-02-10")), "org_good_rate", 94.0)
    h = wh.article("baohatinh.vn", at("2025-03-12"))
    wh.indicator(h, "member_good_rate", 97.8)
    wh.indicator(h, "new_members", 787, unit="count")
    result = publish_month(engine, "2025-03", tmp_path / "reports")
    page = result.files.html.resolve().as_uri()

    dumped = _run(binary, tmp_path / "profile-dom", "--dump-dom", page)
    assert dumped.returncode == 0, dumped.stderr.decode(errors="replace")[-2000:]
    dom = BeautifulSoup(dumped.stdout.decode("utf-8"), "lxml")
    assert dom.title.get_text() == "chitieu: Party-building indicators, 2025-03"  # the title script never ran
    assert not dom.find_all("script")
    summary_tables = dom.select("table.summary")
    assert {t["data-metric"] for t in summary_tables} == {r["metric"] for r in result.table}
    assert len(summary_tables) == 3
    assert all(t.select("tbody tr") for t in summary_tables)
    assert dom.select("table.sources tbody tr") and dom.select("table.indicators tbody tr")
    charts = dom.select("figure.chart img")
    assert len(charts) == len(summary_tables) + 1  # one per metric plus the sources chart
    for img in charts:
        png = Image.open(io.BytesIO(base64.b64decode(img["src"].split(",", 1)[1])))
        assert png.format == "PNG" and png.width > 200 and png.height > 100

    shot = tmp_path / "shot.png"
    taken = _run(binary, tmp_path / "profile-shot", f"--screenshot={shot}", "--window-size=1280,2400", page)
    assert taken.returncode == 0 and shot.exists(), taken.stderr.decode(errors="replace")[-2000:]
    image = Image.open(shot).convert("RGB")
    # a rendered page with charts has many colours; a blank or error page has a handful
    assert len(image.getcolors(maxcolors=1 << 20) or []) > 50
