//! The viewer driven through AccessKit with `egui_kittest`: real clicks and keys on the real
//! app, and image snapshots of what a user sees first (rendered on the CPU by wgpu).

use super::{MainView, ParallaxApp, Remembered};
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use parallax::model::FindingKind;
use std::path::PathBuf;

fn app_with(files: Vec<PathBuf>, dark: bool) -> ParallaxApp {
    let mut app = ParallaxApp::with_state(Remembered {
        dark,
        has_run: true,
        ..Remembered::default()
    });
    let ctx = egui::Context::default();
    app.open(files, &ctx);
    app.wait_for_analysis(&ctx);
    app
}

fn harness(app: ParallaxApp) -> Harness<'static, ParallaxApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1600.0, 900.0))
        .build_ui_state(|ui, app: &mut ParallaxApp| app.ui(ui), app);
    harness.run_steps(4);
    harness
}

/// Whether a selected event's passages are inside their columns' visible area.
fn selected_passages_in_view(app: &ParallaxApp) -> bool {
    let analysis = app.analysis.as_ref().unwrap();
    let event = &analysis.report.events[app.selected_event.unwrap().get()];
    app.geometry.iter().all(|column| {
        let Some(at) = event
            .passages
            .iter()
            .find(|p| p.document == column.document)
        else {
            return true;
        };
        let layout = analysis.layouts[column.document.get()].as_ref().unwrap();
        let rect = layout.passage_rects[at.passage.get()].translate(column.origin.to_vec2());
        column.clip.intersects(rect)
    })
}

#[test]
fn selecting_an_event_by_label_scrolls_every_column_to_it() {
    let app = app_with(super::sample_files(), false);
    let report = &app.analysis.as_ref().unwrap().report;
    assert_eq!(report.documents.len(), 4);
    // An event that all four sources report, late in the articles.
    let event = report
        .events
        .iter()
        .rfind(|e| e.documents().len() == 4)
        .expect("an event of all four sources")
        .clone();
    let label = match &event.date {
        Some(date) => format!("{} ({date})", event.label),
        None => event.label.clone(),
    };
    let label = super::panels::list_label(&label);
    let mut harness = harness(app);
    harness.get_by_label(&label).click();
    harness.run();
    assert_eq!(harness.state().selected_event, Some(event.index));
    assert!(selected_passages_in_view(harness.state()));
    // The inspector shows the event and its findings table.
    harness.get_by_label("Why these passages were aligned");
    harness.get_by_label("Findings");
}

#[test]
fn f7_steps_through_the_differences() {
    let mut harness = harness(app_with(super::sample_files(), false));
    harness.key_press(Key::F7);
    harness.run();
    let first = harness
        .state()
        .selected_finding
        .expect("F7 selects a difference");
    let analysis = harness.state().analysis.as_ref().unwrap();
    let finding = &analysis.report.findings[first.get()];
    assert!(finding.kind.is_difference() && finding.kind != FindingKind::Unique);
    assert_eq!(first, analysis.differences[0]);
    harness.key_press(Key::F7);
    harness.run();
    let second = harness.state().selected_finding.unwrap();
    assert_eq!(
        second,
        harness.state().analysis.as_ref().unwrap().differences[1]
    );
    harness.key_press_modifiers(egui::Modifiers::SHIFT, Key::F7);
    harness.run();
    assert_eq!(harness.state().selected_finding, Some(first));
    // J and K step through events.
    harness.key_press(Key::J);
    harness.run();
    assert!(harness.state().selected_event.is_some());
}

#[test]
fn a_bad_file_gives_a_notice_and_joins_the_not_loaded_list() {
    let folder = tempfile::tempdir().unwrap();
    let bad = folder.path().join("scan.txt");
    std::fs::write(&bad, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let mut files = super::sample_files();
    files.push(bad.clone());
    let mut harness = harness(app_with(files, false));
    let report = &harness.state().analysis.as_ref().unwrap().report;
    assert_eq!(report.documents.len(), 4);
    assert_eq!(report.failures.len(), 1);
    harness.run();
    harness.get_by_label_contains("Not loaded (1)");
    let notice = format!("Not loaded: {}", bad.display());
    harness.get_by_label_contains(&notice);
}

#[test]
fn search_finds_words_in_every_column() {
    let mut harness = harness(app_with(super::sample_files(), false));
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::F);
    harness.run();
    assert!(harness.state().search.open);
    harness.state_mut().search.query = "Sarnovec".into();
    harness.run();
    let matches = &harness.state().search.matches;
    assert!(matches.len() >= 4, "{} matches", matches.len());
    let documents: std::collections::BTreeSet<_> = matches.iter().map(|m| m.0).collect();
    assert!(documents.len() >= 3);
}

