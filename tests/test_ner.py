"""Tests of the CRF named-entity tagger (graph/ner.py) and its packaged model."""
from __future__ import annotations

from pathlib import Path

import pytest

from graph import ner
from graph.ner import ModelError, Tagger, bio_spans, candidate_stems, load_lexicon, normalize_token

MODEL = Path(ner.__file__).resolve().parent / "data" / "ner.crfsuite"


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return Tagger.load()


@pytest.fixture(scope="module")
def lexicon() -> dict:
    return load_lexicon()


def _valid_bio(tags: list[str]) -> bool:
    prev = "O"
    for t in tags:
        if t != "O" and (t[:2] not in ("B-", "I-") or t[2:] not in ner.TYPES):
            return False
        if t.startswith("I-") and (prev == "O" or prev[2:] != t[2:]):
            return False
        prev = t
    return True


# ------------------------------------------------------------------ loading
def test_packaged_model_loads(tagger):
    assert Path(tagger.path).name == "ner.crfsuite"
    assert "O" in tagger.labels
    assert {"B-PERS", "I-PERS", "B-LOC", "B-ORG"} <= set(tagger.labels)


def test_explicit_path_loads():
    assert Tagger.load(MODEL).tag(["في", "دمشق"])[0] == "O"


def test_missing_model_is_a_clear_error(tmp_path):
    missing = tmp_path / "nope.crfsuite"
    with pytest.raises(ModelError) as err:
        Tagger.load(missing)
    assert err.value.path == str(missing)
    assert str(missing) in str(err.value)
    assert "does not exist" in str(err.value)


@pytest.mark.parametrize("content", [
    b"",
    b"this is not a model\n",
    b"version https://git-lfs.github.com/spec/v1\noid sha256:0\nsize 1\n",
    bytes(4096),
])
def test_garbage_model_is_a_clear_error(tmp_path, content):
    bad = tmp_path / "bad.crfsuite"
    bad.write_bytes(content)
    with pytest.raises(ModelError, match="bad.crfsuite"):
        Tagger.load(bad)


