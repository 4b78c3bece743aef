"""The `chitieu` command line. Heavy imports (Prefect, GX, pandas) happen inside the commands so
that `chitieu parse` and `chitieu extract` start fast."""

from __future__ import annotations

import json
import os
import sys
from datetime import date, datetime
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Column, Table
from rich.text import Text

from chitieu.env import prepare
from chitieu.run_summary import REEXTRACT_COLUMNS, REPARSE_COLUMNS, print_run
from chitieu.settings import Settings

app = typer.Typer(help="chitieu: Party-building indicators from Vietnamese provincial newspapers.",
                  no_args_is_help=True, pretty_exceptions_enable=False)
db_app = typer.Typer(help="Warehouse schema.", no_args_is_help=True)
sources_app = typer.Typer(help="The configured sources (scrapers/sources/*.yaml).", invoke_without_command=True)
app.add_typer(db_app, name="db")
app.add_typer(sources_app, name="sources")


def _console(stream) -> Console:
    """A Rich console that does not squeeze its tables into 80 columns when writing to a log.

    Off a terminal (cron mail, CI logs, a pipe) Rich assumes 80 columns and cut the run table's
    source names (`baodaklak…`), which is what an operator reads it for; a log line has no width
    to keep to. An explicit COLUMNS still wins.
    """
    logged = not (hasattr(stream, "isatty") and stream.isatty()) and "COLUMNS" not in os.environ
    return Console(stderr=stream is sys.stderr, width=160 if logged else None)


class _ConsoleOf:
    """A Rich console for `sys.<stream>` made at each use, so that the stream (a test runner swaps it)
    and COLUMNS are read when a command prints, not when the module was first imported."""

    def __init__(self, stream: str) -> None:
        self.stream = stream

    def __getattr__(self, name: str):
        return getattr(_console(getattr(sys, self.stream)), name)


console = _ConsoleOf("stdout")
err = _ConsoleOf("stderr")


def fail(message: str, code: int = 2) -> None:
    """One line on stderr and a non-zero exit: what the operator needs, no traceback."""
    err.print(f"[red]error:[/red] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def _settings() -> Settings:
    settings = Settings()
    prepare(settings.data_dir)
    return settings


def _warehouse_settings() -> Settings:
    """The settings of a command that reads or writes the warehouse, once the warehouse answers.

    A database that cannot be reached used to end each such command in a traceback (from a flow,
    after a Prefect API had started); the operator needs one line naming the URL that was tried.
    """
    settings = _settings()
    _check_warehouse(settings.database_url)
    return settings


def _check_warehouse(url: str) -> None:
    from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

    from warehouse.db import make_engine

    engine = None
    try:
        engine = make_engine(url, **_connect_timeout(url))
        with engine.connect():
            pass
    except (ArgumentError, NoSuchModuleError, DBAPIError, OSError, ImportError) as exc:
        fail(f"cannot reach the warehouse {_redact(url)}: {_one_line(exc)}", code=1)
    finally:
        if engine is not None:
            engine.dispose()


def _connect_timeout(url: str) -> dict:
    """A PostgreSQL host that drops packets would otherwise hold the check for minutes."""
    return {} if url.startswith("sqlite") else {"connect_args": {"connect_timeout": 10}}


def _one_line(exc: BaseException) -> str:
    """The driver's own reason (psycopg spreads it over lines and adds SQLAlchemy's background link)."""
    reason = getattr(exc, "orig", None) or exc
    return " ".join(str(reason).split()) or type(reason).__name__


def _check_sources(names: list[str] | None, settings: Settings) -> dict:
    """The sources by name ({} when no name is given: the flow reads them itself); unknown names are
    refused here, in a second, not after starting a Prefect API and a flow run."""
    if not names:
        return {}
    from scrapers.config import load_sources, require_known

    try:  # a broken source file (SourceFileError) or an unknown name: one line, no traceback
        sources = load_sources(settings.base_url_overrides)
        require_known(names, sources)
    except ValueError as exc:
        fail(str(exc))
    return sources


def _check_date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        fail(f"{option} must be a date YYYY-MM-DD, got {value!r}")


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        fail(f"cannot read {path}: {exc.strerror or exc}")
        raise  # unreachable


# ---------------------------------------------------------------- parse / extract (pure, fast)

def _looks_like_html(data: bytes) -> bool:
    head = data[:2048].lstrip().lower()
    return head.startswith((b"<!doctype", b"<html", b"<?xml", b"<head", b"<body", b"<meta", b"<div"))


@app.command()
def parse(file: Path = typer.Argument(..., help="A saved HTML page"),
          url: str = typer.Option(..., "--url", help="The URL the page was fetched from"),
          format: str = typer.Option("json", "--format", help="json")) -> None:
    """Parse one saved page into an article (JSON)."""
    from scrapers.parse import parse_page
    from scrapers.records import ParseError

    data = _read_bytes(file)
    if format != "json":
        fail(f"unknown format {format!r} (use json)")
    try:
        article = parse_page(data, url)
    except ParseError as exc:
        fail(f"{file}: {exc}")
    typer.echo(json.dumps(article.to_dict(), ensure_ascii=False, indent=2))


def _text_of(path: Path, url: str | None) -> tuple[str, datetime | None]:
    from scrapers.parse import parse_page
    from scrapers.records import ParseError

    data = _read_bytes(path)
    if _looks_like_html(data):
        try:
            article = parse_page(data, url or path.resolve().as_uri())
        except ParseError as exc:
            fail(f"{path}: {exc}")
        return article.text, article.published_at
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        fail(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})")
        raise


