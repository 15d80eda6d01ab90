//! Property tests over the whole report: articles made of prose, repeats,
//! boilerplate, markup and every kind of script (RTL, combining marks,
//! non-BMP, CJK), read as text, as HTML and detected, must keep every
//! promise the fuzz targets check (`fuzz/src/invariants.rs`): offsets of
//! paragraphs, removed parts, mentions and facts inside the input, text
//! spans slicing to their text, duplicates naming a kept paragraph, counts
//! adding up; and give the same report twice.
// proptest is a native dev-dependency only.
#![cfg(not(target_arch = "wasm32"))]

use article_cleaner::{analyze, InputKind, Options};
use proptest::prelude::*;

#[allow(dead_code)]
#[path = "../fuzz/src/invariants.rs"]
mod invariants;

fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Harbour Board Keeps the Night Ferry Running".to_string()),
        Just("By Mira Castell, Lakeside Wire".to_string()),
        Just(
            "The harbour board voted on Tuesday to keep the night ferry, its chair Ana Ruiz said."
                .to_string()
        ),
        Just("“We will run it all winter,” Ruiz told reporters in Brenmoor.".to_string()),
        Just("Tickets will cost 4.50 euros, up 12% from last year, the board said.".to_string()),
        Just("Advertisement".to_string()),
        Just("Share this article".to_string()),
        Just("* Home".to_string()),
        Just("<p>The ferry leaves at 9 pm.</p><script>x()</script>".to_string()),
        Just("<div class=\"comments\"><h2>Comments</h2><p>First!</p></div>".to_string()),
        Just("مجلس الميناء صوّت يوم الثلاثاء \u{202b}على\u{202c} إبقاء العبّارة.".to_string()),
        Just("e\u{301}te\u{301} a\u{308}\u{323} Zo\u{308}e".to_string()),
        Just("Ferry 🚢 fares 👩‍👩‍👧 rise 𝔸𝔹ℂ 𠀋 again.".to_string()),
        Just("港務委員会は火曜日、夜行フェリーの運航継続を決めた。".to_string()),
        Just(String::new()),
        "\\PC{0,60}",
        "[a-zA-Z <>/&;=\"'.,\u{a0}\u{200b}\u{2028}]{0,60}",
    ]
}

fn article() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(line(), 0..30),
        prop::sample::select(vec!["\n", "\r\n", "\n\n"]),
        0usize..3,
    )
        .prop_map(|(lines, sep, repeat)| {
            // Repeat a run of lines, as pages repeat paragraphs.
            let mut all = lines.clone();
            for _ in 0..repeat {
                all.extend(lines.iter().take(4).cloned());
            }
            all.join(sep)
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn reports_keep_their_promises(input in article(), max_facts in 0usize..8, raw in any::<bool>()) {
        for kind in [InputKind::Text, InputKind::Html, InputKind::Auto] {
            let options = Options { input: kind, max_facts, raw, ..Options::default() };
            let first = analyze(&input, &options);
            invariants::check(&input, &options, &first, invariants::reads_as_text(&options));
            prop_assert_eq!(&first, &analyze(&input, &options), "two runs differ");
        }
    }
}
