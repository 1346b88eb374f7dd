//! Front matter set as a label column ("By ⇥ Peter Oakford…", "Report
//! of: ⇥ Strategic Director…", "Is this a key decision? ⇥ Yes"): Word and
//! LibreOffice lay it out as a borderless two-column table, and it becomes
//! one, a row per label, so that it reaches the extractors in the same
//! shape as a ruled cover table. Labels and values may wrap.
//!
//! A short span followed by a wide gap is common (a list label, a tab stop
//! in prose, a date beside a name), so a run counts only on evidence: two
//! or more labelled lines whose labels start at one left edge and whose
//! values start at one column, with either a third labelled line or a value
//! line of its own at that column, and no other line in between. A label
//! column as wide as half the page, or long labels, count only where the
//! labels are sure ones (a closing colon or question mark, a known field
//! label); see `Strength`.

use super::lines::Line;
use super::paragraphs::join_line;
use super::Item;
use crate::document::{Cell, Row, Table};
use crate::text::field_label::is_field_label;
use crate::text::{normalize, parse_label, LabelOptions};

/// Left edges this close (in points) are one column.
const ALIGN: f32 = 2.0;

/// What a line is in a label column with label edge `l` and value edge `v`.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Role {
    /// A label and the first line of its value: a new row.
    Labelled,
    /// More of the row's label, wrapped in the label column, with or
    /// without a line of value beside it.
    LabelMore,
    /// A further line of a value.
    Value,
}

/// How surely a short span is a label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Strength {
    /// Five to ten words: a label only among sure ones ("Lead Officer and
    /// Report Author" beside "Classification").
    Long,
    /// A few words with no mark of a label ("By", "Title of").
    Weak,
    /// Ends in a colon or question mark, or is a known field label
    /// ("Report of:", "Is this a key decision?", "Wards").
    Strong,
}

/// How a span reads as a label: letters rather than digits, no colon but
/// a closing one, no list label ("1.1", "(a)"), at most ten words (a question 25); `None`
/// where it cannot be one.
fn label_strength(text: &str) -> Option<Strength> {
    let t = normalize(text);
    let core = t.trim_end_matches([':', '?']).trim_end();
    let letters = core.chars().filter(|c| c.is_alphabetic()).count();
    let digits = core.chars().filter(|c| c.is_ascii_digit()).count();
    let words = core.split_whitespace().count();
    let chars = core.chars().count();
    // A question may be long ("Is the final decision on the
    // recommendations in this report to be made at this meeting?").
    let (most_words, most_chars) = if t.ends_with('?') {
        (25, 160)
    } else {
        (10, 70)
    };
    if core.is_empty()
        || letters <= digits
        || core.contains(':')
        || words > most_words
        || chars > most_chars
        || parse_label(&t, LabelOptions::default()).is_some()
    {
        return None;
    }
    Some(if t.ends_with([':', '?']) || is_field_label(core) {
        Strength::Strong
    } else if words <= 4 && chars <= 30 {
        Strength::Weak
    } else {
        Strength::Long
    })
}

/// Whether a label is complete: it ends in a colon or a question mark.
fn ends_label(text: &str) -> bool {
    text.trim_end().ends_with([':', '?'])
}

/// The label and value edges of a line that can start a label row.
fn label_edges(l: &Line) -> Option<(f32, f32)> {
    match l.spans.as_slice() {
        [label, value]
            if label_strength(&label.text).is_some() && value.x0 - label.x0 >= label.size * 3.0 =>
        {
            Some((label.x0, value.x0))
        }
        _ => None,
    }
}

/// The role a line can have in a run with `edges`, before context: a
/// two-span line is `Labelled`, a one-span line at the value edge `Value`
/// and one at the label edge `LabelMore`.
fn role(l: &Line, edges: (f32, f32)) -> Option<Role> {
    if let Some((a, b)) = label_edges(l) {
        if (a - edges.0).abs() <= ALIGN && (b - edges.1).abs() <= ALIGN {
            return Some(Role::Labelled);
        }
    }
    match l.spans.as_slice() {
        [s] if (s.x0 - edges.1).abs() <= ALIGN => Some(Role::Value),
        [s] if (s.x0 - edges.0).abs() <= ALIGN
            && s.x1 < edges.1 - s.size * 0.5
            && label_strength(&s.text).is_some() =>
        {
            Some(Role::LabelMore)
        }
        _ => None,
    }
}

