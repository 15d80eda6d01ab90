//! Hostile inputs through the public API: each gets a report (or a clear
//! error) that keeps the report's promises. Linear time is shown by the
//! benchmarks, not here: these tests only check that the big inputs finish
//! and that their reports are right.

use article_cleaner::{analyze, analyze_bytes, InputKind, Options, Report};

#[allow(dead_code)]
#[path = "../fuzz/src/invariants.rs"]
mod invariants;

fn opts(input: InputKind) -> Options {
    Options {
        input,
        ..Options::default()
    }
}

/// Analyses `input` as `kind`, checks every invariant and returns the report.
fn run(input: &str, kind: InputKind) -> Report {
    let options = opts(kind);
    let result = analyze(input, &options);
    invariants::check(input, &options, &result, kind == InputKind::Text);
    result.expect("a report")
}

/// Analyses input that has no markup with the default options (detection
/// must read it as text), with the strict checks of text input.
fn run_detected_text(input: &str) -> Report {
    let options = Options::default();
    let result = analyze(input, &options);
    invariants::check(input, &options, &result, true);
    result.expect("a report")
}

/// Runs markup as HTML, and detected (which must find the markup).
fn run_html(input: &str) -> Report {
    run(input, InputKind::Auto);
    run(input, InputKind::Html)
}

/// Runs the input as text, as HTML and detected; returns the text report.
fn run_all(input: &str) -> Report {
    run(input, InputKind::Html);
    run(input, InputKind::Auto);
    run(input, InputKind::Text)
}

/// Paragraphs of invented news, made from a fixed word list by a small
/// deterministic generator: every paragraph differs, so nothing is a repeat.
struct Prose {
    state: u64,
}

const WORDS: &[&str] = &[
    "council",
    "harbour",
    "budget",
    "river",
    "school",
    "minister",
    "bridge",
    "station",
    "market",
    "village",
    "report",
    "weather",
    "farmers",
    "museum",
    "ferry",
    "library",
    "hospital",
    "engineers",
    "residents",
    "officials",
    "approved",
    "delayed",
    "opened",
    "rebuilt",
    "said",
    "announced",
    "expected",
    "northern",
    "local",
    "new",
    "old",
    "public",
    "spring",
    "winter",
    "plans",
    "roads",
    "prices",
    "water",
    "trains",
    "tourists",
    "after",
    "before",
    "during",
    "while",
    "because",
    "although",
    "with",
    "without",
    "near",
    "across",
];

const NAMES: &[&str] = &[
    "Marta Oyelaran",
    "Port Ellis",
    "the Northern Rail Board",
    "Tomas Veld",
    "Lake Orrin",
    "the Harbour Trust",
];

impl Prose {
    fn new(seed: u64) -> Self {
        Prose {
            state: seed.wrapping_mul(6364136223846793005).wrapping_add(1),
        }
    }

    fn next(&mut self, n: usize) -> usize {
        self.state = self
            .state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.state >> 33) as usize) % n
    }

    fn sentence(&mut self) -> String {
        let len = 8 + self.next(14);
        let mut s = String::new();
        for i in 0..len {
            if i > 0 {
                s.push(' ');
            }
            if self.next(9) == 0 {
                s.push_str(NAMES[self.next(NAMES.len())]);
            } else {
                s.push_str(WORDS[self.next(WORDS.len())]);
            }
            if self.next(12) == 0 {
                s.push_str(&format!(" {}", 2 + self.next(980)));
            }
        }
        let mut c = s.chars();
        let first = c.next().map(|f| f.to_uppercase().collect::<String>());
        format!("{}{}.", first.unwrap_or_default(), c.as_str())
    }

    fn paragraph(&mut self) -> String {
        let n = 2 + self.next(4);
        (0..n).map(|_| self.sentence()).collect::<Vec<_>>().join(" ")
    }
}

