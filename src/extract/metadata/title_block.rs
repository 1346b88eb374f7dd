//! The title block some councils print instead of labels:
//! "COUNCIL – 6 NOVEMBER 2018" / "ANNUAL PARTNERSHIPS UPDATE" /
//! "Report by Policy and Performance Service Manager".

use crate::report::DateValue;
use crate::text::find_date;

const SMALL: &[&str] = &[
    "of", "and", "the", "for", "to", "in", "on", "at", "a", "an", "&",
];

/// A body's name as a data user wants it: an all-capitals name ("COUNCIL",
/// "CABINET MEMBER FOR PLANNING") in title case, anything else as printed.
pub(crate) fn committee_case(name: &str) -> String {
    let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() < 2 || letters.iter().any(|c| c.is_lowercase()) {
        return name.to_string();
    }
    name.split(' ')
        .enumerate()
        .map(|(i, w)| {
            let lower = w.to_lowercase();
            if i > 0 && SMALL.contains(&lower.as_str()) {
                return lower;
            }
            // Keep acronyms in brackets ("(FOP)") and short all-caps tokens
            // with digits as printed.
            if w.starts_with('(') || w.chars().any(|c| c.is_ascii_digit()) {
                return w.to_string();
            }
            let mut chars = lower.chars();
            match chars.next() {
                Some(c) => c.to_uppercase().chain(chars).collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The last words of a meeting body's name.
const BODY_WORDS: &[&str] = &[
    "committee",
    "sub-committee",
    "subcommittee",
    "cabinet",
    "board",
    "panel",
    "forum",
    "executive",
    "commission",
];

/// Whether a short line standing alone names a meeting body ("CABINET",
/// "Policy and Resources Committee", "Council"), not a council
/// ("Westmere District Council") nor a sentence.
pub(crate) fn committee_name(text: &str) -> bool {
    let t = text.trim().trim_end_matches([':', ' ']);
    let words: Vec<&str> = t.split_whitespace().collect();
    if words.is_empty()
        || words.len() > 10
        || t.contains(|c: char| c.is_ascii_digit() || matches!(c, '.' | ';' | ':' | '?' | '|'))
        || !t.starts_with(|c: char| c.is_uppercase())
    {
        return false;
    }
    let lower = t.to_lowercase();
    if matches!(lower.as_str(), "council" | "full council") {
        return true;
    }
    let last = words.last().map(|w| w.to_lowercase()).unwrap_or_default();
    BODY_WORDS.contains(&last.as_str()) && !lower.starts_with("the ")
}

/// "10.00am", "2pm", "14:30", "10.30 a.m.".
fn is_time(text: &str) -> bool {
    let t = text.trim().to_lowercase().replace(['.', ' '], "");
    let t = t
        .strip_suffix("am")
        .or_else(|| t.strip_suffix("pm"))
        .unwrap_or(&t);
    let digits = t.replace(':', "");
    !digits.is_empty()
        && digits.len() <= 4
        && digits.chars().all(|c| c.is_ascii_digit())
        && (t.len() < text.trim().len() || t.contains(':'))
}

/// A line that is a date and nothing else ("5 September 2024", "Thursday,
/// 14 March 2024").
pub(crate) fn date_line(text: &str) -> Option<DateValue> {
    let t = text.trim();
    let (range, iso) = find_date(t)?;
    let head = t.get(..range.start)?;
    let tail = t.get(range.end..)?.trim();
    if !tail.is_empty() {
        return None;
    }
    let (head, date_text) = take_weekday(head, t.get(range)?);
    // "10.00am, Tuesday, 5 March 2024": a time of day may lead.
    let head = head.trim().trim_end_matches([',', ' ']);
    if !head.is_empty() && !is_time(head) {
        return None;
    }
    Some(DateValue {
        text: date_text,
        iso: Some(iso),
    })
}

const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Moves a weekday standing right before a date ("Cabinet, Thursday, 30
/// January") from the head into the date text.
pub(crate) fn take_weekday(head: &str, date: &str) -> (String, String) {
    let trimmed = head.trim_end().trim_end_matches(',').trim_end();
    if let Some(pos) = trimmed.rfind(|c: char| !c.is_alphabetic()) {
        let word = trimmed.get(pos + 1..).unwrap_or("");
        if WEEKDAYS.contains(&word.to_lowercase().as_str()) {
            let rest = trimmed.get(..=pos).unwrap_or("");
            let text = format!(
                "{}{}",
                head.get(trimmed.len() - word.len()..).unwrap_or(""),
                date
            );
            return (rest.to_string(), text.trim().to_string());
        }
    } else if WEEKDAYS.contains(&trimmed.to_lowercase().as_str()) {
        return (
            String::new(),
            format!("{} {}", head.trim(), date).trim().to_string(),
        );
    }
    (head.to_string(), date.to_string())
}

/// A line that names a body and a date and nothing else: "COUNCIL – 6
/// NOVEMBER 2018", "Cabinet - 30 January 2025". Returns the body (in
/// [`committee_case`]) and the date.
pub(crate) fn committee_and_date(text: &str) -> Option<(String, DateValue)> {
    let (range, iso) = find_date(text)?;
    let tail = text.get(range.end..)?.trim();
    if !tail.is_empty() {
        return None;
    }
    let head = text.get(..range.start)?;
    let (head, date_text) = take_weekday(head, text.get(range)?);
    let head = head
        .trim()
        .trim_end_matches(['–', '-', '—', ',', ':', ' '])
        .trim();
    let words = head.split_whitespace().count();
    if words == 0 || words > 6 || head.contains(['.', ';']) {
        return None;
    }
    // "CABINET MEETING: 14 MARCH 2024" names the Cabinet.
    let head = match head.rsplit_once(' ') {
        Some((body, last)) if last.eq_ignore_ascii_case("meeting") => body.trim(),
        _ => head,
    };
    Some((
        committee_case(head),
        DateValue {
            text: date_text,
            iso: Some(iso),
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn council_date_line() {
        let (c, d) = committee_and_date("COUNCIL – 6 NOVEMBER 2018").unwrap();
        assert_eq!(
            (c.as_str(), d.text.as_str(), d.iso.as_deref()),
            ("Council", "6 NOVEMBER 2018", Some("2018-11-06"))
        );
        assert!(committee_and_date("The meeting on 6 November 2018 agreed").is_none());
        assert!(committee_and_date("6 November 2018").is_none());
        let (c, _) = committee_and_date("CABINET MEETING: 14 MARCH 2024").unwrap();
        assert_eq!(c, "Cabinet");
    }

    #[test]
    fn meeting_body_names() {
        assert!(committee_name("CABINET"));
        assert!(committee_name("Policy and Resources Committee"));
        assert!(committee_name("Tourism, Culture and Communities Committee"));
        assert!(committee_name("Council"));
        assert!(!committee_name("Westmere District Council"));
        assert!(!committee_name("The Highland Council"));
        assert!(!committee_name("Cabinet report"));
        assert!(!committee_name("Report to Cabinet: 5 May"));
        assert_eq!(
            date_line("Thursday, 14 March 2024").map(|d| d.iso),
            Some(Some("2024-03-14".to_string()))
        );
        assert!(date_line("Cabinet 5 May 2024").is_none());
        assert_eq!(
            date_line("10.00am, Tuesday, 5 March 2024").map(|d| d.text),
            Some("Tuesday, 5 March 2024".to_string())
        );
        assert!(date_line("Room 12, 5 March 2024").is_none());
    }

    #[test]
    fn title_case_of_capitals() {
        assert_eq!(committee_case("COUNTY COUNCIL"), "County Council");
        assert_eq!(
            committee_case("CABINET MEMBER FOR PLANNING"),
            "Cabinet Member for Planning"
        );
        assert_eq!(
            committee_case("Future Oxfordshire Partnership (FOP)"),
            "Future Oxfordshire Partnership (FOP)"
        );
    }

    #[test]
    fn weekday_goes_with_the_date() {
        let (h, d) = take_weekday("Cabinet, Thursday, ", "30 January 2025");
        assert_eq!(
            (h.trim_end_matches([',', ' ']), d.as_str()),
            ("Cabinet", "Thursday, 30 January 2025")
        );
    }
}
