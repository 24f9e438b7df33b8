//! Input: which documents to read (`walk`), how to turn bytes into text (`decode`), JSON
//! Lines records (`jsonl`), and what of a text is prose (`markup`).

mod decode;
pub mod jsonl;
mod markup;
mod walk;

pub use decode::{decode, DecodeError, Decoded, EncodingChoice};
pub use markup::blank_non_prose;
pub use walk::{collect_sources, Source, WalkOptions};

use serde::Serialize;
use std::fmt;
use std::io::Read;

/// One decoded document.
#[derive(Clone, Debug)]
pub struct Document {
    pub source: Source,
    pub text: String,
    /// The encoding the text was read with (`utf-8`, `utf-8-bom`, `utf-16le`, `windows-1256`…).
    pub encoding: &'static str,
}

impl Document {
    /// The path as reached from the argument given (`-` for stdin).
    pub fn path(&self) -> String {
        self.source.display()
    }
}

/// A document that could not be read, named by its path.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct InputError {
    pub path: String,
    pub error: String,
}

impl InputError {
    pub fn new(path: impl Into<String>, error: impl Into<String>) -> Self {
        InputError { path: path.into(), error: error.into() }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.error)
    }
}

impl std::error::Error for InputError {}

/// Files larger than this are refused rather than read into memory.
pub const MAX_FILE_BYTES: u64 = 2 << 30;

/// Reads and decodes one source.
pub fn read_source(source: &Source, encoding: EncodingChoice) -> Result<Document, InputError> {
    let name = source.display();
    let bytes = match source {
        Source::Stdin => {
            let mut buf = Vec::new();
            std::io::stdin().lock().read_to_end(&mut buf).map_err(|e| InputError::new(&name, e.to_string()))?;
            buf
        }
        Source::File { path, .. } => {
            let meta = std::fs::metadata(path).map_err(|e| InputError::new(&name, e.to_string()))?;
            if meta.len() > MAX_FILE_BYTES {
                return Err(InputError::new(&name, format!("file too large ({} bytes)", meta.len())));
            }
            std::fs::read(path).map_err(|e| InputError::new(&name, e.to_string()))?
        }
    };
    let Decoded { text, encoding } = decode(&bytes, encoding).map_err(|e| InputError::new(&name, e.to_string()))?;
    Ok(Document { source: source.clone(), text, encoding })
}
