"""robots.txt as a policy object, following RFC 9309 on what an unreadable file means.

The fetcher reads each host's robots.txt once per run and asks this module two questions: may
this URL be fetched, and how long must we wait between requests. Keeping the decision here (pure,
no I/O) lets the rules about missing or failing files be tested without a server:
- 2xx: obey the file;
- 4xx (including 404): there are no rules, everything is allowed;
- 5xx or no answer at all: the site is unreachable, so assume everything is disallowed for this
  run (the pages are recorded as failures and retried next run).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser


@dataclass
class RobotsPolicy:
    parser: RobotFileParser | None  # None: no rules (allow all) or unreachable (deny all)
    allow_all: bool
    crawl_delay: float | None
    note: str  # e.g. "robots.txt 200", "no robots.txt (HTTP 404)", "robots.txt unreachable (timeout)"

    @property
    def unreachable(self) -> bool:
        """robots.txt could not be read, so nothing is fetched: our caution, not the site's rules."""
        return self.parser is None and not self.allow_all

    def allows(self, url: str, user_agent: str) -> bool:
        if self.parser is None:
            return self.allow_all
        parts = urlsplit(url)
        path = parts.path or "/"
        if parts.query:
            path += "?" + parts.query
        return self.parser.can_fetch(_agent_token(user_agent), path)


def _agent_token(user_agent: str) -> str:
    """robots.txt groups name a product token ("chitieu"), not the whole User-Agent string."""
    return user_agent.split("/")[0].split()[0] if user_agent.strip() else "*"


def crawl_delay(text: str, token: str) -> float | None:
    """Crawl-delay for `token` (its own group first, else `*`). urllib.robotparser reads only whole
    seconds and ignores "Crawl-delay: 0.5", so the groups are read here."""
    delays: dict[str, float] = {}
    agents: list[str] = []
    in_rules = False
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if ":" not in line:
            continue
        key, value = (part.strip() for part in line.split(":", 1))
        key = key.lower()
        if key == "user-agent":
            if in_rules:
                agents, in_rules = [], False
            agents.append(value.lower())
            continue
        in_rules = True
        if key == "crawl-delay":
            try:
                seconds = float(value)
            except ValueError:
                continue
            for agent in agents:
                delays.setdefault(agent, seconds)
    token = token.lower()
    own = [d for agent, d in delays.items() if agent != "*" and agent in token]
    if own:
        return max(own)
    return delays.get("*")


def policy_from_response(status: int | None, text: str | None, user_agent: str, error: str | None = None) -> RobotsPolicy:
    if status is None or status >= 500:
        reason = error or f"HTTP {status}"
        return RobotsPolicy(None, allow_all=False, crawl_delay=None, note=f"robots.txt unreachable ({reason})")
    if status >= 400:
        return RobotsPolicy(None, allow_all=True, crawl_delay=None, note=f"no robots.txt (HTTP {status})")
    parser = RobotFileParser()
    parser.parse((text or "").splitlines())
    token = _agent_token(user_agent)
    seconds = crawl_delay(text or "", token)
    rate = parser.request_rate(token)
    if rate is not None and rate.requests:
        per_request = rate.seconds / rate.requests
        seconds = max(seconds or 0.0, per_request)
    return RobotsPolicy(parser, allow_all=True, crawl_delay=seconds, note=f"robots.txt {status}")
