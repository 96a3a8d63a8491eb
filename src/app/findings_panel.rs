//! The findings panel: every finding of the shown report as a review queue.
//!
//! A fact-checker goes through the findings one by one: the panel lists them with kind,
//! sources, summary, confidence and review status, filtered by kind and status, says where
//! the current one is ("3 of 15"), and steps to the next or previous unreviewed one. Confirm
//! and Dismiss go through the same [`EditAction::Review`] as the inspector's buttons, so undo,
//! autosave and the session file see them like any other edit. Choosing a row selects the
//! finding the way F7 does, which scrolls every column to its claims.

use super::analysis::counts_as_difference;
use super::keys::{KeyAction, hint};
use super::session::EditAction;
use super::{Command, ParallaxApp, palette};
use egui::{RichText, ScrollArea};
use parallax::model::{Finding, FindingId, FindingKind, ReviewStatus};

/// Which kinds the panel lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum KindFilter {
    /// The differences ([`counts_as_difference`]) first, then the one-source items.
    #[default]
    Differences,
    All,
    Only(FindingKind),
}

impl KindFilter {
    fn name(self) -> String {
        match self {
            KindFilter::Differences => "Differences, then one-source items".into(),
            KindFilter::All => "Everything, agreements too".into(),
            KindFilter::Only(kind) => kind.title().into(),
        }
    }

    fn admits(self, kind: FindingKind) -> bool {
        match self {
            KindFilter::Differences => counts_as_difference(kind) || kind == FindingKind::Unique,
            KindFilter::All => true,
            KindFilter::Only(only) => kind == only,
        }
    }
}

/// Which review statuses the panel lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StatusFilter {
    #[default]
    Any,
    Unreviewed,
    Confirmed,
    Dismissed,
}

impl StatusFilter {
    const ALL: [StatusFilter; 4] = [
        StatusFilter::Any,
        StatusFilter::Unreviewed,
        StatusFilter::Confirmed,
        StatusFilter::Dismissed,
    ];

    fn name(self) -> &'static str {
        match self {
            StatusFilter::Any => "Any status",
            StatusFilter::Unreviewed => "Unreviewed",
            StatusFilter::Confirmed => "Confirmed",
            StatusFilter::Dismissed => "Dismissed",
        }
    }

    fn admits(self, status: Option<ReviewStatus>) -> bool {
        match self {
            StatusFilter::Any => true,
            StatusFilter::Unreviewed => status.is_none(),
            StatusFilter::Confirmed => status == Some(ReviewStatus::Confirmed),
            StatusFilter::Dismissed => status == Some(ReviewStatus::Dismissed),
        }
    }
}

/// The panel's own state.
#[derive(Debug, Clone, Default)]
pub struct FindingsPanel {
    pub open: bool,
    pub kind: KindFilter,
    pub status: StatusFilter,
    /// Scroll the list to the current finding on the next frame (after a key moved it).
    pub reveal: bool,
}

/// A finding's review status as the panel writes it.
pub fn status_name(status: Option<ReviewStatus>) -> &'static str {
    match status {
        None => "Unreviewed",
        Some(ReviewStatus::Confirmed) => "Confirmed",
        Some(ReviewStatus::Dismissed) => "Dismissed",
    }
}

fn status_of(finding: &Finding) -> Option<ReviewStatus> {
    finding.review.as_ref().map(|r| r.status)
}

impl ParallaxApp {
    /// The findings the panel lists, in report order; with the default filter the
    /// differences come first and the one-source items after them.
    pub fn queue(&self) -> Vec<FindingId> {
        let Some(analysis) = &self.analysis else {
            return Vec::new();
        };
        let panel = &self.findings_panel;
        let mut queue: Vec<&Finding> = analysis
            .report
            .findings
            .iter()
            .filter(|f| panel.kind.admits(f.kind) && panel.status.admits(status_of(f)))
            .collect();
        if panel.kind == KindFilter::Differences {
            queue.sort_by_key(|f| f.kind == FindingKind::Unique);
        }
        queue.iter().map(|f| f.index).collect()
    }

    /// The next (`step` 1) or previous (-1) unreviewed finding of the queue after the current
    /// one, `skipping` one finding (just reviewed, while the report catches up).
    fn next_unreviewed(&self, step: isize, skipping: Option<FindingId>) -> Option<FindingId> {
        let analysis = self.analysis.as_ref()?;
        let queue = self.queue();
        if queue.is_empty() {
            return None;
        }
        let count = queue.len() as isize;
        let start = self
            .selected_finding
            .and_then(|s| queue.iter().position(|f| *f == s))
            .map_or(if step > 0 { -1 } else { count }, |p| p as isize);
        (1..=count)
            .map(|offset| queue[(start + offset * step).rem_euclid(count) as usize])
            .find(|f| {
                Some(*f) != skipping
                    && analysis
                        .report
                        .findings
                        .get(f.get())
                        .is_some_and(|f| f.review.is_none())
            })
    }

