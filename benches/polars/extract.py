"""What a user would otherwise write: polars `read_csv` + a group-by of the
same totals the crate's `read_provider_extract` + `tabulate` gives (FDS: every
row; 31-day and 62-day: `ALL MODALITIES` rows only), by month x standard x
organisation. Times it RUNS times in this process over the same file and
prints the median, like `tools/src/bin/cwt_extract_speed.rs` does for the crate.

    python3 benches/polars/extract.py FILE [RUNS]

No validation beyond what `read_csv` does: no half-count check, no
duplicate check, no bad-row report (the crate does all three on every row).
"""

import statistics
import sys
import time

import polars as pl


def totals(path):
    df = pl.read_csv(path, infer_schema_length=10000)
    counted = df.filter(
        (pl.col("STANDARD") == "28-day FDS")
        | (pl.col("TREATMENT MODALITY").str.to_uppercase() == "ALL MODALITIES")
    )
    return counted.group_by(["PERIOD", "STANDARD", "ORG CODE"]).agg(
        pl.col("TOTAL TREATED").sum(), pl.col("WITHIN STANDARD").sum()
    )


def main():
    path = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    times = []
    cells = 0
    for _ in range(runs):
        start = time.perf_counter()
        cells = totals(path).height
        times.append((time.perf_counter() - start) * 1000)
    print(
        f"polars {pl.__version__} read_csv + group_by: {path}: median {statistics.median(times):.1f} ms "
        f"over {runs} runs (min {min(times):.1f}, max {max(times):.1f}); {cells} cells"
    )


if __name__ == "__main__":
    main()
