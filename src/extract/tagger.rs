//! Part-of-speech tags for the engine's tokens, for the claim layer.
//!
//! A claim is read per sentence as subject, predicate, negation and object, and for that the
//! engine must know which words are verbs (and auxiliaries), which are nouns, names,
//! pronouns and numbers, and where "not" and "never" sit. [`tag`] gives every token of a
//! sentence one Universal POS tag ([`Pos`]).
//!
//! A token that EWT splits takes the tag of its first part, or of its head: "don't",
//! "didn't" and "can't" are AUX (the negation is in the word: look for "n't"), "it's" and
//! "I'm" PRON, "Tarvosk's" PROPN, "al-Qaeda" PROPN, "well-known" ADJ (but "long-term" NOUN,
//! as EWT has it). Numbers ("12,500", "4.2") are NUM.
//!
//! The tagger is a greedy, left-to-right averaged perceptron trained on the Universal
//! Dependencies English Web Treebank (UD English EWT,
//! <https://github.com/UniversalDependencies/UD_English-EWT>), re-tokenised the way
//! [`crate::text::tokens`] splits text: punctuation dropped, "don't" and "al-Qaeda" one
//! token each. Its features are the word, suffixes, prefix, shape, a crude stem, the word's
//! frequency band in general English ([`super::frequency`]), the neighbouring words, the
//! punctuation before and after the token, sentence start and the two previous tags. It
//! tags about 94 % of the EWT test tokens right (punctuation excluded); web text is not
//! news, so expect it to miss some names and headline verbs. Words are looked up by hash,
//! no strings are built per feature.
//!
//! The model (`assets/tagger/en_ewt_pos.bin`, about 1.2 MB) is embedded in the binary and
//! read once, on first use. Being derived from UD English EWT, it is under CC BY-SA 4.0;
//! `assets/tagger/LICENSE.md` has the details and `assets/tagger/train_tagger.py`
//! regenerates it, and is the reference for every feature below.

use crate::text::Token;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

const MODEL: &[u8] = include_bytes!("../../assets/tagger/en_ewt_pos.bin");
const MAGIC: &[u8] = b"PXPOS\x01";
/// Feature keys are the low 48 bits of a 64-bit FNV-1a hash, stored in six bytes.
const KEY_BYTES: usize = 6;
const KEY_MASK: u64 = (1 << (8 * KEY_BYTES)) - 1;

/// A Universal POS tag. PUNCT is missing: tokens never hold punctuation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pos {
    Adj,
    Adp,
    Adv,
    Aux,
    Cconj,
    Det,
    Intj,
    Noun,
    Num,
    Part,
    Pron,
    Propn,
    Sconj,
    Sym,
    Verb,
    X,
}

impl Pos {
    const ALL: [Pos; 16] = [
        Pos::Adj,
        Pos::Adp,
        Pos::Adv,
        Pos::Aux,
        Pos::Cconj,
        Pos::Det,
        Pos::Intj,
        Pos::Noun,
        Pos::Num,
        Pos::Part,
        Pos::Pron,
        Pos::Propn,
        Pos::Sconj,
        Pos::Sym,
        Pos::Verb,
        Pos::X,
    ];

    /// The tag as Universal Dependencies writes it ("NOUN", "PROPN").
    pub fn as_str(self) -> &'static str {
        match self {
            Pos::Adj => "ADJ",
            Pos::Adp => "ADP",
            Pos::Adv => "ADV",
            Pos::Aux => "AUX",
            Pos::Cconj => "CCONJ",
            Pos::Det => "DET",
            Pos::Intj => "INTJ",
            Pos::Noun => "NOUN",
            Pos::Num => "NUM",
            Pos::Part => "PART",
            Pos::Pron => "PRON",
            Pos::Propn => "PROPN",
            Pos::Sconj => "SCONJ",
            Pos::Sym => "SYM",
            Pos::Verb => "VERB",
            Pos::X => "X",
        }
    }

    /// A verb or an auxiliary ("said", "did", "were", "would").
    pub fn is_verbal(self) -> bool {
        matches!(self, Pos::Verb | Pos::Aux)
    }

    /// Something that can be a subject or an object: a noun, a name, a pronoun or a number.
    pub fn is_nominal(self) -> bool {
        matches!(self, Pos::Noun | Pos::Propn | Pos::Pron | Pos::Num)
    }
}

