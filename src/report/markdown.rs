//! The Markdown rendering: a readable summary for people, to paste into documents. The same
//! content as the HTML page: the documents, the coverage overview, each event with its
//! sources' passages (finding spans in bold) and its findings, a findings table with the
//! reviews, what only one source reports, the notes and the session items that could not be
//! placed.

use super::{ExportOptions, counts, coverage, findings_by_event, kind_symbol, story_title};
use crate::model::{Claim, Event, Finding, FindingKind, PassageRef, Report};
use std::fmt::Write;

/// Text on one line, with the characters Markdown would read as markup escaped, so that an
/// article's `*`, `_`, `<tag>` or `|` shows as written, also inside a table.
fn quote(text: &str) -> String {
    let single_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let chars: Vec<char> = single_line.chars().collect();
    let mut out = String::with_capacity(single_line.len());
    for (i, &c) in chars.iter().enumerate() {
        // An underscore inside a word (`01_state_herald`) is never emphasis.
        let inside_word = c == '_'
            && i > 0
            && chars[i - 1].is_alphanumeric()
            && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric());
        if matches!(c, '\\' | '`' | '*' | '_' | '<' | '[' | ']' | '|' | '~') && !inside_word {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The kind with its symbol, as in the viewer's legend: “# Number mismatch”.
fn kind_label(kind: FindingKind) -> String {
    format!("{} {}", quote(kind_symbol(kind)), kind.title())
}

/// The review of a finding in words: “dismissed: comment”, or nothing when unreviewed.
fn review_text(finding: &Finding) -> Option<String> {
    let review = finding.review.as_ref()?;
    let mut text = format!("**{}**", review.status.as_str());
    if !review.comment.is_empty() {
        let _ = write!(text, ": {}", quote(&review.comment));
    }
    if let Some(how) = &review.reattached {
        let _ = write!(text, " ({})", quote(how));
    }
    Some(text)
}

fn claim_detail(claim: &Claim) -> String {
    let mut extra = Vec::new();
    if let Some(value) = &claim.value
        && value != &claim.text
    {
        extra.push(format!("value {}", quote(value)));
    }
    if let Some(note) = &claim.note {
        extra.push(quote(note));
    }
    if extra.is_empty() {
        String::new()
    } else {
        format!(" ({})", extra.join(", "))
    }
}

fn write_finding(out: &mut String, report: &Report, finding: &Finding) {
    let summary = if finding.is_dismissed() {
        format!("~~{}~~", quote(&finding.summary))
    } else {
        quote(&finding.summary)
    };
    let review = review_text(finding)
        .map(|r| format!(" — {r}"))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "- **{}** (finding {}): {summary}{review}",
        finding.kind.title(),
        finding.index.get() + 1,
    );
    for claim in &finding.claims {
        let document = &report.documents[claim.document.get()];
        let _ = writeln!(
            out,
            "  - {}, bytes {}–{}: “{}”{}",
            quote(&document.display_name()),
            claim.start,
            claim.end,
            quote(&claim.text),
            claim_detail(claim)
        );
    }
}

/// Renders the report as Markdown, without a date (the same report, the same bytes).
pub fn render(report: &Report) -> String {
    render_with(report, &ExportOptions::default())
}

/// Renders the report as Markdown, with the story's name and the date of the comparison
/// when the options give them.
pub fn render_with(report: &Report, options: &ExportOptions) -> String {
    let mut out = String::new();
    match story_title(report, options) {
        Some(story) => {
            let _ = writeln!(out, "# Parallax comparison: {}\n", quote(&story));
        }
        None => {
            let _ = writeln!(out, "# Parallax comparison\n");
        }
    }
    if let Some(date) = &options.generated {
        let _ = writeln!(out, "Compared on {}.\n", quote(date));
    }
    let counts = counts(report);
    let dismissed = match counts.dismissed {
        0 => String::new(),
        1 => " 1 dismissed finding is not counted.".to_string(),
        n => format!(" {n} dismissed findings are not counted."),
    };
    let count =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let _ = writeln!(
        out,
        "{}, {}, {}, {}.{dismissed}\n",
        count(counts.documents, "document", "documents"),
        count(counts.events, "shared event", "shared events"),
        count(counts.differences, "difference", "differences"),
        count(
            counts.unique,
            "passage reported by one source only",
            "passages reported by one source only"
        ),
    );
    let _ = writeln!(out, "## Documents\n");
    let _ = writeln!(
        out,
        "| # | Source | Title | Outlet | Date | Author | File |"
    );
    let _ = writeln!(out, "|---|---|---|---|---|---|---|");
    for document in &report.documents {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} |",
            document.index.get() + 1,
            match report.copy_note(document) {
                Some(note) => quote(&format!("{} ({note})", document.display_name())),
                None => quote(&document.display_name()),
            },
            quote(document.title.as_deref().unwrap_or("")),
            quote(document.outlet.as_deref().unwrap_or("")),
            quote(document.date.as_deref().unwrap_or("")),
            quote(document.author.as_deref().unwrap_or("")),
            quote(&document.path)
        );
    }
    if !report.failures.is_empty() {
        let _ = writeln!(out, "\n## Not loaded\n");
        for failure in &report.failures {
            let _ = writeln!(out, "- {}: {}", quote(&failure.path), quote(&failure.error));
        }
    }
    let by_event = findings_by_event(report);
    overview(&mut out, report, &by_event);
    let _ = writeln!(out, "\n## Events\n");
    if report.events.is_empty() {
        let _ = writeln!(out, "No event is reported by more than one source.\n");
    }
    for event in &report.events {
        write_event(&mut out, report, event, &by_event[event.index.get()]);
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
    findings_table(&mut out, report);
    out.push_str(&super::labels::markdown(report, &quote));
    unique(&mut out, report);
    notes(&mut out, report);
    orphans(&mut out, report);
    out
}

