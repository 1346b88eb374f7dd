//! The front-matter scanner: walks the units from the top of the document,
//! pairing labels with values, until the body starts.

use super::labels::{self, Extent, Meaning, Split};
use super::recommendations;
use super::title_block::{committee_and_date, committee_name, date_line};
use super::units::{Shape, Unit};
use crate::report::{DateValue, Recommendation};

/// One label/value pair of the front matter.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    /// The label as printed, without colon.
    pub label: String,
    /// What it means, if known.
    pub meaning: Option<Meaning>,
    /// The value, one part per paragraph (bullets as "• ").
    pub parts: Vec<String>,
}

/// What the scan found.
#[derive(Debug, Default)]
pub(crate) struct Scanned {
    /// Label/value pairs in order.
    pub entries: Vec<Entry>,
    /// A title line standing before the labels.
    pub title: Option<String>,
    /// A body named by a title-block line ("COUNCIL – 6 NOVEMBER 2018").
    pub committee: Option<String>,
    /// The date of that line.
    pub date: Option<DateValue>,
    /// Recommendations found in the front matter.
    pub recommendations: Vec<Recommendation>,
    /// An open/exempt marker standing alone ("FOR GENERAL RELEASE").
    pub status: Option<String>,
}

/// How far down the front matter may reach, in units.
const LIMIT: usize = 120;
/// How many unlabelled lines may stand before the first label.
const PREAMBLE: usize = 6;

/// Section names that start the body even when printed with a colon.
const BODY_STARTS: &[&str] = &[
    "introduction",
    "background",
    "introduction and background",
    "background and introduction",
    "context",
    "report",
    "main issues",
    "detail",
    "details",
    "the report",
    "discussion",
];

/// Whether a unit's text could be a label we take: a known one, or an
/// unknown "X:" where the caller allows it.
fn label_of(u: &Unit, bare: bool) -> Option<Split> {
    if u.is_counted() || u.is_bullet() {
        return None;
    }
    let s = labels::split(&u.text, bare)?;
    if BODY_STARTS.contains(&labels::key(&s.label).as_str()) {
        return None;
    }
    Some(s)
}

fn known(u: &Unit) -> bool {
    label_of(u, false).is_some_and(|s| s.meaning.is_some())
}

/// A known label ending in a colon, alone on its line.
fn empty_label(u: &Unit) -> bool {
    u.shape != Shape::Row
        && u.text.trim_end().ends_with(':')
        && label_of(u, false).is_some_and(|s| s.meaning.is_some() && s.rest.is_empty())
}

/// A short line that a reader set as a heading but that answers the label
/// standing alone above it ("To:" over "Cabinet – 30 January 2025", as a
/// text export prints a label and its value on lines of their own): no
/// number and no label, and a date, a meeting body or a one-word answer
/// ("Yes", "Unrestricted") — never a section heading of the body.
fn heading_as_value(u: &Unit) -> bool {
    let t = u.text.trim();
    if !u.is_heading() || u.label.is_some() || known(u) || t.ends_with(':') {
        return false;
    }
    let lower = t.to_lowercase();
    let words = t.split_whitespace().count();
    let body = [
        "cabinet",
        "council",
        "committee",
        "board",
        "panel",
        "executive",
        "forum",
    ]
    .iter()
    .any(|w| lower.split(|c: char| !c.is_alphanumeric()).any(|x| x == *w));
    // A short name in mixed case ("Nunhead and Queen's Road", "Not
    // applicable"): a text export makes any short line between blank lines
    // a heading, while the body's headings are sentences' topics set in
    // capitals or known section names.
    let short_name = words <= 6
        && !capitals(t)
        && !t.ends_with(['.', ';'])
        && t.split_whitespace()
            .filter(|w| w.starts_with(char::is_uppercase))
            .count()
            * 2
            >= words;
    words <= 10
        && !BODY_STARTS.contains(&labels::key(t).as_str())
        && (crate::text::find_date(t).is_some()
            || body
            || (words == 1 && t.len() <= 14)
            || short_name)
}

/// Whether the units at `i` hold a list (the value of a "This report sets
/// out:" line) rather than a new label's value.
fn list_follows(units: &[Unit], i: usize) -> bool {
    units
        .get(i)
        .is_some_and(|u| u.label.is_some() || u.level > 0)
}

