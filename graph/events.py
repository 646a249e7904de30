"""Incidents: trigger, type, roles (agent, target, source), place, date, casualties.

Reads the sentences of an analysed document and the mentions found in them; writes one Event
per incident mention. Knowledge (trigger forms, cue words, number words) comes from the
lexicon data files; the logic here only decides how cues combine.
"""
from __future__ import annotations

import hashlib
from dataclasses import replace

from .lexicon import Hits, Lexicon, TriggerSpec
from .model import Document, Event, Place, Sentence, Span, TimeValue
from .normalize import norm, stems, strip_article, strip_enclitic
from .places import PRECISION_RANK
from .recognize import ACTOR_TYPES, ARMED_TYPES, PLACE_TYPES, UNIDENTIFIED, Found, Resources
from .temporal import find_date, parse_number
from .text import Analysed, SentenceText

# Cue words right before an actor (after clitic stripping) that make it a target or an agent.
TARGET_CUES = {"ضد", "علي", "بحق", "استهدف", "استهدفت", "يستهدف", "تستهدف", "استهداف", "مواقع",
               "معاقل", "مقرات", "مقر", "تجمعات", "صفوف", "قياديين", "قيادي", "قاده", "امير", "زعيم",
               "مواقعا", "نقاط", "ارتال", "رتل", "مستهدفا",
               "مستهدفه", "مستهدفين", "اوكار", "وكر", "ثكنات", "دوريه", "حاجز", "مراكز"}
# Event types whose genitive (إضافة) after a masdar names the victim, not the perpetrator.
VICTIM_GENITIVE = {"assassination", "execution", "abduction", "arrest", "killing"}
# Types that name their result: a killing trigger after one of these in the same sentence is
# the casualty count of that incident, not another incident.
VIOLENT = {"airstrike", "shelling", "bombing", "ambush", "raid", "armed_clash", "execution",
           "assassination", "military_campaign", "killing"}


def _event_id(doc: Document, start: int, end: int) -> str:
    return "ev-" + hashlib.sha1(f"{doc.doc}\x1f{start}\x1f{end}".encode()).hexdigest()[:12]


def _window_has(hits: Hits, name: str, lo: int, hi: int, skip: tuple[int, int] = (0, 0)) -> bool:
    """Does a phrase of word list ``name`` start in tokens [lo, hi), outside ``skip``?"""
    return any(lo <= p < hi and not skip[0] <= p < skip[1] for p, _, _ in hits.get(name, ()))


def find_triggers(res: Resources, s: SentenceText, taken: set[int],
                  ta_marbuta: frozenset[int] = frozenset(),
                  starts: list[int] | None = None) -> list[tuple[int, int, int, TriggerSpec]]:
    """(token start, token end, stripped chars, spec) for every trigger not inside a name;
    ``starts``: where a trigger may start, if the caller already has it."""
    toks = list(s.words)
    out = []
    free = 0            # first token not inside the last trigger
    if starts is None:
        starts = res.lex.triggers.starts(toks, enclitics=True)
    for i in starts:
        if i < free or i in taken:
            continue
        m = res.lex.triggers.match(toks, i, enclitics=True, ta_marbuta=ta_marbuta)
        if not m:
            continue
        n, k, spec = m[0]
        if any(j in taken for j in range(i, i + n)):
            continue
        out.append((i, i + n, k, spec))
        free = i + n
    return out


def _blocked(lex: Lexicon, hits: Hits, toks: list[str], i: int, n: int, spec: TriggerSpec) -> bool:
    """Negated, modal/future, or a non-conflict collocation."""
    before = toks[i - 1] if i > 0 else ""
    after = toks[i + n] if i + n < len(toks) else ""
    if before and (before in spec.not_after or stems(before)[-1][0] in spec.not_after):
        return True
    if before in ("لا", "ولا") and spec.pos in ("noun", "masdar"):
        return True         # "ولا ضربات إسرائيلية": no strikes ("لا تزال الاشتباكات" has a verb)
    if before in RELATIVES and spec.pos == "verb" and toks[i][:1] in ("ي", "ت") and not spec.form.startswith("ت"):
        return True         # "التحالف الذي يقصف التنظيم": what a group does, no one incident
    if before in ("اي", "لاي", "باي") and spec.pos in ("noun", "masdar"):
        return True         # "مسؤولية أي هجوم": any attack, none in particular
    if before == "علي" and any(w in spec.not_after or stems(w)[-1][0] in spec.not_after
                               for w in toks[max(0, i - 6):i - 1]):
        return True         # "عثرت القوات على عبوات ناسفة": the verb's object
    if before and spec.type in GENERIC_TYPES and stems(before)[-1][0] in lex.words["background_starts"]:
        return True         # "منذ بدء المعارك": the war's start recalled, not an incident
    if spec.form.startswith(("استشهد", "يستشهد", "تستشهد")) and after.startswith("ب") and len(after) > 3 \
            and not lex.has("weapons", after[1:]) and not lex.triggers.match([after[1:]], 0) \
            and not lex.has("death_nouns", after[1:]):
        return True         # "يستشهدون بخروج ...": to cite, not to be killed ("استشهد برصاص" is)
    if after and (after in spec.not_before or strip_article(after) in spec.not_before
                  or stems(after)[-1][0] in spec.not_before):
        return True
    for j in range(max(0, i - 5), i):
        w = toks[j]
        near = i - j <= 3
        if near and (w in lex.words["negation"] or stems(w)[-1][0] in lex.words["negation"]) \
                and not lex.phrases["negation_exceptions"].match(toks, j) \
                and not (stems(w)[-1][0] in lex.words["negation_governing"]
                         and not all(lex.has("negation_bridges", x) for x in toks[j + 1:i])):
            return True
        if w in lex.words["modality"] or stems(w)[-1][0] in lex.words["modality"]:
            return True
    if _window_has(hits, "modality", i - 5, i):
        return True
    if _window_has(hits, "purpose", i - 2, i):
        return True         # "لتنفيذ حملة اختطاف": what they came to do, not what happened
    if toks[i] in lex.words["purpose_masdars"]:
        return True         # "دعما للتصدي لداعش": what something is for
    # "المعارك المقبلة", "الهجوم المرتقب": a future or expected incident
    for w in toks[i + n:i + n + 2]:
        if w in lex.words["modality_epistemic"]:
            break
        if w in lex.words["modality"]:
            return True
    return False


def _supported(lex: Lexicon, hits: Hits, toks: list[str], sent_found: list[Found], spec: TriggerSpec,
               doc_relevant: bool, i: int, j: int) -> bool:
    """Is there conflict context in the sentence (outside the trigger's own words)? Weak
    triggers need an armed actor, a victim group, a weapon or a casualty word; a trigger that is
    only a weapon's name ("المدفعية", "قذيفة") needs victims or casualties."""
    n = len(toks)
    armed = any(f.type in ARMED_TYPES for f in sent_found)
    victims = any(f.type == "Group" for f in sent_found)
    weapons = _window_has(hits, "weapons", 0, n, (i, j))
    deaths = _window_has(hits, "death_nouns", 0, n, (i, j)) or _window_has(hits, "injury_nouns", 0, n, (i, j))
    if all(lex.has("weapons", w) for w in toks[i:j]):
        # ... or an armed actor firing it ("أمطرت الفصائل البلدات بالقذائف"), or a verb of
        # firing or falling next to it ("صاروخا أطلق من غزة", "أطلقت الصاروخ", "سقطت قذيفة")
        # (also after an adjective: "قذائف صاروخية أطلقت"), or a place exposed to it ("تعرض
        # مركز حدودي لقذائف")
        fired = any(lex.has("firing_verbs", w) for w in toks[max(0, i - 2):i] + toks[j:j + 2])
        exposed = toks[i].startswith("ل") and any(lex.has("exposure_verbs", w) for w in toks[max(0, i - 8):i])
        return victims or deaths or fired or exposed or armed and toks[i].startswith(("ب", "وب")) and i > 0
    if spec.place_after:
        # "حررت القوات بلدة صرين", "تحرير محافظة عدن": taking a place needs the place, and is
        # no incident with a purpose lam ("لتحرير") or with nobody in the report who fights
        if toks[i].startswith("ل") and not toks[i].startswith("ال"):
            return False
        placed = any(f.type in PLACE_TYPES and j <= f.t0 <= j + 6 for f in sent_found)
        return placed and (armed or doc_relevant)
    if spec.weak:
        return armed or victims or weapons or deaths
    return bool(sent_found) or weapons or deaths or doc_relevant


