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

pub mod cluster;

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
    /// For every passage, its best weight with a passage of another document.
    pub best_partner: Vec<Vec<f32>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum FeatureKind {
    Term,
    Entity,
    Date,
    Quantity,
}

/// Interned features: the vocabulary of the whole corpus.
struct Features {
    ids: HashMap<(FeatureKind, String), u32>,
    names: Vec<(FeatureKind, String)>,
}

impl Features {
    fn id(&mut self, kind: FeatureKind, name: String) -> u32 {
        let next = self.names.len() as u32;
        *self.ids.entry((kind, name.clone())).or_insert_with(|| {
            self.names.push((kind, name));
            next
        })
    }
}

fn kind_weight(kind: FeatureKind) -> f32 {
    match kind {
        FeatureKind::Term => 1.0,
        FeatureKind::Entity => 1.6,
        FeatureKind::Date => 1.2,
        FeatureKind::Quantity => 1.2,
    }
}

/// A sparse vector, sorted by feature id.
type Sparse = Vec<(u32, f32)>;

fn dot(a: &Sparse, b: &Sparse) -> f32 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

fn normalise(vector: &mut Sparse) {
    let norm = vector.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    if norm > 0.0 {
        for (_, w) in vector.iter_mut() {
            *w /= norm;
        }
    }
}

fn raw_features(features: &PassageFeatures, vocabulary: &mut Features) -> Vec<u32> {
    let mut ids = Vec::new();
    for (_, term) in &features.terms {
        ids.push(vocabulary.id(FeatureKind::Term, term.clone()));
    }
    for entity in &features.entities {
        ids.push(vocabulary.id(FeatureKind::Entity, entity.get().to_string()));
    }
    for date in &features.dates {
        if date.date.month.is_some() || date.date.day.is_none() {
            ids.push(vocabulary.id(FeatureKind::Date, date.date.iso()));
        }
    }
    for quantity in &features.quantities {
        ids.push(vocabulary.id(
            FeatureKind::Quantity,
            format!(
                "{}:{}",
                quantity.unit,
                crate::text::format_value(quantity.value)
            ),
        ));
    }
    ids
}

