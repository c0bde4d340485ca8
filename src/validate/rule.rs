//! [`Rule`]: the rule a value breaks, with typed data.

use std::fmt;

use serde::Serialize;

use super::FieldPath;

/// One end of a range: the bound's value, as text in the value's own
/// notation (`0%`, `£0`, `2019-01-01`), and whether the bound itself is
/// allowed.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Bound {
    value: String,
    inclusive: bool,
}

impl Bound {
    /// A bound that the value may equal (`>= 0%`, `<= 100%`).
    pub fn inclusive(value: impl fmt::Display) -> Bound {
        Bound {
            value: value.to_string(),
            inclusive: true,
        }
    }

    /// A bound that the value must not equal (`> 0%`).
    pub fn exclusive(value: impl fmt::Display) -> Bound {
        Bound {
            value: value.to_string(),
            inclusive: false,
        }
    }

    /// The bound's value, as text.
    pub fn value(&self) -> &str {
        &self.value
    }

    /// Whether the value may equal the bound.
    pub fn is_inclusive(&self) -> bool {
        self.inclusive
    }
}

/// The rule a value breaks. `#[non_exhaustive]`: new checks add new rules.
///
/// The first group comes from reading JSON (the document does not fit the
/// format); the rest are the builders' invariants. Both reach the caller
/// the same way, as [`Violation`](super::Violation)s.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Rule {
    /// A field the format does not have (a typo, or a field of another
    /// version).
    UnknownField {
        /// The fields allowed there.
        expected: Vec<String>,
    },
    /// A value of the wrong JSON type (a number where text is expected).
    WrongType {
        /// What was found (`integer 3`, `a map`).
        found: String,
        /// What the format expects there.
        expected: String,
    },
    /// A JSON float where an exact decimal is expected (money, shares):
    /// floats may already have lost pence, so they are refused.
    FloatNotExact,
    /// A value outside a closed set (an enum).
    UnknownVariant {
        /// The values allowed there.
        expected: Vec<String>,
    },
    /// A text that does not parse as the value expected (`2024/26` as a
    /// financial year); `reason` is the parser's own message.
    Unparsable {
        /// Why it does not parse.
        reason: String,
    },
    /// A required field was not given.
    Required,
    /// A field required because of another value (a met RDC principle
    /// needs its evidence).
    RequiredWhen {
        /// The condition that makes it required (`the principle is met`).
        condition: String,
    },
    /// A name or text must not be empty or blank.
    NotEmpty,
    /// A list must have at least one entry.
    NotEmptyList,
    /// An id must be unique; `first` is the path where it was first used.
    UniqueId {
        /// The path of the first use of the id.
        first: FieldPath,
    },
    /// A reference must name something that exists.
    Resolves {
        /// What kind of thing it must name (`delivery ask of the plan`).
        target: String,
    },
    /// A value must lie in a range; either end may be open.
    InRange {
        /// The lower bound, if any.
        min: Option<Bound>,
        /// The upper bound, if any.
        max: Option<Bound>,
    },
    /// A sum must not exceed a bound (the areas' shares add up to at most
    /// 100%).
    SumAtMost {
        /// What is summed (`shares of the areas`).
        of: String,
        /// The largest sum allowed.
        max: String,
    },
    /// A text must be at most `max` characters long.
    LengthAtMost {
        /// The most characters allowed.
        max: usize,
        /// Why (`so that its budget line ids fit an id`).
        because: String,
    },
    /// A month or date must not be before a bound.
    NotBefore {
        /// The earliest value allowed.
        earliest: String,
        /// What the bound is (`the first month of the plan's year 2024/25`).
        because: String,
    },
    /// A month or date must not be after a bound.
    NotAfter {
        /// The latest value allowed.
        latest: String,
        /// What the bound is (`3 years after the assessment`).
        because: String,
    },
    /// A value may appear only once in its list; `first` is the path of its
    /// first use.
    AtMostOnce {
        /// The path of the first use of the value.
        first: FieldPath,
    },
    /// Two entries may not share a key (an RDC assessment's site, scope and
    /// date: the latest must be unambiguous).
    SameKeyAs {
        /// The path of the entry it clashes with.
        first: FieldPath,
        /// What the key is made of.
        key: String,
    },
    /// A value must agree with what the thing it refers to says (a
    /// trajectory's standard and the standard of the ask it delivers).
    Agrees {
        /// The value expected.
        expected: String,
        /// What says so (`ask fds-80`).
        with: String,
    },
    /// An amount must not be negative.
    NonNegative,
    /// A `year n of m` term must have `1 <= n <= m`.
    YearWithinTerm,
    /// An RDC action may only name a principle its assessment found not
    /// fully met.
    NamesUnmetPrinciple,
    /// A cost for the whole tenure needs a fixed tenure (one with a last
    /// month).
    WholeTenureNeedsFixedTenure {
        /// The open-ended tenure, as text.
        tenure: String,
    },
}

