//! Finding the article body: every block gets a value (prose is worth its
//! words, furniture costs), values add up the tree, and the element with the
//! highest total is the body. Elements that say what they are (comments,
//! related links, share bars) turn the prose they hold into a cost, so the
//! body is the tightest container of the story alone. Then each block gets
//! its verdict: kept, or removed with the reason its surroundings give.

use super::dom::{Dom, NONE};
use super::hints::{self, Hint, Kind};
use super::text::HtmlBlock;
use crate::blocks::{BlockKind, Removal};
use crate::clean::features::Features;
use crate::lang::Lang;

/// The reader's verdicts.
pub(crate) struct Body {
    /// One per block: `None` keeps it.
    pub presets: Vec<Option<Removal>>,
    /// A body was found.
    pub found: bool,
}

const OUTSIDE: Removal = Removal {
    reason: "boilerplate",
    rule: "outside-body",
};
const LINK_LIST: Removal = Removal {
    reason: "navigation",
    rule: "link-list",
};
const LINK_DENSE: Removal = Removal {
    reason: "related-links",
    rule: "link-dense",
};

/// How much less text counts one level further down.
const DECAY: f32 = 0.9;

const TEASER: Removal = Removal {
    reason: "related-links",
    rule: "teaser",
};

fn removal(kind: Kind) -> Removal {
    Removal {
        reason: kind.reason(),
        rule: kind.rule(),
    }
}

/// What one block is worth to the container that holds it.
#[derive(Clone, Copy, Debug, Default)]
struct Worth {
    /// Words of prose, discounted by links.
    prose: f32,
    /// Cost of anything else.
    junk: f32,
    link_density: f32,
    /// A teaser of another article: a headline with its first lines.
    teaser: bool,
}

fn worth(b: &HtmlBlock, f: &Features, function_words: bool) -> Worth {
    let ld = if b.chars > 0 {
        b.link_chars as f32 / b.chars as f32
    } else {
        0.0
    };
    let words = f.words as f32;
    let mut w = Worth {
        link_density: ld,
        ..Worth::default()
    };
    // Without function words to go by (a language the cleaner has no list
    // for), prose is long text with sentence ends.
    let (prose, short_sentence) = if function_words {
        (f.is_prose(), f.is_short_sentence())
    } else {
        (
            (f.words >= 12 && (f.ends_sentence || f.sentences >= 2)) || f.words >= 30,
            f.words >= 3 && f.ends_sentence && !f.link_like,
        )
    };
    if ld < 0.5 && prose {
        w.prose = words * (1.0 - ld);
    } else if ld < 0.34 && short_sentence {
        w.prose = words * 0.5 * (1.0 - ld);
    } else {
        // Link lists cost most; short plain lines (subheadings, data) little.
        w.junk = if ld >= 0.5 {
            2.0 + (words * 0.3).min(3.0)
        } else {
            0.3 + (words * 0.05).min(1.0)
        };
    }
    w
}

fn ends_truncated(text: &str) -> bool {
    let t = text.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»')
    });
    t.ends_with("...") || t.ends_with('…')
}

/// How far up from a block a teaser card is looked for.
const CARD_DEPTH: usize = 6;
/// A card holds at most this many words of prose.
const CARD_WORDS: f32 = 100.0;