fn overview(out: &mut String, report: &Report, by_event: &[Vec<&Finding>]) {
    if report.events.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n## Overview\n");
    let _ = writeln!(
        out,
        "Which source reports which event: covers, agrees (with another source), differs (from \
         another source) or silent.\n"
    );
    let mut header = String::from("| Event |");
    let mut rule = String::from("|---|");
    for document in &report.documents {
        let _ = write!(header, " {} |", quote(&document.display_name()));
        rule.push_str("---|");
    }
    let _ = writeln!(out, "{header}\n{rule}");
    for event in &report.events {
        let _ = write!(
            out,
            "| {}. {}{} |",
            event.index.get() + 1,
            quote(&event.label),
            if event.edited { " (edited)" } else { "" }
        );
        for document in &report.documents {
            let cell = coverage(
                event,
                by_event[event.index.get()].iter().copied(),
                document.account(),
            );
            let _ = write!(out, " {} |", cell.as_str());
        }
        out.push('\n');
    }
}

fn write_event(out: &mut String, report: &Report, event: &Event, findings: &[&Finding]) {
    let date = event
        .date
        .as_deref()
        .map(|d| format!(" ({})", quote(d)))
        .unwrap_or_default();
    let edited = if event.edited { " — edited" } else { "" };
    let _ = writeln!(
        out,
        "### {}. {}{date}{edited}\n",
        event.index.get() + 1,
        quote(&event.label)
    );
    let documents = event.documents();
    let sources: Vec<String> = documents
        .iter()
        .map(|d| quote(&report.documents[d.get()].display_name()))
        .collect();
    let _ = writeln!(
        out,
        "Reported by: {}. ({})\n",
        sources.join(", "),
        quote(&super::event_basis(event))
    );
    let mut quoted = Vec::new();
    for document in &documents {
        if let Some(text) = passages_text(report, event, *document, findings) {
            quoted.push(format!(
                "> **{}**: {text}",
                quote(&report.documents[document.get()].display_name())
            ));
        }
    }
    if !quoted.is_empty() {
        let _ = writeln!(out, "{}\n", quoted.join("\n>\n"));
    }
    if findings.is_empty() {
        let _ = writeln!(out, "No differences found.\n");
    } else {
        for finding in findings {
            write_finding(out, report, finding);
        }
        out.push('\n');
    }
    let notes: Vec<_> = report
        .notes
        .iter()
        .filter(|n| n.event == Some(event.index))
        .collect();
    if !notes.is_empty() {
        for note in notes {
            let _ = writeln!(out, "- Note {}: {}", note.index + 1, quote(&note.text));
        }
        out.push('\n');
    }
}

