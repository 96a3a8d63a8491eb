//! Where a person is, told differently: one source places a person in one city or town,
//! another in another ("a nurse at the Tarnow clinic in Varnholm, Ore." against "a Seattle
//! nurse, later identified as Ilse Varga"). Two cities for one person cannot both be the
//! place a description gives; a fact-checker wants the difference flagged.
//!
//! What each source says is read in [`reading`] and [`forms`]; places come from
//! [`gazetteer`] (WordNet's cities, states and countries, with what each is part of). A
//! `contradiction` finding needs, in two documents of one story (they share an event):
//! - one referent: the same resolved person named on both sides; or (lower confidence) a
//!   description with no name in one source ("a 30-year-old nurse in Seattle") whose noun is
//!   the noun of the description of the one person the other source names with that noun,
//!   with a second word in common and both passages in one event, when the describing source
//!   names that person nowhere and no one else with that noun;
//! - two cities or towns, neither the other nor part of the other;
//! - neither source giving both: a document that places the person in two places that may
//!   not both hold, or that writes the other's place anywhere, is silent for that person.
//!
//! Origins ("from", "native", "born") and places of another time ("former") are never read,
//! so "born in X" against "lives in Y" and travel from one place to another stay silent.

mod forms;
pub mod gazetteer;
mod reading;

use super::{Context, FindingDraft};
use crate::model::{DocId, EntityId, FindingKind};
use reading::{Placed, Who};
use std::collections::{BTreeMap, HashSet};

/// The confidence of a difference for one named person; more when both passages are in one
/// event.
const NAMED: f32 = 0.66;
const NAMED_ONE_EVENT: f32 = 0.04;
/// The confidence for a description matched with a named person, in one event; outside one
/// event it stays under the default threshold.
const DESCRIBED: f32 = 0.6;
const DESCRIBED_APART: f32 = 0.5;
/// Outside one event, the two sentences must be this close in meaning (the mean of the
/// static table's cosine and the TF-IDF cosine, as contradictions across events) for a
/// description to be matched at [`DESCRIBED`].
const CLOSE_MEANING: f32 = 0.5;

pub fn find(context: &Context<'_>) -> Vec<FindingDraft> {
    let stories = super::story_pairs(context);
    if stories.is_empty() {
        return Vec::new();
    }
    let known = reading::Known::read(context);
    let all: Vec<Placed> = context
        .passages()
        .flat_map(|at| reading::read(context, at, &known))
        .collect();
    let mut out = Vec::new();
    // One finding per pair of documents and person, named on both sides first.
    let mut seen: HashSet<(DocId, DocId, EntityId)> = HashSet::new();
    for x in &all {
        let Who::Named(person) = x.who else { continue };
        for y in &all {
            let (dx, dy) = (x.at.document, y.at.document);
            if dx >= dy || y.who != x.who || !stories.contains(&(dx, dy)) {
                continue;
            }
            if differ(context, &all, x, y, person)
                && differ(context, &all, y, x, person)
                && seen.insert((dx, dy, person))
            {
                out.push(finding(context, x, y, None));
            }
        }
    }
    out.extend(described_pairs(context, &all, &stories, &seen));
    out
}

/// A description matched with a named person: in one event, the likeness of the two
/// sentences, the two statements' indices and the words the descriptions share.
type Candidate = (bool, f32, usize, usize, Vec<String>);

