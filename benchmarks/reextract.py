"""Re-extraction: articles/second of `warehouse.reextract.reextract` end to end against bare extraction
of the same texts on one core, measured in the same run; and its memory at two warehouse sizes.

The warehouse holds N current article versions generated from the mini-web's parsed articles (each
a copy with its own URL and its figures shifted, so no two texts are alike), inserted directly (the
load path and its duplicate linking are not what is measured). Two end-to-end passes per database:

- "first read": versions no extractor has read, every reading is a new row (insert-heavy);
- "upgrade, nothing changed": a new extractor version reads everything again (`all_versions`) and
  finds every reading unchanged (what most of a real upgrade looks like: read-heavy, few writes).

Peer: `indicators.extract.extract` called in a loop over the very same texts in this process (one
core, no database). Goal (issue 20): end to end ≥ 1.5× the peer on a 2-core machine. Memory: peak RSS
(VmHWM) of a child process re-extracting a warehouse of each size, the workers' peak alongside.
Nothing here is asserted on time.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from benchmarks.common import REPO, Result, Size, unavailable
from benchmarks.warehouse_load import DEFAULT_POSTGRES, SOURCE, backends, fresh_engine

SIZES = {"full": (100_000, (10_000, 100_000)), "quick": (2_000, (2_000, 8_000)), "smoke": (40, (40, 80))}
_FIGURE = re.compile(r"\d+")
_CHUNK = 1000


def base_articles() -> list:
    """The mini-web's good article pages, parsed (what a night stored)."""
    from benchmarks.corpus import miniweb_articles
    from scrapers.config import load_sources
    from scrapers.parse import parse_page
    from scrapers.records import ParseError

    sources = load_sources()
    out = []
    for page in miniweb_articles(include_bad=False):
        try:
            out.append(parse_page(page.html, page.url, sources.get(page.host)))
        except ParseError:
            continue
    return out


def variant(article, i: int):
    """Copy `i` of an article: its own URL, every figure of its body shifted by a step of `i`."""
    shift = i // 61 + 1

    def bump(m: re.Match) -> str:
        digits = m.group()
        if len(digits) == 4 and digits.startswith("20"):  # a year: keep it, the reading depends on it
            return digits
        return str(int(digits) + shift)

    return replace(article, url=f"{article.url}#v{i}", canonical_url=f"{article.canonical_url}?v={i}",
                   body=_FIGURE.sub(bump, article.body or ""))


def generate(n: int, bases: list | None = None):
    """`n` article variants, lazily (memory stays flat while a warehouse is filled)."""
    bases = bases or base_articles()
    for i in range(n):
        yield variant(bases[i % len(bases)], i)


def fill(engine, n: int, bases: list | None = None) -> None:
    """Insert `n` articles with one current version each, unread by any extractor, in chunks."""
    from sqlalchemy import insert

    from warehouse import load
    from warehouse.models import PENDING, Article, ArticleVersion

    source_id = load.sync_sources(engine, [SOURCE])[SOURCE.name]
    batch: list = []

    def flush() -> None:
        with engine.begin() as c:
            rows = [{"source_id": source_id, "canonical_url": a.canonical_url, "url": a.url, "title": a.title,
                     "sapo": a.sapo, "body": a.body, "published_at": load.utc(a.published_at),
                     "published_month": load.published_month(a.published_at), "content_hash": f"bench{k}",
                     "current_version": 1, "is_party_building": True, "status": PENDING,
                     "first_seen_at": datetime.now(UTC), "last_seen_at": datetime.now(UTC)} for k, a in batch]
            ids = c.execute(insert(Article).returning(Article.id, sort_by_parameter_order=True), rows).scalars().all()
            c.execute(insert(ArticleVersion), [
                {"article_id": article_id, "version": 1, "content_hash": f"bench{k}", "title": a.title,
                 "sapo": a.sapo, "body": a.body, "published_at": load.utc(a.published_at)}
                for article_id, (k, a) in zip(ids, batch, strict=True)])
        batch.clear()

    for k, article in enumerate(generate(n, bases)):
        batch.append((k, article))
        if len(batch) == _CHUNK:
            flush()
    if batch:
        flush()


def settle(engine) -> None:
    """PostgreSQL: vacuum, analyze and checkpoint what the last step wrote, so that the timed pass after it starts
    from a warehouse at rest. Otherwise autovacuum and the checkpointer, woken by a fill of 100,000 articles or by
    the half a million readings a first read adds, take one of the two cores in the middle of the next timed pass
    (seen: the no-database extraction alone fell from 1.74× to 1.41× in the PostgreSQL section of the same run).
    The server's own cost of the pass is still measured (`server CPU ms/article`). SQLite has no such workers."""
    if engine.dialect.name != "postgresql":
        return
    from sqlalchemy import text

    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text("VACUUM (ANALYZE) articles, article_versions, indicators"))
        connection.execute(text("CHECKPOINT"))


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the pool's workers, once joined)."""
    import resource

    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def bare(texts: list[tuple[str, datetime | None]]) -> tuple[float, int, float]:
    """Seconds, readings and CPU seconds of `extract` over the texts, one core, no database."""
    from indicators.extract import extract

    cpu, started = cpu_seconds(), time.perf_counter()
    found = sum(len(extract(text, published=published, normalised=True)) for text, published in texts)
    return time.perf_counter() - started, found, cpu_seconds() - cpu


