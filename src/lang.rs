//! Language: which language a text is in, and its function words.
//!
//! Detection reads the script first (kana means Japanese, Hangul Korean, Han
//! without kana Chinese, and so on); Latin and Cyrillic text is told apart by
//! counting the function words of each language in `data/stopwords/`.

use std::sync::OnceLock;

use crate::words::WordMap;

/// A language the pipeline knows function words for, or a script-only guess.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Lang {
    /// ISO 639-1 code, or `und` when nothing can be told.
    pub code: &'static str,
    /// Index into [`LISTS`] when the language has a function-word list.
    list: Option<usize>,
}

/// Function-word lists, by ISO 639-1 code.
const LISTS: &[(&str, &str)] = &[
    ("en", include_str!("data/stopwords/en.txt")),
    ("de", include_str!("data/stopwords/de.txt")),
    ("fr", include_str!("data/stopwords/fr.txt")),
    ("es", include_str!("data/stopwords/es.txt")),
    ("it", include_str!("data/stopwords/it.txt")),
    ("pt", include_str!("data/stopwords/pt.txt")),
    ("nl", include_str!("data/stopwords/nl.txt")),
    ("ru", include_str!("data/stopwords/ru.txt")),
    ("pl", include_str!("data/stopwords/pl.txt")),
    ("sv", include_str!("data/stopwords/sv.txt")),
    ("id", include_str!("data/stopwords/id.txt")),
    ("tr", include_str!("data/stopwords/tr.txt")),
];

// One bit per list in a u16.
const _: () = assert!(LISTS.len() <= 16);

/// Every function word of every list, with the lists it is in as bits
/// (bit `i` for `LISTS[i]`): one lookup answers for all the lists.
fn lists() -> &'static WordMap<u16> {
    static MAP: OnceLock<WordMap<u16>> = OnceLock::new();
    MAP.get_or_init(|| {
        WordMap::new(
            LISTS.iter().enumerate().flat_map(|(i, (_, words))| {
                words
                    .lines()
                    .filter(|l| !l.starts_with('#'))
                    .flat_map(str::split_whitespace)
                    .map(move |w| (w, 1u16 << i))
            }),
            |a, b| a | b,
        )
    })
}

/// The lists `word` is in, as bits.
fn list_bits(word: &str) -> u16 {
    lists().get(word).unwrap_or(0)
}

/// The lists the lower-case form of `word` is in, as bits.
fn list_bits_any_case(word: &str) -> u16 {
    lists().get_lowercase(word).unwrap_or(0)
}

/// Lower-cases `word` into `out` (cleared first), as `str::to_lowercase`
/// would.
pub(crate) fn lower_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
    } else {
        out.push_str(&word.to_lowercase());
    }
}

impl Lang {
    pub const ENGLISH: Lang = Lang {
        code: "en",
        list: Some(0),
    };
    pub const UNKNOWN: Lang = Lang {
        code: "und",
        list: None,
    };

    fn script(code: &'static str) -> Lang {
        Lang { code, list: None }
    }

    /// True for Chinese and Japanese, written without spaces between words.
    pub fn unspaced(&self) -> bool {
        matches!(self.code, "zh" | "ja" | "th")
    }

    /// True when `word` (already lower-case) is a function word of this
    /// language, or of English, which menus and captions often are in.
    pub fn is_stopword(&self, word: &str) -> bool {
        self.has_bits(list_bits(word))
    }

    /// [`Lang::is_stopword`] of `word` in lower case, without building the
    /// lower-case string for an ASCII word.
    pub fn is_stopword_any_case(&self, word: &str) -> bool {
        self.has_bits(list_bits_any_case(word))
    }

    fn has_bits(&self, bits: u16) -> bool {
        let own = self.list.map_or(0, |i| 1u16 << i);
        bits & (own | 1) != 0
    }

    /// True when `word` is an English function word.
    pub fn is_english_stopword(word: &str) -> bool {
        list_bits(word) & 1 != 0
    }
}

/// Guesses the language of a text from a sample of at most ~20k characters.
pub(crate) fn detect<'a>(texts: impl Iterator<Item = &'a str>) -> Lang {
    let mut counts = ScriptCounts::default();
    let mut hits = vec![0usize; LISTS.len()];
    let mut words = 0usize;
    let mut seen = 0usize;
    for text in texts {
        // A single huge block (a 10 MB line) is sampled too, not read whole.
        let text = sample(text, SAMPLE_BYTES);
        counts.add_text(text);
        for w in text
            .split(|c: char| !c.is_alphanumeric() && c != '\'')
            .filter(|w| !w.is_empty())
        {
            words += 1;
            let bits = list_bits_any_case(w);
            if bits != 0 {
                for (i, h) in hits.iter_mut().enumerate() {
                    if bits & (1 << i) != 0 {
                        *h += 1;
                    }
                }
            }
        }
        seen += text.len();
        if seen > SAMPLE_BYTES {
            break;
        }
    }
    if let Some(lang) = counts.script_lang() {
        if lang.code != "latin" && lang.code != "cyrillic" {
            return lang;
        }
    }
    // Latin or Cyrillic: the list with the most hits, if it is convincing.
    let (best, &best_hits) = hits
        .iter()
        .enumerate()
        .max_by_key(|&(i, &h)| (h, std::cmp::Reverse(i)))
        .unwrap_or((0, &0));
    if words == 0 || best_hits * 20 < words {
        return if counts.cyrillic > counts.latin {
            Lang::script("ru")
        } else if words == 0 {
            Lang::UNKNOWN
        } else {
            Lang::ENGLISH
        };
    }
    if counts.cyrillic > counts.latin && counts.ukrainian * 50 > counts.cyrillic {
        return Lang::script("uk");
    }
    Lang {
        code: LISTS[best].0,
        list: Some(best),
    }
}

