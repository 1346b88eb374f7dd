//! ToUnicode CMaps: code space ranges, `bfchar` and `bfrange` (with
//! destination arrays), parsed with a small tokenizer of our own.

/// One code space range: codes of `len` bytes from `lo` to `hi`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CodeRange {
    /// Bytes per code.
    pub len: u8,
    /// Lowest code.
    pub lo: u32,
    /// Highest code.
    pub hi: u32,
}

/// A map from character codes to values, filled first and then sorted once
/// ([`CodeMap::finish`]): a lookup per glyph is a binary search, with no
/// hashing and no per-entry allocation of a hash table.
#[derive(Debug, Clone)]
pub struct CodeMap<V> {
    entries: Vec<(u32, V)>,
    /// For maps of small codes (most subset fonts number their glyphs from
    /// 1): the entry of each code, [`u16::MAX`] for none.
    dense: Vec<u16>,
}

impl<V> Default for CodeMap<V> {
    fn default() -> Self {
        CodeMap {
            entries: Vec::new(),
            dense: Vec::new(),
        }
    }
}

/// Codes below this get a direct index (8 KiB at most per map).
const DENSE_CODES: u32 = 4096;

impl<V> CodeMap<V> {
    /// Sets `code` to `value`; a later insert of the same code wins (once
    /// [`CodeMap::finish`] ran).
    pub fn insert(&mut self, code: u32, value: V) {
        self.entries.push((code, value));
    }

    /// Sorts the entries for lookups, keeping the last value of each code.
    pub fn finish(&mut self) {
        self.entries.sort_by_key(|e| e.0);
        self.entries.dedup_by(|later, kept| {
            if later.0 == kept.0 {
                std::mem::swap(later, kept);
                true
            } else {
                false
            }
        });
        self.dense.clear();
        let max = self.entries.last().map(|e| e.0);
        if max.is_some_and(|m| m < DENSE_CODES) {
            self.dense = vec![u16::MAX; max.map_or(0, |m| m as usize + 1)];
            for (i, (code, _)) in self.entries.iter().enumerate() {
                if let Some(slot) = self.dense.get_mut(*code as usize) {
                    *slot = u16::try_from(i).unwrap_or(u16::MAX);
                }
            }
        }
    }

    /// The value of `code` (after [`CodeMap::finish`]).
    pub fn get(&self, code: u32) -> Option<&V> {
        if !self.dense.is_empty() {
            let i = *self.dense.get(code as usize)?;
            return self.entries.get(usize::from(i)).map(|e| &e.1);
        }
        let i = self.entries.binary_search_by_key(&code, |e| e.0).ok()?;
        self.entries.get(i).map(|e| &e.1)
    }

    /// Whether the map is empty.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// A parsed ToUnicode CMap.
#[derive(Debug, Clone, Default)]
pub struct ToUnicode {
    /// Code space ranges (empty: not given).
    pub codespace: Vec<CodeRange>,
    singles: CodeMap<String>,
    /// `bfrange` entries whose destination is a base string incremented per code.
    ranges: Vec<(u32, u32, Vec<u16>)>,
}

impl ToUnicode {
    /// Appends the text of `code` to `out`; false when unmapped.
    pub fn append(&self, code: u32, out: &mut String) -> bool {
        if let Some(s) = self.singles.get(code) {
            out.push_str(s);
            return true;
        }
        // Sorted by start when parsed: the range that may hold `code` is
        // the last one starting at or below it (a bisection, not a scan of
        // every range for every code shown).
        let k = self.ranges.partition_point(|(lo, _, _)| *lo <= code);
        if let Some((lo, hi, base)) = k.checked_sub(1).and_then(|k| self.ranges.get(k)) {
            if (*lo..=*hi).contains(&code) {
                let n = base.len();
                let delta = (code - lo) as u16;
                let units = base.iter().enumerate().map(|(i, u)| {
                    if i + 1 == n {
                        u.wrapping_add(delta)
                    } else {
                        *u
                    }
                });
                out.extend(char::decode_utf16(units).map(|r| r.unwrap_or('\u{FFFD}')));
                return true;
            }
        }
        false
    }

    /// The text of `code`, if mapped.
    pub fn lookup(&self, code: u32) -> Option<String> {
        let mut s = String::new();
        self.append(code, &mut s).then_some(s)
    }

