//! Atomic file replacement, shared by report output and session saves.
//!
//! The new content goes to a temporary file in the target's folder and is synced; only then
//! is anything else touched (an optional backup of the old file), and a rename puts the new
//! file in place. A crash at any moment leaves the old file or the new one, whole.

use std::io::Write;
use std::path::Path;

/// Replaces `path` with `bytes`. With `backup`, the old file (if any) is first copied there.
/// `before_rename` runs after the temporary file is written and synced; if it fails (tests
/// simulate a crash with it), nothing else changes and the temporary file is removed.
pub fn replace(
    path: &Path,
    bytes: &[u8],
    backup: Option<&Path>,
    before_rename: impl FnOnce() -> std::io::Result<()>,
) -> std::io::Result<()> {
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "output".into());
    let temporary = folder.join(format!(".{name}.tmp-{}", std::process::id()));
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
