//! Quantifier conflicts: one source says that none of a thing did what another says some or
//! all of it did ("none of the files were new" against "some of the files were new", "no one
//! was hurt" against "two people were hurt").
//!
//! The quantifier opens the clause of the claim's subject and comes from the polarity lists
//! (`assets/lexicon/polarity_en.tsv`: the none-, some- and all-quantifiers), or is a count
//! above zero (a quantity of the passage opening the clause), which says "some". The
//! restrictor is what is counted, the head of the subject ("files"); "no one", "nobody",
//! "everyone" count persons, as do "people" and "person". A clause that opens with "not"
//! ("not all of the files") has no quantifier of these classes.
//! Only none against some-or-all conflicts; "some" against "all" does not. The two claims
//! lie in one event, have the same predicate (neither negated, modal nor dependent), the same
//! restrictor, the same object when both have one, one voice, and no hedge, question or
//! condition. A quantifier over different things, or a different predicate, stays silent.

use super::{
    Context, FindingDraft, MIN_SHARED, claim_span, hedged, open_clause, same_voice, shared_terms,
};
use crate::extract::claims::ClaimFeature;
use crate::model::{EventId, FindingKind, PassageRef};
use std::collections::HashMap;

/// The three quantifier classes that matter for a conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    None,
    Some,
    All,
}

/// A quantified subject: its class, the cue as written, and what it counts.
#[derive(Debug, Clone, PartialEq)]
struct Quantified {
    class: Class,
    cue: String,
    restrictor: String,
}

/// Words that count persons without a noun of their own ("no one", "everybody").
const PERSON_WORDS: &[&str] = &[
    "no one",
    "nobody",
    "everyone",
    "everybody",
    "someone",
    "somebody",
];
/// The stems of nouns that count persons ("people", "person"), as the restrictor of "no one".
const PERSON_STEMS: &[&str] = &["peopl", "person", "persons"];

/// The start of the clause that holds `at`: after the last sentence end, semicolon or comma
/// before it in the passage.
fn clause_start(context: &Context<'_>, at: PassageRef, offset: usize) -> usize {
    let passage = &context.corpus.documents[at.document.get()].passages[at.passage.get()];
    let text = context.text(at.document);
    let offset = offset.clamp(passage.start, passage.end);
    text[passage.start..offset]
        .rfind(['.', '!', '?', ';', ','])
        .map_or(passage.start, |i| passage.start + i + 1)
}

/// The quantifier that opens the clause of a claim's subject ("none of the seized ledgers",
/// "no one", "two people"), if any, and what it counts.
fn quantified(context: &Context<'_>, at: PassageRef, claim: &ClaimFeature) -> Option<Quantified> {
    let subject = claim.subject.as_ref()?;
    let text = context.text(at.document);
    let clause = clause_start(context, at, subject.start);
    let tokens = crate::text::tokens(&text[clause..subject.end]);
    let words: Vec<String> = tokens.iter().map(|t| crate::text::fold(t.text)).collect();
    let polarity = |class: &str| context.lexicon.polarity.get(class).map_or(&[][..], |w| w);
    // The longest cue of any class that the clause opens with ("no one" before "no").
    let mut best: Option<(Class, usize, String)> = None;
    for (name, class) in [
        ("quantifier_none", Class::None),
        ("quantifier_some", Class::Some),
        ("quantifier_all", Class::All),
    ] {
        for cue in polarity(name) {
            let cue_words: Vec<&str> = cue.split_whitespace().collect();
            let matches =
                words.len() >= cue_words.len() && cue_words.iter().zip(&words).all(|(c, w)| c == w);
            if matches && best.as_ref().is_none_or(|b| cue_words.len() > b.1) {
                best = Some((class, cue_words.len(), cue.clone()));
            }
        }
    }
    // A count above zero opening the clause says "some" ("two people").
    if best.is_none() {
        let features = context.features(at);
        if let Some(q) = features
            .quantities
            .iter()
            .find(|q| !q.ordinal && tokens.first().is_some_and(|t| clause + t.start == q.start))
        {
            let class = if q.value > 0.0 {
                Class::Some
            } else {
                Class::None
            };
            best = Some((class, 0, text[q.start..q.end].to_string()));
        }
    }
    let (class, length, cue) = best?;
    // Between the cue and the subject's head only "of", determiners and modifiers: at most
    // four words ("none of the seized ledgers").
    if words.len() > length + 5 {
        return None;
    }
    let restrictor = if PERSON_WORDS.contains(&cue.as_str()) {
        "person".to_string()
    } else if subject.pronoun || words.len() <= length {
        return None;
    } else if PERSON_STEMS.contains(&subject.head.as_str()) {
        "person".to_string()
    } else {
        subject.head.clone()
    };
    Some(Quantified {
        class,
        cue: if length == 0 {
            cue
        } else {
            tokens[..length]
                .iter()
                .map(|t| t.text)
                .collect::<Vec<_>>()
                .join(" ")
        },
        restrictor,
    })
}

