//! The label of one event. Takes the event's most central passage and its anchors (or, when
//! that passage gives no label, its evidence); gives a short readable phrase. The phrase is
//! the who-did-what of the passage's claim that holds most anchors when it reads whole on
//! its own, else the clause [`super::readable`] picks, because a reader recognises an event
//! by what happened in it, not by a list of its words.

use crate::extract::Corpus;
use crate::extract::claims::ClaimFeature;
use crate::model::{Evidence, EvidenceKind, PassageRef};
use std::collections::HashSet;

/// How much longer than a label a claim's clause may be, to be cut down to one.
const CLAUSE_OVERFLOW: usize = 30;

/// A readable label from the event's most central passage, or `None` when it gives none.
pub(in crate::align) fn central_label(
    at: PassageRef,
    anchors: &[crate::model::Anchor],
    corpus: &Corpus,
) -> Option<String> {
    let document = &corpus.documents[at.document.get()];
    let passage = &document.passages[at.passage.get()];
    let sentence = &document.loaded.text[passage.start..passage.end];
    let words: HashSet<String> = anchors
        .iter()
        .flat_map(|a| a.text.split_whitespace().map(crate::text::fold))
        .collect();
    // Who did what: the claim of the sentence (subject, predicate, object) that holds most
    // of the event's anchors, when it reads as a short phrase on its own.
    let features = &document.features[at.passage.get()];
    let text = &document.loaded.text;
    let from_claim = features
        .claims
        .iter()
        .filter(|c| {
            !c.dependent
                && !crate::extract::claims::is_reporting(&c.word)
                && c.subject.as_ref().is_some_and(|s| !s.pronoun)
        })
        .filter_map(|c| claim_phrase(c, text, passage.end, &words))
        .max()
        .map(|(_, _, phrase)| super::tidy_phrase(phrase));
    let text = from_claim
        .filter(|t| t.chars().count() <= super::MAX_CHARS + 10)
        .unwrap_or_else(|| super::readable(sentence, &words));
    (text.chars().count() >= 8).then_some(text)
}

/// A claim read as a label: the phrase from its subject, with the number of anchor words it
/// holds and its start (reversed: the earlier claim wins a tie), or `None` when no phrase of
/// it reads whole.
fn claim_phrase<'t>(
    c: &ClaimFeature,
    text: &'t str,
    passage_end: usize,
    words: &HashSet<String>,
) -> Option<(usize, std::cmp::Reverse<usize>, &'t str)> {
    let start = with_approximation(text, c.subject.as_ref()?.start)?;
    // The whole claim when it fits; else without the object's prepositional tail;
    // else subject and predicate alone ("About 8,000 residents were evacuated").
    let argument = c.object.as_ref().or(c.oblique.as_ref());
    // Subject and predicate alone only when nothing follows the predicate in its
    // clause: "Obama has cut" drops what was cut, "Lis Smith described" what she
    // described.
    let ends_clause = ends_clause(text, c.end);
    // Else the claim's clause from its subject, cut for length like any label ("The
    // reservoir filled faster than its spillway could release …").
    let clause_end = clause_end(text, c.end, passage_end);
    let ends = [
        argument.map_or(c.end, |a| a.full_end),
        argument.map_or(c.end, |a| a.end),
        c.end,
    ];
    let phrase = ends
        .iter()
        .filter(|&&end| end > c.end || argument.is_none() && ends_clause)
        .filter_map(|&end| text.get(start..end.max(c.end)))
        .find(|p| p.chars().count() <= super::MAX_CHARS)
        .or_else(|| {
            text.get(start..clause_end)
                .filter(|p| p.chars().count() <= super::MAX_CHARS + CLAUSE_OVERFLOW)
        })?;
    let anchored = phrase
        .split_whitespace()
        .filter(|w| {
            words.contains(&crate::text::fold(
                w.trim_matches(|c: char| !c.is_alphanumeric()),
            ))
        })
        .count();
    let length = phrase.split_whitespace().count();
    // A phrase that opens with a participle ("Using records kept …") or an
    // abbreviation left over from a place ("Ost. have been testing") is not a claim
    // read whole.
    let opener = phrase.split_whitespace().next().unwrap_or("");
    let broken =
        super::participle(opener) || (opener.ends_with('.') && opener.chars().count() <= 5);
    (anchored > 0 && !broken && (3..=12).contains(&length) && !phrase.contains(['"', '“', '”']))
        .then_some((anchored, std::cmp::Reverse(start), phrase))
}

