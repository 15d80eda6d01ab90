//! The boilerplate classifier: named rules first, then the article body found
//! as the densest run of prose, then trailing sections cut at their heading.

use crate::words::FastMap;

use super::features::Features;
use super::model::{self, Weights};
use super::rules::{self, Rule};
use super::Verdict;
use crate::blocks::{Block, Markup, Removal};

const OUTSIDE_BODY: Removal = Removal {
    reason: "boilerplate",
    rule: "outside-body",
};
const MENU: Removal = Removal {
    reason: "navigation",
    rule: "navigation-menu",
};
const TIMESTAMP: Removal = Removal {
    reason: "boilerplate",
    rule: "timestamp",
};

/// Decides, for every block, whether it is boilerplate.
/// With `body_known`, the reader has already found the body (HTML): the
/// presets and the named rules apply, then, when the reader removed
/// something, the learned labeller may drop what the reader kept (it reads
/// `markup` beside the text).
///
/// On a pasted page with chrome, the learned labeller (`model`) has the last
/// word on prose: the rules, the densest-prose search and the trailing sections
/// are its features, it may drop any block, a block that reads as prose
/// and that it labels as article text is kept whatever rule matched it,
/// and a rule names the removal of a block it drops.
/// With `want_vectors`, the feature vectors of such a page are returned too
/// (for training).
pub(crate) fn classify(
    blocks: &[Block],
    features: &[Features],
    markup: &[Markup],
    body_known: bool,
    model: Option<&Weights<'_>>,
    want_vectors: bool,
) -> (Vec<Verdict>, Option<Vec<f32>>) {
    let n = blocks.len();
    let mut verdicts = vec![Verdict::Keep; n];
    // A short line that repeats (a menu entry on every page of a paste, a
    // million "Home" lines) is matched against the rule table once.
    let mut seen: FastMap<(&str, usize), Option<&'static Rule>> = FastMap::default();
    let matched: Vec<Option<&'static Rule>> = blocks
        .iter()
        .zip(features)
        .map(|(b, f)| match b.preset {
            Some(_) => None,
            None if b.text.len() <= 200 => *seen
                .entry((b.text.as_str(), f.words))
                .or_insert_with(|| rules::find_in(&b.text, f.words)),
            None => rules::find_in(&b.text, f.words),
        })
        .collect();
    let page_like = !body_known && has_page_chrome(blocks, features, &matched);
    let (body_start, body_end) = if page_like {
        body_region(features, &matched)
    } else {
        (0, n)
    };
    for i in 0..n {
        verdicts[i] = if let Some(preset) = &blocks[i].preset {
            Verdict::Remove(preset.clone())
        } else if let Some(rule) = matched[i].filter(|r| page_like || applies_to_bare_articles(r)) {
            Verdict::Remove(removal(rule))
        } else if i < body_start || i >= body_end {
            Verdict::Remove(outside_verdict(blocks, features, i))
        } else if page_like && is_timestamp(&blocks[i].text) {
            Verdict::Remove(TIMESTAMP)
        } else {
            Verdict::Keep
        };
    }
    if page_like {
        extend_body(blocks, features, &matched, &mut verdicts, body_start, body_end);
    }
    let mut in_section = vec![None; n];
    if !body_known {
        cut_trailing_sections(blocks, features, &matched, &mut verdicts, &mut in_section);
    }
    // An HTML page whose reader removed something has chrome too: the
    // labeller reads the reader's verdicts and the markup beside the text.
    let html_page = body_known && markup.len() == n && blocks.iter().any(|b| b.preset.is_some());
    if !(page_like || html_page) || (model.is_none() && !want_vectors) {
        return (verdicts, None);
    }
    let rule_keep: Vec<bool> = verdicts.iter().map(|v| *v == Verdict::Keep).collect();
    let in_region: Vec<bool> = if html_page {
        markup.iter().map(|m| m.in_body).collect()
    } else {
        (0..n).map(|i| i >= body_start && i < body_end).collect()
    };
    let sections: Vec<bool> = in_section.iter().map(Option::is_some).collect();
    let timestamp: Vec<bool> = blocks.iter().map(|b| is_timestamp(&b.text)).collect();
    let cx = model::Context {
        blocks,
        features,
        matched: &matched,
        rule_keep: &rule_keep,
        in_region: &in_region,
        in_section: &sections,
        timestamp: &timestamp,
        markup,
    };
    #[cfg(feature = "train")]
    let vectors = want_vectors.then(|| model::vectors(&cx));
    #[cfg(not(feature = "train"))]
    let vectors = None;
    if let Some(w) = model {
        let labels = model::label(w, &cx);
        for i in 0..n {
            let f = &features[i];
            if labels[i] {
                // The model takes back what reads as prose; a menu entry
                // or a marker it keeps between two paragraphs stays removed,
                // and so does what the HTML reader removed.
                if verdicts[i] == Verdict::Keep
                    || (blocks[i].preset.is_none() && (f.is_prose() || f.is_short_sentence()))
                {
                    verdicts[i] = Verdict::Keep;
                }
            } else if verdicts[i] == Verdict::Keep {
                verdicts[i] = Verdict::Remove(match in_section[i] {
                    Some(rule) => removal(rule),
                    None => outside_verdict(blocks, features, i),
                });
            }
        }
    }
    (verdicts, vectors)
}

