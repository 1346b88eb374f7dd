//! People named as author, director or contact: "Report author" table rows
//! (with Job title / Telephone / e-mail rows under them), "Report Author:
//! Name- Job" lines, "Contact Officer: Name (email)" lines, and blocks headed
//! "Report Author(s)", "Relevant Director", "Lead Director(s)", "Contact
//! details" — also two such blocks set side by side in columns. Then
//! `anchors` checks every e-mail address and telephone number: one in no
//! contact yet gives a person where a name stands by it, else a warning.

mod anchors;

use crate::document::Loc;
use std::sync::LazyLock;

use regex::Regex;

use super::metadata::units::{units, Shape, Unit};
use crate::document::Warning;
use crate::report::Contact;
use crate::text::normalize;
use crate::Document;

static EMAIL: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\b[a-z0-9][a-z0-9._%+'-]*@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\b").ok()
});

static PHONE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    // "01632 960884", "0131 496 0247", "+44 (0)1632 960884", and the
    // area code in brackets: "(01632) 960884".
    Regex::new(r"(?:\+\s?44\s?\(?0?\)?\s?|\(0|\b0)\d(?:\)?[\s-]?\d){8,10}\b").ok()
});

/// A role label at the start of a line, with the rest of the line.
static ROLE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(lead\s+officer\s+and\s+report\s+author|(?:report\s+)?authors?(?:\(s\))?\s+and\s+contact\s+details|(?:report\s+)?authors?(?:\(s\))?|(?:relevant|lead|responsible)\s+(?:corporate\s+|executive\s+)?directors?(?:\(s\))?|corporate\s+directors?(?:\(s\))?|contact\s+officers?(?:\(s\))?|contact\s+details|contact\s+information|(?:for\s+)?further\s+information(?:\s+(?:please\s+)?contact)?|enquiries\s+to|officer\s+contact|contact\s+for\s+enquiries|contact\s+name|(?:senior\s+)?responsible\s+officers?|contact|lead\s+officers?|report\s+contact|background\s+contact)\s*(?:[:\-–]\s*|\s+|$)(.*)$",
    )
    .ok()
});

/// Labels of the attribute rows under a person in a table.
fn attribute(label: &str) -> Option<&'static str> {
    let k = label
        .to_lowercase()
        .replace('’', "'")
        .trim_end_matches([':', ' ', '.'])
        .to_string();
    // "Author Name", "Author's Job Title", "Officer's telephone": the
    // person's details, named after whose they are.
    let k = [
        "report author's ",
        "author's ",
        "authors ",
        "author ",
        "officer's ",
        "officer ",
    ]
    .iter()
    .find_map(|p| k.strip_prefix(p))
    .filter(|rest| !rest.is_empty())
    .map_or(k.as_str(), |rest| rest);
    match k {
        "name" | "contact name" | "officer" => Some("name"),
        "job title" | "title" | "position" | "role" | "designation" | "post" => Some("job"),
        "telephone" | "tel" | "tel no" | "phone" | "telephone number" | "tel number"
        | "direct line" | "mobile" | "direct dial" => Some("phone"),
        "e-mail" | "email" | "email address" | "e-mail address" | "mail" => Some("email"),
        "service area or department"
        | "service area"
        | "department"
        | "directorate"
        | "address"
        | "postal address"
        | "office address" => Some("skip"),
        _ => None,
    }
}

/// Words that print labels inside a contact block rather than values.
const NOISE: &[&str] = &[
    "telephone no",
    "phone no",
    "mobile no",
    "contact no",
    "tel. no",
    "telephone number",
    "contact number",
    "phone number",
    "tel. number",
    "tel number",
    "telephone",
    "tel no",
    "tel",
    "phone",
    "mobile",
    "email address",
    "e-mail address",
    "e-mail",
    "email",
];

/// Attribute labels printed in front of a value inside a contact block
/// ("Name: Sam Okafor", "Job title: Energy Projects Officer").
static ATTRIBUTE_LABEL: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:^|\s)(?:(?:report\s+)?authors?(?:'s|’s)?\s+|officer(?:'s|’s)?\s+)?(?:contact\s+name|name|job\s+title|title|position|designation|post|role)\s*:",
    )
    .ok()
});

/// An address in a contact block ("Address: Bankhead Central, Glenrothes")
/// up to the next detail label, and an extension after a telephone number
/// ("+ VOIP Number 444 178", "ext. 8285"): neither names the person's job.
static ADDRESS_OR_EXTENSION: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:postal\s+|office\s+)?address\s*:.*?(\b(?:e-?mail|tel(?:ephone)?|phone|mobile)\b|$)|\+?\s*\b(?:voip(?:\s+number)?|ext(?:ension)?\.?)\s*:?\s*\d[\d ]*",
    )
    .ok()
});

static NOISE_RE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    let alternatives: Vec<String> = NOISE.iter().map(|n| regex::escape(n)).collect();
    Regex::new(&format!(r"(?i)\b(?:{})\b", alternatives.join("|"))).ok()
});

/// A role found at the start of a unit.
fn role_of(text: &str) -> Option<(String, String)> {
    let caps = ROLE.as_ref()?.captures(text.trim())?;
    let role = caps.get(1)?.as_str().trim().to_string();
    let rest = caps.get(2).map_or("", |m| m.as_str()).trim().to_string();
    // "Contact the team on…" is a sentence.
    let sep_ok = text.trim().len() == role.len()
        || text
            .trim()
            .get(role.len()..)
            .is_some_and(|t| t.trim_start().starts_with([':', '-', '–']))
        || (!rest.is_empty()
            && rest.chars().next().is_some_and(char::is_uppercase)
            && !role.eq_ignore_ascii_case("contact"));
    sep_ok.then_some((role, rest))
}

/// The role labels in `text` with where they start ("Report Author: Paul
/// Staines Contact information:" holds two; "Report Author: Relevant
/// Director:" is two columns read across).
fn roles_in(text: &str) -> Vec<(usize, String)> {
    let Some(re) = ROLE.as_ref() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut starts = vec![0usize];
    starts.extend(text.match_indices(' ').map(|(i, _)| i + 1));
    let mut skip_to = 0usize;
    for s in starts {
        if s < skip_to {
            continue;
        }
        let tail = text.get(s..).unwrap_or("");
        if let Some(c) = re.captures(tail) {
            let role = c.get(1).map_or("", |m| m.as_str());
            let after = tail.get(role.len()..).unwrap_or("");
            let labelled = after.trim_start().starts_with(':')
                || after.trim().is_empty()
                || role_of(after.trim()).is_some();
            // A role right after another one ("Report Author Relevant
            // Director Joe McKay…") is the next column's header.
            let adjacent = !out.is_empty()
                && text
                    .get(skip_to..s)
                    .is_some_and(|g| g.trim_matches([' ', ':']).is_empty());
            if (labelled || adjacent) && (s == 0 || role.split_whitespace().count() >= 2) {
                out.push((s, role.trim().to_string()));
                skip_to = s + role.len();
            }
        }
    }
    out
}

/// Splits a line at the role labels it holds: (role, rest of its segment).
fn segments(text: &str) -> Vec<(String, String)> {
    let roles = roles_in(text);
    let mut out = Vec::new();
    for (k, (start, role)) in roles.iter().enumerate() {
        let end = roles.get(k + 1).map_or(text.len(), |r| r.0);
        let seg = text.get(start + role.len()..end).unwrap_or("");
        let rest = seg
            .trim()
            .trim_start_matches([':', '-', '–'])
            .trim()
            .to_string();
        out.push((role.clone(), rest));
    }
    out
}

/// A value after an e-mail label, with the spaces a PDF's text may set
/// inside the address ("Email:esther.jon es1@southwark.gov.uk").
static LABELLED_EMAIL: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\be-?mail\s*:\s*((?:[a-z0-9._%+'-]+ ){1,2}[a-z0-9._%+'-]*@\S+)").ok()
});