/// The findings for descriptions with no name matched with a named person: for each pair of
/// documents and person, the surest pair of statements (in one event, then the closest in
/// meaning).
fn described_pairs(
    context: &Context<'_>,
    all: &[Placed],
    stories: &HashSet<(DocId, DocId)>,
    seen: &HashSet<(DocId, DocId, EntityId)>,
) -> Vec<FindingDraft> {
    let mut story = None;
    let mut best: BTreeMap<(DocId, DocId, EntityId), Candidate> = BTreeMap::new();
    for (i, x) in all.iter().enumerate() {
        let Who::Named(person) = x.who else { continue };
        for (j, y) in all.iter().enumerate() {
            let (dx, dy) = (x.at.document, y.at.document);
            let key = (dx.min(dy), dx.max(dy), person);
            if dx == dy || !stories.contains(&(dx, dy)) || seen.contains(&key) {
                continue;
            }
            let Some(shared) = described_match(context, all, x, y, person) else {
                continue;
            };
            let story = story.get_or_insert_with(|| {
                super::contradiction::Story::read(context).with_idf(context)
            });
            let score = (
                one_event(context, x, y).is_some(),
                story.likeness(context, x.at, y.at),
            );
            if best.get(&key).is_none_or(|b| score > (b.0, b.1)) {
                best.insert(key, (score.0, score.1, i, j, shared));
            }
        }
    }
    best.into_values()
        .map(|(_, likeness, i, j, shared)| {
            finding(
                context,
                &all[i],
                &all[j],
                Some(Described { shared, likeness }),
            )
        })
        .collect()
}

/// The event both statements' passages lie in, when one.
fn one_event(context: &Context<'_>, x: &Placed, y: &Placed) -> Option<crate::model::EventId> {
    let event_x = context.event_of[x.at.document.get()][x.at.passage.get()];
    event_x.filter(|_| event_x == context.event_of[y.at.document.get()][y.at.passage.get()])
}

/// Whether `x`'s place and `y`'s are two places, and `y`'s document gives `x`'s place
/// nowhere: not its own statements of the person, not the place's name anywhere in its text.
fn differ(context: &Context<'_>, all: &[Placed], x: &Placed, y: &Placed, person: EntityId) -> bool {
    if gazetteer::compatible(&x.readings, &y.readings) || x.name == y.name {
        return false;
    }
    let dy = y.at.document;
    let own = all
        .iter()
        .filter(|p| p.at.document == dy && p.who == Who::Named(person));
    let mut own = own;
    !own.any(|p| gazetteer::compatible(&p.readings, &x.readings))
        && !names_anywhere(context.text(dy), &x.name)
}

