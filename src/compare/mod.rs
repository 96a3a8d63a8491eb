//! Stage 5, compare: findings within and across events.
//!
//! Each detector reads the aligned events and the extracted features and emits findings with
//! claims (a span of one document and its normalised value). Following de Marneffe et al.,
//! differences are only looked for between passages of the same event: two numbers from
//! different events are not a contradiction. Name variants and quote attributions are found
//! corpus-wide, because a name or a quote identifies itself.

mod attribution;
mod charges;
mod contradiction;
pub mod copy_edits;
mod dates;
mod inquiry_labels;
pub mod labels;
mod modifier_labels;
mod name_words;
mod names;
mod numbers;
mod places;
mod quotes;
mod unique;
mod wording;
mod wording_country;
mod wording_one_sided;
mod wording_referent;

use crate::align::Alignment;
use crate::extract::{Corpus, PassageFeatures};
use crate::model::{Claim, DocId, EventId, FindingKind, PassageId, PassageRef};
use crate::settings::Settings;

/// A finding before it is numbered.
#[derive(Debug, Clone, PartialEq)]
pub struct FindingDraft {
    pub kind: FindingKind,
    pub event: Option<EventId>,
    pub summary: String,
    pub claims: Vec<Claim>,
    /// How sure the detector is (0 to 1).
    pub confidence: f32,
    /// Why the claims are about the same referent, in words.
    pub evidence: Vec<String>,
}

/// What the detectors read.
pub struct Context<'a> {
    pub corpus: &'a Corpus,
    pub alignment: &'a Alignment,
    pub settings: &'a Settings,
    pub lexicon: &'a crate::lexicon::Lexicon,
    pub stemmer: crate::extract::terms::Stemmer,
    /// The event of each passage, by document and passage.
    pub event_of: Vec<Vec<Option<EventId>>>,
    /// The language each document is written in, guessed from its function words.
    pub languages: Vec<&'static str>,
}

impl<'a> Context<'a> {
    pub fn new(
        corpus: &'a Corpus,
        alignment: &'a Alignment,
        settings: &'a Settings,
        lexicon: &'a crate::lexicon::Lexicon,
    ) -> Self {
        let mut event_of: Vec<Vec<Option<EventId>>> = corpus
            .documents
            .iter()
            .map(|d| vec![None; d.passages.len()])
            .collect();
        for (index, event) in alignment.events.iter().enumerate() {
            for at in &event.passages {
                event_of[at.document.get()][at.passage.get()] = Some(EventId(index));
            }
        }
        Context {
            corpus,
            alignment,
            settings,
            lexicon,
            stemmer: crate::extract::terms::Stemmer::new(),
            event_of,
            languages: corpus
                .documents
                .iter()
                .map(|d| crate::text::guess_language(&d.loaded.text))
                .collect(),
        }
    }

