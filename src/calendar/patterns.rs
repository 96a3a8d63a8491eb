//! The date patterns, tried in turn at each token: a four-digit year or ISO date, numeric
//! dates day first, a day then a month name (English or another language), a month name
//! then a day or year, relative days and weekdays, and "last year" / "last month".

use super::*;

/// Where a date may start: the text, its tokens, the token and the reference date.
struct At<'a, 't> {
    text: &'a str,
    tokens: &'a [Token<'t>],
    i: usize,
    reference: Option<Date>,
}

/// What one pattern says of a token: `None` when it does not apply (the next pattern is
/// tried), `Some(found)` when it decides, a date or none.
type Decision = Option<Option<DateMatch>>;

impl At<'_, '_> {
    fn gap(&self, k: usize) -> &str {
        gap(self.text, self.tokens, k)
    }

    /// The date from this token to `end`.
    fn make(&self, end: usize, date: Date, relative: bool) -> Option<DateMatch> {
        Some(DateMatch {
            first_token: self.i,
            end_token: end,
            date,
            relative,
        })
    }

    fn previous_word(&self) -> Option<String> {
        self.i
            .checked_sub(1)
            .map(|p| self.tokens[p].text.to_lowercase())
    }
}

pub(super) fn date_at(
    text: &str,
    tokens: &[Token<'_>],
    i: usize,
    reference: Option<Date>,
) -> Option<DateMatch> {
    let at = At {
        text,
        tokens,
        i,
        reference,
    };
    let patterns: [fn(&At<'_, '_>) -> Decision; 6] = [
        four_digits,
        numeric_day_first,
        day_then_month,
        month_then_day,
        relative_day,
        last_year_or_month,
    ];
    patterns.iter().find_map(|pattern| pattern(&at)).flatten()
}

/// ISO 2025-03-13 (tokens 2025, 03, 13 separated by '-'), or a bare year where it stands
/// as a year ("in 2012", "since 2013"); any other four-digit number is no date.
fn four_digits(at: &At<'_, '_>) -> Decision {
    let (tokens, i) = (at.tokens, at.i);
    let word = tokens[i].text;
    if word.len() != 4 {
        return None;
    }
    let year = word.parse().ok().and_then(plausible_year)?;
    if at.gap(i) == "-"
        && at.gap(i + 1) == "-"
        && let (Some(m), Some(d)) = (tokens.get(i + 1), tokens.get(i + 2))
        && let (Ok(m), Ok(d)) = (m.text.parse::<u32>(), d.text.parse::<i64>())
        && (1..=12).contains(&m)
        && let Some(d) = valid_day(d)
    {
        return Some(at.make(i + 3, Date::ymd(year, m, d), false));
    }
    let yearish = at
        .previous_word()
        .is_some_and(|w| YEAR_BEFORE.contains(&w.as_str()));
    let after = tokens.get(i + 1).map(|t| t.text.to_lowercase());
    // "in 2012 people died" counts people, not a year.
    let followed_by_noun = after
        .as_deref()
        .is_some_and(|w| COUNTED_AFTER.contains(&w) && at.gap(i).trim().is_empty());
    Some(if yearish && !followed_by_noun {
        at.make(
            i + 1,
            Date {
                year: Some(year),
                month: None,
                day: None,
            },
            false,
        )
    } else {
        None
    })
}

/// Words before a bare year that make it a year.
const YEAR_BEFORE: &[&str] = &[
    "in", "since", "until", "till", "by", "from", "of", "year", "early", "late", "mid", "summer",
    "winter", "spring", "autumn", "before", "after", "during", "between", "and", "to", "fall",
];
/// Counted nouns after a four-digit number that make it a count.
const COUNTED_AFTER: &[&str] = &[
    "people",
    "persons",
    "soldiers",
    "troops",
    "homes",
    "houses",
    "residents",
    "euros",
    "dollars",
    "votes",
    "seats",
    "jobs",
    "workers",
    "members",
    "employees",
    "families",
    "children",
    "civilians",
    "cases",
    "deaths",
];

/// 21.11.2023 or 21/11/2023, day first as in most of the world's press, however the
/// tokenizer cut it.
fn numeric_day_first(at: &At<'_, '_>) -> Decision {
    let (tokens, i) = (at.tokens, at.i);
    let (token, word) = (tokens[i], tokens[i].text);
    if !token.is_numeric() {
        return None;
    }
    if let Some(day) = word.parse::<i64>().ok().and_then(valid_day) {
        let sep = at.gap(i);
        if (sep == "/" || sep == ".")
            && at.gap(i + 1) == sep
            && let (Some(m), Some(y)) = (tokens.get(i + 1), tokens.get(i + 2))
            && let (Ok(m), Ok(y)) = (m.text.parse::<u32>(), y.text.parse::<i64>())
            && (1..=12).contains(&m)
            && let Some(y) = plausible_year(y)
        {
            return Some(at.make(i + 3, Date::ymd(y, m, day), false));
        }
    }
    // One number token "21.11" then "2023" when joined by '.'.
    if word.matches('.').count() == 1
        && at.gap(i) == "."
        && let Some((d, m)) = word.split_once('.')
        && let (Ok(d), Ok(m)) = (d.parse::<i64>(), m.parse::<u32>())
        && let Some(d) = valid_day(d)
        && (1..=12).contains(&m)
        && let Some(next) = tokens.get(i + 1)
        && next.text.len() == 4
        && let Some(y) = next.text.parse().ok().and_then(plausible_year)
    {
        return Some(at.make(i + 2, Date::ymd(y, m, d), false));
    }
    // "21.11.2023" as a single token (the tokenizer keeps dots between digits).
    if word.matches('.').count() == 2 {
        let parts: Vec<&str> = word.split('.').collect();
        if let (Ok(d), Ok(m), Ok(y)) = (
            parts[0].parse::<i64>(),
            parts[1].parse::<u32>(),
            parts[2].parse::<i64>(),
        ) && let (Some(d), Some(y)) = (valid_day(d), plausible_year(y))
            && (1..=12).contains(&m)
        {
            return Some(at.make(i + 1, Date::ymd(y, m, d), false));
        }
        return Some(None);
    }
    None
}

/// 13 March [2025], "15 de marzo de 2007", "15 maart 2007", "15 mars".
fn day_then_month(at: &At<'_, '_>) -> Decision {
    let (text, tokens, i) = (at.text, at.tokens, at.i);
    let token = tokens[i];
    let day = ordinal_day(token.text).filter(|_| token.is_numeric())?;
    let mut j = i + 1;
    if tokens
        .get(j)
        .is_some_and(|t| t.text.eq_ignore_ascii_case("of"))
    {
        j += 1;
    }
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
    Some(found.and_then(|(month, year, end)| {
        let year = year.or_else(|| infer_year(at.reference, month));
        at.make(
            end,
            Date {
                year,
                month: Some(month),
                day: Some(day),
            },
            false,
        )
    }))
}

/// March 13[, 2025] / March 2025 / a bare month after a clear preposition ("in May") or
/// relative to the reference ("last May").
fn month_then_day(at: &At<'_, '_>) -> Decision {
    let (text, tokens, i, reference) = (at.text, at.tokens, at.i, at.reference);
    let token = tokens[i];
    let month = month_number(token.text).filter(|_| token.is_capitalised())?;
    if let Some(next) = tokens.get(i + 1)
        && next.is_numeric()
        && let Some(day) = ordinal_day(next.text)
        && at.gap(i).trim().is_empty()
    {
        let year = year_after(text, tokens, i + 1);
        let end = if year.is_some() { i + 3 } else { i + 2 };
        let year = year.or_else(|| infer_year(reference, month));
        let date = Date {
            year,
            month: Some(month),
            day: Some(day),
        };
        return Some(at.make(end, date, false));
    }
    if let Some(year) = year_after(text, tokens, i) {
        let date = Date {
            year: Some(year),
            month: Some(month),
            day: None,
        };
        return Some(at.make(i + 2, date, false));
    }
    // A bare month name counts only after "in", "last", "this", "next", "early", "late".
    let previous = at.previous_word();
    Some(match previous.as_deref() {
        Some("last") | Some("this") | Some("next") => (|| {
            let reference = reference?;
            let (ref_month, ref_year) = (reference.month?, reference.year?);
            let year = match previous.as_deref() {
                Some("last") if month >= ref_month => ref_year - 1,
                Some("next") if month <= ref_month => ref_year + 1,
                _ => ref_year,
            };
            Some(DateMatch {
                first_token: i - 1,
                end_token: i + 1,
                date: Date {
                    year: Some(year),
                    month: Some(month),
                    day: None,
                },
                relative: true,
            })
        })(),
        // "May" is also a verb and a name: demand a clear preposition.
        Some("in") | Some("early") | Some("late") | Some("mid") | Some("since") => {
            let date = Date {
                year: infer_year(reference, month),
                month: Some(month),
                day: None,
            };
            at.make(i + 1, date, false)
        }
        _ => None,
    })
}

/// Relative days: yesterday, today, tomorrow, on Tuesday, last Tuesday (a bare weekday is
/// the most recent one before the article's date, by news convention).
fn relative_day(at: &At<'_, '_>) -> Decision {
    let (tokens, i) = (at.tokens, at.i);
    let reference = at.reference?;
    let ref_day = reference.day_number()?;
    let token = tokens[i];
    match token.text.to_lowercase().as_str() {
        "yesterday" => return Some(at.make(i + 1, Date::from_day_number(ref_day - 1), true)),
        "today" => return Some(at.make(i + 1, Date::from_day_number(ref_day), true)),
        "tomorrow" => return Some(at.make(i + 1, Date::from_day_number(ref_day + 1), true)),
        _ => {}
    }
    let weekday = weekday_number(token.text).filter(|_| token.is_capitalised())?;
    let Some(ref_weekday) = reference.weekday() else {
        return Some(None);
    };
    let previous = at.previous_word();
    let next = tokens.get(i + 1).map(|t| t.text.to_lowercase());
    if next.as_deref() == Some("next") {
        return Some(None);
    }
    let last = previous.as_deref() == Some("last");
    let mut back = (ref_weekday - weekday).rem_euclid(7);
    if back == 0 && last {
        back = 7;
    }
    Some(Some(DateMatch {
        first_token: if last { i - 1 } else { i },
        end_token: i + 1,
        date: Date::from_day_number(ref_day - back),
        relative: true,
    }))
}

/// "last year" and "last month", against the reference date.
fn last_year_or_month(at: &At<'_, '_>) -> Decision {
    let (tokens, i) = (at.tokens, at.i);
    if !tokens[i].text.eq_ignore_ascii_case("last") {
        return None;
    }
    let reference = at.reference?;
    let next = tokens.get(i + 1)?;
    match next.text.to_lowercase().as_str() {
        "year" => {
            let date = Date {
                year: reference.year.map(|y| y - 1),
                month: None,
                day: None,
            };
            Some(at.make(i + 2, date, true))
        }
        "month" => Some((|| {
            let (y, m) = (reference.year?, reference.month?);
            let (y, m) = if m == 1 { (y - 1, 12) } else { (y, m - 1) };
            let date = Date {
                year: Some(y),
                month: Some(m),
                day: None,
            };
            at.make(i + 2, date, true)
        })()),
        _ => None,
    }
}
