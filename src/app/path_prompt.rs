//! The path prompt: a window to type a path where no native file dialog can be shown.
//!
//! rfd needs a desktop portal or zenity; without them (a bare X server, a remote session)
//! the viewer asks for the path itself. The window says what it is for, starts from a
//! sensible default (a session is saved beside the first article, an export in the session's
//! folder or the user's documents), and lists the entries of the folder
//! typed so far that start with the rest of the name, so that a path can be completed by
//! clicking. The folder is read once per folder, not once per frame.

use super::worker::DialogPurpose;
use super::{Command, Notice, ParallaxApp};
use egui::RichText;
use std::path::{Path, PathBuf};

/// The most entries of a folder the completion list shows.
const MAX_COMPLETIONS: usize = 60;

/// A path being typed.
#[derive(Debug, Clone)]
pub struct PathPrompt {
    pub purpose: DialogPurpose,
    pub text: String,
    /// Why the prompt is shown instead of a dialog.
    pub reason: String,
    /// Give the text field the keyboard on the next frame.
    focus: bool,
    /// The folder the completions were read from, and its entries (folders end in `/`).
    listed: Option<(String, Vec<String>)>,
}

impl PathPrompt {
    pub fn new(purpose: DialogPurpose, text: String, reason: String) -> PathPrompt {
        PathPrompt {
            purpose,
            text,
            reason,
            focus: true,
            listed: None,
        }
    }

    /// What the prompt asks for, as its window title.
    pub fn title(&self) -> String {
        match self.purpose {
            DialogPurpose::Open => "Open articles: type a path".into(),
            DialogPurpose::Add => "Add articles: type a path".into(),
            DialogPurpose::OpenSession => "Open session: type a path".into(),
            DialogPurpose::SaveSessionAs => "Save session as: type a path".into(),
            DialogPurpose::Locate(_) => "Locate the missing article: type a path".into(),
            DialogPurpose::Export(format) => format!(
                "Export the report ({}): type a path",
                super::export_extension(format)
            ),
        }
    }

    /// The folder part of the text and the start of the name after it.
    fn split(&self) -> (String, String) {
        match self.text.rfind(std::path::is_separator) {
            Some(at) => (
                self.text[..=at].to_string(),
                self.text[at + 1..].to_string(),
            ),
            None => (String::new(), self.text.clone()),
        }
    }

