//! Stage 2, blocks: [`Document`] → [`Blocks`]: paragraphs, list items and
//! headings with spans into the input; hard-wrapped lines joined back.

use crate::read::{Document, Kind};
use crate::spans::{SpanMap, TextBuilder};

/// What a block looks like on the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum BlockKind {
    /// Running text: one or more lines joined.
    Paragraph,
    /// A line that starts with a list marker (`* `, `- `, `1. `, `•`).
    ListItem,
    /// A heading the markup declares (HTML `<h1>`-`<h6>`).
    Heading,
}

/// Why a block was removed, decided by a stage that saw more than its text
/// (the HTML reader), or by the cleaning rules.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Removal {
    /// One of the reasons of SPEC.md: `boilerplate`, `navigation`,
    /// `related-links`, `comments`, `advertisement`, `markup`.
    pub reason: &'static str,
    /// The stable kebab-case name of the rule that fired.
    pub rule: &'static str,
}

/// One block of the article, before cleaning.
#[derive(Clone, Debug)]
pub(crate) struct Block {
    /// The block's text: trimmed, lines joined with one space.
    pub text: String,
    /// From `text` offsets to input offsets.
    pub map: SpanMap,
    /// Input byte span of the block (first to last visible character).
    pub start: usize,
    pub end: usize,
    pub kind: BlockKind,
    /// How many input lines were joined into this block.
    pub lines: usize,
    /// A verdict made before cleaning (the HTML reader's), if any.
    pub preset: Option<Removal>,
}

/// Metadata found by the reader itself (HTML `<meta>`, JSON-LD); text input
/// has none, and the cleaning stage finds title and byline in the blocks.
#[derive(Clone, Debug, Default)]
pub(crate) struct PageMeta {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub source: Option<String>,
    pub published: Option<String>,
}

/// What the HTML markup says of a block, for the learned labeller (text
/// input has none: every signal reads as zero).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) struct Markup {
    /// Inside the element the reader chose as the body.
    pub in_body: bool,
    /// Inside an element whose tag or class says it is the article.
    pub body_hint: bool,
    /// Share of the characters inside links.
    pub link_density: f32,
    /// The text starts inside a link.
    pub starts_with_link: bool,
    /// A teaser of another article, by the reader's card search.
    pub teaser: bool,
    /// The furniture the nearest hinted element says it is (its slot in
    /// `Markup::FURNITURE`, 0 for none), and whether the reader trusts it.
    pub furniture: u8,
    pub trusted: bool,
    /// The owner element, by group: 0 other, 1 `p`, 2 list item, 3 table
    /// cell, 4 heading, 5 quote or pre, 6 caption.
    pub tag: u8,
    /// Levels below the body element (negative: above or beside it).
    pub depth: i16,
}

impl Markup {
    /// Furniture slots: comments, related, advertisement, share,
    /// navigation, sign-up and forms, header/footer/sidebar, metadata,
    /// captions.
    pub const FURNITURE: usize = 9;
    pub const TAGS: usize = 7;
}

/// The blocks of a document, in input order.
pub(crate) struct Blocks {
    pub blocks: Vec<Block>,
    /// One per block for HTML input; empty for text.
    pub markup: Vec<Markup>,
    /// The reader already told the article body from the rest (HTML, with
    /// DOM evidence): blocks without a `preset` removal are the body, and
    /// cleaning only applies the named rules and removes repeats.
    pub body_known: bool,
    pub meta: PageMeta,
    pub warnings: Vec<String>,
}

/// Splits a document into blocks.
pub(crate) fn split(doc: Document<'_>) -> Blocks {
    let mut warnings = doc.warnings;
    match doc.kind {
        Kind::Text => Blocks {
            blocks: text_blocks(doc.input),
            markup: Vec::new(),
            body_known: false,
            meta: PageMeta::default(),
            warnings,
        },
        Kind::Html => {
            let page = crate::html::read_page(doc.input);
            warnings.extend(page.warnings);
            Blocks {
                blocks: page.blocks,
                markup: page.markup,
                body_known: page.body_known,
                meta: page.meta,
                warnings,
            }
        }
    }
}

