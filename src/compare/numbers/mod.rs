//! `number_mismatch` and quantity `agreement`.
//!
//! Quantities of one event are compared only when they count the same thing: the same unit
//! group (troops = soldiers) and no clash of qualifiers (euros *of aid* against euros *of
//! damage*). Within each pair of documents, equal values are matched first; the remaining
//! quantities are paired by how many words around them the two sources share. Matched pairs
//! are joined into groups: a group with one value is an agreement, with several a mismatch.

mod loose;
mod referent;

use super::{Context, FindingDraft, components, shared_context, shared_context_words};
use crate::extract::quantities::Quantity;
use crate::model::{EventId, FindingKind, PassageRef};
use crate::text::format_value;
use std::collections::{HashMap, HashSet};

/// Units that measure rather than count things.
const MEASURES: &[&str] = &[
    "euros",
    "dollars",
    "pounds",
    "francs",
    "percent",
    "percentage points",
    "kilometres",
    "metres",
    "miles",
    "tonnes",
    "minutes",
    "hours",
];

struct Item<'a> {
    at: PassageRef,
    quantity: &'a Quantity,
}

fn comparable(a: &Quantity, b: &Quantity) -> Option<usize> {
    if a.ordinal != b.ordinal {
        return None;
    }
    let same_unit = !a.unit.is_empty() && a.unit == b.unit;
    let same_bare = a.unit.is_empty() && b.unit.is_empty() && a.qualifier == b.qualifier;
    if !(same_unit || same_bare) {
        return None;
    }
    match (&a.qualifier, &b.qualifier) {
        (Some(x), Some(y)) if x != y => None,
        (Some(_), Some(_)) => Some(2),
        (None, None) => Some(0),
        // One side says what it measures and the other does not: weaker.
        _ => Some(0),
    }
}

/// Phrases by which a source sets its own figure against another count: a closed list of
/// comparisons with an official or other count.
const DISPUTED_COUNT: &[&str] = &[
    "than the official",
    "than officially",
    "than officials",
    "than the authorities",
    "than the government",
    "than the ministry",
    "than the police",
    "than reported",
    "than the reported",
    "contrary to the official",
    "unlike the official",
];

/// Whether the sentence of a quantity sets it against another count, within a few words
/// after it ("14 people died, two more than the official figure").
fn disputes_a_count(context: &Context<'_>, item: &Item<'_>) -> bool {
    let text = context.text(item.at.document);
    let passage = &context.corpus.documents[item.at.document.get()].passages[item.at.passage.get()];
    let end = text.floor_char_boundary((item.quantity.end + 80).min(passage.end));
    let after = text[item.quantity.end.min(end)..end].to_lowercase();
    DISPUTED_COUNT.iter().any(|cue| after.contains(cue))
}

/// The claim for one quantity: its span, its value (or range) and its approximation marker.
fn claim_of(context: &Context<'_>, item: &Item<'_>) -> crate::model::Claim {
    let q = item.quantity;
    // A vague count gives its range: "several hundred" is 200–999, not 100.
    let value = match q.range() {
        (low, high) if high > low => format!("{}–{}", format_value(low), format_value(high)),
        _ => format_value(q.value),
    };
    let mut claim = context.claim(
        item.at,
        q.start,
        q.end,
        Some(value),
        q.approximation.as_ref().map(|a| a.to_lowercase()),
    );
    // Who gives the figure is read in its own sentence: another sentence of the paragraph
    // may quote someone else.
    let passage = &context.corpus.documents[item.at.document.get()].passages[item.at.passage.get()];
    let text = context.text(item.at.document);
    let sentence = crate::segment::sentences(text, passage.start..passage.end)
        .into_iter()
        .find(|s| s.start <= q.start && q.start < s.end)
        .unwrap_or(passage.start..passage.end);
    claim.attribution = super::attribution::of(&text[sentence]);
    claim
}

