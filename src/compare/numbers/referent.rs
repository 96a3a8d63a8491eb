//! Counts paired by referent across events: two sources that give one holder's count
//! differently ("Pellmann … has 12,400 employees" / "The group has about 11,000 employees"),
//! wherever their passages lie in the story.
//!
//! The comparison within an event ([`super::find`]) and of loose passages only sees figures
//! whose passages the alignment put together, or left out. A count of one referent is often
//! told in passages of different events (a company profile beside the deal, a goal in a
//! match report beside the fans' account). Here a figure's referent is its *holder*: the
//! named entities of its clause before it ("Amrani … in the 67th minute") or right after
//! it ("employees at Pellmann"), or, when the sentence names none ("The group has …"), of
//! the sentence before. Two figures of two documents of one story are paired when
//!
//! - they count the same thing ([`super::comparable`]: one unit group, no clash of
//!   qualifiers, both ordinal or neither);
//! - their holders share a resolved entity;
//! - each document gives that entity exactly one figure of that unit: a player with two
//!   goals, a company with a revenue and a price, stays silent;
//! - a measure (money, percent, minutes) also has the same qualifier ("a fine of") or is an
//!   ordinal point ("the 67th minute"); counted nouns (employees, troops) need no more;
//! - the values are within three times of each other.
//!
//! A figure another detector paired with another figure of that document keeps its partner;
//! a pair both found keeps the surer finding. Confidence grows with the shared entities, the
//! same predicate and shared words, and the evidence names them.

use super::{Item, MEASURES, Support, agree, claim_of, comparable, compatible, summarise};
use crate::compare::{Context, FindingDraft};
use crate::extract::quantities::Quantity;
use crate::model::{DocId, EntityId, FindingKind, PassageId, PassageRef};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;

/// Bytes after a figure in which a name still holds it ("12,400 employees at Pellmann").
const AFTER: usize = 12;

/// A figure with the entities that hold it.
struct Held<'a> {
    item: Item<'a>,
    holders: Vec<EntityId>,
}

/// A sentence of a passage: the passage and the byte range.
type Sentence = (PassageRef, Range<usize>);

/// The sentence of a passage that contains `offset`, and the one before it in the same
/// paragraph (a paragraph may be cut into several passages).
fn sentence_at(
    context: &Context<'_>,
    at: PassageRef,
    offset: usize,
) -> Option<(Range<usize>, Option<Sentence>)> {
    let passages = &context.corpus.documents[at.document.get()].passages;
    let text = context.text(at.document);
    let passage = &passages[at.passage.get()];
    let sentences = crate::segment::sentences(text, passage.start..passage.end);
    let index = sentences
        .iter()
        .position(|s| s.start <= offset && offset < s.end)?;
    let previous = match index.checked_sub(1) {
        Some(i) => Some((at, sentences[i].clone())),
        None => at
            .passage
            .get()
            .checked_sub(1)
            .map(|p| &passages[p])
            .filter(|p| p.paragraph == passage.paragraph)
            .and_then(|p| {
                let last = crate::segment::sentences(text, p.start..p.end).pop()?;
                Some((
                    PassageRef {
                        document: at.document,
                        passage: p.index,
                    },
                    last,
                ))
            }),
    };
    Some((sentences[index].clone(), previous))
}

/// The entities of a passage named inside `start..end`.
fn named_in(context: &Context<'_>, at: PassageRef, start: usize, end: usize) -> Vec<EntityId> {
    let mut out: Vec<EntityId> = context
        .features(at)
        .mentions
        .iter()
        .filter(|&&m| {
            let span = &context.corpus.mentions[m].mention;
            span.start >= start && span.start < end
        })
        .map(|&m| context.corpus.mention_entities[m])
        .collect();
    out.sort();
    out.dedup();
    out
}

/// The holders of a figure: the names of its sentence before it and just after it, else the
/// names of the sentence before (a description such as "the group" continues it).
pub(super) fn holders(
    context: &Context<'_>,
    at: PassageRef,
    (start, end): (usize, usize),
) -> Vec<EntityId> {
    let Some((sentence, previous)) = sentence_at(context, at, start) else {
        return Vec::new();
    };
    let text = context.text(at.document);
    // After the figure, only up to a comma or the few bytes of a preposition.
    let limit = text[end.min(sentence.end)..sentence.end]
        .find([',', ';', ':', '('])
        .map_or(sentence.end, |p| end + p)
        .min(end + AFTER);
    let mut out = named_in(context, at, sentence.start, start);
    out.extend(named_in(context, at, end, limit));
    out.sort();
    out.dedup();
    if out.is_empty()
        && let Some((before, previous)) = previous
    {
        out = named_in(context, before, previous.start, previous.end);
    }
    out
}

