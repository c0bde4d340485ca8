#!/usr/bin/env bash
# The capacity_demand simulation against ciw on the same pathway, side by
# side in one run, one core each (see BENCHMARKS.md, "Capacity and demand").
# Needs `pip install ciw`. Usage: benches/ciw/compare.sh [CIW_REPLICATIONS]
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo build --quiet --release -p cancer-plan-tools --bin capacity_demand_speed
"${CARGO_TARGET_DIR:-target}/release/capacity_demand_speed" benches/ciw/lower_gi.json 200
python3 benches/ciw/pathway_ciw.py benches/ciw/lower_gi.json "${1:-20}"
