//! Where a source places a person: the place a description ties to one person, read in a
//! passage's words.
//!
//! The forms read (our own examples):
//! - an apposition ending "in" a place: "Ilse Varga, a nurse at the Tarnow clinic in
//!   Varnholm, Ore.";
//! - a place before a noun for a person, tied to a name: "a Seattle teacher, later identified
//!   as Ilse Varga", "Seattle resident Ilse Varga", "Ilse Varga, a Seattle teacher";
//! - "Ilse Varga of Seattle", "Ilse Varga, who lives in Seattle";
//! - a description with no name ("a 30-year-old nurse in Seattle", "a Seattle nurse"), kept
//!   apart: it may be matched with a named person of another source only on more evidence.
//!
//! Only a city or town counts as the place ([`super::gazetteer::city`]). Read as nothing: a
//! place someone comes from or came from ("from", "native", "born", "raised", "former"), an
//! area around a place ("the Seattle area"), a place followed by more words of its clause
//! ("in Seattle last year"), and anything inside a quote.

use super::gazetteer::{self, Reading};
use crate::compare::Context;
use crate::extract::tagger::Pos;
use crate::model::{EntityId, EntityKind, PassageRef};
use crate::text::{Token, fold};
use std::collections::{HashMap, HashSet};

/// Who a place is given to.
#[derive(Debug, Clone, PartialEq)]
pub enum Who {
    Named(EntityId),
    /// A description with no name; the head noun ("student").
    Described(String),
}

/// One source's statement of where a person is.
#[derive(Debug, Clone)]
pub struct Placed {
    pub at: PassageRef,
    pub who: Who,
    /// The noun for the person in the description, when there is one ("student").
    pub head: Option<String>,
    /// The folded words of the description (its institution's name included).
    pub words: Vec<String>,
    /// The place as written ("Bellingham, Wash.") and its name alone ("Bellingham").
    pub place: String,
    pub name: String,
    pub readings: Vec<Reading>,
    /// The span a reader should see: the name (or description) through the place.
    pub start: usize,
    pub end: usize,
    /// How it was read, in words.
    pub form: &'static str,
}

/// Words that tell where someone came from, or a time before: never where they are.
const ORIGIN: &[&str] = &[
    "from",
    "native",
    "natives",
    "born",
    "raised",
    "former",
    "ex",
    "once",
    "formerly",
    "originally",
    "grew",
    "moved",
    "transplant",
    "expatriate",
    "exile",
];

/// Words after a place that make it an area around the place, not the place.
const AREA: &[&str] = &[
    "area",
    "region",
    "suburb",
    "suburbs",
    "suburban",
    "metro",
    "metropolitan",
    "county",
    "district",
    "based",
];

/// A passage's words, tags and text, with byte offsets into the document.
pub struct Words<'t> {
    pub text: &'t str,
    pub tokens: Vec<Token<'t>>,
    pub tags: Vec<Pos>,
    pub end: usize,
}

impl<'t> Words<'t> {
    pub fn folded(&self, i: usize) -> String {
        fold(self.tokens[i].text)
    }

    /// The text between token `i` and token `i + 1` (or the passage's end).
    pub fn gap(&self, i: usize) -> &'t str {
        let to = self.tokens.get(i + 1).map_or(self.end, |t| t.start);
        &self.text[self.tokens[i].end..to]
    }

    /// The token that starts at a byte offset.
    pub fn at(&self, offset: usize) -> Option<usize> {
        self.tokens.iter().position(|t| t.start == offset)
    }

    pub fn lower(&self, i: usize) -> bool {
        self.tokens[i]
            .text
            .chars()
            .next()
            .is_some_and(char::is_lowercase)
    }
}

/// A place phrase read at a token: the city readings, the name alone, the place as written,
/// and the index of the first token after it.
pub struct PlacePhrase {
    pub name: String,
    pub written: String,
    pub readings: Vec<Reading>,
    pub end: usize,
    pub next: usize,
}

/// The place written from token `i`: a run of one to three capitalised words, and its state
/// or country after a comma when there is one ("Bellingham, Wash."). A city only.
pub fn place_at(words: &Words<'_>, i: usize) -> Option<PlacePhrase> {
    let mut last = i;
    if !words.tokens.get(i)?.is_capitalised() || !words.tokens[i].is_word() {
        return None;
    }
    while last + 1 < words.tokens.len()
        && last - i < 3
        && words.gap(last) == " "
        && words.tokens[last + 1].is_capitalised()
    {
        last += 1;
    }
    if last - i >= 3 {
        return None;
    }
    let (start, name_end) = (words.tokens[i].start, words.tokens[last].end);
    let name = &words.text[start..name_end];
    // The qualifier: the longest state or country written after ", ".
    if words.gap(last).starts_with(", ") {
        for count in (1..=3).rev() {
            let Some(end_token) = words.tokens.get(last + count) else {
                continue;
            };
            let from = words.tokens[last + 1].start;
            let mut end = end_token.end;
            if words.text[end..].starts_with('.') {
                end += 1;
            }
            let qualifier = &words.text[from..end];
            let qualifier_plain = qualifier.trim_end_matches('.');
            let found = [qualifier, qualifier_plain]
                .into_iter()
                .find_map(|q| gazetteer::city(name, Some(q)).map(|r| (q, r)));
            if let Some((q, readings)) = found {
                let end = from + q.len();
                return Some(PlacePhrase {
                    name: name.to_string(),
                    written: words.text[start..end].to_string(),
                    readings,
                    end,
                    next: last + count + 1,
                });
            }
        }
    }
    let readings = gazetteer::city(name, None)?;
    Some(PlacePhrase {
        name: name.to_string(),
        written: name.to_string(),
        readings,
        end: name_end,
        next: last + 1,
    })
}

