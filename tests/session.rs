//! Sessions: round trips, corrections applied by the engine and through `--session`,
//! re-anchoring after edits on disk, bad session files and atomic saves.

use assert_cmd::Command;
use parallax::model::{FindingKind, ItemKind, PassageRef, PassageRole, Report, ReviewStatus};
use parallax::progress::Progress;
use parallax::session::file::{self, SessionError};
use parallax::session::{
    Anchor, Correction, Edits, FindingKey, FindingReview, NoteTarget, SESSION_VERSION, Session,
    SessionNote,
};
use parallax::{Input, Settings};
use proptest::prelude::*;
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn samples() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(repo().join("assets/samples"))
        .expect("samples")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    files
}

fn run(session: &Session, session_path: Option<&Path>) -> parallax::Edited {
    parallax::compare_edited(
        &session.inputs(session_path),
        &session.labels(),
        &session.settings,
        &session.edits,
        &Progress::new(),
    )
    .expect("not cancelled")
}

fn plain_report(files: &[PathBuf]) -> Report {
    let inputs: Vec<Input> = files.iter().cloned().map(Input::Path).collect();
    parallax::compare(&inputs, &Settings::default(), &Progress::new()).expect("not cancelled")
}

/// An anchor on a whole passage of the report.
fn passage_anchor(report: &Report, at: PassageRef) -> Anchor {
    let passage = report.passage(at);
    Anchor::capture(
        at.document.get(),
        &report.documents[at.document.get()].text,
        passage.start,
        passage.end,
    )
}

/// An anchor on each claim of a finding, as the viewer saves a review.
fn finding_anchors(report: &Report, finding: &parallax::model::Finding) -> Vec<Anchor> {
    finding
        .claims
        .iter()
        .map(|c| {
            Anchor::capture(
                c.document.get(),
                &report.documents[c.document.get()].text,
                c.start,
                c.end,
            )
        })
        .collect()
}

/// Body passages in no event, per document.
fn free_passages(report: &Report) -> Vec<PassageRef> {
    let event_of = report.event_of_passages();
    let mut free = Vec::new();
    for document in &report.documents {
        for passage in &document.passages {
            if passage.role == PassageRole::Body
                && event_of[document.index.get()][passage.index.get()].is_none()
            {
                free.push(PassageRef {
                    document: document.index,
                    passage: passage.index,
                });
            }
        }
    }
    free
}

/// A session on the samples with one of every kind of correction, review and note.
fn full_session(session_path: Option<&Path>) -> Session {
    let files = samples();
    let report = plain_report(&files);
    let mut session = Session::for_files(&files, session_path);
    let free = free_passages(&report);
    let a = free[0];
    let b = *free
        .iter()
        .find(|p| p.document != a.document)
        .expect("a free passage in another document");
    let big: Vec<_> = report
        .events
        .iter()
        .filter(|e| e.passages.len() >= 4)
        .collect();
    let split_event = big[0];
    let unlink_event = big.get(1).copied().unwrap_or(big[0]);
    let edits = &mut session.edits;
    edits.corrections.push(Correction::Link {
        passage: passage_anchor(&report, a),
        with: passage_anchor(&report, b),
    });
    edits.corrections.push(Correction::Unlink {
        passage: passage_anchor(&report, *unlink_event.passages.last().expect("passage")),
    });
    edits.corrections.push(Correction::Split {
        event: passage_anchor(&report, split_event.passages[0]),
        moved: vec![passage_anchor(&report, split_event.passages[1])],
    });
    edits.corrections.push(Correction::Rename {
        event: passage_anchor(&report, split_event.passages[0]),
        label: "Renamed by the reader".into(),
    });
    let claim_anchors = |kind: FindingKind| {
        let finding = report
            .findings
            .iter()
            .find(|f| f.kind == kind && f.confidence >= parallax::settings::DEFAULT_MIN_CONFIDENCE)
            .expect("a shown finding of the kind");
        FindingKey {
            kind,
            claims: finding_anchors(&report, finding),
        }
    };
    edits.reviews.push(FindingReview {
        finding: claim_anchors(FindingKind::NumberMismatch),
        status: ReviewStatus::Dismissed,
        comment: "Both figures are from different days.".into(),
    });
    edits.reviews.push(FindingReview {
        finding: claim_anchors(FindingKind::NameVariant),
        status: ReviewStatus::Confirmed,
        comment: String::new(),
    });
    let claim = &report.findings[0].claims[0];
    edits.notes.push(SessionNote {
        target: NoteTarget::Span(Anchor::capture(
            claim.document.get(),
            &report.documents[claim.document.get()].text,
            claim.start,
            claim.end,
        )),
        text: "Check this against the ministry's statement.".into(),
    });
    edits.notes.push(SessionNote {
        target: NoteTarget::Event(passage_anchor(&report, report.events[0].passages[0])),
        text: "The central event; every outlet covers it.".into(),
    });
    session.documents[1].name = Some("Free Kestrian (reader blog)".into());
    session.documents[3].outlet = Some("Continental Wire Service".into());
    session.view.column_order = vec![2, 0, 1, 3];
    session.view.hidden_columns = vec![3];
    session.view.selected_event = Some(passage_anchor(&report, report.events[0].passages[0]));
    session.view.theme = Some("dark".into());
    session.view.events_panel_width = Some(260.0);
    session.view.pinned_column = Some(0);
    session.view.compare_two = Some((0, 2));
    session.view.column_widths.insert(1, 333.0);
    session
}

