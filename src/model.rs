//! The plain data that crosses pipeline stages and leaves the engine.
//!
//! Everything the viewer, the command line and the exports show is read from a [`Report`].
//! Field names of the JSON form (`parallax.report/1`) are a public contract: scripts depend on
//! them, so fields may be added but never renamed. Indices are newtypes in Rust and plain
//! integers on the wire (`#[serde(transparent)]`).

use serde::{Deserialize, Serialize};

pub use crate::naming::{NameParts, display_name, name_parts_from_text, source_name};

/// The schema tag written into every report.
pub const REPORT_SCHEMA: &str = "parallax.report/1";

macro_rules! index_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub usize);

        impl $name {
            /// The plain index, for indexing vectors.
            pub fn get(self) -> usize {
                self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

index_type!(
    /// Position of a document in [`Report::documents`].
    DocId
);
index_type!(
    /// Position of a passage in its document's [`Document::passages`].
    PassageId
);
index_type!(
    /// Position of an event in [`Report::events`].
    EventId
);
index_type!(
    /// Position of an entity in [`Report::entities`].
    EntityId
);
index_type!(
    /// Position of a finding in [`Report::findings`].
    FindingId
);

/// A passage of one document, named by both indices.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct PassageRef {
    pub document: DocId,
    pub passage: PassageId,
}

/// The whole result of a comparison.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub schema: String,
    pub documents: Vec<Document>,
    pub failures: Vec<Failure>,
    pub entities: Vec<Entity>,
    pub events: Vec<Event>,
    pub findings: Vec<Finding>,
    /// The user's notes from a session, placed in the current texts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
    /// Session items (corrections, reviews, notes) that could not be placed in the current
    /// texts. They stay in the session; this list says which and why.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub orphans: Vec<Orphan>,
    /// How each source labels each referent that two or more sources name ("the Russian
    /// paramilitary group", "a private security company"): the table behind the label
    /// findings, for the reader to compare.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub labels: Vec<ReferentLabels>,
}

/// The labels the sources give one referent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReferentLabels {
    pub entity: EntityId,
    pub name: String,
    /// Every distinct label, by document in order.
    pub labels: Vec<Label>,
}

/// One label a source gives a referent, where it stands and how it was read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Label {
    pub document: DocId,
    pub passage: PassageId,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub form: LabelForm,
    /// The label holds a word of the loaded-words list.
    pub loaded: bool,
}

/// How a label is tied to its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LabelForm {
    /// Right before the name: "the Russian paramilitary group Wagner".
    BeforeName,
    /// An apposition after the name: "Wagner, a private security company".
    Apposition,
    /// A predicate nominal: "Wagner is a mercenary outfit".
    Predicate,
}

impl LabelForm {
    /// A few words for the reader.
    pub fn describe(self) -> &'static str {
        match self {
            LabelForm::BeforeName => "before the name",
            LabelForm::Apposition => "apposition",
            LabelForm::Predicate => "\"is a …\"",
        }
    }
}

impl Report {
    /// The passage a reference points to.
    pub fn passage(&self, at: PassageRef) -> &Passage {
        &self.documents[at.document.get()].passages[at.passage.get()]
    }

    /// The text of a passage.
    pub fn passage_text(&self, at: PassageRef) -> &str {
        let passage = self.passage(at);
        &self.documents[at.document.get()].text[passage.start..passage.end]
    }

    /// "copy of NAME (document N)" for a document that is a copy of another, else `None`.
    /// Documents are numbered from 1, as in the HTML and Markdown exports.
    pub fn copy_note(&self, document: &Document) -> Option<String> {
        let original = self.documents.get(document.copy_of?.get())?;
        Some(format!(
            "copy of {} (document {})",
            original.display_name(),
            original.index.get() + 1
        ))
    }

    /// The event each passage belongs to, by document and passage index.
    pub fn event_of_passages(&self) -> Vec<Vec<Option<EventId>>> {
        let mut table: Vec<Vec<Option<EventId>>> = self
            .documents
            .iter()
            .map(|doc| vec![None; doc.passages.len()])
            .collect();
        for event in &self.events {
            for at in &event.passages {
                table[at.document.get()][at.passage.get()] = Some(event.index);
            }
        }
        table
    }
}

