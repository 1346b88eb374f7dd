//! The second pass: which paragraphs are headings (and at what level),
//! the nesting level of list items, and the final blocks.

use std::collections::HashMap;

use crate::document::{BlockKind, Footnote, Heading, LabelKind, Loc, Paragraph};
use crate::text::find_date;
use crate::Document;

use super::lines::is_field_only_label;
use super::paragraphs::{Layout, ParaProto, Proto};

/// Headings that recur this often are the sub-headings of a repeated
/// template (one per profile), a level below the others.
const REPEATED: usize = 3;

/// A title never ends on one of these (a sentence cut short does).
const TRAILING_FUNCTION_WORDS: &[&str] = &[
    "a",
    "an",
    "the",
    "of",
    "to",
    "and",
    "or",
    "in",
    "on",
    "for",
    "with",
    "by",
    "from",
    "that",
    "which",
    "including",
    "include",
    "includes",
    "as",
    "is",
    "are",
    "be",
    "will",
    "at",
];

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Whether the text reads like a title.
fn title_text(p: &ParaProto, repeated: bool) -> bool {
    title_text_with(p, repeated, false)
}

/// [`title_text`]; a `numbered` title ("4. Options considered, and risk")
/// may hold commas.
fn title_text_with(p: &ParaProto, repeated: bool, numbered: bool) -> bool {
    let t = p.text.as_str();
    let words = word_count(t);
    // Question headings ("What is this report about?") open with an
    // interrogative; any other question is a sentence.
    let asks = t.ends_with('?') && crate::text::opens_question(t);
    let max_words = if repeated || numbered || asks { 16 } else { 12 };
    if t.is_empty() || t.chars().count() > 110 || words > max_words {
        return false;
    }
    if p.known_label == Some(true) || is_field_only_label(t) || is_attribute_line(t) {
        return false;
    }
    if !t.starts_with(|c: char| c.is_uppercase()) {
        return false;
    }
    // A file name or address ("…VERSION.pdf for full details.") is the
    // tail of a wrapped sentence, not a title.
    let dotted = t.split_whitespace().any(|w| {
        w.trim_end_matches(['.', ',', ';', ':'])
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .contains('.')
    });
    if dotted || t.contains('@') || t.contains("http") || t.contains("www.") {
        return false;
    }
    if t.ends_with(['.', ',', ';'])
        && !(repeated || p.force_heading || (numbered && t.ends_with('.')))
    {
        return false;
    }
    if t.ends_with('!') || (t.ends_with('?') && !asks) {
        return false;
    }
    // A question answered by tick boxes ("Will the decision be open for
    // call in? ☒ Yes ☐ No") is a line of the cover.
    if t.contains(crate::text::tick_box::BOXES) {
        return false;
    }
    if t.ends_with(':') && words > 6 {
        return false;
    }
    // "Community, equalities (including socio-economic) and health
    // impacts" is a title; a clause with more commas or words is not.
    let commas = t.matches(',').count();
    if !numbered && ((commas >= 2 && words > 6) || (commas == 1 && words > 8)) {
        return false;
    }
    let last = t.rsplit(' ').next().unwrap_or("").to_lowercase();
    if words > 1 && TRAILING_FUNCTION_WORDS.contains(&last.as_str()) {
        return false;
    }
    if let Some((range, _)) = find_date(t) {
        // "November 2018", "COUNCIL – 6 NOVEMBER 2018": a date line, not a title.
        let caps = !t.chars().any(char::is_lowercase);
        if caps || range.len() * 10 >= t.len() * 6 {
            return false;
        }
    }
    true
}

/// How many protos open the document as its cover lines: two to five
/// short single lines before any other text, one of them a date and the
/// rest title-shaped ("Briefing: Public toilets - Action Plan Update" /
/// "Health and Social Care Scrutiny Commission" / "27th January 2026"), as
/// a paper with no front-matter labels heads its first page. None where the
/// lines are labels, numbered or there is no date among them.
fn cover_lines(protos: &[Proto]) -> usize {
    let mut run = 0;
    let mut dated = false;
    for proto in protos.iter().take(MAX_COVER_LINES + 1) {
        let Proto::Para(p) = proto else { break };
        let date = super::paragraphs::is_date_line(&p.text);
        let shaped = p.label.is_none()
            && p.line_count == 1
            && p.known_label.is_none()
            && (date || title_text(p, false));
        if !shaped {
            break;
        }
        dated |= date;
        run += 1;
    }
    if (2..=MAX_COVER_LINES).contains(&run) && dated {
        run
    } else {
        0
    }
}

