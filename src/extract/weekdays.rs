//! Stage 3, extract: days of the week as sources name them ("on Friday", "late Friday",
//! "Saturday night", "over the weekend"), whether or not the article has a date.
//!
//! A weekday resolved against the article's date is one more relative date, uncertain when
//! the article's date is missing or is the date it was updated. But two weekday names are
//! two different days whatever the article's date: a happening that one source puts on
//! Saturday and another on Friday night is dated differently by the two, as long as both
//! speak of the same week. So each weekday mention is kept by name, as the set of days it
//! covers (one day, or Saturday and Sunday for "the weekend") and its edge of the day ("late
//! Friday", "Friday night" reach towards Saturday; "early Saturday", "Saturday morning"
//! towards Friday), with the happening it dates read by [`super::date_referents`].
//!
//! Left out on purpose: a weekday that is part of a full date ("Friday, 3 March"), counted
//! or repeated ("every Friday", "Fridays"), in the future ("next Friday"), or one end of a
//! range ("Friday and Saturday", "Monday to Wednesday"); "last week", "yesterday" and
//! "recently", which say nothing comparable without the article's date.

use super::DateFeature;
use super::claims::ClaimFeature;
use super::tagger::Pos;
use super::terms::Stemmer;
use crate::calendar::{Date, month_number, weekday_number};
use crate::lexicon::Lexicon;
use crate::text::{Token, fold};

/// Saturday and Sunday, as a day set (bit 0 is Monday).
pub const WEEKEND: u8 = 0b110_0000;

/// A weekday mention read from the tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeekMatch {
    /// Index of the first token and one past the last.
    pub first_token: usize,
    pub end_token: usize,
    /// The days it covers, bit 0 for Monday.
    pub days: u8,
    /// "late Friday", "Friday night": the end of the day, near the next one.
    pub late: bool,
    /// "early Saturday", "Saturday morning": the start of the day, near the one before.
    pub early: bool,
}

/// A weekday mention in a passage, with the happening it dates.
#[derive(Debug, Clone, PartialEq)]
pub struct WeekdayFeature {
    pub days: u8,
    pub late: bool,
    pub early: bool,
    /// The span and the referent; its calendar date is empty (the day is known by name).
    pub date: DateFeature,
}

/// Words before a weekday that make it future, counted or repeated.
const NOT_ONE_PAST_DAY: &[&str] = &["next", "every", "each", "coming", "following", "upcoming"];

/// Words before "weekend" that make it one weekend of the story.
const WEEKEND_DETERMINERS: &[&str] = &["the", "this", "last", "that", "past"];

