//! Narrow windows: under [`NARROW_WIDTH`] the events panel folds to a strip with a button to
//! open it, and the inspector floats over the columns as an overlay that can be closed, so that
//! the columns keep the width to show at least one whole, readable column.

use super::ParallaxApp;
use super::inspector::{INSPECTOR_WIDTH, inspector_body};
use egui::{Align2, RichText};

/// Windows narrower than this (in points) are narrow.
pub const NARROW_WIDTH: f32 = 1300.0;

/// The margin between the overlay and the window's edges.
const OVERLAY_MARGIN: f32 = 8.0;

/// The events panel folded to a strip: one button opens it.
pub fn events_strip(app: &mut ParallaxApp, ui: &mut egui::Ui) {
    egui::Panel::left("events-strip")
        .resizable(false)
        .exact_size(32.0)
        .show(ui, |ui| {
            if ui
                .button(RichText::new("»").size(16.0))
                .on_hover_text("Show the events panel")
                .clicked()
            {
                app.events_expanded = true;
            }
        });
}

/// The button in the events panel's heading that folds it back to a strip (narrow windows).
pub fn collapse_button(app: &mut ParallaxApp, ui: &mut egui::Ui) {
    if app.narrow
        && ui
            .small_button("«")
            .on_hover_text("Fold the events panel to a strip")
            .clicked()
    {
        app.events_expanded = false;
    }
}

/// Whether the inspector overlay is up: on a narrow window, opened from the menu bar's
/// "Inspector" button (it stays closed on selecting, so the columns keep the width).
pub fn overlay_shown(app: &ParallaxApp) -> bool {
    app.narrow && app.show_inspector && app.inspector_overlay
}

/// The menu bar's button that opens and closes the overlay (narrow windows only).
pub fn overlay_toggle(app: &mut ParallaxApp, ui: &mut egui::Ui) {
    if app.narrow && app.show_inspector {
        let open = app.inspector_overlay;
        if ui
            .selectable_label(open, "Inspector")
            .on_hover_text("Show the selected event's details over the columns")
            .clicked()
        {
            app.inspector_overlay = !open;
        }
    }
}

/// The overlay's width in a window `window` points wide.
fn overlay_width(window: f32) -> f32 {
    INSPECTOR_WIDTH.min(window * 0.45)
}

/// How much of the columns area, from its right edge, the overlay covers (0 without one).
pub fn overlay_cover(app: &ParallaxApp) -> f32 {
    if !overlay_shown(app) {
        return 0.0;
    }
    let window = app
        .ctx
        .as_ref()
        .map_or(NARROW_WIDTH, |c| c.content_rect().width());
    overlay_width(window) + 2.0 * OVERLAY_MARGIN
}

/// The inspector as a window anchored at the right, over the columns.
pub fn inspector_overlay(app: &mut ParallaxApp, ctx: &egui::Context) {
    if !overlay_shown(app) {
        return;
    }
    let screen = ctx.content_rect();
    let width = overlay_width(screen.width());
    let mut open = true;
    egui::Window::new("Inspector")
        .id(egui::Id::unique("inspector-overlay"))
        .open(&mut open)
        .anchor(Align2::RIGHT_TOP, egui::vec2(-OVERLAY_MARGIN, 64.0))
        .collapsible(false)
        .resizable(false)
        .fixed_size(egui::vec2(width, (screen.height() - 140.0).max(160.0)))
        .show(ctx, |ui| inspector_body(app, ui));
    if !open {
        app.inspector_overlay = false;
    }
}
