//! Quantities: a number with the thing it counts.
//!
//! A quantity is only comparable with another when both count the same thing, so the value
//! is stored with its unit (a counted noun, a currency, "percent") and a qualifier: the noun
//! of "40 million euros *of aid*" or of "a *fine* of 3 million euros". Numbers are read with
//! thousands separators, decimals, scale words ("2.4 billion") and in words ("thirteen",
//! "a dozen"); approximation markers ("about", "at least") are kept so that a user can see a
//! rounding difference for what it is. Years and other parts of dates are left to the date
//! extractor.

use crate::lexicon::Lexicon;
use crate::text::{Token, fold, parse_number};

mod reader;
use reader::Reader;

/// One quantity in a passage.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// Absolute byte range of the whole expression ("at least 31 people").
    pub start: usize,
    pub end: usize,
    pub value: f64,
    /// The unit group or counted noun ("troops", "euros", "percent"); empty when the number
    /// only has a qualifier ("attendance of 52,000").
    pub unit: String,
    /// What the quantity measures, when the text says ("aid", "fine", "turnout").
    pub qualifier: Option<String>,
    /// "about", "at least", … as written.
    pub approximation: Option<String>,
    pub ordinal: bool,
    /// Index of the first and one-past-last token of the number itself.
    pub number_tokens: (usize, usize),
}

impl Quantity {
    /// The values the quantity allows: one value, or for a vague count ("hundreds of
    /// homes", "dozens of people", "several thousand") the range its words name.
    pub fn range(&self) -> (f64, f64) {
        let vague = self
            .approximation
            .as_deref()
            .map(str::to_lowercase)
            .and_then(|a| {
                // "several hundred", "a few thousand".
                if matches!(a.as_str(), "several" | "a few") && self.value >= 100.0 {
                    return Some(100.0);
                }
                VAGUE
                    .iter()
                    .find(|(word, _)| a.starts_with(word))
                    .map(|(_, base)| *base)
            });
        match vague {
            // "dozens" are 24 to 143, "hundreds" 200 to 999; "hundreds of thousands" scales.
            Some(base) => {
                let span = if base < 100.0 { 12.0 } else { 10.0 };
                (2.0 * self.value, span * self.value - 1.0)
            }
            None => (self.value, self.value),
        }
    }
}

/// Plural counting words that make a vague count with "of": "hundreds of homes".
const VAGUE: &[(&str, f64)] = &[
    ("dozens", 12.0),
    ("hundreds", 100.0),
    ("thousands", 1000.0),
    ("millions", 1e6),
];

/// The unit groups of people counted by what happened to them (see [`people_fate`]).
pub const FATES: &[&str] = &[
    "dead", "injured", "refugees", "rescued", "missing", "arrested",
];

/// What happened to counted people, from the verb right after them ("have died", "were
/// injured"), as the unit group of the fate; `stop(k)` tells whether the text breaks off
/// after word `k`.
fn people_fate(after: &[String], stop: impl Fn(usize) -> bool) -> Option<&'static str> {
    const AUXILIARIES: &[&str] = &[
        "have",
        "has",
        "had",
        "been",
        "were",
        "was",
        "are",
        "is",
        "be",
        "being",
        "reportedly",
        "also",
        "now",
        "so",
        "far",
        "confirmed",
        "already",
    ];
    for (k, word) in after.iter().take(6).enumerate() {
        let fate = fate_of(word);
        if fate.is_some() {
            return fate;
        }
        if !AUXILIARIES.contains(&word.as_str()) || stop(k) {
            return None;
        }
    }
    None
}

/// The fate a word after counted people gives them ("have died", "were evacuated").
fn fate_of(word: &str) -> Option<&'static str> {
    match word {
        "died" | "dead" | "killed" | "perished" | "drowned" | "die" | "dying" => Some("dead"),
        "injured" | "wounded" | "hurt" | "hospitalised" | "hospitalized" => Some("injured"),
        "evacuated" | "displaced" => Some("refugees"),
        "rescued" => Some("rescued"),
        "missing" => Some("missing"),
        "arrested" | "detained" => Some("arrested"),
        _ => None,
    }
}

/// The fate a transitive verb just before counted people gives them, past words of
/// approximation: "crews evacuated about 4,100 people", "the storm killed 11 people".
/// Only a verb that acts on its object counts ("died" or "missing" before a figure do not).
fn people_fate_before(before: &[String]) -> Option<&'static str> {
    const BETWEEN: &[&str] = &[
        "about",
        "around",
        "some",
        "nearly",
        "almost",
        "roughly",
        "approximately",
        "at",
        "least",
        "more",
        "than",
        "over",
        "an",
        "estimated",
        "another",
    ];
    let verb = before
        .iter()
        .rev()
        .take(4)
        .find(|w| !BETWEEN.contains(&w.as_str()))?;
    match verb.as_str() {
        "died" | "dead" | "perished" | "drowned" | "die" | "dying" | "missing" | "hurt" => None,
        other => fate_of(other),
    }
}

