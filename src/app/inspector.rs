//! The inspector (right): what the selected event is and why, explained.
//!
//! From top to bottom:
//! - the event: its label, date, alignment confidence and the anchors the passages share;
//! - the findings, one block each: kind, confidence, summary and the engine's evidence,
//!   the sources it concerns, Confirm and Dismiss, and a comment field the width of the
//!   panel. Every row wraps within the panel's width, so nothing overlaps and nothing is cut
//!   off at the right (the old table with a column per source did both);
//! - one card per source: its claims with their values (a click shows the claim in its
//!   column), and the word-level difference of its *aligned clauses* only (`clauses`), so
//!   that a paraphrase does not shade every word;
//! - why the passages were aligned (shared features, cohesion), folded.
//!
//! Its width stays as set (default [`INSPECTOR_WIDTH`]): content wraps or scrolls down
//! inside it instead of widening it, so the columns never jump when the selection changes.

use super::clauses::{AlignedClause, aligned_clauses};
use super::palette::{self, source_color};
use super::session::EditAction;
use super::{Command, ParallaxApp};
use egui::{Color32, RichText, ScrollArea, Stroke};
use parallax::model::{DocId, Finding, FindingId, ReviewStatus};

/// The inspector's default width in its side panel (narrower on a narrow window).
pub const INSPECTOR_WIDTH: f32 = 380.0;

/// How many shared anchors the event's header names (the rest are under "Why").
const ANCHORS_SHOWN: usize = 5;

/// The inspector as a side panel. On a narrow window it has a panel of its own, narrower,
/// with a button that hides it (`responsive`).
pub fn inspector(app: &mut ParallaxApp, ui: &mut egui::Ui) {
    let panel = if app.narrow {
        let width = super::responsive::narrow_inspector_width(ui.ctx().content_rect().width());
        egui::Panel::right("inspector-narrow")
            .resizable(false)
            .exact_size(width)
    } else {
        egui::Panel::right("inspector")
            .resizable(true)
            .default_size(INSPECTOR_WIDTH)
            .min_size(240.0)
            .max_size(520.0)
    };
    let shown = panel.show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.heading("Inspector");
            super::responsive::hide_button(app, ui);
        });
        inspector_body(app, ui);
    });
    app.inspector_rect = shown.response.rect;
    if !app.narrow {
        app.panel_widths.1 = Some(shown.response.rect.width());
    }
}

/// One claim of a finding: its words as a link to its place in the column, then its value
/// and its note.
pub(super) fn claim_ui(ui: &mut egui::Ui, claim: &parallax::model::Claim, actions: &mut Actions) {
    if ui
        .link(format!("“{}”", claim.text))
        .on_hover_text("Show it in its column")
        .clicked()
    {
        actions.command = Some(Command::ScrollTo {
            document: claim.document,
            start: claim.start,
            end: claim.end,
        });
    }
    if let Some(value) = claim.value.as_deref().filter(|v| *v != claim.text) {
        ui.label(RichText::new(format!("= {value}")).strong());
    }
    if let Some(note) = &claim.note {
        ui.label(RichText::new(format!("({note})")).weak());
    }
}

/// What the user did in the inspector this frame, applied after drawing it.
#[derive(Default)]
pub(super) struct Actions {
    pub(super) command: Option<Command>,
    rename: Option<(parallax::model::EventId, String)>,
    review: Option<(FindingId, Option<ReviewStatus>, String)>,
    comment_drafts: Vec<(FindingId, Option<String>)>,
    /// The current finding's block was scrolled into view.
    revealed: Option<FindingId>,
}

impl Actions {
    pub(super) fn apply(self, app: &mut ParallaxApp) {
        if let Some(command) = self.command {
            app.commands.push(command);
        }
        if self.rename.is_some() {
            app.rename_draft = self.rename;
        }
        for (finding, draft) in self.comment_drafts {
            match draft {
                Some(text) => app.comment_drafts.insert(finding, text),
                None => app.comment_drafts.remove(&finding),
            };
        }
        if let Some((finding, status, comment)) = self.review {
            app.commands
                .push(Command::Edit(EditAction::Review(finding, status, comment)));
        }
        if self.revealed.is_some() {
            app.inspector_revealed = self.revealed;
        }
    }
}

