//! The fact stage through the public API: the invented sample articles
//! with hand-written `facts.txt` expectations, the shape every fact must
//! have on every sample, `max_facts`, and inputs that must not break it.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use article_cleaner::{analyze, InputKind, Options, Report};
use proptest::prelude::*;

fn sample_dirs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/articles");
    let mut dirs: Vec<PathBuf> = fs::read_dir(&root)
        .expect("tests/articles exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.join("input.txt").exists())
        .collect();
    dirs.sort();
    dirs
}

fn name(dir: &Path) -> String {
    dir.file_name().unwrap_or_default().to_string_lossy().to_string()
}

fn report(input: &str, options: &Options) -> Report {
    analyze(input, options).expect("valid options")
}

/// Words as the benchmark counts them: letters and digits, with an
/// apostrophe suffix ("Azerbaijan’s") kept on its word.
fn scorer_words(s: &str) -> usize {
    let mut n = 0;
    let mut prev = ' ';
    let mut in_word = false;
    for c in s.chars() {
        let alnum = c.is_ascii_alphanumeric();
        if alnum && !in_word && !matches!(prev, '\'' | '’') {
            n += 1;
        }
        in_word = alnum || (in_word && matches!(c, '\'' | '’'));
        prev = c;
    }
    n
}

/// Lower-case word tokens (runs of letters and digits).
fn tokens(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// What every fact of every report must be.
fn check_facts(label: &str, input: &str, r: &Report) -> Vec<String> {
    let mut bad = Vec::new();
    let chars: Vec<char> = input.chars().collect();
    let source: HashSet<String> = tokens(input).into_iter().collect();
    let entity_names: HashSet<&str> = r.entities.iter().map(|e| e.name.as_str()).collect();
    let mut seen = HashSet::new();
    let mut last_start = 0;
    for f in &r.facts {
        let t = f.text.as_str();
        // Chinese and Japanese: about three characters a word.
        let n = if t.is_ascii() || t.chars().any(|c| c.is_ascii_alphabetic()) {
            scorer_words(t)
        } else {
            t.chars().count().div_ceil(3)
        };
        // SPEC: about 25 words, never more than 35.
        if !(3..=35).contains(&n) {
            bad.push(format!("{label}: {n} words: {t}"));
        }
        let first = t.trim_start_matches(['"', '“', '‘', '(']).chars().next();
        if !first.is_some_and(|c| c.is_alphanumeric() && !c.is_lowercase()) {
            bad.push(format!("{label}: odd start: {t}"));
        }
        let core = t.trim_end_matches(['"', '”', '’', ')', '」']);
        if !core.ends_with(['.', '!', '?', '。']) {
            bad.push(format!("{label}: no full stop: {t}"));
        }
        let count = |c: char| t.chars().filter(|&x| x == c).count();
        if count('(') != count(')') || count('"') % 2 == 1 || count('“') != count('”') {
            bad.push(format!("{label}: unbalanced: {t}"));
        }
        if !seen.insert(t.to_lowercase()) {
            bad.push(format!("{label}: repeated: {t}"));
        }
        // Never a word the article does not have.
        for w in tokens(t) {
            if !source.contains(&w) {
                bad.push(format!("{label}: invented {w:?}: {t}"));
            }
        }
        // The span is inside the input, in article order, and holds the
        // fact's words (a resolved name may come from the sentence before).
        if !(f.start < f.end && f.end <= chars.len()) {
            bad.push(format!("{label}: span {}..{} outside the input", f.start, f.end));
            continue;
        }
        if f.start < last_start {
            bad.push(format!("{label}: not in article order: {t}"));
        }
        last_start = f.start;
        let span: String = chars[f.start..f.end].iter().collect();
        let in_span: HashSet<String> = tokens(&span).into_iter().collect();
        let named: HashSet<String> = f.entities.iter().flat_map(|e| tokens(e)).collect();
        let words: Vec<String> = tokens(t).into_iter().filter(|w| !named.contains(w)).collect();
        let found = words.iter().filter(|w| in_span.contains(*w)).count();
        if found * 10 < words.len() * 7 {
            bad.push(format!("{label}: span {span:?} does not hold {t:?}"));
        }
        for e in &f.entities {
            if !entity_names.contains(e.as_str()) {
                bad.push(format!("{label}: unknown entity {e:?} in {t:?}"));
            }
        }
    }
    bad
}

#[test]
fn every_sample_gives_well_formed_facts() {
    let mut bad = Vec::new();
    for dir in sample_dirs() {
        let input = fs::read_to_string(dir.join("input.txt")).expect("UTF-8 sample");
        let r = report(&input, &Options::default());
        assert!(r.facts.len() <= 5, "{}: {} facts", name(&dir), r.facts.len());
        bad.extend(check_facts(&name(&dir), &input, &r));
    }
    assert!(bad.is_empty(), "\n{}", bad.join("\n"));
}

/// `facts.txt` beside a sample: `fact = exact text`, `fact-has = text`,
/// `no-fact-has = text`, `facts = count`, `fact-entity = name`.
#[test]
fn samples_give_the_expected_facts() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for dir in sample_dirs() {
        let Ok(expect) = fs::read_to_string(dir.join("facts.txt")) else {
            continue;
        };
        checked += 1;
        let input = fs::read_to_string(dir.join("input.txt")).expect("UTF-8 sample");
        let r = report(&input, &Options::default());
        let texts: Vec<&str> = r.facts.iter().map(|f| f.text.as_str()).collect();
        let label = name(&dir);
        for line in expect
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            let Some((key, value)) = line.split_once(" = ") else {
                failures.push(format!("{label}: bad line {line:?}"));
                continue;
            };
            let ok = match key {
                "fact" => texts.contains(&value),
                "fact-has" => texts.iter().any(|t| t.contains(value)),
                "no-fact-has" => !texts.iter().any(|t| t.contains(value)),
                "facts" => r.facts.len().to_string() == value,
                "fact-entity" => r.facts.iter().any(|f| f.entities.iter().any(|e| e == value)),
                _ => false,
            };
            if !ok {
                failures.push(format!("{label}: {key} = {value}"));
            }
        }
        if !failures.is_empty() {
            failures.push(format!("{label} gave:\n  {}", texts.join("\n  ")));
        }
    }
    assert!(checked >= 2, "the fact samples are missing");
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