/// A pasted page of about `bytes` bytes: a title, paragraphs, and the
/// usual chrome (menus, share lines, ads) here and there, some paragraphs
/// repeated.
fn big_paste(bytes: usize, seed: u64) -> String {
    let mut p = Prose::new(seed);
    let mut out = String::from("Harbour Trust Approves New Ferry Plan\nBy Marta Oyelaran\n\n");
    let mut recent: Vec<String> = Vec::new();
    while out.len() < bytes {
        match p.next(20) {
            0 => out.push_str("Advertisement\n\n"),
            1 => out.push_str("Share this article\n- Home\n- World\n- Sport\n\n"),
            2 if !recent.is_empty() => {
                let again = recent[p.next(recent.len())].clone();
                out.push_str(&again);
                out.push_str("\n\n");
            }
            _ => {
                let para = p.paragraph();
                out.push_str(&para);
                out.push_str("\n\n");
                recent.push(para);
                if recent.len() > 8 {
                    recent.remove(0);
                }
            }
        }
    }
    out
}

const STORY: &str = "Ferry Service Returns to Lake Orrin\n\
By Tomas Veld\n\
\n\
The ferry across Lake Orrin will run again from Monday, the Harbour Trust said on Thursday, after engineers finished repairs to the northern pier.\n\
\n\
The service was suspended in March when winter storms damaged the pier, cutting the village of Brenmoor off from the market town for most of the spring.\n\
\n\
\"We are glad to have the boats back,\" said Marta Oyelaran, who runs the bakery near the landing.\n";

// ---------------------------------------------------------------- tiny

#[test]
fn empty_input() {
    for kind in [InputKind::Auto, InputKind::Text, InputKind::Html] {
        let r = run("", kind);
        assert!(r.paragraphs.is_empty() && r.removed.is_empty());
        assert_eq!(r.text, "");
        assert_eq!(r.stats.input_chars, 0);
    }
    let r = analyze_bytes(b"", &Options::default()).expect("a report");
    assert!(r.paragraphs.is_empty() && r.warnings.is_empty());
}

#[test]
fn whitespace_only() {
    let input = " \t\n\r\n\u{a0}\u{3000}\u{2028}\u{2029}\u{feff}\u{200b}\u{85}\u{c}  \n\n";
    let r = run_all(input);
    assert!(r.paragraphs.is_empty(), "{:?}", r.paragraphs);
    assert!(r.removed.is_empty(), "{:?}", r.removed);
    assert!(r.title.is_none());
    assert_eq!(r.text, "");
}

#[test]
fn one_character() {
    for c in [
        "a",
        "Z",
        "<",
        ">",
        "&",
        ".",
        "-",
        "*",
        "\u{1F600}",
        "\u{4e2d}",
        "\u{301}",
        "\u{ad}",
    ] {
        let r = run_all(c);
        let shown = r.paragraphs.len() + r.removed.len() + usize::from(r.title.is_some());
        assert!(shown <= 1, "{c:?}: {r:?}");
    }
    let r = run("x", InputKind::Text);
    assert!(r.text == "x" || r.title.as_deref() == Some("x") || r.removed.len() == 1);
}

// ------------------------------------------------------------- odd bytes

#[test]
fn nul_bytes() {
    let input = format!("{}\0\0Ferry\0news\0\0\n\0\n{}", STORY, "\0".repeat(500));
    let r = run_all(&input);
    assert!(!r.warnings.is_empty(), "NUL bytes are reported");
    assert!(r.text.contains("Harbour Trust said"));
    assert!(!r.text.contains('\0'), "NUL bytes do not reach the text");
    let all_nul = "\0".repeat(10_000);
    let r = run_all(&all_nul);
    assert!(r.paragraphs.is_empty());
    assert!(
        r.warnings.iter().any(|w| w.contains("binary")),
        "{:?}",
        r.warnings
    );
}

