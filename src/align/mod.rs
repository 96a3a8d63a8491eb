//! Stage 4, align: passages of different documents that report the same event become one
//! event. [`align`] calls these steps in order, each in its own file:
//!
//! 1. Features (`features.rs`): every passage that can carry an event (a node of the graph)
//!    gets the ids of its terms, resolved entities, dates, quantities, counted facts and
//!    who-did-what, over one vocabulary.
//! 2. Weights (`weights.rs`): how much each feature says about which event a passage
//!    reports, from general English and from this comparison: weights for the vectors,
//!    anchor strengths for the gates. Names weigh more than verbs: who and where separate
//!    near-miss events better.
//! 3. Signals (`signals.rs`): what the gates read of each passage: its anchors, phrases,
//!    runs of words (`wording.rs`), speakers (`speakers.rs`), actors and weekdays, and
//!    whether it is a lead or a roster of names.
//! 4. Vectors (`vectors.rs`): a sparse TF-IDF vector for each passage, smoothed over its
//!    paragraph, and one for each document.
//! 5. Candidates (`candidates.rs`): from an inverted index, each passage's top `k` partners
//!    in other documents; a passage is never scored against the whole corpus. Its nearest
//!    neighbours by meaning (`meaning.rs`, a distilled sentence-embedding table, English
//!    only) join them: retellings in other words share few terms.
//! 6. Document prior (`context.rs`): documents far more alike than is usual in this
//!    comparison tell one story, which counts for their passages. A headline and another
//!    document's lede that are each other's closest passage by meaning join the candidates
//!    as leads of one story (`leads.rs`).
//! 7. Pairs (`pairs.rs`): each candidate pair is scored (`anchors.rs`, `wording.rs`) and
//!    linked when it passes the gates (`gates.rs`): anchors enough, one speaker, no
//!    conflicting date or actor. Sentences at the same place of parallel versions (a
//!    translation, a copy) are linked too (`parallel.rs`).
//! 8. Clusters ([`cluster`]): average-link clustering groups the linked passages. Order in
//!    the articles plays no part, so events told in a different order still align.
//! 9. Leftovers (`leftovers.rs`): a passage left out of every event joins the event of its
//!    one clearly strong partner.
//! 10. Events (`events.rs`): each group that spans two documents or more is an event, with
//!     its evidence and anchors (`evidence.rs`), cohesion, confidence, [`label`](mod@label) and date
//!     (`dates.rs`).

mod anchors;
mod candidates;
pub mod cluster;
mod context;
mod dates;
mod events;
mod evidence;
mod features;
mod gates;
pub mod label;
mod leads;
mod leftovers;
mod meaning;
mod pairs;
mod parallel;
mod signals;
mod speakers;
mod vectors;
mod weights;
mod wording;

pub use dates::event_date;
pub use label::central::label;

use crate::extract::{Corpus, PassageFeatures};
use crate::model::{DocId, Evidence, PassageId, PassageRef};
use crate::progress::{Cancelled, Progress};
use crate::settings::Settings;
use features::NodeFeatures;
use signals::PassageSignals;
use weights::FeatureWeights;

/// An event before it is numbered: its passages and why they were grouped.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AlignedEvent {
    pub passages: Vec<PassageRef>,
    pub evidence: Vec<Evidence>,
    pub cohesion: f32,
    pub label: String,
    pub date: Option<String>,
    /// Whether a user correction changed this event.
    pub edited: bool,
    /// How sure alignment is that this is one event (0 to 1).
    pub confidence: f32,
    /// The specific anchors its passages share.
    pub anchors: Vec<crate::model::Anchor>,
}

impl AlignedEvent {
    /// The distinct documents of the event, in order.
    pub fn documents(&self) -> Vec<DocId> {
        let mut documents: Vec<DocId> = self.passages.iter().map(|p| p.document).collect();
        documents.sort();
        documents.dedup();
        documents
    }
}

/// The result of alignment.
#[derive(Debug, Clone, PartialEq)]
pub struct Alignment {
    pub events: Vec<AlignedEvent>,
    /// For every passage, its best weight with a passage of another document, whether or
    /// not that pair had the anchors to be linked.
    pub best_partner: Vec<Vec<f32>>,
    /// For every passage, the most anchor strength it shares with a passage of another
    /// document (0 when none): a fact another source reports in other words still shares
    /// its numbers, names or rare words.
    pub best_support: Vec<Vec<f32>>,
}

