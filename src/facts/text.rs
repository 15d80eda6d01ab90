//! Text helpers of the fact stage: words, nesting, and the word lists in
//! `lists/`.

use std::collections::HashSet;
use std::sync::OnceLock;

/// The word lists the fact rules read.
pub(super) struct Lists {
    /// Openers a fact drops, with the punctuation that must follow them.
    pub connectives: Vec<&'static str>,
    pub speech_verbs: HashSet<&'static str>,
    pub clause_cues: HashSet<&'static str>,
    pub pronouns: HashSet<&'static str>,
    /// Finite verbs not in "-ed".
    pub verbs: HashSet<&'static str>,
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
        speech_verbs: entries(include_str!("lists/speech_verbs.txt")).collect(),
        clause_cues: entries(include_str!("lists/clause_cues.txt")).collect(),
        pronouns: entries(include_str!("lists/pronouns.txt")).collect(),
        verbs: entries(include_str!("lists/verbs.txt")).collect(),
    })
}

/// Month and weekday names: a sentence with one is dated.
pub(super) const DATE_WORDS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Numbers written as words.
pub(super) const NUMBER_WORDS: &[&str] = &[
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "billion",
    "billions",
    "trillion",
    "dozen",
    "dozens",
    "first",
    "second",
    "third",
    "half",
];

/// A word: letters and digits, with inner apostrophes, hyphens and dots
/// ("d’affaires", "well-known", "U.S", "5.4"). Byte spans into `s`.
pub(super) fn words(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut last_end = 0usize;
    let mut iter = s.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if c.is_alphanumeric() {
            if start.is_none() {
                start = Some(i);
            }
            last_end = i + c.len_utf8();
            continue;
        }
        let joins = matches!(c, '\'' | '’' | '-' | '.' | '‑')
            && start.is_some()
            && iter.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
        if joins {
            continue;
        }
        if let Some(s0) = start.take() {
            out.push((s0, last_end));
        }
    }
    if let Some(s0) = start {
        out.push((s0, last_end));
    }
    out
}

/// How many words a reader (and the benchmark) counts: runs of letters and
/// digits, an apostrophe suffix ("Azerbaijan’s") staying with its word;
/// "U.S." and "5.4" count two.
pub(super) fn count_words(s: &str) -> usize {
    let mut n = 0usize;
    let mut in_word = false;
    let mut prev_apostrophe = false;
    for c in s.chars() {
        if c.is_alphanumeric() {
            if !in_word && !prev_apostrophe {
                n += 1;
            }
            in_word = true;
            prev_apostrophe = false;
        } else {
            prev_apostrophe = in_word && matches!(c, '\'' | '’');
            in_word = false;
        }
    }
    n
}

/// Whether byte offset `pos` of `s` is inside parentheses, brackets or
/// quotation marks.
pub(super) fn nested_at(s: &str, pos: usize) -> bool {
    let mut parens = 0i32;
    let mut straight = false;
    let mut curly = 0i32;
    for (i, c) in s.char_indices() {
        if i >= pos {
            break;
        }
        match c {
            '(' | '[' => parens += 1,
            ')' | ']' => parens -= 1,
            '"' => straight = !straight,
            '“' => curly += 1,
            '”' => curly -= 1,
            _ => {}
        }
    }
    parens > 0 || straight || curly > 0
}

/// Balanced parentheses and quotation marks.
pub(super) fn balanced(s: &str) -> bool {
    let count = |c: char| s.chars().filter(|&x| x == c).count();
    count('(') == count(')') && count('[') == count(']') && count('"') % 2 == 0 && count('“') == count('”')
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

#[cfg(test)]
mod tests {
    use super::*;

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
