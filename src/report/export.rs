//! Export formats: the report as JSON, Markdown, CSV or one HTML page. The command line and
//! the viewer both write reports through [`render`].

use super::{csv, html, markdown, to_json, today};
use crate::model::Report;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
/// The formats a report can be written in.
pub enum OutputFormat {
    Json,
    Markdown,
    /// One row per finding claim; with `-o FOLDER`, also `coverage.csv` and `labels.csv`.
    Csv,
    /// One self-contained page to read, share or print (dated today, or `PARALLAX_DATE`).
    Html,
}

impl OutputFormat {
    /// The usual file extension of the format.
    pub fn extension(self) -> &'static str {
        match self {
            OutputFormat::Json => "json",
            OutputFormat::Markdown => "md",
            OutputFormat::Csv => "csv",
            OutputFormat::Html => "html",
        }
    }
}

/// The report in one format (CSV: the findings' claims; the coverage matrix is
/// [`csv::coverage`]).
pub fn render(report: &Report, format: OutputFormat) -> String {
    match format {
        OutputFormat::Json => to_json(report),
        OutputFormat::Markdown => markdown::render(report),
        OutputFormat::Csv => csv::claims(report),
        OutputFormat::Html => html::render(
            report,
            &html::HtmlOptions {
                generated: Some(today()),
                ..Default::default()
            },
        ),
    }
}
