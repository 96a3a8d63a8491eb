//! The user's work survives: replacing the comparison with unsaved work asks first (Save,
//! Discard, Cancel), and a plain restart reopens the last session with everything in it.

use super::*;
use crate::app::session::{EditAction, Workspace};
use parallax::model::{FindingId, ReviewStatus};

/// The samples copied into `folder/a`, and two of them into `folder/b` (another comparison).
fn two_comparisons(folder: &std::path::Path) -> (Vec<PathBuf>, PathBuf) {
    let a = folder.join("a");
    let b = folder.join("b");
    std::fs::create_dir_all(&a).unwrap();
    std::fs::create_dir_all(&b).unwrap();
    let files = copied_samples(&a);
    for file in &files[..2] {
        std::fs::copy(file, b.join(file.file_name().unwrap())).unwrap();
    }
    (files, b)
}

/// Confirms the first difference of the open report; returns it.
fn confirm_first_difference(app: &mut ParallaxApp) -> FindingId {
    let ctx = egui::Context::default();
    let finding = app.analysis.as_ref().unwrap().differences[0];
    app.edit(
        EditAction::Review(finding, Some(ReviewStatus::Confirmed), "Checked".into()),
        &ctx,
    );
    app.wait_for_analysis(&ctx);
    finding
}

fn reviews(app: &ParallaxApp) -> Vec<(String, ReviewStatus)> {
    app.analysis
        .as_ref()
        .unwrap()
        .report
        .findings
        .iter()
        .filter_map(|f| Some((f.summary.clone(), f.review.as_ref()?.status)))
        .collect()
}

/// Types `path` into the path prompt that Ctrl+O opened and presses OK.
fn open_through_the_prompt(harness: &mut Harness<'static, ParallaxApp>, path: &std::path::Path) {
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::O);
    harness.run_steps(2);
    harness
        .state_mut()
        .path_prompt
        .as_mut()
        .expect("a path prompt")
        .text = path.display().to_string();
    harness.run_steps(1);
    harness.get_by_label("OK").click();
    harness.run_steps(3);
}

/// Issue 22, item 1: Ctrl+O with a confirmed review replaced the comparison without a word
/// (the review gone, Undo greyed out). Now it asks, and Cancel keeps everything.
#[test]
fn ctrl_o_with_unsaved_reviews_asks_and_cancel_keeps_them() {
    let folder = tempfile::tempdir().unwrap();
    let (files, other) = two_comparisons(folder.path());
    let mut app = app_with(files, false);
    app.native_dialogs = false;
    app.work.data_dir = Some(folder.path().join("data"));
    confirm_first_difference(&mut app);
    let before = reviews(&app);
    assert_eq!(before.len(), 1);
    let undo = app.work.undo.len();
    assert!(undo > 0);
    let mut harness = harness(app);
    open_through_the_prompt(&mut harness, &other);
    assert!(harness.state().unsaved_prompt.is_some(), "it asks");
    harness.get_by_label("Save your work first?");
    harness.get_by_label_contains("it holds 1 review");
    harness.get_by_label("Save");
    harness.get_by_label("Discard");
    // No key acts behind the question.
    harness.key_press(Key::F7);
    harness.run_steps(2);
    assert!(harness.state().selected_finding.is_none());
    assert!(harness.state().unsaved_prompt.is_some());
    harness.get_by_label("Cancel").click();
    harness.run_steps(3);
    let app = harness.state();
    assert!(app.unsaved_prompt.is_none());
    assert!(!app.is_busy(), "nothing was opened");
    assert_eq!(app.analysis.as_ref().unwrap().report.documents.len(), 4);
    assert_eq!(reviews(app), before, "the review is still there");
    assert!(app.work.dirty(), "and still unsaved");
    let steps: Vec<&str> = app.work.undo.iter().map(|s| s.what.as_str()).collect();
    assert_eq!(
        app.work.undo.len(),
        undo,
        "Undo still takes it back: {steps:?}"
    );
}

