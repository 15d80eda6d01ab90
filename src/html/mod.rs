//! HTML reading: a page or a clipboard fragment → blocks with spans into the
//! markup, plus the page's metadata.

use crate::blocks::{Block, PageMeta};

/// What the HTML reader found.
pub(crate) struct Page {
    pub blocks: Vec<Block>,
    /// True when blocks without a preset removal are the article body.
    pub body_known: bool,
    pub meta: PageMeta,
    pub warnings: Vec<String>,
}

/// Reads an HTML page.
pub(crate) fn read_page(input: &str) -> Page {
    let _ = input;
    Page {
        blocks: Vec::new(),
        body_known: false,
        meta: PageMeta::default(),
        warnings: vec!["HTML input is not supported yet".to_string()],
    }
}
