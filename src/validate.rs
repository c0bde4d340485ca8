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

use crate::Id;

/// The rule a value breaks. `#[non_exhaustive]`: new checks add new rules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Rule {
    /// A required field was not given.
    Required,
    /// A name or text must not be empty or blank.
    NotEmpty,
    /// A list must have at least one entry.
    NotEmptyList,
    /// An id must be unique; `first` is the path where it was first used.
    UniqueId {
        /// The path of the first use of the id.
        first: String,
    },
    /// A reference must name something that exists.
    Resolves {
        /// What kind of thing it must name (`delivery ask`, `ICB`).
        target: String,
    },
    /// A value must lie in a range, written out (`0%..=100%`, `> 0%`).
    InRange {
        /// The range, as text.
        range: String,
    },
    /// A month or date must not be before a bound.
    NotBefore {
        /// The earliest value allowed, with why.
        earliest: String,
    },
    /// A value may appear only once in its list; `first` is the path of its
    /// first use.
    AtMostOnce {
        /// The path of the first use of the value.
        first: String,
    },
    /// An amount must not be negative.
    NonNegative,
    /// A `year n of m` term must have `1 <= n <= m`.
    YearWithinTerm,
    /// Any other rule, stated in words.
    Described {
        /// The rule, as a sentence fragment ("must be after the start date").
        rule: String,
    },
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rule::Required => f.write_str("is required"),
            Rule::NotEmpty => f.write_str("must not be empty"),
            Rule::NotEmptyList => f.write_str("must list at least one entry"),
            Rule::UniqueId { first } => write!(f, "must be unique (first used at {first})"),
            Rule::Resolves { target } => write!(f, "must name an existing {target}"),
            Rule::InRange { range } => write!(f, "must be in {range}"),
            Rule::NotBefore { earliest } => write!(f, "must not be before {earliest}"),
            Rule::AtMostOnce { first } => write!(f, "may appear only once (first at {first})"),
            Rule::NonNegative => f.write_str("must not be negative"),
            Rule::YearWithinTerm => f.write_str("must have 1 <= year <= years in the term"),
            Rule::Described { rule } => f.write_str(rule),
        }
    }
}

/// One broken invariant: where, what value, which rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Violation {
    path: String,
    value: String,
    rule: Rule,
    message: String,
}

impl Violation {
    /// A violation at `path` (e.g. `responsibilities[1].delivery_asks[0].threshold`).
    pub fn new(path: impl Into<String>, value: impl fmt::Display, rule: Rule) -> Violation {
        let path = path.into();
        let value = value.to_string();
        let message = format!("{path}: `{value}` {rule}");
        Violation {
            path,
            value,
            rule,
            message,
        }
    }

    /// The path of the offending field, from the root of the value built.
    pub fn path(&self) -> &str {
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
}

impl fmt::Display for Violation {
    /// `responsibilities[0].delivery_asks[0].threshold: `0%` must be in > 0% and <= 100%`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// Every violation a builder found, in the order of the fields checked.
///
/// Never empty when returned as an error.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
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

    /// The violation at this exact path, if any.
    pub fn at(&self, path: &str) -> Option<&Violation> {
        self.violations.iter().find(|v| v.path == path)
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
    pub(crate) fn push(&mut self, path: impl Into<String>, value: impl fmt::Display, rule: Rule) {
        self.violations.push(Violation::new(path, value, rule));
    }

    /// Records a missing required field.
    pub(crate) fn require<T>(&mut self, path: &str, value: Option<&T>) {
        if value.is_none() {
            self.push(path, "", Rule::Required);
        }
    }

    /// Text that is required and must not be blank: one violation if it is
    /// missing, another if it is blank.
    pub(crate) fn required_text(&mut self, path: &str, text: Option<&str>) {
        match text {
            Some(text) => self.not_empty(|| path.to_owned(), text),
            None => self.push(path, "", Rule::Required),
        }
    }

    /// Text must not be empty or blank.
    pub(crate) fn not_empty(&mut self, path: impl FnOnce() -> String, text: &str) {
        if text.trim().is_empty() {
            self.push(path(), text, Rule::NotEmpty);
        }
    }

    /// A list must not be empty.
    pub(crate) fn not_empty_list<T>(&mut self, path: impl FnOnce() -> String, list: &[T]) {
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
        seen: &mut HashMap<T, String>,
        item: T,
        value: impl fmt::Display,
        path: impl FnOnce() -> String,
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
    seen: HashMap<&'a str, String>,
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
        path: impl FnOnce() -> String,
    ) {
        self.register_key(checker, id.as_str(), path);
    }

    /// Registers any unique key (an ODS code, say) found at `path`; a
    /// duplicate is recorded in `checker` with the path of the first use.
    pub(crate) fn register_key(
        &mut self,
        checker: &mut Checker,
        key: &'a str,
        path: impl FnOnce() -> String,
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
            "responsibilities[1].delivery_asks[0].threshold",
            "0%",
            Rule::InRange {
                range: "> 0% and <= 100%".into(),
            },
        );
        assert_eq!(
            v.to_string(),
            "responsibilities[1].delivery_asks[0].threshold: `0%` must be in > 0% and <= 100%"
        );
    }

    #[test]
    fn registry_reports_duplicates_with_first_path() {
        let a = Id::new("a").unwrap();
        let mut checker = Checker::new();
        let mut reg = IdRegistry::new();
        reg.register(&mut checker, &a, || "x[0].id".into());
        reg.register(&mut checker, &a, || "x[3].id".into());
        let err = checker.finish(()).unwrap_err();
        assert_eq!(err.len(), 1);
        assert_eq!(
            err.at("x[3].id").map(|v| v.rule().clone()),
            Some(Rule::UniqueId {
                first: "x[0].id".into()
            })
        );
    }
}
