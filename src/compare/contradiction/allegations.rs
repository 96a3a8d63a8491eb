//! Allegation: one source states as fact an act that another reports only as alleged
//! ("Vantor's aides sealed the harbour gates" against "accusations that aides to Vantor
//! sealed the harbour gates"). A fact-checker wants to know that one outlet asserts what the
//! others only report as charged: it is a difference of stance, not of fact.
//!
//! The cues come from `assets/lexicon/allegations_en.tsv` (built from WordNet by
//! `build_allegations.py`): a noun or verb of alleging followed by "that" ("allegations
//! that", "alleged that", "claims that"), which governs the first claim after it in its
//! sentence, or an adverb of that stem between a claim's subject and predicate
//! ("allegedly sealed"). The act stated plainly by another source must be a plain
//! assertion (no negation, modal, hedge, condition, allegation cue, nor a quote of someone),
//! with the same resolved actor as subject (the same entity named in the subject phrase:
//! "the Vantor administration" and "aides to Vantor"), the same act (the same stem, or
//! verbs sharing a main WordNet sense: "shut" and "close") and the same object (the same
//! referent or a shared head noun). Only when all three match positively is the finding
//! shown; without an object on one side it stays below the default threshold. A source
//! that itself states the act plainly elsewhere does not merely allege it: silent.

use super::{Context, FindingDraft, claim_span, hedged, open_clause, quoted_by};
use crate::extract::claims::ClaimFeature;
use crate::model::{DocId, EntityId, FindingKind, PassageId, PassageRef};
use std::collections::{HashMap, HashSet};

/// Most words between an allegation cue's "that" and the predicate it governs.
const CLAUSE_REACH: usize = 12;
/// Confidence when actor, act and object all match (plus a little per shared word).
const SHOWN: f32 = 0.62;
/// Confidence when one side has no object: below the default threshold.
const WEAK: f32 = 0.45;

/// One claim and where it stands.
type At<'c> = (PassageRef, &'c ClaimFeature);

/// The claim's actor: the entity named in its subject phrase, or in the subject of a
/// "claim" just before it that is the subject's own noun misread as a verb ("Vantor's aides
/// shut": "aides" read as a verb with the subject "Vantor", "shut" with none).
fn actor(context: &Context<'_>, at: PassageRef, claim: &ClaimFeature) -> Option<EntityId> {
    match claim.subject.as_ref() {
        Some(subject) if !subject.pronoun => subject.entity,
        Some(_) => None,
        None => actor(context, at, misread_noun(context, at, claim)?),
    }
}

/// The claim just before a subjectless one, with no object and at most an adverb between:
/// two finite verbs in a row, the first of them a noun of the subject misread.
fn misread_noun<'c>(
    context: &Context<'c>,
    at: PassageRef,
    claim: &ClaimFeature,
) -> Option<&'c ClaimFeature> {
    if claim.subject.is_some() {
        return None;
    }
    let text = context.text(at.document);
    context.features(at).claims.iter().find(|c| {
        c.end <= claim.start && c.object.is_none() && c.subject.is_some() && {
            let between = crate::text::tokens(&text[c.end..claim.start]);
            between.is_empty()
                || (between.len() == 1 && crate::text::fold(between[0].text).ends_with("ly"))
        }
    })
}

/// Whether a claim can be an act told by two sources: no negation, modal or copula, not a
/// verb of speech, and not dependent on another verb (unless that "verb" is the subject's
/// noun misread).
fn act(context: &Context<'_>, at: PassageRef, claim: &ClaimFeature) -> bool {
    claim.negation.is_none()
        && !claim.modal
        && (!claim.dependent || misread_noun(context, at, claim).is_some())
        && !claim.copula
        && !crate::extract::claims::is_reporting(&claim.word)
        && !matches!(
            claim.predicate.as_str(),
            "have" | "be" | "do" | "get" | "say" | "make"
        )
}

