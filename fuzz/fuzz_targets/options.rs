//! `analyze` with arbitrary options on arbitrary text: bad options are clear
//! errors, good ones give a report that keeps its promises, twice the same.
#![no_main]

use article_cleaner::analyze;
use article_cleaner_fuzz::{invariants, FuzzOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|case: (FuzzOptions, String)| {
    let (fuzz_options, input) = case;
    let options = fuzz_options.to_options();
    let first = analyze(&input, &options);
    invariants::check(&input, &options, &first, invariants::reads_as_text(&options));
    let second = analyze(&input, &options);
    assert_eq!(first, second, "two runs differ");
});
