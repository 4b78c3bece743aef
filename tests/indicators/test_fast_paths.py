"""The shortcuts the extractor takes for speed, against the plain patterns they stand in for.

Each shortcut (a pattern reordered so that `re` can skip ahead, a `find` or a last-word test before
a regex, a regex read from the end by hand) must find exactly what the plain pattern finds; the
texts are built from the pieces that matter to each pattern, in every case and order.
"""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from indicators import counts as C
from indicators import extract as X
from indicators import lexicon as L
from indicators import numbers as N
from indicators import reading as RD
from indicators import rules as R
from indicators import sentences as S
from indicators.numbers import caseless


def _texts(pieces: list[str], max_size: int = 12) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(pieces), max_size=max_size).map("".join)


_BLANKS = [" ", " ", " ", "  ", ", ", "-", "“", "” ", "'", "\n", "", "x", "1"]


def _wording(words: list[str], max_size: int = 8) -> st.SearchStrategy[str]:
    """Words with blanks, quotes or glue between them."""
    pairs = st.tuples(st.sampled_from(words), st.sampled_from(_BLANKS))
    return st.lists(pairs, max_size=max_size).map(lambda ps: "".join(w + b for w, b in ps))


def _spans(matches) -> list[tuple[tuple[int, int], str]]:
    return [(m.span(), m.group()) for m in matches]


_ODD_CASES = ["ı", "ſ", "İ", "K"]  # letters IGNORECASE and str.lower() fold differently


@settings(max_examples=300)
@given(_wording(["một", "Một", "MỘT", "hai", "HaI", "haı", "HAİ", "ba", "bốn", "năm", "Năm", "sáu", "ſáu", "mười",
                 "tư", "căn", "Căn", "ngôi", "mái ấm", "đảng viên", "ĐẢNG VIÊN", "chi bộ", "Chi Bộ", "chı bộ",
                 "chỉ tiêu", "trường hợp", "tổ chức cơ sở", "tổ chức cơ ſở", "thứ", "lần", "số", "a", *_ODD_CASES]))
@example("bàn giao một căn, haı căn nhà, lần thứ hai chi bộ, xhai  căn, Mười ĐẢNG VIÊN")
def test_word_counts_are_the_plain_pattern(text):
    assert _spans(N._word_num_matches(text, caseless(text))) == _spans(N._WORD_NUM.finditer(text))


_NUM_PLAIN = re.compile(rf"(?<![{N._L}0-9_.,/:+\-])(?<![{N._L}][\-+])\d+(?:[.,]\d+)*")


@given(_texts(["1", "23", "٣", ".", ",", "/", ":", "+", "-", "a", "đ", "G", " ", "_"]))
def test_number_pattern_is_the_plain_pattern(text):
    assert _spans(N._NUM.finditer(text)) == _spans(_NUM_PLAIN.finditer(text))


@given(_texts(["hoàn thành", "xhoàn thành", "hoàn thànhx", " ", ",", "a"]))
def test_done_pattern_is_the_plain_pattern(text):
    assert _spans(RD._DONE.finditer(text)) == _spans(re.finditer(r"(?<!\w)hoàn thành(?!\w)", text))


_END_PLAIN = re.compile(r"(?:[.!?…]+[”\"’)]*)(?=\s+[\"“‘(\[]?[0-9A-ZĐÀ-Ỹ])|\n+")


@given(_texts([".", "!", "?", "…", "”", '"', "’", ")", " ", "\n", "A", "a", "1", "Đ", "(", "“"]))
def test_sentence_end_pattern_is_the_plain_pattern(text):
    assert _spans(S._END.finditer(text)) == _spans(_END_PLAIN.finditer(text))


@settings(max_examples=300)
@given(_texts(["Câu một", " ", "  ", ".", ". ", "\n", "\n\n", "TP.", "1.", "V.", "98,6%", "Hai", "a", "…", "”", "!"],
              max_size=20))
def test_a_paragraph_splits_into_the_sentences_of_the_whole_text(text):
    whole = S.split_sentences(text)
    for start, end in S.paragraph_bounds(text):
        assert S.split_sentences(text, start, end) == [s for s in whole if start <= s.start < end]


