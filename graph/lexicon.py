"""Language knowledge as data: trigger words, months, numbers, cue words; and a phrase matcher.

The data live in ``graph/data/triggers.yaml``, ``graph/data/lexicon.yaml`` and
``graph/data/stopwords.txt`` (formats in docs/lexicons.md). :class:`PhraseIndex` is the one
multi-pattern matcher every stage uses: phrases are tuples of normalised tokens, looked up from
each token position with proclitics (و ف ب ل ك، لل) and optionally pronoun suffixes removed.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress
from pathlib import Path
from typing import Any, Generic, TypeVar

import yaml

from .errors import DataFileError
from .normalize import norm, stems, strip_enclitic

DATA = Path(__file__).parent / "data"
T = TypeVar("T")


class PhraseIndex(Generic[T]):
    """Phrases (tuples of normalised tokens) → payloads, matched left to right.

    >>> ix = PhraseIndex()
    >>> ix.add("المرصد السوري", "sohr")
    >>> ix.match(["وقال", "للمرصد", "السوري", "امس"], 1)
    [(2, 1, 'sohr')]
    """

    def __init__(self) -> None:
        self.first: dict[str, list[tuple[tuple[str, ...], T]]] = {}
        # the same phrases as a trie (token -> (payloads ending here, children)), so matching
        # walks one branch instead of comparing every phrase that shares a first word
        self._trie: dict[str, tuple[list[T], dict]] = {}
        self.maxlen = 1
        self._heads: dict[tuple, tuple] = {}
        self._plain: dict[str, tuple] = {}
        self._start: dict[str, bool] = {}
        self._start_enc: dict[str, bool] = {}

    def add(self, phrase: str | tuple[str, ...], payload: T) -> None:
        toks = tuple(norm(phrase).split()) if isinstance(phrase, str) else phrase
        if not toks:
            return
        self._heads.clear()
        self._plain.clear()
        self._start.clear()
        self._start_enc.clear()
        bucket = self.first.setdefault(toks[0], [])
        if (toks[1:], payload) not in bucket:
            bucket.append((toks[1:], payload))
            bucket.sort(key=lambda x: -len(x[0]))
            node = self._trie.setdefault(toks[0], ([], {}))
            for t in toks[1:]:
                node = node[1].setdefault(t, ([], {}))
            node[0].append(payload)
        self.maxlen = max(self.maxlen, len(toks))

    def __contains__(self, word: str) -> bool:
        return word in self.first

    def starts(self, toks: list[str], enclitics: bool = False) -> list[int]:
        """The positions where some phrase may start (a superset of where ``match`` finds
        one): one cached dict lookup per token, so a pass over a sentence only calls ``match``
        at the few tokens that can begin a phrase."""
        cache = self._start_enc if enclitics else self._start
        flags = list(map(cache.get, toks))
        if None in flags:
            for i, t in enumerate(toks):
                if flags[i] is None:
                    flags[i] = bool(self._compute(t, enclitics, True, True))
                    if len(cache) < 500_000:
                        cache[t] = flags[i]
        return list(compress(range(len(flags)), flags))

    def match(self, toks: list[str], i: int, enclitics: bool = False,
              proclitics: bool = True, ta_marbuta: frozenset[int] = frozenset()) -> list[tuple[int, int, T]]:
        """Longest matches starting at token ``i``: ``(n_tokens, chars_stripped, payload)``.

        ``ta_marbuta`` holds the indices of tokens whose final ه was ة in the original text;
        that letter is never taken for a pronoun suffix.
        """
        heads = self._candidates(toks, i, enclitics, proclitics, ta_marbuta)
        if not heads:
            return []
        best: list[tuple[int, int, T]] = []
        best_n = 0
        for n, k, payload in self._extend(toks, i, heads, enclitics, ta_marbuta):
            if n > best_n:
                best, best_n = [], n
            if n == best_n and all(p is not payload for _, _, p in best):
                best.append((n, k, payload))
        return best

    def match_all(self, toks: list[str], i: int) -> list[tuple[int, int, T]]:
        """Every phrase starting at token ``i`` (not only the longest)."""
        heads = self._candidates(toks, i, False, True, frozenset())
        return list(self._extend(toks, i, heads, False, frozenset())) if heads else []

    def _extend(self, toks, i, heads, enclitics, ta_marbuta):
        """Every phrase matching at token ``i`` from each head: longest first, then in the
        order the phrases were added. With ``enclitics`` the phrase's last token may carry a
        pronoun suffix."""
        end = len(toks)
        for f, k in heads:
            node = self._trie.get(f)
            if node is None:
                continue
            found = [(1, node[0])] if node[0] else []
            d = 1
            while i + d < end and node[1]:
                t = toks[i + d]
                children = node[1]
                if enclitics:
                    for r in strip_enclitic(t, i + d not in ta_marbuta):
                        c = children.get(r)
                        if c is not None and c[0]:
                            found.append((d + 1, c[0]))
                node = children.get(t)
                if node is None:
                    break
                d += 1
                if node[0]:
                    found.append((d, node[0]))
            found.sort(key=lambda x: -x[0])
            for n, payloads in found:
                for payload in payloads:
                    yield n, k, payload

    def _candidates(self, toks, i, enclitics, proclitics, ta_marbuta) -> tuple:
        tok = toks[i]
        if proclitics and not enclitics:
            heads = self._plain.get(tok)
            if heads is None:
                heads = self._compute(tok, False, True, True)
                if len(self._plain) < 500_000:
                    self._plain[tok] = heads
            return heads
        key = (tok, enclitics, proclitics, i not in ta_marbuta)
        heads = self._heads.get(key)
        if heads is None:
            heads = self._compute(*key)
            if len(self._heads) < 500_000:
                self._heads[key] = heads
        return heads

    def _compute(self, tok: str, enclitics: bool, proclitics: bool, allow_h: bool) -> tuple:
        """The (form, stripped chars) candidates of a word that start some phrase; cached per
        word type by the caller, so most words are rejected by one dict lookup."""
        heads = []
        forms = stems(tok) if proclitics else ((tok, 0),)
        for form, k in forms:
            cands = [form]
            if enclitics:
                cands.extend(strip_enclitic(form, allow_h))
            for f in cands:
                if f in self.first:
                    heads.append((f, k))
        return tuple(heads)


Hits = dict[str, list[tuple[int, int, Any]]]


@dataclass(frozen=True)
class TriggerSpec:
    """A trigger form and what it means."""
    form: str
    type: str
    pos: str
    weak: bool = False
    toll: bool = False
    upgrade: tuple[tuple[frozenset[str], str], ...] = ()
    not_after: frozenset[str] = frozenset()
    not_before: frozenset[str] = frozenset()
    place_after: bool = False       # an incident only with a place named right after it


@dataclass
class Lexicon:
    """Everything the event and date stages read from the data files."""
    types: dict[str, dict[str, Any]]
    triggers: PhraseIndex[TriggerSpec]
    raw: dict[str, Any]
    words: dict[str, frozenset[str]] = field(default_factory=dict)
    phrases: dict[str, PhraseIndex] = field(default_factory=dict)
    stopwords: frozenset[str] = frozenset()
    combined: PhraseIndex = field(default_factory=PhraseIndex)
    _has: dict[tuple[str, str], bool] = field(default_factory=dict, repr=False, compare=False)

    def scan(self, toks: list[str]) -> Hits:
        """One pass over a sentence: for every word list, where its phrases start
        (``{list name: [(token index, n tokens, value), ...]}``)."""
        hits: Hits = {}
        for i in self.combined.starts(toks):
            for n, _, (name, value) in self.combined.match_all(toks, i):
                hits.setdefault(name, []).append((i, n, value))
        return hits

    def has(self, name: str, word: str) -> bool:
        """Whether a normalised single word (or a stem of it) is in the named word list
        (cached per list and word type: the word lists do not change after loading)."""
        key = (name, word)
        found = self._has.get(key)
        if found is None:
            ws = self.words.get(name, frozenset())
            found = any(f in ws for f, _ in stems(word))
            if len(self._has) < 500_000:
                self._has[key] = found
        return found


class _Frozen:
    """Wraps a dict/list payload so phrase entries can be compared by identity."""
    __slots__ = ("value",)

    def __init__(self, value):
        self.value = value

    def __eq__(self, other):
        return self is other

    def __hash__(self):
        return id(self)


def _load_yaml(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise DataFileError(path, f"cannot read: {e.strerror or e}") from None
    except yaml.YAMLError as e:
        raise DataFileError(path, f"not valid YAML: {str(e).splitlines()[0]}") from None


def _flatten(value) -> list[str]:
    """All strings in a list / dict-of-lists / dict-keys structure."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        out = []
        for k, v in value.items():
            if isinstance(v, (list, dict)):
                out.extend(_flatten(v))
            else:
                out.append(str(k))
        return out
    if isinstance(value, list):
        return [s for v in value for s in _flatten(v)]
    return []


