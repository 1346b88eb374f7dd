//! Partnership and board profiles, and membership lists.
//!
//! A profile is a run of label/value facts about a named body (chair, lead
//! member, lead officer, meeting dates, website: see `facts`), as table
//! rows or as "Label value" lines, followed by headed sections up to the
//! next profile. Its name is a "Board Name" fact, else the heading just
//! above the facts. A membership list (`members`) is a table of people
//! under a heading that speaks of members.

mod facts;
mod members;

use crate::document::Loc;
use crate::document::{Block, BlockKind, Warning};
use crate::extract::sections::{self, Outline};
use crate::report::{Field, Partnership, PartnershipSection};
use crate::Document;

/// The fewest known facts that make a profile.
const MIN_FACTS: usize = 3;

/// Extracts the partnerships of `doc`.
pub fn extract(doc: &Document, warnings: &mut Vec<Warning>) -> Vec<Partnership> {
    let outline = sections::outline(doc);
    let groups = fact_groups(&doc.blocks, &outline);
    // Where each profile starts: its name heading, or its facts.
    let starts: Vec<usize> = groups
        .iter()
        .map(|g| match g.name_heading {
            Some(h) => h,
            None => g.start,
        })
        .collect();
    let spans: Vec<(usize, usize)> = groups
        .iter()
        .enumerate()
        .map(|(k, g)| {
            (
                g.end,
                starts.get(k + 1).copied().unwrap_or(doc.blocks.len()),
            )
        })
        .collect();
    let template = template_headings(&doc.blocks, &outline, &spans);
    let mut out = Vec::new();
    for (k, g) in groups.iter().enumerate() {
        let stop = starts.get(k + 1).copied().unwrap_or(doc.blocks.len());
        let typed = facts::Typed::from_fields(&g.fields);
        let name = typed.name.clone().or_else(|| {
            g.name_heading
                .and_then(|h| name_at(&doc.blocks, &outline, h))
        });
        let Some(name) = name else {
            warnings.push(Warning {
                code: "partnership-unnamed".into(),
                message: "a partnership profile has no name; skipped".into(),
                loc: doc.blocks.get(g.start).map(|b| b.loc),
            });
            continue;
        };
        let loc = doc
            .blocks
            .get(starts.get(k).copied().unwrap_or(g.start))
            .map(|b| b.loc)
            .unwrap_or_default();
        out.push(Partnership {
            name,
            chair: typed.chair,
            vice_chair: typed.vice_chair,
            lead_member: typed.lead_member,
            lead_officer: typed.lead_officer,
            completed: typed.completed,
            last_meeting: typed.last_meeting,
            next_meeting: typed.next_meeting,
            website: typed.website,
            fields: g.fields.clone(),
            sections: profile_sections(&doc.blocks, &outline, &template, g.end, stop),
            members: Vec::new(),
            loc,
        });
    }
    out.extend(members::extract(doc, &outline));
    out
}

/// A run of profile facts.
#[derive(Debug)]
struct FactGroup {
    /// First block of the facts.
    start: usize,
    /// One past the last block of the facts.
    end: usize,
    /// The heading block right above that names the body, if any.
    name_heading: Option<usize>,
    fields: Vec<Field>,
}

fn fact_groups(blocks: &[Block], outline: &Outline) -> Vec<FactGroup> {
    let mut groups: Vec<FactGroup> = Vec::new();
    let mut i = 0;
    while i < blocks.len() {
        let found = match blocks.get(i).map(|b| &b.kind) {
            Some(BlockKind::Table(t)) => table_facts(t).map(|f| (f, i + 1)),
            Some(BlockKind::Paragraph(_)) => line_facts(blocks, outline, i),
            _ => None,
        };
        match found {
            Some((fields, end)) => {
                // Several fact tables in a row (a table a page split) are one.
                let known = |fs: &[Field]| {
                    fs.iter().any(|f| {
                        facts::parse_label(&f.label).is_some_and(|x| x.0 == facts::Fact::Name)
                    })
                };
                let merge = groups
                    .last()
                    .is_some_and(|g| g.end == i && !known(&fields) && !outline.is_section(i));
                if merge {
                    if let Some(g) = groups.last_mut() {
                        g.fields.extend(fields);
                        g.end = end;
                    }
                } else {
                    let has_name = known(&fields);
                    groups.push(FactGroup {
                        start: i,
                        end,
                        name_heading: if has_name {
                            None
                        } else {
                            heading_above(blocks, outline, i)
                        },
                        fields,
                    });
                }
                i = end.max(i + 1);
            }
            None => i += 1,
        }
    }
    groups
}

