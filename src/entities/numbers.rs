//! Dates, money, percentages and quantities, by rules over the tokens of a
//! sentence: "June 27, 2025", "October 24", "on Sunday", "1956"; "$1.2
//! million", "USD 887.0 Million", "5.4%", "two Azerbaijani citizens",
//! "nine people".

use crate::words::word_set;

/// What a rule found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Kind {
    Date,
    Money,
    Percent,
    Quantity,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Date => "date",
            Kind::Money => "money",
            Kind::Percent => "percent",
            Kind::Quantity => "quantity",
        }
    }
}

const MONTHS: &[&str] = &[
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
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Words before a month name that make it a date even when it could be a
/// word ("in May", "since March").
const DATE_LEAD: &[&str] = &[
    "in", "on", "since", "until", "till", "by", "from", "of", "early", "late", "mid", "last", "next", "this",
    "before", "after", "during", "between", "and", "to", "through",
];

const CURRENCY_SYMBOLS: &[&str] = &["$", "€", "£", "¥", "₽", "₼", "₹", "₺"];
const CURRENCY_CODES: &[&str] = &[
    "usd", "eur", "gbp", "jpy", "rub", "cny", "azn", "chf", "inr", "try", "cad", "aud", "sek", "nok", "dkk",
    "pln", "czk", "huf", "brl", "mxn", "krw", "hkd", "sgd", "zar", "uah", "kzt", "rmb",
];
const CURRENCY_WORDS: &[&str] = &[
    "dollar", "dollars", "euro", "euros", "pound", "pounds", "sterling", "yen", "ruble", "rubles", "rouble",
    "roubles", "manat", "yuan", "renminbi", "franc", "francs", "mark", "marks", "lira", "lire", "rupee",
    "rupees", "cent", "cents", "pence", "peso", "pesos", "real", "reais", "won", "hryvnia", "tenge",
    "shekel", "shekels", "krona", "kronor", "krone", "kroner", "dinar", "dinars", "rand", "riyal", "riyals",
];
const SCALES: &[&str] = &[
    "thousand", "million", "billion", "trillion", "mln", "bln", "bn", "mn", "tn", "crore", "lakh",
];
const NUMBER_WORDS: &[&str] = &[
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
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "thousand",
    "dozen",
    "dozens",
    "hundreds",
    "thousands",
    "millions",
];
/// Plural nouns without a final "s", and units.
const COUNT_NOUNS: &[&str] = &[
    "people",
    "men",
    "women",
    "children",
    "police",
    "personnel",
    "staff",
    "cattle",
    "sheep",
    "feet",
    "km",
    "kg",
    "mph",
    "kph",
    "mw",
    "gw",
    "bpd",
    "ha",
    "cm",
    "mm",
    "m",
    "lb",
    "oz",
];
/// Words that never sit between a number and its noun.
const NOT_MODIFIER: &[&str] = &[
    "the", "a", "an", "of", "and", "or", "to", "in", "on", "at", "for", "by", "with", "from", "than", "as",
    "is", "was", "were", "are", "be", "been", "that", "which", "who", "more", "less", "per", "percent",
    "pct", "said", "says", "would", "will", "had", "has", "have",
];

word_set!(months, MONTHS);
word_set!(weekdays, WEEKDAYS);
word_set!(number_words, NUMBER_WORDS);
word_set!(scales, SCALES);
word_set!(currency_codes, CURRENCY_CODES);
word_set!(count_nouns, COUNT_NOUNS);
word_set!(not_modifier, NOT_MODIFIER);
word_set!(currency_symbols, CURRENCY_SYMBOLS);
word_set!(currency_words, CURRENCY_WORDS);
word_set!(date_lead, DATE_LEAD);

/// An ASCII word in lower case, on the stack (the lists are ASCII; any
/// other word becomes "" and matches none of them).
struct Lower {
    buf: [u8; 24],
    len: usize,
}

impl Lower {
    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }
}

fn lower(w: &str) -> Lower {
    let mut l = Lower { buf: [0; 24], len: 0 };
    if w.len() <= l.buf.len() && w.is_ascii() {
        for (d, s) in l.buf.iter_mut().zip(w.bytes()) {
            *d = s.to_ascii_lowercase();
        }
        l.len = w.len();
    }
    l
}

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn is_month(w: &str) -> bool {
    capitalised(w) && months().contains_ascii_lowercase(w.trim_end_matches('.'))
}

pub(crate) fn is_weekday(w: &str) -> bool {
    capitalised(w) && weekdays().contains_ascii_lowercase(w)
}

