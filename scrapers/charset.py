"""Turn page bytes into text when servers lie about, or forget, the encoding.

Order: byte-order mark, then the HTTP header charset, then the page's own declaration (<meta
charset>, http-equiv, or the XML prolog), then detection (charset_normalizer, which knows
windows-1258). One correction comes first: bytes that are valid UTF-8 with non-ASCII content are
read as UTF-8 whatever the label says, because a single-byte Vietnamese page almost never forms
valid multi-byte sequences by accident, while "UTF-8 served as iso-8859-1" is the common server
mistake. The text is returned in NFC: windows-1258 spells tones as combining marks, and the rest of
the pipeline compares composed strings.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from charset_normalizer import from_bytes

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)["']""", re.I)
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)

# WHATWG: labels that browsers read as another encoding. latin-1 pages are really windows-1252.
_ALIASES = {"iso-8859-1": "windows-1252", "latin1": "windows-1252", "latin-1": "windows-1252",
            "us-ascii": "windows-1252", "ascii": "windows-1252", "x-user-defined": "windows-1252"}


def header_charset(content_type: str | None) -> str | None:
    match = _HEADER_CHARSET.search(content_type or "")
    return match.group(1) if match else None


def declared_charset(content: bytes) -> str | None:
    """The encoding the document declares for itself in its first few kilobytes."""
    head = content[:4096]
    match = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    return match.group(1).decode("ascii") if match else None


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    label = _ALIASES.get(label.strip().lower(), label.strip().lower())
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _strict(content: bytes, codec: str) -> str | None:
    try:
        return content.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def decode_body(content: bytes, content_type: str | None = None) -> tuple[str, str]:
    """Return (text in NFC, codec name used).

    The one decoder of page bytes: the fetcher, `reparse`, `chitieu parse` / `extract` and the
    benchmarks all reach it (the parser through `scrapers.page.Page`), so a page whose `<meta charset>`
    lies decodes the same on the night and on a reparse, and gets the same content hash.
    """
    text, codec = raw_decode(content, content_type)
    return unicodedata.normalize("NFC", text), codec


def raw_decode(content: bytes, content_type: str | None = None) -> tuple[str, str]:
    """`decode_body` without the NFC step: (text, codec). The parser normalises every field it reads,
    so it spares the whole page's NFC."""
    return _decode(content, content_type)


def _decode(content: bytes, content_type: str | None) -> tuple[str, str]:
    if content.startswith(codecs.BOM_UTF8):
        return content[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace"), "utf-8"
    if content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return content.decode("utf-16", errors="replace"), "utf-16"
    if content.isascii():
        return content.decode("ascii"), "ascii"
    as_utf8 = _strict(content, "utf-8")
    if as_utf8 is not None:
        return as_utf8, "utf-8"
    for label in (header_charset(content_type), declared_charset(content)):
        codec = _codec(label)
        if codec and codec != "utf-8":
            text = _strict(content, codec)
            if text is not None and codec == "cp1252":
                # The default label of unconfigured servers; legacy Vietnamese pages are cp1258.
                best = from_bytes(content).best()
                if best is not None and codecs.lookup(best.encoding).name == "cp1258":
                    return str(best), "cp1258"
            if text is not None:
                return text, codec
    best = from_bytes(content).best()
    if best is not None:
        return str(best), codecs.lookup(best.encoding).name
    return content.decode("utf-8", errors="replace"), "utf-8"