/// Tags the tokens of one sentence: `tokens` come from [`crate::text::tokens`], with byte
/// ranges into `text` (the sentence or the whole document), in order. The text between two
/// tokens tells the tagger about punctuation; the first token is taken as the sentence
/// start. One tag per token; never panics, whatever the input.
pub fn tag(text: &str, tokens: &[Token<'_>]) -> Vec<Pos> {
    let model = model();
    let n = tokens.len();
    let words: Vec<Word> = tokens.iter().map(|t| Word::new(t.text)).collect();
    let title = if is_title_case(tokens) { "T" } else { "n" };
    // gaps[i]: the punctuation class between token i - 1 and token i; "^" before the first.
    let mut gaps: Vec<&'static str> = Vec::with_capacity(n + 1);
    gaps.push("^");
    for pair in tokens.windows(2) {
        let gap = text.get(pair[0].end..pair[1].start).unwrap_or("");
        gaps.push(gap_class(gap));
    }
    gaps.push("$");
    let mut out = Vec::with_capacity(n);
    let mut keys: Vec<u64> = Vec::with_capacity(40);
    let mut prev: Option<usize> = None;
    let mut prev2: Option<usize> = None;
    for i in 0..n {
        let word = &words[i];
        let w = word.norm.as_str();
        let guess = match model.dictionary.get(&key(&["td ", w])) {
            Some(&tag) => tag as usize,
            None => {
                keys.clear();
                features(
                    &mut keys,
                    Context {
                        words: &words,
                        i,
                        title,
                        gaps: &gaps,
                        model,
                    },
                );
                let t1 = prev.map_or("<s>", |t| model.tag_name(t));
                let t2 = prev2.map_or("<s>", |t| model.tag_name(t));
                keys.push(key(&["t-1 ", t1]));
                keys.push(key(&["t-2 ", t2]));
                keys.push(key(&["t-1t-2 ", t1, " ", t2]));
                keys.push(key(&["t-1w ", t1, " ", w]));
                keys.push(key(&["t-1pb ", t1, " ", gaps[i]]));
                model.best(&keys)
            }
        };
        out.push(model.pos(guess));
        prev2 = prev;
        prev = Some(guess);
    }
    out
}

/// One token as the features see it.
struct Word {
    /// Lower case, typographic apostrophes as "'", ASCII digits as "0".
    norm: String,
    /// See [`shape`].
    shape: String,
    stem: String,
}

impl Word {
    fn new(original: &str) -> Word {
        let norm: String = original
            .to_lowercase()
            .chars()
            .map(|c| match c {
                '\u{2019}' | '\u{2018}' => '\'',
                '0'..='9' => '0',
                other => other,
            })
            .collect();
        let stem = stem_key(&norm);
        Word {
            shape: shape(original),
            norm,
            stem,
        }
    }
}

struct Context<'s> {
    words: &'s [Word],
    i: usize,
    title: &'static str,
    gaps: &'s [&'static str],
    model: &'static Model,
}

