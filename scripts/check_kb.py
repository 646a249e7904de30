#!/usr/bin/env python3
"""Check an Athar actor knowledge-base file (default: graph/data/actors.yaml).

Usage:
    python scripts/check_kb.py [FILE ...] [--list-dated]

Loads each file with PyYAML and checks the rules documented in docs/kb.md:

* every entry is a mapping with a unique lowercase-ascii ``id`` and a known ``type``;
* ``label_ar`` and a non-empty ``aliases_ar`` list are present;
* ``wikidata`` is null or matches ``^Q[1-9][0-9]*$``;
* ``part_of`` / ``member_of`` / ``leader_of`` refer to ids that exist (no self-reference,
  no ``part_of`` cycles; ``leader_of`` only on a Person);
* dates are ISO (YYYY-MM-DD) and every ``from`` is before its ``to``;
* an Arabic alias is neither a bare generic word (الجيش, القوات, التنظيم ...) nor written with a
  proclitic (وال..., بال..., لل...), and contains no Latin letters;
* no normalised alias is shared by two entries in overlapping validity periods.
  Normalisation: tashkeel/tatweel removed, أ إ آ ٱ -> ا, ى -> ي, ة -> ه (as graph/normalize.py).
  ``label_ar`` counts as an alias valid at all dates, because graph/kb.py indexes it that way.

Prints the number of entries per type and exits with status 1 if any error was found.
Warnings (English-alias clashes, duplicate aliases inside one entry) do not fail the check.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from graph.normalize import norm as _norm  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT / "graph" / "data" / "actors.yaml"

TYPES = ("Person", "Organization", "ArmedGroup", "Government", "MilitaryForce", "Country", "Location")
KEYS = {"id", "type", "label_ar", "label_en", "wikidata", "aliases_ar", "aliases_en", "part_of",
        "member_of", "leader_of", "country", "valid_from", "valid_to", "note"}
ALIAS_KEYS = {"text", "from", "to", "countries"}
ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
QID_RE = re.compile(r"^Q[1-9][0-9]*$")
CC_RE = re.compile(r"^[A-Z]{2}$")
LATIN_RE = re.compile(r"[A-Za-z]")
PROCLITIC_RE = re.compile(r"^(?:[وف]?(?:بال|لل)|[وف]ال|كال)")
# Words that look like proclitic + article but are names (normalised): فالح = Falih.
PROCLITIC_OK = {"فالح", "والي", "كالين", "بالي"}

# Bare words that are never aliases on their own: generic nouns and anaphors (coreference
# resolves them), written in normalised form. "النظام" is deliberately NOT here: it is a
# date-dependent alias of the Syrian government.
GENERIC = {
    "الدوله", "الجيش", "القوات", "الحكومه", "التنظيم", "الجماعه", "الحركه", "الفصائل", "الفصيل",
    "الميليشيات", "المليشيات", "الميليشيا", "المليشيا", "المعارضه", "السلطات", "الاداره", "الهيئه",
    "الوزاره", "الرئيس", "الامن", "المقاومه", "الاحتلال", "الحشد", "القاعده", "الجبهه", "التحالف",
    "الكتائب", "الكتيبه", "اللواء", "الفرقه", "الفيلق", "الشرطه", "المخابرات", "الاستخبارات",
    "الحزب", "المجلس", "المنظمه", "الوكاله", "المرصد", "الشبكه", "النصره", "الجزيره", "العربيه",
    "الشرق الاوسط", "الرئاسه", "الوزير", "الناطق", "المتحدث", "القائد", "الزعيم", "الامير",
    "المسلحون", "المسلحين", "الارهابيون", "الارهابيين", "العناصر", "المقاتلون", "المقاتلين",
    "البرلمان", "القيادة", "القياده", "الخارجيه", "الداخليه", "الدفاع", "الائتلاف", "الاتحاد",
}

def norm(s: str) -> str:
    """Matching form of an alias: the project's normalisation, spaces collapsed."""
    return " ".join(_norm(s).split())