/// Where a subject starting at `start` starts with the approximation before it: "About
/// 8,000 residents" (an approximation belongs to the figure it qualifies). `None` when
/// `start` is not a boundary of `text`.
fn with_approximation(text: &str, start: usize) -> Option<usize> {
    let before = text.get(..start)?.trim_end();
    for cue in [
        "about",
        "around",
        "nearly",
        "almost",
        "some",
        "over",
        "at least",
        "more than",
        "up to",
    ] {
        if before.len() >= cue.len()
            && before.is_char_boundary(before.len() - cue.len())
            && before[before.len() - cue.len()..].eq_ignore_ascii_case(cue)
            && before[..before.len() - cue.len()]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
        {
            return Some(before.len() - cue.len());
        }
    }
    Some(start)
}

/// Whether nothing follows a predicate ending at `end` in its clause: the text ends, a
/// conjunction opens the next clause, or a mark other than a currency sign or an opening
/// quote follows.
fn ends_clause(text: &str, end: usize) -> bool {
    text.get(end..).is_none_or(|rest| {
        let rest = rest.trim_start();
        let word: String = rest.chars().take_while(|c| c.is_alphanumeric()).collect();
        match rest.chars().next() {
            None => true,
            Some(next) if next.is_alphanumeric() => matches!(
                word.to_lowercase().as_str(),
                "but"
                    | "and"
                    | "or"
                    | "because"
                    | "after"
                    | "before"
                    | "when"
                    | "while"
                    | "as"
                    | "if"
                    | "so"
                    | "though"
                    | "although"
            ),
            Some(next) => !matches!(next, '$' | '€' | '£' | '“' | '"'),
        }
    })
}

/// Where the clause of a predicate ending at `end` ends: at the next full stop (not the one
/// of "U.S." or "Jan.") or clause mark, else at the end of the passage.
fn clause_end(text: &str, end: usize, passage_end: usize) -> usize {
    text.get(end..passage_end)
        .and_then(|rest| {
            // A full stop ends it, not the one of "U.S." or "Jan.".
            let stop = rest.match_indices('.').map(|(at, _)| at).find(|&at| {
                let before = rest[..at].rsplit(char::is_whitespace).next().unwrap_or("");
                before.chars().count() > 3 && !before.contains('.')
            });
            let mark = rest.find([',', ';', ':', '—', '(', '“', '”', '"']);
            match (stop, mark) {
                (Some(x), Some(y)) => Some(x.min(y)),
                (x, y) => x.or(y),
            }
        })
        .map_or(passage_end, |at| end + at)
}

/// A short label for an event from its strongest evidence: entities, then terms.
pub fn label(evidence: &[Evidence], _corpus: &Corpus) -> String {
    let strongest = |kind: EvidenceKind, count: usize| -> Vec<&str> {
        evidence
            .iter()
            .filter(|e| e.kind == kind)
            .take(count)
            .map(|e| e.text.as_str())
            .collect()
    };
    let (entities, terms) = (
        strongest(EvidenceKind::Entity, 2),
        strongest(EvidenceKind::Term, 3),
    );
    match (entities.is_empty(), terms.is_empty()) {
        (false, false) => format!("{}: {}", entities.join(", "), terms.join(", ")),
        (false, true) => entities.join(", "),
        (true, false) => terms.join(", "),
        (true, true) => "Shared passage".to_string(),
    }
}
