//! The charge of one legal act told two ways: one source says a person pleaded guilty to
//! conspiracy, another that the same person pleaded guilty to a fraud count. Which offence a
//! plea, charge, indictment or conviction was for is a fact a reader checks, and a label the
//! reader compares.
//!
//! The words are `assets/lexicon/charges_en.tsv`, built by `build_charges.py` from WordNet:
//! the legal acts (enter a plea; charge; indict; convict) with their nouns ("plea",
//! "conviction"), and the nouns that name an offence, each with the offences above it
//! ("fraud" above "mail fraud"). A passage tells an act when the act's word is followed, in
//! its clause, by the act's preposition ("pleaded guilty … to", "charged with", "convicted
//! of", "indicted on") and a phrase naming at least one offence. The person is a resolved
//! name: the subject of a plea or of a passive verb, the object of an active one, the owner
//! of a noun ("Vell's plea was to …"), or, for "he" or "she", the person of the same act in
//! the two sentences before.
//!
//! Two sources are set against each other only on one person and one act, when every
//! offence one names for it differs from every offence the other names, and neither is a
//! kind of the other. Silent on purpose: a side naming several charges of which the other
//! names one (or a wider one), a modal, dependent or negated act ("agreed to plead guilty"),
//! a guilty plea against a plea of not guilty, another occasion (different years or months,
//! "also", "separately"), a quote.

use super::name_words::{Names, name_words};
use super::{Context, FindingDraft};
use crate::model::{DocId, EntityId, EntityKind, FindingKind, PassageId, PassageRef};
use crate::text::{fold, tokens};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The legal acts, offences and inquiry nouns (`build_charges.py`), read by `charges` and
/// `inquiry_labels`.
pub(super) const CHARGES: &str = include_str!("../../assets/lexicon/charges_en.tsv");

/// Most words between an act's word and its preposition ("pleaded guilty Wednesday in
/// federal court to").
const TO_PREPOSITION: usize = 8;
/// Most words of the phrase naming the offences.
const PHRASE_REACH: usize = 12;
/// Confidence of a finding on one named person and one act.
const NAMED: f32 = 0.7;

/// Words that end the phrase naming the offences: prepositions other than "of" and "to"
/// (which stay inside it: "counts of fraud", "conspiracy to commit fraud") and words that
/// open a clause (a closed class of function words).
const PHRASE_ENDS: &[&str] = &[
    "in", "on", "at", "for", "from", "by", "as", "after", "before", "during", "that", "which",
    "who", "when", "while", "because", "amid", "against", "without", "but", "than", "over",
    "under", "since", "if",
];
/// Words that put an act on another occasion than one told elsewhere (a closed class).
const OTHER_OCCASION: &[&str] = &["also", "again", "separately", "another", "additional"];

/// One offence noun of the list: its synsets and the synsets above it.
struct Offence {
    words: Vec<String>,
    synsets: Vec<String>,
    above: Vec<String>,
}

/// The list, read once per comparison.
struct Lists {
    /// Stem of an act's word -> the act.
    acts: HashMap<String, &'static str>,
    /// The act nouns as written ("plea", "conviction"): their owner is the person.
    nouns: BTreeSet<String>,
    offences: Vec<Offence>,
}

fn lists(context: &Context<'_>) -> Lists {
    let mut acts = HashMap::new();
    let mut nouns = BTreeSet::new();
    let mut offences = Vec::new();
    for line in CHARGES.lines().filter(|l| !l.starts_with('#')) {
        let fields: Vec<&'static str> = line.split('\t').collect();
        match fields.as_slice() {
            ["act", key, word] => {
                acts.insert(context.stemmer.stem(word), *key);
                // The list's nouns are the words other than the verb itself.
                if word != key {
                    nouns.insert(word.to_string());
                    nouns.insert(format!("{word}s"));
                }
            }
            ["charge", word, synsets, above] => offences.push(Offence {
                words: word.split(' ').map(str::to_string).collect(),
                synsets: synsets.split(',').map(str::to_string).collect(),
                above: above
                    .split(',')
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect(),
            }),
            _ => {}
        }
    }
    // Longest first, so "mail fraud" is read before "fraud".
    offences.sort_by_key(|o| std::cmp::Reverse(o.words.len()));
    Lists {
        acts,
        nouns,
        offences,
    }
}