/// Whether the clause ends right after a place: punctuation, the passage's end, or a word
/// that goes on about the person or the act ("from", "who"), so that "in Seattle last year"
/// (a time), "in Seattle for a week" or "in Seattle to study" (a stay) is not read.
pub fn closes(words: &Words<'_>, end: usize) -> bool {
    let after = words.text[end..words.end].trim_start();
    after.is_empty()
        || after.starts_with([',', '.', ';', ':', ')', '—', '–', '"', '”', '?'])
        || crate::text::tokens(after)
            .first()
            .is_some_and(|t| GOES_ON.contains(&t.text))
}

/// Words after a place that leave it the person's place: the act's source or means, a
/// relative clause about the person.
const GOES_ON: &[&str] = &["from", "by", "via", "through", "who", "whose"];

/// The names that may be a person's, by spelling: every alias of an entity that is not an
/// organisation or a known place. Entity kinds are guesses from the words around a name ("to
/// Ilse Varga" reads as a place), so the forms themselves (a noun for a person, "who lives")
/// say that the name is a person's.
fn person_names(context: &Context<'_>) -> HashMap<String, EntityId> {
    let mut out = HashMap::new();
    for entity in &context.corpus.entities {
        if entity.kind == EntityKind::Organisation || gazetteer::known(&entity.name) {
            continue;
        }
        for alias in entity.aliases.iter().filter(|a| !a.contains(" of ")) {
            out.entry(alias.clone()).or_insert(entity.index);
        }
    }
    out
}

/// What the corpus tells of its people, read once: the names that may be a person's, their
/// entities, and the words of people's full names.
pub struct Known {
    pub names: HashMap<String, EntityId>,
    pub allowed: HashSet<EntityId>,
    pub name_words: HashSet<String>,
}

impl Known {
    pub fn read(context: &Context<'_>) -> Self {
        let names = person_names(context);
        Known {
            allowed: names.values().copied().collect(),
            names,
            name_words: name_words(context),
        }
    }
}

/// The words of the corpus's people's full names ("clinton" of "Hillary Clinton"): a place
/// written with one of them is more likely the person ("Clinton aide Huma Abedin").
fn name_words(context: &Context<'_>) -> HashSet<String> {
    context
        .corpus
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .flat_map(|e| e.aliases.iter())
        .filter(|alias| alias.split_whitespace().count() >= 2)
        .flat_map(|alias| alias.split_whitespace().map(fold))
        .collect()
}

/// The names of a passage that may be a person's: byte range and entity. A name read with
/// "of" and a place ("Ilse Varga of Seattle") is the entity of its words before "of", when
/// the documents name it alone somewhere.
fn people(
    context: &Context<'_>,
    at: PassageRef,
    names: &HashMap<String, EntityId>,
    allowed: &HashSet<EntityId>,
) -> Vec<(usize, usize, EntityId)> {
    context
        .features(at)
        .mentions
        .iter()
        .filter_map(|&m| {
            let mention = &context.corpus.mentions[m].mention;
            let entity = match mention.text.split_once(" of ") {
                Some((before, _)) => *names.get(before)?,
                None => context.corpus.mention_entities[m],
            };
            allowed
                .contains(&entity)
                .then_some((mention.start, mention.end, entity))
        })
        .collect()
}

/// Every statement of where a person is in one passage.
pub fn read(context: &Context<'_>, at: PassageRef, known: &Known) -> Vec<Placed> {
    let passage = &context.corpus.documents[at.document.get()].passages[at.passage.get()];
    let text = context.text(at.document);
    let body = &text[passage.start..passage.end];
    let mut tokens = crate::text::tokens(body);
    for token in &mut tokens {
        token.start += passage.start;
        token.end += passage.start;
        token.text = &text[token.start..token.end];
    }
    // Most passages name no place of the table: they are not tagged.
    let names_place = (0..tokens.len()).any(|i| {
        let mut name = String::new();
        (i..(i + 3).min(tokens.len())).any(|k| {
            if k > i {
                name.push(' ');
            }
            name.push_str(tokens[k].text);
            gazetteer::known(&name) || gazetteer::known(&format!("{name}."))
        })
    });
    if !names_place {
        return Vec::new();
    }
    let tags = crate::extract::tagger::tag(text, &tokens);
    let words = Words {
        text,
        tokens,
        tags,
        end: passage.end,
    };
    let people = people(context, at, &known.names, &known.allowed);
    let mut out = Vec::new();
    for &(start, end, entity) in &people {
        out.extend(super::forms::after_name(&words, at, start, end, entity));
    }
    out.extend(super::forms::before_noun(&words, at, &people));
    // A quote's words are its speaker's; a place written like a person's name is the person.
    let quotes = &context.features(at).quotes;
    out.retain(|p| {
        !quotes.iter().any(|q| q.start < p.end && p.start < q.end)
            && !p
                .name
                .split(' ')
                .any(|w| known.name_words.contains(&fold(w)))
    });
    out
}

/// Whether a word says the place is an origin or a past one.
pub fn origin(folded: &str) -> bool {
    ORIGIN.contains(&folded)
}

/// Whether a word after a place makes it an area around it.
pub fn area(folded: &str) -> bool {
    AREA.contains(&folded)
}
