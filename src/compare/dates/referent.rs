//! Dates paired by referent: two sources that date one happening differently, wherever
//! their passages lie in the story.
//!
//! A date mention's referent ([`crate::extract::date_referents`]) is the word naming its
//! happening, grouped by derivation into families ("vote" / "voted", "deploy" /
//! "deployment"), with its agent, patient and the names of its clause tied to resolved
//! entities here. Two mentions in two documents of one story (documents that share at least
//! one aligned event) date the same referent when they share a family, at least one
//! participant entity, and no role names two different participants on the two sides (two
//! people's visits, votes on two bills). Then different dates are a `date_mismatch` and
//! equal dates an agreement.
//!
//! Silent on purpose: dates marked as bounds, ranges, recurrences, negated or possible
//! happenings; a document that itself gives one referent two dates (a happening that
//! recurs); a pair whose second document also gives the first document's date to the
//! referent; stories with no aligned event. Mismatches with a relative date ("on Tuesday",
//! resolved against the article's date) stay below the display threshold, as elsewhere.
//! Mentions are indexed by family, so the pairing stays near linear in the corpus.

use super::super::{Context, FindingDraft};
use crate::extract::DateFeature;
use crate::extract::date_referents::{Aside, DateReferent, Role};
use crate::model::{DocId, EntityId, FindingKind, PassageRef};
use std::collections::{HashMap, HashSet};

/// One date mention with its referent's participants resolved.
pub(super) struct Mention<'a> {
    pub(super) at: PassageRef,
    pub(super) date: &'a DateFeature,
    pub(super) referent: &'a DateReferent,
    pub(super) stem: String,
    /// Resolved entities named as agent, as patient, anywhere in the clause.
    pub(super) agents: Vec<EntityId>,
    pub(super) patients: Vec<EntityId>,
    pub(super) participants: Vec<EntityId>,
}

/// What ties two mentions to one referent.
#[derive(Debug, Clone, Copy)]
struct Tie {
    shared: usize,
    /// An agent or patient on one side is the same participant, in the same role, on the
    /// other side.
    role: bool,
    same_word: bool,
}

fn entities_in(
    context: &Context<'_>,
    at: PassageRef,
    (start, end): (usize, usize),
) -> Vec<EntityId> {
    let mut out: Vec<EntityId> = context
        .features(at)
        .mentions
        .iter()
        .filter(|&&m| {
            let span = &context.corpus.mentions[m].mention;
            span.start < end && span.end > start
        })
        .map(|&m| context.corpus.mention_entities[m])
        .collect();
    out.sort();
    out.dedup();
    out
}

/// A date mention with its referent's participants, whatever its aside.
pub(super) fn mention<'a>(
    context: &Context<'a>,
    at: PassageRef,
    date: &'a DateFeature,
) -> Option<Mention<'a>> {
    let referent = date.referent.as_ref()?;
    let span = |r: &Option<Role>| {
        r.as_ref()
            .map(|r| entities_in(context, at, (r.start, r.end)))
            .unwrap_or_default()
    };
    Some(Mention {
        at,
        date,
        referent,
        stem: context.stemmer.stem(&referent.word),
        agents: span(&referent.agent),
        patients: span(&referent.patient),
        participants: entities_in(context, at, referent.clause),
    })
}

fn mentions<'a>(context: &Context<'a>) -> Vec<Mention<'a>> {
    let mut out = Vec::new();
    for (d, document) in context.corpus.documents.iter().enumerate() {
        for (p, features) in document.features.iter().enumerate() {
            let at = PassageRef {
                document: DocId(d),
                passage: crate::model::PassageId(p),
            };
            out.extend(
                features
                    .dates
                    .iter()
                    .filter_map(|date| mention(context, at, date))
                    .filter(|m| m.referent.aside.is_none()),
            );
        }
    }
    out
}

/// What the referents of two dates say about comparing them.
pub(super) enum Verdict {
    /// One happening, in words.
    Same(String),
    /// Not the date of one happening, in words.
    Different(String),
    Unknown,
}

