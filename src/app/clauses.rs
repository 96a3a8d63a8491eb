//! The inspector's word-level difference, on aligned clauses only.
//!
//! Shading every word of a passage that no other source uses marks nearly every word of a
//! paraphrase, so it shows nothing (issue 11). Here each passage is cut into clauses (at
//! commas, semicolons, colons, dashes, brackets and quotes), and each clause is paired with
//! the clause of every other source that shares the most content words with it. Only clauses
//! that pair (at least [`MIN_SHARED`] shared content words, Dice overlap at least
//! [`MIN_DICE`]) are shown, and in them only the content words that the paired clauses lack
//! are marked: "5,000 troops crossed the border" against "5,100 soldiers crossed the border"
//! marks "5,000" and "troops", not the rest.
//!
//! Content words are numbers and words that are not stop words (the engine's list); words are compared folded (lower case, no accents). This is a display
//! aid, not a finding: the findings come from the engine.

use std::collections::HashSet;
use std::ops::Range;

/// The fewest content words two clauses share to be paired.
pub const MIN_SHARED: usize = 2;
/// The least Dice overlap of their content words to be paired.
pub const MIN_DICE: f32 = 0.4;

/// One clause of a source's text that pairs with a clause of another source, with its
/// words and whether each is missing from the paired clauses.
#[derive(Debug, Clone, PartialEq)]
pub struct AlignedClause {
    /// Byte range in the source's text.
    pub range: Range<usize>,
    /// Each word's byte range in the source's text, and whether it differs.
    pub words: Vec<(Range<usize>, bool)>,
}

/// The clauses of a text: byte ranges between clause punctuation, trimmed, never empty.
pub fn clauses(text: &str) -> Vec<Range<usize>> {
    const BREAKS: &[char] = &[
        ',', ';', ':', '–', '—', '(', ')', '"', '“', '”', '«', '»', '.', '!', '?',
    ];
    let mut out = Vec::new();
    let mut start = 0;
    let mut push = |from: usize, to: usize| {
        let piece = &text[from..to];
        // Leading dashes and bullets ("- A breach…") are not part of the clause.
        let started = piece.trim_start_matches(|c: char| !c.is_alphanumeric());
        let trimmed = started.trim_end();
        if trimmed.chars().any(char::is_alphanumeric) {
            let lead = piece.len() - started.len();
            out.push(from + lead..from + lead + trimmed.len());
        }
    };
    let tokens = parallax::text::tokens(text);
    for (at, c) in text.char_indices() {
        // Inside a token ("5,000", "2.4") a comma or point is no break.
        let inside = tokens.iter().any(|t| t.start < at && at < t.end);
        if BREAKS.contains(&c) && !inside {
            push(start, at);
            start = at + c.len_utf8();
        }
    }
    push(start, text.len());
    out
}

fn lexicon() -> &'static parallax::lexicon::Lexicon {
    static LEXICON: std::sync::OnceLock<parallax::lexicon::Lexicon> = std::sync::OnceLock::new();
    LEXICON.get_or_init(parallax::lexicon::Lexicon::bundled)
}

/// A clause's words: byte range (in the whole text), folded form, and whether it is a
/// content word.
fn words(text: &str, clause: &Range<usize>) -> Vec<(Range<usize>, String, bool)> {
    parallax::text::tokens(&text[clause.clone()])
        .iter()
        .map(|t| {
            let folded = parallax::text::fold(t.text);
            // A capitalised stop word ("Some" opening a clause) is still a stop word.
            let content =
                (t.is_numeric() || !lexicon().is_stopword(&folded)) && folded.chars().count() > 1;
            (
                clause.start + t.start..clause.start + t.end,
                folded,
                content,
            )
        })
        .collect()
}

/// For each source's text, its clauses that pair with a clause of another source, each
/// with the words the paired clauses lack marked.
pub fn aligned_clauses(texts: &[&str]) -> Vec<Vec<AlignedClause>> {
    // Every clause of every text, with its words and its set of content words.
    type Clause = (
        Range<usize>,
        Vec<(Range<usize>, String, bool)>,
        HashSet<String>,
    );
    let split: Vec<Vec<Clause>> = texts
        .iter()
        .map(|text| {
            clauses(text)
                .into_iter()
                .map(|range| {
                    let words = words(text, &range);
                    let content = words.iter().filter(|w| w.2).map(|w| w.1.clone()).collect();
                    (range, words, content)
                })
                .collect()
        })
        .collect();
    split
        .iter()
        .enumerate()
        .map(|(source, own)| {
            own.iter()
                .filter_map(|(range, words, content)| {
                    // The best partner clause in each other source.
                    let partners: Vec<&Clause> = split
                        .iter()
                        .enumerate()
                        .filter(|(other, _)| *other != source)
                        .filter_map(|(_, theirs)| {
                            theirs
                                .iter()
                                .map(|clause| {
                                    let shared = content.intersection(&clause.2).count();
                                    let dice = 2.0 * shared as f32
                                        / (content.len() + clause.2.len()).max(1) as f32;
                                    (shared, dice, clause)
                                })
                                .filter(|(shared, dice, _)| {
                                    *shared >= MIN_SHARED && *dice >= MIN_DICE
                                })
                                .max_by(|a, b| a.1.total_cmp(&b.1))
                                .map(|(_, _, clause)| clause)
                        })
                        .collect();
                    if partners.is_empty() {
                        return None;
                    }
                    let theirs: HashSet<&str> = partners
                        .iter()
                        .flat_map(|clause| clause.1.iter().map(|w| w.1.as_str()))
                        .collect();
                    Some(AlignedClause {
                        range: range.clone(),
                        words: words
                            .iter()
                            .map(|(at, folded, content)| {
                                (at.clone(), *content && !theirs.contains(folded.as_str()))
                            })
                            .collect(),
                    })
                })
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked<'a>(text: &'a str, clause: &AlignedClause) -> Vec<&'a str> {
        clause
            .words
            .iter()
            .filter(|(_, differs)| *differs)
            .map(|(range, _)| &text[range.clone()])
            .collect()
    }

    #[test]
    fn clauses_break_at_punctuation_but_not_inside_numbers() {
        let text = "- About 5,000 troops, the army said; 2.4 km away (near Kesh).";
        let pieces: Vec<&str> = clauses(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            pieces,
            vec![
                "About 5,000 troops",
                "the army said",
                "2.4 km away",
                "near Kesh"
            ]
        );
    }

    /// Issue 11: word shading marked nearly every word of a paraphrase. In the aligned
    /// clause only the words that differ are marked, and a clause no other source has is
    /// not shown at all.
    #[test]
    fn only_the_differing_words_of_aligned_clauses_are_marked() {
        let a = "On Tuesday, 5,000 troops crossed the northern border near Kesh, the ministry said in a long statement about logistics.";
        let b = "Some 5,100 soldiers crossed the northern border near Kesh; residents fled.";
        let aligned = aligned_clauses(&[a, b]);
        let border = aligned[0]
            .iter()
            .find(|c| a[c.range.clone()].contains("crossed"))
            .expect("the border clause pairs");
        assert_eq!(marked(a, border), vec!["5,000", "troops"]);
        assert!(
            aligned[0]
                .iter()
                .all(|c| !a[c.range.clone()].contains("logistics")),
            "a clause only one source has is not shown"
        );
        let other = &aligned[1][0];
        assert_eq!(marked(b, other), vec!["5,100", "soldiers"]);
        assert!(
            aligned[1]
                .iter()
                .all(|c| !b[c.range.clone()].contains("fled"))
        );
    }
}
