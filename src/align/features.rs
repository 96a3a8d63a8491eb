//! Features: what each passage mentions, as ids of one vocabulary. Takes the passages that
//! can carry an event and what extraction found in them (terms, entities, dates, quantities,
//! claims); gives each passage its feature ids, its counted facts ("340 homes were
//! flooded": a counted thing with what happened to it, with its figures) and the names its
//! title-case heading holds. Interning lets the later steps compare passages by integer ids,
//! and the kind of a feature (a name, a date, a number, who did what) decides its weight.

use super::features_of;
use crate::extract::{Corpus, PassageFeatures};
use crate::model::{DocId, EntityId, PassageRef, PassageRole};
use std::collections::HashMap;

/// The features of every node (a passage that can carry an event), over one vocabulary.
pub(super) struct NodeFeatures {
    /// The vocabulary of the whole comparison.
    pub(super) vocabulary: Vocabulary,
    /// For each node, its feature ids in the order found, a feature as often as it occurs
    /// (counted facts not included).
    pub(super) ids: Vec<Vec<u32>>,
    /// For each node, its counted facts with their figures.
    pub(super) facts: Vec<CountedFacts>,
    /// For each node, the entities its title-case heading names (none for body text).
    pub(super) heading_names: Vec<Vec<EntityId>>,
}

/// The nodes of the comparison: every passage that can carry an event (body text and
/// headings), in document order.
pub(super) fn event_passages(corpus: &Corpus) -> Vec<PassageRef> {
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
    nodes
}

/// The features of every node. The ids are interned in this order (every node's features,
/// then every node's counted facts), which fixes the order of the sparse vectors.
pub(super) fn node_features(corpus: &Corpus, nodes: &[PassageRef]) -> NodeFeatures {
    let mut vocabulary = Vocabulary {
        ids: HashMap::new(),
        names: Vec::new(),
    };
    let heading_names = heading_entities(corpus, nodes);
    let ids: Vec<Vec<u32>> = nodes
        .iter()
        .zip(&heading_names)
        .map(|(node, names)| {
            let mut ids = raw_features(features_of(corpus, *node), &mut vocabulary);
            for entity in names {
                ids.push(vocabulary.id(FeatureKind::Entity, entity.get().to_string()));
            }
            ids
        })
        .collect();
    // The counted facts of each passage ("340 homes were flooded" / "flooded 430 houses":
    // one fact, whatever the figures), with their figures. They are anchors only: they add
    // nothing to the passage and document vectors that cosine and the document prior read.
    let facts: Vec<CountedFacts> = nodes
        .iter()
        .map(|node| counted_facts(features_of(corpus, *node), &mut vocabulary))
        .collect();
    NodeFeatures {
        vocabulary,
        ids,
        facts,
        heading_names,
    }
}

/// The counted facts of a passage, interned, with their figures.
fn counted_facts(features: &PassageFeatures, vocabulary: &mut Vocabulary) -> CountedFacts {
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
}

/// The kind of a feature: it decides the feature's weight and what it can anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(super) enum FeatureKind {
    Term,
    Entity,
    Date,
    Quantity,
    /// Who did what: a subject entity with its predicate ("7>withdraw"), or a predicate with
    /// its object entity ("withdraw>7").
    Claim,
}

/// Interned features: the vocabulary of the whole corpus.
pub(super) struct Vocabulary {
    /// The id of each feature.
    pub(super) ids: HashMap<(FeatureKind, String), u32>,
    /// The kind and name of each id.
    pub(super) names: Vec<(FeatureKind, String)>,
}

impl Vocabulary {
    /// The id of a feature, interned on first sight.
    fn id(&mut self, kind: FeatureKind, name: String) -> u32 {
        let next = self.names.len() as u32;
        *self.ids.entry((kind, name.clone())).or_insert_with(|| {
            self.names.push((kind, name));
            next
        })
    }
}

/// How much a feature of each kind weighs in the vectors: who and where separate near-miss
/// events better than verbs.
pub(super) fn kind_weight(kind: FeatureKind) -> f32 {
    match kind {
        FeatureKind::Term => 1.0,
        FeatureKind::Entity => 1.6,
        FeatureKind::Date => 1.2,
        FeatureKind::Quantity => 1.2,
        FeatureKind::Claim => 1.2,
    }
}

/// The feature ids of a passage, interned: terms, entities, dates (with a month, or a
/// year alone), quantities (with and without their figure) and who did what.
fn raw_features(features: &PassageFeatures, vocabulary: &mut Vocabulary) -> Vec<u32> {
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
        // The counted thing alone: two sources that count the same thing with different
        // numbers report the same fact (and disagree on it).
        if !quantity.unit.is_empty() {
            ids.push(vocabulary.id(FeatureKind::Quantity, format!("{}:*", quantity.unit)));
        }
    }
    for claim in &features.claims {
        if claim.modal
            || claim.copula
            || crate::extract::claims::is_reporting(&claim.word)
            || matches!(
                claim.predicate.as_str(),
                "have" | "be" | "do" | "get" | "say" | "make"
            )
        {
            continue;
        }
        if let Some(entity) = claim.subject.as_ref().and_then(|s| s.entity) {
            ids.push(vocabulary.id(
                FeatureKind::Claim,
                format!("{}>{}", entity.get(), claim.predicate),
            ));
        }
        if let Some(entity) = claim.object.as_ref().and_then(|o| o.entity) {
            ids.push(vocabulary.id(
                FeatureKind::Claim,
                format!("{}>{}", claim.predicate, entity.get()),
            ));
        }
    }
    ids
}

