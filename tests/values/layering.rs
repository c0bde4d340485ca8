//! The crate's layering: the module graph, read from the sources, against
//! the layer table in the crate docs (`src/lib.rs`, "Layering").
//!
//! Every `src/**/*.rs` file is mapped to its module (`src/cwt/extract/row.rs`
//! is `cwt::extract::row`), its code (comments, strings and `#[cfg(test)]`
//! modules left out) is tokenised, and every `crate::` path it names, in a
//! `use` line or in code, including `crate::{a::B, c::{D, E}}` groups, is
//! resolved to a row of the table by its longest listed prefix. A path to a
//! higher layer than the file's fails the test, with the file and the path.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The layer table: module prefix (`cwt`, `error::parse`) -> layer.
fn layer_table() -> BTreeMap<String, u32> {
    let lib = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs"))
        .expect("src/lib.rs");
    let mut table = BTreeMap::new();
    for line in lib.lines() {
        let Some(row) = line.strip_prefix("//! | ") else {
            continue;
        };
        let cells: Vec<&str> = row.split('|').map(str::trim).collect();
        let (Some(layer), Some(modules)) = (cells.first(), cells.get(1)) else {
            continue;
        };
        let Ok(layer) = layer.parse::<u32>() else {
            continue;
        };
        for module in modules.split(',') {
            let module = module.trim().trim_matches('`');
            assert!(
                !module.is_empty(),
                "empty module in the layer table: {line}"
            );
            table.insert(module.to_owned(), layer);
        }
    }
    assert!(table.len() > 10, "no layer table found in src/lib.rs");
    table
}

/// The layer of a module path (`["cwt", "extract", "row"]`): its longest
/// prefix in the table.
fn layer_of(table: &BTreeMap<String, u32>, path: &[String]) -> Option<(String, u32)> {
    (1..=path.len()).rev().find_map(|n| {
        let key = path[..n].join("::");
        table.get(&key).map(|l| (key, *l))
    })
}

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src").flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module of a file: `src/cwt/extract/row.rs` -> `cwt::extract::row`;
/// `mod.rs` names its directory; `src/lib.rs` is the root (empty).
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).expect("under src");
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
        parts.pop();
    }
    parts
}

/// Code without comments, string and char literals.
fn strip(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'/' if b.get(i + 1) == Some(&b'/') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                i += 2;
                while i + 1 < b.len() && !(b[i] == b'*' && b[i + 1] == b'/') {
                    i += 1;
                }
                i += 2;
            }
            b'r' if matches!(b.get(i + 1), Some(b'"' | b'#'))
                && (i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_')) =>
            {
                let mut j = i + 1;
                let mut hashes = 0;
                while b.get(j) == Some(&b'#') {
                    hashes += 1;
                    j += 1;
                }
                if b.get(j) != Some(&b'"') {
                    out.push('r');
                    i += 1;
                    continue;
                }
                j += 1;
                loop {
                    if j >= b.len() {
                        break;
                    }
                    if b[j] == b'"' && (0..hashes).all(|h| b.get(j + 1 + h) == Some(&b'#')) {
                        j += 1 + hashes;
                        break;
                    }
                    j += 1;
                }
                out.push_str("\"\"");
                i = j;
            }
            b'"' => {
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    if b[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
                i += 1;
                out.push_str("\"\"");
            }
            // A char literal ('a', '\n', '\''), not a lifetime ('a).
            b'\'' if b.get(i + 2) == Some(&b'\'') || b.get(i + 1) == Some(&b'\\') => {
                i += 1;
                while i < b.len() && b[i] != b'\'' {
                    if b[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
                i += 1;
                out.push_str("' '");
            }
            c => {
                out.push(c as char);
                i += 1;
            }
        }
    }
    out
}

/// The code without `#[cfg(test)]` items (unit tests may use anything).
fn without_tests(code: &str) -> String {
    let mut out = String::new();
    let mut rest = code;
    while let Some(at) = rest.find("#[cfg(test)]") {
        out.push_str(&rest[..at]);
        let after = &rest[at..];
        // The item ends at `;` (a `mod tests;` declaration) or at the brace
        // matching its first `{`.
        let semi = after.find(';');
        let brace = after.find('{');
        let end = match (semi, brace) {
            (Some(s), Some(b)) if s < b => s + 1,
            (_, Some(b)) => {
                let mut depth = 0usize;
                let mut end = after.len();
                for (k, c) in after[b..].char_indices() {
                    match c {
                        '{' => depth += 1,
                        '}' => {
                            depth -= 1;
                            if depth == 0 {
                                end = b + k + 1;
                                break;
                            }
                        }
                        _ => {}
                    }
                }
                end
            }
            (Some(s), None) => s + 1,
            (None, None) => after.len(),
        };
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

#[derive(Debug, PartialEq)]
enum Tok {
    Ident(String),
    Colons,
    Open,
    Close,
    Comma,
    Other,
}

fn tokens(code: &str) -> Vec<Tok> {
    let b = code.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_alphabetic() || c == b'_' {
            let start = i;
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
                i += 1;
            }
            out.push(Tok::Ident(code[start..i].to_owned()));
            continue;
        }
        out.push(match c {
            b':' if b.get(i + 1) == Some(&b':') => {
                i += 1;
                Tok::Colons
            }
            b'{' => Tok::Open,
            b'}' => Tok::Close,
            b',' => Tok::Comma,
            c if c.is_ascii_whitespace() => {
                i += 1;
                continue;
            }
            _ => Tok::Other,
        });
        i += 1;
    }
    out
}

/// Parses a path tree after `crate::` from `toks[i..]`, appending every
/// full path (under `prefix`) to `out`; returns the index after it.
fn tree(toks: &[Tok], mut i: usize, prefix: &[String], out: &mut Vec<Vec<String>>) -> usize {
    let mut path = prefix.to_vec();
    loop {
        match toks.get(i) {
            Some(Tok::Ident(name)) => {
                path.push(name.clone());
                i += 1;
                if toks.get(i) == Some(&Tok::Colons) {
                    i += 1;
                    continue;
                }
                out.push(path);
                return i;
            }
            Some(Tok::Open) => {
                i += 1;
                loop {
                    match toks.get(i) {
                        Some(Tok::Close) => return i + 1,
                        Some(Tok::Comma) => i += 1,
                        None => return i,
                        _ => i = tree(toks, i, &path, out),
                    }
                }
            }
            _ => {
                out.push(path);
                return i;
            }
        }
    }
}

/// Every `crate::` path named in `code`.
fn crate_paths(code: &str) -> Vec<Vec<String>> {
    let toks = tokens(code);
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        if *t == Tok::Ident("crate".into()) && toks.get(i + 1) == Some(&Tok::Colons) {
            tree(&toks, i + 2, &[], &mut out);
        }
    }
    out
}

