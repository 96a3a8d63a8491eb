//! The inspector that explains: a block per finding with its confidence and evidence, a card
//! per source with its claims and values, and nothing overlapping or cut off at the right.

use super::*;

/// The sample event with the most findings, with uncertain findings shown too.
fn app_on_busiest_event(width: f32, height: f32) -> Harness<'static, ParallaxApp> {
    let mut app = app_with(crate::app::sample_files(), false);
    app.remembered.show_uncertain = true;
    app.refilter();
    let analysis = app.analysis.as_ref().unwrap();
    let event = analysis
        .report
        .events
        .iter()
        .max_by_key(|e| analysis.findings_of(e.index).count())
        .unwrap()
        .index;
    let mut harness = harness_sized(app, width, height);
    harness.state_mut().select_event(Some(event));
    harness.state_mut().inspector_overlay = true;
    harness.run_steps(6);
    harness
}

/// Rectangles of every node whose label is exactly one of `labels`, and of the claim links.
fn widget_rects(harness: &Harness<'static, ParallaxApp>, labels: &[&str]) -> Vec<egui::Rect> {
    let mut rects: Vec<egui::Rect> = labels
        .iter()
        .flat_map(|label| harness.get_all_by_label(label).map(|n| n.rect()))
        .collect();
    rects.extend(
        harness
            .get_all_by_role(egui::accesskit::Role::Link)
            .filter(|n| {
                use egui_kittest::kittest::NodeT;
                n.accesskit_node().label().is_some_and(|l| l.contains('“'))
            })
            .map(|n| n.rect()),
    );
    rects
}

fn assert_inside_and_apart(rects: &[egui::Rect], left: f32, right: f32) {
    for (index, rect) in rects.iter().enumerate() {
        assert!(
            rect.left() >= left - 0.5 && rect.right() <= right + 0.5,
            "{rect:?} outside {left}..{right}"
        );
        for other in &rects[index + 1..] {
            let overlap = rect.intersect(*other);
            assert!(
                overlap.width() <= 0.5 || overlap.height() <= 0.5,
                "{rect:?} overlaps {other:?}"
            );
        }
    }
}

#[test]
fn the_inspector_explains_each_finding_and_each_source() {
    let harness = app_on_busiest_event(1600.0, 1000.0);
    let app = harness.state();
    let analysis = app.analysis.as_ref().unwrap();
    let event = app.selected_event.unwrap();
    let findings: Vec<_> = analysis.findings_of(event).collect();
    assert!(findings.len() >= 2, "{}", findings.len());
    for finding in &findings {
        harness.get_by_label(&format!("confidence {:.2}", finding.confidence));
        for line in &finding.evidence {
            assert!(harness.get_all_by_label(&format!("– {line}")).count() > 0);
        }
        for claim in &finding.claims {
            assert!(
                harness
                    .get_all_by_label(&format!("“{}”", claim.text))
                    .count()
                    > 0
            );
            if let Some(value) = claim.value.as_deref().filter(|v| *v != claim.text) {
                assert!(harness.get_all_by_label(&format!("= {value}")).count() > 0);
            }
        }
    }
    // A card per source, named.
    let report = &analysis.report;
    for document in report.events[event.get()].documents() {
        assert!(
            harness
                .get_all_by_label(&report.documents[document.get()].display_name())
                .count()
                > 0
        );
    }
    harness.get_by_label_contains(&format!(
        "Alignment confidence {:.2}",
        report.events[event.get()].confidence
    ));
}

#[test]
fn the_inspector_never_overlaps_or_cuts_off_in_its_panel() {
    let harness = app_on_busiest_event(1600.0, 1000.0);
    let screen = harness.ctx.content_rect();
    let width = harness.state().panel_widths.1.unwrap();
    let rects = widget_rects(&harness, &["Confirm", "Dismiss"]);
    assert!(rects.len() >= 4);
    assert_inside_and_apart(&rects, screen.right() - width, screen.right());
}

#[test]
fn the_inspector_never_overlaps_or_cuts_off_as_an_overlay() {
    let harness = app_on_busiest_event(1280.0, 800.0);
    assert!(harness.state().narrow);
    let screen = harness.ctx.content_rect();
    // The overlay window, the widest of the nodes called "Inspector".
    let window = harness
        .get_all_by_label("Inspector")
        .map(|n| n.rect())
        .max_by(|a, b| a.width().total_cmp(&b.width()))
        .unwrap();
    let rects = widget_rects(&harness, &["Confirm", "Dismiss"]);
    assert!(rects.len() >= 4);
    assert_inside_and_apart(&rects, window.left(), screen.right());
}