/// What says that two numbers count the same thing.
#[derive(Default)]
struct Support {
    /// Content words around both numbers.
    words: Vec<String>,
    same_qualifier: bool,
    /// Each source gives one number of this unit in the event.
    unambiguous: bool,
    /// Both passages are in one event.
    in_event: bool,
    /// The predicates the two figures are arguments of, when both are known: whether they
    /// are the same, and the two words ("killed" / "killed").
    predicates: Option<(bool, String, String)>,
}

impl Support {
    /// The words around two numbers and whether they say what they measure alike.
    fn between(
        context: &Context<'_>,
        (at_a, a): (PassageRef, &Quantity),
        (at_b, b): (PassageRef, &Quantity),
    ) -> Support {
        let words = shared_context_words(
            context.features(at_a),
            (a.start, a.end),
            context.features(at_b),
            (b.start, b.end),
            70,
        );
        let governing = |at: PassageRef, q: &Quantity| {
            crate::extract::claims::governing(&context.features(at).claims, (q.start, q.end))
                .filter(|c| !crate::extract::claims::is_reporting(&c.word))
        };
        let predicates = match (governing(at_a, a), governing(at_b, b)) {
            (Some(x), Some(y)) => {
                Some((x.predicate == y.predicate, x.word.clone(), y.word.clone()))
            }
            _ => None,
        };
        Support {
            words: words.iter().map(|w| w.to_string()).collect(),
            same_qualifier: a.qualifier.is_some() && a.qualifier == b.qualifier,
            unambiguous: false,
            in_event: false,
            predicates,
        }
    }

    fn with(self, unambiguous: bool, in_event: bool) -> Support {
        Support {
            unambiguous,
            in_event,
            ..self
        }
    }

    fn score(&self) -> usize {
        self.words.len()
            + 2 * usize::from(self.same_qualifier)
            + usize::from(self.unambiguous)
            + usize::from(self.predicates.as_ref().is_some_and(|p| p.0))
    }
}

/// The confidence of a number finding and its evidence in words.
fn assess(
    context: &Context<'_>,
    kind: FindingKind,
    event: Option<EventId>,
    (a, b): (&Quantity, &Quantity),
    support: &Support,
) -> (f32, Vec<String>) {
    let mut evidence = Vec::new();
    if support.in_event
        && let Some(line) = super::event_evidence(context, event)
    {
        evidence.push(line);
    }
    let thing = if a.unit.is_empty() {
        a.qualifier
            .clone()
            .unwrap_or_else(|| "a bare number".into())
    } else {
        a.unit.clone()
    };
    evidence.push(format!("both count {thing}"));
    if support.same_qualifier
        && let Some(q) = &a.qualifier
    {
        evidence.push(format!("both say what it measures: {q}"));
    }
    if !support.words.is_empty() {
        evidence.push(format!(
            "words around both numbers: {}",
            support.words.join(", ")
        ));
    }
    if support.unambiguous {
        evidence.push(format!(
            "the only {thing} figure each source gives for this event"
        ));
    }
    let mut confidence = 0.35 + 0.08 * support.score().min(5) as f32;
    match &support.predicates {
        Some((true, word, _)) => evidence.push(format!("both figures go with “{word}”")),
        Some((false, x, y)) => {
            // "proposed $2 trillion" and "$1 trillion take effect": two different quantities.
            confidence -= 0.15;
            evidence.push(format!(
                "the figures belong to different predicates: “{x}” / “{y}”"
            ));
        }
        None => {}
    }
    if support.in_event {
        confidence += 0.15 * super::event_confidence(context, event);
    } else {
        confidence -= 0.1;
    }
    if kind == FindingKind::NumberMismatch {
        let (low, high) = (
            a.value.abs().min(b.value.abs()),
            a.value.abs().max(b.value.abs()),
        );
        if high > 0.0 && (high - low) / high <= 0.05 && (is_round(a.value) != is_round(b.value)) {
            confidence = confidence.min(0.6);
            evidence.push("approximate: one figure looks rounded from the other".into());
        }
        // Numbers far apart are more often two different quantities than one disputed one.
        let (low, high) = (
            a.value.abs().min(b.value.abs()),
            a.value.abs().max(b.value.abs()),
        );
        if low > 0.0 && high / low > 3.0 {
            confidence -= 0.2;
            evidence.push("the values differ by more than three times".into());
        }
        if a.approximation.is_some() || b.approximation.is_some() {
            confidence -= 0.05;
            evidence.push("one figure is approximate".into());
        }
        if a.unit.is_empty() || MEASURES.contains(&a.unit.as_str()) && !support.same_qualifier {
            confidence -= 0.15;
        }
    } else {
        confidence += 0.1;
    }
    (confidence.clamp(0.05, 0.95), evidence)
}