@given(_texts(["a", " ", "\t", "\n", "\n\n", "b c", " \u00a0"]))
def test_paragraph_bounds_are_the_paragraphs(text):
    plain = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    plain = [(a + len(text[a:b]) - len(text[a:b].lstrip()), a + len(text[a:b].rstrip())) for a, b in plain]
    assert S.paragraph_bounds(text) == [(a, b) for a, b in plain if a < b]


_YEAR_PLAIN = re.compile(r"(?<!\w)năm\s+(\d{4})(?!\s*[-–]\s*\d{4})(?![\d/-])", re.IGNORECASE)


@settings(max_examples=300)
@given(_wording(["năm", "Năm", "NĂM", "nĂm", "xnăm", "2024", "-", "–", "2025", "/", "1", *_ODD_CASES]))
@example("xnăm 2024, năm 2025 và NĂM  2023-2024")
def test_year_pattern_is_the_plain_pattern(text):
    assert _spans(X._YEAR.finditer(text)) == _spans(_YEAR_PLAIN.finditer(text))
    assert _spans(X._year_matches(text, caseless(text))) == _spans(_YEAR_PLAIN.finditer(text))


@settings(max_examples=300)
@given(_wording(["Tết", "tết", "TẾT", "xtết", "dịp", "Dịp", "quà", "Nguyên đán", "nguyên đán", "Xuân", "xuân",
                 "Ất Tỵ", "Giáp", "2025", "1", "/", *_ODD_CASES]))
@example("dịp Tết Nguyên đán Ất Tỵ 2025, quà xuân 2024 và dịp Xuân Giáp Thìn 2024/")
def test_festival_years_are_the_plain_pattern(text):
    plain = [(m.start(), int(m.group(1))) for m in X._FESTIVAL_YEAR.finditer(text)]
    assert sorted(X._festival_years(text, caseless(text))) == plain


_SUBJECT_PLAIN = re.compile(
    r"(?:[Tt]oàn\s+)?(?:Đảng bộ|Đảng ủy|Chi bộ|Huyện ủy|Thành ủy|Thị ủy|Tỉnh ủy|Quận ủy)(?:\s+[^\s,.;:()“”\"]+){0,10}"
)


@given(_texts(["Toàn", "toàn", "an toàn", " ", "Đảng bộ", "Chi bộ", "Tỉnh ủy", "xã", "A", ",", "("]))
def test_subject_pattern_is_the_plain_pattern(text):
    assert _spans(X._SUBJECT.finditer(text)) == _spans(_SUBJECT_PLAIN.finditer(text))


@given(_texts(["abc", "ĐẢNG", "x", " ", *_ODD_CASES]))
def test_caseless_is_the_lower_case_only_when_it_folds_as_ignorecase_does(text):
    low = caseless(text)
    if any(c in text for c in "ıſİ"):
        assert low is None
    else:
        assert low == text.lower()


@settings(max_examples=300)
@given(_wording(["có", "đạt", "là", "được", "chiếm", "bằng", "với", "lên", "phấn đấu", "phấn", "thực hiện", "đã",
                 "cóđạt", "_", "a"]))
def test_stripping_words_is_the_plain_substitution(text):
    text = text.rstrip()
    for words in (R._LINKING_WORDS, C._HELPER_VERBS):
        every = sorted({w for ws in words.values() for w in ws})
        plain = re.sub(r"(?:(?<!\w)(?:" + "|".join(every) + r")\s*)+$", "", text)
        assert RD.strip_words(text, words) == plain


def _rule_words() -> list[str]:
    rules = L.load_rules()
    words = {w for tail in _tails(rules) for w in tail.last_words}
    words |= {w for cues in rules.cues.values() for p in cues.kind for w in p.split()}
    words |= {w for ph in (rules.target_near, rules.target_sentence, rules.excellent, rules.good)
              for w in ph.words}
    return sorted(words) + ["trên dưới", "hoàn thành", "sửa chữa", "trong sạch", "nhiệm vụ", "a"]


def _tails(rules: L.Rules) -> list[L.Tail]:
    return [rules.negation, rules.met_tail, rules.change_tail, *rules.qualifier_tail.values(),
            rules.house_build_repair, rules.house_replace, rules.restate]


@settings(max_examples=500)
@given(_wording(_rule_words()))
def test_tails_find_what_their_patterns_find(text):
    rules = L.load_rules()
    for tail in _tails(rules):
        found, plain = tail.search(text), tail.rx.search(text)
        assert (found and found.span()) == (plain and plain.span())
    for ph in (rules.target_near, rules.target_sentence, rules.excellent, rules.good):
        assert _spans(ph.finditer(text)) == _spans(ph.rx.finditer(text))