def _type(spec: TriggerSpec, toks: list[str], i: int, n: int) -> str:
    # a verb's subject may stand well before it ("طائرات حربية يعتقد أنها تابعة للتحالف قصفت")
    lo = max(0, i - (12 if spec.pos == "verb" else 4))
    around = toks[lo:i] + toks[i + n:i + n + 6]     # not the trigger's own words ("حملة دهم")
    window = {strip_article(f) for w in around for f, _ in stems(w)}
    window |= set(around)
    for words, typ in spec.upgrade:
        if words & window:
            return typ
    return spec.type


def _attribution(lex: Lexicon, toks: list[str], actors: list[Found]) -> list[Found]:
    """Actors a sentence attributes its claim to: أفاد المرصد، بحسب سانا، وفقاً لـ، نقلت وكالة.

    The cue stands right before the name or before a few filler words ("قال مدير المرصد",
    "أكد مصدر في الشرطة", "وفقاً لتوثيقات المرصد"). A medium a speaker talks TO ("قالت
    المصادر لوكالة الأنباء") receives the claim and is not its source."""
    sources: list[Found] = []
    if not actors:
        return sources
    verbs, preps = lex.phrases["attribution_verbs"], lex.phrases["attribution_preps"]
    nouns = lex.phrases["attribution_nouns"]
    fillers = lex.words["attribution_fillers+titles"]

    def filler(g: int) -> bool:
        w = stems(toks[g])[-1][0]
        return toks[g] in QUOTES or toks[g] in fillers or w in fillers or strip_article(w) in fillers \
            or any(x in fillers for x in strip_enclitic(w, True))      # "مديره", "باسمها"
    # an actor right after a role word ("مدير المرصد", "المتحدث باسم الجيش") may stand
    # between a cue and its speaker ("قال مدير المرصد رامي عبد الرحمن")
    chained = {t for f in actors if f.t0 > 0 and filler(f.t0 - 1) for t in range(f.t0, f.t1)}
    cue_at: dict[int, list[tuple[int, str]]] = {}     # the cues that start at a token
    # "رابط الخبر بصحيفة X: المرصد: مقتل ...": a link line's outlet is not a source, and a
    # headline's "X:" opening is ("حكومة اليمن: قوات الحوثي تقصف عدن")
    opening = 0
    if lex.phrases["link_lines"].match(toks, 0) and ":" in toks:
        opening = toks.index(":") + 1
    for f in actors:
        if f.type not in ACTOR_TYPES or f.t1 <= opening:
            continue
        if f.t1 < len(toks) and toks[f.t1] == ":" and (f.t0 == opening or (
                f.t0 == opening + 1 and toks[opening] in QUOTES)):
            sources.append(f)
            continue
        own = toks[f.t0]
        addressee = own.startswith("ل") and not own.startswith("ال")
        for back in range(f.t0 - 1, max(-1, f.t0 - 5), -1):
            gap = range(back + 1, f.t0)
            if any(stems(toks[g])[-1][0] in ("ان", "بان") for g in gap):
                break
            if back not in cue_at:
                cue_at[back] = [(n, kind) for kind, ix in (("verb", verbs), ("prep", preps), ("noun", nouns))
                                for n, _, _ in ix.match(toks, back)[:1]]
            cue = next(((n, kind) for n, kind in cue_at[back] if back + n <= f.t0), None)
            if cue is not None:
                n, kind = cue
                rest = range(back + n, f.t0)
                # "صرح المتحدث الأمني لوزارة الداخلية": a ministry or an army with lam after the
                # speaker's words is whose spokesman he is, not whom he told (a medium is)
                told = addressee and not (rest and f.type in ("Government", "MilitaryForce"))
                if all(g in chained or filler(g) or _org_head(lex, toks[g])
                       and all(toks[x] in QUOTES for x in range(g + 1, f.t0)) for g in rest) \
                        and (f.t0 - back <= 2 or kind != "noun") \
                        and not (told and kind == "verb") \
                        and not (told and kind == "noun"
                                 and strip_article(stems(toks[back])[-1][0]) in lex.words["attribution_speakers"]):
                    sources.append(f)
                break
        else:
            # the source before its verb (SVO): "المرصد السوري أفاد بأن", "الجيش قال إن"
            after = f.t1 + (f.t1 < len(toks) and toks[f.t1] in QUOTES)
            if not addressee and after < len(toks) and verbs.match(toks, after) \
                    and after + 1 < len(toks) and stems(toks[after + 1])[-1][0] in ("ان", "بان", "عن", "في"):
                sources.append(f)
    return sources


QUOTES = frozenset('"\'«»“”‘’')
RELATIVES = frozenset({"الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان", "اللواتي", "اللاتي"})
DEMONSTRATIVES = frozenset({"هذا", "هذه", "ذلك", "تلك", "هذين", "هاتين", "هذان", "هاتان"})


STRIKE_NOUNS = frozenset({"غارات", "غاره", "غارتين", "ضربات", "ضربه", "ضربتين", "منها", "طلعات"})
NEAR = frozenset({"قرب", "بالقرب", "حول", "بمحيط", "محيط"})


def _strike_breakdown(lex: Lexicon, toks: list[str], j: int, places: list[Found],
                      kept: list) -> list[tuple[int, int, Found]]:
    """Counts of strikes near a place after an air strike word (a coalition report's breakdown:
    "خمس غارات قرب الموصل وثلاث قرب الرمادي", "13 غارة في سوريا تركزت خمس منها قرب عين العرب"),
    as (first token, end token, place). A count needs a strike noun or "منها" after it, or
    "قرب"/"حول" right after it ("وثلاث قرب سنجار"); a number followed by "في" alone may be a
    toll ("وقتل 15 في الفلوجة")."""
    out = []
    own = {x for y in kept for x in range(y[0], y[1])}
    p = j
    while p < len(toks):
        val, used, vague = parse_number(lex, toks, p)
        if not used or vague or val is None or val > 500:
            # (a count after و: "وثلاث قرب الرمادي" is three)
            if toks[p].startswith("و") and len(toks[p]) > 2:
                val, used, vague = parse_number(lex, [toks[p][1:]], 0)
                if not used or vague or val is None:
                    p += 1
                    continue
                used = 1
            else:
                p += 1
                continue
        q = p + used
        noun = q < len(toks) and strip_article(stems(toks[q])[-1][0]) in STRIKE_NOUNS
        q += noun
        if q < len(toks) and (toks[q] in NEAR or noun and stems(toks[q])[-1][0] in ("في", "علي")):
            place = next((f for f in places if q < f.t0 <= q + 2), None)
            if place is not None and not own & set(range(p, q)):
                out.append((p, q, place))
                p = place.t1
                continue
        p = q
    return out