/// What the inspector shows under its heading.
pub fn inspector_body(app: &mut ParallaxApp, ui: &mut egui::Ui) {
    let Some(analysis) = &app.analysis else {
        return;
    };
    let report = &analysis.report;
    // A finding outside every event (a name spelled differently, a passage one source
    // alone reports) has a card of its own: the inspector never shows an event it is not in.
    if let Some(finding) = app
        .selected_finding
        .and_then(|f| report.findings.get(f.get()))
        .filter(|f| f.event.is_none())
    {
        let finding = finding.index;
        super::inspector_card::finding_card(app, ui, finding);
        return;
    }
    let Some(event) = app.selected_event.and_then(|e| report.events.get(e.get())) else {
        ui.label("Select an event in the list, or click a passage.");
        return;
    };
    let mut actions = Actions::default();
    let findings: Vec<&Finding> = analysis.findings_of(event.index).collect();
    let documents = event.documents();
    let dark = ui.visuals().dark_mode;
    ScrollArea::vertical()
        .id_salt("inspector-scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            // Everything wraps at the panel's width.
            ui.set_max_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                ui.add(egui::Label::new(RichText::new(&event.label).strong().size(15.0)).wrap());
                if event.edited {
                    ui.label(RichText::new("edited").small().weak())
                        .on_hover_text("You corrected this event (link, unlink, split or rename). Edit → Undo reverts it.");
                }
                if ui.small_button("Rename…").clicked() {
                    actions.rename = Some((event.index, event.label.clone()));
                }
            });
            let mut facts = vec![
                format!("Alignment confidence {:.2}", event.confidence),
                super::count(documents.len(), "source", "sources"),
            ];
            facts.extend(event.date.clone());
            ui.label(RichText::new(facts.join(" · ")).weak())
                .on_hover_text("How sure Parallax is that every passage here reports this one happening or fact");
            if !event.anchors.is_empty() {
                let mut anchors: Vec<_> = event.anchors.iter().collect();
                anchors.sort_by(|a, b| b.strength.total_cmp(&a.strength));
                let named: Vec<&str> = anchors
                    .iter()
                    .take(ANCHORS_SHOWN)
                    .map(|a| a.text.as_str())
                    .collect();
                ui.add(
                    egui::Label::new(
                        RichText::new(format!("Shared anchors: {}", named.join(", "))).small(),
                    )
                    .wrap(),
                );
            }
            ui.separator();
            ui.label(RichText::new("Findings").strong());
            if findings.is_empty() {
                ui.label("No findings for this event.");
            }
            // With several, the selected one is marked and scrolled to once.
            let marked = (findings.len() > 1).then_some(app.selected_finding).flatten();
            for finding in &findings {
                let current = marked == Some(finding.index);
                let block = Block {
                    current,
                    reveal: current && app.inspector_revealed != Some(finding.index),
                };
                finding_block(ui, &app.comment_drafts, report, finding, block, &mut actions);
            }
            ui.separator();
            // One card per source.
            let texts: Vec<String> = documents
                .iter()
                .map(|d| {
                    event
                        .passages
                        .iter()
                        .filter(|p| p.document == *d)
                        .map(|p| report.passage_text(*p))
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect();
            // Pairing clauses costs more than a frame should: it is kept while the texts
            // stay the same.
            if app.clause_cache.as_ref().is_none_or(|(cached, _)| *cached != texts) {
                let text_refs: Vec<&str> = texts.iter().map(String::as_str).collect();
                app.clause_cache = Some((texts.clone(), aligned_clauses(&text_refs)));
            }
            let aligned = &app.clause_cache.as_ref().expect("filled above").1;
            ui.label(RichText::new("Sources").strong());
            ui.label(
                RichText::new(
                    "Each source's claims, and its clauses that match another source's, with the words the others do not use shaded.",
                )
                .weak()
                .small(),
            );
            for (index, document) in documents.iter().enumerate() {
                source_card(
                    ui,
                    report,
                    *document,
                    &findings,
                    &texts[index],
                    &aligned[index],
                    dark,
                    &mut actions,
                );
            }
            ui.separator();
            egui::CollapsingHeader::new("Why these passages were aligned")
                .default_open(false)
                .show(ui, |ui| {
                    for anchor in &event.anchors {
                        ui.add(
                            egui::Label::new(format!(
                                "• {:?}: {} (strength {:.2}, {})",
                                anchor.kind,
                                anchor.text,
                                anchor.strength,
                                super::count(anchor.sources, "source", "sources")
                            ))
                            .wrap(),
                        );
                    }
                    for evidence in &event.evidence {
                        ui.add(
                            egui::Label::new(format!(
                                "{:?}: {} (weight {:.2})",
                                evidence.kind, evidence.text, evidence.weight
                            ))
                            .wrap(),
                        );
                    }
                    ui.label(RichText::new(format!("Cohesion {:.2}", event.cohesion)).weak());
                });
        });
    actions.apply(app);
}

