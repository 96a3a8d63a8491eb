//! Counts and lists that agree: "differences" means the same in the status bar, the
//! findings panel and F7, one-source items are counted apart and listed after the
//! differences, the panel follows the current finding, notices go after a few seconds, and Esc closes the help windows.

use super::*;
use crate::app::Notice;
use crate::app::analysis::counts_as_difference;
use egui_kittest::kittest::NodeT;

/// The status bar's text.
fn status_text(harness: &Harness<'static, ParallaxApp>) -> String {
    harness
        .get_by_label_contains(" articles · ")
        .accesskit_node()
        .value()
        .unwrap_or_default()
        .to_string()
}

/// Issue 22, item 7: the status bar said "10 differences" and the findings panel "– of 11"
/// (it counted one-source items and dismissed findings, the status bar neither).
#[test]
fn the_status_bar_and_the_findings_panel_count_the_same_differences() {
    let mut harness = harness(app_with(crate::app::sample_files(), false));
    harness.key_press(Key::R);
    harness.run_steps(2);
    let counts = harness.state().analysis.as_ref().unwrap().counts();
    assert!(
        counts.differences >= 2 && counts.one_source >= 1,
        "{counts:?}"
    );
    let status = status_text(&harness);
    assert!(
        status.contains(&format!("{} differences ·", counts.differences)),
        "{status}"
    );
    assert!(
        status.contains(&format!(
            "· {} ·",
            crate::app::count(counts.one_source, "one-source item", "one-source items")
        )),
        "{status}"
    );
    // Nothing selected: the panel says how many, in the same words, and no "– of".
    harness.get_by_label(&format!("{} differences", counts.differences));
    assert!(harness.query_by_label_contains("– of").is_none());
    // Dismissing one: still a difference, counted as dismissed in both places.
    let first = harness.state().analysis.as_ref().unwrap().differences[0];
    harness.state_mut().select_finding(first);
    harness.key_press(Key::D);
    harness.run_steps(2);
    settle(&mut harness);
    let after = harness.state().analysis.as_ref().unwrap().counts();
    assert_eq!(after.differences, counts.differences);
    assert_eq!(after.dismissed, 1);
    let status = status_text(&harness);
    assert!(
        status.contains(&format!("{} differences (1 dismissed)", counts.differences)),
        "{status}"
    );
    // D moved on to the second difference: its place among the same number.
    harness.get_by_label(&format!("2 of {} differences", counts.differences));
    // F7 steps through the ones not dismissed.
    let analysis = harness.state().analysis.as_ref().unwrap();
    assert_eq!(analysis.differences.len(), counts.differences - 1);
}

/// Issue 22, item 13: one-source items filled the review queue alongside the differences.
/// The default list puts every difference first and says how many one-source items follow.
#[test]
fn the_default_queue_lists_differences_first_then_one_source_items() {
    let mut app = app_with(crate::app::sample_files(), false);
    app.remembered.show_uncertain = true;
    app.refilter();
    app.findings_panel.open = true;
    let mut harness = harness(app);
    let app = harness.state();
    let report = &app.analysis.as_ref().unwrap().report;
    let kinds: Vec<FindingKind> = app
        .queue()
        .iter()
        .map(|f| report.findings[f.get()].kind)
        .collect();
    let first_unique = kinds
        .iter()
        .position(|k| *k == FindingKind::Unique)
        .expect("a one-source item");
    assert!(first_unique > 0);
    assert!(
        kinds[..first_unique]
            .iter()
            .all(|k| counts_as_difference(*k))
    );
    assert!(
        kinds[first_unique..]
            .iter()
            .all(|k| *k == FindingKind::Unique)
    );
    let one_source = kinds.len() - first_unique;
    harness.get_by_label(&format!(
        "then {}",
        crate::app::count(one_source, "one-source item", "one-source items")
    ));
    // The first one-source item says where it is among them.
    let unique = harness.state().queue()[first_unique];
    harness.state_mut().select_finding(unique);
    harness.run();
    harness.get_by_label(&format!("one-source item 1 of {one_source}"));
    // The order is the panel's doing: a one-source item early in the report (the engine
    // happens to put them last) still comes after every difference.
    let early = harness.state().queue()[0];
    let analysis = harness.state_mut().analysis.as_mut().unwrap();
    analysis.report.findings[early.get()].kind = FindingKind::Unique;
    let queue = harness.state().queue();
    let place = queue.iter().position(|f| *f == early).unwrap();
    assert_eq!(place, first_unique - 1, "after the differences left");
}