/// Whether label text `next` on a line of its own, or beside a value,
/// goes on with the row's label `label`, whose last line is `prev`
/// (a label span): in a run of labels with colons, a label without one
/// is unfinished ("Relevant Cabinet" / "Member:"), unless it is an
/// aside in brackets; otherwise it goes on
/// where its first word would not have fitted in the label column, or
/// it reads on ("Title of" / "report").
fn label_continues(
    label: &str,
    prev: &super::lines::Span,
    next: &super::lines::Span,
    column: f32,
    colons: bool,
    beside_value: bool,
) -> bool {
    if ends_label(label) {
        return false;
    }
    // An aside in brackets is a label of its own ("CONTACT OFFICER:" /
    // "(For all enquiries) | 01632 960884" / "WARD(S):").
    let label = label.trim();
    if label.starts_with('(') && label.ends_with(')') {
        return false;
    }
    if colons {
        return true;
    }
    // Alone in the label column, text in lower case ends the label above
    // ("Does this report contain | No" / "exempt information?"); beside
    // a value of its own it may be a term ("ha | Hectare").
    if !beside_value && next.text.trim_start().starts_with(char::is_lowercase) {
        return true;
    }
    let wrapped = prev.x1 + next.size * 0.3 + first_word_width(next) > column - next.size * 0.5;
    // A capitalised word beside a value of its own starts the next row;
    // alone in the label column it is the end of this one.
    wrapped && (label_goes_on(label, &normalize(&next.text)) || !beside_value)
}

/// A run of lines that forms a label column, with each line's role and
/// whether its labels carry colons.
struct Run {
    roles: Vec<Role>,
    colons: bool,
}

