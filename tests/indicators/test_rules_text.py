"""The character helpers the rules read sentences with, against their plain definitions."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from indicators.rules import _blank, _parens


def _parens_plain(text):
    out, stack = [], []
    for i, c in enumerate(text):
        if c == "(":
            stack.append(i)
        elif c == ")" and stack:
            out.append((stack.pop(), i))
    return out + [(o, len(text)) for o in stack]


def _blank_plain(text, spans):
    chars = list(text)
    for a, b in spans:
        for i in range(a, min(b + 1, len(chars))):
            chars[i] = " "
    return "".join(chars)


@given(st.text(alphabet="ab() ", max_size=40))
def test_parens_pairs_every_parenthesis(text):
    assert _parens(text) == _parens_plain(text)


@given(st.text(alphabet="abc d", max_size=40), st.lists(st.tuples(st.integers(0, 45), st.integers(0, 45)), max_size=4))
def test_blank_overwrites_spans_with_spaces(text, spans):
    spans = [(min(a, b), max(a, b)) for a, b in spans]
    assert _blank(text, spans) == _blank_plain(text, spans)
