"""The deployments, served by `chitieu serve` (no work pool needed) or deployed from prefect.yaml onto
a process work pool. Both describe the same two schedules, and the unscheduled `reextract`, run on
demand after an extractor upgrade (`prefect deployment run reextract/reextract`)."""

from __future__ import annotations

TIMEZONE = "Asia/Ho_Chi_Minh"
NIGHTLY_CRON = "0 2 * * *"
MONTHLY_CRON = "0 6 1 * *"


def build_deployments():
    from prefect.schedules import Cron

    from flows.monthly import monthly_publish
    from flows.nightly import nightly
    from flows.reextract import reextract

    return [
        nightly.to_deployment(name="nightly", schedules=[Cron(NIGHTLY_CRON, timezone=TIMEZONE)],
                              tags=["chitieu", "nightly"], concurrency_limit=1,
                              description="Scrape, extract, load and validate every active source"),
        monthly_publish.to_deployment(name="monthly-publish", schedules=[Cron(MONTHLY_CRON, timezone=TIMEZONE)],
                                      tags=["chitieu", "monthly"], concurrency_limit=1,
                                      description="Publish last month's summary"),
        reextract.to_deployment(name="reextract", tags=["chitieu", "reextract"], concurrency_limit=1,
                                description="Re-extract stored articles with today's extractor, validate, "
                                            "republish changed months"),
    ]


def serve_all(limit: int = 2) -> None:
    """Serve the deployments; schedules stay on when this process stops (no pause on shutdown)."""
    from prefect import serve

    serve(*build_deployments(), pause_on_shutdown=False, limit=limit)
