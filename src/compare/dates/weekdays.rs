//! Weekdays by referent: two sources that put one happening on different days of the week
//! ("sent the photo late Friday" against "the photo was sent over the weekend").
//!
//! A weekday resolved against the article's date is uncertain (the date may be missing or be
//! the date of an update), so [`super`] keeps such mismatches below the display threshold.
//! But two different weekday names, or a weekday against a weekend that does not hold it,
//! are two different days whatever the articles' dates, as long as both articles speak of
//! one week: when both give a full date, they must lie at most six days apart; when one or
//! neither does, the story is taken to be of one week.
//!
//! The happening is read as for dates by referent ([`super::referent`]): the event word the
//! weekday belongs to, grouped in families, with its agent and patient. Two mentions date one
//! happening when they share a family and no role names two different participants; they are
//! shown only when the same act is done to the same patient on both sides (a named entity, or
//! the same head noun where neither names one: "the photo" / "a photo"), or by the same agent
//! with one more participant named on both sides (an agent alone does many things in a week). Silent: asides (bounds, ranges, negated or
//! possible acts), a document that itself gives the happening two different days (it recurs),
//! a pair whose second document also gives the first one's day, and neighbouring days at
//! their edge ("Friday night" / "early Saturday").

use super::super::{Context, FindingDraft};
use super::referent::{Mention, mention, participants_shared, role_match};
use crate::extract::weekdays::WeekdayFeature;
use crate::model::{DocId, EntityId, FindingKind, PassageRef};
use std::collections::{BTreeMap, HashMap, HashSet};

/// One weekday mention with its referent's participants.
struct Item<'a> {
    week: &'a WeekdayFeature,
    who: Mention<'a>,
}

/// What ties two weekday mentions to one happening.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Tie {
    /// The same patient on both sides, or the same agent and another shared participant.
    role: bool,
    /// Resolved entities named in both clauses (up to 3).
    shared: usize,
    same_word: bool,
}

fn items<'a>(context: &Context<'a>) -> Vec<Item<'a>> {
    let mut out = Vec::new();
    for (d, document) in context.corpus.documents.iter().enumerate() {
        for (p, features) in document.features.iter().enumerate() {
            let at = PassageRef {
                document: DocId(d),
                passage: crate::model::PassageId(p),
            };
            for week in &features.weekdays {
                if let Some(who) =
                    mention(context, at, &week.date).filter(|m| m.referent.aside.is_none())
                {
                    out.push(Item { week, who });
                }
            }
        }
    }
    out
}

fn tie(context: &Context<'_>, a: &Mention<'_>, b: &Mention<'_>) -> Option<Tie> {
    let (ra, rb) = (a.referent, b.referent);
    let shared = participants_shared(context, a, b)?;
    // The same patient makes the same act; the same agent alone does only with one more
    // participant named on both sides: a speaker announces, a minister visits, many things
    // in one week ("announced the departure" on Sunday, "announced the withdrawal" on
    // Wednesday, the object of one unread).
    let agent = role_match(&ra.agent, &a.agents, &rb.agent, &b.agents);
    let patient = role_match(&ra.patient, &a.patients, &rb.patient, &b.patients);
    (shared > 0 || agent || patient).then_some(Tie {
        role: patient || (agent && shared >= 2),
        shared: shared.min(3),
        same_word: a.stem == b.stem,
    })
}

/// Whether two documents may speak of one week: not both dated more than six days apart.
fn same_week(context: &Context<'_>, a: DocId, b: DocId) -> bool {
    let day = |d: DocId| {
        context.corpus.documents[d.get()]
            .loaded
            .date
            .and_then(|date| date.day_number())
    };
    match (day(a), day(b)) {
        (Some(x), Some(y)) => (x - y).abs() <= 6,
        _ => true,
    }
}

