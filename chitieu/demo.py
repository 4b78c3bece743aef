"""`chitieu demo`: the nightly flow offline against the bundled mini-web, then a monthly report.

The mini-web is reached through base-URL overrides only, so the site configs stay those of the
live papers and the warehouse keeps their real URLs: running the demo twice adds no rows.
"""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from sqlalchemy import func, select

from chitieu.run_summary import print_run
from chitieu.settings import Settings


def warehouse_counts(engine) -> dict[str, int]:
    from warehouse import models

    tables = {"sources": models.Source, "raw_pages": models.RawPage, "articles": models.Article,
              "article_versions": models.ArticleVersion, "indicators": models.Indicator,
              "quarantine": models.Quarantine, "pipeline_runs": models.PipelineRun,
              "monthly_summaries": models.MonthlySummary}
    with engine.connect() as conn:
        return {name: conn.scalar(select(func.count()).select_from(model)) for name, model in tables.items()}


def run_demo(settings: Settings, console: Console) -> int:
    from chitieu.miniweb.server import MiniWeb
    from flows.monthly import monthly_publish
    from flows.nightly import nightly
    from warehouse.db import ensure_schema, make_engine
    from warehouse.report import latest_month_with_data

    engine = make_engine(settings.database_url)
    ensure_schema(engine)
    with MiniWeb() as web:
        console.print(f"mini-web serving {len(web.overrides())} papers at {web.base_url}")
        state = nightly(base_url_overrides=web.overrides(), check_freshness=False, return_state=True)
    night = state.result(raise_on_failure=False)
    if state.is_failed():
        console.print(f"[red]nightly run failed:[/red] {state.message}")
        return 1
    month = latest_month_with_data(engine)
    published = monthly_publish(month=month, return_state=True)
    if published.is_failed():
        console.print(f"[red]monthly publish failed:[/red] {published.message}")
        return 1
    report = published.result()

    print_run(console, night, "nightly")
    totals = Table("table", "rows", title="warehouse")
    for name, n in warehouse_counts(engine).items():
        totals.add_row(name, str(n))
    console.print(totals)
    console.print(f"warehouse: {settings.database_url}")
    console.print(f"raw archive: {settings.raw_dir.resolve()}")
    if night["gate"].get("docs_index"):
        console.print(f"Data Docs: {night['gate']['docs_index']}")
    console.print(f"monthly report {report['month']}:")
    for kind, path in report.get("files", {}).items():
        console.print(f"  {kind:8} {path}")
    console.print("analyst views: v_indicators, v_monthly_indicators (see docs/warehouse.md)")
    engine.dispose()
    return 0
