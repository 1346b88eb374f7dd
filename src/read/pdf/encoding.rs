//! The base encodings of simple fonts: Standard, WinAnsi, MacRoman, and the
//! Symbol-font convention of private-use code points.

/// A simple font's base encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BaseEncoding {
    /// Adobe StandardEncoding (Type 1 fonts without an /Encoding).
    Standard,
    /// WinAnsiEncoding (Windows code page 1252).
    WinAnsi,
    /// MacRomanEncoding.
    MacRoman,
    /// A symbolic font (Symbol, Wingdings): codes map to U+F000 + code, the
    /// private-use glyphs that text normalisation treats as bullets.
    Symbol,
}

impl BaseEncoding {
    /// The encoding named by an /Encoding or /BaseEncoding name.
    pub fn from_name(name: &[u8]) -> Option<BaseEncoding> {
        match name {
            b"WinAnsiEncoding" => Some(BaseEncoding::WinAnsi),
            b"MacRomanEncoding" | b"MacExpertEncoding" => Some(BaseEncoding::MacRoman),
            b"StandardEncoding" => Some(BaseEncoding::Standard),
            _ => None,
        }
    }

    /// The character of `code`, if the encoding defines one.
    pub fn char_of(self, code: u8) -> Option<char> {
        match self {
            BaseEncoding::Symbol => char::from_u32(0xF000 + u32::from(code)),
            BaseEncoding::WinAnsi => win_ansi(code),
            BaseEncoding::MacRoman => mac_roman(code),
            BaseEncoding::Standard => standard(code),
        }
    }
}

fn single_byte(enc: &'static encoding_rs::Encoding, code: u8) -> Option<char> {
    let bytes = [code];
    enc.decode_without_bom_handling_and_without_replacement(&bytes)?
        .chars()
        .next()
}

fn win_ansi(code: u8) -> Option<char> {
    match code {
        // The glyph is painted, so a "soft" hyphen is a visible one here.
        0xAD => Some('-'),
        0x00..=0x1F => None,
        _ => single_byte(encoding_rs::WINDOWS_1252, code),
    }
}

fn mac_roman(code: u8) -> Option<char> {
    match code {
        0x00..=0x1F => None,
        _ => single_byte(encoding_rs::MACINTOSH, code),
    }
}

fn standard(code: u8) -> Option<char> {
    Some(match code {
        0x27 => '’',
        0x60 => '‘',
        0x20..=0x7E => char::from(code),
        0xA1 => '¡',
        0xA2 => '¢',
        0xA3 => '£',
        0xA4 => '⁄',
        0xA5 => '¥',
        0xA6 => 'ƒ',
        0xA7 => '§',
        0xA8 => '¤',
        0xA9 => '\'',
        0xAA => '“',
        0xAB => '«',
        0xAC => '‹',
        0xAD => '›',
        0xB1 => '–',
        0xB2 => '†',
        0xB3 => '‡',
        0xB4 => '·',
        0xB6 => '¶',
        0xB7 => '•',
        0xB8 => '‚',
        0xB9 => '„',
        0xBA => '”',
        0xBB => '»',
        0xBC => '…',
        0xBD => '‰',
        0xBF => '¿',
        0xC1 => '`',
        0xC2 => '´',
        0xC3 => 'ˆ',
        0xC4 => '˜',
        0xC5 => '¯',
        0xC6 => '˘',
        0xC7 => '˙',
        0xC8 => '¨',
        0xCA => '˚',
        0xCB => '¸',
        0xCD => '˝',
        0xCE => '˛',
        0xCF => 'ˇ',
        0xD0 => '—',
        0xE1 => 'Æ',
        0xE3 => 'ª',
        0xE8 => 'Ł',
        0xE9 => 'Ø',
        0xEA => 'Œ',
        0xEB => 'º',
        0xF1 => 'æ',
        0xF5 => 'ı',
        0xF8 => 'ł',
        0xF9 => 'ø',
        0xFA => 'œ',
        0xFB => 'ß',
        _ => return None,
    })
}

/// The StandardEncoding ligatures, which decode to two or three letters.
pub fn standard_ligature(code: u8) -> Option<&'static str> {
    match code {
        0xAE => Some("fi"),
        0xAF => Some("fl"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings() {
        assert_eq!(BaseEncoding::WinAnsi.char_of(0x93), Some('“'));
        assert_eq!(BaseEncoding::WinAnsi.char_of(0x80), Some('€'));
        assert_eq!(BaseEncoding::WinAnsi.char_of(0xAD), Some('-'));
        assert_eq!(BaseEncoding::WinAnsi.char_of(b'A'), Some('A'));
        assert_eq!(BaseEncoding::MacRoman.char_of(0xA5), Some('•'));
        assert_eq!(BaseEncoding::Standard.char_of(0x27), Some('’'));
        assert_eq!(BaseEncoding::Standard.char_of(0xB7), Some('•'));
        assert_eq!(BaseEncoding::Symbol.char_of(0xB7), Some('\u{F0B7}'));
        assert_eq!(standard_ligature(0xAE), Some("fi"));
    }
}
