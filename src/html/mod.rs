//! HTML reading: a page or a clipboard fragment → blocks with spans into the
//! markup, the article body told from the rest, and the page's metadata.
//!
//! The stages, as [`read_page`] lists them: parse ([`dom`]: an own tokenizer
//! and tree builder, no dependency), hide what never shows (scripts, styles,
//! templates, `hidden`, `display: none`), cut the visible text into blocks
//! with entities decoded and spans into the markup ([`text`]), read the
//! metadata ([`meta`]: JSON-LD, `<meta>`, `rel=author`, `.byline`,
//! `<title>`), find the body ([`body`], with the class and tag words of
//! [`hints`]), and settle the title against the page's headings.
//!
//! Input safety: nothing recurses on the input; the tree is one vector in
//! document order and every pass over it is a loop. The parse is linear at
//! any nesting depth (searches of the open elements pop what they walk or
//! are bounded), attributes are ranges into the input, and at most 256 are
//! kept per element.

mod body;
mod dom;
mod entities;
mod hints;
mod json;
mod meta;
mod text;

use crate::blocks::{Block, BlockKind, Markup, PageMeta};
use text::HtmlBlock;

/// What the HTML reader found.
pub(crate) struct Page {
    pub blocks: Vec<Block>,
    /// What the markup says of each block.
    pub markup: Vec<Markup>,
    /// True when blocks without a preset removal are the article body.
    pub body_known: bool,
    pub meta: PageMeta,
    pub warnings: Vec<String>,
}

/// Reads an HTML page.
pub(crate) fn read_page(input: &str) -> Page {
    let dom = dom::Dom::parse(input);
    let hidden = text::hidden(&dom);
    let blocks = text::blocks(&dom, &hidden);
    let lang = crate::lang::detect(blocks.iter().map(|b| b.block.text.as_str()));
    let found = meta::find(&dom, &hidden);
    let body = body::find(&dom, &hidden, &blocks, lang, found.article_body.as_deref());
    let meta = settle_title(found, &blocks);
    let mut warnings = Vec::new();
    if input.len() >= u32::MAX as usize - 1 {
        warnings.push("the HTML is larger than 4 GB: only its first 4 GB were read".to_string());
    }
    if !body.found && !blocks.is_empty() {
        warnings.push(
            "no article body could be told from the page's markup: its text was cleaned as plain text would be"
                .to_string(),
        );
    }
    Page {
        blocks: blocks
            .into_iter()
            .zip(body.presets)
            .map(|(b, preset)| Block { preset, ..b.block })
            .collect(),
        markup: body.markup,
        body_known: body.found,
        meta,
        warnings,
    }
}

/// The title: the page's declared headline (JSON-LD, `og:title`), else the
/// `<title>` without the site name, else the first `<h1>`; spelled as the
/// heading on the page that repeats it, so that the cleaner can set that
/// heading apart. (The first `<h1>` alone is often the site's logo.)
fn settle_title(found: meta::Found, blocks: &[HtmlBlock]) -> PageMeta {
    let mut m = found.meta;
    let headings: Vec<&HtmlBlock> = blocks
        .iter()
        .filter(|b| b.block.kind == BlockKind::Heading && b.block.text.chars().count() <= 300)
        .collect();
    let declared = m.title.clone().or_else(|| {
        found
            .page_title
            .as_deref()
            .map(|t| meta::strip_site_name(t, m.source.as_deref()))
    });
    let matching = declared.as_deref().and_then(|d| {
        let dw = meta::words(&meta::strip_site_name(d, m.source.as_deref()));
        headings.iter().find(|h| {
            let hw = meta::words(&h.block.text);
            !hw.is_empty() && similar(&dw, &hw)
        })
    });
    m.title = match (matching, declared) {
        (Some(h), _) => Some(h.block.text.clone()),
        (None, Some(d)) => Some(d),
        (None, None) => headings
            .iter()
            .find(|h| h.tag == dom::t::H1)
            .map(|h| h.block.text.clone()),
    };
    m
}

/// Two titles are the same when most words of the shorter are in the longer.
fn similar(a: &[String], b: &[String]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.is_empty() {
        return false;
    }
    let shared = short.iter().filter(|w| long.contains(w)).count();
    shared * 10 >= short.len() * 8 && short.len() * 2 >= long.len()
}

#[cfg(test)]
mod timing {
    /// `HTML_TIMING=dir cargo test --release --lib html::timing -- --ignored --nocapture`
    #[test]
    #[ignore]
    fn read_page_times() {
        let Ok(dir) = std::env::var("HTML_TIMING") else {
            return;
        };
        let mut times = Vec::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "html") {
                let input = std::fs::read_to_string(&path).unwrap();
                let t = std::time::Instant::now();
                let page = super::read_page(&input);
                times.push((t.elapsed().as_secs_f64() * 1e3, input.len(), page.blocks.len()));
            }
        }
        times.sort_by(|a, b| a.0.total_cmp(&b.0));
        let n = times.len();
        println!(
            "n {n} median {:.2} ms p90 {:.2} ms max {:.2} ms ({} bytes)",
            times[n / 2].0,
            times[n * 9 / 10].0,
            times[n - 1].0,
            times[n - 1].1
        );
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn markup_signals_follow_the_body_and_the_furniture() {
        let para = "The council voted on Tuesday to keep the old library open for another year, \
                    and the mayor said the money would come from the parks budget.";
        let page = format!(
            "<html><body><nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/x\">Sport</a></li></ul></nav>\
             <article><h1>Library stays open</h1><p>{para}</p><p>{para}</p><p>{para}</p></article>\
             <div class=\"comments\"><p>I disagree with this decision entirely, it is a waste of money.</p></div>\
             </body></html>"
        );
        let read = super::read_page(&page);
        assert!(read.body_known);
        assert_eq!(read.markup.len(), read.blocks.len());
        let find = |needle: &str| {
            let k = read.blocks.iter().position(|b| b.text.contains(needle)).unwrap();
            read.markup[k]
        };
        let body = find("council voted");
        assert!(body.in_body && body.body_hint);
        assert_eq!((body.tag, body.furniture), (1, 0));
        assert_eq!(find("Library stays").tag, 4);
        let menu = find("Sport");
        assert!(!menu.in_body);
        assert_eq!(menu.furniture, 5);
        assert!(menu.link_density > 0.9);
        assert_eq!(find("I disagree").furniture, 1);
    }
}
