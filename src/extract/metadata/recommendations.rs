//! Recommendations: after a "Recommendation(s)" label, as numbered, lettered
//! or bulleted items or as prose; the lead-in ("Cabinet is asked to:") is
//! never part of an item.

use super::labels::{self, Meaning};
use super::units::{Shape, Unit};
use crate::document::Loc;
use crate::document::{Label, LabelKind};
use crate::report::Recommendation;

/// What a recommendations block gave.
#[derive(Debug, Default)]
pub(crate) struct Parsed {
    /// The recommendations, in order.
    pub items: Vec<Recommendation>,
    /// The block's lines as printed, for `fields`.
    pub verbatim: Vec<String>,
    /// Index of the first unit after the block.
    pub next: usize,
}

/// The punctuation shape of a label ("1." vs "1)" vs "(1)"), to tell a
/// recommendation list from the body numbering that follows it.
fn style(l: &Label) -> (LabelKind, bool, char) {
    let open = l.printed.starts_with('(');
    let close = l.printed.chars().last().unwrap_or(' ');
    let kind = match l.kind {
        LabelKind::LowerRoman => LabelKind::LowerAlpha,
        LabelKind::UpperRoman => LabelKind::UpperAlpha,
        k => k,
    };
    (
        kind,
        open,
        if close.is_ascii_alphanumeric() {
            ' '
        } else {
            close
        },
    )
}

/// Whether a short paragraph ending in a colon introduces the list.
pub(crate) fn is_lead_in(text: &str) -> bool {
    text.trim_end().ends_with(':') && text.split_whitespace().count() <= 30
}

/// Whether a unit is a known front-matter label other than a recommendation
/// label, which ends the block.
fn is_other_label(u: &Unit) -> bool {
    if u.is_counted() || u.is_bullet() {
        return false;
    }
    labels::split(&u.text, false).is_some_and(|s| {
        s.meaning.is_some_and(|m| m != Meaning::Recommendations)
            || (s.meaning.is_none() && s.rest.is_empty() && u.bold)
    })
}

