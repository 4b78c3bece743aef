from urllib.parse import urljoin

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scrapers.urls import canonicalize, join_url, same_site


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("https://baogialai.com.vn/a-post1.html?gidzl=abc", "https://baogialai.com.vn/a-post1.html"),
        ("HTTPS://BaoGiaLai.com.vn:443/a-post1.html#comments", "https://baogialai.com.vn/a-post1.html"),
        ("https://baogialai.com.vn/a-post1.html?utm_source=fb&utm_medium=x&fbclid=1", "https://baogialai.com.vn/a-post1.html"),
        ("http://baodaklak.vn/chinh-tri/202403/a-1a2b3c4/", "http://baodaklak.vn/chinh-tri/202403/a-1a2b3c4/"),
        ("https://baocantho.com.vn/tim-kiem/Phó Thủ tướng.html", "https://baocantho.com.vn/tim-kiem/Ph%C3%B3%20Th%E1%BB%A7%20t%C6%B0%E1%BB%9Bng.html"),
        ("https://baoquangninh.vn//xay-dung-dang//a-12.html", "https://baoquangninh.vn/xay-dung-dang/a-12.html"),
        ("http://127.0.0.1:8080/x.html", "http://127.0.0.1:8080/x.html"),
    ],
)
def test_canonicalize_articles(raw, expected):
    assert canonicalize(raw) == expected


def test_canonicalize_is_idempotent_and_quotes_once():
    once = canonicalize("https://baocantho.com.vn/tim-kiem/Nguyễn Hoà Bình.html?x=1")
    assert canonicalize(once) == once
    assert "%25" not in once


def test_listing_urls_keep_meaningful_query_but_not_tracking():
    url = "https://baogialai.com.vn/chinh-tri/?utm_campaign=a&page=2&gidzl=zz"
    assert canonicalize(url, article=False) == "https://baogialai.com.vn/chinh-tri/?page=2"


def test_https_only_when_asked():
    assert canonicalize("http://baohatinh.vn/a-post2.html", force_https=True) == "https://baohatinh.vn/a-post2.html"
    assert canonicalize("http://baohatinh.vn/a-post2.html").startswith("http://")


def test_same_site_accepts_subdomains_only():
    assert same_site("https://cdn.baogialai.com.vn/x.jpg", {"baogialai.com.vn"})
    assert not same_site("https://baogialai.com.vn.evil.example/x", {"baogialai.com.vn"})


_URL_PIECES = st.sampled_from(
    ["http://", "https://", "HTTPS://", "//", "/", "./", "../", "a", "B", "ω", ".", "..", ":", ":80", "?", "#",
     "=", "&", ";", " ", "\t", "\n", "\x00", "%20", "[", "]", "@", "example.org", "Bao.VN", "-post1.html"]
)


_ABSOLUTE_LINKS = st.tuples(
    st.sampled_from(["http://", "https://", "HTTP://", "ftp://", " https://"]),
    st.sampled_from(["a.vn", "Bao.VN", "[::1]", "[bad", "x_y.vn", "ω.vn", ""]),
    st.sampled_from(["", ":", ":80", ":x"]),
    st.lists(st.sampled_from(["/", "a", "?", "#", ";", "=", " ", "\t", "%20", "..", "ω", "//"]), max_size=6).map("".join),
).map("".join)


@settings(max_examples=300)
@given(_ABSOLUTE_LINKS | st.lists(_URL_PIECES, max_size=10).map("".join),
       st.sampled_from(["https://b.org/x/y.html", "http://h:8/"]))
def test_join_url_is_urljoin(href, base):
    """The fast path for absolute links must give what `urljoin` gives, whatever the link."""
    try:
        expected = urljoin(base, href)
    except ValueError:  # e.g. an unbalanced IPv6 bracket: join_url must fail the same way
        with pytest.raises(ValueError):
            join_url(base, href)
        return
    assert join_url(base, href) == expected


def test_join_url_returns_plain_absolute_links_as_they_are():
    link = "https://baogialai.com.vn/uploaded/2025/anh-1.jpg"
    assert join_url("https://baogialai.com.vn/a-post1.html", link) is link
