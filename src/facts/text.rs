//! Text helpers of the fact stage: words, nesting, and the word lists in
//! `lists/`.

use std::sync::OnceLock;

use crate::words::FastSet;

/// A set of listed words, hashed as the rest of the crate hashes words.
pub(super) type WordSet = FastSet<&'static str>;

/// The word lists the fact rules read.
pub(super) struct Lists {
    /// Openers a fact drops, with the punctuation that must follow them.
    pub connectives: Vec<&'static str>,
    /// Their first words, in lower case.
    pub connective_starts: FastSet<String>,
    pub speech_verbs: WordSet,
    pub clause_cues: WordSet,
    pub pronouns: WordSet,
    /// Finite verbs not in "-ed".
    pub verbs: WordSet,
    /// Words that state an outcome ("killed", "arrested", "elected").
    pub outcomes: WordSet,
}

fn entries(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

pub(super) fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| Lists {
        connectives: entries(include_str!("lists/connectives.txt")).collect(),
        connective_starts: entries(include_str!("lists/connectives.txt"))
            .filter_map(|c| c.split(|ch: char| !ch.is_alphanumeric()).next())
            .map(str::to_lowercase)
            .collect(),
        speech_verbs: entries(include_str!("lists/speech_verbs.txt")).collect(),
        clause_cues: entries(include_str!("lists/clause_cues.txt")).collect(),
        pronouns: entries(include_str!("lists/pronouns.txt")).collect(),
        verbs: entries(include_str!("lists/verbs.txt")).collect(),
        outcomes: entries(include_str!("lists/outcomes.txt")).collect(),
    })
}

/// Month and weekday names: a sentence with one is dated. `w` in lower
/// case.
pub(super) fn is_date_word(w: &str) -> bool {
    matches!(
        w,
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
    )
}

/// Numbers written as words. `w` in lower case.
pub(super) fn is_number_word(w: &str) -> bool {
    matches!(
        w,
        "one"
            | "two"
            | "three"
            | "four"
            | "five"
            | "six"
            | "seven"
            | "eight"
            | "nine"
            | "ten"
            | "eleven"
            | "twelve"
            | "twenty"
            | "thirty"
            | "forty"
            | "fifty"
            | "hundred"
            | "hundreds"
            | "thousand"
            | "thousands"
            | "million"
            | "millions"
            | "billion"
            | "billions"
            | "trillion"
            | "dozen"
            | "dozens"
            | "first"
            | "second"
            | "third"
            | "half"
    )
}

/// Calls `f` with `w` in lower case when it is 3 to 9 ASCII letters (the
/// shape of every date and number word), without allocating.
pub(super) fn short_lower(w: &str, f: impl Fn(&str) -> bool) -> bool {
    if !(3..=9).contains(&w.len()) || !w.bytes().all(|b| b.is_ascii_alphabetic()) {
        return false;
    }
    let mut buf = [0u8; 9];
    buf[..w.len()].copy_from_slice(w.as_bytes());
    buf[..w.len()].make_ascii_lowercase();
    std::str::from_utf8(&buf[..w.len()]).is_ok_and(f)
}

/// A word: letters and digits, with inner apostrophes, hyphens and dots
/// ("d’affaires", "well-known", "U.S", "5.4"). Byte spans into `s`.
pub(super) fn words(s: &str) -> Vec<(usize, usize)> {
    let bytes = s.as_bytes();
    let n = bytes.len();
    let mut out = Vec::with_capacity(n / 6 + 1);
    let mut i = 0usize;
    while i < n {
        // Skip to the next letter or digit.
        let b = bytes[i];
        if b < 0x80 {
            if ASCII[usize::from(b)] != ALNUM {
                i += 1;
                continue;
            }
        } else {
            let (alnum, _, len) = classify(s, i);
            if !alnum {
                i += len;
                continue;
            }
        }
        // A word: letters and digits, joined by an inner apostrophe, hyphen
        // or dot.
        let start = i;
        let mut end = i;
        while i < n {
            let b = bytes[i];
            let (alnum, joiner, len) = if b < 0x80 {
                let class = ASCII[usize::from(b)];
                (class == ALNUM, class == JOINER, 1)
            } else {
                classify(s, i)
            };
            if alnum {
                i += len;
                end = i;
            } else if joiner && i + len < n && classify(s, i + len).0 {
                i += len;
            } else {
                break;
            }
        }
        out.push((start, end));
    }
    out
}

const OTHER: u8 = 0;
const ALNUM: u8 = 1;
const JOINER: u8 = 2;

