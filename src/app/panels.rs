//! The panels around the columns: menu bar, status bar with progress, events panel,
//! inspector, coverage overview, search bar, help windows, notices and the drop overlay.

use super::palette;
use super::session::EditAction;
use super::worker::DialogPurpose;
use super::{Command, EventSort, MainView, ParallaxApp};
use egui::{Align2, Color32, Grid, Id, RichText, ScrollArea, Sense, Stroke};
use parallax::model::{DocId, EventId, FindingKind, ReviewStatus};

/// File, View and Help menus.
pub fn menu_bar(app: &mut ParallaxApp, ui: &mut egui::Ui) {
    egui::Panel::top("menu").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                if ui.button("Open articles…  Ctrl+O").clicked() {
                    app.commands.push(Command::ShowDialog(DialogPurpose::Open));
                    ui.close();
                }
                if ui.button("Add articles…").clicked() {
                    app.commands.push(Command::ShowDialog(DialogPurpose::Add));
                    ui.close();
                }
                ui.menu_button("Close article", |ui| {
                    if let Some(analysis) = &app.analysis {
                        for document in &analysis.report.documents {
                            if ui.button(document.display_name()).clicked() {
                                app.commands.push(Command::CloseDocument(document.index));
                                ui.close();
                            }
                        }
                    }
                });
                ui.menu_button("Recent", |ui| {
                    if app.remembered.recent_files.is_empty() {
                        ui.label("Nothing yet");
                    }
                    for file in app.remembered.recent_files.clone() {
                        if ui.button(file.display().to_string()).clicked() {
                            app.commands.push(Command::Add(vec![file]));
                            ui.close();
                        }
                    }
                });
                if ui.button("Open the sample articles").clicked() {
                    app.commands.push(Command::Open(super::sample_files()));
                    ui.close();
                }
                ui.separator();
                if ui.button("Open session…").clicked() {
                    app.commands
                        .push(Command::ShowDialog(DialogPurpose::OpenSession));
                    ui.close();
                }
                ui.menu_button("Recent sessions", |ui| {
                    if app.remembered.recent_sessions.is_empty() {
                        ui.label("Nothing yet");
                    }
                    for file in app.remembered.recent_sessions.clone() {
                        if ui.button(file.display().to_string()).clicked() {
                            app.commands.push(Command::OpenSession(file));
                            ui.close();
                        }
                    }
                });
                if ui.button("Save session  Ctrl+S").clicked() {
                    app.commands.push(Command::SaveSession);
                    ui.close();
                }
                if ui.button("Save session as…  Ctrl+Shift+S").clicked() {
                    app.commands
                        .push(Command::ShowDialog(DialogPurpose::SaveSessionAs));
                    ui.close();
                }
                ui.separator();
                if ui.button("Export…").clicked() {
                    app.show_export = true;
                    ui.close();
                }
                ui.separator();
                if ui.button("Quit  Ctrl+Q").clicked() {
                    app.commands.push(Command::Quit);
                }
            });
            ui.menu_button("Edit", |ui| {
                if ui
                    .add_enabled(!app.work.undo.is_empty(), egui::Button::new("Undo  Ctrl+Z"))
                    .clicked()
                {
                    app.commands.push(Command::Undo);
                    ui.close();
                }
                if ui
                    .add_enabled(
                        !app.work.redo.is_empty(),
                        egui::Button::new("Redo  Ctrl+Shift+Z"),
                    )
                    .clicked()
                {
                    app.commands.push(Command::Redo);
                    ui.close();
                }
                ui.separator();
                ui.label(
                    RichText::new(
                        "Link: click a passage, then Ctrl+click one in another column, or drag a passage from the margin onto another. Right-click a passage or a mark for more.",
                    )
                    .weak(),
                );
            });
            ui.menu_button("View", |ui| {
                if ui
                    .checkbox(&mut app.remembered.dark, "Dark theme")
                    .changed()
                {
                    ui.close();
                }
                ui.checkbox(&mut app.remembered.show_connectors, "Show connectors");
                ui.checkbox(
                    &mut app.remembered.only_differences,
                    "Only events with differences",
                );
                if ui
                    .checkbox(&mut app.remembered.show_uncertain, "Show uncertain findings")
                    .on_hover_text(format!(
                        "Also show findings below confidence {:.2}, the level calibrated for about 90% precision on judged real news",
                        parallax::settings::DEFAULT_MIN_CONFIDENCE
                    ))
                    .changed()
                {
                    app.refilter();
                }
                ui.checkbox(&mut app.show_inspector, "Inspector");
                ui.checkbox(&mut app.show_notes, "Notes panel");
                if ui
                    .checkbox(
                        &mut app.findings_panel.open,
                        format!(
                            "Findings panel (review queue)  {}",
                            super::keys::hint(super::keys::KeyAction::ToggleFindings)
                        ),
                    )
                    .changed()
                {
                    app.findings_panel.reveal = true;
                }
                ui.separator();
                ui.radio_value(&mut app.view, MainView::Columns, "Columns");
                ui.radio_value(&mut app.view, MainView::Overview, "Overview (coverage)");
                ui.separator();
                ui.checkbox(&mut app.show_events, "Events panel");
                let mut fit = app.fit_columns();
                if ui
                    .checkbox(&mut fit, "Fit columns")
                    .on_hover_text(format!(
                        "Share the width among all open columns, down to {} points each (on by default up to {} columns)",
                        super::columns::FIT_MIN_WIDTH,
                        super::columns::FIT_BY_DEFAULT
                    ))
                    .changed()
                {
                    app.remembered.fit_columns = Some(fit);
                }
                ui.separator();
                if ui.button("Zoom in  Ctrl+=").clicked() {
                    egui::gui_zoom::zoom_in(ui.ctx());
                }
                if ui.button("Zoom out  Ctrl+-").clicked() {
                    egui::gui_zoom::zoom_out(ui.ctx());
                }
                if ui.button("Actual size  Ctrl+0").clicked() {
                    ui.ctx().set_zoom_factor(1.0);
                }
                if let Some(analysis) = &app.analysis {
                    ui.menu_button("Columns", |ui| {
                        for document in &analysis.report.documents {
                            let mut shown = !app.hidden.contains(&document.index);
                            if ui.checkbox(&mut shown, document.display_name()).changed() {
                                if shown {
                                    app.hidden.remove(&document.index);
                                } else {
                                    app.hidden.insert(document.index);
                                }
                            }
                        }
                    });
                }
            });
            ui.menu_button("Help", |ui| {
                if ui.button("Legend of the marks").clicked() {
                    app.show_legend = true;
                    ui.close();
                }
                if ui.button("Keyboard shortcuts").clicked() {
                    app.show_shortcuts = true;
                    ui.close();
                }
                if ui.button("About Parallax").clicked() {
                    app.show_about = true;
                    ui.close();
                }
            });
            ui.separator();
            ui.selectable_value(&mut app.view, MainView::Columns, "Columns");
            ui.selectable_value(&mut app.view, MainView::Overview, "Overview");
            ui.separator();
            if ui.button("Legend").clicked() {
                app.show_legend = !app.show_legend;
            }
            super::responsive::overlay_toggle(app, ui);
        });
    });
}

