//! Reading a file from disk without trusting it: only regular files, and never more than a
//! limit.
//!
//! Every file Parallax reads (articles, lexicons, sessions, the files a session names) goes
//! through [`read_capped`]. Three things can go wrong with a plain `std::fs::read`:
//!
//! - a named pipe (FIFO) blocks `open` until some other program writes to it, so the viewer
//!   or the command line would hang forever;
//! - a device such as `/dev/zero` or `/dev/urandom` never ends, and its metadata length is 0,
//!   so a size check on the metadata passes and the read grows memory without bound;
//! - a file can grow between the size check and the read.
//!
//! So the file type is checked on the metadata *before* opening, the file is opened with
//! `O_NONBLOCK` (a FIFO that appears between the check and the open cannot block), the type is
//! checked again on the open handle, and the read is capped with `take(limit + 1)`: one byte
//! more than the limit is enough to know the file is too large.

use std::fs::FileType;
use std::io::Read;
use std::path::Path;

/// Why a file could not be read. The message never includes the path: the caller adds it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReadError {
    #[error("no such file")]
    NotFound,
    #[error("permission denied")]
    PermissionDenied,
    #[error("this is a folder, not a file")]
    Directory,
    #[error("this is {0}, not a regular file; Parallax only reads regular files")]
    NotRegular(&'static str),
    #[error("the file is too large ({size} bytes; the limit is {limit} bytes)")]
    TooLarge { size: u64, limit: u64 },
    #[error("could not be read: {0}")]
    Io(String),
}

/// What kind of special file this is, in words, or `None` for regular files and folders.
pub fn special_kind(file_type: &FileType) -> Option<&'static str> {
    if file_type.is_file() || file_type.is_dir() {
        return None;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return Some("a named pipe (FIFO)");
        }
        if file_type.is_char_device() {
            return Some("a character device");
        }
        if file_type.is_block_device() {
            return Some("a block device");
        }
        if file_type.is_socket() {
            return Some("a socket");
        }
    }
    Some("a special file")
}

fn io_error(error: &std::io::Error) -> ReadError {
    match error.kind() {
        std::io::ErrorKind::NotFound => ReadError::NotFound,
        std::io::ErrorKind::PermissionDenied => ReadError::PermissionDenied,
        std::io::ErrorKind::IsADirectory => ReadError::Directory,
        _ => ReadError::Io(error.to_string()),
    }
}

fn check_type(metadata: &std::fs::Metadata, limit: u64) -> Result<(), ReadError> {
    let file_type = metadata.file_type();
    if file_type.is_dir() {
        return Err(ReadError::Directory);
    }
    if let Some(kind) = special_kind(&file_type) {
        return Err(ReadError::NotRegular(kind));
    }
    if metadata.len() > limit {
        return Err(ReadError::TooLarge {
            size: metadata.len(),
            limit,
        });
    }
    Ok(())
}

/// Reads a regular file of at most `limit` bytes (symbolic links are followed).
pub fn read_capped(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    // Checked before opening: opening a FIFO for reading blocks until a writer appears.
    let metadata = std::fs::metadata(path).map_err(|e| io_error(&e))?;
    check_type(&metadata, limit)?;
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Had the file been swapped for a FIFO since the check, the open does not block.
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(|e| io_error(&e))?;
    // The handle is what we read: check it, not the path, which may have changed.
    let metadata = file.metadata().map_err(|e| io_error(&e))?;
    check_type(&metadata, limit)?;
    let mut bytes = Vec::with_capacity(metadata.len().min(limit) as usize);
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| io_error(&e))?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge {
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regular_files_are_read_up_to_the_limit() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("a.txt");
        std::fs::write(&path, b"0123456789").unwrap();
        assert_eq!(read_capped(&path, 10).unwrap(), b"0123456789");
        assert!(matches!(
            read_capped(&path, 9),
            Err(ReadError::TooLarge { size: 10, limit: 9 })
        ));
        assert_eq!(read_capped(folder.path(), 10), Err(ReadError::Directory));
        assert_eq!(
            read_capped(&folder.path().join("missing"), 10),
            Err(ReadError::NotFound)
        );
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn devices_are_refused_before_reading() {
        let error = read_capped(Path::new("/dev/zero"), 1024).unwrap_err();
        assert_eq!(error, ReadError::NotRegular("a character device"));
        assert!(error.to_string().contains("not a regular file"));
    }
}
