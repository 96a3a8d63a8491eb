//! `name_variant`: one person, organisation or place spelled differently across sources.
//!
//! Entity resolution already decided which mentions name the same entity. Here each mention
//! is aligned part by part with the entity's fullest name (hyphens separate parts, so "Kim
//! Jong-un" and "Kim Jong Un" line up); a part written two ways by different sources
//! (Goïta / Goita / Guetta, Sergey / Sergei) or joined differently (Jong-un / Jong Un) makes
//! a variant. Only names of people, organisations and places count: "Democrats" and
//! "Democratic" are forms of one word, not spellings of a name. Partial names ("Goïta" for
//! "Assimi Goïta"), differences of case and typographic apostrophes are not variants. One
//! finding per entity, with one claim for each spelling.

use super::{Context, FindingDraft};
use crate::model::{DocId, EntityKind, FindingKind, PassageRef};
use crate::text::fold;
use std::collections::{BTreeMap, BTreeSet};

/// The parts of a name as written: lower case, possessive removed, typographic apostrophes
/// made plain, split at spaces and hyphens.
fn parts(text: &str) -> Vec<String> {
    let plain = text.replace(['’', '‘'], "'");
    crate::text::tokens(&plain)
        .iter()
        .flat_map(|t| {
            let lower = t.text.to_lowercase();
            let lower = lower.strip_suffix("'s").unwrap_or(&lower).to_string();
            lower
                .split('-')
                .filter(|w| !w.is_empty())
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect()
}

/// How a mention joins its parts: hyphen or space after each part but the last.
fn joins(text: &str) -> Vec<bool> {
    let plain = text.replace(['’', '‘'], "'");
    crate::text::tokens(&plain)
        .iter()
        .flat_map(|t| {
            let pieces = t.text.split('-').filter(|w| !w.is_empty()).count();
            let mut marks = vec![true; pieces.saturating_sub(1)];
            marks.push(false);
            marks
        })
        .collect()
}

/// Places marked for each spelling of a name in each source.
const MARKS_PER_FORM: usize = 3;

/// A spelling (or a way of joining the parts) of a name: the first mention that writes it
/// and the documents that do.
type Form = (usize, BTreeSet<DocId>);
/// For each position in an entity's fullest name, the spellings of that part.
type Spellings = BTreeMap<usize, BTreeMap<String, Form>>;

/// What differs in an entity's name across sources: the mentions chosen to show it, a line
/// per differing part ("goïta / guetta", "hyphenation") and the differing words.
#[derive(Default)]
struct Differing {
    chosen: BTreeSet<usize>,
    lines: Vec<String>,
    words: BTreeSet<String>,
}

pub fn find(context: &Context<'_>) -> Vec<FindingDraft> {
    let mut out = Vec::new();
    for entity in &context.corpus.entities {
        if entity.aliases.len() < 2 || entity.kind == EntityKind::Other {
            continue;
        }
        let mut differing = differing(context, entity);
        if differing.chosen.len() < 2 || differing.lines.is_empty() {
            continue;
        }
        mark_every_form(entity, &mut differing);
        let claims = claims(context, entity, &differing.chosen);
        let sources: BTreeSet<DocId> = claims.iter().map(|c| c.document).collect();
        if claims.len() < 2 || sources.len() < 2 {
            continue;
        }
        out.push(finding(context, entity, claims, &differing));
    }
    out
}

/// The spellings of each part of an entity's name, by position in its fullest name, and
/// the ways its mentions with every part join them.
fn forms(entity: &crate::model::Entity) -> (Spellings, BTreeMap<Vec<bool>, Form>) {
    let canonical = parts(&entity.name);
    let canonical_folded: Vec<String> = canonical.iter().map(|w| fold(w)).collect();
    let mut spellings: Spellings = BTreeMap::new();
    let mut joinings: BTreeMap<Vec<bool>, Form> = BTreeMap::new();
    for (mention_index, mention) in entity.mentions.iter().enumerate() {
        let mention_parts = parts(&mention.text);
        if mention_parts.len() == canonical.len() && canonical.len() >= 2 {
            let entry = joinings
                .entry(joins(&mention.text))
                .or_insert((mention_index, BTreeSet::new()));
            entry.1.insert(mention.document);
        }
        for word in mention_parts {
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
            let entry = spellings
                .entry(position)
                .or_default()
                .entry(word)
                .or_insert((mention_index, BTreeSet::new()));
            entry.1.insert(mention.document);
        }
    }
    (spellings, joinings)
}

/// The parts of an entity's name that sources of one language write differently.
fn differing(context: &Context<'_>, entity: &crate::model::Entity) -> Differing {
    // "France", "Francia" and "Frankrijk" are one name in three languages, not three
    // spellings: spellings are compared only between sources written in one language.
    let languages = &context.languages;
    let (spellings, joinings) = forms(entity);
    let mut differing = Differing::default();
    // The spellings must come from different sources: one source writing a name two ways
    // is a typo of that source, not a difference between sources.
    let across_sources = |forms: &[&Form]| {
        forms.iter().enumerate().any(|(i, a)| {
            forms[i + 1..].iter().any(|b| {
                a.1.iter().any(|x| {
                    b.1.iter()
                        .any(|y| x != y && languages[x.get()] == languages[y.get()])
                })
            })
        })
    };
    for forms in spellings.values() {
        if forms.len() < 2 {
            continue;
        }
        let seen: Vec<&Form> = forms.values().collect();
        // Forms of one word ("Democrats", "Democratic"; "Republican", "Republicans") are
        // grammar, not spelling.
        let stems: BTreeSet<String> = forms
            .keys()
            .map(|w| context.stemmer.stem(&w.replace(['\'', '’'], "")))
            .collect();
        if stems.len() >= 2 && across_sources(&seen) {
            differing
                .chosen
                .extend(seen.iter().map(|(mention, _)| *mention));
            let words: Vec<&str> = forms.keys().map(String::as_str).collect();
            differing.lines.push(words.join(" / "));
            differing.words.extend(forms.keys().cloned());
        }
    }
    let seen: Vec<&Form> = joinings.values().collect();
    if across_sources(&seen) {
        differing
            .chosen
            .extend(seen.iter().map(|(mention, _)| *mention));
        differing.lines.push("hyphenation".to_string());
    }
    differing
}

/// Every place a differing spelling is written is marked (the first few of each spelling in
/// each source), so that the reader sees each source's form where it is.
fn mark_every_form(entity: &crate::model::Entity, differing: &mut Differing) {
    let mut per_form: BTreeMap<(DocId, String), usize> = BTreeMap::new();
    for (mention_index, mention) in entity.mentions.iter().enumerate() {
        if !parts(&mention.text)
            .iter()
            .any(|w| differing.words.contains(w))
        {
            continue;
        }
        let count = per_form
            .entry((mention.document, mention.text.clone()))
            .or_default();
        *count += 1;
        if *count <= MARKS_PER_FORM {
            differing.chosen.insert(mention_index);
        }
    }
}

/// One claim for each chosen mention.
fn claims(
    context: &Context<'_>,
    entity: &crate::model::Entity,
    chosen: &BTreeSet<usize>,
) -> Vec<crate::model::Claim> {
    chosen
        .iter()
        .filter_map(|&mention_index| {
            let mention = &entity.mentions[mention_index];
            let passage = context.passage_at(mention.document, mention.start)?;
            Some(context.claim(
                PassageRef {
                    document: mention.document,
                    passage,
                },
                mention.start,
                mention.end,
                Some(mention.text.clone()),
                None,
            ))
        })
        .collect()
}

/// Each spelling once, with the sources that write it: the fullest forms, and any shorter
/// form whose differing word they lack ("Sandi" where every full name says "Sandra").
fn listing(
    context: &Context<'_>,
    claims: &[crate::model::Claim],
    differing_words: &BTreeSet<String>,
) -> Vec<String> {
    let longest = claims
        .iter()
        .map(|c| parts(&c.text).len())
        .max()
        .unwrap_or(0);
    let full_words: BTreeSet<String> = claims
        .iter()
        .filter(|c| parts(&c.text).len() == longest)
        .flat_map(|c| parts(&c.text))
        .collect();
    let listed = |text: &str| {
        let words = parts(text);
        words.len() == longest
            || words
                .iter()
                .any(|w| differing_words.contains(w) && !full_words.contains(w))
    };
    let mut by_spelling: Vec<(String, Vec<String>)> = Vec::new();
    for claim in claims.iter().filter(|c| listed(&c.text)) {
        let source = context.source_name(claim.document);
        match by_spelling.iter_mut().find(|(text, _)| *text == claim.text) {
            Some((_, sources)) if !sources.contains(&source) => sources.push(source),
            Some(_) => {}
            None => by_spelling.push((claim.text.clone(), vec![source])),
        }
    }
    by_spelling
        .iter()
        .map(|(text, sources)| format!("{text} ({})", sources.join(", ")))
        .collect()
}

/// The finding for one entity: its spellings, the evidence and the confidence.
fn finding(
    context: &Context<'_>,
    entity: &crate::model::Entity,
    claims: Vec<crate::model::Claim>,
    differing: &Differing,
) -> FindingDraft {
    let listing = listing(context, &claims, &differing.words);
    let kind = match entity.kind {
        EntityKind::Person => "person",
        EntityKind::Place => "place",
        _ => "organisation",
    };
    let documents = entity
        .mentions
        .iter()
        .map(|m| m.document)
        .collect::<BTreeSet<_>>()
        .len();
    let mut evidence = vec![
        format!(
            "one {kind}, {}: {} mentions in {documents} sources resolved together",
            entity.name,
            entity.mentions.len(),
        ),
        format!("spelled differently: {}", differing.lines.join("; ")),
    ];
    if !entity.roles.is_empty() {
        evidence.push(format!(
            "the sources name one role of one person: {}",
            entity.roles.join("; ")
        ));
    }
    // A person whose other name parts agree is surest; a lone differing word less so.
    let confidence = match (entity.kind, parts(&entity.name).len() >= 2) {
        (EntityKind::Person, true) => 0.85,
        (EntityKind::Person, false) => 0.7,
        (_, true) => 0.75,
        (_, false) => 0.65,
    };
    FindingDraft {
        kind: FindingKind::NameVariant,
        event: None,
        summary: format!(
            "{} is spelled differently: {}",
            entity.name,
            listing.join(", ")
        ),
        claims,
        confidence,
        evidence,
    }
}
