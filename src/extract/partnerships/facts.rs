//! The label/value facts of a partnership profile, and the typed values
//! read from them.
//!
//! Facts come as two-column table rows (docx, pdf) or as lines that start
//! with the label ("Date of completion  1 September 2018", txt). Typed
//! fields hold the value proper: remarks printed after it ("The previous
//! Chairman was …", "Previously …") stay in the verbatim `fields` only.

use std::sync::LazyLock;

use regex::Regex;

use crate::report::{DateValue, Field};
use crate::text::parse_date;

/// What a profile label means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Fact {
    Name,
    Completed,
    ChairAndVice,
    Chair,
    ViceChair,
    LeadMember,
    LeadOfficer,
    LastMeeting,
    NextMeeting,
    Website,
}

static LABEL: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(?:
            (?P<name>board\s+name|partnership\s+name|name\s+of\s+(?:the\s+)?(?:board|partnership|group)|committee\s+name)
          | (?P<completed>date\s+(?:of\s+)?complet(?:ion|ed)|date\s+completed)
          | (?P<both>chair(?:man|person)?\s*/\s*vice[\s-]*chair(?:man|person)?)
          | (?P<vice>vice[\s-]*chair(?:man|person)?)
          | (?P<chair>chair(?:man|person)?)
          | (?P<member>(?:[A-Z]{2,6}\s+)?lead\s+member)
          | (?P<officer>(?:[A-Z]{2,6}\s+)?lead\s+officer)
          | (?P<last>last\s+meeting(?:\s+date)?|date\s+of\s+last\s+meeting)
          | (?P<next>next\s+meeting(?:\s+date)?|date\s+of\s+next\s+meeting)
          | (?P<web>website(?:\s+address)?|web\s+address)
        )\s*:?(?:\s+|$)",
    )
    .ok()
});

/// Reads a profile label at the start of `text`: its meaning, the label as
/// printed, and the rest of the text (the value on a txt line).
pub(crate) fn parse_label(text: &str) -> Option<(Fact, String, String)> {
    let re = LABEL.as_ref()?;
    let caps = re.captures(text)?;
    let whole = caps.get(0)?;
    let fact = [
        ("name", Fact::Name),
        ("completed", Fact::Completed),
        ("both", Fact::ChairAndVice),
        ("vice", Fact::ViceChair),
        ("chair", Fact::Chair),
        ("member", Fact::LeadMember),
        ("officer", Fact::LeadOfficer),
        ("last", Fact::LastMeeting),
        ("next", Fact::NextMeeting),
        ("web", Fact::Website),
    ]
    .into_iter()
    .find(|(g, _)| caps.name(g).is_some())
    .map(|(_, f)| f)?;
    // The upper-case prefix of "OCC Lead Member" must really be upper case.
    if matches!(fact, Fact::LeadMember | Fact::LeadOfficer) {
        let first = whole.as_str().split_whitespace().next().unwrap_or("");
        if !first.eq_ignore_ascii_case("lead") && first.chars().any(char::is_lowercase) {
            return None;
        }
    }
    let label = whole
        .as_str()
        .trim()
        .trim_end_matches(':')
        .trim()
        .to_string();
    let rest = text.get(whole.end()..).unwrap_or("").trim().to_string();
    Some((fact, label, rest))
}

/// The typed values of a profile, filled from its facts.
#[derive(Debug, Default)]
pub(crate) struct Typed {
    pub name: Option<String>,
    pub chair: Option<String>,
    pub vice_chair: Option<String>,
    pub lead_member: Option<String>,
    pub lead_officer: Option<String>,
    pub completed: Option<DateValue>,
    pub last_meeting: Option<String>,
    pub next_meeting: Option<String>,
    pub website: Option<String>,
}

impl Typed {
    /// Reads every known fact of `fields`.
    pub(crate) fn from_fields(fields: &[Field]) -> Typed {
        let mut t = Typed::default();
        for f in fields {
            let Some((fact, _, _)) = parse_label(&f.label) else {
                continue;
            };
            let value = f.value.trim();
            match fact {
                Fact::Name => t.name = non_empty(value.replace('\n', " ").trim()),
                Fact::Completed => {
                    t.completed = non_empty(value).map(|v| DateValue {
                        iso: parse_date(&v),
                        text: v,
                    })
                }
                Fact::ChairAndVice => {
                    let mut parts = value.splitn(2, '/');
                    t.chair = parts.next().and_then(person);
                    t.vice_chair = parts.next().and_then(person);
                }
                Fact::Chair => t.chair = person(value),
                Fact::ViceChair => t.vice_chair = person(value),
                Fact::LeadMember => t.lead_member = person(value),
                Fact::LeadOfficer => t.lead_officer = person(value),
                Fact::LastMeeting => t.last_meeting = not_applicable(value),
                Fact::NextMeeting => t.next_meeting = not_applicable(value),
                Fact::Website => t.website = website(value),
            }
        }
        t
    }
}

