//! `analyze_bytes` on arbitrary bytes read as plain text: no panic, and the
//! report keeps its promises (offsets slice the input to the reported text).
#![no_main]

use article_cleaner::{analyze_bytes, InputKind, Options};
use article_cleaner_fuzz::invariants;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let options = Options {
        input: InputKind::Text,
        ..Options::default()
    };
    let result = analyze_bytes(data, &options);
    let text = String::from_utf8_lossy(data);
    invariants::check(&text, &options, &result, true);
});
