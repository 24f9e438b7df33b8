//! JSON Lines records: `{"id", "text", …}` per line. `text` is what nass reads and rewrites;
//! every other field is passed through untouched: the record is written back as its original
//! line with only the `text` value replaced, so numbers (`1e2`, `-0`, integers beyond 64 bits),
//! string escapes, key order and spacing keep their exact bytes.

use super::InputError;
use serde_json::{Map, Value};
use std::io::BufRead;
use std::ops::Range;

/// One JSON Lines record.
#[derive(Clone, Debug)]
pub struct Record {
    /// 1-based line number in its input.
    pub line: u64,
    /// The parsed fields, for reading (`id`, `text`…). [`Record::to_line`] writes the original
    /// line back, with only the text replaced: edits to other fields here are not written.
    pub fields: Map<String, Value>,
    /// The original line, without its line ending.
    raw: String,
    /// Where the (last, as serde reads it) top-level `"text"` value lies in `raw`.
    text_span: Option<Range<usize>>,
    /// Whether `set_text` changed the text.
    text_changed: bool,
}

impl Record {
    /// The record's text.
    pub fn text(&self) -> &str {
        self.fields.get("text").and_then(Value::as_str).unwrap_or("")
    }

    /// A name for the record in errors and reports: its `id`, else `<input>:<line>`.
    pub fn name(&self, input: &str) -> String {
        match self.fields.get("id") {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Null) | None => format!("{input}:{}", self.line),
            Some(other) => other.to_string(),
        }
    }

    /// Replaces the text, keeping the field's position.
    pub fn set_text(&mut self, text: String) {
        if text != self.text() {
            self.text_changed = true;
            self.fields.insert("text".to_string(), Value::String(text));
        }
    }

    /// The record as one line of JSON (no newline): the original line, with the text value
    /// replaced if it changed.
    pub fn to_line(&self) -> String {
        if !self.text_changed {
            return self.raw.clone();
        }
        match &self.text_span {
            Some(span) => {
                let value = serde_json::to_string(self.text()).unwrap_or_else(|_| "\"\"".to_string());
                let mut line = String::with_capacity(self.raw.len() + value.len());
                line.push_str(&self.raw[..span.start]);
                line.push_str(&value);
                line.push_str(&self.raw[span.end..]);
                line
            }
            None => serde_json::to_string(&self.fields).unwrap_or_else(|_| "{}".to_string()),
        }
    }
}

/// Parses one line; blank lines give `Ok(None)`.
pub fn parse_line(input: &str, line_no: u64, line: &str) -> Result<Option<Record>, InputError> {
    let trimmed = line.trim_end_matches(['\n', '\r']);
    if trimmed.trim().is_empty() {
        return Ok(None);
    }
    let where_ = format!("{input}:{line_no}");
    let value: Value =
        serde_json::from_str(trimmed).map_err(|e| InputError::new(&where_, format!("invalid JSON: {e}")))?;
    let Value::Object(fields) = value else {
        return Err(InputError::new(&where_, "a JSON Lines record must be an object"));
    };
    match fields.get("text") {
        Some(Value::String(_)) => Ok(Some(Record {
            line: line_no,
            fields,
            raw: trimmed.to_string(),
            text_span: top_level_value_span(trimmed, "text"),
            text_changed: false,
        })),
        Some(_) => Err(InputError::new(&where_, "field \"text\" must be a string")),
        None => Err(InputError::new(&where_, "record has no \"text\" field")),
    }
}

/// The byte span of the value of `key` in a JSON object written on one line (the last one if
/// the key is repeated, as serde keeps the last). `None` if `json` is not a well-formed object.
fn top_level_value_span(json: &str, key: &str) -> Option<Range<usize>> {
    let b = json.as_bytes();
    let mut i = skip_ws(b, 0);
    if b.get(i) != Some(&b'{') {
        return None;
    }
    i += 1;
    let mut found = None;
    loop {
        i = skip_ws(b, i);
        match *b.get(i)? {
            b'}' => return found,
            b',' => {
                i += 1;
                continue;
            }
            b'"' => {}
            _ => return None,
        }
        let key_end = skip_string(b, i)?;
        let raw_key = &json[i..key_end];
        let is_key = if raw_key.contains('\\') {
            serde_json::from_str::<String>(raw_key).ok()? == key
        } else {
            &raw_key[1..raw_key.len() - 1] == key
        };
        i = skip_ws(b, key_end);
        if b.get(i) != Some(&b':') {
            return None;
        }
        i = skip_ws(b, i + 1);
        let value_end = skip_value(b, i)?;
        if is_key {
            found = Some(i..value_end);
        }
        i = value_end;
    }
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\n' | b'\r') {
        i += 1;
    }
    i
}

/// `b[i]` is the opening quote of a string: the index just past its closing quote.
fn skip_string(b: &[u8], i: usize) -> Option<usize> {
    let mut j = i + 1;
    loop {
        j += memchr::memchr2(b'"', b'\\', b.get(j..)?)?;
        if b[j] == b'"' {
            return Some(j + 1);
        }
        j += 2;
    }
}

