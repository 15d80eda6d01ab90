//! The learned block labeller: every block of a page described by numeric
//! features of itself and of its neighbours, scored by a linear model, and
//! the whole page labelled keep/drop by a Viterbi pass that charges a cost
//! for every switch, so that the article comes out as few long runs.
//!
//! The weights are learned (`train-cleaner`, see the README's "Cleaning
//! model") and shipped as numbers only: the features are generic counts,
//! ratios, positions and the project's own rule table, never words learned
//! from the data.

use super::features::Features;
use super::rules::Rule;
use crate::blocks::{Block, BlockKind, Markup};
use crate::words::FastMap;

/// What the labeller knows of one page, beyond the block features.
pub(crate) struct Context<'a> {
    pub blocks: &'a [Block],
    pub features: &'a [Features],
    pub matched: &'a [Option<&'static Rule>],
    /// The rule-based verdict of every block: kept or not.
    pub rule_keep: &'a [bool],
    /// Inside the body region the densest-prose search found.
    pub in_region: &'a [bool],
    /// After a trailing-section heading ("Comments", "Related stories").
    pub in_section: &'a [bool],
    pub timestamp: &'a [bool],
    /// What the HTML markup says of each block (empty for text).
    pub markup: &'a [Markup],
}

/// Features of a block on its own.
const OWN: usize = 33;
/// Features of each neighbour.
const NEIGHBOUR: usize = 14;
/// Neighbours read on each side.
const REACH: usize = 2;
/// Features of the block's place in the page.
const PLACE: usize = 12;
/// Features of the block's markup (HTML only; zero for text).
const MARKUP: usize = 6 + Markup::FURNITURE + (Markup::TAGS - 1) + 3;
/// Length of a block's feature vector: the block's own features twice
/// (once as they are, once only when the rules keep the block, so that the
/// model learns apart how to correct the rules' keeps and their drops),
/// then its neighbours, its place and its markup.
pub(crate) const DIM: usize = 2 * OWN + 2 * REACH * NEIGHBOUR + PLACE + MARKUP;

/// The decoder's two constants, chosen on dev for each kind of input.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Decoder {
    /// What the decoder pays for each switch between kept and dropped.
    pub switch: f32,
    /// Added to every score: the threshold between keep and drop.
    pub bias: f32,
}

/// The scorer's weights and the decoder's constants for pasted text and
/// for HTML.
pub(crate) struct Weights<'a> {
    pub w: &'a [f32],
    pub text: Decoder,
    pub html: Decoder,
}

/// The shipped weights.
pub(crate) fn shipped() -> Weights<'static> {
    use crate::clean::weights as shipped;
    Weights {
        w: &shipped::W,
        text: Decoder {
            switch: shipped::SWITCH,
            bias: shipped::BIAS,
        },
        html: Decoder {
            switch: shipped::HTML_SWITCH,
            bias: shipped::HTML_BIAS,
        },
    }
}

impl Weights<'_> {
    /// The decoder for a page: HTML when the page has markup signals.
    fn decoder(&self, cx: &Context<'_>) -> Decoder {
        if cx.markup.is_empty() {
            self.text
        } else {
            self.html
        }
    }
}

fn b(x: bool) -> f32 {
    f32::from(u8::from(x))
}

fn log_words(w: usize) -> f32 {
    ((w as f32) + 1.0).ln() / 5.0
}

/// The project's own rule table, grouped: what kind of marker fired.
fn rule_group(rule: &Rule) -> usize {
    match rule.name {
        "comments" | "comment-author" => 0,
        "tag-list" | "legal-disclaimer" | "copyright" | "author-bio" => 1,
        "related" | "most-popular" | "newsletter" | "subscription" => 2,
        "share" | "advertisement" | "cookie-notice" | "navigation" => 3,
        _ => 4,
    }
}

/// Every block's feature vector, `DIM` numbers a block, in block order.
#[cfg(feature = "train")]
pub(crate) fn vectors(cx: &Context<'_>) -> Vec<f32> {
    let mut out = Vec::with_capacity(cx.blocks.len() * DIM);
    each_vector(cx, |v| out.extend_from_slice(v));
    out
}

