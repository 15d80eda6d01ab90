//! `train-cleaner`: trains the cleaning model's weights (README, "Cleaning model").

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match article_cleaner::train_cleaner(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("train-cleaner: {message}");
            ExitCode::from(2)
        }
    }
}
