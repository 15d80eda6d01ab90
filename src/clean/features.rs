//! What the boilerplate classifier sees of a block: counts from its text
//! alone, no DOM.

use crate::blocks::{Block, BlockKind};
use crate::lang::Lang;
use crate::words::contains_str;

/// Text statistics of one block.
#[derive(Clone, Debug, Default)]
pub(crate) struct Features {
    /// Words; in Chinese and Japanese, one word per two CJK characters.
    pub words: usize,
    /// Share of words that are function words (particles for CJK).
    pub stop_ratio: f32,
    /// Ends with sentence punctuation (or a closing quote after it).
    pub ends_sentence: bool,
    /// Sentence ends inside the block.
    pub sentences: usize,
    /// Share of words that start with a capital letter.
    pub cap_ratio: f32,
    /// Share of characters that are digits.
    pub digit_ratio: f32,
    pub list_item: bool,
    /// Looks like a link, an address or a row of menu items.
    pub link_like: bool,
    /// Holds an e-mail address or a phone or fax label: a contact box.
    pub contact: bool,
    /// A "By Jane Doe" line.
    pub byline: bool,
    /// Starts with a lower-case letter (a fragment, a menu item).
    pub starts_lower: bool,
    /// A short line ending in a colon: the head of a comment ("Jane
    /// wrote:") or of a list.
    pub ends_colon: bool,
    /// A sentence glued to the one before it, no space between ("end.Next",
    /// "wordNext"): a teaser headline run into its first line when a page
    /// is pasted.
    pub glued: bool,
}

/// Japanese particles and auxiliaries that mark running prose.
const JA_FUNCTION: &str = "のはがをにでとへもやからまでよりだですますた";
/// Chinese function characters.
const ZH_FUNCTION: &str = "的了是在和有也就不都而及与对这那个们为以于之";
/// Korean particles that end a word in running prose.
const KO_PARTICLES: &[&str] = &[
    "은", "는", "이", "가", "을", "를", "에", "의", "로", "와", "과", "도", "만", "다", "고", "며", "서",
    "한", "된", "했다", "있다",
];

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xFF66..=0xFF9F)
}

impl Features {
    pub fn of(block: &Block, lang: Lang) -> Features {
        let text = block.text.as_str();
        let mut f = Features {
            list_item: block.kind == BlockKind::ListItem,
            ..Features::default()
        };
        let body = if f.list_item {
            text.trim_start_matches(|c: char| !c.is_alphanumeric())
        } else {
            text
        };
        f.starts_lower = body.chars().next().is_some_and(char::is_lowercase);
        let mut words = 0usize;
        let mut stops = 0usize;
        let mut caps = 0usize;
        let mut capable = 0usize;
        let mut cjk = 0usize;
        let mut cjk_function = 0usize;
        let mut digits = 0usize;
        let mut chars = 0usize;
        if text.is_ascii() {
            // Most blocks: the same counts byte by byte.
            chars = text.len();
            for &b in text.as_bytes() {
                digits += usize::from(b.is_ascii_digit());
                f.sentences += usize::from(matches!(b, b'.' | b'!' | b'?'));
            }
        } else {
            for c in text.chars() {
                chars += 1;
                if c.is_ascii_digit() {
                    digits += 1;
                }
                if is_cjk(c) {
                    cjk += 1;
                    if JA_FUNCTION.contains(c) || ZH_FUNCTION.contains(c) {
                        cjk_function += 1;
                    }
                }
                if matches!(c, '.' | '!' | '?' | '。' | '！' | '？') {
                    f.sentences += 1;
                }
            }
        }
        let mut lower = String::new();
        for w in body.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’')) {
            let w = w.trim_matches(|c| c == '\'' || c == '’');
            if w.is_empty() || w.chars().all(is_cjk) {
                continue;
            }
            words += 1;
            let first = w.chars().next().unwrap_or(' ');
            if first.is_alphabetic() && (first.is_uppercase() || first.is_lowercase()) {
                capable += 1;
                if first.is_uppercase() {
                    caps += 1;
                }
            }
            let stop = if lang.code == "ko" {
                crate::lang::lower_into(w, &mut lower);
                lang.is_stopword(&lower) || KO_PARTICLES.iter().any(|p| lower.ends_with(p))
            } else {
                lang.is_stopword_any_case(w)
            };
            stops += usize::from(stop);
        }
        if cjk > 0 {
            let cjk_words = cjk.div_ceil(2);
            words += cjk_words;
            // Particles are about a fifth of Japanese prose characters and a
            // tenth of Chinese; scale them to the English-like ratio.
            stops += (cjk_function * 2).min(cjk_words);
        }
        f.words = words;
        f.stop_ratio = if words > 0 {
            stops as f32 / words as f32
        } else {
            0.0
        };
        f.cap_ratio = if capable > 0 {
            caps as f32 / capable as f32
        } else {
            0.0
        };
        f.digit_ratio = if chars > 0 {
            digits as f32 / chars as f32
        } else {
            0.0
        };
        let trimmed = text.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»', '*', ' ']);
        f.ends_sentence = trimmed.ends_with(['.', '!', '?', '…', '。', '！', '？', '」', '』']);
        f.ends_colon = f.words <= 8 && text.trim_end().ends_with(':');
        f.glued = has_glued_sentence(text);
        f.link_like = looks_like_link(text);
        f.contact = has_contact(text);
        f.byline = f.words <= 12 && crate::meta::byline(text).is_some();
        f
    }

    /// Running prose: enough words, function words in them, and sentences.
    pub fn is_prose(&self) -> bool {
        let w = self.words;
        let s = self.stop_ratio;
        (w >= 8 && s >= 0.15 && self.ends_sentence && !self.link_like)
            || (w >= 16 && s >= 0.2 && !self.link_like)
            || (w >= 30 && s >= 0.1)
    }

    /// A short sentence: few words, but a sentence all the same.
    pub fn is_short_sentence(&self) -> bool {
        self.words >= 3 && self.ends_sentence && self.stop_ratio >= 0.1 && !self.link_like
    }
}

