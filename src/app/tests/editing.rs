//! The user's work: links, reviews with the queue keys, notes, undo and redo, uncertain
//! findings.

use super::*;

/// The review queue: R opens the findings panel, N goes to the first unreviewed finding,
/// C confirms it and moves on, D dismisses the next, and Undo takes the dismissal back.
#[test]
fn the_review_queue_confirms_and_dismisses_with_keys() {
    let mut harness = harness(app_with(crate::app::sample_files(), false));
    harness.key_press(Key::R);
    harness.run_steps(2);
    assert!(harness.state().findings_panel.open);
    harness.get_by_label("Next unreviewed");
    let queue = harness.state().queue();
    assert!(queue.len() >= 2, "{} findings", queue.len());
    let differences = harness
        .state()
        .analysis
        .as_ref()
        .unwrap()
        .counts()
        .differences;
    harness.get_by_label(&format!("{differences} differences"));
    harness.key_press(Key::N);
    harness.run_steps(2);
    let first = harness
        .state()
        .selected_finding
        .expect("N selects the first unreviewed finding");
    assert_eq!(first, queue[0]);
    harness.get_by_label(&format!("1 of {differences} differences"));
    let status = |harness: &Harness<'static, ParallaxApp>, finding: parallax::model::FindingId| {
        harness.state().analysis.as_ref().unwrap().report.findings[finding.get()]
            .review
            .as_ref()
            .map(|r| r.status)
    };
    harness.key_press(Key::C);
    harness.run_steps(2);
    settle(&mut harness);
    assert_eq!(
        status(&harness, first),
        Some(parallax::model::ReviewStatus::Confirmed)
    );
    let reviews = &harness.state().work.session.edits.reviews;
    assert_eq!(reviews.len(), 1);
    assert_eq!(reviews[0].status, parallax::model::ReviewStatus::Confirmed);
    let second = harness
        .state()
        .selected_finding
        .expect("C moves on to the next unreviewed finding");
    assert_ne!(second, first);
    harness.get_by_label(&format!("2 of {differences} differences"));
    harness.key_press(Key::D);
    harness.run_steps(2);
    settle(&mut harness);
    assert_eq!(
        status(&harness, second),
        Some(parallax::model::ReviewStatus::Dismissed)
    );
    assert!(harness.state().work.dirty());
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    harness.run_steps(2);
    settle(&mut harness);
    assert_eq!(
        status(&harness, second),
        None,
        "Undo takes the dismissal back"
    );
    assert_eq!(
        status(&harness, first),
        Some(parallax::model::ReviewStatus::Confirmed)
    );
    // Clicking a row selects its finding and its event.
    if let Some(&third) = harness.state().queue().get(2) {
        let summary = harness.state().analysis.as_ref().unwrap().report.findings[third.get()]
            .summary
            .clone();
        harness.get_all_by_label(&summary).next().unwrap().click();
        harness.run_steps(2);
        assert_eq!(harness.state().selected_finding, Some(third));
    }
}

/// Issue 11: the status bar said "1 notes".
#[test]
fn one_note_is_counted_in_the_singular() {
    let mut app = app_with(crate::app::sample_files(), false);
    let ctx = egui::Context::default();
    let passage = app.analysis.as_ref().unwrap().report.documents[0].passages[0].clone();
    app.edit(
        crate::app::session::EditAction::AddNote {
            document: parallax::model::DocId(0),
            start: passage.start,
            end: passage.end,
            event: false,
            text: "Check this".into(),
        },
        &ctx,
    );
    app.wait_for_analysis(&ctx);
    let harness = harness(app);
    harness.get_by_label_contains("· 1 note ·");
    assert_eq!(
        crate::app::count(1, "difference", "differences"),
        "1 difference"
    );
    assert_eq!(
        crate::app::count(2, "difference", "differences"),
        "2 differences"
    );
}

