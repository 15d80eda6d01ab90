//! Gazetteers: word lists of places, people's first names and organisation
//! words, marked on tokens as feature bits.

use super::features::TokFeat;
use super::tokens::Token;

/// Marks the gazetteer bits of the tokens of one sentence.
pub(crate) fn mark(text: &str, toks: &[Token], feats: &mut [TokFeat], scratch: &mut String) {
    let _ = (text, toks, feats, scratch);
}
