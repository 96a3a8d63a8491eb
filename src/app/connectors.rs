//! The connector curves between the passages of each event in neighbouring columns, drawn
//! last on a layer clipped to the columns so that they follow scrolling; they cross where
//! sources tell events in a different order.

use super::ParallaxApp;
use super::palette;
use egui::{Color32, Id, LayerId, Order, Pos2, Stroke, Vec2};
use parallax::model::DocId;

/// Curves between the passages of each event in neighbouring columns.
pub fn connectors(app: &ParallaxApp, ui: &mut egui::Ui, dark: bool) {
    let Some(analysis) = &app.analysis else {
        return;
    };
    let report = &analysis.report;
    let painter = ui
        .ctx()
        .layer_painter(LayerId::new(Order::Middle, Id::unique("connectors")))
        .with_clip_rect(ui.max_rect());
    for pair in app.geometry.windows(2) {
        let (left, right) = (pair[0], pair[1]);
        let (Some(left_layout), Some(right_layout)) = (
            analysis.layouts[left.document.get()].as_ref(),
            analysis.layouts[right.document.get()].as_ref(),
        ) else {
            continue;
        };
        for event in &report.events {
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
        }
    }
}