@app.command()
def extract(files: list[Path] = typer.Argument(..., help="Plain-text or HTML articles"),
            format: str = typer.Option("jsonl", "--format", help="jsonl or table"),
            published: str | None = typer.Option(None, "--published", help="YYYY-MM-DD, for the year"),
            url: str | None = typer.Option(None, "--url", help="URL of an HTML file (picks its layout)"),
            sources: Path | None = typer.Option(
                None, "--sources", help="A corpus manifest (file, URL, publication date per line) giving each "
                "file's date; by default the sources.tsv beside the files or in their parent folder, if any")
            ) -> None:
    """Extract indicator records; every record carries `doc` = the file's name.

    A file's publication date (it decides the year of stocks and of "năm qua") is, in order: --published,
    the date an HTML page states, the manifest's date for the file, else what the text itself says."""
    from indicators.evaluation import read_sources, sources_near
    from indicators.extract import extract_records

    if format not in ("jsonl", "table"):
        fail(f"unknown format {format!r} (use jsonl or table)")
    pub = _check_date(published, "--published")
    try:
        manifest = read_sources(sources) if sources is not None else None
        nearby = {folder: sources_near(folder) for folder in {p.parent for p in files}} if manifest is None else {}
    except (OSError, ValueError) as exc:
        fail(str(exc))
    records = []
    for path in files:
        text, page_date = _text_of(path, url)
        listed = (manifest if manifest is not None else nearby[path.parent]).get(path.name)
        records += extract_records(text, doc=path.name, published=pub or page_date or listed)
    if format == "jsonl":
        for record in records:
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        return
    table = Table("doc", "metric", "value", "unit", "kind", "qualifier", "denominator", "year", "evidence")
    for r in records:
        table.add_row(r["doc"], r["metric"], f"{r['value']:g}", r["unit"], r["kind"], r["qualifier"],
                      "" if r["denominator"] is None else f"{r['denominator']:g}", str(r["year"] or ""),
                      _evidence_window(r))
    console.print(table)


