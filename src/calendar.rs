//! Date expressions: month names, absolute dates in the common formats and the relative ones
//! ("last May", "on Tuesday") resolved against a reference date. Shared by the loader (the
//! document date in a header) and the extractor (dates in passages).

use crate::text::Token;

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

fn date_at(
    text: &str,
    tokens: &[Token<'_>],
    i: usize,
    reference: Option<Date>,
) -> Option<DateMatch> {
    let token = tokens[i];
    let word = token.text;
    let lower = word.to_lowercase();
    let make = |end: usize, date: Date, relative: bool| {
        Some(DateMatch {
            first_token: i,
            end_token: end,
            date,
            relative,
        })
    };

    // ISO 2025-03-13 (tokens 2025, 03, 13 separated by '-').
    if word.len() == 4
        && let Some(year) = word.parse().ok().and_then(plausible_year)
    {
        if gap(text, tokens, i) == "-"
            && gap(text, tokens, i + 1) == "-"
            && let (Some(m), Some(d)) = (tokens.get(i + 1), tokens.get(i + 2))
            && let (Ok(m), Ok(d)) = (m.text.parse::<u32>(), d.text.parse::<i64>())
            && (1..=12).contains(&m)
            && let Some(d) = valid_day(d)
        {
            return make(i + 3, Date::ymd(year, m, d), false);
        }
        // A bare year: only when it stands as a year ("in 2012", "2012's", "since 2013").
        let previous = i.checked_sub(1).map(|p| tokens[p].text.to_lowercase());
        let yearish = matches!(
            previous.as_deref(),
            Some(
                "in" | "since"
                    | "until"
                    | "till"
                    | "by"
                    | "from"
                    | "of"
                    | "year"
                    | "early"
                    | "late"
                    | "mid"
                    | "summer"
                    | "winter"
                    | "spring"
                    | "autumn"
                    | "before"
                    | "after"
                    | "during"
                    | "between"
                    | "and"
                    | "to"
                    | "fall"
            )
        );
        let after = tokens.get(i + 1).map(|t| t.text.to_lowercase());
        // "in 2012 people died" counts people, not a year.
        let followed_by_noun = after.as_deref().is_some_and(|w| {
            matches!(
                w,
                "people"
                    | "persons"
                    | "soldiers"
                    | "troops"
                    | "homes"
                    | "houses"
                    | "residents"
                    | "euros"
                    | "dollars"
                    | "votes"
                    | "seats"
                    | "jobs"
                    | "workers"
                    | "members"
                    | "employees"
                    | "families"
                    | "children"
                    | "civilians"
                    | "cases"
                    | "deaths"
            ) && gap(text, tokens, i).trim().is_empty()
        });
        if yearish && !followed_by_noun {
            return make(
                i + 1,
                Date {
                    year: Some(year),
                    month: None,
                    day: None,
                },
                false,
            );
        }
        return None;
    }

    // 21.11.2023 or 21/11/2023 (day first, as in most of the world's press).
    if token.is_numeric()
        && let Some(day) = word.parse::<i64>().ok().and_then(valid_day)
    {
        let sep = gap(text, tokens, i);
        if (sep == "/" || sep == ".")
            && gap(text, tokens, i + 1) == sep
            && let (Some(m), Some(y)) = (tokens.get(i + 1), tokens.get(i + 2))
            && let (Ok(m), Ok(y)) = (m.text.parse::<u32>(), y.text.parse::<i64>())
            && (1..=12).contains(&m)
            && let Some(y) = plausible_year(y)
        {
            return make(i + 3, Date::ymd(y, m, day), false);
        }
    }
    // "21.11.2023" tokenises as one number token "21.11" then "2023" when joined by '.': handle.
    if token.is_numeric()
        && word.matches('.').count() == 1
        && gap(text, tokens, i) == "."
        && let Some((d, m)) = word.split_once('.')
        && let (Ok(d), Ok(m)) = (d.parse::<i64>(), m.parse::<u32>())
        && let Some(d) = valid_day(d)
        && (1..=12).contains(&m)
        && let Some(next) = tokens.get(i + 1)
        && next.text.len() == 4
        && let Some(y) = next.text.parse().ok().and_then(plausible_year)
    {
        return make(i + 2, Date::ymd(y, m, d), false);
    }

    // "21.11.2023" is a single token (the tokenizer keeps dots between digits).
    if token.is_numeric() && word.matches('.').count() == 2 {
        let parts: Vec<&str> = word.split('.').collect();
        if let (Ok(d), Ok(m), Ok(y)) = (
            parts[0].parse::<i64>(),
            parts[1].parse::<u32>(),
            parts[2].parse::<i64>(),
        ) && let (Some(d), Some(y)) = (valid_day(d), plausible_year(y))
            && (1..=12).contains(&m)
        {
            return make(i + 1, Date::ymd(y, m, d), false);
        }
        return None;
    }

    // 13 March [2025]
    if let Some(day) = ordinal_day(word)
        && token.is_numeric()
    {
        let mut j = i + 1;
        if tokens
            .get(j)
            .is_some_and(|t| t.text.eq_ignore_ascii_case("of"))
        {
            j += 1;
        }
        // "15 de marzo de 2007", "15 maart 2007", "15 mars".
        let connector = |k: usize| {
            tokens
                .get(k)
                .is_some_and(|t| matches!(t.text.to_lowercase().as_str(), "de" | "del" | "di"))
        };
        let foreign_at = if connector(i + 1) { i + 2 } else { i + 1 };
        // (month, year as written, end token)
        let found = if let Some(month) = tokens
            .get(foreign_at)
            .and_then(|t| foreign_month_number(t.text))
        {
            Some(if connector(foreign_at + 1) {
                match year_after(text, tokens, foreign_at + 1) {
                    Some(year) => (month, Some(year), foreign_at + 3),
                    None => (month, None, foreign_at + 1),
                }
            } else {
                let year = year_after(text, tokens, foreign_at);
                (month, year, foreign_at + 1 + usize::from(year.is_some()))
            })
        } else if let Some(month) = tokens.get(j).and_then(|t| month_number(t.text))
            && tokens[j].is_capitalised()
        {
            let year = year_after(text, tokens, j);
            Some((month, year, j + 1 + usize::from(year.is_some())))
        } else {
            None
        };
        if let Some((month, year, end)) = found {
            let year = year.or_else(|| infer_year(reference, month));
            return make(
                end,
                Date {
                    year,
                    month: Some(month),
                    day: Some(day),
                },
                false,
            );
        }
        return None;
    }

    // March 13[, 2025] / March 2025 / March
    if let Some(month) = month_number(word)
        && token.is_capitalised()
    {
        if let Some(next) = tokens.get(i + 1)
            && next.is_numeric()
            && let Some(day) = ordinal_day(next.text)
            && gap(text, tokens, i).trim().is_empty()
        {
            let year = year_after(text, tokens, i + 1);
            let end = if year.is_some() { i + 3 } else { i + 2 };
            let year = year.or_else(|| infer_year(reference, month));
            return make(
                end,
                Date {
                    year,
                    month: Some(month),
                    day: Some(day),
                },
                false,
            );
        }
        if let Some(year) = year_after(text, tokens, i) {
            return make(
                i + 2,
                Date {
                    year: Some(year),
                    month: Some(month),
                    day: None,
                },
                false,
            );
        }
        // A bare month name counts only after "in", "last", "this", "next", "early", "late".
        let previous = i.checked_sub(1).map(|p| tokens[p].text.to_lowercase());
        match previous.as_deref() {
            Some("last") | Some("this") | Some("next") => {
                let reference = reference?;
                let ref_month = reference.month?;
                let ref_year = reference.year?;
                let year = match previous.as_deref() {
                    Some("last") if month >= ref_month => ref_year - 1,
                    Some("next") if month <= ref_month => ref_year + 1,
                    _ => ref_year,
                };
                return Some(DateMatch {
                    first_token: i - 1,
                    end_token: i + 1,
                    date: Date {
                        year: Some(year),
                        month: Some(month),
                        day: None,
                    },
                    relative: true,
                });
            }
            Some("in") | Some("early") | Some("late") | Some("mid") | Some("since") => {
                // "May" is also a verb and a name: demand a clear preposition.
                return make(
                    i + 1,
                    Date {
                        year: infer_year(reference, month),
                        month: Some(month),
                        day: None,
                    },
                    false,
                );
            }
            _ => return None,
        }
    }

    // Relative days: yesterday, today, on Tuesday, last Tuesday.
    if let Some(reference) = reference
        && let Some(ref_day) = reference.day_number()
    {
        match lower.as_str() {
            "yesterday" => return make(i + 1, Date::from_day_number(ref_day - 1), true),
            "today" => return make(i + 1, Date::from_day_number(ref_day), true),
            "tomorrow" => return make(i + 1, Date::from_day_number(ref_day + 1), true),
            _ => {}
        }
        if let Some(weekday) = weekday_number(word)
            && token.is_capitalised()
        {
            let ref_weekday = reference.weekday()?;
            let previous = i.checked_sub(1).map(|p| tokens[p].text.to_lowercase());
            let next = tokens.get(i + 1).map(|t| t.text.to_lowercase());
            if next.as_deref() == Some("next") {
                return None;
            }
            // News convention: a bare weekday is the most recent one before the article date.
            let mut back = (ref_weekday - weekday).rem_euclid(7);
            if back == 0 && previous.as_deref() == Some("last") {
                back = 7;
            }
            let first = if previous.as_deref() == Some("last") {
                i - 1
            } else {
                i
            };
            return Some(DateMatch {
                first_token: first,
                end_token: i + 1,
                date: Date::from_day_number(ref_day - back),
                relative: true,
            });
        }
    }
    if lower == "last"
        && let Some(reference) = reference
        && let Some(next) = tokens.get(i + 1)
    {
        match next.text.to_lowercase().as_str() {
            "year" => {
                return make(
                    i + 2,
                    Date {
                        year: reference.year.map(|y| y - 1),
                        month: None,
                        day: None,
                    },
                    true,
                );
            }
            "month" => {
                let (y, m) = (reference.year?, reference.month?);
                let (y, m) = if m == 1 { (y - 1, 12) } else { (y, m - 1) };
                return make(
                    i + 2,
                    Date {
                        year: Some(y),
                        month: Some(m),
                        day: None,
                    },
                    true,
                );
            }
            _ => {}
        }
    }
    None
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
mod tests {
    use super::*;
    use crate::text::tokens;

    fn dates(text: &str, reference: Option<Date>) -> Vec<String> {
        let toks = tokens(text);
        find_dates(text, &toks, reference)
            .into_iter()
            .map(|m| m.date.iso())
            .collect()
    }

    #[test]
    fn absolute_formats() {
        assert_eq!(dates("21.11.2023 Author: X", None), ["2023-11-21"]);
        assert_eq!(dates("date 2023-11-03 From", None), ["2023-11-03"]);
        assert_eq!(dates("By Ann, 16 March 2025", None), ["2025-03-16"]);
        assert_eq!(dates("on May 28, 2021 in", None), ["2021-05-28"]);
        assert_eq!(dates("began in 2012 after", None), ["2012"]);
        assert_eq!(dates("in March 2020 the", None), ["2020-03"]);
    }

    #[test]
    fn month_names_of_other_languages_after_a_day() {
        assert_eq!(dates("el 15 de marzo de 2007", None), ["2007-03-15"]);
        assert_eq!(dates("il 15 marzo 2007", None), ["2007-03-15"]);
        assert_eq!(dates("op 2 juni 2010", None), ["2010-06-02"]);
        assert_eq!(dates("le 3 août 2009", None), ["2009-08-03"]);
        // Without a day number the word is not read as a month.
        assert!(dates("the Mars rover and a mayo jar", None).is_empty());
    }

    #[test]
    fn bare_numbers_are_not_years() {
        assert!(dates("about 2012 people", None).is_empty());
        assert!(dates("she may come", None).is_empty());
    }

    #[test]
    fn relative_dates_resolve_against_reference() {
        let reference = Some(Date::ymd(2025, 3, 15)); // a Saturday
        assert_eq!(dates("last May the", reference), ["2024-05"]);
        assert_eq!(dates("on Tuesday the", reference), ["2025-03-11"]);
        assert_eq!(dates("yesterday", reference), ["2025-03-14"]);
        assert_eq!(dates("on 13 March", reference), ["2025-03-13"]);
    }

    #[test]
    fn day_numbers_round_trip() {
        let date = Date::ymd(2024, 2, 29);
        assert_eq!(Date::from_day_number(date.day_number().unwrap()), date);
        assert_eq!(Date::ymd(2025, 3, 15).weekday(), Some(5));
    }
}