#[test]
fn link_dismiss_note_save_and_reopen() {
    let folder = tempfile::tempdir().unwrap();
    let files = copied_samples(folder.path());
    let mut app = app_with(files, false);
    // The planted number mismatch is below the default confidence: show it.
    app.remembered.show_uncertain = true;
    app.refilter();
    app.work.data_dir = Some(folder.path().join("data"));
    let session_path = folder.path().join("story.parallax.ron");
    app.work.path = Some(session_path.clone());
    let report = app.analysis.as_ref().unwrap().report.clone();
    let mut harness = harness(app);
    let (a, b) = two_free_passages(&mut harness);
    let point_a = passage_point(harness.state(), a).expect("first passage on screen");
    click_at(&mut harness, point_a, egui::Modifiers::NONE);
    assert_eq!(harness.state().selected_passage, Some(a));
    let point_b = passage_point(harness.state(), b).expect("second passage on screen");
    click_at(&mut harness, point_b, egui::Modifiers::COMMAND);
    settle(&mut harness);
    {
        let report = &harness.state().analysis.as_ref().unwrap().report;
        let event_of = report.event_of_passages();
        let linked = event_of[0][a.passage.get()];
        assert!(linked.is_some(), "the Ctrl+click linked the passages");
        assert_eq!(linked, event_of[1][b.passage.get()]);
        assert!(report.events[linked.unwrap().get()].edited);
    }
    // Dismiss a finding from the inspector's table.
    let (event, finding) = {
        let report = &harness.state().analysis.as_ref().unwrap().report;
        let finding = report
            .findings
            .iter()
            .find(|f| f.kind == FindingKind::NumberMismatch)
            .unwrap();
        (finding.event.unwrap(), finding.clone())
    };
    harness.state_mut().select_event(Some(event));
    harness.run_steps(3);
    harness.get_all_by_label("Dismiss").next().unwrap().click();
    harness.run_steps(2);
    settle(&mut harness);
    let dismissed: Vec<_> = harness
        .state()
        .analysis
        .as_ref()
        .unwrap()
        .report
        .findings
        .iter()
        .filter(|f| f.is_dismissed())
        .map(|f| (f.kind, f.claims.len()))
        .collect();
    assert_eq!(dismissed.len(), 1);
    let _ = finding;
    // A note through the context menu of a passage.
    let passage = report.passage(a).clone();
    harness
        .state_mut()
        .commands
        .push(crate::app::Command::ScrollTo {
            document: a.document,
            start: passage.start,
            end: passage.end,
        });
    // The column may first scroll sideways into view (animated).
    harness.run_steps(40);
    let point = passage_point(harness.state(), a).expect("passage on screen");
    harness.hover_at(point);
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos: point,
            button: egui::PointerButton::Secondary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    }
    harness.run_steps(3);
    harness.get_by_label("Add note to this sentence").click();
    harness.run_steps(3);
    harness
        .get_by_role(egui::accesskit::Role::MultilineTextInput)
        .type_text("Ask the ministry which figure is right.");
    harness.run_steps(2);
    harness.get_by_label("Save note").click();
    harness.run_steps(2);
    settle(&mut harness);
    assert_eq!(
        harness
            .state()
            .analysis
            .as_ref()
            .unwrap()
            .report
            .notes
            .len(),
        1
    );
    assert!(harness.state().work.dirty());
    // Save with Ctrl+S, then open the session in a fresh app.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::S);
    harness.run_steps(2);
    let ctx = harness.ctx.clone();
    harness.state_mut().wait_for_disk(&ctx);
    assert!(session_path.is_file());
    assert!(!harness.state().work.dirty());
    // The reader who dismissed an uncertain finding still shows uncertain findings.
    let mut fresh = ParallaxApp::with_state(Remembered {
        has_run: true,
        show_uncertain: true,
        ..Remembered::default()
    });
    let ctx = egui::Context::default();
    fresh.open_session(session_path.clone(), &ctx);
    fresh.wait_for_disk(&ctx);
    let report = &fresh.analysis.as_ref().unwrap().report;
    let event_of = report.event_of_passages();
    assert!(event_of[0][a.passage.get()].is_some());
    assert_eq!(event_of[0][a.passage.get()], event_of[1][b.passage.get()]);
    assert_eq!(
        report.findings.iter().filter(|f| f.is_dismissed()).count(),
        1
    );
    assert_eq!(report.notes.len(), 1);
    assert_eq!(
        report.notes[0].text,
        "Ask the ministry which figure is right."
    );
    assert!(report.orphans.is_empty());
}

#[test]
fn undo_and_redo_cover_edits() {
    let mut app = app_with(crate::app::sample_files(), false);
    let ctx = egui::Context::default();
    let event = app.analysis.as_ref().unwrap().report.events[0].index;
    app.edit(
        crate::app::session::EditAction::Rename(event, "My label".into()),
        &ctx,
    );
    app.wait_for_analysis(&ctx);
    let label = |app: &ParallaxApp| {
        app.analysis.as_ref().unwrap().report.events[0]
            .label
            .clone()
    };
    assert_eq!(label(&app), "My label");
    app.undo(&ctx);
    app.wait_for_analysis(&ctx);
    assert_ne!(label(&app), "My label");
    app.redo(&ctx);
    app.wait_for_analysis(&ctx);
    assert_eq!(label(&app), "My label");
}

