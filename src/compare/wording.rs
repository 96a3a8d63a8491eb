//! `wording`: the same referent named with different loaded terms.
//!
//! Terms come from the wording lexicon (`assets/lexicon/wording.ron`, extendable by users).
//! Two uses of one lexicon entry compete when they are different words: forms of one word
//! ("protest", "protesters") and a term inside a longer one ("government", "military
//! government") do not. Two competing uses of two sources are linked when they name one
//! referent: inside one event the alignment vouches for it; across events the words that tie
//! each term to its referent must agree (`wording_referent`: the levee that was breached, the
//! crowd outside the courthouse), so that a dam that collapsed and a levee that gave way, or
//! unrelated mentions of rebels and terrorists, stay apart. Every group of linked uses is one
//! finding with each source's terms, shown when a loaded term stands against a different one.

use super::wording_country::Tie;
use super::{Context, FindingDraft};
use crate::extract::WordingHit;
use crate::model::{DocId, EventId, FindingKind, PassageId, PassageRef};
use crate::text::{fold, tokens};
use std::collections::{BTreeMap, BTreeSet};

struct Use<'a> {
    at: PassageRef,
    hit: &'a WordingHit,
    /// Stems of the term's words.
    stems: Vec<String>,
}

fn stems(context: &Context<'_>, text: &str) -> Vec<String> {
    tokens(&fold(text))
        .iter()
        .map(|t| context.stemmer.stem(t.text))
        .collect()
}

/// Whether two uses name the referent with genuinely different terms.
fn compete(a: &Use<'_>, b: &Use<'_>) -> bool {
    if a.stems == b.stems {
        return false;
    }
    // Forms of one word whose stems differ ("seized", "seizures"): one stem opens the other.
    if let ([x], [y]) = (a.stems.as_slice(), b.stems.as_slice())
        && (x.starts_with(y.as_str()) || y.starts_with(x.as_str()))
    {
        return false;
    }
    let contains = |long: &[String], short: &[String]| short.iter().all(|s| long.contains(s));
    !(contains(&a.stems, &b.stems) || contains(&b.stems, &a.stems))
}

/// The default display threshold: a link of one event alone must reach it.
const SHOWN: f32 = crate::settings::DEFAULT_MIN_CONFIDENCE;

/// Uses of one lexicon entry in one document beyond which the entry is the story's theme.
const THEME_USES: usize = 2;

/// The confidence one event gives two competing uses.
fn event_score(context: &Context<'_>, event: Option<EventId>) -> f32 {
    0.35 + 0.35 * super::event_confidence(context, event)
}

/// Why two uses are taken to name one referent.
enum Link {
    /// Both passages are in this event.
    Event(Option<EventId>),
    /// Sentences that share these words around the terms, in different events or none.
    Words(Vec<String>),
    /// Both: one event, and these words around the terms.
    Both(Option<EventId>, Vec<String>),
    /// Both terms tied to one country, of an entry with one referent per country.
    Country(Box<(Tie, Tie)>),
}

/// Whether the uses make no wording difference: every loaded term is shared by all the
/// other sources, only one source or only neutral terms take part, or the sources with the
/// neutral term use the loaded word themselves elsewhere.
fn no_difference(context: &Context<'_>, entry: usize, uses: &[&Use<'_>]) -> bool {
    // Every term each source uses here: a loaded term that every other source uses too is
    // no difference, whichever term each uses first.
    let mut terms_of: BTreeMap<DocId, BTreeSet<&[String]>> = BTreeMap::new();
    for u in uses {
        terms_of
            .entry(u.at.document)
            .or_default()
            .insert(u.stems.as_slice());
    }
    let shared_by_all = |u: &&Use<'_>| {
        terms_of
            .iter()
            .filter(|(d, _)| **d != u.at.document)
            .all(|(_, terms)| terms.contains(u.stems.as_slice()))
    };
    if uses
        .iter()
        .filter(|u| !context.lexicon.is_neutral(entry, &u.hit.term))
        .all(shared_by_all)
    {
        return true;
    }
    // Each source's distinct terms (the caller keeps one use of each); two sources at least.
    let documents: BTreeSet<DocId> = uses.iter().map(|u| u.at.document).collect();
    // Two neutral names of one thing ("protesters", "demonstrators") are not loaded wording.
    let loaded = uses
        .iter()
        .any(|u| !context.lexicon.is_neutral(entry, &u.hit.term));
    if documents.len() < 2 || !loaded {
        return true;
    }
    // When the sources with the neutral term use the loaded word themselves elsewhere
    // ("terrorist" here, "terrorism" there), the choice is not theirs against the other's.
    uses.iter()
        .filter(|u| !context.lexicon.is_neutral(entry, &u.hit.term))
        .all(|loaded| {
            uses.iter()
                .filter(|u| u.at.document != loaded.at.document)
                .all(|other| {
                    loaded.stems.iter().all(|stem| {
                        // The word's family: "terrorist" and "terrorism" share "terror".
                        let root: String = stem
                            .chars()
                            .take(stem.chars().count().clamp(4, 6))
                            .collect();
                        context.corpus.documents[other.at.document.get()]
                            .features
                            .iter()
                            .any(|f| f.terms.iter().any(|(_, t)| t.starts_with(&root)))
                    })
                })
        })
}

