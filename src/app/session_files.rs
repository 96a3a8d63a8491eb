//! Sessions on disk: what a start opens, saving (atomically, with a backup) and opening
//! `.parallax.ron` files, the autosave and the offer to restore it after a crash, locating
//! missing articles, and watching the open articles for changes. Disk work runs on worker
//! threads.

use super::session::{AUTOSAVE, AUTOSAVE_ORIGIN, stamp};
use super::worker::{DialogPurpose, DiskDone};
use super::{Command, Notice, ParallaxApp};
use parallax::session::{Session, SessionDocument, file};
use std::path::PathBuf;
use std::time::{Duration, SystemTime};

impl ParallaxApp {
    /// Opens what a start asks for: a session file named alone on the command line, else
    /// the articles named there, else the session open when the viewer last closed (with
    /// everything in it), else the articles open then, else (the first run) the samples.
    /// Unsaved work of the last run is offered separately (`work.restore_offer`).
    pub fn start(&mut self, files: Vec<PathBuf>, ctx: &egui::Context) {
        let returning = self.remembered.has_run;
        self.remembered.has_run = true;
        if let [file] = files.as_slice()
            && parallax::session::is_session_path(file)
        {
            self.open_session(file.clone(), ctx);
            return;
        }
        if !files.is_empty() {
            self.open(files, ctx);
            return;
        }
        let last_session = self
            .remembered
            .open_session
            .clone()
            .filter(|path| returning && path.is_file());
        if let Some(path) = last_session {
            self.open_session(path, ctx);
        } else if returning && !self.remembered.open_files.is_empty() {
            self.open(self.remembered.open_files.clone(), ctx);
        } else {
            self.open(super::sample_files(), ctx);
        }
    }

    /// Saves to the session's file, or asks for one.
    pub fn save_session(&mut self, ctx: &egui::Context) {
        match self.work.path.clone() {
            Some(path) => self.save_session_to(path, ctx),
            None => self
                .commands
                .push(Command::ShowDialog(DialogPurpose::SaveSessionAs)),
        }
    }

    /// Saves the session to `path` in the background.
    pub fn save_session_to(&mut self, path: PathBuf, ctx: &egui::Context) {
        let path = with_session_extension(path);
        self.capture_view();
        let mut session = self.work.session.clone();
        let generation = self.work.generation;
        let target = path.clone();
        self.disk.spawn(ctx, move || {
            session.refresh_documents(Some(&target));
            let result = file::save(&target, &session).map_err(|e| e.to_string());
            DiskDone::SessionSaved(target, generation, result)
        });
    }

    /// Reads a session file in the background; it replaces the open one when read.
    pub fn open_session(&mut self, path: PathBuf, ctx: &egui::Context) {
        let target = path.clone();
        self.disk.spawn(ctx, move || {
            let result = file::read(&target).map(Box::new).map_err(|e| e.to_string());
            DiskDone::SessionRead(target, result)
        });
    }

    /// Replaces the open session with one read from `path`.
    pub fn adopt_session(&mut self, session: Session, path: Option<PathBuf>, ctx: &egui::Context) {
        self.work.session = session;
        self.work.path = path;
        self.work.undo.clear();
        self.work.redo.clear();
        self.work.generation += 1;
        self.work.saved_generation = self.work.generation;
        let view = self.work.session.view.clone();
        if let Some(theme) = &view.theme {
            self.remembered.dark = theme == "dark";
        }
        self.show_events = view.show_events_panel;
        self.show_inspector = view.show_inspector;
        self.remembered.only_differences = view.only_differences;
        self.panel_widths = (view.events_panel_width, view.inspector_width);
        self.restore_view = true;
        // What was said about the comparison before does not concern this one.
        self.notices.clear();
        self.remembered.open_session = self.work.path.clone();
        if let Some(path) = &self.work.path {
            self.remembered.recent_sessions.retain(|p| p != path);
            self.remembered.recent_sessions.insert(0, path.clone());
            self.remembered.recent_sessions.truncate(12);
        }
        self.start_analysis(ctx);
    }

    /// Handles answers from disk tasks.
    pub fn disk_done(&mut self, done: DiskDone, ctx: &egui::Context) {
        match done {
            DiskDone::SessionRead(path, Ok(session)) => {
                self.adopt_session(*session, Some(path), ctx);
            }
            DiskDone::SessionRead(_, Err(message)) => self.notices.push(Notice::error(format!(
                "The session could not be opened. {message}"
            ))),
            DiskDone::SessionSaved(path, generation, Ok(())) => {
                self.work.path = Some(path.clone());
                self.remembered.open_session = Some(path.clone());
                self.work.saved_generation = generation;
                // The paths are now relative to the new place; hashes are current.
                let located = path.clone();
                self.work.session.refresh_documents(Some(&located));
                self.remembered.recent_sessions.retain(|p| *p != path);
                self.remembered.recent_sessions.insert(0, path.clone());
                self.remembered.recent_sessions.truncate(12);
                if !self.work.dirty() {
                    self.discard_autosave();
                }
                self.notices
                    .push(Notice::info(format!("Saved {}", path.display())));
                self.saved_for_replacement(true, ctx);
            }
            DiskDone::SessionSaved(path, _, Err(message)) => {
                self.notices.push(Notice::error(format!(
                        "{}: the session could not be saved ({message}). Your work is still open; the previous file is unchanged.",
                        path.display()
                    )));
                self.saved_for_replacement(false, ctx);
            }
            DiskDone::AutosaveWritten(Err(message)) => self
                .notices
                .push(Notice::error(format!("Autosave failed: {message}"))),
            DiskDone::AutosaveWritten(Ok(())) => {}
            DiskDone::Exported(path, result) => self.export_done(path, result),
            DiskDone::Stamps(stamps) => self.compare_stamps(stamps),
        }
    }

