//! Integration tests for `nass clean`: what a user or a pipeline sees through the command line.
//!
//! Every fixture is a short Arabic text written here; the sample articles in `corpus/` are the
//! only files read from the repository.

use assert_cmd::Command;
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};

/// An undamaged sentence: `clean` must give it back unchanged.
const CLEAN: &str = "شهدت كازاخستان انتخابات رئاسية مبكرة في نوفمبر، وفاز فيها الرئيس بولاية جديدة.\n";
/// The same kind of sentence with PDF-extraction damage: two justification kashidas, mirrored
/// guillemets and a `%` written before its number.
const DAMAGED: &str = "شـهدت كازاخسـتان »انتخابات« رئاسية فاز فيها الرئيس بنسبة %69,44 من الأصوات.\n";
/// `DAMAGED` repaired by hand.
const REPAIRED: &str = "شهدت كازاخستان «انتخابات» رئاسية فاز فيها الرئيس بنسبة 69,44% من الأصوات.\n";

/// What one run of `nass` gave.
struct Run {
    code: i32,
    stdout: Vec<u8>,
    stderr: String,
}

impl Run {
    fn stdout(&self) -> &str {
        std::str::from_utf8(&self.stdout).expect("stdout is UTF-8")
    }

    /// stdout read as JSON Lines.
    fn records(&self) -> Vec<Value> {
        self.stdout()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not a JSON line ({e}): {l}")))
            .collect()
    }
}

fn nass() -> Command {
    Command::cargo_bin("nass").expect("the nass binary is built")
}

/// Runs `nass clean ARGS…` (with `stdin` if given) and checks that it did not panic.
fn clean(args: &[&str], stdin: Option<&[u8]>) -> Run {
    clean_in(None, args, stdin)
}

fn clean_in(dir: Option<&Path>, args: &[&str], stdin: Option<&[u8]>) -> Run {
    let mut cmd = nass();
    cmd.arg("clean").args(args);
    if let Some(dir) = dir {
        cmd.current_dir(dir);
    }
    if let Some(input) = stdin {
        cmd.write_stdin(input.to_vec());
    }
    let out = cmd.output().expect("nass runs");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "nass panicked:\n{stderr}");
    Run { code: out.status.code().expect("nass exited (no signal)"), stdout: out.stdout, stderr }
}

fn write(path: &Path, bytes: impl AsRef<[u8]>) {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(path, bytes).unwrap();
}

fn s(path: &Path) -> String {
    path.display().to_string()
}

/// The `path` field of each record.
fn paths(records: &[Value]) -> Vec<String> {
    records.iter().map(|r| r["path"].as_str().expect("path is a string").to_string()).collect()
}

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// Every file under `dir`, hidden ones included, relative and sorted.
fn files_under(dir: &Path) -> Vec<String> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<String>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                out.push(path.strip_prefix(root).unwrap().display().to_string());
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

fn utf16(text: &str, little_endian: bool) -> Vec<u8> {
    let mut out: Vec<u8> = if little_endian { vec![0xFF, 0xFE] } else { vec![0xFE, 0xFF] };
    for unit in text.encode_utf16() {
        out.extend_from_slice(&if little_endian { unit.to_le_bytes() } else { unit.to_be_bytes() });
    }
    out
}

// ---------------------------------------------------------------------------------------------
// 1. Input kinds

#[test]
fn single_clean_file_in_text_format_is_byte_identical_with_crlf_kept() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("crlf.txt");
    let text = "شهدت كازاخستان انتخابات رئاسية مبكرة.\r\nوفاز فيها الرئيس بولاية جديدة.\r\n\r\nنهاية";
    write(&file, text);
    let run = clean(&[&s(&file), "--format", "text"], None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // Exactly the file: CRLF kept, and no newline added after the last line.
    assert_eq!(run.stdout, text.as_bytes());
}

#[test]
fn single_damaged_file_in_text_format_prints_exactly_its_cleaned_text() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("damaged.txt");
    write(&file, DAMAGED.replace('\n', "\r\n"));
    let run = clean(&[&s(&file), "--format", "text"], None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout(), REPAIRED.replace('\n', "\r\n"));
}