def _evidence_window(record: dict, width: int = 80) -> Text:
    """The stretch of the evidence sentence around the figure, the figure in bold.

    The sentence's first 80 characters often do not reach the figure (a long sentence holds several),
    so a table row could not be checked by eye against its value.
    """
    evidence = record["evidence"]
    at, end = record["start"] - record["evidence_start"], record["end"] - record["evidence_start"]
    if not 0 <= at <= end <= len(evidence):  # offsets from another text: show the sentence's start
        return Text(evidence[:width] + ("…" if len(evidence) > width else ""))
    lo = max(0, min(at - (width - (end - at)) // 2, len(evidence) - width, at))
    hi = min(len(evidence), lo + max(width, end - at))
    window = Text(("…" if lo else "") + evidence[lo:hi] + ("…" if hi < len(evidence) else ""))
    offset = (1 if lo else 0) - lo
    window.stylize("bold", at + offset, end + offset)
    return window


# ---------------------------------------------------------------- warehouse

@db_app.command("upgrade")
def db_upgrade() -> None:
    """Create or migrate the warehouse schema to the latest version (Alembic)."""
    from warehouse.db import upgrade

    settings = _warehouse_settings()
    upgrade(settings.database_url)
    console.print(f"warehouse at head: {_redact(settings.database_url)}")


def _redact(url: str) -> str:
    """The URL with its password masked, even when SQLAlchemy cannot parse it."""
    import re

    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return re.sub(r"(://[^:/@]*:)[^@/]*@", r"\1***@", url)


# ---------------------------------------------------------------- sources

@sources_app.callback()
def sources_list(ctx: typer.Context) -> None:
    """List the sources: the active paper of each of the 34 units, then the archival ones."""
    if ctx.invoked_subcommand:
        return
    from scrapers.config import SourceFileError, load_sources
    from warehouse.provinces import reference

    try:
        sources = load_sources()
    except SourceFileError as exc:
        fail(str(exc))
    units = {p.code: p for p in reference().provinces}
    checks = _last_checks(Settings().database_url)
    # the name is what an operator reads the table for: never wrapped or cut, whatever the width
    name = Column("name", no_wrap=True, min_width=max((len(n) for n in sources), default=4))
    table = Table(name, "province", "2025 unit", "status", "family", "verified", "last check", "feeds",
                  "sitemaps", "listings")

    def unit_of(s) -> str:
        ref = units.get(s.province)
        return ref.province_2025 if ref else s.province

    for s in sorted(sources.values(), key=lambda s: (s.status != "active", unit_of(s), s.name)):
        unit = unit_of(s)
        table.add_row(s.name, s.province_name, "" if unit == s.province else unit, s.status, s.family or "generic",
                      "yes" if s.verified else "no", _last_check(checks.get(s.name)), str(len(s.discovery.feeds)),
                      str(len(s.discovery.sitemaps)), str(len(s.discovery.listings)))
    console.print(table)
    active = sum(s.status == "active" for s in sources.values())
    console.print(f"{active} active, {len(sources) - active} archival (history and backfill only)")


def _last_checks(database_url: str) -> dict:
    """What `sources check` recorded, read only from a warehouse already at head (listing the sources
    must not create or migrate one); {} otherwise."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import SQLAlchemyError

    from warehouse.db import current_revision, head_revision, make_engine

    parsed = make_url(database_url)
    if parsed.get_backend_name() == "sqlite" and not (parsed.database and Path(parsed.database).exists()):
        return {}
    engine = make_engine(database_url)
    try:
        if current_revision(engine) != head_revision():
            return {}
        from warehouse.load import source_checks

        return source_checks(engine)
    except SQLAlchemyError:
        return {}
    finally:
        engine.dispose()


def _last_check(found: tuple | None) -> str:
    if found is None:
        return "never"
    checked, verified, failures = found
    day = f"{checked:%Y-%m-%d}" if checked else "?"
    return f"{day} ok" if not failures else f"{day}: {len(failures)} failed"


@sources_app.command("lint")
def sources_lint() -> None:
    """Check every source and preset file: unknown keys, selectors, domains, provinces, merges."""
    from chitieu.sources_check import lint_all
    from scrapers.config import PRESETS_DIR, SOURCES_DIR

    problems = lint_all()
    for problem in problems:
        err.print(problem, highlight=False, soft_wrap=True, markup=False)
    n_sources, n_presets = len(list(SOURCES_DIR.glob("*.yaml"))), len(list(PRESETS_DIR.glob("*.yaml")))
    if problems:
        fail(f"{len(problems)} problem(s) in {n_sources} source and {n_presets} preset files", code=1)
    console.print(f"{n_sources} source and {n_presets} preset files: no problems")


@sources_app.command("check")
def sources_check(name: str = typer.Argument(None, help="A source name"),
                  all_sources: bool = typer.Option(False, "--all", help="Every source (with base-URL overrides "
                                                   "set: every overridden one)")) -> None:
    """Robots.txt, each feed, sitemap and listing, and one article parsed, for NAME or --all.

    Prints a table; exits 1 when anything failed. Records in the warehouse (`sources.checked_at`,
    `verified_at`, `check_failures`) when each source was checked and what failed.
    """
    from chitieu.sources_check import check_sources
    from scrapers.config import SourceFileError, load_sources, require_known
    from scrapers.fetch import Fetcher
    from warehouse import load
    from warehouse.db import ensure_schema, make_engine

    if bool(name) == all_sources:
        fail("name one source or pass --all")
    settings = _settings()
    try:
        sources = load_sources(settings.base_url_overrides)
        require_known([name] if name else [], sources)
    except (SourceFileError, ValueError) as exc:
        fail(str(exc))
    if name:
        chosen = [sources[name]]
    else:
        overrides = settings.base_url_overrides
        chosen = [s for n, s in sources.items() if not overrides or n in overrides]
        if overrides:
            console.print(f"base-URL overrides set: checking the {len(chosen)} overridden sources")
    engine = make_engine(settings.database_url)
    ensure_schema(engine)
    load.sync_sources(engine, sources.values())
    with Fetcher(settings) as fetcher:
        results = check_sources(chosen, fetcher)
    table = Table("source", "check", "url", "ok", "detail")
    for result in results:
        load.record_source_check(engine, result.source, result.failures)
        for row in result.rows:
            table.add_row(row.source, row.check, row.url, "[green]ok[/green]" if row.ok else "[red]FAIL[/red]",
                          Text(row.detail))
    engine.dispose()
    console.print(table)
    failed = [r.source for r in results if not r.ok]
    console.print(f"{len(results) - len(failed)} of {len(results)} sources passed"
                  + (f"; failed: {', '.join(failed)}" if failed else ""))
    if failed:
        raise typer.Exit(1)


# ---------------------------------------------------------------- flows

@app.command()
def run(source: list[str] = typer.Option(None, "--source", help="Only these sources (repeatable)")) -> None:
    """Run the nightly flow once now."""
    settings = _settings()
    _check_sources(source, settings)
    _check_warehouse(settings.database_url)
    from flows.nightly import nightly

    state = nightly(sources=source or None, return_state=True)
    print_run(console, _finish(state, "nightly"), "nightly")


@app.command()
def backfill(since: str = typer.Option(..., help="YYYY-MM-DD"), until: str = typer.Option(None, help="YYYY-MM-DD"),
             source: list[str] = typer.Option(None, "--source"),
             task_runner: str = typer.Option("threads", "--task-runner", help="threads or dask")) -> None:
    """Walk sitemaps and listings for history between two dates."""
    settings = _settings()
    _check_sources(source, settings)
    first, last = _check_date(since, "--since"), _check_date(until, "--until")
    if last is not None and last < first:
        fail(f"--until {until} is before --since {since}")
    from flows.backfill import backfill as backfill_flow

    flow_obj = backfill_flow
    if task_runner == "dask":
        try:
            from prefect_dask import DaskTaskRunner
        except ImportError:
            fail("--task-runner dask needs the [dask] extra: pip install -e '.[dask]'")
        flow_obj = backfill_flow.with_options(task_runner=DaskTaskRunner())
    elif task_runner != "threads":
        fail(f"unknown task runner {task_runner!r} (threads or dask)")
    _check_warehouse(settings.database_url)
    state = flow_obj(since=since, until=until, sources=source or None, return_state=True)
    print_run(console, _finish(state, "backfill"), "backfill")


@app.command()
def reparse(source: str = typer.Option(None, "--source"), since: str = typer.Option(None, help="YYYY-MM-DD")) -> None:
    """Rebuild articles from the raw archive, with no network."""
    settings = _settings()
    _check_sources([source] if source else None, settings)
    _check_date(since, "--since")
    _check_warehouse(settings.database_url)
    from flows.reparse import reparse as reparse_flow

    state = reparse_flow(source=source, since=since, return_state=True)
    print_run(console, _finish(state, "reparse"), "reparse", REPARSE_COLUMNS)


@app.command()
def reextract(source: str = typer.Option(None, "--source", help="Only this source"),
              since: str = typer.Option(None, help="Articles published since YYYY-MM-DD"),
              all_versions: bool = typer.Option(False, "--all", help="Also versions today's extractor already read"),
              workers: int = typer.Option(None, "--workers", help="Extraction processes, this one included (default: one per core)")
              ) -> None:
    """Re-extract stored articles with today's extractor (no network), validate, republish changed months."""
    _check_sources([source] if source else None, _settings())
    _check_date(since, "--since")
    if workers is not None and workers < 1:
        fail(f"--workers must be at least 1, got {workers}")
    from flows.reextract import reextract as reextract_flow

    state = reextract_flow(source=source, since=since, all_versions=all_versions, workers=workers,
                           return_state=True)
    result = _finish(state, "reextract")
    console.print(f"extractor {result['extractor_version']}", highlight=False)
    print_run(console, result, "reextract", REEXTRACT_COLUMNS)
    changes = Table("source", "metric", "added", "superseded", "unchanged", title="indicator rows")
    for row in result["changes"]:
        if row["added"] or row["superseded"]:
            changes.add_row(row["source"], row["metric"], str(row["added"]), str(row["superseded"]),
                            str(row["unchanged"]))
    if changes.rows:
        console.print(changes)
    for rev in result["republished"]:
        console.print(f"{rev['month']}: published again as revision {rev['revision']} "
                      f"({rev['changes']} figures changed)", highlight=False)
    if not result["republished"]:
        console.print("no published month changed")


@app.command()
def validate(run_id: int = typer.Option(None, "--run", help="Run id (default: all pending rows)"),
             all_rows: bool = typer.Option(False, "--all", help="Revalidate every row")) -> None:
    """Run the quality gate by hand and print a table of results."""
    settings = _warehouse_settings()
    from expectations.gate import results_table, run_gate
    from warehouse.db import ensure_schema, make_engine

    engine = make_engine(settings.database_url)
    ensure_schema(engine)
    result = run_gate(engine, run_id, docs_dir=settings.docs_dir, scope="all" if all_rows else "pending")
    rows = results_table(result)
    if rows:
        table = Table(*rows[0].keys())
        for row in rows:
            table.add_row(*(str(v) for v in row.values()))
        console.print(table)
    console.print(f"checked {result.articles_checked} articles and {result.indicators_checked} indicators: "
                  f"{result.validated} newly valid, {result.quarantined} newly quarantined; "
                  f"{'PASSED' if result.passed else 'BLOCKED: ' + result.message}")
    if result.articles_checked == result.indicators_checked == 0 and not all_rows:
        console.print("no rows were pending validation (the nightly gate has checked them); --all checks every row")
    if result.docs_index:
        console.print(f"Data Docs: {result.docs_index} (styling loads from CDNs; the monthly report is offline)")
    if not result.passed:
        raise typer.Exit(1)


@app.command()
def report(month: str = typer.Option(None, "--month", help="YYYY-MM (default: last month)")) -> None:
    """Publish a monthly summary (table + files under data/reports/YYYY-MM/)."""
    settings = _settings()
    if month and not _valid_month(month):
        fail(f"--month must be YYYY-MM, got {month!r}")
    _check_warehouse(settings.database_url)
    from flows.monthly import monthly_publish

    state = monthly_publish(month=month, return_state=True)
    result = _finish(state, "monthly-publish")
    if result.get("empty"):
        console.print(f"{result['month']}: no validated indicators for this month (report says so)")
    for kind, path in result.get("files", {}).items():
        console.print(f"  {kind:8} {path}")


def _valid_month(value: str) -> bool:
    try:
        datetime.strptime(value, "%Y-%m")
        return True
    except ValueError:
        return False


def _finish(state, name: str) -> dict:
    if state.is_failed() or state.is_crashed():
        fail(f"{name} run {state.name.lower()}: {state.message}", code=1)
    return state.result()


@app.command()
def serve(limit: int = typer.Option(2, help="Runs this process executes at once")) -> None:
    """Serve the nightly (02:00) and monthly-publish (06:00 on the 1st) deployments, Asia/Ho_Chi_Minh."""
    _warehouse_settings()
    from flows.deployments import serve_all

    serve_all(limit=limit)


@app.command("eval")
def eval_(shared: Path = typer.Option(Path("../shared"), "--shared", help="The shared folder (seeds, real corpus)"),
          out: Path = typer.Option(None, "--out", help="Where the error files go (default: DATA_DIR/eval)")) -> None:
    """Score the extractor on the seeds and the real corpus: overall, per corpus and per metric.

    Every miss, wrong figure, wrong kind and wrong year is written with its sentence to
    OUT/indicators-<corpus>.md, for error analysis. (`make eval` also scores the page parser:
    `python -m tools.page_eval`.)
    """
    from indicators.evaluation import (
        errors_report,
        metric_table,
        predict,
        score,
        shared_corpora,
        summary_line,
    )

    if not shared.is_dir():
        fail(f"{shared}: no such folder (pass --shared PATH, the folder holding seeds/ and corpus/)")
    corpora = shared_corpora(shared)
    if not corpora:
        fail(f"{shared}: neither gold/seeds.jsonl nor corpus/real/gold.jsonl is there")
    out = out or Settings().data_dir / "eval"
    out.mkdir(parents=True, exist_ok=True)
    for corpus in corpora:
        s = score(corpus.gold, predict(corpus))
        path = out / f"indicators-{corpus.name}.md"
        path.write_text(errors_report(corpus.name, s), encoding="utf-8")
        console.print(f"[bold]{corpus.name}[/bold] ({len(corpus.docs)} documents): {summary_line(s.total)}",
                      highlight=False)
        console.print(metric_table(s), highlight=False)
        console.print(f"errors with their sentences: {path}\n", highlight=False)



@app.command()
def demo() -> None:
    """Run the whole nightly flow offline against the bundled mini-web, then publish the latest month."""
    settings = _warehouse_settings()
    from chitieu.demo import run_demo

    code = run_demo(settings, console)
    raise typer.Exit(code)


def main() -> None:  # pragma: no cover - console script entry
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
