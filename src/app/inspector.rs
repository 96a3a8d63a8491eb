//! The inspector (right): the selected event's passages with word-level differences, its
//! findings as a table with a cell per source, and why the passages were aligned.

use super::palette::{self, source_color};
use super::session::EditAction;
use super::{Command, ParallaxApp};
use egui::{Color32, Grid, RichText, ScrollArea, Stroke};
use parallax::model::{DocId, ReviewStatus};

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
