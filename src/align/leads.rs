//! Headline and lede told in other words. Takes the nodes, their vectors by meaning and the
//! document prior; gives the pairs of lead passages (a headline or one of the first two body
//! passages) of two documents of one story that tell the same main event without a shared
//! word ("Ferry crews strike over wages" / "Boat workers walked out over their pay").
//!
//! A headline and the other outlet's lede usually report the story's main event, yet share
//! few words: the anchor gates never see them. Their meaning cosine alone is weak evidence
//! (unrelated sentences of one story sit near 0.5), so a pair is taken only when each is the
//! other's closest passage by meaning in the other document (mutual best, over every passage
//! of both, not only the leads), at least [`LEAD_MEANING`], and the documents tell one story:
//! in a small comparison (no document prior) every pair of documents does; in a large mixed
//! one, only documents the prior joins. The speaker, date and actor gates still decide.

use super::Passages;
use super::cluster::Prior;
use std::collections::HashSet;

/// The least meaning cosine of a headline and a lede taken for one event.
pub(super) const LEAD_MEANING: f32 = 0.45;
/// Beyond this many nodes the search is skipped (it compares every lead with every passage).
const MAX_NODES: usize = 2000;

/// The lead pairs (smaller node first) that tell one event by meaning.
pub(super) fn lead_pairs(passages: &Passages, prior: Option<&Prior>) -> HashSet<(usize, usize)> {
    let nodes = &passages.nodes;
    let mut pairs = HashSet::new();
    if nodes.len() > MAX_NODES {
        return pairs;
    }
    let meaning = &passages.meaning;
    let is_lead = &passages.signals.is_lead;
    // The closest node of each document to `node`, by meaning.
    let best_in = |node: usize, document: usize| -> Option<(usize, f32)> {
        (0..nodes.len())
            .filter(|&other| nodes[other].document.get() == document)
            .map(|other| (other, meaning.similarity(node, other)))
            .max_by(|x, y| x.1.total_cmp(&y.1).then(y.0.cmp(&x.0)))
    };
    let heading = |node: usize| {
        let at = nodes[node];
        passages.corpus.documents[at.document.get()].passages[at.passage.get()].role
            == crate::model::PassageRole::Heading
    };
    for a in (0..nodes.len()).filter(|&a| is_lead[a]) {
        let document_a = nodes[a].document.get();
        let mut documents: Vec<usize> = nodes
            .iter()
            .map(|n| n.document.get())
            .filter(|&d| d > document_a)
            .collect();
        documents.dedup();
        for document_b in documents {
            if prior.is_some_and(|p| p.weight(document_a, document_b) <= 0.0) {
                continue;
            }
            let Some((b, similarity)) = best_in(a, document_b) else {
                continue;
            };
            // A headline and the other's lede (two ledes or two headlines that tell one event
            // share words, and the gates see them).
            if !is_lead[b] || heading(a) == heading(b) || similarity < LEAD_MEANING {
                continue;
            }
            if best_in(b, document_a).is_some_and(|(back, _)| back == a) {
                pairs.insert((a.min(b), a.max(b)));
            }
        }
    }
    pairs
}
