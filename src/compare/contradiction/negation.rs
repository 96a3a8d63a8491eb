//! Negation and antonyms: one source denies a predicate that another asserts of the same
//! subject ("was not warned" against "was warned"), or the two use the two words of an
//! antonym pair ("accepted" against "refused"). The pairing and the referent test are in
//! the parent module; these two functions only choose which claims oppose.

use super::{Context, FindingDraft, Pairing, contestable, opposed};
use crate::model::PassageRef;

/// One source denies a predicate that the other asserts of the same subject.
pub(super) fn negation(
    context: &Context<'_>,
    negating: PassageRef,
    asserting: PassageRef,
    pairing: Pairing<'_>,
) -> Option<FindingDraft> {
    let (fa, fb) = (context.features(negating), context.features(asserting));
    for denied in fa
        .claims
        .iter()
        .filter(|c| c.negation.is_some() && contestable(c))
    {
        for asserted in fb.claims.iter().filter(|c| {
            c.negation.is_none()
                && c.predicate == denied.predicate
                && c.copula == denied.copula
                && contestable(c)
        }) {
            if let Some(found) = opposed(
                context,
                (negating, denied),
                (asserting, asserted),
                [Some("denies"), Some("asserts")],
                asserted.word.clone(),
                pairing,
            ) {
                return Some(found);
            }
        }
    }
    None
}

/// The two sources use the two predicates of an antonym pair ("accepted" / "refused").
pub(super) fn antonym(
    context: &Context<'_>,
    a: PassageRef,
    b: PassageRef,
    pairing: Pairing<'_>,
    lexicon: &crate::lexicon::Lexicon,
) -> Option<FindingDraft> {
    let (fa, fb) = (context.features(a), context.features(b));
    for ca in fa.claims.iter().filter(|c| contestable(c)) {
        let Some(opposites) = lexicon.antonyms.get(&ca.predicate) else {
            continue;
        };
        // A negated antonym agrees ("did not refuse" = "accepted").
        for cb in fb.claims.iter().filter(|c| {
            contestable(c)
                && opposites.contains(&c.predicate)
                && ca.negation.is_some() == c.negation.is_some()
        }) {
            if let Some(found) = opposed(
                context,
                (a, ca),
                (b, cb),
                [None, None],
                format!("{} / {}", ca.word, cb.word),
                pairing,
            ) {
                return Some(found);
            }
        }
    }
    None
}