/// Every block's score under `w`, in block order (the vectors are made one
/// at a time, never all held: a huge paste has a million blocks).
pub(crate) fn scores(cx: &Context<'_>, w: &Weights<'_>) -> Vec<f32> {
    let mut out = Vec::with_capacity(cx.blocks.len());
    let bias = w.decoder(cx).bias;
    each_vector(cx, |v| out.push(score(w.w, v) + bias));
    out
}

/// Calls `emit` with each block's feature vector, in block order.
fn each_vector(cx: &Context<'_>, mut emit: impl FnMut(&[f32; DIM])) {
    let n = cx.blocks.len();
    let total_words: usize = cx.features.iter().map(|f| f.words).sum::<usize>().max(1);
    let prose: Vec<bool> = cx.features.iter().map(Features::is_prose).collect();
    let prose_words: Vec<usize> = cx
        .features
        .iter()
        .zip(&prose)
        .map(|(f, &p)| if p { f.words } else { 0 })
        .collect();
    let total_prose = prose_words.iter().sum::<usize>().max(1);
    // How often each short text recurs in the page (menus, teaser labels).
    let mut counts: FastMap<&str, u32> = FastMap::default();
    for blk in cx.blocks {
        if blk.text.len() <= 200 {
            *counts.entry(blk.text.as_str()).or_insert(0) += 1;
        }
    }
    let first_region = cx.in_region.iter().position(|&x| x).unwrap_or(n);
    let last_region = cx.in_region.iter().rposition(|&x| x).unwrap_or(0);
    let mut before = 0usize;
    // Length of the run of prose blocks each block is in, and the blocks
    // since the last prose block.
    let mut run_len = vec![0usize; n];
    let mut i = 0;
    while i < n {
        if prose[i] {
            let start = i;
            while i < n && prose[i] {
                i += 1;
            }
            for r in &mut run_len[start..i] {
                *r = i - start;
            }
        } else {
            i += 1;
        }
    }
    let repeated: Vec<bool> = cx
        .blocks
        .iter()
        .map(|blk| counts.get(blk.text.as_str()).is_some_and(|&c| c > 1))
        .collect();
    // Marks of a comment thread or a teaser list: bylines, timestamps and
    // repeated lines ("Reply"), counted in a window around each block.
    let marks: Vec<usize> = (0..n)
        .map(|j| {
            let f = &cx.features[j];
            usize::from(f.byline || f.ends_colon || f.glued || cx.timestamp[j] || repeated[j])
        })
        .collect();
    let mut marks_before = vec![0usize; n + 1];
    for j in 0..n {
        marks_before[j + 1] = marks_before[j] + marks[j];
    }
    let window = |lo: usize, hi: usize| (marks_before[hi.min(n)] - marks_before[lo]) as f32;
    let mut since_prose = 0usize;
    for i in 0..n {
        let f = &cx.features[i];
        let blk = &cx.blocks[i];
        let rule = cx.matched[i];
        let mut v = [0f32; DIM];
        // Own features.
        v[0] = 1.0;
        v[1] = log_words(f.words);
        v[2] = f.stop_ratio;
        v[3] = b(f.ends_sentence);
        v[4] = (f.sentences.min(10) as f32) / 10.0;
        v[5] = f.cap_ratio;
        v[6] = (f.digit_ratio * 5.0).min(1.0);
        v[7] = b(f.list_item);
        v[8] = b(f.link_like);
        v[9] = b(f.contact);
        v[10] = b(f.byline);
        v[11] = b(f.starts_lower);
        v[12] = b(prose[i]);
        v[13] = b(f.is_short_sentence());
        v[14] = b(cx.timestamp[i]);
        v[15] = b(blk.kind == BlockKind::Heading);
        v[16] = b(rule.is_some());
        v[17] = b(rule.is_some_and(|r| r.section));
        if let Some(r) = rule {
            v[18 + rule_group(r)] = 1.0;
        }
        v[23] = b(cx.rule_keep[i]);
        v[24] = b(cx.in_region[i]);
        v[25] = b(cx.in_section[i]);
        v[26] = (f.words as f32 / total_words as f32 * 10.0).min(1.0);
        v[27] = b(repeated[i]);
        v[28] = b(f.words <= 3);
        v[29] = b(f.words >= 40);
        v[30] = b(blk.preset.is_some());
        v[31] = b(f.ends_colon);
        v[32] = b(f.glued);
        if cx.rule_keep[i] {
            let (own, kept) = v.split_at_mut(OWN);
            kept[..OWN].copy_from_slice(own);
        }
        // Neighbours.
        let mut at = 2 * OWN;
        for d in 1..=REACH {
            for j in [i.checked_sub(d), Some(i + d).filter(|&j| j < n)] {
                if let Some(j) = j {
                    let g = &cx.features[j];
                    v[at] = 1.0;
                    v[at + 1] = log_words(g.words);
                    v[at + 2] = b(prose[j]);
                    v[at + 3] = b(g.list_item || g.link_like);
                    v[at + 4] = b(g.ends_sentence);
                    v[at + 5] = b(cx.rule_keep[j]);
                    v[at + 6] = b(cx.matched[j].is_some());
                    v[at + 7] = b(g.byline);
                    v[at + 8] = b(cx.timestamp[j]);
                    v[at + 9] = b(repeated[j]);
                    if let Some(m) = cx.markup.get(j) {
                        v[at + 10] = b(m.in_body);
                        v[at + 11] = m.link_density;
                        v[at + 12] = b(m.furniture != 0);
                        v[at + 13] = b(cx.blocks[j].preset.is_some());
                    }
                }
                at += NEIGHBOUR;
            }
        }
        // Place in the page.
        let pos = if n > 1 { i as f32 / (n - 1) as f32 } else { 0.0 };
        v[at] = pos;
        v[at + 1] = pos * pos;
        v[at + 2] = before as f32 / total_prose as f32;
        before += prose_words[i];
        v[at + 3] = b(i < first_region);
        v[at + 4] = b(i > last_region);
        v[at + 5] = log_words(run_len[i]);
        v[at + 6] = log_words(since_prose);
        v[at + 7] = b(i < first_region && first_region - i <= 3);
        v[at + 8] = b(i > last_region && i - last_region <= 3);
        v[at + 9] = log_words(n) / 2.0;
        v[at + 10] = window(i.saturating_sub(5), i + 6) / 11.0;
        v[at + 11] = window(i, n) / (n - i) as f32;
        since_prose = if prose[i] { 0 } else { since_prose + 1 };
        if let Some(m) = cx.markup.get(i) {
            let at = at + PLACE;
            v[at] = 1.0;
            v[at + 1] = b(m.in_body);
            v[at + 2] = b(m.body_hint);
            v[at + 3] = m.link_density;
            v[at + 4] = b(m.starts_with_link);
            v[at + 5] = b(m.teaser);
            let at = at + 6;
            if m.furniture != 0 {
                v[at + usize::from(m.furniture - 1).min(Markup::FURNITURE - 1)] = 1.0;
            }
            let at = at + Markup::FURNITURE;
            if m.tag != 0 {
                v[at + usize::from(m.tag - 1).min(Markup::TAGS - 2)] = 1.0;
            }
            let at = at + Markup::TAGS - 1;
            v[at] = b(m.trusted);
            v[at + 1] = f32::from(m.depth.clamp(-5, 10)) / 10.0;
            v[at + 2] = b(blk.preset.is_some());
        }
        emit(&v);
    }
}

