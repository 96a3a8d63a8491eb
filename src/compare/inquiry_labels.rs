//! One investigation labelled by two different topics: one source writes of "Vell's
//! investigators in the harbour bribery case", another of "Vell's investigation into
//! possible collusion between the port and Ardmoor". What an inquiry is said to be about is
//! a label a reader compares.
//!
//! The nouns of an inquiry ("investigation", "probe", "case", "investigator") are the
//! `inquiry` lines of `assets/lexicon/charges_en.tsv`, built from WordNet by
//! `build_charges.py`. An inquiry is read with its owner, a resolved person or organisation
//! named right before it with "'s" ("Vell's probe") or right after it with "of" or "by";
//! and its topic: the first content word after "into" or "of" ("into possible collusion"),
//! or the lower-case words before an inquiry noun that follows "in the" ("in the harbour
//! bribery case"), or before the owned noun itself ("Vell's bribery probe").
//!
//! Two sources' inquiries are set against each other only with positive evidence of one
//! inquiry: the same owner, and a name other than the owner in both topic phrases (the
//! same country, company or person the inquiry is about). The topics must differ in what
//! they say: not one stem, not one WordNet sense, and no topic word in common in the two
//! phrases ("into meddling and possible collusion" against "into interference and
//! collusion" overlap). An agency investigating two matters (an email server, a campaign) names
//! no common party in the two phrases and stays silent.

use super::{Context, FindingDraft};
use crate::extract::tagger::Pos;
use crate::model::{DocId, EntityId, EntityKind, FindingKind, PassageId, PassageRef};
use crate::text::fold;
use std::collections::{BTreeSet, HashSet};

/// Confidence of a finding on one owner with a name shared by both topic phrases.
const SHOWN: f32 = 0.65;
/// Most words read for a topic phrase.
const PHRASE_REACH: usize = 12;

/// One owned inquiry with its topic.
struct Inquiry {
    at: PassageRef,
    owner: EntityId,
    /// The topic word as written, and its stem.
    topic: String,
    stem: String,
    /// Stems of the topic words of the phrase, and the names in it (other than the owner).
    phrase: BTreeSet<String>,
    names: BTreeSet<EntityId>,
    start: usize,
    end: usize,
}

fn inquiry_nouns() -> HashSet<&'static str> {
    super::charges::CHARGES
        .lines()
        .filter_map(|l| l.strip_prefix("inquiry\t"))
        .collect()
}

/// The passage's words with their tags, and each word's resolved name, if any.
struct Read {
    words: Vec<(usize, usize)>,
    tags: Vec<Pos>,
    folded: Vec<String>,
    named: Vec<Option<EntityId>>,
}

fn read(context: &Context<'_>, at: PassageRef) -> Read {
    let passage = &context.corpus.documents[at.document.get()].passages[at.passage.get()];
    let text = context.text(at.document);
    let tagged = super::labels::tagged(text, passage.start, passage.end);
    let folded = tagged
        .words
        .iter()
        .map(|&(s, e)| fold(&text[s..e]))
        .collect();
    let named = tagged
        .words
        .iter()
        .map(|&(s, e)| {
            context.features(at).mentions.iter().find_map(|&m| {
                let mention = &context.corpus.mentions[m].mention;
                // A name with its "'s" is one word ("Vell's").
                (mention.start <= s && e <= mention.end + "’s".len())
                    .then(|| context.corpus.mention_entities[m])
            })
        })
        .collect();
    Read {
        words: tagged.words,
        tags: tagged.tags,
        folded,
        named,
    }
}

/// An owner is a person or organisation, or a name the resolver could not class that holds
/// a title ("Special Counsel Vell"); never a place.
fn owner_kind(context: &Context<'_>, entity: EntityId) -> bool {
    context.corpus.entities[entity.get()].kind != EntityKind::Place
}

