//! What a near-copy changed: a wire story that an outlet edited, compared with its original.
//!
//! Copies are not analysed on their own (see [`crate::copies`]): their text would only
//! corroborate itself. But the edits an outlet made to a wire copy (a figure changed, a name
//! respelled, a sentence added or dropped) are exactly what a fact-checker looks for. So each
//! copy is compared with its original passage by passage, like a diff, without analysing the
//! unchanged text again:
//!
//! 1. the passages of both texts are matched in order where their words are equal (a longest
//!    common subsequence of passages);
//! 2. between two matched passages, the remaining ones are paired when they share at least
//!    half their words: an edited sentence; the others were added or dropped;
//! 3. within an edited sentence, a word-level diff gives the replaced runs: a changed figure
//!    is a number finding, a changed date a date finding, a changed name (capitalised words on
//!    both sides) a name finding, any other change one copy-edit finding for the sentence.
//!
//! The findings are sure of their referent (the same sentence of one text, edited), so their
//! confidence is high; the evidence says how much of the text the two share.

use crate::model::{Claim, DocId, Document, EventId, FindingKind, Passage, PassageRole};
use crate::text::{Token, tokens};

use super::FindingDraft;

/// Share of its words an edited sentence keeps at least.
const EDITED_OVERLAP: f64 = 0.5;
/// Passages beyond which the passage-level diff stops looking for an optimal match (the
/// table would hold more than this squared cells): the rest is compared in order.
const MAX_DIFF_PASSAGES: usize = 3000;
/// Confidence of a copy edit: the referent is certain; only the reading of what changed
/// (a figure, a name) may be wrong.
const EDIT_CONFIDENCE: f32 = 0.95;

/// A passage's words, lower-cased, for matching.
fn words(text: &str) -> Vec<String> {
    tokens(text).iter().map(|t| t.text.to_lowercase()).collect()
}

/// Share of the smaller passage's distinct words that the other has too.
fn overlap(a: &[String], b: &[String]) -> f64 {
    let a_set: std::collections::HashSet<&String> = a.iter().collect();
    let b_set: std::collections::HashSet<&String> = b.iter().collect();
    let smaller = a_set.len().min(b_set.len()).max(1);
    a_set.intersection(&b_set).count() as f64 / smaller as f64
}

/// How the passages of the copy relate to the original's.
#[derive(Debug, Default, PartialEq)]
struct PassageDiff {
    /// (original, copy) passages with different words that share enough of them.
    edited: Vec<(usize, usize)>,
    /// Passages of the original with no counterpart in the copy.
    dropped: Vec<usize>,
    /// Passages of the copy with no counterpart in the original.
    added: Vec<usize>,
}

/// Diffs two lists of passages (each given as its words).
fn diff_passages(original: &[Vec<String>], copy: &[Vec<String>]) -> PassageDiff {
    let equal = if original.len().max(copy.len()) <= MAX_DIFF_PASSAGES {
        crate::text::common_subsequence(original, copy)
    } else {
        // Too long for the table: equal passages at the same position only.
        (0..original.len().min(copy.len()))
            .filter(|&i| original[i] == copy[i])
            .map(|i| (i, i))
            .collect()
    };
    let mut diff = PassageDiff::default();
    let mut bounds = equal.clone();
    bounds.push((original.len(), copy.len()));
    let (mut from_original, mut from_copy) = (0, 0);
    for (to_original, to_copy) in bounds {
        // The gap between two equal passages: pair edited ones in order.
        let mut next_copy = from_copy;
        for (o, words) in original
            .iter()
            .enumerate()
            .take(to_original)
            .skip(from_original)
        {
            let partner =
                (next_copy..to_copy).find(|&c| overlap(words, &copy[c]) >= EDITED_OVERLAP);
            match partner {
                Some(c) => {
                    diff.added.extend(next_copy..c);
                    diff.edited.push((o, c));
                    next_copy = c + 1;
                }
                None => diff.dropped.push(o),
            }
        }
        diff.added.extend(next_copy..to_copy);
        from_original = to_original + 1;
        from_copy = to_copy + 1;
    }
    diff
}

/// Whether a token names a month or a year.
fn calendar_word(token: &Token) -> bool {
    crate::calendar::month_number(token.text).is_some()
        || (token.text.len() == 4
            && token
                .text
                .parse::<u32>()
                .is_ok_and(|year| (1800..=2100).contains(&year)))
}

