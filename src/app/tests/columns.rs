//! Arranging columns: pinning a base column at the left, "Compare two" from the overview and
//! from a column's menu (and back to all), and resizing a column by dragging its edge.

use super::*;
use parallax::model::DocId;

fn name_of(app: &ParallaxApp, document: DocId) -> String {
    app.analysis.as_ref().unwrap().report.documents[document.get()].display_name()
}

fn drawn_columns(app: &ParallaxApp) -> Vec<DocId> {
    app.geometry.iter().map(|g| g.document).collect()
}

#[test]
fn a_pinned_base_column_stays_at_the_left_while_the_others_scroll() {
    let mut harness = harness(app_with(crate::app::sample_files(), false));
    let order = harness.state().column_order.clone();
    let (base, last) = (order[1], *order.last().unwrap());
    assert!(
        !column_in_view(harness.state(), last),
        "not every column fits"
    );
    let menu = column_menu_button(&harness, base);
    click_at(&mut harness, menu, egui::Modifiers::NONE);
    harness.get_by_label("Pin as base").click();
    harness.run();
    assert_eq!(harness.state().pinned, Some(base));
    let left = harness.state().columns_viewport.left();
    let pinned = column_rect(harness.state(), base).unwrap();
    assert!((pinned.left() - left).abs() < 2.0, "{pinned:?} at {left}");
    // Bring the last column into view sideways: the base does not move.
    harness.state_mut().reveal_columns = vec![last];
    harness.run();
    assert!(column_in_view(harness.state(), last));
    assert_eq!(column_rect(harness.state(), base), Some(pinned));
    assert_eq!(
        drawn_columns(harness.state())[0],
        base,
        "drawn first, connected to the next"
    );
    // And it unpins from the same menu.
    let menu = column_menu_button(&harness, base);
    click_at(&mut harness, menu, egui::Modifiers::NONE);
    harness.get_by_label("Unpin base").click();
    harness.run();
    assert_eq!(harness.state().pinned, None);
}

/// Issue 22, item 9: pinning a base scrolled that column to the top. It keeps its reading
/// position, pinned and unpinned.
#[test]
fn pinning_a_base_keeps_its_reading_position() {
    let mut harness = harness(app_with(crate::app::sample_files(), false));
    let base = harness.state().column_order[1];
    // Read the base column down to a passage two thirds of the way in.
    let (start, end) = {
        let report = &harness.state().analysis.as_ref().unwrap().report;
        let passages = &report.documents[base.get()].passages;
        let passage = &passages[passages.len() * 2 / 3];
        (passage.start, passage.end)
    };
    harness
        .state_mut()
        .commands
        .push(crate::app::Command::ScrollTo {
            document: base,
            start,
            end,
        });
    harness.run();
    let offset = |harness: &Harness<'static, ParallaxApp>| harness.state().scroll_offsets[&base];
    let before = offset(&harness);
    assert!(before > 100.0, "scrolled down: {before}");
    let menu = column_menu_button(&harness, base);
    click_at(&mut harness, menu, egui::Modifiers::NONE);
    harness.get_by_label("Pin as base").click();
    harness.run();
    assert_eq!(harness.state().pinned, Some(base));
    let pinned = offset(&harness);
    assert!(
        (pinned - before).abs() < 2.0,
        "pinned at {pinned}, read at {before}"
    );
    let menu = column_menu_button(&harness, base);
    click_at(&mut harness, menu, egui::Modifiers::NONE);
    harness.get_by_label("Unpin base").click();
    harness.run();
    assert!((offset(&harness) - before).abs() < 2.0, "and unpinned");
}

#[test]
fn compare_two_from_the_overview_shows_just_those_two_and_all_come_back() {
    let mut harness = harness(app_with(crate::app::sample_files(), false));
    let order = harness.state().column_order.clone();
    harness.get_by_label("Overview").click();
    harness.run();
    let (a, b) = (order[0], order[2]);
    harness.get_by_label(&name_of(harness.state(), a)).click();
    harness.run();
    harness.get_by_label(&name_of(harness.state(), b)).click();
    harness.run();
    harness.get_by_label("Compare two").click();
    harness.run_steps(3);
    assert_eq!(harness.state().view, MainView::Columns);
    assert_eq!(harness.state().shown_columns(), vec![a, b]);
    assert_eq!(drawn_columns(harness.state()), vec![a, b]);
    harness.get_by_label_contains("Comparing two sources");
    harness.get_by_label("Show all columns").click();
    harness.run_steps(3);
    assert_eq!(harness.state().shown_columns(), order);
}

#[test]
fn compare_two_from_a_column_menu() {
    let mut harness = harness(app_with(crate::app::sample_files(), false));
    let order = harness.state().column_order.clone();
    let (a, b) = (order[0], order[3]);
    let menu = column_menu_button(&harness, a);
    click_at(&mut harness, menu, egui::Modifiers::NONE);
    harness.get_by_label("Compare two").hover();
    harness.run();
    harness
        .get_by_label(&format!("With {}", name_of(harness.state(), b)))
        .click();
    harness.run_steps(3);
    assert_eq!(drawn_columns(harness.state()), vec![a, b]);
    for document in [a, b] {
        assert!(column_in_view(harness.state(), document));
    }
}