    /// Selects the next or previous unreviewed finding of the queue.
    pub fn step_unreviewed(&mut self, step: isize) {
        match self.next_unreviewed(step, None) {
            Some(finding) => {
                self.select_finding(finding);
                self.findings_panel.reveal = true;
            }
            None => self.notices.push(super::Notice::info(
                "Every finding in the list is reviewed.",
            )),
        }
    }

    /// Confirms or dismisses the current finding (an undoable edit, as in the inspector),
    /// then moves to the next unreviewed one.
    pub fn review_current(&mut self, status: ReviewStatus) {
        let Some(current) = self.selected_finding else {
            self.notices.push(super::Notice::info(
                "Choose a finding first (N selects the next unreviewed one).",
            ));
            return;
        };
        let Some(finding) = self
            .analysis
            .as_ref()
            .and_then(|a| a.report.findings.get(current.get()))
        else {
            return;
        };
        let comment = self
            .comment_drafts
            .get(&current)
            .cloned()
            .or_else(|| finding.review.as_ref().map(|r| r.comment.clone()))
            .unwrap_or_default();
        if status_of(finding) != Some(status) {
            self.commands.push(Command::Edit(EditAction::Review(
                current,
                Some(status),
                comment,
            )));
        }
        if let Some(next) = self.next_unreviewed(1, Some(current)) {
            self.select_finding(next);
            self.findings_panel.reveal = true;
        }
    }

    /// Runs a key of the review queue.
    pub fn queue_key(&mut self, action: KeyAction) {
        match action {
            KeyAction::NextUnreviewed => self.step_unreviewed(1),
            KeyAction::PreviousUnreviewed => self.step_unreviewed(-1),
            KeyAction::Confirm => self.review_current(ReviewStatus::Confirmed),
            KeyAction::Dismiss => self.review_current(ReviewStatus::Dismissed),
            _ => {}
        }
    }
}

/// A filter's accessible name (for assistive technology and tests).
fn named_combo(name: &str) -> egui::WidgetInfo {
    egui::WidgetInfo::labeled(egui::Role::ComboBox, true, name)
}

/// Where the current finding is in the list ("3 of 11 differences"), or how many the list
/// holds when none is current; with the default filter, also how many one-source items
/// follow the differences.
fn place_label(
    filter: KindFilter,
    queue: &[FindingId],
    report: &parallax::model::Report,
    position: Option<usize>,
) -> (String, Option<String>) {
    if filter != KindFilter::Differences {
        let place = match position {
            Some(p) => format!("{} of {}", p + 1, queue.len()),
            None => super::count(queue.len(), "finding", "findings"),
        };
        return (place, None);
    }
    let differences = queue
        .iter()
        .filter(|f| counts_as_difference(report.findings[f.get()].kind))
        .count();
    let one_source = queue.len() - differences;
    let noun = if differences == 1 {
        "difference"
    } else {
        "differences"
    };
    let place = match position {
        Some(p) if p < differences => format!("{} of {differences} {noun}", p + 1),
        Some(p) => format!("one-source item {} of {one_source}", p - differences + 1),
        None => super::count(differences, "difference", "differences"),
    };
    let after = (one_source > 0).then(|| {
        format!(
            "then {}",
            super::count(one_source, "one-source item", "one-source items")
        )
    });
    (place, after)
}

/// The kind and status filters.
fn filters(panel: &mut FindingsPanel, ui: &mut egui::Ui) {
    egui::ComboBox::from_id_salt("findings-kind")
        .selected_text(panel.kind.name())
        .show_ui(ui, |ui| {
            let choices = [KindFilter::Differences, KindFilter::All]
                .into_iter()
                .chain(FindingKind::ALL.into_iter().map(KindFilter::Only));
            for choice in choices {
                ui.selectable_value(&mut panel.kind, choice, choice.name());
            }
        })
        .response
        .widget_info(|| named_combo("Kinds listed"));
    egui::ComboBox::from_id_salt("findings-status")
        .selected_text(panel.status.name())
        .show_ui(ui, |ui| {
            for choice in StatusFilter::ALL {
                ui.selectable_value(&mut panel.status, choice, choice.name());
            }
        })
        .response
        .widget_info(|| named_combo("Review status listed"));
}

/// Previous and next unreviewed, Confirm and Dismiss, each with its key: the one clicked.
fn review_buttons(ui: &mut egui::Ui) -> Option<KeyAction> {
    let buttons = [
        ("Previous unreviewed", KeyAction::PreviousUnreviewed),
        ("Next unreviewed", KeyAction::NextUnreviewed),
        ("Confirm", KeyAction::Confirm),
        ("Dismiss", KeyAction::Dismiss),
    ];
    let mut action = None;
    for (name, key) in buttons {
        if ui
            .button(name)
            .on_hover_text(format!("Key: {}", hint(key)))
            .clicked()
        {
            action = Some(key);
        }
    }
    action
}