/// Whether a text writes a place's name as a whole word.
fn names_anywhere(text: &str, name: &str) -> bool {
    text.match_indices(name).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + name.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// A description with no name in `y` matched with the person `x` names: the words both
/// descriptions share besides the noun, when every test holds (see the module's header).
fn described_match(
    context: &Context<'_>,
    all: &[Placed],
    x: &Placed,
    y: &Placed,
    person: EntityId,
) -> Option<Vec<String>> {
    let Who::Described(noun) = &y.who else {
        return None;
    };
    let (dx, dy) = (x.at.document, y.at.document);
    if x.head.as_ref() != Some(noun) {
        return None;
    }
    // The describing source names the person nowhere, and no one else with that noun.
    let entity = &context.corpus.entities[person.get()];
    if entity.mentions.iter().any(|m| m.document == dy) {
        return None;
    }
    let with_noun = |d: DocId| {
        all.iter()
            .filter(move |p| p.at.document == d && p.head.as_ref() == Some(noun))
    };
    if with_noun(dy).any(|p| matches!(p.who, Who::Named(_))) {
        return None;
    }
    // The naming source names one person only with that noun.
    if with_noun(dx).any(|p| matches!(p.who, Who::Named(e) if e != person)) {
        return None;
    }
    // Every description of the describing source with that noun gives a place of one kind.
    if with_noun(dy).any(|p| !gazetteer::compatible(&p.readings, &y.readings)) {
        return None;
    }
    if !differ_described(context, all, x, y, person) {
        return None;
    }
    let shared: Vec<String> = y
        .words
        .iter()
        .filter(|w| {
            *w != noun
                && !w.chars().any(|c| c.is_ascii_digit())
                && !context.lexicon.is_stopword(w)
                && x.words.contains(w)
        })
        .cloned()
        .collect();
    (!shared.is_empty()).then_some(shared)
}

/// [`differ`] for a described person: the two places differ and neither document writes
/// the other's place.
fn differ_described(
    context: &Context<'_>,
    all: &[Placed],
    x: &Placed,
    y: &Placed,
    person: EntityId,
) -> bool {
    !gazetteer::compatible(&x.readings, &y.readings)
        && x.name != y.name
        && !names_anywhere(context.text(y.at.document), &x.name)
        && !names_anywhere(context.text(x.at.document), &y.name)
        && !all.iter().any(|p| {
            p.at.document == x.at.document
                && p.who == Who::Named(person)
                && gazetteer::compatible(&p.readings, &y.readings)
        })
}

/// What ties a description with no name to the named person: the words both descriptions
/// have besides the noun, and how close the two sentences are in meaning.
struct Described {
    shared: Vec<String>,
    likeness: f32,
}

fn finding(context: &Context<'_>, x: &Placed, y: &Placed, cue: Option<Described>) -> FindingDraft {
    let Who::Named(person) = x.who else {
        unreachable!("the first side names the person")
    };
    let name = context.corpus.entities[person.get()].name.clone();
    let (sx, sy) = (
        context.source_name(x.at.document),
        context.source_name(y.at.document),
    );
    let claims = vec![
        context.claim(
            x.at,
            x.start,
            x.end,
            Some(x.place.clone()),
            Some(name.clone()),
        ),
        context.claim(
            y.at,
            y.start,
            y.end,
            Some(y.place.clone()),
            Some(match &y.who {
                Who::Named(_) => name.clone(),
                Who::Described(_) => "a description with no name".into(),
            }),
        ),
    ];
    let event_x = context.event_of[x.at.document.get()][x.at.passage.get()];
    let event = one_event(context, x, y);
    let within = event.is_some();
    let mut evidence: Vec<String> = super::event_evidence(context, event).into_iter().collect();
    if !within {
        evidence.push("in passages of different events of one story".into());
    }
    evidence.push(format!("{sx}: {} (“{}”)", x.form, claims[0].text));
    evidence.push(format!("{sy}: {} (“{}”)", y.form, claims[1].text));
    evidence.push(format!(
        "{} and {} are two cities or towns, neither part of the other (WordNet, or the state \
         written after the town); neither source writes the other's place",
        x.place, y.place
    ));
    let (summary, confidence) = match &cue {
        None => {
            evidence.push(format!("the same person, named in both: {name}"));
            (
                format!(
                    "{sx} places {name} in {} where {sy} places {name} in {}",
                    x.place, y.place
                ),
                NAMED + if within { NAMED_ONE_EVENT } else { 0.0 },
            )
        }
        Some(Described { shared, likeness }) => {
            let noun = y.head.clone().unwrap_or_default();
            evidence.push(format!(
                "{sy} names no one for “{}”; the only {noun} {sx} describes is {name}; both \
                 descriptions have “{noun}” and “{}”",
                claims[1].text,
                shared.join("”, “")
            ));
            let close = *likeness >= CLOSE_MEANING;
            if !within {
                evidence.push(format!(
                    "the two sentences are {} in meaning ({likeness:.2})",
                    if close { "close" } else { "not close" }
                ));
            }
            (
                format!(
                    "{sx} places {name} in {} where {sy} places “{}”, who may be the same \
                     person, in {}",
                    x.place,
                    claims[1]
                        .text
                        .strip_suffix(&format!(" in {}", y.place))
                        .unwrap_or(&claims[1].text),
                    y.place
                ),
                if within || close {
                    DESCRIBED
                } else {
                    DESCRIBED_APART
                },
            )
        }
    };
    FindingDraft {
        kind: FindingKind::Contradiction,
        event: event.or(event_x),
        summary,
        claims,
        confidence,
        evidence,
    }
}
