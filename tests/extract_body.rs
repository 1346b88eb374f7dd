//! Facts about the body of the five fixture reports that a person can check
//! against the sources by eye: paragraph numbering, project rows per group,
//! partnership profiles and members. Each check runs on every format whose
//! reader is available (txt always; docx and pdf once their readers land),
//! so the extractors are shown to give the same answer whichever reader made
//! the blocks.

use std::path::PathBuf;

use council_reports::report::{Partnership, Report};
use council_reports::{parse_path, ErrorKind};

const FORMATS: [&str; 3] = ["txt", "docx", "pdf"];

fn fixture(format: &str, name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(format)
        .join(format!("{name}.{format}"))
}

/// The report `name` in every format that can be read; txt must be.
fn reports(name: &str) -> Vec<(&'static str, Report)> {
    reports_in(name, &FORMATS)
}

/// The report `name` in the given formats.
fn reports_in(name: &str, formats: &[&'static str]) -> Vec<(&'static str, Report)> {
    let mut out = Vec::new();
    for &format in formats {
        match parse_path(&fixture(format, name)) {
            Ok(r) => out.push((format, r)),
            Err(e) if format != "txt" && matches!(e.kind(), ErrorKind::Unsupported(_)) => {
                eprintln!("skipping {format}: {e}");
            }
            Err(e) => panic!("{name}.{format}: {e}"),
        }
    }
    out
}

fn numbers(r: &Report) -> Vec<String> {
    r.paragraphs.iter().map(|p| p.number.clone()).collect()
}

fn one_to(n: u32) -> Vec<String> {
    (1..=n).map(|i| i.to_string()).collect()
}

#[test]
fn paragraph_numbers_are_contiguous_and_complete() {
    for (name, count, label_end) in [
        ("fop-work-programme-2023", 27, ")"),
        ("oxford-strategic-partnership-2023", 44, "."),
        // 7 is the RECOMMENDATION section's item: a recommendation, not a
        // paragraph of the body (../shared/KEYS.md).
        ("annual-partnerships-update-2018", 6, "."),
        ("oxfordshire-partnership-2030", 4, "."),
    ] {
        for (format, r) in reports(name) {
            assert_eq!(numbers(&r), one_to(count), "{name}.{format}");
            for p in &r.paragraphs {
                assert_eq!(
                    p.label,
                    format!("{}{label_end}", p.number),
                    "{name}.{format}"
                );
                assert!(!p.text.is_empty(), "{name}.{format} {}", p.number);
            }
        }
    }
    for (format, r) in reports("peer-challenge-progress-2024") {
        assert!(r.paragraphs.is_empty(), "peer.{format}: {:?}", numbers(&r));
    }
}

#[test]
fn fop_paragraphs_carry_sections_and_items() {
    for (format, r) in reports("fop-work-programme-2023") {
        let p = |n: &str| r.paragraphs.iter().find(|p| p.number == n).cloned();
        let p1 = p("1").unwrap();
        assert_eq!(p1.section, None, "{format}");
        let p6 = p("6").unwrap();
        assert_eq!(
            p6.section.as_deref(),
            Some("FOP Work Programme Workshop"),
            "{format}"
        );
        assert_eq!(p6.items.len(), 4, "{format}: {:?}", p6.items);
        assert!(p6.items.iter().all(|i| i.marker == "•" && i.level == 1));
        let p8 = p("8").unwrap();
        let shape: Vec<(String, u8)> = p8
            .items
            .iter()
            .map(|i| (i.marker.clone(), i.level))
            .collect();
        assert_eq!(
            shape.iter().take(2).collect::<Vec<_>>(),
            [&("a)".to_string(), 1), &("b)".to_string(), 1)],
            "{format}"
        );
        assert_eq!(shape.len(), 6, "{format}: {shape:?}");
        assert!(
            shape.iter().skip(2).all(|(m, l)| m == "•" && *l == 2),
            "{format}: {shape:?}"
        );
        let p27 = p("27").unwrap();
        assert_eq!(p27.text, "None", "{format}");
    }
}

#[test]
fn fop_project_rows_per_group() {
    for (format, r) in reports("fop-work-programme-2023") {
        let mut groups: Vec<(String, usize)> = Vec::new();
        for p in &r.projects {
            let g = p.group.clone().unwrap_or_default();
            match groups.last_mut() {
                Some((last, n)) if *last == g => *n += 1,
                _ => groups.push((g, 1)),
            }
        }
        let want = [
            ("Projects Underway", 3),
            ("Projects Committed", 6),
            ("Projects proposed and worked up.", 2),
            ("Projects proposed in principle.", 3),
        ];
        let got: Vec<(&str, usize)> = groups.iter().map(|(g, n)| (g.as_str(), *n)).collect();
        assert_eq!(got, want, "{format}");
        let oxis = r
            .projects
            .iter()
            .find(|p| p.outputs == ["OxIS Phase3"])
            .unwrap_or_else(|| panic!("{format}: no OxIS row"));
        assert_eq!(oxis.timescale.as_deref(), Some("6-12 months"));
        assert_eq!(
            oxis.resources,
            [
                "-75k approximate cost of commission.",
                "FOP project management.",
                "Officer time commitment by partners"
            ],
            "{format}"
        );
        assert!(r.projects.iter().all(|p| p.cells.len() == 4));
    }
}

#[test]
fn peer_action_tables_give_ten_groups() {
    // pdf is left out until its reader keeps "Our progress" apart from the
    // first recommendation heading and merges the page-split tables.
    for (format, r) in reports_in("peer-challenge-progress-2024", &["txt", "docx"]) {
        let mut groups: Vec<String> = Vec::new();
        for p in &r.projects {
            let g = p.group.clone().unwrap_or_default();
            if groups.last() != Some(&g) {
                groups.push(g);
            }
        }
        assert_eq!(groups.len(), 10, "{format}: {groups:?}");
        for (k, g) in groups.iter().enumerate() {
            assert!(
                g.starts_with(&format!("Recommendation {}: ", k + 1)),
                "{format}: {g}"
            );
        }
        for p in &r.projects {
            assert!(p.description.is_some(), "{format}: {p:?}");
            assert!(
                matches!(p.status.as_deref(), Some("Complete" | "Ongoing")),
                "{format}: {p:?}"
            );
        }
        let cmt = r
            .projects
            .iter()
            .find(|p| {
                p.description
                    .as_deref()
                    .is_some_and(|d| d.starts_with("Reinstate regular"))
            })
            .unwrap_or_else(|| panic!("{format}: no CMT row"));
        assert_eq!(cmt.status.as_deref(), Some("Complete"), "{format}");
        assert!(
            cmt.update
                .as_deref()
                .is_some_and(|u| u.starts_with("This has been done")),
            "{format}: {cmt:?}"
        );
        // Recommendation 8's table has no target-date column.
        assert!(r
            .projects
            .iter()
            .filter(|p| p
                .group
                .as_deref()
                .is_some_and(|g| g.starts_with("Recommendation 8:")))
            .all(|p| p.target_date.is_none()));
        assert!(r
            .projects
            .iter()
            .any(|p| p.target_date.as_deref() == Some("December 2024")));
    }
}

fn profiles(r: &Report) -> Vec<&Partnership> {
    r.partnerships
        .iter()
        .filter(|p| p.members.is_empty())
        .collect()
}

#[test]
fn thirteen_partnership_profiles() {
    for (format, r) in reports("annual-partnerships-update-2018") {
        let ps = profiles(&r);
        assert_eq!(
            ps.len(),
            13,
            "{format}: {:?}",
            ps.iter().map(|p| &p.name).collect::<Vec<_>>()
        );
        for p in &ps {
            assert!(p.chair.is_some(), "{format}: {}", p.name);
            assert!(p.lead_officer.is_some(), "{format}: {}", p.name);
            assert!(
                p.completed.as_ref().and_then(|d| d.iso.as_ref()).is_some(),
                "{format}: {}",
                p.name
            );
            assert!(
                p.last_meeting.is_some() && p.next_meeting.is_some(),
                "{format}: {}",
                p.name
            );
            assert!(p.fields.len() >= 7, "{format}: {}", p.name);
            assert_eq!(p.sections.len(), 5, "{format}: {}", p.name);
        }
        // Lead member "n/a" for the two joint management groups, website
        // "n/a" for four bodies.
        assert_eq!(
            ps.iter().filter(|p| p.lead_member.is_some()).count(),
            11,
            "{format}"
        );
        assert_eq!(
            ps.iter().filter(|p| p.website.is_some()).count(),
            9,
            "{format}"
        );
        let hwb = ps.first().unwrap();
        assert_eq!(hwb.name, "Oxfordshire Health and Wellbeing Board");
        assert_eq!(hwb.chair.as_deref(), Some("Councillor Ian Hudspeth OCC"));
        assert_eq!(hwb.vice_chair.as_deref(), Some("Dr Kiren Collison OCCG"));
        let osab = ps
            .iter()
            .find(|p| p.name == "Oxfordshire Safeguarding Adults Board")
            .unwrap();
        assert_eq!(
            osab.chair.as_deref(),
            Some("Pamela Marsden, Independent Chair")
        );
        assert_eq!(osab.lead_member.as_deref(), Some("Cllr Lawrie Stratford"));
        assert_eq!(osab.lead_officer.as_deref(), Some("Kate Terroni"));
        assert_eq!(
            osab.completed.as_ref().and_then(|d| d.iso.as_deref()),
            Some("2018-09-14")
        );
        assert_eq!(osab.website.as_deref(), Some("www.osab.co.uk"));
        let hib = ps
            .iter()
            .find(|p| p.name == "Health Improvement Board")
            .unwrap();
        assert_eq!(
            hib.chair.as_deref(),
            Some("Councillor Andrew McHugh (Cherwell DC)")
        );
        assert_eq!(hib.sections[0].heading, "Governance Arrangements");
    }
}

#[test]
fn twenty_two_members_with_the_chair_flagged() {
    for (format, r) in reports("oxford-strategic-partnership-2023") {
        let lists: Vec<&Partnership> = r
            .partnerships
            .iter()
            .filter(|p| !p.members.is_empty())
            .collect();
        assert_eq!(lists.len(), 1, "{format}");
        let osp = lists[0];
        assert_eq!(osp.name, "Oxford Strategic Partnership", "{format}");
        assert_eq!(osp.members.len(), 22, "{format}");
        let chairs: Vec<&str> = osp
            .members
            .iter()
            .filter(|m| m.is_chair)
            .map(|m| m.name.as_str())
            .collect();
        assert_eq!(chairs, ["Paul James"], "{format}");
        assert_eq!(osp.members[0].role.as_deref(), Some("River Learning Trust"));
        assert!(osp.members.iter().all(|m| !m.name.contains('(')));
    }
}

#[test]
fn sections_and_tables() {
    // pdf is left out: its reader joins "Our progress" with the first
    // recommendation heading and leaves page-split tables apart.
    for (format, r) in reports_in("peer-challenge-progress-2024", &["txt", "docx"]) {
        let recs = r
            .sections
            .iter()
            .filter(|s| s.heading.starts_with("Recommendation "))
            .count();
        assert_eq!(recs, 10, "{format}");
        assert_eq!(r.tables.len(), 10, "{format}");
    }
    for (format, r) in reports("oxfordshire-partnership-2030") {
        assert!(
            r.projects.is_empty(),
            "{format}: the annex of priorities is no project table"
        );
        assert!(
            r.sections.iter().any(|s| s.heading.starts_with("Annex 1")),
            "{format}"
        );
    }
}
