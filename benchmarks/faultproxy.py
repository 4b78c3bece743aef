"""A fault-injecting HTTP proxy on 127.0.0.1, put in front of the mini-web (or any local server).

Real newspaper servers answer 5xx under load, stall, cut bodies short and reset connections; the
pipeline must survive all of it without losing or duplicating an article. This proxy reproduces
those faults on demand, deterministically: whether request n for a path fails (and how) depends
only on the seed, the path and n, never on thread scheduling, so a failing chaos run can be
replayed exactly.

Faults (each a rate in [0, 1], drawn in this order from one uniform number):
- `error_rate`: answer 500/502/503/504 with a short body;
- `stall_rate`: hold the connection for `stall_seconds` before answering (longer than the client's
  read timeout means a timeout), then close it without a response;
- `truncate_rate`: send the upstream headers with the full Content-Length but only part of the body,
  then close (a "truncated body");
- `reset_rate`: close the connection with SO_LINGER 0 (a TCP reset) before any response.

`robots.txt` is never faulted by default (`spare`), so a chaos run measures the article path rather
than the robots fallback; `strip_crawl_delay=True` drops its Crawl-delay lines, so a test's own
(tiny) politeness delay applies instead of the mini-web's 1 s. Every request is logged
(`requests`), with the fault chosen and the status sent.
"""

from __future__ import annotations

import hashlib
import http.client
import random
import socket
import struct
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

HOP_BY_HOP = {"connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailers",
              "transfer-encoding", "upgrade"}


@dataclass
class Faults:
    error_rate: float = 0.0
    stall_rate: float = 0.0
    truncate_rate: float = 0.0
    reset_rate: float = 0.0
    stall_seconds: float = 2.0
    seed: int = 0
    spare: tuple[str, ...] = ("/robots.txt",)  # path suffixes never faulted

    def choose(self, path: str, attempt: int) -> str | None:
        """The fault for the `attempt`-th request of `path`: a pure function of seed, path, attempt."""
        if path.endswith(self.spare):
            return None
        digest = hashlib.sha256(f"{self.seed}|{path}|{attempt}".encode()).digest()
        draw = random.Random(int.from_bytes(digest[:8], "big")).random()
        for name, rate in (("error", self.error_rate), ("stall", self.stall_rate),
                           ("truncate", self.truncate_rate), ("reset", self.reset_rate)):
            if draw < rate:
                return name
            draw -= rate
        return None


@dataclass(frozen=True)
class LoggedRequest:
    path: str
    headers: dict[str, str]
    fault: str | None
    status: int | None  # what the client was told; None when no status line was sent


@dataclass
class _State:
    faults: Faults
    upstream: str
    attempts: dict[str, int] = field(default_factory=dict)
    log: list[LoggedRequest] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


