//! Role links: a name in apposition to a role noun of a possessor ("his wife, Sandra",
//! "Mr. Kell's aide, Tomas", "Tomas Vey, her spokesman").
//!
//! Two sources that name the wife of one man name one person, even when one writes "Sandra"
//! and the other "Sandi". Entity resolution uses these links to join nickname and diminutive
//! forms of a given name that nothing else ties together (see `resolve::resolve_linked`).
//! Only the possessor is resolved here, to a mention: a name with "'s" right before the
//! role noun, or a pronoun ("his", "her") that stands for one person without doubt — the
//! one person named before it in its sentence, or, when the sentence names nobody before
//! it, the subject of the nearest earlier sentence that does not itself open with a
//! pronoun. Anything less certain abstains.

use super::resolve::PlacedMention;
use crate::model::{EntityKind, Passage, PassageId};
use crate::text::fold;
use std::collections::{HashMap, HashSet};

/// A name that stands in apposition to `role` of the person named by `possessor`.
#[derive(Debug, Clone, PartialEq)]
pub struct RoleLink {
    /// Index of the appositive name in the mention list.
    pub mention: usize,
    /// Index of the mention naming the possessor.
    pub possessor: usize,
    /// The folded role noun ("wife", "spokesman").
    pub role: String,
}

/// Pronouns that can own a role.
const POSSESSIVE_PRONOUNS: &[&str] = &["his", "her"];
/// Pronouns that open a sentence about someone named before it.
const SUBJECT_PRONOUNS: &[&str] = &["he", "she", "his", "her"];
/// How many words may precede a name taken for the subject of its sentence.
const SUBJECT_WORDS: usize = 8;
/// How many earlier sentences a pronoun may reach back.
const PRONOUN_REACH: usize = 3;

/// The text of one document with its passages and the mentions placed in it.
struct Doc<'a> {
    text: &'a str,
    passages: &'a [Passage],
    /// Mention indices of this document, in text order.
    mentions: Vec<usize>,
    /// Names taken for a person somewhere in the document ("Jackson" said, Mr. Jackson).
    people: HashSet<Vec<String>>,
}

/// Finds every role link in the documents. `texts[d]` and `passages[d]` belong to `DocId(d)`.
pub fn find(
    texts: &[&str],
    passages: &[&[Passage]],
    mentions: &[PlacedMention],
    roles: &HashSet<String>,
    titles: &HashMap<String, String>,
) -> Vec<RoleLink> {
    let mut docs: Vec<Doc<'_>> = texts
        .iter()
        .zip(passages)
        .map(|(text, passages)| Doc {
            text,
            passages,
            mentions: Vec::new(),
            people: HashSet::new(),
        })
        .collect();
    for (index, placed) in mentions.iter().enumerate() {
        if let Some(doc) = docs.get_mut(placed.document.get()) {
            doc.mentions.push(index);
            if placed.mention.kind == EntityKind::Person {
                doc.people.insert(placed.mention.words.clone());
            }
        }
    }
    for doc in &mut docs {
        doc.mentions.sort_by_key(|&m| mentions[m].mention.start);
    }
    let is_role = |word: &str| {
        let folded = fold(word);
        roles.contains(&folded) || titles.contains_key(&folded)
    };
    let mut links = Vec::new();
    for (index, placed) in mentions.iter().enumerate() {
        let kind = placed.mention.kind;
        if matches!(kind, EntityKind::Place | EntityKind::Organisation) {
            continue;
        }
        let Some(doc) = docs.get(placed.document.get()) else {
            continue;
        };
        let found = role_before(doc, mentions, index, &is_role)
            .or_else(|| role_after(doc, mentions, index, &is_role));
        if let Some((possessor, role)) = found
            && possessor != index
        {
            links.push(RoleLink {
                mention: index,
                possessor,
                role,
            });
        }
    }
    links
}

/// The word that ends `text` (letters only) and where it starts.
fn last_word(text: &str) -> Option<(usize, &str)> {
    let trimmed = text.trim_end();
    let start = trimmed
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .last()
        .map(|(i, _)| i)?;
    Some((start, &trimmed[start..]))
}

/// "<possessor> <role>, NAME": the possessor and the role noun.
fn role_before(
    doc: &Doc<'_>,
    mentions: &[PlacedMention],
    index: usize,
    is_role: &dyn Fn(&str) -> bool,
) -> Option<(usize, String)> {
    let before = doc.text.get(..mentions[index].mention.start)?.trim_end();
    let before = before.strip_suffix(',')?;
    let (role_start, role) = last_word(before)?;
    if !role.chars().next().is_some_and(char::is_lowercase) || !is_role(role) {
        return None;
    }
    let possessor = possessor_ending(doc, mentions, index, role_start)?;
    Some((possessor, fold(role)))
}

