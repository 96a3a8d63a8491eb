//! Stage 4, align: passages of different documents that report the same event become one
//! event.
//!
//! 1. Every passage becomes a sparse TF-IDF vector over its content terms, resolved entities
//!    (weighted up: who and where separate near-miss events better than verbs), dates and
//!    quantities.
//! 2. Candidate partners come from an inverted index: a passage is only scored against
//!    passages that share a feature with it, never against the whole corpus, and keeps its
//!    top `k` partners in other documents.
//! 3. A pair's weight mixes the passage cosine with the similarity of the two whole documents
//!    (articles on the same story share their cast), and is lowered when the pair's dates
//!    conflict.
//! 4. Average-link clustering groups the passages; a group that spans two or more documents
//!    is an event. Order in the articles plays no part, so events told in a different order
//!    still align.

pub mod cluster;
pub mod label;
mod parallel;

use label::central::central_label;
pub use label::central::label;

use crate::extract::{Corpus, PassageFeatures};
use crate::model::{DocId, Evidence, EvidenceKind, PassageId, PassageRef, PassageRole};
use crate::progress::{Cancelled, Progress};
use crate::settings::Settings;
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};

/// An event before it is numbered: its passages and why they were grouped.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AlignedEvent {
    pub passages: Vec<PassageRef>,
    pub evidence: Vec<Evidence>,
    pub cohesion: f32,
    pub label: String,
    pub date: Option<String>,
    /// Whether a user correction changed this event.
    pub edited: bool,
    /// How sure alignment is that this is one event (0 to 1).
    pub confidence: f32,
    /// The specific anchors its passages share.
    pub anchors: Vec<crate::model::Anchor>,
}

impl AlignedEvent {
    /// The distinct documents of the event, in order.
    pub fn documents(&self) -> Vec<DocId> {
        let mut documents: Vec<DocId> = self.passages.iter().map(|p| p.document).collect();
        documents.sort();
        documents.dedup();
        documents
    }
}