/// The run of lines from `lines[0]` that forms a label column; `None`
/// when there is no evidence enough. The first `lead` lines are the start
/// of a label that ends on the line after them, beside its value ("Is
/// the final decision on the" / … / "be made at this meeting? | Yes").
/// A `strict` run is looked for across page columns, before they are
/// told apart: it needs two sure labels, and labels that stop well short
/// of the value column, as no line of a prose column does.
fn run(lines: &[&Line], lead: usize, right: f32, strict: bool) -> Option<Run> {
    let first = lines.get(lead)?;
    let edges = label_edges(first)?;
    let head = *lines.first()?;
    let head_label = head.spans.first()?;
    // A label run starts with a capital; a later label line may go on in
    // lower case.
    if !head_label.text.trim_start().starts_with(char::is_uppercase) {
        return None;
    }
    let size = first.size();
    let mut roles = Vec::new();
    // Each row's label so far (the lead lines are one under the other, as
    // `lead_lines` found them).
    let mut labels: Vec<String> = Vec::new();
    for l in lines.iter().take(lead + 1) {
        let text = normalize(l.spans.first().map_or("", |s| s.text.as_str()));
        match labels.last_mut() {
            Some(label) => {
                join_line(label, &text);
                roles.push(Role::LabelMore);
            }
            None => {
                labels.push(text);
                roles.push(Role::Labelled);
            }
        }
    }
    let colons = labels.first().is_some_and(|l| ends_label(l));
    let mut prev = *first;
    for l in lines.iter().skip(lead + 1) {
        let gap = l.y - prev.y;
        if gap <= 0.0 || gap > size * 2.2 || (l.size() - size).abs() > 1.0 {
            break;
        }
        let Some(mut r) = role(l, edges) else {
            break;
        };
        let own = l.spans.first();
        // Label text goes on only right under the line with the label's
        // last words.
        let goes_on = r != Role::Value
            && gap <= size * 1.5
            && roles.last() != Some(&Role::Value)
            && match (labels.last(), prev.spans.first(), own) {
                (Some(label), Some(p), Some(o)) => {
                    label_continues(label, p, o, edges.1, colons, r == Role::Labelled)
                }
                _ => false,
            };
        if goes_on {
            r = Role::LabelMore;
            if let (Some(label), Some(o)) = (labels.last_mut(), own) {
                join_line(label, &normalize(&o.text));
            }
        } else if r == Role::LabelMore {
            break;
        } else if r == Role::Labelled {
            // A label beside the second line of a wrapped value: the left
            // column runs on independently (a two-column table of prose), no
            // cover box. A label with its colon is a label all the same.
            // So is a capitalised label beside a capitalised value after a
            // value that reads as whole ("Final Decision-Maker | Policy
            // and Resources Committee" / "Lead Head of Service | Graham
            // Talbot…"): prose going on in both columns at once is rare.
            let marked = own.is_some_and(|o| label_strength(&o.text) == Some(Strength::Strong));
            if !marked && !fresh_row(prev, l) && value_wraps(prev, l, right) {
                return None;
            }
            labels.push(own.map_or(String::new(), |o| normalize(&o.text)));
        }
        roles.push(r);
        prev = l;
    }
    // A value that is a label itself ("Report Author | Relevant
    // Director"): two blocks side by side (two contacts), no labels and
    // values.
    let labels_right = lines
        .iter()
        .zip(&roles)
        .filter(|(l, r)| **r == Role::Labelled && l.spans.len() == 2)
        .filter_map(|(l, _)| l.spans.last())
        .any(|v| is_field_label(&v.text) || ends_label(&v.text));
    if labels_right {
        return None;
    }
    let rows = labels.len();
    let values = roles.iter().filter(|r| **r == Role::Value).count();
    let strengths: Vec<Strength> = labels.iter().filter_map(|l| label_strength(l)).collect();
    if strengths.len() < rows {
        return None;
    }
    let strong = strengths.iter().filter(|s| **s == Strength::Strong).count();
    // The label column is narrow beside the value column, or its labels
    // are sure ones: two side-by-side blocks of equal width (two contacts)
    // are no labels and values.
    let wide = edges.1 - edges.0 > (right - edges.0) * 0.35;
    let long = strengths.contains(&Strength::Long);
    // One known label without a colon, its value over several lines, is
    // a row too ("SENIOR RESPONSIBLE OFFICER | Huw Jenkins, Director…" /
    // "8 March 2024" under the recommendations); one with a colon is left
    // to the "Label: value" paragraphs, which read its spaced-out value.
    // Its label is of two words or more: "To" or "Date" beside a line
    // may be anything.
    let one = rows == 1
        && strong == 1
        && values >= 1
        && !colons
        && labels
            .first()
            .is_some_and(|l| l.split_whitespace().count() >= 2);
    let enough = if wide || long {
        (rows >= 2 && (strong >= 2 || (strong >= 1 && rows >= 3))) || one
    } else {
        rows >= 3 || (rows >= 2 && values >= 1) || one
    };
    // One question answered beside it ("Is this a key decision? | Yes").
    let question = rows == 1
        && labels.first().is_some_and(|l| l.ends_with('?'))
        && first.spans.last().is_some_and(|v| {
            let v = normalize(&v.text);
            v.split_whitespace().count() <= 6
                && ["Yes", "No", "☒", "☐", "N/A"]
                    .iter()
                    .any(|w| v.starts_with(w))
        });
    let short = {
        let reach: Vec<f32> = lines
            .iter()
            .zip(&roles)
            .filter(|(_, r)| **r != Role::Value)
            .filter_map(|(l, _)| l.spans.first())
            .map(|s| (s.x1 - edges.0) / (edges.1 - edges.0).max(1.0))
            .collect();
        reach.iter().sum::<f32>() <= reach.len() as f32 * 0.75
    };
    let sure = !strict || (short && (strong >= 2 || question));
    ((enough || question) && sure).then_some(Run { roles, colons })
}

