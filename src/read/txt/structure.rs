//! The second pass: which paragraphs are headings (and at what level),
//! the nesting level of list items, and the final blocks.

use std::collections::HashMap;

use crate::document::{BlockKind, Footnote, Heading, LabelKind, Loc, Paragraph};
use crate::text::find_date;
use crate::Document;

use super::lines::is_field_only_label;
use super::paragraphs::{Layout, ParaProto, Proto};

/// Headings that recur this often are the sub-headings of a repeated
/// template (one per profile), a level below the others.
const REPEATED: usize = 3;

/// A title never ends on one of these (a sentence cut short does).
const TRAILING_FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "of", "to", "and", "or", "in", "on", "for", "with", "by", "from", "that",
    "which", "including", "include", "includes", "as", "is", "are", "be", "will", "at",
];

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Whether the text reads like a title.
fn title_text(p: &ParaProto, repeated: bool) -> bool {
    title_text_with(p, repeated, false)
}

/// [`title_text`]; a `numbered` title ("4. Options considered, and risk")
/// may hold commas.
fn title_text_with(p: &ParaProto, repeated: bool, numbered: bool) -> bool {
    let t = p.text.as_str();
    let words = word_count(t);
    let max_words = if repeated { 16 } else { 12 };
    if t.is_empty() || t.chars().count() > 110 || words > max_words {
        return false;
    }
    if p.known_label == Some(true) || is_field_only_label(t) {
        return false;
    }
    if !t.starts_with(|c: char| c.is_uppercase()) {
        return false;
    }
    if t.contains('@') || t.contains("http") || t.contains("www.") {
        return false;
    }
    if t.ends_with(['.', ',', ';']) && !(repeated || p.force_heading) {
        return false;
    }
    if t.ends_with(['?', '!']) {
        return false;
    }
    if t.ends_with(':') && words > 6 {
        return false;
    }
    if t.contains(',') && words > 6 && !numbered {
        return false;
    }
    let last = t.rsplit(' ').next().unwrap_or("").to_lowercase();
    if words > 1 && TRAILING_FUNCTION_WORDS.contains(&last.as_str()) {
        return false;
    }
    if let Some((range, _)) = find_date(t) {
        // "November 2018", "COUNCIL – 6 NOVEMBER 2018": a date line, not a title.
        let caps = !t.chars().any(char::is_lowercase);
        if caps || range.len() * 10 >= t.len() * 6 {
            return false;
        }
    }
    true
}

/// The stack entry of an open list.
struct Open {
    key: String,
    indent: usize,
}

fn label_key(p: &ParaProto) -> Option<(String, bool, bool)> {
    let l = p.label.as_ref()?;
    if l.kind == LabelKind::Bullet {
        let o = p.glyph == Some('o');
        return Some((if o { "o".into() } else { "bullet".into() }, true, false));
    }
    let shape: String = l.printed.replace(&l.value, "#");
    let depth = l.value.matches('.').count();
    let plain_decimal = l.kind == LabelKind::Decimal && depth == 0;
    Some((format!("{:?}{depth}{shape}", l.kind), false, plain_decimal))
}

