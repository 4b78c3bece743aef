"""Chaos soak: several faulty nights over a larger synthetic web, then a calm one; count what was lost.

The CI test (tests/reliability/test_chaos.py) asserts on the mini-web and on 500 articles; this is
the longer version that reports numbers instead: articles the calm reference night loads, articles
the faulty nights plus the calm night loaded, lost, duplicated, and how many faults were injected.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from benchmarks.common import Result, Size, unavailable
from benchmarks.faultproxy import FaultProxy, Faults

CHAOS = dict(error_rate=0.30, stall_rate=0.10, truncate_rate=0.10, reset_rate=0.10, stall_seconds=1.0)


def run(size: Size = "full") -> Result:
    title = "Chaos soak: faulty nights, then a calm one"
    n_sources, per_source, faulty_nights = {"full": (10, 200, 3), "quick": (5, 100, 1), "smoke": (2, 5, 1)}[size]
    try:
        from sqlalchemy import text

        from benchmarks import synthweb
        from benchmarks.harness import quick_settings, run_night
        from chitieu.miniweb.server import MiniWeb
        from scrapers.fetch import Fetcher
        from warehouse.db import make_engine
    except ImportError as exc:
        return unavailable("soak", title, exc)

    def urls(database_url: str) -> list[str]:
        engine = make_engine(database_url)
        with engine.connect() as connection:
            found = list(connection.execute(text("SELECT canonical_url FROM articles")).scalars())
        engine.dispose()
        return found

    with tempfile.TemporaryDirectory(prefix="chitieu-soak-") as tmp:
        root = Path(tmp)
        built = synthweb.build(root / "web", n_sources, per_source, seed=11)
        with MiniWeb(root / "web") as web, FaultProxy(web.base_url, Faults(), strip_crawl_delay=True) as proxy:
            sources = synthweb.sources_for(built, proxy.base, 0.0)
            settings = quick_settings(root / "soak", read_timeout=0.5)
            started = time.perf_counter()
            for night in range(faulty_nights):
                proxy.faults = Faults(**CHAOS, seed=night)
                with Fetcher(settings, retries=3, backoff_factor=0.01, backoff_max=0.05,
                             max_retry_after=0.1) as fetcher:
                    run_night(settings, sources, fetcher=fetcher)
            faults = proxy.fault_counts()
            proxy.faults = Faults()
            run_night(settings, sources)
            wall = time.perf_counter() - started
            clean = quick_settings(root / "clean")
            run_night(clean, sources)
        got, reference = urls(settings.database_url), set(urls(clean.database_url))
    result = Result("soak", title, ["articles served", "clean night loads", "faulty nights", "loaded after calm night",
                                    "lost", "duplicated", "requests faulted", "wall (s)"])
    injected = sum(v for k, v in faults.items() if k != "none")
    result.rows.append([n_sources * per_source, len(reference), faulty_nights, len(set(got)),
                        len(reference - set(got)), len(got) - len(set(got)),
                        f"{injected} of {sum(faults.values())}", wall])
    result.facts = {"reference": len(reference), "lost": len(reference - set(got)),
                    "duplicated": len(got) - len(set(got)), "faults_injected": injected}
    result.notes.append(f"Faults per request: {CHAOS} (seed = night number); fetcher retries 3 with ~0 backoff, "
                        f"read timeout 0.5 s; injected: {faults}. Goal: lost = duplicated = 0.")
    if size != "full":
        result.notes.append(f"--{size}: {n_sources} × {per_source} articles, {faulty_nights} faulty night(s).")
    return result


if __name__ == "__main__":
    import sys

    print(run("quick" if "--quick" in sys.argv else "full").markdown())
