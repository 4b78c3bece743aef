"""One normal form for Vietnamese text, so that offsets, hashes and phrase rules agree.

Pages arrive in NFC or NFD and with either tone-mark convention ("hoà" / "hòa", "thuỷ" / "thủy").
We keep NFC and the classic convention the seed articles use (tone on the first vowel of an open
`oa`, `oe`, `uy` syllable), and collapse runs of spaces without touching paragraph breaks.
"""

from __future__ import annotations

import re
import unicodedata

_TONES = "\u0300\u0301\u0309\u0303\u0323"  # grave, acute, hook, tilde, dot below
_PAIRS = ("oa", "oe", "uy")


def _build_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for first, second in _PAIRS:
        for tone in _TONES:
            for f, s in ((first, second), (first.upper(), second.upper()), (first.upper(), second)):
                new_style = unicodedata.normalize("NFC", f + s + tone)
                classic = unicodedata.normalize("NFC", f + tone + s)
                table[new_style] = classic
    return table


_TABLE = _build_table()
_TONED_A_E = "".join(sorted({key[1] for key in _TABLE if key[0] in "oO"}))
_TONED_Y = "".join(sorted({key[1] for key in _TABLE if key[0] in "uU"}))
# an open syllable: the pair ends the word; "qu" + y keeps its mark on y ("quý"). Two character
# classes instead of an alternation of every pair: this runs on every paragraph of every page.
_NEW_STYLE = re.compile(f"(?<![qQ])([oO][{_TONED_A_E}]|[uU][{_TONED_Y}])(?!\\w)")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
# Cheap tests first: both substitutions above are slow scans (a lookbehind tried at every position,
# a match at every ordinary space), and most text needs neither. A toned vowel ending a word after
# o/u (a superset of the new-style pairs) and a search for the odd spaces are several times faster
# and decide whether to run them.
_NEW_STYLE_HINT = re.compile(f"[{''.join(sorted({key[1] for key in _TABLE}))}](?<=[oOuU].)(?!\\w)")
_ODD_SPACE = re.compile(r"[\t\u00a0\u2000-\u200b\u202f\u205f\u3000]")
_BLANK_LINES = re.compile(r"\n\s*\n\s*")


def normalise_text(text: str) -> str:
    """NFC, classic tone placement, no control characters, single spaces, paragraphs kept."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    # the Icelandic eth (Ð U+00D0, ð U+00F0) that some sites type for Đ / đ: one letter, one spelling
    text = text.replace("\u00d0", "Đ").replace("\u00f0", "đ")
    if _NEW_STYLE_HINT.search(text):
        text = _NEW_STYLE.sub(lambda m: _TABLE.get(m.group(1), m.group(1)), text)
    if "  " in text or _ODD_SPACE.search(text):
        text = _SPACES.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    text = _BLANK_LINES.sub("\n\n", text)
    return text.strip()
