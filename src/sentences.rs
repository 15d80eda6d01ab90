//! Stage 4, sentences: [`Cleaned`] → [`Sentences`]: the title and each kept
//! paragraph cut into sentences, with spans into the paragraph text.
//!
//! The splitter knows abbreviations ("Mr.", "U.S.", "Jan."), initials
//! ("John F. Kennedy"), decimals ("5.4%"), quotes (`"Stop." Then…`) and
//! sentences glued without a space ("…in May.The next…").

use crate::blocks::Block;
use crate::clean::Cleaned;
use crate::lang::Lang;

/// Where a sentence's text lives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Origin {
    Title,
    Byline,
    /// Index into [`Cleaned::kept`].
    Paragraph(usize),
}

/// One sentence: a byte span of its block's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Sentence {
    pub origin: Origin,
    pub start: usize,
    pub end: usize,
}

/// The cleaned article cut into sentences, in reading order: title first,
/// then the paragraphs, then the byline.
pub(crate) struct Sentences {
    pub cleaned: Cleaned,
    pub items: Vec<Sentence>,
}

impl Sentences {
    /// The text of the block a sentence lives in.
    pub fn block_text(&self, origin: Origin) -> &str {
        match origin {
            Origin::Title => self.cleaned.meta.title.as_ref().map_or("", |t| t.text.as_str()),
            Origin::Byline => self.cleaned.meta.byline.as_ref().map_or("", |t| t.text.as_str()),
            Origin::Paragraph(i) => self.cleaned.kept.get(i).map_or("", |b| b.text.as_str()),
        }
    }

    /// The block a paragraph sentence lives in.
    pub fn block(&self, origin: Origin) -> Option<&Block> {
        match origin {
            Origin::Paragraph(i) => self.cleaned.kept.get(i),
            _ => None,
        }
    }

    pub fn lang(&self) -> Lang {
        self.cleaned.lang
    }
}

/// Cuts the title and every kept paragraph into sentences.
pub(crate) fn split(cleaned: Cleaned) -> Sentences {
    let mut items = Vec::new();
    if let Some(title) = &cleaned.meta.title {
        for (start, end) in split_text(&title.text) {
            items.push(Sentence {
                origin: Origin::Title,
                start,
                end,
            });
        }
    }
    for (i, block) in cleaned.kept.iter().enumerate() {
        for (start, end) in split_text(&block.text) {
            items.push(Sentence {
                origin: Origin::Paragraph(i),
                start,
                end,
            });
        }
    }
    if let Some(byline) = &cleaned.meta.byline {
        items.push(Sentence {
            origin: Origin::Byline,
            start: 0,
            end: byline.text.len(),
        });
    }
    Sentences { cleaned, items }
}

/// Abbreviations after which a full stop never ends a sentence: titles and
/// words that always come before a name or a number.
const BEFORE_NAME: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "capt", "cpt", "sgt", "maj",
    "adm", "cmdr", "st", "rev", "fr", "hon", "pres", "supt", "insp", "det", "messrs", "mme", "mlle", "sr",
    "jr", "no", "nos", "vol", "fig", "figs", "pp", "p", "ch", "art", "sec", "op", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "vs", "v", "approx", "ca", "cf", "e.g", "i.e",
    "viz", "al", "ft", "mt", "ave", "blvd", "rd", "hr", "sra", "sr", "dra", "herr", "frau",
];

/// Abbreviations that may end a sentence (then the next word is a usual
/// sentence start): "Inc.", "Ltd.", "U.S.", "etc.", "a.m.".
const MAY_END: &[&str] = &[
    "inc", "ltd", "co", "corp", "plc", "llc", "bros", "etc", "u.s", "u.k", "u.n", "e.u", "a.m", "p.m", "d.c",
    "jr", "sr", "ph.d", "s.a", "n.v", "ag", "gmbh",
];

/// Capitalised words that usually start a sentence; after "U.S." or "Inc."
/// they mean a new sentence begins.
const STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "But",
    "And",
    "In",
    "On",
    "At",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "After",
    "Before",
    "When",
    "While",
    "As",
    "If",
    "However",
    "Meanwhile",
    "Also",
    "Earlier",
    "Later",
    "Still",
    "Yet",
    "So",
    "Some",
    "Many",
    "Most",
    "Both",
    "Each",
    "All",
    "No",
    "Not",
    "One",
    "Two",
    "Three",
    "What",
    "Why",
    "How",
    "Who",
    "Where",
];

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»' | '」' | '』' | '）')
}

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '(' | '[' | '«' | '「' | '『' | '¿' | '¡'
    )
}

