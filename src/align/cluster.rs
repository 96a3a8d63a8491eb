//! Average-link agglomerative clustering on a sparse graph.
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

struct Cluster {
    members: Vec<usize>,
    /// For each group g, the summed prior between this cluster's members and group g
    /// (empty until the cluster has grown past one member, when the prior row is used).
    prior_row: Vec<f32>,
    /// Members per group (document).
    groups: BTreeMap<usize, usize>,
    neighbours: HashMap<usize, f32>,
    stamp: u32,
    alive: bool,
}

/// Pairwise prior weights between groups (documents), applied to every cross-group pair
/// whether or not an edge joins it.
pub struct Prior {
    pub groups: usize,
    /// Row-major `groups × groups`.
    pub weights: Vec<f32>,
}

impl Prior {
    fn row(&self, group: usize) -> &[f32] {
        &self.weights[group * self.groups..(group + 1) * self.groups]
    }
}

fn prior_sum(a: &Cluster, b: &Cluster, prior: Option<&Prior>) -> f32 {
    let Some(prior) = prior else {
        return 0.0;
    };
    // Iterate over the smaller side's groups.
    let (small, large) = if a.groups.len() <= b.groups.len() {
        (a, b)
    } else {
        (b, a)
    };
    let row: &[f32] = if large.prior_row.is_empty() {
        let group = *large.groups.keys().next().unwrap_or(&0);
        prior.row(group)
    } else {
        &large.prior_row
    };
    small
        .groups
        .iter()
        .map(|(group, count)| row[*group] * *count as f32)
        .sum()
}

fn cross_pairs(a: &Cluster, b: &Cluster) -> f32 {
    let size_b = b.members.len();
    let mut pairs = 0usize;
    for (group, count) in &a.groups {
        pairs += count * (size_b - b.groups.get(group).copied().unwrap_or(0));
    }
    pairs as f32
}

/// Clusters `node_groups.len()` nodes; `node_groups[i]` is the group (document) of node `i`.
/// Returns the clusters with two or more members, each sorted, in order of their first node.
pub fn average_link(
    node_groups: &[usize],
    edges: &[Edge],
    threshold: f32,
    prior: Option<&Prior>,
) -> Vec<Vec<usize>> {
    let mut clusters: Vec<Cluster> = node_groups
        .iter()
        .enumerate()
        .map(|(node, &group)| Cluster {
            members: vec![node],
            prior_row: Vec::new(),
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
    while let Some(best) = heap.pop() {
        if best.average < threshold {
            break;
        }
        let (a, b) = (best.a, best.b);
        if !clusters[a].alive
            || !clusters[b].alive
            || clusters[a].stamp != best.stamp_a
            || clusters[b].stamp != best.stamp_b
        {
            continue;
        }
        // Merge the smaller cluster into the larger one.
        let (keep, gone) = if clusters[a].members.len() >= clusters[b].members.len() {
            (a, b)
        } else {
            (b, a)
        };
        let gone_cluster = std::mem::replace(
            &mut clusters[gone],
            Cluster {
                members: Vec::new(),
                prior_row: Vec::new(),
                groups: BTreeMap::new(),
                neighbours: HashMap::new(),
                stamp: 0,
                alive: false,
            },
        );
        if let Some(prior) = prior {
            let materialise = |cluster: &Cluster| -> Vec<f32> {
                if cluster.prior_row.is_empty() {
                    let mut row = vec![0.0; prior.groups];
                    for (group, count) in &cluster.groups {
                        for (slot, weight) in row.iter_mut().zip(prior.row(*group)) {
                            *slot += weight * *count as f32;
                        }
                    }
                    row
                } else {
                    cluster.prior_row.clone()
                }
            };
            let mut row = materialise(&clusters[keep]);
            for (slot, weight) in row.iter_mut().zip(materialise(&gone_cluster)) {
                *slot += weight;
            }
            clusters[keep].prior_row = row;
        }
        {
            let kept = &mut clusters[keep];
            kept.members.extend(gone_cluster.members);
            for (group, count) in gone_cluster.groups {
                *kept.groups.entry(group).or_default() += count;
            }
            kept.neighbours.remove(&gone);
            for (neighbour, sum) in gone_cluster.neighbours {
                if neighbour != keep {
                    *kept.neighbours.entry(neighbour).or_default() += sum;
                }
            }
            kept.stamp += 1;
        }
        let mut neighbours: Vec<(usize, f32)> = clusters[keep]
            .neighbours
            .iter()
            .map(|(n, s)| (*n, *s))
            .collect();
        neighbours.sort_by_key(|(n, _)| *n);
        for (neighbour, sum) in neighbours {
            let other = &mut clusters[neighbour];
            other.neighbours.remove(&gone);
            other.neighbours.insert(keep, sum);
            let pairs = cross_pairs(&clusters[keep], &clusters[neighbour]);
            if pairs > 0.0 {
                let average =
                    (sum + prior_sum(&clusters[keep], &clusters[neighbour], prior)) / pairs;
                if average >= threshold {
                    let (x, y) = (keep.min(neighbour), keep.max(neighbour));
                    heap.push(Candidate {
                        average,
                        a: x,
                        b: y,
                        stamp_a: clusters[x].stamp,
                        stamp_b: clusters[y].stamp,
                    });
                }
            }
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn average_link_keeps_weakly_bridged_groups_apart() {
        // Two tight triangles across three documents, joined by one weak bridge.
        let groups = [0, 1, 2, 0, 1, 2];
        let mut edges = vec![
            Edge {
                a: 0,
                b: 1,
                weight: 0.9,
            },
            Edge {
                a: 1,
                b: 2,
                weight: 0.8,
            },
            Edge {
                a: 0,
                b: 2,
                weight: 0.85,
            },
            Edge {
                a: 3,
                b: 4,
                weight: 0.9,
            },
            Edge {
                a: 4,
                b: 5,
                weight: 0.7,
            },
            Edge {
                a: 3,
                b: 5,
                weight: 0.8,
            },
        ];
        edges.push(Edge {
            a: 2,
            b: 3,
            weight: 0.5,
        });
        let clusters = average_link(&groups, &edges, 0.3, None);
        assert_eq!(clusters, vec![vec![0, 1, 2], vec![3, 4, 5]]);
    }

    #[test]
    fn negative_weights_block_merges() {
        let groups = [0, 1, 2];
        let edges = vec![
            Edge {
                a: 0,
                b: 1,
                weight: 0.9,
            },
            Edge {
                a: 1,
                b: 2,
                weight: 0.9,
            },
            Edge {
                a: 0,
                b: 2,
                weight: -1.0,
            },
        ];
        let clusters = average_link(&groups, &edges, 0.5, None);
        assert_eq!(clusters.len(), 1);
        assert_eq!(clusters[0].len(), 2);
    }
}