/// Discard opens the other comparison, and the discarded work is kept in the data folder.
#[test]
fn discard_opens_the_other_comparison_and_keeps_a_copy() {
    let folder = tempfile::tempdir().unwrap();
    let (files, other) = two_comparisons(folder.path());
    let data = folder.path().join("data");
    let mut app = app_with(files, false);
    app.native_dialogs = false;
    app.work.data_dir = Some(data.clone());
    confirm_first_difference(&mut app);
    let mut harness = harness(app);
    open_through_the_prompt(&mut harness, &other);
    harness.get_by_label("Discard").click();
    harness.run_steps(2);
    let ctx = harness.ctx.clone();
    harness.state_mut().wait_for_disk(&ctx);
    let app = harness.state();
    assert!(app.unsaved_prompt.is_none());
    assert_eq!(app.analysis.as_ref().unwrap().report.documents.len(), 2);
    assert!(reviews(app).is_empty());
    let kept = parallax::session::file::read(&data.join(crate::app::unsaved::DISCARDED))
        .expect("the discarded work is kept");
    assert_eq!(kept.edits.reviews.len(), 1);
    assert_eq!(kept.edits.reviews[0].comment, "Checked");
}

/// Save writes the session first, then opens; a dropped session file asks the same way.
#[test]
fn save_writes_the_session_then_a_dropped_session_opens() {
    let folder = tempfile::tempdir().unwrap();
    let (files, other) = two_comparisons(folder.path());
    let ctx = egui::Context::default();
    // The other comparison, saved as a session to drop on the window.
    let dropped = folder.path().join("other.parallax.ron");
    let mut second = app_with(
        parallax::load::expand_inputs(std::slice::from_ref(&other)).0,
        false,
    );
    second.save_session_to(dropped.clone(), &ctx);
    second.wait_for_disk(&ctx);
    let mine = folder.path().join("mine.parallax.ron");
    let mut app = app_with(files, false);
    app.work.data_dir = Some(folder.path().join("data"));
    app.save_session_to(mine.clone(), &ctx);
    app.wait_for_disk(&ctx);
    confirm_first_difference(&mut app);
    let mut harness = harness(app);
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(files::Dropped(dropped.clone())));
    harness.run_steps(3);
    harness.get_by_label("Save").click();
    harness.run_steps(2);
    let ctx = harness.ctx.clone();
    harness.state_mut().wait_for_disk(&ctx);
    // The save's answer starts the opening, whose answer starts the analysis.
    harness.state_mut().wait_for_disk(&ctx);
    let app = harness.state();
    assert_eq!(app.work.path.as_deref(), Some(dropped.as_path()));
    assert_eq!(app.analysis.as_ref().unwrap().report.documents.len(), 2);
    let saved = parallax::session::file::read(&mine).unwrap();
    assert_eq!(saved.edits.reviews.len(), 1, "the review was saved first");
}

/// Issue 22, item 2: after Ctrl+S and quit, a plain start showed the articles with the
/// confirmed review unreviewed. Now it reopens the session, reviews and all.
#[test]
fn a_restart_restores_the_saved_session_with_its_reviews() {
    let folder = tempfile::tempdir().unwrap();
    let (files, _) = two_comparisons(folder.path());
    let data = folder.path().join("data");
    let ctx = egui::Context::default();
    let mut app = app_with(files.clone(), false);
    app.work.data_dir = Some(data.clone());
    confirm_first_difference(&mut app);
    let path = folder.path().join("mine.parallax.ron");
    app.save_session_to(path.clone(), &ctx);
    app.wait_for_disk(&ctx);
    let before = reviews(&app);
    assert_eq!(before.len(), 1);
    assert!(!app.work.dirty());
    // Quit, and start again with nothing on the command line.
    let mut next = ParallaxApp::with_state(app.remembered.clone());
    next.work = Workspace::new(Some(data.clone()));
    assert!(
        next.work.restore_offer.is_none(),
        "nothing was left unsaved"
    );
    next.start(Vec::new(), &ctx);
    next.wait_for_disk(&ctx);
    assert_eq!(next.work.path.as_deref(), Some(path.as_path()));
    assert_eq!(reviews(&next), before, "the confirmed review is back");
    assert!(!next.work.dirty());
    // Files named on the command line still open as a fresh comparison.
    let mut named = ParallaxApp::with_state(app.remembered.clone());
    named.start(files[..2].to_vec(), &ctx);
    named.wait_for_analysis(&ctx);
    assert!(named.work.path.is_none());
    assert!(reviews(&named).is_empty());
    assert_eq!(named.analysis.as_ref().unwrap().report.documents.len(), 2);
}

