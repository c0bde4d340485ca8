"""What a user would otherwise write for the assurance rows: polars reads
the provider extract, totals it by month x standard x trust (FDS: every
row; 31/62-day: ALL MODALITIES rows), rolls trusts up to ICB and alliance
through the plan's membership (a listed trust outside the alliance's ICBs
kept on its own), and computes per row: performance, Wilson intervals at
95% and 99.8%, the gap in patients to the standard, the milestone in force,
the next milestone and the plan's ask; per series the XmR limits (screened
moving ranges, as NHSRplotthedots); per month x standard the funnel limits
across every trust (PHEindicatormethods' sigma_adjustment) and the flags.
Times it RUNS times in this process and prints the median, as
`examples/assurance_speed.rs time` does for the crate.

    python3 benches/polars/assurance.py PLAN.json FILE [RUNS]

No SPC special-cause rules, icons, RDC or budget (the crate gives those too).
"""

import json
import math
import statistics
import sys
import time

import polars as pl

Z95 = 1.959963984540054
Z998 = 3.090232306167813
STANDARD = {"28-day FDS": 75.0, "31-day Combined": 96.0, "62-day Combined": 85.0}
# (standard, first month in force, points): national planning milestones.
MILESTONES = [
    ("28-day FDS", "2025-03", 77.0), ("28-day FDS", "2026-03", 80.0), ("28-day FDS", "2029-03", 80.0),
    ("31-day Combined", "2029-03", 96.0),
    ("62-day Combined", "2025-03", 70.0), ("62-day Combined", "2026-03", 75.0), ("62-day Combined", "2029-03", 85.0),
]
PLAN_CODES = {"fds_28_day": "28-day FDS", "combined_31_day": "31-day Combined", "combined_62_day": "62-day Combined"}


def membership(plan):
    alliance = plan["alliance"]
    icbs = {i["id"] for i in alliance["icbs"]}
    rows = []
    for p in alliance.get("providers", []):
        icb = p.get("icb")
        rows.append((p["ods_code"], icb if icb in icbs else None))
    asks = {}
    for r in plan["responsibilities"]:
        for a in r["delivery_asks"]:
            t = a["kind"].get("performance_target")
            if t:
                asks[PLAN_CODES[t["standard"]]] = float(t["threshold"])
    return pl.DataFrame(rows, schema=["org", "icb"], orient="row"), alliance["name"], asks


def milestone_table(months):
    out = []
    for std in STANDARD:
        for m in months:
            due = [(f, p) for s, f, p in MILESTONES if s == std and f <= m]
            nxt = [(f, p) for s, f, p in MILESTONES if s == std and f > m]
            out.append((std, m, max(due)[1] if due else None, min(nxt)[1] if nxt else None))
    return pl.DataFrame(out, schema=["standard", "month", "milestone", "next_milestone"], orient="row")


def wilson(x, n, z):
    spread = z * (z * z + 4 * x * (1 - x / n)).sqrt()
    return ((2 * x + z * z - spread) / 2 / (n + z * z), (2 * x + z * z + spread) / 2 / (n + z * z))


def funnel(av, n, z, side):
    first = av * (n / z**2 + 1)
    adj = ((-8 * av * (n / z**2 + 1)) ** 2 - 64 * (1 / z**2 + 1 / n) * av * (n * (av * (n / z**2 + 2) - 1) + z**2 * (av - 1))).sqrt()
    last = 1 / z**2 + 1 / n
    return ((first - adj / 8) / last / n) if side == "low" else ((first + adj / 8) / last / n)


def xmr(values):
    mr = [abs(b - a) for a, b in zip(values, values[1:])]
    if not mr:
        return None
    amr = sum(mr) / len(mr)
    kept = [m for m in mr if m < 3.267 * amr]
    if kept:
        amr = sum(kept) / len(kept)
    mean = sum(values) / len(values)
    return mean, mean - 2.66 * amr, mean + 2.66 * amr


