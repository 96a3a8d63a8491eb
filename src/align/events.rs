//! Events. Takes the clusters (node indices), the links and what the earlier steps found of
//! each node; gives an [`AlignedEvent`] for each cluster that spans two documents or more:
//! its passages, evidence and shared anchors, its cohesion (how alike its passages are)
//! and confidence (how well each passage is anchored to the rest), a readable label from
//! its most central passage, and its date. The reader sees events, not clusters: why the
//! passages belong together and how sure alignment is of it.

use super::evidence::{event_anchors, evidence};
use super::label::central::{central_label, label};
use super::pairs::Links;
use super::{AlignedEvent, Passages, event_date};
use crate::model::{Anchor, DocId, Evidence, EvidenceKind, PassageRef};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// The highest confidence of an event whose shared anchors are all words.
const WORDS_ONLY_CONFIDENCE: f32 = 0.55;
/// The highest confidence of an event held by one name and words.
const ONE_NAME_CONFIDENCE: f32 = 0.7;
/// How many anchors an event lists (the strongest first).
const MAX_EVENT_ANCHORS: usize = 12;

/// For each node, its linked nodes with the link's weight.
type Adjacency = HashMap<usize, Vec<(usize, f32)>>;

/// The events of the clusters that span two documents or more, in cluster order.
pub(super) fn events(
    clusters: Vec<Vec<usize>>,
    passages: &Passages,
    links: &Links,
) -> Vec<AlignedEvent> {
    let mut adjacency: Adjacency = HashMap::new();
    for edge in &links.edges {
        adjacency
            .entry(edge.a)
            .or_default()
            .push((edge.b, edge.weight));
        adjacency
            .entry(edge.b)
            .or_default()
            .push((edge.a, edge.weight));
    }
    clusters
        .iter()
        .filter_map(|members| event(members, &adjacency, passages, links))
        .collect()
}

/// The event of one cluster, or `None` when its passages are all from one document.
fn event(
    members: &[usize],
    adjacency: &Adjacency,
    passages: &Passages,
    links: &Links,
) -> Option<AlignedEvent> {
    let (nodes, corpus) = (&passages.nodes, passages.corpus);
    let documents: BTreeSet<DocId> = members.iter().map(|&m| nodes[m].document).collect();
    if documents.len() < 2 {
        return None;
    }
    let event_passages: Vec<PassageRef> = members.iter().map(|&m| nodes[m]).collect();
    let member_set: HashSet<usize> = members.iter().copied().collect();
    let cohesion = cohesion(members, &member_set, adjacency, nodes);
    let mut evidence = evidence(members, passages);
    if let Some(similarity) = meaning_link(members, &member_set, adjacency, &links.meaning_edges) {
        evidence.push(Evidence {
            kind: EvidenceKind::Meaning,
            text: format!("similar meaning, {similarity:.2}"),
            weight: (similarity * 100.0).round() / 100.0,
        });
    }
    let mut anchors = event_anchors(members, passages);
    anchors.extend(parallel_anchor(
        members,
        &member_set,
        nodes,
        &links.parallel_of,
    ));
    // Confidence: how well each passage is anchored to the rest of the event (its best
    // anchored partner in another source), and how alike the passages are.
    let (anchored, central) = anchoring(members, &member_set, adjacency, &links.edge_support);
    let confidence = (0.7 * anchored + 0.3 * (cohesion / 0.4).min(1.0)).clamp(0.0, 1.0);
    let confidence = capped_confidence(confidence, &anchors);
    // The caps above read every shared anchor; the event lists the strongest.
    if anchors.len() > MAX_EVENT_ANCHORS {
        let parallel = anchors
            .iter()
            .position(|a| a.kind == EvidenceKind::Parallel)
            .map(|i| anchors.remove(i));
        anchors.truncate(MAX_EVENT_ANCHORS);
        anchors.extend(parallel);
    }
    let label =
        central_label(nodes[central], &anchors, corpus).unwrap_or_else(|| label(&evidence, corpus));
    let date = event_date(&event_passages, corpus);
    Some(AlignedEvent {
        passages: event_passages,
        evidence,
        cohesion,
        label,
        date,
        edited: false,
        confidence,
        anchors,
    })
}

/// The strongest meaning cosine among the event's links that rest on meaning, if any
/// (read through each member's links, so the cost follows the event's size).
fn meaning_link(
    members: &[usize],
    member_set: &HashSet<usize>,
    adjacency: &Adjacency,
    meaning_edges: &HashMap<(usize, usize), f32>,
) -> Option<f32> {
    members
        .iter()
        .flat_map(|&a| {
            adjacency
                .get(&a)
                .into_iter()
                .flatten()
                .filter(move |(b, _)| a < *b && member_set.contains(b))
                .filter_map(move |(b, _)| meaning_edges.get(&(a, *b)).copied())
        })
        .max_by(f32::total_cmp)
}

