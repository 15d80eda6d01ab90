//! What every report must satisfy, whatever the input: shared by the fuzz
//! targets (`fuzz/`) and the regression tests (`tests/fuzz_regressions.rs`,
//! `tests/hostile.rs`), which include this file by path.

use article_cleaner::{Error, InputKind, Options, Report};

/// Characters with no width, which the text drops (as the core does).
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}'
    )
}

/// Characters that separate words without showing anything.
fn is_blank(c: char) -> bool {
    c.is_whitespace() || c.is_control() || is_invisible(c)
}

/// The visible words of a string, one space apart: what a span of the input
/// and the reported text of that span must agree on.
pub fn visible(s: &str) -> String {
    let kept: String = s.chars().filter(|&c| !is_invisible(c)).collect();
    kept.split(is_blank)
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Checks the result of `analyze(input, options)`; panics with a message
/// naming the broken rule. `text_spans` asks for the strict checks that hold
/// when the input was read as plain text: each paragraph and removed part
/// slices, by code points, to its own text, and no two of them overlap.
pub fn check(input: &str, options: &Options, result: &Result<Report, Error>, text_spans: bool) {
    let report = match result {
        Ok(r) => {
            assert!(
                options.max_facts <= Options::MAX_MAX_FACTS,
                "maxFacts {} was accepted",
                options.max_facts
            );
            r
        }
        Err(Error::BadOption(msg)) => {
            assert!(
                options.max_facts > Options::MAX_MAX_FACTS,
                "valid options refused: {msg}"
            );
            assert!(!msg.is_empty(), "an error without a message");
            return;
        }
    };
    check_report(input, options, report, text_spans);
}

/// Checks one report; see [`check`].
pub fn check_report(input: &str, options: &Options, report: &Report, text_spans: bool) {
    let chars: Vec<char> = input.chars().collect();
    let n = chars.len();
    assert_eq!(report.schema, 1);
    assert!(!report.language.is_empty(), "empty language code");
    assert_eq!(report.stats.input_chars, n, "input_chars");
    assert_eq!(report.stats.text_chars, report.text.chars().count(), "text_chars");
    let joined = report
        .paragraphs
        .iter()
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join("\n\n");
    assert_eq!(report.text, joined, "text is not the paragraphs joined");
    assert_eq!(
        report.stats.duplicates_removed + report.stats.boilerplate_removed,
        report.removed.len(),
        "removal counts"
    );
    assert!(report.facts.len() <= options.max_facts, "too many facts");

    let in_input = |what: &str, s: usize, e: usize| {
        assert!(
            s <= e && e <= n,
            "{what} span {s}..{e} outside the input of {n} chars"
        );
    };
    let slice = |s: usize, e: usize| -> String { chars[s..e].iter().collect() };

    for p in &report.paragraphs {
        in_input("paragraph", p.start, p.end);
        assert!(!visible(&p.text).is_empty(), "a blank paragraph at {}", p.start);
    }
    for r in &report.removed {
        in_input("removed", r.start, r.end);
        let known = [
            "duplicate",
            "boilerplate",
            "navigation",
            "related-links",
            "comments",
            "advertisement",
            "markup",
        ];
        assert!(known.contains(&r.reason.as_str()), "reason {:?}", r.reason);
        if r.reason == "duplicate" {
            let of = r.duplicate_of.expect("a duplicate names its kept copy");
            assert!(of < report.paragraphs.len(), "duplicate_of {of} out of range");
        }
    }
    for f in &report.facts {
        in_input("fact", f.start, f.end);
        assert!(!f.text.trim().is_empty(), "an empty fact");
    }
    for e in &report.entities {
        assert!(!e.name.trim().is_empty(), "an entity without a name");
        assert!(
            e.salience.is_finite() && (0.0..=1.0).contains(&e.salience),
            "salience {} of {:?}",
            e.salience,
            e.name
        );
        assert_eq!(e.count, e.mentions.len(), "count and mentions of {:?}", e.name);
        for m in &e.mentions {
            in_input("mention", m.start, m.end);
            assert!(m.start < m.end, "an empty mention of {:?}", e.name);
        }
    }
    for w in &report.warnings {
        assert!(!w.trim().is_empty(), "an empty warning");
    }

    if text_spans {
        let mut spans: Vec<(usize, usize)> = Vec::new();
        for p in &report.paragraphs {
            assert_eq!(
                visible(&slice(p.start, p.end)),
                visible(&p.text),
                "paragraph {}..{} does not slice to its text",
                p.start,
                p.end
            );
            spans.push((p.start, p.end));
        }
        for r in &report.removed {
            assert_eq!(
                visible(&slice(r.start, r.end)),
                visible(&r.text),
                "removed part {}..{} does not slice to its text",
                r.start,
                r.end
            );
            spans.push((r.start, r.end));
        }
        spans.sort_unstable();
        for pair in spans.windows(2) {
            assert!(
                pair[0].1 <= pair[1].0,
                "spans {:?} and {:?} overlap",
                pair[0],
                pair[1]
            );
        }
    }

    // serde_json writes valid JSON whenever it succeeds (a NaN would become
    // null: the salience check above rules that out).
    let json = serde_json::to_vec(report).expect("the report serializes");
    assert!(
        json.starts_with(b"{\"schema\":1,"),
        "the JSON starts with the schema"
    );
}

/// True when the options make the input read as plain text.
pub fn reads_as_text(options: &Options) -> bool {
    options.input == InputKind::Text
}
