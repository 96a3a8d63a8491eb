//! Small views over the main area: the search bar, the help windows (legend, shortcuts,
//! about), the notices in the corner (and their type, [`Notice`]) and the overlay shown
//! while files are dragged in.

use super::ParallaxApp;
use super::palette;
use egui::{Align2, Color32, Grid, Id, RichText};
use parallax::model::FindingKind;

/// A message shown in the corner for a few seconds ([`Notice::lasts`]; longer while the
/// pointer rests on it), or until dismissed.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub text: String,
    pub error: bool,
    /// When it was first shown (egui's input time, in seconds).
    pub shown_at: Option<f64>,
}

impl Notice {
    pub fn info(text: impl Into<String>) -> Notice {
        Notice {
            text: text.into(),
            error: false,
            shown_at: None,
        }
    }

    pub fn error(text: impl Into<String>) -> Notice {
        Notice {
            text: text.into(),
            error: true,
            shown_at: None,
        }
    }

    /// How long it stays, in seconds: errors longer, to be read.
    pub fn lasts(&self) -> f64 {
        if self.error { 15.0 } else { 6.0 }
    }
}

/// Search across all columns (Ctrl+F; Enter and Shift+Enter step through the matches).
pub fn search_bar(app: &mut ParallaxApp, ui: &mut egui::Ui) {
    ui.horizontal(|ui| {
        let label = ui.label("Search all columns:");
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut app.search.query)
                    .id(Id::unique("search-field"))
                    .desired_width(260.0),
            )
            .labelled_by(label.id);
        if app.search.focus {
            response.request_focus();
            app.search.focus = false;
        }
        if response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            let back = ui.input(|i| i.modifiers.shift);
            app.step_search(if back { -1 } else { 1 });
            response.request_focus();
        }
        let count = app.search.matches.len();
        ui.label(if count == 0 {
            "no matches".to_string()
        } else {
            format!("{} of {count}", app.search.current + 1)
        });
        if ui
            .button("×")
            .on_hover_text("Close the search (Esc)")
            .clicked()
        {
            app.search.open = false;
        }
    });
    ui.separator();
}

/// Help windows: legend, shortcuts, about.
pub fn windows(app: &mut ParallaxApp, ctx: &egui::Context) {
    egui::Window::new("Legend")
        .open(&mut app.show_legend)
        .resizable(false)
        .show(ctx, |ui| {
            for kind in FindingKind::ALL {
                ui.horizontal(|ui| {
                    ui.label(
                        RichText::new(format!(" {} ", palette::kind_symbol(kind)))
                            .color(Color32::WHITE)
                            .background_color(palette::kind_color(kind)),
                    );
                    ui.label(match kind {
                        FindingKind::NumberMismatch => "Number: the same quantity, a different value",
                        FindingKind::DateMismatch => "Date: the same event, dated differently",
                        FindingKind::NameVariant => "Name: one person or place, spelled differently",
                        FindingKind::QuoteAttribution => "Quote: the same words, a different speaker",
                        FindingKind::Contradiction => "Contradiction: one asserts what another denies",
                        FindingKind::Wording => "Wording: loaded terms for the same thing",
                        FindingKind::Agreement => "Agreement: sources give the same value",
                        FindingKind::Unique => "Bar in the margin: only this source reports it",
                        FindingKind::QuoteWording => "Quote wording: one speaker's words, quoted differently",
                        FindingKind::CopyEdit => "Copy edit: what a near-copy added, dropped or reworded",
                    });
                });
            }
            ui.label("A soft tint shows which event a passage belongs to; a curve links the selection to the same event or claim in the next column.");
            ui.label(
                RichText::new("An event listed in grey italics")
                    .weak()
                    .italics(),
            );
            ui.label(format!(
                "is uncertain: its passages may not report one event (alignment confidence under {:.1}; the figure is on hover). A long event label is cut in the lists; hover it for the whole label.",
                parallax::settings::DEFAULT_MIN_CONFIDENCE
            ));
        });
    egui::Window::new("Keyboard shortcuts")
        .open(&mut app.show_shortcuts)
        .resizable(false)
        .show(ctx, |ui| {
            // Drawn from the table that handles the keys, so the two cannot drift.
            Grid::new("shortcuts").show(ui, |ui| {
                for (keys, action) in super::keys::help_lines() {
                    ui.label(RichText::new(keys).monospace());
                    ui.label(action);
                    ui.end_row();
                }
            });
        });
    egui::Window::new("About Parallax")
        .open(&mut app.show_about)
        .resizable(false)
        .show(ctx, |ui| {
            ui.label(format!("Parallax {}", env!("CARGO_PKG_VERSION")));
            ui.label("Compare how different sources report the same story. Everything runs on this machine.");
            ui.label("Fonts: Noto Sans, under the SIL Open Font License.");
        });
}

/// Notices in the corner: each goes after [`Notice::lasts`] seconds (the clock stops while
/// the pointer is on them), or when dismissed.
pub fn notices(app: &mut ParallaxApp, ctx: &egui::Context) {
    let now = ctx.input(|i| i.time);
    let hovered = ctx
        .memory(|m| m.data.get_temp::<bool>(Id::unique("notices-hovered")))
        .unwrap_or(false);
    for notice in &mut app.notices {
        let shown = *notice.shown_at.get_or_insert(now);
        if hovered {
            // Reading them: they wait.
            notice.shown_at = Some(shown.max(now - notice.lasts() + 2.0));
        }
    }
    app.notices
        .retain(|n| n.shown_at.is_none_or(|at| now - at < n.lasts()));
    if app.notices.is_empty() {
        return;
    }
    // Look again when the next one is due to go.
    let next = app
        .notices
        .iter()
        .filter_map(|n| n.shown_at.map(|at| at + n.lasts() - now))
        .fold(f64::INFINITY, f64::min);
    ctx.request_repaint_after(std::time::Duration::from_secs_f64(next.max(0.05)));
    let mut dismissed = None;
    let area = egui::Area::new(Id::unique("notices"))
        .anchor(Align2::RIGHT_BOTTOM, egui::vec2(-16.0, -40.0))
        .show(ctx, |ui| {
            for (index, notice) in app.notices.iter().enumerate().rev().take(5) {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.set_max_width(420.0);
                    ui.horizontal(|ui| {
                        let color = if notice.error {
                            ui.visuals().error_fg_color
                        } else {
                            ui.visuals().text_color()
                        };
                        ui.label(RichText::new(&notice.text).color(color));
                        if ui.small_button("×").on_hover_text("Dismiss").clicked() {
                            dismissed = Some(index);
                        }
                    });
                });
            }
        });
    let hovered = area.response.contains_pointer();
    ctx.memory_mut(|m| m.data.insert_temp(Id::unique("notices-hovered"), hovered));
    if let Some(index) = dismissed {
        app.notices.remove(index);
    }
}

/// A hint over the window while files are dragged over it.
pub fn drop_overlay(ctx: &egui::Context) {
    let hovering = ctx.input(|i| !i.raw.hovered_files.is_empty());
    if !hovering {
        return;
    }
    let painter = ctx.layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        Id::unique("drop"),
    ));
    let rect = ctx.content_rect();
    painter.rect_filled(rect, 0.0, Color32::from_black_alpha(160));
    painter.text(
        rect.center(),
        Align2::CENTER_CENTER,
        "Drop articles to add them to the comparison",
        egui::FontId::proportional(24.0),
        Color32::WHITE,
    );
}
