//! The columns area: how wide each column is ("Fit columns"), which columns are drawn (only
//! those inside the sideways viewport), and scrolling sideways so that the columns of the
//! selected event or finding come into view.
//!
//! Each column scrolls on its own (`column_text`); selecting an event scrolls every column to
//! its passages (animated, through `scroll_to_rect`). Connectors (`connectors`) are drawn
//! after the columns.

use super::ParallaxApp;
use egui::{Align, Pos2, Rect, ScrollArea, Vec2};
use parallax::model::DocId;

/// Where one column was drawn this frame.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ColumnGeometry {
    pub document: DocId,
    /// The visible text area, in screen coordinates.
    pub clip: Rect,
    /// The screen position of the content's top-left corner (moves with scrolling).
    pub origin: Pos2,
}

/// The widest a column gets, for a readable line length.
const MAX_COLUMN_WIDTH: f32 = 640.0;
/// "Fit columns" shares the width among all columns down to this width.
pub const FIT_MIN_WIDTH: f32 = 260.0;
/// When not every column fits, as many whole columns as fit at this width or more are shown.
const MIN_COLUMN_WIDTH: f32 = 300.0;
/// The width of every column with "Fit columns" off.
const FIXED_COLUMN_WIDTH: f32 = 440.0;
/// "Fit columns" is on by default up to this many columns.
pub const FIT_BY_DEFAULT: usize = 5;
/// The gap between columns, where connectors run.
const GAP: f32 = 36.0;

/// The width of each of `count` columns in `available` points. With `fit`, the columns share
/// the width when each gets at least [`FIT_MIN_WIDTH`]; otherwise as many whole columns as fit
/// at [`MIN_COLUMN_WIDTH`] share it, and the others are a sideways scroll away. Without `fit`,
/// every column has [`FIXED_COLUMN_WIDTH`].
pub fn column_width(available: f32, count: usize, fit: bool) -> f32 {
    let count = count.max(1) as f32;
    if !fit {
        return FIXED_COLUMN_WIDTH
            .min(available)
            .max(MIN_COLUMN_WIDTH.min(available));
    }
    let shared = (available - GAP * (count - 1.0)) / count;
    if shared >= FIT_MIN_WIDTH {
        return shared.min(MAX_COLUMN_WIDTH);
    }
    let whole = ((available + GAP) / (MIN_COLUMN_WIDTH + GAP))
        .floor()
        .clamp(1.0, count);
    ((available - GAP * (whole - 1.0)) / whole)
        .clamp(FIT_MIN_WIDTH.min(available), MAX_COLUMN_WIDTH)
}

impl ParallaxApp {
    /// Whether "Fit columns" is on: as the user set it, else for up to [`FIT_BY_DEFAULT`]
    /// open columns.
    pub fn fit_columns(&self) -> bool {
        let open = self.column_order.len() - self.hidden.len().min(self.column_order.len());
        self.remembered
            .fit_columns
            .unwrap_or(open <= FIT_BY_DEFAULT)
    }
}

/// The sideways scroll offset that brings columns (their left and right edges in content
/// coordinates) into a view `width` points wide now starting at `offset`; `None` when every
/// one is in view already. When they cannot all be in view, the first one out of view is
/// brought in: the other side of a finding rather than the side already shown.
fn reveal_offset(spans: &[(f32, f32)], offset: f32, width: f32) -> Option<f32> {
    const SLACK: f32 = 1.0;
    let hidden = spans
        .iter()
        .find(|(left, right)| *left < offset - SLACK || *right > offset + width + SLACK)?;
    let left = spans.iter().map(|s| s.0).fold(f32::INFINITY, f32::min);
    let right = spans.iter().map(|s| s.1).fold(f32::NEG_INFINITY, f32::max);
    let (left, right) = if right - left <= width + SLACK {
        (left, right)
    } else {
        *hidden
    };
    Some(if left < offset - SLACK {
        left
    } else {
        right - width
    })
}

/// Draws all visible columns side by side.
pub fn columns(app: &mut ParallaxApp, ui: &mut egui::Ui) {
    app.geometry.clear();
    let Some(analysis) = &app.analysis else {
        ui.centered_and_justified(|ui| {
            if app.is_busy() {
                ui.spinner();
            } else {
                ui.label("Open articles (Ctrl+O) or drop them here to compare them.");
            }
        });
        return;
    };
    let visible: Vec<DocId> = app
        .column_order
        .iter()
        .copied()
        .filter(|d| !app.hidden.contains(d))
        .collect();
    if visible.is_empty() {
        ui.label("Every column is hidden. Show one from View → Columns.");
        return;
    }
    let _ = analysis;
    let available = ui.available_width();
    let count = visible.len() as f32;
    let width = column_width(available, visible.len(), app.fit_columns());
    let dark = ui.visuals().dark_mode;
    // Columns to bring into view sideways: their span in content coordinates.
    let reveal: Vec<usize> = std::mem::take(&mut app.reveal_columns)
        .iter()
        .filter_map(|d| visible.iter().position(|v| v == d))
        .collect();
    let reveal: Vec<(f32, f32)> = reveal
        .iter()
        .map(|p| {
            let left = *p as f32 * (width + GAP);
            (left, left + width)
        })
        .collect();
    // The inspector overlay of a narrow window covers the right of the columns area.
    let covered = super::responsive::overlay_cover(app);
    // Only the columns inside the horizontal viewport are drawn: with twenty articles open,
    // the others cost nothing.
    let output = ScrollArea::horizontal()
        .id_salt("columns")
        .auto_shrink([false, false])
        .show_viewport(ui, |ui, viewport| {
            let total = width * count + GAP * (count - 1.0);
            let height = ui.available_height();
            ui.set_width(total);
            ui.set_height(height);
            let origin = ui.max_rect().min;
            for (position, &document) in visible.iter().enumerate() {
                let left = position as f32 * (width + GAP);
                if left + width < viewport.min.x || left > viewport.max.x {
                    continue;
                }
                let rect =
                    Rect::from_min_size(origin + Vec2::new(left, 0.0), Vec2::new(width, height));
                let mut child = ui.new_child(
                    egui::UiBuilder::new()
                        .max_rect(rect)
                        .id_salt(("column-ui", document.get()))
                        .layout(egui::Layout::top_down(Align::Min)),
                );
                super::column_text::column(
                    app,
                    &mut child,
                    document,
                    position,
                    visible.len(),
                    width,
                    dark,
                );
            }
            // After the columns, whose own scroll areas would otherwise take the target.
            let seen = (viewport.width() - covered).max(width);
            if let Some(offset) = reveal_offset(&reveal, viewport.min.x, seen) {
                // `Align::Min` puts the rectangle's left edge one item spacing from the
                // left of the view.
                let x = origin.x + offset + ui.spacing().item_spacing.x;
                let y = ui.clip_rect().min.y;
                ui.scroll_to_rect(
                    Rect::from_min_max(Pos2::new(x, y), Pos2::new(x + 1.0, y + 1.0)),
                    Some(Align::Min),
                );
            }
        });
    app.columns_viewport = output.inner_rect;
    app.connectors_drawn = if app.remembered.show_connectors {
        super::connectors::connectors(app, ui, dark)
    } else {
        0
    };
}