/// The allegation cue that governs a claim, as written ("allegations that", "allegedly").
fn allegation(context: &Context<'_>, at: PassageRef, claim: &ClaimFeature) -> Option<String> {
    let words = &context.lexicon.allegations;
    let passage = &context.corpus.documents[at.document.get()].passages[at.passage.get()];
    let text = context.text(at.document);
    let stem = |w: &str| context.stemmer.stem(&crate::text::fold(w));
    // "X allegedly closed": the adverb between subject and predicate.
    let subject_end = claim
        .subject
        .as_ref()
        .map(|s| s.end)
        .or_else(|| misread_noun(context, at, claim).map(|c| c.end));
    if let Some(subject_end) = subject_end {
        let chain = &text[subject_end.clamp(passage.start, claim.start)..claim.start];
        if let Some(t) = crate::text::tokens(chain).iter().find(|t| {
            crate::text::fold(t.text).ends_with("edly") && words.verbs.contains(&stem(t.text))
        }) {
            return Some(t.text.to_string());
        }
    }
    // "allegations that X closed": the cue and "that" before the claim, in its sentence,
    // with no other claim between "that" and this one's predicate.
    let start = claim_span(claim).0.clamp(passage.start, claim.start);
    let sentence = crate::segment::sentences(text, passage.start..passage.end)
        .into_iter()
        .map(|r| r.start)
        .filter(|&s| s <= start)
        .max()
        .unwrap_or(passage.start);
    let tokens = crate::text::tokens(&text[sentence..start]);
    let n = tokens.len();
    let that = (1..n)
        .rev()
        .take(CLAUSE_REACH)
        .find(|&i| crate::text::fold(tokens[i].text) == "that")?;
    let cue = &tokens[that - 1];
    let cue_stem = stem(cue.text);
    if !(words.nouns.contains(&cue_stem) || words.verbs.contains(&cue_stem)) {
        return None;
    }
    let that_end = sentence + tokens[that].end;
    let features = context.features(at);
    let first = features
        .claims
        .iter()
        .filter(|c| c.start > that_end && c.start <= claim.start)
        .all(|c| {
            std::ptr::eq(c, claim)
                || c.dependent
                || c.subject.is_none()
                || misread_noun(context, at, claim).is_some_and(|m| std::ptr::eq(m, c))
        });
    first.then(|| format!("{} that", cue.text))
}

/// Whether a claim is stated plainly in the narrator's voice.
fn stated(context: &Context<'_>, at: PassageRef, claim: &ClaimFeature) -> bool {
    (claim.is_assertion() || claim.subject.is_none() && actor(context, at, claim).is_some())
        && act(context, at, claim)
        && quoted_by(context.features(at), claim.start).is_none()
        && !open_clause(context, at, claim)
        && !hedged(context, at, claim)
        && allegation(context, at, claim).is_none()
}

/// Words that end an object phrase read after the predicate: prepositions other than the
/// partitive "of" and words that open a clause (a closed class of function words).
const PHRASE_ENDS: &[&str] = &[
    "in", "on", "at", "to", "for", "from", "with", "by", "as", "after", "before", "during", "into",
    "over", "under", "near", "since", "because", "and", "but", "or", "which", "who", "that",
    "when", "while", "amid", "against", "without",
];
/// Particles of a phrasal verb ("shut down", "closed off") skipped before the object.
const PARTICLES: &[&str] = &["down", "up", "off", "out"];
/// Most words of an object phrase read after the predicate.
const PHRASE_REACH: usize = 12;

/// The object phrase after a claim's predicate as content stems, and its head (the last
/// content word before the phrase ends): the claim's own object when it has one, else the
/// words after a particle ("shut down the access lanes").
fn object_phrase(
    context: &Context<'_>,
    at: PassageRef,
    claim: &ClaimFeature,
) -> Option<(String, HashSet<String>, usize)> {
    let passage = &context.corpus.documents[at.document.get()].passages[at.passage.get()];
    let from = claim.end.min(passage.end);
    let text = &context.text(at.document)[from..passage.end];
    let end = text
        .find(['.', ',', ';', ':', '!', '?', '(', '"', '“'])
        .unwrap_or(text.len());
    let mut stems = HashSet::new();
    let mut head = None;
    let mut head_end = claim.end;
    for (i, token) in crate::text::tokens(&text[..end])
        .iter()
        .take(PHRASE_REACH)
        .enumerate()
    {
        let word = crate::text::fold(token.text);
        if i == 0 && PARTICLES.contains(&word.as_str()) {
            continue;
        }
        if PHRASE_ENDS.contains(&word.as_str()) && head.is_some() {
            break;
        }
        if context.lexicon.stopwords.contains(&word) || !word.chars().all(char::is_alphabetic) {
            continue;
        }
        let stem = context.stemmer.stem(&word);
        head = Some(stem.clone());
        head_end = from + token.end;
        stems.insert(stem);
    }
    // The claim's own object counts among the phrase's words; the head stays the last
    // content word, since the parsed head of "two of the gates" is "two".
    if let Some(object) = claim.object.as_ref().filter(|o| !o.pronoun) {
        stems.insert(object.head.clone());
        if head.is_none() {
            return Some((object.head.clone(), stems, object.end));
        }
    }
    head.map(|h| (h, stems, head_end))
}

/// How the objects compare: `Some(true)` the same referent or the head of one in the
/// other's phrase, `Some(false)` different ones, `None` when a side has none.
fn same_object(context: &Context<'_>, a: At<'_>, b: At<'_>) -> Option<bool> {
    if let (Some(x), Some(y)) = (&a.1.object, &b.1.object)
        && x.same_referent(y)
    {
        return Some(true);
    }
    let (hx, sx, _) = object_phrase(context, a.0, a.1)?;
    let (hy, sy, _) = object_phrase(context, b.0, b.1)?;
    Some(sx.contains(&hy) || sy.contains(&hx))
}

