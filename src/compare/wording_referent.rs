//! Whether two wording terms in passages of different events name one referent.
//!
//! The wording lexicon says that "protesters" and "mob", or "breached" and "gave way", can
//! name the same kind of thing; it does not say that two sources speak of the same one. A
//! story may hold a dam that collapsed and a levee that gave way, a strike and a later
//! rally. Inside one event the alignment vouches for the referent; across events we ask the
//! words that tie a term to its referent, read in the term's own sentence:
//!
//! - its **partners**: the content words right around the term (the structure that failed,
//!   the group's verb, the place): "the levee … was breached", "a demonstration outside the
//!   authority's headquarters";
//! - its **sentence**: every content word and every written number of the sentence;
//! - its **preceding** sentence in the same paragraph, which often names what the term's
//!   sentence refers back to ("the same package", "the trouble").
//!
//! Two uses share a referent when a partner of one stands in the other's sentence and the
//! two sentences, each with the sentence before it in its paragraph, share at least two
//! specific words. Dates, weekdays and times of day do not
//! count (two happenings can share a Wednesday), nor do spelled-out small numbers ("two days
//! later"), nor the words of the lexicon entry itself. Words are compared by the first five
//! letters of their stems, so "court" meets "courthouse" and "administrative" meets
//! "administration". A shared place or count is evidence; a shared weekday is not.

use super::Context;
use crate::model::PassageRef;
use crate::text::{fold, tokens};
use std::collections::{BTreeMap, BTreeSet};

/// Content words on each side of a term that count as its partners.
const PARTNER_REACH: usize = 4;

/// Specific words two sentences must share, beyond a partner.
pub const MIN_SHARED: usize = 2;

/// Words that place a happening in time without naming it: a closed class of calendar
/// units and times of day (weekday and month names are read by `crate::calendar`).
const TIME_WORDS: &[&str] = &[
    "night",
    "nights",
    "morning",
    "mornings",
    "evening",
    "afternoon",
    "day",
    "days",
    "week",
    "weeks",
    "weekend",
    "month",
    "months",
    "year",
    "years",
    "hour",
    "hours",
    "minute",
    "minutes",
    "today",
    "yesterday",
    "tonight",
    "tomorrow",
    "earlier",
    "later",
];

/// The words that tie one use of a wording term to its referent.
#[derive(Debug, Clone, Default)]
pub struct Anchors {
    /// Keys of the content words right around the term.
    pub partners: BTreeSet<String>,
    /// Keys of every specific word and written number of the term's sentence.
    pub sentence: BTreeSet<String>,
    /// Keys of the specific words of the sentence before, in the same paragraph.
    pub preceding: BTreeSet<String>,
    /// Each key's word as the sentence writes it, for the evidence.
    pub written: BTreeMap<String, String>,
}

/// A word's key: the first five letters of its stem.
fn key(context: &Context<'_>, folded: &str) -> String {
    context.stemmer.stem(folded).chars().take(5).collect()
}

/// The keys of a lexicon entry's own words, left out of every comparison.
pub fn entry_keys(context: &Context<'_>, entry: usize) -> BTreeSet<String> {
    context
        .lexicon
        .wording_terms
        .iter()
        .filter(|t| t.entry == entry)
        .flat_map(|t| t.words.iter().map(|w| key(context, &fold(w))))
        .collect()
}

/// The keys and written forms of a passage's specific words and written numbers, leaving
/// out the bytes `skip` (the term itself) and the entry's own words; each key with whether it
/// stands before `skip`.
fn passage_keys(
    context: &Context<'_>,
    at: PassageRef,
    skip: (usize, usize),
    own: &BTreeSet<String>,
) -> Vec<(String, String, bool)> {
    let passage = &context.corpus.documents[at.document.get()].passages[at.passage.get()];
    let text = &context.text(at.document)[passage.start..passage.end];
    let mut out = Vec::new();
    for token in tokens(text) {
        let (s, e) = (passage.start + token.start, passage.start + token.end);
        if s < skip.1 && skip.0 < e {
            continue;
        }
        let folded = fold(token.text);
        if token
            .text
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
        {
            // A written number ("300", "2,300"): a count or a year, specific to a happening.
            if token.text.chars().any(|c| c.is_ascii_digit()) {
                out.push((folded.replace(',', ""), token.text.to_string(), e <= skip.0));
            }
            continue;
        }
        let Some(stem) = crate::extract::terms::term(&token, context.lexicon, &context.stemmer)
        else {
            continue;
        };
        if TIME_WORDS.contains(&folded.as_str())
            || crate::calendar::month_number(&folded).is_some()
            || crate::calendar::weekday_number(&folded).is_some()
            || crate::extract::quantities::word_number(&folded).is_some()
        {
            continue;
        }
        let key: String = stem.chars().take(5).collect();
        if !own.contains(&key) {
            out.push((key, token.text.to_string(), e <= skip.0));
        }
    }
    out
}

