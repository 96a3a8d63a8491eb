//! Shared wording. Takes the text of passages; gives their hashed runs of words (four-word
//! runs worth sharing, six-word runs with an uncommon content word), the strength of the
//! wording two passages share, and the longest run they share, to show it. Outlets repeat a
//! statement's own words, quoted or copied: that ties two passages to one event even without
//! quotation marks around them.

use super::anchors::STRONG_QUOTE;
use super::gates::SHARED_RUN;
use crate::extract::Corpus;
use crate::model::PassageRef;

/// Words in a row that make two passages' wording one quote or one copied sentence.
const SAME_QUOTE_RUN: usize = 6;

/// The longest run of words two passages share (folded, punctuation ignored), as the first
/// passage writes it, when it has at least four words of which two carry content, or six
/// with one uncommon content word; and its length in words.
pub(super) fn shared_run(corpus: &Corpus, a: PassageRef, b: PassageRef) -> Option<(String, usize)> {
    let table = crate::extract::frequency::frequencies();
    let text_of = |at: PassageRef| {
        let document = &corpus.documents[at.document.get()];
        let passage = &document.passages[at.passage.get()];
        &document.loaded.text[passage.start..passage.end]
    };
    let (ta, tb) = (text_of(a), text_of(b));
    let (wa, wb) = (crate::text::tokens(ta), crate::text::tokens(tb));
    let fold = |t: &crate::text::Token<'_>| crate::text::fold(t.text).replace(['’', '.'], "'");
    let (fa, fb): (Vec<String>, Vec<String>) =
        (wa.iter().map(fold).collect(), wb.iter().map(fold).collect());
    // Longest common run by dynamic programming over the two word lists.
    let mut best = (0usize, 0usize);
    let mut previous = vec![0usize; fb.len() + 1];
    for i in 1..=fa.len() {
        let mut current = vec![0usize; fb.len() + 1];
        for j in 1..=fb.len() {
            if fa[i - 1] == fb[j - 1] {
                current[j] = previous[j - 1] + 1;
                if current[j] > best.0 {
                    best = (current[j], i);
                }
            }
        }
        previous = current;
    }
    let (length, end) = best;
    let content = (end - length..end)
        .filter(|&i| carries_content(&fa[i], wa[i].text, table))
        .count();
    let uncommon = (end - length..end).any(|i| uncommon_content(&fa[i], wa[i].text, table));
    if !(length >= 4 && content >= CONTENT_IN_RUN || length >= SAME_QUOTE_RUN && uncommon) {
        return None;
    }
    // Shown without the function words at its ends ("and about 8,000 residents were
    // evacuated from").
    let (mut first, mut last) = (end - length, end - 1);
    const OPENERS: &[&str] = &[
        "and", "or", "but", "that", "which", "who", "so", "as", "while",
    ];
    const CLOSERS: &[&str] = &[
        "the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by",
        "from", "that", "as", "into", "than",
    ];
    while first < last && OPENERS.contains(&fa[first].as_str()) {
        first += 1;
    }
    while last > first && CLOSERS.contains(&fa[last].as_str()) {
        last -= 1;
    }
    let (start, stop) = (wa[first].start, wa[last].end);
    Some((crate::text::first_words(&ta[start..stop], 8), length))
}

/// Whether a word of a shared run says something of its own: rarer in English than
/// [`CONTENT_ZIPF`], written in lower case (a name is an anchor of its own), and not a
/// reporting word ("told reporters on Monday" is how news attributes, not what happened).
fn carries_content(
    folded: &str,
    written: &str,
    table: &crate::extract::frequency::Frequencies,
) -> bool {
    table.word(folded) < CONTENT_ZIPF
        && written.chars().next().is_some_and(char::is_lowercase)
        && !crate::extract::claims::is_reporting(folded)
        && !matches!(folded, "reporters" | "statement" | "interview")
        // Time scaffolding ("by the end of the year", "earlier this week").
        && !matches!(
            folded,
            "end" | "year" | "years" | "day" | "days" | "week" | "weeks" | "month" | "months"
                | "time" | "times" | "today" | "morning" | "evening" | "night" | "earlier" | "later"
        )
}

/// Words rarer than this in English (a Zipf value) carry content ("lied", "times").
const CONTENT_ZIPF: f32 = 5.8;

/// Words more frequent in English than this (a Zipf value) are function words: "in Sarnovec
/// and the" is a name, not wording.
const FUNCTION_ZIPF: f32 = 6.0;

/// A run of four words with this many content words is wording worth sharing.
const CONTENT_IN_RUN: usize = 2;

/// One word of a passage, as the runs of words see it.
struct RunWord {
    /// Uncommon in English (specificity above 0.3), whatever its case.
    uncommon: bool,
    /// Not a function word ("in", "and", "the").
    lexical: bool,
    /// A content word ([`carries_content`]).
    content: bool,
}

