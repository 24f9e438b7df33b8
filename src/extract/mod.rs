//! Extraction of what press texts report: figures, dates and people.

pub mod dates;
pub mod figures;
pub mod numbers;
pub mod people;
