//! The same report in txt, docx and pdf must give the same Report.
//!
//! Each docx/pdf Report is compared with the txt Report of the same seed,
//! structure by structure. A difference fails the test unless it is in
//! [`EXPLAINED`], a short written list of differences that the text export
//! (or the way the fixtures were built, see
//! `../shared/fixtures-src/README.md`) makes unavoidable.

use std::path::Path;

use council_reports::report::Report;

const REPORTS: [&str; 5] = [
    "annual-partnerships-update-2018",
    "fop-work-programme-2023",
    "oxford-strategic-partnership-2023",
    "oxfordshire-partnership-2030",
    "peer-challenge-progress-2024",
];

/// `(report or "*", format or "*", field path prefix, why)`.
const EXPLAINED: &[(&str, &str, &str, &str)] = &[
    (
        "*",
        "*",
        "sections.level",
        "the text export keeps no heading styles, so txt heading levels are guessed",
    ),
    (
        "fop-work-programme-2023",
        "*",
        "projects[8].outputs",
        "the seed splits \"multi- agency\"; pandoc's grid table rejoined it as \"multi-agency\" in the docx",
    ),
    (
        "fop-work-programme-2023",
        "pdf-chromium",
        "paragraphs",
        "HTML lists have no \")\" delimiter: the browser prints the body's 1) a) lists as 1. a., \
         like the recommendations' 1. list, so labels differ",
    ),
    (
        "fop-work-programme-2023",
        "pdf-chromium",
        "metadata.recommendations",
        "the same: with every list printed as 1., the recommendations' 1. list is not told apart \
         from the body's paragraphs",
    ),
];

/// `ext` names the fixture folder; "pdf-chromium" holds PDFs too.
fn parse(name: &str, ext: &str) -> Report {
    let file_ext = ext.split('-').next().unwrap_or(ext);
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(ext)
        .join(format!("{name}.{file_ext}"));
    match council_reports::parse_path(&path) {
        Ok(r) => r,
        Err(e) => panic!("{e}"),
    }
}