#[test]
fn folder_is_read_recursively_in_sorted_order_skipping_hidden_and_non_txt() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    // Written out of order, so that sorted output is not an accident of creation order.
    for (name, text) in [
        ("z.txt", "وثيقة ز"),
        ("b/sub/c.txt", "وثيقة ب س ج\n"),
        ("a.txt", "وثيقة أ\n"),
        ("b/a.txt", "وثيقة ب أ\n"),
        ("m.TXT", "وثيقة م\n"),
        ("notes.md", "ملاحظات\n"),
        ("README", "اقرأني\n"),
        (".secret.txt", "سر\n"),
        (".hidden/x.txt", "مخفي\n"),
        ("b/.cache/y.txt", "مخفي أيضا\n"),
    ] {
        write(&root.join(name), text);
    }
    let rel = |names: &[&str]| -> Vec<String> { names.iter().map(|n| s(&root.join(n))).collect() };

    let run = clean(&[&s(root), "--format", "jsonl"], None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let records = run.records();
    assert_eq!(paths(&records), rel(&["a.txt", "b/a.txt", "b/sub/c.txt", "m.TXT", "z.txt"]));
    let texts: Vec<&str> = records.iter().map(|r| r["text"].as_str().unwrap()).collect();
    assert_eq!(texts, ["وثيقة أ\n", "وثيقة ب أ\n", "وثيقة ب س ج\n", "وثيقة م\n", "وثيقة ز"]);

    // As text, documents follow one another, each ending with a newline.
    let run = clean(&[&s(root), "--format", "text"], None);
    assert_eq!(run.stdout(), "وثيقة أ\nوثيقة ب أ\nوثيقة ب س ج\nوثيقة م\nوثيقة ز\n");

    let run = clean(&[&s(root), "--format", "jsonl", "--ext", "md"], None);
    assert_eq!(paths(&run.records()), rel(&["notes.md"]));

    let run = clean(&[&s(root), "--format", "jsonl", "--ext", "txt,md"], None);
    assert_eq!(paths(&run.records()), rel(&["a.txt", "b/a.txt", "b/sub/c.txt", "m.TXT", "notes.md", "z.txt"]));

    let run = clean(&[&s(root), "--format", "jsonl", "--all-files"], None);
    assert_eq!(
        paths(&run.records()),
        rel(&["README", "a.txt", "b/a.txt", "b/sub/c.txt", "m.TXT", "notes.md", "z.txt"]),
        "--all-files still skips hidden files and folders"
    );
}

#[test]
fn folder_without_matching_files_warns_and_prints_nothing() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("notes.md"), "ملاحظات\n");
    let run = clean(&[&s(dir.path())], None);
    assert_eq!(run.code, 0);
    assert!(run.stdout.is_empty());
    assert!(run.stderr.contains("no documents"), "{}", run.stderr);
}