/// Every claim of the story with a resolved actor, by predicate.
fn index<'c>(context: &Context<'c>) -> HashMap<&'c str, Vec<At<'c>>> {
    let mut out: HashMap<&'c str, Vec<At<'c>>> = HashMap::new();
    for (d, document) in context.corpus.documents.iter().enumerate() {
        for (p, features) in document.features.iter().enumerate() {
            let at = PassageRef {
                document: DocId(d),
                passage: PassageId(p),
            };
            for claim in features.claims.iter().filter(|c| act(context, at, c)) {
                if actor(context, at, claim).is_some() {
                    out.entry(claim.predicate.as_str())
                        .or_default()
                        .push((at, claim));
                }
            }
        }
    }
    out
}

pub fn find(context: &Context<'_>) -> Vec<FindingDraft> {
    let stories = super::super::story_pairs(context);
    let claims = index(context);
    let mut out = Vec::new();
    let mut told: HashSet<(DocId, DocId, usize)> = HashSet::new();
    let mut alleged: Vec<(At<'_>, String)> = claims
        .values()
        .flatten()
        .filter_map(|&(at, c)| allegation(context, at, c).map(|cue| ((at, c), cue)))
        .collect();
    alleged.sort_by_key(|((at, c), _)| (at.document, at.passage, c.start));
    for ((b, cb), cue) in alleged {
        let entity = actor(context, b, cb);
        let mut predicates = vec![cb.predicate.as_str()];
        if let Some(others) = context.lexicon.allegations.same_act.get(&cb.predicate) {
            predicates.extend(others.iter().map(String::as_str));
        }
        let same = |&&(a, ca): &&At<'_>| {
            actor(context, a, ca) == entity
                && same_object(context, (a, ca), (b, cb)) != Some(false)
                && stated(context, a, ca)
        };
        let partners: Vec<At<'_>> = predicates
            .iter()
            .filter_map(|p| claims.get(p))
            .flatten()
            .filter(same)
            .copied()
            .collect();
        // The alleging source states the act itself elsewhere: it does not merely allege it.
        if partners.iter().any(|(a, _)| a.document == b.document) {
            continue;
        }
        for &(a, ca) in &partners {
            if !stories.contains(&(a.document, b.document))
                || !told.insert((a.document, b.document, cb.start))
            {
                continue;
            }
            out.push(finding(context, (a, ca), (b, cb), &cue));
        }
    }
    out
}

/// The finding for a fact in `a` against the allegation in `b`.
fn finding(context: &Context<'_>, a: At<'_>, b: At<'_>, cue: &str) -> FindingDraft {
    let (at_a, ca) = a;
    let (at_b, cb) = b;
    let object = same_object(context, a, b) == Some(true);
    let span = |at: PassageRef, claim: &ClaimFeature, note: &str| {
        let (start, end) = claim_span(claim);
        let start =
            misread_noun(context, at, claim).map_or(start, |noun| claim_span(noun).0.min(start));
        let end = object_phrase(context, at, claim).map_or(end, |(_, _, e)| e.max(end));
        context.claim(at, start, end, None, Some(note.to_string()))
    };
    let claims = vec![
        span(at_a, ca, "states it as fact"),
        span(at_b, cb, "reports it as an allegation"),
    ];
    let event = context.event_of[at_a.document.get()][at_a.passage.get()]
        .filter(|&e| context.event_of[at_b.document.get()][at_b.passage.get()] == Some(e));
    let (ta, tb) = (
        context.features(at_a).term_set(),
        context.features(at_b).term_set(),
    );
    let shared = super::shared_terms(&ta, &tb, &[ca.predicate.as_str(), cb.predicate.as_str()]);
    let name = actor(context, at_a, ca).map_or_else(String::new, |e| {
        context.corpus.entities[e.get()].name.clone()
    });
    let (source_a, source_b) = (
        context.source_name(at_a.document),
        context.source_name(at_b.document),
    );
    let mut evidence = Vec::new();
    evidence.extend(crate::compare::event_evidence(context, event));
    evidence.push(format!(
        "one act: both subjects name {name}; the predicates “{}” and “{}” {}; {}",
        ca.word,
        cb.word,
        if ca.predicate == cb.predicate {
            "are one verb"
        } else {
            "share a main sense in WordNet"
        },
        if object {
            "the same object"
        } else {
            "an object on one side only"
        }
    ));
    evidence.push(format!(
        "{source_a} states it as fact (“{}”); {source_b} reports it as an allegation (“{cue}”)",
        claims[0].text
    ));
    evidence.push(format!("{shared} other content words shared"));
    let confidence = if object {
        SHOWN + 0.03 * shared.min(5) as f32
    } else {
        WEAK
    };
    FindingDraft {
        kind: FindingKind::Contradiction,
        event,
        summary: format!(
            "{source_a} states as fact “{}” where {source_b} reports it as an allegation (“{cue}”): “{}”",
            claims[0].text, claims[1].text
        ),
        claims,
        confidence,
        evidence,
    }
}