/// The block directly above block `i` that names the body: a section, or
/// a short unlabelled line that reads as a heading (a txt export's title
/// line), with nothing but page breaks or empty paragraphs between.
fn heading_above(blocks: &[Block], outline: &Outline, i: usize) -> Option<usize> {
    let mut j = i;
    while j > 0 {
        j -= 1;
        if outline.is_section(j) {
            return Some(j);
        }
        match blocks.get(j).map(|b| &b.kind) {
            Some(BlockKind::PageBreak) => {}
            Some(BlockKind::Paragraph(p)) if p.text.trim().is_empty() => {}
            Some(BlockKind::Paragraph(p))
                if p.label.is_none() && sections::reads_as_heading(&p.text) =>
            {
                return Some(j)
            }
            _ => return None,
        }
    }
    None
}

/// The name given by block `h` (see [`heading_above`]).
fn name_at(blocks: &[Block], outline: &Outline, h: usize) -> Option<String> {
    if outline.is_section(h) {
        return outline.heading_at(h);
    }
    match blocks.get(h).map(|b| &b.kind) {
        Some(BlockKind::Paragraph(p)) => Some(p.text.trim().to_string()),
        _ => None,
    }
}

/// The facts of a label/value table, if it is a profile table.
fn table_facts(t: &crate::document::Table) -> Option<Vec<Field>> {
    let mut fields = Vec::new();
    let mut known = 0;
    for row in t.grid() {
        let mut cells = row.iter().map(|c| c.trim()).filter(|c| !c.is_empty());
        let Some(label) = cells.next() else { continue };
        let value: Vec<&str> = cells.collect();
        let label = label.replace('\n', " ");
        let label = label.trim().trim_end_matches(':').trim().to_string();
        if facts::parse_label(&label).is_some_and(|(_, _, rest)| rest.is_empty()) {
            known += 1;
        }
        fields.push(Field {
            loc: Loc::default(),
            label,
            value: value.join("\n"),
        });
    }
    (known >= MIN_FACTS).then_some(fields)
}

/// Facts given as lines ("Date of completion 1 September 2018") starting at
/// block `i`; returns them and the block after the last one. A line that
/// is not a label continues the value above it (a wrapped value, a remark),
/// but only when another fact follows: loose lines after the last fact
/// belong to what comes next.
fn line_facts(blocks: &[Block], outline: &Outline, i: usize) -> Option<(Vec<Field>, usize)> {
    let mut fields: Vec<Field> = Vec::new();
    let mut pending: Vec<&str> = Vec::new();
    let mut end = i;
    let mut j = i;
    while let Some(b) = blocks.get(j) {
        if j > i && outline.is_section(j) {
            break;
        }
        match &b.kind {
            BlockKind::Paragraph(p) if p.label.is_none() => {
                if let Some((_, label, rest)) = facts::parse_label(&p.text) {
                    if let Some(f) = fields.last_mut() {
                        for line in pending.drain(..) {
                            crate::text::join_wrapped(&mut f.value, line);
                        }
                    }
                    fields.push(Field {
                        label,
                        value: rest,
                        loc: Loc::default(),
                    });
                    end = j + 1;
                } else if fields.is_empty() || pending.len() >= 2 {
                    break;
                } else {
                    pending.push(&p.text);
                }
            }
            BlockKind::PageBreak => {}
            _ => break,
        }
        j += 1;
    }
    (fields.len() >= MIN_FACTS).then_some((fields, end))
}

/// A short line's key for comparing headings across profiles.
fn heading_key(text: &str) -> String {
    text.trim().trim_end_matches(['.', ':']).to_lowercase()
}

