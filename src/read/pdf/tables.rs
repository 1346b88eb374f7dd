//! Tables from ruling lines: merge collinear rules, group touching rules into
//! grids, and find each cell with its column and row spans.

use super::content::Rule;

/// A cell of a ruled grid, before its text is known.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GridCell {
    /// Row index (top = 0).
    pub row: usize,
    /// First grid column.
    pub col: usize,
    /// Columns spanned.
    pub col_span: usize,
    /// Rows spanned.
    pub row_span: usize,
    /// The cell's rectangle: left, top, right, bottom.
    pub rect: [f32; 4],
}

/// A ruled grid.
#[derive(Debug, Clone, PartialEq)]
pub struct Grid {
    /// Column boundaries, left to right.
    pub xs: Vec<f32>,
    /// Row boundaries, top to bottom.
    pub ys: Vec<f32>,
    /// The cells, row by row, left to right (spanning cells once).
    pub cells: Vec<GridCell>,
}

impl Grid {
    /// Left, top, right, bottom.
    pub fn bbox(&self) -> [f32; 4] {
        [
            self.xs.first().copied().unwrap_or(0.0),
            self.ys.first().copied().unwrap_or(0.0),
            self.xs.last().copied().unwrap_or(0.0),
            self.ys.last().copied().unwrap_or(0.0),
        ]
    }

    /// Number of rows.
    pub fn rows(&self) -> usize {
        self.ys.len().saturating_sub(1)
    }
}

const TOL: f32 = 2.0;

/// The most ruling lines a page's grids are looked for among: a page with
/// more is read as lines of text.
pub const MAX_RULES: usize = 20_000;

/// Finds the ruled grids among a page's rules.
pub fn find_grids(rules: &[Rule]) -> Vec<Grid> {
    let mut h: Vec<Rule> = rules
        .iter()
        .filter(|r| r.is_horizontal() && r.x1 - r.x0 > TOL)
        .copied()
        .collect();
    let mut v: Vec<Rule> = rules
        .iter()
        .filter(|r| !r.is_horizontal() && r.y1 - r.y0 > TOL)
        .copied()
        .collect();
    if h.len() < 2 || v.len() < 2 || h.len() + v.len() > MAX_RULES {
        return Vec::new();
    }
    h = merge(h, true);
    v = merge(v, false);
    // Bound the pairwise touch test: a page of a million ruling pairs is
    // not a table we can use.
    if h.len().saturating_mul(v.len()) > 4_000_000 {
        return Vec::new();
    }
    // Connected components of touching rules.
    let n = h.len() + v.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(p: &mut [usize], mut i: usize) -> usize {
        while let Some(&q) = p.get(i) {
            if q == i {
                break;
            }
            let gp = p.get(q).copied().unwrap_or(q);
            if let Some(slot) = p.get_mut(i) {
                *slot = gp;
            }
            i = q;
        }
        i
    }
    for (i, a) in h.iter().enumerate() {
        for (j, b) in v.iter().enumerate() {
            let touch = b.x0 >= a.x0 - TOL
                && b.x0 <= a.x1 + TOL
                && a.y0 >= b.y0 - TOL
                && a.y0 <= b.y1 + TOL;
            if touch {
                let (ri, rj) = (find(&mut parent, i), find(&mut parent, h.len() + j));
                if ri != rj {
                    if let Some(s) = parent.get_mut(ri) {
                        *s = rj;
                    }
                }
            }
        }
    }
    let mut groups: std::collections::BTreeMap<usize, (Vec<Rule>, Vec<Rule>)> = Default::default();
    for i in 0..n {
        let root = find(&mut parent, i);
        let e = groups.entry(root).or_default();
        if let Some(r) = h.get(i) {
            e.0.push(*r);
        } else if let Some(r) = v.get(i - h.len()) {
            e.1.push(*r);
        }
    }
    let mut grids: Vec<Grid> = groups
        .into_values()
        .filter(|(hs, vs)| hs.len() >= 2 && vs.len() >= 2)
        .filter_map(|(hs, vs)| grid_of(&hs, &vs))
        .collect();
    grids.sort_by(|a, b| a.bbox()[1].total_cmp(&b.bbox()[1]));
    grids
}

