//! The words of a name that tell people apart, and which shorter name stands for which
//! fuller one in two documents.
//!
//! Entity resolution keeps apart names it cannot join safely: "Vell Jr" beside "Oren T.
//! Vell Jr", a title it did not know ("Special Counsel Oren Vell") beside "Oren Vell". A
//! detector that already holds other evidence of one referent (the same legal act, the
//! same inquiry) may take a shorter name for the one fuller name holding all its words, and
//! only when no two fuller names do ("Vell" beside "Oren Vell" and "Mara Vell" stays apart).

use super::Context;
use crate::model::{DocId, EntityId};
use crate::text::{fold, tokens};
use std::collections::BTreeSet;

/// The words of a person's name that tell people apart: lower case, initials left out
/// ("Vell Jr", "Oren T. Vell Jr" give {vell, jr} and {oren, vell, jr}).
pub(super) fn name_words(context: &Context<'_>, entity: EntityId) -> BTreeSet<String> {
    tokens(&context.corpus.entities[entity.get()].name)
        .iter()
        .map(|t| fold(t.text))
        .filter(|w| w.chars().count() > 1)
        .collect()
}

/// The people two documents name, so that a shorter name the resolver left apart ("Vell
/// Jr") is taken for the one fuller name that holds all its words ("Oren Vell Jr"), and
/// kept apart when two fuller names hold them ("Vell": "Oren Vell", "Mara Vell").
pub(super) struct Names {
    people: Vec<(EntityId, BTreeSet<String>)>,
}

impl Names {
    /// The entities of the documents that `keep` accepts, with their name words; `named`
    /// is [`named_by_document`].
    pub(super) fn new(
        context: &Context<'_>,
        named: &[BTreeSet<EntityId>],
        documents: &[DocId],
        keep: impl Fn(EntityId) -> bool,
    ) -> Names {
        let seen: BTreeSet<EntityId> = documents
            .iter()
            .flat_map(|d| named[d.get()].iter().copied())
            .collect();
        Names {
            people: seen
                .into_iter()
                .filter(|&e| keep(e))
                .map(|e| (e, name_words(context, e)))
                .filter(|(_, words)| !words.is_empty())
                .collect(),
        }
    }

    /// The person a name stands for: the fullest name holding its words when every name
    /// holding them holds one another (a chain), else itself.
    pub(super) fn key(&self, entity: EntityId) -> EntityId {
        let Some((_, words)) = self.people.iter().find(|(e, _)| *e == entity) else {
            return entity;
        };
        let holders: Vec<&(EntityId, BTreeSet<String>)> = self
            .people
            .iter()
            .filter(|(_, w)| words.is_subset(w))
            .collect();
        let chain = holders.iter().all(|(_, a)| {
            holders
                .iter()
                .all(|(_, b)| a.is_subset(b) || b.is_subset(a))
        });
        if !chain {
            return entity;
        }
        holders
            .iter()
            .max_by_key(|(e, w)| (w.len(), std::cmp::Reverse(*e)))
            .map_or(entity, |(e, _)| *e)
    }
}

/// The entities each document names, read once for all pairs of documents.
pub(super) fn named_by_document(context: &Context<'_>) -> Vec<BTreeSet<EntityId>> {
    let mut named = vec![BTreeSet::new(); context.corpus.documents.len()];
    for (m, placed) in context.corpus.mentions.iter().enumerate() {
        named[placed.document.get()].insert(context.corpus.mention_entities[m]);
    }
    named
}