/// Whether a word can carry a topic: lower case, a content word, not an adjective or
/// adverb ("possible"), not an inquiry noun itself.
fn topical(
    context: &Context<'_>,
    read: &Read,
    text: &str,
    i: usize,
    nouns: &HashSet<&str>,
) -> bool {
    let (s, e) = read.words[i];
    let word = &read.folded[i];
    text[s..e].chars().next().is_some_and(char::is_lowercase)
        && word.chars().all(char::is_alphabetic)
        && !context.lexicon.stopwords.contains(word)
        && !matches!(read.tags[i], Pos::Adj | Pos::Adv)
        && !nouns.contains(word.trim_end_matches('s'))
}

/// The owned inquiries of one passage.
fn inquiries(context: &Context<'_>, at: PassageRef, nouns: &HashSet<&str>) -> Vec<Inquiry> {
    let text = context.text(at.document);
    // Tagging a passage costs; most hold no inquiry noun at all.
    let passage = &context.corpus.documents[at.document.get()].passages[at.passage.get()];
    let inquiry_noun = crate::text::tokens(&text[passage.start..passage.end])
        .iter()
        .any(|t| nouns.contains(fold(t.text).trim_end_matches('s')));
    if !inquiry_noun {
        return Vec::new();
    }
    let read = read(context, at);
    let n = read.words.len();
    let mut out = Vec::new();
    for i in 0..n {
        if !nouns.contains(read.folded[i].trim_end_matches('s')) {
            continue;
        }
        // The owner: "Vell's [bribery] probe" or "the probe of/by Vell".
        let possessive = (1..=3).filter_map(|k| i.checked_sub(k)).find(|&j| {
            read.named[j].is_some()
                && (read.folded[j].ends_with("'s") || read.folded[j].ends_with("’s"))
        });
        let after = (i + 2 < n && matches!(read.folded[i + 1].as_str(), "of" | "by"))
            .then(|| (i + 2..(i + 4).min(n)).find(|&j| read.named[j].is_some()))
            .flatten();
        let Some(owner_at) = possessive.or(after) else {
            continue;
        };
        let Some(owner) = read.named[owner_at].filter(|&e| owner_kind(context, e)) else {
            continue;
        };
        // The topic word and the phrase it stands in.
        let mut topic = None;
        let mut phrase_from = i + 1;
        if let Some(p) = possessive {
            topic = (p + 1..i)
                .rev()
                .find(|&j| topical(context, &read, text, j, nouns));
        }
        if topic.is_none()
            && i + 1 < n
            && matches!(read.folded[i + 1].as_str(), "into" | "of")
            && after.is_none()
        {
            topic = (i + 2..(i + 5).min(n)).find(|&j| topical(context, &read, text, j, nouns));
        }
        if topic.is_none() && i + 2 < n && read.folded[i + 1] == "in" {
            // "investigators in the Ardmoor bribery case": the words before the next inquiry noun.
            if let Some(j) = (i + 2..(i + 7).min(n))
                .find(|&j| nouns.contains(read.folded[j].trim_end_matches('s')))
            {
                topic = (i + 2..j)
                    .rev()
                    .find(|&k| topical(context, &read, text, k, nouns));
                phrase_from = i + 2;
            }
        }
        let Some(topic) = topic else { continue };
        let (start, end) = (read.words[owner_at.min(i)].0, read.words[topic.max(i)].1);
        // The phrase: to the end of the clause.
        let mut phrase = BTreeSet::new();
        let mut names = BTreeSet::new();
        for j in phrase_from.min(topic)..(phrase_from + PHRASE_REACH).min(n) {
            if j > phrase_from
                && text[read.words[j - 1].1..read.words[j].0].contains([',', '.', ';', ':', '('])
            {
                break;
            }
            if topical(context, &read, text, j, nouns) {
                phrase.insert(context.stemmer.stem(&read.folded[j]));
            }
            if let Some(e) = read.named[j].filter(|&e| e != owner) {
                names.insert(e);
            }
        }
        out.push(Inquiry {
            at,
            owner,
            topic: text[read.words[topic].0..read.words[topic].1].to_string(),
            stem: context.stemmer.stem(&read.folded[topic]),
            phrase,
            names,
            start,
            end,
        });
    }
    out
}

