//! Who says a linked quote in each source, for `quote_attribution`: two different named
//! speakers, or a named speaker in one source and none in another.
//!
//! A speaker counts as named when it is read without a guess ([`QuoteFeature::speaker_sure`]:
//! named beside the quote, a pronoun after a named speaker, or carried through a quote run
//! from one). A source counts as naming nobody only when every version of the quote in it
//! is [`QuoteFeature::unnamed`]: no name and no speech cue at the quote or before it, or a
//! nameless source ("a statement", "an aide"). A pronoun we could not resolve, a guessed
//! name, or a quote that carries on someone's run is neither, and the finding abstains.

use super::Item;
use crate::compare::Context;
use crate::extract::{QuoteFeature, SpeakerBasis};
use crate::model::{DocId, EntityId, EntityKind};
use std::collections::{BTreeMap, BTreeSet};

/// A quote given to a named speaker by some sources and to nobody by others.
pub(super) struct NamedAgainstUnnamed {
    /// Whether a source names the speaker only through a quote run.
    pub carried: bool,
}

/// Whether a quote's speaker is a named person or organisation read without a guess.
pub(super) fn named(context: &Context<'_>, quote: &QuoteFeature) -> bool {
    quote.speaker_sure()
        && quote.speaker.is_some_and(|e| {
            matches!(
                context.corpus.entities[e.get()].kind,
                EntityKind::Person | EntityKind::Organisation
            )
        })
}

/// The speakers of a group, when one named speaker gives it in some sources and the others
/// name nobody: every version in a source unnamed, every named version the same entity.
pub(super) fn named_against_unnamed(
    context: &Context<'_>,
    group: &[usize],
    items: &[Item<'_>],
) -> Option<NamedAgainstUnnamed> {
    let mut by_document: BTreeMap<DocId, Vec<&QuoteFeature>> = BTreeMap::new();
    for &i in group {
        by_document
            .entry(items[i].0.document)
            .or_default()
            .push(items[i].1);
    }
    let unnamed_documents = by_document
        .values()
        .filter(|quotes| quotes.iter().all(|q| q.unnamed()))
        .count();
    let named_quotes: Vec<&QuoteFeature> = by_document
        .values()
        .flatten()
        .copied()
        .filter(|q| named(context, q))
        .collect();
    let speakers: BTreeSet<EntityId> = named_quotes.iter().filter_map(|q| q.speaker).collect();
    let named_documents = by_document
        .values()
        .filter(|quotes| quotes.iter().any(|q| named(context, q)))
        .count();
    (unnamed_documents >= 1 && named_documents >= 1 && speakers.len() == 1).then(|| {
        NamedAgainstUnnamed {
            carried: named_quotes
                .iter()
                .all(|q| matches!(q.speaker_basis, SpeakerBasis::Carried { .. })),
        }
    })
}

/// Whether two named speakers may be one person under two names: a word of one name in
/// the other (a surname, a title left in), which entity resolution did not join.
pub(super) fn maybe_one_person(context: &Context<'_>, speakers: &BTreeSet<EntityId>) -> bool {
    let words = |e: &EntityId| -> BTreeSet<String> {
        context.corpus.entities[e.get()]
            .name
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 3 && w.chars().next().is_some_and(char::is_uppercase))
            .map(crate::text::fold)
            .collect()
    };
    let all: Vec<&EntityId> = speakers.iter().collect();
    all.iter().enumerate().any(|(n, a)| {
        all[n + 1..]
            .iter()
            .any(|b| !words(a).is_disjoint(&words(b)))
    })
}

/// How a source gives the quote, in words, for the evidence: "FOX names no speaker (no
/// speech cue at the quote or before it)", "NYT: Jon Thompson, named beside the quote".
pub(super) fn how_given(context: &Context<'_>, document: DocId, quote: &QuoteFeature) -> String {
    let source = context.source_name(document);
    let name = quote
        .speaker
        .map(|e| context.corpus.entities[e.get()].name.clone());
    match (&quote.speaker_basis, name) {
        (SpeakerBasis::Unnamed, _) => format!(
            "{source} names no speaker (no name or speech cue at the quote or in the sentence before it)"
        ),
        (SpeakerBasis::Nameless(words), _) => {
            format!("{source} gives it to a nameless source (\u{201c}{words}\u{201d})")
        }
        (SpeakerBasis::Carried { .. }, Some(name)) => format!(
            "{source}: {name}, carried from the quote just before it in the same run (no attribution of its own)"
        ),
        (SpeakerBasis::Pronoun, Some(name)) => {
            format!("{source}: {name}, by a pronoun after the quote (\u{201c}…,\u{201d} he said)")
        }
        (_, Some(name)) => format!("{source}: {name}, named beside the quote"),
        (_, None) => format!("{source}: speaker not read"),
    }
}