#[test]
fn a_column_is_resized_by_dragging_its_edge() {
    let mut harness = harness(app_with(crate::app::sample_files(), false));
    let order = harness.state().column_order.clone();
    let (first, second) = (order[0], order[1]);
    let before = column_rect(harness.state(), first).unwrap();
    let next_before = column_rect(harness.state(), second).unwrap();
    let grip = harness
        .get_by_label(&format!(
            "Resize column {}",
            name_of(harness.state(), first)
        ))
        .rect()
        .center();
    harness.hover_at(grip);
    harness.event(egui::Event::PointerButton {
        pos: grip,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: egui::Modifiers::NONE,
    });
    harness.run();
    for step in 1..=4 {
        harness.event(egui::Event::PointerMoved(
            grip + egui::vec2(30.0 * step as f32, 0.0),
        ));
        harness.run();
    }
    harness.event(egui::Event::PointerButton {
        pos: grip + egui::vec2(120.0, 0.0),
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: egui::Modifiers::NONE,
    });
    harness.run();
    let after = column_rect(harness.state(), first).unwrap();
    assert!(
        (after.width() - before.width() - 120.0).abs() < 3.0,
        "{before:?} -> {after:?}"
    );
    let next_after = column_rect(harness.state(), second).unwrap();
    assert!((next_after.left() - next_before.left() - 120.0).abs() < 3.0);
}

/// Every edit reruns the comparison, and the columns went back to file order with hidden
/// ones shown each time. The arrangement stays: order, hidden, pinned base, widths.
#[test]
fn the_column_arrangement_survives_an_edit() {
    let mut app = app_with(crate::app::sample_files(), false);
    app.remembered.show_uncertain = true;
    app.refilter();
    let mut harness = harness(app);
    let order = harness.state().column_order.clone();
    harness
        .state_mut()
        .commands
        .push(crate::app::Command::MoveColumn(order[0], 1));
    harness.run();
    let moved = harness.state().column_order.clone();
    assert_eq!(moved[1], order[0]);
    harness.state_mut().hidden.insert(order[3]);
    harness.state_mut().pinned = Some(order[2]);
    harness.state_mut().column_widths.insert(order[1], 333.0);
    // Confirm a finding: an edit, so a new report.
    let finding = harness.state().analysis.as_ref().unwrap().report.findings[0].index;
    harness.state_mut().commands.push(crate::app::Command::Edit(
        crate::app::session::EditAction::Review(
            finding,
            Some(parallax::model::ReviewStatus::Confirmed),
            String::new(),
        ),
    ));
    harness.run();
    settle(&mut harness);
    let report = &harness.state().analysis.as_ref().unwrap().report;
    assert!(
        report.findings.iter().any(|f| f.review.is_some()),
        "the edit was made"
    );
    assert_eq!(harness.state().column_order, moved);
    assert!(harness.state().hidden.contains(&order[3]));
    assert_eq!(harness.state().pinned, Some(order[2]));
    assert_eq!(harness.state().column_widths.get(&order[1]), Some(&333.0));
}

/// The pinned base, "Compare two" and dragged widths are saved in the session file and come
/// back when it is opened again (they were lost on every reopen).
#[test]
fn the_pinned_base_compare_two_and_widths_survive_save_and_reopen() {
    let folder = tempfile::tempdir().unwrap();
    let mut app = app_with(copied_samples(folder.path()), false);
    app.work.data_dir = Some(folder.path().join("data"));
    let session_path = folder.path().join("arranged.parallax.ron");
    app.work.path = Some(session_path.clone());
    let mut harness = harness(app);
    let order = harness.state().column_order.clone();
    let (base, other) = (order[1], order[3]);
    harness.state_mut().pinned = Some(base);
    harness.state_mut().compare_two = Some((base, other));
    harness.state_mut().column_widths.insert(other, 333.0);
    harness.run();
    assert_eq!(drawn_columns(harness.state()), vec![base, other]);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::S);
    harness.run_steps(2);
    let ctx = harness.ctx.clone();
    harness.state_mut().wait_for_disk(&ctx);
    assert!(session_path.is_file());
    let saved = std::fs::read_to_string(&session_path).unwrap();
    assert!(saved.contains("pinned_column"), "{saved}");
    // A fresh viewer opens the session: the same arrangement, drawn.
    let mut fresh = ParallaxApp::with_state(Remembered {
        has_run: true,
        ..Remembered::default()
    });
    let ctx = egui::Context::default();
    fresh.open_session(session_path.clone(), &ctx);
    fresh.wait_for_disk(&ctx);
    fresh.wait_for_analysis(&ctx);
    let name = |app: &ParallaxApp, d: DocId| name_of(app, d);
    let (base_name, other_name) = (name(harness.state(), base), name(harness.state(), other));
    let mut harness = super::harness(fresh);
    let app = harness.state();
    let base = app.pinned.expect("the pinned base came back");
    assert_eq!(name(app, base), base_name);
    let (a, b) = app.comparing_two().expect("Compare two came back");
    assert_eq!(
        (name(app, a), name(app, b)),
        (base_name.clone(), other_name)
    );
    assert_eq!(app.column_widths.get(&b), Some(&333.0));
    assert_eq!(drawn_columns(app), vec![a, b]);
    harness.get_by_label_contains("Comparing two sources");
    let width = column_rect(harness.state(), b).unwrap().width();
    assert!((width - 333.0).abs() < 25.0, "{width}");
    // The base is drawn at the left of the columns area.
    let left = harness.state().columns_viewport.left();
    assert!((column_rect(harness.state(), a).unwrap().left() - left).abs() < 2.0);
    harness.run();
}
