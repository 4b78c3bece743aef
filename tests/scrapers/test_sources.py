import re
from pathlib import Path

import pytest
import yaml

from scrapers.config import PRESETS_DIR, SOURCES_DIR, load_source_file, load_sources
from scrapers.css import compile_selector
from scrapers.parse import source_for_url
from scrapers.records import ParsedArticle

# the papers the mini-web serves, whose configs the tests below read closely
MINIWEB_PAPERS = {"baogialai.com.vn", "baohatinh.vn", "baodaklak.vn", "baoquangninh.vn"}


@pytest.fixture(scope="module")
def sources():
    return load_sources()


def _article(**kw):
    base = dict(url="https://baogialai.com.vn/a-post1.html", canonical_url="https://baogialai.com.vn/a-post1.html",
                source="baogialai.com.vn", title="Tin thời tiết", sapo=None, body="Trời nắng.", published_at=None)
    base.update(kw)
    return ParsedArticle(**base)


def test_all_shipped_sources_load_with_discovery_and_layouts(sources):
    assert MINIWEB_PAPERS <= set(sources) and len(sources) == 64
    for source in sources.values():
        assert source.status in {"active", "archival"}
        assert source.timezone == "Asia/Ho_Chi_Minh"
        # a paper of a known family reads pages with its layouts; the others take the generic path
        assert bool(source.layouts) == bool(source.family), source.name
        assert all(layout.body and layout.title for layout in source.layouts)
        assert source.discovery.feeds or source.discovery.listings
        for listing in source.discovery.listings:
            assert listing.pagination in ("?page={n}", None)
        re.compile(source.discovery.article_url_pattern)
    assert [layout.name for layout in sources["baogialai.com.vn"].layouts] == ["onecms", "legacy_channel"]
    assert "/rss/news/xay-dung-dang.rss" in sources["baoquangninh.vn"].discovery.feeds
    assert "/sitemap.xml" in sources["baogialai.com.vn"].discovery.sitemaps


@pytest.mark.parametrize("path", sorted(PRESETS_DIR.glob("*.yaml")) + sorted(SOURCES_DIR.glob("*.yaml")), ids=lambda p: p.name)
def test_every_selector_runs_on_lxml(path):
    """Field selectors must be ones cssselect translates (scrapers.css raises UnsupportedSelector otherwise)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    layouts = data.get("layouts", [data]) if "layouts" in data else [data]
    for layout in layouts:
        for key in ("detect", "title", "sapo", "body", "date", "author", "category", "tags", "remove"):
            for selector in layout.get(key, []):
                compile_selector(selector.rsplit("@", 1)[0] if re.search(r"@[\w:-]+$", selector) else selector)
        if layout.get("container"):
            compile_selector(layout["container"])


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("https://baogialai.com.vn/a-post1.html", "baogialai.com.vn"),
        ("https://www.baohatinh.vn/x-post2.html", "baohatinh.vn"),
        ("https://baodaklak.vn/chinh-tri/202403/a-1a2b3c4/", "baodaklak.vn"),
        ("https://baoquangninh.vn/a-12.html", "baoquangninh.vn"),
        ("https://baocantho.com.vn/a-a1.html", "baocantho.com.vn"),
        ("https://dongkhoi.baovinhlong.vn/a-a1.html", "baodongkhoi.vn"),
        ("https://baovinhlong.com.vn/a/202501/b-1a2b3c4/", "baovinhlong.com.vn"),
        ("https://vnexpress.net/a-1.html", None),
    ],
)
def test_source_for_url(sources, url, name):
    found = source_for_url(url, sources)
    assert (found.name if found else None) == name


def test_layout_for_distinguishes_both_baogialai_layouts(sources):
    gialai = sources["baogialai.com.vn"]
    assert gialai.layout_for("https://baogialai.com.vn/a-post580657.html?gidzl=x").name == "onecms"
    assert gialai.layout_for("https://baogialai.com.vn/channel/8301/201912/a-b-3089123/").name == "legacy_channel"
    assert gialai.layout_for("https://baogialai.com.vn/chinh-tri/201504/a-b-2124091/").name == "legacy_channel"
    assert gialai.layout_for("https://baogialai.com.vn/chinh-tri/") is None


def test_transport_override_round_trip():
    sources = load_sources({"baogialai.com.vn": "http://127.0.0.1:9999/baogialai.com.vn"})
    gialai = sources["baogialai.com.vn"]
    real = "https://baogialai.com.vn/a-post1.html"
    transport = gialai.fetch_url(real)
    assert transport == "http://127.0.0.1:9999/baogialai.com.vn/a-post1.html"
    assert gialai.real_url(transport) == real
    assert gialai.owns(transport)


def test_party_building_by_section_keyword_or_body(sources):
    gialai = sources["baogialai.com.vn"]
    assert gialai.is_party_building(_article(category="Xây dựng Đảng"))
    assert gialai.is_party_building(_article(title="Kết nạp Đảng cho 40 quần chúng ưu tú"))
    assert gialai.is_party_building(_article(tags=("chỉnh đốn Đảng",)))
    body = "Chi bộ thôn họp. Chi bộ có 30 đảng viên. Đảng viên mới được chi bộ giúp đỡ."
    assert gialai.is_party_building(_article(body=body))
    assert not gialai.is_party_building(_article())
    assert not gialai.is_party_building(_article(body="Một đảng viên tham gia giải chạy."))


def test_a_new_paper_of_a_known_family_is_a_few_lines(tmp_path: Path):
    path = tmp_path / "baolaocai.vn.yaml"
    path.write_text(
        "name: baolaocai.vn\nprovince: lao-cai\nprovince_name: Lào Cai\nbase_url: https://baolaocai.vn\n"
        "domains: [baolaocai.vn]\nlayouts:\n  - preset: onecms\n", encoding="utf-8")
    source = load_source_file(path)
    assert source.layouts[0].name == "onecms"
    assert source.layouts[0].body[0] == ".article__body"


def test_require_known_names_the_unknown_and_the_known():
    from scrapers.config import load_sources, require_known

    sources = load_sources()
    require_known(["baogialai.com.vn"], sources)
    require_known([], sources)
    with pytest.raises(ValueError) as raised:
        require_known(["x.vn", "baohatinh.vn", "a.vn"], sources)
    assert str(raised.value) == ("unknown source(s): a.vn, x.vn; known: baoangiang.com.vn, baoapbac.vn, "
                                 "baobacgiang.vn, baobackan.com.vn, baobaclieu.vn, … and 59 more "
                                 "(`chitieu sources` lists them)")
    few = {name: sources[name] for name in MINIWEB_PAPERS}
    with pytest.raises(ValueError, match="known: baodaklak.vn, baogialai.com.vn, baohatinh.vn, baoquangninh.vn$"):
        require_known(["x.vn"], few)
