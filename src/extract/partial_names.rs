//! Step 4 of entity resolution (see `resolve`): a lone surname joins the one full name that
//! it ends ("Goïta" in "Assimi Goïta", "Lavrov" in "Sergei Lavrov"). Ambiguous surnames stay
//! apart unless the document itself names only one of the candidates; only names marked as
//! a person's (a title, a speech cue) join, and a word more often a place than a speaker
//! ("in France") never does.

use super::resolve::{NameGroup, UnionFind};
use crate::model::EntityKind;
use std::collections::{HashMap, HashSet};

/// Joins each one-word group to the full name it ends; `by_last` lists the full names by
/// their last word.
pub(super) fn join_partial_names(
    groups: &[NameGroup],
    by_last: &HashMap<&str, Vec<usize>>,
    union: &mut UnionFind,
) {
    for (index, group) in groups.iter().enumerate() {
        if group.words.len() != 1 {
            continue;
        }
        let Some(candidates) = by_last.get(group.words[0].as_str()) else {
            continue;
        };
        let mut roots: Vec<usize> = candidates.iter().map(|&c| union.find(c)).collect();
        roots.sort();
        roots.dedup();
        let chosen = if roots.len() == 1 {
            Some(roots[0])
        } else {
            // Prefer the candidate named in the same documents.
            let local: Vec<usize> = candidates
                .iter()
                .filter(|&&c| {
                    groups[c]
                        .documents
                        .iter()
                        .any(|d| group.documents.contains(d))
                })
                .map(|&c| union.find(c))
                .collect::<HashSet<_>>()
                .into_iter()
                .collect();
            (local.len() == 1).then(|| local[0])
        };
        if let Some(root) = chosen {
            // Only people are named by a surname alone; "France" is not short for "Air France".
            let person_like = group.person_evidence
                || candidates
                    .iter()
                    .any(|&c| union.find(c) == root && groups[c].person_evidence);
            // A place that also speaks ("in France" more often than "France says") is a
            // place, not a surname.
            let count = |kind| group.kinds.get(&kind).copied().unwrap_or(0);
            let place = count(EntityKind::Place) > 0
                && count(EntityKind::Place) >= count(EntityKind::Person);
            if person_like && !place {
                union.union(index, root);
            }
        }
    }
}
