//! Which country a wording term of a per-country entry (a government) names.
//!
//! Each country has one government, whatever each source calls it. When two sources tie
//! "junta" and "transitional authorities" to the same country, they name one referent, even
//! in sentences of different events that share no words; when they tie them to two countries
//! ("the French government", "the Malian junta"), they name two, even inside one event. The
//! tie is read in the term's own words, never guessed from the sentence:
//!
//! - a country word right before the term, across at most two lower-case modifiers: an
//!   adjective of the country ("the Malian military government") or its name as a possessive
//!   ("Mali's transitional authorities");
//! - "of" or "in" and the country's name right after it ("the government of Mali").
//!
//! A government set in the past ("the former junta", "the authorities of the time") is
//! another referent and gets no tie.
//!
//! Country words come from `assets/lexicon/countries_en.tsv` (WordNet's countries and the
//! adjectives that pertain to them) and must be capitalised ("us" is a pronoun). A use with
//! no tie of its own takes its document's: when every tied use of the same term in that
//! document names one country ("the junta's leader" in an article that speaks of "the
//! Malian junta" and no other), the untied use names it too.

use super::Context;
use crate::model::DocId;
use crate::text::fold;
use std::collections::{BTreeMap, BTreeSet};

/// Lower-case modifiers that may stand between the country word and the term.
const MODIFIERS: usize = 2;

/// The country a use names, and how the tie was read.
#[derive(Debug, Clone, PartialEq)]
pub struct Tie {
    /// The country, as `countries_en.tsv` names it ("mali").
    pub country: String,
    /// The words that tie the term to the country as the source writes them ("Malian
    /// junta"), or, for a use tied through its document, the document's tied phrase.
    pub phrase: String,
    /// Whether the tie is the use's own (not its document's).
    pub own: bool,
}

/// The country word `word` names, when it is one and capitalised; a possessive is read
/// as its name ("Mali's").
fn country_word(context: &Context<'_>, word: &str) -> Option<String> {
    let bare = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word);
    if !bare.starts_with(char::is_uppercase) {
        return None;
    }
    context.lexicon.countries.get(&fold(bare)).cloned()
}

/// Words that set a government in the past ("the former junta", "the authorities of the
/// time"): another referent than the country's government of the story.
const PAST: &[&str] = &[
    "former", "previous", "then", "past", "late", "ousted", "old",
];

/// The country tied to the term at `start..end` of `text` by its own words.
fn written(context: &Context<'_>, text: &str, start: usize, end: usize) -> Option<Tie> {
    let from = text.floor_char_boundary(start.saturating_sub(80));
    let before = &text[from..start];
    let after = &text[end..text.floor_char_boundary((end + 60).min(text.len()))];
    if after.starts_with(" of the time") || after.starts_with(" at the time") {
        return None;
    }
    // Words before the term, nearest first, while only single spaces separate them.
    let mut rest = before;
    for step in 0..=MODIFIERS {
        let Some(trimmed) = rest.strip_suffix(' ') else {
            break;
        };
        // After the separator, whatever its width ("“" is three bytes).
        let at = trimmed
            .char_indices()
            .rev()
            .find(|(_, c)| matches!(c, ' ' | '\n' | '(' | '"' | '“'))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let word = &trimmed[at..];
        if let Some(country) = country_word(context, word) {
            let phrase_start = from + at;
            return Some(Tie {
                country,
                phrase: text[phrase_start..end].to_string(),
                own: true,
            });
        }
        if PAST.contains(&word) {
            return None;
        }
        let modifier = step < MODIFIERS
            && !word.is_empty()
            && word.chars().all(|c| c.is_lowercase() || c == '-')
            && !context.lexicon.stopwords.contains(word);
        if !modifier {
            break;
        }
        rest = &trimmed[..at];
    }
    let tail = after
        .strip_prefix(" of ")
        .or_else(|| after.strip_prefix(" in "))?;
    let tail = tail.strip_prefix("the ").unwrap_or(tail);
    let word_end = tail
        .find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '.'))
        .unwrap_or(tail.len());
    let word = tail[..word_end].trim_end_matches('.');
    let country = country_word(context, word)?;
    let phrase_end = end + (after.len() - tail.len()) + word.len();
    Some(Tie {
        country,
        phrase: text[start..phrase_end].to_string(),
        own: true,
    })
}

/// The tie of each use (document, byte range, the term's key), in the order given: its own,
/// else its document's when every tied use of the same term there names one country.
pub fn ties(context: &Context<'_>, uses: &[(DocId, usize, usize, String)]) -> Vec<Option<Tie>> {
    let own: Vec<Option<Tie>> = uses
        .iter()
        .map(|(document, start, end, _)| written(context, context.text(*document), *start, *end))
        .collect();
    let mut by_term: BTreeMap<(DocId, &str), BTreeSet<&str>> = BTreeMap::new();
    let mut phrase_of: BTreeMap<(DocId, &str), &str> = BTreeMap::new();
    for ((document, _, _, term), tie) in uses.iter().zip(&own) {
        if let Some(tie) = tie {
            by_term
                .entry((*document, term.as_str()))
                .or_default()
                .insert(tie.country.as_str());
            phrase_of
                .entry((*document, term.as_str()))
                .or_insert(tie.phrase.as_str());
        }
    }
    uses.iter()
        .zip(&own)
        .map(|((document, _, _, term), tie)| {
            tie.clone().or_else(|| {
                let key = (*document, term.as_str());
                let countries = by_term.get(&key)?;
                let country = countries.iter().next()?;
                (countries.len() == 1).then(|| Tie {
                    country: country.to_string(),
                    phrase: phrase_of.get(&key).map_or(String::new(), |p| p.to_string()),
                    own: false,
                })
            })
        })
        .collect()
}
