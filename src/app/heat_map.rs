//! The base-text heat map, after Juxta: one article (the base) as running text, each of its
//! passages shaded by how many of the other sources report it, and underlined by how many of
//! those differ from it. With five or more sources, the columns no longer fit side by side;
//! this shows at a glance what of the base story is corroborated, disputed or told by it
//! alone. Clicking a passage opens its event in the columns. Each passage starts a line of
//! its own, so that each is one clear target; paragraphs are spaced apart.
//!
//! The counts come from the report: the event of each passage, and each source's coverage of
//! that event ([`parallax::report::coverage`]: covered, agrees, differs or silent).

use super::{Command, MainView, ParallaxApp};
use egui::{Color32, RichText, ScrollArea, Sense, Stroke};
use parallax::model::{DocId, EventId, Report};
use parallax::report::Coverage;

/// What the heat map knows of one passage of the base.
#[derive(Debug, Clone, PartialEq)]
pub struct PassageHeat {
    pub event: Option<EventId>,
    /// The other sources that report the passage's event.
    pub reported_by: Vec<DocId>,
    /// Those of them whose account differs.
    pub differ: Vec<DocId>,
}

/// The heat of every passage of `base`.
pub fn passage_heat(analysis: &super::Analysis, base: DocId) -> Vec<PassageHeat> {
    let report = &analysis.report;
    let event_of = report.event_of_passages();
    report.documents[base.get()]
        .passages
        .iter()
        .map(|passage| {
            let event = event_of[base.get()][passage.index.get()];
            let (mut reported_by, mut differ) = (Vec::new(), Vec::new());
            if let Some(event) = event {
                let data = &report.events[event.get()];
                for document in data.documents().into_iter().filter(|d| *d != base) {
                    reported_by.push(document);
                    let coverage = parallax::report::coverage(
                        data,
                        analysis.findings_of(event),
                        report.documents[document.get()].account(),
                    );
                    if coverage == Coverage::Differs {
                        differ.push(document);
                    }
                }
            }
            PassageHeat {
                event,
                reported_by,
                differ,
            }
        })
        .collect()
}

/// The shade for a passage reported by `reported` of `others` other sources: stronger the
/// more sources report it.
fn shade(reported: usize, others: usize, dark: bool) -> Color32 {
    if reported == 0 {
        return Color32::TRANSPARENT;
    }
    let share = reported as f32 / others.max(1) as f32;
    // From a faint tint for one source to a strong one for all of them.
    let alpha = (25.0 + 150.0 * share) as u8;
    if dark {
        Color32::from_rgba_unmultiplied(70, 130, 200, alpha)
    } else {
        Color32::from_rgba_unmultiplied(40, 110, 210, alpha)
    }
}

/// The underline for a passage that `differ` sources tell differently.
fn difference_stroke(differ: usize) -> Stroke {
    if differ == 0 {
        Stroke::NONE
    } else {
        Stroke::new(
            1.0 + differ.min(4) as f32,
            super::palette::kind_color(parallax::model::FindingKind::NumberMismatch),
        )
    }
}

fn names(report: &Report, documents: &[DocId]) -> String {
    documents
        .iter()
        .map(|d| report.documents[d.get()].display_name())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Draws the heat map of the chosen base.
pub fn heat_map_ui(app: &mut ParallaxApp, ui: &mut egui::Ui) {
    let Some(analysis) = &app.analysis else {
        return;
    };
    let report = &analysis.report;
    let base = app
        .heat_base
        .filter(|b| b.get() < report.documents.len())
        .or_else(|| app.column_order.first().copied());
    let Some(base) = base else {
        return;
    };
    let others = report.documents.len().saturating_sub(1);
    let dark = ui.visuals().dark_mode;
    let mut chosen = None;
    ui.horizontal_wrapped(|ui| {
        egui::ComboBox::from_label("Base text")
            .selected_text(report.documents[base.get()].display_name())
            .show_ui(ui, |ui| {
                for document in &report.documents {
                    if ui
                        .selectable_label(document.index == base, document.display_name())
                        .clicked()
                    {
                        chosen = Some(document.index);
                    }
                }
            });
        ui.separator();
        ui.label("Shade: how many other sources report it");
        for reported in [1, others.div_ceil(2), others] {
            ui.label(
                RichText::new(format!(" {reported} "))
                    .background_color(shade(reported, others, dark)),
            );
        }
        ui.separator();
        let mut differs = egui::text::LayoutJob::default();
        differs.append(
            "underlined",
            0.0,
            egui::TextFormat {
                underline: difference_stroke(1),
                color: ui.visuals().text_color(),
                ..Default::default()
            },
        );
        differs.append(
            ": some tell it differently",
            0.0,
            egui::TextFormat {
                color: ui.visuals().text_color(),
                ..Default::default()
            },
        );
        ui.label(differs);
    });
    if others < 4 {
        ui.label(
            RichText::new(format!(
                "Made for five or more sources; {} open.",
                report.documents.len()
            ))
            .weak()
            .small(),
        );
    }
    ui.separator();
    let heat = passage_heat(analysis, base);
    let document = &report.documents[base.get()];
    let mut clicked = None;
    ScrollArea::vertical()
        .id_salt("heat-map")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.set_max_width(ui.available_width().min(760.0));
            let mut paragraph = None;
            let passages: Vec<_> = document.passages.iter().zip(&heat).collect();
            for group in passages.chunk_by(|a, b| a.0.paragraph == b.0.paragraph) {
                if paragraph.is_some() {
                    ui.add_space(8.0);
                }
                paragraph = Some(group[0].0.paragraph);
                // A passage per line: each is one target to click, with its own shading.
                ui.vertical(|ui| {
                    ui.spacing_mut().item_spacing.y = 2.0;
                    for (passage, heat) in group {
                        let text = &document.text[passage.start..passage.end];
                        let mut job = egui::text::LayoutJob::default();
                        job.append(
                            text,
                            0.0,
                            egui::TextFormat {
                                font_id: egui::FontId::proportional(15.0),
                                color: ui.visuals().text_color(),
                                background: shade(heat.reported_by.len(), others, dark),
                                underline: difference_stroke(heat.differ.len()),
                                ..Default::default()
                            },
                        );
                        let response = ui.add(egui::Label::new(job).wrap().sense(Sense::click()));
                        let response = if heat.event.is_some() {
                            let mut hover = format!(
                                "Reported by {} of {others} other sources",
                                heat.reported_by.len()
                            );
                            if !heat.reported_by.is_empty() {
                                hover.push_str(&format!(": {}", names(report, &heat.reported_by)));
                            }
                            if !heat.differ.is_empty() {
                                hover.push_str(&format!(
                                    "\n{} differ: {}",
                                    heat.differ.len(),
                                    names(report, &heat.differ)
                                ));
                            }
                            hover.push_str("\nClick to open the event in the columns.");
                            response.on_hover_text(hover)
                        } else {
                            response.on_hover_text("No other source reports this")
                        };
                        if response.clicked() {
                            clicked = heat.event;
                        }
                    }
                });
            }
        });
    if let Some(document) = chosen {
        app.heat_base = Some(document);
    }
    if let Some(event) = clicked {
        app.view = MainView::Columns;
        app.commands.push(Command::SelectEvent(Some(event)));
    }
}
