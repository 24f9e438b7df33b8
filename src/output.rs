//! Writing results: atomic files for mirrored output trees, and the `clean` JSON Lines record.

use crate::normalize::{Repair, RepairCounts};
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::Path;

/// Writes `contents` to `path` atomically: a temporary file in the same folder, flushed, then
/// renamed over `path`. A crash leaves either the old file or the new one, never half of one.
pub fn write_atomic(path: &Path, contents: &[u8]) -> io::Result<()> {
    let parent = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent)?;
    let mut tmp = tempfile::Builder::new().prefix(".nass-").suffix(".tmp").tempfile_in(parent)?;
    tmp.write_all(contents)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// A CSV field, quoted when it must be (RFC 4180).
pub fn csv_field(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

/// Repair counts as a JSON object `{class: count}`, non-zero classes only.
pub fn counts_object(counts: &RepairCounts) -> BTreeMap<&'static str, u64> {
    counts.nonzero().map(|(class, n)| (class.name(), n)).collect()
}

/// One repair as listed by `clean --format jsonl --repairs`: the class, the span of the
/// original text it rewrote, and that original text.
#[derive(Serialize)]
pub struct RepairEntry<'a> {
    pub class: &'static str,
    pub start: usize,
    pub end: usize,
    pub original: &'a str,
}

impl<'a> RepairEntry<'a> {
    /// Lists the repairs of a document, each with its original text.
    pub fn list(original: &'a str, repairs: &[Repair]) -> Vec<RepairEntry<'a>> {
        repairs
            .iter()
            .map(|r| RepairEntry {
                class: r.class.name(),
                start: r.start,
                end: r.end,
                original: original.get(r.span()).unwrap_or(""),
            })
            .collect()
    }
}

/// One document of `nass clean --format jsonl`.
#[derive(Serialize)]
pub struct CleanRecord<'a> {
    pub path: &'a str,
    pub text: &'a str,
    pub encoding: &'a str,
    pub repairs: BTreeMap<&'static str, u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub repair_log: Option<Vec<RepairEntry<'a>>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_only_when_needed() {
        assert_eq!(csv_field("الرئيس"), "الرئيس");
        assert_eq!(csv_field("a,\"b\""), "\"a,\"\"b\"\"\"");
    }

    #[test]
    fn atomic_write_creates_folders_and_replaces() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a/b/out.txt");
        write_atomic(&path, "أول".as_bytes()).unwrap();
        write_atomic(&path, "ثان".as_bytes()).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "ثان");
        let leftovers = std::fs::read_dir(path.parent().unwrap()).unwrap().count();
        assert_eq!(leftovers, 1);
    }
}
