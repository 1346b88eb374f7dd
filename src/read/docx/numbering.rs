//! `numbering.xml`: turning a paragraph's `numId`/`ilvl` into the label Word
//! prints in front of it.
//!
//! Counters follow Word: they belong to the abstract numbering, so two
//! `w:num` instances of one abstract continue each other, and an instance
//! with a `startOverride` restarts the overridden levels when it is first
//! used. Using a level resets the deeper levels (unless their `lvlRestart`
//! says otherwise).

use std::collections::{HashMap, HashSet};

use super::styles::Styles;
use super::xml::Element;
use crate::document::{Label, LabelKind};
use crate::text::label::format_counter;

const LEVELS: usize = 9;

/// The highest counter value printed: letters repeat (`zz`, `aaa`), so an
/// unbounded counter would print an unbounded label.
const MAX_COUNTER: u32 = 100_000;

/// A level's number format (`w:numFmt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fmt {
    Decimal,
    DecimalZero,
    Counter(LabelKind),
    Bullet,
    None,
}

impl Fmt {
    fn parse(s: &str) -> Fmt {
        match s {
            "decimalZero" => Fmt::DecimalZero,
            "lowerLetter" => Fmt::Counter(LabelKind::LowerAlpha),
            "upperLetter" => Fmt::Counter(LabelKind::UpperAlpha),
            "lowerRoman" => Fmt::Counter(LabelKind::LowerRoman),
            "upperRoman" => Fmt::Counter(LabelKind::UpperRoman),
            "bullet" => Fmt::Bullet,
            "none" => Fmt::None,
            // decimal, and the exotic formats (ordinal, cardinalText, …)
            // which we print as plain numbers.
            _ => Fmt::Decimal,
        }
    }

    fn format(self, n: u32) -> String {
        match self {
            Fmt::Decimal | Fmt::Bullet => n.to_string(),
            // The level's own number is not printed; its literal text is.
            Fmt::None => String::new(),
            Fmt::DecimalZero => format!("{n:02}"),
            Fmt::Counter(kind) => bounded_counter(n, kind),
        }
    }

    fn kind(self) -> LabelKind {
        match self {
            Fmt::Counter(kind) => kind,
            Fmt::Bullet => LabelKind::Bullet,
            _ => LabelKind::Decimal,
        }
    }
}

#[derive(Debug, Clone)]
struct Level {
    start: u32,
    fmt: Fmt,
    text: String,
    /// `w:lvlRestart`: 0 = never restart; n = restart when a level of
    /// 1-based index below n is used. `None`: restart after any higher level.
    restart: Option<u32>,
    is_lgl: bool,
    pstyle: Option<String>,
}

impl Level {
    fn from_element(lvl: Element<'_>) -> Level {
        Level {
            // Word writes `w:start` always; other producers that leave it
            // out mean the usual first number.
            start: lvl.child_val("start").and_then(parse_start).unwrap_or(1),
            fmt: Fmt::parse(lvl.child_val("numFmt").unwrap_or("decimal")),
            text: lvl.child_val("lvlText").unwrap_or("").to_string(),
            restart: lvl
                .child_val("lvlRestart")
                .and_then(|v| v.trim().parse().ok()),
            is_lgl: lvl.child("isLgl").is_some_and(Element::is_on),
            pstyle: lvl.child_val("pStyle").map(str::to_string),
        }
    }
}

/// Formats `n` in a `w:numFmt` (as footnote marks use): `decimal`,
/// letters, romans, and `chicago` (*, †, ‡, §, doubled past four).
pub fn format_number(fmt: &str, n: u32) -> String {
    if fmt == "chicago" {
        const MARKS: [char; 4] = ['*', '†', '‡', '§'];
        let n = n.clamp(1, 400) - 1;
        let mark = MARKS.get((n % 4) as usize).copied().unwrap_or('*');
        return std::iter::repeat_n(mark, (n / 4 + 1) as usize).collect();
    }
    Fmt::parse(fmt).format(n.min(MAX_COUNTER))
}