/// Whether the value on line `next` goes on from the value on `prev`: the
/// first word of `next` would not have fitted on `prev` before `right`.
fn value_wraps(prev: &Line, next: &Line, right: f32) -> bool {
    let Some(value) = next.spans.last() else {
        return false;
    };
    let size = next.size();
    prev.x1() + size * 0.3 + first_word_width(value) > right
}

/// Whether two-span line `next` reads as a row of its own after `prev`
/// though its value might be a wrap: label and value start with
/// capitals, and neither `prev`'s value nor its label reads on.
fn fresh_row(prev: &Line, next: &Line) -> bool {
    let capital = |s: Option<&super::lines::Span>| {
        s.is_some_and(|s| s.text.trim_start().starts_with(char::is_uppercase))
    };
    let reads_on =
        |s: Option<&super::lines::Span>| s.is_some_and(|s| label_goes_on(&normalize(&s.text), "X"));
    next.spans.len() == 2
        && capital(next.spans.first())
        && capital(next.spans.last())
        && !reads_on(prev.spans.last())
        && !reads_on(prev.spans.first())
}

/// The width of the first word of a span, in proportion to its characters.
fn first_word_width(s: &super::lines::Span) -> f32 {
    let chars = s.text.chars().count().max(1) as f32;
    let word = s.text.split_whitespace().next().unwrap_or("");
    (s.x1 - s.x0) * word.chars().count() as f32 / chars
}

/// Whether label line `b` goes on with label `a` ("Title of" / "Report"):
/// it starts in lower case, or `a` ends in a word that cannot end a label.
fn label_goes_on(a: &str, b: &str) -> bool {
    let last = a.split_whitespace().last().unwrap_or("").to_lowercase();
    b.starts_with(char::is_lowercase)
        || a.ends_with([',', '&', '/', '-', '–'])
        || matches!(last.as_str(), "of" | "and" | "for" | "the" | "&")
}

/// Where a row's value lines end and where they may wrap.
struct Edges {
    /// The right edge of the page's text: a line that reaches it is full.
    page: f32,
    /// The right edge of the value column, as far as its longest line.
    column: f32,
}

/// Adds value line `value` to a row's value `acc` under label `label`:
/// joined where the line above (ending at `prev_x1`) was full, a wrap, and
/// kept apart with "\n" where it ended early (a hard break: one person per
/// line). A line is full where the next word would not have fitted before
/// the page's text edge, or where the text reads on ("… Cabinet Member
/// for" / "Communities…"), or, except under labels that list people one
/// per line ("By", "From", "To"), before the column's own edge.
/// In a cell whose paragraphs are `spaced` apart, a line right under
/// another is always a wrap.
fn add_value(
    acc: &mut String,
    label: &str,
    value: &str,
    prev_x1: f32,
    size: f32,
    edges: &Edges,
    spaced: bool,
) {
    if acc.is_empty() {
        acc.push_str(value);
        return;
    }
    let word = value.split_whitespace().next().unwrap_or("");
    // Capitals are wider than small letters.
    let caps = word.chars().any(char::is_alphabetic) && !word.chars().any(char::is_lowercase);
    let em = if caps { 0.65 } else { 0.5 };
    let width = word.chars().count() as f32 * size * em;
    let reach = prev_x1 + size * 0.3 + width;
    let reads_on = label_goes_on(acc, value);
    let number = value.starts_with(|c: char| c.is_ascii_digit());
    let people = matches!(
        label.trim_end_matches(':').trim().to_lowercase().as_str(),
        "by" | "from" | "to" | "cc"
    );
    let full =
        spaced || reach > edges.page || reads_on || (reach > edges.column && (number || !people));
    if full {
        join_line(acc, value);
    } else {
        acc.push('\n');
        acc.push_str(value);
    }
}