/// The preposition that introduces the offence after each act (closed-class grammar).
fn preposition(act: &str) -> &'static [&'static str] {
    match act {
        "plead" => &["to"],
        "charge" => &["with"],
        "convict" => &["of"],
        "indict" => &["on", "for", "with"],
        _ => &[],
    }
}

/// One act told by one source.
#[derive(Clone)]
pub(super) struct Told {
    at: PassageRef,
    /// The act, with "not" for a plea of not guilty.
    act: String,
    person: EntityId,
    /// Whether the person was read through "he" or "she".
    pronoun: bool,
    /// Indices into the list's offences, and the words as written.
    offences: Vec<(usize, String)>,
    start: usize,
    end: usize,
    /// Years and months named in the clause, and an "also".
    times: Vec<String>,
    other_occasion: bool,
}

/// Who an act is about, as one passage tells it.
#[derive(Clone, Copy, PartialEq)]
enum Who {
    Named(EntityId),
    /// "he" or "she": the person of the same act just before.
    Pronoun,
    Unknown,
}

/// Who the act is about, when the act's word is a verb: the claim whose predicate it is;
/// `None` when the claim is not a plain statement of the act.
fn person_of_verb(context: &Context<'_>, at: PassageRef, start: usize, act: &str) -> Option<Who> {
    let claim = context
        .features(at)
        .claims
        .iter()
        .find(|c| c.start <= start && start < c.end)?;
    if claim.modal || claim.dependent || claim.negation.is_some() {
        return None;
    }
    let argument = if act == "plead" || claim.passive {
        claim.subject.as_ref()
    } else {
        claim.object.as_ref()
    };
    Some(match argument {
        Some(a) if a.pronoun && matches!(a.head.as_str(), "he" | "she") => Who::Pronoun,
        Some(a) if !a.pronoun => a.entity.map_or(Who::Unknown, Who::Named),
        None if act == "plead" || claim.passive => {
            name_before(context, at, start).map_or(Who::Unknown, Who::Named)
        }
        _ => Who::Unknown,
    })
}

/// The subject the claim reader left out ("Vell, the former commissioner, pleaded"): the
/// last person named before the verb in its passage, with no other verb, other person or
/// "and" / "or" between.
fn name_before(context: &Context<'_>, at: PassageRef, start: usize) -> Option<EntityId> {
    let features = context.features(at);
    let text = context.text(at.document);
    let (mention, entity) = features
        .mentions
        .iter()
        .map(|&m| {
            (
                &context.corpus.mentions[m].mention,
                context.corpus.mention_entities[m],
            )
        })
        // A name in brackets glosses the one before it ("Vell (D-Ark.)").
        .filter(|(m, e)| {
            m.end <= start && is_person(context, *e) && !text[..m.start].ends_with('(')
        })
        .max_by_key(|(m, _)| m.end)?;
    let between = &text[mention.end..start];
    let verb_between = features
        .claims
        .iter()
        .any(|c| c.start >= mention.end && c.start < start);
    let joined = tokens(between)
        .iter()
        .any(|t| matches!(fold(t.text).as_str(), "and" | "or" | "with"));
    (!verb_between && !joined).then_some(entity)
}

