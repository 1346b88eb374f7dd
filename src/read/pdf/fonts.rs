//! Fonts: how a shown string's bytes split into codes, what text each code
//! stands for, and how wide it is.

use lopdf::{Dictionary, Document, Object};

use super::cmap::{CodeRange, ToUnicode};
use super::encoding::{standard_ligature, BaseEncoding};
use super::glyphlist::{glyph_to_char, glyph_to_unicode};
use super::obj::{
    as_dict, get, get_array, get_dict, get_name, get_num, get_stream, num, stream_bytes,
};

/// A font ready for decoding shown strings.
#[derive(Debug, Clone, Default)]
pub struct Font {
    /// The base font name, without a subset prefix.
    pub name: String,
    /// Bold by name, weight or flags.
    pub bold: bool,
    /// Italic by name, angle or flags.
    pub italic: bool,
    /// Whether no code of the font can be mapped to Unicode.
    pub unmapped: bool,
    composite: bool,
    codespace: Vec<CodeRange>,
    to_unicode: Option<ToUnicode>,
    /// Text per code of a simple font (empty: unknown).
    simple_text: Vec<String>,
    /// Widths per code of a simple font, in text space units.
    simple_widths: Vec<f32>,
    cid_widths: super::cmap::CodeMap<f32>,
    default_width: f32,
}

/// One code of a shown string.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Code {
    /// The code value.
    pub code: u32,
    /// How many bytes it took.
    pub len: u8,
    /// Horizontal displacement in text space (glyph width / 1000 for most fonts).
    pub width: f32,
}

impl Font {
    /// Loads a font dictionary. `max_part` bounds the ToUnicode stream.
    pub fn load(doc: &Document, dict: &Dictionary, max_part: u64) -> Font {
        let subtype = get_name(doc, dict, b"Subtype").unwrap_or_default();
        let base = get_name(doc, dict, b"BaseFont").unwrap_or_default();
        let raw_name = String::from_utf8_lossy(base);
        // "ABCDEF+Arial-BoldMT": the prefix only marks a subset.
        let name = match raw_name.split_once('+') {
            Some((p, rest)) if p.len() == 6 => rest.to_string(),
            _ => raw_name.to_string(),
        };
        let mut font = Font {
            name,
            default_width: 1.0,
            ..Font::default()
        };
        let to_unicode = get_stream(doc, dict, b"ToUnicode")
            .and_then(|s| stream_bytes(s, max_part).ok())
            .map(|b| ToUnicode::parse(&b))
            .filter(|t| !t.is_empty());
        font.to_unicode = to_unicode;

        let descriptor;
        if subtype == b"Type0" {
            font.composite = true;
            let descendant = get_array(doc, dict, b"DescendantFonts")
                .and_then(|a| a.first())
                .and_then(|o| as_dict(doc, o));
            descriptor = descendant.and_then(|d| get_dict(doc, d, b"FontDescriptor"));
            if let Some(d) = descendant {
                font.load_cid_widths(doc, d);
            }
            font.codespace = font
                .to_unicode
                .as_ref()
                .map(|t| t.codespace.clone())
                .filter(|c| !c.is_empty())
                .unwrap_or_else(|| {
                    vec![CodeRange {
                        len: 2,
                        lo: 0,
                        hi: 0xFFFF,
                    }]
                });
            // A 1-byte Identity codespace in a ToUnicode CMap still means 2-byte
            // codes when the encoding is Identity-H.
            let identity = matches!(
                get_name(doc, dict, b"Encoding"),
                Some(b"Identity-H" | b"Identity-V")
            );
            if identity && font.codespace.iter().all(|c| c.len == 1) {
                font.codespace = vec![CodeRange {
                    len: 2,
                    lo: 0,
                    hi: 0xFFFF,
                }];
            }
            font.unmapped = font.to_unicode.is_none();
        } else {
            descriptor = get_dict(doc, dict, b"FontDescriptor");
            font.load_simple(doc, dict, subtype);
        }
        font.style(doc, descriptor);
        font
    }

