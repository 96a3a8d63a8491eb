//! Analysis settings: the knobs a user may change, with defaults tuned on the labelled sets
//! and the ECB+ development topics (see docs/quality.md for the figures).

use serde::{Deserialize, Serialize};

/// Settings for one comparison. Every field has a default, so partial settings files load.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Files larger than this many bytes are refused.
    pub max_file_bytes: u64,
    /// Average-link threshold for grouping passages into one event (0 to 1). Higher gives
    /// smaller, tighter events.
    pub link_threshold: f32,
    /// A passage left out of every event joins the event of its best partner when their
    /// pair weight reaches this.
    pub attach_threshold: f32,
    /// How many candidate partners each passage keeps from the inverted index.
    pub candidates_per_passage: usize,
    /// Weight of the whole-document similarity mixed into every passage pair score.
    pub document_context: f32,
    /// Extra wording-lexicon files (RON) added to the bundled one.
    pub extra_lexicons: Vec<String>,
    /// Whether `agreement` findings are reported.
    pub report_agreements: bool,
    /// Whether alignment also weighs similar meaning (a distilled sentence-embedding table,
    /// English only) besides shared words. Off: words alone, as before.
    pub meaning: bool,
}

/// Findings below this confidence are hidden unless asked for (`--min-confidence`, "Show
/// uncertain findings"). Calibrated on our judged real-news findings (docs/quality.md) for
/// at least 90% precision.
pub const DEFAULT_MIN_CONFIDENCE: f32 = 0.6;

impl Default for Settings {
    fn default() -> Self {
        Settings {
            max_file_bytes: 50 * 1024 * 1024,
            link_threshold: 0.15,
            attach_threshold: 0.2,
            candidates_per_passage: 12,
            document_context: 8.0,
            extra_lexicons: Vec::new(),
            report_agreements: true,
            meaning: true,
        }
    }
}

impl Settings {
    /// Checks that every number is finite and in its range, so that a hand-edited session
    /// cannot silently change the result with `NaN`, an infinity or a negative weight.
    /// The message names the setting and its range.
    pub fn validate(&self) -> Result<(), String> {
        let fraction = |name: &str, value: f32| -> Result<(), String> {
            if value.is_finite() && (0.0..=1.0).contains(&value) {
                Ok(())
            } else {
                Err(format!(
                    "the setting {name} is {value}; it must be a number from 0 to 1"
                ))
            }
        };
        fraction("link_threshold", self.link_threshold)?;
        fraction("attach_threshold", self.attach_threshold)?;
        if !(self.document_context.is_finite() && (0.0..=1000.0).contains(&self.document_context)) {
            return Err(format!(
                "the setting document_context is {}; it must be a number from 0 to 1000",
                self.document_context
            ));
        }
        if !(1..=1000).contains(&self.candidates_per_passage) {
            return Err(format!(
                "the setting candidates_per_passage is {}; it must be a whole number from 1 to 1000",
                self.candidates_per_passage
            ));
        }
        if self.max_file_bytes == 0 {
            return Err("the setting max_file_bytes is 0; it must be at least 1".into());
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_valid_and_nan_is_not() {
        assert_eq!(Settings::default().validate(), Ok(()));
        let settings = Settings {
            link_threshold: f32::NAN,
            ..Settings::default()
        };
        let message = settings.validate().unwrap_err();
        assert!(message.contains("link_threshold is NaN"), "{message}");
        let settings = Settings {
            document_context: -1.0,
            ..Settings::default()
        };
        assert!(settings.validate().is_err());
    }
}