/// Whether a pair of figures may count one thing of one holder at all.
fn kind_allows(a: &Quantity, b: &Quantity) -> bool {
    if comparable(a, b).is_none() || a.unit.is_empty() {
        return false;
    }
    let measure = MEASURES.contains(&a.unit.as_str());
    let same_qualifier = a.qualifier.is_some() && a.qualifier == b.qualifier;
    if measure && !(a.ordinal || same_qualifier) {
        return false;
    }
    let (x, y) = (a.value.abs(), b.value.abs());
    x.min(y) > 0.0 && x.max(y) / x.min(y) <= 3.0
}

/// Every figure with a unit and at least one holder.
fn held<'a>(context: &Context<'a>) -> Vec<Held<'a>> {
    let mut out = Vec::new();
    for (d, document) in context.corpus.documents.iter().enumerate() {
        for (p, features) in document.features.iter().enumerate() {
            let at = PassageRef {
                document: DocId(d),
                passage: PassageId(p),
            };
            for quantity in features.quantities.iter().filter(|q| !q.unit.is_empty()) {
                let holders = holders(context, at, (quantity.start, quantity.end));
                if !holders.is_empty() {
                    out.push(Held {
                        item: Item { at, quantity },
                        holders,
                    });
                }
            }
        }
    }
    out
}

/// The figures other detectors already paired, so that a pairing by holder never gives a
/// figure a second partner in one document: it may only confirm a pair of two figures (the
/// surer finding of the two is kept).
#[derive(Default)]
pub(super) struct Taken {
    /// The partners of each figure, by (document, start).
    partners: HashMap<(DocId, usize), Vec<(DocId, usize)>>,
    /// Figures of a finding with more than two claims.
    grouped: HashSet<(DocId, usize)>,
}

impl Taken {
    pub(super) fn add(&mut self, claims: &[crate::model::Claim]) {
        for a in claims {
            if claims.len() > 2 {
                self.grouped.insert((a.document, a.start));
            }
            for b in claims.iter().filter(|b| b.document != a.document) {
                self.partners
                    .entry((a.document, a.start))
                    .or_default()
                    .push((b.document, b.start));
            }
        }
    }

    /// Whether pairing figure `a` with figure `b` would contradict an earlier pairing.
    fn blocks(&self, a: (DocId, usize), b: (DocId, usize)) -> bool {
        let other = |x: (DocId, usize), y: (DocId, usize)| {
            self.partners
                .get(&x)
                .is_some_and(|p| p.iter().any(|&q| q.0 == y.0 && q != y))
        };
        self.grouped.contains(&a) || self.grouped.contains(&b) || other(a, b) || other(b, a)
    }
}

/// Pairs figures of one holder wherever they lie, unless `taken` paired them otherwise.
pub(super) fn find(context: &Context<'_>, taken: &Taken) -> Vec<FindingDraft> {
    let items = held(context);
    if items.len() > 4000 {
        return Vec::new();
    }
    let stories = crate::compare::story_pairs(context);
    // How many figures of each unit each document gives each entity.
    let mut given: BTreeMap<(DocId, &str, EntityId), usize> = BTreeMap::new();
    for h in &items {
        for &e in &h.holders {
            *given
                .entry((h.item.at.document, h.item.quantity.unit.as_str(), e))
                .or_default() += 1;
        }
    }
    let unique = |h: &Held<'_>, e: EntityId| {
        given.get(&(h.item.at.document, h.item.quantity.unit.as_str(), e)) == Some(&1)
    };
    let mut candidates: Vec<(usize, usize, usize, Vec<EntityId>)> = Vec::new();
    for (i, a) in items.iter().enumerate() {
        for (j, b) in items.iter().enumerate().skip(i + 1) {
            let (da, db) = (a.item.at.document, b.item.at.document);
            if da == db || !stories.contains(&(da, db)) {
                continue;
            }
            if taken.blocks((da, a.item.quantity.start), (db, b.item.quantity.start))
                || !kind_allows(a.item.quantity, b.item.quantity)
            {
                continue;
            }
            let shared: Vec<EntityId> = a
                .holders
                .iter()
                .copied()
                .filter(|e| b.holders.contains(e) && unique(a, *e) && unique(b, *e))
                .collect();
            if shared.is_empty() {
                continue;
            }
            // The closer the holders, the surer the pairing: Jaccard in hundredths.
            let union = a.holders.len() + b.holders.len() - shared.len();
            candidates.push((100 * shared.len() / union.max(1), i, j, shared));
        }
    }
    candidates.sort_by(|x, y| y.0.cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    // One partner in each other document for each figure.
    let mut used: HashSet<(usize, DocId)> = HashSet::new();
    let mut out = Vec::new();
    for (jaccard, i, j, shared) in candidates {
        let (a, b) = (&items[i], &items[j]);
        if !used.insert((i, b.item.at.document)) || !used.insert((j, a.item.at.document)) {
            continue;
        }
        if let Some(finding) = draft(context, (a, b), &shared, jaccard) {
            out.push(finding);
        }
    }
    out
}