#[test]
fn snapshot_main_view_light() {
    let mut harness = harness(app_with(super::sample_files(), false));
    harness.run();
    harness.snapshot("main_view_light");
}

#[test]
fn snapshot_main_view_dark_with_inspector() {
    let app = app_with(super::sample_files(), true);
    let event = app.analysis.as_ref().unwrap().report.events[0].index;
    let mut harness = harness(app);
    harness.state_mut().select_event(Some(event));
    harness.run();
    harness.snapshot("main_view_dark_inspector");
}

#[test]
fn snapshot_overview() {
    let mut harness = harness(app_with(super::sample_files(), false));
    harness.state_mut().view = MainView::Overview;
    harness.run();
    harness.snapshot("overview");
}

/// Frame times of the real viewer, driven frame by frame (the CPU time of the UI code; the
/// harness does not render unless asked to). A benchmark, not a test: run it with
/// `cargo test --release --bin parallax -- --ignored frame_times --nocapture`.
#[test]
#[ignore = "benchmark; run by hand in release mode"]
fn frame_times() {
    use std::time::{Duration, Instant};
    let folder = tempfile::tempdir().unwrap();
    let articles = parallax::synth::generate(parallax::synth::SynthConfig {
        articles: 20,
        words: 1500,
        events: 30,
        seed: 11,
    });
    let files: Vec<PathBuf> = articles
        .into_iter()
        .map(|(name, text)| {
            let path = folder.path().join(name);
            std::fs::write(&path, text).unwrap();
            path
        })
        .collect();
    let app = app_with(files, false);
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1600.0, 900.0))
        .with_max_steps(10_000)
        .build_ui_state(|ui, app: &mut ParallaxApp| app.ui(ui), app);
    let started = Instant::now();
    harness.step();
    let first_frame = started.elapsed();
    harness.run_steps(10);
    let time = |harness: &mut Harness<'_, ParallaxApp>| {
        let started = Instant::now();
        harness.step();
        started.elapsed()
    };
    let mut idle_and_scroll: Vec<Duration> = (0..200).map(|_| time(&mut harness)).collect();
    // Scrolling: every column follows a moving target, one passage further each frame.
    let passages: Vec<_> = {
        let report = &harness.state().analysis.as_ref().unwrap().report;
        report.documents[0]
            .passages
            .iter()
            .map(|p| (report.documents[0].index, p.start, p.end))
            .collect()
    };
    for (document, start, end) in passages.iter().cycle().take(200) {
        harness
            .state_mut()
            .scroll_requests
            .push(super::ScrollRequest {
                document: *document,
                start: *start,
                end: *end,
            });
        idle_and_scroll.push(time(&mut harness));
    }
    // Selecting events and the synchronised scroll that follows.
    let events: Vec<_> = harness
        .state()
        .analysis
        .as_ref()
        .unwrap()
        .report
        .events
        .iter()
        .map(|e| e.index)
        .take(20)
        .collect();
    let mut selection = Vec::new();
    for event in events {
        harness.state_mut().select_event(Some(event));
        for _ in 0..10 {
            selection.push(time(&mut harness));
        }
    }
    idle_and_scroll.sort();
    selection.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let median = ms(idle_and_scroll[idle_and_scroll.len() / 2]);
    let p95 = ms(idle_and_scroll[idle_and_scroll.len() * 95 / 100]);
    let selection_max = ms(*selection.last().unwrap());
    println!(
        "first frame (layout of 20 documents): {:.1} ms",
        ms(first_frame)
    );
    println!("idle and scrolling: median {median:.2} ms, p95 {p95:.2} ms");
    println!(
        "selecting an event and its synchronised scroll: median {:.2} ms, max {selection_max:.2} ms",
        ms(selection[selection.len() / 2])
    );
    assert!(median < 4.0 && p95 < 10.0 && selection_max < 16.0);
}