/// Cohesion: the mean weight over the cross-document pairs (pairs without an edge count as
/// zero), summed over the edges inside the event.
fn cohesion(
    members: &[usize],
    member_set: &HashSet<usize>,
    adjacency: &Adjacency,
    nodes: &[PassageRef],
) -> f32 {
    let mut sum = 0.0;
    for &x in members {
        for &(y, weight) in adjacency.get(&x).into_iter().flatten() {
            if x < y && member_set.contains(&y) {
                sum += weight;
            }
        }
    }
    let mut per_document: BTreeMap<DocId, usize> = BTreeMap::new();
    for &m in members {
        *per_document.entry(nodes[m].document).or_default() += 1;
    }
    let same: usize = per_document.values().map(|c| c * (c - 1) / 2).sum();
    let pairs = members.len() * (members.len() - 1) / 2 - same;
    if pairs > 0 { sum / pairs as f32 } else { 0.0 }
}

/// The anchor of passages at the same place of parallel versions, when the event has some.
fn parallel_anchor(
    members: &[usize],
    member_set: &HashSet<usize>,
    nodes: &[PassageRef],
    parallel_of: &HashMap<usize, Vec<usize>>,
) -> Option<Anchor> {
    let parallel_documents: BTreeSet<DocId> = members
        .iter()
        .flat_map(|&x| {
            parallel_of
                .get(&x)
                .into_iter()
                .flatten()
                .map(move |&y| (x, y))
        })
        .filter(|(_, y)| member_set.contains(y))
        .flat_map(|(x, y)| [nodes[x].document, nodes[y].document])
        .collect();
    (!parallel_documents.is_empty()).then(|| Anchor {
        kind: EvidenceKind::Parallel,
        text: "the same place in versions of one text".into(),
        strength: 1.0,
        sources: parallel_documents.len(),
    })
}

/// How well the event's passages are anchored to the rest of it, from 0 to 1 (the mean over
/// its passages of the best support each has with another member, a support of 3 counting
/// fully), and its most central member (the most weight and support to the others).
fn anchoring(
    members: &[usize],
    member_set: &HashSet<usize>,
    adjacency: &Adjacency,
    edge_support: &HashMap<(usize, usize), f32>,
) -> (f32, usize) {
    let mut anchored = 0.0;
    let mut central = (members[0], f32::MIN);
    for &x in members {
        let mut best: f32 = 0.0;
        let mut total = 0.0;
        for &(y, weight) in adjacency.get(&x).into_iter().flatten() {
            if member_set.contains(&y) {
                let support = edge_support
                    .get(&(x.min(y), x.max(y)))
                    .copied()
                    .unwrap_or(0.0);
                best = best.max(support);
                total += weight + 0.1 * support;
            }
        }
        anchored += (best / 3.0).min(1.0);
        if total > central.1 {
            central = (x, total);
        }
    }
    (anchored / members.len() as f32, central.0)
}

/// The confidence capped by what the sources share: words alone, or one name and words.
fn capped_confidence(mut confidence: f32, anchors: &[Anchor]) -> f32 {
    // An event held together by words alone (no name, number, date, quote or who-did-
    // what shared by two sources) is as often a topic as a happening: it stays below the
    // default threshold, shown with "Show uncertain".
    let only_words = anchors
        .iter()
        .filter(|a| a.sources >= 2)
        .all(|a| a.kind == EvidenceKind::Term || demonym(a));
    if only_words {
        confidence = confidence.min(WORDS_ONLY_CONFIDENCE);
    }
    // One name (or one who-did-what) and words: on our BASIL labels such events are one
    // event about seven times in ten, against more than eight in ten for events with a
    // number, date or quote in common. Their confidence says so.
    let shared: Vec<&Anchor> = anchors.iter().filter(|a| a.sources >= 2).collect();
    let hard = shared.iter().any(|a| {
        matches!(
            a.kind,
            EvidenceKind::Quote | EvidenceKind::Date | EvidenceKind::Parallel
        ) || (a.kind == EvidenceKind::Quantity && !a.text.starts_with("a count of"))
    });
    // Distinct names: a who-did-what counts under its subject's name.
    let mut named: Vec<&str> = shared
        .iter()
        .filter(|a| a.kind == EvidenceKind::Entity && !demonym(a))
        .map(|a| a.text.as_str())
        .collect();
    for claim in shared.iter().filter(|a| a.kind == EvidenceKind::Claim) {
        let subject = claim.text.split(" … ").next().unwrap_or("");
        if !named.contains(&subject) {
            named.push(subject);
        }
    }
    let names = named.len();
    if !hard && names == 1 {
        confidence = confidence.min(ONE_NAME_CONFIDENCE);
    }
    confidence
}

/// Demonyms and party adjectives ("African", "Western", "Democratic", "Republicans") are
/// capitalised words, not named participants.
fn demonym(anchor: &Anchor) -> bool {
    anchor.kind == EvidenceKind::Entity
        && !anchor.text.contains(' ')
        && ["an", "ern", "ese", "ish", "ic", "crat", "crats", "ans"]
            .iter()
            .any(|end| anchor.text.to_lowercase().ends_with(end))
}