/// Whether two passages date their content differently (full dates, none compatible).
fn dates_conflict(a: &PassageFeatures, b: &PassageFeatures) -> bool {
    let is_day = |d: &&crate::extract::DateFeature| d.date.day.is_some() && d.date.month.is_some();
    let mut days_a = a.dates.iter().filter(is_day).peekable();
    if days_a.peek().is_none() || !b.dates.iter().any(|d| is_day(&d)) {
        return false;
    }
    !days_a.any(|x| {
        b.dates
            .iter()
            .filter(is_day)
            .any(|y| x.date.compatible(&y.date))
    })
}

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
    let raw: Vec<Vec<u32>> = nodes
        .iter()
        .map(|node| raw_features(features_of(node), &mut vocabulary))
        .collect();
    let feature_count = vocabulary.names.len();

    // Passage-level and document-level document frequencies.
    let mut passage_df = vec![0u32; feature_count];
    let mut document_df = vec![0u32; feature_count];
    let mut document_terms: Vec<BTreeMap<u32, f32>> = vec![BTreeMap::new(); corpus.documents.len()];
    for (node, ids) in nodes.iter().zip(&raw) {
        let mut distinct = ids.clone();
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
                        * kind_weight(kind);
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
                            * kind_weight(kind),
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
    for (a, list) in candidate_lists_ok.iter().enumerate() {
        for &(b, cosine) in list {
            let b = b as usize;
            let mut weight = cosine;
            if dates_conflict(features_of(&nodes[a]), features_of(&nodes[b])) {
                weight -= 0.5 * weight + 0.1;
            }
            for node in [a, b] {
                let slot = &mut best_partner[nodes[node].document.get()][nodes[node].passage.get()];
                *slot = slot.max(weight);
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
    progress.check()?;

    if std::env::var_os("PARALLAX_TIMINGS").is_some() {
        eprintln!(
            "  candidates and edges done: {} edges in {:?}",
            edges.len(),
            started.elapsed()
        );
    }
    let groups: Vec<usize> = nodes.iter().map(|n| n.document.get()).collect();
    let prior = document_prior(&document_vectors, &edges, &nodes, mu);
    let clusters = cluster::average_link(&groups, &edges, settings.link_threshold, prior.as_ref());
    if std::env::var_os("PARALLAX_TIMINGS").is_some() {
        eprintln!("  clustering done in {:?}", started.elapsed());
    }
    let clusters = attach_leftovers(clusters, &groups, &edges, settings.attach_threshold);
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
            &passage_df,
            passages_total,
            &nodes,
            corpus,
        );
        let label = label(&evidence, corpus);
        let date = event_date(&passages, corpus);
        events.push(AlignedEvent {
            passages,
            evidence,
            cohesion: if pairs > 0 { sum / pairs as f32 } else { 0.0 },
            label,
            date,
            edited: false,
        });
    }
    Ok(Alignment {
        events,
        best_partner,
    })
}

/// Gives each passage that joined no multi-document event to the event of its strongest
/// partner, when that edge alone is strong enough. Short sentences ("The dam was built in
/// 1987.") share few words with a whole event, so the average-link test rejects them even
/// when one partner is clearly theirs. Attached passages recruit no one further, so this
/// cannot chain events together.
fn attach_leftovers(
    clusters: Vec<Vec<usize>>,
    groups: &[usize],
    edges: &[cluster::Edge],
    threshold: f32,
) -> Vec<Vec<usize>> {
    let mut owner: Vec<Option<usize>> = vec![None; groups.len()];
    let mut events: Vec<Vec<usize>> = Vec::new();
    let mut singles: Vec<Vec<usize>> = Vec::new();
    for members in clusters {
        let documents: std::collections::BTreeSet<usize> =
            members.iter().map(|&m| groups[m]).collect();
        if documents.len() >= 2 {
            for &m in &members {
                owner[m] = Some(events.len());
            }
            events.push(members);
        } else {
            singles.push(members);
        }
    }
    let mut best: Vec<Option<(f32, usize)>> = vec![None; groups.len()];
    for edge in edges {
        for (from, to) in [(edge.a, edge.b), (edge.b, edge.a)] {
            if owner[from].is_some() || owner[to].is_none() || edge.weight < threshold {
                continue;
            }
            let event = owner[to].unwrap_or_default();
            let better = match best[from] {
                None => true,
                Some((weight, current)) => {
                    edge.weight > weight || (edge.weight == weight && event < current)
                }
            };
            if better {
                best[from] = Some((edge.weight, event));
            }
        }
    }
    for (node, choice) in best.iter().enumerate() {
        if let Some((_, event)) = choice {
            events[*event].push(node);
        }
    }
    for members in &mut events {
        members.sort_unstable();
    }
    events.extend(singles);
    events.sort();
    events
}

/// How much of its paragraph a sentence's vector borrows.
const PARAGRAPH_SHARE: f32 = 0.35;

fn paragraph_smoothing(
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
/// is near zero everywhere and events come from passage similarity alone.
fn document_prior(
    document_vectors: &[Sparse],
    edges: &[cluster::Edge],
    nodes: &[PassageRef],
    mu: f32,
) -> Option<cluster::Prior> {
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
    let mut linked: Vec<(usize, usize)> = edges
        .iter()
        .map(|e| {
            let (a, b) = (nodes[e.a].document.get(), nodes[e.b].document.get());
            (a.min(b), a.max(b))
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

/// The features shared by the most documents of an event, weighted by rarity.
fn evidence(
    members: &[usize],
    raw: &[Vec<u32>],
    vocabulary: &Features,
    passage_df: &[u32],
    passages_total: f32,
    nodes: &[PassageRef],
    corpus: &Corpus,
) -> Vec<Evidence> {
    let mut documents_with: BTreeMap<u32, std::collections::BTreeSet<DocId>> = BTreeMap::new();
    let mut all_documents = std::collections::BTreeSet::new();
    for &m in members {
        all_documents.insert(nodes[m].document);
        for &id in &raw[m] {
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
            let df = passage_df[id as usize] as f32;
            let rarity = ((passages_total + 1.0) / (df + 1.0)).ln();
            let kind = vocabulary.names[id as usize].0;
            (rarity * kind_weight(kind) * docs.len() as f32 / total, id)
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    scored
        .into_iter()
        .take(10)
        .map(|(weight, id)| {
            let (kind, name) = &vocabulary.names[id as usize];
            let (kind, text) = match kind {
                FeatureKind::Term => (EvidenceKind::Term, surface_of(name, members, nodes, corpus)),
                FeatureKind::Entity => (
                    EvidenceKind::Entity,
                    name.parse::<usize>()
                        .ok()
                        .and_then(|e| corpus.entities.get(e))
                        .map_or_else(|| name.clone(), |e| e.name.clone()),
                ),
                FeatureKind::Date => (EvidenceKind::Date, name.clone()),
                FeatureKind::Quantity => (EvidenceKind::Quantity, name.replacen(':', " ", 1)),
            };
            Evidence {
                kind,
                text,
                weight: (weight * 100.0).round() / 100.0,
            }
        })
        .collect()
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

/// A short label for an event from its strongest evidence: entities, then terms.
pub fn label(evidence: &[Evidence], _corpus: &Corpus) -> String {
    let entities: Vec<&str> = evidence
        .iter()
        .filter(|e| e.kind == EvidenceKind::Entity)
        .take(2)
        .map(|e| e.text.as_str())
        .collect();
    let terms: Vec<&str> = evidence
        .iter()
        .filter(|e| e.kind == EvidenceKind::Term)
        .take(3)
        .map(|e| e.text.as_str())
        .collect();
    match (entities.is_empty(), terms.is_empty()) {
        (false, false) => format!("{}: {}", entities.join(", "), terms.join(", ")),
        (false, true) => entities.join(", "),
        (true, false) => terms.join(", "),
        (true, true) => "Shared passage".to_string(),
    }
}

/// The date most of the event's documents give, if any.
pub fn event_date(passages: &[PassageRef], corpus: &Corpus) -> Option<String> {
    let mut counts: BTreeMap<String, std::collections::BTreeSet<DocId>> = BTreeMap::new();
    for at in passages {
        let features = &corpus.documents[at.document.get()].features[at.passage.get()];
        for date in &features.dates {
            if date.date.year.is_some() && date.date.month.is_some() {
                counts
                    .entry(date.date.iso())
                    .or_default()
                    .insert(at.document);
            }
        }
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.len().cmp(&b.1.len()).then(b.0.cmp(&a.0)))
        .map(|(date, _)| date)
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
