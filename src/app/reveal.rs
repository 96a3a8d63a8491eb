//! Showing every column of the selection at once when they do not fit as they are: which
//! columns (all of a finding's, else every value it compares), narrowed how far, and which
//! one kept at the left as a temporary base. The columns area (`columns`) applies the plan.

use super::columns::{FIT_MIN_WIDTH, GAP};
use parallax::model::{DocId, EventId, FindingId};

/// A temporary arrangement that brings every column of the selection into view at once when
/// they do not fit as they are: the columns narrowed (down to [`FIT_MIN_WIDTH`] at most), and
/// if that is not enough, the leftmost of them shown as a temporary base at the left (as
/// "Pin as base") while the view scrolls to the others; columns without a side of the
/// selection may be set aside for a while when they keep one with a side out of view. The user's own pin, "Compare two" and
/// widths are left as they are; the arrangement is undone when the selection changes or the
/// user scrolls sideways.
#[derive(Debug, Clone, PartialEq)]
pub struct RevealPlan {
    /// The selection it was made for.
    pub selection: (Option<EventId>, Option<FindingId>),
    /// Every scrolled column (and a temporary base) at most this wide.
    pub width_cap: Option<f32>,
    /// The column shown at the left as a temporary base.
    pub base: Option<DocId>,
    /// The columns it brings into view.
    pub targets: Vec<DocId>,
    /// Columns without a side of the selection, left out while it lasts so that more of
    /// those with one fit.
    pub set_aside: Vec<DocId>,
    /// The sideways offset once the view got there; another one means the user scrolled.
    pub(super) settled: Option<f32>,
}

/// How to show columns in view together, from [`plan_reveal`].
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Reveal {
    pub width_cap: Option<f32>,
    pub base: Option<DocId>,
    pub targets: Vec<DocId>,
}

/// How wide a pinned base column is drawn: its width, leaving a minimum column's room for
/// the others.
pub(super) fn base_width(width: f32, area: f32) -> f32 {
    width.min((area - GAP - FIT_MIN_WIDTH).max(FIT_MIN_WIDTH))
}

