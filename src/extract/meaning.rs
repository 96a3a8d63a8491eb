//! Meaning beyond shared words: a sentence vector from a static embedding table.
//!
//! Outlets retell one statement in other words ("businesses" / "firms", a quote against its
//! retelling in reported speech). Word overlap cannot see that; a sentence model can, but
//! running one costs seconds per story on two cores. The table in `assets/embed/` was
//! distilled from the sentence model all-MiniLM-L6-v2 (Apache-2.0) by the model2vec method:
//! each WordPiece token of the model's vocabulary got the vector the model gives it alone,
//! reduced to 256 dimensions and weighted down when the token is frequent. A sentence's
//! vector is the mean of its tokens' vectors, so embedding is a table look-up per token:
//! thousands of sentences a second. `assets/embed/README.md` has the source, the checksum,
//! the recipe (`build_table.py`) and what it measured.
//!
//! The tokeniser is BERT's, as the table needs: control characters removed, lower case,
//! accents stripped, punctuation and CJK characters split off, then WordPiece (greedy
//! longest match, `##` for a word's continuation, `[UNK]` for a word it cannot cover).
//!
//! The vectors are made for English, so only English documents get one ([`embeds`]); the
//! aligner blends their cosine with its lexical score, and the gates on actors, speakers and
//! occasions still decide near-miss events.

use std::collections::HashMap;
use std::sync::OnceLock;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

const TABLE: &[u8] = include_bytes!("../../assets/embed/minilm_static.bin");
const VOCAB: &str = include_str!("../../assets/embed/vocab.txt");
const MAGIC: &[u8; 8] = b"PXEMB1\0\0";
/// A word longer than this many characters is `[UNK]`, as in BERT.
const MAX_WORD_CHARS: usize = 100;

/// The embedding table: the vocabulary and its rows of half-precision numbers.
struct Table {
    ids: HashMap<&'static str, u32>,
    dims: usize,
    rows: &'static [u8],
}

fn table() -> &'static Table {
    static TABLE_CELL: OnceLock<Table> = OnceLock::new();
    TABLE_CELL.get_or_init(|| {
        let header = |at: usize| u32::from_le_bytes(TABLE[at..at + 4].try_into().unwrap_or([0; 4]));
        assert!(
            TABLE.starts_with(MAGIC),
            "assets/embed/minilm_static.bin: wrong format"
        );
        let (rows, dims) = (header(8) as usize, header(12) as usize);
        let ids: HashMap<&'static str, u32> = VOCAB
            .lines()
            .enumerate()
            .map(|(index, token)| (token, index as u32))
            .collect();
        assert_eq!(ids.len(), rows, "vocab.txt and the table disagree");
        Table {
            ids,
            dims,
            rows: &TABLE[16..16 + rows * dims * 2],
        }
    })
}

/// The number of dimensions of a sentence vector.
pub fn dimensions() -> usize {
    table().dims
}

/// An IEEE half-precision number as `f32`.
fn half_to_f32(bits: u16) -> f32 {
    let sign = if bits & 0x8000 != 0 { -1.0 } else { 1.0 };
    let exponent = i32::from((bits >> 10) & 0x1f);
    let fraction = f32::from(bits & 0x3ff);
    match exponent {
        0 => sign * fraction * 2f32.powi(-24),
        31 => {
            if fraction == 0.0 {
                sign * f32::INFINITY
            } else {
                f32::NAN
            }
        }
        _ => sign * (1.0 + fraction / 1024.0) * 2f32.powi(exponent - 15),
    }
}

/// Whether BERT's basic tokeniser splits `c` off as punctuation.
fn is_punctuation(c: char) -> bool {
    let code = c as u32;
    matches!(code, 33..=47 | 58..=64 | 91..=96 | 123..=126)
        || (!c.is_alphanumeric() && !c.is_whitespace() && !c.is_control() && code > 127)
}

/// Whether `c` is a CJK ideograph, which BERT treats as a word of its own.
fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0x20000..=0x2A6DF | 0x2A700..=0x2B73F
        | 0x2B740..=0x2B81F | 0x2B820..=0x2CEAF | 0xF900..=0xFAFF | 0x2F800..=0x2FA1F)
}

/// BERT's basic tokenisation: words and punctuation, lower-cased, without accents.
fn basic_words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut current = String::new();
    let flush = |current: &mut String, words: &mut Vec<String>| {
        if !current.is_empty() {
            words.push(std::mem::take(current));
        }
    };
    for c in text.nfd() {
        // Control characters (U+0085 among them) are deleted, not spaces; tab and line
        // breaks are spaces.
        if c == '\0' || c == '\u{fffd}' || (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) {
            continue;
        }
        if is_combining_mark(c) {
            continue;
        }
        if c.is_whitespace() {
            flush(&mut current, &mut words);
        } else if is_punctuation(c) || is_cjk(c) {
            flush(&mut current, &mut words);
            words.push(c.to_lowercase().collect());
        } else {
            current.extend(c.to_lowercase());
        }
    }
    flush(&mut current, &mut words);
    words
}

