//! The vocabulary of front-matter labels, mapped by meaning (SCHEMA.md):
//! "From", "By", "Report of" and "Report by" all name who the report is from.

use crate::text::normalize;

/// What a label means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Meaning {
    /// The report's title ("Title of Report", "Subject").
    Title,
    /// The body it goes to ("To").
    Committee,
    /// The meeting or report date.
    Date,
    /// Who it is from ("Report of", "From", "By").
    ReportOf,
    /// "Status" / "Classification".
    Status,
    /// "Purpose of report" / "Summary" / "Executive Summary".
    Purpose,
    /// "Key decision".
    KeyDecision,
    /// "Cabinet Member with responsibility".
    CabinetMember,
    /// "Corporate Priority".
    CorporatePriority,
    /// "Policy Framework".
    PolicyFramework,
    /// "Recommendation(s)".
    Recommendations,
    /// "Appendices".
    Appendices,
    /// A label of the box with no typed field of its own ("Decision no",
    /// "Past Pathway of report", "Electoral Division").
    Other,
}

/// How a label's value runs on into the following blocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Extent {
    /// One value; the next block is taken only when the label stands alone.
    Single,
    /// Several people, one per following block ("From:" over several lines).
    People,
    /// Prose over several paragraphs and bullets ("Summary:").
    Prose,
}

