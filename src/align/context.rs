//! What a passage's surroundings add. Paragraph smoothing takes the passage vectors and
//! gives each sentence a share of its paragraph's other sentences, so that a sentence that
//! goes on from the one before ("He was acquitted on two further counts") stays with it.
//! The document prior takes the document vectors and the candidate pairs and gives a little
//! weight to every pair of passages of two documents far more alike than usual in this
//! comparison: such documents tell one story.

use super::candidates::CandidateLists;
use super::cluster;
use super::vectors::{Sparse, dot, normalise};
use crate::extract::Corpus;
use crate::model::PassageRef;
use rayon::prelude::*;
use std::collections::BTreeMap;

/// How much of its paragraph a sentence's vector borrows.
pub(super) const PARAGRAPH_SHARE: f32 = 0.35;

/// Each node's vector with `share` of its paragraph's other sentences mixed in (the
/// paragraph's nodes follow each other in `nodes`), normalised again.
pub(super) fn paragraph_smoothing(
    nodes: &[PassageRef],
    vectors: &[Sparse],
    corpus: &Corpus,
    share: f32,
) -> Vec<Sparse> {
    let paragraph_of = |node: &PassageRef| {
        corpus.documents[node.document.get()].passages[node.passage.get()].paragraph
    };
    let mut out = Vec::with_capacity(vectors.len());
    let mut start = 0;
    while start < nodes.len() {
        let key = (nodes[start].document, paragraph_of(&nodes[start]));
        let mut end = start + 1;
        while end < nodes.len() && (nodes[end].document, paragraph_of(&nodes[end])) == key {
            end += 1;
        }
        if end - start == 1 {
            out.push(vectors[start].clone());
        } else {
            let mut total: BTreeMap<u32, f32> = BTreeMap::new();
            for vector in &vectors[start..end] {
                for &(id, weight) in vector {
                    *total.entry(id).or_default() += weight;
                }
            }
            for vector in &vectors[start..end] {
                let mut mixed: BTreeMap<u32, f32> = BTreeMap::new();
                for (&id, &weight) in &total {
                    mixed.insert(id, weight * share / (end - start - 1) as f32);
                }
                for &(id, weight) in vector {
                    // Remove the sentence's own share from the paragraph part.
                    let entry = mixed.entry(id).or_default();
                    *entry += weight * (1.0 - share / (end - start - 1) as f32);
                }
                let mut sparse: Sparse = mixed.into_iter().filter(|(_, w)| *w > 0.0).collect();
                normalise(&mut sparse);
                out.push(sparse);
            }
        }
        start = end;
    }
    out
}

/// The document prior: documents more alike than is usual in this comparison probably
/// report the same specific event, so every pair of their passages gets a little weight.
/// When all documents are about equally alike (one story told several times), the prior
/// is near zero everywhere and events come from passage similarity alone. The weights go to
/// the pairs of documents that some candidate pair links; `mu` is their scale (no prior at
/// zero).
pub(super) fn document_prior(
    document_vectors: &[Sparse],
    candidates: &CandidateLists,
    nodes: &[PassageRef],
    mu: f32,
) -> Option<cluster::Prior> {
    let mu = mu.max(0.0);
    let groups = document_vectors.len();
    if mu <= 0.0 || groups < 6 {
        return None;
    }
    // The distribution of document similarity, from all pairs or an even sample of them.
    let total_pairs = groups * (groups - 1) / 2;
    let stride = (total_pairs / 20_000).max(1);
    let sample: Vec<(usize, usize)> = (0..groups)
        .flat_map(|a| (a + 1..groups).map(move |b| (a, b)))
        .step_by(stride)
        .collect();
    let mut similarities: Vec<f32> = sample
        .par_iter()
        .map(|&(a, b)| dot(&document_vectors[a], &document_vectors[b]))
        .collect();
    similarities.sort_by(f32::total_cmp);
    let median = similarities[similarities.len() / 2];
    let p90 = similarities[similarities.len() * 9 / 10];
    if std::env::var_os("PARALLAX_TIMINGS").is_some() {
        eprintln!("  document similarity: median {median:.3}, p90 {p90:.3}");
    }
    // Only a corpus that mixes distinct stories has pairs of documents far more alike than
    // the typical pair. Articles on one story are all about equally alike: no prior.
    if p90 < 2.0 * median {
        return None;
    }
    // Weights for the pairs of documents that passages link at all.
    let mut linked: Vec<(usize, usize)> = candidates
        .iter()
        .enumerate()
        .flat_map(|(a, list)| {
            list.iter().map(move |&(b, _)| {
                let (a, b) = (nodes[a].document.get(), nodes[b as usize].document.get());
                (a.min(b), a.max(b))
            })
        })
        .collect();
    linked.sort_unstable();
    linked.dedup();
    let weighted: Vec<(usize, usize, f32)> = linked
        .par_iter()
        .map(|&(a, b)| (a, b, dot(&document_vectors[a], &document_vectors[b])))
        .collect();
    let mut rows: Vec<Vec<(usize, f32)>> = vec![Vec::new(); groups];
    for (a, b, similarity) in weighted {
        // Documents only a little more alike than usual get nothing: that is noise.
        let lift = similarity - median - PRIOR_NOISE;
        if lift > 0.0 {
            let weight = mu * lift / (1.0 - median).max(1e-6);
            rows[a].push((b, weight));
            rows[b].push((a, weight));
        }
    }
    for row in &mut rows {
        row.sort_by_key(|(g, _)| *g);
    }
    Some(cluster::Prior { rows })
}

/// How much more alike than the median two documents must be before the prior counts.
const PRIOR_NOISE: f32 = 0.02;