/// The owner of a noun ("Vell's guilty plea"): a name ending in 's at most two words before.
fn owner_of_noun(context: &Context<'_>, at: PassageRef, start: usize) -> Option<EntityId> {
    let text = context.text(at.document);
    let passage = &context.corpus.documents[at.document.get()].passages[at.passage.get()];
    let before = tokens(&text[passage.start..start]);
    let features = context.features(at);
    for token in before.iter().rev().take(3) {
        let folded = fold(token.text);
        let Some(name_end) = folded
            .strip_suffix("'s")
            .or_else(|| folded.strip_suffix("’s"))
            .map(|n| passage.start + token.start + n.len())
        else {
            continue;
        };
        return features.mentions.iter().find_map(|&m| {
            let mention = &context.corpus.mentions[m].mention;
            (mention.end == name_end).then(|| context.corpus.mention_entities[m])
        });
    }
    None
}

fn is_person(context: &Context<'_>, entity: EntityId) -> bool {
    context.corpus.entities[entity.get()].kind == EntityKind::Person
}

/// The offences named in the phrase after the act's preposition, with where it ends.
fn offences_after(
    lists: &Lists,
    words: &[crate::text::Token<'_>],
    text: &str,
    from: usize,
) -> (Vec<(usize, String)>, usize) {
    let mut found = Vec::new();
    let mut end = 0;
    let mut i = from;
    let limit = (from + PHRASE_REACH).min(words.len());
    while i < limit {
        if i > from && text[words[i - 1].end..words[i].start].contains(['.', ';', ':', '(']) {
            break;
        }
        let folded = fold(words[i].text);
        if PHRASE_ENDS.contains(&folded.as_str()) {
            break;
        }
        let matched = lists.offences.iter().enumerate().find(|(_, o)| {
            let n = o.words.len();
            i + n <= words.len()
                && (0..n).all(|k| {
                    let w = fold(words[i + k].text);
                    w == o.words[k]
                        || (k + 1 == n && w.strip_suffix('s') == Some(o.words[k].as_str()))
                })
        });
        if let Some((index, offence)) = matched {
            let n = offence.words.len();
            found.push((
                index,
                text[words[i].start..words[i + n - 1].end].to_string(),
            ));
            i += n;
        } else {
            i += 1;
        }
        end = words[i - 1].end;
    }
    // The claim ends with the phrase ("a conspiracy charge"), or nothing was named.
    (found, end)
}

/// The acts one passage tells, with who each is about.
fn read_passage(context: &Context<'_>, lists: &Lists, at: PassageRef) -> Vec<(Told, Who)> {
    let passage = &context.corpus.documents[at.document.get()].passages[at.passage.get()];
    let full = context.text(at.document);
    let text = &full[passage.start..passage.end];
    let words = tokens(text);
    let folded: Vec<String> = words.iter().map(|w| fold(w.text)).collect();
    let features = context.features(at);
    let mut out = Vec::new();
    for (i, word) in words.iter().enumerate() {
        let Some(&act) = lists.acts.get(&context.stemmer.stem(&folded[i])) else {
            continue;
        };
        let start = passage.start + word.start;
        if features
            .quotes
            .iter()
            .any(|q| q.start <= start && start < q.end)
            || super::wording::quoted(full, start, passage.start + word.end)
        {
            continue;
        }
        // The act's preposition, in the clause; without one the act names no offence but
        // may still be what a "he" or "she" after it refers to.
        let to = (i + 1..(i + 1 + TO_PREPOSITION).min(words.len()))
            .find(|&j| preposition(act).contains(&folded[j].as_str()))
            .filter(|&to| {
                !text[word.end..words[to].start].contains(['.', ';', ':', '(', '"', '“', '”'])
            });
        let not = folded[i + 1..to.unwrap_or(i + 1)]
            .iter()
            .any(|w| w == "not");
        let (offences, end) = match to {
            Some(to) => offences_after(lists, &words, text, to + 1),
            None => (Vec::new(), word.end),
        };
        // A verb: its claim tells who; a noun: its owner.
        let noun = lists.nouns.contains(&folded[i]);
        let who = if noun {
            owner_of_noun(context, at, start).map_or(Who::Unknown, Who::Named)
        } else {
            match person_of_verb(context, at, start, act) {
                Some(who) => who,
                None => continue,
            }
        };
        out.push((
            Told {
                at,
                act: if not {
                    format!("{act} not")
                } else {
                    act.to_string()
                },
                person: EntityId(usize::MAX),
                pronoun: who == Who::Pronoun,
                offences,
                start,
                end: passage.start + end.max(word.end),
                times: times(&folded),
                other_occasion: folded.iter().any(|w| OTHER_OCCASION.contains(&w.as_str())),
            },
            who,
        ));
    }
    out
}

/// The acts a document tells of named people, with the offences they name: "he" or "she"
/// is the person of the same act in one of the two passages before (told with or without
/// an offence).
fn read_document(context: &Context<'_>, lists: &Lists, document: DocId) -> Vec<Told> {
    let mut out: Vec<Told> = Vec::new();
    let passages = context.corpus.documents[document.get()].passages.len();
    for p in 0..passages {
        let at = PassageRef {
            document,
            passage: PassageId(p),
        };
        for (mut told, who) in read_passage(context, lists, at) {
            let person = match who {
                Who::Named(e) => Some(e),
                Who::Pronoun => out
                    .iter()
                    .rev()
                    .find(|t| !t.pronoun && t.act == told.act && t.at.passage.get() + 2 >= p)
                    .map(|t| t.person),
                Who::Unknown => None,
            };
            if let Some(person) = person.filter(|&e| is_person(context, e)) {
                told.person = person;
                out.push(told);
            }
        }
    }
    // A short name ("Vell's plea") is the person of the same act in this document whose
    // fuller name holds it, when only one does.
    let people: Vec<(String, EntityId, BTreeSet<String>)> = out
        .iter()
        .map(|t| (t.act.clone(), t.person, name_words(context, t.person)))
        .collect();
    for told in &mut out {
        let words = name_words(context, told.person);
        let fuller: BTreeSet<EntityId> = people
            .iter()
            .filter(|(act, e, w)| *act == told.act && *e != told.person && words.is_subset(w))
            .map(|(_, e, _)| *e)
            .collect();
        if fuller.len() == 1 {
            told.person = *fuller.iter().next().unwrap_or(&told.person);
        }
    }
    out.retain(|t| !t.offences.is_empty());
    out
}

/// Years and months a clause names ("may" is a modal, not May).
fn times(words: &[String]) -> Vec<String> {
    words
        .iter()
        .filter_map(|w| {
            if w != "may"
                && let Some(month) = crate::calendar::month_number(w)
            {
                return Some(format!("month {month}"));
            }
            (w.len() == 4 && w.parse::<u32>().is_ok_and(|y| (1800..=2100).contains(&y)))
                .then(|| w.clone())
        })
        .collect()
}

/// Whether two offences are one charge told alike or less precisely: a synset in common, or
/// one above the other.
fn nested(lists: &Lists, a: usize, b: usize) -> bool {
    let (x, y) = (&lists.offences[a], &lists.offences[b]);
    x.synsets
        .iter()
        .any(|s| y.synsets.contains(s) || y.above.contains(s))
        || y.synsets.iter().any(|s| x.above.contains(s))
}

/// The acts of one person each source tells.
type Sides<'t> = (Vec<&'t Told>, Vec<&'t Told>);

/// One person's act told by two sources with different offences.
pub fn find(context: &Context<'_>) -> Vec<FindingDraft> {
    let lists = lists(context);
    let documents = context.corpus.documents.len();
    let told: Vec<Vec<Told>> = (0..documents)
        .map(|d| read_document(context, &lists, DocId(d)))
        .collect();
    let stories = super::story_pairs(context);
    let named = super::name_words::named_by_document(context);
    let mut out = Vec::new();
    for x in 0..documents {
        for y in x + 1..documents {
            if told[x].is_empty() || told[y].is_empty() || !stories.contains(&(DocId(x), DocId(y)))
            {
                continue;
            }
            // Every act of one person, by source.
            let people = Names::new(context, &named, &[DocId(x), DocId(y)], |e| {
                is_person(context, e)
            });
            let mut by_act: BTreeMap<(EntityId, &str), Sides<'_>> = BTreeMap::new();
            for t in &told[x] {
                by_act
                    .entry((people.key(t.person), &t.act))
                    .or_default()
                    .0
                    .push(t);
            }
            for t in &told[y] {
                by_act
                    .entry((people.key(t.person), &t.act))
                    .or_default()
                    .1
                    .push(t);
            }
            for (a, b) in by_act.values() {
                if let Some(finding) = compare_acts(context, &lists, a, b) {
                    out.push(finding);
                }
            }
        }
    }
    out
}

/// The finding when every offence one source names for the act differs from every one the
/// other names, and both tell it of one occasion.
fn compare_acts(
    context: &Context<'_>,
    lists: &Lists,
    a: &[&Told],
    b: &[&Told],
) -> Option<FindingDraft> {
    let (first_a, first_b) = (a.first()?, b.first()?);
    let offences = |side: &[&Told]| -> Vec<usize> {
        side.iter()
            .flat_map(|t| t.offences.iter().map(|o| o.0))
            .collect()
    };
    let (oa, ob) = (offences(a), offences(b));
    if oa.iter().any(|&i| ob.iter().any(|&j| nested(lists, i, j))) {
        return None;
    }
    let occasion = |t: &Told| t.other_occasion;
    if a.iter().chain(b).any(|t| occasion(t)) {
        return None;
    }
    let years = |side: &[&Told]| -> BTreeSet<String> {
        side.iter().flat_map(|t| t.times.iter().cloned()).collect()
    };
    let (ya, yb) = (years(a), years(b));
    if !ya.is_empty() && !yb.is_empty() && ya.is_disjoint(&yb) {
        return None;
    }
    Some(finding(context, first_a, first_b))
}

fn finding(context: &Context<'_>, a: &Told, b: &Told) -> FindingDraft {
    let words = |t: &Told| -> String {
        t.offences
            .iter()
            .map(|o| o.1.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let claim = |t: &Told| context.claim(t.at, t.start, t.end, Some(words(t)), None);
    let (ca, cb) = (claim(a), claim(b));
    let (sa, sb) = (
        context.source_name(a.at.document),
        context.source_name(b.at.document),
    );
    let event_of = |t: &Told| context.event_of[t.at.document.get()][t.at.passage.get()];
    let event = event_of(a).filter(|&e| event_of(b) == Some(e));
    let name = &context.corpus.entities[a.person.get()].name;
    let act = match a.act.as_str() {
        "plead" => "a guilty plea",
        "plead not" => "a plea of not guilty",
        "charge" => "a charge",
        "indict" => "an indictment",
        _ => "a conviction",
    };
    let mut evidence = Vec::new();
    evidence.extend(super::event_evidence(context, event));
    evidence.push(format!(
        "{sa}: “{}”; {sb}: “{}”; the same person ({name}), the same act ({act})",
        ca.text, cb.text
    ));
    evidence.push(format!(
        "the offences differ: “{}” against “{}”, neither a kind of the other in WordNet, and no source names both",
        words(a),
        words(b)
    ));
    let through_pronoun = a.pronoun || b.pronoun;
    if through_pronoun {
        evidence.push("one side names the person as “he” or “she” after the same act told of them just before".to_string());
    }
    let confidence =
        NAMED - if through_pronoun { 0.05 } else { 0.0 } + if event.is_some() { 0.05 } else { 0.0 };
    FindingDraft {
        kind: FindingKind::Wording,
        event,
        summary: format!(
            "Sources name different charges for {name}'s {}: “{}” ({sa}) vs “{}” ({sb})",
            act.trim_start_matches("a ").trim_start_matches("an "),
            words(a),
            words(b)
        ),
        claims: vec![ca, cb],
        confidence,
        evidence,
    }
}
