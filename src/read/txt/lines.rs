//! Splitting decoded text into lines, and classifying lines that are page
//! residue rather than content.

use std::sync::LazyLock;

use crate::text::field_label::FIELD_LABELS;
use regex::Regex;

/// One physical line of the input.
#[derive(Debug, Clone)]
pub struct Line {
    /// 1-based line number in the input.
    pub no: u32,
    /// The line without its end-of-line characters and trailing white space,
    /// with `[bookmark: …]` markers removed; leading tabs are kept (they carry
    /// table structure).
    pub raw: String,
    /// Columns of leading white space (a tab counts 4).
    pub indent: usize,
    /// A form feed started this line: a new page begins here.
    pub page_break: bool,
    /// A Word table-of-contents bookmark (`[bookmark: _Toc…]`) marked this
    /// line (or the blank line above it): Word puts those on headings.
    pub toc: bool,
    /// Width of the white space on a line that holds nothing else (a rule
    /// that a text export turned into spaces).
    pub blank_width: usize,
}

impl Line {
    /// The line's text without leading or trailing white space.
    pub fn text(&self) -> &str {
        self.raw.trim()
    }

    /// Whether the line holds nothing visible.
    pub fn is_blank(&self) -> bool {
        self.raw.trim().is_empty()
    }

    /// Number of characters up to the last visible one (the line's width).
    pub fn width(&self) -> usize {
        self.raw.trim_end().chars().count()
    }
}

static BOOKMARK: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"\[bookmark:[^\]\n]*\]").ok());

/// Splits text into [`Line`]s (LF, CRLF and lone CR all end a line; a form
/// feed marks a page break on the line it starts).
pub fn split(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let text = if text.contains('\r') {
        std::borrow::Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        std::borrow::Cow::Borrowed(text)
    };
    let mut pending_toc = false;
    for (i, piece) in text.split('\n').enumerate() {
        let page_break = piece.contains('\u{0C}');
        let mut raw = if page_break {
            piece.replace('\u{0C}', "")
        } else {
            piece.to_string()
        };
        if raw.contains("[bookmark:") {
            pending_toc |= raw.contains("[bookmark: _Toc");
            if let Some(re) = BOOKMARK.as_ref() {
                raw = re.replace_all(&raw, "").into_owned();
            }
        }
        let blank_width = if raw.trim().is_empty() {
            raw.chars().count()
        } else {
            0
        };
        // Trailing tabs stay: a line holding only a tab is an empty cell.
        let trimmed_len = raw
            .trim_end_matches(|c: char| c.is_whitespace() && c != '\t')
            .len();
        raw.truncate(trimmed_len);
        let indent = raw
            .chars()
            .take_while(|c| c.is_whitespace())
            .map(|c| if c == '\t' { 4 } else { 1 })
            .sum();
        let toc = pending_toc && !raw.trim().is_empty();
        if toc {
            pending_toc = false;
        }
        out.push(Line {
            no: u32::try_from(i + 1).unwrap_or(u32::MAX),
            raw,
            indent,
            page_break,
            toc,
            blank_width,
        });
    }
    // A final newline does not start a line.
    if out
        .last()
        .is_some_and(|l| l.raw.is_empty() && !l.page_break)
    {
        out.pop();
    }
    out
}

static PAGE_RESIDUE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"^(?:(?i:this\s+page\s+(?:is\s+)?(?:intentionally|deliberately)\s+(?:left\s+)?blank\.?)|(?i:page\s+\d{1,4}(?:\s+of\s+\d{1,4})?)|-\s*\d{1,4}\s*-|\d{1,4}|\d{1,4}\s*/\s*\d{1,4}|[A-Z]{1,4}\d{1,4})$",
    )
    .ok()
});

/// Whether a stand-alone line is page residue: a page number, "Page 3 of 9",
/// a running page code such as "CC12", "This page is intentionally left
/// blank".
pub fn is_page_residue(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty() && t.len() <= 60 && PAGE_RESIDUE.as_ref().is_some_and(|re| re.is_match(t))
}

static BARE_URL: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"(?i)^(?:https?://|www\.|mailto:)\S+$").ok());

/// Whether the whole line is one URL or `mailto:` address.
pub fn is_bare_url(text: &str) -> bool {
    BARE_URL.as_ref().is_some_and(|re| re.is_match(text.trim()))
}

/// Whether the line is a horizontal rule (the separator above footnotes).
pub fn is_rule(line: &Line) -> bool {
    let t = line.text();
    (t.len() >= 3 && t.chars().all(|c| c == '_' || c == '─' || c == '—'))
        || (t.is_empty() && line.blank_width >= 20 && !line.raw.contains('\t'))
}

