//! Moving around the report: selecting events and findings (which scrolls every column to
//! them, sideways too), stepping with J/K and F7, the events panel's filters and order,
//! search across all columns, and the global keys from the key table.

use super::worker::DialogPurpose;
use super::{Command, EventSort, ParallaxApp, ScrollRequest, keys};
use parallax::model::{DocId, EventId, FindingId, FindingKind};
use std::collections::BTreeSet;

impl ParallaxApp {
    /// Selects an event and scrolls every column to its passages.
    pub fn select_event(&mut self, event: Option<EventId>) {
        self.selected_event = event;
        self.selected_finding = None;
        let Some(analysis) = &self.analysis else {
            return;
        };
        let Some(event) = event.and_then(|e| analysis.report.events.get(e.get())) else {
            return;
        };
        // Every column holding one of its passages comes into view sideways too, first those
        // with a claim of one of its differences (when not all fit).
        let differing: BTreeSet<DocId> = analysis
            .findings_of(event.index)
            .filter(|f| f.kind.is_difference())
            .flat_map(|f| f.claims.iter().map(|c| c.document))
            .collect();
        // (A difference's claim can lie outside the event's passages: its column counts too.)
        let mut documents = event.documents();
        documents.extend(differing.iter().copied());
        documents.sort();
        documents.dedup();
        documents.sort_by_key(|d| !differing.contains(d));
        // Each column with a difference counts as a side of its own, the others as one.
        self.reveal_sides = documents
            .iter()
            .enumerate()
            .map(|(i, d)| if differing.contains(d) { i } else { usize::MAX })
            .collect();
        self.reveal_columns = documents;
        self.reveal_plan = None;
        let mut seen = BTreeSet::new();
        for at in &event.passages {
            if seen.insert(at.document) {
                let passage = analysis.report.passage(*at);
                self.scroll_requests.push(ScrollRequest {
                    document: at.document,
                    start: passage.start,
                    end: passage.end,
                });
            }
        }
    }

    /// Selects a finding: its event, and its claims brought into view.
    pub fn select_finding(&mut self, finding: FindingId) {
        let Some(analysis) = &self.analysis else {
            return;
        };
        let Some(found) = analysis.report.findings.get(finding.get()) else {
            return;
        };
        let event = found.event;
        let claims: Vec<ScrollRequest> = {
            let mut seen = BTreeSet::new();
            found
                .claims
                .iter()
                .filter(|c| seen.insert(c.document))
                .map(|c| ScrollRequest {
                    document: c.document,
                    start: c.start,
                    end: c.end,
                })
                .collect()
        };
        // Which value each claim's column shows.
        let values: Vec<String> = found
            .claims
            .iter()
            .map(|c| c.value.clone().unwrap_or_else(|| c.text.to_lowercase()))
            .collect();
        let sides: Vec<usize> = claims
            .iter()
            .map(|r| {
                let claim = found.claims.iter().position(|c| c.document == r.document);
                let value = claim.map(|c| &values[c]);
                values.iter().position(|v| Some(v) == value).unwrap_or(0)
            })
            .collect();
        // A finding outside every event leaves no event selected: the inspector and the
        // columns' outline would show the one selected before.
        self.select_event(event);
        self.selected_finding = Some(finding);
        // The findings panel's list scrolls to it, however it was chosen.
        self.findings_panel.reveal = true;
        // The columns of its claims come into view sideways, before the event's others; when
        // not all can, every value it compares does.
        self.reveal_sides = sides;
        self.reveal_columns = claims.iter().map(|c| c.document).collect();
        // The claims win over the event's first passages.
        self.scroll_requests
            .retain(|r| !claims.iter().any(|c| c.document == r.document));
        self.scroll_requests.extend(claims);
    }

    /// Brings the selected finding (else event) into view again, as selecting it did.
    pub(crate) fn keep_selection_in_view(&mut self) {
        match (self.selected_finding, self.selected_event) {
            (Some(finding), _) => self.select_finding(finding),
            (None, Some(event)) => self.select_event(Some(event)),
            (None, None) => {}
        }
    }

    /// The events in the order the events panel shows them (filters applied).
    pub fn visible_events(&self) -> Vec<EventId> {
        let Some(analysis) = &self.analysis else {
            return Vec::new();
        };
        let report = &analysis.report;
        let query = self.event_filter_text.to_lowercase();
        let mut events: Vec<EventId> = report
            .events
            .iter()
            .filter(|event| {
                let findings: Vec<FindingKind> =
                    analysis.findings_of(event.index).map(|f| f.kind).collect();
                let differs = findings.iter().any(|k| k.is_difference());
                (!self.remembered.only_differences || differs)
                    && (self.event_filter_kinds.is_empty()
                        || findings.iter().any(|k| self.event_filter_kinds.contains(k)))
                    && (query.is_empty()
                        || event.label.to_lowercase().contains(&query)
                        || event
                            .passages
                            .iter()
                            .any(|p| report.passage_text(*p).to_lowercase().contains(&query)))
            })
            .map(|e| e.index)
            .collect();
        match self.event_sort {
            EventSort::DocumentOrder => {}
            EventSort::MostSources => {
                events.sort_by_key(|e| std::cmp::Reverse(report.events[e.get()].documents().len()))
            }
            EventSort::MostDifferences => events.sort_by_key(|e| {
                std::cmp::Reverse(
                    analysis
                        .findings_of(*e)
                        .filter(|f| f.kind.is_difference())
                        .count(),
                )
            }),
        }
        events
    }