#[test]
fn invalid_utf8() {
    let cases: &[&[u8]] = &[
        b"\xff",
        b"\xfe\xff\x00F\x00e\x00r\x00r\x00y",
        b"Caf\xe9 reopens on the harbour front after the storm.",
        b"lone continuation \x80\x81 bytes and a truncated \xe2\x82",
        b"overlong \xc0\xaf and surrogate \xed\xa0\x80 encodings",
        b"\xf4\x90\x80\x80 beyond the last code point",
    ];
    for &bytes in cases {
        for kind in [InputKind::Auto, InputKind::Text, InputKind::Html] {
            let options = opts(kind);
            let result = analyze_bytes(bytes, &options);
            let decoded = String::from_utf8_lossy(bytes);
            invariants::check(&decoded, &options, &result, kind == InputKind::Text);
            let r = result.expect("a report");
            assert!(
                r.warnings.iter().any(|w| w.contains("UTF-8")),
                "{bytes:?}: {:?}",
                r.warnings
            );
            assert_eq!(r.stats.input_chars, decoded.chars().count());
        }
    }
    let mut binary: Vec<u8> = (0..=255u8).cycle().take(64 * 1024).collect();
    binary.extend_from_slice(STORY.as_bytes());
    let r = analyze_bytes(&binary, &Options::default()).expect("a report");
    assert!(r.warnings.len() >= 2, "{:?}", r.warnings);
}

#[test]
fn binary_input_gives_a_warning_and_nothing_else() {
    // A PNG signature, then bytes from a small generator: what "Open a
    // file…" gives the page for a picture.
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    let mut x: u32 = 7;
    for _ in 0..20_000 {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        png.push((x >> 16) as u8);
    }
    png.extend_from_slice(STORY.as_bytes());
    for kind in [InputKind::Auto, InputKind::Text, InputKind::Html] {
        let r = analyze_bytes(&png, &opts(kind)).expect("a report");
        assert!(
            r.paragraphs.is_empty() && r.text.is_empty(),
            "{kind:?}: {:?}",
            r.paragraphs.first()
        );
        assert!(r.entities.is_empty() && r.facts.is_empty() && r.removed.is_empty());
        assert!(r.title.is_none() && r.byline.is_none());
        assert!(
            r.warnings.iter().any(|w| w.contains("binary")),
            "{:?}",
            r.warnings
        );
        let decoded = String::from_utf8_lossy(&png);
        assert_eq!(r.stats.input_chars, decoded.chars().count());
        invariants::check(&decoded, &opts(kind), &Ok(r), true);
    }
    // A Latin-1 article read as UTF-8 (an undecodable byte per accent) is
    // still text.
    let latin1 = b"Caf\xe9 owners on the harbour front said on Tuesday that the night ferry brings trade.";
    let r = analyze_bytes(latin1, &Options::default()).expect("a report");
    assert_eq!(r.paragraphs.len(), 1);
    assert!(!r.warnings.iter().any(|w| w.contains("binary")));
}

// ------------------------------------------------------------------- big

#[test]
fn ten_megabyte_paste() {
    let input = big_paste(10 * 1024 * 1024, 7);
    assert!(input.len() >= 10 * 1024 * 1024);
    let r = run_detected_text(&input);
    assert!(r.paragraphs.len() > 10_000, "{} paragraphs", r.paragraphs.len());
    assert!(r.stats.duplicates_removed > 1000);
    assert!(!r.text.contains("\nAdvertisement\n"));
}

#[test]
fn ten_megabyte_paste_as_html() {
    let body = big_paste(10 * 1024 * 1024, 11);
    let mut html = String::from(
        "<!DOCTYPE html><html><head><title>Harbour Trust Approves New Ferry Plan</title></head><body><article>",
    );
    for para in body.split("\n\n") {
        html.push_str("<p>");
        html.push_str(para);
        html.push_str("</p>\n");
    }
    html.push_str("</article></body></html>");
    // Detected as HTML (the doctype says so): read by the HTML reader.
    let r = run(&html, InputKind::Auto);
    assert_eq!(r.title.as_deref(), Some("Harbour Trust Approves New Ferry Plan"));
    assert!(r.paragraphs.len() > 10_000, "{} paragraphs", r.paragraphs.len());
    assert!(r.paragraphs.iter().all(|p| !p.text.contains("<p>")));
    assert!(r.stats.duplicates_removed > 1000);
}

