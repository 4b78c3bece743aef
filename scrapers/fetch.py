"""The only code that talks to newspaper servers: polite, bounded, and never raising for their faults.

Every call returns a `FetchResult`, good or bad, so a nightly run always finishes and every failure
can be archived and recorded with a one-line reason. Politeness is enforced here, not left to
callers: robots.txt (read once per host, Crawl-delay raises the gap), one connection per host, a
minimum gap between requests to a host, and retries with exponential backoff that honour
Retry-After. Hosts are keyed by the REAL host (not the transport host of the mini-web or a test
server), so the same politeness applies wherever a site is served from.

Redirects are followed by hand so that each hop is checked against the source's domains (a
newspaper redirecting to an ad network or a parked domain must not be stored as an article), is
subject to robots.txt and the throttle, and is translated between real and transport URLs.
"""

from __future__ import annotations

import ipaddress
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.client import IncompleteRead, RemoteDisconnected
from urllib.parse import urljoin, urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.exceptions import (
    ConnectTimeoutError,
    NameResolutionError,
    NewConnectionError,
    ReadTimeoutError,
    SSLError,
)
from urllib3.util.retry import Retry

from chitieu.settings import Settings
from scrapers.charset import decode_body
from scrapers.config import Source
from scrapers.robots import RobotsPolicy, policy_from_response
from scrapers.throttle import HostThrottle

ALLOWED_TYPES = (
    "text/html", "application/xhtml+xml", "text/xml", "application/xml", "application/rss+xml",
    "application/atom+xml", "application/rdf+xml", "text/plain",
)
RETRY_STATUSES = (429, 500, 502, 503, 504)
ROBOTS_MAX_BYTES = 512 * 1024
_CHUNK = 64 * 1024


@dataclass
class FetchResult:
    url: str  # real URL asked for
    final_url: str  # real URL after redirects
    status: int | None
    headers: dict[str, str]
    content: bytes
    text: str | None
    encoding: str | None
    error: str | None  # one-line reason; None when the page (or a 304) arrived whole
    fetched_at: datetime  # aware UTC, when the fetch started
    not_modified: bool = False
    page_type: str = "article"
    redirects: list[str] = field(default_factory=list)  # real URLs of the hops, in order
    elapsed: float = 0.0  # seconds, including throttle waits and retries

    @property
    def ok(self) -> bool:
        """The server answered with a whole page, or said it has not changed (304)."""
        return self.error is None

    def header(self, name: str) -> str | None:
        name = name.lower()
        return next((v for k, v in self.headers.items() if k.lower() == name), None)

    @property
    def etag(self) -> str | None:
        return self.header("ETag")

    @property
    def last_modified(self) -> str | None:
        return self.header("Last-Modified")


class _PoliteRetry(Retry):
    """urllib3 Retry whose Retry-After wait is capped, so one hostile header cannot stall a run."""

    max_retry_after: float = 120.0

    def get_retry_after(self, response):  # type: ignore[override]
        seconds = super().get_retry_after(response)
        return None if seconds is None else min(seconds, self.max_retry_after)


@dataclass
class _Host:
    session: requests.Session
    init_lock: threading.Lock = field(default_factory=threading.Lock)
    robots: RobotsPolicy | None = None


class _Failure(Exception):
    """Internal: a request that ended without a usable response, with its one-line reason."""

    def __init__(self, reason: str, status: int | None = None, headers: dict | None = None):
        super().__init__(reason)
        self.reason = reason
        self.status = status
        self.headers = headers or {}


