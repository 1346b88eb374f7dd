//! Footnotes and links: the reader's hyperlinks, plus web addresses and
//! e-mail addresses printed bare in the text (as `mailto:` links), each once,
//! in order.

use std::sync::LazyLock;

use regex::Regex;

use crate::document::{BlockKind, Link};
use crate::report::FootnoteData;
use crate::Document;

static URL: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r#"(?i)\b(?:https?://|www\.|mailto:)[^\s<>"'()\[\]{}|]+"#).ok());

static EMAIL: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\b[a-z0-9][a-z0-9._%+'-]*@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\b").ok()
});

/// The footnotes of `doc`, in order.
pub fn footnotes(doc: &Document) -> Vec<FootnoteData> {
    doc.blocks
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::Footnote(f) => Some(FootnoteData {
                mark: f.mark.clone(),
                text: f.text.clone(),
            }),
            _ => None,
        })
        .collect()
}

/// Every text of the document in reading order.
fn texts(doc: &Document) -> Vec<&str> {
    let mut out = Vec::new();
    for b in &doc.blocks {
        match &b.kind {
            BlockKind::Heading(h) => out.push(h.text.as_str()),
            BlockKind::Paragraph(p) => out.push(p.text.as_str()),
            BlockKind::Footnote(f) => out.push(f.text.as_str()),
            BlockKind::Table(t) => {
                for row in &t.rows {
                    for c in &row.cells {
                        out.push(c.text.as_str());
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// The address a printed URL stands for: trailing sentence punctuation cut,
/// "www." given a scheme.
fn clean_url(raw: &str) -> String {
    let mut s = raw
        .trim_end_matches(['.', ',', ';', ':', '!', '?'])
        .to_string();
    // A closing bracket that opened outside the URL.
    while s.ends_with(')') && s.matches('(').count() < s.matches(')').count() {
        s.pop();
    }
    s
}

fn target(shown: &str) -> String {
    if shown.to_lowercase().starts_with("www.") {
        format!("http://{shown}")
    } else {
        shown.to_string()
    }
}

/// The same address whatever its scheme or trailing slash.
fn key(url: &str) -> String {
    let l = url.to_lowercase();
    let l = l
        .strip_prefix("https://")
        .or_else(|| l.strip_prefix("http://"))
        .unwrap_or(&l);
    l.trim_end_matches('/').to_string()
}

/// Bare web and e-mail addresses in `text`, in order.
fn bare(text: &str) -> Vec<Link> {
    let mut found: Vec<(usize, Link)> = Vec::new();
    let mut spans: Vec<std::ops::Range<usize>> = Vec::new();
    if let Some(re) = URL.as_ref() {
        for m in re.find_iter(text) {
            let shown = clean_url(m.as_str());
            if shown.len() < 8 {
                continue;
            }
            spans.push(m.range());
            found.push((
                m.start(),
                Link {
                    url: target(&shown),
                    text: shown,
                },
            ));
        }
    }
    if let Some(re) = EMAIL.as_ref() {
        for m in re.find_iter(text) {
            if spans.iter().any(|s| s.contains(&m.start())) {
                continue;
            }
            found.push((
                m.start(),
                Link {
                    text: m.as_str().to_string(),
                    url: format!("mailto:{}", m.as_str()),
                },
            ));
        }
    }
    found.sort_by_key(|(pos, _)| *pos);
    found.into_iter().map(|(_, l)| l).collect()
}

/// The hyperlinks of `doc`: the reader's links first, then addresses
/// printed in the text, each address once. A link whose target is only "#"
/// is kept once per text.
pub fn links(doc: &Document) -> Vec<Link> {
    let mut out: Vec<Link> = Vec::new();
    let push = |l: Link, out: &mut Vec<Link>| {
        let dup = if l.url == "#" || l.url.is_empty() {
            out.iter().any(|o| o.url == l.url && o.text == l.text)
        } else {
            let k = key(&l.url);
            out.iter().any(|o| key(&o.url) == k)
        };
        if !dup {
            out.push(l);
        }
    };
    for l in &doc.links {
        push(l.clone(), &mut out);
    }
    for t in texts(doc) {
        for l in bare(t) {
            push(l, &mut out);
        }
    }
    // An address cut by a line break ("…Report-17-18-") is the start of a
    // longer one printed whole elsewhere.
    let keys: Vec<String> = out.iter().map(|l| key(&l.url)).collect();
    out.into_iter()
        .zip(keys.iter())
        .filter(|(l, k)| {
            !(l.url.ends_with('-') || l.url.ends_with('/') || l.url.ends_with('_'))
                || !keys.iter().any(|o| o != *k && o.starts_with(k.as_str()))
        })
        .map(|(l, _)| l)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_addresses() {
        let got = bare(
            "See http://www.osab.co.uk/report.pdf. Or mail a.b@kent.gov.uk, or www.osab.co.uk",
        );
        let urls: Vec<&str> = got.iter().map(|l| l.url.as_str()).collect();
        assert_eq!(
            urls,
            vec![
                "http://www.osab.co.uk/report.pdf",
                "mailto:a.b@kent.gov.uk",
                "http://www.osab.co.uk"
            ]
        );
    }
}
