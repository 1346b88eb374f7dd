//! The inline content of one paragraph: runs, tabs, breaks, symbols, fields,
//! hyperlinks, tracked changes and content controls, flattened to text.

use std::collections::HashSet;

use super::rels::Rels;
use super::styles::{RunProps, Styles};
use super::xml::{Element, Node};
use crate::document::Link;
use crate::text::normalize;

/// Which kind of note a reference points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NoteKind {
    /// `w:footnoteReference`.
    Footnote,
    /// `w:endnoteReference`.
    Endnote,
}

/// What a paragraph's inline content gives.
#[derive(Debug, Default)]
pub struct Inline<'e> {
    /// The raw text (tabs and soft breaks kept; normalised by the caller).
    pub text: String,
    /// Every visible run is bold.
    pub bold: bool,
    /// Every visible run is italic.
    pub italic: bool,
    /// Some run had visible text.
    pub visible: bool,
    /// A page break came before any visible text.
    pub break_before: bool,
    /// A page break came after visible text.
    pub break_after: bool,
    /// Text-box contents anchored in the paragraph, read after it.
    pub textboxes: Vec<Element<'e>>,
    /// Note references, in order.
    pub notes: Vec<(NoteKind, String, Option<String>)>,
    /// Hyperlinks found.
    pub links: Vec<Link>,
    /// Formatting of each line: `text` split at its `'\n'` (soft breaks)
    /// gives exactly these lines.
    pub lines: Vec<LineStyle>,
}

/// Formatting of one line of a paragraph (between soft breaks).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineStyle {
    /// Every visible run of the line is bold.
    pub bold: bool,
    /// Every visible run of the line is italic.
    pub italic: bool,
    /// The line has visible text.
    pub visible: bool,
}

impl Default for LineStyle {
    fn default() -> Self {
        LineStyle {
            bold: true,
            italic: true,
            visible: false,
        }
    }
}

/// What inline reading needs from the document.
#[derive(Debug, Clone, Copy)]
pub struct InlineCtx<'a> {
    /// The styles, for character styles.
    pub styles: &'a Styles,
    /// The relationships of the part being read, for hyperlinks.
    pub rels: &'a Rels,
    /// Run properties from the paragraph style and the document defaults.
    pub para_run: RunProps,
    /// The bookmark names of the document: an internal link to any other
    /// name leads nowhere, and is kept as a bare `"#"`.
    pub bookmarks: &'a HashSet<String>,
}

#[derive(Debug, Default)]
struct Field {
    code: String,
    in_code: bool,
    result_start: Option<usize>,
}

struct State<'e> {
    out: Inline<'e>,
    fields: Vec<Field>,
    custom_mark: bool,
}

impl State<'_> {
    fn in_code(&self) -> bool {
        self.fields.iter().any(|f| f.in_code)
    }

    fn soft_break(&mut self) {
        self.out.text.push('\n');
        self.out.lines.push(LineStyle::default());
    }

    fn mark_visible(&mut self, bold: bool, italic: bool) {
        self.out.visible = true;
        self.out.bold &= bold;
        self.out.italic &= italic;
        if let Some(line) = self.out.lines.last_mut() {
            line.visible = true;
            line.bold &= bold;
            line.italic &= italic;
        }
    }
}

/// Reads the inline content of a paragraph (or any element holding runs).
pub fn read<'e>(p: Element<'e>, ctx: InlineCtx<'_>) -> Inline<'e> {
    let mut st = State {
        out: Inline {
            bold: true,
            italic: true,
            lines: vec![LineStyle::default()],
            ..Inline::default()
        },
        fields: Vec::new(),
        custom_mark: false,
    };
    walk(p, ctx, &mut st);
    st.out
}