/// Scans the front matter.
pub(crate) fn scan(units: &[Unit]) -> Scanned {
    let mut out = Scanned::default();
    let mut preamble: Vec<&Unit> = Vec::new();
    let mut preamble_texts: Vec<String> = Vec::new();
    // Pairs of a title block that do not end the lines before the labels
    // ("Report of the Head of Planning" over the title).
    let mut pending: Vec<Entry> = Vec::new();
    let mut i = 0usize;
    while i < units.len().min(LIMIT) {
        let Some(u) = units.get(i) else { break };
        let seen = !out.entries.is_empty();

        // A box of labels over their values ("Item No. | Classification: |
        // Date: | Meeting Name:" over "12 | Open | 18 March 2025 |
        // Cabinet"): a label/value pair per column.
        if let Some(pairs) = labels_over_values(units, i, seen) {
            out.entries.extend(pairs);
            i += 2;
            continue;
        }

        // A row of label/value pairs side by side, each in a cell of its
        // own ("Item No. 6. | Classification: Open | Date: 6 January 2026 |
        // Meeting Name: Cabinet").
        if let Some(pairs) = pairs_in_cells(u) {
            out.entries.extend(pairs);
            i += 1;
            continue;
        }

        // A table row: label cell and value cells.
        if u.shape == Shape::Row {
            let first = crate::text::normalize(u.cells.first().map_or("", String::as_str));
            let value: Vec<String> = u
                .cells
                .iter()
                .skip(1)
                .map(|c| {
                    c.split('\n')
                        .map(crate::text::normalize)
                        .collect::<Vec<_>>()
                        .join("\n")
                })
                .collect();
            let value = value.join(" ");
            // The header row of a table ("Meeting | Date"): every cell a
            // label word with no colon and no value.
            if seen
                && u.cells.len() >= 2
                && u.cells
                    .iter()
                    .all(|c| !c.trim_end().ends_with(':') && labels::meaning(c).is_some())
            {
                break;
            }
            match labels::split(&first, false) {
                Some(s) if s.meaning.is_some() || first.trim_end().ends_with(':') => {
                    let mut v = s.rest.clone();
                    if !v.is_empty() && !value.is_empty() {
                        v.push(' ');
                    }
                    v.push_str(&value);
                    if s.meaning == Some(Meaning::Recommendations) {
                        let parsed = recommendations::parse(units, i, &v);
                        push_recs(&mut out, &s.label, parsed.verbatim, parsed.items);
                        i = parsed.next;
                        continue;
                    }
                    out.entries.push(Entry {
                        label: s.label,
                        meaning: s.meaning,
                        parts: vec![v],
                    });
                    i += 1;
                    continue;
                }
                _ if seen => {
                    // Rows of a box that are not label pairs ("Appendix 1 |
                    // Title") stay in the box; a wide table ends it.
                    if u.cells.len() > 2 {
                        break;
                    }
                    out.entries.push(Entry {
                        label: labels::clean_label(first.trim_end().trim_end_matches('?')),
                        meaning: None,
                        parts: vec![value],
                    });
                    i += 1;
                    continue;
                }
                // A row of a label/value table that holds known labels
                // further down ("Executive/routine | Executive" above
                // "Wards | All"): a label of the box we do not know.
                _ if u.cells.len() == 2 && table_has_label(units, i) => {
                    out.entries.push(Entry {
                        label: labels::clean_label(first.trim_end().trim_end_matches('?')),
                        meaning: None,
                        parts: vec![value],
                    });
                    i += 1;
                    continue;
                }
                _ => {
                    if u.cells.len() > 2 || preamble.len() >= PREAMBLE {
                        break;
                    }
                    // A title block set as a table: "Policy and Resources
                    // Committee | 22 January 2025", "Tourism … Committee |
                    // Agenda Item 45", "Is the final decision … meeting? | Yes".
                    title_block_row(u, &first, &value, &mut out, &mut pending);
                    i += 1;
                    continue;
                }
            }
        }

        // Numbered items.
        if u.is_counted() {
            if seen && out.recommendations.is_empty() {
                if let Some(parsed) = recommendations::unlabelled_run(units, i) {
                    out.recommendations = parsed.items;
                    i = parsed.next;
                    continue;
                }
            }
            if let Some(next) = seen.then(|| explanatory_list(units, i)).flatten() {
                i = next;
                continue;
            }
            break;
        }

        // "This report makes the following recommendations to this
        // Committee:" over the items, with no label of its own.
        if !u.is_counted()
            && !u.is_bullet()
            && labels::recommendation_lead_in(&u.text)
            && labels::split(&u.text, false).is_none_or(|s| s.meaning.is_none())
        {
            let parsed = recommendations::parse(units, i, "");
            if !parsed.items.is_empty() {
                let mut verbatim = vec![u.text.clone()];
                verbatim.extend(parsed.verbatim);
                push_recs(
                    &mut out,
                    &labels::clean_label(&u.text),
                    verbatim,
                    parsed.items,
                );
                i = parsed.next;
                continue;
            }
        }
        // An open/exempt marker on a line of its own.
        if out.status.is_none() && labels::status_marker(&u.text) && !u.is_counted() {
            out.status = Some(u.text.trim().to_string());
            i += 1;
            continue;
        }

        // "Title of" + "Report:" split over two units.
        let mut text = centred_label(u).unwrap_or_else(|| u.text.clone());
        let mut consumed = 1usize;
        if let Some(next) = units.get(i + 1) {
            if next.shape != Shape::Row {
                if let Some(joined) = labels::joins(&u.text, &next.text) {
                    text = joined;
                    consumed = 2;
                }
            }
        }
        // Two labels on lines of their own with no values, the values
        // following in the same order ("DECISION TO BE TAKEN BY:" /
        // "DECISION NO:" / "Cabinet" / "24/00109", as a text export reads a
        // two-column box): the labels of one line.
        if consumed == 1 && empty_label(u) {
            if let Some(next) = units.get(i + 1).filter(|n| empty_label(n)) {
                text = format!("{} {}", u.text.trim(), next.text.trim());
                consumed = 2;
            }
        }
        // Two or more labels on one line, their values after each or on
        // the next line side by side ("DECISION TO BE TAKEN BY: DECISION
        // NO:" over "Cabinet 24/00109").
        if !u.is_counted() && !u.is_bullet() && u.shape != Shape::Row {
            if let Some(next) = several_labels(units, i, &text, consumed, &mut out) {
                i = next;
                continue;
            }
        }
        let probe = Unit {
            text: text.clone(),
            ..u.clone()
        };
        let split = label_of(&probe, true).filter(|s| {
            s.meaning.is_some()
                || (seen
                    && !u.is_heading()
                    && (!s.rest.is_empty() || !list_follows(units, i + consumed))
                    && units.get(i + consumed).is_some())
        });
        let Some(s) = split else {
            if u.is_bullet() && seen {
                break;
            }
            if !seen {
                // A title and a label that a reader ran together ("… future
                // direction Purpose of report:").
                if let Some((title, label)) = trailing_label(&u.text) {
                    preamble_texts.push(title);
                    let m = labels::meaning(&label);
                    let mut entry = Entry {
                        label: labels::clean_label(&label),
                        meaning: m,
                        parts: Vec::new(),
                    };
                    i = take_value(
                        units,
                        i + 1,
                        m.map_or(Extent::Prose, labels::extent),
                        &mut entry,
                    );
                    out.entries.push(entry);
                    continue;
                }
                if let Some((c, d)) = committee_and_date(&u.text) {
                    // "Policy and Resources" / "Committee   22 January
                    // 2025": the body's name wrapped in its cell, the date
                    // beside its last line. "Committee" alone names none.
                    let generic = ["committee", "board", "panel", "sub-committee", "forum"]
                        .contains(&c.trim().to_lowercase().as_str());
                    let c = match preamble.last() {
                        Some(prev)
                            if generic
                                && prev.label.is_none()
                                && prev.text.split_whitespace().count() <= 6
                                && !prev.text.trim_end().ends_with(['.', ':', ';']) =>
                        {
                            let joined = format!("{} {}", prev.text.trim(), c.trim());
                            preamble.pop();
                            super::committee_case(&joined)
                        }
                        _ => c,
                    };
                    out.committee.get_or_insert(c);
                    out.date.get_or_insert(d);
                    i += 1;
                    continue;
                }
                // "Tourism, Culture and Communities Committee ⇥ Agenda
                // Item 45": the item number printed beside the body.
                if let Some((body, item)) = trailing_item(&u.text) {
                    if out.committee.is_none() && !u.is_counted() && committee_name(&body) {
                        out.committee = Some(super::committee_case(&body));
                        out.entries.push(Entry {
                            label: "Agenda Item".to_string(),
                            meaning: labels::meaning("Agenda Item"),
                            parts: vec![item],
                        });
                        i += 1;
                        continue;
                    }
                }
                // A title block of lines: "CABINET" / "5 September 2024".
                if out.committee.is_none() && !u.is_counted() && committee_name(&u.text) {
                    out.committee = Some(super::committee_case(u.text.trim()));
                    i += 1;
                    continue;
                }
                if out.date.is_none() && !u.is_counted() {
                    if let Some(d) = date_line(&u.text) {
                        out.date = Some(d);
                        i += 1;
                        continue;
                    }
                }
                // Past a "Report of the …" line, only a title still missing
                // may follow before the labels.
                if !pending.is_empty() && title_from(&preamble).is_some() {
                    break;
                }
                preamble.push(u);
                if preamble.len() > PREAMBLE {
                    break;
                }
                i += 1;
                continue;
            }
            // "FOR DECISION" under the box: the kind of item.
            if labels::purpose_kind(&u.text) && u.label.is_none() {
                i += 1;
                continue;
            }
            // The title printed under the box, before the first section
            // ("ARTICLE 4 DIRECTION FOR …" after the label table).
            if out.title.is_none()
                && u.label.is_none()
                && (u.is_heading()
                    || capitals(&u.text)
                    || (u.bold && !u.text.ends_with(['.', ':'])))
                && title_from(&preamble).is_none()
                && !out
                    .entries
                    .iter()
                    .any(|e| e.meaning == Some(Meaning::Title))
                && title_ok(&u.text)
            {
                out.title = Some(u.text.trim().to_string());
                i += 1;
                continue;
            }
            // The caption of a box ("Summary and recommendations") before
            // its rows or labels.
            let caption = u.text.split_whitespace().count() <= 8
                && units.get(i + 1).is_some_and(|n| n.shape == Shape::Row);
            if caption {
                i += 1;
                continue;
            }
            // A value's second line standing apart ("Past Pathway of report:
            // A – 15 January" / "B – 16 January" / "Future Pathway…").
            // A title's second line may come out as a heading.
            let title_line = u.is_heading()
                && u.text.split_whitespace().count() <= 10
                && out
                    .entries
                    .last()
                    .is_some_and(|e| e.meaning == Some(Meaning::Title));
            // A value that stands whole (a telephone number, an address,
            // a date, a yes or no) has no second line: the title set
            // between the labels ("Tel: 0113 496 0125" / "Bus priority on
            // the Eastgate corridor" / "Date: …").
            let whole = out
                .entries
                .last()
                .and_then(|e| e.parts.last())
                .is_some_and(|v| stands_whole(v));
            if whole
                && out.title.is_none()
                && u.label.is_none()
                && title_ok(&u.text)
                && !out
                    .entries
                    .iter()
                    .any(|e| e.meaning == Some(Meaning::Title))
            {
                out.title = Some(u.text.trim().to_string());
                i += 1;
                continue;
            }
            let continuation = u.label.is_none()
                && !whole
                && (!u.is_heading() || title_line)
                && u.text.split_whitespace().count() <= 25
                && units.get(i + 1).is_some_and(known)
                && out
                    .entries
                    .last()
                    .is_some_and(|e| e.meaning != Some(Meaning::Recommendations));
            if continuation {
                if let Some(last) = out.entries.last_mut() {
                    last.parts.push(u.text.clone());
                }
                i += 1;
                continue;
            }
            if let Some(next) = explanatory_list(units, i) {
                i = next;
                continue;
            }
            break;
        };
        // "Report of the Head of Planning and Regeneration" with no colon,
        // before any label: a line of the title block, which the title may
        // follow.
        if !seen
            && s.meaning == Some(Meaning::ReportOf)
            && !s.rest.is_empty()
            && labels::key(&s.label).starts_with("report ")
        {
            let after = text.trim().get(s.label.len()..).unwrap_or("");
            if !after.trim_start().starts_with([':', '?']) {
                pending.push(Entry {
                    label: s.label.clone(),
                    meaning: s.meaning,
                    parts: vec![s.rest.clone()],
                });
                i += consumed;
                continue;
            }
        }
        i += consumed;
        if s.meaning == Some(Meaning::Recommendations) {
            let parsed = recommendations::parse(units, i - 1, &s.rest);
            push_recs(&mut out, &s.label, parsed.verbatim, parsed.items);
            i = parsed.next;
            continue;
        }
        // "To: County Council   Date: 13 March 2025": a second label inside.
        let (rest, inner) = inner_label(&s.rest);
        let mut entry = Entry {
            label: s.label.clone(),
            meaning: s.meaning,
            parts: Vec::new(),
        };
        if !rest.is_empty() {
            entry.parts.push(rest);
        }
        // A label we do not know takes the prose under it, unless its
        // value stands whole on its own line ("Tel: 0113 496 0125" over
        // the report's title).
        let whole_value = !entry.parts.is_empty()
            && entry
                .parts
                .iter()
                .all(|p| p.split_whitespace().count() <= 12);
        let extent = match s.meaning {
            Some(m) => labels::extent(m),
            None if whole_value => Extent::Single,
            None => Extent::Prose,
        };
        i = take_value(units, i, extent, &mut entry);
        out.entries.push(entry);
        if let Some(mut e) = inner {
            // The run-on line may end with a label whose value follows
            // ("… BENEFIT Purpose of the Report:" over its paragraph).
            let trailing = e
                .parts
                .first()
                .and_then(|p| trailing_label(p))
                .map(|(head, label)| {
                    e.parts = vec![head];
                    label
                });
            out.entries.push(e);
            if let Some(label) = trailing {
                let m = labels::meaning(&label);
                let mut t = Entry {
                    label: labels::clean_label(&label),
                    meaning: m,
                    parts: Vec::new(),
                };
                i = take_value(units, i, m.map_or(Extent::Prose, labels::extent), &mut t);
                out.entries.push(t);
            }
        }
    }
    let after_box = out.title.take();
    out.title = title_from(&preamble)
        .or_else(|| preamble_texts.into_iter().next())
        .or(after_box);
    if !pending.is_empty() {
        pending.append(&mut out.entries);
        out.entries = pending;
    }
    out
}