/// Known labels, lower case, without trailing punctuation. Longer labels
/// come before their prefixes so that the longest one matches.
const LABELS: &[(&str, Meaning)] = &[
    ("title of report", Meaning::Title),
    ("title of the report", Meaning::Title),
    ("report title", Meaning::Title),
    ("title of decision", Meaning::Title),
    // Records of decision: "Subject Matter / Title of Decision".
    ("subject matter / title of decision", Meaning::Title),
    ("subject matter/title of decision", Meaning::Title),
    ("subject matter", Meaning::Title),
    ("subject", Meaning::Title),
    ("title", Meaning::Title),
    ("report name", Meaning::Title),
    ("name of report", Meaning::Title),
    ("subject of report", Meaning::Title),
    ("item title", Meaning::Title),
    ("report subject", Meaning::Title),
    ("to", Meaning::Committee),
    ("report to", Meaning::Committee),
    ("report to the", Meaning::Committee),
    ("meeting", Meaning::Committee),
    ("committee", Meaning::Committee),
    ("circulated to", Meaning::Committee),
    ("name of committee", Meaning::Committee),
    ("committee name", Meaning::Committee),
    ("meeting name", Meaning::Committee),
    ("name of meeting", Meaning::Committee),
    ("submitted to", Meaning::Committee),
    ("for consideration by", Meaning::Committee),
    ("to be considered by", Meaning::Committee),
    ("decision making body", Meaning::Committee),
    ("decision-making body", Meaning::Committee),
    // Who takes a decision ("DECISION TO BE TAKEN BY: Cabinet") is the body
    // the paper goes to.
    ("decision to be taken by", Meaning::Committee),
    ("decision taken by", Meaning::Committee),
    ("decision maker", Meaning::Committee),
    ("date of meeting", Meaning::Date),
    ("meeting date", Meaning::Date),
    ("date of report", Meaning::Date),
    ("date of decision", Meaning::Date),
    ("decision date", Meaning::Date),
    ("date of the decision", Meaning::Date),
    ("report date", Meaning::Date),
    ("committee date", Meaning::Date),
    ("date of committee", Meaning::Date),
    ("date of cabinet", Meaning::Date),
    ("cabinet date", Meaning::Date),
    ("meeting date(s)", Meaning::Date),
    ("date", Meaning::Date),
    ("report of the", Meaning::ReportOf),
    ("report of", Meaning::ReportOf),
    ("report by", Meaning::ReportOf),
    ("reporting officer", Meaning::ReportOf),
    ("reporting officer(s)", Meaning::ReportOf),
    ("reporting officers", Meaning::ReportOf),
    ("report from", Meaning::ReportOf),
    // The officer who answers for the report, where no "Report of" is
    // printed ("Lead Head of Service", "Responsible Director").
    ("lead head of service", Meaning::ReportOf),
    ("responsible head of service", Meaning::ReportOf),
    ("responsible director", Meaning::ReportOf),
    ("report sponsor", Meaning::ReportOf),
    ("submitted by", Meaning::ReportOf),
    ("presented by", Meaning::ReportOf),
    ("from", Meaning::ReportOf),
    ("by", Meaning::ReportOf),
    ("status", Meaning::Status),
    ("classification", Meaning::Status),
    ("security classification", Meaning::Status),
    ("open or exempt", Meaning::Status),
    ("open/exempt", Meaning::Status),
    ("exempt or open", Meaning::Status),
    ("public or private", Meaning::Status),
    ("open/closed", Meaning::Status),
    ("part i or part ii", Meaning::Status),
    ("report status", Meaning::Status),
    ("public/exempt", Meaning::Status),
    ("exempt/confidential", Meaning::Status),
    ("confidentiality", Meaning::Status),
    ("publication status", Meaning::Status),
    ("report classification", Meaning::Status),
    ("executive summary and purpose", Meaning::Purpose),
    ("executive summary", Meaning::Purpose),
    ("purpose of report", Meaning::Purpose),
    ("purpose of the report", Meaning::Purpose),
    ("purpose", Meaning::Purpose),
    ("purpose/executive summary", Meaning::Purpose),
    ("purpose / executive summary", Meaning::Purpose),
    ("purpose and summary", Meaning::Purpose),
    ("purpose of the report and summary", Meaning::Purpose),
    ("reason for report", Meaning::Purpose),
    ("reason for the report", Meaning::Purpose),
    ("reason for this report", Meaning::Purpose),
    ("reasons for this report", Meaning::Purpose),
    ("summary", Meaning::Purpose),
    ("brief summary", Meaning::Purpose),
    ("summary of main issues", Meaning::Purpose),
    ("report summary", Meaning::Purpose),
    ("summary of report", Meaning::Purpose),
    ("summary of the report", Meaning::Purpose),
    ("synopsis", Meaning::Purpose),
    ("purpose of this report", Meaning::Purpose),
    ("key decision", Meaning::KeyDecision),
    ("is this a key decision", Meaning::KeyDecision),
    ("key decision (yes/no)", Meaning::KeyDecision),
    ("is it a key decision", Meaning::KeyDecision),
    ("cabinet member with responsibility", Meaning::CabinetMember),
    ("cabinet member responsible", Meaning::CabinetMember),
    ("cabinet member", Meaning::CabinetMember),
    ("portfolio holder", Meaning::CabinetMember),
    ("lead portfolio holder", Meaning::CabinetMember),
    ("relevant portfolio holder", Meaning::CabinetMember),
    ("portfolio", Meaning::CabinetMember),
    ("executive member", Meaning::CabinetMember),
    ("lead cabinet member", Meaning::CabinetMember),
    ("relevant cabinet member", Meaning::CabinetMember),
    ("cabinet portfolio", Meaning::CabinetMember),
    ("executive portfolio", Meaning::CabinetMember),
    ("cabinet member(s)", Meaning::CabinetMember),
    ("responsible cabinet member", Meaning::CabinetMember),
    ("lead member", Meaning::CabinetMember),
    ("corporate priority", Meaning::CorporatePriority),
    ("corporate priorities", Meaning::CorporatePriority),
    ("council priority", Meaning::CorporatePriority),
    ("policy framework", Meaning::PolicyFramework),
    ("recommendation(s)", Meaning::Recommendations),
    ("recommendations", Meaning::Recommendations),
    ("recommendation", Meaning::Recommendations),
    // A record of decision's "Decision:" holds the proposed decision, the
    // recommendation put to the decision maker.
    ("decision", Meaning::Recommendations),
    ("proposed decision", Meaning::Recommendations),
    ("recommended decision", Meaning::Recommendations),
    ("recommended decisions", Meaning::Recommendations),
    ("recommended decision(s)", Meaning::Recommendations),
    ("decision(s) required", Meaning::Recommendations),
    ("decisions required", Meaning::Recommendations),
    ("decision required", Meaning::Recommendations),
    ("decisions sought", Meaning::Recommendations),
    ("decision sought", Meaning::Recommendations),
    ("action required", Meaning::Recommendations),
    ("recommended action", Meaning::Recommendations),
    ("recommended actions", Meaning::Recommendations),
    ("recommendations for decision", Meaning::Recommendations),
    ("appendices", Meaning::Appendices),
    ("decision no", Meaning::Other),
    ("decision no.", Meaning::Other),
    ("decision number", Meaning::Other),
    ("decision reference", Meaning::Other),
    ("report no", Meaning::Other),
    ("report number", Meaning::Other),
    ("report reference", Meaning::Other),
    ("final decision-maker", Meaning::Other),
    ("final decision maker", Meaning::Other),
    ("lead officer and report author", Meaning::Other),
    ("report author", Meaning::Other),
    ("report author and contact details", Meaning::Other),
    ("wards", Meaning::Other),
    ("ward(s) or groups affected", Meaning::Other),
    ("wards or groups affected", Meaning::Other),
    ("reason for lateness", Meaning::Other),
    ("reason for lateness (if applicable)", Meaning::Other),
    ("ward", Meaning::Other),
    ("ward(s)", Meaning::Other),
    ("wards/divisions affected", Meaning::Other),
    ("divisions affected", Meaning::Other),
    ("electoral divisions affected", Meaning::Other),
    ("electoral division(s) affected", Meaning::Other),
    ("ward(s) affected by the recommendations", Meaning::Other),
    ("ward(s) affected by report", Meaning::Other),
    ("wards affected by the report", Meaning::Other),
    ("reason(s) for decision", Meaning::Other),
    ("reasons for decision", Meaning::Other),
    ("reason for decision", Meaning::Other),
    ("for publication", Meaning::Other),
    ("past pathway of report", Meaning::Other),
    ("past pathway of paper", Meaning::Other),
    ("past pathway", Meaning::Other),
    ("future pathway of report", Meaning::Other),
    ("future pathway of paper", Meaning::Other),
    ("future pathway", Meaning::Other),
    ("electoral divisions", Meaning::Other),
    ("electoral division", Meaning::Other),
    ("electoral division(s)", Meaning::Other),
    ("wards affected", Meaning::Other),
    ("ward(s) affected", Meaning::Other),
    ("is the decision eligible for call-in", Meaning::Other),
    ("eligible for call-in", Meaning::Other),
    ("exempt information", Meaning::Other),
    ("forward plan reference", Meaning::Other),
    ("agenda item", Meaning::Other),
    ("item no", Meaning::Other),
];