/// Lines that every profile repeats (the template's own headings, such as
/// "Governance Arrangements"), found as short unlabelled lines present in
/// at least three profiles and in a quarter of them or more. They are headings even where
/// a reader did not mark them as such.
fn template_headings(blocks: &[Block], outline: &Outline, spans: &[(usize, usize)]) -> Vec<String> {
    if spans.len() < 3 {
        return Vec::new();
    }
    let mut counts: Vec<(String, usize)> = Vec::new();
    for (from, stop) in spans {
        let mut seen: Vec<String> = Vec::new();
        for j in *from..*stop {
            let text = if outline.is_section(j) {
                outline.heading_at(j)
            } else {
                match blocks.get(j).map(|b| &b.kind) {
                    Some(BlockKind::Paragraph(p))
                        if p.label.is_none() && p.text.split_whitespace().count() <= 16 =>
                    {
                        Some(p.text.clone())
                    }
                    _ => None,
                }
            };
            let Some(text) = text else { continue };
            let key = heading_key(&text);
            if !key.is_empty() && !seen.contains(&key) {
                seen.push(key);
            }
        }
        for key in seen {
            match counts.iter_mut().find(|(k, _)| *k == key) {
                Some((_, n)) => *n += 1,
                None => counts.push((key, 1)),
            }
        }
    }
    counts
        .into_iter()
        .filter(|(_, n)| *n >= 3 && *n * 4 >= spans.len())
        .map(|(k, _)| k)
        .collect()
}

/// The headed sections between a profile's facts and the next profile.
fn profile_sections(
    blocks: &[Block],
    outline: &Outline,
    template: &[String],
    from: usize,
    stop: usize,
) -> Vec<PartnershipSection> {
    let mut out: Vec<PartnershipSection> = Vec::new();
    for j in from..stop {
        if outline.is_section(j) {
            if let Some(h) = outline.heading_at(j) {
                // Where the profiles share a template, a heading outside it
                // is a sub-heading inside one of its sections: text.
                let sub = !template.is_empty() && !template.contains(&heading_key(&h));
                match out.last_mut() {
                    Some(sec) if sub => {
                        if !sec.text.is_empty() {
                            sec.text.push('\n');
                        }
                        sec.text.push_str(&h);
                    }
                    _ => out.push(PartnershipSection {
                        heading: h,
                        text: String::new(),
                    }),
                }
            }
            continue;
        }
        let Some(BlockKind::Paragraph(p)) = blocks.get(j).map(|b| &b.kind) else {
            continue;
        };
        if p.label.is_none() && template.contains(&heading_key(&p.text)) {
            out.push(PartnershipSection {
                heading: p.text.trim().to_string(),
                text: String::new(),
            });
            continue;
        }
        // A reader may glue a template heading onto the text around it
        // ("… Begbroke Innovation Accelerator The Partnership's key
        // achievements in the last year In terms of …"): split it off.
        let (body, glued) = split_glued_heading(&p.text, template);
        let Some(sec) = out.last_mut() else { continue };
        if !body.trim().is_empty() {
            if !sec.text.is_empty() {
                sec.text.push('\n');
            }
            match &p.label {
                Some(l) if l.is_bullet() => sec.text.push_str("• "),
                Some(l) => {
                    sec.text.push_str(&l.printed);
                    sec.text.push(' ');
                }
                None => {}
            }
            sec.text.push_str(body.trim());
        }
        if let Some((h, after)) = glued {
            out.push(PartnershipSection {
                heading: h.to_string(),
                text: after.trim().to_string(),
            });
        }
    }
    out
}

/// Finds a template heading glued inside `text`: it starts the text or
/// follows a space, and ends the text or is followed by a new sentence (a
/// capital). Returns the text before it, and the heading with the text
/// after it.
#[allow(clippy::type_complexity)]
fn split_glued_heading<'a>(
    text: &'a str,
    template: &[String],
) -> (&'a str, Option<(&'a str, &'a str)>) {
    let t = text.trim();
    let lower = t.to_lowercase();
    // Lower-casing keeps byte offsets only when no character changes
    // length; otherwise leave the text alone.
    if lower.len() != t.len() {
        return (text, None);
    }
    for key in template {
        for (start, _) in lower.match_indices(key.as_str()) {
            let end = start + key.len();
            let before_ok = start == 0 || t.get(..start).is_some_and(|b| b.ends_with(' '));
            let after = t.get(end..).unwrap_or("");
            let after_trim = after.trim_start_matches(['.', ':']);
            let after_ok = after_trim.trim().is_empty()
                || (after_trim.starts_with(' ')
                    && after_trim.trim_start().starts_with(char::is_uppercase));
            if before_ok && after_ok && !(start == 0 && after_trim.trim().is_empty()) {
                let head_end = end + (after.len() - after_trim.len());
                if let (Some(before), Some(h)) = (t.get(..start), t.get(start..head_end)) {
                    return (before, Some((h, after_trim)));
                }
            }
        }
    }
    (text, None)
}

#[cfg(test)]
mod tests;
