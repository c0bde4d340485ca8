//! [`ParseError`]: text that is not the value it should be.

use std::borrow::Cow;
use std::fmt;

use crate::error::range::RangeError;

/// The most text an error quotes: a short prefix of bad input.
const QUOTED: usize = 64;

/// Text that does not parse as a value: what was expected, the text (a
/// short prefix of it), and either an example of the form expected or,
/// when the text had the right form but a part was out of range, the
/// [`RangeError`] (also the [`source`](std::error::Error::source)).
///
/// Every value type's `FromStr` returns it (`Percent`, `FinancialYear`,
/// `Quarter`, `YearMonth`, `Id`, `OdsCode`, `TumourSite`, `Wte`,
/// `AfcBand`), and `Money`'s inside [`MoneyError`](crate::money::MoneyError).
///
/// ```
/// use cancer_plan::{error::ParseError, Percent};
/// let e: ParseError = "eighty".parse::<Percent>().unwrap_err();
/// assert_eq!(e.what(), "a percentage");
/// assert_eq!(e.text(), "eighty");
/// assert_eq!(e.to_string(), "`eighty` is not a percentage (expected e.g. `80`, `80%` or `33.25%`)");
/// let e = "101".parse::<Percent>().unwrap_err();
/// assert_eq!(e.range().map(|r| r.max()), Some("100%"));
/// assert_eq!(e.to_string(), "`101` is not a percentage: percentage 101% is outside 0%..=100%");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    what: &'static str,
    text: String,
    expected: Cow<'static, str>,
    range: Option<Box<RangeError>>,
}

impl ParseError {
    /// `text` is not `what` (`"a percentage"`); `expected` describes the form
    /// (`"e.g. `80` or `80%`"`). Keeps at most a short prefix of `text`.
    pub(crate) fn new(
        what: &'static str,
        text: &str,
        expected: impl Into<Cow<'static, str>>,
    ) -> ParseError {
        let cut = text
            .char_indices()
            .nth(QUOTED)
            .map_or(text.len(), |(i, _)| i);
        let mut quoted = text.get(..cut).unwrap_or_default().to_owned();
        if cut < text.len() {
            quoted.push_str("...");
        }
        ParseError {
            what,
            text: quoted,
            expected: expected.into(),
            range: None,
        }
    }

    /// The text had the form of `what` but a part of it is out of range.
    pub(crate) fn out_of_range(what: &'static str, text: &str, range: RangeError) -> ParseError {
        let mut e = ParseError::new(what, text, "");
        e.range = Some(Box::new(range));
        e
    }

    /// What the text should have been, with its article: `a percentage`.
    pub fn what(&self) -> &'static str {
        self.what
    }

    /// The text given (at most its first 64 characters, then `...`).
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The form expected (`e.g. `2024/25``); empty when [`range`](Self::range) says why.
    pub fn expected(&self) -> &str {
        &self.expected
    }

    /// The part of the text that was out of range, when that was the fault.
    pub fn range(&self) -> Option<&RangeError> {
        self.range.as_deref()
    }
}

impl fmt::Display for ParseError {
    /// `` `eighty` is not a percentage (expected e.g. `80`) ``, or
    /// `` `101` is not a percentage: percentage 101% is outside 0%..=100% ``.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` is not {}", self.text, self.what)?;
        match &self.range {
            Some(range) => write!(f, ": {range}"),
            None => write!(f, " (expected {})", self.expected),
        }
    }
}

impl std::error::Error for ParseError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.range
            .as_deref()
            .map(|r| r as &(dyn std::error::Error + 'static))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_a_short_prefix() {
        let long = "x".repeat(100);
        let e = ParseError::new("an id", &long, "1 to 64 characters");
        assert_eq!(e.text().len(), 67);
        assert!(e.text().ends_with("..."));
        let e = ParseError::new("an id", "é", "x");
        assert_eq!(e.text(), "é");
    }
}