/// One source's card: its name, its claims with their values, and its aligned clauses with
/// the differing words shaded.
#[allow(clippy::too_many_arguments)] // One call site; the arguments are the card's content.
fn source_card(
    ui: &mut egui::Ui,
    report: &parallax::model::Report,
    document: DocId,
    findings: &[&Finding],
    text: &str,
    aligned: &[AlignedClause],
    dark: bool,
    actions: &mut Actions,
) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(
            RichText::new(report.documents[document.get()].display_name())
                .color(source_color(document, dark))
                .strong(),
        );
        for finding in findings {
            for claim in finding.claims.iter().filter(|c| c.document == document) {
                ui.horizontal_wrapped(|ui| {
                    ui.label(
                        RichText::new(palette::kind_symbol(finding.kind))
                            .color(palette::kind_color(finding.kind)),
                    )
                    .on_hover_text(finding.kind.title());
                    claim_ui(ui, claim, actions);
                });
            }
        }
        if aligned.is_empty() {
            // Nothing to compare word by word: the passage as it is, unshaded.
            ui.label(
                RichText::new("No clause pairs closely with another source's:")
                    .weak()
                    .small(),
            );
            ui.add(egui::Label::new(RichText::new(text).weak()).wrap());
        } else {
            clause_label(ui, text, aligned);
        }
    });
}

/// The aligned clauses of a source, joined by "…", with differing words shaded.
fn clause_label(ui: &mut egui::Ui, text: &str, aligned: &[AlignedClause]) {
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
    let weak = egui::TextFormat {
        color: ui.visuals().weak_text_color(),
        ..base.clone()
    };
    for (index, clause) in aligned.iter().enumerate() {
        if index > 0 {
            job.append(" … ", 0.0, weak.clone());
        }
        let mut at = clause.range.start;
        for (range, differs) in &clause.words {
            if range.start > at {
                job.append(&text[at..range.start], 0.0, base.clone());
            }
            let format = if *differs { &changed } else { &base };
            job.append(&text[range.clone()], 0.0, format.clone());
            at = range.end;
        }
        if at < clause.range.end {
            job.append(&text[at..clause.range.end], 0.0, base.clone());
        }
    }
    job.wrap.max_width = ui.available_width();
    ui.label(job);
}

/// How a finding's block is drawn: marked as the current one of several, and scrolled
/// into view (once, when it became current).
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Block {
    pub(super) current: bool,
    pub(super) reveal: bool,
}