fn word(toks: &[Token<'_>], k: usize) -> String {
    toks.get(k).map(|t| fold(t.text)).unwrap_or_default()
}

/// The weekday a token names, "Friday's" included.
fn weekday_of(token: &Token<'_>) -> Option<i64> {
    if !token.is_capitalised() {
        return None;
    }
    let folded = fold(token.text);
    let bare = folded
        .strip_suffix("'s")
        .or_else(|| folded.strip_suffix("’s"))
        .unwrap_or(&folded);
    weekday_number(bare)
}

/// Whether tokens from `k` begin another weekday or a date: "and Saturday", "– Sunday",
/// "3 March", "March 3".
fn dated_at(toks: &[Token<'_>], k: usize) -> bool {
    toks.get(k).is_some_and(|t| {
        t.is_numeric()
            || weekday_of(t).is_some()
            || (t.is_capitalised() && month_number(t.text).is_some())
    })
}

fn weekday_at(text: &str, toks: &[Token<'_>], i: usize) -> Option<WeekMatch> {
    let day = weekday_of(&toks[i])?;
    let before = i.checked_sub(1).map(|k| word(toks, k)).unwrap_or_default();
    if NOT_ONE_PAST_DAY.contains(&before.as_str()) {
        return None;
    }
    if i >= 2 && matches!(word(toks, i - 2).as_str(), "next" | "every" | "each") {
        return None;
    }
    // Part of a full date ("Friday, March 3") or of a range ("Friday and Saturday").
    let gap = |k: usize| {
        toks.get(k + 1)
            .map_or("", |n| text.get(toks[k].end..n.start).unwrap_or(""))
    };
    let joined = |k: usize| {
        matches!(
            word(toks, k).as_str(),
            "and" | "or" | "to" | "through" | "until"
        ) || matches!(gap(k - 1).trim(), "-" | "–" | "/")
    };
    if dated_at(toks, i + 1) || (joined(i + 1) && dated_at(toks, i + 2)) {
        return None;
    }
    if i >= 2 && joined(i - 1) && toks.get(i - 2).and_then(weekday_of).is_some() {
        return None;
    }
    if word(toks, i + 1) == "next" {
        return None;
    }
    let mut first = i;
    let (mut late, mut early) = (false, false);
    match before.as_str() {
        "late" => (late, first) = (true, i - 1),
        "early" => (early, first) = (true, i - 1),
        "last" | "this" | "past" => first = i - 1,
        _ => {}
    }
    let mut end = i + 1;
    match word(toks, i + 1).as_str() {
        "night" | "evening" => (late, end) = (true, i + 2),
        "morning" => (early, end) = (true, i + 2),
        "afternoon" => end = i + 2,
        _ => {}
    }
    Some(WeekMatch {
        first_token: first,
        end_token: end,
        days: 1 << day,
        late,
        early,
    })
}

fn weekend_at(toks: &[Token<'_>], i: usize) -> Option<WeekMatch> {
    if word(toks, i) != "weekend" {
        return None;
    }
    let before = word(toks, i.checked_sub(1)?);
    if !WEEKEND_DETERMINERS.contains(&before.as_str()) {
        return None;
    }
    // "the weekend before the vote", "the weekend of the 12th": a weekend named by something
    // else than the story's week.
    if matches!(
        word(toks, i + 1).as_str(),
        "before" | "after" | "of" | "ahead"
    ) {
        return None;
    }
    Some(WeekMatch {
        first_token: i - 1,
        end_token: i + 1,
        days: WEEKEND,
        late: false,
        early: false,
    })
}

/// The weekday mentions of a token stream (`text` is what the tokens point into).
pub fn find_weekdays(text: &str, toks: &[Token<'_>]) -> Vec<WeekMatch> {
    (0..toks.len())
        .filter_map(|i| weekday_at(text, toks, i).or_else(|| weekend_at(toks, i)))
        .collect()
}

/// The weekday mentions of a sentence's tokens with the happenings they date.
pub fn read(
    text: &str,
    toks: &[Token<'_>],
    tags: &[Pos],
    claims: &[ClaimFeature],
    lexicon: &Lexicon,
    stemmer: &Stemmer,
) -> Vec<WeekdayFeature> {
    find_weekdays(text, toks)
        .iter()
        .map(|w| WeekdayFeature {
            days: w.days,
            late: w.late,
            early: w.early,
            date: DateFeature {
                start: toks[w.first_token].start,
                end: toks[w.end_token - 1].end,
                date: UNDATED,
                relative: true,
                referent: super::date_referents::find(
                    text,
                    toks,
                    tags,
                    claims,
                    (w.first_token, w.end_token),
                    lexicon,
                    stemmer,
                ),
            },
        })
        .collect()
}

impl WeekdayFeature {
    /// Whether two mentions can name the same moment: a day in common, or two neighbouring
    /// days at the edge between them ("Friday night" and "early Saturday": past midnight, or
    /// another time zone). The weekend is Saturday and Sunday; "late Friday" is not in it.
    pub fn compatible(&self, other: &WeekdayFeature) -> bool {
        if self.days & other.days != 0 {
            return true;
        }
        let next = |d: u8| ((d << 1) & 0x7f) | ((d >> 6) & 1);
        let touches = |a: &WeekdayFeature, b: &WeekdayFeature| {
            a.late && b.early && next(a.days) & b.days != 0
        };
        touches(self, other) || touches(other, self)
    }

    /// The days in words: "Friday night", "the weekend".
    pub fn describe(&self) -> String {
        if self.days == WEEKEND {
            return "the weekend".into();
        }
        let day = (0..7).find(|d| self.days & (1 << d) != 0).unwrap_or(0);
        let mut name = crate::calendar::WEEKDAYS[day].to_string();
        name[..1].make_ascii_uppercase();
        match (self.late, self.early) {
            (true, _) => format!("late {name}"),
            (_, true) => format!("early {name}"),
            _ => name,
        }
    }
}

/// An empty calendar date: the day of a weekday mention is known by name only.
pub const UNDATED: Date = Date {
    year: None,
    month: None,
    day: None,
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens;

    fn found(text: &str) -> Vec<(String, u8, bool, bool)> {
        let toks = tokens(text);
        find_weekdays(text, &toks)
            .into_iter()
            .map(|m| {
                let span = &text[toks[m.first_token].start..toks[m.end_token - 1].end];
                (span.to_string(), m.days, m.late, m.early)
            })
            .collect()
    }

    #[test]
    fn weekdays_with_their_edges_and_the_weekend() {
        assert_eq!(
            found("The ferry left late Friday and docked on Sunday."),
            vec![
                ("late Friday".to_string(), 1 << 4, true, false),
                ("Sunday".to_string(), 1 << 6, false, false),
            ]
        );
        assert_eq!(
            found("Ostrel voted Saturday morning."),
            vec![("Saturday morning".to_string(), 1 << 5, false, true)]
        );
        assert_eq!(
            found("Over the weekend the mill closed."),
            vec![("the weekend".to_string(), WEEKEND, false, false)]
        );
    }

    #[test]
    fn full_dates_ranges_future_and_vague_weeks_are_left_out() {
        assert!(found("It opened on Friday, March 3, in Velmar.").is_empty());
        assert!(found("Talks ran Monday to Wednesday.").is_empty());
        assert!(found("Talks ran Friday and Saturday.").is_empty());
        assert!(found("They vote next Friday, or every Monday.").is_empty());
        assert!(found("It happened last week, or yesterday, or recently.").is_empty());
        assert!(found("He rests on weekends and the Easter weekend.").is_empty());
        assert!(found("A friday feeling").is_empty());
    }

    fn feature(days: u8, late: bool, early: bool) -> WeekdayFeature {
        WeekdayFeature {
            days,
            late,
            early,
            date: DateFeature {
                start: 0,
                end: 0,
                date: UNDATED,
                relative: true,
                referent: None,
            },
        }
    }

    #[test]
    fn neighbouring_days_meet_only_at_their_edge() {
        let friday = feature(1 << 4, false, false);
        let friday_night = feature(1 << 4, true, false);
        let saturday = feature(1 << 5, false, false);
        let early_saturday = feature(1 << 5, false, true);
        let weekend = feature(WEEKEND, false, false);
        let late_sunday = feature(1 << 6, true, false);
        let early_monday = feature(1, false, true);
        assert!(!friday.compatible(&saturday));
        assert!(!friday_night.compatible(&saturday));
        assert!(friday_night.compatible(&early_saturday));
        assert!(early_saturday.compatible(&friday_night));
        // The weekend is Saturday and Sunday: Friday night is not in it.
        assert!(!friday_night.compatible(&weekend));
        assert!(!friday.compatible(&weekend));
        assert!(saturday.compatible(&weekend));
        assert!(late_sunday.compatible(&early_monday));
        assert_eq!(friday_night.describe(), "late Friday");
        assert_eq!(weekend.describe(), "the weekend");
    }
}
