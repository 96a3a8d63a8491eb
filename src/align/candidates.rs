//! Candidate partners. Takes the node vectors; gives each node its best `k` partners in
//! other documents with their exact cosine, best first. An inverted index, read in impact
//! order and queried with each node's strongest features, scores a node only against the
//! nodes that share a feature with it: the search stays about linear in the size of the
//! comparison instead of scoring every pair.

use super::vectors::{Sparse, dot};
use super::{Passages, Timings};
use crate::model::PassageRef;
use crate::progress::{Cancelled, Progress};
use crate::settings::Settings;
use rayon::prelude::*;
use std::cmp::Ordering;

/// How many of the passages that lean hardest on a feature a query reads.
const POSTINGS_READ: usize = 128;
/// Each passage queries with its strongest features only; the weak ones rarely decide who
/// its best partners are, and they are what makes the search slow.
const QUERY_FEATURES: usize = 16;

/// For each node, its best partners in other documents (node index and cosine), best first.
pub(super) type CandidateLists = Vec<Vec<(u32, f32)>>;

/// The best partners of every node.
pub(super) fn candidate_lists(
    passages: &Passages,
    vectors: &[Sparse],
    settings: &Settings,
    progress: &Progress,
    timings: &Timings,
) -> Result<CandidateLists, Cancelled> {
    let nodes = &passages.nodes;
    let feature_count = passages.features.vocabulary.names.len();
    let search = Search {
        nodes,
        vectors,
        // Skipping features so common that they say nothing.
        max_postings: (nodes.len() / 20).max(64),
        postings: postings(vectors, feature_count),
        k: settings.candidates_per_passage.max(1),
    };
    progress.begin(crate::progress::Stage::Aligning, nodes.len());
    let lists: Vec<Result<Vec<(u32, f32)>, Cancelled>> = (0..nodes.len())
        .into_par_iter()
        .map_init(
            || (Vec::<f32>::new(), Vec::<u32>::new()),
            |(scores, touched), node_index| {
                // rayon may call the initialiser once per split: grow lazily, once per thread.
                if scores.len() != nodes.len() {
                    *scores = vec![0.0f32; nodes.len()];
                }
                if node_index % 256 == 0 {
                    progress.check()?;
                }
                let ranked = search.partners(node_index, scores, touched);
                progress.advance();
                Ok(ranked)
            },
        )
        .collect();
    timings.note("candidate lists");
    lists.into_iter().collect()
}

/// The inverted index: for each feature, the nodes that have it with their weight, the
/// heaviest first. Impact order: a query reads at most [`POSTINGS_READ`] of them, which
/// keeps the search linear in the corpus size when a word is shared by thousands of
/// passages.
fn postings(vectors: &[Sparse], feature_count: usize) -> Vec<Vec<(u32, f32)>> {
    let mut postings: Vec<Vec<(u32, f32)>> = vec![Vec::new(); feature_count];
    for (node_index, vector) in vectors.iter().enumerate() {
        for &(id, weight) in vector {
            postings[id as usize].push((node_index as u32, weight));
        }
    }
    for list in &mut postings {
        list.sort_by(heaviest_first);
    }
    postings
}

/// Orders (id, weight) pairs by weight, the heaviest first, then by id.
fn heaviest_first(a: &(u32, f32), b: &(u32, f32)) -> Ordering {
    b.1.total_cmp(&a.1).then(a.0.cmp(&b.0))
}

/// The index and what a query reads.
struct Search<'a> {
    nodes: &'a [PassageRef],
    vectors: &'a [Sparse],
    postings: Vec<Vec<(u32, f32)>>,
    /// Features in more nodes than this are skipped.
    max_postings: usize,
    /// Partners kept per node.
    k: usize,
}

impl Search<'_> {
    /// The best `k` partners of a node in other documents, rescored exactly. `scores` (one
    /// slot per node, all zero) and `touched` (empty) are scratch space, left as found.
    fn partners(
        &self,
        node_index: usize,
        scores: &mut [f32],
        touched: &mut Vec<u32>,
    ) -> Vec<(u32, f32)> {
        let own_document = self.nodes[node_index].document;
        let mut query: Vec<(u32, f32)> = self.vectors[node_index].clone();
        query.sort_by(heaviest_first);
        query.truncate(QUERY_FEATURES);
        for &(id, weight) in &query {
            let list = &self.postings[id as usize];
            if list.len() > self.max_postings {
                continue;
            }
            for &(other, other_weight) in list.iter().take(POSTINGS_READ) {
                if self.nodes[other as usize].document == own_document {
                    continue;
                }
                let slot = &mut scores[other as usize];
                if *slot == 0.0 {
                    touched.push(other);
                }
                *slot += weight * other_weight;
            }
        }
        let mut ranked: Vec<(u32, f32)> = touched
            .iter()
            .map(|&other| (other, scores[other as usize]))
            .collect();
        for &other in touched.iter() {
            scores[other as usize] = 0.0;
        }
        touched.clear();
        // Keep the top k; rescore them exactly with the full vectors.
        ranked.sort_by(heaviest_first);
        ranked.truncate(self.k);
        for entry in &mut ranked {
            entry.1 = dot(&self.vectors[node_index], &self.vectors[entry.0 as usize]);
        }
        ranked.sort_by(heaviest_first);
        ranked
    }
}