/// Judges two dates by their referents, for the comparison of dates within an event.
pub(super) fn judge(
    context: &Context<'_>,
    (at_a, a): (PassageRef, &DateFeature),
    (at_b, b): (PassageRef, &DateFeature),
) -> Verdict {
    // "led since 2002" against "led since 2003": two bounds of one kind both date the start
    // (or the end) of one state, as the comparison within an event has long read them.
    let bound = |at: PassageRef, d: &DateFeature| {
        let before = &context.text(at.document)[..d.start];
        before.split_whitespace().last().map(crate::text::fold)
    };
    let asides = |d: &DateFeature| d.referent.as_ref().and_then(|r| r.aside);
    let same_bound = asides(a) == Some(Aside::Bound)
        && asides(b) == Some(Aside::Bound)
        && bound(at_a, a) == bound(at_b, b);
    for (at, date) in [(at_a, a), (at_b, b)] {
        if let Some(aside) = asides(date).filter(|_| !same_bound) {
            let text = &context.text(at.document)[date.start..date.end];
            return Verdict::Different(format!("“{text}” is {}", aside.describe()));
        }
    }
    let (Some(ma), Some(mb)) = (mention(context, at_a, a), mention(context, at_b, b)) else {
        return Verdict::Unknown;
    };
    let (ra, rb) = (ma.referent, mb.referent);
    if !ra.families.iter().any(|f| rb.families.contains(f)) {
        return Verdict::Unknown;
    }
    let conflict = |x: &Option<Role>, ex: &[EntityId], y: &Option<Role>, ey: &[EntityId]| {
        role_conflict(context, (x, ex), (y, ey)).then(|| {
            let name = |r: &Option<Role>, at: PassageRef| {
                r.as_ref()
                    .map_or("", |r| &context.text(at.document)[r.start..r.end])
                    .to_string()
            };
            format!("“{}” / “{}”", name(x, at_a), name(y, at_b))
        })
    };
    if let Some(who) = conflict(&ra.agent, &ma.agents, &rb.agent, &mb.agents)
        .or_else(|| conflict(&ra.patient, &ma.patients, &rb.patient, &mb.patients))
    {
        return Verdict::Different(format!(
            "the dates belong to “{}” / “{}” of different participants: {who}",
            ra.word, rb.word
        ));
    }
    match tie(context, &ma, &mb) {
        Some(_) if ra.word == rb.word => Verdict::Same(format!("both date the “{}”", ra.word)),
        Some(_) => Verdict::Same(format!("both date the “{}” / “{}”", ra.word, rb.word)),
        None => Verdict::Unknown,
    }
}

fn intersects(a: &[EntityId], b: &[EntityId]) -> bool {
    a.iter().any(|x| b.binary_search(x).is_ok())
}

/// Whether one role names two different participants on the two sides: two named entities
/// that differ, or two unnamed phrases with different heads. A bare name that is the last
/// word of the other side's full name ("Kallio" / "Edvard Kallio"), which resolution may have
/// left apart, is no conflict.
fn role_conflict(
    context: &Context<'_>,
    (a, ea): (&Option<Role>, &[EntityId]),
    (b, eb): (&Option<Role>, &[EntityId]),
) -> bool {
    let name = |e: &EntityId| context.corpus.entities[e.get()].name.as_str();
    let partial = |x: &EntityId, y: &EntityId| {
        let (x, y) = (name(x), name(y));
        let last = |n: &str| n.split_whitespace().last().map(crate::text::fold);
        (!x.contains(' ') || !y.contains(' ')) && last(x) == last(y)
    };
    match (a, b) {
        (Some(ra), Some(rb)) => {
            if !ea.is_empty() && !eb.is_empty() {
                !intersects(ea, eb) && !ea.iter().any(|x| eb.iter().any(|y| partial(x, y)))
            } else {
                ea.is_empty() && eb.is_empty() && ra.head != rb.head
            }
        }
        _ => false,
    }
}

pub(super) fn role_match(
    a: &Option<Role>,
    ea: &[EntityId],
    b: &Option<Role>,
    eb: &[EntityId],
) -> bool {
    match (a, b) {
        (Some(ra), Some(rb)) => {
            intersects(ea, eb) || (ea.is_empty() && eb.is_empty() && ra.head == rb.head)
        }
        _ => false,
    }
}

