//! Choosing the report's main numbering sequence.
//!
//! A report holds several numbered lists: its own paragraphs, but also a
//! recommendations list, lists inside appendices or profiles that restart
//! at 1. The report's paragraphs are the longest run of decimal labels of
//! one printed style ("1)", "1.", "(1)") in which each number follows the
//! one before: 4 → 5, 1.2 → 1.3, 1.3 → 2.1, 2.3 → 2.3.1, 2.3.1 → 3.1.

use crate::document::{BlockKind, LabelKind};
use crate::Document;

/// The printed style of a decimal label, so that "1)" and "1." lists are
/// told apart while "1.1" and "1.1." count as one style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Paren,
    Close,
    Dot,
}

fn style_of(printed: &str) -> Style {
    if printed.starts_with('(') {
        Style::Paren
    } else if printed.ends_with(')') {
        Style::Close
    } else {
        Style::Dot
    }
}

/// Parses "2.3.1" into its components.
fn components(value: &str) -> Option<Vec<u32>> {
    value
        .split('.')
        .filter(|s| !s.is_empty())
        .map(|s| s.parse::<u32>().ok())
        .collect()
}

/// Whether `next` can follow `prev` in one decimal numbering.
pub(crate) fn follows(prev: &[u32], next: &[u32]) -> bool {
    // One level deeper: 2.3 -> 2.3.1.
    if next.len() == prev.len() + 1
        && next.get(..prev.len()) == Some(prev)
        && next.last() == Some(&1)
    {
        return true;
    }
    // Same or shallower: some prefix of prev with its last component + 1,
    // then any number of ".1".
    for keep in 1..=prev.len() {
        let Some(head) = prev.get(..keep) else {
            continue;
        };
        let Some((last, init)) = head.split_last() else {
            continue;
        };
        if next.len() < keep {
            continue;
        }
        if next.get(..keep - 1) != Some(init) || next.get(keep - 1) != Some(&(last + 1)) {
            continue;
        }
        if next.iter().skip(keep).all(|c| *c == 1) {
            return true;
        }
    }
    false
}

/// Whether `next` follows `prev` with one number missing at the same depth
/// (4 → 6, 2.3 → 2.5): a paragraph the reader lost should not cut the
/// numbering in two.
pub(crate) fn skips_one(prev: &[u32], next: &[u32]) -> bool {
    match (prev.split_last(), next.split_last()) {
        (Some((a, pi)), Some((b, ni))) => pi == ni && *b == a + 2,
        _ => false,
    }
}

/// Whether a run may start with `first`: "1", "1.1", or the first
/// paragraph under a numbered heading ("3.1").
fn can_start(first: &[u32]) -> bool {
    match first {
        [1] => true,
        [_, rest @ ..] if !rest.is_empty() => rest.iter().all(|c| *c == 1),
        _ => false,
    }
}

/// The block indexes of the main numbered paragraphs, in order. `skip`
/// marks blocks that may not take part (numbered headings).
/// How many of the most recent runs a candidate may extend.
const MAX_OPEN_RUNS: usize = 32;

pub(crate) fn main_sequence(doc: &Document, skip: &dyn Fn(usize) -> bool) -> Vec<usize> {
    let mut candidates: Vec<(usize, Style, Vec<u32>)> = Vec::new();
    for (i, b) in doc.blocks.iter().enumerate() {
        if skip(i) {
            continue;
        }
        let BlockKind::Paragraph(p) = &b.kind else {
            continue;
        };
        let Some(l) = &p.label else { continue };
        if l.kind != LabelKind::Decimal || p.text.is_empty() {
            continue;
        }
        if let Some(c) = components(&l.value) {
            if !c.is_empty() {
                candidates.push((i, style_of(&l.printed), c));
            }
        }
    }
    let mut best: Vec<usize> = Vec::new();
    for style in [Style::Close, Style::Dot, Style::Paren] {
        let of_style: Vec<&(usize, Style, Vec<u32>)> =
            candidates.iter().filter(|c| c.1 == style).collect();
        // Runs are built greedily: a candidate extends the most recent run
        // it follows (so a nested list that restarts at 1 does not cut the
        // main numbering), else starts a new run if it can start one, else
        // is passed over.
        let mut runs: Vec<Vec<(usize, &Vec<u32>)>> = Vec::new();
        for (i, _, c) in of_style {
            // Only the most recent runs are open to extension: a list
            // nested inside the main numbering is short, and looking back
            // over every run ever started would make a long document with
            // many restarts quadratic.
            let extended = runs
                .iter_mut()
                .rev()
                .take(MAX_OPEN_RUNS)
                .any(|run| match run.last() {
                    Some((_, last)) if follows(last, c) || skips_one(last, c) => {
                        run.push((*i, c));
                        true
                    }
                    _ => false,
                });
            if !extended && can_start(c) {
                runs.push(vec![(*i, c)]);
            }
        }
        for run in runs {
            if run.len() > best.len() {
                best = run.into_iter().map(|(i, _)| i).collect();
            }
        }
    }
    if best.len() < 2 {
        return Vec::new();
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn successor_rules() {
        assert!(follows(&[4], &[5]));
        assert!(follows(&[1, 2], &[1, 3]));
        assert!(follows(&[1, 3], &[2, 1]));
        assert!(follows(&[2, 3], &[2, 3, 1]));
        assert!(follows(&[2, 3, 1], &[2, 4]));
        assert!(follows(&[2, 3, 1], &[3, 1]));
        assert!(follows(&[2, 3, 1], &[3]));
        assert!(!follows(&[4], &[6]));
        assert!(!follows(&[7], &[1]));
        assert!(!follows(&[1, 2], &[1, 4]));
        assert!(can_start(&[1]) && can_start(&[3, 1]) && !can_start(&[2]));
        assert!(skips_one(&[4], &[6]) && skips_one(&[2, 3], &[2, 5]) && !skips_one(&[4], &[7]));
    }
}
