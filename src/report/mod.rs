//! Stage 6, report: the numbered, plain-data [`Report`] and its renderings.
//!
//! The report is the only thing that leaves the engine. The viewer, the command line and the
//! exports read it; none of them recomputes anything. Ordering is fixed at every step, so the
//! same input gives the same report byte for byte.

pub mod csv;
pub mod export;
pub mod html;
pub mod labels;
pub mod markdown;

use crate::align::Alignment;
use crate::compare::FindingDraft;
use crate::extract::Corpus;
use crate::model::{
    DocId, Document, Event, EventId, Failure, Finding, FindingId, FindingKind, REPORT_SCHEMA,
    Report,
};

/// A loaded document as the report shows it.
pub fn document_of(
    index: DocId,
    loaded: crate::load::LoadedDocument,
    passages: Vec<crate::model::Passage>,
    copy_of: Option<DocId>,
) -> Document {
    Document {
        index,
        path: loaded.path,
        title: loaded.title,
        date: loaded.date.map(|d| d.iso()),
        author: loaded.author,
        outlet: loaded.outlet,
        name: loaded.name,
        format: loaded.format,
        encoding: loaded.encoding,
        passages,
        text: loaded.text,
        language_note: crate::text::language_note(&loaded.language),
        language: Some(loaded.language),
        copy_of,
    }
}

/// Assembles the report from the stages' outputs.
pub fn build(
    corpus: Corpus,
    alignment: Alignment,
    findings: Vec<FindingDraft>,
    failures: Vec<Failure>,
) -> Report {
    let documents: Vec<Document> = corpus
        .documents
        .into_iter()
        .enumerate()
        .map(|(index, document)| {
            document_of(DocId(index), document.loaded, document.passages, None)
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
            confidence: if event.edited {
                1.0
            } else {
                (event.confidence * 100.0).round() / 100.0
            },
            anchors: event.anchors,
        })
        .collect::<Vec<Event>>();
    let event_of = event_table(&documents, &events);
    let findings = findings
        .into_iter()
        .enumerate()
        .map(|(index, draft)| finding_of(FindingId(index), draft, &event_of, &events))
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
        labels: Vec::new(),
    }
}

/// The event of each passage, by document and passage.
fn event_table(documents: &[Document], events: &[Event]) -> Vec<Vec<Option<EventId>>> {
    let mut table: Vec<Vec<Option<EventId>>> = documents
        .iter()
        .map(|d| vec![None; d.passages.len()])
        .collect();
    for event in events {
        for at in &event.passages {
            if let Some(cell) = table
                .get_mut(at.document.get())
                .and_then(|row| row.get_mut(at.passage.get()))
            {
                *cell = Some(event.index);
            }
        }
    }
    table
}

/// The sorted distinct events that a finding's claims lie in.
pub fn claim_events(
    claims: &[crate::model::Claim],
    event_of: &[Vec<Option<EventId>>],
) -> Vec<EventId> {
    let mut events: Vec<EventId> = claims
        .iter()
        .filter_map(|c| *event_of.get(c.document.get())?.get(c.passage.get())?)
        .collect();
    events.sort_unstable();
    events.dedup();
    events
}

/// "the claims lie in two events, “A” and “B”": the evidence line of a finding whose claims
/// lie in more than one event, so that the reader knows the pairing crossed events.
pub fn events_evidence(events: &[EventId], all: &[Event]) -> Option<String> {
    if events.len() < 2 {
        return None;
    }
    let labels: Vec<String> = events
        .iter()
        .filter_map(|e| all.get(e.get()))
        .map(|e| format!("“{}”", e.label))
        .collect();
    let count = match labels.len() {
        2 => "two".to_string(),
        3 => "three".to_string(),
        n => n.to_string(),
    };
    let (last, rest) = labels.split_last()?;
    Some(format!(
        "the claims lie in {count} events, {} and {last}",
        rest.join(", ")
    ))
}

/// A numbered finding from its draft, with the events its claims lie in.
fn finding_of(
    index: FindingId,
    draft: FindingDraft,
    event_of: &[Vec<Option<EventId>>],
    all: &[Event],
) -> Finding {
    let events = claim_events(&draft.claims, event_of);
    let mut evidence = draft.evidence;
    // A finding of the whole story (a name variant, a quote) lies in many events by nature;
    // an event's finding whose claims cross events says so.
    if draft.event.is_some()
        && let Some(line) = events_evidence(&events, all)
        && !evidence.contains(&line)
    {
        evidence.push(line);
    }
    Finding {
        index,
        kind: draft.kind,
        event: draft.event,
        events,
        summary: draft.summary,
        claims: draft.claims,
        review: None,
        confidence: (draft.confidence.clamp(0.0, 1.0) * 100.0).round() / 100.0,
        evidence,
    }
}

/// Adds findings made after the report was built (the edits of near-copies), numbered after
/// the others.
pub fn push_findings(report: &mut Report, drafts: Vec<FindingDraft>) {
    let event_of = report.event_of_passages();
    for draft in drafts {
        let index = FindingId(report.findings.len());
        let finding = finding_of(index, draft, &event_of, &report.events);
        report.findings.push(finding);
    }
}

