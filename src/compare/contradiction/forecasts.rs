//! Forecasts that oppose: two sources report the same expectation of one subject with
//! antonymous predicates ("the river is expected to fall" against "the river is expected to
//! rise"). Each predicate is the infinitive of a verb of the intention class of the polarity
//! lists (expect, plan, intend … from WordNet), so the claim reading marks it dependent and
//! the plain antonym test never sees it. Here the scope is read on both sides: the same cue
//! class governs both infinitives, neither governing verb nor infinitive is negated, hedged,
//! modal or in a question or condition, so the two sources assert opposite expectations, not
//! a fact against a possibility (that is [`super::modality`]'s difference of certainty).
//!
//! The antonyms are the WordNet pairs of `assets/lexicon/antonyms_wordnet.tsv` (the lexicon's
//! `antonyms`). The subject is the governing verb's: the same resolved name, or the same
//! definite common noun ("the river") when both passages lie in one event. Two passages of
//! different events of one story need the same resolved name and the tests of
//! [`super::across`].

use super::{
    Context, FindingDraft, MIN_SHARED, definite_subject, hedged, open_clause, other_occasions,
    same_voice,
};
use crate::extract::claims::{Argument, ClaimFeature};
use crate::model::{FindingKind, PassageRef};
use std::collections::HashSet;

/// An infinitive governed by a verb of the intention class, with the governing verb's
/// subject.
struct Expectation<'c> {
    at: PassageRef,
    /// The infinitive ("fall").
    claim: &'c ClaimFeature,
    /// The governing verb ("expected").
    cue: &'c ClaimFeature,
    /// The governing verb's subject ("the Tessel").
    subject: &'c Argument,
}

/// The expectations stated in one passage: an infinitive right after "<intention verb> to",
/// whose governing verb has a stated subject (not a pronoun), and neither is negated,
/// modal, hedged or open.
fn expectations<'c>(context: &Context<'c>, at: PassageRef) -> Vec<Expectation<'c>> {
    let features = context.features(at);
    let text = context.text(at.document);
    let intention: Vec<String> = context
        .lexicon
        .polarity
        .get("intention")
        .map_or(&[][..], |w| w)
        .iter()
        .map(|w| context.stemmer.stem(w))
        .collect();
    let mut out = Vec::new();
    for claim in features.claims.iter().filter(|c| c.dependent) {
        let governing = features.claims.iter().find(|g| {
            g.end < claim.start
                && crate::text::fold(text[g.end..claim.start].trim()) == "to"
                && intention.contains(&g.predicate)
        });
        let Some(cue) = governing else { continue };
        let Some(subject) = cue.subject.as_ref().filter(|s| !s.pronoun) else {
            continue;
        };
        let plain = |c: &ClaimFeature| {
            c.negation.is_none()
                && !c.modal
                && !open_clause(context, at, c)
                && !hedged(context, at, c)
        };
        if plain(cue) && claim.negation.is_none() && !claim.modal {
            out.push(Expectation {
                at,
                claim,
                cue,
                subject,
            });
        }
    }
    out
}

/// Opposed expectations of two documents: within one event, or across events of one story.
pub fn find(context: &Context<'_>) -> Vec<FindingDraft> {
    let story = super::across::Story::read(context).with_idf(context);
    let mut all: Vec<Expectation<'_>> = Vec::new();
    for (d, document) in context.corpus.documents.iter().enumerate() {
        for p in 0..document.passages.len() {
            let at = PassageRef {
                document: crate::model::DocId(d),
                passage: crate::model::PassageId(p),
            };
            all.extend(expectations(context, at));
        }
    }
    let mut seen: HashSet<(PassageRef, PassageRef)> = HashSet::new();
    let mut out = Vec::new();
    for (i, x) in all.iter().enumerate() {
        let Some(opposites) = context.lexicon.antonyms.get(&x.claim.predicate) else {
            continue;
        };
        for y in &all[i + 1..] {
            if y.at.document == x.at.document
                || !opposites.contains(&y.claim.predicate)
                || !seen.insert((x.at, y.at))
            {
                continue;
            }
            out.extend(opposed(context, &story, x, y));
        }
    }
    out
}