def test_truncated_model_is_a_clear_error(tmp_path):
    bad = tmp_path / "trunc.crfsuite"
    bad.write_bytes(MODEL.read_bytes()[: MODEL.stat().st_size // 2])
    with pytest.raises(ModelError, match="truncated"):
        Tagger.load(bad)


def test_corrupt_feature_table_is_a_clear_error(tmp_path):
    data = bytearray(MODEL.read_bytes())
    # first feature entry (type, src, dst, weight) starts 12 bytes into the FEAT chunk at 48
    data[60:64] = (7).to_bytes(4, "little")          # an unknown feature type
    bad = tmp_path / "feat.crfsuite"
    bad.write_bytes(bytes(data))
    with pytest.raises(ModelError, match="corrupt"):
        Tagger.load(bad)


def test_directory_is_a_clear_error(tmp_path):
    with pytest.raises(ModelError, match="not a regular file"):
        Tagger.load(tmp_path)


def test_missing_lexicon_is_a_clear_error(tmp_path):
    with pytest.raises(ModelError, match="lexicon"):
        Tagger.load(MODEL, lexicon=tmp_path / "none.tsv")


def test_model_file_is_small():
    assert MODEL.stat().st_size < 5_000_000


# ------------------------------------------------------------------ tag() contract
def test_one_valid_bio_tag_per_token(tagger):
    sentences = [
        [],
        ["."],
        "قال الرئيس كمال برهومي إن الحكومة ستعقد اجتماعا في مدينة زرنوخ يوم الأحد .".split(),
        ["I", "-", "123", "٤٥٦", "«", "»", "", "و", "ال"],
        "و و و في في في".split(),
    ]
    for toks in sentences:
        tags = tagger.tag(toks)
        assert isinstance(tags, list) and len(tags) == len(toks)
        assert _valid_bio(tags), (toks, tags)


def test_tagging_is_deterministic_and_cache_independent(tagger):
    toks = "وصل الرئيس سالم الدرويشي إلى مدينة تلكيفان أمس .".split()
    first = tagger.tag(toks)
    assert Tagger.load().tag(toks) == first == tagger.tag(list(toks))


# ------------------------------------------------------------------ fast decoder
def _corpus_sentences() -> list[list[str]]:
    """Every sentence of the embedded corpus, as the recogniser hands them to the tagger."""
    from graph.ingest import default_corpus, read
    from graph.text import analyse
    return [[t.text for t in s.tokens] for d in read([default_corpus()])
            for s in analyse(d.text).sentences]


@pytest.mark.parametrize("threshold", [ner.DEFAULT_O_THRESHOLD, None])
def test_batch_decoder_gives_crfsuites_own_tags(threshold):
    """graph/crf.py decodes from the model's weights; crfsuite's decoder is the reference."""
    tagger = Tagger.load()
    tagger.o_threshold = threshold
    sents = _corpus_sentences() + [["."], ["قال", "الرئيس"], []]
    assert len(sents) > 80
    assert tagger.tag_batch(sents) == [tagger.tag_reference(s) for s in sents]


def test_batch_is_the_same_as_one_sentence_at_a_time(tagger):
    sents = [toks.split() for toks, _, _ in INVENTED] + [[], ["و"]]
    assert tagger.tag_batch(sents) == [tagger.tag(s) for s in sents]
    assert tagger.tag_batch(list(reversed(sents))) == list(reversed(tagger.tag_batch(sents)))


# ------------------------------------------------------------------ invented sentences
# Sentences written for this test (not from ANERcorp); the surname / city tokens are invented
# or rare and absent from the lexicon, so the model must rely on context (الرئيس, مدينة).
INVENTED = [
    ("قال الرئيس كمال برهومي إن الحكومة ستعقد اجتماعا في مدينة زرنوخ يوم الأحد .",
     "كمال برهومي", "زرنوخ"),
    ("وصل الرئيس سالم الدرويشي إلى مدينة تلكيفان أمس في زيارة رسمية تستمر يومين .",
     "سالم الدرويشي", "تلكيفان"),
    ("أعلن الرئيس مهدان الكرزوني أن قوات الأمن استعادت السيطرة على مدينة قرطاوة .",
     "مهدان الكرزوني", "قرطاوة"),
    ("قتل خمسة مدنيين في قصف على مدينة بوزارين شمال البلاد ، بحسب ما أعلن الرئيس رضوان خلفاوي .",
     "رضوان خلفاوي", "بوزارين"),
]


def _span_of(toks: list[str], phrase: str) -> tuple[int, int]:
    words = phrase.split()
    for i in range(len(toks)):
        if toks[i:i + len(words)] == words:
            return i, i + len(words)
    raise AssertionError(phrase)


@pytest.mark.parametrize("text,person,city", INVENTED)
def test_person_after_president_and_city_after_madina(tagger, lexicon, text, person, city):
    toks = text.split()
    assert normalize_token(city) not in lexicon
    assert normalize_token(person.split()[-1]) not in lexicon
    tags = tagger.tag(toks)
    spans = bio_spans(tags)
    ps, pe = _span_of(toks, person)
    cs, ce = _span_of(toks, city)
    assert toks[ps - 1] == "الرئيس" and toks[cs - 1] in ("مدينة",)
    assert ("PERS", ps, pe) in spans, list(zip(toks, tags))
    assert any(t == "LOC" and s < ce and cs < e for t, s, e in spans), list(zip(toks, tags))


# ------------------------------------------------------------------ features
def test_normalisation():
    assert normalize_token("أَحْمَد") == "احمد"
    assert normalize_token("إسلاميّة") == "اسلاميه"
    assert normalize_token("مصطفى") == "مصطفي"
    assert normalize_token("آب٢٠١٣") == "اب2013"
    assert normalize_token("ٱلقدس") == "القدس"
    assert normalize_token("حلـــب") == "حلب"


def test_candidate_stems():
    assert candidate_stems("وبالمدينه") == ["بالمدينه", "المدينه", "مدينه"]
    assert candidate_stems("للجيش") == ["جيش"]
    assert candidate_stems("فالرئيس") == ["الرئيس", "رئيس"]
    assert candidate_stems("ولد") == []       # too short to strip


def test_features_carry_cues_and_lexicon():
    toks = "وصل الرئيس سالم إلى مدينة الحسكة".split()
    f_name = ner.features(toks, 2)
    assert "-1cue=T" in f_name and "w=سالم" in f_name
    f_city = ner.features(toks, 5)
    assert "-1cue=L" in f_city
    assert "lx=B-LOC" in f_city            # from the shipped gazetteer (OpenSyria / GeoNames)
    assert any(x.startswith("s=") for x in ner.features(["بمدينة"], 0))


def test_bio_spans():
    assert bio_spans(["B-PERS", "I-PERS", "O", "I-LOC", "B-ORG", "I-LOC"]) == [
        ("PERS", 0, 2), ("LOC", 3, 4), ("ORG", 4, 5), ("LOC", 5, 6)]
