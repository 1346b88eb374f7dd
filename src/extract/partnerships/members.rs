//! Membership lists: a table of people (name, role or organisation) under
//! a heading that speaks of members ("Appendix 1: Oxford Strategic
//! Partnership Membership – March 2023").

use std::sync::LazyLock;

use regex::Regex;

use crate::document::BlockKind;
use crate::extract::sections::Outline;
use crate::report::{Member, Partnership};
use crate::Document;

/// Every membership list of `doc`, as partnerships with members.
pub(crate) fn extract(doc: &Document, outline: &Outline) -> Vec<Partnership> {
    let mut out = Vec::new();
    for (i, b) in doc.blocks.iter().enumerate() {
        let BlockKind::Table(t) = &b.kind else {
            continue;
        };
        let Some(heading) = outline.heading_at(i) else {
            continue;
        };
        if !heading.to_lowercase().contains("member") {
            continue;
        }
        let grid = t.grid();
        let mut members = Vec::new();
        let mut rows = 0;
        for row in &grid {
            let mut cells = row.iter().map(|c| c.trim()).filter(|c| !c.is_empty());
            let Some(first) = cells.next() else { continue };
            rows += 1;
            let rest: Vec<&str> = cells.collect();
            if let Some(m) = member(first, &rest) {
                members.push(m);
            }
        }
        // Most rows must be people, or this is some other table.
        if members.len() < 3 || members.len() * 10 < rows * 7 {
            continue;
        }
        out.push(Partnership {
            name: body_name(&heading),
            chair: None,
            vice_chair: None,
            lead_member: None,
            lead_officer: None,
            completed: None,
            last_meeting: None,
            next_meeting: None,
            website: None,
            fields: Vec::new(),
            sections: Vec::new(),
            members,
            loc: b.loc,
        });
    }
    out
}

static CHAIR_NOTE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\s*\((?:chair|chairman|chairperson|chair of the partnership)\)").ok()
});

/// A member from a row: the person (a "(Chair)" note flags the chair) and
/// the rest of the row as the role.
fn member(name: &str, rest: &[&str]) -> Option<Member> {
    let name = name.replace('\n', " ");
    let (name, is_chair) = match CHAIR_NOTE.as_ref().and_then(|re| re.find(&name)) {
        Some(m) => {
            let mut n = name.clone();
            n.replace_range(m.range(), "");
            (n.trim().to_string(), true)
        }
        None => (name.trim().to_string(), false),
    };
    if !is_person(&name) {
        return None;
    }
    let role = rest.join(", ").replace('\n', " ");
    let role_is_chair = role.trim().eq_ignore_ascii_case("chair");
    Some(Member {
        name,
        role: (!role.trim().is_empty()).then(|| role.trim().to_string()),
        is_chair: is_chair || role_is_chair,
    })
}

/// A person's name: two to six capitalised words, no digits.
fn is_person(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    (2..=6).contains(&words.len())
        && !name.chars().any(|c| c.is_ascii_digit())
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase()))
}

static PREFIX: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:appendix|annex|annexe|schedule)\s+[0-9A-Z]+\s*[:.–—-]?\s*").ok()
});

/// The body's name from a heading: "Appendix 1: Oxford Strategic
/// Partnership Membership – March 2023" → "Oxford Strategic Partnership".
pub(crate) fn body_name(heading: &str) -> String {
    let mut name = heading.trim().to_string();
    if let Some(m) = PREFIX.as_ref().and_then(|re| re.find(&name)) {
        name = name.get(m.end()..).unwrap_or("").to_string();
    }
    // A trailing date ("– March 2023").
    for sep in [" – ", " — ", " - ", ", "] {
        if let Some(pos) = name.rfind(sep) {
            let tail = name.get(pos + sep.len()..).unwrap_or("");
            if crate::text::parse_date(tail).is_some() && tail.split_whitespace().count() <= 4 {
                name.truncate(pos);
            }
        }
    }
    for word in [
        " Membership",
        " Members",
        " membership",
        " members",
        " Member List",
    ] {
        if let Some(stripped) = name.strip_suffix(word) {
            name = stripped.to_string();
        }
    }
    if let Some(stripped) = name.strip_prefix("Membership of ") {
        name = stripped.to_string();
    }
    name.trim().to_string()
}