/// The keys of the features of token `i` that do not depend on the predicted tags, in the
/// order of `static_features()` in train_tagger.py.
fn features(keys: &mut Vec<u64>, cx: Context<'_>) {
    let Context {
        words,
        i,
        title,
        gaps,
        model,
    } = cx;
    let word = &words[i];
    let w = word.norm.as_str();
    let sh = word.shape.as_str();
    let kind = &sh[..1];
    let prev1 = if i >= 1 {
        words[i - 1].norm.as_str()
    } else {
        "<s>"
    };
    let prev2 = if i >= 2 {
        words[i - 2].norm.as_str()
    } else {
        "<s>"
    };
    let next1 = words.get(i + 1).map_or("</s>", |x| x.norm.as_str());
    let next2 = words.get(i + 2).map_or("</s>", |x| x.norm.as_str());
    let before = gaps[i];
    let after = gaps[i + 1];
    let start = if i == 0 { "1" } else { "0" };
    let first = w.chars().next().map_or("", |c| &w[..c.len_utf8()]);
    keys.push(key(&["b"]));
    keys.push(key(&["w ", w]));
    keys.push(key(&["s1 ", suffix(w, 1)]));
    keys.push(key(&["s2 ", suffix(w, 2)]));
    keys.push(key(&["s3 ", suffix(w, 3)]));
    keys.push(key(&["p1 ", first]));
    keys.push(key(&["sh ", title, sh]));
    keys.push(key(&["shs ", title, start, sh]));
    keys.push(key(&["shw-1 ", title, sh, " ", prev1]));
    keys.push(key(&["st ", start]));
    keys.push(key(&["pb ", before]));
    keys.push(key(&["pa ", after]));
    keys.push(key(&["w-1 ", prev1]));
    keys.push(key(&["w-2 ", prev2]));
    keys.push(key(&["w+1 ", next1]));
    keys.push(key(&["w+2 ", next2]));
    keys.push(key(&["s3-1 ", suffix(prev1, 3)]));
    keys.push(key(&["s3+1 ", suffix(next1, 3)]));
    keys.push(key(&["pbw ", before, " ", w]));
    keys.push(key(&["w-1w ", prev1, " ", w]));
    keys.push(key(&["ww+1 ", w, " ", next1]));
    keys.push(key(&["s4 ", suffix(w, 4)]));
    keys.push(match words.get(i + 1) {
        Some(next) => key(&["sh+1 ", title, &next.shape]),
        None => key(&["sh+1 </s>"]),
    });
    keys.push(key(&["shs3 ", title, kind, suffix(w, 3)]));
    keys.push(key(&["lem ", &word.stem]));
    keys.push(key(&["zf ", title, kind, zipf_band(w)]));
    if !model.known.contains(&key(&["kn ", w])) {
        let class = model
            .stems
            .get(&key(&["sc ", &word.stem]))
            .map_or("?", |&t| model.tag_name(t as usize));
        keys.push(key(&["sc ", class]));
        keys.push(key(&["scs ", class, " ", suffix(w, 2)]));
    }
}

/// 'A' all capitals (two letters or more), 'C' capitalised, 'd' starts with a digit, 'l'
/// anything else; then '0' when the word holds a digit, '-' a hyphen, "'" an apostrophe.
fn shape(word: &str) -> String {
    let mut out = String::with_capacity(4);
    let first = word.chars().next();
    if first.is_some_and(char::is_uppercase) {
        let mut letters = word.chars().filter(|c| c.is_alphabetic());
        let count = letters.clone().count();
        out.push(if count >= 2 && letters.all(char::is_uppercase) {
            'A'
        } else {
            'C'
        });
    } else if first.is_some_and(|c| c.is_ascii_digit()) {
        out.push('d');
    } else {
        out.push('l');
    }
    if word.chars().any(|c| c.is_ascii_digit()) {
        out.push('0');
    }
    if word.contains('-') {
        out.push('-');
    }
    if word.contains(['\'', '\u{2019}']) {
        out.push('\'');
    }
    out
}

/// A crude stem: "denies", "denied", "denying" and "deny" all give "deny"; "plans" and
/// "planned" give "plan". Only a feature, it need not be a word.
fn stem_key(word: &str) -> String {
    const RULES: [(&str, &str); 6] = [
        ("ies", "y"),
        ("ied", "y"),
        ("ing", ""),
        ("ed", ""),
        ("es", ""),
        ("s", ""),
    ];
    let mut w = word.to_string();
    let mut chars = w.chars().count();
    for (suffix, replacement) in RULES {
        // The suffixes are ASCII: their length in bytes is their length in characters.
        if w.ends_with(suffix) && chars - suffix.len() >= 3 && !(suffix == "s" && w.ends_with("ss"))
        {
            w.truncate(w.len() - suffix.len());
            w.push_str(replacement);
            chars = chars - suffix.len() + replacement.len();
            break;
        }
    }
    if chars > 3 && w.ends_with('e') {
        w.pop();
        chars -= 1;
    }
    if chars > 3 {
        let mut last = w.chars().rev();
        if let (Some(a), Some(b)) = (last.next(), last.next())
            && a == b
            && !"aeiou".contains(a)
        {
            w.pop();
        }
    }
    w
}

