//! Typed rows of project and action-plan tables (work programmes, action
//! trackers).
//!
//! A table is a project table when its columns map by meaning
//! (`columns`) to a description and at least two other project columns; a
//! budget table, a membership list or an annex of priorities is not. Each
//! body row becomes a [`Project`] whose `group` is the heading the table
//! sits under, or a category row inside the table ("Projects Underway"
//! spanning the whole width).

mod columns;
mod lists;

use indexmap::IndexMap;

use crate::document::{BlockKind, Loc, Table, Warning};
use crate::extract::sections;
use crate::extract::tables::split_header;
use crate::report::Project;
use crate::Document;

use columns::Role;

/// Extracts the project rows of `doc`.
pub fn extract(doc: &Document, warnings: &mut Vec<Warning>) -> Vec<Project> {
    let outline = sections::outline(doc);
    let mut out = Vec::new();
    for (i, b) in doc.blocks.iter().enumerate() {
        let BlockKind::Table(t) = &b.kind else {
            continue;
        };
        out.extend(from_table(t, outline.heading_at(i), b.loc, warnings));
    }
    out
}

/// Whether a cell states a figure ("1,429.5", "-0.3", "£2.1m", "84%",
/// "Target: 92%, Floor 90%"): a digit and at most three words of letters.
fn is_figure(cell: &str) -> bool {
    let words = cell
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() > 1)
        .count();
    cell.chars().any(|c| c.is_ascii_digit()) && words <= 3
}

/// Whether the body of a table is mostly figures: a budget sheet or a
/// table of indicators, never a work programme, whatever its headers say.
fn mostly_figures(rows: &[Vec<String>]) -> bool {
    let filled: Vec<&String> = rows
        .iter()
        .flatten()
        .filter(|c| !c.trim().is_empty())
        .collect();
    let figures = filled.iter().filter(|c| is_figure(c)).count();
    !filled.is_empty() && figures * 2 >= filled.len()
}

/// Whether the header names money in two or more columns ("Opening
/// Balance", "Forecast Contribution / Drawdown", "Budget £m", "Variance"):
/// a financial or reserves table, never a plan of work. The first body row
/// is looked at too, for a header a reader set on two rows; only short,
/// header-like cells count.
fn names_money(header: &[String], rows: &[Vec<String>]) -> bool {
    const MONEY: &[&str] = &[
        "balance",
        "balances",
        "budget",
        "budgets",
        "forecast",
        "variance",
        "drawdown",
        "drawdowns",
        "contribution",
        "contributions",
        "outturn",
        "expenditure",
        "income",
        "spend",
        "£m",
        "£000",
        "£000s",
        "£k",
        "reserve",
        "reserves",
    ];
    let width = header.len();
    let first = rows.first();
    (0..width)
        .filter(|&c| {
            let texts = [
                header.get(c).map(String::as_str).unwrap_or(""),
                first
                    .and_then(|r| r.get(c))
                    .map(String::as_str)
                    .unwrap_or(""),
            ];
            // Header cells are short; a sentence about a budget is a row.
            texts.iter().any(|t| {
                t.split_whitespace().count() <= 5
                    && t.to_lowercase()
                        .split(|ch: char| !(ch.is_alphanumeric() || ch == '£'))
                        .any(|w| MONEY.contains(&w))
            })
        })
        .count()
        >= 2
}

/// Whether the first column lists performance indicators ("Education &
/// Skills KPIs", "Indicator", "Measure") rated in the other columns: a
/// scorecard, not a plan of work.
fn lists_indicators(header: &[String]) -> bool {
    header.first().is_some_and(|h| {
        h.to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| {
                matches!(
                    w,
                    "kpi" | "kpis" | "indicator" | "indicators" | "measure" | "measures"
                )
            })
    })
}

/// How many columns hold nothing but ratings ("GREEN", "Amber"): a
/// scorecard rates the same rows twice (latest and previous), a plan of work
/// has one status column.
fn rating_columns(rows: &[Vec<String>]) -> usize {
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    (0..width)
        .filter(|&c| {
            // Rows naming nothing (a "Latest | Previous" sub-header) aside.
            let filled: Vec<&str> = rows
                .iter()
                .filter(|r| r.first().is_some_and(|f| !f.trim().is_empty()))
                .filter_map(|r| r.get(c))
                .map(|t| t.trim())
                .filter(|t| !t.is_empty())
                .collect();
            !filled.is_empty() && filled.iter().all(|t| columns::is_status_word(t))
        })
        .count()
}

