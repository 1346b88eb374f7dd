//! Headings: the report's outline.
//!
//! A section is a heading block, a bold one-line paragraph that reads as a
//! heading (short, no final full stop, not a `Label: value` line), or a
//! numbered paragraph that is really a numbered heading ("1. Introduction"
//! over paragraphs 1.1, 1.2). Readers disagree on heading levels (a docx
//! outline level, a pdf font size rank, a txt guess), so levels are
//! renumbered by rank: the highest level present becomes 1.

use crate::document::{Block, BlockKind, Heading, LabelKind, Paragraph};
use crate::report::Section;
use crate::Document;

/// Every section of `doc`, in reading order.
pub fn extract(doc: &Document) -> Vec<Section> {
    outline(doc).sections.into_iter().map(|(_, s)| s).collect()
}

/// The sections of a document and, for every block, the nearest section at
/// or above it.
#[derive(Debug, Clone, Default)]
pub(crate) struct Outline {
    /// Each section with the index of the block it comes from.
    pub sections: Vec<(usize, Section)>,
    /// For block `i`, the index in `sections` of the nearest section at or
    /// before it.
    pub current: Vec<Option<usize>>,
    /// Whether block `i` is itself a section.
    pub is_section: Vec<bool>,
}

impl Outline {
    /// The heading text of the nearest section at or above block `i`.
    pub fn heading_at(&self, i: usize) -> Option<String> {
        let s = self.current.get(i).copied().flatten()?;
        self.sections.get(s).map(|(_, sec)| sec.heading.clone())
    }

    /// The heading a paragraph at block `i` stands under, as SCHEMA.md and
    /// the answer keys read it: the nearest *numbered* heading above where
    /// the report numbers its headings ("2.00 BACKGROUND" over an unnumbered
    /// "The National Context"), else the nearest heading.
    pub fn paragraph_section_at(
        &self,
        i: usize,
        numbered: &[Option<usize>],
        paragraph: &str,
    ) -> Option<String> {
        let s = self.current.get(i).copied().flatten()?;
        let nearest = self.sections.get(s).map(|(_, sec)| sec.heading.clone());
        // Only a heading whose number numbers the paragraph (2.00 or 2 over
        // 2.01, 1.1 over 1.1.1): a numbered table caption or a form's
        // question elsewhere does not.
        let numbering = numbered
            .get(s)
            .copied()
            .flatten()
            .and_then(|n| self.sections.get(n))
            .filter(|(_, sec)| {
                sec.number.as_deref().is_some_and(|num| {
                    let num = without_zero_fraction(num);
                    paragraph
                        .strip_prefix(num)
                        .is_some_and(|rest| rest.starts_with('.') && rest.len() > 1)
                })
            });
        match numbering {
            Some((_, sec)) => Some(sec.heading.clone()),
            None => nearest,
        }
    }

    /// For each section, the index of the nearest numbered section at or
    /// before it (one pass, for [`Outline::paragraph_section_at`]).
    pub fn numbered_before(&self) -> Vec<Option<usize>> {
        let mut last = None;
        self.sections
            .iter()
            .enumerate()
            .map(|(k, (_, sec))| {
                if sec.number.is_some() {
                    last = Some(k);
                }
                last
            })
            .collect()
    }

    /// Whether block `i` is a section.
    pub fn is_section(&self, i: usize) -> bool {
        self.is_section.get(i).copied().unwrap_or(false)
    }
}

