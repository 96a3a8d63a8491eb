//! `date_mismatch` and date `agreement`.
//!
//! Two dates of one event are compared when they have the same precision (two days, two
//! months or two years) and the words around them overlap: "built in 1978" and "built in
//! 1987" share "built". Relative dates ("on Tuesday") were resolved against each article's
//! own date, so they compare like absolute ones.
//!
//! Across events, [`referent`] pairs dates by the happening they belong to ("the visit of
//! Lavrov to Bamako"), wherever the passages lie in the story; [`weekdays`] pairs days of
//! the week by name the same way ("late Friday" against "over the weekend").

mod referent;
mod weekdays;

use super::{Context, FindingDraft, components, shared_context};
use crate::calendar::Date;
use crate::extract::DateFeature;
use crate::model::{EventId, FindingKind, PassageRef};

/// The word a date attaches to: the content word just before it ("built in 1978"), or just
/// after it when the date opens the clause ("In 2014, rebels took …").
fn governing<'f>(
    features: &'f crate::extract::PassageFeatures,
    date: &DateFeature,
) -> Option<&'f str> {
    features
        .terms
        .iter()
        .rev()
        .find(|(at, _)| *at < date.start && *at + 40 >= date.start)
        .or_else(|| {
            features
                .terms
                .iter()
                .find(|(at, _)| *at >= date.end && *at <= date.end + 24)
        })
        .map(|(_, t)| t.as_str())
}

/// Whether two coarse dates (a year, a month) state the same fact: the same governing word
/// and one more shared word or name around them. Years are mentioned in passing far more
/// often than days, so words near them alone are weak evidence.
fn same_fact(
    context: &Context<'_>,
    at_a: PassageRef,
    a: &DateFeature,
    at_b: PassageRef,
    b: &DateFeature,
    shared: usize,
) -> bool {
    let (fa, fb) = (context.features(at_a), context.features(at_b));
    let (Some(ga), Some(gb)) = (governing(fa, a), governing(fb, b)) else {
        return false;
    };
    let shared_entity = fa
        .entities
        .iter()
        .any(|e| fb.entities.binary_search(e).is_ok());
    // The same count in both passages ("when 23 people died") ties the two statements.
    let shared_quantity = fa.quantities.iter().any(|x| {
        fb.quantities
            .iter()
            .any(|y| x.unit == y.unit && !x.unit.is_empty() && (x.value - y.value).abs() < 1e-9)
    });
    (ga == gb && (shared >= 2 || shared_entity)) || (shared_quantity && shared >= 2) || shared >= 4
}

/// Whether two dates of the same precision state the same fact, and how many words around
/// them the passages share. Days need `day_minimum` shared words; years and months need the
/// stricter [`same_fact`].
fn about_the_same(
    context: &Context<'_>,
    at_a: PassageRef,
    a: &DateFeature,
    at_b: PassageRef,
    b: &DateFeature,
    day_minimum: usize,
) -> (bool, usize) {
    let shared = shared_context(
        context.features(at_a),
        (a.start, a.end),
        context.features(at_b),
        (b.start, b.end),
        60,
    );
    let enough = if precision(&a.date) == 3 {
        shared >= day_minimum
    } else {
        same_fact(context, at_a, a, at_b, b, shared)
    };
    (enough, shared)
}

fn precision(date: &Date) -> u8 {
    match (date.month, date.day) {
        (Some(_), Some(_)) => 3,
        (Some(_), None) => 2,
        _ => 1,
    }
}

/// Dates in passages that joined no event, paired with a date of the same precision in
/// another source when at least two words around them agree ("The dam was built in 1987"
/// against "The Ostrel Dam, built in 1978").
fn loose(context: &Context<'_>, out: &mut Vec<FindingDraft>) {
    let mut items: Vec<(PassageRef, &DateFeature)> = Vec::new();
    for (d, document) in context.corpus.documents.iter().enumerate() {
        for (p, features) in document.features.iter().enumerate() {
            for date in &features.dates {
                let at = PassageRef {
                    document: crate::model::DocId(d),
                    passage: crate::model::PassageId(p),
                };
                items.push((at, date));
            }
        }
    }
    if items.len() > 5000 {
        return;
    }
    let event_of = |at: PassageRef| context.event_of[at.document.get()][at.passage.get()];
    for (i, (at_a, a)) in items.iter().enumerate() {
        if event_of(*at_a).is_some() {
            continue;
        }
        let mut best: std::collections::BTreeMap<crate::model::DocId, (usize, usize)> =
            Default::default();
        for (j, (at_b, b)) in items.iter().enumerate() {
            if at_b.document == at_a.document || precision(&a.date) != precision(&b.date) {
                continue;
            }
            let (enough, shared) = about_the_same(context, *at_a, a, *at_b, b, 2);
            if enough {
                let entry = best.entry(at_b.document).or_insert((0, j));
                if shared > entry.0 {
                    *entry = (shared, j);
                }
            }
        }
        for (_, (shared, j)) in best {
            let pair = [i, j];
            out.push(finding(
                context,
                &items,
                &pair,
                event_of(items[j].0),
                (shared, false),
            ));
        }
    }
}

