//! The report of `nass report`: people, dates, figures and top terms, per document and for
//! the corpus (the JSON contract of DESIGN.md), and its Markdown and JSON renderers.

use crate::extract::people::Person;
use crate::input::InputError;
use crate::stats::Row;
use serde::Serialize;
use std::io::{self, Write};

/// A person as listed for one document.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DocPerson {
    pub name: String,
    pub mentions: u64,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<String>,
}

/// A date found in a document; `start`/`end` are byte offsets into its decoded text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DateRow {
    pub text: String,
    pub value: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub until: Option<String>,
    pub start: usize,
    pub end: usize,
}

/// A figure found in a document; `start`/`end` are byte offsets into its decoded text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FigureRow {
    pub text: String,
    pub value: f64,
    pub percent: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    pub start: usize,
    pub end: usize,
}

/// One document of the report.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DocReport {
    pub path: String,
    pub tokens: u64,
    pub people: Vec<DocPerson>,
    pub dates: Vec<DateRow>,
    pub figures: Vec<FigureRow>,
}

/// `nass report --format json`.
#[derive(Clone, Debug, Serialize)]
pub struct Report {
    pub documents: Vec<DocReport>,
    pub people: Vec<Person>,
    pub terms: Vec<Row>,
    pub errors: Vec<InputError>,
}

/// Escapes text for a Markdown table cell.
fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// A number as a reader writes it: no trailing zeros, no exponent.
pub fn plain_number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        let s = format!("{v:.6}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

impl Report {
    pub fn write_json(&self, out: &mut impl Write) -> io::Result<()> {
        serde_json::to_writer_pretty(&mut *out, self)?;
        out.write_all(b"\n")
    }

    /// Markdown, readable in a terminal: people, then each document's dates and figures,
    /// then the top terms.
    pub fn write_markdown(&self, out: &mut impl Write) -> io::Result<()> {
        writeln!(out, "# nass report\n")?;
        writeln!(
            out,
            "{} documents, {} people, {} dates, {} figures.\n",
            self.documents.len(),
            self.people.len(),
            self.documents.iter().map(|d| d.dates.len()).sum::<usize>(),
            self.documents.iter().map(|d| d.figures.len()).sum::<usize>()
        )?;
        writeln!(out, "## People\n")?;
        writeln!(out, "| person | mentions | documents | roles | also written |")?;
        writeln!(out, "|---|---:|---:|---|---|")?;
        for p in &self.people {
            writeln!(
                out,
                "| {} | {} | {} | {} | {} |",
                cell(&p.name),
                p.mentions,
                p.documents.len(),
                cell(&p.roles.join("، ")),
                cell(&p.variants.join("، "))
            )?;
        }
        for d in &self.documents {
            writeln!(out, "\n## {}\n", cell(&d.path))?;
            writeln!(out, "{} tokens.\n", d.tokens)?;
            if !d.dates.is_empty() {
                writeln!(out, "| date | value |\n|---|---|")?;
                for r in &d.dates {
                    let value = match &r.until {
                        Some(u) => format!("{} / {}", r.value, u),
                        None => r.value.clone(),
                    };
                    writeln!(out, "| {} | {} |", cell(&r.text), value)?;
                }
                writeln!(out)?;
            }
            if !d.figures.is_empty() {
                writeln!(out, "| figure | value | of |\n|---|---:|---|")?;
                for f in &d.figures {
                    let value = format!("{}{}", plain_number(f.value), if f.percent { " %" } else { "" });
                    let of = [f.unit.as_deref(), f.currency.as_deref()]
                        .iter()
                        .flatten()
                        .copied()
                        .collect::<Vec<_>>()
                        .join(" ");
                    writeln!(out, "| {} | {} | {} |", cell(&f.text), value, cell(&of))?;
                }
            }
        }
        if !self.terms.is_empty() {
            writeln!(out, "\n## Top terms\n")?;
            writeln!(out, "| term | count | documents |\n|---|---:|---:|")?;
            for t in &self.terms {
                writeln!(out, "| {} | {} | {} |", cell(&t.term), t.count, t.documents)?;
            }
        }
        if !self.errors.is_empty() {
            writeln!(out, "\n## Errors\n")?;
            for e in &self.errors {
                writeln!(out, "- {}: {}", cell(&e.path), cell(&e.error))?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report() -> Report {
        Report {
            documents: vec![DocReport {
                path: "a.txt".into(),
                tokens: 9,
                people: vec![DocPerson {
                    name: "قاسم توكاييف".into(), mentions: 2, roles: vec!["الرئيس".into()]
                }],
                dates: vec![DateRow {
                    text: "16 أكتوبر 2013".into(),
                    value: "2013-10-16".into(),
                    until: None,
                    start: 0,
                    end: 20,
                }],
                figures: vec![FigureRow {
                    text: "81,31%".into(),
                    value: 81.31,
                    percent: true,
                    unit: None,
                    currency: None,
                    start: 30,
                    end: 36,
                }],
            }],
            people: vec![Person {
                name: "قاسم توكاييف".into(),
                variants: vec!["توكاييف".into()],
                mentions: 2,
                roles: vec!["الرئيس".into()],
                documents: vec!["a.txt".into()],
            }],
            terms: vec![],
            errors: vec![],
        }
    }

    #[test]
    fn json_follows_the_contract() {
        let mut out = Vec::new();
        report().write_json(&mut out).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(v["documents"][0]["people"][0]["name"], "قاسم توكاييف");
        assert_eq!(v["documents"][0]["dates"][0]["value"], "2013-10-16");
        assert!(v["documents"][0]["dates"][0].get("until").is_none());
        assert_eq!(v["documents"][0]["figures"][0]["value"], 81.31);
        assert_eq!(v["documents"][0]["figures"][0]["percent"], true);
        assert_eq!(v["people"][0]["variants"][0], "توكاييف");
        assert_eq!(v["people"][0]["documents"][0], "a.txt");
        assert!(v["errors"].as_array().unwrap().is_empty());
    }

    #[test]
    fn markdown_lists_people_dates_and_figures() {
        let mut out = Vec::new();
        report().write_markdown(&mut out).unwrap();
        let md = String::from_utf8(out).unwrap();
        assert!(md.contains("| قاسم توكاييف | 2 | 1 | الرئيس | توكاييف |"));
        assert!(md.contains("| 16 أكتوبر 2013 | 2013-10-16 |"));
        assert!(md.contains("| 81,31% | 81.31 % |"));
    }

    #[test]
    fn numbers_are_written_plainly() {
        assert_eq!(plain_number(6456392.0), "6456392");
        assert_eq!(plain_number(81.31), "81.31");
        assert_eq!(plain_number(0.5), "0.5");
    }
}