/// Builds the outline of `doc`.
pub(crate) fn outline(doc: &Document) -> Outline {
    let blocks = &doc.blocks;
    // Ranks of the real heading levels present, so that formats agree.
    let mut levels: Vec<u8> = blocks
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::Heading(h) => Some(h.level),
            _ => None,
        })
        .collect();
    levels.sort_unstable();
    levels.dedup();
    let rank = |level: u8| -> u8 {
        let r = levels.iter().position(|l| *l == level).unwrap_or(0);
        u8::try_from(r + 1).unwrap_or(u8::MAX)
    };

    let mut out = Outline {
        sections: Vec::new(),
        current: Vec::with_capacity(blocks.len()),
        is_section: Vec::with_capacity(blocks.len()),
    };
    let dotted = uses_dotted_numbering(blocks);
    // Column headers read across ("Forecast Forecast", "Real Rephasing
    // Variance Variance") that a reader set large: a word printed twice in
    // a row never happens in a section title.
    let repeated = |h: &Heading| h.label.is_none() && doubled_word(&h.text);
    let mut last_real_rank: u8 = 0;
    let furniture = running_titles(blocks);
    // Whether the block before was a signature's name: the role line under
    // it ("Inspector") is part of the signature too.
    let mut after_signature = false;
    // The number of the last item of a numbered list that a lead-in
    // opened, while that list goes on.
    let mut led_list: Option<u32> = None;
    // The number of the last numbered section so far, as printed and as a
    // whole number where it reads as one.
    let mut last_numbered: Option<String> = None;
    let mut last_parsed: Option<u32> = None;
    for (i, block) in blocks.iter().enumerate() {
        if !matches!(&block.kind, BlockKind::Paragraph(_)) {
            led_list = None;
        }
        let candidate = match &block.kind {
            BlockKind::Heading(h) => Some(h.text.as_str()),
            BlockKind::Paragraph(p) if p.label.is_none() => Some(p.text.as_str()),
            _ => None,
        };
        let signed = std::mem::take(&mut after_signature);
        if let Some(text) = candidate {
            if looks_like_signature(text) || (is_full_name(text) && role_follows(blocks, i)) {
                after_signature = true;
            }
            let role_line = signed && is_short_role_line(text);
            if role_line
                || after_signature
                || is_page_furniture(text)
                || mostly_date(text)
                || furniture.contains(&i)
            {
                out.is_section.push(false);
                out.current.push(out.sections.len().checked_sub(1));
                continue;
            }
        }
        // "Appendix 1 – Leisure prices" under "Appendices – Documents
        // Attached": an entry of the list of appendices, no section.
        let listed_appendix = candidate.is_some_and(|t| t.to_lowercase().starts_with("appendix "))
            && out
                .sections
                .last()
                .is_some_and(|(_, s)| s.heading.to_lowercase().contains("appendices"));
        let found = match &block.kind {
            _ if listed_appendix => None,
            // A "heading" in lower case is table or body text a reader
            // mistook for one, not a section.
            BlockKind::Heading(h)
                if !h.text.is_empty()
                    && !h.text.chars().next().is_some_and(char::is_lowercase)
                    && !only_field_labels(&h.text)
                    && !mostly_figures(&h.text)
                    && !repeated(h)
                    && (h.label.is_some()
                        || !(super::contacts::is_role_label(&h.text)
                            || is_label_value(&h.text)
                            || mostly_date(&h.text))) =>
            {
                let level = rank(h.level);
                last_real_rank = level;
                let (mut heading, mut number) = split_number(&h.text, h.label.as_ref());
                // "Executive Summary      1": a section number set at the
                // right margin, over paragraphs 1.1, 1.2…
                if number.is_none() {
                    if let Some((head, n)) = heading.rsplit_once(' ') {
                        let child = format!("{n}.1");
                        // …or the number after the last numbered section.
                        let follows = last_numbered
                            .as_deref()
                            .and_then(section_number)
                            .is_some_and(|p| n.parse::<u32>().is_ok_and(|m| m == p + 1));
                        if (1..=2).contains(&n.len())
                            && n.chars().all(|c| c.is_ascii_digit())
                            && (follows || next_labelled(blocks, i).is_some_and(|v| v == child))
                        {
                            number = Some(n.to_string());
                            heading = head.trim_end().to_string();
                        }
                    }
                }
                Some(Section {
                    heading,
                    number,
                    level,
                    loc: block.loc,
                })
            }
            BlockKind::Paragraph(p) => {
                let last_number = last_parsed;
                // "2. Note the costs." under "1. Agree the strategy.", in
                // a list a lead-in opened ("Cabinet is asked to:"): the
                // list goes on, it heads nothing.
                let value = p
                    .label
                    .as_ref()
                    .filter(|l| l.kind == LabelKind::Decimal)
                    .and_then(|l| l.value.parse::<u32>().ok());
                let list_goes_on = value.is_some_and(|v| led_list == Some(v.wrapping_sub(1)));
                let opens_list = value.is_some() && after_lead_in(blocks, i);
                led_list = if list_goes_on || opens_list {
                    value
                } else {
                    None
                };
                if !list_goes_on && is_numbered_heading(blocks, i, p, dotted, last_number) {
                    Some(Section {
                        heading: p.text.clone(),
                        number: p.label.as_ref().map(|l| l.value.clone()),
                        level: last_real_rank.saturating_add(1).max(1),
                        loc: block.loc,
                    })
                } else if let Some((number, heading)) = bare_numbered_heading(blocks, i, p, dotted)
                {
                    Some(Section {
                        heading,
                        number: Some(number),
                        level: last_real_rank.max(1),
                        loc: block.loc,
                    })
                } else if (is_pseudo_heading(p) || colon_heading(blocks, i, p))
                    && !doubled_word(&p.text)
                    // A contact role standing alone ("Report Contact"),
                    // as for a heading block: the contact block's label.
                    && !super::contacts::is_role_label(&p.text)
                {
                    let (heading, number) = match section_prefix(&p.text) {
                        Some((n, rest)) => (rest, Some(n)),
                        None => (p.text.clone(), None),
                    };
                    Some(Section {
                        heading,
                        number,
                        level: last_real_rank.saturating_add(1).max(1),
                        loc: block.loc,
                    })
                } else {
                    None
                }
            }
            _ => None,
        };
        match found {
            Some(mut s) => {
                // A section number set on its own line ("3a") above its
                // heading numbers that heading.
                let number_above = out.sections.last().and_then(|(k, prev)| {
                    (*k + 1 == i && prev.number.is_none() && s.number.is_none())
                        .then(|| bare_section_number(&prev.heading))
                        .flatten()
                });
                if let Some(n) = number_above {
                    if let Some((k, _)) = out.sections.pop() {
                        if let Some(flag) = out.is_section.get_mut(k) {
                            *flag = false;
                        }
                        if let Some(c) = out.current.get_mut(k) {
                            *c = out.sections.len().checked_sub(1);
                        }
                    }
                    s.number = Some(n);
                }
                // Carried forward, so that no block looks back over every
                // section before it (quadratic in unnumbered headings).
                if let Some(n) = s.number.as_deref() {
                    last_numbered = Some(n.to_string());
                    if let Some(v) = section_number(n) {
                        last_parsed = Some(v);
                    }
                }
                out.sections.push((i, s));
                out.is_section.push(true);
            }
            None => out.is_section.push(false),
        }
        out.current.push(out.sections.len().checked_sub(1));
    }
    align_numbered(&mut out.sections);
    nest_subheadings(blocks, &mut out.sections);
    out
}