fn non_empty(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

fn not_applicable(s: &str) -> Option<String> {
    let s = s.replace('\n', " ");
    let t = s.trim();
    let lower = t.to_lowercase();
    if matches!(lower.as_str(), "n/a" | "na" | "none" | "-" | "tbc" | "") {
        return None;
    }
    Some(t.to_string())
}

static REMARK: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?:^|[.;,]?\s+)(?:The\s+previous|Previously|Formerly|Until\s|Prior\s+to|Replacing|Replaced)\b")
        .ok()
});

static NOW: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"\s[–—-]\s*now\s+(?:is\s+)?").ok());

/// A person's value without remarks: "Councillor A (Cherwell DC) The
/// previous Chairman was …" → "Councillor A (Cherwell DC)"; "Cabinet Member
/// for Public Health – now Cllr B. Previously Cllr C" → "Cllr B".
pub(crate) fn person(value: &str) -> Option<String> {
    let v = value.replace('\n', " ");
    let mut v = v.trim();
    if let Some(m) = REMARK.as_ref().and_then(|re| re.find(v)) {
        if m.start() > 0 {
            v = v.get(..m.start()).unwrap_or(v);
        }
    }
    if let Some(m) = NOW.as_ref().and_then(|re| re.find(v)) {
        v = v.get(m.end()..).unwrap_or(v);
    }
    let v = v.trim().trim_end_matches(['.', ',', ';']).trim();
    not_applicable(v)
}

static URL: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:https?://[^\s()<>]+|www\.[^\s()<>]+|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:gov\.uk|org\.uk|co\.uk|nhs\.uk|ac\.uk|org|com|net)(?:/[^\s()<>]*)?)")
        .ok()
});

/// The address only: the first URL-like token, `None` for "n/a".
pub(crate) fn website(value: &str) -> Option<String> {
    // An address a cell wrapped after "/" or "-" continues on the next line.
    let value = value
        .replace("/\n", "/")
        .replace("-\n", "-")
        .replace("/ ", "/");
    let m = URL.as_ref()?.find(&value)?;
    Some(m.as_str().trim_end_matches(['.', ',', ';']).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
        let (f, label, rest) = parse_label("Date of completion 1 September 2018").unwrap();
        assert_eq!(
            (f, label.as_str(), rest.as_str()),
            (Fact::Completed, "Date of completion", "1 September 2018")
        );
        assert_eq!(
            parse_label("Chairman/ Vice Chairman").unwrap().0,
            Fact::ChairAndVice
        );
        assert_eq!(parse_label("OCC Lead Member").unwrap().0, Fact::LeadMember);
        assert_eq!(parse_label("Website Address").unwrap().0, Fact::Website);
        assert_eq!(
            parse_label("Board Name Health Improvement Board")
                .unwrap()
                .2,
            "Health Improvement Board"
        );
        assert!(parse_label("Chairmanship of the partnership rotates").is_none());
        assert!(parse_label("The Chairman said").is_none());
    }

    #[test]
    fn values_proper() {
        assert_eq!(
            person("Councillor Andrew McHugh (Cherwell DC) The previous Chairman was Councillor Anna Badcock").as_deref(),
            Some("Councillor Andrew McHugh (Cherwell DC)")
        );
        assert_eq!(
            person("Cabinet Member for Public Health – now Cllr Lawrie Stratford. Previously Cllr Hilary Hibbert-Biles").as_deref(),
            Some("Cllr Lawrie Stratford")
        );
        assert_eq!(person("n/a"), None);
        assert_eq!(
            website("www.oscb.org.uk (OSCB Annual report is on this site)").as_deref(),
            Some("www.oscb.org.uk")
        );
        assert_eq!(website("N/A"), None);
        assert_eq!(
            website("https://www.example.gov.uk/cms/content/\nstronger-communities").as_deref(),
            Some("https://www.example.gov.uk/cms/content/stronger-communities")
        );
        assert_eq!(
            website("https://www.oxfordshire.gov.uk/cms/content/safer-oxfordshire-partnership")
                .as_deref(),
            Some("https://www.oxfordshire.gov.uk/cms/content/safer-oxfordshire-partnership")
        );
    }
}