/// How many participant entities two mentions share, when their happenings are of one
/// family and no role names two different participants on the two sides; else none.
pub(super) fn participants_shared(
    context: &Context<'_>,
    a: &Mention<'_>,
    b: &Mention<'_>,
) -> Option<usize> {
    let (ra, rb) = (a.referent, b.referent);
    if !ra.families.iter().any(|f| rb.families.contains(f)) {
        return None;
    }
    if role_conflict(context, (&ra.agent, &a.agents), (&rb.agent, &b.agents))
        || role_conflict(
            context,
            (&ra.patient, &a.patients),
            (&rb.patient, &b.patients),
        )
    {
        return None;
    }
    let shared = a
        .participants
        .iter()
        .filter(|e| b.participants.binary_search(e).is_ok())
        .count();
    Some(shared)
}

/// Whether two mentions date one referent, and how strongly.
fn tie(context: &Context<'_>, a: &Mention<'_>, b: &Mention<'_>) -> Option<Tie> {
    let (ra, rb) = (a.referent, b.referent);
    let shared = participants_shared(context, a, b)?;
    if shared == 0
        && !(a.stem == b.stem && definite_alone(context, a) && definite_alone(context, b))
    {
        return None;
    }
    Some(Tie {
        shared,
        role: role_match(&ra.agent, &a.agents, &rb.agent, &b.agents)
            || role_match(&ra.patient, &a.patients, &rb.patient, &b.patients),
        same_word: a.stem == b.stem,
    })
}

/// Whether a mention names its happening by a definite noun with no participant: "the
/// trial opened on …". Within one story, "the trial" on both sides is one happening even
/// when no name ties them; a second trial in a document gives it two dates, which
/// silences the pair.
fn definite_alone(context: &Context<'_>, m: &Mention<'_>) -> bool {
    let r = m.referent;
    let before = &context.text(m.at.document)[..r.start];
    let article = before
        .split_whitespace()
        .next_back()
        .is_some_and(|w| crate::text::fold(w) == "the");
    !r.verb && r.agent.is_none() && r.patient.is_none() && article
}

/// The largest family bucket paired in full; larger ones (a corpus of thousands of
/// mentions of one kind of happening) are left alone rather than paired quadratically.
const MAX_BUCKET: usize = 600;

pub fn find(context: &Context<'_>) -> Vec<FindingDraft> {
    let items = mentions(context);
    let stories = super::super::story_pairs(context);
    // An ordered map: a pair in two families keeps the tie of the later family in a fixed
    // order, the same in every run.
    let mut buckets: std::collections::BTreeMap<&str, Vec<usize>> = Default::default();
    for (i, m) in items.iter().enumerate() {
        for family in &m.referent.families {
            buckets.entry(family.as_str()).or_default().push(i);
        }
    }
    // Every tied pair once, with its tie.
    let mut ties: HashMap<(usize, usize), Tie> = HashMap::new();
    for bucket in buckets.values().filter(|b| b.len() <= MAX_BUCKET) {
        for (n, &i) in bucket.iter().enumerate() {
            for &j in &bucket[n + 1..] {
                let (a, b) = (&items[i], &items[j]);
                let same_document = a.at.document == b.at.document;
                if !same_document && !stories.contains(&(a.at.document, b.at.document)) {
                    continue;
                }
                if !comparable(&a.date.date, &b.date.date) {
                    continue;
                }
                if let Some(t) = tie(context, a, b) {
                    ties.insert((i.min(j), i.max(j)), t);
                }
            }
        }
    }
    // The dates each mention's referent gets in each document.
    let mut dated: HashMap<(usize, DocId), Vec<usize>> = HashMap::new();
    for &(i, j) in ties.keys() {
        dated.entry((i, items[j].at.document)).or_default().push(j);
        dated.entry((j, items[i].at.document)).or_default().push(i);
    }
    let mut pairs: Vec<((usize, usize), Tie)> = ties
        .iter()
        .filter(|((i, j), _)| items[*i].at.document != items[*j].at.document)
        .map(|(k, t)| (*k, *t))
        .collect();
    // The strongest tie first; ties of equal strength in text order.
    pairs.sort_by_key(|((i, j), t)| {
        (
            std::cmp::Reverse((t.role, t.shared.min(3), t.same_word)),
            *i,
            *j,
        )
    });
    let compatible = |x: usize, y: usize| same_date(context, &items[x], &items[y]);
    // A document that itself gives the referent two dates tells of a recurring happening.
    let recurs = |x: usize| {
        dated
            .get(&(x, items[x].at.document))
            .into_iter()
            .flatten()
            .any(|&k| !compatible(k, x))
    };
    // The other document also gives this date to the referent: they agree there.
    let agreed = |x: usize, other: DocId| {
        dated
            .get(&(x, other))
            .into_iter()
            .flatten()
            .any(|&k| compatible(k, x))
    };
    let mut used: HashSet<(usize, DocId)> = HashSet::new();
    let mut out = Vec::new();
    for ((i, j), t) in pairs {
        let (a, b) = (&items[i], &items[j]);
        if used.contains(&(i, b.at.document)) || used.contains(&(j, a.at.document)) {
            continue;
        }
        if !compatible(i, j)
            && (recurs(i) || recurs(j) || agreed(i, b.at.document) || agreed(j, a.at.document))
        {
            continue;
        }
        used.insert((i, b.at.document));
        used.insert((j, a.at.document));
        out.push(finding(context, a, b, t));
    }
    out
}

