//! Splitting a cell into list entries.

/// One entry per line or bullet of a cell: "• " bullets and dash bullets
/// ("-Local Area Energy Plans.") lose their marker, but a dash before a
/// digit or currency sign is a minus or a range ("-75k approximate cost")
/// and stays.
pub(crate) fn split(text: &str) -> Vec<String> {
    text.split('\n')
        .map(strip_marker)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn strip_marker(line: &str) -> &str {
    let line = line.trim();
    if let Some(rest) = line.strip_prefix('•') {
        return rest.trim_start();
    }
    for dash in ['-', '–', '—'] {
        if let Some(rest) = line.strip_prefix(dash) {
            let next = rest.chars().next();
            let amount = next.is_some_and(|c| c.is_ascii_digit() || "£$€".contains(c));
            if !amount {
                return rest.trim_start();
            }
        }
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dash_bullets_and_amounts() {
        assert_eq!(
            split(
                "-75k approximate cost of commission.\n-FOP project management.\n\n• Officer time"
            ),
            [
                "-75k approximate cost of commission.",
                "FOP project management.",
                "Officer time"
            ]
        );
        assert_eq!(
            split("- £10k\nTo be determined"),
            ["£10k", "To be determined"]
        );
        assert!(split("").is_empty());
    }
}