pub fn find(context: &Context<'_>) -> Vec<FindingDraft> {
    let items = items(context);
    let stories = super::super::story_pairs(context);
    let mut buckets: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, item) in items.iter().enumerate() {
        for family in &item.who.referent.families {
            buckets.entry(family.as_str()).or_default().push(i);
        }
    }
    let mut ties: HashMap<(usize, usize), Tie> = HashMap::new();
    for bucket in buckets.values().filter(|b| b.len() <= 400) {
        for (n, &i) in bucket.iter().enumerate() {
            for &j in &bucket[n + 1..] {
                let (a, b) = (&items[i].who, &items[j].who);
                let (da, db) = (a.at.document, b.at.document);
                if da != db && (!stories.contains(&(da, db)) || !same_week(context, da, db)) {
                    continue;
                }
                if let Some(t) = tie(context, a, b) {
                    ties.insert((i, j), t);
                }
            }
        }
    }
    // The days each mention's happening gets in each document.
    let mut dated: HashMap<(usize, DocId), Vec<usize>> = HashMap::new();
    for &(i, j) in ties.keys() {
        dated
            .entry((i, items[j].who.at.document))
            .or_default()
            .push(j);
        dated
            .entry((j, items[i].who.at.document))
            .or_default()
            .push(i);
    }
    let compatible = |x: usize, y: usize| items[x].week.compatible(items[y].week);
    let recurs = |x: usize| {
        dated
            .get(&(x, items[x].who.at.document))
            .into_iter()
            .flatten()
            .any(|&k| !compatible(k, x))
    };
    let agreed = |x: usize, other: DocId| {
        dated
            .get(&(x, other))
            .into_iter()
            .flatten()
            .any(|&k| compatible(k, x))
    };
    let mut pairs: Vec<((usize, usize), Tie)> = ties
        .iter()
        .filter(|((i, j), _)| items[*i].who.at.document != items[*j].who.at.document)
        .map(|(k, t)| (*k, *t))
        .collect();
    pairs.sort_by_key(|((i, j), t)| (std::cmp::Reverse(*t), *i, *j));
    let mut used: HashSet<(usize, DocId)> = HashSet::new();
    let mut out = Vec::new();
    for ((i, j), t) in pairs {
        let (a, b) = (&items[i], &items[j]);
        let (da, db) = (a.who.at.document, b.who.at.document);
        if used.contains(&(i, db)) || used.contains(&(j, da)) {
            continue;
        }
        used.insert((i, db));
        used.insert((j, da));
        if compatible(i, j) || recurs(i) || recurs(j) || agreed(i, db) || agreed(j, da) {
            continue;
        }
        out.push(finding(context, a, b, t));
    }
    out
}

fn finding(context: &Context<'_>, a: &Item<'_>, b: &Item<'_>, t: Tie) -> FindingDraft {
    let (ma, mb) = (&a.who, &b.who);
    let event = context.event_of[ma.at.document.get()][ma.at.passage.get()]
        .filter(|&e| context.event_of[mb.at.document.get()][mb.at.passage.get()] == Some(e));
    let claim = |item: &Item<'_>| {
        let m = &item.who;
        context.claim(
            m.at,
            m.date.start,
            m.date.end,
            Some(item.week.describe()),
            Some(format!("the day of “{}”, by name", m.referent.word)),
        )
    };
    let claims = vec![claim(a), claim(b)];
    let happening = if t.same_word {
        format!("“{}”", ma.referent.word)
    } else {
        format!("“{}” / “{}”", ma.referent.word, mb.referent.word)
    };
    let shared: Vec<EntityId> = ma
        .participants
        .iter()
        .filter(|e| mb.participants.binary_search(e).is_ok())
        .take(3)
        .copied()
        .collect();
    let names: Vec<&str> = shared
        .iter()
        .map(|e| context.corpus.entities[e.get()].name.as_str())
        .collect();
    let of = if names.is_empty() {
        String::new()
    } else {
        format!(" of {}", names.join(", "))
    };
    let mut evidence = vec![format!(
        "{} dates the {happening}{of} to {}; {} to {}",
        context.source_name(ma.at.document),
        a.week.describe(),
        context.source_name(mb.at.document),
        b.week.describe(),
    )];
    let mut confidence: f32 = 0.4;
    if t.role {
        confidence += 0.15;
        evidence.push(role_words(context, ma, mb));
    }
    if t.same_word {
        confidence += 0.05;
    }
    if t.shared >= 1 {
        confidence += 0.05;
    }
    if t.shared >= 2 {
        confidence += 0.05;
    }
    if let Some(line) = super::super::event_evidence(context, event) {
        evidence.insert(0, line);
        confidence += 0.05;
    }
    evidence.push(
        "two different days by name, whatever each article's date (taken to be of one week)".into(),
    );
    if !t.role {
        // The same family and a name nearby, but no participant known in the same role: it
        // may be the same kind of act by someone else.
        confidence = confidence.min(0.55);
        evidence.push("no participant in the same role on both sides".into());
    }
    FindingDraft {
        kind: FindingKind::DateMismatch,
        event,
        summary: format!(
            "Sources date the {happening} on different days: {}",
            context.listing(&claims, " vs ")
        ),
        claims,
        confidence: confidence.clamp(0.05, 0.95),
        evidence,
    }
}

/// "the same agent on both sides: “Weiner” / “Mr. Weiner”", for the role that matched.
fn role_words(context: &Context<'_>, a: &Mention<'_>, b: &Mention<'_>) -> String {
    let (ra, rb) = (a.referent, b.referent);
    let text = |m: &Mention<'_>, r: &crate::extract::date_referents::Role| {
        context.text(m.at.document)[r.start..r.end].to_string()
    };
    let (role, x, y) = if role_match(&ra.patient, &a.patients, &rb.patient, &b.patients) {
        ("patient", ra.patient.as_ref(), rb.patient.as_ref())
    } else {
        ("agent", ra.agent.as_ref(), rb.agent.as_ref())
    };
    match (x, y) {
        (Some(x), Some(y)) => format!(
            "the same {role} on both sides: “{}” / “{}”",
            text(a, x),
            text(b, y)
        ),
        _ => format!("the same {role} on both sides"),
    }
}
