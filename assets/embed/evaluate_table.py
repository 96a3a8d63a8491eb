#!/usr/bin/env python3
"""Measure the static table on our BASIL pair labels: recall at precision 0.80.

Candidates: every cross-outlet sentence pair (fox-nyt, fox-hpo, nyt-hpo) of the stories that
have a label file in tests/data/basil_alignment; positives: pairs labelled `same` (either
order).  Two precision conventions are reported:
  strict   only `same` pairs above the threshold count as right; `part`, `not` and
           unlabelled pairs count as wrong;
  part-ok  `part` pairs above the threshold count as right too (recall is still over `same`),
           the convention of tests/basil_alignment.rs and, it seems, of RESEARCH.md's table.
One threshold for all stories, swept on the data (the best recall whose precision is >= the
target; tied scores are cut together).

Scores:
  tfidf   plain cosine of TF-IDF vectors, lowercase \\w+ tokens, raw term counts,
          idf = ln(N/df) with N, df over the story's sentences (all three outlets).
          This is NOT the engine's own score (which has its own weighting and gates).
  static  cosine of sentence vectors; sentence vector = mean of the table rows of its
          WordPiece tokens (no [CLS]/[SEP]); rows that are zero ([UNK] etc.) add nothing.
  blends  mean(static, tfidf), max(static, tfidf), and a few weighted means.

Usage:
  python evaluate_table.py [--table minilm_static.bin] [--table other.bin ...]
                           [--minilm DIR_WITH_model.safetensors]
No article text is written anywhere; only figures are printed.
"""
from __future__ import annotations

import argparse
import json
import math
import re
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from build_table import WordPiece, read_table, read_vocab  # noqa: E402

REPO = HERE.parent.parent
LABELS = REPO / "tests" / "data" / "basil_alignment"
OUTLETS = ("fox", "nyt", "hpo")
WORD = re.compile(r"\w+")


def find_basil() -> Path:
    for cand in (REPO.parent / "shared" / "realnews-dev" / "basil",
                 REPO / ".." / "shared" / "realnews-dev" / "basil"):
        if cand.is_dir():
            return cand
    raise SystemExit("realnews-dev/basil not found beside the repository")


