//! `contradiction`: one source asserts what another denies.
//!
//! Two passages of one event contradict when their claims (see [`crate::extract::claims`])
//! have the same subject and predicate, and the object too when both have one, and one claim
//! negates the predicate that the other asserts ("was not warned" against "was warned"), or
//! when the predicates are the two words of an antonym pair from
//! `assets/lexicon/antonyms.ron` ("accepted" against "refused"). These are the lexical
//! contradictions that de Marneffe et al. found reliable; anything subtler is left to the
//! reader. A negation that governs a noun phrase ("but not Norland"), a dependent infinitive
//! ("decided not to exempt"), a modal or a pronoun subject is never enough.
//!
//! This file pairs the claims (through an index by predicate, never every pair of passages)
//! and holds what the detectors share: the referent test, one voice, hedges, the finding's
//! words. The detectors are in [`negation`] (negation and antonyms) and [`denials`] (a
//! reported denial against another source's plain statement).
//!
//! Claims are also paired across events of one story ([`across`]): two documents that share
//! an event tell one story, and a claim of one may oppose a claim of the other that the
//! aligner put in another event (or in none). Those pairs need more: the same resolved name
//! as subject, and enough shared words or a close meaning.
//!
//! Two more detectors read the claims of one event: [`quantifiers`] (none of a thing
//! against some or all of it) and [`modality`] (a fact against the same act as only
//! possible or intended, a difference of certainty kept below the default threshold).
//! [`allegations`] reads the claims of one story for an act stated as fact by one source
//! and reported only as alleged by another.
//! [`roles`] reads the claims of one story for one act told with subject and object
//! exchanged ("Vesna followed Orlo" / "Orlo followed Vesna"). [`no_evidence`] pairs a
//! reported absence of evidence of an act ("no evidence of collusion") with another source's
//! claim of the act ("sought to collude").

mod across;
mod allegations;
mod denials;
mod departures;
mod forecasts;
mod modality;
mod negation;
mod no_evidence;
mod occasions;
mod quantifiers;
mod roles;

pub(crate) use across::Story;
pub use across::{denied_across, find as across_events};
pub use allegations::find as allegations;
pub use denials::denied_statements;
pub use departures::find as departures;
pub use forecasts::find as forecasts;
pub use modality::find as modality;
use negation::{antonym, negation};
pub use no_evidence::find as no_evidence;
use occasions::{definite_subject, other_occasions};
pub use quantifiers::find as quantifiers;
pub use roles::find as swapped_roles;

use super::{Context, FindingDraft};
use crate::extract::claims::ClaimFeature;
use crate::model::{EventId, FindingKind, PassageRef};
use std::collections::{BTreeSet, HashMap, HashSet};

/// Content words (other than the contested one) two passages must share.
const MIN_SHARED: usize = 2;

fn shared_terms(a: &[&str], b: &[&str], except: &[&str]) -> usize {
    a.iter()
        .filter(|t| !except.contains(t) && b.binary_search(t).is_ok())
        .count()
}

pub fn find(context: &Context<'_>) -> Vec<FindingDraft> {
    let lexicon = context.lexicon;
    let mut out = Vec::new();
    for (event_index, event) in context.alignment.events.iter().enumerate() {
        // Which passages of the event state each predicate: contradictions are looked up
        // through the contested predicate, never by trying every pair of passages.
        let mut by_predicate: HashMap<&str, Vec<usize>> = HashMap::new();
        for (position, &at) in event.passages.iter().enumerate() {
            for claim in &context.features(at).claims {
                by_predicate
                    .entry(claim.predicate.as_str())
                    .or_default()
                    .push(position);
            }
        }
        let mut seen: HashSet<(usize, usize)> = HashSet::new();
        for (position, &a) in event.passages.iter().enumerate() {
            let features = context.features(a);
            let mut partners: BTreeSet<usize> = BTreeSet::new();
            for claim in &features.claims {
                if claim.negation.is_some() {
                    partners.extend(
                        by_predicate
                            .get(claim.predicate.as_str())
                            .into_iter()
                            .flatten(),
                    );
                }
                for opposite in lexicon.antonyms.get(&claim.predicate).into_iter().flatten() {
                    partners.extend(by_predicate.get(opposite.as_str()).into_iter().flatten());
                }
            }
            for other in partners {
                let b = event.passages[other];
                if b.document == a.document
                    || !seen.insert((position.min(other), position.max(other)))
                {
                    continue;
                }
                let pairing = Pairing::Within(event_index);
                for (x, y) in [(a, b), (b, a)] {
                    if let Some(finding) = negation(context, x, y, pairing) {
                        out.push(finding);
                    }
                }
                if let Some(finding) = antonym(context, a, b, pairing, lexicon) {
                    out.push(finding);
                }
            }
        }
    }
    out
}

