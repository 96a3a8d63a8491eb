//! Labels per referent: how each source labels each person, group or place that two or more
//! sources name, and the `wording` findings where one referent is labelled with terms of
//! different connotation.
//!
//! A label is a common-noun phrase tied to a resolved name by the grammar around it, read
//! three ways: words right before the name ("the Russian paramilitary group Wagner"), an
//! apposition after it ("Wagner, a private security company,"), and a predicate nominal
//! ("Wagner is a mercenary outfit"). The resolved entity is the evidence that two sources
//! label one referent. The reading is shallow and errs towards silence: a phrase before a
//! name must open after a determiner, a preposition, a conjunction or punctuation (so "told
//! reporters Kim" gives nothing), and its last word must be a lower-case word that is not a
//! function word. Labels inside quotes are the speaker's and are left out.
//!
//! A finding needs a label with a word from the loaded-words list
//! (`assets/lexicon/loaded_en.txt`, "mercenary", "dictator") in one source, and another
//! source that labels the same referent only in plain words: never the same label, never
//! two referents.

use super::{Context, FindingDraft};
use crate::extract::tagger::Pos;
use crate::model::{DocId, EntityKind, FindingKind, Label, LabelForm, PassageRef, ReferentLabels};
use crate::text::fold;
use std::collections::{BTreeMap, HashMap};

/// Words a label may have at most.
const MAX_WORDS: usize = 6;

/// A label found in a text: its byte range in the document, and how it was read.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub form: LabelForm,
}

/// A passage's words with their parts of speech, byte ranges in the document.
pub(super) struct Tagged {
    pub(super) words: Vec<(usize, usize)>,
    pub(super) tags: Vec<Pos>,
}

pub(super) fn tagged(text: &str, start: usize, end: usize) -> Tagged {
    let passage = &text[start..end];
    let tokens = crate::text::tokens(passage);
    let tags = crate::extract::tagger::tag(passage, &tokens);
    Tagged {
        words: tokens
            .iter()
            .map(|t| (start + t.start, start + t.end))
            .collect(),
        tags,
    }
}

/// A common noun written in lower case: a label's head.
fn head(context: &Context<'_>, text: &str, tagged: &Tagged, i: usize) -> bool {
    let (s, e) = tagged.words[i];
    let word = &text[s..e];
    tagged.tags[i] == Pos::Noun
        // A noun for a person, a group or a place ("leader", "group", "capital"), not an
        // act or a statement ("the claim Romney made").
        && context.lexicon.label_nouns.contains(&fold(word))
        && word.chars().next().is_some_and(char::is_lowercase)
        && word.chars().count() >= 3
        // "the signing of", "the meeting": an act, not a label.
        && !word.ends_with("ing")
        // One referent takes a singular label; a plural noun right before a name opens a
        // clause ("the jobs Clinton created").
        && (!word.ends_with('s') || word.ends_with("ss"))
}

/// A word inside a label before its head: an adjective, a noun or a participle ("Russian
/// paramilitary", "security contracting").
fn modifier(text: &str, tagged: &Tagged, i: usize) -> bool {
    let (s, e) = tagged.words[i];
    let word = &text[s..e];
    matches!(tagged.tags[i], Pos::Adj | Pos::Noun | Pos::Propn)
        || (tagged.tags[i] == Pos::Verb && (word.ends_with("ing") || word.ends_with("ed")))
}

/// Only spaces and quotation marks between two words: one phrase.
fn joined(text: &str, from: usize, to: usize) -> bool {
    text.get(from..to).is_some_and(|gap| {
        gap.chars().all(|c| c == ' ' || "\"“”'‘’".contains(c)) && !gap.is_empty()
    })
}

/// The label right before a name ("the Russian paramilitary group “Wagner”"); `first` is
/// the name's first word.
fn before_name(context: &Context<'_>, text: &str, tagged: &Tagged, first: usize) -> Option<Found> {
    if first == 0 || tagged.tags[first] != Pos::Propn {
        return None;
    }
    let head_at = first - 1;
    if !head(context, text, tagged, head_at)
        || !joined(text, tagged.words[head_at].1, tagged.words[first].0)
    {
        return None;
    }
    let mut open = head_at;
    while open > 0
        && head_at - open + 1 < MAX_WORDS
        && modifier(text, tagged, open - 1)
        && text.get(tagged.words[open - 1].1..tagged.words[open].0) == Some(" ")
    {
        open -= 1;
    }
    // A word in -ing that would open the phrase is a verb of the clause ("defeating fellow
    // congresswoman Lee"), not a participle inside it.
    while open < head_at && text[tagged.words[open].0..tagged.words[open].1].ends_with("ing") {
        open += 1;
    }
    // The phrase opens after a determiner, a preposition, a conjunction, a possessive or
    // punctuation: it is a whole noun phrase, not the tail of a clause ("told reporters").
    let opened = open == 0
        || matches!(
            tagged.tags[open - 1],
            Pos::Det | Pos::Adp | Pos::Cconj | Pos::Pron
        )
        || !joined(text, tagged.words[open - 1].1, tagged.words[open].0);
    opened.then(|| Found {
        start: tagged.words[open].0,
        end: tagged.words[head_at].1,
        form: LabelForm::BeforeName,
    })
}

