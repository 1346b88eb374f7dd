//! Lines to headings, paragraphs and footnotes.

use super::lines::Line;
use super::{Item, PageItems};
use crate::document::{BlockKind, Footnote, Heading, Label, LabelKind, Loc, Paragraph, Style};
use crate::text::phone::{ends_in_phone_digits, phone_tail};
use crate::text::{join_wrapped, normalize, normalize_keeping_marker, parse_label, LabelOptions};

/// A paragraph being built.
#[derive(Debug, Clone)]
struct Open {
    loc: Loc,
    page: u32,
    text: String,
    label: Option<Label>,
    level: u8,
    bold: bool,
    italic: bool,
    heading: bool,
    size: f32,
    last_y: f32,
    last_x1: f32,
    /// The right edge of the widest line so far.
    right: f32,
    first_x: f32,
    /// Where the text after the label starts (the hanging indent).
    text_x: f32,
    lines: u32,
}

/// Collects blocks page by page.
pub struct Builder {
    body: f32,
    heading_sizes: Vec<f32>,
    /// Left edges of the labels of the list being read, outermost first.
    indents: Vec<(f32, f32)>,
    blocks: Vec<(Loc, BlockKind)>,
    open: Option<Open>,
    pending: Vec<Loc>,
    /// Whether a plain (not bold) body paragraph has been seen: bold lines
    /// before it are title-page matter, not headings.
    seen_body: bool,
    /// Footnotes, emitted after the body as Word and the text exports do.
    notes: Vec<(Loc, BlockKind)>,
    /// Short bold paragraphs (one or two lines) that end in a full stop: headings when
    /// plain body text follows (decided in [`Builder::finish`]).
    dotted: Vec<usize>,
    /// The right edge of the body text on the page being read: a line
    /// that ends well short of it, before its next word, was broken by hand.
    page_right: f32,
}

fn cluster(mut v: Vec<f32>, tol: f32) -> Vec<f32> {
    v.sort_by(f32::total_cmp);
    let mut out: Vec<f32> = Vec::new();
    for x in v {
        match out.last() {
            Some(l) if x - l <= tol => {}
            _ => out.push(x),
        }
    }
    out
}

/// The list label of a line and the text after it.
pub fn split_label(line: &Line) -> (Option<Label>, String) {
    let text = normalize_keeping_marker(&line.text());
    // A label set apart by a tab stop: its own span.
    if line.spans.len() > 1 {
        if let Some(first) = line.spans.first() {
            let t = normalize_keeping_marker(&first.text);
            let opts = LabelOptions {
                bare_integer: false,
                letter_o_bullet: true,
            };
            if let Some((label, rest)) = parse_label(&t, opts) {
                let after: Vec<&str> = line.spans.iter().skip(1).map(|s| s.text.as_str()).collect();
                let after = normalize(&after.join(" "));
                // "– 25" at a line start is a range, not a bullet.
                let range =
                    is_weak_bullet(&label, &t) && after.starts_with(|c: char| c.is_ascii_digit());
                if rest.is_empty() && !range {
                    return (Some(label), after);
                }
            }
        }
    }
    match parse_label(&text, LabelOptions::default()) {
        Some((label, rest)) if !rest.is_empty() => (Some(label.clone()), rest.to_string()),
        // A paragraph number on a line of its own ("30." over the table
        // that is the paragraph's body): the number, and no text yet.
        Some((label, _)) if !label.is_bullet() && text.ends_with(['.', ')']) => {
            (Some(label), String::new())
        }
        _ => bare_heading_number(line).unwrap_or_else(|| (None, normalize(&text))),
    }
}

/// "9 ⇥ Recommendation(s):" in bold: a section number with no stop, set
/// apart from a short heading by a tab stop, numbers the heading.
fn bare_heading_number(line: &Line) -> Option<(Option<Label>, String)> {
    let first = line.spans.first()?;
    let t = normalize(&first.text);
    let bare = LabelOptions {
        bare_integer: true,
        ..LabelOptions::default()
    };
    let (label, rest) = parse_label(&t, bare)?;
    let after: Vec<&str> = line.spans.iter().skip(1).map(|s| s.text.as_str()).collect();
    let after = normalize(&after.join(" "));
    let short = (1..=8).contains(&after.split_whitespace().count()) && !after.ends_with('.');
    (rest.is_empty() && label.kind == LabelKind::Decimal && line.bold() && short)
        .then_some((Some(label), after))
}

