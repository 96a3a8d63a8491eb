//! Swapped roles: two sources tell the same act between the same two referents with its
//! subject and object exchanged ("Vesna followed Orlo" against "Orlo followed Vesna"): who
//! did what to whom is disputed.
//!
//! Both claims must be plain assertions (no negation, modal, hedge, question or condition,
//! no passive, no dependent infinitive) of the same predicate, with a resolved name as
//! subject and a different resolved name as direct object on each side (never a pronoun:
//! the claim layer resolves none, so a pronoun is left unknown), in two documents of one
//! story. Silent on purpose: a verb of a mutual act (`assets/lexicon/reciprocal_verbs_en.txt`,
//! built from WordNet glosses by `build_reciprocal_verbs.py`: "meet", "debate", "join"), a
//! sentence that marks the act as mutual ("each other", "one another", "both", "together",
//! "mutual"), a source that states both directions itself, and two claims dated to different
//! occasions ([`super::occasions::other_occasions`]). Claims are indexed by (predicate,
//! subject, object), so the work grows with the claims, not with pairs of passages.

use super::{Context, FindingDraft, claim_span, hedged, open_clause, other_occasions};
use crate::extract::claims::ClaimFeature;
use crate::model::{DocId, EntityId, FindingKind, PassageRef};
use std::collections::{BTreeMap, HashSet};
use std::sync::OnceLock;

const RECIPROCAL: &str = include_str!("../../../assets/lexicon/reciprocal_verbs_en.txt");

/// Words that make an act mutual in its sentence.
const MUTUAL_CUES: &[&str] = &["each", "another", "both", "together", "mutual", "mutually"];

/// The stems of the verbs of a mutual act.
fn reciprocal(context: &Context<'_>) -> &'static HashSet<String> {
    static STEMS: OnceLock<HashSet<String>> = OnceLock::new();
    STEMS.get_or_init(|| {
        RECIPROCAL
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .map(|l| context.stemmer.stem(l.trim()))
            .collect()
    })
}

/// (subject, object) of a plain assertion between two named referents.
fn roles(
    context: &Context<'_>,
    at: PassageRef,
    claim: &ClaimFeature,
) -> Option<(EntityId, EntityId)> {
    if claim.negation.is_some()
        || claim.modal
        || claim.passive
        || claim.dependent
        || claim.copula
        || reciprocal(context).contains(&claim.predicate)
    {
        return None;
    }
    let named = |a: &Option<crate::extract::claims::Argument>| {
        a.as_ref().filter(|a| !a.pronoun).and_then(|a| a.entity)
    };
    let (subject, object) = (named(&claim.subject)?, named(&claim.object)?);
    if subject == object || hedged(context, at, claim) || open_clause(context, at, claim) {
        return None;
    }
    // "each other", "both", "together" in the sentence of the claim.
    let passage = &context.corpus.documents[at.document.get()].passages[at.passage.get()];
    let text = &context.text(at.document)[passage.start..passage.end];
    let mutual = crate::text::tokens(text)
        .iter()
        .any(|t| MUTUAL_CUES.contains(&crate::text::fold(t.text).as_str()));
    (!mutual).then_some((subject, object))
}

/// The claims that state one (predicate, subject, object).
type Stated<'a> = Vec<(PassageRef, &'a ClaimFeature)>;

pub fn find(context: &Context<'_>) -> Vec<FindingDraft> {
    let stories = super::super::story_pairs(context);
    let mut index: BTreeMap<(&str, EntityId, EntityId), Stated<'_>> = BTreeMap::new();
    for (d, document) in context.corpus.documents.iter().enumerate() {
        for (p, features) in document.features.iter().enumerate() {
            let at = PassageRef {
                document: DocId(d),
                passage: crate::model::PassageId(p),
            };
            for claim in &features.claims {
                if let Some((s, o)) = roles(context, at, claim) {
                    index
                        .entry((claim.predicate.as_str(), s, o))
                        .or_default()
                        .push((at, claim));
                }
            }
        }
    }
    let documents = |list: &[(PassageRef, &ClaimFeature)]| -> HashSet<DocId> {
        list.iter().map(|(at, _)| at.document).collect()
    };
    let mut out = Vec::new();
    for (&(predicate, s, o), list) in &index {
        if s > o {
            continue;
        }
        let Some(swapped) = index.get(&(predicate, o, s)) else {
            continue;
        };
        // A source that states both directions tells of two acts, or of a mutual one.
        let both = &documents(list) & &documents(swapped);
        let mut told: HashSet<(DocId, DocId)> = HashSet::new();
        for &(at_a, a) in list.iter().filter(|(at, _)| !both.contains(&at.document)) {
            for &(at_b, b) in swapped
                .iter()
                .filter(|(at, _)| !both.contains(&at.document))
            {
                let pair = (at_a.document, at_b.document);
                if !stories.contains(&pair)
                    || told.contains(&pair)
                    || other_occasions(context, (at_a, a), (at_b, b))
                {
                    continue;
                }
                told.insert(pair);
                out.push(finding(context, (at_a, a), (at_b, b)));
            }
        }
    }
    out
}

fn finding(
    context: &Context<'_>,
    (at_a, a): (PassageRef, &ClaimFeature),
    (at_b, b): (PassageRef, &ClaimFeature),
) -> FindingDraft {
    let claim = |at: PassageRef, c: &ClaimFeature| {
        let (start, end) = claim_span(c);
        context.claim(at, start, end, None, Some("who did what to whom".into()))
    };
    let claims = vec![claim(at_a, a), claim(at_b, b)];
    let event = context.event_of[at_a.document.get()][at_a.passage.get()]
        .filter(|&e| context.event_of[at_b.document.get()][at_b.passage.get()] == Some(e));
    let name = |at: PassageRef, arg: &Option<crate::extract::claims::Argument>| {
        arg.as_ref().map_or(String::new(), |x| {
            context.text(at.document)[x.start..x.end].to_string()
        })
    };
    let mut evidence = vec![
        format!(
            "{}: “{}” {} “{}”; {}: “{}” {} “{}”",
            context.source_name(at_a.document),
            name(at_a, &a.subject),
            a.word,
            name(at_a, &a.object),
            context.source_name(at_b.document),
            name(at_b, &b.subject),
            b.word,
            name(at_b, &b.object),
        ),
        "the same act with subject and object exchanged between the same two named referents"
            .into(),
        "no source states both directions; the verb is not of a mutual act".into(),
    ];
    let mut confidence: f32 = 0.6;
    if let Some(line) = super::super::event_evidence(context, event) {
        evidence.insert(0, line);
        confidence += 0.1;
    } else {
        evidence.push("the passages lie in different events of one story".into());
    }
    if a.word == b.word {
        confidence += 0.05;
    }
    FindingDraft {
        kind: FindingKind::Contradiction,
        event,
        summary: format!(
            "Sources exchange who did what to whom: {}",
            context.listing(&claims, " vs ")
        ),
        claims,
        confidence: confidence.clamp(0.05, 0.9),
        evidence,
    }
}