/// The first word of the name that ends at `last`: the run of proper nouns before it.
fn first_of_name(tagged: &Tagged, last: usize) -> usize {
    let mut first = last;
    while first > 0 && tagged.tags[first - 1] == Pos::Propn {
        first -= 1;
    }
    first
}

/// Whether the name opening at `first` stands where a subject does: at the start of the
/// passage or of a clause (after punctuation, "that", "because"), not at the end of a
/// longer phrase ("the relationship between Bamako and Moscow is …").
fn subject(text: &str, tagged: &Tagged, first: usize) -> bool {
    if first == 0 {
        return true;
    }
    let (s, e) = tagged.words[first - 1];
    let gap = &text[e..tagged.words[first].0];
    gap.contains([',', ';', ':', '.', '—'])
        || tagged.tags[first - 1] == Pos::Sconj
        || fold(&text[s..e]) == "that"
}

/// A label after a name: an apposition (", a private security company") or a predicate
/// nominal (" is a mercenary outfit"); `last` is the name's last word.
fn after_name(context: &Context<'_>, text: &str, tagged: &Tagged, last: usize) -> Option<Found> {
    let name_end = tagged.words[last].1;
    let mut next = last + 1;
    let gap_end = tagged.words.get(next)?.0;
    let gap = text[name_end..gap_end].trim_start_matches(['"', '”', '\'', '’']);
    let form = if gap == ", " {
        LabelForm::Apposition
    } else if gap == " "
        && matches!(
            fold(&text[tagged.words[next].0..tagged.words[next].1]).as_str(),
            "is" | "was"
        )
        && subject(text, tagged, first_of_name(tagged, last))
    {
        next += 1;
        LabelForm::Predicate
    } else {
        return None;
    };
    // A determiner, then adjectives and nouns ending in a lower-case common noun.
    if tagged.tags.get(next) != Some(&Pos::Det)
        || !matches!(
            fold(&text[tagged.words[next].0..tagged.words[next].1]).as_str(),
            "a" | "an" | "the"
        )
    {
        return None;
    }
    let start = next + 1;
    let mut end = start;
    while end < tagged.words.len()
        && end - start < MAX_WORDS
        && modifier(text, tagged, end)
        && (end == start || text.get(tagged.words[end - 1].1..tagged.words[end].0) == Some(" "))
    {
        end += 1;
    }
    let head_at = (start..end)
        .rev()
        .find(|&i| head(context, text, tagged, i))?;
    // The phrase ends at its head: a longer noun chain than we read is left alone, and a
    // verb right after the head makes it a clause's subject (", the report said").
    if head_at + 1 == start + MAX_WORDS && end == start + MAX_WORDS {
        return None;
    }
    if tagged.tags.get(head_at + 1).is_some_and(|t| t.is_verbal())
        && joined(text, tagged.words[head_at].1, tagged.words[head_at + 1].0)
    {
        return None;
    }
    Some(Found {
        start: tagged.words[start].0,
        end: tagged.words[head_at].1,
        form,
    })
}

/// Whether a label holds a word from the loaded-words list (any form of it).
fn loaded(context: &Context<'_>, label: &str) -> bool {
    let stems: Vec<String> = label
        .split([' ', '-'])
        .map(|w| context.stemmer.stem(&fold(w)))
        .collect();
    context
        .lexicon
        .loaded_terms
        .iter()
        .any(|term| term.words.len() == 1 && stems.contains(&context.stemmer.stem(&term.words[0])))
}

