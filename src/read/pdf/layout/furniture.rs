//! Running headers and footers, page numbers and "intentionally left blank"
//! notes: found across pages and removed from the flow.

use std::collections::HashMap;

use super::{Item, PageItems};
use crate::text::normalize;

/// The share of the page height at the top and bottom where furniture lives.
const MARGIN: f32 = 0.12;

/// A line's text with digit runs folded, so "Page 3" and "Page 4" match.
fn key(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_digits = false;
    for c in normalize(text).to_lowercase().chars() {
        if c.is_ascii_digit() {
            if !in_digits {
                out.push('#');
            }
            in_digits = true;
        } else {
            in_digits = false;
            out.push(c);
        }
    }
    out
}

/// Whether a folded line is a bare page number ("3", "Page 3", "Page 3 of 9", "- 3 -").
pub fn is_page_number(key: &str) -> bool {
    matches!(
        key.trim(),
        "#" | "page #"
            | "page # of #"
            | "- # -"
            | "# of #"
            | "#/#"
            | "– # –"
            | "page | #"
            | "# | page"
    )
}

fn in_margin(y: f32, height: f32) -> bool {
    y < height * MARGIN || y > height * (1.0 - MARGIN)
}

/// Removes running headers/footers and page numbers from every page.
pub fn remove(pages: &mut [PageItems]) {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for p in pages.iter() {
        let mut seen: Vec<String> = Vec::new();
        for it in &p.items {
            if let Item::Line(l) = it {
                if in_margin(l.y, p.height) {
                    let k = key(&l.text());
                    if !k.is_empty() && !seen.contains(&k) {
                        seen.push(k);
                    }
                }
            }
        }
        for k in seen {
            *counts.entry(k).or_default() += 1;
        }
    }
    let n = pages.len();
    let repeated = |k: &str| {
        n >= 3
            && counts.get(k).copied().unwrap_or(0) * 5 >= n * 2
            && counts.get(k).copied().unwrap_or(0) >= 2
    };
    for p in pages.iter_mut() {
        let height = p.height;
        p.items.retain(|it| {
            let Item::Line(l) = it else { return true };
            let k = key(&l.text());
            if k.contains("intentionally left blank") || k.is_empty() {
                return false;
            }
            if !in_margin(l.y, height) {
                return true;
            }
            !(is_page_number(&k) || repeated(&k))
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers() {
        assert!(is_page_number(&key("Page 12")));
        assert!(is_page_number(&key("Page 3 of 10")));
        assert!(is_page_number(&key("7")));
        assert!(!is_page_number(&key("7 March 2025")));
        assert_eq!(key("CC12"), "cc#");
    }
}
