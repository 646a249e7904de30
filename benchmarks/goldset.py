"""What the hand-annotated gold sets (devset/, devset2/, heldout/) share: rebuilding their
SaudiNewsNet documents from ../shared and validating a gold file against the rebuilt texts.

Each set keeps a make_texts.py (its document list) and a check_gold.py (its gold file) that call
these functions.

Rebuilding: the .txt is exactly the article's `text` field, published = the article's
`published`; OUTDIR/meta.jsonl holds one {"id", "published", "text"} object per document for
`athar extract OUTDIR/meta.jsonl --format jsonl`.

Validation (check_gold.py TEXT_DIR [--gold GOLD.json] [--perfect OUT.jsonl]):
TEXT_DIR is the output directory of make_texts.py. Checks (errors make the exit status 1):
  - ids unique; every referenced entity/event id exists; entity and event types valid;
  - every gold document has exactly one text file (matched by stem, as score.py does);
  - every entity has at least one whole-word alias occurrence in each document it lists, and
    every alias occurs in at least one of its documents (whole-word rule of score.py);
  - every event: doc known, evidence found verbatim in the text, trigger_ar inside the evidence,
    agents/targets/reported_by/location are entities listed for that document, date format and
    precision/basis values valid, same_as symmetric and within the document;
  - every relation: ids exist, evidence found in its document.
--perfect writes the gold as a prediction in the `athar extract --format jsonl` contract (all
alias occurrences as mentions, triggers located inside their evidence) for a score.py sanity run.
"""
import gzip
import hashlib
import json
import re
import sys
from pathlib import Path

ENTITY_TYPES = {"Person", "Organization", "ArmedGroup", "Government", "MilitaryForce", "Country", "Location"}
EVENT_TYPES = {"airstrike", "execution", "killing", "assassination", "abduction", "ambush", "bombing", "raid",
               "arrest", "armed_clash", "shelling", "military_campaign", "threat", "deployment",
               "operation_suspension", "other"}
PRECISIONS = {"day", "month", "year", "range", "unknown"}
BASES = {"explicit", "relative-to-publication", "inferred", "publication"}
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

# same whole-word rule as ../shared/eval/score.py
ARABIC_LETTER = re.compile(r"[\u0621-\u063A\u0641-\u064A\u0671-\u06D3]")
CLITICS = {"", "و", "ف", "ب", "ل", "ك", "س", "وب", "ول", "وك", "وس", "فب", "فل", "فك"}
PREFIXES = CLITICS | {c + "ال" for c in CLITICS}


def whole_word(text, alias, start, end):
    ws = start
    while ws > 0 and ARABIC_LETTER.match(text[ws - 1]):
        ws -= 1
    prefix = text[ws:start]
    if prefix not in (CLITICS if alias.startswith("ال") else PREFIXES):
        return False
    return not (end < len(text) and ARABIC_LETTER.match(text[end]) and ARABIC_LETTER.match(alias[-1]))


def occurrences(text, alias):
    return [(m.start(), m.end()) for m in re.finditer(re.escape(alias), text)
            if whole_word(text, alias, m.start(), m.end())]