/// Hashes of the runs of `length` words of a passage (folded, punctuation ignored) that
/// `keep` accepts, sorted and without duplicates.
fn hashed_runs(
    corpus: &Corpus,
    node: PassageRef,
    length: usize,
    keep: impl Fn(&[RunWord]) -> bool,
) -> Vec<u64> {
    use std::hash::{Hash, Hasher};
    let document = &corpus.documents[node.document.get()];
    let passage = &document.passages[node.passage.get()];
    let text = &document.loaded.text[passage.start..passage.end];
    let (words, seen) = run_words(text);
    let mut out: Vec<u64> = words
        .windows(length)
        .zip(seen.windows(length))
        .filter(|(_, run)| keep(run))
        .map(|(w, _)| {
            let mut hasher = std::collections::hash_map::DefaultHasher::new();
            w.hash(&mut hasher);
            hasher.finish()
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Hashes of the runs of four words of a passage that hold an uncommon word or two content
/// words: a run of several such words in two sources is the same wording, quoted or copied.
pub(super) fn shingles(corpus: &Corpus, node: PassageRef) -> Vec<u64> {
    hashed_runs(corpus, node, 4, is_wording)
}

/// The words of a text (folded, punctuation ignored) and what each says as part of a run.
fn run_words(text: &str) -> (Vec<String>, Vec<RunWord>) {
    let table = crate::extract::frequency::frequencies();
    let tokens = crate::text::tokens(text);
    let words: Vec<String> = tokens
        .iter()
        .map(|t| crate::text::fold(t.text).replace(['’', '.'], "'"))
        .collect();
    let seen: Vec<RunWord> = words
        .iter()
        .zip(&tokens)
        .map(|(w, t)| RunWord {
            uncommon: crate::extract::frequency::specificity(table.word(w)) > 0.3,
            lexical: table.word(w) < FUNCTION_ZIPF,
            content: carries_content(w, t.text, table),
        })
        .collect();
    (words, seen)
}

/// Whether a run of four words is wording worth sharing: an uncommon word among at least
/// two that are not function words, or two content words. "in Tarnow and the" is a name
/// (an anchor of its own) among function words.
fn is_wording(run: &[RunWord]) -> bool {
    run.iter().any(|w| w.uncommon) && run.iter().filter(|w| w.lexical).count() >= 2
        || run.iter().filter(|w| w.content).count() >= CONTENT_IN_RUN
}

/// Hashes of the runs of [`SAME_QUOTE_RUN`] words of a passage that hold an uncommon
/// content word ([`uncommon_content`]): the same six words in a row in two sources are one
/// quote or one copied sentence, however plain the other words ("this is a quarrel we mean
/// to win"). "by the end of the year" or "said President Varga on Monday that" are how news
/// is written, not what it says.
pub(super) fn long_runs(corpus: &Corpus, node: PassageRef) -> Vec<u64> {
    hashed_runs(corpus, node, SAME_QUOTE_RUN, |run| {
        run.iter().any(|w| w.content && w.uncommon)
    })
}

/// A content word ([`carries_content`]) that is also uncommon in English ("quarrel", not
/// "end" or "fight").
fn uncommon_content(
    folded: &str,
    written: &str,
    table: &crate::extract::frequency::Frequencies,
) -> bool {
    carries_content(folded, written, table)
        && crate::extract::frequency::specificity(table.word(folded)) > 0.3
}

/// Whether two sorted hash lists share an entry.
pub(super) fn share_any(a: &[u64], b: &[u64]) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

/// The strength of shared wording: a run of six or more words (three shared four-word
/// runs) is a strong anchor, a run of four or five one anchor.
pub(super) fn wording_anchor(a: &[u64], b: &[u64]) -> f32 {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    match shared {
        0 => 0.0,
        1 => 1.0,
        2 => SHARED_RUN,
        _ => STRONG_QUOTE,
    }
}

#[cfg(test)]
mod tests {
    use super::{is_wording, run_words, uncommon_content};

    #[test]
    fn a_name_among_function_words_is_not_wording() {
        let wording = |text: &str| is_wording(&run_words(text).1);
        assert!(!wording("in Tarnow and the"));
        assert!(wording("the Tarnow harbour levy"));
        assert!(wording("flooded homes were demolished"));
    }

    #[test]
    fn six_plain_words_need_an_uncommon_content_word_to_be_a_quote() {
        let table = crate::extract::frequency::frequencies();
        // "by the end of the year", "this is a fight we want": how news is written.
        for word in ["end", "year", "fight", "want"] {
            assert!(!uncommon_content(word, word, table), "{word}");
        }
        assert!(uncommon_content("quarrel", "quarrel", table));
        // A name is an anchor of its own, not wording.
        assert!(!uncommon_content("varga", "Varga", table));
    }
}