/// The pairs of a row of labels over a row of their values, one per
/// column: every cell of the first row a label (most of them known, one
/// with a colon once labels were seen), the second row as wide and not
/// labels too.
fn labels_over_values(units: &[Unit], i: usize, seen: bool) -> Option<Vec<Entry>> {
    let head = units
        .get(i)
        .filter(|u| u.shape == Shape::Row && u.cells.len() >= 2)?;
    let values = units
        .get(i + 1)
        .filter(|n| n.shape == Shape::Row && n.cells.len() == head.cells.len())?;
    let is_label = |c: &str| {
        let t = c.trim();
        labels::split(t, false).is_some_and(|s| s.rest.is_empty())
            || (t.ends_with(['.', ':']) && (1..=4).contains(&t.split_whitespace().count()))
    };
    let known = head
        .cells
        .iter()
        .filter(|c| labels::meaning(c.trim().trim_end_matches('.')).is_some())
        .count();
    let colons = head.cells.iter().any(|c| c.trim_end().ends_with(':'));
    let ok = head.cells.iter().all(|c| is_label(c))
        && known * 2 >= head.cells.len()
        && (!seen || colons)
        && !values.cells.iter().any(|c| is_label(c));
    ok.then(|| {
        head.cells
            .iter()
            .zip(&values.cells)
            .map(|(l, v)| {
                let l = l.trim().trim_end_matches(['.', ':']);
                Entry {
                    label: labels::clean_label(l),
                    meaning: labels::meaning(l),
                    parts: vec![crate::text::normalize(v)],
                }
            })
            .collect()
    })
}

