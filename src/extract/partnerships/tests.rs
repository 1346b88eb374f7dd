use super::*;
use crate::extract::testdoc::DocBuilder;

#[test]
fn profiles_from_tables_and_lines() {
    let doc = DocBuilder::new()
        .heading(2, "Introduction")
        .para(0, "1. Intro text.")
        .heading(2, "Oxfordshire Health and Wellbeing Board")
        .table(
            0,
            &[
                &["Date of completion", "1 September 2018"],
                &[
                    "Chairman/ Vice Chairman",
                    "Councillor Ian Hudspeth OCC / Dr Kiren Collison OCCG",
                ],
                &["OCC Lead Member", "Councillor Ian Hudspeth"],
                &["OCC Lead Officer", "Strategic Director for People"],
                &["Last Meeting Date", "10 May 2018 (meeting in public)"],
                &["Next Meeting Date", "15 November 2018"],
                &["Website Address", "n/a"],
            ],
        )
        .heading(3, "Governance Arrangements")
        .para(0, "The Board is a committee.")
        .para(0, "• A bullet")
        .para(1, "1. A numbered line")
        .para(0, "Board Name Health Improvement Board")
        .para(0, "Date of completion 12 September 2018")
        .para(0, "Chairman Councillor Andrew McHugh (Cherwell DC)")
        .para(0, "The previous Chairman was Councillor Anna")
        .para(0, "Badcock of South Oxfordshire DC")
        .para(0, "OCC Lead Member Cllr Lawrie Stratford")
        .para(0, "OCC Lead Officer Strategic Director for People")
        .para(0, "Website Address www.example.org.uk (annual report here)")
        .heading(3, "Governance Arrangements")
        .para(0, "The HIB is a sub-committee.")
        .build();
    let p = extract(&doc, &mut Vec::new());
    assert_eq!(p.len(), 2);
    let a = &p[0];
    assert_eq!(a.name, "Oxfordshire Health and Wellbeing Board");
    assert_eq!(a.chair.as_deref(), Some("Councillor Ian Hudspeth OCC"));
    assert_eq!(a.vice_chair.as_deref(), Some("Dr Kiren Collison OCCG"));
    assert_eq!(
        a.completed.as_ref().and_then(|d| d.iso.as_deref()),
        Some("2018-09-01")
    );
    assert_eq!(a.website, None);
    assert_eq!(a.fields.len(), 7);
    assert_eq!(a.sections.len(), 1);
    assert_eq!(
        a.sections[0].text,
        "The Board is a committee.\n• A bullet\n1. A numbered line"
    );
    let b = &p[1];
    assert_eq!(b.name, "Health Improvement Board");
    assert_eq!(
        b.chair.as_deref(),
        Some("Councillor Andrew McHugh (Cherwell DC)")
    );
    assert!(b.fields[2].value.contains("Anna Badcock of South"));
    assert_eq!(b.lead_member.as_deref(), Some("Cllr Lawrie Stratford"));
    assert_eq!(b.website.as_deref(), Some("www.example.org.uk"));
    assert_eq!(b.sections.len(), 1);
}

#[test]
fn membership_list() {
    let doc = DocBuilder::new()
        .heading(
            2,
            "Appendix 1: Oxford Strategic Partnership Membership – March 2023",
        )
        .table(
            0,
            &[
                &["Paul James (Chair)", "River Learning Trust"],
                &["Gillian Aitken", "Registrar, University of Oxford"],
                &["Ian Green", "Chair, Oxford Civic Society"],
                &["Cllr Susan Brown", "Leader, Oxford City Council"],
            ],
        )
        .build();
    let p = extract(&doc, &mut Vec::new());
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].name, "Oxford Strategic Partnership");
    let m = &p[0].members;
    assert_eq!(m.len(), 4);
    assert_eq!(m[0].name, "Paul James");
    assert!(m[0].is_chair);
    assert_eq!(m[0].role.as_deref(), Some("River Learning Trust"));
    assert_eq!(m.iter().filter(|m| m.is_chair).count(), 1);
}

#[test]
fn txt_like_profiles_with_plain_title_and_heading_lines() {
    let mut b = DocBuilder::new();
    for (name, web) in [
        ("Alpha Board", "www.alpha.org"),
        ("Beta Board", "n/a"),
        ("Gamma Board", "www.gamma.gov.uk"),
    ] {
        b = b
            .para(0, name)
            .para(0, "Date of completion 1 September 2018")
            .para(0, "Chairman Councillor Jo Bloggs")
            .para(0, "OCC Lead Officer Director for People")
            .para(0, &format!("Website Address {web}"))
            .para(0, "Governance Arrangements")
            .para(0, &format!("The {name} meets quarterly in public."))
            .para(0, "The current focus for the Partnership")
            .para(0, "• Prevention")
            .para(0, "• Integration");
    }
    let p = extract(&b.build(), &mut Vec::new());
    let names: Vec<&str> = p.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Alpha Board", "Beta Board", "Gamma Board"]);
    assert_eq!(p[1].website, None);
    assert_eq!(p[2].website.as_deref(), Some("www.gamma.gov.uk"));
    for x in &p {
        let heads: Vec<&str> = x.sections.iter().map(|s| s.heading.as_str()).collect();
        assert_eq!(
            heads,
            [
                "Governance Arrangements",
                "The current focus for the Partnership"
            ]
        );
        assert_eq!(x.sections[1].text, "• Prevention\n• Integration");
    }
}
