//! A compact element tree over quick-xml: docx parts are small enough to
//! hold in memory, and a tree keeps the WordprocessingML walkers simple.
//!
//! The tree lives in three flat buffers (nodes, attributes, and one string
//! holding every name, value and text), so a part costs a few allocations
//! however many elements it has, and memory stays proportionate to the part
//! (a `w:r` with its properties costs a few dozen bytes, not a few hundred).
//! Elements are handed out as small `Copy` handles.
//!
//! Names are kept without their namespace prefix (`w:p` becomes `p`):
//! WordprocessingML never uses one local name for two different things that
//! we read.

use quick_xml::events::Event;
use quick_xml::Reader;

use crate::{Error, ErrorKind, Result};

/// No node (end of a sibling list, or no children).
const NONE: u32 = u32::MAX;

/// A span of [`Dom::strings`].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Span {
    start: u32,
    len: u32,
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct NodeData {
    /// An element (name in `span`) or a text node (text in `span`).
    element: bool,
    span: Span,
    attrs_start: u32,
    attrs_len: u32,
    first_child: u32,
    last_child: u32,
    next_sibling: u32,
}

/// A parsed XML part.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Dom {
    nodes: Vec<NodeData>,
    /// Key and value of each attribute.
    attrs: Vec<(Span, Span)>,
    strings: String,
    /// The document element.
    root: u32,
}

impl Dom {
    /// The document element.
    pub fn root(&self) -> Element<'_> {
        Element {
            dom: self,
            id: self.root,
        }
    }

    fn str(&self, span: Span) -> &str {
        let s = span.start as usize;
        self.strings.get(s..s + span.len as usize).unwrap_or("")
    }

    fn node(&self, id: u32) -> Option<&NodeData> {
        self.nodes.get(id as usize)
    }
}

/// An XML element: local name, attributes (local names) and children.
#[derive(Debug, Clone, Copy)]
pub struct Element<'a> {
    dom: &'a Dom,
    id: u32,
}

impl PartialEq for Element<'_> {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.dom, other.dom) && self.id == other.id
    }
}

/// A child of an [`Element`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Node<'a> {
    /// A child element.
    Element(Element<'a>),
    /// Character data (entities resolved).
    Text(&'a str),
}

impl<'a> Element<'a> {
    fn data(self) -> Option<&'a NodeData> {
        self.dom.node(self.id)
    }

    /// The local name, e.g. `p` for `w:p`.
    pub fn name(self) -> &'a str {
        self.data().map(|d| self.dom.str(d.span)).unwrap_or("")
    }

    /// Attributes by local name, in document order.
    pub fn attrs(self) -> impl Iterator<Item = (&'a str, &'a str)> {
        let dom = self.dom;
        let range = self
            .data()
            .map(|d| d.attrs_start as usize..(d.attrs_start + d.attrs_len) as usize)
            .unwrap_or(0..0);
        dom.attrs
            .get(range)
            .unwrap_or(&[])
            .iter()
            .map(move |(k, v)| (dom.str(*k), dom.str(*v)))
    }

    /// The value of the attribute with this local name.
    pub fn attr(self, name: &str) -> Option<&'a str> {
        self.attrs().find(|(k, _)| *k == name).map(|(_, v)| v)
    }

    /// The `w:val` attribute.
    pub fn val(self) -> Option<&'a str> {
        self.attr("val")
    }

    /// Child elements and text, in document order.
    pub fn children(self) -> impl Iterator<Item = Node<'a>> {
        let dom = self.dom;
        let mut next = self.data().map(|d| d.first_child).unwrap_or(NONE);
        std::iter::from_fn(move || {
            let id = next;
            let d = dom.node(id)?;
            next = d.next_sibling;
            Some(if d.element {
                Node::Element(Element { dom, id })
            } else {
                Node::Text(dom.str(d.span))
            })
        })
    }

    /// The child elements, in order.
    pub fn elements(self) -> impl Iterator<Item = Element<'a>> {
        self.children().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    /// The first child element with this local name.
    pub fn child(self, name: &str) -> Option<Element<'a>> {
        self.elements().find(|e| e.name() == name)
    }

    /// The child elements with this local name.
    pub fn children_named<'n>(self, name: &'n str) -> impl Iterator<Item = Element<'a>> + 'n
    where
        'a: 'n,
    {
        self.elements().filter(move |e| e.name() == name)
    }

    /// The `w:val` of the child element `name`.
    pub fn child_val(self, name: &str) -> Option<&'a str> {
        self.child(name).and_then(Element::val)
    }

    /// The concatenated character data directly inside this element.
    pub fn text(self) -> String {
        let mut out = String::new();
        for n in self.children() {
            if let Node::Text(t) = n {
                out.push_str(t);
            }
        }
        out
    }

    /// Whether an on/off property element (`w:b`, `w:tblHeader`) is on:
    /// present with no `w:val`, or a `w:val` other than `0`/`false`/`off`.
    pub fn is_on(self) -> bool {
        !matches!(self.val(), Some("0" | "false" | "off" | "none"))
    }
}

