//! Average-link agglomerative clustering on a sparse graph. Takes each node's group (its
//! document), the weighted links and the document prior; gives the clusters of two nodes or
//! more.
//!
//! Single-link clustering chains everything into one blob (one strong pair is enough to join
//! two groups); average link only joins two groups when their pairs agree *on average*. Pairs
//! with no edge count as zero and conflicting pairs carry negative weight, so two similar
//! but different events stay apart. Only pairs of passages from different documents count,
//! because passages of one document are never scored against each other.
//!
//! The graph is sparse (top-k candidates per passage), each cluster keeps the summed weights
//! to its neighbours, and a heap with lazy invalidation picks the best merge: about
//! O(E log E) for E edges.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BinaryHeap, HashMap};

/// An undirected weighted edge between two nodes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Edge {
    pub a: usize,
    pub b: usize,
    pub weight: f32,
}

/// A candidate merge of clusters `a` and `b` (by index), with their average link when it was
/// computed and the clusters' stamps then (a changed stamp makes the entry stale).
#[derive(PartialEq)]
struct Candidate {
    average: f32,
    a: usize,
    b: usize,
    stamp_a: u32,
    stamp_b: u32,
}

impl Eq for Candidate {}

impl Ord for Candidate {
    fn cmp(&self, other: &Self) -> Ordering {
        self.average
            .total_cmp(&other.average)
            // Ties break towards lower ids, so the result does not depend on hash order.
            .then_with(|| other.a.cmp(&self.a))
            .then_with(|| other.b.cmp(&self.b))
    }
}

impl PartialOrd for Candidate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// A cluster of nodes, alive until it is merged into another.
struct Cluster {
    members: Vec<usize>,
    /// For each group g, the summed prior between this cluster's members and group g
    /// (empty for a single member, whose group's own sparse row is used).
    prior_row: HashMap<usize, f32>,
    /// Members per group (document).
    groups: BTreeMap<usize, usize>,
    neighbours: HashMap<usize, f32>,
    stamp: u32,
    alive: bool,
}

/// Pairwise prior weights between groups (documents), applied to every cross-group pair
/// whether or not an edge joins it. Sparse: most pairs of documents have none.
pub struct Prior {
    /// For each group, the other groups with a prior weight, sorted by group.
    pub rows: Vec<Vec<(usize, f32)>>,
}

impl Prior {
    /// The prior weight between two groups.
    pub fn weight(&self, a: usize, b: usize) -> f32 {
        let row = &self.rows[a];
        row.binary_search_by_key(&b, |(g, _)| *g)
            .map(|at| row[at].1)
            .unwrap_or(0.0)
    }

    /// The summed prior between a cluster's members and each group.
    fn row_of(&self, cluster: &Cluster) -> HashMap<usize, f32> {
        let mut row = HashMap::new();
        for (group, count) in &cluster.groups {
            for &(other, weight) in &self.rows[*group] {
                *row.entry(other).or_default() += weight * *count as f32;
            }
        }
        row
    }
}

/// The summed prior weight over the cross-group pairs of two clusters.
fn prior_sum(a: &Cluster, b: &Cluster, prior: Option<&Prior>) -> f32 {
    let Some(prior) = prior else {
        return 0.0;
    };
    // Iterate over the smaller side's groups, looking them up in the larger side's row.
    let (small, large) = if a.groups.len() <= b.groups.len() {
        (a, b)
    } else {
        (b, a)
    };
    small
        .groups
        .iter()
        .map(|(group, count)| {
            let weight = if large.prior_row.is_empty() {
                let own = *large.groups.keys().next().unwrap_or(&0);
                prior.weight(own, *group) * large.members.len() as f32
            } else {
                large.prior_row.get(group).copied().unwrap_or(0.0)
            };
            weight * *count as f32
        })
        .sum()
}

/// The number of pairs of members of two clusters that are in different groups.
fn cross_pairs(a: &Cluster, b: &Cluster) -> f32 {
    // |A|·|B| less the pairs inside one group, counted over the smaller side's groups.
    let (small, large) = if a.groups.len() <= b.groups.len() {
        (a, b)
    } else {
        (b, a)
    };
    let same: usize = small
        .groups
        .iter()
        .map(|(group, count)| count * large.groups.get(group).copied().unwrap_or(0))
        .sum();
    (a.members.len() * b.members.len() - same) as f32
}