/// Whether a byte offset lies inside a quote of the passage, and whose.
fn quoted_by(
    features: &crate::extract::PassageFeatures,
    offset: usize,
) -> Option<Option<crate::model::EntityId>> {
    features
        .quotes
        .iter()
        .find(|q| q.start <= offset && offset < q.end)
        .map(|q| q.speaker)
}

/// Whether the claims are in the same voice: both outside quotes, or both quoting the same
/// speaker. A quoted denial against the narrator's statement is two speakers, not a
/// contradiction between sources.
fn same_voice(
    context: &Context<'_>,
    a: PassageRef,
    a_at: usize,
    b: PassageRef,
    b_at: usize,
) -> bool {
    match (
        quoted_by(context.features(a), a_at),
        quoted_by(context.features(b), b_at),
    ) {
        (None, None) => true,
        (Some(Some(x)), Some(Some(y))) => x == y,
        _ => false,
    }
}

/// Where two paired claims lie.
#[derive(Clone, Copy)]
enum Pairing<'p> {
    /// Both passages lie in this event.
    Within(usize),
    /// In different events (or none) of two documents that tell one story.
    Across(&'p across::Story),
}

/// What the two claims positively share.
struct Referent {
    /// The shared subject, in words.
    subject: String,
    /// The contested predicate, as written.
    predicate: String,
    /// Both claims have an object and it is the same.
    objects_agree: bool,
    /// The subject is a resolved name, not only a head noun.
    entity: bool,
    /// The subject is the same definite common noun in both ("the referee"), in one event.
    definite: bool,
    /// A claim has an object and it is the other's object, or the word right after the
    /// other's predicate: subject, predicate and object, the whole proposition, are one.
    proposition: bool,
}

/// A contradiction between the two claims: "A says … where B says …".
fn finding(
    context: &Context<'_>,
    claims: Vec<crate::model::Claim>,
    pairing: Pairing<'_>,
    referent: &Referent,
    shared: usize,
) -> FindingDraft {
    let summary = format!(
        "{} says “{}” where {} says “{}”",
        context.source_name(claims[0].document),
        claims[0].text,
        context.source_name(claims[1].document),
        claims[1].text
    );
    let event_index = match pairing {
        Pairing::Within(event_index) => event_index,
        Pairing::Across(story) => {
            return across::finding(context, story, claims, referent, shared, summary);
        }
    };
    let event = Some(EventId(event_index));
    let mut evidence = Vec::new();
    if let Some(line) = super::event_evidence(context, event) {
        evidence.push(line);
    }
    evidence.extend(referent_lines(referent));
    evidence.push(format!("{shared} other content words shared"));
    // Contradictions were never confirmed on judged real news: unless the referent is a
    // resolved name or one definite role of the event, with the same object, they stay
    // below the default threshold.
    let mut confidence = 0.3
        + 0.03 * shared.min(5) as f32
        + 0.1 * super::event_confidence(context, event)
        + if referent.entity || referent.definite {
            0.05
        } else {
            0.0
        }
        + if referent.objects_agree { 0.05 } else { 0.0 }
        + if referent.proposition { 0.04 } else { 0.0 };
    if !((referent.entity || referent.definite) && referent.objects_agree) {
        confidence = confidence.min(0.55);
        evidence.push("found by the claims' words, not their meaning: check it".into());
    }
    FindingDraft {
        kind: FindingKind::Contradiction,
        event,
        summary,
        claims,
        confidence: confidence.clamp(0.05, 0.7),
        evidence,
    }
}

