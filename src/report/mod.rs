//! Stage 6, report: the numbered, plain-data [`Report`] and its renderings.
//!
//! The report is the only thing that leaves the engine. The viewer, the command line and the
//! exports read it; none of them recomputes anything. Ordering is fixed at every step, so the
//! same input gives the same report byte for byte.

pub mod csv;
pub mod markdown;

use crate::align::Alignment;
use crate::compare::FindingDraft;
use crate::extract::Corpus;
use crate::model::{
    DocId, Document, Event, EventId, Failure, Finding, FindingId, FindingKind, REPORT_SCHEMA,
    Report,
};

/// Assembles the report from the stages' outputs.
pub fn build(
    corpus: Corpus,
    alignment: Alignment,
    findings: Vec<FindingDraft>,
    failures: Vec<Failure>,
) -> Report {
    let documents = corpus
        .documents
        .into_iter()
        .enumerate()
        .map(|(index, document)| Document {
            index: DocId(index),
            path: document.loaded.path,
            title: document.loaded.title,
            date: document.loaded.date.map(|d| d.iso()),
            author: document.loaded.author,
            outlet: document.loaded.outlet,
            name: document.loaded.name,
            format: document.loaded.format,
            encoding: document.loaded.encoding,
            passages: document.passages,
            text: document.loaded.text,
        })
        .collect();
    let events = alignment
        .events
        .into_iter()
        .enumerate()
        .map(|(index, event)| Event {
            index: EventId(index),
            label: event.label,
            date: event.date,
            passages: event.passages,
            evidence: event.evidence,
            cohesion: (event.cohesion * 1000.0).round() / 1000.0,
            edited: event.edited,
        })
        .collect();
    let findings = findings
        .into_iter()
        .enumerate()
        .map(|(index, draft)| Finding {
            index: FindingId(index),
            kind: draft.kind,
            event: draft.event,
            summary: draft.summary,
            claims: draft.claims,
            review: None,
        })
        .collect();
    Report {
        schema: REPORT_SCHEMA.to_string(),
        documents,
        failures,
        entities: corpus.entities,
        events,
        findings,
        notes: Vec::new(),
        orphans: Vec::new(),
    }
}

/// The report as pretty JSON (the `parallax.report/1` schema).
pub fn to_json(report: &Report) -> String {
    // Serialising plain data with string keys cannot fail.
    let mut text = serde_json::to_string_pretty(report).unwrap_or_default();
    text.push('\n');
    text
}

/// The display name of a document (see [`crate::model::display_name`]).
pub fn document_name(document: &Document) -> String {
    document.display_name()
}

/// How one source covers one event: the cell of the coverage matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Coverage {
    /// The source does not report the event.
    Silent,
    /// It reports it, with no agreement or difference found.
    Covered,
    /// It agrees with another source on a value.
    Agrees,
    /// It differs from another source.
    Differs,
}

impl Coverage {
    /// The word used in exports.
    pub fn as_str(self) -> &'static str {
        match self {
            Coverage::Silent => "silent",
            Coverage::Covered => "covers",
            Coverage::Agrees => "agrees",
            Coverage::Differs => "differs",
        }
    }
}

/// How `document` covers `event`, given the event's findings.
pub fn coverage<'a>(
    event: &Event,
    findings: impl IntoIterator<Item = &'a Finding>,
    document: DocId,
) -> Coverage {
    if !event.passages.iter().any(|p| p.document == document) {
        return Coverage::Silent;
    }
    let mut agrees = false;
    for finding in findings {
        if !finding.claims.iter().any(|c| c.document == document) {
            continue;
        }
        if finding.kind.is_difference() && finding.kind != FindingKind::Unique {
            return Coverage::Differs;
        }
        agrees |= finding.kind == FindingKind::Agreement;
    }
    if agrees {
        Coverage::Agrees
    } else {
        Coverage::Covered
    }
}