/// Whether a value looks rounded: a multiple of 100 from 1,000 up, of 10 below.
fn is_round(value: f64) -> bool {
    let v = value.abs();
    if v >= 1000.0 {
        (v / 100.0).fract() == 0.0
    } else {
        v >= 10.0 && (v / 10.0).fract() == 0.0
    }
}

/// Whether an approximation on one side already allows the other value: "more than $1
/// million" and "$1.1 million" agree, and so do "about 300" and "310" (within 5%), and
/// "hundreds of" and "340".
fn compatible(a: &Quantity, b: &Quantity) -> bool {
    let allows = |x: &Quantity, y: &Quantity| {
        let Some(approximation) = x.approximation.as_deref() else {
            return false;
        };
        // "Hundreds of homes" allows 340 homes.
        let (low, high) = x.range();
        if high > low {
            return (low..=high).contains(&y.value);
        }
        let approximation = approximation.to_lowercase();
        let (v, w) = (x.value, y.value);
        match approximation.as_str() {
            "more than" | "over" | "at least" | "above" | "just over" | "upwards of" => {
                w >= v && w <= v * 1.5
            }
            "less than" | "fewer than" | "under" | "at most" | "up to" | "below" | "nearly"
            | "almost" | "close to" | "just under" => w <= v && w >= v * 0.5,
            _ => (w - v).abs() <= 0.05 * v.abs(),
        }
    };
    allows(a, b) || allows(b, a)
}

fn summarise(
    context: &Context<'_>,
    kind: FindingKind,
    event: Option<EventId>,
    claims: Vec<crate::model::Claim>,
    pair: (&Quantity, &Quantity),
    support: &Support,
) -> FindingDraft {
    let thing = pair.0;
    let (confidence, mut evidence) = assess(context, kind, event, pair, support);
    let given: Vec<String> = claims
        .iter()
        .filter_map(|c| {
            let who = c.attribution.as_ref()?;
            Some(format!(
                "{}: {who} ({})",
                c.text,
                context.source_name(c.document)
            ))
        })
        .collect();
    if !given.is_empty() {
        evidence.push(format!("who gives each figure: {}", given.join("; ")));
    }
    let what = match (&thing.qualifier, thing.unit.is_empty()) {
        (Some(q), false) => format!("{} ({q})", thing.unit),
        (Some(q), true) => q.clone(),
        (None, _) => thing.unit.clone(),
    };
    let summary = if kind == FindingKind::NumberMismatch {
        format!(
            "Sources give different numbers of {what}: {}",
            context.listing(&claims, " vs ")
        )
    } else {
        format!(
            "Sources agree on {what}: {}",
            context.listing(&claims, ", ")
        )
    };
    FindingDraft {
        kind,
        event,
        summary,
        claims,
        confidence,
        evidence,
    }
}

pub fn find(context: &Context<'_>) -> Vec<FindingDraft> {
    let mut out = Vec::new();
    loose::loose(context, &mut out);
    for (event_index, event) in context.alignment.events.iter().enumerate() {
        let items: Vec<Item<'_>> = event
            .passages
            .iter()
            .flat_map(|&at| {
                context
                    .features(at)
                    .quantities
                    .iter()
                    .map(move |quantity| Item { at, quantity })
            })
            .collect();
        let (links, link_support) = link_figures(context, &items, &event.documents());
        for group in components(items.len(), &links) {
            for (kind, members, disputing) in judge_group(context, &items, &group) {
                out.push(group_finding(
                    context,
                    (&items, &link_support),
                    (kind, &members, disputing),
                    event_index,
                ));
            }
        }
    }
    // Figures of one holder in passages of different events, or of none.
    let mut taken = referent::Taken::default();
    for finding in &out {
        taken.add(&finding.claims);
    }
    out.extend(referent::find(context, &taken));
    out
}

