//! The visible text of a page: [`Dom`] → blocks (paragraphs, headings, list
//! items, table rows), entities decoded, white space collapsed, each with a
//! map back into the markup.

use super::dom::{self, t, Dom, NONE};
use super::entities;
use crate::blocks::{Block, BlockKind};
use crate::spans::TextBuilder;

/// A block of visible text and where it sits in the tree.
#[derive(Clone, Debug)]
pub(crate) struct HtmlBlock {
    pub block: Block,
    /// The innermost block-level element holding the text.
    pub owner: u32,
    /// The owner's tag.
    pub tag: dom::Tag,
    /// The text node that gave the most characters.
    pub main_text: u32,
    /// Characters of text, and of text inside links.
    pub chars: usize,
    pub link_chars: usize,
    /// The text starts inside a link (a headline link).
    pub starts_with_link: bool,
}

/// Which nodes never show: `script`, `style`, `template`, `head` and the
/// like, and elements hidden by `hidden`, an inline `display: none` or
/// `visibility: hidden`; and everything inside them. (`aria-hidden` text is
/// still on screen, so it counts as visible.)
pub(crate) fn hidden(dom: &Dom<'_>) -> Vec<bool> {
    let mut out = vec![false; dom.nodes.len()];
    for i in 1..dom.nodes.len() {
        let n = &dom.nodes[i];
        let parent_hidden = out.get(n.parent as usize).copied().unwrap_or(false);
        out[i] = parent_hidden || (n.tag != t::TEXT && hides(dom, i as u32));
    }
    out
}

fn hides(dom: &Dom<'_>, i: u32) -> bool {
    let tag = dom.nodes[i as usize].tag;
    if dom::is_skipped(tag) {
        // A dialog shows only when open.
        return !(tag == t::DIALOG && dom.attr(i, "open").is_some());
    }
    if dom.attr(i, "hidden").is_some() {
        return true;
    }
    if let Some(class) = dom.attr(i, "class") {
        if class.split_ascii_whitespace().any(hiding_class) {
            return true;
        }
    }
    if let Some(style) = dom.attr(i, "style") {
        let compact: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect();
        if compact.contains("display:none") || compact.contains("visibility:hidden") {
            return true;
        }
    }
    false
}

/// Class names that hide an element, by convention of the common CSS
/// frameworks ("hidden", "d-none", "sr-only"), or until the pointer is over
/// it (tooltips, pop-overs, hover cards). Responsive ones ("hidden-xs") only
/// hide on some screens, so they do not count.
fn hiding_class(token: &str) -> bool {
    const WHOLE: &[&str] = &[
        "hidden",
        "hide",
        "d-none",
        "is-hidden",
        "element-hidden",
        "visually-hidden",
        "visuallyhidden",
        "sr-only",
        "screen-reader-text",
        "screenreader-only",
        "invisible",
        "u-hidden",
    ];
    const PREFIX: &[&str] = &["tooltip", "popover", "rollover", "hovercard"];
    let lower = token.to_ascii_lowercase();
    WHOLE.contains(&lower.as_str()) || PREFIX.iter().any(|p| lower.starts_with(p))
}

/// True for characters that take no room and break no word.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200b}' | '\u{2060}' | '\u{feff}' | '\u{ad}')
}

fn is_collapsible(c: char) -> bool {
    c.is_whitespace() || c.is_control()
}

fn is_pre(tag: dom::Tag) -> bool {
    matches!(tag, t::PRE | t::LISTING | t::XMP | t::PLAINTEXT)
}

/// Inline boxes that keep apart the text around them (form controls).
fn is_inline_box(tag: dom::Tag) -> bool {
    matches!(tag, t::BUTTON | t::LABEL | t::INPUT | t::SELECT | t::TEXTAREA)
}