/// Sections numbered with plain integers ("1. Introduction", "2
/// Background") are siblings, whatever level each reader guessed: they all
/// take the shallowest level among them.
fn align_numbered(sections: &mut [(usize, Section)]) {
    let plain = |s: &Section| {
        s.number
            .as_deref()
            .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()))
    };
    // Only the run 1, 2, 3…: a list numbered again from 1 further down
    // (appendices under "Supporting documentation") is something else.
    let mut run: Vec<usize> = Vec::new();
    let mut next = 1u32;
    for (k, (_, s)) in sections.iter().enumerate() {
        if !plain(s) {
            continue;
        }
        let n = s.number.as_deref().and_then(section_number);
        if n == Some(next) {
            run.push(k);
            next += 1;
        } else if !run.is_empty() {
            break;
        }
    }
    let level = run
        .iter()
        .filter_map(|k| sections.get(*k))
        .map(|(_, s)| s.level)
        .min();
    let Some(level) = level else { return };
    for k in run {
        if let Some((_, s)) = sections.get_mut(k) {
            s.level = level;
        }
    }
}

/// An unnumbered heading between two paragraphs of one numbered section
/// ("Governance" between 1.1 and 1.2 under "1. Introduction") is a
/// sub-heading of that section, a level below it.
fn nest_subheadings(blocks: &[Block], sections: &mut [(usize, Section)]) {
    let top = |b: &Block| match &b.kind {
        BlockKind::Paragraph(p) => p
            .label
            .as_ref()
            .filter(|l| l.kind == LabelKind::Decimal && l.value.contains('.'))
            .and_then(|l| l.value.split('.').next().map(str::to_string)),
        _ => None,
    };
    let mut parent: Option<(String, u8)> = None;
    for k in 0..sections.len() {
        let Some((i, s)) = sections.get(k) else {
            continue;
        };
        if let Some(n) = &s.number {
            parent = Some((n.clone(), s.level));
            continue;
        }
        let Some((n, level)) = parent.clone() else {
            continue;
        };
        let from = if k == 0 {
            0
        } else {
            sections.get(k - 1).map_or(0, |(j, _)| *j)
        };
        let before = blocks
            .get(from..*i)
            .unwrap_or(&[])
            .iter()
            .rev()
            .find_map(top);
        let next_numbered = sections
            .iter()
            .skip(k + 1)
            .find(|(_, s)| s.number.is_some())
            .map_or(blocks.len(), |(j, _)| *j);
        let after = blocks
            .get(*i..next_numbered)
            .unwrap_or(&[])
            .iter()
            .find_map(top);
        let inside = before.as_deref() == Some(n.as_str()) && after.as_deref() == Some(n.as_str());
        if let Some((_, s)) = sections.get_mut(k) {
            if inside && s.level <= level {
                s.level = level.saturating_add(1);
            }
        }
    }
}

/// Whether a line is a signature's name rather than a heading: initials
/// and a surname ("J Burston", "A. B. Smith"), or a title and a name ("Cllr
/// Jane Smith", "Dr A Jones").
fn looks_like_signature(text: &str) -> bool {
    const TITLES: &[&str] = &[
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "cllr",
        "councillor",
        "sir",
        "dame",
        "prof",
        "professor",
    ];
    let words: Vec<&str> = text.split_whitespace().collect();
    if !(2..=4).contains(&words.len()) {
        return false;
    }
    let is_name_word = |w: &str| {
        let mut cs = w.chars();
        cs.next().is_some_and(char::is_uppercase)
            && w.chars().count() >= 2
            && w.chars().all(|c| c.is_alphabetic() || "-'’".contains(c))
    };
    // "J", "J.", "A.B.": an initial; a bare "A" or "I" is more often a word.
    let is_initial = |w: &str| {
        let letters: Vec<char> = w.chars().filter(|c| *c != '.').collect();
        let dotted = w.ends_with('.');
        !letters.is_empty()
            && letters.len() <= 3
            && letters.iter().all(|c| c.is_ascii_uppercase())
            && (dotted || (letters.len() == 1 && !matches!(letters.first(), Some('A' | 'I'))))
            && (dotted || letters.len() == 1)
    };
    let first = words.first().copied().unwrap_or("");
    let titled = TITLES.contains(&first.trim_end_matches('.').to_lowercase().as_str());
    let initials = words.iter().take_while(|w| is_initial(w)).count();
    let rest = words
        .get(initials.max(usize::from(titled))..)
        .unwrap_or(&[]);
    let names = rest.iter().filter(|w| is_name_word(w)).count();
    (titled || initials > 0) && !rest.is_empty() && names == rest.len() && names <= 2
}