/// The pairs of a row of three cells or more that each hold a label and its
/// value, when at least two of the labels are known ones; cells of other
/// text (an item number) are passed over.
fn pairs_in_cells(u: &Unit) -> Option<Vec<Entry>> {
    if u.shape != Shape::Row || u.cells.len() < 3 {
        return None;
    }
    let pairs: Vec<Entry> = u
        .cells
        .iter()
        .filter_map(|c| {
            let s = labels::split(&crate::text::normalize(c), false)?;
            (s.meaning.is_some() && !s.rest.is_empty()).then(|| Entry {
                label: s.label,
                meaning: s.meaning,
                parts: vec![s.rest],
            })
        })
        .collect();
    (pairs.len() >= 2).then_some(pairs)
}

/// Reads a table row standing before the labels as a line of the title
/// block: a meeting body and a date in its cells, or a question with its
/// answer ("Is the final decision … to be made at this meeting? | Yes").
fn title_block_row(
    u: &Unit,
    first: &str,
    value: &str,
    out: &mut Scanned,
    pending: &mut Vec<Entry>,
) {
    if first.trim_end().ends_with('?') && !value.trim().is_empty() {
        pending.push(Entry {
            label: labels::clean_label(first.trim_end().trim_end_matches('?')),
            meaning: None,
            parts: vec![value.trim().to_string()],
        });
        return;
    }
    for cell in &u.cells {
        let cell = crate::text::normalize(cell);
        if let Some((c, d)) = committee_and_date(&cell) {
            out.committee.get_or_insert(c);
            out.date.get_or_insert(d);
        } else if committee_name(&cell) {
            out.committee
                .get_or_insert_with(|| super::committee_case(cell.trim()));
        } else if let Some(d) = date_line(&cell) {
            out.date.get_or_insert(d);
        }
    }
}