/// The events a finding's claims lie in other than its own event, as the reader numbers
/// them (from 1): "4, 7". Empty when the claims lie in the finding's event only.
pub fn other_events(finding: &Finding) -> String {
    finding
        .events
        .iter()
        .filter(|e| Some(**e) != finding.event)
        .map(|e| (e.get() + 1).to_string())
        .collect::<Vec<_>>()
        .join(", ")
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
        // A finding the user dismissed is not a difference (nor an agreement) any more.
        if finding.is_dismissed() || !finding.claims.iter().any(|c| c.document == document) {
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

/// The findings of each event, by event index, in report order.
pub fn findings_by_event(report: &Report) -> Vec<Vec<&Finding>> {
    let mut table: Vec<Vec<&Finding>> = vec![Vec::new(); report.events.len()];
    for finding in &report.findings {
        if let Some(event) = finding.event
            && let Some(list) = table.get_mut(event.get())
        {
            list.push(finding);
        }
    }
    table
}

/// One-source-only findings grouped by the source that reports them, sources in report
/// order; sources with none are left out.
pub fn unique_by_source(report: &Report) -> Vec<(&Document, Vec<&Finding>)> {
    report
        .documents
        .iter()
        .map(|document| {
            let mine: Vec<&Finding> = report
                .findings
                .iter()
                .filter(|f| f.kind == FindingKind::Unique)
                .filter(|f| {
                    f.claims
                        .first()
                        .is_some_and(|c| c.document == document.index)
                })
                .collect();
            (document, mine)
        })
        .filter(|(_, mine)| !mine.is_empty())
        .collect()
}

/// Where a note stands, for the exports: its event (numbered from 1, with its label) and
/// its source and quoted span, whichever it has.
pub struct NotePlace<'a> {
    pub event: Option<(usize, &'a str)>,
    pub span: Option<(String, &'a str)>,
}

/// Where a note stands (see [`NotePlace`]).
pub fn note_place<'a>(report: &'a Report, note: &'a crate::model::Note) -> NotePlace<'a> {
    NotePlace {
        event: note.event.map(|event| {
            (
                event.get() + 1,
                report
                    .events
                    .get(event.get())
                    .map_or("", |e| e.label.as_str()),
            )
        }),
        span: note.span.as_ref().map(|span| {
            let source = report.documents.get(span.document.get()).map_or_else(
                || format!("document {}", span.document),
                Document::display_name,
            );
            (source, span.text.as_str())
        }),
    }
}

/// A short symbol for each finding kind, shown next to its colour so that colour is never the
/// only cue. The viewer shows the same ones (it re-exports this function).
pub fn kind_symbol(kind: FindingKind) -> &'static str {
    match kind {
        FindingKind::NumberMismatch => "#",
        FindingKind::DateMismatch => "d",
        FindingKind::NameVariant => "Aa",
        FindingKind::QuoteAttribution => "“”",
        FindingKind::Contradiction => "≠",
        FindingKind::Wording => "~",
        FindingKind::Agreement => "=",
        FindingKind::Unique => "1",
        FindingKind::CopyEdit => "Δ",
        FindingKind::QuoteWording => "“≠”",
    }
}

/// What the exports for people (HTML, Markdown) say about the comparison as a whole.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportOptions {
    /// The name of the story. Without it, the title that several documents share, if any.
    pub story: Option<String>,
    /// The date of the comparison (`2026-11-21`), given by the caller; `None` leaves it out,
    /// so that the same report always renders to the same bytes.
    pub generated: Option<String>,
}

/// The name of the story: the one given, else the title most documents share (the earliest
/// on a tie), when at least two documents share it or there is only one document. A title
/// that only one of several sources uses is that source's framing, not the story's name.
pub fn story_title(report: &Report, options: &ExportOptions) -> Option<String> {
    if let Some(story) = options.story.as_deref().map(str::trim)
        && !story.is_empty()
    {
        return Some(story.to_string());
    }
    let titles: Vec<&str> = report
        .documents
        .iter()
        .filter_map(|d| d.title.as_deref().map(str::trim))
        .filter(|t| !t.is_empty())
        .collect();
    let mut best: Option<(&str, usize)> = None;
    for title in &titles {
        let count = titles.iter().filter(|t| *t == title).count();
        if best.is_none_or(|(_, most)| count > most) {
            best = Some((title, count));
        }
    }
    best.filter(|(_, count)| *count >= 2 || report.documents.len() == 1)
        .map(|(title, _)| title.to_string())
}

/// The figures a reader sees first. Dismissed findings are counted apart from the others.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub documents: usize,
    pub events: usize,
    /// Differences between sources (not agreements, not one-source passages), not dismissed.
    pub differences: usize,
    /// Passages reported by one source only, not dismissed.
    pub unique: usize,
    /// Findings of any kind the user dismissed.
    pub dismissed: usize,
}