/// The input format a document was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Text,
    Markdown,
    Html,
}

/// One loaded article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub index: DocId,
    /// The path as the user gave it.
    pub path: String,
    pub title: Option<String>,
    /// `YYYY-MM-DD`, or a shorter prefix when only the month or year is known.
    pub date: Option<String>,
    pub author: Option<String>,
    pub outlet: Option<String>,
    /// A display name the user gave this source in a session.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub format: Format,
    /// The character encoding the bytes were decoded from.
    pub encoding: String,
    pub passages: Vec<Passage>,
    /// The document text that every byte offset points into. For UTF-8 plain text and
    /// Markdown this is the file content byte for byte (less a byte-order mark); for HTML,
    /// UTF-16 and Latin-1 inputs it is the extracted or decoded text, so that a report alone
    /// resolves every offset. `parallax compare --no-text` leaves it out (empty).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
    /// The language the text is written in, as guessed from its script and its function
    /// words: "en", "es", "zh", "ja", ... (see [`crate::text::guess_language`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// What the engine cannot analyse in this language, in words, when it is not English:
    /// for a language written without spaces, that the text is shown but takes no part in
    /// events or findings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language_note: Option<String>,
    /// When this document is a near-verbatim copy of another (a wire story carried by several
    /// outlets, or the same file given twice): that document. Copies are not analysed on
    /// their own, so they never count as independent corroboration; their passages belong
    /// to no event and they have no findings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copy_of: Option<DocId>,
}

impl Document {
    /// The document whose analysis stands for this one: its original when it is a copy
    /// (a copy covers an event exactly as its original does), else itself.
    pub fn account(&self) -> DocId {
        self.copy_of.unwrap_or(self.index)
    }

    /// The name a reader knows this source by, as [`source_name`] says.
    pub fn display_name(&self) -> String {
        let (heading, opening) = name_parts_from_text(&self.text, &self.passages);
        source_name(&NameParts {
            given: self.name.as_deref(),
            outlet: self.outlet.as_deref(),
            path: &self.path,
            title: self.title.as_deref(),
            heading,
            opening,
        })
    }
}

/// What role a passage plays in its document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PassageRole {
    /// An ordinary sentence of the article body.
    Body,
    /// A title or subheading.
    Heading,
    /// Bylines, credits, dates and "Related articles" lines: never aligned or reported.
    Boilerplate,
}

/// One sentence, with its byte range in the document text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Passage {
    pub index: PassageId,
    pub start: usize,
    pub end: usize,
    /// Index of the paragraph (block or line) the sentence stands in.
    pub paragraph: usize,
    pub role: PassageRole,
}

/// A file that could not be read, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Failure {
    pub path: String,
    pub error: String,
}

/// The broad type of a named entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Place,
    Organisation,
    Other,
}

/// One real-world entity, resolved across documents, with every mention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub index: EntityId,
    /// The fullest, most frequent spelling.
    pub name: String,
    pub kind: EntityKind,
    /// Every distinct spelling seen, fullest first.
    pub aliases: Vec<String>,
    pub mentions: Vec<Mention>,
    /// Roles that tie the entity's spellings together across sources ("wife of Kell"), when
    /// entity resolution joined names given in apposition to one role of one person.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<String>,
}

/// Where an entity is named.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    pub document: DocId,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// Passages of several documents that report the same event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub index: EventId,
    pub label: String,
    pub date: Option<String>,
    pub passages: Vec<PassageRef>,
    /// Why these passages were grouped: the shared features with the most weight.
    pub evidence: Vec<Evidence>,
    /// Mean pairwise alignment score of the passages (0 to 1).
    pub cohesion: f32,
    /// Whether a user correction (link, unlink, split, rename) changed this event.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub edited: bool,
    /// How sure the engine is that every passage reports this one happening or fact (0 to
    /// 1), from how many specific anchors its passages share and how alike they are. An
    /// event the user linked by hand has 1.
    #[serde(default)]
    pub confidence: f32,
    /// The specific anchors the passages share (rare words, names, numbers with their
    /// counted thing, dates, quotes), each with its strength (0 to 1; 2 for a shared quote)
    /// and the number of sources that carry it: why these passages are one event.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub anchors: Vec<Anchor>,
}

