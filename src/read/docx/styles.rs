//! `styles.xml`: which paragraph styles are headings, which carry list
//! numbering, and which make text bold or italic — each followed through the
//! `basedOn` chain.

use std::collections::HashMap;

use super::xml::Element;

/// The longest `basedOn` chain followed (real chains are a handful long; this
/// also stops cycles).
const MAX_CHAIN: usize = 32;

/// List numbering a style or paragraph asks for (`w:numPr`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NumRef {
    /// `w:numId`; `"0"` switches numbering off.
    pub num_id: Option<String>,
    /// `w:ilvl`.
    pub ilvl: Option<u8>,
}

impl NumRef {
    /// Reads a `w:numPr` element.
    pub fn from_element(num_pr: Element<'_>) -> NumRef {
        NumRef {
            num_id: num_pr.child_val("numId").map(str::to_string),
            ilvl: num_pr
                .child_val("ilvl")
                .and_then(|v| v.trim().parse::<u8>().ok())
                .map(|v| v.min(8)),
        }
    }
}

/// Run properties that we track.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RunProps {
    /// `w:b`, when set.
    pub bold: Option<bool>,
    /// `w:i`, when set.
    pub italic: Option<bool>,
}

impl RunProps {
    /// Reads a `w:rPr` element.
    pub fn from_element(rpr: Element<'_>) -> RunProps {
        RunProps {
            bold: rpr.child("b").map(Element::is_on),
            italic: rpr.child("i").map(Element::is_on),
        }
    }
}

#[derive(Debug, Clone, Default)]
struct StyleDef {
    name: String,
    based_on: Option<String>,
    outline: Option<u8>,
    num: Option<NumRef>,
    run: RunProps,
}

/// The styles of a document.
#[derive(Debug, Clone, Default)]
pub struct Styles {
    defs: HashMap<String, StyleDef>,
    default_paragraph: Option<String>,
    default_run: RunProps,
}

impl Styles {
    /// Reads `styles.xml`.
    pub fn from_element(root: Element<'_>) -> Styles {
        let mut styles = Styles::default();
        if let Some(rpr) = root
            .child("docDefaults")
            .and_then(|d| d.child("rPrDefault"))
            .and_then(|d| d.child("rPr"))
        {
            styles.default_run = RunProps::from_element(rpr);
        }
        for s in root.children_named("style") {
            let Some(id) = s.attr("styleId") else {
                continue;
            };
            let ppr = s.child("pPr");
            let def = StyleDef {
                name: s.child_val("name").unwrap_or("").to_ascii_lowercase(),
                based_on: s.child_val("basedOn").map(str::to_string),
                outline: ppr
                    .and_then(|p| p.child_val("outlineLvl"))
                    .and_then(|v| v.trim().parse::<u8>().ok()),
                num: ppr.and_then(|p| p.child("numPr")).map(NumRef::from_element),
                run: s
                    .child("rPr")
                    .map(RunProps::from_element)
                    .unwrap_or_default(),
            };
            if s.attr("type") == Some("paragraph")
                && s.attr("default").is_some_and(|d| d == "1" || d == "true")
            {
                styles.default_paragraph = Some(id.to_string());
            }
            styles.defs.insert(id.to_string(), def);
        }
        styles
    }

    /// The default paragraph style's id.
    pub fn default_paragraph(&self) -> Option<&str> {
        self.default_paragraph.as_deref()
    }

    fn chain<'a>(&'a self, id: &'a str) -> impl Iterator<Item = (&'a str, &'a StyleDef)> + 'a {
        let mut next = Some(id);
        std::iter::from_fn(move || {
            let id = next?;
            let def = self.defs.get(id)?;
            next = def.based_on.as_deref();
            Some((id, def))
        })
        .take(MAX_CHAIN)
    }

    /// The heading level (1 = top) a paragraph style gives, from its name
    /// (`heading 1`…`heading 9`, `Title`) or its outline level, through
    /// `basedOn`.
    pub fn heading_level(&self, id: &str) -> Option<u8> {
        for (sid, def) in self.chain(id) {
            if let Some(level) = heading_name_level(&def.name).or_else(|| heading_id_level(sid)) {
                return Some(level);
            }
            if let Some(outline) = def.outline {
                // Level 9 is Word's "body text".
                return (outline < 9).then_some(outline + 1);
            }
        }
        None
    }

