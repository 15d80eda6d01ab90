//! Stage 6, facts: [`Sentences`] + [`Entities`] → [`Facts`]: a few short,
//! self-contained statements, each traceable to its source span.

use crate::entities::Entities;
use crate::sentences::Sentences;

/// One fact.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Fact {
    pub text: String,
    /// Input byte span of the source sentence(s).
    pub start: usize,
    pub end: usize,
    /// Names of the entities it mentions.
    pub entities: Vec<String>,
}

/// The facts of an article, in article order.
#[derive(Clone, Debug, Default)]
pub(crate) struct Facts {
    pub items: Vec<Fact>,
}

/// Picks at most `max_facts` facts.
pub(crate) fn pick(sentences: &Sentences, entities: &Entities, max_facts: usize) -> Facts {
    let _ = (sentences, entities, max_facts);
    Facts::default()
}
