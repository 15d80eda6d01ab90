//! Stage 1, reading: input → [`Document`]: decoded text, its kind, warnings.

use crate::options::{InputKind, Options};

/// What the input is, once read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Text,
    Html,
}

/// The input as the pipeline sees it. Offsets everywhere are byte offsets
/// into `input`, which is exactly what the caller passed (after lossy
/// decoding, for bytes).
pub(crate) struct Document<'a> {
    pub input: &'a str,
    pub kind: Kind,
    pub warnings: Vec<String>,
    /// Binary data rather than text: the report then holds only a warning.
    pub binary: bool,
}

/// Decodes bytes: UTF-8 as is; anything else lossily, with a warning.
/// A UTF-8 byte-order mark is kept (it is part of the input the offsets
/// count), and later stages treat it as blank.
pub(crate) fn decode(bytes: &[u8]) -> (std::borrow::Cow<'_, str>, Option<String>) {
    match std::str::from_utf8(bytes) {
        Ok(s) => (std::borrow::Cow::Borrowed(s), None),
        Err(_) => {
            let text = String::from_utf8_lossy(bytes);
            let bad = text.chars().filter(|&c| c == '\u{FFFD}').count();
            let warning = format!(
                "the input is not valid UTF-8: {bad} invalid byte sequence(s) were replaced by U+FFFD, \
                 and offsets count the replaced text"
            );
            (text, Some(warning))
        }
    }
}

/// Reads the input: decides text or HTML and notes what is odd about it.
pub(crate) fn read<'a>(input: &'a str, options: &Options) -> Document<'a> {
    let mut warnings = Vec::new();
    let Counts {
        total,
        controls,
        replaced,
    } = Counts::of(input);
    // Binary, not analysed: one character in ten an undecodable byte, and
    // one in five an undecodable byte or a control character (a picture, an
    // archive or a program read as text). Text padded with NUL bytes, or
    // UTF-16, decodes cleanly: it is read, its control characters as spaces.
    let binary = replaced * 10 > total && (controls + replaced) * 5 > total;
    if binary {
        warnings.push(format!(
            "the input looks like binary data, not text ({replaced} undecodable bytes, \
             {controls} control characters); it was not analysed"
        ));
    } else if controls * 10 > total {
        warnings.push(format!(
            "the input looks like binary data, not text ({controls} control characters); \
             they were treated as spaces"
        ));
    } else if controls > 0 {
        warnings.push(format!(
            "the input contains {controls} control character(s) such as NUL; they were treated as spaces"
        ));
    }
    let kind = match options.input {
        InputKind::Text => Kind::Text,
        InputKind::Html => Kind::Html,
        InputKind::Auto => {
            if looks_like_html(input) {
                Kind::Html
            } else {
                Kind::Text
            }
        }
    };
    Document {
        input,
        kind,
        warnings,
        binary,
    }
}

/// What [`read`] counts of the input's characters.
#[derive(Debug, PartialEq, Eq)]
struct Counts {
    /// Characters.
    total: usize,
    /// Control characters but line breaks, tabs and form feeds.
    controls: usize,
    /// U+FFFD, the mark of an undecodable byte.
    replaced: usize,
}

impl Counts {
    /// The counts, from the UTF-8 bytes: a character is a byte that does
    /// not continue one; a control character is a C0 byte, DEL or a C1
    /// character (`C2 80` to `C2 9F`); U+FFFD is `EF BF BD`. Runs of 32
    /// bytes with none of those lead bytes (most of any text) are only
    /// counted, which the compiler does with vector instructions.
    fn of(input: &str) -> Counts {
        const RUN: usize = 32;
        let bytes = input.as_bytes();
        let mut counts = Counts {
            total: 0,
            controls: 0,
            replaced: 0,
        };
        let mut runs = bytes.chunks_exact(RUN);
        let mut at = 0;
        for run in &mut runs {
            counts.total += run.iter().filter(|&&b| b & 0xC0 != 0x80).count();
            let marked = run.iter().fold(false, |m, &b| {
                m | (b < 0x20) | (b == 0x7F) | (b == 0xC2) | (b == 0xEF)
            });
            if marked {
                counts.marks(bytes, at, at + RUN);
            }
            at += RUN;
        }
        counts.total += runs.remainder().iter().filter(|&&b| b & 0xC0 != 0x80).count();
        counts.marks(bytes, at, bytes.len());
        counts
    }

