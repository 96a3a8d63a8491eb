//! Quantities of passages that joined no event, compared with the same kind of quantity in
//! another source (see [`loose`]): a step of `number_mismatch` kept apart from the pairing
//! inside events.

use super::{
    Context, EventId, FindingDraft, FindingKind, Item, MEASURES, PassageRef, Support, agree,
    claim_of, comparable, compatible, shared_context, summarise,
};
use crate::model::DocId;
use std::collections::{BTreeMap, HashSet};

/// Quantities of passages that joined no event, compared with the same kind of quantity
/// anywhere else. Alignment misses short or reworded sentences ("In total, 430 houses were
/// flooded"); a number of the same counted noun with the same words around it in another
/// source is still worth showing. Passages that two different events hold are never paired.
pub(super) fn loose(context: &Context<'_>, out: &mut Vec<FindingDraft>) {
    let by_unit = items_by_unit(context);
    let reported = reported_units(context, &by_unit);
    // Every pair found, with what supports it; each figure keeps one partner at the end.
    let mut found: Vec<(usize, f64, FindingDraft)> = Vec::new();
    let mut seen = HashSet::new();
    for items in by_unit.values() {
        if items.len() > 400 {
            continue;
        }
        for a in items {
            if event_of(context, a.at).is_some() {
                continue;
            }
            let best = best_partners(context, a, items, &reported);
            for j in chosen_partners(context, items, best) {
                let b = &items[j];
                if seen.insert((a.at, a.quantity.start, b.at, b.quantity.start)) {
                    found.extend(pair_draft(context, a, b));
                }
            }
        }
    }
    keep_best_pairs(found, out);
}

fn event_of(context: &Context<'_>, at: PassageRef) -> Option<EventId> {
    context.event_of[at.document.get()][at.passage.get()]
}

/// Every quantity with a unit, by unit.
fn items_by_unit<'a>(context: &Context<'a>) -> BTreeMap<&'a str, Vec<Item<'a>>> {
    let mut by_unit: BTreeMap<&str, Vec<Item<'_>>> = BTreeMap::new();
    for (d, document) in context.corpus.documents.iter().enumerate() {
        for (p, features) in document.features.iter().enumerate() {
            for quantity in &features.quantities {
                if !quantity.unit.is_empty() {
                    let at = PassageRef {
                        document: DocId(d),
                        passage: crate::model::PassageId(p),
                    };
                    by_unit
                        .entry(&quantity.unit)
                        .or_default()
                        .push(Item { at, quantity });
                }
            }
        }
    }
    by_unit
}

/// Which documents already give a number of each unit inside each event: such a
/// document's loose number of that unit is about something else.
fn reported_units<'a>(
    context: &Context<'_>,
    by_unit: &BTreeMap<&'a str, Vec<Item<'_>>>,
) -> HashSet<(DocId, EventId, &'a str)> {
    let mut reported = HashSet::new();
    for (unit, items) in by_unit {
        for item in items {
            if let Some(event) = event_of(context, item.at) {
                reported.insert((item.at.document, event, *unit));
            }
        }
    }
    reported
}

/// The best partner of a loose quantity in each other document: (score, index in `items`).
fn best_partners(
    context: &Context<'_>,
    a: &Item<'_>,
    items: &[Item<'_>],
    reported: &HashSet<(DocId, EventId, &str)>,
) -> BTreeMap<DocId, (usize, usize)> {
    let mut best: BTreeMap<DocId, (usize, usize)> = BTreeMap::new();
    for (j, b) in items.iter().enumerate() {
        if b.at.document == a.at.document || comparable(a.quantity, b.quantity).is_none() {
            continue;
        }
        if let Some(event) = event_of(context, b.at)
            && reported.contains(&(a.at.document, event, a.quantity.unit.as_str()))
        {
            continue;
        }
        let shared = shared_context(
            context.features(a.at),
            (a.quantity.start, a.quantity.end),
            context.features(b.at),
            (b.quantity.start, b.quantity.end),
            70,
        );
        let same_qualifier =
            a.quantity.qualifier.is_some() && a.quantity.qualifier == b.quantity.qualifier;
        // A counted noun of the lexicon (homes, troops) names the thing; a measure (euros,
        // percent, minutes) does not, and needs the same qualifier.
        let known_noun = context.lexicon.units.contains_key(&a.quantity.unit)
            && !MEASURES.contains(&a.quantity.unit.as_str());
        let score = shared + 2 * usize::from(same_qualifier);
        if score >= 2 || (known_noun && shared >= 1) {
            let entry = best.entry(b.at.document).or_insert((0, j));
            if score > entry.0 {
                *entry = (score, j);
            }
        }
    }
    best
}

/// A loose number states one fact: the partners of the best-supported event.
fn chosen_partners(
    context: &Context<'_>,
    items: &[Item<'_>],
    best: BTreeMap<DocId, (usize, usize)>,
) -> Vec<usize> {
    let mut support: BTreeMap<Option<EventId>, usize> = BTreeMap::new();
    for (score, j) in best.values() {
        *support.entry(event_of(context, items[*j].at)).or_default() += score;
    }
    let chosen = support
        .iter()
        .max_by(|x, y| x.1.cmp(y.1).then(y.0.cmp(x.0)))
        .map(|(event, _)| *event);
    best.into_values()
        .map(|(_, j)| j)
        .filter(|&j| Some(event_of(context, items[j].at)) == chosen)
        .collect()
}

/// The finding of a loose pair, with its support score and the spread of its values; none
/// for different figures that an approximation allows ("at least 12" / "14"), which say
/// neither that the sources agree nor that they differ.
fn pair_draft(
    context: &Context<'_>,
    a: &Item<'_>,
    b: &Item<'_>,
) -> Option<(usize, f64, FindingDraft)> {
    let equal = agree(a.quantity, b.quantity);
    if !equal && compatible(a.quantity, b.quantity) {
        return None;
    }
    let kind = if equal {
        FindingKind::Agreement
    } else {
        FindingKind::NumberMismatch
    };
    let claims: Vec<_> = [a, b].iter().map(|item| claim_of(context, item)).collect();
    let support =
        Support::between(context, (a.at, a.quantity), (b.at, b.quantity)).with(false, false);
    let score = support.score();
    let (x, y) = (a.quantity.value.abs(), b.quantity.value.abs());
    let spread = (x - y).abs() / x.max(y).max(1e-9);
    let draft = summarise(
        context,
        kind,
        event_of(context, b.at),
        claims,
        (a.quantity, b.quantity),
        &support,
    );
    Some((score, spread, draft))
}

/// Equal figures first (as in an event), then the best-supported pairs, then the closest
/// values ("$5,687.75" pairs with "$5,587.75", not "$3,544" of the same list); a figure
/// already paired is not paired again.
fn keep_best_pairs(mut found: Vec<(usize, f64, FindingDraft)>, out: &mut Vec<FindingDraft>) {
    found.sort_by(|p, q| {
        (q.1 == 0.0)
            .cmp(&(p.1 == 0.0))
            .then(q.0.cmp(&p.0))
            .then(p.1.total_cmp(&q.1))
    });
    let mut paired: HashSet<(DocId, usize)> = HashSet::new();
    for (_, _, draft) in found {
        let keys: Vec<_> = draft.claims.iter().map(|c| (c.document, c.start)).collect();
        if keys.iter().any(|k| paired.contains(k)) {
            continue;
        }
        paired.extend(keys);
        out.push(draft);
    }
}