def pool_only(batches: list[list], workers: int = 2) -> tuple[float, float]:
    """Seconds and CPU seconds to extract the same batches the way the run does (this process and
    `workers - 1` pool processes, `warehouse.extract_pool.extracted`), no database: the ceiling of the
    end-to-end run at this moment (what other work leaves of the cores, less the pool's start), so
    the database's cost can be told apart from the machine's."""
    from indicators.extract import extract
    from warehouse.extract_pool import extracted

    cpu, started = cpu_seconds(), time.perf_counter()
    for _ in extracted(iter(batches), extract, workers):
        pass
    return time.perf_counter() - started, cpu_seconds() - cpu


def stored_texts(engine) -> list[tuple[str, datetime | None]]:
    """The texts re-extraction reads, built the way it builds them (same join, same dates)."""
    from warehouse.reextract import pending_jobs

    return [(job.text, job.published) for batch in pending_jobs(engine, "none", all_versions=True) for job in batch]


def end_to_end(engine, *, version: str, all_versions: bool, workers: int) -> tuple[float, object, float]:
    """Seconds, the result, and CPU seconds of the run (this process and its workers; not PostgreSQL's)."""
    from warehouse import load
    from warehouse.reextract import reextract

    run_id = load.start_run(engine, "benchmark-reextract", extractor_version=version)
    cpu, started = cpu_seconds(), time.perf_counter()
    result = reextract(engine, run_id, extractor_version=version, all_versions=all_versions, workers=workers)
    return time.perf_counter() - started, result, cpu_seconds() - cpu


def track_backends(engine) -> set[int]:
    """The process ids of the PostgreSQL backends serving `engine`, filled as it connects: the pool is
    emptied first, so every connection a later run uses is seen."""
    from sqlalchemy import event

    pids: set[int] = set()
    engine.dispose()

    @event.listens_for(engine, "connect")
    def _record(dbapi_connection, _connection_record) -> None:
        with dbapi_connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            pids.add(cursor.fetchone()[0])
        dbapi_connection.rollback()

    return pids


def backends_cpu(pids: set[int]) -> dict[int, float] | None:
    """CPU seconds so far of each backend (/proc: the server runs on this machine); None when one of
    them cannot be read (another machine, or a backend gone)."""
    out = {}
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return None
        out[pid] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime
    return out


def server_cpu_since(pids: set[int], before: dict[int, float] | None) -> float | None:
    """CPU seconds the backends used since `before` (backends that connected since count from zero)."""
    after = backends_cpu(pids)
    if after is None or before is None:
        return None
    return sum(cpu - before.get(pid, 0.0) for pid, cpu in after.items())


def _vmhwm_kib(pid: str = "self") -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM"):
            return int(line.split()[1])
    return 0


