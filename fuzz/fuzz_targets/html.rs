//! `analyze_bytes` on arbitrary bytes read as HTML: no panic, no hang, and
//! every offset inside the input.
#![no_main]

use article_cleaner::{analyze_bytes, InputKind, Options};
use article_cleaner_fuzz::invariants;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let options = Options {
        input: InputKind::Html,
        ..Options::default()
    };
    let result = analyze_bytes(data, &options);
    let text = String::from_utf8_lossy(data);
    invariants::check(&text, &options, &result, false);
});
