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

/// The colour of a finding kind's mark. These mirror `kind_color` in `src/app/palette.rs`
/// (the Okabe–Ito palette, distinguishable with the common forms of colour blindness); the
/// library cannot use the viewer's module, so keep the two lists in step.
fn kind_rgb(kind: FindingKind) -> (u8, u8, u8) {
    match kind {
        FindingKind::NumberMismatch => (213, 94, 0), // vermillion
        FindingKind::DateMismatch => (230, 159, 0),  // orange
        FindingKind::NameVariant => (0, 114, 178),   // blue
        FindingKind::QuoteAttribution => (204, 121, 167), // reddish purple
        FindingKind::Contradiction => (180, 30, 60), // crimson
        FindingKind::Wording => (86, 180, 233),      // sky blue
        FindingKind::Agreement => (0, 158, 115),     // bluish green
        FindingKind::Unique => (120, 120, 120),      // grey
        FindingKind::CopyEdit => (150, 130, 0),      // dark yellow
        FindingKind::QuoteWording => (150, 80, 130), // dark reddish purple
    }
}

/// The overview cells' colours and symbols, mirroring `coverage_style` in
/// `src/app/panels.rs`.
fn coverage_style(cell: super::Coverage) -> ((u8, u8, u8), &'static str) {
    match cell {
        super::Coverage::Covered => ((86, 140, 190), "•"),
        super::Coverage::Agrees => (kind_rgb(FindingKind::Agreement), "="),
        super::Coverage::Differs => (kind_rgb(FindingKind::NumberMismatch), "≠"),
        super::Coverage::Silent => ((200, 200, 200), "·"),
    }
}

