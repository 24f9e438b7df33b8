//! `nass report --format html`: one self-contained right-to-left page (no external
//! resources) with tables of people, dates, figures and top terms, and bar charts drawn as
//! inline SVG; and `--tables DIR`: one CSV file per table.

use super::analysis::{plain_number, Report};
use std::io::{self, Write};
use std::path::Path;

/// Escapes text for HTML.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// A horizontal bar chart as inline SVG, bars growing from the right (the reading side).
fn bar_chart(title: &str, bars: &[(String, u64)]) -> String {
    let max = bars.iter().map(|(_, v)| *v).max().unwrap_or(1).max(1) as f64;
    let (width, row, label) = (640.0, 24.0, 220.0);
    let height = row * bars.len() as f64 + 8.0;
    let mut svg = format!(
        "<svg class=\"chart\" role=\"img\" aria-label=\"{}\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\">",
        esc(title)
    );
    for (k, (name, value)) in bars.iter().enumerate() {
        let y = 4.0 + k as f64 * row;
        let len = ((width - label - 60.0) * *value as f64 / max).max(1.0);
        let x = width - label - len;
        svg.push_str(&format!(
            "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{len:.1}\" height=\"{:.1}\" fill=\"#3b6ea5\"><title>{}: {value}</title></rect>",
            row - 6.0,
            esc(name)
        ));
        svg.push_str(&format!(
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" direction=\"rtl\" font-size=\"14\">{}</text>",
            width - 4.0,
            y + row - 10.0,
            esc(name)
        ));
        svg.push_str(&format!(
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" font-size=\"12\">{value}</text>",
            x - 4.0,
            y + row - 10.0
        ));
    }
    svg.push_str("</svg>");
    svg
}