/// Builds a [`Dom`], checking that offsets fit the compact layout.
struct Builder {
    dom: Dom,
    /// Open elements, the synthetic root first.
    stack: Vec<u32>,
}

impl Builder {
    fn span(&mut self, s: &str) -> std::result::Result<Span, String> {
        let start = self.dom.strings.len();
        self.dom.strings.push_str(s);
        let too_big = || "the part is too large to index".to_string();
        Ok(Span {
            start: u32::try_from(start).map_err(|_| too_big())?,
            len: u32::try_from(s.len()).map_err(|_| too_big())?,
        })
    }

    fn push_node(&mut self, node: NodeData) -> std::result::Result<u32, String> {
        let id = u32::try_from(self.dom.nodes.len())
            .ok()
            .filter(|&id| id != NONE)
            .ok_or_else(|| "the part has too many nodes".to_string())?;
        self.dom.nodes.push(node);
        if let Some(&parent) = self.stack.last() {
            let last = self.dom.nodes.get(parent as usize).map(|p| p.last_child);
            match last.and_then(|l| self.dom.nodes.get_mut(l as usize)) {
                Some(prev) => prev.next_sibling = id,
                None => {
                    if let Some(p) = self.dom.nodes.get_mut(parent as usize) {
                        p.first_child = id;
                    }
                }
            }
            if let Some(p) = self.dom.nodes.get_mut(parent as usize) {
                p.last_child = id;
            }
        }
        Ok(id)
    }

    fn element(
        &mut self,
        start: &quick_xml::events::BytesStart<'_>,
    ) -> std::result::Result<u32, String> {
        let name = self.span(&String::from_utf8_lossy(start.local_name().as_ref()))?;
        let attrs_start = self.dom.attrs.len();
        for attr in start.attributes() {
            let attr = attr.map_err(|e| e.to_string())?;
            let key = self.span(&String::from_utf8_lossy(attr.key.local_name().as_ref()))?;
            let value = attr.unescape_value().map_err(|e| e.to_string())?;
            let value = self.span(&value)?;
            self.dom.attrs.push((key, value));
        }
        let count = |n: usize| u32::try_from(n).map_err(|_| "too many attributes".to_string());
        self.push_node(NodeData {
            element: true,
            span: name,
            attrs_start: count(attrs_start)?,
            attrs_len: count(self.dom.attrs.len() - attrs_start)?,
            first_child: NONE,
            last_child: NONE,
            next_sibling: NONE,
        })
    }

    fn text(&mut self, s: &str) -> std::result::Result<(), String> {
        let Some(&top) = self.stack.last() else {
            return Ok(());
        };
        let Some(top_data) = self.dom.node(top).copied() else {
            return Ok(());
        };
        // White space between elements (pretty-printed parts) means nothing
        // in WordprocessingML outside the text elements; dropping it keeps
        // the tree small.
        if s.chars().all(char::is_whitespace)
            && !matches!(self.dom.str(top_data.span), "t" | "instrText")
        {
            return Ok(());
        }
        // Text next to text extends one node, as one string.
        let end = self.dom.strings.len();
        if let Some(prev) = self.dom.nodes.get_mut(top_data.last_child as usize) {
            if !prev.element && (prev.span.start + prev.span.len) as usize == end {
                self.dom.strings.push_str(s);
                prev.span.len = u32::try_from(self.dom.strings.len() - prev.span.start as usize)
                    .map_err(|_| "the part is too large to index".to_string())?;
                return Ok(());
            }
        }
        let span = self.span(s)?;
        self.push_node(NodeData {
            element: false,
            span,
            attrs_start: 0,
            attrs_len: 0,
            first_child: NONE,
            last_child: NONE,
            next_sibling: NONE,
        })?;
        Ok(())
    }
}

