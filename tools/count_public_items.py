#!/usr/bin/env python3
"""Counts cancer-plan's public API from rustdoc's JSON output.

    cargo +nightly rustdoc --all-features --lib -- -Zunstable-options --output-format json
    python3 tools/count_public_items.py target/doc/cancer_plan.json

Counts every item rustdoc documents with `pub` visibility, by kind: free
functions and methods (inherent `pub fn`), types (structs, enums, traits,
type aliases), constants (free and associated), modules, and `pub use`
re-exports (each `use` is one more public path to an item). Trait impls'
methods and enum variants are not counted (they have no visibility of
their own). "items" is functions + types + constants + re-exports.
"""
import json
import sys
from collections import Counter

doc = json.load(open(sys.argv[1]))
kinds = Counter()
for item in doc["index"].values():
    if item.get("crate_id") != 0 or item.get("visibility") != "public":
        continue
    inner = item.get("inner") or {}
    kind = next(iter(inner), "?") if isinstance(inner, dict) else str(inner)
    kinds[kind] += 1
groups = {
    "functions": kinds["function"],
    "types": kinds["struct"] + kinds["enum"] + kinds["trait"] + kinds["type_alias"],
    "constants": kinds["constant"] + kinds["assoc_const"] + kinds["static"],
    "re-exports": kinds["use"],
    "modules": kinds["module"],
}
groups["items"] = groups["functions"] + groups["types"] + groups["constants"] + groups["re-exports"]
for k, v in groups.items():
    print(f"{k:>11}: {v}")
print("  by kind:", dict(sorted(kinds.items())))
