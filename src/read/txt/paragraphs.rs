//! The first pass: lines into proto-blocks (paragraphs with their layout
//! facts, tables, footnotes, page breaks), rejoining hard-wrapped lines and
//! paragraphs that a page break cut in two, and skipping page residue.

use std::collections::{HashMap, HashSet};

use crate::document::{Label, Style};
use crate::text::phone::{ends_in_phone_digits, phone_tail};
use crate::text::{join_wrapped, normalize, parse_label, LabelOptions};
use crate::Document;

use super::lines::{is_bare_url, is_page_residue, is_rule, known_label, Line};
use super::notes::{self, superscript_mark, Note};
use super::tables::{self, is_pipe_line, is_tab_cell_line, is_tab_row_line, ProtoTable};
use super::{columns, figures, flat, html, inline, label_rows};

/// A paragraph before headings and list levels are decided.
#[derive(Debug, Clone, Default)]
pub struct ParaProto {
    /// Line where it starts.
    pub line: u32,
    /// Normalised text without label or markup.
    pub text: String,
    /// Its list label.
    pub label: Option<Label>,
    /// The bullet glyph as printed ('o' marks a second-level bullet).
    pub glyph: Option<char>,
    /// Leading white space of its first line.
    pub indent: usize,
    /// Source lines joined into it.
    pub line_count: usize,
    /// A blank line (or the start) comes before it.
    pub blank_before: bool,
    /// A blank line, the end, a list item or a table comes after it.
    pub blank_after: bool,
    /// It titles a table found right after it.
    pub force_heading: bool,
    /// Emphasis covering all of it.
    pub style: Style,
    /// It starts with a known front-matter label; `true` when a value follows.
    pub known_label: Option<bool>,
}

/// A proto-block.
#[derive(Debug, Clone)]
pub enum Proto {
    /// A paragraph (or heading to be).
    Para(ParaProto),
    /// A table.
    Table(u32, ProtoTable),
    /// A footnote: line, mark, text.
    Note(u32, String, String),
    /// A page break at a line.
    PageBreak(u32),
}

/// Layout facts of the whole text.
#[derive(Debug, Clone, Copy)]
pub struct Layout {
    /// The wrap width when the text is hard-wrapped (lines end near one
    /// width), else `None` (one line per paragraph).
    pub wrap: Option<usize>,
    /// Hard-wrapped text with (almost) no blank lines: paragraphs follow
    /// one another line after line, so only the text tells them apart.
    pub tight: bool,
}

fn layout(lines: &[Line]) -> Layout {
    // Tight: a finished sentence at a line's end is mostly followed by
    // the next line straight away, rarely by a blank line.
    let (mut straight, mut spaced) = (0usize, 0usize);
    for w in lines.windows(2) {
        if let [a, b] = w {
            if !a.is_blank() && ends_sentence(a.text()) {
                if b.is_blank() {
                    spaced += 1;
                } else {
                    straight += 1;
                }
            }
        }
    }
    let tight = straight >= 3 && straight > spaced * 2;
    let first = wrap_of(lines, usize::MAX);
    let lay = if first.wrap.is_some() {
        first
    } else {
        // A landscape appendix set far to the right (`pdftotext -layout`
        // keeps its indentation) must not hide the wrap of the report's
        // own text.
        wrap_of(lines, MAX_BODY_INDENT)
    };
    Layout {
        tight: tight && lay.wrap.is_some(),
        ..lay
    }
}

/// The fewest lines from which a wide text is judged a landscape layout.
const LANDSCAPE_MIN_LINES: usize = 200;

/// Lines indented further than this are not the body text's margin.
const MAX_BODY_INDENT: usize = 20;

fn wrap_of(lines: &[Line], max_indent: usize) -> Layout {
    let mut widths: Vec<usize> = lines
        .iter()
        .filter(|l| !l.is_blank() && !l.raw.starts_with('\t') && !is_pipe_line(l.text()))
        .filter(|l| l.indent < max_indent)
        .map(Line::width)
        .collect();
    if widths.len() < 5 {
        return Layout {
            wrap: None,
            tight: false,
        };
    }
    widths.sort_unstable();
    let p90 = widths.get(widths.len() * 9 / 10).copied().unwrap_or(0);
    let long = widths.iter().filter(|&&w| w > 130).count();
    let portrait = p90 <= 110 && long * 50 <= widths.len();
    // A landscape page laid out by `pdftotext -layout`: wide, but many
    // lines, nearly all no longer than the wrap, as a text export with one
    // line per paragraph never is.
    let p99 = widths.get(widths.len() * 99 / 100).copied().unwrap_or(0);
    let landscape = widths.len() >= LANDSCAPE_MIN_LINES && p90 <= 180 && p99 * 100 <= p90 * 112;
    let wrapped = portrait || landscape;
    Layout {
        wrap: wrapped.then_some(p90.max(40)),
        tight: false,
    }
}

