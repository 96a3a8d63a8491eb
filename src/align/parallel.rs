//! Parallel versions: two documents that are translations or copies of one text. Takes the
//! nodes, the links and the candidate pairs that share a name, number or date; gives the
//! pairs of sentences at the same place of two versions that no link joins yet.
//!
//! A translation keeps the order of its original, sentence by sentence, while sharing few
//! words with it: only names, numbers and dates cross the language. When the sentence pairs
//! of two documents of about the same length that share a name, number or date lie on the
//! diagonal and in order, the two are taken as parallel versions: those pairs are the same
//! sentences, and each run of sentences between two of them is paired one to one when both
//! runs have the same number of sentences of compatible lengths. Documents that tell one
//! story in their own words (different outlets) do not keep each other's order, and are left
//! alone.

use super::cluster::Edge;
use crate::extract::Corpus;
use crate::model::PassageRef;
use std::collections::{HashMap, HashSet};

/// The weight of an edge between two sentences at the same place of parallel versions.
pub const PARALLEL_WEIGHT: f32 = 0.5;
/// Two documents are versions of one text only if the shorter has this share of the
/// longer's sentences ...
const LENGTH_RATIO: f32 = 0.8;
/// ... at least this many of their sentences share a name, number or date ...
const MIN_LINKED: usize = 3;
/// ... of which at least this share of the shorter document's sentences stand in order ...
const CHAIN_SHARE: f32 = 0.2;
/// ... and one pair in order near the diagonal for at least this share of the sentences
/// that have any.
const IN_ORDER: f32 = 0.8;
/// The share of the chain's steps that must skip as many sentences in both documents.
const EQUAL_STEPS: f32 = 0.7;
/// How far from the diagonal (as a share of the document) a linked pair may lie.
const DIAGONAL: f32 = 0.12;
/// Two sentences paired by position must have lengths within this ratio (translations run
/// longer or shorter, but not by half).
const SENTENCE_RATIO: f32 = 2.0;

/// The pairs of nodes (indices into `nodes`, smaller first) that sit at the same place of
/// two parallel versions and are not yet joined by an edge.
/// `anchored` are the candidate pairs that share at least one name, number or date.
pub fn parallel_pairs(
    nodes: &[PassageRef],
    anchored: &[(usize, usize)],
    edges: &[Edge],
    corpus: &Corpus,
) -> Vec<(usize, usize)> {
    let (by_document, position) = document_positions(nodes);
    let joined: HashSet<(usize, usize)> =
        edges.iter().map(|e| (e.a.min(e.b), e.a.max(e.b))).collect();
    let linked = linked_positions(nodes, &position, anchored, &joined);
    // Versions in one language are copies, which are set aside before alignment or share
    // enough words to align by them: only a translation is paired by position.
    let languages: HashMap<usize, &'static str> = by_document
        .keys()
        .map(|&d| {
            (
                d,
                crate::text::guess_language(&corpus.documents[d].loaded.text),
            )
        })
        .collect();
    let mut keys: Vec<(usize, usize)> = linked.keys().copied().collect();
    keys.sort_unstable();
    let mut out = Vec::new();
    for key in keys {
        let (list_a, list_b) = (&by_document[&key.0], &by_document[&key.1]);
        let (na, nb) = (list_a.len(), list_b.len());
        if (na.min(nb) as f32) < LENGTH_RATIO * na.max(nb) as f32
            || languages[&key.0] == languages[&key.1]
        {
            continue;
        }
        let Some(chain) = parallel_chain(&linked[&key], na, nb) else {
            continue;
        };
        // The anchored pairs of the chain are the same sentences ...
        for &(i, j) in &chain {
            let (x, y) = (list_a[i], list_b[j]);
            if !joined.contains(&(x.min(y), x.max(y))) {
                out.push((x.min(y), x.max(y)));
            }
        }
        // ... and between consecutive ones (and before the first and after the last), runs
        // of the same length are the same sentences.
        for window in bounds(&chain, na, nb).windows(2) {
            let ((i0, j0), (i1, j1)) = (window[0], window[1]);
            let (gap_a, gap_b) = (i1 - i0 - 1, j1 - j0 - 1);
            if gap_a <= 0 || gap_a != gap_b {
                continue;
            }
            for k in 1..=gap_a {
                let (x, y) = (list_a[(i0 + k) as usize], list_b[(j0 + k) as usize]);
                let ratio = sentence_length(corpus, nodes[x]) / sentence_length(corpus, nodes[y]);
                if (1.0 / SENTENCE_RATIO..=SENTENCE_RATIO).contains(&ratio) {
                    out.push((x.min(y), x.max(y)));
                }
            }
        }
    }
    out
}

/// Each document's nodes in order, and each node's position among its document's nodes.
fn document_positions(nodes: &[PassageRef]) -> (HashMap<usize, Vec<usize>>, Vec<usize>) {
    let mut by_document: HashMap<usize, Vec<usize>> = HashMap::new();
    let mut position = vec![0usize; nodes.len()];
    for (index, node) in nodes.iter().enumerate() {
        let list = by_document.entry(node.document.get()).or_default();
        position[index] = list.len();
        list.push(index);
    }
    (by_document, position)
}

