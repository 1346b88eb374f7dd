//! Relationship parts (`_rels/*.rels`): how one part names another part or
//! an external address.

use std::collections::HashMap;

use super::xml::Element;

/// One relationship.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rel {
    /// The type URI's last segment, e.g. `hyperlink`, `footnotes`.
    pub kind: String,
    /// For an internal target, the part name resolved against the source
    /// part's folder (`word/footnotes.xml`); for an external one, the target
    /// as written (a URL).
    pub target: String,
    /// Whether `TargetMode="External"`.
    pub external: bool,
}

/// The relationships of one part, by id.
#[derive(Debug, Clone, Default)]
pub struct Rels {
    by_id: HashMap<String, Rel>,
    order: Vec<String>,
}

impl Rels {
    /// Reads a `.rels` part belonging to `source` (e.g. `word/document.xml`).
    pub fn from_element(root: Element<'_>, source: &str) -> Rels {
        let base = match source.rfind('/') {
            Some(i) => source.get(..i).unwrap_or(""),
            None => "",
        };
        let mut rels = Rels::default();
        for r in root.children_named("Relationship") {
            let (Some(id), Some(target)) = (r.attr("Id"), r.attr("Target")) else {
                continue;
            };
            let kind = r
                .attr("Type")
                .and_then(|t| t.rsplit('/').next())
                .unwrap_or("")
                .to_string();
            let external = r
                .attr("TargetMode")
                .is_some_and(|m| m.eq_ignore_ascii_case("external"));
            let target = if external {
                target.to_string()
            } else {
                resolve(base, target)
            };
            if !rels.by_id.contains_key(id) {
                rels.order.push(id.to_string());
            }
            rels.by_id.insert(
                id.to_string(),
                Rel {
                    kind,
                    target,
                    external,
                },
            );
        }
        rels
    }

    /// The relationship with this id.
    pub fn get(&self, id: &str) -> Option<&Rel> {
        self.by_id.get(id)
    }

    /// The target part of the first internal relationship of this kind.
    pub fn target_of_kind(&self, kind: &str) -> Option<&str> {
        self.order
            .iter()
            .filter_map(|id| self.by_id.get(id))
            .find(|r| r.kind == kind && !r.external)
            .map(|r| r.target.as_str())
    }
}

/// The `.rels` part name for a part: `word/document.xml` ->
/// `word/_rels/document.xml.rels`.
pub fn rels_part_of(part: &str) -> String {
    match part.rfind('/') {
        Some(i) => format!(
            "{}/_rels/{}.rels",
            part.get(..i).unwrap_or(""),
            part.get(i + 1..).unwrap_or("")
        ),
        None => format!("_rels/{part}.rels"),
    }
}

/// Resolves a relative part reference against a folder, as OPC does.
fn resolve(base: &str, target: &str) -> String {
    let mut parts: Vec<&str> = if let Some(abs) = target.strip_prefix('/') {
        return normalise_path(abs.split('/').collect());
    } else if base.is_empty() {
        Vec::new()
    } else {
        base.split('/').collect()
    };
    parts.extend(target.split('/'));
    normalise_path(parts)
}

fn normalise_path(parts: Vec<&str>) -> String {
    let mut out: Vec<&str> = Vec::new();
    for p in parts {
        match p {
            "" | "." => {}
            ".." => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::docx::xml::parse;

    #[test]
    fn resolves_targets_and_kinds() {
        let root = parse(
            br#"<Relationships xmlns="x">
              <Relationship Id="rId1" Type="http://s/officeDocument/2006/relationships/hyperlink" Target="https://example.org/a?b=1&amp;c" TargetMode="External"/>
              <Relationship Id="rId2" Type="http://s/relationships/footnotes" Target="footnotes.xml"/>
              <Relationship Id="rId3" Type="http://s/relationships/styles" Target="/word/styles.xml"/>
              <Relationship Id="rId4" Type="http://s/relationships/image" Target="../media/x.png"/>
            </Relationships>"#,
            "word/_rels/document.xml.rels",
            10,
        )
        .unwrap();
        let rels = Rels::from_element(root.root(), "word/document.xml");
        assert_eq!(
            rels.get("rId1").unwrap().target,
            "https://example.org/a?b=1&c"
        );
        assert!(rels.get("rId1").unwrap().external);
        assert_eq!(rels.target_of_kind("footnotes"), Some("word/footnotes.xml"));
        assert_eq!(rels.target_of_kind("styles"), Some("word/styles.xml"));
        assert_eq!(rels.get("rId4").unwrap().target, "media/x.png");
        assert_eq!(
            rels_part_of("word/document.xml"),
            "word/_rels/document.xml.rels"
        );
        assert_eq!(rels_part_of("doc.xml"), "_rels/doc.xml.rels");
    }
}