fn finding(
    context: &Context<'_>,
    entry: usize,
    uses: &[&Use<'_>],
    links: &[&Link],
) -> Option<FindingDraft> {
    if no_difference(context, entry, uses) {
        return None;
    }
    // The strongest link vouches for the referent: an event of the alignment, or the words
    // two sentences of different events share around the terms.
    let in_event = links
        .iter()
        .filter_map(|l| match l {
            Link::Event(event) | Link::Both(event, _) => Some(*event),
            Link::Words(_) | Link::Country(_) => None,
        })
        .max_by(|a, b| {
            super::event_confidence(context, *a).total_cmp(&super::event_confidence(context, *b))
        });
    let words = links
        .iter()
        .filter_map(|l| match l {
            Link::Words(words) | Link::Both(_, words) => Some(words),
            Link::Event(_) | Link::Country(_) => None,
        })
        .max_by_key(|w| w.len());
    let event_score = in_event.map(|e| event_score(context, e));
    let words_score = words.map(|w| (0.5 + 0.05 * w.len() as f32).min(0.7));
    let event = in_event.flatten().or_else(|| {
        uses.iter()
            .find_map(|u| context.event_of[u.at.document.get()][u.at.passage.get()])
    });
    let mut evidence = Vec::new();
    if let Some(line) = in_event.and_then(|e| super::event_evidence(context, e)) {
        evidence.push(line);
    }
    evidence.push(format!(
        "competing terms of one wording-lexicon entry ({})",
        context.corpus_lexicon_referent(entry)
    ));
    if let Some(words) = words {
        evidence.push(format!(
            "the sentences share the words around the terms: {}",
            words.join(", ")
        ));
    }
    // One country's government named by both terms in their own words; a tie read through
    // the rest of a document is less sure.
    let country = links
        .iter()
        .filter_map(|l| match l {
            Link::Country(ties) => Some(&**ties),
            _ => None,
        })
        .max_by_key(|(a, b)| u8::from(a.own) + u8::from(b.own));
    let country_score = country.map(|(a, b)| if a.own && b.own { 0.7 } else { 0.65 });
    if let Some((a, b)) = country {
        evidence.push(format!(
            "both terms name the {} of one country ({}): “{}”, “{}”",
            context.corpus_lexicon_referent(entry),
            a.country,
            a.phrase,
            b.phrase
        ));
    }
    // The alignment and the words around the terms, two signals read apart, agreeing on
    // one pair of uses are surer than either alone.
    let agree = if links.iter().any(|l| matches!(l, Link::Both(..))) {
        0.05
    } else {
        0.0
    };
    let confidence = (event_score.unwrap_or(0.0).max(words_score.unwrap_or(0.0)) + agree)
        .min(0.7)
        .max(country_score.unwrap_or(0.0));
    let claims: Vec<_> = uses
        .iter()
        .map(|u| context.claim(u.at, u.hit.start, u.hit.end, Some(u.hit.term.clone()), None))
        .collect();
    let listing: Vec<String> = claims
        .iter()
        .map(|c| format!("“{}” ({})", c.text, context.source_name(c.document)))
        .collect();
    Some(FindingDraft {
        kind: FindingKind::Wording,
        event,
        summary: format!(
            "Sources name the {} differently: {}",
            context.corpus_lexicon_referent(entry),
            listing.join(", ")
        ),
        claims,
        confidence,
        evidence,
    })
}

/// The groups of uses that one finding sets against each other: around each loaded use (a
/// term the lexicon does not list as neutral), the uses linked to it, and the uses that share
/// an event with one of those ("protesters" and "demonstrators" outside one courthouse, one
/// of them set against "mob", when that event is strong or their sentences share more than
/// the least words) or that are neutral terms, tied to one of those by their words, of a source
/// already in the group (its plain "layoffs" beside its "job cuts" set against "restructuring"). Links
/// are not followed further, so that a chain of pairs (a dam's failure, a failure in the same
/// event as a levee's breach) never sets two referents' loaded terms against each other. A
/// group inside one already made is left out.
fn stars(
    context: &Context<'_>,
    entry: usize,
    uses: &[Use<'_>],
    links: &BTreeMap<(usize, usize), Link>,
) -> Vec<Vec<usize>> {
    // Each link, and whether it is strong enough to be followed a second step: a strong
    // event, or an event whose sentences share more words than the least.
    let mut next: Vec<Vec<(usize, bool)>> = vec![Vec::new(); uses.len()];
    for (&(i, j), link) in links {
        let strong = match link {
            Link::Event(_) => true,
            Link::Both(event, words) => {
                words.len() > super::wording_referent::MIN_SHARED
                    || event_score(context, *event) >= SHOWN
            }
            Link::Words(_) | Link::Country(_) => false,
        };
        next[i].push((j, strong));
        next[j].push((i, strong));
    }
    let mut centres: Vec<usize> = (0..uses.len())
        .filter(|&c| !next[c].is_empty() && !context.lexicon.is_neutral(entry, &uses[c].hit.term))
        .collect();
    centres.sort_by_key(|&c| std::cmp::Reverse(next[c].len()));
    let mut groups: Vec<BTreeSet<usize>> = Vec::new();
    for centre in centres {
        let mut group: BTreeSet<usize> = BTreeSet::from([centre]);
        group.extend(next[centre].iter().map(|(n, _)| *n));
        let sources: BTreeSet<DocId> = group.iter().map(|&g| uses[g].at.document).collect();
        for &(n, _) in &next[centre] {
            group.extend(
                next[n]
                    .iter()
                    .filter(|&&(m, strong)| {
                        strong
                            || (context.lexicon.is_neutral(entry, &uses[m].hit.term)
                                && sources.contains(&uses[m].at.document))
                    })
                    .map(|(m, _)| *m),
            );
        }
        if !groups.iter().any(|g| group.is_subset(g)) {
            groups.push(group);
        }
    }
    groups
        .into_iter()
        .map(|g| g.into_iter().collect())
        .collect()
}

/// Whether a short span stands in quotation marks of its own: an opening mark within a few
/// words before it with no closing mark between, and a closing mark soon after.
/// Words before a term that a hedge reaches ("the alleged presence of Wagner Group
/// mercenaries").
const HEDGE_REACH: usize = 6;

/// Whether a hedge of the polarity lists ("alleged", "reportedly", "purported", "may")
/// stands within a few words before the term in its clause: the source reports someone
/// else's characterisation, it does not label the thing itself.
fn hedged(context: &Context<'_>, text: &str, start: usize) -> bool {
    let Some(hedges) = context.lexicon.polarity.get("hedge") else {
        return false;
    };
    let from = text.floor_char_boundary(start.saturating_sub(80));
    let before = &text[from..start];
    let clause = before
        .rfind(['.', ';', ',', ':', '!', '?', '\n'])
        .map_or(before, |at| &before[at + 1..]);
    crate::text::tokens(clause)
        .iter()
        .rev()
        .take(HEDGE_REACH)
        .any(|t| hedges.contains(&crate::text::fold(t.text)))
}

pub(super) fn quoted(text: &str, start: usize, end: usize) -> bool {
    const REACH: usize = 40;
    let before = &text[text.floor_char_boundary(start.saturating_sub(REACH))..start];
    let after = &text[end..text.floor_char_boundary((end + REACH).min(text.len()))];
    let opened = before
        .char_indices()
        .rev()
        .find(|(_, c)| *c == '“' || *c == '"')
        .is_some_and(|(at, mark)| {
            let inside = &before[at + mark.len_utf8()..];
            !inside.contains('”') && !inside.contains('"')
        });
    opened && after.contains(['”', '"'])
}

/// The uses of wording-lexicon terms, by entry: a term in quotation marks, or hedged, is
/// someone else's wording, not the source's.
fn uses_by_entry<'a>(context: &Context<'a>) -> BTreeMap<usize, Vec<Use<'a>>> {
    let mut by_entry: BTreeMap<usize, Vec<Use<'_>>> = BTreeMap::new();
    for (d, document) in context.corpus.documents.iter().enumerate() {
        for (p, features) in document.features.iter().enumerate() {
            for hit in &features.wording {
                let at = PassageRef {
                    document: DocId(d),
                    passage: PassageId(p),
                };
                // A term in quotation marks is someone's wording the source reports ("what
                // they call “foreign mercenaries”"), not the source's own choice.
                let text = &document.loaded.text;
                if features
                    .quotes
                    .iter()
                    .any(|q| q.start <= hit.start && hit.end <= q.end)
                    || quoted(text, hit.start, hit.end)
                    || hedged(context, text, hit.start)
                {
                    continue;
                }
                by_entry.entry(hit.entry).or_default().push(Use {
                    at,
                    hit,
                    stems: stems(context, &hit.term),
                });
            }
        }
    }
    by_entry
}

