//! `name_variant`: one entity spelled differently across sources.
//!
//! Entity resolution already decided which mentions name the same entity. Here each mention
//! is aligned word by word with the entity's fullest name; a word position written two ways
//! (Goïta / Goita / Guetta, Sergey / Sergei) makes a variant. Partial names ("Goïta" for
//! "Assimi Goïta") and differences of case only are not variants. One finding per entity,
//! with one claim for each spelling.

use super::{Context, FindingDraft};
use crate::model::{FindingKind, PassageRef};
use crate::text::fold;
use std::collections::{BTreeMap, BTreeSet};

fn words(text: &str) -> Vec<String> {
    crate::text::tokens(text)
        .iter()
        .map(|t| {
            let lower = t.text.to_lowercase();
            lower
                .strip_suffix("'s")
                .or_else(|| lower.strip_suffix("’s"))
                .unwrap_or(&lower)
                .to_string()
        })
        .collect()
}

pub fn find(context: &Context<'_>) -> Vec<FindingDraft> {
    let mut out = Vec::new();
    for entity in &context.corpus.entities {
        if entity.aliases.len() < 2 {
            continue;
        }
        let canonical = words(&entity.name);
        let canonical_folded: Vec<String> = canonical.iter().map(|w| fold(w)).collect();
        // For each canonical position, the spellings seen and a mention for each.
        let mut spellings: BTreeMap<usize, BTreeMap<String, usize>> = BTreeMap::new();
        for (mention_index, mention) in entity.mentions.iter().enumerate() {
            for word in words(&mention.text) {
                let folded = fold(&word);
                let position = canonical_folded
                    .iter()
                    .enumerate()
                    .max_by(|a, b| {
                        strsim::jaro_winkler(a.1, &folded)
                            .total_cmp(&strsim::jaro_winkler(b.1, &folded))
                            .then(b.0.cmp(&a.0))
                    })
                    .map_or(0, |(p, _)| p);
                spellings
                    .entry(position)
                    .or_default()
                    .entry(word)
                    .or_insert(mention_index);
            }
        }
        let mut chosen: BTreeSet<usize> = BTreeSet::new();
        let mut variant_words = Vec::new();
        for forms in spellings.values() {
            if forms.len() < 2 {
                continue;
            }
            for (word, &mention_index) in forms {
                chosen.insert(mention_index);
                variant_words.push(word.clone());
            }
        }
        if chosen.len() < 2 {
            continue;
        }
        let mut claims = Vec::new();
        for &mention_index in &chosen {
            let mention = &entity.mentions[mention_index];
            let Some(passage) = context.passage_at(mention.document, mention.start) else {
                continue;
            };
            claims.push(context.claim(
                PassageRef {
                    document: mention.document,
                    passage,
                },
                mention.start,
                mention.end,
                Some(mention.text.clone()),
                None,
            ));
        }
        if claims.len() < 2 {
            continue;
        }
        let listing: Vec<String> = claims
            .iter()
            .map(|c| format!("{} ({})", c.text, context.source_name(c.document)))
            .collect();
        out.push(FindingDraft {
            kind: FindingKind::NameVariant,
            event: None,
            summary: format!(
                "{} is spelled differently: {}",
                entity.name,
                listing.join(", ")
            ),
            claims,
        });
    }
    out
}
