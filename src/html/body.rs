//! Finding the article body. Every block gets a worth (prose is worth its
//! words, anything else costs a little, link lists and teasers more); worth
//! adds up the tree, counting less the deeper it sits, and the element with
//! the highest total is the body: the container the story's paragraphs are
//! grouped under. Elements that say what they are (comments, related links,
//! share bars, by their tag, role or class) turn the prose they hold into a
//! cost. Then each block gets its verdict: kept, or removed with the reason
//! its surroundings give.

use std::collections::HashSet;

use super::dom::{Dom, NONE};
use super::hints::{self, Hint, Kind};
use super::text::HtmlBlock;
use crate::blocks::{BlockKind, Markup, Removal};
use crate::clean::features::Features;
use crate::clean::rules;
use crate::lang::Lang;

/// The reader's verdicts.
pub(crate) struct Body {
    /// One per block: `None` keeps it.
    pub presets: Vec<Option<Removal>>,
    /// A body was found.
    pub found: bool,
    /// What the markup says of each block.
    pub markup: Vec<Markup>,
}

/// How much less a block counts for an element one level further up.
const DECAY: f32 = 0.9;
/// How far up from a block a teaser card is looked for.
const CARD_DEPTH: usize = 6;
/// A teaser card holds at most this many words of prose.
const CARD_WORDS: f32 = 100.0;

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

/// Decides which blocks are the article body. `article_body` is the page's
/// own copy of its text (JSON-LD), if it gives one.
pub(crate) fn find(
    dom: &Dom<'_>,
    hidden: &[bool],
    blocks: &[HtmlBlock],
    lang: Lang,
    article_body: Option<&str>,
) -> Body {
    let mut worths = worths(blocks, lang);
    if let Some(declared) = article_body {
        weigh_by_declared_body(declared, blocks, &mut worths);
    }
    mark_teasers(dom, blocks, &mut worths);
    let tree = Tree::new(dom, hidden, blocks, &worths);
    let Some(best) = tree.best() else {
        return Body {
            presets: vec![None; blocks.len()],
            found: false,
            markup: markup(&tree, blocks, &worths, None),
        };
    };
    let in_body = tree.body_from(best);
    let mut presets: Vec<Option<Removal>> = blocks
        .iter()
        .zip(&worths)
        .map(|(b, w)| tree.verdict(anchor(b), w, &in_body))
        .collect();
    cut_sections(&tree, blocks, &worths, &mut presets);
    Body {
        presets,
        found: true,
        markup: markup(&tree, blocks, &worths, Some((best, &in_body))),
    }
}

/// The furniture slot of a kind (see [`Markup::FURNITURE`]).
fn furniture_slot(kind: Kind) -> u8 {
    match kind {
        Kind::Comments => 1,
        Kind::Related => 2,
        Kind::Advertisement => 3,
        Kind::Share => 4,
        Kind::Navigation => 5,
        Kind::Newsletter | Kind::Cookie | Kind::Form => 6,
        Kind::Header | Kind::Footer | Kind::Sidebar => 7,
        Kind::Meta => 8,
        Kind::Caption => 9,
    }
}

fn tag_group(tag: super::dom::Tag) -> u8 {
    use super::dom::t;
    match tag {
        t::P => 1,
        t::LI | t::DT | t::DD => 2,
        t::TD | t::TH => 3,
        t::H1 | t::H2 | t::H3 | t::H4 | t::H5 | t::H6 => 4,
        t::BLOCKQUOTE | t::PRE => 5,
        t::FIGCAPTION | t::CAPTION => 6,
        _ => 0,
    }
}

/// What the markup says of every block: the signals the learned labeller
/// reads beside the text. `body`: the chosen element and its subtree.
fn markup(
    tree: &Tree<'_, '_>,
    blocks: &[HtmlBlock],
    worths: &[Worth],
    body: Option<(usize, &[bool])>,
) -> Vec<Markup> {
    let dom = tree.dom;
    let n = dom.nodes.len();
    let mut depth = vec![0i32; n];
    for i in 1..n {
        let p = dom.nodes[i].parent as usize;
        if p < n {
            depth[i] = depth[p] + 1;
        }
    }
    let mut body_hinted = vec![false; n];
    for i in 1..n {
        let p = dom.nodes[i].parent as usize;
        body_hinted[i] = tree.hint[i] == Hint::Body || (p < n && body_hinted[p]);
    }
    blocks
        .iter()
        .zip(worths)
        .map(|(b, w)| {
            let a = anchor(b) as usize;
            let hinted = tree.hinted[a];
            let furniture = match tree.hint.get(hinted as usize) {
                Some(Hint::Not(kind)) => furniture_slot(*kind),
                _ => 0,
            };
            let (in_body, depth) = match body {
                Some((best, inside)) => (inside[a], (depth[a] - depth[best]).clamp(-100, 100) as i16),
                None => (false, 0),
            };
            Markup {
                in_body,
                body_hint: body_hinted[a],
                link_density: w.link_density,
                starts_with_link: b.starts_with_link,
                teaser: w.teaser,
                furniture,
                trusted: tree.furniture[a] != NONE,
                tag: tag_group(b.tag),
                depth,
            }
        })
        .collect()
}