/// A note inside the box that explains a label rather than answering one
/// ("Key decision criteria. The decision will:" over lettered criteria and
/// bullets): an optional lead-in ending in a colon and a list, with a known
/// label right after it. Returns the index of that label.
fn explanatory_list(units: &[Unit], i: usize) -> Option<usize> {
    let mut j = i;
    if units
        .get(j)
        .is_some_and(|u| u.label.is_none() && u.text.trim_end().ends_with(':'))
    {
        j += 1;
    }
    let start = j;
    let labelled = |u: &Unit| label_of(u, true).is_some_and(|s| s.meaning.is_some());
    while let Some(u) = units.get(j).filter(|_| j < start + 12) {
        // Past its first item, an unlabelled unit that is no front-matter
        // label is an item's wrapped line (text exports keep a hanging
        // indent as a line of its own).
        let wrapped = u.label.is_none() && !u.is_heading() && j > start && !labelled(u);
        if (u.label.is_none() && !wrapped) || u.shape == Shape::Row || known(u) {
            break;
        }
        j += 1;
    }
    (j > start && units.get(j).is_some_and(labelled)).then_some(j)
}

/// Takes a line holding several known labels (see [`labels::split_all`]):
/// pushes one entry per label and returns the index of the next unit, or
/// None when the line holds fewer than two labels.
fn several_labels(
    units: &[Unit],
    i: usize,
    text: &str,
    consumed: usize,
    out: &mut Scanned,
) -> Option<usize> {
    let mut all = labels::split_all(text);
    let (last, heads) = all.split_last()?;
    if heads.is_empty()
        || heads
            .iter()
            .any(|s| s.meaning == Some(Meaning::Recommendations))
    {
        return None;
    }
    let mut next = i + consumed;
    // Labels standing side by side with no values of their own: the values
    // follow on the rest of the line or on the next line, in the same order.
    if heads.iter().all(|s| s.rest.is_empty()) && last.meaning != Some(Meaning::Recommendations) {
        let mut values = last.rest.clone();
        // The values line, or one short line per value where a reader set
        // each apart; a short values line may come out as a heading.
        let mut taken = 0usize;
        while values.split_whitespace().count() < all.len() && taken < all.len() {
            let Some(n) = units.get(next) else { break };
            let plain = n.shape != Shape::Row
                && !n.is_counted()
                && !n.is_bullet()
                && labels::split(&n.text, false).is_none()
                && n.text.split_whitespace().count() <= if taken == 0 { 12 } else { 6 };
            if !plain {
                break;
            }
            if !values.is_empty() {
                values.push(' ');
            }
            values.push_str(&n.text);
            next += 1;
            taken += 1;
        }
        let shared = labels::share_values(&all, &values);
        for (s, v) in all.iter_mut().zip(shared) {
            s.rest = v;
        }
    }
    let last_idx = all.len() - 1;
    for (k, s) in all.into_iter().enumerate() {
        if k == last_idx && s.meaning == Some(Meaning::Recommendations) {
            let parsed = recommendations::parse(units, next - 1, &s.rest);
            push_recs(out, &s.label, parsed.verbatim, parsed.items);
            return Some(parsed.next);
        }
        // A capitalised unknown label run on inside a value (see
        // `inner_label`) is a field of its own.
        let (rest, inner) = if k == last_idx {
            (s.rest, None)
        } else {
            inner_label(&s.rest)
        };
        let mut entry = Entry {
            label: s.label,
            meaning: s.meaning,
            parts: Vec::new(),
        };
        if !rest.is_empty() {
            entry.parts.push(rest);
        }
        if let Some(e) = inner {
            out.entries.push(entry);
            entry = e;
        }
        if k == last_idx {
            let extent = s.meaning.map_or(Extent::Prose, labels::extent);
            next = take_value(units, next, extent, &mut entry);
        }
        out.entries.push(entry);
    }
    Some(next)
}

/// A label that a PDF reader set in the middle of its two-line value: in a
/// borderless cover table with the label cell vertically centred, the
/// lines come out as "value line 1 Label: value line 2" ("Strategic
/// Director, City Operations and Councillor Majid Report of: Mahmood, …").
/// Returns "Label: line 1 line 2", for a known label of up to four words
/// that starts with a capital and follows text holding no colon.
fn centred_label(u: &Unit) -> Option<String> {
    if u.shape != Shape::Paragraph || u.label.is_some() {
        return None;
    }
    let text = u.text.trim();
    let colon = text.find(": ")?;
    let before = text.get(..colon)?;
    let after = text.get(colon + 1..)?.trim();
    let words: Vec<&str> = before.split_whitespace().collect();
    if after.is_empty() || labels::split(text, false).is_some_and(|s| s.meaning.is_some()) {
        return None;
    }
    // The longest known label ending at the colon.
    for n in (1..=4usize).rev() {
        let Some(start) = words.len().checked_sub(n) else {
            continue;
        };
        let (Some(head), Some(label)) = (words.get(..start), words.get(start..)) else {
            continue;
        };
        let label = label.join(" ");
        if head.len() < 2 || !label.starts_with(|c: char| c.is_uppercase()) {
            continue;
        }
        if labels::meaning(&label).is_some_and(|m| m != Meaning::Other) {
            return Some(format!("{label}: {} {after}", head.join(" ")));
        }
    }
    None
}