fn line_text(lines: &[Line], i: usize) -> &str {
    lines.get(i).map_or("", Line::text)
}

fn blank_at(lines: &[Line], i: usize) -> bool {
    lines.get(i).is_none_or(|l| l.is_blank() || l.page_break)
}

/// Words after which a line-initial "A)" or "2." is a reference cut by the
/// wrap ("see Appendix / A) which…"), not a list label.
const REFERRING: &[&str] = &[
    "appendix",
    "annex",
    "paragraph",
    "paragraphs",
    "para",
    "section",
    "sections",
    "table",
    "figure",
    "page",
    "item",
    "schedule",
    "policy",
    "chapter",
    "option",
    "recommendation",
];

fn ends_with_reference(acc: &str) -> bool {
    let last = acc
        .trim_end()
        .rsplit(' ')
        .next()
        .unwrap_or("")
        .trim_start_matches('(')
        .to_lowercase();
    REFERRING.contains(&last.as_str())
}

/// Whether a wrapped line that starts with a dash ("- 39 (the Plan) in
/// terms of…") goes on with the sentence above, cut at a range ("2024 -
/// 39"), rather than opening a bulleted item: the line above is full, stops
/// mid-sentence on a word or figure, and the dash is followed by a figure
/// (a bullet may well start in lower case).
fn dash_continues(acc: &str, prev_width: usize, wrap: usize, next: &Line) -> bool {
    let t = next.text();
    let Some(rest) = t.strip_prefix("- ").or_else(|| t.strip_prefix("– ")) else {
        return false;
    };
    let mid_sentence = acc
        .trim_end()
        .chars()
        .last()
        .is_some_and(char::is_alphanumeric);
    let continues = rest.chars().next().is_some_and(|c| c.is_ascii_digit());
    prev_width * 100 >= wrap * 80 && mid_sentence && continues
}

/// Whether the line begins a block of its own (cannot continue a paragraph).
fn starts_block(line: &Line) -> bool {
    let t = line.text();
    line.raw.starts_with('\t')
        || is_tab_row_line(&line.raw)
        || is_pipe_line(t)
        || parse_label(t, LabelOptions::default()).is_some()
        || known_label(t).is_some()
        || superscript_mark(t).is_some()
        || t.starts_with('<') && html::has_html(t)
}

/// Whether line `next` starts a resolution of its own after a sentence
/// that ended (unnumbered recommendations set one under the other: "…
/// from 16 September 2024." / "That the Head of Planning be authorised…").
fn new_resolution(acc: &str, next: &str) -> bool {
    ends_sentence(acc) && next.starts_with("That ")
}

/// Whether `acc` ends with an answer given by tick boxes ("… call in? ☒
/// Yes ☐ No"): a row of the cover, which the next line does not go on.
fn answered_by_boxes(acc: &str) -> bool {
    use crate::text::tick_box::BOXES;
    let tail: String = acc.chars().rev().take(12).collect();
    // A row of ticked options ("☒ Health and Wellbeing ☒ Inclusive
    // Growth ☒ Zero Carbon") is a line of its own too.
    tail.contains(BOXES) || acc.matches(BOXES).count() >= 2
}

/// Whether line `next`, after a finished sentence, is a short heading of
/// its own ("… Transport Fund." / "Recommendations" / "a) Executive …"),
/// as text with no blank lines between paragraphs prints one: up to four
/// words, capitalised, with no closing punctuation, and not followed by
/// a line that goes on in lower case.
fn heading_after_sentence(acc: &str, next: &str, after: Option<&Line>) -> bool {
    // After a finished sentence, or right under a numbered heading ("3.0
    // Main report" / "Key Issues" / "3.1 …").
    let under_numbered_heading = numbered_line(after)
        && parse_label(acc, LabelOptions::default()).is_some_and(|(lab, rest)| {
            lab.kind == crate::document::LabelKind::Decimal
                && (1..=6).contains(&rest.split_whitespace().count())
                && !ends_sentence(rest)
        });
    (ends_sentence(acc) || under_numbered_heading) && heading_shape(next, after)
}

/// Whether line text `next` has the shape of a heading over line `after`:
/// capitalised, up to four words with no closing punctuation (ten over a
/// numbered paragraph: "Equality or Good Relations Implications / Rural
/// Needs Assessment" / "3.4 …"), or a question heading ("What is this
/// report about?"); and no line going on in lower case under it.
fn heading_shape(next: &str, after: Option<&Line>) -> bool {
    let words = next.split_whitespace().count();
    let letters = next.chars().filter(|c| c.is_alphabetic()).count();
    let question = next.ends_with('?') && words <= 16 && crate::text::opens_question(next);
    let most = if numbered_line(after) { 10 } else { 4 };
    let short = (1..=most).contains(&words)
        && letters >= 5
        && !next.ends_with(['.', ',', ';', ':', '!', '?', '-', '–', '—', '/', '&']);
    next.starts_with(char::is_uppercase)
        && (short || question)
        && !after.is_some_and(|l| l.text().starts_with(char::is_lowercase) && !starts_block(l))
}

