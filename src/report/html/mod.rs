//! The HTML rendering: one self-contained page to read, share and print.
//!
//! Everything is in the one file: an inline style sheet and one small inline script that
//! filters findings by kind. Nothing is fetched from anywhere (no fonts, images or scripts by
//! URL), and without the script everything is still there and readable. Every piece of text
//! from the articles or the user goes through [`escape`], the one escape function.
//!
//! The page: the story and its sources, a legend of finding kinds (the viewer's colours and
//! symbols), the coverage overview (the same cells as the viewer's, from
//! [`super::coverage`]), each event with its sources' passages side by side and the finding
//! spans marked in them, the findings table with the reviews, what only one source reports,
//! the notes and the session items that could not be placed.

use super::{Counts, ExportOptions, counts, coverage, findings_by_event, kind_symbol, story_title};
use crate::model::{
    Claim, DocId, Document, Event, Finding, FindingKind, PassageId, PassageRef, Report,
};
use std::collections::BTreeMap;
use std::fmt::Write;

mod events;
mod style;
mod tables;

use events::*;
use style::*;
use tables::*;

/// Options of the HTML page: the story's name and the date of the comparison.
pub type HtmlOptions = ExportOptions;

/// Escapes text for HTML element content and quoted attribute values: `&`, `<`, `>`, `"`
/// and `'`.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Renders the report as one self-contained HTML page.
pub fn render(report: &Report, options: &HtmlOptions) -> String {
    let story = story_title(report, options);
    let counts = counts(report);
    let by_event = findings_by_event(report);
    let marks = claims_by_passage(report);
    let mut out = String::with_capacity(64 * 1024);
    let title = match &story {
        Some(story) => format!("{story} — Parallax comparison"),
        None => "Parallax comparison".to_string(),
    };
    let _ = writeln!(out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>");
    let _ = writeln!(out, "<meta charset=\"utf-8\">");
    let _ = writeln!(
        out,
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    );
    let _ = writeln!(out, "<meta name=\"generator\" content=\"Parallax\">");
    let _ = writeln!(out, "<title>{}</title>", escape(&title));
    let _ = writeln!(out, "<style>{STYLE}{}</style>", kind_rules());
    let _ = writeln!(out, "</head>\n<body>\n<div class=\"page\">");
    header(&mut out, report, options, story.as_deref(), &counts);
    legend(&mut out, report);
    overview(&mut out, report, &by_event);
    events(&mut out, report, &by_event, &marks);
    findings_table(&mut out, report);
    out.push_str(&super::labels::html(report, &escape));
    unique(&mut out, report);
    notes(&mut out, report);
    orphans(&mut out, report);
    let _ = writeln!(
        out,
        "<footer>Made with Parallax. This page is self-contained: nothing in it is loaded from \
         the network. Finding and event numbers count from 1; in the CSV and JSON exports the \
         same items have the report's indices, which count from 0.</footer>"
    );
    let _ = writeln!(out, "</div>\n<script>{SCRIPT}</script>\n</body>\n</html>");
    out
}

/// One CSS rule per kind, setting the kind's strong colour and its tint.
pub(super) fn kind_rules() -> String {
    let mut css = String::new();
    for kind in FindingKind::ALL {
        let (r, g, b) = kind_rgb(kind);
        let _ = writeln!(
            css,
            ".k-{} {{ --k: rgb({r} {g} {b}); --kt: rgb({r} {g} {b} / .22); }}",
            kind.as_str()
        );
    }
    css
}

pub(super) fn header(
    out: &mut String,
    report: &Report,
    options: &HtmlOptions,
    story: Option<&str>,
    counts: &Counts,
) {
    let _ = writeln!(out, "<header>");
    let _ = writeln!(out, "<p class=\"kicker\">Parallax comparison</p>");
    let heading = match story {
        Some(story) => story.to_string(),
        None if counts.documents == 1 => "Comparison of 1 source".to_string(),
        None => format!("Comparison of {} sources", counts.documents),
    };
    let _ = writeln!(out, "<h1>{}</h1>", escape(&heading));
    let mut facts = Vec::new();
    if let Some(date) = &options.generated {
        facts.push(format!(
            "Compared on <time datetime=\"{0}\">{0}</time>",
            escape(date)
        ));
    }
    facts.push(plural(counts.documents, "source", "sources"));
    facts.push(plural(counts.events, "shared event", "shared events"));
    facts.push(plural(counts.differences, "difference", "differences"));
    facts.push(plural(
        counts.unique,
        "passage reported by one source only",
        "passages reported by one source only",
    ));
    if counts.dismissed > 0 {
        facts.push(format!(
            "{} (not counted above)",
            plural(counts.dismissed, "dismissed finding", "dismissed findings")
        ));
    }
    let _ = writeln!(out, "<p class=\"facts\">{}</p>", facts.join(" · "));
    let _ = writeln!(out, "<div class=\"wrap\"><table class=\"documents\">");
    let _ = writeln!(
        out,
        "<thead><tr><th class=\"num\">#</th><th>Source</th><th>Title</th>\
         <th>Date</th><th>Author</th><th>File</th></tr></thead><tbody>"
    );
    for document in &report.documents {
        let name = document.display_name();
        // The outlet is the source's name unless the user named the source otherwise.
        let outlet = match document.outlet.as_deref() {
            Some(outlet) if outlet != name => {
                format!("<span class=\"sub\">outlet: {}</span>", escape(outlet))
            }
            _ => String::new(),
        };
        let outlet = match report.copy_note(document) {
            Some(note) => format!("{outlet}<span class=\"sub\">{}</span>", escape(&note)),
            None => outlet,
        };
        let _ = writeln!(
            out,
            "<tr><td class=\"num\">{}</td><td><strong>{}</strong>{outlet}</td><td>{}</td>\
             <td class=\"nowrap\">{}</td><td>{}</td><td class=\"path\">{}</td></tr>",
            document.index.get() + 1,
            escape(&name),
            escape(document.title.as_deref().unwrap_or("")),
            escape(document.date.as_deref().unwrap_or("")),
            escape(document.author.as_deref().unwrap_or("")),
            escape(&document.path)
        );
    }
    let _ = writeln!(out, "</tbody></table></div>");
    if !report.failures.is_empty() {
        let _ = writeln!(out, "<p><strong>Not loaded:</strong></p><ul>");
        for failure in &report.failures {
            let _ = writeln!(
                out,
                "<li><span class=\"path\">{}</span>: {}</li>",
                escape(&failure.path),
                escape(&failure.error)
            );
        }
        let _ = writeln!(out, "</ul>");
    }
    let mut links = vec![
        ("overview", "Overview"),
        ("events", "Events"),
        ("findings", "Findings"),
    ];
    if report
        .findings
        .iter()
        .any(|f| f.kind == FindingKind::Unique)
    {
        links.push(("unique", "One source only"));
    }
    if !report.notes.is_empty() {
        links.push(("notes", "Notes"));
    }
    if !report.orphans.is_empty() {
        links.push(("orphans", "Not placed"));
    }
    let links: Vec<String> = links
        .iter()
        .map(|(id, text)| format!("<a href=\"#{id}\">{text}</a>"))
        .collect();
    let _ = writeln!(out, "<nav class=\"toc\">{}</nav>", links.join(""));
    let _ = writeln!(out, "</header>");
}

pub(super) fn plural(count: usize, one: &str, many: &str) -> String {
    format!(
        "<strong>{count}</strong> {}",
        if count == 1 { one } else { many }
    )
}

pub(super) fn legend(out: &mut String, report: &Report) {
    let _ = writeln!(
        out,
        "<section id=\"legend\" aria-label=\"Kinds of findings\">"
    );
    let _ = writeln!(out, "<ul class=\"legend\">");
    for kind in FindingKind::ALL {
        let count = report.findings.iter().filter(|f| f.kind == kind).count();
        let _ = writeln!(
            out,
            "<li{}><label><input type=\"checkbox\" class=\"js-only\" checked data-filter=\"{}\"> \
             <span class=\"swatch k-{}\">{}</span>{} <span class=\"count\">({count})</span>\
             </label></li>",
            if count == 0 { " class=\"none\"" } else { "" },
            kind.as_str(),
            kind.as_str(),
            escape(kind_symbol(kind)),
            escape(kind.title())
        );
    }
    if report.findings.iter().any(Finding::is_dismissed) {
        let _ = writeln!(
            out,
            "<li class=\"js-only\"><label><input type=\"checkbox\" checked \
             data-filter=\"dismissed\"> Show dismissed findings</label></li>"
        );
    }
    let _ = writeln!(out, "</ul>");
    let _ = writeln!(
        out,
        "<p class=\"hint js-only\">Untick a kind to hide its rows and its marks in the text.</p>"
    );
    let _ = writeln!(out, "</section>");
}

pub(super) fn overview(out: &mut String, report: &Report, by_event: &[Vec<&Finding>]) {
    let _ = writeln!(out, "<section id=\"overview\">\n<h2>Overview</h2>");
    let _ = writeln!(
        out,
        "<p class=\"lead\">Which source reports which event, and whether it agrees with the \
         others or differs from them.</p>"
    );
    let _ = writeln!(out, "<div class=\"wrap\"><table class=\"overview\">");
    let _ = write!(out, "<thead><tr><th>Event</th>");
    for document in &report.documents {
        let _ = write!(
            out,
            "<th scope=\"col\">{}</th>",
            escape(&document.display_name())
        );
    }
    let _ = writeln!(out, "</tr></thead><tbody>");
    for event in &report.events {
        let _ = write!(
            out,
            "<tr><th scope=\"row\"><a href=\"#event-{0}\">{0}</a>{1}{2}</th>",
            event.index.get() + 1,
            escape(&event.label),
            edited_badge(event)
        );
        for document in &report.documents {
            let cell = coverage(
                event,
                by_event[event.index.get()].iter().copied(),
                document.account(),
            );
            let (_, symbol) = coverage_style(cell);
            let _ = write!(
                out,
                "<td class=\"cov cov-{0}\" title=\"{1}: {0}\"><span class=\"sym\" \
                 aria-hidden=\"true\">{2}</span>{0}</td>",
                cell.as_str(),
                escape(&document.display_name()),
                symbol
            );
        }
        let _ = writeln!(out, "</tr>");
    }
    let _ = writeln!(out, "</tbody></table></div>\n</section>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_covers_the_five_characters() {
        assert_eq!(
            escape(r#"<a href="x">Tom & Jerry's</a>"#),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;"
        );
    }
}
