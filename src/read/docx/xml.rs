//! A small element tree over quick-xml: docx parts are small enough to hold
//! in memory, and a tree keeps the WordprocessingML walkers simple.
//!
//! Names are kept without their namespace prefix (`w:p` becomes `p`):
//! WordprocessingML never uses one local name for two different things that
//! we read.

use quick_xml::events::Event;
use quick_xml::Reader;

use crate::{Error, ErrorKind, Result};

/// An XML element: local name, attributes (local names) and children.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Element {
    /// The local name, e.g. `p` for `w:p`.
    pub name: String,
    /// Attributes by local name, in document order.
    pub attrs: Vec<(String, String)>,
    /// Child elements and text, in document order.
    pub children: Vec<Node>,
}

/// A child of an [`Element`].
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// A child element.
    Element(Element),
    /// Character data (entities resolved).
    Text(String),
}

impl Element {
    /// The value of the attribute with this local name.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The `w:val` attribute.
    pub fn val(&self) -> Option<&str> {
        self.attr("val")
    }

    /// The child elements, in order.
    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    /// The first child element with this local name.
    pub fn child(&self, name: &str) -> Option<&Element> {
        self.elements().find(|e| e.name == name)
    }

    /// The child elements with this local name.
    pub fn children_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> {
        self.elements().filter(move |e| e.name == name)
    }

    /// The `w:val` of the child element `name`.
    pub fn child_val(&self, name: &str) -> Option<&str> {
        self.child(name).and_then(Element::val)
    }

    /// The concatenated character data directly inside this element.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for n in &self.children {
            if let Node::Text(t) = n {
                out.push_str(t);
            }
        }
        out
    }

    /// Whether an on/off property element (`w:b`, `w:tblHeader`) is on:
    /// present with no `w:val`, or a `w:val` other than `0`/`false`/`off`.
    pub fn is_on(&self) -> bool {
        !matches!(self.val(), Some("0" | "false" | "off" | "none"))
    }
}

/// Parses one package part into its root element.
///
/// `part` names the part in errors; `max_depth` bounds element nesting.
pub fn parse(bytes: &[u8], part: &str, max_depth: u32) -> Result<Element> {
    let mut reader = Reader::from_reader(bytes);
    let xml_err = |message: String| {
        Error::new(ErrorKind::Xml {
            part: part.to_string(),
            message,
        })
    };
    // The root is a synthetic element holding the document element.
    let mut stack: Vec<Element> = vec![Element::default()];
    loop {
        let event = reader
            .read_event()
            .map_err(|e| xml_err(format!("{e} (at byte {})", reader.error_position())))?;
        match event {
            Event::Start(start) => {
                if stack.len() > max_depth as usize {
                    return Err(Error::limit(
                        "max_depth",
                        stack.len() as u64,
                        u64::from(max_depth),
                    ));
                }
                stack.push(element_of(&start).map_err(xml_err)?);
            }
            Event::Empty(start) => {
                let el = element_of(&start).map_err(xml_err)?;
                if let Some(top) = stack.last_mut() {
                    top.children.push(Node::Element(el));
                }
            }
            Event::End(_) => {
                let done = stack.pop();
                match (done, stack.last_mut()) {
                    (Some(done), Some(parent)) => parent.children.push(Node::Element(done)),
                    _ => return Err(xml_err("unexpected end tag".to_string())),
                }
            }
            Event::Text(t) => {
                let s = t.decode().map_err(|e| xml_err(e.to_string()))?;
                push_text(&mut stack, &s);
            }
            Event::CData(t) => {
                let s = t.decode().map_err(|e| xml_err(e.to_string()))?;
                push_text(&mut stack, &s);
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
                push_text(&mut stack, &resolved);
            }
            Event::Eof => break,
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
        }
    }
    if stack.len() != 1 {
        return Err(xml_err(format!(
            "the part ends inside <{}> (truncated?)",
            stack.last().map(|e| e.name.as_str()).unwrap_or("")
        )));
    }
    let root = stack.pop().unwrap_or_default();
    root.children
        .into_iter()
        .find_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
        .ok_or_else(|| xml_err("no root element".to_string()))
}

fn push_text(stack: &mut [Element], s: &str) {
    if let Some(top) = stack.last_mut() {
        // White space between elements (pretty-printed parts) means nothing
        // in WordprocessingML outside the text elements; dropping it keeps
        // the tree small.
        if s.chars().all(char::is_whitespace) && !matches!(top.name.as_str(), "t" | "instrText") {
            return;
        }
        if let Some(Node::Text(prev)) = top.children.last_mut() {
            prev.push_str(s);
        } else {
            top.children.push(Node::Text(s.to_string()));
        }
    }
}

fn element_of(start: &quick_xml::events::BytesStart<'_>) -> std::result::Result<Element, String> {
    let name = String::from_utf8_lossy(start.local_name().as_ref()).into_owned();
    let mut attrs = Vec::new();
    for attr in start.attributes() {
        let attr = attr.map_err(|e| e.to_string())?;
        let key = String::from_utf8_lossy(attr.key.local_name().as_ref()).into_owned();
        let value = attr.unescape_value().map_err(|e| e.to_string())?;
        attrs.push((key, value.into_owned()));
    }
    Ok(Element {
        name,
        attrs,
        children: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_names_attributes_and_entities() {
        let root = parse(
            br#"<?xml version="1.0"?><w:p xmlns:w="x"><w:r><w:t xml:space="preserve">a &amp; b&#233;</w:t></w:r><w:b w:val="0"/></w:p>"#,
            "t.xml",
            10,
        )
        .unwrap();
        assert_eq!(root.name, "p");
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
