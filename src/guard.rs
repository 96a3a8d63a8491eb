//! A panic while reading one file becomes that file's failure, not the end of the run.
//!
//! No input should make the engine panic, and the fuzz tests hunt for those that do. As a
//! second line of defence, the work done for one file alone (loading, decoding, segmenting)
//! runs under [`catch`]: a panic there is turned into a message naming the problem, the file
//! is listed among the failures, and the other files are reported as usual. The binary's
//! panic hook asks [`is_guarded`] so that a caught panic is not also announced as an internal
//! error on standard error.

use std::cell::Cell;
use std::panic::{AssertUnwindSafe, catch_unwind};

thread_local! {
    static GUARDED: Cell<u32> = const { Cell::new(0) };
}

/// Runs `work`, turning a panic into `Err` with the panic's message.
pub fn catch<T>(work: impl FnOnce() -> T) -> Result<T, String> {
    GUARDED.with(|depth| depth.set(depth.get() + 1));
    let outcome = catch_unwind(AssertUnwindSafe(work));
    GUARDED.with(|depth| depth.set(depth.get() - 1));
    outcome.map_err(|payload| {
        payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown cause".into())
    })
}

/// Whether the current thread is inside [`catch`] (a panic here is handled by the caller).
pub fn is_guarded() -> bool {
    GUARDED.with(Cell::get) > 0
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_panic_becomes_an_error_with_its_message() {
        assert_eq!(super::catch(|| 2 + 2), Ok(4));
        let caught = super::catch(|| -> u8 { panic!("cut at byte {}", 7) });
        assert_eq!(caught, Err("cut at byte 7".to_string()));
        assert!(!super::is_guarded());
    }
}
