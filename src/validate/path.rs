//! [`FieldPath`]: where in a value (or its JSON form) something is, as typed
//! segments.

use std::fmt;

use serde::{Serialize, Serializer};

use crate::error::ParseError;

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
/// assert_eq!(path, "budget.areas[1].amount");
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

    /// This path with one more field.
    pub fn field(&self, name: impl Into<String>) -> FieldPath {
        let mut path = self.clone();
        path.segments.push(Segment::Field(name.into()));
        path
    }

    /// This path with one more index.
    pub fn index(&self, index: usize) -> FieldPath {
        let mut path = self.clone();
        path.segments.push(Segment::Index(index));
        path
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

impl std::str::FromStr for FieldPath {
    type Err = ParseError;

    /// Reads the dotted form back from stored text (a saved finding, a
    /// caller's query): `a.b[1][2].c`; `.` is the root. Strict: every
    /// field name is non-empty and every bracket holds an index. The crate
    /// itself never writes a path as text to read it back.
    fn from_str(text: &str) -> Result<FieldPath, ParseError> {
        let err = || ParseError::new("a field path", text, "e.g. `budget.areas[1].amount`");
        let mut path = FieldPath::root();
        if text == "." {
            return Ok(path);
        }
        for part in text.split('.') {
            let (name, mut rest) = part.split_at(part.find('[').unwrap_or(part.len()));
            if name.is_empty() || name.contains(']') {
                return Err(err());
            }
            path.segments.push(Segment::Field(name.to_owned()));
            while let Some(inner) = rest.strip_prefix('[') {
                let (n, after) = inner.split_once(']').ok_or_else(err)?;
                let i = n.parse::<usize>().map_err(|_| err())?;
                path.segments.push(Segment::Index(i));
                rest = after;
            }
            if !rest.is_empty() {
                return Err(err());
            }
        }
        Ok(path)
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
    /// Compares with the dotted form (`budget.areas[1].amount`), as
    /// displayed: no text is parsed into a path.
    fn eq(&self, other: &str) -> bool {
        displays_as(self, other)
    }
}

/// Whether `path` displays as `text`, compared piece by piece as it is
/// written (no allocation).
fn displays_as(path: &FieldPath, text: &str) -> bool {
    struct Rest<'a>(&'a str);
    impl fmt::Write for Rest<'_> {
        fn write_str(&mut self, s: &str) -> fmt::Result {
            self.0 = self.0.strip_prefix(s).ok_or(fmt::Error)?;
            Ok(())
        }
    }
    let mut rest = Rest(text);
    fmt::write(&mut rest, format_args!("{path}")).is_ok() && rest.0.is_empty()
}

impl PartialEq<&str> for FieldPath {
    fn eq(&self, other: &&str) -> bool {
        displays_as(self, other)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn displays_in_dotted_form() {
        let root = FieldPath::root();
        assert_eq!(root.to_string(), ".");
        let path = root.field("a").index(0).index(1).field("b");
        assert_eq!(path.to_string(), "a[0][1].b");
        assert_eq!(path, "a[0][1].b");
        assert_ne!(path, "a[0][1].bc");
        assert_ne!(path, "a[0][1]");
        assert_eq!(path.to_json_pointer(), "/a/0/1/b");
        assert_eq!(path.parent().to_string(), "a[0][1]");
        assert!(path.starts_with(&root.field("a")));
        for text in [
            "a",
            "a.b",
            "a[0][1].b",
            "budget.areas[1].lines[2].amount",
            ".",
        ] {
            assert_eq!(text.parse::<FieldPath>().unwrap().to_string(), text);
        }
        for bad in ["", "a..b", "a[b]", "a[1", "a]", ".a"] {
            assert!(bad.parse::<FieldPath>().is_err(), "{bad}");
        }
    }
}