def check_main(default_gold: Path, usage: str):
    """Command line of every gold set's check_gold.py (see its docstring)."""
    args = [a for a in sys.argv[1:]]
    if not args or args[0].startswith("--"):
        raise SystemExit(usage)
    text_dir = Path(args[0])
    gold_path = default_gold
    perfect = None
    if "--gold" in args:
        gold_path = Path(args[args.index("--gold") + 1])
    if "--perfect" in args:
        perfect = Path(args[args.index("--perfect") + 1])
    gold = json.load(open(gold_path, encoding="utf-8"))
    errors, warnings = [], []

    files = {p.stem: p for p in text_dir.glob("*.txt")}
    texts = {}
    doc_ids = [d["doc"] for d in gold["documents"]]
    if len(set(doc_ids)) != len(doc_ids):
        errors.append("duplicate document ids")
    for d in doc_ids:
        match = [s for s in files if s == d or s.startswith(d + "_")]
        if len(match) != 1:
            errors.append(f"document {d}: {len(match)} text files in {text_dir}")
        else:
            texts[d] = files[match[0]].read_text(encoding="utf-8")

    ents = {}
    for e in gold["entities"]:
        if e["id"] in ents:
            errors.append(f"duplicate entity id {e['id']}")
        ents[e["id"]] = e
        if e["type"] not in ENTITY_TYPES:
            errors.append(f"{e['id']}: bad type {e['type']}")
        if not e.get("aliases_ar"):
            errors.append(f"{e['id']}: no aliases")
        if e.get("wikidata") is not None and not re.match(r"^Q\d+$", str(e["wikidata"])):
            errors.append(f"{e['id']}: bad wikidata {e['wikidata']}")
        alias_hits = {a: 0 for a in e["aliases_ar"]}
        for d in e.get("docs", []):
            if d not in texts:
                errors.append(f"{e['id']}: unknown doc {d}")
                continue
            n = 0
            for a in e["aliases_ar"]:
                k = len(occurrences(texts[d], a))
                alias_hits[a] += k
                n += k
            if n == 0:
                errors.append(f"{e['id']} ({e['canonical_en']}): no alias occurs in its doc {d}")
        for a, k in alias_hits.items():
            if k == 0:
                errors.append(f"{e['id']} ({e['canonical_en']}): alias {a!r} occurs in none of its docs")

    evs = {}
    for v in gold["events"]:
        vid = v["id"]
        if vid in evs:
            errors.append(f"duplicate event id {vid}")
        evs[vid] = v
    for vid, v in evs.items():
        d = v["doc"]
        if d not in texts:
            errors.append(f"{vid}: unknown doc {d}")
            continue
        if v["type"] not in EVENT_TYPES:
            errors.append(f"{vid}: bad type {v['type']}")
        ev = v.get("evidence") or ""
        if not ev or texts[d].find(ev) < 0:
            errors.append(f"{vid}: evidence not found in {d}: {ev[:60]!r}")
        elif v.get("trigger_ar") and v["trigger_ar"] not in ev:
            errors.append(f"{vid}: trigger {v['trigger_ar']!r} not inside its evidence")
        for role in ("agents", "targets", "reported_by"):
            for x in v.get(role) or []:
                if x not in ents:
                    errors.append(f"{vid}: {role} {x} unknown")
                elif d not in ents[x].get("docs", []):
                    errors.append(f"{vid}: {role} {x} not listed for {d}")
        loc = v.get("location")
        if loc is not None:
            if loc not in ents:
                errors.append(f"{vid}: location {loc} unknown")
            elif d not in ents[loc].get("docs", []):
                errors.append(f"{vid}: location {loc} not listed for {d}")
        if v.get("date") is not None and not DATE_RE.match(str(v["date"])):
            errors.append(f"{vid}: bad date {v['date']}")
        if v.get("date_end") is not None and not DATE_RE.match(str(v["date_end"])):
            errors.append(f"{vid}: bad date_end {v['date_end']}")
        if v.get("date_precision") not in PRECISIONS:
            errors.append(f"{vid}: bad date_precision {v.get('date_precision')}")
        if v.get("date_basis") not in BASES:
            errors.append(f"{vid}: bad date_basis {v.get('date_basis')}")
        if v.get("date_basis") == "explicit" and not v.get("date"):
            errors.append(f"{vid}: explicit date_basis without a date")
        if v.get("fatalities") is not None and not isinstance(v["fatalities"], int):
            errors.append(f"{vid}: fatalities not an int")
        for o in v.get("same_as") or []:
            if o not in evs:
                errors.append(f"{vid}: same_as {o} unknown")
            elif evs[o]["doc"] != d:
                errors.append(f"{vid}: same_as {o} in another doc")
            elif vid not in (evs[o].get("same_as") or []):
                errors.append(f"{vid}: same_as {o} not symmetric")

    for i, r in enumerate(gold.get("relations", [])):
        for k in ("subj", "obj"):
            if r[k] not in ents:
                errors.append(f"relation {i}: {k} {r[k]} unknown")
        if r["doc"] not in texts:
            errors.append(f"relation {i}: unknown doc {r['doc']}")
        elif r.get("evidence") and r["evidence"] not in texts[r["doc"]]:
            errors.append(f"relation {i}: evidence not found in {r['doc']}")

    # informational: alias occurrences of an entity in a document it does not list that are not
    # covered by any gold mention of that document (possible missed document for the entity)
    spans = {}
    for e in gold["entities"]:
        for d in e.get("docs", []):
            if d in texts:
                spans.setdefault(d, []).extend(s for a in set(e["aliases_ar"]) for s in occurrences(texts[d], a))
    for e in gold["entities"]:
        for d, t in texts.items():
            if d in e.get("docs", []):
                continue
            for a in e["aliases_ar"]:
                for s, x in occurrences(t, a):
                    if not any(s < y and g < x for g, y in spans.get(d, [])):
                        warnings.append(f"{e['id']} alias {a!r} occurs in {d} (not listed; uncovered): "
                                        f"...{t[max(0, s - 25):x + 25]}...")

    n_mentions = 0
    per_doc = {}
    for e in gold["entities"]:
        for d in e.get("docs", []):
            if d in texts:
                k = sum(len(occurrences(texts[d], a)) for a in set(e["aliases_ar"]))
                n_mentions += k
                per_doc[d] = per_doc.get(d, 0) + k
    print(f"gold: {len(doc_ids)} documents, {len(ents)} entities, {n_mentions} alias mentions, "
          f"{len(evs)} events, {len(gold.get('relations', []))} relations")
    for w in warnings:
        print("warning:", w)
    for e in errors:
        print("ERROR:", e)
    print("OK" if not errors else f"{len(errors)} error(s)")

    if perfect:
        with open(perfect, "w", encoding="utf-8") as out:
            for d in doc_ids:
                t = texts[d]
                ents_out = []
                for e in gold["entities"]:
                    if d not in e.get("docs", []):
                        continue
                    spans = sorted({s for a in set(e["aliases_ar"]) for s in occurrences(t, a)})
                    ents_out.append({"id": e["id"], "type": e["type"],
                                     "mentions": [{"start": s, "end": x, "text": t[s:x]} for s, x in spans]})
                evs_out = []
                for v in gold["events"]:
                    if v["doc"] != d:
                        continue
                    gs = t.find(v["evidence"])
                    ts = t.find(v["trigger_ar"], gs)
                    evs_out.append({"id": v["id"], "type": v["type"],
                                    "trigger": {"start": ts, "end": ts + len(v["trigger_ar"]), "text": v["trigger_ar"]},
                                    "agents": v["agents"], "targets": v["targets"], "location": v["location"],
                                    "date": v["date"], "fatalities": v["fatalities"], "reported_by": v["reported_by"]})
                out.write(json.dumps({"doc": d, "entities": ents_out, "events": evs_out}, ensure_ascii=False) + "\n")
        print(f"perfect prediction written to {perfect}")
    sys.exit(1 if errors else 0)



