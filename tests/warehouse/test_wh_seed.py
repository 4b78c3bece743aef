"""Reference rows follow the code: `metrics` is the taxonomy of the running code after an upgrade."""

from __future__ import annotations

from sqlalchemy import text

from indicators.taxonomy import METRICS
from warehouse.db import upgrade


def _metrics(engine) -> dict[str, tuple[str, str]]:
    with engine.connect() as c:
        return {code: (unit, description) for code, unit, description
                in c.execute(text("SELECT code, unit, description_en FROM metrics"))}


def test_upgrade_at_head_brings_the_metrics_table_back_to_the_taxonomy(engine):
    expected = {m.code: (m.unit, m.description_en) for m in METRICS.values()}
    assert _metrics(engine) == expected
    some, other = sorted(expected)[:2]
    with engine.begin() as c:  # a warehouse migrated before a metric existed, or with an old description
        c.execute(text("DELETE FROM metrics WHERE code = :code"), {"code": some})
        c.execute(text("UPDATE metrics SET description_en = 'old words' WHERE code = :code"), {"code": other})
        c.execute(text("INSERT INTO provinces (code, name_vi) VALUES ('tinh-thu-nghiem', 'Tỉnh thử nghiệm')"))
    upgrade(engine)
    upgrade(engine)  # and again: an upsert, nothing doubles
    assert _metrics(engine) == expected
    with engine.connect() as c:  # rows the code does not know (a province from a source file) stay
        assert c.execute(text("SELECT COUNT(*) FROM provinces WHERE code = 'tinh-thu-nghiem'")).scalar_one() == 1