    fn style(&mut self, doc: &Document, descriptor: Option<&Dictionary>) {
        let lower = self.name.to_ascii_lowercase();
        let mut bold = ["bold", "black", "heavy", "semibold", "demi"]
            .iter()
            .any(|w| lower.contains(w));
        let mut italic = lower.contains("italic") || lower.contains("oblique");
        if let Some(d) = descriptor {
            let flags = get_num(doc, d, b"Flags").unwrap_or(0.0) as i64;
            if flags & (1 << 18) != 0 || get_num(doc, d, b"FontWeight").unwrap_or(0.0) >= 600.0 {
                bold = true;
            }
            if flags & (1 << 6) != 0
                || get_num(doc, d, b"ItalicAngle").is_some_and(|a| a.abs() > 1.0)
            {
                italic = true;
            }
        }
        self.bold = bold;
        self.italic = italic;
    }

    fn load_cid_widths(&mut self, doc: &Document, cid_font: &Dictionary) {
        self.default_width = get_num(doc, cid_font, b"DW").unwrap_or(1000.0) / 1000.0;
        let Some(w) = get_array(doc, cid_font, b"W") else {
            return;
        };
        // [c [w1 w2 ...]] or [c_first c_last w]
        let mut i = 0;
        while let Some(first) = w.get(i).and_then(num) {
            let first = first.max(0.0) as u32;
            match w.get(i + 1).map(|o| super::obj::deref(doc, o)) {
                Some(Some(Object::Array(ws))) => {
                    for (k, wv) in ws.iter().enumerate().take(65536) {
                        if let Some(v) = num(wv) {
                            self.cid_widths.insert(first + k as u32, v / 1000.0);
                        }
                    }
                    i += 2;
                }
                Some(Some(o)) => {
                    let last = num(o).unwrap_or(0.0).max(0.0) as u32;
                    let v = w.get(i + 2).and_then(num).unwrap_or(0.0) / 1000.0;
                    for c in first..=last.min(first.saturating_add(65535)) {
                        self.cid_widths.insert(c, v);
                    }
                    i += 3;
                }
                _ => break,
            }
        }
        self.cid_widths.finish();
    }