/// Whether `line` opens a numbered paragraph, with a decimal label or a
/// bare number ("3.1 …", "9 Construction …").
fn numbered_line(line: Option<&Line>) -> bool {
    line.is_some_and(|l| {
        parse_label(l.text(), LabelOptions::default())
            .is_some_and(|(lab, _)| lab.kind == crate::document::LabelKind::Decimal)
            || opens_bare_number(l.text())
    })
}

/// Whether line `next` opens a paragraph numbered with no stop ("2 The
/// scheme would …") after a finished sentence.
fn bare_number_starts(acc: &str, next: &str) -> bool {
    // …or after a heading ("Options, timescales and measuring success").
    let heading = acc.starts_with(char::is_uppercase)
        && (1..=10).contains(&acc.split_whitespace().count())
        && !acc.ends_with(|c: char| c.is_ascii_punctuation());
    (ends_sentence(acc) || heading) && opens_bare_number(next)
}

/// Whether `line` opens with a paragraph number of one or two figures, no
/// stop, and a capitalised word ("2 The scheme would …").
fn opens_bare_number(line: &str) -> bool {
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    let after = line.get(digits..).unwrap_or("");
    (1..=2).contains(&digits)
        && after.starts_with(' ')
        && after.trim_start().starts_with(char::is_uppercase)
}

/// Whether `text` opens with a word a job title opens with: the line under
/// a name in a signature or a contact ("RUPERT CLEMENTS" / "Director of
/// Communities…").
fn opens_job_title(text: &str) -> bool {
    const JOB: &[&str] = &[
        "Director",
        "Head",
        "Chief",
        "Assistant",
        "Corporate",
        "Interim",
        "Senior",
        "Principal",
        "Strategic",
        "Manager",
        "Officer",
    ];
    // Words that open a job only with the word after them ("Cabinet
    // Member for …", not "Cabinet is recommended to:").
    const PAIRS: &[(&str, &[&str])] = &[
        ("Cabinet", &["Member", "Portfolio"]),
        ("Executive", &["Director", "Member", "Head", "Officer"]),
        ("Deputy", &["Leader", "Chief", "Director", "Head"]),
        ("Leader", &["of"]),
    ];
    let mut words = text.split_whitespace();
    let (first, second) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
    JOB.contains(&first)
        || PAIRS
            .iter()
            .any(|(w, next)| *w == first && next.contains(&second))
}

/// The length in characters of the first word of `text`.
fn first_word_len(text: &str) -> usize {
    text.split_whitespace()
        .next()
        .map_or(0, |w| w.chars().count())
}

/// Whether `acc` stops on a word that cannot end a line's text ("Tourism,
/// Culture and" / "Communities Committee"): a short line that goes on.
fn ends_mid_phrase(acc: &str) -> bool {
    let last = acc.split_whitespace().last().unwrap_or("").to_lowercase();
    acc.ends_with([',', '&'])
        || matches!(
            last.as_str(),
            "and" | "of" | "for" | "the" | "to" | "&" | "this" | "these" | "a" | "an" | "with"
        )
}

/// Whether line `next` is a number alone that finishes the phrase `acc`
/// leaves open ("… to implement recommendations 1 and" / "2."): no list
/// number, as a list item holds text.
fn number_finishes(acc: &str, next: &str) -> bool {
    let core = next.trim().trim_end_matches(['.', ')', ';', ',']);
    let last = acc.split_whitespace().last().unwrap_or("").to_lowercase();
    (1..=3).contains(&core.len())
        && core.chars().all(|c| c.is_ascii_digit())
        && (matches!(last.as_str(), "and" | "or" | "to") || acc.ends_with([',', '-', '–']))
}

/// Whether the paragraph `acc` goes on with line `next` where a telephone
/// number broke at the line end ("… Tel: 01632 960" / "552. Email: …"):
/// the digits that start the line are no list number.
fn phone_goes_on(acc: &str, next: &str) -> bool {
    ends_in_phone_digits(acc)
        && parse_label(next, LabelOptions::default()).is_some_and(|(l, _)| phone_tail(&l.printed))
}

/// Whether a line is a label standing alone: a few words ending in a colon
/// ("Meeting Name:"), its value on the lines after it.
fn lone_label(text: &str) -> bool {
    let t = text.trim();
    t.ends_with(':') && t.split_whitespace().count() <= 6
}