/// The WordPiece token ids of a text (`[UNK]` left out: its row is zero anyway).
pub fn token_ids(text: &str) -> Vec<u32> {
    let table = table();
    let mut ids = Vec::new();
    let mut key = String::new();
    for word in basic_words(text) {
        let chars: Vec<(usize, char)> = word.char_indices().collect();
        if chars.len() > MAX_WORD_CHARS {
            continue;
        }
        let mut pieces = Vec::new();
        let mut start = 0;
        let mut whole = true;
        while start < chars.len() {
            let from = chars[start].0;
            let found = (start + 1..=chars.len()).rev().find_map(|end| {
                let to = chars.get(end).map_or(word.len(), |p| p.0);
                let piece = &word[from..to];
                key.clear();
                if start > 0 {
                    key.push_str("##");
                }
                key.push_str(piece);
                table.ids.get(key.as_str()).map(|&id| (id, end))
            });
            match found {
                Some((id, end)) => {
                    pieces.push(id);
                    start = end;
                }
                None => {
                    whole = false;
                    break;
                }
            }
        }
        if whole {
            ids.extend(pieces);
        }
    }
    ids
}

/// Whether documents in `language` (a code from [`crate::text::guess_language`]) get
/// sentence vectors: the table was made from an English model.
pub fn embeds(language: &str) -> bool {
    language == "en"
}

/// Every half-precision number decoded once (256 KB), so that summing rows is a look-up.
fn halves() -> &'static [f32] {
    static HALVES: OnceLock<Vec<f32>> = OnceLock::new();
    HALVES.get_or_init(|| (0..=u16::MAX).map(half_to_f32).collect())
}

/// The unit-length sentence vector of `text`: the mean of its tokens' rows; `None` when no
/// token has a row (an empty or unknown text).
pub fn sentence_vector(text: &str) -> Option<Vec<f32>> {
    let table = table();
    let halves = halves();
    let mut sum = vec![0f32; table.dims];
    let mut counted = 0usize;
    for id in token_ids(text) {
        let at = id as usize * table.dims * 2;
        let row = &table.rows[at..at + table.dims * 2];
        let mut nonzero = false;
        for (value, bytes) in sum.iter_mut().zip(row.chunks_exact(2)) {
            let bits = u16::from_le_bytes([bytes[0], bytes[1]]);
            nonzero |= bits & 0x7fff != 0;
            *value += halves[usize::from(bits)];
        }
        counted += usize::from(nonzero);
    }
    let norm = sum.iter().map(|v| v * v).sum::<f32>().sqrt();
    (counted > 0 && norm > 0.0).then(|| sum.into_iter().map(|v| v / norm).collect())
}

/// The cosine of two unit vectors.
pub fn cosine(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn halves_decode() {
        assert_eq!(half_to_f32(0x3c00), 1.0);
        assert_eq!(half_to_f32(0xc000), -2.0);
        assert_eq!(half_to_f32(0x0000), 0.0);
        assert!((half_to_f32(0x3555) - 0.333_25).abs() < 1e-4);
    }

    #[test]
    fn wordpiece_splits_as_bert_does() {
        let table = table();
        let token = |id: u32| {
            table
                .ids
                .iter()
                .find(|(_, v)| **v == id)
                .map(|(k, _)| k.to_string())
                .unwrap()
        };
        let tokens: Vec<String> = token_ids("Goïta's unaffordable tariffs!")
            .into_iter()
            .map(token)
            .collect();
        assert!(!tokens[0].starts_with("##"), "{tokens:?}");
        assert!(tokens.contains(&"!".to_string()));
        assert!(tokens.iter().any(|t| t.starts_with("##")));
        assert_eq!(basic_words("Ça\u{85}va"), ["cava"]);
    }

    #[test]
    fn paraphrases_are_closer_than_other_topics() {
        let a = sentence_vector("Firms will pay a new tax on imported steel.").unwrap();
        let b = sentence_vector("Businesses face a levy on foreign steel.").unwrap();
        let c = sentence_vector("The striker scored twice in the second half.").unwrap();
        assert!(
            cosine(&a, &b) > cosine(&a, &c) + 0.1,
            "{} {}",
            cosine(&a, &b),
            cosine(&a, &c)
        );
        assert!((cosine(&a, &a) - 1.0).abs() < 1e-4);
        assert!(sentence_vector("").is_none());
    }
}
