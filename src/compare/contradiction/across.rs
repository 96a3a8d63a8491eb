//! Claims paired across events of one story.
//!
//! The aligner may put two sentences that oppose each other in different events, or leave
//! one in none: "the inspectors were not warned" in a paragraph about the hearing, "the
//! inspectors were warned in May" in one about the collapse. Two documents that share at
//! least one event tell one story, so their claims may still be paired, but only when they
//! positively share their referent: the same resolved name as subject (never a pronoun or a
//! bare head noun), the same predicate or an antonym of it, the same object when both have
//! one, and either three other content words in common or a close meaning (the mean of the
//! static table's cosine and a TF-IDF cosine of the passages' stems, as in
//! [`crate::align`]'s meaning signal). Pairs are looked up through an index by (subject
//! entity, predicate), so the work grows with the claims that could oppose, not with every
//! pair of passages. Such a finding is less sure than one inside an event unless the
//! evidence is strong: the same object, four shared words and a close meaning.
//!
//! A claim and its denial is paired across events of one story here too
//! ([`denied_across`]), with the tests of [`super::denials`].

use super::{Context, FindingDraft, Pairing, Referent, antonym, contestable, denials, negation};
use crate::model::{Claim, DocId, EntityId, EventId, FindingKind, PassageRef};
use std::collections::{BTreeMap, HashMap, HashSet};

/// Content words (other than the contested one) two passages of different events must share,
/// unless their meaning is close.
const ACROSS_SHARED: usize = 3;
/// A mean of the table and word cosines at which two passages tell one statement (the
/// aligner's `BLEND_STRONG`).
const BLEND_CLOSE: f32 = 0.5;
/// Shared words of strong evidence (with a close meaning and the same object).
const STRONG_SHARED: usize = 4;
/// At most this many claims of one (subject, predicate) are tried against one claim: a
/// subject and predicate that common say nothing particular.
const MAX_BUCKET: usize = 64;

/// What pairing across events needs: which documents tell one story, and the words'
/// inverse document frequency for the meaning test.
pub(crate) struct Story {
    /// For two documents (lower index first) that share an event, the first they share.
    shared: HashMap<(DocId, DocId), EventId>,
    /// `ln(N / df)` of each stem over every passage.
    idf: HashMap<String, f32>,
}

impl Story {
    pub(crate) fn read(context: &Context<'_>) -> Self {
        let mut shared = HashMap::new();
        for (index, event) in context.alignment.events.iter().enumerate() {
            let mut documents: Vec<DocId> = event.passages.iter().map(|p| p.document).collect();
            documents.sort_unstable();
            documents.dedup();
            for (i, &a) in documents.iter().enumerate() {
                for &b in &documents[i + 1..] {
                    shared.entry((a, b)).or_insert(EventId(index));
                }
            }
        }
        Story {
            shared,
            idf: HashMap::new(),
        }
    }

    pub(crate) fn with_idf(mut self, context: &Context<'_>) -> Self {
        let mut df: HashMap<&str, f32> = HashMap::new();
        let mut passages = 0usize;
        for document in &context.corpus.documents {
            for features in &document.features {
                passages += 1;
                for stem in features.term_set() {
                    *df.entry(stem).or_default() += 1.0;
                }
            }
        }
        self.idf = df
            .into_iter()
            .map(|(stem, n)| (stem.to_string(), (passages as f32 / n).ln()))
            .collect();
        self
    }

    /// The event two documents share, when they tell one story.
    pub(super) fn event_of_story(&self, a: DocId, b: DocId) -> Option<EventId> {
        self.shared.get(&(a.min(b), a.max(b))).copied()
    }

