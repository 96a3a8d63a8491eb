//! Evidence and anchors of one event. Takes the event's passages, their features and
//! anchors; gives the evidence (the features most of its documents share, weighted by
//! rarity) and the anchors that at least two of its sources share (names, numbers, dates,
//! counted facts, who did what, a shared quote or run of words), each in readable words.
//! They are why the passages are one event, shown to the reader and read by the event's
//! confidence.

use super::anchors::{STRONG_QUOTE, quote_anchor};
use super::features::{FeatureKind, kind_weight, near_figures};
use super::wording::shared_run;
use super::{Passages, features_of};
use crate::extract::Corpus;
use crate::model::{Anchor, DocId, Evidence, EvidenceKind, PassageRef};
use std::collections::{BTreeMap, BTreeSet};

/// How many pairs of an event's passages are searched for a shared run of words.
const RUN_PAIRS: usize = 40;

/// The features shared by the most documents of an event, weighted by rarity.
pub(super) fn evidence(members: &[usize], passages: &Passages) -> Vec<Evidence> {
    let (nodes, corpus) = (&passages.nodes, passages.corpus);
    let (ids, vocabulary) = (&passages.features.ids, &passages.features.vocabulary);
    let weights = &passages.weights;
    let mut documents_with: BTreeMap<u32, BTreeSet<DocId>> = BTreeMap::new();
    let mut all_documents = BTreeSet::new();
    for &m in members {
        all_documents.insert(nodes[m].document);
        for &id in &ids[m] {
            documents_with
                .entry(id)
                .or_default()
                .insert(nodes[m].document);
        }
    }
    let total = all_documents.len() as f32;
    let mut scored: Vec<(f32, u32)> = documents_with
        .into_iter()
        .filter(|(_, docs)| docs.len() >= 2)
        .map(|(id, docs)| {
            let df = weights.passage_df[id as usize] as f32;
            let rarity = ((weights.passages_total + 1.0) / (df + 1.0)).ln();
            let kind = vocabulary.names[id as usize].0;
            let weight = rarity * kind_weight(kind) * weights.background[id as usize];
            (weight * docs.len() as f32 / total, id)
        })
        .filter(|(weight, _)| *weight > 0.05)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    scored
        .into_iter()
        .take(10)
        .map(|(weight, id)| {
            let (kind, text) = feature_text(&vocabulary.names[id as usize], members, nodes, corpus);
            Evidence {
                kind,
                text,
                weight: (weight * 100.0).round() / 100.0,
            }
        })
        .collect()
}

/// The anchors that at least two sources of an event share, strongest first.
pub(super) fn event_anchors(members: &[usize], passages: &Passages) -> Vec<Anchor> {
    let mut anchors = shared_features(members, passages);
    // A quote shared across sources.
    match best_quote(members, passages) {
        Some((strength, count, at)) => {
            anchors.extend(quote_at(at, strength, count, passages.corpus))
        }
        // The same words in two sources without quotation marks around them in both (a
        // quote that runs over several lines, a copied sentence): the longest shared run,
        // named when nothing but single words would say why the event holds.
        None if anchors.iter().all(|a| a.kind == EvidenceKind::Term) => {
            anchors.extend(longest_run(members, passages));
        }
        None => {}
    }
    // A count that an anchored counted fact already names ("a count of homes … flooded")
    // is not listed again on its own.
    let facts: Vec<String> = anchors
        .iter()
        .filter(|a| a.kind == EvidenceKind::Quantity)
        .filter_map(|a| a.text.split_once(" … ").map(|(count, _)| count.to_string()))
        .collect();
    anchors.retain(|a| a.kind != EvidenceKind::Quantity || !facts.contains(&a.text));
    anchors.sort_by(|a, b| {
        (b.strength * b.sources as f32)
            .total_cmp(&(a.strength * a.sources as f32))
            .then_with(|| a.text.cmp(&b.text))
    });
    anchors
}

