//! Feature weights: how much each feature can say about which event a passage reports.
//! Takes the vocabulary and the feature ids of the passages; gives document frequencies
//! (per passage and per document), each feature's weight from general English (a common
//! word says little) and its anchor strength (rare in English and specific to one part of
//! this story). Vectors read the weights; the gates read the anchor strengths, because a
//! name or word that most passages share is the story's topic, not one event's detail.

use super::features::{FeatureKind, Features};

/// A feature used in this many passages of a typical document is a member of the story's
/// cast or its topic rather than a detail of one event: its anchor strength falls as
/// `REPEATED_IN / uses`.
pub(super) const REPEATED_IN: f32 = 2.0;

/// The weight a word common in English keeps in the passage vectors. Alignment needs its
/// anchors from rare words and names; the common words still tell a paraphrase from an
/// unrelated sentence that shares a name, so they are damped, not dropped.
pub(super) const COMMON_TERM_WEIGHT: f32 = 0.5;

/// The weight of a counted thing with what happened to it ("homes … flooded"), whatever the
/// figures.
pub(super) const COUNTED_FACT: f32 = 1.0;

/// How much each feature can say about which event a passage reports, from general English
/// alone: common words nothing, rare words and names everything.
pub(super) fn background_weights(
    vocabulary: &Features,
    term_zipf: &[f32],
    common: f32,
) -> Vec<f32> {
    vocabulary
        .names
        .iter()
        .enumerate()
        .map(|(id, (kind, name))| match kind {
            FeatureKind::Term => crate::extract::frequency::specificity(term_zipf[id]).max(common),
            FeatureKind::Entity => 1.0,
            // Year-only dates ("in 2010") date many happenings of a story.
            FeatureKind::Date if !name.contains('-') => 0.5,
            FeatureKind::Date => 1.0,
            FeatureKind::Claim => 1.0,
            FeatureKind::Quantity => {
                let (unit, value) = name.split_once(':').unwrap_or(("", name));
                if value == "*" {
                    return 0.6;
                }
                if value.starts_with("*>") {
                    return COUNTED_FACT;
                }
                let small = value.parse::<f64>().is_ok_and(|v| v.abs() <= 10.0);
                match (unit.is_empty(), small) {
                    (false, false) => 1.0,
                    (true, false) | (false, true) => 0.6,
                    (true, true) => 0.3,
                }
            }
        })
        .collect()
}

/// How specific a feature is to one part of this story: a name or word that most passages
/// share (the story's protagonist, its topic) says nothing about which event a passage
/// reports. 1 up to 15% of the passages, 0 from 40%.
pub(super) fn corpus_specificity(
    passage_df: u32,
    passages_total: f32,
    documents_total: f32,
) -> f32 {
    // How many passages of a typical document use the feature: once is an event's detail,
    // three times or more a member of the story's cast or its topic.
    let per_document = passage_df as f32 / documents_total.max(1.0);
    let by_repetition = (REPEATED_IN / per_document.max(1.0)).min(1.0);
    // In a longer comparison, a feature in most passages is the topic; in two short
    // articles every shared feature is in half the passages, so the share only counts
    // beyond a floor of a few passages per document.
    let share = passage_df as f32 / passages_total;
    let floor = (4.0 * documents_total / passages_total).max(0.15);
    let by_share = if share <= floor {
        1.0
    } else {
        ((0.4_f32.max(floor + 0.25) - share) / 0.25).clamp(0.0, 1.0)
    };
    by_repetition.min(by_share)
}
