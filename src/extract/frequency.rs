//! Background word frequencies of general English, so that a word's weight knows the
//! language and not only the handful of articles being compared.
//!
//! Inverse document frequency over three to five articles is noise: a word that two of five
//! articles use looks rare whatever it is. The table in `assets/lexicon/wordfreq_en.txt`
//! (derived from the wordfreq project's data, CC BY-SA 4.0, see `WORDFREQ-LICENSE.md`) gives
//! every common English word its Zipf frequency: 7 for "the", 5 for "result", 3 for
//! "acacia". Words missing from it are rarer than about 3. Alignment multiplies a term's
//! corpus weight by [`specificity`], so a word common in English never makes an event.

use std::collections::HashMap;
use std::sync::OnceLock;

const TABLE: &str = include_str!("../../assets/lexicon/wordfreq_en.txt");

/// The Zipf value given to words that are not in the table (rarer than the table's floor).
pub const UNLISTED_ZIPF: f32 = 2.5;

/// Zipf frequencies by folded word.
pub struct Frequencies {
    words: HashMap<&'static str, f32>,
}

impl Frequencies {
    fn parse() -> Frequencies {
        let mut words = HashMap::with_capacity(30_000);
        for line in TABLE.lines() {
            if line.starts_with('#') {
                continue;
            }
            let mut parts = line.split(' ');
            let Some(zipf) = parts
                .next()
                .and_then(|z| z.parse::<f32>().ok())
                .map(|z| z / 100.0)
            else {
                continue;
            };
            for word in parts.filter(|w| !w.is_empty()) {
                words.entry(word).or_insert(zipf);
            }
        }
        Frequencies { words }
    }

    /// The Zipf frequency of a folded word.
    pub fn word(&self, folded: &str) -> f32 {
        self.words.get(folded).copied().unwrap_or(UNLISTED_ZIPF)
    }
}

/// The bundled table, parsed once.
pub fn frequencies() -> &'static Frequencies {
    static TABLE: OnceLock<Frequencies> = OnceLock::new();
    TABLE.get_or_init(Frequencies::parse)
}

/// Words at or above this Zipf frequency are common English: they carry no weight.
pub const COMMON_ZIPF: f32 = 5.3;
/// Words at or below this Zipf frequency are fully specific.
pub const RARE_ZIPF: f32 = 4.4;

/// How much a word of this Zipf frequency can say about which event a passage reports:
/// 0 for common English ("number", "place", "good"), 1 for rare words, linear between.
pub fn specificity(zipf: f32) -> f32 {
    ((COMMON_ZIPF - zipf) / (COMMON_ZIPF - RARE_ZIPF)).clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_words_have_no_specificity_and_rare_ones_full() {
        let table = frequencies();
        for common in ["number", "result", "place", "work", "good", "bad", "we"] {
            let zipf = table.word(common);
            assert!(
                specificity(zipf) < 0.2,
                "{common}: zipf {zipf}, specificity {}",
                specificity(zipf)
            );
        }
        for rare in ["mercenaries", "resignation", "junta", "barkhane"] {
            let zipf = table.word(rare);
            assert!(specificity(zipf) > 0.5, "{rare}: zipf {zipf}");
        }
    }

    #[test]
    fn unlisted_words_are_rare() {
        assert_eq!(frequencies().word("zzxqy"), UNLISTED_ZIPF);
        assert!(frequencies().word("the") > 7.0);
    }
}