/// The meaning of a label standing alone ("Report of:", "Title of Report",
/// "Is the decision eligible for call-in?"), matched case-insensitively,
/// tolerant of trailing colons and question marks.
pub(crate) fn meaning(label: &str) -> Option<Meaning> {
    let key = key(label);
    LABELS
        .iter()
        .find(|(l, _)| *l == key)
        .map(|(_, m)| *m)
        .or_else(|| by_ending(&key))
}

/// Labels known by their last words ("Cabinet Portfolio Holder", "Lead
/// Cabinet Member(s)", "Electoral Wards Affected").
fn by_ending(key: &str) -> Option<Meaning> {
    const ENDINGS: &[(&str, Meaning)] = &[
        ("portfolio holder", Meaning::CabinetMember),
        ("portfolio holder(s)", Meaning::CabinetMember),
        ("portfolio holders", Meaning::CabinetMember),
        ("cabinet member", Meaning::CabinetMember),
        ("cabinet member(s)", Meaning::CabinetMember),
        ("cabinet members", Meaning::CabinetMember),
        ("wards affected", Meaning::Other),
        ("ward(s) affected", Meaning::Other),
        ("divisions affected", Meaning::Other),
        ("division(s) affected", Meaning::Other),
    ];
    if key.split_whitespace().count() > 5 {
        return None;
    }
    ENDINGS
        .iter()
        .find(|(e, _)| key.ends_with(&format!(" {e}")))
        .map(|(_, m)| *m)
}

/// The lookup form of a label: normalised, lower case, trailing `:`/`?`/`-`
/// and white space removed, inner white space folded.
pub(crate) fn key(label: &str) -> String {
    let s = normalize(label).to_lowercase();
    s.trim_end_matches([':', '?', ' ', '-', '–', '*'])
        .trim_start_matches('*')
        .trim()
        .to_string()
}

/// How the value of a label of this meaning runs on.
pub(crate) fn extent(m: Meaning) -> Extent {
    match m {
        Meaning::ReportOf => Extent::People,
        Meaning::Purpose => Extent::Prose,
        _ => Extent::Single,
    }
}

