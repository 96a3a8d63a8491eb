//! Entity resolution steps for given names (steps 6 and 7 of `resolve`).
//!
//! 6. Within one document, a lone given name ("Sandra") that opens exactly one full name of
//!    a person in that document ("Sandra Kell") is that person, in every document where the
//!    lone name stands; when two people of a document share the given name, or a document
//!    names nobody with it, the lone name stays apart.
//! 7. Across documents, two names given in apposition to the same role of the same person
//!    ("his wife, Sandra" and "Mr. Kell's wife, Sandi", see `role_links`) are one person
//!    when the given names are one name or a nickname or diminutive of each other. Unrelated
//!    given names for one role (two wives over the years, two spokesmen) never merge.

use super::resolve::{NameGroup, PlacedMention, UnionFind, nicknames};
use super::role_links::RoleLink;
use crate::model::EntityKind;
use std::collections::{HashMap, HashSet};

/// Words that join a name to a place or a phrase ("Cummings of Maryland"): a name with one
/// is no given name and surname.
const LINKS: &[&str] = &["of", "on", "the", "and", "for", "in", "at"];

fn count(group: &NameGroup, kind: EntityKind) -> usize {
    group.kinds.get(&kind).copied().unwrap_or(0)
}

/// Whether the group names a person: a title or speech cue, or mostly taken for a person.
fn person(group: &NameGroup) -> bool {
    group.person_evidence
        || (count(group, EntityKind::Person) > 0
            && count(group, EntityKind::Person) >= count(group, EntityKind::Place)
            && count(group, EntityKind::Person) >= count(group, EntityKind::Organisation))
}

/// Step 6: a lone given name joins the one full name of its documents that it opens.
pub(super) fn within_documents(
    groups: &[NameGroup],
    union: &mut UnionFind,
    mentions: &[PlacedMention],
) {
    let mentions_text = |m: usize| mentions[m].mention.text.clone();
    let mut by_first: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut last_words: HashSet<&str> = HashSet::new();
    for (index, group) in groups.iter().enumerate() {
        if group.words.len() >= 2 {
            last_words.insert(group.words.last().map_or("", String::as_str));
            // Taken for a person by its kind and marked as one by a title or a speech cue
            // (companies speak too, and "Americans on Medicare" is no person's full name).
            if group.person_evidence
                && !group.words.iter().any(|w| LINKS.contains(&w.as_str()))
                && count(group, EntityKind::Person) > 0
                && count(group, EntityKind::Person) >= count(group, EntityKind::Organisation)
                && count(group, EntityKind::Person) >= count(group, EntityKind::Place)
            {
                by_first
                    .entry(group.words[0].as_str())
                    .or_default()
                    .push(index);
            }
        }
    }
    // Clusters that already hold a longer name (a surname joined in step 4).
    let mut joined: HashSet<usize> = HashSet::new();
    for (index, group) in groups.iter().enumerate() {
        if group.words.len() >= 2 {
            joined.insert(union.find(index));
        }
    }
    for (index, group) in groups.iter().enumerate() {
        // A lone word with a title of its own ("President Obama") or in capitals ("NCAA")
        // is a surname or an acronym, not a given name.
        let capitals = group.mentions.iter().all(|&m| {
            let text = &mentions_text(m);
            text.chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
        });
        if group.words.len() != 1
            || !group.titles.is_empty()
            || capitals
            || count(group, EntityKind::Place) > 0
            || count(group, EntityKind::Organisation) > 0
            || last_words.contains(group.words[0].as_str())
            || joined.contains(&union.find(index))
        {
            continue;
        }
        let Some(candidates) = by_first.get(group.words[0].as_str()) else {
            continue;
        };
        // Every document of the lone name must name exactly one such person, the same one.
        let mut chosen: Option<usize> = None;
        let mut fits = !group.documents.is_empty();
        for document in &group.documents {
            let mut roots: Vec<usize> = candidates
                .iter()
                .filter(|&&c| groups[c].documents.contains(document))
                .map(|&c| union.find(c))
                .collect();
            roots.sort_unstable();
            roots.dedup();
            match (roots.as_slice(), chosen) {
                ([root], None) => chosen = Some(*root),
                ([root], Some(previous)) if *root == previous => {}
                _ => fits = false,
            }
        }
        if fits && let Some(root) = chosen {
            union.union(index, root);
        }
    }
}

/// The last words of the full names in each cluster, by root.
fn surnames_by_root(
    groups: &[NameGroup],
    union: &mut UnionFind,
) -> HashMap<usize, HashSet<String>> {
    let mut out: HashMap<usize, HashSet<String>> = HashMap::new();
    for (index, group) in groups.iter().enumerate() {
        if group.words.len() >= 2 {
            out.entry(union.find(index))
                .or_default()
                .insert(group.words.last().cloned().unwrap_or_default());
        }
    }
    out
}

/// Step 7: names given to one role of one person in two sources join when their given names
/// are one name or nicknames of each other. Returns each group joined with its role and
/// the possessor's group.
pub(super) fn by_role(
    groups: &[NameGroup],
    union: &mut UnionFind,
    mentions: &[PlacedMention],
    links: &[RoleLink],
) -> Vec<(usize, String, usize)> {
    if links.len() < 2 {
        return Vec::new();
    }
    let mut group_of = vec![usize::MAX; mentions.len()];
    for (index, group) in groups.iter().enumerate() {
        for &m in &group.mentions {
            group_of[m] = index;
        }
    }
    let usable: Vec<&RoleLink> = links
        .iter()
        .filter(|l| {
            group_of.get(l.mention).is_some_and(|&g| g != usize::MAX)
                && group_of.get(l.possessor).is_some_and(|&g| g != usize::MAX)
        })
        .collect();
    let surnames = surnames_by_root(groups, union);
    let mut joins = Vec::new();
    for (position, a) in usable.iter().enumerate() {
        for b in &usable[position + 1..] {
            if a.role != b.role || mentions[a.mention].document == mentions[b.mention].document {
                continue;
            }
            let (ga, gb) = (group_of[a.mention], group_of[b.mention]);
            let (ra, rb) = (union.find(ga), union.find(gb));
            let (pa, pb) = (
                union.find(group_of[a.possessor]),
                union.find(group_of[b.possessor]),
            );
            if ra == rb || pa != pb || ra == pa || rb == pb {
                continue;
            }
            if !person(&groups[group_of[a.possessor]]) && !person(&groups[group_of[b.possessor]]) {
                continue;
            }
            let (fa, fb) = (&groups[ga].words[0], &groups[gb].words[0]);
            if fa != fb && !nicknames(fa, fb) {
                continue;
            }
            // Two full names with different surnames are two people ("Sandra Kell" and
            // "Sandi Moor"), whatever the role.
            if let (Some(sa), Some(sb)) = (surnames.get(&ra), surnames.get(&rb))
                && sa.is_disjoint(sb)
            {
                continue;
            }
            joins.push((ga, gb, a.role.clone(), group_of[a.possessor]));
        }
    }
    let mut joined = Vec::new();
    for (a, b, role, possessor) in joins {
        union.union(a, b);
        joined.push((a, role, possessor));
    }
    joined
}
