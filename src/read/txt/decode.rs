//! Bytes to text: BOMs, UTF-16, UTF-8, Windows-1252, and refusing binary data.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, WINDOWS_1252};

use crate::{Error, ErrorKind, Result};

/// How many leading bytes are inspected to tell text from binary data.
const SNIFF: usize = 8192;

/// Decodes `bytes` to text. A BOM decides the encoding; without one, BOM-less
/// UTF-16 is recognised by its zero bytes, valid UTF-8 is taken as is and
/// anything else is read as Windows-1252 (what Word's "plain text" export of
/// an English document produces). Binary data is refused with
/// [`ErrorKind::NotText`], empty input with [`ErrorKind::Empty`].
pub fn decode(bytes: &[u8]) -> Result<Cow<'_, str>> {
    if bytes.is_empty() {
        return Err(Error::new(ErrorKind::Empty));
    }
    let text: Cow<'_, str> = if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let body = bytes.get(bom_len..).unwrap_or_default();
        let (text, _) = enc.decode_without_bom_handling(body);
        text
    } else if let Some(enc) = bomless_utf16(bytes) {
        let (text, _) = enc.decode_without_bom_handling(bytes);
        text
    } else {
        if let Some(why) = binary_reason(bytes) {
            return Err(Error::new(ErrorKind::NotText(why)));
        }
        match std::str::from_utf8(bytes) {
            Ok(s) => Cow::Borrowed(s),
            Err(_) => {
                let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
                text
            }
        }
    };
    if text.contains('\0') {
        return Err(Error::new(ErrorKind::NotText(
            "the decoded text holds NUL characters".to_string(),
        )));
    }
    if text.trim().is_empty() {
        return Err(Error::new(ErrorKind::Empty));
    }
    Ok(text)
}

/// UTF-16 without a BOM shows as a zero byte in every other position.
fn bomless_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes.get(..SNIFF).unwrap_or(bytes);
    if head.len() < 8 {
        return None;
    }
    let pairs = head.len() / 2;
    let (mut zero_even, mut zero_odd) = (0usize, 0usize);
    for pair in head.chunks_exact(2) {
        if pair.first() == Some(&0) {
            zero_even += 1;
        }
        if pair.get(1) == Some(&0) {
            zero_odd += 1;
        }
    }
    if zero_odd * 10 >= pairs * 4 && zero_even * 20 < pairs {
        Some(UTF_16LE)
    } else if zero_even * 10 >= pairs * 4 && zero_odd * 20 < pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Why `bytes` look like binary data rather than text, if they do.
fn binary_reason(bytes: &[u8]) -> Option<String> {
    let head = bytes.get(..SNIFF).unwrap_or(bytes);
    for (magic, what) in [
        (&b"%PDF-"[..], "a PDF"),
        (&b"PK\x03\x04"[..], "a zip archive"),
        (&b"\x89PNG"[..], "a PNG image"),
        (&b"\xFF\xD8\xFF"[..], "a JPEG image"),
        (&b"GIF8"[..], "a GIF image"),
        (&b"\xD0\xCF\x11\xE0"[..], "an OLE (legacy Office) file"),
        (&b"\x1F\x8B"[..], "a gzip stream"),
    ] {
        if head.starts_with(magic) {
            return Some(format!("the data is {what}"));
        }
    }
    if head.contains(&0) {
        return Some("the data holds NUL bytes".to_string());
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C))
        .count();
    if control * 20 > head.len() {
        return Some(format!(
            "{control} of the first {} bytes are control characters",
            head.len()
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(s: &str, le: bool, bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
        if bom {
            out.extend_from_slice(if le { &[0xFF, 0xFE] } else { &[0xFE, 0xFF] });
        }
        for u in s.encode_utf16() {
            let b = if le { u.to_le_bytes() } else { u.to_be_bytes() };
            out.extend_from_slice(&b);
        }
        out
    }

    #[test]
    fn decodes_every_encoding() {
        let s = "Date: 28 November 2023 – café £150";
        assert_eq!(decode(s.as_bytes()).unwrap(), s);
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(s.as_bytes());
        assert_eq!(decode(&bom).unwrap(), s);
        assert_eq!(decode(&utf16(s, true, true)).unwrap(), s);
        assert_eq!(decode(&utf16(s, false, true)).unwrap(), s);
        assert_eq!(decode(&utf16(s, true, false)).unwrap(), s);
        let (cp, _, _) = WINDOWS_1252.encode(s);
        assert_eq!(decode(&cp).unwrap(), s);
    }

    #[test]
    fn refuses_binary_and_empty() {
        assert!(matches!(decode(b"").unwrap_err().kind(), ErrorKind::Empty));
        assert!(matches!(
            decode(b" \n\r\n").unwrap_err().kind(),
            ErrorKind::Empty
        ));
        assert!(matches!(
            decode(b"%PDF-1.7\n...").unwrap_err().kind(),
            ErrorKind::NotText(_)
        ));
        let bin: Vec<u8> = (0u8..=255).cycle().take(4000).collect();
        assert!(matches!(
            decode(&bin).unwrap_err().kind(),
            ErrorKind::NotText(_)
        ));
    }
}