/// Letters repeat (27 is `aa`) and roman numerals lengthen with the value, so
/// a long list, or a hostile `w:start`, would print ever longer labels: output
/// quadratic in the input (a 2 KB docx once took minutes and gigabytes).
/// Past these bounds, which no real list reaches, the value is printed in
/// decimal.
const MAX_LETTER_REPEAT: u32 = 10;
const MAX_ROMAN: u32 = 3999;

/// The longest label printed, in bytes: `lvlText` may repeat `%1` thousands of
/// times, multiplying every label; Word's own labels are a few characters.
const MAX_LABEL_BYTES: usize = 256;

/// `n` in `kind` (letters, roman numerals), or in decimal past the bounds above.
fn bounded_counter(n: u32, kind: LabelKind) -> String {
    let fits = match kind {
        LabelKind::LowerAlpha | LabelKind::UpperAlpha => n <= 26 * MAX_LETTER_REPEAT,
        LabelKind::LowerRoman | LabelKind::UpperRoman => n <= MAX_ROMAN,
        LabelKind::Decimal | LabelKind::Bullet => true,
    };
    if fits {
        format_counter(n, kind)
    } else {
        n.to_string()
    }
}

/// A start value, capped where Word caps it (32767), so that a hostile value
/// cannot make a letter counter print millions of letters.
fn parse_start(v: &str) -> Option<u32> {
    v.trim().parse::<u32>().ok().map(|n| n.min(32_767))
}

#[derive(Debug, Clone, Default)]
struct Abstract {
    levels: Vec<Option<Level>>,
    num_style_link: Option<String>,
}

fn levels_of(el: Element<'_>) -> Vec<Option<Level>> {
    let mut levels: Vec<Option<Level>> = vec![None; LEVELS];
    for lvl in el.children_named("lvl") {
        let i = lvl
            .attr("ilvl")
            .and_then(|v| v.trim().parse::<usize>().ok())
            .unwrap_or(0);
        if let Some(slot) = levels.get_mut(i) {
            *slot = Some(Level::from_element(lvl));
        }
    }
    levels
}

#[derive(Debug, Clone, Default)]
struct Override {
    start: Option<u32>,
    level: Option<Level>,
}

#[derive(Debug, Clone, Default)]
struct Num {
    abstract_id: String,
    overrides: HashMap<usize, Override>,
}

/// The numbering definitions of a document.
#[derive(Debug, Clone, Default)]
pub struct Numbering {
    abstracts: HashMap<String, Abstract>,
    nums: HashMap<String, Num>,
}

/// Running counters while the document is read in order.
#[derive(Debug, Clone, Default)]
pub struct Counters {
    by_abstract: HashMap<String, [Option<u32>; LEVELS]>,
    started: HashSet<String>,
}

impl Numbering {
    /// Reads `numbering.xml`.
    pub fn from_element(root: Element<'_>) -> Numbering {
        let mut n = Numbering::default();
        for a in root.children_named("abstractNum") {
            let Some(id) = a.attr("abstractNumId") else {
                continue;
            };
            n.abstracts.insert(
                id.to_string(),
                Abstract {
                    levels: levels_of(a),
                    num_style_link: a.child_val("numStyleLink").map(str::to_string),
                },
            );
        }
        for num in root.children_named("num") {
            let (Some(id), Some(abs)) = (num.attr("numId"), num.child_val("abstractNumId")) else {
                continue;
            };
            let mut overrides = HashMap::new();
            for o in num.children_named("lvlOverride") {
                let Some(i) = o.attr("ilvl").and_then(|v| v.trim().parse::<usize>().ok()) else {
                    continue;
                };
                if i >= LEVELS {
                    continue;
                }
                overrides.insert(
                    i,
                    Override {
                        start: o.child_val("startOverride").and_then(parse_start),
                        level: o.child("lvl").map(Level::from_element),
                    },
                );
            }
            n.nums.insert(
                id.to_string(),
                Num {
                    abstract_id: abs.to_string(),
                    overrides,
                },
            );
        }
        n
    }