fn example_path() -> PathBuf {
    repo().join("tests/data/session/example.parallax.ron")
}

/// Writes the committed example (run by hand after a deliberate format change).
#[test]
#[ignore = "rewrites tests/data/session/example.parallax.ron"]
fn write_example() {
    let path = example_path();
    let session = full_session(Some(&path));
    file::save(&path, &session).expect("saved");
    let _ = std::fs::remove_file(file::backup_path(&path));
}

#[test]
fn the_committed_example_round_trips_byte_for_byte() {
    let path = example_path();
    let text = std::fs::read_to_string(&path).expect("example");
    let session = file::read(&path).expect("reads");
    assert_eq!(session.version, SESSION_VERSION);
    assert_eq!(
        file::to_ron(&session),
        text,
        "stable field order and format"
    );
    assert_eq!(
        file::from_ron(&file::to_ron(&session), "again"),
        Ok(session.clone())
    );
    // Its relative paths point at the samples, and every item is placed.
    assert!(session.locate(Some(&path)).iter().all(|l| l.found));
    let edited = run(&session, Some(&path));
    assert!(
        edited.report.orphans.is_empty(),
        "{:?}",
        edited.report.orphans
    );
    assert_eq!(edited.report.notes.len(), 2);
    assert_eq!(
        edited.report.documents[1].display_name(),
        "Free Kestrian (reader blog)"
    );
    assert_eq!(
        edited.report.documents[3].outlet.as_deref(),
        Some("Continental Wire Service")
    );
}

#[test]
fn a_session_with_every_item_survives_save_and_load() {
    let folder = tempfile::tempdir().expect("temp");
    let path = folder.path().join("story.parallax.ron");
    let session = full_session(Some(&path));
    assert_eq!(session.edits.corrections.len(), 4);
    file::save(&path, &session).expect("saved");
    assert_eq!(file::read(&path).expect("read"), session);
}