fn merge(mut rules: Vec<Rule>, horizontal: bool) -> Vec<Rule> {
    let key = |r: &Rule| {
        if horizontal {
            (r.y0, r.x0)
        } else {
            (r.x0, r.y0)
        }
    };
    rules.sort_by(|a, b| {
        let (ka, kb) = (key(a), key(b));
        ka.0.total_cmp(&kb.0).then(ka.1.total_cmp(&kb.1))
    });
    let mut out: Vec<Rule> = Vec::with_capacity(rules.len());
    for r in rules {
        if let Some(last) = out.last_mut() {
            if horizontal && (r.y0 - last.y0).abs() <= TOL && r.x0 <= last.x1 + TOL {
                last.x1 = last.x1.max(r.x1);
                continue;
            }
            if !horizontal && (r.x0 - last.x0).abs() <= TOL && r.y0 <= last.y1 + TOL {
                last.y1 = last.y1.max(r.y1);
                continue;
            }
        }
        out.push(r);
    }
    out
}

fn cluster(mut vals: Vec<f32>) -> Vec<f32> {
    vals.sort_by(f32::total_cmp);
    let mut out: Vec<f32> = Vec::new();
    for v in vals {
        match out.last() {
            Some(l) if v - l <= TOL => {}
            _ => out.push(v),
        }
    }
    out
}

/// A row cut by a page break (browsers' print-to-PDF) has its side rules
/// but no rule below it (or, on the next page, above it): where the outer
/// vertical rules both run on past the last (first) horizontal one to the
/// same point, that point closes the grid.
fn close_open_ends(xs: &[f32], ys: &mut Vec<f32>, vs: &[Rule]) {
    let (Some(&left), Some(&right)) = (xs.first(), xs.last()) else {
        return;
    };
    let edge = |x: f32| -> Vec<&Rule> { vs.iter().filter(|r| (r.x0 - x).abs() <= TOL).collect() };
    let (l, r) = (edge(left), edge(right));
    let bottom = |rs: &[&Rule]| rs.iter().map(|r| r.y1).fold(f32::MIN, f32::max);
    let top = |rs: &[&Rule]| rs.iter().map(|r| r.y0).fold(f32::MAX, f32::min);
    if let Some(&last) = ys.last() {
        let (bl, br) = (bottom(&l), bottom(&r));
        if (bl - br).abs() <= TOL && bl > last + 3.0 * TOL {
            ys.push(bl.min(br));
        }
    }
    if let Some(&first) = ys.first() {
        let (tl, tr) = (top(&l), top(&r));
        if (tl - tr).abs() <= TOL && tl < first - 3.0 * TOL {
            ys.insert(0, tl.max(tr));
        }
    }
}