/// Documents that tell one story: they share an event sure enough to be shown. Words
/// alone link two uses across events only there (a story's words recur in another
/// story on the same theme).
pub(super) fn one_story_pairs(context: &Context<'_>) -> std::collections::HashSet<(DocId, DocId)> {
    context
        .alignment
        .events
        .iter()
        .filter(|e| e.confidence >= SHOWN)
        .flat_map(|e| {
            let documents = e.documents();
            let pairs: Vec<(DocId, DocId)> = documents
                .iter()
                .flat_map(|&a| documents.iter().map(move |&b| (a, b)))
                .filter(|(a, b)| a != b)
                .collect();
            pairs
        })
        .collect()
}

/// The finding of one group of linked uses: each source's distinct terms, unless a group
/// already made sets the same terms of the same sources against each other.
fn group_finding(
    context: &Context<'_>,
    entry: usize,
    uses: &[Use<'_>],
    group: &[usize],
    links: &BTreeMap<(usize, usize), Link>,
    made: &mut BTreeSet<Vec<(DocId, Vec<String>)>>,
) -> Option<FindingDraft> {
    let mut members: Vec<&Use<'_>> = Vec::new();
    for &g in group {
        let duplicate = members
            .iter()
            .any(|m| m.at.document == uses[g].at.document && m.stems == uses[g].stems);
        if !duplicate {
            members.push(&uses[g]);
        }
    }
    let terms: Vec<(DocId, Vec<String>)> = members
        .iter()
        .map(|m| (m.at.document, m.stems.clone()))
        .collect();
    if !made.insert(terms) {
        return None;
    }
    let group_links: Vec<&Link> = links
        .iter()
        .filter(|((i, j), _)| group.contains(i) && group.contains(j))
        .map(|(_, l)| l)
        .collect();
    finding(context, entry, &members, &group_links)
}

/// Each document's story: documents joined by shown events in common, directly or through
/// other documents (one government is named across a story, not only between two accounts
/// of one event).
fn stories(documents: usize, one_story: &std::collections::HashSet<(DocId, DocId)>) -> Vec<usize> {
    let mut story: Vec<usize> = (0..documents).collect();
    let mut changed = true;
    while changed {
        changed = false;
        for &(a, b) in one_story {
            let least = story[a.get()].min(story[b.get()]);
            for d in [a.get(), b.get()] {
                if story[d] != least {
                    story[d] = least;
                    changed = true;
                }
            }
        }
    }
    story
}

/// The uses tied to one country in one story, linked by `by_country`: one group each.
fn country_groups(
    ties: &[Option<Tie>],
    story: &[usize],
    uses: &[Use<'_>],
    by_country: &BTreeMap<(usize, usize), Link>,
) -> Vec<Vec<usize>> {
    let mut countries: BTreeMap<(usize, &str), BTreeSet<usize>> = BTreeMap::new();
    for &(i, j) in by_country.keys() {
        if let Some(tie) = &ties[i] {
            let key = (story[uses[i].at.document.get()], tie.country.as_str());
            countries.entry(key).or_default().extend([i, j]);
        }
    }
    countries
        .into_values()
        .map(|g| g.into_iter().collect())
        .collect()
}

/// Each use's country, for an entry with one referent per country (none otherwise).
fn country_ties(context: &Context<'_>, entry: usize, uses: &[Use<'_>]) -> Vec<Option<Tie>> {
    if !context
        .lexicon
        .wording
        .get(entry)
        .is_some_and(|e| e.per_country)
    {
        return vec![None; uses.len()];
    }
    let keyed: Vec<_> = uses
        .iter()
        .map(|u| (u.at.document, u.hit.start, u.hit.end, u.stems.join(" ")))
        .collect();
    super::wording_country::ties(context, &keyed)
}

pub fn find(context: &Context<'_>) -> Vec<FindingDraft> {
    let by_entry = uses_by_entry(context);
    let event_of = |at: PassageRef| context.event_of[at.document.get()][at.passage.get()];
    let one_story = one_story_pairs(context);
    let story = stories(context.corpus.documents.len(), &one_story);
    let mut out = Vec::new();
    super::wording_one_sided::one_sided(context, &mut out);
    for (entry, uses) in &by_entry {
        // A term used very often is a story's theme, not one referent's label.
        if uses.len() > 300 {
            continue;
        }
        let own = super::wording_referent::entry_keys(context, *entry);
        let mut per_document: BTreeMap<DocId, usize> = BTreeMap::new();
        for u in uses {
            *per_document.entry(u.at.document).or_default() += 1;
        }
        let anchors: Vec<_> = uses
            .iter()
            .map(|u| super::wording_referent::anchors(context, u.at, u.hit.start, u.hit.end, &own))
            .collect();
        let ties = country_ties(context, *entry, uses);
        // Links between competing uses of two sources: inside one event the alignment
        // vouches for the referent; across events the words around both terms must.
        let mut strength: BTreeMap<(usize, usize), Link> = BTreeMap::new();
        for i in 0..uses.len() {
            for j in i + 1..uses.len() {
                let (a, b) = (&uses[i], &uses[j]);
                if a.at.document == b.at.document || !compete(a, b) {
                    continue;
                }
                // Two countries' governments are two referents; one country's, one.
                let (tie_a, tie_b) = (ties[i].as_ref(), ties[j].as_ref());
                if let (Some(x), Some(y)) = (tie_a, tie_b) {
                    if x.country != y.country {
                        continue;
                    }
                    if story[a.at.document.get()] == story[b.at.document.get()] {
                        strength.insert((i, j), Link::Country(Box::new((x.clone(), y.clone()))));
                        continue;
                    }
                }
                // Inside one event the alignment vouches for the referent, and the words
                // around both terms may vouch more strongly; across events only they can.
                let event = event_of(a.at)
                    .is_some()
                    .then(|| event_of(a.at))
                    .filter(|e| *e == event_of(b.at));
                // A term a source uses again and again is the story's theme ("rebels",
                // "government" in a long report): its sentences share the story's words, not
                // one referent's, so only an event links it.
                let theme = per_document[&a.at.document] > THEME_USES
                    || per_document[&b.at.document] > THEME_USES;
                // Words vouch only between documents of one story, or inside an event sure
                // enough to be shown.
                let sure_event = event
                    .is_some_and(|e| (event_score(context, e) * 100.0).round() / 100.0 >= SHOWN);
                let words = (!theme
                    && (sure_event || one_story.contains(&(a.at.document, b.at.document))))
                .then(|| super::wording_referent::shared(&anchors[i], &anchors[j]))
                .flatten();
                let link = match (event, words) {
                    (_, Some(words)) if event.is_none() => Link::Words(words),
                    (Some(event), Some(words)) => Link::Both(event, words),
                    // A weak event alone is no evidence of one referent: it may join
                    // passages of different happenings.
                    // (Compared as the report rounds it, to two decimals.)
                    (Some(event), None)
                        if (event_score(context, event) * 100.0).round() / 100.0 >= SHOWN =>
                    {
                        Link::Event(event)
                    }
                    _ => continue,
                };
                strength.insert((i, j), link);
            }
        }
        // One country's government is one referent: its tied uses are one group, and the
        // other links (events, words) make the stars around loaded uses.
        let (by_country, strength): (BTreeMap<_, _>, BTreeMap<_, _>) = strength
            .into_iter()
            .partition(|(_, l)| matches!(l, Link::Country(_)));
        let mut groups = country_groups(&ties, &story, uses, &by_country);
        groups.extend(stars(context, *entry, uses, &strength));
        // Groups that set the same terms of the same sources against each other (the junta
        // of two sentences of one article) are one finding.
        let mut made: BTreeSet<Vec<(DocId, Vec<String>)>> = BTreeSet::new();
        for group in groups {
            let links = if group.iter().all(|g| ties[*g].is_some()) && group.len() > 1 {
                &by_country
            } else {
                &strength
            };
            out.extend(group_finding(
                context, *entry, uses, &group, links, &mut made,
            ));
        }
    }
    out
}
