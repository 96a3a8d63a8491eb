//! The viewer driven through AccessKit with `egui_kittest`: real clicks and keys on the real
//! app, and image snapshots of what a user sees first (rendered on the CPU by wgpu).
//!
//! This file holds the helpers; the tests are grouped by what they drive.

use crate::app::{MainView, ParallaxApp, Remembered};
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use parallax::model::FindingKind;
use std::path::PathBuf;

mod columns;
mod connectors;
mod counts;
mod editing;
mod files;
mod heat_map;
mod inspector;
mod labels;
mod layout;
mod names;
mod narrow;
mod navigation;
mod sessions;
mod snapshots;
mod sync;

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

/// The "⋯" menu button in the header of `document`'s column.
fn column_menu_button(
    harness: &Harness<'static, ParallaxApp>,
    document: parallax::model::DocId,
) -> egui::Pos2 {
    let column = column_rect(harness.state(), document).expect("column drawn");
    harness
        .get_all_by_label("⋯")
        .map(|node| node.rect())
        // In the header, above the column's text and within its width.
        .find(|rect| column.x_range().contains(rect.center().x) && rect.bottom() <= column.top())
        .expect("a column menu in the column")
        .center()
}

fn harness(app: ParallaxApp) -> Harness<'static, ParallaxApp> {
    let mut harness = Harness::builder()
        // Selecting shows new widgets and scroll bars, which take a few frames to settle.
        .with_max_steps(8)
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
        harness
            .state_mut()
            .commands
            .push(crate::app::Command::ScrollTo {
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
    crate::app::sample_files()
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