/// A file dropped on the window, as winit would report it.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn dropping_a_file_adds_it_to_the_comparison() {
    let samples = super::sample_files();
    let mut harness = harness(app_with(samples[..2].to_vec(), false));
    assert_eq!(
        harness
            .state()
            .analysis
            .as_ref()
            .unwrap()
            .report
            .documents
            .len(),
        2
    );
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(samples[2].clone())));
    harness.step();
    assert!(
        harness.state().is_busy(),
        "dropping starts a new comparison"
    );
    let ctx = harness.ctx.clone();
    harness.state_mut().wait_for_analysis(&ctx);
    harness.run();
    let report = &harness.state().analysis.as_ref().unwrap().report;
    assert_eq!(report.documents.len(), 3);
    harness.get_by_label(&report.documents[2].display_name());
}

#[test]
fn ctrl_o_without_a_dialog_backend_asks_for_a_path() {
    let mut app = app_with(super::sample_files()[..2].to_vec(), false);
    app.native_dialogs = false;
    let mut harness = harness(app);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::O);
    harness.run();
    let prompt = harness.state().path_prompt.as_ref().expect("a path prompt");
    assert_eq!(prompt.purpose, super::worker::DialogPurpose::Open);
    harness.get_by_label("Open articles: type a path");
    harness.get_by_label_contains("No file dialog can be shown");
}

/// Issue 11: with no dialog backend, Ctrl+S showed the open-file message and nothing could
/// be saved. Now a path prompt opens beside the first article, and OK saves there.
#[test]
fn ctrl_s_without_a_dialog_backend_saves_through_the_path_prompt() {
    let folder = tempfile::tempdir().unwrap();
    let files = copied_samples(folder.path());
    let mut app = app_with(files.clone(), false);
    app.native_dialogs = false;
    app.work.data_dir = Some(folder.path().join("data"));
    let mut harness = harness(app);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::S);
    harness.run_steps(3);
    harness.get_by_label("Save session as: type a path");
    let beside = std::path::absolute(&files[0])
        .unwrap()
        .parent()
        .unwrap()
        .join("comparison.parallax.ron");
    assert_eq!(
        harness.state().path_prompt.as_ref().unwrap().text,
        beside.display().to_string(),
        "the default is beside the first article"
    );
    // The folder's entries are offered as completions.
    let sample_name = files[0].file_name().unwrap().to_string_lossy().to_string();
    harness.state_mut().path_prompt.as_mut().unwrap().text =
        format!("{}/", folder.path().display());
    harness.run_steps(2);
    assert!(harness.get_all_by_label(&sample_name).next().is_some());
    // The field has the keyboard since the prompt opened: replace its text by typing.
    let target = folder.path().join("mine.parallax.ron");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    harness.run_steps(1);
    harness.event(egui::Event::Text(target.display().to_string()));
    harness.run_steps(2);
    assert_eq!(
        harness.state().path_prompt.as_ref().unwrap().text,
        target.display().to_string()
    );
    harness.get_by_label("OK").click();
    harness.run_steps(2);
    let ctx = harness.ctx.clone();
    harness.state_mut().wait_for_disk(&ctx);
    assert!(harness.state().path_prompt.is_none());
    assert!(target.is_file(), "the session was written where typed");
    assert_eq!(harness.state().work.path.as_deref(), Some(target.as_path()));
}

/// Export through the path prompt, as File → Export… does with no dialog backend.
#[test]
fn export_without_a_dialog_backend_writes_through_the_path_prompt() {
    let folder = tempfile::tempdir().unwrap();
    let files = copied_samples(folder.path());
    let mut app = app_with(files, false);
    app.native_dialogs = false;
    app.commands.push(super::Command::ShowDialog(
        super::worker::DialogPurpose::Export(parallax::cli::OutputFormat::Markdown),
    ));
    let mut harness = harness(app);
    harness.get_by_label("Export the report (md): type a path");
    let target = folder.path().join("report.md");
    assert_eq!(
        harness.state().path_prompt.as_ref().unwrap().text,
        std::path::absolute(&target).unwrap().display().to_string()
    );
    harness.get_by_label("OK").click();
    harness.run_steps(2);
    let ctx = harness.ctx.clone();
    harness.state_mut().wait_for_disk(&ctx);
    assert!(target.is_file());
}