class Fetcher:
    """Thread-safe: call `fetch` from several threads; requests to one host queue behind each other."""

    def __init__(
        self,
        settings: Settings,
        *,
        session_factory: Callable[[], requests.Session] | None = None,
        retries: int = 3,
        backoff_factor: float = 0.5,
        backoff_max: float = 30.0,
        max_retry_after: float = 120.0,
        max_redirects: int = 5,
        throttle: HostThrottle | None = None,
    ) -> None:
        self.settings = settings
        self.retries = retries
        self.max_redirects = max_redirects
        self._session_factory = session_factory or requests.Session
        self._retry_cls = type("_Retry", (_PoliteRetry,), {"max_retry_after": max_retry_after})
        self._retry_kw = dict(backoff_factor=backoff_factor, backoff_max=backoff_max)
        self._throttle = throttle or HostThrottle()
        self._hosts: dict[str, _Host] = {}
        self._guard = threading.Lock()

    # -- public ---------------------------------------------------------------------------------

    def fetch(
        self,
        url: str,
        source: Source,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        page_type: str = "article",
    ) -> FetchResult:
        started = time.monotonic()
        result = self._fetch(source.absolute(url), source, etag, last_modified, page_type)
        result.elapsed = time.monotonic() - started
        return result

    def robots_policy(self, url: str, source: Source) -> RobotsPolicy:
        """The robots.txt policy for the real host of `url` (read on first use)."""
        host = _host_of(url)
        state = self._host(host)
        with state.init_lock:
            if state.robots is None:
                state.robots = self._load_robots(url, host, source, state)
        return state.robots

    def host_delay(self, url: str, source: Source) -> float:
        """Seconds kept between two requests to the host of `url`: the largest of our setting, the
        source's, and the site's Crawl-delay (a loopback test server: `loopback_politeness_delay`)."""
        loopback = self._loopback_delay(url, source)
        if loopback is not None:
            return loopback
        crawl_delay = self.robots_policy(url, source).crawl_delay or 0.0
        return max(self.settings.politeness_delay, source.politeness.delay_seconds, crawl_delay)

    def _loopback_delay(self, url: str, source: Source) -> float | None:
        """`Settings.loopback_politeness_delay` when it is set and `url` travels to a loopback address."""
        delay = self.settings.loopback_politeness_delay
        if delay is None or not is_loopback(urlsplit(source.fetch_url(url)).hostname):
            return None
        return delay

    def close(self) -> None:
        with self._guard:
            for state in self._hosts.values():
                state.session.close()
            self._hosts.clear()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- internals ------------------------------------------------------------------------------

    def _host(self, host: str) -> _Host:
        with self._guard:
            state = self._hosts.get(host)
            if state is None:
                state = self._hosts[host] = _Host(self._new_session())
            return state

    def _new_session(self) -> requests.Session:
        session = self._session_factory()
        session.headers["User-Agent"] = self.settings.user_agent
        retry = self._retry_cls(
            total=self.retries,
            connect=self.retries,
            read=1,
            status=self.retries,
            other=0,
            redirect=False,
            allowed_methods=frozenset({"GET", "HEAD"}),
            status_forcelist=RETRY_STATUSES,
            respect_retry_after_header=True,
            raise_on_status=False,
            **self._retry_kw,
        )
        adapter = HTTPAdapter(max_retries=retry, pool_connections=1, pool_maxsize=1)
        session.mount("http://", adapter)
        session.mount("https://", adapter)
        return session

    def _timeout(self) -> tuple[float, float]:
        return (self.settings.connect_timeout, self.settings.read_timeout)

    def _load_robots(self, url: str, host: str, source: Source, state: _Host) -> RobotsPolicy:
        parts = urlsplit(url)
        robots_url = source.fetch_url(f"{parts.scheme}://{parts.netloc}/robots.txt")
        delay = self._loopback_delay(url, source)
        if delay is None:
            delay = max(self.settings.politeness_delay, source.politeness.delay_seconds)
        ua = self.settings.user_agent
        with self._throttle.slot(host, delay):
            try:
                resp = state.session.get(robots_url, timeout=self._timeout(), stream=True, allow_redirects=True)
                try:
                    body = resp.raw.read(ROBOTS_MAX_BYTES, decode_content=True) if resp.status_code < 400 else b""
                finally:
                    resp.close()
            except (requests.RequestException, OSError) as exc:
                return policy_from_response(None, None, ua, error=describe_exception(exc))
        return policy_from_response(resp.status_code, body.decode("utf-8", errors="replace"), ua)

    def _fetch(self, url: str, source: Source, etag, last_modified, page_type: str) -> FetchResult:
        fetched_at = datetime.now(UTC)

        def failure(reason: str, final: str, status=None, headers=None, hops=()) -> FetchResult:
            return FetchResult(url, final, status, dict(headers or {}), b"", None, None, reason,
                               fetched_at, page_type=page_type, redirects=list(hops))

        try:
            owned = source.owns(url)
        except ValueError:
            return failure(f"invalid URL: {url}", url)
        if not owned:
            return failure(f"not a URL of source {source.name}: {url}", url)
        current, hops, seen = url, [], {url}
        for hop in range(self.max_redirects + 1):
            policy = self.robots_policy(current, source)
            if not policy.allows(current, self.settings.user_agent):
                # an unreadable robots.txt denies the whole host for the run (RFC 9309): say so, or an
                # operator reads "blocked" as the site's rules when the site was down or unreachable
                reason = f"not fetched: {policy.note}" if policy.unreachable else "blocked by robots.txt"
                return failure(reason, current, hops=hops)
            conditional = {}
            if hop == 0 and etag:
                conditional["If-None-Match"] = etag
            if hop == 0 and last_modified:
                conditional["If-Modified-Since"] = last_modified
            host = _host_of(current)
            state = self._host(host)
            transport = source.fetch_url(current)
            with self._throttle.slot(host, self.host_delay(current, source)):
                try:
                    outcome = self._request(state.session, transport, conditional)
                except _Failure as exc:
                    return failure(exc.reason, current, exc.status, exc.headers, hops)
            status, headers, body = outcome
            if 300 <= status < 400 and status != 304 and _get(headers, "Location"):
                location = _get(headers, "Location")
                try:
                    target = source.real_url(urljoin(transport, location))
                    owned = source.owns(target)
                except ValueError:
                    return failure(f"invalid redirect Location: {location}", current, status, headers, hops)
                if not owned:
                    return failure(f"redirect outside source domains: {target}", current, status, headers, hops)
                if target in seen:
                    return failure(f"redirect loop: {current} -> {target}", current, status, headers, hops)
                seen.add(target)
                hops.append(target)
                current = target
                continue
            return self._finish(url, current, status, headers, body, fetched_at, page_type, hops)
        return failure(f"too many redirects (> {self.max_redirects})", current, hops=hops)

    def _request(self, session: requests.Session, transport: str, extra: dict) -> tuple[int, dict, bytes]:
        """One GET (urllib3 retries inside it); returns status, headers and the capped body."""
        cap = self.settings.max_page_bytes
        try:
            resp = session.get(transport, headers=extra, timeout=self._timeout(), stream=True, allow_redirects=False)
        except (requests.RequestException, OSError) as exc:
            raise _Failure(describe_exception(exc)) from exc
        try:
            status, headers = resp.status_code, dict(resp.headers)
            if not 200 <= status < 300:
                if status >= 400:
                    tries = _retries_done(resp)
                    reason = f"HTTP {status} after {tries} retries" if tries else f"HTTP {status}"
                    raise _Failure(reason, status, headers)
                return status, headers, b""
            ctype = _get(headers, "Content-Type") or ""
            media = ctype.split(";")[0].strip().lower()
            if media and media not in ALLOWED_TYPES and not media.endswith("+xml"):
                raise _Failure(f"unexpected content-type {media}", status, headers)
            declared = _get(headers, "Content-Length")
            if declared and declared.strip().isdigit() and int(declared) > cap:
                raise _Failure(f"too large (> {cap} bytes; Content-Length {int(declared)})", status, headers)
            body = bytearray()
            try:
                for chunk in resp.iter_content(_CHUNK):
                    body += chunk
                    if len(body) > cap:
                        raise _Failure(f"too large (> {cap} bytes)", status, headers)
            except (requests.RequestException, OSError) as exc:
                reason = describe_exception(exc)
                if reason.startswith("truncated") and declared:
                    got = resp.raw.tell() if hasattr(resp.raw, "tell") else len(body)
                    reason = f"truncated body (got {got} of {declared} bytes)"
                raise _Failure(reason, status, headers) from exc
            return status, headers, bytes(body)
        finally:
            resp.close()

    def _finish(self, url, final, status, headers, body, fetched_at, page_type, hops) -> FetchResult:
        if status == 304:
            return FetchResult(url, final, status, headers, b"", None, None, None, fetched_at,
                               not_modified=True, page_type=page_type, redirects=hops)
        if not 200 <= status < 300:
            # a 3xx without Location: nothing to follow and nothing to parse
            return FetchResult(url, final, status, headers, b"", None, None, f"HTTP {status} without Location",
                               fetched_at, page_type=page_type, redirects=hops)
        if not body.strip():
            return FetchResult(url, final, status, headers, body, None, None, "empty body", fetched_at,
                               page_type=page_type, redirects=hops)
        text, encoding = decode_body(body, _get(headers, "Content-Type"))
        return FetchResult(url, final, status, headers, body, text, encoding, None, fetched_at,
                           page_type=page_type, redirects=hops)