fn grid_of(hs: &[Rule], vs: &[Rule]) -> Option<Grid> {
    let xs = cluster(vs.iter().map(|r| r.x0).collect());
    let mut ys = cluster(hs.iter().map(|r| r.y0).collect());
    close_open_ends(&xs, &mut ys, vs);
    if xs.len() < 2 || ys.len() < 2 || xs.len() > 200 || ys.len() > 2000 {
        return None;
    }
    let has_v = |x: f32, y: f32| {
        vs.iter()
            .any(|r| (r.x0 - x).abs() <= TOL && r.y0 <= y + TOL && r.y1 >= y - TOL)
    };
    let has_h = |y: f32, x: f32| {
        hs.iter()
            .any(|r| (r.y0 - y).abs() <= TOL && r.x0 <= x + TOL && r.x1 >= x - TOL)
    };
    let rows = ys.len() - 1;
    let cols = xs.len() - 1;
    // owner[r][c] = index of the cell covering that grid position.
    let mut owner: Vec<Vec<Option<usize>>> = vec![vec![None; cols]; rows];
    let mut cells: Vec<GridCell> = Vec::new();
    for r in 0..rows {
        let (top, bottom) = (ys.get(r).copied()?, ys.get(r + 1).copied()?);
        let mid_y = (top + bottom) / 2.0;
        let mut c = 0;
        while c < cols {
            if owner
                .get(r)
                .and_then(|row| row.get(c))
                .copied()
                .flatten()
                .is_some()
            {
                c += 1;
                continue;
            }
            let mut span = 1;
            while c + span < cols && !has_v(xs.get(c + span).copied()?, mid_y) {
                span += 1;
            }
            let (left, right) = (xs.get(c).copied()?, xs.get(c + span).copied()?);
            let mid_x = (left + right) / 2.0;
            let mut row_span = 1;
            while r + row_span < rows && !has_h(ys.get(r + row_span).copied()?, mid_x) {
                row_span += 1;
            }
            let idx = cells.len();
            for rr in r..r + row_span {
                for cc in c..c + span {
                    if let Some(slot) = owner.get_mut(rr).and_then(|row| row.get_mut(cc)) {
                        if slot.is_none() {
                            *slot = Some(idx);
                        }
                    }
                }
            }
            cells.push(GridCell {
                row: r,
                col: c,
                col_span: span,
                row_span,
                rect: [left, top, right, ys.get(r + row_span).copied()?],
            });
            c += span;
        }
    }
    Some(Grid { xs, ys, cells })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(y: f32, x0: f32, x1: f32) -> Rule {
        Rule {
            x0,
            x1,
            y0: y,
            y1: y,
        }
    }
    fn v(x: f32, y0: f32, y1: f32) -> Rule {
        Rule {
            x0: x,
            x1: x,
            y0,
            y1,
        }
    }

    #[test]
    fn two_by_two_with_a_spanning_header() {
        // Header row spans both columns: no vertical rule at x=50 in row 0.
        let rules = vec![
            h(0.0, 0.0, 100.0),
            h(10.0, 0.0, 100.0),
            h(20.0, 0.0, 100.0),
            h(30.0, 0.0, 100.0),
            v(0.0, 0.0, 30.0),
            v(100.0, 0.0, 30.0),
            v(50.0, 10.0, 30.0),
        ];
        let grids = find_grids(&rules);
        assert_eq!(grids.len(), 1);
        let g = &grids[0];
        assert_eq!(g.xs, vec![0.0, 50.0, 100.0]);
        assert_eq!(g.rows(), 3);
        assert_eq!(g.cells.len(), 5);
        assert_eq!(g.cells[0].col_span, 2);
        assert_eq!(g.cells[1].col, 0);
    }

    #[test]
    fn vertical_merge_and_pieces_of_rules() {
        // Left column merged over rows 1-2: the rule at y=20 stops at x=50.
        let rules = vec![
            h(0.0, 0.0, 60.0),
            h(0.0, 60.0, 100.0),
            h(10.0, 0.0, 100.0),
            h(20.0, 50.0, 100.0),
            h(30.0, 0.0, 100.0),
            v(0.0, 0.0, 30.0),
            v(100.0, 0.0, 30.0),
            v(50.0, 0.0, 30.0),
        ];
        let g = &find_grids(&rules)[0];
        let left: Vec<_> = g.cells.iter().filter(|c| c.col == 0).collect();
        assert_eq!(left.len(), 2);
        assert_eq!(left[1].row_span, 2);
        assert_eq!(g.cells.len(), 5);
    }

    #[test]
    fn separate_boxes_are_separate_grids() {
        let mut rules = vec![
            h(0.0, 0.0, 10.0),
            h(10.0, 0.0, 10.0),
            v(0.0, 0.0, 10.0),
            v(10.0, 0.0, 10.0),
        ];
        rules.extend([
            h(100.0, 0.0, 10.0),
            h(110.0, 0.0, 10.0),
            v(0.0, 100.0, 110.0),
            v(10.0, 100.0, 110.0),
        ]);
        assert_eq!(find_grids(&rules).len(), 2);
    }
}
