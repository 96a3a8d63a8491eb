//! `quote_attribution`, `quote_wording` and quote `agreement`.
//!
//! Quotes of five words or more are matched across documents by word overlap (found through
//! an inverted index on their rarer words). Nearly the same words given to different
//! speakers are a misattribution. To the same speaker (or with no speaker named on one
//! side), the same words are an agreement; words changed inside the part both sources
//! quote are a `quote_wording` difference, never an agreement. One source quoting more of
//! a statement than another (a longer excerpt), an ellipsis standing for the words the other
//! gives, and contractions ("won't" / "will not") are not changes. Each source gets a claim
//! for the quote and one for the speaker's name.

use super::{Context, FindingDraft, components};
use crate::extract::QuoteFeature;
use crate::model::{DocId, EntityId, FindingKind, PassageRef};
use changes::{MIN_SHARED_WORDS, QuoteWord, changed_runs, one_quote, spelled_out};
use std::collections::{BTreeMap, BTreeSet, HashMap};

mod changes;
mod speakers;

const MIN_WORDS: usize = 5;
/// Distinct words a quote needs for a named speaker against none to be shown.
const MIN_UNNAMED_WORDS: usize = 8;
/// Share of the stretch between the first and last shared word, in each version, that
/// two differently attributed versions must share to be one quote.
const DENSE_SHARE: f32 = 0.8;
/// The least share of that stretch that two versions linked by a plain count of shared
/// words must fill (see `quote_links`).
const LOOSE_DENSITY: f32 = 0.5;

/// A quote of five words or more: where it is, what was read of it, and its distinct words.
type Item<'a> = (PassageRef, &'a QuoteFeature, BTreeSet<&'a str>);

pub fn find(context: &Context<'_>) -> Vec<FindingDraft> {
    let items = quote_items(context);
    let links = quote_links(context, &items);
    components(items.len(), &links)
        .into_iter()
        .filter_map(|group| group_finding(context, &group, &items))
        .collect()
}

/// Every quote of [`MIN_WORDS`] words or more.
fn quote_items<'a>(context: &Context<'a>) -> Vec<Item<'a>> {
    let mut items: Vec<Item<'a>> = Vec::new();
    for (d, document) in context.corpus.documents.iter().enumerate() {
        for (p, features) in document.features.iter().enumerate() {
            for quote in &features.quotes {
                if quote.words.len() >= MIN_WORDS {
                    let at = PassageRef {
                        document: DocId(d),
                        passage: crate::model::PassageId(p),
                    };
                    let set = quote.words.iter().map(String::as_str).collect();
                    items.push((at, quote, set));
                }
            }
        }
    }
    items
}

/// Pairs of quotes of two documents that share enough words to be one quote (found
/// through an index on their words; words in more than 200 quotes are not read).
fn quote_links(context: &Context<'_>, items: &[Item<'_>]) -> Vec<(usize, usize)> {
    let mut index: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, (_, _, words)) in items.iter().enumerate() {
        for word in words {
            index.entry(word).or_default().push(i);
        }
    }
    let mut links = Vec::new();
    for (i, (at_i, _, words_i)) in items.iter().enumerate() {
        let mut shared: BTreeMap<usize, usize> = BTreeMap::new();
        for word in words_i {
            let list = &index[word];
            if list.len() > 200 {
                continue;
            }
            for &j in list {
                if j > i && items[j].0.document != at_i.document {
                    *shared.entry(j).or_default() += 1;
                }
            }
        }
        for (j, count) in shared {
            let smaller = words_i.len().min(items[j].2.len());
            // A plain count needs the shared words to fill half the stretch they span in
            // order: a short remark's words spread over a longer quote are two remarks.
            let dense = || in_order_share(context, &items[i], &items[j]).1 >= LOOSE_DENSITY;
            if (count >= 4 && count as f32 >= 0.7 * smaller as f32 && dense())
                || (count >= MIN_SHARED_WORDS && in_order(context, &items[i], &items[j]))
            {
                links.push((i, j));
            }
        }
    }
    links
}