/// Splits "Some title Purpose of report:" into the title and a known label
/// that ends the line.
fn trailing_label(text: &str) -> Option<(String, String)> {
    if !text.ends_with(':') {
        return None;
    }
    for (idx, _) in text.match_indices(' ') {
        let head = text.get(..idx)?.trim();
        let tail = text.get(idx + 1..)?.trim();
        if head.split_whitespace().count() >= 2
            && labels::meaning(tail).is_some()
            && tail.split_whitespace().count() >= 2
        {
            return Some((head.to_string(), tail.to_string()));
        }
    }
    None
}

/// A line that ends in an agenda item number ("… Committee Agenda Item
/// 45", "CABINET Item No. 7"): the text before it and the number.
fn trailing_item(text: &str) -> Option<(String, String)> {
    // A space before the text, so that a label at its start is found
    // (and leaves no head).
    let text = format!(" {text}");
    let lower = text.to_lowercase();
    let at = ["agenda item", "item no", "item"]
        .iter()
        .filter_map(|l| lower.rfind(&format!(" {l}")).map(|k| (k, l.len() + 1)))
        .min_by_key(|(k, _)| *k)?;
    let head = text.get(..at.0)?.trim();
    let rest = text.get(at.0 + at.1..)?;
    let number = rest
        .trim_start_matches(['.', ':', ' '])
        .trim_start_matches("number")
        .trim_start_matches(['.', ':', ' '])
        .trim();
    let ok = !head.is_empty()
        && number.starts_with(|c: char| c.is_ascii_digit())
        && number.len() <= 8
        && !number.contains(' ');
    ok.then(|| (head.to_string(), number.to_string()))
}

fn push_recs(out: &mut Scanned, label: &str, verbatim: Vec<String>, items: Vec<Recommendation>) {
    out.entries.push(Entry {
        label: label.to_string(),
        meaning: Some(Meaning::Recommendations),
        parts: verbatim,
    });
    if out.recommendations.is_empty() {
        out.recommendations = items;
    }
}

/// Splits a second known label out of a value ("County Council Date: 13
/// March 2025").
fn inner_label(value: &str) -> (String, Option<Entry>) {
    for (idx, _) in value.match_indices(' ') {
        let tail = value.get(idx + 1..).unwrap_or("");
        // "… John Betts To Cabinet – 30 January 2025": a bare "To" label
        // that a reader ran into the line before, known by its date.
        if let Some(body) = tail.strip_prefix("To ") {
            let (committee, date) = super::split_committee(body);
            if date.is_some() && !committee.is_empty() && committee.split_whitespace().count() <= 6
            {
                let head = value.get(..idx).unwrap_or("").trim().to_string();
                return (
                    head,
                    Some(Entry {
                        label: "To".to_string(),
                        meaning: Some(Meaning::Committee),
                        parts: vec![body.trim().to_string()],
                    }),
                );
            }
        }
        if let Some(s) = labels::split(tail, false) {
            // "2029/30 ORGANISATION STRATEGY PRIORITY AREA: GROWING …": a
            // capitalised label that a reader ran onto a capitalised value.
            let head = value.get(..idx).unwrap_or("").trim();
            let caps_run = (2..=7).contains(&s.label.split_whitespace().count())
                && capitals(&s.label)
                && !s.label.contains(|c: char| c.is_ascii_digit() || c == '/')
                && !s.rest.is_empty()
                && head.split_whitespace().count() >= 2
                && capitals(head);
            if caps_run {
                return (
                    head.to_string(),
                    Some(Entry {
                        label: labels::clean_label(&s.label),
                        meaning: s.meaning,
                        parts: vec![s.rest],
                    }),
                );
            }
            if s.meaning == Some(Meaning::Date) && tail.to_lowercase().starts_with("date") {
                let head = value.get(..idx).unwrap_or("").trim().to_string();
                return (
                    head,
                    Some(Entry {
                        label: s.label,
                        meaning: s.meaning,
                        parts: vec![s.rest],
                    }),
                );
            }
        }
    }
    (value.to_string(), None)
}