SNN = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "saudinewsnet-2015" / "articles.jsonl.gz"


def snn_documents(ids: list[str]) -> list[dict]:
    """The SaudiNewsNet articles ``ids`` as {"id", "published", "text"}, in that order."""
    wanted = set(ids)
    found = {}
    with gzip.open(SNN, "rt", encoding="utf-8") as fh:
        for line in fh:
            a = json.loads(line)
            if a["id"] in wanted:
                found[a["id"]] = a
    missing = wanted - set(found)
    if missing:
        raise SystemExit(f"articles not found in {SNN}: {sorted(missing)}")
    return [{"id": i, "published": found[i]["published"], "text": found[i]["text"]} for i in ids]


def write_documents(docs: list[dict], usage: str) -> None:
    """make_texts.py's command line: write OUTDIR/<id>.txt and OUTDIR/meta.jsonl."""
    if len(sys.argv) != 2:
        raise SystemExit(usage)
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "meta.jsonl", "w", encoding="utf-8") as meta:
        for d in docs:
            (out / f"{d['id']}.txt").write_text(d["text"], encoding="utf-8")
            meta.write(json.dumps(d, ensure_ascii=False) + "\n")
    digest = hashlib.sha256("".join(d["text"] for d in docs).encode("utf-8")).hexdigest()[:16]
    print(f"wrote {len(docs)} documents to {out} (texts sha256/16 {digest})")


