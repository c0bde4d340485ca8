//! Validation errors: [`ValidationErrors`] holds *every* [`Violation`] a
//! builder found, each with the path of the offending field, the value, and
//! the [`Rule`] it breaks.
//!
//! Builders never stop at the first problem: a planning manager fixing a plan
//! wants the whole list at once.

use std::collections::HashMap;
use std::fmt;
use std::hash::Hash;

use serde::Serialize;

use crate::id::Id;

mod path;
mod rule;

pub use path::{FieldPath, Segment};
pub use rule::{Bound, Rule};

/// Where a violation is in the JSON text it was read from: 1-based line
/// and column of the start of the offending value (or of the object that
/// lacks a required field).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Location {
    line: usize,
    column: usize,
}

impl Location {
    /// Line and column, both from 1.
    pub fn new(line: usize, column: usize) -> Location {
        Location { line, column }
    }

    /// The line, from 1.
    pub fn line(&self) -> usize {
        self.line
    }

    /// The column (in characters), from 1.
    pub fn column(&self) -> usize {
        self.column
    }
}

impl fmt::Display for Location {
    /// `line 12, column 7`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}, column {}", self.line, self.column)
    }
}

/// One broken invariant, or one place where a document does not fit the
/// format: where ([`FieldPath`], and the line and column when read from
/// JSON), what value, which rule.
///
/// It serialises as `{"path": "...", "value": "...", "rule": {"kind": ...},
/// "message": "...", "line": 3, "column": 9}` (line and column only when
/// known).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    path: FieldPath,
    value: String,
    rule: Rule,
    location: Option<Location>,
}

impl Violation {
    /// A violation at `path` (e.g. `responsibilities[1].delivery_asks[0].threshold`,
    /// built from segments).
    pub fn new(path: FieldPath, value: impl fmt::Display, rule: Rule) -> Violation {
        Violation {
            path,
            value: value.to_string(),
            rule,
            location: None,
        }
    }

    /// The same violation, found at `location` in the JSON text.
    #[cfg(any(feature = "json", test))]
    pub(crate) fn at_location(mut self, location: Location) -> Violation {
        self.location = Some(location);
        self
    }

    /// The same violation with its path moved under `prefix` (a section's
    /// violations placed within the document holding it).
    pub fn under(mut self, prefix: &FieldPath) -> Violation {
        self.path = prefix.clone().join(&self.path);
        self
    }

    /// Rewrites every path the violation holds (its own, and the first use
    /// named by its rule).
    #[cfg_attr(not(feature = "json"), allow(dead_code))]
    pub(crate) fn map_paths(&mut self, f: impl Fn(&FieldPath) -> FieldPath) {
        self.path = f(&self.path);
        match &mut self.rule {
            Rule::UniqueId { first }
            | Rule::AtMostOnce { first }
            | Rule::SameKeyAs { first, .. } => {
                *first = f(first);
            }
            _ => {}
        }
    }

    /// The path of the offending field, from the root of the value built.
    pub fn path(&self) -> &FieldPath {
        &self.path
    }

    /// The offending value, as text (empty for a missing value).
    pub fn value(&self) -> &str {
        &self.value
    }

    /// The rule broken.
    pub fn rule(&self) -> &Rule {
        &self.rule
    }

    /// Where in the JSON text, when read from JSON and known.
    pub fn location(&self) -> Option<Location> {
        self.location
    }
}

impl fmt::Display for Violation {
    /// `responsibilities[0].delivery_asks[0].threshold: `0%` must be > 0% and <= 100%`
    /// (with ` (line 12, column 7)` after the path when known).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path)?;
        if let Some(at) = self.location {
            write!(f, " ({at})")?;
        }
        write!(f, ": `{}` {}", self.value, self.rule)
    }
}

impl Serialize for Violation {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let n = if self.location.is_some() { 6 } else { 4 };
        let mut s = serializer.serialize_struct("Violation", n)?;
        s.serialize_field("path", &self.path)?;
        s.serialize_field("value", &self.value)?;
        s.serialize_field("rule", &self.rule)?;
        s.serialize_field("message", &self.to_string())?;
        if let Some(at) = self.location {
            s.serialize_field("line", &at.line)?;
            s.serialize_field("column", &at.column)?;
        }
        s.end()
    }
}

