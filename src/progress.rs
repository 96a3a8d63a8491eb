//! Progress reporting and cancellation, shared between the engine and whoever waits for it.
//!
//! The engine runs on a worker thread in the viewer. It publishes the current stage and a
//! count through atomics (cheap to poll every frame) and checks the cancel flag between units
//! of work, so a cancelled comparison stops within milliseconds.

use std::sync::atomic::{AtomicBool, AtomicU8, AtomicUsize, Ordering};

/// The pipeline stages, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Stage {
    Loading,
    Segmenting,
    Extracting,
    Aligning,
    Comparing,
    Reporting,
    Done,
}

impl Stage {
    const ALL: [Stage; 7] = [
        Stage::Loading,
        Stage::Segmenting,
        Stage::Extracting,
        Stage::Aligning,
        Stage::Comparing,
        Stage::Reporting,
        Stage::Done,
    ];

    /// A lower-case name for progress bars ("aligning").
    pub fn name(self) -> &'static str {
        match self {
            Stage::Loading => "loading",
            Stage::Segmenting => "segmenting",
            Stage::Extracting => "extracting",
            Stage::Aligning => "aligning",
            Stage::Comparing => "comparing",
            Stage::Reporting => "reporting",
            Stage::Done => "done",
        }
    }
}

/// The comparison was cancelled through [`Progress::cancel`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the comparison was cancelled")]
pub struct Cancelled;

/// Shared progress state. Create one per comparison and share it by reference or `Arc`.
#[derive(Debug, Default)]
pub struct Progress {
    stage: AtomicU8,
    done: AtomicUsize,
    total: AtomicUsize,
    cancelled: AtomicBool,
}

impl Progress {
    pub fn new() -> Self {
        Self::default()
    }

    /// Asks the engine to stop at its next check.
    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }

    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }

    /// Returns `Err(Cancelled)` once [`Progress::cancel`] was called.
    pub fn check(&self) -> Result<(), Cancelled> {
        if self.is_cancelled() {
            Err(Cancelled)
        } else {
            Ok(())
        }
    }

    /// Enters a stage with `total` units of work.
    pub fn begin(&self, stage: Stage, total: usize) {
        self.stage.store(stage as u8, Ordering::Relaxed);
        self.total.store(total, Ordering::Relaxed);
        self.done.store(0, Ordering::Relaxed);
    }

    /// Counts one finished unit of the current stage.
    pub fn advance(&self) {
        self.done.fetch_add(1, Ordering::Relaxed);
    }

    /// The current stage and its `(done, total)` counts.
    pub fn snapshot(&self) -> (Stage, usize, usize) {
        let stage = Stage::ALL[self.stage.load(Ordering::Relaxed) as usize % Stage::ALL.len()];
        (
            stage,
            self.done.load(Ordering::Relaxed),
            self.total.load(Ordering::Relaxed),
        )
    }
}
