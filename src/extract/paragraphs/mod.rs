//! The report's own numbered paragraphs, with their sub-items.
//!
//! The main numbering is chosen by `sequence`; everything between one
//! main paragraph and the next (or the next section) belongs to it: labelled
//! paragraphs become its items, nested by `items`; unlabelled prose (an
//! indented quotation, text after its bullets) joins its text. A
//! `Label: value` line or a short non-sentence line (a signature, a date)
//! ends it.

mod items;
mod sequence;

use crate::document::{Block, BlockKind, Warning};
use crate::extract::sections::{self, is_label_value, Outline};
use crate::report::NumberedParagraph;
use crate::Document;

use items::ItemNester;

/// Extracts the numbered paragraphs of `doc`.
pub fn extract(doc: &Document, _warnings: &mut Vec<Warning>) -> Vec<NumberedParagraph> {
    let outline = sections::outline(doc);
    let main = sequence::main_sequence(doc, &|i| outline.is_section(i), &|i| {
        outline.current.get(i).copied().flatten()
    });
    if is_led_list(doc, &main, &outline) {
        return Vec::new();
    }
    let main = without_appendices(doc, main);
    let numbered = outline.numbered_before();
    let mut out = Vec::with_capacity(main.len());
    for (k, &start) in main.iter().enumerate() {
        let end = main.get(k + 1).copied().unwrap_or(doc.blocks.len());
        if let Some(p) = build(doc, &outline, &numbered, start, end) {
            out.push(p);
        }
    }
    out
}

/// The main paragraphs before the paper's first appendix: numbered lists
/// inside appendices are not the report's paragraphs. The appendices begin
/// at the first unnumbered heading naming one ("Appendix 1. Toilet Action
/// Plan"); paragraphs after it are kept only where their numbering goes on
/// from the body's (a "12. Background papers" after an "Appendix A" line
/// of the body's list of appendices), not where it starts again.
fn without_appendices(doc: &Document, mut main: Vec<usize>) -> Vec<usize> {
    let Some(start) = sections::first_appendix(doc) else {
        return main;
    };
    let top = |i: &usize| -> Option<u32> {
        match doc.blocks.get(*i).map(|b| &b.kind) {
            Some(BlockKind::Paragraph(p)) => p
                .label
                .as_ref()
                .and_then(|l| l.value.split('.').next()?.parse().ok()),
            _ => None,
        }
    };
    let body_end = main.partition_point(|&i| i < start);
    let last_body = main.get(..body_end).and_then(|b| b.last()).and_then(top);
    let first_after = main.get(body_end).and_then(top);
    let goes_on = matches!((last_body, first_after), (Some(a), Some(b)) if b > a);
    if !goes_on {
        main.truncate(body_end);
    }
    main
}

/// Whether the only numbering of a paper is one short list that a sentence
/// opens ("This includes:" over "1. A more coordinated approach …" to "5.
/// …"), short items all in one section: the items of that sentence, where the paper
/// numbers no paragraphs of its own (an unnumbered briefing).
fn is_led_list(doc: &Document, main: &[usize], outline: &Outline) -> bool {
    let (Some(&first), Some(&last)) = (main.first(), main.last()) else {
        return false;
    };
    let lead_in = first
        .checked_sub(1)
        .and_then(|k| doc.blocks.get(k))
        .is_some_and(|b| match &b.kind {
            BlockKind::Paragraph(p) => p.label.is_none() && p.text.trim_end().ends_with(':'),
            _ => false,
        });
    let integers = main
        .iter()
        .all(|&i| match doc.blocks.get(i).map(|b| &b.kind) {
            // Short items: a list's lines, not paragraphs of argument.
            Some(BlockKind::Paragraph(p)) => {
                p.text.split_whitespace().count() <= 30
                    && p.label
                        .as_ref()
                        .is_some_and(|l| !l.value.contains('.') && l.value.parse::<u32>().is_ok())
            }
            _ => false,
        });
    let one_section = outline.current.get(first) == outline.current.get(last);
    lead_in && integers && one_section && main.len() <= 12
}