impl Builder {
    /// A builder for a document whose body text has size `body`.
    pub fn new(body: f32, pages: &[PageItems]) -> Builder {
        let mut sizes = Vec::new();
        for p in pages {
            for it in &p.items {
                if let Item::Line(l) = it {
                    if l.size() >= body * 1.12 {
                        sizes.push(l.size());
                    }
                }
            }
        }
        let mut heading_sizes = cluster(sizes, 0.6);
        heading_sizes.reverse();
        Builder {
            body,
            heading_sizes,
            indents: Vec::new(),
            blocks: Vec::new(),
            open: None,
            pending: Vec::new(),
            seen_body: false,
            notes: Vec::new(),
            dotted: Vec::new(),
            page_right: f32::INFINITY,
        }
    }

    fn flush(&mut self) {
        if let Some(mut o) = self.open.take() {
            let text = normalize(&o.text);
            // A lone bold line at body size between body paragraphs is a
            // minor heading (Word's and LibreOffice's Heading 3 and below).
            if !o.heading
                && o.bold
                && o.lines == 1
                && o.label.is_none()
                && self.seen_body
                && !text.contains(':')
                && !text.ends_with(['.', ',', ';'])
                && text.split_whitespace().count() <= 12
            {
                o.heading = true;
                o.size = 0.0;
            }
            // The same, ending in a full stop ("The key challenges … going
            // forward."): a heading only if plain text follows it.
            let dotted = !o.heading
                && o.bold
                && o.lines <= 2
                && o.label.is_none()
                && self.seen_body
                && !text.contains(':')
                && text.ends_with('.')
                && !text.ends_with("..")
                && text.split_whitespace().count() <= 16
                && text.split_terminator(". ").count() == 1
                && text.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                && !self
                    .blocks
                    .iter()
                    .rev()
                    .find(|(_, k)| !matches!(k, BlockKind::PageBreak))
                    .is_some_and(|(_, k)| match k {
                        // Not the end of a heading that runs on.
                        BlockKind::Heading(_) => true,
                        _ => false,
                    });
            if dotted {
                self.dotted.push(self.blocks.len());
            }
            if !o.heading && !o.bold && o.label.is_none() && text.len() > 40 {
                self.seen_body = true;
            }
            if !text.is_empty() || o.label.is_some() {
                let kind = if o.heading {
                    BlockKind::Heading(Heading {
                        level: self.heading_level(o.size),
                        text,
                        label: o.label,
                    })
                } else {
                    BlockKind::Paragraph(Paragraph {
                        text,
                        label: o.label,
                        level: o.level,
                        style: Style {
                            bold: o.bold,
                            italic: o.italic,
                        },
                    })
                };
                self.blocks.push((o.loc, kind));
            }
        }
        for loc in self.pending.drain(..) {
            self.blocks.push((loc, BlockKind::PageBreak));
        }
    }

    fn heading_level(&self, size: f32) -> u8 {
        let rank = self
            .heading_sizes
            .iter()
            .position(|s| (s - size).abs() <= 0.6)
            .unwrap_or(self.heading_sizes.len());
        // Without a heading much larger than body text, the largest one is
        // not a title-level heading (LibreOffice and Word set Heading 1 at
        // 130% or more of body text).
        let top = usize::from(
            !self
                .heading_sizes
                .first()
                .is_some_and(|s| *s >= self.body * 1.3),
        );
        (rank + 1 + top).min(6) as u8
    }

    /// Adds one page.
    pub fn page(&mut self, number: u32, page: &PageItems) {
        if number > 1 {
            self.pending.push(Loc::page(number));
        }
        self.page_right = body_right(page, self.body);
        let mut notes: Vec<(String, String)> = Vec::new();
        let mut first = true;
        for it in &page.items {
            match it {
                Item::Table(t, _) => {
                    self.flush();
                    // A box of labels and values ends the title page as
                    // body text does.
                    if t.rows.len() >= 2 && t.width() == 2 {
                        self.seen_body = true;
                    }
                    self.blocks
                        .push((Loc::page(number), BlockKind::Table(t.clone())));
                }
                Item::Line(l) => {
                    let is_note = page.footnote_rule.is_some_and(|y| l.y > y);
                    if is_note {
                        footnote_line(&mut notes, l);
                        continue;
                    }
                    self.line(number, l, first);
                    first = false;
                }
            }
        }
        for (mark, text) in notes {
            let text = normalize(&text);
            self.notes.push((
                Loc::page(number),
                BlockKind::Footnote(Footnote { mark, text }),
            ));
        }
    }