/// Why two opposed claims are about one referent, in words.
fn referent_lines(referent: &Referent) -> Vec<String> {
    let mut lines = vec![format!(
        "both claims have the subject {} and the predicate “{}”",
        referent.subject, referent.predicate
    )];
    if referent.definite {
        lines.push(format!(
            "the subject is the definite {} in both, the one of its kind in each source, in one event",
            referent.subject
        ));
    }
    if referent.proposition {
        lines.push("both have the same object: one proposition, asserted and denied".into());
    } else if referent.objects_agree {
        lines.push("both have the same object or complement".into());
    }
    lines.push(
        "the negation governs the predicate itself, in the narrator's voice or the same speaker's"
            .into(),
    );
    lines
}

/// The referent two claims share, in words, when they positively share one: the same
/// subject (the same entity, or the same head noun), and the same object when both have one.
fn same_referent(
    context: &Context<'_>,
    (at_a, a): (PassageRef, &ClaimFeature),
    (at_b, b): (PassageRef, &ClaimFeature),
) -> Option<(String, bool)> {
    let (sa, sb) = (a.subject.as_ref()?, b.subject.as_ref()?);
    if !sa.same_referent(sb) {
        return None;
    }
    let objects_agree = match (&a.object, &b.object) {
        (Some(oa), Some(ob)) => {
            if !oa.same_referent(ob) {
                return None;
            }
            true
        }
        // Without objects, the same prepositional phrase ("about the cracks") ties them.
        // The reading may miss an object ("conceded defeat on Sunday"): the same content
        // word right after both predicates ties them too.
        (None, None) => {
            matches!((&a.oblique, &b.oblique), (Some(x), Some(y)) if x.same_referent(y))
                || next_terms(context, at_a, a)
                    .iter()
                    .any(|t| next_terms(context, at_b, b).contains(t))
        }
        // One object only: its head word right after the other predicate.
        (Some(o), None) => {
            !o.pronoun && o.entity.is_none() && next_terms(context, at_b, b).contains(&o.head)
        }
        (None, Some(o)) => {
            !o.pronoun && o.entity.is_none() && next_terms(context, at_a, a).contains(&o.head)
        }
    };
    let name = match sa.entity {
        Some(entity) => context.corpus.entities[entity.get()].name.clone(),
        None => format!("“{}”", sa.head),
    };
    Some((name, objects_agree))
}

/// The content words (stems) among the two words right after a claim's predicate, before
/// any punctuation.
fn next_terms(context: &Context<'_>, at: PassageRef, claim: &ClaimFeature) -> Vec<String> {
    let passage = &context.corpus.documents[at.document.get()].passages[at.passage.get()];
    let text = context.text(at.document);
    let from = claim.end.min(passage.end);
    let after = &text[from..passage.end];
    let clause = after
        .find([',', ';', '.', ':', '"', '“', '”'])
        .map_or(after, |i| &after[..i]);
    let starts: Vec<usize> = crate::text::tokens(clause)
        .iter()
        .take(2)
        .map(|t| from + t.start)
        .collect();
    context
        .features(at)
        .terms
        .iter()
        .filter(|(offset, _)| starts.contains(offset))
        .map(|(_, stem)| stem.clone())
        .collect()
}

/// The span a reader should see for a claim: from its subject to its object.
fn claim_span(claim: &ClaimFeature) -> (usize, usize) {
    let start = claim.subject.as_ref().map_or(claim.start, |s| s.start);
    let end = claim
        .object
        .as_ref()
        .or(claim.oblique.as_ref())
        .map_or(claim.end, |o| o.end)
        .max(claim.end);
    (start.min(claim.negation.map_or(start, |n| n.0)), end)
}

