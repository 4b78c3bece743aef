"""Monthly publishing: the summary analysts open on the first of the month."""

from __future__ import annotations

from dataclasses import asdict

from prefect import flow, get_run_logger
from prefect.artifacts import create_markdown_artifact, create_table_artifact

from flows.common import current_flow_run_id, settings_from
from flows.hooks import notify_failure


@flow(name="monthly-publish", on_failure=[notify_failure], flow_run_name="monthly-publish-{month}")
def monthly_publish(month: str | None = None, database_url: str | None = None, data_dir: str | None = None) -> dict:
    """Publish `month` (YYYY-MM; default: the month that just ended in Asia/Ho_Chi_Minh)."""
    from warehouse import load
    from warehouse.db import ensure_schema, make_engine
    from warehouse.report import publish_month

    settings = settings_from(database_url, data_dir)
    engine = make_engine(settings.database_url)
    ensure_schema(engine)
    run_id = load.start_run(engine, "monthly_publish", flow_run_id=current_flow_run_id(),
                            parameters={"month": month})
    try:
        result = publish_month(engine, month, settings.reports_dir, run_id=run_id)
    except Exception as exc:
        load.finish_run(engine, run_id, "failed", message=str(exc))
        raise
    load.finish_run(engine, run_id, "succeeded", counts={"rows": result.rows},
                    message="no data for this month" if result.empty else None)
    engine.dispose()
    create_markdown_artifact(key="monthly-summary", markdown=result.markdown,
                             description=f"Monthly summary {result.month}")
    if result.table:
        create_table_artifact(key="monthly-summary-table", table=result.table,
                              description=f"Indicators of {result.month}")
    get_run_logger().info("published %s: %d rows, files in %s", result.month, result.rows,
                          result.files.html.parent if result.files else "-")
    return {"month": result.month, "rows": result.rows, "empty": result.empty,
            "files": {k: str(v) for k, v in asdict(result.files).items()} if result.files else {}}
