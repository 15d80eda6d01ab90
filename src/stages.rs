//! The stages one at a time, for the benchmarks (`benches/`): each value is
//! opaque and only moves on to the next stage. Not a stable API.

use crate::options::{Error, Options};
use crate::report::Report;

/// Stage 1 done: the input read.
pub struct Read<'a>(crate::read::Document<'a>);
/// Stage 2 done: blocks.
pub struct Blocks(crate::blocks::Blocks);
/// Stage 3 done: the cleaned article.
pub struct Cleaned(crate::clean::Cleaned);
/// Stage 4 done: sentences.
pub struct Sentences(crate::sentences::Sentences);
/// Stage 5 done: entities.
pub struct Entities(crate::entities::Entities);
/// Stage 6 done: facts.
pub struct Facts(crate::facts::Facts);

/// Checks the options, as `analyze` does first.
pub fn options(options: &Options) -> Result<Options, Error> {
    options.clone().validate()
}

pub fn read<'a>(input: &'a str, options: &Options) -> Read<'a> {
    Read(crate::read::read(input, options))
}

pub fn blocks(read: Read<'_>) -> Blocks {
    Blocks(crate::blocks::split(read.0))
}

pub fn clean(blocks: Blocks, options: &Options) -> Cleaned {
    Cleaned(crate::clean::clean(blocks.0, options))
}

pub fn sentences(cleaned: Cleaned) -> Sentences {
    Sentences(crate::sentences::split(cleaned.0))
}

pub fn entities(sentences: &Sentences) -> Entities {
    Entities(crate::entities::find(&sentences.0))
}

pub fn facts(sentences: &Sentences, entities: &Entities, options: &Options) -> Facts {
    Facts(crate::facts::pick(&sentences.0, &entities.0, options.max_facts))
}

pub fn report(input: &str, sentences: Sentences, entities: Entities, facts: Facts) -> Report {
    crate::report::build(input, sentences.0, entities.0, facts.0)
}