    pub(crate) fn step_event(&mut self, step: isize) {
        let events = self.visible_events();
        if events.is_empty() {
            return;
        }
        let position = self
            .selected_event
            .and_then(|s| events.iter().position(|e| *e == s));
        let next = match position {
            None if step >= 0 => 0,
            None => events.len() - 1,
            Some(p) => (p as isize + step).clamp(0, events.len() as isize - 1) as usize,
        };
        self.select_event(Some(events[next]));
    }

    pub(crate) fn step_difference(&mut self, step: isize) {
        let Some(analysis) = &self.analysis else {
            return;
        };
        let differences = &analysis.differences;
        if differences.is_empty() {
            return;
        }
        let position = self
            .selected_finding
            .and_then(|s| differences.iter().position(|f| *f == s));
        let next = match position {
            None if step >= 0 => 0,
            None => differences.len() - 1,
            Some(p) => (p as isize + step).rem_euclid(differences.len() as isize) as usize,
        };
        let finding = differences[next];
        self.select_finding(finding);
    }

    /// Recomputes search matches when the query changed.
    pub(crate) fn update_search(&mut self) {
        if self.search.query == self.search.matched_query {
            return;
        }
        self.search.matched_query = self.search.query.clone();
        self.search.matches.clear();
        self.search.current = 0;
        let query = self.search.query.to_lowercase();
        let Some(analysis) = &self.analysis else {
            return;
        };
        if query.chars().count() < 2 {
            return;
        }
        for document in &analysis.report.documents {
            // Lower-casing can change byte lengths; search char by char on the original.
            let lower = document.text.to_lowercase();
            if lower.len() != document.text.len() {
                continue;
            }
            let mut from = 0;
            while let Some(found) = lower[from..].find(&query) {
                let start = from + found;
                let end = start + query.len();
                self.search.matches.push((document.index, start, end));
                from = end;
            }
        }
    }

    pub(crate) fn step_search(&mut self, step: isize) {
        if self.search.matches.is_empty() {
            return;
        }
        let count = self.search.matches.len() as isize;
        self.search.current = (self.search.current as isize + step).rem_euclid(count) as usize;
        let (document, start, end) = self.search.matches[self.search.current];
        self.scroll_requests.push(ScrollRequest {
            document,
            start,
            end,
        });
    }

    /// Keyboard shortcuts that work anywhere in the window, from the key table.
    pub(crate) fn shortcuts(&mut self, ctx: &egui::Context) {
        use keys::{KEYS, KeyAction, Scope};
        // "Save your work first?" waits for its answer: no key acts behind it (its own
        // Esc cancels it).
        if self.unsaved_prompt.as_ref().is_some_and(|p| !p.saving) {
            return;
        }
        let typing = ctx.egui_wants_keyboard_input();
        for binding in KEYS {
            let applies = match binding.scope {
                Scope::Always => true,
                Scope::NotTyping => !typing,
                Scope::FindingsPanel => !typing && self.findings_panel.open,
            } && (binding.action != KeyAction::Close || self.closes_on_escape());
            let shortcut = egui::KeyboardShortcut::new(binding.modifiers, binding.key);
            if !applies || !ctx.input_mut(|i| i.consume_shortcut(&shortcut)) {
                continue;
            }
            match binding.action {
                KeyAction::Open => self.commands.push(Command::ShowDialog(DialogPurpose::Open)),
                KeyAction::Search => {
                    self.search.open = true;
                    self.search.focus = true;
                }
                KeyAction::Close => {
                    if self.show_shortcuts || self.show_legend {
                        self.show_shortcuts = false;
                        self.show_legend = false;
                    } else {
                        self.search.open = false;
                    }
                }
                KeyAction::Save => self.commands.push(Command::SaveSession),
                KeyAction::SaveAs => self
                    .commands
                    .push(Command::ShowDialog(DialogPurpose::SaveSessionAs)),
                KeyAction::Undo => self.commands.push(Command::Undo),
                KeyAction::Redo => self.commands.push(Command::Redo),
                KeyAction::Quit => self.commands.push(Command::Quit),
                KeyAction::NextDifference => self.commands.push(Command::StepDifference(1)),
                KeyAction::PreviousDifference => self.commands.push(Command::StepDifference(-1)),
                KeyAction::NextEvent => self.commands.push(Command::StepEvent(1)),
                KeyAction::PreviousEvent => self.commands.push(Command::StepEvent(-1)),
                KeyAction::ToggleFindings => {
                    self.findings_panel.open = !self.findings_panel.open;
                    self.findings_panel.reveal = true;
                }
                KeyAction::NextUnreviewed
                | KeyAction::PreviousUnreviewed
                | KeyAction::Confirm
                | KeyAction::Dismiss => self.queue_key(binding.action),
            }
        }
    }

    /// Whether Esc has something to close: the Shortcuts or Legend window, or the search.
    fn closes_on_escape(&self) -> bool {
        self.show_shortcuts || self.show_legend || self.search.open
    }

    /// Search hits to draw: none once the search is closed (Esc or ×), though the query is
    /// kept for when it opens again.
    pub fn search_highlights(&self) -> &[(DocId, usize, usize)] {
        if self.search.open {
            &self.search.matches
        } else {
            &[]
        }
    }
}
