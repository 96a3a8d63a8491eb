//! Near-duplicate documents: wire copies and the same file given twice.
//!
//! Syndicated stories reach several outlets with the same text, give or take a headline and
//! a byline. Compared as separate accounts they would corroborate each other, every sentence
//! of theirs would be "reported by one source only" when the copies collapse into a few huge
//! events, and agreement findings would grow with the square of the number of copies. So
//! copies are recognised first, only the first document of each group of copies is analysed,
//! and the others are listed as copies of it ([`crate::model::Document::copy_of`]).
//!
//! Two documents are copies when the Jaccard similarity of their sets of word 5-shingles
//! (five consecutive lower-cased words) is at least [`COPY_JACCARD`]. The cost stays close to
//! linear in the number of documents: each document keeps a bottom-k sketch (the
//! [`SKETCH`] smallest shingle hashes); a document is compared only with earlier group
//! leaders that share one of its [`PROBES`] smallest hashes (near-duplicates almost surely
//! do, unrelated texts rarely), first by sketch estimate and then exactly.

use std::collections::HashMap;

/// Words per shingle.
const SHINGLE_WORDS: usize = 5;
/// Jaccard similarity of shingle sets from which two documents are copies. Rewording a
/// sentence changes up to five shingles, so 0.8 allows a new headline, byline and a few
/// edits, while two articles on one story written apart share far less.
pub const COPY_JACCARD: f64 = 0.8;
/// Size of the bottom-k sketch.
const SKETCH: usize = 128;
/// Smallest hashes used to find candidate leaders.
const PROBES: usize = 8;
/// Most leaders read from one probe's list (bounds the work when many documents share a
/// common phrase).
const MAX_POSTINGS: usize = 64;

/// A document's shingles: the sorted set of hashes and its bottom-k sketch.
struct Shingles {
    set: Vec<u64>,
}

impl Shingles {
    fn of(text: &str) -> Shingles {
        let words: Vec<u64> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(|w| hash_str(&w.to_lowercase()))
            .collect();
        let mut set: Vec<u64> = if words.len() < SHINGLE_WORDS {
            // A very short text is one shingle: equal texts are copies, others are not.
            if words.is_empty() {
                Vec::new()
            } else {
                vec![combine(&words)]
            }
        } else {
            words.windows(SHINGLE_WORDS).map(combine).collect()
        };
        set.sort_unstable();
        set.dedup();
        Shingles { set }
    }

    fn sketch(&self) -> &[u64] {
        &self.set[..self.set.len().min(SKETCH)]
    }
}

fn mix(mut x: u64) -> u64 {
    // splitmix64's finaliser: spreads the bits so that the smallest hashes are a fair sample.
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

fn hash_str(word: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in word.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

fn combine(words: &[u64]) -> u64 {
    mix(words
        .iter()
        .fold(0x9e37_79b9_7f4a_7c15, |acc, &w| mix(acc ^ w)))
}

/// Estimated Jaccard similarity from two bottom-k sketches.
fn estimate(a: &[u64], b: &[u64]) -> f64 {
    let k = SKETCH.min(a.len().max(b.len()));
    let (mut i, mut j, mut seen, mut shared) = (0, 0, 0, 0);
    while seen < k && (i < a.len() || j < b.len()) {
        match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) if x == y => {
                shared += 1;
                i += 1;
                j += 1;
            }
            (Some(x), Some(y)) if x < y => i += 1,
            (Some(_), None) => i += 1,
            _ => j += 1,
        }
        seen += 1;
    }
    if seen == 0 {
        0.0
    } else {
        shared as f64 / seen as f64
    }
}

/// Exact Jaccard similarity of two sorted sets.
fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
        }
    }
    let union = a.len() + b.len() - shared;
    if union == 0 {
        0.0
    } else {
        shared as f64 / union as f64
    }
}

/// For each text, the index of the earlier text it is a copy of (always the first of its
/// group), or `None` when it is an account of its own.
pub fn find_copies(texts: &[&str]) -> Vec<Option<usize>> {
    let order: Vec<usize> = (0..texts.len()).collect();
    find_copies_in_order(texts, &order)
}

/// As [`find_copies`], but the documents are visited in `order` (a permutation of their
/// indices), so that the first of each group in that order is its original: the caller puts
/// the earliest dated first.
pub fn find_copies_in_order(texts: &[&str], order: &[usize]) -> Vec<Option<usize>> {
    use rayon::prelude::*;
    let shingles: Vec<Shingles> = texts.par_iter().map(|t| Shingles::of(t)).collect();
    let mut copy_of = vec![None; texts.len()];
    // Probe hash to the group leaders whose smallest hashes include it.
    let mut leaders_by_probe: HashMap<u64, Vec<usize>> = HashMap::new();
    for &index in order {
        let document = &shingles[index];
        if document.set.is_empty() {
            continue;
        }
        let probes = &document.set[..document.set.len().min(PROBES)];
        let mut candidates: Vec<usize> = probes
            .iter()
            .filter_map(|probe| leaders_by_probe.get(probe))
            .flat_map(|leaders| leaders.iter().take(MAX_POSTINGS).copied())
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let found = candidates.into_iter().find(|&leader| {
            let other = &shingles[leader];
            // Sets of very different sizes cannot reach the threshold.
            let (small, large) = (
                document.set.len().min(other.set.len()) as f64,
                document.set.len().max(other.set.len()) as f64,
            );
            small >= COPY_JACCARD * large
                && estimate(document.sketch(), other.sketch()) >= COPY_JACCARD - 0.15
                && jaccard(&document.set, &other.set) >= COPY_JACCARD
        });
        match found {
            Some(leader) => copy_of[index] = Some(leader),
            None => {
                for &probe in probes {
                    leaders_by_probe.entry(probe).or_default().push(index);
                }
            }
        }
    }
    copy_of
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "The dam above the town gave way on Thursday night, flooding the lower \
        streets and forcing hundreds of families from their homes before dawn. Engineers had \
        warned for years that the concrete was cracking, but the repairs were postponed twice \
        for lack of money, officials said. The mayor asked for calm and opened the school gym \
        to those who had nowhere to sleep.";

    #[test]
    fn identical_and_lightly_edited_copies_are_found() {
        let edited = format!("Town flooded\n\nBy Staff\n\n{STORY} More later.");
        let other = "The league final ended two to one after extra time, and the visiting \
            captain lifted the cup in front of a half-empty stand on a cold evening.";
        let texts = [STORY, other, STORY, edited.as_str()];
        assert_eq!(find_copies(&texts), [None, None, Some(0), Some(0)]);
    }

    #[test]
    fn different_articles_on_one_story_are_not_copies() {
        let other = "Hundreds of families fled their homes before dawn on Friday after the \
            old dam gave way, officials said. Repairs had been put off twice. The mayor opened \
            the school gym.";
        assert_eq!(find_copies(&[STORY, other]), [None, None]);
    }

    #[test]
    fn empty_texts_are_never_copies() {
        assert_eq!(find_copies(&["", "", "..."]), [None, None, None]);
    }
}