/// The counted thing of a quantity with the predicate it is the subject or object of, as a
/// feature name: "homes:*>flood" for "340 homes were flooded" and "flooded 430 houses".
/// People counted by their fate ("12 people died", "evacuated 4,100 people") count as people.
fn counted_fact(
    quantity: &crate::extract::quantities::Quantity,
    claims: &[crate::extract::claims::ClaimFeature],
) -> Option<String> {
    if quantity.unit.is_empty() || quantity.ordinal {
        return None;
    }
    let unit = fact_unit(&quantity.unit);
    let claim = claims.iter().find(|c| {
        [&c.subject, &c.object, &c.oblique]
            .into_iter()
            .flatten()
            .any(|argument| {
                argument.start < quantity.end
                    && quantity.start < argument.full_end.max(argument.end)
            })
            && !c.modal
            && !crate::extract::claims::is_reporting(&c.word)
            && !matches!(
                c.predicate.as_str(),
                "have" | "be" | "do" | "get" | "say" | "make"
            )
    })?;
    Some(format!("{unit}:*>{}", claim.predicate))
}

/// The counted thing of a counted fact: people counted by their fate count as people.
pub(super) fn fact_unit(unit: &str) -> &str {
    if crate::extract::quantities::FATES.contains(&unit) {
        "people"
    } else {
        unit
    }
}

/// The counted facts of a passage with their figures.
pub(super) type CountedFacts = Vec<(u32, (f64, f64))>;

/// Whether two passages give near figures for counted fact `id` (or `id` is not one): the
/// larger at most `NEAR_FIGURES` times the smaller. A vague count ("hundreds of homes") is
/// near any figure near its range.
pub(super) fn near_figures(id: u32, a: &CountedFacts, b: &CountedFacts) -> bool {
    let ranges = |facts: &CountedFacts| -> Vec<(f64, f64)> {
        facts
            .iter()
            .filter(|(fact, _)| *fact == id)
            .map(|(_, range)| *range)
            .collect()
    };
    let (xs, ys) = (ranges(a), ranges(b));
    xs.is_empty()
        || xs.iter().any(|&(x_low, x_high)| {
            ys.iter().any(|&(y_low, y_high)| {
                x_low > 0.0
                    && y_low > 0.0
                    && x_low <= NEAR_FIGURES * y_high
                    && y_low <= NEAR_FIGURES * x_high
            })
        })
}

/// Two figures of one counted fact are near when the larger is at most this many times the
/// smaller.
const NEAR_FIGURES: f64 = 1.5;

/// Names in title-case headings. Extraction cannot tell names from other capitalised words
/// there ("Harbour Pilots Keep Pressure on Varga"), so a heading word that names exactly one
/// person, organisation or place of the comparison (an uncommon English word, written
/// capitalised in its articles) stands for that entity.
fn heading_entities(corpus: &Corpus, nodes: &[PassageRef]) -> Vec<Vec<crate::model::EntityId>> {
    use crate::model::EntityKind;
    let table = crate::extract::frequency::frequencies();
    let mut by_word: HashMap<String, Vec<usize>> = HashMap::new();
    for (index, entity) in corpus.entities.iter().enumerate() {
        if entity.kind == EntityKind::Other || entity.mentions.len() < 2 {
            continue;
        }
        for alias in &entity.aliases {
            for word in alias.split(|c: char| !c.is_alphanumeric()) {
                let folded = crate::text::fold(word);
                if word.chars().count() >= 3
                    && word.chars().next().is_some_and(char::is_uppercase)
                    && crate::extract::frequency::specificity(table.word(&folded)) > 0.3
                {
                    let list = by_word.entry(folded).or_default();
                    if !list.contains(&index) {
                        list.push(index);
                    }
                }
            }
        }
    }
    nodes
        .iter()
        .map(|node| {
            let document = &corpus.documents[node.document.get()];
            let passage = &document.passages[node.passage.get()];
            if passage.role != PassageRole::Heading {
                return Vec::new();
            }
            let own = &document.features[node.passage.get()].entities;
            let mut found: Vec<crate::model::EntityId> =
                crate::text::tokens(&document.loaded.text[passage.start..passage.end])
                    .iter()
                    .filter_map(|t| {
                        let folded = crate::text::fold(t.text);
                        let folded = folded.strip_suffix("'s").unwrap_or(&folded);
                        match by_word.get(folded).map(Vec::as_slice) {
                            Some([one]) => Some(crate::model::EntityId(*one)),
                            _ => None,
                        }
                    })
                    .filter(|e| !own.contains(e))
                    .collect();
            found.sort();
            found.dedup();
            found
        })
        .collect()
}
