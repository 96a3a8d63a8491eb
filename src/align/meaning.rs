//! Similar meaning. Takes the nodes and the settings; gives each English node its sentence
//! vector from the static embedding table ([`crate::extract::meaning`]), and each node its
//! nearest neighbours by meaning in the other documents, as candidates the inverted index of
//! shared words cannot find (a headline and its lede, a quote and its retelling, "firms" and
//! "businesses").
//!
//! Meaning alone is how a topic looks as much as an event: a pair that rests on it still
//! needs the gates' specific anchors (a name, a number, a date) and passes the checks on
//! speakers, dates and actors. Its cosine counts like lexical likeness: one anchor, and a
//! weight for clustering when the shared words are few.

use super::candidates::CandidateLists;
use super::vectors::{Sparse, dot};
use crate::extract::{Corpus, meaning};
use crate::model::PassageRef;
use crate::settings::Settings;
use rayon::prelude::*;

/// A pair this close in meaning counts its likeness as one anchor (calibrated on our BASIL
/// labels; the static table's cosines run high: unrelated news sentences of one story sit
/// near 0.6).
pub(super) const MEANING_ALIKE: f32 = 0.86;
/// A pair this close in meaning shares what amounts to a statement in other words: it counts
/// like a shared run of wording (enough anchors on its own; the other gates still apply).
pub(super) const MEANING_STRONG: f32 = 0.9;
/// Meaning neighbours added to each node's candidates.
const NEIGHBOURS: usize = 4;
/// Beyond this many English nodes, no neighbours are searched by meaning (the search is
/// quadratic); the likeness of the candidates the words found still counts.
const MAX_NODES: usize = 2000;

/// Each node's unit sentence vector, when its document is English and the setting is on.
pub(super) fn node_vectors(
    corpus: &Corpus,
    nodes: &[PassageRef],
    settings: &Settings,
) -> Vec<Option<Vec<f32>>> {
    if !settings.meaning {
        return vec![None; nodes.len()];
    }
    let english: Vec<bool> = corpus
        .documents
        .iter()
        .map(|d| meaning::embeds(&d.loaded.language))
        .collect();
    nodes
        .par_iter()
        .map(|node| {
            let document = &corpus.documents[node.document.get()];
            if !english[node.document.get()] {
                return None;
            }
            let passage = &document.passages[node.passage.get()];
            meaning::sentence_vector(&document.loaded.text[passage.start..passage.end])
        })
        .collect()
}

/// The meaning cosine of two nodes (0 when either has no vector).
pub(super) fn similarity(vectors: &[Option<Vec<f32>>], a: usize, b: usize) -> f32 {
    match (&vectors[a], &vectors[b]) {
        (Some(x), Some(y)) => meaning::cosine(x, y),
        _ => 0.0,
    }
}

/// Adds to each node's candidates its nearest neighbours by meaning in other documents
/// (at least [`MEANING_ALIKE`]), with their lexical cosine, and keeps each list best first.
pub(super) fn add_neighbours(
    lists: &mut CandidateLists,
    nodes: &[PassageRef],
    vectors: &[Option<Vec<f32>>],
    lexical: &[Sparse],
) {
    let with_vector: Vec<usize> = (0..nodes.len()).filter(|&n| vectors[n].is_some()).collect();
    if with_vector.len() > MAX_NODES {
        return;
    }
    let found: Vec<Vec<u32>> = (0..nodes.len())
        .into_par_iter()
        .map(|node| {
            if vectors[node].is_none() {
                return Vec::new();
            }
            let mut near: Vec<(u32, f32)> = with_vector
                .iter()
                .filter(|&&other| nodes[other].document != nodes[node].document)
                .map(|&other| (other as u32, similarity(vectors, node, other)))
                .filter(|&(_, cosine)| cosine >= MEANING_ALIKE)
                .collect();
            near.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
            near.truncate(NEIGHBOURS);
            near.into_iter().map(|(other, _)| other).collect()
        })
        .collect();
    for (node, near) in found.into_iter().enumerate() {
        let list = &mut lists[node];
        for other in near {
            if list.iter().all(|(n, _)| *n != other) {
                list.push((other, dot(&lexical[node], &lexical[other as usize])));
            }
        }
        list.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
    }
}
