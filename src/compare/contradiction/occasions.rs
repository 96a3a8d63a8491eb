//! What ties two opposed claims to one referent on one occasion, beyond a resolved name:
//! the same definite common noun in both sources when each speaks of only one of its kind
//! ("the referee" of the one match), and the dates of the two clauses (a year or a month
//! named on each side and none in common is two occasions, not one claim denied).
//! Used by the contradiction detectors of the parent module and by [`super::forecasts`].

use super::{Context, claim_span};
use crate::extract::claims::ClaimFeature;
use crate::model::PassageRef;

/// Whether two subjects are the same definite common noun, the one of its kind in each
/// source: "the" right before the head in both ("the referee", no name, no modifier that
/// could pick one of several), and neither document speaks of several of them (the head
/// word in the plural, or after "another", "other", "second", "both", "each", "either",
/// "one of the"). One referee of one match, one court of one trial; never "the company"
/// of a story with two companies.
pub(super) fn definite_subject(
    context: &Context<'_>,
    (at_a, a): (PassageRef, &crate::extract::claims::Argument),
    (at_b, b): (PassageRef, &crate::extract::claims::Argument),
) -> bool {
    if a.pronoun || b.pronoun || a.entity.is_some() || b.entity.is_some() || a.head != b.head {
        return false;
    }
    let words = |at: PassageRef, s: &crate::extract::claims::Argument| -> Option<String> {
        let text = context.text(at.document);
        let tokens = crate::text::tokens(&text[s.start..s.end]);
        match tokens.as_slice() {
            [the, head] if crate::text::fold(the.text) == "the" => {
                Some(crate::text::fold(head.text))
            }
            _ => None,
        }
    };
    let (Some(head_a), Some(head_b)) = (words(at_a, a), words(at_b, b)) else {
        return false;
    };
    head_a == head_b
        && [at_a.document, at_b.document]
            .iter()
            .all(|&d| !several(context.text(d), &head_a))
}

/// Whether a text speaks of several of a noun: the noun in the plural, or after a word that
/// counts or contrasts it ("another referee", "the other referee", "both referees").
fn several(text: &str, noun: &str) -> bool {
    let tokens: Vec<String> = crate::text::tokens(text)
        .iter()
        .map(|t| crate::text::fold(t.text))
        .collect();
    let plurals = [format!("{noun}s"), format!("{noun}es"), {
        let stem = noun.strip_suffix('y').unwrap_or(noun);
        format!("{stem}ies")
    }];
    tokens.iter().enumerate().any(|(i, word)| {
        plurals.contains(word)
            || (word == noun
                && i > 0
                && matches!(
                    tokens[i - 1].as_str(),
                    "another" | "other" | "second" | "each" | "either" | "every" | "first"
                ))
    })
}

/// Whether two claims are dated to different occasions: each clause (from the claim's
/// subject to the end of its sentence) names a year or a month, and they name none in
/// common. Relative days ("on Sunday", "yesterday") depend on when each source wrote and
/// are not compared.
pub(super) fn other_occasions(
    context: &Context<'_>,
    (at_a, a): (PassageRef, &ClaimFeature),
    (at_b, b): (PassageRef, &ClaimFeature),
) -> bool {
    let times = |at: PassageRef, claim: &ClaimFeature| -> Vec<String> {
        let passage = &context.corpus.documents[at.document.get()].passages[at.passage.get()];
        let text = context.text(at.document);
        let start = claim_span(claim).0.clamp(passage.start, passage.end);
        let rest = &text[start..passage.end];
        let clause = rest.find(['.', '!', '?', ';']).map_or(rest, |i| &rest[..i]);
        // Months by number ("Sept." is September; "may" is a modal, not May), and years.
        crate::text::tokens(clause)
            .iter()
            .filter_map(|t| {
                let w = crate::text::fold(t.text);
                if w != "may"
                    && let Some(month) = crate::calendar::month_number(t.text)
                {
                    return Some(format!("month {month}"));
                }
                (w.len() == 4 && w.parse::<u32>().is_ok_and(|y| (1800..=2100).contains(&y)))
                    .then_some(w)
            })
            .collect()
    };
    let (ta, tb) = (times(at_a, a), times(at_b, b));
    !ta.is_empty() && !tb.is_empty() && !ta.iter().any(|t| tb.contains(t))
}

#[cfg(test)]
mod tests {
    use super::several;

    #[test]
    fn several_of_a_noun_are_read_from_plurals_and_counting_words() {
        assert!(several("Two umpires watched from the jetty.", "umpire"));
        assert!(several("The other umpire waved a flag.", "umpire"));
        assert!(several("Both ferries left at noon.", "ferry"));
        assert!(!several(
            "The umpire halted the race; the umpire's boat stayed out.",
            "umpire"
        ));
        assert!(!several("An umpire and a steward met.", "umpire"));
    }
}
