//! The text normalisation of SCHEMA.md, in one place.

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Whether `c` is one of the private-use glyphs that Symbol/Wingdings bullets
/// turn into when text is exported (U+F0B7, U+F0A7, U+F0D8, …): any character
/// of the Private Use Area.
pub fn is_private_use_bullet(c: char) -> bool {
    ('\u{E000}'..='\u{F8FF}').contains(&c)
}

fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' // soft hyphen
            | '\u{200B}'
            ..='\u{200D}' // zero-width space / (non-)joiner
            | '\u{2060}' // word joiner
            | '\u{FEFF}' // BOM / zero-width no-break space
            | '\u{FFFC}' // object replacement character
    ) || is_private_use_bullet(c)
}

/// [`normalize`], except that a private-use bullet glyph opening the text
/// (a Symbol font's U+F0B7, as a PDF paints it) is kept, so that the list
/// label parser can still read it as the bullet it is.
///
/// ```
/// use council_reports::text::normalize_keeping_marker;
/// assert_eq!(normalize_keeping_marker(" \u{F0B7}  Council  Tax"), "\u{F0B7} Council Tax");
/// assert_eq!(normalize_keeping_marker("Council \u{F0B7}Tax"), "Council Tax");
/// ```
pub fn normalize_keeping_marker(s: &str) -> String {
    let t = s.trim_start();
    match t.chars().next() {
        Some(c) if is_private_use_bullet(c) => {
            let rest = normalize(t.get(c.len_utf8()..).unwrap_or(""));
            if rest.is_empty() {
                c.to_string()
            } else {
                format!("{c} {rest}")
            }
        }
        _ => normalize(s),
    }
}

/// Normalises a piece of text as SCHEMA.md requires: Unicode NFC, soft
/// hyphens, zero-width characters and private-use bullet glyphs removed,
/// control characters treated as space, runs of white space (including
/// no-break spaces and newlines) folded to one space, and no leading or
/// trailing space.
///
/// ```
/// use council_reports::text::normalize;
/// assert_eq!(normalize("  \u{F0B7}\tKey\u{00A0} decision:\u{00AD} \n No "), "Key decision: No");
/// ```
pub fn normalize(s: &str) -> String {
    // Most text is plain ASCII: NFC already, nothing invisible, and only
    // bytes to fold as white space.
    if s.is_ascii() {
        return fold_ascii(s);
    }
    // Most other text is already NFC: skip the composing pass, which
    // dominates the cost of reading large files.
    if is_nfc_quick(s.chars()) == IsNormalized::Yes {
        fold_words(s)
    } else {
        fold(s.nfc(), s.len())
    }
}

