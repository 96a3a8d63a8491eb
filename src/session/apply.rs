//! Applying the user's edits: corrections change the alignment before findings are
//! computed; reviews and notes are attached to the finished report.
//!
//! Every anchor is first placed in the current text ([`super::anchor::locate`]). An item
//! with an anchor that cannot be placed is not applied and is listed as an orphan with the
//! reason; the item itself stays in the session.

use super::anchor::{self, Anchor, Lost};
use super::reattach;
use super::{Correction, Edits, NoteTarget};
use crate::align::{self, AlignedEvent, Alignment};
use crate::extract::Corpus;
use crate::model::{
    DocId, EventId, ItemKind, Note, NoteSpan, Orphan, PassageId, PassageRef, Report, Review,
};
use crate::text::first_words;

/// The user's edits with every anchor placed in the current texts where possible.
#[derive(Debug, Clone)]
pub struct Placed {
    /// The edits with re-anchored ranges and context (items that could not be placed keep
    /// their old anchors).
    pub edits: Edits,
    /// Per correction, review and note: why it could not be placed, if it could not.
    corrections: Vec<Option<Lost>>,
    reviews: Vec<Option<Lost>>,
    notes: Vec<Option<Lost>>,
    /// Session document position to report document, per session document.
    doc_of: Vec<Option<DocId>>,
}

impl Placed {
    /// Places every anchor. `doc_of` maps session documents to loaded documents and
    /// `texts` holds the loaded documents' texts.
    pub fn new(edits: &Edits, doc_of: &[Option<DocId>], texts: &[&str]) -> Placed {
        let mut edits = edits.clone();
        let place = |anchor: &mut Anchor| -> Option<Lost> {
            let Some(document) = doc_of.get(anchor.document).copied().flatten() else {
                return Some(Lost::DocumentMissing);
            };
            let text = texts[document.get()];
            match anchor::locate(anchor, text) {
                Ok((start, end)) => {
                    *anchor = Anchor::capture(anchor.document, text, start, end);
                    None
                }
                Err(lost) => Some(lost),
            }
        };
        let first_lost = |anchors: Vec<&mut Anchor>| -> Option<Lost> {
            let mut lost = None;
            for anchor in anchors {
                lost = lost.or(place(anchor));
            }
            lost
        };
        let corrections = edits
            .corrections
            .iter_mut()
            .map(|c| first_lost(c.anchors_mut()))
            .collect();
        let reviews = edits
            .reviews
            .iter_mut()
            .map(|r| first_lost(r.finding.claims.iter_mut().collect()))
            .collect();
        let notes = edits
            .notes
            .iter_mut()
            .map(|n| first_lost(vec![n.target.anchor_mut()]))
            .collect();
        Placed {
            edits,
            corrections,
            reviews,
            notes,
            doc_of: doc_of.to_vec(),
        }
    }

    fn document(&self, anchor: &Anchor) -> DocId {
        // Only called for placed anchors, whose document is loaded.
        self.doc_of[anchor.document].unwrap_or(DocId(0))
    }

    /// Applies the corrections to the alignment, in order.
    pub fn correct(&self, alignment: &mut Alignment, corpus: &Corpus) {
        let passage_of = |anchor: &Anchor| -> PassageRef {
            let document = self.document(anchor);
            PassageRef {
                document,
                passage: passage_at(
                    &corpus.documents[document.get()].passages,
                    anchor.start,
                    anchor.end,
                ),
            }
        };
        for (correction, lost) in self.edits.corrections.iter().zip(&self.corrections) {
            if lost.is_some() {
                continue;
            }
            let events = &mut alignment.events;
            let event_of = |events: &[AlignedEvent], at: PassageRef| {
                events.iter().position(|e| e.passages.contains(&at))
            };
            match correction {
                Correction::Link { passage, with } => {
                    let (a, b) = (passage_of(passage), passage_of(with));
                    match (event_of(events, a), event_of(events, b)) {
                        (Some(x), Some(y)) if x == y => {}
                        (Some(x), Some(y)) => {
                            let merged = std::mem::take(&mut events[y]);
                            let target = &mut events[x];
                            target.passages.extend(merged.passages);
                            for evidence in merged.evidence {
                                if !target.evidence.iter().any(|e| e.text == evidence.text) {
                                    target.evidence.push(evidence);
                                }
                            }
                            target
                                .evidence
                                .sort_by(|p, q| q.weight.total_cmp(&p.weight));
                            touch(target, corpus);
                        }
                        (Some(x), None) => {
                            events[x].passages.push(b);
                            touch(&mut events[x], corpus);
                        }
                        (None, Some(y)) => {
                            events[y].passages.push(a);
                            touch(&mut events[y], corpus);
                        }
                        (None, None) => {
                            let mut event = AlignedEvent {
                                passages: vec![a, b],
                                label: format!("Linked: {}", passage.short_quote()),
                                ..AlignedEvent::default()
                            };
                            touch(&mut event, corpus);
                            events.push(event);
                        }
                    }
                }
                Correction::Unlink { passage } => {
                    let at = passage_of(passage);
                    if let Some(x) = event_of(events, at) {
                        events[x].passages.retain(|p| *p != at);
                        if events[x].passages.len() < 2 {
                            events[x].passages.clear();
                        }
                        touch(&mut events[x], corpus);
                    }
                }
                Correction::Split { event, moved } => {
                    let Some(x) = event_of(events, passage_of(event)) else {
                        continue;
                    };
                    let moved: Vec<PassageRef> = moved.iter().map(passage_of).collect();
                    let (out, kept): (Vec<PassageRef>, Vec<PassageRef>) =
                        events[x].passages.iter().partition(|p| moved.contains(p));
                    if out.is_empty() || kept.is_empty() {
                        continue;
                    }
                    events[x].passages = kept;
                    touch(&mut events[x], corpus);
                    let mut part = AlignedEvent {
                        passages: out,
                        evidence: events[x].evidence.clone(),
                        label: format!("{} (split)", events[x].label),
                        ..AlignedEvent::default()
                    };
                    touch(&mut part, corpus);
                    events.push(part);
                }
                Correction::Rename { event, label } => {
                    if let Some(x) = event_of(events, passage_of(event)) {
                        events[x].label = label.clone();
                        events[x].edited = true;
                    }
                }
            }
        }
        alignment.events.retain(|e| !e.passages.is_empty());
    }

