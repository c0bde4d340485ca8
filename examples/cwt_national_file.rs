//! Writes national-size CWT extracts for speed tests, made by repeating the
//! Wessex samples under other organisation codes and months (see
//! `examples/common/national.rs`). Synthetic: the counts are Wessex's.
//!
//! ```text
//! cargo run --release --example cwt_national_file -- target/cwt-national \
//!     ../shared/data/cwt/cwt-provider-extract-2023-04-to-10-wessex.csv \
//!     ../shared/data/cwt/cwt-icb-sublocation-2023-04-to-10-wessex.csv
//! ```
//!
//! (the two samples are NHS England's, kept beside the project in
//! `../shared/data/cwt/`, never copied into it) writes `target/cwt-national-provider-1x.csv` (17 x 3,603 = 61,251 rows,
//! about the size of a full national provider extract for seven months),
//! `...-provider-10x.csv` (612,510 rows: also ten blocks of seven months)
//! and `...-sub-icb-1x.csv` (the sub-ICB sample under 17 code sets).

use std::error::Error;

#[path = "common/national.rs"]
mod national;

const USAGE: &str = "usage: cwt_national_file OUT-STEM PROVIDER-SAMPLE.csv SUB-ICB-SAMPLE.csv\n\
    (the Wessex samples: ../shared/data/cwt/cwt-provider-extract-2023-04-to-10-wessex.csv and\n\
    ../shared/data/cwt/cwt-icb-sublocation-2023-04-to-10-wessex.csv)";

fn main() {
    if let Err(e) = run() {
        eprintln!("cwt_national_file: {e}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [stem, provider, sub_icb] = args.as_slice() else {
        return Err(USAGE.into());
    };
    let read =
        |path: &str| std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"));
    let (provider, sub_icb) = (read(provider)?, read(sub_icb)?);
    for (name, text) in [
        ("provider-1x", national::replicate(&provider, 17, 1, 7)),
        ("provider-10x", national::replicate(&provider, 17, 10, 7)),
        ("sub-icb-1x", national::replicate(&sub_icb, 17, 1, 7)),
    ] {
        let path = format!("{stem}-{name}.csv");
        std::fs::write(&path, &text)?;
        println!(
            "{path}: {} rows, {} bytes",
            text.lines().count() - 1,
            text.len()
        );
    }
    Ok(())
}
