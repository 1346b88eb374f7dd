//! Footnotes in text exports: a note introduced by a superscript mark
//! ("¹ Oxford City Council…"), or, below a rule ("____", or the blank line
//! of spaces a rule leaves), a line holding the mark ("1") followed by the
//! note's text.

use crate::document::BlockKind;
use crate::text::join_wrapped;
use crate::Document;

use super::lines::{is_rule, Line};

/// A footnote read from the text.
#[derive(Debug, Clone)]
pub struct Note {
    /// Index of the line where it starts.
    pub start: usize,
    /// The mark ("1").
    pub mark: String,
    /// The note text (not yet normalised).
    pub text: String,
    /// Index of the first line after it.
    pub end: usize,
}

const SUPERSCRIPTS: &str = "⁰¹²³⁴⁵⁶⁷⁸⁹";

/// A leading superscript mark and the text after it.
pub fn superscript_mark(text: &str) -> Option<(String, &str)> {
    let t = text.trim_start();
    let mut mark = String::new();
    let mut len = 0;
    for c in t.chars() {
        match SUPERSCRIPTS.chars().position(|s| s == c) {
            Some(d) => {
                mark.push(char::from_digit(u32::try_from(d).ok()?, 10)?);
                len += c.len_utf8();
            }
            None => break,
        }
    }
    let rest = t.get(len..)?;
    if mark.is_empty() || mark.len() > 3 || !rest.starts_with(char::is_whitespace) {
        return None;
    }
    Some((mark, rest.trim()))
}

/// Whether a rule above footnotes ends within the few lines before `i`
/// (only blank lines between).
fn rule_above(lines: &[Line], i: usize) -> bool {
    for back in 1..=3 {
        let Some(l) = i.checked_sub(back).and_then(|k| lines.get(k)) else {
            return false;
        };
        if is_rule(l) {
            return true;
        }
        if !l.is_blank() {
            return false;
        }
    }
    false
}

/// The footnote starting at line `i`, if one does.
pub fn read(lines: &[Line], i: usize) -> Option<Note> {
    let text = lines.get(i)?.text();
    let (mark, first) = if let Some((mark, rest)) = superscript_mark(text) {
        (mark, rest.to_string())
    } else if rule_above(lines, i) {
        let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
        let rest = text.get(digits.len()..)?;
        if digits.is_empty()
            || digits.len() > 2
            || !(rest.is_empty() || rest.starts_with(char::is_whitespace))
        {
            return None;
        }
        if rest.trim().is_empty() && lines.get(i + 1).is_none_or(Line::is_blank) {
            return None;
        }
        (digits, rest.trim().to_string())
    } else {
        return None;
    };
    let mut acc = first;
    let mut j = i + 1;
    while let Some(l) = lines.get(j) {
        if l.is_blank() || superscript_mark(l.text()).is_some() {
            break;
        }
        join_url_aware(&mut acc, l.text());
        j += 1;
    }
    // A URL broken at a hyphen or slash may go on after one blank line.
    if acc.ends_with('-') || acc.ends_with('/') {
        if let Some(next) = lines
            .get(j + 1)
            .filter(|_| lines.get(j).is_some_and(Line::is_blank))
        {
            let t = next.text();
            if !t.is_empty()
                && !t.contains(' ')
                && t.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit())
            {
                acc.push_str(t);
                j += 2;
            }
        }
    }
    Some(Note {
        start: i,
        mark,
        text: acc,
        end: j,
    })
}

/// Joins like [`join_wrapped`], but glues the halves of a URL.
fn join_url_aware(acc: &mut String, next: &str) {
    let last_token = acc.split_whitespace().last().unwrap_or("");
    let url = last_token.starts_with("http") || last_token.starts_with("www.");
    if url && (acc.ends_with('-') || acc.ends_with('/')) && !next.contains(' ') {
        acc.push_str(next.trim());
    } else {
        join_wrapped(acc, next);
    }
}

/// The superscript form of a footnote mark ("12" -> "¹²"), if it has one.
fn superscript(mark: &str) -> Option<String> {
    const SUP: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    mark.chars()
        .map(|c| c.to_digit(10).and_then(|d| SUP.get(d as usize).copied()))
        .collect()
}

/// Removes the superscript reference marks of the document's footnotes from
/// the text around them ("(ZCOP)¹," -> "(ZCOP),"), as a Word reader does: the
/// reference is a note's anchor, not a word of the paragraph.
pub fn strip_reference_marks(doc: &mut Document) {
    let mut marks: Vec<String> = doc
        .blocks
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::Footnote(f) => superscript(&f.mark),
            _ => None,
        })
        .collect();
    if marks.is_empty() {
        return;
    }
    // Longest first, so "¹²" goes before "¹".
    marks.sort_by_key(|m| std::cmp::Reverse(m.chars().count()));
    let strip = |text: &mut String| {
        for m in &marks {
            if text.contains(m.as_str()) {
                *text = text.replace(m.as_str(), "");
            }
        }
    };
    for b in &mut doc.blocks {
        match &mut b.kind {
            BlockKind::Paragraph(p) => strip(&mut p.text),
            BlockKind::Heading(h) => strip(&mut h.text),
            BlockKind::Table(t) => {
                for c in t.rows.iter_mut().flat_map(|r| r.cells.iter_mut()) {
                    strip(&mut c.text);
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::txt::lines::split;

    #[test]
    fn superscript_notes() {
        let lines =
            split("¹ Oxford City Council. Available from:\nhttps://x.gov.uk/a\n\n² https://y\n");
        let n = read(&lines, 0).unwrap();
        assert_eq!(
            (n.mark.as_str(), n.text.as_str(), n.end),
            (
                "1",
                "Oxford City Council. Available from: https://x.gov.uk/a",
                2
            )
        );
        assert_eq!(read(&lines, 3).map(|n| n.mark), Some("2".to_string()));
        assert!(superscript_mark("¹²x").is_none());
    }

    #[test]
    fn notes_below_a_rule() {
        let lines =
            split("text\n\n____\n1\n https://a.gov.uk/health-\n\nand-wellbeing/tor.pdf\n\nmore");
        let n = read(&lines, 3).unwrap();
        assert_eq!(n.text, "https://a.gov.uk/health-and-wellbeing/tor.pdf");
        assert_eq!(n.end, 7);
        assert!(read(&lines, 0).is_none());
        let page = split("text\n\n3\n\nmore");
        assert!(read(&page, 2).is_none());
    }
}