/// Builds the paragraph that starts at block `start`, reading up to `end`.
fn build(
    doc: &Document,
    outline: &Outline,
    numbered: &[Option<usize>],
    start: usize,
    end: usize,
) -> Option<NumberedParagraph> {
    let block = doc.blocks.get(start)?;
    let BlockKind::Paragraph(p) = &block.kind else {
        return None;
    };
    let label = p.label.as_ref()?;
    let mut para = NumberedParagraph {
        number: label.value.clone(),
        label: label.printed.clone(),
        section: outline.paragraph_section_at(start, numbered, &label.value),
        text: p.text.clone(),
        items: Vec::new(),
        loc: block.loc,
    };
    let mut nester = ItemNester::default();
    let rest = doc.blocks.get(start + 1..end).unwrap_or(&[]);
    for (off, b) in rest.iter().enumerate() {
        let j = start + 1 + off;
        if outline.is_section(j) {
            break;
        }
        match &b.kind {
            BlockKind::Heading(_) => break,
            BlockKind::Paragraph(q) => {
                if let Some(l) = &q.label {
                    if !q.text.is_empty() {
                        para.items.push(nester.push(l, q.level, &q.text));
                    }
                    continue;
                }
                let text = q.text.trim();
                if text.is_empty() {
                    continue;
                }
                if is_label_value(text) || is_block_label(text, q.style.bold) {
                    break;
                }
                if text.ends_with(':') && leads_nowhere(rest.get(off + 1..).unwrap_or(&[])) {
                    // A lead-in to a heading or table ("Activity over the
                    // last 12 months:"), not part of this paragraph.
                    continue;
                }
                if !is_prose(text) {
                    break;
                }
                match para.items.last_mut() {
                    Some(item) if is_open(&item.text) => {
                        item.text.push(' ');
                        item.text.push_str(text);
                    }
                    _ => {
                        // The rest of a sentence a page or column break cut
                        // joins with a space; a new paragraph with "\n".
                        let lower = text.chars().next().is_some_and(char::is_lowercase);
                        let cut = !ends_sentence(&para.text);
                        para.text.push(if lower || cut { ' ' } else { '\n' });
                        para.text.push_str(text);
                    }
                }
            }
            _ => {}
        }
    }
    Some(para)
}

/// Whether the blocks after a lead-in line reach a heading, a table or the
/// end before any more text.
fn leads_nowhere(after: &[Block]) -> bool {
    for b in after {
        match &b.kind {
            BlockKind::Paragraph(p) if !p.text.is_empty() => return false,
            BlockKind::Heading(_) | BlockKind::Table(_) => return true,
            _ => {}
        }
    }
    true
}

/// Whether an unlabelled line reads as prose that can continue a paragraph,
/// as opposed to a signature, a job title or a date.
fn is_prose(text: &str) -> bool {
    let words = text.split_whitespace().count();
    let ends = text.trim_end_matches(['"', '”', '’', '\'', ')', ']', '*']);
    let sentence_end = ends.ends_with(['.', '?', '!', ':', ';']) || ends.len() < text.len();
    sentence_end || words >= 12
}

/// Whether `text` ends a sentence or a lead-in.
fn ends_sentence(text: &str) -> bool {
    text.trim_end()
        .trim_end_matches(['"', '”', '’', '\'', ')', ']', '*'])
        .ends_with(['.', '?', '!', ':', ';'])
}

/// Whether a line opens a new block of the report rather than continuing a
/// paragraph: a short bold line ending in ":" ("Recommendation(s):"), or one
/// of the labels that end a report's body.
fn is_block_label(text: &str, bold: bool) -> bool {
    let t = text.trim();
    if !t.ends_with(':') || t.split_whitespace().count() > 6 {
        return false;
    }
    let lower = t.trim_end_matches(':').trim().to_lowercase();
    bold || matches!(
        lower.as_str(),
        "recommendation"
            | "recommendations"
            | "recommendation(s)"
            | "background documents"
            | "background papers"
            | "contact details"
            | "appendices"
            | "report author"
    )
}

/// Whether an item's text is left open (a dangling "Projects Underway-"),
/// so that the next unlabelled line completes it.
fn is_open(text: &str) -> bool {
    let t = text.trim_end();
    t.ends_with(['-', '–', '—'])
}

#[cfg(test)]
mod tests;