    /// Writes unsaved work to the data folder (every 30 s and on exit). `wait` runs it on
    /// this thread, for exit.
    pub fn autosave(&mut self, ctx: &egui::Context, wait: bool) {
        if !self.work.dirty() {
            return;
        }
        let Some(folder) = self.work.data_dir.clone() else {
            return;
        };
        self.capture_view();
        let session = self.work.session.clone();
        let origin = self.work.path.clone();
        let task = move || {
            let result = (|| {
                std::fs::create_dir_all(&folder)?;
                file::save_bytes(
                    &folder.join(AUTOSAVE),
                    file::to_ron(&session).as_bytes(),
                    || Ok(()),
                )?;
                let origin = origin.map(|p| p.display().to_string()).unwrap_or_default();
                parallax::atomic::write_atomically(&folder.join(AUTOSAVE_ORIGIN), origin.as_bytes())
            })();
            DiskDone::AutosaveWritten(result.map_err(|e| e.to_string()))
        };
        if wait {
            self.disk.run_now(task);
        } else {
            self.disk.spawn(ctx, task);
        }
    }

    /// Removes the autosave once its work is saved (its backup stays).
    pub fn discard_autosave(&mut self) {
        if let Some(folder) = &self.work.data_dir {
            let _ = std::fs::remove_file(folder.join(AUTOSAVE));
            let _ = std::fs::remove_file(folder.join(AUTOSAVE_ORIGIN));
        }
    }

    /// Restores the autosave offered at start: the work comes back unsaved.
    pub fn restore_autosave(&mut self, ctx: &egui::Context) {
        let Some(path) = self.work.restore_offer.take() else {
            return;
        };
        match file::read(&path) {
            Ok(session) => {
                let origin = std::fs::read_to_string(path.with_file_name(AUTOSAVE_ORIGIN))
                    .ok()
                    .filter(|o| !o.is_empty())
                    .map(PathBuf::from);
                self.adopt_session(session, origin, ctx);
                // Restored work is not saved anywhere but the autosave.
                self.work.generation += 1;
            }
            Err(error) => self.notices.push(Notice::error(format!(
                "The autosave could not be restored: {error}"
            ))),
        }
    }

    /// Declines the autosave; it is kept as a `.bak` in the data folder, never deleted.
    pub fn decline_autosave(&mut self) {
        if let Some(path) = self.work.restore_offer.take() {
            let _ = std::fs::rename(&path, file::backup_path(&path));
        }
    }

    /// Points a missing session document at a new file.
    pub fn locate(&mut self, index: usize, file: PathBuf, ctx: &egui::Context) {
        if let Some(document) = self.work.session.documents.get(index).cloned() {
            self.checkpoint(format!("locate {}", file.display()));
            let mut fresh = SessionDocument::for_file(&file, self.work.path.as_deref());
            fresh.name = document.name;
            fresh.outlet = document.outlet;
            self.work.session.documents[index] = fresh;
            self.start_analysis(ctx);
        }
    }

    /// Looks for articles that changed on disk since they were analysed: once a second, a
    /// worker thread stats each file, and [`ParallaxApp::compare_stamps`] reads the answer.
    pub fn watch_files(&mut self, ctx: &egui::Context) {
        let now = std::time::Instant::now();
        ctx.request_repaint_after(Duration::from_secs(1));
        if self.watching
            || self.job.is_some()
            || now.duration_since(self.last_watch) < Duration::from_secs(1)
        {
            return;
        }
        self.last_watch = now;
        self.watching = true;
        let session = self.work.session.clone();
        let path = self.work.path.clone();
        self.disk.spawn(ctx, move || {
            let stamps = session
                .locate(path.as_deref())
                .iter()
                .map(|l| stamp(&l.path))
                .collect();
            DiskDone::Stamps(stamps)
        });
    }

    /// Marks the articles whose stamps differ from those of the last analysis.
    pub fn compare_stamps(&mut self, stamps: Vec<Option<(SystemTime, u64)>>) {
        self.watching = false;
        if self.job.is_some() || stamps.len() != self.work.stamps.len() {
            return;
        }
        self.work.seen_stamps = stamps.clone();
        for (index, current) in stamps.into_iter().enumerate() {
            let before = self.work.stamps[index];
            let was_missing = self.work.missing.contains(&index);
            let changed = match (before, current) {
                (Some(a), Some(b)) => a != b,
                (None, Some(_)) => was_missing,
                (Some(_), None) => true,
                (None, None) => false,
            };
            if changed && !self.work.changed.contains(&index) {
                self.work.changed.push(index);
            }
        }
    }
}

/// Adds `.parallax.ron` to a chosen file name that lacks it.
fn with_session_extension(path: PathBuf) -> PathBuf {
    if parallax::session::is_session_path(&path) {
        return path;
    }
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    let stem = path.file_stem().map(|s| s.to_os_string());
    if path.extension().is_some_and(|e| e == "ron")
        && let Some(stem) = stem
    {
        name = stem;
    }
    name.push(parallax::session::SESSION_EXTENSION);
    path.with_file_name(name)
}
