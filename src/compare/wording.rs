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

pub fn find(context: &Context<'_>) -> Vec<FindingDraft> {
    let mut out = Vec::new();
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