/// Hidden units of the scorer.
pub(crate) const HIDDEN: usize = 16;
/// Length of the weights: the hidden layer (`HIDDEN` rows of `DIM`
/// weights, then `HIDDEN` biases), the output layer (`HIDDEN` weights and
/// a bias).
pub(crate) const WEIGHTS: usize = HIDDEN * DIM + 2 * HIDDEN + 1;

/// The score of one block: the model's log-odds that it is article text,
/// from a network with one hidden layer of `tanh` units.
pub(crate) fn score(w: &[f32], v: &[f32]) -> f32 {
    if w.len() != WEIGHTS {
        return 0.0;
    }
    let (rows, rest) = w.split_at(HIDDEN * DIM);
    let (biases, out) = rest.split_at(HIDDEN);
    let mut z = out[HIDDEN];
    for ((row, b), o) in rows.chunks_exact(DIM).zip(biases).zip(out) {
        let a: f32 = row.iter().zip(v).map(|(r, x)| r * x).sum::<f32>() + b;
        z += o * a.tanh();
    }
    z
}

/// Labels a page: keep/drop per block, the best path where a kept block
/// earns its score and every switch costs `switch`.
pub(crate) fn label(w: &Weights<'_>, cx: &Context<'_>) -> Vec<bool> {
    let scores = scores(cx, w);
    let mut labels = viterbi(&scores, w.decoder(cx).switch);
    if !labels.contains(&true) {
        // A page always has an article: the run with the best total score.
        if let Some((start, end)) = best_run(&scores) {
            labels[start..end].fill(true);
        }
    }
    labels
}