/// Marks teasers of other articles, which read like prose but are not the
/// story: a block that starts with a link (or is mostly links) and ends cut
/// short ("…"), and the prose of a
/// card whose heading is a link, when the page has several such cards.
fn mark_teasers(dom: &Dom<'_>, blocks: &[HtmlBlock], worths: &mut [Worth]) {
    let n = dom.nodes.len();
    let mut link_heads = vec![0u32; n];
    let mut words = vec![0f32; n];
    for (b, w) in blocks.iter().zip(worths.iter()) {
        if b.block.kind == BlockKind::Heading && w.link_density >= 0.8 {
            link_heads[b.owner as usize] += 1;
        }
        words[b.owner as usize] += w.prose;
    }
    for i in (1..n).rev() {
        let p = dom.nodes[i].parent as usize;
        if p < n {
            link_heads[p] += link_heads[i];
            words[p] += words[i];
        }
    }
    let mut cards: Vec<(usize, u32)> = Vec::new();
    let mut truncated: Vec<usize> = Vec::new();
    for (k, b) in blocks.iter().enumerate() {
        let w = &mut worths[k];
        let headline_first = b.starts_with_link && w.link_density >= 0.1;
        if (headline_first || w.link_density >= 0.3) && ends_truncated(&b.block.text) {
            truncated.push(k);
            continue;
        }
        if w.prose == 0.0 || b.block.kind == BlockKind::Heading {
            continue;
        }
        let mut x = b.owner;
        for _ in 0..CARD_DEPTH {
            if x == 0 || x == NONE {
                break;
            }
            if link_heads[x as usize] > 0 {
                if words[x as usize] <= CARD_WORDS {
                    cards.push((k, x));
                }
                break;
            }
            x = dom.nodes[x as usize].parent;
        }
    }
    let mut distinct: Vec<u32> = cards.iter().map(|&(_, c)| c).collect();
    distinct.sort_unstable();
    distinct.dedup();
    // Teasers come in groups.
    if distinct.len() >= 2 {
        for (k, _) in cards {
            worths[k].teaser = true;
        }
    }
    if truncated.len() >= 2 {
        for k in truncated {
            worths[k].teaser = true;
        }
    }
    for w in worths.iter_mut().filter(|w| w.teaser) {
        w.prose = 0.0;
        w.junk = 2.0;
    }
}

/// Word trigrams of a text, to tell whether a block is part of it.
struct Trigrams(std::collections::HashSet<u64>);

impl Trigrams {
    fn hashes(text: &str) -> Vec<u64> {
        use std::hash::{Hash, Hasher};
        // Words of the text, markup inside it skipped.
        let mut words = Vec::new();
        let mut in_tag = false;
        let mut word = String::new();
        for c in text.chars().chain(std::iter::once(' ')) {
            match c {
                '<' => in_tag = true,
                '>' if in_tag => in_tag = false,
                _ if in_tag => {}
                c if c.is_alphanumeric() => word.extend(c.to_lowercase()),
                _ => {
                    if !word.is_empty() {
                        words.push(std::mem::take(&mut word));
                    }
                }
            }
        }
        words
            .windows(3)
            .map(|w| {
                let mut h = std::collections::hash_map::DefaultHasher::new();
                w.hash(&mut h);
                h.finish()
            })
            .collect()
    }

    fn of(text: &str) -> Self {
        Trigrams(Self::hashes(text).into_iter().collect())
    }

    /// Most of the block's trigrams are in the text.
    fn covers(&self, block: &str) -> bool {
        let grams = Self::hashes(block);
        let known = grams.iter().filter(|g| self.0.contains(g)).count();
        !grams.is_empty() && known * 2 >= grams.len()
    }
}

/// Weighs prose by the page's own copy of its text (JSON-LD
/// `articleBody`), when the page does show that text: prose in it counts
/// double, other prose a quarter, so the body is the tightest container of
/// the declared text. (Other prose inside that container is still kept: the
/// declared copy is sometimes shorter.)
fn weigh_by_declared_body(declared: &str, blocks: &[HtmlBlock], feats: &[Features], worths: &mut [Worth]) {
    let known = Trigrams::of(declared);
    if known.0.len() < 20 || ends_truncated(declared) {
        return;
    }
    let matched: Vec<bool> = blocks.iter().map(|b| known.covers(&b.block.text)).collect();
    // How much of the declared text the page shows.
    let mut shown = std::collections::HashSet::new();
    for (b, _) in blocks.iter().zip(&matched).filter(|(_, m)| **m) {
        shown.extend(
            Trigrams::hashes(&b.block.text)
                .into_iter()
                .filter(|g| known.0.contains(g)),
        );
    }
    if shown.len() * 10 < known.0.len() * 6 {
        return;
    }
    for ((w, f), m) in worths.iter_mut().zip(feats).zip(matched) {
        if w.prose > 0.0 {
            w.prose = if m {
                w.prose + f.words as f32
            } else {
                w.prose * 0.25
            };
        }
    }
}

