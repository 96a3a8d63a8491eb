//! The key table: every keyboard shortcut of the viewer, in one place.
//!
//! [`ParallaxApp::shortcuts`](super::ParallaxApp) handles keys by walking [`KEYS`], and the
//! "Keyboard shortcuts" window is drawn from the same table (plus [`GESTURES`], which are
//! handled by the widgets that own them), so the help can never drift from what the keys do.

use egui::{Key, Modifiers};

/// What a key does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyAction {
    Open,
    Search,
    /// Esc: the Shortcuts and Legend windows first, else the search bar.
    Close,
    Save,
    SaveAs,
    Undo,
    Redo,
    Quit,
    NextDifference,
    PreviousDifference,
    NextEvent,
    PreviousEvent,
    ToggleFindings,
    NextUnreviewed,
    PreviousUnreviewed,
    Confirm,
    Dismiss,
}

/// When a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Always, even while typing in a text field.
    Always,
    /// Only when no text field has the keyboard.
    NotTyping,
    /// Only when the findings panel is open and no text field has the keyboard.
    FindingsPanel,
}

/// One key of the table.
#[derive(Debug, Clone, Copy)]
pub struct KeyBinding {
    pub modifiers: Modifiers,
    pub key: Key,
    pub action: KeyAction,
    pub scope: Scope,
    /// What the shortcuts window says it does; bindings that share a description are
    /// listed on one line ("J / Alt+Down").
    pub description: &'static str,
}

const fn bind(
    modifiers: Modifiers,
    key: Key,
    action: KeyAction,
    scope: Scope,
    description: &'static str,
) -> KeyBinding {
    KeyBinding {
        modifiers,
        key,
        action,
        scope,
        description,
    }
}

const CTRL: Modifiers = Modifiers::COMMAND;
const CTRL_SHIFT: Modifiers = Modifiers {
    shift: true,
    ..Modifiers::COMMAND
};

/// Every shortcut, in the order it is checked. A binding with more modifiers comes before
/// the same key with fewer (Ctrl+Shift+S before Ctrl+S), because egui's
/// `consume_shortcut` ignores extra Shift.
pub const KEYS: &[KeyBinding] = &[
    bind(
        CTRL,
        Key::O,
        KeyAction::Open,
        Scope::Always,
        "Open articles",
    ),
    bind(
        CTRL,
        Key::F,
        KeyAction::Search,
        Scope::Always,
        "Search all columns",
    ),
    bind(
        CTRL_SHIFT,
        Key::S,
        KeyAction::SaveAs,
        Scope::Always,
        "Save session as",
    ),
    bind(CTRL, Key::S, KeyAction::Save, Scope::Always, "Save session"),
    bind(
        CTRL_SHIFT,
        Key::Z,
        KeyAction::Redo,
        Scope::NotTyping,
        "Redo",
    ),
    bind(CTRL, Key::Y, KeyAction::Redo, Scope::NotTyping, "Redo"),
    bind(CTRL, Key::Z, KeyAction::Undo, Scope::NotTyping, "Undo"),
    bind(CTRL, Key::Q, KeyAction::Quit, Scope::Always, "Quit"),
    bind(
        Modifiers::SHIFT,
        Key::F7,
        KeyAction::PreviousDifference,
        Scope::Always,
        "Previous difference",
    ),
    bind(
        Modifiers::NONE,
        Key::F7,
        KeyAction::NextDifference,
        Scope::Always,
        "Next difference",
    ),
    bind(
        Modifiers::NONE,
        Key::J,
        KeyAction::NextEvent,
        Scope::NotTyping,
        "Next event",
    ),
    bind(
        Modifiers::ALT,
        Key::ArrowDown,
        KeyAction::NextEvent,
        Scope::Always,
        "Next event",
    ),
    bind(
        Modifiers::NONE,
        Key::K,
        KeyAction::PreviousEvent,
        Scope::NotTyping,
        "Previous event",
    ),
    bind(
        Modifiers::ALT,
        Key::ArrowUp,
        KeyAction::PreviousEvent,
        Scope::Always,
        "Previous event",
    ),
    bind(
        Modifiers::NONE,
        Key::Escape,
        KeyAction::Close,
        Scope::Always,
        "Close the shortcuts, the legend or the search",
    ),
    bind(
        Modifiers::NONE,
        Key::R,
        KeyAction::ToggleFindings,
        Scope::NotTyping,
        "Show or hide the findings panel (review queue)",
    ),
    bind(
        Modifiers::NONE,
        Key::N,
        KeyAction::NextUnreviewed,
        Scope::FindingsPanel,
        "Next unreviewed finding",
    ),
    bind(
        Modifiers::NONE,
        Key::P,
        KeyAction::PreviousUnreviewed,
        Scope::FindingsPanel,
        "Previous unreviewed finding",
    ),
    bind(
        Modifiers::NONE,
        Key::C,
        KeyAction::Confirm,
        Scope::FindingsPanel,
        "Confirm the current finding, then go to the next unreviewed",
    ),
    bind(
        Modifiers::NONE,
        Key::D,
        KeyAction::Dismiss,
        Scope::FindingsPanel,
        "Dismiss the current finding, then go to the next unreviewed",
    ),
];

/// Mouse gestures and keys handled by the widgets that own them, for the shortcuts window.
pub const GESTURES: &[(&str, &str)] = &[
    ("Enter / Shift+Enter", "Next / previous search match"),
    (
        "Click, then Ctrl+click",
        "Link a passage with one in another column",
    ),
    ("Shift+click", "Pick passages to split off together"),
    ("Right-click", "More for a passage or a mark"),
    ("Ctrl+= / Ctrl+- / Ctrl+0", "Zoom in / out / reset"),
];

/// How a binding is written: "Ctrl+Shift+S".
pub fn key_text(binding: &KeyBinding) -> String {
    let mut text = String::new();
    if binding.modifiers.command || binding.modifiers.ctrl {
        text.push_str("Ctrl+");
    }
    if binding.modifiers.alt {
        text.push_str("Alt+");
    }
    if binding.modifiers.shift {
        text.push_str("Shift+");
    }
    text.push_str(match binding.key {
        Key::ArrowDown => "Down",
        Key::ArrowUp => "Up",
        Key::Escape => "Esc",
        other => other.name(),
    });
    text
}

/// The lines of the shortcuts window: the keys of each description, joined, in table order.
pub fn help_lines() -> Vec<(String, &'static str)> {
    let mut lines: Vec<(String, &'static str)> = Vec::new();
    for binding in KEYS {
        let keys = key_text(binding);
        match lines.iter_mut().find(|(_, d)| *d == binding.description) {
            Some((text, _)) => {
                text.push_str(" / ");
                text.push_str(&keys);
            }
            None => lines.push((keys, binding.description)),
        }
    }
    lines.extend(GESTURES.iter().map(|(k, d)| (k.to_string(), *d)));
    lines
}

/// The keys of an action, as the first binding of the table writes them (for menu hints).
pub fn hint(action: KeyAction) -> String {
    KEYS.iter()
        .find(|b| b.action == action)
        .map(key_text)
        .unwrap_or_default()
}