def _drop_affiliations(lex: Lexicon, toks: list[str], targets: tuple[str, ...],
                       names: list[Found]) -> tuple[str, ...]:
    """A named person hit, then his role in a body ("طلال الأردني القيادي في حركة فتح", "وهو
    قائد عسكري بجماعة الحوثي"): the body is whom he belongs to, not a target of its own."""
    people = [f for f in names if f.id in targets and f.type == "Person"]
    if not people:
        return targets

    def title(w: str) -> bool:
        return lex.has("titles", w) or strip_article(stems(w)[-1][0]) in lex.words["titles"]
    drop = set()
    for f in names:
        if f.id not in targets or f.type == "Person":
            continue
        for p in people:
            gap = toks[p.t1:f.t0]
            # (the title may itself be read as the person: "الجولاني القيادي في ...")
            if 0 < len(gap) <= 5 and any(title(w) for w in gap) or 0 <= len(gap) <= 2 and title(toks[p.t0]):
                drop.add(f.id)
    return tuple(t for t in targets if t not in drop)


def _supporters(lex: Lexicon, toks: list[str], actors: list[Found]) -> list[Found]:
    """Actors named as backing another ("المقاومة المدعومة من قوات التحالف والجيش", "بدعم من
    الطيران"): allies of the actor, neither its fellow agents nor targets."""
    out: list[Found] = []
    for f in sorted(actors, key=lambda f: f.t0):
        if any(lex.has("support_words", w) for w in toks[max(0, f.t0 - 3):f.t0]):
            out.append(f)
        elif out and toks[f.t0].startswith("و") and 0 <= f.t0 - out[-1].t1 <= 1 \
                and "بين" not in toks[:out[0].t0]:
            # (but in "بين X المسنودة بـ Y وZ" the last conjunct is X's opponent)
            out.append(f)
    return out


def _org_head(lex: Lexicon, word: str) -> bool:
    """A one-word organisation head ("حركة", "وزارة", "جماعة") that may stand before a name the
    knowledge base lists without it ("قالت حركة المقاومة الشعبية")."""
    w = stems(word)[-1][0]
    return w in lex.words["org_heads.armed"] or w in lex.words["org_heads.org"]


def _responsibility(toks: list[str], lo: int, hi: int) -> bool:
    """Is a word of responsibility ("مسؤوليتها", "المسؤولية") among tokens [lo, hi)?"""
    return any(w.startswith(("مسؤولي", "المسؤولي")) for w in toks[max(0, lo):hi])


DID = {"قام", "قامت", "قاموا", "يقوم", "تقوم", "يقومون", "تمكن", "تمكنت", "تمكنوا"}
GENERIC_TYPES = {"military_campaign", "armed_clash", "other"}
VICTIM_NOUNS = {"افراد", "عناصر", "جنود", "مقاتلين", "مدنيين", "عسكريين", "ضباط"}
SELF = {"انه", "انها", "انهم", "انهما", "بانه", "بانها", "بانهم", "انا", "اننا", "باننا"}
OWN_FORCES = {"طائرات", "قوات", "مقاتلات", "وحدات", "عناصر", "مدفعيه", "طيران", "جنود", "مقاتلي", "مقاتلو"}


def _self_report(lex: Lexicon, toks: list[str], i: int, spec: TriggerSpec, sources: list[Found],
                 actors: list[Found]) -> tuple[str, ...]:
    """"أعلنت القوات العراقية أنها قتلت": the source reports its own act, so it is the agent
    too ("قالت الوزارة إن طائراتها شنت" likewise, through the possessive; "أعلنت القيادة قتل
    تسعة": a claim verb with the masdar as its object)."""
    for f in sources:
        if f.type not in ARMED_TYPES + ("Government",) or f.t1 > i:
            continue
        between = toks[f.t1:i]
        if spec.pos == "masdar" and sum(w.isalnum() for w in between) <= 6 and f.t0 > 0 \
                and lex.has("claim_verbs", toks[f.t0 - 1]) \
                and not any(f.t1 <= g.t0 < i for g in actors) \
                and not any(stems(w)[-1][0] in ("ان", "عن") for w in between):
            return (f.id,)
        if any(w in SELF for w in between) or any(
                any(w.endswith(suf) and w[: -len(suf)] in OWN_FORCES for suf in ("ها", "ه", "هم"))
                for w in between):
            return (f.id,)
    return ()


def _source_anaphor(lex: Lexicon, toks: list[str]) -> bool:
    """Does the sentence attribute its claim back to the source already named ("وقال المصدر",
    "وأضاف البيان", "وأوضحت المصادر")? An attribution verb with a definite source noun right
    after it and no name of its own."""
    verbs = lex.phrases["attribution_verbs"]
    for k in range(min(len(toks), 8)):
        m = verbs.match(toks, k)
        if m:
            nxt = k + m[0][0]
            return nxt < len(toks) and stems(toks[nxt])[-1][0] in SOURCE_ANAPHORS
    return False


SOURCE_ANAPHORS = {"المصدر", "المصادر", "البيان", "التقرير", "المتحدث", "الناطق", "المسؤول"}


def _attributed(lex: Lexicon, toks: list[str]) -> bool:
    """Does the sentence name a source of its own (even an unnamed one: "قالت مصادر")?"""
    ix = (lex.phrases["attribution_verbs"], lex.phrases["attribution_preps"])
    return any(x.match(toks, k) for k in range(min(len(toks), 8)) for x in ix)


def _fatalities(lex: Lexicon, hits: Hits, toks: list[str], i: int, typ: str) -> tuple[int | None, int | None, bool]:
    """(fatalities, injured, vague) from numbers next to death / injury / victim words."""
    deaths = injured = None
    vague = False
    death_ctx = typ in VIOLENT
    deaths_c: list[tuple[int, int]] = []
    injured_c: list[tuple[int, int]] = []
    where = {p for name in ("numbers", "vague_numbers", "dual_nouns") for p, _, _ in hits.get(name, ())}
    where |= {p for p, t in enumerate(toks) if t[:1].isdigit()}
    for j in sorted(where):
        val, used, vg = parse_number(lex, toks, j)
        if not used:
            # duals: "جنديين" → 2 (only where the sentence is about deaths)
            dm = lex.phrases["dual_nouns"].match(toks, j)
            if dm and death_ctx and abs(j - i) <= 6:
                deaths_c.append((abs(j - i), int(dm[0][2])))
            continue
        k = j + used
        nxt = toks[k] if k < len(toks) else ""
        prev = toks[j - 1] if j > 0 else ""
        prev2 = toks[j - 2] if j > 1 else ""
        is_death = (lex.has("death_nouns", nxt) or lex.has("death_nouns", prev)
                    or lex.has("death_nouns", prev2) and lex.has("approximators", prev))
        if not is_death and death_ctx and abs(j - i) <= 4 and nxt and \
                lex.phrases["victim_groups"].match(toks, k, enclitics=True):
            is_death = j > i or lex.has("death_nouns", toks[i]) or typ == "killing"
        is_injury = lex.has("injury_nouns", nxt) or lex.has("injury_nouns", prev)
        if is_injury and not is_death:
            injured_c.append((abs(j - i), val))
            vague = vague or vg
        elif is_death:
            if vg:
                vague = True
            else:
                deaths_c.append((abs(j - i), val))
    own_victim = i + 1 < len(toks) and (typ in ("killing", "assassination") or lex.has("death_nouns", toks[i])) \
        and not toks[i + 1].startswith("ال") and lex.has("singular_victims", toks[i + 1])
    if (not deaths_c or own_victim) and not vague and death_ctx:
        # "قتل جندي", "مقتل ضابط", "اغتيال صحفي": one victim named in the indefinite singular
        # after a killing word (of this incident, or of the toll it absorbed); right after this
        # incident's own word it beats a number further on ("قتل ضابط و3 جنود": 4, not 3)
        if own_victim:
            deaths_c = []
        death_at = sorted({p for p, _, _ in hits.get("death_nouns", ()) if lex.has("death_nouns", toks[p])}
                          | ({i} if typ in ("killing", "assassination") else set()))
        for p in death_at:
            if p >= len(toks) - 1:
                continue
            nxt = toks[p + 1]
            after = toks[p + 2:p + 5]
            if nxt.startswith("ال") or not (lex.has("singular_victims", nxt)
                                              or lex.phrases["officials"].match(toks, p + 1)):
                continue
            # "ضابط و3 جنود" (1 + 3), "نائب مع حارسيه" (1 + 2), "جندي ومدني" (1 + 1): more
            more, known = 0, True
            for k, w in enumerate(after):
                rest = w[1:] if w.startswith("و") and len(w) > 1 else None
                if w in ("و", "مع") and k + 1 < len(after):
                    rest = after[k + 1]
                if rest is None:
                    continue
                n = parse_number(lex, [rest], 0)
                if rest[:1].isdigit() or n[1]:
                    more, known = more + (n[0] if n[0] and not n[2] else 0), bool(n[0]) and not n[2]
                elif rest.endswith(("يه", "يها")) and len(rest) > 4 and not rest.startswith("ال"):
                    more += 2       # a dual with its owner's pronoun: "حارسيه"
                elif lex.has("singular_victims", rest):
                    more += 1
                else:
                    continue
                break
            if known:
                deaths_c.append((abs(p - i), 1 + more))
            break
    if not deaths_c and not vague and typ in ("killing", "assassination") and len(toks[i]) > 4:
        # "لقي شرطي مصرعه": the victim's pronoun counts them
        stem = stems(toks[i])[-1][0]
        for base in ("مصرع", "حتف"):
            if stem.startswith(base):
                n = {"ه": 1, "ها": 1, "هما": 2}.get(stem[len(base):])
                if n:
                    deaths_c.append((0, n))
    # the number nearest the trigger is this incident's
    if deaths_c:
        deaths = min(deaths_c, key=lambda x: x[0])[1]
        vague = False
    if injured_c:
        injured = min(injured_c, key=lambda x: x[0])[1]
    return deaths, injured, vague


