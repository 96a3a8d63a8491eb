//! The date of an event. Takes the event's passages; gives the date (year and month at
//! least) that most of its documents give. Shown with the event, and kept in step with user
//! corrections that change its passages.

use crate::extract::Corpus;
use crate::model::{DocId, PassageRef};
use std::collections::BTreeMap;

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
