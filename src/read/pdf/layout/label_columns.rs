//! Front matter set as a label column without colons ("By ⇥ Peter
//! Oakford…", "To ⇥ Cabinet…", "Classification ⇥ Unrestricted"): Word lays
//! it out as a borderless two-column table, and it becomes one, a row per
//! label, so that it reaches the extractors in the same shape as a ruled
//! cover table.
//!
//! A short span followed by a wide gap is common (a list label, a tab stop
//! in prose, a date beside a name), so a run counts only on evidence: two
//! or more labelled lines whose labels start at one left edge and whose
//! values start at one column, with either a third labelled line or a value
//! line of its own at that column, and no other line in between.

use super::lines::Line;
use super::paragraphs::join_line;
use super::Item;
use crate::document::{Cell, Row, Table};
use crate::text::{normalize, parse_label, LabelOptions};

/// Left edges this close (in points) are one column.
const ALIGN: f32 = 2.0;

/// What a line is in a label column with label edge `l` and value edge `v`.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Role {
    /// A label and the first line of its value.
    Labelled,
    /// A further line of a value.
    Value,
}

/// A short span that can be a label: a few words, more letters than digits,
/// no colon (labels with colons already read as "Label: value" paragraphs)
/// and no list label ("1.1", "(a)").
fn is_label_text(text: &str) -> bool {
    let t = normalize(text);
    let letters = t.chars().filter(|c| c.is_alphabetic()).count();
    let digits = t.chars().filter(|c| c.is_ascii_digit()).count();
    !t.is_empty()
        && t.split_whitespace().count() <= 4
        && t.chars().count() <= 30
        && letters > digits
        && !t.contains(':')
        && parse_label(&t, LabelOptions::default()).is_none()
}

/// The label and value edges of a line that starts a label row.
fn label_edges(l: &Line) -> Option<(f32, f32)> {
    match l.spans.as_slice() {
        [label, value] if is_label_text(&label.text) && value.x0 - label.x0 >= label.size * 3.0 => {
            Some((label.x0, value.x0))
        }
        _ => None,
    }
}

fn role(l: &Line, edges: (f32, f32)) -> Option<Role> {
    if let Some((a, b)) = label_edges(l) {
        if (a - edges.0).abs() <= ALIGN && (b - edges.1).abs() <= ALIGN {
            return Some(Role::Labelled);
        }
    }
    (l.spans.len() == 1 && (l.x0() - edges.1).abs() <= ALIGN).then_some(Role::Value)
}

