//! Mapping the columns of a project or action-plan table by meaning.
//!
//! A column gets its role from its header words first. Some action trackers
//! print no usable header (a title cell and "October 2024 & final update"
//! over four columns), so the cells speak too: a column of status words
//! ("Complete", "Ongoing", "Amber") is the status, a column of dates is the
//! target date, whatever its header says; the update then goes to the
//! longest text column left, and the description to the first.

use crate::text::find_date;

/// What a column of a project table holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// The project or action itself.
    Description,
    /// Deliverable outputs.
    Outputs,
    /// A duration ("6-12 months").
    Timescale,
    /// A date to deliver by.
    TargetDate,
    /// Status or RAG rating.
    Status,
    /// Progress text.
    Update,
    /// Resource implications or cost.
    Resources,
    /// Lead, owner or responsible group.
    Owner,
}

/// The role a header names, if any. A header a pdf reader broke inside a
/// word ("Timescal e") is also tried with its spaces removed.
pub(crate) fn header_role(header: &str) -> Option<Role> {
    role_by_words(header).or_else(|| {
        let squashed: String = header.chars().filter(|c| !c.is_whitespace()).collect();
        let squashed = squashed.to_lowercase();
        [
            ("status", Role::Status),
            ("update", Role::Update),
            ("progress", Role::Update),
            ("timescale", Role::Timescale),
            ("timeframe", Role::Timescale),
            ("targetdate", Role::TargetDate),
            ("deadline", Role::TargetDate),
            ("output", Role::Outputs),
            ("deliverable", Role::Outputs),
            ("resource", Role::Resources),
            ("owner", Role::Owner),
            ("description", Role::Description),
        ]
        .into_iter()
        .find(|(k, _)| squashed.contains(k))
        .map(|(_, r)| r)
    })
}

fn role_by_words(header: &str) -> Option<Role> {
    let h = header.to_lowercase();
    let words: Vec<&str> = h
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let has = |w: &str| words.contains(&w);
    let has_prefix = |p: &str| words.iter().any(|w| w.starts_with(p));
    if has("status") || has("rag") {
        return Some(Role::Status);
    }
    if has("update")
        || has("updates")
        || has_prefix("progress")
        || has("commentary")
        || has("comments")
        || has("position")
    {
        return Some(Role::Update);
    }
    if has("timescale")
        || has("timescales")
        || has("timeframe")
        || has("timeline")
        || has("duration")
    {
        return Some(Role::Timescale);
    }
    if has("deadline")
        || h.contains("target date")
        || h.contains("by when")
        || h.contains("due date")
        || h.contains("completion date")
        || has("date")
        || has("when")
    {
        return Some(Role::TargetDate);
    }
    if has_prefix("output") || has_prefix("deliverable") {
        return Some(Role::Outputs);
    }
    if has_prefix("resource") || has("cost") || has("costs") || has("funding") {
        return Some(Role::Resources);
    }
    if has("owner")
        || has("lead")
        || has("responsible")
        || has("sponsor")
        || h.contains("advisory group")
        || has("who")
    {
        return Some(Role::Owner);
    }
    if has("description")
        || has("action")
        || has("actions")
        || has("project")
        || has("projects")
        || has("task")
        || has("activity")
        || has("deliver")
    {
        return Some(Role::Description);
    }
    None
}

/// What the cells of a column look like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Content {
    Status,
    Date,
    Text,
    Empty,
}

pub(crate) fn is_status_word(text: &str) -> bool {
    const WORDS: &[&str] = &[
        "complete",
        "completed",
        "ongoing",
        "on-going",
        "on track",
        "in progress",
        "not started",
        "delayed",
        "red",
        "amber",
        "green",
        "closed",
        "open",
        "done",
        "achieved",
        "overdue",
        "at risk",
        "on hold",
        "started",
        "underway",
        "partially complete",
    ];
    let t = text.trim().trim_end_matches('.').to_lowercase();
    WORDS.contains(&t.as_str())
}

fn content_of(cells: &[&str]) -> Content {
    let filled: Vec<&str> = cells
        .iter()
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .collect();
    if filled.is_empty() {
        return Content::Empty;
    }
    if filled.iter().all(|c| is_status_word(c)) {
        return Content::Status;
    }
    if filled
        .iter()
        .all(|c| c.split_whitespace().count() <= 6 && find_date(c).is_some())
    {
        return Content::Date;
    }
    Content::Text
}