/// Whether `line` is the first half of a label wrapped over two lines, as
/// an export of a two-column box prints one ("Ward(s) or groups" /
/// "affected:"): the second half is a few words in lower case ending in a
/// colon.
fn opens_wrapped_label(line: &str, after: Option<&Line>) -> bool {
    let Some(after) = after.map(|l| l.text().trim()) else {
        return false;
    };
    line.starts_with(char::is_uppercase)
        && !line.trim_end().ends_with(['.', ',', ';', ':'])
        && after.ends_with(':')
        && after.starts_with(|c: char| c.is_lowercase() || c == '(')
        && after.split_whitespace().count() <= 3
        && line.split_whitespace().count() + after.split_whitespace().count() <= 8
}

/// Whether line `i` is an artefact to skip: a URL list left by a page break,
/// a `mailto:` line, stand-alone page residue.
fn is_artefact(lines: &[Line], i: usize) -> bool {
    let t = line_text(lines, i);
    if t.is_empty() {
        return false;
    }
    if is_bare_url(t) {
        let prev_blank = i == 0 || blank_at(lines, i - 1) || is_bare_url(line_text(lines, i - 1));
        return t.to_lowercase().starts_with("mailto:") || prev_blank;
    }
    if t.to_lowercase().contains("intentionally left blank") && t.len() < 60 {
        return true;
    }
    // Over a label standing alone ("1" / "Meeting Name:", a page number
    // that an export set right above the front matter) as over a blank.
    let over_lone_label = || lone_label(line_text(lines, i + 1));
    // A bare figure at a page's head, after the run of blank lines by which
    // an export with no form feeds parts its pages ("" / "" / "5" /
    // "Appendix 1. Toilet Action Plan"), is the page number, whatever follows.
    // (Not a footnote's mark over its text: "1" / "https://…".)
    let page_head = || {
        t.chars().all(|c| c.is_ascii_digit())
            && (i < 2 || (blank_at(lines, i - 1) && blank_at(lines, i - 2)))
            && notes::read(lines, i).is_none()
    };
    is_page_residue(t)
        && (i == 0 || blank_at(lines, i - 1))
        && (blank_at(lines, i + 1)
            || lines.get(i + 1).is_some_and(|l| l.page_break)
            || over_lone_label()
            || page_head())
}

/// The next line holding content at or after `j`, skipping blank lines,
/// artefacts and footnotes (which are returned, to be emitted in place).
fn next_content(lines: &[Line], mut j: usize, notes_out: &mut Vec<Note>) -> Option<usize> {
    let limit = j + 40;
    while j < limit {
        let l = lines.get(j)?;
        if l.is_blank() || is_rule(l) || is_artefact(lines, j) {
            j += 1;
            continue;
        }
        if let Some(n) = notes::read(lines, j) {
            j = n.end.max(j + 1);
            notes_out.push(n);
            continue;
        }
        return Some(j);
    }
    None
}

/// Whether `t` is a date and little else ("27th January 2026", "Tuesday
/// 6 January 2026").
pub(super) fn is_date_line(t: &str) -> bool {
    t.contains(|c: char| c.is_ascii_digit())
        && crate::text::find_date(t)
            .is_some_and(|(range, _)| range.len() * 10 >= t.trim().len() * 6)
}

/// Whether line `next`, a short title-shaped line right above a date line,
/// stands apart from the title line `acc` above it: a cover's "Title" /
/// "Committee" / "Date" lines, which a text export may set with no blank
/// line between.
fn over_date_line(acc: &str, next: &str, after: Option<&Line>) -> bool {
    after.is_some_and(|l| is_date_line(l.text()))
        && !ends_mid_phrase(acc)
        && !acc.ends_with(|c: char| c.is_ascii_punctuation())
        && next.starts_with(char::is_uppercase)
        && next.split_whitespace().count() <= 12
        && !ends_sentence(next)
}

fn ends_sentence(s: &str) -> bool {
    let t = s
        .trim_end()
        .trim_end_matches(['"', '\'', '”', '’', '*', ')']);
    t.ends_with(['.', ':', ';', '?', '!'])
}

/// Whether `t` is set in capitals: two words or more, no small letter
/// ("LOCAL DEVELOPMENT SCHEME 2024–2027").
fn in_capitals(t: &str) -> bool {
    t.split_whitespace().count() >= 2
        && t.chars().filter(|c| c.is_alphabetic()).count() >= 6
        && !t.chars().any(char::is_lowercase)
}

/// A short stand-alone line that reads like a title, or a short line in
/// capitals.
fn heading_like(lines: &[Line], k: usize, wrap: usize) -> bool {
    let Some(l) = lines.get(k) else { return false };
    let t = l.text();
    if l.width() * 10 < wrap * 6 && in_capitals(t) {
        return true;
    }
    l.width() * 10 < wrap * 6
        && blank_at(lines, k + 1)
        && !ends_sentence(t)
        && t.starts_with(|c: char| c.is_uppercase())
}

