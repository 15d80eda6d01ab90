//! Stage 3, cleaning: [`Blocks`] → [`Cleaned`]: boilerplate removed by named
//! rules and a prose classifier, title and byline set apart, repeated
//! paragraphs removed. Every block ends up kept, or removed with a reason.

mod boilerplate;
pub(crate) use boilerplate::is_timestamp;
mod dedup;
pub(crate) mod features;
pub(crate) mod model;
pub(crate) mod rules;
#[cfg(feature = "train")]
pub(crate) mod train;
// Written by `train-cleaner` and checked byte for byte: not reformatted.
#[rustfmt::skip]
#[allow(clippy::excessive_precision)]
#[path = "../data/clean/weights.rs"]
mod weights;

use crate::blocks::{Block, Blocks, Removal};
use crate::lang::{self, Lang};
use crate::meta::{self, Meta};
use crate::options::Options;
use features::Features;

/// What happens to one block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Verdict {
    Keep,
    Title,
    Byline,
    Remove(Removal),
    /// A repeat of the block with this index (into the input's blocks).
    Duplicate(usize),
}

/// A removed block and why.
#[derive(Clone, Debug)]
pub(crate) struct Removed {
    pub block: Block,
    pub reason: &'static str,
    pub rule: Option<&'static str>,
    /// Index into [`Cleaned::kept`] of the paragraph this one repeats.
    pub duplicate_of: Option<usize>,
}

/// The article once cleaned.
pub(crate) struct Cleaned {
    pub lang: Lang,
    pub meta: Meta,
    /// The article's paragraphs, in input order, each once.
    pub kept: Vec<Block>,
    /// Everything else, in input order.
    pub removed: Vec<Removed>,
    pub warnings: Vec<String>,
}

/// Cleans the blocks of a document with the shipped labeller.
pub(crate) fn clean(blocks: Blocks, options: &Options) -> Cleaned {
    clean_with(blocks, options, Some(&model::shipped()))
}

/// Cleans the blocks of a document; `model` labels pages with chrome (none:
/// the rules and the densest-prose search alone).
pub(crate) fn clean_with(blocks: Blocks, options: &Options, model: Option<&model::Weights<'_>>) -> Cleaned {
    let Blocks {
        blocks,
        markup,
        body_known,
        meta: page_meta,
        warnings,
    } = blocks;
    let lang = lang::detect(blocks.iter().map(|b| b.text.as_str()));
    if options.raw {
        return Cleaned {
            lang,
            meta: Meta::from_page(page_meta),
            kept: blocks,
            removed: Vec::new(),
            warnings,
        };
    }
    let features: Vec<Features> = blocks.iter().map(|b| Features::of(b, lang)).collect();
    let (mut verdicts, _) = boilerplate::classify(&blocks, &features, &markup, body_known, model, false);
    let meta = meta::find(&blocks, &features, &mut verdicts, page_meta);
    dedup::mark(&blocks, &mut verdicts);
    assemble(lang, meta, blocks, verdicts, warnings)
}

/// A page as the labeller sees it: the blocks and their feature vectors,
/// when the page has chrome (else the labeller does not apply).
#[cfg(feature = "train")]
pub(crate) fn vectors_of(blocks: &Blocks) -> Option<Vec<f32>> {
    let lang = lang::detect(blocks.blocks.iter().map(|b| b.text.as_str()));
    let features: Vec<Features> = blocks.blocks.iter().map(|b| Features::of(b, lang)).collect();
    boilerplate::classify(
        &blocks.blocks,
        &features,
        &blocks.markup,
        blocks.body_known,
        None,
        true,
    )
    .1
}

fn assemble(
    lang: Lang,
    meta: Meta,
    blocks: Vec<Block>,
    verdicts: Vec<Verdict>,
    warnings: Vec<String>,
) -> Cleaned {
    let mut kept = Vec::new();
    let mut removed = Vec::new();
    // Index of each kept block among the kept ones, by block index.
    let mut kept_index = vec![usize::MAX; blocks.len()];
    for (i, (block, verdict)) in blocks.into_iter().zip(verdicts).enumerate() {
        match verdict {
            Verdict::Keep => {
                kept_index[i] = kept.len();
                kept.push(block);
            }
            Verdict::Title | Verdict::Byline => {}
            Verdict::Remove(r) => removed.push(Removed {
                block,
                reason: r.reason,
                rule: Some(r.rule),
                duplicate_of: None,
            }),
            Verdict::Duplicate(of) => removed.push(Removed {
                block,
                reason: "duplicate",
                rule: None,
                duplicate_of: kept_index.get(of).copied().filter(|&k| k != usize::MAX),
            }),
        }
    }
    Cleaned {
        lang,
        meta,
        kept,
        removed,
        warnings,
    }
}