/// "Paul Lawson": two or three capitalised words that are no heading's
/// words. Only a signature when a role line follows.
fn is_full_name(text: &str) -> bool {
    const HEADING_WORDS: &[&str] = &[
        "report",
        "summary",
        "background",
        "implications",
        "recommendation",
        "recommendations",
        "appendix",
        "appendices",
        "introduction",
        "conclusion",
        "conclusions",
        "purpose",
        "policy",
        "strategy",
        "plan",
        "risk",
        "risks",
        "council",
        "committee",
        "cabinet",
        "next",
        "steps",
        "options",
        "contact",
        "details",
        "financial",
        "legal",
        "executive",
        "director",
        "officer",
    ];
    let words: Vec<&str> = text.split_whitespace().collect();
    (2..=3).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .skip(1)
                    .all(|c| c.is_lowercase() || "-'’".contains(c))
                && w.chars().count() >= 2
                && !HEADING_WORDS.contains(&w.to_lowercase().as_str())
        })
}

/// Whether the block after `i` is a signature's role line.
fn role_follows(blocks: &[Block], i: usize) -> bool {
    match blocks.get(i + 1).map(|b| &b.kind) {
        Some(BlockKind::Heading(h)) => is_short_role_line(&h.text),
        Some(BlockKind::Paragraph(p)) if p.label.is_none() => is_short_role_line(&p.text),
        _ => false,
    }
}

/// The role a signature's name stands over ("Inspector", "Chief
/// Executive", "Director of Growth"): a short line with no digits.
fn is_short_role_line(text: &str) -> bool {
    const ROLES: &[&str] = &[
        "inspector",
        "director",
        "executive",
        "officer",
        "manager",
        "head",
        "leader",
        "chief",
        "clerk",
        "secretary",
        "chair",
        "chairman",
        "councillor",
        "solicitor",
        "treasurer",
        "member",
        "mayor",
        "examiner",
    ];
    let words: Vec<String> = text
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    (1..=6).contains(&words.len())
        && !text.chars().any(|c| c.is_ascii_digit())
        && words.iter().any(|w| ROLES.contains(&w.as_str()))
}

/// Page furniture a reader left in the flow: "Page 12 of 30", "Agenda Item
/// 5", "Item No. 7".
fn is_page_furniture(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let numeric = |w: &&str| {
        w.trim_matches(|c: char| "().:".contains(c))
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit())
    };
    match words.as_slice() {
        ["page", n] | ["page", n, "of", _] => numeric(n),
        ["agenda", "item", rest @ ..] | ["item", "no" | "no." | "number", rest @ ..] => {
            rest.len() <= 2 && rest.first().is_some_and(numeric)
        }
        _ => false,
    }
}

/// Unnumbered lines that open or close three or more pages with the same
/// text: a running title a reader did not take out.
fn running_titles(blocks: &[Block]) -> std::collections::HashSet<usize> {
    use std::collections::HashMap;
    let text_of = |b: &Block| match &b.kind {
        BlockKind::Heading(h) if h.label.is_none() => Some(h.text.to_lowercase()),
        BlockKind::Paragraph(p) if p.label.is_none() => Some(p.text.to_lowercase()),
        _ => None,
    };
    let is_break = |k: usize| matches!(blocks.get(k).map(|b| &b.kind), Some(BlockKind::PageBreak));
    let mut edges: HashMap<String, Vec<usize>> = HashMap::new();
    let mut all: HashMap<String, usize> = HashMap::new();
    for (i, b) in blocks.iter().enumerate() {
        let Some(t) = text_of(b) else { continue };
        *all.entry(t.clone()).or_default() += 1;
        let page = |k: usize| blocks.get(k).and_then(|b| b.loc.page);
        let turns = |k: Option<usize>| match k {
            None => true,
            Some(k) => is_break(k) || (page(k).is_some() && page(k) != b.loc.page),
        };
        let edge = turns(i.checked_sub(1)) || turns(Some(i + 1).filter(|k| *k < blocks.len()));
        if edge && t.split_whitespace().count() <= 12 {
            edges.entry(t).or_default().push(i);
        }
    }
    edges
        .into_iter()
        .filter(|(t, at)| at.len() >= 3 && all.get(t).copied().unwrap_or(0) == at.len())
        .flat_map(|(_, at)| at)
        .collect()
}

/// Whether a word stands twice in a row ("Variance Variance").
fn doubled_word(text: &str) -> bool {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .windows(2)
        .any(|w| matches!(w, [a, b] if a.len() >= 3 && a.eq_ignore_ascii_case(b)))
}

/// "3a", "12": a section number standing alone.
fn bare_section_number(text: &str) -> Option<String> {
    let t = text.trim();
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    let rest = t.get(digits..).unwrap_or("");
    let ok = (1..=2).contains(&digits)
        && rest.chars().count() <= 1
        && rest.chars().all(|c| c.is_ascii_lowercase());
    ok.then(|| t.to_string())
}

/// Whether a "heading" is a table row a reader set large ("Overall Position
/// 1,432.3 1,486.0 +53.7"): a third or more of its words are figures.
fn mostly_figures(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let figures = words
        .iter()
        .filter(|w| {
            w.chars().any(|c| c.is_ascii_digit())
                && w.chars()
                    .all(|c| c.is_ascii_digit() || ",.+-–()%£".contains(c))
        })
        .count();
    // The section number in front ("2 | Recommendations") is no figure.
    let lead = words
        .first()
        .is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()));
    let figures = figures.saturating_sub(usize::from(lead));
    figures >= 2 && figures * 3 >= words.len()
}

