"""The warehouse schema (SQLAlchemy 2.0 typed models), the same on SQLite and PostgreSQL.

Layers, dbt-style: `raw_pages` (raw, pointers into the WARC archive) -> `articles` /
`article_versions` / `indicators` (staging, with lineage to the run and page that produced them)
-> `monthly_summaries` and the views `v_indicators`, `v_monthly_indicators` (marts, validated rows
only). Nothing is ever deleted by the pipeline: replaced indicators stay with their old version,
bad rows are flagged and listed in `quarantine`.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
    func,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# row status values shared by articles and indicators
PENDING, VALID, QUARANTINED = "pending", "valid", "quarantined"


class Base(DeclarativeBase):
    pass


class Province(Base):
    """A province as papers published for it; `province_2025` is the unit it belongs to since the
    merger of 2025-07-01 (warehouse/provinces_2025.yaml). A current unit keeps the code of the earlier
    province whose name it kept, so `gia-lai` is both; `binh-dinh` maps to `gia-lai`."""

    __tablename__ = "provinces"
    code: Mapped[str] = mapped_column(String(32), primary_key=True)  # e.g. "gia-lai"
    name_vi: Mapped[str] = mapped_column(String(128))
    name_en: Mapped[str | None] = mapped_column(String(128))
    kind: Mapped[str | None] = mapped_column(String(16))  # province | city
    province_2025: Mapped[str | None] = mapped_column(String(32))  # code of the current unit; NULL: unknown
    is_current_unit: Mapped[bool | None] = mapped_column(Boolean)  # one of the 34 units in force since 2025-07-01


class Metric(Base):
    __tablename__ = "metrics"
    code: Mapped[str] = mapped_column(String(64), primary_key=True)
    unit: Mapped[str] = mapped_column(String(16))
    description_vi: Mapped[str] = mapped_column(Text)
    description_en: Mapped[str] = mapped_column(Text)


class Source(Base):
    __tablename__ = "sources"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(128), unique=True)  # e.g. "baogialai.com.vn"
    province_code: Mapped[str | None] = mapped_column(ForeignKey("provinces.code"))
    base_url: Mapped[str] = mapped_column(String(512))
    status: Mapped[str] = mapped_column(String(16), default="active")  # active | archival
    family: Mapped[str | None] = mapped_column(String(64))
    expected_cadence_hours: Mapped[float | None] = mapped_column(Float)
    watermark: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))  # newest article seen
    # `chitieu sources check`: when it last ran, when it last found nothing wrong, what failed last time
    checked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    verified_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    check_failures: Mapped[list | None] = mapped_column(JSON)


class PipelineRun(Base):
    __tablename__ = "pipeline_runs"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    flow_name: Mapped[str] = mapped_column(String(64))  # nightly | backfill | reparse | monthly_publish | demo
    flow_run_id: Mapped[str | None] = mapped_column(String(64))  # Prefect flow run id when there is one
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    status: Mapped[str] = mapped_column(String(16), default="running")  # running|succeeded|failed|blocked
    parameters: Mapped[dict | None] = mapped_column(JSON)
    counts: Mapped[dict | None] = mapped_column(JSON)  # per source: discovered, fetched, failed, parsed, ...
    message: Mapped[str | None] = mapped_column(Text)
    # indicators.version.extractor_version() of the code that ran (revision 0004)
    extractor_version: Mapped[str | None] = mapped_column(String(64))


class RawPage(Base):
    """One HTTP exchange (or failure), pointing at its WARC record. Good or bad, every fetch is here."""

    __tablename__ = "raw_pages"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"))
    run_id: Mapped[int | None] = mapped_column(ForeignKey("pipeline_runs.id"))
    url: Mapped[str] = mapped_column(String(2048))
    page_type: Mapped[str] = mapped_column(String(16), default="article")  # article|feed|sitemap|listing|robots
    fetched_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    status: Mapped[int | None] = mapped_column(Integer)  # HTTP status; None when no response
    error: Mapped[str | None] = mapped_column(Text)  # fetch failure reason
    content_type: Mapped[str | None] = mapped_column(String(128))
    etag: Mapped[str | None] = mapped_column(String(256))
    last_modified: Mapped[str | None] = mapped_column(String(64))
    sha256: Mapped[str | None] = mapped_column(String(64))
    warc_file: Mapped[str | None] = mapped_column(String(512))  # relative to CHITIEU_DATA_DIR
    warc_offset: Mapped[int | None] = mapped_column(Integer)
    parse_status: Mapped[str | None] = mapped_column(String(16))  # parsed | failed | skipped | None
    parse_error: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (Index("ix_raw_pages_url", "url"), Index("ix_raw_pages_sha", "sha256"))


class Article(Base):
    __tablename__ = "articles"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"))
    canonical_url: Mapped[str] = mapped_column(String(2048), unique=True)
    url: Mapped[str] = mapped_column(String(2048))
    title: Mapped[str] = mapped_column(Text)
    sapo: Mapped[str | None] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)
    published_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))  # stored as UTC
    # YYYY-MM of the publication date in Asia/Ho_Chi_Minh, computed at load so views need no tz SQL
    published_month: Mapped[str | None] = mapped_column(String(7), index=True)
    modified_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    author: Mapped[str | None] = mapped_column(String(256))
    category: Mapped[str | None] = mapped_column(String(256))
    tags: Mapped[list | None] = mapped_column(JSON)
    layout: Mapped[str | None] = mapped_column(String(64))
    content_hash: Mapped[str] = mapped_column(String(64))
    current_version: Mapped[int] = mapped_column(Integer, default=1)
    simhash: Mapped[str | None] = mapped_column(String(16))  # 64-bit SimHash as hex
    # the SimHash's four 16-bit bands, indexed: near-duplicate candidates share one (warehouse/dedup.py)
    simhash_band0: Mapped[int | None] = mapped_column(Integer)
    simhash_band1: Mapped[int | None] = mapped_column(Integer)
    simhash_band2: Mapped[int | None] = mapped_column(Integer)
    simhash_band3: Mapped[int | None] = mapped_column(Integer)
    figures: Mapped[str | None] = mapped_column(Text)  # the body's distinct numbers, for the duplicate check
    duplicate_of_id: Mapped[int | None] = mapped_column(ForeignKey("articles.id"))
    # text added or changed since duplicate links were last computed for it
    dedup_pending: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    is_party_building: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(16), default=PENDING)  # pending | valid | quarantined
    raw_page_id: Mapped[int | None] = mapped_column(ForeignKey("raw_pages.id"))
    run_id: Mapped[int | None] = mapped_column(ForeignKey("pipeline_runs.id"))
    first_seen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    last_seen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    __table_args__ = (
        *(Index(f"ix_articles_simhash_band{band}", f"simhash_band{band}") for band in range(4)),
        Index("ix_articles_duplicate_of_id", "duplicate_of_id"),
        Index("ix_articles_dedup_pending", "dedup_pending"),
    )


class ArticleVersion(Base):
    __tablename__ = "article_versions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"))
    version: Mapped[int] = mapped_column(Integer)
    content_hash: Mapped[str] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(Text)
    sapo: Mapped[str | None] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)
    published_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    modified_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    raw_page_id: Mapped[int | None] = mapped_column(ForeignKey("raw_pages.id"))
    run_id: Mapped[int | None] = mapped_column(ForeignKey("pipeline_runs.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    # the extractor that last read this text (NULL: read before revision 0004); `chitieu reextract`
    # re-reads the current versions whose value differs from today's extractor
    extractor_version: Mapped[str | None] = mapped_column(String(64))
    __table_args__ = (UniqueConstraint("article_id", "version"),)


class Indicator(Base):
    # The foreign keys below are declared for the ORM's joins and for SQLite; on PostgreSQL revision
    # 0006 drops them (a per-row trigger query each, the largest server cost of a re-extraction):
    # `warehouse.readings.sync_readings`, the only writer, writes ids it holds in the same transaction.
    __tablename__ = "indicators"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"))
    version_id: Mapped[int] = mapped_column(ForeignKey("article_versions.id"))
    # False once its version is replaced or the extractor no longer reads it so (superseded_by_run)
    is_current: Mapped[bool] = mapped_column(Boolean, default=True)
    metric: Mapped[str] = mapped_column(String(64))  # not an FK: bad codes must load to be quarantined
    value: Mapped[float] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(String(16))
    kind: Mapped[str] = mapped_column(String(16))
    qualifier: Mapped[str] = mapped_column(String(16))
    denominator: Mapped[float | None] = mapped_column(Float)
    year: Mapped[int | None] = mapped_column(Integer)
    subject: Mapped[str | None] = mapped_column(Text)
    evidence: Mapped[str] = mapped_column(Text)
    start_offset: Mapped[int] = mapped_column(Integer)
    end_offset: Mapped[int] = mapped_column(Integer)
    evidence_start: Mapped[int | None] = mapped_column(Integer)
    evidence_end: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16), default=PENDING)  # pending | valid | quarantined
    run_id: Mapped[int | None] = mapped_column(ForeignKey("pipeline_runs.id"))
    # lineage (revision 0004): the extractor that produced the row, a hash of everything it read
    # (warehouse.fingerprint.reading_hash), and the run that took it out of the current readings
    extractor_version: Mapped[str | None] = mapped_column(String(64))
    reading_hash: Mapped[str | None] = mapped_column(String(64))
    superseded_by_run: Mapped[int | None] = mapped_column(ForeignKey("pipeline_runs.id"))
    superseded_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    __table_args__ = (
        # one current row per reading of a version; superseded rows keep theirs (history)
        Index("uq_indicator_current_reading", "version_id", "reading_hash", unique=True,
              sqlite_where=text("is_current"), postgresql_where=text("is_current")),
        Index("ix_indicators_article", "article_id"),
    )


class Quarantine(Base):
    """A row that failed a quality check, with the check, the value and the reason. Never deleted."""

    __tablename__ = "quarantine"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    table_name: Mapped[str] = mapped_column(String(32))  # articles | indicators | raw_pages
    row_id: Mapped[int] = mapped_column(Integer)
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id"))
    expectation: Mapped[str] = mapped_column(String(128))  # e.g. expect_column_values_to_be_between
    column_name: Mapped[str | None] = mapped_column(String(64))
    value: Mapped[str | None] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    run_id: Mapped[int | None] = mapped_column(ForeignKey("pipeline_runs.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    __table_args__ = (UniqueConstraint("table_name", "row_id", "expectation", name="uq_quarantine_row_check"),)


class MonthlySummary(Base):
    __tablename__ = "monthly_summaries"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    month: Mapped[str] = mapped_column(String(7))  # YYYY-MM
    province_code: Mapped[str | None] = mapped_column(ForeignKey("provinces.code"))
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id"))
    metric: Mapped[str] = mapped_column(String(64))
    unit: Mapped[str] = mapped_column(String(16))
    actual_value: Mapped[float | None] = mapped_column(Float)
    actual_indicator_id: Mapped[int | None] = mapped_column(ForeignKey("indicators.id"))
    target_value: Mapped[float | None] = mapped_column(Float)
    target_indicator_id: Mapped[int | None] = mapped_column(ForeignKey("indicators.id"))
    actual_vs_target: Mapped[float | None] = mapped_column(Float)  # actual - target (same unit)
    prev_month_value: Mapped[float | None] = mapped_column(Float)
    change_prev_month: Mapped[float | None] = mapped_column(Float)
    prev_year_value: Mapped[float | None] = mapped_column(Float)
    change_prev_year: Mapped[float | None] = mapped_column(Float)
    articles_read: Mapped[int] = mapped_column(Integer, default=0)
    indicators_found: Mapped[int] = mapped_column(Integer, default=0)
    organisations: Mapped[list | None] = mapped_column(JSON)
    run_id: Mapped[int | None] = mapped_column(ForeignKey("pipeline_runs.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    # 1 for the first publication of the month; every revision keeps its rows (see MonthlyRevision)
    revision: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    __table_args__ = (UniqueConstraint("month", "revision", "source_id", "metric",
                                       name="uq_summary_month_revision_source_metric"),)


class MonthlyRevision(Base):
    """One publication of a month: its number, why it was published again, and by which extractors."""

    __tablename__ = "monthly_revisions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    month: Mapped[str] = mapped_column(String(7))
    revision: Mapped[int] = mapped_column(Integer)
    run_id: Mapped[int | None] = mapped_column(ForeignKey("pipeline_runs.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    # extractor versions of the published figures: this revision's, and the previous revision's
    extractor_versions: Mapped[list | None] = mapped_column(JSON)
    previous_extractor_versions: Mapped[list | None] = mapped_column(JSON)
    # the figures that changed against the previous revision: [{source, metric, field, old, new}, ...]
    changes: Mapped[list | None] = mapped_column(JSON)
    note: Mapped[str | None] = mapped_column(Text)
    __table_args__ = (UniqueConstraint("month", "revision", name="uq_monthly_revision"),)