/// The most lines a cover block without labels holds.
const MAX_COVER_LINES: usize = 5;

/// "Name: Fiona Worrall", "Position: Strategic Director": a line of a
/// person's details, never a title.
fn is_attribute_line(t: &str) -> bool {
    const ATTRIBUTES: &[&str] = &[
        "name",
        "position",
        "job title",
        "post",
        "role",
        "designation",
        "telephone",
        "tel",
        "tel. no.",
        "phone",
        "mobile",
        "email",
        "e-mail",
        "address",
        "direct line",
        "extension",
    ];
    t.split_once(':').is_some_and(|(label, value)| {
        !value.trim().is_empty() && ATTRIBUTES.contains(&label.trim().to_lowercase().as_str())
    })
}

/// The stack entry of an open list.
struct Open {
    key: String,
    indent: usize,
    /// The latest item at this level ends with a colon: it leads in to a
    /// nested list.
    lead_in: bool,
}

fn label_key(p: &ParaProto) -> Option<(String, bool, bool)> {
    let l = p.label.as_ref()?;
    if l.kind == LabelKind::Bullet {
        let o = p.glyph == Some('o');
        return Some((if o { "o".into() } else { "bullet".into() }, true, false));
    }
    let depth = l.value.matches('.').count();
    let mut shape: String = l.printed.replace(&l.value, "#");
    if depth > 0 {
        // "2.1" and "2.2." are the same list.
        shape = shape.trim_end_matches('.').to_string();
    }
    let plain_decimal = l.kind == LabelKind::Decimal && depth == 0;
    Some((format!("{:?}{depth}{shape}", l.kind), false, plain_decimal))
}