/// The last `n` characters of a word (all of it when it is shorter).
fn suffix(word: &str, n: usize) -> &str {
    match word.char_indices().rev().nth(n - 1) {
        Some((at, _)) => &word[at..],
        None => word,
    }
}

/// '0' for words that general English does not list (rarer than Zipf 3), else the integer
/// part of their Zipf frequency, '3' to '7'.
fn zipf_band(norm: &str) -> &'static str {
    let zipf = super::frequency::frequencies().word(norm);
    if zipf < 3.0 {
        return "0";
    }
    match zipf as u32 {
        0..=3 => "3",
        4 => "4",
        5 => "5",
        6 => "6",
        _ => "7",
    }
}

/// At least three words (tokens that start with a letter), 70 % of them capitalised.
fn is_title_case(tokens: &[Token<'_>]) -> bool {
    let (mut words, mut capitalised) = (0usize, 0usize);
    for token in tokens {
        if let Some(c) = token.text.chars().next().filter(|c| c.is_alphabetic()) {
            words += 1;
            if c.is_uppercase() {
                capitalised += 1;
            }
        }
    }
    words >= 3 && capitalised * 10 >= words * 7
}

/// The class of the text between two tokens: "_" only spaces, "." sentence end, ":" colon
/// or semicolon, "," comma, "(" bracket, "\"" quote, "-" dash, "*" anything else.
fn gap_class(gap: &str) -> &'static str {
    if gap.chars().all(char::is_whitespace) {
        return "_";
    }
    let any = |set: &[char]| gap.contains(set);
    if any(&['.', '!', '?', '\u{2026}']) {
        "."
    } else if any(&[':', ';']) {
        ":"
    } else if any(&[',']) {
        ","
    } else if any(&['(', ')', '[', ']', '{', '}']) {
        "("
    } else if any(&[
        '"', '\'', '\u{201c}', '\u{201d}', '\u{2018}', '\u{2019}', '\u{ab}', '\u{bb}', '\u{201e}',
    ]) {
        "\""
    } else if any(&['-', '\u{2013}', '\u{2014}', '\u{2012}', '\u{2015}']) {
        "-"
    } else {
        "*"
    }
}

/// The key of the feature string made of `parts`: FNV-1a over their bytes, low 48 bits.
fn key(parts: &[&str]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for &byte in part.as_bytes() {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    hash & KEY_MASK
}

/// Keys are hashes already; one multiplication spreads their 48 bits over the 64 that the
/// hash table looks at.
#[derive(Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(byte)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        }
    }

    fn write_u64(&mut self, key: u64) {
        self.0 = key.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

type Keyed<V> = HashMap<u64, V, BuildHasherDefault<KeyHasher>>;

/// The parsed model: tables of keys, and for each weighted feature where its weights start
/// in [`MODEL`].
struct Model {
    /// The model file.
    bytes: &'static [u8],
    tags: Vec<Pos>,
    names: Vec<&'static str>,
    dictionary: Keyed<u8>,
    stems: Keyed<u8>,
    known: HashSet<u64, BuildHasherDefault<KeyHasher>>,
    weights: Keyed<u32>,
}

fn model() -> &'static Model {
    static MODEL_CELL: OnceLock<Model> = OnceLock::new();
    MODEL_CELL.get_or_init(|| Model::parse(MODEL).unwrap_or_else(Model::empty))
}

/// Reads little-endian values from the model file; `None` past its end.
struct Reader {
    bytes: &'static [u8],
    at: usize,
}

