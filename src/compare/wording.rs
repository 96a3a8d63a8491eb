//! `wording`: the same referent named with different loaded terms.
//!
//! Terms come from the wording lexicon (`assets/lexicon/wording.ron`, extendable by users).
//! Two uses of one lexicon entry compete when they are different words: forms of one word
//! ("protest", "protesters") and a term inside a longer one ("government", "military
//! government") do not. Within an event, every competing use is reported together. Across
//! events, two uses are paired only when the words around them agree ("tax relief" and "tax
//! giveaway"), so that unrelated mentions of, say, rebels and terrorists stay apart.

use super::{Context, FindingDraft, components};
use crate::extract::WordingHit;
use crate::model::{DocId, EventId, FindingKind, PassageId, PassageRef};
use crate::text::{fold, tokens};
use std::collections::{BTreeMap, BTreeSet};

struct Use<'a> {
    at: PassageRef,
    hit: &'a WordingHit,
    /// Stems of the term's words.
    stems: Vec<String>,
}

fn stems(context: &Context<'_>, text: &str) -> Vec<String> {
    tokens(&fold(text))
        .iter()
        .map(|t| context.stemmer.stem(t.text))
        .collect()
}

/// Whether two uses name the referent with genuinely different terms.
fn compete(a: &Use<'_>, b: &Use<'_>) -> bool {
    if a.stems == b.stems {
        return false;
    }
    let contains = |long: &[String], short: &[String]| short.iter().all(|s| long.contains(s));
    !(contains(&a.stems, &b.stems) || contains(&b.stems, &a.stems))
}

/// Content stems near a use, its own words included.
fn neighbourhood(context: &Context<'_>, item: &Use<'_>) -> BTreeSet<String> {
    let features = context.features(item.at);
    let Some(position) = features
        .terms
        .iter()
        .position(|(p, _)| *p >= item.hit.start)
    else {
        return BTreeSet::new();
    };
    features.terms[position.saturating_sub(3)..]
        .iter()
        .take_while(|(p, _)| *p < item.hit.end + 24)
        .take(7)
        .map(|(_, t)| t.clone())
        .collect()
}

fn finding(
    context: &Context<'_>,
    entry: usize,
    uses: &[&Use<'_>],
    event: Option<EventId>,
) -> FindingDraft {
    let claims: Vec<_> = uses
        .iter()
        .map(|u| context.claim(u.at, u.hit.start, u.hit.end, Some(u.hit.term.clone()), None))
        .collect();
    let listing: Vec<String> = claims
        .iter()
        .map(|c| format!("“{}” ({})", c.text, context.source_name(c.document)))
        .collect();
    FindingDraft {
        kind: FindingKind::Wording,
        event,
        summary: format!(
            "Sources name the {} differently: {}",
            context.corpus_lexicon_referent(entry),
            listing.join(", ")
        ),
        claims,
    }
}

pub fn find(context: &Context<'_>) -> Vec<FindingDraft> {
    let mut by_entry: BTreeMap<usize, Vec<Use<'_>>> = BTreeMap::new();
    for (d, document) in context.corpus.documents.iter().enumerate() {
        for (p, features) in document.features.iter().enumerate() {
            for hit in &features.wording {
                let at = PassageRef {
                    document: DocId(d),
                    passage: PassageId(p),
                };
                by_entry.entry(hit.entry).or_default().push(Use {
                    at,
                    hit,
                    stems: stems(context, &hit.term),
                });
            }
        }
    }
    let event_of = |at: PassageRef| context.event_of[at.document.get()][at.passage.get()];
    let mut out = Vec::new();
    for (entry, uses) in &by_entry {
        // Within events: the first use of each term in each document.
        let mut per_event: BTreeMap<EventId, Vec<usize>> = BTreeMap::new();
        for (i, u) in uses.iter().enumerate() {
            if let Some(event) = event_of(u.at) {
                let list = per_event.entry(event).or_default();
                let duplicate = list
                    .iter()
                    .any(|&j| uses[j].at.document == u.at.document && uses[j].stems == u.stems);
                if !duplicate {
                    list.push(i);
                }
            }
        }
        // Uses already reported inside an event are not reported again across events.
        let mut reported: BTreeSet<usize> = BTreeSet::new();
        for (event, list) in &per_event {
            let mut links = Vec::new();
            for (x, &i) in list.iter().enumerate() {
                for &j in &list[x + 1..] {
                    if uses[i].at.document != uses[j].at.document && compete(&uses[i], &uses[j]) {
                        links.push((x, x + list[x..].iter().position(|&k| k == j).unwrap_or(0)));
                        reported.insert(i);
                        reported.insert(j);
                    }
                }
            }
            for group in components(list.len(), &links) {
                let members: Vec<&Use<'_>> = group.iter().map(|&g| &uses[list[g]]).collect();
                out.push(finding(context, *entry, &members, Some(*event)));
            }
        }
        // Across events: only where the surrounding words agree.
        if uses.len() > 300 {
            continue;
        }
        let near: Vec<BTreeSet<String>> = uses.iter().map(|u| neighbourhood(context, u)).collect();
        let mut links = Vec::new();
        for i in 0..uses.len() {
            for j in i + 1..uses.len() {
                let (a, b) = (&uses[i], &uses[j]);
                let same_event = event_of(a.at).is_some() && event_of(a.at) == event_of(b.at);
                if a.at.document == b.at.document
                    || same_event
                    || !compete(a, b)
                    || reported.contains(&i)
                    || reported.contains(&j)
                {
                    continue;
                }
                let own: BTreeSet<&String> = a.stems.iter().chain(&b.stems).collect();
                let shared = near[i]
                    .intersection(&near[j])
                    .filter(|w| !own.contains(w))
                    .count();
                // A word of one term stands next to the other ("tax relief", "tax giveaway").
                let head_shared = a
                    .stems
                    .iter()
                    .any(|w| near[j].contains(w) && !b.stems.contains(w))
                    || b.stems
                        .iter()
                        .any(|w| near[i].contains(w) && !a.stems.contains(w));
                if shared >= 2 || head_shared {
                    links.push((i, j));
                }
            }
        }
        for group in components(uses.len(), &links) {
            let members: Vec<&Use<'_>> = group.iter().map(|&g| &uses[g]).collect();
            let event = members.iter().find_map(|u| event_of(u.at));
            out.push(finding(context, *entry, &members, event));
        }
    }
    out
}
