//! Leftovers. Takes the clusters and the links; gives the clusters with each passage that
//! joined no multi-document event attached to the event of its strongest partner, when that
//! one link is strong enough on its own. Average link judges a passage against a whole
//! event, which a short sentence or a long one with one clear partner often fails.

use super::pairs::Links;

/// Gives each passage that joined no multi-document event to the event of its strongest
/// partner, when that edge alone is strong enough: alike enough (`threshold`), or a fact in
/// common (a factual link: a quote word for word, a number or counted fact among enough
/// anchors).
/// Short sentences ("The dam was built in 1987.") share few words with a whole event, and
/// long ones few with one partner ("Police and fire crews evacuated about 4,000 people …"),
/// so the average-link test rejects them even when one partner is clearly theirs. Attached
/// passages recruit no one further, so this cannot chain events together.
pub(super) fn attach_leftovers(
    clusters: Vec<Vec<usize>>,
    groups: &[usize],
    links: &Links,
    threshold: f32,
) -> Vec<Vec<usize>> {
    let (edges, factual) = (&links.edges, &links.factual_edges);
    let mut owner: Vec<Option<usize>> = vec![None; groups.len()];
    let mut events: Vec<Vec<usize>> = Vec::new();
    let mut singles: Vec<Vec<usize>> = Vec::new();
    for members in clusters {
        let documents: std::collections::BTreeSet<usize> =
            members.iter().map(|&m| groups[m]).collect();
        if documents.len() >= 2 {
            for &m in &members {
                owner[m] = Some(events.len());
            }
            events.push(members);
        } else {
            singles.push(members);
        }
    }
    let mut best: Vec<Option<(f32, usize)>> = vec![None; groups.len()];
    for edge in edges {
        for (from, to) in [(edge.a, edge.b), (edge.b, edge.a)] {
            let anchored = factual.contains(&(edge.a.min(edge.b), edge.a.max(edge.b)));
            if owner[from].is_some()
                || owner[to].is_none()
                || (edge.weight < threshold && !anchored)
            {
                continue;
            }
            let event = owner[to].unwrap_or_default();
            let better = match best[from] {
                None => true,
                Some((weight, current)) => {
                    edge.weight > weight || (edge.weight == weight && event < current)
                }
            };
            if better {
                best[from] = Some((edge.weight, event));
            }
        }
    }
    for (node, choice) in best.iter().enumerate() {
        if let Some((_, event)) = choice {
            events[*event].push(node);
        }
    }
    for members in &mut events {
        members.sort_unstable();
    }
    events.extend(singles);
    events.sort();
    events
}
