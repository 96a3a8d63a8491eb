//! What the gates read of each passage. Takes the nodes, their features and the anchor
//! strengths; gives, for each node, its anchors (its features strong enough to tie two
//! reports of one happening), its phrases, whether it is a roster of names or a lead (a
//! title or one of the first two sentences), its runs of words, who did what in it, the
//! weekdays it names and who speaks in it. Computed once per passage, so that scoring a
//! candidate pair only compares them.

use super::anchors::{MIN_ANCHOR, Phrases};
use super::features::{CountedFacts, FeatureKind, NodeFeatures, Vocabulary};
use super::features_of;
use super::speakers::passage_speakers;
use super::wording::{long_runs, shingles};
use crate::extract::Corpus;
use crate::model::{DocId, EntityId, EntityKind, PassageRef, PassageRole};
use std::collections::{HashMap, HashSet};

/// Two content words this close (from the start of one to the start of the next, in bytes)
/// are one phrase.
const PHRASE_SPAN: usize = 24;

/// A passage that names this many people is a roster (a list of rivals, a poll's ranking).
const ROSTER: usize = 4;

/// What the gates read of each node.
pub(super) struct PassageSignals<'a> {
    /// Each node's anchors (feature id and strength), sorted by id.
    pub(super) anchors: Vec<Vec<(u32, f32)>>,
    /// Adjacent content words of each node ("military-technical spheres"): two words of
    /// one phrase that both passages share are one anchor, not two independent ones.
    pub(super) phrases: Vec<Phrases>,
    /// Nodes that name many people: a roster, a list of rivals or a poll's ranking.
    pub(super) roster: Vec<bool>,
    /// Whether each node is its document's title or one of its first two body sentences.
    pub(super) is_lead: Vec<bool>,
    /// Each node's hashed runs of four words worth sharing.
    pub(super) shingles: Vec<Vec<u64>>,
    /// Each node's hashed runs of six words with an uncommon content word.
    pub(super) long_runs: Vec<Vec<u64>>,
    /// Who did what: each claim's predicate with its named person or organisation subject.
    pub(super) actions: Vec<Vec<(&'a str, EntityId)>>,
    /// The weekdays each node names, one bit each.
    pub(super) weekdays: Vec<u8>,
    /// Who speaks in each node.
    pub(super) speakers: Vec<Vec<EntityId>>,
}

/// What the gates read of every node.
pub(super) fn passage_signals<'a>(
    corpus: &'a Corpus,
    nodes: &[PassageRef],
    features: &NodeFeatures,
    anchor_strength: &[f32],
) -> PassageSignals<'a> {
    PassageSignals {
        anchors: node_anchors(corpus, nodes, features, anchor_strength),
        phrases: nodes
            .iter()
            .map(|node| phrases(&features_of(corpus, *node).terms, &features.vocabulary))
            .collect(),
        roster: nodes.iter().map(|node| is_roster(corpus, *node)).collect(),
        is_lead: leads(corpus, nodes),
        shingles: nodes.iter().map(|node| shingles(corpus, *node)).collect(),
        long_runs: nodes.iter().map(|node| long_runs(corpus, *node)).collect(),
        actions: nodes.iter().map(|node| actions(corpus, *node)).collect(),
        weekdays: nodes.iter().map(|node| weekdays(corpus, *node)).collect(),
        speakers: nodes
            .iter()
            .map(|node| passage_speakers(corpus, *node))
            .collect(),
    }
}

/// Pairs of adjacent content words of a passage (as feature ids, smaller first).
fn phrases(terms: &[(usize, String)], vocabulary: &Vocabulary) -> Phrases {
    terms
        .windows(2)
        .filter(|pair| pair[1].0 - pair[0].0 <= PHRASE_SPAN)
        .filter_map(|pair| {
            let x = vocabulary
                .ids
                .get(&(FeatureKind::Term, pair[0].1.clone()))?;
            let y = vocabulary
                .ids
                .get(&(FeatureKind::Term, pair[1].1.clone()))?;
            Some((*x.min(y), *x.max(y)))
        })
        .collect()
}

/// Whether a passage names [`ROSTER`] people or more.
fn is_roster(corpus: &Corpus, node: PassageRef) -> bool {
    let mut people: Vec<usize> = features_of(corpus, node)
        .entities
        .iter()
        .filter(|e| corpus.entities[e.get()].kind == EntityKind::Person)
        .map(|e| e.get())
        .collect();
    people.sort_unstable();
    people.dedup();
    people.len() >= ROSTER
}

