//! nass (نصّ): analyse folders of Arabic press articles.
//!
//! The data flow runs one way: [`input`] decodes documents, [`normalize`] repairs PDF damage
//! and folds orthography, then later stages tokenize, count and extract. Every capability is
//! a library call; the `nass` binary is a thin layer over it.

pub mod arabic;
pub mod lexicon;
pub mod normalize;

pub use lexicon::{Census, Lexicon};
pub use normalize::{clean, CleanOptions, Cleaned, Evidence, FoldOptions, RepairOptions};
pub mod input;
pub mod corpus;
pub mod output;