/// The finding for two expectations with antonymous infinitives, when they positively share
/// their subject, enough words and one voice.
fn opposed(
    context: &Context<'_>,
    story: &super::across::Story,
    x: &Expectation<'_>,
    y: &Expectation<'_>,
) -> Option<FindingDraft> {
    let event_x = context.event_of[x.at.document.get()][x.at.passage.get()];
    let event_y = context.event_of[y.at.document.get()][y.at.passage.get()];
    let within = event_x.is_some() && event_x == event_y;
    let entity = x.subject.entity.is_some() && x.subject.same_referent(y.subject);
    let definite = within
        && definite_subject(context, (x.at, x.subject), (y.at, y.subject))
        && x.subject.same_referent(y.subject);
    if !(entity || definite)
        || other_occasions(context, (x.at, x.claim), (y.at, y.claim))
        || !same_voice(context, x.at, x.claim.start, y.at, y.claim.start)
    {
        return None;
    }
    let (tx, ty) = (
        context.features(x.at).term_set(),
        context.features(y.at).term_set(),
    );
    let shared = super::shared_terms(
        &tx,
        &ty,
        &[
            x.claim.predicate.as_str(),
            y.claim.predicate.as_str(),
            x.cue.predicate.as_str(),
        ],
    );
    if shared < MIN_SHARED {
        return None;
    }
    let across = entity
        && story.event_of_story(x.at.document, y.at.document).is_some()
        && story.close_enough(context, x.at, y.at, shared);
    if !(within || across) {
        return None;
    }
    Some(finding(context, x, y, (within, entity), shared))
}

/// The finding's words and confidence.
fn finding(
    context: &Context<'_>,
    x: &Expectation<'_>,
    y: &Expectation<'_>,
    (within, entity): (bool, bool),
    shared: usize,
) -> FindingDraft {
    let span = |e: &Expectation<'_>| {
        let start = e.subject.start.min(e.cue.start);
        let end = super::claim_span(e.claim).1;
        context.claim(e.at, start, end, None, Some("expects".into()))
    };
    let claims = vec![span(x), span(y)];
    let subject = match x.subject.entity {
        Some(entity) => context.corpus.entities[entity.get()].name.clone(),
        None => format!("“{}”", x.subject.head),
    };
    let event = if within {
        context.event_of[x.at.document.get()][x.at.passage.get()]
    } else {
        None
    };
    let mut evidence = Vec::new();
    evidence.extend(crate::compare::event_evidence(context, event));
    evidence.push(format!(
        "both expect something of {subject}: {} “{} to {}”, {} “{} to {}”",
        context.source_name(x.at.document),
        x.cue.word,
        x.claim.word,
        context.source_name(y.at.document),
        y.cue.word,
        y.claim.word
    ));
    evidence.push(format!(
        "“{}” and “{}” are antonyms (WordNet); the same kind of cue governs both, so both state an expectation",
        x.claim.word, y.claim.word
    ));
    if !entity {
        evidence.push(format!(
            "the subject is the definite “the {}” in both, in one event",
            x.subject.head
        ));
    }
    evidence.push(format!("{shared} other content words shared"));
    let same_cue = x.cue.predicate == y.cue.predicate;
    if !same_cue {
        evidence.push(format!(
            "different cues (“{}”, “{}”): check that both mean an expectation",
            x.cue.word, y.cue.word
        ));
    }
    let mut confidence = 0.4
        + 0.03 * shared.min(5) as f32
        + 0.1 * crate::compare::event_confidence(context, event)
        + if entity { 0.05 } else { 0.02 }
        + if same_cue { 0.05 } else { 0.0 };
    if !within {
        confidence = confidence.min(0.6);
        evidence.push("in passages the aligner put in different events: check it".into());
    }
    FindingDraft {
        kind: FindingKind::Contradiction,
        event: event.or(context.event_of[x.at.document.get()][x.at.passage.get()]),
        summary: format!(
            "{} expects “{}” where {} expects “{}”",
            context.source_name(x.at.document),
            claims[0].text,
            context.source_name(y.at.document),
            claims[1].text
        ),
        claims,
        confidence: confidence.clamp(0.05, 0.7),
        evidence,
    }
}