#[test]
fn the_engine_applies_every_edit() {
    let session = full_session(None);
    let plain = plain_report(&samples());
    let edited = run(&session, None).report;
    assert!(edited.orphans.is_empty(), "{:?}", edited.orphans);
    let event_of = edited.event_of_passages();
    let at = |anchor: &Anchor| -> PassageRef {
        let document = &edited.documents[anchor.document];
        let passage = document
            .passages
            .iter()
            .find(|p| p.start <= anchor.start && anchor.end <= p.end)
            .expect("passage");
        PassageRef {
            document: document.index,
            passage: passage.index,
        }
    };
    let event = |anchor: &Anchor| event_of[anchor.document][at(anchor).passage.get()];
    let corrections = &session.edits.corrections;
    // Link: the two free passages now share an edited event.
    let Correction::Link { passage, with } = &corrections[0] else {
        panic!()
    };
    assert!(event(passage).is_some());
    assert_eq!(event(passage), event(with));
    assert!(edited.events[event(passage).expect("event").get()].edited);
    // Unlink: the passage is in no event.
    let Correction::Unlink { passage } = &corrections[1] else {
        panic!()
    };
    assert_eq!(event(passage), None);
    // Split: the moved passage is in another event than the rest.
    let Correction::Split { event: kept, moved } = &corrections[2] else {
        panic!()
    };
    assert!(event(&moved[0]).is_some());
    assert_ne!(event(kept), event(&moved[0]));
    // Rename.
    assert_eq!(
        edited.events[event(kept).expect("event").get()].label,
        "Renamed by the reader"
    );
    // Reviews: one dismissed with its comment, one confirmed.
    let dismissed: Vec<_> = edited
        .findings
        .iter()
        .filter(|f| f.is_dismissed())
        .collect();
    assert_eq!(dismissed.len(), 1);
    assert_eq!(dismissed[0].kind, FindingKind::NumberMismatch);
    assert_eq!(
        dismissed[0].review.as_ref().map(|r| r.comment.as_str()),
        Some("Both figures are from different days.")
    );
    assert!(
        edited
            .findings
            .iter()
            .any(|f| f.review_status() == "confirmed")
    );
    // A dismissed difference no longer makes its sources "differ" in the overview.
    let finding = dismissed[0];
    let event = &edited.events[finding.event.expect("in an event").get()];
    let document = finding.claims[0].document;
    let mut undecided = finding.clone();
    undecided.review = None;
    assert_eq!(
        parallax::report::coverage(event, [&undecided], document),
        parallax::report::Coverage::Differs
    );
    assert_ne!(
        parallax::report::coverage(event, [finding], document),
        parallax::report::Coverage::Differs
    );
    // Notes: both placed, the span note with its quoted text.
    assert_eq!(edited.notes.len(), 2);
    let span = edited.notes[0].span.as_ref().expect("span note");
    assert_eq!(
        &edited.documents[span.document.get()].text[span.start..span.end],
        span.text
    );
    assert!(edited.notes[1].event.is_some());
    // Nothing else moved: the plain report has as many documents and no reviews.
    assert_eq!(plain.documents.len(), edited.documents.len());
    assert!(plain.findings.iter().all(|f| f.review.is_none()));
}

#[test]
fn the_command_line_gives_the_same_report_as_the_api() {
    let folder = tempfile::tempdir().expect("temp");
    let path = folder.path().join("story.parallax.ron");
    let session = full_session(Some(&path));
    file::save(&path, &session).expect("saved");
    // The command line shows the findings at or above the default confidence.
    let mut report = run(&session, Some(&path)).report;
    parallax::report::retain_confident(&mut report, parallax::settings::DEFAULT_MIN_CONFIDENCE);
    let api = parallax::report::to_json(&report);
    let output = Command::cargo_bin("parallax")
        .expect("binary")
        .args(["compare", "--format", "json", "--session"])
        .arg(&path)
        .output()
        .expect("runs");
    assert!(output.status.success(), "{output:?}");
    let cli = String::from_utf8(output.stdout).expect("utf-8");
    assert_eq!(cli, api);
    assert!(cli.contains("\"dismissed\""));
    assert!(cli.contains("Renamed by the reader"));
}

/// A copy of the samples in a temporary folder, and a session with one span note on the
/// sentence that holds `quote` in the first article.
fn note_on(quote: &str) -> (tempfile::TempDir, PathBuf, Session) {
    let folder = tempfile::tempdir().expect("temp");
    let mut files = Vec::new();
    for sample in samples() {
        let copy = folder.path().join(sample.file_name().expect("name"));
        std::fs::copy(&sample, &copy).expect("copy");
        files.push(copy);
    }
    let path = folder.path().join("story.parallax.ron");
    let mut session = Session::for_files(&files, Some(&path));
    let text = std::fs::read_to_string(&files[0]).expect("text");
    let start = text.find(quote).expect("quote in the first sample");
    session.edits.notes.push(SessionNote {
        target: NoteTarget::Span(Anchor::capture(0, &text, start, start + quote.len())),
        text: "A note of mine.".into(),
    });
    (folder, files[0].clone(), session)
}

fn a_sentence_of_the_first_sample() -> String {
    let text = std::fs::read_to_string(&samples()[0]).expect("text");
    let report = plain_report(&samples()[..1]);
    let passage = report.documents[0]
        .passages
        .iter()
        .filter(|p| p.role == PassageRole::Body)
        .find(|p| text[p.start..p.end].split_whitespace().count() >= 12)
        .expect("a long sentence");
    text[passage.start..passage.end].to_string()
}

#[test]
fn a_note_follows_its_text_when_a_paragraph_is_inserted_above() {
    let quote = a_sentence_of_the_first_sample();
    let (_folder, article, session) = note_on(&quote);
    let text = std::fs::read_to_string(&article).expect("text");
    let edited_text = format!("An editor's note added at the top.\n\n{text}");
    std::fs::write(&article, &edited_text).expect("write");
    let edited = run(&session, None);
    assert!(edited.report.orphans.is_empty());
    let span = edited.report.notes[0].span.as_ref().expect("span");
    assert_eq!(&edited_text[span.start..span.end], quote);
    assert_eq!(span.start, text.find(&quote).expect("old") + 36);
    // The re-anchored edits point at the new place, ready to be saved.
    let anchor = edited.edits.notes[0].target.anchor();
    assert_eq!(anchor.start, span.start);
}

