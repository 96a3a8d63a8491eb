//! Modality: one source states as fact what another reports only as possible or intended
//! ("Halvard signed the lease" against "Halvard may sign the lease", "Halvard plans to sign
//! the lease"). That is a difference of certainty, not of fact: the sources may simply
//! write at different times. So the finding is a contradiction below the default threshold
//! (at most [`MOST`]), with the cue in words, for a reader who looks for it.
//!
//! The cues come from the polarity lists (`assets/lexicon/polarity_en.tsv`): a modal of the
//! hedge class in the verb chain ("may", "might", "could"), or a verb of the intention class
//! (from WordNet: intend, plan, aim, expect …) that governs the predicate as its infinitive
//! ("plans to sign", "is expected to sign"). Both claims need the same resolved name as
//! subject, the same predicate, the same object when both have one, one voice, and no
//! question or condition; the stated claim must not be negated or hedged.

use super::{
    Context, FindingDraft, MIN_SHARED, claim_span, hedged, open_clause, same_voice, shared_terms,
};
use crate::extract::claims::ClaimFeature;
use crate::model::{EntityId, EventId, FindingKind, PassageRef};
use std::collections::HashMap;

/// The most a difference of certainty is worth: below the default threshold.
const MOST: f32 = 0.5;

/// How a claim is reported as less than a fact.
struct Uncertain {
    /// The subject's entity, from the claim or from the verb that governs it.
    entity: EntityId,
    /// The cue as written ("may", "plans to").
    cue: String,
    /// "possible" or "intended or expected".
    reading: &'static str,
}