/// Whether a claim can carry a quantifier conflict: stated, not negated, not a possibility
/// or a dependent action, and not a question or a condition.
fn plain(context: &Context<'_>, at: PassageRef, claim: &ClaimFeature) -> bool {
    claim.negation.is_none()
        && !claim.modal
        && !claim.dependent
        && !crate::extract::claims::is_reporting(&claim.word)
        && !matches!(claim.predicate.as_str(), "have" | "be" | "do" | "say")
        && !open_clause(context, at, claim)
}

/// None of a thing against some or all of it, in one event.
pub fn find(context: &Context<'_>) -> Vec<FindingDraft> {
    let mut out = Vec::new();
    for (event_index, event) in context.alignment.events.iter().enumerate() {
        // Quantified claims of the event by predicate.
        let mut by_predicate: HashMap<&str, Vec<(PassageRef, &ClaimFeature, Quantified)>> =
            HashMap::new();
        for &at in &event.passages {
            for claim in &context.features(at).claims {
                if plain(context, at, claim)
                    && let Some(q) = quantified(context, at, claim)
                {
                    by_predicate
                        .entry(claim.predicate.as_str())
                        .or_default()
                        .push((at, claim, q));
                }
            }
        }
        for claims in by_predicate.values() {
            for (a, ca, qa) in claims.iter().filter(|c| c.2.class == Class::None) {
                let found = claims.iter().find_map(|(b, cb, qb)| {
                    (b.document != a.document
                        && qb.class != Class::None
                        && qb.restrictor == qa.restrictor)
                        .then(|| conflict(context, (*a, ca, qa), (*b, cb, qb), event_index))
                        .flatten()
                });
                out.extend(found);
            }
        }
    }
    out
}

/// The finding for a none-claim and a some-or-all claim, when they share the object (when
/// both have one), enough words and one voice, without a hedge.
fn conflict(
    context: &Context<'_>,
    (a, ca, qa): (PassageRef, &ClaimFeature, &Quantified),
    (b, cb, qb): (PassageRef, &ClaimFeature, &Quantified),
    event_index: usize,
) -> Option<FindingDraft> {
    if ca.copula != cb.copula {
        return None;
    }
    let objects_agree = match (&ca.object, &cb.object) {
        (Some(x), Some(y)) => {
            if !x.same_referent(y) {
                return None;
            }
            true
        }
        // Without objects, the same prepositional phrase ("in the blast") ties them.
        (None, None) => {
            matches!((&ca.oblique, &cb.oblique), (Some(x), Some(y)) if x.same_referent(y))
        }
        _ => false,
    };
    let (ta, tb) = (
        context.features(a).term_set(),
        context.features(b).term_set(),
    );
    let restrictor = qa.restrictor.as_str();
    let shared = shared_terms(&ta, &tb, &[ca.predicate.as_str(), restrictor]);
    if shared < MIN_SHARED
        || !same_voice(context, a, ca.start, b, cb.start)
        || hedged(context, a, ca)
        || hedged(context, b, cb)
    {
        return None;
    }
    let claims = vec![
        claim_of(context, a, ca, "none"),
        claim_of(
            context,
            b,
            cb,
            if qb.class == Class::All {
                "all"
            } else {
                "some"
            },
        ),
    ];
    let event = Some(EventId(event_index));
    let mut evidence = Vec::new();
    evidence.extend(crate::compare::event_evidence(context, event));
    evidence.push(format!(
        "both quantify what “{}” counts with the predicate “{}”: “{}” against “{}”",
        restrictor, ca.word, qa.cue, qb.cue
    ));
    if objects_agree {
        evidence.push("both have the same object, or the same prepositional phrase".into());
    }
    evidence.push(format!(
        "{shared} other content words shared; neither is negated, hedged, a question or a condition"
    ));
    // Never judged on real news: shown only with a close tie (a complement or object in
    // common, the same prepositional phrase, or a copula's complement, and three shared
    // words), otherwise below the default.
    let close = (objects_agree || ca.copula) && shared >= 3;
    let mut confidence = 0.4
        + 0.03 * shared.min(5) as f32
        + 0.1 * crate::compare::event_confidence(context, event)
        + if close { 0.05 } else { 0.0 };
    if !close {
        confidence = confidence.min(0.5);
        evidence.push("the quantified claims share few words: check it".into());
    }
    Some(FindingDraft {
        kind: FindingKind::Contradiction,
        event,
        summary: format!(
            "{} says “{}” where {} says “{}”",
            context.source_name(a.document),
            claims[0].text,
            context.source_name(b.document),
            claims[1].text
        ),
        claims,
        confidence: confidence.clamp(0.05, 0.7),
        evidence,
    })
}

fn claim_of(
    context: &Context<'_>,
    at: PassageRef,
    claim: &ClaimFeature,
    note: &str,
) -> crate::model::Claim {
    let (start, end) = claim_span(claim);
    context.claim(at, start, end, None, Some(note.to_string()))
}