/// Groups the passages of the corpus into events, step by step as the module header tells.
pub fn align(
    corpus: &Corpus,
    settings: &Settings,
    progress: &Progress,
) -> Result<Alignment, Cancelled> {
    let mut passages = Passages::read(corpus, settings);
    let vectors = vectors::vectors(&passages);
    progress.check()?;
    let timings = Timings::start();
    let mut candidates =
        candidates::candidate_lists(&passages, &vectors.passages, settings, progress, &timings)?;
    meaning::add_neighbours(
        &mut candidates,
        &passages.nodes,
        &passages.meaning,
        &vectors.passages,
    );
    let mu = settings.document_context;
    let prior = context::document_prior(&vectors.documents, &candidates, &passages.nodes, mu);
    passages.lead_pairs = leads::lead_pairs(&passages, prior.as_ref());
    let mut lead_pairs: Vec<(usize, usize)> = passages.lead_pairs.iter().copied().collect();
    lead_pairs.sort_unstable();
    for (a, b) in lead_pairs {
        if candidates[a].iter().all(|(n, _)| *n as usize != b) {
            let cosine = vectors::dot(&vectors.passages[a], &vectors.passages[b]);
            candidates[a].push((b as u32, cosine));
        }
    }
    let links = pairs::link_pairs(&passages, &candidates, prior.as_ref());
    progress.check()?;
    let edge_count = links.edges.len();
    timings.note(&format!("candidates and edges done: {edge_count} edges"));
    let document_of: Vec<usize> = passages.nodes.iter().map(|n| n.document.get()).collect();
    let (link_threshold, attach_threshold) = (settings.link_threshold, settings.attach_threshold);
    let clusters =
        cluster::average_link(&document_of, &links.edges, link_threshold, prior.as_ref());
    timings.note("clustering done");
    let clusters = leftovers::attach_leftovers(clusters, &document_of, &links, attach_threshold);
    Ok(Alignment {
        events: events::events(clusters, &passages, &links),
        best_partner: links.best_partner,
        best_support: links.best_support,
    })
}

/// The nodes of the graph (the passages that can carry an event) and what the steps before
/// the pairs found of them.
struct Passages<'a> {
    corpus: &'a Corpus,
    /// The passages that can carry an event, in document order; a node is an index here.
    nodes: Vec<PassageRef>,
    features: NodeFeatures,
    weights: FeatureWeights,
    signals: PassageSignals<'a>,
    /// Each node's sentence vector by meaning and its plain word vector (English only, when
    /// the setting is on).
    meaning: meaning::Meaning,
    /// Lead passages of two documents that tell one event by meaning ([`leads`]).
    lead_pairs: std::collections::HashSet<(usize, usize)>,
}

impl<'a> Passages<'a> {
    /// Steps 1 to 3: the nodes with their features, the features' weights, the signals and
    /// the vectors by meaning.
    fn read(corpus: &'a Corpus, settings: &Settings) -> Self {
        let nodes = features::event_passages(corpus);
        let features = features::node_features(corpus, &nodes);
        let weights = weights::feature_weights(corpus, &nodes, &features);
        let signals = signals::passage_signals(corpus, &nodes, &features, &weights.anchor_strength);
        let meaning = meaning::Meaning::read(corpus, &nodes, settings);
        Passages {
            corpus,
            nodes,
            features,
            weights,
            signals,
            meaning,
            lead_pairs: Default::default(),
        }
    }
}

/// What extraction found in a passage.
fn features_of(corpus: &Corpus, node: PassageRef) -> &PassageFeatures {
    &corpus.documents[node.document.get()].features[node.passage.get()]
}

/// A developer's timings on standard error (with `PARALLAX_TIMINGS` set), counted from the
/// start of the candidate search.
struct Timings {
    started: std::time::Instant,
}

impl Timings {
    /// Starts the clock.
    fn start() -> Self {
        Timings {
            started: std::time::Instant::now(),
        }
    }

    /// Prints "`done` in" the time since the start.
    fn note(&self, done: &str) {
        if std::env::var_os("PARALLAX_TIMINGS").is_some() {
            eprintln!("  {done} in {:?}", self.started.elapsed());
        }
    }
}

/// Passage ids of one document that belong to any event.
pub fn aligned_passages(alignment: &Alignment, document: DocId) -> Vec<PassageId> {
    let mut ids: Vec<PassageId> = alignment
        .events
        .iter()
        .flat_map(|e| e.passages.iter())
        .filter(|p| p.document == document)
        .map(|p| p.passage)
        .collect();
    ids.sort();
    ids
}