    /// Counts the control characters and U+FFFD that start in `bytes[from..to]`.
    fn marks(&mut self, bytes: &[u8], from: usize, to: usize) {
        for i in from..to {
            match bytes[i] {
                b'\n' | b'\r' | b'\t' | 0x0C => {}
                0x00..=0x1F | 0x7F => self.controls += 1,
                0xC2 if bytes.get(i + 1).is_some_and(|n| (0x80..=0x9F).contains(n)) => self.controls += 1,
                0xEF if bytes.get(i + 1..i + 3) == Some(&[0xBF, 0xBD][..]) => self.replaced += 1,
                _ => {}
            }
        }
    }

    /// The same counts, character by character (the reference of the
    /// tests).
    #[cfg(test)]
    fn by_chars(input: &str) -> Counts {
        let mut counts = Counts {
            total: 0,
            controls: 0,
            replaced: 0,
        };
        for c in input.chars() {
            counts.total += 1;
            if c == '\u{FFFD}' {
                counts.replaced += 1;
            } else if c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}') {
                counts.controls += 1;
            }
        }
        counts
    }
}

/// Tag names whose presence marks a document as HTML rather than prose that
/// happens to contain a `<`.
const HTML_TAGS: &[&str] = &[
    "html",
    "head",
    "body",
    "p",
    "div",
    "span",
    "a",
    "br",
    "meta",
    "article",
    "section",
    "h1",
    "h2",
    "h3",
    "h4",
    "ul",
    "ol",
    "li",
    "table",
    "tr",
    "td",
    "img",
    "script",
    "style",
    "b",
    "i",
    "em",
    "strong",
    "blockquote",
    "figure",
    "header",
    "footer",
    "nav",
    "main",
    "title",
    "link",
    "font",
    "center",
    "pre",
    "hr",
];

/// True when the input is markup: a doctype or `<html>` at the start, or a
/// start that is a tag and enough known tags to rule out prose.
pub(crate) fn looks_like_html(input: &str) -> bool {
    let head: &str = {
        let mut end = input.len().min(4096);
        while !input.is_char_boundary(end) {
            end -= 1;
        }
        &input[..end]
    };
    let trimmed = head.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let lower_start: String = trimmed.chars().take(15).collect::<String>().to_ascii_lowercase();
    if lower_start.starts_with("<!doctype html") || lower_start.starts_with("<html") {
        return true;
    }
    // Count known tags in the first 64 KB.
    let mut end = input.len().min(65536);
    while !input.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &input[..end];
    let bytes = sample.as_bytes();
    let mut tags = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'<' {
            let mut j = i + 1;
            if j < bytes.len() && bytes[j] == b'/' {
                j += 1;
            }
            let name_start = j;
            while j < bytes.len() && bytes[j].is_ascii_alphanumeric() {
                j += 1;
            }
            if j > name_start
                && j < bytes.len()
                && matches!(bytes[j], b'>' | b' ' | b'/' | b'\n' | b'\t' | b'\r')
            {
                let name = sample[name_start..j].to_ascii_lowercase();
                if HTML_TAGS.contains(&name.as_str()) {
                    tags += 1;
                }
            }
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    let starts_with_tag = trimmed.starts_with('<');
    (starts_with_tag && tags >= 2) || tags >= 8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_by_bytes_are_the_counts_by_characters() {
        let long = format!(
            "{}\u{85}\u{9f}\u{a0}\u{fffd}\u{fffe}é\u{0}\n",
            "plain text ".repeat(7)
        );
        for text in [
            "",
            "a",
            "\u{0}\u{1}\t\n\r\u{c}\u{7f}\u{80}\u{9f}\u{a0}\u{fffd}\u{fffd}x",
            "café \u{c2a0} 日本語 \u{1f600} \u{ef}\u{bf}",
            long.as_str(),
            &long[1..],
        ] {
            assert_eq!(Counts::of(text), Counts::by_chars(text), "{text:?}");
        }
    }

    #[test]
    fn detects_html() {
        assert!(looks_like_html(
            "<!DOCTYPE html><html><body><p>x</p></body></html>"
        ));
        assert!(looks_like_html("<meta charset='utf-8'><p>Hello</p><p>World</p>"));
        assert!(!looks_like_html(
            "The value of a < b and b > c holds.\nSecond line."
        ));
        assert!(!looks_like_html("Use <b> for bold, he said."));
    }

    #[test]
    fn lossy_decoding_warns() {
        let (text, warning) = decode(b"caf\xe9 au lait");
        assert_eq!(text, "caf\u{FFFD} au lait");
        assert!(warning.unwrap().contains("not valid UTF-8"));
        let (text, warning) = decode("café".as_bytes());
        assert_eq!(text, "café");
        assert!(warning.is_none());
    }

    #[test]
    fn nul_bytes_warn() {
        let doc = read("a\0b", &Options::default());
        assert_eq!(doc.kind, Kind::Text);
        assert_eq!(doc.warnings.len(), 1);
    }
}