/// For each row [`table_of`] makes, whether lines of its value are set
/// apart (a cell's paragraphs spaced out, as Kent's "From" sets one
/// person to a paragraph), numbered as `table_of` numbers them.
fn spaced_rows(lines: &[&Line], run: &Run, leading: f32) -> Vec<bool> {
    let mut spaced: Vec<bool> = Vec::new();
    let mut prev: Option<&Line> = None;
    for (l, r) in lines.iter().zip(&run.roles) {
        let set_off = prev.is_some_and(|p| l.y - p.y > leading * 1.3);
        match (r, spaced.last_mut()) {
            (Role::Labelled, _) => spaced.push(false),
            (Role::LabelMore, _) => {}
            (Role::Value, Some(_)) if !set_off => {}
            (Role::Value, Some(s)) if run.colons => *s = true,
            (Role::Value, _) => spaced.push(false),
        }
        prev = Some(l);
    }
    spaced
}

/// Builds the table of a run: a row per label, its wrapped label lines
/// joined, value lines added by [`add_value`], with `right` the text's
/// right edge. A value line set off by more than the run's leading
/// starts a row with no label, unless the labels carry colons (then it
/// is a paragraph of the same cell: "Telephone No: …" under a name).
fn table_of(lines: &[&Line], run: &Run, page_right: f32) -> Table {
    let leading = lines
        .windows(2)
        .map(|w| match w {
            [a, b] => b.y - a.y,
            _ => f32::MAX,
        })
        .fold(f32::MAX, f32::min);
    // The value column's right edge: where its longest line ends (Word
    // sets such tables narrower than the text, LibreOffice half and half).
    let right = lines
        .iter()
        .zip(&run.roles)
        .filter(|(l, r)| l.spans.len() == 2 || **r == Role::Value)
        .map(|(l, _)| l.x1())
        .fold(f32::MIN, f32::max);
    let edges = Edges {
        page: page_right,
        column: if right > f32::MIN { right } else { page_right },
    };
    let spaced = spaced_rows(lines, run, leading);
    let mut rows: Vec<(String, String)> = Vec::new();
    // The right edge of the last value line.
    let mut last_value_x1: Option<f32> = None;
    let mut prev: Option<&Line> = None;
    for (l, r) in lines.iter().zip(&run.roles) {
        let value_span = (l.spans.len() == 2 || *r == Role::Value)
            .then(|| l.spans.last())
            .flatten();
        let value = value_span.map_or(String::new(), |s| normalize(&s.text));
        let set_off = prev.is_some_and(|p| l.y - p.y > leading * 1.3);
        let label = normalize(l.spans.first().map_or("", |s| s.text.as_str()));
        let row_spaced = rows
            .len()
            .checked_sub(1)
            .and_then(|k| spaced.get(k))
            .is_some_and(|s| *s);
        match r {
            Role::Labelled => {
                rows.push((label, value));
                last_value_x1 = value_span.map(|s| s.x1);
            }
            Role::LabelMore => {
                if let Some((la, va)) = rows.last_mut() {
                    join_line(la, &label);
                    if let Some(s) = value_span {
                        add_value(
                            va,
                            la,
                            &value,
                            last_value_x1.unwrap_or(edges.column),
                            s.size,
                            &edges,
                            row_spaced,
                        );
                        last_value_x1 = Some(s.x1);
                    }
                }
            }
            Role::Value => match rows.last_mut() {
                Some((la, va)) if !set_off => {
                    add_value(
                        va,
                        la,
                        &value,
                        last_value_x1.unwrap_or(edges.column),
                        l.size(),
                        &edges,
                        row_spaced,
                    );
                    last_value_x1 = Some(l.x1());
                }
                Some((_, va)) if run.colons => {
                    va.push('\n');
                    va.push_str(&value);
                    last_value_x1 = Some(l.x1());
                }
                _ => {
                    rows.push((String::new(), value));
                    last_value_x1 = Some(l.x1());
                }
            },
        }
        prev = Some(l);
    }
    Table {
        rows: rows
            .into_iter()
            .map(|(a, b)| Row {
                cells: vec![Cell::new(a), Cell::new(b)],
            })
            .collect(),
        header_rows: 0,
    }
}