fn sample(folder: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/articles")
        .join(folder)
        .join("input.txt");
    fs::read_to_string(path).expect("sample article")
}

#[test]
fn max_facts_is_an_upper_bound() {
    let input = sample("facts-ferry-strike");
    let all = report(&input, &Options::default()).facts;
    for max in [0, 1, 2, 3, 7] {
        let options = Options {
            max_facts: max,
            ..Options::default()
        };
        let facts = report(&input, &options).facts;
        assert!(facts.len() <= max, "max_facts {max}: {} facts", facts.len());
        if max > 0 {
            assert!(!facts.is_empty(), "max_facts {max}: no fact");
        }
        // A smaller list keeps the best facts: every one of them is in the
        // default list when that list is longer.
        if max <= all.len() {
            for f in &facts {
                assert!(
                    all.contains(f),
                    "max_facts {max}: {:?} not among the defaults",
                    f.text
                );
            }
        }
    }
}

#[test]
fn one_block_of_text_gives_three_facts() {
    // A story pasted as one line, the way news sites' text often arrives.
    let input = sample("facts-ferry-strike").replace("\n\n", " ");
    let r = report(
        &input,
        &Options {
            input: InputKind::Text,
            ..Options::default()
        },
    );
    assert_eq!(r.facts.len(), 3, "{:?}", r.facts);
    assert!(check_facts("one block", &input, &r).is_empty());
}

#[test]
fn facts_come_from_the_kept_text_only() {
    let input = sample("facts-ferry-strike");
    let r = report(&input, &Options::default());
    for f in &r.facts {
        assert!(
            r.paragraphs.iter().any(|p| p.start <= f.start && f.end <= p.end),
            "{:?} is not inside a kept paragraph",
            f.text
        );
    }
}

#[test]
fn no_facts_from_nothing() {
    for input in ["", "   \n\n ", "Hello.", "Menu | Home | Sport | Weather", "¿Qué?"] {
        let r = report(input, &Options::default());
        assert!(r.facts.is_empty(), "{input:?}: {:?}", r.facts);
    }
}

#[test]
fn other_languages_get_whole_sentences() {
    let input = "Der Hafen von Port Ellis bleibt nach dem Sturm am Freitag geschlossen.\n\n\
                 Zwei Anleger wurden schwer beschädigt, teilte die Hafenbehörde mit.\n\n\
                 Die Reparaturen sollen mindestens drei Wochen dauern.";
    let r = report(input, &Options::default());
    assert_eq!(r.language, "de");
    for f in &r.facts {
        assert!(
            input.contains(f.text.as_str()),
            "{:?} is not a sentence of the input",
            f.text
        );
    }
    assert!(check_facts("german", input, &r).is_empty());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Sentence soup from news words never breaks the stage, and whatever
    /// facts it gives have the shape of facts.
    #[test]
    fn sentence_soup_gives_well_formed_facts(
        words in proptest::collection::vec(
            "(The|port|He|She|said|that|, |, which|; |“|”|\\(|\\)|—|Ana Ruiz|closed|after|However,|\\. |on Friday|12|\\?|According to|officials|It|who|and|\n\n)",
            0..120,
        )
    ) {
        let input = words.join(" ");
        let r = report(&input, &Options::default());
        let bad = check_facts("soup", &input, &r);
        prop_assert!(bad.is_empty(), "{}", bad.join("\n"));
    }
}
