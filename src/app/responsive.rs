//! Narrow windows: under [`NARROW_WIDTH`] the events panel folds to a strip with a button to
//! open it, and the inspector is closed until the menu bar's "Inspector" button opens it, so
//! that the columns keep the width to show at least one whole, readable column.
//!
//! Opened, the inspector is a panel beside the columns, never a window over them: an
//! overlay covered the column holding a claim and the findings panel's Dismiss (issue 22).
//! When the events panel and the inspector do not both fit beside a readable column, opening
//! one folds the other. Whatever changes the size of the columns area (a panel opening, the
//! window resized), the selected finding or event is brought into view again (`columns`).

use super::ParallaxApp;
use super::inspector::INSPECTOR_WIDTH;
use egui::RichText;

/// Windows narrower than this (in points) are narrow.
pub const NARROW_WIDTH: f32 = 1300.0;

/// The room the columns keep on a narrow window: one readable column and its margins.
const COLUMNS_ROOM: f32 = 340.0;

/// The events panel's width before the user set one.
const EVENTS_WIDTH: f32 = 280.0;

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
                if !room_for_both(app, ui.ctx()) {
                    app.narrow_inspector = false;
                }
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

/// Whether the inspector is drawn: always when shown on a wide window; on a narrow one once
/// opened from the menu bar's "Inspector" button (it stays closed on selecting, so the
/// columns keep the width).
pub fn inspector_shown(app: &ParallaxApp) -> bool {
    app.show_inspector && (!app.narrow || app.narrow_inspector)
}

/// The inspector's width on a narrow window `window` points wide.
pub fn narrow_inspector_width(window: f32) -> f32 {
    INSPECTOR_WIDTH.min(window * 0.38)
}

/// Whether the expanded events panel and the inspector both fit beside a readable column.
fn room_for_both(app: &ParallaxApp, ctx: &egui::Context) -> bool {
    let window = ctx.content_rect().width();
    let events = app.panel_widths.0.unwrap_or(EVENTS_WIDTH);
    window - events - narrow_inspector_width(window) >= COLUMNS_ROOM
}

/// The menu bar's button that opens and closes the inspector (narrow windows only).
pub fn inspector_toggle(app: &mut ParallaxApp, ui: &mut egui::Ui) {
    if app.narrow && app.show_inspector {
        let open = app.narrow_inspector;
        if ui
            .selectable_label(open, "Inspector")
            .on_hover_text("Show the selected finding or event beside the columns")
            .clicked()
        {
            app.narrow_inspector = !open;
            if app.narrow_inspector && !room_for_both(app, ui.ctx()) {
                app.events_expanded = false;
            }
        }
    }
}

/// The button in the inspector's heading that closes it again (narrow windows).
pub fn hide_button(app: &mut ParallaxApp, ui: &mut egui::Ui) {
    if app.narrow
        && ui
            .small_button("Hide")
            .on_hover_text(
                "Give the columns the room; the menu bar's Inspector button shows it again",
            )
            .clicked()
    {
        app.narrow_inspector = false;
    }
}