/// "1,200", "3.5", "12".
fn is_numeral(w: &str) -> bool {
    w.starts_with(|c: char| c.is_ascii_digit())
        && w.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.')
        && !w.ends_with([',', '.'])
}

/// The first letters of [`NUMBER_WORDS`]: a word starting otherwise is
/// none of them (a test checks the list).
const NUMBER_WORD_INITIALS: &[u8] = b"tfsenhdm";

/// The second halves of "twenty-one" to "ninety-nine".
const ONES: [&str; 9] = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
];

fn is_number_word(w: &str) -> bool {
    // Most words are not number words: their first letter says so.
    if !w
        .as_bytes()
        .first()
        .is_some_and(|b| NUMBER_WORD_INITIALS.contains(&b.to_ascii_lowercase()))
    {
        return false;
    }
    // "Forty", "Twenty-one".
    number_words().contains_ascii_lowercase(w)
        || w.split_once('-').is_some_and(|(a, b)| {
            number_words().contains_ascii_lowercase(a) && ONES.iter().any(|o| b.eq_ignore_ascii_case(o))
        })
}

fn is_number(w: &str) -> bool {
    is_numeral(w) || is_number_word(w)
}

fn is_scale(w: &str) -> bool {
    scales().contains_ascii_lowercase(w)
}

fn is_day(w: &str) -> bool {
    let d = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w[d.len()..];
    (suffix.is_empty() || ["st", "nd", "rd", "th"].contains(&suffix))
        && (1..=2).contains(&d.len())
        && d.chars().all(|c| c.is_ascii_digit())
        && d.parse::<u32>().is_ok_and(|n| (1..=31).contains(&n))
}

fn is_year(w: &str) -> bool {
    w.len() == 4
        && w.chars().all(|c| c.is_ascii_digit())
        && w.parse::<u32>().is_ok_and(|n| (1000..=2099).contains(&n))
}

/// "1996-08-30", "2025/06/27", "27.06.2025", "1990s".
fn is_date_token(w: &str) -> bool {
    // Three parts of digits, without collecting them: the lengths of the
    // first three parts, and whether there are exactly three, all digits.
    let mut lens = [0usize; 3];
    let mut parts = 0usize;
    let mut digits_only = true;
    for p in w.split(['-', '/', '.']) {
        if parts < 3 {
            lens[parts] = p.len();
        }
        parts += 1;
        digits_only &= !p.is_empty() && p.bytes().all(|c| c.is_ascii_digit());
        if parts > 3 || !digits_only {
            break;
        }
    }
    if parts == 3 && digits_only {
        return (lens[0] == 4 && lens[1] <= 2 && lens[2] <= 2)
            || (lens[0] <= 2 && lens[1] <= 2 && lens[2] == 4);
    }
    w.len() == 5 && w.ends_with('s') && is_year(&w[..4]) && w.ends_with("0s")
}

/// Whether a word is part of how amounts and dates are written ("Million",
/// "USD", "June", "Monday"): a name made only of such words gives way to
/// the rules.
pub(crate) fn is_amount_or_date_word(w: &str) -> bool {
    is_scale(w)
        || currency_codes().contains_ascii_lowercase(w.trim_end_matches('.'))
        || is_month(w)
        || is_weekday(w)
}

/// Whether a word is a month or a weekday name ("September", "Sept.",
/// "Monday"), capitalised.
pub(crate) fn is_month_or_weekday(w: &str) -> bool {
    is_month(w) || is_weekday(w)
}

fn is_count_noun(w: &str) -> bool {
    let l = lower(w);
    let l = l.as_str();
    if count_nouns().contains(l) {
        return true;
    }
    // A plural noun: lower-case, alphabetic, ending in a plural "s".
    !capitalised(w)
        && l.len() > 3
        && l.chars().all(|c| c.is_alphabetic() || c == '-')
        && l.ends_with('s')
        && !l.ends_with("ss")
        && !l.ends_with("us")
        && !l.ends_with("is")
        && ![
            "was", "has", "is", "its", "this", "thus", "less", "unless", "as", "perhaps",
        ]
        .contains(&l)
}

fn is_modifier(w: &str) -> bool {
    let l = lower(w);
    let l = l.as_str();
    w.chars().next().is_some_and(char::is_alphabetic)
        && w.chars().all(|c| c.is_alphabetic() || c == '-')
        && !not_modifier().contains(l)
        && !is_month(w)
        && !is_weekday(w)
}

