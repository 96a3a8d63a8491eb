#!/usr/bin/env python3
"""Trains Parallax's part-of-speech tagger (`src/extract/tagger.rs`) on UD English EWT.

The model is a greedy, left-to-right averaged perceptron over the 17 Universal POS tags
(PUNCT is never produced: the engine's tokens contain no punctuation). Pure Python 3.11,
standard library only, no numpy.

Regenerate the shipped model from a checkout of UD English EWT
(https://github.com/UniversalDependencies/UD_English-EWT), from the repository root:

    git clone https://github.com/UniversalDependencies/UD_English-EWT ../UD_English-EWT
    python3 assets/tagger/train_tagger.py ../UD_English-EWT --with-dev \
        --out assets/tagger/en_ewt_pos.bin

This reads `en_ewt-ud-{train,dev,test}.conllu` from the checkout (when a file is missing, it
is rebuilt from `not-to-release/sources/` in the order of `not-to-release/file-lists/`; for
dev and test that gives the released files byte for byte), trains (about a minute), prints
token accuracy on dev and test (engine tokenisation, punctuation dropped) and writes the
model. Training is deterministic: the same checkout gives the same file. The shipped model
was trained on train + dev, so its dev figure is meaningless; without `--with-dev` the
model is trained on train alone and the dev figure is real. The settings (iterations,
feature set, pruning, headline copies) were chosen on dev, with the test figure printed
alongside during development. It also reads the engine's `assets/lexicon/wordfreq_en.txt`
(a feature): if that table changes, retrain.

    python3 assets/tagger/train_tagger.py ../UD_English-EWT \
        --model assets/tagger/en_ewt_pos.bin --tag "The minister did not deny it."

reads a model file back (the way the Rust code does) and prints its accuracy and the tags
of your own sentences.

How EWT is made to look like the engine's tokens (`src/text.rs`, `tokens()`):

* The sentence text (`# text =`) is re-tokenised with a port of `tokens()`: words and numbers
  with their character ranges; inner apostrophes and hyphens stay inside words, "," and "."
  between digits inside numbers; everything else separates tokens and is dropped.
* Each engine token takes its tag from the EWT words under it:
  - one word (or a part of one, "U.S." gives "U" and "S"): that word's tag;
  - the parts of one multiword token ("don't" = do + n't, "it's" = it + 's, "cannot",
    "gonna"): the tag of the first part, so "don't" is AUX, "it's" and "I'm" are PRON,
    "gonna" is VERB. The engine keeps "n't" inside the word, so negation stays visible in
    the word itself;
  - several words, as EWT splits hyphens ("al - Qaeda", "long - term") and possessives
    ("Tarvosk 's"): the PUNCT pieces are ignored and the token takes the tag of the piece
    whose syntactic head lies outside the token ("Tarvosk's" is PROPN, "well-known" ADJ);
    when that piece is an adjectival modifier (deprel amod) of a word outside, the token is
    ADJ ("so-called"). EWT makes "term" in "long - term plan" a compound noun, so
    "long-term" is NOUN.
  - an engine token that EWT tags PUNCT only (rare) is X.
* The gap between two tokens (the dropped punctuation and spaces) becomes a feature: its
  class (none, sentence end, colon, comma, bracket, quote, dash, other), computed the same
  way in Rust from the byte ranges of the tokens.
* Headlines: a copy of some training sentences is written in Title Case (tags unchanged),
  and a sentence where at least 70 % of the words are capitalised sets a title-case flag
  that the shape features are conjoined with, so that "Minister Denies Sending Troops" does
  not make every word a proper noun.

Features (mirrored exactly by `src/extract/tagger.rs`; see `static_features()` and
`dynamic_features()`): the normalised word (lower case, digits as 0), its suffixes of 1 to 4
characters, first character, shape (capitalised, all capitals, digit, hyphen, apostrophe,
also conjoined with sentence start, the previous word and the title-case flag), a crude
stem, the word's frequency band in the engine's `assets/lexicon/wordfreq_en.txt` (a
capitalised word that general English does not know is probably a name), the two words on
either side, the punctuation class before and after the token, sentence start, and the two
previous predicted tags. For words the model does not know, the tag most often seen with
known words of the same stem ("denies" from "deny", "denied"). Frequent words with one tag
in 97 % of 20 or more occurrences are looked up in a tag dictionary.

Model file (little-endian), embedded in the binary by `src/extract/tagger.rs`:

    b"PXPOS\x01"                magic and format version
    u8   number of tags, then each tag name: u8 length, ASCII bytes
    4 sections, each: u32 count, then count entries sorted by feature string
      tag dictionary  key("td " + word)  u8 tag
      stem classes    key("sc " + stem)  u8 tag
      known words     key("kn " + word)  (nothing more)
      weights         key(feature)       u8 n, n x u16: tag << 12 | weight (12-bit two's
                                         complement)

`key(s)` is the low 48 bits of the 64-bit FNV-1a hash of the UTF-8 bytes of `s` (6 bytes,
little-endian); Rust hashes the same bytes without building the strings. Weights are the
averaged perceptron weights scaled so that the largest is 2047, rounded; the tagger adds
the weights of a token's features and takes the highest sum (the lowest tag index on a
tie), so the scale does not matter.
"""