/// Labels that may stand without a colon at the start of a line ("Report by
/// Policy and Performance Service Manager", "To Cabinet – 30 January 2025").
const BARE: &[&str] = &[
    "report of the",
    "report to the",
    "subject matter / title of decision",
    "title of decision",
    "report by",
    "report of",
    "report to",
    "by",
    "to",
    "from",
];

/// A label split off the start of a line: the label as printed (without its
/// colon), its meaning and the rest of the line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Split {
    /// The label as printed, without trailing colon.
    pub label: String,
    /// What it means (None for a label we do not know, which only counts
    /// where the caller allows it).
    pub meaning: Option<Meaning>,
    /// The value on the same line (may be empty).
    pub rest: String,
}

/// Splits "Label: value" (or "Label? value", or a known label alone) at the
/// start of `text`. With `bare`, a few labels are also accepted without a
/// colon when a value follows ("Report by X").
pub(crate) fn split(text: &str, bare: bool) -> Option<Split> {
    let text = text.trim();
    // "Label: value" / "Label? value": the first colon or question mark
    // within the first few words.
    for (idx, c) in text.char_indices() {
        if c != ':' && c != '?' {
            continue;
        }
        let head = text.get(..idx).unwrap_or("");
        if head.split_whitespace().count() > 12 {
            break;
        }
        // A colon inside a time ("10:00") or a URL is not a label end.
        let after = text.get(idx + c.len_utf8()..).unwrap_or("");
        if c == ':'
            && (after.starts_with("//") || after.starts_with(|ch: char| ch.is_ascii_digit()))
        {
            continue;
        }
        let full = text.get(..idx + c.len_utf8()).unwrap_or("");
        // A question of the cover answered on its line ("Will the
        // decision be open for call in? ☒ Yes ☐ No").
        let answered = c == '?'
            && (after.contains(crate::text::tick_box::BOXES)
                || matches!(after.trim().to_lowercase().as_str(), "yes" | "no"));
        if answered && meaning(full).is_none() {
            return Some(Split {
                label: clean_label(head),
                meaning: None,
                rest: after.trim().to_string(),
            });
        }
        if let Some(m) = meaning(full) {
            return Some(Split {
                label: clean_label(head),
                meaning: Some(m),
                rest: after.trim().to_string(),
            });
        }
        if c == ':' {
            return Some(Split {
                label: clean_label(head),
                meaning: None,
                rest: after.trim().to_string(),
            })
            .filter(|s| plausible_label(&s.label));
        }
    }
    // A known label of two or more words with a bracketed remark and no
    // colon ("For publication [Do not include …]").
    if let Some(open) = text.find(['[', '(']) {
        let head = text.get(..open).unwrap_or("").trim();
        if head.split_whitespace().count() >= 2 && !head.contains('(') {
            if let Some(m) = meaning(head) {
                return Some(Split {
                    label: clean_label(head),
                    meaning: Some(m),
                    rest: text.get(open..).unwrap_or("").trim().to_string(),
                });
            }
        }
    }
    if let Some(m) = meaning(text) {
        return Some(Split {
            label: clean_label(text),
            meaning: Some(m),
            rest: String::new(),
        });
    }
    if bare {
        let lower = text.to_lowercase();
        for b in BARE {
            if let Some(rest) = lower.strip_prefix(b) {
                if rest.starts_with(' ') && rest.trim().len() > 2 {
                    let label = text.get(..b.len()).unwrap_or(b);
                    let value = text.get(b.len()..).unwrap_or("").trim();
                    // "By 2030 we will…" is a sentence, not a label.
                    if value.starts_with(|c: char| c.is_uppercase()) {
                        return Some(Split {
                            label: label.to_string(),
                            meaning: meaning(label),
                            rest: value.to_string(),
                        });
                    }
                }
            }
        }
        if let Some(s) = spaced_label(text) {
            return Some(s);
        }
    }
    None
}