/// Decides headings and list levels and writes the blocks into `doc`.
pub fn finish(protos: Vec<Proto>, lay: Layout, doc: &mut Document) {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for p in &protos {
        if let Proto::Para(p) = p {
            if p.label.is_none() && word_count(&p.text) <= 16 {
                *counts.entry(p.text.to_lowercase()).or_default() += 1;
            }
        }
    }
    let repeated = |t: &str| counts.get(&t.to_lowercase()).copied().unwrap_or(0) >= REPEATED;

    // The label of the next labelled paragraph after each index (for
    // numbered headings followed by "1.1" paragraphs).
    let mut next_label: Vec<Option<String>> = vec![None; protos.len()];
    let mut upcoming: Option<String> = None;
    for (k, p) in protos.iter().enumerate().rev() {
        if let Some(slot) = next_label.get_mut(k) {
            slot.clone_from(&upcoming);
        }
        if let Proto::Para(p) = p {
            if let Some(l) = &p.label {
                upcoming = Some(l.value.clone());
            }
        }
    }

    // Whether the next block is a list item (a "…:" line before one is a
    // lead-in, not a heading).
    let next_is_item: Vec<bool> = (0..protos.len())
        .map(|k| matches!(protos.get(k + 1), Some(Proto::Para(n)) if n.label.is_some()))
        .collect();
    // Whether the next two blocks are label/value lines (a title above a
    // profile's field block).
    let fields_follow: Vec<bool> = (0..protos.len())
        .map(|k| {
            let after_field = matches!(k.checked_sub(1).and_then(|b| protos.get(b)), Some(Proto::Para(b)) if b.known_label.is_some());
            !after_field
                && (1..=3).all(|d| matches!(protos.get(k + d), Some(Proto::Para(n)) if n.known_label == Some(true)))
        })
        .collect();
    let cover = cover_lines(&protos);
    let mut stack: Vec<Open> = Vec::new();
    let mut prev_heading = false;
    let mut last_numbered: Option<u32> = None;
    let mut in_template = false;
    let mut seen_content = false;
    let mut before_first_heading = 0usize;
    let mut any_heading = false;
    for (k, proto) in protos.into_iter().enumerate() {
        match proto {
            Proto::Para(p) => {
                let rep = repeated(&p.text);
                let standalone = (p.blank_after && (p.blank_before || prev_heading))
                    || (p.known_label.is_none() && fields_follow.get(k).copied().unwrap_or(false));
                let plain_heading = p.label.is_none()
                    && (p.force_heading
                        || k < cover
                        || ((p.line_count == 1 || rep)
                            && (standalone || (rep && word_count(&p.text) >= 3))
                            && title_text(&p, rep)
                            && !(p.text.ends_with(':')
                                && next_is_item.get(k).copied().unwrap_or(false))));
                let numbered_heading = p.label.as_ref().is_some_and(|l| {
                    let sub_follows = next_label.get(k).and_then(Option::as_ref).is_some_and(|n| {
                        n.strip_prefix(l.value.as_str())
                            .is_some_and(|r| r.starts_with('.'))
                    });
                    // "11. Background Documents" after numbered headings up to 10.
                    let continues = last_numbered
                        .is_some_and(|n| l.value.parse::<u32>().ok() == Some(n + 1))
                        && word_count(&p.text) <= 6;
                    l.kind == LabelKind::Decimal
                        && !l.value.contains('.')
                        && !l.printed.ends_with(')')
                        && (p.line_count == 1 || (sub_follows && p.line_count == 2))
                        && standalone
                        && title_text_with(&p, false, sub_follows)
                        && (sub_follows || title_text(&p, false))
                        && (sub_follows || continues)
                });
                if numbered_heading {
                    last_numbered = p.label.as_ref().and_then(|l| l.value.parse::<u32>().ok());
                }
                let titles_fields = fields_follow.get(k).copied().unwrap_or(false);
                // Inside a repeated template section, other short lines are
                // run-in titles of its paragraphs, not new sections.
                let appendix = plain_heading && crate::text::appendix::names_appendix(&p.text);
                let run_in = in_template
                    && plain_heading
                    && !rep
                    && !titles_fields
                    && !p.force_heading
                    && !appendix;
                if (plain_heading || numbered_heading) && !run_in {
                    if rep {
                        in_template = true;
                    } else if titles_fields || appendix {
                        in_template = false;
                    }
                    let level = if rep {
                        3
                    } else if k < cover
                        || (!any_heading
                            && !seen_content
                            && before_first_heading <= 2
                            && p.label.is_none())
                    {
                        1
                    } else {
                        2
                    };
                    // "Annex 1:" right before "Annex 1": one heading.
                    if let Some(last) = doc.blocks.last() {
                        if let BlockKind::Heading(h) = &last.kind {
                            if h.text
                                .trim_end_matches(':')
                                .eq_ignore_ascii_case(p.text.trim_end_matches(':'))
                            {
                                doc.blocks.pop();
                            }
                        }
                    }
                    any_heading = true;
                    prev_heading = true;
                    stack.clear();
                    doc.push(
                        Loc::line(p.line),
                        BlockKind::Heading(Heading {
                            level,
                            text: p.text,
                            label: if numbered_heading { p.label } else { None },
                        }),
                    );
                    continue;
                }
                prev_heading = false;
                before_first_heading += 1;
                if p.label.is_some() || p.known_label.is_some() {
                    seen_content = true;
                }
                let level = list_level(&p, &mut stack, lay);
                doc.push(
                    Loc::line(p.line),
                    BlockKind::Paragraph(Paragraph {
                        text: p.text,
                        label: p.label,
                        level,
                        style: p.style,
                    }),
                );
            }
            Proto::Table(line, t) => {
                prev_heading = false;
                seen_content = true;
                doc.push(Loc::line(line), BlockKind::Table(t.into_table()));
            }
            Proto::Note(line, mark, text) => {
                doc.push(
                    Loc::line(line),
                    BlockKind::Footnote(Footnote { mark, text }),
                );
            }
            Proto::PageBreak(line) => {
                doc.push(Loc::line(line), BlockKind::PageBreak);
            }
        }
    }
}