#[test]
fn explicit_file_arguments_are_read_whatever_their_extension() {
    let dir = tempfile::tempdir().unwrap();
    let md = dir.path().join("notes.md");
    let bare = dir.path().join("README");
    let hidden = dir.path().join(".draft");
    write(&md, "ملاحظات المحرر\n");
    write(&bare, "اقرأني أولا\n");
    write(&hidden, "مسودة\n");
    let run = clean(&[&s(&md), &s(&bare), &s(&hidden), "--format", "jsonl"], None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let records = run.records();
    assert_eq!(paths(&records), [s(&md), s(&bare), s(&hidden)], "argument order is kept");
    assert_eq!(records[0]["text"], "ملاحظات المحرر\n");
    assert_eq!(records[1]["text"], "اقرأني أولا\n");
}

#[test]
fn stdin_is_read_with_no_path_and_with_dash() {
    for args in [&[][..], &["-"][..]] {
        let run = clean(args, Some(DAMAGED.as_bytes()));
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
        assert_eq!(run.stdout(), REPAIRED, "{args:?}");
    }
    // `-` among files takes its place in argument order.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.txt");
    write(&file, CLEAN);
    let run = clean(&[&s(&file), "-", "--format", "jsonl"], Some(DAMAGED.as_bytes()));
    let records = run.records();
    assert_eq!(paths(&records), [s(&file), "-".to_string()]);
    assert_eq!(records[1]["text"], REPAIRED);
}

#[test]
fn jsonl_format_gives_one_object_per_document_with_path_text_encoding_repairs() {
    let dir = tempfile::tempdir().unwrap();
    let clean_file = dir.path().join("clean.txt");
    let damaged_file = dir.path().join("damaged.txt");
    let bom_file = dir.path().join("bom.txt");
    write(&clean_file, CLEAN);
    write(&damaged_file, DAMAGED);
    write(&bom_file, [&b"\xEF\xBB\xBF"[..], CLEAN.as_bytes()].concat());
    let run = clean(&[&s(&clean_file), &s(&damaged_file), &s(&bom_file), "--format", "jsonl"], None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout().lines().count(), 3, "one line per document");
    let records = run.records();
    assert_eq!(paths(&records), [s(&clean_file), s(&damaged_file), s(&bom_file)]);
    for r in &records {
        for field in ["path", "text", "encoding", "repairs"] {
            assert!(r.get(field).is_some(), "{field} missing in {r}");
        }
        assert!(r["repairs"].is_object(), "{r}");
    }
    assert_eq!(records[0]["text"], CLEAN);
    assert_eq!(records[0]["encoding"], "utf-8");
    assert_eq!(records[0]["repairs"], serde_json::json!({}));
    assert_eq!(records[1]["text"], REPAIRED);
    assert_eq!(records[1]["repairs"]["tatweel"], 2);
    assert_eq!(records[1]["repairs"]["mirrored_quote"], 2);
    assert_eq!(records[1]["repairs"]["percent_before"], 1);
    // The byte-order mark is not text.
    assert_eq!(records[2]["text"], CLEAN);
    assert_eq!(records[2]["encoding"], "utf-8-bom");
}

// ---------------------------------------------------------------------------------------------
// 2. JSON Lines in

/// A JSON string literal as serde writes it (non-ASCII kept as is).
fn literal(text: &str) -> String {
    serde_json::to_string(text).unwrap()
}

#[test]
fn jsonl_in_cleans_text_and_passes_every_other_field_through() {
    let damaged = literal(DAMAGED);
    let lines = [
        // Nested objects and arrays, numbers in several spellings, null, text not first.
        format!(
            r#"{{"id":"a-1","meta":{{"source":"وكالة","tags":["سياسة",{{"k":null}}],"score":0.5}},"text":{damaged},"n":3,"big":18446744073709551617,"f":1.10,"e":1e2,"z":null}}"#
        ),
        // Text first, numeric id, spaces and escapes kept.
        format!(r#"{{ "text" : {}, "id" : 7, "note" : "\u00e9\/" }}"#, literal(CLEAN)),
        // A field that merely contains "text" is not the text.
        format!(r#"{{"id":null,"context":{{"text":{damaged}}},"text":{damaged}}}"#),
    ];
    let input = lines.join("\n") + "\n";
    let run = clean(&["--jsonl-in", "-q"], Some(input.as_bytes()));
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out: Vec<&str> = run.stdout().lines().collect();
    // Each record is its input line with only the top-level text value replaced.
    let repaired = literal(REPAIRED);
    assert_eq!(out.len(), 3);
    assert_eq!(out[0], lines[0].replace(&damaged, &repaired));
    assert_eq!(out[1], lines[1], "clean text: the record comes back as it was");
    let expected = format!(r#"{{"id":null,"context":{{"text":{damaged}}},"text":{repaired}}}"#);
    assert_eq!(out[2], expected);
    // And it is still JSON, with its fields in their order.
    let first: serde_json::Map<String, Value> = serde_json::from_str(out[0]).unwrap();
    let keys: Vec<&str> = first.keys().map(String::as_str).collect();
    assert_eq!(keys, ["id", "meta", "text", "n", "big", "f", "e", "z"]);
    assert_eq!(first["text"], REPAIRED);
}

#[test]
fn jsonl_in_names_bad_lines_and_still_writes_the_others() {
    let input = [
        format!(r#"{{"id":"first","text":{}}}"#, literal(DAMAGED)),
        "{not json".to_string(),
        r#"{"id":"no-text","body":"نص"}"#.to_string(),
        r#"{"id":"numeric","text":5}"#.to_string(),
        String::new(),
        format!(r#"{{"id":"last","text":{}}}"#, literal(CLEAN)),
    ]
    .join("\n");
    let run = clean(&["--jsonl-in"], Some(input.as_bytes()));
    assert_eq!(run.code, 1, "bad lines make the exit status 1");
    let records = run.records();
    let ids: Vec<&str> = records.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["first", "last"]);
    assert_eq!(records[0]["text"], REPAIRED);
    for line in ["-:2", "-:3", "-:4"] {
        assert!(run.stderr.contains(line), "{line} not named in:\n{}", run.stderr);
    }
    assert!(
        !run.stderr.contains("-:1:") && !run.stderr.contains("-:5") && !run.stderr.contains("-:6"),
        "{}",
        run.stderr
    );

    // Read from a file, errors name the file.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("records.jsonl");
    write(&file, &input);
    let run = clean(&["--jsonl-in", &s(&file)], None);
    assert_eq!(run.code, 1);
    assert_eq!(run.records().len(), 2);
    assert!(run.stderr.contains(&format!("{}:2", s(&file))), "{}", run.stderr);
}

// ---------------------------------------------------------------------------------------------
// 3. Repairs through the CLI

#[test]
fn tatweel_is_removed_inside_words_but_kept_before_a_digit() {
    let run = clean(&[], Some("شـهدت البلاد انتخابات تنافـس فيها المرشح بـ7 نقاط.\n".as_bytes()));
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout(), "شهدت البلاد انتخابات تنافس فيها المرشح بـ7 نقاط.\n");
}

#[test]
fn mirrored_guillemets_are_put_back() {
    let run = clean(&[], Some("قال المتحدث إن »الحزب الحاكم« فاز في الانتخابات.\n".as_bytes()));
    assert_eq!(run.stdout(), "قال المتحدث إن «الحزب الحاكم» فاز في الانتخابات.\n");
    // Guillemets the right way round are left alone.
    let right = "قال المتحدث إن «الحزب الحاكم» فاز في الانتخابات.\n";
    assert_eq!(clean(&[], Some(right.as_bytes())).stdout(), right);
}

#[test]
fn percent_before_its_number_is_moved_after_it_in_a_damaged_document() {
    let run = clean(&[], Some("فاز الرئيـس بنسبـة %69,44 من الأصـوات.\n".as_bytes()));
    assert_eq!(run.stdout(), "فاز الرئيس بنسبة 69,44% من الأصوات.\n");
}

#[test]
fn stats_go_to_stderr_per_document_and_in_total() {
    let dir = tempfile::tempdir().unwrap();
    let damaged = dir.path().join("a_damaged.txt");
    let clean_file = dir.path().join("b_clean.txt");
    write(&damaged, DAMAGED);
    write(&clean_file, CLEAN);
    let run = clean(&[&s(dir.path()), "--stats"], None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // stdout holds the documents and nothing else.
    assert_eq!(run.stdout(), format!("{REPAIRED}{CLEAN}"));
    let rows: Vec<Vec<&str>> = run.stderr.lines().map(|l| l.split('\t').collect()).collect();
    let row =
        |name: &str| rows.iter().find(|r| r[0] == name).unwrap_or_else(|| panic!("no {name} row in:\n{}", run.stderr));
    let classes = |r: &[&str]| -> Vec<String> {
        let mut c: Vec<String> = r[2].split(' ').map(String::from).collect();
        c.sort();
        c
    };
    let d = row(&s(&damaged));
    assert_eq!(d[1], "5");
    assert_eq!(classes(d), ["mirrored_quote=2", "percent_before=1", "tatweel=2"]);
    let c = row(&s(&clean_file));
    assert_eq!(&c[1..], ["0", "-"]);
    let total = row("TOTAL");
    assert_eq!(total[1], "5");
    assert_eq!(classes(total), ["mirrored_quote=2", "percent_before=1", "tatweel=2"]);
}

#[test]
fn repair_log_spans_slice_the_original_text() {
    let run = clean(&["--format", "jsonl", "--repairs"], Some(DAMAGED.as_bytes()));
    assert_eq!(run.code, 0, "{}", run.stderr);
    let record = &run.records()[0];
    assert_eq!(record["text"], REPAIRED);
    let log = record["repair_log"].as_array().expect("repair_log is a list");
    let mut seen: Vec<(String, String)> = Vec::new();
    for entry in log {
        let (start, end) = (entry["start"].as_u64().unwrap() as usize, entry["end"].as_u64().unwrap() as usize);
        let slice = DAMAGED.get(start..end).unwrap_or_else(|| panic!("{entry} is not a span of the original"));
        assert_eq!(entry["original"], slice, "{entry}");
        seen.push((entry["class"].as_str().unwrap().to_string(), slice.to_string()));
    }
    seen.sort();
    let expected = [
        ("mirrored_quote", "«"),
        ("mirrored_quote", "»"),
        ("percent_before", "%69,44"),
        ("tatweel", "ـ"),
        ("tatweel", "ـ"),
    ];
    assert_eq!(seen, expected.map(|(c, o)| (c.to_string(), o.to_string())));
    // The first kashida is the one in شـهدت, at byte 4.
    let first = log.iter().find(|e| e["class"] == "tatweel").unwrap();
    assert_eq!(first["start"].as_u64(), Some(DAMAGED.find('ـ').unwrap() as u64));
    // Without --repairs there is no log.
    let plain = clean(&["--format", "jsonl"], Some(DAMAGED.as_bytes()));
    assert!(plain.records()[0].get("repair_log").is_none());
}

#[test]
fn fold_makes_the_search_form() {
    let text = "أعلنت اللجنة إلى أن نسبة المشاركة على مستوى البلاد بلغت ٦٩٫٤٤٪ في عام ۲۰۲۳ وفق الكِتَابِ.\n";
    // Without --fold, orthography is kept.
    assert_eq!(clean(&[], Some(text.as_bytes())).stdout(), text);
    let run = clean(&["--fold"], Some(text.as_bytes()));
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout(), "اعلنت اللجنه الي ان نسبه المشاركه علي مستوي البلاد بلغت 69.44% في عام 2023 وفق الكتاب.\n");
    // Folding comes after repair.
    let run = clean(&["--fold"], Some("شـهدت الدولة »انتخابات« مبكرة.\n".as_bytes()));
    assert_eq!(run.stdout(), "شهدت الدوله «انتخابات» مبكره.\n");
}

// ---------------------------------------------------------------------------------------------
// 4. Bad input

#[test]
fn bad_inputs_in_one_folder_are_named_and_every_readable_document_is_emitted() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let arabic = "أعلنت اللجنة المركزية للانتخابات أن الرئيس فاز بولاية جديدة، وبلغت نسبة المشاركة ثمانين في المئة.\n";
    let (cp1256, _, unmappable) = encoding_rs::WINDOWS_1256.encode(arabic);
    assert!(!unmappable);
    let mut damaged_utf8 = arabic.repeat(3).into_bytes();
    damaged_utf8.insert(arabic.len() + 10, 0xFF);
    let line = arabic.trim_end();
    let large = line.repeat(3 * 1024 * 1024 / line.len()); // ~3 MB on a single line
    write(&root.join("a_good.txt"), CLEAN);
    write(&root.join("b_empty.txt"), "");
    write(&root.join("c_binary_nul.txt"), b"\x00\x01\x02abc\x00\x00\xFF\x10 binary\x00");
    write(&root.join("d_pdf.txt"), b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n");
    write(&root.join("e_invalid_utf8.txt"), &damaged_utf8);
    write(&root.join("f_windows1256.txt"), &cp1256[..]);
    write(&root.join("g_utf16le.txt"), utf16(arabic, true));
    write(&root.join("h_utf16be.txt"), utf16(arabic, false));
    write(&root.join("i_large_single_line.txt"), &large);

    let run = clean(&[&s(root), "--format", "jsonl"], None);
    assert_eq!(run.code, 1, "some inputs were unreadable: {}", run.stderr);
    let records = run.records();
    let name = |n: &str| s(&root.join(n));
    assert_eq!(
        paths(&records),
        ["a_good.txt", "b_empty.txt", "f_windows1256.txt", "g_utf16le.txt", "h_utf16be.txt", "i_large_single_line.txt"]
            .map(name),
        "exactly one record per readable document, in order"
    );
    let by = |n: &str| records.iter().find(|r| r["path"] == name(n)).unwrap();
    assert_eq!(by("a_good.txt")["text"], CLEAN);
    assert_eq!(by("b_empty.txt")["text"], "");
    for (file, encoding) in
        [("f_windows1256.txt", "windows-1256"), ("g_utf16le.txt", "utf-16le"), ("h_utf16be.txt", "utf-16be")]
    {
        assert_eq!(by(file)["text"], arabic, "{file}");
        assert_eq!(by(file)["encoding"], encoding, "{file}");
    }
    assert_eq!(by("i_large_single_line.txt")["text"].as_str().map(str::len), Some(large.len()));
    assert!(by("i_large_single_line.txt")["text"] == large.as_str());

    let stderr_lines: Vec<&str> = run.stderr.lines().collect();
    let named = |n: &str| stderr_lines.iter().find(|l| l.contains(&name(n))).copied();
    let empty = named("b_empty.txt").expect("empty file named");
    assert!(empty.contains("warning") && empty.contains("empty"), "{empty}");
    for bad in ["c_binary_nul.txt", "d_pdf.txt", "e_invalid_utf8.txt"] {
        let line = named(bad).unwrap_or_else(|| panic!("{bad} not named in:\n{}", run.stderr));
        assert!(line.contains("error"), "{line}");
    }
    assert!(named("d_pdf.txt").unwrap().contains("PDF"));
    assert!(named("e_invalid_utf8.txt").unwrap().contains("UTF-8"));
    for good in ["a_good.txt", "f_windows1256.txt", "g_utf16le.txt", "h_utf16be.txt", "i_large_single_line.txt"] {
        assert!(named(good).is_none(), "{good} is fine but was named:\n{}", run.stderr);
    }
}

#[test]
fn missing_path_is_named_and_the_other_inputs_are_processed() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    let missing = dir.path().join("no/such/file.txt");
    write(&a, CLEAN);
    write(&b, DAMAGED);
    let run = clean(&[&s(&a), &s(&missing), &s(&b)], None);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains(&s(&missing)), "{}", run.stderr);
    assert_eq!(run.stdout(), format!("{CLEAN}{REPAIRED}"));
}

#[test]
fn encoding_flag_forces_a_decoding() {
    let dir = tempfile::tempdir().unwrap();
    let arabic = "شهدت كازاخستان انتخابات رئاسية مبكرة.\n";
    let cp = dir.path().join("cp.txt");
    let utf8 = dir.path().join("utf8.txt");
    write(&cp, &encoding_rs::WINDOWS_1256.encode(arabic).0[..]);
    write(&utf8, arabic);

    let run = clean(&[&s(&cp), "--encoding", "windows-1256", "--format", "jsonl"], None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.records()[0]["text"], arabic);
    assert_eq!(run.records()[0]["encoding"], "windows-1256");

    // Forced, even on a file that auto-detection reads as UTF-8: its bytes read as Windows-1256.
    let run = clean(&[&s(&utf8), "--encoding", "windows-1256", "--no-repair", "--format", "jsonl"], None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let (expected, _, _) = encoding_rs::WINDOWS_1256.decode(arabic.as_bytes());
    assert_ne!(expected, arabic);
    assert_eq!(run.records()[0]["text"], expected.as_ref());

    // Windows-1256 bytes forced as UTF-8 are refused, naming the file.
    let run = clean(&[&s(&cp), "--encoding", "utf-8"], None);
    assert_eq!(run.code, 1);
    assert!(run.stdout.is_empty());
    assert!(run.stderr.contains(&s(&cp)), "{}", run.stderr);
}

#[test]
fn unknown_encoding_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.txt");
    write(&file, CLEAN);
    let run = clean(&[&s(&file), "--encoding", "klingon-8"], None);
    assert_eq!(run.code, 2);
    assert!(run.stdout.is_empty());
    assert!(run.stderr.contains("klingon-8"), "{}", run.stderr);
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_does_not_repeat_documents() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("articles");
    write(&root.join("a.txt"), CLEAN);
    write(&root.join("sub/b.txt"), DAMAGED);
    std::os::unix::fs::symlink("..", root.join("sub/loop")).unwrap();
    let run = clean(&[&s(&root), "--format", "jsonl"], None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(paths(&run.records()), [s(&root.join("a.txt")), s(&root.join("sub/b.txt"))]);
}

// ---------------------------------------------------------------------------------------------
// 6. --out

#[test]
fn out_mirrors_the_tree_and_prints_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    let out = dir.path().join("out");
    write(&input.join("a.txt"), CLEAN);
    write(&input.join("sub/deeper/b.txt"), DAMAGED);
    write(&input.join("sub/notes.md"), "ملاحظات\n");
    write(&input.join(".hidden.txt"), "مخفي\n");
    let run = clean(&[&s(&input), "--out", &s(&out)], None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.is_empty(), "nothing on stdout with --out");
    // Exactly the cleaned files: no temporary leftovers, no skipped file.
    assert_eq!(files_under(&out), ["a.txt", "sub/deeper/b.txt"]);
    assert_eq!(fs::read_to_string(out.join("a.txt")).unwrap(), CLEAN);
    assert_eq!(fs::read_to_string(out.join("sub/deeper/b.txt")).unwrap(), REPAIRED);

    // A relative --out, run from inside the input's parent, writes relative paths.
    let run = clean_in(Some(dir.path()), &["in", "--out", "rel"], None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(files_under(&dir.path().join("rel")), ["a.txt", "sub/deeper/b.txt"]);
}

#[test]
fn out_refuses_stdin_and_colliding_names() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let o = s(&out);
    for args in [vec!["--out", o.as_str()], vec!["-", "--out", o.as_str()]] {
        let run = clean(&args, Some(DAMAGED.as_bytes()));
        assert_eq!(run.code, 2, "{args:?}");
        assert!(run.stderr.contains("--out") && run.stderr.contains("stdin"), "{}", run.stderr);
        assert!(run.stdout.is_empty());
    }
    let run = clean(&["--jsonl-in", "--out", &s(&out)], Some(b"{\"text\":\"x\"}\n"));
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("--jsonl-in"), "{}", run.stderr);

    // Two inputs that would land on the same file are refused before anything is written.
    let a = dir.path().join("a/x.txt");
    let b = dir.path().join("b/x.txt");
    write(&a, CLEAN);
    write(&b, DAMAGED);
    let run = clean(&[&s(&a), &s(&b), "--out", &s(&out)], None);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains(&s(&a)) && run.stderr.contains(&s(&b)), "{}", run.stderr);
    assert!(!out.exists(), "nothing written");
}