/// Whether two topics say one thing, or overlap: one stem or one WordNet sense, or a topic
/// word in common in the two phrases ("into meddling and collusion" against "into
/// interference and collusion" name the same matters in part).
fn same_topic(context: &Context<'_>, a: &Inquiry, b: &Inquiry) -> bool {
    let key = |t: &Inquiry| context.lexicon.noun_keys.get(&fold(&t.topic)).cloned();
    a.stem == b.stem || (key(a).is_some() && key(a) == key(b)) || !a.phrase.is_disjoint(&b.phrase)
}

/// One owner's inquiry given two different topics by two sources.
pub fn find(context: &Context<'_>) -> Vec<FindingDraft> {
    let nouns = inquiry_nouns();
    let documents = context.corpus.documents.len();
    let read: Vec<Vec<Inquiry>> = (0..documents)
        .map(|d| {
            let passages = context.corpus.documents[d].passages.len();
            (0..passages)
                .flat_map(|p| {
                    let at = PassageRef {
                        document: DocId(d),
                        passage: PassageId(p),
                    };
                    inquiries(context, at, &nouns)
                })
                .collect()
        })
        .collect();
    let stories = super::story_pairs(context);
    let named = super::name_words::named_by_document(context);
    let mut out = Vec::new();
    let mut made = HashSet::new();
    for x in 0..documents {
        for y in x + 1..documents {
            if read[x].is_empty() || read[y].is_empty() || !stories.contains(&(DocId(x), DocId(y)))
            {
                continue;
            }
            // A shorter name the resolver left apart is its one fuller name ("Vell" and
            // "Special Counsel Oren Vell").
            let owners =
                super::name_words::Names::new(context, &named, &[DocId(x), DocId(y)], |e| {
                    owner_kind(context, e)
                });
            let same = |a: &Inquiry, b: &Inquiry| owners.key(a.owner) == owners.key(b.owner);
            for a in &read[x] {
                for b in read[y].iter().filter(|b| same(a, b)) {
                    let shared: Vec<EntityId> = a.names.intersection(&b.names).copied().collect();
                    if shared.is_empty() || same_topic(context, a, b) {
                        continue;
                    }
                    // The other inquiries each source tells of this owner must not name the other's topic.
                    let told_elsewhere = read[x]
                        .iter()
                        .any(|o| same(o, a) && (o.stem == b.stem || o.phrase.contains(&b.stem)))
                        || read[y].iter().any(|o| {
                            same(o, b) && (o.stem == a.stem || o.phrase.contains(&a.stem))
                        });
                    if told_elsewhere || !made.insert((x, y, owners.key(a.owner))) {
                        continue;
                    }
                    out.push(finding(context, a, b, &shared));
                }
            }
        }
    }
    out
}

fn finding(context: &Context<'_>, a: &Inquiry, b: &Inquiry, shared: &[EntityId]) -> FindingDraft {
    let claim = |t: &Inquiry| context.claim(t.at, t.start, t.end, Some(t.topic.clone()), None);
    let (ca, cb) = (claim(a), claim(b));
    let (sa, sb) = (
        context.source_name(a.at.document),
        context.source_name(b.at.document),
    );
    let owner = &context.corpus.entities[a.owner.get()].name;
    let names: Vec<&str> = shared
        .iter()
        .map(|e| context.corpus.entities[e.get()].name.as_str())
        .collect();
    let event_of = |t: &Inquiry| context.event_of[t.at.document.get()][t.at.passage.get()];
    let event = event_of(a).filter(|&e| event_of(b) == Some(e));
    let mut evidence = Vec::new();
    evidence.extend(super::event_evidence(context, event));
    evidence.push(format!(
        "{sa}: “{}”; {sb}: “{}”; one inquiry: the same owner ({owner}), and both name {}",
        ca.text,
        cb.text,
        names.join(", ")
    ));
    evidence.push(format!(
        "the topics differ: “{}” against “{}” (not one stem or WordNet sense; neither source uses the other's word for it)",
        a.topic, b.topic
    ));
    FindingDraft {
        kind: FindingKind::Wording,
        event,
        summary: format!(
            "Sources label {owner}'s inquiry differently: “{}” ({sa}) vs “{}” ({sb})",
            a.topic, b.topic
        ),
        claims: vec![ca, cb],
        confidence: SHOWN,
        evidence,
    }
}
