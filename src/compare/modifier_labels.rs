//! Evaluative modifiers of one common-noun referent: one source writes "the lewd photo",
//! another "the suggestive photograph" of the same picture.
//!
//! `labels` reads the labels of named people, groups and places; a thing a story names only
//! with a common noun (a photo, an investigation) has no name to tie two labels together.
//! Here a label is an adjective right before a lower-case noun. Two labels of two sources
//! are set against each other when:
//!
//! - their head nouns are one word or share their most frequent WordNet sense ("photo",
//!   "photograph"; `assets/lexicon/noun_synonyms_en.tsv`);
//! - their adjectives are different words, one of them judging in its most frequent sense
//!   and the other in some sense (`assets/lexicon/evaluative_en.tsv`, both built from WordNet
//!   by `build_evaluative.py`): an ordinal, a number, a colour or a nationality ("the second
//!   photo", "the Russian inquiry") never takes part, so two referents are never set against
//!   each other by the words that tell them apart;
//! - one referent is vouched for: both passages in one event sure enough to be shown, the
//!   words around the two labels (`wording_referent`), or the noun names the one such thing
//!   of the story: each source uses it at least twice, never in the plural, and every
//!   adjective it takes in that source judges (no "first" or "other" photo beside it).
//!
//! Labels inside quotation marks are the speaker's and are left out.

use super::{Context, FindingDraft};
use crate::extract::tagger::Pos;
use crate::model::{DocId, FindingKind, PassageId, PassageRef};
use crate::text::fold;
use std::collections::{BTreeMap, BTreeSet};

/// Times a source must use the noun, in the singular, for it to be the story's one thing.
const STORY_USES: usize = 2;

/// An adjective right before a noun.
struct Modified {
    at: PassageRef,
    start: usize,
    end: usize,
    adjective: String,
    head: String,
    key: String,
}

/// How one source uses a noun key across its text.
#[derive(Default)]
struct Usage {
    singular: usize,
    plural: usize,
    /// Adjectives before it that judge nothing (an ordinal, a colour, a size).
    plain_adjectives: usize,
}

/// The key of a noun: its WordNet synonym key, or the word itself.
fn key_of(context: &Context<'_>, noun: &str) -> String {
    context
        .lexicon
        .noun_keys
        .get(noun)
        .cloned()
        .unwrap_or_else(|| noun.to_string())
}

/// The modified nouns of one document, and how it uses each noun key.
fn read(context: &Context<'_>, document: DocId) -> (Vec<Modified>, BTreeMap<String, Usage>) {
    let doc = &context.corpus.documents[document.get()];
    let text = context.text(document);
    let mut found = Vec::new();
    let mut usage: BTreeMap<String, Usage> = BTreeMap::new();
    for (p, passage) in doc.passages.iter().enumerate() {
        let at = PassageRef {
            document,
            passage: PassageId(p),
        };
        let tagged = super::labels::tagged(text, passage.start, passage.end);
        let quotes = &context.features(at).quotes;
        for i in 0..tagged.words.len() {
            let (s, e) = tagged.words[i];
            let word = &text[s..e];
            if tagged.tags[i] != Pos::Noun || !word.chars().next().is_some_and(char::is_lowercase) {
                continue;
            }
            let folded = fold(word);
            let singular = folded.strip_suffix('s').filter(|_| !folded.ends_with("ss"));
            let (key, plural) = match singular {
                Some(one) if context.lexicon.noun_keys.contains_key(one) => {
                    (key_of(context, one), true)
                }
                _ => (key_of(context, &folded), false),
            };
            let use_of = usage.entry(key.clone()).or_default();
            if plural {
                use_of.plural += 1;
            } else {
                use_of.singular += 1;
            }
            let Some(before) = i.checked_sub(1) else {
                continue;
            };
            let (bs, be) = tagged.words[before];
            let adjective = fold(&text[bs..be]);
            // The tagger knows rare adjectives less well than WordNet ("a lewd photo" may
            // come out as two nouns): an adjective of the list before a noun is one too.
            let adjectival = tagged.tags[before] == Pos::Adj
                || (tagged.tags[before] == Pos::Noun
                    && context.lexicon.evaluative.contains_key(&adjective));
            if !adjectival || text.get(be..s) != Some(" ") {
                continue;
            }
            if !context.lexicon.evaluative.contains_key(&adjective) {
                use_of.plain_adjectives += 1;
                continue;
            }
            let quoted = quotes.iter().any(|q| q.start <= bs && e <= q.end)
                || super::wording::quoted(text, bs, e);
            if plural || quoted || !text[bs..be].chars().all(char::is_lowercase) {
                continue;
            }
            found.push(Modified {
                at,
                start: bs,
                end: e,
                adjective,
                head: folded,
                key,
            });
        }
    }
    (found, usage)
}