#[test]
fn output_that_cannot_be_written_exits_3() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("a.txt");
    let not_a_folder = dir.path().join("out");
    write(&input, CLEAN);
    write(&not_a_folder, "ملف عادي\n");
    let run = clean(&[&s(&input), "--out", &s(&not_a_folder)], None);
    assert_eq!(run.code, 3, "{}", run.stderr);
    assert!(run.stderr.contains(&s(&not_a_folder)), "{}", run.stderr);
    assert_eq!(fs::read_to_string(&not_a_folder).unwrap(), "ملف عادي\n", "left as it was");
}

#[cfg(target_os = "linux")]
#[test]
fn full_stdout_exits_3() {
    use assert_cmd::cargo::CommandCargoExt;
    let full = fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
    let out = std::process::Command::cargo_bin("nass")
        .unwrap()
        .args(["clean", "corpus"])
        .current_dir(repo(""))
        .stdout(full)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(out.status.code(), Some(3), "{stderr}");
}

// ---------------------------------------------------------------------------------------------
// 7. Determinism

#[test]
fn thread_count_does_not_change_the_output() {
    for format in ["text", "jsonl"] {
        let one = clean_in(Some(&repo("")), &["corpus", "--threads", "1", "--format", format, "--repairs"], None);
        let four = clean_in(Some(&repo("")), &["corpus", "--threads", "4", "--format", format, "--repairs"], None);
        assert_eq!(one.code, 0, "{}", one.stderr);
        assert!(!one.stdout.is_empty());
        assert!(one.stdout == four.stdout, "--format {format}: output differs between 1 and 4 threads");
    }
}

