//! Telephone numbers broken at a line end ("Tel: 01632 960" / "552.
//! Email: …"): the digits that go on are no list number.

/// Whether `text` ends in the start of a telephone number: two groups of
/// digits ("01632 960"), or one of four or more that starts with 0.
pub fn ends_in_phone_digits(text: &str) -> bool {
    let digits = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit());
    let mut words = text.split_whitespace().rev();
    match (words.next(), words.next()) {
        (Some(a), Some(b)) if digits(a) && digits(b) => true,
        (Some(a), _) => digits(a) && a.len() >= 4 && a.starts_with('0'),
        _ => false,
    }
}

/// Whether a list number as printed ("552.", "01.") is rather the end of
/// a telephone number: three digits or more, or two that start with 0
/// (lists do not reach 100, nor start with a 0).
pub fn phone_tail(printed: &str) -> bool {
    let digits = printed.chars().take_while(char::is_ascii_digit).count();
    digits >= 3 || (digits >= 2 && printed.starts_with('0'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broken_numbers() {
        assert!(ends_in_phone_digits("Tel: 01632 960"));
        assert!(ends_in_phone_digits("Telephone 01632"));
        assert!(!ends_in_phone_digits("in paragraph 12"));
        assert!(phone_tail("552."));
        assert!(!phone_tail("12."));
    }
}