def find_events(res: Resources, doc: Document, an: Analysed, found: list[Found]) -> tuple[Event, ...]:
    lex = res.lex
    by_sent: dict[int, list[Found]] = {}
    for f in found:
        by_sent.setdefault(f.sent, []).append(f)
    events: list[Event] = []
    last_agents: tuple[str, ...] = ()
    last_sources: tuple[str, ...] = ()
    last_place: Found | None = None
    last_place_sent = -10
    doc_place: Found | None = None
    last_specific: tuple[str, int, tuple[str, ...], tuple[str, ...]] | None = None   # type, sentence, agents, targets
    last_event: tuple[str, int, tuple[str, ...]] | None = None
    # A document is about conflict when it names an armed actor or a victim group somewhere:
    # then a strong trigger ("الانفجار وقع") needs no other support in its own sentence.
    doc_relevant = any(f.type in ARMED_TYPES or f.type == "Group" for f in found)
    place_of: dict[str, Place] = {}     # incident location id -> its place
    stated: set[int] = set()            # incidents whose own sentence names their country
    for s in an.sentences:
        toks = list(s.words)
        here = sorted(by_sent.get(s.index, []), key=lambda f: f.t0)
        names = [f for f in here if f.type != "Group"]
        by_id = {f.id: f for f in names}
        # an unnamed attacker's word may itself be the trigger ("فجر انتحاري", "انتحاريان")
        taken = {t for f in names if f.id != UNIDENTIFIED for t in range(f.t0, f.t1)}
        # (not a medium named like a place and quoted after lam: 'قالت مصادر ل"الرياض"')
        places = [f for f in names if f.type in PLACE_TYPES
                  and not (f.t0 >= 2 and toks[f.t0 - 1] in QUOTES and toks[f.t0 - 2] in ("ل", "لـ"))]
        head = _dateline_end(toks)
        if head:
            # "واس- صنعاء:", "بيروت - أ ف ب:": where the report was filed, not where it happened
            # (still the document's place when no other is named)
            doc_place = doc_place or next((f for f in places if f.t1 <= head), None)
            places = [f for f in places if f.t0 >= head]
        # tokens whose final ه was ة in the original (never a pronoun suffix); only needed,
        # and only computed, where a trigger may start
        starts = res.lex.triggers.starts(toks, enclitics=True)
        # (a trigger phrase is at most maxlen tokens long: only its tokens are asked about)
        reach = {x for p in starts for x in range(p, min(p + res.lex.triggers.maxlen, len(toks)))}
        ta = frozenset(x for x in reach if toks[x].endswith("ه")
                       and doc.text[an.original(s.starts[x], s.ends[x])[1] - 1] == "ة")
        triggers = find_triggers(res, s, taken, ta, starts)
        if not triggers:
            if places:
                last_place, last_place_sent = _main_place(lex, toks, places), s.index
                doc_place = doc_place or last_place
            continue
        actors = [f for f in names if f.type in ACTOR_TYPES]
        sources = _attribution(lex, toks, actors)
        source_ids = tuple(dict.fromkeys(f.id for f in sources))
        link_line = bool(lex.phrases["link_lines"].match(toks, 0))
        if source_ids:
            last_sources = source_ids
        elif link_line:
            pass    # "رابط الخبر ...": another article's headline, not the report going on
        elif not _attributed(lex, toks) or _source_anaphor(lex, toks):
            # a sentence that attributes nothing continues the report of the last source
            # (limiting this to the next two sentences was tried: neutral on dev, +0.006 on dev2,
            # -0.002 on the samples, and a third fewer sourced incidents in war news)
            source_ids = last_sources
        role_actors = [f for f in actors if f not in sources]
        backers = _supporters(lex, toks, role_actors)
        role_actors = [f for f in role_actors if f not in backers]
        hits = lex.scan(toks)
        date = find_date(lex, toks, doc.published, hits)
        aggregate = bool(hits.get("aggregate_markers"))
        seen_types: dict[str, int] = {}   # incident key -> its place in ``kept``
        toll_at: dict[int, tuple] = {}     # attack trigger -> the killing word it replaced
        sentence = Sentence(s.index, *an.original(s.start, s.end))
        kept = []
        anaphoric: set[int] = set()     # triggers that refer back to the last specific incident
        # the sentence's own specific attack, which its generic attack words name again
        typ_at = {i: _type(spec, toks, i, j - i) for (i, j, k, spec) in triggers if not spec.weak}
        specific = next((t for t in typ_at.values() if t in SPECIFIC_ATTACKS), None)
        for (i, j, k, spec) in triggers:
            body = spec.toll and _body_found(toks, i)
            refers = bool(last_specific) and s.index - last_specific[1] <= 3 and j - i == 1 \
                and stems(toks[i])[-1][0] in lex.words["anaphoric_attacks"]
            # "ولم تعلن أي جهة مسؤوليتها عن الهجومين": a claim about the attack the report named
            claimed = refers and _responsibility(toks, i - 4, i)
            if _blocked(lex, hits, toks, i, j - i, spec) or not (
                    body or claimed or _supported(lex, hits, toks, here, spec, doc_relevant, i, j)):
                continue
            typ = typ_at[i] if i in typ_at else _type(spec, toks, i, j - i)
            if specific and typ == "armed_clash" and j - i == 1 \
                    and strip_article(stems(toks[i])[-1][0]) in lex.words["generic_attacks"] \
                    and not (j < len(toks) and stems(toks[j])[-1][0] in lex.words["agent_cues"]):
                # (not "هجوم شنته الجبهة": an attack with its own actor is another one)
                typ = specific              # "قصفت سفينة ... وهاجمت سفينة أخرى": the air strike
            if typ == spec.type and refers and (spec.type != "shelling" or last_specific[0] == "airstrike"):
                typ = last_specific[0]      # "وأسفر الهجوم": the attack the report already named
            if refers and typ == last_specific[0]:
                anaphoric.add(i)
            if typ == "killing" and not spec.toll and j < len(toks) and lex.phrases["officials"].match(toks, j):
                typ = "assassination"       # "قتل نائب صومالي": an official killed on purpose
            key = typ + ("/body" if body else "")   # bodies found are an incident of their own
            if key in seen_types and (not spec.weak or typ != spec.type) and _new_clause(lex, toks, kept[seen_types[key]][1], i, j):
                seen_types[key] = len(kept)     # "... في حين قتل 6 من مقاتلي المقاومة"
                kept.append((i, j, k, spec, typ))
                continue
            if key in seen_types:
                # "شن غارات ... الغارات": one incident mention per type and sentence; but the
                # attack's own word beats a killing word the attack only typed ("قتل خمسة
                # عندما فجر انتحاري": the bombing is "فجر انتحاري", with its roles)
                old = kept[seen_types[key]]
                if old[3].type != typ and spec.type == typ and not spec.weak:
                    kept[seen_types[key]] = (i, j, k, spec, typ)
                    toll_at[i] = toll_at.get(old[0], old)   # its numbers and victims stand by it
                continue
            seen_types[key] = len(kept)
            kept.append((i, j, k, spec, typ))
        kept = _drop_diffuse_causes(lex, toks, kept)
        # "قُتل جراء استهدافه", "لقي مصرعه إثر إطلاق النار عليه": gunfire or targeting that
        # killed is the killing itself, not an attack of its own
        means = {id(y) for x in kept if x[4] in ("killing", "assassination", "execution")
                 for y in kept if y[4] == "armed_clash" and _killing_means(lex, toks, x, y)}
        kept = [x for x in kept if id(x) not in means]
        absorbed = {id(x): a for x in kept if x[4] == "killing"
                    for a in (_toll_of_attack(lex, toks, x, kept),) if a is not None}
        for x in kept:
            if id(x) in absorbed:
                # "إن 43 شخصا قتلوا ... عندما قصفت": the attack keeps the killing's toll
                toll_at.setdefault(absorbed[id(x)][0], x)
        kept = [x for x in kept if id(x) not in absorbed]
        if any(x[3].toll for x in kept):
            # a casualty noun stands for an incident only alone and with its number
            alone = len(kept) == 1
            # (or its victim's pronoun: "لقي شرطي مصرعه")
            kept = [x for x in kept if not x[3].toll or (alone and (
                _number_near(lex, toks, x[0]) or x[1] - x[0] == 1 and x[2] == 0
                and len(toks[x[0]]) > len(x[3].form) and toks[x[0]].startswith(x[3].form)))
                or _body_found(toks, x[0])]
        # "عملية إعدام", "حملة اعتقالات": a generic word right before a specific trigger is
        # part of it, not an incident of its own
        kept = [x for x in kept if not (x[3].weak and x[4] in GENERIC_TYPES and any(
            y is not x and 0 <= y[0] - x[1] <= 1 for y in kept))]
        # "كمائن لتعزيزات الميليشيا", "استهدفت تعزيزات": reinforcements hit are the object of
        # the attack, not a deployment of their own
        kept = [x for x in kept if not (x[4] == "deployment" and any(
            y is not x and y[4] in VIOLENT and 0 <= x[0] - y[1] <= 2 for y in kept))]
        if len({x[4] for x in kept}) > 1:
            # a weak "other" (destruction, torture...) only stands alone
            kept = [x for x in kept if x[4] != "other" or not x[3].weak]
        sentence_agents: tuple[str, ...] = ()
        event_place: Found | None = None
        for (i, j, k, spec, typ) in kept:
            agents, targets = _roles(lex, toks, i, j, spec, typ, role_actors)
            if not agents and spec.pos in ("verb", "phrase") and typ in STATE_ACTS:
                # "إسرائيل شنت غارة", "قصفت تركيا": a state, the subject of its attack, acts
                # (not a place the sentence is in: "وفي سوريا قصفت", "بالعراق")
                agents = tuple(f.id for f in names if f.type == "Country" and f.place is not None
                               and (f.t1 == i or spec.pos == "verb" and f.t0 == j)
                               and not toks[f.t0].startswith(("ب", "ل", "وب", "ول", "فب", "فل"))
                               and not (f.t0 > 0 and (stems(toks[f.t0 - 1])[-1][0] in PLACE_PREPS
                                                      or toks[f.t0 - 1][1:] in PLACE_PREPS)))[:1]
            if i in toll_at:
                # the victims named after the killing word stay the victims
                ki, kj, _, kspec, _ = toll_at[i]
                victims = _roles(lex, toks, ki, kj, kspec, "killing", role_actors)[1]
                between = {f.id for f in role_actors if min(ki, i) <= f.t0 < max(ki, i)}
                victims = tuple(v for v in victims if v in between)
                agents = tuple(a for a in agents if a not in victims)
                targets = tuple(dict.fromkeys(victims + tuple(t for t in targets if t not in agents)))
            if typ == "armed_clash" and not agents and len(targets) >= 2:
                # "اشتباكات بين X و Y": ACLED's actor 1 and actor 2
                agents, targets = targets[:1], targets[1:]
            c = i - 1 - (i >= 3 and toks[i - 1] in DEMONSTRATIVES)     # "عن هذا التفجير"
            if sources and c >= 1 and stems(toks[c])[-1][0] == "عن" and _responsibility(toks, c - 2, c):
                # "أعلنت حركة الشباب مسؤوليتها عن قتل النائب": the claimant did it
                agents = tuple(f.id for f in sources if f.type in ARMED_TYPES) or agents
            if typ == "airstrike" and not any(lex.has("drone_words", w) for w in toks[max(0, i - 3):j + 3]):
                # an armed group has no air force: in "غارات على داعش" it is the target (drones
                # aside: "هجوم بطائرة مسيرة للحوثيين")
                grounded = tuple(a for a in agents if a in by_id and by_id[a].type == "ArmedGroup")
                agents = tuple(a for a in agents if a not in grounded)
                targets = tuple(dict.fromkeys(targets + grounded))
            if not agents:
                agents = _self_report(lex, toks, i, spec, sources, actors)
            if not agents and typ in ("execution", "killing", "abduction", "assassination"):
                # "بث تنظيم داعش فيديو يظهر إعدام رجلين": a group broadcasting the killings
                # it shows carried them out
                agents = tuple(f.id for f in sources if f.type == "ArmedGroup" and f.t0 > 0
                               and lex.has("broadcast_verbs", toks[f.t0 - 1]) and f.id not in targets)
            if i in anaphoric:
                # "القصف أدى إلى ...": the same incident, the same actors
                agents = agents or last_specific[2]
                targets = targets or tuple(t for t in last_specific[3] if t not in agents)
            if not agents and last_event and last_event[0] == typ and s.index - last_event[1] <= 1 \
                    and not any(f.type in ACTOR_TYPES for f in names):
                agents = last_event[2]          # the next sentence goes on about the same incident
            if i > 0 and stems(toks[i - 1])[-1][0] in DID and (sentence_agents or last_agents):
                # "اعتقلت خلايا التنظيم العناصر ... وقامت بإعدامهم": the subject goes on acting
                agents = sentence_agents or last_agents
                targets = tuple(t for t in targets if t not in agents)
            if not agents and sentence_agents and not any(
                    stems(w)[-1][0] in RETALIATION for w in toks[max(0, i - 3):i]):
                # "نفذ داعش إعدامات ... تمكن من اعتقالهم": the same actor goes on acting
                # (not "شنت طائرات التحالف غارات ردا على هجمات": those were the other side's)
                agents = tuple(a for a in sentence_agents if a not in targets)
            sentence_agents = sentence_agents or agents
            if typ == "shelling" and agents and all(_air_actor(lex, by_id.get(a)) for a in agents):
                typ = "airstrike"       # "قصفت قوات التحالف منزلا": what an air force shells
            groups = tuple(sorted({f.group for f in here if f.type == "Group" and f.group}))
            partial = []
            if not agents and i <= 2 and spec.pos == "verb" and not any(f.type in ACTOR_TYPES for f in names) \
                    and not _passive_toll(lex, toks, here, j):
                # "واعتقلت العناصر..." / "وقامت بإعدام...": a verb opening the sentence with
                # no named subject continues the previous sentence's actor
                agents = last_agents if s.index > 0 else ()
            targets = _drop_affiliations(lex, toks, targets, names)
            if typ in ("killing", "armed_clash") and last_specific and last_specific[0] == "assassination" \
                    and s.index - last_specific[1] <= 5 and set(targets) & set(last_specific[3]):
                typ = "assassination"   # "اغتيل فلان ... لم تعلن أي جهة مسؤوليتها عن مقتل فلان"
            # place: most specific in the sentence (not a reference point such as "شمال شرق
            # بغداد"), else the paragraph's recent one, else the document's first
            loc = min(places, key=lambda f: (_reference(lex, toks, f), _place_rank(f), abs(f.t0 - i))) if places else None
            if loc is not None and loc.place is not None and loc.place.parents \
                    and loc.t1 < len(toks) and toks[loc.t1].startswith("و") and len(toks[loc.t1]) > 3 \
                    and not lex.triggers.match(toks, loc.t1) and toks[loc.t1][1:] not in lex.stopwords \
                    and toks[loc.t1] not in lex.stopwords:
                # "حي كلابة والشماسي والروضة في مدينة تعز": several quarters, one city
                loc = next((f for f in places if f.id == "place:" + loc.place.parents[0]
                            or f.place is not None and f.place.id == loc.place.parents[0]), loc)
            if loc is None and last_place is not None and s.index - last_place_sent <= 2:
                loc = last_place
            if loc is None:
                loc = doc_place
            # (at the killing word an attack absorbed, counted as that killing's toll)
            fat, inj, vague = _fatalities(lex, hits, toks, toll_at[i][0], "killing") if i in toll_at \
                else _fatalities(lex, hits, toks, i, typ)
            if i in toll_at and fat is None and inj is None:
                fat, inj, vague = _fatalities(lex, hits, toks, i, typ)
            tv = date
            if tv is None and doc.published:
                tv = TimeValue(doc.published, "day", "publication")
            if not agents:
                partial.append("agent")
            if loc is None:
                partial.append("location")
            if tv is None:
                partial.append("date")
            elif doc.published and tv.value[:10] > doc.published:
                partial.append("date_after_publication")
            if vague:
                partial.append("fatalities_vague")
            if tv is not None and tv.basis == "explicit" and doc.published \
                    and int(tv.value[:4]) < int(doc.published[:4]) - 1:
                continue        # history recalled as background ("1944 - ..."), not news
            ts, te = an.original(s.starts[i] + k, s.ends[j - 1])
            if loc is not None and loc.place is not None:
                place_of[loc.id] = loc.place
                if loc.sent == s.index and loc.place.precision == "country":
                    stated.add(len(events))     # "في سوريا": the sentence says so itself
            events.append(Event(
                id=_event_id(doc, ts, te), type=typ, trigger=Span(ts, te, doc.text[ts:te]),
                sentence=sentence, agents=agents, targets=targets,
                location=loc.id if loc else None, time=tv, fatalities=fat, injured=inj,
                aggregate=aggregate, reported_by=source_ids, target_groups=groups,
                partial=tuple(partial)))
            if agents:
                last_agents = agents
            if typ in SPECIFIC_ATTACKS or typ == "assassination":
                # (an assassination too: "اغتيل ... قتل مرافقه في الهجوم")
                last_specific = (typ, s.index, agents, targets)
            last_event = (typ, s.index, agents)
            if loc is not None and loc.sent == s.index:
                event_place = loc
            if typ == "airstrike":
                for a, b, place in _strike_breakdown(lex, toks, j, places, kept):
                    # "شملت خمس غارات قرب الموصل وثلاث قرب الرمادي": each count of strikes
                    # near a place is a strike of its own there
                    ps, pe = an.original(s.starts[a], s.ends[b - 1])
                    if place.place is not None:
                        place_of[place.id] = place.place
                    events.append(Event(
                        id=_event_id(doc, ps, pe), type=typ, trigger=Span(ps, pe, doc.text[ps:pe]),
                        sentence=sentence, agents=agents, targets=targets, location=place.id,
                        time=tv, reported_by=source_ids,
                        partial=tuple(x for x in partial if x != "location")))
        if event_place is not None:
            # the paragraph goes on where the sentence's incidents happened
            last_place, last_place_sent = event_place, s.index
            doc_place = doc_place or event_place
        elif places:
            last_place, last_place_sent = _main_place(lex, toks, places), s.index
            doc_place = doc_place or last_place
    return tuple(_dyad_targets(_type_agents(_narrow_places(events, place_of, stated))))