    /// Whether the CMap maps anything at all.
    pub fn is_empty(&self) -> bool {
        self.singles.is_empty() && self.ranges.is_empty()
    }

    /// Parses a CMap stream's (decoded) bytes. Never fails: what cannot be
    /// read is skipped.
    pub fn parse(data: &[u8]) -> ToUnicode {
        let mut out = ToUnicode::default();
        let tokens = tokenize(data);
        let mut i = 0;
        while let Some(tok) = tokens.get(i) {
            i += 1;
            match tok {
                Tok::Word(w) if w == b"begincodespacerange" => {
                    while let (Some(Tok::Hex(lo)), Some(Tok::Hex(hi))) =
                        (tokens.get(i), tokens.get(i + 1))
                    {
                        i += 2;
                        out.codespace.push(CodeRange {
                            len: lo.len().clamp(1, 4) as u8,
                            lo: be(lo),
                            hi: be(hi),
                        });
                    }
                }
                Tok::Word(w) if w == b"beginbfchar" => {
                    while let (Some(Tok::Hex(src)), Some(dst)) = (tokens.get(i), tokens.get(i + 1))
                    {
                        i += 2;
                        if let Some(s) = dst_text(dst) {
                            out.singles.insert(be(src), s);
                        }
                    }
                }
                Tok::Word(w) if w == b"beginbfrange" => {
                    while let (Some(Tok::Hex(lo)), Some(Tok::Hex(hi))) =
                        (tokens.get(i), tokens.get(i + 1))
                    {
                        i += 2;
                        let (lo, hi) = (be(lo), be(hi));
                        if hi < lo || hi - lo > 0x10000 {
                            // Skip the destination of a nonsensical range.
                            i += 1;
                            continue;
                        }
                        match tokens.get(i) {
                            Some(Tok::Hex(dst)) => {
                                if out.ranges.len() < MAX_RANGES {
                                    out.ranges.push((lo, hi, utf16_units(dst)));
                                }
                                i += 1;
                            }
                            Some(Tok::ArrayStart) => {
                                i += 1;
                                let mut code = lo;
                                while let Some(t) = tokens.get(i) {
                                    i += 1;
                                    if *t == Tok::ArrayEnd {
                                        break;
                                    }
                                    if let Some(s) = dst_text(t) {
                                        out.singles.insert(code, s);
                                    }
                                    code = code.saturating_add(1);
                                }
                            }
                            _ => i += 1,
                        }
                    }
                }
                _ => {}
            }
        }
        out.singles.finish();
        // By start; of ranges starting at the same code, the first given.
        out.ranges.sort_by_key(|(lo, _, _)| *lo);
        out
    }
}

/// The most `bfrange` entries one CMap keeps (a font has at most 65,536
/// codes of two bytes; more ranges than this are a generated file's).
const MAX_RANGES: usize = 1 << 17;

fn be(bytes: &[u8]) -> u32 {
    bytes
        .iter()
        .take(4)
        .fold(0u32, |acc, b| (acc << 8) | u32::from(*b))
}

fn utf16_units(bytes: &[u8]) -> Vec<u16> {
    bytes
        .chunks(2)
        .map(|c| match c {
            [a, b] => u16::from_be_bytes([*a, *b]),
            [a] => u16::from(*a),
            _ => 0,
        })
        .collect()
}

fn dst_text(tok: &Tok) -> Option<String> {
    match tok {
        Tok::Hex(b) => Some(String::from_utf16_lossy(&utf16_units(b))),
        Tok::Name(n) => {
            let n = std::str::from_utf8(n).ok()?;
            super::glyphlist::glyph_to_unicode(n)
                .map(str::to_string)
                .or_else(|| super::glyphlist::glyph_to_char(n).map(String::from))
        }
        _ => None,
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Hex(Vec<u8>),
    Name(Vec<u8>),
    Word(Vec<u8>),
    ArrayStart,
    ArrayEnd,
}

fn tokenize(data: &[u8]) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(&c) = data.get(i) {
        match c {
            b'%' => {
                while data.get(i).is_some_and(|&c| c != b'\n' && c != b'\r') {
                    i += 1;
                }
            }
            b'<' if data.get(i + 1) == Some(&b'<') => i += 2,
            b'>' if data.get(i + 1) == Some(&b'>') => i += 2,
            b'<' => {
                i += 1;
                let mut bytes = Vec::new();
                let mut hi: Option<u8> = None;
                while let Some(&c) = data.get(i) {
                    i += 1;
                    if c == b'>' {
                        break;
                    }
                    let v = match c {
                        b'0'..=b'9' => c - b'0',
                        b'a'..=b'f' => c - b'a' + 10,
                        b'A'..=b'F' => c - b'A' + 10,
                        _ => continue,
                    };
                    match hi.take() {
                        Some(h) => bytes.push((h << 4) | v),
                        None => hi = Some(v),
                    }
                }
                if let Some(h) = hi {
                    bytes.push(h << 4);
                }
                out.push(Tok::Hex(bytes));
            }
            b'[' => {
                out.push(Tok::ArrayStart);
                i += 1;
            }
            b']' => {
                out.push(Tok::ArrayEnd);
                i += 1;
            }
            b'(' => {
                // Literal strings only appear in headers (CMapName etc.).
                let mut depth = 0;
                while let Some(&c) = data.get(i) {
                    i += 1;
                    match c {
                        b'\\' => i += 1,
                        b'(' => depth += 1,
                        b')' => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                }
            }
            b'/' => {
                i += 1;
                let start = i;
                while data.get(i).is_some_and(|&c| is_regular(c)) {
                    i += 1;
                }
                out.push(Tok::Name(data.get(start..i).unwrap_or_default().to_vec()));
            }
            c if c.is_ascii_whitespace() => i += 1,
            _ => {
                let start = i;
                while data.get(i).is_some_and(|&c| is_regular(c)) {
                    i += 1;
                }
                if i == start {
                    i += 1;
                } else {
                    out.push(Tok::Word(data.get(start..i).unwrap_or_default().to_vec()));
                }
            }
        }
    }
    out
}

fn is_regular(c: u8) -> bool {
    !c.is_ascii_whitespace() && !b"()<>[]{}/%".contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_map_keeps_the_last_value_of_a_code() {
        let mut m = CodeMap::default();
        for (c, v) in [(5, "a"), (1, "b"), (5, "c"), (9, "d"), (1, "e")] {
            m.insert(c, v);
        }
        m.finish();
        assert_eq!(m.get(5), Some(&"c"));
        assert_eq!(m.get(1), Some(&"e"));
        assert_eq!(m.get(9), Some(&"d"));
        assert_eq!(m.get(2), None);
        assert_eq!(m.get(5000), None);
        // Large codes go through the binary search.
        let mut big = CodeMap::default();
        for c in [70_000u32, 3, 70_000, 5000] {
            big.insert(c, c + 1);
        }
        big.insert(3, 9);
        big.finish();
        assert_eq!(big.get(3), Some(&9));
        assert_eq!(big.get(5000), Some(&5001));
        assert_eq!(big.get(70_000), Some(&70_001));
        assert_eq!(big.get(4), None);
    }

    #[test]
    fn parses_bfchar_bfrange_and_arrays() {
        let cmap = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap
            /CMapName /Adobe-Identity-UCS def
            1 begincodespacerange <0000> <FFFF> endcodespacerange
            2 beginbfchar <0003> <0020> <0011> <00660069> endbfchar
            2 beginbfrange <0024> <0026> <0041> <0030> <0031> [<0062> /quoteright] endbfrange
            endcmap";
        let t = ToUnicode::parse(cmap);
        assert_eq!(
            t.codespace,
            vec![CodeRange {
                len: 2,
                lo: 0,
                hi: 0xFFFF
            }]
        );
        assert_eq!(t.lookup(3).as_deref(), Some(" "));
        assert_eq!(t.lookup(0x11).as_deref(), Some("fi"));
        assert_eq!(t.lookup(0x25).as_deref(), Some("B"));
        assert_eq!(t.lookup(0x26).as_deref(), Some("C"));
        assert_eq!(t.lookup(0x30).as_deref(), Some("b"));
        assert_eq!(t.lookup(0x31).as_deref(), Some("’"));
        assert_eq!(t.lookup(0x99), None);
    }

    #[test]
    fn survives_garbage() {
        let t = ToUnicode::parse(b"beginbfrange <00> [ <zz endbfrange <");
        assert!(t.is_empty());
        let t = ToUnicode::parse(b"1 beginbfchar <01> <D83DDE00> endbfchar");
        assert_eq!(t.lookup(1).as_deref(), Some("😀"));
    }
}