/// Builds one block at a time.
struct Pending {
    b: TextBuilder,
    /// A space (or a cell separator) waiting for the next visible character.
    space: Option<(usize, usize, &'static str)>,
    /// Where the block's element content starts, when the block began at
    /// the start of an element.
    open_at: Option<usize>,
    owner: u32,
    main_text: u32,
    main_chars: usize,
    chars: usize,
    link_chars: usize,
    starts_with_link: bool,
}

impl Pending {
    fn new(owner: u32, open_at: Option<usize>) -> Self {
        Pending {
            b: TextBuilder::default(),
            space: None,
            open_at,
            owner,
            main_text: NONE,
            main_chars: 0,
            chars: 0,
            link_chars: 0,
            starts_with_link: false,
        }
    }
}

struct Walker<'d, 'a> {
    dom: &'d Dom<'a>,
    input: &'a str,
    out: Vec<HtmlBlock>,
    cur: Pending,
    /// Open block-level elements.
    owners: Vec<u32>,
    links: usize,
    /// Open table rows read as one line each.
    row_depth: usize,
    /// Open preformatted elements, where a blank line ends a paragraph.
    pre_depth: usize,
}

/// True when a table row reads as one line: no cell holds block-level
/// elements or a long text.
fn is_data_row(dom: &Dom<'_>, tr: u32, hidden: &[bool], blocky: &[bool], lens: &[usize]) -> bool {
    dom.children(tr)
        .filter(|&c| !hidden[c as usize] && matches!(dom.nodes[c as usize].tag, t::TD | t::TH))
        .all(|c| !blocky[c as usize] && lens[c as usize] <= 400)
}

/// Splits the visible text of a page into blocks, in document order.
pub(crate) fn blocks(dom: &Dom<'_>, hidden: &[bool]) -> Vec<HtmlBlock> {
    let n = dom.nodes.len();
    // Bottom-up: does a node hold block-level elements, and how long is its raw text.
    let mut blocky = vec![false; n];
    let mut lens = vec![0usize; n];
    for i in (1..n).rev() {
        if hidden[i] {
            continue;
        }
        let node = &dom.nodes[i];
        if node.tag == t::TEXT {
            lens[i] += (node.end - node.start) as usize;
        }
        let p = node.parent as usize;
        if p < n {
            lens[p] += lens[i];
            blocky[p] |= blocky[i] || (node.tag != t::TEXT && dom::is_block(node.tag));
        }
    }
    let mut w = Walker {
        dom,
        input: dom.input,
        out: Vec::new(),
        cur: Pending::new(0, Some(0)),
        owners: Vec::new(),
        links: 0,
        row_depth: 0,
        pre_depth: 0,
    };
    let mut cur = dom.nodes[0].first_child;
    while cur != NONE {
        let descend = !hidden[cur as usize] && w.enter(cur, hidden, &blocky, &lens);
        let first = dom.nodes[cur as usize].first_child;
        if descend && first != NONE {
            cur = first;
            continue;
        }
        loop {
            if !hidden[cur as usize] {
                w.leave(cur);
            }
            let next = dom.nodes[cur as usize].next_sibling;
            if next != NONE {
                cur = next;
                break;
            }
            cur = dom.nodes[cur as usize].parent;
            if cur == 0 || cur == NONE {
                cur = NONE;
                break;
            }
        }
    }
    w.flush(None);
    w.out
}

impl Walker<'_, '_> {
    /// Enters a visible node; returns whether to visit its children.
    fn enter(&mut self, i: u32, hidden: &[bool], blocky: &[bool], lens: &[usize]) -> bool {
        let node = &self.dom.nodes[i as usize];
        let tag = node.tag;
        if tag == t::TEXT {
            self.text(i);
            return false;
        }
        if self.row_depth > 0 {
            if matches!(tag, t::TD | t::TH) {
                if !self.cur.b.text.is_empty() {
                    self.cur.space = Some((node.start as usize, 0, " | "));
                }
            } else if tag == t::BR {
                self.gap(node.start as usize);
            }
            if tag == t::A {
                self.links += 1;
            }
            return true;
        }
        if tag == t::TR && is_data_row(self.dom, i, hidden, blocky, lens) {
            self.flush(None);
            self.owners.push(i);
            self.cur = Pending::new(i, Some(node.start as usize));
            self.row_depth = 1;
            return true;
        }
        if tag == t::BR {
            self.flush(None);
            self.cur = Pending::new(self.owner(), None);
            return false;
        }
        if dom::is_block(tag) {
            self.flush(None);
            if is_pre(tag) {
                self.pre_depth += 1;
            }
            if dom::is_void(tag) {
                self.cur = Pending::new(self.owner(), None);
                return false;
            }
            self.owners.push(i);
            self.cur = Pending::new(i, Some(node.start as usize));
            return !dom::is_void(tag);
        }
        if tag == t::A {
            self.links += 1;
        }
        if is_inline_box(tag) {
            self.gap(node.start as usize);
        }
        !dom::is_void(tag)
    }

    fn leave(&mut self, i: u32) {
        let node = &self.dom.nodes[i as usize];
        let tag = node.tag;
        if tag == t::TEXT || dom::is_void(tag) {
            return;
        }
        if tag == t::A {
            self.links = self.links.saturating_sub(1);
            return;
        }
        if is_inline_box(tag) {
            self.gap(node.end as usize);
            return;
        }
        let is_row = self.row_depth > 0 && tag == t::TR && self.owners.last() == Some(&i);
        if self.row_depth > 0 && !is_row {
            return;
        }
        if is_pre(tag) {
            self.pre_depth = self.pre_depth.saturating_sub(1);
        }
        if is_row || dom::is_block(tag) {
            if self.owners.last() == Some(&i) {
                self.flush(Some(node.end as usize));
                self.owners.pop();
            } else {
                self.flush(None);
            }
            if is_row {
                self.row_depth = 0;
            }
            self.cur = Pending::new(self.owner(), None);
        }
    }

    fn owner(&self) -> u32 {
        self.owners.last().copied().unwrap_or(0)
    }

    fn gap(&mut self, at: usize) {
        if !self.cur.b.text.is_empty() && self.cur.space.is_none() {
            self.cur.space = Some((at, 0, " "));
        }
    }

