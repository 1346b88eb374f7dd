//! Tables that an export flattened to one cell per line with blank lines
//! between, such as work-programme tables: a run of short column headers
//! ("Project description", "Deliverable outputs", …) followed by the cells
//! row by row. Rows are rebuilt from the header count, the value shapes of a
//! time column ("1-2 years", "6-12 months") and the lengths of blank-line
//! runs.

use std::sync::LazyLock;

use regex::Regex;

use crate::document::Link;
use crate::text::{join_wrapped, parse_label, LabelOptions};

use super::lines::{is_bare_url, Line};
use super::tables::{cell_text, is_pipe_line, is_tab_cell_line, is_tab_row_line, ProtoTable};

/// Words that name table columns in council papers.
const HEADER_WORDS: &[&str] = &[
    "description",
    "deliverable",
    "deliverables",
    "output",
    "outputs",
    "outcome",
    "outcomes",
    "timescale",
    "timescales",
    "timeline",
    "timeframe",
    "resource",
    "resources",
    "implications",
    "cost",
    "costs",
    "budget",
    "status",
    "owner",
    "lead",
    "responsible",
    "action",
    "actions",
    "date",
    "dates",
    "target",
    "deadline",
    "update",
    "progress",
    "risk",
    "risks",
    "milestone",
    "milestones",
    "comments",
    "comment",
    "priority",
    "rag",
    "measure",
    "measures",
    "objective",
    "objectives",
    "activity",
    "activities",
    "task",
    "tasks",
    "funding",
    "ref",
    "reference",
];

/// Words of a time column's header.
const TIME_WORDS: &[&str] = &[
    "timescale",
    "timescales",
    "timeline",
    "timeframe",
    "date",
    "dates",
    "deadline",
    "target",
];

static DURATION: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:an?\s+)?(?:\d+\s*(?:-|–|to)\s*)?(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty-four)[\s-]*(?:years?|months?|weeks?)\b",
    )
    .ok()
});

/// A paragraph of the flattened table: consecutive non-blank lines.
#[derive(Debug, Clone)]
struct Chunk {
    /// Index of its first line.
    start: usize,
    /// Index after its last line.
    end: usize,
    /// Blank lines before it.
    gap: usize,
    text: String,
}

fn chunks_from(lines: &[Line], start: usize, max: usize) -> Vec<Chunk> {
    let mut out = Vec::new();
    let mut i = start;
    let mut gap = 0;
    while let Some(line) = lines.get(i) {
        if out.len() >= max {
            break;
        }
        if line.is_blank() {
            gap += 1;
            i += 1;
            continue;
        }
        if is_pipe_line(line.text()) || is_tab_row_line(&line.raw) || is_tab_cell_line(&line.raw) {
            break;
        }
        let s = i;
        let mut text = String::new();
        while lines.get(i).is_some_and(|l| !l.is_blank()) {
            join_wrapped(&mut text, lines.get(i).map_or("", Line::text));
            i += 1;
        }
        out.push(Chunk {
            start: s,
            end: i,
            gap,
            text,
        });
        gap = 0;
    }
    out
}

fn is_header_cell(text: &str) -> bool {
    let t = crate::text::normalize(text);
    let words: Vec<String> = t
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    !t.is_empty()
        && t.chars().count() <= 40
        && words.len() <= 4
        && !t.ends_with('.')
        && !t.ends_with(':')
        && t.chars().next().is_some_and(char::is_uppercase)
        && words.iter().any(|w| HEADER_WORDS.contains(&w.as_str()))
}

fn header_run(chunks: &[Chunk]) -> usize {
    chunks
        .iter()
        .take_while(|c| is_header_cell(&c.text))
        .count()
}

fn is_time_value(text: &str) -> bool {
    DURATION.as_ref().is_some_and(|re| re.is_match(text.trim()))
}

/// Whether a flattened table's header run starts at line `start`.
pub fn starts_here(lines: &[Line], start: usize) -> bool {
    // A header cell is a few words (`is_header_cell`: 40 characters at most),
    // never a long run of lines. Refusing long runs before joining them keeps
    // this linear: it is asked at every line of a paragraph, and joining the
    // rest of an unbroken run each time was quadratic (8,000 bullet lines
    // with no blank line between them took 35 s).
    const MAX_HEADER_LINES: usize = 8;
    let run = lines
        .iter()
        .skip(start)
        .take(MAX_HEADER_LINES + 1)
        .take_while(|l| !l.is_blank())
        .count();
    if run > MAX_HEADER_LINES {
        return false;
    }
    let chunks = chunks_from(lines, start, 2);
    chunks.len() == 2
        && header_run(&chunks) == 2
        && chunks.first().is_some_and(|c| c.start == start)
}

