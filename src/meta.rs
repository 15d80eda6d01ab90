//! Title, byline, source and date: found around the article body, and set
//! apart from it so they are not repeated inside the text.

use crate::blocks::{Block, PageMeta};
use crate::clean::features::Features;
use crate::clean::rules;
use crate::clean::Verdict;
use crate::spans::SpanMap;

/// A piece of metadata and the input span it came from, if any.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Part {
    pub text: String,
    /// Input byte span of the block it was taken from; `None` when it came
    /// from page metadata (a `<meta>` tag) rather than a block.
    pub span: Option<(usize, usize)>,
    /// From `text` offsets to input offsets; empty when `span` is `None`.
    pub map: SpanMap,
}

impl Part {
    fn of_block(block: &Block) -> Part {
        Part {
            text: block.text.clone(),
            span: Some((block.start, block.end)),
            map: block.map.clone(),
        }
    }
}

/// The article's metadata.
#[derive(Clone, Debug, Default)]
pub(crate) struct Meta {
    pub title: Option<Part>,
    pub byline: Option<Part>,
    pub source: Option<String>,
    /// ISO 8601 date.
    pub published: Option<String>,
}

impl Meta {
    pub fn from_page(page: PageMeta) -> Meta {
        let part = |t: Option<String>| {
            t.map(|text| Part {
                text,
                span: None,
                map: SpanMap::default(),
            })
        };
        Meta {
            title: part(page.title),
            byline: part(page.byline),
            source: page.source,
            published: page.published,
        }
    }
}

/// Finds the title, byline, source and date around the body, marking the
/// title and byline blocks so that they leave the text.
pub(crate) fn find(
    blocks: &[Block],
    features: &[Features],
    verdicts: &mut [Verdict],
    page: PageMeta,
) -> Meta {
    let mut meta = Meta::from_page(page);
    let Some(first) = verdicts.iter().position(|v| *v == Verdict::Keep) else {
        return meta;
    };
    let last = verdicts
        .iter()
        .rposition(|v| *v == Verdict::Keep)
        .unwrap_or(first);

    // Byline: a "By …" line just before or at the start of the body, or at
    // its end.
    let near_start = first.saturating_sub(8)..(first + 3).min(blocks.len());
    let near_end = last.saturating_sub(2)..(last + 4).min(blocks.len());
    for i in near_start.chain(near_end) {
        if let Some(name) = byline(&blocks[i].text) {
            if matches!(verdicts[i], Verdict::Keep | Verdict::Remove(_)) {
                if meta.byline.is_none() {
                    let at = blocks[i].text.find(&name).unwrap_or(0);
                    meta.byline = Some(Part {
                        map: blocks[i].map.slice(at, at + name.len()),
                        text: name,
                        span: Some((blocks[i].start, blocks[i].end)),
                    });
                    verdicts[i] = Verdict::Byline;
                }
                break;
            }
        }
    }

    // Title: the body's first block when it is headline-like and prose
    // follows; else the nearest headline-like block before the body.
    let first = verdicts.iter().position(|v| *v == Verdict::Keep).unwrap_or(first);
    let candidate =
        if is_headline(&blocks[first], &features[first]) && follows_prose(features, verdicts, first) {
            Some(first)
        } else {
            (first.saturating_sub(12)..first).rev().find(|&i| {
                matches!(verdicts[i], Verdict::Remove(_))
                    && is_headline(&blocks[i], &features[i])
                    && features[i].words >= 3
            })
        };
    if let Some(i) = candidate {
        let part = Part::of_block(&blocks[i]);
        match &meta.title {
            // Page metadata named the title: the block that repeats it is
            // the title, and leaves the text.
            Some(t) if t.span.is_none() => {
                if same_words(&t.text, &blocks[i].text) {
                    verdicts[i] = Verdict::Title;
                }
            }
            Some(_) => {}
            None => {
                meta.title = Some(part);
                verdicts[i] = Verdict::Title;
            }
        }
    }

    // Source: an agency dateline at the start of the body.
    if meta.source.is_none() {
        if let Some(i) = verdicts.iter().position(|v| *v == Verdict::Keep) {
            meta.source = dateline_source(&blocks[i].text);
        }
    }
    meta
}

