"""The pure parts of politeness: robots.txt rules (RFC 9309 on missing files) and the host throttle."""

from __future__ import annotations

import threading

from scrapers.robots import policy_from_response
from scrapers.throttle import HostThrottle

UA = "chitieu/0.1 (+https://github.com/chitieu/chitieu; data research crawler)"
ROBOTS = """# comment
User-agent: Googlebot
Disallow:
Crawl-delay: 10

User-agent: chitieu
User-agent: otherbot
Disallow: /search
Crawl-delay: 2.5

User-agent: *
Disallow: /private/
Crawl-delay: 1
"""


def test_own_group_wins_and_fractional_delay_is_read():
    policy = policy_from_response(200, ROBOTS, UA)
    assert policy.crawl_delay == 2.5
    assert not policy.allows("https://example.vn/search?q=dang", UA)
    assert policy.allows("https://example.vn/private/a-post1.html", UA)  # only '*' forbids it
    other = "somebot/1.0"
    assert not policy_from_response(200, ROBOTS, other).allows("https://example.vn/private/x", other)
    assert policy_from_response(200, ROBOTS, other).crawl_delay == 1.0


def test_wildcard_rules_are_obeyed():
    """`*` matches any run of characters and `$` ends the path (RFC 9309 2.2.3), which
    urllib.robotparser ignored: it let a print view through and blocked nothing by suffix."""
    robots = "User-agent: *\nDisallow: /*?print=\nDisallow: /*.pdf$\n"
    policy = policy_from_response(200, robots, UA)
    assert not policy.allows("https://example.vn/chinh-tri/bai-viet-post1.html?print=1", UA)
    assert not policy.allows("https://example.vn/van-ban/nghi-quyet.pdf", UA)
    assert policy.allows("https://example.vn/chinh-tri/bai-viet-post1.html", UA)
    assert policy.allows("https://example.vn/chinh-tri/bai-viet-post1.html?page=2", UA)
    assert policy.allows("https://example.vn/van-ban/nghi-quyet.pdf.html", UA)  # `$`: the path must end there


def test_the_longest_matching_rule_wins_whatever_its_order():
    """RFC 9309 2.2.2: the most specific (longest) match decides, and Allow wins a tie; the first
    matching line, as urllib.robotparser read it, must not."""
    robots = ("User-agent: *\n"
              "Disallow: /\n"
              "Allow: /chinh-tri/\n"
              "Disallow: /chinh-tri/noi-bo/\n"
              "Allow: /tin\n"
              "Disallow: /tin\n")
    policy = policy_from_response(200, robots, UA)
    assert not policy.allows("https://example.vn/kinh-te/a-post2.html", UA)
    assert policy.allows("https://example.vn/chinh-tri/a-post3.html", UA)
    assert not policy.allows("https://example.vn/chinh-tri/noi-bo/a-post4.html", UA)
    assert policy.allows("https://example.vn/tin/a-post5.html", UA)  # equal length: Allow wins


def test_crawl_delay_and_request_rate_set_the_gap():
    assert policy_from_response(200, "User-agent: *\nCrawl-delay: 0.5\n", UA).crawl_delay == 0.5
    assert policy_from_response(200, "User-agent: *\nRequest-rate: 1/4\n", UA).crawl_delay == 4.0
    assert policy_from_response(200, "User-agent: *\nDisallow: /x\n", UA).crawl_delay is None


def test_the_user_agent_comment_does_not_pick_a_group():
    """Our User-Agent says "data research crawler"; a group for `crawler` is not ours."""
    robots = "User-agent: crawler\nDisallow: /\n\nUser-agent: *\nDisallow: /private/\n"
    policy = policy_from_response(200, robots, UA)
    assert policy.allows("https://example.vn/a-post1.html", UA)
    assert not policy.allows("https://example.vn/private/a", UA)


def test_missing_and_unreachable_robots():
    missing = policy_from_response(404, "", UA)
    assert missing.allows("https://example.vn/anything", UA) and missing.crawl_delay is None
    assert not missing.unreachable and not policy_from_response(200, ROBOTS, UA).unreachable
    for status in (500, 503, None):
        down = policy_from_response(status, None, UA, error="timeout (read)")
        assert not down.allows("https://example.vn/a-post1.html", UA)
        assert down.note.startswith("robots.txt unreachable") and down.unreachable


def test_throttle_spaces_one_host_and_leaves_others_alone():
    now = [100.0]
    sleeps = []

    def sleep(seconds):
        sleeps.append(seconds)
        now[0] += seconds

    throttle = HostThrottle(clock=lambda: now[0], sleep=sleep)
    with throttle.slot("a.vn", 1.5) as waited:
        assert waited == 0
        now[0] += 0.2  # the request itself takes 0.2 s
    with throttle.slot("b.vn", 1.5) as waited:
        assert waited == 0  # another host does not wait
    with throttle.slot("A.VN", 1.5) as waited:
        assert waited == 1.5  # counted from the end of the previous request to a.vn
    assert sleeps == [1.5]


def test_throttle_holds_one_request_per_host_at_a_time():
    throttle = HostThrottle()
    inside, peak, lock = [0], [0], threading.Lock()

    def work():
        with throttle.slot("a.vn", 0.0):
            with lock:
                inside[0] += 1
                peak[0] = max(peak[0], inside[0])
            threading.Event().wait(0.01)
            with lock:
                inside[0] -= 1

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert peak[0] == 1
