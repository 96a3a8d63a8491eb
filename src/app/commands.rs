//! The command queue: what views ask for while drawing ([`Command`]) runs here at the end of
//! the frame, together with the results of the worker threads (analysis, dialogs, disk) and
//! the files dropped on the window.

use super::unsaved::Replacement;
use super::worker::{DialogJob, DialogPurpose};
use super::{Command, Notice, ParallaxApp, ScrollRequest, worker};
use parallax::model::DocId;
use std::path::PathBuf;

impl ParallaxApp {
    /// Runs the queued commands.
    pub(crate) fn run_commands(&mut self, ctx: &egui::Context) {
        let commands = std::mem::take(&mut self.commands);
        if !commands.is_empty() {
            // What they change (a selection, a scroll) shows in the next frame.
            ctx.request_repaint();
        }
        for command in commands {
            self.run_command(command, ctx);
        }
    }

    pub(crate) fn run_command(&mut self, command: Command, ctx: &egui::Context) {
        match command {
            Command::Open(files) => self.replace(Replacement::Open(files), ctx),
            Command::Add(files) => self.add(files, ctx),
            Command::Edit(action) => self.edit(action, ctx),
            Command::Undo => self.undo(ctx),
            Command::Redo => self.redo(ctx),
            Command::SaveSession => self.save_session(ctx),
            Command::SaveSessionAs(path) => self.save_session_to(path, ctx),
            Command::OpenSession(path) => self.replace(Replacement::OpenSession(path), ctx),
            Command::Locate(index, path) => self.locate(index, path, ctx),
            Command::ReloadChanged => self.start_analysis(ctx),
            Command::Export(format, path) => self.export(format, path, ctx),
            Command::ShowDialog(purpose) => {
                if !self.native_dialogs {
                    self.prompt_for_path(
                        purpose,
                        "No file dialog can be shown here (no desktop portal and no zenity), so type the path. You can also drag articles onto the window.",
                    );
                } else if self.dialog.is_none() {
                    let folder = match purpose {
                        DialogPurpose::Export(_) => Some(self.save_folder()),
                        _ => self.remembered.last_folder.clone(),
                    };
                    self.dialog = Some(DialogJob::start(purpose, folder, ctx.clone()));
                }
            }
            Command::CloseDocument(document) => {
                if let Some(index) = self.work.session_doc(document) {
                    self.close_session_document(index, ctx);
                }
            }
            Command::MoveColumn(document, step) => {
                if let Some(position) = self.column_order.iter().position(|d| *d == document) {
                    let target = position as isize + step;
                    if target >= 0 && (target as usize) < self.column_order.len() {
                        self.column_order.swap(position, target as usize);
                    }
                }
            }
            Command::SelectEvent(event) => self.select_event(event),
            Command::SelectFinding(finding) => self.select_finding(finding),
            Command::ScrollTo {
                document,
                start,
                end,
            } => {
                self.scroll_requests.push(ScrollRequest {
                    document,
                    start,
                    end,
                });
                self.reveal_columns = vec![document];
            }
            Command::StepEvent(step) => self.step_event(step),
            Command::StepDifference(step) => self.step_difference(step),
            Command::CancelAnalysis => {
                if let Some(job) = &self.job {
                    job.progress.cancel();
                }
            }
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
        }
    }

    /// Closes one article of the session; its notes and corrections go with it, and Undo
    /// brings all of it back.
    pub(crate) fn close_session_document(&mut self, index: usize, ctx: &egui::Context) {
        let name = self
            .work
            .session
            .documents
            .get(index)
            .map(|d| d.path.clone())
            .unwrap_or_default();
        self.checkpoint(format!("close {name}"));
        let removed = self.work.session.remove_document(index);
        if removed > 0 {
            self.notices.push(Notice::info(format!(
                    "Closed the article with {removed} correction(s), review(s) or note(s) on it. Edit → Undo brings them back."
                )));
        }
        self.start_analysis(ctx);
    }

    /// Applies the session's view state (column order, hidden columns, selected event).
    pub(crate) fn apply_view(&mut self) {
        let view = self.work.session.view.clone();
        let report_doc = self.work.report_doc.clone();
        let to_doc = |index: &usize| report_doc.get(*index).copied().flatten();
        let mut order: Vec<DocId> = view.column_order.iter().filter_map(to_doc).collect();
        for document in &self.column_order {
            if !order.contains(document) {
                order.push(*document);
            }
        }
        self.column_order = order;
        self.hidden = view.hidden_columns.iter().filter_map(to_doc).collect();
        self.pinned = view.pinned_column.as_ref().and_then(to_doc);
        self.compare_two = view
            .compare_two
            .and_then(|(a, b)| Some((to_doc(&a)?, to_doc(&b)?)));
        self.column_widths = view
            .column_widths
            .iter()
            .filter_map(|(index, width)| {
                Some((to_doc(index)?, super::columns::resize_clamp(*width)))
            })
            .collect();
        self.selected_event = None;
        if let Some(anchor) = &view.selected_event
            && let Some(document) = to_doc(&anchor.document)
            && let Some(analysis) = &self.analysis
        {
            let report = &analysis.report;
            let passage = report.documents[document.get()]
                .passages
                .iter()
                .find(|p| p.start <= anchor.start && anchor.start < p.end);
            if let Some(passage) = passage {
                self.selected_event =
                    report.event_of_passages()[document.get()][passage.index.get()];
            }
        }
    }