/// `(file, its module, path named, path's layer row, file's layer)` for
/// every path that runs up a layer.
fn upward_imports(src: &Path) -> Vec<String> {
    let table = layer_table();
    let mut files = Vec::new();
    sources(src, &mut files);
    files.sort();
    assert!(
        files.len() > 50,
        "sources not found under {}",
        src.display()
    );
    let mut found = Vec::new();
    for file in files {
        let module = module_of(src, &file);
        if module.is_empty() {
            continue; // the root only re-exports
        }
        let name = file.file_name().map(|n| n.to_string_lossy().into_owned());
        if name.is_some_and(|n| n == "tests.rs" || n.starts_with("tests_")) {
            continue;
        }
        let Some((row, layer)) = layer_of(&table, &module) else {
            found.push(format!(
                "{}: module `{}` is in no layer of the table",
                file.display(),
                module.join("::")
            ));
            continue;
        };
        let text = std::fs::read_to_string(&file).expect("source");
        for path in crate_paths(&without_tests(&strip(&text))) {
            match layer_of(&table, &path) {
                Some((to_row, to_layer)) if to_layer > layer => found.push(format!(
                    "{}: `{row}` (layer {layer}) names `crate::{}` (`{to_row}`, layer {to_layer})",
                    file.display(),
                    path.join("::")
                )),
                Some(_) => {}
                None => found.push(format!(
                    "{}: `crate::{}` is in no layer of the table (the root only re-exports: name the defining module)",
                    file.display(),
                    path.join("::")
                )),
            }
        }
    }
    found
}

#[test]
fn no_module_names_a_higher_layer() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let found = upward_imports(&src);
    assert!(
        found.is_empty(),
        "{} upward paths:\n{}",
        found.len(),
        found.join("\n")
    );
}

#[test]
fn the_parser_reads_groups_and_skips_comments_strings_and_tests() {
    let code = r#"
        use crate::{money::Money, cwt::{extract::Row, Performance}};
        // use crate::plan::CancerPlan;
        let s = "crate::json";
        fn f() -> crate::period::YearMonth { todo!() }
        #[cfg(test)]
        mod tests { use crate::spc::Series; }
    "#;
    let paths: Vec<String> = crate_paths(&without_tests(&strip(code)))
        .iter()
        .map(|p| p.join("::"))
        .collect();
    assert_eq!(
        paths,
        [
            "money::Money",
            "cwt::extract::Row",
            "cwt::Performance",
            "period::YearMonth"
        ]
    );
    let table = layer_table();
    let layer = |p: &str| layer_of(&table, &p.split("::").map(String::from).collect::<Vec<_>>());
    assert_eq!(layer("error::ParseError").map(|l| l.1), Some(0));
    assert_eq!(layer("error::Error").map(|l| l.1), Some(9));
    assert_eq!(layer("cwt::extract::row").map(|l| l.1), Some(5));
}
