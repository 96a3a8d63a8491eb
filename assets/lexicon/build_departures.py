#!/usr/bin/env python3
"""Builds assets/lexicon/departures_en.tsv, the verbs of leaving an office by one's own act
and of being removed from it, for Parallax's dispute detector: one source says a person
was removed from a post ("was dismissed", "X ousted Y"), another that the same person left
it ("stepped down", "resigned"). One `word<TAB>kind` a line; kind `left` or `removed`; a
phrasal verb keeps its particle after a space ("step down").

    python3 assets/lexicon/build_departures.py WORDNET_DICT_DIR

WORDNET_DICT_DIR as for build_antonyms.py, whose WordNet reader, sense numbers and
frequency table this script shares. What it does, in order (counts are printed):

1. Takes two WordNet 3.1 verb synsets and every synset under them by hyponymy (`~`):
   `leave_office` ("give up or retire from a position") for `left`, and `remove` ("remove
   from a position or an office") for `removed`. They are found by their lemma and gloss,
   not by offset, so a later WordNet still works.
2. Keeps a lemma only when that synset is one of its main senses (build_antonyms.main_sense):
   "fall" (lose office) and "drop" (terminate an association) are rare senses of common
   verbs and would fire on every ordinary use.
3. Keeps lemmas of Zipf >= --min-zipf (3.0) over all their forms (a phrasal verb by its
   verb), and drops words that are also modal or function words ("can").
4. Drops a lemma listed under both kinds ("retire": "go into retirement" and "make
   someone retire"): it cannot tell the two apart.

Written for Parallax; the output is data derived from WordNet (see WORDNET-LICENSE.md).
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import build_antonyms as wn  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))

ROOTS = {
    "left": ("leave_office", "give up or retire from a position"),
    "removed": ("remove", "remove from a position or an office"),
}


def find_root(synsets, lemma, gloss_start):
    for synset in synsets.values():
        if lemma in synset.words and synset.gloss.startswith(gloss_start):
            return synset
    sys.exit(f"no verb synset {lemma!r} glossed {gloss_start!r}")


def under(synsets, root):
    seen, stack = [], [root.offset]
    while stack:
        offset = stack.pop()
        if offset in seen:
            continue
        seen.append(offset)
        stack.extend(t for s, t, p, _, _ in synsets[offset].pointers if s == "~" and p == "v")
    return [synsets[o] for o in seen]


def build(dict_dir, min_zipf):
    synsets = wn.read_data(dict_dir, "v")
    senses = wn.read_senses(dict_dir)
    zipf = wn.read_frequencies()
    irregular = wn.read_irregular_verbs()
    stopwords = set(wn.read_list("stopwords_en.txt"))
    kinds = {}
    for kind, (lemma, gloss) in ROOTS.items():
        tree = under(synsets, find_root(synsets, lemma, gloss))
        words = {(w, s.offset) for s in tree for w in s.words}
        print(f"{kind}: {len(tree)} synsets, {len(words)} lemmas", file=sys.stderr)
        main = {w for w, o in words if wn.main_sense(senses, w, "v", o)}
        print(f"  main senses: {len(main)}", file=sys.stderr)
        frequent = {
            w for w in main
            if wn.verb_zipf(w.split("_")[0], irregular, zipf) >= min_zipf
            and w.split("_")[0] not in stopwords
        }
        print(f"  frequent, no function word: {len(frequent)}", file=sys.stderr)
        kinds[kind] = frequent
    both = kinds["left"] & kinds["removed"]
    print(f"in both kinds, dropped: {sorted(both)}", file=sys.stderr)
    rows = []
    for kind, words in kinds.items():
        rows += [(w.replace("_", " "), kind) for w in sorted(words - both)]
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dict_dir")
    parser.add_argument("--min-zipf", type=float, default=3.0)
    args = parser.parse_args()
    version = wn.check_dict_dir(args.dict_dir)
    rows = build(args.dict_dir, args.min_zipf)
    with open(os.path.join(HERE, "departures_en.tsv"), "w", encoding="utf-8") as f:
        f.write("# Verbs of leaving an office (left) and of being removed from one (removed),\n")
        f.write(f"# built by build_departures.py from {version} (see WORDNET-LICENSE.md)\n")
        f.write("# and wordfreq_en.txt. word<TAB>kind\n")
        for word, kind in rows:
            f.write(f"{word}\t{kind}\n")
    print(f"{len(rows)} rows", file=sys.stderr)


if __name__ == "__main__":
    main()
