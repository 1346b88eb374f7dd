use super::*;
use crate::extract::testdoc::DocBuilder;

#[test]
fn work_programme_rows_by_group() {
    let header: &[&str] = &[
        "Project description",
        "Deliverable outputs",
        "Timescale",
        "Resource implications",
    ];
    let doc = DocBuilder::new()
        .heading(2, "Projects Underway")
        .table(
            1,
            &[
                header,
                &[
                    "Ensure partnership.",
                    "-Network,\n-Metro",
                    "1-2 years",
                    "Officer time",
                ],
            ],
        )
        .heading(2, "Projects Committed")
        .table(
            1,
            &[
                header,
                &[
                    "Develop OxIS.",
                    "OxIS Phase3",
                    "6-12 months",
                    "-75k approximate cost of commission.\n-FOP project management.",
                ],
                &[
                    "Accelerate EV.",
                    "Proposals",
                    "1-2 years",
                    "FOP project management.",
                ],
            ],
        )
        .heading(2, "Annex")
        .table(
            1,
            &[
                &["Medium Term focus", "Theme", "Partnership"],
                &["Housing", "Economy", "Planning"],
            ],
        )
        .build();
    let mut w = Vec::new();
    let p = extract(&doc, &mut w);
    assert_eq!(p.len(), 3);
    assert_eq!(p[0].group.as_deref(), Some("Projects Underway"));
    assert_eq!(p[0].outputs, ["Network,", "Metro"]);
    assert_eq!(p[1].group.as_deref(), Some("Projects Committed"));
    assert_eq!(p[1].description.as_deref(), Some("Develop OxIS."));
    assert_eq!(p[1].timescale.as_deref(), Some("6-12 months"));
    assert_eq!(
        p[1].resources,
        [
            "-75k approximate cost of commission.",
            "FOP project management."
        ]
    );
    assert_eq!(
        p[1].cells.get("Timescale").map(String::as_str),
        Some("6-12 months")
    );
    assert!(w.is_empty());
}

#[test]
fn action_tracker_without_clear_header() {
    let doc = DocBuilder::new()
        .heading(2, "Recommendation 8: CMT and Cabinet")
        .table(
            0,
            &[
                &[
                    "CMT AND CABINET",
                    "October 2024 & final update",
                    "",
                    "Notes",
                ],
                &[
                    "Reinstate meetings",
                    "Complete",
                    "This has been done monthly.",
                    "",
                ],
                &[
                    "Implement one meeting a month",
                    "Ongoing",
                    "Meetings are planned.",
                    "x",
                ],
            ],
        )
        .build();
    let mut w = Vec::new();
    let p = extract(&doc, &mut w);
    assert_eq!(p.len(), 2);
    assert_eq!(
        p[0].group.as_deref(),
        Some("Recommendation 8: CMT and Cabinet")
    );
    assert_eq!(p[0].description.as_deref(), Some("Reinstate meetings"));
    assert_eq!(p[0].status.as_deref(), Some("Complete"));
    assert_eq!(p[0].update.as_deref(), Some("This has been done monthly."));
    assert_eq!(p[0].target_date, None);
    assert_eq!(
        p[0].cells.keys().collect::<Vec<_>>(),
        [
            "CMT AND CABINET",
            "October 2024 & final update",
            "Column 3",
            "Notes"
        ]
    );
    assert_eq!(w.len(), 1, "the Notes column is unmapped: {w:?}");
}

#[test]
fn a_row_cut_by_a_page_break_is_joined() {
    let doc = DocBuilder::new()
        .heading(2, "Projects Committed")
        .table(
            1,
            &[
                &[
                    "Project description",
                    "Deliverable outputs",
                    "Timescale",
                    "Resource implications",
                ],
                &["Explore", "Explore a joint", "1-2 years", "Officer time"],
                &[
                    "introduction of the offset model",
                    "approach to offsetting",
                    "",
                    "commitment by partners\nLink to PAG work",
                ],
                &["", "", "", "partners"],
                &[
                    "Explore Green Finance",
                    "-Establish a group",
                    "1-2 years",
                    "Officer time.",
                ],
            ],
        )
        .build();
    let p = extract(&doc, &mut Vec::new());
    assert_eq!(p.len(), 2);
    assert_eq!(
        p[0].description.as_deref(),
        Some("Explore introduction of the offset model")
    );
    assert_eq!(p[0].outputs, ["Explore a joint approach to offsetting"]);
    assert_eq!(
        p[0].resources,
        [
            "Officer time commitment by partners",
            "Link to PAG work partners"
        ]
    );
}

#[test]
fn a_row_that_lost_its_empty_cells_is_realigned() {
    let doc = DocBuilder::new()
        .heading(2, "Recommendation 5: Regeneration")
        .table(
            1,
            &[
                &["REGENERATION", "October 2024 & final update", "", ""],
                &["Link to work on a Place Narrative", "", "", ""],
                &["", "Complete", "The narrative is complete.", ""],
                &[
                    "Focus on engagement",
                    "March 2025",
                    "Ongoing",
                    "Under review.",
                ],
            ],
        )
        .build();
    let p = extract(&doc, &mut Vec::new());
    assert_eq!(p.len(), 2);
    assert_eq!(p[0].status.as_deref(), Some("Complete"));
    assert_eq!(p[0].target_date, None);
    assert_eq!(p[0].update.as_deref(), Some("The narrative is complete."));
    assert_eq!(p[1].target_date.as_deref(), Some("March 2025"));
}

#[test]
fn a_reserves_table_and_its_header_rows_are_no_projects() {
    // A reader that kept no header: the first row is taken as the header,
    // the second header row comes as a body row with two date-like cells.
    let doc = DocBuilder::new()
        .heading(2, "Reserves Monitoring")
        .table(
            0,
            &[
                &["", "Opening", "Forecast", "Projected", ""],
                &[
                    "Reserve",
                    "Balance\n01/04/24",
                    "Contribution\n/ Drawdown",
                    "Balance\n31/03/25",
                    "Details of key movements",
                ],
            ],
        )
        .build();
    assert!(extract(&doc, &mut Vec::new()).is_empty());
}

#[test]
fn two_date_columns_are_one_project_column() {
    let roles = [
        Some(Role::Description),
        Some(Role::TargetDate),
        Some(Role::TargetDate),
    ];
    assert!(!columns::is_project_table(&roles));
    let roles = [
        Some(Role::Description),
        Some(Role::TargetDate),
        Some(Role::Status),
    ];
    assert!(columns::is_project_table(&roles));
}

#[test]
fn a_plan_with_cost_and_dates_is_still_a_plan() {
    // One money word (a cost column) does not make a budget table.
    let doc = DocBuilder::new()
        .table(
            1,
            &[
                &["Action", "Lead", "Target date", "Budget"],
                &[
                    "Open the hub",
                    "Head of Service",
                    "March 2025",
                    "Within existing budget",
                ],
                &[
                    "Train staff across the teams",
                    "HR",
                    "June 2025",
                    "Officer time only",
                ],
            ],
        )
        .build();
    assert_eq!(extract(&doc, &mut Vec::new()).len(), 2);
}
