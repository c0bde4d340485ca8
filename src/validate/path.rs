//! [`FieldPath`]: where in a value (or its JSON form) something is, as typed
//! segments.

use std::fmt;

use serde::{Serialize, Serializer};

/// One step of a [`FieldPath`]: a field of an object or an index into a list.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Segment {
    /// A field, by its name in the JSON form (`budget`, `areas`).
    Field(String),
    /// A position in a list, from 0.
    Index(usize),
}

/// The path of a field from the root of the value built, as segments:
/// field names and list indexes. It displays, and serialises, in the
/// familiar dotted form `budget.areas[1].lines[2].amount`; the root is `.`.
///
/// ```
/// use cancer_plan::validate::{FieldPath, Segment};
/// let path = FieldPath::root().field("budget").field("areas").index(1).field("amount");
/// assert_eq!(path.to_string(), "budget.areas[1].amount");
/// assert_eq!(path.segments()[2], Segment::Index(1));
/// assert_eq!(FieldPath::from("budget.areas[1].amount"), path);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FieldPath {
    segments: Vec<Segment>,
}

impl FieldPath {
    /// The root (no segments), displayed `.`.
    pub fn root() -> FieldPath {
        FieldPath::default()
    }

    /// The path with one more field.
    pub fn field(mut self, name: impl Into<String>) -> FieldPath {
        self.segments.push(Segment::Field(name.into()));
        self
    }

    /// The path with one more index.
    pub fn index(mut self, index: usize) -> FieldPath {
        self.segments.push(Segment::Index(index));
        self
    }

    /// This path followed by `other`.
    pub fn join(mut self, other: &FieldPath) -> FieldPath {
        self.segments.extend(other.segments.iter().cloned());
        self
    }

    /// The segments, from the root.
    pub fn segments(&self) -> &[Segment] {
        &self.segments
    }

    /// Whether this is the root.
    pub fn is_root(&self) -> bool {
        self.segments.is_empty()
    }

    /// Whether `prefix` is this path or one of its ancestors.
    pub fn starts_with(&self, prefix: &FieldPath) -> bool {
        self.segments.starts_with(&prefix.segments)
    }

    /// The path without its last segment (the root stays the root).
    pub fn parent(&self) -> FieldPath {
        let mut segments = self.segments.clone();
        segments.pop();
        FieldPath { segments }
    }

    /// The JSON Pointer (RFC 6901) of the path: `/budget/areas/1/amount`.
    pub fn to_json_pointer(&self) -> String {
        let mut out = String::new();
        for s in &self.segments {
            out.push('/');
            match s {
                Segment::Field(name) => out.push_str(&name.replace('~', "~0").replace('/', "~1")),
                Segment::Index(i) => out.push_str(&i.to_string()),
            }
        }
        out
    }
}

impl From<&str> for FieldPath {
    /// Parses the dotted form (`a.b[1][2].c`; `.` or `` is the root). A
    /// bracket that does not hold a number is kept as part of the field
    /// name.
    fn from(text: &str) -> FieldPath {
        let mut path = FieldPath::root();
        if text == "." || text.is_empty() {
            return path;
        }
        for part in text.split('.') {
            let (name, mut rest) = part.split_at(part.find('[').unwrap_or(part.len()));
            let mut indexes = Vec::new();
            let mut name = name.to_owned();
            while let Some(inner) = rest.strip_prefix('[') {
                match inner.split_once(']') {
                    Some((n, after)) if n.parse::<usize>().is_ok() => {
                        indexes.push(n.parse::<usize>().unwrap_or_default());
                        rest = after;
                    }
                    _ => {
                        name.push_str(rest);
                        rest = "";
                        indexes.clear();
                    }
                }
            }
            if !rest.is_empty() {
                name.push_str(rest);
            }
            if !name.is_empty() {
                path = path.field(name);
            }
            for i in indexes {
                path = path.index(i);
            }
        }
        path
    }
}

impl From<String> for FieldPath {
    fn from(text: String) -> FieldPath {
        FieldPath::from(text.as_str())
    }
}

impl From<&String> for FieldPath {
    fn from(text: &String) -> FieldPath {
        FieldPath::from(text.as_str())
    }
}

impl fmt::Display for FieldPath {
    /// `budget.areas[1].lines[2].amount`; the root is `.`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.segments.is_empty() {
            return f.write_str(".");
        }
        for (n, s) in self.segments.iter().enumerate() {
            match s {
                Segment::Field(name) if n == 0 => f.write_str(name)?,
                Segment::Field(name) => write!(f, ".{name}")?,
                Segment::Index(i) => write!(f, "[{i}]")?,
            }
        }
        Ok(())
    }
}

impl Serialize for FieldPath {
    /// As its dotted form.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl PartialEq<str> for FieldPath {
    // Compares with the parsed form: the text is the dotted notation.
    #[allow(clippy::cmp_owned)]
    fn eq(&self, other: &str) -> bool {
        *self == FieldPath::from(other)
    }
}

impl PartialEq<&str> for FieldPath {
    #[allow(clippy::cmp_owned)]
    fn eq(&self, other: &&str) -> bool {
        *self == FieldPath::from(*other)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn displays_and_parses_back() {
        for text in [
            "a",
            "a.b",
            "a[0]",
            "a[0][1].b",
            "budget.areas[1].lines[2].amount",
            ".",
        ] {
            assert_eq!(FieldPath::from(text).to_string(), text);
        }
        assert_eq!(
            FieldPath::from("x[1]").segments(),
            [Segment::Field("x".into()), Segment::Index(1)]
        );
        assert_eq!(
            FieldPath::from("a[b]").segments(),
            [Segment::Field("a[b]".into())]
        );
        assert_eq!(FieldPath::from("a.b[1]").to_json_pointer(), "/a/b/1");
    }
}