/// The title and the first two body sentences of each document.
fn leads(corpus: &Corpus, nodes: &[PassageRef]) -> Vec<bool> {
    let mut seen_body: HashMap<DocId, usize> = HashMap::new();
    let mut seen_title: HashSet<DocId> = Default::default();
    nodes
        .iter()
        .map(|node| {
            let passage = &corpus.documents[node.document.get()].passages[node.passage.get()];
            match passage.role {
                PassageRole::Heading => seen_title.insert(node.document),
                _ => {
                    let count = seen_body.entry(node.document).or_default();
                    *count += 1;
                    *count <= 2
                }
            }
        })
        .collect()
}

/// Who did what in a passage: each claim's predicate with its named person or organisation
/// subject (not modal, passive or reporting).
fn actions(corpus: &Corpus, node: PassageRef) -> Vec<(&str, EntityId)> {
    features_of(corpus, node)
        .claims
        .iter()
        .filter(|c| !c.modal && !c.passive && !crate::extract::claims::is_reporting(&c.word))
        .filter_map(|c| {
            let entity = c.subject.as_ref()?.entity?;
            matches!(
                corpus.entities[entity.get()].kind,
                EntityKind::Person | EntityKind::Organisation
            )
            .then_some((c.predicate.as_str(), entity))
        })
        .collect()
}

/// The weekdays a passage names ("said on Friday", "Sunday's vote"), one bit each.
fn weekdays(corpus: &Corpus, node: PassageRef) -> u8 {
    let document = &corpus.documents[node.document.get()];
    let passage = &document.passages[node.passage.get()];
    let mut mask = 0u8;
    for token in crate::text::tokens(&document.loaded.text[passage.start..passage.end]) {
        let word = token.text.trim_end_matches("'s").trim_end_matches("’s");
        if let Some(day) = crate::calendar::weekday_number(word) {
            mask |= 1 << day;
        }
    }
    mask
}

/// The anchors of every node: its features (counted facts included) whose anchor strength
/// reaches [`MIN_ANCHOR`], sorted by id, each once.
fn node_anchors(
    corpus: &Corpus,
    nodes: &[PassageRef],
    features: &NodeFeatures,
    anchor_strength: &[f32],
) -> Vec<Vec<(u32, f32)>> {
    let stemmer = crate::extract::terms::Stemmer::new();
    features
        .ids
        .iter()
        .zip(nodes.iter().zip(&features.heading_names))
        .zip(&features.facts)
        .map(|((ids, (node, heading)), facts)| {
            // A name is one anchor: its words do not count again as terms.
            let name_stems: HashSet<String> = features_of(corpus, *node)
                .entities
                .iter()
                .chain(heading)
                .flat_map(|e| corpus.entities[e.get()].aliases.iter())
                .flat_map(|alias| {
                    alias
                        .split(|c: char| !c.is_alphanumeric())
                        .filter(|w| !w.is_empty())
                        .map(|w| stemmer.stem(&crate::text::fold(w)))
                        .collect::<Vec<_>>()
                })
                .collect();
            anchors_of(
                ids,
                facts,
                &name_stems,
                &features.vocabulary,
                anchor_strength,
            )
        })
        .collect()
}

/// The anchors of one node from its feature ids and counted facts, leaving out the terms
/// that are words of its names.
fn anchors_of(
    ids: &[u32],
    facts: &CountedFacts,
    name_stems: &HashSet<String>,
    vocabulary: &Vocabulary,
    anchor_strength: &[f32],
) -> Vec<(u32, f32)> {
    let mut anchors: Vec<(u32, f32)> = ids
        .iter()
        .chain(facts.iter().map(|(id, _)| id))
        .filter(|&&id| {
            let (kind, name) = &vocabulary.names[id as usize];
            *kind != FeatureKind::Term || !name_stems.contains(name)
        })
        .map(|&id| (id, anchor_strength[id as usize]))
        .filter(|(_, strength)| *strength >= MIN_ANCHOR)
        .collect();
    anchors.sort_by_key(|(id, _)| *id);
    anchors.dedup_by_key(|(id, _)| *id);
    anchors
}
