//! The fuzz target's checks on stable Rust: pseudo-random inputs built from Arabic text in
//! the encodings `decode` detects, then whatever the fuzzer saved (corpus and artifacts).

use std::path::Path;

/// Fragments that reach every repair: letters, kashidas, marks, blanks, punctuation, digits,
/// presentation forms, bidi controls, and words the ligature and line repairs know.
const PIECES: &[&str] = &[
    "ا",
    "ل",
    "ب",
    "ي",
    "ر",
    "ن",
    "ش",
    "ص",
    "ض",
    "ت",
    "م",
    "ك",
    "و",
    "ه",
    "ة",
    "ى",
    "أ",
    "إ",
    "\u{0640}",
    "\u{FFFD}",
    "\u{064E}",
    "\u{0650}",
    "\u{0651}",
    " ",
    "  ",
    "\t",
    "\n",
    "\r\n",
    "«",
    "»",
    "(",
    ")",
    "%",
    "٪",
    "،",
    ",",
    ".",
    "5",
    "٣",
    "\u{FEFB}",
    "\u{FE8D}",
    "\u{FDF2}",
    "\u{FE77}",
    "\u{200F}",
    "\u{202B}",
    "\u{FEFF}",
    "البالد",
    "نوفمرب",
    "القوانني",
    "بني",
    "في",
    "قال",
    "الانتخابات",
    ". ",
];

/// xorshift64*: enough randomness for this, and no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn input(rng: &mut Rng) -> Vec<u8> {
    let text: String = (0..rng.below(60)).map(|_| PIECES[rng.below(PIECES.len())]).collect();
    let mut bytes = match rng.below(6) {
        0 => (0..rng.below(200)).map(|_| rng.next() as u8).collect(),
        1 => [&b"\xFF\xFE"[..], &text.encode_utf16().flat_map(u16::to_le_bytes).collect::<Vec<_>>()].concat(),
        2 => text.encode_utf16().flat_map(u16::to_be_bytes).collect(),
        // Windows-1256 and ISO-8859-6 put Arabic letters in the high half.
        3 => (0..rng.below(200)).map(|_| if rng.below(4) == 0 { b' ' } else { 0xC1 + rng.below(0x3E) as u8 }).collect(),
        _ => text.into_bytes(),
    };
    // Now and then a byte overwritten.
    if !bytes.is_empty() && rng.below(4) == 0 {
        let k = rng.below(bytes.len());
        bytes[k] = rng.next() as u8;
    }
    bytes
}

#[test]
fn pseudo_random_inputs() {
    let mut rng = Rng(0x6E61_7373);
    for _ in 0..10_000 {
        nass_fuzz::check(&input(&mut rng));
    }
}

#[test]
fn saved_inputs() {
    for dir in ["corpus/normalize", "artifacts/normalize"] {
        let Ok(entries) = std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(dir)) else { continue };
        for entry in entries.flatten() {
            if let Ok(data) = std::fs::read(entry.path()) {
                nass_fuzz::check(&data);
            }
        }
    }
}
