//! The exports (HTML, Markdown, CSV, JSON) on the bundled samples: golden snapshots, the CSV
//! read back, reviews and notes carried by every format, and article text that looks like
//! markup staying text.
//!
//! Snapshots live in `tests/snapshots/exports__*.snap`. After a deliberate change, accept the
//! new output with `INSTA_UPDATE=always cargo test --test exports` and read the diff before
//! committing; without it a difference fails the test (and leaves a `.snap.new` beside the
//! snapshot).

use parallax::model::{
    FindingKind, ItemKind, Note, NoteSpan, Orphan, Report, Review, ReviewStatus,
};
use parallax::report::{self, ExportOptions, html, markdown};
use parallax::{Input, Settings, progress::Progress};
use std::path::PathBuf;

/// The bundled samples by their relative paths (tests run in the crate's folder), so that the
/// paths in the snapshots do not depend on where the repository is checked out.
fn samples_report() -> Report {
    let mut files: Vec<PathBuf> = std::fs::read_dir("assets/samples")
        .expect("run from the crate folder")
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert_eq!(files.len(), 4);
    let inputs: Vec<Input> = files.into_iter().map(Input::Path).collect();
    parallax::compare(&inputs, &Settings::default(), &Progress::new()).expect("not cancelled")
}

fn options() -> ExportOptions {
    ExportOptions {
        story: None,
        generated: Some("2026-11-21".to_string()),
    }
}

#[test]
fn markdown_snapshot() {
    let report = samples_report();
    insta::assert_snapshot!("markdown", markdown::render_with(&report, &options()));
}

#[test]
fn html_snapshot() {
    let report = samples_report();
    insta::assert_snapshot!("html", html::render(&report, &options()));
}

#[test]
fn findings_csv_snapshot() {
    let report = samples_report();
    insta::assert_snapshot!("findings_csv", report::csv::claims(&report));
}

#[test]
fn coverage_csv_snapshot() {
    let report = samples_report();
    insta::assert_snapshot!("coverage_csv", report::csv::coverage_matrix(&report));
}

#[test]
fn json_snapshot() {
    let report = samples_report();
    insta::assert_snapshot!("json", report::to_json(&report));
}

