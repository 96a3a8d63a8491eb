//! Analysis settings: the knobs a user may change, with defaults tuned on the labelled sets
//! and the ECB+ development topics (see the README for the figures).

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
}

/// Findings below this confidence are hidden unless asked for (`--min-confidence`, "Show
/// uncertain findings"). Calibrated on our judged real-news findings (README, Quality) for
/// at least 90% precision.
pub const DEFAULT_MIN_CONFIDENCE: f32 = 0.6;

impl Default for Settings {
    fn default() -> Self {
        Settings {
            max_file_bytes: 50 * 1024 * 1024,
            link_threshold: 0.15,
            attach_threshold: 0.2,
            candidates_per_passage: 12,
            document_context: 6.0,
            extra_lexicons: Vec::new(),
            report_agreements: true,
        }
    }
}