/// Progress of the background analysis, and the summary of what is open.
pub fn status_bar(app: &mut ParallaxApp, ui: &mut egui::Ui) {
    egui::Panel::bottom("status").show(ui, |ui| {
        ui.horizontal(|ui| {
            if let Some(progress) = app.job_progress() {
                let (stage, done, total) = progress;
                let fraction = if total > 0 {
                    done as f32 / total as f32
                } else {
                    0.0
                };
                ui.add(
                    egui::ProgressBar::new(fraction)
                        .desired_width(220.0)
                        .text(format!("{} {done}/{total}", stage.name())),
                );
                if ui.button("Cancel").clicked() {
                    app.commands.push(Command::CancelAnalysis);
                }
            } else if let Some(analysis) = &app.analysis {
                let report = &analysis.report;
                let dismissed = report.findings.iter().filter(|f| f.is_dismissed()).count();
                let differences = analysis.differences.len();
                ui.label(format!(
                    "{} · {} · {} · {dismissed} dismissed · {} · {} not loaded",
                    super::count(report.documents.len(), "article", "articles"),
                    super::count(report.events.len(), "shared event", "shared events"),
                    super::count(differences, "difference", "differences"),
                    super::count(report.notes.len(), "note", "notes"),
                    report.failures.len()
                ));
                if !report.orphans.is_empty()
                    && ui
                        .link(format!("{} orphaned", report.orphans.len()))
                        .clicked()
                {
                    app.show_notes = true;
                }
            }
        });
    });
}

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
                                let response = ui.selectable_label(selected, list_label(&full));
                                if full.chars().count() > 46 {
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

/// A colour per source, for the coverage dots.
pub fn source_color(document: DocId, dark: bool) -> Color32 {
    palette::event_color(document.get() * 7 + 3, dark)
}

/// Content words of a passage that no other source's passages of the event use: a
/// word-level difference that suits prose, where word order differs from source to source.
fn word_differences(text: &str, others: &[&str]) -> Vec<(usize, usize, bool)> {
    let other_words: std::collections::HashSet<String> = others
        .iter()
        .flat_map(|other| parallax::text::tokens(other))
        .map(|t| parallax::text::fold(t.text))
        .collect();
    parallax::text::tokens(text)
        .iter()
        .map(|t| {
            let folded = parallax::text::fold(t.text);
            let content = folded.chars().count() > 3 || t.is_numeric() || t.is_capitalised();
            (t.start, t.end, content && !other_words.contains(&folded))
        })
        .collect()
}

fn diff_label(ui: &mut egui::Ui, text: &str, others: &[&str]) {
    let mut job = egui::text::LayoutJob::default();
    let base = egui::TextFormat {
        color: ui.visuals().text_color(),
        font_id: egui::FontId::proportional(14.0),
        ..Default::default()
    };
    let changed = egui::TextFormat {
        background: Color32::from_rgba_unmultiplied(230, 159, 0, 70),
        underline: Stroke::new(1.0, Color32::from_rgb(230, 159, 0)),
        ..base.clone()
    };
    let mut at = 0;
    for (start, end, different) in word_differences(text, others) {
        if start > at {
            job.append(&text[at..start], 0.0, base.clone());
        }
        job.append(
            &text[start..end],
            0.0,
            if different {
                changed.clone()
            } else {
                base.clone()
            },
        );
        at = end;
    }
    if at < text.len() {
        job.append(&text[at..], 0.0, base);
    }
    job.wrap.max_width = ui.available_width();
    ui.label(job);
}

/// The inspector: the selected event's passages side by side with word differences, its
/// findings as a table, and why the passages were aligned.
///
/// Its width stays as set (default [`INSPECTOR_WIDTH`]): what does not fit scrolls inside it
/// instead of widening it, so the columns never jump when the selection changes.
pub fn inspector(app: &mut ParallaxApp, ui: &mut egui::Ui) {
    let shown = egui::Panel::right("inspector")
        .resizable(true)
        .default_size(INSPECTOR_WIDTH)
        .min_size(240.0)
        .max_size(520.0)
        .show(ui, |ui| {
            ui.heading("Inspector");
            inspector_body(app, ui);
        });
    app.panel_widths.1 = Some(shown.response.rect.width());
}

/// The inspector's default width, in the side panel and as an overlay.
pub const INSPECTOR_WIDTH: f32 = 380.0;

/// What the inspector shows, in its side panel or its overlay.
pub fn inspector_body(app: &mut ParallaxApp, ui: &mut egui::Ui) {
    let Some(analysis) = &app.analysis else {
        return;
    };
    let report = &analysis.report;
    let Some(event) = app.selected_event.and_then(|e| report.events.get(e.get())) else {
        ui.label("Select an event in the list, or click a passage.");
        return;
    };
    let mut command = None;
    let mut rename = None;
    let mut review = None;
    ScrollArea::both()
                .id_salt("inspector-scroll")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    ui.horizontal(|ui| {
                        ui.label(RichText::new(&event.label).strong().size(15.0));
                        if event.edited {
                            ui.label(RichText::new("edited").small().weak())
                                .on_hover_text("You corrected this event (link, unlink, split or rename). Edit → Undo reverts it.");
                        }
                        if ui.small_button("Rename…").clicked() {
                            rename = Some((event.index, event.label.clone()));
                        }
                    });
                    ui.label(
                        RichText::new(format!("Alignment confidence {:.2}", event.confidence))
                            .weak(),
                    )
                    .on_hover_text("How sure Parallax is that every passage here reports this one happening or fact");
                    if let Some(date) = &event.date {
                        ui.label(RichText::new(date).weak());
                    }
                    ui.separator();
                    ui.label(RichText::new("Passages").strong());
                    let documents = event.documents();
                    let texts: Vec<(DocId, String)> = documents
                        .iter()
                        .map(|d| {
                            let text: Vec<&str> = event
                                .passages
                                .iter()
                                .filter(|p| p.document == *d)
                                .map(|p| report.passage_text(*p))
                                .collect();
                            (*d, text.join(" "))
                        })
                        .collect();
                    ui.label(
                        RichText::new("Words that no other source uses here are shaded.")
                            .weak()
                            .small(),
                    );
                    for (index, (document, text)) in texts.iter().enumerate() {
                        let others: Vec<&str> = texts
                            .iter()
                            .enumerate()
                            .filter(|(other, _)| *other != index)
                            .map(|(_, (_, t))| t.as_str())
                            .collect();
                        ui.label(
                            RichText::new(report.documents[document.get()].display_name())
                                .color(source_color(*document, ui.visuals().dark_mode))
                                .strong(),
                        );
                        diff_label(ui, text, &others);
                        ui.add_space(4.0);
                    }
                    ui.separator();
                    ui.label(RichText::new("Findings").strong());
                    let findings: Vec<_> = report
                        .findings
                        .iter()
                        .filter(|f| f.event == Some(event.index))
                        .collect();
                    if findings.is_empty() {
                        ui.label("No findings for this event.");
                    }
                    // The table may be wider than the panel: it scrolls sideways inside it.
                    if !findings.is_empty() {
                    ScrollArea::horizontal()
                        .id_salt("findings-table-scroll")
                        .show(ui, |ui| {
                            Grid::new("findings-table").striped(true).show(ui, |ui| {
                                ui.label(RichText::new("Kind").strong());
                                ui.label(RichText::new("Review").strong());
                                for document in &documents {
                                    ui.label(
                                        RichText::new(
                                            report.documents[document.get()].display_name(),
                                        )
                                        .strong(),
                                    );
                                }
                                ui.end_row();
                                for finding in &findings {
                                    let dismissed = finding.is_dismissed();
                                    let mut title = RichText::new(format!(
                                        "{} {}",
                                        palette::kind_symbol(finding.kind),
                                        finding.kind.title()
                                    ));
                                    title = if dismissed {
                                        title.strikethrough().weak()
                                    } else {
                                        title.color(palette::kind_color(finding.kind))
                                    };
                                    let evidence = std::iter::once(finding.summary.clone())
                                        .chain(std::iter::once(format!(
                                            "Confidence {:.2}",
                                            finding.confidence
                                        )))
                                        .chain(finding.evidence.iter().map(|e| format!("– {e}")))
                                        .collect::<Vec<_>>()
                                        .join("\n");
                                    ui.label(title).on_hover_text(evidence);
                                    ui.vertical(|ui| {
                                        let status = finding.review.as_ref().map(|r| r.status);
                                        let mut comment = app
                                            .comment_drafts
                                            .get(&finding.index)
                                            .cloned()
                                            .or_else(|| {
                                                finding.review.as_ref().map(|r| r.comment.clone())
                                            })
                                            .unwrap_or_default();
                                        ui.horizontal(|ui| {
                                            let confirmed = status == Some(ReviewStatus::Confirmed);
                                            if ui
                                                .selectable_label(confirmed, "Confirm")
                                                .on_hover_text("You checked it: the sources really differ here.")
                                                .clicked()
                                            {
                                                review = Some((
                                                    finding.index,
                                                    (!confirmed).then_some(ReviewStatus::Confirmed),
                                                    comment.clone(),
                                                ));
                                            }
                                            let is_dismissed = status == Some(ReviewStatus::Dismissed);
                                            if ui
                                                .selectable_label(is_dismissed, "Dismiss")
                                                .on_hover_text("Not a real difference. It stays visible, greyed out.")
                                                .clicked()
                                            {
                                                review = Some((
                                                    finding.index,
                                                    (!is_dismissed).then_some(ReviewStatus::Dismissed),
                                                    comment.clone(),
                                                ));
                                            }
                                        });
                                        if status.is_some() {
                                            let edit = ui.add(
                                                egui::TextEdit::singleline(&mut comment)
                                                    .hint_text("Comment")
                                                    .desired_width(140.0),
                                            );
                                            if edit.changed() {
                                                app.comment_drafts
                                                    .insert(finding.index, comment.clone());
                                            }
                                            if edit.lost_focus() {
                                                app.comment_drafts.remove(&finding.index);
                                                if finding.review.as_ref().map(|r| &r.comment)
                                                    != Some(&comment)
                                                {
                                                    review = Some((finding.index, status, comment));
                                                }
                                            }
                                        }
                                    });
                                    for document in &documents {
                                        let claims: Vec<_> = finding
                                            .claims
                                            .iter()
                                            .filter(|c| c.document == *document)
                                            .collect();
                                        ui.vertical(|ui| {
                                            for claim in claims {
                                                let value = claim
                                                    .value
                                                    .as_deref()
                                                    .filter(|v| *v != claim.text)
                                                    .map(|v| format!(" ({v})"))
                                                    .unwrap_or_default();
                                                if ui
                                                    .link(format!("“{}”{value}", claim.text))
                                                    .on_hover_text("Show it in its column")
                                                    .clicked()
                                                {
                                                    command = Some(Command::ScrollTo {
                                                        document: claim.document,
                                                        start: claim.start,
                                                        end: claim.end,
                                                    });
                                                }
                                            }
                                        });
                                    }
                                    ui.end_row();
                                }
                            });
                        });
                    }
                    ui.separator();
                    ui.label(RichText::new("Why these passages were aligned").strong());
                    if !event.anchors.is_empty() {
                        ui.label("Shared anchors:");
                        for anchor in &event.anchors {
                            ui.label(format!(
                                "• {:?}: {} (strength {:.2}, {} sources)",
                                anchor.kind, anchor.text, anchor.strength, anchor.sources
                            ));
                        }
                        ui.label("Shared features:");
                    }
                    for evidence in &event.evidence {
                        ui.label(format!(
                            "{:?}: {} (weight {:.2})",
                            evidence.kind, evidence.text, evidence.weight
                        ));
                    }
                    ui.label(RichText::new(format!("Cohesion {:.2}", event.cohesion)).weak());
                });
    if let Some(command) = command {
        app.commands.push(command);
    }
    if rename.is_some() {
        app.rename_draft = rename;
    }
    if let Some((finding, status, comment)) = review {
        app.commands
            .push(Command::Edit(EditAction::Review(finding, status, comment)));
    }
}

