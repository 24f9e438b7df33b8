//! `nass train ner` and `nass eval ner`: a model trained from CoNLL files is read back and
//! scored, and the built-in model is scored through the report's path.

use assert_cmd::Command;
use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;
use std::fmt::Write;
use std::path::Path;

fn nass() -> Command {
    Command::cargo_bin("nass").expect("the nass binary is built")
}

/// Sentences where a person follows قال and a place follows في, in IOB2.
fn toy_conll() -> String {
    let names = ["سمير", "كريم", "نادية", "هشام", "ليلى", "جمال", "رشيد", "سلمى"];
    let places = ["تونس", "القاهرة", "بيروت", "عمان"];
    let mut out = String::new();
    for (k, name) in names.iter().enumerate() {
        let place = places[k % places.len()];
        writeln!(out, "قال O\n{name} B-PERS\nفي O\n{place} B-LOC\nأمس O\n. O\n").expect("writes to a String");
    }
    out
}

/// The F1 printed on the `kind` line of `nass eval ner`'s table.
fn f1(table: &str, kind: &str) -> f64 {
    let line = table.lines().find(|l| l.starts_with(&format!("{kind}\t"))).expect("a line per type");
    line.split('\t').nth(3).and_then(|f| f.parse().ok()).expect("an F1 column")
}

/// The table of `nass eval ner --tagger-only GOLD --model MODEL`.
fn tagger_only_table(gold: &Path, model: &Path) -> String {
    let out = nass()
        .args(["eval", "ner", "--tagger-only"])
        .arg(gold)
        .arg("--model")
        .arg(model)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).expect("UTF-8")
}

#[test]
fn a_trained_model_is_written_read_back_and_scored() {
    let dir = tempfile::tempdir().expect("temp dir");
    let gold = dir.path().join("toy.conll");
    std::fs::write(&gold, toy_conll()).expect("writes");
    let model = dir.path().join("model.bin");
    nass().args(["train", "ner", "--epochs", "5"]).arg(&gold).arg("--out").arg(&model).assert().success();
    let table = tagger_only_table(&gold, &model);
    assert_eq!(f1(&table, "PERS"), 100.0, "{table}");
    assert_eq!(f1(&table, "LOC"), 100.0, "{table}");
}

#[test]
fn the_builtin_model_scores_a_gold_file_through_the_report_path() {
    let dir = tempfile::tempdir().expect("temp dir");
    let gold = dir.path().join("gold.txt");
    let conll_out = dir.path().join("predicted.txt");
    std::fs::write(
        &gold,
        "وقال O\nالرئيس O\nالأمريكي O\nجورج B-PERS\nبوش I-PERS\nفي O\nواشنطن B-LOC\n. O\n\n\
         وأضاف O\nبوش B-PERS\nأن O\nالاجتماع O\nمهم O\n. O\n",
    )
    .expect("writes");
    let out = nass()
        .args(["eval", "ner"])
        .arg(&gold)
        .arg("--conll-out")
        .arg(&conll_out)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let table = String::from_utf8(out).expect("UTF-8");
    assert_eq!(f1(&table, "PERS"), 100.0, "{table}");
    let predicted = std::fs::read_to_string(&conll_out).expect("predictions written");
    assert!(predicted.contains("جورج B-PERS B-PERS\nبوش I-PERS I-PERS\n"), "{predicted}");
}

#[test]
fn missing_files_and_damaged_models_are_named() {
    nass().args(["eval", "ner", "/no/such/gold.txt"]).assert().code(1).stderr(contains("/no/such/gold.txt"));
    let dir = tempfile::tempdir().expect("temp dir");
    let model = dir.path().join("bad.bin");
    std::fs::write(&model, b"not a model").expect("writes");
    nass().args(["eval", "ner", "/dev/null", "--model"]).arg(&model).assert().code(1).stderr(contains("bad.bin"));
    nass().args(["train", "ner", "/dev/null"]).assert().code(2).stderr(contains("nothing to do"));
}

#[test]
fn a_people_only_training_file_is_refused_as_gold() {
    let dir = tempfile::tempdir().expect("temp dir");
    let partial = dir.path().join("partial.conll");
    std::fs::write(&partial, "قال NOT-PERS\nسمير B-PERS\nفي NOT-PERS\nتونس NOT-PERS\n").expect("writes");
    nass()
        .args(["eval", "ner"])
        .arg(&partial)
        .assert()
        .code(1)
        .stderr(contains("partial.conll").and(contains("NOT-PERS")));
}

#[test]
fn a_malformed_answer_file_stops_training_and_names_the_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("01_news.txt"), "قال سمير في تونس أمس.").expect("writes");
    std::fs::write(dir.path().join("01_news.json"), r#"{"people": [{"name": "سمير"}"#).expect("writes");
    nass()
        .args(["train", "ner", "--epochs", "1"])
        .arg(dir.path())
        .arg("--out")
        .arg(dir.path().join("model.bin"))
        .assert()
        .failure()
        .stderr(contains("01_news.json"));
    assert!(!dir.path().join("model.bin").exists(), "no model is written from part of the data");
}

#[test]
fn articles_annotated_for_their_people_train_the_tagger() {
    let dir = tempfile::tempdir().expect("temp dir");
    let articles = dir.path().join("press");
    std::fs::create_dir(&articles).expect("creates");
    let names = ["سمير", "كريم", "نادية", "هشام", "ليلى", "جمال", "رشيد", "سلمى"];
    for (k, name) in names.iter().enumerate() {
        let text = format!("خبر\n\nقال {name} في تونس أمس. وأضاف {name} أن الوضع جيد.\n");
        std::fs::write(articles.join(format!("{k:02}_news.txt")), text).expect("writes");
        let answers = format!(r#"{{"source": "test", "people": [{{"name": "{name}", "variants": []}}]}}"#);
        std::fs::write(articles.join(format!("{k:02}_news.json")), answers).expect("writes");
    }
    // An answer file whose person is not in its article (a damaged copy) is skipped, by name.
    std::fs::write(articles.join("99_damaged.txt"), "قال أحدهم شيئا.").expect("writes");
    std::fs::write(articles.join("99_damaged.json"), r#"{"people": [{"name": "منير"}]}"#).expect("writes");
    let model = dir.path().join("model.bin");
    nass()
        .args(["train", "ner", "--epochs", "5"])
        .arg(&articles)
        .arg("--out")
        .arg(&model)
        .assert()
        .success()
        .stderr(contains("99_damaged.json").and(contains("trained on 24 sentences")));
    let gold = dir.path().join("toy.conll");
    std::fs::write(&gold, toy_conll()).expect("writes");
    let table = tagger_only_table(&gold, &model);
    assert_eq!(f1(&table, "PERS"), 100.0, "{table}");
}