class FaultProxy:
    """`with FaultProxy(upstream_base, Faults(...)) as proxy:` then use `proxy.base` instead of upstream.

    `upstream_base` is an origin such as `http://127.0.0.1:8123`; paths are forwarded unchanged, and
    Location headers pointing at the upstream origin are rewritten to the proxy's.
    """

    def __init__(self, upstream_base: str, faults: Faults | None = None, *, port: int = 0,
                 upstream_timeout: float = 30.0, strip_crawl_delay: bool = False) -> None:
        parts = urlsplit(upstream_base)
        self._upstream_host = parts.hostname or "127.0.0.1"
        self._upstream_port = parts.port or 80
        self._upstream_origin = f"{parts.scheme}://{parts.netloc}"
        self._state = _State(faults or Faults(), self._upstream_origin)
        self._timeout = upstream_timeout
        self._strip_crawl_delay = strip_crawl_delay
        self._server = _QuietServer(("127.0.0.1", port), self._handler_class())
        self._server.daemon_threads = True
        self._thread: threading.Thread | None = None

    # -- lifecycle ------------------------------------------------------------------------------

    @property
    def base(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def rebase(self, url: str) -> str:
        """An upstream URL (e.g. a MiniWeb override base) -> the same URL through the proxy."""
        return self.base + url[len(self._upstream_origin):] if url.startswith(self._upstream_origin) else url

    def start(self) -> FaultProxy:
        self._thread = threading.Thread(target=self._server.serve_forever, name="faultproxy", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> FaultProxy:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- control and inspection -----------------------------------------------------------------

    @property
    def faults(self) -> Faults:
        return self._state.faults

    @faults.setter
    def faults(self, value: Faults) -> None:
        with self._state.lock:
            self._state.faults = value

    @property
    def requests(self) -> list[LoggedRequest]:
        with self._state.lock:
            return list(self._state.log)

    def fault_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for entry in self.requests:
            key = entry.fault or "none"
            counts[key] = counts.get(key, 0) + 1
        return counts

    # -- the handler ----------------------------------------------------------------------------

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:  # keep test output quiet
                return

            def do_HEAD(self) -> None:  # noqa: N802 - http.server naming
                self.do_GET()

            def do_GET(self) -> None:  # noqa: N802 - http.server naming
                proxy._serve(self)

        return Handler

    def _serve(self, handler: BaseHTTPRequestHandler) -> None:
        state = self._state
        path = handler.path
        with state.lock:
            attempt = state.attempts.get(path, 0)
            state.attempts[path] = attempt + 1
            fault = state.faults.choose(urlsplit(path).path, attempt)
            stall = state.faults.stall_seconds
        headers = {k: v for k, v in handler.headers.items()}

        def log(status: int | None) -> None:
            with state.lock:
                state.log.append(LoggedRequest(path, headers, fault, status))

        if fault == "reset":
            log(None)
            _reset(handler.connection)
            handler.close_connection = True
            return
        if fault == "stall":
            log(None)
            time.sleep(stall)
            handler.close_connection = True
            return
        if fault == "error":
            status = (503, 500, 502, 504)[attempt % 4]
            body = b"upstream overloaded\n"
            log(status)
            handler.send_response(status)
            handler.send_header("Content-Type", "text/plain; charset=utf-8")
            handler.send_header("Content-Length", str(len(body)))
            handler.end_headers()
            if handler.command != "HEAD":
                handler.wfile.write(body)
            return
        try:
            status, reason, up_headers, body = self._forward(handler.command, path, headers)
        except OSError:
            log(502)
            handler.send_error(502, "upstream unreachable")
            return
        if self._strip_crawl_delay and urlsplit(path).path.endswith("/robots.txt") and status == 200:
            body = b"".join(line for line in body.splitlines(keepends=True)
                            if not line.lower().startswith(b"crawl-delay"))
        log(status)
        handler.send_response(status, reason)
        for name, value in up_headers:
            low = name.lower()
            if low in HOP_BY_HOP or low == "content-length":
                continue
            if low == "location":
                value = self.rebase(value)
            handler.send_header(name, value)
        handler.send_header("Content-Length", str(len(body)))
        if fault == "truncate" and len(body) > 1:
            handler.send_header("Connection", "close")
            handler.end_headers()
            handler.wfile.write(body[: len(body) // 2])
            handler.wfile.flush()
            handler.close_connection = True
            return
        handler.end_headers()
        if handler.command != "HEAD":
            handler.wfile.write(body)

    def _forward(self, method: str, path: str, headers: dict[str, str]):
        conn = http.client.HTTPConnection(self._upstream_host, self._upstream_port, timeout=self._timeout)
        try:
            send = {k: v for k, v in headers.items() if k.lower() not in HOP_BY_HOP and k.lower() != "host"}
            send["Host"] = f"{self._upstream_host}:{self._upstream_port}"
            send["Accept-Encoding"] = "identity"  # forward bytes as they are; truncation stays exact
            conn.request(method, path, headers=send)
            resp = conn.getresponse()
            body = resp.read()
            return resp.status, resp.reason, resp.getheaders(), body
        finally:
            conn.close()


class _QuietServer(ThreadingHTTPServer):
    """Faults close sockets under the handler's feet; the resulting errors are expected, not news."""

    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        return


def _reset(sock: socket.socket) -> None:
    """Close with SO_LINGER 0, which sends a TCP RST instead of a FIN."""
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        sock.close()
    except OSError:
        pass
