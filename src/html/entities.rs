//! Character references (`&amp;`, `&#233;`, `&eacute;`) decoded, as a browser shows them.
//! The named ones come from `data/html/entities.txt`.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

const TABLE: &str = include_str!("../../data/html/entities.txt");

/// Longest name in the table plus one; a longer run after `&` is not a reference.
const MAX_NAME: usize = 32;

fn named() -> &'static HashMap<&'static str, char> {
    static NAMED: OnceLock<HashMap<&'static str, char>> = OnceLock::new();
    NAMED.get_or_init(|| {
        TABLE
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let (name, hex) = l.split_once('\t')?;
                let c = u32::from_str_radix(hex.trim(), 16).ok().and_then(char::from_u32)?;
                Some((name, c))
            })
            .collect()
    })
}

/// Names a browser also accepts without the `;` (the common legacy ones).
fn legacy_without_semicolon(name: &str) -> bool {
    matches!(name, "amp" | "lt" | "gt" | "quot" | "nbsp" | "copy" | "reg" | "AMP" | "LT" | "GT" | "QUOT")
}

/// The character of a numeric reference, with the replacements browsers make for
/// invalid ones (NUL, surrogates, out of range: U+FFFD; C1 controls from Windows-1252).
fn numeric_char(value: u32) -> char {
    const CP1252: [u16; 32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152,
        0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122,
        0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ];
    match value {
        0 => '\u{FFFD}',
        0x80..=0x9F => char::from_u32(CP1252[(value - 0x80) as usize] as u32).unwrap_or('\u{FFFD}'),
        _ => char::from_u32(value).unwrap_or('\u{FFFD}'),
    }
}

/// Reads a reference at the start of `s` (just after the `&`): the character and the bytes used.
fn reference(s: &str) -> Option<(char, usize)> {
    let b = s.as_bytes();
    if b.first() == Some(&b'#') {
        let (radix, start) = if matches!(b.get(1), Some(b'x') | Some(b'X')) { (16, 2) } else { (10, 1) };
        let digits = b[start..]
            .iter()
            .take_while(|c| (*c).is_ascii_hexdigit() && (radix == 16 || c.is_ascii_digit()))
            .count();
        if digits == 0 {
            return None;
        }
        // Saturate: more digits than fit are out of range anyway.
        let value = s[start..start + digits.min(8)]
            .chars()
            .fold(0u32, |v, c| v.saturating_mul(radix).saturating_add(c.to_digit(radix).unwrap_or(0)));
        let value = if digits > 8 { u32::MAX } else { value };
        let end = start + digits;
        let used = if b.get(end) == Some(&b';') { end + 1 } else { end };
        return Some((numeric_char(value), used));
    }
    let len = b.iter().take(MAX_NAME).take_while(|c| c.is_ascii_alphanumeric()).count();
    if len == 0 {
        return None;
    }
    let name = &s[..len];
    let c = *named().get(name)?;
    if b.get(len) == Some(&b';') {
        Some((c, len + 1))
    } else if legacy_without_semicolon(name) {
        Some((c, len))
    } else {
        None
    }
}

/// `s` with its character references decoded; borrowed when it has none.
pub fn decode(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        match reference(after) {
            Some((c, used)) => {
                out.push(c);
                rest = &after[used..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::decode;

    #[test]
    fn decodes_named_numeric_and_legacy_references() {
        let cases = [
            ("a &amp; b", "a & b"),
            ("&eacute;t&eacute;", "été"),
            ("&#233;&#xE9;&#XE9;", "ééé"),
            ("l&rsquo;Union&nbsp;&laquo;", "l’Union\u{a0}«"),
            ("AT&T", "AT&T"),
            ("&amp", "&"),
            ("&eacute", "&eacute"),
            ("&unknown;", "&unknown;"),
            ("&#0;&#x110000;&#99999999999;", "\u{FFFD}\u{FFFD}\u{FFFD}"),
            ("&#150;", "–"),
            ("&#;&#x;&", "&#;&#x;&"),
            ("prix: 5&euro;", "prix: 5€"),
        ];
        for (input, want) in cases {
            assert_eq!(decode(input), want, "{input}");
        }
    }
}
