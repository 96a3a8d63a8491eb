#!/usr/bin/env python3
"""Builds assets/lexicon/charges_en.tsv, the words Parallax reads to tell which offence a
person pleaded guilty to, was charged with, convicted of or indicted on, one entry a line.

    python3 assets/lexicon/build_charges.py WORDNET_DICT_DIR

WORDNET_DICT_DIR is the folder of the Princeton WordNet 3.1 database files, as for
build_antonyms.py (whose WordNet reader and frequency table this script shares).
Licence: see WORDNET-LICENSE.md.

Lines, all from WordNet:
- `act<TAB>key<TAB>word`: the legal acts, named by sense key (ACT_SEEDS: enter a plea in a
  court; file a formal charge against; accuse formally of a crime; find guilty), each with
  its seed verb and the nouns WordNet derives ("+") from that verb in that sense, filed
  under noun.act or noun.communication ("indictment", "conviction"), and the nouns of the law
  topic domain that begin the verb or begin with it ("plea", "pleading"). Two sources are
  compared only on one act: a plea is not a charge.
- `charge<TAB>word<TAB>synsets<TAB>ancestors`: nouns naming an offence. A noun is kept when
  one of its main senses (build_antonyms.main_sense) is a hyponym, at any depth, of the
  crime synsets (CRIME_SEEDS), or is an act, cognition or communication (noun.act, noun.
  cognition, noun.communication) whose gloss, before its first ";", calls it unlawful or
  illegal ("murder": unlawful premeditated killing; "conspiracy": an agreement to perform
  an unlawful act), and has no topic domain but law (a foul in a game is no charge). Multiword lemmas are kept with spaces
  ("mail fraud"). The sense must be a main sense of the noun, or the noun has no sense
  tagged in WordNet's corpus: "extortion" is kept, "attempt" and "job" are not. `synsets` are that noun's kept synsets, `ancestors` every synset above
  them up to the seeds: one charge above another ("fraud" above "mail fraud") is the same
  charge told less precisely, not another one.
- `inquiry<TAB>word`: the nouns of an investigation or case and of the one who leads it,
  the seed words of INQUIRY_SEEDS (an inquiry into questionable activities; a proceeding in
  a court of law; someone who investigates): "investigation", "probe", "case".
- `general<TAB>word`: class names, not charges: the seed synsets' words and every synset of
  the tree whose gloss defines it as a kind of crime or offence in its first four words, not
  followed by "of" ("felony": a serious crime; "misdemeanor": a crime less serious than a
  felony; but "perjury": the crime of lying under oath, is a charge).
"""

import argparse
import os
import re
import sys

sys.dont_write_bytecode = True  # keep assets/ free of __pycache__
import build_antonyms as wn  # noqa: E402
from build_allegations import lex_files  # noqa: E402

OUT = os.path.join(wn.HERE, "charges_en.tsv")

ACT_SEEDS = {
    "plead": "plead%2:32:01::",
    "charge": "charge%2:32:00::",
    "indict": "indict%2:41:00::",
    "convict": "convict%2:32:00::",
}
CRIME_SEEDS = ["crime%1:04:00::", "crime%1:04:01::"]
INQUIRY_SEEDS = [
    "investigation%1:09:00::",
    "investigation%1:04:00::",
    "probe%1:09:00::",
    "inquiry%1:09:01::",
    "case%1:04:00::",
    "investigator%1:18:00::",
]
UNLAWFUL = re.compile(r"\b(unlawful|unlawfully|illegal|illegally)\b")
CLASS_GLOSS = re.compile(r"^(\w+\s+){0,3}(crime|offense|offence)s?\b(?! of)")
LAW_DOMAIN = "law%1:14:00::"
LEX_ACT, LEX_COGNITION, LEX_COMMUNICATION = 4, 9, 10


def sense_keys(dict_dir):
    keys = {}
    with open(os.path.join(dict_dir, "index.sense"), encoding="utf-8") as f:
        for line in f:
            key, offset, _, _ = line.split()
            keys[key] = (key.split("%", 1)[0], offset)
    return keys


def hyponyms(synset):
    return [t for s, t, _, _, _ in synset.pointers if s in ("~", "~i")]


def hypernyms(synset):
    return [t for s, t, _, _, _ in synset.pointers if s in ("@", "@i")]


def other_domain(synset, law):
    """Whether the synset is filed under a topic domain other than law (a foul in a game)."""
    return any(s == ";c" and t != law for s, t, _, _, _ in synset.pointers)


