//! Words for the entity stage: a sentence cut into tokens with byte spans.
//!
//! News tokens: "U.S." and "Mr." keep their full stop, "Anglo-Dutch",
//! "O'Neill", "1,200" and "1996-08-30" stay whole, a possessive "'s" is a
//! token of its own, and every other punctuation character stands alone.

/// One token: a byte span of the block text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Token {
    pub start: usize,
    pub end: usize,
}

/// Words whose full stop belongs to them (lower-case, without the stop).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "gov", "sen", "rep", "st", "jr",
    "sr", "inc", "ltd", "corp", "co", "bros", "plc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "no", "vs", "mt", "ft", "rev", "maj", "adm", "cmdr", "pres", "messrs",
];

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Appends the tokens of `text[start..end]` to `out`, as spans of `text`.
pub(crate) fn tokenize(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    let Some(piece) = text.get(start..end) else {
        return;
    };
    let mut it = piece.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        let from = start + i;
        if is_apostrophe(c) {
            // A possessive "'s" or "’s" standing alone.
            let rest = &piece[i + c.len_utf8()..];
            let mut r = rest.chars();
            if matches!(r.next(), Some('s' | 'S')) && !r.next().is_some_and(char::is_alphanumeric) {
                it.next();
                out.push(Token {
                    start: from,
                    end: from + c.len_utf8() + 1,
                });
                continue;
            }
        }
        if !c.is_alphanumeric() {
            out.push(Token {
                start: from,
                end: from + c.len_utf8(),
            });
            continue;
        }
        // A word: letters and digits, with inner connectors.
        let mut last = i + c.len_utf8();
        let mut has_dot = false;
        while let Some(&(j, d)) = it.peek() {
            if d.is_alphanumeric() {
                it.next();
                last = j + d.len_utf8();
                continue;
            }
            let connector = matches!(d, '.' | '-' | '&' | ',' | '/' | '\'' | '’' | ':');
            if !connector {
                break;
            }
            let after = &piece[j + d.len_utf8()..];
            let next = after.chars().next();
            let ok = match d {
                // "1,200", "3:00", "1/2": digits on both sides only.
                ',' | ':' | '/' => {
                    piece[..j].chars().next_back().is_some_and(|p| p.is_ascii_digit())
                        && next.is_some_and(|n| n.is_ascii_digit())
                }
                // "O'Neill", but not the possessive "Putin's".
                '\'' | '’' => {
                    let mut a = after.chars();
                    let n1 = a.next();
                    let n2 = a.next();
                    let possessive = matches!(n1, Some('s' | 'S')) && !n2.is_some_and(char::is_alphanumeric);
                    n1.is_some_and(char::is_alphanumeric) && !possessive
                }
                _ => next.is_some_and(char::is_alphanumeric),
            };
            if !ok {
                break;
            }
            if d == '.' {
                has_dot = true;
            }
            it.next();
        }
        // A full stop that belongs to the word: "U.S.", "Mr.", "J.".
        if let Some(&(j, '.')) = it.peek() {
            let word = &piece[i..last];
            let single_capital = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
            let abbreviation = word.len() <= 5 && ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word));
            if has_dot || single_capital || abbreviation {
                it.next();
                last = j + 1;
            }
        }
        out.push(Token {
            start: from,
            end: start + last,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        tokenize(text, 0, text.len(), &mut out);
        out.iter().map(|t| &text[t.start..t.end]).collect()
    }

    #[test]
    fn token_table() {
        let cases: &[(&str, &[&str])] = &[
            ("Putin's envoy", &["Putin", "'s", "envoy"]),
            (
                "Azerbaijan’s Culture Ministry",
                &["Azerbaijan", "’s", "Culture", "Ministry"],
            ),
            (
                "the U.S. and Mr. Smith.",
                &["the", "U.S.", "and", "Mr.", "Smith", "."],
            ),
            ("$1.2 million, 5.4%", &["$", "1.2", "million", ",", "5.4", "%"]),
            ("ROME 1996-12-06", &["ROME", "1996-12-06"]),
            ("Anglo-Dutch O'Neill don't", &["Anglo-Dutch", "O'Neill", "don't"]),
            (
                "1,200 people, 3:00 p.m.",
                &["1,200", "people", ",", "3:00", "p.m."],
            ),
            ("“Quoted,” he said", &["“", "Quoted", ",", "”", "he", "said"]),
            ("John F. Kennedy", &["John", "F.", "Kennedy"]),
            ("AT&T", &["AT&T"]),
            ("", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(toks(text), *want, "{text}");
        }
    }

    #[test]
    fn spans_stay_on_char_boundaries() {
        let text = "Zürich’s ‘Ærø’ — 5€ «Ünïcödé» 東京";
        let mut out = Vec::new();
        tokenize(text, 0, text.len(), &mut out);
        for t in out {
            assert!(text.get(t.start..t.end).is_some());
        }
    }
}
