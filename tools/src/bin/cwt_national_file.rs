//! Writes national-size CWT extracts for speed tests, made by repeating the
//! Wessex samples under other organisation codes and months (see
//! `tests/common/national.rs`). Synthetic: the counts are Wessex's.
//!
//! ```text
//! cargo run --release -p cancer-plan-tools --bin cwt_national_file -- target/cwt-national
//! ```
//!
//! writes `target/cwt-national-provider-1x.csv` (17 x 3,603 = 61,251 rows,
//! about the size of a full national provider extract for seven months),
//! `...-provider-10x.csv` (612,510 rows: also ten blocks of seven months)
//! and `...-sub-icb-1x.csv` (the sub-ICB sample under 17 code sets).

use std::error::Error;

#[path = "../../../tests/common/national.rs"]
mod national;

const PROVIDER: &str =
    include_str!("../../../examples/data/cwt-provider-extract-2023-04-to-10-wessex.csv");
const SUB_ICB: &str =
    include_str!("../../../examples/data/cwt-icb-sublocation-2023-04-to-10-wessex.csv");

fn main() -> Result<(), Box<dyn Error>> {
    let stem = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "target/cwt-national".to_owned());
    for (name, text) in [
        ("provider-1x", national::replicate(PROVIDER, 17, 1, 7)),
        ("provider-10x", national::replicate(PROVIDER, 17, 10, 7)),
        ("sub-icb-1x", national::replicate(SUB_ICB, 17, 1, 7)),
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
