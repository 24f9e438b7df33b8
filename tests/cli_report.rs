//! CLI tests of `nass report` and `nass entities` on the sample corpus: the JSON output
//! validates against the schema in the repository, spans point at what they name, and the
//! HTML page renders right to left with its charts in a real browser (headless Chromium,
//! installed by `.ci/run`; set NASS_REQUIRE_BROWSER=1 to fail instead of skipping without one).

use assert_cmd::Command;
use serde_json::Value;
use std::path::Path;

fn nass() -> Command {
    Command::cargo_bin("nass").expect("the nass binary is built")
}

fn report_json() -> Value {
    let out = nass().args(["report", "corpus", "--format", "json"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

#[test]
fn json_report_validates_against_the_schema() {
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string("data/schema/report.schema.json").unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the schema is valid");
    let report = report_json();
    let errors: Vec<String> =
        validator.iter_errors(&report).map(|e| format!("{} at {}", e, e.instance_path())).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(report["documents"].as_array().unwrap().len(), 5);
}

#[test]
fn spans_point_at_what_they_name_and_no_date_is_a_figure() {
    let report = report_json();
    for doc in report["documents"].as_array().unwrap() {
        let original = std::fs::read_to_string(doc["path"].as_str().unwrap()).unwrap();
        let dates: Vec<(u64, u64)> = doc["dates"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| (d["start"].as_u64().unwrap(), d["end"].as_u64().unwrap()))
            .collect();
        for kind in ["dates", "figures"] {
            for m in doc[kind].as_array().unwrap() {
                let (s, e) = (m["start"].as_u64().unwrap() as usize, m["end"].as_u64().unwrap() as usize);
                assert_eq!(original.get(s..e), m["text"].as_str(), "{kind} span in {}", doc["path"]);
            }
        }
        for f in doc["figures"].as_array().unwrap() {
            let (s, e) = (f["start"].as_u64().unwrap(), f["end"].as_u64().unwrap());
            assert!(!dates.iter().any(|&(ds, de)| s < de && ds < e), "figure inside a date: {f}");
        }
    }
    // The sample's main person, merged across spellings and documents.
    let people = report["people"].as_array().unwrap();
    let top = &people[0];
    assert!(top["name"].as_str().unwrap().contains("توكاي"), "{top}");
    assert!(top["documents"].as_array().unwrap().len() >= 4);
}

#[test]
fn markdown_html_and_tables() {
    let out = nass().args(["report", "corpus"]).output().unwrap();
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.starts_with("# nass report") && md.contains("## People"));
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("r.html");
    let tables = dir.path().join("tables");
    let out = nass()
        .args([
            "report",
            "corpus",
            "--format",
            "html",
            "-o",
            html.to_str().unwrap(),
            "--tables",
            tables.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains("dir=\"rtl\"") && page.contains("<svg"));
    for f in ["people.csv", "dates.csv", "figures.csv", "terms.csv"] {
        let body = std::fs::read_to_string(tables.join(f)).unwrap();
        assert!(body.lines().count() > 1, "{f} has rows");
    }
}

#[test]
fn entities_are_json_lines_with_spans() {
    let out = nass().args(["entities", "corpus/004_a959969b3be3c132.txt"]).output().unwrap();
    assert!(out.status.success());
    let original = std::fs::read_to_string("corpus/004_a959969b3be3c132.txt").unwrap();
    let rows: Vec<Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert!(rows.iter().any(|r| r["kind"] == "date") && rows.iter().any(|r| r["kind"] == "figure"));
    for r in &rows {
        let (s, e) = (r["start"].as_u64().unwrap() as usize, r["end"].as_u64().unwrap() as usize);
        assert_eq!(original.get(s..e), r["text"].as_str());
    }
}

fn chromium() -> Option<&'static str> {
    ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .into_iter()
        .find(|p| Path::new(p).exists())
}

#[test]
fn html_renders_right_to_left_with_charts_in_a_browser() {
    let Some(browser) = chromium() else {
        assert!(std::env::var_os("NASS_REQUIRE_BROWSER").is_none(), "no Chromium found");
        eprintln!("skipped: no Chromium (install it, as .ci/run does)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("r.html");
    let png = dir.path().join("r.png");
    assert!(nass()
        .args(["report", "corpus", "--format", "html", "-o", html.to_str().unwrap()])
        .output()
        .unwrap()
        .status
        .success());
    let profile = dir.path().join("profile");
    let status = std::process::Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--window-size=1000,900",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--screenshot={}", png.display()))
        .arg(format!("file://{}", html.display()))
        .output()
        .expect("Chromium runs");
    assert!(status.status.success() && png.exists(), "{}", String::from_utf8_lossy(&status.stderr));
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&png).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut buf).unwrap();
    let (w, h, channels) = (info.width as usize, info.height as usize, info.color_type.samples());
    let pixel = |x: usize, y: usize| &buf[(y * w + x) * channels..(y * w + x) * channels + 3];
    // The charts: bars in the report's blue (#3b6ea5).
    let blue = (0..h).flat_map(|y| (0..w).map(move |x| (x, y))).filter(|&(x, y)| {
        let p = pixel(x, y);
        (p[0] as i32 - 0x3b).abs() < 12 && (p[1] as i32 - 0x6e).abs() < 12 && (p[2] as i32 - 0xa5).abs() < 12
    });
    assert!(blue.count() > 500, "no chart bars drawn");
    // Right to left: the title's ink sits against the right margin, not the left one.
    let dark = |x: usize, y: usize| pixel(x, y).iter().all(|&c| c < 100);
    let title_rows = 0..h.min(120);
    let ink: Vec<usize> = title_rows.flat_map(|y| (0..w).filter(move |&x| dark(x, y))).collect();
    assert!(!ink.is_empty(), "no text drawn");
    let (left, right) = (*ink.iter().min().unwrap(), *ink.iter().max().unwrap());
    assert!(w - right < left, "title not right-aligned: ink from x={left} to x={right} of {w}");
}

