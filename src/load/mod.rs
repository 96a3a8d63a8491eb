//! Stage 1, load: files to decoded text and metadata.
//!
//! Every failure is a value ([`LoadError`]) that names the problem; the caller pairs it with
//! the path. One bad file never stops the comparison of the others. Plain UTF-8 text and
//! Markdown keep their bytes exactly, so report offsets point into the file as it is on disk.

mod decode;
mod html;
pub mod metadata;
pub mod read;

use crate::calendar::Date;
use crate::model::Format;
use crate::settings::Settings;
use std::path::{Path, PathBuf};

/// One input to a comparison: a file on disk, or bytes already in memory (tests, sessions).
#[derive(Debug, Clone, PartialEq)]
pub enum Input {
    Path(PathBuf),
    Memory { name: String, bytes: Vec<u8> },
}

impl Input {
    /// The name shown for this input: the path as given, or the memory name.
    pub fn name(&self) -> String {
        match self {
            Input::Path(path) => path.display().to_string(),
            Input::Memory { name, .. } => name.clone(),
        }
    }
}

impl From<PathBuf> for Input {
    fn from(path: PathBuf) -> Self {
        Input::Path(path)
    }
}

impl From<&Path> for Input {
    fn from(path: &Path) -> Self {
        Input::Path(path.to_path_buf())
    }
}

impl From<&str> for Input {
    fn from(path: &str) -> Self {
        Input::Path(PathBuf::from(path))
    }
}

/// Why a file could not be loaded. The message never includes the path: the caller adds it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    #[error("no such file")]
    NotFound,
    #[error("permission denied")]
    PermissionDenied,
    #[error("it is a directory with no .txt, .md or .html files")]
    EmptyDirectory,
    #[error("could not be read: {0}")]
    Io(String),
    #[error("the file is empty")]
    Empty,
    #[error("the file is too large ({size} bytes; the limit is {limit} bytes)")]
    TooLarge { size: u64, limit: u64 },
    #[error("this looks like a binary file, not text: {0}")]
    Binary(String),
    #[error("the text cannot be decoded: {0}")]
    Undecodable(String),
    #[error("unsupported format \"{0}\" (Parallax reads .txt, .md and .html files)")]
    Unsupported(String),
    #[error("{0}")]
    NoText(String),
    #[error("this is {0}, not a regular file; Parallax only reads regular files")]
    NotRegular(String),
}

impl From<read::ReadError> for LoadError {
    fn from(error: read::ReadError) -> Self {
        match error {
            read::ReadError::NotFound => LoadError::NotFound,
            read::ReadError::PermissionDenied => LoadError::PermissionDenied,
            read::ReadError::Directory => LoadError::Unsupported("directory".into()),
            read::ReadError::NotRegular(kind) => LoadError::NotRegular(kind.into()),
            read::ReadError::TooLarge { size, limit } => LoadError::TooLarge { size, limit },
            read::ReadError::Io(message) => LoadError::Io(message),
        }
    }
}

/// Metadata a page declares about itself (HTML `<meta>` and JSON-LD).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageMetadata {
    pub title: Option<String>,
    pub author: Option<String>,
    pub outlet: Option<String>,
    pub date: Option<String>,
}

/// A document's text with everything read about it.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedDocument {
    pub path: String,
    pub text: String,
    pub format: Format,
    pub encoding: String,
    pub title: Option<String>,
    pub date: Option<Date>,
    pub author: Option<String>,
    pub outlet: Option<String>,
    /// A display name the user gave the source (from a session).
    pub name: Option<String>,
    /// Header text (dates, bylines) that segmentation marks as boilerplate.
    pub header_ranges: Vec<std::ops::Range<usize>>,
    /// The title line, which segmentation marks as a heading.
    pub title_range: Option<std::ops::Range<usize>>,
    /// The language of the text (see [`crate::text::guess_language`]).
    pub language: String,
}

const SUPPORTED: [&str; 5] = ["txt", "md", "markdown", "html", "htm"];

/// The format for a file name, by its extension. Names without one are read as plain text.
pub fn format_of(name: &str) -> Result<Format, LoadError> {
    let extension = Path::new(name)
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase());
    match extension.as_deref() {
        None | Some("txt") | Some("text") => Ok(Format::Text),
        Some("md") | Some("markdown") => Ok(Format::Markdown),
        Some("html") | Some("htm") | Some("xhtml") => Ok(Format::Html),
        Some(other) => Err(LoadError::Unsupported(format!(".{other}"))),
    }
}

/// Whether a path has an extension Parallax reads (used to expand directories).
pub fn is_supported(path: &Path) -> bool {
    path.extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .is_some_and(|e| SUPPORTED.contains(&e.as_str()))
}