/// [`fold`] for ASCII text: every control character and white space byte
/// separates words, which are joined by one space.
fn fold_ascii(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let words = s
        .split(|c: char| c <= ' ' || c == '\x7f')
        .filter(|w| !w.is_empty());
    for word in words {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// [`fold`] a word at a time: words (runs between white space and control
/// characters) are copied whole, and only words with non-ASCII characters
/// are searched for invisible ones.
fn fold_words(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split(|c: char| c.is_whitespace() || c.is_control()) {
        if word.is_empty() {
            continue;
        }
        let visible = word.is_ascii() || !word.chars().any(is_invisible);
        if visible {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(word);
            continue;
        }
        let mut chars = word.chars().filter(|c| !is_invisible(*c)).peekable();
        if chars.peek().is_some() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.extend(chars);
        }
    }
    out
}

fn fold(chars: impl Iterator<Item = char>, len: usize) -> String {
    let mut out = String::with_capacity(len);
    let mut pending_space = false;
    for c in chars {
        if is_invisible(c) {
            continue;
        }
        if c.is_whitespace() || c.is_control() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(c);
    }
    out
}

/// Joins a hard-wrapped line `next` onto the text `acc` built so far.
///
/// A line that ends in a hyphen right after a letter, followed by a line
/// starting with a letter, is a word broken at the line end: the two halves
/// are joined with no space. The hyphen is kept, because in council papers
/// (Word does not hyphenate by default) a line-end hyphen is nearly always a
/// real one: "sub-" + "groups", "social-and-" + "health-care". A soft hyphen
/// at the line end is dropped and the halves joined. Otherwise the lines are
/// joined with one space.
pub fn join_wrapped(acc: &mut String, next: &str) {
    let next = next.trim();
    if next.is_empty() {
        return;
    }
    let had_trailing_space = acc.ends_with(char::is_whitespace);
    let trimmed_len = acc.trim_end().len();
    acc.truncate(trimmed_len);
    if acc.is_empty() {
        acc.push_str(next);
        return;
    }
    let starts_with_letter = next.chars().next().is_some_and(char::is_alphabetic);
    if acc.ends_with('\u{00AD}') && starts_with_letter {
        acc.pop();
        acc.push_str(next);
        return;
    }
    let mut rev = acc.chars().rev();
    let last = rev.next();
    let before = rev.next();
    // "multi-" + "agency"; and a year range broken at the line end:
    // "2024-" + "25".
    let starts_with_digit = next.starts_with(|c: char| c.is_ascii_digit());
    if !had_trailing_space
        && last == Some('-')
        && ((before.is_some_and(char::is_alphabetic) && starts_with_letter)
            || (before.is_some_and(|c| c.is_ascii_digit()) && starts_with_digit))
    {
        acc.push_str(next);
        return;
    }
    acc.push(' ');
    acc.push_str(next);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_space_and_strips_invisibles() {
        assert_eq!(normalize("a\u{00A0}\u{00A0}b\r\n\tc"), "a b c");
        assert_eq!(normalize("\u{FEFF}To:\u{200B} Council"), "To: Council");
        assert_eq!(normalize("\u{F0B7} bullet"), "bullet");
        assert_eq!(normalize("co\u{00AD}operate"), "cooperate");
        assert_eq!(normalize(""), "");
        assert_eq!(normalize("   "), "");
    }

    #[test]
    fn ascii_fast_path_folds_like_the_general_one() {
        let samples = [
            "  a  b\t\tc\r\n",
            "\x00x\x1fy\x7fz\x0b",
            "plain",
            "",
            " \x0c ",
            "1.2  Recommendations:\u{0}",
        ];
        for s in samples {
            assert!(s.is_ascii());
            assert_eq!(fold_ascii(s), fold(s.chars(), s.len()), "{s:?}");
        }
        for b in 0u8..128 {
            let s = format!("a{}b", b as char);
            assert_eq!(fold_ascii(&s), fold(s.chars(), s.len()), "{b}");
        }
    }

    #[test]
    fn word_folding_matches_the_char_by_char_one() {
        const PIECES: &[&str] = &[
            "a",
            "Bé",
            " ",
            "\u{00A0}",
            "\u{00AD}",
            "\u{200B}",
            "\u{F0B7}",
            "\t",
            "\n",
            "\u{0}",
            "\u{85}",
            "\u{2028}",
            "’",
            "–",
            "\u{FEFF}",
            "x\u{200D}y",
            "\u{3000}",
            "£20",
        ];
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        for _ in 0..5_000 {
            let mut s = String::new();
            for _ in 0..(seed % 9) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                s.push_str(PIECES[(seed % PIECES.len() as u64) as usize]);
            }
            seed = seed.wrapping_add(1);
            assert_eq!(fold_words(&s), fold(s.chars(), s.len()), "{s:?}");
        }
    }

    #[test]
    fn composes_to_nfc() {
        assert_eq!(normalize("cafe\u{0301}"), "caf\u{00E9}");
    }

    #[test]
    fn joins_wrapped_lines() {
        let mut s = String::from("along with the sub-");
        join_wrapped(&mut s, "groups of the Board");
        assert_eq!(s, "along with the sub-groups of the Board");
        let mut s = String::from("Paul Staines- ");
        join_wrapped(&mut s, "Head");
        assert_eq!(s, "Paul Staines- Head");
        let mut s = String::from("costs of ");
        join_wrapped(&mut s, "  partnership working.");
        assert_eq!(s, "costs of partnership working.");
        let mut s = String::from("about £20 -");
        join_wrapped(&mut s, "£30k");
        assert_eq!(s, "about £20 - £30k");
        let mut s = String::from("the approved budget for 2024-");
        join_wrapped(&mut s, "25. The variations");
        assert_eq!(s, "the approved budget for 2024-25. The variations");
    }
}