/// A table rebuilt from flattened cells.
pub struct Flat {
    /// The table.
    pub table: ProtoTable,
    /// Index of the first line after it.
    pub end: usize,
    /// Whether a column header was missing and had to be inferred.
    pub inferred_column: bool,
}

/// Rebuilds the flattened table whose header run starts at line `start`.
/// `previous` is the header of the last such table in the document (a
/// report repeats the same columns), used to name a column whose header the
/// export lost.
pub fn read(
    lines: &[Line],
    start: usize,
    previous: Option<&[String]>,
    links: &mut Vec<Link>,
) -> Option<Flat> {
    let chunks = chunks_from(lines, start, 4000);
    let nh = header_run(&chunks);
    if nh < 2 {
        return None;
    }
    let (head, rest) = chunks.split_at(nh);
    // Body: up to a numbered paragraph, or the title of the next table.
    let mut body: Vec<Chunk> = Vec::new();
    for (k, c) in rest.iter().enumerate() {
        let first_line = lines.get(c.start).map_or("", Line::text);
        let labelled =
            parse_label(first_line, LabelOptions::default()).is_some_and(|(l, _)| !l.is_bullet());
        let next_is_header = rest.get(k + 1..).is_some_and(|r| header_run(r) >= 2);
        if labelled
            || next_is_header
            || rest.get(k..).is_some_and(|r| header_run(r) >= 2)
            || is_bare_url(&c.text)
        {
            break;
        }
        body.push(c.clone());
    }
    // Columns: a wider gap between two headers marks a header the export lost.
    let min_gap = head.iter().skip(1).map(|c| c.gap).min().unwrap_or(1);
    let mut names: Vec<String> = Vec::new();
    let mut inserted: Option<usize> = None;
    for (k, c) in head.iter().enumerate() {
        if k > 0 && c.gap > min_gap && inserted.is_none() {
            inserted = Some(names.len());
            names.push(String::new());
        }
        names.push(crate::text::normalize(&c.text));
    }
    let ncols = names.len();
    let time_col = names
        .iter()
        .position(|n| {
            n.split_whitespace()
                .any(|w| TIME_WORDS.contains(&w.to_lowercase().as_str()))
        })
        .or(inserted);
    let anchors: Vec<usize> = body
        .iter()
        .enumerate()
        .filter(|(_, c)| is_time_value(&c.text))
        .map(|(k, _)| k)
        .collect();
    if let Some(pos) = inserted {
        let from_previous = previous
            .filter(|p| p.len() == ncols)
            .and_then(|p| p.get(pos))
            .filter(|n| !n.is_empty());
        let name = match from_previous {
            Some(n) => n.clone(),
            None if !anchors.is_empty() && time_col == Some(pos) => "Timescale".to_string(),
            None => String::new(),
        };
        if let Some(slot) = names.get_mut(pos) {
            *slot = name;
        }
    }
    let (rows, used) = match time_col {
        Some(tc) if !anchors.is_empty() && tc > 0 && tc < ncols => {
            anchored_rows(&body, &anchors, tc, ncols)?
        }
        _ => sequential_rows(&body, ncols)?,
    };
    if rows.is_empty() {
        return None;
    }
    let end = used
        .checked_sub(1)
        .and_then(|k| body.get(k))
        .map_or(head.last().map_or(start, |c| c.end), |c| c.end);
    let mut table = ProtoTable {
        rows: vec![names],
        header_rows: 1,
        empty_header: false,
    };
    for row in rows {
        table.rows.push(
            row.iter()
                .map(|cell| {
                    let texts: Vec<&str> = cell
                        .iter()
                        .map(|&k| body.get(k).map_or("", |c| c.text.as_str()))
                        .collect();
                    cell_text(&texts, links)
                })
                .collect(),
        );
    }
    Some(Flat {
        table,
        end,
        inferred_column: inserted.is_some(),
    })
}

type Rows = Vec<Vec<Vec<usize>>>;

/// Rows of `ncols` chunks each, while complete.
fn sequential_rows(body: &[Chunk], ncols: usize) -> Option<(Rows, usize)> {
    if ncols == 0 {
        return None;
    }
    let mut rows = Vec::new();
    let mut k = 0;
    while k + ncols <= body.len() {
        rows.push((k..k + ncols).map(|x| vec![x]).collect());
        k += ncols;
    }
    Some((rows, k))
}

