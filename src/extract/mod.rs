//! Extraction of what press texts report: figures, dates and people.

pub mod dates;
pub mod figures;
pub mod numbers;
pub mod people;

use crate::lexicon::Lexicon;
use std::collections::HashSet;

/// What one document (its repaired text) reports; spans are byte offsets into that text.
#[derive(Clone, Debug, Default)]
pub struct Extracted {
    pub dates: Vec<dates::DateMention>,
    pub figures: Vec<figures::Figure>,
    pub people: Vec<people::PersonMention>,
}

/// Finds the dates, figures and people of a repaired text. Dates come first: a year or a day
/// inside a date is never a figure. People come from the title, role and gazetteer rules;
/// `stop` holds folded stopwords.
pub fn extract(text: &str, lexicon: &Lexicon, stop: &HashSet<String>) -> Extracted {
    let dates = dates::extract_dates(text);
    let spans: Vec<std::ops::Range<usize>> = dates.iter().map(|d| d.start..d.end).collect();
    let figures = figures::extract_figures(text, &spans);
    let people = people::find_people(text, &[], lexicon, stop);
    Extracted { dates, figures, people }
}