/// The span a reader should see for one of two opposed claims: the whole proposition, from
/// the subject through the object's whole phrase ("the match for six minutes"); without an
/// object of its own, through the partner's object word when it follows the predicate
/// ("conceded defeat", which the reading missed).
fn proposition_span(
    context: &Context<'_>,
    at: PassageRef,
    claim: &ClaimFeature,
    partner: &ClaimFeature,
) -> (usize, usize) {
    let (start, mut end) = claim_span(claim);
    let passage = &context.corpus.documents[at.document.get()].passages[at.passage.get()];
    if let Some(object) = &claim.object {
        end = end.max(object.full_end.min(passage.end));
    } else if let Some(object) = partner.object.as_ref().filter(|o| !o.pronoun) {
        let text = context.text(at.document);
        let from = claim.end.min(passage.end);
        let after = &text[from..passage.end];
        let clause = after
            .find([',', ';', '.', ':', '"', '“', '”'])
            .map_or(after, |i| &after[..i]);
        if let Some(token) = crate::text::tokens(clause)
            .iter()
            .take(2)
            .find(|t| context.stemmer.stem(&crate::text::fold(t.text)) == object.head)
        {
            end = end.max(from + token.end);
        }
    }
    (start, clause_end(context, at, end))
}

/// The end of the clause's adverbials after a claim's span ("for six minutes", "on Sunday
/// night"): at most [`ADVERBIAL_REACH`] more words, up to a punctuation mark or a word that
/// opens another clause ("and", "while", "after" …). Beyond the reach the span stays.
fn clause_end(context: &Context<'_>, at: PassageRef, end: usize) -> usize {
    let passage = &context.corpus.documents[at.document.get()].passages[at.passage.get()];
    let text = context.text(at.document);
    let from = end.clamp(passage.start, passage.end);
    let after = &text[from..passage.end];
    let stop = after
        .find([',', ';', '.', ':', '?', '!', '"', '“', '”', '(', '—'])
        .unwrap_or(after.len());
    let mut last = from;
    for token in crate::text::tokens(&after[..stop]) {
        if CLAUSE_OPENERS.contains(&crate::text::fold(token.text).as_str()) {
            break;
        }
        last = from + token.end;
    }
    let words = crate::text::tokens(&text[from..last]).len();
    if words <= ADVERBIAL_REACH { last } else { end }
}

/// How many words of adverbials a claim's span may take after its object.
const ADVERBIAL_REACH: usize = 6;

/// Words that open another clause, where a claim's adverbials end.
const CLAUSE_OPENERS: &[&str] = &[
    "and", "but", "or", "while", "as", "after", "before", "when", "because", "which", "who",
    "that", "until", "although", "though", "since", "so", "whereas", "if", "unless",
];

/// Whether a hedge ("speculated", "alleged", "believe", "whether") stands in the few words
/// before the claim in its sentence, or between its subject and its predicate ("Rell
/// allegedly approved").
fn hedged(context: &Context<'_>, at: PassageRef, claim: &ClaimFeature) -> bool {
    let passage = &context.corpus.documents[at.document.get()].passages[at.passage.get()];
    let text = context.text(at.document);
    let end = claim_span(claim).0.clamp(passage.start, passage.end);
    let is_hedge =
        |t: &crate::text::Token<'_>| HEDGES.contains(&crate::text::fold(t.text).as_str());
    let before = &text[passage.start..end];
    let chain = &text[end..claim.start.clamp(end, passage.end)];
    crate::text::tokens(before)
        .iter()
        .rev()
        .take(HEDGE_REACH)
        .any(is_hedge)
        || crate::text::tokens(chain).iter().any(is_hedge)
}

/// Whether a claim stands in a question or a condition: its sentence ends with "?", or a
/// word of the polarity lists' condition class ("if", "unless", "whether") stands before it
/// in its sentence. What such a clause says is not asserted.
fn open_clause(context: &Context<'_>, at: PassageRef, claim: &ClaimFeature) -> bool {
    let passage = &context.corpus.documents[at.document.get()].passages[at.passage.get()];
    let text = context.text(at.document);
    let start = claim_span(claim).0.clamp(passage.start, passage.end);
    let sentence_start = text[passage.start..start]
        .rfind(['.', '!', '?'])
        .map_or(passage.start, |i| passage.start + i + 1);
    let after = &text[claim.end.clamp(start, passage.end)..passage.end];
    if after
        .find(['.', '!', '?'])
        .is_some_and(|i| after[i..].starts_with('?'))
    {
        return true;
    }
    let conditions = context
        .lexicon
        .polarity
        .get("condition")
        .map_or(&[][..], |w| w);
    crate::text::tokens(&text[sentence_start..start])
        .iter()
        .any(|t| conditions.contains(&crate::text::fold(t.text)))
}

