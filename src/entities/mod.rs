//! Stage 5, entities: [`Sentences`] → [`Entities`]: people, organisations,
//! places, groups, dates and numbers, merged under their fullest name and
//! ranked by salience.

mod doc;
mod features;
mod gazetteer;
mod model;
mod tokens;
#[cfg(feature = "train")]
pub mod train;

use crate::sentences::Sentences;
use features::{split_tag, N_TAGS};

/// One entity of the article.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Entity {
    /// The fullest name the article uses.
    pub name: String,
    /// `person`, `organization`, `place`, `group`, `other`, `date`, `money`,
    /// `percent` or `quantity`.
    pub kind: &'static str,
    pub count: usize,
    pub salience: f32,
    /// Other names of the same entity ("Peskov" for "Dmitry Peskov").
    pub aliases: Vec<String>,
    /// Input byte spans of every mention, in input order.
    pub mentions: Vec<(usize, usize)>,
}

/// The entities of an article, highest salience first.
#[derive(Clone, Debug, Default)]
pub(crate) struct Entities {
    pub items: Vec<Entity>,
}

/// Entity spans `(first token, end token, type index)` of a tagged
/// sentence; tolerant of ill-formed tag sequences.
pub(crate) fn spans_from_tags(tags: &[usize]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (i, &t) in tags.iter().enumerate() {
        let part = if t < N_TAGS { split_tag(t) } else { None };
        match part {
            None => {
                if let Some((s, ty)) = open.take() {
                    out.push((s, i, ty));
                }
            }
            Some((ty, p)) => {
                let continues = matches!(open, Some((_, oty)) if oty == ty) && (p == 1 || p == 2);
                if !continues {
                    if let Some((s, oty)) = open.take() {
                        out.push((s, i, oty));
                    }
                    open = Some((i, ty));
                }
                if p == 2 || p == 3 {
                    if let Some((s, ty)) = open.take() {
                        out.push((s, i + 1, ty));
                    }
                }
            }
        }
    }
    if let Some((s, ty)) = open {
        out.push((s, tags.len(), ty));
    }
    out
}

/// Finds the entities of the article.
pub(crate) fn find(sentences: &Sentences) -> Entities {
    let doc = doc::prepare(sentences);
    let mut items = Vec::new();
    if let Some(m) = model::shipped() {
        let mut scratch = model::Scratch::default();
        let mut tags = Vec::new();
        for s in &doc.sents {
            tags.clear();
            model::tag_sentence(m, &doc.feats[s.start..s.end], &mut scratch, &mut tags, None);
            for (a, b, ty) in spans_from_tags(&tags) {
                let (Some(x), Some(y)) = (doc.src[s.start + a], doc.src[s.start + b - 1]) else {
                    continue;
                };
                let text = sentences.block_text(s.origin);
                let name = text
                    .get(doc.spans[s.start + a].start..doc.spans[s.start + b - 1].end)
                    .unwrap_or("")
                    .to_string();
                items.push(Entity {
                    name,
                    kind: ["person", "place", "organization", "other"][ty],
                    count: 1,
                    salience: 0.0,
                    aliases: Vec::new(),
                    mentions: vec![(x.0, y.1)],
                });
            }
        }
    }
    Entities { items }
}