fn walk<'e>(el: Element<'e>, ctx: InlineCtx<'_>, st: &mut State<'e>) {
    for child in el.elements() {
        match child.name() {
            "pPr" | "rPr" | "del" | "moveFrom" | "sdtPr" | "sdtEndPr" | "bookmarkStart"
            | "bookmarkEnd" | "proofErr" | "commentRangeStart" | "commentRangeEnd"
            | "permStart" | "permEnd" | "Fallback" => {}
            "r" => run(child, ctx, st),
            "hyperlink" => {
                let start = st.out.text.len();
                walk(child, ctx, st);
                let url =
                    hyperlink_target(child, ctx.rels).map(|u| checked_anchor(u, ctx.bookmarks));
                push_link(st, start, url);
            }
            "fldSimple" => {
                let start = st.out.text.len();
                walk(child, ctx, st);
                let url = child
                    .attr("instr")
                    .and_then(hyperlink_field_target)
                    .map(|u| checked_anchor(u, ctx.bookmarks));
                push_link(st, start, url);
            }
            "txbxContent" => st.out.textboxes.push(child),
            "AlternateContent" => {
                if let Some(choice) = alternate(child) {
                    walk(choice, ctx, st);
                }
            }
            // ins, moveTo, smartTag, customXml, sdt, sdtContent, dir, bdo,
            // math: content that shows.
            _ => walk(child, ctx, st),
        }
    }
}

/// The branch of `mc:AlternateContent` to read: the first `Choice`, else the
/// `Fallback` (they hold the same content twice).
fn alternate(el: Element<'_>) -> Option<Element<'_>> {
    el.child("Choice").or_else(|| el.child("Fallback"))
}

fn push_link(st: &mut State<'_>, start: usize, url: Option<String>) {
    // A table of contents links each entry to a `_Toc` bookmark: navigation,
    // not a link of the report's content.
    let Some(url) = url.filter(|u| !u.is_empty() && !u.starts_with("#_Toc")) else {
        return;
    };
    let text = normalize(st.out.text.get(start..).unwrap_or(""));
    if !text.is_empty() {
        st.out.links.push(Link { text, url });
    }
}

fn hyperlink_target(el: Element<'_>, rels: &Rels) -> Option<String> {
    let anchor = el.attr("anchor").filter(|a| !a.is_empty());
    let target = el
        .attr("id")
        .and_then(|id| rels.get(id))
        .map(|r| r.target.clone());
    match (target, anchor) {
        (Some(t), Some(a)) => Some(format!("{t}#{a}")),
        (Some(t), None) => Some(t),
        (None, Some(a)) => Some(format!("#{a}")),
        (None, None) => None,
    }
}

/// An internal link (`#name`) to a bookmark the document does not have
/// becomes `"#"`: all the reader can tell is that it is a link.
fn checked_anchor(url: String, bookmarks: &HashSet<String>) -> String {
    match url.strip_prefix('#') {
        Some(name) if name != "_top" && !name.starts_with("_Toc") && !bookmarks.contains(name) => {
            "#".to_string()
        }
        _ => url,
    }
}

/// The names of every bookmark under `el`.
pub fn bookmark_names(el: Element<'_>, out: &mut HashSet<String>) {
    for child in el.elements() {
        if child.name() == "bookmarkStart" {
            if let Some(name) = child.attr("name") {
                out.insert(name.to_string());
            }
        } else {
            bookmark_names(child, out);
        }
    }
}

/// The target of a `HYPERLINK "url" \l "anchor"` field code.
fn hyperlink_field_target(code: &str) -> Option<String> {
    let code = code.trim();
    let rest = code
        .get(..9)
        .filter(|h| h.eq_ignore_ascii_case("HYPERLINK"))
        .and_then(|_| code.get(9..))?;
    let mut url = None;
    let mut anchor = None;
    let mut tokens = field_tokens(rest).into_iter();
    while let Some(tok) = tokens.next() {
        match tok.as_str() {
            "\\l" => anchor = tokens.next(),
            t if t.starts_with('\\') => {
                // Switches with an argument: \o "tooltip", \t "frame".
                if matches!(t, "\\o" | "\\t") {
                    tokens.next();
                }
            }
            _ => {
                if url.is_none() {
                    url = Some(tok);
                }
            }
        }
    }
    match (url, anchor) {
        (Some(u), Some(a)) => Some(format!("{u}#{a}")),
        (Some(u), None) => Some(u),
        (None, Some(a)) => Some(format!("#{a}")),
        (None, None) => None,
    }
}

fn field_tokens(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = s.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
        } else if c == '"' {
            chars.next();
            let mut tok = String::new();
            for c in chars.by_ref() {
                if c == '"' {
                    break;
                }
                tok.push(c);
            }
            out.push(tok);
        } else {
            let mut tok = String::new();
            while let Some(&c) = chars.peek() {
                if c.is_whitespace() {
                    break;
                }
                tok.push(c);
                chars.next();
            }
            out.push(tok);
        }
    }
    out
}

