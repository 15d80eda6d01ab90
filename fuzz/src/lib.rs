//! Shared pieces of the fuzz targets.

pub mod invariants;

use arbitrary::Arbitrary;

/// Options as the fuzzer makes them: every input kind, any `max_facts`
/// (valid or not), raw or not.
#[derive(Arbitrary, Debug)]
pub struct FuzzOptions {
    pub input: FuzzInputKind,
    pub max_facts: FuzzMaxFacts,
    pub raw: bool,
    pub no_entities: bool,
    pub no_facts: bool,
}

#[derive(Arbitrary, Debug, Clone, Copy)]
pub enum FuzzInputKind {
    Auto,
    Text,
    Html,
}

/// Mostly small counts, sometimes any number (to reach the error path).
#[derive(Arbitrary, Debug, Clone, Copy)]
pub enum FuzzMaxFacts {
    Small(u8),
    Any(usize),
}

impl FuzzOptions {
    pub fn to_options(&self) -> article_cleaner::Options {
        article_cleaner::Options {
            input: match self.input {
                FuzzInputKind::Auto => article_cleaner::InputKind::Auto,
                FuzzInputKind::Text => article_cleaner::InputKind::Text,
                FuzzInputKind::Html => article_cleaner::InputKind::Html,
            },
            max_facts: match self.max_facts {
                FuzzMaxFacts::Small(n) => usize::from(n % 12),
                FuzzMaxFacts::Any(n) => n,
            },
            raw: self.raw,
            no_entities: self.no_entities,
            no_facts: self.no_facts,
        }
    }
}