/// The stated claims (a resolved subject, not negated, modal, dependent or open) and the
/// uncertain ones of a passage, by (subject entity, predicate).
type Claims<'c> = HashMap<(EntityId, &'c str), Vec<(PassageRef, &'c ClaimFeature)>>;

/// Whether a claim is stated as fact of a resolved subject.
fn stated(context: &Context<'_>, at: PassageRef, claim: &ClaimFeature) -> Option<EntityId> {
    let entity = claim.subject.as_ref().filter(|s| !s.pronoun)?.entity?;
    (claim.is_assertion()
        && claim.negation.is_none()
        && !crate::extract::claims::is_reporting(&claim.word)
        && !matches!(
            claim.predicate.as_str(),
            "have" | "be" | "do" | "get" | "say"
        )
        && !open_clause(context, at, claim)
        && !hedged(context, at, claim))
    .then_some(entity)
}

/// Whether a claim is reported as only possible or intended, and by which cue.
fn uncertain(context: &Context<'_>, at: PassageRef, claim: &ClaimFeature) -> Option<Uncertain> {
    if claim.negation.is_some() || open_clause(context, at, claim) {
        return None;
    }
    let text = context.text(at.document);
    let polarity = |class: &str| context.lexicon.polarity.get(class).map_or(&[][..], |w| w);
    if claim.modal && !claim.dependent {
        let subject = claim.subject.as_ref().filter(|s| !s.pronoun)?;
        let chain = &text[subject.full_end.max(subject.end).min(claim.start)..claim.start];
        let cue = crate::text::tokens(chain)
            .iter()
            .map(|t| crate::text::fold(t.text))
            .find(|w| {
                ["may", "might", "could"].contains(&w.as_str()) && polarity("hedge").contains(w)
            })?;
        return Some(Uncertain {
            entity: subject.entity?,
            cue,
            reading: "possible",
        });
    }
    if !claim.dependent {
        return None;
    }
    // "plans to sign", "is expected to sign": the word before "to" is of the intention
    // class, and a resolved name ends just before it (an auxiliary between).
    let intention: Vec<String> = polarity("intention")
        .iter()
        .map(|w| context.stemmer.stem(w))
        .collect();
    let passage = &context.corpus.documents[at.document.get()].passages[at.passage.get()];
    let before = &text[passage.start..claim.start];
    let tokens = crate::text::tokens(before);
    let n = tokens.len();
    if n < 3 || crate::text::fold(tokens[n - 1].text) != "to" {
        return None;
    }
    let verb = &tokens[n - 2];
    if !intention.contains(&context.stemmer.stem(&crate::text::fold(verb.text))) {
        return None;
    }
    let mut subject_end = tokens[n - 3].end;
    if ["is", "are", "was", "were", "has", "had", "have"]
        .contains(&crate::text::fold(tokens[n - 3].text).as_str())
    {
        subject_end = tokens.get(n.wrapping_sub(4))?.end;
    }
    let subject_end = passage.start + subject_end;
    let corpus = context.corpus;
    let entity = context.features(at).mentions.iter().find_map(|&m| {
        let mention = &corpus.mentions[m].mention;
        (mention.end == subject_end).then(|| corpus.mention_entities[m])
    })?;
    Some(Uncertain {
        entity,
        cue: format!("{} to", verb.text),
        reading: "intended or expected",
    })
}

/// A fact in one source against the same act as only possible or intended in another, in
/// one event.
pub fn find(context: &Context<'_>) -> Vec<FindingDraft> {
    let mut out = Vec::new();
    for (event_index, event) in context.alignment.events.iter().enumerate() {
        let mut facts: Claims<'_> = HashMap::new();
        for &at in &event.passages {
            for claim in &context.features(at).claims {
                if let Some(entity) = stated(context, at, claim) {
                    facts
                        .entry((entity, claim.predicate.as_str()))
                        .or_default()
                        .push((at, claim));
                }
            }
        }
        for &b in &event.passages {
            let claims = &context.features(b).claims;
            for cb in claims {
                let Some(how) = uncertain(context, b, cb) else {
                    continue;
                };
                let partners = facts.get(&(how.entity, cb.predicate.as_str()));
                let found = partners.into_iter().flatten().find_map(|&(a, ca)| {
                    (a.document != b.document)
                        .then(|| difference(context, (a, ca), (b, cb, &how), event_index))
                        .flatten()
                });
                out.extend(found);
            }
        }
    }
    out
}

/// The finding, when the claims share the object (when both have one), enough words and
/// one voice.
fn difference(
    context: &Context<'_>,
    (a, ca): (PassageRef, &ClaimFeature),
    (b, cb, how): (PassageRef, &ClaimFeature, &Uncertain),
    event_index: usize,
) -> Option<FindingDraft> {
    if let (Some(x), Some(y)) = (&ca.object, &cb.object)
        && !x.same_referent(y)
    {
        return None;
    }
    let (ta, tb) = (
        context.features(a).term_set(),
        context.features(b).term_set(),
    );
    let shared = shared_terms(&ta, &tb, &[ca.predicate.as_str()]);
    if shared < MIN_SHARED || !same_voice(context, a, ca.start, b, cb.start) {
        return None;
    }
    let span = |at: PassageRef, claim: &ClaimFeature, note: &str| {
        let (start, end) = claim_span(claim);
        context.claim(at, start, end, None, Some(note.to_string()))
    };
    let claims = vec![span(a, ca, "states it"), span(b, cb, how.reading)];
    let event = Some(EventId(event_index));
    let mut evidence = Vec::new();
    evidence.extend(crate::compare::event_evidence(context, event));
    evidence.push(format!(
        "both claims have the subject {} and the predicate “{}”",
        context.corpus.entities[how.entity.get()].name,
        ca.predicate
    ));
    evidence.push(format!(
        "{} states it as fact; {} reports it as {} (“{}”)",
        context.source_name(a.document),
        context.source_name(b.document),
        how.reading,
        how.cue
    ));
    evidence.push(format!(
        "{shared} other content words shared; a difference of certainty, not of fact: the sources may write at different times"
    ));
    let confidence =
        0.3 + 0.03 * shared.min(5) as f32 + 0.1 * crate::compare::event_confidence(context, event);
    Some(FindingDraft {
        kind: FindingKind::Contradiction,
        event,
        summary: format!(
            "{} states as fact “{}” where {} reports it only as {} (“{}”): “{}”",
            context.source_name(a.document),
            claims[0].text,
            context.source_name(b.document),
            how.reading,
            how.cue,
            claims[1].text
        ),
        claims,
        confidence: confidence.min(MOST),
        evidence,
    })
}
