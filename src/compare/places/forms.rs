//! The written forms that tie a place to a person ([`super::reading`] says which and why):
//! after a name (an apposition ending "in" a place, an apposition with the place before its
//! noun, "of" a place, "who lives in" a place) and before a name or with none (a place
//! before a noun for a person, "a … nurse in" a place).

use super::gazetteer;
use super::reading::{PlacePhrase, Placed, Who, Words, area, closes, origin, place_at};
use crate::extract::tagger::Pos;
use crate::model::{EntityId, PassageRef};

/// Words a description may have between its article and "in".
const MAX_DESCRIPTION: usize = 10;

/// What stands between a description and the name it describes: "a Seattle teacher, later
/// identified as Ilse Varga", "Seattle teacher Ilse Varga".
const BEFORE_NAME: &[&str] = &[
    " ",
    ", ",
    ", later identified as ",
    " later identified as ",
    ", identified as ",
    " identified as ",
    ", named ",
    " named ",
];

fn placed(
    at: PassageRef,
    who: Who,
    head: Option<String>,
    words: Vec<String>,
    place: PlacePhrase,
    span: (usize, usize),
    form: &'static str,
) -> Placed {
    Placed {
        at,
        who,
        head,
        words,
        place: place.written,
        name: place.name,
        readings: place.readings,
        start: span.0,
        end: span.1,
        form,
    }
}

/// The statements after a person's name (`start..end`, the entity).
pub fn after_name(
    words: &Words<'_>,
    at: PassageRef,
    start: usize,
    end: usize,
    entity: EntityId,
) -> Vec<Placed> {
    let mut out = Vec::new();
    let Some(first) = words.at(start) else {
        return out;
    };
    let last = words
        .tokens
        .iter()
        .rposition(|t| t.end <= end)
        .unwrap_or(first);
    // "Ilse Varga of Seattle": "of" inside the name as read, or right after it.
    if let Some(of) =
        (first + 2..=last + 1).find(|&i| i < words.tokens.len() && words.tokens[i].text == "of")
        && let Some(place) = place_at(words, of + 1)
        && closes(words, place.end)
        && (of <= last || words.gap(last) == " ")
    {
        let span = (start, place.end);
        out.push(placed(
            at,
            Who::Named(entity),
            None,
            Vec::new(),
            place,
            span,
            "“of” a place after the name",
        ));
        return out;
    }
    if !words.gap(last).starts_with(", ") {
        return out;
    }
    let mut j = last + 1;
    // An age between commas: "Ilse Varga, 34, a nurse …".
    if j < words.tokens.len() && words.tokens[j].is_numeric() && words.gap(j).starts_with(", ") {
        j += 1;
    }
    let folded: Vec<String> = (j..(j + 3).min(words.tokens.len()))
        .map(|i| words.folded(i))
        .collect();
    let lives = match folded.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["who", "lives" | "resides", "in", ..] => Some(j + 3),
        ["living" | "residing", "in", ..] => Some(j + 2),
        _ => None,
    };
    if let Some(i) = lives
        && let Some(place) = place_at(words, i)
        && closes(words, place.end)
    {
        let span = (start, place.end);
        out.push(placed(
            at,
            Who::Named(entity),
            None,
            Vec::new(),
            place,
            span,
            "“who lives in” a place",
        ));
        return out;
    }
    if !matches!(folded.first().map(String::as_str), Some("a" | "an" | "the")) {
        return out;
    }
    if let Some((head, described, place)) = noun_after_place(words, j + 1)
        && closes(words, words.tokens[head].end)
    {
        let span = (start, words.tokens[head].end);
        out.push(placed(
            at,
            Who::Named(entity),
            Some(words.folded(head)),
            described,
            place,
            span,
            "an apposition to the name, the place before its noun",
        ));
    } else if let Some((head, described, place)) = description_in(words, j + 1, true) {
        let span = (start, place.end);
        out.push(placed(
            at,
            Who::Named(entity),
            Some(head),
            described,
            place,
            span,
            "an apposition to the name, ending “in” a place",
        ));
    }
    out
}

/// A place at token `i` and a noun for a person after it ("Seattle teacher", "Seattle
/// college student"): the head's index, the description's words, the place.
fn noun_after_place(words: &Words<'_>, i: usize) -> Option<(usize, Vec<String>, PlacePhrase)> {
    let place = place_at(words, i)?;
    let next = place.next;
    if words.gap(next.checked_sub(1)?) != " " {
        // "a Bellingham, Wash., teacher": the qualifier closed by a comma.
        if !(place.written.contains(',') && words.gap(next - 1) == ", ") {
            return None;
        }
    }
    let mut described = Vec::new();
    // The noun, or one modifier and the noun.
    for k in next..next + 2 {
        words.tokens.get(k)?;
        let folded = words.folded(k);
        if !words.lower(k) || area(&folded) || origin(&folded) {
            return None;
        }
        described.push(folded.clone());
        if words.tags[k] == Pos::Noun && gazetteer::person_noun(&folded) {
            return Some((k, described, place));
        }
        if !matches!(words.tags[k], Pos::Adj | Pos::Noun) || words.gap(k) != " " {
            return None;
        }
    }
    None
}

