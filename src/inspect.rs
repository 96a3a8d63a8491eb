//! `parallax extract`: what Parallax reads from each file, before any comparison.
//!
//! When a page "looks wrong" in the viewer, the first question is what the program read from
//! it: the title, author, date and outlet it found, the language and encoding it guessed,
//! and the article text block by block with the role each block got (heading, body,
//! boilerplate) and, for headings and boilerplate, why. This module loads and segments one
//! file exactly as a comparison does and returns that as plain data, printed as text or JSON.

use crate::load::{self, Input};
use crate::model::PassageRole;
use crate::segment;
use crate::settings::Settings;
use serde::Serialize;

/// What Parallax reads from one file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Extracted {
    pub path: String,
    pub format: crate::model::Format,
    pub encoding: String,
    pub language: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language_note: Option<String>,
    pub title: Option<String>,
    pub author: Option<String>,
    /// `YYYY-MM-DD`, or a shorter prefix when only the month or year is known.
    pub date: Option<String>,
    pub outlet: Option<String>,
    /// The article text every offset points into.
    pub text: String,
    pub blocks: Vec<ExtractedBlock>,
    /// How many passages (sentences and other blocks) a comparison would work on.
    pub passages: usize,
}

/// One block of the text with its role.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExtractedBlock {
    pub paragraph: usize,
    pub start: usize,
    pub end: usize,
    pub role: PassageRole,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<&'static str>,
    pub text: String,
}

/// Loads and segments one input as a comparison would.
pub fn extract(input: &Input, settings: &Settings) -> Result<Extracted, load::LoadError> {
    let document = crate::guard::catch(|| load::load(input, settings)).unwrap_or_else(|cause| {
        Err(load::LoadError::NoText(format!(
            "this file could not be read: Parallax failed on it ({cause})"
        )))
    })?;
    let blocks = segment::blocks(&document)
        .into_iter()
        .map(|block| ExtractedBlock {
            paragraph: block.paragraph,
            start: block.range.start,
            end: block.range.end,
            role: block.role,
            reason: block.reason,
            text: document.text[block.range].trim().to_string(),
        })
        .collect();
    let passages = segment::segment(&document).len();
    Ok(Extracted {
        path: document.path,
        format: document.format,
        encoding: document.encoding,
        language_note: crate::text::language_note(&document.language),
        language: document.language,
        title: document.title,
        author: document.author,
        date: document.date.map(|d| d.iso()),
        outlet: document.outlet,
        text: document.text,
        blocks,
        passages,
    })
}

/// The human-readable form: a header of what was found, then each block with its role.
pub fn render_text(extracted: &Extracted) -> String {
    let mut out = String::new();
    let field = |value: &Option<String>| value.clone().unwrap_or_else(|| "(none found)".into());
    out.push_str(&format!("== {}\n", extracted.path));
    out.push_str(&format!("title:    {}\n", field(&extracted.title)));
    out.push_str(&format!("author:   {}\n", field(&extracted.author)));
    out.push_str(&format!("date:     {}\n", field(&extracted.date)));
    out.push_str(&format!("outlet:   {}\n", field(&extracted.outlet)));
    let language = crate::text::language_name(&extracted.language);
    out.push_str(&format!("language: {} ({language})\n", extracted.language));
    if let Some(note) = &extracted.language_note {
        out.push_str(&format!("          {note}\n"));
    }
    out.push_str(&format!(
        "encoding: {}; format: {:?}; {} passages\n\n",
        extracted.encoding, extracted.format, extracted.passages
    ));
    for block in &extracted.blocks {
        let role = match block.role {
            PassageRole::Body => "body",
            PassageRole::Heading => "heading",
            PassageRole::Boilerplate => "boilerplate",
        };
        let why = block.reason.map(|r| format!(" ({r})")).unwrap_or_default();
        out.push_str(&format!(
            "[{} {role}{why}, bytes {}-{}]\n{}\n\n",
            block.paragraph + 1,
            block.start,
            block.end,
            block.text
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn memory(name: &str, text: &str) -> Input {
        Input::Memory {
            name: name.into(),
            bytes: text.as_bytes().to_vec(),
        }
    }

    #[test]
    fn blocks_carry_roles_and_reasons() {
        let text = "Harbour Board Sacks Its Chief\n\nBy Ann Berg\n\nThe board of the port of \
                    Kessby dismissed its chief on Monday. She had led it for nine years.\n\n\
                    Photo: Lena Ward / Kessby Post\n";
        let extracted = extract(&memory("a.txt", text), &Settings::default()).unwrap();
        assert_eq!(
            extracted.title.as_deref(),
            Some("Harbour Board Sacks Its Chief")
        );
        assert_eq!(extracted.author.as_deref(), Some("Ann Berg"));
        let roles: Vec<(PassageRole, Option<&str>)> = extracted
            .blocks
            .iter()
            .map(|b| (b.role, b.reason))
            .collect();
        assert_eq!(roles[0], (PassageRole::Heading, Some("the title")));
        assert_eq!(roles[1].0, PassageRole::Boilerplate);
        assert_eq!(roles[2], (PassageRole::Body, None));
        assert_eq!(roles[3].0, PassageRole::Boilerplate);
        for block in &extracted.blocks {
            assert_eq!(extracted.text[block.start..block.end].trim(), block.text);
        }
        let shown = render_text(&extracted);
        assert!(shown.contains("heading (the title)"), "{shown}");
        assert!(shown.contains("language: en (English)"), "{shown}");
    }
}