/// Every violation a builder found, in the order of the fields checked.
///
/// Never empty when returned as an error.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, thiserror::Error)]
#[serde(transparent)]
pub struct ValidationErrors {
    violations: Vec<Violation>,
}

impl ValidationErrors {
    /// The violations.
    pub fn violations(&self) -> &[Violation] {
        &self.violations
    }

    /// How many violations.
    pub fn len(&self) -> usize {
        self.violations.len()
    }

    /// Whether there are none (never true for a returned error).
    pub fn is_empty(&self) -> bool {
        self.violations.is_empty()
    }

    /// The violation at this exact path (`budget.areas[1].amount`), if any.
    pub fn at(&self, path: &str) -> Option<&Violation> {
        self.violations.iter().find(|v| v.path == path)
    }

    /// Errors made of these violations; `None` when there are none.
    #[cfg(feature = "json")]
    pub(crate) fn from_violations(violations: Vec<Violation>) -> Option<ValidationErrors> {
        (!violations.is_empty()).then_some(ValidationErrors { violations })
    }

    /// Iterates over the violations.
    pub fn iter(&self) -> std::slice::Iter<'_, Violation> {
        self.violations.iter()
    }
}

impl fmt::Display for ValidationErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.violations.len();
        write!(f, "{n} violation{}:", if n == 1 { "" } else { "s" })?;
        for v in &self.violations {
            write!(f, "\n  - {v}")?;
        }
        Ok(())
    }
}

impl<'a> IntoIterator for &'a ValidationErrors {
    type Item = &'a Violation;
    type IntoIter = std::slice::Iter<'a, Violation>;
    fn into_iter(self) -> Self::IntoIter {
        self.violations.iter()
    }
}

impl IntoIterator for ValidationErrors {
    type Item = Violation;
    type IntoIter = std::vec::IntoIter<Violation>;
    fn into_iter(self) -> Self::IntoIter {
        self.violations.into_iter()
    }
}

/// Collects violations while a builder walks its input. Crate-internal: each
/// builder owns one and turns it into a `Result` at the end.
#[derive(Debug, Default)]
pub(crate) struct Checker {
    violations: Vec<Violation>,
}

impl Checker {
    pub(crate) fn new() -> Checker {
        Checker::default()
    }

    /// Records a violation.
    pub(crate) fn push(&mut self, path: FieldPath, value: impl fmt::Display, rule: Rule) {
        self.violations.push(Violation::new(path, value, rule));
    }

    /// Records a violation found by another builder (already placed).
    pub(crate) fn push_violation(&mut self, violation: Violation) {
        self.violations.push(violation);
    }

    /// Records a missing required field.
    pub(crate) fn require<T>(&mut self, path: &FieldPath, value: Option<&T>) {
        if value.is_none() {
            self.push(path.clone(), "", Rule::Required);
        }
    }

    /// Text that is required and must not be blank: one violation if it is
    /// missing, another if it is blank.
    pub(crate) fn required_text(&mut self, path: &FieldPath, text: Option<&str>) {
        match text {
            Some(text) => self.not_empty(|| path.clone(), text),
            None => self.push(path.clone(), "", Rule::Required),
        }
    }

    /// Text must not be empty or blank.
    pub(crate) fn not_empty(&mut self, path: impl FnOnce() -> FieldPath, text: &str) {
        if text.trim().is_empty() {
            self.push(path(), text, Rule::NotEmpty);
        }
    }

    /// A list must not be empty.
    pub(crate) fn not_empty_list<T>(&mut self, path: impl FnOnce() -> FieldPath, list: &[T]) {
        if list.is_empty() {
            self.push(path(), "[]", Rule::NotEmptyList);
        }
    }