/// A known label and its value one space apart, as a text export prints a
/// cover box's row ("Classification Unrestricted", "Circulated to
/// Cabinet"): the longest known label of one to four words that opens a
/// short line, and a value in a capital (a date's in a figure). Only where the caller
/// reads a front matter (`bare`).
fn spaced_label(text: &str) -> Option<Split> {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() > 14 {
        return None;
    }
    (1..=4.min(words.len().saturating_sub(1)))
        .rev()
        .find_map(|n| {
            let label = words.get(..n)?.join(" ");
            let m = meaning(&label)?;
            // A one-word label only where its value is a word or two of a
            // kind ("Classification Unrestricted"), never one whose value
            // is prose: "Decision Report" is a heading.
            let short_value = matches!(m, Meaning::Status | Meaning::Date);
            if m == Meaning::Recommendations || (n == 1 && !short_value) {
                return None;
            }
            let value = words.get(n..)?.join(" ");
            // A figure opens only a date ("Date 30 January 2025"): "By
            // 2030 we will …" is a sentence.
            let date = m == Meaning::Date;
            value
                .starts_with(|c: char| c.is_uppercase() || (date && c.is_ascii_digit()))
                .then(|| Split {
                    label: clean_label(&label),
                    meaning: Some(m),
                    rest: value,
                })
        })
}

/// Every known label of a line that holds two or more ("DECISION TO BE
/// TAKEN BY: DECISION NO:", "To: Cabinet Date: 13 March 2025"), each with
/// the text up to the next one; empty unless the line starts with a known
/// label and holds another. A later label must start with a capital, so
/// that "Cabinet is asked to:" holds no "to:" label.
pub(crate) fn split_all(text: &str) -> Vec<Split> {
    let text = text.trim();
    // (start, end after the colon, meaning) of each label found.
    let mut found: Vec<(usize, usize, Meaning)> = Vec::new();
    let mut word_starts: Vec<usize> = vec![0];
    let mut prev_space = false;
    for (idx, c) in text.char_indices() {
        if c.is_whitespace() {
            prev_space = true;
        } else {
            if prev_space {
                word_starts.push(idx);
            }
            prev_space = false;
        }
        if c != ':' && c != '?' {
            continue;
        }
        let end = idx + c.len_utf8();
        let after = text.get(end..).unwrap_or("");
        if c == ':'
            && (after.starts_with("//") || after.starts_with(|ch: char| ch.is_ascii_digit()))
        {
            continue;
        }
        let floor = found.last().map_or(0, |f| f.1);
        // The longest known label ending here, at most eight words long.
        // The earliest of the last eight word starts gives the longest.
        let recent = word_starts
            .get(word_starts.len().saturating_sub(8)..)
            .unwrap_or(&[]);
        let best = recent.iter().filter(|s| **s >= floor).find_map(|s| {
            let cand = text.get(*s..end)?;
            let m = meaning(cand)?;
            Some((*s, m))
        });
        if let Some((s, m)) = best {
            let capital = text
                .get(s..)
                .and_then(|t| t.chars().next())
                .is_some_and(char::is_uppercase);
            if s == 0 || capital {
                found.push((s, end, m));
            }
        }
    }
    if found.len() < 2 || found.first().is_some_and(|f| f.0 != 0) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (k, (s, end, m)) in found.iter().enumerate() {
        let stop = found.get(k + 1).map_or(text.len(), |n| n.0);
        out.push(Split {
            label: clean_label(text.get(*s..*end).unwrap_or("")),
            meaning: Some(*m),
            rest: text.get(*end..stop).unwrap_or("").trim().to_string(),
        });
    }
    out
}

/// Shares one line of values ("Cabinet 24/00109") among labels printed side
/// by side above it: a reference number ("24/00109") to the label that asks
/// for a number, one word each when the counts agree, else all to the first.
pub(crate) fn share_values(labels: &[Split], values: &str) -> Vec<String> {
    let mut out = vec![String::new(); labels.len()];
    let words: Vec<&str> = values.split_whitespace().collect();
    if words.is_empty() {
        return out;
    }
    let numbered = labels.iter().position(|l| {
        let k = key(&l.label);
        ["no", "no.", "number", "ref", "reference"]
            .iter()
            .any(|e| k.ends_with(&format!(" {e}")))
    });
    let reference = words.iter().position(|w| {
        w.chars().any(|c| c.is_ascii_digit())
            && w.chars().all(|c| c.is_alphanumeric() || "/-.".contains(c))
    });
    if let (Some(n), Some(r), 2) = (numbered, reference, labels.len()) {
        let rest: Vec<&str> = words
            .iter()
            .enumerate()
            .filter(|(k, _)| *k != r)
            .map(|(_, w)| *w)
            .collect();
        if let Some(slot) = out.get_mut(n) {
            *slot = words.get(r).map_or(String::new(), |w| (*w).to_string());
        }
        if let Some(slot) = out.get_mut(1 - n) {
            *slot = rest.join(" ");
        }
    } else if words.len() == labels.len() {
        for (slot, w) in out.iter_mut().zip(&words) {
            *slot = (*w).to_string();
        }
    } else if let Some(first) = out.first_mut() {
        *first = words.join(" ");
    }
    out
}

