//! The events of the page: each event's sources side by side, with the finding spans
//! marked in the passages and a link from each mark to its row in the findings table.

use super::*;

pub(super) fn edited_badge(event: &Event) -> &'static str {
    if event.edited {
        " <span class=\"badge edited\" title=\"Changed by a correction in the session\">edited</span>"
    } else {
        ""
    }
}

/// Every claim of every finding except one-source passages, by the passage it stands in.
pub(super) type Marks<'a> = BTreeMap<(DocId, PassageId), Vec<(&'a Finding, &'a Claim)>>;

pub(super) fn claims_by_passage(report: &Report) -> Marks<'_> {
    let mut marks: Marks<'_> = BTreeMap::new();
    for finding in &report.findings {
        if finding.kind == FindingKind::Unique {
            continue;
        }
        for claim in &finding.claims {
            marks
                .entry((claim.document, claim.passage))
                .or_default()
                .push((finding, claim));
        }
    }
    marks
}

pub(super) fn events(
    out: &mut String,
    report: &Report,
    by_event: &[Vec<&Finding>],
    marks: &Marks<'_>,
) {
    let _ = writeln!(out, "<section id=\"events\">\n<h2>Events</h2>");
    if report.events.is_empty() {
        let _ = writeln!(out, "<p>No event is reported by more than one source.</p>");
    }
    let total = report.documents.len();
    for event in &report.events {
        let number = event.index.get() + 1;
        let documents = event.documents();
        let date = event
            .date
            .as_deref()
            .map(|d| format!(" <span class=\"date\">{}</span>", escape(d)))
            .unwrap_or_default();
        let _ = writeln!(out, "<section class=\"event\" id=\"event-{number}\">");
        let _ = writeln!(
            out,
            "<h3><span class=\"num\">{number}.</span> {}{date}{}</h3>",
            escape(&event.label),
            edited_badge(event)
        );
        let names: Vec<String> = documents
            .iter()
            .map(|d| escape(&report.documents[d.get()].display_name()))
            .collect();
        let _ = writeln!(
            out,
            "<p class=\"sources-line\">Reported by {} of {total} sources: {}. <span class=\"why\">{}</span></p>",
            documents.len(),
            names.join(", "),
            escape(&super::super::event_basis(event))
        );
        let _ = writeln!(
            out,
            "<div class=\"columns\" style=\"--cols: {}\">",
            documents.len().max(1)
        );
        for document in &documents {
            source_column(
                out,
                event,
                &report.documents[document.get()],
                &by_event[event.index.get()],
                marks,
            );
        }
        let _ = writeln!(out, "</div>");
        let findings = &by_event[event.index.get()];
        if findings.is_empty() {
            let _ = writeln!(
                out,
                "<p class=\"hint\">No agreement or difference found.</p>"
            );
        } else {
            let _ = writeln!(out, "<ul class=\"event-findings\">");
            for finding in findings {
                let _ = writeln!(
                    out,
                    "<li class=\"k-{kind}{dismissed}\" data-kind=\"{kind}\"{flag}><a \
                     href=\"#finding-{n}\"><span class=\"swatch k-{kind}\">{symbol}</span>{n}</a> \
                     <strong>{title}:</strong> <span class=\"summary\">{summary}</span>{status}</li>",
                    kind = finding.kind.as_str(),
                    dismissed = if finding.is_dismissed() {
                        " dismissed"
                    } else {
                        ""
                    },
                    flag = dismissed_attribute(finding),
                    n = finding.index.get() + 1,
                    symbol = escape(kind_symbol(finding.kind)),
                    title = escape(finding.kind.title()),
                    summary = escape(&finding.summary),
                    status = match finding.review {
                        Some(_) => format!(" {}", status_label(finding)),
                        None => String::new(),
                    }
                );
            }
            let _ = writeln!(out, "</ul>");
        }
        let notes: Vec<_> = report
            .notes
            .iter()
            .filter(|n| n.event == Some(event.index))
            .collect();
        if !notes.is_empty() {
            let _ = writeln!(out, "<ul class=\"event-notes\">");
            for note in notes {
                let _ = writeln!(
                    out,
                    "<li><a href=\"#note-{}\">Note</a>: {}</li>",
                    note.index + 1,
                    escape(&note.text)
                );
            }
            let _ = writeln!(out, "</ul>");
        }
        let _ = writeln!(out, "</section>");
    }
    let _ = writeln!(out, "</section>");
}

pub(super) fn dismissed_attribute(finding: &Finding) -> &'static str {
    if finding.is_dismissed() {
        " data-dismissed"
    } else {
        ""
    }
}

pub(super) fn status_label(finding: &Finding) -> String {
    let status = finding.review_status();
    format!("<span class=\"status status-{status}\">{status}</span>")
}