/// Decides which blocks are the article body.
/// `article_body` is the page's own copy of its text (JSON-LD), if any.
pub(crate) fn find(
    dom: &Dom<'_>,
    hidden: &[bool],
    blocks: &[HtmlBlock],
    lang: Lang,
    article_body: Option<&str>,
) -> Body {
    let n = dom.nodes.len();
    let feats: Vec<Features> = blocks.iter().map(|b| Features::of(&b.block, lang)).collect();
    // Does the page's language show function words the cleaner knows?
    let (stops, long): (f32, usize) = feats
        .iter()
        .filter(|f| f.words >= 10)
        .fold((0.0, 0), |(s, n), f| (s + f.stop_ratio, n + 1));
    let function_words = long == 0 || stops / long as f32 >= 0.05;
    let mut worths: Vec<Worth> = blocks
        .iter()
        .zip(&feats)
        .map(|(b, f)| worth(b, f, function_words))
        .collect();
    if let Some(declared) = article_body {
        weigh_by_declared_body(declared, blocks, &feats, &mut worths);
    }

    // Where each block sits: its main text node (inline parents count), or
    // its block element.
    let anchor: Vec<u32> = blocks
        .iter()
        .map(|b| if b.main_text != NONE { b.main_text } else { b.owner })
        .collect();

    // Subtree ranges: nodes are in document order, so a subtree is the
    // range [i, end[i]).
    let mut end: Vec<u32> = (1..=n as u32).collect();
    for i in (1..n).rev() {
        let p = dom.nodes[i].parent as usize;
        if p < n {
            end[p] = end[p].max(end[i]);
        }
    }

    mark_teasers(dom, blocks, &mut worths);

    // Prose per subtree.
    let mut prose = vec![0f32; n];
    let mut prose_blocks = vec![0u32; n];
    for (b, w) in anchor.iter().zip(&worths) {
        prose[*b as usize] += w.prose;
        if w.prose > 0.0 {
            prose_blocks[*b as usize] += 1;
        }
    }
    let hint: Vec<Hint> = (0..n as u32)
        .map(|i| {
            if hidden[i as usize] || !dom.is_element(i) {
                Hint::None
            } else {
                hints::of(dom, i)
            }
        })
        .collect();
    for i in (1..n).rev() {
        let p = dom.nodes[i].parent as usize;
        if p < n {
            prose[p] += prose[i];
            prose_blocks[p] += prose_blocks[i];
        }
    }
    // The largest prose held by a body-hinted element in each subtree.
    let mut body_prose = vec![0f32; n];
    for i in (1..n).rev() {
        if hint[i] == Hint::Body {
            body_prose[i] = body_prose[i].max(prose[i]);
        }
        let p = dom.nodes[i].parent as usize;
        if p < n {
            body_prose[p] = body_prose[p].max(body_prose[i]);
        }
    }
    let total = prose[0];

    // A furniture hint is trusted unless the element holds most of the
    // page's prose (a wrapper with an odd class), or, for comments, unless
    // it wraps a body-hinted element holding most of its prose.
    let trusted = |i: usize| -> Option<Kind> {
        let Hint::Not(kind) = hint[i] else { return None };
        let big = prose[i] > 0.5 * total && total > 0.0 && prose_blocks[i] >= 3;
        let wraps_body = body_prose[i] > 0.5 * prose[i];
        if big && (kind != Kind::Comments || wraps_body) {
            None
        } else {
            Some(kind)
        }
    };
    // The nearest trusted furniture element above each node, and the
    // nearest element with any furniture hint.
    let mut furniture = vec![NONE; n];
    let mut hinted = vec![NONE; n];
    for i in 1..n {
        let p = dom.nodes[i].parent as usize;
        let (f, h) = if p < n {
            (furniture[p], hinted[p])
        } else {
            (NONE, NONE)
        };
        furniture[i] = if trusted(i).is_some() { i as u32 } else { f };
        hinted[i] = if matches!(hint[i], Hint::Not(_)) {
            i as u32
        } else {
            h
        };
    }

    // Score: prose is worth its words, furniture's prose and junk cost.
    let mut score = vec![0f32; n];
    for (b, w) in anchor.iter().zip(&worths) {
        let v = if furniture[*b as usize] != NONE {
            -(w.prose + w.junk)
        } else {
            w.prose - w.junk
        };
        score[*b as usize] += v;
    }
    // Totals (`flat`), and totals where text counts less the deeper it
    // sits below the element (`score`), so that the body is the container
    // the story's paragraphs are grouped under, not a far ancestor that also
    // holds other prose.
    let mut flat = score.clone();
    for i in (1..n).rev() {
        let p = dom.nodes[i].parent as usize;
        if p < n {
            score[p] += DECAY * score[i];
            flat[p] += flat[i];
        }
    }
    let mut best = 0usize;
    for i in 0..n {
        if dom.is_element(i as u32) && score[i] >= score[best] && !hidden[i] {
            best = i;
        }
    }
    let found = score[best] > 0.0;
    #[cfg(test)]
    if std::env::var("HTML_DUMP").is_ok() {
        println!(
            "best {} score {} prose {} total {}",
            debug::path(dom, best as u32),
            score[best],
            prose[best],
            total
        );
    }
    // Siblings that continue the body: the story split by an advertisement
    // or a promotion into several containers of the same kind.
    let mut roots = vec![best as u32];
    let parent = dom.nodes[best].parent;
    if found && parent != NONE {
        for s in dom.children(parent) {
            let si = s as usize;
            if si == best || flat[si] <= 0.0 || trusted(si).is_some() || hint[si] != hint[best] {
                continue;
            }
            let same_kind = dom.nodes[si].tag == dom.nodes[best].tag
                && dom.attr(s, "class") == dom.attr(best as u32, "class");
            if same_kind && prose[si] >= 0.1 * prose[best] {
                roots.push(s);
            }
        }
    }
    let inside = |x: u32| roots.iter().any(|&r| r <= x && x < end[r as usize]);

    let presets = blocks
        .iter()
        .enumerate()
        .map(|(k, _b)| {
            let a = anchor[k];
            let w = worths[k];
            let f = furniture[a as usize];
            if found && inside(a) {
                if f != NONE && inside(f) {
                    return trusted(f as usize).map(removal);
                }
                if w.teaser {
                    return Some(TEASER);
                }
                if w.link_density > 0.5 && w.prose == 0.0 {
                    return Some(LINK_DENSE);
                }
                return None;
            }
            if !found {
                return None;
            }
            // Outside the body: the nearest hint names the reason.
            if let Hint::Not(kind) = hint
                .get(hinted[a as usize] as usize)
                .copied()
                .unwrap_or(Hint::None)
            {
                return Some(removal(kind));
            }
            if w.link_density > 0.5 {
                Some(LINK_LIST)
            } else {
                Some(OUTSIDE)
            }
        })
        .collect();
    Body { presets, found }
}

