//! The list-label grammar: numbers, letters, roman numerals and bullets as
//! they are printed at the start of a paragraph.
//!
//! Recognised forms (each followed by white space or the end of the text):
//! - decimals `1.` `1)` `(1)` `1.2` `1.2.` `4.1.2` `2.3)`;
//! - letters `a)` `a.` `(a)` `A.` `A)` `(A)`;
//! - roman numerals `i.` `ii)` `(iv)` `I.` `IV)`;
//! - bullets `•` `·` `●` `○` `▪` `■` `◦` `►` `➢` `✓` `-` `–` `*` `o` and the
//!   private-use glyphs of Symbol/Wingdings (U+F0B7…), all normalised to `•`.

use crate::document::{Label, LabelKind};
use crate::text::is_private_use_bullet;

/// Which forms [`parse_label`] accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LabelOptions {
    /// Accept a bare integer with no punctuation (`"1  Introduction"`); only
    /// sensible where layout separates it (a tab or wide gap).
    pub bare_integer: bool,
    /// Accept a letter `o` as a bullet (as Word's "o" second-level bullet
    /// exports to text).
    pub letter_o_bullet: bool,
}

impl Default for LabelOptions {
    fn default() -> Self {
        LabelOptions {
            bare_integer: false,
            letter_o_bullet: true,
        }
    }
}

const BULLETS: &[char] = &[
    '•', '·', '●', '○', '▪', '■', '□', '◦', '►', '▶', '➢', '➤', '✓', '✔', '‣', '⁃', '∙', '-', '–',
    '—', '*', '§',
];

/// Whether `c` is a bullet glyph (including private-use Symbol glyphs).
pub fn is_bullet_char(c: char) -> bool {
    BULLETS.contains(&c) || is_private_use_bullet(c)
}

/// Parses a list label at the start of `s` (leading white space allowed).
/// Returns the label and the rest of the text after it, trimmed.
///
/// ```
/// use council_reports::text::{parse_label, LabelOptions};
/// # fn main() -> Result<(), &'static str> {
/// let (label, rest) = parse_label("6)   As part of the process", LabelOptions::default()).ok_or("no label")?;
/// assert_eq!((label.printed.as_str(), label.value.as_str(), rest), ("6)", "6", "As part of the process"));
/// let (label, _) = parse_label("\u{F0B7} item", LabelOptions::default()).ok_or("no label")?;
/// assert_eq!(label.printed, "•");
/// assert!(parse_label("2024 was a year", LabelOptions::default()).is_none());
/// # Ok(())
/// # }
/// ```
pub fn parse_label(s: &str, opts: LabelOptions) -> Option<(Label, &str)> {
    let s = s.trim_start_matches(|c: char| c.is_whitespace());
    let first = s.chars().next()?;

    if is_bullet_char(first) || (opts.letter_o_bullet && first == 'o') {
        let rest = &s[first.len_utf8()..];
        // A bullet must be followed by white space, except private-use glyphs
        // and '•'/'·', which exports often glue to the text.
        let glued_ok = first == '•' || first == '·' || is_private_use_bullet(first);
        let next = rest.chars().next();
        let spaced = next.is_some_and(char::is_whitespace);
        if first == 'o' && !spaced {
            return None;
        }
        if (first == '-' || first == '–' || first == '—' || first == '*') && !spaced {
            return None;
        }
        if !spaced && !glued_ok && next.is_some() {
            return None;
        }
        let rest = rest.trim_start();
        if rest.is_empty() && matches!(first, '-' | '–' | '—' | '*') {
            return None;
        }
        return Some((
            Label {
                printed: "•".to_string(),
                kind: LabelKind::Bullet,
                value: "•".to_string(),
            },
            rest,
        ));
    }

    let (open, body) = match s.strip_prefix('(') {
        Some(b) => (true, b),
        None => (false, s),
    };
    // The counter itself: digits with dots between groups, or letters.
    let counter_len = if body.starts_with(|c: char| c.is_ascii_digit()) {
        let mut end = 0;
        let bytes = body.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes.get(i).copied().unwrap_or(0);
            if b.is_ascii_digit() {
                i += 1;
                end = i;
            } else if b == b'.' && bytes.get(i + 1).is_some_and(u8::is_ascii_digit) {
                i += 1;
            } else {
                break;
            }
        }
        end
    } else {
        body.chars().take_while(char::is_ascii_alphabetic).count()
    };
    if counter_len == 0 || counter_len > 12 {
        return None;
    }
    let counter = body.get(..counter_len)?;
    let after = body.get(counter_len..)?;
    let (close, rest) = if open {
        (")", after.strip_prefix(')')?)
    } else if let Some(r) = after.strip_prefix(')') {
        (")", r)
    } else if let Some(r) = after.strip_prefix('.') {
        (".", r)
    } else {
        ("", after)
    };
    // The label must be followed by white space or end the text.
    if !(rest.is_empty() || rest.starts_with(char::is_whitespace)) {
        return None;
    }
    let is_digit = counter.starts_with(|c: char| c.is_ascii_digit());
    let multi = counter.contains('.');
    if close.is_empty() && !open {
        let tab_or_gap = rest.starts_with('\t') || rest.starts_with("  ") || rest.is_empty();
        let ok = is_digit && (multi || (opts.bare_integer && tab_or_gap));
        if !ok {
            return None;
        }
    }
    if is_digit && !multi && counter.len() > 3 {
        return None; // a year, an amount
    }
    let kind = if is_digit {
        LabelKind::Decimal
    } else {
        letter_kind(counter)?
    };
    let printed = if open {
        format!("({counter})")
    } else {
        format!("{counter}{close}")
    };
    Some((
        Label {
            printed,
            kind,
            value: counter.to_string(),
        },
        rest.trim_start(),
    ))
}

