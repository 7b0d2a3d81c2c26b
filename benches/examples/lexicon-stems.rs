//! Print `core/data/lexicon-stems.tsv` for the embedded lexicon (run by
//! `scripts/gen-lexicon.py` after it writes the lexicon):
//!
//! ```text
//! cargo run --release -p atscore-benches --example lexicon-stems > core/data/lexicon-stems.tsv
//! ```

fn main() {
    match atscore::posting::lexicon_stems_file() {
        Ok(text) => print!("{text}"),
        Err(e) => {
            eprintln!("lexicon-stems: {e}");
            std::process::exit(1);
        }
    }
}