def _type_agents(events: list[Event]) -> list[Event]:
    """An attack whose actor no sentence nearby names was carried out by whoever carried out
    every other attack of its type in the report ("شنت طائرات التحالف غارات ... وقال المرصد إن
    الغارات دمرت جسرين"), when that is one actor (or one coordinated pair)."""
    by_type: dict[str, set[tuple[str, ...]]] = {}
    for e in events:
        if e.type in DYAD_TYPES and e.agents and e.agents != (UNIDENTIFIED,):
            by_type.setdefault(e.type, set()).add(e.agents)
    out = []
    for e in events:
        if e.type in DYAD_TYPES and not e.agents and len(by_type.get(e.type, {})) == 1:
            [agents] = by_type[e.type]
            e = replace(e, agents=agents, targets=tuple(t for t in e.targets if t not in agents),
                        partial=tuple(p for p in e.partial if p != "agent"))
        out.append(e)
    return out


PLACE_PREPS = {"في", "من", "على", "الى", "عن", "داخل", "خارج", "شمال", "جنوب", "شرق", "غرب", "نحو", "باتجاه"}
RETALIATION = {"ردا", "انتقاما", "ثارا"}     # normalised ("رداً", "ثأراً")
STATE_ACTS = {"airstrike", "shelling", "armed_clash", "military_campaign", "raid", "arrest", "deployment", "threat",
              "operation_suspension"}
