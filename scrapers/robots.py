"""robots.txt as a policy object: the rules read by protego, RFC 9309 on what an unreadable file means.

The fetcher reads each host's robots.txt once per run and asks this module two questions: may
this URL be fetched, and how long must we wait between requests. Keeping the decision here (pure,
no I/O) lets the rules about missing or failing files be tested without a server:
- 2xx: obey the file;
- 4xx (including 404): there are no rules, everything is allowed;
- 5xx or no answer at all: the site is unreachable, so assume everything is disallowed for this
  run (the pages are recorded as failures and retried next run).

The file itself is read by protego (Scrapy's parser), not by `urllib.robotparser`: the standard
library ignores the `*` and `$` wildcards, applies the first matching rule instead of the longest
one (RFC 9309, section 2.2.2) and reads only whole seconds of Crawl-delay, so a site's
`Disallow: /*?print=` would not be obeyed.
"""

from __future__ import annotations

from dataclasses import dataclass

from protego import Protego


@dataclass
class RobotsPolicy:
    rules: Protego | None  # None: no rules (allow all) or unreachable (deny all)
    allow_all: bool
    crawl_delay: float | None
    note: str  # e.g. "robots.txt 200", "no robots.txt (HTTP 404)", "robots.txt unreachable (timeout)"

    @property
    def unreachable(self) -> bool:
        """robots.txt could not be read, so nothing is fetched: our caution, not the site's rules."""
        return self.rules is None and not self.allow_all

    def allows(self, url: str, user_agent: str) -> bool:
        if self.rules is None:
            return self.allow_all
        return self.rules.can_fetch(url, agent_token(user_agent))


def agent_token(user_agent: str) -> str:
    """robots.txt groups name a product token ("chitieu"), not the whole User-Agent string, whose
    comment ("data research crawler") must not make a group for "crawler" ours."""
    return user_agent.split("/")[0].split()[0] if user_agent.strip() else "*"


def policy_from_response(status: int | None, text: str | None, user_agent: str, error: str | None = None) -> RobotsPolicy:
    if status is None or status >= 500:
        reason = error or f"HTTP {status}"
        return RobotsPolicy(None, allow_all=False, crawl_delay=None, note=f"robots.txt unreachable ({reason})")
    if status >= 400:
        return RobotsPolicy(None, allow_all=True, crawl_delay=None, note=f"no robots.txt (HTTP {status})")
    rules = Protego.parse(text or "")
    token = agent_token(user_agent)
    seconds = rules.crawl_delay(token)
    rate = rules.request_rate(token)
    if rate is not None and rate.requests:
        seconds = max(seconds or 0.0, rate.seconds / rate.requests)
    return RobotsPolicy(rules, allow_all=True, crawl_delay=seconds, note=f"robots.txt {status}")