    pub fn features(&self, at: PassageRef) -> &'a PassageFeatures {
        &self.corpus.documents[at.document.get()].features[at.passage.get()]
    }

    /// Every passage of every document, in order.
    pub fn passages(&self) -> impl Iterator<Item = PassageRef> + 'a {
        let corpus = self.corpus;
        corpus
            .documents
            .iter()
            .enumerate()
            .flat_map(|(d, document)| {
                (0..document.passages.len()).map(move |p| PassageRef {
                    document: DocId(d),
                    passage: PassageId(p),
                })
            })
    }

    pub fn text(&self, document: DocId) -> &'a str {
        &self.corpus.documents[document.get()].loaded.text
    }

    /// A claim over `start..end` of a passage.
    pub fn claim(
        &self,
        at: PassageRef,
        start: usize,
        end: usize,
        value: Option<String>,
        note: Option<String>,
    ) -> Claim {
        Claim {
            document: at.document,
            passage: at.passage,
            start,
            end,
            text: self.text(at.document)[start..end].to_string(),
            value,
            note,
            attribution: None,
        }
    }

    /// The name a reader knows a source by ([`crate::model::source_name`], as in the report).
    pub fn source_name(&self, document: DocId) -> String {
        let document = &self.corpus.documents[document.get()];
        let loaded = &document.loaded;
        let (heading, opening) =
            crate::model::name_parts_from_text(&loaded.text, &document.passages);
        crate::model::source_name(&crate::model::NameParts {
            given: loaded.name.as_deref(),
            outlet: loaded.outlet.as_deref(),
            path: &loaded.path,
            title: loaded.title.as_deref(),
            heading,
            opening,
        })
    }

    /// "text (source)" for each claim, joined by `separator`: the body of most summaries.
    pub fn listing(&self, claims: &[Claim], separator: &str) -> String {
        claims
            .iter()
            .map(|c| match &c.attribution {
                Some(who) => format!("{} ({}, {who})", c.text, self.source_name(c.document)),
                None => format!("{} ({})", c.text, self.source_name(c.document)),
            })
            .collect::<Vec<_>>()
            .join(separator)
    }

    /// The referent name of a wording-lexicon entry.
    pub fn corpus_lexicon_referent(&self, entry: usize) -> String {
        self.lexicon
            .wording
            .get(entry)
            .map_or_else(|| "referent".to_string(), |e| e.referent.clone())
    }

    /// The passage that contains a byte offset of a document.
    pub fn passage_at(&self, document: DocId, offset: usize) -> Option<PassageId> {
        let passages = &self.corpus.documents[document.get()].passages;
        let index = passages.partition_point(|p| p.end <= offset);
        passages
            .get(index)
            .filter(|p| p.start <= offset)
            .map(|p| p.index)
    }
}

/// Words near a span that two claims share, a measure of "about the same thing".
pub fn shared_context(
    a: &PassageFeatures,
    a_span: (usize, usize),
    b: &PassageFeatures,
    b_span: (usize, usize),
    radius: usize,
) -> usize {
    shared_context_words(a, a_span, b, b_span, radius).len()
}

/// The stems near a span that two claims share.
pub fn shared_context_words<'a>(
    a: &'a PassageFeatures,
    a_span: (usize, usize),
    b: &PassageFeatures,
    b_span: (usize, usize),
    radius: usize,
) -> Vec<&'a str> {
    let near_a = a.terms_near(a_span.0, a_span.1, radius);
    let near_b = b.terms_near(b_span.0, b_span.1, radius);
    near_a
        .into_iter()
        .filter(|t| near_b.binary_search(t).is_ok())
        .collect()
}

/// "in the event “label”", the first line of most evidence lists.
pub fn event_evidence(context: &Context<'_>, event: Option<EventId>) -> Option<String> {
    let event = &context.alignment.events[event?.get()];
    Some(format!(
        "both in one event, “{}” (linked with confidence {:.2})",
        event.label, event.confidence
    ))
}

/// The alignment confidence of an event, 0 for none.
pub fn event_confidence(context: &Context<'_>, event: Option<EventId>) -> f32 {
    event.map_or(0.0, |e| context.alignment.events[e.get()].confidence)
}

/// The documents that tell one story: pairs that share at least one aligned event.
pub fn story_pairs(context: &Context<'_>) -> std::collections::HashSet<(DocId, DocId)> {
    let mut pairs = std::collections::HashSet::new();
    for event in &context.alignment.events {
        let documents = event.documents();
        for (n, &a) in documents.iter().enumerate() {
            for &b in &documents[n + 1..] {
                pairs.insert((a, b));
                pairs.insert((b, a));
            }
        }
    }
    pairs
}