    /// Writes an export in the background; a notice with "Open folder" says when it is done.
    pub fn export(
        &mut self,
        format: parallax::report::export::OutputFormat,
        path: PathBuf,
        ctx: &egui::Context,
    ) {
        let Some(analysis) = &self.analysis else {
            self.notices
                .push(Notice::error("There is no report to export yet."));
            return;
        };
        let report = analysis.report.clone();
        let target = path.clone();
        // An export never replaces an open article or the session file (issue 12).
        let mut inputs: Vec<PathBuf> = report
            .documents
            .iter()
            .map(|d| PathBuf::from(&d.path))
            .collect();
        inputs.extend(self.work.path.clone());
        self.disk.spawn(ctx, move || {
            let result = (|| {
                let coverage = target.with_extension("coverage.csv");
                let mut written = vec![target.clone()];
                if format == parallax::report::export::OutputFormat::Csv {
                    written.push(coverage.clone());
                }
                for file in &written {
                    parallax::atomic::check_output(file, &inputs, false)
                        .map_err(std::io::Error::other)?;
                }
                let text = parallax::report::export::render(&report, format);
                parallax::atomic::write_atomically(&target, text.as_bytes())?;
                if format == parallax::report::export::OutputFormat::Csv {
                    parallax::atomic::write_atomically(
                        &coverage,
                        parallax::report::csv::coverage_matrix(&report).as_bytes(),
                    )?;
                }
                Ok::<(), std::io::Error>(())
            })();
            worker::DiskDone::Exported(target, result.map_err(|e| e.to_string()))
        });
    }

    pub(crate) fn export_done(&mut self, path: PathBuf, result: Result<(), String>) {
        match result {
            Ok(()) => {
                self.exported = Some(path.clone());
                self.notices
                    .push(Notice::info(format!("Exported {}", path.display())));
            }
            Err(message) => self.notices.push(Notice::error(format!(
                "{}: the export could not be written ({message})",
                path.display()
            ))),
        }
    }

    pub(crate) fn poll_workers(&mut self, ctx: &egui::Context) {
        if let Some(preview) = self.job.as_ref().and_then(|job| job.poll_preview()) {
            self.show_preview(preview);
        }
        if let Some(job) = &self.job
            && let Some(result) = job.poll()
        {
            self.job = None;
            self.finish_analysis(result, ctx);
        }
        if let Some(dialog) = &self.dialog
            && let Some(result) = dialog.poll()
        {
            let purpose = dialog.purpose;
            let quick = dialog.started.elapsed() < std::time::Duration::from_millis(400);
            self.dialog = None;
            // rfd answers `None` at once when no dialog could be shown at all; a person
            // takes longer than that to cancel one.
            if result.is_none() && quick {
                self.prompt_for_path(
                    purpose,
                    "No file dialog could be shown (no desktop portal and no zenity), so type the path. You can also drag articles onto the window.",
                );
            } else if result.as_ref().is_none_or(Vec::is_empty) {
                self.save_as_cancelled(purpose);
            }
            if let Some(mut files) = result
                && !files.is_empty()
            {
                self.remembered.last_folder = files[0].parent().map(PathBuf::from);
                let first = files.remove(0);
                self.commands.push(match purpose {
                    DialogPurpose::Open => {
                        files.insert(0, first);
                        Command::Open(files)
                    }
                    DialogPurpose::Add => {
                        files.insert(0, first);
                        Command::Add(files)
                    }
                    DialogPurpose::OpenSession => Command::OpenSession(first),
                    DialogPurpose::SaveSessionAs => Command::SaveSessionAs(first),
                    DialogPurpose::Locate(index) => Command::Locate(index, first),
                    DialogPurpose::Export(format) => Command::Export(format, first),
                });
            }
        }
        for done in self.disk.poll() {
            self.disk_done(done, ctx);
        }
        // Files dropped on the window are added.
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if let Some(session) = dropped
            .iter()
            .find(|p| parallax::session::is_session_path(p))
        {
            self.commands.push(Command::OpenSession(session.clone()));
        } else if !dropped.is_empty() {
            let (files, errors) = parallax::load::expand_inputs(&dropped);
            for (path, error) in errors {
                self.notices.push(Notice::error(format!(
                    "Not loaded: {}: {error}",
                    path.display()
                )));
            }
            if !files.is_empty() {
                self.commands.push(Command::Add(files));
            }
        }
    }
}