/// Files given and the supported files of folders given, in order (a folder's files sorted
/// by name), with the paths that could not be expanded. Subfolders are not read; see
/// [`expand`] for that and for the list of what was skipped.
pub fn expand_inputs(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<(PathBuf, LoadError)>) {
    let expansion = expand(paths, false);
    (expansion.files, expansion.errors)
}

/// What [`expand`] found.
#[derive(Debug, Default)]
pub struct Expansion {
    /// The files to read, in order.
    pub files: Vec<PathBuf>,
    /// Paths that could not be expanded, and why.
    pub errors: Vec<(PathBuf, LoadError)>,
    /// Subfolders that were not read (without `recursive`), so that the caller can say so.
    pub skipped_folders: Vec<PathBuf>,
}

/// Deepest folder nesting read with `recursive`.
const MAX_FOLDER_DEPTH: usize = 32;

/// Expands folders into their supported files (sorted by name, a folder's own files before
/// its subfolders'). With `recursive`, subfolders are read too; a folder reached twice (a
/// symbolic link back up the tree) is read once, and nothing deeper than
/// [`MAX_FOLDER_DEPTH`] levels. Without it, subfolders are listed in
/// [`Expansion::skipped_folders`].
pub fn expand(paths: &[PathBuf], recursive: bool) -> Expansion {
    let mut expansion = Expansion::default();
    let mut visited = std::collections::HashSet::new();
    for path in paths {
        if path.is_dir() {
            let found_before = expansion.files.len();
            expand_folder(path, recursive, 0, &mut visited, &mut expansion);
            if expansion.files.len() == found_before
                && !expansion.errors.iter().any(|(p, _)| p == path)
            {
                expansion
                    .errors
                    .push((path.clone(), LoadError::EmptyDirectory));
            }
        } else {
            expansion.files.push(path.clone());
        }
    }
    expansion
}

