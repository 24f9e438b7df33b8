//! nass (نصّ): analyse folders of Arabic press articles.
//!
//! The data flow runs one way: [`input`] decodes documents, [`normalize`] repairs PDF damage
//! and folds orthography, then later stages tokenize, count and extract. Every capability is
//! a library call; the `nass` binary is a thin layer over it.
//!
//! ```
//! use nass::normalize::{clean, CleanOptions, Evidence, FoldOptions};
//! use nass::Lexicon;
//!
//! let evidence = Evidence::lexicon_only(Lexicon::builtin());
//! let opts = CleanOptions { fold: Some(FoldOptions::default()), ..CleanOptions::default() };
//! let cleaned = clean("شـهدت البالـد »أحداثاً«", &opts, &evidence);
//! assert_eq!(cleaned.text, "شهدت البلاد «احداثا»");
//! assert_eq!(cleaned.repairs().len(), 5); // two kashidas, one ligature, two guillemets
//! ```

pub mod arabic;
pub mod lexicon;
pub mod normalize;

pub use lexicon::{Census, Lexicon};
pub use normalize::{clean, CleanOptions, Cleaned, Evidence, FoldOptions, RepairOptions};
pub mod corpus;
pub mod eval;
pub mod extract;
pub mod fingerprint;
pub mod input;
pub mod output;
mod prefetch;
pub mod report;
pub mod stats;
pub mod token;
