//! The few ways a call can fail: configuration and input size. Extraction itself never fails.

use std::fmt;

/// Largest input accepted by the CLI and the JavaScript API, in bytes of UTF-8 (64 MiB).
/// Analysis is linear in the input, but a page holding several copies of a larger text
/// (input, result, rendering) would exhaust a browser tab.
pub const MAX_INPUT_BYTES: usize = 64 * 1024 * 1024;

/// Why a call was refused. Extraction itself never fails, so only configuration and input size
/// appear here; more reasons may come, hence `non_exhaustive`.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// The text is longer than [`MAX_INPUT_BYTES`].
    InputTooLarge {
        /// The text's length in bytes of UTF-8.
        bytes: usize,
        /// The limit, [`MAX_INPUT_BYTES`].
        max: usize,
    },
    /// A reference date that is not a valid `YYYY-MM-DD` day.
    InvalidDate(String),
    /// A language other than `fr`, `en` or `auto`.
    InvalidLang(String),
    /// Input that is not text: a PDF, an image, an archive… (its type, from its first bytes).
    NotText(&'static str),
    /// A request that is not well formed (a batch line with neither or both of text and html).
    InvalidInput(&'static str),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InputTooLarge { bytes, max } => write!(
                f,
                "input too large: {bytes} bytes of UTF-8, the limit is {max} bytes ({} MiB)",
                max / (1024 * 1024)
            ),
            Error::InvalidDate(s) => {
                write!(f, "invalid reference date {s:?}: expected a calendar day as YYYY-MM-DD")
            }
            Error::InvalidLang(s) => write!(f, "invalid language {s:?}: expected fr, en or auto"),
            Error::InvalidInput(why) => write!(f, "invalid input: {why}"),
            Error::NotText(kind) => {
                write!(f, "this is {kind}, not an article: open a web page (.html) or a text")
            }
        }
    }
}

impl std::error::Error for Error {}