    /// The mean of the static table's cosine and the TF-IDF cosine of two passages' stems
    /// (0 for the table when meaning is off or a document is not English).
    pub(crate) fn likeness(&self, context: &Context<'_>, a: PassageRef, b: PassageRef) -> f32 {
        use crate::extract::meaning;
        let text = |at: PassageRef| {
            let document = &context.corpus.documents[at.document.get()];
            let passage = &document.passages[at.passage.get()];
            (
                &document.loaded.text[passage.start..passage.end],
                document.loaded.language.as_str(),
            )
        };
        let ((ta, la), (tb, lb)) = (text(a), text(b));
        let table = if context.settings.meaning && meaning::embeds(la) && meaning::embeds(lb) {
            match (meaning::sentence_vector(ta), meaning::sentence_vector(tb)) {
                (Some(x), Some(y)) => meaning::cosine(&x, &y),
                _ => 0.0,
            }
        } else {
            0.0
        };
        // Ordered maps: float sums in a fixed order, the same in every run.
        let weights = |at: PassageRef| -> std::collections::BTreeMap<&str, f32> {
            let mut counts: std::collections::BTreeMap<&str, f32> = Default::default();
            for (_, stem) in &context.features(at).terms {
                *counts.entry(stem.as_str()).or_default() += 1.0;
            }
            for (stem, weight) in counts.iter_mut() {
                *weight *= self.idf.get(*stem).copied().unwrap_or(0.0);
            }
            counts
        };
        let (wa, wb) = (weights(a), weights(b));
        let norm = |w: &std::collections::BTreeMap<&str, f32>| {
            w.values().map(|v| v * v).sum::<f32>().sqrt()
        };
        let dot: f32 = wa
            .iter()
            .filter_map(|(stem, x)| wb.get(stem).map(|y| x * y))
            .sum();
        let words = match norm(&wa) * norm(&wb) {
            n if n > 0.0 => dot / n,
            _ => 0.0,
        };
        (table + words) / 2.0
    }

    /// Whether two passages of different events are close enough for their claims to be
    /// about one happening: enough shared words, or a close meaning.
    pub(super) fn close_enough(
        &self,
        context: &Context<'_>,
        a: PassageRef,
        b: PassageRef,
        shared: usize,
    ) -> bool {
        shared >= ACROSS_SHARED || self.likeness(context, a, b) >= BLEND_CLOSE
    }
}

/// Opposed claims of two documents of one story whose passages lie in different events or
/// in none (the pairs inside one event are [`super::find`]'s).
pub fn find(context: &Context<'_>) -> Vec<FindingDraft> {
    let story = Story::read(context);
    if story.shared.is_empty() {
        return Vec::new();
    }
    // Every claim with a resolved name as subject, by (entity, predicate).
    let mut index: BTreeMap<(EntityId, &str), Vec<PassageRef>> = BTreeMap::new();
    for (d, document) in context.corpus.documents.iter().enumerate() {
        for (p, features) in document.features.iter().enumerate() {
            let at = PassageRef {
                document: DocId(d),
                passage: crate::model::PassageId(p),
            };
            for claim in features.claims.iter().filter(|c| contestable(c)) {
                if let Some(entity) = subject_entity(claim) {
                    let list = index.entry((entity, claim.predicate.as_str())).or_default();
                    if list.last() != Some(&at) {
                        list.push(at);
                    }
                }
            }
        }
    }
    let story = story.with_idf(context);
    let pairing = Pairing::Across(&story);
    let mut seen: HashSet<(PassageRef, PassageRef)> = HashSet::new();
    let mut out = Vec::new();
    for (key, passages) in &index {
        for &a in passages {
            for b in partners(context, &index, key, a) {
                let event_a = context.event_of[a.document.get()][a.passage.get()];
                let event_b = context.event_of[b.document.get()][b.passage.get()];
                if b.document == a.document
                    || (event_a.is_some() && event_a == event_b)
                    || story.event_of_story(a.document, b.document).is_none()
                    || !seen.insert((a.min(b), a.max(b)))
                {
                    continue;
                }
                // One direction for the pair whichever side the hash map gave first, so that
                // the same input always words the finding the same way.
                let (a, b) = (a.min(b), a.max(b));
                for (x, y) in [(a, b), (b, a)] {
                    out.extend(negation(context, x, y, pairing));
                }
                out.extend(antonym(context, a, b, pairing, context.lexicon));
            }
        }
    }
    // A fixed order for the report.
    out.sort_by(|x, y| {
        let key = |f: &FindingDraft| {
            f.claims
                .iter()
                .map(|c| (c.document, c.start))
                .collect::<Vec<_>>()
        };
        key(x).cmp(&key(y))
    });
    out
}

/// The resolved entity a claim's subject names, when it is not a pronoun.
fn subject_entity(claim: &crate::extract::claims::ClaimFeature) -> Option<EntityId> {
    claim
        .subject
        .as_ref()
        .filter(|s| !s.pronoun)
        .and_then(|s| s.entity)
}

