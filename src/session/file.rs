//! Reading and writing `.parallax.ron` files.
//!
//! Reading never trusts the file: every failure (unreadable, not UTF-8, empty, corrupt, a
//! wrong type, truncated, written by a newer program) is a [`SessionError`] that names the
//! file and, for syntax and type errors, the line and column. Older versions are migrated.
//! Writing is atomic: a temporary file in the same folder is written and synced, the
//! previous version is kept as `NAME.bak`, and the temporary file is renamed over the
//! target, so a crash at any moment leaves either the old or the new file whole.

use super::{Edits, SESSION_VERSION, Session, SessionDocument};
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// Session files larger than this are refused (a session is a few kilobytes).
const MAX_SESSION_BYTES: u64 = 64 * 1024 * 1024;

/// Why a session file could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SessionError {
    #[error("{path}: {message}")]
    Unreadable { path: String, message: String },
    #[error("{path}: line {line}, column {column}: {message}")]
    Invalid {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error(
        "{path}: this session was written by a newer version of Parallax (session version {found}; this program reads versions up to {SESSION_VERSION}). The file was left as it is."
    )]
    Newer { path: String, found: u32 },
}

/// The header comment written at the top of every session file.
const HEADER: &str = "// A Parallax session. It is plain RON and may be edited by hand.\n// Paths are relative to this file. Anchors quote the text they point to, so they survive\n// edits to the articles.\n";

/// The session as RON text, in the stable field order of [`Session`].
pub fn to_ron(session: &Session) -> String {
    let config = ron::ser::PrettyConfig::new()
        .struct_names(false)
        .separate_tuple_members(false)
        .indentor("    ".to_string());
    // Plain data with string keys always serialises.
    let body = ron::ser::to_string_pretty(session, config).unwrap_or_default();
    format!("{HEADER}{body}\n")
}

/// Reads a session from RON text; `path` is only used in messages.
pub fn from_ron(text: &str, path: &str) -> Result<Session, SessionError> {
    // Editors on Windows often save UTF-8 with a byte-order mark: it is not part of the text.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(SessionError::Unreadable {
            path: path.to_string(),
            message: "the file is empty".into(),
        });
    }
    // Named like the real thing, so that messages and struct names (`Session(…)`) match.
    #[derive(Deserialize)]
    #[serde(rename = "Session")]
    struct Probe {
        version: u32,
    }
    let probe: Probe = ron::from_str(text).map_err(|e| invalid(path, &e))?;
    match probe.version {
        v if v > SESSION_VERSION => Err(SessionError::Newer {
            path: path.to_string(),
            found: v,
        }),
        1 => {
            let old: SessionV1 = ron::from_str(text).map_err(|e| invalid(path, &e))?;
            Ok(old.migrate())
        }
        0 => Err(SessionError::Invalid {
            path: path.to_string(),
            line: 1,
            column: 1,
            message: "version 0 is not a session version".into(),
        }),
        _ => ron::from_str(text).map_err(|e| invalid(path, &e)),
    }
    .and_then(|session: Session| {
        session
            .settings
            .validate()
            .and_then(|()| session.view.validate())
            .map_err(|message| SessionError::Unreadable {
                path: path.to_string(),
                message,
            })?;
        Ok(session)
    })
}

fn invalid(path: &str, error: &ron::error::SpannedError) -> SessionError {
    SessionError::Invalid {
        path: path.to_string(),
        line: error.span.start.line,
        column: error.span.start.col,
        message: user_message(&error.code),
    }
}

/// The longest piece of the file quoted in a message, in characters.
const MAX_QUOTED_CHARS: usize = 40;

/// `text` cut to [`MAX_QUOTED_CHARS`], with an ellipsis when it was longer.
fn quoted(text: &str) -> String {
    let mut chars = text.chars();
    let head: String = chars.by_ref().take(MAX_QUOTED_CHARS).collect();
    if chars.next().is_some() {
        format!("“{head}…”")
    } else {
        format!("“{head}”")
    }
}