/// The nesting level of a list item, from the labels open above it and its
/// indentation.
fn list_level(p: &ParaProto, stack: &mut Vec<Open>, lay: Layout) -> u8 {
    let Some((key, bullet, plain_decimal)) = label_key(p) else {
        return 0;
    };
    let indent = p.indent;
    let lead_in = p.text.trim_end().ends_with(':');
    // One column of indentation is jitter, not nesting, in hard-wrapped text
    // (pdftotext and the like), and between items of the same kind where the
    // item above does not lead in to a sub-list with a colon: exports put a
    // stray space before some items of one flat list (" - item").
    let tol = |e: &Open| usize::from(lay.wrap.is_some() || (!e.lead_in && e.key == key));
    let key_for_open = key.clone();
    let level = if bullet {
        if let Some(pos) = stack
            .iter()
            .rposition(|e| e.key == key && e.indent.abs_diff(indent) <= tol(e))
        {
            stack.truncate(pos + 1);
            pos
        } else if stack
            .last()
            .is_some_and(|top| top.indent + tol(top) < indent)
            || (lay.wrap.is_some()
                && stack
                    .last()
                    .is_some_and(|top| !top.key.starts_with("bullet") && top.key != "o"))
            || (key == "o" && !stack.is_empty())
        {
            stack.push(Open {
                key,
                indent,
                lead_in: false,
            });
            stack.len() - 1
        } else if let Some(pos) = stack.iter().position(|e| e.indent >= indent) {
            stack.truncate(pos);
            stack.push(Open {
                key,
                indent,
                lead_in: false,
            });
            pos
        } else {
            stack.clear();
            stack.push(Open {
                key,
                indent,
                lead_in: false,
            });
            0
        }
    } else if restarts_inside(p, stack) {
        // "6. … for the next year:" / "    1. Decent homes for all": a
        // list numbered afresh, indented under an item that leads in to
        // it, nests in that item.
        stack.push(Open {
            key,
            indent,
            lead_in: false,
        });
        stack.len() - 1
    } else if let Some(pos) = nearest_open(stack, &key, indent) {
        stack.truncate(pos + 1);
        pos
    } else if stack.is_empty() || plain_decimal {
        stack.clear();
        stack.push(Open {
            key,
            indent,
            lead_in: false,
        });
        0
    } else {
        stack.push(Open {
            key,
            indent,
            lead_in: false,
        });
        stack.len() - 1
    };
    if let Some(open) = stack.get_mut(level).filter(|o| o.key == key_for_open) {
        open.lead_in = lead_in;
    }
    u8::try_from(level).unwrap_or(u8::MAX)
}

/// Whether `p` opens a list numbered from 1, indented under an open item
/// of its own kind that leads in to it with a colon.
fn restarts_inside(p: &ParaProto, stack: &[Open]) -> bool {
    let first = p.label.as_ref().is_some_and(|l| l.value == "1");
    let key = label_key(p).map(|(k, _, _)| k);
    first
        && stack.last().is_some_and(|top| {
            Some(&top.key) == key.as_ref() && top.lead_in && p.indent > top.indent + 2
        })
}

/// The open list level of `key` nearest to `indent` (of two "1." lists,
/// one nested in the other, the one set at this item's margin).
fn nearest_open(stack: &[Open], key: &str, indent: usize) -> Option<usize> {
    stack
        .iter()
        .enumerate()
        .filter(|(_, e)| e.key == key)
        .min_by_key(|(_, e)| e.indent.abs_diff(indent))
        .map(|(pos, _)| pos)
}

#[cfg(test)]
mod tests {
    use crate::document::{Block, BlockKind};
    use crate::read::txt::read;
    use crate::ParseOptions;

    fn blocks(src: &str) -> Vec<Block> {
        read(src.as_bytes(), &ParseOptions::default())
            .unwrap()
            .blocks
    }

    /// (kind letter, level, printed label, text) of each block.
    fn shape(src: &str) -> Vec<(char, u8, String, String)> {
        blocks(src)
            .into_iter()
            .map(|b| match b.kind {
                BlockKind::Heading(h) => (
                    'H',
                    h.level,
                    h.label.map(|l| l.printed).unwrap_or_default(),
                    h.text,
                ),
                BlockKind::Paragraph(p) => (
                    'P',
                    p.level,
                    p.label.map(|l| l.printed).unwrap_or_default(),
                    p.text,
                ),
                BlockKind::Table(_) => ('T', 0, String::new(), String::new()),
                BlockKind::Footnote(f) => ('F', 0, f.mark, f.text),
                _ => ('B', 0, String::new(), String::new()),
            })
            .collect()
    }

    fn s(k: char, level: u8, label: &str, text: &str) -> (char, u8, String, String) {
        (k, level, label.to_string(), text.to_string())
    }

    #[test]
    fn a_persons_details_are_no_headings() {
        let got = shape("Contact Officers:\n\nName: Fiona Worrall\n\nPosition: Strategic Director\n\nTelephone: 0161 234 3926\n");
        let heads: Vec<&str> = got
            .iter()
            .filter(|b| b.0 == 'H')
            .map(|b| b.3.as_str())
            .collect();
        assert!(!heads.contains(&"Name: Fiona Worrall"), "{got:?}");
        assert!(!heads.contains(&"Position: Strategic Director"), "{got:?}");
    }

    #[test]
    fn numbering_forms_and_nesting() {
        let got = shape("Some intro text for the list that follows below here now.\n\n1) First point.\n\na) Sub point.\n\ni. Deeper point.\n\n(2) Second form.\n\nI. Roman upper.\n\n2.1 Decimal.\n");
        assert_eq!(got[1], s('P', 0, "1)", "First point."));
        assert_eq!(got[2], s('P', 1, "a)", "Sub point."));
        assert_eq!(got[3], s('P', 2, "i.", "Deeper point."));
        assert_eq!(got[4].2, "(2)");
        assert_eq!(got[5].2, "I.");
        assert_eq!(got[6].2, "2.1");
    }