/// The labels each source gives each referent named by two or more sources.
pub fn table(context: &Context<'_>) -> Vec<ReferentLabels> {
    let mut named: BTreeMap<usize, BTreeMap<DocId, Vec<Label>>> = BTreeMap::new();
    let mut passages: HashMap<PassageRef, Tagged> = HashMap::new();
    for (m, placed) in context.corpus.mentions.iter().enumerate() {
        let entity = context.corpus.mention_entities[m];
        let labels = named
            .entry(entity.get())
            .or_default()
            .entry(placed.document)
            .or_default();
        if context.corpus.entities[entity.get()].kind == EntityKind::Other {
            continue;
        }
        let text = context.text(placed.document);
        let at = PassageRef {
            document: placed.document,
            passage: placed.passage,
        };
        let tagged = passages.entry(at).or_insert_with(|| {
            let passage = &context.corpus.documents[at.document.get()].passages[at.passage.get()];
            tagged(text, passage.start, passage.end)
        });
        let (start, end) = (placed.mention.start, placed.mention.end);
        let Some(first) = tagged.words.iter().position(|w| w.0 >= start) else {
            continue;
        };
        let Some(last) = tagged.words.iter().rposition(|w| w.1 <= end) else {
            continue;
        };
        let quotes = &context.features(at).quotes;
        let found = [
            before_name(context, text, tagged, first),
            (last >= first)
                .then(|| after_name(context, text, tagged, last))
                .flatten(),
        ];
        for found in found.into_iter().flatten() {
            if quotes
                .iter()
                .any(|q| q.start <= found.start && found.end <= q.end)
            {
                continue;
            }
            let written = text[found.start..found.end].to_string();
            if labels.iter().any(|l| fold(&l.text) == fold(&written)) {
                continue;
            }
            labels.push(Label {
                document: placed.document,
                passage: placed.passage,
                start: found.start,
                end: found.end,
                loaded: loaded(context, &written),
                text: written,
                form: found.form,
            });
        }
    }
    named
        .into_iter()
        .filter(|(_, by_document)| by_document.len() >= 2)
        .filter(|(_, by_document)| by_document.values().any(|l| !l.is_empty()))
        .map(|(entity, by_document)| ReferentLabels {
            entity: context.corpus.entities[entity].index,
            name: context.corpus.entities[entity].name.clone(),
            labels: by_document.into_values().flatten().collect(),
        })
        .collect()
}

/// One referent labelled with a loaded term by one source and only in plain words by
/// another.
pub fn find(context: &Context<'_>) -> Vec<FindingDraft> {
    let mut out = Vec::new();
    for referent in table(context) {
        let mut by_document: BTreeMap<DocId, Vec<&Label>> = BTreeMap::new();
        for label in &referent.labels {
            by_document.entry(label.document).or_default().push(label);
        }
        for (document, labels) in &by_document {
            // A loaded label in quotation marks is someone else's term the source reports
            // ("denouncing “foreign mercenaries”"), not the source's own label.
            let Some(strong) = labels.iter().find(|l| {
                l.loaded && !super::wording::quoted(context.text(l.document), l.start, l.end)
            }) else {
                continue;
            };
            let plain = by_document.iter().find_map(|(other, theirs)| {
                (other != document && !theirs.is_empty() && theirs.iter().all(|l| !l.loaded))
                    .then(|| theirs[0])
            });
            let Some(plain) = plain else {
                continue;
            };
            out.push(finding(context, &referent, strong, plain));
        }
    }
    out
}

fn finding(
    context: &Context<'_>,
    referent: &ReferentLabels,
    strong: &Label,
    plain: &Label,
) -> FindingDraft {
    let at = |l: &Label| PassageRef {
        document: l.document,
        passage: l.passage,
    };
    let name = &referent.name;
    let kind = match context.corpus.entities[referent.entity.get()].kind {
        EntityKind::Person => "person",
        EntityKind::Place => "place",
        _ => "organisation",
    };
    FindingDraft {
        kind: FindingKind::Wording,
        event: context.event_of[strong.document.get()][strong.passage.get()],
        summary: format!(
            "Sources label {name} differently: “{}” ({}) vs “{}” ({})",
            strong.text,
            context.source_name(strong.document),
            plain.text,
            context.source_name(plain.document)
        ),
        claims: vec![
            context.claim(
                at(strong),
                strong.start,
                strong.end,
                Some(strong.text.clone()),
                None,
            ),
            context.claim(
                at(plain),
                plain.start,
                plain.end,
                Some(plain.text.clone()),
                None,
            ),
        ],
        confidence: 0.7,
        evidence: vec![
            format!("both labels are tied to {name}, resolved as one {kind} in both sources"),
            format!(
                "“{}” holds a word of the loaded-words list; {} labels {name} only in plain words",
                strong.text,
                context.source_name(plain.document)
            ),
        ],
    }
}