/// Reads the paragraph starting at line `i`; returns it, the footnotes met
/// inside it, and the index after its last line.
fn read_para(
    lines: &[Line],
    i: usize,
    lay: Layout,
    rep: &HashSet<String>,
    boxes: &label_rows::Boxes,
) -> (ParaProto, Vec<Note>, usize) {
    let is_rep = |k: usize| rep.contains(&normalize(line_text(lines, k)));
    let first = lines.get(i).map_or("", |l| l.raw.as_str());
    let text = first.trim();
    let known = known_label(text).map(|(_, v)| v);
    let parsed = if known.is_some() {
        None
    } else {
        parse_label(text, LabelOptions::default()).or_else(|| {
            // "5    Legal implications": a bare section number set off by a
            // gap, before a short title.
            let bare = LabelOptions {
                bare_integer: true,
                ..LabelOptions::default()
            };
            // A figure alone on its line over a row of columns is a cell
            // wrapped in a table ("Buckley Bistre West" / "3" / "Total  308").
            let over_row = || {
                lines
                    .get(i + 1..)
                    .and_then(|ls| ls.iter().find(|l| !l.is_blank()))
                    .is_some_and(|l| l.text().trim().contains("   "))
            };
            parse_label(text, bare).filter(|(_, rest)| {
                // Or a paragraph of its own set off by a wide gap ("3   When
                // should the review be carried out …"), where no column gap
                // follows to make it a row of figures.
                let gapped = text
                    .trim_start()
                    .trim_start_matches(|c: char| c.is_ascii_digit())
                    .starts_with("   ")
                    && !rest.contains("   ")
                    && rest.starts_with(char::is_uppercase);
                ((rest.split_whitespace().count() <= 8 && !rest.ends_with('.')) || gapped)
                    && !(rest.is_empty() && over_row())
            })
        })
    };
    let glyph = parsed
        .as_ref()
        .filter(|(l, _)| l.is_bullet())
        .and_then(|_| text.chars().next());
    let (label, mut acc) = match parsed {
        Some((l, rest)) => (Some(l), rest.to_string()),
        None => (None, text.to_string()),
    };
    let mut notes_found = Vec::new();
    let mut last = i;
    let mut count = 1;
    loop {
        let j = last + 1;
        let Some(next) = lines.get(j) else { break };
        // A number set on a line of its own ("1.1", then the text on the
        // next line, as some exports print it) takes the text that follows.
        let bare_label = label.is_some() && acc.is_empty() && count == 1;
        if boxes.starts(j) {
            break;
        }
        if !next.is_blank() && !next.page_break {
            // Not a label standing alone ("Meeting Name:"): a page number
            // over the front matter is furniture, not a paragraph number.
            let t = next.text().trim();
            let next_is_label = known_label(t).is_some() || lone_label(t);
            if bare_label && !starts_block(next) && !next_is_label {
                join_wrapped(&mut acc, next.text());
                last = j;
                count += 1;
                continue;
            }
            let joins = lay.wrap.is_some_and(|w| {
                let prev = lines.get(last).map_or(0, Line::width);
                // A short line right above a label/value line is that
                // block's title, not the end of this paragraph.
                // Not under a label of its own: that is its value going on
                // ("REPORT OF CABINET MEMBER: MR DAVID LEWELL, CABINET" /
                // "MEMBER FOR FINANCE AND RESOURCES" / "LEAD OFFICER: …").
                // A title in capitals wrapped over two lines is one title
                // ("… PROPOSALS: NEW WELSH-MEDIUM" / "PRIMARY SCHOOL AT
                // LLANFAIR" / "PORTFOLIO: …").
                let titles_block = next.width() * 10 < w * 6
                    && known.is_none()
                    && !(in_capitals(&acc) && in_capitals(next.text()))
                    // Nor is a line in lower case or a finished sentence
                    // ("… to take all steps" / "needed to implement the
                    // proposal." / "SENIOR RESPONSIBLE OFFICER   …").
                    && !next.text().starts_with(char::is_lowercase)
                    && !ends_sentence(next.text())
                    && lines
                        .get(j + 1)
                        .is_some_and(|l| known_label(l.text()).is_some_and(|(_, v)| v));
                // "Report of: Strategic Director (Neighbourhoods)" /
                // "Summary": a short heading under a label's value that
                // stopped well short of the wrap is no more of the value.
                // Only a label and its value set one space apart, and a
                // next line at the label's own indent: a value column's
                // wrap is measured against the column, not the page.
                let nt = next.text();
                let first_line = lines.get(i);
                let value_ended = known == Some(true)
                    && count == 1
                    && first_line.is_some_and(|l| l.indent == next.indent && !l.text().contains("  "))
                    && nt.starts_with(char::is_uppercase)
                    // Capitals are wider: a line of them wraps early.
                    && !in_capitals(nt)
                    && nt.split_whitespace().count() <= 5
                    && !nt.ends_with(['.', ',', ';'])
                    && prev * 4 < w * 3
                    && prev + 1 + first_word_len(nt) <= w;
                // "… recommendations to this" / "Committee:": a bare label
                // that finishes a phrase left open; "… recommendations 1
                // and" / "2.": a number that finishes one.
                let finishes_phrase = (ends_mid_phrase(&acc)
                    && known_label(nt).is_some_and(|(_, value)| !value))
                    || number_finishes(&acc, nt);
                (!starts_block(next)
                    || finishes_phrase
                    || (ends_with_reference(&acc) && known_label(next.text()).is_none())
                    || dash_continues(&acc, prev, w, next)
                    || phone_goes_on(&acc, next.text()))
                    && !titles_block
                    && !value_ended
                    && !answered_by_boxes(&acc)
                    && !bare_number_starts(&acc, nt)
                    && !heading_after_sentence(&acc, nt, lines.get(j + 1))
                    && !new_resolution(&acc, next.text())
                    && !is_bare_url(next.text())
                    && !opens_wrapped_label(nt, lines.get(j + 1))
                    && !over_date_line(&acc, nt, lines.get(j + 1))
                    && (prev * 100 >= w * 55 || acc.ends_with(['-', '–', '—']) || ends_mid_phrase(&acc))
            });
            // A template heading that recurs through the document stands
            // alone, whatever the line widths say (its last word may wrap).
            let breaks_title =
                (count == 1 && is_rep(i) && next.text().split_whitespace().count() > 2)
                    || is_rep(j);
            if joins && !breaks_title {
                join_wrapped(&mut acc, next.text());
                last = j;
                count += 1;
                continue;
            }
            break;
        }
        // Across blank lines: a paragraph that a page break (or a stray
        // blank line) cut in two.
        if ends_sentence(&acc) || (label.is_some() && acc.is_empty() && !bare_label) {
            break;
        }
        let mut pending = Vec::new();
        let Some(k) = next_content(lines, j, &mut pending) else {
            break;
        };
        let nl = match lines.get(k) {
            Some(l) => l,
            None => break,
        };
        let nt = nl.text();
        if starts_block(nl)
            || flat::starts_here(lines, k)
            || boxes.starts(k)
            || is_rep(k)
            || (count == 1 && is_rep(i))
        {
            break;
        }
        let lower = nt.starts_with(|c: char| c.is_lowercase());
        // Two blank lines or more part paragraphs, unless a page break
        // lies between or the text goes on in lower case or digits.
        let paged = lines
            .get(last + 1..=k)
            .is_some_and(|ls| ls.iter().any(|l| l.page_break));
        // (Not a number that opens a paragraph of its own: "3   When …".)
        let goes_on = nt.starts_with(char::is_lowercase)
            || (nt.starts_with(|c: char| c.is_ascii_digit()) && !opens_bare_number(nt));
        let apart = k - last > 2 && !paged && !goes_on;
        let joins = match lay.wrap {
            _ if bare_label => k - last <= 2,
            Some(w) => {
                let prev = lines.get(last).map_or(0, Line::width);
                prev * 10 >= w * 6 && !heading_like(lines, k, w) && k - last <= 12 && !apart
            }
            None => lower && k - last <= 4,
        };
        if !joins {
            break;
        }
        notes_found.extend(pending);
        join_wrapped(&mut acc, nt);
        last = k;
        count += 1;
    }
    // In text with no blank lines between paragraphs, a short line set
    // between a finished sentence and the next block stands apart as if
    // blank lines framed it ("… at the start of the season." /
    // "Conclusions" / "3.1 The draft plan …").
    let framed = lay.tight
        && count == 1
        && label.is_none()
        // A form's answer is no heading.
        && !matches!(acc.to_lowercase().as_str(), "yes" | "no" | "n/a" | "none")
        && i.checked_sub(1)
            .and_then(|k| lines.get(k))
            .is_some_and(|prev| {
                // Between two lists ("• Appendix A – Scheme plan" /
                // "Background papers" / "• None") as after a sentence.
                let between_lists = starts_block(prev) && lines.get(i + 1).is_some_and(starts_block);
                let next = lines.get(i + 1);
                !prev.is_blank()
                    && ((between_lists && heading_shape(&acc, next))
                        || heading_after_sentence(prev.text(), &acc, next))
            });
    // A short heading with a blank line above and its text right under it
    // ("" / "Purpose of the report" / "To update the Committee on …"), as
    // `pdftotext -layout` prints a heading set close to its paragraph.
    let above_blank =
        i == 0 || blank_at(lines, i - 1) || lines.get(i).is_some_and(|l| l.page_break);
    let heads_text = lay.wrap.is_some_and(|w| {
        count == 1
            && label.is_none()
            && above_blank
            && !matches!(acc.to_lowercase().as_str(), "yes" | "no" | "n/a" | "none")
            && heading_shape(&acc, lines.get(i + 1))
            && lines.get(i + 1).is_some_and(|n| {
                let t = n.text();
                // A name over a job title is a signature or a contact.
                let job = opens_job_title(t);
                !n.is_blank()
                    && !n.page_break
                    && !job
                    // Set at its text's own margin, not in a table cell
                    // (a list under it may be indented).
                    && (starts_block(n)
                        || lines.get(i).is_some_and(|h| h.indent.abs_diff(n.indent) <= 1))
                    && (t.starts_with(char::is_uppercase)
                        || starts_block(n)
                        || opens_bare_number(t))
                    && (n.width() * 2 >= w
                        || t.ends_with(':')
                        || starts_block(n)
                        || (ends_sentence(t) && blank_at(lines, i + 2)))
            })
    });
    // A line in capitals between a finished sentence (or a blank line)
    // and the text it heads ("… at its centre." / "RECOMMENDATIONS" /
    // "That the cabinet:"), in any text.
    let capitals = count == 1
        && label.is_none()
        && acc.chars().filter(|c| c.is_alphabetic()).count() >= 6
        // "FOR DECISION", "FOR GENERAL RELEASE": what the item is for.
        && !acc.starts_with("FOR ")
        && (1..=8).contains(&acc.split_whitespace().count())
        && !acc.chars().any(char::is_lowercase)
        && !acc.ends_with(['.', ',', ';', ':'])
        && i.checked_sub(1)
            .and_then(|k| lines.get(k))
            .is_some_and(|prev| prev.is_blank() || ends_sentence(prev.text()))
        && lines.get(i + 1).is_some_and(|n| {
            !n.is_blank()
                && !opens_job_title(n.text())
                && (n.text().starts_with(char::is_uppercase) || starts_block(n))
        });
    // A question heading wrapped onto a second line ("How does this
    // proposal impact the three pillars of the Best City" / "Ambition?"),
    // after a finished sentence or a blank line, over text that starts
    // afresh.
    let wrapped_question = lay.wrap.is_some()
        && count == 2
        && label.is_none()
        && acc.ends_with('?')
        && (1..=16).contains(&acc.split_whitespace().count())
        && crate::text::opens_question(&acc)
        && (above_blank
            || i.checked_sub(1)
                .and_then(|k| lines.get(k))
                .is_some_and(|prev| ends_sentence(prev.text())));
    let framed = framed || heads_text || capitals || wrapped_question;
    let blank_before = i == 0
        || framed
        || blank_at(lines, i - 1)
        || is_artefact(lines, i - 1)
        || lines.get(i).is_some_and(|l| l.page_break);
    let blank_after = framed
        || lines.get(last + 1).is_none_or(|l| {
            l.is_blank() || l.page_break || starts_block(l) || opens_bare_number(l.text())
        });
    let p = ParaProto {
        line: lines.get(i).map_or(0, |l| l.no),
        text: acc,
        label,
        glyph,
        indent: lines.get(i).map_or(0, |l| l.indent),
        line_count: count,
        blank_before,
        blank_after,
        force_heading: (lines.get(i).is_some_and(|l| l.toc) && count == 1) || wrapped_question,
        style: Style::default(),
        known_label: known,
    };
    (p, notes_found, last + 1)
}

