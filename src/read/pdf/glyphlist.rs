//! Glyph names to Unicode: the part of the Adobe Glyph List that text fonts
//! use, plus the `uniXXXX` / `uXXXX` conventions and the `gNN`/`cidNN`
//! names that carry no meaning (answered with `None`).

/// The Unicode text of a glyph name, if known.
pub fn glyph_to_unicode(name: &str) -> Option<&'static str> {
    // "a.sc", "one.oldstyle", "f_i": the part before the suffix names the glyph.
    let base = name.split('.').next().unwrap_or(name);
    if let Some(s) = named(base) {
        return Some(s);
    }
    None
}

/// The character of a `uniXXXX` or `uXXXX[XX]` glyph name.
pub fn glyph_to_char(name: &str) -> Option<char> {
    let base = name.split('.').next().unwrap_or(name);
    let hex = base
        .strip_prefix("uni")
        .filter(|h| h.len() >= 4)
        .map(|h| h.get(..4).unwrap_or(h))
        .or_else(|| {
            base.strip_prefix('u')
                .filter(|h| (4..=6).contains(&h.len()))
        })?;
    let v = u32::from_str_radix(hex, 16).ok()?;
    char::from_u32(v)
}

const LETTERS: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

fn named(name: &str) -> Option<&'static str> {
    if name.len() == 1 {
        let i = LETTERS.find(name)?;
        return LETTERS.get(i..i + 1);
    }
    Some(match name {
        "space" | "nbspace" | "nonbreakingspace" => " ",
        "exclam" => "!",
        "quotedbl" => "\"",
        "numbersign" => "#",
        "dollar" => "$",
        "percent" => "%",
        "ampersand" => "&",
        "quotesingle" => "'",
        "parenleft" => "(",
        "parenright" => ")",
        "asterisk" => "*",
        "plus" => "+",
        "comma" => ",",
        "hyphen" | "minus" | "sfthyphen" | "softhyphen" => "-",
        "period" => ".",
        "slash" => "/",
        "zero" => "0",
        "one" => "1",
        "two" => "2",
        "three" => "3",
        "four" => "4",
        "five" => "5",
        "six" => "6",
        "seven" => "7",
        "eight" => "8",
        "nine" => "9",
        "colon" => ":",
        "semicolon" => ";",
        "less" => "<",
        "equal" => "=",
        "greater" => ">",
        "question" => "?",
        "at" => "@",
        "bracketleft" => "[",
        "backslash" => "\\",
        "bracketright" => "]",
        "asciicircum" => "^",
        "underscore" => "_",
        "grave" => "`",
        "braceleft" => "{",
        "bar" => "|",
        "braceright" => "}",
        "asciitilde" => "~",
        "exclamdown" => "¡",
        "cent" => "¢",
        "sterling" => "£",
        "fraction" => "⁄",
        "yen" => "¥",
        "florin" => "ƒ",
        "section" => "§",
        "currency" => "¤",
        "quotedblleft" => "“",
        "quotedblright" => "”",
        "quoteleft" => "‘",
        "quoteright" => "’",
        "quotesinglbase" => "‚",
        "quotedblbase" => "„",
        "guillemotleft" => "«",
        "guillemotright" => "»",
        "guilsinglleft" => "‹",
        "guilsinglright" => "›",
        "fi" => "fi",
        "fl" => "fl",
        "ff" => "ff",
        "ffi" => "ffi",
        "ffl" => "ffl",
        "f_i" => "fi",
        "f_l" => "fl",
        "f_f" => "ff",
        "f_f_i" => "ffi",
        "f_f_l" => "ffl",
        "endash" => "–",
        "emdash" => "—",
        "dagger" => "†",
        "daggerdbl" => "‡",
        "periodcentered" | "middot" => "·",
        "paragraph" => "¶",
        "bullet" => "•",
        "ellipsis" => "…",
        "perthousand" => "‰",
        "questiondown" => "¿",
        "acute" => "´",
        "circumflex" => "ˆ",
        "tilde" => "˜",
        "macron" => "¯",
        "breve" => "˘",
        "dotaccent" => "˙",
        "dieresis" => "¨",
        "ring" => "˚",
        "cedilla" => "¸",
        "hungarumlaut" => "˝",
        "ogonek" => "˛",
        "caron" => "ˇ",
        "AE" => "Æ",
        "ae" => "æ",
        "OE" => "Œ",
        "oe" => "œ",
        "Oslash" => "Ø",
        "oslash" => "ø",
        "Lslash" => "Ł",
        "lslash" => "ł",
        "ordfeminine" => "ª",
        "ordmasculine" => "º",
        "dotlessi" => "ı",
        "germandbls" => "ß",
        "copyright" => "©",
        "registered" => "®",
        "trademark" => "™",
        "degree" => "°",
        "plusminus" => "±",
        "multiply" => "×",
        "divide" => "÷",
        "mu" => "µ",
        "onehalf" => "½",
        "onequarter" => "¼",
        "threequarters" => "¾",
        "onesuperior" => "¹",
        "twosuperior" => "²",
        "threesuperior" => "³",
        "logicalnot" => "¬",
        "brokenbar" => "¦",
        "Euro" | "euro" => "€",
        "Agrave" => "À",
        "Aacute" => "Á",
        "Acircumflex" => "Â",
        "Atilde" => "Ã",
        "Adieresis" => "Ä",
        "Aring" => "Å",
        "Ccedilla" => "Ç",
        "Egrave" => "È",
        "Eacute" => "É",
        "Ecircumflex" => "Ê",
        "Edieresis" => "Ë",
        "Igrave" => "Ì",
        "Iacute" => "Í",
        "Icircumflex" => "Î",
        "Idieresis" => "Ï",
        "Eth" => "Ð",
        "Ntilde" => "Ñ",
        "Ograve" => "Ò",
        "Oacute" => "Ó",
        "Ocircumflex" => "Ô",
        "Otilde" => "Õ",
        "Odieresis" => "Ö",
        "Ugrave" => "Ù",
        "Uacute" => "Ú",
        "Ucircumflex" => "Û",
        "Udieresis" => "Ü",
        "Yacute" => "Ý",
        "Thorn" => "Þ",
        "agrave" => "à",
        "aacute" => "á",
        "acircumflex" => "â",
        "atilde" => "ã",
        "adieresis" => "ä",
        "aring" => "å",
        "ccedilla" => "ç",
        "egrave" => "è",
        "eacute" => "é",
        "ecircumflex" => "ê",
        "edieresis" => "ë",
        "igrave" => "ì",
        "iacute" => "í",
        "icircumflex" => "î",
        "idieresis" => "ï",
        "eth" => "ð",
        "ntilde" => "ñ",
        "ograve" => "ò",
        "oacute" => "ó",
        "ocircumflex" => "ô",
        "otilde" => "õ",
        "odieresis" => "ö",
        "ugrave" => "ù",
        "uacute" => "ú",
        "ucircumflex" => "û",
        "udieresis" => "ü",
        "yacute" => "ý",
        "thorn" => "þ",
        "ydieresis" => "ÿ",
        "Ydieresis" => "Ÿ",
        "Scaron" => "Š",
        "scaron" => "š",
        "Zcaron" => "Ž",
        "zcaron" => "ž",
        "arrowright" => "→",
        "arrowleft" => "←",
        "checkmark" => "✓",
        "square" | "H22073" => "□",
        "filledbox" | "H18543" => "■",
        "H18533" | "blackcircle" => "●",
        "whitebullet" | "openbullet" => "◦",
        "triagrt" => "►",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_map() {
        assert_eq!(glyph_to_unicode("a"), Some("a"));
        assert_eq!(glyph_to_unicode("Z"), Some("Z"));
        assert_eq!(glyph_to_unicode("quoteright"), Some("’"));
        assert_eq!(glyph_to_unicode("fi"), Some("fi"));
        assert_eq!(glyph_to_unicode("a.sc"), Some("a"));
        assert_eq!(glyph_to_unicode("g123"), None);
        assert_eq!(glyph_to_char("uni20AC"), Some('€'));
        assert_eq!(glyph_to_char("u1F600"), Some('😀'));
        assert_eq!(glyph_to_char("uniXYZ1"), None);
    }
}
