"""Statistical named-entity tagger (CRF) for Arabic names that no list contains.

The recogniser hands this module the surface tokens of one sentence (punctuation split off,
clitics still attached, as in ANERcorp) and gets back one BIO tag per token
(``B-PERS``, ``I-ORG``, ``O``...; types PERS, LOC, ORG, MISC).

Model: a linear-chain CRF (python-crfsuite) trained by ``scripts/train_ner.py`` on the first 90%
of the ANERcorp train half and shipped as ``graph/data/ner.crfsuite``, with its token lexicon
``graph/data/ner_lexicon.tsv`` (normalised token -> B-LOC/I-LOC membership in the shipped place
gazetteers, and the entity tags the token carried in the training data). See docs/ner.md.

Speed: the token-local features of a word are computed once per word TYPE (dict cache), together
with the already-prefixed feature strings the word contributes to its neighbours, so a
sentence's features are a few list concatenations per token.
"""
from __future__ import annotations

import os
import re
import struct
from importlib import resources
from pathlib import Path
from typing import Sequence

import numpy as _np

from .crf import Weights, decode
from .normalize import norm

__all__ = ["Tagger", "ModelError", "features", "sentence_features", "normalize_token",
           "candidate_stems", "load_lexicon", "read_conll", "bio_spans", "TYPES",
           "DEFAULT_MODEL", "DEFAULT_LEXICON"]

TYPES = ("PERS", "LOC", "ORG", "MISC")
DEFAULT_MODEL = "ner.crfsuite"
DEFAULT_LEXICON = "ner_lexicon.tsv"
_CRF_MAGIC = b"lCRF"


class ModelError(RuntimeError):
    """The CRF model file is missing, unreadable or not a crfsuite model. ``path`` says which."""

    def __init__(self, path: str | os.PathLike, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"cannot load NER model {self.path!r}: {reason}")


# --------------------------------------------------------------------------------------------
# Normalisation
# --------------------------------------------------------------------------------------------
def normalize_token(token: str) -> str:
    """Matching form of one token: the project's normalisation (graph/normalize.py)."""
    return norm(token)


def candidate_stems(norm: str) -> list[str]:
    """Progressively proclitic-stripped forms of a normalised token (the token itself excluded).

    Strips one conjunction (و ف), then one preposition (ب ل ك), then the article (ال, or the
    ل+ال contraction لل). Every form keeps at least two letters. Ordered from longest to
    shortest, without duplicates.
    """
    out: list[str] = []
    w = norm
    if len(w) > 3 and w[0] in "وف":
        w = w[1:]
        out.append(w)
    if len(w) > 3 and w.startswith("لل"):
        out.append(w[2:])
        return out
    if len(w) > 3 and w[0] in "بلك":
        w = w[1:]
        out.append(w)
    if len(w) > 3 and w.startswith("ال"):
        out.append(w[2:])
    return out


# --------------------------------------------------------------------------------------------
# Cue words (normalised forms)
# --------------------------------------------------------------------------------------------
TITLE_WORDS = frozenset(normalize_token(w) for w in """
الرئيس رئيس الرئيسة رئيسة نائب الشيخ شيخ الشيخة وزير الوزير وزيرة الوزيرة المتحدث متحدث الناطق ناطق
قائد القائد العميد عميد اللواء العقيد عقيد الجنرال المشير الفريق المقدم الرائد النقيب الملازم
الملك ملك الملكة الأمير أمير الأميرة السيد السيدة الدكتور الدكتورة د. المهندس المستشار السفير
الأمين أمين المبعوث مبعوث مساعد المرشد الإمام الحاج الزعيم زعيم مدير المدير رئيسا وزيرا
الشهيد الصحفي المراسل مراسل الكاتب الشاعر الفنان المطرب المدرب مدرب اللاعب لاعب النجم
البابا القس الأب المطران الحاخام الداعية القاضي المحامي النائب البروفسور الأستاذ المفتي
السلطان الخليفة الأمير المعارض الناشط زوجة نجل ابن شقيق
""".split())