/// One finding: kind and confidence, summary and evidence, Confirm and Dismiss, and the
/// comment field. Each line wraps at the panel's width.
pub(super) fn finding_block(
    ui: &mut egui::Ui,
    comment_drafts: &std::collections::BTreeMap<FindingId, String>,
    report: &parallax::model::Report,
    finding: &Finding,
    block: Block,
    actions: &mut Actions,
) {
    let dismissed = finding.is_dismissed();
    let status = finding.review.as_ref().map(|r| r.status);
    let mut frame = egui::Frame::group(ui.style());
    if block.current {
        frame = frame.stroke(Stroke::new(2.0, palette::kind_color(finding.kind)));
    }
    let shown = frame.show(ui, |ui| {
        ui.set_width(ui.available_width());
        if block.current {
            ui.label(RichText::new("Current finding").small().strong())
                .on_hover_text("The finding selected with F7, the findings panel or a mark");
        }
        ui.horizontal_wrapped(|ui| {
            let mut title = RichText::new(format!(
                "{} {}",
                palette::kind_symbol(finding.kind),
                finding.kind.title()
            ))
            .strong();
            title = if dismissed {
                title.strikethrough().weak()
            } else {
                title.color(palette::kind_color(finding.kind))
            };
            ui.label(title);
            ui.label(RichText::new(format!("confidence {:.2}", finding.confidence)).weak())
                .on_hover_text("How sure the engine is that the claims speak of the same thing and really differ");
            let confirmed = status == Some(ReviewStatus::Confirmed);
            let comment = || {
                comment_drafts
                    .get(&finding.index)
                    .cloned()
                    .or_else(|| finding.review.as_ref().map(|r| r.comment.clone()))
                    .unwrap_or_default()
            };
            if ui
                .selectable_label(confirmed, "Confirm")
                .on_hover_text("You checked it: the sources really differ here.")
                .clicked()
            {
                actions.review = Some((
                    finding.index,
                    (!confirmed).then_some(ReviewStatus::Confirmed),
                    comment(),
                ));
            }
            if ui
                .selectable_label(dismissed, "Dismiss")
                .on_hover_text("Not a real difference. It stays visible, greyed out.")
                .clicked()
            {
                actions.review = Some((
                    finding.index,
                    (!dismissed).then_some(ReviewStatus::Dismissed),
                    comment(),
                ));
            }
        });
        ui.add(egui::Label::new(&finding.summary).wrap());
        reattached_note(ui, finding);
        for line in &finding.evidence {
            ui.add(egui::Label::new(RichText::new(format!("– {line}")).weak().small()).wrap());
        }
        let sources: Vec<String> = {
            let mut seen = Vec::new();
            for claim in &finding.claims {
                if !seen.contains(&claim.document) {
                    seen.push(claim.document);
                }
            }
            seen.iter()
                .map(|d| report.documents[d.get()].display_name())
                .collect()
        };
        ui.add(egui::Label::new(RichText::new(sources.join(" · ")).small().weak()).wrap());
        if status.is_some() {
            comment_field(ui, comment_drafts, finding, status, actions);
        }
    });
    if block.reveal {
        shown.response.scroll_to_me(None);
        actions.revealed = Some(finding.index);
    }
}

/// Says when the user's review was saved on an earlier form of this finding, so that they
/// check it (confirming or dismissing again saves it on this finding).
fn reattached_note(ui: &mut egui::Ui, finding: &Finding) {
    if let Some(how) = finding.review.as_ref().and_then(|r| r.reattached.as_ref()) {
        ui.add(
            egui::Label::new(
                RichText::new(format!("Your review was carried over: {how}. Check it."))
                    .color(ui.visuals().warn_fg_color)
                    .small(),
            )
            .wrap(),
        )
        .on_hover_text("The finding changed since you reviewed it. Confirm or dismiss it again to keep the review on this finding.");
    }
}

/// The comment field of a reviewed finding: typed into a draft, saved with the review when
/// it loses the keyboard.
fn comment_field(
    ui: &mut egui::Ui,
    comment_drafts: &std::collections::BTreeMap<FindingId, String>,
    finding: &Finding,
    status: Option<ReviewStatus>,
    actions: &mut Actions,
) {
    let mut comment = comment_drafts
        .get(&finding.index)
        .cloned()
        .or_else(|| finding.review.as_ref().map(|r| r.comment.clone()))
        .unwrap_or_default();
    let edit = ui.add(
        egui::TextEdit::singleline(&mut comment)
            .hint_text("Comment")
            .desired_width(ui.available_width()),
    );
    if edit.changed() {
        actions
            .comment_drafts
            .push((finding.index, Some(comment.clone())));
    }
    if edit.lost_focus() {
        actions.comment_drafts.push((finding.index, None));
        if finding.review.as_ref().map(|r| &r.comment) != Some(&comment) {
            actions.review = Some((finding.index, status, comment));
        }
    }
}