// ---------------------------------------------------------------------------------------------
// 8. Acceptance on the sample articles

fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' | '\u{0671}'..='\u{06D3}')
}

/// The kinds of PDF damage left in `text`, each with where it was first seen.
fn damage(text: &str) -> Vec<(&'static str, String)> {
    let chars: Vec<char> = text.chars().collect();
    let context = |k: usize| chars[k.saturating_sub(10)..(k + 10).min(chars.len())].iter().collect::<String>();
    let mut found: Vec<(&'static str, String)> = Vec::new();
    let mut note = |kind: &'static str, k: usize| {
        if !found.iter().any(|(f, _)| *f == kind) {
            found.push((kind, context(k)));
        }
    };
    for k in 0..chars.len() {
        let prev = k.checked_sub(1).map(|p| chars[p]);
        let next = chars.get(k + 1).copied();
        let word_start = prev.is_none_or(char::is_whitespace);
        match chars[k] {
            '\u{0640}' if prev.is_some_and(is_arabic_letter) && next.is_some_and(is_arabic_letter) => {
                note("tatweel between letters", k)
            }
            '\u{FFFD}' => note("U+FFFD", k),
            '»' if word_start && next.is_some_and(char::is_alphabetic) => note("mirrored opening guillemet", k),
            ')' if word_start && next.is_some_and(|c| c.is_ascii_digit()) => note("mirrored parenthesis", k),
            '%' if next.is_some_and(|c| c.is_ascii_digit()) => note("percent before its number", k),
            _ => {}
        }
    }
    found
}