PLACE_CUES = frozenset(normalize_token(w) for w in """
مدينة المدينة قرية القرية بلدة البلدة محافظة المحافظة منطقة المنطقة ناحية حي مخيم ريف بلاد
عاصمة العاصمة جنوب شمال شرق غرب جنوبي شمالي شرقي غربي ولاية إقليم مقاطعة جزيرة جبل نهر بحر
مطار سجن معبر ميناء مدن قرى بلدات أحياء ضواحي ضاحية وسط أنحاء في إلى من داخل قرب عبر
""".split())

ORG_CUES = frozenset(normalize_token(w) for w in """
حركة جبهة جيش منظمة وزارة وكالة حزب هيئة مجلس لجنة شركة جماعة تنظيم اتحاد جامعة بنك مصرف
صندوق مؤسسة قوات فصيل لواء كتيبة كتائب ميليشيا صحيفة قناة إذاعة محكمة برلمان البرلمان مكتب مركز
معهد نادي فريق الأمم مفوضية رابطة نقابة جمعية ائتلاف تحالف سرايا الحرس شرطة الشرطة الجيش
""".split())

# --------------------------------------------------------------------------------------------
# Lexicon
# --------------------------------------------------------------------------------------------
def load_lexicon(path: str | os.PathLike | None = None) -> dict[str, tuple[str, ...]]:
    """Read ``token<TAB>tag,tag`` lines (``#`` lines are comments); default: the packaged
    ``graph/data/ner_lexicon.tsv``. Raises FileNotFoundError when the file is missing."""
    if path is None:
        try:
            text = (resources.files("graph") / "data" / DEFAULT_LEXICON).read_text("utf-8")
        except (ModuleNotFoundError, TypeError):
            text = (Path(__file__).resolve().parent / "data" / DEFAULT_LEXICON).read_text("utf-8")
    else:
        text = Path(path).read_text("utf-8")
    lex: dict[str, tuple[str, ...]] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        tok, _, tags = line.partition("\t")
        if tok and tags:
            lex[tok] = tuple(t for t in tags.split(",") if t)
    return lex


# --------------------------------------------------------------------------------------------
# Features
# --------------------------------------------------------------------------------------------
_LATIN = re.compile(r"[A-Za-z]")
_DIGIT = re.compile(r"[0-9]")
_ARABIC = re.compile("[\u0621-\u064a\u0671-\u06d3]")
_PUNCT = re.compile(r"^[^\w]+$")


def _shape(tok: str) -> str:
    if _PUNCT.match(tok):
        return "punct"
    a, d, l = bool(_ARABIC.search(tok)), bool(_DIGIT.search(tok)), bool(_LATIN.search(tok))
    if d and not a and not l:
        return "digit"
    if l and not a:
        return "latin" if not d else "latdig"
    if a and not d and not l:
        return "arab"
    return "mixed"


def _len_bucket(n: int) -> str:
    if n <= 2:
        return str(n)
    if n <= 4:
        return "3-4"
    if n <= 6:
        return "5-6"
    if n <= 9:
        return "7-9"
    return "10+"