/// Assigns a role to each column. `headers` and each row hold one text per
/// grid column.
pub(crate) fn map_columns(headers: &[String], rows: &[Vec<String>]) -> Vec<Option<Role>> {
    let width = headers.len();
    let mut roles: Vec<Option<Role>> = headers.iter().map(|h| header_role(h)).collect();
    let contents: Vec<Content> = (0..width)
        .map(|c| {
            let col: Vec<&str> = rows
                .iter()
                .map(|r| r.get(c).map(String::as_str).unwrap_or(""))
                .collect();
            content_of(&col)
        })
        .collect();
    let avg_len: Vec<usize> = (0..width)
        .map(|c| {
            let filled: Vec<usize> = rows
                .iter()
                .filter_map(|r| r.get(c))
                .filter(|t| !t.trim().is_empty())
                .map(|t| t.len())
                .collect();
            filled.iter().sum::<usize>() / filled.len().max(1)
        })
        .collect();

    // Strong content beats a missing or misplaced header.
    let mut displaced: Vec<Role> = Vec::new();
    for (c, content) in contents.iter().enumerate() {
        let Some(role) = roles.get_mut(c) else {
            continue;
        };
        let by_content = match content {
            Content::Status => Some(Role::Status),
            Content::Date => Some(Role::TargetDate),
            _ => None,
        };
        if *content == Content::Empty {
            // A progress header over an empty column is misplaced.
            if let Some(r @ Role::Update) = *role {
                displaced.push(r);
                *role = None;
            }
            continue;
        }
        let Some(by_content) = by_content else {
            continue;
        };
        match *role {
            None => *role = Some(by_content),
            Some(r @ (Role::Update | Role::Description)) if r != by_content => {
                displaced.push(r);
                *role = Some(by_content);
            }
            _ => {}
        }
    }
    // A role displaced from a column goes to the best free text column.
    for r in displaced {
        if roles.contains(&Some(r)) {
            continue;
        }
        let free = (0..width).filter(|c| {
            roles.get(*c).is_some_and(Option::is_none)
                && contents.get(*c).is_some_and(|k| *k == Content::Text)
        });
        let pick = match r {
            Role::Description => free.min(),
            _ => free
                .filter(|c| *c > 0)
                .max_by_key(|c| avg_len.get(*c).copied().unwrap_or(0)),
        };
        if let Some(slot) = pick.and_then(|c| roles.get_mut(c)) {
            *slot = Some(r);
        }
    }
    // The description is the first column when no header names it (a
    // tracker's first column is its action), even under a stray progress
    // header, which then moves to the longest free text column.
    if !roles.contains(&Some(Role::Description))
        && contents.first().is_some_and(|k| *k == Content::Text)
    {
        if let Some(slot) = roles.first_mut() {
            match *slot {
                None => *slot = Some(Role::Description),
                Some(Role::Update) => {
                    *slot = Some(Role::Description);
                    let free = (1..width).filter(|c| {
                        roles.get(*c).is_some_and(Option::is_none)
                            && contents.get(*c).is_some_and(|k| *k == Content::Text)
                    });
                    if let Some(s) = free
                        .max_by_key(|c| avg_len.get(*c).copied().unwrap_or(0))
                        .and_then(|c| roles.get_mut(c))
                    {
                        *s = Some(Role::Update);
                    }
                }
                _ => {}
            }
        }
    }
    // An unnamed long-text column after the description is the update.
    if !roles.contains(&Some(Role::Update)) && roles.contains(&Some(Role::Status)) {
        let free = (1..width).filter(|c| {
            roles.get(*c).is_some_and(Option::is_none)
                && contents.get(*c).is_some_and(|k| *k == Content::Text)
                && headers.get(*c).is_some_and(|h| h.trim().is_empty())
        });
        if let Some(slot) = free
            .max_by_key(|c| avg_len.get(*c).copied().unwrap_or(0))
            .and_then(|c| roles.get_mut(c))
        {
            *slot = Some(Role::Update);
        }
    }
    roles
}

