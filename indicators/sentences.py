"""Sentences and paragraphs with their offsets, for evidence and for the context rules.

A sentence ends at `.`, `!`, `?` or `…` followed by a space and a capital, quote or digit, or at a
line break. Not at an abbreviation (`TP.`, `Th.S`, `PGS.`), an initial, a decimal or thousands mark
(`98,6%`, `1.465`), or the marker of a numbered list (`1. Từ đầu nhiệm kỳ`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ABBREVIATIONS = frozenset(
    a.lower() for a in (
        "TP", "Tp", "Th.S", "ThS", "TS", "PGS", "GS", "BS", "KS", "CN", "Q", "P", "TT", "Mr", "Mrs", "Ms",
        "St", "v.v", "vv", "Th", "BSCKII", "BSCKI", "NXB", "Nxb", "tr", "ĐT", "TX", "H", "X", "Đ/c", "đ/c",
        "Thạc sĩ", "Lt", "No", "Ths", "TSKH", "ThS.BS", "BS.CKII", "TS.BS", "PGS.TS", "GS.TS",
    )
)
_END = re.compile(r"(?:[.!?…]+[”\"’)]*)(?=\s+[\"“‘(\[]?[0-9A-ZĐÀ-Ỹ])|\n+")
_TOKEN_BEFORE = re.compile(r"([\w./]+)$")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


def _is_abbreviation(text: str, dot: int) -> bool:
    m = _TOKEN_BEFORE.search(text, max(0, dot - 20), dot)
    if not m:
        return False
    token = m.group(1).rstrip(".")
    if token.lower() in ABBREVIATIONS:
        return True
    if len(token) == 1 and token.isupper():  # an initial: "Nguyễn V. A"
        return True
    line_start = text.rfind("\n", 0, dot) + 1
    # "1. Từ đầu nhiệm kỳ": a list marker at the start of a line
    return token.isdigit() and len(token) <= 2 and text[line_start:dot].strip() == token


def split_sentences(text: str) -> list[Span]:
    """Sentences of `text` with offsets into it; blank pieces are dropped."""
    spans: list[Span] = []
    start = 0
    for m in _END.finditer(text):
        if m.group().startswith(".") and "\n" not in m.group() and _is_abbreviation(text, m.start()):
            continue
        end = m.end() if "\n" not in m.group() else m.start()
        _add(spans, text, start, end)
        start = m.end()
    _add(spans, text, start, len(text))
    return spans


def split_paragraphs(text: str) -> list[Span]:
    """Paragraphs: runs of text between line breaks."""
    spans: list[Span] = []
    for m in re.finditer(r"[^\n]+", text):
        _add(spans, text, m.start(), m.end())
    return spans


def _add(spans: list[Span], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append(Span(start, end, text[start:end]))
