"""Normalisation keeps offsets: every span of the normalised text maps back to its original."""
import pytest
from hypothesis import given, strategies as st

from graph.normalize import norm, normalize, stems, strip_enclitic
from graph.text import analyse

ARABIC = st.text(alphabet=st.sampled_from(
    list("ابتثجحخدذرسشصضطظعغفقكلمنهويءأإآىة ") + ["\u064e", "\u0650", "\u0651", "\u0640",
    "\u200f", "\u202b", "\u2066", "«", "»", "٣", "۴", "و", "ل", "ب"]), max_size=80)


@given(ARABIC)
def test_normalize_offsets_point_at_original_characters(text):
    n = normalize(text)
    assert len(n.text) == len(n.offsets)
    for i, ch in enumerate(n.text):
        assert norm(text[n.offsets[i]]) == ch or text[n.offsets[i]] == ch


@given(ARABIC)
def test_normalize_is_idempotent(text):
    once = normalize(text).text
    assert normalize(once).text == once


@given(ARABIC)
def test_sentence_and_token_spans_map_back(text):
    an = analyse(text)
    for s in an.sentences:
        a, b = an.original(s.start, s.end)
        assert norm(text[a:b]).replace(" ", "") == s.text.replace(" ", "")
        assert len(s.words) == len(s.starts) == len(s.ends) == len(s.tokens)
        for w, start, end, tok in zip(s.words, s.starts, s.ends, s.tokens):
            assert an.norm.text[start:end] == w == tok.text and (tok.start, tok.end) == (start, end)


@pytest.mark.parametrize("raw, expected", [
    ("أإآٱ", "اااا"), ("مستشفى", "مستشفي"), ("الرقّة", "الرقه"), ("داعـــش", "داعش"),
    ("\u200fحلب\u202c", "حلب"), ("٢٠١٥", "2015"), ("۱۲", "12"), ("«داعش»", '"داعش"'),
])
def test_normalize_forms(raw, expected):
    assert normalize(raw).text == expected


@pytest.mark.parametrize("word, stem, stripped", [
    ("لداعش", "داعش", 1), ("وبالرقه", "الرقه", 2), ("للمرصد", "المرصد", 1), ("فالتنظيم", "التنظيم", 1),
])
def test_normalize_proclitics_do_not_hide_a_name(word, stem, stripped):
    assert (stem, stripped) in stems(word)


def test_normalize_short_words_keep_their_letters():
    assert stems("ولد") == (("ولد", 0),)


def test_normalize_enclitic_pronoun_is_removed():
    assert "اعتقال" in strip_enclitic("اعتقالهم")
