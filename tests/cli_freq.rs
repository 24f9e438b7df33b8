//! CLI tests of `nass freq` and `nass merge`: counts checked against counts made
//! independently (by hand, on small fixtures), determinism, and merging of partial counts.

use assert_cmd::Command;
use serde_json::Value;
use std::collections::HashMap;
use std::path::Path;

fn nass() -> Command {
    Command::cargo_bin("nass").expect("the nass binary is built")
}

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).expect("fixture written");
}

fn json(args: &[&str]) -> Value {
    let out = nass().args(args).output().expect("nass runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

/// term key → (count, documents) of a JSON report's `terms` (or `ngrams`).
fn table(v: &Value, field: &str) -> HashMap<String, (u64, u64)> {
    v[field]
        .as_array()
        .map(|rows| {
            rows.iter()
                .map(|r| {
                    (
                        r["key"].as_str().unwrap().to_string(),
                        (r["count"].as_u64().unwrap(), r["documents"].as_u64().unwrap()),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Two small documents. Counted by hand (fold keys, no stopwords removed):
/// doc a: الرئيس ×2, الانتخابات ×1, والانتخابات ×1, فاز ×1, في ×1  → 6 words
/// doc b: الرئيس ×1, بالانتخابات ×1, الإنتخابات ×1 (folds to الانتخابات), بلد ×1, ولد ×1 → 5 words
fn fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", "فاز الرئيس في الانتخابات. الرئيس والانتخابات");
    write(dir.path(), "b.txt", "الرئيس بالانتخابات، الإنتخابات بلد ولد");
    dir
}

#[test]
fn fold_counts_match_hand_counts() {
    let dir = fixture();
    let v = json(&["freq", dir.path().to_str().unwrap(), "--format", "json", "--no-stopwords"]);
    assert_eq!(v["documents"], 2);
    assert_eq!(v["tokens"], 11);
    let t = table(&v, "terms");
    assert_eq!(t["الرئيس"], (3, 2));
    assert_eq!(t["الانتخابات"], (2, 2)); // الانتخابات + الإنتخابات
    assert_eq!(t["والانتخابات"], (1, 1));
    assert_eq!(t["بالانتخابات"], (1, 1));
    assert_eq!(t["في"], (1, 1));
    // most frequent first
    assert_eq!(v["terms"][0]["term"], "الرئيس");
}

#[test]
fn lemma_groups_clitic_forms_and_keeps_letters_of_plain_words() {
    let dir = fixture();
    let v = json(&["freq", dir.path().to_str().unwrap(), "--format", "json", "--no-stopwords", "--by", "lemma"]);
    let t = table(&v, "terms");
    // الانتخابات, والانتخابات, بالانتخابات, الإنتخابات: one lemma in both documents
    assert_eq!(t["انتخابات"], (4, 2));
    assert_eq!(t["رئيس"], (3, 2));
    assert_eq!(t["بلد"], (1, 1));
    assert_eq!(t["ولد"], (1, 1));
    // the term is shown in its most frequent surface form
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "c.txt", "والانتخابات الانتخابات انتخابات الانتخابات");
    let v = json(&["freq", dir.path().to_str().unwrap(), "--format", "json", "--by", "lemma"]);
    assert_eq!(v["terms"][0]["term"], "الانتخابات");
    assert_eq!(v["terms"][0]["count"], 4);
}

#[test]
fn ngrams_are_counted_and_never_cross_punctuation() {
    let dir = fixture();
    let v = json(&["freq", dir.path().to_str().unwrap(), "--format", "json", "--no-stopwords", "--ngram", "2..3"]);
    let g = table(&v, "ngrams");
    // a: فاز الرئيس | الرئيس في | في الانتخابات | (.) | الرئيس والانتخابات ; b: الرئيس بالانتخابات | (،) | الانتخابات بلد | بلد ولد
    assert_eq!(g["فاز الرئيس"], (1, 1));
    assert_eq!(g["الرئيس في الانتخابات"], (1, 1));
    assert_eq!(g["الرئيس والانتخابات"], (1, 1));
    assert_eq!(g["الانتخابات بلد ولد"], (1, 1));
    assert!(!g.contains_key("الانتخابات الرئيس"), "crossed a full stop");
    assert!(!g.contains_key("بالانتخابات الانتخابات"), "crossed a comma");
    // runs of 4 and 2 words in a (3 + 2 + 1 n-grams), of 2 and 3 in b (1 + 2 + 1)
    assert_eq!(g.values().map(|(c, _)| c).sum::<u64>(), 6 + 4);
}

#[test]
fn stopwords_min_count_and_top() {
    let dir = fixture();
    let v = json(&["freq", dir.path().to_str().unwrap(), "--format", "json"]);
    assert!(!table(&v, "terms").contains_key("في"), "في is a built-in stopword");
    let custom = dir.path().join("stop.txt");
    std::fs::write(&custom, "# mine\nالرئيس\n").unwrap();
    let v = json(&["freq", dir.path().to_str().unwrap(), "--format", "json", "--stopwords", custom.to_str().unwrap()]);
    let t = table(&v, "terms");
    assert!(!t.contains_key("الرئيس") && t.contains_key("في"));
    let v = json(&["freq", dir.path().to_str().unwrap(), "--format", "json", "--no-stopwords", "--min-count", "2"]);
    assert_eq!(table(&v, "terms").len(), 2);
    let v = json(&["freq", dir.path().to_str().unwrap(), "--format", "json", "--no-stopwords", "--top", "1"]);
    assert_eq!(v["terms"].as_array().unwrap().len(), 1);
}

#[test]
fn csv_table_and_jsonl_formats() {
    let dir = fixture();
    let path = dir.path().to_str().unwrap();
    let out = nass().args(["freq", path, "--format", "csv", "--no-stopwords"]).output().unwrap();
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(csv.starts_with("rank,term,key,n,count,documents,per_million,dispersion\n"));
    assert!(csv.contains("\n1,الرئيس,الرئيس,1,3,2,"));
    let out = nass().args(["freq", path, "--format", "jsonl", "--no-stopwords"]).output().unwrap();
    let lines: Vec<Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines[0]["term"], "الرئيس");
    let out = nass().args(["freq", path, "--no-stopwords"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("2 documents, 11 tokens"));
    assert!(text.lines().nth(2).is_some_and(|l| l.trim_end().ends_with("الرئيس")));
}

#[test]
fn per_document_long_form() {
    let dir = fixture();
    let out = nass().args(["freq", dir.path().to_str().unwrap(), "--per-document"]).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<&str> = text.lines().collect();
    assert_eq!(rows[0], "document,term,count");
    let a = dir.path().join("a.txt");
    let a = a.to_str().unwrap();
    assert!(rows.contains(&format!("{a},الرئيس,2").as_str()));
    // every token of both documents, once
    let total: u64 = rows[1..].iter().map(|r| r.rsplit(',').next().unwrap().parse::<u64>().unwrap()).sum();
    assert_eq!(total, 11);
}

#[test]
fn the_thread_count_does_not_change_the_output() {
    let one =
        nass().args(["freq", "corpus", "--format", "json", "--threads", "1", "--ngram", "1..2"]).output().unwrap();
    let eight =
        nass().args(["freq", "corpus", "--format", "json", "--threads", "8", "--ngram", "1..2"]).output().unwrap();
    assert!(one.status.success() && !one.stdout.is_empty());
    assert_eq!(one.stdout, eight.stdout);
}

#[test]
fn merged_partial_counts_equal_one_run() {
    let dir = tempfile::tempdir().unwrap();
    let files: Vec<String> = std::fs::read_dir("corpus")
        .unwrap()
        .map(|e| e.unwrap().path().to_str().unwrap().to_string())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let single =
        nass().args(["freq", "corpus", "--format", "json", "--by", "lemma", "--ngram", "1..2"]).output().unwrap();
    // two different splits of the five articles
    for split in [1, 3] {
        let mut parts = Vec::new();
        for (k, shard) in [&files[..split], &files[split..]].into_iter().enumerate() {
            let part = dir.path().join(format!("part-{split}-{k}.json"));
            let mut args = vec!["freq", "--partial", "--by", "lemma", "--ngram", "1..2", "-o", part.to_str().unwrap()];
            args.extend(shard.iter().map(String::as_str));
            assert!(nass().args(&args).output().unwrap().status.success());
            parts.push(part.to_str().unwrap().to_string());
        }
        parts.reverse(); // merge order does not matter either
        let mut args = vec!["merge", "--format", "json"];
        args.extend(parts.iter().map(String::as_str));
        let merged = nass().args(&args).output().unwrap();
        assert!(merged.status.success(), "{}", String::from_utf8_lossy(&merged.stderr));
        assert_eq!(merged.stdout, single.stdout, "split after {split} files");
    }
}

#[test]
fn merge_refuses_counts_made_differently_and_bad_files() {
    let dir = fixture();
    let p1 = dir.path().join("p1.json");
    let p2 = dir.path().join("p2.json");
    let path = dir.path().join("a.txt");
    assert!(nass()
        .args(["freq", "--partial", "-o", p1.to_str().unwrap(), path.to_str().unwrap()])
        .output()
        .unwrap()
        .status
        .success());
    assert!(nass()
        .args(["freq", "--partial", "--by", "lemma", "-o", p2.to_str().unwrap(), path.to_str().unwrap()])
        .output()
        .unwrap()
        .status
        .success());
    let out = nass().args(["merge", p1.to_str().unwrap(), p2.to_str().unwrap()]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("different settings"));
    let out = nass().args(["merge", path.to_str().unwrap()]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("a.txt"));
}

#[test]
fn the_sample_corpus_top_terms_hold_no_stopword() {
    let v = json(&["freq", "corpus", "--format", "json", "--top", "50"]);
    let rows = v["terms"].as_array().unwrap();
    assert_eq!(rows.len(), 50);
    let stop: std::collections::HashSet<String> = std::fs::read_to_string("stopwords/ar.txt")
        .unwrap()
        .lines()
        .chain(std::fs::read_to_string("stopwords/en.txt").unwrap().lines())
        .filter(|l| !l.starts_with('#'))
        .map(str::to_string)
        .collect();
    for r in rows {
        let term = r["term"].as_str().unwrap();
        assert!(!stop.contains(term), "stopword in the top 50: {term}");
        // surface forms a reader recognises: whole words, no tatweel, no broken ligatures
        assert!(!term.contains('\u{0640}') && !term.contains('\u{FFFD}'), "{term}");
    }
}

#[test]
fn markup_and_urls_are_not_counted() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.txt",
        "<DOC>\n<DOCNO>JA-politic-39</DOCNO>\n<URL>http://example.tn/ar/الرئيس-يستقبل-الوفد/92</URL>\n\
         <TITLE>الرئيس يستقبل الوفد</TITLE>\n<TEXT>\nاستقبل الرئيس الوفد، انظر www.example.tn\n</TEXT>\n</DOC>\n",
    );
    let v = json(&["freq", dir.path().to_str().unwrap(), "--format", "json", "--no-stopwords"]);
    let t = table(&v, "terms");
    // Counted by hand in the headline and the text only.
    assert_eq!(v["tokens"], 7, "{t:?}");
    assert_eq!(t["الرئيس"], (2, 1));
    assert_eq!(t["الوفد"], (2, 1));
    assert_eq!(t["يستقبل"], (1, 1));
    assert_eq!(t["استقبل"], (1, 1));
    assert_eq!(t["انظر"], (1, 1));
}