#[test]
fn a_note_survives_a_word_changed_inside_its_quote() {
    let quote = a_sentence_of_the_first_sample();
    let (_folder, article, session) = note_on(&quote);
    let text = std::fs::read_to_string(&article).expect("text");
    let words: Vec<&str> = quote.split_whitespace().collect();
    let changed = quote.replacen(words[words.len() / 2], "altered", 1);
    std::fs::write(&article, text.replacen(&quote, &changed, 1)).expect("write");
    let edited = run(&session, None);
    assert!(
        edited.report.orphans.is_empty(),
        "{:?}",
        edited.report.orphans
    );
    let span = edited.report.notes[0].span.as_ref().expect("span");
    assert_eq!(span.text, changed);
}

#[test]
fn a_note_on_a_deleted_sentence_is_orphaned_and_kept() {
    let quote = a_sentence_of_the_first_sample();
    let (_folder, article, session) = note_on(&quote);
    let text = std::fs::read_to_string(&article).expect("text");
    std::fs::write(&article, text.replacen(&quote, "", 1)).expect("write");
    let edited = run(&session, None);
    assert!(edited.report.notes.is_empty());
    assert_eq!(edited.report.orphans.len(), 1);
    let orphan = &edited.report.orphans[0];
    assert_eq!(orphan.item, ItemKind::Note);
    assert!(!orphan.waiting);
    assert!(orphan.reason.contains("no longer"), "{}", orphan.reason);
    // The item itself is still in the edits, unchanged.
    assert_eq!(edited.edits.notes, session.edits.notes);
}

#[test]
fn a_missing_article_leaves_the_rest_working_and_its_items_waiting() {
    let quote = a_sentence_of_the_first_sample();
    let (_folder, article, session) = note_on(&quote);
    std::fs::remove_file(&article).expect("remove");
    let located = session.locate(None);
    assert!(!located[0].found);
    assert!(located[1..].iter().all(|l| l.found));
    let edited = run(&session, None);
    assert_eq!(edited.report.documents.len(), 3);
    assert_eq!(edited.report.failures.len(), 1);
    assert!(edited.report.orphans[0].waiting);
    assert_eq!(edited.edits.notes, session.edits.notes);
}

/// Writes `text` as a session, reads it, and checks the message and that the file is
/// unchanged, through the API and the command line.
fn check_bad_session(text: &[u8], expect: &str) {
    let folder = tempfile::tempdir().expect("temp");
    let path = folder.path().join("bad.parallax.ron");
    std::fs::write(&path, text).expect("write");
    let error = file::read(&path).expect_err("refused");
    let message = error.to_string();
    assert!(message.contains("bad.parallax.ron"), "{message}");
    assert!(message.contains(expect), "{message}");
    let output = Command::cargo_bin("parallax")
        .expect("binary")
        .args(["compare", "--session"])
        .arg(&path)
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains(expect), "{stderr}");
    assert_eq!(std::fs::read(&path).expect("still there"), text);
    assert!(!file::backup_path(&path).exists());
}

fn example_text() -> String {
    std::fs::read_to_string(example_path()).expect("example")
}

/// Sessions saved before the pinned base, "Compare two" and column widths were kept still
/// load, with none of them.
#[test]
fn a_session_without_the_column_arrangement_still_loads() {
    let text = example_text();
    let old: String = text
        .replace("        pinned_column: Some(0),\n", "")
        .replace("        compare_two: Some((0, 2)),\n", "")
        .replace(
            "        column_widths: {\n            1: 333.0,\n        },\n",
            "",
        );
    assert!(!old.contains("pinned_column") && !old.contains("column_widths"));
    let session = file::from_ron(&old, "older").expect("loads");
    assert_eq!(session.view.pinned_column, None);
    assert_eq!(session.view.compare_two, None);
    assert!(session.view.column_widths.is_empty());
    let current = file::from_ron(&text, "current").expect("loads");
    assert_eq!(current.view.pinned_column, Some(0));
    assert_eq!(current.view.compare_two, Some((0, 2)));
    assert_eq!(current.view.column_widths.get(&1), Some(&333.0));
    // A width no drag can give is refused with its name.
    let bad = text.replace("1: 333.0", "1: -5.0");
    let error = file::from_ron(&bad, "bad").expect_err("refused");
    assert!(error.to_string().contains("column_widths"), "{error}");
}

