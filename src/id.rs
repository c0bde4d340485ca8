//! [`Id`]: the stable identifier of anything a plan refers to by reference.

use serde::{Deserialize, Serialize};

use crate::error::ParseError;

/// A short, stable identifier such as `fds-80` or `hiow`.
///
/// Ids are what references point at (an intervention names the asks it
/// serves by id), so they are restricted to 1 to 64 ASCII letters, digits and
/// `-_./`: no spaces, nothing that could look alike.
///
/// ```
/// use cancer_plan::Id;
/// let id: Id = "fds-80".parse()?;
/// assert_eq!(id.as_str(), "fds-80");
/// assert!("two words".parse::<Id>().is_err());
/// # Ok::<(), cancer_plan::error::ParseError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Id(String);

impl Id {
    /// Checks and wraps an id.
    ///
    /// # Errors
    ///
    /// [`ParseError`] unless the id is 1 to 64 of `A-Z a-z 0-9 - _ . /`.
    pub fn new(text: impl Into<String>) -> Result<Id, ParseError> {
        let text = text.into();
        let ok = (1..=64).contains(&text.len())
            && text
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'/'));
        if ok {
            Ok(Id(text))
        } else {
            Err(ParseError::new(
                "an id",
                &text,
                "1 to 64 characters of letters, digits, `-`, `_`, `.` or `/`",
            ))
        }
    }
}

crate::util::checked_text_newtype!(Id, ParseError);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_and_rejects() {
        assert!(Id::new("cross-cutting").is_ok());
        assert!(Id::new("r1.a_b/c").is_ok());
        assert!(Id::new("").is_err());
        assert!(Id::new("a b").is_err());
        assert!(Id::new("é").is_err());
        assert!(Id::new("x".repeat(65)).is_err());
    }
}
