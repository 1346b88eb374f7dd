//! Recommendations: after a "Recommendation(s)" label, as numbered, lettered
//! or bulleted items or as prose; the lead-in ("Cabinet is asked to:") is
//! never part of an item.

use super::labels::{self, Meaning};
use super::units::{Shape, Unit};
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
    let rest = rest.trim();
    if !rest.is_empty() {
        out.verbatim.push(rest.to_string());
        if !is_lead_in(rest) {
            match crate::text::parse_label(rest, crate::text::LabelOptions::default()) {
                Some((l, text)) if !l.is_bullet() && !text.is_empty() => {
                    first_style = Some(style(&l));
                    last_value = Some(l.value.clone());
                    out.items.push(Recommendation {
                        number: Some(l.value),
                        text: text.to_string(),
                    });
                }
                _ => {
                    prose += 1;
                    out.items.push(Recommendation {
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
            if prose > 0 {
                break;
            }
            let st = style(l);
            let nested = u.level > *first_level.get_or_insert(u.level)
                || first_style
                    .is_some_and(|f| f != st && (l.is_bullet() || f.0 == LabelKind::Decimal));
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
                let heading_like = !l.is_bullet()
                    && !matches!(l.kind, LabelKind::LowerAlpha | LabelKind::LowerRoman)
                    && u.text.split_whitespace().count() <= 6
                    && !u.text.trim_end().ends_with(['.', ';', ':']);
                if f != st || restart || heading_like {
                    break;
                }
            }
            first_style = Some(st);
            last_value = Some(l.value.clone());
            out.verbatim.push(u.printed());
            out.items.push(Recommendation {
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
            number: None,
            text: u.text.clone(),
        });
        j += 1;
    }
    out.next = j;
    out
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
