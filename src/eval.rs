//! Evaluation against gold data, with the same code paths the commands use.
//!
//! `clitics`: a segmentation gold set in the Farasa format (`seg+seg<TAB>TAG+TAG` per word,
//! as in QCRI's WikiNews `WikiNews.pos.ref`). A word counts as right when the proclitics
//! (و ف ب ك ل س ال, tagged CONJ, PREP, DET, FUT_PART or PART) and the pronoun enclitic (ه ها
//! هم هما هن ك كم كن ي نا, tagged PRON) that nass splits off are exactly the gold ones.
//! Verbal endings that Farasa also tags PRON (كان+ت) are not clitics and are not scored.

use crate::arabic::is_letter;
use crate::lexicon::Lexicon;
use crate::token::split_clitics;
use std::io::BufRead;

const GOLD_PROCLITICS: [&str; 8] = ["و", "ف", "ب", "ك", "ل", "س", "ال", "لل"];
const GOLD_ENCLITICS: [&str; 11] = ["ه", "ها", "هم", "هما", "هن", "ك", "كم", "كن", "ي", "نا", "كما"];

/// One gold word: its surface form and the lengths (in letters) of its proclitics and enclitic.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoldWord {
    pub surface: String,
    pub prefix: usize,
    pub suffix: usize,
}

/// Reads one gold line; `None` for lines that are not an Arabic word (punctuation, numbers,
/// headers).
pub fn parse_gold_line(line: &str) -> Option<GoldWord> {
    let (segs, tags) = line.trim_end_matches(['\r', '\n']).split_once('\t')?;
    let segs: Vec<&str> = segs.split('+').collect();
    let tags: Vec<&str> = tags.trim().split('+').collect();
    if segs.len() != tags.len() || !segs.iter().all(|s| !s.is_empty() && s.chars().all(is_letter)) {
        return None;
    }
    let mut surface = String::new();
    let mut prefix = 0;
    let mut in_prefix = true;
    for (k, (seg, tag)) in segs.iter().zip(&tags).enumerate() {
        let last = k + 1 == segs.len();
        // ل + ال is written لل: the article loses its alef after the preposition.
        let written =
            if *seg == "ال" && surface.ends_with('ل') && k > 0 && segs[k - 1] == "ل" { "ل" } else { seg };
        let clitic = matches!(*tag, "CONJ" | "PREP" | "DET" | "FUT_PART" | "PART") && GOLD_PROCLITICS.contains(seg);
        if in_prefix && clitic && !last {
            prefix += written.chars().count();
        } else {
            in_prefix = false;
        }
        surface.push_str(written);
    }
    let suffix = match (segs.last(), tags.last()) {
        (Some(seg), Some(&"PRON")) if segs.len() > 1 && GOLD_ENCLITICS.contains(seg) => seg.chars().count(),
        _ => 0,
    };
    Some(GoldWord { surface, prefix, suffix })
}

/// Result of a clitic evaluation.
#[derive(Clone, Debug, Default)]
pub struct CliticScore {
    pub words: usize,
    pub exact: usize,
    /// (surface, gold, predicted) for words segmented wrongly, in file order.
    pub errors: Vec<(String, String, String)>,
}

impl CliticScore {
    pub fn accuracy(&self) -> f64 {
        if self.words == 0 {
            0.0
        } else {
            self.exact as f64 / self.words as f64
        }
    }
}

fn show(word: &str, prefix: usize, suffix: usize) -> String {
    let chars: Vec<char> = word.chars().collect();
    let n = chars.len();
    let (p, s) = (prefix.min(n), suffix.min(n.saturating_sub(prefix)));
    let part = |a: usize, b: usize| chars[a..b].iter().collect::<String>();
    let mut out = String::new();
    if p > 0 {
        out.push_str(&part(0, p));
        out.push('+');
    }
    out.push_str(&part(p, n - s));
    if s > 0 {
        out.push('+');
        out.push_str(&part(n - s, n));
    }
    out
}

/// Scores the clitic splitter on a gold file, the words taken one by one (no context).
pub fn clitics<R: BufRead>(gold: R, lexicon: &Lexicon) -> std::io::Result<CliticScore> {
    let mut score = CliticScore::default();
    for line in gold.lines() {
        let Some(word) = parse_gold_line(&line?) else { continue };
        let split = split_clitics(&word.surface, lexicon, &|_| false);
        let prefix = word.surface[..split.prefix].chars().count();
        let suffix = word.surface[word.surface.len() - split.suffix..].chars().count();
        score.words += 1;
        if (prefix, suffix) == (word.prefix, word.suffix) {
            score.exact += 1;
        } else {
            score.errors.push((
                word.surface.clone(),
                show(&word.surface, word.prefix, word.suffix),
                show(&word.surface, prefix, suffix),
            ));
        }
    }
    Ok(score)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gold_lines_give_surface_and_clitic_lengths() {
        let w = parse_gold_line("و+ال+تلفزيون\tCONJ+DET+NOUN").unwrap();
        assert_eq!((w.surface.as_str(), w.prefix, w.suffix), ("والتلفزيون", 3, 0));
        let w = parse_gold_line("ل+ال+مؤتمر\tPREP+DET+NOUN").unwrap();
        assert_eq!((w.surface.as_str(), w.prefix, w.suffix), ("للمؤتمر", 2, 0));
        let w = parse_gold_line("ترشيح+ات+ها\tNOUN+NSUFF+PRON").unwrap();
        assert_eq!((w.prefix, w.suffix), (0, 2));
        let w = parse_gold_line("كان+ت\tV+PRON").unwrap();
        assert_eq!((w.prefix, w.suffix), (0, 0));
        let w = parse_gold_line("ل+ه\tPREP+PRON").unwrap();
        assert_eq!((w.prefix, w.suffix), (1, 1));
        assert!(parse_gold_line("#\tPUNC").is_none());
        assert!(parse_gold_line("2014\tNUM").is_none());
    }

    #[test]
    fn scoring_counts_exact_words() {
        let gold = "و+ال+انتخاب+ات\tCONJ+DET+NOUN+NSUFF\nبلد\tNOUN\n،\tPUNC\n";
        let score = clitics(gold.as_bytes(), Lexicon::builtin()).unwrap();
        assert_eq!(score.words, 2);
        assert_eq!(score.exact, 2, "{:?}", score.errors);
        assert_eq!(show("والانتخابات", 3, 0), "وال+انتخابات");
    }
}