    /// The abstract numbering behind a `numId`, following `numStyleLink`
    /// through the numbering style it names.
    fn abstract_of(&self, num_id: &str, styles: &Styles) -> Option<(&str, &Abstract)> {
        let mut abs_id = self.nums.get(num_id)?.abstract_id.as_str();
        for _ in 0..4 {
            let abs = self.abstracts.get(abs_id)?;
            let linked = abs
                .num_style_link
                .as_deref()
                .and_then(|style| styles.numbering(style))
                .and_then(|r| r.num_id)
                .and_then(|id| self.nums.get(&id))
                .map(|n| n.abstract_id.as_str());
            match linked {
                Some(next) if next != abs_id && abs.levels.iter().all(Option::is_none) => {
                    abs_id = next;
                }
                _ => return Some((abs_id, abs)),
            }
        }
        None
    }

    /// The level of `num_id` attached to paragraph style `style` (`w:pStyle`
    /// inside a `w:lvl`), as outline-numbered headings use.
    pub fn level_for_style(&self, num_id: &str, style: &str, styles: &Styles) -> Option<u8> {
        let (_, abs) = self.abstract_of(num_id, styles)?;
        abs.levels
            .iter()
            .position(|l| l.as_ref().and_then(|l| l.pstyle.as_deref()) == Some(style))
            .and_then(|i| u8::try_from(i).ok())
    }