    /// A value that may appear at most once in its list: `seen` maps each
    /// value met so far to the path of its first use (one map per list).
    /// The first use of `item` is remembered at `path()` and `true`
    /// returned; a repeat records a [`Rule::AtMostOnce`] violation at the
    /// path of the repeat, with `value` as its text and a message naming
    /// the first use (`steps[0].principles[1]: `...` may appear only once
    /// (first at steps[0].principles[0])`), and returns `false` (so callers
    /// can skip further checks of a repeat).
    pub(crate) fn at_most_once<T: Eq + Hash>(
        &mut self,
        seen: &mut HashMap<T, FieldPath>,
        item: T,
        value: impl fmt::Display,
        path: impl FnOnce() -> FieldPath,
    ) -> bool {
        match seen.get(&item) {
            Some(first) => {
                let first = first.clone();
                self.push(path(), value, Rule::AtMostOnce { first });
                false
            }
            None => {
                seen.insert(item, path());
                true
            }
        }
    }

    pub(crate) fn finish<T>(self, value: T) -> Result<T, ValidationErrors> {
        if self.violations.is_empty() {
            Ok(value)
        } else {
            Err(ValidationErrors {
                violations: self.violations,
            })
        }
    }

    /// The violations found, as an error; call only when some were found.
    pub(crate) fn finish_err<T>(self) -> Result<T, ValidationErrors> {
        Err(ValidationErrors {
            violations: self.violations,
        })
    }

    pub(crate) fn is_clean(&self) -> bool {
        self.violations.is_empty()
    }
}

/// Tracks ids seen in one namespace and reports duplicates with the path of
/// the first use.
#[derive(Debug, Default)]
pub(crate) struct IdRegistry<'a> {
    seen: HashMap<&'a str, FieldPath>,
}

impl<'a> IdRegistry<'a> {
    pub(crate) fn new() -> IdRegistry<'a> {
        IdRegistry::default()
    }

    /// Registers `id` found at `path`; a duplicate is recorded in `checker`.
    pub(crate) fn register(
        &mut self,
        checker: &mut Checker,
        id: &'a Id,
        path: impl FnOnce() -> FieldPath,
    ) {
        self.register_key(checker, id.as_str(), path);
    }

    /// Registers any unique key (an ODS code, say) found at `path`; a
    /// duplicate is recorded in `checker` with the path of the first use.
    pub(crate) fn register_key(
        &mut self,
        checker: &mut Checker,
        key: &'a str,
        path: impl FnOnce() -> FieldPath,
    ) {
        match self.seen.get(key) {
            Some(first) => checker.push(
                path(),
                key,
                Rule::UniqueId {
                    first: first.clone(),
                },
            ),
            None => {
                self.seen.insert(key, path());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_path_value_and_rule() {
        let v = Violation::new(
            FieldPath::root()
                .field("responsibilities")
                .index(1)
                .field("delivery_asks")
                .index(0)
                .field("threshold"),
            "0%",
            Rule::InRange {
                min: Some(Bound::exclusive("0%")),
                max: Some(Bound::inclusive("100%")),
            },
        );
        assert_eq!(
            v.to_string(),
            "responsibilities[1].delivery_asks[0].threshold: `0%` must be > 0% and <= 100%"
        );
        assert_eq!(
            v.clone().at_location(Location::new(3, 9)).to_string(),
            "responsibilities[1].delivery_asks[0].threshold (line 3, column 9): `0%` must be > 0% and <= 100%"
        );
    }

    #[test]
    fn registry_reports_duplicates_with_first_path() {
        let a = Id::new("a").unwrap();
        let mut checker = Checker::new();
        let mut reg = IdRegistry::new();
        let x = FieldPath::root().field("x");
        reg.register(&mut checker, &a, || x.index(0).field("id"));
        reg.register(&mut checker, &a, || x.index(3).field("id"));
        let err = checker.finish(()).unwrap_err();
        assert_eq!(err.len(), 1);
        assert_eq!(
            err.at("x[3].id").map(|v| v.rule().clone()),
            Some(Rule::UniqueId {
                first: x.index(0).field("id")
            })
        );
    }
}