/// A news file wrapped in TREC-style markup, as the ANT corpus and Gigaword ship them.
const MARKED_UP: &str = "<DOC>\n<DOCNO>JA-politic-39-20170126</DOCNO>\n\
<URL>http://www.example.tn/ar/article/الرئيس-عمر-الكبير-يستقبل/92/76711</URL>\n\
<TITLE>الرئيس عمر الكبير يستقبل وفدا</TITLE>\n<TIME>2017-01-26T10:09:00+01:00</TIME>\n\
<TEXT>\nاستقبل الرئيس عمر الكبير يوم 3 مارس 2017 وفدا من 12 عضوا.\n</TEXT>\n</DOC>\n";

#[test]
fn markup_and_addresses_are_not_read_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("article.txt");
    std::fs::write(&path, MARKED_UP).unwrap();
    let out = nass().args(["entities", "-q"]).arg(&path).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let rows: Vec<Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let of_kind = |kind: &str| -> Vec<String> {
        rows.iter().filter(|r| r["kind"] == kind).map(|r| r["text"].as_str().unwrap_or_default().to_string()).collect()
    };
    // The article's own figure and date, and none from the document number, the address or
    // the time stamp.
    assert_eq!(of_kind("figure"), ["12"], "{rows:#?}");
    assert_eq!(of_kind("date"), ["3 مارس 2017"], "{rows:#?}");
    // The person in the headline and the text, not in the address's slug.
    let url_line = MARKED_UP.find("<URL>").unwrap()..MARKED_UP.find("</URL>").unwrap();
    let people: Vec<&Value> = rows.iter().filter(|r| r["kind"] == "person").collect();
    assert!(people.len() >= 2, "{rows:#?}");
    for p in people {
        let start = p["start"].as_u64().unwrap() as usize;
        assert!(!url_line.contains(&start), "{p}");
        assert_eq!(MARKED_UP.get(start..p["end"].as_u64().unwrap() as usize), p["text"].as_str());
    }
}
