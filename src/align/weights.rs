//! Feature weights: how much each feature can say about which event a passage reports.
//! Takes the vocabulary and the feature ids of the passages; gives document frequencies
//! (per passage and per document), each feature's weight from general English (a common
//! word says little) and its anchor strength (rare in English and specific to one part of
//! this story). Vectors read the weights; the gates read the anchor strengths, because a
//! name or word that most passages share is the story's topic, not one event's detail.

use super::features::{FeatureKind, NodeFeatures, Vocabulary};
use super::features_of;
use crate::extract::Corpus;
use crate::model::PassageRef;
use std::collections::BTreeMap;

/// How often each feature occurs and what it can say about an event.
pub(super) struct FeatureWeights {
    /// For each feature, the number of nodes that have it (counted facts included).
    pub(super) passage_df: Vec<u32>,
    /// For each feature, the number of documents whose nodes have it (counted facts not
    /// included).
    pub(super) document_df: Vec<u32>,
    /// For each document, how often each feature occurs in its nodes.
    pub(super) document_terms: Vec<BTreeMap<u32, f32>>,
    /// The number of nodes (at least one).
    pub(super) passages_total: f32,
    /// The number of documents (at least one).
    pub(super) documents_total: f32,
    /// For each feature, its weight in the vectors from general English, a common word
    /// damped to [`COMMON_TERM_WEIGHT`].
    pub(super) background: Vec<f32>,
    /// For each feature, its weight from general English with a common word at zero: a word
    /// common in English is never an anchor.
    pub(super) background_anchor: Vec<f32>,
    /// For each feature, its strength as an anchor: its English weight times how specific
    /// it is to one part of this story.
    pub(super) anchor_strength: Vec<f32>,
}

/// The frequencies and weights of every feature of the comparison.
pub(super) fn feature_weights(
    corpus: &Corpus,
    nodes: &[PassageRef],
    features: &NodeFeatures,
) -> FeatureWeights {
    let feature_count = features.vocabulary.names.len();
    let (passage_df, document_df, document_terms) =
        document_frequencies(corpus, nodes, features, feature_count);
    let passages_total = nodes.len().max(1) as f32;
    let documents_total = corpus.documents.len().max(1) as f32;
    // What each feature can say about an event, from general English and from this corpus.
    let term_zipf = term_zipf(corpus, nodes, &features.vocabulary, feature_count);
    let background = background_weights(&features.vocabulary, &term_zipf, COMMON_TERM_WEIGHT);
    // Anchors: a word common in English is never one.
    let background_anchor = background_weights(&features.vocabulary, &term_zipf, 0.0);
    let anchor_strength: Vec<f32> = background_anchor
        .iter()
        .enumerate()
        .map(|(id, &weight)| {
            weight * corpus_specificity(passage_df[id], passages_total, documents_total)
        })
        .collect();
    FeatureWeights {
        passage_df,
        document_df,
        document_terms,
        passages_total,
        documents_total,
        background,
        background_anchor,
        anchor_strength,
    }
}

/// Passage-level and document-level document frequencies, and the feature counts of each
/// document.
fn document_frequencies(
    corpus: &Corpus,
    nodes: &[PassageRef],
    features: &NodeFeatures,
    feature_count: usize,
) -> (Vec<u32>, Vec<u32>, Vec<BTreeMap<u32, f32>>) {
    let mut passage_df = vec![0u32; feature_count];
    let mut document_df = vec![0u32; feature_count];
    let mut document_terms: Vec<BTreeMap<u32, f32>> = vec![BTreeMap::new(); corpus.documents.len()];
    for ((node, ids), facts) in nodes.iter().zip(&features.ids).zip(&features.facts) {
        let mut distinct: Vec<u32> = ids
            .iter()
            .copied()
            .chain(facts.iter().map(|f| f.0))
            .collect();
        distinct.sort_unstable();
        distinct.dedup();
        for &id in &distinct {
            passage_df[id as usize] += 1;
        }
        let counts = &mut document_terms[node.document.get()];
        for &id in ids {
            *counts.entry(id).or_default() += 1.0;
        }
    }
    for counts in &document_terms {
        for &id in counts.keys() {
            document_df[id as usize] += 1;
        }
    }
    (passage_df, document_df, document_terms)
}

/// The inverse document frequency of a feature in `df` of `total` passages or documents.
pub(super) fn idf(df: u32, total: f32) -> f32 {
    ((total - df as f32 + 0.5) / (df as f32 + 0.5)).ln_1p()
}

/// The English frequency (a Zipf value) of each term: that of its most frequent written form
/// here.
fn term_zipf(
    corpus: &Corpus,
    nodes: &[PassageRef],
    vocabulary: &Vocabulary,
    feature_count: usize,
) -> Vec<f32> {
    let table = crate::extract::frequency::frequencies();
    let mut zipf = vec![crate::extract::frequency::UNLISTED_ZIPF; feature_count];
    for node in nodes {
        let text = &corpus.documents[node.document.get()].loaded.text;
        for (at, stem) in &features_of(corpus, *node).terms {
            let Some(&id) = vocabulary.ids.get(&(FeatureKind::Term, stem.clone())) else {
                continue;
            };
            let word: String = text[*at..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '-')
                .collect();
            let slot = &mut zipf[id as usize];
            *slot = slot.max(table.word(&crate::text::fold(&word)));
        }
    }
    zipf
}

/// A feature used in this many passages of a typical document is a member of the story's
/// cast or its topic rather than a detail of one event: its anchor strength falls as
/// `REPEATED_IN / uses`.
const REPEATED_IN: f32 = 2.0;

/// The weight a word common in English keeps in the passage vectors. Alignment needs its
/// anchors from rare words and names; the common words still tell a paraphrase from an
/// unrelated sentence that shares a name, so they are damped, not dropped.
const COMMON_TERM_WEIGHT: f32 = 0.5;

/// The weight of a counted thing with what happened to it ("homes … flooded"), whatever the
/// figures.
const COUNTED_FACT: f32 = 1.0;

/// How much each feature can say about which event a passage reports, from general English
/// alone: common words nothing, rare words and names everything.
fn background_weights(vocabulary: &Vocabulary, term_zipf: &[f32], common: f32) -> Vec<f32> {
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
fn corpus_specificity(passage_df: u32, passages_total: f32, documents_total: f32) -> f32 {
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