/// Byte spans of the sentences of `text`, trimmed.
pub(crate) fn split_text(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let n = bytes.len();
    // The length of the run of characters from byte `at` that `keep`
    // accepts, in bytes.
    let run = |at: usize, keep: fn(char) -> bool| -> usize {
        text[at..].find(|c: char| !keep(c)).unwrap_or(n - at)
    };
    let mut out = Vec::new();
    let mut start = 0usize;
    let mut i = 0usize;
    while i < n {
        // A terminator starts with '.', '!' or '?', or with the lead byte
        // of '…' (0xE2), '。' (0xE3), '！' or '？' (0xEF); any other byte
        // is passed over without decoding its character. (A lead byte
        // always starts a character.)
        if !matches!(bytes[i], b'.' | b'!' | b'?' | 0xE2 | 0xE3 | 0xEF) {
            i += 1;
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        let full_width = matches!(c, '。' | '！' | '？');
        if !(matches!(c, '.' | '!' | '?' | '…') || full_width) {
            i += c.len_utf8();
            continue;
        }
        // The end of the terminator run and of any closing quotes.
        let mut j = i + c.len_utf8();
        j += run(j, |d| matches!(d, '.' | '!' | '?' | '…' | '。' | '！' | '？'));
        j += run(j, is_closer);
        let end_byte = j;
        if full_width {
            push(&mut out, text, start, end_byte);
            start = end_byte;
            i = j;
            continue;
        }
        // What follows: spaces, then the next sentence's first character.
        let k = j + run(j, char::is_whitespace);
        let Some(next) = text[k..].chars().next() else {
            break;
        };
        let spaced = k > j;
        let next_after_openers = text[k..].chars().find(|&c| !is_opener(c)).unwrap_or(' ');
        let starts_sentence = next.is_uppercase()
            || next.is_numeric()
            || (is_opener(next) && (next_after_openers.is_uppercase() || next_after_openers.is_numeric()));
        let single_stop = c == '.' && text[i + 1..j].chars().all(is_closer);
        let ok = if single_stop {
            let word = word_before(text, i);
            period_ends(word, spaced, starts_sentence, next, &text[k..])
        } else {
            // "!", "?" or an ellipsis: a new sentence when a capital follows
            // after a space ("Why? Because…"), not before "he asked".
            spaced && starts_sentence
        };
        if ok {
            push(&mut out, text, start, end_byte);
            start = k;
            i = k;
        } else {
            i = j;
        }
    }
    push(&mut out, text, start, text.len());
    out
}

fn push(out: &mut Vec<(usize, usize)>, text: &str, start: usize, end: usize) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        out.push((start + lead, start + lead + trimmed.len()));
    }
}

/// The word right before the full stop at byte `end` (with inner dots,
/// so "U.S" for "U.S.").
fn word_before(text: &str, end: usize) -> &str {
    let head = &text[..end];
    let start = head
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric() || c == '.' || c == '\'' || c == '’' || c == '-')
        .last()
        .map_or(end, |(at, _)| at);
    text[start..end].trim_start_matches(['.', '\'', '’', '-'])
}