def is_loopback(host: str | None) -> bool:
    """127.0.0.0/8, ::1 or localhost: a server on this machine (a test's, the mini-web's)."""
    if not host:
        return False
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def _get(headers: dict, name: str) -> str | None:
    name = name.lower()
    return next((v for k, v in headers.items() if k.lower() == name), None)


def _retries_done(resp: requests.Response) -> int:
    retries = getattr(resp.raw, "retries", None)
    return len(retries.history) if retries is not None else 0


def _causes(exc: BaseException) -> list[BaseException]:
    """The exception and everything it wraps (requests -> urllib3 -> socket), without repeats."""
    seen: list[BaseException] = []
    stack = [exc]
    while stack:
        item = stack.pop()
        if item is None or any(item is s for s in seen):
            continue
        seen.append(item)
        stack.extend([item.__cause__, item.__context__, getattr(item, "reason", None)])
        stack.extend(a for a in getattr(item, "args", ()) if isinstance(a, BaseException))
    return seen


def describe_exception(exc: BaseException) -> str:
    """A one-line, stable reason for a network failure (what an operator needs, not a traceback)."""
    chain = _causes(exc)
    text = " ".join(str(e) for e in chain)

    def has(*types) -> bool:
        return any(isinstance(e, types) for e in chain)

    if has(IncompleteRead) or "IncompleteRead" in text:
        return "truncated body"
    if has(ConnectionResetError) or "Connection reset" in text:
        return "connection reset"
    if has(ConnectionRefusedError):
        return "connection refused"
    if has(NameResolutionError):
        return "DNS lookup failed"
    if has(SSLError):
        return "TLS error: " + _one_line(next(e for e in chain if isinstance(e, SSLError)))
    # urllib3's NewConnectionError subclasses ConnectTimeoutError, so it is told apart first
    if any(isinstance(e, (ConnectTimeoutError, requests.ConnectTimeout)) and not isinstance(e, NewConnectionError)
           for e in chain):
        return "timeout (connect)"
    if has(ReadTimeoutError, requests.ReadTimeout, TimeoutError):
        return "timeout (read)"
    if has(NewConnectionError):
        return "connection failed"
    if has(RemoteDisconnected):
        return "connection closed without a response"
    return f"network error: {type(exc).__name__}: {_one_line(exc)}"


def _one_line(exc: BaseException, limit: int = 200) -> str:
    return " ".join(str(exc).split())[:limit]