/// What a replaced run of words is. `beside_month`: a month name stands right before or
/// after the run on both sides (a changed day, "14 March" / "15 March").
fn change_kind(before: &[Token], after: &[Token], beside_month: bool) -> FindingKind {
    let dated = |run: &[Token]| run.iter().any(calendar_word);
    let numeric = |run: &[Token]| run.iter().any(|t| t.is_numeric());
    let named = |run: &[Token]| !run.is_empty() && run.iter().all(|t| t.is_capitalised());
    if (dated(before) && dated(after)) || (beside_month && numeric(before) && numeric(after)) {
        FindingKind::DateMismatch
    } else if numeric(before) && numeric(after) {
        FindingKind::NumberMismatch
    } else if named(before) && named(after) {
        FindingKind::NameVariant
    } else {
        FindingKind::CopyEdit
    }
}

/// One side of a finding: a span of a document.
fn claim(document: &Document, passage: &Passage, start: usize, end: usize) -> Claim {
    Claim {
        document: document.index,
        passage: passage.index,
        start,
        end,
        text: document.text[start..end].to_string(),
        value: None,
        note: None,
        attribution: None,
    }
}

/// The documents and events a copy is compared within.
struct Pair<'a> {
    original: &'a Document,
    copy: &'a Document,
    /// The event of each passage of the original.
    events: &'a [Option<EventId>],
    evidence: String,
}

impl Pair<'_> {
    fn finding(
        &self,
        kind: FindingKind,
        original: Option<usize>,
        summary: String,
        claims: Vec<Claim>,
    ) -> FindingDraft {
        FindingDraft {
            kind,
            event: original.and_then(|p| self.events.get(p).copied().flatten()),
            summary,
            claims,
            confidence: EDIT_CONFIDENCE,
            evidence: vec![self.evidence.clone()],
        }
    }

    /// The findings of one edited sentence: one per changed figure, date or name, and one
    /// for the other changes of the sentence.
    fn edited(&self, o: &Passage, c: &Passage) -> Vec<FindingDraft> {
        let a_text = &self.original.text[o.start..o.end];
        let b_text = &self.copy.text[c.start..c.end];
        let (a, b) = (tokens(a_text), tokens(b_text));
        let lower = |run: &[Token]| {
            run.iter()
                .map(|t| t.text.to_lowercase())
                .collect::<Vec<_>>()
        };
        let same = crate::text::common_subsequence(&lower(&a), &lower(&b));
        let mut findings = Vec::new();
        let mut reworded: Vec<(String, String)> = Vec::new();
        let mut bounds = same.clone();
        bounds.push((a.len(), b.len()));
        let (mut i, mut j) = (0, 0);
        for (to_i, to_j) in bounds {
            let (from_i, from_j) = (i, j);
            let (before, after) = (&a[i..to_i], &b[j..to_j]);
            i = to_i + 1;
            j = to_j + 1;
            if before.is_empty() && after.is_empty() {
                continue;
            }
            let month = |run: &[Token], at: Option<usize>| {
                at.and_then(|k| run.get(k))
                    .is_some_and(|t| crate::calendar::month_number(t.text).is_some())
            };
            let beside_month = (month(&a, from_i.checked_sub(1)) || month(&a, Some(to_i)))
                && (month(&b, from_j.checked_sub(1)) || month(&b, Some(to_j)));
            let kind = if before.is_empty() || after.is_empty() {
                FindingKind::CopyEdit
            } else {
                change_kind(before, after, beside_month)
            };
            let span = |run: &[Token], at: usize| {
                run.first()
                    .map_or(at..at, |first| first.start..run[run.len() - 1].end)
            };
            let said = |run: &[Token], text: &str, at: usize| {
                let r = span(run, at);
                text[r].to_string()
            };
            let (was, now) = (said(before, a_text, 0), said(after, b_text, 0));
            if kind == FindingKind::CopyEdit {
                reworded.push((was, now));
                continue;
            }
            let (ra, rb) = (span(before, 0), span(after, 0));
            let mut left = claim(self.original, o, o.start + ra.start, o.start + ra.end);
            let mut right = claim(self.copy, c, c.start + rb.start, c.start + rb.end);
            left.value = Some(was.clone());
            right.value = Some(now.clone());
            let what = match kind {
                FindingKind::NumberMismatch => "a figure",
                FindingKind::DateMismatch => "a date",
                _ => "a name",
            };
            let summary = format!(
                "{} changed {what} of {}: {was} → {now}",
                self.copy.display_name(),
                self.original.display_name()
            );
            findings.push(self.finding(kind, Some(o.index.get()), summary, vec![left, right]));
        }
        if !reworded.is_empty() {
            let changes: Vec<String> = reworded
                .iter()
                .take(3)
                .map(|(was, now)| match (was.is_empty(), now.is_empty()) {
                    (true, _) => format!("added “{now}”"),
                    (_, true) => format!("dropped “{was}”"),
                    _ => format!("“{was}” → “{now}”"),
                })
                .collect();
            let summary = format!(
                "{} reworded a sentence of {}: {}",
                self.copy.display_name(),
                self.original.display_name(),
                changes.join("; ")
            );
            let claims = vec![
                claim(self.original, o, o.start, o.end),
                claim(self.copy, c, c.start, c.end),
            ];
            findings.push(self.finding(
                FindingKind::CopyEdit,
                Some(o.index.get()),
                summary,
                claims,
            ));
        }
        findings
    }
}

