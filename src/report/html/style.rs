//! The page's look: the kinds' colours (kept in step with the viewer's palette), the
//! style sheet and the one small filter script, all inline.

use super::*;

/// The colour of a finding kind's mark. These mirror `kind_color` in `src/app/palette.rs`
/// (the Okabe–Ito palette, distinguishable with the common forms of colour blindness); the
/// library cannot use the viewer's module, so keep the two lists in step.
pub(super) fn kind_rgb(kind: FindingKind) -> (u8, u8, u8) {
    match kind {
        FindingKind::NumberMismatch => (213, 94, 0), // vermillion
        FindingKind::DateMismatch => (230, 159, 0),  // orange
        FindingKind::NameVariant => (0, 114, 178),   // blue
        FindingKind::QuoteAttribution => (204, 121, 167), // reddish purple
        FindingKind::Contradiction => (180, 30, 60), // crimson
        FindingKind::Wording => (86, 180, 233),      // sky blue
        FindingKind::Agreement => (0, 158, 115),     // bluish green
        FindingKind::Unique => (120, 120, 120),      // grey
        FindingKind::CopyEdit => (150, 130, 0),      // dark yellow
        FindingKind::QuoteWording => (150, 80, 130), // dark reddish purple
    }
}

/// The overview cells' colours and symbols, mirroring `coverage_style` in
/// `src/app/panels.rs`.
pub(super) fn coverage_style(cell: super::super::Coverage) -> ((u8, u8, u8), &'static str) {
    match cell {
        super::super::Coverage::Covered => ((86, 140, 190), "•"),
        super::super::Coverage::Agrees => (kind_rgb(FindingKind::Agreement), "="),
        super::super::Coverage::Differs => (kind_rgb(FindingKind::NumberMismatch), "≠"),
        super::super::Coverage::Silent => ((200, 200, 200), "·"),
    }
}

