#!/usr/bin/env python3
"""Builds assets/lexicon/reciprocal_verbs_en.txt, the verbs whose act is mutual, for
Parallax's swapped-roles contradictions: "X met Y" and "Y met X" say one thing, so a verb of
this list never makes "who did what to whom" a dispute. One verb a line.

    python3 assets/lexicon/build_reciprocal_verbs.py WORDNET_DICT_DIR

WORDNET_DICT_DIR is the folder of the Princeton WordNet 3.1 database files, as for
build_antonyms.py (whose WordNet reader and sense table this script shares). No word is
chosen by hand: a single-word verb is listed when one of its main senses (see
build_antonyms.main_sense) has a definition (the gloss before its examples) that speaks of
a mutual act: it contains "each other", "one another", "together", "mutual",
"reciprocal", "jointly" or "with someone" / "with somebody" (not "with someone's":
"follow" is to comply with someone's rules) ("meet": come together;
"debate": argue with one another; "converse": carry on a conversation with someone).

Written for Parallax; the output is data derived from WordNet (see WORDNET-LICENSE.md).
"""

import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import build_antonyms as wn  # noqa: E402

OUT = os.path.join(wn.HERE, "reciprocal_verbs_en.txt")
MUTUAL = re.compile(
    r"\b(each other|one another|together|mutual|mutually|reciprocal|reciprocally|jointly"
    r"|with someone|with somebody)\b(?![’'])"
)


def definition(gloss):
    """The gloss up to its first example (examples are quoted)."""
    return gloss.split('"', 1)[0]


def build(dict_dir):
    synsets = wn.read_data(dict_dir, "v")
    senses = wn.read_senses(dict_dir)
    out = set()
    for synset in synsets.values():
        if not MUTUAL.search(definition(synset.gloss).lower()):
            continue
        for word in synset.words:
            if "_" in word or "-" in word:
                continue
            if wn.main_sense(senses, word, "v", synset.offset):
                out.add(word)
    return sorted(out)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    wn.check_dict_dir(sys.argv[1])
    verbs = build(sys.argv[1])
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("# Verbs of a mutual act, from Princeton WordNet 3.1 glosses "
                "(build_reciprocal_verbs.py; WordNet licence, WORDNET-LICENSE.md)\n")
        for verb in verbs:
            f.write(verb + "\n")
    print(f"{len(verbs)} verbs", file=sys.stderr)


if __name__ == "__main__":
    main()