/// Rows anchored on the time column: each row holds one time value; the
/// chunks before it fill the columns to its left (first chunk in the first
/// column), those after it the columns to its right, and the row boundary
/// between two anchors is the widest blank run that is not followed by
/// another wide one.
fn anchored_rows(
    body: &[Chunk],
    anchors: &[usize],
    tc: usize,
    ncols: usize,
) -> Option<(Rows, usize)> {
    let gap = |k: usize| body.get(k).map_or(0, |c| c.gap) as f32;
    let mut starts = vec![0usize];
    for pair in anchors.windows(2) {
        let (a, b) = (*pair.first()?, *pair.get(1)?);
        // candidate s: first chunk of the next row, a+1 <= s <= b-1
        let mut best: Option<(f32, usize)> = None;
        for s in a + 1..b {
            let mut score = gap(s) - gap(s + 1) / 2.0;
            if s == a + 1 && ncols > tc + 1 {
                score -= 100.0; // the right-hand columns would be empty
            }
            if s + 1 == b && tc > 1 {
                score -= 1.0; // the next row's middle columns would be empty
            }
            if best.is_none_or(|(bs, _)| score >= bs) {
                best = Some((score, s));
            }
        }
        starts.push(best?.1);
    }
    let last = *anchors.last()?;
    let mut end = last + 1;
    while body.get(end).is_some_and(|c| end == last + 1 || c.gap < 5) {
        end += 1;
    }
    let mut rows = Vec::new();
    for (r, &s) in starts.iter().enumerate() {
        let a = *anchors.get(r)?;
        let row_end = starts.get(r + 1).copied().unwrap_or(end);
        let mut cells: Vec<Vec<usize>> = vec![Vec::new(); ncols];
        let left: Vec<usize> = (s..a).collect();
        spread(&left, cells.get_mut(..tc)?);
        if let Some(c) = cells.get_mut(tc) {
            c.push(a);
        }
        let right: Vec<usize> = (a + 1..row_end).collect();
        spread(&right, cells.get_mut(tc + 1..)?);
        rows.push(cells);
    }
    Some((rows, end))
}

/// One chunk per column, the rest in the last column.
fn spread(items: &[usize], cols: &mut [Vec<usize>]) {
    let n = cols.len();
    if n == 0 {
        return;
    }
    for (k, &item) in items.iter().enumerate() {
        if let Some(c) = cols.get_mut(k.min(n - 1)) {
            c.push(item);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::txt::lines::split;

    #[test]
    fn rebuilds_rows_around_time_values() {
        let src = "Project description\n\nDeliverable outputs\n\n\nResource implications\n\n\n\nFirst project\n\n-Output A\n\n-Output B\n\n\n\n1-2 years\n\n\nCost circa £150\n\nOfficer time\n\n\n\n\n\n\nSecond project\n\nOutput C\n\n\n6-12 months\n\nOfficer time\n\n\n\n\n\n11) Next paragraph";
        let lines = split(src);
        assert!(starts_here(&lines, 0));
        let mut links = Vec::new();
        let flat = read(&lines, 0, None, &mut links).unwrap();
        let rows = &flat.table.rows;
        assert!(flat.inferred_column);
        assert_eq!(rows.len(), 3);
        assert_eq!(
            rows[0],
            [
                "Project description",
                "Deliverable outputs",
                "Timescale",
                "Resource implications"
            ]
        );
        assert_eq!(
            rows[1],
            [
                "First project",
                "-Output A\n-Output B",
                "1-2 years",
                "Cost circa £150\nOfficer time"
            ]
        );
        assert_eq!(
            rows[2],
            ["Second project", "Output C", "6-12 months", "Officer time"]
        );
        assert_eq!(
            lines.get(flat.end - 1).map(Line::text),
            Some("Officer time")
        );
    }

    #[test]
    fn rows_of_equal_cells_without_time_values() {
        let src = "Project description\n\nDeliverable outputs\n\n\nResource implications\n\nA\n\nTBD\n\nTBD\n\nTBD\n\nB\n\nTBD\n\nTBD\n\nTBD\n\nClosing Heading\n\n12) Text";
        let lines = split(src);
        let prev: Vec<String> = [
            "Project description",
            "Deliverable outputs",
            "Timescale",
            "Resource implications",
        ]
        .map(String::from)
        .to_vec();
        let mut links = Vec::new();
        let flat = read(&lines, 0, Some(&prev), &mut links).unwrap();
        assert_eq!(flat.table.rows.len(), 3);
        assert_eq!(flat.table.rows[0], prev);
        assert_eq!(lines.get(flat.end).map(Line::text), Some(""));
    }
}
