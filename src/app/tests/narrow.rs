//! Small windows (issue 22, item 4): nothing the user needs for the selected finding is
//! covered. The inspector overlay used to cover the column holding a claim and the findings
//! panel's Dismiss, F7 arranged the columns as if it were not there, at 900×600 inspector
//! and findings panel hid the review buttons, and opening the events panel scrolled the
//! selected claim out of view.

use super::*;
use parallax::model::{Claim, FindingId};

/// A viewer `width`×`height` with the findings panel and the inspector open.
fn narrow_with_panels(width: f32, height: f32) -> Harness<'static, ParallaxApp> {
    let mut app = app_with(crate::app::sample_files(), false);
    app.findings_panel.open = true;
    app.narrow_inspector = true;
    let mut harness = harness_sized(app, width, height);
    harness.run();
    assert!(harness.state().narrow);
    harness
}

/// Whether a claim's first characters are inside its column's visible area.
fn claim_in_view(app: &ParallaxApp, claim: &Claim) -> bool {
    let analysis = app.analysis.as_ref().unwrap();
    let Some(column) = app.geometry.iter().find(|c| c.document == claim.document) else {
        return false;
    };
    let layout = analysis.layouts[claim.document.get()].as_ref().unwrap();
    let text = &analysis.report.documents[claim.document.get()].text;
    let end = (claim.start + 3).min(claim.end);
    layout
        .span_rects(text, claim.start, end)
        .first()
        .is_some_and(|r| {
            column
                .clip
                .contains_rect(r.translate(column.origin.to_vec2()))
        })
}

/// The rectangles of the nodes labelled `label` outside the inspector's band of the window
/// (its cards scrolled out of its view are clipped, not outside it).
fn outside_inspector(harness: &Harness<'static, ParallaxApp>, label: &str) -> Vec<egui::Rect> {
    let inspector = harness.state().inspector_rect;
    harness
        .get_all_by_label(label)
        .map(|n| n.rect())
        .filter(|r| !inspector.x_range().contains(r.center().x))
        .collect()
}

/// For the selected finding: its first claim is in view, no column holding a claim is under
/// the inspector, and the findings panel's Confirm and Dismiss are on screen, clear of it.
fn assert_nothing_covered(harness: &Harness<'static, ParallaxApp>, finding: FindingId) {
    let app = harness.state();
    let screen = harness.ctx.content_rect();
    let inspector = app.inspector_rect;
    assert!(inspector.width() > 200.0, "the inspector is open");
    let found = &app.analysis.as_ref().unwrap().report.findings[finding.get()];
    assert!(
        claim_in_view(app, &found.claims[0]),
        "{:?}: the first claim is in view",
        found.summary
    );
    for claim in &found.claims {
        if let Some(column) = app.geometry.iter().find(|c| c.document == claim.document) {
            assert!(
                !column.clip.intersects(inspector),
                "{column:?} under the inspector {inspector:?}"
            );
        }
    }
    for label in ["Confirm", "Dismiss"] {
        let rects = outside_inspector(harness, label);
        assert_eq!(rects.len(), 1, "the findings panel's {label}");
        assert!(screen.contains_rect(rects[0]), "{label} at {:?}", rects[0]);
        assert!(!rects[0].intersects(inspector));
        // And its own, inside the inspector.
        assert!(harness.get_all_by_label(label).count() >= 2);
    }
}

/// Selects every difference in turn at the given window size and checks that nothing it
/// needs is covered.
fn nothing_covered_at(width: f32, height: f32) {
    let mut harness = narrow_with_panels(width, height);
    let differences = harness
        .state()
        .analysis
        .as_ref()
        .unwrap()
        .differences
        .clone();
    for finding in differences {
        harness.state_mut().select_finding(finding);
        harness.run();
        assert_nothing_covered(&harness, finding);
    }
}

#[test]
fn at_1280_by_800_the_claim_column_and_dismiss_are_not_covered() {
    nothing_covered_at(1280.0, 800.0);
}

#[test]
fn at_900_by_600_the_review_buttons_and_the_claim_stay_in_view() {
    nothing_covered_at(900.0, 600.0);
}

/// F7 arranges the columns in the room beside the inspector: the columns it brings into
/// view end where the inspector starts.
#[test]
fn f7_arranges_the_columns_beside_the_inspector() {
    let mut harness = narrow_with_panels(1280.0, 800.0);
    let count = harness.state().analysis.as_ref().unwrap().differences.len();
    for _ in 0..count {
        harness.key_press(Key::F7);
        harness.run();
        let app = harness.state();
        let inspector = app.inspector_rect;
        assert!(app.columns_viewport.max.x <= inspector.min.x + 0.5);
        let finding = app.selected_finding.unwrap();
        let found = &app.analysis.as_ref().unwrap().report.findings[finding.get()];
        assert!(claim_in_view(app, &found.claims[0]), "{}", found.summary);
    }
}

/// Opening the events panel narrows the columns: the selected claim comes back into view.
#[test]
fn opening_the_events_panel_keeps_the_selected_claim_in_view() {
    let mut harness = narrow_with_panels(1280.0, 800.0);
    let differences = harness
        .state()
        .analysis
        .as_ref()
        .unwrap()
        .differences
        .clone();
    for finding in differences {
        harness.state_mut().events_expanded = false;
        harness.run();
        harness.state_mut().select_finding(finding);
        harness.run();
        harness.get_by_label("»").click();
        harness.run();
        assert!(harness.state().events_expanded);
        harness.get_by_label("Events");
        let app = harness.state();
        let found = &app.analysis.as_ref().unwrap().report.findings[finding.get()];
        assert!(
            claim_in_view(app, &found.claims[0]),
            "{}: in view after the events panel opened",
            found.summary
        );
    }
}

/// At 900 points the events panel and the inspector do not both fit beside a readable
/// column: opening one folds the other.
#[test]
fn at_900_the_events_panel_and_the_inspector_take_turns() {
    let mut harness = narrow_with_panels(900.0, 600.0);
    harness.get_by_label("»").click();
    harness.run();
    assert!(harness.state().events_expanded);
    assert!(!harness.state().narrow_inspector, "the inspector folded");
    harness.get_by_label("Inspector").click();
    harness.run();
    assert!(harness.state().narrow_inspector);
    assert!(!harness.state().events_expanded, "the events panel folded");
    let app = harness.state();
    assert!(app.geometry.iter().any(|c| c.clip.width() >= 300.0));
}
