//! The Markdown rendering: a readable summary for people. Documents first, then each event
//! with its findings and the quoted spans, then the findings that belong to no event (name
//! variants), then what only one source reports.

use super::document_name;
use crate::model::{Finding, FindingKind, Report};
use std::fmt::Write;

fn quote(text: &str) -> String {
    let single_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    single_line.replace('|', "\\|")
}

fn write_finding(out: &mut String, report: &Report, finding: &Finding) {
    let _ = writeln!(
        out,
        "- **{}**: {}",
        finding.kind.title(),
        quote(&finding.summary)
    );
    for claim in &finding.claims {
        let document = &report.documents[claim.document.get()];
        let mut extra = Vec::new();
        if let Some(value) = &claim.value
            && value != &claim.text
        {
            extra.push(format!("value {value}"));
        }
        if let Some(note) = &claim.note {
            extra.push(note.clone());
        }
        let extra = if extra.is_empty() {
            String::new()
        } else {
            format!(" ({})", extra.join(", "))
        };
        let _ = writeln!(
            out,
            "  - {}, bytes {}–{}: “{}”{extra}",
            document_name(document),
            claim.start,
            claim.end,
            quote(&claim.text)
        );
    }
}

/// Renders the report as Markdown.
pub fn render(report: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Parallax comparison\n");
    let differences = report
        .findings
        .iter()
        .filter(|f| f.kind.is_difference() && f.kind != FindingKind::Unique)
        .count();
    let _ = writeln!(
        out,
        "{} documents, {} shared events, {} differences, {} passages reported by one source only.\n",
        report.documents.len(),
        report.events.len(),
        differences,
        report
            .findings
            .iter()
            .filter(|f| f.kind == FindingKind::Unique)
            .count()
    );
    let _ = writeln!(out, "## Documents\n");
    let _ = writeln!(out, "| # | Source | Title | Date | Author | File |");
    let _ = writeln!(out, "|---|---|---|---|---|---|");
    for document in &report.documents {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} |",
            document.index.get() + 1,
            quote(&document_name(document)),
            quote(document.title.as_deref().unwrap_or("")),
            document.date.as_deref().unwrap_or(""),
            quote(document.author.as_deref().unwrap_or("")),
            quote(&document.path)
        );
    }
    if !report.failures.is_empty() {
        let _ = writeln!(out, "\n## Not loaded\n");
        for failure in &report.failures {
            let _ = writeln!(out, "- `{}`: {}", failure.path, failure.error);
        }
    }
    let _ = writeln!(out, "\n## Events\n");
    for event in &report.events {
        let sources: Vec<String> = event
            .documents()
            .iter()
            .map(|d| document_name(&report.documents[d.get()]))
            .collect();
        let date = event
            .date
            .as_deref()
            .map(|d| format!(" ({d})"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "### {}. {}{date}\n",
            event.index.get() + 1,
            quote(&event.label)
        );
        let _ = writeln!(out, "Reported by: {}.\n", sources.join(", "));
        let findings: Vec<&Finding> = report
            .findings
            .iter()
            .filter(|f| f.event == Some(event.index))
            .collect();
        if findings.is_empty() {
            let _ = writeln!(out, "No differences found.\n");
            continue;
        }
        for finding in findings {
            write_finding(&mut out, report, finding);
        }
        out.push('\n');
    }
    let loose: Vec<&Finding> = report
        .findings
        .iter()
        .filter(|f| f.event.is_none() && f.kind != FindingKind::Unique)
        .collect();
    if !loose.is_empty() {
        let _ = writeln!(out, "## Across the whole story\n");
        for finding in loose {
            write_finding(&mut out, report, finding);
        }
        out.push('\n');
    }
    let unique: Vec<&Finding> = report
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::Unique)
        .collect();
    if !unique.is_empty() {
        let _ = writeln!(out, "## Reported by one source only\n");
        for document in &report.documents {
            let mine: Vec<&&Finding> = unique
                .iter()
                .filter(|f| {
                    f.claims
                        .first()
                        .is_some_and(|c| c.document == document.index)
                })
                .collect();
            if mine.is_empty() {
                continue;
            }
            let _ = writeln!(out, "### {}\n", quote(&document_name(document)));
            for finding in mine {
                let text: Vec<String> = finding.claims.iter().map(|c| quote(&c.text)).collect();
                let _ = writeln!(out, "- “{}”", text.join(" "));
            }
            out.push('\n');
        }
    }
    out
}