/// Whether a heading is only the field labels of a contact block set in
/// bold ("Telephone number Telephone number", "Email address"), which a
/// reader took for a heading.
fn only_field_labels(text: &str) -> bool {
    const WORDS: &[&str] = &[
        "telephone",
        "tel",
        "phone",
        "mobile",
        "number",
        "email",
        "e-mail",
        "address",
    ];
    let words: Vec<String> = text.split_whitespace().map(|w| w.to_lowercase()).collect();
    !words.is_empty()
        && words
            .iter()
            .all(|w| WORDS.contains(&w.trim_end_matches(':')))
}

/// "9 Recommendation(s):" in bold, its bare number left in the text by a
/// reader, in a report whose sections are numbered: a numbered section.
fn bare_numbered_heading(
    blocks: &[Block],
    i: usize,
    p: &Paragraph,
    dotted: bool,
) -> Option<(String, String)> {
    if !dotted || p.label.is_some() {
        return None;
    }
    let t = p.text.trim();
    let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
    if !(1..=2).contains(&digits.len()) {
        return None;
    }
    let rest = t.get(digits.len()..)?;
    if !rest.starts_with(' ') {
        return None;
    }
    let heading = rest.trim().trim_end_matches(':').trim();
    // Bold, or followed by its first decimal paragraph ("4 Other Factors"
    // over "4.1").
    let child = format!("{digits}.1");
    let marked = p.style.bold || next_labelled(blocks, i).is_some_and(|v| v == child);
    let ok = marked
        && heading.starts_with(char::is_uppercase)
        && heading.split_whitespace().count() <= 8
        && !heading.ends_with('.')
        && !heading.contains(". ");
    ok.then(|| (digits, heading.to_string()))
}

/// A heading's number: from the reader's label, else a leading "1." /
/// "2.3" typed into the text ("2.   Devolution").
fn split_number(text: &str, label: Option<&crate::document::Label>) -> (String, Option<String>) {
    if let Some(l) = label {
        return (text.to_string(), Some(l.value.clone()));
    }
    if let Some((n, rest)) = section_prefix(text) {
        return (rest, Some(n));
    }
    if let Some((l, rest)) = crate::text::parse_label(text, crate::text::LabelOptions::default()) {
        let punctuated = l.printed != l.value || l.value.contains('.');
        if l.kind == LabelKind::Decimal && punctuated && !rest.is_empty() {
            return (rest.to_string(), Some(l.value));
        }
    }
    // A bare section number ("5 Legal implications", "1 | Introduction"),
    // as a pdf heading line often prints it.
    let mut digits: String = text.chars().take_while(char::is_ascii_digit).collect();
    // "3a | Adult Social Care": a lettered sub-section number.
    if let Some(c) = text
        .get(digits.len()..)
        .and_then(|r| r.chars().next())
        .filter(|c| c.is_ascii_lowercase() && !digits.is_empty())
    {
        if text
            .get(digits.len() + 1..)
            .is_some_and(|r| r.starts_with(" |"))
        {
            digits.push(c);
        }
    }
    if (1..=3).contains(&digits.len()) && !mostly_date(text) {
        let rest = text.get(digits.len()..).unwrap_or("");
        let spaced = rest.starts_with(' ');
        let rest = rest.trim_start().trim_start_matches('|').trim_start();
        if spaced && rest.starts_with(char::is_uppercase) {
            return (rest.to_string(), Some(digits));
        }
    }
    (text.to_string(), None)
}

/// "Section 4: Financial implications", "SECTION 2 – Background": the
/// number a heading spells out in words, and the title after it.
fn section_prefix(text: &str) -> Option<(String, String)> {
    let t = text.trim();
    let head = t.get(..8)?;
    if !head.eq_ignore_ascii_case("section ") {
        return None;
    }
    let rest = t.get(8..)?;
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    if !(1..=2).contains(&digits.len()) {
        return None;
    }
    let after = rest.get(digits.len()..)?;
    let title = after.trim_start_matches([':', '.', '–', '-', '—', '|', ' ']);
    let separated = after.len() > title.len();
    (separated && title.starts_with(char::is_uppercase)).then(|| (digits, title.to_string()))
}

/// Whether `text` reads as a heading: short, one line, no final full stop,
/// not a `Label: value` line, and starting with a capital or digit.
/// The block where the paper's appendices begin: the first unnumbered
/// heading naming one ("Appendix 1. Toilet Action Plan", "ANNEX B").
pub(crate) fn first_appendix(doc: &Document) -> Option<usize> {
    doc.blocks.iter().position(|b| {
        matches!(&b.kind, BlockKind::Heading(h) if h.label.is_none()
            && crate::text::appendix::names_appendix(&h.text))
    })
}