/// Short labels that are front-matter fields even when alone on a line
/// ("To:" is never a heading).
const FIELD_ONLY: &[&str] = &["to", "from", "by", "cc", "date", "subject", "status", "tel"];

/// If `text` starts with a known label, the label's length in bytes and
/// whether a value follows it.
pub fn known_label(text: &str) -> Option<(usize, bool)> {
    let t = text.trim_start();
    // Labels are short: only the head of the line needs case folding.
    let first = t.chars().next()?.to_ascii_lowercase();
    if !FIELD_LABELS.iter().any(|l| l.starts_with(first)) {
        return None;
    }
    let head_len = t.char_indices().nth(48).map_or(t.len(), |(k, _)| k);
    let head = t.get(..head_len)?;
    let lower = head.to_lowercase();
    if lower.len() != head.len() {
        return None; // case folding changed byte offsets; not a plain label
    }
    let mut best: Option<(usize, bool)> = None;
    for label in FIELD_LABELS {
        if !lower.starts_with(label) {
            continue;
        }
        let Some(rest) = t.get(label.len()..) else {
            continue;
        };
        let multiword = label.contains(' ') || label.contains('/');
        let (ok, value) = if let Some(after) =
            rest.strip_prefix(':').or_else(|| rest.strip_prefix('?'))
        {
            (true, !after.trim().is_empty())
        } else if rest.is_empty() {
            (multiword, false)
        } else if rest.starts_with("  ") || rest.starts_with('\t') || rest.starts_with('\u{a0}') {
            (true, !rest.trim().is_empty())
        } else if rest.starts_with(' ') {
            // "OCC Lead Member Councillor X": multiword profile labels are
            // followed by a single space and the value — which does not go
            // on in a lower-case word or two ("Policy framework
            // implications" is a heading; "n/a" and "the Director of Place"
            // are values).
            let tail: Vec<&str> = rest.split_whitespace().collect();
            let value_like = !(tail.len() <= 2
                && tail
                    .iter()
                    .all(|w| w.chars().all(|c| c.is_lowercase() && c.is_alphabetic())));
            (multiword && value_like, true)
        } else {
            (false, false)
        };
        if ok && best.is_none_or(|(len, _)| label.len() > len) {
            best = Some((label.len(), value));
        }
    }
    best
}

/// Whether `text` is a front-matter field that is never a heading, even
/// with no value ("To:").
pub fn is_field_only_label(text: &str) -> bool {
    let colon = text.trim().ends_with(':');
    let t = text.trim().trim_end_matches(':').trim().to_lowercase();
    FIELD_ONLY.contains(&t.as_str())
        || (colon
            && matches!(
                t.as_str(),
                "recommendation(s)" | "recommendations" | "summary"
            ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_lines_and_page_breaks() {
        let lines = split("a\r\nb\u{0C}c\n\n[bookmark: _Toc1]Title \n");
        let texts: Vec<&str> = lines.iter().map(Line::text).collect();
        assert_eq!(texts, ["a", "bc", "", "Title"]);
        assert!(lines.get(1).is_some_and(|l| l.page_break));
        assert_eq!(lines.get(3).map(|l| l.no), Some(4));
    }

    #[test]
    fn residue() {
        for s in [
            "CC12",
            "12",
            "Page 3",
            "Page 3 of 12",
            "- 4 -",
            "This page is intentionally left blank",
        ] {
            assert!(is_page_residue(s), "{s}");
        }
        for s in [
            "Introduction",
            "Annex 1",
            "Recommendation",
            "2.1 Text",
            "OSP Vision",
        ] {
            assert!(!is_page_residue(s), "{s}");
        }
        assert!(is_bare_url("mailto:a@b.gov.uk"));
        assert!(is_bare_url(" https://x.org/a "));
        assert!(!is_bare_url("see https://x.org/a"));
    }

    #[test]
    fn labels() {
        assert_eq!(known_label("Date: 28 November 2023"), Some((4, true)));
        assert_eq!(known_label("To:"), Some((2, false)));
        assert_eq!(
            known_label("OCC Lead Member Councillor Ian Hudspeth").map(|x| x.1),
            Some(true)
        );
        assert_eq!(
            known_label("Date of completion  1 September 2018").map(|x| x.0),
            Some(18)
        );
        assert!(known_label("Today we met").is_none());
        assert!(known_label("To support the plan").is_none());
        assert!(is_field_only_label("To:"));
    }
}