/// Finds dates, money, percentages and quantities among the `words` of one
/// sentence; `taken[i]` marks tokens already part of a name. Returns token
/// ranges `(start, end, kind)`.
pub(crate) fn find(words: &[&str], taken: &[bool]) -> Vec<(usize, usize, Kind)> {
    let n = words.len();
    let mut out = Vec::new();
    let free = |i: usize| i < n && !taken.get(i).copied().unwrap_or(false);
    let word = |i: usize| if i < n { words[i] } else { "" };
    let mut i = 0;
    while i < n {
        if !free(i) {
            i += 1;
            continue;
        }
        let w = words[i];
        // Most words start with a lower-case letter: of the rules below,
        // only a number word ("nine people") can start there (symbols and
        // codes, months, weekdays, years and dates cannot).
        if w.as_bytes().first().is_some_and(u8::is_ascii_lowercase) && !is_number_word(w) {
            i += 1;
            continue;
        }
        let l = lower(w);
        let l = l.as_str();
        // Money: "$1.2 million", "US$ 5", "USD 887.0 Million".
        let symbol = currency_symbols().contains(w)
            || currency_codes().contains(l) && !w.chars().any(char::is_lowercase);
        if symbol && free(i + 1) && is_numeral(word(i + 1)) {
            let mut end = i + 2;
            if free(end) && is_scale(word(end)) {
                end += 1;
            }
            let start =
                if i > 0 && free(i - 1) && matches!(words[i - 1], "US" | "A" | "C" | "HK" | "NZ") && w == "$"
                {
                    i - 1
                } else {
                    i
                };
            out.push((start, end, Kind::Money));
            i = end;
            continue;
        }
        if is_number(w) {
            let mut end = i + 1;
            if free(end) && is_scale(word(end)) {
                end += 1;
            }
            let next = word(end);
            let nl = lower(next);
            let nl = nl.as_str();
            // "5.4%", "5.4 percent", "5.4 per cent".
            if free(end) && (next == "%" || nl == "percent" || nl == "pct") {
                out.push((i, end + 1, Kind::Percent));
                i = end + 1;
                continue;
            }
            if free(end) && nl == "per" && lower(word(end + 1)).as_str() == "cent" {
                out.push((i, end + 2, Kind::Percent));
                i = end + 2;
                continue;
            }
            // "887 million euros".
            if free(end) && currency_words().contains(nl) && (is_numeral(w) || end > i + 1) {
                out.push((i, end + 1, Kind::Money));
                i = end + 1;
                continue;
            }
        }
        // Dates: "June 27, 2025", "June 27", "June 2025", "Earlier in June".
        if is_month(w) {
            let mut end = i + 1;
            if free(end) && is_day(word(end)) {
                end += 1;
                if word(end) == "," && is_year(word(end + 1)) {
                    end += 2;
                } else if is_year(word(end)) {
                    end += 1;
                }
            } else if free(end) && is_year(word(end)) {
                end += 1;
            }
            let ambiguous = matches!(
                l.trim_end_matches('.'),
                "may" | "march" | "mar" | "jan" | "sep" | "dec"
            );
            let lead = i > 0 && date_lead().contains_ascii_lowercase(words[i - 1]);
            // "27 June 2025": a day before the month.
            let start = if i > 0 && free(i - 1) && is_day(words[i - 1]) {
                i - 1
            } else {
                i
            };
            if end > i + 1 || start < i || !ambiguous || lead {
                out.push((start, end, Kind::Date));
                i = end;
                continue;
            }
        }
        if is_weekday(w) || is_date_token(w) {
            out.push((i, i + 1, Kind::Date));
            i += 1;
            continue;
        }
        if is_year(w) {
            let prev = lower(if i > 0 { words[i - 1] } else { "" });
            let prev = prev.as_str();
            let next = word(i + 1);
            let counted =
                free(i + 1) && (is_count_noun(next) || is_modifier(next) && is_count_noun(word(i + 2)));
            if !counted && !currency_symbols().contains(prev) && prev != "no." && prev != "#" {
                out.push((i, i + 1, Kind::Date));
                i += 1;
                continue;
            }
        }
        // Quantities: "nine people", "two Azerbaijani citizens", "5 km".
        if is_number(w) {
            let mut end = i + 1;
            if free(end) && is_scale(word(end)) {
                end += 1;
            }
            let mut k = end;
            let mut found = None;
            while k < n && k <= end + 2 && free(k) {
                if is_count_noun(words[k]) {
                    found = Some(k + 1);
                    break;
                }
                if !is_modifier(words[k]) {
                    break;
                }
                k += 1;
            }
            if let Some(e) = found {
                out.push((i, e, Kind::Quantity));
                i = e;
                continue;
            }
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::tokens::tokenize;

    fn run(text: &str) -> Vec<(String, &'static str)> {
        let mut toks = Vec::new();
        tokenize(text, 0, text.len(), &mut toks);
        let words: Vec<&str> = toks.iter().map(|t| &text[t.start..t.end]).collect();
        let taken = vec![false; words.len()];
        find(&words, &taken)
            .into_iter()
            .map(|(a, b, k)| (text[toks[a].start..toks[b - 1].end].to_string(), k.name()))
            .collect()
    }

    #[test]
    fn number_words_start_with_the_listed_initials() {
        for w in NUMBER_WORDS {
            assert!(NUMBER_WORD_INITIALS.contains(&w.as_bytes()[0]), "{w}");
        }
    }

    #[test]
    fn lower_case_lookups_answer_as_the_lower_case_copy() {
        // Every list word is ASCII lower case and short enough for the
        // copy; any other word is in no list either way.
        let words = [
            "June",
            "JUNE",
            "june.",
            "Monday",
            "MONDAY",
            "Twenty",
            "twenty-one",
            "Twenty-One",
            "twenty-öne",
            "Thirty-NINE",
            "USD",
            "Eur.",
            "SINCE",
            "Million",
            "BILLION",
            "Junes",
            "Ｊune",
            "Kelvin",
            "\u{212a}elvin",
            "İ",
            "",
            "a-very-long-word-that-is-no-number",
        ];
        for w in words {
            for set in [
                months(),
                weekdays(),
                number_words(),
                scales(),
                currency_codes(),
                date_lead(),
            ] {
                assert_eq!(
                    set.contains_ascii_lowercase(w),
                    set.contains(lower(w).as_str()),
                    "{w}"
                );
            }
        }
        // A number word in two parts, against the lower-case copy.
        for w in words {
            let l = lower(w);
            let l = l.as_str();
            let want = number_words().contains(l)
                || l.split_once('-')
                    .is_some_and(|(a, b)| number_words().contains(a) && ONES.contains(&b));
            let starts = w
                .bytes()
                .next()
                .is_some_and(|b| NUMBER_WORD_INITIALS.contains(&b.to_ascii_lowercase()));
            assert_eq!(is_number_word(w), starts && want, "{w}");
        }
        for list in [MONTHS, WEEKDAYS, NUMBER_WORDS, SCALES, CURRENCY_CODES, DATE_LEAD] {
            for w in list {
                assert!(
                    w.len() <= 24 && w.bytes().all(|b| !b.is_ascii_uppercase() && b.is_ascii()),
                    "{w}"
                );
            }
        }
    }

    #[test]
    fn dates_and_numbers_table() {
        let cases: &[(&str, &[(&str, &str)])] = &[
            ("On June 27, 2025, police came.", &[("June 27, 2025", "date")]),
            ("They spoke on October 24.", &[("October 24", "date")]),
            ("Russia expressed regret on Monday.", &[("Monday", "date")]),
            ("On Sunday, the ministry said.", &[("Sunday", "date")]),
            ("Huseyn Safarov (born 1956) died.", &[("1956", "date")]),
            ("Earlier in June, it said.", &[("June", "date")]),
            ("They may go in May.", &[("May", "date")]),
            ("It raised $1.2 million.", &[("$1.2 million", "money")]),
            (
                "Revenue reached USD 887.0 Million.",
                &[("USD 887.0 Million", "money")],
            ),
            (
                "Prices rose 5.4% in 2024.",
                &[("5.4%", "percent"), ("2024", "date")],
            ),
            ("Growth was 3 percent.", &[("3 percent", "percent")]),
            (
                "the deaths of two Azerbaijani citizens",
                &[("two Azerbaijani citizens", "quantity")],
            ),
            ("nine people had been detained", &[("nine people", "quantity")]),
            ("a fine of 500 million euros", &[("500 million euros", "money")]),
            ("ROME 1996-12-06", &[("1996-12-06", "date")]),
            ("The 27 June 2025 raid", &[("27 June 2025", "date")]),
            ("He said one of them left.", &[]),
            ("It was 3:00 p.m. there.", &[]),
            ("2000 people marched.", &[("2000 people", "quantity")]),
        ];
        for (text, want) in cases {
            let got = run(text);
            let want: Vec<(String, &str)> = want.iter().map(|(a, b)| (a.to_string(), *b)).collect();
            assert_eq!(got, want, "{text}");
        }
    }
}