#[test]
fn dragging_a_passage_from_the_margin_onto_another_links_them() {
    let app = app_with(crate::app::sample_files(), false);
    let mut harness = harness(app);
    let (a, b) = two_free_passages(&mut harness);
    let from = passage_point(harness.state(), a).unwrap();
    let origin_x = harness
        .state()
        .geometry
        .iter()
        .find(|c| c.document == a.document)
        .unwrap()
        .origin
        .x;
    let grip = egui::pos2(origin_x - 4.0, from.y);
    let to = passage_point(harness.state(), b).unwrap();
    // Select the passage, then drag it by the margin beside it.
    click_at(&mut harness, from, egui::Modifiers::NONE);
    harness.hover_at(grip);
    harness.run_steps(1);
    harness.drag_at(grip);
    harness.run_steps(1);
    for step in 1..=6 {
        let t = step as f32 / 6.0;
        harness.hover_at(grip + (to - grip) * t);
        harness.run_steps(1);
    }
    assert_eq!(harness.state().link_drag, Some(a));
    harness.drop_at(to);
    harness.run_steps(2);
    settle(&mut harness);
    let report = &harness.state().analysis.as_ref().unwrap().report;
    let event_of = report.event_of_passages();
    assert!(event_of[0][a.passage.get()].is_some());
    assert_eq!(event_of[0][a.passage.get()], event_of[1][b.passage.get()]);
}

#[test]
fn uncertain_findings_are_hidden_until_asked_for() {
    let mut app = app_with(crate::app::sample_files(), false);
    let count = |app: &ParallaxApp| app.analysis.as_ref().unwrap().report.findings.len();
    let shown = count(&app);
    assert!(
        app.analysis
            .as_ref()
            .unwrap()
            .report
            .findings
            .iter()
            .all(|f| f.confidence >= parallax::settings::DEFAULT_MIN_CONFIDENCE)
    );
    let mut harness = harness(app);
    harness.get_by_label("View").click();
    harness.run_steps(2);
    harness.get_by_label("Show uncertain findings").click();
    harness.run_steps(2);
    assert!(harness.state().remembered.show_uncertain);
    assert!(count(harness.state()) > shown, "uncertain findings appear");
    app = harness.into_state();
    app.remembered.show_uncertain = false;
    app.refilter();
    assert_eq!(count(&app), shown);
}

/// Issue 11: a link made with Ctrl+click gave no feedback, and Undo did not say what it
/// undid. The link shows a notice naming both sources; the Edit menu names the step, and
/// Undo and Redo say what they took back or made again.
#[test]
fn a_ctrl_click_link_says_so_and_undo_says_what_it_undid() {
    let mut harness = harness(app_with(crate::app::sample_files(), false));
    let (a, b) = two_free_passages(&mut harness);
    let names: Vec<String> = {
        let report = &harness.state().analysis.as_ref().unwrap().report;
        [a, b]
            .iter()
            .map(|p| report.documents[p.document.get()].display_name())
            .collect()
    };
    let point_a = passage_point(harness.state(), a).expect("first passage on screen");
    click_at(&mut harness, point_a, egui::Modifiers::NONE);
    let point_b = passage_point(harness.state(), b).expect("second passage on screen");
    click_at(&mut harness, point_b, egui::Modifiers::COMMAND);
    settle(&mut harness);
    let linked = format!("Linked {} and {} in a new event", names[0], names[1]);
    harness.get_by_label_contains(&linked);
    // The Edit menu names what Undo takes back.
    let step = format!("link {} and {}", names[0], names[1]);
    harness.get_by_label("Edit").click();
    harness.run();
    harness
        .get_by_label_contains(&format!("Undo {step}"))
        .click();
    harness.run();
    settle(&mut harness);
    harness.get_by_label_contains(&format!("Undid: {step}"));
    let report = &harness.state().analysis.as_ref().unwrap().report;
    assert!(report.event_of_passages()[a.document.get()][a.passage.get()].is_none());
    harness.key_press_modifiers(egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, Key::Z);
    harness.run();
    settle(&mut harness);
    harness.get_by_label_contains(&format!("Redid: {step}"));
}