fn run<'e>(r: Element<'e>, ctx: InlineCtx<'_>, st: &mut State<'e>) {
    let rpr = r.child("rPr");
    if rpr
        .and_then(|p| p.child("vanish"))
        .is_some_and(Element::is_on)
    {
        return;
    }
    let direct = rpr.map(RunProps::from_element).unwrap_or_default();
    let styled = rpr
        .and_then(|p| p.child_val("rStyle"))
        .map(|s| ctx.styles.run_props(s))
        .unwrap_or_default();
    let bold = direct
        .bold
        .or(styled.bold)
        .or(ctx.para_run.bold)
        .unwrap_or(false);
    let italic = direct
        .italic
        .or(styled.italic)
        .or(ctx.para_run.italic)
        .unwrap_or(false);
    for child in r.elements() {
        let in_code = st.in_code();
        match child.name() {
            "t" if !in_code && st.custom_mark => {
                st.custom_mark = false;
                if let Some(note) = st.out.notes.last_mut() {
                    note.2 = Some(normalize(&child.text()));
                }
            }
            "t" if !in_code => {
                // Line ends inside w:t are not breaks Word shows; keeping
                // them out keeps `lines` aligned with the soft breaks.
                let t = child.text().replace(['\n', '\r'], " ");
                if t.chars().any(|c| !c.is_whitespace()) {
                    st.mark_visible(bold, italic);
                }
                st.out.text.push_str(&t);
            }
            "tab" | "ptab" if !in_code => st.out.text.push('\t'),
            "br" if !in_code => match child.attr("type") {
                Some("page") => {
                    if st.out.visible {
                        st.out.break_after = true;
                    } else {
                        st.out.break_before = true;
                    }
                }
                Some("column") => st.out.text.push(' '),
                _ => st.soft_break(),
            },
            "cr" if !in_code => st.soft_break(),
            "noBreakHyphen" if !in_code => st.out.text.push('-'),
            "sym" if !in_code => {
                if let Some(c) = symbol_char(child.attr("font"), child.attr("char")) {
                    st.mark_visible(bold, italic);
                    st.out.text.push(c);
                }
            }
            "fldChar" => match child.attr("fldCharType") {
                Some("begin") => st.fields.push(Field {
                    in_code: true,
                    ..Field::default()
                }),
                Some("separate") => {
                    let len = st.out.text.len();
                    if let Some(f) = st.fields.last_mut() {
                        f.in_code = false;
                        f.result_start = Some(len);
                    }
                }
                Some("end") => {
                    if let Some(f) = st.fields.pop() {
                        if let Some(start) = f.result_start {
                            let url = hyperlink_field_target(&f.code)
                                .map(|u| checked_anchor(u, ctx.bookmarks));
                            push_link(st, start, url);
                        }
                    }
                }
                _ => {}
            },
            "instrText" => {
                if let Some(f) = st.fields.last_mut() {
                    if f.in_code {
                        f.code.push_str(&child.text());
                    }
                }
            }
            "footnoteReference" | "endnoteReference" if !in_code => {
                let kind = if child.name() == "footnoteReference" {
                    NoteKind::Footnote
                } else {
                    NoteKind::Endnote
                };
                if let Some(id) = child.attr("id") {
                    // With customMarkFollows the next text of the run is the
                    // mark itself, not body text.
                    let custom = child
                        .attr("customMarkFollows")
                        .is_some_and(|v| v == "1" || v == "true" || v == "on");
                    st.out.notes.push((kind, id.to_string(), None));
                    st.custom_mark = custom;
                }
            }
            "drawing" | "pict" | "object" | "AlternateContent" => {
                find_textboxes(child, &mut st.out.textboxes);
            }
            _ => {}
        }
    }
}

