//! Appendices and annexes the report lists: rows of an "Appendices" box,
//! items under an "Appendices" heading, and the "Appendix 1: …" / "Annex 1"
//! headings that start them.

use crate::document::Loc;
use std::sync::LazyLock;

use regex::Regex;

use super::labels;
use super::units::{Shape, Unit};
use crate::report::Appendix;

static APPENDIX: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)^(appendix|annex|annexe)\s+([A-Z]{1,2}|\d{1,2}[A-Za-z]?|[ivx]{1,5})\b\s*([:.\-–—]?)\s*(.*)$")
        .ok()
});

/// "A: Title" under an Appendices heading.
static LETTERED: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"^([A-Z]|\d{1,2})\s*[:.\-–—]\s+(.+)$").ok());

/// "APPENDIX" or "annex" written the way the schema prints it.
fn word_case(word: &str) -> String {
    let lower = word.to_lowercase();
    let mut chars = lower.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn is_list_heading(text: &str) -> bool {
    matches!(
        labels::key(text).as_str(),
        "appendices"
            | "appendix"
            | "annexes"
            | "list of appendices"
            | "appendices and background papers"
    )
}

/// Parses "Appendix 1: Title" at the start of `text`. `loose` accepts a
/// label with no separator before its title (a heading, a list row).
fn parse(text: &str, loose: bool) -> Option<Appendix> {
    let re = APPENDIX.as_ref()?;
    let caps = re.captures(text.trim())?;
    let word = caps.get(1)?.as_str();
    let id = caps.get(2)?.as_str();
    let sep = caps.get(3).map_or("", |m| m.as_str());
    let title = caps.get(4).map_or("", |m| m.as_str()).trim();
    if !title.is_empty() && sep.is_empty() && !loose {
        return None;
    }
    // "Appendix I" is roman only when it is one; a lower-case word id ("annex
    // to the report") is not a label.
    if id.chars().all(|c| c.is_ascii_lowercase())
        && id.len() > 1
        && !id.chars().all(|c| "ivx".contains(c))
    {
        return None;
    }
    Some(Appendix {
        loc: Loc::default(),
        label: format!("{} {}", word_case(word), id),
        title: (!title.is_empty()).then(|| title.to_string()),
    })
}

fn add(out: &mut Vec<Appendix>, a: Appendix) {
    let key = a.label.to_lowercase();
    if let Some(existing) = out.iter_mut().find(|e| e.label.to_lowercase() == key) {
        if existing.title.is_none() {
            existing.title = a.title;
        }
    } else {
        out.push(a);
    }
}

/// Every appendix the report names, in order, one per label.
pub(crate) fn extract(units: &[Unit]) -> Vec<Appendix> {
    let mut out = Vec::new();
    let mut in_list = false;
    for (k, u) in units.iter().enumerate() {
        let text = u.text.trim();
        match u.shape {
            Shape::Row => {
                let first = u
                    .cells
                    .first()
                    .map(|c| crate::text::normalize(c))
                    .unwrap_or_default();
                if is_list_heading(&first) {
                    in_list = true;
                    continue;
                }
                if let Some(mut a) = parse(&first, true) {
                    if a.title.is_none() {
                        let rest = u.rest_cells();
                        a.title = (!rest.is_empty()).then_some(rest);
                    }
                    add(&mut out, a);
                }
                continue;
            }
            Shape::Heading(_) => {
                in_list = is_list_heading(text);
                if let Some(a) = parse(text, true) {
                    add(&mut out, a);
                }
                continue;
            }
            Shape::Paragraph => {}
        }
        if u.is_counted() && !in_list {
            in_list = is_list_heading(text);
            continue;
        }
        if is_list_heading(text) {
            in_list = true;
            continue;
        }
        let short = text.split_whitespace().count() <= 20 && !text.ends_with('.');
        if let Some(mut a) = parse(text, in_list) {
            // "Appendix A:" on its own line, its title on the next.
            if a.title.is_none() && text.ends_with(':') {
                if let Some(n) = units.get(k + 1).filter(|n| {
                    n.shape == Shape::Paragraph
                        && n.label.is_none()
                        && parse(n.text.trim(), true).is_none()
                        && n.text.split_whitespace().count() <= 40
                }) {
                    a.title = Some(n.text.trim().to_string());
                }
            }
            if in_list || short {
                add(&mut out, a);
            }
            continue;
        }
        if in_list {
            if let Some(caps) = LETTERED.as_ref().and_then(|re| re.captures(text)) {
                if let (Some(id), Some(title)) = (caps.get(1), caps.get(2)) {
                    add(
                        &mut out,
                        Appendix {
                            loc: Loc::default(),
                            label: format!("Appendix {}", id.as_str()),
                            title: Some(title.as_str().trim().to_string()),
                        },
                    );
                    continue;
                }
            }
            if !short || u.label.is_none() && text.split_whitespace().count() > 12 {
                in_list = false;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_and_titles() {
        let a = parse("Appendix 1: Oxford Strategic Partnership Membership", false).unwrap();
        assert_eq!(a.label, "Appendix 1");
        assert_eq!(
            a.title.as_deref(),
            Some("Oxford Strategic Partnership Membership")
        );
        let a = parse("APPENDIX M", false).unwrap();
        assert_eq!((a.label.as_str(), a.title), ("Appendix M", None));
        let a = parse("Annex 1:", false).unwrap();
        assert_eq!((a.label.as_str(), a.title), ("Annex 1", None));
        assert!(parse("Appendix 1 sets out the members", false).is_none());
        assert!(parse("Annex to the report", true).is_none());
    }
}