fn same_words(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    words(a) == words(b)
}

fn follows_prose(features: &[Features], verdicts: &[Verdict], i: usize) -> bool {
    (i + 1..features.len())
        .find(|&j| verdicts[j] == Verdict::Keep)
        .is_some_and(|j| features[j].is_prose())
}

/// A headline: a few words on one line, no full stop at the end, starting
/// with a capital, a digit or a quote; not a list item, a rule match or a
/// date.
pub(crate) fn is_headline(block: &Block, f: &Features) -> bool {
    let t = block.text.trim();
    if f.list_item || block.lines > 2 || f.words == 0 || f.words > 30 || t.chars().count() > 250 {
        return false;
    }
    if t.ends_with('.') && !t.ends_with("...") || t.ends_with(':') || t.ends_with(',') {
        return false;
    }
    // One sentence, no menu separators, no phone numbers or hashtags.
    let sentence_breaks = t.matches(". ").count() + t.matches("? ").count() + t.matches("! ").count();
    if sentence_breaks > 0
        || t.contains(" | ")
        || t.matches(": ").count() > 1
        || t.contains('#')
        || t.contains("http")
    {
        return false;
    }

    let first = t.chars().next().unwrap_or(' ');
    if !(first.is_uppercase()
        || first.is_numeric()
        || matches!(first, '"' | '“' | '‘' | '\'' | '¿' | '¡')
        || !first.is_alphabetic() && first.is_alphanumeric())
    {
        // Scripts without case (CJK, Arabic) pass through the last test.
        if first.is_lowercase() || !first.is_alphanumeric() {
            return false;
        }
    }
    if rules::find_in(t, f.words).is_some() || byline(t).is_some() || crate::clean::is_timestamp(t) {
        return false;
    }
    true
}

/// Words that start a byline, by language.
const BY: &[&str] = &["By", "BY", "by", "Von", "Par", "Por", "Di", "Door", "Av", "Oleh"];
const BY_PHRASES: &[&str] = &[
    "Reporting by",
    "Reported by",
    "Written by",
    "Words by",
    "Story by",
    "Text by",
    "Posted by",
    "Author:",
    "Authors:",
    "Autor:",
    "Auteur :",
    "Auteur:",
    "Автор:",
];
/// Job titles glued to a name by copy-paste ("By Jane DoeStaff Writer").
const ROLES: &[&str] = &[
    "Staff Writer",
    "Staff Reporter",
    "Senior Writer",
    "Senior Reporter",
    "Correspondent",
    "Contributor",
    "Reporter",
    "Editor",
    "Columnist",
];

/// The names in a byline line ("By Jane Doe and John Roe" → "Jane Doe and
/// John Roe"), or `None` when the line is not a byline.
pub(crate) fn byline(text: &str) -> Option<String> {
    let t = text.trim();
    let rest = BY_PHRASES.iter().find_map(|p| t.strip_prefix(p)).or_else(|| {
        BY.iter()
            .find_map(|w| t.strip_prefix(w).filter(|r| r.starts_with([' ', ':', '\u{a0}'])))
    })?;
    let rest = rest.trim_start_matches([' ', ':', '\u{a0}', '.']).trim();
    // "Reporting by A and B; Editing by C": the names before the semicolon.
    let rest = rest.split(';').next().unwrap_or(rest).trim();
    let rest = rest.trim_end_matches(['.', ',', ' ']);
    let mut names = rest.to_string();
    for role in ROLES {
        if let Some(stripped) = names.strip_suffix(role) {
            let stripped = stripped.trim_end_matches([' ', ',', '|', '-']);
            if !stripped.is_empty() {
                names = stripped.to_string();
                break;
            }
        }
    }
    let words: Vec<&str> = names.split_whitespace().collect();
    if words.is_empty() || words.len() > 10 || names.chars().count() > 80 {
        return None;
    }
    // Names: capitalised words, joined by "and", "&", commas, "in", "de"...
    let joiners = [
        "and", "&", "und", "et", "y", "e", "de", "da", "van", "von", "der", "la", "le", "di", "bin", "al",
    ];
    let capitalised = words
        .iter()
        .filter(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic() && c.is_alphanumeric())
        })
        .count();
    let joined = words
        .iter()
        .filter(|w| joiners.contains(&w.trim_end_matches(',')))
        .count();
    if capitalised == 0 || capitalised + joined < words.len() {
        return None;
    }
    Some(names)
}

