//! Saved pages are not always UTF-8: older French sites often serve ISO-8859-1 or Windows-1252.
//! A page that is not valid UTF-8 is decoded as Windows-1252 (a superset of ISO-8859-1, as browsers
//! treat both), unless its `<meta charset>` names another encoding, which is then decoded
//! lossily as UTF-8.

use std::borrow::Cow;

/// Windows-1252's characters for bytes 0x80 to 0x9F (the rest of the bytes are their code point).
const CP1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}', '\u{90}',
    '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
];

/// The encoding the page declares in its first 4 KB (`<meta charset=…>` or `content="…;
/// charset=…"`), lowercased.
fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let value: String = head[at..]
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    (!value.is_empty()).then_some(value)
}

/// The page's text: UTF-8 as it is, else decoded from its declared single-byte Western encoding.
pub fn decode_page(bytes: &[u8]) -> Cow<'_, str> {
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Cow::Borrowed(s);
    }
    let western = match declared_charset(bytes).as_deref() {
        None => true,
        Some(c) => matches!(
            c,
            "iso-8859-1"
                | "iso8859-1"
                | "latin1"
                | "latin-1"
                | "windows-1252"
                | "cp1252"
                | "us-ascii"
                | "ascii"
                | "iso-8859-15"
                | "iso8859-15"
                | "utf-8"
                | "utf8"
        ),
    };
    if !western {
        return String::from_utf8_lossy(bytes);
    }
    Cow::Owned(
        bytes
            .iter()
            .map(|&b| if (0x80..0xA0).contains(&b) { CP1252_HIGH[(b - 0x80) as usize] } else { b as char })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::decode_page;

    #[test]
    fn decodes_western_pages_and_keeps_utf8() {
        assert_eq!(decode_page("déjà « vu »".as_bytes()), "déjà « vu »");
        let latin1 = b"<meta charset=\"iso-8859-1\"><p>\xe9t\xe9 \x80 \x92</p>";
        assert_eq!(decode_page(latin1), "<meta charset=\"iso-8859-1\"><p>été € ’</p>");
        assert_eq!(decode_page(b"<p>caf\xe9</p>"), "<p>café</p>");
        assert_eq!(
            decode_page(b"<meta charset=shift_jis><p>\x82\xa0</p>"),
            "<meta charset=shift_jis><p>\u{FFFD}\u{FFFD}</p>"
        );
    }
}
