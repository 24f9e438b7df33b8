//! Word-frequency evidence: the built-in lexicon (wordfreq's Arabic list, see NOTICE) and the
//! census of word forms taken over the input before repairing.

mod census;
mod table;

pub use census::Census;

use std::sync::OnceLock;

/// The hash table written by build.rs from `data/lexicon-ar.tsv.gz` (layout in `table.rs`).
/// A hash table rather than an fst: a lookup is one hash and a probe or two instead of a
/// walk of one node per byte, which made lexicon lookups a third of the run on new words.
static LEXICON_TABLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lexicon.table"));

/// A word → frequency map. Frequencies are Zipf values × 10 (`zipf10`): 10 × log10 of the
/// frequency per billion words, so 60 is one in a thousand words and 0 means "not listed".
pub struct Lexicon {
    len: usize,
    mask: usize,
    offset_bits: u32,
    /// The bits of a slot that hold the hash tag.
    tag_mask: u32,
    slots: &'static [u8],
    entries: &'static [u8],
}

impl Lexicon {
    /// The lexicon built into the library (about 580,000 Arabic word forms).
    pub fn builtin() -> &'static Lexicon {
        static BUILTIN: OnceLock<Lexicon> = OnceLock::new();
        BUILTIN.get_or_init(|| Lexicon::from_table(LEXICON_TABLE).expect("build.rs writes a valid table"))
    }

    fn from_table(bytes: &'static [u8]) -> Option<Lexicon> {
        let header = |k: usize| bytes.get(4 * k..4 * k + 4).and_then(|b| b.try_into().ok()).map(u32::from_le_bytes);
        let (len, bits, offset_bits) = (header(0)? as usize, header(1)?, header(2)?);
        let slots_end = table::HEADER + (4usize << bits);
        Some(Lexicon {
            len,
            mask: (1usize << bits) - 1,
            offset_bits,
            tag_mask: table::slot_tag(u64::MAX, offset_bits),
            slots: bytes.get(table::HEADER..slots_end)?,
            entries: bytes.get(slots_end..)?,
        })
    }

    /// The `zipf10` of a listed word, `None` for a word not listed.
    #[inline]
    fn get(&self, word: &str) -> Option<u8> {
        let word = word.as_bytes();
        let hash = table::word_hash(word);
        let tag = table::slot_tag(hash, self.offset_bits);
        let mut s = hash as usize & self.mask;
        loop {
            let slot = u32::from_le_bytes(self.slots.get(4 * s..4 * s + 4)?.try_into().ok()?);
            if slot == 0 {
                return None;
            }
            if slot & self.tag_mask == tag {
                let offset = ((slot & !self.tag_mask) as usize).checked_sub(1)?;
                let len = *self.entries.get(offset)? as usize;
                if len == word.len() && self.entries.get(offset + 2..offset + 2 + len) == Some(word) {
                    return self.entries.get(offset + 1).copied();
                }
            }
            s = (s + 1) & self.mask;
        }
    }

    /// The word's `zipf10` frequency, 0 when the word is not listed. Words are looked up as
    /// written: letters only, no diacritics or tatweel.
    #[inline]
    pub fn zipf10(&self, word: &str) -> u8 {
        self.get(word).unwrap_or(0)
    }

    /// Evidence that `word` (letters only) is a real word, as a Zipf frequency (0 when
    /// unknown). A word the lexicon lacks is backed off to its stem without proclitics and
    /// enclitics (وبالانتخابات → انتخابات), minus a small penalty per clitic removed.
    pub fn support(&self, word: &str) -> f32 {
        self.support_with(word, |_| true)
    }

    /// Like [`Lexicon::support`], but backs off only to stems that contain the byte range
    /// `keep` of the word. Comparing two spellings that differ inside `keep`, this keeps a
    /// clitic from being carved out of the difference itself (فالحية read as ف+ال+حية).
    pub fn support_around(&self, word: &str, keep: std::ops::Range<usize>) -> f32 {
        self.support_with(word, |stem| stem.start <= keep.start && stem.end >= keep.end)
    }

    fn support_with(&self, word: &str, stem_ok: impl Fn(&std::ops::Range<usize>) -> bool) -> f32 {
        let z = self.zipf10(word);
        if z > 0 {
            return z as f32 / 10.0;
        }
        let mut best = 0.0f32;
        for (stem, clitics) in clitic_stems(word) {
            if !stem_ok(&stem) {
                continue;
            }
            let z = self.zipf10(&word[stem]);
            if z > 0 {
                best = best.max(z as f32 / 10.0 - CLITIC_PENALTY * clitics as f32);
            }
        }
        best.max(0.0)
    }

    pub fn contains(&self, word: &str) -> bool {
        self.get(word).is_some()
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

/// Zipf units taken off a stem's frequency for each clitic stripped to reach it.
const CLITIC_PENALTY: f32 = 1.0;

/// Proclitic sequences, longest first so that وال is tried before و.
const PROCLITICS: [&str; 14] = ["وبال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال", "و", "ف", "ب", "ل", "ك"];
/// Pronoun enclitics, longest first.
const ENCLITICS: [&str; 11] = ["هما", "كما", "هم", "هن", "ها", "كم", "كن", "نا", "ه", "ك", "ي"];

/// Every (stem byte range, number of clitics) reachable by stripping one proclitic sequence
/// and/or one enclitic, keeping a stem of at least three letters (shorter stems match too
/// much by chance).
fn clitic_stems(word: &str) -> impl Iterator<Item = (std::ops::Range<usize>, u32)> + '_ {
    let long_enough = |s: &str| s.chars().nth(2).is_some();
    let prefixes = std::iter::once(("", 0)).chain(PROCLITICS.iter().filter(|p| word.starts_with(*p)).map(|p| (*p, 1)));
    prefixes.flat_map(move |(p, np)| {
        let rest = &word[p.len()..];
        let suffixes =
            std::iter::once(("", 0)).chain(ENCLITICS.iter().filter(move |s| rest.ends_with(*s)).map(|s| (*s, 1)));
        suffixes.filter_map(move |(s, ns)| {
            let stem = &rest[..rest.len() - s.len()];
            (np + ns > 0 && long_enough(stem)).then_some((p.len()..p.len() + stem.len(), np + ns))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lexicon_knows_common_words_and_not_corrupted_ones() {
        let lex = Lexicon::builtin();
        assert!(lex.len() > 100_000);
        assert!(lex.zipf10("في") > 70);
        assert!(lex.zipf10("البلاد") > 45);
        assert_eq!(lex.zipf10("البالد"), 0);
        assert!(lex.zipf10("بين") > lex.zipf10("بني"));
        assert_eq!(lex.zipf10("hello"), 0);
    }

    #[test]
    fn every_word_of_the_table_is_found_with_its_frequency() {
        let lex = Lexicon::builtin();
        let (mut k, mut words) = (0, 0);
        while k < lex.entries.len() {
            let len = lex.entries[k] as usize;
            let word = std::str::from_utf8(&lex.entries[k + 2..k + 2 + len]).unwrap();
            assert_eq!(lex.get(word), Some(lex.entries[k + 1]), "{word}");
            k += 2 + len;
            words += 1;
        }
        assert_eq!(words, lex.len());
        assert!(!lex.contains("") && !lex.contains("البلادد"));
    }

    #[test]
    fn support_backs_off_to_the_stem() {
        let lex = Lexicon::builtin();
        let full = lex.support("الانتخابات");
        assert!(full > 4.0);
        // an unlisted clitic combination still gets support from its stem
        let stem_only = lex.support("وبالانتخاباتهم");
        assert!(stem_only > 2.0 && stem_only < full, "{stem_only}");
        assert_eq!(lex.support("ززززز"), 0.0);
    }

    #[test]
    fn clitic_stems_keep_three_letters() {
        let stems = |w: &'static str| clitic_stems(w).map(move |(r, n)| (&w[r], n));
        assert!(stems("بالده").all(|(s, _)| s != "ده"));
        assert!(stems("وكتبه").all(|(s, _)| s.chars().count() >= 3));
        assert!(stems("والكتاب").any(|(s, n)| s == "كتاب" && n == 1));
    }

    #[test]
    fn support_around_keeps_the_range_inside_the_stem() {
        let lex = Lexicon::builtin();
        // فالحية backs off to ف+ال+حية or ف+الحية; with the letters 2..6 kept whole only the
        // second parse is left, so the support can only shrink.
        for (word, keep) in [("فالحية", 2..6), ("وبالانتخاباتهم", 0..2), ("لالسرة", 2..6)] {
            assert!(lex.support_around(word, keep.clone()) <= lex.support(word), "{word}");
        }
        assert!(lex.support_around("فالحية", 2..6) < lex.support("فالحية"));
    }
}