const APPROXIMATIONS: &[&str] = &[
    "at least",
    "at most",
    "more than",
    "less than",
    "fewer than",
    "up to",
    "close to",
    "just over",
    "just under",
    "an estimated",
    "as many as",
    "some",
    "about",
    "around",
    "approximately",
    "roughly",
    "nearly",
    "almost",
    "over",
    "under",
    "estimated",
    "barely",
    "circa",
    "several",
    "a few",
];

const SMALL: &[(&str, f64)] = &[
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
    ("hundred", 100.0),
    ("dozen", 12.0),
];

/// The position in [`SCALES`] of the first scale word that is not English.
const FIRST_FOREIGN_SCALE: usize = 8;

const SCALES: &[(&str, f64)] = &[
    ("thousand", 1e3),
    ("million", 1e6),
    ("millions", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
    ("bn", 1e9),
    ("m", 1e6),
    ("k", 1e3),
    // The same scales in the languages sources are often translated from or into.
    ("millones", 1e6),
    ("millon", 1e6),
    ("milioni", 1e6),
    ("milione", 1e6),
    ("miljoen", 1e6),
    ("millionen", 1e6),
    ("milhoes", 1e6),
    ("milliard", 1e9),
    ("milliards", 1e9),
    ("miliardi", 1e9),
    ("miliardo", 1e9),
    ("miljard", 1e9),
    ("milliarden", 1e9),
    ("milliarde", 1e9),
];

/// Words that may stand between a number and its noun ("5,100 French soldiers").
const MODIFIERS: &[&str] = &[
    "more",
    "additional",
    "new",
    "other",
    "extra",
    "further",
    "armed",
    "foreign",
    "local",
    "young",
    "old",
    "small",
    "large",
    "heavily",
    "elite",
    "special",
    "civilian",
    "innocent",
    "registered",
    "eligible",
    "full",
    "total",
    "separate",
    "different",
];

/// Words that link a noun to the number it measures.
const LINKERS: &[&str] = &[
    "of",
    "at",
    "to",
    "was",
    "were",
    "is",
    "are",
    "reached",
    "stood",
    "rose",
    "fell",
    "totalled",
    "totaled",
    "by",
    "hit",
    "climbed",
    "dropped",
    "increased",
    "decreased",
    "amounted",
    "came",
    "be",
    "been",
    "had",
    "has",
    "have",
];

/// Words that are never the counted noun or the qualifier.
const NOT_NOUNS: &[&str] = &[
    "was",
    "were",
    "is",
    "are",
    "be",
    "been",
    "had",
    "has",
    "have",
    "stood",
    "reached",
    "rose",
    "fell",
    "totalled",
    "totaled",
    "came",
    "amounted",
    "climbed",
    "dropped",
    "hit",
    "years",
    "year",
    "times",
    "per",
    "percent",
    "cent",
    "killed",
    "said",
    "says",
    "including",
];

pub(crate) fn word_number(folded: &str) -> Option<f64> {
    if let Some((tens, ones)) = folded.split_once('-') {
        let t = SMALL.iter().find(|(w, _)| *w == tens)?.1;
        let o = SMALL.iter().find(|(w, _)| *w == ones)?.1;
        return (t >= 20.0 && o < 10.0).then_some(t + o);
    }
    SMALL.iter().find(|(w, _)| *w == folded).map(|(_, v)| *v)
}

fn ordinal(text: &str) -> Option<f64> {
    let lower = text.to_ascii_lowercase();
    for suffix in ["st", "nd", "rd", "th"] {
        if let Some(digits) = lower.strip_suffix(suffix)
            && !digits.is_empty()
            && digits.chars().all(|c| c.is_ascii_digit())
        {
            return digits.parse().ok();
        }
    }
    None
}

/// "300m", "2bn", "5k": a number with its scale glued on.
fn suffixed(text: &str) -> Option<f64> {
    let lower = text.to_ascii_lowercase();
    for (suffix, scale) in [("bn", 1e9), ("m", 1e6), ("k", 1e3)] {
        if let Some(digits) = lower.strip_suffix(suffix)
            && !digits.is_empty()
            && digits
                .chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        {
            return parse_number(digits).map(|v| v * scale);
        }
    }
    None
}

/// Finds quantities among `tokens` (absolute offsets into `text`). Tokens inside
/// `date_tokens` ranges are skipped.
pub fn find_quantities(
    text: &str,
    tokens: &[Token<'_>],
    date_tokens: &[(usize, usize)],
    lexicon: &Lexicon,
) -> Vec<Quantity> {
    let reader = Reader {
        text,
        tokens,
        folded: tokens.iter().map(|t| fold(t.text)).collect(),
        lexicon,
    };
    let in_date = |i: usize| date_tokens.iter().any(|&(a, b)| i >= a && i < b);
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if in_date(i) {
            i += 1;
            continue;
        }
        let Some((value, is_ordinal)) = reader.number_at(i) else {
            i += 1;
            continue;
        };
        // Scores ("2-1") and ranges ("10-15") are not quantities.
        if matches!(reader.gap(i), "-" | "–" | ":" | "/") {
            i += 2;
            continue;
        }
        let (quantity, next) = reader.quantity_at(i, value, is_ordinal);
        out.extend(quantity);
        i = next;
    }
    out
}

#[cfg(test)]
mod tests;
