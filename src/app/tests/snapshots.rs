//! Image snapshots of what a user sees (rendered on the CPU by wgpu), and the frame-time
//! benchmark.

use super::*;

/// The main view at `width`×`height` with the first difference selected (its event in the
/// inspector, its claims boxed in their columns), the inspector open or not on a narrow
/// window.
fn snapshot_main_view(width: f32, height: f32, dark: bool, inspector: bool) {
    let app = app_with(crate::app::sample_files(), dark);
    let finding = app.analysis.as_ref().unwrap().differences[0];
    let mut harness = harness_sized(app, width, height);
    harness.state_mut().select_finding(finding);
    harness.state_mut().narrow_inspector = inspector;
    harness.run_steps(8);
    let theme = if dark { "dark" } else { "light" };
    harness.snapshot(format!("main_{width}x{height}_{theme}"));
}

#[test]
fn snapshot_1600_by_1000_light() {
    snapshot_main_view(1600.0, 1000.0, false, false);
}

#[test]
fn snapshot_1600_by_1000_dark() {
    snapshot_main_view(1600.0, 1000.0, true, false);
}

#[test]
fn snapshot_1280_by_800_light() {
    snapshot_main_view(1280.0, 800.0, false, true);
}

#[test]
fn snapshot_1280_by_800_dark() {
    snapshot_main_view(1280.0, 800.0, true, true);
}

#[test]
fn snapshot_900_by_600_light() {
    snapshot_main_view(900.0, 600.0, false, false);
}

#[test]
fn snapshot_900_by_600_dark() {
    snapshot_main_view(900.0, 600.0, true, true);
}

/// Issue 22, item 10: column text was garbled after a theme switch and after a zoom (seen on
/// Mesa's CPU driver). The theme is switched and the zoom changed by the View menu, as a user
/// does, and the window is snapshotted after each.
#[test]
fn snapshot_after_a_theme_switch_and_a_zoom() {
    let app = app_with(crate::app::sample_files(), false);
    let mut harness = harness_sized(app, 1600.0, 1000.0);
    harness.run_steps(4);
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Dark theme").click();
    harness.run_steps(6);
    assert!(harness.ctx.global_style().visuals.dark_mode);
    let layout_dark = |harness: &Harness<'static, ParallaxApp>| {
        let analysis = harness.state().analysis.as_ref().unwrap();
        analysis.layouts.iter().flatten().all(|l| l.dark)
    };
    assert!(layout_dark(&harness), "every column laid out again, dark");
    harness.snapshot("after_theme_switch_1600x1000_dark");
    harness.key_press(Key::Escape);
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Zoom in  Ctrl+=").click();
    harness.run_steps(6);
    let zoom = harness.ctx.pixels_per_point();
    assert!(zoom > 1.05, "zoomed in: {zoom}");
    let analysis = harness.state().analysis.as_ref().unwrap();
    assert!(
        analysis
            .layouts
            .iter()
            .flatten()
            .all(|l| l.pixels_per_point() == Some(zoom)),
        "every column laid out again at the new zoom"
    );
    // The pointer left where the menu item was would show a hover tooltip after a delay
    // that depends on the machine's speed: the pointer leaves the window first.
    harness.event(egui::Event::PointerGone);
    harness.run_steps(2);
    harness.snapshot("after_zoom_1600x1000_dark");
}

#[test]
fn snapshot_overview() {
    let mut harness = harness(app_with(crate::app::sample_files(), false));
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
            .push(crate::app::ScrollRequest {
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
