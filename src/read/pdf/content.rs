//! The content-stream interpreter: runs a page's operators and records
//! positioned glyphs and the ruling lines of tables.
//!
//! Coordinates in the output are "display" coordinates: points from the top
//! left corner of the page as it is shown (after /Rotate), y growing down.

use std::collections::{HashMap, HashSet};

use lopdf::{Dictionary, Document, Object, ObjectId};

use super::fonts::Font;
use super::graphics::{GraphicsState, Matrix};
use super::lexer::{Lexer, Op, Operand};
use super::obj::{deref, get_array, get_dict, get_name, num, stream_bytes};
use super::tables::MAX_RULES;
use crate::{Error, ParseOptions, Result};

/// The font index of a bullet drawn as a disc or circle, not set in a font.
pub const DRAWN: u32 = u32::MAX;

/// No marked-content id (see [`Glyph::mcid`]).
const NO_MCID: u32 = u32::MAX;

/// One glyph as painted: 32 bytes, since a page may hold hundreds of
/// thousands (the marked-content id is a plain `u32` with a sentinel, not an
/// `Option<u32>`, which would take eight).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Glyph {
    /// Left edge.
    pub x0: f32,
    /// Right edge (left edge plus advance).
    pub x1: f32,
    /// Baseline.
    pub y: f32,
    /// Font size in display units.
    pub size: f32,
    /// Index of the font in the [`FontCache`], or [`DRAWN`] for a bullet
    /// drawn as a shape.
    pub font: u32,
    /// Start of the glyph's text in [`PageContent::text`].
    pub start: u32,
    /// Byte length of the glyph's text.
    pub len: u16,
    /// Written left to right on a horizontal baseline.
    pub upright: bool,
    /// Inside `/Artifact` marked content (headers, footers, decoration).
    pub artifact: bool,
    /// The marked-content id, [`NO_MCID`] for none: read it with
    /// [`Glyph::mcid`].
    mcid: u32,
}

impl Glyph {
    /// The marked-content id of the innermost marked content with one (a
    /// tagged PDF's link to its structure tree).
    pub fn mcid(&self) -> Option<u32> {
        (self.mcid != NO_MCID).then_some(self.mcid)
    }
}

/// A horizontal or vertical line segment (stroked path or thin filled rectangle).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rule {
    /// Left end.
    pub x0: f32,
    /// Top end.
    pub y0: f32,
    /// Right end.
    pub x1: f32,
    /// Bottom end.
    pub y1: f32,
}

impl Rule {
    /// Whether the rule is horizontal.
    pub fn is_horizontal(&self) -> bool {
        (self.y1 - self.y0).abs() <= (self.x1 - self.x0).abs()
    }
}

/// What a page painted.
#[derive(Debug, Clone, Default)]
pub struct PageContent {
    /// Page width as displayed.
    pub width: f32,
    /// Page height as displayed.
    pub height: f32,
    /// Glyphs in painting order.
    pub glyphs: Vec<Glyph>,
    /// The text of all glyphs, sliced by [`Glyph::start`] and [`Glyph::len`].
    pub text: String,
    /// Ruling lines.
    pub rules: Vec<Rule>,
    /// Codes that no font could map to text.
    pub unmapped: u32,
}

impl PageContent {
    /// The text of a glyph.
    pub fn glyph_text(&self, g: &Glyph) -> &str {
        let s = g.start as usize;
        self.text.get(s..s + usize::from(g.len)).unwrap_or("")
    }
}

/// Fonts loaded so far, shared across pages.
#[derive(Debug, Default)]
pub struct FontCache {
    /// The fonts, indexed by [`Glyph::font`].
    pub fonts: Vec<Font>,
    by_id: HashMap<ObjectId, u32>,
    /// Fonts given as direct dictionaries in a resource dictionary, by the
    /// dictionary's address in the (unchanging, borrowed) document: one
    /// direct font shown by 200,000 `Tf`s is loaded once, not 200,000 times.
    by_addr: HashMap<usize, u32>,
}