/// What supports each link between two figures (by their indices).
type LinkSupport = HashMap<(usize, usize), Support>;

/// The links between figures of one event's documents, each with what supports it: for
/// every two documents, equal values first, then the best-supported pairs, then the closest
/// values, one partner each.
fn link_figures(
    context: &Context<'_>,
    items: &[Item<'_>],
    documents: &[crate::model::DocId],
) -> (Vec<(usize, usize)>, LinkSupport) {
    let mut links: Vec<(usize, usize)> = Vec::new();
    let mut link_support: LinkSupport = Default::default();
    for (position, &doc_a) in documents.iter().enumerate() {
        for &doc_b in &documents[position + 1..] {
            let side_a: Vec<usize> = (0..items.len())
                .filter(|&i| items[i].at.document == doc_a)
                .collect();
            let side_b: Vec<usize> = (0..items.len())
                .filter(|&i| items[i].at.document == doc_b)
                .collect();
            // A unit that each side uses once in this event is unambiguous.
            let count_unit = |side: &[usize], unit: &str| {
                side.iter()
                    .filter(|&&k| items[k].quantity.unit == unit)
                    .count()
            };
            let unambiguous = |a: &Quantity, b: &Quantity| {
                !a.unit.is_empty()
                    && count_unit(&side_a, &a.unit) == 1
                    && count_unit(&side_b, &b.unit) == 1
            };
            let mut scored: Vec<(bool, usize, usize, usize)> = Vec::new();
            for &i in &side_a {
                for &j in &side_b {
                    let (a, b) = (items[i].quantity, items[j].quantity);
                    let Some(bonus) = comparable(a, b) else {
                        continue;
                    };
                    let shared = shared_context(
                        context.features(items[i].at),
                        (a.start, a.end),
                        context.features(items[j].at),
                        (b.start, b.end),
                        70,
                    );
                    let score = shared + bonus + usize::from(unambiguous(a, b));
                    let equal = (a.value - b.value).abs() < 1e-9;
                    // Different values need evidence that they measure the same thing:
                    // shared words around them, or the same qualifier.
                    let one_sided_qualifier = a.qualifier.is_some() != b.qualifier.is_some();
                    let needed = if one_sided_qualifier { 2 } else { 1 };
                    if equal || score >= needed {
                        scored.push((equal, score, i, j));
                    }
                }
            }
            // In a list of figures, "$5,687.75" pairs with "$5,587.75", not "$3,544".
            let spread = |i: usize, j: usize| {
                let (a, b) = (items[i].quantity.value.abs(), items[j].quantity.value.abs());
                (a - b).abs() / a.max(b).max(1e-9)
            };
            scored.sort_by(|x, y| {
                y.0.cmp(&x.0)
                    .then(y.1.cmp(&x.1))
                    .then(spread(x.2, x.3).total_cmp(&spread(y.2, y.3)))
                    .then(x.2.cmp(&y.2))
                    .then(x.3.cmp(&y.3))
            });
            let mut used_a = HashSet::new();
            let mut used_b = HashSet::new();
            for (_, _, i, j) in scored {
                if used_a.contains(&i) || used_b.contains(&j) {
                    continue;
                }
                used_a.insert(i);
                used_b.insert(j);
                links.push((i, j));
                let (a, b) = (items[i].quantity, items[j].quantity);
                link_support.insert(
                    (i, j),
                    Support::between(context, (items[i].at, a), (items[j].at, b))
                        .with(unambiguous(a, b), true),
                );
            }
        }
    }
    (links, link_support)
}

/// What a group of linked figures says: all the same (an agreement), different figures
/// that approximations allow (only those giving the very same figure agree), or a mismatch
/// (and, inside it, the sources that give one figure agree). Each part comes with whether a
/// source sets its figure against another's.
fn judge_group(
    context: &Context<'_>,
    items: &[Item<'_>],
    group: &[usize],
) -> Vec<(FindingKind, Vec<usize>, bool)> {
    let documents = |members: &[usize]| {
        let mut d: Vec<_> = members.iter().map(|&i| items[i].at.document).collect();
        d.sort();
        d.dedup();
        d.len()
    };
    if documents(group) < 2 {
        return Vec::new();
    }
    let mut values: Vec<f64> = group.iter().map(|&i| items[i].quantity.value).collect();
    values.sort_by(f64::total_cmp);
    values.dedup_by(|a, b| (*a - *b).abs() < 1e-9);
    let all_pairs = |test: &dyn Fn(&Quantity, &Quantity) -> bool| {
        group.iter().all(|&i| {
            group
                .iter()
                .all(|&j| i == j || test(items[i].quantity, items[j].quantity))
        })
    };
    // A source that sets its figure against another ("two more than the official figure")
    // disputes it: an approximation on the other side no longer covers it.
    let disputing = group.iter().any(|&i| disputes_a_count(context, &items[i]));
    let mut parts: Vec<(FindingKind, Vec<usize>, bool)> = Vec::new();
    if all_pairs(&agree) {
        parts.push((FindingKind::Agreement, group.to_vec(), disputing));
    } else if !disputing && all_pairs(&|a, b| agree(a, b) || compatible(a, b)) {
        // Different figures that an approximation allows ("at least 12" / "14") say
        // neither that the sources agree nor that they differ: only the sources that give
        // the very same figure agree.
        let same_as = |v: f64| -> Vec<usize> {
            group
                .iter()
                .copied()
                .filter(|&i| (items[i].quantity.value - v).abs() < 1e-9)
                .collect()
        };
        if let Some(equal) = values
            .iter()
            .map(|&v| same_as(v))
            .filter(|members| documents(members) >= 2)
            .max_by_key(|members| (documents(members), std::cmp::Reverse(members[0])))
        {
            parts.push((FindingKind::Agreement, equal, disputing));
        }
    } else {
        parts.push((FindingKind::NumberMismatch, group.to_vec(), disputing));
        let same = |i: usize, j: usize| {
            (items[i].quantity.value - items[j].quantity.value).abs() < 1e-9
                && items[i].quantity.unit == items[j].quantity.unit
        };
        for equal in super::agreeing_subsets(group, same, |i| items[i].at.document) {
            parts.push((FindingKind::Agreement, equal, disputing));
        }
    }
    parts
}

/// The finding for one part of a group, spoken for by its weakest link.
fn group_finding(
    context: &Context<'_>,
    (items, link_support): (&[Item<'_>], &LinkSupport),
    (kind, members, disputing): (FindingKind, &[usize], bool),
    event_index: usize,
) -> FindingDraft {
    let claims: Vec<_> = members
        .iter()
        .map(|&i| claim_of(context, &items[i]))
        .collect();
    let fallback = Support::default();
    let (pair, support) = link_support
        .iter()
        .filter(|((i, j), _)| members.contains(i) && members.contains(j))
        .min_by_key(|((i, j), support)| (support.score(), *i, *j))
        .map(|((i, j), support)| ((items[*i].quantity, items[*j].quantity), support))
        .unwrap_or((
            (items[members[0]].quantity, items[members[1]].quantity),
            &fallback,
        ));
    let mut finding = summarise(
        context,
        kind,
        Some(EventId(event_index)),
        claims,
        pair,
        support,
    );
    if disputing && kind == FindingKind::NumberMismatch {
        finding.evidence.push(
            "a source sets its figure against another count (\u{201c}more than the official \
             figure\u{201d})"
                .to_string(),
        );
    }
    finding
}

/// Whether two figures agree: the same value, or near values (within 5%) that an
/// approximation allows ("610" / "more than 600").
fn agree(a: &Quantity, b: &Quantity) -> bool {
    let (x, y) = (a.value.abs(), b.value.abs());
    (x - y).abs() < 1e-9 || compatible(a, b) && (x - y).abs() <= 0.05 * x.max(y)
}