/// How many words before a claim a hedge governs it.
const HEDGE_REACH: usize = 8;

/// Speech verbs and "be"/"have" say nothing that one source could deny of another.
fn contestable(claim: &ClaimFeature) -> bool {
    claim.is_assertion()
        && !crate::extract::claims::is_reporting(&claim.word)
        && !matches!(
            claim.predicate.as_str(),
            "have" | "be" | "do" | "get" | "say"
        )
}

/// The finding for two claims that oppose each other, when they positively share their
/// referent, enough other words, and one voice; else none. `notes` label the two claims
/// ("denies" / "asserts"), `predicate` names what is contested.
fn opposed(
    context: &Context<'_>,
    (a, ca): (PassageRef, &ClaimFeature),
    (b, cb): (PassageRef, &ClaimFeature),
    notes: [Option<&str>; 2],
    predicate: String,
    pairing: Pairing<'_>,
) -> Option<FindingDraft> {
    let (subject, objects_agree) = same_referent(context, (a, ca), (b, cb))?;
    let (ta, tb) = (
        context.features(a).term_set(),
        context.features(b).term_set(),
    );
    let shared = shared_terms(&ta, &tb, &[ca.predicate.as_str(), cb.predicate.as_str()]);
    if shared < MIN_SHARED || !same_voice(context, a, ca.start, b, cb.start) {
        return None;
    }
    // "Many have speculated that the White House offered …", "37 percent believe Obama was
    // not born …": a claim reported under a hedge is not the source's own.
    if hedged(context, a, ca) || hedged(context, b, cb) {
        return None;
    }
    let entity = ca.subject.as_ref().is_some_and(|s| s.entity.is_some());
    // "won in 2019" against "did not win in 2023": two occasions, not one claim.
    if other_occasions(context, (a, ca), (b, cb)) {
        return None;
    }
    // Across events, only a resolved name ties the subjects, and the passages must share
    // more words or a close meaning.
    if let Pairing::Across(story) = pairing
        && !(entity && story.close_enough(context, a, b, shared))
    {
        return None;
    }
    let definite = !entity
        && matches!(pairing, Pairing::Within(_))
        && match (&ca.subject, &cb.subject) {
            (Some(x), Some(y)) => definite_subject(context, (a, x), (b, y)),
            _ => false,
        };
    let claims = [(a, ca, cb, notes[0]), (b, cb, ca, notes[1])]
        .into_iter()
        .map(|(at, claim, partner, note)| {
            let (start, end) = proposition_span(context, at, claim, partner);
            context.claim(at, start, end, None, note.map(str::to_string))
        })
        .collect();
    let referent = Referent {
        subject,
        predicate,
        objects_agree,
        entity,
        definite,
        proposition: (ca.object.is_some() || cb.object.is_some()) && objects_agree,
    };
    Some(finding(context, claims, pairing, &referent, shared))
}

/// Words by which a source reports a statement without making it its own: a source that
/// writes "alleged", "accused" or "reportedly" does not assert what is denied elsewhere.
const HEDGES: &[&str] = &[
    "alleged",
    "allegedly",
    "allegation",
    "allegations",
    "accused",
    "accuses",
    "accusation",
    "accusations",
    "reportedly",
    "claimed",
    "claims",
    "rumour",
    "rumours",
    "rumor",
    "rumors",
    "purported",
    "purportedly",
    "suspected",
    "denied",
    "denies",
    "deny",
    "denial",
    "whether",
    "unclear",
    "unconfirmed",
    "may",
    "might",
    "could",
    "possibly",
    "possible",
    "speculated",
    "speculation",
    "speculate",
    "suggested",
    "suggestions",
    "questioned",
    "believe",
    "believes",
    "doubt",
    "doubts",
];
