"""Polars baseline for the pathway readers: the same cells as
`cargo run --release --example cwt_pathways --all-features -- FILE --out CELLS.csv`.

    python3 benches/polars/pathways.py PATHWAYS.csv|PATHWAYS.parquet [--out CELLS.csv]

Reads with pl.read_csv(try_parse_dates=True) or pl.read_parquet, measures
each pathway for the three standards (days after adjustments, start day 0,
counted in the month of the clock stop; impossible records left out), and
groups by month x provider x tumour site x standard.
"""
import sys

import polars as pl

path = sys.argv[1]
out = sys.argv[sys.argv.index("--out") + 1] if "--out" in sys.argv else None
if path.endswith(".parquet"):
    df = pl.read_parquet(path)
else:
    df = pl.read_csv(path, try_parse_dates=True)

col = pl.col
dna = col("dna_adjustment_days").fill_null(0).cast(pl.Int64)
delay = col("treatment_delay_days").fill_null(0).cast(pl.Int64)
fds_routes = ["urgent_suspected_cancer", "breast_symptomatic", "urgent_screening"]
fds_stop = pl.min_horizontal(col("told_outcome"), col("decision_to_treat"))


def measured(name, days, start, stop, applies, adjustment):
    wait = (stop - start).dt.total_days() - adjustment
    return (
        df.lazy()
        .filter(applies & stop.is_not_null() & start.is_not_null() & ((stop - start).dt.total_days() >= 0) & (wait >= 0))
        .select(
            stop.dt.strftime("%Y-%m").alias("month"),
            col("provider"),
            col("tumour_site"),
            pl.lit(name).alias("standard"),
            (wait <= days).alias("within"),
        )
    )


parts = [
    measured("fds_28_day", 28, col("referral_received"), fds_stop, col("route").is_in(fds_routes), dna),
    measured("combined_31_day", 31, col("decision_to_treat"), col("first_treatment"), pl.lit(True), delay),
    measured("combined_62_day", 62, col("referral_received"), col("first_treatment"), col("route") != "other", dna + delay),
]
cells = (
    pl.concat(parts)
    .group_by(["month", "provider", "tumour_site", "standard"])
    .agg(pl.len().alias("total"), col("within").sum().alias("within"))
    .sort(["month", "provider", "tumour_site", "standard"])
    .collect()
)
if out:
    cells.write_csv(out)
print(f"{path}: {df.height} records, {cells.height} cells")