def as_date(value) -> date | None:
    """A date from a YAML value (date object or ISO string); None for null; raises ValueError."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def overlap(a: tuple[date | None, date | None], b: tuple[date | None, date | None]) -> bool:
    """Do the half-open periods [from, to) overlap? None means unbounded."""
    a0, a1 = a
    b0, b1 = b
    return (a1 is None or b0 is None or b0 < a1) and (b1 is None or a0 is None or a0 < b1)


def fmt(period: tuple[date | None, date | None]) -> str:
    f, t = period
    return f"[{f or '...'}, {t or '...'})"


class Report:
    def __init__(self) -> None:
        self.errors: list[str] = []
        self.warnings: list[str] = []

    def error(self, msg: str) -> None:
        self.errors.append(msg)

    def warn(self, msg: str) -> None:
        self.warnings.append(msg)


def check(entries, path: Path, rep: Report, list_dated: bool = False) -> dict:
    stats = {"types": Counter(), "qids": 0, "aliases": 0, "dated": 0, "entries": 0}
    if not isinstance(entries, list):
        rep.error(f"{path}: expected a YAML list of entries, got {type(entries).__name__}")
        return stats
    ids: dict[str, int] = {}
    good: list[dict] = []
    for n, e in enumerate(entries, 1):
        where = f"entry {n}"
        if not isinstance(e, dict):
            rep.error(f"{where}: not a mapping")
            continue
        eid = e.get("id")
        if not isinstance(eid, str) or not ID_RE.match(eid):
            rep.error(f"{where}: id {eid!r} must match [a-z0-9][a-z0-9-]*")
            continue
        where = f"entry {n} ({eid})"
        if eid in ids:
            rep.error(f"{where}: duplicate id (first at entry {ids[eid]})")
            continue
        ids[eid] = n
        for k in sorted(set(e) - KEYS):
            rep.error(f"{where}: unknown key {k!r}")
        if e.get("type") not in TYPES:
            rep.error(f"{where}: type {e.get('type')!r} not one of {', '.join(TYPES)}")
        label = e.get("label_ar")
        if not isinstance(label, str) or not label.strip():
            rep.error(f"{where}: label_ar is required")
        if e.get("label_en") is not None and not isinstance(e.get("label_en"), str):
            rep.error(f"{where}: label_en must be a string or null")
        qid = e.get("wikidata")
        if qid is not None and not (isinstance(qid, str) and QID_RE.match(qid)):
            rep.error(f"{where}: wikidata {qid!r} must be null or match ^Q[1-9][0-9]*$")
        cc = e.get("country")
        if cc is not None and not (isinstance(cc, str) and CC_RE.match(cc)):
            rep.error(f"{where}: country {cc!r} must be an ISO 3166-1 alpha-2 code or null")
        try:
            vf, vt = as_date(e.get("valid_from")), as_date(e.get("valid_to"))
            if vf and vt and not vf < vt:
                rep.error(f"{where}: valid_from {vf} is not before valid_to {vt}")
        except (TypeError, ValueError):
            rep.error(f"{where}: valid_from/valid_to must be ISO dates (YYYY-MM-DD)")
        en = e.get("aliases_en")
        if en is not None and not (isinstance(en, list) and all(isinstance(x, str) and x.strip() for x in en)):
            rep.error(f"{where}: aliases_en must be a list of strings")
        note = e.get("note")
        if note is not None and not isinstance(note, str):
            rep.error(f"{where}: note must be a string")

        aliases = []   # (text, from, to)
        raw_aliases = e.get("aliases_ar")
        if not isinstance(raw_aliases, list) or not raw_aliases:
            rep.error(f"{where}: aliases_ar must be a non-empty list")
            raw_aliases = []
        for raw in raw_aliases:
            countries: tuple = ()
            if isinstance(raw, str):
                text, f, t = raw, None, None
            elif isinstance(raw, dict) and isinstance(raw.get("text"), str):
                for k in sorted(set(raw) - ALIAS_KEYS):
                    rep.error(f"{where}: alias {raw.get('text')!r} has unknown key {k!r}")
                text = raw["text"]
                try:
                    f, t = as_date(raw.get("from")), as_date(raw.get("to"))
                except (TypeError, ValueError):
                    rep.error(f"{where}: alias {text!r}: from/to must be ISO dates")
                    continue
                countries = tuple(raw.get("countries") or ())
                if not all(isinstance(c, str) and re.fullmatch(r"[A-Z]{2}", c) for c in countries):
                    rep.error(f"{where}: alias {text!r}: countries must be ISO 3166 codes")
                if f is None and t is None and not countries:
                    rep.warn(f"{where}: alias {text!r} is a mapping without from/to (write it as a string)")
                if f and t and not f < t:
                    rep.error(f"{where}: alias {text!r}: from {f} is not before to {t}")
            else:
                rep.error(f"{where}: alias {raw!r} must be a string or a mapping {{text, from, to}}")
                continue
            n_text = norm(text)
            if not n_text:
                rep.error(f"{where}: empty alias")
                continue
            if LATIN_RE.search(text):
                rep.error(f"{where}: Arabic alias {text!r} contains Latin letters (put it in aliases_en)")
            if n_text in GENERIC:
                rep.error(f"{where}: alias {text!r} is a bare generic word")
            if PROCLITIC_RE.match(n_text) and n_text.split()[0] not in PROCLITIC_OK:
                rep.error(f"{where}: alias {text!r} seems to carry a proclitic (write the bare form)")
            aliases.append((text, f, t, countries))
            if f or t:
                stats["dated"] += 1
                if list_dated:
                    print(f"  dated  {eid:32s} {text}  {fmt((f, t))}")
        stats["aliases"] += len(aliases)
        stats["entries"] += 1
        stats["types"][e.get("type")] += 1
        if qid:
            stats["qids"] += 1
        good.append({"id": eid, "entry": e, "aliases": aliases, "label": label if isinstance(label, str) else None,
                     "where": where})

    # relations
    for g in good:
        e, eid, where = g["entry"], g["id"], g["where"]
        for rel in ("part_of", "member_of", "leader_of"):
            other = e.get(rel)
            if other is None:
                continue
            if not isinstance(other, str) or other not in ids:
                rep.error(f"{where}: {rel} refers to unknown id {other!r}")
            elif other == eid:
                rep.error(f"{where}: {rel} refers to itself")
        if e.get("leader_of") is not None and e.get("type") != "Person":
            rep.error(f"{where}: leader_of is only for Person entries")
    parent = {g["id"]: g["entry"].get("part_of") for g in good}
    for start in parent:
        seen, cur = set(), start
        while cur is not None and cur in parent:
            if cur in seen:
                rep.error(f"entry {start}: part_of chain has a cycle")
                break
            seen.add(cur)
            cur = parent[cur]

    # alias conflicts (normalised text, overlapping periods, different entries)
    by_text: dict[str, list[tuple[str, str, tuple]]] = defaultdict(list)
    for g in good:
        own = []
        for text, f, t, cc in g["aliases"]:
            own.append((norm(text), text, (f, t), cc))
        if g["label"]:
            own.append((norm(g["label"]), g["label"], (None, None), ()))
        for i, (n1, t1, p1, _) in enumerate(own):
            for n2, t2, p2, _ in own[:i]:
                if n1 == n2 and overlap(p1, p2) and not (i == len(own) - 1 and g["label"]):
                    rep.warn(f"{g['where']}: alias {t1!r} {fmt(p1)} repeats {t2!r} {fmt(p2)}")
        for n_text, text, period, cc in own:
            by_text[n_text].append((g["id"], text, period, cc))
    for n_text, uses in sorted(by_text.items()):
        for i, (id1, t1, p1, c1) in enumerate(uses):
            for id2, t2, p2, c2 in uses[:i]:
                # a country-scoped alias may share its text with an alias for other countries
                same_scope = set(c1) & set(c2) if c1 and c2 else not (c1 or c2)
                if id1 != id2 and overlap(p1, p2) and same_scope:
                    rep.error(f"alias conflict: {t1!r} {fmt(p1)} in {id1} and {t2!r} {fmt(p2)} in {id2}")

    # English aliases: only a warning (the Arabic matcher does not use them)
    en_by: dict[str, set[str]] = defaultdict(set)
    for g in good:
        for x in g["entry"].get("aliases_en") or []:
            if isinstance(x, str):
                en_by[x.casefold().strip()].add(g["id"])
    for x, owners in sorted(en_by.items()):
        if len(owners) > 1:
            rep.warn(f"English alias {x!r} shared by {', '.join(sorted(owners))}")
    return stats


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="*", type=Path, default=[DEFAULT], help="KB YAML files (default: the built-in KB)")
    ap.add_argument("--list-dated", action="store_true", help="print every date-dependent alias")
    ap.add_argument("-q", "--quiet", action="store_true", help="do not print warnings")
    args = ap.parse_args(argv)
    failed = False
    for path in args.files:
        rep = Report()
        try:
            entries = yaml.safe_load(path.read_text(encoding="utf-8"))
        except OSError as e:
            print(f"{path}: cannot read: {e}", file=sys.stderr)
            failed = True
            continue
        except yaml.YAMLError as e:
            print(f"{path}: invalid YAML: {e}", file=sys.stderr)
            failed = True
            continue
        stats = check(entries, path, rep, args.list_dated)
        print(f"{path}: {stats['entries']} entries, {stats['aliases']} Arabic aliases "
              f"({stats['dated']} date-dependent), {stats['qids']} with a Wikidata QID")
        for t in TYPES:
            print(f"  {t:14s} {stats['types'].get(t, 0):4d}")
        if not args.quiet:
            for w in rep.warnings:
                print(f"WARNING: {w}")
        for err in rep.errors:
            print(f"ERROR: {err}")
        print(f"{len(rep.errors)} error(s), {len(rep.warnings)} warning(s)")
        failed = failed or bool(rep.errors)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
