//! Pair scores and links. Takes the candidate lists, the signals of every node and the
//! document prior; scores each candidate pair (the anchors it shares, its quote or shared
//! wording, its support) and keeps the pairs that pass the gates as links. Gives the links
//! with, for every passage, its best partner weight and support (what the findings read of
//! passages left out of events), the support of every link, the links with a fact in common
//! and the pairs that share a name, number or date; then the links between the sentences at
//! the same place of two parallel versions (translations, copies). The gates decide which
//! pairs are one event; this file only scores and records.

use super::anchors::{STRONG_QUOTE, pair_anchors, quote_anchor};
use super::candidates::CandidateLists;
use super::cluster::{self, Edge};
use super::features::{FeatureKind, NodeFeatures};
use super::gates::{
    ALIKE, SHARED_RUN, enough_anchors, is_factual, leads_of_one_story, links_one_event,
};
use super::meaning::{BLEND_STRONG, MEANING_ALIKE};
use super::wording::{share_any, wording_anchor};
use super::{Passages, features_of, parallel};
use crate::extract::Corpus;
use crate::model::PassageRef;
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};

/// The anchor support of a pair of sentences at the same place of two parallel versions.
const PARALLEL_SUPPORT: f32 = 2.0;
/// A pair linked on meaning weighs its meaning cosine less this for clustering (the static
/// table's cosines sit high; 0.86 weighs as a lexical cosine of 0.26).
const MEANING_BASE: f32 = 0.6;
/// A pair linked on the mean of meaning and words weighs that mean less this (0.5 weighs as
/// a lexical cosine of 0.2).
const BLEND_BASE: f32 = 0.3;
/// What a headline and lede joined by meaning ([`super::leads`]) weigh: their cosine less
/// this.
const LEAD_BASE: f32 = 0.3;

/// What a candidate pair shares.
pub(super) struct PairScore {
    /// The cosine of the two passages' vectors.
    pub(super) cosine: f32,
    /// The anchors they share, with their strengths.
    pub(super) shared: Vec<(u32, f32)>,
    /// The strength of a quote they share in quotation marks.
    pub(super) quoted: f32,
    /// The strength of a quote or of wording they share.
    pub(super) quote: f32,
    /// Their shared anchors and quote added up.
    pub(super) support: f32,
    /// 1 when the document prior says their documents tell one story, else 0.
    pub(super) story: f32,
    /// 1 when they are alike in most of their wording, else 0.
    pub(super) alike: f32,
    /// Whether both are leads of one story.
    pub(super) leads: bool,
    /// The cosine of their sentence vectors by meaning (0 without them).
    pub(super) meaning: f32,
    /// The mean of that cosine and the cosine of their plain word vectors (0 without them).
    pub(super) blend: f32,
}

/// The links between passages and what they say of each passage.
pub(super) struct Links {
    /// The linked pairs with their weight (the cosine).
    pub(super) edges: Vec<Edge>,
    /// For every passage (by document and passage), its best weight with a passage of
    /// another document, linked or not.
    pub(super) best_partner: Vec<Vec<f32>>,
    /// For every passage, the most anchor strength it shares with a passage of another
    /// document.
    pub(super) best_support: Vec<Vec<f32>>,
    /// The summed anchor strength of every kept pair (smaller node first), for event
    /// confidence.
    pub(super) edge_support: HashMap<(usize, usize), f32>,
    /// Kept pairs with a shared number, date or who-did-what and strong anchors overall.
    pub(super) factual_edges: HashSet<(usize, usize)>,
    /// Candidate pairs that share a name, number or date, linked or not.
    pub(super) anchored_pairs: Vec<(usize, usize)>,
    /// Each node's partners at the same place of a parallel version (the later node of
    /// each pair, under the earlier one).
    pub(super) parallel_of: HashMap<usize, Vec<usize>>,
    /// Kept pairs whose likeness is one of meaning rather than of words, with the meaning
    /// cosine (smaller node first): the event's evidence says so.
    pub(super) meaning_edges: HashMap<(usize, usize), f32>,
}