class _Featurizer:
    """Per-type feature cache. ``entry(tok)`` -> (local, for_prev1, for_next1, for_prev2, for_next2)

    ``for_next1`` is what a word contributes to the word AFTER it (its ``-1`` features), etc.
    """

    __slots__ = ("lex", "cache", "max_cache", "known", "as_bytes", "_bos", "weights", "_table",
                 "_n")

    def __init__(self, lexicon: dict[str, tuple[str, ...]] | None = None, max_cache: int = 50_000,
                 known: frozenset[str] | None = None, as_bytes: bool = False, weights=None):
        self.lex = lexicon or {}
        self.cache: dict[str, object] = {}
        self.max_cache = max_cache
        # attributes the model has weights for: others are dropped once per type (speed only;
        # crfsuite ignores unknown attributes anyway, so tags are identical)
        self.known = known
        # UTF-8 bytes instead of str: crfsuite needs bytes, and encoding once per type instead
        # of once per token makes tagging ~15% faster. Same attributes, same tags.
        self.as_bytes = as_bytes
        # With a model's weights (graph/crf.py) a word type's five attribute lists become five
        # label-score vectors: row ``cache[tok]`` of ``_table``, a (types, 5, labels) array.
        self.weights = weights
        bos = ("BOS", "BOS2", "EOS", "EOS2")
        if weights is not None:
            self._bos = tuple(weights.score([x]) for x in bos)
            self._table = _np.zeros((1024, 5, len(weights.labels)))
            self._n = 0
        else:
            self._bos = tuple(x.encode() if as_bytes else x for x in bos)

    def entry(self, tok: str):
        e = self.cache.get(tok)
        if e is None:
            e = self._compute(tok)
            if self.known is not None:
                k = self.known
                e = tuple([x for x in part if x in k] for part in e)
            if self.as_bytes:
                e = tuple([x.encode() for x in part] for part in e)
            if len(self.cache) >= self.max_cache:
                self.cache.clear()
            self.cache[tok] = e
        return e

    def type_id(self, tok: str) -> int:
        """Row of ``tok``'s score vectors in the type table (weights mode)."""
        i = self.cache.get(tok)
        if i is None:
            i = self._n
            if i == len(self._table):
                self._table = _np.concatenate([self._table, _np.zeros_like(self._table)])
            score = self.weights.score
            for k, part in enumerate(self._compute(tok)):
                self._table[i, k] = score(part)
            self._n = i + 1
            self.cache[tok] = i
        return i

    def scores(self, sentences: Sequence[Sequence[str]]):
        """The (N, labels) state-score matrix of sentences laid end to end: each word's own
        vector plus what its neighbours contribute — the same sums crfsuite forms from
        :meth:`sentence`'s attributes. Needs ``weights``."""
        if self._n >= self.max_cache:           # between batches only: rows stay valid inside
            self.cache.clear()
            self._n = 0
        tid = self.type_id
        ids = [tid(t) for s in sentences for t in s]
        lengths = _np.fromiter((len(s) for s in sentences), dtype=_np.intp, count=len(sentences))
        E = self._table[ids]                                    # (N, 5, L)
        n = len(ids)
        ends = _np.cumsum(lengths)
        pos = _np.arange(n) - _np.repeat(ends - lengths, lengths)   # position in its sentence
        rem = _np.repeat(lengths, lengths) - 1 - pos                # positions after it
        S = E[:, 0].copy()
        S[1:] += E[:-1, 2] * (pos[1:] >= 1)[:, None]
        S[2:] += E[:-2, 4] * (pos[2:] >= 2)[:, None]
        S[:-1] += E[1:, 1] * (rem[:-1] >= 1)[:, None]
        S[:-2] += E[2:, 3] * (rem[:-2] >= 2)[:, None]
        bos, bos2, eos, eos2 = self._bos
        S[pos == 0] += bos
        S[pos == 1] += bos2
        S[rem == 0] += eos
        S[rem == 1] += eos2
        return S, lengths

    def _compute(self, tok: str):
        norm = normalize_token(tok)
        stems = candidate_stems(norm)
        stem = stems[-1] if stems else norm
        lex = self.lex
        shape = _shape(tok)
        f = ["bias", "w=" + norm, "sh=" + shape, "len=" + _len_bucket(len(norm))]
        if stems:
            f.append("s=" + stem)
            f.append("pc=" + norm[: len(norm) - len(stem)])
            if stems[0] != stem:
                f.append("s1=" + stems[0])
        if shape == "arab":
            for k in (1, 2, 3):
                if len(norm) > k:
                    f.append(f"p{k}=" + norm[:k])
                    f.append(f"x{k}=" + norm[-k:])
            if stems and len(stem) > 2:
                f.append("sp2=" + stem[:2])
                f.append("sx2=" + stem[-2:])
                f.append("sx3=" + stem[-3:])
        elif shape in ("digit", "punct"):
            f.append("tok=" + tok if len(tok) <= 3 else "tok=long")
        # lexicon (gazetteer) membership of the token and of its stripped stems
        lex_tags: set[str] = set()
        if norm in lex:
            for t in lex[norm]:
                f.append("lx=" + t)
                lex_tags.add(t)
        for s in stems:
            if s in lex:
                for t in lex[s]:
                    if t not in lex_tags:
                        f.append("slx=" + t)
                        lex_tags.add(t)
        # cue classes of the word itself (or of its proclitic-stripped forms: ومدينة, بحركة)
        forms = {norm, *stems}
        cues = []
        if not forms.isdisjoint(TITLE_WORDS):
            cues.append("T")
        if not forms.isdisjoint(PLACE_CUES):
            cues.append("L")
        if not forms.isdisjoint(ORG_CUES):
            cues.append("O")
        for c in cues:
            f.append("cue=" + c)
        # what this word contributes to its neighbours
        lexc = sorted({t.partition("-")[2] for t in lex_tags})
        ctx1 = ["w=" + norm, "s=" + stem] + ["cue=" + c for c in cues] + ["lx=" + t for t in lexc]
        if shape != "arab":
            ctx1.append("sh=" + shape)
        if stems:
            ctx1.append("al=" + ("1" if norm[: len(norm) - len(stem)].endswith("ال") or
                                 norm[: len(norm) - len(stem)].endswith("لل") else "0"))
        ctx2 = ["w=" + norm] + ["cue=" + c for c in cues] + ["lx=" + t for t in lexc]
        for_next1 = ["-1" + x for x in ctx1]   # features for word i+1 describing word i
        for_prev1 = ["+1" + x for x in ctx1]   # features for word i-1 describing word i
        for_next2 = ["-2" + x for x in ctx2]
        for_prev2 = ["+2" + x for x in ctx2]
        return f, for_prev1, for_next1, for_prev2, for_next2

    def sentence(self, tokens: Sequence[str]) -> list[list[str]]:
        entries = [self.entry(t) for t in tokens]
        n = len(entries)
        bos, bos2, eos, eos2 = self._bos
        out: list[list[str]] = []
        for i in range(n):
            f = entries[i][0].copy()
            if i >= 1:
                f += entries[i - 1][2]
                if i >= 2:
                    f += entries[i - 2][4]
                else:
                    f.append(bos2)
            else:
                f.append(bos)
            if i + 1 < n:
                f += entries[i + 1][1]
                if i + 2 < n:
                    f += entries[i + 2][3]
                else:
                    f.append(eos2)
            else:
                f.append(eos)
            out.append(f)
        return out