/// Takes the value's continuation from the units after the label; returns
/// the index of the first unit not taken.
fn take_value(units: &[Unit], mut i: usize, extent: Extent, entry: &mut Entry) -> usize {
    let stop = |u: &Unit| {
        u.is_heading()
            || u.shape == Shape::Row
            || known(u)
            || labels::recommendation_lead_in(&u.text)
    };
    match extent {
        Extent::Single => {
            if entry.parts.is_empty() {
                if let Some(u) = units.get(i) {
                    // A line with a label of its own ("ORGANISATION
                    // STRATEGY PRIORITY AREA: …" under "SUBJECT: …") is the
                    // next field, known or not.
                    // A title alone under its label may hold a colon of its
                    // own ("Report title:" / "Licensing Act 2003: Shrimp and
                    // Wings, …"): an unknown label there is the title's.
                    let title_with_colon = |s: &Split| {
                        entry.meaning == Some(Meaning::Title)
                            && s.meaning.is_none()
                            && !capitals(&s.label)
                    };
                    if !stop(u)
                        && !u.is_counted()
                        && label_of(u, false).is_none_or(|s| title_with_colon(&s))
                        || (u.is_heading() && !known(u) && entry.meaning == Some(Meaning::Title))
                        || heading_as_value(u)
                    {
                        entry.parts.push(u.printed());
                        i += 1;
                    }
                }
            }
        }
        Extent::People => {
            while let Some(u) = units.get(i) {
                let words = u.text.split_whitespace().count();
                // "To Cabinet – 30 January 2025" with no colon ends the list too.
                let bare_label = label_of(u, true).is_some_and(|s| s.meaning.is_some());
                // A date standing alone is no person ("06 February 2025"
                // under an inspector's name).
                let date_line = words <= 4 && crate::text::parse_date(&u.text).is_some();
                // "Contact name: Sam Jones", "Tel: …" under the list: a
                // field of its own, known or not.
                let other_label = label_of(u, false).is_some();
                if stop(u)
                    || bare_label
                    || other_label
                    || date_line
                    || u.label.is_some()
                    || words > 25
                    || u.text.ends_with(':')
                {
                    break;
                }
                // A lone line of a name wrapped over two lines ("and Education")
                // joins the person above.
                if u.text.starts_with(|c: char| c.is_lowercase()) {
                    if let Some(last) = entry.parts.last_mut() {
                        last.push(' ');
                        last.push_str(&u.text);
                        i += 1;
                        continue;
                    }
                }
                entry.parts.push(u.text.clone());
                i += 1;
            }
        }
        Extent::Prose => {
            // "Purpose of Report" answered in a word ("Decision") that is
            // also a label.
            if entry.parts.is_empty() && entry.meaning == Some(Meaning::Purpose) {
                if let Some(u) = units
                    .get(i)
                    .filter(|u| u.label.is_none() && labels::purpose_kind(&u.text))
                {
                    entry.parts.push(u.text.clone());
                    return i + 1;
                }
            }
            while let Some(u) = units.get(i) {
                if stop(u) || (u.is_counted() && u.level == 0) {
                    break;
                }
                // An unlabelled "Heading:" line followed by plain text is the
                // next label, unless it introduces a list.
                if !entry.parts.is_empty()
                    && u.label.is_none()
                    && label_of(u, false).is_some_and(|s| s.rest.is_empty())
                    && !list_follows(units, i + 1)
                {
                    break;
                }
                if !entry.parts.is_empty() && u.label.is_none() && u.bold && u.text.ends_with(':') {
                    break;
                }
                entry.parts.push(u.printed());
                i += 1;
            }
        }
    }
    i
}

/// The title among the lines before the first label: the first heading, else
/// the first short line that is not a council name or a date.
fn title_from(preamble: &[&Unit]) -> Option<String> {
    let usable = |u: &&&Unit| {
        let t = u.text.trim();
        let words = t.split_whitespace().count();
        words > 0
            && words <= 25
            && !t.to_lowercase().starts_with("agenda item")
            && !t.to_lowercase().starts_with("item no")
            // "Item 7.1", "Item 12": the agenda's numbering.
            && !t
                .to_lowercase()
                .strip_prefix("item ")
                .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
            && !is_council_name(t)
            && crate::text::parse_date(t).is_none_or(|_| words > 4)
    };
    preamble
        .iter()
        .filter(usable)
        .find(|u| u.is_heading())
        .or_else(|| preamble.iter().find(usable))
        .map(|u| u.text.trim().to_string())
}

/// Whether a later row of the same table holds a known label.
fn table_has_label(units: &[Unit], i: usize) -> bool {
    let Some(u) = units.get(i) else { return false };
    units
        .iter()
        .skip(i + 1)
        .take_while(|n| n.block == u.block)
        .any(|n| {
            n.shape == Shape::Row
                && n.cells
                    .first()
                    .and_then(|c| labels::split(&crate::text::normalize(c), false))
                    .is_some_and(|s| s.meaning.is_some())
        })
}

/// Whether a value is whole as it stands: a telephone number, an e-mail
/// address, a date, or a yes or no.
fn stands_whole(value: &str) -> bool {
    let v = value.trim();
    let phone = v.chars().filter(char::is_ascii_digit).count() >= 10
        && v.chars().all(|c| c.is_ascii_digit() || " +()-".contains(c));
    let email = v.contains('@') && !v.contains(' ');
    let date = crate::text::parse_date(v).is_some() && v.split_whitespace().count() <= 4;
    phone || email || date || matches!(v.to_lowercase().as_str(), "yes" | "no")
}

/// Whether a line is set in capitals ("ARTICLE 4 DIRECTION FOR HOUSES").
fn capitals(text: &str) -> bool {
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 4 && letters.iter().all(|c| c.is_uppercase())
}

/// Whether a line could be a report's title: a few words, not a section
/// name that starts the body, not a council's name.
fn title_ok(text: &str) -> bool {
    let t = text.trim();
    let words = t.split_whitespace().count();
    (2..=20).contains(&words)
        && !BODY_STARTS.contains(&labels::key(t).as_str())
        && !is_council_name(t)
        && !t.ends_with([':', '.'])
}

/// The title of a report with no title label: the highest-level heading
/// near the top that is neither a label line ("Report to Kent County
/// Council"), a council's name, a publisher's stamp nor a contents list
/// (an inspector's "Report on the Examination of the … Local Plan").
pub(crate) fn heading_title(units: &[Unit]) -> Option<String> {
    let candidates: Vec<(u8, &Unit)> = units
        .iter()
        .take(PREAMBLE * 3)
        .take_while(|u| !u.is_counted())
        .filter_map(|u| match u.shape {
            Shape::Heading(level) => Some((level, u)),
            _ => None,
        })
        .filter(|(_, u)| {
            let t = u.text.trim();
            title_ok(t)
                && t.split_whitespace().count() >= 3
                && labels::split(t, true).is_none_or(|s| s.meaning.is_none())
                && !crate::extract::kind::is_publisher_stamp(t)
                && !matches!(labels::key(t).as_str(), "contents" | "table of contents")
                && crate::text::parse_date(t).is_none()
        })
        .collect();
    let top = candidates.iter().map(|(l, _)| *l).min()?;
    candidates
        .iter()
        .find(|(l, _)| *l == top)
        .map(|(_, u)| u.text.trim().to_string())
}