/// A restart after unsaved work reopens the saved session and offers the unsaved work.
#[test]
fn a_restart_after_unsaved_work_offers_it_over_the_saved_session() {
    let folder = tempfile::tempdir().unwrap();
    let (files, _) = two_comparisons(folder.path());
    let data = folder.path().join("data");
    let ctx = egui::Context::default();
    let mut app = app_with(files, false);
    app.work.data_dir = Some(data.clone());
    let path = folder.path().join("mine.parallax.ron");
    app.save_session_to(path.clone(), &ctx);
    app.wait_for_disk(&ctx);
    confirm_first_difference(&mut app);
    // What eframe does on exit.
    app.autosave(&ctx, true);
    app.wait_for_disk(&ctx);
    let mut next = ParallaxApp::with_state(app.remembered.clone());
    next.work = Workspace::new(Some(data));
    next.start(Vec::new(), &ctx);
    next.wait_for_disk(&ctx);
    assert_eq!(next.work.path.as_deref(), Some(path.as_path()));
    assert!(reviews(&next).is_empty(), "the saved session had no review");
    assert!(
        next.work.restore_offer.is_some(),
        "the unsaved one is offered"
    );
    next.replace(crate::app::unsaved::Replacement::RestoreAutosave, &ctx);
    next.wait_for_analysis(&ctx);
    assert_eq!(reviews(&next).len(), 1);
    assert!(next.work.dirty());
}

/// Issue 20: a review saved on an earlier form of a finding (here saved under another kind)
/// is carried over to it, the inspector says so, and reviewing again replaces it.
#[test]
fn a_carried_over_review_is_shown_and_replaced_when_reviewed_again() {
    let ctx = egui::Context::default();
    let mut app = app_with(crate::app::sample_files(), false);
    let finding = confirm_first_difference(&mut app);
    // As a session written when the engine called this finding by another kind.
    let kind = app.analysis.as_ref().unwrap().report.findings[finding.get()].kind;
    let other = if kind == FindingKind::DateMismatch {
        FindingKind::NumberMismatch
    } else {
        FindingKind::DateMismatch
    };
    app.work.session.edits.reviews[0].finding.kind = other;
    app.start_analysis(&ctx);
    app.wait_for_analysis(&ctx);
    let review = app.analysis.as_ref().unwrap().report.findings[finding.get()]
        .review
        .clone()
        .expect("carried over");
    assert!(review.reattached.is_some());
    app.select_finding(finding);
    let mut harness = harness(app);
    settle(&mut harness);
    let note = harness
        .get_by_label_contains("Your review was carried over")
        .rect();
    // Dismissing it now (the Dismiss of its card, just above the note) keeps one review, on
    // this finding as it is.
    let dismiss = harness
        .get_all_by_label("Dismiss")
        .filter(|n| n.rect().max.y <= note.min.y && (n.rect().min.x - note.min.x).abs() < 400.0)
        .max_by(|a, b| a.rect().min.y.total_cmp(&b.rect().min.y))
        .expect("the card's Dismiss");
    dismiss.click();
    harness.run_steps(2);
    settle(&mut harness);
    let app = harness.state();
    let reviews = &app.work.session.edits.reviews;
    assert_eq!(reviews.len(), 1, "{reviews:?}");
    assert_eq!(reviews[0].finding.kind, kind);
    let review = app.analysis.as_ref().unwrap().report.findings[finding.get()]
        .review
        .clone()
        .expect("reviewed");
    assert_eq!(review.status, ReviewStatus::Dismissed);
    assert_eq!(review.reattached, None);
    assert!(app.analysis.as_ref().unwrap().report.orphans.is_empty());
}