/// Whether a source's uses of a noun make it the one such thing of its story.
fn one_thing(usage: Option<&Usage>) -> bool {
    usage.is_some_and(|u| u.singular >= STORY_USES && u.plural == 0 && u.plain_adjectives == 0)
}

/// Why two labels are taken to name one referent, and how sure that is.
fn link(
    context: &Context<'_>,
    a: &Modified,
    b: &Modified,
    usages: (&BTreeMap<String, Usage>, &BTreeMap<String, Usage>),
    one_story: bool,
) -> Option<(f32, String)> {
    let event_of = |at: PassageRef| context.event_of[at.document.get()][at.passage.get()];
    if let Some(event) = event_of(a.at).filter(|e| Some(*e) == event_of(b.at)) {
        let score = 0.35 + 0.35 * super::event_confidence(context, Some(event));
        if (score * 100.0).round() / 100.0 >= crate::settings::DEFAULT_MIN_CONFIDENCE {
            return super::event_evidence(context, Some(event)).map(|line| (score, line));
        }
    }
    if !one_story {
        return None;
    }
    let stem: String = context.stemmer.stem(&a.head).chars().take(5).collect();
    let own = BTreeSet::from([stem]);
    let anchors =
        |m: &Modified| super::wording_referent::anchors(context, m.at, m.start, m.end, &own);
    if let Some(words) = super::wording_referent::shared(&anchors(a), &anchors(b)) {
        let score = (0.5 + 0.05 * words.len() as f32).min(0.7);
        return Some((
            score,
            format!(
                "the sentences share the words around the labels: {}",
                words.join(", ")
            ),
        ));
    }
    (one_thing(usages.0.get(&a.key)) && one_thing(usages.1.get(&b.key))).then(|| {
        (
            0.6,
            format!(
                "each source speaks of one {} only: at least {STORY_USES} times, never in the plural or with a plain adjective",
                a.head
            ),
        )
    })
}

/// One common-noun referent given different evaluative adjectives by two sources.
pub fn find(context: &Context<'_>) -> Vec<FindingDraft> {
    let documents = context.corpus.documents.len();
    let read: Vec<_> = (0..documents).map(|d| read(context, DocId(d))).collect();
    let one_story = super::wording::one_story_pairs(context);
    let mut made: BTreeSet<(usize, usize, String)> = BTreeSet::new();
    let mut out = Vec::new();
    for x in 0..documents {
        for y in x + 1..documents {
            let story = one_story.contains(&(DocId(x), DocId(y)));
            for a in &read[x].0 {
                for b in read[y].0.iter().filter(|b| b.key == a.key) {
                    let stems = |m: &Modified| context.stemmer.stem(&m.adjective);
                    let strong = context.lexicon.evaluative[&a.adjective]
                        || context.lexicon.evaluative[&b.adjective];
                    if stems(a) == stems(b) || !strong || made.contains(&(x, y, a.key.clone())) {
                        continue;
                    }
                    let Some((confidence, why)) =
                        link(context, a, b, (&read[x].1, &read[y].1), story)
                    else {
                        continue;
                    };
                    made.insert((x, y, a.key.clone()));
                    out.push(finding(context, a, b, confidence, why));
                }
            }
        }
    }
    out
}

fn finding(
    context: &Context<'_>,
    a: &Modified,
    b: &Modified,
    confidence: f32,
    why: String,
) -> FindingDraft {
    let claim = |m: &Modified| context.claim(m.at, m.start, m.end, Some(m.adjective.clone()), None);
    let (ca, cb) = (claim(a), claim(b));
    let judging: Vec<&str> = [a, b]
        .iter()
        .filter(|m| context.lexicon.evaluative[&m.adjective])
        .map(|m| m.adjective.as_str())
        .collect();
    FindingDraft {
        kind: FindingKind::Wording,
        event: context.event_of[a.at.document.get()][a.at.passage.get()],
        summary: format!(
            "Sources label the {} differently: “{}” ({}) vs “{}” ({})",
            a.head,
            ca.text,
            context.source_name(a.at.document),
            cb.text,
            context.source_name(b.at.document)
        ),
        claims: vec![ca, cb],
        confidence,
        evidence: vec![
            why,
            format!(
                "“{}” judges in its most frequent sense (WordNet); the other source chose another adjective",
                judging.join("”, “")
            ),
        ],
    }
}