/// The anchor features that at least two sources of the event share (a counted fact only
/// where two sources give near figures for it), in readable words.
fn shared_features(members: &[usize], passages: &Passages) -> Vec<Anchor> {
    let (nodes, corpus) = (&passages.nodes, passages.corpus);
    let (node_facts, vocabulary) = (&passages.features.facts, &passages.features.vocabulary);
    let mut sources: BTreeMap<u32, (f32, BTreeSet<DocId>)> = BTreeMap::new();
    for &m in members {
        for &(id, strength) in &passages.signals.anchors[m] {
            let entry = sources.entry(id).or_default();
            entry.0 = strength;
            entry.1.insert(nodes[m].document);
        }
    }
    // A counted fact is shared only where two sources give near figures for it.
    let near_in_two_sources = |id: u32| {
        let holders: Vec<usize> = members
            .iter()
            .copied()
            .filter(|&m| node_facts[m].iter().any(|(fact, _)| *fact == id))
            .collect();
        holders.is_empty()
            || holders.iter().enumerate().any(|(i, &x)| {
                holders[i + 1..].iter().any(|&y| {
                    nodes[x].document != nodes[y].document
                        && near_figures(id, &node_facts[x], &node_facts[y])
                })
            })
    };
    sources
        .into_iter()
        .filter(|(id, (_, documents))| documents.len() >= 2 && near_in_two_sources(*id))
        .map(|(id, (strength, documents))| {
            let (kind, text) = feature_text(&vocabulary.names[id as usize], members, nodes, corpus);
            Anchor {
                kind,
                text,
                strength: (strength * 100.0).round() / 100.0,
                sources: documents.len(),
            }
        })
        .collect()
}

/// The pairs of an event's members from different documents, in order.
fn cross_document_pairs<'a>(
    members: &'a [usize],
    nodes: &'a [PassageRef],
) -> impl Iterator<Item = (usize, usize)> + 'a {
    members.iter().enumerate().flat_map(move |(i, &x)| {
        members[i + 1..]
            .iter()
            .filter(move |&&y| nodes[x].document != nodes[y].document)
            .map(move |&y| (x, y))
    })
}

/// The strongest quote two sources of the event share: its strength, its number of
/// sources and the passage of the first source that gives it.
fn best_quote(members: &[usize], passages: &Passages) -> Option<(f32, usize, PassageRef)> {
    let (nodes, corpus) = (&passages.nodes, passages.corpus);
    let mut best: Option<(f32, usize, PassageRef)> = None;
    for (x, y) in cross_document_pairs(members, nodes) {
        let strength = quote_anchor(features_of(corpus, nodes[x]), features_of(corpus, nodes[y]));
        if strength > 0.0 && best.is_none_or(|(s, _, _)| strength > s) {
            best = Some((strength, 2, nodes[x]));
        }
    }
    best
}

/// The anchor of a shared quote, shown as the first quote of passage `at`.
fn quote_at(at: PassageRef, strength: f32, count: usize, corpus: &Corpus) -> Option<Anchor> {
    let quote = features_of(corpus, at).quotes.first()?;
    let text = &corpus.documents[at.document.get()].loaded.text[quote.start..quote.end];
    Some(Anchor {
        kind: EvidenceKind::Quote,
        text: crate::text::first_words(text, 8),
        strength,
        sources: count,
    })
}

/// The anchor of the longest run of words two sources of the event share, from the first
/// [`RUN_PAIRS`] pairs of passages.
fn longest_run(members: &[usize], passages: &Passages) -> Option<Anchor> {
    let (nodes, corpus) = (&passages.nodes, passages.corpus);
    let mut longest: Option<(String, usize)> = None;
    for (x, y) in cross_document_pairs(members, nodes).take(RUN_PAIRS) {
        if let Some((run, words)) = shared_run(corpus, nodes[x], nodes[y])
            && longest.as_ref().is_none_or(|(_, most)| words > *most)
        {
            longest = Some((run, words));
        }
    }
    let (run, words) = longest?;
    Some(Anchor {
        kind: EvidenceKind::Quote,
        text: run,
        strength: if words >= 6 { STRONG_QUOTE } else { 1.0 },
        sources: 2,
    })
}

