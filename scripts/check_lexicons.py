#!/usr/bin/env python3
"""Validate graph/data/triggers.yaml and graph/data/lexicon.yaml; print counts.

    python scripts/check_lexicons.py            # errors, warnings, counts
    python scripts/check_lexicons.py --notes    # also matcher notes (forms needing care)

Exit status 1 when a file is missing, is not valid YAML, or breaks the structure described in
docs/lexicons.md. Warnings (redundant spellings, suspicious choices) do not fail the check.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "graph" / "data"
sys.path.insert(0, str(ROOT))

try:                                    # the project's own constants and normaliser
    from graph.model import ENTITY_TYPES, EVENT_TYPES
except Exception:                       # pragma: no cover - keep the check usable on its own
    EVENT_TYPES = ("airstrike", "execution", "killing", "assassination", "abduction", "ambush",
                   "bombing", "raid", "arrest", "armed_clash", "shelling", "military_campaign",
                   "threat", "deployment", "operation_suspension", "other")
    ENTITY_TYPES = ("Person", "Organization", "ArmedGroup", "Government", "MilitaryForce",
                    "Country", "Location")

_TABLE = {c: None for c in range(0x064B, 0x0660)}
_TABLE.update({0x0670: None, 0x0640: None})
_TABLE.update({ord(a): "ا" for a in "أإآٱ"})
_TABLE.update({ord("ى"): "ي", ord("ة"): "ه", ord("ی"): "ي", ord("ک"): "ك"})


def norm(s: str) -> str:
    """Same character normalisation as graph.normalize.norm (tashkeel, alef, yeh, ta marbuta)."""
    return " ".join(s.translate(_TABLE).split())


FAMILIES = {
    "remote": {"airstrike", "shelling", "bombing"},
    "attack": {"killing", "assassination", "execution", "ambush", "raid", "armed_clash"},
    "detention": {"abduction", "arrest"},
}
FAMILIES["other"] = set(EVENT_TYPES) - set().union(*FAMILIES.values())
TYPE_KEYS = ("label_en", "label_ar", "cameo", "cameo_label", "acled_event_type",
             "acled_sub_event_type", "family")
TRIGGER_KEYS = {"form", "type", "pos", "weak", "toll", "upgrade", "not_after", "not_before", "place_after"}
POS = {"verb", "noun", "masdar", "phrase"}
MIN_TRIGGERS = 300
VICTIM_TYPES = {"civilians", "fighters", "soldiers", "people", "children", "women", "police",
                "journalists", "aid_workers"}
LISTS = ("day_parts", "vague_numbers", "approximators", "death_nouns", "injury_nouns",
         "aggregate_markers", "negation", "modality", "habitual", "titles", "role_phrases", "weapons")
REQUIRED = ("months", "weekdays", "relative_days", "relative_periods", "day_parts", "numbers",
            "dual_nouns", "vague_numbers", "approximators", "death_nouns", "injury_nouns",
            "aggregate_markers", "attribution", "negation", "modality", "habitual", "victim_groups",
            "titles", "role_phrases", "org_heads", "place_heads", "directions", "anaphors", "weapons")
OPTIONAL_MAPPINGS = ("day_ordinals",)
OPTIONAL_LISTS = ("months_ambiguous", "negation_ambiguous", "negation_exceptions", "modality_ambiguous",
                  "diffuse_causes", "claim_verbs", "anaphoric_attacks", "background_starts", "unidentified_actors", "officials", "singular_victims")
DIRECTIONS = ("north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "near")
PERIOD_UNITS = {"week", "month", "year"}
PROCLITIC_LETTERS = set("وفبلك")


class Report:
    def __init__(self) -> None:
        self.errors: list[str] = []
        self.warnings: list[str] = []
        self.notes: list[str] = []

    def error(self, msg: str) -> None:
        self.errors.append(msg)

    def warn(self, msg: str) -> None:
        self.warnings.append(msg)

    def note(self, msg: str) -> None:
        self.notes.append(msg)


def load(path: Path, rep: Report):
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as e:
        rep.error(f"{path.name}: cannot read: {e.strerror or e}")
    except yaml.YAMLError as e:
        rep.error(f"{path.name}: not valid YAML: {str(e).splitlines()[0]}")
    return None


def is_word_list(value) -> bool:
    return isinstance(value, list) and all(isinstance(w, str) and w.strip() for w in value)


# ------------------------------------------------------------------------------- triggers
def check_triggers(data, rep: Report) -> dict:
    stats: dict = {}
    if not isinstance(data, dict):
        rep.error("triggers.yaml: top level must be a mapping")
        return stats
    for key in data:
        if key not in ("types", "triggers", "shared", "upgrades"):
            rep.error(f"triggers.yaml: unknown top-level key {key!r}")
    types = data.get("types")
    if not isinstance(types, dict):
        rep.error("triggers.yaml: 'types' must be a mapping")
        types = {}
    if set(types) != set(EVENT_TYPES):
        missing = sorted(set(EVENT_TYPES) - set(types))
        extra = sorted(set(types) - set(EVENT_TYPES))
        rep.error(f"triggers.yaml: types must be exactly the {len(EVENT_TYPES)} event types "
                  f"(missing {missing}, unknown {extra})")
    for name, spec in types.items():
        if not isinstance(spec, dict):
            rep.error(f"types.{name}: must be a mapping")
            continue
        for k in TYPE_KEYS:
            v = spec.get(k)
            if not isinstance(v, str) or not v.strip():
                rep.error(f"types.{name}.{k}: missing or not a non-empty string (quote numbers)")
        for k in spec:
            if k not in TYPE_KEYS:
                rep.error(f"types.{name}: unknown key {k!r}")
        cameo = spec.get("cameo")
        if isinstance(cameo, str) and not (cameo.isdigit() and 2 <= len(cameo) <= 4):
            rep.error(f"types.{name}.cameo: {cameo!r} is not a CAMEO code (2-4 digits)")
        fam = spec.get("family")
        if fam not in FAMILIES:
            rep.error(f"types.{name}.family: {fam!r} not in {sorted(FAMILIES)}")
        elif name not in FAMILIES[fam]:
            rep.error(f"types.{name}.family: {name} belongs to family "
                      f"{next(f for f, m in FAMILIES.items() if name in m)!r}, not {fam!r}")

    trig = data.get("triggers")
    if not isinstance(trig, list):
        rep.error("triggers.yaml: 'triggers' must be a list")
        return stats
    by_form: dict[str, tuple[int, str]] = {}
    per_type: Counter = Counter()
    per_type_weak: Counter = Counter()
    per_pos: Counter = Counter()
    tolls = 0
    for n, t in enumerate(trig, 1):
        where = f"trigger {n}"
        if not isinstance(t, dict):
            rep.error(f"{where}: must be a mapping")
            continue
        form = t.get("form")
        if not isinstance(form, str) or not form.strip():
            rep.error(f"{where}: 'form' missing or empty")
            continue
        where = f"trigger {n} ({form})"
        for k in t:
            if k not in TRIGGER_KEYS:
                rep.error(f"{where}: unknown key {k!r}")
        typ = t.get("type")
        if typ not in EVENT_TYPES:
            rep.error(f"{where}: unknown type {typ!r}")
        pos = t.get("pos")
        if pos not in POS:
            rep.error(f"{where}: pos {pos!r} not in {sorted(POS)}")
        multi = len(norm(form).split()) > 1
        if pos == "phrase" and not multi:
            rep.warn(f"{where}: pos 'phrase' on a single word")
        if multi and pos != "phrase":
            rep.error(f"{where}: a multiword form must have pos 'phrase'")
        if not isinstance(t.get("weak"), bool):
            rep.error(f"{where}: 'weak' must be true or false")
        if "toll" in t and not isinstance(t["toll"], bool):
            rep.error(f"{where}: 'toll' must be true or false")
        if "place_after" in t and not isinstance(t["place_after"], bool):
            rep.error(f"{where}: 'place_after' must be true or false")
        if t.get("toll") and typ != "killing":
            rep.warn(f"{where}: 'toll' is meant for casualty nouns of type killing")
        for k in ("not_after", "not_before"):
            v = t.get(k)
            if v is not None and not is_word_list(v):
                rep.error(f"{where}: {k} must be a list of words")
            elif v and any(len(norm(w).split()) != 1 for w in v):
                rep.error(f"{where}: {k} entries must be single words (one token is compared)")
        ups = t.get("upgrade")
        if ups is not None:
            if not isinstance(ups, list):
                rep.error(f"{where}: upgrade must be a list")
            else:
                for u in ups:
                    if not isinstance(u, dict) or set(u) != {"if_any", "type"}:
                        rep.error(f"{where}: each upgrade needs exactly 'if_any' and 'type'")
                        continue
                    if not is_word_list(u["if_any"]) or not u["if_any"]:
                        rep.error(f"{where}: upgrade.if_any must be a non-empty list of words")
                    if u["type"] not in EVENT_TYPES:
                        rep.error(f"{where}: upgrade to unknown type {u['type']!r}")
                    elif u["type"] == typ:
                        rep.warn(f"{where}: upgrade to its own type {typ!r}")
        key = norm(form)
        if key in by_form:
            m, other = by_form[key]
            if other != typ:
                rep.error(f"{where}: same normalised form as trigger {m} but type {other!r} vs {typ!r}")
            else:
                rep.error(f"{where}: duplicate of trigger {m} after normalisation")
        else:
            by_form[key] = (n, typ)
        if typ in EVENT_TYPES:
            per_type[typ] += 1
            per_type_weak[typ] += bool(t.get("weak"))
        per_pos[pos] += 1
        tolls += bool(t.get("toll"))
        # matcher notes
        first = key.split()[0]
        if first.startswith("ال") and not form.lstrip().startswith("ال"):
            rep.note(f"{form}: first token normalises to {first!r}, which starts with ال "
                     f"(hamza + lam); an article-stripper must try the unstripped token first")
        if first[0] in PROCLITIC_LETTERS and len(first) > 3:
            rep.note(f"{form}: first letter {first[0]} is part of the word; the matcher must "
                     f"try the unstripped token first (stems() does)")
    if len(trig) < MIN_TRIGGERS:
        rep.error(f"triggers.yaml: {len(trig)} triggers, at least {MIN_TRIGGERS} expected")
    for typ in EVENT_TYPES:
        if per_type[typ] == 0:
            rep.error(f"triggers.yaml: no trigger for type {typ!r}")
    stats.update(total=len(trig), tolls=tolls, per_type=per_type, per_type_weak=per_type_weak, per_pos=per_pos,
                 forms=set(by_form))
    return stats


# ------------------------------------------------------------------------------- lexicon
def check_mapping_values(name, value, rep: Report, check) -> int:
    if not isinstance(value, dict) or not value:
        rep.error(f"lexicon.{name}: must be a non-empty mapping")
        return 0
    seen: dict[str, tuple[str, object]] = {}
    for k, v in value.items():
        if not isinstance(k, str) or not k.strip():
            rep.error(f"lexicon.{name}: key {k!r} is not a word")
            continue
        problem = check(v)
        if problem:
            rep.error(f"lexicon.{name}.{k}: {problem}")
        nk = norm(k)
        if nk in seen and seen[nk][1] != v:
            rep.error(f"lexicon.{name}: {k!r} and {seen[nk][0]!r} normalise alike but differ ({v} vs {seen[nk][1]})")
        elif nk in seen:
            rep.note(f"lexicon.{name}: {k!r} is a spelling variant of {seen[nk][0]!r} (same after normalisation)")
        else:
            seen[nk] = (k, v)
    return len(value)


def check_list(name, value, rep: Report) -> int:
    if not is_word_list(value) or not value:
        rep.error(f"lexicon.{name}: must be a non-empty list of words")
        return 0
    seen: dict[str, str] = {}
    for w in value:
        nw = norm(w)
        if nw in seen:
            rep.warn(f"lexicon.{name}: {w!r} repeats {seen[nw]!r} after normalisation")
        seen.setdefault(nw, w)
    return len(value)


def check_lexicon(data, rep: Report) -> dict:
    counts: dict[str, object] = {}
    if not isinstance(data, dict):
        rep.error("lexicon.yaml: top level must be a mapping")
        return counts
    for k in REQUIRED:
        if k not in data:
            rep.error(f"lexicon.yaml: required key {k!r} missing")
    for k in data:
        if k not in REQUIRED and k not in OPTIONAL_LISTS and k not in OPTIONAL_MAPPINGS:
            rep.warn(f"lexicon.yaml: key {k!r} is not described in docs/lexicons.md")

    def int_in(lo, hi):
        return lambda v: None if isinstance(v, int) and not isinstance(v, bool) and lo <= v <= hi \
            else f"must be an integer in {lo}..{hi}"

    if "months" in data:
        counts["months"] = check_mapping_values("months", data["months"], rep, int_in(1, 12))
        if isinstance(data["months"], dict):
            missing = set(range(1, 13)) - set(data["months"].values())
            if missing:
                rep.error(f"lexicon.months: no form for month(s) {sorted(missing)}")
    if "weekdays" in data:
        counts["weekdays"] = check_mapping_values("weekdays", data["weekdays"], rep, int_in(1, 7))
        if isinstance(data["weekdays"], dict):
            missing = set(range(1, 8)) - set(data["weekdays"].values())
            if missing:
                rep.error(f"lexicon.weekdays: no form for ISO weekday(s) {sorted(missing)}")
    if "day_ordinals" in data:
        counts["day_ordinals"] = check_mapping_values("day_ordinals", data["day_ordinals"], rep, int_in(1, 31))
    if "relative_days" in data:
        counts["relative_days"] = check_mapping_values("relative_days", data["relative_days"], rep, int_in(-31, 31))
    if "relative_periods" in data:
        def period(v):
            if not isinstance(v, dict) or set(v) != {"unit", "offset"}:
                return "must be {unit: week|month|year, offset: int}"
            if v["unit"] not in PERIOD_UNITS:
                return f"unit {v['unit']!r} not in {sorted(PERIOD_UNITS)}"
            if not isinstance(v["offset"], int) or isinstance(v["offset"], bool):
                return "offset must be an integer"
            return None
        counts["relative_periods"] = check_mapping_values("relative_periods", data["relative_periods"], rep, period)
    if "numbers" in data:
        counts["numbers"] = check_mapping_values("numbers", data["numbers"], rep, int_in(1, 10**9))
        if isinstance(data["numbers"], dict):
            have = set(data["numbers"].values())
            needed = set(range(1, 20)) | set(range(20, 100, 10)) | {100, 200, 1000}
            if needed - have:
                rep.error(f"lexicon.numbers: no word for {sorted(needed - have)}")
    if "dual_nouns" in data:
        counts["dual_nouns"] = check_mapping_values(
            "dual_nouns", data["dual_nouns"], rep, lambda v: None if v == 2 else "value must be 2")
    for name in LISTS + OPTIONAL_LISTS:
        if name in data:
            counts[name] = check_list(name, data[name], rep)
    if "attribution" in data:
        att = data["attribution"]
        if not isinstance(att, dict) or set(att) != {"verbs", "preps", "nouns", "speakers", "fillers"}:
            rep.error("lexicon.attribution: must have exactly verbs, preps, nouns, speakers, fillers")
        else:
            counts["attribution"] = {k: check_list(f"attribution.{k}", att[k], rep) for k in att}
    if "victim_groups" in data:
        def group(v):
            if not isinstance(v, dict) or set(v) != {"group", "type"}:
                return "must be {group: label, type: ...}"
            if not isinstance(v["group"], str) or not v["group"].strip():
                return "group must be a non-empty label"
            if v["type"] not in VICTIM_TYPES:
                return f"type {v['type']!r} not in {sorted(VICTIM_TYPES)}"
            return None
        counts["victim_groups"] = check_mapping_values("victim_groups", data["victim_groups"], rep, group)
        if isinstance(data["victim_groups"], dict):
            counts["victim_groups by type"] = dict(sorted(Counter(
                v.get("type") for v in data["victim_groups"].values() if isinstance(v, dict)).items()))
    for name, keys in (("org_heads", ("armed", "org")),
                       ("place_heads", ("settlement", "feature", "region")),
                       ("directions", DIRECTIONS)):
        if name not in data:
            continue
        val = data[name]
        if not isinstance(val, dict):
            rep.error(f"lexicon.{name}: must be a mapping of lists")
            continue
        for k in keys:
            if k not in val:
                rep.error(f"lexicon.{name}: group {k!r} missing")
        counts[name] = {k: check_list(f"{name}.{k}", v, rep) for k, v in val.items()}
    if "anaphors" in data:
        def types(v):
            if not isinstance(v, list) or not [t for t in v if t != "named"] \
                    or any(t not in ENTITY_TYPES and t != "named" for t in v):
                return f"must be a non-empty list of {list(ENTITY_TYPES)} (plus the marker 'named')"
            return None
        counts["anaphors"] = check_mapping_values("anaphors", data["anaphors"], rep, types)
    # cross-checks
    if isinstance(data.get("dual_nouns"), dict) and isinstance(data.get("victim_groups"), dict):
        vg = {norm(k) for k in data["victim_groups"]}
        dn = {norm(k) for k in data.get("death_nouns") or []} | {norm(k) for k in data.get("injury_nouns") or []}
        for k in data["dual_nouns"]:
            if norm(k) not in vg and norm(k) not in dn:
                rep.note(f"dual_nouns: {k!r} is neither a victim group nor a casualty noun")
    neg = {norm(w) for w in data.get("negation") or []}
    for w in data.get("negation_ambiguous") or []:
        if norm(w) in neg:
            rep.error(f"lexicon: {w!r} is both in negation and negation_ambiguous")
    mod = {norm(w) for w in data.get("modality") or []}
    for w in data.get("modality_ambiguous") or []:
        if norm(w) in mod:
            rep.error(f"lexicon: {w!r} is both in modality and modality_ambiguous")
    return counts


def cross_check(tstats: dict, lex, rep: Report) -> None:
    if not tstats or not isinstance(lex, dict):
        return
    forms = tstats.get("forms", set())
    weapons = {norm(w) for w in lex.get("weapons") or []}
    deaths = {norm(w) for w in lex.get("death_nouns") or []}
    self_support = sorted(f for f in forms if f in weapons or f in deaths)
    if self_support:
        rep.note(f"{len(self_support)} trigger forms are also weapon/death words, so they satisfy "
                 f"their own 'weak' condition unless the trigger tokens are excluded: "
                 f"{', '.join(self_support[:12])}{' ...' if len(self_support) > 12 else ''}")


def loader_check(rep: Report) -> None:
    """Load the files through the project's own loader, when it is importable."""
    try:
        from graph import lexicon as glex
    except Exception as e:   # the loader is optional for this check
        rep.note(f"graph.lexicon not importable ({type(e).__name__}: {e}); loader check skipped")
        return
    try:
        glex.load.cache_clear()
        lx = glex.load()
    except Exception as e:
        rep.error(f"graph.lexicon.load() failed: {type(e).__name__}: {e}")
        return
    # smoke test: a few everyday sentences (written for this check) must match as expected
    from graph.normalize import norm as gnorm
    samples = [
        ("وشنت طائرات حربية غارات على البلدة", "airstrike"),
        ("واندلعت اشتباكات عنيفة بين الطرفين", "armed_clash"),
        ("ولقي ثلاثة مدنيين حتفهم", "killing"),
        ("وأعلنت الحركة وقف إطلاق النار", "operation_suspension"),
        ("ألقت قوات الأمن القبض على المتهم", "arrest"),
        ("انفجرت عبوة ناسفة بدورية", "bombing"),
    ]
    for text, want in samples:
        toks = gnorm(text).split()
        got = set()
        for i in range(len(toks)):
            for _, _, spec in lx.triggers.match(toks, i, enclitics=True):
                got.add(spec.type)
        if want not in got:
            rep.warn(f"loader smoke test: {text!r} gave {sorted(got)}, expected {want!r}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--notes", action="store_true", help="print matcher notes too")
    ap.add_argument("--data", type=Path, default=DATA, help="folder with the two YAML files")
    args = ap.parse_args(argv)
    rep = Report()
    tdata = load(args.data / "triggers.yaml", rep)
    ldata = load(args.data / "lexicon.yaml", rep)
    tstats = check_triggers(tdata, rep) if tdata is not None else {}
    lcounts = check_lexicon(ldata, rep) if ldata is not None else {}
    cross_check(tstats, ldata, rep)
    if not rep.errors and args.data == DATA:
        loader_check(rep)

    if tstats:
        print(f"triggers.yaml: {tstats['total']} triggers, "
              f"{sum(tstats['per_type_weak'].values())} weak, {tstats['tolls']} toll")
        for typ in EVENT_TYPES:
            print(f"  {typ:22s} {tstats['per_type'][typ]:4d}  (weak {tstats['per_type_weak'][typ]})")
        print("  by pos: " + ", ".join(f"{p} {c}" for p, c in sorted(tstats["per_pos"].items(), key=str)))
    if lcounts:
        print("lexicon.yaml:")
        for k, v in lcounts.items():
            if isinstance(v, dict):
                v = ", ".join(f"{a} {b}" for a, b in v.items())
            print(f"  {k:22s} {v}")
    if args.notes and rep.notes:
        print(f"\nnotes ({len(rep.notes)}):")
        for n in rep.notes:
            print("  - " + n)
    elif rep.notes:
        print(f"\n{len(rep.notes)} matcher notes (show with --notes)")
    if rep.warnings:
        print(f"\nwarnings ({len(rep.warnings)}):")
        for w in rep.warnings:
            print("  - " + w)
    if rep.errors:
        print(f"\nERRORS ({len(rep.errors)}):", file=sys.stderr)
        for e in rep.errors:
            print("  - " + e, file=sys.stderr)
        return 1
    print("\nOK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
