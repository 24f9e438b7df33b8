//! Character classes of the Arabic script that every stage shares.

/// U+0640, the tatweel (kashida) used to stretch justified text.
pub const TATWEEL: char = '\u{0640}';
/// U+FFFD, what a PDF extractor emits for a kashida glyph without a Unicode mapping.
pub const REPLACEMENT: char = '\u{FFFD}';

/// A letter of the Arabic script (base letters of Arabic, Persian, Urdu; not marks, not tatweel).
#[inline]
pub const fn is_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{063F}' | '\u{0641}'..='\u{064A}' | '\u{066E}'..='\u{066F}'
        | '\u{0671}'..='\u{06D3}' | '\u{06D5}' | '\u{06EE}'..='\u{06EF}' | '\u{06FA}'..='\u{06FC}'
        | '\u{06FF}' | '\u{0750}'..='\u{077F}')
}

/// A combining mark written above or below an Arabic letter (harakat, shadda, Quranic marks).
#[inline]
pub const fn is_mark(c: char) -> bool {
    matches!(c, '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}'
        | '\u{06D6}'..='\u{06DC}' | '\u{06DF}'..='\u{06E4}' | '\u{06E7}'..='\u{06E8}'
        | '\u{06EA}'..='\u{06ED}')
}

/// A letter that joins to the letter after it (Unicode joining type D): in the middle of a
/// word it takes a medial form. Right-joining letters (ا د ذ ر ز و ة …) and hamza do not.
#[inline]
pub const fn joins_next(c: char) -> bool {
    is_letter(c)
        && !matches!(
            c,
            'ء' | 'آ' | 'أ' | 'ؤ' | 'إ' | 'ا' | 'ة' | 'د' | 'ذ' | 'ر' | 'ز' | 'و' | 'ٱ' | 'ٲ'
                | 'ٳ' | 'ٵ' | 'ٶ' | 'ٷ' | 'ڈ'..='ڙ' | 'ۀ' | 'ۃ'..='ۋ' | 'ۍ' | 'ۏ' | 'ە'
                | 'ۮ' | 'ۯ' | 'ݛ'..='ݝ' | 'ݫ' | 'ݬ' | 'ݱ' | 'ݸ' | 'ݹ'
        )
}

/// Arabic-Indic (U+0660–U+0669) or extended (Persian/Urdu, U+06F0–U+06F9) digit value.
#[inline]
pub fn indic_digit_value(c: char) -> Option<u32> {
    match c {
        '\u{0660}'..='\u{0669}' => Some(c as u32 - 0x0660),
        '\u{06F0}'..='\u{06F9}' => Some(c as u32 - 0x06F0),
        _ => None,
    }
}

/// Any decimal digit a press text uses: ASCII, Arabic-Indic or Persian.
#[inline]
pub fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || indic_digit_value(c).is_some()
}

/// Directional formatting characters that PDF extractors insert and that carry no text.
#[inline]
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Arabic presentation forms (Forms-A and Forms-B): glyph codes that NFKC maps to letters.
#[inline]
pub fn is_presentation_form(c: char) -> bool {
    matches!(c, '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_marks_and_joining() {
        assert!(is_letter('ب') && is_letter('ی') && is_letter('پ'));
        assert!(!is_letter(TATWEEL) && !is_letter('َ') && !is_letter('7') && !is_letter('،'));
        assert!(is_mark('َ') && is_mark('ّ') && is_mark('\u{0670}') && !is_mark('ا'));
        assert!(joins_next('ب') && joins_next('ل') && joins_next('ي') && joins_next('ى'));
        assert!(!joins_next('ا') && !joins_next('ر') && !joins_next('و') && !joins_next('ء'));
        assert!(!joins_next('ة') && !joins_next('x'));
    }

    #[test]
    fn digits() {
        assert_eq!(indic_digit_value('٧'), Some(7));
        assert_eq!(indic_digit_value('۴'), Some(4));
        assert!(is_digit('3') && is_digit('٣') && !is_digit('a'));
    }
}
