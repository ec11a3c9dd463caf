//! Structure examples on small made-up pages.

use super::*;
use crate::analysis::Lang;

fn structure(text: &str) -> Structure {
    analyze(&Document::new(text, Lang::Fr))
}
