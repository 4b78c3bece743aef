"""One decoder for every path: a UTF-8 page whose <meta charset> lies reads the same on the night
(fetched, decoded by the fetcher) and on a reparse (archived bytes), so no spurious article version."""

from __future__ import annotations

from sqlalchemy import func, select

from chitieu.settings import Settings
from pipeline.steps import process_pages, reparse_archive
from scrapers.archive import WarcArchive
from scrapers.charset import decode_body
from scrapers.config import load_sources
from scrapers.fetch import Fetcher
from scrapers.pages import FetchedPage
from scrapers.parse import parse_page
from warehouse import load, models
from warehouse.db import ensure_schema, make_engine

SOURCE = "baohatinh.vn"
PATH = "/chi-bo-thon-ket-nap-dang-vien-tre-post299001.html"
TITLE = "Chi bộ thôn kết nạp đảng viên trẻ"
# UTF-8 bytes under a latin-1 label (every byte sequence decodes under it): read by the label,
# "bộ" would become "bá»\x99"
PAGE = f"""<!DOCTYPE html><html lang="vi"><head><meta charset="iso-8859-1">
<title>{TITLE}</title><meta property="og:type" content="article">
<meta property="article:published_time" content="2025-03-02T09:00:00+0700"></head><body>
<div class="article"><h1 class="article__title cms-title">{TITLE}</h1>
<div class="article__sapo cms-desc">(BHT) - Chi bộ thôn Trung vừa kết nạp 3 đảng viên là đoàn viên ưu tú.</div>
<div class="article__body zce-content-body cms-body" itemprop="articleBody">
<p>Cả 3 quần chúng được kết nạp đều dưới 30 tuổi, từng tham gia đội thanh niên tình nguyện của xã.</p>
<p>Năm nay chi bộ phấn đấu kết nạp thêm 2 đảng viên, nâng tổng số lên 41 đồng chí.</p>
</div></div></body></html>""".encode()


def _versions(engine) -> list[str]:
    with engine.connect() as conn:
        return list(conn.scalars(select(models.ArticleVersion.content_hash)))


def test_page_whose_meta_charset_lies_hashes_the_same_on_the_night_and_on_reparse(tmp_path, server):
    server.expect_request(PATH).respond_with_data(PAGE, content_type="text/html")  # no charset in the header
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'w.db'}", data_dir=tmp_path / "data",
                        politeness_delay=0.0)
    engine = make_engine(settings.database_url)
    ensure_schema(engine)
    load.sync_sources(engine, load_sources().values())
    source = load_sources({SOURCE: server.url_for("")})[SOURCE]
    source = source.model_copy(update={"politeness": source.politeness.model_copy(update={"delay_seconds": 0})})
    archive = WarcArchive(settings.data_dir)

    result = Fetcher(settings).fetch(f"https://{SOURCE}{PATH}", source)
    assert result.error is None and result.text is not None and TITLE in result.text
    night = process_pages(engine, load.start_run(engine, "nightly"), source,
                          [FetchedPage(result, archive.write(SOURCE, result), "article")])
    assert night.parsed == 1 and night.new == 1
    first = _versions(engine)

    replay = reparse_archive(engine, load.start_run(engine, "reparse"), load_sources()[SOURCE], archive)
    assert replay.parsed == 1 and replay.unchanged == 1 and replay.new == replay.updated == 0
    assert _versions(engine) == first  # the same content hash: no second version
    with engine.connect() as conn:
        assert conn.scalar(select(models.Article.title)) == TITLE
        assert conn.scalar(select(func.count()).select_from(models.ArticleVersion)) == 1


def test_every_entry_point_reads_the_bytes_as_the_fetcher_does():
    text, codec = decode_body(PAGE, "text/html")
    assert codec == "utf-8" and TITLE in text
    url = f"https://{SOURCE}{PATH}"
    assert parse_page(PAGE, url).text == parse_page(text, url).text  # chitieu parse, extract, benchmarks
    assert parse_page(PAGE, url, content_type="text/html; charset=windows-1252").title == TITLE