use parallax::report::Coverage;

/// How a source covers an event, from the event's findings.
fn coverage(analysis: &super::Analysis, event: EventId, document: DocId) -> Coverage {
    parallax::report::coverage(
        &analysis.report.events[event.get()],
        analysis.findings_of(event),
        document,
    )
}

/// The overview: events as rows, sources as columns; click a cell to open the event.
pub fn overview(app: &mut ParallaxApp, ui: &mut egui::Ui) {
    let Some(analysis) = &app.analysis else {
        return;
    };
    let report = &analysis.report;
    let dark = ui.visuals().dark_mode;
    let events = app.visible_events();
    let mut clicked = None;
    ui.label("Coverage: which source reports which event, and whether it agrees or differs.");
    ui.horizontal(|ui| {
        for (coverage, text) in [
            (Coverage::Covered, "covers"),
            (Coverage::Agrees, "agrees"),
            (Coverage::Differs, "differs"),
            (Coverage::Silent, "silent"),
        ] {
            let (fill, symbol) = coverage_style(coverage, dark);
            ui.label(RichText::new(format!(" {symbol} ")).background_color(fill));
            ui.label(text);
        }
    });
    ScrollArea::both().id_salt("overview").show(ui, |ui| {
        Grid::new("overview-grid")
            .striped(true)
            .spacing([8.0, 4.0])
            .show(ui, |ui| {
                ui.label(RichText::new("Event").strong());
                for document in &report.documents {
                    ui.label(RichText::new(document.display_name()).strong());
                }
                ui.end_row();
                for event in &events {
                    let data = &report.events[event.get()];
                    if ui
                        .selectable_label(app.selected_event == Some(*event), &data.label)
                        .clicked()
                    {
                        clicked = Some(*event);
                    }
                    for document in &report.documents {
                        let coverage = coverage(analysis, *event, document.account());
                        let (fill, symbol) = coverage_style(coverage, dark);
                        let label = format!("{:?}", coverage).to_lowercase();
                        let response = ui
                            .add(
                                egui::Button::new(RichText::new(symbol).color(Color32::WHITE))
                                    .fill(fill)
                                    .min_size(egui::vec2(64.0, 20.0)),
                            )
                            .on_hover_text(format!("{}: {label}", document.display_name()));
                        if response.clicked() {
                            clicked = Some(*event);
                        }
                    }
                    ui.end_row();
                }
            });
    });
    if let Some(event) = clicked {
        app.view = MainView::Columns;
        app.commands.push(Command::SelectEvent(Some(event)));
    }
}

fn coverage_style(coverage: Coverage, dark: bool) -> (Color32, &'static str) {
    match coverage {
        Coverage::Covered => (Color32::from_rgb(86, 140, 190), "•"),
        Coverage::Agrees => (palette::kind_color(FindingKind::Agreement), "="),
        Coverage::Differs => (palette::kind_color(FindingKind::NumberMismatch), "≠"),
        Coverage::Silent => (
            if dark {
                Color32::from_gray(60)
            } else {
                Color32::from_gray(200)
            },
            "·",
        ),
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
                    });
                });
            }
            ui.label("A soft tint shows which event a passage belongs to; curves link it to the same event in the next column.");
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

/// Notices in the corner; each can be dismissed.
pub fn notices(app: &mut ParallaxApp, ctx: &egui::Context) {
    if app.notices.is_empty() {
        return;
    }
    let mut dismissed = None;
    egui::Area::new(Id::unique("notices"))
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
