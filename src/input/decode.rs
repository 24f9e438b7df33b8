//! Bytes → text: UTF-8 (with or without BOM), UTF-16 (BOM, or detected), and the legacy
//! Arabic code pages Windows-1256 and ISO-8859-6 when a file is not UTF-8. Binary files and
//! damaged UTF-8 are refused with a reason.

use encoding_rs::{Encoding, ISO_8859_6, UTF_16BE, UTF_16LE, WINDOWS_1256};
use std::fmt;
use std::str::FromStr;

/// The encoding to read input with.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum EncodingChoice {
    /// Detect: BOM, UTF-8, UTF-16 without BOM, then Windows-1256 or ISO-8859-6.
    #[default]
    Auto,
    Utf8,
    Utf16Le,
    Utf16Be,
    Windows1256,
    Iso8859_6,
}

impl FromStr for EncodingChoice {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let norm = s.to_ascii_lowercase().replace('_', "-");
        Ok(match norm.as_str() {
            "auto" => EncodingChoice::Auto,
            "utf-8" | "utf8" => EncodingChoice::Utf8,
            "utf-16le" | "utf16le" => EncodingChoice::Utf16Le,
            "utf-16be" | "utf16be" => EncodingChoice::Utf16Be,
            "windows-1256" | "cp1256" => EncodingChoice::Windows1256,
            "iso-8859-6" | "iso8859-6" | "arabic" => EncodingChoice::Iso8859_6,
            _ => {
                return Err(format!(
                    "unknown encoding '{s}' (auto, utf-8, utf-16le, utf-16be, windows-1256, iso-8859-6)"
                ))
            }
        })
    }
}

/// Why bytes could not be read as text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// Not text at all (NUL bytes, control characters, a known binary format).
    Binary(String),
    /// Mostly UTF-8, but with invalid bytes: a damaged file rather than a legacy encoding.
    InvalidUtf8 { offset: usize },
    /// The bytes are not valid in the encoding that was asked for.
    Malformed(&'static str),
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Binary(what) => write!(f, "binary file ({what}), not text"),
            DecodeError::InvalidUtf8 { offset } => {
                write!(f, "invalid UTF-8 at byte {offset} (damaged file? use --encoding to force one)")
            }
            DecodeError::Malformed(enc) => write!(f, "not valid {enc}"),
        }
    }
}

impl std::error::Error for DecodeError {}

/// Decoded text and the name of the encoding it was read with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
}

/// Decodes a whole file's bytes.
pub fn decode(bytes: &[u8], choice: EncodingChoice) -> Result<Decoded, DecodeError> {
    match choice {
        EncodingChoice::Auto => detect_and_decode(bytes),
        EncodingChoice::Utf8 => {
            let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            match std::str::from_utf8(body) {
                Ok(s) => Ok(Decoded { text: s.to_string(), encoding: "utf-8" }),
                Err(e) => Err(DecodeError::InvalidUtf8 { offset: e.valid_up_to() + (bytes.len() - body.len()) }),
            }
        }
        EncodingChoice::Utf16Le => strict(UTF_16LE, strip_bom(bytes, b"\xFF\xFE"), "utf-16le"),
        EncodingChoice::Utf16Be => strict(UTF_16BE, strip_bom(bytes, b"\xFE\xFF"), "utf-16be"),
        EncodingChoice::Windows1256 => strict(WINDOWS_1256, bytes, "windows-1256"),
        EncodingChoice::Iso8859_6 => strict(ISO_8859_6, bytes, "iso-8859-6"),
    }
}

fn strip_bom<'a>(bytes: &'a [u8], bom: &[u8]) -> &'a [u8] {
    bytes.strip_prefix(bom).unwrap_or(bytes)
}

fn strict(enc: &'static Encoding, bytes: &[u8], name: &'static str) -> Result<Decoded, DecodeError> {
    enc.decode_without_bom_handling_and_without_replacement(bytes)
        .map(|text| Decoded { text: text.into_owned(), encoding: name })
        .ok_or(DecodeError::Malformed(name))
}

fn detect_and_decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if let Some(body) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return std::str::from_utf8(body)
            .map(|s| Decoded { text: s.to_string(), encoding: "utf-8-bom" })
            .map_err(|e| DecodeError::InvalidUtf8 { offset: e.valid_up_to() + 3 });
    }
    if let Some(body) = bytes.strip_prefix(b"\xFF\xFE") {
        return strict(UTF_16LE, body, "utf-16le");
    }
    if let Some(body) = bytes.strip_prefix(b"\xFE\xFF") {
        return strict(UTF_16BE, body, "utf-16be");
    }
    if let Some(what) = binary_signature(bytes) {
        return Err(DecodeError::Binary(what.to_string()));
    }
    if let Some(enc) = utf16_without_bom(bytes) {
        return strict(enc, bytes, if enc == UTF_16LE { "utf-16le" } else { "utf-16be" });
    }
    let utf8_error = match std::str::from_utf8(bytes) {
        Ok(s) => return check_text(s).map(|()| Decoded { text: s.to_string(), encoding: "utf-8" }),
        Err(e) => e,
    };
    if bytes.contains(&0) {
        return Err(DecodeError::Binary("contains NUL bytes".into()));
    }
    // Text that is mostly well-formed UTF-8 is damaged UTF-8, not a legacy code page: in
    // Windows-1256 Arabic, a valid multi-byte UTF-8 sequence almost never occurs by chance.
    let (valid_multibyte, invalid) = utf8_census(bytes);
    if valid_multibyte > invalid {
        return Err(DecodeError::InvalidUtf8 { offset: utf8_error.valid_up_to() });
    }
    let decoded = legacy_arabic(bytes);
    check_text(&decoded.text).map(|()| decoded)
}

