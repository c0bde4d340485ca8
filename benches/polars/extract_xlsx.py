"""Reading NHS England's national CWT provider workbook (.xlsx, as published)
side by side, in one run, rounds interleaved, medians and ratios:

- cancer-plan: `read_provider_extract_xlsx` + `by_organisation`, every row
  validated (counts whole or half, BREACHES = TOTAL - WITHIN, PERIOD
  against YEAR and MONTH, ODS codes, known standards, duplicates), run as
  the release build of `examples/cwt_extract_speed.rs` (one read per
  process: the timing includes starting the process);
- polars `read_excel` (engine calamine, through fastexcel) + the same
  group-by totals (no validation);
- pandas `read_excel` (engine openpyxl) + the same group-by totals (no
  validation).

    cargo build --release --example cwt_extract_speed --features xlsx
    python3 benches/polars/extract_xlsx.py ../shared/data/cwt/cwt-provider-extract-2023-10-england.xlsx [ROUNDS]

Needs `pip install polars fastexcel pandas openpyxl`.
"""

import os
import statistics
import subprocess
import sys
import time

import pandas as pd
import polars as pl

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TARGET = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
BINARY = os.path.join(TARGET, "release", "examples", "cwt_extract_speed")


def counted_polars(df):
    return (
        df.filter(
            (pl.col("STANDARD") == "28-day FDS")
            | (pl.col("TREATMENT MODALITY").str.to_uppercase() == "ALL MODALITIES")
        )
        .group_by(["PERIOD", "STANDARD", "ORG CODE"])
        .agg(pl.col("TOTAL TREATED").sum(), pl.col("WITHIN STANDARD").sum())
    )


def polars_totals(path):
    return counted_polars(pl.read_excel(path, engine="calamine")).height


def pandas_totals(path):
    df = pd.read_excel(path, engine="openpyxl")
    keep = (df["STANDARD"] == "28-day FDS") | (
        df["TREATMENT MODALITY"].fillna("").str.upper() == "ALL MODALITIES"
    )
    return len(
        df[keep]
        .groupby(["PERIOD", "STANDARD", "ORG CODE"])[["TOTAL TREATED", "WITHIN STANDARD"]]
        .sum()
    )


def crate_totals(path):
    out = subprocess.run([BINARY, path, "1"], check=True, capture_output=True, text=True)
    return int(out.stdout.rsplit(";", 1)[1].split()[0])


def national_fds(path):
    df = pl.read_excel(path, engine="calamine").filter(pl.col("STANDARD") == "28-day FDS")
    return df["TOTAL TREATED"].sum(), df["WITHIN STANDARD"].sum()


def main():
    path = sys.argv[1]
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 7
    tools = [
        ("cancer-plan read_provider_extract_xlsx + by_organisation (validated)", crate_totals),
        (f"polars {pl.__version__} read_excel (calamine/fastexcel) + group_by", polars_totals),
        (f"pandas {pd.__version__} read_excel (openpyxl) + groupby", pandas_totals),
    ]
    times = {name: [] for name, _ in tools}
    cells = {}
    for _ in range(rounds):
        for name, run in tools:
            start = time.perf_counter()
            cells[name] = run(path)
            times[name].append((time.perf_counter() - start) * 1000)
    print(f"{path}: {rounds} rounds, interleaved; national FDS (told, within): {national_fds(path)}")
    ours = statistics.median(times[tools[0][0]])
    for name, _ in tools:
        median = statistics.median(times[name])
        print(
            f"  {name}: median {median:.1f} ms (min {min(times[name]):.1f}, max {max(times[name]):.1f}); "
            f"{cells[name]} cells; {median / ours:.2f}x cancer-plan's time"
        )


if __name__ == "__main__":
    main()