/// The review queue: R opens the findings panel, N goes to the first unreviewed finding,
/// C confirms it and moves on, D dismisses the next, and Undo takes the dismissal back.
#[test]
fn the_review_queue_confirms_and_dismisses_with_keys() {
    let mut harness = harness(app_with(super::sample_files(), false));
    harness.key_press(Key::R);
    harness.run_steps(2);
    assert!(harness.state().findings_panel.open);
    harness.get_by_label("Next unreviewed");
    let queue = harness.state().queue();
    assert!(queue.len() >= 2, "{} findings", queue.len());
    harness.get_by_label(&format!("– of {}", queue.len()));
    harness.key_press(Key::N);
    harness.run_steps(2);
    let first = harness
        .state()
        .selected_finding
        .expect("N selects the first unreviewed finding");
    assert_eq!(first, queue[0]);
    harness.get_by_label(&format!("1 of {}", queue.len()));
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
    harness.get_by_label(&format!("2 of {}", queue.len()));
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

/// Issue 11: search highlights stayed in the columns after Esc closed the search.
#[test]
fn search_highlights_go_when_esc_closes_the_search() {
    let mut harness = harness(app_with(super::sample_files(), false));
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::F);
    harness.run();
    harness.state_mut().search.query = "Sarnovec".into();
    harness.run();
    assert!(!harness.state().search_highlights().is_empty());
    harness.key_press(Key::Escape);
    harness.run();
    assert!(!harness.state().search.open);
    assert!(harness.state().search_highlights().is_empty());
}