/// The sentence before `at` in the same paragraph, if any: it often names what the term's
/// sentence refers back to ("the same package", "the trouble").
fn sentence_before(context: &Context<'_>, at: PassageRef) -> Option<PassageRef> {
    let passages = &context.corpus.documents[at.document.get()].passages;
    let index = at.passage.get().checked_sub(1)?;
    (passages[index].paragraph == passages[at.passage.get()].paragraph).then_some(PassageRef {
        document: at.document,
        passage: crate::model::PassageId(index),
    })
}

/// The anchors of a term at `start..end` in the passage `at`.
pub fn anchors(
    context: &Context<'_>,
    at: PassageRef,
    start: usize,
    end: usize,
    own: &BTreeSet<String>,
) -> Anchors {
    let mut before = Vec::new();
    let mut after = Vec::new();
    let mut sentence = BTreeSet::new();
    let mut written = BTreeMap::new();
    for (key, word, is_before) in passage_keys(context, at, (start, end), own) {
        sentence.insert(key.clone());
        written.entry(key.clone()).or_insert(word);
        // Numbers are specific but are not partners of the term.
        if key.chars().any(|c| c.is_ascii_digit()) {
            continue;
        }
        if is_before {
            before.push(key);
        } else {
            after.push(key);
        }
    }
    let mut preceding = BTreeSet::new();
    if let Some(previous) = sentence_before(context, at) {
        for (key, word, _) in passage_keys(context, previous, (0, 0), own) {
            written.entry(key.clone()).or_insert(word);
            preceding.insert(key);
        }
    }
    let partners = before
        .iter()
        .rev()
        .take(PARTNER_REACH)
        .chain(after.iter().take(PARTNER_REACH))
        .cloned()
        .collect();
    Anchors {
        partners,
        sentence,
        preceding,
        written,
    }
}

/// The specific words two uses share when they name one referent, `None` when nothing ties
/// them (as the first use writes them): a partner of one in the other's sentence, and [`MIN_SHARED`] words in common.
pub fn shared(a: &Anchors, b: &Anchors) -> Option<Vec<String>> {
    let partner = a.partners.iter().any(|k| b.sentence.contains(k))
        || b.partners.iter().any(|k| a.sentence.contains(k));
    // The words in common are read in each term's sentence and the sentence before it in
    // its paragraph, which often names what the term's sentence refers back to.
    let around =
        |x: &Anchors| -> BTreeSet<String> { x.sentence.union(&x.preceding).cloned().collect() };
    let common: Vec<String> = around(a)
        .intersection(&around(b))
        .map(|k| a.written.get(k).unwrap_or(k).clone())
        .collect();
    (partner && common.len() >= MIN_SHARED).then_some(common)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn anchors_of(partners: &[&str], sentence: &[&str]) -> Anchors {
        Anchors {
            partners: partners.iter().map(|s| s.to_string()).collect(),
            sentence: sentence.iter().map(|s| s.to_string()).collect(),
            preceding: BTreeSet::new(),
            written: BTreeMap::new(),
        }
    }

    #[test]
    fn a_partner_and_two_shared_words_tie_two_uses() {
        let levee = anchors_of(&["levee", "town"], &["levee", "town", "river"]);
        let other = anchors_of(&["levee"], &["levee", "town", "orcha"]);
        assert_eq!(
            shared(&levee, &other),
            Some(vec!["levee".to_string(), "town".to_string()])
        );
    }

    #[test]
    fn one_shared_word_or_no_partner_is_not_enough() {
        let dam = anchors_of(&["dam", "kessl"], &["dam", "kessl", "lauwi"]);
        let levee = anchors_of(&["levee"], &["levee", "lauwi"]);
        assert_eq!(shared(&dam, &levee), None);
        // Two words in common, but neither is a partner of either term.
        let a = anchors_of(&["mayor"], &["mayor", "harbo", "ferry"]);
        let b = anchors_of(&["bridg"], &["bridg", "harbo", "ferry"]);
        assert_eq!(shared(&a, &b), None);
    }
}