/// Parses the recommendations that follow the label at `units[start]`;
/// `rest` is what stood after the label on its line.
pub(crate) fn parse(units: &[Unit], start: usize, rest: &str) -> Parsed {
    let mut out = Parsed {
        next: start + 1,
        ..Parsed::default()
    };
    let mut first_style: Option<(LabelKind, bool, char)> = None;
    let mut last_value: Option<String> = None;
    let mut prose = 0usize;
    let mut first_level: Option<u8> = None;
    // Whether the items now read are the options of the item above.
    let mut options_open = false;
    let rest = rest.trim();
    // A table cell that holds the whole list ("That Cabinet:" / "1.
    // approves …" / "2. notes …"): its lines are the items — also where a
    // text export ran the cell's lines together ("That Cabinet: 1.
    // approves …; 2. notes …").
    let cell = inline_items(rest).unwrap_or_else(|| rest.to_string());
    if cell.contains('\n') {
        let items = from_lines(&cell);
        if items.iter().any(|r| r.number.is_some()) {
            out.verbatim = rest.lines().map(|l| l.trim().to_string()).collect();
            out.items = items;
            return out;
        }
    }
    if !rest.is_empty() {
        out.verbatim.push(rest.to_string());
        if !is_lead_in(rest) {
            match crate::text::parse_label(rest, crate::text::LabelOptions::default()) {
                Some((l, text)) if !l.is_bullet() && !text.is_empty() => {
                    first_style = Some(style(&l));
                    last_value = Some(l.value.clone());
                    out.items.push(Recommendation {
                        loc: Loc::default(),
                        number: Some(l.value),
                        text: text.to_string(),
                    });
                }
                _ => {
                    prose += 1;
                    out.items.push(Recommendation {
                        loc: Loc::default(),
                        number: None,
                        text: rest.to_string(),
                    });
                }
            }
        }
    }
    let mut j = start + 1;
    while let Some(u) = units.get(j) {
        // A numbered lead-in over its own items ("2.1 Members are asked
        // to:" over i. ii. iii.): the items are the recommendations.
        if out.items.is_empty()
            && u.is_counted()
            && !u.is_heading()
            && is_lead_in(&u.text)
            && units
                .get(j + 1)
                .and_then(|n| n.label.as_ref().map(|l| (n, l)))
                .is_some_and(|(n, l)| {
                    n.level > u.level
                        || u.label.as_ref().is_some_and(|ul| {
                            style(ul) != style(l) || l.value.starts_with(&format!("{}.", ul.value))
                        })
                })
        {
            out.verbatim.push(u.printed());
            j += 1;
            continue;
        }
        // A lead-in set as a heading ("The Cabinet agree to:") still leads in.
        let lead_heading = out.items.is_empty()
            && out.verbatim.is_empty()
            && is_lead_in(&u.text)
            && labels::split(&u.text, false).is_none_or(|s| s.meaning.is_none());
        // Items a reader set as headings, right after a lead-in or an item.
        let item_heading = u.is_heading()
            && u.label.as_ref().is_some_and(|l| match first_style {
                Some(f) => f == style(l) && l.value != "1" && !l.value.eq_ignore_ascii_case("a"),
                None => out.verbatim.last().is_some_and(|v| is_lead_in(v)),
            });
        if (u.is_heading() && !lead_heading && !item_heading)
            || u.shape == Shape::Row
            || (is_other_label(u) && !lead_heading)
        {
            break;
        }
        if let Some(l) = &u.label {
            // "2. Notes:" over "a) This application …": notes for the
            // committee set in the recommendations' numbering end them.
            let t = u.text.trim_start().to_lowercase();
            if prose > 0 || t.starts_with("notes:") || t.starts_with("note:") {
                break;
            }
            let st = style(l);
            let nested = u.level > *first_level.get_or_insert(u.level)
                || first_style
                    .is_some_and(|f| f != st && (l.is_bullet() || f.0 == LabelKind::Decimal));
            // Lettered or numbered options under an item that leads in to
            // them ("… determine to: -" / "(a) maintain the levy;" / "(b)
            // …") are items of their own; clauses that carry an item's
            // sentence on ("… Governance;" / "a. to deal with …") and
            // bullets stay in its text.
            let option = nested
                && !l.is_bullet()
                && (options_open
                    || out.items.last().is_some_and(|p| {
                        p.text
                            .trim_end()
                            .trim_end_matches(['-', '–', ' '])
                            .ends_with(':')
                    }));
            if option {
                options_open = true;
                out.verbatim.push(u.printed());
                out.items.push(Recommendation {
                    number: Some(l.value.clone()),
                    text: u.text.clone(),
                    loc: Loc::default(),
                });
                j += 1;
                continue;
            }
            if nested && !out.items.is_empty() {
                if let Some(last) = out.items.last_mut() {
                    last.text.push('\n');
                    last.text.push_str(&u.printed());
                }
                out.verbatim.push(u.printed());
                j += 1;
                continue;
            }
            if let Some(f) = first_style {
                let restart = !l.is_bullet()
                    && (l.value == "1" || l.value.eq_ignore_ascii_case("a"))
                    && last_value.is_some();
                // A short numbered line after the items may be the next
                // section's heading ("2. Background"); lower-case letters and
                // roman numerals never number headings.
                // Nor does a line in lower case, one that reads on ("…
                // results; and"), or one after an item that did ("…
                // tariff;").
                let t = u.text.trim_end();
                let reads_on = t.ends_with(" and") || t.ends_with(" or");
                let list_goes_on = out.items.last().is_some_and(|p| {
                    let p = p.text.trim_end();
                    p.ends_with([';', ',']) || p.ends_with(" and") || p.ends_with(" or")
                });
                let heading_like = !l.is_bullet()
                    && !matches!(l.kind, LabelKind::LowerAlpha | LabelKind::LowerRoman)
                    && u.text.split_whitespace().count() <= 6
                    && !t.ends_with(['.', ';', ':'])
                    && !t.starts_with(char::is_lowercase)
                    && !reads_on
                    && !list_goes_on;
                if f != st || restart || heading_like {
                    break;
                }
            }
            first_style = Some(st);
            last_value = Some(l.value.clone());
            options_open = false;
            out.verbatim.push(u.printed());
            out.items.push(Recommendation {
                loc: Loc::default(),
                number: if l.is_bullet() {
                    None
                } else {
                    Some(l.value.clone())
                },
                text: u.text.clone(),
            });
            j += 1;
            continue;
        }
        // A plain paragraph.
        if !out.items.is_empty() && prose == 0 {
            break;
        }
        let introduces_list = units.get(j + 1).is_some_and(|n| n.label.is_some())
            && u.text.split_whitespace().count() <= 30
            && !u.text.trim_end().ends_with('.');
        if out.items.is_empty() && (is_lead_in(&u.text) || introduces_list) {
            out.verbatim.push(u.text.clone());
            j += 1;
            continue;
        }
        let heading_like = u.text.split_whitespace().count() <= 6
            && !u.text.trim_end().ends_with(['.', ';', ':', ',']);
        if prose >= 3 || u.text.split_whitespace().count() > 120 || (prose > 0 && heading_like) {
            break;
        }
        prose += 1;
        out.verbatim.push(u.text.clone());
        out.items.push(Recommendation {
            loc: Loc::default(),
            number: None,
            text: u.text.clone(),
        });
        j += 1;
    }
    out.next = j;
    out
}

