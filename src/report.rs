//! Stage 7, report: everything found → [`Report`], the JSON shape of
//! SPEC.md. Byte offsets become code-point offsets here, once.

use serde::Serialize;

use crate::entities::Entities;
use crate::facts::Facts;
use crate::sentences::Sentences;
use crate::spans::CharIndex;

/// The report's schema version.
pub const SCHEMA: u32 = 1;

/// The result of [`analyze`](crate::analyze): SPEC.md's report. Offsets
/// count Unicode code points into the input exactly as given; `start` is
/// inclusive, `end` exclusive.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    pub schema: u32,
    /// ISO 639-1 code of the article's language, or `und`.
    pub language: String,
    pub title: Option<String>,
    pub byline: Option<String>,
    /// The agency or outlet the text names ("Reuters", "MENAFN").
    pub source: Option<String>,
    /// ISO 8601 date, when the page or a dateline gives one.
    pub published: Option<String>,
    /// The cleaned body: paragraphs separated by one blank line.
    pub text: String,
    pub paragraphs: Vec<Paragraph>,
    pub removed: Vec<RemovedPart>,
    pub entities: Vec<Entity>,
    pub facts: Vec<Fact>,
    pub warnings: Vec<String>,
    pub stats: Stats,
}

/// One paragraph of the cleaned body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Paragraph {
    pub text: String,
    pub start: usize,
    pub end: usize,
}

/// A part of the input left out of the text, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RemovedPart {
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// `duplicate`, `boilerplate`, `navigation`, `related-links`,
    /// `comments`, `advertisement` or `markup`.
    pub reason: String,
    /// For duplicates: the index in `paragraphs` of the copy that was kept.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duplicate_of: Option<usize>,
    /// The kebab-case name of the rule that fired.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
}

/// One entity: a person, place, organisation, group, work or event, date or
/// number.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Entity {
    pub name: String,
    /// `person`, `organization`, `place`, `group`, `other`, `date`, `money`,
    /// `percent` or `quantity`.
    #[serde(rename = "type")]
    pub kind: String,
    pub count: usize,
    pub salience: f64,
    pub aliases: Vec<String>,
    pub mentions: Vec<Mention>,
}

/// Where an entity is mentioned.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
}

/// One fact: a short statement and the span of the input it comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Fact {
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// Names of the entities the fact mentions.
    pub entities: Vec<String>,
}

/// Counts about the run.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Stats {
    pub input_chars: usize,
    pub text_chars: usize,
    pub duplicates_removed: usize,
    pub boilerplate_removed: usize,
    /// Wall-clock time of the analysis; set by the caller that can read a
    /// clock (the command line, the WebAssembly binding), 0 otherwise.
    pub elapsed_ms: f64,
}

/// Builds the report.
pub(crate) fn build(input: &str, sentences: Sentences, entities: Entities, facts: Facts) -> Report {
    let chars = CharIndex::new(input);
    let cleaned = sentences.cleaned;
    let paragraphs: Vec<Paragraph> = cleaned
        .kept
        .iter()
        .map(|b| Paragraph {
            text: b.text.clone(),
            start: chars.chars(b.start),
            end: chars.chars(b.end),
        })
        .collect();
    let text = paragraphs
        .iter()
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join("\n\n");
    let removed: Vec<RemovedPart> = cleaned
        .removed
        .iter()
        .map(|r| RemovedPart {
            text: r.block.text.clone(),
            start: chars.chars(r.block.start),
            end: chars.chars(r.block.end),
            reason: r.reason.to_string(),
            duplicate_of: r.duplicate_of,
            rule: r.rule.map(str::to_string),
        })
        .collect();
    let duplicates_removed = removed.iter().filter(|r| r.reason == "duplicate").count();
    let mut warnings = cleaned.warnings;
    warnings.extend(entities.warnings);
    let entities = entities
        .items
        .into_iter()
        .map(|e| Entity {
            name: e.name,
            kind: e.kind.to_string(),
            // Each mention once, where it is: the chips count what they highlight.
            count: e.mentions.len(),
            salience: (f64::from(e.salience) * 1000.0).round() / 1000.0,
            aliases: e.aliases,
            mentions: e
                .mentions
                .iter()
                .map(|&(s, t)| Mention {
                    start: chars.chars(s),
                    end: chars.chars(t),
                })
                .collect(),
        })
        .collect();
    let facts = facts
        .items
        .into_iter()
        .map(|f| Fact {
            text: f.text,
            start: chars.chars(f.start),
            end: chars.chars(f.end),
            entities: f.entities,
        })
        .collect();
    let text_chars = text.chars().count();
    Report {
        schema: SCHEMA,
        language: cleaned.lang.code.to_string(),
        title: cleaned.meta.title.map(|t| t.text),
        byline: cleaned.meta.byline.map(|t| t.text),
        source: cleaned.meta.source,
        published: cleaned.meta.published,
        text,
        paragraphs,
        stats: Stats {
            input_chars: chars.chars(input.len()),
            text_chars,
            duplicates_removed,
            boilerplate_removed: removed.len() - duplicates_removed,
            elapsed_ms: 0.0,
        },
        removed,
        entities,
        facts,
        warnings,
    }
}

/// The report of an input that is not text (binary data): its warnings,
/// its size, and nothing else.
pub(crate) fn warning_only(input: &str, warnings: Vec<String>) -> Report {
    Report {
        schema: SCHEMA,
        language: "und".to_string(),
        title: None,
        byline: None,
        source: None,
        published: None,
        text: String::new(),
        paragraphs: Vec::new(),
        removed: Vec::new(),
        entities: Vec::new(),
        facts: Vec::new(),
        warnings,
        stats: Stats {
            input_chars: input.chars().count(),
            text_chars: 0,
            duplicates_removed: 0,
            boilerplate_removed: 0,
            elapsed_ms: 0.0,
        },
    }
}

impl Report {
    /// The report as Markdown for a person: title, byline, text, entities
    /// and facts.
    pub fn to_markdown(&self) -> String {
        let mut out = String::new();
        if let Some(t) = &self.title {
            out.push_str(&format!("# {}\n\n", t.trim()));
        }
        let mut line = Vec::new();
        if let Some(b) = &self.byline {
            line.push(format!("By {b}"));
        }
        if let Some(s) = &self.source {
            line.push(s.clone());
        }
        if let Some(p) = &self.published {
            line.push(p.clone());
        }
        if !line.is_empty() {
            out.push_str(&format!("*{}*\n\n", line.join(" · ")));
        }
        for p in &self.paragraphs {
            out.push_str(&p.text);
            out.push_str("\n\n");
        }
        if !self.facts.is_empty() {
            out.push_str("## Facts\n\n");
            for f in &self.facts {
                out.push_str(&format!("- {}\n", f.text));
            }
            out.push('\n');
        }
        if !self.entities.is_empty() {
            out.push_str("## Entities\n\n");
            for e in &self.entities {
                let aliases = if e.aliases.is_empty() {
                    String::new()
                } else {
                    format!(" (also {})", e.aliases.join(", "))
                };
                out.push_str(&format!(
                    "- **{}**{} — {}, {}×\n",
                    e.name, aliases, e.kind, e.count
                ));
            }
            out.push('\n');
        }
        let mut s = out.trim_end().to_string();
        s.push('\n');
        s
    }

    /// The report as plain text: the title, then the cleaned body.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        if let Some(t) = &self.title {
            out.push_str(t.trim());
            out.push_str("\n\n");
        }
        out.push_str(&self.text);
        if !out.ends_with('\n') {
            out.push('\n');
        }
        out
    }
}
