//! Date expressions: month names, absolute dates in the common formats and the relative ones
//! ("last May", "on Tuesday") resolved against a reference date. Shared by the loader (the
//! document date in a header) and the extractor (dates in passages).

use crate::text::Token;

mod patterns;
use patterns::date_at;

/// A calendar date, possibly partial. `month` and `day` are 1-based.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: Option<i32>,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

impl Date {
    pub fn ymd(year: i32, month: u32, day: u32) -> Date {
        Date {
            year: Some(year),
            month: Some(month),
            day: Some(day),
        }
    }

    /// ISO-style text: `2025-03-13`, `2025-03`, `2025` or `--03-13` without a year.
    pub fn iso(&self) -> String {
        match (self.year, self.month, self.day) {
            (Some(y), Some(m), Some(d)) => format!("{y:04}-{m:02}-{d:02}"),
            (Some(y), Some(m), None) => format!("{y:04}-{m:02}"),
            (Some(y), None, _) => format!("{y:04}"),
            (None, Some(m), Some(d)) => format!("--{m:02}-{d:02}"),
            (None, Some(m), None) => format!("--{m:02}"),
            (None, None, _) => String::new(),
        }
    }

    /// Parses the output of [`Date::iso`] for full and partial dates with a year.
    pub fn parse_iso(text: &str) -> Option<Date> {
        let mut parts = text.split('-');
        let year = parts.next()?.parse().ok()?;
        let month = parts.next().map(str::parse).transpose().ok()?;
        let day = parts.next().map(str::parse).transpose().ok()?;
        Some(Date {
            year: Some(year),
            month,
            day,
        })
    }

    /// Whether two dates can name the same day: every field known in both agrees.
    pub fn compatible(&self, other: &Date) -> bool {
        fn agree<T: PartialEq>(a: Option<T>, b: Option<T>) -> bool {
            match (a, b) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            }
        }
        agree(self.year, other.year) && agree(self.month, other.month) && agree(self.day, other.day)
    }

    /// Days since 1970-01-01 for a full date (proleptic Gregorian).
    pub fn day_number(&self) -> Option<i64> {
        let (y, m, d) = (self.year? as i64, self.month? as i64, self.day? as i64);
        let (y, m) = if m <= 2 { (y - 1, m + 9) } else { (y, m - 3) };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * m + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Some(era * 146_097 + doe - 719_468)
    }

    /// The full date for a day number (inverse of [`Date::day_number`]).
    pub fn from_day_number(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date::ymd(year, month, day)
    }

    /// Day of the week, 0 = Monday.
    pub fn weekday(&self) -> Option<i64> {
        Some((self.day_number()? + 3).rem_euclid(7))
    }
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Weekday names, folded, Monday first.
pub(crate) const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Month names of other languages that sources are often translated from or into (Spanish,
/// Italian, Dutch, French, German, Portuguese), full words only. They are read only right
/// after a day number ("15 de marzo", "15 maart 2007"), where they cannot be anything else.
const FOREIGN_MONTHS: [&[&str]; 12] = [
    &[
        "enero", "gennaio", "januari", "janvier", "januar", "janeiro",
    ],
    &[
        "febrero",
        "febbraio",
        "februari",
        "février",
        "fevrier",
        "februar",
        "fevereiro",
    ],
    &["marzo", "maart", "mars", "märz", "marz", "março", "marco"],
    &["abril", "aprile", "avril"],
    &["mayo", "maggio", "mei", "mai", "maio"],
    &["junio", "giugno", "juni", "juin", "junho"],
    &["julio", "luglio", "juli", "juillet", "julho"],
    &["agosto", "augustus", "août", "aout"],
    &["septiembre", "settembre", "septembre", "setembro"],
    &["octubre", "ottobre", "oktober", "octobre", "outubro"],
    &["noviembre", "novembre", "novembro"],
    &[
        "diciembre",
        "dicembre",
        "décembre",
        "decembre",
        "dezember",
        "dezembro",
    ],
];

/// The month number of a month name in another language (see [`FOREIGN_MONTHS`]).
fn foreign_month_number(word: &str) -> Option<u32> {
    let lower = word.to_lowercase();
    FOREIGN_MONTHS
        .iter()
        .position(|names| names.contains(&lower.as_str()))
        .map(|i| i as u32 + 1)
}

/// The month number for a month name or its usual abbreviation ("Mar", "Sept").
pub fn month_number(word: &str) -> Option<u32> {
    let lower = word.to_lowercase();
    let lower = lower.trim_end_matches('.');
    if lower.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| *m == lower || (lower.len() >= 3 && lower.len() <= 4 && m.starts_with(lower)))
        .map(|i| i as u32 + 1)
        .filter(|_| lower != "mar" || word.starts_with('M'))
}

