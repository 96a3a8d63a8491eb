//! Departures told two ways: one source says a person was removed from a post ("was
//! dismissed", "the president fired Marsh", "Marsh, whom he fired"), another that the same
//! person left it by their own act ("Marsh resigned", "stepped down"). Who ended the tenure
//! is a fact a reader checks; the two accounts cannot both be plainly true.
//!
//! The verbs are `assets/lexicon/departures_en.tsv`, built by `build_departures.py` from two
//! WordNet trees (leaving an office; removing from a position), main senses only. The person
//! is a resolved name: the object of an active removal verb (or of "whom" before it), the
//! subject of a passive one, the subject of an active verb of leaving with no named object.
//! Silent on purpose: a negated, modal, hedged, dependent ("was forced to resign", "asked him
//! to resign") or conditional claim; a document that tells both (forced out, then
//! resigned); two occasions (different years or months); documents that share no event.

use super::{Context, FindingDraft, hedged, open_clause, other_occasions};
use crate::extract::claims::ClaimFeature;
use crate::model::{DocId, EntityId, EntityKind, FindingKind, PassageRef};
use std::collections::{HashMap, HashSet};

const DEPARTURES: &str = include_str!("../../../assets/lexicon/departures_en.tsv");

/// The verbs by stem: the rest of a phrasal verb ("down" for "step down") and whether the
/// verb tells of a removal.
fn verbs(context: &Context<'_>) -> HashMap<String, Vec<(Vec<String>, bool)>> {
    let mut out: HashMap<String, Vec<(Vec<String>, bool)>> = HashMap::new();
    for line in DEPARTURES.lines().filter(|l| !l.starts_with('#')) {
        let Some((words, kind)) = line.split_once('\t') else {
            continue;
        };
        let mut words = words.split(' ');
        let Some(verb) = words.next() else { continue };
        out.entry(context.stemmer.stem(verb))
            .or_default()
            .push((words.map(str::to_string).collect(), kind == "removed"));
    }
    out
}

/// One source's account of a departure.
struct Told<'c> {
    at: PassageRef,
    claim: &'c ClaimFeature,
    person: EntityId,
    removed: bool,
    /// How many words of a phrasal verb follow the predicate.
    rest: usize,
    /// The verb as written, with its particle ("stepped down").
    verb: String,
}

/// Whether the words right after the predicate are the rest of the phrasal verb.
fn particle_follows(text: &str, claim: &ClaimFeature, rest: &[String]) -> bool {
    let after: Vec<String> = crate::text::tokens(after(text, claim.end))
        .iter()
        .take(rest.len())
        .map(|t| crate::text::fold(t.text))
        .collect();
    after == rest
}

/// The few words after a byte offset (a phrasal verb's particle is among them).
fn after(text: &str, at: usize) -> &str {
    &text[at..text.floor_char_boundary((at + 40).min(text.len()))]
}

fn person(context: &Context<'_>, entity: Option<EntityId>) -> Option<EntityId> {
    entity.filter(|e| context.corpus.entities[e.get()].kind == EntityKind::Person)
}

/// "Marsh, whom the president fired": the name before ", whom", when at most three words
/// (the subject) stand between "whom" and the verb.
fn whom_antecedent(
    context: &Context<'_>,
    at: PassageRef,
    claim: &ClaimFeature,
) -> Option<EntityId> {
    let text = context.text(at.document);
    let before = &text[..claim.start];
    let whom = before.rfind("whom")?;
    let between = &before[whom + 4..];
    if between.split_whitespace().count() > 3 || between.contains([',', '.', ';', ':']) {
        return None;
    }
    let head = text[..whom].trim_end();
    let head = head.strip_suffix(',').unwrap_or(head).trim_end();
    let features = context.features(at);
    let mention = features.mentions.iter().find(|&&m| {
        let span = &context.corpus.mentions[m].mention;
        span.end <= head.len() && text[span.end..head.len()].trim().is_empty()
    })?;
    person(context, Some(context.corpus.mention_entities[*mention]))
}

