//! Stage 4, align: passages of different documents that report the same event become one
//! event.
//!
//! 1. Every passage becomes a sparse TF-IDF vector over its content terms, resolved entities
//!    (weighted up: who and where separate near-miss events better than verbs), dates and
//!    quantities.
//! 2. Candidate partners come from an inverted index: a passage is only scored against
//!    passages that share a feature with it, never against the whole corpus, and keeps its
//!    top `k` partners in other documents.
//! 3. A pair's weight mixes the passage cosine with the similarity of the two whole documents
//!    (articles on the same story share their cast), and is lowered when the pair's dates
//!    conflict.
//! 4. Average-link clustering groups the passages; a group that spans two or more documents
//!    is an event. Order in the articles plays no part, so events told in a different order
//!    still align.

mod anchors;
pub mod cluster;
mod context;
mod dates;
mod evidence;
mod features;
mod gates;
pub mod label;
mod leftovers;
mod parallel;
mod speakers;
mod vectors;
mod weights;
mod wording;

use anchors::{
    MIN_ANCHOR, PHRASE_SPAN, Phrases, ROSTER, STRONG_QUOTE, one_per_phrase, one_person,
    quote_anchor, shared_anchors,
};
use context::{PARAGRAPH_SHARE, document_prior, paragraph_smoothing};
pub use dates::event_date;
use evidence::{event_anchors, evidence};
use features::{
    CountedFacts, FeatureKind, Features, counted_fact, fact_unit, heading_entities, kind_weight,
    near_figures, raw_features,
};
use gates::{
    ALIKE, ANCHOR_COUNT, ANCHOR_SUM, LEAD_LIKENESS, SOFT_ANCHOR_SUM, dates_conflict,
    enough_anchors, shared_ids, weekdays,
};
use label::central::central_label;
pub use label::central::label;
use leftovers::attach_leftovers;
use speakers::passage_speakers;
use vectors::{Sparse, dot, normalise};
use weights::{COMMON_TERM_WEIGHT, background_weights, corpus_specificity};
use wording::{long_runs, share_any, shingles, wording_anchor};

use crate::extract::{Corpus, PassageFeatures};
use crate::model::{DocId, Evidence, EvidenceKind, PassageId, PassageRef, PassageRole};
use crate::progress::{Cancelled, Progress};
use crate::settings::Settings;
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};

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

/// The anchor support of a pair of sentences at the same place of two parallel versions.
const PARALLEL_SUPPORT: f32 = 2.0;

/// The highest confidence of an event whose shared anchors are all words.
const WORDS_ONLY_CONFIDENCE: f32 = 0.55;

/// Demonyms and party adjectives ("African", "Western", "Democratic", "Republicans") are
/// capitalised words, not named participants.
fn demonym(anchor: &crate::model::Anchor) -> bool {
    anchor.kind == EvidenceKind::Entity
        && !anchor.text.contains(' ')
        && ["an", "ern", "ese", "ish", "ic", "crat", "crats", "ans"]
            .iter()
            .any(|end| anchor.text.to_lowercase().ends_with(end))
}

/// The highest confidence of an event held by one name and words.
const ONE_NAME_CONFIDENCE: f32 = 0.7;