#[test]
fn one_megabyte_line() {
    let mut p = Prose::new(3);
    let mut line = String::new();
    while line.len() < 1024 * 1024 {
        line.push_str(&p.sentence());
        line.push(' ');
    }
    let r = run_detected_text(line.trim_end());
    assert_eq!(
        r.paragraphs.len() + r.removed.len() + usize::from(r.title.is_some()),
        1
    );
    // One word of a megabyte, without a space or a sentence end.
    let word = "a".repeat(1024 * 1024);
    run_all(&word);
    // A megabyte of punctuation and markup-like characters on one line.
    let noise = "<&;>\"'=/.!?".repeat(100_000);
    run(&noise, InputKind::Text);
    run(&noise, InputKind::Html);
}

#[test]
fn a_million_short_lines() {
    let input = "Home\n".repeat(1_000_000);
    let r = run(&input, InputKind::Text);
    assert!(r.paragraphs.len() <= 1, "{} paragraphs", r.paragraphs.len());
    assert!(r.removed.len() >= 999_999);
    // Short lines that all differ.
    let numbered: String = (0..100_000).map(|i| format!("line {i}\n")).collect();
    run(&numbered, InputKind::Text);
}

#[test]
fn a_paragraph_ten_thousand_times() {
    let para = "The Harbour Trust said the ferry across Lake Orrin would run again from Monday, after engineers finished repairs to the northern pier damaged in the winter storms.";
    let input = format!("{para}\n\n").repeat(10_000);
    let r = run_all(&input);
    assert_eq!(r.paragraphs.len(), 1, "{:?}", r.paragraphs.len());
    assert_eq!(r.stats.duplicates_removed, 9_999);
    assert!(r.removed.iter().all(|x| x.duplicate_of == Some(0)));
    // The same, one per line with no blank lines between.
    let tight = format!("{para}\n").repeat(10_000);
    let r = run(&tight, InputKind::Text);
    assert_eq!(r.paragraphs.len(), 1);
}

// ------------------------------------------------------------------ HTML