fn finding(
    context: &Context<'_>,
    items: &[(PassageRef, &DateFeature)],
    group: &[usize],
    event: Option<EventId>,
    (shared, in_event): (usize, bool),
) -> FindingDraft {
    let conflicting = group.iter().enumerate().any(|(n, &i)| {
        group[n + 1..]
            .iter()
            .any(|&j| !items[i].1.date.compatible(&items[j].1.date))
    });
    let kind = if conflicting {
        FindingKind::DateMismatch
    } else {
        FindingKind::Agreement
    };
    let claims: Vec<_> = group
        .iter()
        .map(|&i| {
            let (at, d) = items[i];
            context.claim(
                at,
                d.start,
                d.end,
                Some(d.date.iso()),
                d.relative.then(|| "relative date, resolved".to_string()),
            )
        })
        .collect();
    let summary = if kind == FindingKind::DateMismatch {
        format!(
            "Sources date this differently: {}",
            context.listing(&claims, " vs ")
        )
    } else {
        format!(
            "Sources agree on the date: {}",
            context.listing(&claims, ", ")
        )
    };
    let mut evidence = Vec::new();
    if in_event && let Some(line) = super::event_evidence(context, event) {
        evidence.push(line);
    }
    evidence.push(format!("{shared} content words shared around the dates"));
    let mut confidence = 0.4 + 0.08 * shared.min(4) as f32;
    if in_event {
        confidence += 0.15 * super::event_confidence(context, event);
    } else {
        confidence -= 0.1;
    }
    let coarse = items[group[0]].1.date.day.is_none();
    if coarse {
        // Years and months are mentioned in passing far more often than days.
        confidence -= 0.15;
        evidence.push("dates given only to the month or year".into());
    }
    if kind == FindingKind::DateMismatch {
        confidence = by_referent(context, items, group, confidence, &mut evidence);
    }
    let absolute_conflict = group.iter().enumerate().any(|(n, &i)| {
        group[n + 1..].iter().any(|&j| {
            !items[i].1.relative
                && !items[j].1.relative
                && !items[i].1.date.compatible(&items[j].1.date)
        })
    });
    if kind == FindingKind::DateMismatch {
        confidence = by_predicate(context, items, group, coarse, confidence, &mut evidence);
    }
    if kind == FindingKind::DateMismatch && !absolute_conflict {
        // "Today" or "on Friday" is resolved against the article's date, which may be
        // missing or be the date it was updated: a mismatch with it stays uncertain, whatever
        // the predicates say (two weekdays by name are compared in [`weekdays`]).
        confidence = confidence.min(0.55);
        evidence.push(
            "one date is relative (today, a weekday), resolved against the article's date".into(),
        );
    }
    if kind == FindingKind::Agreement {
        confidence += 0.1;
    }
    FindingDraft {
        kind,
        event,
        summary,
        claims,
        confidence: confidence.clamp(0.05, 0.95),
        evidence,
    }
}

/// What the predicates nearest the dates say about a mismatch: the same predicate supports
/// one happening; other predicates and actors for years or months make two.
fn by_predicate(
    context: &Context<'_>,
    items: &[(PassageRef, &DateFeature)],
    group: &[usize],
    coarse: bool,
    mut confidence: f32,
    evidence: &mut Vec<String>,
) -> f32 {
    // The happening each date is given for: the predicate nearest the date.
    let predicates: Vec<_> = group
        .iter()
        .filter_map(|&i| {
            let (at, d) = items[i];
            crate::extract::claims::nearest(&context.features(at).claims, (d.start, d.end))
        })
        .collect();
    if predicates.len() == group.len() {
        let same_predicate = predicates
            .iter()
            .all(|c| c.predicate == predicates[0].predicate);
        // The same happening told with other verbs still has the same actors:
        // "protesters marched" and "protesters gathered".
        let shared_argument = predicates
            .iter()
            .all(|c| crate::extract::claims::shares_argument(c, predicates[0]));
        if same_predicate {
            evidence.push(format!("both dates go with “{}”", predicates[0].word));
            confidence += 0.05;
        } else if !shared_argument && coarse {
            // "born in 1961" and "elected in 1991": two happenings, two years. (Days are
            // rarely given in passing; a day told with other verbs and actors, "rioters
            // threw" / "protesters marched", is still often one happening.)
            confidence -= 0.15;
            let words: Vec<String> = predicates.iter().map(|c| format!("“{}”", c.word)).collect();
            evidence.push(format!(
                "the dates go with different predicates and actors: {}",
                words.join(" / ")
            ));
        }
    }
    confidence
}