impl FontCache {
    /// The font at `index`.
    pub fn get(&self, index: u32) -> Option<&Font> {
        self.fonts.get(index as usize)
    }

    fn load(&mut self, doc: &Document, obj: &Object, max_part: u64) -> Option<u32> {
        let addr = std::ptr::from_ref(obj) as usize;
        let cached = match obj {
            Object::Reference(id) => self.by_id.get(id),
            _ => self.by_addr.get(&addr),
        };
        if let Some(&i) = cached {
            return Some(i);
        }
        let dict = super::obj::as_dict(doc, obj)?;
        let font = Font::load(doc, dict, max_part);
        let i = u32::try_from(self.fonts.len()).ok()?;
        self.fonts.push(font);
        match obj {
            Object::Reference(id) => self.by_id.insert(*id, i),
            _ => self.by_addr.insert(addr, i),
        };
        Some(i)
    }
}

/// Records a ruling line, up to one more than [`MAX_RULES`] a page: a
/// page with more is no table (`find_grids` gives up on it) and a stream
/// of a million strokes must not hold a million rules for the passes that
/// look at each one (underlines, footnote separators).
fn push_rule(rules: &mut Vec<Rule>, rule: Rule) {
    if rules.len() <= MAX_RULES {
        rules.push(rule);
    }
}

/// The matrix from a page's user space to display space, and the display size.
pub fn page_matrix(media: [f32; 4], rotate: i64) -> (Matrix, f32, f32) {
    let [x0, y0, x1, y1] = media;
    let (w, h) = (x1 - x0, y1 - y0);
    match rotate.rem_euclid(360) {
        90 => (Matrix::new(0.0, 1.0, 1.0, 0.0, -y0, -x0), h, w),
        180 => (Matrix::new(-1.0, 0.0, 0.0, 1.0, x1, -y0), w, h),
        270 => (Matrix::new(0.0, -1.0, -1.0, 0.0, y1, x1), h, w),
        _ => (Matrix::new(1.0, 0.0, 0.0, -1.0, -x0, y1), w, h),
    }
}

/// Runs content streams for one page.
pub struct Interpreter<'a> {
    doc: &'a Document,
    opts: &'a ParseOptions,
    fonts: &'a mut FontCache,
    out: PageContent,
    gs: GraphicsState,
    stack: Vec<GraphicsState>,
    tm: Matrix,
    tlm: Matrix,
    /// Path segments in display space, and the current and start points.
    path: Vec<[f32; 4]>,
    rects: Vec<[f32; 4]>,
    cur: (f32, f32),
    start: (f32, f32),
    marked: Vec<bool>,
    mcids: Vec<Option<u32>>,
    /// The extent of the current path's points, and whether it has curves
    /// (a small filled curve is a list bullet drawn as a disc).
    path_box: Option<[f32; 4]>,
    curved: bool,
    /// How many subpaths (`m`, `re`) the current path has: a bullet is one
    /// closed shape, a letter drawn as outlines ("o", "e") has a hole.
    subpaths: u32,
    active_forms: HashSet<ObjectId>,
    decompressed: u64,
    /// Glyphs made on the document's earlier pages, for the document's
    /// glyph budget.
    earlier_glyphs: u64,
}