#[test]
fn deeply_nested_tags() {
    let depth = 100_000;
    let nested = format!(
        "<html><body>{}<p>The ferry runs again from Monday.</p>{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    run_html(&nested);
    // Never closed, and closed in the wrong order.
    let open = format!("<p>Start{}end", "<b><i><span>".repeat(depth / 3));
    run_html(&open);
    let crossed = format!("{}{}", "<b><i>".repeat(depth / 2), "</b></i>".repeat(depth / 2));
    run_html(&crossed);
    let tables = "<table><tr><td>".repeat(depth / 3);
    run_html(&tables);
    let lists = format!("{}item", "<ul><li>".repeat(depth / 2));
    run_html(&lists);
    // Metadata nested as deep: JSON-LD arrays and objects.
    let json = format!(
        "<script type=\"application/ld+json\">{}{}</script><p>The ferry runs again.</p>",
        "[{\"@type\":\"NewsArticle\",\"author\":".repeat(depth / 4),
        "1}]".repeat(depth / 4)
    );
    run_html(&json);
    let unclosed_json = format!("<script type=\"application/ld+json\">{}", "[".repeat(depth));
    run_html(&unclosed_json);
    // The same markup pasted as plain text is one long line of text.
    run(&nested, InputKind::Text);
}

#[test]
fn unclosed_comments_and_cdata() {
    for input in [
        "<p>Ferry news</p><!-- the rest is a comment <p>never shown</p>",
        "<!--",
        "<!-->",
        "<!--->",
        "<p>a</p><!-- -- --!><p>b</p>",
        "<![CDATA[ an unclosed section <p>text</p>",
        "<svg><![CDATA[ x ]]></svg><p>after</p>",
        "<script>var a = '<p>not text</p>';",
        "<style>p { color: red }",
        "<textarea><p>raw",
        "<title>Ferry",
        "<!DOCTYPE",
        "<?xml version=\"1.0\"?><p>x</p>",
        "<p>x</p><",
        "<p>x</p></",
        "<a href='",
        "&#",
        "&#x",
        "&#99999999999999999999;",
        "&#x110000;&#0;&#xD800;&amp",
    ] {
        run_all(input);
    }
    let long_comment = format!("<p>Ferry news</p><!--{}", "<p>hidden</p>".repeat(100_000));
    let r = run(&long_comment, InputKind::Html);
    assert!(!r.text.contains("hidden"), "a comment is not text");
}

#[test]
fn huge_attributes() {
    let value = "x".repeat(1024 * 1024);
    for input in [
        format!("<p title=\"{value}\">The ferry runs again.</p>"),
        format!("<p title=\"{value}>The ferry runs again.</p>"),
        format!("<p title='{value}"),
        format!("<p {value}>The ferry runs again.</p>"),
        format!("<{value}>"),
        format!("<p {}>x</p>", "a=1 ".repeat(200_000)),
        format!("<meta name=\"description\" content=\"{value}\"><p>x</p>"),
    ] {
        run_html(&input);
    }
}

// ------------------------------------------------------- scripts, offsets

/// Checks that every paragraph, removed part and mention slices, by code
/// points, to its text; `run` does the paragraphs and removed parts.
fn mentions_slice(input: &str, r: &Report) {
    let chars: Vec<char> = input.chars().collect();
    for e in &r.entities {
        for m in &e.mentions {
            let s: String = chars[m.start..m.end].iter().collect();
            assert!(!s.trim().is_empty(), "{:?} at {}..{}", e.name, m.start, m.end);
        }
    }
}

#[test]
fn rtl_and_bidi_controls() {
    let input = "\u{202e}Ferry Service Returns\u{202c}\n\n\
        \u{5d4}\u{5de}\u{5e2}\u{5d1}\u{5d5}\u{5e8}\u{5ea} \u{5d7}\u{5d5}\u{5d6}\u{5e8}\u{5ea} \u{5dc}\u{5e4}\u{5e2}\u{5d5}\u{5dc}\u{5d4} \u{5d1}\u{5d9}\u{5d5}\u{5dd} \u{5e9}\u{5e0}\u{5d9}.\n\n\
        \u{627}\u{644}\u{639}\u{628}\u{627}\u{631}\u{629} \u{62a}\u{639}\u{648}\u{62f} \u{625}\u{644}\u{649} \u{627}\u{644}\u{639}\u{645}\u{644} \u{64a}\u{648}\u{645} \u{627}\u{644}\u{627}\u{62b}\u{646}\u{64a}\u{646}.\n\n\
        The \u{2067}\u{627}\u{644}\u{645}\u{64a}\u{646}\u{627}\u{621}\u{2069} port reopened, \u{200f}officials\u{200e} said \u{2066}on Thursday\u{2069}.\n\n\
        \u{202b}\u{202a}\u{202d}\u{202e}\u{2068}\u{061c}\n";
    let r = run_all(input);
    mentions_slice(input, &r);
    assert!(r.paragraphs.len() + r.removed.len() + usize::from(r.title.is_some()) >= 3);
}

#[test]
fn combining_marks() {
    let zalgo: String = "Ferry news"
        .chars()
        .flat_map(|c| std::iter::once(c).chain("\u{301}\u{316}\u{35c}\u{334}\u{489}".chars()))
        .collect();
    let input = format!(
        "Cafe\u{301} on the Harbour\n\nThe cafe\u{301} by the pier reopened on Thursday, said the owner, Zoe\u{308} Ma\u{303}o.\n\n{zalgo}\n\n{}\n",
        "\u{301}".repeat(50_000)
    );
    let r = run_all(&input);
    mentions_slice(&input, &r);
}

#[test]
fn emoji_and_non_bmp() {
    let input = "\u{1F6A2} Ferry Returns to Lake Orrin \u{1F389}\n\n\
        The ferry \u{1F6A2} across Lake Orrin runs again from Monday, the Harbour Trust said \u{1F44D}\u{1F3FD}.\n\n\
        Families \u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}\u{200D}\u{1F466} waved flags \u{1F1EC}\u{1F1E7}\u{1F1F3}\u{1F1F4} at the pier.\n\n\
        \u{1D4D5}\u{1D4FB}\u{1D4EE}\u{1D4EE} \u{1D4FD}\u{1D4F2}\u{1D4EC}\u{1D4F4}\u{1D4EE}\u{1D4FD}\u{1D500} for \u{20000}\u{20001} and \u{10348} readers.\n\n\
        \u{1F600}\u{1F600}\u{1F600}\u{1F600}\n\n\
        The ferry \u{1F6A2} across Lake Orrin runs again from Monday, the Harbour Trust said \u{1F44D}\u{1F3FD}.\n";
    let r = run_all(input);
    mentions_slice(input, &r);
    assert_eq!(r.stats.duplicates_removed, 1);
    assert_eq!(r.stats.input_chars, input.chars().count());
    // The removed copy is exactly where the input has it, in code points.
    let dup = r
        .removed
        .iter()
        .find(|x| x.reason == "duplicate")
        .expect("a duplicate");
    let at = input.rfind("The ferry").expect("present");
    assert_eq!(dup.start, input[..at].chars().count());
    // Many non-BMP characters before a paragraph shift its offset in code
    // points, not in bytes or UTF-16 units.
    let shifted = format!("{}\n\n{}", "\u{1F6A2}".repeat(1000), STORY);
    let r = run(&shifted, InputKind::Text);
    let para = r
        .paragraphs
        .iter()
        .find(|p| p.text.starts_with("The ferry across"))
        .expect("the first paragraph of the story");
    let at = shifted.find("The ferry across").expect("present");
    assert_eq!(para.start, shifted[..at].chars().count());
    assert_eq!(para.start, at - 3 * 1000, "4-byte characters count once");
}

#[test]
fn cjk_without_spaces() {
    let sentence = "\u{6e2f}\u{53e3}\u{7684}\u{6e21}\u{8f6e}\u{5c06}\u{4e8e}\u{661f}\u{671f}\u{4e00}\u{6062}\u{590d}\u{8fd0}\u{8425}\u{ff0c}\u{5de5}\u{7a0b}\u{5e08}\u{5df2}\u{7ecf}\u{4fee}\u{597d}\u{4e86}\u{5317}\u{9762}\u{7684}\u{7801}\u{5934}\u{3002}";
    let japanese = "\u{30d5}\u{30a7}\u{30ea}\u{30fc}\u{306f}\u{6708}\u{66dc}\u{65e5}\u{304b}\u{3089}\u{904b}\u{822a}\u{3092}\u{518d}\u{958b}\u{3059}\u{308b}\u{3002}";
    let korean = "\u{d398}\u{b9ac}\u{b294}\u{c6d4}\u{c694}\u{c77c}\u{bd80}\u{d130}\u{c6b4}\u{d56d}\u{c744}\u{c7ac}\u{ac1c}\u{d55c}\u{b2e4}.";
    let short = format!("{sentence}\n\n{japanese}\n\n{korean}\n\n{sentence}\n");
    let r = run_all(&short);
    // The repeated sentence is shown once (as the title or a paragraph).
    let shown = r.paragraphs.iter().filter(|p| p.text == sentence).count()
        + usize::from(r.title.as_deref() == Some(sentence));
    assert_eq!(shown, 1, "{r:?}");
    assert_eq!(r.removed.len(), 1, "{r:?}");
    // A long run of CJK text with no space at all, as one line and as
    // paragraphs.
    let long_line = sentence.repeat(5_000);
    run_all(&long_line);
    let paras: String = (0..2_000)
        .map(|i| format!("{sentence}{japanese}{i}\n\n"))
        .collect();
    run(&paras, InputKind::Text);
}

#[test]
fn mixed_scripts() {
    let input = "Ferry \u{41f}\u{430}\u{440}\u{43e}\u{43c} \u{3b1}\u{3c0}\u{3cc} Lake Orrin \u{6e21}\u{8f6e} \u{627}\u{644}\u{639}\u{628}\u{627}\u{631}\u{629} \u{915}\u{93f}\u{936}\u{94d}\u{924}\u{940} \u{e40}\u{e23}\u{e37}\u{e2d}\n\n\
        The Harbour Trust said the \u{431}\u{435}\u{440}\u{435}\u{433} (shore) was repaired by engineers from \u{41f}\u{43e}\u{440}\u{442}-\u{42d}\u{43b}\u{43b}\u{438}\u{441} on Thursday.\n\n\
        \u{10d0}\u{10e0}\u{10e1} \u{570}\u{561}\u{575} \u{1200}\u{1208} \u{f40}\u{f41} \u{1780}\u{1781} \u{a000}\u{a001}\n\n\
        Prices rose \u{20ac}5, \u{a3}4 and \u{a5}300 \u{2014} about 4\u{2009}% \u{2014} at the kiosk on the pier.\n";
    let r = run_all(input);
    mentions_slice(input, &r);
    let doubled = format!("{input}\n{input}");
    let r = run(&doubled, InputKind::Text);
    assert!(r.stats.duplicates_removed >= 3, "{r:?}");
}

#[test]
fn raw_and_bad_options() {
    let r = analyze(
        STORY,
        &Options {
            raw: true,
            ..Options::default()
        },
    )
    .expect("a report");
    invariants::check_report(STORY, &Options::default(), &r, true);
    let bad = Options {
        max_facts: usize::MAX,
        ..Options::default()
    };
    let err = analyze(STORY, &bad).expect_err("too many facts");
    assert!(err.to_string().contains("maxFacts"), "{err}");
    let err = analyze_bytes(b"\xff", &bad).expect_err("too many facts");
    assert!(!err.to_string().is_empty());
}

// ------------------------------------------------------------ properties

#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use super::invariants;
    use article_cleaner::{analyze, analyze_bytes, InputKind, Options};
    use proptest::prelude::*;

    /// Pieces hostile text is made of: prose, markup, odd characters of
    /// every kind the tests above take one at a time.
    fn piece() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("The ferry across Lake Orrin runs again from Monday, the Harbour Trust said.".to_string()),
            Just("By Tomas Veld".to_string()),
            Just("Advertisement".to_string()),
            Just("- Home".to_string()),
            Just("<p>".to_string()),
            Just("</p>".to_string()),
            Just("<div class=\"ad\">".to_string()),
            Just("<!--".to_string()),
            Just("-->".to_string()),
            Just("<![CDATA[".to_string()),
            Just("<script>".to_string()),
            Just("&amp;&#x1F6A2;&#0;&bogus;".to_string()),
            Just("\u{202e}\u{2067}\u{200f}".to_string()),
            Just("e\u{301}\u{316}".to_string()),
            Just("\u{1F468}\u{200D}\u{1F469}\u{1F1EC}\u{1F1E7}".to_string()),
            Just("\u{6e21}\u{8f6e}\u{6062}\u{590d}\u{3002}".to_string()),
            Just("\u{0}\u{7}\u{1b}\u{feff}\u{ad}\u{200b}".to_string()),
            Just("\n".to_string()),
            Just("\n\n".to_string()),
            Just("\r\n".to_string()),
            Just("\u{2028}".to_string()),
            "\\PC{0,12}",
            "[a-z ]{0,30}",
        ]
    }

    fn hostile_text() -> impl Strategy<Value = String> {
        prop::collection::vec(piece(), 0..60).prop_map(|p| p.concat())
    }

    fn any_options() -> impl Strategy<Value = Options> {
        (
            prop::sample::select(vec![InputKind::Auto, InputKind::Text, InputKind::Html]),
            prop_oneof![0usize..12, 90usize..=110, Just(usize::MAX)],
            any::<bool>(),
        )
            .prop_map(|(input, max_facts, raw)| Options {
                input,
                max_facts,
                raw,
                ..Options::default()
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        /// Any text, any options: a report that keeps every promise (or a
        /// clear error for a bad option), the same twice.
        #[test]
        fn any_text_with_any_options(input in hostile_text(), options in any_options()) {
            let result = analyze(&input, &options);
            invariants::check(&input, &options, &result, options.input == InputKind::Text);
            prop_assert_eq!(result, analyze(&input, &options));
        }

        /// Any bytes: decoded lossily, offsets count the decoded text.
        #[test]
        fn any_bytes_with_any_options(
            bytes in prop::collection::vec(any::<u8>(), 0..600),
            options in any_options(),
        ) {
            let result = analyze_bytes(&bytes, &options);
            let text = String::from_utf8_lossy(&bytes);
            invariants::check(&text, &options, &result, options.input == InputKind::Text);
        }
    }
}
