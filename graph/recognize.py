"""Mentions of actors and places, linked to the knowledge base and gazetteer, merged per document.

Reads an analysed document; writes Entities (each with all its mentions at original offsets)
and, for the event stage, the mentions of each sentence with their token positions.

Recognisers, in order of trust: knowledge-base aliases and gazetteer names (one multi-pattern
pass), descriptive place phrases (ريف X الشرقي، قرية X), name patterns (kunyas, unnamed gunmen),
the statistical tagger for names nobody listed (it sees titles and role words as features), then
coreference (anaphors, surnames).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from . import kb as kbmod
from . import places as placesmod
from .lexicon import Lexicon, PhraseIndex
from .lexicon import load as load_lexicon
from .model import Document, Entity, Place, Span
from .normalize import norm, stems, strip_article
from .relevance import conflict_signals, is_relevant
from .text import Analysed, SentenceText

ARMED_TYPES = ("ArmedGroup", "MilitaryForce")
ACTOR_TYPES = ("Person", "Organization", "ArmedGroup", "Government", "MilitaryForce")
PLACE_TYPES = ("Country", "Location")
_NISBA_OK = ("ي",)
_COMPOUND_PLACE_FIRST = {"ابو", "ام", "عين", "تل", "دير", "جسر", "كفر", "بيت", "خربه", "راس",
                         "جبل", "وادي", "الشيخ", "بني", "بير", "سد", "مزرعه", "حي", "معره", "قلعه",
                         "خان", "مرج", "سهل", "حزم", "ال"}


@dataclass
class Found:
    """A mention inside one sentence (internal to the pipeline)."""
    sent: int
    t0: int                  # first token index (inclusive)
    t1: int                  # last token index (exclusive)
    ns: int                  # normalised char start (after stripped clitics)
    ne: int                  # normalised char end
    id: str
    type: str
    how: str
    label: str = ""
    label_en: str | None = None
    wikidata: str | None = None
    place: Place | None = None
    group: str | None = None   # for victim groups
    key: tuple[str, ...] | None = None   # the KB alias matched (to re-resolve by country)
    attributive: bool = False  # an adjective of the incident noun before it ("غارات روسية"):
                               # that incident's actor


@dataclass
class Resources:
    """Everything recognition needs, loaded once."""
    kb: kbmod.KnowledgeBase
    gaz: placesmod.Gazetteer
    lex: Lexicon
    names: PhraseIndex = field(default_factory=PhraseIndex)
    tagger: object | None = None
    kb_seconds: frozenset[str] = frozenset()     # second words of two-word KB names
    pattern_firsts: frozenset[str] = frozenset()  # words that can open a name pattern
    # words after which find_names may find a name with no KB/gazetteer name starting here:
    # the indefinite second word of a force ("طائرات تركية") or a nationality adjective
    after_words: frozenset[str] = frozenset()
    opens: dict = field(default_factory=dict)   # word type -> (head form, clitic chars) or False
    national: PhraseIndex = field(default_factory=PhraseIndex)   # bare الجيش، الشرطة ...
    adjective_country: dict = field(default_factory=dict)   # main nationality adjective -> country


# force heads and the gender ending of the nationality adjective after them
_AIR_HEADS = (("الطيران", ""), ("الطائرات", "ه"))
_GROUND_HEADS = (("القوات", "ه"), ("الجيش", ""))


@lru_cache(maxsize=8)
def resources(kb_files: tuple[str, ...] = (), use_tagger: bool = True) -> Resources:
    kb = kbmod.load(kb_files)
    gaz = placesmod.load()
    lex = load_lexicon()
    names: PhraseIndex = PhraseIndex()
    for key in kb.index:
        names.add(key, ("kb", key))
    for key in gaz.index:
        names.add(key, ("place", key))
    tagger = None
    if use_tagger:
        from .ner import Tagger
        tagger = Tagger.load()
    kb_seconds = frozenset(k[1] for k in kb.index if len(k) == 2)
    firsts = set(lex.words.get("place_heads.settlement", ())) | _SITE_HEADS | _VILLAGE_HEADS | {"ابو", "ام", "حي", "تل"}
    firsts |= _MEDIA_HEADS
    firsts |= set(lex.phrases["unidentified_actors"].first)
    firsts |= lex.words["perpetrator_nouns"] | lex.words["perpetrator_singulars"]
    after = {k[2:] for k in kb_seconds if k.startswith("ال")}
    heads = dict(_AIR_HEADS + _GROUND_HEADS)      # head -> suffix of its adjective's gender
    for head, adj in (k for k in kb.index if len(k) == 2):
        masc = kbmod.masculine(adj)
        if head in heads and masc and adj == masc + heads[head] and masc.startswith("ال"):
            after.update((masc, masc + "ه", masc[2:], masc[2:] + "ه"))
    national: PhraseIndex = PhraseIndex()
    for head in kbmod.country_heads():
        national.add(head, head)
    return Resources(kb, gaz, lex, names, tagger, kb_seconds, frozenset(firsts), frozenset(after),
                     national=national, adjective_country={a: c for c, a in kb.nationality.items()})


def _is_name_token(tok: str, lex: Lexicon) -> bool:
    return (len(tok) >= 2 and tok.isalpha() and tok not in lex.stopwords
            and not any(f in lex.stopwords for f, _ in stems(tok)[1:]))


def _place_found(res: Resources, row: placesmod.PlaceRow, sent: int, t0: int, t1: int,
                 ns: int, ne: int, how: str, reason: str = "") -> Found:
    return Found(sent, t0, t1, ns, ne, "place:" + row.id, row.type if row.type in PLACE_TYPES else "Location",
                 how, row.name_ar, row.name_en or None, row.wikidata, res.gaz.place(row, reason))


def _direction(res: Resources, toks: list[str], j: int) -> tuple[int, str | None]:
    """A compass adjective/phrase at token j (e.g. الشرقي, الشمالي الغربي): (n tokens, direction)."""
    if j >= len(toks):
        return 0, None
    m = res.lex.phrases["directions"].match(toks, j, proclitics=False)
    if m and m[0][2] not in ("near",):
        return m[0][0], m[0][2]
    return 0, None


_LOCATED = {"ريف", "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي", "قرب", "وسط"}


def _located_after(toks: list[str], j: int) -> bool:
    """Is the word at j a location phrase ("بريف حلب", "شمال حمص", "قرب الحدود")?"""
    return j < len(toks) and any(f in _LOCATED for f, _ in stems(toks[j]))


def _nationality_force(res: Resources, toks: list[str], i: int, day: str | None):
    """The state force a nationality adjective after an incident noun names ("الغارات
    التركية" -> the Turkish air force, "القصف الإسرائيلي" -> the Israeli forces, "غارات جوية
    روسية"), as (actor, index of the adjective), or None."""
    trig = res.lex.triggers.match(toks, i)
    if not trig:
        return None
    n, _, spec = trig[0]
    if n > 2 or spec.pos == "verb" or spec.toll or i + n >= len(toks):
        return None
    adj = toks[i + n]
    masc = kbmod.masculine(adj)
    if len(adj) < 5 or masc is None:
        return None
    if stems(toks[i + n - 1])[-1][0].startswith("ال") != adj.startswith("ال"):
        # an adjective agrees with its noun in definiteness; "مقتل الأردني" (a construct noun
        # and a definite word) is "the killing of the Jordanian", a person, not a force
        return None
    if not masc.startswith("ال"):
        masc = "ال" + masc
    if ("القوات", masc + "ه") not in res.kb.index and ("الجيش", masc) not in res.kb.index \
            and ("الطيران", masc) not in res.kb.index:
        return None
    heads = _AIR_HEADS + _GROUND_HEADS if spec.type == "airstrike" else _GROUND_HEADS
    for head, fem in heads:
        actor = res.kb.lookup((head, masc + fem), day) if (head, masc + fem) in res.kb.index else None
        if actor is not None:
            return actor, i + n
    return None


def _elided_force(res: Resources, toks: list[str], i: int, key: tuple[str, ...], actor, day):
    """The force a coordinated adjective at ``i`` names with the head of the force just read
    ("القوات الروسية والسورية": the Syrian forces too), or None."""
    if i >= len(toks) or actor.type not in ("MilitaryForce", "Government") or len(key) < 2:
        return None
    word = toks[i]
    if not (word.startswith("وال") and len(word) > 5 and key[-1].startswith("ال")):
        return None
    other_key = key[:-1] + (word[1:],)
    if other_key not in res.kb.index:
        return None
    other = res.kb.lookup(other_key, day)
    return other if other is not None and other.id != actor.id else None


def find_names(res: Resources, doc: Document, s: SentenceText) -> list[Found]:
    """KB actors and gazetteer places in one sentence: one left-to-right longest-match pass."""
    toks = list(s.words)
    out: list[Found] = []
    i = 0
    day = doc.published
    lex = res.lex
    after = res.after_words
    cand = set(res.names.starts(toks))
    for x in range(1, len(toks)):
        if toks[x] in after:
            cand.add(x - 1)             # "الغارات التركية"
            if x > 1:
                cand.add(x - 2)         # "الغارات الجوية التركية"
    while i < len(toks):
        if i not in cand:
            i += 1
            continue
        m = res.names.match(toks, i)
        if not m and i + 1 < len(toks) and "ال" + toks[i + 1] in res.kb_seconds:
            # "طائرات تركية", "قوات أمريكية": the indefinite form of a listed definite name
            # ("الطائرات التركية") names the same force
            a, b = stems(toks[i])[-1][0], toks[i + 1]
            if not a.startswith("ال") and not b.startswith("ال") and len(a) > 2 and len(b) > 2:
                key = ("ال" + a, "ال" + b)
                if key in res.kb.index:
                    m = [(2, stems(toks[i])[-1][1], ("kb", key))]
        if not m and i + 1 < len(toks):
            nat = _nationality_force(res, toks, i, day)
            if nat is not None:
                # "الغارات التركية", "القصف الإسرائيلي": the adjective names the acting force
                nat, a = nat
                out.append(Found(s.index, a, a + 1, s.starts[a], s.ends[a],
                                 "kb:" + nat.id, nat.type, "kb", nat.label_ar, nat.label_en, nat.wikidata,
                                 attributive=True))
                i = a + 1
                continue
        if not m:
            i += 1
            continue
        n, k, _ = m[0]
        key_kinds = {p for _, _, p in m}
        key = next(iter(key_kinds))[1]
        prev = toks[i - 1] if i > 0 else ""
        prev_stem = stems(prev)[-1][0] if prev else ""
        cue = strip_article(prev_stem) if prev_stem else ""
        actor = res.kb.lookup(key, day) if ("kb", key) in key_kinds else None
        own_key = True      # the actor is the alias's (and follows it if the report's country does)
        if actor is not None and actor.country and i + n < len(toks):
            # "جيش النظام الإيراني": another country's adjective after the name says whose
            # it is; the alias ("جيش النظام", Syria's) names someone else
            adj = kbmod.masculine(toks[i + n])
            other = res.adjective_country.get(adj) if adj else None
            if other is not None and other != actor.country:
                head = ("الجيش",) if key[0] in ("جيش", "الجيش", "قوات", "القوات") else None
                actor = res.kb.national(head, other, day) if head else None
                if actor is not None:
                    n, own_key = n + 1, False       # the adjective is part of the name
        row, why = None, ""
        if ("place", key) in key_kinds:
            near = tuple(f.id[6:] for f in out if f.place)
            row, why = res.gaz.choose(key, cue, near)
        ns = s.starts[i] + k
        ne = s.ends[i + n - 1]
        if actor is not None and (row is None or actor.type not in PLACE_TYPES):
            # An actor name beats a place name of the same span (e.g. a faction named after a town).
            out.append(Found(s.index, i, i + n, ns, ne, "kb:" + actor.id, actor.type, "kb",
                             actor.label_ar, actor.label_en, actor.wikidata,
                             key=key if own_key and res.kb.scoped(key) else None))
            i += n
            other = _elided_force(res, toks, i, key, actor, day)
            if other is not None:
                # "الطيران الحربي الروسي والسوري": the second adjective names a second force
                out.append(Found(s.index, i, i + 1, s.starts[i] + 1, s.ends[i],
                                 "kb:" + other.id, other.type, "kb", other.label_ar, other.label_en,
                                 other.wikidata))
                i += 1
            continue
        if row is None:
            i += n
            continue
        if cue in _SITE_HEADS:
            # "حي القادسية": a neighbourhood that shares a town's name; the pattern stage names it
            i += n
            continue
        if row.needs_context and not (cue in placesmod.CUE_PRECISIONS or _located_after(toks, i + n)):
            # a name that is also a common word ("الباب", "المدينة") needs a place cue word
            # before it ("مدينة الباب") or a location after it ("الباب بريف حلب")
            i += n
            continue
        if cue in ("ريف", "بادي", "باديه", "اطراف", "ضواحي") and i > 0 and k == 0:
            # (k == 0: "البادية ودير الزور" is two places, not the desert of Deir ez-Zor)
            # "ريف حلب الشرقي": a region inside the named unit, starting at the cue word.
            gov = row
            if row.precision == "town" and row.parent:
                # the countryside of a city is its governorate's
                for pid in res.gaz.parents(row.id):
                    p = res.gaz.rows[pid]
                    if p.precision == "governorate":
                        gov = p
                        break
            dn, direction = _direction(res, toks, i + n)
            end_tok = i + n + dn
            rid = f"{gov.id}:{cue}" + (f":{direction}" if direction else "")
            label = " ".join([prev_stem, row.name_ar] + toks[i + n:end_tok])
            place = Place(id=rid, lat=gov.lat, lon=gov.lon, precision="region",
                          parents=(gov.id, *res.gaz.parents(gov.id)), country=gov.country,
                          admin1=gov.admin1 or gov.name_en, admin2=None)
            start = s.starts[i - 1] + stems(prev)[-1][1]
            out.append(Found(s.index, i - 1, end_tok, start, s.ends[end_tok - 1],
                             "place:" + rid, "Location", "gazetteer", label, None, None, place))
            i = end_tok
            continue
        if row.precision == "country" and i > 0:
            # "شمال شرق سوريا", "شمال العراق": a region of the country
            for back in (2, 1):
                if i - back < 0 or (out and out[-1].t1 > i - back):
                    continue
                dm = lex.phrases["directions"].match(toks, i - back, proclitics=True)
                if dm and dm[0][0] == back and dm[0][2] not in ("near", "center"):
                    direction = dm[0][2]
                    start_tok = i - back
                    start = s.starts[start_tok] + dm[0][1]
                    label = " ".join([stems(toks[start_tok])[-1][0] if dm[0][1] else toks[start_tok]]
                                     + toks[start_tok + 1:i + n])
                    place = Place(id=f"{row.id}:{direction}", lat=row.lat, lon=row.lon, precision="region",
                                  parents=(row.id,), country=row.country)
                    out.append(Found(s.index, start_tok, i + n, start, ne, f"place:{row.id}:{direction}",
                                     "Location", "gazetteer", label, None, None, place))
                    break
            else:
                out.append(_place_found(res, row, s.index, i, i + n, ns, ne, "gazetteer", why))
            i += n
            continue
        out.append(_place_found(res, row, s.index, i, i + n, ns, ne, "gazetteer", why))
        i += n
    # "الرئيس السوري بشار الأسد": a title alias right before a named person is that person
    merged: list[Found] = []
    for f in out:
        prev = merged[-1] if merged else None
        if prev and prev.type == "Person" and f.type == "Person" and prev.how == "kb" \
                and f.how == "kb" and prev.t1 == f.t0 and prev.id != f.id:
            f.t0, f.ns = prev.t0, prev.ns
            merged[-1] = f
            continue
        merged.append(f)
    return merged


# Place heads after which a proper name names a village (precision "town") or a site inside
# a town (neighbourhood, market, mosque...: precision "site").
# Heads of a news medium's name: "وكالة دوغان التركية", "صحيفة حرييت التركية", "قناة روسيا اليوم".
_MEDIA_HEADS = {"وكاله", "صحيفه", "قناه", "اذاعه", "تلفزيون", "شبكه"}
_VILLAGE_HEADS = {"قريه", "بلده", "مخيم", "مزرعه", "عزبه", "ضيعه", "قري", "بلدات"}
# site heads whose name often has no article: "حي كلابة", "جبل صبر", "وادي دوفس", "تبة مسعود"
_BARE_NAME_HEADS = {"حي", "حاره", "جبل", "وادي", "تله", "تبه"}
_SITE_HEADS = {"حي", "تبه", "حاره", "ضاحيه", "سوق", "ساحه", "شارع", "مسجد", "جامع", "كنيسه", "مستشفي",
               "مطار", "معبر", "سجن", "حقل", "جسر", "جبل", "وادي", "سد", "مصفاه", "ملعب", "ميدان",
               "دوار", "تله", "معسكر", "قاعده"}


def attach_facilities(res: Resources, s: SentenceText, names: list[Found]) -> list[Found]:
    """"مصفى بيجي", "مطار دمشق": a facility named after a known town is a site inside it.

    The town's mention becomes the facility's (head word included), so an incident there is
    placed at the facility, and the facility keeps the town as its admin parent."""
    toks = list(s.words)
    facility = res.lex.words.get("place_heads.facility", frozenset())
    out = []
    for f in names:
        p = f.place
        if f.type in PLACE_TYPES and p is not None and f.t0 > 0 \
                and p.precision in ("town", "subdistrict", "district", "governorate") \
                and not any(g.t0 < f.t0 <= g.t1 - 1 for g in names if g is not f):
            form, k = stems(toks[f.t0 - 1])[-1]
            if form in facility:
                label = f"{form} {f.label or toks[f.t0]}"
                site = Place(id=f"{p.id}/{form}", lat=p.lat, lon=p.lon, precision="site",
                             parents=(p.id, *p.parents), country=p.country, admin1=p.admin1,
                             admin2=p.admin2, reason=p.reason)
                out.append(Found(f.sent, f.t0 - 1, f.t1, s.starts[f.t0 - 1] + k, f.ne,
                                 "new:Location:" + label, "Location", "pattern", label, place=site))
                continue
        out.append(f)
    return out


def report_country(found: list[Found]) -> str | None:
    """The country a report is about: the one its place names point to most (at least twice,
    or the only one)."""
    counts: dict[str, int] = {}
    for f in found:
        if f.place is not None and f.place.country:
            counts[f.place.country] = counts.get(f.place.country, 0) + 1
    if not counts:
        return None
    best = min(counts, key=lambda c: (-counts[c], c))
    return best if counts[best] >= 2 or len(counts) == 1 else None


_QUOTES = frozenset('"\'')


def find_quoted_media(res: Resources, s: SentenceText, names: list[Found]) -> list[Found]:
    """A quoted name told something after lam ('قالت مصادر لـ«عكاظ»', 'أكد في تصريح لـ"الرياض"'):
    a news medium, even when a city or a region shares its name. An attribution verb or noun
    must stand within six tokens before it."""
    toks = s.words
    out: list[Found] = []
    if "ل" not in toks:
        return out          # (most sentences: one scan in C, not a loop over their tokens)
    lex = res.lex
    for i in range(len(toks) - 3):
        if toks[i] != "ل" or toks[i + 1] not in _QUOTES:
            continue
        close = next((c for c in range(i + 3, min(i + 6, len(toks))) if toks[c] in _QUOTES), None)
        if close is None or not all(t.isalpha() for t in toks[i + 2:close]):
            continue
        before = toks[max(0, i - 6):i]
        if not any(lex.has("attribution_verbs", w) or lex.has("attribution_nouns", w) for w in before):
            continue
        if any(f.t0 == i + 2 and f.t1 == close and f.type in ACTOR_TYPES for f in names):
            continue        # a listed medium ("لـ«رويترز»") is already read
        label = " ".join(toks[i + 2:close])
        out.append(Found(s.index, i + 2, close, s.starts[i + 2], s.ends[close - 1],
                         "new:Organization:" + label, "Organization", "pattern", label))
    return out


def find_patterns(res: Resources, s: SentenceText, taken: set[int],
                  names: list[Found] = ()) -> list[Found]:
    """Names nobody listed, from the shapes news gives them: قرية X، حي X، أبو X الـYي.

    An unknown village or neighbourhood is still a Location, placed inside the known place
    the sentence names (its coordinates stay unknown)."""
    lex = res.lex
    toks = list(s.words)
    out: list[Found] = []
    settlement = lex.words.get("place_heads.settlement", frozenset())
    known = [f for f in names if f.place is not None and f.place.precision not in ("country",)]
    opens = res.opens
    i = 0
    while i < len(toks):
        if i in taken:
            i += 1
            continue
        o = opens.get(toks[i])
        if o is None:
            # the least-stripped reading that opens a pattern ("وادي" is a valley, not و + ادي)
            o = next(((f, c) for f, c in stems(toks[i])
                      if f in res.pattern_firsts or strip_article(f) in res.pattern_firsts), None) \
                or (toks[i][1:] in ("حي", "تل") and stems(toks[i])[-1]) or False
            if len(opens) < 500_000:
                opens[toks[i]] = o
        if not o:
            i += 1
            continue
        form, k = o
        if k == 0 and len(toks[i]) == 3 and toks[i][0] in "وفبل" and toks[i][1:] in ("حي", "تل"):
            form, k = toks[i][1:], 1          # "بحي العامل": too short for the general stripper
        head = strip_article(form)
        is_site = head in _SITE_HEADS
        is_head = is_site or head in _VILLAGE_HEADS or head in settlement or form in settlement
        nxt = toks[i + 1] if i + 1 < len(toks) else ""
        # "أحياء سكنية", "قرى حدودية", "بلدات محاصرة": after a plural head an indefinite
        # feminine word is an adjective (the plural agrees in the feminine singular)
        plural_adj = head in ("احياء", "قري", "بلدات", "مدن", "مناطق") and not nxt.startswith("ال") \
            and nxt.endswith(("يه", "ي", "ه"))
        area_ok = not plural_adj and head != "منطقه" or (nxt.startswith("ال") and not nxt.endswith(("يه", "ي", "ين", "ات"))
                                      and len(nxt) >= 5 and not res.lex.phrases["directions"].match(toks, i + 1))
        if is_head and not form.startswith("ال") and head not in ("محافظه", "قضاء", "ناحيه") and area_ok and nxt \
                and i + 1 not in taken and _is_name_token(nxt, lex) \
                and not lex.has("directions.north", nxt) and not _generic_place(lex, nxt) \
                and not (is_site and not nxt.startswith("ال") and (
                    head not in _BARE_NAME_HEADS or nxt.endswith(("ي", "يه")))) \
                and not lex.triggers.match(toks, i + 1) and not lex.phrases["victim_groups"].match(toks, i + 1):
            j = i + 2
            if strip_article(nxt) in _COMPOUND_PLACE_FIRST or nxt in _COMPOUND_PLACE_FIRST \
                    or (j < len(toks) and toks[j].startswith("ال") and toks[j].endswith("ي") and is_site):
                if j < len(toks) and j not in taken and _is_name_token(toks[j], lex):
                    j += 1
            name = " ".join(toks[i + 1:j])
            parent = min(known, key=lambda f: abs(f.t0 - i)).place if known else None
            precision = "site" if is_site else "town"
            label = " ".join([form] + toks[i + 1:j]) if is_site else name
            pid = (f"{parent.id}/" if parent else "") + label
            place = Place(id=pid, lat=None, lon=None, precision=precision,
                          parents=((parent.id, *parent.parents) if parent else ()),
                          country=parent.country if parent else None,
                          admin1=parent.admin1 if parent else None, admin2=parent.admin2 if parent else None)
            out.append(Found(s.index, i + 1, j, s.starts[i + 1], s.ends[j - 1],
                             "new:Location:" + label, "Location", "pattern", label, place=place))
            i = j
            continue
        # "وكالة دوغان التركية": a medium nobody listed, named by a bare word and its country's
        # adjective (the adjective is what tells a name from a common noun: "وكالة أنباء رسمية")
        if head in _MEDIA_HEADS and not form.startswith("ال") and i + 2 < len(toks) \
                and not ({i + 1, i + 2} & taken) and not nxt.startswith(("ال", "بال", "وال", "فال", "كال", "لل")) \
                and _is_name_token(nxt, lex) \
                and not lex.triggers.match(toks, i + 1) \
                and res.adjective_country.get(kbmod.masculine(toks[i + 2]) or ""):
            label = f"{form} {nxt}"
            out.append(Found(s.index, i, i + 2, s.starts[i] + k, s.ends[i + 1],
                             "new:Organization:" + label, "Organization", "pattern", label))
            i += 3
            continue
        # "مسلحون مجهولون": the unidentified armed group
        um = lex.phrases["unidentified_actors"].match(toks, i)
        if um and (i + um[0][0] < len(toks) and lex.has("unknown_not_actor", toks[i + um[0][0]])
                   or i > 0 and lex.has("unknown_not_actor", toks[i - 1])):
            um = None           # "مجهول الهوية", "مصير مجهول"
        if um and not any(t in taken for t in range(i, i + um[0][0])):
            n = um[0][0]
            out.append(Found(s.index, i, i + n, s.starts[i] + um[0][1], s.ends[i + n - 1],
                             UNIDENTIFIED, "ArmedGroup", "pattern", " ".join(toks[i:i + n]),
                             "Unidentified armed group"))
            i += n
            continue
        # "اغتال مسلحون", "برصاص مسلحين", "إن انتحاريا دخل": an attacker nobody names
        if k == 0 and i not in taken and _unnamed_attacker(lex, toks, i):
            out.append(Found(s.index, i, i + 1, s.starts[i], s.ends[i],
                             UNIDENTIFIED, "ArmedGroup", "pattern", toks[i],
                             "Unidentified armed group"))
            i += 1
            continue
        # أبو X الـYي (kunya + nisba) → Person
        if form in ("ابو", "ام") and i + 2 < len(toks) and not ({i + 1, i + 2} & taken) \
                and _is_name_token(toks[i + 1], lex) and toks[i + 2].startswith("ال") \
                and toks[i + 2].endswith(_NISBA_OK) and len(toks[i + 2]) >= 5:
            name = " ".join([form] + toks[i + 1:i + 3])
            out.append(Found(s.index, i, i + 3, s.starts[i] + k, s.ends[i + 2],
                             "new:Person:" + name, "Person", "pattern", name))
            i += 3
            continue
        i += 1
    return out


UNIDENTIFIED = "new:ArmedGroup:unidentified"
"""The one actor of every attacker the news does not name (ACLED's "Unidentified Armed Group")."""


def _unnamed_attacker(lex: Lexicon, toks: list[str], i: int) -> bool:
    """Is ``toks[i]`` a gunman / suicide bomber word that the word before makes the actor?"""
    word = toks[i]
    single = word in lex.words["perpetrator_singulars"]
    if i == 0 or not (single or word in lex.words["perpetrator_nouns"]):
        return False
    if i + 1 < len(toks) and stems(toks[i + 1])[-1][0] in lex.words["affiliation_words"]:
        return False        # "انتحاري من داعش", "مسلحون تابعون للحوثيين": the group named next
    prev = {toks[i - 1], stems(toks[i - 1])[-1][0]}
    return bool(prev & lex.words["agent_cues"] or prev & lex.words["perpetrator_verbs"]
                or single and prev & lex.words["complementizers"])


def _generic_place(lex: Lexicon, word: str) -> bool:
    """"المدينة", "المحافظة", "البلدة": a place noun, not a place name."""
    heads = lex.words["place_heads.all"]
    form = stems(word)[-1][0]
    return strip_article(form) in heads or form in heads


def _name_stem(word: str) -> tuple[str, int]:
    """The name inside a tagged token, without its proclitics — conservatively, since a name
    may itself begin with ب or ل ("بورصة", "لندن"): و/ف are removed, ب/ل/ك only before ال."""
    best = (word, 0)
    for form, k in stems(word)[1:]:
        if form.startswith("ال") or (k == 1 and word[0] in "وف"):
            best = (form, k)
    return best


def find_tagged(res: Resources, s: SentenceText, taken: set[int],
                places_only: set[int] = frozenset(), tags: list[str] | None = None) -> list[Found]:
    """Spans the statistical tagger marks as names, where nothing else matched — or, for an
    organisation or person, around a place name only ("جامعة دمشق" holds "دمشق"): then both
    the place and the longer name are mentions. ``tags``: the tagger's output for the sentence
    when it was tagged already (in a batch, see :func:`recognize`)."""
    if res.tagger is None:
        return []
    lex = res.lex
    toks = list(s.words)
    if tags is None:
        tags = res.tagger.tag(toks)
    out: list[Found] = []
    i = 0
    while i < len(tags):
        tag = tags[i]
        if not tag.startswith("B-") and not tag.startswith("I-"):
            i += 1
            continue
        kind = tag[2:]
        j = i + 1
        while j < len(tags) and tags[j] == "I-" + kind:
            j += 1
        span = list(range(i, j))
        i0 = i
        i = j
        if kind not in ("PERS", "LOC", "ORG"):
            continue
        overlap = set(span) & taken
        if overlap and not (kind in ("ORG", "PERS") and overlap <= places_only and len(span) > len(overlap)):
            continue
        # a name ends before a function word, a title or an incident word the tagger ran
        # into ("البكري محافظ", "صالح دمر", "وكالة الأنباء الألمانية إن عبوة")
        titles = lex.words.get("titles", frozenset())
        for x in range(i0 + 1, j):
            w = toks[x]
            if w in lex.stopwords or stems(w)[-1][0] in ("ان", "بان") or lex.triggers.match(toks, x) \
                    or (w.startswith("و") and len(w) > 3 and res.names.match([w[1:]], 0)) \
                    or (kind == "PERS" and (w in titles or strip_article(w) in titles)):
                j = x
                break
        words = toks[i0:j]
        if not all(w.isalpha() for w in words):
            continue
        first, k = _name_stem(words[0])
        if kind == "PERS" and len(words) == 1 and first in lex.words.get("titles", frozenset()):
            continue
        if len(words) == 1 and (first in lex.stopwords or len(first) < 3 or _generic_place(lex, first)
                                or res.lex.triggers.match([first], 0) or res.lex.triggers.match([strip_article(first)], 0)
                                or lex.phrases["months"].match([first], 0) or lex.phrases["weekdays"].match([first], 0)):
            continue        # (nor a month or a weekday: "حزيران (يونيو)")
        words = [first] + words[1:]
        name = " ".join(words)
        if kind == "PERS":
            typ = "Person"
        elif kind == "LOC":
            typ = "Location"
        else:
            head = strip_article(first)
            if head in lex.words.get("org_heads.armed", frozenset()) or first in lex.words.get("org_heads.armed", frozenset()):
                typ = "ArmedGroup"
            elif head in ("وزاره", "حكومه"):
                typ = "Government"
            else:
                typ = "Organization"
        out.append(Found(s.index, i0, j, s.starts[i0] + k, s.ends[j - 1],
                         f"new:{typ}:{name}", typ, "crf", name))
    return out


def _worth_tagging(res: Resources, s: SentenceText, names: list[Found]) -> bool:
    """The tagger runs on sentences that name a known actor or place or report an incident:
    on the dev set the others hold almost no new names, and skipping them saves a third of
    the tagger's time."""
    if names:
        return True
    toks = list(s.words)
    return any(res.lex.triggers.match(toks, x) for x in res.lex.triggers.starts(toks))


def find_victims(res: Resources, s: SentenceText, taken: set[int], day: str | None = None) -> list[Found]:
    """Unnamed victim groups (مدنيين، عناصر، جنود، أطفال) as typed groups, for the event stage."""
    toks = list(s.words)
    ix = res.lex.phrases["victim_groups"]
    out = []
    for i in ix.starts(toks, enclitics=True):
        if i in taken:
            continue
        m = ix.match(toks, i, enclitics=True)
        if m:
            n, k, payload = m[0]
            group = payload.get("type", "people") if isinstance(payload, dict) else str(payload)
            out.append(Found(s.index, i, i + n, s.starts[i] + k, s.ends[i + n - 1],
                             f"group:{group}", "Group", "lexicon", group, group, group=group))
            army = _soldiers_army(res, toks, i + n, day) if group == "soldiers" else None
            if army is not None:
                # "عشرة جنود ليبيين": soldiers with a nationality are their country's army
                out.append(Found(s.index, i + n, i + n + 1, s.starts[i + n], s.ends[i + n],
                                 "kb:" + army.id, army.type, "kb", army.label_ar, army.label_en,
                                 army.wikidata))
    return out


def _soldiers_army(res: Resources, toks: list[str], j: int, day: str | None):
    """The army a plural nationality adjective after a soldiers noun names ("جنود ليبيين"), or None."""
    if j >= len(toks) or not toks[j].endswith("يين") or len(toks[j]) < 6:
        return None
    country = res.adjective_country.get("ال" + toks[j][:-2])
    return res.kb.national(("الجيش",), country, day) if country else None


def _named_with(res: Resources, f: Found, head: str) -> bool:
    """Is ``head`` ("الجيش") a word of the entity's label or of one of its KB aliases?"""
    if head in norm(f.label):
        return True
    actor = res.kb.actors.get(f.id[3:]) if f.id.startswith("kb:") else None
    return actor is not None and any(head in {strip_article(w) for w in norm(al.text).split()}
                                     for al in actor.aliases)


def coreference(res: Resources, sentences, found: list[Found], country: str | None = None,
                day: str | None = None) -> list[Found]:
    """Anaphors (التنظيم، المرصد، الرئيس) and surnames as mentions of an earlier entity.

    A bare institution noun ("الجيش", "الشرطة", "الحكومة") refers back to an actor named with
    that noun ("الجيش الأمريكي ... الجيش"); with none, it names the institution of the
    country the report is about ("الشرطة" in a report from Iraq: the Iraqi police), unless an
    adjective qualifies it ("الشرطة الدينية" is another body)."""
    lex = res.lex
    anaphors = res.lex.phrases["anaphors"]
    by_sent: dict[int, list[Found]] = {}
    for f in found:
        by_sent.setdefault(f.sent, []).append(f)
    out: list[Found] = []
    history: list[Found] = []
    surnames: dict[str, Found] = {}
    for s in sentences:
        here = sorted(by_sent.get(s.index, []), key=lambda f: f.t0)
        taken = {t for f in here for t in range(f.t0, f.t1)}
        toks = list(s.words)
        pending = list(here)
        new: list[Found] = []
        cand = set(anaphors.starts(toks))
        if surnames:
            # a surname keeps its letters at the end of the token (proclitics are prefixes)
            cand.update(x for x, t in enumerate(toks)
                        if (t in surnames or t[1:] in surnames or t[2:] in surnames or t[3:] in surnames)
                        and stems(t)[-1][0] in surnames)
        free = 0
        for i in sorted(cand):
            if i < free:
                continue
            while pending and pending[0].t0 <= i:
                history.append(pending.pop(0))
            if i in taken:
                continue
            m = anaphors.match(toks, i)
            if m:
                n, k, types = m[0]
                form = stems(toks[i])[-1][0]
                head = strip_article(form)
                # unnamed attackers are referred back to only as what they were ("المسلحون"),
                # never by a group's anaphor ("التنظيم", "المتمردون")
                own = head in lex.words["perpetrator_nouns"] or head in lex.words["perpetrator_singulars"]
                typed = [h for h in reversed(history) if h.type in types and h.how != "coref"
                         and (h.id != UNIDENTIFIED or own)]
                ante = next((h for h in typed if s.index - h.sent <= 5 and _named_with(res, h, head)), None)
                nat = res.national.match(toks, i) if ante is None and country else None
                if nat and nat[0][0] == n and not (i + n < len(toks) and (
                        toks[i + n].startswith("ال") or toks[i + n] in res.after_words)):
                    actor = res.kb.national(nat[0][2], country, day)
                    if actor is not None:
                        new.append(Found(s.index, i, i + n, s.starts[i] + k, s.ends[i + n - 1],
                                         "kb:" + actor.id, actor.type, "kb", actor.label_ar,
                                         actor.label_en, actor.wikidata))
                        free = i + n
                        continue
                if "named" not in types:
                    ante = ante or (typed[0] if typed else None)
                # only accept an antecedent of the same sentence or the five before
                # (not a title before a name of its kind: "الرئيس بشار الأسد"; "مدير المرصد
                # رامي عبد الرحمن" is the observatory and its director)
                # (nor a unit named by its number: "قائد اللواء الأول مشاة", "الفرقة 11")
                numbered = i + n < len(toks) and (toks[i + n][:1].isdigit()
                                                  or toks[i + n] in lex.words["ordinals"]) \
                    and not (ante is not None and toks[i + n] in norm(ante.label).split())
                if ante is not None and s.index - ante.sent <= 5 and not numbered and not any(
                        g.t0 == i + n and g.type in types for g in here):
                    new.append(Found(s.index, i, i + n, s.starts[i] + k, s.ends[i + n - 1],
                                     ante.id, ante.type, "coref", ante.label, ante.label_en,
                                     ante.wikidata, ante.place))
                    free = i + n
                    continue
                unit = next((t for t in types if t in ARMED_TYPES), None)
                if numbered and unit and i + n + 1 not in taken:
                    # "الفرقة 30", "اللواء الأول": a unit of its own, named by its number
                    label = " ".join([form] + toks[i + n:i + n + 1])
                    new.append(Found(s.index, i, i + n + 1, s.starts[i] + k, s.ends[i + n],
                                     f"new:{unit}:{label}", unit, "pattern", label))
                    free = i + n + 1
                    continue
            form = stems(toks[i])[-1][0]
            if form in surnames and len(form) >= 4:
                a = surnames[form]
                new.append(Found(s.index, i, i + 1, s.starts[i] + stems(toks[i])[-1][1],
                                 s.ends[i], a.id, a.type, "coref", a.label, a.label_en,
                                 a.wikidata))
        for f in here:
            if f.type == "Person":
                parts = f.label.split()
                if len(parts) >= 2 and parts[-1] not in lex.stopwords:
                    surnames.setdefault(parts[-1], f)
        history.extend(pending)
        history.extend(new)
        out.extend(new)
    return out


@dataclass
class Recognized:
    """The mentions of one document and whether it is about armed conflict."""
    found: list[Found]
    relevant: bool
    signals: dict[str, int]


@dataclass
class FirstPass:
    """Stage one of a document's recognition: list names, victim groups, the report's country,
    relevance, and which sentences the tagger should read (``to_tag``, sentence indexes)."""
    per_sent: list[tuple[SentenceText, list[Found], set[int]]]
    first: list[Found]
    country: str | None
    relevant: bool
    signals: dict[str, int]
    to_tag: list[int]


def first_pass(res: Resources, doc: Document, an: Analysed, gate: bool = True) -> FirstPass:
    per_sent: list[tuple[SentenceText, list[Found], set[int]]] = []
    first: list[Found] = []
    for s in an.sentences:
        names = attach_facilities(res, s, find_names(res, doc, s))
        taken = {t for f in names for t in range(f.t0, f.t1)}
        victims = find_victims(res, s, taken, doc.published)
        per_sent.append((s, names, taken))
        first.extend(names + victims)
    country = report_country(first)
    if country:
        # "طيران التحالف" in a report about Yemen: aliases whose referent depends on the country
        for f in first:
            if f.key is not None:
                actor = res.kb.lookup(f.key, doc.published, country)
                if actor is not None and "kb:" + actor.id != f.id:
                    f.id, f.type, f.label = "kb:" + actor.id, actor.type, actor.label_ar
                    f.label_en, f.wikidata = actor.label_en, actor.wikidata
    signals = conflict_signals(res.lex, an, first)
    relevant = is_relevant(signals)
    to_tag = ([s.index for s, names, _ in per_sent
               if not gate or (relevant and _worth_tagging(res, s, names))]
              if res.tagger is not None else [])
    return FirstPass(per_sent, first, country, relevant, signals, to_tag)


def second_pass(res: Resources, doc: Document, an: Analysed, fp: FirstPass,
                tags: dict[int, list[str]], gate: bool = True) -> Recognized:
    """Stage two: patterns, the tagger's names (``tags`` by sentence index, for the sentences of
    ``fp.to_tag``), coreference."""
    found = list(fp.first)
    for s, names, taken in fp.per_sent:
        media = find_quoted_media(res, s, names)
        if media:
            # 'قالت مصادر لـ«الرياض»': the newspaper, not the city it is named after
            inside = {t for f in media for t in range(f.t0, f.t1)}
            gone = [f for f in names if f.type in PLACE_TYPES and set(range(f.t0, f.t1)) & inside]
            found = [f for f in found if not (f.sent == s.index and f in gone)]
            names = [f for f in names if f not in gone]
            taken = (taken - {t for f in gone for t in range(f.t0, f.t1)}) | inside
            found.extend(media)
        pats = find_patterns(res, s, taken, names)
        taken = taken | {t for f in pats for t in range(f.t0, f.t1)}
        in_places = {t for f in names if f.type in PLACE_TYPES for t in range(f.t0, f.t1)}
        tagged = (find_tagged(res, s, taken, in_places, tags[s.index])
                  if s.index in tags else [])
        extra = pats + tagged
        if extra:
            # victim-group words inside a new name are part of the name
            inside = {t for f in extra for t in range(f.t0, f.t1)}
            found = [f for f in found if not (f.sent == s.index and f.type == "Group"
                                              and set(range(f.t0, f.t1)) & inside)]
            found.extend(extra)
    named = [f for f in found if f.type != "Group"]
    found.extend(coreference(res, an.sentences, named,
                             fp.country if fp.relevant or not gate else None, doc.published))
    found.sort(key=lambda f: (f.sent, f.t0, f.t1))
    return Recognized(found, fp.relevant, fp.signals)


def tag_sentences(res: Resources, work: list[tuple[Analysed, FirstPass]]) -> list[dict[int, list[str]]]:
    """The tagger's output for the ``to_tag`` sentences of several documents, decoded in one
    batch (graph/crf.py: a batch of many sentences is what makes decoding cheap)."""
    if res.tagger is None:
        return [{} for _ in work]
    toks = [list(an.sentences[i].words) for an, fp in work for i in fp.to_tag]
    tags = iter(res.tagger.tag_batch(toks)) if toks else iter(())
    return [{i: next(tags) for i in fp.to_tag} for _, fp in work]


def recognize(res: Resources, doc: Document, an: Analysed, gate: bool = True) -> Recognized:
    """All mentions of one document (names, patterns, tagger, victim groups, coreference).

    Knowledge-base and gazetteer names are always found; the pattern and tagger stages run only
    when the relevance gate says the document is about armed conflict (or ``gate=False``).
    """
    fp = first_pass(res, doc, an, gate)
    return second_pass(res, doc, an, fp, tag_sentences(res, [(an, fp)])[0], gate)


def entities(doc: Document, an: Analysed, found: list[Found]) -> tuple[Entity, ...]:
    """Group mentions by entity id; spans are reported at original offsets."""
    groups: dict[str, list[Found]] = {}
    for f in found:
        if f.type == "Group":
            continue
        groups.setdefault(f.id, []).append(f)
    out = []
    for eid in sorted(groups):
        fs = groups[eid]
        spans = []
        for f in fs:
            s, e = an.original(f.ns, f.ne)
            spans.append(Span(s, e, doc.text[s:e]))
        first = next((f for f in fs if f.how != "coref"), fs[0])
        label = first.label
        if first.how not in ("kb", "gazetteer") or not label:
            s0, e0 = an.original(first.ns, first.ne)
            label = doc.text[s0:e0]
        out.append(Entity(id=eid, type=first.type, label=label,
                          label_en=first.label_en, wikidata=first.wikidata,
                          mentions=tuple(sorted(set(spans), key=lambda x: (x.start, x.end))),
                          place=first.place, how=first.how))
    return tuple(out)