fn table(out: &mut String, head: &[&str], rows: impl Iterator<Item = Vec<String>>) {
    out.push_str("<table><thead><tr>");
    for h in head {
        out.push_str(&format!("<th>{}</th>", esc(h)));
    }
    out.push_str("</tr></thead><tbody>");
    for row in rows {
        out.push_str("<tr>");
        for c in row {
            out.push_str(&format!("<td>{}</td>", esc(&c)));
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
}

const STYLE: &str =
    "body{font-family:'Noto Naskh Arabic','Amiri','Arial',sans-serif;margin:2em;line-height:1.6;color:#222}\
table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #ccc;padding:.3em .6em;text-align:start}\
th{background:#f0f0f0}td.num{text-align:end}h1,h2,h3{font-weight:600}.chart{display:block;margin:1em 0}";

impl Report {
    /// One self-contained HTML page, right to left.
    pub fn write_html(&self, out: &mut impl Write) -> io::Result<()> {
        let mut h = String::new();
        h.push_str("<!DOCTYPE html><html lang=\"ar\" dir=\"rtl\"><head><meta charset=\"utf-8\">");
        h.push_str("<title>تقرير nass</title><style>");
        h.push_str(STYLE);
        h.push_str("</style></head><body>");
        h.push_str(&format!(
            "<h1>تقرير nass</h1><p id=\"summary\">{} وثيقة، {} شخصًا، {} تاريخًا، {} رقمًا.</p>",
            self.documents.len(),
            self.people.len(),
            self.documents.iter().map(|d| d.dates.len()).sum::<usize>(),
            self.documents.iter().map(|d| d.figures.len()).sum::<usize>()
        ));
        h.push_str("<h2>الأشخاص</h2>");
        let top_people: Vec<(String, u64)> =
            self.people.iter().take(15).map(|p| (p.name.clone(), p.mentions)).collect();
        if !top_people.is_empty() {
            h.push_str(&bar_chart("الأشخاص الأكثر ذكرًا", &top_people));
        }
        table(
            &mut h,
            &["الشخص", "مرات الذكر", "الوثائق", "الصفة", "صيغ أخرى"],
            self.people.iter().map(|p| {
                vec![
                    p.name.clone(),
                    p.mentions.to_string(),
                    p.documents.len().to_string(),
                    p.roles.join("، "),
                    p.variants.join("، "),
                ]
            }),
        );
        if !self.terms.is_empty() {
            h.push_str("<h2>المصطلحات الأكثر تكرارًا</h2>");
            let bars: Vec<(String, u64)> = self.terms.iter().take(20).map(|t| (t.term.clone(), t.count)).collect();
            h.push_str(&bar_chart("المصطلحات الأكثر تكرارًا", &bars));
        }
        for d in &self.documents {
            h.push_str(&format!("<h2 dir=\"auto\">{}</h2>", esc(&d.path)));
            if !d.dates.is_empty() {
                h.push_str("<h3>التواريخ</h3>");
                table(
                    &mut h,
                    &["التاريخ", "القيمة", "حتى"],
                    d.dates.iter().map(|r| vec![r.text.clone(), r.value.clone(), r.until.clone().unwrap_or_default()]),
                );
            }
            if !d.figures.is_empty() {
                h.push_str("<h3>الأرقام</h3>");
                table(
                    &mut h,
                    &["الرقم", "القيمة", "نسبة مئوية", "المعدود", "العملة"],
                    d.figures.iter().map(|f| {
                        vec![
                            f.text.clone(),
                            plain_number(f.value),
                            if f.percent { "%".into() } else { String::new() },
                            f.unit.clone().unwrap_or_default(),
                            f.currency.clone().unwrap_or_default(),
                        ]
                    }),
                );
            }
        }
        if !self.errors.is_empty() {
            h.push_str("<h2>أخطاء</h2><ul>");
            for e in &self.errors {
                h.push_str(&format!("<li dir=\"auto\">{}: {}</li>", esc(&e.path), esc(&e.error)));
            }
            h.push_str("</ul>");
        }
        h.push_str("</body></html>\n");
        out.write_all(h.as_bytes())
    }

    /// One CSV file per table in `dir`: people.csv, dates.csv, figures.csv, terms.csv.
    pub fn write_tables(&self, dir: &Path) -> io::Result<()> {
        std::fs::create_dir_all(dir)?;
        let csv = crate::output::csv_field;
        let mut people = String::from("name,mentions,documents,roles,variants\n");
        for p in &self.people {
            people.push_str(&format!(
                "{},{},{},{},{}\n",
                csv(&p.name),
                p.mentions,
                p.documents.len(),
                csv(&p.roles.join("; ")),
                csv(&p.variants.join("; "))
            ));
        }
        let mut dates = String::from("document,text,value,until,start,end\n");
        let mut figures = String::from("document,text,value,percent,unit,currency,start,end\n");
        for d in &self.documents {
            for r in &d.dates {
                dates.push_str(&format!(
                    "{},{},{},{},{},{}\n",
                    csv(&d.path),
                    csv(&r.text),
                    r.value,
                    r.until.as_deref().unwrap_or(""),
                    r.start,
                    r.end
                ));
            }
            for f in &d.figures {
                figures.push_str(&format!(
                    "{},{},{},{},{},{},{},{}\n",
                    csv(&d.path),
                    csv(&f.text),
                    plain_number(f.value),
                    f.percent,
                    csv(f.unit.as_deref().unwrap_or("")),
                    csv(f.currency.as_deref().unwrap_or("")),
                    f.start,
                    f.end
                ));
            }
        }
        let mut terms = String::from("rank,term,count,documents\n");
        for t in &self.terms {
            terms.push_str(&format!("{},{},{},{}\n", t.rank, csv(&t.term), t.count, t.documents));
        }
        for (name, body) in
            [("people.csv", people), ("dates.csv", dates), ("figures.csv", figures), ("terms.csv", terms)]
        {
            crate::output::write_atomic(&dir.join(name), body.as_bytes())?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::people::Person;

    fn report() -> Report {
        Report {
            documents: vec![],
            people: vec![Person {
                name: "قاسم <توكاييف>".into(),
                variants: vec![],
                mentions: 3,
                roles: vec!["الرئيس".into()],
                documents: vec!["a.txt".into()],
            }],
            terms: vec![],
            errors: vec![],
        }
    }

    #[test]
    fn html_is_self_contained_rtl_and_escaped() {
        let mut out = Vec::new();
        report().write_html(&mut out).unwrap();
        let html = String::from_utf8(out).unwrap();
        assert!(html.starts_with("<!DOCTYPE html><html lang=\"ar\" dir=\"rtl\">"));
        assert!(html.contains("<svg") && html.contains("<rect"));
        assert!(html.contains("قاسم &lt;توكاييف&gt;"));
        // no external resources
        assert!(!html.contains("src=") && !html.contains("href=") && !html.contains("url("));
    }

    #[test]
    fn tables_are_written_as_csv_files() {
        let dir = tempfile::tempdir().unwrap();
        report().write_tables(dir.path()).unwrap();
        let people = std::fs::read_to_string(dir.path().join("people.csv")).unwrap();
        assert_eq!(people, "name,mentions,documents,roles,variants\nقاسم <توكاييف>,3,1,الرئيس,\n");
        for f in ["dates.csv", "figures.csv", "terms.csv"] {
            assert!(dir.path().join(f).exists());
        }
    }
}