/// How many of the last lines of `out` start the label of `line` (a label
/// in lower case beside its value, "be made at this meeting? | Yes"): one
/// span each at the label's left edge, set one under the other, the first
/// in capitals; 0 when there are none.
fn lead_lines(out: &[Item], line: &Line) -> usize {
    let Some(label) = line.spans.first() else {
        return 0;
    };
    let Some(value) = line.spans.get(1) else {
        return 0;
    };
    if !label.text.trim_start().starts_with(char::is_lowercase) {
        return 0;
    }
    let mut below = line;
    let mut n = 0;
    for it in out.iter().rev().take(4) {
        let Item::Line(l) = it else {
            break;
        };
        let ok = match l.spans.as_slice() {
            [s] => {
                (s.x0 - label.x0).abs() <= ALIGN
                    && s.x1 < value.x0 - s.size * 0.5
                    && below.y - l.y > 0.0
                    && below.y - l.y <= s.size * 1.5
                    && !s.text.trim_end().ends_with(['.', ':', '?', ';'])
            }
            _ => false,
        };
        if !ok {
            break;
        }
        n += 1;
        below = l;
        if l.spans
            .first()
            .is_some_and(|s| s.text.trim_start().starts_with(char::is_uppercase))
        {
            return n;
        }
    }
    0
}

/// Replaces each label-column run among `items` by its table. `right` is
/// the right edge of the page's text.
pub fn label_columns(items: Vec<Item>, right: f32) -> Vec<Item> {
    find(items, right, false).0
}

/// The label-column tables among `lines` (one page's, top to bottom), each
/// with the index of its first line and how many lines it takes; for
/// readers whose lines come from elsewhere (a `pdftotext -layout` text).
pub fn label_column_runs(lines: Vec<Line>, right: f32) -> Vec<(Table, usize, usize)> {
    tables_of_lines(lines, right, false)
        .into_iter()
        .map(|(t, f)| (t, f.start, f.len))
        .collect()
}

/// The label-column tables among a page's lines taken row by row, before
/// page columns are told apart (a label column set wide reads as a column
/// of its own), each with its bounding box; only sure ones (see `run`).
pub fn label_column_tables(lines: Vec<Line>, right: f32) -> Vec<(Table, [f32; 4])> {
    tables_of_lines(lines, right, true)
        .into_iter()
        .map(|(t, f)| (t, f.bbox))
        .collect()
}

/// The tables [`find`] makes of `lines`, each with where it came from.
fn tables_of_lines(lines: Vec<Line>, right: f32, strict: bool) -> Vec<(Table, Found)> {
    let items = lines.into_iter().map(Item::Line).collect();
    let (out, found) = find(items, right, strict);
    out.into_iter()
        .filter_map(|it| match it {
            Item::Table(t, _) => Some(t),
            Item::Line(_) => None,
        })
        .zip(found)
        .collect()
}

/// Where a table was made from: its lines' bounding box, and the index
/// of its first line among the items given and how many it took.
struct Found {
    bbox: [f32; 4],
    start: usize,
    len: usize,
}

