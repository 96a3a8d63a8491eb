//! Evaluative modifiers of one common-noun referent, on our own fiction: one source's "lewd
//! photo" against another's "suggestive photograph" of the one photo of the story is a shown
//! `wording` finding; two photos, the same adjective, or adjectives that judge nothing
//! ("large", "big") stay silent.

use parallax::model::{FindingKind, Report};

mod common;
use common::{any, compare_texts as compare};

/// The shown wording findings about a common noun's labels holding both words.
fn labelled(report: &Report, a: &str, b: &str) -> usize {
    report
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::Wording && f.confidence >= 0.6)
        .filter(|f| f.summary.starts_with("Sources label the"))
        .filter(|f| {
            let texts: Vec<String> = f.claims.iter().map(|c| c.text.to_lowercase()).collect();
            texts.iter().any(|t| t.contains(a)) && texts.iter().any(|t| t.contains(b))
        })
        .count()
}

/// A story of two sources: a shared opening event, then each source's sentences about the
/// photo (`a`, `b`).
fn story(a: &str, b: &str) -> Report {
    compare(&[
        &format!(
            "Harlow councillor Petra Lindqvist resigned from the Kessel planning board on Tuesday \
             after a row over the new ferry terminal.\n\n{a}"
        ),
        &format!(
            "Petra Lindqvist, a Harlow councillor, resigned from the Kessel planning board on \
             Tuesday after the row over the ferry terminal.\n\n{b}"
        ),
    ])
}

#[test]
fn one_photo_labelled_lewd_and_suggestive_is_wording() {
    let report = story(
        "Lindqvist denied posting a lewd photo from her account. The photo stayed online for \
         an hour before her staff removed it.",
        "Her critics circulated a suggestive photograph from her feed. Lindqvist said the \
         photograph was posted by a prankster who had guessed her password.",
    );
    let all = any(&report, FindingKind::Wording);
    assert_eq!(labelled(&report, "lewd", "suggestive"), 1, "{all:?}");
}

#[test]
fn two_photos_told_apart_stay_silent() {
    // One source speaks of two photos (an ordinal, a plural): which one the other's
    // "suggestive photograph" is, nothing says.
    let report = story(
        "Two photos were posted from her account. The first photo showed the ferry terminal; \
         a lewd photo of a dancer followed at midnight.",
        "Her critics circulated a suggestive photograph from her feed. Lindqvist said the \
         photograph was posted by a prankster who had guessed her password.",
    );
    let all = any(&report, FindingKind::Wording);
    assert_eq!(labelled(&report, "lewd", "suggestive"), 0, "{all:?}");
}

#[test]
fn the_same_adjective_and_plain_adjectives_stay_silent() {
    let same = story(
        "Lindqvist denied posting a lewd photo from her account. The photo stayed online for \
         an hour before her staff removed it.",
        "Her critics circulated a lewd photograph from her feed. Lindqvist said the \
         photograph was posted by a prankster who had guessed her password.",
    );
    let all = any(&same, FindingKind::Wording);
    assert_eq!(labelled(&same, "lewd", "lewd"), 0, "{all:?}");
    // "large" and "big" judge nothing: a difference of size words is no loaded label.
    let plain = story(
        "Lindqvist denied posting a large photo from her account. The photo stayed online for \
         an hour before her staff removed it.",
        "Her critics circulated a big photograph from her feed. Lindqvist said the \
         photograph was posted by a prankster who had guessed her password.",
    );
    let all = any(&plain, FindingKind::Wording);
    assert_eq!(labelled(&plain, "large", "big"), 0, "{all:?}");
}
