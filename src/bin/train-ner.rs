//! `train-ner`: trains the name tagger's weights (see src/data/ner/README.md).

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match article_cleaner::train_ner(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("train-ner: {message}");
            ExitCode::from(2)
        }
    }
}