#[cfg(test)]
pub(crate) mod debug {
    //! `HTML_DUMP=page.html cargo test --release --lib dump -- --ignored --nocapture`
    use super::*;

    pub(crate) fn path(dom: &Dom<'_>, mut i: u32) -> String {
        let mut parts = Vec::new();
        while i != 0 && i != NONE {
            if dom.is_element(i) {
                let mut s = dom.name(dom.nodes[i as usize].tag).to_string();
                if let Some(c) = dom.attr(i, "class") {
                    s.push('.');
                    s.push_str(&c.split_whitespace().take(3).collect::<Vec<_>>().join("."));
                }
                if let Some(c) = dom.attr(i, "id") {
                    s.push('#');
                    s.push_str(c.get(..c.len().min(20)).unwrap_or(""));
                }
                match hints::of(dom, i) {
                    Hint::None => {}
                    h => s.push_str(&format!("[{h:?}]")),
                }
                parts.push(s);
            }
            i = dom.nodes[i as usize].parent;
        }
        parts.reverse();
        let k = parts.len().saturating_sub(5);
        parts[k..].join(" > ")
    }

    #[test]
    #[ignore]
    fn dump() {
        let Ok(path_) = std::env::var("HTML_DUMP") else {
            return;
        };
        let input = std::fs::read_to_string(path_).unwrap();
        let dom = Dom::parse(&input);
        let hidden = super::super::text::hidden(&dom);
        let blocks = super::super::text::blocks(&dom, &hidden);
        let lang = crate::lang::detect(blocks.iter().map(|b| b.block.text.as_str()));
        let found = super::super::meta::find(&dom, &hidden);
        let body = find(&dom, &hidden, &blocks, lang, found.article_body.as_deref());
        for (b, p) in blocks.iter().zip(&body.presets) {
            let t: String = b.block.text.chars().take(70).collect();
            println!(
                "{} {:<14} {:<70} | {}",
                if p.is_some() { "R" } else { "K" },
                p.as_ref().map_or("", |p| p.rule),
                t,
                path(&dom, if b.main_text != NONE { b.main_text } else { b.owner })
            );
        }
    }
}
