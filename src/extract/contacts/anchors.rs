//! Contacts from their evidence: every e-mail address and telephone number
//! on the report's own pages is an anchor. Where the blocks and tables read
//! before left an anchor in no contact, a person is built from what stands
//! around it: its own line ("Jo Lee, Capital Finance Manager 03000 416
//! 939"), or the name line above it, with a job-title line between
//! ("Mrs Esther Jones" / "Phone Tel: 020 7525 5748"). The role is the
//! nearest role label above, whatever its words, and empty where there is
//! none. An anchor that still ends in no contact gives a
//! `contact-unassigned` warning with its place: nothing is dropped
//! silently.
//!
//! The report's own pages end where its appendices begin (the first
//! unnumbered heading naming one), so an applicant's details in an
//! appended application are no contact of the report.

use super::{
    emails, is_honorific, is_organisation, looks_like_name, name_and_job, phones, role_of,
    strip_details, JOB_WORDS, TITLE_STARTS,
};
use crate::document::{Loc, Warning};
use crate::extract::metadata::units::{Shape, Unit};
use crate::report::Contact;
use crate::Document;

/// How far above an anchor its name line may stand (a name, a job title
/// over two lines, the anchor).
const NAME_REACH: usize = 3;

/// How far above an anchor its role label may stand.
const ROLE_REACH: usize = 12;

/// The digits of a telephone number, to compare two printings of it.
fn digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

/// Whether `found` already holds the anchor.
fn assigned(found: &[Contact], anchor: &Anchor) -> bool {
    found.iter().any(|c| match anchor {
        Anchor::Email(e) => c
            .email
            .as_deref()
            .is_some_and(|m| m.eq_ignore_ascii_case(e)),
        Anchor::Phone(p) => c
            .telephone
            .as_deref()
            .is_some_and(|t| digits(t) == digits(p)),
    })
}

/// An e-mail address or a telephone number.
#[derive(Debug, Clone)]
enum Anchor {
    Email(String),
    Phone(String),
}

impl Anchor {
    fn text(&self) -> &str {
        match self {
            Anchor::Email(s) | Anchor::Phone(s) => s,
        }
    }
}

/// The anchors of a unit's text.
fn anchors_in(text: &str) -> Vec<Anchor> {
    let mut out: Vec<Anchor> = emails(text).into_iter().map(Anchor::Email).collect();
    out.extend(phones(text).into_iter().map(Anchor::Phone));
    out
}

/// A person's name standing alone on a line ("Mrs Esther Jones", "Jo
/// Lee"): two to five capitalised words, no digits, no body's name, no job
/// words.
fn name_line(text: &str) -> Option<String> {
    let t = text.trim().trim_end_matches([',', ';']);
    (looks_like_name(t)
        && !is_organisation(t)
        && !has_job_word(t)
        && t.split_whitespace().count() <= 4)
        .then(|| t.to_string())
}

/// Whether `text` holds a word of a job title ("Officer", "Director").
fn has_job_word(text: &str) -> bool {
    text.to_lowercase()
        .split_whitespace()
        .any(|w| JOB_WORDS.contains(&w.trim_matches(|c: char| !c.is_alphabetic())))
}

/// A job-title line: a short line holding a job word ("Principal Licensing
/// Officer").
fn job_line(text: &str) -> Option<String> {
    let t = text.trim();
    (has_job_word(t)
        && t.split_whitespace().count() <= 10
        && !t.contains(|c: char| c.is_ascii_digit()))
    .then(|| t.to_string())
}

/// The person the anchor at `units[i]` belongs to: on its own line, or on
/// the lines just above it.
fn person_at(units: &[Unit], i: usize, anchor: &Anchor) -> Option<(String, Option<String>)> {
    let u = units.get(i)?;
    let email = match anchor {
        Anchor::Email(e) => Some(e.as_str()),
        Anchor::Phone(_) => None,
    };
    let rest = strip_details(&u.text);
    if !rest.is_empty() {
        if let Some((name, job)) = run_together(&rest) {
            return Some((name, Some(job)));
        }
        if let (Some(name), job) = name_and_job(&rest, email) {
            let person = name_line(&name).is_some() || titled(&name);
            return person.then_some((name, job));
        }
        // Another line's text ("Phone Tel:" leaves nothing; a sentence
        // with a number in it leaves the sentence): only a bare label
        // may stand between the anchor and the name above.
        if rest.split_whitespace().count() > 2 {
            return None;
        }
    }
    let mut job = None;
    for k in (i.saturating_sub(NAME_REACH)..i).rev() {
        let above = units.get(k)?;
        if above.is_heading() || above.shape == Shape::Row || above.is_counted() {
            return None;
        }
        // Another person's details end the search.
        if !anchors_in(&above.text).is_empty() {
            return None;
        }
        if let Some(name) = name_line(&above.text) {
            return Some((name, job));
        }
        match job_line(&above.text) {
            Some(j) if job.is_none() => job = Some(j),
            _ => return None,
        }
    }
    None
}

/// A name and a job title run together on one line with nothing between
/// ("Benjamin Watts General Counsel"): the name's two or three words (one
/// more after an honorific), then a word a job title starts with, and a job
/// word in what follows.
fn run_together(line: &str) -> Option<(String, String)> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let titled = words.first().is_some_and(|w| is_honorific(w));
    let lower = |w: &str| {
        w.to_lowercase()
            .trim_matches(|c: char| !c.is_alphabetic())
            .to_string()
    };
    (2..=3).map(|n| n + usize::from(titled)).find_map(|n| {
        let (name, job) = (words.get(..n)?, words.get(n..)?);
        let opens = job
            .first()
            .is_some_and(|w| TITLE_STARTS.contains(&lower(w).as_str()));
        let job_word = job.iter().any(|w| JOB_WORDS.contains(&lower(w).as_str()));
        let name = name.join(" ");
        (opens && job_word && name_line(&name).is_some()).then(|| (name, job.join(" ")))
    })
}

