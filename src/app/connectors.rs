//! The connector curves between the passages of each event in neighbouring columns, drawn
//! last on a layer clipped to the columns so that they follow scrolling; they cross where
//! sources tell events in a different order.
//!
//! With more than [`ALL_CONNECTORS_UP_TO`] open columns, curves for every event become
//! spaghetti (issue 11): then only the selected event and its neighbours in the events list
//! are connected, and nothing when no event is selected.

use super::ParallaxApp;
use super::palette;
use egui::{Color32, Id, LayerId, Order, Pos2, Stroke, Vec2};
use parallax::model::{DocId, EventId};
use std::collections::BTreeSet;

/// Up to this many open columns, every event's connectors are drawn.
pub const ALL_CONNECTORS_UP_TO: usize = 3;

/// The events whose connectors are drawn: `None` for all of them.
pub fn connected_events(app: &ParallaxApp) -> Option<BTreeSet<EventId>> {
    let open = app.shown_columns().len();
    if open <= ALL_CONNECTORS_UP_TO {
        return None;
    }
    let Some(selected) = app.selected_event else {
        return Some(BTreeSet::new());
    };
    let events = app.visible_events();
    let mut connected = BTreeSet::from([selected]);
    if let Some(position) = events.iter().position(|e| *e == selected) {
        connected.extend(position.checked_sub(1).map(|p| events[p]));
        connected.extend(events.get(position + 1));
    }
    Some(connected)
}

/// Curves between the passages of each event in neighbouring columns; returns how many
/// were drawn.
pub fn connectors(app: &ParallaxApp, ui: &mut egui::Ui, dark: bool) -> usize {
    let Some(analysis) = &app.analysis else {
        return 0;
    };
    let connected = connected_events(app);
    let mut drawn = 0;
    let report = &analysis.report;
    let clip = ui.max_rect();
    let painter = ui
        .ctx()
        .layer_painter(LayerId::new(Order::Middle, Id::unique("connectors")))
        .with_clip_rect(clip);
    for pair in app.geometry.windows(2) {
        let (left, right) = (pair[0], pair[1]);
        let (Some(left_layout), Some(right_layout)) = (
            analysis.layouts[left.document.get()].as_ref(),
            analysis.layouts[right.document.get()].as_ref(),
        ) else {
            continue;
        };
        for event in &report.events {
            if connected
                .as_ref()
                .is_some_and(|c| !c.contains(&event.index))
            {
                continue;
            }
            let first = |document: DocId| event.passages.iter().find(|p| p.document == document);
            let (Some(a), Some(b)) = (first(left.document), first(right.document)) else {
                continue;
            };
            let ya = left.origin.y + left_layout.passage_rects[a.passage.get()].center().y;
            let yb = right.origin.y + right_layout.passage_rects[b.passage.get()].center().y;
            // Only where at least one end is in view.
            let visible_a = ya >= left.clip.min.y && ya <= left.clip.max.y;
            let visible_b = yb >= right.clip.min.y && yb <= right.clip.max.y;
            if !visible_a && !visible_b {
                continue;
            }
            let start = Pos2::new(
                left.clip.max.x - 2.0,
                ya.clamp(left.clip.min.y, left.clip.max.y),
            );
            let end = Pos2::new(
                right.clip.min.x + 2.0,
                yb.clamp(right.clip.min.y, right.clip.max.y),
            );
            let selected = app.selected_event == Some(event.index);
            let color = palette::event_color(event.index.get(), dark);
            let stroke = Stroke::new(
                if selected { 3.0 } else { 1.5 },
                if selected {
                    color
                } else {
                    color.gamma_multiply(0.7)
                },
            );
            let bend = (end.x - start.x) * 0.5;
            let shape = egui::epaint::CubicBezierShape::from_points_stroke(
                [
                    start,
                    start + Vec2::new(bend, 0.0),
                    end - Vec2::new(bend, 0.0),
                    end,
                ],
                false,
                Color32::TRANSPARENT,
                stroke,
            );
            painter.add(shape);
            drawn += 1;
        }
    }
    drawn
}
