#!/usr/bin/env python3
"""Builds assets/lexicon/event_families_en.tsv, the words that name a happening (an act or
an event) and the family each belongs to, for Parallax's dates by referent: "the vote on
Tuesday" and "voted on Wednesday", "deployed in 2013" and "the 2013 deployment" date one
kind of happening. One `word<TAB>family<TAB>pos` a line (pos `v` a verb, `n` a noun whose
first sense is an act or event, `n2` a noun with another main sense of an act or event).

    python3 assets/lexicon/build_event_families.py WORDNET_DICT_DIR

WORDNET_DICT_DIR is the folder of the Princeton WordNet 3.1 database files, as for
build_antonyms.py (whose WordNet reader, sense numbers and frequency table this script
shares). No word is chosen by hand; what it does, in order (counts are printed):

1. Verbs: every single-word verb lemma whose forms together reach Zipf --min-zipf (3.0) in
   wordfreq_en.txt and that has at most --max-senses (20) verb senses in WordNet. A verb
   with more senses ("take", "make", "get", "give", "run", "set") is a light or support
   verb whose meaning comes from its object: it names no happening of its own. A verb is
   its own family.
2. Event nouns: single-word noun lemmas listed in wordfreq_en.txt (Zipf >= --min-zipf)
   whose first WordNet sense is filed under noun.act or noun.event (WordNet's lexicographer
   files 04 and 11): "vote", "visit", "deployment", "election", "intervention"; or one of
   whose main senses (see build_antonyms.main_sense) is an act or an event that WordNet
   derives from a verb of step 1 ("meeting" / "meet", "operation" / "operate").
3. Families by derivation: a noun of step 2 joins the family of every verb of step 1 that
   WordNet links to one of the noun's main senses (see build_antonyms.main_sense) that is an
   act or an event, by a derivationally related form pointer ("+", a lexical pointer: it
   joins the two words, "deploy" / "deployment", "intervene" / "intervention"). A noun with
   no such verb is a family of its own ("war"). A noun may belong to more than one family.

Inflection is left to the engine: it stems every word and every lexicon entry with the
same stemmer, so "voted", "votes" and "vote" meet at one stem.

Written for Parallax; the output is data derived from WordNet (see WORDNET-LICENSE.md).
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import build_antonyms as wn  # noqa: E402

OUT = os.path.join(wn.HERE, "event_families_en.tsv")
# WordNet lexicographer file numbers of nouns of acts and of events.
EVENT_LEXFILES = {"04", "11"}


def read_lexfiles(dict_dir, pos):
    """Synset offset -> lexicographer file number (two digits)."""
    out = {}
    with open(os.path.join(dict_dir, wn.DATA_FILES[pos]), encoding="utf-8") as f:
        for line in f:
            if line.startswith("  "):
                continue
            fields = line.split(" ", 2)
            out[fields[0]] = fields[1]
    return out


def sense_lists(dict_dir):
    """(lemma, pos) -> [(sense number, offset)], from index.sense."""
    out = {}
    with open(os.path.join(dict_dir, "index.sense"), encoding="utf-8") as f:
        for line in f:
            key, offset, number, _ = line.split()
            lemma, rest = key.split("%", 1)
            pos = wn.SENSE_KEY_POS[rest[0]]
            out.setdefault((lemma.lower(), pos), []).append((int(number), offset))
    for senses in out.values():
        senses.sort()
    return out


def derived_verbs(synset, noun, verbs, event_verbs):
    """The verbs of `event_verbs` that WordNet derives from this sense of the noun ("+")."""
    if noun not in synset.words:
        return set()
    index = synset.words.index(noun) + 1
    out = set()
    for symbol, target, target_pos, source, target_word in synset.pointers:
        if symbol == "+" and target_pos == "v" and source == index:
            verb = verbs[target].words[target_word - 1]
            if verb in event_verbs:
                out.add(verb)
    return out


def build(dict_dir, min_zipf, max_senses):
    version = wn.check_dict_dir(dict_dir)
    zipf = wn.read_frequencies()
    irregular = wn.read_irregular_verbs()
    senses = wn.read_senses(dict_dir)
    by_lemma = sense_lists(dict_dir)
    nouns = wn.read_data(dict_dir, "n")
    noun_files = read_lexfiles(dict_dir, "n")
    verbs = wn.read_data(dict_dir, "v")

    # 1. Verbs.
    candidates = sorted({w for s in verbs.values() for w in s.words if wn.plain_word(w)})
    frequent = [v for v in candidates if wn.verb_zipf(v, irregular, zipf) >= min_zipf]
    event_verbs = {v for v in frequent if len(by_lemma.get((v, "v"), [])) <= max_senses}
    light = sorted(set(frequent) - event_verbs)
    print(f"verbs: {len(candidates)} single words, {len(frequent)} frequent, "
          f"{len(event_verbs)} with at most {max_senses} senses "
          f"(left out: {' '.join(light)})", file=sys.stderr)

    # 2. Event nouns.
    event_nouns = []
    first_sense = set()
    for (lemma, pos), listed in by_lemma.items():
        if pos != "n" or not wn.plain_word(lemma) or zipf.get(lemma, 0.0) < min_zipf:
            continue
        if noun_files.get(listed[0][1]) in EVENT_LEXFILES:
            first_sense.add(lemma)
        if lemma in first_sense or any(
            noun_files.get(offset) in EVENT_LEXFILES
            and wn.main_sense(senses, lemma, "n", offset)
            and derived_verbs(nouns[offset], lemma, verbs, event_verbs)
            for _, offset in listed
        ):
            event_nouns.append(lemma)
    event_nouns.sort()
    print(f"nouns: {len(event_nouns)} frequent nouns whose first sense is an act or an event, "
          "or with a main sense of an act or event derived from a verb",
          file=sys.stderr)

    # 3. Families by derivation.
    rows = [(v, v, "v") for v in sorted(event_verbs)]
    linked = 0
    for noun in event_nouns:
        families = set()
        for _, offset in by_lemma[(noun, "n")]:
            synset = nouns[offset]
            if noun_files.get(offset) not in EVENT_LEXFILES:
                continue
            if not wn.main_sense(senses, noun, "n", offset) or noun not in synset.words:
                continue
            families.update(derived_verbs(synset, noun, verbs, event_verbs))
        if families:
            linked += 1
        for family in sorted(families or {noun}):
            rows.append((noun, family, "n" if noun in first_sense else "n2"))
    print(f"families: {linked} nouns joined to a verb by derivation, "
          f"{len(event_nouns) - linked} on their own; {len(rows)} lines", file=sys.stderr)

    with open(OUT, "w", encoding="utf-8") as f:
        f.write(f"# Words naming a happening and their families, built by build_event_families.py\n"
                f"# from {version} (see WORDNET-LICENSE.md) and wordfreq_en.txt: verbs of Zipf >=\n"
                f"# {min_zipf} with at most {max_senses} senses; nouns of Zipf >= {min_zipf} whose first sense is\n"
                f"# an act or an event, joined to verbs by derivation pointers. word, family, pos.\n")
        f.write("# pos: v a verb, n a noun whose first sense is an act or event, n2 a noun with\n"
                "# only another main sense of an act or event (\"force\", \"operation\").\n")
        for word, family, pos in rows:
            f.write(f"{word}\t{family}\t{pos}\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dict_dir")
    parser.add_argument("--min-zipf", type=float, default=3.0)
    parser.add_argument("--max-senses", type=int, default=20)
    args = parser.parse_args()
    build(args.dict_dir, args.min_zipf, args.max_senses)


if __name__ == "__main__":
    main()
