//! Similar meaning. Takes the nodes and the settings; gives each English node its sentence
//! vector from the static embedding table ([`crate::extract::meaning`]) and a plain vector of
//! its words, and each node its nearest neighbours by meaning in the other documents, as
//! candidates the inverted index of shared words cannot find (a headline and its lede, a
//! quote and its retelling, "firms" and "businesses").
//!
//! The table's cosine alone separates events poorly (unrelated sentences of one story sit
//! near 0.6), and so does word overlap alone; their mean finds pairs that neither finds
//! (`../shared/RESEARCH.md`, "Meaning beyond shared words"). The word side of that mean is a
//! plain TF-IDF cosine of the passages' words (every word, raw counts, inverse frequency
//! over the English passages of this comparison), as measured, not the aligner's weighted
//! features: those weigh names and numbers, which the table already misses. A pair whose
//! mean is high counts like a shared run of wording; the gates on speakers, dates and actors
//! still decide near-miss events.

use super::candidates::CandidateLists;
use super::vectors::{Sparse, dot, normalise};
use crate::extract::{Corpus, meaning};
use crate::model::PassageRef;
use crate::settings::Settings;
use rayon::prelude::*;
use std::collections::HashMap;

/// A pair this close in meaning counts its likeness as one anchor (the static table's
/// cosines run high: unrelated news sentences of one story sit near 0.6).
pub(super) const MEANING_ALIKE: f32 = 0.86;
/// A pair whose mean of meaning and word cosines reaches this tells one statement in other
/// words: it counts like a shared run of wording (enough anchors on its own; the other
/// gates still apply). Calibrated on our BASIL labels.
pub(super) const BLEND_STRONG: f32 = 0.5;
/// Meaning neighbours added to each node's candidates.
const NEIGHBOURS: usize = 4;
/// A neighbour by meaning must be at least this close to be a candidate.
const NEIGHBOUR_FLOOR: f32 = 0.7;
/// Beyond this many English nodes, no neighbours are searched by meaning (the search is
/// quadratic); the likeness of the candidates the words found still counts.
const MAX_NODES: usize = 2000;

/// The vectors by meaning and by plain words of the nodes.
pub(super) struct Meaning {
    /// Each node's unit sentence vector, when its document is English and the setting is on.
    vectors: Vec<Option<Vec<f32>>>,
    /// Each such node's plain TF-IDF vector of its words (empty without a sentence vector).
    words: Vec<Sparse>,
}

impl Meaning {
    /// The vectors of every node.
    pub(super) fn read(corpus: &Corpus, nodes: &[PassageRef], settings: &Settings) -> Self {
        let vectors = node_vectors(corpus, nodes, settings);
        let words = word_vectors(corpus, nodes, &vectors);
        Meaning { vectors, words }
    }

    /// The meaning cosine of two nodes (0 when either has no vector).
    pub(super) fn similarity(&self, a: usize, b: usize) -> f32 {
        match (&self.vectors[a], &self.vectors[b]) {
            (Some(x), Some(y)) => meaning::cosine(x, y),
            _ => 0.0,
        }
    }

    /// The mean of the meaning cosine and the plain word cosine of two nodes (0 when either
    /// has no sentence vector).
    pub(super) fn blend(&self, a: usize, b: usize) -> f32 {
        match (&self.vectors[a], &self.vectors[b]) {
            (Some(x), Some(y)) => {
                (meaning::cosine(x, y) + dot(&self.words[a], &self.words[b])) / 2.0
            }
            _ => 0.0,
        }
    }
}

/// Each node's unit sentence vector, when its document is English and the setting is on.
fn node_vectors(
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
            if !english[node.document.get()] {
                return None;
            }
            meaning::sentence_vector(node_text(corpus, *node))
        })
        .collect()
}

/// The text of a node.
fn node_text(corpus: &Corpus, node: PassageRef) -> &str {
    let document = &corpus.documents[node.document.get()];
    let passage = &document.passages[node.passage.get()];
    &document.loaded.text[passage.start..passage.end]
}

/// The plain TF-IDF vector of the words of every node with a sentence vector: lower-cased
/// runs of letters and digits, raw counts, `ln(N / df)` over those nodes.
fn word_vectors(
    corpus: &Corpus,
    nodes: &[PassageRef],
    vectors: &[Option<Vec<f32>>],
) -> Vec<Sparse> {
    let mut ids: HashMap<String, u32> = HashMap::new();
    let counts: Vec<HashMap<u32, f32>> = nodes
        .iter()
        .enumerate()
        .map(|(n, node)| {
            let mut counts: HashMap<u32, f32> = HashMap::new();
            if vectors[n].is_none() {
                return counts;
            }
            let text = node_text(corpus, *node).to_lowercase();
            for word in text.split(|c: char| !c.is_alphanumeric()) {
                if word.is_empty() {
                    continue;
                }
                let next = ids.len() as u32;
                let id = *ids.entry(word.to_string()).or_insert(next);
                *counts.entry(id).or_default() += 1.0;
            }
            counts
        })
        .collect();
    let mut df = vec![0u32; ids.len()];
    for node in &counts {
        for &id in node.keys() {
            df[id as usize] += 1;
        }
    }
    let total = vectors.iter().filter(|v| v.is_some()).count() as f32;
    counts
        .into_iter()
        .map(|node| {
            let mut vector: Sparse = node
                .into_iter()
                .map(|(id, count)| (id, count * (total / df[id as usize] as f32).ln()))
                .filter(|&(_, weight)| weight > 0.0)
                .collect();
            vector.sort_unstable_by_key(|&(id, _)| id);
            normalise(&mut vector);
            vector
        })
        .collect()
}

/// Adds to each node's candidates its nearest neighbours by meaning in other documents
/// (at least [`NEIGHBOUR_FLOOR`]), with their lexical cosine, and keeps each list best first.
pub(super) fn add_neighbours(
    lists: &mut CandidateLists,
    nodes: &[PassageRef],
    meaning: &Meaning,
    lexical: &[Sparse],
) {
    let with_vector: Vec<usize> = (0..nodes.len())
        .filter(|&n| meaning.vectors[n].is_some())
        .collect();
    if with_vector.len() > MAX_NODES {
        return;
    }
    let found: Vec<Vec<u32>> = (0..nodes.len())
        .into_par_iter()
        .map(|node| {
            if meaning.vectors[node].is_none() {
                return Vec::new();
            }
            let mut near: Vec<(u32, f32)> = with_vector
                .iter()
                .filter(|&&other| nodes[other].document != nodes[node].document)
                .map(|&other| (other as u32, meaning.similarity(node, other)))
                .filter(|&(_, cosine)| cosine >= NEIGHBOUR_FLOOR)
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
