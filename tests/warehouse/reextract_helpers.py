"""Two stand-in extractors (an "old" and a "better" one), a warehouse checksum, and a script entry
that re-extracts in a subprocess and SIGKILLs itself after a given number of SQL statements.

The extractors are module-level functions so a process pool can pickle them by name. They read the
figures of the warehouse fixtures' article template (tests/warehouse/conftest.py):
`{rate}% đảng viên hoàn thành tốt nhiệm vụ`, `kết nạp {members} đảng viên mới`, `{orgs} tổ chức cơ sở`.
"""

from __future__ import annotations

import hashlib
import os
import re
import signal
import sys
import time
from dataclasses import replace

from sqlalchemy import event, text

from indicators.record import Indicator

OLD, BETTER = "test-old", "test-better"
_RATE = re.compile(r"(\d+(?:,\d+)?)% đảng viên")
_MEMBERS = re.compile(r"(\d+) đảng viên mới")
_ORGS = re.compile(r"(\d+) tổ chức cơ sở")


def _found(rx: re.Pattern, text_: str, metric: str, unit: str, value_of=float, **kw) -> list[Indicator]:
    m = rx.search(text_)
    if not m:
        return []
    value = value_of(m.group(1).replace(",", "."))
    fields = dict(kind="actual", qualifier="exact", denominator=None, year=2024, subject=None) | kw
    return [Indicator(metric=metric, value=value, unit=unit, evidence=text_[max(0, m.start() - 30):m.end() + 20],
                      start=m.start(1), end=m.end(1), **fields)]


def old_extract(text_: str, *, published=None, normalised: bool = False) -> list[Indicator]:
    """Reads the rate and the new members."""
    return (_found(_RATE, text_, "member_good_rate", "percent")
            + _found(_MEMBERS, text_, "new_members", "count"))


def better_extract(text_: str, *, published=None, normalised: bool = False) -> list[Indicator]:
    """Reads the rate again with another qualifier (a changed reading), no longer reports the new
    members (a dropped figure), and reads the organisations (an added figure)."""
    return (_found(_RATE, text_, "member_good_rate", "percent", qualifier="at_least")
            + _found(_ORGS, text_, "org_count", "count"))


def which_process_extract(text_: str, *, published=None, normalised: bool = False) -> list[Indicator]:
    """`better_extract`, slowly (20 ms a text), with the id of the process that read the text as the
    subject: shows which process extracted which version."""
    time.sleep(0.02)
    return [replace(ind, subject=f"pid {os.getpid()}") for ind in better_extract(text_)]


def checksum(engine) -> dict:
    """Row counts and a content checksum of indicators and versions; ids, run ids and times left out
    (a killed run and its rerun legitimately number rows and runs differently)."""
    with engine.connect() as c:
        rows = c.execute(text(
            "SELECT a.canonical_url, v.version, i.metric, i.value, i.unit, i.kind, i.qualifier, i.denominator, "
            "i.year, i.subject, i.start_offset, i.end_offset, i.is_current, i.extractor_version, i.reading_hash, "
            "i.status, i.superseded_at IS NULL, i.superseded_by_run IS NULL "
            "FROM indicators i JOIN articles a ON a.id = i.article_id "
            "JOIN article_versions v ON v.id = i.version_id")).all()
        versions = c.execute(text(
            "SELECT a.canonical_url, v.version, v.extractor_version FROM article_versions v "
            "JOIN articles a ON a.id = v.article_id")).all()
    lines = sorted("|".join(str(x) for x in r) for r in rows)
    return {"indicators": len(rows), "current": sum(1 for r in rows if r[12]),
            "indicators_sha256": hashlib.sha256("\n".join(lines).encode()).hexdigest(),
            "versions_sha256": hashlib.sha256("\n".join(sorted("|".join(map(str, r)) for r in versions))
                                              .encode()).hexdigest()}


def main() -> None:  # python reextract_helpers.py URL SCHEMA|- KILL_AFTER_STATEMENTS
    from warehouse import load
    from warehouse.db import make_engine
    from warehouse.reextract import reextract

    url, schema, kill_after = sys.argv[1], sys.argv[2], int(sys.argv[3])
    engine = make_engine(url, connect_args={"options": f"-csearch_path={schema}"}) if schema != "-" \
        else make_engine(url)
    run_id = load.start_run(engine, "reextract", extractor_version=BETTER)
    seen = {"n": 0}

    @event.listens_for(engine, "after_cursor_execute")
    def _count(*_args) -> None:
        seen["n"] += 1
        if seen["n"] >= kill_after:
            os.kill(os.getpid(), signal.SIGKILL)

    reextract(engine, run_id, extract_fn=better_extract, extractor_version=BETTER, batch_size=2, workers=1)
    print("finished without being killed", flush=True)


if __name__ == "__main__":
    main()