/// True for characters that carry nothing visible.
pub(crate) fn is_blank_char(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(
            c,
            '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}'
        )
}

/// One input line, trimmed.
#[derive(Clone, Copy, Debug)]
struct Line<'a> {
    text: &'a str,
    /// Byte offset of `text` in the input.
    start: usize,
}

impl Line<'_> {
    fn end(&self) -> usize {
        self.start + self.text.len()
    }
}

/// Splits the input into lines on `\n`, `\r\n`, `\r` and the Unicode line and
/// paragraph separators; `None` stands for a blank line.
fn lines(input: &str) -> Vec<Option<Line<'_>>> {
    let mut out = Vec::new();
    let bytes = input.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (is_break, width) = match b {
            b'\n' => (true, 1),
            b'\r' => (true, if bytes.get(i + 1) == Some(&b'\n') { 2 } else { 1 }),
            0xE2 if bytes.get(i + 1) == Some(&0x80) && matches!(bytes.get(i + 2), Some(0xA8 | 0xA9)) => {
                (true, 3)
            }
            _ => (false, 1),
        };
        if is_break {
            out.push(trim_line(input, start, i));
            i += width;
            start = i;
        } else {
            i += 1;
        }
    }
    if start < bytes.len() {
        out.push(trim_line(input, start, bytes.len()));
    }
    out
}

fn trim_line(input: &str, start: usize, end: usize) -> Option<Line<'_>> {
    let raw = &input[start..end];
    let left = raw.len() - raw.trim_start_matches(is_blank_char).len();
    let text = raw[left..].trim_end_matches(is_blank_char);
    if text.is_empty() {
        None
    } else {
        Some(Line {
            text,
            start: start + left,
        })
    }
}

/// True when the line starts with a list marker.
pub(crate) fn is_list_item(text: &str) -> bool {
    let mut chars = text.chars();
    match chars.next() {
        Some('*' | '-' | '•' | '·' | '▪' | '◦' | '‣' | '–' | '+') => {
            let rest = chars.as_str();
            rest.is_empty() || rest.starts_with(' ') || rest.starts_with('\t')
        }
        Some(c) if c.is_ascii_digit() => {
            let digits = text.bytes().take_while(u8::is_ascii_digit).count();
            let rest = &text[digits..];
            digits <= 3 && (rest.starts_with(". ") || rest.starts_with(") "))
        }
        _ => false,
    }
}

fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»', '*']);
    t.ends_with(['.', '!', '?', '…', '。', '！', '？', ':', ';'])
}

fn starts_lowercase(text: &str) -> bool {
    text.chars().next().is_some_and(|c| c.is_lowercase())
}

/// Char count of a line, capped (only used to compare line widths).
fn width(text: &str) -> usize {
    text.chars().count()
}

/// Builds blocks from plain text. A run of consecutive non-blank lines is
/// split into paragraphs; lines are joined back into one paragraph when the
/// next one continues a sentence (starts in lower case after a line that does
/// not end one) or when the run is hard-wrapped at a fixed width.
fn text_blocks(input: &str) -> Vec<Block> {
    let all = lines(input);
    let mut blocks = Vec::new();
    let mut run: Vec<Line<'_>> = Vec::new();
    for line in all {
        match line {
            Some(l) => run.push(l),
            None => {
                flush_run(&run, &mut blocks);
                run.clear();
            }
        }
    }
    flush_run(&run, &mut blocks);
    blocks
}

