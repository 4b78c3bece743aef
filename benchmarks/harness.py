"""Running the pipeline outside Prefect, fast, against local servers: shared by benchmarks and tests.

`run_night` is what the nightly flow does (one worker per source, then the run record) minus
Prefect and the quality gate, on `pipeline.steps`, so a test can hand it sources whose politeness
delay was lowered and a fetcher with short backoffs. `warehouse_fingerprint` reduces a warehouse
to the numbers two runs must agree on.
"""

from __future__ import annotations

import hashlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path


def quick_settings(tmp_path: Path, **extra):
    """Settings for a fast local run: no politeness delay, short timeouts, warehouse under tmp_path."""
    from chitieu.settings import Settings

    values = dict(database_url=f"sqlite:///{Path(tmp_path) / 'wh.db'}", data_dir=Path(tmp_path) / "data",
                  politeness_delay=0.0, connect_timeout=2.0, read_timeout=1.0,
                  loopback_politeness_delay=None)  # the delays given here hold, whatever the environment says
    values.update(extra)
    return Settings(**values)


def fast_source(source, delay: float = 0.0):
    """A copy of `source` with its own politeness delay set to `delay` (the YAML says 1 s or more)."""
    politeness = source.politeness.model_copy(update={"delay_seconds": delay})
    return source.model_copy(update={"politeness": politeness})


def make_source(name: str, fetch_base: str | None, **extra):
    """A bare source owning only `name` (its real base is https://<name>), served from `fetch_base`."""
    from scrapers.config import Politeness, Source

    data = dict(name=name, province="test", province_name="Test", base_url=f"https://{name}", domains=[name],
                fetch_base=fetch_base, politeness=Politeness(delay_seconds=0.0))
    data.update(extra)
    return Source(**data)


def load_fast_sources(overrides: dict[str, str], delay: float = 0.0, directory: Path | None = None) -> dict:
    """The project's sources with transport overrides applied and politeness lowered to `delay`."""
    from scrapers.config import load_sources

    kwargs = {"directory": directory} if directory else {}
    sources = load_sources(overrides, **kwargs)
    return {name: fast_source(s, delay) for name, s in sources.items() if name in overrides}


@dataclass
class NightResult:
    run_id: int
    counts: dict[str, object] = field(default_factory=dict)  # source name -> SourceCounts (or the exception)


def run_night(settings, sources: dict, *, fetcher=None, mode: str = "nightly", workers: int | None = None,
              flow_name: str = "nightly-plain") -> NightResult:
    """One night over `sources` with pipeline.steps, one thread per source, like the flow's task runner."""
    from pipeline.steps import crawl_and_process
    from scrapers.archive import WarcArchive
    from scrapers.fetch import Fetcher
    from warehouse import load
    from warehouse.db import ensure_schema, make_engine

    engine = make_engine(settings.database_url)
    own_fetcher = fetcher is None
    fetcher = fetcher or Fetcher(settings)
    try:
        ensure_schema(engine)
        load.sync_sources(engine, sources.values())
        run_id = load.start_run(engine, flow_name)
        archive = WarcArchive(Path(settings.data_dir))
        result = NightResult(run_id)

        def one(source):
            return crawl_and_process(engine, run_id, source, settings, fetcher=fetcher, archive=archive, mode=mode)

        with ThreadPoolExecutor(max_workers=workers or max(1, min(len(sources), 32))) as pool:
            futures = {name: pool.submit(one, source) for name, source in sources.items()}
            for name, future in futures.items():
                try:
                    result.counts[name] = future.result()
                except Exception as exc:  # noqa: BLE001 - reported to the caller, like the flow does
                    result.counts[name] = exc
        load.finish_run(engine, run_id, "succeeded", counts={
            n: (c.as_dict() if hasattr(c, "as_dict") else {"errors": [repr(c)]}) for n, c in result.counts.items()})
        return result
    finally:
        if own_fetcher:
            fetcher.close()
        engine.dispose()


def warehouse_fingerprint(database_url: str) -> dict[str, object]:
    """Row counts and order-independent checksums of what a night must produce identically.

    Articles by (canonical_url, content_hash), current indicators by (article URL, metric, value,
    start_offset); ids, timestamps and run ids are left out because they legitimately differ.
    """
    from sqlalchemy import text

    from warehouse.db import make_engine

    engine = make_engine(database_url)
    try:
        with engine.connect() as connection:
            articles = connection.execute(text("SELECT canonical_url, content_hash FROM articles")).all()
            versions = connection.execute(text("SELECT count(*) FROM article_versions")).scalar_one()
            indicators = connection.execute(text(
                "SELECT a.canonical_url, i.metric, i.value, i.start_offset FROM indicators i "
                "JOIN articles a ON a.id = i.article_id WHERE i.is_current")).all()
            all_indicators = connection.execute(text("SELECT count(*) FROM indicators")).scalar_one()
    finally:
        engine.dispose()
    return {
        "articles": len(articles),
        "distinct_article_urls": len({r[0] for r in articles}),
        "article_versions": versions,
        "indicators": all_indicators,
        "current_indicators": len(indicators),
        "articles_sha256": _digest(f"{u}|{h}" for u, h in articles),
        "indicators_sha256": _digest(f"{u}|{m}|{round(float(v), 6)}|{o}" for u, m, v, o in indicators),
    }


def _digest(lines) -> str:
    h = hashlib.sha256()
    for line in sorted(lines):
        h.update(line.encode("utf-8"))
        h.update(b"\n")
    return h.hexdigest()


def main(argv: list[str] | None = None) -> None:
    """`python -m benchmarks.harness --database-url … --data-dir … --overrides JSON [--delay s]`: one
    plain night over the project's sources (served from the overrides), for tests that need the
    pipeline in a process of its own (e.g. to SIGKILL it)."""
    import argparse
    import json

    parser = argparse.ArgumentParser(description=main.__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--data-dir", required=True, type=Path)
    parser.add_argument("--overrides", required=True, help="JSON: source name -> transport base URL")
    parser.add_argument("--delay", type=float, default=0.0, help="politeness delay per host, seconds")
    args = parser.parse_args(argv)
    from chitieu.settings import Settings

    settings = Settings(database_url=args.database_url, data_dir=args.data_dir, politeness_delay=args.delay,
                        connect_timeout=2.0, read_timeout=2.0, loopback_politeness_delay=None)
    sources = load_fast_sources(json.loads(args.overrides), args.delay)
    result = run_night(settings, sources)
    print(json.dumps({"run_id": result.run_id, "sources": sorted(result.counts)}))


if __name__ == "__main__":
    main()
