#!/usr/bin/env python
"""Train Athar's CRF named-entity tagger (graph/data/ner.crfsuite).

    .venv/bin/python scripts/train_ner.py            # lexicon + c1/c2 search + final model
    .venv/bin/python scripts/train_ner.py --no-search --c1 0.1 --c2 0.05

Steps (deterministic):
1. Split ANERcorp train: the first 90% of sentences train, the LAST 10% are the dev set, which
   this script never reads beyond splitting it off (benchmarks/ner_eval.py evaluates on it).
2. Build ``graph/data/ner_lexicon.tsv``: B-LOC/I-LOC token membership from the Arabic names in
   shared/data/gazetteer (OpenSyria name.ar + Arabic aliases; GeoNames Arabic-letter names),
   plus the entity tags each token carried in the training 90% (``T...``; never the dev 10%).
   While fitting, the corpus part is jackknifed (5 folds: each fold sees the names of the
   other four), so the model learns how far a remembered name can be trusted.
3. Choose c1/c2 by a small grid on an inner split of the training 90% (its first 80% fit, its
   last 20% score; overlap micro F1 over PERS/LOC/ORG at the shipped O threshold; also prints
   the other thresholds). Two grid points run at a time (--jobs).
4. Fit the final model (lbfgs, possible transitions) on the whole training 90% and write it.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.ner import (  # noqa: E402
    DEFAULT_O_THRESHOLD, Tagger, _Featurizer, bio_spans, dev_split, load_lexicon, normalize_token,
    read_conll,
)

DEFAULT_DATA = Path(os.environ.get("ATHAR_SHARED", ROOT.parent / "shared")) / "data"
ARABIC_ONLY = re.compile("^[\u0621-\u063a\u0641-\u064a ]+$")
# leading generic words of an alias ("محافظة حماة", "ناحية مركز الحسكة"): cues, not name parts
GENERIC = {normalize_token(w) for w in
           "محافظة منطقة ناحية مركز مدينة قضاء بلدة قرية مخيم حي مدينه".split()}
GRID = [(0.05, 0.01), (0.1, 0.05), (0.2, 0.05), (0.1, 0.2)]
THRESHOLDS = (None, 0.5, 0.6, 0.7, 0.8)


# ------------------------------------------------------------------------------------------
# lexicon
# ------------------------------------------------------------------------------------------
def gazetteer_names(gaz_dir: Path) -> list[str]:
    names: list[str] = []
    osy = gaz_dir / "opensyria"
    for fn in ("governorates.json", "districts.json", "subdistricts.json"):
        p = osy / fn
        if not p.exists():
            continue
        for rec in json.loads(p.read_text("utf-8")):
            ar = (rec.get("name") or {}).get("ar")
            if ar:
                names.append(ar)
            for al in rec.get("aliases") or []:
                if al.get("language") == "ar" and al.get("value"):
                    names.append(al["value"])
    gn = gaz_dir / "geonames_sy_iq_places.tsv"
    if gn.exists():
        lines = gn.read_text("utf-8").splitlines()
        head = lines[0].split("\t")
        col = head.index("names_arabic_script")
        for line in lines[1:]:
            cells = line.split("\t")
            if len(cells) > col and cells[col]:
                names.extend(cells[col].split("|"))
    return names


def build_lexicon(gaz_dir: Path) -> dict[str, set[str]]:
    lex: dict[str, set[str]] = {}
    for name in gazetteer_names(gaz_dir):
        name = name.strip()
        if not name or not ARABIC_ONLY.match(name):   # drops Persian/Kurdish letters, Latin
            continue
        toks = normalize_token(name).split()
        while len(toks) > 1 and toks[0] in GENERIC:
            toks = toks[1:]
        if not toks or (len(toks) == 1 and toks[0] in GENERIC):
            continue
        for i, t in enumerate(toks):
            if len(t) < 2:
                continue
            lex.setdefault(t, set()).add(("B-" if i == 0 else "I-") + "LOC")
    return lex


def corpus_lexicon(sents) -> dict[str, set[str]]:
    """Token-level name memory of annotated sentences: normalised token -> ``T<tag><+|->``.

    ``T B-PERS +`` means the token carried B-PERS in at least half of its occurrences, ``-`` in
    fewer. Built from the training 90% only (jackknifed while fitting, see :func:`jackknife`).
    """
    count: Counter[str] = Counter()
    ent: dict[str, Counter[str]] = defaultdict(Counter)
    for toks, tags in sents:
        for tok, tag in zip(toks, tags):
            n = normalize_token(tok)
            count[n] += 1
            if tag != "O":
                ent[n][tag] += 1
    return {n: {"T" + tag + ("+" if k * 2 >= count[n] else "-") for tag, k in c.items()}
            for n, c in ent.items()}


def merge_lexicons(*lexes: dict[str, set[str]]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for lex in lexes:
        for tok, tags in lex.items():
            out.setdefault(tok, set()).update(tags)
    return out


def as_runtime(lex: dict[str, set[str]]) -> dict[str, tuple[str, ...]]:
    return {tok: tuple(sorted(tags)) for tok, tags in lex.items()}


def jackknife(sents, gaz: dict[str, set[str]], k: int = 5) -> list[list[list[str]]]:
    """Features of training sentences where each fold sees the corpus lexicon of the OTHER folds,
    so the model learns how far a remembered name can be trusted on text it has not seen."""
    n = len(sents)
    xs: list[list[list[str]]] = []
    for f in range(k):
        a, b = n * f // k, n * (f + 1) // k
        lex = as_runtime(merge_lexicons(gaz, corpus_lexicon(sents[:a] + sents[b:])))
        fz = _Featurizer(lex)
        xs.extend(fz.sentence(toks) for toks, _ in sents[a:b])
    return xs


def write_lexicon(lex: dict[str, set[str]], path: Path) -> None:
    lines = ["# token<TAB>classes. B-LOC/I-LOC: Arabic place names from shared/data/gazetteer (OpenSyria"
             " CC BY 4.0, GeoNames CC BY 4.0). T<tag><+|->: entity tags the token carried in the first"
             " 90% of the ANERcorp train half (CC BY-SA 4.0), + if in at least half of its occurrences."
             " Normalised tokens. Built by scripts/train_ner.py."]
    for tok in sorted(lex):
        lines.append(tok + "\t" + ",".join(sorted(lex[tok])))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


# ------------------------------------------------------------------------------------------
# training
# ------------------------------------------------------------------------------------------
def fit(sents, gaz, model_path: str, c1: float, c2: float, max_iter: int,
        minfreq: float) -> float:
    import pycrfsuite

    t0 = time.time()
    tr = pycrfsuite.Trainer(verbose=False)
    for xseq, (_, tags) in zip(jackknife(sents, gaz), sents):
        tr.append(xseq, tags)
    tr.select("lbfgs", "crf1d")
    tr.set_params({
        "c1": c1, "c2": c2, "max_iterations": max_iter,
        "feature.possible_transitions": True,
        "feature.possible_states": False,
        "feature.minfreq": minfreq,
    })
    tr.train(model_path)
    return time.time() - t0


def score(model_path: str, lexicon, sents, thresholds=(DEFAULT_O_THRESHOLD,)) -> dict:
    """Micro P/R/F1 over PERS/LOC/ORG, exact spans and overlap (same type, any shared token),
    for each O-posterior threshold (None = plain Viterbi)."""
    out = {}
    for thr in thresholds:
        tg = Tagger.load(model_path, lexicon=lexicon)
        tg.o_threshold = thr
        n_gold = n_pred = exact = ov_p = ov_g = 0
        for toks, gold in sents:
            g = [s for s in bio_spans(gold) if s[0] != "MISC"]
            p = [s for s in bio_spans(tg.tag(toks)) if s[0] != "MISC"]
            n_gold += len(g)
            n_pred += len(p)
            exact += len(set(g) & set(p))
            ov_p += sum(any(t == u and a < f and c < b for u, c, f in g) for t, a, b in p)
            ov_g += sum(any(t == u and a < f and c < b for u, c, f in p) for t, a, b in g)
        out[thr] = {"exact": _f1(exact, n_pred, exact, n_gold), "overlap": _f1(ov_p, n_pred, ov_g, n_gold)}
    return out


def _f1(tp_p: int, n_pred: int, tp_g: int, n_gold: int) -> float:
    p = tp_p / n_pred if n_pred else 0.0
    r = tp_g / n_gold if n_gold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def _grid_job(args):
    inner_tr, inner_dev, gaz, c1, c2, max_iter, minfreq, thresholds = args
    with tempfile.TemporaryDirectory() as td:
        mp = os.path.join(td, "m.crfsuite")
        secs = fit(inner_tr, gaz, mp, c1, c2, max_iter, minfreq)
        res = score(mp, as_runtime(merge_lexicons(gaz, corpus_lexicon(inner_tr))), inner_dev,
                    thresholds)
    return {"c1": c1, "c2": c2, "secs": secs, "scores": res}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA / "ner" / "ANERCorp_CamelLab_train.txt")
    ap.add_argument("--gazetteer", type=Path, default=DEFAULT_DATA / "gazetteer")
    ap.add_argument("--out", type=Path, default=ROOT / "graph" / "data" / "ner.crfsuite")
    ap.add_argument("--lexicon-out", type=Path, default=ROOT / "graph" / "data" / "ner_lexicon.tsv")
    ap.add_argument("--no-search", action="store_true", help="skip the c1/c2 grid")
    ap.add_argument("--c1", type=float, default=0.1)
    ap.add_argument("--c2", type=float, default=0.05)
    ap.add_argument("--max-iterations", type=int, default=180)
    ap.add_argument("--minfreq", type=float, default=1)
    ap.add_argument("--jobs", type=int, default=2)
    a = ap.parse_args(argv)
    t_start = time.time()

    gaz = build_lexicon(a.gazetteer)
    sents = read_conll(a.data)
    train, dev = dev_split(sents)
    print(f"ANERcorp: {len(sents)} sentences; train {len(train)}, dev (held out) {len(dev)}")
    del dev  # never read: evaluation is benchmarks/ner_eval.py's job
    write_lexicon(merge_lexicons(gaz, corpus_lexicon(train)), a.lexicon_out)
    lexicon = load_lexicon(a.lexicon_out)
    print(f"lexicon: {len(lexicon)} tokens ({len(gaz)} from the gazetteers) -> {a.lexicon_out}")

    c1, c2 = a.c1, a.c2
    if not a.no_search:
        cut = int(len(train) * 0.8)
        inner_tr, inner_dev = train[:cut], train[cut:]
        print(f"c1/c2 grid: fit on the first {cut} training sentences, score on the other "
              f"{len(inner_dev)} (micro F1 over PERS/LOC/ORG)")
        jobs = [(inner_tr, inner_dev, gaz, g1, g2, a.max_iterations, a.minfreq, THRESHOLDS)
                for g1, g2 in GRID]
        with ProcessPoolExecutor(max_workers=a.jobs) as ex:
            results = list(ex.map(_grid_job, jobs))
        for r in results:
            cells = "  ".join(f"thr={str(t):<4} exact {v['exact']:.4f} overlap {v['overlap']:.4f}"
                              for t, v in r["scores"].items())
            print(f"  c1={r['c1']:<5} c2={r['c2']:<5} ({r['secs']:.0f}s)  {cells}")
        key = DEFAULT_O_THRESHOLD
        best = max(results, key=lambda r: (round(r["scores"][key]["overlap"], 4),
                                          round(r["scores"][key]["exact"], 4), -r["c1"]))
        c1, c2 = best["c1"], best["c2"]
        best_thr = max(best["scores"], key=lambda t: round(best["scores"][t]["overlap"], 4))
        print(f"chosen c1={c1} c2={c2} (overlap F1 at the shipped threshold {key}); "
              f"best threshold for it on the inner split: {best_thr}")
        if best_thr != key:
            print(f"  note: graph.ner.DEFAULT_O_THRESHOLD is {key}; the inner split prefers {best_thr}")

    a.out.parent.mkdir(parents=True, exist_ok=True)
    tmp = a.out.with_suffix(".tmp")
    secs = fit(train, gaz, str(tmp), c1, c2, a.max_iterations, a.minfreq)
    os.replace(tmp, a.out)
    Tagger.load(a.out, lexicon=lexicon)  # sanity: loads
    print(f"final model: {a.out} ({a.out.stat().st_size / 1e6:.2f} MB), fit {secs:.0f}s, "
          f"total {time.time() - t_start:.0f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