/// Width a run of lines is wrapped at, when it is hard-wrapped: at least
/// three lines, most of them within 75% of the widest, which is a typical
/// wrap width for mail, PDF and terminal text.
fn wrap_width(run: &[Line<'_>]) -> Option<usize> {
    // A list is not a wrapped paragraph, however even its items are.
    let items = run.iter().filter(|l| is_list_item(l.text)).count();
    if run.len() < 3 || items * 3 > run.len() {
        return None;
    }
    let widths: Vec<usize> = run.iter().map(|l| width(l.text)).collect();
    let max = *widths.iter().max()?;
    if !(30..=120).contains(&max) {
        return None;
    }
    let full = widths[..widths.len() - 1]
        .iter()
        .filter(|&&w| w * 4 >= max * 3)
        .count();
    let open = run[..run.len() - 1]
        .iter()
        .filter(|l| !ends_sentence(l.text))
        .count();
    // Most lines reach the wrap width, and most do not end a sentence.
    (full * 3 >= (run.len() - 1) * 2 && open * 2 >= run.len() - 1).then_some(max)
}

fn flush_run(run: &[Line<'_>], blocks: &mut Vec<Block>) {
    if run.is_empty() {
        return;
    }
    let wrap = wrap_width(run);
    let mut group_start = 0;
    for i in 1..=run.len() {
        let split_here = i == run.len() || !continues(&run[i - 1], &run[i], wrap);
        if split_here {
            blocks.push(make_block(&run[group_start..i]));
            group_start = i;
        }
    }
}

/// True when `next` continues the paragraph of `prev`.
fn continues(prev: &Line<'_>, next: &Line<'_>, wrap: Option<usize>) -> bool {
    if is_list_item(next.text) {
        return false;
    }
    let prev_open = !ends_sentence(prev.text);
    // A line that stops on "the" or "of", or a long line, continues into a
    // next line that starts in lower case; a short label ("Flos Showroom")
    // above an address or a link does not.
    let next_is_link = next.text.starts_with("http") || next.text.starts_with("www.");
    if prev_open && starts_lowercase(next.text) && !next_is_link && !is_list_item(prev.text) {
        // Only now the last word, lowercased (an allocation per line).
        let last_word = prev.text.rsplit(' ').next().unwrap_or("").to_lowercase();
        if crate::lang::Lang::is_english_stopword(&last_word) || width(prev.text) >= 50 {
            return true;
        }
    }
    if let Some(w) = wrap {
        // In hard-wrapped text a line that stops well short of the wrap width
        // after a sentence end closes its paragraph.
        let full = width(prev.text) * 4 >= w * 3;
        return !is_list_item(prev.text) && (full || prev_open);
    }
    false
}

fn make_block(lines: &[Line<'_>]) -> Block {
    let mut b = TextBuilder::default();
    let mut prev_end: Option<usize> = None;
    for line in lines {
        if let Some(pe) = prev_end {
            b.space(pe, line.start - pe);
        }
        push_clean(&mut b, line.text, line.start);
        prev_end = Some(line.end());
    }
    let first = lines[0];
    let last = lines[lines.len() - 1];
    let kind = if lines.len() == 1 && is_list_item(first.text) {
        BlockKind::ListItem
    } else {
        BlockKind::Paragraph
    };
    let (text, map) = b.finish();
    Block {
        text,
        map,
        start: first.start,
        end: last.end(),
        kind,
        lines: lines.len(),
        preset: None,
    }
}

/// Characters with no width: dropped from the text, not turned into spaces
/// ("Not\u{ad}fall" is one word).
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}'
    )
}