import argparse
import os
import random
import struct
import time
from collections import Counter, defaultdict

TAGS = [
    "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON",
    "PROPN", "SCONJ", "SYM", "VERB", "X",
]
TAG_INDEX = {t: i for i, t in enumerate(TAGS)}

MAGIC = b"PXPOS\x01"
KEY_BYTES = 6  # feature keys: the low 48 bits of the FNV-1a hash
KEY_MASK = (1 << (8 * KEY_BYTES)) - 1

# ---------------------------------------------------------------------------------------
# Reading EWT


def read_conllu(path):
    """Sentences as (text, words, mwts): words are (id, form, upos, head, deprel, misc),
    mwts are (first, last, form)."""
    sentences = []
    text, words, mwts = None, [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                if words:
                    sentences.append((text, words, mwts))
                text, words, mwts = None, [], []
                continue
            if line.startswith("#"):
                if line.startswith("# text = "):
                    text = line[len("# text = "):]
                continue
            cols = line.split("\t")
            if "-" in cols[0]:
                a, b = cols[0].split("-")
                mwts.append((int(a), int(b), cols[1]))
                continue
            if "." in cols[0]:
                continue  # empty nodes of the enhanced graph
            words.append((int(cols[0]), cols[1], cols[3], int(cols[6]), cols[7], cols[9]))
    if words:
        sentences.append((text, words, mwts))
    return sentences


def ensure_split(checkout, split):
    """The path of `en_ewt-ud-<split>.conllu`, rebuilt from the per-document sources of the
    checkout when the release file is missing."""
    path = os.path.join(checkout, f"en_ewt-ud-{split}.conllu")
    if os.path.exists(path) and os.path.getsize(path) > 0:
        return path
    lists = os.path.join(checkout, "not-to-release", "file-lists", f"files.{split}")
    out = os.path.join(checkout, f"en_ewt-ud-{split}.rebuilt.conllu")
    with open(lists, encoding="utf-8") as names, open(out, "w", encoding="utf-8") as dst:
        for name in names:
            name = name.strip()
            if name:
                src = os.path.join(checkout, "not-to-release", "sources", name)
                with open(src, encoding="utf-8") as s:
                    dst.write(s.read())
    return out


# ---------------------------------------------------------------------------------------
# The engine's tokenisation (a port of `tokens()` in src/text.rs) and the gap classes


def is_apostrophe(c):
    return c == "'" or c == "\u2019"


def engine_tokens(text):
    """(start, end) character ranges of the engine's tokens."""
    out = []
    n = len(text)
    i = 0
    while i < n:
        c = text[i]
        if not c.isalnum():
            i += 1
            continue
        numeric = c in "0123456789"
        j = i + 1
        while j < n:
            ch = text[j]
            if ch.isalnum():
                j += 1
                continue
            nxt = text[j + 1] if j + 1 < n else None
            if numeric:
                joins = ch in ",." and nxt is not None and nxt in "0123456789"
            else:
                joins = (is_apostrophe(ch) or ch == "-") and nxt is not None and nxt.isalpha()
            if joins:
                j += 2
            else:
                break
        out.append((i, j))
        i = j
    return out


SENTENCE_END = set(".!?\u2026")
COLON = set(":;")
BRACKET = set("()[]{}")
QUOTE = set("\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e")
DASH = set("-\u2013\u2014\u2012\u2015")


def gap_class(gap):
    """The class of the text between two tokens: '_' nothing but spaces, '.' sentence end,
    ':' colon or semicolon, ',' comma, '(' bracket, '"' quote, '-' dash, '*' other."""
    seen = set(gap)
    if not any(not c.isspace() for c in seen):
        return "_"
    if seen & SENTENCE_END:
        return "."
    if seen & COLON:
        return ":"
    if "," in seen:
        return ","
    if seen & BRACKET:
        return "("
    if seen & QUOTE:
        return '"'
    if seen & DASH:
        return "-"
    return "*"


# ---------------------------------------------------------------------------------------
# EWT sentences as engine tokens with tags


def word_spans(text, words, mwts):
    """Character range of every word (the parts of a multiword token share its range), or
    None when the forms cannot be found in the text."""
    in_mwt = {}
    for a, b, form in mwts:
        for k in range(a, b + 1):
            in_mwt[k] = (a, b, form)
    spans = {}
    pos = 0
    k = 0
    while k < len(words):
        wid = words[k][0]
        if wid in in_mwt:
            a, b, form = in_mwt[wid]
        else:
            a, b, form = wid, wid, words[k][1]
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if text.startswith(form, pos):
            start = pos
        else:
            start = text.find(form, pos)
            if start < 0:
                return None
        end = start + len(form)
        for w in range(a, b + 1):
            spans[w] = (start, end)
        pos = end
        while k < len(words) and words[k][0] <= b:
            k += 1
    return spans


def convert(sentence, stats):
    """A sentence as (text, [(start, end)], [tag]) in the engine's tokenisation."""
    text, words, mwts = sentence
    if text is None:
        stats["no text"] += 1
        return None
    spans = word_spans(text, words, mwts)
    if spans is None:
        stats["unaligned"] += 1
        return None
    by_id = {w[0]: w for w in words}
    mwt_of = {}
    for a, b, _ in mwts:
        for k in range(a, b + 1):
            mwt_of[k] = a
    toks, tags = [], []
    for s, e in engine_tokens(text):
        under = [w for w in words if spans[w[0]][0] < e and spans[w[0]][1] > s]
        if not under:
            stats["token without word"] += 1
            return None
        if len(under) == 1:
            tag = under[0][2]
            stats["one word"] += 1
        elif len({mwt_of.get(w[0], -w[0]) for w in under}) == 1:
            tag = under[0][2]
            stats["multiword token"] += 1
        else:
            pieces = [w for w in under if w[2] != "PUNCT"] or under
            ids = {w[0] for w in pieces}
            heads = [w for w in pieces if w[3] not in ids]
            head = (heads or pieces)[0]
            tag = "ADJ" if head[4].startswith("amod") else head[2]
            stats["merged pieces"] += 1
        if tag == "PUNCT":
            tag = "X"
            stats["punct as X"] += 1
        toks.append((s, e))
        tags.append(tag)
    if not toks:
        stats["empty"] += 1
        return None
    return text, toks, tags


SMALL_WORDS = {
    "a", "an", "the", "and", "but", "or", "nor", "for", "of", "to", "in", "on", "at", "by",
    "as", "up", "off", "per", "via", "vs",
}


def title_case(example, rng):
    """A copy of the sentence written as a headline: every word capitalised (or every word
    but the small ones), and half the time without articles and final punctuation, as
    headlines are written ("Minister Denies Sending Troops to Tarvosk"). Tags unchanged."""
    text, toks, tags = example
    keep_small = rng.random() < 0.5
    drop_articles = rng.random() < 0.5
    pieces, new_toks, new_tags = [], [], []
    at = 0  # length of the text built so far
    last = 0  # end of the previous kept token in the old text
    held = ""  # the gap before a dropped article
    for n, ((s, e), tag) in enumerate(zip(toks, tags)):
        word = text[s:e]
        if drop_articles and tag == "DET" and word.lower() in ("a", "an", "the"):
            held += text[last:s]
            last = e
            continue
        gap = held + text[last:s]
        held = ""
        if not new_toks:
            gap = "" if drop_articles else gap
        elif not gap.strip():
            gap = " "
        if not (keep_small and new_toks and word.lower() in SMALL_WORDS):
            up = word[0].upper()
            if len(up) == 1:
                word = up + word[1:]
        pieces.append(gap)
        at += len(gap)
        new_toks.append((at, at + len(word)))
        new_tags.append(tag)
        pieces.append(word)
        at += len(word)
        last = e
    if not new_toks:
        return example
    pieces.append("" if drop_articles else text[last:])
    return "".join(pieces), new_toks, new_tags


# ---------------------------------------------------------------------------------------
# Features (mirrored exactly by src/extract/tagger.rs)


def norm(word):
    """Lower case, typographic apostrophes as "'", every ASCII digit as '0'."""
    out = []
    for c in word.lower():
        if c == "\u2019" or c == "\u2018":
            out.append("'")
        elif c in "0123456789":
            out.append("0")
        else:
            out.append(c)
    return "".join(out)


def shape(word):
    """'A' all capitals (two letters or more), 'C' capitalised, 'd' starts with a digit,
    'l' anything else; then '0' when it holds a digit, '-' a hyphen, "'" an apostrophe."""
    first = word[0]
    letters = [c for c in word if c.isalpha()]
    if first.isupper():
        kind = "A" if len(letters) >= 2 and all(c.isupper() for c in letters) else "C"
    elif first in "0123456789":
        kind = "d"
    else:
        kind = "l"
    if any(c in "0123456789" for c in word):
        kind += "0"
    if "-" in word:
        kind += "-"
    if any(is_apostrophe(c) for c in word):
        kind += "'"
    return kind


def stem_key(w):
    """A crude stem of a normalised word, the same for most inflections of a regular word:
    "denies", "denied", "denying" and "deny" give "deny"; "plans", "planned" give "plan"."""
    for suf, rep in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if w.endswith(suf) and len(w) - len(suf) >= 3 and not (suf == "s" and w.endswith("ss")):
            w = w[: -len(suf)] + rep
            break
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiou":
        w = w[:-1]
    return w


ZIPF = {}  # normalised word -> Zipf frequency, from assets/lexicon/wordfreq_en.txt


def load_zipf(path):
    """Reads the word frequency table the way src/extract/frequency.rs does."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("#"):
                continue
            parts = line.split(" ")
            try:
                zipf = float(parts[0]) / 100.0
            except ValueError:
                continue
            for word in parts[1:]:
                if word:
                    ZIPF.setdefault(word, zipf)


def zipf_bucket(w):
    """'0' for words not in the frequency table (rarer than Zipf 3: names, rare words),
    else the integer part of the Zipf frequency, '3' to '7'."""
    z = ZIPF.get(w)
    return "0" if z is None or z < 3.0 else str(min(7, int(z)))


KNOWN = set()  # normalised words the model knows (their "w" feature has weights)
STEM_CLASS = {}  # stem_key -> the most frequent tag of the known words with that stem


def make_stem_classes(examples, min_word_count):
    """Fills KNOWN and STEM_CLASS from the training examples. A word seen fewer than
    `min_word_count` times is unknown; an unknown word gets the class of the known words that
    share its stem ("denies" is unknown, "deny", "denied" are VERB)."""
    counts = Counter()
    for text, toks, tag_list in examples:
        for (s, e), tag in zip(toks, tag_list):
            w = norm(text[s:e])
            counts[w] += 1
    KNOWN.clear()
    KNOWN.update(w for w, c in counts.items() if c >= min_word_count)
    by_stem = defaultdict(Counter)
    for text, toks, tag_list in examples:
        for (s, e), tag in zip(toks, tag_list):
            w = norm(text[s:e])
            if w in KNOWN:
                by_stem[stem_key(w)][tag] += 1
    STEM_CLASS.clear()
    for stem, c in by_stem.items():
        STEM_CLASS[stem] = min(c.items(), key=lambda kv: (-kv[1], TAG_INDEX[kv[0]]))[0]


def is_title_case(words):
    """At least three words (tokens starting with a letter) and 70 % of them capitalised."""
    letters = [w for w in words if w[0].isalpha()]
    caps = sum(1 for w in letters if w[0].isupper())
    return len(letters) >= 3 and caps * 10 >= len(letters) * 7


def suffix(w, n):
    return w[-n:] if len(w) >= n else w


def static_features(text, toks):
    """The features of every token that do not depend on predicted tags."""
    words = [text[s:e] for s, e in toks]
    normed = [norm(w) for w in words]
    title = "T" if is_title_case(words) else "n"
    n = len(toks)
    gaps = ["^"] + [gap_class(text[toks[i - 1][1]:toks[i][0]]) for i in range(1, n)]
    shapes = [shape(w) for w in words]
    out = []
    for i in range(n):
        w = normed[i]
        sh = shapes[i]
        prev1 = normed[i - 1] if i >= 1 else "<s>"
        prev2 = normed[i - 2] if i >= 2 else "<s>"
        next1 = normed[i + 1] if i + 1 < n else "</s>"
        next2 = normed[i + 2] if i + 2 < n else "</s>"
        after = gaps[i + 1] if i + 1 < n else "$"
        start = "1" if i == 0 else "0"
        f = [
            "b",
            "w " + w,
            "s1 " + suffix(w, 1),
            "s2 " + suffix(w, 2),
            "s3 " + suffix(w, 3),
            "p1 " + w[0],
            "sh " + title + sh,
            "shs " + title + start + sh,
            "shw-1 " + title + sh + " " + prev1,
            "st " + start,
            "pb " + gaps[i],
            "pa " + after,
            "w-1 " + prev1,
            "w-2 " + prev2,
            "w+1 " + next1,
            "w+2 " + next2,
            "s3-1 " + suffix(prev1, 3),
            "s3+1 " + suffix(next1, 3),
            "pbw " + gaps[i] + " " + w,
            "w-1w " + prev1 + " " + w,
            "ww+1 " + w + " " + next1,
            "s4 " + suffix(w, 4),
            "sh+1 " + title + shapes[i + 1] if i + 1 < n else "sh+1 </s>",
            "shs3 " + title + sh[0] + suffix(w, 3),
            "lem " + stem_key(w),
            "zf " + title + sh[0] + zipf_bucket(w),
        ]
        if w not in KNOWN:
            cls = STEM_CLASS.get(stem_key(w), "?")
            f.append("sc " + cls)
            f.append("scs " + cls + " " + suffix(w, 2))
        out.append(f)
    return out


# Features that name the token's own word.
WORD_FEATURES = ("w ", "pbw ", "w-1w ", "ww+1 ", "t-1w ", "lem ")
W, PB = 1, 10  # where the "w" and "pb" features are in each list of static_features()


def dynamic_features(static, prev, prev2):
    """The features of a token that depend on the tags predicted for the two before it
    (`static` is the token's list from static_features(); -1 is no token)."""
    t1 = TAGS[prev] if prev >= 0 else "<s>"
    t2 = TAGS[prev2] if prev2 >= 0 else "<s>"
    return [
        "t-1 " + t1,
        "t-2 " + t2,
        "t-1t-2 " + t1 + " " + t2,
        "t-1w " + t1 + " " + static[W][2:],
        "t-1pb " + t1 + " " + static[PB][3:],
    ]


# ---------------------------------------------------------------------------------------
# Averaged perceptron


class Perceptron:
    def __init__(self):
        self.weights = {}  # feature -> {tag: weight}
        self.totals = defaultdict(float)  # (feature, tag) -> accumulated weight
        self.stamps = defaultdict(int)  # (feature, tag) -> last update
        self.instances = 0

    def scores(self, feats):
        scores = [0.0] * len(TAGS)
        weights = self.weights
        for f in feats:
            row = weights.get(f)
            if row:
                for tag, w in row.items():
                    scores[tag] += w
        return scores

    def predict(self, feats):
        scores = self.scores(feats)
        return max(range(len(TAGS)), key=lambda t: (scores[t], -t))

    def update(self, truth, guess, feats):
        self.instances += 1
        if truth == guess:
            return
        for f in feats:
            row = self.weights.setdefault(f, {})
            for tag, delta in ((truth, 1.0), (guess, -1.0)):
                key = (f, tag)
                w = row.get(tag, 0.0)
                self.totals[key] += (self.instances - self.stamps[key]) * w
                self.stamps[key] = self.instances
                row[tag] = w + delta

    def average(self):
        for f, row in self.weights.items():
            new = {}
            for tag, w in row.items():
                key = (f, tag)
                total = self.totals[key] + (self.instances - self.stamps[key]) * w
                avg = total / self.instances
                if avg != 0.0:
                    new[tag] = avg
            self.weights[f] = new
        self.totals = defaultdict(float)
        self.stamps = defaultdict(int)


class Tagger:
    def __init__(self):
        self.model = Perceptron()
        self.tagdict = {}
        self.allowed = set()
        self.scale = 1.0

    def make_tagdict(self, examples, min_count=20, min_share=0.97):
        counts = defaultdict(Counter)
        for text, toks, tags in examples:
            for (s, e), tag in zip(toks, tags):
                counts[norm(text[s:e])][tag] += 1
        self.tagdict = {}
        for word, c in counts.items():
            tag, top = c.most_common(1)[0]
            total = sum(c.values())
            if total >= min_count and top / total >= min_share:
                self.tagdict[word] = TAG_INDEX[tag]

    def tag(self, text, toks, gold=None):
        static = static_features(text, toks)
        prev, prev2 = -1, -1
        out = []
        for i, (s, e) in enumerate(toks):
            w = static[i][W][2:]
            guess = self.tagdict.get(w)
            if guess is None:
                feats = static[i] + dynamic_features(static[i], prev, prev2)
                if gold is not None:
                    feats = [f for f in feats if f in self.allowed]
                guess = self.model.predict(feats)
                if gold is not None:
                    self.model.update(gold[i], guess, feats)
            out.append(guess)
            prev2, prev = prev, guess
        return out

    def train(self, examples, iterations, min_count, min_word_count, seed=1, log=print):
        """Trains on features seen at least `min_count` times in the examples (a
        feature seen once gets a weight that helps nothing but the file size); the
        features that name the word itself need `min_word_count`, so that the rarer
        training words teach the model how to tag words it has never seen."""
        rng = random.Random(seed)
        examples = list(examples)
        counts = Counter()
        for text, toks, tags in examples:
            for i, feats in enumerate(static_features(text, toks)):
                counts.update(feats)
                counts.update(dynamic_features(feats, TAG_INDEX[tags[i - 1]] if i else -1,
                                               TAG_INDEX[tags[i - 2]] if i > 1 else -1))
        self.allowed = {
            f for f, c in counts.items()
            if c >= (min_word_count if f.startswith(WORD_FEATURES) else min_count)
        }
        for it in range(iterations):
            rng.shuffle(examples)
            right = total = 0
            for text, toks, tags in examples:
                gold = [TAG_INDEX[t] for t in tags]
                guess = self.tag(text, toks, gold)
                right += sum(1 for g, t in zip(guess, gold) if g == t)
                total += len(gold)
            msg = f"iteration {it + 1}: train {100 * right / total:.2f}%"
            log(msg)
        self.model.average()

    def accuracy(self, examples):
        right = total = 0
        confusion = Counter()
        for text, toks, tags in examples:
            guess = self.tag(text, toks)
            for g, t in zip(guess, tags):
                total += 1
                if TAGS[g] == t:
                    right += 1
                else:
                    confusion[(t, TAGS[g])] += 1
        return right / max(total, 1), total, confusion

    # Quantisation and the model file ----------------------------------------------------

    def quantise(self, min_abs):
        """Rounds the weights to 12-bit integers (weight * scale, the scale chosen so that the
        largest weight fits) and drops weights that round below `min_abs`, and features left
        with no weight. Returns the scale."""
        largest = max(abs(w) for row in self.model.weights.values() for w in row.values())
        scale = 2047.0 / largest
        pruned = {}
        for f, row in self.model.weights.items():
            new = {}
            for tag, w in row.items():
                q = int(round(w * scale))
                if abs(q) >= min_abs:
                    new[tag] = q  # integers from here on, as in Rust: exact sums, same ties
            if new:
                pruned[f] = new
        self.model.weights = pruned
        self.scale = scale
        return scale

    def save(self, path):
        """Writes the model file (format in the module documentation)."""
        out = bytearray(MAGIC)
        out += bytes([len(TAGS)])
        for t in TAGS:
            out += bytes([len(t)]) + t.encode("ascii")
        seen = {}

        def key(feature):
            k = fnv64(feature.encode("utf-8")) & KEY_MASK
            if seen.setdefault(k, feature) != feature:
                raise SystemExit(f"hash collision: {feature!r} and {seen[k]!r}")
            return struct.pack("<Q", k)[:KEY_BYTES]

        def section(entries):
            entries = sorted(entries)
            out.extend(struct.pack("<I", len(entries)))
            for _, k, tail in entries:
                out.extend(k + tail)

        section((f, key("td " + w), bytes([t])) for w, t in self.tagdict.items()
                for f in ["td " + w])
        section((f, key("sc " + stem), bytes([TAG_INDEX[t]])) for stem, t in STEM_CLASS.items()
                for f in ["sc " + stem])
        known = {w for w in KNOWN if w not in self.tagdict}
        section((f, key("kn " + w), b"") for w in known for f in ["kn " + w])
        rows = []
        for f, row in self.model.weights.items():
            tail = bytearray([len(row)])
            for tag in sorted(row):
                q = row[tag] & 0xFFF
                tail += struct.pack("<H", (tag << 12) | q)
            rows.append((f, key(f), bytes(tail)))
        section(rows)
        with open(path, "wb") as f:
            f.write(out)
        return len(out)


class ShippedTagger(Tagger):
    """A model file read back, to check it: features are looked up by key, as in Rust."""

    def __init__(self, path):
        super().__init__()
        global KNOWN, STEM_CLASS
        with open(path, "rb") as f:
            data = f.read()
        if not data.startswith(MAGIC):
            raise SystemExit(f"{path}: not a tagger model")
        at = len(MAGIC)
        names = []
        for _ in range(data[at] if at < len(data) else 0):
            n = data[at + 1]
            names.append(data[at + 2:at + 2 + n].decode("ascii"))
            at += 1 + n
        at += 1
        if names != TAGS:
            raise SystemExit(f"{path}: unexpected tags {names}")

        def section(tail):
            nonlocal at
            (count,) = struct.unpack_from("<I", data, at)
            at += 4
            entries = {}
            for _ in range(count):
                k = int.from_bytes(data[at:at + KEY_BYTES], "little")
                at += KEY_BYTES
                entries[k] = tail()
            return entries

        def one_byte():
            nonlocal at
            at += 1
            return data[at - 1]

        def row():
            nonlocal at
            n = data[at]
            weights = {}
            for i in range(n):
                (v,) = struct.unpack_from("<H", data, at + 1 + 2 * i)
                q = v & 0xFFF
                weights[v >> 12] = q - 4096 if q >= 2048 else q
            at += 1 + 2 * n
            return weights

        self.dict_keys = section(one_byte)
        stems = section(one_byte)
        known = section(lambda: True)
        self.rows = section(row)
        if at != len(data):
            raise SystemExit(f"{path}: {len(data) - at} bytes left over")

        class Hashed:
            def __init__(self, prefix, table, default=None):
                self.prefix, self.table, self.default = prefix, table, default

            def __contains__(self, w):
                return key(self.prefix + w) in self.table

            def get(self, w, default=None):
                t = self.table.get(key(self.prefix + w))
                return default if t is None else TAGS[t]

        KNOWN = Hashed("kn ", known)
        STEM_CLASS = Hashed("sc ", stems)

    def tag(self, text, toks, gold=None):
        static = static_features(text, toks)
        prev, prev2 = -1, -1
        out = []
        for i in range(len(toks)):
            guess = self.dict_keys.get(key("td " + static[i][W][2:]))
            if guess is None:
                scores = [0] * len(TAGS)
                for f in static[i] + dynamic_features(static[i], prev, prev2):
                    for t, q in self.rows.get(key(f), {}).items():
                        scores[t] += q
                guess = max(range(len(TAGS)), key=lambda t: (scores[t], -t))
            out.append(guess)
            prev2, prev = prev, guess
        return out


def key(feature):
    """The key of a feature string in the model file."""
    return fnv64(feature.encode("utf-8")) & KEY_MASK


def fnv64(data):
    h = 0xCBF29CE484222325
    for b in data:
        h ^= b
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


# ---------------------------------------------------------------------------------------


def load_split(checkout, split, stats):
    out = []
    for sentence in read_conllu(ensure_split(checkout, split)):
        ex = convert(sentence, stats)
        if ex is not None:
            out.append(ex)
    return out


def show(tagger, sentence):
    toks = engine_tokens(sentence)
    tags = tagger.tag(sentence, toks)
    return " ".join(f"{sentence[s:e]}/{TAGS[t]}" for (s, e), t in zip(toks, tags))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("checkout", help="a checkout of UD_English-EWT")
    ap.add_argument("--out", help="where to write the model")
    ap.add_argument("--iterations", type=int, default=8)
    ap.add_argument("--title-share", type=float, default=0.2,
                    help="share of training sentences added again as headlines")
    ap.add_argument("--min-count", type=int, default=2,
                    help="features seen fewer times in training get no weight")
    ap.add_argument("--min-word-count", type=int, default=3,
                    help="words seen fewer times are unknown words to the model")
    ap.add_argument("--min-weight", type=int, default=4,
                    help="drop quantised weights below this (of 2047 for the largest)")
    ap.add_argument("--with-dev", action="store_true",
                    help="train on train + dev (the dev figure is then meaningless)")
    ap.add_argument("--tag", action="append", default=[], help="a sentence to tag")
    ap.add_argument("--wordfreq", default=os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "lexicon", "wordfreq_en.txt"),
        help="the engine's word frequency table (a feature)")
    ap.add_argument("--model", help="read this model file back instead of training: "
                    "accuracy on dev and test, and --tag")
    args = ap.parse_args()
    load_zipf(args.wordfreq)
    if args.model:
        shipped = ShippedTagger(args.model)
        stats = Counter()
        for split in ("dev", "test"):
            acc, n, _ = shipped.accuracy(load_split(args.checkout, split, stats))
            print(f"{args.model}: {split} accuracy {100 * acc:.2f}% of {n} tokens")
        for sentence in args.tag:
            print(show(shipped, sentence))
        return

    stats = Counter()
    train = load_split(args.checkout, "train", stats)
    dev = load_split(args.checkout, "dev", stats)
    test = load_split(args.checkout, "test", stats)
    print(f"sentences: train {len(train)}, dev {len(dev)}, test {len(test)}")
    print("engine tokens from:", ", ".join(f"{k} {v}" for k, v in sorted(stats.items())))
    data = train + (dev if args.with_dev else [])
    make_stem_classes(data, args.min_word_count)
    tagger = Tagger()
    tagger.make_tagdict(data)
    rng = random.Random(7)
    extra = [title_case(ex, rng) for ex in data if rng.random() < args.title_share]
    print(f"training: {len(data)} sentences, {sum(len(t) for _, t, _ in data)} tokens, "
          f"+ {len(extra)} as headlines; {len(tagger.tagdict)} words in the tag dictionary, "
          f"{len(KNOWN)} known words, {len(STEM_CLASS)} stem classes")
    t0 = time.time()
    tagger.train(data + extra, args.iterations, args.min_count, args.min_word_count)
    print(f"trained in {time.time() - t0:.0f} s")
    scale = tagger.quantise(args.min_weight)
    n_feat = len(tagger.model.weights)
    n_w = sum(len(r) for r in tagger.model.weights.values())
    print(f"model: {n_feat} features, {n_w} weights, scale {scale:.2f}")
    for name, split in (("dev", dev), ("test", test)):
        acc, n, confusion = tagger.accuracy(split)
        print(f"{name} accuracy: {100 * acc:.2f}% of {n} tokens")
        print("  most frequent errors (gold -> guess):",
              ", ".join(f"{g}->{p} {c}" for (g, p), c in confusion.most_common(8)))
    t0 = time.time()
    n = 0
    for text, toks, _ in test:
        tagger.tag(text, toks)
        n += len(toks)
    print(f"tagging speed (this Python): {n / (time.time() - t0):.0f} tokens/s")
    for sentence in args.tag:
        print(show(tagger, sentence))
    if args.out:
        size = tagger.save(args.out)
        print(f"wrote {args.out}: {size} bytes")


if __name__ == "__main__":
    main()
