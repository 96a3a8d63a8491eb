//! CSV renderings for spreadsheets and notebooks (RFC 4180 quoting, UTF-8, via the `csv`
//! crate): one row per finding claim, and one row per event and source for the coverage
//! matrix (the labels table is in [`super::labels`]).

use super::{Coverage, coverage};
use crate::model::Report;

/// Columns of the findings CSV.
pub const CLAIM_COLUMNS: [&str; 15] = [
    "finding",
    "kind",
    "event",
    "event_label",
    "document",
    "outlet",
    "start",
    "end",
    "text",
    "value",
    "review_status",
    "review_comment",
    "confidence",
    "evidence",
    "events",
];

/// Columns of the coverage CSV.
pub const COVERAGE_COLUMNS: [&str; 5] = ["event", "event_label", "document", "outlet", "coverage"];

pub(super) fn finish(writer: csv::Writer<Vec<u8>>) -> String {
    // Writing to memory cannot fail, and every field is valid UTF-8.
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// One row per claim of every finding.
pub fn claims(report: &Report) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let _ = writer.write_record(CLAIM_COLUMNS);
    for finding in &report.findings {
        let (event, label) = match finding.event {
            Some(event) => (
                event.get().to_string(),
                report.events[event.get()].label.clone(),
            ),
            None => (String::new(), String::new()),
        };
        // Every event the claims lie in, numbered as the `event` column, space-separated.
        let events = finding
            .events
            .iter()
            .map(|e| e.get().to_string())
            .collect::<Vec<_>>()
            .join(" ");
        for claim in &finding.claims {
            let document = &report.documents[claim.document.get()];
            let _ = writer.write_record([
                finding.index.get().to_string(),
                finding.kind.as_str().to_string(),
                event.clone(),
                label.clone(),
                document.path.clone(),
                document.outlet.clone().unwrap_or_default(),
                claim.start.to_string(),
                claim.end.to_string(),
                claim.text.clone(),
                claim.value.clone().unwrap_or_default(),
                finding.review_status().to_string(),
                finding
                    .review
                    .as_ref()
                    .map(|r| r.comment.clone())
                    .unwrap_or_default(),
                format!("{:.2}", finding.confidence),
                finding.evidence.join("; "),
                events.clone(),
            ]);
        }
    }
    finish(writer)
}

/// One row per event and source: covers, agrees, differs or silent.
pub fn coverage_matrix(report: &Report) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let _ = writer.write_record(COVERAGE_COLUMNS);
    for event in &report.events {
        let findings: Vec<_> = report
            .findings
            .iter()
            .filter(|f| f.event == Some(event.index))
            .collect();
        for document in &report.documents {
            let cell: Coverage = coverage(event, findings.iter().copied(), document.account());
            let _ = writer.write_record([
                event.index.get().to_string(),
                event.label.clone(),
                document.path.clone(),
                document.outlet.clone().unwrap_or_default(),
                cell.as_str().to_string(),
            ]);
        }
    }
    finish(writer)
}
