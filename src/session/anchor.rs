//! Anchors: a place in a document that survives edits to the document.
//!
//! An anchor records the byte range, the quoted text and a little context on each side.
//! [`locate`] places it in the current text: at the same range when the quote is still
//! there, else at the occurrence of the quote whose context matches best, else at a stretch
//! that reads almost the same (one word changed) between the old context or the quote's own
//! first and last words. When nothing close enough remains (the sentence was deleted), it
//! says so and the caller lists the item as orphaned.

use serde::{Deserialize, Serialize};

/// How many characters of context are kept on each side.
const CONTEXT_CHARS: usize = 40;

/// A stretch with at least this word overlap with the quote counts as the quote, edited.
const SIMILAR: f32 = 0.6;

/// A span of one document, by range and by quotation.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Anchor {
    /// Position of the document in the session's list.
    pub document: usize,
    pub start: usize,
    pub end: usize,
    /// The text of the span when the anchor was made.
    pub quote: String,
    /// Up to 40 characters just before the span.
    #[serde(default)]
    pub before: String,
    /// Up to 40 characters just after the span.
    #[serde(default)]
    pub after: String,
}

impl Anchor {
    /// An anchor on `start..end` of `text` (clamped to character boundaries).
    pub fn capture(document: usize, text: &str, start: usize, end: usize) -> Anchor {
        let start = floor_boundary(text, start.min(text.len()));
        let end = floor_boundary(text, end.clamp(start, text.len()));
        let before: String = {
            let mut chars: Vec<char> = text[..start].chars().rev().take(CONTEXT_CHARS).collect();
            chars.reverse();
            chars.into_iter().collect()
        };
        let after: String = text[end..].chars().take(CONTEXT_CHARS).collect();
        Anchor {
            document,
            start,
            end,
            quote: text[start..end].to_string(),
            before,
            after,
        }
    }

    /// The first words of the quote, for lists and messages.
    pub fn short_quote(&self) -> String {
        crate::text::first_words(&self.quote, 8)
    }
}

/// Why an anchor could not be placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lost {
    /// Its document is not loaded.
    DocumentMissing,
    /// The quoted text is no longer in the document.
    TextGone,
}

impl Lost {
    pub fn reason(self) -> &'static str {
        match self {
            Lost::DocumentMissing => "its document is not loaded",
            Lost::TextGone => "the quoted text is no longer in the document",
        }
    }
}

/// Places an anchor in the current text and returns its byte range there.
pub fn locate(anchor: &Anchor, text: &str) -> Result<(usize, usize), Lost> {
    if anchor.quote.is_empty() {
        return Err(Lost::TextGone);
    }
    if text.get(anchor.start..anchor.end) == Some(anchor.quote.as_str()) {
        return Ok((anchor.start, anchor.end));
    }
    if let Some(found) = best_exact(anchor, text) {
        return Ok(found);
    }
    best_similar(anchor, text).ok_or(Lost::TextGone)
}

/// The occurrence of the quote whose surroundings match the recorded context best (ties go
/// to the one nearest the old position).
fn best_exact(anchor: &Anchor, text: &str) -> Option<(usize, usize)> {
    text.match_indices(&anchor.quote)
        .map(|(start, quote)| {
            let end = start + quote.len();
            let score = common_suffix(&text[..start], &anchor.before)
                + common_prefix(&text[end..], &anchor.after);
            (score, start.abs_diff(anchor.start), start, end)
        })
        .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)))
        .map(|(_, _, start, end)| (start, end))
}

/// A stretch that reads almost like the quote: found between the old context, or between
/// the quote's own opening and closing words.
fn best_similar(anchor: &Anchor, text: &str) -> Option<(usize, usize)> {
    let mut candidates: Vec<(usize, usize)> = Vec::new();
    let limit = anchor.quote.len() * 2 + 16;
    // Between the context on both sides.
    let before = tail(&anchor.before, 24);
    let after = head(&anchor.after, 24);
    if !before.trim().is_empty() {
        for (at, found) in text.match_indices(before) {
            let start = at + found.len();
            if let Some(end) = following(text, start, after, limit) {
                candidates.push((start, end));
            }
        }
    }
    // Between the quote's own first and last words.
    let words: Vec<&str> = anchor.quote.split_whitespace().collect();
    if words.len() >= 4 {
        let cut = words.len() / 3;
        let opening = words[..cut.max(2)].join(" ");
        let closing = words[words.len() - cut.max(2)..].join(" ");
        for (start, _) in text.match_indices(opening.as_str()) {
            if let Some(end) = following(text, start + opening.len(), &closing, limit)
                .map(|end| end + closing.len())
                .filter(|&end| end <= text.len())
            {
                candidates.push((start, end));
            }
        }
    }
    candidates
        .into_iter()
        .filter(|&(start, end)| end > start && text.is_char_boundary(start))
        .filter(|&(start, end)| {
            let length = (end - start) as f32 / anchor.quote.len().max(1) as f32;
            (0.5..=2.0).contains(&length)
        })
        .map(|(start, end)| {
            let (start, end) = trim(text, start, end);
            (similarity(&text[start..end], &anchor.quote), start, end)
        })
        .filter(|(score, _, _)| *score >= SIMILAR)
        .max_by(|a, b| {
            a.0.total_cmp(&b.0)
                .then(b.1.abs_diff(anchor.start).cmp(&a.1.abs_diff(anchor.start)))
        })
        .map(|(_, start, end)| (start, end))
}