#[test]
fn a_corrupt_session_names_line_and_column() {
    let text = example_text().replacen("documents: [", "documents: [[[ ;", 1);
    check_bad_session(text.as_bytes(), "line ");
    let error = file::from_ron(&text, "x").expect_err("bad");
    let SessionError::Invalid { line, column, .. } = error else {
        panic!("{error:?}")
    };
    assert_eq!(
        line,
        text.lines().position(|l| l.contains("[[[")).expect("line") + 1
    );
    assert!(column > 1);
}

#[test]
fn a_wrong_type_names_line_and_column() {
    let text = example_text().replacen("zoom: 1.0", "zoom: \"large\"", 1);
    assert_ne!(text, example_text());
    check_bad_session(text.as_bytes(), "line ");
}

#[test]
fn a_newer_version_is_refused() {
    let text = example_text().replacen(
        &format!("version: {SESSION_VERSION}"),
        &format!("version: {}", SESSION_VERSION + 1),
        1,
    );
    check_bad_session(text.as_bytes(), "newer version of Parallax");
}

#[test]
fn a_truncated_session_is_refused() {
    let text = example_text();
    check_bad_session(&text.as_bytes()[..text.len() / 2], "line ");
}

#[test]
fn binary_and_empty_sessions_are_refused() {
    check_bad_session(&[0x89, b'P', b'N', b'G', 0xff, 0xfe, 0], "not UTF-8");
    check_bad_session(b"", "empty");
}

#[test]
fn a_version_1_session_is_migrated() {
    let sample = samples()[0].display().to_string();
    let text = format!(
        "(\n    version: 1,\n    documents: [\"{sample}\"],\n    notes: [(target: Span((document: 0, start: 0, end: 3, quote: \"abc\")), text: \"old note\")],\n)\n"
    );
    let session = file::from_ron(&text, "old").expect("migrated");
    assert_eq!(session.version, SESSION_VERSION);
    assert_eq!(session.documents[0].path, sample);
    assert_eq!(session.edits.notes[0].text, "old note");
}