#[test]
fn damaged_sample_article_is_repaired() {
    let path = repo("corpus/003_3029abfef3244c02.txt");
    let original = fs::read_to_string(&path).unwrap();
    // Every check below finds something in the sample as it is...
    let before: Vec<&str> = damage(&original).into_iter().map(|(kind, _)| kind).collect();
    assert_eq!(before.len(), 5, "the sample shows every kind of damage: {before:?}");
    // ...and nothing once it is cleaned.
    let run = clean(&[&s(&path), "--format", "text"], None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(damage(run.stdout()), [], "damage left after clean");
}

#[test]
fn crlf_line_endings_do_not_change_the_repairs() {
    let original = fs::read_to_string(repo("corpus/003_3029abfef3244c02.txt")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let lf = dir.path().join("lf.txt");
    let crlf = dir.path().join("crlf.txt");
    write(&lf, &original);
    write(&crlf, original.replace('\n', "\r\n"));
    let lf_out = clean(&[&s(&lf)], None);
    let crlf_out = clean(&[&s(&crlf)], None);
    assert_eq!(lf_out.code, 0);
    assert_ne!(lf_out.stdout(), original, "the sample is damaged");
    assert_eq!(crlf_out.stdout(), lf_out.stdout().replace('\n', "\r\n"));
}

#[test]
fn clean_sample_articles_come_back_byte_for_byte() {
    for name in [
        "corpus/000_52c40af23cc930ec.txt",
        "corpus/001_343893458a5d8fc7.txt",
        "corpus/002_42b6161c9ebe24c4.txt",
        "corpus/004_a959969b3be3c132.txt",
    ] {
        let path = repo(name);
        let run = clean(&[&s(&path), "--format", "text"], None);
        assert_eq!(run.code, 0, "{name}: {}", run.stderr);
        assert!(run.stdout == fs::read(&path).unwrap(), "{name} changed");
    }
}