/// Where `needle` starts at or after `from`, within `limit` bytes; an empty needle matches
/// the end of the text only.
fn following(text: &str, from: usize, needle: &str, limit: usize) -> Option<usize> {
    let rest = text.get(from..)?;
    if needle.trim().is_empty() {
        return (rest.len() <= limit).then_some(text.len());
    }
    rest.find(needle)
        .filter(|&offset| offset <= limit)
        .map(|offset| from + offset)
}

/// Trims white space from both ends of a range.
fn trim(text: &str, start: usize, end: usize) -> (usize, usize) {
    let slice = &text[start..end];
    let leading = slice.len() - slice.trim_start().len();
    let trailing = slice.len() - slice.trim_end().len();
    (start + leading, (end - trailing).max(start + leading))
}

/// Dice overlap of the two texts' lower-cased words.
fn similarity(a: &str, b: &str) -> f32 {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let a = words(a);
    let mut b = words(b);
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let total = a.len() + b.len();
    let mut shared = 0;
    for word in &a {
        if let Some(position) = b.iter().position(|w| w == word) {
            b.swap_remove(position);
            shared += 1;
        }
    }
    2.0 * shared as f32 / total as f32
}

fn common_suffix(a: &str, b: &str) -> usize {
    a.chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

/// The last `n` characters.
fn tail(s: &str, n: usize) -> &str {
    let count = s.chars().count();
    let skip = count.saturating_sub(n);
    let at = s.char_indices().nth(skip).map_or(s.len(), |(i, _)| i);
    &s[at..]
}

/// The first `n` characters.
fn head(s: &str, n: usize) -> &str {
    let at = s.char_indices().nth(n).map_or(s.len(), |(i, _)| i);
    &s[..at]
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    while at > 0 && !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "The council met on Monday. The mayor said the bridge would reopen in \
        May after repairs costing 4 million euros. Residents were sceptical.";

    fn anchor_on(quote: &str) -> Anchor {
        let start = TEXT.find(quote).expect("quote in text");
        Anchor::capture(0, TEXT, start, start + quote.len())
    }

    #[test]
    fn an_unchanged_text_keeps_the_range() {
        let anchor = anchor_on("the bridge would reopen in May");
        assert_eq!(
            locate(&anchor, TEXT),
            Ok((anchor.start, anchor.end)),
            "same text, same place"
        );
    }

    #[test]
    fn a_paragraph_inserted_above_moves_the_anchor() {
        let anchor = anchor_on("the bridge would reopen in May");
        let edited = format!("A new opening paragraph.\n\n{TEXT}");
        let (start, end) = locate(&anchor, &edited).expect("placed");
        assert_eq!(&edited[start..end], "the bridge would reopen in May");
        assert_eq!(start, anchor.start + "A new opening paragraph.\n\n".len());
    }

    #[test]
    fn a_word_changed_inside_the_quote_is_still_found() {
        let anchor = anchor_on("The mayor said the bridge would reopen in May after repairs");
        let edited = TEXT.replace("reopen in May", "reopen in June");
        let (start, end) = locate(&anchor, &edited).expect("placed");
        assert_eq!(
            &edited[start..end],
            "The mayor said the bridge would reopen in June after repairs"
        );
    }

    #[test]
    fn a_deleted_sentence_is_lost() {
        let anchor = anchor_on(
            "The mayor said the bridge would reopen in May after repairs costing 4 million euros.",
        );
        let edited = TEXT.replace(
            "The mayor said the bridge would reopen in May after repairs costing 4 million euros. ",
            "",
        );
        assert_eq!(locate(&anchor, &edited), Err(Lost::TextGone));
    }

    #[test]
    fn the_best_context_wins_between_repeated_quotes() {
        let text = "He said yes. Later, asked again, he said yes. Then he left.";
        let second = text.rfind("he said yes").expect("second");
        let anchor = Anchor::capture(0, text, second, second + "he said yes".len());
        let edited = format!("Intro. {text}");
        let (start, _) = locate(&anchor, &edited).expect("placed");
        assert_eq!(start, second + "Intro. ".len());
    }

    #[test]
    fn capture_respects_character_boundaries() {
        let text = "Goïta spoke.";
        let anchor = Anchor::capture(0, text, 0, 3);
        assert!(text.is_char_boundary(anchor.end));
        assert_eq!(anchor.quote, "Go");
    }
}