/// Names a binary format recognised by its first bytes.
fn binary_signature(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: [(&[u8], &str); 8] = [
        (b"%PDF-", "PDF: extract its text first, e.g. with pdftotext"),
        (b"PK\x03\x04", "zip archive or office document"),
        (b"\x1F\x8B", "gzip"),
        (b"\x89PNG", "PNG image"),
        (b"\xFF\xD8\xFF", "JPEG image"),
        (b"GIF8", "GIF image"),
        (b"\x7FELF", "executable"),
        (b"\xD0\xCF\x11\xE0", "old Office document"),
    ];
    SIGNATURES.iter().find(|(magic, _)| bytes.starts_with(magic)).map(|(_, what)| *what)
}

/// UTF-16 without a BOM: in Arabic or Latin text, one byte of every pair is almost always
/// 0x00 or 0x06 (the high byte of U+06xx).
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let pairs = bytes.len() / 2;
    let high = |b: u8| b == 0x00 || b == 0x06;
    // Nine pairs in ten must fit one order: counting the misfits, the scan stops as soon as
    // more than a tenth misfit both orders (at once for UTF-8 text).
    let (mut odd_miss, mut even_miss) = (0usize, 0usize);
    for p in bytes.chunks_exact(2) {
        let (first, second) = (high(p[0]), high(p[1]));
        odd_miss += (first || !second) as usize;
        even_miss += (second || !first) as usize;
        if odd_miss * 10 > pairs && even_miss * 10 > pairs {
            return None;
        }
    }
    if odd_miss * 10 <= pairs {
        Some(UTF_16LE)
    } else if even_miss * 10 <= pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Counts well-formed multi-byte UTF-8 sequences and invalid bytes.
fn utf8_census(mut bytes: &[u8]) -> (usize, usize) {
    let (mut valid, mut invalid) = (0, 0);
    while !bytes.is_empty() {
        match std::str::from_utf8(bytes) {
            Ok(s) => {
                valid += s.chars().filter(|c| !c.is_ascii()).count();
                break;
            }
            Err(e) => {
                let (good, rest) = bytes.split_at(e.valid_up_to());
                valid += std::str::from_utf8(good).map_or(0, |s| s.chars().filter(|c| !c.is_ascii()).count());
                let bad = e.error_len().unwrap_or(rest.len());
                invalid += bad;
                bytes = &rest[bad..];
            }
        }
    }
    (valid, invalid)
}

/// Windows-1256 or ISO-8859-6, whichever reads as more Arabic.
fn legacy_arabic(bytes: &[u8]) -> Decoded {
    let score = |text: &str| -> i64 {
        text.chars()
            .map(|c| match c {
                '\u{0621}'..='\u{064A}' => 2,
                '\u{FFFD}' => -20,
                c if c.is_ascii() => 0,
                c if c.is_control() => -5,
                _ => -1,
            })
            .sum()
    };
    let (cp1256, _, _) = WINDOWS_1256.decode(bytes);
    let (iso, _, iso_errors) = ISO_8859_6.decode(bytes);
    if !iso_errors && score(&iso) > score(&cp1256) {
        Decoded { text: iso.into_owned(), encoding: "iso-8859-6" }
    } else {
        Decoded { text: cp1256.into_owned(), encoding: "windows-1256" }
    }
}

/// Characters of the start of a text judged by [`check_text`].
const SAMPLE_CHARS: usize = 64 * 1024;

/// Refuses decoded text that is mostly control characters (a binary file that happens to decode).
fn check_text(text: &str) -> Result<(), DecodeError> {
    let bytes = text.as_bytes();
    if memchr::memchr(0, bytes).is_some() {
        return Err(DecodeError::Binary("contains NUL bytes".into()));
    }
    // The first SAMPLE_CHARS characters (all of them when there are no more bytes than that).
    let sample = if bytes.len() <= SAMPLE_CHARS {
        text
    } else {
        text.char_indices().nth(SAMPLE_CHARS).map_or(text, |(end, _)| &text[..end])
    };
    if control_chars(sample.as_bytes()) * 20 > sample.chars().count() {
        return Err(DecodeError::Binary("mostly control characters".into()));
    }
    Ok(())
}