def read_lines(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").split("\n")
    return lines[:-1] if lines and lines[-1] == "" else lines


def load(basil: Path):
    stories = []
    for lab in sorted(LABELS.glob("*.tsv")):
        sid = lab.stem
        sents = {o: read_lines(basil / sid / f"{o}.txt") for o in OUTLETS}
        pos, part = set(), set()
        for line in lab.read_text(encoding="utf-8").split("\n"):
            if not line.strip() or line.startswith("#"):
                continue
            a, b, verdict = line.split("\t")[:3]
            oa, la = a.split(":")
            ob, lb = b.split(":")
            la, lb = int(la), int(lb)
            assert oa != ob and la < len(sents[oa]) and lb < len(sents[ob]), (sid, line[:20])
            if verdict == "same":
                pos.add(frozenset([(oa, la), (ob, lb)]))
            elif verdict == "part":
                part.add(frozenset([(oa, la), (ob, lb)]))
        stories.append((sid, sents, pos, part))
    return stories


def tfidf_matrix(sentences: list[str]) -> np.ndarray:
    toks = [Counter(WORD.findall(s.lower())) for s in sentences]
    df = Counter(w for t in toks for w in t)
    n = len(sentences)
    vocab = {w: i for i, w in enumerate(df)}
    m = np.zeros((n, len(vocab)), dtype=np.float64)
    for i, t in enumerate(toks):
        for w, c in t.items():
            m[i, vocab[w]] = c * math.log(n / df[w])
    norm = np.linalg.norm(m, axis=1, keepdims=True)
    return m / np.where(norm == 0, 1, norm)


def embed(table: np.ndarray, tok: WordPiece, sentences: list[str]) -> np.ndarray:
    out = np.zeros((len(sentences), table.shape[1]), dtype=np.float32)
    for i, s in enumerate(sentences):
        ids = tok.ids(s)
        if ids:
            out[i] = table[ids].mean(0)
    norm = np.linalg.norm(out, axis=1, keepdims=True)
    return out / np.where(norm == 0, 1, norm)


def pairs_and_scores(stories, scorers):
    """Returns labels [P] (2 same, 1 part, 0 other) and {name: scores [P]} over all
    cross-outlet pairs."""
    labels, scores = [], {k: [] for k in scorers}
    for sid, sents, pos, part in stories:
        flat = [(o, i) for o in OUTLETS for i in range(len(sents[o]))]
        text = [sents[o][i] for o, i in flat]
        mats = {k: f(text) for k, f in scorers.items()}
        sims = {k: m @ m.T for k, m in mats.items()}
        for a in range(len(flat)):
            for b in range(a + 1, len(flat)):
                if flat[a][0] == flat[b][0]:
                    continue
                pair = frozenset([flat[a], flat[b]])
                labels.append(2 if pair in pos else 1 if pair in part else 0)
                for k in scorers:
                    scores[k].append(sims[k][a, b])
    return np.array(labels), {k: np.array(v) for k, v in scores.items()}


def recall_at_precision(labels: np.ndarray, score: np.ndarray, target: float,
                        part_ok: bool = False):
    """Best recall of `same` pairs over thresholds whose precision >= target. Precision counts
    `same` pairs as right, and also `part` pairs when part_ok (the convention of
    tests/basil_alignment.rs); everything else above the threshold is wrong."""
    order = np.argsort(-score, kind="stable")
    s, y = score[order], labels[order] == 2
    good = labels[order] >= (1 if part_ok else 2)
    tp = np.cumsum(y)
    k = np.arange(1, len(y) + 1)
    # only cut where the score changes (ties go together)
    last_of_tie = np.r_[s[1:] != s[:-1], True]
    prec = np.cumsum(good) / k
    ok = last_of_tie & (prec >= target)
    if not ok.any():
        return 0.0, None, 0
    best = np.argmax(np.where(ok, tp, -1))
    return float(tp[best] / y.sum()), float(s[best]), int(best + 1)


def found_set(labels, score, thr):
    if thr is None:
        return set()
    return set(np.nonzero((labels == 2) & (score >= thr))[0])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--table", action="append", type=Path,
                    help="table file(s); default minilm_static.bin beside this script")
    ap.add_argument("--vocab", type=Path, default=HERE / "vocab.txt")
    ap.add_argument("--precision", type=float, default=0.80)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--minilm", type=Path, default=None,
                    help="also score the full all-MiniLM-L6-v2 (numpy forward, about a minute): "
                         "folder with model.safetensors")
    args = ap.parse_args()
    tables = args.table or [HERE / "minilm_static.bin"]

    basil = find_basil()
    stories = load(basil)
    tok = WordPiece(read_vocab(args.vocab))

    # time to embed: tokenise + mean + normalise, every sentence of the labelled stories,
    # and of all BASIL stories (first table)
    t = read_table(tables[0])
    all_lab = [s for _, sents, _, _ in stories for o in OUTLETS for s in sents[o]]
    t0 = time.perf_counter()
    embed(t, tok, all_lab)
    dt_lab = time.perf_counter() - t0
    all_basil = [s for d in sorted(basil.iterdir()) if d.is_dir()
                 for o in OUTLETS if (d / f"{o}.txt").exists() for s in read_lines(d / f"{o}.txt")]
    t0 = time.perf_counter()
    embed(t, tok, all_basil)
    dt_all = time.perf_counter() - t0

    scorers = {"tfidf": tfidf_matrix}
    names = {p: p.name if [q.name for q in tables].count(p.name) == 1
             else f"{p.resolve().parent.name}/{p.name}" for p in tables}
    for p in tables:
        tab = read_table(p)
        scorers[names[p]] = (lambda tab: lambda text: embed(tab, tok, text))(tab)
    if args.minilm:
        from build_table import Bert, load_safetensors, sentence_embeddings
        bert = Bert(load_safetensors(args.minilm / "model.safetensors"))

        def minilm(text):
            text = [t if t.strip() else "." for t in text]  # an empty line: any vector will do
            return np.concatenate([sentence_embeddings(bert, tok, tok.vocab, text[i:i + 32])
                                   for i in range(0, len(text), 32)])
        scorers["minilm"] = minilm
    labels, scores = pairs_and_scores(stories, scorers)

    rows = {}

    def report(name, sc):
        r, thr, n = recall_at_precision(labels, sc, args.precision)
        r2, thr2, n2 = recall_at_precision(labels, sc, args.precision, part_ok=True)
        rows[name] = {"recall": round(r, 3), "threshold": None if thr is None else round(thr, 4),
                      "pairs_above": n, "recall_part_ok": round(r2, 3),
                      "threshold_part_ok": None if thr2 is None else round(thr2, 4),
                      "pairs_above_part_ok": n2}
        return thr

    thr_t = report("tfidf", scores["tfidf"])
    if args.minilm:
        report("minilm", scores["minilm"])
        report("mean(minilm,tfidf)", (scores["minilm"] + scores["tfidf"]) / 2)
    overlap = {}
    for p in tables:
        name = names[p]
        st = scores[name]
        thr_s = report(f"static[{name}]", st)
        report(f"mean(static,tfidf)[{name}]", (st + scores["tfidf"]) / 2)
        report(f"max(static,tfidf)[{name}]", np.maximum(st, scores["tfidf"]))
        for w in (0.3, 0.4, 0.6, 0.7):
            report(f"{w}*static+{1 - w:.1f}*tfidf[{name}]", w * st + (1 - w) * scores["tfidf"])
        a, b = found_set(labels, scores["tfidf"], thr_t), found_set(labels, st, thr_s)
        overlap[name] = {"tfidf_only": len(a - b), "static_only": len(b - a), "both": len(a & b)}

    result = {
        "stories": len(stories), "candidate_pairs": int(len(labels)),
        "positives_same": int((labels == 2).sum()), "part": int((labels == 1).sum()),
        "precision_target": args.precision,
        "rows": rows, "true_pairs_found_at_target_tfidf_vs_static": overlap,
        "embed_time": {
            "labelled_sentences": len(all_lab), "labelled_seconds": round(dt_lab, 3),
            "all_basil_sentences": len(all_basil), "all_basil_seconds": round(dt_all, 3),
            "sentences_per_second": round(len(all_basil) / dt_all)},
    }
    if args.json:
        print(json.dumps(result, indent=1))
        return
    print(f"{result['stories']} stories, {result['candidate_pairs']} cross-outlet pairs, "
          f"{result['positives_same']} same, {result['part']} part; recall of `same` at "
          f"precision {args.precision:.2f}")
    print(f"  {'score':44s} {'strict':>7s} {'thr':>7s} {'kept':>5s} | {'part-ok':>7s} "
          f"{'thr':>7s} {'kept':>5s}")
    print("  (strict: only `same` counts as right; part-ok: `part` too, as tests/basil_alignment.rs)")
    for k, v in rows.items():
        print(f"  {k:44s} {v['recall']:7.3f} {v['threshold'] or 0:7.4f} {v['pairs_above']:5d} | "
              f"{v['recall_part_ok']:7.3f} {v['threshold_part_ok'] or 0:7.4f} "
              f"{v['pairs_above_part_ok']:5d}")
    print("true pairs found at the target, TF-IDF vs static:", overlap)
    print("embed time:", result["embed_time"])


if __name__ == "__main__":
    main()
