//! Entity resolution across documents: one entity per real person, place or organisation,
//! with every spelling as an alias.
//!
//! Steps, each a union of clusters:
//! 1. identical folded names are one cluster (Goïta = Goita);
//! 2. full names merge when their surnames and first names are close (Jaro–Winkler and a
//!    phonetic key) and, for anything weaker than a near-identical spelling, when the context
//!    agrees: the same title or a co-occurring name (Colonel Asmi Guetta = Col. Assimi Goïta);
//!    clearly different first names never merge (Maria Kovac ≠ Petar Kovac);
//! 3. single-word variants of one name merge under the same rules (Yerewolo = Yerewulu), but
//!    never when one is a prefix of the other (Niger ≠ Nigeria, Mali ≠ Malian);
//! 4. a lone surname joins the one full name that it ends, preferring its own document
//!    (`partial_names.rs`);
//! 5. an organisation's name without its generic last word ("Wagner" for "Wagner Group")
//!    joins it when it fits one organisation only;
//! 6. a lone given name joins the one full name of its document that it opens, and
//! 7. nickname forms of a name given to one role of one person in two sources join
//!    (both in `given_names.rs`).

use super::entities::RawMention;
use crate::model::{DocId, Entity, EntityId, EntityKind, Mention, PassageId};
use crate::text::phonetic_key;
use std::collections::{BTreeMap, HashMap, HashSet};

/// A mention with its place and the names around it.
#[derive(Debug, Clone)]
pub struct PlacedMention {
    pub document: DocId,
    pub passage: PassageId,
    pub paragraph: usize,
    pub mention: RawMention,
}

pub(super) struct UnionFind(Vec<usize>);

impl UnionFind {
    pub(super) fn find(&mut self, x: usize) -> usize {
        let mut root = x;
        while self.0[root] != root {
            root = self.0[root];
        }
        let mut node = x;
        while self.0[node] != root {
            let next = self.0[node];
            self.0[node] = root;
            node = next;
        }
        root
    }
    pub(super) fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            // The smaller index stays root, which keeps results independent of order.
            let (low, high) = if a < b { (a, b) } else { (b, a) };
            self.0[high] = low;
        }
    }
}

/// One distinct folded name and what is known about it.
pub(super) struct NameGroup {
    pub(super) words: Vec<String>,
    pub(super) mentions: Vec<usize>,
    pub(super) titles: HashSet<String>,
    /// A title or a speech verb marked some mention as a person.
    pub(super) person_evidence: bool,
    pub(super) documents: HashSet<DocId>,
    context: HashSet<String>,
    pub(super) kinds: BTreeMap<EntityKind, usize>,
}

fn similar_word(a: &str, b: &str) -> f64 {
    strsim::jaro_winkler(a, b)
}

/// How two words relate as parts of a name.
#[derive(PartialEq, Eq, PartialOrd, Ord, Clone, Copy, Debug)]
enum Closeness {
    Different,
    /// Sounds alike but looks different: needs context (Goïta / Guetta).
    Phonetic,
    /// A plausible spelling variant (Sergey / Sergei, Yerewolo / Yerewulu).
    Variant,
    Same,
}

fn closeness(a: &str, b: &str) -> Closeness {
    if a == b {
        return Closeness::Same;
    }
    // Hyphenated compounds compare part by part ("Russian-Malian" is not "Russian-African").
    if a.contains('-') || b.contains('-') {
        let (pa, pb): (Vec<&str>, Vec<&str>) = (a.split('-').collect(), b.split('-').collect());
        if pa.len() != pb.len() {
            return Closeness::Different;
        }
        return pa
            .iter()
            .zip(&pb)
            .map(|(x, y)| closeness(x, y))
            .min()
            .unwrap_or(Closeness::Different);
    }
    let (la, lb) = (a.chars().count(), b.chars().count());
    if la.min(lb) < 3 || la.abs_diff(lb) > 2 {
        return Closeness::Different;
    }
    if a.starts_with(b) || b.starts_with(a) {
        // "Yuri" and "Yuriy" are one name; "Niger" and "Nigeria", or "Jan" and "Jana", are not.
        // Callers only accept a prefix variant inside a longer name with the same surname.
        // A longer form ending in "n" after a vowel is a demonym ("Africa", "African").
        let (short, long) = if la < lb { (a, b) } else { (b, a) };
        let demonym = long.ends_with('n') && short.ends_with(['a', 'e', 'i', 'o', 'u']);
        return if la.min(lb) >= 4 && la.abs_diff(lb) == 1 && !demonym {
            Closeness::Phonetic
        } else {
            Closeness::Different
        };
    }
    let jw = similar_word(a, b);
    let same_key = phonetic_key(a) == phonetic_key(b);
    if la.min(lb) >= 4 && (jw >= 0.93 || (same_key && jw >= 0.85)) {
        Closeness::Variant
    } else if same_key && jw >= 0.6 && phonetic_key(a).len() >= 2 {
        Closeness::Phonetic
    } else {
        Closeness::Different
    }
}