/// The cluster node `x` now belongs to (with path compression).
fn representative(redirect: &mut [usize], x: usize) -> usize {
    let mut root = x;
    while redirect[root] != root {
        root = redirect[root];
    }
    let mut node = x;
    while redirect[node] != root {
        let next = redirect[node];
        redirect[node] = root;
        node = next;
    }
    root
}

/// Clusters `node_groups.len()` nodes; `node_groups[i]` is the group (document) of node `i`.
/// Returns the clusters with two or more members, each sorted, in order of their first node.
pub fn average_link(
    node_groups: &[usize],
    edges: &[Edge],
    threshold: f32,
    prior: Option<&Prior>,
) -> Vec<Vec<usize>> {
    let mut clusters = singletons(node_groups, edges);
    let mut heap = first_candidates(&clusters, threshold, prior);
    // Lazy greedy: merging can only lower the average between the new cluster and a
    // neighbour below the larger of the two old averages (it is their mediant), so stale
    // heap entries are upper bounds. A stale entry is re-evaluated when it surfaces.
    let mut redirect: Vec<usize> = (0..clusters.len()).collect();
    let (mut pops, mut stale, mut merges) = (0usize, 0usize, 0usize);
    let loop_started = std::time::Instant::now();
    while let Some(best) = heap.pop() {
        pops += 1;
        if best.average < threshold {
            break;
        }
        let a = representative(&mut redirect, best.a);
        let b = representative(&mut redirect, best.b);
        if a == b {
            continue;
        }
        if a != best.a
            || b != best.b
            || clusters[a].stamp != best.stamp_a
            || clusters[b].stamp != best.stamp_b
        {
            stale += 1;
            if !still_best(&clusters, &mut heap, (a, b), threshold, prior) {
                continue;
            }
        }
        merge(&mut clusters, &mut redirect, (a, b), prior);
        merges += 1;
    }
    if std::env::var_os("PARALLAX_TIMINGS").is_some() {
        eprintln!(
            "    clustering loop: {pops} pops, {stale} stale, {merges} merges in {:?}",
            loop_started.elapsed()
        );
    }
    let mut out: Vec<Vec<usize>> = clusters
        .into_iter()
        .filter(|c| c.alive && c.members.len() >= 2)
        .map(|mut c| {
            c.members.sort_unstable();
            c.members
        })
        .collect();
    out.sort();
    out
}

/// One cluster per node, with the summed weights of its edges to nodes of other groups.
fn singletons(node_groups: &[usize], edges: &[Edge]) -> Vec<Cluster> {
    let mut clusters: Vec<Cluster> = node_groups
        .iter()
        .enumerate()
        .map(|(node, &group)| Cluster {
            members: vec![node],
            prior_row: HashMap::new(),
            groups: BTreeMap::from([(group, 1)]),
            neighbours: HashMap::new(),
            stamp: 0,
            alive: true,
        })
        .collect();
    for edge in edges {
        if edge.a == edge.b || node_groups[edge.a] == node_groups[edge.b] {
            continue;
        }
        *clusters[edge.a].neighbours.entry(edge.b).or_default() += edge.weight;
        *clusters[edge.b].neighbours.entry(edge.a).or_default() += edge.weight;
    }
    clusters
}

/// The heap of candidate merges of two single nodes that reach the threshold.
fn first_candidates(
    clusters: &[Cluster],
    threshold: f32,
    prior: Option<&Prior>,
) -> BinaryHeap<Candidate> {
    let mut heap = BinaryHeap::new();
    for (a, cluster) in clusters.iter().enumerate() {
        let mut neighbours: Vec<(&usize, &f32)> = cluster.neighbours.iter().collect();
        neighbours.sort_by_key(|(b, _)| **b);
        for (&b, &sum) in neighbours {
            let average = sum + prior_sum(cluster, &clusters[b], prior);
            if a < b && average >= threshold {
                heap.push(Candidate {
                    average,
                    a,
                    b,
                    stamp_a: 0,
                    stamp_b: 0,
                });
            }
        }
    }
    heap
}

