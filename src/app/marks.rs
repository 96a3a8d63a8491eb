//! What to mark in each document, read once from the report: finding spans by kind, the
//! event of each passage, and the passages only one source reports. The viewer draws from
//! this; it never looks for differences itself.

use parallax::model::{DocId, EventId, FindingId, FindingKind, PassageId, Report};
use std::collections::BTreeSet;

/// One marked span of a document.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Mark {
    pub start: usize,
    pub end: usize,
    pub kind: FindingKind,
    pub finding: FindingId,
    /// The user dismissed the finding: drawn greyed out.
    pub dismissed: bool,
}

/// Marks of one document.
#[derive(Debug, Clone, Default)]
pub struct DocumentMarks {
    /// Finding spans (not `unique`), sorted by start.
    pub marks: Vec<Mark>,
    /// The event of each passage.
    pub passage_event: Vec<Option<EventId>>,
    /// Passages that only this source reports.
    pub unique: BTreeSet<PassageId>,
}

/// Builds the marks of every document.
pub fn marks(report: &Report) -> Vec<DocumentMarks> {
    let event_of = report.event_of_passages();
    let mut out: Vec<DocumentMarks> = report
        .documents
        .iter()
        .map(|d| DocumentMarks {
            passage_event: event_of[d.index.get()].clone(),
            ..DocumentMarks::default()
        })
        .collect();
    for finding in &report.findings {
        for claim in &finding.claims {
            let document: DocId = claim.document;
            let target = &mut out[document.get()];
            if finding.kind == FindingKind::Unique {
                target.unique.insert(claim.passage);
            } else if claim.end > claim.start {
                target.marks.push(Mark {
                    start: claim.start,
                    end: claim.end,
                    kind: finding.kind,
                    finding: finding.index,
                    dismissed: finding.is_dismissed(),
                });
            }
        }
    }
    for document in &mut out {
        document.marks.sort_by_key(|m| (m.start, m.end, m.finding));
    }
    out
}