/// Turns a raw paragraph into finished proto-paragraphs: markup resolved,
/// HTML list items split off as bullet paragraphs.
fn finish_para(mut p: ParaProto, doc: &mut Document, out: &mut Vec<Proto>) {
    let pieces = if html::has_html(&p.text) {
        html::to_lines(&p.text)
    } else {
        vec![std::mem::take(&mut p.text)]
    };
    for (k, piece) in pieces.into_iter().enumerate() {
        let (body, bullet) = match piece.strip_prefix("• ") {
            Some(b) if k > 0 || p.label.is_none() => (b.to_string(), true),
            _ => (piece, false),
        };
        let r = inline::resolve(&body);
        doc.links.extend(r.links);
        let mut q = p.clone();
        q.text = normalize(&r.text);
        q.style = r.style;
        if k > 0 {
            q.blank_before = false;
            q.line_count = 1;
        }
        if bullet {
            q.label = parse_label("• x", LabelOptions::default()).map(|(l, _)| l);
            q.glyph = Some('•');
            if k > 0 {
                q.indent = p.indent + 1;
            }
        }
        if !q.text.is_empty() || q.label.is_some() {
            out.push(Proto::Para(q));
        }
    }
}

fn push_note(n: Note, lines: &[Line], out: &mut Vec<Proto>) {
    let line = lines.get(n.start).map_or(0, |l| l.no);
    out.push(Proto::Note(line, n.mark, normalize(&n.text)));
}