# --------------------------------------------------------------------------- seeded selection
# The procedure that drew the documents of devset3, devset4 and devset5 (each set's
# select_docs.py calls it with its seed and the sets it must not overlap).

INCIDENT = re.compile(r"قتل|مقتل|قتلى|قتيل|غارة|غارات|قصف|هجوم|اشتباك|تفجير|انفجار|انتحاري|إعدام|أعدم|يعدم|خطف|يخطف|"
                      r"اختطاف|كمين|اغتيال|معارك|استهداف|عبوة|مفخخ|اعتقال|أسر|تحرير|يحرر|سيطر|تقتل|تصد|صد ")
REGIONS = {
    "syr_irq": r"سوري|العراق|داعش|الرمادي|الموصل|الأنبار|حلب|دمشق|الرقة|درعا|إدلب|البيشمركة|الفلوجة|بيجي|تكريت|ديالى|"
               r"كركوك|الحسكة|حمص|الزبداني",
    "yemen": r"اليمن|الحوثي|عدن|تعز|صنعاء|مأرب|جازان|نجران|الضالع|لحج|أبين|شبوة|الحديدة|صالح",
    "other": r"سيناء|العريش|ليبي|بنغازي|درنة|سرت|أفغان|طالبان|كابول|الصومال|مقديشو|الشباب|نيجيري|بوكو حرام|"
             r"العمال الكردستاني|غزة|الضفة|الاحتلال|لبنان|عرسال|حزب الله|مالي|تونس|السودان|دارفور|باكستان|الإسرائيلي",
}
WAR = re.compile(r"الحرب|داعش|الحوثي|عسكري|الإرهاب|المسلحة|الميليشيا|مليشيا|التحالف|المعارضة|النظام السوري|القتال|العمليات")


def seeded_pools(seed: int, excluded_sets: tuple[str, ...]) -> tuple[dict, dict]:
    """Candidate SaudiNewsNet articles by pool (syr_irq, yemen, other, noinc), each pool sorted by
    id and shuffled with ``random.Random(seed)``; and each candidate's (source, published, length,
    title). Candidates have an odd id, at most 1,600 characters, and are in none of the gold sets
    named in ``excluded_sets``. A candidate goes to the region whose keywords occur most often in
    title + text (at least 2 hits): to that region's pool when its title has an incident keyword,
    to "noinc" when it has none but the text has at least 4 war-vocabulary hits."""
    import random
    here = Path(__file__).resolve().parent
    excluded = set()
    for s in excluded_sets:
        with open(here / s / "gold.json", encoding="utf-8") as f:
            excluded |= {d["doc"] for d in json.load(f)["documents"]}
    out = {k: [] for k in list(REGIONS) + ["noinc"]}
    meta = {}
    with gzip.open(SNN, "rt", encoding="utf-8") as fh:
        for line in fh:
            a = json.loads(line)
            if int(a["id"][3:]) % 2 == 0 or a["id"] in excluded or len(a["text"]) > 1600:
                continue
            t = a["title"] + " " + a["text"]
            score = {k: len(re.findall(v, t)) for k, v in REGIONS.items()}
            region = max(score, key=score.get)
            if score[region] < 2:
                continue
            if INCIDENT.search(a["title"]):
                out[region].append(a["id"])
            elif len(WAR.findall(a["text"])) >= 4:
                out["noinc"].append(a["id"])
            else:
                continue
            meta[a["id"]] = (a["source"], a["published"], len(a["text"]), a["title"])
    for ids in out.values():
        ids.sort()
        random.Random(seed).shuffle(ids)
    return out, meta


def print_pools(seed: int, excluded_sets: tuple[str, ...]) -> None:
    """``select_docs.py [N]``: the first N candidates of every seeded pool."""
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    out, meta = seeded_pools(seed, excluded_sets)
    for k, ids in out.items():
        print(f"===== {k} ({len(ids)} candidates)")
        for i in ids[:n]:
            src, pub, ln, title = meta[i]
            print(i, src, pub, ln, title[:90])
