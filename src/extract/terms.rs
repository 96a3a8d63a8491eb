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

    /// Stems a folded word; an irregular verb form is first brought back to its base form
    /// ("felt" and "feels" both give "feel").
    pub fn stem(&self, folded: &str) -> String {
        let base = irregular_verbs().get(folded).copied().unwrap_or(folded);
        self.0.stem(base).into_owned()
    }
}

/// Whether a folded word is a verb's past form: an irregular one listed in
/// `assets/lexicon/irregular_verbs.txt` ("told", "spoke"), or a regular "-ed" form of four
/// letters or more before the ending ("snarled", "boasted"; not "red", "bed", "need").
pub fn is_past_form(folded: &str) -> bool {
    irregular_verbs().contains_key(folded)
        || (folded.len() >= 6 && folded.ends_with("ed") && !folded.ends_with("eed"))
}

const IRREGULAR_VERBS: &str = include_str!("../../assets/lexicon/irregular_verbs.txt");

/// Irregular past and participle forms to their base form, from
/// `assets/lexicon/irregular_verbs.txt`, parsed once.
fn irregular_verbs() -> &'static std::collections::HashMap<&'static str, &'static str> {
    static TABLE: std::sync::OnceLock<std::collections::HashMap<&'static str, &'static str>> =
        std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = std::collections::HashMap::new();
        for line in IRREGULAR_VERBS.lines() {
            if line.starts_with('#') {
                continue;
            }
            let mut words = line.split_whitespace();
            if let Some(base) = words.next() {
                for form in words {
                    table.insert(form, base);
                }
            }
        }
        table
    })
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
    // A title's abbreviation ("Sen.", "Rep.", "Gen.") only announces a name: rare in
    // English, it would otherwise look like a specific word that two sentences share.
    if lexicon
        .titles
        .get(&folded)
        .is_some_and(|canonical| *canonical != folded)
    {
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
    fn irregular_verb_forms_share_their_base_stem() {
        let stemmer = Stemmer::new();
        for (form, base) in [
            ("felt", "feels"),
            ("shot", "shooting"),
            ("fled", "flee"),
            ("withdrew", "withdrawing"),
            ("won", "wins"),
        ] {
            assert_eq!(stemmer.stem(form), stemmer.stem(base), "{form} / {base}");
        }
        // Forms that are mostly other words in news keep their own stem.
        assert_ne!(stemmer.stem("left"), stemmer.stem("leave"));
        assert_ne!(stemmer.stem("fed"), stemmer.stem("feed"));
    }

    #[test]
    fn title_abbreviations_are_not_terms() {
        let lexicon = Lexicon::bundled();
        let stemmer = Stemmer::new();
        let text = "Sen. Ilse Varga met Rep. Piet Landau and the senator";
        let found: Vec<String> = tokens(text)
            .iter()
            .filter_map(|t| term(t, &lexicon, &stemmer))
            .collect();
        assert!(!found.iter().any(|t| t == "sen" || t == "rep"), "{found:?}");
        assert!(found.iter().any(|t| t.starts_with("senat")), "{found:?}");
    }

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