/// Whether mapped roles make a project table: a description and two other
/// project columns, one of them a plan's own (outputs, timescale, target
/// date, status or owner) — "cost" and "update" alone turn up in too many
/// other tables.
pub(crate) fn is_project_table(roles: &[Option<Role>]) -> bool {
    let has_desc = roles.contains(&Some(Role::Description));
    // Two columns of one role (two dates: an opening and a closing
    // balance's) are one kind of project column, not two.
    let mut kinds: Vec<Role> = roles
        .iter()
        .flatten()
        .filter(|r| **r != Role::Description)
        .copied()
        .collect();
    kinds.sort_by_key(|r| *r as u8);
    kinds.dedup();
    let others = kinds.len();
    let planned = roles.iter().flatten().any(|r| {
        matches!(
            r,
            Role::Outputs | Role::Timescale | Role::TargetDate | Role::Status | Role::Owner
        )
    });
    has_desc && others >= 2 && planned
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn headers_by_meaning() {
        assert_eq!(header_role("Project description"), Some(Role::Description));
        assert_eq!(header_role("Deliverable outputs"), Some(Role::Outputs));
        assert_eq!(header_role("Timescale"), Some(Role::Timescale));
        assert_eq!(header_role("Resource implications"), Some(Role::Resources));
        assert_eq!(header_role("Target date"), Some(Role::TargetDate));
        assert_eq!(header_role("By when"), Some(Role::TargetDate));
        assert_eq!(header_role("RAG"), Some(Role::Status));
        assert_eq!(
            header_role("October 2024 & final update"),
            Some(Role::Update)
        );
        assert_eq!(header_role("Lead officer"), Some(Role::Owner));
        assert_eq!(header_role("Medium Term focus"), None);
        assert_eq!(header_role("Timescal e"), Some(Role::Timescale));
        assert_eq!(header_role("Budget 2024-25"), None);
    }

    #[test]
    fn content_fixes_a_header_that_does_not_fit() {
        let headers = s(&[
            "CO-DESIGN SHARED OUTCOMES",
            "October 2024 & final update",
            "",
            "",
        ]);
        let rows = vec![
            s(&[
                "Launch the website",
                "",
                "Complete",
                "The website was launched in January.",
            ]),
            s(&[
                "Establish a board",
                "December 2024",
                "Ongoing",
                "A board is being set up.",
            ]),
        ];
        let roles = map_columns(&headers, &rows);
        assert_eq!(
            roles,
            [
                Some(Role::Description),
                Some(Role::TargetDate),
                Some(Role::Status),
                Some(Role::Update)
            ]
        );
        assert!(is_project_table(&roles));

        let headers = s(&["October 2024 & final update", "", ""]);
        let rows = vec![s(&[
            "Reinstate meetings",
            "Complete",
            "This has been done.",
        ])];
        let roles = map_columns(&headers, &rows);
        assert_eq!(
            roles,
            [
                Some(Role::Description),
                Some(Role::Status),
                Some(Role::Update)
            ]
        );

        let headers = s(&["CMT AND CABINET", "October 2024 & final update", ""]);
        let rows = vec![s(&[
            "Reinstate meetings",
            "Complete",
            "This has been done.",
        ])];
        let roles = map_columns(&headers, &rows);
        assert_eq!(
            roles,
            [
                Some(Role::Description),
                Some(Role::Status),
                Some(Role::Update)
            ]
        );

        // No target dates at all in this tracker: the column stays empty.
        let headers = s(&["PROJECT MANAGEMENT", "October 2024 & final update", "", ""]);
        let rows = vec![s(&[
            "Keep the PMO",
            "",
            "Complete",
            "The PMO is working well.",
        ])];
        let roles = map_columns(&headers, &rows);
        assert_eq!(
            roles,
            [
                Some(Role::Description),
                None,
                Some(Role::Status),
                Some(Role::Update)
            ]
        );
    }

    #[test]
    fn other_tables_are_not_projects() {
        let headers = s(&[
            "Medium Term focus",
            "Oxon 2030 Theme",
            "Partnership",
            "Medium Term Priority",
        ]);
        let rows = vec![s(&[
            "Housing",
            "World Class Economy",
            "Spatial Planning",
            "Homes",
        ])];
        assert!(!is_project_table(&map_columns(&headers, &rows)));
        let headers = s(&[
            "Service",
            "Budget 2024-25 £000",
            "Forecast £000",
            "Variance £000",
        ]);
        let rows = vec![s(&["Adults", "1,200", "1,250", "50"])];
        assert!(!is_project_table(&map_columns(&headers, &rows)));
        let headers = s(&[
            "Oxford Local Plan 2040",
            "Cost of Living Crisis",
            "Community First update",
        ]);
        let rows = vec![s(&[
            "Shared prosperity funding",
            "Homes for Ukraine",
            "New housing",
        ])];
        assert!(!is_project_table(&map_columns(&headers, &rows)));
    }
}
