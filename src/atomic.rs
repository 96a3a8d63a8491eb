//! Atomic file replacement, shared by report output and session saves.
//!
//! The new content goes to a temporary file in the target's folder and is synced; only then
//! is anything else touched (an optional backup of the old file), and a rename puts the new
//! file in place. A crash at any moment leaves the old file or the new one, whole.

use std::io::Write;
use std::path::{Path, PathBuf};

/// The folder of `path`, its file name, and the temporary file beside it that a new content
/// is written to before it is renamed into place.
fn temporary_beside(path: &Path) -> (PathBuf, String, PathBuf) {
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .to_path_buf();
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "output".into());
    let temporary = folder.join(format!(".{name}.tmp-{}", std::process::id()));
    (folder, name, temporary)
}

/// Replaces `path` with `bytes`. With `backup`, the old file (if any) is first copied there.
/// `before_rename` runs after the temporary file is written and synced; if it fails (tests
/// simulate a crash with it), nothing else changes and the temporary file is removed.
pub fn replace(
    path: &Path,
    bytes: &[u8],
    backup: Option<&Path>,
    before_rename: impl FnOnce() -> std::io::Result<()>,
) -> std::io::Result<()> {
    let (folder, name, temporary) = temporary_beside(path);
    let folder = folder.as_path();
    let result = (|| {
        let mut file = std::fs::File::create(&temporary)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        before_rename()?;
        if let Some(backup) = backup
            && std::fs::metadata(path).is_ok_and(|m| m.is_file())
        {
            let copy = folder.join(format!(".{name}.bak-tmp-{}", std::process::id()));
            std::fs::copy(path, &copy)?;
            std::fs::rename(&copy, backup)?;
        }
        std::fs::rename(&temporary, path)?;
        // Make the rename itself durable; not every platform can open a folder.
        if let Ok(folder) = std::fs::File::open(folder) {
            let _ = folder.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    result
}

/// Writes a file atomically: a temporary file in the same folder, synced, then renamed.
/// A symbolic link is followed, so the file it points to is replaced and the link stays.
/// Anything that is not a regular file (`/dev/null`, a pipe, a terminal) is written to
/// directly: renaming over it would replace the device with a file. A replaced file keeps
/// its permissions (a read-only file stays read-only).
pub fn write_atomically(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    let resolved = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let existing = std::fs::metadata(&resolved).ok();
    if let Some(metadata) = &existing
        && !metadata.is_file()
    {
        let mut file = std::fs::OpenOptions::new().write(true).open(&resolved)?;
        return file.write_all(contents);
    }
    replace(&resolved, contents, None, || Ok(()))?;
    if let Some(metadata) = existing {
        std::fs::set_permissions(&resolved, metadata.permissions())?;
    }
    Ok(())
}

/// Writes several files as one: every new content goes to a temporary file beside its target
/// and is synced first; only when all of them are written are they renamed into place. A full
/// disk or a failed write therefore leaves every old file as it was (the CSV export writes
/// `findings.csv` and `coverage.csv` together, and a new one beside an old other would
/// mislead). On failure the error names the file that could not be written.
pub fn write_all_or_none(files: &[(PathBuf, &[u8])]) -> Result<(), (PathBuf, std::io::Error)> {
    let mut written: Vec<(PathBuf, PathBuf)> = Vec::new();
    let remove_all = |written: &[(PathBuf, PathBuf)]| {
        for (temporary, _) in written {
            let _ = std::fs::remove_file(temporary);
        }
    };
    for (path, contents) in files {
        let (_, _, temporary) = temporary_beside(path);
        let result = std::fs::File::create(&temporary).and_then(|mut file| {
            file.write_all(contents)?;
            file.sync_all()
        });
        written.push((temporary, path.clone()));
        if let Err(error) = result {
            remove_all(&written);
            return Err((path.clone(), error));
        }
    }
    // Each old file is moved aside before its new one takes its place, so that a failed
    // rename can put every file back as it was.
    let mut moved: Vec<(PathBuf, Option<PathBuf>)> = Vec::new();
    let mut failure = None;
    for (temporary, path) in &written {
        let aside = path.with_file_name(format!(
            ".{}.old-{}",
            path.file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
            std::process::id()
        ));
        let had_old = std::fs::symlink_metadata(path).is_ok();
        if had_old && let Err(error) = std::fs::rename(path, &aside) {
            failure = Some((path.clone(), error));
            break;
        }
        moved.push((path.clone(), had_old.then_some(aside.clone())));
        if let Err(error) = std::fs::rename(temporary, path) {
            failure = Some((path.clone(), error));
            break;
        }
    }
    match failure {
        None => {
            for (_, aside) in moved {
                if let Some(aside) = aside {
                    let _ = std::fs::remove_file(aside);
                }
            }
            Ok(())
        }
        Some(failure) => {
            for (path, aside) in moved.into_iter().rev() {
                match aside {
                    Some(aside) => {
                        let _ = std::fs::remove_file(&path);
                        let _ = std::fs::rename(aside, &path);
                    }
                    None => {
                        let _ = std::fs::remove_file(&path);
                    }
                }
            }
            remove_all(&written);
            Err(failure)
        }
    }
}

/// Whether two paths name the same file: the same device and inode (which also catches
/// hard links and symbolic links), or the same canonical path.
fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(a), Ok(b)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            return a.dev() == b.dev() && a.ino() == b.ino();
        }
    }
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => std::path::absolute(a).ok() == std::path::absolute(b).ok(),
    }
}

/// Checks an output file before anything is written: it must not be an input of this run
/// (an article, the session, a lexicon) and, unless `force`, must not be read-only.
pub fn check_output(target: &Path, inputs: &[PathBuf], force: bool) -> Result<(), String> {
    if let Some(input) = inputs.iter().find(|input| same_file(target, input)) {
        let what = if input.as_path() == target {
            String::new()
        } else {
            format!(" (it is the same file as {})", input.display())
        };
        return Err(format!(
            "{}: this is an input of the comparison{what}; Parallax does not write the report over it. Choose another output file.",
            target.display()
        ));
    }
    if let Ok(metadata) = std::fs::metadata(target)
        && metadata.is_file()
        && metadata.permissions().readonly()
        && !force
    {
        return Err(format!(
            "{}: the file is read-only, so Parallax leaves it as it is (use --force to replace it and keep it read-only)",
            target.display()
        ));
    }
    Ok(())
}