/// Whether a name opens with an honorific ("Mrs Esther Jones").
fn titled(name: &str) -> bool {
    name.split_whitespace().next().is_some_and(is_honorific) && name.split_whitespace().count() >= 2
}

/// The nearest role label above `units[i]`: a line that is a role label,
/// or ends in one ("Held At Contact", a table's header run into a line).
fn role_above(units: &[Unit], i: usize) -> String {
    for k in (i.saturating_sub(ROLE_REACH)..=i).rev() {
        let Some(u) = units.get(k) else { continue };
        if k < i && u.is_heading() {
            break;
        }
        if let Some((role, rest)) = role_of(&u.text) {
            if rest.is_empty() || k == i {
                return role;
            }
        }
        let last = u.text.split_whitespace().last().unwrap_or("");
        if k < i && u.text.split_whitespace().count() <= 6 {
            if let Some((role, rest)) = role_of(last) {
                if rest.is_empty() {
                    return role;
                }
            }
        }
    }
    String::new()
}

/// The unit where the report's appendices begin (all of them where it has
/// none).
fn appendices_start(doc: &Document, units: &[Unit]) -> usize {
    crate::extract::sections::first_appendix(doc).map_or(units.len(), |block| {
        units.partition_point(|u| u.block < block)
    })
}

/// Adds a contact for every anchor that `found` does not hold yet and that a
/// name stands by; warns of every other one.
pub(super) fn assign(
    doc: &Document,
    units: &[Unit],
    found: &mut Vec<Contact>,
    warnings: &mut Vec<Warning>,
) {
    let end = appendices_start(doc, units);
    for (i, u) in units.iter().enumerate().take(end) {
        // A table's people are read by the table readers; an anchor in a
        // row they left is warned of, not rebuilt from the row's text.
        for anchor in anchors_in(&u.text) {
            if assigned(found, &anchor) {
                continue;
            }
            let person = (u.shape != Shape::Row)
                .then(|| person_at(units, i, &anchor))
                .flatten();
            match person {
                Some((name, job)) => {
                    let same = found.iter_mut().find(|c| {
                        c.name
                            .as_deref()
                            .is_some_and(|n| n.eq_ignore_ascii_case(&name))
                    });
                    let c = match same {
                        Some(c) => c,
                        None => {
                            found.push(Contact {
                                role: role_above(units, i),
                                name: Some(name),
                                job_title: job,
                                email: None,
                                telephone: None,
                                loc: Loc::default(),
                            });
                            let Some(c) = found.last_mut() else { continue };
                            c
                        }
                    };
                    match &anchor {
                        Anchor::Email(e) if c.email.is_none() => c.email = Some(e.clone()),
                        Anchor::Phone(p) if c.telephone.is_none() => c.telephone = Some(p.clone()),
                        _ => {}
                    }
                }
                None => warnings.push(Warning {
                    code: "contact-unassigned".to_string(),
                    message: format!(
                        "{} {} is in no contact: no name stands by it",
                        match anchor {
                            Anchor::Email(_) => "the e-mail address",
                            Anchor::Phone(_) => "the telephone number",
                        },
                        anchor.text()
                    ),
                    loc: doc.blocks.get(u.block).map(|b| b.loc),
                }),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::testdoc::DocBuilder;

    fn run(doc: &Document) -> (Vec<Contact>, Vec<Warning>) {
        let mut warnings = Vec::new();
        let contacts = super::super::extract(doc, &mut warnings);
        (contacts, warnings)
    }

    #[test]
    fn a_name_over_its_telephone_is_a_contact() {
        let doc = DocBuilder::new()
            .heading(2, "BACKGROUND DOCUMENTS")
            .para(0, "Held At Contact")
            .para(0, "Tooley Street, London SE1 2QH")
            .para(0, "Mrs Esther Jones")
            .para(0, "Phone Tel: 020 7525 5748")
            .build();
        let (contacts, warnings) = run(&doc);
        assert_eq!(contacts.len(), 1, "{contacts:?}");
        assert_eq!(contacts[0].name.as_deref(), Some("Mrs Esther Jones"));
        assert_eq!(contacts[0].telephone.as_deref(), Some("020 7525 5748"));
        assert_eq!(contacts[0].role, "Contact");
        assert!(warnings.is_empty());
    }

    #[test]
    fn a_name_and_job_run_together_and_an_anchor_with_no_name() {
        let doc = DocBuilder::new()
            .para(0, "Benjamin Watts General Counsel 03000 416814")
            .heading(2, "Access")
            .para(
                0,
                "Call the customer service centre on 03000 417000 for help.",
            )
            .build();
        let (contacts, warnings) = run(&doc);
        assert_eq!(contacts.len(), 1, "{contacts:?}");
        assert_eq!(contacts[0].name.as_deref(), Some("Benjamin Watts"));
        assert_eq!(contacts[0].job_title.as_deref(), Some("General Counsel"));
        assert_eq!(contacts[0].role, "");
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].code, "contact-unassigned");
        assert!(warnings[0].message.contains("03000 417000"));
    }

    #[test]
    fn an_appendix_holds_no_contact_of_the_report() {
        let doc = DocBuilder::new()
            .para(0, "The report text.")
            .heading(1, "Appendix A")
            .para(0, "Jane Applicant")
            .para(0, "07700 900123")
            .build();
        let (contacts, warnings) = run(&doc);
        assert!(contacts.is_empty() && warnings.is_empty());
    }
}