#[test]
fn findings_csv_reads_back_with_one_row_per_claim() {
    let report = samples_report();
    let text = report::csv::claims(&report);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    assert_eq!(
        headers,
        [
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
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let claims: usize = report.findings.iter().map(|f| f.claims.len()).sum();
    assert!(claims > 50, "only {claims} claims");
    assert_eq!(rows.len(), claims);
    // Rows follow the findings and their claims in order, and every field says what it says.
    let expected = report
        .findings
        .iter()
        .flat_map(|f| f.claims.iter().map(move |c| (f, c)));
    for (row, (finding, claim)) in rows.iter().zip(expected) {
        assert_eq!(row.len(), 15);
        assert_eq!(&row[0], finding.index.get().to_string());
        assert_eq!(&row[1], finding.kind.as_str());
        assert_eq!(
            &row[2],
            finding
                .event
                .map_or_else(String::new, |e| e.get().to_string())
        );
        // Every event the claims lie in, and the finding's own event among them.
        let events: Vec<String> = finding.events.iter().map(|e| e.get().to_string()).collect();
        assert_eq!(&row[14], events.join(" "));
        if let Some(event) = finding.event {
            assert!(finding.events.contains(&event), "{finding:?}");
        }
        assert_eq!(&row[4], report.documents[claim.document.get()].path);
        assert_eq!(&row[6], claim.start.to_string());
        assert_eq!(&row[7], claim.end.to_string());
        assert_eq!(&row[8], claim.text);
        assert_eq!(&row[10], "unreviewed");
        assert_eq!(&row[12], format!("{:.2}", finding.confidence));
        assert_eq!(&row[13], finding.evidence.join("; "));
    }
    let matrix = report::csv::coverage_matrix(&report);
    let mut coverage = csv::Reader::from_reader(matrix.as_bytes());
    let cells = coverage.records().count();
    assert_eq!(cells, report.events.len() * report.documents.len());
}

/// The samples with a dismissed number mismatch, a confirmed agreement, a note on a span and
/// one orphan: what a session adds to a report.
fn reviewed_report() -> (Report, usize, usize) {
    let mut report = samples_report();
    let dismissed = report
        .findings
        .iter()
        .position(|f| f.kind == FindingKind::NumberMismatch)
        .expect("the samples have a number mismatch");
    report.findings[dismissed].review = Some(Review {
        status: ReviewStatus::Dismissed,
        comment: "Checked with the district office: both figures are right, on different days"
            .to_string(),
        reattached: Some("re-attached: was a date mismatch finding, now number mismatch".into()),
        session_index: Some(0),
    });
    let confirmed = report
        .findings
        .iter()
        .position(|f| f.kind == FindingKind::Agreement)
        .expect("the samples have an agreement");
    report.findings[confirmed].review = Some(Review {
        status: ReviewStatus::Confirmed,
        comment: String::new(),
        reattached: None,
        session_index: None,
    });
    let claim = report.findings[dismissed].claims[0].clone();
    report.notes.push(Note {
        index: 0,
        text: "Ask the desk where this figure comes from".to_string(),
        event: report.findings[dismissed].event,
        span: Some(NoteSpan {
            document: claim.document,
            start: claim.start,
            end: claim.end,
            text: claim.text.clone(),
        }),
    });
    report.orphans.push(Orphan {
        item: ItemKind::Note,
        index: 1,
        description: "note: ‘the second quote’".to_string(),
        reason: "its quoted text is no longer in the document".to_string(),
        waiting: false,
    });
    (report, dismissed, confirmed)
}

#[test]
fn reviews_notes_and_orphans_reach_every_format() {
    let (report, dismissed, confirmed) = reviewed_report();
    let comment = "Checked with the district office: both figures are right, on different days";
    let note = "Ask the desk where this figure comes from";
    let before = report::counts(&samples_report());
    let after = report::counts(&report);
    assert_eq!(after.dismissed, 1);
    assert_eq!(after.differences + 1, before.differences);

    // HTML: the row is marked dismissed and greyed, the header counts it apart.
    let page = html::render(&report, &options());
    let row_start = page
        .find(&format!("<tr id=\"finding-{}\"", dismissed + 1))
        .expect("the dismissed finding has a row");
    let row = &page[row_start..row_start + page[row_start..].find("</tr>").unwrap()];
    assert!(
        row.contains("class=\"finding k-number_mismatch dismissed\""),
        "{row}"
    );
    assert!(row.contains("data-dismissed"), "{row}");
    assert!(row.contains(">dismissed</span>"), "{row}");
    assert!(row.contains(&html::escape(comment)), "{row}");
    assert!(row.contains("re-attached: was a date mismatch"), "{row}");
    let confirmed_row = &page[page
        .find(&format!("<tr id=\"finding-{}\"", confirmed + 1))
        .unwrap()..];
    assert!(confirmed_row[..confirmed_row.find("</tr>").unwrap()].contains(">confirmed</span>"));
    assert!(page.contains("<strong>1</strong> dismissed finding (not counted above)"));
    assert!(page.contains(&format!(
        "<strong>{}</strong> differences",
        after.differences
    )));
    assert!(page.contains("<section id=\"notes\">"));
    assert!(page.contains(note));
    assert!(page.contains("<section id=\"orphans\">"));
    assert!(page.contains("its quoted text is no longer in the document"));
    assert!(page.contains("data-filter=\"dismissed\""));

    // Markdown: struck through with the status and the comment; the note and the orphan.
    let text = markdown::render_with(&report, &options());
    let findings_table = &text[text.find("## Findings").expect("a findings section")..];
    let line = findings_table
        .lines()
        .find(|l| l.starts_with(&format!("| {} |", dismissed + 1)))
        .expect("the findings table has the row");
    assert!(line.contains("~~"), "{line}");
    assert!(
        line.contains(&format!("**dismissed**: {comment}")),
        "{line}"
    );
    assert!(line.contains("re-attached: was a date mismatch"), "{line}");
    assert!(text.contains("1 dismissed finding is not counted."));
    assert!(text.contains("## Notes"));
    assert!(text.contains(note));
    assert!(text.contains("## Not placed in the current texts"));

    // CSV: every row of the dismissed finding carries the status and the comment.
    let claims = report::csv::claims(&report);
    let mut reader = csv::Reader::from_reader(claims.as_bytes());
    let rows: Vec<csv::StringRecord> = reader
        .records()
        .map(Result::unwrap)
        .filter(|r| r[0] == dismissed.to_string())
        .collect();
    assert_eq!(rows.len(), report.findings[dismissed].claims.len());
    for row in &rows {
        assert_eq!(&row[10], "dismissed");
        assert_eq!(&row[11], comment);
    }

    // JSON: the review and the note, read back.
    let json: serde_json::Value = serde_json::from_str(&report::to_json(&report)).unwrap();
    assert_eq!(json["findings"][dismissed]["review"]["status"], "dismissed");
    assert_eq!(json["findings"][dismissed]["review"]["comment"], comment);
    assert!(
        json["findings"][dismissed]["review"]["reattached"]
            .as_str()
            .is_some_and(|how| how.starts_with("re-attached"))
    );
    assert_eq!(json["findings"][confirmed]["review"]["status"], "confirmed");
    assert_eq!(json["notes"][0]["text"], note);
    assert_eq!(json["orphans"][0]["item"], "note");
}

#[test]
fn a_report_read_back_from_json_renders_its_spans_without_the_texts() {
    let (mut report, dismissed, _) = reviewed_report();
    // A report written with `--no-text` (for sharing) carries no texts.
    for document in &mut report.documents {
        document.text.clear();
    }
    let back: Report = serde_json::from_str(&report::to_json(&report)).unwrap();
    assert!(back.documents.iter().all(|d| d.text.is_empty()));
    let page = html::render(&back, &options());
    assert!(page.contains("The article text is not part of this report"));
    // Every claim of every event's findings, in a source that reports the event, is still
    // quoted and marked.
    for finding in back.findings.iter().filter(|f| f.event.is_some()) {
        let event = &back.events[finding.event.unwrap().get()];
        for claim in finding
            .claims
            .iter()
            .filter(|c| event.documents().contains(&c.document))
        {
            assert!(
                page.contains(&format!("{}</mark>", html::escape(&claim.text))),
                "{}",
                claim.text
            );
        }
    }
    assert!(page.contains(&format!(
        "data-kind=\"number_mismatch\" data-dismissed data-finding=\"{}\"",
        dismissed + 1
    )));
    let text = markdown::render_with(&back, &options());
    assert!(text.contains("## Findings"));
    assert!(!text.contains("> **"), "no passages to quote");
}

#[test]
fn html_marks_claims_inside_the_passages() {
    let report = samples_report();
    let page = html::render(&report, &options());
    let mut checked = 0;
    for finding in report
        .findings
        .iter()
        .filter(|f| f.event.is_some() && f.kind != FindingKind::Unique)
    {
        // A claim can stand in a passage outside its finding's event; only the event's
        // passages are shown in its section.
        let event = &report.events[finding.event.unwrap().get()];
        for claim in finding.claims.iter().filter(|c| {
            event
                .passages
                .iter()
                .any(|p| p.document == c.document && p.passage == c.passage)
        }) {
            checked += 1;
            let mark = format!(
                "<mark class=\"k-{0}\" data-kind=\"{0}\" data-finding=\"{1}\"",
                finding.kind.as_str(),
                finding.index.get() + 1
            );
            assert!(page.contains(&mark), "no mark for {mark}");
            // A span that another finding's span overlaps ("several hundred rioters" /
            // "rioters") is marked in pieces that nest; the others end with their text.
            let overlapped = report.findings.iter().flat_map(|f| &f.claims).any(|other| {
                other.document == claim.document
                    && (other.start, other.end) != (claim.start, claim.end)
                    && other.start < claim.end
                    && claim.start < other.end
            });
            if !overlapped {
                assert!(page.contains(&format!("{}</mark>", html::escape(&claim.text))));
            }
        }
    }
    assert!(checked > 40, "only {checked} claims checked");
    // One column per covering source in every event's grid, and the overview's cells are words.
    for event in &report.events {
        let column = format!("style=\"--cols: {}\"", event.documents().len());
        assert!(page.contains(&column));
    }
    for word in ["covers", "agrees", "differs", "silent"] {
        assert!(
            page.contains(&format!("class=\"cov cov-{word}\"")),
            "{word}"
        );
    }
    // The viewer's colours and symbols.
    assert!(page.contains(".k-number_mismatch { --k: rgb(213 94 0);"));
    assert!(page.contains(".k-agreement { --k: rgb(0 158 115);"));
    assert!(page.contains("<span class=\"swatch k-name_variant\">Aa</span>"));
}

#[test]
fn html_is_self_contained() {
    let report = samples_report();
    let page = html::render(&report, &options());
    assert!(page.starts_with("<!DOCTYPE html>"));
    for needle in [
        "://",
        "<link",
        "<img",
        "<iframe",
        "url(",
        "@import",
        " src=",
        "@font-face",
    ] {
        assert!(!page.contains(needle), "found {needle}");
    }
    assert_eq!(page.matches("<script").count(), 1);
    assert_eq!(page.matches("<style").count(), 1);
    assert!(!page.contains("innerHTML"));
    assert!(page.contains("@media print"));
    // The edited mark shows on an edited event.
    let mut edited = report.clone();
    edited.events[0].edited = true;
    let page = html::render(&edited, &options());
    assert!(page.contains("<span class=\"badge edited\""));
    assert!(markdown::render_with(&edited, &options()).contains(" — edited"));
}

#[test]
fn markup_in_articles_stays_text() {
    let planted = "Harbour notice\n\nThe ferry company said 1,200 bookings were cancelled on \
        Tuesday after intruders left <script>document.title='pwned'</script> and \
        <img src=x onerror=\"document.title='pwned'\"> on its booking page.\n\nThe harbour \
        master said every ferry sailed on Tuesday.\n";
    let other = "Wire report\n\nThe ferry company said 2,100 bookings were cancelled on \
        Tuesday after intruders broke into its booking page.\n\nThe harbour master said every \
        ferry sailed on Tuesday.\n";
    let inputs = vec![
        Input::Memory {
            name: "planted <b>&'\".txt".to_string(),
            bytes: planted.as_bytes().to_vec(),
        },
        Input::Memory {
            name: "wire.txt".to_string(),
            bytes: other.as_bytes().to_vec(),
        },
    ];
    let report =
        parallax::compare(&inputs, &Settings::default(), &Progress::new()).expect("not cancelled");
    assert_eq!(report.documents.len(), 2);
    let page = html::render(
        &report,
        &ExportOptions {
            story: Some("Ferry <b>bookings</b>".to_string()),
            generated: Some("<i>today</i>".to_string()),
        },
    );
    assert!(!page.contains("<script>document"));
    assert!(!page.contains("<img"));
    assert!(!page.contains("<b>"));
    assert!(!page.contains("<i>"));
    assert!(page.contains(
        "&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt; and &lt;img src=x \
         onerror=&quot;document.title=&#39;pwned&#39;&quot;&gt;"
    ));
    assert!(
        page.contains("<title>Ferry &lt;b&gt;bookings&lt;/b&gt; — Parallax comparison</title>")
    );
    assert!(page.contains("planted &lt;b&gt;&amp;&#39;&quot;.txt"));
    assert!(page.contains("&lt;i&gt;today&lt;/i&gt;"));
    assert_eq!(page.matches("<script").count(), 1);
    let text = markdown::render_with(&report, &ExportOptions::default());
    // Every `<` of the articles is escaped for Markdown.
    for (at, _) in text.match_indices('<') {
        assert!(
            text[..at].ends_with('\\'),
            "{}",
            &text[at.saturating_sub(40)..at + 10]
        );
    }
    assert!(text.contains(r"\<script>document.title='pwned'\</script>"));
}

#[test]
fn the_story_is_the_given_one_else_a_shared_title() {
    let mut report = samples_report();
    // Four different titles: none is the story's name.
    assert_eq!(
        report::story_title(&report, &ExportOptions::default()),
        None
    );
    assert!(
        html::render(&report, &ExportOptions::default())
            .contains("<h1>Comparison of 4 sources</h1>")
    );
    report.documents[2].title = report.documents[3].title.clone();
    let shared = report.documents[3].title.clone().unwrap();
    assert_eq!(
        report::story_title(&report, &ExportOptions::default()),
        Some(shared.clone())
    );
    assert!(markdown::render(&report).starts_with(&format!("# Parallax comparison: {shared}")));
    let given = ExportOptions {
        story: Some("The Ostrel Dam".to_string()),
        generated: None,
    };
    let page = html::render(&report, &given);
    assert!(page.contains("<h1>The Ostrel Dam</h1>"));
    assert!(!page.contains("Compared on"));
}

#[test]
fn today_is_a_utc_date() {
    let today = report::today();
    if std::env::var_os("PARALLAX_DATE").is_none() {
        let parts: Vec<&str> = today.split('-').collect();
        assert_eq!(parts.len(), 3, "{today}");
        assert_eq!(parts[0].len(), 4);
        assert!(parts[0].parse::<i32>().unwrap() >= 2025);
        assert!((1..=12).contains(&parts[1].parse::<u32>().unwrap()));
        assert!((1..=31).contains(&parts[2].parse::<u32>().unwrap()));
    }
}

#[test]
fn the_command_line_writes_html_dated_by_parallax_date() {
    let folder = tempfile::tempdir().unwrap();
    let output = folder.path().join("report.html");
    let mut files: Vec<PathBuf> = std::fs::read_dir("assets/samples")
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert_cmd::Command::cargo_bin("parallax")
        .unwrap()
        .env("PARALLAX_DATE", "2031-01-02")
        .args(["compare", "--format", "html", "-o"])
        .arg(&output)
        .args(&files)
        .assert()
        .success();
    let page = std::fs::read_to_string(&output).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.contains("Compared on <time datetime=\"2031-01-02\">2031-01-02</time>"));
    assert!(page.contains("<section id=\"findings\">"));
}
