//! The labels table in every export: how each source labels each referent that two or more
//! sources name (see [`crate::compare::labels`]). One section in Markdown and HTML, one
//! `labels.csv` beside `findings.csv` and `coverage.csv`; the JSON report carries
//! [`Report::labels`] itself.

use crate::model::{Label, Report};
use std::fmt::Write;

/// Columns of the labels CSV.
pub const LABEL_COLUMNS: [&str; 9] = [
    "entity", "name", "document", "outlet", "label", "form", "loaded", "start", "end",
];

/// Each source's labels of one referent, in document order, as "Source: “a”, “b”".
fn by_source<'r>(report: &'r Report, labels: &'r [Label]) -> Vec<(String, Vec<&'r Label>)> {
    let mut out: Vec<(String, Vec<&Label>)> = Vec::new();
    for label in labels {
        let name = report.documents[label.document.get()].display_name();
        match out.last_mut() {
            Some((last, list)) if *last == name => list.push(label),
            _ => out.push((name, vec![label])),
        }
    }
    out
}

/// The Markdown section, empty when no referent is labelled.
pub fn markdown(report: &Report, quote: &dyn Fn(&str) -> String) -> String {
    let mut out = String::new();
    if report.labels.is_empty() {
        return out;
    }
    let _ = writeln!(out, "## How the sources label who and what\n");
    let _ = writeln!(
        out,
        "Words each source puts before or after a name that two or more sources use \
         (\"the … group X\", \"X, a …\", \"X is a …\"); loaded words are marked *.\n"
    );
    for referent in &report.labels {
        let sources: Vec<String> = by_source(report, &referent.labels)
            .into_iter()
            .map(|(source, labels)| {
                let words: Vec<String> = labels
                    .iter()
                    .map(|l| format!("“{}”{}", quote(&l.text), if l.loaded { "*" } else { "" }))
                    .collect();
                format!("{}: {}", quote(&source), words.join(", "))
            })
            .collect();
        let _ = writeln!(
            out,
            "- **{}**: {}",
            quote(&referent.name),
            sources.join("; ")
        );
    }
    out.push('\n');
    out
}

/// The HTML section, empty when no referent is labelled.
pub fn html(report: &Report, escape: &dyn Fn(&str) -> String) -> String {
    let mut out = String::new();
    if report.labels.is_empty() {
        return out;
    }
    let _ = writeln!(
        out,
        "<section id=\"labels\">\n<h2>How the sources label who and what</h2>\n\
         <p class=\"lead\">Words each source puts before or after a name that two or more \
         sources use; loaded words are marked *.</p>\n<div class=\"wrap\"><table \
         class=\"findings labels\"><thead><tr><th>Named</th><th>Source</th><th>Labels</th>\
         </tr></thead><tbody>"
    );
    for referent in &report.labels {
        for (source, labels) in by_source(report, &referent.labels) {
            let words: Vec<String> = labels
                .iter()
                .map(|l| {
                    format!(
                        "<span title=\"{}\">“{}”{}</span>",
                        escape(l.form.describe()),
                        escape(&l.text),
                        if l.loaded { "*" } else { "" }
                    )
                })
                .collect();
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td>{}</td><td class=\"quote\">{}</td></tr>",
                escape(&referent.name),
                escape(&source),
                words.join(", ")
            );
        }
    }
    let _ = writeln!(out, "</tbody></table></div>\n</section>");
    out
}

/// One row per label.
pub fn csv(report: &Report) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let _ = writer.write_record(LABEL_COLUMNS);
    for referent in &report.labels {
        for label in &referent.labels {
            let document = &report.documents[label.document.get()];
            let _ = writer.write_record([
                referent.entity.get().to_string(),
                referent.name.clone(),
                document.path.clone(),
                document.outlet.clone().unwrap_or_default(),
                label.text.clone(),
                label.form.describe().to_string(),
                label.loaded.to_string(),
                label.start.to_string(),
                label.end.to_string(),
            ]);
        }
    }
    super::csv::finish(writer)
}