def memory_child(url: str, n: int) -> dict:
    """In a child process: fill a warehouse of `n` versions, then re-extract it; peak RSS before/after."""
    import resource

    from warehouse.db import make_engine, upgrade

    engine = make_engine(url)
    upgrade(engine)
    fill(engine, n)
    before = _vmhwm_kib()
    seconds, result, _cpu = end_to_end(engine, version="mem", all_versions=False, workers=2)
    engine.dispose()
    return {"n": n, "before_kib": before, "peak_kib": _vmhwm_kib(), "seconds": seconds,
            "versions": sum(result.versions.values()),
            "workers_peak_kib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}


def run(size: Size = "full") -> Result:
    title = "Re-extraction (articles/second, end to end vs bare extraction on one core)"
    try:
        from warehouse.reextract import reextract  # noqa: F401
    except ImportError as exc:
        return unavailable("reextract", title, exc)
    n, memory_sizes = SIZES[size]
    postgres_url = os.environ.get("CHITIEU_TEST_POSTGRES_URL", DEFAULT_POSTGRES)
    result = Result("reextract", title, ["backend", "pass", "versions", "workers", "articles/s",
                                         "bare 1-core articles/s", "end to end / bare", "CPU ms/article",
                                         "server CPU ms/article", "bare CPU ms/article", "ceiling on 2 idle cores",
                                         "rows added",
                                         "superseded", "unchanged"])
    bases = base_articles()
    for backend in backends(result, postgres_url):
        with fresh_engine(backend, postgres_url) as engine:
            fill(engine, n, bases)
            settle(engine)
            texts = stored_texts(engine)
            bare_seconds, readings, bare_cpu = bare(texts)
            del texts
            from warehouse.reextract import pending_jobs

            batches = list(pending_jobs(engine, "none", all_versions=True))
            pool_seconds, pool_cpu = pool_only(batches)
            del batches
            result.rows.append([backend, "extraction alone, as the run extracts (no database)", n, 2,
                                n / pool_seconds, n / bare_seconds, (n / pool_seconds) / (n / bare_seconds),
                                1000 * pool_cpu / n, "-", 1000 * bare_cpu / n, 2 * bare_cpu / pool_cpu, "-", "-",
                                "-"])
            pids = track_backends(engine) if backend == "postgresql" else set()
            for label, version, every in (("first read", "v1", False), ("upgrade, nothing changed", "v2", True)):
                settle(engine)
                before = backends_cpu(pids)
                seconds, out, cpu = end_to_end(engine, version=version, all_versions=every, workers=2)
                server = server_cpu_since(pids, before) if pids else 0.0
                versions = sum(out.versions.values())
                added = sum(out.changes.added.values())
                superseded = sum(out.changes.superseded.values())
                unchanged = sum(out.changes.unchanged.values())
                result.facts[f"{backend}/{label}"] = {"versions": versions, "added": added,
                                                      "superseded": superseded, "unchanged": unchanged,
                                                      "readings": readings}
                result.rows.append([backend, label, versions, 2, versions / seconds, n / bare_seconds,
                                    (versions / seconds) / (n / bare_seconds), 1000 * cpu / max(versions, 1),
                                    "-" if server is None or not pids else 1000 * server / max(versions, 1),
                                    1000 * bare_cpu / n,
                                    "-" if server is None else 2 * bare_cpu / (cpu + server),
                                    added, superseded, unchanged])
    result.notes.append(
        "end to end = `warehouse.reextract.reextract(workers=2)`: keyset pages of stored versions, extraction by "
        "this process and one spawned worker (`warehouse.extract_pool`: each batch of 500 cut into parts of 40, "
        "two batches queued ahead; this process extracts every part the worker has not started), one "
        "transaction per batch (`warehouse.readings.sync_readings`, the rule every load follows; new rows by "
        "COPY on PostgreSQL). bare = `indicators.extract.extract` over the same texts in this process. Both in "
        "this run, on this machine. CPU ms/article counts this process and its worker; server CPU ms/article "
        "the PostgreSQL backends that served the run (read from /proc, the server being on this machine): what "
        "the work costs whatever else the machine runs. 'ceiling on 2 idle cores' = 2 × bare CPU / (CPU + "
        "server CPU): the ratio the run would reach with both cores to itself and no waiting; the wall-clock "
        "ratio falls below it when other work takes a core. The row 'extraction alone' extracts the same "
        "batches the same way with no database: the end-to-end ratio's ceiling at that moment.")
    result.facts["load average"] = os.getloadavg()
    result.notes.append("load average (1, 5, 15 min) at the end of the timed passes: "
                        + ", ".join(f"{v:.1f}" for v in os.getloadavg()) + f" on {os.cpu_count()} CPUs "
                        "(other work on the machine takes cores from both sides of the ratio).")

    with tempfile.TemporaryDirectory(prefix="chitieu-bench-mem-") as tmp:
        rows = []
        for k, m in enumerate(memory_sizes):
            url = f"sqlite:///{Path(tmp) / f'mem{k}.db'}"
            done = subprocess.run([sys.executable, "-m", "benchmarks.reextract", "--memory-child", url, str(m)],
                                  cwd=REPO, capture_output=True, text=True, timeout=7200)
            if done.returncode != 0:
                result.notes.append(f"memory run at {m:,} failed: {done.stderr.strip().splitlines()[-1:]}")
                continue
            rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
        for r in rows:
            result.rows.append([f"sqlite, memory ({r['n']:,})", "first read", r["versions"], 2,
                                r["versions"] / r["seconds"], "-", "-", "-", "-", "-", "-", "-", "-", "-"])
            result.facts[f"memory {r['n']}"] = r
        if rows:
            result.notes.append("peak RSS of the re-extracting process (VmHWM, after filling the warehouse → after "
                                "re-extracting): " + "; ".join(
                                    f"{r['n']:,} versions {r['before_kib'] / 1024:.0f} → {r['peak_kib'] / 1024:.0f} MiB "
                                    f"(largest worker {r['workers_peak_kib'] / 1024:.0f} MiB)" for r in rows))
    if size != "full":
        result.notes.append(f"--{size}: {n:,} versions and memory at {memory_sizes[0]:,} / {memory_sizes[1]:,} "
                            "instead of 100,000 and 10,000 / 100,000.")
    return result


USAGE = """python -m benchmarks.reextract [--quick | --smoke]   print the section (full: 100,000 versions per database)
python -m benchmarks.reextract --memory-child URL N     fill a warehouse of N versions at URL, re-extract it,
                                                        print seconds and peak RSS as JSON
PostgreSQL: the database of CHITIEU_TEST_POSTGRES_URL (default: the `test` database on 127.0.0.1)."""

if __name__ == "__main__":
    if {"-h", "--help"} & set(sys.argv[1:]):  # anything else starts a measurement
        print(USAGE)
    elif len(sys.argv) >= 4 and sys.argv[1] == "--memory-child":
        print(json.dumps(memory_child(sys.argv[2], int(sys.argv[3]))))
    else:
        print(run("quick" if "--quick" in sys.argv else "smoke" if "--smoke" in sys.argv else "full").markdown())