DYAD_TYPES = {"airstrike", "shelling", "bombing", "armed_clash", "ambush", "raid"}


def _dyad_targets(events: list[Event]) -> list[Event]:
    """An attack whose sentence names its actor but no one it hit is aimed at the side that
    actor fights everywhere else in the report ("شنت طائرات التحالف غارات على مواقع للحوثيين
    ... وتواصل قوات التحالف شن غاراتها"), when the report names one such side; not when the
    sentence names unnamed victims (civilians, soldiers) instead."""
    foes: dict[str, dict[tuple[str, ...], int]] = {}
    for e in events:
        if e.type in DYAD_TYPES and e.targets:
            for a in e.agents:
                d = foes.setdefault(a, {})
                d[e.targets] = d.get(e.targets, 0) + 1
    out = []
    for e in events:
        if e.type in DYAD_TYPES and e.agents and not e.targets and not e.target_groups:
            sides = {t for a in e.agents for t in foes.get(a, {})}
            if len(sides) == 1 and max(n for a in e.agents for n in foes.get(a, {}).values()) >= 2:
                e = replace(e, targets=tuple(t for t in next(iter(sides)) if t not in e.agents))
        out.append(e)
    return out


def _narrow_places(events: list[Event], place_of: dict[str, Place], stated: set[int]) -> list[Event]:
    """An incident placed in a region ("بشمال أفغانستان") or only by context in a country is
    placed where the report's incidents of the same type happened, when they all happened in
    one town or district of that country ("... في منطقة المار"): the report is about one place.
    A country its own sentence names stays ("مقتل قياديين في سوريا")."""
    fine: dict[tuple[str, str], set[str]] = {}
    for e in events:
        p = place_of.get(e.location or "")
        if p is not None and p.country and PRECISION_RANK.get(p.precision, 6) <= 2:
            fine.setdefault((e.type, p.country), set()).add(e.location)
    out = []
    for n, e in enumerate(events):
        p = place_of.get(e.location or "")
        if p is not None and p.country and p.precision in ("country", "region") and not e.aggregate \
                and n not in stated:
            there = fine.get((e.type, p.country), set())
            if len(there) == 1:
                e = replace(e, location=next(iter(there)))
        out.append(e)
    return out