/// One specific feature shared by the passages of an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Anchor {
    pub kind: EvidenceKind,
    pub text: String,
    /// How specific the anchor is (0 to 1: common English words and the story's
    /// protagonist score low; a shared quote of several words scores 2).
    pub strength: f32,
    /// How many of the event's sources carry it.
    pub sources: usize,
}

impl Event {
    /// The distinct documents that cover this event, in order.
    pub fn documents(&self) -> Vec<DocId> {
        let mut docs: Vec<DocId> = self.passages.iter().map(|p| p.document).collect();
        docs.dedup();
        docs.sort();
        docs.dedup();
        docs
    }
}

/// The kind of shared feature behind an alignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EvidenceKind {
    Term,
    Entity,
    Date,
    Quantity,
    Quote,
    /// Who did what: a named subject or object with its predicate.
    Claim,
    /// The same place in two versions of one text (a translation or a copy): the
    /// sentences around it are linked in the same order.
    Parallel,
    /// Similar meaning in other words (a sentence-embedding cosine), where the passages
    /// share few words: "similar meaning, 0.91".
    Meaning,
}

/// One shared feature and its weight in the alignment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    pub kind: EvidenceKind,
    pub text: String,
    pub weight: f32,
}

/// The kinds of findings, as written in reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    Agreement,
    NumberMismatch,
    DateMismatch,
    NameVariant,
    QuoteAttribution,
    Contradiction,
    Wording,
    Unique,
    /// One speaker's quote given with different words by two sources.
    QuoteWording,
    /// What a near-copy changed of its original: a sentence added, dropped or reworded
    /// (changed figures, dates and names of a copy are number, date and name findings).
    CopyEdit,
}

impl FindingKind {
    /// Every kind, in display order.
    pub const ALL: [FindingKind; 10] = [
        FindingKind::NumberMismatch,
        FindingKind::DateMismatch,
        FindingKind::NameVariant,
        FindingKind::QuoteAttribution,
        FindingKind::QuoteWording,
        FindingKind::Contradiction,
        FindingKind::Wording,
        FindingKind::CopyEdit,
        FindingKind::Agreement,
        FindingKind::Unique,
    ];

    /// The name used in reports (`number_mismatch`).
    pub fn as_str(self) -> &'static str {
        match self {
            FindingKind::Agreement => "agreement",
            FindingKind::NumberMismatch => "number_mismatch",
            FindingKind::DateMismatch => "date_mismatch",
            FindingKind::NameVariant => "name_variant",
            FindingKind::QuoteAttribution => "quote_attribution",
            FindingKind::Contradiction => "contradiction",
            FindingKind::Wording => "wording",
            FindingKind::Unique => "unique",
            FindingKind::CopyEdit => "copy_edit",
            FindingKind::QuoteWording => "quote_wording",
        }
    }

    /// A short human title ("Number mismatch").
    pub fn title(self) -> &'static str {
        match self {
            FindingKind::Agreement => "Agreement",
            FindingKind::NumberMismatch => "Number mismatch",
            FindingKind::DateMismatch => "Date mismatch",
            FindingKind::NameVariant => "Name variant",
            FindingKind::QuoteAttribution => "Quote attribution",
            FindingKind::Contradiction => "Contradiction",
            FindingKind::Wording => "Wording",
            FindingKind::Unique => "One source only",
            FindingKind::CopyEdit => "Copy edit",
            FindingKind::QuoteWording => "Quote wording",
        }
    }

    /// Whether this kind marks a difference between sources (everything but agreement).
    pub fn is_difference(self) -> bool {
        self != FindingKind::Agreement
    }

    /// Parses the report name of a kind.
    pub fn parse(name: &str) -> Option<FindingKind> {
        FindingKind::ALL
            .into_iter()
            .find(|kind| kind.as_str() == name)
    }
}

