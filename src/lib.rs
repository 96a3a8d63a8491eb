//! Parallax compares how several sources report the same events.
//!
//! The engine is a pipeline, one module per stage:
//! [`load`] → [`segment`] → [`extract`] → [`align`] → [`compare`] → [`report`].
//! Its output is a plain-data [`model::Report`] that the viewer, the command line and the
//! exports all read. The engine knows nothing of any user interface.

pub mod calendar;
pub mod extract;
pub mod lexicon;
pub mod load;
pub mod model;
pub mod progress;
pub mod segment;
pub mod settings;
pub mod text;