PERSON_VICTIM_TYPES = {"killing", "assassination", "abduction", "arrest", "execution"}
CUE_NOUNS = {"عاصمه", "مدينه", "محافظه", "بلده", "قريه", "منطقه", "ولايه"}
SPECIFIC_ATTACKS = {"airstrike", "shelling", "bombing"}
CAUSE_BEFORE = {"في", "جراء", "اثر", "بسبب", "نتيجه", "بعد", "خلال", "عقب", "عندما", "حين", "حينما", "اثناء"}
RESULT_VERBS = {"اسفر", "اسفرت", "اسفرا", "ادي", "ادت", "اديا", "ادتا", "خلف", "خلفت", "خلفا", "اوقع", "اوقعت",
                "اوقعا", "تسبب", "تسببت", "تسببا", "اودي", "اودت", "عن", "الي"}


FOUND = {"عثر", "عثرت", "العثور", "عثروا", "انتشال", "انتشلت", "عثور", "احصي", "احصت", "احصينا", "احصوا"}


def _body_found(toks: list[str], i: int) -> bool:
    """"عثر على 20 جثة": bodies found are a killing of their own."""
    return any(stems(t)[-1][0] in FOUND for t in toks[max(0, i - 5):i])


def _number_near(lex: Lexicon, toks: list[str], i: int) -> bool:
    """A number right before a casualty noun ("50 قتيلا") or right after it ("مصرع ثلاثة")."""
    return any(parse_number(lex, toks, j)[1] for j in (*range(max(0, i - 2), i), i + 1)
               if j < len(toks))


def _passive_toll(lex: Lexicon, toks: list[str], here: list[Found], j: int) -> bool:
    """"وقتل 11 شخصا", "وقتل صبي": a killing verb followed by its count or its victims reads as
    the passive (قُتل); it names no actor, so none is carried over from the last sentence."""
    if j >= len(toks):
        return False
    return parse_number(lex, toks, j)[1] > 0 or any(f.type == "Group" and f.t0 in (j, j + 1) for f in here) \
        or bool(lex.phrases["dual_nouns"].match(toks, j))


def _drop_diffuse_causes(lex: Lexicon, toks: list[str], kept: list) -> list:
    """"قتل 11 شخصا في هجمات متفرقة", "في أعمال عنف وانفجارات": a toll whose causes are
    diffuse is one killing incident; the plural causes are not incidents of their own."""
    drop: set[int] = set()
    for x in kept:
        if x[4] != "killing":
            continue
        j = x[1]
        causes = sorted((y for y in kept if y is not x and y[4] in VIOLENT and 0 <= y[0] - j <= 10),
                        key=lambda y: y[0])
        if not causes:
            continue
        first = causes[0]
        between = {stems(t)[-1][0] for t in toks[j:first[0]]} | set(toks[j:first[0]])
        if not between & CAUSE_BEFORE and not toks[first[0]].startswith("ب"):
            continue
        chain = [first]     # "هجمات وتفجيرات": coordinated causes
        for y in causes[1:]:
            if y[0] - chain[-1][1] <= 3 and toks[y[0]].startswith("و"):
                chain.append(y)
        if len(chain) > 1 or any(lex.phrases["diffuse_causes"].match(toks, y[0]) for y in chain):
            drop.update(id(y) for y in chain)
    return [x for x in kept if id(x) not in drop]


DASHES = frozenset("-–—")


def _air_actor(lex: Lexicon, f: Found | None) -> bool:
    """Is the actor an air force or an air coalition (its name says so: "القوات الجوية",
    "الطيران", "التحالف الدولي")?"""
    return f is not None and f.type == "MilitaryForce" and bool(
        {strip_article(w) for w in norm(f.label).split()} & lex.words["air_actor_words"])


def _new_clause(lex: Lexicon, toks: list[str], prev_end: int, i: int, j: int) -> bool:
    """Whether a trigger at ``i:j`` of a type the sentence already had (ending at ``prev_end``)
    is a second incident: a new clause opened by a connective between the two ("... في حين
    قتل 6", "... كما جرح ثلاثة في انفجار"), or "another" right after it ("ضربة أخرى")."""
    if i - prev_end < 3 or stems(toks[i])[-1][0].startswith("ال"):
        return False        # "... الانفجار", "... الاشتباكات": the article refers back
    after = {strip_article(stems(t)[-1][0]) for t in toks[j:j + 2]}
    if after & lex.words["another_words"]:
        return True
    at = next((g for g in range(i - 1, prev_end - 1, -1) if lex.has("clause_connectives", toks[g])), None)
    # ... and the new clause counts its own dead or wounded
    return at is not None and any(parse_number(lex, toks, g)[1] for g in range(at + 1, min(len(toks), j + 3)))


def _dateline_end(toks: list[str]) -> int:
    """End of a dateline opening the sentence ("صنعاء - واس:", "سبق- وكالات:", "رابط الخبر
    بصحيفة X:"): the index after its colon, or 0. A dateline is short and has a dash or a
    colon right after its first words."""
    if ":" not in toks[:7]:
        return 0
    k = toks.index(":")
    if k == 0 or k + 2 >= len(toks):
        return 0
    if any(t in DASHES for t in toks[:k]) or k <= 2:
        return k + 1
    return 0


def _adjective_of(lex: Lexicon, toks: list[str], f: Found, typ: str) -> bool:
    """Is the nationality adjective ``f`` said of an incident noun of type ``typ`` ("غارات
    روسية" of an airstrike, also when its toll is the trigger: "قتل 20 في غارات روسية")?"""
    for back in (1, 2):
        m = lex.triggers.match(toks, f.t0 - back) if f.t0 >= back else []
        if m and m[0][0] == back and m[0][2].type == typ:
            return True
    return False


def _killing_means(lex: Lexicon, toks: list[str], killing, attack) -> bool:
    """Is ``attack`` only the means of ``killing`` in the same clause ("قُتل جراء استهدافه",
    "مصرعه إثر قيام مجهولين بإطلاق النار", "قُتلوا خلال قتال")?"""
    a, b = attack[0], attack[1]
    if not lex.phrases["killing_means"].match(toks, a):
        return False
    i, j = killing[0], killing[1]
    return 0 <= a - j <= 8 or 0 <= i - b <= 6