fn emails(text: &str) -> Vec<String> {
    // The cheap test first: most lines hold no address.
    let Some(re) = EMAIL.as_ref().filter(|_| text.contains('@')) else {
        return Vec::new();
    };
    let mut out: Vec<String> = re.find_iter(text).map(|m| m.as_str().to_string()).collect();
    // The label says its whole value is one address: close the gaps, where
    // that gives one.
    for c in LABELLED_EMAIL.iter().flat_map(|l| l.captures_iter(text)) {
        let Some(value) = c.get(1) else { continue };
        let joined: String = value.as_str().split_whitespace().collect();
        let whole = re.find(&joined).filter(|m| m.start() == 0);
        if let Some(m) = whole {
            let split_tail = value.as_str().split_whitespace().last().unwrap_or("");
            out.retain(|e| !split_tail.starts_with(e.as_str()));
            out.insert(0, m.as_str().to_string());
        }
    }
    out
}

fn phones(text: &str) -> Vec<String> {
    PHONE
        .as_ref()
        .map(|re| {
            re.find_iter(text)
                .map(|m| {
                    // "(01632 960123)": the whole number in brackets, not
                    // its area code.
                    let t = m.as_str().trim();
                    let open = t.starts_with('(') && !t.contains(')');
                    t.strip_prefix('(')
                        .filter(|_| open)
                        .unwrap_or(t)
                        .to_string()
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Removes e-mail addresses, phone numbers, their labels and empty brackets.
fn strip_details(text: &str) -> String {
    let had_details = !emails(text).is_empty() || !phones(text).is_empty();
    let mut s = text.to_string();
    // An address with gaps goes whole, with its label.
    if let Some(re) = LABELLED_EMAIL.as_ref() {
        s = re.replace_all(&s, " ").into_owned();
    }
    for e in emails(text) {
        s = s.replace(&e, " ");
    }
    for p in phones(text) {
        s = s.replace(&p, " ");
    }
    if let Some(re) = ADDRESS_OR_EXTENSION.as_ref() {
        s = re.replace_all(&s, " $1").into_owned();
    }
    // Case-insensitive whole-word removal by regex: byte positions found in
    // a lower-cased copy need not fall on the original's char boundaries.
    if let Some(re) = NOISE_RE.as_ref() {
        s = re.replace_all(&s, " ").into_owned();
    }
    if let Some(re) = ATTRIBUTE_LABEL.as_ref() {
        s = re.replace_all(&s, " ").into_owned();
    }
    let s = s.replace("()", " ").replace("( )", " ");
    // The labels' leftovers ("Head of Contracts. Tel: … Email: …" leaves
    // "Head of Contracts. : ."; "Name / Tel. No. … / Email: …" leaves "/ . /
    // :"): tokens of punctuation alone go, and so does a full stop that ended
    // the sentence before a label.
    let s: Vec<&str> = s
        .split_whitespace()
        .filter(|w| {
            !w.chars()
                .all(|c| matches!(c, '.' | ':' | ';' | ',' | '/' | '|'))
        })
        .collect();
    // The words that led up to a telephone number or an address taken
    // out ("Licensing Manager, on 01632 960123 or by email at …" leaves
    // "Licensing Manager, on or by at").
    const LEAD_UP: &[&str] = &["on", "or", "by", "at", "via", "call", "ring", "contact"];
    let mut s = s;
    while had_details
        && s.len() > 1
        && s.last().is_some_and(|w| {
            LEAD_UP.contains(&w.trim_end_matches([',', '.']).to_lowercase().as_str())
        })
    {
        s.pop();
    }
    let s = s.join(" ");
    let s = s.trim_end_matches('.');
    normalize(s)
        .trim_matches(|c: char| {
            c == ','
                || c == ':'
                || c == ';'
                || c == '-'
                || c == '–'
                || c == '|'
                || c.is_whitespace()
        })
        .to_string()
}

const HONORIFICS: &[&str] = &[
    "dr",
    "mr",
    "mrs",
    "ms",
    "miss",
    "cllr",
    "councillor",
    "prof",
    "professor",
    "sir",
    "dame",
];

/// Whether a word is an honorific ("Mrs", "Cllr", "Dr.").
fn is_honorific(w: &str) -> bool {
    HONORIFICS.contains(&w.to_lowercase().trim_end_matches('.'))
}

fn looks_like_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (2..=5).contains(&words.len())
        && words
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()) || is_honorific(w))
        && !s.contains(|c: char| c.is_ascii_digit())
}

/// Splits "Name- Job", "Name (Job)", "Name, Job"; with an e-mail address,
/// the name is the words up to the one that matches its local part.
fn name_and_job(text: &str, email: Option<&str>) -> (Option<String>, Option<String>) {
    let t = text.trim();
    if t.is_empty() {
        return (None, None);
    }
    if let Some(found) = email.and_then(|e| by_email(t, e)) {
        return found;
    }
    if let (Some(open), true) = (t.find('('), t.ends_with(')')) {
        let name = t.get(..open).unwrap_or("").trim();
        let job = t.get(open + 1..t.len() - 1).unwrap_or("").trim();
        if looks_like_name(name) && !job.is_empty() {
            return (Some(name.to_string()), Some(job.to_string()));
        }
    }
    for sep in ["- ", " – ", " — ", " - ", ", "] {
        if let Some(pos) = t.find(sep) {
            let name = t.get(..pos).unwrap_or("").trim();
            let job = t.get(pos + sep.len()..).unwrap_or("").trim();
            if looks_like_name(name) && !job.is_empty() {
                return (Some(name.to_string()), Some(job.to_string()));
            }
        }
    }
    if let Some(email) = email {
        let local = email.split('@').next().unwrap_or("").to_lowercase();
        let parts: Vec<&str> = local
            .split(['.', '_', '-'])
            .filter(|p| p.len() > 1)
            .collect();
        let words: Vec<&str> = t.split_whitespace().collect();
        if let Some(last) = parts.last() {
            if let Some(idx) = words.iter().position(|w| {
                w.to_lowercase()
                    .trim_matches(|c: char| !c.is_alphanumeric())
                    == *last
            }) {
                let name = words.get(..=idx).unwrap_or(&[]).join(" ");
                let job = words.get(idx + 1..).unwrap_or(&[]).join(" ");
                if looks_like_name(&name) {
                    return (Some(name), (!job.is_empty()).then_some(job));
                }
            }
        }
    }
    if looks_like_name(t) {
        return (Some(t.to_string()), None);
    }
    (None, Some(t.to_string()))
}

/// The name as the words up to the one matching the e-mail address's last
/// local part (or its first letters, for a misspelt address); the job title
/// is what follows, without separators or brackets.
fn by_email(t: &str, email: &str) -> Option<(Option<String>, Option<String>)> {
    let local = email.split('@').next()?.to_lowercase();
    let parts: Vec<&str> = local.split(['.', '_']).filter(|p| p.len() > 1).collect();
    let last = parts.last()?.trim_end_matches(|c: char| c.is_ascii_digit());
    if last.len() < 3 {
        return None;
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    let stem: String = last.chars().take(4).collect();
    let is_surname = |w: &&str| {
        let w = w.to_lowercase();
        let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
        w == last || (w.len() >= 4 && w.starts_with(&stem))
    };
    // The first name: the word matching the address's first part, else
    // the word before the surname (with an honorific before it).
    let first = parts.first().copied().unwrap_or("");
    let first_name_before = |idx: usize| {
        (0..idx).rev().take(3).find(|k| {
            words.get(*k).is_some_and(|w| {
                let w = w.to_lowercase();
                w.len() >= 2 && first.len() >= 2 && (first.starts_with(&w) || w.starts_with(first))
            })
        })
    };
    // The surname where the first name stands before it: a job title can
    // hold the same word ("Head of Finance Operations Cath Head").
    let candidates: Vec<usize> = (0..words.len().min(8))
        .filter(|k| words.get(*k).is_some_and(is_surname))
        .collect();
    let idx = candidates
        .iter()
        .copied()
        .find(|k| first_name_before(*k).is_some())
        .or_else(|| candidates.first().copied())?;
    let start = first_name_before(idx).unwrap_or_else(|| idx.saturating_sub(1));
    let start = if start > 0 && words.get(start - 1).is_some_and(|w| is_honorific(w)) {
        start - 1
    } else {
        start
    };
    let name = words.get(start..=idx)?.join(" ");
    let name = name.trim_end_matches([',', '-', '–']).to_string();
    if !looks_like_name(&name) {
        return None;
    }
    let before = words.get(..start)?.join(" ");
    let after = words.get(idx + 1..)?.join(" ");
    let job = format!("{before} {after}");
    let job = job.trim_start_matches(['-', '–', ',', '(', ' ']).trim_end();
    // "Name (Job)" loses its brackets; "Manager (Network Operations)"
    // keeps the one it opened.
    let opened = job.matches('(').count() >= job.matches(')').count();
    let job = if opened {
        job
    } else {
        job.strip_suffix(')').unwrap_or(job).trim_end()
    };
    let job = job.to_string();
    Some((Some(name), (!job.is_empty()).then_some(job)))
}

/// Splits the lines of a block into one person's each where two people run
/// together on one line: at the "and" between them (see [`split_at_and`])
/// and after each e-mail address that more text follows.
fn split_people(lines: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    let lines = lines
        .iter()
        .flat_map(|l| split_at_and(l))
        .flat_map(|l| split_second_person(&l));
    for line in lines {
        let line = &line;
        let mut start = 0usize;
        if let Some(re) = EMAIL.as_ref() {
            for m in re.find_iter(line) {
                let rest = line.get(m.end()..).unwrap_or("").trim();
                if !rest.is_empty() && rest.starts_with(|c: char| c.is_alphabetic()) {
                    out.push(line.get(start..m.end()).unwrap_or("").trim().to_string());
                    start = m.end();
                }
            }
        }
        let tail = line.get(start..).unwrap_or("").trim();
        if !tail.is_empty() {
            out.push(tail.to_string());
        }
    }
    out
}

/// Splits a line where a second "Name, Job title" follows a first, as a
/// text export runs a cell's two lines together ("Kamil Dolebski,
/// Specialist Planning Lawyer Beverley Olamijulo, Constitutional Officer"):
/// at the last word from which the rest opens with a name and its comma.
fn split_second_person(line: &str) -> Vec<String> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let first_comma = words.iter().position(|w| w.ends_with(','));
    let split = first_comma.and_then(|c| {
        (c + 2..words.len().saturating_sub(1))
            .rev()
            .find(|&k| names_first(&words.get(k..).unwrap_or_default().join(" ")))
    });
    match split {
        Some(k) => vec![
            words.get(..k).unwrap_or_default().join(" "),
            words.get(k..).unwrap_or_default().join(" "),
        ],
        None => vec![line.to_string()],
    }
}

/// Splits a line naming two people, each with their details, at the
/// "and" between them ("Jane Smith, Policy Officer (01632 960123) and Tom
/// Jones, Finance Manager (01632 960456)").
fn split_at_and(line: &str) -> Vec<String> {
    let has_details = |t: &str| !phones(t).is_empty() || !emails(t).is_empty();
    let mut out = Vec::new();
    let mut rest = line;
    let mut from = 0usize;
    while let Some(at) = rest
        .get(from..)
        .and_then(|t| t.find(" and "))
        .map(|k| k + from)
    {
        let (head, tail) = (
            rest.get(..at).unwrap_or(""),
            rest.get(at + 5..).unwrap_or(""),
        );
        // The details end right before the "and": "… (01632 960123) and".
        let last = head.split_whitespace().last().unwrap_or("");
        let details_end = last.contains('@')
            || last
                .trim_end_matches([')', ',', ';', '.'])
                .ends_with(|c: char| c.is_ascii_digit());
        if details_end
            && has_details(head)
            && has_details(tail)
            && tail.starts_with(char::is_uppercase)
        {
            out.push(head.trim().to_string());
            rest = tail;
            from = 0;
        } else {
            // "Director of Finance and Resources (…) and …": a later "and".
            from = at + 5;
        }
    }
    out.push(rest.trim().to_string());
    out
}

/// Whether a line is a date and nothing more ("8 March 2024").
fn date_only(line: &str) -> bool {
    line.split_whitespace().count() <= 4 && crate::text::parse_date(line).is_some()
}

/// Builds the people of one role from the lines of its block. A new person
/// starts at a name-like line once the one before has contact details.
fn people(role: &str, lines: &[String]) -> Vec<Contact> {
    let mut out: Vec<Contact> = Vec::new();
    let mut cur: Option<Contact> = None;
    let mut has_details = false;
    let mut role = role.to_string();
    let lines = split_people(lines);
    for line in lines.iter().filter(|l| !date_only(l)) {
        // A heading run onto the last address ("…@x.gov.uk LOCAL MEMBERS")
        // ends the block.
        if ends_block(line) {
            break;
        }
        // A role header inside the block ("Corporate Directors" under the
        // lead directors of a column) starts the people of that role.
        let mut line = line.as_str();
        if let Some((r, rest)) = role_header(line) {
            out.extend(cur.take());
            has_details = false;
            role = r;
            if rest.is_empty() {
                continue;
            }
            line = line.get(line.len() - rest.len()..).unwrap_or(line);
        }
        let es = emails(line);
        let ps = phones(line);
        let rest = strip_details(line);
        // After a person's details, a line opening with a name starts the
        // next person; so does a line that carries its own address and the
        // name it spells ("David Whittle Director of … David.Whittle@…").
        let own_address = es
            .first()
            .and_then(|e| by_email(&rest, e))
            .is_some_and(|(n, _)| n.is_some());
        // So does a second "Name, Job title" line under a person who has a
        // job title already ("Kamil Dolebski, Specialist Planning Lawyer" /
        // "Beverley Olamijulo, Constitutional Officer" in one cell).
        let next_in_cell =
            cur.as_ref().is_some_and(|c| c.job_title.is_some()) && names_first(&rest);
        let starts_person = !rest.is_empty()
            && (cur.is_none()
                || next_in_cell
                || (has_details
                    && (looks_like_name(rest.split(',').next().unwrap_or(&rest)) || own_address)));
        if starts_person {
            if let Some(c) = cur.take() {
                out.push(c);
            }
            let (name, job) = name_and_job(&rest, es.first().map(String::as_str));
            cur = Some(Contact {
                loc: Loc::default(),
                role: role.clone(),
                name,
                job_title: job,
                email: None,
                telephone: None,
            });
            has_details = false;
        } else if !rest.is_empty() {
            if let Some(c) = cur.as_mut() {
                // After the person's telephone or e-mail, a line that names
                // no job is no job title (the report's title under "Report
                // author: … / Tel: …").
                let job_like = rest.split_whitespace().any(|w| {
                    JOB_WORDS.contains(
                        &w.trim_matches(|c: char| !c.is_alphabetic())
                            .to_lowercase()
                            .as_str(),
                    )
                });
                match &mut c.job_title {
                    None if !has_details || job_like => c.job_title = Some(rest.clone()),
                    Some(j) if !has_details => {
                        j.push(' ');
                        j.push_str(&rest);
                    }
                    _ => {}
                }
            }
        }
        if let Some(c) = cur.as_mut() {
            if c.email.is_none() {
                c.email = es.first().cloned();
            }
            if c.telephone.is_none() {
                c.telephone = ps.first().cloned();
            }
            if !es.is_empty() || !ps.is_empty() {
                has_details = true;
            }
        } else if !es.is_empty() || !ps.is_empty() {
            cur = Some(Contact {
                loc: Loc::default(),
                role: role.clone(),
                name: None,
                job_title: None,
                email: es.first().cloned(),
                telephone: ps.first().cloned(),
            });
            has_details = true;
        }
    }
    out.extend(cur);
    out
}

/// Whether `text` is a contact role label standing alone ("Relevant
/// Director", "Report Author:"), which a reader may set as a heading.
pub(crate) fn is_role_label(text: &str) -> bool {
    role_of(text).is_some_and(|(_, rest)| rest.is_empty())
}

/// A line that heads the people of a role: the role alone ("Lead
/// Directors") or followed by a colon ("Report Author: Jo Lee"), never a job
/// title that starts with role words ("Corporate Director Adult Social
/// Care").
fn role_header(line: &str) -> Option<(String, String)> {
    let (role, rest) = role_of(line)?;
    let after = line.trim().get(role.len()..).unwrap_or("").trim_start();
    (rest.is_empty() || after.starts_with(':')).then_some((role, rest))
}

/// People of several roles read across side-by-side columns: the lines
/// interleave, so names are found through the e-mail addresses in order.
fn columns(roles: &[String], lines: &[String]) -> Vec<Contact> {
    let joined = lines.join(" ");
    let es = emails(&joined);
    let ps = phones(&joined);
    let rest = strip_details(&joined);
    let words: Vec<&str> = rest.split_whitespace().collect();
    let mut out = Vec::new();
    for (k, role) in roles.iter().enumerate() {
        let email = es.get(k).cloned();
        let mut name = None;
        if let Some(e) = &email {
            let local = e.split('@').next().unwrap_or("").to_lowercase();
            let parts: Vec<&str> = local
                .split(['.', '_', '-'])
                .filter(|p| p.len() > 1)
                .collect();
            if let (Some(first), Some(last)) = (parts.first(), parts.last()) {
                let pos = words.iter().position(|w| w.to_lowercase() == *last);
                if let Some(pos) = pos {
                    let mut start = pos;
                    while start > 0
                        && words.get(start - 1).is_some_and(|w| {
                            w.starts_with(|c: char| c.is_uppercase())
                                && (w
                                    .to_lowercase()
                                    .starts_with(&first.chars().take(3).collect::<String>())
                                    || is_honorific(w))
                        })
                    {
                        start -= 1;
                    }
                    name = Some(words.get(start..=pos).unwrap_or(&[]).join(" "));
                }
            }
        }
        out.push(Contact {
            loc: Loc::default(),
            role: role.clone(),
            name,
            job_title: None,
            email,
            telephone: ps.get(k).cloned(),
        });
    }
    // What the names leave are the job titles side by side ("Assistant
    // Director Education – West Kent Director of Education"): each starts
    // at a title word that does not follow another one.
    let mut left: Vec<&str> = words.clone();
    for c in &out {
        if let Some(n) = &c.name {
            let nw: Vec<&str> = n.split_whitespace().collect();
            if let Some(pos) = left
                .windows(nw.len().max(1))
                .position(|w| w == nw.as_slice())
            {
                left.drain(pos..pos + nw.len());
            }
        }
    }
    let starts: Vec<usize> = (1..left.len())
        .filter(|&k| {
            let title = |w: Option<&&str>| {
                w.is_some_and(|w| TITLE_STARTS.contains(&w.to_lowercase().as_str()))
            };
            title(left.get(k)) && !title(left.get(k - 1))
        })
        .collect();
    if out.len() >= 2 && starts.len() + 1 >= out.len() {
        let cuts: Vec<usize> = starts
            .get(starts.len() + 1 - out.len()..)
            .unwrap_or(&[])
            .to_vec();
        let mut bounds = vec![0usize];
        bounds.extend(cuts);
        bounds.push(left.len());
        for (c, w) in out.iter_mut().zip(bounds.windows(2)) {
            let (Some(a), Some(b)) = (w.first(), w.get(1)) else {
                continue;
            };
            let job = left.get(*a..*b).unwrap_or(&[]).join(" ");
            if !job.is_empty() && c.name.is_some() {
                c.job_title = Some(job);
            }
        }
    }
    out
}

/// Words a job title starts with.
const TITLE_STARTS: &[&str] = &[
    "assistant",
    "director",
    "head",
    "chief",
    "corporate",
    "interim",
    "acting",
    "deputy",
    "senior",
    "principal",
    "strategic",
    "executive",
    "manager",
    "lead",
    "cabinet",
    "leader",
    "programme",
    "project",
    "policy",
    "general",
];

/// The lines of a contact block: the units after the role label, until the
/// next role, a heading, a numbered paragraph or running prose.
fn block_lines(us: &[Unit], mut i: usize, limit: usize) -> (Vec<String>, usize) {
    let mut lines = Vec::new();
    while let Some(u) = us.get(i) {
        // A reader may set the block's bold field labels ("Telephone number
        // Telephone number") as headings: they stay in the block.
        let label_heading =
            u.is_heading() && u.label.is_none() && strip_details(&u.text).is_empty();
        if lines.len() >= limit
            || (u.is_heading() && !label_heading)
            || u.is_counted()
            || u.shape == Shape::Row
            || role_header(&u.text).is_some()
            || (lines.is_empty() && role_of(&u.text).is_some())
            // "Report Author Jayne Tear, …" under the lead officer's
            // wrapped title: the next person's row of the block.
            || role_of(&u.text).is_some_and(|(_, rest)| names_first(&rest))
            || audit_row(&u.text)
            || segments(&u.text).len() >= 2
            || u.text.split_whitespace().count() > 40
            || crate::text::parse_date(&u.text)
                .is_some_and(|_| u.text.split_whitespace().count() <= 3)
            || ends_block(&u.text)
            || other_label(&u.text)
        {
            break;
        }
        lines.push(u.text.clone());
        i += 1;
    }
    (lines, i)
}

/// Whether a "name" is a body, not a person ("Planning Department",
/// "Licensing Team").
fn is_organisation(name: &str) -> bool {
    name.to_lowercase().split_whitespace().any(|w| {
        [
            "department",
            "team",
            "service",
            "services",
            "council",
            "unit",
            "office",
            "section",
            "division",
            "directorate",
            "licensing",
            "planning",
        ]
        .contains(&w)
    })
}

/// Whether a role's value opens with a person in "Name, Job title" form
/// ("Jayne Tear, Principal Licensing Officer"), not with the rest of a job
/// title ("Adult Social Care and Health").
fn names_first(rest: &str) -> bool {
    let Some((name, _)) = rest.split_once(',') else {
        return false;
    };
    let lower = name.to_lowercase();
    looks_like_name(name)
        && name.split_whitespace().count() <= 3
        && !lower.split_whitespace().any(|w| JOB_WORDS.contains(&w))
}

/// A row of a report's audit trail printed as a line, its label and value
/// one space apart ("Version Final", "Dated 12 January 2026"): no more of
/// the person above it.
fn audit_row(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    let mut words = lower.split_whitespace();
    let first = words.next().unwrap_or("");
    let rest = words.count();
    (1..=4).contains(&rest) && ["version", "dated", "date", "classification"].contains(&first)
}

/// Headings that close a contact block when a template prints them as plain
/// lines ("LOCAL MEMBERS" / "All", "BACKGROUND DOCUMENTS" / "None").
const BLOCK_ENDS: &[&str] = &[
    "background",
    "appendix",
    "appendices",
    "annex",
    "local member",
    "local members",
    "consulted",
    "consultees",
    "wards affected",
    "ward(s) affected",
    "electoral division",
    "electoral divisions",
    "divisions affected",
    "list of background",
    "supporting documents",
    "supporting information",
    "sources of information",
    "implications",
    "documents",
];

/// Whether a line is a heading that ends a contact block: one of
/// [`BLOCK_ENDS`] opening a short line.
fn ends_block(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    let short = text.split_whitespace().count() <= 6;
    ["background", "appendix", "appendices", "annex"]
        .iter()
        .any(|w| lower.starts_with(w))
        // Short, or a label of any length ("Consultees: Christina Harrhy,
        // Chief Executive …" run on after the author's address).
        || BLOCK_ENDS.iter().any(|w| {
            lower.strip_prefix(w).is_some_and(|r| {
                r.trim_start().starts_with(':')
                    || (short && (r.is_empty() || r.starts_with([' ', '(', '/'])))
            })
        })
}

/// Whether a line opens with a label of its own ("SUBJECT: …", "Purpose of
/// the Report:") that is not one of a person's details (Tel, Email, Name,
/// Job title): the next field of the front matter, not part of the person.
fn other_label(text: &str) -> bool {
    // A question of the cover box ("Are specific wards affected? ☐ Yes").
    if text
        .split_once('?')
        .is_some_and(|(q, _)| (2..=15).contains(&q.split_whitespace().count()))
    {
        return true;
    }
    let Some((label, _)) = text.split_once(':') else {
        return false;
    };
    let words = label.split_whitespace().count();
    let key = label.trim().trim_end_matches('.').to_lowercase();
    (1..=7).contains(&words)
        && label.starts_with(|c: char| c.is_alphabetic())
        && label
            .chars()
            .all(|c| c.is_alphabetic() || c.is_whitespace() || "()'’&/,-.".contains(c))
        && attribute(&key).is_none()
        && !NOISE.contains(&key.as_str())
        && !emails(text).iter().any(|e| e.contains(&key))
}

/// A person found from a telephone number and the titled name before it
/// ("Mrs Esther Jones … Tel: 020 7525 5748") in a line that has a
/// "Contact" header before the name: what is left of a contact column once
/// an export ran the table's cells into one line.
fn anchored_contact(u: &Unit) -> Option<Contact> {
    let text = u.text.as_str();
    // The cheap test first: most lines have no "Contact" header at all.
    if !text.to_lowercase().contains("contact") {
        return None;
    }
    let phone = phones(text).into_iter().next()?;
    let at = text.find(phone.as_str())?;
    let before: Vec<&str> = text.get(..at)?.split_whitespace().collect();
    let header = before.iter().position(|w| {
        w.trim_matches(|c: char| !c.is_alphabetic())
            .eq_ignore_ascii_case("contact")
    })?;
    // The last honorific after the header, then the capitalised words.
    let k = (header + 1..before.len())
        .rev()
        .find(|&k| before.get(k).is_some_and(|w| is_honorific(w)))?;
    let name: Vec<&str> = before
        .get(k..)?
        .iter()
        .take(4)
        .take_while(|w| {
            w.starts_with(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || "'-.’".contains(c))
        })
        .copied()
        .collect();
    let name = name.join(" ");
    (name.split_whitespace().count() >= 3 && looks_like_name(&name) && !is_organisation(&name))
        .then(|| Contact {
            loc: Loc::default(),
            role: "Contact".to_string(),
            name: Some(name),
            job_title: None,
            email: None,
            telephone: Some(phone),
        })
}

/// A table whose header row has one cell that is a role label alone
/// ("Contact") among cells that are not (the papers, where they are held):
/// the people of that column, row by row, each with the details in their
/// cell. Returns the index after the table.
fn contact_column(us: &[Unit], i: usize, out: &mut Vec<Contact>) -> Option<usize> {
    let head = us.get(i)?;
    let first_of_table = i == 0 || us.get(i - 1).is_none_or(|p| p.block != head.block);
    if !first_of_table || head.cells.len() < 2 {
        return None;
    }
    let roles: Vec<(usize, String)> = head
        .cells
        .iter()
        .enumerate()
        .filter_map(|(k, c)| match role_of(&normalize(c)) {
            Some((role, rest)) if rest.is_empty() => Some((k, role)),
            _ => None,
        })
        .collect();
    let [(k, role)] = roles.as_slice() else {
        return None;
    };
    let mut j = i + 1;
    let mut found = Vec::new();
    while let Some(row) = us
        .get(j)
        .filter(|r| r.block == head.block && r.shape == Shape::Row)
    {
        if let Some(cell) = row.cells.get(*k) {
            let lines: Vec<String> = cell
                .split('\n')
                .map(normalize)
                .filter(|l| !l.is_empty())
                .collect();
            found.extend(people(role, &lines).into_iter().filter(|c| {
                c.name
                    .as_deref()
                    .is_some_and(|n| looks_like_name(n) && !is_organisation(n))
                    && (c.email.is_some() || c.telephone.is_some())
            }));
        }
        j += 1;
    }
    if found.is_empty() {
        return None;
    }
    out.extend(found);
    Some(j)
}

/// Column-wise reading of a table whose first row holds role labels side by
/// side.
fn table_columns(us: &[Unit], i: usize, out: &mut Vec<Contact>) -> usize {
    let Some(head) = us.get(i) else { return i + 1 };
    // Each cell's lines: a role header on the first, the people below it
    // one line each (a name line after a person's details starts the next).
    let mut roles: Vec<Option<String>> = Vec::new();
    let mut cols: Vec<Vec<String>> = Vec::new();
    for c in &head.cells {
        let lines: Vec<String> = c
            .split('\n')
            .map(normalize)
            .filter(|l| !l.is_empty())
            .collect();
        match lines.first().and_then(|l| role_of(l)) {
            Some((role, rest)) => {
                roles.push(Some(role));
                let mut col: Vec<String> = Vec::new();
                if !rest.is_empty() {
                    col.push(rest);
                }
                col.extend(lines.iter().skip(1).cloned());
                cols.push(col);
            }
            None => {
                roles.push(None);
                cols.push(lines);
            }
        }
    }
    let mut j = i + 1;
    while let Some(u) = us.get(j) {
        if u.block != head.block {
            break;
        }
        if u.shape == Shape::Row {
            for (k, c) in u.cells.iter().enumerate() {
                if let Some(col) = cols.get_mut(k) {
                    col.extend(c.split('\n').map(normalize).filter(|l| !l.is_empty()));
                }
            }
        } else if let Some(col) = cols.first_mut() {
            col.push(u.text.clone());
        }
        j += 1;
    }
    for (role, lines) in roles.iter().zip(cols.iter()) {
        if let Some(role) = role {
            out.extend(people(role, lines));
        }
    }
    j
}

/// People set one per table row under a role header ("Interim Corporate
/// Director Finance | John Betts | 03000 410 066 | john.betts@kent.gov.uk"):
/// each row with an e-mail address is a person. Returns the index after the
/// rows taken.
fn row_people(us: &[Unit], mut j: usize, role: &str, out: &mut Vec<Contact>) -> usize {
    while let Some(u) = us.get(j) {
        if u.shape != Shape::Row {
            break;
        }
        // A row of role columns ("Report Authors: … | Lead Directors …") is
        // read column-wise elsewhere; a person's row has one address.
        let headed = u.cells.iter().any(|c| {
            c.split('\n')
                .next()
                .is_some_and(|l| role_of(&normalize(l)).is_some())
        });
        let cells: Vec<String> = u.cells.iter().map(|c| normalize(c)).collect();
        let all: Vec<String> = cells.iter().flat_map(|c| emails(c)).collect();
        let (false, [email]) = (headed, all.as_slice()) else {
            break;
        };
        let email = email.clone();
        let telephone = cells.iter().find_map(|c| phones(c).into_iter().next());
        let plain: Vec<&String> = cells
            .iter()
            .filter(|c| !c.is_empty() && emails(c).is_empty() && phones(c).is_empty())
            .collect();
        // The name is the cell whose words the address spells ("Cath Head"
        // for cath.head@, not "Head of Finance Operations"), else the
        // name-like cell with no job words.
        let local = email.split('@').next().unwrap_or("").to_lowercase();
        let parts: Vec<&str> = local
            .split(['.', '_', '-'])
            .map(|p| p.trim_end_matches(|c: char| c.is_ascii_digit()))
            .filter(|p| p.len() > 1)
            .collect();
        let score = |c: &str| {
            c.split_whitespace()
                .filter(|w| {
                    let w = w.to_lowercase();
                    parts.iter().any(|p| {
                        *p == w || (w.len() >= 2 && p.starts_with(&w)) || w.starts_with(*p)
                    })
                })
                .count()
        };
        let job_words = |c: &str| {
            c.to_lowercase()
                .split_whitespace()
                .filter(|w| JOB_WORDS.contains(w))
                .count()
        };
        let name = plain
            .iter()
            .filter(|c| looks_like_name(c))
            .max_by_key(|c| (score(c), std::cmp::Reverse(job_words(c))))
            .map(|c| (*c).clone());
        let mut job_title = plain
            .iter()
            .find(|c| Some(c.as_str()) != name.as_deref())
            .map(|c| (*c).clone());
        // One cell holding both ("Rhys Morgan, Transport Policy Manager").
        let mut name = name;
        if job_title.is_none() {
            if let Some(n) = name.clone() {
                if let (Some(nm), Some(jb)) = name_and_job(&n, Some(&email)) {
                    name = Some(nm);
                    job_title = Some(jb);
                }
            }
        }
        out.push(Contact {
            loc: Loc::default(),
            role: role.to_string(),
            name,
            job_title,
            email: Some(email),
            telephone,
        });
        j += 1;
    }
    j
}

/// Table rows of a person's details under the line that names them
/// ("Tel: | 01632 960418 | Email: | sam.jones@…"): rows whose cells are
/// detail labels and their values. Fills what the person lacks and returns
/// the index after the rows.
fn detail_rows(us: &[Unit], mut j: usize, person: Option<&mut Contact>) -> usize {
    let Some(c) = person else { return j };
    while let Some(r) = us.get(j) {
        let labelled = r.shape == Shape::Row
            && r.cells
                .iter()
                .any(|cell| matches!(attribute(&normalize(cell)), Some("phone" | "email")));
        if !labelled {
            break;
        }
        let mut cells = r.cells.iter().map(|cell| normalize(cell)).peekable();
        while let Some(cell) = cells.next() {
            let kind = attribute(&cell);
            let value = match kind {
                Some(_) => cells
                    .next_if(|v| attribute(v).is_none())
                    .unwrap_or_default(),
                None => cell.clone(),
            };
            match kind {
                Some("job") if c.job_title.is_none() && !value.is_empty() => {
                    c.job_title = Some(value)
                }
                Some("name") if c.name.is_none() && !value.is_empty() => c.name = Some(value),
                _ => {
                    if c.email.is_none() {
                        c.email = emails(&value).into_iter().next();
                    }
                    if c.telephone.is_none() {
                        c.telephone = phones(&value).into_iter().next();
                    }
                }
            }
        }
        j += 1;
    }
    j
}

/// Finds the contacts of `doc`.
pub fn extract(doc: &Document, warnings: &mut Vec<Warning>) -> Vec<Contact> {
    let us = units(&doc.blocks);
    let mut out: Vec<Contact> = Vec::new();
    let mut from_columns: Vec<Contact> = Vec::new();
    let mut i = 0usize;
    while let Some(u) = us.get(i) {
        if u.shape == Shape::Row {
            let first = normalize(u.cells.first().map_or("", String::as_str));
            let role_cells = u
                .cells
                .iter()
                .filter(|c| role_of(&normalize(c)).is_some())
                .count();
            if role_cells >= 2 {
                i = table_columns(&us, i, &mut out);
                continue;
            }
            // "Background Papers | Held At | Contact": one column of a
            // table's header names the contact, each row below a person.
            if let Some(next) = contact_column(&us, i, &mut from_columns) {
                i = next;
                continue;
            }
            // The header row of a table of people: "Contact Officer |
            // Telephone | Email" over one row per person.
            let header = u.cells.len() >= 2
                && u.cells
                    .iter()
                    .skip(1)
                    .all(|c| attribute(&normalize(c)).is_some());
            if let (Some((role, _)), true) = (role_of(&first), header) {
                i = row_people(&us, i + 1, &role, &mut out);
                continue;
            }
            if let Some((role, rest)) = role_of(&first) {
                // A date signed under the person ("8 March 2024") is no
                // part of the job title.
                let value: Vec<String> = u
                    .cells
                    .iter()
                    .skip(1)
                    .map(|c| {
                        c.split('\n')
                            .map(normalize)
                            .filter(|l| !date_only(l))
                            .collect::<Vec<_>>()
                            .join(" ")
                    })
                    .collect();
                // Two people in one cell, a "Name, Job title" line each.
                let cell_lines: Vec<String> = u
                    .cells
                    .iter()
                    .skip(1)
                    .flat_map(|c| c.split('\n').map(normalize).collect::<Vec<_>>())
                    .filter(|l| !l.is_empty() && !date_only(l))
                    .collect();
                if rest.is_empty()
                    && cell_lines.len() >= 2
                    && cell_lines.iter().filter(|l| names_first(l)).count() == cell_lines.len()
                {
                    for line in &cell_lines {
                        out.extend(people(&role, std::slice::from_ref(line)));
                    }
                    i += 1;
                    continue;
                }
                let value = format!("{rest} {}", value.join(" "));
                let mut lines: Vec<String> = vec![value.trim().to_string()];
                // Attribute rows below ("Job title | …", "Telephone | …").
                let mut j = i + 1;
                let mut contact = people(&role, &lines).pop().unwrap_or(Contact {
                    loc: Loc::default(),
                    role: role.clone(),
                    name: None,
                    job_title: None,
                    email: None,
                    telephone: None,
                });
                while let Some(r) = us.get(j) {
                    if r.shape != Shape::Row {
                        break;
                    }
                    let label = normalize(r.cells.first().map_or("", String::as_str));
                    let val = normalize(
                        &r.cells
                            .iter()
                            .skip(1)
                            .cloned()
                            .collect::<Vec<_>>()
                            .join(" "),
                    );
                    match attribute(&label) {
                        Some("name") => contact.name = Some(val),
                        Some("job") => contact.job_title = Some(val),
                        Some("phone") => contact.telephone = Some(val),
                        Some("email") => {
                            contact.email = emails(&val).into_iter().next().or(Some(val))
                        }
                        Some(_) => {}
                        // A row whose value is a number or an address
                        // ("(For all enquiries) | 01632 960884").
                        None => {
                            let p = phones(&val);
                            let e = emails(&val);
                            if p.is_empty() && e.is_empty() {
                                break;
                            }
                            if contact.telephone.is_none() {
                                contact.telephone = p.into_iter().next();
                            }
                            if contact.email.is_none() {
                                contact.email = e.into_iter().next();
                            }
                        }
                    }
                    j += 1;
                }
                lines.clear();
                if contact.name.is_some() || contact.email.is_some() || contact.telephone.is_some()
                {
                    out.push(contact);
                }
                i = j;
                continue;
            }
            i += 1;
            continue;
        }
        if u.is_bullet() {
            i += 1;
            continue;
        }
        let Some((mut role, mut rest)) = role_of(&u.text) else {
            i += 1;
            continue;
        };
        let segs = segments(&u.text);
        let heads = segs.len().saturating_sub(1);
        if segs.len() >= 2 && segs.iter().take(heads).all(|(_, r)| r.is_empty()) {
            let first_line = segs.last().map(|(_, r)| r.clone()).unwrap_or_default();
            let roles: Vec<String> = segs.into_iter().map(|(r, _)| r).collect();
            let (mut lines, next) = block_lines(&us, i + 1, 16);
            if !first_line.is_empty() {
                lines.insert(0, first_line);
            }
            out.extend(
                columns(&roles, &lines)
                    .into_iter()
                    .filter(|c| c.name.is_some() || c.email.is_some()),
            );
            i = next;
            continue;
        }
        if segs.len() >= 2 {
            // Every segment but the last is a complete "Role: person".
            let mut segs = segs;
            if let Some((r, x)) = segs.pop() {
                role = r;
                rest = x;
            }
            for (r, x) in segs {
                out.extend(
                    people(&r, &[x])
                        .into_iter()
                        .filter(|c| c.name.is_some() || c.email.is_some() || c.telephone.is_some()),
                );
            }
        }
        let mut lines = Vec::new();
        // A label vertically centred beside a three-line cell (borderless
        // PDF cover table): the value's first line, the person, stands on
        // the line above "Report author: Telephone No: …".
        if !rest.is_empty() && strip_details(&rest).is_empty() && i > 0 {
            if let Some(prev) = us.get(i - 1).filter(|p| {
                p.shape == Shape::Paragraph
                    && p.label.is_none()
                    && !p.text.contains([':', '?'])
                    && emails(&p.text).is_empty()
                    && name_and_job(&p.text, emails(&rest).first().map(String::as_str))
                        .0
                        .is_some()
            }) {
                lines.push(prev.text.clone());
            }
        }
        if !rest.is_empty() {
            lines.push(rest);
        }
        let inline = !lines.is_empty();
        let (more, next) = block_lines(&us, i + 1, 12);
        // "Contact details" heading a block of roles: the roles carry it.
        // Over a table of one person a row, the rows are the people.
        if lines.is_empty() && more.is_empty() {
            i = row_people(&us, next, &role, &mut out);
            continue;
        }
        lines.extend(more);
        let mut found = people(&role, &lines);
        // "Contact name: Sam Jones" over a row "Tel: | … | Email: | …".
        let next = detail_rows(&us, next, found.last_mut());
        // A role standing alone on its line heads a block that gives contact
        // details; without any, the words were not a contact block.
        out.extend(found.into_iter().filter(|c| {
            c.email.is_some() || c.telephone.is_some() || (inline && c.name.is_some())
        }));
        i = next;
    }
    if let Some(s) = signatory(&us) {
        // Someone already named in a contact block is not signing off.
        let known = |c: &Contact| {
            c.name.as_deref().is_some_and(|n| {
                s.name
                    .as_deref()
                    .is_some_and(|m| n.contains(m) || m.contains(n))
            })
        };
        if !out.iter().any(known) {
            out.push(s);
        }
    }
    // A contact column that a text export broke into runs of words
    // ("Background Papers Held At Contact … Mrs Esther Jones C/O Phone
    // Tel: 020 7525 5748"): the telephone is the anchor, the titled name
    // before it the person.
    if from_columns.is_empty() {
        from_columns.extend(us.iter().filter_map(anchored_contact));
    }
    // A person of a contact column named elsewhere too (the report author,
    // the contact for its background papers) is one person: the column
    // gives them its details.
    for c in from_columns {
        let same = |o: &&mut Contact| {
            o.name
                .as_deref()
                .zip(c.name.as_deref())
                .is_some_and(|(a, b)| a.eq_ignore_ascii_case(b))
        };
        match out.iter_mut().find(|o| same(o)) {
            Some(o) => {
                if o.telephone.is_none() {
                    o.telephone = c.telephone;
                }
                if o.email.is_none() {
                    o.email = c.email;
                }
            }
            None => out.push(c),
        }
    }
    let mut out = dedupe(out);
    anchors::assign(doc, &us, &mut out, warnings);
    out
}

/// Words of a job title.
const JOB_WORDS: &[&str] = &[
    "manager",
    "director",
    "officer",
    "head",
    "chief",
    "executive",
    "lead",
    "leader",
    "clerk",
    "solicitor",
    "secretary",
    "treasurer",
    "monitoring",
    "corporate",
    "counsel",
];

/// A report signed off at its end: a name line and a job-title line standing
/// just before "Background papers" or a contact line.
pub(crate) fn signatory(us: &[Unit]) -> Option<Contact> {
    // A name and title continuing a "From:"/"By:" list of the front matter
    // are an author, not a signature.
    let in_from_list = |k: usize| {
        us.get(k.saturating_sub(3)..k).is_some_and(|before| {
            before.iter().any(|u| {
                let l = u.text.trim_start().to_lowercase();
                ["from", "by", "report of", "report by"].iter().any(|p| {
                    l.strip_prefix(p)
                        .is_some_and(|r| r.starts_with([' ', ':', '\t']))
                })
            })
        })
    };
    for (k, w) in us.windows(3).enumerate() {
        if in_from_list(k) {
            continue;
        }
        let (Some(name), Some(job), Some(next)) = (w.first(), w.get(1), w.get(2)) else {
            continue;
        };
        // A text export may make the two short lines headings.
        let plain =
            |u: &Unit| matches!(u.shape, Shape::Paragraph | Shape::Heading(_)) && u.label.is_none();
        let two_lines =
            plain(name) && plain(job) && looks_like_name(&name.text) && !ends_block(&name.text);
        // A line opening with a role label ("Lead Officer Everton Roberts")
        // is a contact row of its own, not the title under a signature.
        let job_like = job.text.split_whitespace().count() <= 10
            && role_of(&job.text).is_none()
            && job
                .text
                .to_lowercase()
                .split_whitespace()
                .any(|x| JOB_WORDS.contains(&x));
        // What follows a signature: the papers and appendices it lists, or
        // the contact block.
        let closing = |u: &Unit| {
            let l = u.text.to_lowercase();
            [
                "background paper",
                "the following background",
                "the following appendices",
                "appendices",
            ]
            .iter()
            .any(|p| l.starts_with(p))
                || role_of(&u.text).is_some()
        };
        let before_close = closing(next) || us.get(k + 3).is_some_and(closing);
        if two_lines && job_like && before_close {
            return Some(Contact {
                loc: Loc::default(),
                role: "Signatory".to_string(),
                name: Some(name.text.trim().to_string()),
                job_title: Some(job.text.trim().to_string()),
                email: None,
                telephone: None,
            });
        }
        // Name and title on one line broken only by a soft line break
        // ("Ben Threadgold Policy and Performance Manager").
        if plain(job)
            && closing(next)
            && !looks_like_name(&job.text)
            && !job.text.contains(':')
            && emails(&job.text).is_empty()
            && phones(&job.text).is_empty()
            && role_of(&job.text).is_none()
        {
            let words: Vec<&str> = job.text.split_whitespace().collect();
            let take = if words.first().is_some_and(|w| is_honorific(w)) {
                3
            } else {
                2
            };
            let name_part = words.get(..take).unwrap_or(&[]).join(" ");
            let title = words.get(take..).unwrap_or(&[]).join(" ");
            let job_like = words.len() <= 12
                && title
                    .to_lowercase()
                    .split_whitespace()
                    .any(|x| JOB_WORDS.contains(&x));
            if job_like
                && looks_like_name(&name_part)
                && !ends_block(&name_part)
                && !JOB_WORDS
                    .iter()
                    .any(|j| name_part.to_lowercase().contains(j))
            {
                return Some(Contact {
                    loc: Loc::default(),
                    role: "Signatory".to_string(),
                    name: Some(name_part),
                    job_title: Some(title),
                    email: None,
                    telephone: None,
                });
            }
        }
    }
    None
}

/// Words that open the name of a post, not of a person ("Strategic
/// Director", "Assistant Chief Executive", "Head of Service").
const POST_OPENERS: &[&str] = &[
    "strategic",
    "assistant",
    "deputy",
    "interim",
    "acting",
    "senior",
    "chief",
    "executive",
    "head",
    "director",
    "corporate",
    "principal",
    "lead",
    "service",
    "group",
];

/// Whether a "name" is a post: it opens with a post's word and names a job
/// ("Strategic Director"), where a person's name does not ("Cath Head").
fn is_post(name: &str) -> bool {
    let lower = name.to_lowercase();
    let mut words = lower
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty());
    words.next().is_some_and(|w| POST_OPENERS.contains(&w))
        && lower
            .split(|c: char| !c.is_alphabetic())
            .any(|w| JOB_WORDS.contains(&w))
}

/// The same person printed twice under the same role counts once.
fn dedupe(list: Vec<Contact>) -> Vec<Contact> {
    let mut out: Vec<Contact> = Vec::new();
    for mut c in list {
        // "Lead Officer | Strategic Director, Resources": a post and no
        // person. Its words go to the job title; with no details at all,
        // nobody is named.
        if c.name.as_deref().is_some_and(is_post) {
            let post = c.name.take().unwrap_or_default();
            c.job_title = Some(match c.job_title.take() {
                Some(j) => format!("{post}, {j}"),
                None => post,
            });
            if c.email.is_none() && c.telephone.is_none() {
                continue;
            }
        }
        // A sign-off date run into the title ("Director of Education 8
        // March 2024") belongs to no job.
        if let Some(j) = c.job_title.as_deref() {
            if let Some((range, _)) = crate::text::find_date(j) {
                let head = j.get(..range.start).unwrap_or("").trim();
                if range.end == j.len() && !head.is_empty() {
                    c.job_title = Some(
                        head.trim_end_matches([',', ';', '-', '–'])
                            .trim()
                            .to_string(),
                    );
                }
            }
        }
        if !out.iter().any(|o| o == &c) {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_people_run_together_in_one_cell_line() {
        assert_eq!(
            split_second_person(
                "Kamil Dolebski, Specialist Planning Lawyer Beverley Olamijulo, Constitutional Officer"
            ),
            [
                "Kamil Dolebski, Specialist Planning Lawyer",
                "Beverley Olamijulo, Constitutional Officer"
            ]
        );
        assert_eq!(
            split_second_person("Jayne Tear, Principal Licensing Officer"),
            ["Jayne Tear, Principal Licensing Officer"]
        );
    }

    #[test]
    fn an_address_after_its_label_keeps_its_gaps_closed() {
        let line = "Mrs Esther Jones Email:esther.jon es1@southwark.gov.uk";
        assert_eq!(emails(line), vec!["esther.jones1@southwark.gov.uk"]);
        assert_eq!(strip_details(line), "Mrs Esther Jones");
        // Two addresses, no gaps: both, as printed.
        assert_eq!(
            emails("E: a.b@kent.gov.uk or c.d@kent.gov.uk"),
            vec!["a.b@kent.gov.uk", "c.d@kent.gov.uk"]
        );
    }

    #[test]
    fn phone_numbers_as_councils_print_them() {
        assert_eq!(phones("Tel: (01632) 960884"), vec!["(01632) 960884"]);
        assert_eq!(phones("+44 (0)1632 960884"), vec!["+44 (0)1632 960884"]);
        assert_eq!(phones("Tel: 0131 496 0247 |"), vec!["0131 496 0247"]);
        assert_eq!(phones("020 7946 0381, priya"), vec!["020 7946 0381"]);
        assert!(phones("2024/25 budget 1,234,567").is_empty());
    }

    #[test]
    fn a_surname_that_is_also_a_job_word() {
        assert_eq!(
            name_and_job(
                "Head of Finance Operations Cath Head",
                Some("cath.head@kent.gov.uk")
            ),
            (
                Some("Cath Head".to_string()),
                Some("Head of Finance Operations".to_string())
            )
        );
    }

    #[test]
    fn name_and_job_shapes() {
        assert_eq!(
            name_and_job("Paul Staines- Head of Programme", None),
            (
                Some("Paul Staines".into()),
                Some("Head of Programme".into())
            )
        );
        assert_eq!(
            name_and_job(
                "Dave Shipton (Head of Finance Policy, Planning and Strategy)",
                None
            ),
            (
                Some("Dave Shipton".into()),
                Some("Head of Finance Policy, Planning and Strategy".into())
            )
        );
        assert_eq!(
            name_and_job(
                "Dr Mike Gogarty Interim Strategic Lead for Public Health",
                Some("Mike.gogarty@kent.gov.uk")
            ),
            (
                Some("Dr Mike Gogarty".into()),
                Some("Interim Strategic Lead for Public Health".into())
            )
        );
    }

    #[test]
    fn details_found_and_stripped() {
        let line = "Contact: Lauren Rushen (lauren.rushen@oxfordshire.gov.uk)";
        assert_eq!(
            emails(line),
            vec!["lauren.rushen@oxfordshire.gov.uk".to_string()]
        );
        assert_eq!(
            strip_details("Lauren Rushen (lauren.rushen@oxfordshire.gov.uk)"),
            "Lauren Rushen"
        );
        assert_eq!(
            phones("Telephone number 03000 410058"),
            vec!["03000 410058".to_string()]
        );
        assert_eq!(phones("+443000412070"), vec!["+443000412070".to_string()]);
        assert_eq!(phones("07483 010499"), vec!["07483 010499".to_string()]);
        assert!(phones("in 2024 there were 19,407 children").is_empty());
    }

    #[test]
    fn label_leftovers_are_no_job_title() {
        let line = "Alison Hayes, Head of Highways Contracts. Tel: 0121 464 1234. Email: alison.hayes@x.gov.uk";
        let (name, job) = name_and_job(
            &strip_details(line),
            emails(line).first().map(String::as_str),
        );
        assert_eq!(name.as_deref(), Some("Alison Hayes"));
        assert_eq!(job.as_deref(), Some("Head of Highways Contracts"));
        assert_eq!(
            strip_details("Michael Blaney / Tel. No. 01273 482207 / Email: m.blaney@x.gov.uk"),
            "Michael Blaney"
        );
        assert_eq!(strip_details("Tel. No. 01273 482207"), "");
    }

    #[test]
    fn what_ends_a_contact_block() {
        assert!(other_label("SUBJECT: 2025/26 FINAL BUDGET"));
        assert!(other_label("Purpose of the Report:"));
        assert!(!other_label("Tel. No.: 01273 482207"));
        assert!(!other_label("Email: jo.lee@x.gov.uk"));
        assert!(!other_label("Job title: Head of Service"));
        assert!(other_label("Are specific wards affected? ☐ Yes ☒ No"));
        assert!(ends_block("LOCAL MEMBERS"));
        assert!(ends_block("Background Documents"));
        assert!(ends_block("Consulted:"));
        assert!(!ends_block("Michael Blaney"));
        assert!(!ends_block(
            "Consultation and Engagement Manager, Planning Policy Team at the Council"
        ));
        let lines: Vec<String> = [
            "Michael Blaney",
            "Tel: 01632 960207",
            "LOCAL MEMBERS",
            "All",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let got = people("Contact Officer", &lines);
        assert_eq!(got.len(), 1);
        assert_eq!(got.first().and_then(|c| c.job_title.clone()), None);
    }

    #[test]
    fn details_named_after_their_owner_and_no_address_for_a_job() {
        let lines: Vec<String> = [
            "Author Name: Morag Strachan",
            "Author’s Job Title: Service Manager (Network Operations)",
            "Telephone: 01632 960 555 + VOIP Number 444 178",
            "Address: Bankhead Central, Glenrothes",
            "Email: morag.strachan@northglen.gov.uk",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let got = people("Report Contact", &lines);
        let c = got.first();
        assert_eq!(got.len(), 1);
        assert_eq!(c.and_then(|c| c.name.as_deref()), Some("Morag Strachan"));
        assert_eq!(
            c.and_then(|c| c.job_title.as_deref()),
            Some("Service Manager (Network Operations)")
        );
        assert_eq!(
            c.and_then(|c| c.telephone.as_deref()),
            Some("01632 960 555")
        );
        // The same details run together on one line, as a text export
        // prints line breaks.
        let one = [lines.join(" ")];
        let got = people("Report Contact", &one);
        assert_eq!(
            got.first().and_then(|c| c.job_title.as_deref()),
            Some("Service Manager (Network Operations)")
        );
    }

    #[test]
    fn two_people_on_one_line_with_their_numbers_in_brackets() {
        let lines = [
            "Jane Smith, Director of Finance and Resources (01632 960123) and Tom Jones, Finance Manager (01632 960456)".to_string(),
        ];
        let got = people("Contact Officers", &lines);
        let names: Vec<(Option<&str>, Option<&str>, Option<&str>)> = got
            .iter()
            .map(|c| {
                (
                    c.name.as_deref(),
                    c.job_title.as_deref(),
                    c.telephone.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            names,
            [
                (
                    Some("Jane Smith"),
                    Some("Director of Finance and Resources"),
                    Some("01632 960123")
                ),
                (
                    Some("Tom Jones"),
                    Some("Finance Manager"),
                    Some("01632 960456")
                ),
            ]
        );
    }

    #[test]
    fn a_line_after_the_details_is_a_job_only_with_a_job_word() {
        let lines: Vec<String> = [
            "Hannah Oyelaran",
            "Tel: 0113 496 0125",
            "Bus priority on the Eastgate corridor",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let got = people("Report author", &lines);
        assert_eq!(got.first().and_then(|c| c.job_title.as_deref()), None);
    }

    #[test]
    fn person_above_a_centred_role_label() {
        let doc = crate::extract::testdoc::DocBuilder::new()
            .para(0, "Relevant O&S Chair(s): Councillor Tom Fielding")
            .para(0, "Grace Ellison, Head of Library Services")
            .para(
                0,
                "Report author: Telephone No: 0121 496 0355 Email Address: grace.ellison@x.gov.uk",
            )
            .para(0, "Are specific wards affected? ☐ Yes ☒ No")
            .build();
        let got = extract(&doc, &mut Vec::new());
        let c = got.first();
        assert_eq!(got.len(), 1);
        assert_eq!(c.and_then(|c| c.name.as_deref()), Some("Grace Ellison"));
        assert_eq!(
            c.and_then(|c| c.job_title.as_deref()),
            Some("Head of Library Services")
        );
        assert_eq!(
            c.and_then(|c| c.telephone.as_deref()),
            Some("0121 496 0355")
        );
    }

    #[test]
    fn roles() {
        assert_eq!(
            role_of("Report Author: Paul Staines- Head of Programme").map(|r| r.0),
            Some("Report Author".into())
        );
        assert_eq!(
            role_of("Relevant Corporate Director:").map(|r| r.0),
            Some("Relevant Corporate Director".into())
        );
        assert!(role_of("Contact the team for details").is_none());
        assert_eq!(roles_in("Report Author: Relevant Director:").len(), 2);
        assert_eq!(
            segments("Report Author: Paul Staines- Head of Programme Contact information:"),
            vec![
                (
                    "Report Author".to_string(),
                    "Paul Staines- Head of Programme".to_string()
                ),
                ("Contact information".to_string(), String::new())
            ]
        );
    }
}
