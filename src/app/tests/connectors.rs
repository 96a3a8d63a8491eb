//! The selection's connectors (issue 22, item 5): only the selection's, only between
//! neighbouring columns that both hold it (never across a column not involved), one line in
//! "Compare two", and under every window.

use super::*;
use parallax::model::DocId;

fn four_columns() -> Harness<'static, ParallaxApp> {
    let mut app = app_with(crate::app::sample_files(), false);
    app.show_events = false;
    app.show_inspector = false;
    let mut harness = harness_sized(app, 1600.0, 900.0);
    harness.run();
    assert_eq!(harness.state().geometry.len(), 4);
    harness
}

/// The drawn columns, left to right, and whether each holds the selected event.
fn holding(app: &ParallaxApp) -> Vec<(DocId, bool)> {
    let report = &app.analysis.as_ref().unwrap().report;
    let event = &report.events[app.selected_event.unwrap().get()];
    app.geometry
        .iter()
        .map(|c| {
            (
                c.document,
                event.passages.iter().any(|p| p.document == c.document),
            )
        })
        .collect()
}

/// Every segment runs across the gap between two neighbouring columns that hold the event.
fn assert_only_between_holders(app: &ParallaxApp) {
    let holders = holding(app);
    for (start, end) in &app.connector_segments {
        let left = app
            .geometry
            .iter()
            .position(|c| (c.clip.max.x - 2.0 - start.x).abs() < 1.0)
            .expect("starts at a column's edge");
        let right = left + 1;
        assert!(
            holders[left].1 && holders[right].1,
            "{holders:?} {start:?}->{end:?}"
        );
        // Across the gap only: nothing in between.
        assert!(
            end.x - start.x <= crate::app::columns::GAP + 5.0,
            "{start:?}->{end:?}"
        );
    }
}

#[test]
fn only_the_selected_events_connectors_are_drawn() {
    let mut harness = four_columns();
    assert_eq!(harness.state().connectors_drawn, 0, "nothing selected");
    let events: Vec<_> = harness
        .state()
        .analysis
        .as_ref()
        .unwrap()
        .report
        .events
        .iter()
        .map(|e| e.index)
        .collect();
    let mut with_a_gap = 0;
    for event in events {
        harness.state_mut().select_event(Some(event));
        harness.run();
        let app = harness.state();
        let holders = holding(app);
        let neighbours = holders.windows(2).filter(|w| w[0].1 && w[1].1).count();
        assert_eq!(app.connectors_drawn, neighbours, "{holders:?}");
        assert_only_between_holders(app);
        // A holder, a column that is not, and a holder: no curve across the middle one.
        with_a_gap += holders
            .windows(3)
            .filter(|w| w[0].1 && !w[1].1 && w[2].1)
            .count();
    }
    assert!(with_a_gap > 0, "some event skips a column");
}

#[test]
fn compare_two_has_one_connector_for_the_selection() {
    let mut harness = four_columns();
    let order = harness.state().column_order.clone();
    let report = harness.state().analysis.as_ref().unwrap().report.clone();
    let event = report
        .events
        .iter()
        .find(|e| e.documents().contains(&order[0]) && e.documents().contains(&order[1]))
        .unwrap()
        .index;
    harness.state_mut().compare_two = Some((order[0], order[1]));
    harness.state_mut().select_event(Some(event));
    harness.run();
    assert_eq!(harness.state().geometry.len(), 2);
    assert_eq!(harness.state().connectors_drawn, 1);
    // Selecting nothing leaves the gap empty (it held a fan of every event).
    harness.state_mut().select_event(None);
    harness.run();
    assert_eq!(harness.state().connectors_drawn, 0);
}

/// The curves are painted on the columns' layer, under every window.
#[test]
fn connectors_are_drawn_under_windows() {
    let mut harness = four_columns();
    let event = harness.state().analysis.as_ref().unwrap().report.events[0].index;
    harness.state_mut().select_event(Some(event));
    harness.state_mut().show_legend = true;
    harness.run();
    assert!(harness.state().connectors_drawn > 0);
    let layer = harness.state().connectors_layer.unwrap();
    assert_eq!(layer.order, egui::Order::Background);
    let legend = harness
        .get_by_label_contains("only this source reports it")
        .rect();
    let ctx = harness.ctx.clone();
    let above = ctx.layer_id_at(legend.center()).unwrap();
    assert_ne!(above, layer, "the legend is above the connectors");
    assert!(above.order > layer.order);
}

/// With a pinned base and the other columns scrolled sideways, a column half out of view is
/// linked at the edge of its visible part: no curve runs over the base.
#[test]
fn with_a_pinned_base_a_half_hidden_column_is_linked_at_its_visible_edge() {
    let mut app = app_with(crate::app::sample_files(), false);
    app.show_events = false;
    app.show_inspector = false;
    let mut harness = harness_sized(app, 1100.0, 700.0);
    let order = harness.state().column_order.clone();
    let base = order[0];
    harness.state_mut().pinned = Some(base);
    harness.run();
    let report = harness.state().analysis.as_ref().unwrap().report.clone();
    let event = report
        .events
        .iter()
        .find(|e| e.documents().contains(&base) && e.documents().contains(&order[1]))
        .unwrap()
        .index;
    harness.state_mut().select_event(Some(event));
    harness.run();
    // Scroll sideways by half a column.
    harness.state_mut().columns_offset = Some(150.0);
    harness.run();
    let app = harness.state();
    let base_rect = column_rect(app, base).unwrap();
    assert_eq!(app.geometry[1].document, order[1]);
    assert!(
        app.geometry[1].clip.min.x < app.columns_scroller.min.x,
        "half hidden"
    );
    let (_, end) = app
        .connector_segments
        .iter()
        .find(|(start, _)| (start.x - (base_rect.max.x - 2.0)).abs() < 1.0)
        .expect("a connector from the base");
    assert!(
        (end.x - (app.columns_scroller.min.x + 2.0)).abs() < 1.0,
        "{end:?}"
    );
    for (start, end) in &app.connector_segments {
        assert!(
            start.x >= base_rect.max.x - 3.0 && end.x > start.x,
            "{start:?}"
        );
    }
}