    fn load_simple(&mut self, doc: &Document, dict: &Dictionary, subtype: &[u8]) {
        let lower = self.name.to_ascii_lowercase();
        let symbolic_name = ["symbol", "wingding", "webding", "dingbat"]
            .iter()
            .any(|w| lower.contains(w));
        let enc_obj = get(doc, dict, b"Encoding");
        let mut base = match subtype {
            b"TrueType" => BaseEncoding::WinAnsi,
            _ => BaseEncoding::Standard,
        };
        if symbolic_name {
            base = BaseEncoding::Symbol;
        }
        let mut differences: Option<&[Object]> = None;
        match enc_obj {
            Some(Object::Name(n)) => {
                if let Some(b) = BaseEncoding::from_name(n) {
                    if !symbolic_name {
                        base = b;
                    }
                }
            }
            Some(Object::Dictionary(d)) => {
                if let Some(b) = get_name(doc, d, b"BaseEncoding").and_then(BaseEncoding::from_name)
                {
                    if !symbolic_name {
                        base = b;
                    }
                }
                differences = get_array(doc, d, b"Differences");
            }
            _ => {}
        }
        let mut text: Vec<String> = (0u8..=255)
            .map(|c| {
                if base == BaseEncoding::Standard {
                    if let Some(l) = standard_ligature(c) {
                        return l.to_string();
                    }
                }
                base.char_of(c).map(String::from).unwrap_or_default()
            })
            .collect();
        if let Some(diffs) = differences {
            let mut code: usize = 0;
            for o in diffs {
                match super::obj::deref(doc, o) {
                    Some(Object::Integer(i)) => code = (*i).clamp(0, 256) as usize,
                    Some(Object::Name(n)) => {
                        let name = String::from_utf8_lossy(n);
                        let mapped = glyph_to_unicode(&name)
                            .map(str::to_string)
                            .or_else(|| glyph_to_char(&name).map(String::from));
                        if let (Some(m), Some(slot)) = (mapped, text.get_mut(code)) {
                            *slot = m;
                        }
                        code += 1;
                    }
                    _ => {}
                }
            }
        }
        self.simple_text = text;
        // Type3 glyph widths are in glyph space, scaled by the FontMatrix.
        let scale = if subtype == b"Type3" {
            get_array(doc, dict, b"FontMatrix")
                .and_then(|m| m.first())
                .and_then(num)
                .unwrap_or(0.001)
        } else {
            0.001
        };
        let mut widths = vec![f32::NAN; 256];
        if let Some(ws) = get_array(doc, dict, b"Widths") {
            let first = get_num(doc, dict, b"FirstChar").unwrap_or(0.0).max(0.0) as usize;
            for (k, w) in ws.iter().enumerate() {
                if let (Some(slot), Some(v)) = (
                    widths.get_mut(first + k),
                    super::obj::deref(doc, w).and_then(num),
                ) {
                    *slot = v * scale;
                }
            }
        }
        let missing = get_dict(doc, dict, b"FontDescriptor")
            .and_then(|d| get_num(doc, d, b"MissingWidth"))
            .filter(|w| *w > 0.0)
            .map(|w| w * scale);
        for (c, w) in widths.iter_mut().enumerate() {
            if w.is_nan() {
                *w = missing.unwrap_or_else(|| standard_width(&lower, c as u8));
            }
        }
        self.simple_widths = widths;
    }

    /// Splits a shown string into codes with their widths.
    pub fn codes<'a>(&'a self, bytes: &'a [u8]) -> impl Iterator<Item = Code> + 'a {
        let mut i = 0;
        std::iter::from_fn(move || {
            let rest = bytes.get(i..).filter(|r| !r.is_empty())?;
            if !self.composite {
                i += 1;
                let c = *rest.first()?;
                return Some(Code {
                    code: u32::from(c),
                    len: 1,
                    width: self
                        .simple_widths
                        .get(usize::from(c))
                        .copied()
                        .unwrap_or(0.5),
                });
            }
            let mut len = 0u8;
            let mut code = 0u32;
            for n in 1..=4u8 {
                let Some(chunk) = rest.get(..usize::from(n)) else {
                    break;
                };
                let v = chunk.iter().fold(0u32, |a, b| (a << 8) | u32::from(*b));
                if self
                    .codespace
                    .iter()
                    .any(|r| r.len == n && (r.lo..=r.hi).contains(&v))
                {
                    len = n;
                    code = v;
                    break;
                }
            }
            if len == 0 {
                // Not in any range: take the shortest declared length.
                let n = self
                    .codespace
                    .iter()
                    .map(|r| r.len)
                    .min()
                    .unwrap_or(2)
                    .max(1);
                let chunk = rest.get(..usize::from(n)).unwrap_or(rest);
                len = chunk.len() as u8;
                code = chunk.iter().fold(0u32, |a, b| (a << 8) | u32::from(*b));
            }
            i += usize::from(len);
            let width = self
                .cid_widths
                .get(code)
                .copied()
                .unwrap_or(self.default_width);
            Some(Code { code, len, width })
        })
    }

    /// Appends the text of `code` to `out`; false when it has none.
    pub fn text(&self, code: u32, out: &mut String) -> bool {
        if let Some(t) = &self.to_unicode {
            let before = out.len();
            if t.append(code, out) {
                // Some producers map codes to U+0000 or control characters.
                if out
                    .get(before..)
                    .is_some_and(|s| s.chars().all(|c| c == '\0'))
                {
                    out.truncate(before);
                } else {
                    fix_painted(out, before);
                    return true;
                }
            }
        }
        if self.composite {
            return false;
        }
        match self.simple_text.get(code as usize) {
            Some(s) if !s.is_empty() => {
                out.push_str(s);
                true
            }
            _ => false,
        }
    }
}