def _named_cues(groups: dict[str, list[str]]) -> re.Pattern[str]:
    """The cue pattern as it was: a named group per phrase, longest phrases first."""
    items = sorted(((p, name) for name, ps in groups.items() for p in ps), key=lambda x: -len(x[0]))
    parts = [rf"(?P<{name}_{i}>{L._phrase(p)})" for i, (p, name) in enumerate(items)]
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)")


@settings(max_examples=300)
@given(_wording(["kết nạp", "kết", "nạp", "mới", "có", "gồm", "kỷ luật", "thi hành", "cho", "xây dựng", "hỗ trợ",
                 "trao", "tặng", "x"]))
def test_cues_name_the_list_the_named_groups_named(text):
    groups = {"a": ["kết nạp", "kết nạp mới", "có", "gồm có"], "b": ["kỷ luật", "thi hành kỷ luật", "cho"],
              "c": ["xây dựng", "hỗ trợ xây dựng", "trao", "trao tặng", "tặng"]}
    cues, named = L.Cues(groups), _named_cues(groups)
    last = None
    for last in named.finditer(text):  # noqa: B007
        pass
    assert cues.nearest(text) == (last.lastgroup.rsplit("_", 1)[0] if last else None)


def test_the_rules_cues_are_the_named_groups():
    rules = L.load_rules()
    for cues in rules.cues.values():
        text = " và ".join(cues.kind)
        for end in range(0, len(text), 7):
            m = None
            for m in cues.rx.finditer(text[:end]):  # noqa: B007
                pass
            assert cues.nearest(text[:end]) == (cues.kind[" ".join(L._SEP_RX.split(m.group()))] if m else None)


@settings(max_examples=500)
@given(_texts(["1", " ", "  ", "tỷ", "triệu", "nghìn", "đồng", "đ", "đảng", "VNĐ", "vnđ", "x", "n", "t", ",", "."],
              max_size=5), st.integers(0, 3))
def test_the_money_gate_lets_every_scale_and_currency_through(text, pos):
    m = N._MONEY_TAIL.match(text, pos)
    if m and (m.group("scale") or m.group("cur")):
        assert N._MONEY_START.match(text, pos)


@given(_texts(["thứ", "lần", "Quyết định", "số", "tổng số", "khu", "tấp", " ", "  ", "x", "İ", "Ấp"]))
def test_label_words_by_last_letter_are_the_plain_suffix_test(text):
    tail = text.rstrip().lower()
    # a place's name ending on a place label ("Vân Đồn", "Ấp Ấp") is no label: the rule beside the table
    named_place = tail.endswith(N._PLACE_LABELS) and N._NAME_ENDS.search(text) is not None
    plain = (tail.endswith(N._LABEL_WORDS) and not named_place) or (tail.endswith("số") and not tail.endswith("tổng số"))
    assert N._label_before(text) == plain


@given(_texts(["nhiệm kỳ", "NHIỆM KỲ", "Nhiệm Kỳ", "giai đoạn", "GIAI ĐOẠN", " qua", " 2020-2025", " tới", "x", " ",
               *_ODD_CASES]), st.integers(0, 40), st.integers(0, 60))
def test_a_term_is_searched_only_where_its_words_are(text, start, end):
    assert X._names_a_term(text, caseless(text), start, end) == (X._TERM.search(text, start, end) is not None)


def _phrase_lists(node) -> list[list[str]]:
    """Every list of phrases in rules.yaml."""
    if isinstance(node, dict):
        return [ps for v in node.values() for ps in _phrase_lists(v)]
    if isinstance(node, list) and node and all(isinstance(p, str) for p in node):
        return [node]
    return []


def _yaml_phrase_lists() -> list[list[str]]:
    import yaml

    return _phrase_lists(yaml.safe_load(L._RULES_FILE.read_text(encoding="utf-8")))


def _phrase_words() -> list[str]:
    """The phrases of rules.yaml, their words, and a few things glued to them."""
    phrases = {p for ps in _yaml_phrase_lists() for p in ps}
    return sorted(phrases | {w for p in phrases for w in p.split()}) + ["x", "_", "1", "đx", "tx"]


