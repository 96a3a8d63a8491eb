#!/usr/bin/env python3
"""Builds assets/lexicon/nominalizations_en.tsv, nouns that name an act and the verbs they
are derived from, for Parallax's "no evidence of an act" against a claim of the act: "found
no evidence of collusion" denies what "sought to collude" asserts. One `noun<TAB>verb` a
line.

    python3 assets/lexicon/build_nominalizations.py WORDNET_DICT_DIR

WORDNET_DICT_DIR is the folder of the Princeton WordNet 3.1 database files, as for
build_antonyms.py (whose WordNet reader and frequency table this script shares). No word is
chosen by hand; what it does, in order (counts are printed):

1. Nouns: single-word noun lemmas of Zipf >= --min-zipf (3.0) in wordfreq_en.txt, in a sense
   filed under noun.act (04), noun.communication (10) or noun.event (11): acts, statements
   and happenings are what a source can claim and another find no evidence of.
2. For each such sense, the verbs WordNet marks as its derivation ("+" pointers from the
   noun to a verb), single words only, which share their first four letters with the noun
   (WordNet also links "cover-up" to "hide"; a shared stem keeps the pairs of one family).
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import build_antonyms as wn  # noqa: E402
from build_event_families import read_lexfiles  # noqa: E402

OUT = os.path.join(wn.HERE, "nominalizations_en.tsv")
# noun.act, noun.communication and noun.event.
ACT_LEXFILES = {"04", "10", "11"}


def build(dict_dir, min_zipf):
    version = wn.check_dict_dir(dict_dir)
    zipf = wn.read_frequencies()
    nouns = wn.read_data(dict_dir, "n")
    verbs = wn.read_data(dict_dir, "v")
    lexfile = read_lexfiles(dict_dir, "n")
    pairs = set()
    act_nouns = set()
    for offset, synset in nouns.items():
        if lexfile.get(offset) not in ACT_LEXFILES:
            continue
        for index, noun in enumerate(synset.words, start=1):
            if "_" in noun or "-" in noun or zipf.get(noun, 0.0) < min_zipf:
                continue
            act_nouns.add(noun)
            for symbol, target, target_pos, source, target_word in synset.pointers:
                if symbol != "+" or target_pos != "v" or source != index:
                    continue
                verb = verbs[target].words[target_word - 1]
                if "_" in verb or "-" in verb or verb[:4] != noun[:4]:
                    continue
                pairs.add((noun, verb))
    print(
        "act nouns of Zipf >= %.1f: %d; noun-verb pairs: %d" % (min_zipf, len(act_nouns), len(pairs)),
        file=sys.stderr,
    )
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(
            "# Nouns of acts and the verbs they derive from, built by build_nominalizations.py\n"
            "# from %s (see WORDNET-LICENSE.md) and wordfreq_en.txt: nouns of Zipf >= %.1f\n"
            "# in an act, communication or event sense, WordNet's derivation pointers to verbs sharing four letters.\n"
            % (version, min_zipf)
        )
        for noun, verb in sorted(pairs):
            f.write("%s\t%s\n" % (noun, verb))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dict_dir")
    parser.add_argument("--min-zipf", type=float, default=3.0)
    args = parser.parse_args()
    build(args.dict_dir, args.min_zipf)


if __name__ == "__main__":
    main()
