//! Where a front-matter value, a contact or a partnership fact stands in the
//! document: its `loc`, so that a user who doubts a value can find it on the
//! page.
//!
//! The extractors build these values from many shapes of front matter
//! (label/value lines, boxes, table rows, runs of lines joined by an
//! export), so their locations are found in one pass afterwards rather than
//! carried through every shape: a value's `loc` is that of the first unit
//! (paragraph, heading or table row) that holds its text. Lists are located
//! in order — each recommendation, field or appendix is looked for from the
//! unit where the one before it stood — so that the same words printed
//! twice (a summary box that repeats the recommendations) resolve to the
//! place each value was read from. A value whose text cannot be found (one
//! the extractor assembled from several places) keeps the location of the
//! value before it, or none.

use super::metadata::units::{units, Unit};
use crate::document::Loc;
use crate::report::{Contact, Field, Metadata, Partnership};
use crate::Document;

/// How many characters of a value's text are looked for.
const NEEDLE_CHARS: usize = 60;

/// The units of a document with their locations, searchable by text.
struct Finder<'a> {
    units: Vec<Unit>,
    doc: &'a Document,
}

impl Finder<'_> {
    fn loc(&self, i: usize) -> Loc {
        self.units
            .get(i)
            .and_then(|u| self.doc.blocks.get(u.block))
            .map(|b| b.loc)
            .unwrap_or_default()
    }

    /// The first unit at or after `from` whose text (or, for a row, one of
    /// whose cells) holds the start of `text`.
    fn find_from(&self, from: usize, text: &str) -> Option<usize> {
        let needle = needle(text)?;
        let holds =
            |u: &Unit| u.text.contains(needle) || u.cells.iter().any(|c| c.contains(needle));
        self.units
            .iter()
            .enumerate()
            .skip(from)
            .find(|(_, u)| holds(u))
            .map(|(i, _)| i)
    }

    /// `find_from`, falling back to the whole document.
    fn find(&self, from: usize, text: &str) -> Option<usize> {
        self.find_from(from, text)
            .or_else(|| self.find_from(0, text))
    }

    /// Locates each of a list of values in order, from unit `from`.
    fn locate_list<'v, T: 'v>(
        &self,
        from: usize,
        items: impl Iterator<Item = &'v mut T>,
        text: impl Fn(&T) -> &str,
        set: impl Fn(&mut T, Loc),
    ) {
        let mut at = from;
        let mut last = None;
        for item in items {
            if let Some(i) = self.find(at, text(item)) {
                at = i;
                last = Some(self.loc(i));
            }
            if let Some(loc) = last {
                set(item, loc);
            }
        }
    }

    /// The first unit at the location `loc` (a partnership's start).
    fn index_of(&self, loc: Loc) -> usize {
        (0..self.units.len())
            .find(|&i| self.loc(i) == loc)
            .unwrap_or(0)
    }
}

/// The start of `text` to look for: its first line, at most
/// [`NEEDLE_CHARS`] characters; `None` for an empty text.
fn needle(text: &str) -> Option<&str> {
    let line = text.lines().map(str::trim).find(|l| !l.is_empty())?;
    let end = line
        .char_indices()
        .nth(NEEDLE_CHARS)
        .map_or(line.len(), |(i, _)| i);
    line.get(..end).map(str::trim_end)
}

fn locate_fields(finder: &Finder<'_>, from: usize, fields: &mut [Field]) {
    finder.locate_list(
        from,
        fields.iter_mut(),
        |f| f.label.as_str(),
        |f, loc| f.loc = loc,
    );
}

/// Sets the `loc` of every recommendation, appendix, field, contact and
/// partnership field from where its text stands in `doc`.
pub(crate) fn locate(
    doc: &Document,
    metadata: &mut Metadata,
    contacts: &mut [Contact],
    partnerships: &mut [Partnership],
) {
    let nothing = metadata.recommendations.is_empty()
        && metadata.appendices.is_empty()
        && metadata.fields.is_empty()
        && contacts.is_empty()
        && partnerships.iter().all(|p| p.fields.is_empty());
    if nothing {
        return;
    }
    let finder = Finder {
        units: units(&doc.blocks),
        doc,
    };
    finder.locate_list(
        0,
        metadata.recommendations.iter_mut(),
        |r| r.text.as_str(),
        |r, loc| r.loc = loc,
    );
    finder.locate_list(
        0,
        metadata.appendices.iter_mut(),
        |a| a.title.as_deref().unwrap_or(&a.label),
        |a, loc| a.loc = loc,
    );
    locate_fields(&finder, 0, &mut metadata.fields);
    for p in partnerships {
        let from = finder.index_of(p.loc);
        locate_fields(&finder, from, &mut p.fields);
    }
    for c in contacts {
        // The most particular of the contact's details first.
        let found = [
            c.email.as_deref(),
            c.telephone.as_deref(),
            c.name.as_deref(),
        ]
        .into_iter()
        .flatten()
        .find_map(|t| finder.find(0, t));
        if let Some(i) = found {
            c.loc = finder.loc(i);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::testdoc::DocBuilder;

    #[test]
    fn needles_are_the_first_line_cut_short() {
        assert_eq!(needle("  \nAbc def\nghi"), Some("Abc def"));
        assert_eq!(needle(""), None);
        let long = "x".repeat(100);
        assert_eq!(needle(&long).map(str::len), Some(NEEDLE_CHARS));
    }

    #[test]
    fn values_are_found_in_order() {
        let doc = DocBuilder::new()
            .para(0, "Recommendation: note the report.")
            .para(0, "Body text.")
            .para(0, "note the report.")
            .build();
        let finder = Finder {
            units: units(&doc.blocks),
            doc: &doc,
        };
        let first = finder.find(0, "note the report.");
        assert_eq!(first, Some(0));
        assert_eq!(finder.find(1, "note the report."), Some(2));
        assert_eq!(finder.find(3, "note the report."), Some(0), "falls back");
        assert_eq!(finder.find(0, "absent"), None);
    }
}