/// The run of blocks with the highest total score (maximum-sum subarray;
/// the single best block when none scores above zero).
fn best_run(scores: &[f32]) -> Option<(usize, usize)> {
    let mut best: Option<(f32, usize, usize)> = None;
    let mut sum = 0f32;
    let mut start = 0usize;
    for (i, &s) in scores.iter().enumerate() {
        if sum <= 0.0 {
            sum = 0.0;
            start = i;
        }
        sum += s;
        if best.is_none_or(|b| sum > b.0) {
            best = Some((sum, start, i + 1));
        }
    }
    best.map(|(_, s, e)| (s, e))
}

/// Two-state Viterbi: state 1 (keep) earns the score, state 0 nothing;
/// changing state costs `switch`. The page starts and ends dropped.
pub(crate) fn viterbi(scores: &[f32], switch: f32) -> Vec<bool> {
    let n = scores.len();
    if n == 0 {
        return Vec::new();
    }
    // back[i][s]: the state before i on the best path into state s at i.
    let mut back = vec![[0u8; 2]; n];
    let mut best = [0f32, -switch];
    for (i, &s) in scores.iter().enumerate() {
        let mut next = [0f32; 2];
        for state in 0..2 {
            let stay = best[state];
            let cross = best[1 - state] - switch;
            let (value, from) = if stay >= cross {
                (stay, state)
            } else {
                (cross, 1 - state)
            };
            next[state] = value + if state == 1 { s } else { 0.0 };
            back[i][state] = from as u8;
        }
        best = next;
    }
    let mut state = if best[1] - switch > best[0] { 1 } else { 0 };
    let mut out = vec![false; n];
    for i in (0..n).rev() {
        out[i] = state == 1;
        state = usize::from(back[i][state]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn viterbi_prefers_one_run() {
        // A lone weak drop inside a run stays kept when switching costs more.
        let s = [-3.0, 4.0, 5.0, -0.5, 6.0, -4.0];
        assert_eq!(viterbi(&s, 1.0), [false, true, true, true, true, false]);
        assert_eq!(viterbi(&s, 0.0), [false, true, true, false, true, false]);
        // A weak keep alone among drops goes.
        assert_eq!(viterbi(&[-2.0, 0.5, -2.0], 1.0), [false, false, false]);
        assert!(viterbi(&[], 1.0).is_empty());
    }

    #[test]
    fn best_run_finds_the_densest_stretch() {
        assert_eq!(best_run(&[-1.0, 2.0, -0.5, 3.0, -9.0, 4.0]), Some((1, 4)));
        assert_eq!(best_run(&[-3.0, -1.0, -2.0]), Some((1, 2)));
        assert_eq!(best_run(&[]), None);
    }

    #[test]
    fn shipped_weights_fit_the_features() {
        assert_eq!(shipped().w.len(), WEIGHTS);
    }
}
