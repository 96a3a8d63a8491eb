//! Quantities of passages that joined no event, compared with the same kind of quantity in
//! another source (see [`loose`]): a step of `number_mismatch` kept apart from the pairing
//! inside events.

use super::{
    Context, EventId, FindingDraft, FindingKind, Item, MEASURES, PassageRef, Support, agree,
    claim_of, comparable, compatible, shared_context, summarise,
};

/// Quantities of passages that joined no event, compared with the same kind of quantity
/// anywhere else. Alignment misses short or reworded sentences ("In total, 430 houses were
/// flooded"); a number of the same counted noun with the same words around it in another
/// source is still worth showing. Passages that two different events hold are never paired.
pub(super) fn loose(context: &Context<'_>, out: &mut Vec<FindingDraft>) {
    // Every pair found, with what supports it; each figure keeps one partner at the end.
    let mut found: Vec<(usize, f64, FindingDraft)> = Vec::new();
    let mut by_unit: std::collections::BTreeMap<&str, Vec<Item<'_>>> = Default::default();
    for (d, document) in context.corpus.documents.iter().enumerate() {
        for (p, features) in document.features.iter().enumerate() {
            for quantity in &features.quantities {
                if !quantity.unit.is_empty() {
                    let at = PassageRef {
                        document: crate::model::DocId(d),
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
    let event_of = |at: PassageRef| context.event_of[at.document.get()][at.passage.get()];
    // Which documents already give a number of each unit inside each event: such a
    // document's loose number of that unit is about something else.
    let mut reported: std::collections::HashSet<(crate::model::DocId, EventId, &str)> =
        Default::default();
    for (unit, items) in &by_unit {
        for item in items {
            if let Some(event) = event_of(item.at) {
                reported.insert((item.at.document, event, unit));
            }
        }
    }
    let mut seen = std::collections::HashSet::new();
    for items in by_unit.values() {
        if items.len() > 400 {
            continue;
        }
        for a in items {
            if event_of(a.at).is_some() {
                continue;
            }
            // The best partner in each other document.
            let mut best: std::collections::BTreeMap<crate::model::DocId, (usize, usize)> =
                Default::default();
            for (j, b) in items.iter().enumerate() {
                if b.at.document == a.at.document || comparable(a.quantity, b.quantity).is_none() {
                    continue;
                }
                if let Some(event) = event_of(b.at)
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
                // A counted noun of the lexicon (homes, troops) names the thing; a measure
                // (euros, percent, minutes) does not, and needs the same qualifier.
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
            // A loose number states one fact: keep the partners of the best-supported event.
            let mut support: std::collections::BTreeMap<Option<EventId>, usize> =
                Default::default();
            for (score, j) in best.values() {
                *support.entry(event_of(items[*j].at)).or_default() += score;
            }
            let chosen = support
                .iter()
                .max_by(|x, y| x.1.cmp(y.1).then(y.0.cmp(x.0)))
                .map(|(event, _)| *event);
            for (_, (_, j)) in best {
                let b = &items[j];
                if Some(event_of(b.at)) != chosen {
                    continue;
                }
                let key = (a.at, a.quantity.start, b.at, b.quantity.start);
                if !seen.insert(key) {
                    continue;
                }
                let equal = agree(a.quantity, b.quantity);
                // Different figures that an approximation allows ("at least 12" / "14") say
                // neither that the sources agree nor that they differ.
                if !equal && compatible(a.quantity, b.quantity) {
                    continue;
                }
                let kind = if equal {
                    FindingKind::Agreement
                } else {
                    FindingKind::NumberMismatch
                };
                let claims: Vec<_> = [a, b].iter().map(|item| claim_of(context, item)).collect();
                let support = Support::between(context, (a.at, a.quantity), (b.at, b.quantity))
                    .with(false, false);
                let score = support.score();
                let (x, y) = (a.quantity.value.abs(), b.quantity.value.abs());
                let spread = (x - y).abs() / x.max(y).max(1e-9);
                let draft = summarise(
                    context,
                    kind,
                    event_of(b.at),
                    claims,
                    (a.quantity, b.quantity),
                    &support,
                );
                found.push((score, spread, draft));
            }
        }
    }
    // Equal figures first (as in an event), then the best-supported pairs, then the closest
    // values ("$5,687.75" pairs with "$5,587.75", not "$3,544" of the same list); a figure
    // already paired is not paired again.
    found.sort_by(|p, q| {
        (q.1 == 0.0)
            .cmp(&(p.1 == 0.0))
            .then(q.0.cmp(&p.0))
            .then(p.1.total_cmp(&q.1))
    });
    let mut paired: std::collections::HashSet<(crate::model::DocId, usize)> = Default::default();
    for (_, _, draft) in found {
        let keys: Vec<_> = draft.claims.iter().map(|c| (c.document, c.start)).collect();
        if keys.iter().any(|k| paired.contains(k)) {
            continue;
        }
        paired.extend(keys);
        out.push(draft);
    }
}