/// Scores every candidate pair and links those that pass the gates, each pair once.
pub(super) fn link_pairs(
    passages: &Passages,
    candidates: &CandidateLists,
    prior: Option<&cluster::Prior>,
) -> Links {
    let best_partner: Vec<Vec<f32>> = passages
        .corpus
        .documents
        .iter()
        .map(|d| vec![0.0; d.passages.len()])
        .collect();
    let mut links = Links {
        edges: Vec::new(),
        best_support: best_partner.clone(),
        best_partner,
        edge_support: HashMap::new(),
        factual_edges: Default::default(),
        anchored_pairs: Vec::new(),
        parallel_of: HashMap::new(),
        meaning_edges: HashMap::new(),
    };
    // A developer's trace of every candidate pair and why it was or was not linked.
    let debug_edges = std::env::var_os("PARALLAX_DEBUG_EDGES").is_some();
    // Scoring and the gates read only, so they run in parallel; the links are then made in
    // candidate order, as before.
    let scored: Vec<Vec<(usize, f32, PairScore, bool)>> = candidates
        .par_iter()
        .enumerate()
        .map(|(a, list)| {
            list.iter()
                .map(|&(b, cosine)| {
                    let b = b as usize;
                    let score = score_pair(passages, prior, (a, b), cosine);
                    let linked = links_one_event(passages, (a, b), &score, false);
                    (b, cosine, score, linked)
                })
                .collect()
        })
        .collect();
    for (a, list) in scored.into_iter().enumerate() {
        for (b, cosine, score, linked) in list {
            for node in [a, b] {
                let at = passages.nodes[node];
                let (d, p) = (at.document.get(), at.passage.get());
                links.best_partner[d][p] = links.best_partner[d][p].max(cosine);
                links.best_support[d][p] = links.best_support[d][p].max(score.support);
            }
            if debug_edges {
                trace_pair(passages, a, b, &score);
            }
            if shares_name_number_or_date(&passages.features, &score) {
                links.anchored_pairs.push((a.min(b), a.max(b)));
            }
            if debug_edges {
                links_one_event(passages, (a, b), &score, true);
            }
            if !linked {
                continue;
            }
            if debug_edges {
                eprintln!("KEEP {a} {b} weight {cosine:.2}");
            }
            links
                .edge_support
                .insert((a.min(b), a.max(b)), score.support);
            if is_factual(&score, &passages.features.vocabulary) {
                links.factual_edges.insert((a.min(b), a.max(b)));
            }
            let mut weight = cosine;
            let lead_by_meaning = passages.lead_pairs.contains(&(a.min(b), a.max(b)));
            if (score.meaning >= MEANING_ALIKE || score.blend >= BLEND_STRONG || lead_by_meaning)
                && cosine < ALIKE
            {
                links
                    .meaning_edges
                    .insert((a.min(b), a.max(b)), score.meaning);
                weight = weight
                    .max(score.meaning - MEANING_BASE)
                    .max(score.blend - BLEND_BASE);
                if lead_by_meaning {
                    weight = weight.max(score.meaning - LEAD_BASE);
                }
            }
            links.edges.push(Edge { a, b, weight });
        }
    }
    // Each pair once, with the larger weight (lists are not symmetric).
    links.edges.sort_by(|x, y| {
        (x.a.min(x.b), x.a.max(x.b))
            .cmp(&(y.a.min(y.b), y.a.max(y.b)))
            .then(y.weight.total_cmp(&x.weight))
    });
    links.edges.dedup_by_key(|e| (e.a.min(e.b), e.a.max(e.b)));
    link_parallel_versions(&mut links, &passages.nodes, passages.corpus);
    links
}