/// "KENT COUNTY COUNCIL", "Oxford City Council".
fn is_council_name(text: &str) -> bool {
    let lower = text.to_lowercase();
    // "Cyngor Caerdydd": the Welsh name printed under the English one, or
    // joined to it ("CYNGOR DINAS CAERDYDD CITY OF CARDIFF COUNCIL").
    let words = text.split_whitespace().count();
    (lower.ends_with("council") && words <= 5) || (lower.starts_with("cyngor ") && words <= 9)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::metadata::units::units;
    use crate::extract::testdoc::DocBuilder;

    #[test]
    fn council_names_in_one_or_two_languages() {
        assert!(is_council_name("KENT COUNTY COUNCIL"));
        assert!(is_council_name("Cyngor Caerdydd"));
        assert!(is_council_name(
            "CYNGOR DINAS CAERDYDD CITY OF CARDIFF COUNCIL"
        ));
        assert!(!is_council_name(
            "Review of the way the council consults residents on plans for the borough council"
        ));
    }

    #[test]
    fn label_value_pairs_side_by_side_in_one_row() {
        let doc = DocBuilder::new()
            .table(
                0,
                &[
                    &[
                        "Item No.\n6.",
                        "Classification: Open",
                        "Date:\n6 January 2026",
                        "Meeting Name: Cabinet",
                    ],
                    &[
                        "Report title:",
                        "",
                        "The Livesey Trust, Annual Report 2024/25",
                        "",
                    ],
                    &["From:", "", "Head of Culture", ""],
                ],
            )
            .build();
        let md = crate::extract::metadata::extract(&doc, &mut Vec::new());
        assert_eq!(
            md.title.as_deref(),
            Some("The Livesey Trust, Annual Report 2024/25")
        );
        assert_eq!(md.committee.as_deref(), Some("Cabinet"));
        assert_eq!(md.status.as_deref(), Some("Open"));
        assert_eq!(md.date.and_then(|d| d.iso).as_deref(), Some("2026-01-06"));
        assert_eq!(md.report_of.as_deref(), Some("Head of Culture"));
    }

    #[test]
    fn an_item_number_beside_the_body() {
        let got = |t: &str| trailing_item(t);
        assert_eq!(
            got("Tourism, Culture and Communities Committee Agenda Item 45"),
            Some((
                "Tourism, Culture and Communities Committee".to_string(),
                "45".to_string()
            ))
        );
        assert_eq!(
            got("CABINET Item No. 7"),
            Some(("CABINET".to_string(), "7".to_string()))
        );
        assert_eq!(got("The item 5 was deferred to the next meeting"), None);
        assert_eq!(got("Agenda Item 45"), None);
        let doc = DocBuilder::new()
            .para(
                0,
                "Tourism, Culture and Communities Committee Agenda Item 45",
            )
            .para(0, "Subject: Allotments")
            .build();
        let s = scan(&units(&doc.blocks));
        assert_eq!(
            s.committee.as_deref(),
            Some("Tourism, Culture and Communities Committee")
        );
        assert!(s
            .entries
            .iter()
            .any(|e| e.label == "Agenda Item" && e.parts == ["45"]));
    }

    #[test]
    fn a_label_alone_takes_the_heading_below_as_its_value() {
        let doc = DocBuilder::new()
            .para(0, "To:")
            .heading(2, "Cabinet – 30 January 2025")
            .para(0, "Subject:")
            .heading(2, "Bus shelters")
            .para(0, "Classification:")
            .heading(2, "Unrestricted")
            .para(0, "Electoral Division:")
            .heading(2, "Introduction")
            .para(0, "The text.")
            .build();
        let s = scan(&units(&doc.blocks));
        let got: Vec<(&str, String)> = s
            .entries
            .iter()
            .map(|e| (e.label.as_str(), e.parts.join("/")))
            .collect();
        assert_eq!(
            got,
            [
                ("To", "Cabinet – 30 January 2025".to_string()),
                ("Subject", "Bus shelters".to_string()),
                ("Classification", "Unrestricted".to_string()),
                ("Electoral Division", String::new()),
            ]
        );
    }

    #[test]
    fn two_labels_alone_share_the_values_below() {
        let doc = DocBuilder::new()
            .para(0, "DECISION TO BE TAKEN BY:")
            .para(0, "DECISION NO:")
            .heading(2, "Cabinet")
            .para(0, "24/00115")
            .para(0, "For publication: Yes")
            .build();
        let s = scan(&units(&doc.blocks));
        let got: Vec<(&str, String)> = s
            .entries
            .iter()
            .map(|e| (e.label.as_str(), e.parts.join("/")))
            .collect();
        assert_eq!(
            got,
            [
                ("DECISION TO BE TAKEN BY", "Cabinet".to_string()),
                ("DECISION NO", "24/00115".to_string()),
                ("For publication", "Yes".to_string()),
            ]
        );
    }

    #[test]
    fn a_label_centred_beside_its_two_line_value() {
        let doc = DocBuilder::new()
            .para(0, "Strategic Director, City Operations and Councillor Majid Report of: Mahmood, Cabinet Member")
            .para(0, "The report sets out: the options")
            .build();
        let us = units(&doc.blocks);
        assert_eq!(
            us.first().and_then(centred_label).as_deref(),
            Some("Report of: Strategic Director, City Operations and Councillor Majid Mahmood, Cabinet Member")
        );
        assert_eq!(us.get(1).and_then(centred_label), None);
    }
}