impl<'a> Interpreter<'a> {
    /// An interpreter for a page of display size `width` × `height` whose
    /// user space maps to display space by `base`.
    pub fn new(
        doc: &'a Document,
        opts: &'a ParseOptions,
        fonts: &'a mut FontCache,
        base: Matrix,
        width: f32,
        height: f32,
    ) -> Interpreter<'a> {
        let gs = GraphicsState {
            ctm: base,
            ..GraphicsState::default()
        };
        Interpreter {
            doc,
            opts,
            fonts,
            out: PageContent {
                width,
                height,
                ..PageContent::default()
            },
            gs,
            stack: Vec::new(),
            tm: Matrix::IDENTITY,
            tlm: Matrix::IDENTITY,
            path: Vec::new(),
            rects: Vec::new(),
            cur: (0.0, 0.0),
            start: (0.0, 0.0),
            marked: Vec::new(),
            mcids: Vec::new(),
            path_box: None,
            curved: false,
            subpaths: 0,
            active_forms: HashSet::new(),
            decompressed: 0,
            earlier_glyphs: 0,
        }
    }

    /// Counts `glyphs` made on earlier pages against the document's glyph
    /// budget ([`ParseOptions::max_glyphs`]).
    #[must_use]
    pub fn after_glyphs(mut self, glyphs: u64) -> Interpreter<'a> {
        self.earlier_glyphs = glyphs;
        self
    }

    /// Records a glyph, within the page's and the document's glyph budgets:
    /// checked as each glyph is made, so a small file whose content stream
    /// draws millions of glyphs ends before it holds them.
    /// (A function of the fields it needs, not of `self`: `show` holds a
    /// font borrowed from the cache while it records.)
    fn push_glyph(
        out: &mut PageContent,
        opts: &ParseOptions,
        earlier: u64,
        glyph: Glyph,
    ) -> Result<()> {
        let page = out.glyphs.len() as u64 + 1;
        if page > opts.max_glyphs_per_page {
            return Err(Error::limit(
                "max_glyphs_per_page",
                page,
                opts.max_glyphs_per_page,
            ));
        }
        let total = earlier + page;
        if total > opts.max_glyphs {
            return Err(Error::limit("max_glyphs", total, opts.max_glyphs));
        }
        out.glyphs.push(glyph);
        Ok(())
    }

    /// The marked-content id in force, [`NO_MCID`] for none.
    fn mcid(&self) -> u32 {
        self.mcids.last().copied().flatten().unwrap_or(NO_MCID)
    }

    /// The page content recorded so far.
    pub fn finish(self) -> PageContent {
        self.out
    }

    /// Runs one content stream with the given resource dictionaries (searched
    /// in order).
    pub fn run(&mut self, content: &[u8], resources: &[&'a Dictionary], depth: u32) -> Result<()> {
        if depth > self.opts.max_depth {
            return Err(Error::limit(
                "max_depth",
                u64::from(depth),
                u64::from(self.opts.max_depth),
            ));
        }
        // A damaged operator ends this stream; what was read is kept.
        let mut lexer = Lexer::new(content);
        while let Some(op) = lexer.next_op() {
            self.op(&op, resources, depth)?;
        }
        Ok(())
    }

    fn resource(
        &self,
        resources: &[&'a Dictionary],
        kind: &[u8],
        name: &[u8],
    ) -> Option<&'a Object> {
        resources.iter().find_map(|r| {
            let sub = get_dict(self.doc, r, kind)?;
            sub.get(name).ok()
        })
    }

    fn op(&mut self, op: &Op<'_>, resources: &[&'a Dictionary], depth: u32) -> Result<()> {
        let n = |i: usize| op.num(i);
        let name = |i: usize| op.get(i).and_then(|o| o.name());
        let string = |i: usize| op.get(i).and_then(|o| o.string());
        match op.operator {
            // A bounded stack: a hostile stream of `q`s cannot exhaust memory.
            b"q" if self.stack.len() < 4096 => self.stack.push(self.gs),
            b"q" => {}
            b"Q" => {
                if let Some(gs) = self.stack.pop() {
                    self.gs = gs;
                }
            }
            b"cm" => {
                let m = Matrix::new(n(0), n(1), n(2), n(3), n(4), n(5));
                self.gs.ctm = m.then(&self.gs.ctm);
            }
            b"w" => self.gs.line_width = n(0),
            b"BT" => {
                self.tm = Matrix::IDENTITY;
                self.tlm = Matrix::IDENTITY;
            }
            b"Tc" => self.gs.text.char_spacing = n(0),
            b"Tw" => self.gs.text.word_spacing = n(0),
            b"Tz" => self.gs.text.h_scale = n(0) / 100.0,
            b"TL" => self.gs.text.leading = n(0),
            b"Ts" => self.gs.text.rise = n(0),
            b"Tr" => self.gs.text.render = n(0) as i64,
            b"Tf" => {
                self.gs.text.font_size = n(1);
                self.gs.text.font = name(0)
                    .and_then(|name| self.resource(resources, b"Font", name))
                    .and_then(|o| self.fonts.load(self.doc, o, self.opts.max_part_bytes))
                    .map(|i| i as usize);
            }
            b"Td" => self.next_line(n(0), n(1)),
            b"TD" => {
                self.gs.text.leading = -n(1);
                self.next_line(n(0), n(1));
            }
            b"Tm" => {
                self.tlm = Matrix::new(n(0), n(1), n(2), n(3), n(4), n(5));
                self.tm = self.tlm;
            }
            b"T*" => self.next_line(0.0, -self.gs.text.leading),
            b"Tj" => {
                if let Some(s) = string(0) {
                    self.show(s)?;
                }
            }
            b"'" => {
                self.next_line(0.0, -self.gs.text.leading);
                if let Some(s) = string(0) {
                    self.show(s)?;
                }
            }
            b"\"" => {
                self.gs.text.word_spacing = n(0);
                self.gs.text.char_spacing = n(1);
                self.next_line(0.0, -self.gs.text.leading);
                if let Some(s) = string(2) {
                    self.show(s)?;
                }
            }
            b"TJ" => {
                if let Some(Operand::Array(items)) = op.get(0) {
                    for item in items.iter() {
                        match item {
                            Operand::Str(s) => self.show(s)?,
                            other => {
                                if let Some(adj) = other.num() {
                                    let t = &self.gs.text;
                                    let tx = -adj / 1000.0 * t.font_size * t.h_scale;
                                    self.tm = Matrix::translate(tx, 0.0).then(&self.tm);
                                }
                            }
                        }
                    }
                }
            }
            b"m" => {
                let p = self.gs.ctm.apply(n(0), n(1));
                self.cur = p;
                self.start = p;
                self.subpaths = self.subpaths.saturating_add(1);
                self.grow(p, false);
            }
            b"l" => {
                let p = self.gs.ctm.apply(n(0), n(1));
                self.path.push([self.cur.0, self.cur.1, p.0, p.1]);
                self.cur = p;
            }
            b"c" => {
                self.cur = self.gs.ctm.apply(n(4), n(5));
                self.grow(self.cur, true);
            }
            b"v" | b"y" => {
                self.cur = self.gs.ctm.apply(n(2), n(3));
                self.grow(self.cur, true);
            }
            b"h" => {
                self.path
                    .push([self.cur.0, self.cur.1, self.start.0, self.start.1]);
                self.cur = self.start;
            }
            b"re" => {
                let (x, y, w, h) = (n(0), n(1), n(2), n(3));
                let c = self.gs.ctm;
                let p0 = c.apply(x, y);
                let p1 = c.apply(x + w, y);
                let p2 = c.apply(x + w, y + h);
                let p3 = c.apply(x, y + h);
                self.rects.push([p0.0, p0.1, p2.0, p2.1]);
                self.path.push([p0.0, p0.1, p1.0, p1.1]);
                self.path.push([p1.0, p1.1, p2.0, p2.1]);
                self.path.push([p2.0, p2.1, p3.0, p3.1]);
                self.path.push([p3.0, p3.1, p0.0, p0.1]);
                self.cur = p0;
                self.start = p0;
                self.subpaths = self.subpaths.saturating_add(1);
            }
            b"S" | b"s" => self.stroke()?,
            b"f" | b"F" | b"f*" => self.fill()?,
            b"B" | b"B*" | b"b" | b"b*" => {
                self.fill_rects_only();
                self.stroke()?;
            }
            b"n" => self.clear_path(),
            b"BMC" | b"BDC" => {
                let artifact = name(0) == Some(b"Artifact".as_slice());
                let inside = self.marked.last().copied().unwrap_or(false);
                if self.marked.len() < 4096 {
                    self.marked.push(artifact || inside);
                    let mcid = match op.get(1) {
                        Some(super::lexer::Operand::Dict(d)) => d
                            .get(b"MCID")
                            .and_then(|o| o.num())
                            .filter(|n| *n >= 0.0 && *n < NO_MCID as f32)
                            .map(|n| n as u32),
                        _ => None,
                    };
                    let outer = self.mcids.last().copied().flatten();
                    self.mcids.push(mcid.or(outer));
                }
            }
            b"EMC" => {
                self.marked.pop();
                self.mcids.pop();
            }
            b"Do" => {
                if let Some(name) = name(0) {
                    self.form(name, resources, depth)?;
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn next_line(&mut self, tx: f32, ty: f32) {
        self.tlm = Matrix::translate(tx, ty).then(&self.tlm);
        self.tm = self.tlm;
    }

    fn show(&mut self, bytes: &[u8]) -> Result<()> {
        let t = self.gs.text;
        let fonts = &*self.fonts;
        let Some(font) = t.font.and_then(|i| fonts.fonts.get(i)) else {
            return Ok(());
        };
        let font_index = t.font.unwrap_or(0) as u32;
        let artifact = self.marked.last().copied().unwrap_or(false);
        let mcid = self.mcid();
        let fs = t.font_size;
        let th = t.h_scale;
        for code in font.codes(bytes) {
            let trm = Matrix::new(fs * th, 0.0, 0.0, fs, 0.0, t.rise)
                .then(&self.tm)
                .then(&self.gs.ctm);
            let (x0, y0) = trm.apply(0.0, 0.0);
            let (x1, _) = trm.apply(code.width, 0.0);
            let (dx, dy) = trm.apply_vec(1.0, 0.0);
            let (ux, uy) = trm.apply_vec(0.0, 1.0);
            let size = (ux * ux + uy * uy).sqrt();
            let upright = dx > 0.0 && dy.abs() <= dx * 0.1;
            let start = self.out.text.len();
            let mapped = font.text(code.code, &mut self.out.text);
            if !mapped {
                self.out.unmapped += 1;
            }
            let len = self.out.text.len() - start;
            if len > 0 && len <= usize::from(u16::MAX) && start <= u32::MAX as usize {
                let glyph = Glyph {
                    x0,
                    x1: if upright { x1.max(x0) } else { x0 },
                    y: y0,
                    size,
                    font: font_index,
                    start: start as u32,
                    len: len as u16,
                    upright,
                    artifact,
                    mcid,
                };
                Self::push_glyph(&mut self.out, self.opts, self.earlier_glyphs, glyph)?;
            } else {
                self.out.text.truncate(start);
            }
            let space = code.len == 1 && code.code == 32;
            let tx =
                (code.width * fs + t.char_spacing + if space { t.word_spacing } else { 0.0 }) * th;
            self.tm = Matrix::translate(tx, 0.0).then(&self.tm);
        }
        Ok(())
    }

    fn clear_path(&mut self) {
        self.path.clear();
        self.rects.clear();
        self.path_box = None;
        self.curved = false;
        self.subpaths = 0;
    }

    fn grow(&mut self, p: (f32, f32), curve: bool) {
        let b = self.path_box.get_or_insert([p.0, p.1, p.0, p.1]);
        *b = [b[0].min(p.0), b[1].min(p.1), b[2].max(p.0), b[3].max(p.1)];
        self.curved |= curve;
    }

    /// A small round shape is a bullet drawn as a disc or circle (browsers'
    /// print-to-PDF): recorded as a "•" glyph whose size and baseline are
    /// guessed from the disc (about a third of an em, centred a quarter em
    /// above the baseline). Only a single shape counts: a letter drawn as
    /// outlines with a hole (an "o" in a logo) is no bullet.
    fn dot(&mut self, mark: char) -> Result<()> {
        let single = self.subpaths <= 1;
        let Some([x0, y0, x1, y1]) = self.path_box.filter(|_| self.curved && single) else {
            return Ok(());
        };
        let (w, h) = (x1 - x0, y1 - y0);
        if !(1.5..=8.0).contains(&w) || (w - h).abs() > w * 0.25 {
            return Ok(());
        }
        let size = w / 0.33;
        let start = self.out.text.len();
        if start > u32::MAX as usize - 4 {
            return Ok(());
        }
        self.out.text.push(mark);
        let glyph = Glyph {
            x0,
            x1,
            y: (y0 + y1) / 2.0 + size * 0.25,
            size,
            font: DRAWN,
            start: start as u32,
            len: mark.len_utf8() as u16,
            upright: true,
            artifact: self.marked.last().copied().unwrap_or(false),
            mcid: self.mcid(),
        };
        Self::push_glyph(&mut self.out, self.opts, self.earlier_glyphs, glyph)
    }

    fn stroke(&mut self) -> Result<()> {
        self.dot('◦')?;
        for [x0, y0, x1, y1] in self.path.drain(..) {
            let (dx, dy) = ((x1 - x0).abs(), (y1 - y0).abs());
            if dy <= 1.0 && dx > 1.0 {
                push_rule(
                    &mut self.out.rules,
                    Rule {
                        x0: x0.min(x1),
                        x1: x0.max(x1),
                        y0: (y0 + y1) / 2.0,
                        y1: (y0 + y1) / 2.0,
                    },
                );
            } else if dx <= 1.0 && dy > 1.0 {
                push_rule(
                    &mut self.out.rules,
                    Rule {
                        x0: (x0 + x1) / 2.0,
                        x1: (x0 + x1) / 2.0,
                        y0: y0.min(y1),
                        y1: y0.max(y1),
                    },
                );
            }
        }
        self.rects.clear();
        self.path_box = None;
        self.curved = false;
        self.subpaths = 0;
        Ok(())
    }

    fn fill_rects_only(&mut self) {
        for [ax, ay, bx, by] in self.rects.drain(..) {
            let (x0, x1) = (ax.min(bx), ax.max(bx));
            let (y0, y1) = (ay.min(by), ay.max(by));
            let (w, h) = (x1 - x0, y1 - y0);
            // Thin filled rectangles are how Word and others draw borders.
            if h <= 3.0 && w > h {
                let y = (y0 + y1) / 2.0;
                push_rule(
                    &mut self.out.rules,
                    Rule {
                        x0,
                        x1,
                        y0: y,
                        y1: y,
                    },
                );
            } else if w <= 3.0 && h > w {
                let x = (x0 + x1) / 2.0;
                push_rule(
                    &mut self.out.rules,
                    Rule {
                        x0: x,
                        x1: x,
                        y0,
                        y1,
                    },
                );
            }
        }
    }

    fn fill(&mut self) -> Result<()> {
        self.fill_rects_only();
        self.dot('•')?;
        self.path.clear();
        self.path_box = None;
        self.curved = false;
        self.subpaths = 0;
        Ok(())
    }

    fn form(&mut self, name: &[u8], resources: &[&'a Dictionary], depth: u32) -> Result<()> {
        let Some(obj) = self.resource(resources, b"XObject", name) else {
            return Ok(());
        };
        let id = match obj {
            Object::Reference(id) => Some(*id),
            _ => None,
        };
        let Some(Object::Stream(stream)) = deref(self.doc, obj) else {
            return Ok(());
        };
        if get_name(self.doc, &stream.dict, b"Subtype") != Some(b"Form".as_slice()) {
            return Ok(());
        }
        if let Some(id) = id {
            if !self.active_forms.insert(id) {
                // A form that draws itself: stop the cycle.
                return Ok(());
            }
        }
        let bytes = match stream_bytes(stream, self.opts.max_part_bytes) {
            Ok(b) => b,
            Err(e) if super::obj::is_limit(&e) => {
                return Err(Error::limit(
                    "max_part_bytes",
                    self.opts.max_part_bytes + 1,
                    self.opts.max_part_bytes,
                ));
            }
            Err(_) => Vec::new(),
        };
        self.decompressed += bytes.len() as u64;
        if self.decompressed > self.opts.max_decompressed_bytes {
            return Err(Error::limit(
                "max_decompressed_bytes",
                self.decompressed,
                self.opts.max_decompressed_bytes,
            ));
        }
        let saved = self.gs;
        let (saved_tm, saved_tlm) = (self.tm, self.tlm);
        let stack_len = self.stack.len();
        if let Some(m) = get_array(self.doc, &stream.dict, b"Matrix") {
            let v: Vec<f32> = m.iter().filter_map(num).collect();
            if let [a, b, c, d, e, f] = v.as_slice() {
                self.gs.ctm = Matrix::new(*a, *b, *c, *d, *e, *f).then(&self.gs.ctm);
            }
        }
        let mut chain: Vec<&'a Dictionary> = Vec::with_capacity(resources.len() + 1);
        if let Some(r) = get_dict(self.doc, &stream.dict, b"Resources") {
            chain.push(r);
        }
        chain.extend_from_slice(resources);
        let result = self.run(&bytes, &chain, depth + 1);
        self.stack.truncate(stack_len);
        self.gs = saved;
        self.tm = saved_tm;
        self.tlm = saved_tlm;
        if let Some(id) = id {
            self.active_forms.remove(&id);
        }
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::dictionary;

    fn run(content: &[u8]) -> (PageContent, FontCache) {
        let mut doc = Document::with_version("1.5");
        let font_id = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
        });
        let res = dictionary! { "Font" => dictionary! { "F1" => font_id } };
        let opts = ParseOptions::default();
        let mut fonts = FontCache::default();
        let (m, w, h) = page_matrix([0.0, 0.0, 600.0, 800.0], 0);
        let mut it = Interpreter::new(&doc, &opts, &mut fonts, m, w, h);
        let res_ref: &Dictionary = &res;
        // The interpreter borrows resources for its lifetime; a local is fine here.
        let chain = [res_ref];
        let r = it.run(content, &chain, 0);
        assert!(r.is_ok());
        let out = it.finish();
        (out, fonts)
    }

    #[test]
    fn positions_text_and_kerning() {
        let (page, _) =
            run(b"BT /F1 10 Tf 100 700 Td (Hi) Tj [(A) -1000 (B)] TJ 0 -12 Td (x) Tj ET");
        assert_eq!(page.text, "HiABx");
        let g = &page.glyphs;
        assert_eq!(g.len(), 5);
        assert!((g[0].x0 - 100.0).abs() < 0.01);
        assert!((g[0].y - 100.0).abs() < 0.01);
        assert!((g[0].size - 10.0).abs() < 0.01);
        // H (7.22) + i (2.22) = 9.44
        assert!((g[2].x0 - 109.44).abs() < 0.01);
        // A (6.67) then a 10pt kerning gap.
        assert!((g[3].x0 - (109.44 + 6.67 + 10.0)).abs() < 0.01);
        assert!((g[4].y - 112.0).abs() < 0.01);
        assert!((g[4].x0 - 100.0).abs() < 0.01);
    }

    #[test]
    fn state_stack_and_rules() {
        let (page, _) = run(
            b"q 2 0 0 2 0 0 cm BT /F1 5 Tf 10 10 Td (a) Tj ET Q BT /F1 10 Tf 10 10 Td (b) Tj ET \
              10 20 m 200 20 l S 50 50 100 0.5 re f 0 0 0 rg 300 300 50 50 re f",
        );
        assert_eq!(page.text, "ab");
        assert!((page.glyphs[0].x0 - 20.0).abs() < 0.01);
        assert!((page.glyphs[0].size - 10.0).abs() < 0.01);
        assert!((page.glyphs[1].x0 - 10.0).abs() < 0.01);
        assert_eq!(page.rules.len(), 2);
        assert!(page.rules.iter().all(Rule::is_horizontal));
        assert!((page.rules[0].y0 - 780.0).abs() < 0.01);
    }

    #[test]
    fn word_spacing_and_quote_operators() {
        let (page, _) = run(b"BT /F1 10 Tf 14 TL 0 0 Td 5 Tw (a b) Tj (c) ' 1 2 (d) \" ET");
        assert_eq!(page.text, "a bcd");
        let g = &page.glyphs;
        // a (5.56) + space (2.78 + 5 word spacing)
        assert!((g[2].x0 - (5.56 + 7.78)).abs() < 0.01);
        assert!((g[3].y - 814.0).abs() < 0.01);
        assert!((g[4].y - 828.0).abs() < 0.01);
    }
}