    fn line(&mut self, number: u32, l: &Line, first_on_page: bool) {
        let size = l.size();
        let (mut label, mut rest) = split_label(l);
        // A dash or "o" at the start of a line is a bullet only where a list
        // item can start: after a sentence or clause ends, or a heading.
        if let Some(lab) = &label {
            let weak = is_weak_bullet(lab, &normalize(&l.text()));
            let digit_after = rest.starts_with(|c: char| c.is_ascii_digit());
            let x = l.x0();
            let can_start = self.open.as_ref().is_none_or(|o| {
                o.heading
                    || o.text.trim_end().ends_with(['.', ':', ';', '!', '?'])
                    || (o.label.is_some() && ((o.first_x - x).abs() <= 3.0 || x > o.text_x + 3.0))
            });
            if weak && (digit_after || !can_start) {
                label = None;
                rest = normalize(&l.text());
            }
        }
        // "… approved budget for 2024-" / "25. The variations …": a range
        // broken at the line end goes on with a number that is no label.
        if label.as_ref().is_some_and(|lab| !lab.is_bullet()) {
            let broken_range = self.open.as_ref().is_some_and(|o| {
                let t = o.text.trim_end();
                !o.heading
                    && t.ends_with(['-', '–'])
                    && t.chars().rev().nth(1).is_some_and(|c| c.is_ascii_digit())
            }) && normalize(&l.text()).starts_with(|c: char| c.is_ascii_digit());
            // "… Tel: 01632 960" / "552. Email: …": a telephone number
            // broken at the line end goes on with digits that are no list
            // number (lists do not reach 100, nor start with a 0).
            let broken_number = self
                .open
                .as_ref()
                .is_some_and(|o| !o.heading && ends_in_phone_digits(&o.text))
                && label.as_ref().is_some_and(|lab| phone_tail(&lab.printed));
            // "… listed in Appendix" / "A.": a number or letter alone on
            // its line after a sentence left unfinished ends that sentence.
            let lone_wrap = rest.is_empty()
                && self.open.as_ref().is_some_and(|o| {
                    !o.heading && !o.bold && !o.text.trim_end().ends_with(['.', ':', ';', '!', '?'])
                });
            if broken_range || broken_number || lone_wrap {
                label = None;
                rest = normalize(&l.text());
            }
        }
        let bold = l.bold();
        let big = size >= self.body * 1.12 && rest.len() < 250;
        // A bold, short, numbered line at body size is a numbered heading.
        let numbered_heading = bold
            && label
                .as_ref()
                .is_some_and(|lab| lab.kind == LabelKind::Decimal && !lab.printed.ends_with(')'))
            && rest.split_whitespace().count() <= 10
            && !rest.ends_with('.');
        // Figures are never headings, however large.
        let letters = rest.chars().filter(|c| c.is_alphabetic()).count();
        let digits = rest.chars().filter(|c| c.is_ascii_digit()).count();
        let heading = (big || numbered_heading) && letters > digits;
        let x_start = l.x0();
        if let Some(o) = self.open.as_mut() {
            let same_page = o.page == number;
            let gap = l.y - o.last_y;
            // Columns are read one after the other: a line above the last
            // one and well right of the paragraph starts the next column, and
            // a paragraph whose last line was full goes on there.
            let next_column = same_page
                && gap < -o.size
                && x_start > o.first_x + size * 5.0
                && o.lines >= 2
                && o.last_x1 >= o.right - size * 2.0
                && !o.heading
                && !o.text.trim_end().ends_with(['.', ':', ';', '!', '?']);
            let close = if next_column {
                true
            } else if same_page {
                gap > 0.0 && gap <= o.size.max(size) * 1.75
            } else {
                first_on_page
                    && !o.heading
                    && !o.bold
                    && o.text.len() > 60
                    && !o.text.trim_end().ends_with(['.', ':', ';', '!', '?'])
            };
            // Text set out left of a list item's label is no more of it.
            let outdented = o.label.is_some() && x_start < o.first_x - 3.0;
            let compatible = label.is_none()
                && !outdented
                && o.heading == heading
                && (size - o.size).abs()
                    <= if o.heading {
                        0.6
                    } else {
                        size.max(o.size) * 0.15
                    }
                && (o.heading || o.bold == bold);
            // A numbered heading wrapped onto a second bold line.
            let heading_wrap = o.heading
                && o.label.is_some()
                && o.lines <= 2
                && label.is_none()
                && bold
                && !heading
                && (size - self.body).abs() <= 0.6
                && o.text.split_whitespace().count() >= 6
                && !o.text.trim_end().ends_with(['.', ':', ';', '!', '?']);
            // "Name: Priya Lomax" / "Position: Head of Parks": in a block
            // of label lines, a line that opens with a label and a value
            // of its own, set at the block's left edge under a line broken
            // by hand (its first word would have fitted there), is a new
            // line of the block, as the Word file's line breaks make it.
            // Decided only for a line that would join: the cheap tests first,
            // the open paragraph's text last.
            let hand_break = || {
                label.is_none()
                    && same_page
                    && !o.heading
                    && o.label.is_none()
                    && (x_start - o.first_x).abs() <= 2.0
                    && o.last_x1 + size * 0.3 + first_word_width(l) < self.page_right - size * 1.5
                    && opens_with_label(&rest)
                    && opens_with_label(&o.text)
            };
            if close && (compatible || heading_wrap) && !hand_break() {
                join_line(&mut o.text, &rest);
                o.last_y = l.y;
                o.last_x1 = l.x1();
                o.right = o.right.max(l.x1());
                o.italic &= l.italic();
                if o.lines == 1 && o.label.is_some() {
                    o.text_x = l.x0();
                }
                o.lines += 1;
                if !same_page {
                    o.page = number;
                }
                return;
            }
        }
        self.flush();
        // Nesting from indentation: a label further right than the list's
        // current one goes one level deeper; text left of the list ends it.
        let x = l.x0();
        // Word right-aligns roman numerals: nesting is read from where the
        // text after a label starts, when the label stands apart.
        let label_x1 = if line_has_label_span(l, &label) {
            l.spans.first().map_or(f32::NAN, |s| s.x1)
        } else {
            f32::NAN
        };
        if heading {
            self.indents.clear();
        }
        let level = match &label {
            Some(_) if !heading => {
                // Same level: same left edge, or same right edge of a label
                // that stands apart (right-aligned roman numerals).
                let same = |i: &(f32, f32)| (i.0 - x).abs() <= 4.0 || (i.1 - label_x1).abs() <= 1.5;
                while self
                    .indents
                    .last()
                    .is_some_and(|i| !same(i) && i.0 > x + 4.0)
                {
                    self.indents.pop();
                }
                if !self.indents.last().is_some_and(same) {
                    self.indents.push((x, label_x1));
                }
                self.indents.len().saturating_sub(1).min(8) as u8
            }
            _ => {
                // Plain text at or left of the list's outermost label ends the list.
                if self.indents.first().is_some_and(|i| x <= i.0 + 4.0) {
                    self.indents.clear();
                }
                0
            }
        };
        let text_x = if line_has_label_span(l, &label) {
            l.spans.get(1).map_or(x, |s| s.x0)
        } else {
            x + size * 2.0
        };
        self.open = Some(Open {
            loc: Loc::page(number),
            page: number,
            text: rest,
            label,
            level,
            bold,
            italic: l.italic(),
            heading,
            size: if numbered_heading && !big {
                self.body
            } else {
                size
            },
            last_y: l.y,
            last_x1: l.x1(),
            right: l.x1(),
            first_x: x,
            text_x,
            lines: 1,
        });
    }