def _toll_of_attack(lex: Lexicon, toks: list[str], killing, kept):
    """The attack named in the same clause whose toll this killing is, or None.
    "قتل 3 في غارة" / "غارة أسفرت عن مقتل 3" describe one airstrike, not two incidents."""
    i, j = killing[0], killing[1]
    for attack in kept:
        a, b, k, spec, typ = attack
        if typ not in VIOLENT - {"killing"}:
            continue
        if a >= j and a - j <= 10:
            between = {stems(t)[-1][0] for t in toks[j:a]} | set(toks[j:a])
            if between & CAUSE_BEFORE or (k and toks[a][0] == "ب"):
                return attack
        if b <= i and i - b <= 20:
            between = {stems(t)[-1][0] for t in toks[b:i]} | set(toks[b:i])
            if between & RESULT_VERBS:
                return attack
        if b <= i and i - b <= 12 and spec.pos == "verb" and killing[3].pos == "verb" \
                and toks[i].startswith("و") and not toks[i].startswith("وب") \
                and not any(lex.has("clause_connectives", t) or t in ("،", ",", ".") for t in toks[b:i]) \
                and not any(b <= y[0] < i for y in kept if y is not attack and y is not killing):
            return attack       # "اقتحمت القوات المنزل وقتلته": the attack's own toll, one incident
        if b <= i and i - b <= 35 and a >= 1 and stems(toks[a - 1])[-1][0] in RESULT_VERBS \
                and (toks[i].startswith("ل") or stems(toks[i - 1])[-1][0] in ("الي", "عن")):
            return attack       # "أدى القصف [a long description of it] لمقتل عدد من الأطفال"
    return None


def _reference(lex: Lexicon, toks: list[str], f: Found) -> bool:
    """Is a place named only as a reference point ("على بعد 30 كلم شمال بغداد")?"""
    if f.t0 == 0:
        return False
    prev = stems(toks[f.t0 - 1])[-1][0]
    if strip_article(prev) in CUE_NOUNS and f.t0 >= 2:
        prev = stems(toks[f.t0 - 2])[-1][0]      # "شمال شرقي العاصمة صنعاء"
    return any(prev in lex.words.get(f"directions.{d}", ()) for d in
               ("north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"))


def _main_place(lex: Lexicon, toks: list[str], places: list[Found]) -> Found:
    """The sentence's most specific place that is not a mere reference point."""
    return min(places, key=lambda f: (_reference(lex, toks, f), _place_rank(f)))


def _place_rank(f: Found) -> int:
    p = f.place
    return PRECISION_RANK.get(p.precision, 6) if p else 6


def _roles(lex: Lexicon, toks: list[str], i: int, j: int, spec: TriggerSpec, typ: str,
           actors: list[Found]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Agents and targets among the sentence's actors, from cue words and word order.

    Cues: "على يد / من قبل X" (agent), "ضد / على / بحق / مواقع X" (target); then Arabic word
    order: the subject before a verb (SVO) or right after it (VSO) acts; after a masdar the
    genitive is the victim of a killing or arrest and the actor of an attack ("غارة للتحالف").
    """
    agents: list[str] = []
    targets: list[str] = []
    armed_like = ARMED_TYPES + ("Government",)
    for f in sorted(actors, key=lambda f: abs(f.t0 - i)):
        if abs(f.t0 - i) > 15 and abs(f.t1 - i) > 15:
            continue
        # the two words before the name, but never the trigger's own words
        window = [k for k in range(max(0, f.t0 - 2), f.t0) if not i <= k < j]
        prev = {stems(toks[k])[-1][0] for k in window} | {toks[k] for k in window}
        prev |= {strip_article(p) for p in prev}
        own = toks[f.t0]
        lam = own.startswith("ل") and not own.startswith("ال") or own.startswith("لل")
        before = f.t1 <= i
        lam_victim = any(toks[k].startswith("ل") and stems(toks[k])[-1][0] in VICTIM_NOUNS for k in window)
        counted = (not before or spec.pos != "verb") and any(
            parse_number(lex, toks, g)[1] for g in range(max(j if not before else 0, f.t0 - 3), f.t0))
        conj = next((h for h in actors if h.t1 == f.t0 and toks[f.t0].startswith("و")), None)
        if conj is not None and conj.id in targets:
            role = "target"           # "فجروا دبابة للحوثيين وقوات صالح": the conjunct shares the role
        elif prev & lex.words["agent_cues"] or f.id == UNIDENTIFIED or (
                f.attributive and _adjective_of(lex, toks, f, typ)):
            role = "agent"            # (unnamed attackers are only recognised as the actor)
        elif typ == "armed_clash" and not before and "مع" in prev:
            role = "target"           # "تخوض القوات معارك مع الميليشيات": the other side
        elif prev & TARGET_CUES or lam_victim or counted:
            # "قتل ثلاثة من عناصر الشرطة": counted members after the trigger are its victims
            role = "target"
        elif before and any(stems(w)[-1][0] in RETALIATION for w in toks[f.t1:i]):
            continue                  # "شنت طائرات التحالف غارات ردا على هجمات": the responder
        elif before:
            # the subject before the trigger (SVO); a person only right before the verb
            subject = f.type in armed_like or (f.type == "Person" and spec.pos == "verb" and i - f.t1 <= 1)
            if not subject and f.type == "Organization" or lam and f.type == "Government":
                continue    # an agency or a ministry before the act speaks or hears of it,
                            # "وزارة الصحة التابعة للحكومة" owns the speaker
            role = "agent" if subject and not lam and not agents else "target"
        elif spec.pos == "verb":
            # VSO: the first actor right after the verb is its subject ("قصفت طائرات التحالف")
            role = "agent" if not agents and f.t0 - j <= 3 and not lam else "target"
        elif lam and f.t0 - j <= 3 and not any(toks[g].startswith("ل") for g in range(j, f.t0)):
            role = "agent"            # "غارة للتحالف", "هجوم لداعش"
        elif lam and f.t0 - j <= 3:
            role = "target"           # "كمائن لتعزيزات للميليشيات": the reinforcements' owner was hit
        elif f.t0 - j <= 2:
            # genitive after a masdar: the victim of a killing, the actor of an attack
            role = "target" if typ in VICTIM_GENITIVE or f.type not in armed_like else "agent"
        else:
            role = "target"
        if role == "agent" and typ in VICTIM_GENITIVE and f.type == "Person" and not before \
                and not prev & lex.words["agent_cues"]:
            role = "target"
        cued = bool(prev & TARGET_CUES) or lam_victim
        if role == "target" and f.type == "Person" and not (cued and not before) \
                and (before or typ not in PERSON_VICTIM_TYPES or f.t0 - j > 4):
            continue    # a person named away from the act is a speaker or a bystander, not its target
        bucket = agents if role == "agent" else targets
        if f.id not in agents and f.id not in targets:
            bucket.append(f.id)
    # "قصفت جماعة الحوثي والقوات الموالية لصالح": a coordinated subject acts too
    for f in actors:
        if f.id in agents and (typ != "armed_clash" or spec.pos == "verb" or f.t1 <= i) \
                and not (f.t0 > 0 and toks[f.t0 - 1] == "بين"):
            for g in actors:
                if g.t0 == f.t1 and toks[g.t0].startswith("و") and g.type in armed_like \
                        and g.id not in agents:
                    agents.append(g.id)
                    if g.id in targets:
                        targets.remove(g.id)
                # "قوات الجيش والمقاومة الشعبية تخوض": the first conjunct acts as well
                if f.t0 == g.t1 and toks[f.t0].startswith("و") and g.type in armed_like \
                        and g.id not in agents and g.t1 <= i:
                    agents.insert(0, g.id)
                    if g.id in targets:
                        targets.remove(g.id)
    return tuple(agents), tuple(targets)