/// What a RON error means, in the terms of someone editing a session or lexicon file: no
/// names of our internal types, no advice about the RON library, and never more than a
/// few words of the file itself (an offending token may be megabytes long).
pub(crate) fn user_message(error: &ron::Error) -> String {
    use ron::Error as E;
    // serde names our types ("struct `Probe`", "struct `SessionV1`") in some messages.
    let ours = |name: &str| -> String {
        match name {
            "Probe" | "Session" | "SessionV1" => "the session".into(),
            "SessionDocument" => "a document entry (path: …)".into(),
            "Settings" => "the settings".into(),
            "ViewState" => "the view settings".into(),
            "Edits" => "the edits".into(),
            "Anchor" => "an anchor (document, start, end, quote)".into(),
            "FindingReview" => "a review".into(),
            "FindingKey" => "a finding".into(),
            "SessionNote" => "a note".into(),
            "WordingEntry" => "a wording entry (referent: …, terms: […])".into(),
            other => quoted(other),
        }
    };
    let outer = |outer: &Option<String>| {
        outer
            .as_deref()
            .map_or_else(String::new, |o| format!(" in {}", ours(o)))
    };
    match error {
        E::ExceededRecursionLimit => {
            "the file is nested too deeply (too many brackets inside each other)".into()
        }
        E::Eof => "the file ends too early (is it truncated?)".into(),
        E::MissingStructField { field, outer: o } => {
            format!("the field “{field}” is missing{}", outer(o))
        }
        E::DuplicateStructField { field, outer: o } => {
            format!("the field “{field}” appears twice{}", outer(o))
        }
        E::NoSuchStructField {
            expected,
            found,
            outer: o,
        } => format!(
            "unknown field {}{}; expected one of: {}",
            quoted(found),
            outer(o),
            expected.join(", ")
        ),
        E::NoSuchEnumVariant {
            expected,
            found,
            outer: o,
        } => format!(
            "unknown value {}{}; expected one of: {}",
            quoted(found),
            outer(o),
            expected.join(", ")
        ),
        E::InvalidValueForType { expected, found } => {
            format!("expected {} but found {}", expected, quoted(found))
        }
        E::ExpectedDifferentStructName { expected, found } => {
            format!("expected {} but found {}", ours(expected), quoted(found))
        }
        E::ExpectedNamedStructLike(_) | E::ExpectedStructLike => "expected an opening “(”".into(),
        E::ExpectedStructName(name) => format!("expected the name {}", ours(name)),
        E::InvalidIdentifier(found) | E::SuggestRawIdentifier(found) => {
            format!("{} is not a valid name here", quoted(found))
        }
        E::NoSuchExtension(name) => format!("unknown RON extension {}", quoted(name)),
        E::UnclosedLineComment => "a comment is not closed".into(),
        E::Message(text) | E::Io(text) => quoted_message(text),
        other => quoted_message(&other.to_string()),
    }
}

/// A message from elsewhere (serde's own), with internal names replaced and its length cut.
fn quoted_message(text: &str) -> String {
    let mut text = text.to_string();
    for (internal, user) in [
        ("struct `Probe`", "the session"),
        ("struct `SessionV1`", "the session"),
        ("struct `SessionDocument`", "a document entry"),
        ("struct `Session`", "the session"),
        ("struct `Settings`", "the settings"),
        ("struct `ViewState`", "the view settings"),
        ("struct `Anchor`", "an anchor"),
        ("struct `WordingEntry`", "a wording entry"),
        ("`Probe`", "the session"),
    ] {
        text = text.replace(internal, user);
    }
    let mut chars = text.chars();
    // RON's messages start with a capital ("Expected comma"); ours continue a sentence.
    let mut head: String = chars
        .next()
        .map(|c| c.to_lowercase().collect())
        .unwrap_or_default();
    head.extend(chars.by_ref().take(200));
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}

/// Reads a session file.
pub fn read(path: &Path) -> Result<Session, SessionError> {
    let name = path.display().to_string();
    let unreadable = |message: String| SessionError::Unreadable {
        path: name.clone(),
        message,
    };
    let bytes = crate::load::read::read_capped(path, MAX_SESSION_BYTES).map_err(|error| {
        use crate::load::read::ReadError;
        unreadable(match error {
            ReadError::Directory => "this is a folder, not a session file".into(),
            ReadError::TooLarge { size, .. } => {
                format!(
                    "the file is {} MB, too large to be a session",
                    size / 1_000_000
                )
            }
            other => other.to_string(),
        })
    })?;
    let text = String::from_utf8(bytes).map_err(|e| {
        unreadable(format!(
            "not a session file: it is not UTF-8 text (bad byte at offset {})",
            e.utf8_error().valid_up_to()
        ))
    })?;
    from_ron(&text, &name)
}

/// The path of the backup kept next to a session file: `NAME.parallax.ron.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

/// Writes a session atomically, keeping the previous file as a `.bak`.
pub fn save(path: &Path, session: &Session) -> std::io::Result<()> {
    save_bytes(path, to_ron(session).as_bytes(), || Ok(()))
}

/// Writes `bytes` to `path` atomically. `before_rename` runs after the temporary file is
/// written and synced and before anything else changes; a failure there (tests simulate
/// one) leaves the old file and its backup untouched.
pub fn save_bytes(
    path: &Path,
    bytes: &[u8],
    before_rename: impl FnOnce() -> std::io::Result<()>,
) -> std::io::Result<()> {
    crate::atomic::replace(path, bytes, Some(&backup_path(path)), before_rename)
}

/// Version 1, the first development format: documents were bare paths and the edits stood
/// at the top level, with no settings or view state.
#[derive(Deserialize)]
struct SessionV1 {
    documents: Vec<String>,
    #[serde(default)]
    corrections: Vec<super::Correction>,
    #[serde(default)]
    reviews: Vec<super::FindingReview>,
    #[serde(default)]
    notes: Vec<super::SessionNote>,
}

impl SessionV1 {
    fn migrate(self) -> Session {
        Session {
            documents: self
                .documents
                .into_iter()
                .map(|path| SessionDocument {
                    path,
                    absolute: String::new(),
                    name: None,
                    outlet: None,
                    hash: String::new(),
                    size: 0,
                })
                .collect(),
            edits: Edits {
                corrections: self.corrections,
                reviews: self.reviews,
                notes: self.notes,
            },
            ..Session::default()
        }
    }
}