/// A description from token `i` (after its article) to "in" and a city: "a nurse at the
/// Tarnow clinic in Varnholm, Ore.". Capitalised words (an institution's name) are allowed
/// when `names` is true. The head is the last lower-case word before the first preposition.
fn description_in(
    words: &Words<'_>,
    i: usize,
    names: bool,
) -> Option<(String, Vec<String>, PlacePhrase)> {
    let mut head: Option<String> = None;
    let mut preposition = false;
    let mut described = Vec::new();
    for k in i..(i + MAX_DESCRIPTION).min(words.tokens.len()) {
        let folded = words.folded(k);
        if k > i && !matches!(words.gap(k - 1), " " | "-") {
            return None;
        }
        if folded == "in" && k > i {
            let head = head?;
            let place = place_at(words, k + 1)?;
            return closes(words, place.end).then_some((head, described, place));
        }
        if origin(&folded) || matches!(folded.as_str(), "who" | "which" | "that" | "whose") {
            return None;
        }
        let allowed = match words.tags[k] {
            Pos::Adj | Pos::Noun | Pos::Num => true,
            Pos::Propn => names,
            Pos::Adp | Pos::Det => k > i,
            _ => false,
        };
        if !allowed || (!names && !words.lower(k) && !words.tokens[k].is_numeric()) {
            return None;
        }
        if words.tags[k] == Pos::Adp {
            head.as_ref()?;
            preposition = true;
        } else if !preposition && words.lower(k) && words.tags[k] == Pos::Noun {
            head = gazetteer::person_noun(&folded).then_some(folded.clone());
        }
        described.push(folded);
    }
    None
}

/// Whether a person is named right after byte `end`, through one of [`BEFORE_NAME`] and an
/// optional title ("Ms."): the entity.
fn name_after(
    words: &Words<'_>,
    end: usize,
    people: &[(usize, usize, EntityId)],
) -> Option<EntityId> {
    let fits = |g: &str| BEFORE_NAME.contains(&g);
    people.iter().find_map(|&(start, _, entity)| {
        let gap = words.text.get(end..start)?;
        // A title before the name, split off it: "… identified as Ms. Varga".
        let untitled = gap.strip_suffix(' ').and_then(|g| {
            let (rest, word) = g.rsplit_once(' ')?;
            (word.ends_with('.')
                && word.len() <= 4
                && word.chars().next().is_some_and(char::is_uppercase))
            .then(|| &gap[..rest.len() + 1])
        });
        (start > end && (fits(gap) || untitled.is_some_and(fits))).then_some(entity)
    })
}

/// Whether a person's name ends right before ", " at byte `at`: the description after it is
/// an apposition, read by [`after_name`].
fn apposition_of_name(words: &Words<'_>, at: usize, people: &[(usize, usize, EntityId)]) -> bool {
    people.iter().any(|&(_, end, _)| {
        words
            .text
            .get(end..at)
            .is_some_and(|gap| gap == ", " || gap.ends_with(", ") && gap.len() <= 8)
    })
}

/// The statements read from a description: a place before a noun for a person, tied to the
/// name that follows or to none ("a Seattle nurse"), and "a … nurse in Seattle".
pub fn before_noun(
    words: &Words<'_>,
    at: PassageRef,
    people: &[(usize, usize, EntityId)],
) -> Vec<Placed> {
    let mut out = Vec::new();
    for i in 0..words.tokens.len() {
        let folded = words.folded(i);
        let article = matches!(folded.as_str(), "a" | "an" | "the");
        let opens = if article { i + 1 } else { i };
        if article && words.gap(i) != " " {
            continue;
        }
        // "a former Seattle teacher", "the Seattle-born teacher".
        if i > 0 && origin(&words.folded(i - 1)) {
            continue;
        }
        let start = words.tokens[i].start;
        if let Some((head, described, place)) = noun_after_place(words, opens) {
            let head_end = words.tokens[head].end;
            let head_word = words.folded(head);
            let named = name_after(words, head_end, people);
            // Without an article only a name makes it a description ("Seattle teacher Ilse
            // Varga"); after an article it was read at the article.
            let after_article = i > 0 && matches!(words.folded(i - 1).as_str(), "a" | "an" | "the");
            if !article && (named.is_none() || after_article) {
                continue;
            }
            if let Some(entity) = named {
                let name_end = people
                    .iter()
                    .find(|p| p.2 == entity && p.0 > head_end)
                    .map_or(head_end, |p| p.1);
                out.push(placed(
                    at,
                    Who::Named(entity),
                    Some(head_word),
                    described,
                    place,
                    (start, name_end),
                    "the place before a noun for the person, then the name",
                ));
            } else if matches!(folded.as_str(), "a" | "an")
                && !apposition_of_name(words, start, people)
            {
                out.push(placed(
                    at,
                    Who::Described(head_word.clone()),
                    Some(head_word),
                    described,
                    place,
                    (start, head_end),
                    "a description with no name, the place before its noun",
                ));
            }
        } else if matches!(folded.as_str(), "a" | "an")
            && !apposition_of_name(words, start, people)
            && let Some((head, described, place)) = description_in(words, i + 1, false)
        {
            let end = place.end;
            let who = name_after(words, end, people)
                .filter(|_| words.text[end..].starts_with(", "))
                .map_or(Who::Described(head.clone()), Who::Named);
            out.push(placed(
                at,
                who,
                Some(head),
                described,
                place,
                (start, end),
                "a description ending “in” a place",
            ));
        }
    }
    out
}