/// The items of a list run together on one line after its lead-in
/// ("That Cabinet: 1. approves …; 2. notes …; and 3. agrees …"), one per
/// line: numbers 1, 2, 3… in order, each after a colon, a semicolon, "and"
/// or "or", at least two of them.
fn inline_items(text: &str) -> Option<String> {
    let mut cuts: Vec<usize> = Vec::new();
    let mut next = 1u32;
    for (at, _) in text.match_indices(|c: char| c.is_ascii_digit()) {
        let number = format!("{next}");
        let Some(after) = text.get(at..) else {
            continue;
        };
        let opens = after
            .strip_prefix(&number)
            .is_some_and(|r| r.starts_with(". ") || r.starts_with(") "));
        let before = text.get(..at).unwrap_or("").trim_end();
        let placed = before.is_empty()
            || before.ends_with([':', ';'])
            || before.ends_with(" and")
            || before.ends_with(" or");
        if opens && placed {
            cuts.push(at);
            next += 1;
        }
    }
    if cuts.len() < 2 {
        return None;
    }
    let mut out = String::new();
    let mut from = 0;
    for at in cuts {
        out.push_str(text.get(from..at).unwrap_or("").trim_end());
        out.push('\n');
        from = at;
    }
    out.push_str(text.get(from..).unwrap_or(""));
    Some(out)
}

/// The recommendations of the lines of one table cell: a lead-in ending
/// in a colon is left out, a labelled line starts an item, and a line
/// without a label goes on with the item above it.
fn from_lines(text: &str) -> Vec<Recommendation> {
    let mut items: Vec<Recommendation> = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let labelled = crate::text::parse_label(line, crate::text::LabelOptions::default())
            .filter(|(_, t)| !t.is_empty());
        match labelled {
            Some((l, t)) => items.push(Recommendation {
                loc: Loc::default(),
                number: (!l.is_bullet()).then_some(l.value),
                text: t.to_string(),
            }),
            None if items.is_empty() && is_lead_in(line) => {}
            None => match items.last_mut() {
                Some(last) => {
                    last.text.push(' ');
                    last.text.push_str(line);
                }
                None => items.push(Recommendation {
                    loc: Loc::default(),
                    number: None,
                    text: line.to_string(),
                }),
            },
        }
    }
    items
}

/// A run of numbered items standing right after the front-matter box with
/// no label of their own (a lost "Recommendations" heading): they count as
/// recommendations when they start at 1 and the body numbering that follows
/// starts again (or there is none).
pub(crate) fn unlabelled_run(units: &[Unit], start: usize) -> Option<Parsed> {
    let first = units.get(start)?;
    let l = first.label.as_ref()?;
    if l.is_bullet() || l.value != "1" || first.level > 0 {
        return None;
    }
    let st = style(l);
    let mut out = Parsed::default();
    let mut expected = 1u32;
    let mut j = start;
    while let Some(u) = units.get(j) {
        let Some(ul) = &u.label else { break };
        if ul.is_bullet() || style(ul) != st || ul.value != expected.to_string() {
            break;
        }
        out.verbatim.push(u.printed());
        out.items.push(Recommendation {
            loc: Loc::default(),
            number: Some(ul.value.clone()),
            text: u.text.clone(),
        });
        expected += 1;
        j += 1;
    }
    out.next = j;
    // Only a list the body numbering starts again after is set apart from
    // the body; a run that simply goes on is the body itself.
    let after_ok = units.get(j).is_some_and(|u| match &u.label {
        Some(ul) if !ul.is_bullet() => ul.value == "1" && style(ul) != st,
        _ => false,
    });
    (!out.items.is_empty() && after_ok).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers_and_texts(items: &[Recommendation]) -> Vec<(Option<&str>, &str)> {
        items
            .iter()
            .map(|r| (r.number.as_deref(), r.text.as_str()))
            .collect()
    }

    #[test]
    fn a_cell_holding_the_list() {
        let want = [
            (Some("1"), "approves the new tariff;"),
            (Some("2"), "notes the results; and"),
            (Some("3"), "agrees the review date."),
        ];
        let lines = from_lines(
            "That Cabinet:\n1. approves the new tariff;\n2. notes the results; and\n3. agrees the review date.",
        );
        assert_eq!(numbers_and_texts(&lines), want);
        let run_on = inline_items(
            "That Cabinet: 1. approves the new tariff; 2. notes the results; and 3. agrees the review date.",
        )
        .unwrap_or_default();
        assert_eq!(numbers_and_texts(&from_lines(&run_on)), want);
    }

    #[test]
    fn figures_in_a_sentence_are_no_items() {
        assert_eq!(
            inline_items("Approve the budget of £1.5m for 2025: 2 posts."),
            None
        );
        assert_eq!(
            inline_items("Note paragraphs 1. and 2. of the report."),
            None
        );
    }
}