    /// The numbering a paragraph style carries, through `basedOn`: the
    /// nearest `numId`, with the nearest `ilvl` found on the way.
    pub fn numbering(&self, id: &str) -> Option<NumRef> {
        let mut ilvl = None;
        for (_, def) in self.chain(id) {
            if let Some(num) = &def.num {
                ilvl = ilvl.or(num.ilvl);
                if num.num_id.is_some() {
                    return Some(NumRef {
                        num_id: num.num_id.clone(),
                        ilvl,
                    });
                }
            }
        }
        None
    }

    /// The run properties a style gives, through `basedOn`.
    pub fn run_props(&self, id: &str) -> RunProps {
        let mut out = RunProps::default();
        for (_, def) in self.chain(id) {
            out.bold = out.bold.or(def.run.bold);
            out.italic = out.italic.or(def.run.italic);
        }
        out
    }

    /// The document-wide default run properties.
    pub fn default_run(&self) -> RunProps {
        self.default_run
    }
}

fn heading_name_level(name: &str) -> Option<u8> {
    if name == "title" {
        return Some(1);
    }
    let rest = name.strip_prefix("heading")?.trim();
    let n: u8 = rest.parse().ok()?;
    (1..=9).contains(&n).then_some(n)
}

fn heading_id_level(id: &str) -> Option<u8> {
    let rest = id.strip_prefix("Heading")?;
    let n: u8 = rest.parse().ok()?;
    (1..=9).contains(&n).then_some(n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::docx::xml::parse;

    fn styles() -> Styles {
        let root = parse(
            br#"<w:styles xmlns:w="w">
              <w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="22"/></w:rPr></w:rPrDefault></w:docDefaults>
              <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
              <w:style w:type="paragraph" w:styleId="Berschrift1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:rPr><w:b/></w:rPr></w:style>
              <w:style w:type="paragraph" w:styleId="MyHead"><w:name w:val="My Head"/><w:basedOn w:val="Berschrift1"/><w:rPr><w:b w:val="0"/></w:rPr></w:style>
              <w:style w:type="paragraph" w:styleId="Outline"><w:name w:val="Outline"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>
              <w:style w:type="paragraph" w:styleId="Body9"><w:name w:val="Body"/><w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style>
              <w:style w:type="paragraph" w:styleId="ListNumber"><w:name w:val="List Number"/><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style>
              <w:style w:type="paragraph" w:styleId="ListNumber2"><w:name w:val="List Number 2"/><w:basedOn w:val="ListNumber"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>
              <w:style w:type="paragraph" w:styleId="Loop"><w:name w:val="Loop"/><w:basedOn w:val="Loop"/></w:style>
            </w:styles>"#,
            "word/styles.xml",
            20,
        )
        .unwrap();
        Styles::from_element(root.root())
    }

    #[test]
    fn headings_through_names_chains_and_outline_levels() {
        let s = styles();
        assert_eq!(s.heading_level("Berschrift1"), Some(1));
        assert_eq!(s.heading_level("MyHead"), Some(1));
        assert_eq!(s.heading_level("Outline"), Some(3));
        assert_eq!(s.heading_level("Body9"), None);
        assert_eq!(s.heading_level("Normal"), None);
        assert_eq!(s.heading_level("Loop"), None);
        assert_eq!(s.heading_level("Missing"), None);
        assert_eq!(s.default_paragraph(), Some("Normal"));
    }

    #[test]
    fn numbering_and_bold_inherit() {
        let s = styles();
        let n = s.numbering("ListNumber2").unwrap();
        assert_eq!((n.num_id.as_deref(), n.ilvl), (Some("7"), Some(1)));
        assert_eq!(s.numbering("Normal"), None);
        assert_eq!(s.run_props("Berschrift1").bold, Some(true));
        assert_eq!(s.run_props("MyHead").bold, Some(false));
    }
}
