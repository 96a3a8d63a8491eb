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
    let folded: Vec<String> = tokens.iter().map(|t| fold(t.text)).collect();
    let in_date = |i: usize| date_tokens.iter().any(|&(a, b)| i >= a && i < b);
    let gap = |a: usize| -> &str {
        if a + 1 < tokens.len() && tokens[a].end <= tokens[a + 1].start {
            &text[tokens[a].end..tokens[a + 1].start]
        } else {
            ""
        }
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if in_date(i) {
            i += 1;
            continue;
        }
        let word = folded[i].as_str();
        // "a dozen" and spelled numbers; digits; ordinals.
        let (mut value, is_ordinal) = if tokens[i].is_numeric() {
            if let Some(v) = ordinal(tokens[i].text) {
                (v, true)
            } else if let Some(v) = suffixed(tokens[i].text) {
                (v, false)
            } else if tokens[i]
                .text
                .chars()
                .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
            {
                match parse_number(tokens[i].text) {
                    Some(v) => (v, false),
                    None => {
                        i += 1;
                        continue;
                    }
                }
            } else {
                i += 1;
                continue;
            }
        } else if let Some(&(_, v)) = VAGUE.iter().find(|(w, _)| *w == word)
            && folded.get(i + 1).is_some_and(|w| w == "of")
        {
            (v, false)
        } else if let Some(v) = word_number(word) {
            // "one" is too often a pronoun ("one of the"), "dozens" is not a number.
            if word == "one" || (word == "dozen" && (i == 0 || folded[i - 1] != "a")) {
                i += 1;
                continue;
            }
            (v, false)
        } else {
            i += 1;
            continue;
        };
        // Scores ("2-1") and ranges ("10-15") are not quantities.
        let sep_after = gap(i);
        if sep_after == "-" || sep_after == "–" || sep_after == ":" || sep_after == "/" {
            i += 2;
            continue;
        }
        let mut start_token = i;
        if word == "dozen" {
            start_token = i - 1;
        }
        let mut j = i + 1;
        // A vague count: "hundreds of", "hundreds of thousands of".
        let vague = !tokens[i].is_numeric() && VAGUE.iter().any(|(w, _)| *w == word);
        if vague {
            j = i + 2;
            if let Some(&(_, scale)) = folded
                .get(j)
                .and_then(|w| VAGUE.iter().find(|(v, _)| v == w))
                && folded.get(j + 1).is_some_and(|w| w == "of")
            {
                value *= scale;
                j += 2;
            }
        }
        let vague_words =
            (vague && j > i).then(|| text[tokens[i].start..tokens[j - 1].end].to_string());
        // "twenty thousand", "2.4 billion", "5 m".
        if let Some(position) = folded
            .get(j)
            .and_then(|w| SCALES.iter().position(|(s, _)| s == w))
        {
            // Before a scale word of another language, a dot with three digits after it
            // separates thousands: "35.000 millones" is 35,000 millions.
            let digits = tokens[i].text;
            let foreign = position >= FIRST_FOREIGN_SCALE;
            if foreign
                && !digits.contains(',')
                && digits
                    .split_once('.')
                    .is_some_and(|(_, tail)| tail.len() == 3)
                && let Some(v) = parse_number(&digits.replace('.', ""))
            {
                value = v;
            }
            value *= SCALES[position].1;
            j += 1;
        } else if word == "hundred" && i > 0 && folded[i - 1] == "a" {
            start_token = i - 1;
        }
        // Currency symbols before the number; percent signs after.
        let before_gap = if start_token > 0 {
            &text[tokens[start_token - 1].end..tokens[start_token].start]
        } else {
            &text[..tokens[start_token].start]
        };
        let symbol_before = before_gap.trim_end().chars().last();
        let currency_before = match symbol_before {
            Some('€') => Some("euros"),
            Some('$') => Some("dollars"),
            Some('£') => Some("pounds"),
            _ => None,
        };
        let mut end = tokens[j - 1].end;
        let mut unit: Option<String> = currency_before.map(str::to_string);
        let after_number = &text[end..tokens.get(j).map_or(text.len(), |t| t.start)];
        if after_number.trim_start().starts_with('%') && unit.is_none() {
            unit = Some("percent".into());
            end += after_number.find('%').map_or(0, |p| p + 1);
        }
        // The counted noun: the next content word(s), skipping modifiers and capitalised
        // adjectives ("5,100 French soldiers").
        if unit.is_none() || is_ordinal {
            let mut k = j;
            let mut candidates: Vec<usize> = Vec::new();
            while k < tokens.len() && k < j + 4 {
                let sep = &text[tokens[k - 1].end..tokens[k].start];
                if !(sep.trim().is_empty() || sep.trim() == "-") {
                    break;
                }
                let w = folded[k].as_str();
                if MODIFIERS.contains(&w) {
                    k += 1;
                    continue;
                }
                if tokens[k].is_capitalised() && candidates.is_empty() && k + 1 < tokens.len() {
                    // A capitalised adjective, only when a lower-case noun follows.
                    if tokens[k + 1].is_word() && !tokens[k + 1].is_capitalised() {
                        k += 1;
                        continue;
                    }
                    break;
                }
                if !tokens[k].is_word()
                    || tokens[k].is_capitalised()
                    || lexicon.is_stopword(w) && lexicon.unit_group(w).is_none()
                    || NOT_NOUNS.contains(&w) && lexicon.unit_group(w).is_none()
                {
                    break;
                }
                candidates.push(k);
                k += 1;
            }
            // "per cent" is two tokens.
            if folded.get(j).map(String::as_str) == Some("per")
                && folded.get(j + 1).map(String::as_str) == Some("cent")
            {
                unit = Some("percent".into());
                end = tokens[j + 1].end;
            } else if let Some(&noun) = candidates
                .iter()
                .find(|&&c| lexicon.unit_group(&folded[c]).is_some())
                .or_else(|| candidates.iter().find(|&&c| folded[c].ends_with('s')))
                .or_else(|| candidates.first())
            {
                unit = Some(
                    lexicon
                        .unit_group(&folded[noun])
                        .map(str::to_string)
                        .unwrap_or_else(|| folded[noun].trim_end_matches('s').to_string()),
                );
                end = tokens[noun].end;
                j = noun + 1;
            }
        }
        if let Some(u) = &unit
            && let Some(group) = lexicon.unit_group(u)
        {
            unit = Some(group.to_string());
        }
        // People counted by what happened to them: "11 people have died" and "nine people
        // were killed" count the dead, "4,100 people had been evacuated" the evacuees.
        if unit.as_deref() == Some("people")
            && j > 0
            && !gap(j - 1).contains([',', '.', ';', ':', '(', ')'])
            && let Some(fate) = people_fate(&folded[j.min(folded.len())..], |k| {
                gap(j + k).contains([',', '.', ';', ':', '(', ')'])
            })
        {
            unit = Some(fate.to_string());
        } else if unit.as_deref() == Some("people")
            && start_token > 0
            && !gap(start_token - 1).contains([',', '.', ';', ':', '(', ')'])
            && let Some(fate) =
                people_fate_before(&folded[start_token.saturating_sub(4)..start_token])
        {
            unit = Some(fate.to_string());
        }
        // Qualifier after the unit: "of damage", "in emergency aid".
        let mut qualifier = None;
        if let Some(prep) = folded.get(j)
            && matches!(prep.as_str(), "of" | "in" | "for" | "on")
        {
            let mut k = j + 1;
            if folded
                .get(k)
                .is_some_and(|w| matches!(w.as_str(), "the" | "a" | "an"))
            {
                k += 1;
            }
            let mut last_noun = None;
            while k < tokens.len() && k < j + 5 {
                let w = folded[k].as_str();
                if !tokens[k].is_word()
                    || tokens[k].is_capitalised()
                    || lexicon.is_stopword(w)
                    || NOT_NOUNS.contains(&w)
                    || (last_noun.is_some() && (w.ends_with("ing") || w.ends_with("ed")))
                {
                    break;
                }
                last_noun = Some(k);
                let sep = gap(k);
                if !sep.trim().is_empty() {
                    break;
                }
                k += 1;
            }
            if let Some(noun) = last_noun {
                qualifier = Some(folded[noun].trim_end_matches('s').to_string());
            }
        }
        // Qualifier before: "a fine of 3 million euros", "turnout of 61 percent",
        // "the death toll rose to 14".
        let mut approximation = None;
        let mut first = start_token;
        for marker in APPROXIMATIONS {
            let words: Vec<&str> = marker.split(' ').collect();
            if first >= words.len()
                && words
                    .iter()
                    .enumerate()
                    .all(|(n, w)| folded[first - words.len() + n] == *w)
            {
                approximation = Some(
                    text[tokens[first - words.len()].start..tokens[first - 1].end].to_string(),
                );
                first -= words.len();
                break;
            }
        }
        if vague_words.is_some() {
            approximation = vague_words;
        }
        if qualifier.is_none() {
            // Only through a linking word: "a fine *of* 3 million", "turnout *was* 61
            // percent". A verb right before the number ("made 11 arrests") is not what the
            // number measures.
            let mut k = first;
            let mut linked = false;
            // "Quarnmet has 7,300 employees": the noun before a verb of having is who holds
            // the count, not what it measures (the counted noun says that).
            let mut held = false;
            let mut steps = 0;
            while k > 0 && steps < 4 {
                k -= 1;
                steps += 1;
                let sep = gap(k);
                if sep.contains([',', '.', ';', ':', '(', ')', '"', '“', '”']) {
                    break;
                }
                let w = folded[k].as_str();
                if LINKERS.contains(&w) {
                    // Only the verb right before the figure: "turnout had reached 61 percent"
                    // still measures turnout.
                    held |= !linked && matches!(w, "has" | "have" | "had") && unit.is_some();
                    linked = true;
                    continue;
                }
                if matches!(w, "the" | "a" | "an" | "its" | "their" | "his" | "her") {
                    continue;
                }
                let sentence_start = k == 0;
                if linked
                    && !held
                    && tokens[k].is_word()
                    && (sentence_start || !tokens[k].is_capitalised())
                    && !lexicon.is_stopword(w)
                {
                    qualifier = Some(w.trim_end_matches('s').to_string());
                }
                break;
            }
        }
        let unit = unit.unwrap_or_default();
        if unit.is_empty() && qualifier.is_none() {
            i = j.max(i + 1);
            continue;
        }
        // "the 2012 election", "2016 presidential campaign": a year before a noun, not a
        // count, unless the noun is one we count ("2000 soldiers").
        let digits = tokens[i].text;
        let year_like = parse_number(digits) == Some(value)
            && digits.len() == 4
            && digits.chars().all(|c| c.is_ascii_digit())
            && (1800.0..=2100.0).contains(&value)
            && currency_before.is_none();
        if year_like
            && unit != "percent"
            && lexicon.unit_group(&unit).is_none()
            && !FATES.contains(&unit.as_str())
        {
            i = j.max(i + 1);
            continue;
        }
        out.push(Quantity {
            start: tokens[first].start,
            end,
            value,
            unit,
            qualifier,
            approximation,
            ordinal: is_ordinal,
            number_tokens: (i, j),
        });
        i = j.max(i + 1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens;

    type Found = (String, f64, String, Option<String>, Option<String>);

    fn quantities(text: &str) -> Vec<Found> {
        let lexicon = Lexicon::bundled();
        find_quantities(text, &tokens(text), &[], &lexicon)
            .into_iter()
            .map(|q| {
                (
                    text[q.start..q.end].to_string(),
                    q.value,
                    q.unit,
                    q.qualifier,
                    q.approximation,
                )
            })
            .collect()
    }

    #[test]
    fn people_are_counted_by_what_happened_to_them() {
        let units =
            |text: &str| -> Vec<String> { quantities(text).into_iter().map(|q| q.2).collect() };
        assert_eq!(units("At least 11 people have died."), ["dead"]);
        assert_eq!(units("Nine people were killed on Sunday."), ["dead"]);
        assert_eq!(units("Another 14 people were injured."), ["injured"]);
        assert_eq!(
            units("Police said 4,100 people had been evacuated."),
            ["refugees"]
        );
        // A break after the people, or no fate at all, leaves them people.
        assert_eq!(
            units("About 300 people, the police said, died."),
            ["people"]
        );
        assert_eq!(units("Some 300 people joined a protest."), ["people"]);
        // A verb before the people acts on them: crews evacuated them, a storm killed them.
        assert_eq!(
            units("Crews evacuated about 4,100 people from the town."),
            ["refugees"]
        );
        assert_eq!(units("The storm killed 11 people."), ["dead"]);
        assert_eq!(units("Divers rescued 37 people."), ["rescued"]);
        // Not across a break, and not an intransitive verb before the figure.
        assert_eq!(units("Nobody died, 300 people said."), ["people"]);
        // A year before a noun is not a count; a counted noun after a bare figure is.
        assert!(
            units("He ran in the 2012 election and the 2016 presidential race.").is_empty(),
            "{:?}",
            quantities("He ran in the 2012 election and the 2016 presidential race.")
        );
        assert_eq!(units("The army sent 2000 soldiers."), ["troops"]);
    }

    #[test]
    fn scales_and_currencies_of_other_languages() {
        assert_eq!(SCALES[FIRST_FOREIGN_SCALE].0, "millones");
        let thousands = quantities("El fondo recibió 35.000 millones de euros.");
        assert_eq!(thousands[0].1, 35_000.0 * 1e6);
        let found = quantities("Airbus pidió 2,5 millones de dólares.");
        assert_eq!(found[0].1, 2.5e6);
        assert_eq!(found[0].2, "dollars");
        let found = quantities("Boeing heeft 3 miljard euro gevraagd.");
        assert_eq!(found[0].1, 3e9);
        assert_eq!(found[0].2, "euros");
    }

    #[test]
    fn counted_nouns_and_synonyms() {
        let found = quantities("Paris deployed 5,100 French soldiers, not 5,000 troops.");
        assert_eq!(found[0].0, "5,100 French soldiers");
        assert_eq!(found[0].1, 5100.0);
        assert_eq!(found[0].2, "troops");
        assert_eq!(found[1].2, "troops");
    }

    #[test]
    fn scales_currencies_and_qualifiers() {
        let found =
            quantities("It pledged 40 million euros in emergency aid against €300m of damage.");
        assert_eq!(found[0].1, 40e6);
        assert_eq!(found[0].2, "euros");
        assert_eq!(found[0].3.as_deref(), Some("aid"));
        assert_eq!(found[1].1, 300e6);
        assert_eq!(found[1].2, "euros");
        assert_eq!(found[1].3.as_deref(), Some("damage"));
    }

    #[test]
    fn approximations_and_words() {
        let found =
            quantities("At least 31 people died and about twelve homes burned; a dozen fled.");
        assert_eq!(found[0].0, "At least 31 people");
        assert_eq!(found[0].4.as_deref(), Some("At least"));
        assert_eq!(found[1].1, 12.0);
        assert_eq!(found[1].2, "homes");
        assert_eq!(found[2].1, 12.0);
    }

    #[test]
    fn vague_counts_allow_a_range() {
        let text = "Hundreds of homes were flooded and tens of families, dozens of people and \
                    hundreds of thousands of euros.";
        let lexicon = Lexicon::bundled();
        let found = find_quantities(text, &tokens(text), &[], &lexicon);
        assert_eq!(found[0].unit, "homes");
        assert_eq!(found[0].approximation.as_deref(), Some("Hundreds of"));
        let (low, high) = found[0].range();
        assert!((low..=high).contains(&340.0), "{low} {high}");
        assert!(high < 1000.0, "{high}");
        assert!(low > 100.0, "a hundred is not hundreds: {low}");
        assert_eq!(found[1].unit, "people", "{found:?}");
        assert!(found[1].range().0 >= 24.0 && found[1].range().1 < 150.0);
        assert_eq!(found[2].unit, "euros");
        assert_eq!(found[2].value, 1e5);
        let several = find_quantities(
            "Several hundred residents and a few hundred fans.",
            &tokens("Several hundred residents and a few hundred fans."),
            &[],
            &lexicon,
        );
        assert_eq!(several[0].range(), (200.0, 999.0));
        assert_eq!(several[1].range(), (200.0, 999.0));
        // A figure is its own range.
        let exact = find_quantities("340 homes", &tokens("340 homes"), &[], &lexicon);
        assert_eq!(exact[0].range(), (340.0, 340.0));
    }

    #[test]
    fn percent_and_pre_qualifier() {
        let found = quantities("Turnout of 61 percent beat the 22% of 2019; attendance of 52,000.");
        assert_eq!(found[0].2, "percent");
        assert_eq!(found[0].3.as_deref(), Some("turnout"));
        assert_eq!(found[1].2, "percent");
        assert_eq!(found[2].1, 52000.0);
        assert_eq!(found[2].3.as_deref(), Some("attendance"));
    }

    #[test]
    fn a_holder_before_a_verb_of_having_is_no_qualifier() {
        let found =
            quantities("The group has about 6,800 employees, and turnout had reached 61 percent.");
        assert_eq!(found[0].2, "jobs");
        assert_eq!(found[0].3, None);
        assert_eq!(found[1].3.as_deref(), Some("turnout"));
    }

    #[test]
    fn scores_are_not_quantities() {
        assert!(quantities("They won 2-1 at home.").is_empty());
    }
}