/// The panel, at the bottom of the window under the columns.
pub fn findings_panel_ui(app: &mut ParallaxApp, ui: &mut egui::Ui) {
    egui::Panel::bottom("findings-panel")
        .resizable(true)
        .default_size(220.0)
        .show(ui, |ui| {
            let queue = app.queue();
            let Some(analysis) = &app.analysis else {
                ui.label("Nothing is open.");
                return;
            };
            let report = &analysis.report;
            let unreviewed = queue
                .iter()
                .filter(|f| report.findings[f.get()].review.is_none())
                .count();
            let position = app
                .selected_finding
                .and_then(|s| queue.iter().position(|f| *f == s));
            let mut action = None;
            // Wrapped: beside the inspector on a narrow window, the buttons take a second line
            // rather than going off the edge.
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new("Findings").strong());
                filters(&mut app.findings_panel, ui);
                let (place, after) = place_label(app.findings_panel.kind, &queue, report, position);
                ui.add(egui::Label::new(place).extend());
                if let Some(after) = after {
                    ui.add(egui::Label::new(RichText::new(after).weak()).extend()).on_hover_text(
                        "Passages only one source reports. Choose “One source only” to list them alone.",
                    );
                }
                ui.add(
                    egui::Label::new(RichText::new(format!("{unreviewed} unreviewed")).weak())
                        .extend(),
                );
                ui.separator();
                action = review_buttons(ui);
            });
            ui.separator();
            // Every row exactly this high (a button's height), so that the list's arithmetic
            // (which rows are in view, how far to scroll to one) holds: rows drawn higher than
            // said made the list end past its scroll range, and a reveal spring back.
            let row_height = (ui.text_style_height(&egui::TextStyle::Button)
                + 2.0 * ui.spacing().button_padding.y)
                .max(ui.spacing().interact_size.y)
                .ceil();
            let mut scroll = ScrollArea::vertical()
                .id_salt("findings-list")
                .auto_shrink([false, false]);
            if std::mem::take(&mut app.findings_panel.reveal)
                && let Some(p) = position
            {
                // The row two rows below the top, but never past the end of the list: an
                // offset beyond it springs back for seconds.
                let spacing = ui.spacing().item_spacing.y;
                let end = queue.len() as f32 * (row_height + spacing) - spacing - ui.available_height();
                let target = (p as f32 * (row_height + spacing) - 2.0 * row_height)
                    .min(end)
                    .max(0.0);
                scroll = scroll.vertical_scroll_offset(target);
            }
            let mut chosen = None;
            scroll.show_rows(ui, row_height, queue.len(), |ui, rows| {
                for row in rows {
                    let finding = &report.findings[queue[row].get()];
                    let selected = app.selected_finding == Some(finding.index);
                    let row = egui::vec2(ui.available_width(), row_height);
                    let layout = egui::Layout::left_to_right(egui::Align::Center);
                    ui.allocate_ui_with_layout(row, layout, |ui| {
                        ui.set_height(row_height);
                        let status = status_of(finding);
                        let mut status_text = RichText::new(status_name(status));
                        if status.is_none() {
                            status_text = status_text.strong();
                        } else {
                            status_text = status_text.weak();
                        }
                        ui.add_sized([90.0, row_height], egui::Label::new(status_text));
                        let mut kind = RichText::new(format!(
                            "{} {}",
                            palette::kind_symbol(finding.kind),
                            finding.kind.title()
                        ));
                        if status != Some(ReviewStatus::Dismissed) {
                            kind = kind.color(palette::kind_color(finding.kind));
                        }
                        ui.add_sized([150.0, row_height], egui::Label::new(kind).truncate());
                        let mut sources: Vec<String> = Vec::new();
                        for claim in &finding.claims {
                            let name = report.documents[claim.document.get()].display_name();
                            if !sources.contains(&name) {
                                sources.push(name);
                            }
                        }
                        ui.add_sized(
                            [200.0, row_height],
                            egui::Label::new(sources.join(", ")).truncate(),
                        );
                        ui.add_sized(
                            [44.0, row_height],
                            egui::Label::new(format!("{:.2}", finding.confidence)),
                        )
                        .on_hover_text("Confidence");
                        let summary = ui
                            .add(
                                egui::Button::selectable(selected, finding.summary.as_str())
                                    .truncate(),
                            )
                            .on_hover_text(&finding.summary);
                        if summary.clicked() {
                            chosen = Some(finding.index);
                        }
                    });
                }
            });
            if let Some(finding) = chosen {
                app.commands.push(Command::SelectFinding(finding));
            }
            if let Some(key) = action {
                app.queue_key(key);
            }
        });
}