/// One source's passages of an event on one line, the spans of the event's findings in bold
/// with a reference (`[#6]`: the kind's symbol and the finding's number) after each. `None`
/// when the report has no text for them (a report read back from JSON).
fn passages_text(
    report: &Report,
    event: &Event,
    document: crate::model::DocId,
    findings: &[&Finding],
) -> Option<String> {
    let doc = &report.documents[document.get()];
    let mut passages: Vec<PassageRef> = event
        .passages
        .iter()
        .copied()
        .filter(|p| p.document == document)
        .collect();
    passages.sort();
    passages.dedup();
    let mut parts = Vec::new();
    let mut previous: Option<usize> = None;
    for at in passages {
        let passage = doc.passages.get(at.passage.get())?;
        let text = doc.text.get(passage.start..passage.end)?;
        if previous.is_some_and(|p| p + 1 != at.passage.get()) {
            parts.push("…".to_string());
        }
        previous = Some(at.passage.get());
        let spans: Vec<(&Finding, usize, usize)> = findings
            .iter()
            .flat_map(|f| f.claims.iter().map(move |c| (*f, c)))
            .filter(|(_, c)| c.document == document && c.passage == at.passage)
            .filter_map(|(f, c)| {
                let start = c.start.checked_sub(passage.start)?;
                let end = c.end.checked_sub(passage.start)?;
                (start < end
                    && end <= text.len()
                    && text.is_char_boundary(start)
                    && text.is_char_boundary(end))
                .then_some((f, start, end))
            })
            .collect();
        parts.push(bold_spans(text, &spans));
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// The text with the union of the spans in bold; Markdown cannot nest bold, so overlapping
/// spans share one bold run, followed by the references of every span that ends in it.
fn bold_spans(text: &str, spans: &[(&Finding, usize, usize)]) -> String {
    let mut ranges: Vec<(usize, usize)> = spans.iter().map(|(_, s, e)| (*s, *e)).collect();
    ranges.sort_unstable();
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for (start, end) in ranges {
        match runs.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => runs.push((start, end)),
        }
    }
    let mut out = String::new();
    let mut at = 0;
    for (start, end) in runs {
        out.push_str(&quote_keep_edges(&text[at..start]));
        let inner = text[start..end].trim();
        out.push_str(&format!("**{}**", quote(inner)));
        let mut references: Vec<(usize, String)> = spans
            .iter()
            .filter(|(_, s, e)| *s >= start && *e <= end)
            .map(|(f, _, _)| {
                (
                    f.index.get(),
                    format!("[{}{}]", quote(kind_symbol(f.kind)), f.index.get() + 1),
                )
            })
            .collect();
        references.sort();
        references.dedup();
        for (_, reference) in references {
            out.push(' ');
            out.push_str(&reference);
        }
        at = end;
    }
    out.push_str(&quote_keep_edges(&text[at..]));
    out.trim().to_string()
}

/// [`quote`], keeping one space where the text began or ended with white space.
fn quote_keep_edges(text: &str) -> String {
    let mut out = String::new();
    if text.starts_with(char::is_whitespace) {
        out.push(' ');
    }
    out.push_str(&quote(text));
    if text.ends_with(char::is_whitespace) && !text.trim().is_empty() {
        out.push(' ');
    }
    out
}

fn findings_table(out: &mut String, report: &Report) {
    let findings: Vec<&Finding> = report
        .findings
        .iter()
        .filter(|f| f.kind != FindingKind::Unique)
        .collect();
    if findings.is_empty() {
        return;
    }
    let _ = writeln!(out, "## Findings\n");
    let _ = writeln!(
        out,
        "Every agreement and difference; each event above quotes what each source says. \
         Dismissed findings are struck through and not counted above.\n"
    );
    let _ = writeln!(
        out,
        "| # | Kind | Event | Summary | Confidence | Why | Review |"
    );
    let _ = writeln!(out, "|---|---|---|---|---|---|---|");
    for finding in findings {
        let event = finding
            .event
            .map_or_else(|| "whole story".to_string(), |e| (e.get() + 1).to_string());
        let event = match super::other_events(finding) {
            others if others.is_empty() => event,
            others if finding.event.is_none() => format!("{event} (events {others})"),
            others => format!("{event} (also {others})"),
        };
        let summary = if finding.is_dismissed() {
            format!("~~{}~~", quote(&finding.summary))
        } else {
            quote(&finding.summary)
        };
        let _ = writeln!(
            out,
            "| {} | {} | {event} | {summary} | {:.2} | {} | {} |",
            finding.index.get() + 1,
            kind_label(finding.kind),
            finding.confidence,
            quote(&finding.evidence.join("; ")),
            review_text(finding).unwrap_or_else(|| "unreviewed".to_string())
        );
    }
    out.push('\n');
}

fn unique(out: &mut String, report: &Report) {
    let by_source = super::unique_by_source(report);
    if by_source.is_empty() {
        return;
    }
    let _ = writeln!(out, "## Reported by one source only\n");
    for (document, mine) in by_source {
        let _ = writeln!(out, "### {}\n", quote(&document.display_name()));
        for finding in mine {
            let text: Vec<String> = finding.claims.iter().map(|c| quote(&c.text)).collect();
            let text = if finding.is_dismissed() {
                format!("~~“{}”~~", text.join(" "))
            } else {
                format!("“{}”", text.join(" "))
            };
            let review = review_text(finding)
                .map(|r| format!(" — {r}"))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "- {text} (finding {}){review}",
                finding.index.get() + 1
            );
        }
        out.push('\n');
    }
}

