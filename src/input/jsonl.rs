//! JSON Lines records: `{"id", "text", …}` per line. `text` is what nass reads and rewrites;
//! every other field is passed through untouched, in its original order.

use super::InputError;
use serde_json::{Map, Value};
use std::io::BufRead;

/// One JSON Lines record.
#[derive(Clone, Debug)]
pub struct Record {
    /// 1-based line number in its input.
    pub line: u64,
    pub fields: Map<String, Value>,
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
        self.fields.insert("text".to_string(), Value::String(text));
    }

    /// The record as one line of JSON (no newline).
    pub fn to_line(&self) -> String {
        serde_json::to_string(&self.fields).unwrap_or_else(|_| "{}".to_string())
    }
}

/// Parses one line; blank lines give `Ok(None)`.
pub fn parse_line(input: &str, line_no: u64, line: &str) -> Result<Option<Record>, InputError> {
    let trimmed = line.trim_end_matches(['\n', '\r']);
    if trimmed.trim().is_empty() {
        return Ok(None);
    }
    let where_ = format!("{input}:{line_no}");
    let value: Value = serde_json::from_str(trimmed).map_err(|e| InputError::new(&where_, format!("invalid JSON: {e}")))?;
    let Value::Object(fields) = value else {
        return Err(InputError::new(&where_, "a JSON Lines record must be an object"));
    };
    match fields.get("text") {
        Some(Value::String(_)) => Ok(Some(Record { line: line_no, fields })),
        Some(_) => Err(InputError::new(&where_, "field \"text\" must be a string")),
        None => Err(InputError::new(&where_, "record has no \"text\" field")),
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
                    let parsed = match std::str::from_utf8(&self.buf) {
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
        let mut r = parse_line("-", 1, "{\"id\":7,\"text\":\"نص\",\"meta\":{\"a\":[1,2]},\"z\":null}\n").unwrap().unwrap();
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
}
