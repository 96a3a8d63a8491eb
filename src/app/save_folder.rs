//! Where saves and exports start (issue 22, item 11). Not beside the articles: for the
//! bundled samples that is the program's own `assets/` folder, and a user's articles may sit
//! in a read-only or shared place. A saved session's folder is where the user keeps this
//! work; else their documents folder; else their home.

use std::path::{Path, PathBuf};

/// The folder a save or an export starts in: the folder of the session file when the session
/// was saved, else `documents`, else `home`, else the current folder. A pure function: the
/// caller reads the environment ([`documents_folder`], [`home_folder`]).
pub fn save_folder(
    session: Option<&Path>,
    documents: Option<PathBuf>,
    home: Option<PathBuf>,
    current: PathBuf,
) -> PathBuf {
    session
        .and_then(Path::parent)
        .filter(|p| !p.as_os_str().is_empty())
        .map(Path::to_path_buf)
        .or(documents)
        .or(home)
        .unwrap_or(current)
}

/// The user's home folder, from `HOME` (or `USERPROFILE` on Windows).
pub fn home_folder() -> Option<PathBuf> {
    ["HOME", "USERPROFILE"]
        .iter()
        .filter_map(std::env::var_os)
        .map(PathBuf::from)
        .find(|p| p.is_dir())
}

/// The user's documents folder: `XDG_DOCUMENTS_DIR`, else the `XDG_DOCUMENTS_DIR` line of
/// `~/.config/user-dirs.dirs`, else `~/Documents`, when it exists.
pub fn documents_folder() -> Option<PathBuf> {
    let home = home_folder()?;
    let from_env = std::env::var_os("XDG_DOCUMENTS_DIR").map(PathBuf::from);
    let from_file = std::fs::read_to_string(home.join(".config/user-dirs.dirs"))
        .ok()
        .and_then(|text| user_dirs_documents(&text, &home));
    [from_env, from_file, Some(home.join("Documents"))]
        .into_iter()
        .flatten()
        .find(|p| p.is_dir())
}

/// The documents folder named in a `user-dirs.dirs` file: `XDG_DOCUMENTS_DIR="$HOME/Docs"`.
fn user_dirs_documents(text: &str, home: &Path) -> Option<PathBuf> {
    let line = text
        .lines()
        .find_map(|l| l.trim().strip_prefix("XDG_DOCUMENTS_DIR="))?;
    let value = line.trim().trim_matches('"');
    Some(match value.strip_prefix("$HOME") {
        Some(rest) => home.join(rest.trim_start_matches('/')),
        None => PathBuf::from(value),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saves_start_in_the_session_folder_else_documents_else_home() {
        let current = PathBuf::from("/work/parallax");
        let docs = Some(PathBuf::from("/home/ann/Documents"));
        let home = Some(PathBuf::from("/home/ann"));
        // A saved session: its folder.
        let session = Path::new("/home/ann/stories/flood.parallax.ron");
        assert_eq!(
            save_folder(Some(session), docs.clone(), home.clone(), current.clone()),
            PathBuf::from("/home/ann/stories")
        );
        // Not saved: the documents folder, never the articles' (the samples' assets/).
        assert_eq!(
            save_folder(None, docs.clone(), home.clone(), current.clone()),
            PathBuf::from("/home/ann/Documents")
        );
        // No documents folder: home; nothing at all: the current folder.
        assert_eq!(
            save_folder(None, None, home.clone(), current.clone()),
            PathBuf::from("/home/ann")
        );
        assert_eq!(save_folder(None, None, None, current.clone()), current);
        // A session file named without a folder is in no folder of its own.
        assert_eq!(
            save_folder(Some(Path::new("s.ron")), docs, home, current),
            PathBuf::from("/home/ann/Documents")
        );
    }

    #[test]
    fn the_documents_folder_is_read_from_user_dirs() {
        let home = Path::new("/home/ann");
        let text =
            "# comment\nXDG_DESKTOP_DIR=\"$HOME/Desktop\"\nXDG_DOCUMENTS_DIR=\"$HOME/Dokumente\"\n";
        assert_eq!(
            user_dirs_documents(text, home),
            Some(PathBuf::from("/home/ann/Dokumente"))
        );
        assert_eq!(
            user_dirs_documents("XDG_DOCUMENTS_DIR=\"/data/docs\"", home),
            Some(PathBuf::from("/data/docs"))
        );
        assert_eq!(user_dirs_documents("", home), None);
    }
}
