//! Random markup: any mix of tags, entities, comments and text gives a
//! report whose spans lie inside the input and hold the text they claim.
// proptest is a native dev-dependency only.
#![cfg(not(target_arch = "wasm32"))]

use article_cleaner::{analyze, InputKind, Options};
use proptest::prelude::*;

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("<p>".to_string()),
        Just("</p>".to_string()),
        Just("<div class=\"content\">".to_string()),
        Just("<div class='comments'>".to_string()),
        Just("</div>".to_string()),
        Just("<li>".to_string()),
        Just("<ul>".to_string()),
        Just("</ul>".to_string()),
        Just("<table><tr><td>".to_string()),
        Just("<td>".to_string()),
        Just("</table>".to_string()),
        Just("<a href=x>".to_string()),
        Just("</a>".to_string()),
        Just("<br>".to_string()),
        Just("<h1>".to_string()),
        Just("</h2>".to_string()),
        Just("<script>".to_string()),
        Just("</script>".to_string()),
        Just("<!--".to_string()),
        Just("-->".to_string()),
        Just("<![CDATA[".to_string()),
        Just("&amp;".to_string()),
        Just("&#x1F600;".to_string()),
        Just("&nbsp;".to_string()),
        Just("&".to_string()),
        Just("<".to_string()),
        Just(">".to_string()),
        Just("<p title=\"".to_string()),
        Just("\"".to_string()),
        Just("é".to_string()),
        Just("\u{00ad}".to_string()),
        Just(" ".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("<pre>".to_string()),
        Just("</pre>".to_string()),
        "[A-Za-z ,.]{1,40}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn random_markup_gives_sound_spans(pieces in proptest::collection::vec(piece(), 0..80)) {
        let input: String = pieces.concat();
        let options = Options { input: InputKind::Html, ..Options::default() };
        let report = analyze(&input, &options).unwrap();
        let chars: Vec<char> = input.chars().collect();
        for p in &report.paragraphs {
            prop_assert!(p.start < p.end && p.end <= chars.len(), "{:?}", p);
            prop_assert!(!p.text.is_empty());
            prop_assert!(!p.text.starts_with(' ') && !p.text.ends_with(' '));
        }
        for r in &report.removed {
            prop_assert!(r.start <= r.end && r.end <= chars.len(), "{:?}", r);
        }
        prop_assert!(!report.text.contains("<script>"));
    }
}
