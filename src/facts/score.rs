//! Scoring: how much of the article's news a draft fact carries. A linear
//! score over named features; the weights were fitted on the CNN dev half of
//! `../shared/eval/facts` (oracle sentences as labels) and rounded.

use std::collections::{HashMap, HashSet};

use super::text::{count_words, is_capitalised, words, DATE_WORDS, NUMBER_WORDS};
use crate::lang::Lang;

/// The features of one draft, each roughly in 0..1.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(super) struct Features {
    /// 1 / (1 + the sentence's index in the body).
    pub lead: f32,
    /// The sentence's index over the number of body sentences.
    pub depth: f32,
    /// Words over the longest fact, and its square.
    pub length: f32,
    pub length2: f32,
    /// Capitalised words after the first (names), up to 8, over 8.
    pub names: f32,
    pub number: f32,
    pub date: f32,
    /// The sentence opens with a quotation mark.
    pub opens_quote: f32,
    /// Share of the words inside quotation marks.
    pub quoted: f32,
    /// Cosine with the article's centroid (tf-idf).
    pub centrality: f32,
    /// How often its words recur in the other sentences.
    pub recurrence: f32,
    /// Cosine with the title, when there is one.
    pub title: f32,
    /// Distinct entities mentioned, up to 4, over 4.
    pub entities: f32,
    /// Sum of the salience of those entities, capped at 1.
    pub salience: f32,
    /// A leading pronoun was replaced by a name.
    pub resolved: f32,
    /// The fact is a clause cut from a longer sentence.
    pub clause: f32,
    /// No name, number or date at all.
    pub plain: f32,
    /// The cut fell before a participle or a preposition.
    pub trim: f32,
    /// The second clause of a split sentence.
    pub rest: f32,
    /// Reported speech whose speaker was dropped, or a speech verb left in.
    pub reported: f32,
}

/// The weights of [`Features`], in declaration order, and the bias.
const BIAS: f32 = 0.0;
const WEIGHTS: Features = Features {
    lead: 1.0,
    depth: -0.5,
    length: 0.5,
    length2: -0.4,
    names: 0.3,
    number: 0.2,
    date: 0.15,
    opens_quote: -0.4,
    quoted: -0.2,
    centrality: 1.5,
    recurrence: 0.1,
    title: 0.8,
    entities: 0.2,
    salience: 0.3,
    resolved: -0.05,
    clause: -0.05,
    plain: -0.3,
    trim: -0.1,
    rest: -0.8,
    reported: -0.2,
};

impl Features {
    fn as_array(&self) -> [f32; 20] {
        [
            self.lead,
            self.depth,
            self.length,
            self.length2,
            self.names,
            self.number,
            self.date,
            self.opens_quote,
            self.quoted,
            self.centrality,
            self.recurrence,
            self.title,
            self.entities,
            self.salience,
            self.resolved,
            self.clause,
            self.plain,
            self.trim,
            self.rest,
            self.reported,
        ]
    }

    /// The linear score.
    pub fn score(&self) -> f32 {
        BIAS + self
            .as_array()
            .iter()
            .zip(WEIGHTS.as_array())
            .map(|(x, w)| x * w)
            .sum::<f32>()
    }
}