pub(super) const STYLE: &str = r#"
:root { color-scheme: light; --ink: #1d1d1f; --muted: #5c5f66; --rule: #dcdcd8; --panel: #f6f5f1; --paper: #ffffff; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--paper); color: var(--ink); font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif; }
.page { max-width: 1280px; margin: 0 auto; padding: 1.5rem 2rem 3rem; }
a { color: #0b5cad; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: .2rem 0 .6rem; }
h2 { font-size: 1.35rem; margin: 2.4rem 0 .8rem; padding-bottom: .3rem; border-bottom: 2px solid var(--ink); }
h3 { font-size: 1.1rem; margin: 0 0 .3rem; }
h4 { font-size: .85rem; margin: 0 0 .4rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
.kicker { margin: 0; font-size: .8rem; font-weight: 600; text-transform: uppercase; letter-spacing: .08em; color: var(--muted); }
.facts { margin: 0 0 1rem; color: var(--muted); }
.facts strong { color: var(--ink); }
.lead { color: var(--muted); margin: 0 0 .8rem; }
nav.toc { display: flex; flex-wrap: wrap; gap: .3rem 1.2rem; margin: 1rem 0 0; padding: .5rem 0; border-top: 1px solid var(--rule); border-bottom: 1px solid var(--rule); font-size: .9rem; }
nav.toc a { text-decoration: none; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { text-align: left; vertical-align: top; padding: .4rem .6rem; border-bottom: 1px solid var(--rule); }
thead th { border-bottom: 2px solid var(--ink); font-size: .8rem; text-transform: uppercase; letter-spacing: .03em; color: var(--muted); }
td.num, th.num { width: 2.5rem; text-align: right; font-variant-numeric: tabular-nums; color: var(--muted); }
.path { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace; font-size: .82rem; color: var(--muted); word-break: break-all; }
.wrap { overflow-x: auto; }
.nowrap { white-space: nowrap; }
.sub { display: block; font-size: .82rem; color: var(--muted); }
#unique h3 { margin-top: 1.6rem; }
.legend { list-style: none; display: flex; flex-wrap: wrap; gap: .5rem 1.4rem; padding: 0; margin: 0 0 .4rem; }
.legend li { white-space: nowrap; }
.legend .count { color: var(--muted); font-size: .85rem; }
.legend .none { opacity: .5; }
.swatch { display: inline-block; min-width: 1.7em; padding: 0 .3em; margin-right: .3em; text-align: center; font-weight: 700; font-size: .85em; border-radius: 3px; border: 2px solid var(--k); background: var(--kt); color: var(--ink); }
.hint { font-size: .85rem; color: var(--muted); margin: .2rem 0 0; }
table.overview { width: auto; min-width: 60%; }
table.overview th[scope=col] { text-transform: none; letter-spacing: 0; color: var(--ink); font-size: .85rem; min-width: 7rem; }
table.overview th[scope=row] { font-weight: 400; }
table.overview th[scope=row] a { font-weight: 600; margin-right: .3rem; text-decoration: none; }
td.cov { text-align: center; white-space: nowrap; font-size: .85rem; border-left: 3px solid var(--paper); }
td.cov .sym { font-weight: 700; margin-right: .25em; }
.cov-covers { background: rgb(86 140 190 / .16); }
.cov-agrees { background: rgb(0 158 115 / .18); }
.cov-differs { background: rgb(213 94 0 / .22); font-weight: 600; }
.cov-silent { color: #8a8a8a; }
.badge { display: inline-block; font-size: .72rem; font-weight: 600; text-transform: uppercase; letter-spacing: .05em; padding: 0 .45em; border-radius: 3px; vertical-align: middle; border: 1px solid currentColor; }
.badge.edited { color: #6b4e00; background: #fff4d6; }
.event { margin: 0 0 1.4rem; padding: 1rem 1.1rem 1.1rem; background: var(--panel); border-radius: 6px; border-left: 4px solid var(--rule); }
.event .date { font-weight: 400; color: var(--muted); }
.event .num { color: var(--muted); margin-right: .2rem; }
.sources-line { margin: 0 0 .8rem; font-size: .9rem; color: var(--muted); }
.columns { display: grid; grid-template-columns: repeat(var(--cols, 1), minmax(15rem, 1fr)); gap: .9rem; overflow-x: auto; }
.source { background: var(--paper); border: 1px solid var(--rule); border-radius: 5px; padding: .7rem .85rem; }
.source p { margin: 0 0 .5rem; font-family: Charter, "Bitstream Charter", "Sitka Text", Cambria, Georgia, serif; font-size: 1rem; line-height: 1.55; }
.source p:last-child { margin-bottom: 0; }
.gap { color: var(--muted); }
.missing { font-style: italic; color: var(--muted); font-family: inherit !important; font-size: .88rem !important; }
mark { color: inherit; background: var(--kt); border-bottom: 2px solid var(--k); padding: 0 .05em; }
mark.dismissed { background: transparent; border-bottom: 2px dashed #9a9a9a; }
a.ref { font-size: .68em; font-weight: 700; vertical-align: super; line-height: 0; margin-left: .12em; text-decoration: none; color: var(--ink); background: var(--kt); border-radius: 2px; padding: 0 .2em; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; }
a.ref.dismissed { background: #eee; color: #777; text-decoration: line-through; }
ul.event-findings { list-style: none; padding: 0; margin: .9rem 0 0; font-size: .92rem; }
ul.event-findings li { margin: .25rem 0; }
ul.event-notes { margin: .6rem 0 0; padding-left: 1.2rem; font-size: .92rem; }
.status { font-size: .75rem; font-weight: 700; text-transform: uppercase; letter-spacing: .05em; padding: 0 .4em; border-radius: 3px; white-space: nowrap; }
.status-confirmed { color: #005c43; background: #d9f2e9; }
.status-dismissed { color: #555; background: #e6e6e6; }
.status-unreviewed { color: var(--muted); font-weight: 400; text-transform: none; letter-spacing: 0; padding: 0; }
.comment { display: block; margin-top: .2rem; font-style: italic; }
tr.finding td:first-child { border-left: 4px solid var(--k); }
table.findings ul.claims { list-style: none; margin: 0; padding: 0; }
table.findings ul.claims li { margin: 0 0 .25rem; }
.quote { font-family: Charter, "Bitstream Charter", "Sitka Text", Cambria, Georgia, serif; }
.value { color: var(--muted); font-size: .88rem; white-space: nowrap; }
.who { font-weight: 600; }
tr.dismissed td { color: #8a8a8a; }
tr.dismissed .summary, li.dismissed .summary { text-decoration: line-through; }
.why { color: #555; font-size: 0.85em; margin-top: 0.2em; }
li.dismissed { color: #8a8a8a; }
ol.notes { padding-left: 1.4rem; }
ol.notes li { margin: 0 0 .8rem; }
ol.notes .note-text { margin: 0; font-weight: 600; }
ol.notes .where { margin: .1rem 0 0; color: var(--muted); font-size: .9rem; }
footer { margin-top: 3rem; padding-top: .6rem; border-top: 1px solid var(--rule); font-size: .85rem; color: var(--muted); }
html:not(.js) .js-only { display: none; }
.filtered:is(tr, li, a.ref) { display: none; }
mark.filtered { background: transparent; border-bottom-color: transparent; }
@media print {
  :root { --panel: #ffffff; --muted: #333333; --rule: #999999; }
  body { background: #fff; color: #000; font-size: 10.5pt; }
  .page { max-width: none; padding: 0; }
  .js-only, nav.toc { display: none !important; }
  a { color: inherit; text-decoration: none; }
  h2 { break-after: avoid; }
  .event { break-inside: avoid; border: 1px solid #999; border-left-width: 4px; }
  tr { break-inside: avoid; }
  .columns { overflow: visible; grid-template-columns: repeat(var(--cols, 1), minmax(0, 1fr)); }
  mark, .swatch, a.ref, td.cov, .status, .badge { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"#;

/// The filter script. It reads checkboxes and toggles one class; it never writes markup.
pub(super) const SCRIPT: &str = r#"
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  var boxes = Array.prototype.slice.call(document.querySelectorAll("input[data-filter]"));
  var items = Array.prototype.slice.call(document.querySelectorAll("[data-kind]"));
  function apply() {
    var off = {};
    var showDismissed = true;
    boxes.forEach(function (box) {
      var name = box.getAttribute("data-filter");
      if (name === "dismissed") { showDismissed = box.checked; }
      else if (!box.checked) { off[name] = true; }
    });
    items.forEach(function (item) {
      var hide = off[item.getAttribute("data-kind")] === true ||
        (!showDismissed && item.hasAttribute("data-dismissed"));
      item.classList.toggle("filtered", hide);
    });
  }
  boxes.forEach(function (box) { box.addEventListener("change", apply); });
  apply();
})();
"#;