/// The project rows of one table, or none if it is not a project table.
fn from_table(
    t: &Table,
    group: Option<String>,
    loc: Loc,
    warnings: &mut Vec<Warning>,
) -> Vec<Project> {
    let (mut header, mut rows) = split_header(t);
    if header.is_empty() {
        // A reader that could not tell the header row: try the first row.
        if rows.is_empty() {
            return Vec::new();
        }
        header = rows.remove(0);
    }
    // Rows a page break (or a reader) cut in two are joined first, with the
    // description column as first mapped, then the columns are mapped on
    // the whole rows.
    let first = columns::map_columns(&header, &rows);
    let rows = join_split_rows(rows, &first);
    let roles = columns::map_columns(&header, &rows);
    if !columns::is_project_table(&roles)
        || mostly_figures(&rows)
        || names_money(&header, &rows)
        || lists_indicators(&header)
        || rating_columns(&rows) >= 2
    {
        return Vec::new();
    }
    let keys = cell_keys(&header);
    for (c, role) in roles.iter().enumerate() {
        if role.is_none() {
            let name = keys.get(c).cloned().unwrap_or_default();
            warnings.push(Warning {
                code: "project-column-unmapped".into(),
                message: format!(
                    "project table column \"{name}\" has no known meaning; kept in cells only"
                ),
                loc: Some(loc),
            });
        }
    }
    let mut group = group;
    let mut out = Vec::new();
    for row in &rows {
        let filled: Vec<&String> = row.iter().filter(|c| !c.trim().is_empty()).collect();
        let first = row.first().map(|c| c.trim()).unwrap_or("");
        let category = row.len() >= 3
            && filled.len() == 1
            && first.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
        if category {
            // A category row inside the table.
            group = row.first().map(|c| c.trim().to_string());
            continue;
        }
        let get = |role: Role| -> Option<String> {
            let c = roles.iter().position(|r| *r == Some(role))?;
            let text = row.get(c)?.trim();
            (!text.is_empty()).then(|| text.to_string())
        };
        // A row with nothing to describe (a sub-header of figures' names,
        // "Latest | Previous") is no project.
        if get(Role::Description).is_none() {
            continue;
        }
        let cells: IndexMap<String, String> =
            keys.iter().cloned().zip(row.iter().cloned()).collect();
        out.push(Project {
            group: group.clone(),
            description: get(Role::Description),
            outputs: get(Role::Outputs)
                .map(|t| lists::split(&t))
                .unwrap_or_default(),
            timescale: get(Role::Timescale),
            target_date: get(Role::TargetDate),
            status: get(Role::Status),
            update: get(Role::Update),
            resources: get(Role::Resources)
                .map(|t| lists::split(&t))
                .unwrap_or_default(),
            owner: get(Role::Owner),
            cells,
            loc,
        });
    }
    out
}

/// Joins a row that a page break cut in two back onto the row above: the
/// lower part has an empty description, or one that starts in lower case
/// (the rest of a sentence).
fn join_split_rows(rows: Vec<Vec<String>>, roles: &[Option<Role>]) -> Vec<Vec<String>> {
    let desc = roles
        .iter()
        .position(|r| *r == Some(Role::Description))
        .unwrap_or(0);
    let mut out: Vec<Vec<String>> = Vec::with_capacity(rows.len());
    for row in rows {
        let d = row.get(desc).map(|t| t.trim()).unwrap_or("");
        let continues = d.is_empty() || d.chars().next().is_some_and(char::is_lowercase);
        // A category row ("Projects Underway" across the table) starts a group.
        let starts_lower = d.chars().next().is_some_and(char::is_lowercase);
        let category = row.iter().filter(|c| !c.trim().is_empty()).count() == 1
            && !d.is_empty()
            && !starts_lower;
        match out.last_mut() {
            Some(prev) if continues && !category => {
                let row = realign(prev, row, desc);
                for (p, c) in prev.iter_mut().zip(&row) {
                    let c = c.trim();
                    if c.is_empty() {
                        continue;
                    }
                    if p.trim().is_empty() {
                        *p = c.to_string();
                        continue;
                    }
                    let lower = c.chars().next().is_some_and(char::is_lowercase);
                    let open = !p.trim_end().ends_with(['.', ';', ':', '!', '?']);
                    p.push(if lower && open { ' ' } else { '\n' });
                    p.push_str(c);
                }
            }
            _ => out.push(row),
        }
    }
    out
}

/// The lower part of a row whose upper part holds only its description:
/// where a reader lost the empty cells in between, its filled cells run
/// short of the last column; move them right so that they end there.
fn realign(prev: &[String], row: Vec<String>, desc: usize) -> Vec<String> {
    let only_desc = prev
        .iter()
        .enumerate()
        .all(|(c, t)| c == desc || t.trim().is_empty());
    let trailing_empty = row.iter().rev().take_while(|t| t.trim().is_empty()).count();
    if !only_desc || trailing_empty == 0 || trailing_empty == row.len() {
        return row;
    }
    let first_filled = row.iter().position(|t| !t.trim().is_empty()).unwrap_or(0);
    if first_filled <= desc {
        return row;
    }
    let mut out = vec![String::new(); row.len()];
    for (c, t) in row.into_iter().enumerate() {
        if let Some(slot) = out.get_mut(c + trailing_empty) {
            *slot = t;
        }
    }
    out
}

/// The keys of `cells`: each header verbatim, or "Column N" where a header
/// is empty or repeats one to its left.
fn cell_keys(header: &[String]) -> Vec<String> {
    let mut keys: Vec<String> = Vec::with_capacity(header.len());
    for (c, h) in header.iter().enumerate() {
        let h = h.trim();
        if h.is_empty() || keys.iter().any(|k| k == h) {
            keys.push(format!("Column {}", c + 1));
        } else {
            keys.push(h.to_string());
        }
    }
    keys
}

#[cfg(test)]
mod tests;