_default_featurizer: _Featurizer | None = None


def _get_default_featurizer() -> _Featurizer:
    global _default_featurizer
    if _default_featurizer is None:
        _default_featurizer = _Featurizer(load_lexicon())
    return _default_featurizer


def sentence_features(tokens: Sequence[str], lexicon: dict[str, tuple[str, ...]] | None = None
                      ) -> list[list[str]]:
    """Binary feature strings for every token of a sentence (the CRF's input).

    ``lexicon`` defaults to the packaged ``ner_lexicon.tsv``.
    """
    fz = _get_default_featurizer() if lexicon is None else _Featurizer(lexicon)
    return fz.sentence(tokens)


def features(tokens: Sequence[str], i: int) -> list[str]:
    """Feature strings of token ``i`` in its sentence (for inspection; tagging uses
    :func:`sentence_features`, which shares the per-type cache)."""
    return _get_default_featurizer().sentence(tokens)[i]


# --------------------------------------------------------------------------------------------
# Tagger
# --------------------------------------------------------------------------------------------
def _check_model_file(path: Path) -> None:
    """Structural check of a crfsuite 1st-order model before handing it to C code, which would
    crash (not raise) on a truncated or foreign file: header, chunk magics, sizes, counts and
    the bounds of every feature entry. (crfsuite keeps no checksum, so a body rewritten on
    purpose with a consistent structure is not detected.)"""
    if not path.exists():
        raise ModelError(path, "file does not exist")
    if not path.is_file():
        raise ModelError(path, "not a regular file")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ModelError(path, f"unreadable ({exc})") from exc
    if len(data) < 48 or data[:4] != _CRF_MAGIC:
        raise ModelError(path, "not a crfsuite model (bad header)")
    (_, size, mtype, _version, _nf, n_labels, n_attrs, off_feat, off_labels, off_attrs,
     off_lrefs, off_arefs) = struct.unpack_from("<4sI4sIIIIIIIII", data, 0)
    if size != len(data):
        raise ModelError(path, f"truncated or corrupt (header says {size} bytes, file has {len(data)})")
    if mtype != b"FOMC":
        raise ModelError(path, f"not a first-order crfsuite model (type {mtype!r})")
    chunks = [(off_feat, b"FEAT"), (off_labels, b"CQDB"), (off_attrs, b"CQDB"),
              (off_lrefs, b"LFRF"), (off_arefs, b"AFRF")]
    prev_end = 48
    for off, magic in chunks:
        if off < prev_end or off + 12 > size or data[off:off + 4] != magic:
            raise ModelError(path, f"corrupt: chunk {magic.decode()} missing at offset {off}")
        csize = struct.unpack_from("<I", data, off + 4)[0]
        if csize < 12 or off + csize > size:
            raise ModelError(path, f"corrupt: chunk {magic.decode()} overruns the file")
        prev_end = off + csize
    if not 0 < n_labels < 10_000:
        raise ModelError(path, f"corrupt: {n_labels} labels")
    # (crfsuite writes label references for the labels plus its two legacy BOS/EOS slots)
    if struct.unpack_from("<I", data, off_lrefs + 8)[0] < n_labels or \
            struct.unpack_from("<I", data, off_arefs + 8)[0] != n_attrs:
        raise ModelError(path, "corrupt: label/attribute counts disagree")
    fsize, n_feat = struct.unpack_from("<II", data, off_feat + 4)
    if 12 + 20 * n_feat > fsize:
        raise ModelError(path, "corrupt: feature table overruns its chunk")
    for ftype, src, dst, _w in struct.iter_unpack("<IIId", data[off_feat + 12: off_feat + 12 + 20 * n_feat]):
        if ftype == 0:
            ok = src < n_attrs and dst < n_labels
        elif ftype == 1:
            ok = src < n_labels and dst < n_labels
        else:
            ok = False
        if not ok:
            raise ModelError(path, "corrupt: feature entry out of range")