/// A painted soft hyphen is a visible hyphen; a no-break space is a space.
fn fix_painted(out: &mut String, from: usize) {
    if out
        .get(from..)
        .is_some_and(|s| s.contains(['\u{00AD}', '\u{00A0}']))
    {
        let tail: String = out
            .get(from..)
            .unwrap_or_default()
            .chars()
            .map(|c| match c {
                '\u{00AD}' => '-',
                '\u{00A0}' => ' ',
                c => c,
            })
            .collect();
        out.truncate(from);
        out.push_str(&tail);
    }
}

const HELVETICA: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
    556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667,
    611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
    667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500,
    222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];

const TIMES: [u16; 95] = [
    250, 333, 408, 500, 500, 833, 778, 333, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500, 500,
    500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444, 921, 722, 667, 667, 722, 611,
    556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722,
    722, 611, 333, 278, 333, 469, 500, 333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500,
    278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,
];

/// Widths of the standard 14 fonts (approximated by their regular faces),
/// for fonts that give no /Widths.
fn standard_width(lower_name: &str, code: u8) -> f32 {
    if lower_name.contains("courier") || lower_name.contains("mono") {
        return 0.6;
    }
    let table = if lower_name.contains("times")
        || lower_name.contains("serif") && !lower_name.contains("sans")
    {
        &TIMES
    } else {
        &HELVETICA
    };
    let w = code
        .checked_sub(32)
        .and_then(|i| table.get(usize::from(i)))
        .copied()
        .unwrap_or(if std::ptr::eq(table, &TIMES) {
            500
        } else {
            556
        });
    f32::from(w) / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::dictionary;

    #[test]
    fn simple_font_with_differences_and_widths() {
        let doc = Document::new();
        let dict = dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "ABCDEF+Helvetica-Bold",
            "Encoding" => dictionary! {
                "BaseEncoding" => "WinAnsiEncoding",
                "Differences" => vec![65.into(), Object::Name(b"bullet".to_vec()), Object::Name(b"uni20AC".to_vec())],
            },
            "FirstChar" => 65, "Widths" => vec![500.into(), 700.into()],
        };
        let f = Font::load(&doc, &dict, 1 << 20);
        assert!(f.bold);
        assert_eq!(f.name, "Helvetica-Bold");
        let codes: Vec<Code> = f.codes(b"ABC").collect();
        assert_eq!(codes.len(), 3);
        assert!((codes[0].width - 0.5).abs() < 1e-6);
        assert!((codes[2].width - 0.722).abs() < 1e-6);
        let mut s = String::new();
        for c in &codes {
            f.text(c.code, &mut s);
        }
        assert_eq!(s, "•€C");
    }

    #[test]
    fn type0_without_to_unicode_is_unmapped() {
        let doc = Document::new();
        let dict = dictionary! {
            "Subtype" => "Type0", "BaseFont" => "X", "Encoding" => "Identity-H",
            "DescendantFonts" => vec![Object::Dictionary(dictionary! {
                "Subtype" => "CIDFontType2", "DW" => 1000,
                "W" => vec![3.into(), vec![250.into(), 300.into()].into(), 10.into(), 20.into(), 600.into()],
            })],
        };
        let f = Font::load(&doc, &dict, 1 << 20);
        assert!(f.unmapped);
        let codes: Vec<Code> = f.codes(&[0, 3, 0, 4, 0, 15, 0, 99]).collect();
        let w: Vec<f32> = codes.iter().map(|c| c.width).collect();
        assert_eq!(w, vec![0.25, 0.3, 0.6, 1.0]);
        let mut s = String::new();
        assert!(!f.text(3, &mut s));
    }
}
