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
    harness.state_mut().narrow_inspector = true;
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
fn the_inspector_never_overlaps_or_cuts_off_beside_narrow_columns() {
    let harness = app_on_busiest_event(1280.0, 800.0);
    assert!(harness.state().narrow);
    let inspector = harness.state().inspector_rect;
    let rects = widget_rects(&harness, &["Confirm", "Dismiss"]);
    assert!(rects.len() >= 4);
    assert_inside_and_apart(&rects, inspector.left(), inspector.right());
}

/// Issue 22, item 3: a name variant belongs to no event, so after F7 reached one the
/// inspector went on showing the event selected before. Now it shows the finding's card.
#[test]
fn f7_onto_a_name_variant_shows_it_in_the_inspector() {
    let mut harness = harness(app_with(crate::app::sample_files(), false));
    let differences = harness
        .state()
        .analysis
        .as_ref()
        .unwrap()
        .differences
        .clone();
    let mut reached = None;
    for _ in 0..differences.len() {
        harness.key_press(Key::F7);
        harness.run();
        let app = harness.state();
        let report = &app.analysis.as_ref().unwrap().report;
        let finding = &report.findings[app.selected_finding.unwrap().get()];
        if finding.kind == FindingKind::NameVariant {
            reached = Some(finding.clone());
            break;
        }
        assert!(
            app.selected_event.is_some(),
            "the differences before are in events"
        );
    }
    let finding = reached.expect("F7 reaches a name variant");
    assert!(finding.event.is_none());
    assert!(harness.state().selected_event.is_none(), "no stale event");
    // The card: the kind as its heading, the summary, Confirm and Dismiss, each claim.
    let title = format!(
        "{} {}",
        crate::app::palette::kind_symbol(FindingKind::NameVariant),
        FindingKind::NameVariant.title()
    );
    assert!(harness.get_all_by_label(&title).count() >= 1);
    harness.get_by_label(&finding.summary);
    harness.get_by_label_contains("belongs to no shared event");
    harness.get_by_label("Confirm");
    for claim in &finding.claims {
        assert!(
            harness
                .get_all_by_label(&format!("“{}”", claim.text))
                .count()
                > 0
        );
    }
    assert!(
        harness
            .query_by_label_contains("Alignment confidence")
            .is_none(),
        "the event selected before is gone from the inspector"
    );
    // Confirm from the card reviews this finding.
    harness.get_by_label("Confirm").click();
    harness.run_steps(2);
    settle(&mut harness);
    let app = harness.state();
    let report = &app.analysis.as_ref().unwrap().report;
    let reviewed = report
        .findings
        .iter()
        .find(|f| f.summary == finding.summary)
        .unwrap();
    assert_eq!(
        reviewed.review.as_ref().map(|r| r.status),
        Some(parallax::model::ReviewStatus::Confirmed)
    );
}

/// The current finding is marked among the several of its event.
#[test]
fn the_current_finding_is_marked_among_its_events_findings() {
    let mut harness = harness(app_with(crate::app::sample_files(), false));
    let (finding, title) = {
        let analysis = harness.state().analysis.as_ref().unwrap();
        let finding = analysis
            .differences
            .iter()
            .map(|f| &analysis.report.findings[f.get()])
            .find(|f| f.event.is_some_and(|e| analysis.findings_of(e).count() > 1))
            .expect("a difference in an event with several findings");
        let title = format!(
            "{} {}",
            crate::app::palette::kind_symbol(finding.kind),
            finding.kind.title()
        );
        (finding.index, title)
    };
    harness.state_mut().select_finding(finding);
    harness.run();
    let marks: Vec<egui::Rect> = harness
        .get_all_by_label("Current finding")
        .map(|n| n.rect())
        .collect();
    assert_eq!(marks.len(), 1, "one block is marked");
    // The mark heads the selected finding's block: its title is the next line down.
    let title = harness
        .get_all_by_label(&title)
        .map(|n| n.rect())
        .find(|r| r.min.y >= marks[0].max.y - 1.0)
        .expect("the finding's title under the mark");
    assert!(
        title.min.y - marks[0].max.y < 12.0,
        "{title:?} {:?}",
        marks[0]
    );
    // Selecting the event itself marks nothing.
    let event = harness.state().selected_event;
    harness.state_mut().select_event(event);
    harness.run();
    assert!(harness.query_by_label("Current finding").is_none());
}
