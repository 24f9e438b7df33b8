//! The frequency report of `nass freq` and `nass merge`, and its renderers.

use crate::input::InputError;
use crate::output::csv_field as csv;
use crate::stats::Row;
use serde::Serialize;
use std::io::{self, Write};

/// Output formats of a frequency report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FreqFormat {
    Table,
    Csv,
    Json,
    Jsonl,
}

/// `nass freq --format json`: `{"by", "documents", "tokens", "terms": [...], "ngrams": [...], "errors": [...]}`.
#[derive(Serialize)]
pub struct FreqReport {
    pub by: &'static str,
    pub documents: u64,
    pub tokens: u64,
    pub terms: Vec<Row>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub ngrams: Vec<Row>,
    pub errors: Vec<InputError>,
}

impl FreqReport {
    pub fn write(&self, format: FreqFormat, out: &mut impl Write) -> io::Result<()> {
        match format {
            FreqFormat::Json => {
                serde_json::to_writer_pretty(&mut *out, self)?;
                out.write_all(b"\n")
            }
            FreqFormat::Jsonl => {
                for row in self.terms.iter().chain(&self.ngrams) {
                    serde_json::to_writer(&mut *out, row)?;
                    out.write_all(b"\n")?;
                }
                Ok(())
            }
            FreqFormat::Csv => {
                writeln!(out, "rank,term,key,n,count,documents,per_million,dispersion")?;
                for r in self.terms.iter().chain(&self.ngrams) {
                    let d = r.dispersion.map_or(String::new(), |d| format!("{d}"));
                    writeln!(
                        out,
                        "{},{},{},{},{},{},{},{}",
                        r.rank,
                        csv(&r.term),
                        csv(&r.key),
                        r.n,
                        r.count,
                        r.documents,
                        r.per_million,
                        d
                    )?;
                }
                Ok(())
            }
            FreqFormat::Table => {
                writeln!(out, "{} documents, {} tokens, terms by {}", self.documents, self.tokens, self.by)?;
                table(out, &self.terms)?;
                if !self.ngrams.is_empty() {
                    writeln!(out)?;
                    table(out, &self.ngrams)?;
                }
                Ok(())
            }
        }
    }
}

/// An aligned table. The term comes last: a terminal lays out right-to-left text by itself,
/// and numbers before it keep their columns whatever the term's direction and width.
fn table(out: &mut impl Write, rows: &[Row]) -> io::Result<()> {
    writeln!(out, "{:>6}  {:>9}  {:>6}  {:>12}  {:>6}  term", "rank", "count", "docs", "per million", "D")?;
    for r in rows {
        let d = r.dispersion.map_or("-".to_string(), |d| format!("{d:.3}"));
        writeln!(
            out,
            "{:>6}  {:>9}  {:>6}  {:>12.3}  {:>6}  {}",
            r.rank, r.count, r.documents, r.per_million, d, r.term
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report() -> FreqReport {
        let row = |rank, term: &str, count| Row {
            rank,
            term: term.to_string(),
            key: term.to_string(),
            n: 1,
            count,
            documents: 1,
            per_million: 250000.0,
            dispersion: None,
        };
        FreqReport {
            by: "fold",
            documents: 1,
            tokens: 8,
            terms: vec![row(1, "الرئيس", 2), row(2, "a,\"b\"", 1)],
            ngrams: vec![],
            errors: vec![],
        }
    }

    #[test]
    fn csv_quotes_and_table_aligns() {
        let mut out = Vec::new();
        report().write(FreqFormat::Csv, &mut out).unwrap();
        let csv = String::from_utf8(out).unwrap();
        assert!(csv.contains("1,الرئيس,الرئيس,1,2,1,250000,"));
        assert!(csv.contains("\"a,\"\"b\"\"\""));
        let mut out = Vec::new();
        report().write(FreqFormat::Table, &mut out).unwrap();
        let table = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = table.lines().collect();
        // every row has the term after the same number of columns
        assert_eq!(lines[2].find("الرئيس"), lines[1].find("term"));
    }

    #[test]
    fn json_has_the_contract_fields() {
        let mut out = Vec::new();
        report().write(FreqFormat::Json, &mut out).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(v["terms"][0]["term"], "الرئيس");
        assert_eq!(v["terms"][0]["count"], 2);
        assert_eq!(v["terms"][0]["documents"], 1);
        assert!(v.get("ngrams").is_none());
    }
}
