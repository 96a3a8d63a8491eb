//! Readable event labels: a short phrase from the text of the event's most central passage.
//!
//! A bag of stems ("work, russia, mali") tells a reader nothing. The label is instead the
//! clause of the central sentence that carries most of the event's anchors, with its subject
//! put back when an apposition or attribution split it off ("Ilse Varga, chair of the
//! inquiry, drew criticism" gives "Ilse Varga drew criticism"), cut to about 60 characters
//! at a word boundary. Datelines, leading conjunctions and attribution tails are dropped.
//!
//! - `clause.rs` picks the clause of the sentence and puts its subject back;
//! - `tidy.rs` cuts it to length on a word that ends it well;
//! - `central.rs` chooses the sentence (the event's most central passage) and, there, the
//!   who-did-what of the claim that holds most anchors, else falls back on `clause.rs` or on
//!   the event's evidence.

pub(super) mod central;
mod clause;
#[cfg(test)]
mod tests;
mod tidy;

pub use clause::{participle, readable, strip_dateline};
pub use tidy::tidy_phrase;

/// The longest label, in characters (a word may end a little past it, never the phrase).
pub const MAX_CHARS: usize = 60;

/// The words of a text, split at white space, with their punctuation.
fn words(text: &str) -> Vec<&str> {
    text.split_whitespace().collect()
}

/// A word folded for comparison, without the punctuation around it.
fn fold(word: &str) -> String {
    crate::text::fold(word.trim_matches(|c: char| !c.is_alphanumeric()))
}

/// Whether a word or clause opens with a capital letter.
fn starts_capitalised(clause: &str) -> bool {
    clause.chars().next().is_some_and(char::is_uppercase)
}
