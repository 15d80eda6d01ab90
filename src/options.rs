//! Options and errors: the one place options are parsed and checked.

use std::fmt;

use serde::Deserialize;

/// How to read the input.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum InputKind {
    /// HTML when the input looks like markup, plain text otherwise.
    #[default]
    Auto,
    /// Plain text, whatever it looks like.
    Text,
    /// HTML: a clipboard fragment or a whole page.
    Html,
}

impl InputKind {
    /// Parses `auto`, `text` or `html`.
    pub fn parse(value: &str) -> Result<Self, Error> {
        match value {
            "auto" => Ok(InputKind::Auto),
            "text" => Ok(InputKind::Text),
            "html" => Ok(InputKind::Html),
            other => Err(Error::BadOption(format!(
                "input must be \"auto\", \"text\" or \"html\", not {other:?}"
            ))),
        }
    }
}

/// What [`analyze`](crate::analyze) should do. The same names are used on the
/// command line (`--max-facts 7`) and in JavaScript (`{ maxFacts: 7 }`).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "camelCase")]
pub struct Options {
    /// `text`, `html` or `auto` (the default).
    pub input: InputKind,
    /// Upper bound on the number of facts (default 5).
    #[serde(alias = "max_facts")]
    pub max_facts: usize,
    /// Skip cleaning and deduplication; analyse the input as it is.
    pub raw: bool,
    /// Skip the entity stage: `entities` is empty (so are `facts[].entities`).
    #[serde(alias = "no_entities")]
    pub no_entities: bool,
    /// Skip the fact stage: `facts` is empty.
    #[serde(alias = "no_facts")]
    pub no_facts: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            input: InputKind::Auto,
            max_facts: Options::DEFAULT_MAX_FACTS,
            raw: false,
            no_entities: false,
            no_facts: false,
        }
    }
}

impl Options {
    /// Default for [`Options::max_facts`].
    pub const DEFAULT_MAX_FACTS: usize = 5;
    /// Largest accepted [`Options::max_facts`].
    pub const MAX_MAX_FACTS: usize = 100;

    /// Checks the values a deserializer cannot.
    pub fn validate(self) -> Result<Self, Error> {
        if self.max_facts > Self::MAX_MAX_FACTS {
            return Err(Error::BadOption(format!(
                "maxFacts must be between 0 and {}, not {}",
                Self::MAX_MAX_FACTS,
                self.max_facts
            )));
        }
        Ok(self)
    }

    /// Parses a `--max-facts` value.
    pub fn parse_max_facts(value: &str) -> Result<usize, Error> {
        value
            .trim()
            .parse::<usize>()
            .ok()
            .filter(|&n| n <= Self::MAX_MAX_FACTS)
            .ok_or_else(|| {
                Error::BadOption(format!(
                    "max-facts must be a whole number from 0 to {}, not {value:?}",
                    Self::MAX_MAX_FACTS
                ))
            })
    }
}

/// Why an analysis could not be done. Bad input text is never an error (it
/// gets a warning in the report); only options are.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Error {
    /// An option had a value that cannot be used; the message says which.
    BadOption(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::BadOption(msg) => write!(f, "bad option: {msg}"),
        }
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_input_kinds() {
        assert_eq!(InputKind::parse("html"), Ok(InputKind::Html));
        assert!(InputKind::parse("pdf")
            .unwrap_err()
            .to_string()
            .contains("\"pdf\""));
    }

    #[test]
    fn max_facts_is_bounded() {
        assert_eq!(Options::parse_max_facts("7"), Ok(7));
        assert!(Options::parse_max_facts("-1").is_err());
        assert!(Options::parse_max_facts("many").is_err());
        let too_many = Options {
            max_facts: 1000,
            ..Options::default()
        };
        assert!(too_many.validate().is_err());
    }
}