/// The class of each ASCII byte: letter or digit, word joiner, other.
static ASCII: [u8; 128] = {
    let mut t = [OTHER; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            t[b] = ALNUM;
        } else if c == b'\'' || c == b'-' || c == b'.' {
            t[b] = JOINER;
        }
        b += 1;
    }
    t
};

/// At byte offset `i` (a char boundary): whether the character is a
/// letter or digit, whether it may join two words ("d’affaires",
/// "well-known", "5.4"), and its length.
#[inline]
fn classify(s: &str, i: usize) -> (bool, bool, usize) {
    let b = s.as_bytes()[i];
    if b < 0x80 {
        let class = ASCII[usize::from(b)];
        return (class == ALNUM, class == JOINER, 1);
    }
    match s[i..].chars().next() {
        Some(c) => (c.is_alphanumeric(), matches!(c, '’' | '‑'), c.len_utf8()),
        None => (false, false, 1),
    }
}

/// `w` in lower case, borrowed when it already is.
pub(super) fn lower(w: &str) -> std::borrow::Cow<'_, str> {
    if w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        std::borrow::Cow::Borrowed(w)
    } else {
        std::borrow::Cow::Owned(w.to_lowercase())
    }
}

/// How many words a reader (and the benchmark) counts: runs of letters and
/// digits, an apostrophe suffix ("Azerbaijan’s") staying with its word;
/// "U.S." and "5.4" count two.
pub(super) fn count_words(s: &str) -> usize {
    let mut n = 0usize;
    let mut in_word = false;
    let mut prev_apostrophe = false;
    let bytes = s.as_bytes();
    let mut i = 0usize;
    while i < bytes.len() {
        let b = bytes[i];
        let (alnum, apostrophe, len) = if b < 0x80 {
            (ASCII[usize::from(b)] == ALNUM, b == b'\'', 1)
        } else {
            match s[i..].chars().next() {
                Some(c) => (c.is_alphanumeric(), c == '’', c.len_utf8()),
                None => (false, false, 1),
            }
        };
        if alnum {
            n += usize::from(!in_word && !prev_apostrophe);
            in_word = true;
            prev_apostrophe = false;
        } else {
            prev_apostrophe = in_word && apostrophe;
            in_word = false;
        }
        i += len;
    }
    n
}

/// Which byte offsets of a text are inside brackets or quotation marks,
/// computed once per text.
pub(super) struct Nesting(Vec<bool>);

impl Nesting {
    pub fn of(s: &str) -> Nesting {
        if !s.contains(['(', '[', '"', '“']) {
            return Nesting(Vec::new());
        }
        let mut mask = vec![false; s.len() + 1];
        let mut depth = Depth::default();
        // Every byte up to a mark, and the mark's own, take the state
        // before the mark.
        let mut from = 0;
        for (i, mark) in marks(s) {
            if mark == Mark::Comma {
                continue;
            }
            let to = i + mark.len();
            mask[from..to].fill(depth.nested());
            depth.step(mark);
            from = to;
        }
        mask[from..].fill(depth.nested());
        Nesting(mask)
    }

    /// Whether byte offset `pos` is nested.
    pub fn at(&self, pos: usize) -> bool {
        self.0.get(pos).copied().unwrap_or(false)
    }
}

/// Whether byte offset `pos` of `s` is inside parentheses, brackets or
/// quotation marks.
pub(super) fn nested_at(s: &str, pos: usize) -> bool {
    let mut depth = Depth::default();
    for (_, mark) in marks(s).take_while(|&(i, _)| i < pos) {
        depth.step(mark);
    }
    depth.nested()
}

/// A character that opens or closes a nesting, or a comma.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Mark {
    /// `(` or `[`.
    Open,
    /// `)` or `]`.
    Close,
    /// `"`, which opens and closes.
    Straight,
    /// `“`.
    OpenCurly,
    /// `”`.
    CloseCurly,
    Comma,
}

impl Mark {
    /// Its length in bytes.
    fn len(self) -> usize {
        match self {
            Mark::OpenCurly | Mark::CloseCurly => 3,
            _ => 1,
        }
    }
}