/// Whether two mentions give one date. A year the text does not write ("on 15 December"
/// read with the article's year) is left out: two articles of different years infer
/// different ones.
fn same_date(context: &Context<'_>, a: &Mention<'_>, b: &Mention<'_>) -> bool {
    let written = |m: &Mention<'_>| {
        let text = &context.text(m.at.document)[m.date.start..m.date.end];
        m.date
            .date
            .year
            .is_some_and(|y| text.contains(&y.to_string()))
    };
    if written(a) && written(b) {
        return a.date.date.compatible(&b.date.date);
    }
    let without_year = |d: &crate::calendar::Date| crate::calendar::Date { year: None, ..*d };
    without_year(&a.date.date).compatible(&without_year(&b.date.date))
}

/// How far apart two conflicting dates lie, in days (or years times 365 for years).
fn distance(a: &crate::calendar::Date, b: &crate::calendar::Date) -> i64 {
    // A date without a year is read in the other's year (or a leap year, when neither has one).
    let year = a.year.or(b.year).or(Some(2024));
    let (a, b) = (
        &crate::calendar::Date {
            year: a.year.or(year),
            ..*a
        },
        &crate::calendar::Date {
            year: b.year.or(year),
            ..*b
        },
    );
    match (a.day_number(), b.day_number()) {
        (Some(x), Some(y)) => (x - y).abs(),
        _ => {
            let months = |d: &crate::calendar::Date| {
                d.year.unwrap_or(0) as i64 * 12 + d.month.map_or(0, |m| m as i64 - 1)
            };
            if a.month.is_some() && b.month.is_some() {
                (months(a) - months(b)).abs() * 30
            } else {
                (a.year.unwrap_or(0) as i64 - b.year.unwrap_or(0) as i64).abs() * 365
            }
        }
    }
}

/// Whether two dates can be compared: both with a year, and of the same precision, or a day
/// against a month ("14 March" against "April"); or two days of a month, even where an
/// undated article leaves the year unknown ("11 September" against "18 September"). A year
/// against a day is a mention in passing more often than a second dating of one happening.
fn comparable(a: &crate::calendar::Date, b: &crate::calendar::Date) -> bool {
    let (pa, pb) = (precision(a), precision(b));
    (a.year.is_some() && b.year.is_some() && (pa == pb || pa.min(pb) >= 2)) || pa.min(pb) == 3
}

fn precision(d: &crate::calendar::Date) -> u8 {
    match (d.month, d.day) {
        (Some(_), Some(_)) => 3,
        (Some(_), None) => 2,
        _ => 1,
    }
}