    /// The blocks, in order.
    pub fn finish(mut self) -> Vec<(Loc, BlockKind)> {
        self.flush();
        let level = self.heading_level(0.0);
        for i in std::mem::take(&mut self.dotted) {
            let plain_next = self
                .blocks
                .get(i + 1..)
                .unwrap_or_default()
                .iter()
                .find(|(_, k)| !matches!(k, BlockKind::PageBreak))
                .is_some_and(|(_, k)| matches!(k, BlockKind::Paragraph(p) if !p.style.bold));
            if !plain_next {
                continue;
            }
            if let Some((_, kind)) = self.blocks.get_mut(i) {
                if let BlockKind::Paragraph(p) = kind {
                    let text = std::mem::take(&mut p.text);
                    *kind = BlockKind::Heading(Heading {
                        level,
                        text,
                        label: None,
                    });
                }
            }
        }
        self.blocks.append(&mut self.notes);
        self.blocks
    }
}

fn footnote_line(notes: &mut Vec<(String, String)>, l: &Line) {
    let text = normalize(&l.text());
    let mark_len = text
        .char_indices()
        .take_while(|(_, c)| c.is_ascii_digit() || matches!(c, '*' | '†' | '‡'))
        .map(|(i, c)| i + c.len_utf8())
        .last()
        .unwrap_or(0);
    let (mark, rest) = text.split_at(mark_len);
    if !mark.is_empty() && mark.len() <= 3 {
        notes.push((mark.to_string(), rest.trim().to_string()));
    } else if let Some(last) = notes.last_mut() {
        join_line(&mut last.1, &text);
    } else {
        notes.push((String::new(), text));
    }
}