/// The [`Mark`]s of `s` with their byte offsets, found byte by byte rather
/// than character by character: each is ASCII or, for the curly quotes,
/// starts with the byte 0xE2, which is never inside another character.
pub(super) fn marks(s: &str) -> impl Iterator<Item = (usize, Mark)> + '_ {
    let b = s.as_bytes();
    b.iter().enumerate().filter_map(move |(i, &c)| {
        let mark = match c {
            b'(' | b'[' => Mark::Open,
            b')' | b']' => Mark::Close,
            b'"' => Mark::Straight,
            b',' => Mark::Comma,
            0xE2 if b.get(i + 1) == Some(&0x80) => match b.get(i + 2) {
                Some(0x9C) => Mark::OpenCurly,
                Some(0x9D) => Mark::CloseCurly,
                _ => return None,
            },
            _ => return None,
        };
        Some((i, mark))
    })
}

/// How deep a scan is inside parentheses, brackets and quotation marks.
#[derive(Default)]
pub(super) struct Depth {
    parens: i32,
    straight: bool,
    curly: i32,
}

impl Depth {
    pub fn nested(&self) -> bool {
        self.parens > 0 || self.straight || self.curly > 0
    }

    /// After `mark` (a comma changes nothing).
    pub fn step(&mut self, mark: Mark) {
        match mark {
            Mark::Open => self.parens += 1,
            Mark::Close => self.parens -= 1,
            Mark::Straight => self.straight = !self.straight,
            Mark::OpenCurly => self.curly += 1,
            Mark::CloseCurly => self.curly -= 1,
            Mark::Comma => {}
        }
    }
}

/// Balanced parentheses and quotation marks.
pub(super) fn balanced(s: &str) -> bool {
    let (mut parens, mut brackets, mut straight, mut curly) = (0i32, 0i32, 0u32, 0i32);
    for c in s.chars() {
        match c {
            '(' => parens += 1,
            ')' => parens -= 1,
            '[' => brackets += 1,
            ']' => brackets -= 1,
            '"' => straight += 1,
            '“' => curly += 1,
            '”' => curly -= 1,
            _ => {}
        }
    }
    parens == 0 && brackets == 0 && straight % 2 == 0 && curly == 0
}

pub(super) fn is_open_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '‘' | '«')
}

pub(super) fn is_close_quote(c: char) -> bool {
    matches!(c, '"' | '”' | '’' | '»')
}

/// Starts with a capital letter ("Peskov", "UN"), after any opening quote.
pub(super) fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Whether each byte offset of `s` (and its end) is nested, read
/// character by character: the reference the byte scans are tested
/// against.
#[cfg(test)]
pub(super) fn nested_char_by_char(s: &str) -> Vec<bool> {
    let mut out = vec![false; s.len() + 1];
    let (mut parens, mut straight, mut curly) = (0i32, false, 0i32);
    for (i, c) in s.char_indices() {
        out[i..i + c.len_utf8()].fill(parens > 0 || straight || curly > 0);
        match c {
            '(' | '[' => parens += 1,
            ')' | ']' => parens -= 1,
            '"' => straight = !straight,
            '“' => curly += 1,
            '”' => curly -= 1,
            _ => {}
        }
    }
    out[s.len()] = parens > 0 || straight || curly > 0;
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn nesting_as_read_char_by_char(s in "[ab ,()\\[\\]\"“”’—é]{0,40}") {
            let want = nested_char_by_char(&s);
            let nesting = Nesting::of(&s);
            for (pos, &w) in want.iter().enumerate() {
                proptest::prop_assert_eq!(nesting.at(pos), w, "Nesting at {}", pos);
                if s.is_char_boundary(pos) {
                    proptest::prop_assert_eq!(nested_at(&s, pos), w, "nested_at {}", pos);
                }
            }
        }
    }

    #[test]
    fn words_and_counts() {
        let s = "Azerbaijan’s well-known U.S. envoy paid $5.4 million (about 10%).";
        let w: Vec<&str> = words(s).into_iter().map(|(a, b)| &s[a..b]).collect();
        assert_eq!(
            w,
            [
                "Azerbaijan’s",
                "well-known",
                "U.S",
                "envoy",
                "paid",
                "5.4",
                "million",
                "about",
                "10"
            ]
        );
        // The benchmark's count: "well-known", "U.S." and "5.4" are two each.
        assert_eq!(count_words(s), 12);
        assert_eq!(count_words(""), 0);
    }

    #[test]
    fn nesting() {
        let s = "He said “we will (not) stop” today.";
        assert!(nested_at(s, s.find("will").unwrap()));
        assert!(nested_at(s, s.find("not").unwrap()));
        assert!(!nested_at(s, s.find("today").unwrap()));
        assert!(balanced(s));
        assert!(!balanced("He said “we will"));
    }
}