def assurance(plan_path, path):
    plan = json.load(open(plan_path))
    members, alliance, asks = membership(plan)
    df = pl.read_csv(path, infer_schema_length=10000)
    counted = df.filter(
        (pl.col("STANDARD") == "28-day FDS")
        | (pl.col("TREATMENT MODALITY").str.to_uppercase() == "ALL MODALITIES")
    )
    by_org = counted.group_by(["PERIOD", "STANDARD", "ORG CODE"]).agg(
        pl.col("TOTAL TREATED").sum().alias("total"), pl.col("WITHIN STANDARD").sum().alias("within")
    ).with_columns(pl.col("PERIOD").str.slice(0, 7).alias("month")).rename({"STANDARD": "standard", "ORG CODE": "org"})
    # Funnels across every trust in the file.
    av = by_org.group_by(["month", "standard"]).agg((pl.col("within").sum() / pl.col("total").sum()).alias("av"))
    f = by_org.join(av, on=["month", "standard"]).with_columns(p=pl.col("within") / pl.col("total"))
    n = pl.col("total")
    f = f.with_columns(
        lo95=funnel(pl.col("av"), n, Z95, "low"), hi95=funnel(pl.col("av"), n, Z95, "high"),
        lo998=funnel(pl.col("av"), n, Z998, "low"), hi998=funnel(pl.col("av"), n, Z998, "high"),
    ).with_columns(
        flag=pl.when(pl.col("p") < pl.col("lo998")).then(pl.lit("Low (0.001)"))
        .when(pl.col("p") < pl.col("lo95")).then(pl.lit("Low (0.025)"))
        .when(pl.col("p") > pl.col("hi998")).then(pl.lit("High (0.001)"))
        .when(pl.col("p") > pl.col("hi95")).then(pl.lit("High (0.025)"))
        .otherwise(pl.lit("Not significant"))
    )
    # Roll up through the plan's membership.
    listed = by_org.join(members, on="org", how="inner")
    trusts = listed.select("month", "standard", pl.lit("trust").alias("level"), pl.col("org").alias("code"), "total", "within")
    inside = listed.filter(pl.col("icb").is_not_null())
    icb = inside.group_by(["month", "standard", "icb"]).agg(pl.col("total").sum(), pl.col("within").sum()).select(
        "month", "standard", pl.lit("icb").alias("level"), pl.col("icb").alias("code"), "total", "within")
    whole = inside.group_by(["month", "standard"]).agg(pl.col("total").sum(), pl.col("within").sum()).select(
        "month", "standard", pl.lit("alliance").alias("level"), pl.lit(alliance).alias("code"), "total", "within")
    rows = pl.concat([whole, icb, trusts]).with_columns(pl.col("total").cast(pl.Float64), pl.col("within").cast(pl.Float64))
    x, nn = pl.col("within"), pl.col("total")
    l95, u95 = wilson(x, nn, Z95)
    l998, u998 = wilson(x, nn, Z998)
    miles = milestone_table(rows["month"].unique().to_list())
    rows = rows.join(miles, on=["standard", "month"], how="left").with_columns(
        percent=100 * x / nn, w95_lo=l95, w95_hi=u95, w998_lo=l998, w998_hi=u998,
        standard_points=pl.col("standard").replace_strict(STANDARD, return_dtype=pl.Float64),
        ask_points=pl.col("standard").replace_strict(asks, default=None, return_dtype=pl.Float64),
    )
    for name in ["standard_points", "milestone", "next_milestone", "ask_points"]:
        rows = rows.with_columns(
            (pl.col(name) / 100 * nn - x).ceil().clip(lower_bound=0).alias(f"{name}_gap")
        )
    # XmR limits per series.
    limits = []
    for (std, level, code), g in rows.sort("month").group_by(["standard", "level", "code"], maintain_order=True):
        lim = xmr(g["percent"].to_list())
        if lim:
            limits.append((std, level, code, *lim))
    return rows, f, limits


def main():
    plan, path = sys.argv[1], sys.argv[2]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 10
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        rows, f, limits = assurance(plan, path)
        times.append((time.perf_counter() - start) * 1000)
    print(
        f"polars {pl.__version__} assurance rows: {path}: median {statistics.median(times):.1f} ms "
        f"over {runs} runs (min {min(times):.1f}, max {max(times):.1f}); {rows.height} rows, "
        f"{f.height} funnel points, {len(limits)} series"
    )


if __name__ == "__main__":
    main()