/// Classifies a letter counter: one letter is alphabetic (except `i`/`I`),
/// a valid roman numeral of several letters is roman, anything else is not a
/// label (a word).
fn letter_kind(counter: &str) -> Option<LabelKind> {
    let lower = counter.chars().all(|c| c.is_ascii_lowercase());
    let upper = counter.chars().all(|c| c.is_ascii_uppercase());
    if !lower && !upper {
        return None;
    }
    if counter.len() == 1 && !counter.eq_ignore_ascii_case("i") {
        return Some(if lower {
            LabelKind::LowerAlpha
        } else {
            LabelKind::UpperAlpha
        });
    }
    if roman_value(counter).is_some() {
        return Some(if lower {
            LabelKind::LowerRoman
        } else {
            LabelKind::UpperRoman
        });
    }
    None
}

/// The value of a roman numeral up to 39 (`i`…`xxxix`), case-insensitive.
pub fn roman_value(s: &str) -> Option<u32> {
    const ROMANS: [&str; 39] = [
        "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv",
        "xv", "xvi", "xvii", "xviii", "xix", "xx", "xxi", "xxii", "xxiii", "xxiv", "xxv", "xxvi",
        "xxvii", "xxviii", "xxix", "xxx", "xxxi", "xxxii", "xxxiii", "xxxiv", "xxxv", "xxxvi",
        "xxxvii", "xxxviii", "xxxix",
    ];
    let lower = s.to_ascii_lowercase();
    ROMANS
        .iter()
        .position(|r| *r == lower)
        .map(|p| p as u32 + 1)
}

/// Formats `n` (1-based) in a counter style, as Word's `numFmt` does:
/// `decimal` 3, `lowerLetter` c, `upperLetter` C, `lowerRoman` iii,
/// `upperRoman` III (letters past z double up: aa, bb).
pub fn format_counter(n: u32, kind: LabelKind) -> String {
    match kind {
        LabelKind::Decimal => n.to_string(),
        LabelKind::LowerAlpha | LabelKind::UpperAlpha => {
            let n = n.max(1) - 1;
            let letter = (b'a' + (n % 26) as u8) as char;
            let s: String = std::iter::repeat_n(letter, (n / 26 + 1) as usize).collect();
            if kind == LabelKind::UpperAlpha {
                s.to_ascii_uppercase()
            } else {
                s
            }
        }
        LabelKind::LowerRoman | LabelKind::UpperRoman => {
            let s = to_roman(n);
            if kind == LabelKind::UpperRoman {
                s.to_ascii_uppercase()
            } else {
                s
            }
        }
        LabelKind::Bullet => "•".to_string(),
    }
}

