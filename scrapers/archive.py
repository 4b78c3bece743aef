"""The raw archive: every response we got (or failed to get), as WARC records, so history can be
re-parsed with no network after a parser fix, and so every failure has evidence.

Layout: `<data_dir>/raw/<source>/<source>-<YYYYMMDD>.warc.gz`, one file per source per UTC day,
one gzip member per record, so a record is read back by seeking to its offset (the offset is what
`raw_pages` stores). Whole pages and 304s are WARC `response` records holding the decoded body
(requests has already undone any Content-Encoding, so that header is dropped and Content-Length
fixed). Failures are `metadata` records whose JSON payload carries the reason, status and headers.
Appends are serialised per file (a thread lock plus an advisory file lock for other processes),
and each record is written with one `write` call at the end of the file.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from scrapers.fetch import FetchResult

ERROR_HEADER = "Chitieu-Error"
REQUESTED_HEADER = "Chitieu-Requested-URI"
PAGE_TYPE_HEADER = "Chitieu-Page-Type"
FAILURE_TYPE = "application/vnd.chitieu.fetch-failure+json"
_DROP_HEADERS = {"content-encoding", "transfer-encoding", "content-length"}
_REASONS = {200: "OK", 304: "Not Modified"}


@dataclass(frozen=True)
class ArchiveRef:
    file: str  # relative to data_dir, e.g. "raw/baogialai.com.vn/baogialai.com.vn-20250617.warc.gz"
    offset: int
    sha256: str  # of the page body as archived (empty body for failures)


@dataclass(frozen=True)
class ArchivedResponse:
    url: str  # real URL the content came from (final URL after redirects)
    status: int | None
    headers: dict[str, str]
    content: bytes
    fetched_at: datetime
    error: str | None = None
    requested_url: str | None = None  # real URL asked for, when it differs from `url`
    page_type: str = "article"
    not_modified: bool = False


def _safe_name(name: str) -> str:
    return "".join(c if c.isalnum() or c in ".-_" else "_" for c in name) or "_"


class WarcArchive:
    def __init__(self, data_dir: Path) -> None:
        self.data_dir = Path(data_dir)
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()

    def _lock(self, file: str) -> threading.Lock:
        with self._guard:
            return self._locks.setdefault(file, threading.Lock())

    def path_for(self, source_name: str, when: datetime) -> str:
        day = when.astimezone(UTC).strftime("%Y%m%d")
        name = _safe_name(source_name)
        return f"raw/{name}/{name}-{day}.warc.gz"

    def write(self, source_name: str, result: FetchResult) -> ArchiveRef:
        rel = self.path_for(source_name, result.fetched_at)
        path = self.data_dir / rel
        record_bytes = self._record(result)
        with self._lock(rel):
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(path, "ab") as fh:
                fcntl.flock(fh, fcntl.LOCK_EX)
                try:
                    fh.seek(0, 2)
                    if fh.tell() == 0:
                        fh.write(self._warcinfo(path.name))
                    offset = fh.tell()
                    fh.write(record_bytes)
                    fh.flush()
                finally:
                    fcntl.flock(fh, fcntl.LOCK_UN)
        ref = ArchiveRef(rel, offset, hashlib.sha256(result.content).hexdigest())
        if result.page_type != "article" and result.error is None and not result.not_modified:
            self._remember(source_name, result.url, ref)
        return ref

    # A small per-source index of the latest good copy of each feed/listing/sitemap URL, so that a
    # 304 can be answered from the archive: an unchanged feed still lists the links an earlier run
    # failed to fetch, and they must be retried.
    def _index_path(self, source_name: str) -> Path:
        return self.data_dir / "raw" / _safe_name(source_name) / "latest-pages.json"

    def _remember(self, source_name: str, url: str, ref: ArchiveRef) -> None:
        path = self._index_path(source_name)
        with self._lock(str(path)):
            index = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
            index[url] = [ref.file, ref.offset]
            tmp = path.with_suffix(f".{threading.get_ident()}.tmp")
            tmp.write_text(json.dumps(index, ensure_ascii=False, sort_keys=True), encoding="utf-8")
            os.replace(tmp, path)

    def last_good(self, source_name: str, url: str) -> ArchivedResponse | None:
        """The latest whole copy of a feed/listing/sitemap page, or None if never archived."""
        path = self._index_path(source_name)
        try:
            index = json.loads(path.read_text(encoding="utf-8"))
            file, offset = index[url]
            return self.read(file, offset)
        except (OSError, KeyError, ValueError):
            return None

    def _warcinfo(self, filename: str) -> bytes:
        buf = BytesIO()
        writer = WARCWriter(buf, gzip=True, warc_version="1.1")
        writer.write_record(writer.create_warcinfo_record(filename, {
            "software": "chitieu scrapers.archive", "format": "WARC File Format 1.1",
        }))
        return buf.getvalue()

    def _record(self, result: FetchResult) -> bytes:
        buf = BytesIO()
        writer = WARCWriter(buf, gzip=True, warc_version="1.1")
        warc_headers = {
            "WARC-Date": result.fetched_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
            PAGE_TYPE_HEADER: result.page_type,
        }
        if result.final_url != result.url:
            warc_headers[REQUESTED_HEADER] = result.url
        if result.error is None:
            status = result.status or 200
            headers = [(k, v) for k, v in result.headers.items() if k.lower() not in _DROP_HEADERS]
            headers.append(("Content-Length", str(len(result.content))))
            http = StatusAndHeaders(f"{status} {_REASONS.get(status, 'OK')}", headers, protocol="HTTP/1.1")
            record = writer.create_warc_record(result.final_url, "response", payload=BytesIO(result.content),
                                               length=len(result.content), http_headers=http,
                                               warc_headers_dict=warc_headers)
        else:
            warc_headers[ERROR_HEADER] = result.error
            payload = json.dumps({
                "url": result.url, "final_url": result.final_url, "status": result.status,
                "headers": result.headers, "error": result.error, "page_type": result.page_type,
                "redirects": result.redirects,
            }, ensure_ascii=False).encode("utf-8")
            record = writer.create_warc_record(result.final_url, "metadata", payload=BytesIO(payload),
                                               length=len(payload), warc_content_type=FAILURE_TYPE,
                                               warc_headers_dict=warc_headers)
        writer.write_record(record)
        return buf.getvalue()

    def read(self, file: str, offset: int) -> ArchivedResponse:
        with open(self.data_dir / file, "rb") as fh:
            fh.seek(offset)
            for record in ArchiveIterator(fh):
                return _to_response(record)
        raise ValueError(f"no WARC record at {file}:{offset}")

    def iter_responses(self, source_name: str | None = None) -> Iterator[tuple[ArchiveRef, ArchivedResponse]]:
        """Every archived fetch in file order (oldest day first), for re-parsing without network."""
        raw = self.data_dir / "raw"
        pattern = f"{_safe_name(source_name)}/*.warc.gz" if source_name else "*/*.warc.gz"
        for path in sorted(raw.glob(pattern)):
            rel = path.relative_to(self.data_dir).as_posix()
            with open(path, "rb") as fh:
                iterator = ArchiveIterator(fh)
                for record in iterator:
                    if record.rec_type not in ("response", "metadata"):
                        continue
                    response = _to_response(record)
                    offset = iterator.get_record_offset()
                    yield ArchiveRef(rel, offset, hashlib.sha256(response.content).hexdigest()), response


def _to_response(record) -> ArchivedResponse:
    rec = record.rec_headers
    fetched_at = datetime.fromisoformat(rec.get_header("WARC-Date").replace("Z", "+00:00"))
    url = rec.get_header("WARC-Target-URI")
    page_type = rec.get_header(PAGE_TYPE_HEADER) or "article"
    requested = rec.get_header(REQUESTED_HEADER) or url
    body = record.content_stream().read()
    if record.rec_type == "metadata":
        info = json.loads(body.decode("utf-8"))
        return ArchivedResponse(url, info.get("status"), info.get("headers") or {}, b"", fetched_at,
                                error=info.get("error"), requested_url=info.get("url"), page_type=page_type)
    http = record.http_headers
    status = int(http.get_statuscode()) if http else None
    headers = dict(http.headers) if http else {}
    return ArchivedResponse(url, status, headers, body, fetched_at, error=None, requested_url=requested,
                            page_type=page_type, not_modified=status == 304)
