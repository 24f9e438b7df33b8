//! Tokens: the tokenizer (kinds and spans) and, built on it, term keys.

mod tokenize;

pub use tokenize::{holds_blank_line, is_boundary_punct, tokenize, tokenize_into, Token, TokenKind, Tokens};
pub(crate) mod clitics;

pub use clitics::{split as split_clitics, Split};
mod keys;

pub(crate) use keys::{fold_key, key_cow, without_marks};
pub use keys::{key, surface, KeyMode};