/// F7 scrolled the columns but not the findings panel's list to the current row.
#[test]
fn f7_scrolls_the_findings_list_to_the_current_row() {
    let mut harness = harness(app_with(crate::app::sample_files(), false));
    harness.key_press(Key::R);
    harness.run_steps(2);
    // Shift+F7 from nothing selected: the last difference, far down the list.
    harness.key_press_modifiers(egui::Modifiers::SHIFT, Key::F7);
    harness.run();
    let app = harness.state();
    let current = app.selected_finding.unwrap();
    let position = app.queue().iter().position(|f| *f == current).unwrap();
    assert!(
        position >= 8,
        "far enough down to be out of view: {position}"
    );
    let summary = app.analysis.as_ref().unwrap().report.findings[current.get()]
        .summary
        .clone();
    let header = harness.get_by_label("Next unreviewed").rect();
    let status = harness.get_by_label_contains(" articles · ").rect();
    let row = harness
        .get_all_by_label(&summary)
        .map(|n| n.rect())
        .find(|r| r.min.y > header.max.y)
        .expect("the current row is drawn in the list");
    assert!(row.max.y <= status.min.y, "{row:?} above the status bar");
}

/// Notices stayed on screen for minutes, also after another comparison was opened.
#[test]
fn notices_go_after_a_few_seconds_and_with_the_comparison() {
    let mut harness = harness(app_with(crate::app::sample_files(), false));
    harness
        .state_mut()
        .notices
        .push(Notice::info("A passing remark"));
    harness
        .state_mut()
        .notices
        .push(Notice::error("A serious matter"));
    harness.run_steps(2);
    harness.get_by_label("A passing remark");
    harness.get_by_label("A serious matter");
    // Each step is a quarter of a second.
    harness.run_steps(28);
    assert!(harness.query_by_label("A passing remark").is_none());
    harness.get_by_label("A serious matter");
    harness.run_steps(36);
    assert!(harness.query_by_label("A serious matter").is_none());
    assert!(harness.state().notices.is_empty());
    // Opening another comparison takes what was said about this one away at once.
    harness
        .state_mut()
        .notices
        .push(Notice::error("About the old one"));
    harness.run_steps(1);
    harness.get_by_label("About the old one");
    let ctx = harness.ctx.clone();
    let samples = crate::app::sample_files();
    harness.state_mut().open(samples[..2].to_vec(), &ctx);
    harness.run_steps(1);
    assert!(harness.query_by_label("About the old one").is_none());
}

#[test]
fn esc_closes_the_shortcuts_and_the_legend() {
    let mut harness = harness(app_with(crate::app::sample_files(), false));
    harness.state_mut().show_shortcuts = true;
    harness.state_mut().show_legend = true;
    harness.run();
    harness.get_by_label("Keyboard shortcuts");
    harness.key_press(Key::Escape);
    harness.run();
    assert!(!harness.state().show_shortcuts);
    assert!(!harness.state().show_legend);
    assert!(harness.query_by_label("Keyboard shortcuts").is_none());
    // With the search open too, the windows go first, then the search.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::F);
    harness.state_mut().show_legend = true;
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
    assert!(!harness.state().show_legend);
    assert!(harness.state().search.open);
    harness.key_press(Key::Escape);
    harness.run();
    assert!(!harness.state().search.open);
}