/// "NAME, <possessor> <role>": the possessor and the role noun.
fn role_after(
    doc: &Doc<'_>,
    mentions: &[PlacedMention],
    index: usize,
    is_role: &dyn Fn(&str) -> bool,
) -> Option<(usize, String)> {
    let end = mentions[index].mention.end;
    let after = doc.text.get(end..)?;
    let rest = after.strip_prefix(", ")?;
    let offset = end + 2;
    // The possessor: a pronoun, or the next mention followed by "'s".
    let (possessor, role_from) = if let Some((word, len)) = first_word(rest)
        && POSSESSIVE_PRONOUNS.contains(&word.to_lowercase().as_str())
    {
        let pronoun_at = offset;
        (
            pronoun_referent(doc, mentions, index, pronoun_at),
            offset + len,
        )
    } else {
        let next = doc
            .mentions
            .iter()
            .copied()
            .find(|&m| mentions[m].mention.start >= offset)?;
        let between = doc.text.get(end..mentions[next].mention.start)?;
        // Only a title may stand between the comma and the possessor ("Mr.").
        if between.split_whitespace().count() > 2 {
            return None;
        }
        let tail = doc.text.get(mentions[next].mention.end..)?;
        let skip = possessive_len(tail)?;
        (Some(next), mentions[next].mention.end + skip)
    };
    let tail = doc.text.get(role_from..)?;
    let (role, len) = first_word(tail.trim_start())?;
    let role_end = role_from + (tail.len() - tail.trim_start().len()) + len;
    let follows = doc.text.get(role_end..)?.chars().next();
    // "her lawyer's office" is not a role of hers; the role noun must end its phrase.
    if !role.chars().next().is_some_and(char::is_lowercase)
        || !is_role(role)
        || matches!(follows, Some('\'' | '’'))
    {
        return None;
    }
    Some((possessor?, fold(role)))
}

/// The leading word of `text` (letters only) and its length in bytes.
fn first_word(text: &str) -> Option<(&str, usize)> {
    let len: usize = text
        .chars()
        .take_while(|c| c.is_alphabetic())
        .map(char::len_utf8)
        .sum();
    (len > 0).then(|| (&text[..len], len))
}

/// The length of a possessive "'s" (or "’s") that `text` opens with, if any.
fn possessive_len(text: &str) -> Option<usize> {
    ["'s", "’s"]
        .iter()
        .find(|p| text.starts_with(**p))
        .map(|p| p.len())
}

/// The possessor whose phrase ends right before `role_start`: "Mr. Kell's", "his".
fn possessor_ending(
    doc: &Doc<'_>,
    mentions: &[PlacedMention],
    index: usize,
    role_start: usize,
) -> Option<usize> {
    let before = doc.text.get(..role_start)?.trim_end();
    if let Some((start, word)) = last_word(before)
        && POSSESSIVE_PRONOUNS.contains(&word.to_lowercase().as_str())
    {
        return pronoun_referent(doc, mentions, index, start);
    }
    // A name with "'s": the mention text may or may not keep the possessive.
    doc.mentions.iter().copied().find(|&m| {
        let mention = &mentions[m].mention;
        let end = mention.end;
        if end > before.len() {
            return false;
        }
        let tail = &before[end..];
        tail.is_empty() && (mention.text.ends_with("'s") || mention.text.ends_with("’s"))
            || possessive_len(tail) == Some(tail.len())
    })
}

/// The mentions of people in passage `passage` of the document, in text order.
fn people_in(
    doc: &Doc<'_>,
    mentions: &[PlacedMention],
    passage: PassageId,
) -> impl Iterator<Item = usize> {
    doc.mentions
        .iter()
        .copied()
        .filter(move |&m| {
            let mention = &mentions[m].mention;
            mentions[m].passage == passage
                && (mention.kind == EntityKind::Person
                    || mention.kind == EntityKind::Other && doc.people.contains(&mention.words))
        })
        .collect::<Vec<_>>()
        .into_iter()
}

/// The person a pronoun at byte `at` stands for, when there is no doubt; `own` (the
/// appositive name) never counts.
fn pronoun_referent(
    doc: &Doc<'_>,
    mentions: &[PlacedMention],
    own: usize,
    at: usize,
) -> Option<usize> {
    let passage = mentions[own].passage;
    let before: Vec<usize> = people_in(doc, mentions, passage)
        .filter(|&m| m != own && mentions[m].mention.end <= at)
        .collect();
    let names: HashSet<&Vec<String>> = before.iter().map(|&m| &mentions[m].mention.words).collect();
    match names.len() {
        1 => return before.first().copied(),
        0 => {}
        _ => return None,
    }
    // Nobody named before the pronoun: the subject of an earlier sentence.
    let mut index = passage.get();
    for _ in 0..PRONOUN_REACH {
        index = index.checked_sub(1)?;
        let earlier = doc.passages.get(index)?;
        let text = doc.text.get(earlier.start..earlier.end)?;
        let opens_with_pronoun = first_word(text.trim_start())
            .is_some_and(|(w, _)| SUBJECT_PRONOUNS.contains(&w.to_lowercase().as_str()));
        if opens_with_pronoun {
            continue;
        }
        let subject = people_in(doc, mentions, PassageId(index)).next()?;
        let lead = doc
            .text
            .get(earlier.start..mentions[subject].mention.start)?
            .split_whitespace()
            .count();
        return (lead <= SUBJECT_WORDS).then_some(subject);
    }
    None
}