    /// Attaches reviews and notes to the report and lists every orphan.
    pub fn annotate(&self, report: &mut Report) {
        let mut orphans = Vec::new();
        let mut orphan = |item, index, description: String, reason: &str, waiting| {
            orphans.push(Orphan {
                item,
                index,
                description,
                reason: reason.to_string(),
                waiting,
            });
        };
        for (index, (correction, lost)) in self
            .edits
            .corrections
            .iter()
            .zip(&self.corrections)
            .enumerate()
        {
            if let Some(lost) = lost {
                orphan(
                    ItemKind::Correction,
                    index,
                    correction.describe(),
                    lost.reason(),
                    *lost == Lost::DocumentMissing,
                );
            }
        }
        self.attach_reviews(report, &mut orphan);
        let event_of = report.event_of_passages();
        for (index, (note, lost)) in self.edits.notes.iter().zip(&self.notes).enumerate() {
            if let Some(lost) = lost {
                orphan(
                    ItemKind::Note,
                    index,
                    format!("note “{}”", first_words(&note.text, 8)),
                    lost.reason(),
                    *lost == Lost::DocumentMissing,
                );
                continue;
            }
            let anchor = note.target.anchor();
            let document = self.document(anchor);
            let passage = passage_at(
                &report.documents[document.get()].passages,
                anchor.start,
                anchor.end,
            );
            let event: Option<EventId> = event_of[document.get()]
                .get(passage.get())
                .copied()
                .flatten();
            let span = NoteSpan {
                document,
                start: anchor.start,
                end: anchor.end,
                text: anchor.quote.clone(),
            };
            let span = match note.target {
                NoteTarget::Span(_) => Some(span),
                // An event note whose event dissolved stays on its passage.
                NoteTarget::Event(_) => event.is_none().then_some(span),
            };
            report.notes.push(Note {
                index,
                text: note.text.clone(),
                event,
                span,
            });
        }
        report.orphans = orphans;
    }
}

impl Placed {
    /// Attaches each review to its finding: first every review whose finding is unchanged,
    /// then the others to the finding they most plausibly meant ([`super::reattach`]).
    fn attach_reviews(
        &self,
        report: &mut Report,
        orphan: &mut impl FnMut(ItemKind, usize, String, &str, bool),
    ) {
        let mut taken = vec![false; report.findings.len()];
        let mut pending = Vec::new();
        for (index, (review, lost)) in self.edits.reviews.iter().zip(&self.reviews).enumerate() {
            let description = format!(
                "{} of a {} finding on “{}”",
                review.status.as_str(),
                review.finding.kind.as_str(),
                review
                    .finding
                    .claims
                    .first()
                    .map(Anchor::short_quote)
                    .unwrap_or_default()
            );
            if let Some(lost) = lost {
                let waiting = *lost == Lost::DocumentMissing;
                orphan(ItemKind::Review, index, description, lost.reason(), waiting);
                continue;
            }
            let spans: Vec<reattach::Span> = review
                .finding
                .claims
                .iter()
                .map(|a| (self.document(a), a.start, a.end))
                .collect();
            pending.push((index, description, spans));
        }
        // Unchanged findings first, so that a changed one never takes another's review.
        let mut placed = vec![None; pending.len()];
        for pass in [false, true] {
            for (slot, (index, _, spans)) in pending.iter().enumerate() {
                if placed[slot].is_some() {
                    continue;
                }
                let kind = self.edits.reviews[*index].finding.kind;
                let Some(found) = reattach::find(&report.findings, kind, spans, &taken) else {
                    continue;
                };
                if found.reattached.is_some() != pass || taken[found.finding] {
                    continue;
                }
                taken[found.finding] = true;
                placed[slot] = Some(found);
            }
        }
        for ((index, description, _), found) in pending.into_iter().zip(placed) {
            let review = &self.edits.reviews[index];
            match found {
                Some(found) => {
                    report.findings[found.finding].review = Some(Review {
                        status: review.status,
                        comment: review.comment.clone(),
                        reattached: found.reattached,
                        session_index: Some(index),
                    });
                }
                None => orphan(
                    ItemKind::Review,
                    index,
                    description,
                    "the finding is no longer reported",
                    false,
                ),
            }
        }
    }
}

/// Recomputes what depends on an event's passages and marks it edited.
fn touch(event: &mut AlignedEvent, corpus: &Corpus) {
    event.passages.sort();
    event.passages.dedup();
    event.date = align::event_date(&event.passages, corpus);
    event.edited = true;
}

/// The passage that overlaps `start..end` most (the one containing `start` for an empty
/// range).
fn passage_at(passages: &[crate::model::Passage], start: usize, end: usize) -> PassageId {
    passages
        .iter()
        .map(|p| {
            let overlap = end.min(p.end).saturating_sub(start.max(p.start));
            let contains = p.start <= start && start < p.end.max(p.start + 1);
            (overlap, contains, std::cmp::Reverse(p.index))
        })
        .enumerate()
        .max_by_key(|(_, key)| *key)
        .map_or(PassageId(0), |(i, _)| PassageId(i))
}