/// One source's passages of an event, with the finding spans marked.
pub(super) fn source_column(
    out: &mut String,
    event: &Event,
    document: &Document,
    findings: &[&Finding],
    marks: &Marks<'_>,
) {
    let _ = writeln!(
        out,
        "<div class=\"source\"><h4>{}</h4>",
        escape(&document.display_name())
    );
    let mut passages: Vec<PassageRef> = event
        .passages
        .iter()
        .copied()
        .filter(|p| p.document == document.index)
        .collect();
    passages.sort();
    passages.dedup();
    let texts: Vec<Option<&str>> = passages
        .iter()
        .map(|at| {
            let passage = document.passages.get(at.passage.get())?;
            document.text.get(passage.start..passage.end)
        })
        .collect();
    if texts.iter().all(Option::is_none) {
        // A report read back from JSON has no document text: show the marked spans alone.
        let _ = writeln!(
            out,
            "<p class=\"missing\">The article text is not part of this report; the marked \
             spans:</p>"
        );
        let mut any = false;
        for finding in findings {
            for claim in finding
                .claims
                .iter()
                .filter(|c| c.document == document.index)
            {
                any = true;
                let _ = writeln!(
                    out,
                    "<p>{}{}</mark>{}</p>",
                    open_mark(finding, claim),
                    escape(&claim.text),
                    reference(finding)
                );
            }
        }
        if !any {
            let _ = writeln!(out, "<p class=\"missing\">(none)</p>");
        }
        let _ = writeln!(out, "</div>");
        return;
    }
    let mut paragraph = None;
    let mut previous: Option<usize> = None;
    let mut open = false;
    for (at, text) in passages.iter().zip(&texts) {
        let passage = &document.passages[at.passage.get()];
        let index = at.passage.get();
        if paragraph != Some(passage.paragraph) {
            if open {
                let _ = writeln!(out, "</p>");
            }
            let _ = write!(out, "<p>");
            if previous.is_some_and(|p| p + 1 != index) {
                let _ = write!(
                    out,
                    "<span class=\"gap\" title=\"passages left out\">… </span>"
                );
            }
            open = true;
            paragraph = Some(passage.paragraph);
        } else if previous.is_some_and(|p| p + 1 != index) {
            let _ = write!(
                out,
                " <span class=\"gap\" title=\"passages left out\">…</span> "
            );
        } else {
            out.push(' ');
        }
        match text {
            Some(text) => {
                let spans = marks
                    .get(&(at.document, at.passage))
                    .map_or(&[][..], Vec::as_slice);
                out.push_str(&marked(text, passage.start, spans));
            }
            None => {
                let _ = write!(
                    out,
                    "<span class=\"missing\">(passage {} not available)</span>",
                    index + 1
                );
            }
        }
        previous = Some(index);
    }
    if open {
        let _ = writeln!(out, "</p>");
    }
    let _ = writeln!(out, "</div>");
}

pub(super) fn open_mark(finding: &Finding, claim: &Claim) -> String {
    let mut title = format!(
        "{} (finding {})",
        finding.kind.title(),
        finding.index.get() + 1
    );
    if let Some(value) = &claim.value {
        let _ = write!(title, ": {value}");
    }
    if let Some(note) = &claim.note {
        let _ = write!(title, ", {note}");
    }
    if finding.is_dismissed() {
        title.push_str(" — dismissed");
    }
    format!(
        "<mark class=\"k-{0}{1}\" data-kind=\"{0}\"{2} data-finding=\"{3}\" title=\"{4}\">",
        finding.kind.as_str(),
        if finding.is_dismissed() {
            " dismissed"
        } else {
            ""
        },
        dismissed_attribute(finding),
        finding.index.get() + 1,
        escape(&title)
    )
}

/// The numbered link to a finding shown after each of its spans: its symbol and number.
pub(super) fn reference(finding: &Finding) -> String {
    format!(
        "<a class=\"ref k-{0}{1}\" data-kind=\"{0}\"{2} href=\"#finding-{3}\" \
         title=\"{4}, finding {3}\">{5}{3}</a>",
        finding.kind.as_str(),
        if finding.is_dismissed() {
            " dismissed"
        } else {
            ""
        },
        dismissed_attribute(finding),
        finding.index.get() + 1,
        escape(finding.kind.title()),
        escape(kind_symbol(finding.kind))
    )
}

/// The text of a passage that starts at byte `base` of its document, escaped, with each
/// claim's span in a `<mark>` and a numbered reference to its finding after it. Overlapping
/// spans nest; a span that does not fit the passage is left out.
pub(super) fn marked(text: &str, base: usize, spans: &[(&Finding, &Claim)]) -> String {
    let spans: Vec<(&Finding, &Claim, usize, usize)> = spans
        .iter()
        .filter_map(|&(finding, claim)| {
            let start = claim.start.checked_sub(base)?;
            let end = claim.end.checked_sub(base)?;
            (start < end
                && end <= text.len()
                && text.is_char_boundary(start)
                && text.is_char_boundary(end))
            .then_some((finding, claim, start, end))
        })
        .collect();
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for (_, _, start, end) in &spans {
        cuts.push(*start);
        cuts.push(*end);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = String::with_capacity(text.len() * 2);
    for pair in cuts.windows(2) {
        let (from, to) = (pair[0], pair[1]);
        let covering: Vec<_> = spans
            .iter()
            .filter(|(_, _, start, end)| *start <= from && to <= *end)
            .collect();
        for (finding, claim, _, _) in &covering {
            out.push_str(&open_mark(finding, claim));
        }
        out.push_str(&escape(&text[from..to]));
        for _ in &covering {
            out.push_str("</mark>");
        }
        for (finding, _, _, _) in spans.iter().filter(|(_, _, _, end)| *end == to) {
            out.push_str(&reference(finding));
        }
    }
    out
}