/// A table parser: lines, start, links found → table, end.
type TableParser = fn(&[Line], usize, &mut Vec<crate::document::Link>) -> (ProtoTable, usize);

/// Reads a table at `i` with `parse`, then merges any continuation that a
/// page break separated from it.
fn read_table(
    lines: &[Line],
    i: usize,
    doc: &mut Document,
    parse: TableParser,
    is_start: fn(&Line) -> bool,
) -> (ProtoTable, usize) {
    let (mut table, mut end) = parse(lines, i, &mut doc.links);
    loop {
        let mut k = end;
        while k < end + 6
            && lines
                .get(k)
                .is_some_and(|l| l.is_blank() || is_artefact(lines, k))
        {
            k += 1;
        }
        if k == end || !lines.get(k).is_some_and(is_start) {
            break;
        }
        let mut scratch = Vec::new();
        let (next, next_end) = parse(lines, k, &mut scratch);
        let empty_header = next.empty_header;
        match tables::merge_split(&mut table, next, empty_header) {
            Ok(()) => {
                doc.links.extend(scratch);
                let line = lines.get(k).map(|l| crate::document::Loc::line(l.no));
                doc.warn(
                    "table-split-merged",
                    "a table continued after a page break was merged into one",
                    line,
                );
                end = next_end;
            }
            Err(_) => break,
        }
    }
    (table, end)
}