/// The passages worth comparing: body sentences and headings.
fn compared(document: &Document) -> Vec<&Passage> {
    document
        .passages
        .iter()
        .filter(|p| p.role != PassageRole::Boilerplate)
        .collect()
}

/// The findings of what `copy` changed of `original`. `events` gives the event of each
/// passage of the original, so that the findings sit in the events the original reports.
pub fn copy_edits(
    original: &Document,
    copy: &Document,
    events: &[Option<EventId>],
) -> Vec<FindingDraft> {
    let (a, b) = (compared(original), compared(copy));
    let a_words: Vec<Vec<String>> = a
        .iter()
        .map(|p| words(&original.text[p.start..p.end]))
        .collect();
    let b_words: Vec<Vec<String>> = b
        .iter()
        .map(|p| words(&copy.text[p.start..p.end]))
        .collect();
    let diff = diff_passages(&a_words, &b_words);
    let kept = a.len() - diff.dropped.len() - diff.edited.len();
    let pair = Pair {
        original,
        copy,
        events,
        evidence: format!(
            "{} is a near-copy of {}: {kept} of its {} passages are word for word the same",
            copy.display_name(),
            original.display_name(),
            b.len()
        ),
    };
    let mut findings = Vec::new();
    for &(o, c) in &diff.edited {
        findings.extend(pair.edited(a[o], b[c]));
    }
    // A dropped sentence is marked in the original (in its event), an added one in the copy.
    let one_sided = diff
        .dropped
        .iter()
        .map(|&o| (original, a[o], "dropped a sentence of"))
        .chain(
            diff.added
                .iter()
                .map(|&c| (copy, b[c], "added a sentence to")),
        );
    for (document, p, what) in one_sided {
        let summary = format!("{} {what} {}", copy.display_name(), original.display_name());
        let event_passage = (document.index == original.index).then(|| p.index.get());
        findings.push(pair.finding(
            FindingKind::CopyEdit,
            event_passage,
            summary,
            vec![claim(document, p, p.start, p.end)],
        ));
    }
    findings
}

/// The copy-edit findings of every copy in `documents`, with `event_of` from
/// [`crate::model::Report::event_of_passages`].
pub fn all_copy_edits(
    documents: &[Document],
    event_of: &[Vec<Option<EventId>>],
) -> Vec<FindingDraft> {
    let mut findings = Vec::new();
    for copy in documents {
        let Some(original) = copy.copy_of.and_then(|DocId(o)| documents.get(o)) else {
            continue;
        };
        let events = event_of
            .get(original.index.get())
            .map_or(&[][..], Vec::as_slice);
        findings.extend(copy_edits(original, copy, events));
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words_of(passages: &[&str]) -> Vec<Vec<String>> {
        passages.iter().map(|p| words(p)).collect()
    }

    #[test]
    fn passages_are_matched_edited_added_and_dropped() {
        let original = words_of(&[
            "The dam gave way on Thursday.",
            "At least 12 people died.",
            "The mayor asked for calm.",
            "Engineers had warned for years.",
        ]);
        let copy = words_of(&[
            "The dam gave way on Thursday.",
            "At least 40 people died.",
            "Rescuers searched all night.",
            "Engineers had warned for years.",
        ]);
        let diff = diff_passages(&original, &copy);
        assert_eq!(diff.edited, [(1, 1)]);
        assert_eq!(diff.dropped, [2]);
        assert_eq!(diff.added, [2]);
    }

    #[test]
    fn replaced_runs_are_told_apart() {
        let kind = |a: &str, b: &str| change_kind(&tokens(a), &tokens(b), false);
        assert_eq!(kind("12", "40"), FindingKind::NumberMismatch);
        assert_eq!(kind("14 March", "15 March"), FindingKind::DateMismatch);
        assert_eq!(kind("Goïta", "Guetta"), FindingKind::NameVariant);
        assert_eq!(kind("fled", "were evacuated"), FindingKind::CopyEdit);
        assert_eq!(
            change_kind(&tokens("14"), &tokens("15"), true),
            FindingKind::DateMismatch
        );
    }
}
