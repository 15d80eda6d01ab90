//! Property tests: whatever the input, the pipeline does not panic, gives
//! the same report twice, accounts for every visible character exactly
//! once, and leaves nothing to remove when run on its own output.

use proptest::prelude::*;

use crate::blocks::{self, is_blank_char};
use crate::options::{InputKind, Options};
use crate::{analyze, clean, read};

/// Lines an article is made of: prose, headings, menu entries, list items,
/// datelines, bylines, rule triggers, odd characters.
fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("The council approved the budget on Tuesday after a long debate about roads.".to_string()),
        Just(
            "Residents said they would keep pressing for lower taxes, and the mayor agreed to meet them."
                .to_string()
        ),
        Just("“We will not stop here,” the spokesperson told reporters in the capital.".to_string()),
        Just("Prices rose 5.4% in May, the statistics office said, the fastest pace since 2019.".to_string()),
        Just("Most popular".to_string()),
        Just("Comments".to_string()),
        Just("Advertisement".to_string()),
        Just("* Home".to_string()),
        Just("- Ten things to do this weekend".to_string()),
        Just("By Jane Roe and John Doe".to_string()),
        Just("LONDON (Wire) - Markets opened higher.".to_string()),
        Just("Nov. 19, 2019 at 5:50 PM".to_string()),
        Just("Legal Disclaimer:".to_string()),
        Just("Share this article".to_string()),
        Just("Der Stadtrat hat am Dienstag den Haushalt beschlossen, sagte die Bürgermeisterin.".to_string()),
        Just("市議会は火曜日、予算案を可決した。".to_string()),
        Just(String::new()),
        "[a-zA-Z ,.!?'\"\u{2019}\u{201c}\u{201d}-]{0,80}",
        "\\PC{0,40}",
        "[\u{0}-\u{1f}\u{7f}\u{ad}\u{200b}\u{feff}\u{202e}a-z ]{0,20}",
    ]
}

fn article() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(line(), 0..40),
        prop::sample::select(vec!["\n", "\r\n", "\r", "\n\n"]),
    )
        .prop_map(|(lines, sep)| lines.join(sep))
}

fn options() -> impl Strategy<Value = Options> {
    (
        prop::sample::select(vec![InputKind::Auto, InputKind::Text, InputKind::Html]),
        0usize..10,
        any::<bool>(),
    )
        .prop_map(|(input, max_facts, raw)| Options {
            input,
            max_facts,
            raw,
            ..Options::default()
        })
}

/// Input byte spans of everything the report accounts for: title, byline,
/// kept paragraphs and removed parts.
fn accounted_spans(input: &str) -> Vec<(usize, usize)> {
    let options = Options {
        input: InputKind::Text,
        ..Options::default()
    };
    let cleaned = clean::clean(blocks::split(read::read(input, &options)), &options);
    let mut spans: Vec<(usize, usize)> = Vec::new();
    spans.extend(cleaned.meta.title.as_ref().and_then(|t| t.span));
    spans.extend(cleaned.meta.byline.as_ref().and_then(|t| t.span));
    spans.extend(cleaned.kept.iter().map(|b| (b.start, b.end)));
    spans.extend(cleaned.removed.iter().map(|r| (r.block.start, r.block.end)));
    spans
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn never_panics_and_is_deterministic(input in article(), options in options()) {
        let a = analyze(&input, &options).expect("valid options");
        let b = analyze(&input, &options).expect("valid options");
        prop_assert_eq!(a, b);
    }

    #[test]
    fn never_panics_on_arbitrary_text(input in "\\PC*|[<>&;#a-z/=\"' \n]*") {
        for kind in [InputKind::Text, InputKind::Html] {
            let _ = analyze(&input, &Options { input: kind, ..Options::default() });
        }
    }

    #[test]
    fn never_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let report = crate::analyze_bytes(&bytes, &Options::default()).expect("valid options");
        prop_assert!(report.stats.input_chars <= bytes.len());
    }

    #[test]
    fn every_visible_character_is_accounted_for_once(input in article()) {
        let spans = accounted_spans(&input);
        let mut seen = vec![0u8; input.len()];
        for (s, e) in spans {
            prop_assert!(s <= e && e <= input.len(), "span {}..{} outside the input", s, e);
            for slot in &mut seen[s..e] {
                *slot += 1;
            }
        }
        for (i, c) in input.char_indices() {
            if is_blank_char(c) {
                continue;
            }
            prop_assert_eq!(seen[i], 1, "character {:?} at byte {} is in {} parts", c, i, seen[i]);
        }
    }

    #[test]
    fn offsets_slice_the_input(input in article()) {
        let report = analyze(&input, &Options { input: InputKind::Text, ..Options::default() }).expect("valid options");
        let chars: Vec<char> = input.chars().collect();
        let visible = |s: &str| -> String {
            let s: String = s.chars().filter(|&c| !blocks::is_invisible(c)).collect();
            s.split(is_blank_char).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
        };
        for p in &report.paragraphs {
            prop_assert!(p.start <= p.end && p.end <= chars.len());
            let slice: String = chars[p.start..p.end].iter().collect();
            prop_assert_eq!(visible(&slice), visible(&p.text));
        }
        for r in &report.removed {
            prop_assert!(r.start <= r.end && r.end <= chars.len());
            let slice: String = chars[r.start..r.end].iter().collect();
            prop_assert_eq!(visible(&slice), visible(&r.text));
        }
    }

    #[test]
    fn cleaning_the_cleaned_text_removes_nothing(input in article()) {
        let options = Options { input: InputKind::Text, ..Options::default() };
        let first = analyze(&input, &options).expect("valid options");
        let second = analyze(&first.to_text(), &options).expect("valid options");
        prop_assert!(second.removed.is_empty(), "second pass removed {:?}", second.removed);
    }
}