/// One agreement or difference between sources, with the evidence for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    pub index: FindingId,
    pub kind: FindingKind,
    pub event: Option<EventId>,
    /// The sorted distinct events the finding's claims lie in: one for most findings, two
    /// for claims paired across events of one story, none for claims outside every event.
    /// Reports written before this field existed read as empty.
    #[serde(default)]
    pub events: Vec<EventId>,
    pub summary: String,
    pub claims: Vec<Claim>,
    /// What the user decided about this finding, if anything.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<Review>,
    /// How sure the engine is that the finding is true (0 to 1): for a difference, that
    /// both claims speak of the same referent and really differ. Findings below the
    /// calibrated default ([`crate::settings::DEFAULT_MIN_CONFIDENCE`]) are shown only on
    /// request. Reports written before this field existed read as 1.
    #[serde(default = "full_confidence")]
    pub confidence: f32,
    /// The referent evidence in words: why the engine believes the claims are about the
    /// same thing ("both about the Barkhane force", "both count troops").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<String>,
}

fn full_confidence() -> f32 {
    1.0
}

impl Finding {
    /// Whether the user dismissed this finding.
    pub fn is_dismissed(&self) -> bool {
        self.review
            .as_ref()
            .is_some_and(|r| r.status == ReviewStatus::Dismissed)
    }

    /// The review status as written in exports: `unreviewed`, `confirmed` or `dismissed`.
    pub fn review_status(&self) -> &'static str {
        self.review
            .as_ref()
            .map_or("unreviewed", |r| r.status.as_str())
    }
}

/// A user's decision about a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewStatus {
    Confirmed,
    Dismissed,
}

impl ReviewStatus {
    /// The word used in exports.
    pub fn as_str(self) -> &'static str {
        match self {
            ReviewStatus::Confirmed => "confirmed",
            ReviewStatus::Dismissed => "dismissed",
        }
    }
}

/// A review as it appears in a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    pub status: ReviewStatus,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub comment: String,
    /// When the review was saved on a finding that has since changed (another kind, a side
    /// more or less, other spans) and was carried over to this one: how it changed, for the
    /// user to check ("re-attached: was a number mismatch finding, now quote wording").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reattached: Option<String>,
    /// Position of the review in the session's list of reviews (absent in reports written
    /// before this field existed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session_index: Option<usize>,
}

/// A user's note, placed in the current texts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Note {
    /// Position of the note in the session's list of notes.
    pub index: usize,
    pub text: String,
    /// The event the note is about: the one it was attached to, or the one its span lies in.
    pub event: Option<EventId>,
    /// The span of text the note is attached to, when it is attached to text.
    pub span: Option<NoteSpan>,
}

/// Where a note stands in a document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NoteSpan {
    pub document: DocId,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// Which kind of session item an orphan is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    Correction,
    Review,
    Note,
}

impl ItemKind {
    /// The word used in messages.
    pub fn as_str(self) -> &'static str {
        match self {
            ItemKind::Correction => "correction",
            ItemKind::Review => "review",
            ItemKind::Note => "note",
        }
    }
}

/// A session item that could not be placed, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Orphan {
    pub item: ItemKind,
    /// Position of the item in its session list.
    pub index: usize,
    /// What the item was, in a few words ("note: ‘…’").
    pub description: String,
    pub reason: String,
    /// Whether the item waits for a document that is not loaded (it comes back once the
    /// document is found), rather than having lost its place in the text.
    pub waiting: bool,
}

/// One source's side of a finding: a marked span and its normalised value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    pub document: DocId,
    pub passage: PassageId,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub value: Option<String>,
    /// A qualifier shown next to the value: an approximation marker ("about"), the speaker
    /// of a quote, or the polarity of a claim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Who the source says gives this figure ("according to the city hospital", "the
    /// ministry said"), when its sentence says so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribution: Option<String>,
}
