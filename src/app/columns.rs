//! The columns area: how wide each column is ("Fit columns"), which columns are drawn (only
//! those inside the sideways viewport), and scrolling sideways so that the columns of the
//! selected event or finding come into view.
//!
//! A column can be pinned as the base: it stays at the left while the others scroll. When the
//! columns of a selection do not fit, `reveal` plans a temporary arrangement that shows them.
//! "Compare two" shows two sources with the others hidden (a bar above says which, with the
//! way back). Each column's right edge is a grip that resizes it.
//!
//! Each column scrolls on its own (`column_text`); selecting an event scrolls every column to
//! its passages (animated, through `scroll_to_rect`). The selection's connectors
//! (`connectors`) are drawn after the columns.

use super::ParallaxApp;
use super::reveal::{RevealPlan, base_width, plan_reveal};
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
pub(super) const GAP: f32 = 36.0;

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
    /// shown columns.
    pub fn fit_columns(&self) -> bool {
        let open = self.shown_columns().len();
        self.remembered
            .fit_columns
            .unwrap_or(open <= FIT_BY_DEFAULT)
    }

    /// Keeps the column arrangement across a new report (every edit makes one): order,
    /// hidden columns, the pinned base, "Compare two", widths and the heat map's base.
    /// Documents are matched by path; new ones join at the right.
    pub(crate) fn carry_arrangement(&mut self, report: &parallax::model::Report) {
        let old_paths: Vec<String> = self
            .analysis
            .as_ref()
            .map(|a| a.report.documents.iter().map(|d| d.path.clone()).collect())
            .unwrap_or_default();
        let to_new = |old: DocId| -> Option<DocId> {
            let path = old_paths.get(old.get())?;
            report
                .documents
                .iter()
                .find(|d| &d.path == path)
                .map(|d| d.index)
        };
        let mut order: Vec<DocId> = self
            .column_order
            .iter()
            .filter_map(|d| to_new(*d))
            .collect();
        for document in &report.documents {
            if !order.contains(&document.index) {
                order.push(document.index);
            }
        }
        self.column_order = order;
        self.hidden = self.hidden.iter().filter_map(|d| to_new(*d)).collect();
        self.pinned = self.pinned.and_then(&to_new);
        self.compare_two = self
            .compare_two
            .and_then(|(a, b)| Some((to_new(a)?, to_new(b)?)));
        self.compare_picks = self
            .compare_picks
            .iter()
            .filter_map(|d| to_new(*d))
            .collect();
        self.column_widths = std::mem::take(&mut self.column_widths)
            .into_iter()
            .filter_map(|(d, width)| Some((to_new(d)?, width)))
            .collect();
        self.heat_base = self.heat_base.and_then(to_new);
    }

    /// A new size of the columns area (a panel opened or closed, the window resized) moves
    /// the selection's claims: they are brought into view again.
    fn columns_area_is(&mut self, size: Vec2) {
        if (size - self.columns_area).length() > 1.0 {
            if self.columns_area != Vec2::ZERO {
                self.keep_selection_in_view();
            }
            self.columns_area = size;
        }
    }

    /// The two sources being compared ("Compare two"), while both are open.
    pub fn comparing_two(&self) -> Option<(DocId, DocId)> {
        self.compare_two.filter(|(a, b)| {
            a != b && self.column_order.contains(a) && self.column_order.contains(b)
        })
    }

    /// The columns shown, in column order: the two being compared, else every column not
    /// hidden.
    pub fn shown_columns(&self) -> Vec<DocId> {
        let compared = self.comparing_two();
        self.column_order
            .iter()
            .copied()
            .filter(|d| match compared {
                Some((a, b)) => *d == a || *d == b,
                None => !self.hidden.contains(d),
            })
            .collect()
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

/// A reveal plan for `targets`; when it leaves some of them out, columns without a side of the
/// selection give way for a while if that brings more of them in (issue 22, item 9: F7 kept
/// a column holding no claim of the finding and hid one that holds one). The plan, and the
/// columns set aside.
fn plan_with_set_aside(
    order: &[(DocId, f32)],
    shown: &[DocId],
    user_pin: Option<DocId>,
    targets: &[DocId],
    sides: &[usize],
    width: f32,
) -> (super::reveal::Reveal, Vec<DocId>) {
    let reveal = plan_reveal(order, user_pin, targets, sides, width);
    if reveal.targets.len() == targets.len() {
        return (reveal, Vec::new());
    }
    let aside: Vec<DocId> = shown
        .iter()
        .copied()
        .filter(|d| !targets.contains(d) && Some(*d) != user_pin)
        .collect();
    let rest: Vec<(DocId, f32)> = order
        .iter()
        .copied()
        .filter(|(d, _)| !aside.contains(d))
        .collect();
    let without = plan_reveal(&rest, user_pin, targets, sides, width);
    if without.targets.len() > reveal.targets.len() {
        (without, aside)
    } else {
        (reveal, Vec::new())
    }
}

/// The scope of a column's widgets, whether it is drawn pinned at the left or among the
/// others.
fn column_scope(document: DocId) -> egui::Id {
    egui::Id::unique(("column-ui", document.get()))
}

/// Draws the shown columns side by side: the pinned base column, if any, fixed at the left,
/// and the others in a sideways scroll area.
pub fn columns(app: &mut ParallaxApp, ui: &mut egui::Ui) {
    app.geometry.clear();
    if app.analysis.is_none() {
        ui.centered_and_justified(|ui| {
            if app.is_busy() {
                ui.spinner();
            } else {
                ui.label("Open articles (Ctrl+O) or drop them here to compare them.");
            }
        });
        return;
    }
    let shown = app.shown_columns();
    if shown.is_empty() {
        ui.label("Every column is hidden. Show one from View → Columns.");
        return;
    }
    if app.comparing_two().is_some() {
        compare_bar(app, ui);
    }
    let user_pin = app.pinned.filter(|p| shown.contains(p) && shown.len() > 1);
    let area = ui.available_rect_before_wrap();
    let width = column_width(area.width(), shown.len(), app.fit_columns());
    let natural_width = |app: &ParallaxApp, document: DocId| {
        app.column_widths
            .get(&document)
            .copied()
            .unwrap_or(width)
            .min(area.width())
    };
    app.columns_area_is(area.size());
    // Columns to bring into view sideways, and a temporary arrangement when they do not fit
    // as they are; it is undone when the selection changes.
    let selection = (app.selected_event, app.selected_finding);
    if app
        .reveal_plan
        .as_ref()
        .is_some_and(|plan| plan.selection != selection)
    {
        app.reveal_plan = None;
    }
    let mut targets = std::mem::take(&mut app.reveal_columns);
    let sides = std::mem::take(&mut app.reveal_sides);
    let kept = app.reveal_plan.as_ref().is_some_and(|plan| {
        targets
            .iter()
            .all(|d| plan.targets.contains(d) || plan.base == Some(*d))
    });
    if !targets.is_empty() && !kept {
        let order: Vec<(DocId, f32)> = shown.iter().map(|d| (*d, natural_width(app, *d))).collect();
        let (reveal, set_aside) =
            plan_with_set_aside(&order, &shown, user_pin, &targets, &sides, area.width());
        app.reveal_plan = (reveal.width_cap.is_some()
            || reveal.base.is_some()
            || !set_aside.is_empty())
        .then(|| RevealPlan {
            selection,
            width_cap: reveal.width_cap,
            base: reveal.base,
            targets: reveal.targets.clone(),
            set_aside,
            settled: None,
        });
        targets = reveal.targets;
    }
    let plan = app.reveal_plan.clone();
    let shown: Vec<DocId> = shown
        .into_iter()
        .filter(|d| plan.as_ref().is_none_or(|p| !p.set_aside.contains(d)))
        .collect();
    let pinned = user_pin
        .or(plan.as_ref().and_then(|p| p.base))
        .filter(|p| shown.contains(p) && shown.len() > 1);
    let scrolled: Vec<DocId> = shown
        .iter()
        .copied()
        .filter(|d| Some(*d) != pinned)
        .collect();
    let width_cap = plan.as_ref().and_then(|p| p.width_cap);
    let width_of = |app: &ParallaxApp, document: DocId| {
        let width = natural_width(app, document);
        width_cap.map_or(width, |cap| width.min(cap))
    };
    let dark = ui.visuals().dark_mode;
    let position_of = |document: DocId| shown.iter().position(|d| *d == document).unwrap_or(0);
    // The pinned base column stays at the left, never scrolled sideways; it keeps at least
    // a minimum column's room for the others.
    let mut rest = area;
    let mut pinned_rect = None;
    if let Some(base) = pinned {
        let base_width = base_width(width_of(app, base), area.width());
        let rect = Rect::from_min_size(area.min, Vec2::new(base_width, area.height()));
        let mut child = ui.new_child(
            egui::UiBuilder::new()
                .max_rect(rect)
                .scope_id(column_scope(base))
                .layout(egui::Layout::top_down(Align::Min)),
        );
        super::column_text::column(
            app,
            &mut child,
            base,
            position_of(base),
            shown.len(),
            base_width,
            dark,
        );
        resize_handle(app, ui, base, rect.right(), area.y_range(), base_width);
        rest.min.x = rect.right() + GAP;
        pinned_rect = Some(rect);
    }
    let widths: Vec<f32> = scrolled.iter().map(|d| width_of(app, *d)).collect();
    let lefts: Vec<f32> = widths
        .iter()
        .scan(0.0, |left, width| {
            let this = *left;
            *left += width + GAP;
            Some(this)
        })
        .collect();
    // Columns to bring into view sideways: their span in content coordinates.
    let reveal: Vec<(f32, f32)> = targets
        .iter()
        .filter_map(|d| scrolled.iter().position(|v| v == d))
        .map(|p| (lefts[p], lefts[p] + widths[p]))
        .collect();
    let mut scroller = ui.new_child(
        egui::UiBuilder::new()
            .max_rect(rest)
            .id_salt("columns-scroller")
            .layout(egui::Layout::top_down(Align::Min)),
    );
    // Only the columns inside the horizontal viewport are drawn: with twenty articles open,
    // the others cost nothing.
    let mut scroll_area = ScrollArea::horizontal()
        .id_salt("columns")
        .auto_shrink([false, false]);
    if let Some(offset) = app.columns_offset.take() {
        scroll_area = scroll_area.horizontal_scroll_offset(offset);
    }
    let output = scroll_area.show_viewport(&mut scroller, |ui, viewport| {
        let total = widths.iter().sum::<f32>() + GAP * (widths.len() as f32 - 1.0).max(0.0);
        let height = ui.available_height();
        if !reveal.is_empty() {
            app.columns_tail = 0.0;
        }
        let seen = viewport
            .width()
            .max(widths.iter().copied().fold(0.0, f32::max));
        if let Some(offset) = reveal_offset(&reveal, viewport.min.x, seen) {
            // The view starts at a column's left edge, never in the middle of one: the
            // first column at or after the offset (the one revealed stays in view, as it
            // starts at or after it too).
            let offset = lefts
                .iter()
                .copied()
                .find(|left| *left >= offset - 1.0)
                .unwrap_or(offset);
            // Set as the exact offset in the next frame: `scroll_to_rect` left the
            // column's first letters under the view's left edge.
            app.columns_offset = Some(offset.max(0.0));
            // The room after the last column that this offset needs, from this frame on
            // (beyond the end, the view would spring back).
            app.columns_tail = (offset + viewport.width() - total).max(0.0);
            ui.ctx().request_repaint();
        }
        // Room at the right for the view to start at a column's left edge.
        ui.set_width(total + app.columns_tail);
        ui.set_height(height);
        let origin = ui.max_rect().min;
        for (index, &document) in scrolled.iter().enumerate() {
            let (left, width) = (lefts[index], widths[index]);
            // A column that ends where the view starts is not drawn: it would sit, unseen,
            // under a pinned base and take connectors.
            if left + width <= viewport.min.x + 1.0 || left > viewport.max.x {
                continue;
            }
            let rect = Rect::from_min_size(origin + Vec2::new(left, 0.0), Vec2::new(width, height));
            let mut child = ui.new_child(
                egui::UiBuilder::new()
                    .max_rect(rect)
                    // The same scope pinned or not, so that pinning keeps the column's
                    // reading position (its scroll state lives under this id).
                    .scope_id(column_scope(document))
                    .layout(egui::Layout::top_down(Align::Min)),
            );
            super::column_text::column(
                app,
                &mut child,
                document,
                position_of(document),
                shown.len(),
                width,
                dark,
            );
            resize_handle(app, ui, document, rect.right(), rect.y_range(), width);
        }
    });
    // A temporary arrangement is undone when the user scrolls sideways: the offset moved
    // from where the view settled after the selection.
    let offset = output.state.clamped_offset().x;
    let pending = app.columns_offset.is_some();
    if let Some(plan) = &mut app.reveal_plan {
        match plan.settled {
            _ if pending => plan.settled = None,
            None => plan.settled = Some(offset),
            Some(settled) if (settled - offset).abs() > 1.0 => {
                app.reveal_plan = None;
                ui.ctx().request_repaint();
            }
            Some(_) => {}
        }
    }
    app.columns_scroller = output.inner_rect;
    app.columns_viewport = match pinned_rect {
        Some(rect) => rect.union(output.inner_rect),
        None => output.inner_rect,
    };
    app.connectors_drawn = if app.remembered.show_connectors {
        super::connectors::connectors(app, ui, dark)
    } else {
        app.connector_segments.clear();
        0
    };
    super::sync::follow(app);
}

/// The narrowest and widest a column can be dragged.
const RESIZE_RANGE: (f32, f32) = (200.0, 1200.0);
/// A width read from a session, within what dragging can give.
pub fn resize_clamp(width: f32) -> f32 {
    width.clamp(RESIZE_RANGE.0, RESIZE_RANGE.1)
}

/// The width of the grip at a column's right edge.
const HANDLE_WIDTH: f32 = 8.0;

/// The grip at a column's right edge: drag it to resize the column, double-click it to give
/// the column its fitted width back. Labelled for assistive technology (and tests).
fn resize_handle(
    app: &mut ParallaxApp,
    ui: &mut egui::Ui,
    document: DocId,
    edge: f32,
    rows: egui::Rangef,
    width: f32,
) {
    let name = app
        .analysis
        .as_ref()
        .map(|a| a.report.documents[document.get()].display_name())
        .unwrap_or_default();
    let rect = Rect::from_x_y_ranges(edge + 1.0..=edge + 1.0 + HANDLE_WIDTH, rows);
    let response = ui
        .interact(
            rect,
            egui::Id::unique(("column-resize", document.get())),
            egui::Sense::click_and_drag(),
        )
        .on_hover_text("Drag to resize the column; double-click for its fitted width");
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::Splitter, true, format!("Resize column {name}"))
    });
    if response.hovered() || response.dragged() {
        ui.ctx().set_cursor_icon(egui::CursorIcon::ResizeColumn);
        ui.painter().vline(
            rect.center().x,
            rows,
            egui::Stroke::new(2.0, ui.visuals().widgets.hovered.bg_stroke.color),
        );
    }
    if response.dragged() {
        let dragged = (width + response.drag_delta().x).clamp(RESIZE_RANGE.0, RESIZE_RANGE.1);
        app.column_widths.insert(document, dragged);
    }
    if response.double_clicked() {
        app.column_widths.remove(&document);
    }
}

/// Above the columns while two sources are compared: which two, and the way back to all.
fn compare_bar(app: &mut ParallaxApp, ui: &mut egui::Ui) {
    let Some((a, b)) = app.comparing_two() else {
        return;
    };
    let Some(analysis) = &app.analysis else {
        return;
    };
    let name = |d: DocId| analysis.report.documents[d.get()].display_name();
    let text = format!("Comparing two sources: {} and {}", name(a), name(b));
    let others = analysis.report.documents.len().saturating_sub(2);
    ui.horizontal(|ui| {
        ui.label(egui::RichText::new(text).strong());
        ui.label(
            egui::RichText::new(format!(
                "({} hidden)",
                super::count(others, "other", "others")
            ))
            .weak(),
        );
        if ui.button("Show all columns").clicked() {
            app.compare_two = None;
            app.hidden.clear();
        }
    });
}