/// How sure a pairing by holder is: a named holder that each source gives one such figure is
/// the ground; more shared names, the same holders on both sides, the same predicate and
/// shared words add to it; figures of different predicates (a count of jobs *held* against
/// jobs *cut*) and far-apart or approximate values take from it.
fn confidence(
    support: &Support,
    (a, b): (&Quantity, &Quantity),
    shared: usize,
    jaccard: usize,
    kind: FindingKind,
) -> f32 {
    let mut confidence = 0.5 + 0.1 * shared.min(2) as f32;
    if jaccard == 100 {
        confidence += 0.05;
    }
    confidence += 0.05 * support.words.len().min(3) as f32;
    match &support.predicates {
        Some((true, _, _)) => confidence += 0.1,
        // An ordinal point ("the 67th minute") is told with many verbs for one act.
        Some((false, _, _)) if !a.ordinal => confidence -= 0.2,
        _ => {}
    }
    if kind == FindingKind::NumberMismatch {
        let (x, y) = (a.value.abs(), b.value.abs());
        if x.max(y) / x.min(y).max(1e-9) > 2.0 {
            confidence -= 0.1;
        }
        if a.approximation.is_some() || b.approximation.is_some() {
            confidence -= 0.05;
        }
    } else {
        confidence += 0.05;
    }
    confidence.clamp(0.05, 0.9)
}

/// The finding for one pair of figures of one holder, or none when an approximation allows
/// both values.
fn draft(
    context: &Context<'_>,
    (a, b): (&Held<'_>, &Held<'_>),
    shared: &[EntityId],
    jaccard: usize,
) -> Option<FindingDraft> {
    let (qa, qb) = (a.item.quantity, b.item.quantity);
    let equal = agree(qa, qb);
    if !equal && compatible(qa, qb) {
        return None;
    }
    let kind = if equal {
        FindingKind::Agreement
    } else {
        FindingKind::NumberMismatch
    };
    let event_a = context.event_of[a.item.at.document.get()][a.item.at.passage.get()];
    let event_b = context.event_of[b.item.at.document.get()][b.item.at.passage.get()];
    // In one event the event's own evidence line is kept.
    let same_event = event_a.is_some() && event_a == event_b;
    let support =
        Support::between(context, (a.item.at, qa), (b.item.at, qb)).with(false, same_event);
    let claims = vec![claim_of(context, &a.item), claim_of(context, &b.item)];
    let mut finding = summarise(
        context,
        kind,
        event_a.or(event_b),
        claims,
        (qa, qb),
        &support,
    );
    let names: Vec<String> = shared
        .iter()
        .map(|e| format!("“{}”", context.corpus.entities[e.get()].name))
        .collect();
    finding.evidence.insert(
        usize::from(same_event),
        format!(
            "both figures are given for {} (the only {} figure each source gives for it)",
            names.join(", "),
            qa.unit
        ),
    );
    if event_a != event_b {
        finding
            .evidence
            .push("the two passages lie in different events, or in none".into());
    }
    finding.confidence = confidence(&support, (qa, qb), shared.len(), jaccard, kind);
    Some(finding)
}
