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