/// True when the input has the chrome of a web page around the article:
/// menus, share bars, sign-up and cookie boxes. Without it the input is a
/// bare article (copied from a feed, an e-mail, the body of a page), and
/// only the rules that never hit article prose apply.
fn has_page_chrome(blocks: &[Block], features: &[Features], matched: &[Option<&'static Rule>]) -> bool {
    let chrome = features
        .iter()
        .zip(matched)
        .zip(blocks)
        .filter(|((f, r), b)| match r {
            Some(r) => {
                !applies_to_bare_articles(r)
                    || matches!(r.name, "share" | "newsletter" | "cookie-notice" | "navigation")
            }
            // Menu entries; a dash before a name is an attribution.
            None => {
                f.list_item
                    && f.words <= 3
                    && !b.text.starts_with(['-', '–', '—'])
                    && !b.text.chars().any(|c| c.is_ascii_digit())
            }
        })
        .count();
    chrome > 2 + features.len() / 60
}

/// Rules safe on a bare article: section headings and the markers of ads,
/// share buttons and sign-up boxes. Copyright lines, credits, captions and
/// timestamps are often part of what a reader copied on purpose.
fn applies_to_bare_articles(rule: &Rule) -> bool {
    rule.section
        || matches!(
            rule.name,
            "advertisement"
                | "share"
                | "newsletter"
                | "cookie-notice"
                | "subscription"
                | "legal-disclaimer"
                | "comment-author"
        )
}

fn removal(rule: &Rule) -> Removal {
    Removal {
        reason: rule.reason,
        rule: rule.name,
    }
}

fn outside_verdict(blocks: &[Block], features: &[Features], i: usize) -> Removal {
    let f = &features[i];
    if is_timestamp(&blocks[i].text) {
        TIMESTAMP
    } else if f.list_item || (f.words <= 4 && !f.ends_sentence) {
        MENU
    } else {
        OUTSIDE_BODY
    }
}

/// The value of a block for the body search: prose counts for its words,
/// anything else costs.
fn value(f: &Features, rule: Option<&Rule>) -> f32 {
    if let Some(rule) = rule {
        // Section headings, copyright lines and sign-up boxes end an
        // article: the body search does not cross them for a few teasers.
        return -barrier(rule, f);
    }
    if f.byline {
        // A byline after the body has started introduces a teaser.
        return -15.0;
    }
    if f.is_prose() {
        // Digits and addresses make contact boxes and tables look like prose.
        let mut damp = (1.0 - 4.0 * (f.digit_ratio - 0.06).max(0.0)).max(0.2);
        if f.contact {
            damp *= 0.3;
        }
        f.words as f32 * damp
    } else if f.is_short_sentence() {
        f.words as f32 * 0.5
    } else {
        -(2.0 + (f.words as f32 * 0.5).min(10.0))
    }
}

/// What crossing a rule's block costs the body search. Comments, tags,
/// disclaimers, copyright lines and author notes end an article; a box of
/// related links or a sign-up form often sits inside one.
fn barrier(rule: &Rule, f: &Features) -> f32 {
    let heading = !f.list_item && f.words <= 12;
    match rule.name {
        "comments" | "tag-list" | "legal-disclaimer" if heading => 120.0,
        "copyright" | "author-bio" => 120.0,
        // "janedoe says:" above every comment of a thread.
        "comment-author" => 30.0,
        "related" | "most-popular" | "newsletter" if heading => 30.0,
        _ => 4.0,
    }
}

/// How much each further block of a run without prose adds to its cost.
const GAP_GROWTH: f32 = 0.5;

/// The run of blocks `[start, end)` with the most prose (maximum-sum
/// subarray). An input without prose keeps everything that no rule removed.
fn body_region(features: &[Features], matched: &[Option<&'static Rule>]) -> (usize, usize) {
    let mut best = (0.0f32, 0usize, 0usize);
    let mut sum = 0.0f32;
    let mut start = 0usize;
    // Each further block of a run without prose costs more: a caption or
    // two inside an article is cheap to cross, a list of twenty links is not.
    let mut run = 0usize;
    for (i, (f, r)) in features.iter().zip(matched).enumerate() {
        let mut v = value(f, *r);
        if v < 0.0 {
            run += 1;
            v *= 1.0 + GAP_GROWTH * (run - 1) as f32;
        } else {
            run = 0;
        }
        if sum <= 0.0 {
            sum = 0.0;
            start = i;
        }
        sum += v;
        if sum > best.0 {
            best = (sum, start, i + 1);
        }
    }
    if best.0 <= 0.0 {
        (0, features.len())
    } else {
        (best.1, best.2)
    }
}

/// Takes back what continues the body on either side: lists of dates,
/// venues, prices or ingredients, short sentences, and the heading that
/// introduces them. Stops at the first block that reads like a menu.
fn extend_body(
    blocks: &[Block],
    features: &[Features],
    matched: &[Option<&'static Rule>],
    verdicts: &mut [Verdict],
    start: usize,
    end: usize,
) {
    let n = blocks.len();
    let continues = |i: usize| -> bool {
        let f = &features[i];
        matched[i].is_none()
            && blocks[i].preset.is_none()
            && !is_timestamp(&blocks[i].text)
            && (f.is_prose() || f.is_short_sentence() || is_data_line(&blocks[i].text, f))
    };
    let heading = |i: usize| -> bool {
        let f = &features[i];
        matched[i].is_none()
            && f.words >= 1
            && f.words <= 12
            && !f.link_like
            && !is_timestamp(&blocks[i].text)
    };
    let mut i = end;
    while i < n {
        if continues(i) || (heading(i) && i + 2 < n && continues(i + 1) && continues(i + 2)) {
            verdicts[i] = Verdict::Keep;
            i += 1;
        } else {
            break;
        }
    }
    // Above the body sit the headline, the standfirst, the byline and the
    // date: only sentences are taken back there.
    let mut i = start;
    while i > 0 {
        let j = i - 1;
        let f = &features[j];
        if continues(j) && (f.is_prose() || f.is_short_sentence()) && !f.list_item {
            verdicts[j] = Verdict::Keep;
            i = j;
        } else {
            break;
        }
    }
}

/// A line of a list that belongs to the story: several words with numbers
/// or commas ("June 9 -- Arena, Tampa, FL", "1 cup rice, 2 eggs"), not a
/// row of menu links.
fn is_data_line(text: &str, f: &Features) -> bool {
    let has_digit = text.chars().any(|c| c.is_ascii_digit());
    let commas = text.matches(',').count();
    f.words >= 3 && !f.link_like && !f.contact && (has_digit || commas >= 1 || text.contains(": "))
}

/// From a section heading ("Comments", "Related stories", "Legal
/// Disclaimer") on, blocks go with the heading. A heading inside a list is a
/// button in a share bar, not a section. Comments and disclaimers run to the
/// end when they trail the article (less prose after them than before);
/// link lists end where long article prose resumes.
fn cut_trailing_sections(
    blocks: &[Block],
    features: &[Features],
    matched: &[Option<&'static Rule>],
    verdicts: &mut [Verdict],
    in_section: &mut [Option<&'static Rule>],
) {
    let prose_words: Vec<usize> = features
        .iter()
        .zip(verdicts.iter())
        .map(|(f, v)| {
            if *v == Verdict::Keep && f.is_prose() {
                f.words
            } else {
                0
            }
        })
        .collect();
    let total: usize = prose_words.iter().sum();
    let mut before = 0usize;
    let mut section: Option<&'static Rule> = None;
    for i in 0..blocks.len() {
        before += prose_words[i];
        if let Some(rule) = matched[i] {
            let heading = !features[i].list_item || blocks[i].text.trim_end().ends_with(':');
            if rule.section && features[i].words <= 12 && heading {
                // A section trails the article: a heading above it is a menu.
                if before >= 100.min(total / 3) && before > 0 {
                    section = Some(rule);
                }
            }
            continue;
        }
        let Some(rule) = section else { continue };
        let f = &features[i];
        let to_the_end = matches!(rule.name, "legal-disclaimer" | "comments" | "tag-list");
        if !to_the_end && f.is_prose() && !f.list_item {
            section = None;
            continue;
        }
        in_section[i] = Some(rule);
        match &verdicts[i] {
            Verdict::Keep => verdicts[i] = Verdict::Remove(removal(rule)),
            Verdict::Remove(r) if r.rule == OUTSIDE_BODY.rule || r.rule == MENU.rule => {
                verdicts[i] = Verdict::Remove(removal(rule))
            }
            _ => {}
        }
    }
}

const MONTHS: &[&str] = &[
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A lone date or time: "Nov. 19, 2019", "5:50 PM", "Updated 12:04 GMT",
/// "2019-11-19".
pub(crate) fn is_timestamp(text: &str) -> bool {
    let words = || {
        text.split(|c: char| !(c.is_alphanumeric()))
            .filter(|w| !w.is_empty())
    };
    // Counted first: most blocks are long, and are not read further.
    let count = words().take(11).count();
    if count == 0 || count > 10 {
        return false;
    }
    let dateish = |w: &str| {
        w.chars().all(|c| c.is_ascii_digit())
            || MONTHS.contains(&w)
            || matches!(
                w,
                "am" | "pm"
                    | "et"
                    | "est"
                    | "edt"
                    | "pt"
                    | "pst"
                    | "pdt"
                    | "gmt"
                    | "utc"
                    | "bst"
                    | "cet"
                    | "ist"
                    | "updated"
                    | "published"
                    | "posted"
                    | "last"
                    | "at"
                    | "on"
                    | "min"
                    | "read"
                    | "ago"
                    | "hours"
                    | "hour"
                    | "minutes"
                    | "days"
                    | "monday"
                    | "tuesday"
                    | "wednesday"
                    | "thursday"
                    | "friday"
                    | "saturday"
                    | "sunday"
                    | "first"
                    | "modified"
                    | "date"
                    | "time"
            )
    };
    let has_digit = words().any(|w| w.chars().any(|c| c.is_ascii_digit()));
    let mut lower = String::new();
    has_digit
        && words().all(|w| {
            crate::lang::lower_into(w, &mut lower);
            dateish(&lower)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps() {
        for t in [
            "Nov. 19, 2019",
            "5:50 PM",
            "Updated 12:04 GMT",
            "2019-11-19",
            "Nov 18, 2019 at 9:24 pm ET",
        ] {
            assert!(is_timestamp(t), "{t}");
        }
        for t in ["Monday", "The 2019 season", "5 things to know", ""] {
            assert!(!is_timestamp(t), "{t}");
        }
    }
}