/// What nodes `a` and `b` share.
fn score_pair(
    passages: &Passages,
    prior: Option<&cluster::Prior>,
    (a, b): (usize, usize),
    cosine: f32,
) -> PairScore {
    let (corpus, nodes, signals) = (passages.corpus, &passages.nodes, &passages.signals);
    let shared = pair_anchors(passages, a, b);
    let quoted = quote_anchor(features_of(corpus, nodes[a]), features_of(corpus, nodes[b]));
    let mut quote = quoted.max(wording_anchor(&signals.shingles[a], &signals.shingles[b]));
    if share_any(&signals.long_runs[a], &signals.long_runs[b]) {
        quote = quote.max(STRONG_QUOTE);
    }
    // A statement retold in other words: as strong as a shared run of its wording.
    let meaning = passages.meaning.similarity(a, b);
    let blend = passages.meaning.blend(a, b);
    if blend >= BLEND_STRONG {
        quote = quote.max(SHARED_RUN);
    }
    let support: f32 = shared.iter().map(|(_, s)| s).sum::<f32>() + quote;
    // Event-level evidence: two independent specific anchors, or one shared quote.
    let same_story =
        prior.is_some_and(|p| p.weight(nodes[a].document.get(), nodes[b].document.get()) > 0.0);
    let story: f32 = if same_story { 1.0 } else { 0.0 };
    // Passages alike in most of their wording, or in meaning, need one specific anchor only.
    let alike = if cosine >= ALIKE || meaning >= MEANING_ALIKE {
        1.0
    } else {
        0.0
    };
    PairScore {
        cosine,
        leads: leads_of_one_story(passages, a, b, cosine)
            || passages.lead_pairs.contains(&(a.min(b), a.max(b))),
        shared,
        quoted,
        quote,
        support,
        story,
        alike,
        meaning,
        blend,
    }
}

/// Whether a pair shares a name, number or date of some strength: such pairs, linked or
/// not, are where parallel versions show.
fn shares_name_number_or_date(features: &NodeFeatures, score: &PairScore) -> bool {
    score.shared.iter().any(|(id, strength)| {
        *strength >= 0.5
            && matches!(
                features.vocabulary.names[*id as usize].0,
                FeatureKind::Entity | FeatureKind::Quantity | FeatureKind::Date
            )
    })
}

/// Prints a candidate pair, what it shares and whether it has anchors enough
/// (`PARALLAX_DEBUG_EDGES`; `PARALLAX_DEBUG_FULL` prints whole passages).
fn trace_pair(passages: &Passages, a: usize, b: usize, score: &PairScore) {
    let (corpus, nodes) = (passages.corpus, &passages.nodes);
    let text = |n: usize| {
        let d = &corpus.documents[nodes[n].document.get()];
        let p = &d.passages[nodes[n].passage.get()];
        d.loaded.text[p.start..p.end]
            .chars()
            .take(if std::env::var_os("PARALLAX_DEBUG_FULL").is_some() {
                2000
            } else {
                60
            })
            .collect::<String>()
    };
    let place = |n: usize| {
        let d = &corpus.documents[nodes[n].document.get()];
        format!(
            "{}:{}",
            nodes[n].document.get(),
            d.passages[nodes[n].passage.get()].start
        )
    };
    let names: Vec<String> = score
        .shared
        .iter()
        .map(|(id, s)| {
            format!(
                "{}={s:.2}",
                passages.features.vocabulary.names[*id as usize].1
            )
        })
        .collect();
    let PairScore {
        cosine,
        quote,
        story,
        alike,
        leads,
        meaning,
        blend,
        ..
    } = *score;
    eprintln!(
        "EDGE {a} {b} at {} {} cos {cosine:.2} meaning {meaning:.2} blend {blend:.2} quote {quote:.1} story {story} leads {leads} spk {:?}/{:?} pass {} [{}] | {} || {}",
        place(a),
        place(b),
        passages.signals.speakers[a],
        passages.signals.speakers[b],
        leads || enough_anchors(&score.shared, quote + story.max(alike)),
        names.join(" "),
        text(a),
        text(b)
    );
}

/// Translations and copies: links the sentences between linked ones, in the same order, of
/// two parallel versions, and notes each node's parallel partners.
fn link_parallel_versions(links: &mut Links, nodes: &[PassageRef], corpus: &Corpus) {
    let parallel: HashSet<(usize, usize)> =
        parallel::parallel_pairs(nodes, &links.anchored_pairs, &links.edges, corpus)
            .into_iter()
            .collect();
    for &(a, b) in &parallel {
        links.parallel_of.entry(a).or_default().push(b);
    }
    let mut parallel_sorted: Vec<(usize, usize)> = parallel.iter().copied().collect();
    parallel_sorted.sort_unstable();
    for (a, b) in parallel_sorted {
        links.edges.push(Edge {
            a,
            b,
            weight: parallel::PARALLEL_WEIGHT,
        });
        links.edge_support.insert((a, b), PARALLEL_SUPPORT);
    }
}