/// The day of the week a full weekday name means, Monday = 0 (whole words only, any case).
pub fn weekday_number(word: &str) -> Option<i64> {
    let lower = word.to_lowercase();
    WEEKDAYS.iter().position(|d| *d == lower).map(|i| i as i64)
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn valid_day(day: i64) -> Option<u32> {
    (1..=31).contains(&day).then_some(day as u32)
}

fn plausible_year(value: i64) -> Option<i32> {
    (1800..=2100).contains(&value).then_some(value as i32)
}

fn ordinal_day(text: &str) -> Option<u32> {
    let digits = text
        .strip_suffix("st")
        .or_else(|| text.strip_suffix("nd"))
        .or_else(|| text.strip_suffix("rd"))
        .or_else(|| text.strip_suffix("th"))
        .unwrap_or(text);
    valid_day(digits.parse().ok()?)
}

/// A date found in a token stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateMatch {
    /// Index of the first token and one past the last.
    pub first_token: usize,
    pub end_token: usize,
    pub date: Date,
    /// Whether it was resolved from a relative expression ("last May").
    pub relative: bool,
}

/// Finds the dates in a token stream. `text` is the text the tokens point into (to see the
/// separators between tokens), `reference` the document date for relative expressions.
pub fn find_dates(text: &str, tokens: &[Token<'_>], reference: Option<Date>) -> Vec<DateMatch> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if let Some(found) = date_at(text, tokens, i, reference) {
            i = found.end_token;
            out.push(found);
        } else {
            i += 1;
        }
    }
    out
}

fn gap<'a>(text: &'a str, tokens: &[Token<'_>], i: usize) -> &'a str {
    // The separator text between token i and token i + 1.
    match (tokens.get(i), tokens.get(i + 1)) {
        (Some(a), Some(b)) if a.end <= b.start => &text[a.end..b.start],
        _ => "",
    }
}

fn year_after(text: &str, tokens: &[Token<'_>], i: usize) -> Option<i32> {
    let sep = gap(text, tokens, i).trim();
    if !(sep.is_empty() || sep == ",") {
        return None;
    }
    let next = tokens.get(i + 1)?;
    if next.text.len() != 4 {
        return None;
    }
    plausible_year(next.text.parse().ok()?)
}

fn infer_year(reference: Option<Date>, month: u32) -> Option<i32> {
    // A month and day without a year most likely fall in the year before the article
    // when they lie more than two months after its date.
    let reference = reference?;
    let year = reference.year?;
    let ref_month = reference.month?;
    Some(if month > ref_month + 2 {
        year - 1
    } else {
        year
    })
}

/// The first full date in a short header text, if any.
pub fn first_date(text: &str) -> Option<(Date, usize, usize)> {
    let toks = crate::text::tokens(text);
    find_dates(text, &toks, None)
        .into_iter()
        .find(|m| m.date.year.is_some() && m.date.month.is_some())
        .map(|m| (m.date, toks[m.first_token].start, toks[m.end_token - 1].end))
}

/// Checks a day exists in its month (30 February does not).
pub fn is_real(date: &Date) -> bool {
    match (date.year, date.month, date.day) {
        (Some(y), Some(m), Some(d)) => d <= days_in_month(y, m),
        _ => true,
    }
}

#[cfg(test)]
mod tests;
