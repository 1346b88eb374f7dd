//! Dates as council papers print them, to ISO 8601.
//!
//! Handles "28 November 2023", "6 NOVEMBER 2018", "13th March 2025",
//! "November 15th 2018", "Thursday, 30 January 2025", "March 2023",
//! "Sept 2018", "14/09/2018" and "14.09.18" (day first, as in the UK), and a
//! bare year. A day without a year ("15/12") is not a date we can place.

use std::sync::LazyLock;

use regex::Regex;

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The month number (1-12) of an English month name or abbreviation.
fn month_number(name: &str) -> Option<u32> {
    let lower = name.trim_end_matches('.').to_ascii_lowercase();
    if lower == "sept" {
        return Some(9);
    }
    if lower.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| m.starts_with(&lower))
        .map(|i| i as u32 + 1)
}

const MONTH_RE: &str = r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";

static PATTERNS: LazyLock<Vec<(Regex, Shape)>> = LazyLock::new(|| {
    let m = MONTH_RE;
    // "14th", "14TH" (a title in capitals).
    let day = r"(\d{1,2})(?i:st|nd|rd|th)?";
    let year = r"(\d{4})";
    let specs: Vec<(String, Shape)> = vec![
        // 28 November 2023, 13th March 2025, 1st of April 2024
        (
            format!(r"\b{day}\s*(?:of\s+)?({m})\s*,?\s*{year}\b"),
            Shape::DayMonthYear,
        ),
        // November 15th 2018, March 4, 2025
        (
            format!(r"\b({m})\s+{day}\s*,?\s*{year}\b"),
            Shape::MonthDayYear,
        ),
        // 14/09/2018, 14.09.2018, 14-09-18
        (
            r"\b(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})\b".to_string(),
            Shape::Numeric,
        ),
        // 2025-01-30
        (r"\b(\d{4})-(\d{2})-(\d{2})\b".to_string(), Shape::Iso),
        // March 2023
        (format!(r"\b({m})\s*,?\s*{year}\b"), Shape::MonthYear),
    ];
    specs
        .into_iter()
        .filter_map(|(re, shape)| Regex::new(&re).ok().map(|r| (r, shape)))
        .collect()
});

static YEAR_ONLY: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"^\s*((?:19|20)\d{2})\s*$").ok());

#[derive(Debug, Clone, Copy)]
enum Shape {
    DayMonthYear,
    MonthDayYear,
    Numeric,
    Iso,
    MonthYear,
}

/// Finds the first date in `text`. Returns the byte range it occupies and its
/// ISO form.
///
/// ```
/// use council_reports::text::find_date;
/// # fn main() -> Result<(), &'static str> {
/// let (range, iso) = find_date("Cabinet – 30 January 2025").ok_or("no date")?;
/// assert_eq!((range.start, iso.as_str()), (12, "2025-01-30")); // byte offset: "–" is 3 bytes
/// # Ok(())
/// # }
/// ```
pub fn find_date(text: &str) -> Option<(std::ops::Range<usize>, String)> {
    let mut best: Option<(std::ops::Range<usize>, String)> = None;
    for (re, shape) in PATTERNS.iter() {
        for caps in re.captures_iter(text) {
            let Some(whole) = caps.get(0) else { continue };
            let Some(iso) = iso_from(&caps, *shape) else {
                continue;
            };
            let better = match &best {
                None => true,
                Some((r, _)) => whole.start() < r.start,
            };
            if better {
                best = Some((whole.range(), iso));
            }
            break;
        }
    }
    best
}

/// Parses a string that is a date (perhaps with a weekday, or words such as
/// "(meeting in public)" around it) to ISO: `YYYY-MM-DD`, `YYYY-MM` or
/// `YYYY`. `None` when no date with a year is found.
///
/// ```
/// use council_reports::text::parse_date;
/// assert_eq!(parse_date("6 NOVEMBER 2018").as_deref(), Some("2018-11-06"));
/// assert_eq!(parse_date("March 2023").as_deref(), Some("2023-03"));
/// assert_eq!(parse_date("November 15th 2018").as_deref(), Some("2018-11-15"));
/// assert_eq!(parse_date("15/12"), None);
/// ```
pub fn parse_date(text: &str) -> Option<String> {
    if let Some((_, iso)) = find_date(text) {
        return Some(iso);
    }
    let re = YEAR_ONLY.as_ref()?;
    re.captures(text)
        .and_then(|c| c.get(1))
        .map(|m| m.as_str().to_string())
}

fn iso_from(caps: &regex::Captures<'_>, shape: Shape) -> Option<String> {
    let g = |i: usize| caps.get(i).map(|m| m.as_str());
    let num = |i: usize| g(i).and_then(|s| s.parse::<u32>().ok());
    let (y, m, d) = match shape {
        Shape::DayMonthYear => (num(3)?, month_number(g(2)?)?, Some(num(1)?)),
        Shape::MonthDayYear => (num(3)?, month_number(g(1)?)?, Some(num(2)?)),
        Shape::Numeric => {
            let mut y = num(3)?;
            if y < 100 {
                y += 2000;
            }
            (y, num(2)?, Some(num(1)?))
        }
        Shape::Iso => (num(1)?, num(2)?, Some(num(3)?)),
        Shape::MonthYear => (num(2)?, month_number(g(1)?)?, None),
    };
    if !(1900..=2199).contains(&y) || !(1..=12).contains(&m) {
        return None;
    }
    match d {
        Some(d) if d >= 1 && d <= days_in_month(y, m) => Some(format!("{y:04}-{m:02}-{d:02}")),
        Some(_) => None,
        None => Some(format!("{y:04}-{m:02}")),
    }
}

fn days_in_month(y: u32, m: u32) -> u32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn ordinals_in_capitals() {
        assert_eq!(
            super::parse_date("14TH FEBRUARY 2023").as_deref(),
            Some("2023-02-14")
        );
    }

    use super::*;

    #[test]
    fn common_shapes() {
        let cases = [
            ("28 November 2023", Some("2023-11-28")),
            ("COUNCIL – 6 NOVEMBER 2018", Some("2018-11-06")),
            ("13th March 2025", Some("2025-03-13")),
            ("County Council 13th March 2025", Some("2025-03-13")),
            ("Thursday, 30 January 2025", Some("2025-01-30")),
            ("November 15th 2018", Some("2018-11-15")),
            ("March 2023", Some("2023-03")),
            ("Sept 2018", Some("2018-09")),
            ("October 2024 & final update", Some("2024-10")),
            ("14/09/2018", Some("2018-09-14")),
            ("2025-01-30", Some("2025-01-30")),
            ("2018", Some("2018")),
            ("TBA February 2019", Some("2019-02")),
            ("15/12", None),
            ("31 February 2023", Some("2023-02")), // the day is impossible, the month stands
            ("n/a", None),
            ("", None),
        ];
        for (text, want) in cases {
            assert_eq!(parse_date(text).as_deref(), want, "{text:?}");
        }
    }

    #[test]
    fn month_names() {
        assert_eq!(month_number("Sept"), Some(9));
        assert_eq!(month_number("SEPTEMBER"), Some(9));
        assert_eq!(month_number("Mar"), Some(3));
        assert_eq!(month_number("May"), Some(5));
        assert_eq!(month_number("Ma"), None);
    }
}