fn first_names_clash(a: &str, b: &str) -> bool {
    // Initials agree with any name of the same first letter.
    if a.chars().count() == 1 || b.chars().count() == 1 {
        return a.chars().next() != b.chars().next();
    }
    closeness(a, b) == Closeness::Different && !nicknames(a, b)
}

const NICKNAMES: &str = include_str!("../../assets/lexicon/nicknames.csv");

/// Whether one first name is a nickname of the other ("Dave" and "David", "Bill" and
/// "William"), by the table in `assets/lexicon/nicknames.csv` (Apache-2.0, see
/// `NICKNAMES-LICENSE.md`).
pub(super) fn nicknames(a: &str, b: &str) -> bool {
    static TABLE: std::sync::OnceLock<HashMap<String, Vec<String>>> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut table: HashMap<String, Vec<String>> = HashMap::new();
        for line in NICKNAMES.lines().skip(1) {
            let mut fields = line.split(',');
            if let (Some(name), Some(_), Some(nickname)) =
                (fields.next(), fields.next(), fields.next())
            {
                table
                    .entry(name.to_string())
                    .or_default()
                    .push(nickname.to_string());
                table
                    .entry(nickname.to_string())
                    .or_default()
                    .push(name.to_string());
            }
        }
        table
    });
    let (a, b) = (crate::text::fold(a), crate::text::fold(b));
    let related = |x: &str, y: &str| table.get(x).is_some_and(|list| list.iter().any(|n| n == y));
    related(&a, &b) || diminutive(&a, &b) || diminutive(&b, &a)
}

/// Whether `short` is a diminutive the table lacks, made the usual English way: the start of
/// `long` (four letters or more) with -i, -y or -ie ("Sandi" and "Sandy" for "Sandra").
fn diminutive(short: &str, long: &str) -> bool {
    let stem = short
        .strip_suffix("ie")
        .or_else(|| short.strip_suffix('i'))
        .or_else(|| short.strip_suffix('y'));
    stem.is_some_and(|stem| {
        stem.chars().count() >= 4 && long.len() > stem.len() + 1 && long.starts_with(stem)
    })
}

/// Whether two one-word names are the surnames of full names whose first names clash.
fn surnames_of_different_people(
    groups: &[NameGroup],
    by_last: &HashMap<&str, Vec<usize>>,
    a: usize,
    b: usize,
) -> bool {
    let firsts = |g: usize| -> Vec<&str> {
        by_last
            .get(groups[g].words[0].as_str())
            .into_iter()
            .flatten()
            .map(|&c| groups[c].words[0].as_str())
            .collect()
    };
    let (fa, fb) = (firsts(a), firsts(b));
    !fa.is_empty()
        && !fb.is_empty()
        && fa
            .iter()
            .all(|x| fb.iter().all(|y| first_names_clash(x, y)))
}

/// Resolves mentions into entities. Returns the entities and, for each input mention, the
/// entity it belongs to.
/// Generic words that end an organisation's full name and that sources often leave out
/// ("the Wagner Group", "Wagner").
const ORGANISATION_WORDS: &[&str] = &[
    "group",
    "company",
    "corporation",
    "corp",
    "inc",
    "organization",
    "organisation",
    "movement",
    "network",
    "foundation",
];

/// Step 5: an organisation named with and without its generic last word ("Wagner Group",
/// "Wagner") is one, when both are taken for organisations and the short name fits one
/// organisation only.
fn same_organisation(groups: &[NameGroup], union: &mut UnionFind) {
    let organisation = |g: &NameGroup| {
        let count = |kind| g.kinds.get(&kind).copied().unwrap_or(0);
        count(EntityKind::Organisation) > 0
            && count(EntityKind::Organisation) >= count(EntityKind::Person)
            && count(EntityKind::Organisation) >= count(EntityKind::Place)
    };
    let mut by_words: HashMap<&[String], Vec<usize>> = HashMap::new();
    for (index, group) in groups.iter().enumerate() {
        if let Some((last, short)) = group.words.split_last()
            && !short.is_empty()
            && ORGANISATION_WORDS.contains(&last.as_str())
            && organisation(group)
        {
            by_words.entry(short).or_default().push(index);
        }
    }
    for (index, group) in groups.iter().enumerate() {
        if let Some(long) = by_words.get(group.words.as_slice())
            && long.len() == 1
            && organisation(group)
        {
            union.union(index, long[0]);
        }
    }
}