/// Two lower-case letters, an optional sentence end, then a capital and a
/// lower-case letter, no space between: "storyThe", "ended.Then" (not "U.S.",
/// not "iPhone").
fn has_glued_sentence(text: &str) -> bool {
    let b = text.as_bytes();
    b.windows(5).any(|w| {
        w[0].is_ascii_lowercase()
            && w[1].is_ascii_lowercase()
            && ((matches!(w[2], b'.' | b'!' | b'?')
                && w[3].is_ascii_uppercase()
                && w[4].is_ascii_lowercase())
                || (w[2].is_ascii_uppercase() && w[3].is_ascii_lowercase() && w[4].is_ascii_lowercase()))
    })
}

/// URLs, e-mail addresses and rows of menu items separated by `|` or `»`.
fn looks_like_link(text: &str) -> bool {
    let lower_has = |p: &str| contains_str(text, p);
    // The character tests first: they spare most substring searches.
    if (text.contains(':') && (lower_has("http://") || lower_has("https://"))) || lower_has("www.") {
        return text.split_whitespace().count() <= 12;
    }
    // '»' and '›' end in bytes 0xBB and 0xBA: a quick byte scan (which
    // the compiler vectorises) first, then the characters.
    if !text.bytes().any(|b| matches!(b, b'|' | 0xBB | 0xBA)) || !text.contains(['|', '»', '›']) {
        return false;
    }
    let pipes = text.matches(" | ").count() + text.matches(" » ").count() + text.matches(" › ").count();
    pipes >= 2
}

/// An e-mail address ("name@host.tld") or a phone/fax label.
fn has_contact(text: &str) -> bool {
    // Most blocks have no "@": the word-by-word test is for those that do.
    let email = text.contains('@')
        && text.split_whitespace().any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            match w.split_once('@') {
                Some((user, host)) => !user.is_empty() && host.contains('.') && !host.starts_with('.'),
                None => false,
            }
        });
    email
        || (text.contains(':')
            && ["Tel:", "Telephone:", "Fax:", "Phone:", "E-mail:"]
                .iter()
                .any(|p| contains_str(text, p)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spans::SpanMap;

    fn of(text: &str) -> Features {
        let block = Block {
            text: text.to_string(),
            map: SpanMap::default(),
            start: 0,
            end: text.len(),
            kind: BlockKind::Paragraph,
            lines: 1,
            preset: None,
        };
        Features::of(&block, Lang::ENGLISH)
    }

    #[test]
    fn counts_table() {
        // ASCII (read byte by byte) and not.
        let f = of("Prices rose 5.4% in May. Really? Yes!");
        assert_eq!((f.words, f.sentences), (8, 4));
        assert_eq!(f.digit_ratio, 2.0 / 37.0);
        let f = of("Les prix ont augmenté de 5,4 % en mai. Vraiment ?");
        assert_eq!(f.sentences, 2);
        assert_eq!(f.digit_ratio, 2.0 / 49.0);
        let f = of("大臣は、協議は春に続くと述べた。");
        assert_eq!(f.sentences, 1);
        assert!(f.stop_ratio > 0.0);
        assert!(of("Storm closes the bridgeThe ferry runs again on Monday.").glued);
        assert!(of("Storm closes the bridge.The ferry runs again on Monday.").glued);
        assert!(!of("The U.S. team bought an iPhone and a YoYo.").glued);
        assert!(of("Maria wrote:").ends_colon);
    }
}