    /// Entries of the folder typed so far that start with the rest of the text.
    fn completions(&mut self) -> Vec<String> {
        let (folder, start) = self.split();
        if self.listed.as_ref().is_none_or(|(f, _)| *f != folder) {
            let read = if folder.is_empty() { "." } else { &folder };
            let mut entries: Vec<String> = std::fs::read_dir(read)
                .map(|dir| {
                    dir.filter_map(Result::ok)
                        .filter_map(|entry| {
                            let mut name = entry.file_name().into_string().ok()?;
                            if entry.file_type().ok()?.is_dir() {
                                name.push('/');
                            }
                            Some(name)
                        })
                        .collect()
                })
                .unwrap_or_default();
            entries.sort();
            self.listed = Some((folder.clone(), entries));
        }
        let hidden_too = start.starts_with('.');
        self.listed
            .as_ref()
            .map(|(_, entries)| {
                entries
                    .iter()
                    .filter(|e| e.starts_with(&start) && (hidden_too || !e.starts_with('.')))
                    .take(MAX_COMPLETIONS)
                    .map(|e| format!("{folder}{e}"))
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// A folder followed by a separator, as a prompt's starting text.
fn folder_text(folder: &Path) -> String {
    let mut text = folder.display().to_string();
    if !text.ends_with(std::path::is_separator) {
        text.push(std::path::MAIN_SEPARATOR);
    }
    text
}

impl ParallaxApp {
    /// Where saves and exports start: the saved session's folder, else the user's documents
    /// (see [`super::save_folder`]).
    pub fn save_folder(&self) -> PathBuf {
        super::save_folder::save_folder(
            self.work.path.as_deref(),
            super::save_folder::documents_folder(),
            super::save_folder::home_folder(),
            std::env::current_dir().unwrap_or_default(),
        )
    }

    /// The folder of the first open article, made absolute.
    fn first_article_folder(&self) -> Option<PathBuf> {
        let first = self.files.first()?;
        let absolute = std::path::absolute(first).ok()?;
        absolute.parent().map(Path::to_path_buf)
    }

    /// Where a prompt for `purpose` starts: a session is saved beside the first article (or
    /// its session file), an export in [`Self::save_folder`]; opening starts in the last
    /// folder used.
    pub fn default_path(&self, purpose: DialogPurpose) -> String {
        let folder = match purpose {
            DialogPurpose::Export(_) => self.save_folder(),
            _ => self
                .work
                .path
                .as_deref()
                .and_then(Path::parent)
                .map(Path::to_path_buf)
                .filter(|p| !p.as_os_str().is_empty())
                .or_else(|| self.first_article_folder())
                .or_else(|| self.remembered.last_folder.clone())
                .unwrap_or_else(|| std::env::current_dir().unwrap_or_default()),
        };
        match purpose {
            DialogPurpose::SaveSessionAs => {
                folder.join("comparison.parallax.ron").display().to_string()
            }
            DialogPurpose::Export(format) => folder
                .join(format!("report.{}", super::export_extension(format)))
                .display()
                .to_string(),
            DialogPurpose::Locate(index) => self
                .work
                .located
                .get(index)
                .and_then(|l| l.path.parent().map(folder_text))
                .unwrap_or_else(|| folder_text(&folder)),
            DialogPurpose::Open | DialogPurpose::Add | DialogPurpose::OpenSession => {
                folder_text(self.remembered.last_folder.as_deref().unwrap_or(&folder))
            }
        }
    }

    /// Opens the path prompt for `purpose`, saying why no dialog is shown.
    pub fn prompt_for_path(&mut self, purpose: DialogPurpose, reason: &str) {
        let text = self.default_path(purpose);
        self.path_prompt = Some(PathPrompt::new(purpose, text, reason.to_string()));
    }

    /// Acts on a typed path: the command its purpose asks for, or a notice saying what is
    /// wrong with it.
    fn accept_path(&mut self, purpose: DialogPurpose, text: &str) -> Result<(), String> {
        let text = text.trim();
        if text.is_empty() {
            return Err("Type a path first.".into());
        }
        let path = PathBuf::from(text);
        let what = PathPrompt::new(purpose, String::new(), String::new()).title();
        let what = what.trim_end_matches(": type a path");
        let command = match purpose {
            DialogPurpose::Open | DialogPurpose::Add => {
                if !path.exists() {
                    return Err(format!("{what}: {} does not exist.", path.display()));
                }
                let (files, errors) = parallax::load::expand_inputs(std::slice::from_ref(&path));
                if files.is_empty() {
                    let reason = errors
                        .first()
                        .map(|(_, e)| e.to_string())
                        .unwrap_or_else(|| "no article (.txt, .md, .html) is there".into());
                    return Err(format!("{what}: {}: {reason}", path.display()));
                }
                if purpose == DialogPurpose::Open {
                    Command::Open(files)
                } else {
                    Command::Add(files)
                }
            }
            DialogPurpose::OpenSession | DialogPurpose::Locate(_) if !path.is_file() => {
                return Err(format!("{what}: {} is not a file.", path.display()));
            }
            DialogPurpose::OpenSession => Command::OpenSession(path.clone()),
            DialogPurpose::Locate(index) => Command::Locate(index, path.clone()),
            DialogPurpose::SaveSessionAs | DialogPurpose::Export(_) => {
                if path.is_dir() || text.ends_with(std::path::is_separator) {
                    return Err(format!(
                        "{what}: {} is a folder; add a file name.",
                        path.display()
                    ));
                }
                let parent = path.parent().filter(|p| !p.as_os_str().is_empty());
                if parent.is_some_and(|p| !p.is_dir()) {
                    return Err(format!(
                        "{what}: the folder {} does not exist.",
                        parent.unwrap_or(Path::new(".")).display()
                    ));
                }
                match purpose {
                    DialogPurpose::Export(format) => Command::Export(format, path.clone()),
                    _ => Command::SaveSessionAs(path.clone()),
                }
            }
        };
        if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            self.remembered.last_folder = Some(if path.is_dir() {
                path.clone()
            } else {
                folder.to_path_buf()
            });
        }
        self.commands.push(command);
        Ok(())
    }
}

/// The prompt window, when one is open.
pub fn path_prompt_ui(app: &mut ParallaxApp, ctx: &egui::Context) {
    let Some(mut prompt) = app.path_prompt.take() else {
        return;
    };
    let mut open = true;
    let mut answer: Option<bool> = None;
    egui::Window::new(prompt.title())
        .id(egui::Id::unique("path-prompt"))
        .open(&mut open)
        .collapsible(false)
        .default_width(520.0)
        .anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, 80.0))
        .show(ctx, |ui| {
            ui.label(RichText::new(&prompt.reason).weak());
            ui.horizontal(|ui| {
                let label = ui.label("Path:");
                let field = ui
                    .add(
                        egui::TextEdit::singleline(&mut prompt.text)
                            .id(egui::Id::unique("path-prompt-field"))
                            .desired_width(440.0),
                    )
                    .labelled_by(label.id);
                if std::mem::take(&mut prompt.focus) {
                    field.request_focus();
                }
                if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                    answer = Some(true);
                }
            });
            let completions = prompt.completions();
            if !completions.is_empty() {
                ui.label(RichText::new("In this folder (click to complete):").weak());
                egui::ScrollArea::vertical()
                    .max_height(160.0)
                    .id_salt("path-completions")
                    .show(ui, |ui| {
                        for completion in completions {
                            let name = completion
                                .trim_end_matches('/')
                                .rsplit('/')
                                .next()
                                .unwrap_or_default()
                                .to_string();
                            let shown = if completion.ends_with('/') {
                                format!("{name}/")
                            } else {
                                name
                            };
                            if ui.selectable_label(false, shown).clicked() {
                                prompt.text = completion;
                                prompt.focus = true;
                            }
                        }
                    });
            }
            ui.horizontal(|ui| {
                if ui.button("OK").clicked() {
                    answer = Some(true);
                }
                if ui.button("Cancel").clicked() {
                    answer = Some(false);
                }
            });
        });
    if !open || ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
        answer = Some(false);
    }
    match answer {
        Some(true) => match app.accept_path(prompt.purpose, &prompt.text) {
            Ok(()) => {}
            Err(message) => {
                app.notices.push(Notice::error(message));
                app.path_prompt = Some(prompt);
            }
        },
        Some(false) => app.save_as_cancelled(prompt.purpose),
        None => app.path_prompt = Some(prompt),
    }
}