pub(crate) fn reads_as_heading(text: &str) -> bool {
    let t = text.trim();
    let words = t.split_whitespace().count();
    if t.is_empty() || words > 14 || t.chars().count() > 120 || t.contains('\n') {
        return false;
    }
    if t.ends_with(['.', ':', ';', ',']) {
        return false;
    }
    if is_label_value(t) {
        return false;
    }
    t.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Whether `text` is a `Label: value` line ("Report Author: Paul Staines").
pub(crate) fn is_label_value(text: &str) -> bool {
    let Some(pos) = text.find(':') else {
        return false;
    };
    let label = text.get(..pos).unwrap_or("");
    let value = text.get(pos + 1..).unwrap_or("").trim();
    // "Recommendation 1: Co-design shared outcomes" is a titled heading,
    // not a label: a label has no digits, and few words.
    let label_words = label.split_whitespace().count();
    // "Exempt Information: None", "Key decision: Yes": a field's short
    // answer, whatever the label.
    let answer = matches!(
        value.trim_end_matches('.').to_lowercase().as_str(),
        "none" | "yes" | "no" | "n/a" | "nil" | "not applicable"
    );
    // "Finance Officer Consulted: Helen Marsh Date: 20/02/24": two fields.
    let two_fields = value.contains(": ");
    label_words > 0
        && label_words <= 5
        && !label.chars().any(|c| c.is_ascii_digit())
        && !value.is_empty()
        && !label.contains(['(', '"', '“'])
        && (answer || two_fields || looks_like_label_word(label))
}

fn looks_like_label_word(label: &str) -> bool {
    let lower = label.to_lowercase();
    const LABELS: &[&str] = &[
        "author",
        "contact",
        "officer",
        "director",
        "background",
        "papers",
        "telephone",
        "tel",
        "e-mail",
        "email",
        "date",
        "to",
        "from",
        "by",
        "report",
        "subject",
        "title",
        "status",
        "classification",
        "decision",
        "division",
        "summary",
        "purpose",
        "key",
        "name",
        "job",
        "appendix",
        "appendices",
        "annex",
        "chair",
        "chairman",
        "lead",
        "website",
        "address",
    ];
    lower
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .any(|w| LABELS.contains(&w))
}

/// A bold, unlabelled one-line paragraph that reads as a heading.
fn is_pseudo_heading(p: &Paragraph) -> bool {
    if p.label.is_some() || !p.style.bold || !reads_as_heading(&p.text) {
        return false;
    }
    // Front-matter lines set in bold ("COUNCIL – 6 NOVEMBER 2018", "Report
    // by …") are metadata, not sections.
    let lower = p.text.to_lowercase();
    if lower.starts_with("report by") || lower.starts_with("report of") {
        return false;
    }
    !has_full_date(&p.text)
}

/// A bold "Consultation:" or "Risk Management and Implications:" on a line of
/// its own, over numbered paragraphs: a heading that ends in a colon. Over
/// prose it is a label ("Executive Summary and Purpose:" and its text), and
/// a sentence that ends in a colon ("Cabinet is recommended to:") leads in
/// to a list.
fn colon_heading(blocks: &[Block], i: usize, p: &Paragraph) -> bool {
    let t = p.text.trim();
    let Some(head) = t.strip_suffix(':') else {
        return false;
    };
    let lower = head.to_lowercase();
    let lead_in = [
        " to",
        " is ",
        " are ",
        "recommend",
        "asked",
        "resolve",
        "following",
        "that",
    ]
    .iter()
    .any(|w| lower.contains(w) || lower.ends_with(w.trim()));
    if p.label.is_some()
        || !p.style.bold
        || lead_in
        || head.split_whitespace().count() > 6
        || !reads_as_heading(head)
    {
        return false;
    }
    let Some(BlockKind::Paragraph(q)) = blocks.get(i + 1).map(|b| &b.kind) else {
        return false;
    };
    let Some(next) = q.label.as_ref().filter(|l| l.kind == LabelKind::Decimal) else {
        return false;
    };
    // "Appendices:" over "1. Allotment strategy" after paragraphs were
    // numbered already: a list restarting at 1 under a label.
    let restarts = next.value == "1"
        && blocks.iter().take(i).any(|b| {
            matches!(&b.kind, BlockKind::Paragraph(o)
                if o.label.as_ref().is_some_and(|l| l.kind == LabelKind::Decimal))
        });
    !restarts
}

/// A date line set as a heading ("5 September 2024", "Cabinet – 30
/// January 2025"): the date fills most of it.
fn mostly_date(text: &str) -> bool {
    // No date runs past 40 characters ("Wednesday, 30th September 2025"),
    // so a longer text is not mostly one: skip the regex search over
    // every paragraph of the body.
    let t = text.trim();
    t.len() <= 72
        && crate::text::find_date(t).is_some_and(|(range, _)| range.len() * 10 >= t.len() * 6)
}

fn has_full_date(text: &str) -> bool {
    crate::text::find_date(text).is_some_and(|(_, iso)| iso.len() == 10)
}

/// Whether the document numbers its paragraphs with decimals ("1.1",
/// "2.3.1"): then its plain integers ("11. Contact details") are headings.
fn uses_dotted_numbering(blocks: &[Block]) -> bool {
    let (mut dotted, mut plain) = (0usize, 0usize);
    for b in blocks {
        if let BlockKind::Paragraph(p) = &b.kind {
            if let Some(l) = p.label.as_ref().filter(|l| l.kind == LabelKind::Decimal) {
                if l.value.contains('.') {
                    dotted += 1;
                } else {
                    plain += 1;
                }
            }
        }
    }
    // Integer headings are few beside the decimals under them.
    dotted >= 3 && dotted >= plain
}

/// A paragraph numbered with a plain integer ("1." / "2") whose text is a
/// heading: bold, or followed by decimal paragraphs of that number ("1.1"),
/// or, in a document numbered with decimals, any short one-sentence line
/// ("11. Contact details", "9. Recommendation(s):").
/// Whether the block before `i` is a lead-in ending in a colon.
fn after_lead_in(blocks: &[Block], i: usize) -> bool {
    i.checked_sub(1)
        .and_then(|k| blocks.get(k))
        .is_some_and(|b| match &b.kind {
            BlockKind::Paragraph(q) => q.text.trim_end().ends_with(':'),
            BlockKind::Heading(h) => h.text.trim_end().ends_with(':'),
            _ => false,
        })
}

/// A top-level section number as a count: "3" and "3.0" are 3.
/// A section number without a fraction of zeros ("2.00" → "2", "1.0" →
/// "1", "2." → "2"), which says only that its paragraphs are decimal.
fn without_zero_fraction(number: &str) -> &str {
    match number.split_once('.') {
        Some((whole, zeros)) if zeros.chars().all(|c| c == '0') => whole,
        _ => number,
    }
}

fn section_number(printed: &str) -> Option<u32> {
    printed.strip_suffix(".0").unwrap_or(printed).parse().ok()
}

fn is_numbered_heading(
    blocks: &[Block],
    i: usize,
    p: &Paragraph,
    dotted: bool,
    last_number: Option<u32>,
) -> bool {
    let Some(label) = &p.label else {
        return false;
    };
    // A number with no words heads nothing: it numbers what follows it (a
    // table).
    if label.kind != LabelKind::Decimal || p.text.trim().is_empty() {
        return false;
    }
    // "1.0 Introduction" over 1.1: the ".0" of a section number says only
    // that its paragraphs are decimal.
    // So do those of "1.00 PURPOSE OF REPORT" over 1.01.
    let value = without_zero_fraction(&label.value);
    // "1.3 How the plan is used" over 1.3.1: a numbered sub-heading.
    if value.contains('.') {
        let child = format!("{}.1", label.value);
        return reads_as_heading(&p.text)
            && p.text.split_whitespace().count() <= 14
            && next_labelled(blocks, i).is_some_and(|v| v == child);
    }
    // "(1) Approve the strategy.": a bracketed number lists items (the
    // recommendations), it does not head a section.
    if label.printed.contains(['(', ')']) {
        return false;
    }
    // "Appendices:" over "1. Allotment strategy", "2. Schedule of rents":
    // items of a list that a lead-in opens, not headings.
    let after_lead_in = after_lead_in(blocks, i);
    // A number at or below the last section's starts a list, not a section.
    let restarts = last_number.is_some_and(|l| value.parse::<u32>().is_ok_and(|n| n <= l));
    if dotted && !after_lead_in && !restarts {
        let t = p.text.trim();
        let words = t.split_whitespace().count();
        let one_sentence = !t.trim_end_matches(['.', ':', '?']).contains(". ");
        let capital = t.chars().next().is_some_and(|c| c.is_uppercase());
        // "1. Approve the strategy.": a sentence, not a heading, unless its
        // own decimal paragraphs follow ("2. How does the decision support
        // the strategy." over 2.1).
        let child = format!("{value}.1");
        let sentence =
            t.ends_with('.') && words > 3 && next_labelled(blocks, i).is_none_or(|v| v != child);
        if words <= 16 && one_sentence && capital && !sentence && !t.contains('\n') {
            return true;
        }
    }
    if !reads_as_heading(&p.text) || p.text.split_whitespace().count() > 10 {
        return false;
    }
    if p.style.bold {
        return true;
    }
    let child = format!("{value}.1");
    next_labelled(blocks, i).is_some_and(|v| v == child)
}

/// The label value of the next labelled paragraph after block `i`,
/// looking past at most a few unlabelled blocks.
fn next_labelled(blocks: &[Block], i: usize) -> Option<String> {
    for b in blocks.iter().skip(i + 1).take(4) {
        match &b.kind {
            BlockKind::Paragraph(q) => {
                if let Some(l) = &q.label {
                    return Some(l.value.clone());
                }
            }
            BlockKind::Heading(_) => return None,
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Heading, Label, Loc, Style};
    use crate::format::Format;

    fn label(printed: &str, value: &str, kind: LabelKind) -> Label {
        Label {
            printed: printed.into(),
            value: value.into(),
            kind,
        }
    }

    fn para(text: &str, label: Option<Label>, bold: bool) -> BlockKind {
        BlockKind::Paragraph(Paragraph {
            text: text.into(),
            label,
            level: 0,
            style: Style {
                bold,
                italic: false,
            },
        })
    }

    #[test]
    fn a_bold_colon_line_heads_numbered_paragraphs_not_prose_or_a_new_list() {
        let mut doc = Document::new(Format::Docx);
        let n = |v: &str| Some(label(&format!("{v}."), v, LabelKind::Decimal));
        doc.push(Loc::line(1), para("Purpose of the Report:", None, true));
        doc.push(
            Loc::line(2),
            para("This report sets out a plan.", None, false),
        );
        doc.push(Loc::line(3), para("Consultation:", None, true));
        doc.push(Loc::line(4), para("Users were consulted.", n("5"), false));
        doc.push(Loc::line(5), para("Cabinet is recommended to:", None, true));
        doc.push(Loc::line(6), para("Approve the plan.", n("6"), false));
        doc.push(Loc::line(7), para("Appendices:", None, true));
        doc.push(Loc::line(8), para("List of libraries", n("1"), false));
        let heads: Vec<String> = extract(&doc).into_iter().map(|s| s.heading).collect();
        assert_eq!(heads, ["Consultation:"]);
    }

    #[test]
    fn headings_bold_lines_and_numbered_headings() {
        let mut doc = Document::new(Format::Docx);
        let h = |level, text: &str| {
            BlockKind::Heading(Heading {
                level,
                text: text.into(),
                label: None,
            })
        };
        doc.push(Loc::line(1), h(2, "Introduction"));
        doc.push(Loc::line(2), para("Body text.", None, false));
        doc.push(Loc::line(3), para("COUNCIL – 6 NOVEMBER 2018", None, true));
        doc.push(Loc::line(4), para("A bold sub heading", None, true));
        doc.push(Loc::line(5), para("Executive Summary:", None, true));
        doc.push(Loc::line(6), h(3, "Deeper"));
        doc.push(
            Loc::line(7),
            para(
                "Devolution",
                Some(label("2.", "2", LabelKind::Decimal)),
                false,
            ),
        );
        doc.push(
            Loc::line(8),
            para(
                "Text of 2.1.",
                Some(label("2.1", "2.1", LabelKind::Decimal)),
                false,
            ),
        );
        doc.push(Loc::line(9), h(2, "3. Numbered in text"));
        doc.push(Loc::line(10), h(2, "4 | Bare number"));
        let s = extract(&doc);
        let got: Vec<(&str, Option<&str>, u8)> = s
            .iter()
            .map(|s| (s.heading.as_str(), s.number.as_deref(), s.level))
            .collect();
        assert_eq!(
            got,
            vec![
                ("Introduction", None, 1),
                ("A bold sub heading", None, 2),
                ("Deeper", None, 2),
                ("Devolution", Some("2"), 3),
                ("Numbered in text", Some("3"), 1),
                ("Bare number", Some("4"), 1),
            ]
        );
        let o = outline(&doc);
        assert_eq!(o.heading_at(1).as_deref(), Some("Introduction"));
        assert_eq!(o.heading_at(7).as_deref(), Some("Devolution"));
    }

    #[test]
    fn signatures_furniture_and_running_titles_are_not_sections() {
        assert!(looks_like_signature("J Burston"));
        assert!(looks_like_signature("A. B. Smith"));
        assert!(looks_like_signature("Cllr Jane Smith"));
        assert!(!looks_like_signature("A Summary"));
        assert!(!looks_like_signature("Financial Implications"));
        assert!(!looks_like_signature("Appendix A"));
        assert!(is_page_furniture("Page 12 of 30"));
        assert!(is_page_furniture("Agenda Item 5"));
        assert!(is_page_furniture("Item No. 7"));
        assert!(!is_page_furniture("Agenda items for next year"));
        assert!(is_short_role_line("INSPECTOR"));
        assert!(is_short_role_line("Director of Growth"));
        assert!(!is_short_role_line("Appendices"));
        assert!(is_full_name("Paul Lawson"));
        assert!(!is_full_name("Main Report"));
        assert!(!is_full_name("Next Steps"));

        let mut doc = Document::new(Format::Pdf);
        let h = |text: &str| {
            BlockKind::Heading(Heading {
                level: 1,
                text: text.into(),
                label: None,
            })
        };
        for page in 1..=3 {
            doc.push(Loc::page(page), h("Cabinet Budget Report"));
            doc.push(Loc::page(page), h(&format!("Part {page} heading")));
            doc.push(Loc::page(page), para("Body text.", None, false));
            doc.push(Loc::page(page), BlockKind::PageBreak);
        }
        doc.push(Loc::page(4), para("Jo Smith", None, false));
        doc.push(Loc::page(4), h("J Burston"));
        doc.push(Loc::page(4), h("Inspector"));
        doc.push(Loc::page(4), h("Appendix A – Schedule"));
        let got: Vec<String> = extract(&doc).into_iter().map(|s| s.heading).collect();
        assert_eq!(
            got,
            [
                "Part 1 heading",
                "Part 2 heading",
                "Part 3 heading",
                "Appendix A – Schedule"
            ]
        );
    }

    #[test]
    fn label_value_lines_are_not_headings() {
        assert!(is_label_value("Report Author: Paul Staines"));
        assert!(!is_label_value(
            "Recommendation 1: Co-design shared outcomes"
        ));
        assert!(reads_as_heading(
            "Recommendation 1: Co-design shared outcomes"
        ));
        assert!(!reads_as_heading("Contact Officer: Lauren Rushen"));
        assert!(!reads_as_heading("This ends with a stop."));
        assert!(is_label_value("Exempt Information: None"));
        assert!(is_label_value(
            "Finance Officer Consulted: Helen Marsh Date: 20/02/24"
        ));
        assert!(!is_label_value("Section 4: Financial implications"));
        assert_eq!(
            section_prefix("Section 4: Financial implications"),
            Some(("4".to_string(), "Financial implications".to_string()))
        );
        assert_eq!(section_prefix("Sections of the plan"), None);
        assert!(mostly_date("5 September 2024"));
        assert!(!mostly_date("5 Legal implications"));
    }
}