/// The index just past the JSON value starting at `b[i]`.
fn skip_value(b: &[u8], i: usize) -> Option<usize> {
    match *b.get(i)? {
        b'"' => skip_string(b, i),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut j = i;
            while j < b.len() {
                match b[j] {
                    b'"' => {
                        j = skip_string(b, j)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(j + 1);
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            None
        }
        _ => {
            let mut j = i;
            while j < b.len() && !matches!(b[j], b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r') {
                j += 1;
            }
            (j > i).then_some(j)
        }
    }
}

/// Reads records from a buffered reader in batches of at most `max_records` records or
/// `max_bytes` bytes, so memory stays flat however long the input is. Each item is one
/// line's result; I/O and UTF-8 errors are reported per line.
pub struct Batches<R: BufRead> {
    reader: R,
    input: String,
    line_no: u64,
    buf: Vec<u8>,
    done: bool,
    max_records: usize,
    max_bytes: usize,
}

impl<R: BufRead> Batches<R> {
    pub fn new(reader: R, input: impl Into<String>, max_records: usize, max_bytes: usize) -> Self {
        Batches { reader, input: input.into(), line_no: 0, buf: Vec::new(), done: false, max_records, max_bytes }
    }
}

impl<R: BufRead> Iterator for Batches<R> {
    type Item = Vec<Result<Record, InputError>>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let mut batch = Vec::new();
        let mut bytes = 0;
        while batch.len() < self.max_records && bytes < self.max_bytes {
            self.buf.clear();
            match self.reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => {
                    self.done = true;
                    break;
                }
                Ok(n) => {
                    self.line_no += 1;
                    bytes += n;
                    // A byte-order mark (Windows tools write one) is not part of the record.
                    let line = if self.line_no == 1 {
                        self.buf.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&self.buf)
                    } else {
                        &self.buf
                    };
                    let parsed = match std::str::from_utf8(line) {
                        Ok(line) => parse_line(&self.input, self.line_no, line),
                        Err(e) => Err(InputError::new(
                            format!("{}:{}", self.input, self.line_no),
                            format!("invalid UTF-8 at byte {} of the line", e.valid_up_to()),
                        )),
                    };
                    match parsed {
                        Ok(Some(record)) => batch.push(Ok(record)),
                        Ok(None) => {}
                        Err(e) => batch.push(Err(e)),
                    }
                }
                Err(e) => {
                    batch.push(Err(InputError::new(&self.input, e.to_string())));
                    self.done = true;
                    break;
                }
            }
        }
        if batch.is_empty() && self.done {
            None
        } else {
            Some(batch)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_keep_other_fields_in_order() {
        let mut r =
            parse_line("-", 1, "{\"id\":7,\"text\":\"نص\",\"meta\":{\"a\":[1,2]},\"z\":null}\n").unwrap().unwrap();
        assert_eq!(r.text(), "نص");
        assert_eq!(r.name("-"), "7");
        r.set_text("جديد".into());
        assert_eq!(r.to_line(), "{\"id\":7,\"text\":\"جديد\",\"meta\":{\"a\":[1,2]},\"z\":null}");
    }

    #[test]
    fn bad_lines_are_errors_with_their_line_number() {
        assert!(parse_line("f", 3, "   \n").unwrap().is_none());
        assert_eq!(parse_line("f", 3, "{oops").unwrap_err().path, "f:3");
        assert!(parse_line("f", 4, "[1,2]").unwrap_err().error.contains("object"));
        assert!(parse_line("f", 5, "{\"id\":1}").unwrap_err().error.contains("no \"text\""));
        assert!(parse_line("f", 6, "{\"text\":5}").unwrap_err().error.contains("string"));
    }

    #[test]
    fn batches_bound_their_size_and_report_bad_utf8() {
        let input = b"{\"text\":\"a\"}\n{\"text\":\"b\"}\n\xFF\n{\"text\":\"c\"}".to_vec();
        let batches: Vec<_> = Batches::new(&input[..], "in", 2, 1 << 20).collect();
        assert_eq!(batches.len(), 2);
        assert_eq!(batches[0].len(), 2);
        assert!(batches[1][0].as_ref().unwrap_err().error.contains("UTF-8"));
        assert_eq!(batches[1][1].as_ref().unwrap().text(), "c");
    }

    #[test]
    fn other_fields_keep_their_exact_bytes() {
        let line = r#"{ "id":18446744073709551617, "f":1.10,"e":1e2,"neg":-0,"s":"\u00e9\/","text" : "شـهدت" ,"n":{"text":"x"}}"#;
        let mut r = parse_line("-", 1, line).unwrap().unwrap();
        assert_eq!(r.to_line(), line);
        r.set_text("شـهدت".into());
        assert_eq!(r.to_line(), line, "an unchanged text leaves the line as it was");
        r.set_text("شهدت \"أ\"".into());
        assert_eq!(r.to_line(), line.replace(r#""شـهدت""#, r#""شهدت \"أ\"""#));
    }

    #[test]
    fn value_span_finds_the_top_level_key_only() {
        let json = r#"{"a":{"text":"in"},"b":["text",{"text":1}],"t\u0065xt":"yes","c":"a\"b"}"#;
        let span = top_level_value_span(json, "text").unwrap();
        assert_eq!(&json[span], r#""yes""#);
        let dup = r#"{"text":"first","text":"last"}"#;
        assert_eq!(&dup[top_level_value_span(dup, "text").unwrap()], r#""last""#);
        assert_eq!(top_level_value_span(r#"{"id":1}"#, "text"), None);
    }

    #[test]
    fn a_byte_order_mark_on_the_first_line_is_skipped() {
        let input = "\u{FEFF}{\"text\":\"a\"}\n{\"text\":\"b\"}\n".as_bytes().to_vec();
        let batch = Batches::new(&input[..], "in", 10, 1 << 20).next().unwrap();
        let texts: Vec<&str> = batch.iter().map(|r| r.as_ref().unwrap().text()).collect();
        assert_eq!(texts, ["a", "b"]);
    }
}