/// The items with each label-column run replaced by its table, and where
/// each table came from (see [`Found`]). Only lines are given as input
/// by the callers, so item indices are line indices.
fn find(items: Vec<Item>, right: f32, strict: bool) -> (Vec<Item>, Vec<Found>) {
    let mut boxes = Vec::new();
    let mut out: Vec<Item> = Vec::with_capacity(items.len());
    let mut i = 0;
    while i < items.len() {
        // The lines from here up to the next table, looked at only where a
        // label line starts (a run ends at the first line out of step).
        let start = match items.get(i) {
            Some(Item::Line(l)) if label_edges(l).is_some() => Some(l),
            _ => None,
        };
        let Some(start) = start else {
            if let Some(it) = items.get(i) {
                out.push(it.clone());
            }
            i += 1;
            continue;
        };
        let ahead = items
            .get(i..)
            .unwrap_or_default()
            .iter()
            .map_while(|it| match it {
                Item::Line(l) => Some(l),
                Item::Table(..) => None,
            })
            .take_while(|l| l.spans.len() <= 2);
        // The first lines of a label that ends beside its value, already
        // passed.
        let lead = lead_lines(&out, start);
        let behind: Vec<Line> = out
            .get(out.len().saturating_sub(lead)..)
            .unwrap_or_default()
            .iter()
            .filter_map(|it| match it {
                Item::Line(l) => Some(l.clone()),
                Item::Table(..) => None,
            })
            .collect();
        let lines: Vec<&Line> = behind.iter().chain(ahead).collect();
        // With those lines, or else without them.
        let (found, used) = match run(&lines, lead, right, strict) {
            Some(f) if lead > 0 => (Some(f), lead),
            _ => (
                run(lines.get(lead..).unwrap_or_default(), 0, right, strict),
                0,
            ),
        };
        let Some(found) = found else {
            out.push(Item::Line(start.clone()));
            i += 1;
            continue;
        };
        let taken = lines
            .get(lead - used..lead - used + found.roles.len())
            .unwrap_or_default();
        let top = taken.first().map_or(0.0, |l| l.top());
        let bottom = taken.last().map_or(0.0, |l| l.y + l.size() * 0.3);
        let x0 = taken.iter().map(|l| l.x0()).fold(f32::MAX, f32::min);
        let x1 = taken.iter().map(|l| l.x1()).fold(f32::MIN, f32::max);
        boxes.push(Found {
            bbox: [x0 - 1.0, top - 1.0, x1 + 1.0, bottom + 1.0],
            start: i - used,
            len: found.roles.len(),
        });
        let table = table_of(taken, &found, right);
        out.truncate(out.len() - used);
        out.push(Item::Table(table, top));
        i += found.roles.len() - used;
    }
    (out, boxes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::pdf::layout::lines::Span;

    fn span(x0: f32, x1: f32, text: &str) -> Span {
        Span {
            x0,
            x1,
            text: text.to_string(),
            bold: false,
            italic: false,
            size: 11.0,
            wide_gaps: Vec::new(),
        }
    }

    fn line(y: f32, spans: &[(f32, f32, &str)]) -> Item {
        Item::Line(Line {
            y,
            spans: spans.iter().map(|(a, b, t)| span(*a, *b, t)).collect(),
        })
    }

    fn rows(items: &[Item]) -> Vec<Vec<String>> {
        items
            .iter()
            .filter_map(|it| match it {
                Item::Table(t, _) => Some(t),
                Item::Line(_) => None,
            })
            .flat_map(|t| &t.rows)
            .map(|r| r.cells.iter().map(|c| c.text.clone()).collect())
            .collect()
    }

    #[test]
    fn labels_without_colons_make_rows() {
        let items = vec![
            line(
                211.0,
                &[
                    (72.0, 85.0, "By"),
                    (134.0, 604.0, "Cabinet Member for Finance, Jane Doe"),
                ],
            ),
            line(
                224.0,
                &[(134.0, 362.0, "Interim Corporate Director Finance, John Roe")],
            ),
            line(236.6, &[(134.0, 230.0, "Corporate Directors")]),
            line(
                255.5,
                &[
                    (72.0, 85.0, "To"),
                    (134.0, 266.0, "Cabinet – 30 January 2025"),
                ],
            ),
            line(274.3, &[(134.0, 193.0, "Unrestricted")]),
            line(336.0, &[(72.0, 152.0, "Contact Details")]),
        ];
        let out = label_columns(items, 770.0);
        assert_eq!(
            rows(&out),
            vec![
                vec![
                    "By".to_string(),
                    "Cabinet Member for Finance, Jane Doe\nInterim Corporate Director Finance, John Roe\nCorporate Directors".to_string()
                ],
                vec!["To".to_string(), "Cabinet – 30 January 2025".to_string()],
                vec![String::new(), "Unrestricted".to_string()],
            ]
        );
        assert!(matches!(out.last(), Some(Item::Line(_))));
    }

    #[test]
    fn a_full_value_line_wraps_and_a_label_goes_on() {
        let items = vec![
            line(
                538.0,
                &[
                    (44.0, 72.0, "From"),
                    (128.0, 320.0, "Leader of the Council; Ann Smith"),
                ],
            ),
            line(
                552.0,
                &[(
                    128.0,
                    551.0,
                    "Deputy Leader and Cabinet Member for Finance, Corporate &",
                )],
            ),
            line(566.0, &[(128.0, 202.0, "Traded Services")]),
            line(
                580.0,
                &[
                    (44.0, 91.0, "Title of"),
                    (128.0, 376.0, "Budget monitoring"),
                ],
            ),
            line(
                594.0,
                &[(44.0, 100.0, "report"), (128.0, 453.0, "November 2024-25")],
            ),
            line(
                608.0,
                &[
                    (44.0, 115.0, "Classification"),
                    (128.0, 192.0, "Unrestricted"),
                ],
            ),
        ];
        let out = label_columns(items, 567.0);
        assert_eq!(
            rows(&out),
            vec![
                vec![
                    "From".to_string(),
                    "Leader of the Council; Ann Smith\nDeputy Leader and Cabinet Member for Finance, Corporate & Traded Services".to_string()
                ],
                vec!["Title of report".to_string(), "Budget monitoring\nNovember 2024-25".to_string()],
                vec!["Classification".to_string(), "Unrestricted".to_string()],
            ]
        );
    }

    #[test]
    fn short_labels_in_lower_case_are_labels_of_their_own() {
        // A glossary: "ha" fits beside "EA" in the column, so it is no wrap.
        let items = vec![
            line(
                100.0,
                &[(72.0, 84.0, "EA"), (180.0, 300.0, "Environment Agency")],
            ),
            line(114.0, &[(72.0, 80.0, "ha"), (180.0, 220.0, "Hectare")]),
            line(
                128.0,
                &[(72.0, 84.0, "HE"), (180.0, 260.0, "Historic England")],
            ),
        ];
        let out = label_columns(items, 520.0);
        assert_eq!(rows(&out).len(), 3, "{:?}", rows(&out));
    }

    #[test]
    fn a_label_beside_a_wrapped_value_is_no_cover_box() {
        // Two columns of prose: the left one wraps on its own.
        let items = vec![
            line(
                100.0,
                &[
                    (72.0, 130.0, "Running down"),
                    (
                        180.0,
                        520.0,
                        "The council maintained a relatively stable level of",
                    ),
                ],
            ),
            line(
                114.0,
                &[
                    (72.0, 140.0, "Reserves a rapid"),
                    (
                        180.0,
                        515.0,
                        "usable revenue reserves between April 2016 and",
                    ),
                ],
            ),
            line(
                128.0,
                &[
                    (72.0, 120.0, "Decline in"),
                    (180.0, 400.0, "March 2018 of about £0.2bn."),
                ],
            ),
        ];
        assert!(rows(&label_columns(items, 520.0)).is_empty());
    }

    #[test]
    fn one_label_or_loose_lines_stay_lines() {
        // A date beside a heading, and a single label with its value: no evidence.
        let items = vec![
            line(
                100.0,
                &[(72.0, 100.0, "Date"), (300.0, 400.0, "30 January 2025")],
            ),
            line(
                114.0,
                &[(
                    72.0,
                    500.0,
                    "The meeting will be held in the Council Chamber.",
                )],
            ),
            line(140.0, &[(72.0, 90.0, "To"), (134.0, 266.0, "Cabinet")]),
            line(154.0, &[(134.0, 266.0, "Members of the public")]),
        ];
        let out = label_columns(items, 500.0);
        assert!(rows(&out).is_empty(), "{:?}", rows(&out));
        // List labels are no labels.
        let items = vec![
            line(
                100.0,
                &[(72.0, 90.0, "1.1"), (134.0, 500.0, "The first paragraph")],
            ),
            line(
                114.0,
                &[(72.0, 90.0, "1.2"), (134.0, 500.0, "The second paragraph")],
            ),
            line(
                128.0,
                &[(72.0, 90.0, "1.3"), (134.0, 500.0, "The third paragraph")],
            ),
        ];
        assert!(rows(&label_columns(items, 500.0)).is_empty());
    }
}