/// Text compared across formats: quotes straightened (pandoc made them
/// curly), white space folded.
fn canon(s: &str) -> String {
    let s: String = s
        .chars()
        .map(|c| match c {
            '‘' | '’' | '′' => '\'',
            '“' | '”' | '″' => '"',
            _ => c,
        })
        .collect();
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn opt(s: &Option<String>) -> String {
    s.as_deref().map(canon).unwrap_or_else(|| "∅".to_string())
}

struct Diffs(Vec<(String, String)>);

impl Diffs {
    fn check(&mut self, path: &str, a: String, b: String) {
        if a != b {
            self.0.push((
                path.to_string(),
                format!("txt: {a:?}\n        other: {b:?}"),
            ));
        }
    }
    fn list<T>(&mut self, path: &str, a: &[T], b: &[T], each: impl Fn(&mut Diffs, &str, &T, &T)) {
        self.check(
            &format!("{path}.len"),
            a.len().to_string(),
            b.len().to_string(),
        );
        for (i, (x, y)) in a.iter().zip(b.iter()).enumerate() {
            each(self, &format!("{path}[{i}]"), x, y);
        }
    }
}

fn compare(a: &Report, b: &Report) -> Diffs {
    let mut d = Diffs(Vec::new());
    let (m, n) = (&a.metadata, &b.metadata);
    d.check("kind", format!("{:?}", a.kind), format!("{:?}", b.kind));
    for (field, x, y) in [
        ("metadata.title", &m.title, &n.title),
        ("metadata.committee", &m.committee, &n.committee),
        ("metadata.report_of", &m.report_of, &n.report_of),
        ("metadata.status", &m.status, &n.status),
        ("metadata.purpose", &m.purpose, &n.purpose),
        ("metadata.key_decision", &m.key_decision, &n.key_decision),
        (
            "metadata.cabinet_member",
            &m.cabinet_member,
            &n.cabinet_member,
        ),
        (
            "metadata.corporate_priority",
            &m.corporate_priority,
            &n.corporate_priority,
        ),
        (
            "metadata.policy_framework",
            &m.policy_framework,
            &n.policy_framework,
        ),
    ] {
        d.check(field, opt(x), opt(y));
    }
    d.check(
        "metadata.date",
        format!("{:?}", m.date.as_ref().map(|x| &x.iso)),
        format!("{:?}", n.date.as_ref().map(|x| &x.iso)),
    );
    d.list(
        "metadata.recommendations",
        &m.recommendations,
        &n.recommendations,
        |d, p, x, y| {
            d.check(&format!("{p}.number"), opt(&x.number), opt(&y.number));
            d.check(&format!("{p}.text"), canon(&x.text), canon(&y.text));
        },
    );
    d.list(
        "metadata.appendices",
        &m.appendices,
        &n.appendices,
        |d, p, x, y| {
            d.check(&format!("{p}.label"), canon(&x.label), canon(&y.label));
        },
    );
    d.list("paragraphs", &a.paragraphs, &b.paragraphs, |d, p, x, y| {
        d.check(&format!("{p}.number"), x.number.clone(), y.number.clone());
        d.check(&format!("{p}.label"), x.label.clone(), y.label.clone());
        d.check(&format!("{p}.section"), opt(&x.section), opt(&y.section));
        d.check(&format!("{p}.text"), canon(&x.text), canon(&y.text));
        d.list(&format!("{p}.items"), &x.items, &y.items, |d, p, x, y| {
            d.check(&format!("{p}.marker"), x.marker.clone(), y.marker.clone());
            d.check(&format!("{p}.text"), canon(&x.text), canon(&y.text));
        });
    });
    d.list("sections", &a.sections, &b.sections, |d, p, x, y| {
        d.check(
            &format!("{p}.heading"),
            canon(&x.heading),
            canon(&y.heading),
        );
        d.check(&format!("{p}.number"), opt(&x.number), opt(&y.number));
    });
    let levels = |r: &Report| {
        r.sections
            .iter()
            .map(|s| s.level.to_string())
            .collect::<Vec<_>>()
            .join(",")
    };
    d.check("sections.level", levels(a), levels(b));
    d.list("projects", &a.projects, &b.projects, |d, p, x, y| {
        d.check(&format!("{p}.group"), opt(&x.group), opt(&y.group));
        d.check(
            &format!("{p}.description"),
            opt(&x.description),
            opt(&y.description),
        );
        d.check(
            &format!("{p}.outputs"),
            canon(&x.outputs.join(" | ")),
            canon(&y.outputs.join(" | ")),
        );
        d.check(
            &format!("{p}.timescale"),
            opt(&x.timescale),
            opt(&y.timescale),
        );
        d.check(
            &format!("{p}.target_date"),
            opt(&x.target_date),
            opt(&y.target_date),
        );
        d.check(&format!("{p}.status"), opt(&x.status), opt(&y.status));
        d.check(&format!("{p}.update"), opt(&x.update), opt(&y.update));
        d.check(
            &format!("{p}.resources"),
            canon(&x.resources.join(" | ")),
            canon(&y.resources.join(" | ")),
        );
        d.check(&format!("{p}.owner"), opt(&x.owner), opt(&y.owner));
    });
    d.list(
        "partnerships",
        &a.partnerships,
        &b.partnerships,
        |d, p, x, y| {
            d.check(&format!("{p}.name"), canon(&x.name), canon(&y.name));
            d.check(&format!("{p}.chair"), opt(&x.chair), opt(&y.chair));
            d.check(
                &format!("{p}.vice_chair"),
                opt(&x.vice_chair),
                opt(&y.vice_chair),
            );
            d.check(
                &format!("{p}.lead_member"),
                opt(&x.lead_member),
                opt(&y.lead_member),
            );
            d.check(
                &format!("{p}.lead_officer"),
                opt(&x.lead_officer),
                opt(&y.lead_officer),
            );
            d.check(
                &format!("{p}.completed"),
                format!("{:?}", x.completed.as_ref().map(|c| &c.iso)),
                format!("{:?}", y.completed.as_ref().map(|c| &c.iso)),
            );
            d.check(
                &format!("{p}.last_meeting"),
                opt(&x.last_meeting),
                opt(&y.last_meeting),
            );
            d.check(
                &format!("{p}.next_meeting"),
                opt(&x.next_meeting),
                opt(&y.next_meeting),
            );
            d.check(&format!("{p}.website"), opt(&x.website), opt(&y.website));
            d.list(
                &format!("{p}.sections"),
                &x.sections,
                &y.sections,
                |d, p, x, y| {
                    d.check(
                        &format!("{p}.heading"),
                        canon(&x.heading),
                        canon(&y.heading),
                    );
                },
            );
            d.list(
                &format!("{p}.members"),
                &x.members,
                &y.members,
                |d, p, x, y| {
                    d.check(&format!("{p}.name"), canon(&x.name), canon(&y.name));
                    d.check(&format!("{p}.role"), opt(&x.role), opt(&y.role));
                    d.check(
                        &format!("{p}.is_chair"),
                        x.is_chair.to_string(),
                        y.is_chair.to_string(),
                    );
                },
            );
        },
    );
    d.list("contacts", &a.contacts, &b.contacts, |d, p, x, y| {
        d.check(&format!("{p}.role"), canon(&x.role), canon(&y.role));
        d.check(&format!("{p}.name"), opt(&x.name), opt(&y.name));
        d.check(
            &format!("{p}.job_title"),
            opt(&x.job_title),
            opt(&y.job_title),
        );
        d.check(&format!("{p}.email"), opt(&x.email), opt(&y.email));
        d.check(
            &format!("{p}.telephone"),
            opt(&x.telephone),
            opt(&y.telephone),
        );
    });
    d
}

fn is_explained(report: &str, format: &str, path: &str) -> bool {
    EXPLAINED.iter().any(|(r, f, prefix, _)| {
        (*r == "*" || *r == report) && (*f == "*" || *f == format) && path.starts_with(prefix)
    })
}

fn agree(ext: &str) {
    let mut unexplained = Vec::new();
    for name in REPORTS {
        let txt = parse(name, "txt");
        let other = parse(name, ext);
        for (path, what) in compare(&txt, &other).0 {
            if !is_explained(name, ext, &path) {
                unexplained.push(format!("{name} {path}:\n        {what}"));
            }
        }
    }
    assert!(
        unexplained.is_empty(),
        "{} unexplained txt/{ext} differences:\n{}",
        unexplained.len(),
        unexplained.join("\n")
    );
}

#[test]
fn docx_agrees_with_txt() {
    agree("docx");
}

#[test]
fn pdf_agrees_with_txt() {
    agree("pdf");
}

/// The same sources printed to PDF by headless Chromium (another producer:
/// see fixtures/pdf-chromium/README.md).
#[test]
fn chromium_pdf_agrees_with_txt() {
    agree("pdf-chromium");
}