const STYLE: &str = r#"
:root { color-scheme: light; --ink: #1d1d1f; --muted: #5c5f66; --rule: #dcdcd8; --panel: #f6f5f1; --paper: #ffffff; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--paper); color: var(--ink); font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif; }
.page { max-width: 1280px; margin: 0 auto; padding: 1.5rem 2rem 3rem; }
a { color: #0b5cad; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: .2rem 0 .6rem; }
h2 { font-size: 1.35rem; margin: 2.4rem 0 .8rem; padding-bottom: .3rem; border-bottom: 2px solid var(--ink); }
h3 { font-size: 1.1rem; margin: 0 0 .3rem; }
h4 { font-size: .85rem; margin: 0 0 .4rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
.kicker { margin: 0; font-size: .8rem; font-weight: 600; text-transform: uppercase; letter-spacing: .08em; color: var(--muted); }
.facts { margin: 0 0 1rem; color: var(--muted); }
.facts strong { color: var(--ink); }
.lead { color: var(--muted); margin: 0 0 .8rem; }
nav.toc { display: flex; flex-wrap: wrap; gap: .3rem 1.2rem; margin: 1rem 0 0; padding: .5rem 0; border-top: 1px solid var(--rule); border-bottom: 1px solid var(--rule); font-size: .9rem; }
nav.toc a { text-decoration: none; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { text-align: left; vertical-align: top; padding: .4rem .6rem; border-bottom: 1px solid var(--rule); }
thead th { border-bottom: 2px solid var(--ink); font-size: .8rem; text-transform: uppercase; letter-spacing: .03em; color: var(--muted); }
td.num, th.num { width: 2.5rem; text-align: right; font-variant-numeric: tabular-nums; color: var(--muted); }
.path { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace; font-size: .82rem; color: var(--muted); word-break: break-all; }
.wrap { overflow-x: auto; }
.nowrap { white-space: nowrap; }
.sub { display: block; font-size: .82rem; color: var(--muted); }
#unique h3 { margin-top: 1.6rem; }
.legend { list-style: none; display: flex; flex-wrap: wrap; gap: .5rem 1.4rem; padding: 0; margin: 0 0 .4rem; }
.legend li { white-space: nowrap; }
.legend .count { color: var(--muted); font-size: .85rem; }
.legend .none { opacity: .5; }
.swatch { display: inline-block; min-width: 1.7em; padding: 0 .3em; margin-right: .3em; text-align: center; font-weight: 700; font-size: .85em; border-radius: 3px; border: 2px solid var(--k); background: var(--kt); color: var(--ink); }
.hint { font-size: .85rem; color: var(--muted); margin: .2rem 0 0; }
table.overview { width: auto; min-width: 60%; }
table.overview th[scope=col] { text-transform: none; letter-spacing: 0; color: var(--ink); font-size: .85rem; min-width: 7rem; }
table.overview th[scope=row] { font-weight: 400; }
table.overview th[scope=row] a { font-weight: 600; margin-right: .3rem; text-decoration: none; }
td.cov { text-align: center; white-space: nowrap; font-size: .85rem; border-left: 3px solid var(--paper); }
td.cov .sym { font-weight: 700; margin-right: .25em; }
.cov-covers { background: rgb(86 140 190 / .16); }
.cov-agrees { background: rgb(0 158 115 / .18); }
.cov-differs { background: rgb(213 94 0 / .22); font-weight: 600; }
.cov-silent { color: #8a8a8a; }
.badge { display: inline-block; font-size: .72rem; font-weight: 600; text-transform: uppercase; letter-spacing: .05em; padding: 0 .45em; border-radius: 3px; vertical-align: middle; border: 1px solid currentColor; }
.badge.edited { color: #6b4e00; background: #fff4d6; }
.event { margin: 0 0 1.4rem; padding: 1rem 1.1rem 1.1rem; background: var(--panel); border-radius: 6px; border-left: 4px solid var(--rule); }
.event .date { font-weight: 400; color: var(--muted); }
.event .num { color: var(--muted); margin-right: .2rem; }
.sources-line { margin: 0 0 .8rem; font-size: .9rem; color: var(--muted); }
.columns { display: grid; grid-template-columns: repeat(var(--cols, 1), minmax(15rem, 1fr)); gap: .9rem; overflow-x: auto; }
.source { background: var(--paper); border: 1px solid var(--rule); border-radius: 5px; padding: .7rem .85rem; }
.source p { margin: 0 0 .5rem; font-family: Charter, "Bitstream Charter", "Sitka Text", Cambria, Georgia, serif; font-size: 1rem; line-height: 1.55; }
.source p:last-child { margin-bottom: 0; }
.gap { color: var(--muted); }
.missing { font-style: italic; color: var(--muted); font-family: inherit !important; font-size: .88rem !important; }
mark { color: inherit; background: var(--kt); border-bottom: 2px solid var(--k); padding: 0 .05em; }
mark.dismissed { background: transparent; border-bottom: 2px dashed #9a9a9a; }
a.ref { font-size: .68em; font-weight: 700; vertical-align: super; line-height: 0; margin-left: .12em; text-decoration: none; color: var(--ink); background: var(--kt); border-radius: 2px; padding: 0 .2em; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; }
a.ref.dismissed { background: #eee; color: #777; text-decoration: line-through; }
ul.event-findings { list-style: none; padding: 0; margin: .9rem 0 0; font-size: .92rem; }
ul.event-findings li { margin: .25rem 0; }
ul.event-notes { margin: .6rem 0 0; padding-left: 1.2rem; font-size: .92rem; }
.status { font-size: .75rem; font-weight: 700; text-transform: uppercase; letter-spacing: .05em; padding: 0 .4em; border-radius: 3px; white-space: nowrap; }
.status-confirmed { color: #005c43; background: #d9f2e9; }
.status-dismissed { color: #555; background: #e6e6e6; }
.status-unreviewed { color: var(--muted); font-weight: 400; text-transform: none; letter-spacing: 0; padding: 0; }
.comment { display: block; margin-top: .2rem; font-style: italic; }
tr.finding td:first-child { border-left: 4px solid var(--k); }
table.findings ul.claims { list-style: none; margin: 0; padding: 0; }
table.findings ul.claims li { margin: 0 0 .25rem; }
.quote { font-family: Charter, "Bitstream Charter", "Sitka Text", Cambria, Georgia, serif; }
.value { color: var(--muted); font-size: .88rem; white-space: nowrap; }
.who { font-weight: 600; }
tr.dismissed td { color: #8a8a8a; }
tr.dismissed .summary, li.dismissed .summary { text-decoration: line-through; }
.why { color: #555; font-size: 0.85em; margin-top: 0.2em; }
li.dismissed { color: #8a8a8a; }
ol.notes { padding-left: 1.4rem; }
ol.notes li { margin: 0 0 .8rem; }
ol.notes .note-text { margin: 0; font-weight: 600; }
ol.notes .where { margin: .1rem 0 0; color: var(--muted); font-size: .9rem; }
footer { margin-top: 3rem; padding-top: .6rem; border-top: 1px solid var(--rule); font-size: .85rem; color: var(--muted); }
html:not(.js) .js-only { display: none; }
.filtered:is(tr, li, a.ref) { display: none; }
mark.filtered { background: transparent; border-bottom-color: transparent; }
@media print {
  :root { --panel: #ffffff; --muted: #333333; --rule: #999999; }
  body { background: #fff; color: #000; font-size: 10.5pt; }
  .page { max-width: none; padding: 0; }
  .js-only, nav.toc { display: none !important; }
  a { color: inherit; text-decoration: none; }
  h2 { break-after: avoid; }
  .event { break-inside: avoid; border: 1px solid #999; border-left-width: 4px; }
  tr { break-inside: avoid; }
  .columns { overflow: visible; grid-template-columns: repeat(var(--cols, 1), minmax(0, 1fr)); }
  mark, .swatch, a.ref, td.cov, .status, .badge { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"#;

/// The filter script. It reads checkboxes and toggles one class; it never writes markup.
const SCRIPT: &str = r#"
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  var boxes = Array.prototype.slice.call(document.querySelectorAll("input[data-filter]"));
  var items = Array.prototype.slice.call(document.querySelectorAll("[data-kind]"));
  function apply() {
    var off = {};
    var showDismissed = true;
    boxes.forEach(function (box) {
      var name = box.getAttribute("data-filter");
      if (name === "dismissed") { showDismissed = box.checked; }
      else if (!box.checked) { off[name] = true; }
    });
    items.forEach(function (item) {
      var hide = off[item.getAttribute("data-kind")] === true ||
        (!showDismissed && item.hasAttribute("data-dismissed"));
      item.classList.toggle("filtered", hide);
    });
  }
  boxes.forEach(function (box) { box.addEventListener("change", apply); });
  apply();
})();
"#;

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
fn kind_rules() -> String {
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

fn header(
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

fn plural(count: usize, one: &str, many: &str) -> String {
    format!(
        "<strong>{count}</strong> {}",
        if count == 1 { one } else { many }
    )
}

fn legend(out: &mut String, report: &Report) {
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

fn overview(out: &mut String, report: &Report, by_event: &[Vec<&Finding>]) {
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

fn edited_badge(event: &Event) -> &'static str {
    if event.edited {
        " <span class=\"badge edited\" title=\"Changed by a correction in the session\">edited</span>"
    } else {
        ""
    }
}

/// Every claim of every finding except one-source passages, by the passage it stands in.
type Marks<'a> = BTreeMap<(DocId, PassageId), Vec<(&'a Finding, &'a Claim)>>;

fn claims_by_passage(report: &Report) -> Marks<'_> {
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

fn events(out: &mut String, report: &Report, by_event: &[Vec<&Finding>], marks: &Marks<'_>) {
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
            escape(&super::event_basis(event))
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

fn dismissed_attribute(finding: &Finding) -> &'static str {
    if finding.is_dismissed() {
        " data-dismissed"
    } else {
        ""
    }
}

fn status_label(finding: &Finding) -> String {
    let status = finding.review_status();
    format!("<span class=\"status status-{status}\">{status}</span>")
}

/// One source's passages of an event, with the finding spans marked.
fn source_column(
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

fn open_mark(finding: &Finding, claim: &Claim) -> String {
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
fn reference(finding: &Finding) -> String {
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
fn marked(text: &str, base: usize, spans: &[(&Finding, &Claim)]) -> String {
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

fn review_cell(finding: &Finding) -> String {
    let mut cell = status_label(finding);
    if let Some(review) = &finding.review
        && !review.comment.is_empty()
    {
        let _ = write!(
            cell,
            "<span class=\"comment\">{}</span>",
            escape(&review.comment)
        );
    }
    if let Some(how) = finding.review.as_ref().and_then(|r| r.reattached.as_ref()) {
        let _ = write!(cell, "<span class=\"comment\">{}</span>", escape(how));
    }
    cell
}

fn claim_item(report: &Report, claim: &Claim) -> String {
    let mut detail = Vec::new();
    if let Some(value) = &claim.value
        && value != &claim.text
    {
        detail.push(format!("= {}", escape(value)));
    }
    if let Some(note) = &claim.note {
        detail.push(escape(note));
    }
    let detail = if detail.is_empty() {
        String::new()
    } else {
        format!(" <span class=\"value\">{}</span>", detail.join(", "))
    };
    format!(
        "<li><span class=\"who\">{}</span>: <span class=\"quote\">“{}”</span>{detail}</li>",
        escape(&report.documents[claim.document.get()].display_name()),
        escape(&claim.text)
    )
}

fn finding_row(report: &Report, finding: &Finding, with_event: bool) -> String {
    let n = finding.index.get() + 1;
    let kind = finding.kind.as_str();
    let mut row = format!(
        "<tr id=\"finding-{n}\" class=\"finding k-{kind}{}\" data-kind=\"{kind}\"{}>\
         <td class=\"num\">{n}</td>",
        if finding.is_dismissed() {
            " dismissed"
        } else {
            ""
        },
        dismissed_attribute(finding)
    );
    let _ = write!(
        row,
        "<td><span class=\"swatch k-{kind}\">{}</span>{}</td>",
        escape(kind_symbol(finding.kind)),
        escape(finding.kind.title())
    );
    if with_event {
        let event = match finding.event {
            Some(event) => format!(
                "<a href=\"#event-{0}\">{0}</a> {1}",
                event.get() + 1,
                escape(
                    report
                        .events
                        .get(event.get())
                        .map_or("", |e| e.label.as_str())
                )
            ),
            None => "whole story".to_string(),
        };
        // The other events the claims lie in (claims paired across events of one story).
        let others: Vec<String> = finding
            .events
            .iter()
            .filter(|e| Some(**e) != finding.event)
            .map(|e| format!("<a href=\"#event-{0}\">{0}</a>", e.get() + 1))
            .collect();
        let event = match (others.is_empty(), finding.event.is_some()) {
            (true, _) => event,
            (false, true) => format!("{event} (also in {})", others.join(", ")),
            (false, false) => format!("{event} (events {})", others.join(", ")),
        };
        let _ = write!(row, "<td>{event}</td>");
        let evidence: Vec<String> = finding.evidence.iter().map(|e| escape(e)).collect();
        let _ = write!(
            row,
            "<td class=\"summary\">{}<div class=\"why\">confidence {:.2}{}{}</div></td>",
            escape(&finding.summary),
            finding.confidence,
            if evidence.is_empty() { "" } else { " · " },
            evidence.join(" · ")
        );
    }
    let claims: Vec<String> = finding
        .claims
        .iter()
        .map(|c| claim_item(report, c))
        .collect();
    let _ = write!(
        row,
        "<td><ul class=\"claims\">{}</ul></td><td class=\"review\">{}</td></tr>",
        claims.join(""),
        review_cell(finding)
    );
    row
}

fn findings_table(out: &mut String, report: &Report) {
    let _ = writeln!(out, "<section id=\"findings\">\n<h2>Findings</h2>");
    let findings: Vec<&Finding> = report
        .findings
        .iter()
        .filter(|f| f.kind != FindingKind::Unique)
        .collect();
    if findings.is_empty() {
        let _ = writeln!(out, "<p>No agreements or differences found.</p></section>");
        return;
    }
    let _ = writeln!(
        out,
        "<p class=\"lead\">Every agreement and difference, with what each source says. \
         Dismissed findings are greyed out and not counted in the figures above.</p>"
    );
    let _ = writeln!(out, "<div class=\"wrap\"><table class=\"findings\">");
    let _ = writeln!(
        out,
        "<thead><tr><th class=\"num\">#</th><th>Kind</th><th>Event</th><th>Summary</th>\
         <th>What each source says</th><th>Review</th></tr></thead><tbody>"
    );
    for finding in findings {
        let _ = writeln!(out, "{}", finding_row(report, finding, true));
    }
    let _ = writeln!(out, "</tbody></table></div>\n</section>");
}

fn unique(out: &mut String, report: &Report) {
    let by_source = super::unique_by_source(report);
    if by_source.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "<section id=\"unique\">\n<h2>Reported by one source only</h2>"
    );
    let _ = writeln!(
        out,
        "<p class=\"lead\">Passages no other source reports, by source.</p>"
    );
    for (document, mine) in by_source {
        let _ = writeln!(out, "<h3>{}</h3>", escape(&document.display_name()));
        let _ = writeln!(
            out,
            "<div class=\"wrap\"><table class=\"findings unique\"><thead><tr>\
             <th class=\"num\">#</th><th>Kind</th><th>Passage</th><th>Review</th></tr></thead>\
             <tbody>"
        );
        for finding in mine {
            let n = finding.index.get() + 1;
            let text: Vec<String> = finding.claims.iter().map(|c| escape(&c.text)).collect();
            let _ = writeln!(
                out,
                "<tr id=\"finding-{n}\" class=\"finding k-unique{}\" data-kind=\"unique\"{}>\
                 <td class=\"num\">{n}</td><td><span class=\"swatch k-unique\">{}</span></td>\
                 <td class=\"quote summary\">{}</td><td class=\"review\">{}</td></tr>",
                if finding.is_dismissed() {
                    " dismissed"
                } else {
                    ""
                },
                dismissed_attribute(finding),
                escape(kind_symbol(FindingKind::Unique)),
                text.join(" "),
                review_cell(finding)
            );
        }
        let _ = writeln!(out, "</tbody></table></div>");
    }
    let _ = writeln!(out, "</section>");
}

fn notes(out: &mut String, report: &Report) {
    if report.notes.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "<section id=\"notes\">\n<h2>Notes</h2>\n<ol class=\"notes\">"
    );
    for note in &report.notes {
        let where_ = super::note_place(report, note);
        let mut place = Vec::new();
        if let Some((number, label)) = where_.event {
            place.push(format!(
                "on event <a href=\"#event-{number}\">{number}</a> {}",
                escape(label)
            ));
        }
        if let Some((source, quoted)) = &where_.span {
            place.push(format!(
                "<span class=\"who\">{}</span>: <span class=\"quote\">“{}”</span>",
                escape(source),
                escape(quoted)
            ));
        }
        if place.is_empty() {
            place.push("on the whole story".to_string());
        }
        let _ = writeln!(
            out,
            "<li id=\"note-{}\"><p class=\"note-text\">{}</p><p class=\"where\">{}</p></li>",
            note.index + 1,
            escape(&note.text),
            place.join(" · ")
        );
    }
    let _ = writeln!(out, "</ol>\n</section>");
}

fn orphans(out: &mut String, report: &Report) {
    if report.orphans.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "<section id=\"orphans\">\n<h2>Not placed in the current texts</h2>"
    );
    let _ = writeln!(
        out,
        "<p class=\"lead\">Corrections, reviews and notes from the session that could not be \
         placed. They stay in the session.</p>"
    );
    let _ = writeln!(
        out,
        "<div class=\"wrap\"><table class=\"orphans\"><thead><tr><th>Item</th><th>What</th>\
         <th>Why</th></tr></thead><tbody>"
    );
    for orphan in &report.orphans {
        let item = orphan.item.as_str();
        let why = if orphan.waiting {
            format!(
                "{} (waits for a document that is not loaded)",
                escape(&orphan.reason)
            )
        } else {
            escape(&orphan.reason)
        };
        let _ = writeln!(
            out,
            "<tr><td>{item} {}</td><td>{}</td><td>{why}</td></tr>",
            orphan.index + 1,
            escape(&orphan.description)
        );
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
