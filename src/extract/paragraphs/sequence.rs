//! Choosing the report's main numbering sequence.
//!
//! A report holds several numbered lists: its own paragraphs, but also a
//! recommendations list, lists inside appendices or profiles that restart
//! at 1. The report's paragraphs are the longest run of decimal labels of
//! one printed style ("1)", "1.", "(1)") in which each number follows the
//! one before: 4 → 5, 1.2 → 1.3, 1.3 → 2.1, 2.3 → 2.3.1, 2.3.1 → 3.1.
//!
//! Some templates restart the numbering under every heading ("Background"
//! 1, 2; "Financial implications" 1, 2; "Legal implications" 1). When the
//! longest run stays inside one section and three or more sections each
//! hold a run starting at 1, those runs together are the paragraphs.

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

/// A run of paragraph numbers being built.
struct Run<'a> {
    /// Block index and number of each paragraph, in order.
    items: Vec<(usize, &'a Vec<u32>)>,
    /// The number of the last numbered heading the run has passed since
    /// its last paragraph.
    passed: Option<&'a Vec<u32>>,
    /// How many numbered headings the run went through: the report's own
    /// numbering runs under its numbered headings, a list of
    /// recommendations ("1. Agree", "2. Note") does not.
    support: usize,
}

impl<'a> Run<'a> {
    /// Adds paragraph `c` at block `i` if it goes on from the run's last
    /// number, with one missing, or from a heading the run passed.
    fn extend(&mut self, i: usize, c: &'a Vec<u32>) -> bool {
        let Some((_, last)) = self.items.last() else {
            return false;
        };
        let goes_on =
            follows(last, c) || skips_one(last, c) || self.passed.is_some_and(|h| follows(h, c));
        if goes_on {
            self.items.push((i, c));
            if self.passed.take().is_some() {
                self.support += 1;
            }
        }
        goes_on
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

/// The fewest sections that must each restart at 1 before a report counts
/// as numbered per section: two restarts are as often a report followed by
/// a list in an appendix or profile.
const MIN_RESTARTING_SECTIONS: usize = 3;

/// `section_of` gives the index of the section a block sits in.
pub(crate) fn main_sequence(
    doc: &Document,
    skip: &dyn Fn(usize) -> bool,
    section_of: &dyn Fn(usize) -> Option<usize>,
) -> Vec<usize> {
    let mut candidates: Vec<(usize, Style, Vec<u32>)> = Vec::new();
    // Numbered headings ("2.0 Risks", "3. Recommendations"), as waypoints:
    // a section holding no paragraphs of its own (only a table) must not
    // cut the numbering in two (1.2, "2.0 Risks", "3.0 …", 3.1).
    let mut waypoints: Vec<(usize, Vec<u32>)> = Vec::new();
    for (i, b) in doc.blocks.iter().enumerate() {
        let (label, text) = match &b.kind {
            BlockKind::Paragraph(p) => (p.label.as_ref(), p.text.as_str()),
            BlockKind::Heading(h) if skip(i) => (h.label.as_ref(), h.text.as_str()),
            _ => continue,
        };
        let Some(l) = label else { continue };
        // A number alone over a table ("30." over the plan): the table is
        // the paragraph's body.
        let over_table = || {
            doc.blocks
                .get(i + 1)
                .is_some_and(|n| matches!(n.kind, BlockKind::Table(_)))
        };
        if l.kind != LabelKind::Decimal || (text.is_empty() && !over_table()) {
            continue;
        }
        let Some(c) = components(&l.value).filter(|c| !c.is_empty()) else {
            continue;
        };
        if skip(i) {
            let mut c = c;
            while c.len() > 1 && c.last() == Some(&0) {
                c.pop();
            }
            waypoints.push((i, c));
        } else {
            candidates.push((i, style_of(&l.printed), c));
        }
    }
    let mut best: Vec<usize> = Vec::new();
    let mut best_support = 0usize;
    let mut restarts: Vec<usize> = Vec::new();
    for style in [Style::Close, Style::Dot, Style::Paren] {
        let of_style: Vec<&(usize, Style, Vec<u32>)> =
            candidates.iter().filter(|c| c.1 == style).collect();
        // Runs are built greedily: a candidate extends the most recent run
        // it follows (so a nested list that restarts at 1 does not cut the
        // main numbering), else starts a new run if it can start one, else
        // is passed over.
        let mut runs: Vec<Run> = Vec::new();
        let mut next_waypoint = 0usize;
        // The last numbered heading before the candidate, if no candidate
        // came between ("1. Introduction" over 1.1).
        let mut heading_above: Option<&Vec<u32>> = None;
        for (i, _, c) in of_style {
            // Headings before this candidate move on the runs they follow.
            while let Some((_, number)) = waypoints.get(next_waypoint).filter(|(w, _)| w < i) {
                let open = runs.len().saturating_sub(MAX_OPEN_RUNS);
                for run in runs.iter_mut().skip(open) {
                    let last = run.passed.or_else(|| run.items.last().map(|(_, l)| *l));
                    if last.is_some_and(|l| follows(l, number)) {
                        run.passed = Some(number);
                    }
                }
                heading_above = Some(number);
                next_waypoint += 1;
            }
            let under_heading = heading_above.take().is_some_and(|h| follows(h, c));
            // Only the most recent runs are open to extension: a list
            // nested inside the main numbering is short, and looking back
            // over every run ever started would make a long document with
            // many restarts quadratic.
            // A run at the candidate's own depth first (5.9 → 5.10 → 6.1
            // carries on the main numbering, where a list "1." … "5." nested
            // in 5.6 would also reach "6.1").
            // And before that, a run whose last paragraph sits at the
            // candidate's own list level: "7." set flush after a list "1."
            // … "7." indented inside 6 goes on from 6, and "8." after it
            // from 7, not from the indented list's 7.
            let same_depth = |run: &Run| run.items.last().is_some_and(|(_, l)| l.len() == c.len());
            let same_level = |run: &Run| {
                run.items
                    .last()
                    .is_some_and(|(k, _)| list_level(doc, *k) == list_level(doc, *i))
            };
            let extended = runs
                .iter_mut()
                .rev()
                .take(MAX_OPEN_RUNS)
                .filter(|run| same_depth(run) && same_level(run))
                .any(|run| run.extend(*i, c))
                || runs
                    .iter_mut()
                    .rev()
                    .take(MAX_OPEN_RUNS)
                    .filter(|run| same_depth(run))
                    .any(|run| run.extend(*i, c))
                || runs
                    .iter_mut()
                    .rev()
                    .take(MAX_OPEN_RUNS)
                    .any(|run| run.extend(*i, c));
            if !extended && can_start(c) {
                runs.push(Run {
                    items: vec![(*i, c)],
                    passed: None,
                    support: usize::from(under_heading),
                });
            }
        }
        let chain = restart_chain(&runs, section_of);
        if chain.len() > restarts.len() {
            restarts = chain;
        }
        for run in runs {
            if run.items.len() + run.support > best.len() + best_support {
                best = run.items.into_iter().map(|(i, _)| i).collect();
                best_support = run.support;
            }
        }
    }
    let within_one = |run: &[usize]| match (run.first(), run.last()) {
        (Some(a), Some(b)) => section_of(*a) == section_of(*b),
        _ => true,
    };
    if restarts.len() > best.len() && within_one(&best) {
        return restarts;
    }
    if best.len() < 2 {
        return Vec::new();
    }
    best
}

/// The list level of the paragraph at block `i` (0 for a heading).
fn list_level(doc: &Document, i: usize) -> u8 {
    match doc.blocks.get(i).map(|b| &b.kind) {
        Some(BlockKind::Paragraph(p)) => p.level,
        _ => 0,
    }
}

/// The runs numbered 1, 2, 3… that each fill a section of their own, in
/// order, joined; empty unless enough sections restart.
fn restart_chain(runs: &[Run], section_of: &dyn Fn(usize) -> Option<usize>) -> Vec<usize> {
    let mut ordered: Vec<&[(usize, &Vec<u32>)]> = runs.iter().map(|r| r.items.as_slice()).collect();
    ordered.sort_by_key(|r| r.first().map(|(i, _)| *i));
    let mut chain: Vec<usize> = Vec::new();
    let mut sections = 0usize;
    let mut last_section: Option<usize> = None;
    for run in ordered {
        let (Some((first, c)), Some((last, _))) = (run.first(), run.last()) else {
            continue;
        };
        let section = section_of(*first);
        let plain = run.iter().all(|(_, c)| c.len() == 1);
        if c.as_slice() != [1]
            || !plain
            || section.is_none()
            || section != section_of(*last)
            || (last_section.is_some() && section <= last_section)
        {
            continue;
        }
        last_section = section;
        sections += 1;
        chain.extend(run.iter().map(|(i, _)| *i));
    }
    if sections < MIN_RESTARTING_SECTIONS {
        return Vec::new();
    }
    chain
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

    #[test]
    fn a_section_with_no_paragraphs_does_not_cut_the_numbering() {
        use crate::extract::testdoc::DocBuilder;
        // "2.0 Risks" holds only a table; 3.1 goes on from 1.2.
        let doc = DocBuilder::new()
            .bold("1.0 Summary")
            .para(0, "1.1 The council launches a lottery.")
            .para(0, "1.2 Good causes sign up.")
            .bold("2.0 Risks")
            .table(1, &[&["Risk", "Rating"], &["Too few tickets", "4"]])
            .bold("3.0 Recommendations")
            .para(0, "3.1 That Cabinet approves the lottery.")
            .para(0, "3.2 That Cabinet delegates the choice of manager.")
            .build();
        let got = crate::extract::paragraphs::extract(&doc, &mut Vec::new());
        let numbers: Vec<&str> = got.iter().map(|p| p.number.as_str()).collect();
        assert_eq!(numbers, ["1.1", "1.2", "3.1", "3.2"]);
    }
}