    fn text(&mut self, i: u32) {
        let node = &self.dom.nodes[i as usize];
        let (start, end) = (node.start as usize, node.end as usize);
        let Some(raw) = self.input.get(start..end) else {
            return;
        };
        let mut before = self.cur.chars;
        let mut run_start = 0usize; // start of a verbatim run in `raw`
        let mut newlines = 0;
        let mut iter = raw.char_indices().peekable();
        while let Some((k, c)) = iter.next() {
            let special = c == '&' || is_collapsible(c) || c == '\u{a0}' || is_invisible(c);
            if !special {
                newlines = 0;
                continue;
            }
            if c == '\n' && self.pre_depth > 0 {
                // A blank line in preformatted text ends a paragraph.
                newlines += 1;
                if newlines == 2 {
                    self.copy(&raw[run_start..k], start + run_start);
                    if self.cur.main_text == NONE {
                        self.cur.main_text = i;
                    }
                    self.flush(None);
                    self.cur = Pending::new(self.owner(), None);
                    before = 0;
                    run_start = k + 1;
                    continue;
                }
            } else if !is_collapsible(c) {
                newlines = 0;
            }
            self.copy(&raw[run_start..k], start + run_start);
            run_start = k + c.len_utf8();
            if c == '&' {
                if let Some(d) = entities::decode_at(&raw[k..], false) {
                    // Skip the reference's remaining bytes.
                    let stop = k + d.len;
                    while iter.peek().is_some_and(|&(j, _)| j < stop) {
                        iter.next();
                    }
                    run_start = stop;
                    let ch = d.ch;
                    if is_collapsible(ch) || ch == '\u{a0}' {
                        self.space(start + k, d.len);
                    } else if !is_invisible(ch) {
                        let mut buf = [0u8; 4];
                        self.replace(ch.encode_utf8(&mut buf), start + k, d.len);
                    }
                } else {
                    self.copy("&", start + k);
                }
            } else if is_invisible(c) {
                // Dropped.
            } else {
                self.space(start + k, c.len_utf8());
            }
        }
        self.copy(&raw[run_start..], start + run_start);
        let added = self.cur.chars.saturating_sub(before);
        if added > self.cur.main_chars {
            self.cur.main_chars = added;
            self.cur.main_text = i;
        }
    }

    fn space(&mut self, src: usize, len: usize) {
        if self.cur.b.text.is_empty() {
            return;
        }
        match &mut self.cur.space {
            Some((s, l, _)) => {
                if src + len > *s + *l {
                    *l = src + len - *s;
                }
            }
            None => self.cur.space = Some((src, len, " ")),
        }
    }

    fn emit_space(&mut self) {
        if let Some((src, len, sep)) = self.cur.space.take() {
            self.cur.b.replace(sep, src, len);
            self.cur.chars += sep.chars().count();
            if self.links > 0 {
                self.cur.link_chars += 1;
            }
        }
    }

    fn copy(&mut self, piece: &str, src: usize) {
        if piece.is_empty() {
            return;
        }
        self.emit_space();
        if self.cur.b.text.is_empty() {
            self.cur.starts_with_link = self.links > 0;
        }
        self.cur.b.copy(piece, src);
        let n = piece.chars().count();
        self.cur.chars += n;
        if self.links > 0 {
            self.cur.link_chars += n;
        }
    }

    fn replace(&mut self, piece: &str, src: usize, src_len: usize) {
        self.emit_space();
        if self.cur.b.text.is_empty() {
            self.cur.starts_with_link = self.links > 0;
        }
        self.cur.b.replace(piece, src, src_len);
        self.cur.chars += 1;
        if self.links > 0 {
            self.cur.link_chars += 1;
        }
    }

    /// Ends the current block; `close_at` is the end of its element's
    /// content when the block ends with its element.
    fn flush(&mut self, close_at: Option<usize>) {
        let owner_now = self.owner();
        let pending = std::mem::replace(&mut self.cur, Pending::new(owner_now, None));
        if pending.b.text.is_empty() {
            return;
        }
        let Pending {
            b,
            open_at,
            owner,
            main_text,
            chars,
            link_chars,
            starts_with_link,
            ..
        } = pending;
        let (text, map) = b.finish();
        let first = map.to_src(0);
        let last = map.end_to_src(text.len());
        let bytes = self.input.as_bytes();
        let start = match open_at {
            Some(mut s) if s <= first => {
                while s < first && bytes[s].is_ascii_whitespace() {
                    s += 1;
                }
                s
            }
            _ => first,
        };
        let end = match close_at {
            Some(mut e) if e >= last => {
                while e > last && bytes[e - 1].is_ascii_whitespace() {
                    e -= 1;
                }
                e
            }
            _ => last,
        };
        let tag = self.dom.nodes[owner as usize].tag;
        let kind = match tag {
            t::H1 | t::H2 | t::H3 | t::H4 | t::H5 | t::H6 => BlockKind::Heading,
            t::LI | t::DD | t::DT => BlockKind::ListItem,
            _ => BlockKind::Paragraph,
        };
        self.out.push(HtmlBlock {
            block: Block {
                text,
                map,
                start,
                end,
                kind,
                lines: 1,
                preset: None,
            },
            owner,
            tag,
            main_text,
            chars,
            link_chars,
            starts_with_link,
        });
    }
}
