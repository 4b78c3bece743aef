"""Fuzz: whatever the web sends, the parsers and the extractor answer or fail in the documented way.

Hypothesis builds HTML out of the very selectors the sources' layouts look for (so the layout code
paths run, not only the "no article here" exit), feeds and sitemaps with hostile content, and
article text full of Vietnamese number formats. The only acceptable exceptions are ParseError from
`parse_page` and DiscoveryError from the feed/sitemap parsers; `extract` must never raise, and what
it returns must point inside the text it was given.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

FUZZ = settings(max_examples=300, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

VI_WORDS = ["Đảng", "đảng viên", "tổ chức cơ sở đảng", "hoàn thành tốt nhiệm vụ", "xuất sắc", "kết nạp", "chi bộ",
            "đạt", "tỷ lệ", "năm", "so với", "cùng kỳ", "tăng", "giảm", "trên", "gần", "khoảng", "hơn",
            "Nghị quyết", "cấp ủy", "Tỉnh ủy", "(GLO) -", "Theo đó,", "trong đó", "bị kỷ luật", "kế hoạch"]
NUMBERS = st.one_of(
    st.integers(0, 10**7).map(str),
    st.builds(lambda a, b: f"{a},{b}", st.integers(0, 999), st.integers(0, 99)),
    st.builds(lambda a, b: f"{a}.{b:03d}", st.integers(1, 999), st.integers(0, 999)),
    st.builds(lambda a: f"{a}%", st.integers(0, 200)),
    st.builds(lambda a, b: f"{a}/{b}", st.integers(0, 5000), st.integers(0, 5000)),
    st.sampled_from(["100%", "98,6%", "1.234.567", "12/2024", "2.5", "-3", "1e9", "٣", "½", "Ⅻ"]),
)
TOKENS = st.one_of(st.sampled_from(VI_WORDS), NUMBERS, st.text(max_size=8),
                   st.sampled_from([" ", "\n", "\n\n", ".", ",", ";", ":", "–", "\u00a0", "\u200b", "\ufeff"]))
VI_TEXT = st.lists(TOKENS, max_size=60).map(" ".join)

TAGS = ["div", "p", "span", "h1", "h2", "article", "section", "a", "strong", "em", "figure", "figcaption",
        "table", "tr", "td", "ul", "li", "time", "script", "style", "header", "footer", "br", "img"]
CLASSES = ["detail-content", "article-content", "content", "sapo", "detail-sapo", "article__sapo", "name",
           "content-detail", "main-content", "time", "date", "author", "detail-author", "tags", "related",
           "box-related", "fck_detail", "article-detail", "title", "cms-body", "breadcrumb", "ads"]
IDS = ["content", "content-detail", "main", "article", "body"]


def _element(children):
    return st.builds(
        lambda tag, cls, ident, kids: f"<{tag}{f' class={cls!r}' if cls else ''}{f' id={ident!r}' if ident else ''}>"
                                      f"{''.join(kids)}</{tag}>",
        st.sampled_from(TAGS), st.none() | st.sampled_from(CLASSES), st.none() | st.sampled_from(IDS),
        st.lists(children, max_size=5))


HTML_NODES = st.recursive(VI_TEXT | st.sampled_from(["&amp;", "&#x1F600;", "&#0;", "<!-- c -->", "<![CDATA[x]]>"]),
                          _element, max_leaves=40)
HEAD = st.lists(st.sampled_from([
    '<meta charset="utf-8">', '<meta charset="x-unknown">', '<meta property="og:title" content="Tiêu đề">',
    '<meta property="article:published_time" content="2025-03-05T08:00:00+07:00">',
    '<meta property="article:published_time" content="not a date">',
    '<meta name="pubdate" content="05/03/2025 08:00">', '<link rel="canonical" href="/x">',
    '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "H", "datePublished": "2025-13-45"}'
    "</script>",
    '<script type="application/ld+json">{"@type": [</script>', "<title>Tiêu đề</title>",
]), max_size=6).map("".join)
PAGES = st.one_of(
    st.builds(lambda head, body: f"<!doctype html><html><head>{head}</head><body>{body}</body></html>", HEAD,
              st.lists(HTML_NODES, max_size=6).map("".join)),
    st.text(max_size=300),
    st.binary(max_size=300),
    st.builds(lambda n: "<div>" * n + "x" + "</div>" * n, st.integers(0, 3000)),  # deep nesting
)
ARTICLE_PATHS = ["/chinh-tri/ket-qua-danh-gia-post{n}.html", "/xay-dung-dang/202503/ket-qua-{n}/",
                 "/tin-tuc/{n}.html", "/a-{n}.html", "/", "/chinh-tri/?page={n}"]


@lru_cache(maxsize=1)
def _sources() -> tuple:
    from scrapers.config import load_sources

    return tuple(load_sources().values())


@pytest.fixture(scope="module")
def need_sources():
    assert _sources(), "no sources YAML found under scrapers/sources/"


@FUZZ
@given(page=PAGES, index=st.integers(0, 100), path=st.sampled_from(ARTICLE_PATHS), n=st.integers(0, 10**9))
@pytest.mark.usefixtures("need_sources")
def test_parse_page_raises_only_parse_error(page, index, path, n):
    from scrapers.parse import parse_page
    from scrapers.records import ParseError

    source = _sources()[index % len(_sources())]
    url = source.base_url.rstrip("/") + path.format(n=n)
    try:
        article = parse_page(page, url, source)
    except ParseError as exc:
        assert str(exc).strip() and "\n" not in str(exc)  # a one-line reason that can be recorded
        return
    assert article.title.strip()
    assert article.published_at is None or article.published_at.tzinfo is not None
    assert article.canonical_url.startswith("http")


@lru_cache(maxsize=1)
def _real_pages() -> tuple:
    from benchmarks.corpus import miniweb_articles

    try:
        return tuple(miniweb_articles())
    except FileNotFoundError:
        return ()


INSERTS = st.one_of(HTML_NODES, st.sampled_from(["<", ">", "</div>", "<div>", "<p>", "<!--", "&#", "\x00", "</html>",
                                                 "<script>", "<h1></h1>", '<meta property="og:title" content="">']))
MUTATIONS = st.lists(st.tuples(st.sampled_from(["cut", "insert", "duplicate"]), st.floats(0, 1), st.floats(0, 1),
                               INSERTS), min_size=1, max_size=4)


def _mutate(html: str, mutations) -> str:
    for kind, where, size, token in mutations:
        pos = int(where * len(html))
        span = int(size * 3000)
        if kind == "cut":
            html = html[:pos] + html[pos + span:]
        elif kind == "insert":
            html = html[:pos] + token + html[pos:]
        else:
            html = html[:pos] + html[pos:pos + span] + html[pos:]
    return html


@FUZZ
@given(index=st.integers(0, 10_000), mutations=MUTATIONS)
@pytest.mark.usefixtures("need_sources")
def test_parse_page_on_damaged_real_pages(index, mutations):
    """Real mini-web pages with slices cut, doubled or replaced: the layout paths run on broken input."""
    from pipeline.steps import parse_and_extract
    from scrapers.records import ParseError

    pages = _real_pages()
    assert pages, "the mini-web snapshot (chitieu/miniweb/site) has no article page"
    page = pages[index % len(pages)]
    source = {s.name: s for s in _sources()}[page.host]
    try:
        article, indicators, _ = parse_and_extract(_mutate(page.html.decode("utf-8"), mutations), page.url, source)
    except ParseError as exc:
        assert str(exc).strip() and "\n" not in str(exc)
        return
    assert article.title.strip() and article.canonical_url.startswith("https://")
    for ind in indicators:
        assert 0 <= ind.start < ind.end


LINKS = st.one_of(st.sampled_from(["https://baogialai.com.vn/chinh-tri/x-post1.html", "javascript:alert(1)",
                                   "//evil.example/x", "/relative-post2.html", "", "https://[::1/", "ftp://x"]),
                  st.text(max_size=40))
XML_TEXT = st.one_of(VI_TEXT, st.sampled_from(["&amp;", "&lt;b&gt;", "<![CDATA[<b>x</b>]]>", "&undefined;",
                                               "Mon, 32 Foo 2025 99:99:99 +0700", "2025-03-05T08:00:00+07:00"]))


def _xml_escape_some(value: str) -> str:
    return value.replace("&", "&amp;") if "&" in value and ";" not in value else value


FEEDS = st.one_of(
    st.builds(
        lambda items: '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>t</title>'
                      + "".join(f"<item><title>{_xml_escape_some(t)}</title><link>{_xml_escape_some(link)}</link>"
                                f"<pubDate>{_xml_escape_some(d)}</pubDate></item>" for t, link, d in items)
                      + "</channel></rss>",
        st.lists(st.tuples(XML_TEXT, LINKS, XML_TEXT), max_size=8)),
    st.builds(
        lambda items: '<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>'
                      + "".join(f'<entry><title>{_xml_escape_some(t)}</title><link href="{_xml_escape_some(link)}"/>'
                                f"<updated>{_xml_escape_some(d)}</updated></entry>" for t, link, d in items)
                      + "</feed>",
        st.lists(st.tuples(XML_TEXT, LINKS, XML_TEXT), max_size=8)),
    st.text(max_size=200), st.binary(max_size=200),
)
SITEMAPS = st.one_of(
    st.builds(
        lambda kind, items: '<?xml version="1.0"?>'
        + ('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
           + "".join(f"<url><loc>{_xml_escape_some(loc)}</loc><lastmod>{_xml_escape_some(d)}</lastmod></url>"
                     for loc, d in items) + "</urlset>"
           if kind == "urlset" else
           '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
           + "".join(f"<sitemap><loc>{_xml_escape_some(loc)}</loc><lastmod>{_xml_escape_some(d)}</lastmod></sitemap>"
                     for loc, d in items) + "</sitemapindex>"),
        st.sampled_from(["urlset", "index"]), st.lists(st.tuples(LINKS, XML_TEXT), max_size=8)),
    st.text(max_size=200), st.binary(max_size=200),
    st.just(b"\x1f\x8b\x08\x00garbage"),  # a broken gzip header
)


def _bytes(value) -> bytes:
    return value if isinstance(value, bytes) else value.encode("utf-8", errors="surrogatepass")


IPV6_LINK_FEED = ('<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>a</title>'
                  "<link>https://[::1/</link></item></channel></rss>")  # once raised a bare ValueError


@FUZZ
@given(feed=FEEDS, index=st.integers(0, 100))
@example(feed=IPV6_LINK_FEED, index=0)
@example(feed='<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>t</title>'
              "<item><title></title><link>https://baogialai.com.vn/chinh-tri/x-post1.html</link></item>"
              "<item><title></title><link></ITEM</link></item></channel></rss>", index=0)  # feedparser raised KeyError
@pytest.mark.usefixtures("need_sources")
def test_parse_feed_raises_only_discovery_error(feed, index):
    from scrapers.discovery import DiscoveryError, parse_feed

    source = _sources()[index % len(_sources())]
    try:
        links = parse_feed(_bytes(feed), source)
    except DiscoveryError as exc:
        assert str(exc).strip()
        return
    for link in links:  # whatever the feed said, only the source's own article URLs come out
        assert source.owns(link.url), link.url
        assert link.published_at is None or link.published_at.tzinfo is not None


@FUZZ
@given(sitemap=SITEMAPS)
def test_parse_sitemap_raises_only_discovery_error(sitemap):
    from scrapers.discovery import DiscoveryError, parse_sitemap

    try:
        result = parse_sitemap(_bytes(sitemap))
    except DiscoveryError as exc:
        assert str(exc).strip()
        return
    assert all(isinstance(link.url, str) and link.url for link in result.urls)
    assert all(link.published_at is None or link.published_at.tzinfo is not None for link in result.urls)


@FUZZ
@given(text=st.one_of(VI_TEXT, st.text(max_size=500)), published=st.none() | st.dates(date(1990, 1, 1)))
@example(text="Đảng \n đảng viên 0", published=None)  # a line joined for reading, quoted as written
def test_extract_never_raises_and_offsets_point_into_the_text(text, published):
    from indicators import extract as extract_module
    from indicators.normalise import normalise_text
    from indicators.record import KINDS, QUALIFIERS, UNITS

    indicators = extract_module.extract(text, published=published)
    normalised = normalise_text(text)
    for ind in indicators:
        assert 0 <= ind.start < ind.end <= len(normalised)
        assert ind.unit in UNITS and ind.kind in KINDS and ind.qualifier in QUALIFIERS
        assert ind.value == ind.value  # not NaN
        if ind.evidence_start is not None:
            assert normalised[ind.evidence_start:ind.evidence_end] == ind.evidence
