//! The tables of the page: the findings with their claims and reviews, what only one
//! source reports, the notes and the session items that could not be placed.

use super::*;

pub(super) fn review_cell(finding: &Finding) -> String {
    let mut cell = status_label(finding);
    if let Some(review) = &finding.review
        && !review.comment.is_empty()
    {
        let _ = write!(
            cell,
            "<span class=\"comment\">{}</span>",
            escape(&review.comment)
        );
    }
    if let Some(how) = finding.review.as_ref().and_then(|r| r.reattached.as_ref()) {
        let _ = write!(cell, "<span class=\"comment\">{}</span>", escape(how));
    }
    cell
}

pub(super) fn claim_item(report: &Report, claim: &Claim) -> String {
    let mut detail = Vec::new();
    if let Some(value) = &claim.value
        && value != &claim.text
    {
        detail.push(format!("= {}", escape(value)));
    }
    if let Some(note) = &claim.note {
        detail.push(escape(note));
    }
    let detail = if detail.is_empty() {
        String::new()
    } else {
        format!(" <span class=\"value\">{}</span>", detail.join(", "))
    };
    format!(
        "<li><span class=\"who\">{}</span>: <span class=\"quote\">“{}”</span>{detail}</li>",
        escape(&report.documents[claim.document.get()].display_name()),
        escape(&claim.text)
    )
}

pub(super) fn finding_row(report: &Report, finding: &Finding, with_event: bool) -> String {
    let n = finding.index.get() + 1;
    let kind = finding.kind.as_str();
    let mut row = format!(
        "<tr id=\"finding-{n}\" class=\"finding k-{kind}{}\" data-kind=\"{kind}\"{}>\
         <td class=\"num\">{n}</td>",
        if finding.is_dismissed() {
            " dismissed"
        } else {
            ""
        },
        dismissed_attribute(finding)
    );
    let _ = write!(
        row,
        "<td><span class=\"swatch k-{kind}\">{}</span>{}</td>",
        escape(kind_symbol(finding.kind)),
        escape(finding.kind.title())
    );
    if with_event {
        let event = match finding.event {
            Some(event) => format!(
                "<a href=\"#event-{0}\">{0}</a> {1}",
                event.get() + 1,
                escape(
                    report
                        .events
                        .get(event.get())
                        .map_or("", |e| e.label.as_str())
                )
            ),
            None => "whole story".to_string(),
        };
        // The other events the claims lie in (claims paired across events of one story).
        let others: Vec<String> = finding
            .events
            .iter()
            .filter(|e| Some(**e) != finding.event)
            .map(|e| format!("<a href=\"#event-{0}\">{0}</a>", e.get() + 1))
            .collect();
        let event = match (others.is_empty(), finding.event.is_some()) {
            (true, _) => event,
            (false, true) => format!("{event} (also in {})", others.join(", ")),
            (false, false) => format!("{event} (events {})", others.join(", ")),
        };
        let _ = write!(row, "<td>{event}</td>");
        let evidence: Vec<String> = finding.evidence.iter().map(|e| escape(e)).collect();
        let _ = write!(
            row,
            "<td class=\"summary\">{}<div class=\"why\">confidence {:.2}{}{}</div></td>",
            escape(&finding.summary),
            finding.confidence,
            if evidence.is_empty() { "" } else { " · " },
            evidence.join(" · ")
        );
    }
    let claims: Vec<String> = finding
        .claims
        .iter()
        .map(|c| claim_item(report, c))
        .collect();
    let _ = write!(
        row,
        "<td><ul class=\"claims\">{}</ul></td><td class=\"review\">{}</td></tr>",
        claims.join(""),
        review_cell(finding)
    );
    row
}

pub(super) fn findings_table(out: &mut String, report: &Report) {
    let _ = writeln!(out, "<section id=\"findings\">\n<h2>Findings</h2>");
    let findings: Vec<&Finding> = report
        .findings
        .iter()
        .filter(|f| f.kind != FindingKind::Unique)
        .collect();
    if findings.is_empty() {
        let _ = writeln!(out, "<p>No agreements or differences found.</p></section>");
        return;
    }
    let _ = writeln!(
        out,
        "<p class=\"lead\">Every agreement and difference, with what each source says. \
         Dismissed findings are greyed out and not counted in the figures above.</p>"
    );
    let _ = writeln!(out, "<div class=\"wrap\"><table class=\"findings\">");
    let _ = writeln!(
        out,
        "<thead><tr><th class=\"num\">#</th><th>Kind</th><th>Event</th><th>Summary</th>\
         <th>What each source says</th><th>Review</th></tr></thead><tbody>"
    );
    for finding in findings {
        let _ = writeln!(out, "{}", finding_row(report, finding, true));
    }
    let _ = writeln!(out, "</tbody></table></div>\n</section>");
}