/// The run of lines from `lines[0]` that forms a label column, with each
/// line's role; empty when there is no evidence enough.
fn run(lines: &[&Line], right: f32) -> Vec<Role> {
    let Some(first) = lines.first() else {
        return Vec::new();
    };
    let Some(edges) = label_edges(first) else {
        return Vec::new();
    };
    // A label run starts with a capital; a later label line may go on in
    // lower case.
    if !first
        .spans
        .first()
        .is_some_and(|s| s.text.trim_start().starts_with(char::is_uppercase))
    {
        return Vec::new();
    }
    // The label column is narrow beside the value column: two side-by-side
    // blocks of equal width (two contacts) are no labels and values.
    if edges.1 - edges.0 > (right - edges.0) * 0.35 {
        return Vec::new();
    }
    let size = first.size();
    let mut roles = vec![Role::Labelled];
    let mut prev = *first;
    for l in lines.iter().skip(1) {
        let gap = l.y - prev.y;
        if gap <= 0.0 || gap > size * 2.2 || (l.size() - size).abs() > 1.0 {
            break;
        }
        let r = match role(l, edges) {
            Some(r) => r,
            None => break,
        };
        // A label beside the second line of a wrapped value: the left
        // column runs on independently (a two-column table of prose), no
        // cover box.
        if r == Role::Labelled && value_wraps(prev, l, right) {
            return Vec::new();
        }
        roles.push(r);
        prev = l;
    }
    // A value line after the last label that is set off by more than the
    // run's leading ends it.
    let labelled = roles.iter().filter(|r| **r == Role::Labelled).count();
    let values = roles.len() - labelled;
    if labelled >= 3 || (labelled >= 2 && values >= 1) {
        roles
    } else {
        Vec::new()
    }
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

/// Builds the table of a run: a row per label, value lines joined when the
/// line above was full (a wrap, with `right` the text's right edge) and
/// kept apart with "\n" when it ended early (a hard break: one person per
/// line). A value line set off by more than the run's leading starts a row
/// with no label.
fn table_of(lines: &[&Line], roles: &[Role], right: f32) -> Table {
    let leading = lines
        .windows(2)
        .map(|w| match w {
            [a, b] => b.y - a.y,
            _ => f32::MAX,
        })
        .fold(f32::MAX, f32::min);
    // Where the values start: the label column's right edge.
    let column = lines
        .iter()
        .find(|l| l.spans.len() == 2)
        .and_then(|l| l.spans.last())
        .map_or(f32::MAX, |s| s.x0);
    let mut rows: Vec<(String, String)> = Vec::new();
    let mut prev: Option<&Line> = None;
    for (l, r) in lines.iter().zip(roles) {
        let value_span = l.spans.last();
        let value = normalize(value_span.map_or("", |s| s.text.as_str()));
        let set_off = prev.is_some_and(|p| l.y - p.y > leading * 1.3);
        match r {
            Role::Labelled => {
                let label = normalize(l.spans.first().map_or("", |s| s.text.as_str()));
                // A label wraps only where its next word would not fit in
                // the label column ("EA" over "ha" are two labels).
                let wrapped = prev.zip(l.spans.first()).is_some_and(|(p, own)| {
                    p.spans.len() == 2
                        && p.spans.first().is_some_and(|pl| {
                            pl.x1 + own.size * 0.3 + first_word_width(own) > column - own.size * 0.5
                        })
                });
                match rows.last_mut() {
                    Some((la, va)) if !set_off && wrapped && label_goes_on(la, &label) => {
                        join_line(la, &label);
                        va.push('\n');
                        va.push_str(&value);
                    }
                    _ => rows.push((label, value)),
                }
            }
            Role::Value => match (rows.last_mut(), prev) {
                (Some((_, va)), Some(p)) if !set_off => {
                    let word = value.split_whitespace().next().unwrap_or("");
                    let width = word.chars().count() as f32 * l.size() * 0.5;
                    let full = p.x1() + l.size() * 0.3 + width > right;
                    if full {
                        join_line(va, &value);
                    } else {
                        va.push('\n');
                        va.push_str(&value);
                    }
                }
                _ => rows.push((String::new(), value)),
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

/// Replaces each label-column run among `items` by its table. `right` is
/// the right edge of the page's text.
pub fn label_columns(items: Vec<Item>, right: f32) -> Vec<Item> {
    let mut out: Vec<Item> = Vec::with_capacity(items.len());
    let mut i = 0;
    while i < items.len() {
        // The lines from here up to the next table, looked at only where a
        // label line starts (a run ends at the first line out of step).
        let starts = matches!(items.get(i), Some(Item::Line(l)) if label_edges(l).is_some());
        let lines: Vec<&Line> = if starts {
            items
                .get(i..)
                .unwrap_or_default()
                .iter()
                .map_while(|it| match it {
                    Item::Line(l) => Some(l),
                    Item::Table(..) => None,
                })
                .take_while(|l| l.spans.len() <= 2)
                .collect()
        } else {
            Vec::new()
        };
        let roles = run(&lines, right);
        if roles.is_empty() {
            if let Some(it) = items.get(i) {
                out.push(it.clone());
            }
            i += 1;
            continue;
        }
        let taken = lines.get(..roles.len()).unwrap_or_default();
        let top = taken.first().map_or(0.0, |l| l.top());
        out.push(Item::Table(table_of(taken, &roles, right), top));
        i += roles.len();
    }
    out
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
