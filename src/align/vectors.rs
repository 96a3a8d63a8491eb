//! Vectors: each passage and each document as a normalised sparse TF-IDF vector. Takes the
//! feature ids of the passages and the feature weights; gives the passage vectors (each
//! smoothed over its paragraph) and the document vectors. The cosine of two passage vectors
//! finds candidate partners and weighs the links; the document vectors give the document
//! prior.

/// A sparse vector, sorted by feature id.
pub(super) type Sparse = Vec<(u32, f32)>;

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

pub(super) fn normalise(vector: &mut Sparse) {
    let norm = vector.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    if norm > 0.0 {
        for (_, w) in vector.iter_mut() {
            *w /= norm;
        }
    }
}
