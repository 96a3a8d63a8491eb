//! `wording`: the same referent named with different loaded terms.
//!
//! Terms come from the wording lexicon (`assets/lexicon/wording.ron`, extendable by users).
//! Within one event, when two sources use different terms of one lexicon entry, for example
//! "mercenaries" against "private military company", that is a framing difference worth a
//! reader's attention. One finding per event and entry, with a claim for each source's term.

use super::{Context, FindingDraft};
use crate::model::{EventId, FindingKind};
use crate::text::fold;
use std::collections::BTreeMap;

fn normal(term: &str) -> String {
    let folded = fold(term);
    folded
        .strip_suffix('s')
        .map(str::to_string)
        .unwrap_or(folded)
}

/// Content stems within three words of a hit, the hit's own words included.
fn neighbourhood(
    context: &Context<'_>,
    at: crate::model::PassageRef,
    hit: &crate::extract::WordingHit,
) -> Vec<String> {
    let features = context.features(at);
    let position = features.terms.iter().position(|(p, _)| *p >= hit.start);
    let Some(position) = position else {
        return Vec::new();
    };
    let first = position.saturating_sub(3);
    let mut words: Vec<String> = features.terms[first..]
        .iter()
        .take_while(|(p, _)| *p < hit.end + 24)
        .take(7)
        .map(|(_, t)| t.clone())
        .collect();
    words.sort();
    words.dedup();
    words
}

/// Loaded terms of one lexicon entry in different events, when the words around them agree
/// ("tax relief" and "tax giveaway"): the same referent, named two ways.
fn across_events(context: &Context<'_>, out: &mut Vec<FindingDraft>) {
    let mut hits: BTreeMap<usize, Vec<(crate::model::PassageRef, &crate::extract::WordingHit)>> =
        BTreeMap::new();
    for (d, document) in context.corpus.documents.iter().enumerate() {
        for (p, features) in document.features.iter().enumerate() {
            for hit in &features.wording {
                let at = crate::model::PassageRef {
                    document: crate::model::DocId(d),
                    passage: crate::model::PassageId(p),
                };
                hits.entry(hit.entry).or_default().push((at, hit));
            }
        }
    }
    for (entry, list) in hits {
        if list.len() > 300 {
            continue;
        }
        let words: Vec<Vec<String>> = list
            .iter()
            .map(|(at, hit)| neighbourhood(context, *at, hit))
            .collect();
        for (i, (at_a, a)) in list.iter().enumerate() {
            for (j, (at_b, b)) in list.iter().enumerate().skip(i + 1) {
                let same_event = context.event_of[at_a.document.get()][at_a.passage.get()]
                    .is_some()
                    && context.event_of[at_a.document.get()][at_a.passage.get()]
                        == context.event_of[at_b.document.get()][at_b.passage.get()];
                if at_a.document == at_b.document
                    || same_event
                    || normal(&a.term) == normal(&b.term)
                {
                    continue;
                }
                let own: Vec<String> = crate::text::tokens(&fold(&a.term))
                    .iter()
                    .chain(crate::text::tokens(&fold(&b.term)).iter())
                    .map(|t| t.text.to_string())
                    .collect();
                let shared = words[i]
                    .iter()
                    .filter(|w| {
                        words[j].contains(w) && !own.iter().any(|o| o.starts_with(w.as_str()))
                    })
                    .count();
                // A word of one term stands next to the other ("tax relief" and "tax
                // giveaway"), or two other words around them agree.
                let stems = |term: &str| -> Vec<String> {
                    crate::text::tokens(&fold(term))
                        .iter()
                        .map(|t| context.stemmer.stem(t.text))
                        .collect()
                };
                let (own_a, own_b) = (stems(&a.term), stems(&b.term));
                let head_shared = own_a.iter().any(|w| words[j].contains(w))
                    || own_b.iter().any(|w| words[i].contains(w));
                if shared < 2 && !head_shared {
                    continue;
                }
                let claims = vec![
                    context.claim(*at_a, a.start, a.end, Some(a.term.clone()), None),
                    context.claim(*at_b, b.start, b.end, Some(b.term.clone()), None),
                ];
                let referent = context.corpus_lexicon_referent(entry);
                let listing: Vec<String> = claims
                    .iter()
                    .map(|c| format!("“{}” ({})", c.text, context.source_name(c.document)))
                    .collect();
                let event = context.event_of[at_a.document.get()][at_a.passage.get()]
                    .or(context.event_of[at_b.document.get()][at_b.passage.get()]);
                out.push(FindingDraft {
                    kind: FindingKind::Wording,
                    event,
                    summary: format!(
                        "Sources frame the {referent} differently: {}",
                        listing.join(", ")
                    ),
                    claims,
                });
            }
        }
    }
}

pub fn find(context: &Context<'_>) -> Vec<FindingDraft> {
    let mut out = Vec::new();
    across_events(context, &mut out);
    for (event_index, event) in context.alignment.events.iter().enumerate() {
        // entry -> term -> first occurrence per document
        let mut uses: BTreeMap<usize, BTreeMap<String, Vec<_>>> = BTreeMap::new();
        for &at in &event.passages {
            for hit in &context.features(at).wording {
                let list = uses
                    .entry(hit.entry)
                    .or_default()
                    .entry(normal(&hit.term))
                    .or_default();
                if !list
                    .iter()
                    .any(|(a, _): &(crate::model::PassageRef, _)| a.document == at.document)
                {
                    list.push((at, hit));
                }
            }
        }
        for (entry, terms) in uses {
            if terms.len() < 2 {
                continue;
            }
            let documents: std::collections::BTreeSet<_> = terms
                .values()
                .flat_map(|list| list.iter().map(|(at, _)| at.document))
                .collect();
            if documents.len() < 2 {
                continue;
            }
            // At least two documents must differ: some document's term is absent elsewhere.
            let mut claims = Vec::new();
            for list in terms.values() {
                for (at, hit) in list {
                    claims.push(context.claim(
                        *at,
                        hit.start,
                        hit.end,
                        Some(hit.term.clone()),
                        None,
                    ));
                }
            }
            let referent = &context.corpus_lexicon_referent(entry);
            let listing: Vec<String> = claims
                .iter()
                .map(|c| format!("“{}” ({})", c.text, context.source_name(c.document)))
                .collect();
            out.push(FindingDraft {
                kind: FindingKind::Wording,
                event: Some(EventId(event_index)),
                summary: format!(
                    "Sources frame the {referent} differently: {}",
                    listing.join(", ")
                ),
                claims,
            });
        }
    }
    out
}
