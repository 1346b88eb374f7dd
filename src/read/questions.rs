//! A form's numbered questions ("1 What is the review?", "2 What outcomes
//! could realistically be achieved?", "3 When should the review be
//! completed?"), each over its unnumbered answer, as scoping forms and
//! consultation templates print them. A reader that sees bold makes them
//! headings; a text export loses the bold and gives numbered paragraphs.
//! Where every top-level numbered paragraph of a document but at most one
//! opens with an interrogative, and there are three or more, each such
//! question with its answer below it heads that answer. Format-neutral: it
//! runs on every reader's blocks, after [`bare_numbers`](super::bare_numbers).

use crate::document::{Block, BlockKind, Heading, LabelKind, Paragraph};
use crate::text::opens_question as asks;
use crate::Document;

/// The fewest numbered questions that make a form.
const MIN_QUESTIONS: usize = 3;

/// A top-level numbered paragraph ("3", not "3.1" or "a").
fn top_numbered(b: &Block) -> Option<&Paragraph> {
    match &b.kind {
        BlockKind::Paragraph(p)
            if p.level == 0
                && p.label
                    .as_ref()
                    .is_some_and(|l| l.kind == LabelKind::Decimal && !l.value.contains('.')) =>
        {
            Some(p)
        }
        _ => None,
    }
}

/// Whether an unnumbered paragraph (the answer) follows block `i`.
fn answered(blocks: &[Block], i: usize) -> bool {
    blocks
        .get(i + 1)
        .is_some_and(|b| matches!(&b.kind, BlockKind::Paragraph(p) if p.label.is_none()))
}

/// Turns the numbered questions of a form into numbered headings.
pub fn head_answers(doc: &mut Document) {
    let numbered: Vec<usize> = (0..doc.blocks.len())
        .filter(|&i| doc.blocks.get(i).and_then(top_numbered).is_some())
        .collect();
    let asking = numbered
        .iter()
        .filter(|&&i| {
            doc.blocks
                .get(i)
                .and_then(top_numbered)
                .is_some_and(|p| asks(&p.text))
        })
        .count();
    if numbered.len() < MIN_QUESTIONS || asking + 1 < numbered.len() {
        return;
    }
    for i in numbered {
        if !answered(&doc.blocks, i) {
            continue;
        }
        let Some(b) = doc.blocks.get_mut(i) else {
            continue;
        };
        let BlockKind::Paragraph(p) = &mut b.kind else {
            continue;
        };
        if !asks(&p.text) {
            continue;
        }
        b.kind = BlockKind::Heading(Heading {
            level: 2,
            text: std::mem::take(&mut p.text),
            label: p.label.take(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Label, Loc};
    use crate::Format;

    fn doc(items: &[(Option<&str>, &str)]) -> Document {
        let mut d = Document::new(Format::Txt);
        for (label, text) in items {
            d.push(
                Loc::line(1),
                BlockKind::Paragraph(Paragraph {
                    text: (*text).to_string(),
                    label: label.map(|n| Label {
                        printed: n.to_string(),
                        kind: LabelKind::Decimal,
                        value: n.to_string(),
                    }),
                    ..Paragraph::default()
                }),
            );
        }
        d
    }

    fn headings(d: &Document) -> Vec<String> {
        d.blocks
            .iter()
            .filter_map(|b| match &b.kind {
                BlockKind::Heading(h) => Some(h.text.clone()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_forms_questions_head_their_answers() {
        let mut d = doc(&[
            (Some("1"), "What is the review?"),
            (None, "Adult safeguarding."),
            (Some("2"), "What outcomes could be achieved?"),
            (None, "Clearer guidance."),
            (Some("3"), "When should the review be completed?"),
            (None, "By 2024."),
        ]);
        head_answers(&mut d);
        assert_eq!(headings(&d).len(), 3);
        assert_eq!(d.paragraphs().count(), 3);
    }

    #[test]
    fn numbered_paragraphs_that_ask_now_and_then_stay_paragraphs() {
        let mut d = doc(&[
            (Some("1"), "The council consulted residents."),
            (None, "Most agreed."),
            (Some("2"), "What did they say about parking?"),
            (None, "They asked for more bays."),
            (Some("3"), "The cabinet is asked to agree the scheme."),
            (None, "It costs £2m."),
        ]);
        head_answers(&mut d);
        assert!(headings(&d).is_empty());
    }
}