/// Re-evaluates a stale candidate merge of clusters `a` and `b`: whether it is still the
/// best merge. When it is not, it goes back on the heap with its fresh average, or away
/// when that is below the threshold.
fn still_best(
    clusters: &[Cluster],
    heap: &mut BinaryHeap<Candidate>,
    (a, b): (usize, usize),
    threshold: f32,
    prior: Option<&Prior>,
) -> bool {
    let Some(&sum) = clusters[a].neighbours.get(&b) else {
        return false;
    };
    let pairs = cross_pairs(&clusters[a], &clusters[b]);
    if pairs <= 0.0 {
        return false;
    }
    let average = (sum + prior_sum(&clusters[a], &clusters[b], prior)) / pairs;
    if average < threshold {
        return false;
    }
    // Heap keys are upper bounds: if the fresh value still tops them, it is the best
    // merge now, and pushing it back would only pop it again.
    let best_remaining = heap.peek().map_or(f32::NEG_INFINITY, |c| c.average);
    if average < best_remaining {
        let (x, y) = (a.min(b), a.max(b));
        heap.push(Candidate {
            average,
            a: x,
            b: y,
            stamp_a: clusters[x].stamp,
            stamp_b: clusters[y].stamp,
        });
        return false;
    }
    true
}

/// Merges the smaller of clusters `a` and `b` into the larger one.
fn merge(
    clusters: &mut [Cluster],
    redirect: &mut [usize],
    (a, b): (usize, usize),
    prior: Option<&Prior>,
) {
    let (keep, gone) = if clusters[a].members.len() >= clusters[b].members.len() {
        (a, b)
    } else {
        (b, a)
    };
    redirect[gone] = keep;
    let gone_cluster = std::mem::replace(
        &mut clusters[gone],
        Cluster {
            members: Vec::new(),
            prior_row: HashMap::new(),
            groups: BTreeMap::new(),
            neighbours: HashMap::new(),
            stamp: 0,
            alive: false,
        },
    );
    if let Some(prior) = prior {
        let mut row = std::mem::take(&mut clusters[keep].prior_row);
        if row.is_empty() {
            row = prior.row_of(&clusters[keep]);
        }
        let other = if gone_cluster.prior_row.is_empty() {
            prior.row_of(&gone_cluster)
        } else {
            gone_cluster.prior_row.clone()
        };
        for (group, weight) in other {
            *row.entry(group).or_default() += weight;
        }
        clusters[keep].prior_row = row;
    }
    let kept = &mut clusters[keep];
    kept.members.extend(gone_cluster.members);
    for (group, count) in gone_cluster.groups {
        *kept.groups.entry(group).or_default() += count;
    }
    kept.neighbours.remove(&gone);
    kept.stamp += 1;
    let mut moved: Vec<(usize, f32)> = gone_cluster
        .neighbours
        .into_iter()
        .filter(|(n, _)| *n != keep)
        .collect();
    moved.sort_by_key(|(n, _)| *n);
    for (neighbour, sum) in moved {
        *clusters[keep].neighbours.entry(neighbour).or_default() += sum;
        let other = &mut clusters[neighbour];
        other.neighbours.remove(&gone);
        *other.neighbours.entry(keep).or_default() += sum;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edge(a: usize, b: usize, weight: f32) -> Edge {
        Edge { a, b, weight }
    }

    #[test]
    fn average_link_keeps_weakly_bridged_groups_apart() {
        // Two tight triangles across three documents, joined by one weak bridge.
        let groups = [0, 1, 2, 0, 1, 2];
        let mut edges = vec![
            edge(0, 1, 0.9),
            edge(1, 2, 0.8),
            edge(0, 2, 0.85),
            edge(3, 4, 0.9),
            edge(4, 5, 0.7),
            edge(3, 5, 0.8),
        ];
        edges.push(edge(2, 3, 0.5));
        let clusters = average_link(&groups, &edges, 0.3, None);
        assert_eq!(clusters, vec![vec![0, 1, 2], vec![3, 4, 5]]);
    }

    #[test]
    fn negative_weights_block_merges() {
        let groups = [0, 1, 2];
        let edges = vec![edge(0, 1, 0.9), edge(1, 2, 0.9), edge(0, 2, -1.0)];
        let clusters = average_link(&groups, &edges, 0.5, None);
        assert_eq!(clusters.len(), 1);
        assert_eq!(clusters[0].len(), 2);
    }
}