/// The agency or outlet named by a dateline: "(MENAFN) …", "LONDON
/// (Reuters) - …", "(AP) — …", "(CNN)Former …".
pub(crate) fn dateline_source(text: &str) -> Option<String> {
    let open = text.find('(')?;
    let close = open + text[open..].find(')')?;
    let before = text[..open].trim();
    // Before the marker: nothing, or a place in capitals with a date.
    let before_ok = before.is_empty()
        || (before.chars().count() <= 48
            && before
                .split(|c: char| !c.is_alphabetic())
                .filter(|w| !w.is_empty())
                .all(|w| w.chars().all(char::is_uppercase) || is_month_word(w)));
    if !before_ok {
        return None;
    }
    let inner = text[open + 1..close].trim();
    let words: Vec<&str> = inner.split_whitespace().collect();
    let is_name = !inner.is_empty()
        && inner.chars().count() <= 30
        && words.len() <= 3
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '.' | '&' | '-' | '\''))
        });
    if !is_name {
        return None;
    }
    // After the marker: a dash, or the text itself (glued or spaced).
    let after = text[close + 1..].trim_start();
    let after_ok = after.is_empty()
        || after.starts_with(['-', '—', '–', ':'])
        || after
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_numeric() || matches!(c, '"' | '“'));
    after_ok.then(|| inner.to_string())
}

fn is_month_word(w: &str) -> bool {
    const MONTHS: &[&str] = &[
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "May",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Sept",
        "Oct",
        "Nov",
        "Dec",
        "January",
        "February",
        "March",
        "April",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    MONTHS.contains(&w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines() {
        let cases: &[(&str, Option<&str>)] = &[
            ("By Jane Doe", Some("Jane Doe")),
            ("By Jane Doe and John Roe", Some("Jane Doe and John Roe")),
            ("By JANE DOE, JOHN ROE", Some("JANE DOE, JOHN ROE")),
            ("Reporting by Ana Lima; Editing by Tom Gray", Some("Ana Lima")),
            ("By Jane DoeStaff Writer", Some("Jane Doe")),
            ("By María de la Cruz", Some("María de la Cruz")),
            ("By the time the rain stopped, the river had risen.", None),
            ("By Monday the talks had failed and everyone went home", None),
            ("Bystanders watched.", None),
        ];
        for (text, want) in cases {
            assert_eq!(byline(text).as_deref(), *want, "{text}");
        }
    }

    #[test]
    fn datelines() {
        let cases: &[(&str, Option<&str>)] = &[
            ("(MENAFN) Russia expressed regret on Monday.", Some("MENAFN")),
            ("LONDON (Reuters) - Oil prices rose.", Some("Reuters")),
            ("(AP) — The storm hit at dawn.", Some("AP")),
            ("(CNN)Former officials said.", Some("CNN")),
            ("WASHINGTON, Nov 18 (Reuters) - Stocks fell.", Some("Reuters")),
            ("The team (which won) said.", None),
            ("Prices rose (about 5%) in May.", None),
        ];
        for (text, want) in cases {
            assert_eq!(dateline_source(text).as_deref(), *want, "{text}");
        }
    }
}
