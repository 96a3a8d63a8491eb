//! Vectors: each passage and each document as a normalised sparse TF-IDF vector. Takes the
//! feature ids of the passages and the feature weights; gives the passage vectors (each
//! smoothed over its paragraph) and the document vectors. The cosine of two passage vectors
//! finds candidate partners and weighs the links; the document vectors give the document
//! prior.

use super::Passages;
use super::context::{PARAGRAPH_SHARE, paragraph_smoothing};
use super::features::{Vocabulary, kind_weight};
use super::weights::idf;
use std::collections::BTreeMap;

/// The vectors of the nodes and of the documents.
pub(super) struct Vectors {
    /// For each node, its vector with a share of its paragraph's.
    pub(super) passages: Vec<Sparse>,
    /// For each document, its vector.
    pub(super) documents: Vec<Sparse>,
}

/// The vectors of every node and every document.
pub(super) fn vectors(passages: &Passages) -> Vectors {
    let (features, weights) = (&passages.features, &passages.weights);
    let passage_vectors: Vec<Sparse> = features
        .ids
        .iter()
        .map(|ids| {
            let mut counts: BTreeMap<u32, f32> = BTreeMap::new();
            for &id in ids {
                *counts.entry(id).or_default() += 1.0;
            }
            tf_idf(
                &counts,
                (&weights.passage_df, weights.passages_total),
                &features.vocabulary,
                &weights.background,
            )
        })
        .collect();
    // Paragraph context: each sentence borrows a share of its paragraph's other sentences, so
    // that "He was acquitted on two further counts" stays with the verdict it follows.
    let smoothed = paragraph_smoothing(
        &passages.nodes,
        &passage_vectors,
        passages.corpus,
        PARAGRAPH_SHARE,
    );
    let documents: Vec<Sparse> = weights
        .document_terms
        .iter()
        .map(|counts| {
            tf_idf(
                counts,
                (&weights.document_df, weights.documents_total),
                &features.vocabulary,
                &weights.background,
            )
        })
        .collect();
    Vectors {
        passages: smoothed,
        documents,
    }
}

/// The normalised TF-IDF vector of feature counts, with `(df, total)` the document
/// frequencies and the number of passages or documents they count in.
fn tf_idf(
    counts: &BTreeMap<u32, f32>,
    (df, total): (&[u32], f32),
    vocabulary: &Vocabulary,
    background: &[f32],
) -> Sparse {
    let mut vector: Sparse = counts
        .iter()
        .map(|(&id, &tf)| {
            let kind = vocabulary.names[id as usize].0;
            let weight = (1.0 + tf.ln())
                * idf(df[id as usize], total)
                * kind_weight(kind)
                * background[id as usize];
            (id, weight)
        })
        .collect();
    normalise(&mut vector);
    vector
}

/// A sparse vector, sorted by feature id.
pub(super) type Sparse = Vec<(u32, f32)>;

/// The dot product of two sparse vectors (their cosine when both are normalised).
pub(super) fn dot(a: &Sparse, b: &Sparse) -> f32 {
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

/// Scales a vector to length one (a zero vector stays as it is).
pub(super) fn normalise(vector: &mut Sparse) {
    let norm = vector.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    if norm > 0.0 {
        for (_, w) in vector.iter_mut() {
            *w /= norm;
        }
    }
}