/// Groups the passages of the corpus into events.
pub fn align(
    corpus: &Corpus,
    settings: &Settings,
    progress: &Progress,
) -> Result<Alignment, Cancelled> {
    // Nodes: every passage that can carry an event (body text and headings).
    let mut nodes: Vec<PassageRef> = Vec::new();
    for (d, document) in corpus.documents.iter().enumerate() {
        for passage in &document.passages {
            if passage.role != PassageRole::Boilerplate {
                nodes.push(PassageRef {
                    document: DocId(d),
                    passage: passage.index,
                });
            }
        }
    }
    let features_of = |node: &PassageRef| -> &PassageFeatures {
        &corpus.documents[node.document.get()].features[node.passage.get()]
    };
    let mut vocabulary = Features {
        ids: HashMap::new(),
        names: Vec::new(),
    };
    let heading_names = heading_entities(corpus, &nodes);
    let stemmer = crate::extract::terms::Stemmer::new();
    let raw: Vec<Vec<u32>> = nodes
        .iter()
        .zip(&heading_names)
        .map(|(node, names)| {
            let mut ids = raw_features(features_of(node), &mut vocabulary);
            for entity in names {
                ids.push(vocabulary.id(FeatureKind::Entity, entity.get().to_string()));
            }
            ids
        })
        .collect();
    // The counted facts of each passage ("340 homes were flooded" / "flooded 430 houses":
    // one fact, whatever the figures), with their figures. They are anchors only: they add
    // nothing to the passage and document vectors that cosine and the document prior read.
    let node_facts: Vec<CountedFacts> = nodes
        .iter()
        .map(|node| {
            let features = features_of(node);
            let mut facts = Vec::new();
            for quantity in &features.quantities {
                if let Some(fact) = counted_fact(quantity, &features.claims) {
                    let (low, high) = quantity.range();
                    facts.push((
                        vocabulary.id(FeatureKind::Quantity, fact),
                        (low.abs(), high.abs()),
                    ));
                }
            }
            facts
        })
        .collect();
    let feature_count = vocabulary.names.len();

    // Passage-level and document-level document frequencies.
    let mut passage_df = vec![0u32; feature_count];
    let mut document_df = vec![0u32; feature_count];
    let mut document_terms: Vec<BTreeMap<u32, f32>> = vec![BTreeMap::new(); corpus.documents.len()];
    for ((node, ids), facts) in nodes.iter().zip(&raw).zip(&node_facts) {
        let mut distinct: Vec<u32> = ids
            .iter()
            .copied()
            .chain(facts.iter().map(|f| f.0))
            .collect();
        distinct.sort_unstable();
        distinct.dedup();
        for &id in &distinct {
            passage_df[id as usize] += 1;
        }
        let counts = &mut document_terms[node.document.get()];
        for &id in ids {
            *counts.entry(id).or_default() += 1.0;
        }
    }
    for counts in &document_terms {
        for &id in counts.keys() {
            document_df[id as usize] += 1;
        }
    }
    let passages_total = nodes.len().max(1) as f32;
    let documents_total = corpus.documents.len().max(1) as f32;
    let idf = |df: u32, total: f32| ((total - df as f32 + 0.5) / (df as f32 + 0.5)).ln_1p();
    // What each feature can say about an event, from general English and from this corpus.
    // The English frequency of each term: that of its most frequent written form here.
    let term_zipf = {
        let table = crate::extract::frequency::frequencies();
        let mut zipf = vec![crate::extract::frequency::UNLISTED_ZIPF; feature_count];
        for node in &nodes {
            let text = &corpus.documents[node.document.get()].loaded.text;
            for (at, stem) in &features_of(node).terms {
                let Some(&id) = vocabulary.ids.get(&(FeatureKind::Term, stem.clone())) else {
                    continue;
                };
                let word: String = text[*at..]
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '-')
                    .collect();
                let slot = &mut zipf[id as usize];
                *slot = slot.max(table.word(&crate::text::fold(&word)));
            }
        }
        zipf
    };
    let background = background_weights(&vocabulary, &term_zipf, COMMON_TERM_WEIGHT);
    // Anchors: a word common in English is never one.
    let anchor_strength: Vec<f32> = background_weights(&vocabulary, &term_zipf, 0.0)
        .into_iter()
        .enumerate()
        .map(|(id, weight)| {
            weight * corpus_specificity(passage_df[id], passages_total, documents_total)
        })
        .collect();
    // The title and the first two body sentences of each document.
    let is_lead: Vec<bool> = {
        let mut seen_body: HashMap<DocId, usize> = HashMap::new();
        let mut seen_title: std::collections::HashSet<DocId> = Default::default();
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
    };
    let background_anchor = background_weights(&vocabulary, &term_zipf, 0.0);

    // Adjacent content words of each passage ("military-technical spheres"): two words of
    // one phrase that both passages share are one anchor, not two independent ones.
    let node_phrases: Vec<Phrases> = nodes
        .iter()
        .map(|node| {
            let terms = &features_of(node).terms;
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
        })
        .collect();
    // Passages that name many people: a roster, a list of rivals or a poll's ranking.
    let node_roster: Vec<bool> = nodes
        .iter()
        .map(|node| {
            let mut people: Vec<usize> = features_of(node)
                .entities
                .iter()
                .filter(|e| corpus.entities[e.get()].kind == crate::model::EntityKind::Person)
                .map(|e| e.get())
                .collect();
            people.sort_unstable();
            people.dedup();
            people.len() >= ROSTER
        })
        .collect();
    let node_shingles: Vec<Vec<u64>> = nodes.iter().map(|node| shingles(corpus, *node)).collect();
    let node_long_runs: Vec<Vec<u64>> = nodes.iter().map(|node| long_runs(corpus, *node)).collect();
    // Who did what: each claim's predicate with its named person or organisation subject.
    let node_actions: Vec<Vec<(&str, crate::model::EntityId)>> = nodes
        .iter()
        .map(|node| {
            features_of(node)
                .claims
                .iter()
                .filter(|c| {
                    !c.modal && !c.passive && !crate::extract::claims::is_reporting(&c.word)
                })
                .filter_map(|c| {
                    let entity = c.subject.as_ref()?.entity?;
                    matches!(
                        corpus.entities[entity.get()].kind,
                        crate::model::EntityKind::Person | crate::model::EntityKind::Organisation
                    )
                    .then_some((c.predicate.as_str(), entity))
                })
                .collect()
        })
        .collect();
    let node_weekdays: Vec<u8> = nodes.iter().map(|node| weekdays(corpus, *node)).collect();
    let node_speakers: Vec<Vec<crate::model::EntityId>> = nodes
        .iter()
        .map(|node| passage_speakers(corpus, *node))
        .collect();
    let node_anchors: Vec<Vec<(u32, f32)>> = raw
        .iter()
        .zip(nodes.iter().zip(&heading_names))
        .zip(&node_facts)
        .map(|((ids, (node, heading)), facts)| {
            // A name is one anchor: its words do not count again as terms.
            let name_stems: std::collections::HashSet<String> = features_of(node)
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
        })
        .collect();

    let passage_vectors: Vec<Sparse> = raw
        .iter()
        .map(|ids| {
            let mut counts: BTreeMap<u32, f32> = BTreeMap::new();
            for &id in ids {
                *counts.entry(id).or_default() += 1.0;
            }
            let mut vector: Sparse = counts
                .into_iter()
                .map(|(id, tf)| {
                    let kind = vocabulary.names[id as usize].0;
                    let weight = (1.0 + tf.ln())
                        * idf(passage_df[id as usize], passages_total)
                        * kind_weight(kind)
                        * background[id as usize];
                    (id, weight)
                })
                .collect();
            normalise(&mut vector);
            vector
        })
        .collect();
    // Paragraph context: each sentence borrows a share of its paragraph's other sentences, so
    // that "He was acquitted on two further counts" stays with the verdict it follows.
    let vectors = paragraph_smoothing(&nodes, &passage_vectors, corpus, PARAGRAPH_SHARE);
    let document_vectors: Vec<Sparse> = document_terms
        .iter()
        .map(|counts| {
            let mut vector: Sparse = counts
                .iter()
                .map(|(&id, &tf)| {
                    let kind = vocabulary.names[id as usize].0;
                    (
                        id,
                        (1.0 + tf.ln())
                            * idf(document_df[id as usize], documents_total)
                            * kind_weight(kind)
                            * background[id as usize],
                    )
                })
                .collect();
            normalise(&mut vector);
            vector
        })
        .collect();
    progress.check()?;

    let started = std::time::Instant::now();
    // Inverted index with weights, skipping features so common that they say nothing.
    let max_postings = (nodes.len() / 20).max(64);
    let mut postings: Vec<Vec<(u32, f32)>> = vec![Vec::new(); feature_count];
    for (node_index, vector) in vectors.iter().enumerate() {
        for &(id, weight) in vector {
            postings[id as usize].push((node_index as u32, weight));
        }
    }
    // Impact order: the passages that lean hardest on a feature come first, and a query
    // reads at most POSTINGS_READ of them. This keeps the search linear in the corpus size
    // when a word is shared by thousands of passages.
    for list in &mut postings {
        list.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    }
    let k = settings.candidates_per_passage.max(1);
    progress.begin(crate::progress::Stage::Aligning, nodes.len());
    const POSTINGS_READ: usize = 128;
    // Each passage queries with its strongest features only; the weak ones rarely decide
    // who its best partners are, and they are what makes the search slow.
    const QUERY_FEATURES: usize = 16;
    let candidate_lists: Vec<Result<Vec<(u32, f32)>, Cancelled>> = (0..nodes.len())
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
                let own_document = nodes[node_index].document;
                let mut query: Vec<(u32, f32)> = vectors[node_index].clone();
                query.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
                query.truncate(QUERY_FEATURES);
                for &(id, weight) in &query {
                    let list = &postings[id as usize];
                    if list.len() > max_postings {
                        continue;
                    }
                    for &(other, other_weight) in list.iter().take(POSTINGS_READ) {
                        if nodes[other as usize].document == own_document {
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
                ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
                ranked.truncate(k);
                for entry in &mut ranked {
                    entry.1 = dot(&vectors[node_index], &vectors[entry.0 as usize]);
                }
                ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
                progress.advance();
                Ok(ranked)
            },
        )
        .collect();
    if std::env::var_os("PARALLAX_TIMINGS").is_some() {
        eprintln!("  candidate lists in {:?}", started.elapsed());
    }
    let mut candidate_lists_ok = Vec::with_capacity(candidate_lists.len());
    for list in candidate_lists {
        candidate_lists_ok.push(list?);
    }

    // Edge weights.
    let mut edges = Vec::new();
    let mut best_partner: Vec<Vec<f32>> = corpus
        .documents
        .iter()
        .map(|d| vec![0.0; d.passages.len()])
        .collect();
    let mu = settings.document_context.max(0.0);
    // The summed anchor strength of every kept pair, for event confidence.
    let mut edge_support: HashMap<(usize, usize), f32> = HashMap::new();
    // Kept pairs with a shared number, date or who-did-what and strong anchors overall.
    let mut factual_edges: std::collections::HashSet<(usize, usize)> = Default::default();
    // Candidate pairs that share a name, number or date, linked or not.
    let mut anchored_pairs: Vec<(usize, usize)> = Vec::new();
    let mut best_support = best_partner.clone();
    // The document prior, from every candidate pair: documents far more alike than the
    // usual pair tell one story, which is itself an anchor for their passages.
    let candidate_edges: Vec<cluster::Edge> = candidate_lists_ok
        .iter()
        .enumerate()
        .flat_map(|(a, list)| {
            list.iter().map(move |&(b, weight)| cluster::Edge {
                a,
                b: b as usize,
                weight,
            })
        })
        .collect();
    let prior = document_prior(&document_vectors, &candidate_edges, &nodes, mu);
    drop(candidate_edges);
    let same_story = |a: usize, b: usize| {
        prior
            .as_ref()
            .is_some_and(|p| p.weight(nodes[a].document.get(), nodes[b].document.get()) > 0.0)
    };
    // A developer's trace of every candidate pair and why it was or was not linked.
    let debug_edges = std::env::var_os("PARALLAX_DEBUG_EDGES").is_some();
    for (a, list) in candidate_lists_ok.iter().enumerate() {
        for &(b, cosine) in list {
            let b = b as usize;
            let mut shared = one_per_phrase(
                shared_anchors(&node_anchors[a], &node_anchors[b]),
                (&node_phrases[a], &node_phrases[b]),
            );
            // A counted fact is one fact only when the figures are near each other ("340" /
            // "430 homes flooded"); "spent 4 seasons" and "spent 19 seasons" are two.
            shared.retain(|(id, _)| near_figures(*id, &node_facts[a], &node_facts[b]));
            // A shared counted fact is one anchor with its count: "340 homes" and "430
            // houses" do not count again as a count of homes. Its verb, when uncommon,
            // stays an anchor of its own.
            let facts: Vec<&str> = shared
                .iter()
                .filter_map(|(id, _)| {
                    let (kind, name) = &vocabulary.names[*id as usize];
                    (*kind == FeatureKind::Quantity)
                        .then(|| name.split_once(":*>").map(|(unit, _)| unit))
                        .flatten()
                })
                .collect();
            if !facts.is_empty() {
                shared.retain(|(id, _)| {
                    let (kind, name) = &vocabulary.names[*id as usize];
                    *kind != FeatureKind::Quantity
                        || !name
                            .strip_suffix(":*")
                            .is_some_and(|unit| facts.contains(&fact_unit(unit)))
                });
            }
            // The people a roster names are one anchor between them: "Carson, Cruz, Paul and
            // Rubio" in two passages says they are about the same field of candidates, not
            // about the same happening.
            if node_roster[a] || node_roster[b] {
                one_person(&mut shared, |id| {
                    let (kind, name) = &vocabulary.names[id as usize];
                    *kind == FeatureKind::Entity
                        && name.parse::<usize>().is_ok_and(|e| {
                            corpus.entities.get(e).is_some_and(|entity| {
                                entity.kind == crate::model::EntityKind::Person
                            })
                        })
                });
            }
            let quoted = quote_anchor(features_of(&nodes[a]), features_of(&nodes[b]));
            let mut quote = quoted.max(wording_anchor(&node_shingles[a], &node_shingles[b]));
            if share_any(&node_long_runs[a], &node_long_runs[b]) {
                quote = quote.max(STRONG_QUOTE);
            }
            let support: f32 = shared.iter().map(|(_, s)| s).sum::<f32>() + quote;
            for node in [a, b] {
                let (d, p) = (nodes[node].document.get(), nodes[node].passage.get());
                best_partner[d][p] = best_partner[d][p].max(cosine);
                best_support[d][p] = best_support[d][p].max(support);
            }
            // Event-level evidence: two independent specific anchors, or one shared quote.
            let story: f32 = if same_story(a, b) { 1.0 } else { 0.0 };
            // Passages alike in most of their wording need one specific anchor only.
            let alike = if cosine >= ALIKE { 1.0 } else { 0.0 };
            // Headlines and leads report a story's main event: between two of them, names
            // and uncommon words of the story's cast are evidence enough.
            let leads = is_lead[a]
                && is_lead[b]
                && cosine >= LEAD_LIKENESS
                && shared_ids(&raw[a], &raw[b])
                    .filter(|&id| background_anchor[id as usize] >= MIN_ANCHOR)
                    .count()
                    >= 2;
            if debug_edges {
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
                let names: Vec<String> = shared
                    .iter()
                    .map(|(id, s)| format!("{}={s:.2}", vocabulary.names[*id as usize].1))
                    .collect();
                eprintln!(
                    "EDGE {a} {b} cos {cosine:.2} quote {quote:.1} story {story} leads {leads} spk {:?}/{:?} pass {} [{}] | {} || {}",
                    node_speakers[a],
                    node_speakers[b],
                    leads || enough_anchors(&shared, quote + story.max(alike)),
                    names.join(" "),
                    text(a),
                    text(b)
                );
            }
            if shared.iter().any(|(id, strength)| {
                *strength >= 0.5
                    && matches!(
                        vocabulary.names[*id as usize].0,
                        FeatureKind::Entity | FeatureKind::Quantity | FeatureKind::Date
                    )
            }) {
                anchored_pairs.push((a.min(b), a.max(b)));
            }
            if !leads && !enough_anchors(&shared, quote + story.max(alike)) {
                continue;
            }
            // Names and rare words alone (no number, date or shared wording) are how a
            // topic looks as much as an event: they need more weight.
            let names = shared
                .iter()
                .filter(|(id, strength)| {
                    vocabulary.names[*id as usize].0 == FeatureKind::Entity && *strength >= 0.5
                })
                .count();
            let hard = quote > 0.0
                || names >= 2
                || shared.iter().any(|(id, _)| {
                    matches!(
                        vocabulary.names[*id as usize].0,
                        FeatureKind::Date | FeatureKind::Quantity | FeatureKind::Claim
                    )
                });
            if !leads
                && !hard
                && story.max(alike) == 0.0
                && shared.iter().map(|(_, s)| s).sum::<f32>() < SOFT_ANCHOR_SUM
            {
                continue;
            }
            // Two statements by different speakers are two events, even when they answer
            // each other or say much the same ("the people deserve the facts"); only the
            // same words in quotation marks make them one (a quote given to two speakers).
            let (speakers_a, speakers_b) = (&node_speakers[a], &node_speakers[b]);
            if !speakers_a.is_empty()
                && !speakers_b.is_empty()
                && !speakers_a.iter().any(|s| speakers_b.contains(s))
                && quoted < STRONG_QUOTE
            {
                if debug_edges {
                    eprintln!("DROP speakers {a} {b}");
                }
                continue;
            }
            // A conflicting date keeps two passages apart even when they share a person:
            // only a much stronger set of anchors says it is one event dated differently.
            // Named weekdays count as dates: "Varga wrote on Sunday" and "Landau said on
            // Friday" are two occasions.
            let weekdays_conflict = node_weekdays[a] != 0
                && node_weekdays[b] != 0
                && node_weekdays[a] & node_weekdays[b] == 0;
            // The same action by different named actors ("Reid checked into rehab" /
            // "Lohan checked into rehab") is two happenings.
            let actors_conflict = node_actions[a].iter().any(|(pa, ea)| {
                let others: Vec<_> = node_actions[b]
                    .iter()
                    .filter(|(pb, _)| pb == pa)
                    .map(|(_, eb)| eb)
                    .collect();
                !others.is_empty() && !others.contains(&ea)
            });
            if (weekdays_conflict
                || actors_conflict
                || dates_conflict(features_of(&nodes[a]), features_of(&nodes[b])))
                && (support < 2.0 * ANCHOR_SUM || shared.len() < 2 * ANCHOR_COUNT)
            {
                if debug_edges {
                    eprintln!(
                        "DROP conflict {a} {b} weekdays {weekdays_conflict} actors {actors_conflict}"
                    );
                }
                continue;
            }
            if debug_edges {
                eprintln!("KEEP {a} {b} weight {cosine:.2}");
            }
            let weight = cosine;
            edge_support.insert((a.min(b), a.max(b)), support);
            // Facts in common: a quote word for word, or anchors enough with a number, a
            // counted fact or a who-did-what among them. A date is shared by every happening
            // of its day, a counted thing ("euros") by every figure of its kind.
            if quoted >= STRONG_QUOTE
                || support >= ANCHOR_SUM
                    && shared.iter().any(|(id, strength)| {
                        let (kind, name) = &vocabulary.names[*id as usize];
                        *strength >= 0.5
                            && (*kind == FeatureKind::Claim
                                || *kind == FeatureKind::Quantity && !name.ends_with(":*"))
                    })
            {
                factual_edges.insert((a.min(b), a.max(b)));
            }
            edges.push(cluster::Edge { a, b, weight });
        }
    }
    // Each pair once, with the larger weight (lists are not symmetric).
    edges.sort_by(|x, y| {
        (x.a.min(x.b), x.a.max(x.b))
            .cmp(&(y.a.min(y.b), y.a.max(y.b)))
            .then(y.weight.total_cmp(&x.weight))
    });
    edges.dedup_by_key(|e| (e.a.min(e.b), e.a.max(e.b)));
    // Translations and copies: the sentences between linked ones, in the same order.
    let parallel: std::collections::HashSet<(usize, usize)> =
        parallel::parallel_pairs(&nodes, &anchored_pairs, &edges, corpus)
            .into_iter()
            .collect();
    let mut parallel_of: HashMap<usize, Vec<usize>> = HashMap::new();
    for &(a, b) in &parallel {
        parallel_of.entry(a).or_default().push(b);
    }
    let mut parallel_sorted: Vec<(usize, usize)> = parallel.iter().copied().collect();
    parallel_sorted.sort_unstable();
    for (a, b) in parallel_sorted {
        edges.push(cluster::Edge {
            a,
            b,
            weight: parallel::PARALLEL_WEIGHT,
        });
        edge_support.insert((a, b), PARALLEL_SUPPORT);
    }
    progress.check()?;

    if std::env::var_os("PARALLAX_TIMINGS").is_some() {
        eprintln!(
            "  candidates and edges done: {} edges in {:?}",
            edges.len(),
            started.elapsed()
        );
    }
    let groups: Vec<usize> = nodes.iter().map(|n| n.document.get()).collect();
    let clusters = cluster::average_link(&groups, &edges, settings.link_threshold, prior.as_ref());
    if std::env::var_os("PARALLAX_TIMINGS").is_some() {
        eprintln!("  clustering done in {:?}", started.elapsed());
    }
    let clusters = attach_leftovers(
        clusters,
        &groups,
        &edges,
        &factual_edges,
        settings.attach_threshold,
    );
    let mut adjacency: HashMap<usize, Vec<(usize, f32)>> = HashMap::new();
    for edge in &edges {
        adjacency
            .entry(edge.a)
            .or_default()
            .push((edge.b, edge.weight));
        adjacency
            .entry(edge.b)
            .or_default()
            .push((edge.a, edge.weight));
    }
    let mut events = Vec::new();
    for members in clusters {
        let documents: std::collections::BTreeSet<DocId> =
            members.iter().map(|&m| nodes[m].document).collect();
        if documents.len() < 2 {
            continue;
        }
        let passages: Vec<PassageRef> = members.iter().map(|&m| nodes[m]).collect();
        // Cohesion: the mean weight over the cross-document pairs (pairs without an edge
        // count as zero), summed over the edges inside the event.
        let member_set: std::collections::HashSet<usize> = members.iter().copied().collect();
        let mut sum = 0.0;
        for &x in &members {
            for &(y, weight) in adjacency.get(&x).into_iter().flatten() {
                if x < y && member_set.contains(&y) {
                    sum += weight;
                }
            }
        }
        let mut per_document: BTreeMap<DocId, usize> = BTreeMap::new();
        for &m in &members {
            *per_document.entry(nodes[m].document).or_default() += 1;
        }
        let same: usize = per_document.values().map(|c| c * (c - 1) / 2).sum();
        let pairs = members.len() * (members.len() - 1) / 2 - same;
        let evidence = evidence(
            &members,
            &raw,
            &vocabulary,
            (&passage_df, &background),
            passages_total,
            &nodes,
            corpus,
        );
        let cohesion = if pairs > 0 { sum / pairs as f32 } else { 0.0 };
        let mut anchors = event_anchors(
            &members,
            &node_anchors,
            &node_facts,
            &vocabulary,
            &nodes,
            corpus,
            features_of,
        );
        let parallel_documents: std::collections::BTreeSet<DocId> = members
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
        if !parallel_documents.is_empty() {
            anchors.push(crate::model::Anchor {
                kind: EvidenceKind::Parallel,
                text: "the same place in versions of one text".into(),
                strength: 1.0,
                sources: parallel_documents.len(),
            });
        }
        // Confidence: how well each passage is anchored to the rest of the event (its best
        // anchored partner in another source), and how alike the passages are.
        let mut anchored = 0.0;
        let mut central = (members[0], f32::MIN);
        for &x in &members {
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
        let anchored = anchored / members.len() as f32;
        let mut confidence = (0.7 * anchored + 0.3 * (cohesion / 0.4).min(1.0)).clamp(0.0, 1.0);
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
        let shared: Vec<&crate::model::Anchor> =
            anchors.iter().filter(|a| a.sources >= 2).collect();
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
        // The caps above read every shared anchor; the event lists the strongest.
        if anchors.len() > MAX_EVENT_ANCHORS {
            let parallel = anchors
                .iter()
                .position(|a| a.kind == EvidenceKind::Parallel)
                .map(|i| anchors.remove(i));
            anchors.truncate(MAX_EVENT_ANCHORS);
            anchors.extend(parallel);
        }
        let label = central_label(nodes[central.0], &anchors, corpus)
            .unwrap_or_else(|| label(&evidence, corpus));
        let date = event_date(&passages, corpus);
        events.push(AlignedEvent {
            passages,
            evidence,
            cohesion,
            label,
            date,
            edited: false,
            confidence,
            anchors,
        });
    }
    Ok(Alignment {
        events,
        best_partner,
        best_support,
    })
}

/// How many anchors an event lists (the strongest first).
const MAX_EVENT_ANCHORS: usize = 12;

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