/// Counts the report's documents, events and findings.
pub fn counts(report: &Report) -> Counts {
    let live = || report.findings.iter().filter(|f| !f.is_dismissed());
    Counts {
        documents: report.documents.len(),
        events: report.events.len(),
        differences: live()
            .filter(|f| f.kind.is_difference() && f.kind != FindingKind::Unique)
            .count(),
        unique: live().filter(|f| f.kind == FindingKind::Unique).count(),
        dismissed: report.findings.iter().filter(|f| f.is_dismissed()).count(),
    }
}

/// Today's date in UTC (`2026-11-21`), for the date of a comparison. The environment
/// variable `PARALLAX_DATE`, when set, is used instead, so that tests are reproducible.
pub fn today() -> String {
    if let Ok(date) = std::env::var("PARALLAX_DATE")
        && !date.trim().is_empty()
    {
        return date.trim().to_string();
    }
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    crate::calendar::Date::from_day_number((seconds / 86_400) as i64).iso()
}

/// Keeps the findings at or above `min_confidence` (and every finding the user confirmed),
/// numbering them again from 0. This is what the command line and the viewer show by
/// default; the engine's report holds every finding with its confidence.
pub fn retain_confident(report: &mut Report, min_confidence: f32) {
    report.findings.retain(|finding| {
        finding.confidence >= min_confidence
            || finding
                .review
                .as_ref()
                .is_some_and(|r| r.status == crate::model::ReviewStatus::Confirmed)
    });
    for (index, finding) in report.findings.iter_mut().enumerate() {
        finding.index = FindingId(index);
    }
}

/// "linked with confidence 0.78 on: Ostrel Dam, 2025-03-13, floodwater": why an event's
/// passages are one event, in words, for the Markdown and HTML exports.
pub fn event_basis(event: &crate::model::Event) -> String {
    let anchors: Vec<&str> = event
        .anchors
        .iter()
        .take(5)
        .map(|a| a.text.as_str())
        .collect();
    if anchors.is_empty() {
        format!("linked with confidence {:.2}", event.confidence)
    } else {
        format!(
            "linked with confidence {:.2} on: {}",
            event.confidence,
            anchors.join(", ")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Claim, PassageId, PassageRef};

    fn event(index: usize, label: &str, passages: &[(usize, usize)]) -> Event {
        Event {
            index: EventId(index),
            label: label.into(),
            date: None,
            passages: passages
                .iter()
                .map(|&(d, p)| PassageRef {
                    document: DocId(d),
                    passage: PassageId(p),
                })
                .collect(),
            evidence: Vec::new(),
            cohesion: 1.0,
            edited: false,
            confidence: 0.9,
            anchors: Vec::new(),
        }
    }

    fn claim(document: usize, passage: usize) -> Claim {
        Claim {
            document: DocId(document),
            passage: PassageId(passage),
            start: 0,
            end: 1,
            text: "x".into(),
            value: None,
            note: None,
            attribution: None,
        }
    }

    #[test]
    fn a_finding_lists_every_event_its_claims_lie_in_and_says_so() {
        let events = vec![
            event(0, "the bridge vote", &[(0, 0), (1, 0)]),
            event(1, "the ferry strike", &[(0, 2), (1, 3)]),
        ];
        let table = vec![vec![Some(EventId(0)), None, Some(EventId(1))], {
            let mut row = vec![None; 4];
            row[0] = Some(EventId(0));
            row[3] = Some(EventId(1));
            row
        }];
        let draft = FindingDraft {
            kind: FindingKind::Contradiction,
            event: Some(EventId(1)),
            summary: "s".into(),
            claims: vec![claim(1, 3), claim(0, 0), claim(0, 1)],
            confidence: 0.7,
            evidence: vec!["why".into()],
        };
        let finding = finding_of(FindingId(0), draft.clone(), &table, &events);
        assert_eq!(finding.events, vec![EventId(0), EventId(1)]);
        assert_eq!(
            finding.evidence.last().map(String::as_str),
            Some("the claims lie in two events, “the bridge vote” and “the ferry strike”")
        );
        assert_eq!(other_events(&finding), "1");
        // Claims in one event: that event only, and no line about events.
        let one = FindingDraft {
            claims: vec![claim(0, 2), claim(1, 3)],
            ..draft.clone()
        };
        let finding = finding_of(FindingId(1), one, &table, &events);
        assert_eq!(finding.events, vec![EventId(1)]);
        assert_eq!(finding.evidence, vec!["why".to_string()]);
        assert_eq!(other_events(&finding), "");
        // Claims outside every event.
        let none = FindingDraft {
            event: None,
            claims: vec![claim(0, 1)],
            ..draft
        };
        assert!(
            finding_of(FindingId(2), none, &table, &events)
                .events
                .is_empty()
        );
    }

    #[test]
    fn a_finding_written_before_the_events_field_still_loads() {
        let json = r#"{"index": 3, "kind": "contradiction", "event": 1, "summary": "s",
            "claims": [], "confidence": 0.7}"#;
        let finding: Finding = serde_json::from_str(json).expect("old finding");
        assert_eq!(finding.event, Some(EventId(1)));
        assert!(finding.events.is_empty());
    }
}
