"""The same publish against the schema the migrations build (what `make demo` and production run on)."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text

from warehouse.db import make_engine, upgrade
from warehouse.models import MonthlySummary
from warehouse.report import latest_month_with_data, publish_month


@pytest.fixture
def migrated(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'migrated.db'}")
    upgrade(engine)
    yield engine
    engine.dispose()


def test_publish_on_the_migrated_schema(migrated, tmp_path, at, warehouse_builder):
    wh = warehouse_builder(migrated)
    wh.source("baoquangninh.vn", "quang-ninh", "Quảng Ninh")
    article = wh.article("baoquangninh.vn", at("2025-06-30", hour=22), title="Quảng Ninh <kết nạp> đảng viên")
    wh.indicator(article, "new_members", 1465, unit="count", subject="Đảng bộ tỉnh Quảng Ninh")
    wh.indicator(article, "new_members", 1500, unit="count", kind="target")
    month = latest_month_with_data(migrated)
    assert month == "2025-06"
    result = publish_month(migrated, month, tmp_path / "reports", run_id=None)
    with migrated.connect() as conn:
        stored = conn.execute(select(MonthlySummary).where(MonthlySummary.month == month)).mappings().one()
        latest = dict(conn.execute(text("SELECT kind, latest_value FROM v_monthly_indicators WHERE month = :m"),
                                   {"m": month}).all())
    assert (stored["actual_value"], stored["target_value"]) == (latest["actual"], latest["target"])
    assert stored["actual_vs_target"] == latest["actual"] - latest["target"]
    assert stored["organisations"] == ["Đảng bộ tỉnh Quảng Ninh"]
    assert result.rows == 1 and "&lt;kết nạp&gt;" in result.files.html.read_text(encoding="utf-8")