    #[test]
    fn bullet_glyphs_and_indent_levels() {
        let got = shape("5. The aims are;\n - Identify issues\n - Engage partners\n    o Nested item\n\u{F0B7}\tPrivate glyph\n* Star item\n• Dot item\n");
        assert_eq!(got[1], s('P', 1, "•", "Identify issues"));
        assert_eq!(got[3], s('P', 2, "•", "Nested item"));
        for g in &got[1..] {
            assert_eq!(g.2, "•");
            assert!(!g.3.starts_with(['•', '*', 'o', '\u{F0B7}']), "{g:?}");
        }
    }

    #[test]
    fn headings_and_label_value_lines() {
        let got = shape("Report Title Here\n\nTo: Council\nDate: 28 November 2023\n\nGovernance Arrangements\n\nThe board met. It agreed.\n\n1. Introduction\n\n1.1 The text.\n\n2. A one-line numbered paragraph.\n\nActivity over the last 12 months and what happened next:\n\nText.\n");
        assert_eq!(got[0], s('H', 1, "", "Report Title Here"));
        assert_eq!(got[1], s('P', 0, "", "To: Council"));
        assert_eq!(got[2], s('P', 0, "", "Date: 28 November 2023"));
        assert_eq!(got[3], s('H', 2, "", "Governance Arrangements"));
        assert_eq!(got[5], s('H', 2, "1.", "Introduction"));
        assert_eq!(got[6], s('P', 0, "1.1", "The text."));
        assert_eq!(got[7].0, 'P');
        assert_eq!(got[8].0, 'P');
    }

    #[test]
    fn a_list_numbered_afresh_under_a_lead_in_nests() {
        let src = "6.   The plan is structured around seven goals for the next year:\n\n        1.   Decent homes for all\n     2.    A good start in life\n     3.    A safer Southwark\n\n7.   The majority of commitments carry on from the previous plan.\n";
        let got = shape(src);
        let levels: Vec<(String, u8)> = got.iter().map(|g| (g.2.clone(), g.1)).collect();
        assert_eq!(
            levels,
            [
                ("6.".to_string(), 0),
                ("1.".to_string(), 1),
                ("2.".to_string(), 1),
                ("3.".to_string(), 1),
                ("7.".to_string(), 0)
            ]
        );
    }

    #[test]
    fn cover_lines_over_a_date_head_the_paper() {
        // A briefing with no labels, its cover lines set with no blank line
        // between them (as pypdf exports a page), the page number above.
        let body = "The working group meets once a quarter and its membership includes residents of the borough.\n".repeat(6);
        let src = format!("\n\n1\n\n\nBriefing: Public toilets - Action Plan Update\nHealth and Social Care Scrutiny Commission\n27th January 2026\nBackground\n{body}");
        let got = shape(&src);
        assert_eq!(
            got[0],
            s('H', 1, "", "Briefing: Public toilets - Action Plan Update")
        );
        assert_eq!(
            got[1],
            s('H', 1, "", "Health and Social Care Scrutiny Commission")
        );
        assert_eq!(got[2], s('H', 1, "", "27th January 2026"));
        // Without a date they are no cover: two short lines of prose stay.
        let src = format!("Some opening words here\nAnd more of them\n\n{body}");
        assert_ne!(shape(&src)[0].0, 'H');
    }

    #[test]
    fn wrapped_lines_rejoin_and_residue_goes() {
        let mut src = String::new();
        for k in 0..6 {
            src.push_str(&format!(
                "Line {k} is long enough to look like a hard-wrapped line of text that\n"
            ));
        }
        src.push_str("ends here.\n\n12\n\nCC12\n\nThis page is intentionally left blank\n\u{0C}Next page text is here.\n");
        let b = shape(&src);
        assert_eq!(b.len(), 3, "{b:?}");
        assert!(b[0].3.ends_with("text that ends here."));
        assert_eq!(b[1].0, 'B');
    }

    #[test]
    fn markdown_links_are_kept_as_text_and_recorded() {
        let doc = read(
            b"See the [Zero Carbon Partnership](https://zcop.org) page.\n",
            &ParseOptions::default(),
        )
        .unwrap();
        assert!(
            matches!(&doc.blocks[0].kind, BlockKind::Paragraph(p) if p.text == "See the Zero Carbon Partnership page.")
        );
        assert_eq!(doc.links[0].url, "https://zcop.org");
    }
}