#[test]
fn a_failure_before_the_rename_leaves_the_old_file_whole() {
    let folder = tempfile::tempdir().expect("temp");
    let path = folder.path().join("story.parallax.ron");
    let old = full_session(Some(&path));
    file::save(&path, &old).expect("first save");
    let before = std::fs::read(&path).expect("bytes");
    let mut new = old.clone();
    new.edits.notes.clear();
    let result = file::save_bytes(&path, file::to_ron(&new).as_bytes(), || {
        Err(std::io::Error::other("simulated crash"))
    });
    assert!(result.is_err());
    assert_eq!(std::fs::read(&path).expect("bytes"), before);
    let leftovers: Vec<_> = std::fs::read_dir(folder.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(leftovers.len(), 1, "no temporary file left: {leftovers:?}");
    // A real second save keeps the first as the backup.
    file::save(&path, &new).expect("second save");
    assert_eq!(
        std::fs::read(file::backup_path(&path)).expect("backup"),
        before
    );
    assert_eq!(file::read(&path).expect("new"), new);
}

/// Random corrections over the samples' passages.
fn correction_strategy(passages: Vec<Anchor>) -> impl Strategy<Value = Correction> {
    let count = passages.len();
    let pick = move |i: usize| passages[i % count].clone();
    let (p1, p2, p3, p4) = (pick.clone(), pick.clone(), pick.clone(), pick);
    prop_oneof![
        (0..count, 0..count).prop_map(move |(a, b)| Correction::Link {
            passage: p1(a),
            with: p1(b),
        }),
        (0..count).prop_map(move |a| Correction::Unlink { passage: p2(a) }),
        (0..count, proptest::collection::vec(0..count, 1..4)).prop_map(move |(a, moved)| {
            Correction::Split {
                event: p3(a),
                moved: moved.into_iter().map(&p3).collect(),
            }
        }),
        (0..count, "[a-z ]{0,12}").prop_map(move |(a, label)| Correction::Rename {
            event: p4(a),
            label,
        }),
    ]
}

fn sample_passage_anchors() -> Vec<Anchor> {
    let report = plain_report(&samples());
    report
        .documents
        .iter()
        .flat_map(|d| {
            d.passages.iter().map(|p| {
                passage_anchor(
                    &report,
                    PassageRef {
                        document: d.index,
                        passage: p.index,
                    },
                )
            })
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn random_corrections_round_trip_and_apply(
        corrections in proptest::collection::vec(correction_strategy(sample_passage_anchors()), 0..8)
    ) {
        let mut session = Session::for_files(&samples(), None);
        session.edits = Edits { corrections, ..Edits::default() };
        let text = file::to_ron(&session);
        prop_assert_eq!(&file::from_ron(&text, "random").expect("reads"), &session);
        let edited = run(&session, None);
        // Every passage is in at most one event, and nothing was orphaned: the texts did
        // not change.
        prop_assert!(edited.report.orphans.is_empty());
        let mut seen = std::collections::HashSet::new();
        for event in &edited.report.events {
            for at in &event.passages {
                prop_assert!(seen.insert(*at));
            }
        }
        // Applying the re-anchored edits again gives the same report.
        let mut again = session.clone();
        again.edits = edited.edits.clone();
        prop_assert_eq!(run(&again, None).report, edited.report);
    }
}

/// A review saved on the samples' number mismatch, under the kind `saved_as`, with the
/// claims' anchors and `extra` anchors more.
fn review_of_the_number_mismatch(saved_as: FindingKind, extra: Vec<Anchor>) -> Session {
    let files = samples();
    let report = plain_report(&files);
    let finding = report
        .findings
        .iter()
        .find(|f| f.kind == FindingKind::NumberMismatch && f.claims.len() == 2)
        .expect("the samples have a two-sided number mismatch");
    let mut claims = finding_anchors(&report, finding);
    claims.extend(extra);
    let mut session = Session::for_files(&files, None);
    session.edits.reviews.push(FindingReview {
        finding: FindingKey {
            kind: saved_as,
            claims,
        },
        status: ReviewStatus::Confirmed,
        comment: "checked".into(),
    });
    session
}

#[test]
fn a_review_follows_its_finding_when_the_kind_changed_and_says_so() {
    let session = review_of_the_number_mismatch(FindingKind::DateMismatch, Vec::new());
    let edited = run(&session, None).report;
    assert!(edited.orphans.is_empty(), "{:?}", edited.orphans);
    let reviewed: Vec<_> = edited
        .findings
        .iter()
        .filter(|f| f.review.is_some())
        .collect();
    assert_eq!(reviewed.len(), 1);
    assert_eq!(reviewed[0].kind, FindingKind::NumberMismatch);
    let review = reviewed[0].review.as_ref().expect("review");
    assert_eq!(review.comment, "checked");
    let how = review.reattached.as_deref().expect("re-attached");
    assert!(how.contains("was a date mismatch finding"), "{how}");
}

#[test]
fn a_review_of_a_finding_that_lost_a_side_keeps_its_pair() {
    // A third side on a passage of a document the finding does not hold.
    let plain = plain_report(&samples());
    let finding = plain
        .findings
        .iter()
        .find(|f| f.kind == FindingKind::NumberMismatch && f.claims.len() == 2)
        .expect("mismatch");
    let other = plain
        .documents
        .iter()
        .find(|d| finding.claims.iter().all(|c| c.document != d.index))
        .expect("a third sample");
    let passage = &other.passages[other.passages.len() / 2];
    let third = Anchor::capture(other.index.get(), &other.text, passage.start, passage.end);
    let session = review_of_the_number_mismatch(FindingKind::NumberMismatch, vec![third]);
    let edited = run(&session, None).report;
    let review = edited
        .findings
        .iter()
        .find_map(|f| f.review.as_ref())
        .expect("the review is attached");
    let how = review.reattached.as_deref().expect("re-attached");
    assert!(how.contains("2 of the 3 reviewed sides kept"), "{how}");
}

#[test]
fn a_review_never_turns_into_a_review_of_an_agreement_and_is_kept() {
    let session = review_of_the_number_mismatch(FindingKind::Agreement, Vec::new());
    let edited = run(&session, None);
    // An agreement on those spans does not exist, and the mismatch is another family.
    assert!(
        edited
            .report
            .findings
            .iter()
            .all(|f| f.review.is_none() || f.kind == FindingKind::Agreement)
    );
    let orphan = edited
        .report
        .orphans
        .iter()
        .find(|o| o.item == ItemKind::Review)
        .expect("listed as not placed");
    assert!(
        orphan.reason.contains("no longer reported"),
        "{}",
        orphan.reason
    );
    assert_eq!(edited.edits.reviews, session.edits.reviews);
}
