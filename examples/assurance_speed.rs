//! How long does the whole assurance value take at national scale,
//! against reading the extract alone? (BENCHMARKS.md, "Plan assurance".)
//!
//! ```text
//! # a 16-month national-size provider extract (synthetic): the Wessex
//! # 2024-25 sample as published plus 16 copies under other trust codes
//! cargo run --release --example assurance_speed --features json,cwt-extract -- \
//!     national ../shared/data/cwt/cwt-provider-extract-2024-04-to-2025-07-wessex.csv target/cwt-national-16m.csv
//! # read alone, and read + assurance, alternated RUNS times in this process
//! cargo run --release --example assurance_speed --features json,cwt-extract -- \
//!     time examples/data/wessex-2024-25.json target/cwt-national-16m.csv 20
//! # one whole assurance run (for farm-bench against benches/polars/assurance.py)
//! cargo run --release --example assurance_speed --features json,cwt-extract -- \
//!     once examples/data/wessex-2024-25.json target/cwt-national-16m.csv
//! ```

use std::error::Error;
use std::time::Instant;

use cancer_plan::assurance::{CwtSource, PlanAssurance};
use cancer_plan::cwt::extract::read_any_extract;

#[path = "common/national.rs"]
mod national;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    let n = v.len();
    if n == 0 {
        return f64::NAN;
    }
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

fn main() -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: assurance_speed national SAMPLE.csv OUT.csv | time PLAN.json FILE [RUNS] | once PLAN.json FILE";
    match args.first().map(String::as_str) {
        Some("national") => {
            let (sample, out) = (args.get(1).ok_or(usage)?, args.get(2).ok_or(usage)?);
            let text = std::fs::read_to_string(sample).map_err(|e| format!("{sample}: {e}"))?;
            // The sample as published (the plan's trusts) and 16 copies under
            // other codes: 17 x 9,623 = 163,591 rows, 119 trusts, 16 months.
            let copies = national::replicate(&text, 16, 1, 16);
            let mut all = text.trim_end().to_owned();
            all.push('\n');
            all.push_str(copies.split_once('\n').map_or("", |(_, body)| body));
            std::fs::write(out, &all).map_err(|e| format!("{out}: {e}"))?;
            println!(
                "{out}: {} rows, {} bytes",
                all.lines().count() - 1,
                all.len()
            );
        }
        Some("time") => {
            let (plan, file) = (args.get(1).ok_or(usage)?, args.get(2).ok_or(usage)?);
            let runs: usize = args.get(3).map_or(Ok(20), |r| r.parse())?;
            let plan = cancer_plan::json::from_str(&std::fs::read_to_string(plan)?)?;
            let (mut read, mut whole) = (Vec::new(), Vec::new());
            let mut rows = 0;
            let mut funnel_points = 0;
            for _ in 0..runs {
                let start = Instant::now();
                let extract = read_any_extract(std::fs::File::open(file)?)?;
                read.push(start.elapsed().as_secs_f64() * 1000.0);
                drop(extract);
                let start = Instant::now();
                let extract = read_any_extract(std::fs::File::open(file)?)?;
                let source = CwtSource::from_extract(file.as_str(), &extract)?;
                let assurance = PlanAssurance::build(&plan, &[source])?;
                whole.push(start.elapsed().as_secs_f64() * 1000.0);
                rows = assurance.rows().len();
                funnel_points = assurance.funnels().iter().map(|f| f.points().len()).sum();
            }
            let (r, w) = (median(read), median(whole));
            println!(
                "{file}: read alone median {r:.1} ms; read + assurance median {w:.1} ms; ratio {:.2} \
                 over {runs} runs ({rows} rows, {funnel_points} funnel points)",
                w / r
            );
        }
        Some("once") => {
            let (plan, file) = (args.get(1).ok_or(usage)?, args.get(2).ok_or(usage)?);
            let plan = cancer_plan::json::from_str(&std::fs::read_to_string(plan)?)?;
            let extract = read_any_extract(std::fs::File::open(file)?)?;
            let source = CwtSource::from_extract(file.as_str(), &extract)?;
            let assurance = PlanAssurance::build(&plan, &[source])?;
            println!(
                "{} rows, {} series, {} funnels",
                assurance.rows().len(),
                assurance.series().len(),
                assurance.funnels().len()
            );
        }
        _ => return Err(usage.into()),
    }
    Ok(())
}