/// Short title-like lines that recur three times or more: the headings of a
/// repeated template (one set per partnership profile).
fn repeated_lines(lines: &[Line]) -> HashSet<String> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for l in lines {
        let t = l.text();
        let words = t.split_whitespace().count();
        if (3..=16).contains(&words)
            && t.starts_with(|c: char| c.is_uppercase())
            && parse_label(t, LabelOptions::default()).is_none()
            && known_label(t).is_none()
            && !l.raw.starts_with('\t')
            && !is_pipe_line(t)
            && !t
                .split_whitespace()
                .any(|w| w.trim_end_matches(['.', ',', ';', ':']).contains('.'))
        {
            *counts.entry(normalize(t)).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .filter(|(_, n)| *n >= 3)
        .map(|(t, _)| t)
        .collect()
}

/// The first pass over all lines.
pub fn collect(lines: &[Line], doc: &mut Document) -> (Vec<Proto>, Layout) {
    let lay = layout(lines);
    let repeated = repeated_lines(lines);
    let boxes = label_rows::find(lines);
    let mut out: Vec<Proto> = Vec::new();
    let mut previous_flat_header: Option<Vec<String>> = None;
    let mut i = 0;
    while let Some(line) = lines.get(i) {
        if line.page_break && !out.is_empty() {
            out.push(Proto::PageBreak(line.no));
        }
        if line.is_blank() || is_rule(line) {
            i += 1;
            continue;
        }
        if let Some(n) = notes::read(lines, i) {
            let end = n.end.max(i + 1);
            push_note(n, lines, &mut out);
            i = end;
            continue;
        }
        if is_artefact(lines, i) {
            i += 1;
            continue;
        }
        let text = line.text();
        if is_pipe_line(text) {
            let (t, end) = read_table(lines, i, doc, tables::parse_pipe, |l| {
                is_pipe_line(l.text())
            });
            out.push(Proto::Table(line.no, t));
            i = end.max(i + 1);
            continue;
        }
        if is_tab_row_line(&line.raw) {
            let (t, end) = read_table(lines, i, doc, tables::parse_tab_rows, |l| {
                is_tab_row_line(&l.raw)
            });
            out.push(Proto::Table(line.no, t));
            i = end.max(i + 1);
            continue;
        }
        if is_tab_cell_line(&line.raw) {
            let (t, end) = tables::parse_tab_cells(lines, i, &mut doc.links);
            out.push(Proto::Table(line.no, t));
            i = end.max(i + 1);
            continue;
        }
        if let Some((t, end)) = boxes.at(i) {
            out.push(Proto::Table(line.no, t));
            i = end.max(i + 1);
            continue;
        }
        if let Some((t, end)) = columns::read(lines, i) {
            out.push(Proto::Table(line.no, t));
            i = end.max(i + 1);
            continue;
        }
        if let Some((t, end)) = figures::read(lines, i) {
            out.push(Proto::Table(line.no, t));
            i = end.max(i + 1);
            continue;
        }
        if flat::starts_here(lines, i) {
            if let Some(f) = flat::read(lines, i, previous_flat_header.as_deref(), &mut doc.links) {
                if let Some(Proto::Para(p)) = out.last_mut() {
                    if p.label.is_none()
                        && p.line_count == 1
                        && p.text.split_whitespace().count() <= 10
                    {
                        p.force_heading = true;
                    }
                }
                if f.inferred_column {
                    doc.warn(
                        "table-column-inferred",
                        "a flattened table lost a column header; the column was inferred from the cells",
                        Some(crate::document::Loc::line(line.no)),
                    );
                }
                previous_flat_header = f.table.rows.first().cloned();
                out.push(Proto::Table(line.no, f.table));
                i = f.end.max(i + 1);
                continue;
            }
        }
        let (p, found, end) = read_para(lines, i, lay, &repeated, &boxes);
        finish_para(p, doc, &mut out);
        for n in found {
            push_note(n, lines, &mut out);
        }
        i = end.max(i + 1);
    }
    (out, lay)
}