/// Content terms of a text: lower-cased words that are not function words,
/// with a plural or possessive "s" stripped.
pub(super) fn terms(text: &str, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    for (a, b) in words(text) {
        let mut w = text[a..b].to_lowercase();
        for suffix in ["’s", "'s"] {
            if w.ends_with(suffix) {
                w.truncate(w.len() - suffix.len());
            }
        }
        if w.chars().count() < 2 || lang.is_stopword(&w) {
            continue;
        }
        if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
            w.pop();
        }
        out.push(w);
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Document frequencies and the tf-idf centroid of the body sentences.
pub(super) struct Centroid {
    n: f32,
    df: HashMap<String, u32>,
    weight: HashMap<String, f32>,
    norm: f32,
}

impl Centroid {
    pub fn new(sentences: &[Vec<String>]) -> Centroid {
        let mut df: HashMap<String, u32> = HashMap::new();
        for terms in sentences {
            for t in terms {
                *df.entry(t.clone()).or_default() += 1;
            }
        }
        let n = sentences.len().max(1) as f32;
        let mut weight: HashMap<String, f32> = HashMap::new();
        for terms in sentences {
            let idf: Vec<f32> = terms
                .iter()
                .map(|t| idf(n, df.get(t).copied().unwrap_or(1)))
                .collect();
            let total: f32 = idf.iter().sum();
            if total <= 0.0 {
                continue;
            }
            for (t, w) in terms.iter().zip(idf) {
                *weight.entry(t.clone()).or_default() += w / total;
            }
        }
        let norm = weight.values().map(|w| w * w).sum::<f32>().sqrt();
        Centroid { n, df, weight, norm }
    }

    fn idf(&self, t: &str) -> f32 {
        idf(self.n, self.df.get(t).copied().unwrap_or(1))
    }

    /// Cosine of a term set with the centroid.
    pub fn centrality(&self, terms: &[String]) -> f32 {
        let mut dot = 0.0;
        let mut norm = 0.0;
        for t in terms {
            let w = self.idf(t);
            norm += w * w;
            dot += w * self.weight.get(t).copied().unwrap_or(0.0);
        }
        if norm <= 0.0 || self.norm <= 0.0 {
            0.0
        } else {
            dot / (norm.sqrt() * self.norm)
        }
    }

    /// Cosine of two term sets, idf-weighted.
    pub fn cosine(&self, a: &[String], b: &[String]) -> f32 {
        let na: f32 = a.iter().map(|t| self.idf(t).powi(2)).sum();
        let nb: f32 = b.iter().map(|t| self.idf(t).powi(2)).sum();
        let dot: f32 = a
            .iter()
            .filter(|t| b.binary_search(t).is_ok())
            .map(|t| self.idf(t).powi(2))
            .sum();
        if na <= 0.0 || nb <= 0.0 {
            0.0
        } else {
            dot / (na.sqrt() * nb.sqrt())
        }
    }

    /// How often a sentence's terms occur in the other sentences.
    pub fn recurrence(&self, terms: &[String]) -> f32 {
        let sum: u32 = terms
            .iter()
            .map(|t| self.df.get(t).copied().unwrap_or(1).saturating_sub(1))
            .sum();
        sum as f32 / (terms.len() as f32 + 3.0)
    }
}

fn idf(n: f32, df: u32) -> f32 {
    (1.0 + n / df.max(1) as f32).ln()
}

/// The features of a fact's text that need nothing but the text.
///
/// `names` are the words the article capitalises inside a sentence; a
/// fact's first word counts when it is one of them ("Azerbaijani citizens
/// were detained").
pub(super) fn text_features(text: &str, names: &HashSet<String>, f: &mut Features) {
    let ws = words(text);
    let n = count_words(text).max(1) as f32;
    f.length = n / 25.0;
    f.length2 = f.length * f.length;
    let caps = ws
        .iter()
        .enumerate()
        .filter(|&(i, &(a, b))| is_capitalised(&text[a..b]) && (i > 0 || names.contains(&text[a..b])))
        .count();
    f.names = caps.min(8) as f32 / 8.0;
    let counted = ws
        .iter()
        .any(|&(a, b)| NUMBER_WORDS.contains(&text[a..b].to_lowercase().as_str()));
    f.number = f32::from(u8::from(text.chars().any(|c| c.is_ascii_digit()) || counted));
    f.date =
        f32::from(u8::from(ws.iter().any(|&(a, b)| {
            DATE_WORDS.contains(&text[a..b].to_lowercase().as_str())
        })));
    f.quoted = quoted_share(text, &ws);
    let named = ws
        .iter()
        .skip(1)
        .any(|&(a, b)| is_capitalised(&text[a..b]) && &text[a..b] != "I");
    f.plain = f32::from(u8::from(f.number == 0.0 && f.date == 0.0 && !named));
}

/// Share of the words inside quotation marks.
fn quoted_share(text: &str, ws: &[(usize, usize)]) -> f32 {
    let mut inside = false;
    let mut next = ws.iter().peekable();
    let mut quoted = 0usize;
    for (i, c) in text.char_indices() {
        while next.peek().is_some_and(|&&(a, _)| a <= i) {
            next.next();
            quoted += usize::from(inside);
        }
        match c {
            '“' => inside = true,
            '”' => inside = false,
            '"' => inside = !inside,
            _ => {}
        }
    }
    quoted as f32 / ws.len().max(1) as f32
}

/// The words an article capitalises inside its sentences: names.
pub(super) fn known_names<'a>(sentences: impl Iterator<Item = &'a str>) -> HashSet<String> {
    let mut out = HashSet::new();
    for s in sentences {
        for (a, b) in words(s).into_iter().skip(1) {
            if is_capitalised(&s[a..b]) {
                out.insert(s[a..b].to_string());
            }
        }
    }
    out
}