/// The kind and readable text of a feature, as evidence and anchors show it.
fn feature_text(
    (kind, name): &(FeatureKind, String),
    members: &[usize],
    nodes: &[PassageRef],
    corpus: &Corpus,
) -> (EvidenceKind, String) {
    match kind {
        FeatureKind::Term => (EvidenceKind::Term, surface_of(name, members, nodes, corpus)),
        FeatureKind::Entity => (
            EvidenceKind::Entity,
            name.parse::<usize>()
                .ok()
                .and_then(|e| corpus.entities.get(e))
                .map_or_else(|| name.clone(), |e| e.name.clone()),
        ),
        FeatureKind::Date => (EvidenceKind::Date, name.clone()),
        FeatureKind::Quantity => match name.split_once(":*>") {
            // A counted fact: "a count of homes … flooded".
            Some((unit, predicate)) => (
                EvidenceKind::Quantity,
                format!(
                    "a count of {unit} … {}",
                    written_predicate(predicate, members, nodes, corpus)
                ),
            ),
            None => (EvidenceKind::Quantity, quantity_text(name)),
        },
        FeatureKind::Claim => (
            EvidenceKind::Claim,
            claim_text(name, members, nodes, corpus),
        ),
    }
}

/// "Tarvosk Council … approve" for a subject and its predicate, "approve … budget" for an
/// object.
fn claim_text(name: &str, members: &[usize], nodes: &[PassageRef], corpus: &Corpus) -> String {
    let entity_name = |id: &str| {
        id.parse::<usize>()
            .ok()
            .and_then(|e| corpus.entities.get(e))
            .map(|e| e.name.clone())
    };
    let written = |stem: &str| written_predicate(stem, members, nodes, corpus);
    match name.split_once('>') {
        Some((subject, predicate)) if entity_name(subject).is_some() => format!(
            "{} … {}",
            entity_name(subject).unwrap_or_default(),
            written(predicate)
        ),
        Some((predicate, object)) => format!(
            "{} … {}",
            written(predicate),
            entity_name(object).unwrap_or_else(|| object.to_string())
        ),
        None => name.to_string(),
    }
}

/// A predicate as one of the event's passages writes it ("warned", not the stem "warn").
fn written_predicate(
    stem: &str,
    members: &[usize],
    nodes: &[PassageRef],
    corpus: &Corpus,
) -> String {
    members
        .iter()
        .flat_map(|&m| {
            let node = nodes[m];
            corpus.documents[node.document.get()].features[node.passage.get()]
                .claims
                .iter()
        })
        .find(|c| c.predicate == stem)
        .map_or_else(|| stem.to_string(), |c| c.word.clone())
}

/// "troops 5000" for a counted value, "a count of troops" for the counted thing alone.
fn quantity_text(name: &str) -> String {
    match name.split_once(':') {
        Some((unit, "*")) => format!("a count of {unit}"),
        Some((unit, value)) => format!("{value} {unit}").trim().to_string(),
        None => name.to_string(),
    }
}

/// The most frequent written form of a stem among the event's passages.
fn surface_of(stem: &str, members: &[usize], nodes: &[PassageRef], corpus: &Corpus) -> String {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for &m in members {
        let document = &corpus.documents[nodes[m].document.get()];
        for (at, term) in &document.features[nodes[m].passage.get()].terms {
            if term == stem {
                let word: String = document.loaded.text[*at..]
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '-')
                    .collect();
                *counts.entry(word.to_lowercase()).or_default() += 1;
            }
        }
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map_or_else(|| stem.to_string(), |(word, _)| word)
}
