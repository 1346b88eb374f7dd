//! Lines to headings, paragraphs and footnotes.

use super::lines::Line;
use super::{Item, PageItems};
use crate::document::{BlockKind, Footnote, Heading, Label, LabelKind, Loc, Paragraph, Style};
use crate::text::{join_wrapped, normalize, parse_label, LabelOptions};

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
}

/// Collects blocks page by page.
pub struct Builder {
    body: f32,
    heading_sizes: Vec<f32>,
    label_indents: Vec<f32>,
    blocks: Vec<(Loc, BlockKind)>,
    open: Option<Open>,
    pending: Vec<Loc>,
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
fn split_label(line: &Line) -> (Option<Label>, String) {
    let text = normalize(&line.text());
    // A label set apart by a tab stop: its own span.
    if line.spans.len() > 1 {
        if let Some(first) = line.spans.first() {
            let t = normalize(&first.text);
            let opts = LabelOptions {
                bare_integer: false,
                letter_o_bullet: true,
            };
            if let Some((label, rest)) = parse_label(&t, opts) {
                if rest.is_empty() {
                    let rest: Vec<&str> = line.spans.iter().skip(1).map(|s| s.text.as_str()).collect();
                    return (Some(label), normalize(&rest.join(" ")));
                }
            }
        }
    }
    match parse_label(&text, LabelOptions::default()) {
        Some((label, rest)) if !rest.is_empty() => (Some(label.clone()), rest.to_string()),
        _ => (None, text),
    }
}

impl Builder {
    /// A builder for a document whose body text has size `body`.
    pub fn new(body: f32, pages: &[PageItems]) -> Builder {
        let mut sizes = Vec::new();
        let mut indents = Vec::new();
        for p in pages {
            for it in &p.items {
                if let Item::Line(l) = it {
                    if l.size() >= body * 1.12 {
                        sizes.push(l.size());
                    }
                    if split_label(l).0.is_some() {
                        indents.push(l.x0());
                    }
                }
            }
        }
        let mut heading_sizes = cluster(sizes, 0.6);
        heading_sizes.reverse();
        Builder {
            body,
            heading_sizes,
            label_indents: cluster(indents, 4.0),
            blocks: Vec::new(),
            open: None,
            pending: Vec::new(),
        }
    }

    fn flush(&mut self) {
        if let Some(o) = self.open.take() {
            let text = normalize(&o.text);
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
        (rank + 1).min(6) as u8
    }

    /// Adds one page.
    pub fn page(&mut self, number: u32, page: &PageItems) {
        if number > 1 {
            self.pending.push(Loc::page(number));
        }
        let mut notes: Vec<(String, String)> = Vec::new();
        let mut first = true;
        for it in &page.items {
            match it {
                Item::Table(t, _) => {
                    self.flush();
                    self.blocks.push((Loc::page(number), BlockKind::Table(t.clone())));
                }
                Item::Line(l) => {
                    let is_note = page.footnote_rule.is_some_and(|y| l.y > y && l.size() < self.body * 0.97);
                    if is_note {
                        footnote_line(&mut notes, l);
                        continue;
                    }
                    self.line(number, l, first);
                    first = false;
                }
            }
        }
        if !notes.is_empty() {
            self.flush();
            for (mark, text) in notes {
                self.blocks.push((Loc::page(number), BlockKind::Footnote(Footnote { mark, text: normalize(&text) })));
            }
        }
    }

    fn line(&mut self, number: u32, l: &Line, first_on_page: bool) {
        let size = l.size();
        let (label, rest) = split_label(l);
        let bold = l.bold();
        let big = size >= self.body * 1.12 && rest.len() < 250;
        // A bold, short, numbered line at body size is a numbered heading.
        let numbered_heading = bold
            && label.as_ref().is_some_and(|lab| lab.kind == LabelKind::Decimal && !lab.printed.ends_with(')'))
            && rest.split_whitespace().count() <= 10
            && !rest.ends_with('.');
        let heading = big || numbered_heading;
        if let Some(o) = self.open.as_mut() {
            let same_page = o.page == number;
            let gap = l.y - o.last_y;
            let close = if same_page {
                gap > 0.0 && gap <= o.size.max(size) * 1.75
            } else {
                first_on_page
                    && !o.heading
                    && !o.text.trim_end().ends_with(['.', ':', ';', '!', '?'])
                    && rest.chars().next().is_some_and(char::is_lowercase)
            };
            let compatible = label.is_none()
                && o.heading == heading
                && (size - o.size).abs() <= size.max(o.size) * 0.15
                && (o.heading || o.bold == bold);
            if close && compatible {
                join_wrapped(&mut o.text, &rest);
                o.last_y = l.y;
                o.last_x1 = l.x1();
                o.italic &= l.italic();
                if !same_page {
                    o.page = number;
                }
                return;
            }
        }
        self.flush();
        let level = match &label {
            Some(_) => self
                .label_indents
                .iter()
                .position(|x| (x - l.x0()).abs() <= 4.0)
                .unwrap_or(0)
                .min(8) as u8,
            None => 0,
        };
        self.open = Some(Open {
            loc: Loc::page(number),
            page: number,
            text: rest,
            label,
            level,
            bold,
            italic: l.italic(),
            heading: heading && !(numbered_heading && !big && self.heading_sizes.is_empty() && false),
            size: if numbered_heading && !big { self.body } else { size },
            last_y: l.y,
            last_x1: l.x1(),
        });
        if numbered_heading && !big {
            // Below every larger heading size.
            if let Some(o) = self.open.as_mut() {
                o.size = 0.0;
            }
        }
    }

    /// The blocks, in order.
    pub fn finish(mut self) -> Vec<(Loc, BlockKind)> {
        self.flush();
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
        join_wrapped(&mut last.1, &text);
    } else {
        notes.push((String::new(), text));
    }
}