def build(dict_dir):
    wn.check_dict_dir(dict_dir)
    verbs = wn.read_data(dict_dir, "v")
    nouns = wn.read_data(dict_dir, "n")
    noun_files = lex_files(dict_dir, "n")
    senses = wn.read_senses(dict_dir)
    keys = sense_keys(dict_dir)
    missing = [k for k in list(ACT_SEEDS.values()) + CRIME_SEEDS + INQUIRY_SEEDS if k not in keys]
    if missing:
        sys.exit(f"sense keys not in this WordNet: {', '.join(missing)}")

    law = keys[LAW_DOMAIN][1]
    acts = set()
    for name, key in ACT_SEEDS.items():
        lemma, offset = keys[key]
        acts.add((name, lemma))
        synset = verbs[offset]
        for symbol, target, target_pos, source, target_n in synset.pointers:
            if symbol != "+" or target_pos != "n" or synset.words[source - 1] != lemma:
                continue
            if noun_files[target] in (LEX_ACT, LEX_COMMUNICATION):
                acts.add((name, nouns[target].words[target_n - 1]))
        # Nouns of the law domain spelt as the verb ("plea" for "plead"): WordNet does not
        # always link them to the verb's sense.
        for offset, noun in nouns.items():
            if any(s == ";c" and t == law for s, t, _, _, _ in noun.pointers):
                acts.update((name, w) for w in noun.words
                            if wn.plain_word(w) and (lemma.startswith(w) or w.startswith(lemma)))

    # The crime tree: every synset below the seeds.
    seeds = [keys[k][1] for k in CRIME_SEEDS]
    tree, stack = set(), list(seeds)
    while stack:
        for child in hyponyms(nouns[stack.pop()]):
            if child not in tree:
                tree.add(child)
                stack.append(child)
    kept = set(tree)
    for offset, synset in nouns.items():
        if noun_files[offset] not in (LEX_ACT, LEX_COGNITION, LEX_COMMUNICATION):
            continue
        if UNLAWFUL.search(synset.gloss.split(";")[0]) and not other_domain(synset, law):
            kept.add(offset)
    general = set()
    for offset in seeds:
        general.update(nouns[offset].words)
    classes = {o for o in tree if CLASS_GLOSS.search(nouns[o].gloss.split(";")[0])}
    for offset in classes:
        general.update(nouns[offset].words)

    def ancestors(offset):
        out, stack = set(), [offset]
        while stack:
            for parent in hypernyms(nouns[stack.pop()]):
                if parent not in out and parent in kept:
                    out.add(parent)
                    stack.append(parent)
        return out

    tagged = {}
    for (word, pos, _), (_, tags) in senses.items():
        if pos == "n":
            tagged[word] = max(tagged.get(word, 0), tags)
    charges = {}
    for offset in sorted(kept - classes):
        for word in nouns[offset].words:
            lemma = word.replace("_", " ")
            if not re.fullmatch(r"[a-z][a-z' -]*", lemma) or word in general:
                continue
            # The synset must be one of the word's main senses (a rare word's only sense is),
            # or no sense of the word was ever tagged ("extortion"), so that WordNet cannot
            # tell which sense is the main one.
            if not wn.main_sense(senses, word, "n", offset) and tagged.get(word, 0) > 0:
                continue
            entry = charges.setdefault(lemma, (set(), set()))
            entry[0].add(offset)
            entry[1].update(ancestors(offset))
    inquiries = sorted({keys[k][0] for k in INQUIRY_SEEDS})
    return sorted(acts), charges, sorted(w.replace("_", " ") for w in general), inquiries


HEADER = """\
# Legal acts and the offences they name, for Parallax (see build_charges.py for the classes).
# Generated by assets/lexicon/build_charges.py from the Princeton WordNet 3.1 database
#   (licence in WORDNET-LICENSE.md); do not edit by hand.
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dict_dir", help="folder of WordNet's database files (data.noun, ...)")
    parser.add_argument("--out", default=OUT, help="output TSV (default: %(default)s)")
    args = parser.parse_args()
    acts, charges, general, inquiries = build(args.dict_dir)
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(HEADER)
        for key, word in acts:
            f.write(f"act\t{key}\t{word}\n")
        for word, (synsets, above) in sorted(charges.items()):
            f.write(f"charge\t{word}\t{','.join(sorted(synsets))}\t{','.join(sorted(above))}\n")
        for word in general:
            f.write(f"general\t{word}\n")
        for word in inquiries:
            f.write(f"inquiry\t{word}\n")
    print(f"act: {', '.join(f'{k}:{w}' for k, w in acts)}")
    print(f"charge: {len(charges)} nouns")
    print(f"general: {', '.join(general)}")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