/// The passages whose claims could oppose a claim of `a` with this (entity, predicate): the
/// same predicate when one of `a`'s claims is negated, the antonyms of the predicate.
fn partners(
    context: &Context<'_>,
    index: &BTreeMap<(EntityId, &str), Vec<PassageRef>>,
    &(entity, predicate): &(EntityId, &str),
    a: PassageRef,
) -> Vec<PassageRef> {
    let negated = context.features(a).claims.iter().any(|c| {
        c.negation.is_some() && c.predicate == predicate && subject_entity(c) == Some(entity)
    });
    let mut keys: Vec<&str> = Vec::new();
    if negated {
        keys.push(predicate);
    }
    keys.extend(
        context
            .lexicon
            .antonyms
            .get(predicate)
            .into_iter()
            .flatten()
            .map(String::as_str),
    );
    keys.into_iter()
        .filter_map(|k| index.get(&(entity, k)))
        .filter(|list| list.len() <= MAX_BUCKET)
        .flatten()
        .copied()
        .filter(|b| b.document != a.document)
        .collect()
}

/// The finding for two opposed claims of one story in different events.
pub(super) fn finding(
    context: &Context<'_>,
    story: &Story,
    claims: Vec<Claim>,
    referent: &Referent,
    shared: usize,
    summary: String,
) -> FindingDraft {
    let at = |c: &Claim| PassageRef {
        document: c.document,
        passage: c.passage,
    };
    let (a, b) = (at(&claims[0]), at(&claims[1]));
    let likeness = story.likeness(context, a, b);
    let event = context.event_of[a.document.get()][a.passage.get()]
        .or(context.event_of[b.document.get()][b.passage.get()]);
    let mut evidence = Vec::new();
    if let Some(told) = story.event_of_story(a.document, b.document) {
        evidence.push(format!(
            "the two sources tell one story: both report “{}”",
            context.alignment.events[told.get()].label
        ));
    }
    evidence.extend(super::referent_lines(referent));
    evidence.push(
        "the subject is the same resolved name in both, not a pronoun or a common noun".into(),
    );
    evidence.push(format!(
        "{shared} other content words shared; likeness of meaning {likeness:.2} (table and word cosines)"
    ));
    let strong = referent.objects_agree && shared >= STRONG_SHARED && likeness >= BLEND_CLOSE;
    let confidence = if strong {
        0.6 + 0.02 * (shared - STRONG_SHARED).min(3) as f32 + 0.1 * (likeness - BLEND_CLOSE)
    } else {
        evidence.push(
            "in passages the aligner put in different events, without strong evidence: check it"
                .into(),
        );
        (0.3 + 0.03 * shared.min(5) as f32 + 0.1 * likeness).min(0.5)
    };
    FindingDraft {
        kind: FindingKind::Contradiction,
        event,
        summary,
        claims,
        confidence: confidence.clamp(0.05, 0.7),
        evidence,
    }
}

/// A claim and its denial across events of one story: the denial in one document, the
/// statement in a passage of another document of the same story that the aligner put in
/// another event or in none. The same tests as inside an event, and one more: a claim of the
/// statement and a claim of the passage with the same predicate and subject. The passages
/// are found through the statement's words (three of them in the passage's words), and the
/// finding is less sure than inside an event.
pub fn denied_across(context: &Context<'_>) -> Vec<FindingDraft> {
    let story = Story::read(context);
    let mut out = Vec::new();
    for (d, document) in context.corpus.documents.iter().enumerate() {
        for p in 0..document.passages.len() {
            let a = PassageRef {
                document: crate::model::DocId(d),
                passage: crate::model::PassageId(p),
            };
            let event_a = context.event_of[d][p];
            for denial in denials::denials(context, a) {
                let statement = denials::statement_terms(context, a, &denial);
                'documents: for (e, other) in context.corpus.documents.iter().enumerate() {
                    let Some(told) = story.event_of_story(a.document, crate::model::DocId(e))
                    else {
                        continue;
                    };
                    if e == d {
                        continue;
                    }
                    for (q, features) in other.features.iter().enumerate() {
                        let event_b = context.event_of[e][q];
                        if event_a.is_some() && event_a == event_b {
                            continue;
                        }
                        let terms = features.term_set();
                        let mut common: Vec<&str> = statement
                            .iter()
                            .copied()
                            .filter(|s| terms.binary_search(s).is_ok())
                            .collect();
                        common.sort_unstable();
                        common.dedup();
                        if common.len() < denials::DENIAL_SHARED {
                            continue;
                        }
                        let b = PassageRef {
                            document: crate::model::DocId(e),
                            passage: crate::model::PassageId(q),
                        };
                        if let Some(found) = denials::asserted_denial(
                            context,
                            (a, &denial, &statement),
                            b,
                            denials::Place::Story(told),
                        ) {
                            out.push(found);
                            continue 'documents;
                        }
                    }
                }
            }
        }
    }
    out
}