/// How many characters of `text` are controls (`char::is_control`, the Cc category) other
/// than `\n`, `\r`, `\t` and form feed. Bytewise: C0 controls and DEL are single bytes,
/// U+0080–U+009F are C2 80–C2 9F.
fn control_chars(text: &[u8]) -> usize {
    // Branch-free byte tests summed in u8 lanes over chunks of 255 bytes, which the compiler
    // vectorizes: a byte below 0x20 other than 09 0A 0C 0D, or 7F.
    let single: usize = text
        .chunks(255)
        .map(|chunk| {
            let mut n = 0u8;
            for &b in chunk {
                let allowed = (b.wrapping_sub(0x09) < 5) & (b != 0x0B);
                n += ((b < 0x20) as u8 - allowed as u8) + (b == 0x7F) as u8;
            }
            n as usize
        })
        .sum();
    let c1 = memchr::memchr_iter(0xC2, text).filter(|&i| text.get(i + 1).is_some_and(|b| (0x80..=0x9F).contains(b)));
    single + c1.count()
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARABIC: &str = "شهدت كازاخستان انتخابات رئاسية مبكرة في نوفمبر 2023.";

    #[test]
    fn utf8_with_and_without_bom() {
        let d = decode(ARABIC.as_bytes(), EncodingChoice::Auto).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (ARABIC, "utf-8"));
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(ARABIC.as_bytes());
        let d = decode(&bom, EncodingChoice::Auto).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (ARABIC, "utf-8-bom"));
    }

    fn utf16(text: &str, le: bool, bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
        if bom {
            out.extend_from_slice(if le { b"\xFF\xFE" } else { b"\xFE\xFF" });
        }
        for u in text.encode_utf16() {
            out.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        out
    }

    #[test]
    fn utf16_with_bom_and_detected() {
        for (le, bom) in [(true, true), (false, true), (true, false), (false, false)] {
            let d = decode(&utf16(ARABIC, le, bom), EncodingChoice::Auto).unwrap();
            assert_eq!(d.text, ARABIC, "le={le} bom={bom}");
            assert_eq!(d.encoding, if le { "utf-16le" } else { "utf-16be" });
        }
    }

    #[test]
    fn legacy_code_pages() {
        let (cp, _, _) = WINDOWS_1256.encode(ARABIC);
        let d = decode(&cp, EncodingChoice::Auto).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (ARABIC, "windows-1256"));
        let (iso, _, _) = ISO_8859_6.encode(ARABIC);
        let d = decode(&iso, EncodingChoice::Auto).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (ARABIC, "iso-8859-6"));
        let d = decode(&cp, EncodingChoice::Windows1256).unwrap();
        assert_eq!(d.text, ARABIC);
    }

    #[test]
    fn damaged_utf8_and_binary_are_refused() {
        let mut bytes = ARABIC.as_bytes().to_vec();
        bytes.insert(9, 0xFF);
        assert!(matches!(decode(&bytes, EncodingChoice::Auto), Err(DecodeError::InvalidUtf8 { offset: 9 })));
        assert!(matches!(decode(b"%PDF-1.7 ...", EncodingChoice::Auto), Err(DecodeError::Binary(_))));
        assert!(matches!(decode(b"ab\0cd\0\x01\x02\x03", EncodingChoice::Auto), Err(DecodeError::Binary(_))));
        assert!(matches!(decode(&[0xFF, 0x00, 0xAB], EncodingChoice::Utf8), Err(DecodeError::InvalidUtf8 { .. })));
    }

    #[test]
    fn control_characters_are_counted_bytewise() {
        let exact =
            |s: &str| s.chars().filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{0C}')).count();
        for s in
            ["", "نص\n\r\t\u{0C}", "\u{1}\u{7F}\u{80}\u{9F}\u{A0}\u{C2}", "a\u{B}b\u{1F}\u{85}ـ", "\u{FEFF}\u{200F}"]
        {
            assert_eq!(control_chars(s.as_bytes()), exact(s), "{s:?}");
        }
        // A long text is judged on its first characters only.
        let long = format!("{}{}", "ب".repeat(SAMPLE_CHARS), "\u{1}".repeat(SAMPLE_CHARS));
        assert!(check_text(&long).is_ok());
        assert!(check_text(&"\u{1}".repeat(30)).is_err());
    }

    #[test]
    fn empty_input_is_empty_text() {
        assert_eq!(decode(b"", EncodingChoice::Auto).unwrap().text, "");
    }

    #[test]
    fn encoding_names_parse() {
        assert_eq!("CP1256".parse::<EncodingChoice>().unwrap(), EncodingChoice::Windows1256);
        assert_eq!("utf_16le".parse::<EncodingChoice>().unwrap(), EncodingChoice::Utf16Le);
        assert!("latin9".parse::<EncodingChoice>().is_err());
    }
}