_LISTS = ("unidentified_actors", "agent_cues", "perpetrator_nouns", "perpetrator_singulars",
          "perpetrator_verbs", "complementizers", "affiliation_words", "link_lines", "unknown_not_actor", "day_parts", "vague_numbers", "approximators", "death_nouns", "injury_nouns",
          "aggregate_markers", "negation", "modality", "habitual", "titles", "role_phrases",
          "weapons", "diffuse_causes", "claim_verbs", "anaphoric_attacks", "background_starts", "officials", "singular_victims",
          "clause_connectives", "another_words", "generic_attacks", "modality_epistemic", "air_actor_words", "killing_means", "drone_words", "ordinals", "firing_verbs",
          "purpose", "negation_governing", "negation_bridges", "exposure_verbs", "support_words", "broadcast_verbs", "purpose_masdars")


@lru_cache(maxsize=1)
def load() -> Lexicon:
    tpath, lpath = DATA / "triggers.yaml", DATA / "lexicon.yaml"
    tdata, ldata = _load_yaml(tpath), _load_yaml(lpath)
    if not isinstance(tdata, dict) or "types" not in tdata or "triggers" not in tdata:
        raise DataFileError(tpath, "expected keys 'types' and 'triggers'")
    types = tdata["types"]
    trig: PhraseIndex[TriggerSpec] = PhraseIndex()
    definite: list[tuple[str, TriggerSpec]] = []
    for n, t in enumerate(tdata["triggers"], 1):
        if t.get("type") not in types:
            raise DataFileError(tpath, f"trigger {n} ({t.get('form')!r}): unknown type {t.get('type')!r}")
        ups = tuple((frozenset(norm(w) for w in u.get("if_any", ())), u["type"])
                    for u in t.get("upgrade") or ())
        spec = TriggerSpec(
            form=norm(t["form"]), type=t["type"], pos=t.get("pos", "noun"), weak=bool(t.get("weak")),
            toll=bool(t.get("toll")),
            upgrade=ups, not_after=frozenset(norm(w) for w in t.get("not_after") or ()),
            not_before=frozenset(norm(w) for w in t.get("not_before") or ()),
            place_after=bool(t.get("place_after")))
        trig.add(t["form"], spec)
        if spec.pos == "masdar" and not spec.weak and " " not in spec.form and not spec.form.startswith("ال"):
            # a masdar names its incident with the article too ("التفجيرين", "الاقتحام"),
            # most often when it refers back to an incident the report already named (not a
            # weak one: "الانتشار" is as often "proliferation" as "the deployment")
            definite.append(("ال" + spec.form, spec))
    for form, spec in definite:
        if not trig.match([form], 0, proclitics=False):
            trig.add(form, spec)
    lex = Lexicon(types=types, triggers=trig, raw=ldata)
    for name in _LISTS:
        items = _flatten(ldata.get(name, []))
        lex.words[name] = frozenset(norm(w) for w in items if len(norm(w).split()) == 1)
        ix: PhraseIndex = PhraseIndex()
        for w in items:
            ix.add(w, name)
        lex.phrases[name] = ix
    att = ldata.get("attribution", {})
    for part in ("verbs", "preps", "nouns", "fillers", "speakers"):
        items = att.get(part, [])
        lex.words["attribution_" + part] = frozenset(norm(w) for w in items if " " not in norm(w))
        ix = PhraseIndex()
        for w in items:
            ix.add(w, part)
        lex.phrases["attribution_" + part] = ix
    for name in ("negation_exceptions", "months_ambiguous"):
        ix = PhraseIndex()
        for w in _flatten(ldata.get(name, [])):
            ix.add(w, name)
        lex.phrases[name] = ix
        lex.words[name] = frozenset(norm(w) for w in _flatten(ldata.get(name, [])))
    for name in ("months", "weekdays", "relative_days", "relative_periods", "numbers", "dual_nouns",
                 "victim_groups", "anaphors"):
        ix = PhraseIndex()
        for k, v in (ldata.get(name) or {}).items():
            ix.add(str(k), v)
        lex.phrases[name] = ix
    for name in ("org_heads", "place_heads", "directions"):
        val = ldata.get(name) or {}
        ix = lex.phrases.setdefault(name, PhraseIndex())
        for group, items in (val.items() if isinstance(val, dict) else [("all", val)]):
            lex.words[f"{name}.{group}"] = frozenset(norm(w) for w in items if " " not in norm(w))
            for w in items:
                ix.add(w, group)
    # the words that may stand between an attribution cue and its source: fillers and titles
    lex.words["attribution_fillers+titles"] = lex.words["attribution_fillers"] | lex.words["titles"]
    lex.words["place_heads.all"] = (lex.words.get("place_heads.settlement", frozenset())
                                    | lex.words.get("place_heads.feature", frozenset()))
    for name, ix in lex.phrases.items():
        for first, entries in ix.first.items():
            for rest, value in entries:
                lex.combined.add((first, *rest), (name, value if not isinstance(value, (dict, list)) else _Frozen(value)))
    sw = DATA / "stopwords.txt"
    try:
        lex.stopwords = frozenset(norm(w) for w in sw.read_text(encoding="utf-8").split()
                                  if not w.startswith("#"))
    except OSError as e:
        raise DataFileError(sw, f"cannot read: {e.strerror or e}") from None
    return lex