def _phrase_patterns() -> list[tuple[re.Pattern[str], ...]]:
    r"""For each list of phrases: `_at_word` and the plain `(?<!\w)(?:longest|…|shortest)`, with the
    look-ahead that ends a phrase and without it."""
    out = []
    for phrases in _yaml_phrase_lists():
        fast, plain = L._at_word(phrases), rf"(?<!\w)(?:{L._alt(phrases)})"
        out.append((re.compile(rf"(?:{fast})(?!\w)"), re.compile(rf"{plain}(?!\w)"), re.compile(fast),
                    re.compile(plain)))
    return out


_PHRASE_PATTERNS = _phrase_patterns()


@settings(max_examples=300, deadline=None)
@given(_wording(_phrase_words(), max_size=10), st.integers(0, 12))
def test_phrases_at_a_word_start_are_the_plain_alternation(text, pos):
    """`_at_word` (first letters grouped, the look-behind after the first letter) finds what the plain
    alternation finds, the same phrase first, from any position."""
    for fast, plain, fast_part, plain_part in _PHRASE_PATTERNS:
        assert _spans(fast.finditer(text, pos)) == _spans(plain.finditer(text, pos))
        for start in range(len(text)):  # as a part of a longer pattern: where each stops first
            m, m_plain = fast_part.match(text, start), plain_part.match(text, start)
            assert (m and m.span()) == (m_plain and m_plain.span())


def _figs(draw_spans: list[tuple[int, int, int, int]]) -> list[RD.Fig]:
    figs: list[RD.Fig] = []
    parens = [None, (0, 50), (10, 30)]
    for start, size, paren, whole in sorted(draw_spans):  # whole: the words of a "N noun/M" past the figure
        a = N.Amount(start, start + size, 1.0, "count")
        figs.append(RD.Fig(a, start, start + size, parens[paren], start + size + whole))
    return figs


@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 6), st.integers(0, 2), st.integers(0, 8)),
                min_size=2, max_size=6),
       st.integers(0, 70), st.integers(0, 70), st.integers(0, 5))
def test_neighbours_are_the_plain_list_max_and_min(spans, c_start, c_end, i):
    figs = _figs(spans)
    f = figs[i % len(figs)]
    same = [g for g in figs if g.paren == f.paren and g is not f and g.s != f.s]
    prev_end = max([g.reach for g in same if g.reach <= f.s and g.s >= c_start], default=c_start)
    next_start = min([g.s for g in same if g.s >= f.e and g.s < c_end], default=c_end)
    assert R._neighbours(figs, f, c_start, c_end) == (same, prev_end, next_start)


@settings(max_examples=300)
@given(_wording(["nhiệm kỳ", "NHIỆM KỲ", "giai đoạn", "Giai Đoạn", "so với", "SO VỚI", "từ", "TỪ", "năm", "2020", ";",
                 ".", "x", "\n", *_ODD_CASES]))
def test_a_year_is_skipped_as_the_plain_pattern_says(text):
    for at in range(len(text) + 1):
        plain = X._YEAR_SKIP_BEFORE.search(text[max(0, at - 60):at]) is not None
        assert X._year_skipped(text, caseless(text), at) == plain


@settings(max_examples=300)
@given(_wording(["ngày", "Ngày", "NGÀY", "rạng sáng", "sáng", "thứ", "Thứ Hai", "hai", "chủ nhật", "Chủ Nhật", ",",
                 "từ", "đến", "vào", "hạn", "x", "1", "\n", *_ODD_CASES]))
def test_a_date_word_before_is_the_plain_pattern(text):
    low = caseless(text)
    for start in range(len(text) + 1):
        before = text[max(0, start - 30):start]
        assert N._dated(before, low, start) == (N._DATE_BEFORE.search(before) is not None)


_WRAPPED = re.compile(r"(?<=[^\W_]|,)\n(?=[^\W\d_])")  # the plain pattern `_unwrap` reads by `find`


@given(_texts(["đảng", " viên", "\n", "\n\n", ",", ".", "691", "Đ", "bộ", " ", "ı", "_", "A"], max_size=16))
@example("kết nạp 691\nđảng viên")
def test_unwrap_joins_what_the_plain_pattern_finds(text):
    plain = _WRAPPED.sub(lambda m: " " if text[m.end()].islower() else "\n", text)
    assert X._unwrap(text) == plain
