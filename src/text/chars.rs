//! Char classes with a fast path for the Latin letters of French and English text: the standard
//! library answers accented letters from its Unicode tables (a search of ~150 instructions),
//! and several passes ask for every char.

/// Latin-1 Supplement and Latin Extended-A and -B (U+00C0..=U+024F): letters, but for × and ÷.
#[inline]
fn is_latin_letter(c: char) -> bool {
    matches!(c, '\u{C0}'..='\u{24F}') && c != '×' && c != '÷'
}

/// Chars that are neither letters nor digits and common in news text: the Latin-1 punctuation
/// (« » ° · no-break space…) and the General Punctuation block (’ “ ” – — … thin spaces).
#[inline]
fn is_common_punctuation(c: char) -> bool {
    matches!(c, '\u{80}'..='\u{A9}' | '\u{AB}'..='\u{B1}' | '\u{B4}' | '\u{B6}'..='\u{B8}' | '\u{BB}' | '\u{BF}')
        || matches!(c, '\u{2000}'..='\u{206F}')
}

/// The same as [`char::is_alphabetic`].
#[inline]
pub fn is_alphabetic(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        is_latin_letter(c) || (!is_common_punctuation(c) && c.is_alphabetic())
    }
}

/// The same as [`char::is_alphanumeric`].
#[inline]
pub fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        is_latin_letter(c) || (!is_common_punctuation(c) && c.is_alphanumeric())
    }
}

/// The same as [`char::is_numeric`].
#[inline]
pub fn is_numeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_digit()
    } else {
        !is_latin_letter(c) && !is_common_punctuation(c) && c.is_numeric()
    }
}

/// The same as [`char::is_uppercase`].
#[inline]
pub fn is_uppercase(c: char) -> bool {
    match c {
        _ if c.is_ascii() => c.is_ascii_uppercase(),
        '\u{C0}'..='\u{DE}' => c != '×',
        '\u{DF}'..='\u{FF}' => false,
        _ => c.is_uppercase(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agree_with_the_standard_library() {
        let every = (0..=0x2FFFF).chain(0xE0000..=0xE01EF).filter_map(char::from_u32);
        for c in every {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
            assert_eq!(is_numeric(c), c.is_numeric(), "{c:?}");
            assert_eq!(is_uppercase(c), c.is_uppercase(), "{c:?}");
        }
    }
}
