//! The article as the entity stage sees it: every sentence's tokens with
//! their spans in the block text and in the input, and their features.

use super::features::{self, class, TokFeat};
use super::gazetteer;
use super::tokens::{self, Token};
use crate::lang::Lang;
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
    // About one token to every four bytes of sentence text (a word and
    // its space, or a mark): room for all of them up front, so that the
    // token tables are not copied as they grow.
    let bytes: usize = sentences
        .items
        .iter()
        .map(|s| s.end.saturating_sub(s.start))
        .sum();
    let room = bytes / 4 + 16;
    let mut doc = DocTokens {
        spans: Vec::with_capacity(room),
        src: Vec::with_capacity(room),
        feats: Vec::with_capacity(room),
        sents: Vec::with_capacity(sentences.items.len()),
    };
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
        // Only the title: in running text (and in results tables) a line of
        // capitalised words is more often a list of names.
        if s.origin == Origin::Title && title_case(text, &doc.spans[start..end], &doc.feats[start..end]) {
            doc.feats[start..end]
                .iter_mut()
                .for_each(|f| f.flags |= features::TITLE_CASE);
        }
        gazetteer::mark(
            text,
            &doc.spans[start..end],
            &mut doc.feats[start..end],
            &mut scratch,
        );
        doc.sents.push(SentRange {
            start,
            end,
            origin: s.origin,
        });
    }
    let ranges: Vec<(usize, usize)> = doc.sents.iter().map(|s| (s.start, s.end)).collect();
    // An article has about half as many distinct words as tokens.
    let mut seen = features::HashKeyed::with_capacity_and_hasher(doc.feats.len() / 2, Default::default());
    features::document_bits(&mut doc.feats, &ranges, &mut seen);
    restore_case(sentences, &mut doc, &mut scratch);
    doc
}

/// Whether a sentence is a Title-Case Headline: three words or more,
/// every word that is not a function word capitalised.
fn title_case(text: &str, toks: &[Token], feats: &[TokFeat]) -> bool {
    let mut words = 0;
    let mut capitals = 0;
    for (t, f) in toks.iter().zip(feats) {
        match f.class {
            class::TITLE | class::MIXED => {
                words += 1;
                capitals += 1;
            }
            class::LOWER => {
                let w = text.get(t.start..t.end).unwrap_or("");
                if w.chars().filter(|c| c.is_alphabetic()).count() > 1 && !Lang::is_english_stopword(w) {
                    return false;
                }
            }
            class::UPPER | class::INITIAL => words += 1,
            _ => {}
        }
    }
    words >= 3 && capitals >= 2
}

/// Lower-cases, for the tagger, the words of Title-Case Headlines that the
/// rest of the document does not write with a capital (and that no list
/// knows as a name): "Russia Regrets Azerbaijan's Cultural Boycott" is
/// read as "Russia regrets Azerbaijan's cultural boycott".
fn restore_case(sentences: &Sentences, doc: &mut DocTokens, scratch: &mut String) {
    const NAME_BITS: u8 = gazetteer::PLACE | gazetteer::FIRST_NAME | gazetteer::GROUP | gazetteer::ORG_NAME;
    let mut lowered = String::new();
    for s in &doc.sents {
        if doc
            .feats
            .get(s.start)
            .is_none_or(|f| f.flags & features::TITLE_CASE == 0)
        {
            continue;
        }
        let text = sentences.block_text(s.origin);
        for i in s.start..s.end {
            let f = doc.feats[i];
            if f.class != class::TITLE || f.doc & features::doc::SEEN_CAP_MID != 0 || f.gaz & NAME_BITS != 0 {
                continue;
            }
            let t = doc.spans[i];
            lowered.clear();
            lowered.extend(
                text.get(t.start..t.end)
                    .unwrap_or("")
                    .chars()
                    .flat_map(char::to_lowercase),
            );
            let g = features::tok_feat(&lowered, scratch);
            doc.feats[i].class = g.class;
            doc.feats[i].shape = g.shape;
        }
    }
}
