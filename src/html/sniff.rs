//! Recognises files that are not text from their first bytes ("magic numbers"), so that a PDF,
//! an image or an archive is refused with its type named instead of analysed as garbage.

/// Signatures at the start of a file, with the name given to the user.
const MAGIC: &[(&[u8], &str)] = &[
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\0", "a TIFF image"),
    (b"MM\0*", "a TIFF image"),
    (b"\0\0\x01\0", "an icon (ICO)"),
    (b"PK\x03\x04", "a ZIP archive (or a DOCX, ODT, EPUB or other zipped document)"),
    (b"PK\x05\x06", "a ZIP archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xfd7zXZ\0", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x28\xb5\x2f\xfd", "a Zstandard archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document (DOC, XLS, PPT)"),
    (b"{\\rtf", "an RTF document"),
    (b"\0asm", "a WebAssembly module"),
    (b"\x7fELF", "an executable (ELF)"),
    (b"\xca\xfe\xba\xbe", "a Java class or Mach-O executable"),
    (b"\xcf\xfa\xed\xfe", "a Mach-O executable"),
    (b"SQLite format 3\0", "an SQLite database"),
    (b"OggS", "an Ogg audio or video file"),
    (b"fLaC", "a FLAC audio file"),
    (b"\x1a\x45\xdf\xa3", "a Matroska or WebM video"),
    (b"wOFF", "a web font (WOFF)"),
    (b"wOF2", "a web font (WOFF2)"),
    (b"\0\x01\0\0\0", "a font (TrueType)"),
    (b"OTTO", "a font (OpenType)"),
    (b"%!PS", "a PostScript document"),
];

/// What the bytes are when they are clearly not text: the name of the file type, or `None` for
/// text (UTF-8, HTML or plain). Looks at the first 8 KB only.
pub fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    let head = &bytes[..bytes.len().min(8192)];
    if let Some((_, name)) = MAGIC.iter().find(|(magic, _)| head.starts_with(magic)) {
        return Some(name);
    }
    // Short signatures that prose could start with are checked with the bytes that follow them.
    if head.len() >= 10 && head.starts_with(b"BM") && head[6..10] == [0; 4] {
        return Some("a BMP image");
    }
    if head.len() >= 10 && head.starts_with(b"BZh") && &head[4..10] == b"1AY&SY" {
        return Some("a bzip2 archive");
    }
    if head.len() >= 5 && head.starts_with(b"ID3") && (2..=4).contains(&head[3]) && head[4] == 0 {
        return Some("an MP3 audio file");
    }
    if head.len() >= 64 && head.starts_with(b"MZ") && head.contains(&0) {
        return Some("a Windows executable");
    }
    if head.len() >= 12 && &head[0..4] == b"RIFF" {
        return Some(match &head[8..12] {
            b"WEBP" => "a WebP image",
            b"WAVE" => "a WAV audio file",
            b"AVI " => "an AVI video",
            _ => "a RIFF media file",
        });
    }
    if head.len() >= 12 && &head[4..8] == b"ftyp" {
        return Some(match &head[8..12] {
            b"heic" | b"heix" | b"mif1" | b"msf1" => "a HEIC image",
            b"avif" => "an AVIF image",
            _ => "an MP4 or QuickTime video",
        });
    }
    if head.starts_with(b"\xff\xfe") || head.starts_with(b"\xfe\xff") {
        return None; // UTF-16 text: refused by the UTF-8 check of the caller, with that reason
    }
    // Text has no NUL bytes, and few control characters other than white space.
    let controls = head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)).count();
    if head.contains(&0) || controls * 20 > head.len() {
        return Some("binary data");
    }
    None
}

#[cfg(test)]
mod tests {
    use super::binary_kind;

    #[test]
    fn names_common_file_types_and_lets_text_through() {
        assert_eq!(binary_kind(b"%PDF-1.7\n%\xe2\xe3"), Some("a PDF document"));
        assert_eq!(binary_kind(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), Some("a PNG image"));
        assert!(binary_kind(b"PK\x03\x04\x14\0").unwrap().contains("ZIP"));
        assert_eq!(binary_kind(b"RIFF\0\0\0\0WEBPVP8 "), Some("a WebP image"));
        assert_eq!(binary_kind(b"\0\0\0\x20ftypisom"), Some("an MP4 or QuickTime video"));
        assert_eq!(binary_kind(b"abc\0def"), Some("binary data"));
        assert_eq!(binary_kind(b"<!DOCTYPE html><p>Bonjour</p>"), None);
        assert_eq!(binary_kind("Le président a dit « oui ».\n".as_bytes()), None);
        assert_eq!(binary_kind(b""), None);
        // Prose that happens to start like a signature is still text.
        assert_eq!(binary_kind(b"BMW a annonce"), None);
        assert_eq!(binary_kind(b"MZ est une marque"), None);
        assert_eq!(binary_kind(b"BM\x36\x10\0\0\0\0\0\0\x36\0"), Some("a BMP image"));
    }
}