/// The departures a passage tells plainly.
fn told<'c>(
    context: &Context<'c>,
    at: PassageRef,
    verbs: &HashMap<String, Vec<(Vec<String>, bool)>>,
) -> Vec<Told<'c>> {
    let text = context.text(at.document);
    let mut out = Vec::new();
    for claim in &context.features(at).claims {
        let Some(senses) = verbs.get(&claim.predicate) else {
            continue;
        };
        let plain = claim.negation.is_none()
            && !claim.modal
            && !claim.dependent
            && !claim.copula
            && !hedged(context, at, claim)
            && !open_clause(context, at, claim);
        if !plain {
            continue;
        }
        for (rest, removed) in senses {
            if !particle_follows(text, claim, rest) {
                continue;
            }
            let object_entity = claim.object.as_ref().and_then(|o| o.entity);
            let who = match (removed, claim.passive) {
                (true, true) => person(context, claim.subject.as_ref().and_then(|s| s.entity)),
                (true, false) => person(context, object_entity).or_else(|| {
                    claim
                        .object
                        .is_none()
                        .then(|| whom_antecedent(context, at, claim))
                        .flatten()
                }),
                (false, false) if object_entity.is_none() => {
                    person(context, claim.subject.as_ref().and_then(|s| s.entity))
                }
                _ => None,
            };
            if let Some(person) = who {
                out.push(Told {
                    at,
                    claim,
                    person,
                    removed: *removed,
                    rest: rest.len(),
                    verb: std::iter::once(claim.word.clone())
                        .chain(rest.iter().cloned())
                        .collect::<Vec<_>>()
                        .join(" "),
                });
                break;
            }
        }
    }
    out
}

pub fn find(context: &Context<'_>) -> Vec<FindingDraft> {
    let verbs = verbs(context);
    let stories = super::super::story_pairs(context);
    let all: Vec<Told<'_>> = context
        .passages()
        .flat_map(|at| told(context, at, &verbs))
        .collect();
    // A document that tells both of one person (forced out, then resigned) is silent.
    let kinds: HashSet<(DocId, EntityId, bool)> = all
        .iter()
        .map(|t| (t.at.document, t.person, t.removed))
        .collect();
    let both =
        |d: DocId, e: EntityId| kinds.contains(&(d, e, true)) && kinds.contains(&(d, e, false));
    let mut seen: HashSet<(DocId, DocId, EntityId)> = HashSet::new();
    let mut out = Vec::new();
    for x in all.iter().filter(|t| t.removed) {
        for y in all.iter().filter(|t| !t.removed && t.person == x.person) {
            let (dx, dy) = (x.at.document, y.at.document);
            if dx == dy
                || !stories.contains(&(dx, dy))
                || both(dx, x.person)
                || both(dy, y.person)
                || other_occasions(context, (x.at, x.claim), (y.at, y.claim))
                || !seen.insert((dx, dy, x.person))
            {
                continue;
            }
            out.push(finding(context, x, y));
        }
    }
    out
}

/// The words the claim is told in: from its subject to its object or particle.
fn span(context: &Context<'_>, t: &Told<'_>) -> crate::model::Claim {
    let (start, end) = super::claim_span(t.claim);
    let start = t
        .claim
        .subject
        .as_ref()
        .map_or(start, |s| s.start.min(start));
    // The particle of a phrasal verb ("stepped down").
    let text = context.text(t.at.document);
    let end = crate::text::tokens(after(text, t.claim.end))
        .iter()
        .take(t.rest)
        .next_back()
        .map_or(end, |last| end.max(t.claim.end + last.end));
    let note = if t.removed { "removed" } else { "left" };
    context.claim(t.at, start, end, None, Some(note.into()))
}

fn finding(context: &Context<'_>, x: &Told<'_>, y: &Told<'_>) -> FindingDraft {
    let claims = vec![span(context, x), span(context, y)];
    let name = context.corpus.entities[x.person.get()].name.clone();
    let event_x = context.event_of[x.at.document.get()][x.at.passage.get()];
    let within =
        event_x.is_some() && event_x == context.event_of[y.at.document.get()][y.at.passage.get()];
    let event = within.then_some(event_x).flatten();
    let mut evidence = Vec::new();
    evidence.extend(crate::compare::event_evidence(context, event));
    evidence.push(format!(
        "{} tells that {name} was removed (“{}”); {} that {name} left by their own act (“{}”)",
        context.source_name(x.at.document),
        claims[0].text,
        context.source_name(y.at.document),
        claims[1].text,
    ));
    evidence.push(format!(
        "“{}” removes from a post and “{}” leaves one (WordNet); the same person, named in both",
        x.verb, y.verb
    ));
    let mut confidence = 0.6 + 0.05 * crate::compare::event_confidence(context, event);
    if !within {
        evidence.push("in passages of different events of one story".into());
    } else {
        confidence += 0.05;
    }
    FindingDraft {
        kind: FindingKind::Contradiction,
        event: event.or(event_x),
        summary: format!(
            "{} says {name} was removed where {} says {name} left: “{}” against “{}”",
            context.source_name(x.at.document),
            context.source_name(y.at.document),
            claims[0].text,
            claims[1].text
        ),
        claims,
        confidence: confidence.clamp(0.05, 0.75),
        evidence,
    }
}