/// Whether a line introduces the recommendations without a label of its
/// own: "This report makes the following recommendations to this
/// Committee:", "It is recommended that:", "Cabinet is recommended to:".
pub(crate) fn recommendation_lead_in(text: &str) -> bool {
    let t = normalize(text).to_lowercase();
    // "It is recommended that members:-", as Scottish and Welsh reports
    // print it.
    let t = t.trim_end_matches(['*', ' ', '-', '–']);
    let words = t.split_whitespace().count();
    t.ends_with(':') && (3..=25).contains(&words) && t.contains("recommend")
}

/// Lines that say whether a report is open or exempt, standing alone
/// ("FOR GENERAL RELEASE", "NOT FOR PUBLICATION", "Part I").
const STATUS_MARKERS: &[&str] = &[
    "for general release",
    "not for general release",
    "not for publication",
    "for publication",
    "open",
    "open report",
    "public",
    "public report",
    "exempt",
    "exempt report",
    "confidential",
    "restricted",
    "unrestricted",
    "not restricted",
    "part i",
    "part 1",
    "part ii",
    "part 2",
    "part a",
    "part b",
    "official",
    "official sensitive",
    "official-sensitive",
];

/// Whether a line standing alone is an open/exempt marker.
pub(crate) fn status_marker(text: &str) -> bool {
    STATUS_MARKERS.contains(&key(text).trim_end_matches('.'))
}

/// What a "Purpose of Report" box may answer in one word or two: the kind
/// of item rather than a sentence ("Decision", "For noting").
const PURPOSE_KINDS: &[&str] = &[
    "decision",
    "for decision",
    "noting",
    "for noting",
    "information",
    "for information",
    "discussion",
    "for discussion",
    "consultation",
    "for consultation",
    "comment",
    "for comment",
    "approval",
    "for approval",
    "recommendation",
    "recommendation to council",
    "assurance",
    "for assurance",
];

/// Whether a line is a kind-of-item answer to "Purpose of Report".
pub(crate) fn purpose_kind(text: &str) -> bool {
    PURPOSE_KINDS.contains(&key(text).trim_end_matches('.'))
}

/// A label as printed, trimmed of colons, asterisks and white space.
pub(crate) fn clean_label(label: &str) -> String {
    normalize(label)
        .trim_matches(|c: char| c == ':' || c == '*' || c.is_whitespace())
        .to_string()
}

/// Whether an unknown "X:" prefix looks like a label rather than the start
/// of a sentence: a few words, starting with a capital, no sentence stop.
pub(crate) fn plausible_label(label: &str) -> bool {
    let words = label.split_whitespace().count();
    (1..=12).contains(&words)
        && label.starts_with(|c: char| c.is_uppercase())
        && !label.contains(['.', ';', '('])
}

