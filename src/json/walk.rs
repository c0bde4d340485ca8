//! The one validation channel's first half: a walk over the JSON value that
//! checks every field against a [`Spec`] of the format, records every
//! place that does not fit (unknown fields, wrong types, floats, unknown
//! enum values, missing fields, unparsable text) and keeps the rest, so that
//! the builders can then check the invariants of everything that did fit.
//!
//! A field that does not fit is left out of the kept value, and an entry of
//! a list that does not fit is dropped from its list; the walk remembers the
//! dropped indexes ([`Walk::original`]) so that the builders' paths can be
//! put back into the document's numbering, and the ids of dropped entries
//! so that references to them are not reported as broken.

use std::collections::{HashMap, HashSet};

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::validate::{FieldPath, Rule, Segment, Violation};

/// Checks that a JSON value reads as one type (its first problem, with the
/// path inside the value).
pub(crate) type Whole = fn(&Value) -> Result<(), serde_path_to_error::Error<serde_json::Error>>;

/// Reads `value` as a `T`, discarding the result.
pub(crate) fn whole<T: DeserializeOwned>(
    value: &Value,
) -> Result<(), serde_path_to_error::Error<serde_json::Error>> {
    serde_path_to_error::deserialize::<_, T>(value).map(|_| ())
}

/// The shape of one part of the format.
pub(crate) enum Spec {
    /// A value read whole by its type (an id, an amount, a small enum);
    /// its first problem is reported, at its path inside the value.
    Leaf(Whole),
    /// An object with known fields.
    Struct(&'static StructSpec),
    /// A list of values of one shape.
    List(&'static Spec),
    /// An externally tagged enum: a unit variant as a string, a data variant
    /// as `{"variant": payload}`; then read whole by its type.
    Tagged(&'static [Variant], Whole),
}

/// A variant of a [`Spec::Tagged`] enum: its name and, for a data variant,
/// the shape of its payload.
pub(crate) struct Variant(pub(crate) &'static str, pub(crate) Option<&'static Spec>);

/// An object: its fields (the object as a whole is read once, at the
/// root).
pub(crate) struct StructSpec {
    pub(crate) fields: &'static [Field],
}

/// A field of an object: its name, whether it must be given, its shape.
pub(crate) struct Field(
    pub(crate) &'static str,
    pub(crate) bool,
    pub(crate) &'static Spec,
);

/// A place in the document during the walk, on the stack: turned into a
/// [`FieldPath`] only when something is recorded there.
#[derive(Clone, Copy)]
enum Node<'a> {
    Root,
    Field(&'a Node<'a>, &'a str),
    Index(&'a Node<'a>, usize),
}

impl Node<'_> {
    fn path(&self) -> FieldPath {
        match self {
            Node::Root => FieldPath::root(),
            Node::Field(parent, name) => parent.path().field(*name),
            Node::Index(parent, i) => parent.path().index(*i),
        }
    }
}

/// What a walk found.
#[derive(Debug, Default)]
pub(crate) struct Walk {
    /// Every place that does not fit, in document order.
    pub(crate) violations: Vec<Violation>,
    /// For each list with dropped entries (by its path in the document):
    /// the document indexes of the entries kept, in order.
    kept: HashMap<FieldPath, Vec<usize>>,
    /// Ids (`"id"` fields) of dropped entries.
    pub(crate) dropped_ids: HashSet<String>,
}

impl Walk {
    /// Walks `value` against `spec`, returning what fits (`None` when the
    /// value as a whole does not).
    pub(crate) fn run(spec: &Spec, value: Value) -> (Walk, Option<Value>) {
        let mut walk = Walk::default();
        let kept = walk.walk(spec, value, &Node::Root);
        (walk, kept)
    }

    fn push(&mut self, path: &Node<'_>, value: &Value, rule: Rule) {
        self.violations
            .push(Violation::new(path.path(), show(value), rule));
    }

    fn walk(&mut self, spec: &Spec, value: Value, path: &Node<'_>) -> Option<Value> {
        match spec {
            Spec::Leaf(read) => self.leaf(*read, value, path),
            Spec::Struct(s) => self.object(s, value, path),
            Spec::List(elem) => self.list(elem, value, path),
            Spec::Tagged(variants, read) => self.tagged(variants, *read, value, path),
        }
    }

    fn leaf(&mut self, read: Whole, value: Value, path: &Node<'_>) -> Option<Value> {
        match read(&value) {
            Ok(()) => Some(value),
            Err(e) => {
                self.record(e, &value, &path.path());
                None
            }
        }
    }

    fn object(&mut self, spec: &StructSpec, value: Value, path: &Node<'_>) -> Option<Value> {
        let map = match value {
            Value::Object(map) => map,
            other => {
                self.push(path, &other, wrong_type(&other, "an object"));
                return None;
            }
        };
        let missing: Vec<&str> = spec
            .fields
            .iter()
            .filter(|f| f.1 && !map.contains_key(f.0))
            .map(|f| f.0)
            .collect();
        let mut out = Map::new();
        let mut whole = missing.is_empty();
        for (key, item) in map {
            match spec.fields.iter().find(|f| f.0 == key) {
                Some(Field(_, required, shape)) => {
                    match self.walk(shape, item, &Node::Field(path, &key)) {
                        Some(kept) => {
                            out.insert(key, kept);
                        }
                        None => whole &= !required,
                    }
                }
                None => {
                    let expected = spec.fields.iter().map(|f| f.0.to_owned()).collect();
                    self.violations.push(Violation::new(
                        Node::Field(path, &key).path(),
                        &key,
                        Rule::UnknownField { expected },
                    ));
                }
            }
        }
        for name in missing {
            self.violations
                .push(Violation::new(path.path().field(name), "", Rule::Required));
        }
        // Every field has been read by its own shape; the object as a whole
        // is read once, at the root (or as part of its enum), not at every
        // level.
        whole.then_some(Value::Object(out))
    }

    fn list(&mut self, elem: &Spec, value: Value, path: &Node<'_>) -> Option<Value> {
        let items = match value {
            Value::Array(items) => items,
            other => {
                self.push(path, &other, wrong_type(&other, "a list"));
                return None;
            }
        };
        let given = items.len();
        let mut out = Vec::with_capacity(given);
        let mut kept = Vec::with_capacity(given);
        for (i, item) in items.into_iter().enumerate() {
            let id = item.get("id").and_then(Value::as_str).map(str::to_owned);
            match self.walk(elem, item, &Node::Index(path, i)) {
                Some(v) => {
                    out.push(v);
                    kept.push(i);
                }
                None => {
                    if let Some(id) = id {
                        self.dropped_ids.insert(id);
                    }
                }
            }
        }
        if kept.len() < given {
            self.kept.insert(path.path(), kept);
        }
        Some(Value::Array(out))
    }

    fn tagged(
        &mut self,
        variants: &[Variant],
        read: Whole,
        value: Value,
        path: &Node<'_>,
    ) -> Option<Value> {
        let names = || variants.iter().map(|v| v.0.to_owned()).collect::<Vec<_>>();
        let kept = match value {
            Value::String(ref name) => match variants.iter().find(|v| v.0 == name) {
                Some(Variant(_, None)) => value,
                Some(Variant(_, Some(_))) => {
                    let rule = wrong_type(&value, &format!("{{\"{name}\": ...}}"));
                    self.push(path, &value, rule);
                    return None;
                }
                None => {
                    let rule = Rule::UnknownVariant { expected: names() };
                    self.push(path, &value, rule);
                    return None;
                }
            },
            Value::Object(map) if map.len() == 1 => {
                let (name, payload) = map.into_iter().next()?;
                let payload = match variants.iter().find(|v| v.0 == name) {
                    Some(Variant(_, Some(shape))) => {
                        self.walk(shape, payload, &Node::Field(path, &name))?
                    }
                    Some(Variant(_, None)) => payload,
                    None => {
                        let rule = Rule::UnknownVariant { expected: names() };
                        self.violations
                            .push(Violation::new(path.path(), &name, rule));
                        return None;
                    }
                };
                let mut out = Map::new();
                out.insert(name, payload);
                Value::Object(out)
            }
            other => {
                let expected = format!("one of {}", names().join(", "));
                self.push(path, &other, wrong_type(&other, &expected));
                return None;
            }
        };
        self.leaf(read, kept, path)
    }

    /// Records serde's first problem with `value` (read at `path`) as a
    /// typed violation at its exact path.
    pub(crate) fn record(
        &mut self,
        error: serde_path_to_error::Error<serde_json::Error>,
        value: &Value,
        path: &FieldPath,
    ) {
        let mut at = path.clone();
        let mut here = Some(value);
        for segment in error.path().iter() {
            use serde_path_to_error::Segment as S;
            match segment {
                S::Seq { index } => {
                    at = at.index(*index);
                    here = here.and_then(|v| v.get(*index));
                }
                S::Map { key } => {
                    at = at.field(key.as_str());
                    here = here.and_then(|v| v.get(key.as_str()));
                }
                S::Enum { variant } => {
                    at = at.field(variant.as_str());
                    here = here.and_then(|v| v.get(variant.as_str()));
                }
                S::Unknown => {}
            }
        }
        let message = error.inner().to_string();
        let here = here.unwrap_or(&Value::Null);
        let (at, shown, rule) = classify(&message, here, at);
        self.violations.push(Violation::new(at, shown, rule));
    }

    /// The document's path for a path into the kept value (the builders'
    /// numbering of lists with dropped entries is put back).
    pub(crate) fn original(&self, path: &FieldPath) -> FieldPath {
        if self.kept.is_empty() {
            return path.clone();
        }
        let mut out = FieldPath::root();
        for segment in path.segments() {
            out = match segment {
                Segment::Index(i) => {
                    let i = self
                        .kept
                        .get(&out)
                        .and_then(|kept| kept.get(*i).copied())
                        .unwrap_or(*i);
                    out.index(i)
                }
                Segment::Field(name) => out.field(name.as_str()),
            };
        }
        out
    }
}

/// Turns serde's message about `value` at `at` into a typed rule.
fn classify(message: &str, value: &Value, at: FieldPath) -> (FieldPath, String, Rule) {
    let shown = show(value);
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let (name, rest) = rest.split_once('`').unwrap_or((rest, ""));
        // serde's path stops at the object; the field is the name.
        let at = if at.segments().last() == Some(&Segment::Field(name.to_owned())) {
            at
        } else {
            at.field(name)
        };
        return (
            at,
            name.to_owned(),
            Rule::UnknownField {
                expected: ticked(rest),
            },
        );
    }
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        let (name, rest) = rest.split_once('`').unwrap_or((rest, ""));
        return (
            at,
            name.to_owned(),
            Rule::UnknownVariant {
                expected: ticked(rest),
            },
        );
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let name = rest.split('`').next().unwrap_or(rest);
        return (at.field(name), String::new(), Rule::Required);
    }
    if value.is_f64() && !message.starts_with("invalid type") {
        // Money and percentages refuse floats in their own words.
        return (at, shown, Rule::FloatNotExact);
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let rule = Rule::WrongType {
            found: found.to_owned(),
            expected: expected.to_owned(),
        };
        return (at, shown, rule);
    }
    // A percentage's own message (`180% is outside 0%..=100%`).
    if message.ends_with("is outside 0%..=100%") {
        return (at, shown, Rule::between("0%", "100%"));
    }
    let reason = message.strip_prefix("invalid value: ").unwrap_or(message);
    (
        at,
        shown,
        Rule::Unparsable {
            reason: reason.to_owned(),
        },
    )
}

/// The names between backticks in serde's `expected one of `a`, `b``.
fn ticked(text: &str) -> Vec<String> {
    text.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

fn wrong_type(value: &Value, expected: &str) -> Rule {
    Rule::WrongType {
        found: kind(value).to_owned(),
        expected: expected.to_owned(),
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(n) if n.is_f64() => "a float",
        Value::Number(_) => "an integer",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// A value as the violation shows it: a string as itself, anything else as
/// JSON, cut to 60 characters.
fn show(value: &Value) -> String {
    let text = match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    match text.char_indices().nth(60) {
        Some((cut, _)) => format!("{}...", text.get(..cut).unwrap_or_default()),
        None => text,
    }
}
