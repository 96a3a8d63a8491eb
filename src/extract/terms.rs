//! Content terms: folded, stop words removed, stemmed with the Snowball English stemmer.

use crate::lexicon::Lexicon;
use crate::text::{Token, fold};

/// A reusable Snowball stemmer.
pub struct Stemmer(rust_stemmers::Stemmer);

impl Stemmer {
    pub fn new() -> Self {
        Stemmer(rust_stemmers::Stemmer::create(
            rust_stemmers::Algorithm::English,
        ))
    }

    /// Stems a folded word.
    pub fn stem(&self, folded: &str) -> String {
        self.0.stem(folded).into_owned()
    }
}

impl Default for Stemmer {
    fn default() -> Self {
        Self::new()
    }
}

/// The stemmed content term of a token, or `None` for stop words, numbers and single letters.
pub fn term(token: &Token<'_>, lexicon: &Lexicon, stemmer: &Stemmer) -> Option<String> {
    if !token.is_word() {
        return None;
    }
    let folded = fold(token.text);
    // Possessives: "Mali's" counts as "mali".
    let folded = folded
        .strip_suffix("'s")
        .map(str::to_string)
        .unwrap_or(folded);
    if folded.chars().count() < 2 || lexicon.is_stopword(&folded) {
        return None;
    }
    // Counted nouns of one group are one term: "houses" and "homes", "troops" and "soldiers".
    if let Some(group) = lexicon.unit_group(&folded)
        && group.chars().all(char::is_alphabetic)
    {
        return Some(stemmer.stem(group));
    }
    Some(stemmer.stem(&folded))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens;

    #[test]
    fn terms_are_stemmed_and_filtered() {
        let lexicon = Lexicon::bundled();
        let stemmer = Stemmer::new();
        let text = "The soldiers were deployed to Mali's north";
        let terms: Vec<String> = tokens(text)
            .iter()
            .filter_map(|t| term(t, &lexicon, &stemmer))
            .collect();
        assert_eq!(terms, ["troop", "deploy", "mali", "north"]);
    }
}
