//! The change map in each column's margin (like Meld's and Beyond Compare's location bar):
//! the whole article at the column's height, with a tick for each mark shown at the current
//! confidence in its kind's colour (agreements faint, dismissed findings left out, passages
//! only this source reports as bars), and the part in view as a box. A click jumps there:
//! to the mark under the pointer, else to that point of the article.

use super::layout::DocumentLayout;
use super::marks::DocumentMarks;
use super::palette;
use egui::{CornerRadius, Rect, Sense, Stroke, StrokeKind};
use parallax::model::{DocId, FindingKind};

/// The map's width, and its place from the column's right edge (left of the scroll bar).
pub const MAP_WIDTH: f32 = 6.0;
const MAP_RIGHT: f32 = 12.0;

/// How near (in points) a click must be to a tick to jump to its mark.
const CATCH: f32 = 4.0;

/// One tick of the map: a span of the article (content coordinates, top and bottom).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tick {
    pub top: f32,
    pub bottom: f32,
    pub kind: FindingKind,
    /// Drawn faint (agreements).
    pub faint: bool,
}

/// The ticks of a document: every mark not dismissed, and every one-source passage.
pub fn ticks(layout: &DocumentLayout, marks: &DocumentMarks) -> Vec<Tick> {
    let mut ticks: Vec<Tick> = marks
        .marks
        .iter()
        .zip(&layout.mark_rects)
        .filter(|(mark, rects)| !mark.dismissed && !rects.is_empty())
        .map(|(mark, rects)| Tick {
            top: rects.iter().map(|r| r.min.y).fold(f32::INFINITY, f32::min),
            bottom: rects
                .iter()
                .map(|r| r.max.y)
                .fold(f32::NEG_INFINITY, f32::max),
            kind: mark.kind,
            faint: mark.kind == FindingKind::Agreement,
        })
        .collect();
    ticks.extend(marks.unique.iter().map(|passage| {
        let rect = layout.passage_rects[passage.get()];
        Tick {
            top: rect.min.y,
            bottom: rect.max.y,
            kind: FindingKind::Unique,
            faint: false,
        }
    }));
    ticks
}

/// Where the map of a column whose visible text area is `clip` is drawn.
pub fn map_rect(clip: Rect) -> Rect {
    Rect::from_x_y_ranges(
        clip.max.x - MAP_RIGHT - MAP_WIDTH..=clip.max.x - MAP_RIGHT,
        clip.y_range(),
    )
}

/// Draws the map beside a column's text; returns the scroll offset a click asks for.
pub fn change_map(
    ui: &mut egui::Ui,
    name: &str,
    document: DocId,
    clip: Rect,
    offset: f32,
    layout: &DocumentLayout,
    marks: &DocumentMarks,
) -> Option<f32> {
    let rect = map_rect(clip);
    let content = layout.height.max(clip.height());
    let scale = rect.height() / content;
    let to_y = |y: f32| rect.min.y + y * scale;
    let painter = ui.painter_at(rect.expand(1.0));
    painter.rect_filled(rect, CornerRadius::same(2), ui.visuals().faint_bg_color);
    let ticks = ticks(layout, marks);
    for tick in &ticks {
        let mut color = palette::kind_color(tick.kind);
        if tick.faint {
            color = color.gamma_multiply(0.35);
        }
        let top = to_y(tick.top);
        let bottom = to_y(tick.bottom).max(top + 2.0);
        painter.rect_filled(
            Rect::from_x_y_ranges(rect.x_range(), top..=bottom),
            CornerRadius::ZERO,
            color,
        );
    }
    // The part of the article in view.
    let view = Rect::from_x_y_ranges(
        rect.x_range(),
        to_y(offset)..=to_y(offset + clip.height()).min(rect.max.y),
    );
    painter.rect_stroke(
        view.expand2(egui::vec2(1.0, 0.0)),
        CornerRadius::same(1),
        Stroke::new(1.0, ui.visuals().weak_text_color()),
        StrokeKind::Inside,
    );
    let response = ui
        .interact(
            rect,
            egui::Id::unique(("change-map", document.get())),
            Sense::click(),
        )
        .on_hover_text(
            "Change map: a tick for each mark, the box is what is in view. Click to jump.",
        );
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::Button, true, format!("Change map of {name}"))
    });
    if response.hovered() {
        ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
    }
    let click = response
        .interact_pointer_pos()
        .filter(|_| response.clicked())?;
    // The tick under the pointer (the nearest within reach), else the point itself.
    let target = ticks
        .iter()
        .map(|t| {
            let middle = (to_y(t.top) + to_y(t.bottom)) / 2.0;
            ((middle - click.y).abs(), (t.top + t.bottom) / 2.0)
        })
        .filter(|(distance, _)| *distance <= CATCH)
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map_or((click.y - rect.min.y) / scale, |(_, y)| y);
    let most = (content - clip.height()).max(0.0);
    Some((target - clip.height() / 2.0).clamp(0.0, most))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_map_sits_left_of_the_scroll_bar_inside_the_column() {
        let clip = Rect::from_min_max(egui::pos2(100.0, 50.0), egui::pos2(500.0, 650.0));
        let map = map_rect(clip);
        assert!(clip.contains_rect(map));
        assert_eq!(map.width(), MAP_WIDTH);
        assert_eq!(map.height(), clip.height());
        // The floating scroll bar takes the last 10 points.
        assert!(map.max.x <= clip.max.x - 10.0);
    }
}
