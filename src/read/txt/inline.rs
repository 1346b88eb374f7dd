//! Inline markup that text exports keep: Markdown links and emphasis.

use std::sync::LazyLock;

use regex::Regex;

use crate::document::{Link, Style};

static MD_LINK: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"\[([^\[\]\n]+)\]\(([^()\s]*)\)").ok());
static EMPHASIS: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"\*\*\*(\S(?:[^*\n]*?\S)?)\*\*\*|\*\*(\S(?:[^*\n]*?\S)?)\*\*|__(\S(?:[^_\n]*?\S)?)__|\*([^\s*](?:[^*\n]*?[^\s*])?)\*").ok()
});

/// Text with its inline markup resolved.
#[derive(Debug, Default)]
pub struct Inline {
    /// The visible text.
    pub text: String,
    /// Emphasis that covers the whole text.
    pub style: Style,
    /// Links found (shown text and target).
    pub links: Vec<Link>,
}

/// Resolves Markdown links (`[text](url)` keeps `text`, records the link)
/// and emphasis (`**bold**`, `*italic*`, `***both***`: markers removed; when
/// they wrap the whole text it becomes the paragraph's style).
pub fn resolve(s: &str) -> Inline {
    let mut out = Inline::default();
    let mut text = s.to_string();
    if text.contains("](") {
        if let Some(re) = MD_LINK.as_ref() {
            for caps in re.captures_iter(&text) {
                if let (Some(t), Some(u)) = (caps.get(1), caps.get(2)) {
                    let url = if u.as_str().is_empty() {
                        "#"
                    } else {
                        u.as_str()
                    };
                    out.links.push(Link {
                        text: crate::text::normalize(t.as_str()),
                        url: url.to_string(),
                    });
                }
            }
            text = re.replace_all(&text, "$1").into_owned();
        }
    }
    if text.contains("**") || text.contains("__") || text.contains('*') {
        let trimmed = text.trim();
        let whole = whole_emphasis(trimmed);
        if let Some((stars, inner)) = whole {
            out.style.bold = stars >= 2;
            out.style.italic = stars % 2 == 1;
            text = inner.to_string();
        }
        if let Some(re) = EMPHASIS.as_ref() {
            text = re
                .replace_all(&text, |caps: &regex::Captures<'_>| {
                    (1..=4)
                        .find_map(|k| caps.get(k))
                        .map_or(String::new(), |m| m.as_str().to_string())
                })
                .into_owned();
        }
    }
    out.text = text;
    out
}

/// `***text***` → (3, "text") when the same run of markers opens and closes.
fn whole_emphasis(s: &str) -> Option<(usize, &str)> {
    let stars = s.chars().take_while(|&c| c == '*').count();
    if stars == 0 || stars > 3 || s.len() <= stars * 2 {
        return None;
    }
    let closing = s.chars().rev().take_while(|&c| c == '*').count();
    if closing != stars {
        return None;
    }
    let inner = s.get(stars..s.len() - stars)?;
    if inner.contains('*') || inner.starts_with(' ') || inner.ends_with(' ') {
        return None;
    }
    Some((stars, inner))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_and_emphasis() {
        let r = resolve("The [Zero Carbon Oxford Partnership](#) (ZCOP), see [x](https://a.b/c)");
        assert_eq!(r.text, "The Zero Carbon Oxford Partnership (ZCOP), see x");
        assert_eq!(r.links.len(), 2);
        assert_eq!(
            r.links.get(1).map(|l| l.url.as_str()),
            Some("https://a.b/c")
        );
        let r = resolve("***Do you support this idea?***");
        assert_eq!(r.text, "Do you support this idea?");
        assert!(r.style.bold && r.style.italic);
        let r = resolve("The following **options** are proposed");
        assert_eq!(r.text, "The following options are proposed");
        assert!(!r.style.bold);
        let r = resolve("*'Kickstart scheme' completed*");
        assert_eq!(r.text, "'Kickstart scheme' completed");
        assert!(r.style.italic);
        assert_eq!(resolve("costs * 2 and 3 * 4").text, "costs * 2 and 3 * 4");
    }
}