/// The right edge of a page's body text: the furthest a line of body size
/// reaches (infinite on a page without one, so that no line ends short).
fn body_right(page: &PageItems, body: f32) -> f32 {
    page.items
        .iter()
        .filter_map(|it| match it {
            Item::Line(l) if (l.size() - body).abs() <= body * 0.15 => Some(l.x1()),
            _ => None,
        })
        .reduce(f32::max)
        .unwrap_or(f32::INFINITY)
}

/// The width of the first word of line `l`, in proportion to the
/// characters of its first span.
fn first_word_width(l: &Line) -> f32 {
    let Some(s) = l.spans.first() else {
        return 0.0;
    };
    let chars = s.text.chars().count().max(1) as f32;
    let word = s.text.split_whitespace().next().unwrap_or("");
    (s.x1 - s.x0) * word.chars().count() as f32 / chars
}

/// Whether `text` opens with a short label, its colon and a value
/// ("Position: …", "E-mail: …", "Author's Job Title: …"): one to four
/// words, the first capitalised, no figures.
fn opens_with_label(text: &str) -> bool {
    // The colon can only be among the first four words: look no further
    // (the text may be a long paragraph).
    let mut words = 0;
    let mut in_word = false;
    let mut fifth = text.len();
    for (k, c) in text.char_indices() {
        if c.is_whitespace() {
            in_word = false;
        } else if !in_word {
            in_word = true;
            words += 1;
            if words == 5 {
                fifth = k;
                break;
            }
        }
    }
    let Some(colon) = text.get(..fifth).and_then(|t| t.find(':')) else {
        return false;
    };
    let (head, tail) = text.split_at(colon);
    let words = head.split_whitespace().count();
    (1..=4).contains(&words)
        && head.starts_with(char::is_uppercase)
        && !head.chars().any(|c| c.is_ascii_digit())
        && tail.chars().nth(1).is_some_and(char::is_whitespace)
        && !tail.get(1..).unwrap_or("").trim().is_empty()
}

/// Bullets that are also ordinary characters: trusted only when set apart.
/// `text` is the text the label was read from.
pub fn is_weak_bullet(label: &Label, text: &str) -> bool {
    label.is_bullet() && text.trim_start().starts_with(['-', '–', '—', 'o', '*'])
}

fn line_has_label_span(l: &Line, label: &Option<Label>) -> bool {
    label.is_some()
        && l.spans.len() > 1
        && l.spans.first().is_some_and(|s| {
            parse_label(&normalize_keeping_marker(&s.text), LabelOptions::default())
                .is_some_and(|(_, rest)| rest.is_empty())
        })
}

/// Joins a wrapped line; a web address broken at the line end is glued back.
pub fn join_line(acc: &mut String, next: &str) {
    let last = acc.split_whitespace().last().unwrap_or("");
    let url = last.contains("://") || last.starts_with("www.");
    if url && !last.ends_with(['.', ',', ';', ')']) && !next.starts_with(char::is_uppercase) {
        acc.truncate(acc.trim_end().len());
        acc.push_str(next.trim());
    } else {
        join_wrapped(acc, next);
    }
}

#[cfg(test)]
mod tests {
    use super::opens_with_label;

    #[test]
    fn a_short_label_its_colon_and_a_value() {
        assert!(opens_with_label("Name: Priya Lomax"));
        assert!(opens_with_label("Author's Job Title: Service Manager"));
        // No value, figures, a lower-case start, or the colon past the
        // fourth word.
        assert!(!opens_with_label("Committee:"));
        assert!(!opens_with_label("Tel 2: 01632 960555"));
        assert!(!opens_with_label("name: Priya Lomax"));
        assert!(!opens_with_label(
            "The panel met and agreed: the fares rise"
        ));
        assert!(!opens_with_label("Long text with no label at all in it"));
    }
}