pub fn resolve(mentions: &[PlacedMention]) -> (Vec<Entity>, Vec<EntityId>) {
    resolve_linked(mentions, &[])
}

/// [`resolve`], then the given-name and role-link steps (6 and 7, in `given_names`).
pub fn resolve_linked(
    mentions: &[PlacedMention],
    links: &[super::role_links::RoleLink],
) -> (Vec<Entity>, Vec<EntityId>) {
    // 1. Group identical folded names.
    let mut groups: Vec<NameGroup> = Vec::new();
    let mut by_name: HashMap<Vec<String>, usize> = HashMap::new();
    let mut paragraph_names: HashMap<(DocId, usize), HashSet<String>> = HashMap::new();
    for placed in mentions {
        paragraph_names
            .entry((placed.document, placed.paragraph))
            .or_default()
            .insert(placed.mention.words.join(" "));
    }
    for (index, placed) in mentions.iter().enumerate() {
        let key = placed.mention.words.clone();
        let group_index = *by_name.entry(key.clone()).or_insert_with(|| {
            groups.push(NameGroup {
                words: key,
                mentions: Vec::new(),
                titles: HashSet::new(),
                person_evidence: false,
                documents: HashSet::new(),
                context: HashSet::new(),
                kinds: BTreeMap::new(),
            });
            groups.len() - 1
        });
        let group = &mut groups[group_index];
        group.mentions.push(index);
        group.titles.extend(placed.mention.titles.iter().cloned());
        group.person_evidence |= !placed.mention.titles.is_empty() || placed.mention.speaker_cue;
        group.documents.insert(placed.document);
        *group.kinds.entry(placed.mention.kind).or_default() += 1;
        if let Some(names) = paragraph_names.get(&(placed.document, placed.paragraph)) {
            let own = placed.mention.words.join(" ");
            group
                .context
                .extend(names.iter().filter(|n| **n != own).cloned());
        }
    }
    let mut union = UnionFind((0..groups.len()).collect());
    let context_agrees = |a: &NameGroup, b: &NameGroup| {
        let shared_title = a
            .titles
            .iter()
            .any(|t| b.titles.contains(t) && !matches!(t.as_str(), "mr" | "mrs" | "ms"));
        let shared_context = a.context.iter().any(|c| b.context.contains(c));
        shared_title || shared_context
    };

    // Full names by their last word; "Ilona Varren of Lisk" also by the word before "of".
    let mut by_last: HashMap<&str, Vec<usize>> = HashMap::new();
    for (index, group) in groups.iter().enumerate() {
        if group.words.len() >= 2 {
            by_last
                .entry(group.words.last().map_or("", String::as_str))
                .or_default()
                .push(index);
            if let Some(of) = group.words.iter().position(|w| w == "of")
                && of >= 2
            {
                by_last
                    .entry(group.words[of - 1].as_str())
                    .or_default()
                    .push(index);
            }
        }
    }
    // 2 and 3. Variants among names of the same length, bucketed by phonetic key of the
    // last word so that the comparison stays near linear.
    let mut buckets: HashMap<(usize, String), Vec<usize>> = HashMap::new();
    for (index, group) in groups.iter().enumerate() {
        if let Some(last) = group.words.last() {
            let key = phonetic_key(last);
            let prefix: String = key.chars().take(2).collect();
            buckets
                .entry((group.words.len(), prefix))
                .or_default()
                .push(index);
        }
    }
    let mut bucket_keys: Vec<_> = buckets.keys().cloned().collect();
    bucket_keys.sort();
    for key in bucket_keys {
        let members = &buckets[&key];
        for (position, &a) in members.iter().enumerate() {
            for &b in &members[position + 1..] {
                let (ga, gb) = (&groups[a], &groups[b]);
                let levels: Vec<Closeness> = ga
                    .words
                    .iter()
                    .zip(&gb.words)
                    .map(|(x, y)| closeness(x, y))
                    .collect();
                // A first name and its nickname with the very same other words ("Dave Brat",
                // "David Brat") are one person.
                if ga.words.len() >= 2
                    && levels[1..].iter().all(|l| *l == Closeness::Same)
                    && nicknames(&ga.words[0], &gb.words[0])
                {
                    union.union(a, b);
                    continue;
                }
                if levels.contains(&Closeness::Different) {
                    continue;
                }
                if ga.words.len() >= 2 && first_names_clash(&ga.words[0], &gb.words[0]) {
                    continue;
                }
                // Two surnames alone ("Warner", "Warren") that the sources spell out with
                // different first names ("Mark Warner", "Elizabeth Warren") are two people.
                if ga.words.len() == 1 && surnames_of_different_people(&groups, &by_last, a, b) {
                    continue;
                }
                let weakest = levels.iter().copied().min().unwrap_or(Closeness::Same);
                let variants = levels.iter().filter(|l| **l != Closeness::Same).count();
                let merge = match weakest {
                    Closeness::Same => true,
                    Closeness::Variant => {
                        // One varied word in a longer name, or a long single word, is enough
                        // on its own; otherwise the context must agree.
                        (ga.words.len() >= 2 && variants == 1)
                            || (ga.words.len() == 1 && ga.words[0].chars().count() >= 6)
                            || context_agrees(ga, gb)
                    }
                    Closeness::Phonetic => {
                        // A first name that sounds alike with the very same surname
                        // (Youssef / Yusuf Amrani), or context that agrees.
                        let surname_same = levels.last() == Some(&Closeness::Same);
                        ga.words.len() >= 2
                            && (surname_same && variants == 1 || context_agrees(ga, gb))
                    }
                    Closeness::Different => false,
                };
                if merge {
                    union.union(a, b);
                }
            }
        }
    }

    super::partial_names::join_partial_names(&groups, &by_last, &mut union);

    same_organisation(&groups, &mut union);
    super::given_names::within_documents(&groups, &mut union, mentions);
    let role_linked = super::given_names::by_role(&groups, &mut union, mentions, links);

    // Build entities, ordered by their first mention.
    let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for index in 0..groups.len() {
        let root = union.find(index);
        members.entry(root).or_default().push(index);
    }
    let mut clusters: Vec<Vec<usize>> = members.into_values().collect();
    let first_mention = |cluster: &Vec<usize>| {
        cluster
            .iter()
            .flat_map(|&g| groups[g].mentions.iter().copied())
            .min()
            .unwrap_or(usize::MAX)
    };
    clusters.sort_by_key(first_mention);
    let mut entities = Vec::with_capacity(clusters.len());
    let mut assignment = vec![EntityId(0); mentions.len()];
    for (entity_index, cluster) in clusters.iter().enumerate() {
        let mut all: Vec<usize> = cluster
            .iter()
            .flat_map(|&g| groups[g].mentions.iter().copied())
            .collect();
        all.sort();
        let mut kinds: BTreeMap<EntityKind, usize> = BTreeMap::new();
        for &g in cluster {
            for (kind, count) in &groups[g].kinds {
                *kinds.entry(*kind).or_default() += count;
            }
        }
        // A person title or a speech cue anywhere outweighs a guess of "other".
        let kind = kinds
            .iter()
            .filter(|(kind, _)| **kind != EntityKind::Other)
            .max_by_key(|(kind, count)| (**count, std::cmp::Reverse(**kind)))
            .map(|(kind, _)| *kind)
            .unwrap_or(EntityKind::Other);
        // Spellings, fullest and most frequent first.
        let mut spellings: BTreeMap<String, (usize, usize)> = BTreeMap::new();
        for &m in &all {
            let text = mentions[m].mention.text.clone();
            let words = mentions[m].mention.words.len();
            let entry = spellings.entry(text).or_insert((words, 0));
            entry.1 += 1;
        }
        let mut aliases: Vec<(String, (usize, usize))> = spellings.into_iter().collect();
        aliases.sort_by(|a, b| {
            (b.1.0, b.1.1)
                .cmp(&(a.1.0, a.1.1))
                .then_with(|| a.0.cmp(&b.0))
        });
        let name = aliases.first().map(|a| a.0.clone()).unwrap_or_default();
        for &m in &all {
            assignment[m] = EntityId(entity_index);
        }
        entities.push(Entity {
            index: EntityId(entity_index),
            name,
            kind,
            aliases: aliases.into_iter().map(|a| a.0).collect(),
            roles: Vec::new(),
            mentions: all
                .iter()
                .map(|&m| Mention {
                    document: mentions[m].document,
                    start: mentions[m].mention.start,
                    end: mentions[m].mention.end,
                    text: mentions[m].mention.text.clone(),
                })
                .collect(),
        });
    }
    // A name given to a person's role names a person, whatever its words suggested.
    for (group, role, possessor) in role_linked {
        let entity_of = |g: usize| groups[g].mentions.first().map(|&m| assignment[m].get());
        let owner = entity_of(possessor)
            .and_then(|e| entities.get(e))
            .map(|e| e.name.clone());
        if let Some(entity) = entity_of(group).and_then(|e| entities.get_mut(e)) {
            if entity.kind == EntityKind::Other {
                entity.kind = EntityKind::Person;
            }
            let role = format!("{role} of {}", owner.unwrap_or_default());
            if !entity.roles.contains(&role) {
                entity.roles.push(role);
            }
        }
    }
    (entities, assignment)
}

#[cfg(test)]
mod tests;
