"""Serve the mini-web snapshot on 127.0.0.1 the way the real papers would serve it.

`http://127.0.0.1:<port>/<host>/<path>` answers with `site/<host>/<path>` (night 2 looks in
`site_night2/` first). Listings paginate with `?page=N`; other query strings (tracking
parameters) are ignored. Every response has an ETag and, where the page has a date, a
Last-Modified, and conditional requests get 304, so incremental nights behave as on a real site.
One page is sent with a Content-Length larger than its body (a dropped connection).

Run by hand: `python -m chitieu.miniweb.server --port 8765 [--night 2]`.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import threading
from email.utils import parsedate_to_datetime
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from chitieu.miniweb import PACKAGE_DIR

CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".rss": "application/rss+xml; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
}
INDEX_FILES = ("index.html",)


class _Snapshot:
    """Where each served path lives and what headers it carries (read once, immutable afterwards)."""

    def __init__(self, roots: list[Path]) -> None:
        self.roots = roots
        self.meta: dict[str, dict] = {}
        for root in reversed(roots):  # the overlay's entries win
            serve = root / "_serve.json"
            if serve.exists():
                self.meta.update(json.loads(serve.read_text(encoding="utf-8"))["files"])
        self.hosts = sorted({p.name for root in roots if root.exists() for p in root.iterdir()
                             if p.is_dir() and not p.name.startswith("_")})

    def locate(self, path: str, page: int) -> tuple[str, Path] | None:
        """URL path `/<host>/<rest>` -> (relative file name, file on disk), or None for a 404."""
        parts = [p for p in path.split("/") if p]
        if not parts or parts[0] not in self.hosts or any(p in ("..", ".") for p in parts):
            return None
        rel = "/".join(parts)
        for root in self.roots:
            candidate = root / rel
            if candidate.is_dir() or path.endswith("/"):
                name = "index.html" if page <= 1 else f"index-page-{page}.html"
                candidate = candidate / name
                rel_file = f"{rel}/{name}"
            elif page > 1:
                return None
            else:
                rel_file = rel
            if candidate.is_file():
                return rel_file, candidate
        return None


class _Handler(BaseHTTPRequestHandler):
    server_version = "nginx"
    sys_version = ""
    snapshot: _Snapshot
    log: list[str]
    lock: threading.Lock

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the stdlib signature
        return  # keep test output quiet; the request log is kept in MiniWeb.request_log

    def do_HEAD(self) -> None:  # noqa: N802 - the stdlib naming
        self._serve(head=True)

    def do_GET(self) -> None:  # noqa: N802
        self._serve(head=False)

    def _serve(self, *, head: bool) -> None:
        with self.lock:
            self.log.append(self.path)
        split = urlsplit(self.path)
        try:
            page = int(parse_qs(split.query).get("page", ["1"])[0])
        except ValueError:
            page = 1
        found = self.snapshot.locate(unquote(split.path), page)
        if found is None:
            self._send_plain(HTTPStatus.NOT_FOUND, "<html><body><h1>404 Not Found</h1></body></html>", head)
            return
        rel, file = found
        body = file.read_bytes()
        meta = self.snapshot.meta.get(rel, {})
        etag = '"' + hashlib.sha1(body).hexdigest()[:20] + '"'
        last_modified = meta.get("last_modified")
        if self._not_modified(etag, last_modified):
            self.send_response(HTTPStatus.NOT_MODIFIED)
            self.send_header("ETag", etag)
            if last_modified:
                self.send_header("Last-Modified", last_modified)
            self.end_headers()
            return
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", CONTENT_TYPES.get(file.suffix, "application/octet-stream"))
        self.send_header("Content-Length", str(len(body)))
        self.send_header("ETag", etag)
        if last_modified:
            self.send_header("Last-Modified", last_modified)
        self.send_header("Cache-Control", "max-age=60")
        if meta.get("short_body") and not head:
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(body[: len(body) // 2])  # the rest never arrives
            self.wfile.flush()
            self.close_connection = True
            return
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def _not_modified(self, etag: str, last_modified: str | None) -> bool:
        inm = self.headers.get("If-None-Match")
        if inm is not None:
            tags = {t.strip() for t in inm.split(",")}
            return etag in tags or "*" in tags or f"W/{etag}" in tags
        ims = self.headers.get("If-Modified-Since")
        if ims and last_modified:
            try:
                return parsedate_to_datetime(last_modified) <= parsedate_to_datetime(ims)
            except (TypeError, ValueError):
                return False
        return False

    def _send_plain(self, status: HTTPStatus, text: str, head: bool) -> None:
        body = text.encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not head:
            self.wfile.write(body)


def _roots(root: Path | None, night: int) -> list[Path]:
    base = Path(root) if root is not None else PACKAGE_DIR
    if not (base / "site").is_dir() and (base / "manifest.json").exists():
        site, overlay = base, base.parent / "site_night2"  # given the site folder itself
    else:
        site, overlay = base / "site", base / "site_night2"
    if not site.is_dir():
        raise FileNotFoundError(f"no mini-web snapshot under {base}")
    return [overlay, site] if night == 2 else [site]


class MiniWeb:
    """The bundled mini-web on a local port; `with MiniWeb() as web: web.overrides()`."""

    def __init__(self, root: Path | None = None, *, night: int = 1, host: str = "127.0.0.1", port: int = 0) -> None:
        if night not in (1, 2):
            raise ValueError("night must be 1 or 2")
        self.night = night
        self.snapshot = _Snapshot(_roots(root, night))
        self.request_log: list[str] = []
        self._lock = threading.Lock()
        self._bind = (host, port)
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        if self._server is None:
            raise RuntimeError("MiniWeb is not running")
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def hosts(self) -> list[str]:
        return list(self.snapshot.hosts)

    def overrides(self) -> dict[str, str]:
        """Source name (the paper's host) -> transport base URL, for Settings.base_url_overrides."""
        return {host: f"{self.base_url}/{host}" for host in self.snapshot.hosts}

    def url(self, real_url: str) -> str:
        """A real article URL -> the URL that fetches it from this server."""
        parts = urlsplit(real_url)
        return f"{self.base_url}/{parts.hostname}{parts.path}" + (f"?{parts.query}" if parts.query else "")

    def start(self) -> MiniWeb:
        if self._server is not None:
            return self
        handler = type("MiniWebHandler", (_Handler,), {"snapshot": self.snapshot, "log": self.request_log,
                                                       "lock": self._lock})
        self._server = ThreadingHTTPServer(self._bind, handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, name="miniweb", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is None:
            return
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._server = None
        self._thread = None

    def __enter__(self) -> MiniWeb:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Serve the bundled mini-web.")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--night", type=int, default=1, choices=(1, 2))
    args = parser.parse_args(argv)
    web = MiniWeb(night=args.night, host=args.host, port=args.port).start()
    print(f"mini-web (night {args.night}) at {web.base_url}")
    print(json.dumps(web.overrides(), indent=1))
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        web.stop()


if __name__ == "__main__":
    main()