fn to_roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    let mut out = String::new();
    for (value, digits) in TABLE {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Option<(String, LabelKind, String, String)> {
        parse_label(s, LabelOptions::default())
            .map(|(l, r)| (l.printed, l.kind, l.value, r.to_string()))
    }

    #[test]
    fn decimal_forms() {
        assert_eq!(
            p("1) Text"),
            Some(("1)".into(), LabelKind::Decimal, "1".into(), "Text".into()))
        );
        assert_eq!(p("14. Text").map(|x| x.2), Some("14".into()));
        assert_eq!(p("(3) Text").map(|x| x.0), Some("(3)".into()));
        assert_eq!(
            p("2.3 Text").map(|x| (x.0, x.2)),
            Some(("2.3".into(), "2.3".into()))
        );
        assert_eq!(
            p("4.1.2. Text").map(|x| (x.0, x.2)),
            Some(("4.1.2.".into(), "4.1.2".into()))
        );
        assert_eq!(p("10)\u{a0}This").map(|x| x.3), Some("This".into()));
    }

    #[test]
    fn letters_and_romans() {
        assert_eq!(p("a) That").map(|x| x.1), Some(LabelKind::LowerAlpha));
        assert_eq!(p("(b) That").map(|x| x.1), Some(LabelKind::LowerAlpha));
        assert_eq!(p("B. That").map(|x| x.1), Some(LabelKind::UpperAlpha));
        assert_eq!(p("i. First").map(|x| x.1), Some(LabelKind::LowerRoman));
        assert_eq!(p("iv) Fourth").map(|x| x.1), Some(LabelKind::LowerRoman));
        assert_eq!(p("II. Second").map(|x| x.1), Some(LabelKind::UpperRoman));
    }

    #[test]
    fn bullets_are_normalised() {
        for s in [
            "• a",
            "· a",
            "\u{F0B7} a",
            "\u{F0A7}a",
            "- a",
            "* a",
            "o a",
            "– a",
            "▪ a",
        ] {
            let got = p(s);
            assert_eq!(got.as_ref().map(|x| x.0.as_str()), Some("•"), "{s:?}");
            assert_eq!(got.map(|x| x.3), Some("a".to_string()), "{s:?}");
        }
    }

    #[test]
    fn words_numbers_and_dates_are_not_labels() {
        for s in [
            "2024 was a year",
            "1.5million",
            "Officer time",
            "open space",
            "-Local Area Energy Plans",
            "£150",
            "15/12",
            "e.g. this",
            "an) odd",
            "",
        ] {
            assert_eq!(p(s), None, "{s:?}");
        }
    }

    #[test]
    fn bare_integer_only_when_asked() {
        let opts = LabelOptions {
            bare_integer: true,
            ..LabelOptions::default()
        };
        assert!(parse_label("1\tIntroduction", opts).is_some());
        assert!(parse_label("1 Introduction", opts).is_none());
        assert!(parse_label("1\tIntroduction", LabelOptions::default()).is_none());
    }

    #[test]
    fn counters_format_like_word() {
        assert_eq!(format_counter(3, LabelKind::LowerAlpha), "c");
        assert_eq!(format_counter(27, LabelKind::UpperAlpha), "AA");
        assert_eq!(format_counter(4, LabelKind::LowerRoman), "iv");
        assert_eq!(format_counter(14, LabelKind::UpperRoman), "XIV");
        assert_eq!(roman_value("xii"), Some(12));
    }
}