/// How to bring the `wanted` columns (most important first) into view together. `sides`
/// says which side of the selection each shows (a finding's value, say; `usize::MAX` for
/// none; empty when each is its own). `order` holds the shown columns in order with their widths, `pinned` the user's
/// base and `area` the width of the columns area.
///
/// All of them are shown when they can be, else as many sides as can be, then as many
/// columns, the most important first. They are shown as they are when they fit, else
/// narrowed as little as needed, down to [`FIT_MIN_WIDTH`], else with the leftmost of them
/// as a temporary base at the left (when the user pinned none), narrowed as little as
/// needed too.
pub(super) fn plan_reveal(
    order: &[(DocId, f32)],
    pinned: Option<DocId>,
    wanted: &[DocId],
    sides: &[usize],
    area: f32,
) -> Reveal {
    // The wanted columns that are shown, once each, with their side.
    let mut candidates: Vec<(DocId, usize)> = Vec::new();
    for (index, document) in wanted.iter().enumerate() {
        if order.iter().any(|(d, _)| d == document) && !candidates.iter().any(|c| c.0 == *document)
        {
            let side = if sides.len() == wanted.len() {
                sides[index]
            } else {
                index
            };
            candidates.push((*document, side));
        }
    }
    // Beyond a dozen, the least important ones only come into view if they fit anyway.
    candidates.truncate(12);
    let capped = |width: f32, cap: Option<f32>| cap.map_or(width, |cap| width.min(cap));
    let fits = |targets: &[DocId], cap: Option<f32>, base: Option<DocId>| {
        let mut view = area;
        if let Some((_, width)) = order.iter().find(|(d, _)| Some(*d) == base) {
            view -= base_width(capped(*width, cap), area) + GAP;
        }
        let scrolled: Vec<(DocId, f32)> = order
            .iter()
            .copied()
            .filter(|(d, _)| Some(*d) != base)
            .collect();
        let positions: Vec<usize> = targets
            .iter()
            .filter_map(|t| scrolled.iter().position(|(d, _)| d == t))
            .collect();
        let (Some(first), Some(last)) = (positions.iter().min(), positions.iter().max()) else {
            return true;
        };
        let span: f32 = scrolled[*first..=*last]
            .iter()
            .map(|(_, w)| capped(*w, cap))
            .sum::<f32>()
            + GAP * (last - first) as f32;
        span <= view + 1.0
    };
    let widest = order.iter().map(|(_, w)| *w).fold(FIT_MIN_WIDTH, f32::max);
    // Every subset, the best first: most sides, most columns, the most important ones.
    let mut subsets: Vec<u32> = (1..1u32 << candidates.len()).collect();
    let score = |subset: u32| {
        let members: Vec<usize> = (0..candidates.len())
            .filter(|i| subset & (1 << i) != 0)
            .collect();
        // A column of no side (`usize::MAX`: an event's column without a difference) only
        // counts as one more column.
        let mut sides: Vec<usize> = members
            .iter()
            .map(|i| candidates[*i].1)
            .filter(|side| *side != usize::MAX)
            .collect();
        sides.sort_unstable();
        sides.dedup();
        let importance: usize = members.iter().sum();
        (
            std::cmp::Reverse(sides.len()),
            std::cmp::Reverse(members.len()),
            importance,
        )
    };
    subsets.sort_by_cached_key(|s| score(*s));
    for subset in subsets {
        let targets: Vec<DocId> = (0..candidates.len())
            .filter(|i| subset & (1 << i) != 0)
            .map(|i| candidates[i].0)
            .collect();
        let leftmost = order.iter().map(|(d, _)| *d).find(|d| targets.contains(d));
        let mut bases = vec![pinned];
        if pinned.is_none() && targets.len() > 1 {
            bases.push(leftmost);
        }
        for base in bases {
            let reveal = |width_cap| Reveal {
                width_cap,
                base: base.filter(|b| Some(*b) != pinned),
                targets: targets.clone(),
            };
            if fits(&targets, None, base) {
                return reveal(None);
            }
            if !fits(&targets, Some(FIT_MIN_WIDTH), base) {
                continue;
            }
            // The widest cap that fits: columns narrowed as little as needed.
            let (mut fitting, mut too_wide) = (FIT_MIN_WIDTH, widest);
            while too_wide - fitting > 1.0 {
                let middle = (fitting + too_wide) / 2.0;
                if fits(&targets, Some(middle), base) {
                    fitting = middle;
                } else {
                    too_wide = middle;
                }
            }
            return reveal(Some(fitting.floor()));
        }
    }
    Reveal {
        width_cap: None,
        base: None,
        targets: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn columns(count: usize, width: f32) -> Vec<(DocId, f32)> {
        (0..count).map(|i| (DocId(i), width)).collect()
    }

    #[test]
    fn columns_that_do_not_fit_are_narrowed_as_little_as_needed() {
        let order = columns(3, 300.0);
        let (a, c) = (order[0].0, order[2].0);
        let reveal = plan_reveal(&order, None, &[a, c], &[], 900.0);
        assert_eq!(reveal.base, None);
        assert_eq!(reveal.targets, vec![a, c]);
        let cap = reveal.width_cap.unwrap();
        assert!((FIT_MIN_WIDTH..=276.0).contains(&cap), "{cap}");
        assert!(cap >= 275.0, "{cap}");
    }

    #[test]
    fn when_narrowing_is_not_enough_the_leftmost_is_kept_at_the_left() {
        let order = columns(5, 300.0);
        let (first, last) = (order[0].0, order[4].0);
        let reveal = plan_reveal(&order, None, &[first, last], &[], 900.0);
        assert_eq!(reveal.base, Some(first));
        assert_eq!(reveal.width_cap, None);
        assert_eq!(reveal.targets, vec![first, last]);
        // The user's own base stays: no temporary one, and the first side alone.
        let pinned = order[1].0;
        let reveal = plan_reveal(&order, Some(pinned), &[first, last], &[], 900.0);
        assert_eq!(reveal.base, None);
        assert_eq!(reveal.targets, vec![first]);
    }

    #[test]
    fn every_side_of_a_finding_comes_before_more_columns_of_one_side() {
        // Claims in columns 0, 1 (one value) and 3, 4 (another); three fit with a base.
        let order = columns(5, 300.0);
        let wanted: Vec<DocId> = [0, 1, 3, 4].map(DocId).to_vec();
        let reveal = plan_reveal(&order, None, &wanted, &[0, 0, 2, 2], 1000.0);
        assert!(reveal.targets.contains(&DocId(0)));
        assert!(reveal.targets.contains(&DocId(3)) || reveal.targets.contains(&DocId(4)));
    }
}