fn notes(out: &mut String, report: &Report) {
    if report.notes.is_empty() {
        return;
    }
    let _ = writeln!(out, "## Notes\n");
    for note in &report.notes {
        let where_ = super::note_place(report, note);
        let mut place = Vec::new();
        if let Some((number, label)) = where_.event {
            let label = if label.is_empty() {
                String::new()
            } else {
                format!(" ({})", quote(label))
            };
            place.push(format!("on event {number}{label}"));
        }
        if let Some((source, quoted)) = &where_.span {
            place.push(format!("{}: “{}”", quote(source), quote(quoted)));
        }
        if place.is_empty() {
            place.push("on the whole story".to_string());
        }
        let _ = writeln!(
            out,
            "{}. {} — {}",
            note.index + 1,
            quote(&note.text),
            place.join("; ")
        );
    }
    out.push('\n');
}

fn orphans(out: &mut String, report: &Report) {
    if report.orphans.is_empty() {
        return;
    }
    let _ = writeln!(out, "## Not placed in the current texts\n");
    for orphan in &report.orphans {
        let item = orphan.item.as_str();
        let waiting = if orphan.waiting {
            " (waits for a document that is not loaded)"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "- {item} {}: {} — {}{waiting}",
            orphan.index + 1,
            quote(&orphan.description),
            quote(&orphan.reason)
        );
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_article_text_is_escaped() {
        assert_eq!(
            quote("a <b>*x*</b> | [y](z)\n_u_ snake_case"),
            r"a \<b>\*x\*\</b> \| \[y\](z) \_u\_ snake_case"
        );
    }
}