pub(super) fn unique(out: &mut String, report: &Report) {
    let by_source = super::super::unique_by_source(report);
    if by_source.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "<section id=\"unique\">\n<h2>Reported by one source only</h2>"
    );
    let _ = writeln!(
        out,
        "<p class=\"lead\">Passages no other source reports, by source.</p>"
    );
    for (document, mine) in by_source {
        let _ = writeln!(out, "<h3>{}</h3>", escape(&document.display_name()));
        let _ = writeln!(
            out,
            "<div class=\"wrap\"><table class=\"findings unique\"><thead><tr>\
             <th class=\"num\">#</th><th>Kind</th><th>Passage</th><th>Review</th></tr></thead>\
             <tbody>"
        );
        for finding in mine {
            let n = finding.index.get() + 1;
            let text: Vec<String> = finding.claims.iter().map(|c| escape(&c.text)).collect();
            let _ = writeln!(
                out,
                "<tr id=\"finding-{n}\" class=\"finding k-unique{}\" data-kind=\"unique\"{}>\
                 <td class=\"num\">{n}</td><td><span class=\"swatch k-unique\">{}</span></td>\
                 <td class=\"quote summary\">{}</td><td class=\"review\">{}</td></tr>",
                if finding.is_dismissed() {
                    " dismissed"
                } else {
                    ""
                },
                dismissed_attribute(finding),
                escape(kind_symbol(FindingKind::Unique)),
                text.join(" "),
                review_cell(finding)
            );
        }
        let _ = writeln!(out, "</tbody></table></div>");
    }
    let _ = writeln!(out, "</section>");
}

pub(super) fn notes(out: &mut String, report: &Report) {
    if report.notes.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "<section id=\"notes\">\n<h2>Notes</h2>\n<ol class=\"notes\">"
    );
    for note in &report.notes {
        let where_ = super::super::note_place(report, note);
        let mut place = Vec::new();
        if let Some((number, label)) = where_.event {
            place.push(format!(
                "on event <a href=\"#event-{number}\">{number}</a> {}",
                escape(label)
            ));
        }
        if let Some((source, quoted)) = &where_.span {
            place.push(format!(
                "<span class=\"who\">{}</span>: <span class=\"quote\">“{}”</span>",
                escape(source),
                escape(quoted)
            ));
        }
        if place.is_empty() {
            place.push("on the whole story".to_string());
        }
        let _ = writeln!(
            out,
            "<li id=\"note-{}\"><p class=\"note-text\">{}</p><p class=\"where\">{}</p></li>",
            note.index + 1,
            escape(&note.text),
            place.join(" · ")
        );
    }
    let _ = writeln!(out, "</ol>\n</section>");
}

pub(super) fn orphans(out: &mut String, report: &Report) {
    if report.orphans.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "<section id=\"orphans\">\n<h2>Not placed in the current texts</h2>"
    );
    let _ = writeln!(
        out,
        "<p class=\"lead\">Corrections, reviews and notes from the session that could not be \
         placed. They stay in the session.</p>"
    );
    let _ = writeln!(
        out,
        "<div class=\"wrap\"><table class=\"orphans\"><thead><tr><th>Item</th><th>What</th>\
         <th>Why</th></tr></thead><tbody>"
    );
    for orphan in &report.orphans {
        let item = orphan.item.as_str();
        let why = if orphan.waiting {
            format!(
                "{} (waits for a document that is not loaded)",
                escape(&orphan.reason)
            )
        } else {
            escape(&orphan.reason)
        };
        let _ = writeln!(
            out,
            "<tr><td>{item} {}</td><td>{}</td><td>{why}</td></tr>",
            orphan.index + 1,
            escape(&orphan.description)
        );
    }
    let _ = writeln!(out, "</tbody></table></div>\n</section>");
}