impl Reader {
    fn take(&mut self, n: usize) -> Option<&'static [u8]> {
        let slice = self.bytes.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(slice)
    }

    fn u8(&mut self) -> Option<u8> {
        self.take(1).map(|b| b[0])
    }

    fn u32(&mut self) -> Option<u32> {
        let b = self.take(4)?;
        Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    /// `count` entries of a section, or fewer if the rest of the file cannot hold them (a
    /// capacity to reserve).
    fn at_most(&self, count: usize) -> usize {
        count.min((self.bytes.len() - self.at.min(self.bytes.len())) / KEY_BYTES)
    }

    fn key(&mut self) -> Option<u64> {
        let b = self.take(KEY_BYTES)?;
        let mut full = [0u8; 8];
        full[..KEY_BYTES].copy_from_slice(b);
        Some(u64::from_le_bytes(full))
    }
}

impl Model {
    fn empty() -> Model {
        Model {
            bytes: &[],
            tags: vec![Pos::X],
            names: vec!["X"],
            dictionary: Keyed::default(),
            stems: Keyed::default(),
            known: HashSet::default(),
            weights: Keyed::default(),
        }
    }

    fn parse(bytes: &'static [u8]) -> Option<Model> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(MAGIC.len())? != MAGIC {
            return None;
        }
        let tag_count = r.u8()? as usize;
        let mut tags = Vec::with_capacity(tag_count);
        let mut names = Vec::with_capacity(tag_count);
        for _ in 0..tag_count {
            let len = r.u8()? as usize;
            let name = std::str::from_utf8(r.take(len)?).ok()?;
            tags.push(
                Pos::ALL
                    .into_iter()
                    .find(|p| p.as_str() == name)
                    .unwrap_or(Pos::X),
            );
            names.push(name);
        }
        if tags.is_empty() || tags.len() > 16 {
            return None;
        }
        let tagged = |r: &mut Reader| -> Option<Keyed<u8>> {
            let count = r.u32()? as usize;
            let mut table = Keyed::with_capacity_and_hasher(r.at_most(count), Default::default());
            for _ in 0..count {
                let key = r.key()?;
                let tag = r.u8()?;
                if tag as usize >= tag_count {
                    return None;
                }
                table.insert(key, tag);
            }
            Some(table)
        };
        let dictionary = tagged(&mut r)?;
        let stems = tagged(&mut r)?;
        let count = r.u32()? as usize;
        let mut known = HashSet::with_capacity_and_hasher(r.at_most(count), Default::default());
        for _ in 0..count {
            known.insert(r.key()?);
        }
        let count = r.u32()? as usize;
        let mut weights = Keyed::with_capacity_and_hasher(r.at_most(count), Default::default());
        for _ in 0..count {
            let key = r.key()?;
            let at = u32::try_from(r.at).ok()?;
            let n = r.u8()? as usize;
            r.take(2 * n)?;
            weights.insert(key, at);
        }
        (r.at == bytes.len()).then_some(Model {
            bytes,
            tags,
            names,
            dictionary,
            stems,
            known,
            weights,
        })
    }

    fn tag_name(&self, tag: usize) -> &'static str {
        self.names.get(tag).copied().unwrap_or("X")
    }

    fn pos(&self, tag: usize) -> Pos {
        self.tags.get(tag).copied().unwrap_or(Pos::X)
    }

    /// The tag whose weights over these features add up highest; the first on a tie.
    fn best(&self, keys: &[u64]) -> usize {
        let mut scores = [0i32; 16];
        for key in keys {
            let Some(&at) = self.weights.get(key) else {
                continue;
            };
            let at = at as usize;
            let n = self.bytes.get(at).copied().unwrap_or(0) as usize;
            let Some(packed) = self.bytes.get(at + 1..at + 1 + 2 * n) else {
                continue;
            };
            for pair in packed.chunks_exact(2) {
                let value = u16::from_le_bytes([pair[0], pair[1]]);
                let tag = usize::from(value >> 12);
                // 12-bit two's complement.
                let weight = i32::from((value << 4) as i16 >> 4);
                scores[tag] += weight;
            }
        }
        let mut best = 0;
        for (tag, &score) in scores.iter().enumerate().take(self.tags.len()) {
            if score > scores[best] {
                best = tag;
            }
        }
        best
    }
}

#[cfg(test)]
mod tests;
