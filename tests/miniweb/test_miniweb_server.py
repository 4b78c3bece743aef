"""The mini-web serves the snapshot over HTTP as the real sites would: pages, feeds, sitemaps, pages of
listings, conditional GETs, the short read, and the night-2 overlay."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import feedparser
import pytest
import requests
from bs4 import BeautifulSoup
from defusedxml import ElementTree

from chitieu.miniweb import MiniWeb, load_manifest

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture(scope="module")
def web():
    with MiniWeb() as server:
        yield server


@pytest.fixture(scope="module")
def manifest() -> dict:
    return load_manifest(1)


def test_overrides_map_every_paper_to_its_transport_base(web):
    overrides = web.overrides()
    assert set(overrides) == {"baogialai.com.vn", "baohatinh.vn", "baodaklak.vn", "baoquangninh.vn"}
    for host, base in overrides.items():
        assert base == f"{web.base_url}/{host}" and base.startswith("http://127.0.0.1:")


def test_every_article_is_served_as_html(web, manifest):
    session = requests.Session()
    for entry in manifest["articles"]:
        if entry["bad"] == "short_read":
            continue
        response = session.get(web.url(entry["url"]), timeout=5)
        assert response.status_code == 200, entry["url"]
        assert response.headers["Content-Type"] == "text/html; charset=utf-8"
        soup = BeautifulSoup(response.content, "lxml")
        assert soup.find("h1").get_text(strip=True) == entry["title"]
        assert response.headers["ETag"]
        assert ("Last-Modified" in response.headers) == (entry["published_at"] is not None)


def test_short_read_breaks_the_transfer(web, manifest):
    entry = next(a for a in manifest["articles"] if a["bad"] == "short_read")
    with pytest.raises(requests.exceptions.ChunkedEncodingError):
        requests.get(web.url(entry["url"]), timeout=5)


def test_tracking_query_is_ignored_and_unknown_paths_are_404(web, manifest):
    entry = next(a for a in manifest["articles"] if a["layout"] == "onecms" and not a["bad"])
    assert requests.get(web.url(entry["url"]) + "?gidzl=abc", timeout=5).status_code == 200
    for path in ("/manifest.json", "/_serve.json", "/baogialai.com.vn/../site/manifest.json",
                 "/baogialai.com.vn/khong-co-bai-nay-post1.html", "/example.com/"):
        assert requests.get(web.base_url + path, timeout=5).status_code == 404, path


def test_feeds_are_valid_rss_listing_the_articles(web, manifest):
    listed: set[str] = set()
    for host, info in manifest["hosts"].items():
        assert info["feeds"]
        for feed_url in info["feeds"]:
            response = requests.get(web.url(feed_url), timeout=5)
            assert response.headers["Content-Type"].startswith("application/rss+xml")
            feed = feedparser.parse(response.content)
            assert not feed.bozo, (feed_url, feed.get("bozo_exception"))
            assert feed.entries
            for item in feed.entries:
                assert urlsplit(item.link).hostname == host
            listed |= {item.link for item in feed.entries}
    modern = {a["url"] for a in manifest["articles"] if "/channel/" not in a["url"]}
    assert modern <= listed, "every current article is in some feed"
    nodate = next(a for a in manifest["articles"] if a["bad"] == "no_date")
    feed = feedparser.parse(requests.get(web.url(manifest["hosts"]["baodaklak.vn"]["feeds"][0]), timeout=5).content)
    assert not next(i for i in feed.entries if i.link == nodate["url"]).get("published")


def test_quangninh_rss_index_links_its_feeds(web, manifest):
    info = manifest["hosts"]["baoquangninh.vn"]
    soup = BeautifulSoup(requests.get(web.url(info["rss_index"]), timeout=5).content, "lxml")
    assert {a["href"] for a in soup.select("ul.rss-list a")} == set(info["feeds"])
    assert "https://baoquangninh.vn/rss/news/xay-dung-dang.rss" in info["feeds"]


def test_sitemaps_reference_files_that_exist(web, manifest):
    seen = set()
    for info in manifest["hosts"].values():
        for index_url in info["sitemaps"]:
            response = requests.get(web.url(index_url), timeout=5)
            assert response.headers["Content-Type"].startswith("application/xml")
            index = ElementTree.fromstring(response.content)
            monthly = [loc.text for loc in index.findall("sm:sitemap/sm:loc", NS)]
            assert monthly and all("/sitemaps/news-" in loc for loc in monthly)
            for loc in monthly:
                urlset = ElementTree.fromstring(requests.get(web.url(loc), timeout=5).content)
                for url in (u.text for u in urlset.findall("sm:url/sm:loc", NS)):
                    seen.add(url)
    served = {a["url"] for a in manifest["articles"]}
    assert seen and seen <= served
    for url in seen:
        assert requests.head(web.url(url), timeout=5).status_code == 200


def _walk(web, listing: dict) -> tuple[list[str], int]:
    links, page, url = [], 0, listing["url"]
    while url:
        response = requests.get(web.url(url), timeout=5)
        assert response.status_code == 200
        soup = BeautifulSoup(response.content, "lxml")
        # a card links its thumbnail and its heading to the same article, as on the real sites
        links += dict.fromkeys(urljoin(listing["url"], a["href"]) for a in soup.select(listing["link_selector"]))
        page += 1
        nxt = listing["url"] + f"?page={page + 1}"
        url = nxt if any(a["href"].endswith(f"?page={page + 1}") for a in soup.select("a[href]")) else None
    return links, page


def test_listings_paginate_over_every_report(web, manifest):
    for host, info in manifest["hosts"].items():
        for listing in info["listings"]:
            links, pages = _walk(web, listing)
            assert pages == listing["pages"] >= 2 or "/channel/" in listing["url"]
            assert len(links) == len(set(links)), "no article on two pages of one listing"
            expected = {a["url"] for a in manifest["articles"] if a["host"] == host and a["party_building"]
                        and ("/channel/" in a["url"]) == ("/channel/" in listing["url"])}
            assert set(links) == expected, listing["url"]
    beyond = manifest["hosts"]["baohatinh.vn"]["listings"][0]
    assert requests.get(web.url(beyond["url"]) + f"?page={beyond['pages'] + 1}", timeout=5).status_code == 404


def test_conditional_requests_get_304(web, manifest):
    url = web.url(manifest["hosts"]["baogialai.com.vn"]["feeds"][0])
    first = requests.get(url, timeout=5)
    assert requests.get(url, headers={"If-None-Match": first.headers["ETag"]}, timeout=5).status_code == 304
    assert requests.get(url, headers={"If-None-Match": '"other"'}, timeout=5).status_code == 200
    assert requests.get(url, headers={"If-Modified-Since": first.headers["Last-Modified"]}, timeout=5).status_code == 304
    old = "Mon, 01 Jan 2024 00:00:00 GMT"
    assert requests.get(url, headers={"If-Modified-Since": old}, timeout=5).status_code == 200


def test_robots_txt_has_crawl_delay_and_disallow(web):
    text = requests.get(f"{web.base_url}/baogialai.com.vn/robots.txt", timeout=5).text
    assert "Crawl-delay: 1" in text and "Disallow: /search/" in text
    assert all(requests.get(f"{web.base_url}/{h}/robots.txt", timeout=5).status_code == 200 for h in web.hosts)


def test_request_log_records_paths(manifest):
    with MiniWeb() as server:
        requests.get(f"{server.base_url}/baohatinh.vn/rss/home.rss", timeout=5)
        requests.get(f"{server.base_url}/baohatinh.vn/xay-dung-dang/?page=2", timeout=5)
        assert server.request_log == ["/baohatinh.vn/rss/home.rss", "/baohatinh.vn/xay-dung-dang/?page=2"]
    with pytest.raises(RuntimeError):
        _ = server.base_url


def test_night_two_overlays_changes_and_keeps_the_rest(web, manifest):
    night2 = load_manifest(2)
    edited = next(a for a in night2["articles"] if a["edited"])
    new = [a for a in night2["articles"] if a["url"] not in {m["url"] for m in manifest["articles"]}]
    untouched = next(a for a in manifest["articles"] if a["host"] == "baodaklak.vn" and not a["bad"])
    before = {u: requests.get(web.url(u), timeout=5) for u in (edited["url"], untouched["url"])}
    with MiniWeb(night=2) as web2:
        changed = requests.get(web2.url(edited["url"]),
                               headers={"If-None-Match": before[edited["url"]].headers["ETag"]}, timeout=5)
        assert changed.status_code == 200 and changed.content != before[edited["url"]].content
        same = requests.get(web2.url(untouched["url"]),
                            headers={"If-None-Match": before[untouched["url"]].headers["ETag"]}, timeout=5)
        assert same.status_code == 304
        for entry in new:
            assert requests.get(web2.url(entry["url"]), timeout=5).status_code == 200
            assert requests.get(web.url(entry["url"]), timeout=5).status_code == 404
        feeds = [f for e in new for f in night2["hosts"][e["host"]]["feeds"]]
        links = {i.link for f in feeds for i in feedparser.parse(requests.get(web2.url(f), timeout=5).content).entries}
        assert {e["url"] for e in new} <= links
