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
fn ctrl_o_without_a_dialog_backend_says_so() {
    if super::worker::dialogs_available() {
        // A portal or zenity is present: Ctrl+O would open a real dialog.
        eprintln!("skipped: a file dialog backend is available here");
        return;
    }
    let mut harness = harness(app_with(super::sample_files()[..2].to_vec(), false));
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::O);
    harness.run();
    assert!(
        harness
            .state()
            .notices
            .iter()
            .any(|n| n.text.starts_with("No file dialog can be shown"))
    );
    harness.get_by_label_contains("No file dialog can be shown");
}