impl fmt::Display for Bound {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.value)
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rule::UnknownField { expected } => {
                write!(f, "is not a field here (expected one of: {})", expected.join(", "))
            }
            Rule::WrongType { found, expected } => {
                write!(f, "has the wrong type: found {found}, expected {expected}")
            }
            Rule::FloatNotExact => f.write_str(
                "must be a decimal string such as \"1234.50\", not a JSON float (floats lose pence)",
            ),
            Rule::UnknownVariant { expected } => {
                write!(f, "is not one of: {}", expected.join(", "))
            }
            Rule::Unparsable { reason } => write!(f, "does not parse: {reason}"),
            Rule::Required => f.write_str("is required"),
            Rule::RequiredWhen { condition } => write!(f, "is required when {condition}"),
            Rule::NotEmpty => f.write_str("must not be empty"),
            Rule::NotEmptyList => f.write_str("must list at least one entry"),
            Rule::UniqueId { first } => write!(f, "must be unique (first used at {first})"),
            Rule::Resolves { target } => write!(f, "must name an existing {target}"),
            Rule::InRange { min, max } => {
                f.write_str("must be")?;
                if let Some(min) = min {
                    let op = if min.inclusive { ">=" } else { ">" };
                    write!(f, " {op} {min}")?;
                }
                if let Some(max) = max {
                    let op = if max.inclusive { "<=" } else { "<" };
                    let and = if min.is_some() { " and" } else { "" };
                    write!(f, "{and} {op} {max}")?;
                }
                Ok(())
            }
            Rule::SumAtMost { of, max } => write!(f, "must add up to at most {max} ({of})"),
            Rule::LengthAtMost { max, because } => {
                write!(f, "must be at most {max} characters ({because})")
            }
            Rule::NotBefore { earliest, because } => {
                write!(f, "must not be before {earliest} ({because})")
            }
            Rule::NotAfter { latest, because } => {
                write!(f, "must not be after {latest} ({because})")
            }
            Rule::AtMostOnce { first } => write!(f, "may appear only once (first at {first})"),
            Rule::SameKeyAs { first, key } => {
                write!(f, "must differ from {first}, which has the same {key}")
            }
            Rule::Agrees { expected, with } => write!(f, "must be {expected}, as {with} says"),
            Rule::NonNegative => f.write_str("must not be negative"),
            Rule::YearWithinTerm => f.write_str("must have 1 <= year <= years in the term"),
            Rule::NamesUnmetPrinciple => f.write_str(
                "must name a principle the assessment found not fully met (this one is met)",
            ),
            Rule::WholeTenureNeedsFixedTenure { tenure } => write!(
                f,
                "is a cost for the whole tenure, which needs a fixed tenure; the tenure is \
                 open-ended ({tenure}): cost it per year (`annual`) or give the tenure its \
                 `last` month"
            ),
        }
    }
}

impl Rule {
    /// `InRange` with both ends inclusive.
    pub fn between(min: impl fmt::Display, max: impl fmt::Display) -> Rule {
        Rule::InRange {
            min: Some(Bound::inclusive(min)),
            max: Some(Bound::inclusive(max)),
        }
    }

    /// Whether the rule comes from reading a document that does not fit the
    /// format (rather than from an invariant of the values).
    pub fn is_format(&self) -> bool {
        matches!(
            self,
            Rule::UnknownField { .. }
                | Rule::WrongType { .. }
                | Rule::FloatNotExact
                | Rule::UnknownVariant { .. }
                | Rule::Unparsable { .. }
        )
    }
}
