//! Headings that open an appendix.

/// Whether `t` names one appendix or annex ("Appendix 1. Toilet Action
/// Plan", "ANNEX B", "Appendix A – Map"): the word, then a short number or
/// letter. "Appendices" (a list of them) is not one.
pub fn names_appendix(t: &str) -> bool {
    let mut words = t.split_whitespace();
    let first = words.next().unwrap_or("").to_lowercase();
    let id = words
        .next()
        .unwrap_or("")
        .trim_end_matches(['.', ':', ',', ';', '–', '-']);
    matches!(first.as_str(), "appendix" | "annex" | "annexe")
        && (1..=4).contains(&id.len())
        && id.chars().all(|c| c.is_ascii_alphanumeric())
        // "1", "B", "IV", "2a": a number or a capital, not a word ("to").
        && (id.starts_with(|c: char| c.is_ascii_digit() || c.is_ascii_uppercase()))
}

#[cfg(test)]
mod tests {
    use super::names_appendix;

    #[test]
    fn one_appendix_named() {
        assert!(names_appendix("Appendix 1. Toilet Action Plan"));
        assert!(names_appendix("ANNEX B"));
        assert!(names_appendix("Appendix A: Map"));
        assert!(!names_appendix("Appendices"));
        assert!(!names_appendix("Appendix to follow under separate cover"));
    }
}