/// The result of alignment.
#[derive(Debug, Clone, PartialEq)]
pub struct Alignment {
    pub events: Vec<AlignedEvent>,
    /// For every passage, its best weight with a passage of another document, whether or
    /// not that pair had the anchors to be linked.
    pub best_partner: Vec<Vec<f32>>,
    /// For every passage, the most anchor strength it shares with a passage of another
    /// document (0 when none): a fact another source reports in other words still shares
    /// its numbers, names or rare words.
    pub best_support: Vec<Vec<f32>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum FeatureKind {
    Term,
    Entity,
    Date,
    Quantity,
    /// Who did what: a subject entity with its predicate ("7>withdraw"), or a predicate with
    /// its object entity ("withdraw>7").
    Claim,
}

/// Interned features: the vocabulary of the whole corpus.
struct Features {
    ids: HashMap<(FeatureKind, String), u32>,
    names: Vec<(FeatureKind, String)>,
}

impl Features {
    fn id(&mut self, kind: FeatureKind, name: String) -> u32 {
        let next = self.names.len() as u32;
        *self.ids.entry((kind, name.clone())).or_insert_with(|| {
            self.names.push((kind, name));
            next
        })
    }
}

fn kind_weight(kind: FeatureKind) -> f32 {
    match kind {
        FeatureKind::Term => 1.0,
        FeatureKind::Entity => 1.6,
        FeatureKind::Date => 1.2,
        FeatureKind::Quantity => 1.2,
        FeatureKind::Claim => 1.2,
    }
}

/// A sparse vector, sorted by feature id.
type Sparse = Vec<(u32, f32)>;

fn dot(a: &Sparse, b: &Sparse) -> f32 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

fn normalise(vector: &mut Sparse) {
    let norm = vector.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    if norm > 0.0 {
        for (_, w) in vector.iter_mut() {
            *w /= norm;
        }
    }
}

fn raw_features(features: &PassageFeatures, vocabulary: &mut Features) -> Vec<u32> {
    let mut ids = Vec::new();
    for (_, term) in &features.terms {
        ids.push(vocabulary.id(FeatureKind::Term, term.clone()));
    }
    for entity in &features.entities {
        ids.push(vocabulary.id(FeatureKind::Entity, entity.get().to_string()));
    }
    for date in &features.dates {
        if date.date.month.is_some() || date.date.day.is_none() {
            ids.push(vocabulary.id(FeatureKind::Date, date.date.iso()));
        }
    }
    for quantity in &features.quantities {
        ids.push(vocabulary.id(
            FeatureKind::Quantity,
            format!(
                "{}:{}",
                quantity.unit,
                crate::text::format_value(quantity.value)
            ),
        ));
        // The counted thing alone: two sources that count the same thing with different
        // numbers report the same fact (and disagree on it).
        if !quantity.unit.is_empty() {
            ids.push(vocabulary.id(FeatureKind::Quantity, format!("{}:*", quantity.unit)));
        }
    }
    for claim in &features.claims {
        if claim.modal
            || claim.copula
            || crate::extract::claims::is_reporting(&claim.word)
            || matches!(
                claim.predicate.as_str(),
                "have" | "be" | "do" | "get" | "say" | "make"
            )
        {
            continue;
        }
        if let Some(entity) = claim.subject.as_ref().and_then(|s| s.entity) {
            ids.push(vocabulary.id(
                FeatureKind::Claim,
                format!("{}>{}", entity.get(), claim.predicate),
            ));
        }
        if let Some(entity) = claim.object.as_ref().and_then(|o| o.entity) {
            ids.push(vocabulary.id(
                FeatureKind::Claim,
                format!("{}>{}", claim.predicate, entity.get()),
            ));
        }
    }
    ids
}

/// The counted thing of a quantity with the predicate it is the subject or object of, as a
/// feature name: "homes:*>flood" for "340 homes were flooded" and "flooded 430 houses".
/// People counted by their fate ("12 people died", "evacuated 4,100 people") count as people.
fn counted_fact(
    quantity: &crate::extract::quantities::Quantity,
    claims: &[crate::extract::claims::ClaimFeature],
) -> Option<String> {
    if quantity.unit.is_empty() || quantity.ordinal {
        return None;
    }
    let unit = fact_unit(&quantity.unit);
    let claim = claims.iter().find(|c| {
        [&c.subject, &c.object, &c.oblique]
            .into_iter()
            .flatten()
            .any(|argument| {
                argument.start < quantity.end
                    && quantity.start < argument.full_end.max(argument.end)
            })
            && !c.modal
            && !crate::extract::claims::is_reporting(&c.word)
            && !matches!(
                c.predicate.as_str(),
                "have" | "be" | "do" | "get" | "say" | "make"
            )
    })?;
    Some(format!("{unit}:*>{}", claim.predicate))
}

/// The counted thing of a counted fact: people counted by their fate count as people.
fn fact_unit(unit: &str) -> &str {
    if crate::extract::quantities::FATES.contains(&unit) {
        "people"
    } else {
        unit
    }
}

/// The counted facts of a passage with their figures.
type CountedFacts = Vec<(u32, (f64, f64))>;

/// Whether two passages give near figures for counted fact `id` (or `id` is not one): the
/// larger at most `NEAR_FIGURES` times the smaller. A vague count ("hundreds of homes") is
/// near any figure near its range.
fn near_figures(id: u32, a: &CountedFacts, b: &CountedFacts) -> bool {
    let ranges = |facts: &CountedFacts| -> Vec<(f64, f64)> {
        facts
            .iter()
            .filter(|(fact, _)| *fact == id)
            .map(|(_, range)| *range)
            .collect()
    };
    let (xs, ys) = (ranges(a), ranges(b));
    xs.is_empty()
        || xs.iter().any(|&(x_low, x_high)| {
            ys.iter().any(|&(y_low, y_high)| {
                x_low > 0.0
                    && y_low > 0.0
                    && x_low <= NEAR_FIGURES * y_high
                    && y_low <= NEAR_FIGURES * x_high
            })
        })
}

/// A feature used in this many passages of a typical document is a member of the story's
/// cast or its topic rather than a detail of one event: its anchor strength falls as
/// `REPEATED_IN / uses`.
const REPEATED_IN: f32 = 2.0;
/// The weight a word common in English keeps in the passage vectors. Alignment needs its
/// anchors from rare words and names; the common words still tell a paraphrase from an
/// unrelated sentence that shares a name, so they are damped, not dropped.
const COMMON_TERM_WEIGHT: f32 = 0.5;
/// The weight of a counted thing with what happened to it ("homes … flooded"), whatever the
/// figures.
const COUNTED_FACT: f32 = 1.0;
/// Two figures of one counted fact are near when the larger is at most this many times the
/// smaller.
const NEAR_FIGURES: f64 = 1.5;
/// Anchors weaker than this are not anchors at all.
const MIN_ANCHOR: f32 = 0.35;
/// Two passages join only when their shared anchors add up to this much ...
const ANCHOR_SUM: f32 = 1.5;
/// Anchors that are only names and rare words (no number, date or shared wording) must add
/// up to this much.
const SOFT_ANCHOR_SUM: f32 = 2.0;
/// ... over at least this many distinct anchors (a shared quote counts as one).
const ANCHOR_COUNT: usize = 2;
/// Passages this alike (cosine of their weighted vectors) count their likeness as one
/// anchor.
const ALIKE: f32 = 0.45;
/// A shared run of five words with content (two four-word runs) is enough on its own:
/// outlets repeat a statement's own words.
const SHARED_RUN: f32 = 1.5;
/// The anchor support of a pair of sentences at the same place of two parallel versions.
const PARALLEL_SUPPORT: f32 = 2.0;
/// A shared quote this strong is enough on its own.
const STRONG_QUOTE: f32 = 2.0;

/// How much each feature can say about which event a passage reports, from general English
/// alone: common words nothing, rare words and names everything.
fn background_weights(vocabulary: &Features, term_zipf: &[f32], common: f32) -> Vec<f32> {
    vocabulary
        .names
        .iter()
        .enumerate()
        .map(|(id, (kind, name))| match kind {
            FeatureKind::Term => crate::extract::frequency::specificity(term_zipf[id]).max(common),
            FeatureKind::Entity => 1.0,
            // Year-only dates ("in 2010") date many happenings of a story.
            FeatureKind::Date if !name.contains('-') => 0.5,
            FeatureKind::Date => 1.0,
            FeatureKind::Claim => 1.0,
            FeatureKind::Quantity => {
                let (unit, value) = name.split_once(':').unwrap_or(("", name));
                if value == "*" {
                    return 0.6;
                }
                if value.starts_with("*>") {
                    return COUNTED_FACT;
                }
                let small = value.parse::<f64>().is_ok_and(|v| v.abs() <= 10.0);
                match (unit.is_empty(), small) {
                    (false, false) => 1.0,
                    (true, false) | (false, true) => 0.6,
                    (true, true) => 0.3,
                }
            }
        })
        .collect()
}

/// How specific a feature is to one part of this story: a name or word that most passages
/// share (the story's protagonist, its topic) says nothing about which event a passage
/// reports. 1 up to 15% of the passages, 0 from 40%.
fn corpus_specificity(passage_df: u32, passages_total: f32, documents_total: f32) -> f32 {
    // How many passages of a typical document use the feature: once is an event's detail,
    // three times or more a member of the story's cast or its topic.
    let per_document = passage_df as f32 / documents_total.max(1.0);
    let by_repetition = (REPEATED_IN / per_document.max(1.0)).min(1.0);
    // In a longer comparison, a feature in most passages is the topic; in two short
    // articles every shared feature is in half the passages, so the share only counts
    // beyond a floor of a few passages per document.
    let share = passage_df as f32 / passages_total;
    let floor = (4.0 * documents_total / passages_total).max(0.15);
    let by_share = if share <= floor {
        1.0
    } else {
        ((0.4_f32.max(floor + 0.25) - share) / 0.25).clamp(0.0, 1.0)
    };
    by_repetition.min(by_share)
}

/// The anchors two passages share, with their strengths.
fn shared_anchors(a: &[(u32, f32)], b: &[(u32, f32)]) -> Vec<(u32, f32)> {
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

/// The strength of the best quote two passages share: 2 for a shared quote of several
/// words, 1 for two or more shared uncommon words inside quotes, else 0.
fn quote_anchor(a: &PassageFeatures, b: &PassageFeatures) -> f32 {
    let table = crate::extract::frequency::frequencies();
    let mut best: f32 = 0.0;
    for x in &a.quotes {
        for y in &b.quotes {
            let xs: std::collections::BTreeSet<&str> = x
                .words
                .iter()
                .map(String::as_str)
                .filter(|w| w.chars().count() >= 3)
                .collect();
            let ys: std::collections::BTreeSet<&str> = y
                .words
                .iter()
                .map(String::as_str)
                .filter(|w| w.chars().count() >= 3)
                .collect();
            let shared: Vec<&str> = xs.intersection(&ys).copied().collect();
            let uncommon = shared
                .iter()
                .filter(|w| crate::extract::frequency::specificity(table.word(w)) > 0.3)
                .count();
            let smaller = xs.len().min(ys.len()).max(1);
            // A long quote given word for word is one quote however plain its words ("no
            // one who has lost a home will be left to face this alone").
            let verbatim = shared.len() >= VERBATIM_WORDS && shared.len() * 10 >= smaller * 9;
            let strength = if verbatim
                || shared.len() >= 5 && shared.len() * 10 >= smaller * 6 && uncommon >= 2
            {
                STRONG_QUOTE
            } else if uncommon >= 2 {
                1.0
            } else {
                0.0
            };
            best = best.max(strength);
        }
    }
    best
}

/// Distinct words (of three letters or more) that two quotes share, nine in ten of the
/// shorter one's, to be one quote whatever the words.
const VERBATIM_WORDS: usize = 8;

/// Words in a row that make two passages' wording one quote or one copied sentence.
const SAME_QUOTE_RUN: usize = 6;

/// How many pairs of an event's passages are searched for a shared run of words.
const RUN_PAIRS: usize = 40;

/// The longest run of words two passages share (folded, punctuation ignored), as the first
/// passage writes it, when it has at least four words of which two carry content, or six
/// with one uncommon content word; and its length in words.
fn shared_run(corpus: &Corpus, a: PassageRef, b: PassageRef) -> Option<(String, usize)> {
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

/// How alike a headline and a lead must be to join on the story's cast alone.
const LEAD_LIKENESS: f32 = 0.2;

/// The feature ids two raw feature lists share.
fn shared_ids<'a>(a: &'a [u32], b: &'a [u32]) -> impl Iterator<Item = u32> + 'a {
    let set: std::collections::BTreeSet<u32> = b.iter().copied().collect();
    let mut own: Vec<u32> = a.to_vec();
    own.sort_unstable();
    own.dedup();
    own.into_iter().filter(move |id| set.contains(id))
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
fn shingles(corpus: &Corpus, node: PassageRef) -> Vec<u64> {
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
fn long_runs(corpus: &Corpus, node: PassageRef) -> Vec<u64> {
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
fn share_any(a: &[u64], b: &[u64]) -> bool {
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
fn wording_anchor(a: &[u64], b: &[u64]) -> f32 {
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

/// Whether shared anchors are event-level evidence: one strong quote, or at least two
/// specific anchors that add up.
/// The highest confidence of an event whose shared anchors are all words.
const WORDS_ONLY_CONFIDENCE: f32 = 0.55;
/// Demonyms and party adjectives ("African", "Western", "Democratic", "Republicans") are
/// capitalised words, not named participants.
fn demonym(anchor: &crate::model::Anchor) -> bool {
    anchor.kind == EvidenceKind::Entity
        && !anchor.text.contains(' ')
        && ["an", "ern", "ese", "ish", "ic", "crat", "crats", "ans"]
            .iter()
            .any(|end| anchor.text.to_lowercase().ends_with(end))
}

/// The highest confidence of an event held by one name and words.
const ONE_NAME_CONFIDENCE: f32 = 0.7;

/// Two content words this close (from the start of one to the start of the next, in bytes)
/// are one phrase.
const PHRASE_SPAN: usize = 24;

/// Pairs of adjacent content words of a passage, as feature ids (smaller first).
type Phrases = std::collections::HashSet<(u32, u32)>;

/// Shared anchors with each phrase that both passages share counted once: of two adjacent
/// words found adjacent in both, the weaker is dropped.
fn one_per_phrase(mut shared: Vec<(u32, f32)>, (a, b): (&Phrases, &Phrases)) -> Vec<(u32, f32)> {
    let mut dropped: Vec<u32> = Vec::new();
    for (i, &(x, sx)) in shared.iter().enumerate() {
        for &(y, sy) in &shared[i + 1..] {
            let key = (x.min(y), x.max(y));
            if a.contains(&key) && b.contains(&key) {
                dropped.push(if sx < sy { x } else { y });
            }
        }
    }
    shared.retain(|(id, _)| !dropped.contains(id));
    shared
}

/// A passage that names this many people is a roster (a list of rivals, a poll's ranking).
const ROSTER: usize = 4;

/// Keeps the strongest of the shared anchors that `person` marks and drops the others.
fn one_person(shared: &mut Vec<(u32, f32)>, person: impl Fn(u32) -> bool) {
    let best = shared
        .iter()
        .filter(|(id, _)| person(*id))
        .max_by(|x, y| x.1.total_cmp(&y.1).then(y.0.cmp(&x.0)))
        .map(|(id, _)| *id);
    shared.retain(|(id, _)| !person(*id) || Some(*id) == best);
}

fn enough_anchors(shared: &[(u32, f32)], quote: f32) -> bool {
    if quote >= SHARED_RUN {
        return true;
    }
    let count = shared.len() + usize::from(quote > 0.0);
    let sum: f32 = shared.iter().map(|(_, s)| s).sum::<f32>() + quote;
    count >= ANCHOR_COUNT && sum >= ANCHOR_SUM
}

/// Names in title-case headings. Extraction cannot tell names from other capitalised words
/// there ("Harbour Pilots Keep Pressure on Varga"), so a heading word that names exactly one
/// person, organisation or place of the comparison (an uncommon English word, written
/// capitalised in its articles) stands for that entity.
fn heading_entities(corpus: &Corpus, nodes: &[PassageRef]) -> Vec<Vec<crate::model::EntityId>> {
    use crate::model::EntityKind;
    let table = crate::extract::frequency::frequencies();
    let mut by_word: HashMap<String, Vec<usize>> = HashMap::new();
    for (index, entity) in corpus.entities.iter().enumerate() {
        if entity.kind == EntityKind::Other || entity.mentions.len() < 2 {
            continue;
        }
        for alias in &entity.aliases {
            for word in alias.split(|c: char| !c.is_alphanumeric()) {
                let folded = crate::text::fold(word);
                if word.chars().count() >= 3
                    && word.chars().next().is_some_and(char::is_uppercase)
                    && crate::extract::frequency::specificity(table.word(&folded)) > 0.3
                {
                    let list = by_word.entry(folded).or_default();
                    if !list.contains(&index) {
                        list.push(index);
                    }
                }
            }
        }
    }
    nodes
        .iter()
        .map(|node| {
            let document = &corpus.documents[node.document.get()];
            let passage = &document.passages[node.passage.get()];
            if passage.role != PassageRole::Heading {
                return Vec::new();
            }
            let own = &document.features[node.passage.get()].entities;
            let mut found: Vec<crate::model::EntityId> =
                crate::text::tokens(&document.loaded.text[passage.start..passage.end])
                    .iter()
                    .filter_map(|t| {
                        let folded = crate::text::fold(t.text);
                        let folded = folded.strip_suffix("'s").unwrap_or(&folded);
                        match by_word.get(folded).map(Vec::as_slice) {
                            Some([one]) => Some(crate::model::EntityId(*one)),
                            _ => None,
                        }
                    })
                    .filter(|e| !own.contains(e))
                    .collect();
            found.sort();
            found.dedup();
            found
        })
        .collect()
}

/// Verbs whose subject, or whose name right after ("said X"), is the one speaking: the quote
/// attribution verbs and the speech verbs that cue a speaker's name.
fn speaking(word: &str) -> bool {
    crate::extract::ATTRIBUTION_VERBS.contains(&word)
        || crate::extract::entities::is_speech_verb(word)
}

/// Who speaks in a passage: the people and organisations named as the subject of a speech
/// verb ("Varga said", "Varga, a senator, said", "said Varga", "according to Varga")
/// and the confident speakers of its quotes. Never the listener of "told".
fn passage_speakers(corpus: &Corpus, node: PassageRef) -> Vec<crate::model::EntityId> {
    use crate::model::EntityKind;
    let document = &corpus.documents[node.document.get()];
    let features = &document.features[node.passage.get()];
    let text = document.loaded.text.as_str();
    let word_at = |rest: &str| -> String {
        let rest = rest.trim_start();
        crate::text::fold(
            &rest
                .chars()
                .take_while(|c| c.is_alphanumeric())
                .collect::<String>(),
        )
    };
    let mut out: Vec<crate::model::EntityId> = features
        .quotes
        .iter()
        .filter(|q| q.speaker_confident)
        .filter_map(|q| q.speaker)
        .collect();
    for &m in &features.mentions {
        let entity = corpus.mention_entities[m];
        if !matches!(
            corpus.entities[entity.get()].kind,
            EntityKind::Person | EntityKind::Organisation
        ) {
            continue;
        }
        let mention = &corpus.mentions[m].mention;
        let rest = &text[mention.end.min(text.len())..];
        // Skip appositions: "Varga, D-Ore., the senior member of the panel, said",
        // "Landau (D-Ore.) said".
        let mut rest = rest;
        for _ in 0..3 {
            let trimmed = rest.trim_start();
            let close = match trimmed.chars().next() {
                Some('(') => trimmed.find(')'),
                Some(',') => trimmed[1..].find(',').map(|i| i + 1),
                _ => break,
            };
            match close {
                Some(close) if close <= 60 => rest = &trimmed[close + 1..],
                _ => break,
            }
        }
        // One adverb may stand between the speaker and the verb ("Varga sternly told").
        let mut after = word_at(rest);
        let trimmed = rest.trim_start();
        let end = trimmed
            .char_indices()
            .find(|(_, c)| !c.is_alphanumeric())
            .map_or(trimmed.len(), |(i, _)| i);
        if adverb(&trimmed[..end]) {
            let next = word_at(&trimmed[end..]);
            if speaking(&next) {
                after = next;
            }
        }
        let (before, word_start) = crate::extract::word_before_role(text, mention.start);
        let ahead = text[..word_start].trim_end();
        let according = before == "to" && ahead.to_lowercase().ends_with("according");
        // "said X" names the speaker only after a quote or a clause (`…," said X`); in "Trump
        // said the FBI ruined…" the FBI is what is spoken about.
        let inverted = ahead.ends_with([',', '”', '"', '’', '\'']);
        let named_after_verb =
            (speaking(&before) && !matches!(before.as_str(), "told" | "tells") && inverted)
                || according;
        let speaks = speaking(&after) || named_after_verb;
        if speaks {
            // "said Vellmar coach Ruben Castellanos": the person, not the team before the
            // title.
            let person = features
                .mentions
                .iter()
                .filter(|_| named_after_verb)
                .filter(|&&other| {
                    corpus.mention_entities[other] != entity
                        && corpus.entities[corpus.mention_entities[other].get()].kind
                            == EntityKind::Person
                        && crate::extract::title_between(
                            text,
                            mention.end,
                            corpus.mentions[other].mention.start,
                        )
                })
                .map(|&other| corpus.mention_entities[other])
                .next();
            out.push(person.unwrap_or(entity));
        }
    }
    // "she wrote on Twitter", "…," he said: the speaker is the person last named before
    // the pronoun, in this sentence or the two before it.
    if out.is_empty()
        && let Some(at) = pronoun_speaker(
            text,
            document.passages[node.passage.get()].start..document.passages[node.passage.get()].end,
        )
    {
        let first = node.passage.get().saturating_sub(2);
        let named = (first..=node.passage.get())
            .flat_map(|p| document.features[p].mentions.iter().copied())
            .filter(|&m| {
                corpus.mentions[m].mention.end <= at
                    && corpus.entities[corpus.mention_entities[m].get()].kind == EntityKind::Person
            })
            .max_by_key(|&m| corpus.mentions[m].mention.end);
        if let Some(m) = named {
            out.push(corpus.mention_entities[m]);
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Whether a word as written is an adverb that may stand between a speaker and the verb
/// ("also", "later"; "sternly", "flatly": lower case, ending in "-ly", and not one of the
/// nouns that end so, as in "the Varga family said").
fn adverb(written: &str) -> bool {
    matches!(
        written,
        "also" | "later" | "then" | "again" | "earlier" | "once"
    ) || written.chars().count() > 4
        && written.starts_with(char::is_lowercase)
        && written.ends_with("ly")
        && !matches!(
            written,
            "family" | "assembly" | "ally" | "rally" | "supply" | "bully" | "monopoly" | "anomaly"
        )
}

/// The byte offset of "he" or "she" as the subject of a speech verb in a passage ("she
/// wrote", "he told reporters", "…," she said).
fn pronoun_speaker(text: &str, range: std::ops::Range<usize>) -> Option<usize> {
    let tokens = crate::text::tokens(&text[range.clone()]);
    let folded: Vec<String> = tokens.iter().map(|t| crate::text::fold(t.text)).collect();
    (0..folded.len()).find_map(|i| {
        if !matches!(folded[i].as_str(), "he" | "she") {
            return None;
        }
        // "she said", or with one adverb between: "she sternly told".
        let verb = match tokens.get(i + 1) {
            Some(t) if adverb(t.text) => folded.get(i + 2),
            _ => folded.get(i + 1),
        };
        verb.is_some_and(|w| speaking(w))
            .then_some(range.start + tokens[i].start)
    })
}

/// The weekdays a passage names ("said on Friday", "Sunday's vote"), one bit each.
fn weekdays(corpus: &Corpus, node: PassageRef) -> u8 {
    let document = &corpus.documents[node.document.get()];
    let passage = &document.passages[node.passage.get()];
    let mut mask = 0u8;
    for token in crate::text::tokens(&document.loaded.text[passage.start..passage.end]) {
        let word = token.text.trim_end_matches("'s").trim_end_matches("’s");
        if let Some(day) = crate::calendar::weekday_number(word) {
            mask |= 1 << day;
        }
    }
    mask
}

/// Whether two passages date their content differently (full dates, none compatible).
fn dates_conflict(a: &PassageFeatures, b: &PassageFeatures) -> bool {
    let is_day = |d: &&crate::extract::DateFeature| d.date.day.is_some() && d.date.month.is_some();
    let mut days_a = a.dates.iter().filter(is_day).peekable();
    if days_a.peek().is_none() || !b.dates.iter().any(|d| is_day(&d)) {
        return false;
    }
    !days_a.any(|x| {
        b.dates
            .iter()
            .filter(is_day)
            .any(|y| x.date.compatible(&y.date))
    })
}

/// Groups the passages of the corpus into events.
pub fn align(
    corpus: &Corpus,
    settings: &Settings,
    progress: &Progress,
) -> Result<Alignment, Cancelled> {
    // Nodes: every passage that can carry an event (body text and headings).
    let mut nodes: Vec<PassageRef> = Vec::new();
    for (d, document) in corpus.documents.iter().enumerate() {
        for passage in &document.passages {
            if passage.role != PassageRole::Boilerplate {
                nodes.push(PassageRef {
                    document: DocId(d),
                    passage: passage.index,
                });
            }
        }
    }
    let features_of = |node: &PassageRef| -> &PassageFeatures {
        &corpus.documents[node.document.get()].features[node.passage.get()]
    };
    let mut vocabulary = Features {
        ids: HashMap::new(),
        names: Vec::new(),
    };
    let heading_names = heading_entities(corpus, &nodes);
    let stemmer = crate::extract::terms::Stemmer::new();
    let raw: Vec<Vec<u32>> = nodes
        .iter()
        .zip(&heading_names)
        .map(|(node, names)| {
            let mut ids = raw_features(features_of(node), &mut vocabulary);
            for entity in names {
                ids.push(vocabulary.id(FeatureKind::Entity, entity.get().to_string()));
            }
            ids
        })
        .collect();
    // The counted facts of each passage ("340 homes were flooded" / "flooded 430 houses":
    // one fact, whatever the figures), with their figures. They are anchors only: they add
    // nothing to the passage and document vectors that cosine and the document prior read.
    let node_facts: Vec<CountedFacts> = nodes
        .iter()
        .map(|node| {
            let features = features_of(node);
            let mut facts = Vec::new();
            for quantity in &features.quantities {
                if let Some(fact) = counted_fact(quantity, &features.claims) {
                    let (low, high) = quantity.range();
                    facts.push((
                        vocabulary.id(FeatureKind::Quantity, fact),
                        (low.abs(), high.abs()),
                    ));
                }
            }
            facts
        })
        .collect();
    let feature_count = vocabulary.names.len();

    // Passage-level and document-level document frequencies.
    let mut passage_df = vec![0u32; feature_count];
    let mut document_df = vec![0u32; feature_count];
    let mut document_terms: Vec<BTreeMap<u32, f32>> = vec![BTreeMap::new(); corpus.documents.len()];
    for ((node, ids), facts) in nodes.iter().zip(&raw).zip(&node_facts) {
        let mut distinct: Vec<u32> = ids
            .iter()
            .copied()
            .chain(facts.iter().map(|f| f.0))
            .collect();
        distinct.sort_unstable();
        distinct.dedup();
        for &id in &distinct {
            passage_df[id as usize] += 1;
        }
        let counts = &mut document_terms[node.document.get()];
        for &id in ids {
            *counts.entry(id).or_default() += 1.0;
        }
    }
    for counts in &document_terms {
        for &id in counts.keys() {
            document_df[id as usize] += 1;
        }
    }
    let passages_total = nodes.len().max(1) as f32;
    let documents_total = corpus.documents.len().max(1) as f32;
    let idf = |df: u32, total: f32| ((total - df as f32 + 0.5) / (df as f32 + 0.5)).ln_1p();
    // What each feature can say about an event, from general English and from this corpus.
    // The English frequency of each term: that of its most frequent written form here.
    let term_zipf = {
        let table = crate::extract::frequency::frequencies();
        let mut zipf = vec![crate::extract::frequency::UNLISTED_ZIPF; feature_count];
        for node in &nodes {
            let text = &corpus.documents[node.document.get()].loaded.text;
            for (at, stem) in &features_of(node).terms {
                let Some(&id) = vocabulary.ids.get(&(FeatureKind::Term, stem.clone())) else {
                    continue;
                };
                let word: String = text[*at..]
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '-')
                    .collect();
                let slot = &mut zipf[id as usize];
                *slot = slot.max(table.word(&crate::text::fold(&word)));
            }
        }
        zipf
    };
    let background = background_weights(&vocabulary, &term_zipf, COMMON_TERM_WEIGHT);
    // Anchors: a word common in English is never one.
    let anchor_strength: Vec<f32> = background_weights(&vocabulary, &term_zipf, 0.0)
        .into_iter()
        .enumerate()
        .map(|(id, weight)| {
            weight * corpus_specificity(passage_df[id], passages_total, documents_total)
        })
        .collect();
    // The title and the first two body sentences of each document.
    let is_lead: Vec<bool> = {
        let mut seen_body: HashMap<DocId, usize> = HashMap::new();
        let mut seen_title: std::collections::HashSet<DocId> = Default::default();
        nodes
            .iter()
            .map(|node| {
                let passage = &corpus.documents[node.document.get()].passages[node.passage.get()];
                match passage.role {
                    PassageRole::Heading => seen_title.insert(node.document),
                    _ => {
                        let count = seen_body.entry(node.document).or_default();
                        *count += 1;
                        *count <= 2
                    }
                }
            })
            .collect()
    };
    let background_anchor = background_weights(&vocabulary, &term_zipf, 0.0);

    // Adjacent content words of each passage ("military-technical spheres"): two words of
    // one phrase that both passages share are one anchor, not two independent ones.
    let node_phrases: Vec<Phrases> = nodes
        .iter()
        .map(|node| {
            let terms = &features_of(node).terms;
            terms
                .windows(2)
                .filter(|pair| pair[1].0 - pair[0].0 <= PHRASE_SPAN)
                .filter_map(|pair| {
                    let x = vocabulary
                        .ids
                        .get(&(FeatureKind::Term, pair[0].1.clone()))?;
                    let y = vocabulary
                        .ids
                        .get(&(FeatureKind::Term, pair[1].1.clone()))?;
                    Some((*x.min(y), *x.max(y)))
                })
                .collect()
        })
        .collect();
    // Passages that name many people: a roster, a list of rivals or a poll's ranking.
    let node_roster: Vec<bool> = nodes
        .iter()
        .map(|node| {
            let mut people: Vec<usize> = features_of(node)
                .entities
                .iter()
                .filter(|e| corpus.entities[e.get()].kind == crate::model::EntityKind::Person)
                .map(|e| e.get())
                .collect();
            people.sort_unstable();
            people.dedup();
            people.len() >= ROSTER
        })
        .collect();
    let node_shingles: Vec<Vec<u64>> = nodes.iter().map(|node| shingles(corpus, *node)).collect();
    let node_long_runs: Vec<Vec<u64>> = nodes.iter().map(|node| long_runs(corpus, *node)).collect();
    // Who did what: each claim's predicate with its named person or organisation subject.
    let node_actions: Vec<Vec<(&str, crate::model::EntityId)>> = nodes
        .iter()
        .map(|node| {
            features_of(node)
                .claims
                .iter()
                .filter(|c| {
                    !c.modal && !c.passive && !crate::extract::claims::is_reporting(&c.word)
                })
                .filter_map(|c| {
                    let entity = c.subject.as_ref()?.entity?;
                    matches!(
                        corpus.entities[entity.get()].kind,
                        crate::model::EntityKind::Person | crate::model::EntityKind::Organisation
                    )
                    .then_some((c.predicate.as_str(), entity))
                })
                .collect()
        })
        .collect();
    let node_weekdays: Vec<u8> = nodes.iter().map(|node| weekdays(corpus, *node)).collect();
    let node_speakers: Vec<Vec<crate::model::EntityId>> = nodes
        .iter()
        .map(|node| passage_speakers(corpus, *node))
        .collect();
    let node_anchors: Vec<Vec<(u32, f32)>> = raw
        .iter()
        .zip(nodes.iter().zip(&heading_names))
        .zip(&node_facts)
        .map(|((ids, (node, heading)), facts)| {
            // A name is one anchor: its words do not count again as terms.
            let name_stems: std::collections::HashSet<String> = features_of(node)
                .entities
                .iter()
                .chain(heading)
                .flat_map(|e| corpus.entities[e.get()].aliases.iter())
                .flat_map(|alias| {
                    alias
                        .split(|c: char| !c.is_alphanumeric())
                        .filter(|w| !w.is_empty())
                        .map(|w| stemmer.stem(&crate::text::fold(w)))
                        .collect::<Vec<_>>()
                })
                .collect();
            let mut anchors: Vec<(u32, f32)> = ids
                .iter()
                .chain(facts.iter().map(|(id, _)| id))
                .filter(|&&id| {
                    let (kind, name) = &vocabulary.names[id as usize];
                    *kind != FeatureKind::Term || !name_stems.contains(name)
                })
                .map(|&id| (id, anchor_strength[id as usize]))
                .filter(|(_, strength)| *strength >= MIN_ANCHOR)
                .collect();
            anchors.sort_by_key(|(id, _)| *id);
            anchors.dedup_by_key(|(id, _)| *id);
            anchors
        })
        .collect();

    let passage_vectors: Vec<Sparse> = raw
        .iter()
        .map(|ids| {
            let mut counts: BTreeMap<u32, f32> = BTreeMap::new();
            for &id in ids {
                *counts.entry(id).or_default() += 1.0;
            }
            let mut vector: Sparse = counts
                .into_iter()
                .map(|(id, tf)| {
                    let kind = vocabulary.names[id as usize].0;
                    let weight = (1.0 + tf.ln())
                        * idf(passage_df[id as usize], passages_total)
                        * kind_weight(kind)
                        * background[id as usize];
                    (id, weight)
                })
                .collect();
            normalise(&mut vector);
            vector
        })
        .collect();
    // Paragraph context: each sentence borrows a share of its paragraph's other sentences, so
    // that "He was acquitted on two further counts" stays with the verdict it follows.
    let vectors = paragraph_smoothing(&nodes, &passage_vectors, corpus, PARAGRAPH_SHARE);
    let document_vectors: Vec<Sparse> = document_terms
        .iter()
        .map(|counts| {
            let mut vector: Sparse = counts
                .iter()
                .map(|(&id, &tf)| {
                    let kind = vocabulary.names[id as usize].0;
                    (
                        id,
                        (1.0 + tf.ln())
                            * idf(document_df[id as usize], documents_total)
                            * kind_weight(kind)
                            * background[id as usize],
                    )
                })
                .collect();
            normalise(&mut vector);
            vector
        })
        .collect();
    progress.check()?;

    let started = std::time::Instant::now();
    // Inverted index with weights, skipping features so common that they say nothing.
    let max_postings = (nodes.len() / 20).max(64);
    let mut postings: Vec<Vec<(u32, f32)>> = vec![Vec::new(); feature_count];
    for (node_index, vector) in vectors.iter().enumerate() {
        for &(id, weight) in vector {
            postings[id as usize].push((node_index as u32, weight));
        }
    }
    // Impact order: the passages that lean hardest on a feature come first, and a query
    // reads at most POSTINGS_READ of them. This keeps the search linear in the corpus size
    // when a word is shared by thousands of passages.
    for list in &mut postings {
        list.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    }
    let k = settings.candidates_per_passage.max(1);
    progress.begin(crate::progress::Stage::Aligning, nodes.len());
    const POSTINGS_READ: usize = 128;
    // Each passage queries with its strongest features only; the weak ones rarely decide
    // who its best partners are, and they are what makes the search slow.
    const QUERY_FEATURES: usize = 16;
    let candidate_lists: Vec<Result<Vec<(u32, f32)>, Cancelled>> = (0..nodes.len())
        .into_par_iter()
        .map_init(
            || (Vec::<f32>::new(), Vec::<u32>::new()),
            |(scores, touched), node_index| {
                // rayon may call the initialiser once per split: grow lazily, once per thread.
                if scores.len() != nodes.len() {
                    *scores = vec![0.0f32; nodes.len()];
                }
                if node_index % 256 == 0 {
                    progress.check()?;
                }
                let own_document = nodes[node_index].document;
                let mut query: Vec<(u32, f32)> = vectors[node_index].clone();
                query.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
                query.truncate(QUERY_FEATURES);
                for &(id, weight) in &query {
                    let list = &postings[id as usize];
                    if list.len() > max_postings {
                        continue;
                    }
                    for &(other, other_weight) in list.iter().take(POSTINGS_READ) {
                        if nodes[other as usize].document == own_document {
                            continue;
                        }
                        let slot = &mut scores[other as usize];
                        if *slot == 0.0 {
                            touched.push(other);
                        }
                        *slot += weight * other_weight;
                    }
                }
                let mut ranked: Vec<(u32, f32)> = touched
                    .iter()
                    .map(|&other| (other, scores[other as usize]))
                    .collect();
                for &other in touched.iter() {
                    scores[other as usize] = 0.0;
                }
                touched.clear();
                // Keep the top k; rescore them exactly with the full vectors.
                ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
                ranked.truncate(k);
                for entry in &mut ranked {
                    entry.1 = dot(&vectors[node_index], &vectors[entry.0 as usize]);
                }
                ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
                progress.advance();
                Ok(ranked)
            },
        )
        .collect();
    if std::env::var_os("PARALLAX_TIMINGS").is_some() {
        eprintln!("  candidate lists in {:?}", started.elapsed());
    }
    let mut candidate_lists_ok = Vec::with_capacity(candidate_lists.len());
    for list in candidate_lists {
        candidate_lists_ok.push(list?);
    }

    // Edge weights.
    let mut edges = Vec::new();
    let mut best_partner: Vec<Vec<f32>> = corpus
        .documents
        .iter()
        .map(|d| vec![0.0; d.passages.len()])
        .collect();
    let mu = settings.document_context.max(0.0);
    // The summed anchor strength of every kept pair, for event confidence.
    let mut edge_support: HashMap<(usize, usize), f32> = HashMap::new();
    // Kept pairs with a shared number, date or who-did-what and strong anchors overall.
    let mut factual_edges: std::collections::HashSet<(usize, usize)> = Default::default();
    // Candidate pairs that share a name, number or date, linked or not.
    let mut anchored_pairs: Vec<(usize, usize)> = Vec::new();
    let mut best_support = best_partner.clone();
    // The document prior, from every candidate pair: documents far more alike than the
    // usual pair tell one story, which is itself an anchor for their passages.
    let candidate_edges: Vec<cluster::Edge> = candidate_lists_ok
        .iter()
        .enumerate()
        .flat_map(|(a, list)| {
            list.iter().map(move |&(b, weight)| cluster::Edge {
                a,
                b: b as usize,
                weight,
            })
        })
        .collect();
    let prior = document_prior(&document_vectors, &candidate_edges, &nodes, mu);
    drop(candidate_edges);
    let same_story = |a: usize, b: usize| {
        prior
            .as_ref()
            .is_some_and(|p| p.weight(nodes[a].document.get(), nodes[b].document.get()) > 0.0)
    };
    // A developer's trace of every candidate pair and why it was or was not linked.
    let debug_edges = std::env::var_os("PARALLAX_DEBUG_EDGES").is_some();
    for (a, list) in candidate_lists_ok.iter().enumerate() {
        for &(b, cosine) in list {
            let b = b as usize;
            let mut shared = one_per_phrase(
                shared_anchors(&node_anchors[a], &node_anchors[b]),
                (&node_phrases[a], &node_phrases[b]),
            );
            // A counted fact is one fact only when the figures are near each other ("340" /
            // "430 homes flooded"); "spent 4 seasons" and "spent 19 seasons" are two.
            shared.retain(|(id, _)| near_figures(*id, &node_facts[a], &node_facts[b]));
            // A shared counted fact is one anchor with its count: "340 homes" and "430
            // houses" do not count again as a count of homes. Its verb, when uncommon,
            // stays an anchor of its own.
            let facts: Vec<&str> = shared
                .iter()
                .filter_map(|(id, _)| {
                    let (kind, name) = &vocabulary.names[*id as usize];
                    (*kind == FeatureKind::Quantity)
                        .then(|| name.split_once(":*>").map(|(unit, _)| unit))
                        .flatten()
                })
                .collect();
            if !facts.is_empty() {
                shared.retain(|(id, _)| {
                    let (kind, name) = &vocabulary.names[*id as usize];
                    *kind != FeatureKind::Quantity
                        || !name
                            .strip_suffix(":*")
                            .is_some_and(|unit| facts.contains(&fact_unit(unit)))
                });
            }
            // The people a roster names are one anchor between them: "Carson, Cruz, Paul and
            // Rubio" in two passages says they are about the same field of candidates, not
            // about the same happening.
            if node_roster[a] || node_roster[b] {
                one_person(&mut shared, |id| {
                    let (kind, name) = &vocabulary.names[id as usize];
                    *kind == FeatureKind::Entity
                        && name.parse::<usize>().is_ok_and(|e| {
                            corpus.entities.get(e).is_some_and(|entity| {
                                entity.kind == crate::model::EntityKind::Person
                            })
                        })
                });
            }
            let quoted = quote_anchor(features_of(&nodes[a]), features_of(&nodes[b]));
            let mut quote = quoted.max(wording_anchor(&node_shingles[a], &node_shingles[b]));
            if share_any(&node_long_runs[a], &node_long_runs[b]) {
                quote = quote.max(STRONG_QUOTE);
            }
            let support: f32 = shared.iter().map(|(_, s)| s).sum::<f32>() + quote;
            for node in [a, b] {
                let (d, p) = (nodes[node].document.get(), nodes[node].passage.get());
                best_partner[d][p] = best_partner[d][p].max(cosine);
                best_support[d][p] = best_support[d][p].max(support);
            }
            // Event-level evidence: two independent specific anchors, or one shared quote.
            let story: f32 = if same_story(a, b) { 1.0 } else { 0.0 };
            // Passages alike in most of their wording need one specific anchor only.
            let alike = if cosine >= ALIKE { 1.0 } else { 0.0 };
            // Headlines and leads report a story's main event: between two of them, names
            // and uncommon words of the story's cast are evidence enough.
            let leads = is_lead[a]
                && is_lead[b]
                && cosine >= LEAD_LIKENESS
                && shared_ids(&raw[a], &raw[b])
                    .filter(|&id| background_anchor[id as usize] >= MIN_ANCHOR)
                    .count()
                    >= 2;
            if debug_edges {
                let text = |n: usize| {
                    let d = &corpus.documents[nodes[n].document.get()];
                    let p = &d.passages[nodes[n].passage.get()];
                    d.loaded.text[p.start..p.end]
                        .chars()
                        .take(if std::env::var_os("PARALLAX_DEBUG_FULL").is_some() {
                            2000
                        } else {
                            60
                        })
                        .collect::<String>()
                };
                let names: Vec<String> = shared
                    .iter()
                    .map(|(id, s)| format!("{}={s:.2}", vocabulary.names[*id as usize].1))
                    .collect();
                eprintln!(
                    "EDGE {a} {b} cos {cosine:.2} quote {quote:.1} story {story} leads {leads} spk {:?}/{:?} pass {} [{}] | {} || {}",
                    node_speakers[a],
                    node_speakers[b],
                    leads || enough_anchors(&shared, quote + story.max(alike)),
                    names.join(" "),
                    text(a),
                    text(b)
                );
            }
            if shared.iter().any(|(id, strength)| {
                *strength >= 0.5
                    && matches!(
                        vocabulary.names[*id as usize].0,
                        FeatureKind::Entity | FeatureKind::Quantity | FeatureKind::Date
                    )
            }) {
                anchored_pairs.push((a.min(b), a.max(b)));
            }
            if !leads && !enough_anchors(&shared, quote + story.max(alike)) {
                continue;
            }
            // Names and rare words alone (no number, date or shared wording) are how a
            // topic looks as much as an event: they need more weight.
            let names = shared
                .iter()
                .filter(|(id, strength)| {
                    vocabulary.names[*id as usize].0 == FeatureKind::Entity && *strength >= 0.5
                })
                .count();
            let hard = quote > 0.0
                || names >= 2
                || shared.iter().any(|(id, _)| {
                    matches!(
                        vocabulary.names[*id as usize].0,
                        FeatureKind::Date | FeatureKind::Quantity | FeatureKind::Claim
                    )
                });
            if !leads
                && !hard
                && story.max(alike) == 0.0
                && shared.iter().map(|(_, s)| s).sum::<f32>() < SOFT_ANCHOR_SUM
            {
                continue;
            }
            // Two statements by different speakers are two events, even when they answer
            // each other or say much the same ("the people deserve the facts"); only the
            // same words in quotation marks make them one (a quote given to two speakers).
            let (speakers_a, speakers_b) = (&node_speakers[a], &node_speakers[b]);
            if !speakers_a.is_empty()
                && !speakers_b.is_empty()
                && !speakers_a.iter().any(|s| speakers_b.contains(s))
                && quoted < STRONG_QUOTE
            {
                if debug_edges {
                    eprintln!("DROP speakers {a} {b}");
                }
                continue;
            }
            // A conflicting date keeps two passages apart even when they share a person:
            // only a much stronger set of anchors says it is one event dated differently.
            // Named weekdays count as dates: "Varga wrote on Sunday" and "Landau said on
            // Friday" are two occasions.
            let weekdays_conflict = node_weekdays[a] != 0
                && node_weekdays[b] != 0
                && node_weekdays[a] & node_weekdays[b] == 0;
            // The same action by different named actors ("Reid checked into rehab" /
            // "Lohan checked into rehab") is two happenings.
            let actors_conflict = node_actions[a].iter().any(|(pa, ea)| {
                let others: Vec<_> = node_actions[b]
                    .iter()
                    .filter(|(pb, _)| pb == pa)
                    .map(|(_, eb)| eb)
                    .collect();
                !others.is_empty() && !others.contains(&ea)
            });
            if (weekdays_conflict
                || actors_conflict
                || dates_conflict(features_of(&nodes[a]), features_of(&nodes[b])))
                && (support < 2.0 * ANCHOR_SUM || shared.len() < 2 * ANCHOR_COUNT)
            {
                if debug_edges {
                    eprintln!(
                        "DROP conflict {a} {b} weekdays {weekdays_conflict} actors {actors_conflict}"
                    );
                }
                continue;
            }
            if debug_edges {
                eprintln!("KEEP {a} {b} weight {cosine:.2}");
            }
            let weight = cosine;
            edge_support.insert((a.min(b), a.max(b)), support);
            // Facts in common: a quote word for word, or anchors enough with a number, a
            // counted fact or a who-did-what among them. A date is shared by every happening
            // of its day, a counted thing ("euros") by every figure of its kind.
            if quoted >= STRONG_QUOTE
                || support >= ANCHOR_SUM
                    && shared.iter().any(|(id, strength)| {
                        let (kind, name) = &vocabulary.names[*id as usize];
                        *strength >= 0.5
                            && (*kind == FeatureKind::Claim
                                || *kind == FeatureKind::Quantity && !name.ends_with(":*"))
                    })
            {
                factual_edges.insert((a.min(b), a.max(b)));
            }
            edges.push(cluster::Edge { a, b, weight });
        }
    }
    // Each pair once, with the larger weight (lists are not symmetric).
    edges.sort_by(|x, y| {
        (x.a.min(x.b), x.a.max(x.b))
            .cmp(&(y.a.min(y.b), y.a.max(y.b)))
            .then(y.weight.total_cmp(&x.weight))
    });
    edges.dedup_by_key(|e| (e.a.min(e.b), e.a.max(e.b)));
    // Translations and copies: the sentences between linked ones, in the same order.
    let parallel: std::collections::HashSet<(usize, usize)> =
        parallel::parallel_pairs(&nodes, &anchored_pairs, &edges, corpus)
            .into_iter()
            .collect();
    let mut parallel_of: HashMap<usize, Vec<usize>> = HashMap::new();
    for &(a, b) in &parallel {
        parallel_of.entry(a).or_default().push(b);
    }
    let mut parallel_sorted: Vec<(usize, usize)> = parallel.iter().copied().collect();
    parallel_sorted.sort_unstable();
    for (a, b) in parallel_sorted {
        edges.push(cluster::Edge {
            a,
            b,
            weight: parallel::PARALLEL_WEIGHT,
        });
        edge_support.insert((a, b), PARALLEL_SUPPORT);
    }
    progress.check()?;

    if std::env::var_os("PARALLAX_TIMINGS").is_some() {
        eprintln!(
            "  candidates and edges done: {} edges in {:?}",
            edges.len(),
            started.elapsed()
        );
    }
    let groups: Vec<usize> = nodes.iter().map(|n| n.document.get()).collect();
    let clusters = cluster::average_link(&groups, &edges, settings.link_threshold, prior.as_ref());
    if std::env::var_os("PARALLAX_TIMINGS").is_some() {
        eprintln!("  clustering done in {:?}", started.elapsed());
    }
    let clusters = attach_leftovers(
        clusters,
        &groups,
        &edges,
        &factual_edges,
        settings.attach_threshold,
    );
    let mut adjacency: HashMap<usize, Vec<(usize, f32)>> = HashMap::new();
    for edge in &edges {
        adjacency
            .entry(edge.a)
            .or_default()
            .push((edge.b, edge.weight));
        adjacency
            .entry(edge.b)
            .or_default()
            .push((edge.a, edge.weight));
    }
    let mut events = Vec::new();
    for members in clusters {
        let documents: std::collections::BTreeSet<DocId> =
            members.iter().map(|&m| nodes[m].document).collect();
        if documents.len() < 2 {
            continue;
        }
        let passages: Vec<PassageRef> = members.iter().map(|&m| nodes[m]).collect();
        // Cohesion: the mean weight over the cross-document pairs (pairs without an edge
        // count as zero), summed over the edges inside the event.
        let member_set: std::collections::HashSet<usize> = members.iter().copied().collect();
        let mut sum = 0.0;
        for &x in &members {
            for &(y, weight) in adjacency.get(&x).into_iter().flatten() {
                if x < y && member_set.contains(&y) {
                    sum += weight;
                }
            }
        }
        let mut per_document: BTreeMap<DocId, usize> = BTreeMap::new();
        for &m in &members {
            *per_document.entry(nodes[m].document).or_default() += 1;
        }
        let same: usize = per_document.values().map(|c| c * (c - 1) / 2).sum();
        let pairs = members.len() * (members.len() - 1) / 2 - same;
        let evidence = evidence(
            &members,
            &raw,
            &vocabulary,
            (&passage_df, &background),
            passages_total,
            &nodes,
            corpus,
        );
        let cohesion = if pairs > 0 { sum / pairs as f32 } else { 0.0 };
        let mut anchors = event_anchors(
            &members,
            &node_anchors,
            &node_facts,
            &vocabulary,
            &nodes,
            corpus,
            features_of,
        );
        let parallel_documents: std::collections::BTreeSet<DocId> = members
            .iter()
            .flat_map(|&x| {
                parallel_of
                    .get(&x)
                    .into_iter()
                    .flatten()
                    .map(move |&y| (x, y))
            })
            .filter(|(_, y)| member_set.contains(y))
            .flat_map(|(x, y)| [nodes[x].document, nodes[y].document])
            .collect();
        if !parallel_documents.is_empty() {
            anchors.push(crate::model::Anchor {
                kind: EvidenceKind::Parallel,
                text: "the same place in versions of one text".into(),
                strength: 1.0,
                sources: parallel_documents.len(),
            });
        }
        // Confidence: how well each passage is anchored to the rest of the event (its best
        // anchored partner in another source), and how alike the passages are.
        let mut anchored = 0.0;
        let mut central = (members[0], f32::MIN);
        for &x in &members {
            let mut best: f32 = 0.0;
            let mut total = 0.0;
            for &(y, weight) in adjacency.get(&x).into_iter().flatten() {
                if member_set.contains(&y) {
                    let support = edge_support
                        .get(&(x.min(y), x.max(y)))
                        .copied()
                        .unwrap_or(0.0);
                    best = best.max(support);
                    total += weight + 0.1 * support;
                }
            }
            anchored += (best / 3.0).min(1.0);
            if total > central.1 {
                central = (x, total);
            }
        }
        let anchored = anchored / members.len() as f32;
        let mut confidence = (0.7 * anchored + 0.3 * (cohesion / 0.4).min(1.0)).clamp(0.0, 1.0);
        // An event held together by words alone (no name, number, date, quote or who-did-
        // what shared by two sources) is as often a topic as a happening: it stays below the
        // default threshold, shown with "Show uncertain".
        let only_words = anchors
            .iter()
            .filter(|a| a.sources >= 2)
            .all(|a| a.kind == EvidenceKind::Term || demonym(a));
        if only_words {
            confidence = confidence.min(WORDS_ONLY_CONFIDENCE);
        }
        // One name (or one who-did-what) and words: on our BASIL labels such events are one
        // event about seven times in ten, against more than eight in ten for events with a
        // number, date or quote in common. Their confidence says so.
        let shared: Vec<&crate::model::Anchor> =
            anchors.iter().filter(|a| a.sources >= 2).collect();
        let hard = shared.iter().any(|a| {
            matches!(
                a.kind,
                EvidenceKind::Quote | EvidenceKind::Date | EvidenceKind::Parallel
            ) || (a.kind == EvidenceKind::Quantity && !a.text.starts_with("a count of"))
        });
        // Distinct names: a who-did-what counts under its subject's name.
        let mut named: Vec<&str> = shared
            .iter()
            .filter(|a| a.kind == EvidenceKind::Entity && !demonym(a))
            .map(|a| a.text.as_str())
            .collect();
        for claim in shared.iter().filter(|a| a.kind == EvidenceKind::Claim) {
            let subject = claim.text.split(" … ").next().unwrap_or("");
            if !named.contains(&subject) {
                named.push(subject);
            }
        }
        let names = named.len();
        if !hard && names == 1 {
            confidence = confidence.min(ONE_NAME_CONFIDENCE);
        }
        // The caps above read every shared anchor; the event lists the strongest.
        if anchors.len() > MAX_EVENT_ANCHORS {
            let parallel = anchors
                .iter()
                .position(|a| a.kind == EvidenceKind::Parallel)
                .map(|i| anchors.remove(i));
            anchors.truncate(MAX_EVENT_ANCHORS);
            anchors.extend(parallel);
        }
        let label = central_label(nodes[central.0], &anchors, corpus)
            .unwrap_or_else(|| label(&evidence, corpus));
        let date = event_date(&passages, corpus);
        events.push(AlignedEvent {
            passages,
            evidence,
            cohesion,
            label,
            date,
            edited: false,
            confidence,
            anchors,
        });
    }
    Ok(Alignment {
        events,
        best_partner,
        best_support,
    })
}

/// Gives each passage that joined no multi-document event to the event of its strongest
/// partner, when that edge alone is strong enough: alike enough (`threshold`), or a fact in
/// common (`factual`: a quote word for word, a number or counted fact among enough anchors).
/// Short sentences ("The dam was built in 1987.") share few words with a whole event, and
/// long ones few with one partner ("Police and fire crews evacuated about 4,000 people …"),
/// so the average-link test rejects them even when one partner is clearly theirs. Attached
/// passages recruit no one further, so this cannot chain events together.
fn attach_leftovers(
    clusters: Vec<Vec<usize>>,
    groups: &[usize],
    edges: &[cluster::Edge],
    factual: &std::collections::HashSet<(usize, usize)>,
    threshold: f32,
) -> Vec<Vec<usize>> {
    let mut owner: Vec<Option<usize>> = vec![None; groups.len()];
    let mut events: Vec<Vec<usize>> = Vec::new();
    let mut singles: Vec<Vec<usize>> = Vec::new();
    for members in clusters {
        let documents: std::collections::BTreeSet<usize> =
            members.iter().map(|&m| groups[m]).collect();
        if documents.len() >= 2 {
            for &m in &members {
                owner[m] = Some(events.len());
            }
            events.push(members);
        } else {
            singles.push(members);
        }
    }
    let mut best: Vec<Option<(f32, usize)>> = vec![None; groups.len()];
    for edge in edges {
        for (from, to) in [(edge.a, edge.b), (edge.b, edge.a)] {
            let anchored = factual.contains(&(edge.a.min(edge.b), edge.a.max(edge.b)));
            if owner[from].is_some()
                || owner[to].is_none()
                || (edge.weight < threshold && !anchored)
            {
                continue;
            }
            let event = owner[to].unwrap_or_default();
            let better = match best[from] {
                None => true,
                Some((weight, current)) => {
                    edge.weight > weight || (edge.weight == weight && event < current)
                }
            };
            if better {
                best[from] = Some((edge.weight, event));
            }
        }
    }
    for (node, choice) in best.iter().enumerate() {
        if let Some((_, event)) = choice {
            events[*event].push(node);
        }
    }
    for members in &mut events {
        members.sort_unstable();
    }
    events.extend(singles);
    events.sort();
    events
}

/// How much of its paragraph a sentence's vector borrows.
const PARAGRAPH_SHARE: f32 = 0.35;

fn paragraph_smoothing(
    nodes: &[PassageRef],
    vectors: &[Sparse],
    corpus: &Corpus,
    share: f32,
) -> Vec<Sparse> {
    let paragraph_of = |node: &PassageRef| {
        corpus.documents[node.document.get()].passages[node.passage.get()].paragraph
    };
    let mut out = Vec::with_capacity(vectors.len());
    let mut start = 0;
    while start < nodes.len() {
        let key = (nodes[start].document, paragraph_of(&nodes[start]));
        let mut end = start + 1;
        while end < nodes.len() && (nodes[end].document, paragraph_of(&nodes[end])) == key {
            end += 1;
        }
        if end - start == 1 {
            out.push(vectors[start].clone());
        } else {
            let mut total: BTreeMap<u32, f32> = BTreeMap::new();
            for vector in &vectors[start..end] {
                for &(id, weight) in vector {
                    *total.entry(id).or_default() += weight;
                }
            }
            for vector in &vectors[start..end] {
                let mut mixed: BTreeMap<u32, f32> = BTreeMap::new();
                for (&id, &weight) in &total {
                    mixed.insert(id, weight * share / (end - start - 1) as f32);
                }
                for &(id, weight) in vector {
                    // Remove the sentence's own share from the paragraph part.
                    let entry = mixed.entry(id).or_default();
                    *entry += weight * (1.0 - share / (end - start - 1) as f32);
                }
                let mut sparse: Sparse = mixed.into_iter().filter(|(_, w)| *w > 0.0).collect();
                normalise(&mut sparse);
                out.push(sparse);
            }
        }
        start = end;
    }
    out
}

/// The document prior: documents more alike than is usual in this comparison probably
/// report the same specific event, so every pair of their passages gets a little weight.
/// When all documents are about equally alike (one story told several times), the prior
/// is near zero everywhere and events come from passage similarity alone.
fn document_prior(
    document_vectors: &[Sparse],
    edges: &[cluster::Edge],
    nodes: &[PassageRef],
    mu: f32,
) -> Option<cluster::Prior> {
    let groups = document_vectors.len();
    if mu <= 0.0 || groups < 6 {
        return None;
    }
    // The distribution of document similarity, from all pairs or an even sample of them.
    let total_pairs = groups * (groups - 1) / 2;
    let stride = (total_pairs / 20_000).max(1);
    let sample: Vec<(usize, usize)> = (0..groups)
        .flat_map(|a| (a + 1..groups).map(move |b| (a, b)))
        .step_by(stride)
        .collect();
    let mut similarities: Vec<f32> = sample
        .par_iter()
        .map(|&(a, b)| dot(&document_vectors[a], &document_vectors[b]))
        .collect();
    similarities.sort_by(f32::total_cmp);
    let median = similarities[similarities.len() / 2];
    let p90 = similarities[similarities.len() * 9 / 10];
    if std::env::var_os("PARALLAX_TIMINGS").is_some() {
        eprintln!("  document similarity: median {median:.3}, p90 {p90:.3}");
    }
    // Only a corpus that mixes distinct stories has pairs of documents far more alike than
    // the typical pair. Articles on one story are all about equally alike: no prior.
    if p90 < 2.0 * median {
        return None;
    }
    // Weights for the pairs of documents that passages link at all.
    let mut linked: Vec<(usize, usize)> = edges
        .iter()
        .map(|e| {
            let (a, b) = (nodes[e.a].document.get(), nodes[e.b].document.get());
            (a.min(b), a.max(b))
        })
        .collect();
    linked.sort_unstable();
    linked.dedup();
    let weighted: Vec<(usize, usize, f32)> = linked
        .par_iter()
        .map(|&(a, b)| (a, b, dot(&document_vectors[a], &document_vectors[b])))
        .collect();
    let mut rows: Vec<Vec<(usize, f32)>> = vec![Vec::new(); groups];
    for (a, b, similarity) in weighted {
        // Documents only a little more alike than usual get nothing: that is noise.
        let lift = similarity - median - PRIOR_NOISE;
        if lift > 0.0 {
            let weight = mu * lift / (1.0 - median).max(1e-6);
            rows[a].push((b, weight));
            rows[b].push((a, weight));
        }
    }
    for row in &mut rows {
        row.sort_by_key(|(g, _)| *g);
    }
    Some(cluster::Prior { rows })
}

/// How much more alike than the median two documents must be before the prior counts.
const PRIOR_NOISE: f32 = 0.02;

/// The features shared by the most documents of an event, weighted by rarity.
fn evidence(
    members: &[usize],
    raw: &[Vec<u32>],
    vocabulary: &Features,
    (passage_df, background): (&[u32], &[f32]),
    passages_total: f32,
    nodes: &[PassageRef],
    corpus: &Corpus,
) -> Vec<Evidence> {
    let mut documents_with: BTreeMap<u32, std::collections::BTreeSet<DocId>> = BTreeMap::new();
    let mut all_documents = std::collections::BTreeSet::new();
    for &m in members {
        all_documents.insert(nodes[m].document);
        for &id in &raw[m] {
            documents_with
                .entry(id)
                .or_default()
                .insert(nodes[m].document);
        }
    }
    let total = all_documents.len() as f32;
    let mut scored: Vec<(f32, u32)> = documents_with
        .into_iter()
        .filter(|(_, docs)| docs.len() >= 2)
        .map(|(id, docs)| {
            let df = passage_df[id as usize] as f32;
            let rarity = ((passages_total + 1.0) / (df + 1.0)).ln();
            let kind = vocabulary.names[id as usize].0;
            let weight = rarity * kind_weight(kind) * background[id as usize];
            (weight * docs.len() as f32 / total, id)
        })
        .filter(|(weight, _)| *weight > 0.05)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    scored
        .into_iter()
        .take(10)
        .map(|(weight, id)| {
            let (kind, text) = feature_text(&vocabulary.names[id as usize], members, nodes, corpus);
            Evidence {
                kind,
                text,
                weight: (weight * 100.0).round() / 100.0,
            }
        })
        .collect()
}

/// The anchors that at least two sources of an event share, strongest first.
fn event_anchors<'a>(
    members: &[usize],
    node_anchors: &[Vec<(u32, f32)>],
    node_facts: &[CountedFacts],
    vocabulary: &Features,
    nodes: &[PassageRef],
    corpus: &'a Corpus,
    features_of: impl Fn(&PassageRef) -> &'a PassageFeatures,
) -> Vec<crate::model::Anchor> {
    let mut sources: BTreeMap<u32, (f32, std::collections::BTreeSet<DocId>)> = BTreeMap::new();
    for &m in members {
        for &(id, strength) in &node_anchors[m] {
            let entry = sources.entry(id).or_default();
            entry.0 = strength;
            entry.1.insert(nodes[m].document);
        }
    }
    // A counted fact is shared only where two sources give near figures for it.
    let near_in_two_sources = |id: u32| {
        let holders: Vec<usize> = members
            .iter()
            .copied()
            .filter(|&m| node_facts[m].iter().any(|(fact, _)| *fact == id))
            .collect();
        holders.is_empty()
            || holders.iter().enumerate().any(|(i, &x)| {
                holders[i + 1..].iter().any(|&y| {
                    nodes[x].document != nodes[y].document
                        && near_figures(id, &node_facts[x], &node_facts[y])
                })
            })
    };
    let mut anchors: Vec<crate::model::Anchor> = sources
        .into_iter()
        .filter(|(id, (_, documents))| documents.len() >= 2 && near_in_two_sources(*id))
        .map(|(id, (strength, documents))| {
            let (kind, text) = feature_text(&vocabulary.names[id as usize], members, nodes, corpus);
            crate::model::Anchor {
                kind,
                text,
                strength: (strength * 100.0).round() / 100.0,
                sources: documents.len(),
            }
        })
        .collect();
    // A quote shared across sources.
    let mut best_quote: Option<(f32, usize, PassageRef)> = None;
    for (i, &x) in members.iter().enumerate() {
        for &y in &members[i + 1..] {
            if nodes[x].document == nodes[y].document {
                continue;
            }
            let strength = quote_anchor(features_of(&nodes[x]), features_of(&nodes[y]));
            if strength > 0.0 && best_quote.is_none_or(|(s, _, _)| strength > s) {
                best_quote = Some((strength, 2, nodes[x]));
            }
        }
    }
    if let Some((strength, count, at)) = best_quote {
        let features = features_of(&at);
        if let Some(quote) = features.quotes.first() {
            let text = &corpus.documents[at.document.get()].loaded.text[quote.start..quote.end];
            anchors.push(crate::model::Anchor {
                kind: EvidenceKind::Quote,
                text: crate::text::first_words(text, 8),
                strength,
                sources: count,
            });
        }
    } else if anchors.iter().all(|a| a.kind == EvidenceKind::Term) {
        // The same words in two sources without quotation marks around them in both (a
        // quote that runs over several lines, a copied sentence): the longest shared run,
        // named when nothing but single words would say why the event holds.
        let mut pairs_read = 0;
        let mut longest: Option<(String, usize)> = None;
        'pairs: for (i, &x) in members.iter().enumerate() {
            for &y in &members[i + 1..] {
                if nodes[x].document == nodes[y].document {
                    continue;
                }
                pairs_read += 1;
                if pairs_read > RUN_PAIRS {
                    break 'pairs;
                }
                if let Some((run, words)) = shared_run(corpus, nodes[x], nodes[y])
                    && longest.as_ref().is_none_or(|(_, most)| words > *most)
                {
                    longest = Some((run, words));
                }
            }
        }
        if let Some((run, words)) = longest {
            anchors.push(crate::model::Anchor {
                kind: EvidenceKind::Quote,
                text: run,
                strength: if words >= 6 { STRONG_QUOTE } else { 1.0 },
                sources: 2,
            });
        }
    }
    // A count that an anchored counted fact already names ("a count of homes … flooded")
    // is not listed again on its own.
    let facts: Vec<String> = anchors
        .iter()
        .filter(|a| a.kind == EvidenceKind::Quantity)
        .filter_map(|a| a.text.split_once(" … ").map(|(count, _)| count.to_string()))
        .collect();
    anchors.retain(|a| a.kind != EvidenceKind::Quantity || !facts.contains(&a.text));
    anchors.sort_by(|a, b| {
        (b.strength * b.sources as f32)
            .total_cmp(&(a.strength * a.sources as f32))
            .then_with(|| a.text.cmp(&b.text))
    });
    anchors
}

/// How many anchors an event lists (the strongest first).
const MAX_EVENT_ANCHORS: usize = 12;

/// The kind and readable text of a feature, as evidence and anchors show it.
fn feature_text(
    (kind, name): &(FeatureKind, String),
    members: &[usize],
    nodes: &[PassageRef],
    corpus: &Corpus,
) -> (EvidenceKind, String) {
    match kind {
        FeatureKind::Term => (EvidenceKind::Term, surface_of(name, members, nodes, corpus)),
        FeatureKind::Entity => (
            EvidenceKind::Entity,
            name.parse::<usize>()
                .ok()
                .and_then(|e| corpus.entities.get(e))
                .map_or_else(|| name.clone(), |e| e.name.clone()),
        ),
        FeatureKind::Date => (EvidenceKind::Date, name.clone()),
        FeatureKind::Quantity => match name.split_once(":*>") {
            // A counted fact: "a count of homes … flooded".
            Some((unit, predicate)) => (
                EvidenceKind::Quantity,
                format!(
                    "a count of {unit} … {}",
                    written_predicate(predicate, members, nodes, corpus)
                ),
            ),
            None => (EvidenceKind::Quantity, quantity_text(name)),
        },
        FeatureKind::Claim => (
            EvidenceKind::Claim,
            claim_text(name, members, nodes, corpus),
        ),
    }
}

/// "Tarvosk Council … approve" for a subject and its predicate, "approve … budget" for an
/// object.
fn claim_text(name: &str, members: &[usize], nodes: &[PassageRef], corpus: &Corpus) -> String {
    let entity_name = |id: &str| {
        id.parse::<usize>()
            .ok()
            .and_then(|e| corpus.entities.get(e))
            .map(|e| e.name.clone())
    };
    let written = |stem: &str| written_predicate(stem, members, nodes, corpus);
    match name.split_once('>') {
        Some((subject, predicate)) if entity_name(subject).is_some() => format!(
            "{} … {}",
            entity_name(subject).unwrap_or_default(),
            written(predicate)
        ),
        Some((predicate, object)) => format!(
            "{} … {}",
            written(predicate),
            entity_name(object).unwrap_or_else(|| object.to_string())
        ),
        None => name.to_string(),
    }
}

/// A predicate as one of the event's passages writes it ("warned", not the stem "warn").
fn written_predicate(
    stem: &str,
    members: &[usize],
    nodes: &[PassageRef],
    corpus: &Corpus,
) -> String {
    members
        .iter()
        .flat_map(|&m| {
            let node = nodes[m];
            corpus.documents[node.document.get()].features[node.passage.get()]
                .claims
                .iter()
        })
        .find(|c| c.predicate == stem)
        .map_or_else(|| stem.to_string(), |c| c.word.clone())
}

/// "troops 5000" for a counted value, "a count of troops" for the counted thing alone.
fn quantity_text(name: &str) -> String {
    match name.split_once(':') {
        Some((unit, "*")) => format!("a count of {unit}"),
        Some((unit, value)) => format!("{value} {unit}").trim().to_string(),
        None => name.to_string(),
    }
}

/// The most frequent written form of a stem among the event's passages.
fn surface_of(stem: &str, members: &[usize], nodes: &[PassageRef], corpus: &Corpus) -> String {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for &m in members {
        let document = &corpus.documents[nodes[m].document.get()];
        for (at, term) in &document.features[nodes[m].passage.get()].terms {
            if term == stem {
                let word: String = document.loaded.text[*at..]
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '-')
                    .collect();
                *counts.entry(word.to_lowercase()).or_default() += 1;
            }
        }
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map_or_else(|| stem.to_string(), |(word, _)| word)
}

/// The date most of the event's documents give, if any.
pub fn event_date(passages: &[PassageRef], corpus: &Corpus) -> Option<String> {
    let mut counts: BTreeMap<String, std::collections::BTreeSet<DocId>> = BTreeMap::new();
    for at in passages {
        let features = &corpus.documents[at.document.get()].features[at.passage.get()];
        for date in &features.dates {
            if date.date.year.is_some() && date.date.month.is_some() {
                counts
                    .entry(date.date.iso())
                    .or_default()
                    .insert(at.document);
            }
        }
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.len().cmp(&b.1.len()).then(b.0.cmp(&a.0)))
        .map(|(date, _)| date)
}

/// Passage ids of one document that belong to any event.
pub fn aligned_passages(alignment: &Alignment, document: DocId) -> Vec<PassageId> {
    let mut ids: Vec<PassageId> = alignment
        .events
        .iter()
        .flat_map(|e| e.passages.iter())
        .filter(|p| p.document == document)
        .map(|p| p.passage)
        .collect();
    ids.sort();
    ids
}

#[cfg(test)]
mod tests {
    use super::{adverb, is_wording, pronoun_speaker, run_words, uncommon_content};

    #[test]
    fn a_name_among_function_words_is_not_wording() {
        let wording = |text: &str| is_wording(&run_words(text).1);
        assert!(!wording("in Tarnow and the"));
        assert!(wording("the Tarnow harbour levy"));
        assert!(wording("flooded homes were demolished"));
    }

    #[test]
    fn an_adverb_of_manner_is_not_a_noun_in_ly() {
        assert!(adverb("sternly") && adverb("flatly") && adverb("also"));
        assert!(!adverb("family") && !adverb("assembly") && !adverb("Kelly") && !adverb("only"));
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

    #[test]
    fn a_pronoun_speaker_may_have_an_adverb_before_the_verb() {
        let text = "Varga left, and she sternly told them to wait.";
        assert_eq!(pronoun_speaker(text, 0..text.len()), Some(16));
        let text = "Varga left, and she family told them to wait.";
        assert_eq!(pronoun_speaker(text, 0..text.len()), None);
    }
}
