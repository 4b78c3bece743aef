"""The analyst views, as plain SQL that runs unchanged on SQLite (>= 3.25) and PostgreSQL.

Views are created by migrations. A migration must keep working after this module changes, so a
view that changes gets a new constant (e.g. `V_INDICATORS_V2`) and a new revision that drops and
recreates it; the revision that created `*_V1` keeps using `*_V1`.
"""

from __future__ import annotations

# Current, validated indicators of articles that are neither quarantined nor duplicates.
V_INDICATORS_V1 = """
CREATE VIEW v_indicators AS
SELECT
    i.id AS indicator_id,
    i.article_id AS article_id,
    i.version_id AS version_id,
    s.name AS source,
    s.province_code AS province,
    p.name_vi AS province_name,
    a.canonical_url AS url,
    a.title AS title,
    a.published_at AS published_at,
    a.published_month AS month,
    i.metric AS metric,
    i.value AS value,
    i.unit AS unit,
    i.kind AS kind,
    i.qualifier AS qualifier,
    i.denominator AS denominator,
    i.year AS year,
    i.subject AS subject,
    i.evidence AS evidence,
    i.start_offset AS start_offset,
    i.end_offset AS end_offset,
    i.run_id AS run_id
FROM indicators i
JOIN articles a ON a.id = i.article_id
JOIN sources s ON s.id = a.source_id
LEFT JOIN provinces p ON p.code = s.province_code
WHERE i.is_current
  AND i.status = 'valid'
  AND a.status <> 'quarantined'
  AND a.duplicate_of_id IS NULL
"""

# One row per month, province, source, metric, unit and kind. "Latest" is the value of the most
# recently published indicator (ties: highest indicator_id); NULL dates rank last on both dialects.
V_MONTHLY_INDICATORS_V1 = """
CREATE VIEW v_monthly_indicators AS
WITH ranked AS (
    SELECT
        v.*,
        ROW_NUMBER() OVER (
            PARTITION BY v.month, v.province, v.source, v.metric, v.unit, v.kind
            ORDER BY CASE WHEN v.published_at IS NULL THEN 1 ELSE 0 END,
                     v.published_at DESC,
                     v.indicator_id DESC
        ) AS rn
    FROM v_indicators v
)
SELECT
    month,
    province,
    source,
    metric,
    unit,
    kind,
    COUNT(*) AS n_indicators,
    COUNT(DISTINCT article_id) AS n_articles,
    MAX(CASE WHEN rn = 1 THEN value END) AS latest_value,
    MAX(CASE WHEN rn = 1 THEN indicator_id END) AS latest_indicator_id,
    MAX(published_at) AS latest_published_at,
    MIN(value) AS min_value,
    MAX(value) AS max_value
FROM ranked
GROUP BY month, province, source, metric, unit, kind
"""

# (name, create statement) in creation order; drop in reverse order
VIEWS_V1: tuple[tuple[str, str], ...] = (
    ("v_indicators", V_INDICATORS_V1),
    ("v_monthly_indicators", V_MONTHLY_INDICATORS_V1),
)

# Revision 0004: v_indicators also says which extractor read each figure (lineage); the rest is V1.
V_INDICATORS_V2 = V_INDICATORS_V1.replace(
    "    i.run_id AS run_id\n", "    i.run_id AS run_id,\n    i.extractor_version AS extractor_version\n")
assert V_INDICATORS_V2 != V_INDICATORS_V1

VIEWS_V2: tuple[tuple[str, str], ...] = (
    ("v_indicators", V_INDICATORS_V2),
    ("v_monthly_indicators", V_MONTHLY_INDICATORS_V1),
)

# V3 (revision 0005): V2's lineage and the province as published (`province_code`, also still `province`) and the unit
# it belongs to since the merger of 2025-07-01 (`province_2025`, `province_2025_name`), so a series can
# be summed across the merger. A province the reference does not know is its own current unit.
V_INDICATORS_V3 = V_INDICATORS_V2.replace(
    "    p.name_vi AS province_name,\n",
    "    p.name_vi AS province_name,\n"
    "    s.province_code AS province_code,\n"
    "    COALESCE(p.province_2025, s.province_code) AS province_2025,\n"
    "    COALESCE(p25.name_vi, p.name_vi) AS province_2025_name,\n",
).replace("LEFT JOIN provinces p ON p.code = s.province_code\n",
          "LEFT JOIN provinces p ON p.code = s.province_code\nLEFT JOIN provinces p25 ON p25.code = p.province_2025\n")
assert V_INDICATORS_V3.count("province_2025") == 4 and "p25" in V_INDICATORS_V3

# Still one row per month, source, metric, unit and kind (a source publishes for one province, so
# the province columns do not split a group); sum `latest_value` by `province_2025` across sources.
V_MONTHLY_INDICATORS_V3 = V_MONTHLY_INDICATORS_V1.replace(
    "SELECT\n    month,\n    province,\n",
    "SELECT\n    month,\n    province,\n    province_code,\n    province_2025,\n    province_2025_name,\n",
).replace("GROUP BY month, province, source, metric, unit, kind",
          "GROUP BY month, province, province_code, province_2025, province_2025_name, source, metric, unit, kind")
assert V_MONTHLY_INDICATORS_V3.count("province_2025_name") == 2

VIEWS_V3: tuple[tuple[str, str], ...] = (
    ("v_indicators", V_INDICATORS_V3),
    ("v_monthly_indicators", V_MONTHLY_INDICATORS_V3),
)


# what the head revision creates (tests that build the schema from the models use it)
VIEWS_CURRENT = VIEWS_V3


def create_statements(views: tuple[tuple[str, str], ...] = VIEWS_CURRENT) -> list[str]:
    return [sql.strip() for _name, sql in views]


def drop_statements(views: tuple[tuple[str, str], ...] = VIEWS_CURRENT) -> list[str]:
    return [f"DROP VIEW IF EXISTS {name}" for name, _sql in reversed(views)]
