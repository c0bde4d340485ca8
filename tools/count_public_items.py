#!/usr/bin/env python3
"""Counts cancer-plan's public API from rustdoc's JSON output.

    cargo +nightly rustdoc --all-features --lib -- -Zunstable-options --output-format json
    python3 tools/count_public_items.py target/doc/cancer_plan.json [--list PREFIX]

Prints two counts.

"items" (the count issue 16 started from): every item rustdoc documents
with `pub` visibility, by kind: free functions and methods (inherent
`pub fn`), types (structs, enums, traits, type aliases), constants (free
and associated), and `pub use` re-exports. A type defined in a private
module and re-exported once counts twice (the definition and the `use`).

"paths": what a user can name. Walks the module tree from the crate root
through public modules and re-exports, and counts each public path to a
function, type, constant, or a type's inherent method or associated
constant once (as `cargo public-api` lists them, without trait impls,
fields or variants). A type re-exported at a second path counts again
there (that is a second name), but its methods are counted once.
`--list PREFIX` prints every path under PREFIX.
"""
import json
import sys
from collections import Counter

doc = json.load(open(sys.argv[1]))
index = doc["index"]


def kind_of(item):
    inner = item.get("inner") or {}
    return next(iter(inner), "?") if isinstance(inner, dict) else str(inner)


kinds = Counter()
for item in index.values():
    if item.get("crate_id") != 0 or item.get("visibility") != "public":
        continue
    kinds[kind_of(item)] += 1
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

NAMED = {"function", "struct", "enum", "trait", "type_alias", "constant", "static", "assoc_const"}
paths = []
members_done = set()
modules_done = set()


def members(type_id, path):
    if type_id in members_done:
        return
    members_done.add(type_id)
    item = index[type_id]
    inner = item["inner"][kind_of(item)]
    for impl_id in inner.get("impls", []):
        impl = index.get(str(impl_id))
        if impl is None or impl["inner"]["impl"].get("trait") is not None:
            continue
        for m in impl["inner"]["impl"]["items"]:
            mi = index.get(str(m))
            if mi is not None and mi.get("visibility") == "public":
                paths.append((f"{path}::{mi.get('name')}", kind_of(mi)))


def named(item_id, name, path):
    item = index.get(str(item_id))
    if item is None or item.get("crate_id") != 0:
        return
    kind = kind_of(item)
    here = f"{path}::{name}"
    if kind == "module":
        module(str(item_id), here)
    elif kind in NAMED:
        paths.append((here, kind))
        if kind in ("struct", "enum", "trait"):
            members(str(item_id), here)


def module(module_id, path):
    if module_id in modules_done:
        return
    modules_done.add(module_id)
    for child in index[module_id]["inner"]["module"]["items"]:
        item = index.get(str(child))
        if item is None or item.get("visibility") != "public":
            continue
        if kind_of(item) == "use":
            use = item["inner"]["use"]
            if use.get("id") is not None and not use.get("is_glob"):
                named(use["id"], use["name"], path)
        else:
            named(child, item.get("name"), path)


module(str(doc["root"]), "cancer_plan")
by = Counter(k for _, k in paths)
print(f"{'paths':>11}: {len(paths)}  (types {by['struct'] + by['enum'] + by['trait'] + by['type_alias']}, "
      f"functions and methods {by['function']}, constants {by['constant'] + by['assoc_const'] + by['static']})")
if "--list" in sys.argv:
    prefix = sys.argv[sys.argv.index("--list") + 1]
    for p, k in sorted(paths):
        if p.startswith(prefix):
            print(k, p)