    fn level<'a>(&'a self, num: &'a Num, abs: &'a Abstract, i: usize) -> Option<&'a Level> {
        num.overrides
            .get(&i)
            .and_then(|o| o.level.as_ref())
            .or_else(|| abs.levels.get(i).and_then(Option::as_ref))
    }

    /// Whether `num_id` is defined (a `w:num` with its abstract numbering).
    pub fn defines(&self, num_id: &str, styles: &Styles) -> bool {
        self.abstract_of(num_id, styles).is_some()
    }

    /// Advances the counters for a paragraph numbered `num_id` at `ilvl` and
    /// returns the label it shows, or `None` when the number is unknown or
    /// prints nothing.
    pub fn next_label(
        &self,
        counters: &mut Counters,
        num_id: &str,
        ilvl: u8,
        styles: &Styles,
    ) -> Option<Label> {
        let num = self.nums.get(num_id)?;
        let (abs_id, abs) = self.abstract_of(num_id, styles)?;
        let ilvl = usize::from(ilvl).min(LEVELS - 1);
        let level = self.level(num, abs, ilvl)?;
        let state = counters
            .by_abstract
            .entry(abs_id.to_string())
            .or_insert([None; LEVELS]);
        let start_of = |i: usize| -> u32 {
            num.overrides
                .get(&i)
                .and_then(|o| o.start)
                .or_else(|| self.level(num, abs, i).map(|l| l.start))
                .unwrap_or(1)
        };
        if counters.started.insert(num_id.to_string()) {
            for i in num
                .overrides
                .iter()
                .filter(|(_, o)| o.start.is_some())
                .map(|(i, _)| *i)
            {
                if let Some(slot) = state.get_mut(i) {
                    *slot = None;
                }
            }
        }
        let value = match state.get(ilvl).copied().flatten() {
            Some(v) => v.saturating_add(1).min(MAX_COUNTER),
            None => start_of(ilvl),
        };
        if let Some(slot) = state.get_mut(ilvl) {
            *slot = Some(value);
        }
        for deeper in ilvl + 1..LEVELS {
            let restart = self.level(num, abs, deeper).and_then(|l| l.restart);
            // lvlRestart n: restart when a level of 1-based index < n is used.
            let resets = match restart {
                None => true,
                Some(0) => false,
                Some(n) => (ilvl as u32) < n,
            };
            if resets {
                if let Some(slot) = state.get_mut(deeper) {
                    *slot = None;
                }
            }
        }
        if level.fmt == Fmt::Bullet {
            // A bullet level that prints nothing (pandoc's list-continuation
            // paragraphs) is no bullet.
            if level.text.trim().is_empty() {
                return None;
            }
            return Some(Label {
                printed: "•".to_string(),
                kind: LabelKind::Bullet,
                value: "•".to_string(),
            });
        }
        let mut printed = String::new();
        let mut chars = level.text.chars().peekable();
        while let Some(c) = chars.next() {
            if printed.len() > MAX_LABEL_BYTES {
                break;
            }
            let digit = chars.peek().and_then(|d| d.to_digit(10));
            match (c, digit) {
                ('%', Some(d @ 1..=9)) => {
                    chars.next();
                    let i = (d - 1) as usize;
                    if i > ilvl {
                        continue;
                    }
                    let n = state
                        .get(i)
                        .copied()
                        .flatten()
                        .unwrap_or_else(|| start_of(i));
                    let fmt = if level.is_lgl {
                        Fmt::Decimal
                    } else {
                        self.level(num, abs, i).map_or(Fmt::Decimal, |l| l.fmt)
                    };
                    printed.push_str(&fmt.format(n));
                }
                _ => printed.push(c),
            }
        }
        let printed = crate::text::normalize(&printed);
        if printed.is_empty() {
            return None;
        }
        let value = printed
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_string();
        if value.is_empty() {
            // A label with no counter in it ("–" with numFmt none) reads as
            // a bullet.
            return Some(Label {
                printed: "•".to_string(),
                kind: LabelKind::Bullet,
                value: "•".to_string(),
            });
        }
        let kind = if level.is_lgl || value.contains('.') {
            LabelKind::Decimal
        } else {
            level.fmt.kind()
        };
        Some(Label {
            printed,
            kind,
            value,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::docx::xml::parse;

    fn numbering(xml: &str) -> Numbering {
        Numbering::from_element(
            parse(xml.as_bytes(), "word/numbering.xml", 30)
                .unwrap()
                .root(),
        )
    }

    fn lvl(i: u8, fmt: &str, text: &str, extra: &str) -> String {
        format!(
            r#"<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>{extra}</w:lvl>"#
        )
    }

    fn printed(n: &Numbering, c: &mut Counters, num: &str, ilvl: u8) -> String {
        n.next_label(c, num, ilvl, &Styles::default())
            .map(|l| l.printed)
            .unwrap_or_default()
    }

    #[test]
    fn multi_level_legal_and_overrides() {
        let xml = format!(
            r#"<w:numbering xmlns:w="w">
              <w:abstractNum w:abstractNumId="0">{}{}{}</w:abstractNum>
              <w:abstractNum w:abstractNumId="1">{}</w:abstractNum>
              <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
              <w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>
              <w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
              <w:num w:numId="4"><w:abstractNumId w:val="1"/></w:num>
            </w:numbering>"#,
            lvl(0, "decimal", "%1.", ""),
            lvl(1, "lowerLetter", "%1.%2", "<w:isLgl/>"),
            lvl(2, "lowerRoman", "(%3)", ""),
            lvl(0, "bullet", "\u{F0B7}", ""),
        );
        let n = numbering(&xml);
        let mut c = Counters::default();
        assert_eq!(printed(&n, &mut c, "1", 0), "1.");
        assert_eq!(printed(&n, &mut c, "1", 1), "1.1");
        assert_eq!(printed(&n, &mut c, "1", 1), "1.2");
        assert_eq!(printed(&n, &mut c, "1", 2), "(i)");
        assert_eq!(printed(&n, &mut c, "1", 2), "(ii)");
        assert_eq!(printed(&n, &mut c, "1", 0), "2.");
        assert_eq!(printed(&n, &mut c, "1", 1), "2.1");
        // A second instance of the same abstract continues it.
        assert_eq!(printed(&n, &mut c, "2", 0), "3.");
        // An instance with a startOverride restarts it.
        assert_eq!(printed(&n, &mut c, "3", 0), "5.");
        assert_eq!(printed(&n, &mut c, "3", 0), "6.");
        let bullet = n.next_label(&mut c, "4", 0, &Styles::default()).unwrap();
        assert_eq!(
            (bullet.printed.as_str(), bullet.kind),
            ("•", LabelKind::Bullet)
        );
        assert!(n.next_label(&mut c, "99", 0, &Styles::default()).is_none());
    }

    #[test]
    fn labels_stay_short_whatever_the_counter_and_lvl_text() {
        // Letters and roman numerals within the bounds print as Word does.
        assert_eq!(bounded_counter(27, LabelKind::LowerAlpha), "aa");
        assert_eq!(bounded_counter(3999, LabelKind::UpperRoman), "MMMCMXCIX");
        // Past them, decimal: letters for 32,767 would be 1,261 letters long.
        assert_eq!(bounded_counter(32_767, LabelKind::LowerAlpha), "32767");
        assert_eq!(bounded_counter(100_000, LabelKind::LowerRoman), "100000");
        // A level text repeating %1 is cut, not multiplied.
        let xml = format!(
            r#"<w:numbering xmlns:w="w"><w:abstractNum w:abstractNumId="0">{}</w:abstractNum>
              <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#,
            lvl(0, "lowerLetter", &"%1".repeat(5000), ""),
        );
        let n = numbering(&xml);
        let mut c = Counters::default();
        for _ in 0..1000 {
            let label = printed(&n, &mut c, "1", 0);
            assert!(label.len() <= MAX_LABEL_BYTES + 16, "{}", label.len());
        }
    }

    #[test]
    fn label_value_and_kind() {
        let xml = format!(
            r#"<w:numbering xmlns:w="w"><w:abstractNum w:abstractNumId="0">{}{}</w:abstractNum>
              <w:num w:numId="1"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"><w:start w:val="6"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1)"/></w:lvl></w:lvlOverride></w:num></w:numbering>"#,
            lvl(0, "upperRoman", "%1.", ""),
            lvl(1, "lowerLetter", "%2)", "<w:lvlRestart w:val=\"0\"/>"),
        );
        let n = numbering(&xml);
        let mut c = Counters::default();
        let l = n.next_label(&mut c, "1", 0, &Styles::default()).unwrap();
        assert_eq!(
            (l.printed.as_str(), l.value.as_str(), l.kind),
            ("6)", "6", LabelKind::Decimal)
        );
        let l = n.next_label(&mut c, "1", 1, &Styles::default()).unwrap();
        assert_eq!(
            (l.printed.as_str(), l.value.as_str(), l.kind),
            ("a)", "a", LabelKind::LowerAlpha)
        );
        n.next_label(&mut c, "1", 0, &Styles::default());
        // lvlRestart 0: the lettered level does not restart.
        assert_eq!(printed(&n, &mut c, "1", 1), "b)");
    }

    #[test]
    fn format_none_prints_only_literal_text() {
        let xml = format!(
            r#"<w:numbering xmlns:w="w"><w:abstractNum w:abstractNumId="0">{}{}{}</w:abstractNum>
              <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#,
            lvl(0, "none", "", ""),
            lvl(1, "none", "–", ""),
            lvl(2, "none", "Note %3:", ""),
        );
        let n = numbering(&xml);
        let mut c = Counters::default();
        assert!(n.next_label(&mut c, "1", 0, &Styles::default()).is_none());
        assert_eq!(printed(&n, &mut c, "1", 1), "•");
        assert_eq!(printed(&n, &mut c, "1", 2), "Note :");
    }
}
