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
# `[.!?…]+[”"’)]*(?=\s+["“‘(\[]?[0-9A-ZĐÀ-Ỹ])|\n+`, written to open with a character class: then
# `re` skips from one candidate character to the next in C instead of trying both branches at
# every position of the article (the look-behinds say which branch the first character opened).
_END = re.compile(r"[.!?…\n](?:(?<=\n)\n*|(?<=[.!?…])[.!?…]*[”\"’)]*(?=\s+[\"“‘(\[]?[0-9A-ZĐÀ-Ỹ]))")
_TOKEN_BEFORE = re.compile(r"([\w./]+)$")
# "TP." and "TX." stand before a city's name, but may end a sentence; a sentence's opening words name no city
_PLACE_ABBREVIATIONS = frozenset({"tp", "tx"})
_OPENER_AFTER = re.compile(r"\s+(?:Toàn|Trong|Theo|Hiện|Qua|Ngoài|Bên cạnh|Cùng|Tuy|Do|Vì|Các|Những|Để|Đến|Sau|Khi|Với|"
                           r"Tại|Ngày|Tính|Năm|Riêng|Nhờ|Đồng thời|Ông|Bà)(?!\w)")


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
    if token.lower() in _PLACE_ABBREVIATIONS and _OPENER_AFTER.match(text, dot + 1):
        return False  # "… các KCN trong TP. Toàn đảng bộ có 520 đảng viên": the city ends the sentence
    if token.lower() in ABBREVIATIONS:
        return True
    if len(token) == 1 and token.isupper():  # an initial: "Nguyễn V. A"
        return True
    line_start = text.rfind("\n", 0, dot) + 1
    # "1. Từ đầu nhiệm kỳ": a list marker at the start of a line
    return token.isdigit() and len(token) <= 2 and text[line_start:dot].strip() == token


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentences of `text` with offsets into it; blank pieces are dropped.

    With `start` and `end` (a paragraph: a line of `text`), only the sentences of that part: a line
    break always ends a sentence, so they are the very sentences the whole text splits into there,
    and the extractor splits only the paragraphs that hold a figure.
    """
    end = len(text) if end is None else end
    spans: list[Span] = []
    for m in _END.finditer(text, start, end):
        mark = m.group()
        if "\n" in mark:
            _add(spans, text, start, m.start())
        elif mark[0] == "." and _is_abbreviation(text, m.start()):
            continue
        else:
            _add(spans, text, start, m.end())
        start = m.end()
    _add(spans, text, start, end)
    return spans


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: a run of text between line breaks, stripped; blank ones dropped."""
    out = []
    pos = 0
    for line in text.split("\n"):
        size = len(line.strip())
        if size:
            start = pos + len(line) - len(line.lstrip())
            out.append((start, start + size))
        pos += len(line) + 1
    return out


def _add(spans: list[Span], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        start += len(piece) - len(piece.lstrip())
        spans.append(Span(start, start + len(stripped), stripped))