DEFAULT_O_THRESHOLD = 0.7
"""Recall bias: a token Viterbi tags O whose posterior P(O) is below this gets its most probable
entity label instead (then BIO is repaired). Chosen on an inner split of the training 90%
(see docs/ner.md); ``None`` gives plain Viterbi output."""


class Tagger:
    """A loaded CRF model. Not thread-safe: use one ``Tagger`` per thread."""

    def __init__(self, crf_tagger, path: str, lexicon: dict[str, tuple[str, ...]],
                 o_threshold: float | None = DEFAULT_O_THRESHOLD):
        self._crf = crf_tagger
        self.path = path
        self.labels: tuple[str, ...] = tuple(crf_tagger.labels())
        self._entity_labels = tuple(lb for lb in self.labels if lb != "O")
        self.o_threshold = o_threshold
        self._lexicon = lexicon
        self._weights = Weights.from_crfsuite(crf_tagger)
        self._o = self.labels.index("O")
        self._fz = _Featurizer(lexicon, max_cache=100_000, weights=self._weights)
        self._ref_fz: _Featurizer | None = None

    @classmethod
    def load(cls, path: str | os.PathLike | None = None,
             lexicon: str | os.PathLike | dict[str, tuple[str, ...]] | None = None) -> "Tagger":
        """Open a model; default: the packaged ``graph/data/ner.crfsuite``.

        ``lexicon``: a lexicon dict or TSV path; default the packaged ``ner_lexicon.tsv``
        (the lexicon the packaged model was trained with). Raises :class:`ModelError` when the
        model is missing or corrupt.
        """
        if isinstance(lexicon, dict):
            lex = lexicon
        else:
            try:
                lex = load_lexicon(lexicon)
            except (OSError, UnicodeDecodeError) as exc:
                where = lexicon if lexicon is not None else f"graph/data/{DEFAULT_LEXICON}"
                raise ModelError(where, f"its lexicon cannot be read ({exc})") from exc
        if path is None:
            try:
                ref = resources.files("graph") / "data" / DEFAULT_MODEL
                with resources.as_file(ref) as real:
                    return cls._open(Path(real), lex)
            except (ModuleNotFoundError, TypeError):
                return cls._open(Path(__file__).resolve().parent / "data" / DEFAULT_MODEL, lex)
        return cls._open(Path(path), lex)

    @classmethod
    def _open(cls, path: Path, lex: dict[str, tuple[str, ...]]) -> "Tagger":
        import pycrfsuite

        _check_model_file(path)
        crf = pycrfsuite.Tagger()
        try:
            crf.open(str(path))
        except (OSError, ValueError, RuntimeError) as exc:
            raise ModelError(path, f"crfsuite could not open it ({exc})") from exc
        labels = crf.labels()
        if not labels or "O" not in labels:
            raise ModelError(path, "model has no 'O' label: not an Athar NER model")
        return cls(crf, str(path), lex)

    def tag(self, tokens: list[str]) -> list[str]:
        """BIO tags, one per token. An I- tag never follows O or a different type."""
        return self.tag_batch([tokens])[0]

    def tag_batch(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """BIO tags for several sentences, decoded together (graph/crf.py): the fast path."""
        S, lengths = self._fz.scores(sentences)
        best = decode(self._weights, S, lengths, self._o, self.o_threshold).tolist()
        labels = self.labels
        out, i = [], 0
        for n in lengths.tolist():
            out.append(repair_bio([labels[k] for k in best[i:i + n]]))
            i += n
        return out

    def tag_reference(self, tokens: list[str]) -> list[str]:
        """The same tags by crfsuite's own decoder (slower; kept as the reference the fast
        path is tested against)."""
        if not tokens:
            return []
        if self._ref_fz is None:
            known = frozenset(self._weights.attr)     # attributes with a weight
            self._ref_fz = _Featurizer(self._lexicon, known=known, as_bytes=True)
        crf = self._crf
        tags = crf.tag(self._ref_fz.sentence(tokens))
        thr = self.o_threshold
        if thr is not None:
            marginal = crf.marginal
            for i, t in enumerate(tags):
                if t == "O" and marginal("O", i) < thr:
                    tags[i] = max(self._entity_labels, key=lambda lb: marginal(lb, i))
        return repair_bio(tags)


def repair_bio(tags: list[str]) -> list[str]:
    """Turn an I-X that does not continue an X entity into B-X (in place; returns the list)."""
    prev = "O"
    for i, t in enumerate(tags):
        if t[0] == "I" and (prev == "O" or prev[2:] != t[2:]):
            t = "B" + t[1:]
            tags[i] = t
        prev = t
    return tags


# --------------------------------------------------------------------------------------------
# Corpus helpers (training and evaluation)
# --------------------------------------------------------------------------------------------
def read_conll(path: str | os.PathLike) -> list[tuple[list[str], list[str]]]:
    """``token TAG`` lines, blank line between sentences -> [(tokens, tags)]."""
    sents: list[tuple[list[str], list[str]]] = []
    toks: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip():
                if toks:
                    sents.append((toks, tags))
                    toks, tags = [], []
                continue
            tok, _, tag = line.rpartition(" ")
            toks.append(tok)
            tags.append(tag)
    if toks:
        sents.append((toks, tags))
    return sents


def dev_split(sents: list, frac: float = 0.10) -> tuple[list, list]:
    """First 90% (train) and LAST 10% (dev) of the sentences."""
    n_dev = int(len(sents) * frac)
    return sents[: len(sents) - n_dev], sents[len(sents) - n_dev:]


def bio_spans(tags: Sequence[str]) -> list[tuple[str, int, int]]:
    """Entities ``(type, start, end)`` (end exclusive) of a BIO sequence; stray I- starts one."""
    spans: list[tuple[str, int, int]] = []
    typ, start = None, 0
    for i, t in enumerate(tags):
        if t == "O" or t[0] == "B" or (t[0] == "I" and t[2:] != typ):
            if typ is not None:
                spans.append((typ, start, i))
                typ = None
            if t != "O":
                typ, start = t[2:], i
    if typ is not None:
        spans.append((typ, start, len(tags)))
    return spans