/// One finding detector.
type Detector = fn(&Context<'_>) -> Vec<FindingDraft>;

/// Runs every detector and returns the findings in a stable order.
pub fn compare(context: &Context<'_>) -> Vec<FindingDraft> {
    let mut findings = Vec::new();
    let detectors: [(&str, Detector); 22] = [
        ("numbers", numbers::find),
        ("dates", dates::find),
        ("names", names::find),
        ("quotes", quotes::find),
        ("contradiction", contradiction::find),
        ("denials", contradiction::denied_statements),
        ("contradiction across events", contradiction::across_events),
        ("denials across events", contradiction::denied_across),
        ("quantifiers", contradiction::quantifiers),
        ("modality", contradiction::modality),
        ("allegations", contradiction::allegations),
        ("forecasts", contradiction::forecasts),
        ("departures", contradiction::departures),
        ("no evidence", contradiction::no_evidence),
        ("swapped roles", contradiction::swapped_roles),
        ("person places", places::find),
        ("wording", wording::find),
        ("labels", labels::find),
        ("modifier_labels", modifier_labels::find),
        ("charges", charges::find),
        ("inquiry labels", inquiry_labels::find),
        ("unique", unique::find),
    ];
    let timings = std::env::var_os("PARALLAX_TIMINGS").is_some();
    for (name, detector) in detectors {
        let started = std::time::Instant::now();
        findings.extend(detector(context));
        if timings {
            eprintln!("  {name}: {:?}", started.elapsed());
        }
    }
    if !context.settings.report_agreements {
        findings.retain(|f| f.kind != FindingKind::Agreement);
    }
    for finding in &mut findings {
        finding.claims.sort_by_key(|c| (c.document, c.start, c.end));
        finding
            .claims
            .dedup_by_key(|c| (c.document, c.start, c.end));
    }
    // One finding per set of claims: the same spans found twice (a date pair seen from both
    // sides, a number seen inside and outside an event) keep the surer finding.
    let mut best: std::collections::HashMap<Vec<(DocId, usize, usize)>, usize> = Default::default();
    let mut keep = vec![true; findings.len()];
    for (i, finding) in findings.iter().enumerate() {
        let key: Vec<(DocId, usize, usize)> = finding
            .claims
            .iter()
            .map(|c| (c.document, c.start, c.end))
            .collect();
        match best.get(&key) {
            Some(&j) if findings[j].confidence >= finding.confidence => keep[i] = false,
            Some(&j) => {
                keep[j] = false;
                best.insert(key, i);
            }
            None => {
                best.insert(key, i);
            }
        }
    }
    let mut index = 0;
    findings.retain(|_| {
        index += 1;
        keep[index - 1]
    });
    findings.sort_by(|a, b| {
        let key = |f: &FindingDraft| {
            (
                f.event.map_or(usize::MAX, EventId::get),
                f.kind,
                f.claims.first().map(|c| (c.document, c.start, c.end)),
            )
        };
        key(a).cmp(&key(b)).then_with(|| a.summary.cmp(&b.summary))
    });
    findings
}

/// Groups items into connected components given pairs of linked indices.
pub fn components(count: usize, links: &[(usize, usize)]) -> Vec<Vec<usize>> {
    let mut parent: Vec<usize> = (0..count).collect();
    fn find(parent: &mut [usize], x: usize) -> usize {
        let mut root = x;
        while parent[root] != root {
            root = parent[root];
        }
        let mut node = x;
        while parent[node] != root {
            let next = parent[node];
            parent[node] = root;
            node = next;
        }
        root
    }
    for &(a, b) in links {
        let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
        if ra != rb {
            parent[ra.max(rb)] = ra.min(rb);
        }
    }
    let mut groups: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    for x in 0..count {
        let root = find(&mut parent, x);
        groups.entry(root).or_default().push(x);
    }
    groups.into_values().filter(|g| g.len() > 1).collect()
}

/// The members of a mismatched group that give the very same value, from at least two
/// documents: inside "14 / fourteen / a dozen" the first two sources agree, and a user should
/// see that agreement beside the mismatch. `same` tells whether two members give one value;
/// `document` names each member's source.
pub fn agreeing_subsets(
    group: &[usize],
    same: impl Fn(usize, usize) -> bool,
    document: impl Fn(usize) -> crate::model::DocId,
) -> Vec<Vec<usize>> {
    let mut subsets: Vec<Vec<usize>> = Vec::new();
    for &member in group {
        match subsets.iter_mut().find(|s| same(s[0], member)) {
            Some(subset) => subset.push(member),
            None => subsets.push(vec![member]),
        }
    }
    subsets.retain(|subset| {
        let mut documents: Vec<_> = subset.iter().map(|&m| document(m)).collect();
        documents.sort();
        documents.dedup();
        documents.len() >= 2 && subset.len() < group.len()
    });
    subsets
}
