//! HTML fragments that some exports leave in text and table cells
//! (`<p>`, `<br>`, `<ul>`, `<li>`), turned into cell text: paragraphs on
//! their own lines, list items as lines starting with "• ".

use std::sync::LazyLock;

use regex::Regex;

use crate::text::normalize;

static TAG: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"(?i)<(/?)([a-z][a-z0-9]*)\b[^<>]*?(/?)\s*>").ok());

/// Whether `s` holds an HTML tag we understand.
pub fn has_html(s: &str) -> bool {
    s.contains('<')
        && TAG.as_ref().is_some_and(|re| {
            re.captures_iter(s).any(|c| {
                c.get(2).is_some_and(|m| {
                    matches!(
                        m.as_str().to_ascii_lowercase().as_str(),
                        "p" | "br"
                            | "ul"
                            | "ol"
                            | "li"
                            | "div"
                            | "span"
                            | "b"
                            | "i"
                            | "strong"
                            | "em"
                    )
                })
            })
        })
}

/// Converts an HTML fragment to lines of text; list items start with "• ".
pub fn to_lines(s: &str) -> Vec<String> {
    let Some(re) = TAG.as_ref() else {
        return vec![normalize(s)];
    };
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut list_depth = 0usize;
    let mut saw_li = false;
    let mut list_text = String::new();
    let mut pos = 0;
    let flush = |current: &mut String, lines: &mut Vec<String>, bullet: bool| {
        let t = normalize(current);
        if !t.is_empty() {
            lines.push(if bullet { format!("• {t}") } else { t });
        }
        current.clear();
    };
    for caps in re.captures_iter(s) {
        let Some(m) = caps.get(0) else { continue };
        let between = s.get(pos..m.start()).unwrap_or_default();
        pos = m.end();
        if list_depth > 0 && !saw_li {
            list_text.push_str(between);
            list_text.push(' ');
        } else {
            current.push_str(between);
        }
        let closing = caps.get(1).is_some_and(|c| !c.as_str().is_empty());
        let name = caps
            .get(2)
            .map_or(String::new(), |n| n.as_str().to_ascii_lowercase());
        match (name.as_str(), closing) {
            ("br", _) => flush(&mut current, &mut lines, list_depth > 0 && saw_li),
            ("p" | "div", _) => flush(&mut current, &mut lines, list_depth > 0 && saw_li),
            ("ul" | "ol", false) => {
                flush(&mut current, &mut lines, false);
                list_depth += 1;
                saw_li = false;
                list_text.clear();
            }
            ("ul" | "ol", true) => {
                if saw_li {
                    flush(&mut current, &mut lines, true);
                } else {
                    lines.extend(split_items(&list_text));
                    list_text.clear();
                }
                list_depth = list_depth.saturating_sub(1);
            }
            ("li", false) => {
                if !saw_li && !list_text.trim().is_empty() {
                    lines.extend(split_items(&list_text));
                    list_text.clear();
                }
                flush(&mut current, &mut lines, saw_li);
                saw_li = true;
            }
            ("li", true) => flush(&mut current, &mut lines, true),
            _ => {}
        }
    }
    let tail = s.get(pos..).unwrap_or_default();
    if list_depth > 0 && !saw_li {
        list_text.push_str(tail);
        lines.extend(split_items(&list_text));
    } else {
        current.push_str(tail);
        flush(&mut current, &mut lines, list_depth > 0 && saw_li);
    }
    lines
}

const JOINERS: &[&str] = &[
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "by", "with", "from", "as",
    "into", "our", "their", "its", "&", "e.g.", "i.e.",
];

/// Splits the text of a `<ul>` that lost its `<li>` tags into items: at
/// bullet glyphs when there are any, else where a capitalised word follows
/// a sentence end or a lower-case word (a new item begins: "…of homes
/// Contributing to…"), never inside a run of capitalised names.
fn split_items(text: &str) -> Vec<String> {
    let text = normalize(text);
    if text.is_empty() {
        return Vec::new();
    }
    if text.contains('•') {
        return text
            .split('•')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| format!("• {s}"))
            .collect();
    }
    let words: Vec<&str> = text.split(' ').collect();
    let mut items: Vec<String> = Vec::new();
    let mut cur: Vec<&str> = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let prev = i.checked_sub(1).and_then(|p| words.get(p)).copied();
        let starts_item = match prev {
            None => false,
            Some(p) if cur.len() < 2 => {
                let _ = p;
                false
            }
            Some(p) => {
                let cap = w.chars().next().is_some_and(char::is_uppercase)
                    && w.chars().nth(1).is_some_and(char::is_lowercase);
                let sentence_end = p.ends_with('.') || p.ends_with(';');
                let prev_lower = p.chars().next().is_some_and(char::is_lowercase)
                    && !JOINERS.contains(&p.to_lowercase().as_str());
                let prev_cap = p.chars().next().is_some_and(char::is_uppercase);
                let gerund = w.len() > 5 && w.ends_with("ing");
                cap && (sentence_end || prev_lower || (prev_cap && gerund && cur.len() >= 3))
            }
        };
        if starts_item && !cur.is_empty() {
            items.push(format!("• {}", cur.join(" ")));
            cur.clear();
        }
        cur.push(w);
    }
    if !cur.is_empty() {
        items.push(format!("• {}", cur.join(" ")));
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_and_items() {
        assert_eq!(
            to_lines("<p>Intro:</p> <ul><li>One</li><li>Two</li></ul>"),
            ["Intro:", "• One", "• Two"]
        );
        assert_eq!(to_lines("a<br>b<br/>c"), ["a", "b", "c"]);
        assert_eq!(
            to_lines("<ul style=\"list-style-type: none\"> Increasing the supply of homes Contributing to meeting strategic objectives Supporting growth in Oxfordshire Improving Broadband infrastructure"),
            [
                "• Increasing the supply of homes",
                "• Contributing to meeting strategic objectives",
                "• Supporting growth in Oxfordshire",
                "• Improving Broadband infrastructure"
            ]
        );
        assert_eq!(
            to_lines("<p>x</p> <ul> • Work with all • Use the bill</ul>"),
            ["x", "• Work with all", "• Use the bill"]
        );
        assert!(has_html("<p>x</p>"));
        assert!(!has_html("a < b and c > d"));
    }
}
