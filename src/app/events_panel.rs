//! The events panel (left): every event with its date, the sources that report it and badges
//! counting its findings by kind; filter by text and kind, sort, and the "Reported by one
//! source only" and "Not loaded" groups.

use super::palette::{self, source_color};
use super::{Command, EventSort, ParallaxApp};
use egui::{RichText, ScrollArea, Sense};
use parallax::model::{EventId, FindingKind};

fn finding_counts(analysis: &super::Analysis, event: EventId) -> Vec<(FindingKind, usize)> {
    FindingKind::ALL
        .iter()
        .map(|kind| {
            (
                *kind,
                analysis
                    .findings_of(event)
                    .filter(|f| f.kind == *kind && !f.is_dismissed())
                    .count(),
            )
        })
        .filter(|(_, count)| *count > 0)
        .collect()
}

/// An event's line in the events panel: cut after 45 characters so that the panel keeps its
/// width (the whole label shows on hover and in the inspector).
pub fn list_label(full: &str) -> String {
    if full.chars().count() > 46 {
        full.chars().take(45).collect::<String>() + "…"
    } else {
        full.to_string()
    }
}

/// The events panel: every event with its sources and finding badges; filter, search, sort.
pub fn events_panel(app: &mut ParallaxApp, ui: &mut egui::Ui) {
    let shown = egui::Panel::left("events")
        .resizable(true)
        .default_size(app.panel_widths.0.unwrap_or(280.0))
        .min_size(200.0)
        .max_size(380.0)
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.heading("Events");
                super::responsive::collapse_button(app, ui);
            });
            ui.horizontal(|ui| {
                ui.add(
                    egui::TextEdit::singleline(&mut app.event_filter_text)
                        .hint_text("Filter events")
                        .desired_width(150.0),
                );
                egui::ComboBox::from_label("Sort")
                    .selected_text(match app.event_sort {
                        EventSort::DocumentOrder => "Document order",
                        EventSort::MostSources => "Most sources",
                        EventSort::MostDifferences => "Most differences",
                    })
                    .show_ui(ui, |ui| {
                        ui.selectable_value(
                            &mut app.event_sort,
                            EventSort::DocumentOrder,
                            "Document order",
                        );
                        ui.selectable_value(
                            &mut app.event_sort,
                            EventSort::MostSources,
                            "Most sources",
                        );
                        ui.selectable_value(
                            &mut app.event_sort,
                            EventSort::MostDifferences,
                            "Most differences",
                        );
                    });
            });
            ui.horizontal_wrapped(|ui| {
                for kind in FindingKind::ALL {
                    if kind == FindingKind::Unique {
                        continue;
                    }
                    let active = app.event_filter_kinds.contains(&kind);
                    let text =
                        RichText::new(palette::kind_symbol(kind)).color(palette::kind_color(kind));
                    if ui
                        .selectable_label(active, text)
                        .on_hover_text(format!("Only events with: {}", kind.title()))
                        .clicked()
                    {
                        if active {
                            app.event_filter_kinds.remove(&kind);
                        } else {
                            app.event_filter_kinds.insert(kind);
                        }
                    }
                }
            });
            ui.separator();
            let events = app.visible_events();
            let Some(analysis) = &app.analysis else {
                return;
            };
            let report = &analysis.report;
            let dark = ui.visuals().dark_mode;
            let mut clicked = None;
            let mut rename = None;
            let mut clicked_finding = None;
            ScrollArea::vertical()
                .id_salt("events-list")
                .show(ui, |ui| {
                    for event_id in &events {
                        let event = &report.events[event_id.get()];
                        let selected = app.selected_event == Some(*event_id);
                        let color = palette::event_color(event.index.get(), dark);
                        let response = ui
                            .horizontal(|ui| {
                                let (rect, _) =
                                    ui.allocate_exact_size(egui::vec2(10.0, 10.0), Sense::hover());
                                ui.painter().circle_filled(rect.center(), 5.0, color);
                                let date = event
                                    .date
                                    .as_deref()
                                    .map(|d| format!(" ({d})"))
                                    .unwrap_or_default();
                                let edited = if event.edited { "  · edited" } else { "" };
                                // Long labels are cut so that the panel keeps its width;
                                // the whole label shows on hover and in the inspector.
                                let full = format!("{}{date}{edited}", event.label);
                                // An uncertain event (held by words alone, or weakly
                                // anchored) is listed greyed, with its confidence on hover.
                                let uncertain =
                                    event.confidence < parallax::settings::DEFAULT_MIN_CONFIDENCE;
                                let text = if uncertain {
                                    RichText::new(list_label(&full)).weak().italics()
                                } else {
                                    RichText::new(list_label(&full))
                                };
                                let response = ui.selectable_label(selected, text);
                                if uncertain {
                                    response.on_hover_text(format!(
                                        "{full}\nUncertain event (alignment confidence {:.2})",
                                        event.confidence
                                    ))
                                } else if full.chars().count() > 46 {
                                    response.on_hover_text(full)
                                } else {
                                    response
                                }
                            })
                            .inner;
                        response.context_menu(|ui| {
                            if ui.button("Rename event…").clicked() {
                                rename = Some((event.index, event.label.clone()));
                                ui.close();
                            }
                        });
                        if response.clicked() {
                            clicked = Some(*event_id);
                        }
                        if selected && app.scroll_requests.iter().any(|_| true) {
                            response.scroll_to_me(None);
                        }
                        ui.horizontal_wrapped(|ui| {
                            ui.add_space(16.0);
                            for document in event.documents() {
                                let name = report.documents[document.get()].display_name();
                                ui.label(RichText::new("•").color(source_color(document, dark)))
                                    .on_hover_text(name);
                            }
                            for (kind, count) in finding_counts(analysis, event.index) {
                                ui.label(
                                    RichText::new(format!("{}{count}", palette::kind_symbol(kind)))
                                        .small()
                                        .color(palette::kind_color(kind)),
                                )
                                .on_hover_text(format!("{count} × {}", kind.title()));
                            }
                        });
                    }
                    ui.separator();
                    egui::CollapsingHeader::new("Reported by one source only")
                        .default_open(false)
                        .show(ui, |ui| {
                            for finding in report
                                .findings
                                .iter()
                                .filter(|f| f.kind == FindingKind::Unique)
                            {
                                let Some(first) = finding.claims.first() else {
                                    continue;
                                };
                                let source = report.documents[first.document.get()].display_name();
                                let preview: String = first.text.chars().take(70).collect();
                                if ui
                                    .selectable_label(
                                        app.selected_finding == Some(finding.index),
                                        format!("{source}: {preview}…"),
                                    )
                                    .clicked()
                                {
                                    clicked_finding = Some(finding.index);
                                }
                            }
                        });
                    if !report.failures.is_empty() {
                        egui::CollapsingHeader::new(format!(
                            "Not loaded ({})",
                            report.failures.len()
                        ))
                        .default_open(true)
                        .show(ui, |ui| {
                            for failure in &report.failures {
                                ui.label(
                                    RichText::new(format!("{}: {}", failure.path, failure.error))
                                        .color(ui.visuals().error_fg_color),
                                );
                            }
                        });
                    }
                });
            if let Some(event) = clicked {
                app.commands.push(Command::SelectEvent(Some(event)));
            }
            if let Some(finding) = clicked_finding {
                app.commands.push(Command::SelectFinding(finding));
            }
            if rename.is_some() {
                app.rename_draft = rename;
            }
        });
    app.panel_widths.0 = Some(shown.response.rect.width());
}