/// Whether a full stop after `word` ends the sentence.
/// `next` is the first character after the spaces, and `rest` the text
/// from it.
fn period_ends(word: &str, spaced: bool, starts_sentence: bool, next: char, rest: &str) -> bool {
    if !starts_sentence {
        return false;
    }
    let lower = word.to_lowercase();
    let next_word: &str = {
        let e = rest.find(|c: char| !c.is_alphanumeric()).unwrap_or(rest.len());
        &rest[..e]
    };
    if !spaced {
        // Glued: "May.The" splits, "U.S.The" and "3.5" and "Node.js" do not.
        let prev_lower = word.chars().last().is_some_and(char::is_lowercase);
        return prev_lower
            && word.chars().count() >= 2
            && !word.contains('.')
            && next.is_uppercase()
            && next_word.chars().skip(1).any(char::is_lowercase);
    }
    if word.is_empty() {
        return true;
    }
    // Initials: "John F. Kennedy", "J. R. R. Tolkien".
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return false;
    }
    if BEFORE_NAME.contains(&lower.as_str()) {
        // "No. 5" and "Jan. 5" never end; "in Jan. The" rarely matters.
        return false;
    }
    if MAY_END.contains(&lower.as_str())
        || (word.contains('.') && word.chars().filter(|c| c.is_alphabetic()).count() <= 4)
    {
        return STARTERS.contains(&next_word);
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`split_text`] over a table of characters, as it first was: the
    /// reference for the byte-level scan.
    fn split_text_by_chars(text: &str) -> Vec<(usize, usize)> {
        // Counted first (a quick byte scan), so that the table is not copied
        // as it grows.
        let mut chars: Vec<(usize, char)> = Vec::with_capacity(text.chars().count());
        chars.extend(text.char_indices());
        let mut out = Vec::new();
        let mut start = 0usize;
        let n = chars.len();
        let mut i = 0usize;
        while i < n {
            let (_, c) = chars[i];
            let full_width = matches!(c, '。' | '！' | '？');
            if !(matches!(c, '.' | '!' | '?' | '…') || full_width) {
                i += 1;
                continue;
            }
            // The end of the terminator run and of any closing quotes.
            let mut j = i + 1;
            while j < n && matches!(chars[j].1, '.' | '!' | '?' | '…' | '。' | '！' | '？') {
                j += 1;
            }
            while j < n && is_closer(chars[j].1) {
                j += 1;
            }
            let end_byte = if j < n { chars[j].0 } else { text.len() };
            if full_width {
                push(&mut out, text, start, end_byte);
                start = end_byte;
                i = j;
                continue;
            }
            // What follows: spaces, then the next sentence's first character.
            let mut k = j;
            while k < n && chars[k].1.is_whitespace() {
                k += 1;
            }
            if k >= n {
                break;
            }
            let spaced = k > j;
            let next = chars[k].1;
            let next_after_openers = chars[k..]
                .iter()
                .map(|&(_, c)| c)
                .find(|&c| !is_opener(c))
                .unwrap_or(' ');
            let starts_sentence = next.is_uppercase()
                || next.is_numeric()
                || (is_opener(next)
                    && (next_after_openers.is_uppercase() || next_after_openers.is_numeric()));
            let single_stop = c == '.' && chars[i + 1..j].iter().all(|&(_, c)| is_closer(c));
            let ok = if single_stop {
                let word = word_before(text, chars[i].0);
                period_ends(word, spaced, starts_sentence, chars[k].1, &text[chars[k].0..])
            } else {
                // "!", "?" or an ellipsis: a new sentence when a capital follows
                // after a space ("Why? Because…"), not before "he asked".
                spaced && starts_sentence
            };
            if ok {
                push(&mut out, text, start, end_byte);
                start = chars[k].0;
                i = k;
            } else {
                i = j.max(i + 1);
            }
        }
        push(&mut out, text, start, text.len());
        out
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn byte_scan_splits_like_the_character_scan(text in "[ .!?…。！？\"’”(«\nAaUS1é]{0,40}") {
            proptest::prop_assert_eq!(split_text(&text), split_text_by_chars(&text));
        }
    }

    fn sents(text: &str) -> Vec<&str> {
        split_text(text).into_iter().map(|(s, e)| &text[s..e]).collect()
    }

    #[test]
    fn splitter_table() {
        let cases: &[(&str, &[&str])] = &[
            ("One thing. Another thing.", &["One thing.", "Another thing."]),
            (
                "Mr. Smith went to Washington. He stayed.",
                &["Mr. Smith went to Washington.", "He stayed."],
            ),
            (
                "Prices rose 5.4% in May. They fell in June.",
                &["Prices rose 5.4% in May.", "They fell in June."],
            ),
            (
                "John F. Kennedy spoke. Crowds cheered.",
                &["John F. Kennedy spoke.", "Crowds cheered."],
            ),
            (
                "He moved to the U.S. The move was hard.",
                &["He moved to the U.S.", "The move was hard."],
            ),
            (
                "U.S. officials met. Talks went on.",
                &["U.S. officials met.", "Talks went on."],
            ),
            ("Acme Inc. said profits rose.", &["Acme Inc. said profits rose."]),
            ("\"Stop.\" Then he left.", &["\"Stop.\"", "Then he left."]),
            (
                "“Why now?” he asked. Nobody knew.",
                &["“Why now?” he asked.", "Nobody knew."],
            ),
            (
                "It ended in May.The next season began.",
                &["It ended in May.", "The next season began."],
            ),
            (
                "Visit example.com for more. Or call.",
                &["Visit example.com for more.", "Or call."],
            ),
            (
                "The meeting is on Jan. 5 at 3 p.m. in Rome.",
                &["The meeting is on Jan. 5 at 3 p.m. in Rome."],
            ),
            (
                "Wait... What happened? Nobody knows!",
                &["Wait...", "What happened?", "Nobody knows!"],
            ),
            (
                "No. 10 Downing Street replied.",
                &["No. 10 Downing Street replied."],
            ),
            ("大臣は述べた。協議は続く。", &["大臣は述べた。", "協議は続く。"]),
            ("No terminator at all", &["No terminator at all"]),
            ("", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(sents(text), *want, "{text}");
        }
    }
}