/// For each pair of documents (smaller first), the positions of their anchored or joined
/// pairs of nodes (in the first document, in the second).
fn linked_positions(
    nodes: &[PassageRef],
    position: &[usize],
    anchored: &[(usize, usize)],
    joined: &HashSet<(usize, usize)>,
) -> HashMap<(usize, usize), Vec<(usize, usize)>> {
    let mut linked: HashMap<(usize, usize), Vec<(usize, usize)>> = HashMap::new();
    for &(x, y) in anchored.iter().chain(joined.iter()) {
        let (dx, dy) = (nodes[x].document.get(), nodes[y].document.get());
        if dx == dy {
            continue;
        }
        let (key, pair) = if dx < dy {
            ((dx, dy), (position[x], position[y]))
        } else {
            ((dy, dx), (position[y], position[x]))
        };
        linked.entry(key).or_default().push(pair);
    }
    linked
}

/// The chain of linked positions, in order in both documents, that makes two documents of
/// `na` and `nb` nodes parallel versions, or `None` when they are not.
fn parallel_chain(linked: &[(usize, usize)], na: usize, nb: usize) -> Option<Vec<(usize, usize)>> {
    let mut pairs = linked.to_vec();
    pairs.sort_unstable();
    pairs.dedup();
    if pairs.len() < MIN_LINKED {
        return None;
    }
    let near: Vec<(usize, usize)> = pairs
        .iter()
        .copied()
        .filter(|&(i, j)| (i as f32 / na as f32 - j as f32 / nb as f32).abs() <= DIAGONAL)
        .collect();
    let chain = increasing_chain(&near);
    // A name in a headline and in the lead pairs both with both: what must be in order
    // is one pair for most sentences that have any.
    let rows = distinct(pairs.iter().map(|p| p.0));
    let columns = distinct(pairs.iter().map(|p| p.1));
    let needed = MIN_LINKED.max((CHAIN_SHARE * na.min(nb) as f32).ceil() as usize);
    if (chain.len() as f32) < IN_ORDER * rows.min(columns) as f32 || chain.len() < needed {
        return None;
    }
    // A translation keeps the sentences between two anchored ones too: most steps of
    // the chain skip as many sentences in one document as in the other. Two reports
    // that tell a match in the order it was played do not.
    let bounds = bounds(&chain, na, nb);
    // Only the steps between two anchored pairs count: the steps from the start and
    // to the end are equal for any two documents of one length.
    let inner = &bounds[1..bounds.len() - 1];
    let steps = inner.len().saturating_sub(1);
    let equal = inner
        .windows(2)
        .filter(|w| w[1].0 - w[0].0 == w[1].1 - w[0].1)
        .count();
    if steps == 0 || (equal as f32) < EQUAL_STEPS * steps as f32 {
        return None;
    }
    Some(chain)
}

/// The chain's positions between a start before the first nodes and an end after the last.
fn bounds(chain: &[(usize, usize)], na: usize, nb: usize) -> Vec<(isize, isize)> {
    let mut bounds: Vec<(isize, isize)> = vec![(-1, -1)];
    bounds.extend(chain.iter().map(|&(i, j)| (i as isize, j as isize)));
    bounds.push((na as isize, nb as isize));
    bounds
}

/// The length of a passage in characters (at least one).
fn sentence_length(corpus: &Corpus, at: PassageRef) -> f32 {
    let passage = &corpus.documents[at.document.get()].passages[at.passage.get()];
    corpus.documents[at.document.get()].loaded.text[passage.start..passage.end]
        .chars()
        .count()
        .max(1) as f32
}

/// The number of distinct values.
fn distinct(values: impl Iterator<Item = usize>) -> usize {
    values.collect::<std::collections::BTreeSet<_>>().len()
}

/// The longest chain of pairs increasing in both positions (pairs sorted by the first).
fn increasing_chain(pairs: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let n = pairs.len();
    let mut best = vec![1usize; n];
    let mut previous: Vec<Option<usize>> = vec![None; n];
    for i in 0..n {
        for j in 0..i {
            if pairs[j].0 < pairs[i].0 && pairs[j].1 < pairs[i].1 && best[j] + 1 > best[i] {
                best[i] = best[j] + 1;
                previous[i] = Some(j);
            }
        }
    }
    let Some(mut at) = (0..n).max_by_key(|&i| (best[i], std::cmp::Reverse(i))) else {
        return Vec::new();
    };
    let mut chain = vec![pairs[at]];
    while let Some(p) = previous[at] {
        chain.push(pairs[p]);
        at = p;
    }
    chain.reverse();
    chain
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_longest_chain_keeps_pairs_in_order_in_both_documents() {
        let pairs = [(0, 0), (1, 5), (2, 2), (3, 3), (4, 1), (6, 6)];
        assert_eq!(
            increasing_chain(&pairs),
            vec![(0, 0), (2, 2), (3, 3), (6, 6)]
        );
        assert!(increasing_chain(&[]).is_empty());
    }
}