fn finding(context: &Context<'_>, a: &Mention<'_>, b: &Mention<'_>, t: Tie) -> FindingDraft {
    let conflict = !same_date(context, a, b);
    let kind = if conflict {
        FindingKind::DateMismatch
    } else {
        FindingKind::Agreement
    };
    let event = context.event_of[a.at.document.get()][a.at.passage.get()]
        .filter(|&e| context.event_of[b.at.document.get()][b.at.passage.get()] == Some(e));
    let claim = |m: &Mention<'_>| {
        let note = format!("the date of “{}”", m.referent.word);
        context.claim(
            m.at,
            m.date.start,
            m.date.end,
            Some(m.date.date.iso()),
            Some(if m.date.relative {
                format!("{note}; relative date, resolved")
            } else {
                note
            }),
        )
    };
    let claims = vec![claim(a), claim(b)];
    let mut shared: Vec<EntityId> = a
        .participants
        .iter()
        .filter(|e| b.participants.binary_search(e).is_ok())
        .copied()
        .collect();
    shared.truncate(3);
    let names: Vec<&str> = shared
        .iter()
        .map(|e| context.corpus.entities[e.get()].name.as_str())
        .collect();
    let happening = if t.same_word {
        format!("“{}”", a.referent.word)
    } else {
        format!("“{}” / “{}”", a.referent.word, b.referent.word)
    };
    let of = if names.is_empty() {
        " named alone".to_string()
    } else {
        format!(" of {}", names.join(", "))
    };
    let mut evidence = vec![format!(
        "both date the {happening}{of}: {} ({}) against {} ({})",
        claims[0].text,
        context.source_name(a.at.document),
        claims[1].text,
        context.source_name(b.at.document),
    )];
    let mut confidence = weigh(context, (a, b), t, (event, conflict), &mut evidence);
    let summary = if conflict {
        format!(
            "Sources date the {happening} differently: {}",
            context.listing(&claims, " vs ")
        )
    } else {
        confidence += 0.1;
        format!(
            "Sources agree on the date of the {happening}: {}",
            context.listing(&claims, ", ")
        )
    };
    FindingDraft {
        kind,
        event,
        summary,
        claims,
        confidence: confidence.clamp(0.05, 0.95),
        evidence,
    }
}

/// A date finding's confidence from what ties the two mentions, how precise and how far
/// apart their dates are and where their passages lie; the evidence says why.
fn weigh(
    context: &Context<'_>,
    (a, b): (&Mention<'_>, &Mention<'_>),
    t: Tie,
    (event, conflict): (Option<crate::model::EventId>, bool),
    evidence: &mut Vec<String>,
) -> f32 {
    let mut confidence: f32 = 0.45;
    if t.role {
        confidence += 0.1;
        evidence.push("the same participant in the same role on both sides".into());
    }
    if t.shared >= 2 {
        confidence += 0.1;
    }
    if t.same_word {
        confidence += 0.05;
    }
    match precision(&a.date.date).min(precision(&b.date.date)) {
        3 => confidence += 0.1,
        2 => {}
        _ => {
            confidence -= 0.05;
            evidence.push("dates given only to the year".into());
        }
    }
    if let Some(line) = super::super::event_evidence(context, event) {
        evidence.insert(0, line);
        confidence += 0.05;
    } else {
        let in_event =
            |m: &Mention<'_>| context.event_of[m.at.document.get()][m.at.passage.get()].is_some();
        evidence.push(if in_event(a) && in_event(b) {
            "the passages lie in different events of one story".into()
        } else {
            "the passages are not in one event (in different events of one story, or in none)"
                .into()
        });
    }
    // A source that misdates a happening is off by a day or a few, a month, a year; dates
    // further apart are more often two occurrences of one kind of happening.
    let apart = distance(&a.date.date, &b.date.date);
    if conflict && apart > if a.date.date.month.is_some() { 45 } else { 365 } {
        confidence = confidence.min(0.5);
        evidence.push(format!(
            "the dates lie {} apart: perhaps two occurrences",
            if apart >= 730 {
                format!("{} years", apart / 365)
            } else {
                format!("{apart} days")
            }
        ));
    }
    if conflict && (a.date.relative || b.date.relative) {
        confidence = confidence.min(0.55);
        evidence.push(
            "one date is relative (today, a weekday), resolved against the article's date".into(),
        );
    }
    confidence
}