fn expand_folder(
    folder: &Path,
    recursive: bool,
    depth: usize,
    visited: &mut std::collections::HashSet<PathBuf>,
    expansion: &mut Expansion,
) {
    let real = std::fs::canonicalize(folder).unwrap_or_else(|_| folder.to_path_buf());
    if !visited.insert(real) || depth > MAX_FOLDER_DEPTH {
        return;
    }
    let entries = match std::fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(error) => {
            expansion
                .errors
                .push((folder.to_path_buf(), io_error(&error)));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    paths.sort();
    let (folders, files): (Vec<PathBuf>, Vec<PathBuf>) =
        paths.into_iter().partition(|p| p.is_dir());
    expansion
        .files
        .extend(files.into_iter().filter(|p| p.is_file() && is_supported(p)));
    // Hidden folders (`.git`, `.cache`) hold no articles.
    let hidden = |p: &PathBuf| {
        p.file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'))
    };
    for subfolder in folders.into_iter().filter(|p| !hidden(p)) {
        if recursive {
            expand_folder(&subfolder, true, depth + 1, visited, expansion);
        } else {
            expansion.skipped_folders.push(subfolder);
        }
    }
}

fn io_error(error: &std::io::Error) -> LoadError {
    match error.kind() {
        std::io::ErrorKind::NotFound => LoadError::NotFound,
        std::io::ErrorKind::PermissionDenied => LoadError::PermissionDenied,
        _ => LoadError::Io(error.to_string()),
    }
}

/// Loads one input.
pub fn load(input: &Input, settings: &Settings) -> Result<LoadedDocument, LoadError> {
    match input {
        Input::Path(path) => load_path(path, settings),
        Input::Memory { name, bytes } => load_bytes(name, bytes, settings),
    }
}

/// Reads and decodes a file: only a regular file, and never more than the size limit.
pub fn load_path(path: &Path, settings: &Settings) -> Result<LoadedDocument, LoadError> {
    let name = path.display().to_string();
    let metadata = std::fs::metadata(path).map_err(|e| io_error(&e))?;
    if metadata.is_dir() {
        return Err(LoadError::Unsupported("directory".into()));
    }
    if let Some(kind) = read::special_kind(&metadata.file_type()) {
        return Err(LoadError::NotRegular(kind.into()));
    }
    format_of(&name)?;
    let bytes = read::read_capped(path, settings.max_file_bytes)?;
    load_bytes(&name, &bytes, settings)
}

/// Decodes bytes that came from the file `name`.
pub fn load_bytes(
    name: &str,
    bytes: &[u8],
    settings: &Settings,
) -> Result<LoadedDocument, LoadError> {
    let format = format_of(name)?;
    if bytes.len() as u64 > settings.max_file_bytes {
        return Err(LoadError::TooLarge {
            size: bytes.len() as u64,
            limit: settings.max_file_bytes,
        });
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(LoadError::Empty);
    }
    let decoded = decode::decode(bytes)?;
    if decoded.text.trim().is_empty() {
        return Err(LoadError::Empty);
    }
    let (text, page) = match format {
        Format::Html => html::extract(&decoded.text)?,
        Format::Text | Format::Markdown => (decoded.text, PageMetadata::default()),
    };
    let meta = metadata::read(&text, format == Format::Markdown);
    // Page bylines often carry the date too: "By Ann Berg | Saturday 15 March 2025, 18:40".
    let (page_author, byline_date) = match page.author.as_deref() {
        Some(byline) => split_byline(byline),
        None => (None, None),
    };
    let date = page
        .date
        .as_deref()
        .and_then(Date::parse_iso)
        .or(meta.date)
        .or(byline_date);
    Ok(LoadedDocument {
        path: name.to_string(),
        format,
        encoding: decoded.encoding.to_string(),
        title: page.title.or(meta.title),
        date,
        author: meta.author.or(page_author),
        outlet: meta.outlet.or(page.outlet),
        name: None,
        header_ranges: meta.header_ranges,
        title_range: meta.title_range,
        language: crate::text::guess_language(&text).to_string(),
        text,
    })
}

/// Splits a byline into the author's name and a date, dropping "By" and separators.
fn split_byline(byline: &str) -> (Option<String>, Option<Date>) {
    let date = crate::calendar::first_date(byline).map(|(date, _, _)| date);
    let first = byline
        .split(['|', '•', '·', '\n'])
        .next()
        .unwrap_or(byline)
        .trim();
    let first = match crate::calendar::first_date(first) {
        Some((_, start, _)) => first[..start].trim_end_matches([',', ' ', '-']),
        None => first,
    };
    let name = first
        .strip_prefix("By ")
        .or_else(|| first.strip_prefix("by "))
        .unwrap_or(first)
        .trim();
    ((!name.is_empty()).then(|| name.to_string()), date)
}

/// Where the bundled sample articles are: next to the working directory when run from the
/// repository, else where the crate was built.
pub fn samples_dir() -> PathBuf {
    let local = PathBuf::from("assets/samples");
    if local.is_dir() {
        local
    } else {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines_split_into_name_and_date() {
        let (name, date) = split_byline("By Tobiasz Remer | Saturday 15 March 2025, 18:40");
        assert_eq!(name.as_deref(), Some("Tobiasz Remer"));
        assert_eq!(date, Some(Date::ymd(2025, 3, 15)));
    }

    #[test]
    fn io_errors_name_the_problem() {
        use std::io::{Error, ErrorKind};
        assert_eq!(
            io_error(&Error::from(ErrorKind::PermissionDenied)),
            LoadError::PermissionDenied
        );
        assert_eq!(
            io_error(&Error::from(ErrorKind::NotFound)),
            LoadError::NotFound
        );
        assert_eq!(LoadError::PermissionDenied.to_string(), "permission denied");
    }

    #[test]
    fn unsupported_extensions_are_named() {
        let error = load_bytes("photo.png", b"x", &Settings::default()).unwrap_err();
        assert_eq!(
            error.to_string(),
            "unsupported format \".png\" (Parallax reads .txt, .md and .html files)"
        );
    }

    #[test]
    fn empty_and_blank_files_are_refused() {
        let settings = Settings::default();
        assert_eq!(load_bytes("a.txt", b"", &settings), Err(LoadError::Empty));
        assert_eq!(
            load_bytes("a.txt", b" \n\n ", &settings),
            Err(LoadError::Empty)
        );
    }

    #[test]
    fn plain_text_is_kept_byte_for_byte() {
        let text = "Title\r\n\r\nFirst  line.\r\nSecond line.\n";
        let doc = load_bytes("a.txt", text.as_bytes(), &Settings::default()).unwrap();
        assert_eq!(doc.text, text);
    }

    #[test]
    fn html_keeps_article_and_drops_navigation() {
        let html = r#"<html><head><title>Dam breaks</title><script>var x = "tracking";</script></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Dam breaks</h1>
<p>The dam above the town gave way on Thursday night, flooding the lower streets and forcing hundreds of families from their homes before dawn.</p>
<p>Engineers had warned for years that the concrete was cracking, but the repairs were postponed twice for lack of money, officials said.</p>
</article><footer>Related articles: <a href="/x">Other</a></footer></body></html>"#;
        let doc = load_bytes("page.html", html.as_bytes(), &Settings::default()).unwrap();
        assert!(
            doc.text.contains("The dam above the town gave way"),
            "{}",
            doc.text
        );
        assert!(doc.text.contains("\n\nEngineers") || doc.text.contains("\nEngineers"));
        assert!(!doc.text.contains("tracking"));
        assert!(!doc.text.contains("Home News"));
        assert_eq!(doc.title.as_deref(), Some("Dam breaks"));
    }
}