/// Copies a line into the builder, dropping invisible characters and
/// turning control characters and runs of blanks into single spaces.
pub(crate) fn push_clean(b: &mut TextBuilder, line: &str, start: usize) {
    let bytes = line.as_bytes();
    let mut copy_from = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Printable ASCII other than the space (most of a line) is copied
        // as it is, without decoding a character.
        if (0x21..0x7f).contains(&bytes[i]) {
            i += 1;
            continue;
        }
        let Some(c) = line[i..].chars().next() else {
            break;
        };
        let next = i + c.len_utf8();
        if is_invisible(c) {
            b.copy(&line[copy_from..i], start + copy_from);
            copy_from = next;
            i = next;
            continue;
        }
        let odd_blank = is_blank_char(c) && c != ' ';
        let double_space = c == ' ' && line[next..].chars().next().is_some_and(is_blank_char);
        if odd_blank || double_space {
            b.copy(&line[copy_from..i], start + copy_from);
            let end = next
                + line[next..]
                    .find(|n: char| !is_blank_char(n))
                    .unwrap_or(line.len() - next);
            b.space(start + i, end - i);
            copy_from = end;
            i = end;
            continue;
        }
        i = next;
    }
    b.copy(&line[copy_from..], start + copy_from);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`push_clean`] character by character, as it first was: the
    /// reference for the byte-level scan.
    fn push_clean_by_chars(b: &mut TextBuilder, line: &str, start: usize) {
        let mut copy_from = 0;
        let mut iter = line.char_indices().peekable();
        while let Some((i, c)) = iter.next() {
            if is_invisible(c) {
                b.copy(&line[copy_from..i], start + copy_from);
                copy_from = i + c.len_utf8();
                continue;
            }
            let odd_blank = is_blank_char(c) && c != ' ';
            let double_space = c == ' ' && iter.peek().is_some_and(|&(_, n)| is_blank_char(n));
            if odd_blank || double_space {
                b.copy(&line[copy_from..i], start + copy_from);
                let mut end = i + c.len_utf8();
                while let Some(&(j, n)) = iter.peek() {
                    if is_blank_char(n) {
                        end = j + n.len_utf8();
                        iter.next();
                    } else {
                        break;
                    }
                }
                b.space(start + i, end - i);
                copy_from = end;
            }
        }
        b.copy(&line[copy_from..], start + copy_from);
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn clean_copies_match_the_character_scan(
            lines in proptest::collection::vec("[ a.\t\u{1}\u{7f}\u{a0}\u{ad}\u{200b}\u{2009}é“]{0,12}", 1..4),
        ) {
            let (mut fast, mut slow) = (TextBuilder::default(), TextBuilder::default());
            let mut at = 3;
            for line in &lines {
                push_clean(&mut fast, line, at);
                push_clean_by_chars(&mut slow, line, at);
                at += line.len() + 1;
            }
            let (fast, slow) = (fast.finish(), slow.finish());
            proptest::prop_assert_eq!(fast, slow);
        }
    }

    fn texts(input: &str) -> Vec<String> {
        text_blocks(input).into_iter().map(|b| b.text).collect()
    }

    #[test]
    fn one_paragraph_per_line() {
        assert_eq!(
            texts("First line.\nSecond line.\n\nThird."),
            ["First line.", "Second line.", "Third."]
        );
    }

    #[test]
    fn crlf_and_cr_line_ends() {
        assert_eq!(texts("One.\r\nTwo.\rThree."), ["One.", "Two.", "Three."]);
    }

    #[test]
    fn lowercase_continuation_joins() {
        let input = "Notice:\nThe publisher offers the\ninformation as it is, without any promise. You\nmay not rely on it.";
        assert_eq!(
            texts(input),
            [
                "Notice:",
                "The publisher offers the information as it is, without any promise. You may not rely on it."
            ]
        );
    }

    #[test]
    fn hard_wrapped_run_joins() {
        let input = "The committee met on Tuesday to discuss the budget for the\nnext year. Members agreed that Spending on roads should rise\nBy ten percent, while the school budget stays where it is.\n\nNext paragraph.";
        let t = texts(input);
        assert_eq!(t.len(), 2, "{t:?}");
        assert!(t[0].contains("the next year") && t[0].contains("rise By ten"));
    }

    #[test]
    fn list_items_stay_apart() {
        let t = texts("Top stories\n- First headline here\n- second headline here\n* Third");
        assert_eq!(
            t,
            [
                "Top stories",
                "- First headline here",
                "- second headline here",
                "* Third"
            ]
        );
        let blocks = text_blocks("- a\n1. b\n12) c");
        assert!(blocks.iter().all(|b| b.kind == BlockKind::ListItem));
    }

    #[test]
    fn spans_point_into_input() {
        let input = "  Title here \r\n\r\nBody  text\u{0}goes on to the\nend of\u{ad}the line.\n";
        for b in text_blocks(input) {
            let first = b.map.to_src(0);
            assert_eq!(first, b.start);
            assert_eq!(b.map.end_to_src(b.text.len()), b.end);
            assert!(input[b.start..b.end].starts_with(&b.text[..1]));
        }
        assert_eq!(
            texts(input),
            ["Title here", "Body text goes on to the end ofthe line."]
        );
    }
}