/// The finding a group of linked quotes makes, if any: a misattribution, words changed, or
/// an agreement.
fn group_finding(
    context: &Context<'_>,
    group: &[usize],
    items: &[Item<'_>],
) -> Option<FindingDraft> {
    let speakers: BTreeSet<Option<EntityId>> = group.iter().map(|&i| items[i].1.speaker).collect();
    let known: BTreeSet<EntityId> = speakers.iter().flatten().copied().collect();
    // Speakers named by an attribution pattern at the quote; the others were guessed
    // (a pronoun resolved, the nearest name) and do not make two speakers.
    let sure: BTreeSet<EntityId> = group
        .iter()
        .filter(|&&i| items[i].1.speaker_sure())
        .filter_map(|&i| items[i].1.speaker)
        .collect();
    let documents: BTreeSet<DocId> = group.iter().map(|&i| items[i].0.document).collect();
    let changes = wording_changes(context, group, items);
    let (kind, unnamed) = kind_of(context, group, items, (&known, &sure), &changes)?;
    // How much of the quote the sources share, word for word.
    let overlap = group
        .iter()
        .flat_map(|&i| group.iter().map(move |&j| (i, j)))
        .filter(|(i, j)| i < j && items[*i].0.document != items[*j].0.document)
        .map(|(i, j)| {
            let shared = items[i].2.intersection(&items[j].2).count();
            shared as f32 / items[i].2.len().min(items[j].2.len()).max(1) as f32
        })
        .fold(0.0f32, f32::max);
    let (claims, listing) = claims_and_listing(context, group, items, &sure);
    let first = items[group[0]].1;
    let opening: String = context.text(items[group[0]].0.document)[first.start..first.end]
        .split_whitespace()
        .take(8)
        .collect::<Vec<_>>()
        .join(" ");
    // The same quote worded differently by two outlets is a note, never a misattribution.
    let mut differing: BTreeSet<&str> = BTreeSet::new();
    for &i in group {
        for &j in group {
            if items[i].0.document != items[j].0.document {
                differing.extend(items[i].2.difference(&items[j].2).copied());
            }
        }
    }
    let reworded = if differing.is_empty() {
        ""
    } else {
        ", worded differently"
    };
    let summary = summary(kind, &opening, &changes, &listing, reworded);
    let event = group
        .iter()
        .find_map(|&i| context.event_of[items[i].0.document.get()][items[i].0.passage.get()]);
    let mut evidence = vec![format!(
        "the same quote in {} sources ({:.0}% of its words shared)",
        documents.len(),
        overlap * 100.0
    )];
    if !differing.is_empty() {
        let words: Vec<&str> = differing.iter().take(8).copied().collect();
        evidence.push(format!(
            "words in one version of the quote only: {}",
            words.join(", ")
        ));
    }
    let confidence = match (kind, &unnamed) {
        (FindingKind::QuoteAttribution, Some(named)) => {
            unnamed_confidence(group, items, overlap, named.carried, &mut evidence)
        }
        _ => confidence(
            kind,
            overlap,
            &changes,
            (known.len(), sure.len()),
            &mut evidence,
        ),
    };
    let confidence = if kind == FindingKind::QuoteAttribution {
        who_says_evidence(
            context,
            (group, items),
            unnamed.is_none(),
            &mut evidence,
            confidence,
        )
    } else {
        confidence
    };
    Some(FindingDraft {
        kind,
        event,
        summary,
        claims,
        confidence,
        evidence,
    })
}

/// The kind of finding a group makes, and for a named speaker against none, how: two
/// different named speakers; words changed (one speaker or none named); a named speaker
/// against a source that names nobody; or an agreement.
fn kind_of(
    context: &Context<'_>,
    group: &[usize],
    items: &[Item<'_>],
    (known, sure): (&BTreeSet<EntityId>, &BTreeSet<EntityId>),
    changes: &[(String, String)],
) -> Option<(FindingKind, Option<speakers::NamedAgainstUnnamed>)> {
    let documents: BTreeSet<DocId> = group.iter().map(|&i| items[i].0.document).collect();
    let unnamed_speaker = group.iter().any(|&i| items[i].1.speaker.is_none());
    // A misattribution needs every speaker named (at the quote, or through its run), each
    // a person or organisation, in at least two sources, and no two names of one person.
    let attributed = group.iter().all(|&i| speakers::named(context, items[i].1))
        && !speakers::maybe_one_person(context, known);
    let unnamed = speakers::named_against_unnamed(context, group, items);
    // Given differently only where two differently given versions are one quote in order
    // (two remarks sharing a phrase, linked through it, are not).
    let apart = |unnamed: bool| given_apart_in_order(context, group, items, unnamed);
    if known.len() >= 2 && attributed && documents.len() >= 2 && apart(false) {
        Some((FindingKind::QuoteAttribution, None))
    } else if sure.len() <= 1 && !changes.is_empty() && documents.len() >= 2 {
        Some((FindingKind::QuoteWording, None))
    } else if unnamed.is_some() && changes.is_empty() && apart(true) {
        Some((FindingKind::QuoteAttribution, unnamed))
    } else if known.len() == 1 && !unnamed_speaker {
        Some((FindingKind::Agreement, None))
    } else {
        None
    }
}

/// Adds who says the quote in each source to an attribution finding's evidence, and its
/// confidence: a little less for two named speakers when one comes through a quote run.
fn who_says_evidence(
    context: &Context<'_>,
    (group, items): (&[usize], &[Item<'_>]),
    two_named: bool,
    evidence: &mut Vec<String>,
    confidence: f32,
) -> f32 {
    evidence.extend(who_says(context, group, items));
    let carried = group.iter().any(|&i| {
        matches!(
            items[i].1.speaker_basis,
            crate::extract::SpeakerBasis::Carried { .. }
        )
    });
    if two_named && carried {
        evidence.retain(|line| !line.starts_with("each source names its speaker"));
        evidence.push(
            "a speaker carried through a quote run is read by convention, not named at the quote"
                .to_string(),
        );
        confidence - 0.05
    } else {
        confidence
    }
}

/// Who says the quote in each source, in words: one line a source, from its first version
/// of the quote that names a speaker or names none.
fn who_says(context: &Context<'_>, group: &[usize], items: &[Item<'_>]) -> Vec<String> {
    let mut lines = Vec::new();
    let mut seen: BTreeSet<DocId> = BTreeSet::new();
    let telling = |i: &usize| speakers::named(context, items[*i].1) || items[*i].1.unnamed();
    for &i in group.iter().filter(|i| telling(i)).chain(group) {
        let document = items[i].0.document;
        if seen.insert(document) {
            lines.push(speakers::how_given(context, document, items[i].1));
        }
    }
    lines
}

/// The confidence that a named speaker in one source stands against none in another: sure
/// only when the quote is long and shared nearly word for word (a short or loosely shared
/// quote may be two remarks), a little less when the name comes through a quote run.
fn unnamed_confidence(
    group: &[usize],
    items: &[Item<'_>],
    overlap: f32,
    carried: bool,
    evidence: &mut Vec<String>,
) -> f32 {
    let shortest = group.iter().map(|&i| items[i].2.len()).min().unwrap_or(0);
    let strong = overlap >= 0.8 && shortest >= MIN_UNNAMED_WORDS;
    let confidence = 0.5 + 0.25 * overlap - if carried { 0.05 } else { 0.0 };
    if strong {
        evidence.push(
            "one source names the speaker and another names none: the same words, \
             attributed in one and not in the other"
                .to_string(),
        );
        confidence
    } else {
        evidence.push(format!(
            "the quote is short or loosely shared (under {MIN_UNNAMED_WORDS} distinct words or \
             80% shared): perhaps two remarks"
        ));
        confidence.min(0.5)
    }
}

/// A quote finding's summary: the quote's opening and who gives it, in each source.
fn summary(
    kind: FindingKind,
    opening: &str,
    changes: &[(String, String)],
    listing: &[String],
    reworded: &str,
) -> String {
    if kind == FindingKind::QuoteAttribution && listing.iter().any(|l| l.starts_with("unnamed")) {
        format!(
            "The quote “{opening}…” is attributed in one source and not in another: {}",
            listing.join(" vs ")
        )
    } else if kind == FindingKind::QuoteAttribution {
        format!(
            "The quote “{opening}…” is given to different speakers: {}",
            listing.join(" vs ")
        )
    } else if kind == FindingKind::QuoteWording {
        // Words replaced first, then words one version leaves out.
        let mut ordered: Vec<&(String, String)> = changes.iter().collect();
        ordered.sort_by_key(|(was, now)| was.is_empty() || now.is_empty());
        let shown: Vec<String> = ordered
            .into_iter()
            .take(3)
            .map(|(was, now)| format!("“{was}” / “{now}”"))
            .collect();
        format!(
            "Sources quote “{opening}…” with different words ({}): {}",
            shown.join("; "),
            listing.join(" vs ")
        )
    } else {
        format!(
            "Sources quote “{opening}…” from the same speaker{reworded}: {}",
            listing.join(", ")
        )
    }
}

/// A quote finding's confidence, from how much of the quote the sources share and, for
/// words changed, how many; the evidence says what the speakers rest on.
fn confidence(
    kind: FindingKind,
    overlap: f32,
    changes: &[(String, String)],
    (known, sure): (usize, usize),
    evidence: &mut Vec<String>,
) -> f32 {
    if kind == FindingKind::QuoteAttribution {
        evidence.push(
            "each source names its speaker next to the quote (\u{201c}…,\u{201d} X said)"
                .to_string(),
        );
        0.55 + 0.3 * overlap
    } else if kind == FindingKind::QuoteWording {
        evidence.push(if known == 1 {
            "the same speaker, and the words around the change are the same".to_string()
        } else if sure == 1 {
            "one speaker named beside the quote (the others' attribution is a guess), \
             and the words around the change are the same"
                .to_string()
        } else {
            "no speaker named, and the words around the change are the same".to_string()
        });
        // Sure of the referent when the change is small against what is shared; words one
        // version leaves out (an aside dropped) weigh half what words replaced weigh, as
        // they make the versions no less one quote.
        let changed: f32 = changes
            .iter()
            .map(|(a, b)| {
                let words = |run: &str| run.split(' ').filter(|w| !w.is_empty()).count();
                let (a, b) = (words(a), words(b));
                if a == 0 || b == 0 {
                    0.5 * a.max(b) as f32
                } else {
                    a.max(b) as f32
                }
            })
            .sum();
        (0.6 + 0.3 * overlap - 0.03 * changed).clamp(0.5, 0.9)
    } else {
        0.7 + 0.2 * overlap
    }
}

/// Each source's claims for a group (the quote and the speaker's name) and how the
/// summary lists it ("X (source)"; a guessed speaker other than the one named beside the
/// quote is not shown as a second speaker).
fn claims_and_listing(
    context: &Context<'_>,
    group: &[usize],
    items: &[Item<'_>],
    sure: &BTreeSet<EntityId>,
) -> (Vec<crate::model::Claim>, Vec<String>) {
    let mut claims = Vec::new();
    let mut listing = Vec::new();
    for &i in group {
        let (at, quote, _) = &items[i];
        let speaker = quote
            .speaker
            .map(|e| context.corpus.entities[e.get()].name.clone());
        claims.push(context.claim(
            *at,
            quote.start,
            quote.end,
            speaker.clone(),
            Some("quote".into()),
        ));
        if let Some((start, end)) = quote.speaker_span
            && let Some(passage) = context.passage_at(at.document, start)
        {
            claims.push(context.claim(
                PassageRef {
                    document: at.document,
                    passage,
                },
                start,
                end,
                speaker.clone(),
                Some("speaker".into()),
            ));
        }
        // A guessed speaker other than the one named beside the quote is not shown as
        // a second speaker.
        let guessed_other = !quote.speaker_confident
            && quote
                .speaker
                .is_some_and(|e| !sure.is_empty() && !sure.contains(&e));
        let shown = if guessed_other { None } else { speaker.clone() };
        let nobody = match &quote.speaker_basis {
            crate::extract::SpeakerBasis::Nameless(words) => format!("unnamed: {words}"),
            _ => "unnamed".into(),
        };
        listing.push(format!(
            "{} ({})",
            shown.unwrap_or(nobody),
            context.source_name(at.document)
        ));
    }
    (claims, listing)
}

/// Words a quote's versions change inside the part they both give: (one version, the
/// other) for each changed run, between the first and the last word they share. Runs an
/// ellipsis stands for, and contractions, are not changes.
fn wording_changes(
    context: &Context<'_>,
    group: &[usize],
    items: &[(PassageRef, &QuoteFeature, BTreeSet<&str>)],
) -> Vec<(String, String)> {
    let mut changes = Vec::new();
    for (position, &i) in group.iter().enumerate() {
        for &j in &group[position + 1..] {
            let (a, b) = (&items[i], &items[j]);
            if a.0.document == b.0.document {
                continue;
            }
            let a_text = &context.text(a.0.document)[a.1.start..a.1.end];
            let b_text = &context.text(b.0.document)[b.1.start..b.1.end];
            let stopword = |w: &str| context.lexicon.stopwords.contains(w);
            for change in changed_runs(a_text, b_text, &stopword) {
                let reversed = (change.1.clone(), change.0.clone());
                if !changes.contains(&change) && !changes.contains(&reversed) {
                    changes.push(change);
                }
            }
        }
    }
    changes
}

/// Whether two versions of the quote in different documents, given to different named
/// speakers (or, with `unnamed`, to a named speaker and to nobody), are one quote in order.
fn given_apart_in_order(
    context: &Context<'_>,
    group: &[usize],
    items: &[Item<'_>],
    unnamed: bool,
) -> bool {
    let named = |i: usize| speakers::named(context, items[i].1);
    group.iter().any(|&i| {
        group.iter().any(|&j| {
            let (a, b) = (items[i].1, items[j].1);
            let apart = if unnamed {
                named(i) && b.unnamed()
            } else {
                named(i) && named(j) && a.speaker != b.speaker
            };
            items[i].0.document != items[j].0.document
                && apart
                && matches!(in_order_share(context, &items[i], &items[j]),
                    (true, density) if density >= DENSE_SHARE)
        })
    })
}

/// Whether two quotes give one stretch of words in the same order (see [`one_quote`]):
/// an excerpt opened a few words earlier, or going on past the other's end, shares fewer
/// of its words with the other than a plain count asks, yet is the same quote.
fn in_order(
    context: &Context<'_>,
    a: &(PassageRef, &QuoteFeature, BTreeSet<&str>),
    b: &(PassageRef, &QuoteFeature, BTreeSet<&str>),
) -> bool {
    in_order_share(context, a, b).0
}

/// [`in_order`], and the least share of each version's words, between the first and the
/// last it shares with the other, that the shared words fill: near 1 when both give one
/// run of words, low when a phrase of one is spread over a longer quote of the other.
fn in_order_share(
    context: &Context<'_>,
    a: &(PassageRef, &QuoteFeature, BTreeSet<&str>),
    b: &(PassageRef, &QuoteFeature, BTreeSet<&str>),
) -> (bool, f32) {
    let text = |item: &(PassageRef, &QuoteFeature, BTreeSet<&str>)| -> &str {
        &context.text(item.0.document)[item.1.start..item.1.end]
    };
    let (a_text, b_text) = (text(a), text(b));
    let (a_spelled, b_spelled) = (spelled_out(a_text), spelled_out(b_text));
    let folded = |spelled: &[QuoteWord]| -> Vec<String> {
        spelled.iter().map(|(w, _, _)| w.clone()).collect()
    };
    let same = crate::text::common_subsequence(&folded(&a_spelled), &folded(&b_spelled));
    let density = match (same.first(), same.last()) {
        (Some(&(a0, b0)), Some(&(a1, b1))) => {
            same.len() as f32 / (a1 + 1 - a0).max(b1 + 1 - b0) as f32
        }
        _ => 0.0,
    };
    (
        one_quote(&same, (&a_spelled, a_text), (&b_spelled, b_text)),
        density,
    )
}