/// Decides headings and list levels and writes the blocks into `doc`.
pub fn finish(protos: Vec<Proto>, lay: Layout, doc: &mut Document) {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for p in &protos {
        if let Proto::Para(p) = p {
            if p.label.is_none() && word_count(&p.text) <= 16 {
                *counts.entry(p.text.to_lowercase()).or_default() += 1;
            }
        }
    }
    let repeated = |t: &str| counts.get(&t.to_lowercase()).copied().unwrap_or(0) >= REPEATED;

    // The label of the next labelled paragraph after each index (for
    // numbered headings followed by "1.1" paragraphs).
    let mut next_label: Vec<Option<String>> = vec![None; protos.len()];
    let mut upcoming: Option<String> = None;
    for (k, p) in protos.iter().enumerate().rev() {
        if let Some(slot) = next_label.get_mut(k) {
            slot.clone_from(&upcoming);
        }
        if let Proto::Para(p) = p {
            if let Some(l) = &p.label {
                upcoming = Some(l.value.clone());
            }
        }
    }

    // Whether the next block is a list item (a "…:" line before one is a
    // lead-in, not a heading).
    let next_is_item: Vec<bool> = (0..protos.len())
        .map(|k| matches!(protos.get(k + 1), Some(Proto::Para(n)) if n.label.is_some()))
        .collect();
    // Whether the next two blocks are label/value lines (a title above a
    // profile's field block).
    let fields_follow: Vec<bool> = (0..protos.len())
        .map(|k| {
            let after_field = matches!(k.checked_sub(1).and_then(|b| protos.get(b)), Some(Proto::Para(b)) if b.known_label.is_some());
            !after_field
                && (1..=3).all(|d| matches!(protos.get(k + d), Some(Proto::Para(n)) if n.known_label == Some(true)))
        })
        .collect();
    let mut stack: Vec<Open> = Vec::new();
    let mut prev_heading = false;
    let mut last_numbered: Option<u32> = None;
    let mut seen_content = false;
    let mut before_first_heading = 0usize;
    let mut any_heading = false;
    for (k, proto) in protos.into_iter().enumerate() {
        match proto {
            Proto::Para(p) => {
                let rep = repeated(&p.text);
                let standalone = (p.blank_after && (p.blank_before || prev_heading))
                    || (p.known_label.is_none() && fields_follow.get(k).copied().unwrap_or(false));
                let plain_heading = p.label.is_none()
                    && (p.force_heading
                        || ((p.line_count == 1 || rep)
                            && standalone
                            && title_text(&p, rep)
                            && !(p.text.ends_with(':') && next_is_item.get(k).copied().unwrap_or(false))));
                let numbered_heading = p.label.as_ref().is_some_and(|l| {
                    let sub_follows = next_label
                        .get(k)
                        .and_then(Option::as_ref)
                        .is_some_and(|n| n.strip_prefix(l.value.as_str()).is_some_and(|r| r.starts_with('.')));
                    // "11. Background Documents" after numbered headings up to 10.
                    let continues = last_numbered.is_some_and(|n| l.value.parse::<u32>().ok() == Some(n + 1))
                        && word_count(&p.text) <= 6;
                    l.kind == LabelKind::Decimal
                        && !l.value.contains('.')
                        && !l.printed.ends_with(')')
                        && p.line_count == 1
                        && standalone
                        && title_text_with(&p, false, true)
                        && (sub_follows || continues)
                });
                if numbered_heading {
                    last_numbered = p.label.as_ref().and_then(|l| l.value.parse::<u32>().ok());
                }
                if plain_heading || numbered_heading {
                    let level = if rep {
                        3
                    } else if !any_heading && !seen_content && before_first_heading <= 2 && p.label.is_none() {
                        1
                    } else {
                        2
                    };
                    // "Annex 1:" right before "Annex 1": one heading.
                    if let Some(last) = doc.blocks.last() {
                        if let BlockKind::Heading(h) = &last.kind {
                            if h.text.trim_end_matches(':').eq_ignore_ascii_case(p.text.trim_end_matches(':')) {
                                doc.blocks.pop();
                            }
                        }
                    }
                    any_heading = true;
                    prev_heading = true;
                    stack.clear();
                    doc.push(
                        Loc::line(p.line),
                        BlockKind::Heading(Heading {
                            level,
                            text: p.text,
                            label: if numbered_heading { p.label } else { None },
                        }),
                    );
                    continue;
                }
                prev_heading = false;
                before_first_heading += 1;
                if p.label.is_some() || p.known_label.is_some() {
                    seen_content = true;
                }
                let level = list_level(&p, &mut stack, lay);
                doc.push(
                    Loc::line(p.line),
                    BlockKind::Paragraph(Paragraph {
                        text: p.text,
                        label: p.label,
                        level,
                        style: p.style,
                    }),
                );
            }
            Proto::Table(line, t) => {
                prev_heading = false;
                seen_content = true;
                doc.push(Loc::line(line), BlockKind::Table(t.into_table()));
            }
            Proto::Note(line, mark, text) => {
                doc.push(Loc::line(line), BlockKind::Footnote(Footnote { mark, text }));
            }
            Proto::PageBreak(line) => {
                doc.push(Loc::line(line), BlockKind::PageBreak);
            }
        }
    }
}

/// The nesting level of a list item, from the labels open above it and its
/// indentation.
fn list_level(p: &ParaProto, stack: &mut Vec<Open>, lay: Layout) -> u8 {
    let Some((key, bullet, plain_decimal)) = label_key(p) else {
        return 0;
    };
    let indent = p.indent;
    // Hard-wrapped text (pdftotext and the like) jitters by a column.
    let tol = usize::from(lay.wrap.is_some());
    let level = if bullet {
        if let Some(pos) = stack.iter().rposition(|e| e.key == key && e.indent.abs_diff(indent) <= tol) {
            stack.truncate(pos + 1);
            pos
        } else if stack.last().is_some_and(|top| top.indent + tol < indent)
            || (lay.wrap.is_some() && stack.last().is_some_and(|top| !top.key.starts_with("bullet") && top.key != "o"))
            || (key == "o" && !stack.is_empty())
        {
            stack.push(Open { key, indent });
            stack.len() - 1
        } else if let Some(pos) = stack.iter().position(|e| e.indent >= indent) {
            stack.truncate(pos);
            stack.push(Open { key, indent });
            pos
        } else {
            stack.clear();
            stack.push(Open { key, indent });
            0
        }
    } else if let Some(pos) = stack.iter().position(|e| e.key == key) {
        stack.truncate(pos + 1);
        pos
    } else if stack.is_empty() || plain_decimal {
        stack.clear();
        stack.push(Open { key, indent });
        0
    } else {
        stack.push(Open { key, indent });
        stack.len() - 1
    };
    u8::try_from(level).unwrap_or(u8::MAX)
}