fn find_textboxes<'e>(el: Element<'e>, out: &mut Vec<Element<'e>>) {
    if el.name() == "txbxContent" {
        out.push(el);
        return;
    }
    if el.name() == "AlternateContent" {
        if let Some(choice) = alternate(el) {
            find_textboxes(choice, out);
        }
        return;
    }
    for n in el.children() {
        if let Node::Element(child) = n {
            find_textboxes(child, out);
        }
    }
}

/// The character a `w:sym` shows. Symbol-font code points live in the
/// private-use area at U+F000 + the font's byte; the bullets and ticks of
/// Symbol and Wingdings are mapped to their Unicode look-alikes.
fn symbol_char(font: Option<&str>, code: Option<&str>) -> Option<char> {
    let code = u32::from_str_radix(code?.trim(), 16).ok()?;
    let byte = if (0xF000..=0xF0FF).contains(&code) {
        code - 0xF000
    } else if code <= 0xFF {
        code
    } else {
        return char::from_u32(code);
    };
    let font = font.unwrap_or("").to_ascii_lowercase();
    if font.starts_with("wingdings") {
        return match byte {
            0xFC | 0xFE => Some('✓'),
            0xFB | 0xFD => Some('✗'),
            0x6C | 0x6E | 0x71 | 0x76 | 0x77 | 0x9F | 0xA1 | 0xA7 | 0xA8 | 0xD8 => Some('•'),
            _ => None,
        };
    }
    match byte {
        0xB7 => Some('•'),
        0x20..=0x7E if font.starts_with("symbol") => {
            // Symbol's letters are Greek; its punctuation and digits are ASCII.
            let c = char::from_u32(byte)?;
            (!c.is_ascii_alphabetic()).then_some(c)
        }
        0x20..=0xFF => char::from_u32(byte),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::docx::xml::parse;

    fn inline_of(xml: &str) -> (String, Vec<Link>, bool) {
        let p = parse(xml.as_bytes(), "t", 40).unwrap();
        let styles = Styles::default();
        let rels = Rels::default();
        let bookmarks = HashSet::new();
        let ctx = InlineCtx {
            styles: &styles,
            rels: &rels,
            para_run: RunProps::default(),
            bookmarks: &bookmarks,
        };
        let out = read(p.root(), ctx);
        (normalize(&out.text), out.links, out.visible && out.bold)
    }

    #[test]
    fn tracked_changes_fields_and_symbols() {
        let (text, links, bold) = inline_of(
            r#"<w:p xmlns:w="w"><w:r><w:rPr><w:b/></w:rPr><w:t>Kept</w:t></w:r><w:del><w:r><w:delText>gone</w:delText></w:r></w:del><w:ins><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve"> new</w:t></w:r></w:ins><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> HYPERLINK "https://x.org/a" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>site</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:rPr><w:b/></w:rPr><w:tab/><w:sym w:font="Wingdings" w:char="F0FC"/></w:r></w:p>"#,
        );
        assert_eq!(text, "Kept newsite ✓");
        assert_eq!(
            links,
            vec![Link {
                text: "site".into(),
                url: "https://x.org/a".into()
            }]
        );
        assert!(bold);
    }

    #[test]
    fn table_of_contents_links_are_not_links() {
        let (text, links, _) = inline_of(
            r#"<w:p xmlns:w="w"><w:hyperlink w:anchor="_Toc123"><w:r><w:t>Introduction</w:t></w:r><w:r><w:tab/><w:t>3</w:t></w:r></w:hyperlink></w:p>"#,
        );
        assert_eq!(text, "Introduction 3");
        assert!(links.is_empty());
    }

    #[test]
    fn field_code_field() {
        assert_eq!(
            hyperlink_field_target(r#" HYPERLINK \l "_Toc1" \o "tip" "#).as_deref(),
            Some("#_Toc1")
        );
        assert_eq!(hyperlink_field_target(" PAGE "), None);
    }
}
