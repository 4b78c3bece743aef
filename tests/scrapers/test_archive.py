"""The WARC archive: what goes in comes back byte for byte, by offset and by iteration."""

from __future__ import annotations

import gzip
import hashlib
import threading
from datetime import UTC, datetime, timedelta

from warcio.archiveiterator import ArchiveIterator

from scrapers.archive import WarcArchive
from scrapers.fetch import FetchResult

WHEN = datetime(2025, 6, 17, 23, 59, 58, 123456, tzinfo=UTC)
BODY = "<html><body><p>Đảng bộ có 4.537 đảng viên</p></body></html>".encode()


def ok_result(url="https://example.vn/a-post1.html", body=BODY, when=WHEN, **kw) -> FetchResult:
    headers = {"Content-Type": "text/html; charset=utf-8", "Content-Encoding": "gzip",
               "Content-Length": "77", "ETag": '"abc"'}
    return FetchResult(url, kw.pop("final_url", url), 200, headers, body, body.decode(), "utf-8", None, when, **kw)


def failed_result(error="timeout (read)", status=None) -> FetchResult:
    return FetchResult("https://example.vn/b-post2.html", "https://example.vn/b-post2.html", status,
                       {"Retry-After": "5"} if status else {}, b"", None, None, error, WHEN, page_type="feed")


def test_response_round_trip(tmp_path):
    archive = WarcArchive(tmp_path)
    result = ok_result(final_url="https://www.example.vn/a-post1.html")
    ref = archive.write("example.vn", result)
    assert ref.file == "raw/example.vn/example.vn-20250617.warc.gz"
    assert ref.sha256 == hashlib.sha256(BODY).hexdigest()
    back = archive.read(ref.file, ref.offset)
    assert back.content == BODY and back.status == 200 and back.error is None
    assert back.url == "https://www.example.vn/a-post1.html" and back.requested_url == result.url
    assert back.fetched_at == WHEN
    # the body is stored decoded, so the encoding header must not claim otherwise
    names = {k.lower(): v for k, v in back.headers.items()}
    assert "content-encoding" not in names and names["content-length"] == str(len(BODY))
    assert names["etag"] == '"abc"'


def test_failure_is_a_metadata_record_with_its_reason(tmp_path):
    archive = WarcArchive(tmp_path)
    ref = archive.write("example.vn", failed_result("HTTP 503 after 3 retries", status=503))
    back = archive.read(ref.file, ref.offset)
    assert back.error == "HTTP 503 after 3 retries" and back.status == 503 and back.content == b""
    assert back.headers == {"Retry-After": "5"} and back.page_type == "feed"
    with gzip.open(tmp_path / ref.file, "rb") as fh:
        raw = fh.read()
    assert b"WARC-Type: metadata" in raw and b"Chitieu-Error: HTTP 503 after 3 retries" in raw


def test_not_modified_round_trip(tmp_path):
    archive = WarcArchive(tmp_path)
    result = FetchResult("https://example.vn/rss/home.rss", "https://example.vn/rss/home.rss", 304,
                         {"ETag": '"v2"'}, b"", None, None, None, WHEN, not_modified=True, page_type="feed")
    back = archive.read(*_loc(archive.write("example.vn", result)))
    assert back.status == 304 and back.not_modified and back.content == b"" and back.page_type == "feed"


def _loc(ref):
    return ref.file, ref.offset


def test_one_file_per_source_per_utc_day_and_iteration(tmp_path):
    archive = WarcArchive(tmp_path)
    refs = [
        archive.write("example.vn", ok_result(when=WHEN)),
        archive.write("example.vn", ok_result(url="https://example.vn/c-post3.html", when=WHEN + timedelta(seconds=5))),
        archive.write("other.vn", ok_result(url="https://other.vn/d-post4.html", when=WHEN)),
        archive.write("example.vn", failed_result()),
    ]
    assert refs[0].file == "raw/example.vn/example.vn-20250617.warc.gz"
    assert refs[1].file == "raw/example.vn/example.vn-20250618.warc.gz"  # 23:59:58 + 5 s is the next UTC day
    assert refs[2].file.startswith("raw/other.vn/")
    every = list(archive.iter_responses())
    assert sorted((r.file, r.offset) for r, _ in every) == sorted((r.file, r.offset) for r in refs)
    only = list(archive.iter_responses("example.vn"))
    assert len(only) == 3 and all(r.file.startswith("raw/example.vn/") for r, _ in only)
    by_ref = {(r.file, r.offset): (r, resp) for r, resp in every}
    for ref in refs:
        got_ref, got = by_ref[(ref.file, ref.offset)]
        assert got_ref.sha256 == ref.sha256
        assert got == archive.read(ref.file, ref.offset)


def test_concurrent_appends_stay_readable(tmp_path):
    archive = WarcArchive(tmp_path)
    refs, lock = [], threading.Lock()

    def writer(n):
        for i in range(25):
            body = f"<p>thread {n} page {i}</p>".encode() * (i + 1)
            ref = archive.write("example.vn", ok_result(url=f"https://example.vn/t{n}-post{i}.html", body=body))
            with lock:
                refs.append((ref, body))

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len({(r.file, r.offset) for r, _ in refs}) == 200
    for ref, body in refs:
        assert archive.read(ref.file, ref.offset).content == body
    # and the file is a valid WARC a standard reader walks end to end (warcinfo + 200 responses)
    with open(tmp_path / refs[0][0].file, "rb") as fh:
        types = [record.rec_type for record in ArchiveIterator(fh)]
    assert types[0] == "warcinfo" and types.count("response") == 200
