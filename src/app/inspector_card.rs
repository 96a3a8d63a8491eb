//! The inspector's card for a finding outside every event: a name spelled differently
//! across the articles, or a passage only one source reports. Such a finding has no event
//! to explain, so the card shows the finding itself (kind, confidence, summary, evidence,
//! Confirm and Dismiss, comment, as in an event's block) and each source's claims, a click
//! away from their columns.

use super::ParallaxApp;
use super::inspector::{Actions, Block, claim_ui, finding_block};
use super::palette::{self, source_color};
use egui::{RichText, ScrollArea};
use parallax::model::{FindingId, FindingKind};

/// Why the finding belongs to no event, in words.
fn outside_events(kind: FindingKind) -> &'static str {
    match kind {
        FindingKind::NameVariant => {
            "Names are compared across the whole articles, so this finding belongs to no shared event."
        }
        FindingKind::Unique => {
            "No other source has a passage that reports this, so it belongs to no shared event."
        }
        _ => "This finding belongs to no shared event.",
    }
}

/// The card for `finding`.
pub fn finding_card(app: &mut ParallaxApp, ui: &mut egui::Ui, finding: FindingId) {
    let Some(analysis) = &app.analysis else {
        return;
    };
    let report = &analysis.report;
    let Some(found) = report.findings.get(finding.get()) else {
        return;
    };
    let dark = ui.visuals().dark_mode;
    let mut actions = Actions::default();
    ScrollArea::vertical()
        .id_salt("inspector-scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.set_max_width(ui.available_width());
            ui.add(
                egui::Label::new(
                    RichText::new(format!(
                        "{} {}",
                        palette::kind_symbol(found.kind),
                        found.kind.title()
                    ))
                    .strong()
                    .size(15.0),
                )
                .wrap(),
            );
            ui.add(egui::Label::new(RichText::new(outside_events(found.kind)).weak()).wrap());
            ui.separator();
            finding_block(
                ui,
                &app.comment_drafts,
                report,
                found,
                Block::default(),
                &mut actions,
            );
            ui.separator();
            ui.label(RichText::new("Sources").strong());
            let mut documents = Vec::new();
            for claim in &found.claims {
                if !documents.contains(&claim.document) {
                    documents.push(claim.document);
                }
            }
            for document in documents {
                egui::Frame::group(ui.style()).show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.label(
                        RichText::new(report.documents[document.get()].display_name())
                            .color(source_color(document, dark))
                            .strong(),
                    );
                    for claim in found.claims.iter().filter(|c| c.document == document) {
                        ui.horizontal_wrapped(|ui| claim_ui(ui, claim, &mut actions));
                    }
                });
            }
        });
    actions.apply(app);
}