/// How much text [`detect`] reads.
const SAMPLE_BYTES: usize = 20_000;

/// The longest prefix of `text` of at most `max` bytes, on a char boundary.
fn sample(text: &str, max: usize) -> &str {
    let mut end = text.len().min(max);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

#[derive(Default, Debug, PartialEq)]
struct ScriptCounts {
    latin: usize,
    cyrillic: usize,
    ukrainian: usize,
    kana: usize,
    han: usize,
    hangul: usize,
    arabic: usize,
    hebrew: usize,
    devanagari: usize,
    thai: usize,
    greek: usize,
}

impl ScriptCounts {
    /// Counts every character of `text`.
    fn add_text(&mut self, text: &str) {
        if text.is_ascii() {
            // Most blocks: of ASCII, only the letters count (as Latin).
            self.latin += text.bytes().filter(u8::is_ascii_alphabetic).count();
        } else {
            for c in text.chars() {
                self.add(c);
            }
        }
    }

    fn add(&mut self, c: char) {
        match c as u32 {
            0x41..=0x5A | 0x61..=0x7A | 0xC0..=0x24F => self.latin += 1,
            0x400..=0x4FF => {
                self.cyrillic += 1;
                if matches!(c, 'ї' | 'є' | 'і' | 'ґ' | 'Ї' | 'Є' | 'І' | 'Ґ') {
                    self.ukrainian += 1;
                }
            }
            0x370..=0x3FF => self.greek += 1,
            0x590..=0x5FF => self.hebrew += 1,
            0x600..=0x6FF | 0x750..=0x77F => self.arabic += 1,
            0x900..=0x97F => self.devanagari += 1,
            0xE00..=0xE7F => self.thai += 1,
            0x3040..=0x30FF => self.kana += 1,
            0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF => self.han += 1,
            0xAC00..=0xD7AF | 0x1100..=0x11FF => self.hangul += 1,
            _ => {}
        }
    }

    /// The language a dominant non-Latin script implies.
    fn script_lang(&self) -> Option<Lang> {
        let cjk = self.kana + self.han;
        let candidates = [
            (self.latin, "latin"),
            (self.cyrillic, "cyrillic"),
            (cjk, if self.kana * 20 > cjk { "ja" } else { "zh" }),
            (self.hangul, "ko"),
            (self.arabic, "ar"),
            (self.hebrew, "he"),
            (self.devanagari, "hi"),
            (self.thai, "th"),
            (self.greek, "el"),
        ];
        let (n, code) = candidates.iter().max_by_key(|(n, _)| *n)?;
        // Latin letters are thin on the ground in CJK text: one CJK character
        // stands for a word, so weigh them up.
        let (n, code) = if *code == "latin" && cjk * 3 > self.latin {
            (cjk, if self.kana * 20 > cjk { "ja" } else { "zh" })
        } else {
            (*n, *code)
        };
        (n > 0).then_some(Lang::script(code))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(text: &str) -> &'static str {
        detect(std::iter::once(text)).code
    }

    #[test]
    fn detects_by_function_words_and_script() {
        assert_eq!(
            code("The minister said that the talks would continue in the spring."),
            "en"
        );
        assert_eq!(
            code("Der Minister sagte, dass die Gespräche im Frühjahr weitergehen werden."),
            "de"
        );
        assert_eq!(
            code("Le ministre a dit que les discussions se poursuivront au printemps."),
            "fr"
        );
        assert_eq!(
            code("El ministro dijo que las conversaciones continuarán en la primavera."),
            "es"
        );
        assert_eq!(
            code("Министр сказал, что переговоры продолжатся весной и что это важно."),
            "ru"
        );
        assert_eq!(code("大臣は、協議は春に続くと述べた。"), "ja");
        assert_eq!(code("部长说，会谈将在春天继续进行。"), "zh");
        assert_eq!(code("장관은 회담이 봄에 계속될 것이라고 말했다."), "ko");
        assert_eq!(code(""), "und");
    }

    #[test]
    fn ascii_text_counts_as_char_by_char() {
        for text in [
            "",
            "The 5 minutes' walk -- (AP) x\ty\u{7f}",
            "ABC abc 123 !?",
            "plain",
        ] {
            let mut fast = ScriptCounts::default();
            fast.add_text(text);
            let mut slow = ScriptCounts::default();
            text.chars().for_each(|c| slow.add(c));
            assert_eq!(fast, slow, "{text:?}");
        }
    }

    #[test]
    fn stopwords_include_english() {
        let de = detect(std::iter::once("Der Hund und die Katze sind im Haus, sagte er."));
        assert!(de.is_stopword("und"));
        assert!(de.is_stopword("the"));
        assert!(!de.is_stopword("hund"));
    }
}
