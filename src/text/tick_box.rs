//! Tick boxes ("☒ Yes ☐ No"), as cover boxes answer their questions: the
//! glyphs, in one place for every reader and extractor, and the answer
//! ticked.

/// Glyphs drawn only as boxes, ticked or not, never as bullets: a line
/// holding them answers a question.
pub const BOXES: &[char] = &['☒', '☑', '⊠', '☐', '□', '❑', '◻'];

/// Glyphs of a ticked tick box (with the private-use glyphs of Wingdings
/// that Word uses for them).
pub const TICKED: &[char] = &['☒', '☑', '✓', '✔', '⊠', '▣', '■', '\u{f0fe}', '\u{f078}'];
/// Glyphs of an empty tick box.
pub const UNTICKED: &[char] = &['☐', '□', '❑', '◻', '\u{f0a8}', '\u{f06f}'];

/// The answer ticked among tick boxes ("☒ Yes ☐ No" -> "Yes"), if the value
/// is a row of tick boxes with one ticked.
pub fn ticked(value: &str) -> Option<&str> {
    if !value.contains(UNTICKED) {
        return None;
    }
    let at = value.find(TICKED)?;
    let boxes_first = value
        .trim_start()
        .starts_with(|c| TICKED.contains(&c) || UNTICKED.contains(&c));
    let answer = if boxes_first {
        // "☒ Yes ☐ No": the words after the ticked box.
        let rest = value.get(at..)?;
        let rest = rest.get(rest.chars().next()?.len_utf8()..)?;
        let end = rest.find(UNTICKED).unwrap_or(rest.len());
        rest.get(..end)?
    } else {
        // "Yes ☐ No ☒": the words before it, after the box before them.
        let head = value.get(..at)?;
        let start = head.rfind(UNTICKED).map_or(0, |p| {
            p + head
                .get(p..)
                .and_then(|t| t.chars().next())
                .map_or(1, char::len_utf8)
        });
        head.get(start..)?
    };
    let answer = answer.trim();
    (!answer.is_empty()).then_some(answer)
}