/// Whether `text` is the first part of a known label split over two lines or
/// cells ("Title of" + "Report:"), and the label `next` completes it.
pub(crate) fn joins(text: &str, next: &str) -> Option<String> {
    let a = key(text);
    if a.is_empty() || meaning(&a).is_some() {
        return None;
    }
    // A line over a label of its own is no first half of it ("CABINET"
    // over "DATE: 28 JANUARY 2025").
    if split(next, false).is_some_and(|n| n.meaning.is_some()) {
        return None;
    }
    let joined = format!("{} {}", text.trim(), next.trim());
    let s = split(&joined, false)?;
    if s.meaning.is_some() && key(&s.label).len() > a.len() {
        Some(joined)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_map_by_meaning() {
        assert_eq!(meaning("Report of:"), Some(Meaning::ReportOf));
        assert_eq!(meaning("FROM"), Some(Meaning::ReportOf));
        assert_eq!(meaning("Title of Report:"), Some(Meaning::Title));
        assert_eq!(meaning("Subject"), Some(Meaning::Title));
        assert_eq!(meaning("Classification:"), Some(Meaning::Status));
        assert_eq!(
            meaning("Executive Summary and Purpose:"),
            Some(Meaning::Purpose)
        );
        assert_eq!(
            meaning("Recommendation(s):"),
            Some(Meaning::Recommendations)
        );
        assert_eq!(
            meaning("Is the decision eligible for call-in?"),
            Some(Meaning::Other)
        );
        assert_eq!(meaning("Introduction"), None);
    }

    #[test]
    fn questions_answered_by_tick_boxes_and_scottish_lead_ins() {
        let s = split("Will the decision be open for call in? ☒ Yes ☐ No", false);
        assert_eq!(
            s.as_ref()
                .map(|s| (s.label.as_str(), s.meaning, s.rest.as_str())),
            Some(("Will the decision be open for call in", None, "☒ Yes ☐ No"))
        );
        // A question in the text, answered by nothing, is no label.
        assert!(split("Why does the fare rise? Costs have grown.", false).is_none());
        assert!(recommendation_lead_in("It is recommended that members:-"));
        assert_eq!(meaning("Brief summary"), Some(Meaning::Purpose));
    }

    #[test]
    fn splits_label_and_value() {
        let s = split("To:  Future Oxfordshire Partnership (FOP):", false).unwrap();
        assert_eq!(
            (s.label.as_str(), s.meaning, s.rest.as_str()),
            (
                "To",
                Some(Meaning::Committee),
                "Future Oxfordshire Partnership (FOP):"
            )
        );
        let s = split("Is the decision eligible for call-in? Yes", false).unwrap();
        assert_eq!((s.meaning, s.rest.as_str()), (Some(Meaning::Other), "Yes"));
        let s = split("Report by Policy and Performance Service Manager", true).unwrap();
        assert_eq!(
            (s.meaning, s.rest.as_str()),
            (
                Some(Meaning::ReportOf),
                "Policy and Performance Service Manager"
            )
        );
        assert!(split("By 2030 we will", true).is_none());
        // A label and its value one space apart, in a front matter.
        let s = split("Classification Unrestricted", true).unwrap();
        assert_eq!(
            (s.meaning, s.rest.as_str()),
            (Some(Meaning::Status), "Unrestricted")
        );
        let s = split("Circulated to Cabinet", true).unwrap();
        assert_eq!(
            (s.meaning, s.rest.as_str()),
            (Some(Meaning::Committee), "Cabinet")
        );
        assert!(split("Decision Report", true).is_none());
        assert!(split("Classification Unrestricted", false).is_none());
        let s = split("Report to the Cabinet", true).unwrap();
        assert_eq!(
            (s.meaning, s.rest.as_str()),
            (Some(Meaning::Committee), "Cabinet")
        );
        assert!(split("The meeting starts at 10:00 today", false).is_none());
        let s = split("How this report contributes to the Vision:", false).unwrap();
        assert_eq!(s.meaning, None);
    }

    #[test]
    fn two_labels_on_one_line() {
        let all = split_all("DECISION TO BE TAKEN BY: DECISION NO: Cabinet 24/00109");
        let got: Vec<(&str, Option<Meaning>, &str)> = all
            .iter()
            .map(|s| (s.label.as_str(), s.meaning, s.rest.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("DECISION TO BE TAKEN BY", Some(Meaning::Committee), ""),
                ("DECISION NO", Some(Meaning::Other), "Cabinet 24/00109"),
            ]
        );
        assert_eq!(
            share_values(&all, "24/00096 Cabinet"),
            vec!["Cabinet", "24/00096"]
        );
        let all = split_all("To: County Council Date: 13 March 2025");
        assert_eq!(all.len(), 2);
        assert_eq!(all[1].rest, "13 March 2025");
        assert!(split_all("Decision: Cabinet is asked to:").is_empty());
        assert!(split_all("Key decision: Yes").is_empty());
        assert!(split_all("The meeting: see Date: here").is_empty());
        assert_eq!(
            meaning("Subject Matter / Title of Decision:"),
            Some(Meaning::Title)
        );
    }

    #[test]
    fn label_split_over_two_lines() {
        assert_eq!(
            joins("Title of", "Report:").as_deref(),
            Some("Title of Report:")
        );
        assert_eq!(joins("To:", "Council"), None);
    }
}