/// Issue 11: the status bar said "1 notes".
#[test]
fn one_note_is_counted_in_the_singular() {
    let mut app = app_with(super::sample_files(), false);
    let ctx = egui::Context::default();
    let passage = app.analysis.as_ref().unwrap().report.documents[0].passages[0].clone();
    app.edit(
        super::session::EditAction::AddNote {
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
    assert_eq!(super::count(1, "difference", "differences"), "1 difference");
    assert_eq!(
        super::count(2, "difference", "differences"),
        "2 differences"
    );
}

/// Issue 11: the shortcuts window left out Ctrl+S, Ctrl+Z, Ctrl+Shift+Z and Ctrl+click. It is
/// drawn from the key table now, so every key that is handled is listed.
#[test]
fn the_shortcuts_window_lists_every_key_of_the_table() {
    let mut harness = harness(app_with(super::sample_files(), false));
    harness.state_mut().show_shortcuts = true;
    harness.run();
    for binding in super::keys::KEYS {
        let keys = super::keys::key_text(binding);
        assert!(
            harness.get_all_by_label_contains(&keys).next().is_some(),
            "{keys} is listed"
        );
    }
    harness.get_by_label("Ctrl+S");
    harness.get_by_label("Ctrl+Shift+Z / Ctrl+Y");
    harness.get_by_label("Ctrl+Z");
    harness.get_by_label("Click, then Ctrl+click");
    harness.get_by_label("Confirm the current finding, then go to the next unreviewed");
}

/// Presses and releases the primary button at a point, with modifiers.
fn click_at(
    harness: &mut Harness<'static, ParallaxApp>,
    pos: egui::Pos2,
    modifiers: egui::Modifiers,
) {
    harness.hover_at(pos);
    for pressed in [true, false] {
        harness.event_modifiers(
            egui::Event::PointerButton {
                pos,
                button: egui::PointerButton::Primary,
                pressed,
                modifiers,
            },
            modifiers,
        );
    }
    harness.run_steps(2);
}

/// Where a passage is on screen now, if its column is drawn.
fn passage_point(app: &ParallaxApp, at: parallax::model::PassageRef) -> Option<egui::Pos2> {
    let analysis = app.analysis.as_ref()?;
    let column = app.geometry.iter().find(|c| c.document == at.document)?;
    let layout = analysis.layouts[at.document.get()].as_ref()?;
    let passage = analysis.report.passage(at);
    let text = &analysis.report.documents[at.document.get()].text;
    // The middle of the passage's first characters (a line may hold two sentences).
    let first = *layout
        .span_rects(text, passage.start, passage.start + 3)
        .first()?;
    let point = first.translate(column.origin.to_vec2()).center();
    column.clip.contains(point).then_some(point)
}

/// The first body passage in no event of each of the first two documents, scrolled into view.
fn two_free_passages(
    harness: &mut Harness<'static, ParallaxApp>,
) -> (parallax::model::PassageRef, parallax::model::PassageRef) {
    let report = harness.state().analysis.as_ref().unwrap().report.clone();
    let event_of = report.event_of_passages();
    let free = |d: usize| {
        report.documents[d]
            .passages
            .iter()
            .find(|p| {
                p.role == parallax::model::PassageRole::Body && event_of[d][p.index.get()].is_none()
            })
            .map(|p| parallax::model::PassageRef {
                document: report.documents[d].index,
                passage: p.index,
            })
            .expect("a passage in no event")
    };
    let (a, b) = (free(0), free(1));
    for at in [a, b] {
        let passage = report.passage(at).clone();
        harness.state_mut().commands.push(super::Command::ScrollTo {
            document: at.document,
            start: passage.start,
            end: passage.end,
        });
    }
    harness.run();
    (a, b)
}

/// Copies of the sample articles in `folder`, so that a test may change them.
fn copied_samples(folder: &std::path::Path) -> Vec<PathBuf> {
    super::sample_files()
        .into_iter()
        .map(|sample| {
            let copy = folder.join(sample.file_name().unwrap());
            std::fs::copy(&sample, &copy).unwrap();
            copy
        })
        .collect()
}

/// Waits for the analysis the last edit started, drawing frames meanwhile.
fn settle(harness: &mut Harness<'static, ParallaxApp>) {
    let ctx = harness.ctx.clone();
    harness.state_mut().wait_for_analysis(&ctx);
    harness.run_steps(4);
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
    harness.state_mut().commands.push(super::Command::ScrollTo {
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
    let mut fresh = ParallaxApp::with_state(Remembered {
        has_run: true,
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
    let mut app = app_with(super::sample_files(), false);
    let ctx = egui::Context::default();
    let event = app.analysis.as_ref().unwrap().report.events[0].index;
    app.edit(
        super::session::EditAction::Rename(event, "My label".into()),
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
fn unsaved_work_is_autosaved_and_offered_at_the_next_start() {
    let folder = tempfile::tempdir().unwrap();
    let data = folder.path().join("data");
    let mut app = app_with(super::sample_files(), false);
    app.work.data_dir = Some(data.clone());
    let ctx = egui::Context::default();
    let event = app.analysis.as_ref().unwrap().report.events[0].index;
    app.edit(
        super::session::EditAction::Rename(event, "Kept".into()),
        &ctx,
    );
    app.wait_for_analysis(&ctx);
    // What eframe does on exit.
    app.autosave(&ctx, true);
    app.wait_for_disk(&ctx);
    // A "crash": the next start finds the autosave and offers it.
    let mut next = ParallaxApp::with_state(Remembered::default());
    next.work = super::session::Workspace::new(Some(data.clone()));
    assert!(next.work.restore_offer.is_some());
    next.restore_autosave(&ctx);
    next.wait_for_analysis(&ctx);
    assert_eq!(
        next.analysis.as_ref().unwrap().report.events[0].label,
        "Kept"
    );
    assert!(next.work.dirty(), "restored work is not saved yet");
}

#[test]
fn a_bad_session_gives_a_notice_and_is_left_alone() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("broken.parallax.ron");
    std::fs::write(&path, "(version: 2, documents: [ (path: ").unwrap();
    let mut app = app_with(super::sample_files(), false);
    let ctx = egui::Context::default();
    app.open_session(path.clone(), &ctx);
    app.wait_for_disk(&ctx);
    let notice = app.notices.last().expect("a notice");
    assert!(notice.error);
    assert!(
        notice.text.contains("broken.parallax.ron"),
        "{}",
        notice.text
    );
    assert!(notice.text.contains("line 1"), "{}", notice.text);
    assert!(
        app.work.path.is_none(),
        "the bad file is not adopted, so never overwritten"
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "(version: 2, documents: [ (path: "
    );
}

#[test]
fn export_from_the_viewer_carries_reviews_and_notes() {
    let folder = tempfile::tempdir().unwrap();
    let mut app = app_with(super::sample_files(), false);
    // The planted number mismatch is below the default confidence: show it.
    app.remembered.show_uncertain = true;
    app.refilter();
    let ctx = egui::Context::default();
    let (finding, claim) = {
        let report = &app.analysis.as_ref().unwrap().report;
        let finding = report
            .findings
            .iter()
            .find(|f| f.kind == FindingKind::NumberMismatch)
            .unwrap();
        (finding.index, finding.claims[0].clone())
    };
    app.edit(
        super::session::EditAction::Review(
            finding,
            Some(parallax::model::ReviewStatus::Dismissed),
            "Different days".into(),
        ),
        &ctx,
    );
    app.wait_for_analysis(&ctx);
    app.edit(
        super::session::EditAction::AddNote {
            document: claim.document,
            start: claim.start,
            end: claim.end,
            event: false,
            text: "Call the press office".into(),
        },
        &ctx,
    );
    app.wait_for_analysis(&ctx);
    for format in [
        parallax::cli::OutputFormat::Html,
        parallax::cli::OutputFormat::Markdown,
        parallax::cli::OutputFormat::Csv,
        parallax::cli::OutputFormat::Json,
    ] {
        let path = folder
            .path()
            .join(format!("report.{}", super::export_extension(format)));
        app.export(format, path.clone(), &ctx);
        app.wait_for_disk(&ctx);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("dismissed"), "{format:?}");
        assert!(text.contains("Different days"), "{format:?}");
        if format != parallax::cli::OutputFormat::Csv {
            assert!(text.contains("Call the press office"), "{format:?}");
        }
        assert_eq!(app.exported.as_deref(), Some(path.as_path()));
    }
    assert!(folder.path().join("report.coverage.csv").is_file());
}

#[test]
fn dragging_a_passage_from_the_margin_onto_another_links_them() {
    let app = app_with(super::sample_files(), false);
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
fn an_article_changed_on_disk_is_noticed_and_reloads() {
    let folder = tempfile::tempdir().unwrap();
    let files = copied_samples(folder.path());
    let mut app = app_with(files.clone(), false);
    let ctx = egui::Context::default();
    let check = |app: &mut ParallaxApp| {
        app.last_watch = std::time::Instant::now() - std::time::Duration::from_secs(2);
        app.watch_files(&ctx);
        app.wait_for_disk(&ctx);
    };
    check(&mut app);
    assert!(app.work.changed.is_empty(), "nothing changed yet");
    let text = std::fs::read_to_string(&files[0]).unwrap();
    std::fs::write(&files[0], format!("An added first line.\n\n{text}")).unwrap();
    check(&mut app);
    assert_eq!(app.work.changed, vec![0]);
    app.run_command(super::Command::ReloadChanged, &ctx);
    app.wait_for_analysis(&ctx);
    assert!(app.work.changed.is_empty());
    let document = &app.analysis.as_ref().unwrap().report.documents[0];
    assert!(document.text.starts_with("An added first line."));
}

/// Issue 12, case 6: a letter with 200 combining accents must not draw a line across the
/// column. Shaped, the marks stack upwards into a tower; the marks beyond a few are drawn as
/// invisible characters of the same length, so what is drawn is the size of a letter with a
/// few accents, and offsets still match.
#[test]
fn case_6_combining_marks_do_not_draw_across_the_column() {
    use super::layout::{MAX_COMBINING_MARKS, display_text};
    let zalgo = format!("Z{}", "\u{0301}".repeat(200));
    let shown = display_text(&zalgo);
    assert_eq!(shown.len(), zalgo.len());
    assert_eq!(shown.chars().count(), zalgo.chars().count());
    assert_eq!(
        display_text("Goïta, Nguyễn"),
        "Goïta, Nguyễn",
        "ordinary accents are kept"
    );
    let ctx = egui::Context::default();
    ctx.set_fonts(super::fonts::definitions());
    // A frame installs the fonts; its texture upload is not needed here.
    let mut output = ctx.run_ui(egui::RawInput::default(), |_| {});
    output.textures_delta.clear();
    // The extent of what is drawn (shaped marks stack upwards, so height is what grows).
    let extent = |text: &str| {
        ctx.fonts_mut(|fonts| {
            let galley = fonts.layout_no_wrap(
                text.to_string(),
                egui::FontId::proportional(15.0),
                egui::Color32::WHITE,
            );
            let bounds = galley.mesh_bounds;
            bounds.width().max(0.0) + bounds.height().max(0.0)
        })
    };
    let few = extent(&format!("Z{}", "\u{0301}".repeat(MAX_COMBINING_MARKS)));
    // Drawn as is, the marks stack into a tower many lines high.
    assert!(extent(&zalgo) > 10.0 * few);
    let many = extent(&shown);
    assert!(many <= few + 2.0, "{many} against {few}");
}

/// Issue 12, case 2, in the viewer: an export never replaces an open article.
#[test]
fn case_2_export_from_the_viewer_never_replaces_an_open_article() {
    let folder = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for file in super::sample_files().iter().take(2) {
        let copy = folder.path().join(file.file_name().unwrap());
        std::fs::copy(file, &copy).unwrap();
        files.push(copy);
    }
    let original = std::fs::read(&files[0]).unwrap();
    let mut app = app_with(files.clone(), false);
    let ctx = egui::Context::default();
    app.export(
        parallax::cli::OutputFormat::Markdown,
        files[0].clone(),
        &ctx,
    );
    app.wait_for_disk(&ctx);
    assert_eq!(std::fs::read(&files[0]).unwrap(), original);
    assert!(app.exported.is_none());
    assert!(
        app.notices
            .iter()
            .any(|n| n.error && n.text.contains("input of the comparison")),
        "{:?}",
        app.notices.iter().map(|n| &n.text).collect::<Vec<_>>()
    );
}

/// Issue 12, case 3, in the viewer: opening a named pipe among the articles must not block
/// (the window never opened). The pipe is reported as not loaded; the other article shows.
#[cfg(unix)]
#[test]
fn case_3_a_named_pipe_among_the_articles_does_not_block_the_viewer() {
    use std::os::unix::ffi::OsStrExt;
    let folder = tempfile::tempdir().unwrap();
    let article = folder.path().join("a.txt");
    std::fs::copy(&super::sample_files()[0], &article).unwrap();
    let fifo = folder.path().join("pipe.txt");
    let name = std::ffi::CString::new(fifo.as_os_str().as_bytes()).unwrap();
    // SAFETY: `name` is a valid NUL-terminated path that outlives the call.
    assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o644) }, 0);
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let app = app_with(vec![article, fifo], false);
        let report = &app.analysis.as_ref().unwrap().report;
        let _ = sender.send((report.documents.len(), report.failures.clone()));
    });
    let (documents, failures) = receiver
        .recv_timeout(std::time::Duration::from_secs(60))
        .expect("the viewer opened the articles without blocking");
    assert_eq!(documents, 1);
    assert!(failures[0].error.contains("named pipe"), "{failures:?}");
}

#[test]
fn uncertain_findings_are_hidden_until_asked_for() {
    let mut app = app_with(super::sample_files(), false);
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

fn harness_sized(app: ParallaxApp, width: f32, height: f32) -> Harness<'static, ParallaxApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(width, height))
        .with_max_steps(60)
        .build_ui_state(|ui, app: &mut ParallaxApp| app.ui(ui), app);
    harness.run_steps(4);
    harness
}

/// The on-screen rectangle of a document's column, when it was drawn this frame.
fn column_rect(app: &ParallaxApp, document: parallax::model::DocId) -> Option<egui::Rect> {
    app.geometry
        .iter()
        .find(|c| c.document == document)
        .map(|c| c.clip)
}

/// Whether a column is drawn and lies inside the visible columns area, left to right.
fn column_in_view(app: &ParallaxApp, document: parallax::model::DocId) -> bool {
    let view = app.columns_viewport;
    column_rect(app, document)
        .is_some_and(|r| r.min.x >= view.min.x - 1.0 && r.max.x <= view.max.x + 1.0)
}

#[test]
fn f7_to_a_finding_in_the_last_column_brings_that_column_into_view() {
    let mut harness = harness_sized(app_with(super::sample_files(), false), 1100.0, 700.0);
    harness.run();
    let last = *harness.state().column_order.last().unwrap();
    let view = harness.state().columns_viewport;
    assert!(
        column_rect(harness.state(), last).is_none_or(|r| !r.intersects(view)),
        "the last column starts off screen"
    );
    let count = harness.state().analysis.as_ref().unwrap().differences.len();
    let mut found = false;
    for _ in 0..count {
        harness.key_press(Key::F7);
        harness.run();
        let app = harness.state();
        let analysis = app.analysis.as_ref().unwrap();
        let finding = &analysis.report.findings[app.selected_finding.unwrap().get()];
        if finding.claims.iter().any(|c| c.document == last) {
            found = true;
            let rect = column_rect(app, last).expect("the last column is drawn");
            assert!(rect.intersects(app.columns_viewport));
            assert!(
                column_in_view(app, last),
                "{rect:?} in {:?}",
                app.columns_viewport
            );
            break;
        }
    }
    assert!(
        found,
        "F7 reaches a finding with a claim in the last column"
    );
}

#[test]
fn selecting_an_event_brings_its_columns_into_view_sideways() {
    let app = app_with(super::sample_files(), false);
    let report = &app.analysis.as_ref().unwrap().report;
    // An event of the last two sources only, or of the last one among others.
    let last = *app.column_order.last().unwrap();
    let event = report
        .events
        .iter()
        .find(|e| {
            let documents = e.documents();
            documents.contains(&last) && !documents.contains(&app.column_order[0])
        })
        .map(|e| e.index)
        .expect("an event without the first source that the last one reports");
    let mut harness = harness_sized(app, 1100.0, 700.0);
    harness
        .state_mut()
        .commands
        .push(super::Command::SelectEvent(Some(event)));
    harness.run();
    let app = harness.state();
    let documents = app.analysis.as_ref().unwrap().report.events[event.get()].documents();
    for document in documents {
        assert!(
            column_in_view(app, document),
            "column {document:?} in view: {:?} in {:?}",
            app.geometry,
            app.columns_viewport
        );
    }
}

#[test]
fn fit_columns_shares_the_width_and_can_be_turned_off_from_the_view_menu() {
    let mut harness = harness(app_with(super::sample_files(), false));
    // Without the side panels the four columns fit at 1600 points.
    harness.state_mut().show_inspector = false;
    harness.state_mut().show_events = false;
    harness.run();
    assert!(
        harness.state().fit_columns(),
        "on by default for four columns"
    );
    let order = harness.state().column_order.clone();
    for document in &order {
        assert!(
            column_in_view(harness.state(), *document),
            "{:?} in {:?}",
            harness.state().geometry,
            harness.state().columns_viewport
        );
        let width = column_rect(harness.state(), *document).unwrap().width();
        assert!(width >= super::columns::FIT_MIN_WIDTH - 1.0, "{width}");
    }
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Fit columns").click();
    harness.run();
    assert_eq!(harness.state().remembered.fit_columns, Some(false));
    assert!(!column_in_view(harness.state(), *order.last().unwrap()));
}

#[test]
fn at_900_by_600_the_events_panel_folds_and_a_whole_column_is_readable() {
    let mut harness = harness_sized(app_with(super::sample_files(), false), 900.0, 600.0);
    harness.run();
    assert!(harness.state().narrow);
    assert!(
        harness.query_by_label("Events").is_none(),
        "folded to a strip"
    );
    let app = harness.state();
    let readable = app
        .geometry
        .iter()
        .any(|c| c.clip.width() >= 300.0 && column_in_view(app, c.document));
    assert!(readable, "{:?} in {:?}", app.geometry, app.columns_viewport);
    // The strip's button opens the panel, and its « folds it again.
    harness.get_by_label("»").click();
    harness.run();
    harness.get_by_label("Events");
    harness.get_by_label("«").click();
    harness.run();
    assert!(harness.query_by_label("Events").is_none());
}

#[test]
fn on_a_narrow_window_the_inspector_is_an_overlay_that_closes() {
    let app = app_with(super::sample_files(), false);
    let event = app.analysis.as_ref().unwrap().report.events[0].index;
    let mut harness = harness_sized(app, 1100.0, 700.0);
    harness.state_mut().select_event(Some(event));
    harness.run();
    assert!(
        harness
            .query_by_label("Why these passages were aligned")
            .is_none()
    );
    harness.get_by_label("Inspector").click();
    harness.run();
    harness.get_by_label("Why these passages were aligned");
    harness.get_by_label("Close window").click();
    harness.run();
    assert!(!harness.state().inspector_overlay);
    assert!(
        harness
            .query_by_label("Why these passages were aligned")
            .is_none()
    );
}

#[test]
fn the_inspector_keeps_its_width_from_one_selection_to_the_next() {
    let app = app_with(super::sample_files(), false);
    let events: Vec<_> = app
        .analysis
        .as_ref()
        .unwrap()
        .report
        .events
        .iter()
        .map(|e| e.index)
        .collect();
    let mut harness = harness(app);
    let mut widths = Vec::new();
    for event in events {
        harness.state_mut().select_event(Some(event));
        harness.run();
        widths.push(harness.state().panel_widths.1.unwrap());
    }
    let first = widths[0];
    assert!(widths.iter().all(|w| (w - first).abs() < 0.5), "{widths:?}");
}