/// A section heading inside the body ("Comments", "Related stories", "Most
/// read") takes the rest of its container with it, until long prose resumes
/// (comments and disclaimers: to the container's end). The cleaner's named
/// rules say which headings start a section.
fn cut_sections(
    tree: &Tree<'_, '_>,
    blocks: &[HtmlBlock],
    worths: &[Worth],
    presets: &mut [Option<Removal>],
) {
    let dom = tree.dom;
    // The open section: its rule and the end of its container's subtree.
    let mut open: Option<(&'static rules::Rule, u32)> = None;
    for (k, b) in blocks.iter().enumerate() {
        if open.is_some_and(|(_, end)| b.owner >= end) {
            open = None;
        }
        if presets[k].is_some() {
            continue;
        }
        let w = &worths[k];
        if w.words <= 12.0 && w.prose == 0.0 {
            if let Some(rule) = rules::find_in(&b.block.text, w.words as usize).filter(|r| r.section) {
                let container = dom.nodes[b.owner as usize].parent;
                if container != NONE {
                    open = Some((rule, tree.end[container as usize]));
                }
                continue;
            }
        }
        let Some((rule, _)) = open else { continue };
        let to_the_end = matches!(rule.name, "legal-disclaimer" | "comments");
        if !to_the_end && w.prose > 0.0 && w.words >= 30.0 {
            open = None;
            continue;
        }
        presets[k] = Some(Removal {
            reason: rule.reason,
            rule: rule.name,
        });
    }
}

/// Where a block sits: its main text node (so that inline parents count),
/// or its block element.
fn anchor(b: &HtmlBlock) -> u32 {
    if b.main_text != NONE {
        b.main_text
    } else {
        b.owner
    }
}

/// What one block is worth to the container that holds it.
#[derive(Clone, Copy, Debug, Default)]
struct Worth {
    /// Words of prose, discounted by links.
    prose: f32,
    /// Cost of anything else.
    junk: f32,
    words: f32,
    link_density: f32,
    /// A teaser of another article: a headline with its first lines.
    teaser: bool,
}

fn worths(blocks: &[HtmlBlock], lang: Lang) -> Vec<Worth> {
    let feats: Vec<Features> = blocks.iter().map(|b| Features::of(&b.block, lang)).collect();
    // Does the page's language show function words the cleaner knows?
    let (stops, long) = feats
        .iter()
        .filter(|f| f.words >= 10)
        .fold((0.0f32, 0usize), |(s, n), f| (s + f.stop_ratio, n + 1));
    let function_words = long == 0 || stops / long as f32 >= 0.05;
    blocks
        .iter()
        .zip(&feats)
        .map(|(b, f)| worth(b, f, function_words))
        .collect()
}

fn worth(b: &HtmlBlock, f: &Features, function_words: bool) -> Worth {
    let ld = if b.chars > 0 {
        b.link_chars as f32 / b.chars as f32
    } else {
        0.0
    };
    let words = f.words as f32;
    let mut w = Worth {
        words,
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

/// Marks teasers of other articles, which read like prose but are not the
/// story: blocks that start with a link (or are mostly links) and end cut
/// short ("…"), and the prose of cards whose heading is a link. Teasers
/// come in groups: a lone one is left alone.
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
        let w = &worths[k];
        let headline_first = b.starts_with_link && w.link_density >= 0.1;
        if (headline_first || w.link_density >= 0.3) && ends_truncated(&b.block.text) {
            truncated.push(k);
            continue;
        }
        if w.prose == 0.0 || b.block.kind == BlockKind::Heading {
            continue;
        }
        // The nearest element above that holds a linked heading: the card.
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
    let mut teasers = Vec::new();
    if distinct.len() >= 2 {
        teasers.extend(cards.iter().map(|&(k, _)| k));
    }
    if truncated.len() >= 2 {
        teasers.extend(truncated);
    }
    for k in teasers {
        let w = &mut worths[k];
        w.teaser = true;
        w.prose = 0.0;
        w.junk = 2.0;
    }
}

/// Word trigrams of a text, to tell whether a block is part of it.
struct Trigrams(HashSet<u64>);

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

    /// The trigrams of `block` that are in the text, when they are most of
    /// them.
    fn covered(&self, block: &str) -> Option<Vec<u64>> {
        let grams = Self::hashes(block);
        let known: Vec<u64> = grams.iter().copied().filter(|g| self.0.contains(g)).collect();
        (!grams.is_empty() && known.len() * 2 >= grams.len()).then_some(known)
    }
}

/// Weighs prose by the page's own copy of its text (JSON-LD `articleBody`),
/// when the page does show most of that text: prose in it counts double,
/// other prose a quarter, so the body is the tightest container of the
/// declared text. (Other prose inside that container is still kept: the
/// declared copy is sometimes shorter.) A copy cut short ("…") is no
/// evidence.
fn weigh_by_declared_body(declared: &str, blocks: &[HtmlBlock], worths: &mut [Worth]) {
    let known = Trigrams::of(declared);
    if known.0.len() < 20 || ends_truncated(declared) {
        return;
    }
    let mut shown = HashSet::new();
    let matched: Vec<bool> = blocks
        .iter()
        .map(|b| match known.covered(&b.block.text) {
            Some(grams) => {
                shown.extend(grams);
                true
            }
            None => false,
        })
        .collect();
    if shown.len() * 10 < known.0.len() * 6 {
        return;
    }
    for (w, m) in worths.iter_mut().zip(matched) {
        if w.prose > 0.0 {
            w.prose = if m { w.prose + w.words } else { w.prose * 0.25 };
        }
    }
}

/// The blocks' worth added up the tree, with what elements say they are.
struct Tree<'d, 'a> {
    dom: &'d Dom<'a>,
    hidden: &'d [bool],
    hint: Vec<Hint>,
    /// Prose words per subtree, and prose blocks.
    prose: Vec<f32>,
    prose_blocks: Vec<u32>,
    /// The most prose a body-hinted element in the subtree holds.
    body_prose: Vec<f32>,
    /// The nearest trusted furniture element at or above each node.
    furniture: Vec<u32>,
    /// The nearest element with any furniture hint at or above each node.
    hinted: Vec<u32>,
    /// The end of each subtree: nodes are in document order, so the subtree
    /// of `i` is `i..end[i]`.
    end: Vec<u32>,
    /// Worth per subtree: `flat` adds up, `score` decays with depth.
    flat: Vec<f32>,
    score: Vec<f32>,
}

impl<'d, 'a> Tree<'d, 'a> {
    fn new(dom: &'d Dom<'a>, hidden: &'d [bool], blocks: &[HtmlBlock], worths: &[Worth]) -> Self {
        let n = dom.nodes.len();
        let parent = |i: usize| dom.nodes[i].parent as usize;
        let mut tokens = hints::Tokens::default();
        let hint: Vec<Hint> = (0..n as u32)
            .map(|i| {
                if hidden[i as usize] || !dom.is_element(i) {
                    Hint::None
                } else {
                    hints::of_with(dom, i, &mut tokens)
                }
            })
            .collect();
        let mut t = Tree {
            dom,
            hidden,
            hint,
            prose: vec![0.0; n],
            prose_blocks: vec![0; n],
            body_prose: vec![0.0; n],
            furniture: vec![NONE; n],
            hinted: vec![NONE; n],
            end: (1..=n as u32).collect(),
            flat: vec![0.0; n],
            score: vec![0.0; n],
        };
        for (b, w) in blocks.iter().zip(worths) {
            let a = anchor(b) as usize;
            t.prose[a] += w.prose;
            t.prose_blocks[a] += u32::from(w.prose > 0.0);
        }
        // Children come after their parent: a reverse pass adds up.
        for i in (1..n).rev() {
            let p = parent(i);
            if t.hint[i] == Hint::Body {
                t.body_prose[i] = t.body_prose[i].max(t.prose[i]);
            }
            if p < n {
                t.end[p] = t.end[p].max(t.end[i]);
                t.prose[p] += t.prose[i];
                t.prose_blocks[p] += t.prose_blocks[i];
                t.body_prose[p] = t.body_prose[p].max(t.body_prose[i]);
            }
        }
        // A forward pass hands down the nearest furniture.
        for i in 1..n {
            let (f, h) = match parent(i) {
                p if p < n => (t.furniture[p], t.hinted[p]),
                _ => (NONE, NONE),
            };
            t.furniture[i] = if t.trusted(i).is_some() { i as u32 } else { f };
            t.hinted[i] = if matches!(t.hint[i], Hint::Not(_)) {
                i as u32
            } else {
                h
            };
        }
        // Prose is worth its words; inside furniture, prose and junk cost.
        for (b, w) in blocks.iter().zip(worths) {
            let a = anchor(b) as usize;
            t.flat[a] += if t.furniture[a] != NONE {
                -(w.prose + w.junk)
            } else {
                w.prose - w.junk
            };
        }
        t.score = t.flat.clone();
        for i in (1..n).rev() {
            let p = parent(i);
            if p < n {
                t.score[p] += DECAY * t.score[i];
                t.flat[p] += t.flat[i];
            }
        }
        t
    }

    /// The kind of furniture an element says it is, if that is believable:
    /// not when it holds most of the page's prose (a wrapper with an odd
    /// class), and for comments, not when it also wraps a body-hinted
    /// element holding most of its prose.
    fn trusted(&self, i: usize) -> Option<Kind> {
        let Hint::Not(kind) = self.hint[i] else {
            return None;
        };
        let total = self.prose[0];
        let big = total > 0.0 && self.prose[i] > 0.5 * total && self.prose_blocks[i] >= 3;
        let wraps_body = self.body_prose[i] > 0.5 * self.prose[i];
        if big && (kind != Kind::Comments || wraps_body) {
            None
        } else {
            Some(kind)
        }
    }

    /// The element with the highest score, if any scores above zero.
    fn best(&self) -> Option<usize> {
        let mut best = 0usize;
        for i in 0..self.score.len() {
            if self.dom.is_element(i as u32) && !self.hidden[i] && self.score[i] >= self.score[best] {
                best = i;
            }
        }
        #[cfg(test)]
        if std::env::var("HTML_DUMP").is_ok() {
            println!(
                "best {} score {}",
                debug::path(self.dom, best as u32),
                self.score[best]
            );
        }
        (self.score[best] > 0.0).then_some(best)
    }

    /// Which nodes are in the body: the best element's subtree, and those
    /// of siblings that continue it (the story split by an advertisement or
    /// a promotion into containers of the same kind).
    fn body_from(&self, best: usize) -> Vec<bool> {
        let dom = self.dom;
        let n = dom.nodes.len();
        let mut root = vec![false; n];
        root[best] = true;
        let parent = dom.nodes[best].parent;
        if parent != NONE {
            for s in dom.children(parent) {
                let si = s as usize;
                let same_kind = self.hint[si] == self.hint[best]
                    && dom.nodes[si].tag == dom.nodes[best].tag
                    && dom.attr(s, "class") == dom.attr(best as u32, "class");
                if same_kind
                    && self.flat[si] > 0.0
                    && self.trusted(si).is_none()
                    && self.prose[si] >= 0.1 * self.prose[best]
                {
                    root[si] = true;
                }
            }
        }
        let mut inside = root;
        for i in 1..n {
            let p = dom.nodes[i].parent as usize;
            if p < n && inside[p] {
                inside[i] = true;
            }
        }
        inside
    }

    /// The verdict on a block sitting at node `a`.
    fn verdict(&self, a: u32, w: &Worth, in_body: &[bool]) -> Option<Removal> {
        let a = a as usize;
        if in_body[a] {
            let f = self.furniture[a];
            if f != NONE && in_body[f as usize] {
                return self.trusted(f as usize).map(removal);
            }
            if w.teaser {
                return Some(TEASER);
            }
            if w.link_density > 0.5 && w.prose == 0.0 {
                return Some(LINK_DENSE);
            }
            return None;
        }
        // Outside the body: the nearest hint names the reason.
        if let Some(Hint::Not(kind)) = self.hint.get(self.hinted[a] as usize) {
            return Some(removal(*kind));
        }
        Some(if w.link_density > 0.5 { LINK_LIST } else { OUTSIDE })
    }
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