/// Parses one package part.
///
/// `part` names the part in errors; `max_depth` bounds element nesting.
pub fn parse(bytes: &[u8], part: &str, max_depth: u32) -> Result<Dom> {
    let mut reader = Reader::from_reader(bytes);
    let xml_err = |message: String| {
        Error::new(ErrorKind::Xml {
            part: part.to_string(),
            message,
        })
    };
    let mut b = Builder {
        dom: Dom::default(),
        stack: Vec::new(),
    };
    // The root is a synthetic element holding the document element.
    let root = b
        .push_node(NodeData {
            element: true,
            span: Span::default(),
            attrs_start: 0,
            attrs_len: 0,
            first_child: NONE,
            last_child: NONE,
            next_sibling: NONE,
        })
        .map_err(xml_err)?;
    b.stack.push(root);
    loop {
        let event = reader
            .read_event()
            .map_err(|e| xml_err(format!("{e} (at byte {})", reader.error_position())))?;
        match event {
            Event::Start(start) => {
                if b.stack.len() > max_depth as usize {
                    return Err(Error::limit(
                        "max_depth",
                        b.stack.len() as u64,
                        u64::from(max_depth),
                    ));
                }
                let id = b.element(&start).map_err(xml_err)?;
                b.stack.push(id);
            }
            Event::Empty(start) => {
                b.element(&start).map_err(xml_err)?;
            }
            Event::End(_) => {
                b.stack.pop();
                if b.stack.is_empty() {
                    return Err(xml_err("unexpected end tag".to_string()));
                }
            }
            Event::Text(t) => {
                let s = t.decode().map_err(|e| xml_err(e.to_string()))?;
                b.text(&s).map_err(xml_err)?;
            }
            Event::CData(t) => {
                let s = t.decode().map_err(|e| xml_err(e.to_string()))?;
                b.text(&s).map_err(xml_err)?;
            }
            Event::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    Ok(None) => {
                        let name = r.decode().map_err(|e| xml_err(e.to_string()))?;
                        match quick_xml::escape::resolve_predefined_entity(&name) {
                            Some(s) => s.to_string(),
                            None => return Err(xml_err(format!("unknown entity &{name};"))),
                        }
                    }
                    Err(e) => return Err(xml_err(e.to_string())),
                };
                b.text(&resolved).map_err(xml_err)?;
            }
            Event::Eof => break,
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
        }
    }
    if b.stack.len() != 1 {
        let open = b.stack.last().map(|&id| Element { dom: &b.dom, id }.name());
        return Err(xml_err(format!(
            "the part ends inside <{}> (truncated?)",
            open.unwrap_or("")
        )));
    }
    let doc_element = Element {
        dom: &b.dom,
        id: root,
    }
    .elements()
    .next()
    .map(|e| e.id)
    .ok_or_else(|| xml_err("no root element".to_string()))?;
    let mut dom = b.dom;
    dom.root = doc_element;
    dom.nodes.shrink_to_fit();
    dom.attrs.shrink_to_fit();
    dom.strings.shrink_to_fit();
    Ok(dom)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_names_attributes_and_entities() {
        let dom = parse(
            br#"<?xml version="1.0"?><w:p xmlns:w="x"><w:r><w:t xml:space="preserve">a &amp; b&#233;</w:t></w:r><w:b w:val="0"/></w:p>"#,
            "t.xml",
            10,
        )
        .unwrap();
        let root = dom.root();
        assert_eq!(root.name(), "p");
        let t = root.child("r").unwrap().child("t").unwrap();
        assert_eq!(t.text(), "a & bé");
        assert_eq!(t.attr("space"), Some("preserve"));
        assert!(!root.child("b").unwrap().is_on());
    }

    #[test]
    fn truncated_and_mismatched_are_xml_errors_naming_the_part() {
        for bad in [&b"<a><b></b>"[..], b"<a></b>", b"<a x='1></a>", b""] {
            let err = parse(bad, "word/document.xml", 10).unwrap_err();
            match err.kind() {
                ErrorKind::Xml { part, .. } => assert_eq!(part, "word/document.xml"),
                other => panic!("{other:?}"),
            }
        }
    }

    #[test]
    fn depth_is_limited() {
        let deep = "<a>".repeat(20) + &"</a>".repeat(20);
        let err = parse(deep.as_bytes(), "p", 10).unwrap_err();
        assert!(matches!(
            err.kind(),
            ErrorKind::Limit {
                limit: "max_depth",
                ..
            }
        ));
        assert!(parse(deep.as_bytes(), "p", 30).is_ok());
    }
}