/// What the dates' referents say about a mismatch: a date that is a bound, a range or one
/// occurrence among several, or two dates of the same kind of happening with different
/// participants ("the council voted" / "the parliament voted"), is no conflict and stays
/// below the display threshold; two dates of one happening are surer.
fn by_referent(
    context: &Context<'_>,
    items: &[(PassageRef, &DateFeature)],
    group: &[usize],
    mut confidence: f32,
    evidence: &mut Vec<String>,
) -> f32 {
    let mut same = None;
    for (n, &i) in group.iter().enumerate() {
        for &j in &group[n + 1..] {
            if items[i].1.date.compatible(&items[j].1.date) {
                continue;
            }
            match referent::judge(context, items[i], items[j]) {
                referent::Verdict::Different(why) => {
                    evidence.push(why);
                    return confidence.min(0.5);
                }
                referent::Verdict::Same(why) => same = Some(why),
                referent::Verdict::Unknown => {}
            }
        }
    }
    // The bonus holds for a pair only: a group of several dates is not one happening's.
    if let Some(why) = same.filter(|_| group.len() == 2) {
        evidence.push(why);
        confidence += 0.05;
    }
    confidence
}

pub fn find(context: &Context<'_>) -> Vec<FindingDraft> {
    let mut out = referent::find(context);
    out.extend(weekdays::find(context));
    loose(context, &mut out);
    for (event_index, event) in context.alignment.events.iter().enumerate() {
        let items: Vec<(PassageRef, &DateFeature)> = event
            .passages
            .iter()
            .flat_map(|&at| context.features(at).dates.iter().map(move |d| (at, d)))
            .collect();
        let mut links = Vec::new();
        let mut link_shared: std::collections::HashMap<(usize, usize), usize> = Default::default();
        let documents = event.documents();
        for (position, &doc_a) in documents.iter().enumerate() {
            for &doc_b in &documents[position + 1..] {
                let mut scored = Vec::new();
                for (i, (at_a, a)) in items.iter().enumerate() {
                    if at_a.document != doc_a {
                        continue;
                    }
                    for (j, (at_b, b)) in items.iter().enumerate() {
                        if at_b.document != doc_b || precision(&a.date) != precision(&b.date) {
                            continue;
                        }
                        let equal = a.date.compatible(&b.date);
                        let (enough, shared) = about_the_same(context, *at_a, a, *at_b, b, 1);
                        if equal || enough {
                            scored.push((equal, shared, i, j));
                        }
                    }
                }
                scored.sort_by(|x, y| {
                    y.0.cmp(&x.0)
                        .then(y.1.cmp(&x.1))
                        .then((x.2, x.3).cmp(&(y.2, y.3)))
                });
                let mut used = std::collections::HashSet::new();
                for (_, shared, i, j) in scored {
                    if used.contains(&i) || used.contains(&j) {
                        continue;
                    }
                    used.insert(i);
                    used.insert(j);
                    links.push((i, j));
                    link_shared.insert((i, j), shared);
                }
            }
        }
        for group in components(items.len(), &links) {
            let shared = link_shared
                .iter()
                .filter(|((i, j), _)| group.contains(i) && group.contains(j))
                .map(|(_, s)| *s)
                .min()
                .unwrap_or(0);
            out.push(finding(
                context,
                &items,
                &group,
                Some(EventId(event_index)),
                (shared, true),
            ));
            // Inside a mismatch of three or more, the sources that give one date agree.
            let conflicting = group.iter().any(|&i| {
                group
                    .iter()
                    .any(|&j| !items[i].1.date.compatible(&items[j].1.date))
            });
            let same = |i: usize, j: usize| items[i].1.date == items[j].1.date;
            let agreeing = super::agreeing_subsets(&group, same, |i| items[i].0.document);
            for equal in agreeing.into_iter().filter(|_| conflicting) {
                out.push(finding(
                    context,
                    &items,
                    &equal,
                    Some(EventId(event_index)),
                    (shared, true),
                ));
            }
        }
    }
    out
}
