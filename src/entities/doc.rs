//! The article as the entity stage sees it: every sentence's tokens with
//! their spans in the block text and in the input, and their features.

use std::collections::HashMap;

use super::features::{self, TokFeat};
use super::gazetteer;
use super::tokens::{self, Token};
use crate::sentences::{Origin, Sentences};
use crate::spans::SpanMap;

/// One sentence: a range of [`DocTokens`] tokens.
#[derive(Clone, Copy, Debug)]
pub(crate) struct SentRange {
    pub start: usize,
    pub end: usize,
    pub origin: Origin,
}

/// The tokens of a whole article.
#[derive(Default)]
pub(crate) struct DocTokens {
    /// Byte spans in the text of the token's block.
    pub spans: Vec<Token>,
    /// Input byte spans; `None` for text that is not in the input (a title
    /// from page metadata).
    pub src: Vec<Option<(usize, usize)>>,
    pub feats: Vec<TokFeat>,
    pub sents: Vec<SentRange>,
}

fn map_of(sentences: &Sentences, origin: Origin) -> Option<&SpanMap> {
    let meta = &sentences.cleaned.meta;
    match origin {
        Origin::Title => meta.title.as_ref().filter(|p| p.span.is_some()).map(|p| &p.map),
        Origin::Byline => meta.byline.as_ref().filter(|p| p.span.is_some()).map(|p| &p.map),
        Origin::Paragraph(_) => sentences.block(origin).map(|b| &b.map),
    }
}

impl DocTokens {
    /// The text of token `i`.
    pub fn word<'a>(&self, sentences: &'a Sentences, i: usize, origin: Origin) -> &'a str {
        let t = self.spans[i];
        sentences.block_text(origin).get(t.start..t.end).unwrap_or("")
    }
}

/// Tokenises every sentence and computes the token features.
pub(crate) fn prepare(sentences: &Sentences) -> DocTokens {
    let mut doc = DocTokens::default();
    let mut scratch = String::new();
    for s in &sentences.items {
        let text = sentences.block_text(s.origin);
        let start = doc.spans.len();
        tokens::tokenize(text, s.start, s.end, &mut doc.spans);
        let end = doc.spans.len();
        if end == start {
            continue;
        }
        let map = map_of(sentences, s.origin);
        for t in &doc.spans[start..end] {
            let word = text.get(t.start..t.end).unwrap_or("");
            doc.feats.push(features::tok_feat(word, &mut scratch));
            doc.src
                .push(map.map(|m| (m.to_src(t.start), m.end_to_src(t.end))));
        }
        features::sentence_flags(&mut doc.feats[start..end]);
        gazetteer::mark(text, &doc.spans[start..end], &mut doc.feats[start..end], &mut scratch);
        doc.sents.push(SentRange {
            start,
            end,
            origin: s.origin,
        });
    }
    let ranges: Vec<(usize, usize)> = doc.sents.iter().map(|s| (s.start, s.end)).collect();
    let mut seen = HashMap::new();
    features::document_bits(&mut doc.feats, &ranges, &mut seen);
    doc
}
